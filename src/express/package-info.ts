import { readFileSync } from 'node:fs';
import path from 'node:path';

/** How far up from a file to look for its `package.json`. */
const MAX_LEVELS = 12;
/** A `package.json` larger than this is not read (a generated or vendored file). */
const MAX_BYTES = 512 * 1024;

/** The dependency names of the nearest `package.json`, per directory asked; `null` when there is none. */
const byDirectory = new Map<string, ReadonlySet<string> | null>();

/**
 * The dependencies (all kinds) declared by the nearest `package.json` above `filename`, read once per directory.
 * `null` when the file has no real path (`<input>`), no `package.json` is found, or it cannot be read or parsed:
 * never throws.
 */
export function nearestDependencies(filename: string | undefined): ReadonlySet<string> | null {
  if (!filename || !path.isAbsolute(filename)) return null;
  const start = path.dirname(filename);
  const visited: string[] = [];
  let result: ReadonlySet<string> | null = null;
  let dir = start;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const known = byDirectory.get(dir);
    if (known !== undefined) {
      result = known;
      break;
    }
    visited.push(dir);
    const found = readDependencies(path.join(dir, 'package.json'));
    if (found !== undefined) {
      result = found;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of visited) byDirectory.set(d, result);
  return result;
}

/** `undefined` when there is no file; `null` when it cannot be used; else its dependency names. */
function readDependencies(file: string): ReadonlySet<string> | null | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (text.length > MAX_BYTES) return null;
  try {
    const json: unknown = JSON.parse(text);
    if (!json || typeof json !== 'object') return null;
    const names = new Set<string>();
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const deps = (json as Record<string, unknown>)[key];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
    }
    return names;
  } catch {
    return null;
  }
}

/** True when the nearest `package.json` above `filename` depends on `name`. */
export function packageDependsOn(filename: string | undefined, name: string): boolean {
  return nearestDependencies(filename)?.has(name) ?? false;
}
