import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';

/** Extensions of the source files the project model reads, in resolution order. */
export const SOURCE_EXTENSIONS = ['.js', '.ts', '.tsx', '.jsx', '.mjs', '.cjs', '.mts', '.cts'] as const;

/** A TS import written with the emitted extension (`./x.js`) names the `.ts` source. */
const TS_TWINS: Record<string, readonly string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

export function safeStat(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/** The directory of the nearest `package.json` above `file`, never inside `node_modules`. */
export function packageRootOf(file: string): string | null {
  if (file.includes(NODE_MODULES)) return null;
  let dir = path.dirname(file);
  for (;;) {
    if (isFile(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function isInside(root: string, file: string): boolean {
  // (The usual case without `path.relative`: a clean path below the root, as the resolutions build them. Exactly what
  // `path.relative` gives then: the rest after the root and a separator, when no segment is empty, `.` or `..`.)
  if (path.sep === '/' && file.length > root.length + 1 && file.charCodeAt(root.length) === 47 && file.startsWith(root)) {
    const rest = file.slice(root.length + 1);
    if (!UNCLEAN.test(rest)) return !rest.startsWith('..') && !NODE_MODULES_SEGMENT.test(rest);
  }
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
}

/** A segment of a POSIX path that `path.relative` would normalise away: empty, `.` or `..`. */
const UNCLEAN = /(?:^|\/)\.{0,2}(?:\/|$)/u;
const NODE_MODULES_SEGMENT = /(?:^|\/)node_modules(?:\/|$)/u;

/** What a directory listing says of a path: not there, a regular file, or to be asked of the file system. */
const ABSENT = 0;
const FILE = 1;
const ASK = 2;

/** Directories listed at most per `Listings` besides the ones the import scan walked. */
const MAX_LISTED = 10_000;

/**
 * Directory listings, taken once (the import scan's walk hands over the ones it read): `resolvePath` looks its
 * candidates up in them instead of asking the file system for each. Only a listing's regular files count as files;
 * a symbolic link, an entry of unknown type, a name that differs from a listed one only in case (a case-insensitive
 * file system) or in a directory that cannot be listed is asked of the file system as before, and a path that no
 * listing shows is looked for again on disk (a file created since the listing is found as before).
 */
export class Listings {
  private readonly files = new Set<string>();
  /** Entries neither a regular file nor a directory (symbolic links, unknown types): asked of the file system. */
  private readonly other = new Set<string>();
  /** Lower-cased paths of the entries that are not directories. */
  private readonly folded = new Set<string>();
  /** Directories whose listing is known (`true`), or that cannot be listed (`false`). */
  private readonly listed = new Map<string, boolean>();

  /** Records the complete listing of `dir` (as `readdirSync(dir, { withFileTypes: true })` gave it). */
  add(dir: string, entries: readonly Dirent[]): void {
    const clean = path.normalize(dir) === dir;
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const entry of entries) {
      if (entry.isDirectory()) continue;
      const full = clean ? prefix + entry.name : path.join(dir, entry.name);
      if (entry.isFile()) this.files.add(full);
      else this.other.add(full);
      this.folded.add(full.toLowerCase());
    }
    this.listed.set(clean ? dir : path.normalize(dir), true);
  }

  /** `ABSENT`, `FILE` or `ASK` for a normalised absolute path. */
  kind(file: string): number {
    const dir = path.dirname(file);
    let known = this.listed.get(dir);
    if (known === undefined) {
      if (this.listed.size >= MAX_LISTED) return ASK;
      known = this.list(dir);
    }
    if (!known) return ASK;
    if (this.files.has(file)) return FILE;
    if (this.other.has(file) || this.folded.has(file.toLowerCase())) return ASK;
    return ABSENT;
  }

  private list(dir: string): boolean {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // A folder that is not there (or not a folder) holds no file; one that cannot be read is asked file by file.
      const code = (error as { code?: unknown }).code;
      const absent = code === 'ENOENT' || code === 'ENOTDIR';
      this.listed.set(dir, absent);
      return absent;
    }
    this.add(dir, entries);
    return true;
  }
}

/** Any character outside ASCII: such a path is asked of the file system (listings are compared byte for byte). */
const NON_ASCII = /[^\x00-\x7f]/u;

/** A normalised absolute POSIX path of ASCII characters: its candidates can be compared with listed paths as strings. */
function listable(file: string): boolean {
  return path.sep === '/' && file.charCodeAt(0) === 47 && !UNCLEAN.test(file.slice(1)) && !NON_ASCII.test(file);
}

/**
 * The file of the package that a relative specifier names (`./x`, `./x.js` for `x.ts`, `./dir` for `dir/index`),
 * or `null`: bare package names, computed paths and anything outside the package root are not followed here
 * (tsconfig `paths` are: see `resolveAliased` in ./tsconfig).
 */
export function resolveModule(root: string, fromFile: string, specifier: string, listings?: Listings): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return null;
  return resolvePath(root, path.resolve(path.dirname(fromFile), specifier), listings);
}

/**
 * The file of the package that an absolute module path names, tried as TypeScript and Node do (the path itself, a TS
 * twin of an emitted `.js`, each source extension, an `index` file), or `null` outside the package root.
 */
export function resolvePath(root: string, base: string, listings?: Listings): string | null {
  if (!isInside(root, base) && base !== root) return null;
  const ext = path.extname(base);
  const candidates: string[] = [];
  if ((SOURCE_EXTENSIONS as readonly string[]).includes(ext)) {
    candidates.push(base);
    for (const twin of TS_TWINS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + twin);
  }
  for (const e of SOURCE_EXTENSIONS) candidates.push(base + e);
  // An extensionless script (`bin/www`).
  if (ext === '') candidates.push(base);
  // Then a folder's `index` files: tried last, so joined only when no candidate before them is the file (Ghost resolves
  // about 2,400 specifiers per lint, nearly all to a file of their own name).
  const indexes = (): string[] => SOURCE_EXTENSIONS.map((e) => path.join(base, `index${e}`));
  if (listings && listable(base)) {
    // The first candidate that the listings show, or that the file system confirms when they cannot say; when none
    // shows any, every candidate is asked of the file system below (a file created since the listing).
    const listed = firstListed(root, candidates, listings) ?? firstListed(root, indexes(), listings);
    if (listed) return listed;
  }
  const present = (c: string): boolean => isInside(root, c) && isFile(c);
  return candidates.find(present) ?? indexes().find(present) ?? null;
}

/** The first of `candidates` that the listings show, or that the file system confirms when they cannot say. */
function firstListed(root: string, candidates: readonly string[], listings: Listings): string | null {
  for (const c of candidates) {
    const kind = listings.kind(c);
    if (kind === ABSENT) continue;
    if (isInside(root, c) && (kind === FILE || isFile(c))) return c;
  }
  return null;
}

/** Source extensions whose emitted file is `X.js`: what Node's `require('./X')` tries right after `X` itself. */
const EMITS_JS = ['.js', '.ts', '.tsx', '.jsx'] as const;

/**
 * The JSON file of the package that Node's `require()` loads for `base` (`require('./config')` with a config.json and
 * no config.js) instead of `source`, the file `resolvePath` found for it, or `null` when Node loads `source` (or no
 * such JSON file is there). Node tries `X`, `X.js`, `X.json`, then the folder's `index.js`, `index.json` (a file before a
 * folder); a source that TypeScript or Babel compiles to `X.js` or `index.js` counts as that file, and a file Node does
 * not try (`X.cjs`, `X.mjs`) does not stand before `X.json`. (Not read: a folder's `package.json` `main`, `X.node`.)
 * A specifier that ends in a source extension or `.json` is no question here.
 */
export function requiredJson(root: string, base: string, source: string | null, listings?: Listings): string | null {
  const ext = path.extname(base).toLowerCase();
  if (ext === '.json' || (SOURCE_EXTENSIONS as readonly string[]).includes(ext)) return null;
  if (source !== null && (source === base || EMITS_JS.some((e) => source === base + e))) return null;
  const present = (file: string): boolean => {
    if (!isInside(root, file)) return false;
    const kind = listings && listable(file) ? listings.kind(file) : ASK;
    return kind === FILE || (kind === ASK && isFile(file));
  };
  if (present(base + '.json')) return base + '.json';
  if (source !== null && EMITS_JS.some((e) => source === path.join(base, `index${e}`))) return null;
  const index = path.join(base, 'index.json');
  return present(index) ? index : null;
}

const RUNNERS = /\b(?:node|nodemon|tsx|ts-node|ts-node-dev|babel-node)\s+(?:--?[\w-]+(?:[= ][^\s-][^\s]*)?\s+)*([\w./@-]+)/gu;

/**
 * The package's entry files: `main`, `bin`, `exports` targets, the files `scripts` run with node / nodemon / tsx /
 * ts-node, and `settings['secure-express'].entries` (relative to the package root).
 */
export function packageEntries(root: string, extra: readonly string[]): string[] {
  const names: string[] = [...extra];
  let manifest: Record<string, unknown> = {};
  try {
    manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    // An unreadable manifest has no entries.
  }
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value as Record<string, unknown>).flatMap(strings)
        : [];
  names.push(...strings(manifest.main), ...strings(manifest.bin), ...strings(manifest.exports));
  for (const script of strings(manifest.scripts)) {
    for (const match of script.matchAll(RUNNERS)) names.push(match[1]!);
  }
  const files = new Set<string>();
  for (const name of names) {
    const resolved = resolveModule(root, path.join(root, 'package.json'), name.startsWith('.') ? name : `./${name}`);
    const exact = path.resolve(root, name);
    if (resolved) files.add(resolved);
    else if (isInside(root, exact) && isFile(exact)) files.add(exact);
  }
  return [...files];
}

/** The `imports` field of the package's `package.json` (Node's subpath imports, `#routes/*`), `null` without one. */
export function packageImportsOf(root: string): Record<string, unknown> | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    const imports = manifest.imports;
    return imports && typeof imports === 'object' && !Array.isArray(imports) ? (imports as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The conditions a target object is read with: Node's own, and the `default` every resolver takes. */
const IMPORT_CONDITIONS = new Set(['node', 'import', 'require', 'module-sync', 'default']);

/**
 * The file of the package that a subpath import (`#routes/auth.js`, `#db`) names through the `imports` map, as Node
 * resolves it: an exact key, else the pattern key (`#routes/*`) with the longest prefix; a target object is read with
 * Node's conditions in its own key order, an array by its first target that resolves. Only a target inside the
 * package (`./src/routes/*.js`) is a file of it; the file is found as `resolvePath` finds one (the `.ts` twin of an
 * emitted `.js`). `null` for any other specifier or target.
 */
export function resolveSubpathImport(root: string, imports: Record<string, unknown>, specifier: string, listings?: Listings): string | null {
  if (!specifier.startsWith('#') || specifier === '#' || specifier.startsWith('#/')) return null;
  let target: unknown = Object.hasOwn(imports, specifier) && !specifier.includes('*') ? imports[specifier] : undefined;
  let star: string | null = null;
  if (target === undefined) {
    let best: string | null = null;
    for (const key of Object.keys(imports)) {
      const at = key.indexOf('*');
      if (at === -1 || key.indexOf('*', at + 1) !== -1) continue;
      const prefix = key.slice(0, at);
      const suffix = key.slice(at + 1);
      if (!specifier.startsWith(prefix) || specifier.length < key.length || !specifier.endsWith(suffix)) continue;
      if (best === null || prefix.length > best.indexOf('*')) {
        best = key;
        star = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
    }
    if (best === null) return null;
    target = imports[best];
  }
  return resolveImportTarget(root, target, star, listings, 0);
}

function resolveImportTarget(root: string, target: unknown, star: string | null, listings: Listings | undefined, depth: number): string | null {
  if (depth > 8) return null;
  if (typeof target === 'string') {
    if (!target.startsWith('./')) return null;
    const written = star === null ? target : target.split('*').join(star);
    return resolvePath(root, path.resolve(root, written), listings);
  }
  if (Array.isArray(target)) {
    for (const item of target) {
      const file = resolveImportTarget(root, item, star, listings, depth + 1);
      if (file) return file;
    }
    return null;
  }
  if (target && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target as Record<string, unknown>)) {
      if (!IMPORT_CONDITIONS.has(condition)) continue;
      // (Node goes on to the next condition when a target resolves to nothing.)
      const file = resolveImportTarget(root, value, star, listings, depth + 1);
      if (file) return file;
    }
  }
  return null;
}
