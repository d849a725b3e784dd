// One measurement of `npm run bench`, in its own process so that every configuration starts equally cold and no
// configuration's heap or JIT state leaks into another's. Reads a job file (JSON: { mode, cwd, files, stats }),
// lints the files with the corpus config of that mode (scripts/corpus/lib.mjs) through the ESLint Node API,
// single-threaded, and prints one JSON line: the CPU time (user + system, process.cpuUsage) and wall time of the
// lint itself (not of loading ESLint), the number of problems, and with `stats` the time per rule (ESLint's
// `stats` option: the figures `TIMING=all` prints). `crossFile: false` turns the whole-app model off; with `parsed`
// the line also says how many other files the project model parsed, and how many its import scan read (`scanReads`:
// not those whose facts an earlier process kept). On Linux the CPU is also split by thread (`main`:
// the JavaScript thread, where ESLint and the rules run; `other`: V8's compiler and garbage-collector helpers and
// libuv's pool), and `load` is the CPU of loading the plugin (before the lint, not in `cpu`; 0 for a configuration
// without it).
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { ESLint } from 'eslint';

import { codeCacheStatus, corpusConfig, loadPlugin, measurements, readManifest } from './corpus/lib.mjs';

/** CPU (ms) of this process' main thread and of its other threads, from /proc (Linux); `null` elsewhere. */
function threadCpu() {
  try {
    let main = 0;
    let other = 0;
    for (const task of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ticks of 1/100 s
      if (task === String(process.pid)) main += ms;
      else other += ms;
    }
    return { main, other };
  } catch {
    return null;
  }
}

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const manifest = job.corpus ? readManifest() : { packages: [] };
// The plugin is loaded once per process, before the lint (its config needs it): measured here on its own, outside
// the lint, for the configurations that have it.
const load0 = process.cpuUsage();
if (/recommended|strict|all/u.test(job.mode)) loadPlugin();
const loadUsed = process.cpuUsage(load0);
// `crossFile: false`: the plugin's single-file figure (settings['secure-express'].crossFile), else the default (on).
const settings = job.crossFile === false ? [{ settings: { 'secure-express': { crossFile: false } } }] : [];
const eslint = new ESLint({
  cwd: job.cwd,
  overrideConfigFile: true,
  overrideConfig: [...corpusConfig(job.mode, manifest), ...settings],
  stats: Boolean(job.stats),
});
const threads0 = threadCpu();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const results = await eslint.lintFiles(job.files);
const wall = performance.now() - t0;
const cpuUsed = process.cpuUsage(cpu0);
const threads1 = threadCpu();
const out = {
  cpu: (cpuUsed.user + cpuUsed.system) / 1000,
  wall,
  load: (loadUsed.user + loadUsed.system) / 1000,
  ...(threads0 && threads1 ? { main: threads1.main - threads0.main, other: threads1.other - threads0.other } : {}),
  files: results.length,
  problems: results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId).length, 0),
  fatal: results.reduce((n, r) => n + r.messages.filter((m) => m.fatal).length, 0),
};
// Whether the plugin was compiled from its code cache (src/load.ts): `used` in every run but a first one.
if (/recommended|strict|all/u.test(job.mode)) out.codeCache = codeCacheStatus();
if (job.parsed) {
  // Other files of the package that the project model parsed (the linted ones are read through ESLint's parse).
  const { parseCounts, scanReadCounts, sharedParseCount, holderReadCount, usesBuildCounts } = measurements();
  out.parsed = [...parseCounts().values()].reduce((n, count) => n + count, 0);
  // (The files the import scan read: none but the changed ones when an earlier process kept the others' facts.)
  if (scanReadCounts) out.scanReads = [...scanReadCounts().values()].reduce((n, count) => n + count, 0);
  // (The holders whose models the whole-app walk read: none when an earlier process kept them.)
  if (holderReadCount) out.holderReads = holderReadCount();
  // (The models that see other files, `uses`, the project built: of other files, and of the linted ones it links.)
  if (usesBuildCounts) out.usesBuilt = [...usesBuildCounts().values()].reduce((n, count) => n + count, 0);
  // (Of them, the parses ESLint took for its own lint of the file: src/project/shared-parses.ts.)
  if (sharedParseCount) out.shared = sharedParseCount();
}
if (job.stats) {
  const rules = {};
  let parse = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      for (const [id, t] of Object.entries(pass.rules ?? {})) rules[id] = (rules[id] ?? 0) + t.total;
    }
  }
  out.rules = rules;
  out.parse = parse;
  // The part of each rule's time spent building files' shared models (ESLint counts it in the rule that asked first).
  const { modelBuildTimes } = measurements();
  out.models = Object.fromEntries(modelBuildTimes());
}
process.stdout.write(`${JSON.stringify(out)}\n`);
