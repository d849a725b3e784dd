import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { INDEX_TTL_MS, SKIPPED_DIRECTORIES } from './limits';
import { isFile, isInside, resolvePath, safeStat } from './resolve';
import { readJsonObject } from '../util/package-json';

/**
 * The packages of the monorepo a package belongs to: npm / yarn `workspaces` in a package.json above it (an array, or
 * `{ packages: [...] }`), or pnpm's `pnpm-workspace.yaml` (`packages:` list). Patterns are folder globs whose `*`
 * stands for one folder name (`packages/*`), `**` for any depth up to `MAX_GLOB_DEPTH`; `!` patterns exclude.
 */
export interface Workspace {
  root: string;
  /** Package name → its folder. */
  packages: ReadonlyMap<string, string>;
}

/** Workspace packages read per monorepo. */
const MAX_PACKAGES = 200;
const MAX_GLOB_DEPTH = 4;
/** Folders above a package searched for the monorepo root. */
const MAX_UP = 6;

/** The patterns of `packages:` in pnpm-workspace.yaml: a list of plain or quoted strings (no other YAML is needed). */
function pnpmPatterns(text: string): string[] {
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/u)) {
    if (/^packages\s*:/u.test(line)) {
      inPackages = true;
      continue;
    }
    if (!inPackages) continue;
    const item = /^\s+-\s*(['"]?)([^'"#]+?)\1\s*(?:#.*)?$/u.exec(line);
    if (item) patterns.push(item[2]!);
    else if (/^\S/u.test(line)) inPackages = false;
  }
  return patterns;
}

function patternsAt(dir: string): string[] | null {
  const manifest = isFile(path.join(dir, 'package.json')) ? readJsonObject(path.join(dir, 'package.json')) : null;
  const workspaces = manifest?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : workspaces && typeof workspaces === 'object' ? (workspaces as { packages?: unknown }).packages : null;
  if (Array.isArray(list)) return list.filter((p): p is string => typeof p === 'string');
  const pnpm = path.join(dir, 'pnpm-workspace.yaml');
  if (isFile(pnpm)) {
    try {
      return pnpmPatterns(readFileSync(pnpm, 'utf8'));
    } catch {
      return null;
    }
  }
  return null;
}

/** The folders a workspace pattern names (`packages/*`, `apps/**`, `tools/cli`). */
function expand(root: string, pattern: string): string[] {
  const segments = pattern.replace(/^\.\//u, '').replace(/\/+$/u, '').split('/');
  const found: string[] = [];
  const walk = (dir: string, index: number, depth: number): void => {
    if (found.length >= MAX_PACKAGES || depth > MAX_GLOB_DEPTH + segments.length) return;
    if (index === segments.length) {
      if (isFile(path.join(dir, 'package.json'))) found.push(dir);
      return;
    }
    const segment = segments[index]!;
    if (segment === '**') {
      walk(dir, index + 1, depth);
      if (depth < MAX_GLOB_DEPTH) for (const child of subfolders(dir)) walk(child, index, depth + 1);
      return;
    }
    if (!segment.includes('*')) {
      walk(path.join(dir, segment), index + 1, depth + 1);
      return;
    }
    const matcher = new RegExp(`^${segment.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/gu, '\\$&')).join('[^/]*')}$`, 'u');
    for (const child of subfolders(dir)) if (matcher.test(path.basename(child))) walk(child, index + 1, depth + 1);
  };
  walk(root, 0, 0);
  return found;
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(e.name))
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

const cache = new Map<string, { stamp: string; at: number; workspace: Workspace | null }>();

/**
 * The monorepo that the package at `packageRoot` is a workspace package of (or the root of), or `null`. Read again
 * when the root's package.json or pnpm-workspace.yaml change (mtime, size), and after `INDEX_TTL_MS`.
 */
export function workspaceOf(packageRoot: string): Workspace | null {
  let dir = packageRoot;
  for (let i = 0; i <= MAX_UP; i++) {
    const stamp = [path.join(dir, 'package.json'), path.join(dir, 'pnpm-workspace.yaml')]
      .map((f) => {
        const stat = safeStat(f);
        return stat ? `${stat.mtimeMs}:${stat.size}` : '-';
      })
      .join('|');
    const cached = cache.get(dir);
    let workspace: Workspace | null;
    // A package folder added under a pattern changes no stamp: the packages are listed again after INDEX_TTL_MS.
    if (cached?.stamp === stamp && Date.now() - cached.at <= INDEX_TTL_MS) workspace = cached.workspace;
    else {
      const patterns = patternsAt(dir);
      workspace = null;
      if (patterns) {
        const packages = new Map<string, string>();
        const excluded = new Set(patterns.filter((p) => p.startsWith('!')).flatMap((p) => expand(dir, p.slice(1))));
        for (const pattern of patterns) {
          if (pattern.startsWith('!')) continue;
          for (const folder of expand(dir, pattern)) {
            if (excluded.has(folder) || packages.size >= MAX_PACKAGES) continue;
            const name = readJsonObject(path.join(folder, 'package.json'))?.name;
            if (typeof name === 'string' && !packages.has(name)) packages.set(name, folder);
          }
        }
        workspace = { root: dir, packages };
      }
      if (cache.size >= 64) cache.clear();
      cache.set(dir, { stamp, at: Date.now(), workspace });
    }
    if (workspace) return workspace.root === packageRoot || [...workspace.packages.values()].includes(packageRoot) ? workspace : null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}

/** The conditions read in `exports`, in order: source first, then what Node and bundlers pick. */
const CONDITIONS = ['source', 'typescript', 'development', 'node', 'import', 'require', 'default'];

function exportTarget(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const target = exportTarget(item);
      if (target) return target;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const condition of CONDITIONS) {
      if (condition in record) {
        const target = exportTarget(record[condition]);
        if (target) return target;
      }
    }
  }
  return null;
}

/**
 * The source file that `specifier` (`@acme/auth`, `@acme/auth/routes`) names in a workspace package, or `null`: not a
 * package of the workspace, or nothing there. The package's own `source` field wins, then its `exports` (`.` or the
 * subpath; conditions `source`, `typescript`, ... `default`), then `main`, then `index`; a target in build output
 * that does not exist yet (`dist/index.js`) is tried as its TypeScript twin under `src/`.
 */
export function resolveWorkspaceImport(workspace: Workspace, specifier: string): { file: string; packageRoot: string } | null {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const folder = workspace.packages.get(name);
  if (!folder) return null;
  const subpath = parts.slice(nameLength).join('/');
  const manifest = readJsonObject(path.join(folder, 'package.json')) ?? {};
  const targets: string[] = [];
  const exportsField = manifest.exports;
  if (subpath === '') {
    if (typeof manifest.source === 'string') targets.push(manifest.source);
    const dot = exportsField && typeof exportsField === 'object' && !Array.isArray(exportsField) && '.' in exportsField ? (exportsField as Record<string, unknown>)['.'] : exportsField;
    const target = exportTarget(dot);
    if (target) targets.push(target);
    if (typeof manifest.main === 'string') targets.push(manifest.main);
    targets.push('index');
  } else {
    const entry = exportsField && typeof exportsField === 'object' ? (exportsField as Record<string, unknown>)[`./${subpath}`] : undefined;
    const target = exportTarget(entry);
    if (target) targets.push(target);
    targets.push(subpath);
  }
  for (const target of targets) {
    const base = path.resolve(folder, target);
    const file = resolvePath(folder, base) ?? resolvePath(folder, sourceTwin(folder, base));
    if (file && isInside(folder, file)) return { file, packageRoot: folder };
  }
  return null;
}

/** `dist/routes/index.js` → `src/routes/index.js` (then tried as `.ts`): the source of a build output path. */
function sourceTwin(folder: string, file: string): string {
  const relative = path.relative(folder, file).split(path.sep);
  if (relative.length > 1 && ['dist', 'build', 'lib', 'out'].includes(relative[0]!)) relative[0] = 'src';
  return path.join(folder, ...relative);
}
