// The holders of a package (src/project/index.ts `HolderState`: which files hold an app, what they hand over and whom
// they reach) kept between processes (`keptHolders`, through src/util/kept-results.ts): a process whose loader handed
// it the kept results takes the holders an earlier process worked out, without reading them again, when the package's
// files are the ones they were read from (`ImportIndex.fingerprint`: every source file's path, mtime, size and ctime,
// the JSON files beside them, the manifests and tsconfigs), and every other file that process read is as it read it.
// Each "process" here is a fresh module graph (`vi.resetModules`), the loader's part played by `keptResults.read` and
// `keptResults.write` (tests/project/kept-scan.test.ts does the same for the import scan). The files a test writes are
// linted with the clock a minute on (a file written within two seconds of a process's first question is not kept).

import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { fixture } from '../helpers/projects';

interface Lint {
  all: string[];
  /** The holders whose models the walk read in this process (`holderReadCount`). */
  holderReads: number;
  write: (current: string | null) => string | null;
}

/** Lints every file of `dir` (strict) in a fresh process; `read`: the kept results its loader hands it (`undefined`: no loader). */
async function lintIn(dir: string, read?: string | null): Promise<Lint> {
  vi.resetModules();
  const { lintProject } = await import('../helpers/projects.js');
  const { keptResults } = await import('../../src/util/kept-results.js');
  const { holderReadCount } = await import('../../src/project/index.js');
  if (read !== undefined) keptResults.read(read);
  const { all } = await lintProject(dir, 'strict');
  return { all, holderReads: holderReadCount(), write: (current) => keptResults.write(current) };
}

/** Lints one file of `dir` (strict, CommonJS) in a fresh process, as an editor's first lint; `read` as `lintIn`. */
async function lintOne(dir: string, file: string, read?: string | null): Promise<Lint> {
  vi.resetModules();
  const { ESLint } = await import('eslint');
  const { default: plugin } = await import('../../src/index.js');
  const { keptResults } = await import('../../src/util/kept-results.js');
  const { holderReadCount } = await import('../../src/project/index.js');
  if (read !== undefined) keptResults.read(read);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [...plugin.configs.strict, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }] as never });
  const results = await eslint.lintFiles([file]);
  const all = results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`)).sort();
  return { all, holderReads: holderReadCount(), write: (current) => keptResults.write(current) };
}

/** The clock a minute on (Date only), for the files a test writes. */
function clockOn(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 60_000);
}

/** The entries of the kept holders table in a results file's text. */
const keptEntries = (text: string): [string, Record<string, unknown>][] =>
  (JSON.parse(text) as { tables: Record<string, { entries: [string, Record<string, unknown>][] }> }).tables.holders?.entries ?? [];

/**
 * Fixture projects whose lint reads holders, linted in a process without kept results, in a first process that keeps
 * them, and in a later process that reads them back: the same findings, and the later process reads no holder (the
 * workspaces', which are not kept, read them again).
 */
const FIXTURES = ['handoff', 'param-handoff', 'param-merge-handoff', 'nested-mount', 'loop-mounts', 'sanitized', 'dao-elsewhere', 'generator', 'controllers', 'route-adapters', 'typescript', 'tsconfig-paths', 'starter-paths', 'injected-services', 'nest-crud', 'workspaces', 'workspace-router-ts'];
const WORKSPACES = new Set(['workspaces', 'workspace-router-ts']);

describe('the same findings with the holders kept as without (tests/fixtures/projects)', () => {
  // (A checkout's files may be younger than two seconds.)
  beforeEach(clockOn);
  afterEach(() => vi.useRealTimers());

  it.each(FIXTURES)('%s', async (name) => {
    const dir = fixture(name);
    const without = await lintIn(dir);
    expect(without.all.length).toBeGreaterThan(0);
    const first = await lintIn(dir, null);
    expect(first.all).toEqual(without.all);
    // (How many holders a walk reads may vary with the order ESLint's reads complete in: not compared.)
    expect(first.holderReads > 0).toBe(without.holderReads > 0);
    const text = first.write(null);
    const later = await lintIn(dir, text);
    expect(later.all).toEqual(without.all);
    if (WORKSPACES.has(name)) {
      // (A package of a workspace: its holders depend on other packages' files too, and are not kept.)
      expect(keptEntries(text ?? '{"tables":{}}')).toEqual([]);
      expect(later.holderReads > 0).toBe(without.holderReads > 0);
    } else if (without.holderReads > 0) {
      // (One entry per package: a fixture of several packages, `cjs/`, `esm/`, `ts/`, keeps one for each it linted.)
      const roots = keptEntries(text!).map(([key]) => key.split('\0')[0]!);
      expect(roots.length).toBeGreaterThan(0);
      expect(roots.every((root) => root === dir || root.startsWith(dir + path.sep))).toBe(true);
      expect(later.holderReads).toBe(0);
    }
  });

  it('reads holders at all in most of them (the cases above are not empty)', async () => {
    let reading = 0;
    for (const name of FIXTURES) if ((await lintIn(fixture(name))).holderReads > 0) reading++;
    expect(reading).toBeGreaterThanOrEqual(10);
  });
});

describe('kept holders and the files they were read from', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'secure-express-kept-holders-'));
    cpSync(fixture('handoff'), dir, { recursive: true });
    clockOn();
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A first process that lints the package and keeps its holders: its findings, and the file its loader would write. */
  async function firstProcess(): Promise<{ all: string[]; text: string }> {
    const first = await lintIn(dir, null);
    expect(first.holderReads).toBeGreaterThan(0);
    const text = first.write(null)!;
    expect(keptEntries(text)).toHaveLength(1);
    return { all: first.all, text };
  }

  /** After `change`: a fresh lint's findings (which the change must alter), and a lint that reads the kept holders back gives them too. */
  async function afterChange(change: () => void): Promise<void> {
    const { all: before, text } = await firstProcess();
    change();
    const fresh = await lintIn(dir);
    expect(fresh.all).not.toEqual(before);
    const later = await lintIn(dir, text);
    expect(later.all).toEqual(fresh.all);
    // (Worked out again: the kept holders were not taken.)
    expect(later.holderReads).toBeGreaterThan(0);
    // What it worked out is kept in turn, and taken by the next process.
    const next = await lintIn(dir, later.write(text));
    expect(next.all).toEqual(fresh.all);
    expect(next.holderReads).toBe(0);
  }

  it('are taken when nothing changed: the same findings, no holder read', async () => {
    const { all, text } = await firstProcess();
    const later = await lintIn(dir, text);
    expect(later.all).toEqual(all);
    expect(later.holderReads).toBe(0);
    // Nothing new to keep: the loader writes nothing.
    expect(later.write(text)).toBeNull();
  });

  it('taken by a process that walks further (an editor linted one file, the command line lints them all): the same findings, only the new holders read', async () => {
    const one = await lintOne(dir, file('routes/public.js'), null);
    expect(one.holderReads).toBeGreaterThan(0);
    const text = one.write(null)!;
    expect(keptEntries(text)).toHaveLength(1);
    const fresh = await lintIn(dir);
    const later = await lintIn(dir, text);
    expect(later.all).toEqual(fresh.all);
    expect(later.holderReads).toBeLessThan(fresh.holderReads);
    // The state it extended is kept: the next process reads none.
    const next = await lintIn(dir, later.write(text));
    expect(next.all).toEqual(fresh.all);
    expect(next.holderReads).toBe(0);
  });

  it('a holder that no longer hands its app over (`require(...)(app)` removed)', async () => {
    await afterChange(() => writeFileSync(file('server.js'), readFileSync(file('server.js'), 'utf8').replace("require('./routes/account')(app, db);\n", '')));
  });

  it('a holder that hands its app to one more file (`require(...)(app)` added)', async () => {
    await afterChange(() => {
      writeFileSync(file('routes/admin.js'), "module.exports = (app, db) => {\n  app.post('/admin/run', (req, res) => {\n    db.query('DELETE FROM jobs WHERE id = ' + req.body.id);\n    res.redirect(req.query.next);\n  });\n};\n");
      writeFileSync(file('server.js'), readFileSync(file('server.js'), 'utf8').replace('app.listen(3000);', "require('./routes/admin')(app, db);\napp.listen(3000);"));
    });
  });

  it('a new file that hands another app to a file the holders covered (its importers changed)', async () => {
    await afterChange(() =>
      writeFileSync(file('other.js'), "const express = require('express');\nconst app = express();\nrequire('./routes/public')(app, require('./db'));\napp.listen(3001);\n"),
    );
  });

  it('a file removed', async () => {
    await afterChange(() => rmSync(file('routes/account.js')));
  });

  it('a holder rewritten at the same size and mtime (only its ctime says it changed)', async () => {
    // (npm's tarballs give every file the mtime 1985-10-26T08:15:00Z: whole seconds, which `utimes` sets exactly.)
    utimesSync(file('server.js'), 499162500, 499162500);
    const before = statSync(file('server.js'));
    await afterChange(() => {
      const text = readFileSync(file('server.js'), 'utf8');
      const changed = text.replace("require('./routes/account')(app, db);", "//quire('./routes/account')(app, db);");
      expect(changed.length).toBe(text.length);
      writeFileSync(file('server.js'), changed);
      utimesSync(file('server.js'), 499162500, 499162500);
      expect([statSync(file('server.js')).mtimeMs, statSync(file('server.js')).size]).toEqual([before.mtimeMs, before.size]);
    });
  });

  it('a JSON file added beside the sources (a resolution may find it) starts over; the findings stay', async () => {
    const { all, text } = await firstProcess();
    writeFileSync(file('settings.json'), '{}\n');
    const later = await lintIn(dir, text);
    expect(later.all).toEqual(all);
    expect(later.holderReads).toBeGreaterThan(0);
  });

  it('the manifest edited (how specifiers resolve, what is installed) starts over; the findings stay', async () => {
    const { all, text } = await firstProcess();
    writeFileSync(file('package.json'), readFileSync(file('package.json'), 'utf8').replace('"private": true', '"private": true, "imports": {}'));
    const later = await lintIn(dir, text);
    expect(later.all).toEqual(all);
    expect(later.holderReads).toBeGreaterThan(0);
  });

  it('are ignored when the entry is damaged or of another shape', async () => {
    const { all, text } = await firstProcess();
    const parsed = JSON.parse(text) as { tables: Record<string, { stamp: string; entries: [string, Record<string, unknown>][] }> };
    const [key, entry] = parsed.tables.holders!.entries[0]!;
    const paths = entry.p as string[];
    const damaged: unknown[] = [
      { ...entry, c: [paths.length] },
      { ...entry, c: [-1] },
      { ...entry, c: [0, 0] },
      { ...entry, d: [[0]] },
      { ...entry, d: [[0, -1]] },
      { ...entry, r: [[0, [[0, 1, []]]]] },
      { ...entry, b: [[0, [paths.length + 3]]] },
      { ...entry, h: [[0, 1.5]] },
      { ...entry, i: [[0, [[0, ['x'], 99]]]] },
      { ...entry, o: [[0, 1, 2]] },
      { ...entry, p: ['relative/path.js'] },
      { ...entry, f: 3 },
      { ...entry, x: undefined },
      { ...entry, extra: true },
      // (Of the right shape, with another package's files: the fingerprint differs.)
      { ...entry, f: 'another' },
      null,
    ];
    for (const value of damaged) {
      const copy = structuredClone(parsed);
      copy.tables.holders!.entries[0] = [key, JSON.parse(JSON.stringify(value)) as Record<string, unknown>];
      const later = await lintIn(dir, JSON.stringify(copy));
      expect(later.all).toEqual(all);
      expect(later.holderReads).toBeGreaterThan(0);
    }
    // A table of another stamp is dropped too.
    const foreign = structuredClone(parsed);
    foreign.tables.holders!.stamp = 'holders 0';
    const later = await lintIn(dir, JSON.stringify(foreign));
    expect(later.all).toEqual(all);
    expect(later.holderReads).toBeGreaterThan(0);
  });

  it('are not kept when a source file was written within two seconds of the process (it may be written again at the same stat)', async () => {
    vi.useRealTimers();
    writeFileSync(file('db.js'), readFileSync(file('db.js'), 'utf8'));
    const first = await lintIn(dir, null);
    expect(first.holderReads).toBeGreaterThan(0);
    const text = first.write(null);
    expect(keptEntries(text ?? '{"tables":{}}')).toEqual([]);
  });

  it('keep nothing without the loader', async () => {
    const alone = await lintIn(dir);
    expect(alone.holderReads).toBeGreaterThan(0);
    expect(alone.write(null)).toBeNull();
  });
});
