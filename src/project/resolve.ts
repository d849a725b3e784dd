import { readFileSync, statSync, type Stats } from 'node:fs';
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
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
}

/**
 * The file of the package that a relative specifier names (`./x`, `./x.js` for `x.ts`, `./dir` for `dir/index`),
 * or `null`: bare package names, computed paths and anything outside the package root are not followed here
 * (tsconfig `paths` are: see `resolveAliased` in ./tsconfig).
 */
export function resolveModule(root: string, fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return null;
  return resolvePath(root, path.resolve(path.dirname(fromFile), specifier));
}

/**
 * The file of the package that an absolute module path names, tried as TypeScript and Node do (the path itself, a TS
 * twin of an emitted `.js`, each source extension, an `index` file), or `null` outside the package root.
 */
export function resolvePath(root: string, base: string): string | null {
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
  for (const e of SOURCE_EXTENSIONS) candidates.push(path.join(base, `index${e}`));
  return candidates.find((c) => isInside(root, c) && isFile(c)) ?? null;
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
