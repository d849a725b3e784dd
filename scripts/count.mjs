// `npm run count`: the instructions one lint of a corpus package executes, counted by callgrind (valgrind must be
// installed), the instrument changes to the plugin's speed are judged by. CPU time on a shared machine moves by up to
// 15% between runs of the same build; this count of express-gateway moves by about 1% between runs under different
// loads, and the difference between two builds counted side by side (a pair, --against) by a few tenths of a percent.
// On nest-server one build's count still moved by up to 7% (bench/speed-analysis.md, session 21): repeat a pair there.
// The lint runs in scripts/bench-child.mjs as in `npm run bench`, with V8 deterministic (--predictable: one thread, no
// concurrent compilers or marking, which callgrind would count apart) and scripts/count-preload.cjs preloaded (the
// project model's clock and ESLint's read order made independent of the machine's speed).
//   node scripts/count.mjs [--package express-gateway] [--mode js+recommended] [--single-file] [--against DIR] [--fixed-gc | --no-full-gc]
// --package dense-app counts the bench's dense app instead of a corpus package (section 1d of scripts/bench.mjs:
// `generateRestApp(120)` of scripts/corpus/generate.mjs, 363 files, every one an Express file the whole-app model reads
// across), written once by this checkout into this count's own folder and linted by both sides as the bench does (its
// `src` folder, in ESLint's order), each side with its own code cache and kept results. One build counted against
// itself: 1.0001 (bench/speed-analysis.md, session 38).
// --fixed-gc adds V8's --predictable-gc-schedule (a fixed heap growth, no memory reducer) and --no-incremental-marking
// (each mark-compact marks the whole heap at once): V8 otherwise sizes the heap from GC and mutator speeds measured in
// real time, and each incremental marking step from the marking speed it measures, so a long count (Ghost: 15-40
// minutes under valgrind) collects more or less, and in other steps, with the machine's load. Without incremental
// marking off, nest-server's pairs with --predictable-gc-schedule still moved by up to 4.4%; with it, one build counted
// 41.488889, 41.489304 and 41.488543 G (bench/speed-analysis.md, session 35). Without it Ghost's count of the same code was 73.9 G in one session and 64.8 G
// in the next; with it one build counted 82.376 G and 82.368 G in two pairs run side by side (bench/speed-analysis.md,
// session 32). It collects far more often than a real lint,
// so it weighs allocation more than a user's run does: use it for a pair on a large package, not as the figure, and
// only between builds that keep about as much in memory: the heap grows in fixed steps from what is live, so a build that
// keeps less collects in full more often (Ghost single-file against whole-app: 36 full collections against 20; counted
// 80.1 G against 82.0 G, where without the flag they differ by 17%).
// --no-full-gc is --fixed-gc with an old generation so large (V8's --initial-old-space-size=4096) that no mark-compact
// runs: what is counted is the lint's own work and its scavenges. Under --fixed-gc a change that keeps a few MB more alive
// shifts the fixed schedule's full collections by one or two, each a few hundred million instructions on Ghost (main at
// e7f0b3f: 17 mark-compacts in one lint, 2,476 ms of them under --trace-gc; a lane's cut of the whole-app walk that kept
// per-file answers: 19, 3,262 ms), which hides a cut of a few tenths of a percent: use this flag to judge such a cut, and
// --fixed-gc or the bench for what retention costs (bench/speed-analysis.md, session 39).
// --against DIR counts the same lint with another checkout (its dist built, its corpus fetched) at the same time,
// under the same load, and prints both and their ratio. Each side lints once first, not counted: the plugin's code
// cache is then written (in a folder of this count's own), as after a user's first lint of the package;
// SECURE_EXPRESS_CODE_CACHE=off counts without it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { generateRestApp } from './corpus/generate.mjs';
import { packageNamed, ROOT } from './corpus/lib.mjs';

const { values } = parseArgs({
  options: {
    package: { type: 'string', default: 'express-gateway' },
    mode: { type: 'string', default: 'js+recommended' },
    'single-file': { type: 'boolean', default: false },
    against: { type: 'string' },
    'fixed-gc': { type: 'boolean', default: false },
    'no-full-gc': { type: 'boolean', default: false },
  },
});
if (values['fixed-gc'] && values['no-full-gc']) {
  console.error('--fixed-gc and --no-full-gc are two schedules: choose one (--no-full-gc is --fixed-gc with no mark-compact).');
  process.exit(2);
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'secure-express-count-'));
// The plugin's code cache: a folder of this count's own, written by the warm-up lint of the package counted (as a
// user's project has its own, written by its first lint), unless SECURE_EXPRESS_CODE_CACHE says otherwise.
const childEnv = { ...process.env, SECURE_EXPRESS_CODE_CACHE: process.env.SECURE_EXPRESS_CODE_CACHE ?? path.join(temp, 'code-cache') };
/** The environment of one side's lints: for the dense app, whose files both sides lint, each side keeps its own results. */
const envFor = (root) =>
  values.package === 'dense-app' && !process.env.SECURE_EXPRESS_CODE_CACHE
    ? { ...process.env, SECURE_EXPRESS_CODE_CACHE: path.join(temp, `code-cache-${root === ROOT ? 'here' : 'against'}`) }
    : childEnv;

/** The dense app (`--package dense-app`), written once into this count's folder: both sides lint these files. */
let denseApp = null;
function writeDenseApp() {
  if (!denseApp) {
    denseApp = path.join(temp, 'dense-app');
    for (const [name, text] of Object.entries(generateRestApp(120))) {
      mkdirSync(path.dirname(path.join(denseApp, name)), { recursive: true });
      writeFileSync(path.join(denseApp, name), text);
    }
  }
  return denseApp;
}

/** The job file of bench-child.mjs for one checkout (the corpus config's globs are relative to its root). */
async function jobFor(root, label) {
  if (values.package === 'dense-app') {
    // (As scripts/bench.mjs lints it: the folder, no corpus config, the plugin's own defaults for its files.)
    const dir = writeDenseApp();
    const job = { mode: values.mode, cwd: dir, files: [path.join(dir, 'src')], corpus: false, crossFile: !values['single-file'], parsed: /recommended|strict|all/u.test(values.mode) };
    const file = path.join(temp, `${label}.json`);
    writeFileSync(file, JSON.stringify(job));
    return { file, name: 'dense app (generated)' };
  }
  const lib = await import(pathToFileURL(path.join(root, 'scripts/corpus/lib.mjs')).href);
  // (This checkout's reading of the name, over the other checkout's manifest.)
  const pkg = packageNamed(lib.readManifest().packages, values.package);
  const job = {
    mode: values.mode,
    cwd: lib.SRC,
    files: pkg.files.map((file) => path.join(lib.SRC, file.path)),
    corpus: true,
    crossFile: !values['single-file'],
    parsed: /recommended|strict|all/u.test(values.mode),
  };
  const file = path.join(temp, `${label}.json`);
  writeFileSync(file, JSON.stringify(job));
  return { file, name: pkg.name };
}

/** Node and its flags for one lint of `root`'s bench child (V8 deterministic, the preload of this checkout). */
const nodeArgs = (root, jobFile) => [
  process.execPath,
  '--require',
  path.join(ROOT, 'scripts/count-preload.cjs'),
  '--predictable',
  ...(values['fixed-gc'] || values['no-full-gc'] ? ['--predictable-gc-schedule', '--no-incremental-marking'] : []),
  ...(values['no-full-gc'] ? ['--initial-old-space-size=4096'] : []),
  '--single-threaded',
  '--hash-seed=1',
  '--random-seed=1',
  path.join(root, 'scripts/bench-child.mjs'),
  jobFile,
];

/**
 * One lint outside callgrind, not counted: it writes the plugin's code cache (src/load.ts) under the same flags when
 * there is none yet, so that the count is what users' second and later runs pay (SECURE_EXPRESS_CODE_CACHE=off counts
 * a first run). A checkout from before the loader just lints.
 */
function warm(root, jobFile) {
  const [node, ...args] = nodeArgs(root, jobFile);
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd: root, stdio: 'ignore', env: envFor(root) });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`The warm-up lint in ${root} failed (exit ${code}).`))));
  });
}

/** Runs one count; resolves with the instructions and the lint's own report line. */
function count(root, jobFile) {
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', ...nodeArgs(root, jobFile)];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: envFor(root) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`valgrind could not be started (${error.message}): is it installed?`)));
    child.on('close', (code) => {
      const collected = /Collected : (\d+)/u.exec(stderr);
      if (code !== 0 || !collected) reject(new Error(`The count in ${root} failed (exit ${code}):\n${stderr.slice(-2000)}`));
      else resolve({ instructions: Number(collected[1]), report: JSON.parse(stdout.trim().split('\n').pop()) });
    });
  });
}

const giga = (n) => `${(n / 1e9).toFixed(3)} G`;
const describe = (label, { instructions, report }) =>
  `${label}: ${giga(instructions)} instructions (${report.problems} problems${report.parsed === undefined ? '' : `, ${report.parsed} other files parsed${report.shared === undefined ? '' : ` (${report.shared} handed to ESLint)`}`}${report.codeCache ? `, code cache ${report.codeCache}` : ''})`;

try {
  const here = await jobFor(ROOT, 'here');
  const against = values.against ? path.resolve(values.against) : null;
  const there = against ? await jobFor(against, 'against') : null;
  console.log(`${here.name}, ${values.mode}, ${values['single-file'] ? 'single-file' : 'whole-app'}${values['fixed-gc'] ? ', fixed GC schedule' : values['no-full-gc'] ? ', fixed GC schedule without full collections' : ''}`);
  await Promise.all([warm(ROOT, here.file), there ? warm(against, there.file) : null]);
  const [mine, theirs] = await Promise.all([count(ROOT, here.file), there ? count(against, there.file) : null]);
  console.log(describe(ROOT, mine));
  if (theirs) {
    console.log(describe(against, theirs));
    console.log(`ratio (this checkout / the other): ${(mine.instructions / theirs.instructions).toFixed(4)}`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
