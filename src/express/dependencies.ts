import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import semver from 'semver';

/** The `package.json` sections that say which version of a module the package runs with. */
const SECTIONS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;

/** What the nearest `package.json` says about a module: its range and the lowest version that range admits. */
export interface DeclaredDependency {
  /** The `package.json` that declares it. */
  file: string;
  range: string;
  /** `semver.minVersion(range)`; `null` for ranges that are not semver (tags, URLs, `workspace:*`). */
  min: semver.SemVer | null;
}

/**
 * The range of `module` in the `package.json` nearest to `filename` (the first one found walking up, as npm
 * resolves). `null` when there is none, it does not list the module, or it cannot be read: the version is
 * then unknown, and rules that depend on it say nothing version-specific. Read on demand, not cached, so an
 * editor sees a changed `package.json`; rules ask only when they already have something to report.
 */
export function declaredDependency(filename: string, module: string): DeclaredDependency | null {
  if (!filename || !path.isAbsolute(filename)) return null;
  let dir = path.dirname(filename);
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) return readRange(file, module);
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function readRange(file: string, module: string): DeclaredDependency | null {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof manifest !== 'object' || manifest === null) return null;
  for (const section of SECTIONS) {
    const deps = (manifest as Record<string, unknown>)[section];
    if (typeof deps !== 'object' || deps === null) continue;
    const range = (deps as Record<string, unknown>)[module];
    if (typeof range !== 'string') continue;
    let min: semver.SemVer | null = null;
    try {
      min = semver.validRange(range) ? semver.minVersion(range) : null;
    } catch {
      min = null;
    }
    return { file, range, min };
  }
  return null;
}
