// Shared by the corpus, test:corpus and bench scripts: where the corpus lives, which files it holds, and the
// flat configs it is linted with. Nothing here keeps state between files.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = path.join(ROOT, '.corpus-cache');
export const TARBALLS = path.join(CACHE, 'tarballs');
/** Extracted sources, one folder per package (`ghost@6.65.0/`). The ESLint runs use it as their cwd. */
export const SRC = path.join(CACHE, 'src');
export const MANIFEST = path.join(CACHE, 'manifest.json');
/** The flat config file of the corpus runs; it reads `CORPUS_MODE` from the environment. */
export const CONFIG_FILE = path.join(ROOT, 'scripts/corpus/corpus.config.mjs');

const require = createRequire(import.meta.url);

/**
 * True when a file's text looks generated (minified or bundled): very long lines on average, or one huge line.
 * Hand-written code has short lines; a bundle packs thousands of characters per line.
 */
export function looksMinified(text) {
  if (text.length < 2_000) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - start);
  return text.length / lines > 250 || longest > 5_000;
}

/**
 * The sourceType a JavaScript file is written in: `.mjs` and `"type": "module"` packages are modules, `.cjs`
 * is CommonJS, and a `.js` file of a CommonJS package is a module only when it has top-level `import`/`export`
 * statements (Babel-compiled sources such as Keystone's admin client).
 */
export function sourceTypeOf(file, text, packageType) {
  if (/\.[cm]?tsx?$/u.test(file)) return 'module';
  if (file.endsWith('.mjs')) return 'module';
  if (file.endsWith('.cjs')) return 'commonjs';
  if (packageType === 'module') return 'module';
  return /^(?:import\s*[\w*{'"]|export\s+(?:default\b|[\w*{]))/mu.test(text) ? 'module' : 'commonjs';
}

/** The manifest written by `npm run corpus`, or an error telling to run it. */
export function readManifest() {
  if (!existsSync(MANIFEST)) throw new Error('No corpus: run `npm run corpus` first.');
  return JSON.parse(readFileSync(MANIFEST, 'utf8'));
}

/**
 * The corpus package `name` names in the manifest's `packages`: the one of that exact name, else the one package whose
 * name contains it (`nest` for `@lenne.tech/nest-server`). Throws, listing the names, when none or several match.
 */
export function packageNamed(packages, name) {
  const named = packages.filter((p) => p.name === name);
  const matching = named.length > 0 ? named : packages.filter((p) => p.name.includes(name));
  if (matching.length !== 1) {
    const names = packages.map((p) => p.name).join(', ');
    throw new Error(`'${name}' names ${matching.length === 0 ? 'no' : 'more than one'} corpus package (${names}; npm run corpus fetches them).`);
  }
  return matching[0];
}

/**
 * The folder of the plugin's code cache (src/load.ts) for the scripts' lints: where it is when the plugin is installed,
 * so that `npm run bench` and `npm run count` measure what users' second and later runs pay. A checkout is not under
 * `node_modules`, where the loader would keep it off. `SECURE_EXPRESS_CODE_CACHE=off` measures a first run.
 */
export const CODE_CACHE = path.join(ROOT, 'node_modules/.cache/eslint-plugin-secure-express');

/** The built plugin (`dist/`), fresh from `npm run build`, with its code cache in `CODE_CACHE` unless told otherwise. */
export function loadPlugin() {
  const entry = path.join(ROOT, 'dist/index.js');
  if (!existsSync(entry)) throw new Error('No build: run `npm run build` first.');
  process.env.SECURE_EXPRESS_CODE_CACHE ??= CODE_CACHE;
  return require(entry);
}

/** What the loader did with the code cache in this process (`off`, `missing`, `used`, `rejected`); `null` before it. */
export function codeCacheStatus(entry = path.join(ROOT, 'dist/index.js')) {
  return require(entry)[Symbol.for('eslint-plugin-secure-express/code-cache')]?.status ?? null;
}

/**
 * What the built plugin measured in this process (`parseCounts`: the other files the project model parsed;
 * `modelBuildTimes`: the time spent building files' models, per rule), from the plugin loaded from `entry`. The plugin
 * is one bundle, so these are a symbol-keyed property of it (src/index.ts); a build from before the bundle (session
 * 25) had them in its own modules, read from beside its entry.
 */
export function measurements(entry = path.join(ROOT, 'dist/index.js')) {
  const found = require(entry)[Symbol.for('eslint-plugin-secure-express/measurements')];
  if (found) return found;
  const dir = path.dirname(entry);
  return { ...require(path.join(dir, 'project/index.js')), ...require(path.join(dir, 'express/index.js')) };
}

export const MODES = ['none', 'floor', 'js', 'js+recommended', 'js+strict', 'js+security', 'recommended', 'strict', 'recommended-all-files', 'strict-all-files', 'all', 'security'];

/**
 * The flat config of one corpus run. Every mode parses files the same way (espree for JavaScript with JSX on,
 * @typescript-eslint/parser for TypeScript, each file's sourceType from the manifest) and differs only in rules:
 * - `none`: no rule (the baseline),
 * - `floor`: one trivial core rule (`no-debugger`): what having any rule on costs (ESLint's per-node event
 *   traversal, measured at 30-40% over no rule on the corpus),
 * - `recommended` / `strict`: our shipped configs, and `recommended-all-files` / `strict-all-files` the same with
 *   the templates and `package.json` rules (what bench/review-recommended.md reviews),
 * - `all`: `strict` plus every rule that no config turns on,
 * - `security`: eslint-plugin-security's recommended config,
 * - `js`: `@eslint/js` recommended (a typical user's baseline), and `js+recommended`, `js+strict`, `js+security`:
 *   the same with ours or eslint-plugin-security's config added (what adding the plugin costs).
 * Inline configuration comments are ignored, so the packages' own `eslint-disable` comments and rule settings
 * cost nothing and hide nothing.
 */
export function corpusConfig(mode, manifest = readManifest()) {
  if (!MODES.includes(mode)) throw new Error(`Unknown corpus mode '${mode}' (one of ${MODES.join(', ')}).`);
  const modules = new Set(
    manifest.packages.flatMap((p) => p.files.filter((f) => f.sourceType === 'module').map((f) => path.join(SRC, f.path))),
  );
  const config = [
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
    {
      files: ['**/*.{js,cjs,mjs,jsx}'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'commonjs',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    { files: [(file) => modules.has(file)], languageOptions: { sourceType: 'module' } },
    {
      files: ['**/*.{ts,cts,mts,tsx}'],
      languageOptions: { parser: require('@typescript-eslint/parser'), sourceType: 'module' },
    },
  ];
  if (mode === 'none') return config;
  if (mode === 'floor') return [...config, { rules: { 'no-debugger': 'error' } }];
  if (mode === 'security') return [...config, require('eslint-plugin-security').configs.recommended];
  // A typical user's baseline: ESLint's own recommended rules on the script files.
  const jsRecommended = { files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'], ...require('@eslint/js').configs.recommended };
  if (mode === 'js') return [...config, jsRecommended];
  if (mode === 'js+security') return [...config, jsRecommended, require('eslint-plugin-security').configs.recommended];
  const plugin = loadPlugin();
  if (mode === 'js+recommended') return [...config, jsRecommended, ...plugin.configs.recommended];
  if (mode === 'js+strict') return [...config, jsRecommended, ...plugin.configs.strict];
  if (mode === 'recommended') return [...config, ...plugin.configs.recommended];
  if (mode === 'strict') return [...config, ...plugin.configs.strict];
  if (mode === 'recommended-all-files' || mode === 'strict-all-files') return [...config, ...plugin.configs[mode]];
  const namespace = plugin.meta.namespace;
  const inStrict = new Set(plugin.configs['strict-all-files'].flatMap((c) => Object.keys(c.rules ?? {})));
  const rest = Object.fromEntries(
    Object.keys(plugin.rules)
      .map((name) => `${namespace}/${name}`)
      .filter((id) => !inStrict.has(id))
      .map((id) => [id, 'error']),
  );
  return [
    ...config,
    ...plugin.configs['strict-all-files'],
    ...(Object.keys(rest).length > 0 ? [{ files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], plugins: { [namespace]: plugin }, rules: rest }] : []),
  ];
}

/** Every corpus file, as an absolute path. */
export function corpusFiles(manifest = readManifest()) {
  return manifest.packages.flatMap((p) => p.files.map((f) => path.join(SRC, f.path)));
}

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
