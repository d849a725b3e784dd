// `node scripts/bench-crossfile.mjs [package] [runs]` (after `npm run build` and `npm run corpus`): what cross-file
// analysis costs. Lints one corpus package (default ghost) with `@eslint/js` recommended plus our `recommended`, in
// a fresh process per run (the project model caches per process), alternating `crossFile: true` and `false`, and
// prints the median CPU time (user + system) of each and their ratio. Single-threaded, so runs compare like with like.
// BENCH_DIST=<dir> measures another build of the plugin (its dist/ folder) instead of this one.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  const [, , , id, crossFile] = process.argv;
  const { ESLint } = await import('eslint');
  const { createRequire } = await import('node:module');
  const { corpusConfig, measurements, readManifest, SRC } = await import('./corpus/lib.mjs');
  const manifest = readManifest();
  const pkg = manifest.packages.find((p) => `${p.name}@${p.version}` === id);
  // BENCH_DIST: another build of the plugin (e.g. main's dist/) to compare with.
  const base = process.env.BENCH_DIST
    ? [...corpusConfig('js', manifest), ...createRequire(import.meta.url)(path.resolve(process.env.BENCH_DIST, 'index.js')).configs.recommended]
    : corpusConfig('js+recommended', manifest);
  const config = [...base, { settings: { 'secure-express': { crossFile: crossFile === 'on' } } }];
  const eslint = new ESLint({ cwd: SRC, overrideConfigFile: true, overrideConfig: config });
  const files = pkg.files.map((f) => path.join(SRC, f.path));
  const before = process.cpuUsage();
  const results = await eslint.lintFiles(files);
  const used = process.cpuUsage(before);
  const findings = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('secure-express/')).length, 0);
  // Files the project model parsed (each other file read for the whole-app model), and the heap that stays after a
  // full collection (what the project cache keeps: other files' syntax trees and models).
  const dist = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(path.dirname(self), '..', 'dist');
  const { parseCounts } = measurements(path.join(dist, 'index.js'));
  const parsed = [...parseCounts().values()].reduce((n, count) => n + count, 0);
  globalThis.gc?.();
  const heapMB = Math.round(process.memoryUsage().heapUsed / 1e6);
  process.stdout.write(JSON.stringify({ ms: (used.user + used.system) / 1000, findings, parsed, heapMB }));
} else {
  const { median, readManifest } = await import('./corpus/lib.mjs');
  const name = process.argv[2] ?? 'ghost';
  const runs = Number(process.argv[3] ?? 5);
  const pkg = readManifest().packages.find((p) => p.name === name || `${p.name}@${p.version}` === name);
  if (!pkg) throw new Error(`No corpus package '${name}'.`);
  const id = `${pkg.name}@${pkg.version}`;
  const times = { on: [], off: [] };
  const findings = {};
  const extra = {};
  for (let i = 0; i < runs; i++) {
    for (const mode of i % 2 === 0 ? ['off', 'on'] : ['on', 'off']) {
      const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', self, '--child', id, mode], { encoding: 'utf8', maxBuffer: 1 << 26 }));
      times[mode].push(out.ms);
      findings[mode] = out.findings;
      extra[mode] = `parsed ${out.parsed}, heap ${out.heapMB} MB`;
    }
  }
  const on = median(times.on);
  const off = median(times.off);
  console.log(`${id} (${pkg.files.length} files), ${runs} runs each, CPU ms median: crossFile off ${off.toFixed(0)}, on ${on.toFixed(0)}, ratio ${(on / off).toFixed(3)}; findings off ${findings.off}, on ${findings.on}`);
  console.log(`  after the lint: off ${extra.off}; on ${extra.on}`);
  console.log(`  off: ${times.off.map((t) => t.toFixed(0)).join(' ')}\n  on:  ${times.on.map((t) => t.toFixed(0)).join(' ')}`);
}
