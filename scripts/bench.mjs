// `npm run bench`: what adding the plugin costs a user, on real code and on generated files.
// Every measurement runs in its own Node process (scripts/bench-child.mjs), so every configuration starts equally
// cold and none inherits another's heap or JIT state; the child reports the CPU time (user + system) of the lint
// itself. The configurations alternate inside each round (the first one rotates), and the figures are medians.
// 1. Corpus (`npm run corpus`), per package: `@eslint/js` recommended alone, then with our `recommended`, our
//    `strict`, or eslint-plugin-security's recommended added. The ratio of each to `@eslint/js` alone is the
//    median of the per-round ratios (both runs of a round see the same machine load; a package whose lint takes under
//    1.5 s runs three times the rounds, since its rounds spread the most). Targets: recommended ≤ 1.05×,
//    strict ≤ 1.08×. oxlint (`jsPlugins`, one thread) runs the same JavaScript rules of `recommended` on the same
//    files, beside ESLint running them alone (whole-process CPU for both: oxlint has no in-process figure).
//    Each configuration of ours also runs with the whole-app model off (`crossFile: false`, the single-file figure):
//    the targets are recommended ≤ 1.05× and strict ≤ 1.08× single-file, ≤ 1.10× / ≤ 1.12× with the whole-app model
//    (the default), and the table gives the ratio of the two. `recommended` also runs as a first run (no cache folder:
//    no code cache, no kept results; CI without that folder), shown beside the later runs' figure, not judged.
// 1b. Editor: the first lint of one file of the largest package in a fresh process (the project model starts
//    cold), with the whole-app model on and off, for a few route files of the package.
// 1c. Handler linearity (scripts/bench-handlers.mjs): a file of 5,000 handlers vs 500, ≤ 12× the time.
// 1d. A dense app (generated, `generateRestApp` of scripts/corpus/generate.mjs): a REST service of 120 resources, each
//    a router, a controller and a repository in their own files (361 files), as real services are laid out and the
//    corpus' packages are not: every file is an Express file the whole-app model reads across. Same configurations and
//    targets as a corpus package. (--no-dense skips it.)
// 2. Per-rule times (ESLint's `stats`, the figures `TIMING=all` prints) on the largest package, `@eslint/js` +
//    `strict`: no rule of ours should cost more than the median core rule.
// 3. Fixed cost per file: many small files that the per-file gate stops (no Express); the plugin's extra CPU per file.
// 4. Scaling: generated Express files of 1,000 and 10,000 routes, and a no-Express file of 1,000 and 10,000 lines:
//    10× the size must cost at most 12× the time.
// The plugin is compiled from its code cache (src/load.ts) in every run, as in a user's second and later runs: one
// folder per project (a corpus package, the dense app; the generated files share one), written by one lint of that
// project first, not counted (SECURE_EXPRESS_CODE_CACHE=off measures first runs).
// Writes bench/RESULTS.md (with the machine, its load and the run's duration) and exits non-zero when a target is
// missed. Options: --rounds N (default 5), --scale-rounds N (default 3), --only <package> (its name or a part of it that names one; no RESULTS.md),
// --no-corpus, --no-oxlint, --no-editor, --no-handlers, --no-dense, --no-timing, --no-plain, --no-scale.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import { generatePlain, generateRestApp, generateRoutes } from './corpus/generate.mjs';
import { CACHE, loadPlugin, median, packageNamed, readManifest, ROOT, SRC } from './corpus/lib.mjs';
import { OXLINT_BIN, oxlintConfig } from './oxlint.mjs';

const started = performance.now();
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const rounds = Number(option('--rounds', 5));
const scaleRounds = Number(option('--scale-rounds', 3));
let onlyPackage = option('--only', null);
/** A package whose lint (`recommended`, its first run) takes less CPU than this runs `SHORT_LINT_ROUNDS` times the rounds. */
const SHORT_LINT_MS = 1500;
const SHORT_LINT_ROUNDS = 3;
/** Single-file targets (`crossFile: false`), and with the whole-app model on (the default). */
const TARGETS = { recommended: 1.05, strict: 1.08, recommendedWholeApp: 1.1, strictWholeApp: 1.12, scale: 12, plain: 1.05, handlers: 12 };
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-child.mjs');
const WORK = path.join(CACHE, 'bench');
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
// The plugin's code cache (src/load.ts), one folder per project linted, as each user project has its own in its
// node_modules/.cache: written by one lint of that project before its runs, not counted. SECURE_EXPRESS_CODE_CACHE=off
// measures first runs.
const cacheOff = /^(?:0|false|off)$/iu.test(process.env.SECURE_EXPRESS_CODE_CACHE ?? '');
let codeCacheFolder = null;
/** Runs the next lints with the code cache of `project` (an empty folder the first time). */
function useCodeCache(project) {
  codeCacheFolder = cacheOff ? null : path.join(WORK, 'code-cache', project.replace(/[^\w.@-]+/gu, '_'));
}
const plugin = loadPlugin();
const missed = [];
// What has been measured (filled section by section; `writeReport` prints what is there).
const corpusRows = [];
const oxlintRows = [];
let timing = null;
let plain = null;
const scaleRows = [];
const editorRows = [];
let handlers = null;
let dense = null;
const loads = [];

const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const times = (r) => `${r.toFixed(2)}×`;

/** CPU time (ms) of the waited-for children of this process, from /proc (Linux); `null` elsewhere. */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in ticks of 1/100 s
  } catch {
    return null;
  }
}

/** Runs a command to completion; returns its wall time and whole-process CPU time (ms). */
function spawnMeasured(command, commandArgs, options) {
  const cpu0 = childrenCpu();
  const t0 = performance.now();
  const run = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpu();
  if (run.error) throw run.error;
  return { run, wall, processCpu: cpu0 === null || cpu1 === null ? wall : cpu1 - cpu0 };
}

let jobCount = 0;
/** How the processes that loaded the plugin compiled it: from its code cache (`used`) or not (src/load.ts). */
const codeCache = {};
/** Lints `files` (in `cwd`) with the corpus config of `mode` in a fresh process. */
function lintInChild(mode, cwd, files, { corpus = true, stats = false, crossFile = true, parsed = false, cache = true } = {}) {
  const jobFile = path.join(WORK, `job-${jobCount++ % 4}.json`);
  writeFileSync(jobFile, JSON.stringify({ mode, cwd, files, corpus, stats, crossFile, parsed }));
  // (`cache: false`: a first run, as in CI without the cache folder: no code cache and no kept results.)
  const env = !cache ? { ...process.env, SECURE_EXPRESS_CODE_CACHE: 'off' } : codeCacheFolder ? { ...process.env, SECURE_EXPRESS_CODE_CACHE: codeCacheFolder } : process.env;
  const { run, wall, processCpu } = spawnMeasured(process.execPath, [CHILD, jobFile], { cwd: ROOT, env });
  if (run.status !== 0) throw new Error(`bench child (${mode}) failed: ${run.stderr.slice(0, 2000)}`);
  const result = JSON.parse(run.stdout.trim().split('\n').pop());
  loads.push(os.loadavg()[0]);
  if (result.codeCache) codeCache[result.codeCache] = (codeCache[result.codeCache] ?? 0) + 1;
  return { ...result, processWall: wall, processCpu };
}

/** Runs oxlint, one thread, with `configFile` on `files` (relative to `cwd`). */
function oxlintRun(configFile, cwd, files) {
  const { run, wall, processCpu } = spawnMeasured(process.execPath, [OXLINT_BIN, '-c', configFile, '--threads=1', '--format', 'json', ...files], { cwd });
  let problems;
  try {
    problems = JSON.parse(run.stdout).diagnostics.filter((d) => d.code).length; // parse errors have no rule code
  } catch {
    throw new Error(`oxlint failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  }
  return { cpu: processCpu, wall, processCpu, processWall: wall, problems };
}

/**
 * Runs every job `n` times, alternating (job k first in round k), and returns per job its runs in round order.
 * @param {Record<string, () => { cpu: number }>} jobs
 */
function alternate(jobs, n, label) {
  const names = Object.keys(jobs);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < n; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      runs[name].push(jobs[name]());
    }
    process.stdout.write(`\r${label}: round ${round + 1}/${n}   `);
  }
  process.stdout.write('\n');
  return runs;
}

/** The summed time (ms) of the plugin's rules in ESLint's stats, one run of `js+recommended`. */
function ownTime(files, crossFile) {
  const result = lintInChild('js+recommended', SRC, files, { stats: true, crossFile });
  return Object.entries(result.rules ?? {}).reduce((sum, [id, t]) => (id.startsWith(`${plugin.meta.namespace}/`) ? sum + t : sum), 0);
}

/** The median of the per-round ratios of `a` to `b` (paired: each round's two runs saw the same load). */
const pairedRatio = (a, b, key = 'cpu') => median(a.map((run, i) => run[key] / b[i][key]));
/** The lowest and highest per-round ratio of `a` to `b`: how far one round's figure can be from the median. */
const pairedRange = (a, b) => {
  const ratios = a.map((run, i) => run.cpu / b[i].cpu);
  return [Math.min(...ratios), Math.max(...ratios)];
};
const range = ([low, high]) => `${low.toFixed(2)}–${high.toFixed(2)}`;
const med = (runs, key = 'cpu') => median(runs.map((r) => r[key]));

// 1. Corpus.
let manifest = null;
if (!args.includes('--no-corpus')) {
  manifest = readManifest();
  // (`--only nest` names @lenne.tech/nest-server, as for `npm run count`; a name of no package is an error, not an empty run.)
  if (onlyPackage) onlyPackage = packageNamed(manifest.packages, onlyPackage).name;
  const withOxlint = !args.includes('--no-oxlint') && existsSync(OXLINT_BIN);
  const oxlintFile = path.join(WORK, 'oxlintrc.json');
  writeFileSync(oxlintFile, JSON.stringify(oxlintConfig('recommended')));
  for (const pkg of [...manifest.packages].sort((a, b) => a.files.length - b.files.length)) {
    if (onlyPackage && pkg.name !== onlyPackage) continue;
    const files = pkg.files.map((f) => path.join(SRC, f.path));
    const dir = path.join(SRC, `${pkg.name}@${pkg.version}`);
    const relative = files.map((f) => path.relative(dir, f));
    lintInChild('none', SRC, files); // warms the file cache; not counted
    // The package's code cache, as after its first lint: written by this lint, not counted.
    useCodeCache(pkg.name);
    const first = lintInChild('js+recommended', SRC, files);
    delete codeCache.missing;
    // A short lint's per-round ratios spread the most (json-server's over 1.0-1.6 in five rounds: V8's compiler threads
    // and the machine weigh more on a third of a second), and its rounds cost the least: three times the rounds.
    const packageRounds = first.cpu < SHORT_LINT_MS ? rounds * SHORT_LINT_ROUNDS : rounds;
    const jobs = {
      js: () => lintInChild('js', SRC, files),
      'js+recommended': () => lintInChild('js+recommended', SRC, files, { parsed: true }),
      // A first run (no cache folder: CI without one, a new checkout): not judged, shown beside the later runs' figure.
      ...(cacheOff ? {} : { 'js+recommended first run': () => lintInChild('js+recommended', SRC, files, { cache: false }) }),
      'js+strict': () => lintInChild('js+strict', SRC, files),
      'js+recommended single-file': () => lintInChild('js+recommended', SRC, files, { crossFile: false }),
      'js+strict single-file': () => lintInChild('js+strict', SRC, files, { crossFile: false }),
      'js+security': () => lintInChild('js+security', SRC, files),
      ...(withOxlint
        ? { recommended: () => lintInChild('recommended', SRC, files), oxlint: () => oxlintRun(oxlintFile, dir, relative) }
        : {}),
    };
    const runs = alternate(jobs, packageRounds, `${pkg.name} (${files.length} files)`);
    const row = {
      pkg: `${pkg.name}@${pkg.version}`,
      rounds: packageRounds,
      files: files.length,
      js: med(runs.js),
      jsWall: med(runs.js, 'wall'),
      recommended: pairedRatio(runs['js+recommended'], runs.js),
      strict: pairedRatio(runs['js+strict'], runs.js),
      // The rounds' spread of the two whole-app ratios (one figure per round; the median above is the judge).
      recommendedRange: pairedRange(runs['js+recommended'], runs.js),
      strictRange: pairedRange(runs['js+strict'], runs.js),
      recommendedSingle: pairedRatio(runs['js+recommended single-file'], runs.js),
      strictSingle: pairedRatio(runs['js+strict single-file'], runs.js),
      recommendedFirst: runs['js+recommended first run'] ? pairedRatio(runs['js+recommended first run'], runs.js) : null,
      // The whole-app model's own price: the same config with it on vs off.
      wholeApp: pairedRatio(runs['js+recommended'], runs['js+recommended single-file']),
      security: pairedRatio(runs['js+security'], runs.js),
      recommendedWall: pairedRatio(runs['js+recommended'], runs.js, 'wall'),
      strictWall: pairedRatio(runs['js+strict'], runs.js, 'wall'),
      problems: Object.fromEntries(Object.entries(runs).map(([name, r]) => [name, r[0].problems])),
      // Other files of the package the project model parsed in one lint (whole-app model on).
      parsed: runs['js+recommended'][0].parsed ?? null,
      // Where the price is (Linux): the main thread's CPU and the other threads' (V8's compiler and GC helpers),
      // each against @eslint/js alone's, and loading the config (the plugin's share: with it minus without it).
      mainRatio: runs.js[0].main === undefined ? null : pairedRatio(runs['js+recommended'], runs.js, 'main'),
      otherRatio: runs.js[0].other === undefined ? null : pairedRatio(runs['js+recommended'], runs.js, 'other'),
      mainRatioSingle: runs.js[0].main === undefined ? null : pairedRatio(runs['js+recommended single-file'], runs.js, 'main'),
      pluginLoad: med(runs['js+recommended'], 'load'),
      // The plugin's own time on the main thread: its rules' times in ESLint's stats (they include the model and the
      // project work the rules start), one run each with stats on (not in the ratios: stats cost time themselves).
      own: ownTime(files, true),
      ownSingle: ownTime(files, false),
    };
    corpusRows.push(row);
    console.log(
      `  ${row.rounds} rounds; @eslint/js ${fmt(row.js)} CPU; + recommended ${times(row.recommended)} [rounds ${range(row.recommendedRange)}] (single-file ${times(row.recommendedSingle)}${row.recommendedFirst === null ? '' : `; a first run ${times(row.recommendedFirst)}`}), + strict ${times(row.strict)} [rounds ${range(row.strictRange)}] (single-file ${times(row.strictSingle)}), whole-app on/off ${times(row.wholeApp)}, + eslint-plugin-security ${times(row.security)}`,
    );
    if (row.mainRatio !== null) {
      console.log(`  recommended: main thread ${times(row.mainRatio)} (single-file ${times(row.mainRatioSingle)}), other threads ${times(row.otherRatio)}; the plugin's own time ${fmt(row.own)} (single-file ${fmt(row.ownSingle)}); loading it ${fmt(row.pluginLoad)}`);
    }
    for (const [key, config, target, how] of [
      ['recommended', 'recommended', TARGETS.recommendedWholeApp, 'with the whole-app model'],
      ['strict', 'strict', TARGETS.strictWholeApp, 'with the whole-app model'],
      ['recommendedSingle', 'recommended', TARGETS.recommended, 'single-file'],
      ['strictSingle', 'strict', TARGETS.strict, 'single-file'],
    ]) {
      if (row[key] > target) {
        // Why, from this run's own figures: the rules' per-file price (single-file), and what the whole-app model adds.
        const single = key === 'recommended' ? row.recommendedSingle : row.strictSingle;
        const why =
          how === 'single-file'
            ? 'the rules and the shared model in the files the per-file gate lets in (per-rule table below; bench/speed-analysis.md)'
            : `${times(single)} of it single-file, then the whole-app model's reading of other files (recommended on/off ${times(row.wholeApp)}, ${row.parsed ?? '?'} other files parsed once each; bench/speed-analysis.md)`;
        const spread = key === 'recommended' ? row.recommendedRange : key === 'strict' ? row.strictRange : null;
        const spreadNote = spread ? `; its rounds ranged ${range(spread)}${spread[0] <= target ? ', some within the target' : ''}` : '';
        missed.push(`${row.pkg}: \`${config}\` added to @eslint/js costs ${times(row[key])} CPU ${how} (target ≤ ${target}×, missed by ${((row[key] - target) * 100).toFixed(1)} points${spreadNote}): ${why}`);
      }
    }
    if (withOxlint) {
      const ox = {
        pkg: row.pkg,
        eslintCpu: med(runs.recommended, 'processCpu'),
        eslintWall: med(runs.recommended, 'processWall'),
        oxlintCpu: med(runs.oxlint, 'processCpu'),
        oxlintWall: med(runs.oxlint, 'processWall'),
        eslintProblems: runs.recommended[0].problems,
        oxlintProblems: runs.oxlint[0].problems,
      };
      oxlintRows.push(ox);
      console.log(`  same rules alone: ESLint ${fmt(ox.eslintCpu)} CPU / ${fmt(ox.eslintWall)} wall, oxlint ${fmt(ox.oxlintCpu)} / ${fmt(ox.oxlintWall)}`);
    }
    writeReport(false);
  }
}

// 1b. Editor: the first lint of one file in a fresh process, on the largest package.
if (!args.includes('--no-editor') && existsSync(path.join(CACHE, 'manifest.json'))) {
  manifest ??= readManifest();
  const largest = [...manifest.packages].sort((a, b) => b.files.length - a.files.length)[0];
  if (!onlyPackage || largest.name === onlyPackage) {
    // (The package's code cache: written by its first lint above, or by one lint now when the corpus was skipped.)
    useCodeCache(largest.name);
    if (!existsSync(codeCacheFolder ?? '') && codeCacheFolder) lintInChild('js+recommended', SRC, largest.files.map((f) => path.join(SRC, f.path)));
    delete codeCache.missing;
    // Route files (they register routes on an app or router): the ones whose importers the whole-app model reads.
    const routeFiles = largest.files
      .map((f) => path.join(SRC, f.path))
      .filter((file) => /\b(?:express|Router)\b/u.test(readFileSync(file, 'utf8')) && /\.(?:get|post|put|delete|use)\(\s*['"`]\//u.test(readFileSync(file, 'utf8')))
      .sort();
    const picked = [...new Set([0.25, 0.5, 0.75].map((q) => routeFiles[Math.floor(q * routeFiles.length)]).filter(Boolean))];
    for (const file of picked) {
      const rel = path.relative(path.join(SRC, `${largest.name}@${largest.version}`), file).split(path.sep).join('/');
      const runs = alternate(
        {
          on: () => lintInChild('js+recommended', SRC, [file], { parsed: true }),
          off: () => lintInChild('js+recommended', SRC, [file], { crossFile: false, parsed: true }),
        },
        rounds,
        `editor: ${rel}`,
      );
      const row = {
        pkg: `${largest.name}@${largest.version}`,
        file: rel,
        on: med(runs.on),
        off: med(runs.off),
        onProcess: med(runs.on, 'processCpu'),
        offProcess: med(runs.off, 'processCpu'),
        parsed: runs.on[0].parsed ?? 0,
        findings: [runs.on[0].problems, runs.off[0].problems],
      };
      editorRows.push(row);
      console.log(`  whole-app on ${fmt(row.on)} (process ${fmt(row.onProcess)}, ${row.parsed} other files parsed), off ${fmt(row.off)} (process ${fmt(row.offProcess)})`);
    }
    writeReport(false);
  }
}

// 1d. A dense app.
if (!args.includes('--no-dense') && !onlyPackage) {
  const dir = path.join(WORK, 'dense-app');
  rmSync(dir, { recursive: true, force: true });
  const generated = generateRestApp(120);
  for (const [name, text] of Object.entries(generated)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  // (The folder, as a user lints it: ESLint's own order of its files, which decides what the project model reads first.)
  const files = [path.join(dir, 'src')];
  useCodeCache('dense-app');
  lintInChild('js+recommended', dir, files, { corpus: false });
  delete codeCache.missing;
  const runs = alternate(
    {
      js: () => lintInChild('js', dir, files, { corpus: false }),
      'js+recommended': () => lintInChild('js+recommended', dir, files, { corpus: false, parsed: true }),
      'js+recommended single-file': () => lintInChild('js+recommended', dir, files, { corpus: false, crossFile: false }),
    },
    rounds,
    'dense app',
  );
  dense = {
    files: runs.js[0].files,
    js: med(runs.js),
    recommended: pairedRatio(runs['js+recommended'], runs.js),
    recommendedRange: pairedRange(runs['js+recommended'], runs.js),
    recommendedSingle: pairedRatio(runs['js+recommended single-file'], runs.js),
    wholeApp: pairedRatio(runs['js+recommended'], runs['js+recommended single-file']),
    mainRatio: runs.js[0].main === undefined ? null : pairedRatio(runs['js+recommended'], runs.js, 'main'),
    parsed: runs['js+recommended'][0].parsed ?? null,
    problems: [runs.js[0].problems, runs['js+recommended'][0].problems],
  };
  console.log(
    `  @eslint/js ${fmt(dense.js)} CPU; + recommended ${times(dense.recommended)} [rounds ${range(dense.recommendedRange)}] (single-file ${times(dense.recommendedSingle)}), whole-app on/off ${times(dense.wholeApp)}, ${dense.parsed ?? '?'} other files parsed`,
  );
  if (dense.recommended > TARGETS.recommendedWholeApp) {
    missed.push(`dense app (generated, ${dense.files} files): \`recommended\` added to @eslint/js costs ${times(dense.recommended)} CPU with the whole-app model (target ≤ ${TARGETS.recommendedWholeApp}×; its rounds ranged ${range(dense.recommendedRange)}): ${times(dense.recommendedSingle)} single-file, whole-app on/off ${times(dense.wholeApp)} (${dense.parsed ?? '?'} other files parsed; bench/speed-analysis.md)`);
  }
  if (dense.recommendedSingle > TARGETS.recommended) {
    missed.push(`dense app (generated, ${dense.files} files): \`recommended\` added to @eslint/js costs ${times(dense.recommendedSingle)} CPU single-file (target ≤ ${TARGETS.recommended}×)`);
  }
  writeReport(false);
}

// 1c. Handler linearity.
if (!args.includes('--no-handlers') && !onlyPackage) {
  process.stdout.write('handler linearity (500 vs 5,000 handlers)…\n');
  const { run } = spawnMeasured(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-handlers.mjs'), '--json'], { cwd: ROOT });
  if (run.status !== 0) throw new Error(`bench-handlers failed: ${run.stderr.slice(0, 2000)}`);
  handlers = JSON.parse(run.stdout.trim().split('\n').pop());
  loads.push(os.loadavg()[0]);
  console.log(`  500 handlers ${fmt(handlers.small.best)}, 5,000 handlers ${fmt(handlers.large.best)}: ${times(handlers.ratio)} (limit ${TARGETS.handlers}×)`);
  if (handlers.ratio > TARGETS.handlers) missed.push(`handler linearity: 5,000 handlers take ${times(handlers.ratio)} the 500 (target ≤ ${TARGETS.handlers}×)`);
  writeReport(false);
}

// 2. Per-rule times on the largest package.
if (manifest && !args.includes('--no-timing')) {
  const largest = [...manifest.packages].sort((a, b) => b.files.length - a.files.length)[0];
  if (!onlyPackage || largest.name === onlyPackage) {
    process.stdout.write(`per-rule times on ${largest.name}…\n`);
    useCodeCache(largest.name);
    const result = lintInChild('js+strict', SRC, largest.files.map((f) => path.join(SRC, f.path)), { stats: true });
    const rules = Object.entries(result.rules).sort((a, b) => b[1] - a[1]);
    const total = rules.reduce((n, [, t]) => n + t, 0);
    const core = rules.filter(([id]) => !id.includes('/'));
    const medianCore = median(core.map(([, t]) => t));
    const namespace = `${plugin.meta.namespace}/`;
    const ours = rules.filter(([id]) => id.startsWith(namespace));
    const models = result.models ?? {};
    const modelTotal = Object.values(models).reduce((n, t) => n + t, 0);
    timing = { pkg: `${largest.name}@${largest.version}`, rules, total, medianCore, parse: result.parse, cpu: result.cpu, models, modelTotal };
    for (const [id, t] of ours) {
      // A rule's own time: without the shared models it happened to build first.
      const own = t - (models[id] ?? 0);
      if (own > medianCore) missed.push(`${id} takes ${own.toFixed(0)} ms of its own on ${timing.pkg}, above the median core rule (${medianCore.toFixed(0)} ms)`);
    }
    writeReport(false);
    console.log(`  rules ${fmt(total)} in all, ours ${fmt(ours.reduce((n, [, t]) => n + t, 0))}; median core rule ${medianCore.toFixed(1)} ms`);
  }
}

// 3. Fixed cost per file: small files without Express.
if (!args.includes('--no-plain') && !onlyPackage) {
  useCodeCache('generated');
  const dir = path.join(WORK, 'plain-files');
  mkdirSync(dir, { recursive: true });
  const count = 1000;
  const files = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `util-${i}.js`);
    writeFileSync(file, generatePlain(30));
    files.push(file);
  }
  lintInChild('none', dir, files, { corpus: false });
  const runs = alternate(
    {
      js: () => lintInChild('js', dir, files, { corpus: false }),
      'js+recommended': () => lintInChild('js+recommended', dir, files, { corpus: false }),
      'js+strict': () => lintInChild('js+strict', dir, files, { corpus: false }),
    },
    rounds,
    `${count} small files without Express`,
  );
  const perFile = (name) => median(runs[name].map((r, i) => ((r.cpu - runs.js[i].cpu) * 1000) / count));
  plain = {
    count,
    js: med(runs.js),
    recommended: pairedRatio(runs['js+recommended'], runs.js),
    strict: pairedRatio(runs['js+strict'], runs.js),
    recommendedPerFile: perFile('js+recommended'),
    strictPerFile: perFile('js+strict'),
  };
  console.log(`  + recommended ${times(plain.recommended)} (${plain.recommendedPerFile.toFixed(0)} µs per file), + strict ${times(plain.strict)} (${plain.strictPerFile.toFixed(0)} µs per file)`);
  if (plain.recommended > TARGETS.plain) missed.push(`files without Express: \`recommended\` costs ${times(plain.recommended)} (target ≤ ${TARGETS.plain}×)`);
  writeReport(false);
}

// 4. Scaling.
if (!args.includes('--no-scale') && !onlyPackage) {
  useCodeCache('generated');
  const sizes = [
    { kind: 'Express routes', n: 1_000, text: () => generateRoutes(1_000) },
    { kind: 'Express routes', n: 10_000, text: () => generateRoutes(10_000) },
    { kind: 'lines without Express', n: 1_000, text: () => generatePlain(1_000) },
    { kind: 'lines without Express', n: 10_000, text: () => generatePlain(10_000) },
  ];
  for (const size of sizes) {
    const file = path.join(WORK, `scale-${size.kind.split(' ')[0]}-${size.n}.js`);
    const text = size.text();
    writeFileSync(file, text);
    const runs = alternate(
      { js: () => lintInChild('js', WORK, [file], { corpus: false }), 'js+strict': () => lintInChild('js+strict', WORK, [file], { corpus: false }) },
      scaleRounds,
      `${size.n.toLocaleString('en')} ${size.kind}`,
    );
    scaleRows.push({ ...size, bytes: text.length, js: med(runs.js), strict: med(runs['js+strict']), ratio: pairedRatio(runs['js+strict'], runs.js) });
  }
  for (const kind of ['Express routes', 'lines without Express']) {
    const [small, large] = scaleRows.filter((r) => r.kind === kind);
    const growth = large.strict / small.strict;
    // The plugin's own part, when the small file's is big enough to divide by (else it is within the noise).
    const ours = small.strict - small.js > 0.05 * small.js ? (large.strict - large.js) / (small.strict - small.js) : null;
    Object.assign(large, { growth, ours });
    console.log(`scaling, ${kind}: 10× the size costs ${growth.toFixed(1)}× (@eslint/js + strict)${ours === null ? '' : `, ${ours.toFixed(1)}× for the plugin's part`}`);
    if (growth > TARGETS.scale) missed.push(`scaling: 10,000 ${kind} take ${growth.toFixed(1)}× the 1,000 (target ≤ ${TARGETS.scale}×)`);
  }
}

/** Writes bench/RESULTS.md with what has been measured so far (called after every section, so a run cut short still leaves its figures). */
function writeReport(done) {
  const seconds = (performance.now() - started) / 1000;
  const cpus = os.cpus();
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (`scripts/bench.mjs`). Every measurement is one ESLint run in a fresh Node process',
    '(`scripts/bench-child.mjs`: the ESLint Node API, single-threaded, no cache, the corpus config of',
    '`scripts/corpus/lib.mjs`, inline config comments ignored), timed inside the child with `process.cpuUsage` around',
    `the lint (user + system CPU; loading ESLint is not counted). The configurations alternate within each of ${rounds}`,
    `rounds (the first one rotates; ${rounds * SHORT_LINT_ROUNDS} for a corpus package whose lint takes under ${SHORT_LINT_MS / 1000} s, whose rounds spread the most);`,
    'a ratio is the median of the per-round ratios, a time the median of the runs.',
    '',
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ESLint ${ESLint.version}, ${plugin.meta.name} ${plugin.meta.version} (${Object.keys(plugin.rules).length} rules).`,
    `Load average (1 min) during the runs: median ${median(loads.length ? loads : [0]).toFixed(1)}, max ${Math.max(0, ...loads).toFixed(1)}. ${cpus.length > 0 && median(loads.length ? loads : [0]) > cpus.length * 0.75 ? '**The machine was busy: rerun on a quiet machine before trusting small differences.**' : ''}`,
    `Run: ${new Date().toISOString()}, ${Math.round(seconds / 60)} min.`,
    `The plugin's code cache (\`src/load.ts\`): ${cacheOff ? 'off' : 'one folder per project under `.corpus-cache/bench/code-cache`, written by one lint of that project before its runs, not counted'}; ${Object.entries(codeCache).map(([status, n]) => `${status} in ${n}`).join(', ') || 'no process'} of the processes that loaded the plugin. These are the figures of users' second and later runs; \`SECURE_EXPRESS_CODE_CACHE=off npm run bench\` measures first runs.`,
    '',
  ];
  if (corpusRows.length > 0) {
    lines.push(
      '## Added to @eslint/js recommended',
      '',
      `CPU of \`@eslint/js\` recommended with a second config added, relative to \`@eslint/js\` alone. Targets: \`recommended\` ≤ ${TARGETS.recommendedWholeApp}× with the whole-app model (the default) and ≤ ${TARGETS.recommended}× single-file (\`crossFile: false\`), \`strict\` ≤ ${TARGETS.strictWholeApp}× and ≤ ${TARGETS.strict}×; eslint-plugin-security recommended for comparison. "Whole-app on/off" is \`recommended\` with the whole-app model on vs off (same config otherwise). In brackets after the two whole-app figures: the lowest and highest of the rounds' ratios (the median is the figure the target is judged by; a spread wider than the distance to the target says more rounds are needed to read it). "First run" is \`recommended\` (whole-app) in a process without the plugin's cache folder (no code cache, no kept results: CI without that folder, a new checkout), alternated in the same rounds; it is shown, not judged.`,
      '',
      '| Package | Files | Rounds | @eslint/js alone (CPU) | + recommended | + recommended, single-file | + recommended, first run | + strict | + strict, single-file | Whole-app on/off | + eslint-plugin-security | + recommended (wall) | + strict (wall) | Problems: js / +rec / +strict / +security |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...corpusRows.map((r) => {
        const mark = (value, target) => `${times(value)}${value > target ? ' ✗' : ' ✓'}`;
        const p = r.problems;
        return `| ${r.pkg} | ${r.files} | ${r.rounds} | ${fmt(r.js)} | ${mark(r.recommended, TARGETS.recommendedWholeApp)} (${range(r.recommendedRange)}) | ${mark(r.recommendedSingle, TARGETS.recommended)} | ${r.recommendedFirst === null ? '–' : times(r.recommendedFirst)} | ${mark(r.strict, TARGETS.strictWholeApp)} (${range(r.strictRange)}) | ${mark(r.strictSingle, TARGETS.strict)} | ${times(r.wholeApp)} | ${times(r.security)} | ${times(r.recommendedWall)} | ${times(r.strictWall)} | ${p.js} / ${p['js+recommended']} / ${p['js+strict']} / ${p['js+security']} |`;
      }),
      '',
    );
  }
  if (corpusRows.some((r) => r.mainRatio !== null)) {
    const pct = (ms, r) => `${Math.round(ms)} ms (${((ms / r.js) * 100).toFixed(1)}%)`;
    lines.push(
      '## Where the price of `recommended` is',
      '',
      "The same runs as above, split by thread (Linux, `/proc`): the main thread runs ESLint and the rules; the other threads are V8's",
      "compiler and garbage-collector helpers, whose work grows with the code run and the memory kept. The plugin's own time is the sum of its",
      "rules' times in ESLint's `stats` (they include the model and the project work the rules start; one run each, stats on), as a share of",
      "`@eslint/js` alone's CPU. Loading the plugin is CPU before the lint (not in the ratios), measured on its own in the same process.",
      '',
      '| Package | + recommended: CPU | main thread | other threads | single-file: main thread | Plugin\'s own time, whole-app | single-file | Loading the plugin |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...corpusRows
        .filter((r) => r.mainRatio !== null)
        .map((r) => `| ${r.pkg} | ${times(r.recommended)} | ${times(r.mainRatio)} | ${times(r.otherRatio)} | ${times(r.mainRatioSingle)} | ${pct(r.own, r)} | ${pct(r.ownSingle, r)} | ${fmt(r.pluginLoad)} |`),
      '',
    );
  }
  if (oxlintRows.length > 0) {
    lines.push(
      '## oxlint',
      '',
      "The JavaScript rules of `recommended` alone, on the same files: ESLint (as above) and oxlint 's `jsPlugins` (`--threads=1`,",
      'the `.oxlintrc.json` of the README). Whole-process CPU and wall time for both (startup included), medians.',
      '',
      '| Package | ESLint CPU | ESLint wall | oxlint CPU | oxlint wall | oxlint / ESLint (CPU) | Problems (ESLint / oxlint) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ...oxlintRows.map((r) => `| ${r.pkg} | ${fmt(r.eslintCpu)} | ${fmt(r.eslintWall)} | ${fmt(r.oxlintCpu)} | ${fmt(r.oxlintWall)} | ${times(r.oxlintCpu / r.eslintCpu)} | ${r.eslintProblems} / ${r.oxlintProblems} |`),
      '',
    );
  }
  if (dense) {
    const mark = (value, target) => `${times(value)}${value > target ? ' ✗' : ' ✓'}`;
    lines.push(
      '## A dense app (generated)',
      '',
      `\`generateRestApp(120)\` (scripts/corpus/generate.mjs): a REST service of 120 resources, each a router, a controller and a repository in its own file, mounted by \`src/resources/index.js\` and \`src/server.js\` (${dense.files} files). Unlike the corpus' packages, every file is an Express file that the whole-app model reads across. Same configurations and targets as a corpus package.`,
      '',
      '| Files | @eslint/js alone (CPU) | + recommended | + recommended, single-file | Whole-app on/off | Main thread (+ recommended) | Other files parsed | Problems: js / +rec |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      `| ${dense.files} | ${fmt(dense.js)} | ${mark(dense.recommended, TARGETS.recommendedWholeApp)} (${range(dense.recommendedRange)}) | ${mark(dense.recommendedSingle, TARGETS.recommended)} | ${times(dense.wholeApp)} | ${dense.mainRatio === null ? '–' : times(dense.mainRatio)} | ${dense.parsed ?? '?'} | ${dense.problems[0]} / ${dense.problems[1]} |`,
      '',
    );
  }
  if (editorRows.length > 0) {
    lines.push(
      '## Editor: the first lint of one file',
      '',
      `What an editor pays for its first lint of a file: one route file of ${editorRows[0].pkg} linted alone in a fresh process`,
      '(`@eslint/js` recommended + `recommended`), so the project model starts cold and reads what the file needs. The lint',
      'itself (as above) and the whole process (loading ESLint and the plugin included), with the whole-app model on and off.',
      '',
      '| File | Whole-app on: lint | single-file: lint | On / off | Whole-app on: process | single-file: process | Other files parsed | Problems (on / off) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...editorRows.map(
        (r) => `| ${r.file} | ${fmt(r.on)} | ${fmt(r.off)} | ${times(r.on / r.off)} | ${fmt(r.onProcess)} | ${fmt(r.offProcess)} | ${r.parsed} | ${r.findings[0]} / ${r.findings[1]} |`,
      ),
      '',
    );
  }
  if (handlers) {
    lines.push(
      '## Handler linearity',
      '',
      '`scripts/bench-handlers.mjs`: one generated controller file of 500 and one of 5,000 exported handlers (guards, reassignments,',
      `a shared helper and allow list), linted with the rules that follow request data; best of 3. Target: 10× the handlers ≤ ${TARGETS.handlers}× the time.`,
      '',
      '| File | ESLint + the rules | ESLint alone | Findings |',
      '| --- | ---: | ---: | ---: |',
      `| 500 handlers | ${fmt(handlers.small.best)} | ${fmt(handlers.bare.small)} | ${handlers.small.messages} |`,
      `| 5,000 handlers | ${fmt(handlers.large.best)} | ${fmt(handlers.bare.large)} | ${handlers.large.messages} |`,
      `| ratio | ${times(handlers.ratio)}${handlers.ratio > TARGETS.handlers ? ' ✗' : ' ✓'} | ${times(handlers.bare.large / handlers.bare.small)} | |`,
      '',
    );
  }
  if (plain) {
    lines.push(
      '## Fixed cost per file',
      '',
      `${plain.count} small generated files without Express (\`generatePlain(30)\` in \`scripts/corpus/generate.mjs\`): the per-file gate`,
      'stops every Express rule, only the rules that apply to every file run (TLS options, regexes, SQL text, password hashes).',
      '',
      '| Added to @eslint/js | CPU ratio | Extra CPU per file |',
      '| --- | ---: | ---: |',
      `| recommended | ${times(plain.recommended)} | ${plain.recommendedPerFile.toFixed(0)} µs |`,
      `| strict | ${times(plain.strict)} | ${plain.strictPerFile.toFixed(0)} µs |`,
      '',
    );
  }
  if (scaleRows.length > 0) {
    lines.push(
      '## Scaling',
      '',
      `Generated files (\`generateRoutes(n)\`, \`generatePlain(n)\`), ${scaleRounds} rounds. Target: 10× the size ≤ ${TARGETS.scale}× the CPU.`,
      '',
      '| File | Size | @eslint/js (CPU) | @eslint/js + strict (CPU) | + strict ratio | 10× size: time | 10× size: plugin\'s part |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...scaleRows.map(
        (r) =>
          `| ${r.n.toLocaleString('en')} ${r.kind} | ${(r.bytes / 1024).toFixed(0)} KiB | ${fmt(r.js)} | ${fmt(r.strict)} | ${times(r.ratio)} | ${r.growth ? times(r.growth) : ''} | ${r.ours ? times(r.ours) : r.growth ? 'within noise' : ''} |`,
      ),
      '',
    );
  }
  if (timing) {
    const namespace = `${plugin.meta.namespace}/`;
    lines.push(
      '## Per-rule times',
      '',
      `${timing.pkg}, \`@eslint/js\` recommended + \`strict\`, ESLint's \`stats\` (the times \`TIMING=all\` prints), one run. Parsing ${fmt(timing.parse)},`,
      `all rules ${fmt(timing.total)}; the median core rule takes ${timing.medianCore.toFixed(1)} ms. Our rules are in bold. ESLint counts the`,
      'building of a file\'s shared Express model (the cross-file reading included) in the rule that asks for it first; the plugin',
      `times it (\`modelBuildTimes\` of src/express): ${fmt(timing.modelTotal)} in all, shown apart ("model") and left out of "own".`,
      '',
      '| Rule | Time | Of which: model | Own | Share of rule time |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...timing.rules.map(([id, t]) => {
        const name = id.startsWith(namespace) ? `**${id}**` : id;
        const model = timing.models[id] ?? 0;
        return `| ${name} | ${t.toFixed(1)} ms | ${model ? `${model.toFixed(1)} ms` : ''} | ${(t - model).toFixed(1)} ms | ${((t / timing.total) * 100).toFixed(1)}% |`;
      }),
      '',
    );
  }
  lines.push('## Targets missed', '', ...(missed.length === 0 ? ['None.'] : missed.map((m) => `- ${m}`)), '');
  if (!done) lines.push('**Run still in progress or cut short: the sections above are complete, the rest is missing.**', '');
  if (!onlyPackage) writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), lines.join('\n'));
  return seconds;
}

const seconds = writeReport(true);
console.log(`Done in ${(seconds / 60).toFixed(1)} min.`);
console.log(missed.length === 0 ? 'All targets met.' : `Targets missed:\n${missed.map((m) => `- ${m}`).join('\n')}`);
if (missed.length > 0) process.exitCode = 1;
