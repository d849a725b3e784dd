import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The package's entry (src/load.ts, built to dist/index.js) loads the plugin (dist/plugin.js) with a V8 code cache of
// its own code. Each case runs fresh Node processes, as ESLint's command line or an editor would: the cache is
// written when a process that linted exits, and read by the next one. Needs dist/ (`npm test` builds).
const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

let dir: string;

beforeAll(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'secure-express-load-')));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  state: { status: string; file: string | null };
  messages: string[];
}

const APP = "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\napp.listen(3000);\n";
const PLAIN = 'module.exports = 1;\n';

/**
 * One process: loads the plugin from `entry`, lints `code` (CommonJS) as `files` files with two of its rules and prints
 * what the loader did and the findings. `env` is added to the test's own (without its SECURE_EXPRESS_CODE_CACHE).
 */
function run(entry: string, env: Record<string, string | undefined>, code = APP, files = 1): Run {
  const script = [
    `const { Linter } = require(${JSON.stringify(require.resolve('eslint'))});`,
    `const plugin = require(${JSON.stringify(entry)});`,
    `const linter = new Linter({ configType: 'flat', cwd: ${JSON.stringify(dir)} });`,
    "const config = [{ plugins: { 'secure-express': plugin }, languageOptions: { sourceType: 'commonjs' }, rules: { 'secure-express/require-helmet': 'error', 'secure-express/disable-x-powered-by': 'error' } }];",
    `const messages = Array.from({ length: ${files} }, (_, i) => linter.verify(${JSON.stringify(code)}, config, { filename: ${JSON.stringify(dir)} + '/app' + i + '.js' })).flat();`,
    "const state = plugin[Symbol.for('eslint-plugin-secure-express/code-cache')];",
    'console.log(JSON.stringify({ state, messages: messages.map((m) => `${m.line} ${m.ruleId ?? m.message}`).sort() }));',
  ].join('\n');
  const own = { ...process.env };
  delete own.SECURE_EXPRESS_CODE_CACHE;
  delete own.NODE_DISABLE_COMPILE_CACHE;
  // (A file, not `node -e`: the code given to `-e` is among `process.execArgv`, which the cache file's name includes.)
  const file = path.join(dir, `run-${files}-${code === APP ? 'app' : 'plain'}.cjs`);
  writeFileSync(file, script);
  const output = execFileSync(process.execPath, [file], {
    cwd: root,
    encoding: 'utf8',
    env: { ...own, NODE_PATH: path.join(root, 'node_modules'), ...env },
  });
  return JSON.parse(output) as Run;
}

const FINDINGS = ['2 secure-express/disable-x-powered-by', '2 secure-express/require-helmet'];
const cacheFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.v8cache')) : []);

/** A copy of the built package at `<under>/eslint-plugin-secure-express` (its dist/ and package.json). */
function installAt(under: string): string {
  const pkg = path.join(under, 'eslint-plugin-secure-express');
  mkdirSync(pkg, { recursive: true });
  cpSync(dist, path.join(pkg, 'dist'), { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(pkg, 'package.json'));
  return path.join(pkg, 'dist/index.js');
}

describe('the code cache of the plugin', () => {
  it('is written when a process that linted exits, and used by the next process, with the same findings', () => {
    const folder = path.join(dir, 'first');
    const first = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder });
    expect(first.state.status).toBe('missing');
    expect(first.messages).toEqual(FINDINGS);
    expect(cacheFiles(folder)).toEqual([path.basename(first.state.file!)]);

    const second = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder });
    expect(second.state).toEqual({ status: 'used', file: first.state.file});
    expect(second.messages).toEqual(FINDINGS);
    // (Rewritten only by a process that built models of more than twice as many files: this one built one.)
    expect(cacheFiles(folder)).toHaveLength(1);
  });

  it('is written again by a process that built models of more than twice as many files', () => {
    const folder = path.join(dir, 'more');
    const { state } = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder });
    const written = readFileSync(state.file!);
    expect(written.readUInt32LE(4)).toBe(1);
    expect(run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder }, APP, 2).state.status).toBe('used');
    expect(readFileSync(state.file!).equals(written)).toBe(true);
    expect(run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder }, APP, 3).state.status).toBe('used');
    expect(readFileSync(state.file!).readUInt32LE(4)).toBe(3);
    expect(run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder }).state.status).toBe('used');
  });

  it("keeps the plugin's file and lines in stack traces (for users' crash reports)", () => {
    const folder = path.join(dir, 'stack');
    const script = path.join(dir, 'stack.cjs');
    writeFileSync(
      script,
      [
        `const plugin = require(${JSON.stringify(path.join(dist, 'index.js'))});`,
        "const context = { get sourceCode() { throw new Error('from the test'); } };",
        "try { plugin.rules['require-helmet'].create(context); } catch (error) { console.log(error.stack.split('\\n')[2]); }",
        "console.log(plugin[Symbol.for('eslint-plugin-secure-express/code-cache')].status);",
      ].join('\n'),
    );
    // Compiled without the cache, then from it (written by a process that linted).
    for (const status of ['missing', 'used']) {
      const output = execFileSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, SECURE_EXPRESS_CODE_CACHE: folder } });
      const [frame, loaded] = output.trim().split('\n');
      expect(loaded).toBe(status);
      run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder });
      const [, file, line, column] = /\((.+):(\d+):(\d+)\)$/u.exec(frame!) ?? [];
      expect(file).toBe(path.join(dist, 'plugin.js'));
      const text = readFileSync(file!, 'utf8').split('\n')[Number(line) - 1]!;
      expect(text.slice(Number(column) - 1)).toMatch(/^sourceCode\b/u);
    }
  });

  it('is not written by a process that built no Express model', () => {
    const folder = path.join(dir, 'plain');
    const plain = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder }, PLAIN);
    expect(plain).toEqual({ state: { status: 'missing', file: expect.any(String)}, messages: [] });
    expect(cacheFiles(folder)).toEqual([]);
  });

  it('is read only when its checksum holds: a damaged file is replaced', () => {
    const folder = path.join(dir, 'damaged');
    const { state } = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder });
    const bytes = readFileSync(state.file!);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    writeFileSync(state.file!, bytes);
    const damaged = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder });
    expect(damaged.state.status).toBe('missing');
    expect(damaged.messages).toEqual(FINDINGS);
    expect(run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder }).state.status).toBe('used');
  });

  it('is rejected by V8 when written under other flags, and then replaced', () => {
    const folder = path.join(dir, 'flags');
    const { state } = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder });
    // The same bytes under the name another process (other flags) would read.
    const other = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder, NODE_OPTIONS: '--max-semi-space-size=2' }, PLAIN);
    cpSync(state.file!, other.state.file!);
    const rejected = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder, NODE_OPTIONS: '--max-semi-space-size=2' });
    expect(rejected.state.status).toBe('rejected');
    expect(rejected.messages).toEqual(FINDINGS);
    const again = run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: folder, NODE_OPTIONS: '--max-semi-space-size=2' });
    expect(again.state.status).toBe('used');
  });

  it('is named by the plugin code: another build gets its own file, and the folder keeps the newest eight', () => {
    const folder = path.join(dir, 'builds');
    const entry = installAt(path.join(dir, 'builds-copy'));
    const names = new Set<string>();
    for (let build = 0; build < 10; build++) {
      writeFileSync(path.join(path.dirname(entry), 'plugin.js'), `${readFileSync(path.join(dist, 'plugin.js'), 'utf8')}// build ${build}\n`);
      const { state, messages } = run(entry, { SECURE_EXPRESS_CODE_CACHE: folder });
      expect([state.status, messages]).toEqual(['missing', FINDINGS]);
      names.add(path.basename(state.file!));
    }
    expect(names.size).toBe(10);
    expect(cacheFiles(folder)).toHaveLength(8);
    expect(run(entry, { SECURE_EXPRESS_CODE_CACHE: folder }).state.status).toBe('used');
  });

  it("lives in node_modules/.cache of the project the plugin is installed in, and is off outside node_modules", () => {
    const project = path.join(dir, 'project');
    const installed = run(installAt(path.join(project, 'node_modules')), {});
    expect(installed.state.file).toBe(path.join(project, 'node_modules/.cache/eslint-plugin-secure-express', path.basename(installed.state.file!)));
    expect(cacheFiles(path.join(project, 'node_modules/.cache/eslint-plugin-secure-express'))).toHaveLength(1);

    // pnpm's layout: the package's real folder is under node_modules/.pnpm; the cache is the project's.
    const pnpm = path.join(dir, 'pnpm-project');
    const store = path.join(pnpm, 'node_modules/.pnpm/eslint-plugin-secure-express@1.0.0/node_modules');
    const fromStore = run(installAt(store), {});
    expect(path.dirname(fromStore.state.file!)).toBe(path.join(pnpm, 'node_modules/.cache/eslint-plugin-secure-express'));
    expect(fromStore.messages).toEqual(FINDINGS);

    const linked = run(installAt(path.join(dir, 'checkout')), {});
    expect(linked).toEqual({ state: { status: 'off', file: null}, messages: FINDINGS });
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE or SECURE_EXPRESS_CODE_CACHE=off', () => {
    const entry = installAt(path.join(dir, 'disabled/node_modules'));
    for (const env of [{ NODE_DISABLE_COMPILE_CACHE: '1' }, { SECURE_EXPRESS_CODE_CACHE: 'off' }, { SECURE_EXPRESS_CODE_CACHE: '0' }]) {
      expect(run(entry, env)).toEqual({ state: { status: 'off', file: null}, messages: FINDINGS });
    }
    expect(existsSync(path.join(dir, 'disabled/node_modules/.cache'))).toBe(false);
  });

  it('a folder that cannot be written changes nothing but the time', () => {
    const blocked = path.join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the folder would be');
    for (let i = 0; i < 2; i++) {
      expect(run(path.join(dist, 'index.js'), { SECURE_EXPRESS_CODE_CACHE: path.join(blocked, 'cache') })).toEqual({
        state: { status: 'missing', file: expect.any(String)},
        messages: FINDINGS,
      });
    }
  });
});

// The pattern of mongo-express's config (two lazy `.*?` that trade the ':'): only scslre can tell, so a process that
// meets it loads scslre, unless an earlier process kept its verdict.
const SLOW = 'const pattern = /(mongo.*?:\\/\\/.*?:).*?@/;\n';
const SLOW_KEY = '/(mongo.*?:\\/\\/.*?:).*?@';
const SLOW_FINDING = ['1 secure-express/no-unsafe-regex'];

interface RegexRun {
  scslreLoaded: boolean;
  messages: string[];
}

/** One process that lints `code` with no-unsafe-regex and says whether scslre was loaded. */
function runRegex(folder: string, code = SLOW): RegexRun {
  const script = [
    `const { Linter } = require(${JSON.stringify(require.resolve('eslint'))});`,
    `const plugin = require(${JSON.stringify(path.join(dist, 'index.js'))});`,
    `const linter = new Linter({ configType: 'flat', cwd: ${JSON.stringify(dir)} });`,
    "const config = [{ plugins: { 'secure-express': plugin }, languageOptions: { sourceType: 'commonjs' }, rules: { 'secure-express/no-unsafe-regex': 'error' } }];",
    `const messages = linter.verify(${JSON.stringify(code)}, config, { filename: ${JSON.stringify(dir)} + '/config.js' });`,
    // (Its code: the versions of scslre and its libraries are read from their package.json files.)
    "const scslreLoaded = Object.keys(require.cache).some((file) => /[\\\\/]scslre[\\\\/](?!package\\.json$)/u.test(file));",
    'console.log(JSON.stringify({ scslreLoaded, messages: messages.map((m) => `${m.line} ${m.ruleId ?? m.message}`) }));',
  ].join('\n');
  const file = path.join(dir, 'run-regex.cjs');
  writeFileSync(file, script);
  const output = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8', env: { ...process.env, SECURE_EXPRESS_CODE_CACHE: folder } });
  return JSON.parse(output) as RegexRun;
}

const resultsFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.results.json')) : []);

/** The verdicts kept in the folder's results file, by pattern (`flags/source`). */
function keptVerdicts(folder: string): { stamp: string; entries: Record<string, unknown> } {
  const [name] = resultsFiles(folder);
  const table = (JSON.parse(readFileSync(path.join(folder, name!), 'utf8')) as { tables: Record<string, { stamp: string; entries: [string, unknown][] }> }).tables['no-unsafe-regex']!;
  return { stamp: table.stamp, entries: Object.fromEntries(table.entries) };
}

describe("the plugin's kept results (scslre's verdicts on regex patterns)", () => {
  it('are written by a process that analysed a pattern, and read back by the next one, which does not load scslre', () => {
    const folder = path.join(dir, 'kept');
    expect(runRegex(folder)).toEqual({ scslreLoaded: true, messages: SLOW_FINDING });
    expect(resultsFiles(folder)).toHaveLength(1);
    const kept = keptVerdicts(folder);
    expect(kept.stamp).toMatch(/^scslre@\S+ refa@\S+ regexp-ast-analysis@\S+ @eslint-community\/regexpp@\S+$/u);
    expect(kept.entries[SLOW_KEY]).toEqual({ exponential: false, where: "'.*?' and '.*?'", char: ':' });
    expect(runRegex(folder)).toEqual({ scslreLoaded: false, messages: SLOW_FINDING });
    // (A pattern that needs no analysis leaves the file as it is.)
    const before = readFileSync(path.join(folder, resultsFiles(folder)[0]!), 'utf8');
    expect(runRegex(folder, 'const simple = /^a+$/;\n')).toEqual({ scslreLoaded: false, messages: [] });
    expect(readFileSync(path.join(folder, resultsFiles(folder)[0]!), 'utf8')).toBe(before);
  });

  it('are trusted as read back when their libraries are the installed ones (a kept "linear" verdict is not analysed again)', () => {
    const folder = path.join(dir, 'trusted');
    runRegex(folder, 'const other = /(a+)+$/;\n');
    const [name] = resultsFiles(folder);
    const { stamp } = keptVerdicts(folder);
    writeFileSync(path.join(folder, name!), JSON.stringify({ format: 1, tables: { 'no-unsafe-regex': { stamp, entries: [[SLOW_KEY, null]] } } }));
    expect(runRegex(folder)).toEqual({ scslreLoaded: false, messages: [] });
  });

  it('are dropped when kept for other library versions, when a value has another shape, or when the file is not JSON', () => {
    const folder = path.join(dir, 'dropped');
    runRegex(folder, 'const other = /(a+)+$/;\n');
    const [name] = resultsFiles(folder);
    const file = path.join(folder, name!);
    const { stamp } = keptVerdicts(folder);
    const damaged = [
      JSON.stringify({ format: 1, tables: { 'no-unsafe-regex': { stamp: 'scslre@0.0.1', entries: [[SLOW_KEY, null]] } } }),
      JSON.stringify({ format: 1, tables: { 'no-unsafe-regex': { stamp, entries: [[SLOW_KEY, { exponential: 'no' }]] } } }),
      JSON.stringify({ format: 2, tables: { 'no-unsafe-regex': { stamp, entries: [[SLOW_KEY, null]] } } }),
      '{"format":1,"tables":{"no-unsafe-regex":',
    ];
    for (const text of damaged) {
      writeFileSync(file, text);
      expect(runRegex(folder)).toEqual({ scslreLoaded: true, messages: SLOW_FINDING });
      // Replaced by this process's own verdict.
      expect(keptVerdicts(folder)).toEqual({ stamp, entries: { [SLOW_KEY]: { exponential: false, where: "'.*?' and '.*?'", char: ':' } } });
    }
  });

  it("keep what other processes kept: a process's new verdicts are added to the file's", () => {
    const folder = path.join(dir, 'merged');
    runRegex(folder);
    expect(runRegex(folder, 'const other = /(a+)+$/;\n')).toEqual({ scslreLoaded: true, messages: SLOW_FINDING });
    expect(Object.keys(keptVerdicts(folder).entries)).toEqual([SLOW_KEY, '/(a+)+$']);
  });

  it('are off with the code cache (SECURE_EXPRESS_CODE_CACHE=off)', () => {
    expect(runRegex('off')).toEqual({ scslreLoaded: true, messages: SLOW_FINDING });
    expect(runRegex('off')).toEqual({ scslreLoaded: true, messages: SLOW_FINDING });
  });
});

/** What one process that linted a file of a small package printed: a measurement of the plugin's, and the findings. */
interface PackageRun {
  /** The measurement read (`scanReads` or `holderReads`). */
  reads: number;
  messages: string[];
}

/**
 * One process that lints `lint` of the package `name` (CommonJS files written once, then left two seconds: a file written
 * less than two seconds before a process reads it is not kept, it may be written again at the same mtime) with `rules`,
 * and prints what `measure` (an expression of the plugin's measurements, `m`) gives.
 */
function runPackage(folder: string, name: string, files: Record<string, string>, lint: string, rules: readonly string[], measure: string): PackageRun {
  const pkg = path.join(dir, name);
  if (!existsSync(pkg)) {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
      writeFileSync(path.join(pkg, file), text);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
  }
  const config = [{ plugins: { 'secure-express': '<plugin>' }, languageOptions: { sourceType: 'commonjs' }, rules: Object.fromEntries(rules.map((rule) => [`secure-express/${rule}`, 'error'])) }];
  const script = [
    `const { Linter } = require(${JSON.stringify(require.resolve('eslint'))});`,
    `const plugin = require(${JSON.stringify(path.join(dist, 'index.js'))});`,
    `const linter = new Linter({ configType: 'flat', cwd: ${JSON.stringify(pkg)} });`,
    `const config = ${JSON.stringify(config).replace('"<plugin>"', 'plugin')};`,
    `const file = ${JSON.stringify(path.join(pkg, lint))};`,
    "const messages = linter.verify(require('fs').readFileSync(file, 'utf8'), config, { filename: file });",
    "const m = plugin[Symbol.for('eslint-plugin-secure-express/measurements')];",
    `console.log(JSON.stringify({ reads: ${measure}, messages: messages.map((message) => \`\${message.line} \${message.ruleId ?? message.message}\`) }));`,
  ].join('\n');
  const file = path.join(dir, `run-${name}.cjs`);
  writeFileSync(file, script);
  const output = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8', env: { ...process.env, SECURE_EXPRESS_CODE_CACHE: folder } });
  return JSON.parse(output) as PackageRun;
}

/** A package of two source files whose app.js mounts routes/users.js; how many files the import scan read (not those whose facts an earlier process kept). */
function runScan(folder: string): { scanReads: number; messages: string[] } {
  const files = {
    'package.json': '{ "name": "scanned", "main": "app.js" }',
    'app.js': "const express = require('express');\nconst app = express();\napp.use('/users', require('./routes/users'));\napp.listen(3000);\n",
    'routes/users.js': "const router = require('express').Router();\nrouter.get('/', (req, res) => res.send('hi'));\nmodule.exports = router;\n",
  };
  const { reads, messages } = runPackage(folder, 'scanned', files, 'app.js', ['require-helmet'], 'm.scanReadCounts().size');
  return { scanReads: reads, messages };
}

describe("the plugin's kept results (the import scan's facts of each file)", () => {
  it('are written by a process that scanned the package, and read back by the next one, which reads no file for the scan', () => {
    const folder = path.join(dir, 'kept-scan');
    const first = runScan(folder);
    expect(first).toEqual({ scanReads: 2, messages: ['2 secure-express/require-helmet'] });
    expect(runScan(folder)).toEqual({ scanReads: 0, messages: first.messages });
  });

  it('are off with the code cache (SECURE_EXPRESS_CODE_CACHE=off)', () => {
    const first = runScan('off');
    expect(first.scanReads).toBe(2);
    expect(runScan('off')).toEqual(first);
  });
});

/** A package whose server hands its app to routes/public.js; the holders whose models the whole-app walk read (not when an earlier process kept them). */
function runHolders(folder: string): { holderReads: number; messages: string[] } {
  const files = {
    'package.json': '{ "name": "holders", "main": "server.js" }',
    'server.js': "const express = require('express');\nconst app = express();\nrequire('./routes/public')(app);\napp.listen(3000);\n",
    'routes/public.js': "module.exports = (app) => {\n  app.get('/go', (req, res) => res.redirect(req.query.to));\n};\n",
  };
  const { reads, messages } = runPackage(folder, 'holders', files, 'routes/public.js', ['no-open-redirect', 'require-helmet'], 'm.holderReadCount()');
  return { holderReads: reads, messages };
}

describe("the plugin's kept results (the whole-app model's holders of a package)", () => {
  it('are written by a process that read them, and taken by the next one, which reads no holder', () => {
    const folder = path.join(dir, 'kept-holders');
    const first = runHolders(folder);
    expect(first.holderReads).toBeGreaterThan(0);
    expect(first.messages).toContain('2 secure-express/no-open-redirect');
    expect(runHolders(folder)).toEqual({ holderReads: 0, messages: first.messages });
  });

  it('are off with the code cache (SECURE_EXPRESS_CODE_CACHE=off)', () => {
    const first = runHolders('off');
    expect(first.holderReads).toBeGreaterThan(0);
    expect(runHolders('off')).toEqual(first);
  });
});
