import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
const { corpusConfig, readManifest, loadPlugin } = await import('./corpus/lib.mjs');
const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const p = loadPlugin(); const plugin = p.default ?? p;
const perRule = {}; const keys = {}; let files = new Set(); const filesWith = new Set();
for (const [name, r] of Object.entries(plugin.rules)) { const c = r.create; r.create = function (ctx) { const l = c.call(this, ctx); const n = Object.keys(l).length; files.add(ctx.filename); if (n) { filesWith.add(ctx.filename); perRule[name] = (perRule[name] ?? 0) + 1; for (const k of Object.keys(l)) keys[k] = (keys[k] ?? 0) + 1; } return l; }; }
const settings = job.crossFile === false ? [{ settings: { 'secure-express': { crossFile: false } } }] : [];
const eslint = new ESLint({ cwd: job.cwd, overrideConfigFile: true, overrideConfig: [...corpusConfig(job.mode, readManifest()), ...settings] });
await eslint.lintFiles(job.files);
console.log('files', files.size, 'with any listener', filesWith.size, 'rule instances with listeners', Object.values(perRule).reduce((a, b) => a + b, 0));
console.log(Object.entries(perRule).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' '));
console.log(Object.entries(keys).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k}:${v}`).join(' | '));
