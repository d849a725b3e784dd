import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { corpusConfig, loadPlugin, readManifest } from './corpus/lib.mjs';
const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
if (/recommended/.test(job.mode)) loadPlugin();
const settings = job.crossFile === false ? [{ settings: { 'secure-express': { crossFile: false } } }] : [];
const eslint = new ESLint({ cwd: job.cwd, overrideConfigFile: true, overrideConfig: [...corpusConfig(job.mode, readManifest()), ...settings], stats: true });
const out = [];
for (let i = 0; i < 3; i++) { const c0 = process.cpuUsage(); const r = await eslint.lintFiles(job.files); const c = process.cpuUsage(c0); let pl = 0, ot = 0, pa = 0; for (const x of r) for (const pass of x.stats?.times.passes ?? []) { pa += pass.parse?.total ?? 0; for (const [id, t] of Object.entries(pass.rules ?? {})) if (id.startsWith('secure-express/')) pl += t.total; else ot += t.total; }
  out.push({ cpu: Math.round((c.user + c.system) / 1000), plugin: Math.round(pl), other: Math.round(ot), parse: Math.round(pa) }); await new Promise((res) => setTimeout(res, 100)); }
console.log(JSON.stringify(out));
