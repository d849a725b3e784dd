// The import scan's facts kept between processes (src/project/scan.ts `keptScans`, through src/util/kept-results.ts):
// a process whose loader handed it the kept results takes the facts of a file whose path, mtime, size and ctime are
// the ones an earlier process scanned, without reading it; any other file is read and scanned, and its facts kept.
// Each "process" here is a fresh module graph (`vi.resetModules`), the loader's part played by `keptResults.read` and
// `keptResults.write`. Without the loader nothing is kept: the scan reads every file, as before. The files written by a
// test are scanned with the clock a minute on (a file written within two seconds of its scan is not kept).

import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { fixture } from '../helpers/projects';

type Scan = typeof import('../../src/project/scan');
type Kept = typeof import('../../src/util/kept-results');

interface Process {
  scan: Scan;
  kept: Kept;
}

/** A fresh process: the scan and kept-results modules of a new module graph; `read` plays the loader (`undefined`: no loader). */
async function processWith(read?: string | null): Promise<Process> {
  vi.resetModules();
  const scan = await import('../../src/project/scan.js');
  const kept = await import('../../src/util/kept-results.js');
  if (read !== undefined) kept.keptResults.read(read);
  return { scan, kept };
}

/** The files the scan read in this process, relative to `dir`, sorted. */
const readFiles = ({ scan }: Process, dir: string): string[] =>
  [...scan.scanReadCounts().keys()].map((file) => path.relative(dir, file).split(path.sep).join('/')).sort();

interface FreshLint {
  /** The messages of the rules asked for, `line:column rule`. */
  messages: string[];
  /** The texts the project read from the disk unparsed in this process, relative to `dir`, sorted. */
  textReads: string[];
  /** The kept results this process would write (`keptResults.write`). */
  write: (current: string | null) => string | null;
}

/**
 * Lints `file` of `dir` in a fresh process (a new module graph) with the config `configOf` makes of the plugin; `read`
 * plays the loader of kept results (`undefined`: no loader).
 */
async function lintInFreshProcess(
  dir: string,
  file: string,
  configOf: (plugin: typeof import('../../src/index')) => unknown[],
  rules: RegExp,
  read?: string | null,
): Promise<FreshLint> {
  vi.resetModules();
  const { ESLint } = await import('eslint');
  const { default: plugin } = await import('../../src/index.js');
  const { keptResults } = await import('../../src/util/kept-results.js');
  const { textReadCounts } = await import('../../src/project/index.js');
  if (read !== undefined) keptResults.read(read);
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configOf(plugin) as never });
  const [result] = await eslint.lintFiles([file]);
  const messages = result!.messages.filter((m) => rules.test(m.ruleId ?? '')).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
  const textReads = [...textReadCounts().keys()].map((unparsed) => path.relative(dir, unparsed).split(path.sep).join('/')).sort();
  return { messages, textReads, write: (current) => keptResults.write(current) };
}

/** Everything the index answers without a parse, relative to `dir`. */
function answers(index: InstanceType<Scan['ImportIndex']>, dir: string, files: readonly string[]): unknown {
  const rel = (file: string): string => path.relative(dir, file).split(path.sep).join('/');
  return {
    files: Object.fromEntries(
      files.map((name) => {
        const file = path.join(dir, name);
        const scanned = index.scanned(file);
        return [
          name,
          {
            importers: index.importersOf(file).map(rel),
            imports: index.importsOf(file),
            resolved: index.resolvedImportsOf(file).map(rel),
            createsApp: scanned?.createsApp,
            makesOwnApp: scanned?.makesOwnApp,
            cookieWrites: scanned?.cookieWrites,
            passesPackage: scanned?.passesPackage,
            reexports: scanned?.reexports,
            reexportsImports: scanned?.reexportsImports,
          },
        ];
      }),
    ),
    jwtFromCookies: index.readsJwtFromCookies(),
    queryParser: index.setsQueryParser(),
    sameSiteCookies: index.setsOnlySameSiteCookies(),
    authenticating: index.authenticatingFiles().map(rel),
    registering: index.containerFiles().map(rel),
  };
}

const FILES: Record<string, string> = {
  'package.json': '{ "name": "kept", "main": "app.js" }',
  'app.js': "const express = require('express');\nconst app = express();\napp.set('query parser', 'extended');\napp.use('/users', require('./routes/users'));\napp.use(require('./lib/cookies'));\nmodule.exports = app;\n",
  'bin/www': "const http = require('http');\nhttp.createServer(require('../app')).listen(3000);\n",
  'routes/users.js': "const router = require('express').Router();\nconst passport = require('passport');\nrouter.post('/login', passport.authenticate('local'), (req, res) => res.end());\nmodule.exports = router;\n",
  'lib/cookies.js': "const COOKIE_DEFAULTS = { httpOnly: true, sameSite: 'strict' };\nmodule.exports = (req, res, next) => {\n  res.cookie('sid', req.sessionID, COOKIE_DEFAULTS);\n  next();\n};\n",
  'config/passport.js': "const { ExtractJwt } = require('passport-jwt');\nmodule.exports = { jwtFromRequest: ExtractJwt.fromExtractors([(req) => req.cookies.jwt]) };\n",
  'container.js': "const { createContainer, asClass } = require('awilix');\nconst container = createContainer();\ncontainer.register({ users: asClass(require('./services/users')) });\nmodule.exports = container;\n",
  'services/users.js': 'module.exports = class Users {};\n',
  'lib/passport.js': "module.exports = require('passport');\n",
  'lib/index.js': "const cookies = require('./cookies');\nmodule.exports = { cookies, passport: require('./passport') };\n",
  'lib/start.js': "const cookies = require('./cookies');\nmodule.exports = (req, res) => cookies(req, res, () => res.end());\n",
};
const SOURCES = Object.keys(FILES).filter((name) => name !== 'package.json').sort();

/** A temporary folder with `files` (path -> text) written in it. */
function writtenProject(label: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), `secure-express-${label}-`));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The clock a minute on (Date only), for the files a test writes. */
function clockOn(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 60_000);
}

describe('the import scan kept between processes', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);

  beforeEach(() => {
    dir = writtenProject('kept-scan', FILES);
    clockOn();
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A first process that scans the package and keeps its facts: what it answered, and the file its loader would write. */
  async function firstProcess(): Promise<{ answered: unknown; text: string }> {
    const first = await processWith(null);
    const index = new first.scan.ImportIndex(dir, ['app.js']);
    const answered = answers(index, dir, SOURCES);
    expect(readFiles(first, dir)).toEqual(SOURCES);
    const text = first.kept.keptResults.write(null);
    expect(text).not.toBeNull();
    return { answered, text: text! };
  }

  it('answers importersOf, importsOf and the package facts as the first process did, without reading an unchanged file', async () => {
    const { answered, text } = await firstProcess();
    // (What the first process found, so that the round trip is seen to carry something.)
    expect(answered).toMatchObject({
      files: {
        'routes/users.js': { importers: ['app.js'], imports: [] },
        'app.js': { importers: ['bin/www'], imports: ['./routes/users', './lib/cookies'], createsApp: true, makesOwnApp: true },
        'lib/cookies.js': { cookieWrites: { writes: 'sameSite', needs: ['COOKIE_DEFAULTS'], keeps: ['COOKIE_DEFAULTS'] } },
        // What it may pass on: an installed package as it is; a module it imports, by a key; none (it only reads one).
        'lib/passport.js': { passesPackage: true, reexports: true, reexportsImports: false },
        'lib/index.js': { passesPackage: false, reexports: false, reexportsImports: true },
        'lib/start.js': { passesPackage: false, reexports: false, reexportsImports: false },
      },
      jwtFromCookies: true,
      queryParser: true,
      sameSiteCookies: true,
      authenticating: ['routes/users.js'],
      registering: ['container.js'],
    });
    const second = await processWith(text);
    const index = new second.scan.ImportIndex(dir, ['app.js']);
    expect(answers(index, dir, SOURCES)).toEqual(answered);
    expect(readFiles(second, dir)).toEqual([]);
    // No text of a file it did not read: the project reads such a file itself (`textOf` callers fall back to the disk).
    expect(index.textOf(file('app.js'), statSync(file('app.js')))).toBeUndefined();
    // Nothing new to keep: the loader writes nothing.
    expect(second.kept.keptResults.write(text)).toBeNull();
  });

  it('reads a file edited since (another size; the same size with another mtime; the same size and mtime, rewritten) and keeps its new facts', async () => {
    // (npm's tarballs give every file the mtime 1985-10-26T08:15:00Z: whole seconds, which `utimes` sets exactly.)
    utimesSync(file('container.js'), 499162500, 499162500);
    const { text } = await firstProcess();
    // Another size: users.js no longer authenticates.
    writeFileSync(file('routes/users.js'), "const router = require('express').Router();\nrouter.post('/login', (req, res) => res.end());\nmodule.exports = router;\n");
    // The same size, another mtime: app.js mounts another file.
    const app = statSync(file('app.js'));
    writeFileSync(file('app.js'), FILES['app.js']!.replace("require('./lib/cookies')", "require('./lib/COOKIES')"));
    utimesSync(file('app.js'), app.atime, new Date(app.mtimeMs + 5000));
    expect(statSync(file('app.js')).size).toBe(app.size);
    // The same size and mtime (as a tool that sets mtimes writes it: an npm tarball's files all have one), other
    // content: only its ctime says it changed.
    const container = statSync(file('container.js'));
    writeFileSync(file('container.js'), FILES['container.js']!.replace('awilix', 'awilia'));
    utimesSync(file('container.js'), 499162500, 499162500);
    expect([statSync(file('container.js')).mtimeMs, statSync(file('container.js')).size]).toEqual([container.mtimeMs, container.size]);

    const second = await processWith(text);
    const index = new second.scan.ImportIndex(dir, ['app.js']);
    expect(index.authenticatingFiles()).toEqual([]);
    expect(index.importsOf(file('app.js'))).toEqual(['./routes/users', './lib/COOKIES']);
    expect(index.containerFiles()).toEqual([]);
    expect(index.importersOf(file('routes/users.js'))).toEqual([file('app.js')]);
    expect(readFiles(second, dir)).toEqual(['app.js', 'container.js', 'routes/users.js']);
    // Their new facts are kept: a third process reads nothing.
    const written = second.kept.keptResults.write(text);
    expect(written).not.toBeNull();
    const third = await processWith(written);
    const again = new third.scan.ImportIndex(dir, ['app.js']);
    expect(again.importsOf(file('app.js'))).toEqual(['./routes/users', './lib/COOKIES']);
    expect(again.containerFiles()).toEqual([]);
    expect(readFiles(third, dir)).toEqual([]);
  });

  it('reads every file again when an entry is damaged or of another shape (the table is dropped)', async () => {
    const { answered, text } = await firstProcess();
    const parsed = JSON.parse(text) as { tables: Record<string, { stamp: string; entries: [string, Record<string, unknown>][] }> };
    const table = parsed.tables['import-scan']!;
    const at = table.entries.findIndex(([key]) => key === file('app.js'));
    expect(at).toBeGreaterThanOrEqual(0);
    const entry = table.entries[at]![1];
    const damaged: Record<string, unknown>[] = [
      { ...entry, i: ['./routes/users', 3] },
      { ...entry, i: [] },
      { ...entry, i: ['routes/users'] },
      { ...entry, b: ['./routes/users'] },
      { ...entry, s: -1 },
      { ...entry, s: 1.5 },
      { ...entry, m: '1' },
      { ...entry, c: undefined },
      // createsApp without makesOwnApp, and a bit past the last flag.
      { ...entry, f: 0b100 },
      { ...entry, f: 1 << 9 },
      { ...entry, f: 0 },
      { ...entry, w: ['sameSite', ['COOKIE_DEFAULTS'], []] },
      { ...entry, w: ['maybe', [], [], []] },
      { ...entry, w: ['none', [], [], []] },
      { ...entry, w: ['other', ['a b'], [], []] },
      { ...entry, extra: true },
      { mtimeMs: entry.m, size: entry.s, imports: entry.i },
    ];
    for (const value of damaged) {
      const copy = structuredClone(parsed);
      copy.tables['import-scan']!.entries[at] = [file('app.js'), JSON.parse(JSON.stringify(value)) as Record<string, unknown>];
      const later = await processWith(JSON.stringify(copy));
      const index = new later.scan.ImportIndex(dir, ['app.js']);
      expect(answers(index, dir, SOURCES)).toEqual(answered);
      expect(readFiles(later, dir)).toEqual(SOURCES);
    }
    // A table of another stamp is dropped too: the layout before the facts of what a file passes on ('scan 1'), whose
    // entries would read as passing nothing on.
    const foreign = structuredClone(parsed);
    foreign.tables['import-scan']!.stamp = 'scan 1';
    const later = await processWith(JSON.stringify(foreign));
    expect(answers(new later.scan.ImportIndex(dir, ['app.js']), dir, SOURCES)).toEqual(answered);
    expect(readFiles(later, dir)).toEqual(SOURCES);
  });

  it('does not keep the facts of a file written within two seconds of the scan (it may be written again at the same mtime and size)', async () => {
    vi.useRealTimers();
    const first = await processWith(null);
    new first.scan.ImportIndex(dir, ['app.js']).importersOf(file('routes/users.js'));
    expect(readFiles(first, dir)).toEqual(SOURCES);
    // Nothing kept: the loader writes nothing, and the next process reads every file.
    expect(first.kept.keptResults.write(null)).toBeNull();
    clockOn();
    const second = await processWith(null);
    new second.scan.ImportIndex(dir, ['app.js']).importersOf(file('routes/users.js'));
    expect(readFiles(second, dir)).toEqual(SOURCES);
    // Two seconds on (the clock is a minute on), they are kept.
    const third = await processWith(second.kept.keptResults.write(null));
    new third.scan.ImportIndex(dir, ['app.js']).importersOf(file('routes/users.js'));
    expect(readFiles(third, dir)).toEqual([]);
  });

  it('keeps nothing without the loader: every process reads every file, and a second index of the process reads them again', async () => {
    const alone = await processWith();
    expect(alone.kept.keepsResults()).toBe(false);
    const index = new alone.scan.ImportIndex(dir, ['app.js']);
    index.importersOf(file('routes/users.js'));
    expect(readFiles(alone, dir)).toEqual(SOURCES);
    new alone.scan.ImportIndex(dir, ['app.js']).importersOf(file('routes/users.js'));
    expect([...alone.scan.scanReadCounts().values()].every((count) => count === 2)).toBe(true);
    expect(alone.kept.keptResults.write(null)).toBeNull();
  });
});

describe('kept facts and aliases: the bare specifiers are kept, and each index applies its own aliases to them', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);
  /** `@/x` names `src/x.ts` (a tsconfig path's role). */
  const resolve = (from: string, specifier: string): string | null => {
    if (specifier.startsWith('@/')) return file(`src/${specifier.slice(2)}.ts`);
    if (!specifier.startsWith('.')) return null;
    const target = path.resolve(path.dirname(from), specifier);
    return target.endsWith('.ts') ? target : `${target}.ts`;
  };
  const aliases = (from: string, specifier: string): boolean => specifier.startsWith('@/');

  beforeEach(() => {
    clockOn();
    dir = mkdtempSync(path.join(tmpdir(), 'secure-express-kept-alias-'));
    mkdirSync(file('src/routes'), { recursive: true });
    writeFileSync(file('package.json'), '{ "name": "kept-alias", "main": "src/app.ts" }');
    writeFileSync(file('src/app.ts'), "import express from 'express';\nimport auth from '@/routes/auth';\nimport { limits } from './limits';\nconst app = express();\napp.use('/auth', limits, auth);\nexport default app;\n");
    writeFileSync(file('src/limits.ts'), "import rateLimit from 'express-rate-limit';\nexport const limits = rateLimit({ limit: 5 });\n");
    writeFileSync(file('src/routes/auth.ts'), "import { Router } from 'express';\nconst router = Router();\nrouter.post('/login', (req, res) => res.end());\nexport default router;\n");
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an entry kept without its bare specifiers is scanned again by an index with aliases; then kept with them, for any aliases', async () => {
    // A first process whose index has no aliases: the bare specifiers are not scanned, nor kept.
    const first = await processWith(null);
    const plain = new first.scan.ImportIndex(dir, ['src/app.ts'], resolve);
    expect(plain.importersOf(file('src/routes/auth.ts'))).toEqual([]);
    const text = first.kept.keptResults.write(null)!;

    // An index with aliases needs them: every file is read again (the table has no `b` for any).
    const second = await processWith(text);
    const aliased = new second.scan.ImportIndex(dir, ['src/app.ts'], resolve, aliases, () => true);
    expect(aliased.importersOf(file('src/routes/auth.ts'))).toEqual([file('src/app.ts')]);
    expect(aliased.importsOf(file('src/app.ts'))).toEqual(['./limits', '@/routes/auth']);
    expect(readFiles(second, dir)).toEqual(['src/app.ts', 'src/limits.ts', 'src/routes/auth.ts']);
    const withBare = second.kept.keptResults.write(text)!;
    const entry = (JSON.parse(withBare) as { tables: Record<string, { entries: [string, { b?: string[] }][] }> }).tables['import-scan']!.entries.find(([key]) => key === file('src/app.ts'))![1];
    // Every bare specifier, whatever the aliases say of it.
    expect(entry.b).toEqual(['express', '@/routes/auth']);

    // A third process with the same aliases reads nothing; one whose aliases map nothing reads nothing either, and
    // finds no alias import; one with no aliases at all, the relative imports alone.
    for (const [aliased2, found] of [
      [aliases, [file('src/app.ts')]],
      [() => false, []],
      [undefined, []],
    ] as const) {
      const later = await processWith(withBare);
      const index = new later.scan.ImportIndex(dir, ['src/app.ts'], resolve, aliased2, aliased2 && (() => true));
      expect(index.importersOf(file('src/routes/auth.ts'))).toEqual(found);
      expect(index.importersOf(file('src/limits.ts'))).toEqual([file('src/app.ts')]);
      expect(readFiles(later, dir)).toEqual([]);
    }
  });

  it('a file for which no alias applies (mayAlias false) takes an entry without bare specifiers', async () => {
    const first = await processWith(null);
    new first.scan.ImportIndex(dir, ['src/app.ts'], resolve).importersOf(file('src/app.ts'));
    const text = first.kept.keptResults.write(null)!;
    const second = await processWith(text);
    const index = new second.scan.ImportIndex(dir, ['src/app.ts'], resolve, aliases, (from) => from !== file('src/limits.ts'));
    expect(index.importersOf(file('src/routes/auth.ts'))).toEqual([file('src/app.ts')]);
    expect(readFiles(second, dir)).toEqual(['src/app.ts', 'src/routes/auth.ts']);
  });
});

/**
 * The whole-app findings of fixture projects, linted in a process without kept results, in a first process that keeps
 * them, and in a later process that reads them back (which reads no file for the scan): the same findings.
 */
const FIXTURES = [
  'generator',
  'esm',
  'typescript',
  'controllers',
  'factory',
  'tsconfig-paths',
  'starter-paths',
  'workspaces',
  'workspace-router-ts',
  'nx-library',
  'cookie-samesite',
  'cookie-options',
  'passport-routes',
  'passport-nest',
  'di-container',
  'secrets-elsewhere',
  'served-exported',
];

describe('the same findings with the scan kept as without (tests/fixtures/projects)', () => {
  // (A checkout's files may be younger than two seconds.)
  beforeEach(clockOn);
  afterEach(() => vi.useRealTimers());

  it.each(FIXTURES)('%s', async (name) => {
    const dir = fixture(name);
    const lintIn = async (read?: string | null): Promise<{ all: string[]; reads: number; write: (current: string | null) => string | null }> => {
      vi.resetModules();
      const { lintProject } = await import('../helpers/projects.js');
      const { keptResults } = await import('../../src/util/kept-results.js');
      const { scanReadCounts } = await import('../../src/project/scan.js');
      if (read !== undefined) keptResults.read(read);
      const { all } = await lintProject(dir, 'strict');
      const reads = [...scanReadCounts().keys()].filter((file) => file.startsWith(dir + path.sep)).length;
      return { all, reads, write: (current) => keptResults.write(current) };
    };
    const without = await lintIn();
    expect(without.reads).toBeGreaterThan(0);
    expect(without.all.length).toBeGreaterThan(0);
    const first = await lintIn(null);
    expect(first.all).toEqual(without.all);
    expect(first.reads).toBe(without.reads);
    const text = first.write(null);
    expect(text).not.toBeNull();
    const later = await lintIn(text);
    expect(later.all).toEqual(without.all);
    expect(later.reads).toBe(0);
  });
});

describe("what a module passes on, taken from the kept scan's facts (src/project/index.ts `mayPassPackage`)", () => {
  // `config/index.js` passes `./passport` on whole, `lib/index.js` passes `./auth` on by a key, `lib/helpers.js` only
  // calls the module it imports: the project asks each whether it passes an installed package on to `app.js`
  // (`importedPackage`), by the key `app.js` reads.
  const PROJECT: Record<string, string> = {
    'package.json': '{ "name": "passes", "main": "app.js", "dependencies": { "express": "^5.1.0", "passport": "^0.5.3", "express-session": "^1.18.1" } }',
    'config/passport.js': "module.exports = require('passport');\n",
    'config/index.js': "module.exports = require('./passport');\n",
    'lib/auth.js': "exports.check = () => (req, res, next) => next();\n",
    'lib/index.js': "module.exports = { auth: require('./auth') };\n",
    'lib/util.js': "const crypto = require('node:crypto');\nexports.id = () => crypto.randomUUID();\n",
    'lib/helpers.js': "const util = require('./util');\nexports.id = () => util.id();\n",
    'app.js':
      "const express = require('express');\nconst session = require('express-session');\nconst passport = require('./config');\nconst { id } = require('./lib/helpers');\nconst { auth } = require('./lib');\nconst app = express();\n" +
      "app.use(session({ name: 's', secret: process.env.S, store: globalThis.store, cookie: { secure: true, sameSite: 'none', maxAge: 3600000 } }));\n" +
      "app.locals.id = id();\napp.post('/login', auth.check(), passport.authenticate('local'), (req, res) => res.redirect('/'));\nmodule.exports = app;\n",
  };
  let dir: string;

  beforeEach(() => {
    dir = writtenProject('kept-passes', PROJECT);
    clockOn();
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Lints `app.js` (strict, CommonJS) in a fresh process; `read` plays the loader. */
  const lintApp = (read?: string | null): Promise<FreshLint> =>
    lintInFreshProcess(dir, 'app.js', (plugin) => [...plugin.configs.strict, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }], /session-regenerate|csrf/u, read);

  it("reads no text for what the facts say; still the text of a module that may pass one on by the key read; passport's value as before", async () => {
    const expected = ['9:10 secure-express/require-csrf-protection', '9:34 secure-express/require-session-regenerate'];
    // The first process scans every file (their texts are the scan's): none is read again.
    const first = await lintApp(null);
    expect(first.messages).toEqual(expected);
    expect(first.textReads).toEqual([]);
    const text = first.write(null);
    expect(text).not.toBeNull();
    // A later process takes the facts: `lib/helpers.js`, `lib/util.js` (they pass nothing on) and `config/*.js` (their
    // facts say what they pass on whole) are not read; `lib/index.js` is, for what it may pass on by the key `auth`, and
    // `lib/auth.js` for whether it re-exports `check` from elsewhere (`reexported`: a package re-exported counts, which
    // the facts do not say). (The code before read all six.)
    const later = await lintApp(text);
    expect(later.messages).toEqual(expected);
    expect(later.textReads).toEqual(['lib/auth.js', 'lib/index.js']);
  });
});

describe('a helper of another module read in a later process (src/project/index.ts `importedFunction`)', () => {
  // `app.js` hands request data to `users.find` of `lib/users.js` (and, in CommonJS, to `lib.users.find` through
  // `lib/index.js`, which passes `./users` on by a key). The project asks whether the module passes the function on
  // from elsewhere (`reexported`, `inheritedAt`) before it reads the helper. In a process that took the scan's facts
  // from an earlier one, no text is the scan's: that question read each module's text from the disk, and the module
  // was then parsed anyway (read again). It is parsed first now, and the question reads its parse: no text is read.
  const variants: Record<string, { files: Record<string, string>; sourceType: 'commonjs' | 'module'; glob: string; app: string; ts?: boolean }> = {
    CommonJS: {
      sourceType: 'commonjs',
      glob: '**/*.js',
      app: 'app.js',
      files: {
        'package.json': '{ "name": "reexports-by-key", "main": "app.js", "dependencies": { "express": "^5.1.0", "mongoose": "^8.0.0" } }',
        'lib/db.js': "const mongoose = require('mongoose');\nexports.User = mongoose.model('User');\n",
        'lib/users.js': "const db = require('./db');\nexports.find = (filter) => db.User.find(filter);\n",
        'lib/index.js': "module.exports = { users: require('./users') };\n",
        'app.js':
          "const express = require('express');\nconst users = require('./lib/users');\nconst lib = require('./lib');\nconst app = express();\n" +
          "app.post('/a', async (req, res) => res.json(await users.find(req.body.filter)));\n" +
          "app.post('/b', async (req, res) => res.json(await lib.users.find(req.body.filter)));\nmodule.exports = app;\n",
      },
    },
    ESM: {
      sourceType: 'module',
      glob: '**/*.mjs',
      app: 'app.mjs',
      files: {
        'package.json': '{ "name": "reexports-by-key-esm", "main": "app.mjs", "dependencies": { "express": "^5.1.0", "mongoose": "^8.0.0" } }',
        'lib/db.mjs': "import mongoose from 'mongoose';\nexport const User = mongoose.model('User');\n",
        'lib/users.mjs': "import * as db from './db.mjs';\nexport const find = (filter) => db.User.find(filter);\n",
        'app.mjs':
          "import express from 'express';\nimport * as users from './lib/users.mjs';\nconst app = express();\n" +
          "app.post('/a', async (req, res) => res.json(await users.find(req.body.filter)));\nexport default app;\n",
      },
    },
    TypeScript: {
      sourceType: 'module',
      glob: '**/*.ts',
      app: 'app.ts',
      ts: true,
      files: {
        'package.json': '{ "name": "reexports-by-key-ts", "dependencies": { "express": "^5.1.0", "mongoose": "^8.0.0" } }',
        'lib/db.ts': "import mongoose from 'mongoose';\nexport const User = mongoose.model('User');\n",
        'lib/users.ts': "import * as db from './db';\nexport const find = (filter: unknown) => db.User.find(filter);\n",
        'app.ts':
          "import express from 'express';\nimport * as users from './lib/users';\nconst app = express();\n" +
          "app.post('/a', async (req, res) => res.json(await users.find(req.body.filter)));\nexport default app;\n",
      },
    },
  };
  let dir: string;

  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Lints the variant's app (`recommended`) in a fresh process; `read` plays the loader. */
  async function lintApp(variant: (typeof variants)[string], read?: string | null): Promise<FreshLint> {
    const tsParser = variant.ts ? await import('@typescript-eslint/parser') : null;
    const languageOptions = { sourceType: variant.sourceType, ...(tsParser ? { parser: tsParser } : {}) };
    return lintInFreshProcess(dir, variant.app, (plugin) => [...plugin.configs.recommended, { files: [variant.glob], languageOptions }], /^secure-express\/no-nosql-injection$/u, read);
  }

  it.each(Object.keys(variants))('%s: reads no module text unparsed; the findings as before', async (name) => {
    const variant = variants[name]!;
    dir = writtenProject('kept-reexports', variant.files);
    clockOn();
    const first = await lintApp(variant, null);
    const expected = (variant.sourceType === 'commonjs' ? ['5:62', '6:66'] : ['4:62']).map((at) => `${at} secure-express/no-nosql-injection`);
    expect(first.messages).toEqual(expected);
    expect(first.textReads).toEqual([]);
    const text = first.write(null);
    expect(text).not.toBeNull();
    // A later process takes the facts: no module's text is read unparsed (the code before read `lib/users.js`, and
    // `lib/index.js` in CommonJS).
    const later = await lintApp(variant, text);
    expect(later.messages).toEqual(expected);
    expect(later.textReads).toEqual([]);
  });
});
