import { ESLint } from 'eslint';
import js from '@eslint/js';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const [dir, mode] = process.argv.slice(2);
const plugin = require('/work/main/dist/index.js');
const base = [js.configs.recommended, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } } }];
const cfg = mode === 'js' ? base : [...base, ...plugin.configs.recommended, ...(mode === 'single' ? [{ settings: { 'secure-express': { crossFile: false } } }] : [])];
const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: cfg, stats: process.env.STATS === '1' });
const c0 = process.cpuUsage(); const r = await eslint.lintFiles(['src/**/*.js']); const c = process.cpuUsage(c0);
let ours = 0; if (process.env.STATS === '1') for (const x of r) for (const p of x.stats?.times.passes ?? []) for (const [id, t] of Object.entries(p.rules ?? {})) if (id.startsWith('secure-express/')) ours += t.total;
console.log(mode, ((c.user + c.system) / 1000).toFixed(0), 'files', r.length, 'problems', r.reduce((n, x) => n + x.messages.length, 0), process.env.STATS === '1' ? 'ours ' + ours.toFixed(0) : '');
if (mode === 'whole') { const { parseCounts } = require('/work/main/dist/project/index.js'); const pc = parseCounts(); const byKind = {}; for (const [f, c] of pc) { const k = f.replace(/.*\//, '').replace(/^r\d+\./, 'rN.'); byKind[k] = (byKind[k] ?? 0) + c; } console.log('parses', [...pc.values()].reduce((a, b) => a + b, 0), JSON.stringify(byKind)); }
