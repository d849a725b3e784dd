import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { INDEX_TTL_MS, MAX_ANALYSES } from './limits';
import { isFile, isInside, resolvePath, safeStat, type Listings } from './resolve';

/**
 * `compilerOptions.paths` and `baseUrl` of the tsconfig.json (or jsconfig.json) that applies to a file of the package,
 * so that `import { router } from '@/routes/auth'` leads to `src/routes/auth.ts`. Only what TypeScript's module
 * resolution does with them is done here: the longest matching pattern wins, its targets are tried in order, and a
 * bare specifier is also tried against `baseUrl`. A file found this way is used only when it is inside the package
 * root and outside `node_modules`.
 */
export interface PathAliases {
  /** `paths` patterns: `prefix*suffix` (or an exact name), with their targets as absolute paths (`*` kept). */
  patterns: { prefix: string; suffix: string; wildcard: boolean; targets: string[] }[];
  /** The absolute `baseUrl`, or `null`. */
  baseUrl: string | null;
}

/** `extends` chains followed (local files only). */
const MAX_EXTENDS = 5;
/** `references` of a solution-style config read (one level: a referenced config's own references are not). */
const MAX_REFERENCES = 16;
const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

type ReadConfig = (file: string, text: string) => unknown;

let reader: ReadConfig | undefined;

/**
 * A JSONC reader for tsconfig files: TypeScript's own `parseConfigFileTextToJson` (comments, trailing commas) when
 * `typescript` can be loaded from the user's project or the plugin's, else `JSON.parse` (a tsconfig it cannot read
 * gives no aliases).
 */
function readConfigText(): ReadConfig {
  if (reader) return reader;
  type Ts = { parseConfigFileTextToJson(file: string, text: string): { config?: unknown; error?: unknown } };
  let ts: Ts | null = null;
  for (const from of [path.join(process.cwd(), 'package.json'), __filename]) {
    try {
      ts = createRequire(from)('typescript') as Ts;
      break;
    } catch {
      // Try the next place; without typescript, strict JSON only.
    }
  }
  reader = ts
    ? (file, text) => {
        const result = ts.parseConfigFileTextToJson(file, text);
        return result.error ? undefined : result.config;
      }
    : (_file, text) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return undefined;
        }
      };
  return reader;
}

interface RawConfig {
  mtimeMs: number;
  size: number;
  json: Record<string, unknown> | undefined;
}

/** Parsed tsconfig files, by path (re-read when their mtime or size change). */
const raws = new Map<string, RawConfig>();

function readJson(file: string): Record<string, unknown> | undefined {
  const stat = safeStat(file);
  if (!stat?.isFile()) return undefined;
  const cached = raws.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.json;
  let json: Record<string, unknown> | undefined;
  try {
    const value = readConfigText()(file, readFileSync(file, 'utf8'));
    json = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  if (raws.size >= MAX_ANALYSES) raws.clear();
  raws.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, json });
  return json;
}

/** `paths` and `baseUrl` with the file that set each (an extending config overrides its base's). */
interface Options {
  paths?: { value: Record<string, unknown>; from: string };
  baseUrl?: { value: string; from: string };
}

function optionsOf(file: string, depth: number, seen: Set<string>): Options {
  if (depth > MAX_EXTENDS || seen.has(file)) return {};
  seen.add(file);
  const json = readJson(file);
  if (!json) return {};
  let options: Options = {};
  const bases = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
  for (const base of bases) {
    // A base of another package (`@tsconfig/node20`) is in node_modules: not read.
    if (typeof base !== 'string' || !(base.startsWith('./') || base.startsWith('../'))) continue;
    let target = path.resolve(path.dirname(file), base);
    if (!isFile(target) && isFile(`${target}.json`)) target = `${target}.json`;
    options = { ...options, ...optionsOf(target, depth + 1, seen) };
  }
  const compilerOptions = json.compilerOptions;
  if (compilerOptions && typeof compilerOptions === 'object') {
    const { paths, baseUrl } = compilerOptions as { paths?: unknown; baseUrl?: unknown };
    if (paths && typeof paths === 'object' && !Array.isArray(paths)) options.paths = { value: paths as Record<string, unknown>, from: file };
    if (typeof baseUrl === 'string') options.baseUrl = { value: baseUrl, from: file };
  }
  return options;
}

/** The config file that applies to files of `dir`: the nearest tsconfig.json / jsconfig.json up to the package root. */
const nearest = new Map<string, { found: string | null; at: number }>();

function configFor(dir: string, root: string): string | null {
  return nearestConfig(dir, root).found;
}

/**
 * `configFor` with the time its answer was looked up: a folder without a config of its own answers as its parent
 * does, with the parent's time (so that no answer is kept longer than INDEX_TTL_MS after the file system was asked).
 */
function nearestConfig(dir: string, root: string): { found: string | null; at: number } {
  const key = `${root}\0${dir}`;
  const known = nearest.get(key);
  const now = Date.now();
  // A config file created later is found after INDEX_TTL_MS; a deleted one at once.
  if (known && now - known.at <= INDEX_TTL_MS && (known.found === null || isFile(known.found))) return known;
  let entry: { found: string | null; at: number };
  const found = CONFIG_NAMES.map((name) => path.join(dir, name)).find(isFile) ?? null;
  if (found || dir === root || !isInside(root, path.join(dir, 'x')) || path.dirname(dir) === dir) entry = { found, at: now };
  else entry = nearestConfig(path.dirname(dir), root);
  if (nearest.size >= MAX_ANALYSES) nearest.clear();
  nearest.set(key, entry);
  return entry;
}

const aliasesCache = new Map<string, { stamp: string; aliases: PathAliases | null }>();

/** A stamp of the config files read: any edit (mtime, size) gives new aliases. */
function stampOf(file: string): string {
  const parts: string[] = [];
  const visit = (f: string, depth: number): void => {
    const stat = safeStat(f);
    parts.push(`${f}:${stat?.mtimeMs ?? 0}:${stat?.size ?? 0}`);
    const json = depth < MAX_EXTENDS ? readJson(f) : undefined;
    const bases = typeof json?.extends === 'string' ? [json.extends] : Array.isArray(json?.extends) ? json.extends : [];
    for (const base of bases) {
      if (typeof base !== 'string' || !(base.startsWith('./') || base.startsWith('../'))) continue;
      const target = path.resolve(path.dirname(f), base);
      visit(isFile(target) ? target : `${target}.json`, depth + 1);
    }
  };
  visit(file, 0);
  return parts.join('\n');
}

/**
 * True when the config `file` (read as `json`) takes in files of `dir`, read from its `files` and `include` as folders:
 * each `include` pattern up to its first wildcard (`src` of a `src/**` pattern), or the folder of a file it names
 * (`vite.config.ts`), and each of `files`' folders; with neither, every folder under the config's (TypeScript's
 * default). `exclude` is not read. (A config's own `include` only, not one it extends.)
 */
function takesIn(file: string, json: Record<string, unknown>, dir: string): boolean {
  const base = path.dirname(file);
  const { files, include } = json;
  if (files === undefined && include === undefined) return isInside(base, path.join(dir, 'x'));
  // Folders whose files (`files`, a file `include` names) or whose trees (an `include` folder or pattern) it takes in.
  const folders: string[] = [];
  const trees: string[] = [];
  for (const entry of Array.isArray(files) ? files : []) if (typeof entry === 'string') folders.push(path.dirname(path.resolve(base, entry)));
  for (const entry of Array.isArray(include) ? include : []) {
    if (typeof entry !== 'string') continue;
    const segments = entry.split(/[\\/]/u);
    const wild = segments.findIndex((segment) => /[*?]/u.test(segment));
    const prefix = path.resolve(base, ...(wild === -1 ? segments : segments.slice(0, wild)));
    // (A pattern without a wildcard names a folder, or a file.)
    if (wild === -1 && isFile(prefix)) folders.push(path.dirname(prefix));
    else trees.push(prefix);
  }
  return folders.includes(dir) || trees.some((tree) => isInside(tree, path.join(dir, 'x')));
}

/**
 * The config whose options apply to files of `dir` when `file` is the nearest one: `file` itself, unless it takes in
 * no file of `dir` and lists `references` (a solution-style tsconfig.json, `"files": []` with `references` to
 * tsconfig.app.json and tsconfig.node.json, as `tsc -b` and Vite's templates have): then the first referenced config
 * (a file, or a folder's tsconfig.json) that takes them in, as TypeScript's editor support picks one. One level of
 * references; none that takes them in: `file`.
 */
function projectFor(file: string, dir: string): string {
  const json = readJson(file);
  if (!json || !Array.isArray(json.references) || takesIn(file, json, dir)) return file;
  for (const reference of json.references.slice(0, MAX_REFERENCES)) {
    const target = reference && typeof reference === 'object' ? (reference as { path?: unknown }).path : undefined;
    if (typeof target !== 'string') continue;
    let config = path.resolve(path.dirname(file), target);
    if (!isFile(config)) config = path.join(config, 'tsconfig.json');
    const referenced = readJson(config);
    if (referenced && takesIn(config, referenced, dir)) return config;
  }
  return file;
}

/** The path aliases for files of `dir` in the package at `root`, or `null` when no config sets any. */
export function pathAliasesFor(dir: string, root: string): PathAliases | null {
  const nearestFile = configFor(dir, root);
  if (!nearestFile) return null;
  const file = projectFor(nearestFile, dir);
  const stamp = stampOf(file);
  const cached = aliasesCache.get(file);
  if (cached?.stamp === stamp) return cached.aliases;
  const options = optionsOf(file, 0, new Set());
  const baseUrl = options.baseUrl ? path.resolve(path.dirname(options.baseUrl.from), options.baseUrl.value) : null;
  const patterns: PathAliases['patterns'] = [];
  if (options.paths) {
    // Targets are relative to baseUrl when there is one, else to the config that sets `paths` (TypeScript 4.1+).
    const targetBase = baseUrl ?? path.dirname(options.paths.from);
    for (const [pattern, targets] of Object.entries(options.paths.value)) {
      if (!Array.isArray(targets)) continue;
      const star = pattern.indexOf('*');
      if (star !== pattern.lastIndexOf('*')) continue;
      patterns.push({
        prefix: star === -1 ? pattern : pattern.slice(0, star),
        suffix: star === -1 ? '' : pattern.slice(star + 1),
        wildcard: star !== -1,
        targets: targets.filter((t): t is string => typeof t === 'string').map((t) => path.resolve(targetBase, t)),
      });
    }
  }
  const aliases = patterns.length > 0 || baseUrl ? { patterns, baseUrl } : null;
  if (aliasesCache.size >= MAX_ANALYSES) aliasesCache.clear();
  aliasesCache.set(file, { stamp, aliases });
  return aliases;
}

/**
 * The absolute paths (without extension resolution) that `specifier` may name through `aliases`, in the order
 * TypeScript tries them: an exact pattern, else the matching wildcard pattern with the longest prefix, then
 * `baseUrl` joined with the specifier. Empty for a relative specifier or one no pattern matches.
 */
export function aliasCandidates(aliases: PathAliases, specifier: string): string[] {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return [];
  const exact = aliases.patterns.find((p) => !p.wildcard && p.prefix === specifier);
  let best: PathAliases['patterns'][number] | undefined = exact;
  if (!best) {
    for (const p of aliases.patterns) {
      if (!p.wildcard || specifier.length < p.prefix.length + p.suffix.length) continue;
      if (!specifier.startsWith(p.prefix) || !specifier.endsWith(p.suffix)) continue;
      if (!best || p.prefix.length > best.prefix.length) best = p;
    }
  }
  const found: string[] = [];
  if (best) {
    const matched = best.wildcard ? specifier.slice(best.prefix.length, specifier.length - best.suffix.length) : '';
    for (const target of best.targets) found.push(best.wildcard ? target.replace('*', matched) : target);
  }
  if (aliases.baseUrl) found.push(path.resolve(aliases.baseUrl, specifier));
  return found;
}

/** True when `specifier` matches a `paths` pattern (no file system access: a cheap test for the import scan). */
export function matchesAlias(aliases: PathAliases, specifier: string): boolean {
  if (specifier.startsWith('.')) return false;
  return aliases.patterns.some((p) =>
    p.wildcard ? specifier.startsWith(p.prefix) && specifier.endsWith(p.suffix) && specifier.length >= p.prefix.length + p.suffix.length : p.prefix === specifier,
  );
}

/**
 * The file of the package that a bare specifier names through the tsconfig `paths` / `baseUrl` that apply to
 * `fromFile` (`@/routes/auth` → `src/routes/auth.ts`), or `null`: no config, no matching pattern, or a target outside
 * the package (another workspace package, node_modules).
 */
export function resolveAliased(root: string, aliases: PathAliases | null, specifier: string, listings?: Listings): string | null {
  if (!aliases) return null;
  for (const candidate of aliasCandidates(aliases, specifier)) {
    const file = resolvePath(root, candidate, listings);
    if (file) return file;
  }
  return null;
}
