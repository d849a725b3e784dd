import { readFileSync, writeFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { corpusConfig, loadPlugin, readManifest } from './corpus/lib.mjs';
const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const manifest = readManifest();
loadPlugin();
const settings = job.crossFile === false ? [{ settings: { 'secure-express': { crossFile: false } } }] : [];
const eslint = new ESLint({ cwd: job.cwd, overrideConfigFile: true, overrideConfig: [...corpusConfig(job.mode, manifest), ...settings], stats: true });
const results = await eslint.lintFiles(job.files);
const out = {};
for (const r of results) { let t = 0, p = 0; for (const pass of r.stats?.times.passes ?? []) { p += pass.parse?.total ?? 0; for (const [id, x] of Object.entries(pass.rules ?? {})) if (id.startsWith('secure-express/')) t += x.total; } out[r.filePath.replace(job.cwd + '/', '')] = [Math.round(t * 10) / 10, Math.round(p * 10) / 10]; }
writeFileSync(process.argv[3], JSON.stringify(out));
