import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
const { corpusConfig, readManifest, SRC } = await import('./corpus/lib.mjs');
const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = {};
for (const cf of [false, true, false, true]) {
  const eslint = new ESLint({ cwd: job.cwd, overrideConfigFile: true, stats: true, overrideConfig: [...corpusConfig('js+recommended', readManifest()), { settings: { 'secure-express': { crossFile: cf } } }] });
  const results = await eslint.lintFiles(job.files);
  for (const r of results) { let t = 0; for (const p of r.stats?.times.passes ?? []) for (const [id, x] of Object.entries(p.rules ?? {})) if (id.startsWith('secure-express/')) t += x.total; const k = path.relative(SRC, r.filePath); out[k] ??= [[], []]; out[k][cf ? 1 : 0].push(t); }
}
const rows = Object.entries(out).map(([k, [s, w]]) => [k, Math.min(...s), Math.min(...w)]);
const tot = (i) => rows.reduce((a, r) => a + r[i], 0);
console.log('single', tot(1).toFixed(0), 'whole', tot(2).toFixed(0));
for (const r of rows.sort((a, b) => (b[2] - b[1]) - (a[2] - a[1])).slice(0, 20)) console.log((r[2] - r[1]).toFixed(1).padStart(7), r[1].toFixed(1).padStart(6), r[2].toFixed(1).padStart(6), r[0]);
