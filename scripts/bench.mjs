// `npm run bench`: what the plugin costs on real code.
// 1. For each corpus package (see `npm run corpus`): ESLint with the same parsing and no rule, vs our
//    `recommended`, vs our `strict`, vs eslint-plugin-security's recommended config. The configurations
//    alternate inside each round (the starting one rotates), after one warm-up round that is not counted.
//    Prints the median wall time and CPU time (user + system of this process) per configuration and their
//    ratios to the no-rule run.
// 2. Scaling: generated Express files of 100, 1,000 and 10,000 routes, linted with `strict` and with no rule:
//    the 10,000-route file must take at most 12× the 1,000-route one.
// Writes bench/RESULTS.md (with the machine) and exits non-zero when a target is missed.
// Options: --rounds N (default 5), --scale-rounds N (default 5), --only <package>, --no-corpus, --no-scale.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { ESLint } from 'eslint';

import { generateRoutes } from './corpus/generate.mjs';
import { corpusConfig, loadPlugin, median, readManifest, ROOT, SRC } from './corpus/lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const rounds = Number(option('--rounds', 5));
const scaleRounds = Number(option('--scale-rounds', 5));
const onlyPackage = option('--only', null);
const MODES = [
  { mode: 'none', label: 'no rules' },
  { mode: 'floor', label: 'one core rule (no-debugger)' },
  { mode: 'js', label: '@eslint/js recommended' },
  { mode: 'js+recommended', label: '@eslint/js + secure-express recommended' },
  { mode: 'recommended', label: 'secure-express recommended' },
  { mode: 'strict', label: 'secure-express strict' },
  { mode: 'security', label: 'eslint-plugin-security recommended' },
];
const TARGETS = { recommended: 1.15, strict: 1.25, scale: 12 };
const plugin = loadPlugin();
const missed = [];

/** Runs `fn` and returns its wall and CPU time in milliseconds. */
async function measure(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, value };
}

const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

// 1. Corpus.
const corpusRows = [];
if (!args.includes('--no-corpus')) {
  const manifest = readManifest();
  const configs = Object.fromEntries(MODES.map(({ mode }) => [mode, corpusConfig(mode, manifest)]));
  // Smallest package first: its warm-up round is the cheapest.
  for (const pkg of [...manifest.packages].sort((a, b) => a.files.length - b.files.length)) {
    if (onlyPackage && pkg.name !== onlyPackage) continue;
    const files = pkg.files.map((f) => path.join(SRC, f.path));
    const times = Object.fromEntries(MODES.map(({ mode }) => [mode, { wall: [], cpu: [] }]));
    const problems = {};
    // One warm-up round (not counted) on the first package only: later packages run on a warm process.
    const first = corpusRows.length === 0 ? 0 : 1;
    for (let round = first; round <= rounds; round++) {
      for (let k = 0; k < MODES.length; k++) {
        const { mode } = MODES[(round + k) % MODES.length];
        const eslint = new ESLint({ cwd: SRC, overrideConfigFile: true, overrideConfig: configs[mode] });
        const { wall, cpu, value } = await measure(() => eslint.lintFiles(files));
        problems[mode] = value.reduce((n, r) => n + r.messages.filter((m) => m.ruleId).length, 0);
        if (round === 0) continue; // warm-up
        times[mode].wall.push(wall);
        times[mode].cpu.push(cpu);
      }
      process.stdout.write(round === 0 ? `${pkg.name}: warm-up done` : `${round === first ? `${pkg.name}:` : ''} · round ${round}/${rounds}`);
    }
    process.stdout.write('\n');
    const base = { wall: median(times.none.wall), cpu: median(times.none.cpu) };
    for (const { mode, label } of MODES) {
      const wall = median(times[mode].wall);
      const cpu = median(times[mode].cpu);
      const floorCpu = median(times.floor.cpu);
      corpusRows.push({ pkg: `${pkg.name}@${pkg.version}`, files: files.length, mode, label, wall, cpu, wallRatio: wall / base.wall, cpuRatio: cpu / base.cpu, floorRatio: cpu / floorCpu, problems: problems[mode] });
      console.log(`  ${label.padEnd(36)} wall ${fmt(wall).padStart(8)} (${ratio(wall, base.wall)})  cpu ${fmt(cpu).padStart(8)} (${ratio(cpu, base.cpu)}, ${ratio(cpu, floorCpu)} of one rule)  ${problems[mode]} problems`);
      const target = TARGETS[mode];
      if (target && cpu / base.cpu > target && wall / base.wall > target) {
        missed.push(`${pkg.name}: ${label} costs ${ratio(cpu, base.cpu)} CPU / ${ratio(wall, base.wall)} wall of the no-rule run (target ≤ ${target}×)`);
      }
    }
  }
}

// 2. Scaling on generated files.
const scaleRows = [];
if (!args.includes('--no-scale')) {
  const base = corpusConfig('none', { packages: [] });
  const strict = [...base, ...plugin.configs.strict];
  const sizes = [100, 1_000, 10_000];
  const texts = Object.fromEntries(sizes.map((n) => [n, generateRoutes(n)]));
  const filePath = path.join(SRC, 'generated-routes.js');
  for (const [name, config] of [['no rules', base], ['secure-express strict', strict]]) {
    const eslint = new ESLint({ cwd: SRC, overrideConfigFile: true, overrideConfig: config });
    for (const n of sizes) {
      const cpu = [];
      const wall = [];
      for (let round = 0; round <= scaleRounds; round++) {
        const t = await measure(() => eslint.lintText(texts[n], { filePath }));
        if (round === 0) continue;
        cpu.push(t.cpu);
        wall.push(t.wall);
      }
      scaleRows.push({ name, n, bytes: texts[n].length, cpu: median(cpu), wall: median(wall) });
    }
  }
  for (const name of ['no rules', 'secure-express strict']) {
    const rows = scaleRows.filter((r) => r.name === name);
    const by = Object.fromEntries(rows.map((r) => [r.n, r]));
    const growth = by[10_000].cpu / by[1_000].cpu;
    console.log(`scaling, ${name}: ${rows.map((r) => `${r.n} routes ${fmt(r.cpu)}`).join(', ')}; 10,000 / 1,000 = ${growth.toFixed(1)}× CPU`);
    if (name !== 'no rules' && growth > TARGETS.scale && by[10_000].wall / by[1_000].wall > TARGETS.scale) {
      missed.push(`scaling: the 10,000-route file takes ${growth.toFixed(1)}× the 1,000-route one (target ≤ ${TARGETS.scale}×)`);
    }
  }
}

// Report.
const cpus = os.cpus();
const lines = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (`scripts/bench.mjs`). Each package of the corpus (`npm run corpus`) is linted through',
  'the ESLint Node API, single-threaded, without cache, with the same parsing for every configuration (espree for',
  'JavaScript with JSX, @typescript-eslint/parser for TypeScript, each file\'s sourceType detected), once per',
  `configuration in each round, the configurations alternating (the first one rotates); one warm-up round on the first`,
  `package, then ${rounds} counted rounds per package.`,
  'Medians. CPU is user + system time of the benchmarking process; the ratios are to the no-rule run.',
  '',
  `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ESLint ${ESLint.version}, ${plugin.meta.name} ${plugin.meta.version} (${Object.keys(plugin.rules).length} rules). Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}.`,
  `Run: ${new Date().toISOString()}.`,
  '',
];
if (corpusRows.length > 0) {
  lines.push(
    '## Corpus',
    '',
    `Targets: \`recommended\` ≤ ${TARGETS.recommended}×, \`strict\` ≤ ${TARGETS.strict}× the no-rule time.`,
    '',
    'The second baseline, one trivial core rule, is what having any rule on costs (ESLint\'s per-node event',
    'traversal, which does little when no rule listens). "CPU / one rule" is the cost of the rules themselves.',
    '',
    '| Package | Files | Configuration | Wall (median) | Wall ratio | CPU (median) | CPU ratio | CPU / one rule | Problems |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...corpusRows.map((r) => `| ${r.pkg} | ${r.files} | ${r.label} | ${fmt(r.wall)} | ${r.wallRatio.toFixed(2)}× | ${fmt(r.cpu)} | ${r.cpuRatio.toFixed(2)}× | ${r.floorRatio.toFixed(2)}× | ${r.problems} |`),
    '',
    '### Added to a typical config',
    '',
    'What a user pays for adding the plugin: `@eslint/js` recommended alone vs the same plus `secure-express`',
    'recommended, and eslint-plugin-security recommended vs one core rule for comparison.',
    '',
    '| Package | secure-express recommended on top of @eslint/js (CPU) | (wall) | eslint-plugin-security vs one core rule (CPU) |',
    '| --- | ---: | ---: | ---: |',
    ...[...new Set(corpusRows.map((r) => r.pkg))].map((pkg) => {
      const row = (mode) => corpusRows.find((r) => r.pkg === pkg && r.mode === mode);
      const js = row('js');
      const both = row('js+recommended');
      const security = row('security');
      const floor = row('floor');
      return `| ${pkg} | ${(both.cpu / js.cpu).toFixed(2)}× | ${(both.wall / js.wall).toFixed(2)}× | ${(security.cpu / floor.cpu).toFixed(2)}× |`;
    }),
    '',
  );
}
if (scaleRows.length > 0) {
  lines.push(
    '## Scaling',
    '',
    `Generated Express files (\`generateRoutes(n)\` in \`scripts/corpus/generate.mjs\`), linted with \`lintText\`; one warm-up, then ${scaleRounds} runs, medians. Target: 10,000 routes ≤ ${TARGETS.scale}× 1,000 routes.`,
    '',
    '| Configuration | Routes | Size | Wall (median) | CPU (median) | CPU / previous size |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...scaleRows.map((r, i) => {
      const prev = i > 0 && scaleRows[i - 1].name === r.name ? scaleRows[i - 1] : null;
      return `| ${r.name} | ${r.n.toLocaleString('en')} | ${(r.bytes / 1024).toFixed(0)} KiB | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${prev ? `${(r.cpu / prev.cpu).toFixed(1)}×` : ''} |`;
    }),
    '',
  );
}
lines.push('## Targets missed', '', ...(missed.length === 0 ? ['None.'] : missed.map((m) => `- ${m}`)), '');
if (!onlyPackage) writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), lines.join('\n'));
console.log(missed.length === 0 ? 'All targets met.' : `Targets missed:\n${missed.map((m) => `- ${m}`).join('\n')}`);
if (missed.length > 0) process.exitCode = 1;
