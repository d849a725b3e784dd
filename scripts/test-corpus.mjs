// `npm run test:corpus`: lints the whole corpus (see `npm run corpus`) with every rule on (the `strict` config
// plus every rule no config enables) and checks, for every file:
// - no rule throws;
// - every fix, applied to a copy (written under .corpus-cache/fixed/<rule>/), still parses, and linting the
//   fixed copy again reports no problem fixable by the same rule (fixes are complete and idempotent);
// - every suggestion, applied alone, still parses;
// - no rule reports the same problem twice on one node (same rule, range and message);
// then checks that oxlint (`jsPlugins`) finds the same problems (rule, file, line) as ESLint on the smallest package;
// then lints the corpus through the ESLint class single-threaded, with `concurrency: 'auto'` and 2, and twice with
// `cache` (cold, warm): each run must report the same findings (no rule keeps state across files).
// Writes the findings report (per rule counts, then rule, file, line, message) to bench/corpus-findings.md.
// Exits non-zero on any crash, broken or incomplete fix, broken suggestion or run mismatch.
// `--quick` skips the ESLint-class runs.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { ESLint } from 'eslint';

import { CACHE, CONFIG_FILE, corpusConfig, loadPlugin, readManifest, ROOT, SRC } from './corpus/lib.mjs';
import { oxlintConfig, oxlintFindings } from './oxlint.mjs';

const quick = process.argv.includes('--quick');
const started = performance.now();
const manifest = readManifest();
const plugin = loadPlugin();
const namespace = plugin.meta.namespace;
const ours = (ruleId) => typeof ruleId === 'string' && ruleId.startsWith(`${namespace}/`);
const allRules = Object.keys(plugin.rules).map((name) => `${namespace}/${name}`);
process.env.CORPUS_MODE = 'all';
/** An ESLint instance on the corpus config (`all`), with extra options. */
const eslintWith = (options = {}) => new ESLint({ cwd: SRC, overrideConfigFile: CONFIG_FILE, ...options });
const eslint = eslintWith();
/** Same parsing, no rule: checks that a text still parses. */
const parseOnly = eslintWith({ ruleFilter: () => false });
/** Per rule: lints with that rule alone and applies its fixes (up to ESLint's 10 passes). */
const fixers = new Map(allRules.map((ruleId) => [ruleId, eslintWith({ fix: true, ruleFilter: (r) => r.ruleId === ruleId })]));
const FIXED = path.join(CACHE, 'fixed');
rmSync(FIXED, { recursive: true, force: true });

const failures = [];
const findings = [];
const unparsable = [];
let filesLinted = 0;
let fixesChecked = 0;
let suggestionsChecked = 0;

const rel = (file) => path.relative(SRC, file).split(path.sep).join('/');

function fatalOf(messages) {
  return messages.find((m) => m.fatal);
}

/** Applies fixes (sorted, non-overlapping ones only, as ESLint does) to `text`. */
function applyFixes(text, fixes) {
  let out = '';
  let last = 0;
  for (const fix of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    if (fix.range[0] < last) continue;
    out += text.slice(last, fix.range[0]) + fix.text;
    last = fix.range[1];
  }
  return out + text.slice(last);
}

/** The packages' own package.json files (kept by `npm run corpus`, not in the manifest): the JSON rules read them. */
function packageJsonEntries(pkg) {
  const id = `${pkg.name}@${pkg.version}`;
  return readdirSync(path.join(SRC, id), { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.split('/').at(-1) === 'package.json' && !f.split('/').includes('node_modules'))
    .map((f) => ({ path: `${id}/${f}` }));
}

for (const pkg of manifest.packages) {
  for (const entry of [...pkg.files, ...packageJsonEntries(pkg)]) {
    const file = path.join(SRC, entry.path);
    const text = readFileSync(file, 'utf8');
    filesLinted++;
    let messages;
    try {
      [{ messages }] = await eslint.lintText(text, { filePath: file });
    } catch (error) {
      failures.push({ kind: 'crash', file: entry.path, detail: String(error?.stack ?? error).split('\n').slice(0, 6).join('\n') });
      continue;
    }
    const fatal = fatalOf(messages);
    if (fatal) {
      unparsable.push({ file: entry.path, line: fatal.line, message: fatal.message });
      continue;
    }
    const fixableRules = new Set();
    const reported = new Set();
    for (const m of messages) {
      if (!ours(m.ruleId)) continue;
      const key = `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`;
      if (reported.has(key)) failures.push({ kind: 'same node reported twice', rule: m.ruleId, file: entry.path, detail: key });
      reported.add(key);
      findings.push({ rule: m.ruleId, file: entry.path, line: m.line, column: m.column, message: m.message, fix: !!m.fix, suggestions: m.suggestions?.length ?? 0 });
      if (m.fix) fixableRules.add(m.ruleId);
      for (const suggestion of m.suggestions ?? []) {
        suggestionsChecked++;
        const suggested = applyFixes(text, [suggestion.fix]);
        const broken = fatalOf((await parseOnly.lintText(suggested, { filePath: file }))[0].messages);
        if (broken) {
          failures.push({ kind: 'suggestion breaks parsing', rule: m.ruleId, file: entry.path, detail: `${suggestion.desc}: ${broken.message} (line ${broken.line})` });
        }
      }
    }
    for (const ruleId of fixableRules) {
      fixesChecked++;
      const [result] = await fixers.get(ruleId).lintText(text, { filePath: file });
      result.output ??= text;
      const copy = path.join(FIXED, ruleId.slice(namespace.length + 1), entry.path);
      mkdirSync(path.dirname(copy), { recursive: true });
      writeFileSync(copy, result.output);
      const broken = fatalOf(result.messages);
      if (broken) {
        failures.push({ kind: 'fix breaks parsing', rule: ruleId, file: entry.path, detail: `${broken.message} (line ${broken.line}), see ${path.relative(ROOT, copy)}` });
        continue;
      }
      const again = result.messages.filter((m) => m.ruleId === ruleId && m.fix);
      if (again.length > 0) {
        failures.push({ kind: 'fix not idempotent', rule: ruleId, file: entry.path, detail: `${again.length} fixable report(s) left after fixing, first at line ${again[0].line}: ${again[0].message}` });
      }
    }
  }
}
const firstSeconds = (performance.now() - started) / 1000;

/** Findings as comparable strings (absolute paths made relative to the corpus). */
function keysOf(results) {
  const keys = [];
  for (const result of results) {
    for (const m of result.messages) {
      if (ours(m.ruleId)) keys.push(`${rel(result.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return keys.sort();
}

const runs = [];
if (!quick) {
  const expected = findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`).sort();
  const cacheLocation = path.join(CACHE, 'eslintcache');
  rmSync(cacheLocation, { force: true });
  const variants = [
    { name: 'single-threaded', options: { concurrency: 'off' } },
    // 'auto' uses at most half the cores and no worker for one: on 2 cores it stays in the main thread, so an
    // explicit 2 makes sure that worker threads are exercised too.
    { name: "concurrency 'auto'", options: { concurrency: 'auto' } },
    { name: 'concurrency 2', options: { concurrency: 2 } },
    { name: 'cache (cold)', options: { cache: true, cacheLocation } },
    { name: 'cache (warm)', options: { cache: true, cacheLocation } },
    { name: 'cache (warm), concurrency 2', options: { cache: true, cacheLocation, concurrency: 2 } },
  ];
  for (const variant of variants) {
    const t0 = performance.now();
    let keys;
    try {
      keys = keysOf(await eslintWith(variant.options).lintFiles(['.']));
    } catch (error) {
      failures.push({ kind: 'crash', file: `(ESLint run: ${variant.name})`, detail: String(error?.stack ?? error).split('\n').slice(0, 6).join('\n') });
      continue;
    }
    const seconds = (performance.now() - t0) / 1000;
    const missing = expected.filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => !expected.includes(k));
    runs.push({ name: variant.name, seconds, findings: keys.length, same: missing.length === 0 && extra.length === 0 });
    if (missing.length > 0 || extra.length > 0) {
      failures.push({ kind: 'run mismatch', file: `(ESLint run: ${variant.name})`, detail: `missing: ${missing.slice(0, 5).join(' | ')}; extra: ${extra.slice(0, 5).join(' | ')}` });
    }
  }
  rmSync(cacheLocation, { force: true });
}

// oxlint parity on one package (the smallest): its `jsPlugins` run of the strict JavaScript rules finds the same
// problems (rule, file, line) as ESLint.
{
  const pkg = [...manifest.packages].sort((a, b) => a.files.length - b.files.length)[0];
  const dir = path.join(SRC, `${pkg.name}@${pkg.version}`);
  const files = pkg.files.map((f) => path.join(SRC, f.path));
  const config = oxlintConfig('strict');
  const configFile = path.join(CACHE, 'oxlintrc.json');
  writeFileSync(configFile, JSON.stringify(config));
  const t0 = performance.now();
  try {
    const fromOxlint = oxlintFindings(configFile, dir, files.map((f) => path.relative(dir, f)));
    const seconds = (performance.now() - t0) / 1000;
    const jsRules = new Set(Object.keys(config.rules));
    const results = await new ESLint({ cwd: SRC, overrideConfigFile: true, overrideConfig: corpusConfig('strict', manifest) }).lintFiles(files);
    const fromEslint = results
      .flatMap((r) => r.messages.filter((m) => jsRules.has(m.ruleId)).map((m) => `${m.ruleId} ${path.relative(dir, r.filePath).split(path.sep).join('/')}:${m.line}`))
      .sort();
    const missing = fromEslint.filter((k) => !fromOxlint.includes(k));
    const extra = fromOxlint.filter((k) => !fromEslint.includes(k));
    runs.push({ name: `oxlint on ${pkg.name}`, seconds, findings: fromOxlint.length, same: missing.length === 0 && extra.length === 0 });
    if (missing.length > 0 || extra.length > 0) {
      failures.push({ kind: 'oxlint mismatch', file: `(oxlint on ${pkg.name})`, detail: `only ESLint: ${missing.slice(0, 5).join(' | ')}; only oxlint: ${extra.slice(0, 5).join(' | ')}` });
    }
  } catch (error) {
    failures.push({ kind: 'crash', file: `(oxlint on ${pkg.name})`, detail: String(error?.stack ?? error).split('\n').slice(0, 6).join('\n') });
  }
}

// The findings report.
const byRule = new Map(allRules.map((r) => [r, new Map(manifest.packages.map((p) => [`${p.name}@${p.version}`, 0]))]));
const pkgIds = manifest.packages.map((p) => `${p.name}@${p.version}`);
for (const f of findings) {
  const counts = byRule.get(f.rule);
  // A scoped package's folder has a slash of its own (`@lenne.tech/nest-server@11.24.1/src/main.ts`).
  const pkg = pkgIds.find((id) => f.file.startsWith(`${id}/`));
  counts.set(pkg, counts.get(pkg) + 1);
}
const lines = [
  '# Corpus findings',
  '',
  'Written by `npm run test:corpus`: every finding of every rule (the `strict` config plus every rule no config',
  'enables) on the corpus of `npm run corpus`. Review each one: a real issue of that code stays, a false positive',
  'becomes a regression test in `tests/` and a fix of the rule.',
  '',
  `Corpus: ${manifest.packages.map((p) => `${p.name}@${p.version} (${p.files.length} files)`).join(', ')}.`,
  `Rules: ${allRules.length}. Files linted: ${filesLinted}; unparsable (skipped by every rule): ${unparsable.length}.`,
  '',
  '## Count per rule',
  '',
  `| Rule | ${pkgIds.join(' | ')} | Total |`,
  `| --- | ${pkgIds.map(() => '---:').join(' | ')} | ---: |`,
  ...[...byRule].map(([rule, counts]) => `| ${rule} | ${[...counts.values()].join(' | ')} | ${[...counts.values()].reduce((a, b) => a + b, 0)} |`),
  `| **Total** | ${pkgIds.map((id) => findings.filter((f) => f.file.startsWith(`${id}/`)).length).join(' | ')} | ${findings.length} |`,
  '',
  '## Findings',
  '',
  ...(findings.length === 0 ? ['None.'] : ['| Rule | File | Line | Message | Fix | Suggestions |', '| --- | --- | ---: | --- | --- | ---: |']),
  ...findings.map((f) => `| ${f.rule} | ${f.file} | ${f.line} | ${f.message.replaceAll('|', '\\|')} | ${f.fix ? 'yes' : ''} | ${f.suggestions || ''} |`),
  '',
  '## Unparsable files',
  '',
  'Files that the parser rejects (no rule runs on them).',
  '',
  ...(unparsable.length === 0 ? ['None.'] : unparsable.map((u) => `- ${u.file}:${u.line}: ${u.message}`)),
  '',
];
mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/corpus-findings.md'), lines.join('\n'));
writeFileSync(path.join(CACHE, 'findings.json'), `${JSON.stringify({ findings, unparsable, failures, runs }, null, 1)}\n`);

console.log(`Linted ${filesLinted} files with ${allRules.length} rules in ${firstSeconds.toFixed(1)} s (one thread, file by file).`);
console.log(`Findings: ${findings.length} (${[...byRule].map(([r, c]) => `${r.slice(namespace.length + 1)}: ${[...c.values()].reduce((a, b) => a + b, 0)}`).join(', ')}).`);
console.log(`Unparsable files: ${unparsable.length}. Fixes checked: ${fixesChecked} (rule × file). Suggestions checked: ${suggestionsChecked}.`);
for (const run of runs) console.log(`${run.name.startsWith('oxlint') ? '' : 'ESLint '}${run.name}: ${run.seconds.toFixed(1)} s, ${run.findings} findings, ${run.same ? 'same' : 'DIFFERENT'}`);
console.log(`Report: bench/corpus-findings.md. Total time: ${((performance.now() - started) / 1000).toFixed(1)} s.`);
if (failures.length > 0) {
  console.error(`\n${failures.length} failure(s):`);
  for (const f of failures) console.error(`- ${f.kind}${f.rule ? ` [${f.rule}]` : ''}: ${f.file}\n  ${f.detail.replaceAll('\n', '\n  ')}`);
  process.exitCode = 1;
}
