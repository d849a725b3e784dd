// The tsconfig that applies to a folder (src/project/tsconfig.ts `pathAliasesFor`): the nearest one up to the package
// root. A folder without its own answers as its parent (looked up once for both); a config created later is found
// after INDEX_TTL_MS, in the folder and below it, and a deleted one is dropped at once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { INDEX_TTL_MS } from '../../src/project/limits';
import { pathAliasesFor } from '../../src/project/tsconfig';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'secure-express-tsconfig-'));
  mkdirSync(path.join(dir, 'src/routes/admin'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{}');
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const config = (baseUrl: string): string => JSON.stringify({ compilerOptions: { baseUrl } });

describe('pathAliasesFor', () => {
  it('finds the nearest config for nested folders, a config created later after INDEX_TTL_MS, a deleted one at once', () => {
    const admin = path.join(dir, 'src/routes/admin');
    const routes = path.join(dir, 'src/routes');
    expect(pathAliasesFor(admin, dir)).toBeNull();
    expect(pathAliasesFor(routes, dir)).toBeNull();
    writeFileSync(path.join(dir, 'tsconfig.json'), config('.'));
    // Remembered (a config created later is seen after INDEX_TTL_MS): also for the folder below, which asked its parent.
    expect(pathAliasesFor(admin, dir)).toBeNull();
    expect(pathAliasesFor(routes, dir)).toBeNull();
    vi.setSystemTime(Date.now() + INDEX_TTL_MS + 1000);
    expect(pathAliasesFor(admin, dir)?.baseUrl).toBe(dir);
    expect(pathAliasesFor(routes, dir)?.baseUrl).toBe(dir);
    // The nearest one wins.
    writeFileSync(path.join(routes, 'tsconfig.json'), config('./admin'));
    vi.setSystemTime(Date.now() + INDEX_TTL_MS + 1000);
    expect(pathAliasesFor(admin, dir)?.baseUrl).toBe(admin);
    expect(pathAliasesFor(routes, dir)?.baseUrl).toBe(admin);
    expect(pathAliasesFor(path.join(dir, 'src'), dir)?.baseUrl).toBe(dir);
    // A deleted config is dropped at once, for the folder and below it.
    rmSync(path.join(routes, 'tsconfig.json'));
    expect(pathAliasesFor(admin, dir)?.baseUrl).toBe(dir);
    expect(pathAliasesFor(routes, dir)?.baseUrl).toBe(dir);
    rmSync(path.join(dir, 'tsconfig.json'));
    expect(pathAliasesFor(admin, dir)).toBeNull();
  });

  it('does not look above the package root', () => {
    const root = path.join(dir, 'src');
    writeFileSync(path.join(dir, 'tsconfig.json'), config('.'));
    expect(pathAliasesFor(path.join(root, 'routes/admin'), root)).toBeNull();
    expect(pathAliasesFor(path.join(root, 'routes/admin'), dir)?.baseUrl).toBe(dir);
  });
});
