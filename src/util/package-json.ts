import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

// The three range functions, not `semver`'s index: it loads all of semver (about twice the instructions, at every
// lint's start).
import type SemVer from 'semver/classes/semver';
import intersects from 'semver/ranges/intersects';
import minVersion from 'semver/ranges/min-version';
import validRange from 'semver/ranges/valid';

import { EXPRESS5_MAJOR } from '../data/express-apis';
import { isFile } from '../project/resolve';

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

/** Directories already looked at in this process: the `package.json` found there (or above), `null` for none. */
const byDirectory = new Map<string, string | null>();
/** Manifests read, by file, with the modification time and size they were read at (an editor may change them). */
const manifests = new Map<string, { mtimeMs: number; size: number; manifest: PackageManifest | null }>();
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
  let found: string | null = null;
  for (;;) {
    const cached = byDirectory.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(dir);
    if (isFile(join(dir, 'package.json'))) {
      found = join(dir, 'package.json');
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (byDirectory.size + visited.length > MAX_CACHED_DIRECTORIES) byDirectory.clear();
  for (const v of visited) byDirectory.set(v, found);
  return found === null ? null : manifestAt(found);
}

/** The manifest of one `package.json`, read again when its modification time or size changed. */
function manifestAt(file: string): PackageManifest | null {
  let stat: { mtimeMs: number; size: number };
  try {
    stat = statSync(file);
  } catch {
    return null;
  }
  const known = manifests.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.manifest;
  const json = readJsonObject(file);
  const manifest = json === null ? null : manifestOf(dirname(file), json);
  if (manifests.size >= MAX_CACHED_DIRECTORIES) manifests.clear();
  manifests.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, manifest });
  return manifest;
}

/** True when the nearest `package.json` above `filename` declares `name` in any dependency section. */
export function packageDependsOn(filename: string | undefined, name: string): boolean {
  return nearestPackageJson(filename)?.dependencies.has(name) ?? false;
}

/** What the nearest `package.json` says about a module: its range and the lowest version that range admits. */
export interface DeclaredDependency {
  /** The `package.json` that declares it. */
  file: string;
  range: string;
  /** semver's `minVersion(range)`; `null` for ranges that are not semver (tags, URLs, `workspace:*`). */
  min: SemVer | null;
}

/**
 * The range of `module` in the `package.json` nearest to `filename`, with its lowest version. `null` when there is
 * none or it does not list the module: the version is then unknown, and rules say nothing version-specific.
 */
export function declaredDependency(filename: string | undefined, module: string): DeclaredDependency | null {
  return declaredIn(nearestPackageJson(filename), module);
}

/** What one manifest declares, per module (a manifest read again is a new object: its answers are worked out again). */
const declaredCache = new WeakMap<PackageManifest, Map<string, DeclaredDependency | null>>();

function declaredIn(manifest: PackageManifest | null, module: string): DeclaredDependency | null {
  if (manifest === null) return null;
  let known = declaredCache.get(manifest);
  if (!known) {
    known = new Map();
    declaredCache.set(manifest, known);
  }
  let declared = known.get(module);
  if (declared === undefined) {
    const range = dependencyRange(manifest, module);
    let min: SemVer | null = null;
    try {
      min = range !== null && validRange(range) ? minVersion(range) : null;
    } catch {
      min = null;
    }
    declared = range === null ? null : { file: join(manifest.dir, 'package.json'), range, min };
    known.set(module, declared);
  }
  return declared;
}

/**
 * The manifest of the linted file, looked up once per lint of it (per `SourceCode`: a new lint, after an edit to the
 * `package.json`, looks again), however many rules ask.
 */
const manifestOfLint = new WeakMap<object, PackageManifest | null>();

function lintManifest(context: { readonly filename: string; readonly sourceCode?: object }): PackageManifest | null {
  const key = context.sourceCode;
  if (!key) return nearestPackageJson(context.filename);
  let manifest = manifestOfLint.get(key);
  if (manifest === undefined) {
    manifest = nearestPackageJson(context.filename);
    manifestOfLint.set(key, manifest);
  }
  return manifest;
}

/**
 * The question the rules ask about the linted file's package (through `src/express`): what its nearest
 * `package.json` declares for `name` (range, lowest version, file); `null` when that `package.json` does not list it;
 * `undefined` when there is no `package.json` that can be read (the file is not on disk, none is found, it does not
 * parse): then nothing is known about the package's dependencies.
 */
export function dependencyOf(context: { readonly filename: string; readonly sourceCode?: object }, name: string): DeclaredDependency | null | undefined {
  const manifest = lintManifest(context);
  return manifest === null ? undefined : declaredIn(manifest, name);
}

/**
 * The linted file's package's express dependency when every version its range admits is 5 or later (its router reads
 * paths with path-to-regexp 8, `req.query` is a getter); `null` when the version is unknown or may be 4.
 */
export function express5Dependency(context: { readonly filename: string; readonly sourceCode?: object }): DeclaredDependency | null {
  const declared = dependencyOf(context, 'express');
  return declared?.min && declared.min.major >= EXPRESS5_MAJOR ? declared : null;
}

/**
 * The linted file's package's express dependency when no version its range admits is 5 or later (`~4.17.3`, `4.x`):
 * advice in Express 5's syntax would break that app. `null` when the version is unknown or may be 5 (`>=4`, `*`).
 */
export function express4Dependency(context: { readonly filename: string; readonly sourceCode?: object }): DeclaredDependency | null {
  const declared = dependencyOf(context, 'express');
  if (!declared?.min || declared.min.major >= EXPRESS5_MAJOR) return null;
  try {
    return intersects(declared.range, `>=${EXPRESS5_MAJOR}.0.0-0`, { includePrerelease: true }) ? null : declared;
  } catch {
    return null;
  }
}

/** The version range `name` is declared with in the manifest, or `null`. */
export function dependencyRange(manifest: PackageManifest | null, name: string): string | null {
  return manifest?.dependencies.get(name) ?? null;
}

/**
 * The top-level object of a JSON file (a `package.json`), or `null` when it is missing, unreadable, larger than
 * `MAX_BYTES` (a generated or vendored file), not JSON or not an object. Never throws.
 */
export function readJsonObject(file: string): Record<string, unknown> | null {
  let json: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > MAX_BYTES) return null;
    json = JSON.parse(text);
  } catch {
    // Missing, a directory, unreadable, not JSON.
    return null;
  }
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
}

function manifestOf(dir: string, record: Record<string, unknown>): PackageManifest {
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
