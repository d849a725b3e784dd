import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

/** What the rules need from the `package.json` that governs a file. */
export interface PackageManifest {
  /** The directory that holds the `package.json`. */
  readonly dir: string;
  /** The `type` field: how Node loads the package's `.js` files (`commonjs` when absent). */
  readonly type: 'module' | 'commonjs';
  /** `dependencies`, then `optionalDependencies`, `peerDependencies` and `devDependencies`, by package name. */
  readonly dependencies: ReadonlyMap<string, string>;
}

/** Sections read in this order: the first that names a package wins. */
const SECTIONS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'] as const;

/** Directories already looked at in this process: the manifest found there (or above), `null` for none. */
const byDirectory = new Map<string, PackageManifest | null>();
/** Bounds the cache in a long-lived process (an editor's ESLint server); cleared when full. */
const MAX_CACHED_DIRECTORIES = 2000;
/** A `package.json` larger than this is not read (a generated or vendored file). */
const MAX_BYTES = 512 * 1024;

/**
 * The nearest `package.json` above `filename` (Node's rule for `type`), read once per directory per process.
 * `null` when the file is not on disk (a relative or virtual name such as `<input>`), when no `package.json` is
 * found, or when the nearest one cannot be read or parsed: the rules then know nothing from it. Never throws.
 */
export function nearestPackageJson(filename: string | undefined): PackageManifest | null {
  if (!filename || !isAbsolute(filename)) return null;
  const visited: string[] = [];
  let dir = dirname(filename);
  let found: PackageManifest | null = null;
  for (;;) {
    const cached = byDirectory.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(dir);
    const text = readText(join(dir, 'package.json'));
    if (text !== null) {
      found = parseManifest(dir, text);
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (byDirectory.size + visited.length > MAX_CACHED_DIRECTORIES) byDirectory.clear();
  for (const v of visited) byDirectory.set(v, found);
  return found;
}

/** True when the nearest `package.json` above `filename` declares `name` in any dependency section. */
export function packageDependsOn(filename: string | undefined, name: string): boolean {
  return nearestPackageJson(filename)?.dependencies.has(name) ?? false;
}

/** The version range `name` is declared with in the manifest, or `null`. */
export function dependencyRange(manifest: PackageManifest | null, name: string): string | null {
  return manifest?.dependencies.get(name) ?? null;
}

function readText(path: string): string | null {
  try {
    const text = readFileSync(path, 'utf8');
    return text.length > MAX_BYTES ? '' : text;
  } catch {
    // Missing, a directory, unreadable: not a manifest.
    return null;
  }
}

function parseManifest(dir: string, text: string): PackageManifest | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const record = json as Record<string, unknown>;
  const dependencies = new Map<string, string>();
  for (const section of SECTIONS) {
    const entries = record[section];
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) continue;
    for (const [name, range] of Object.entries(entries as Record<string, unknown>)) {
      if (typeof range === 'string' && !dependencies.has(name)) dependencies.set(name, range);
    }
  }
  return { dir, type: record.type === 'module' ? 'module' : 'commonjs', dependencies };
}
