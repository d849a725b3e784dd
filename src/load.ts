// The package's entry (`main`: dist/index.js). It loads the plugin (dist/plugin.js, bundled from src/index.ts) with a
// V8 code cache of the plugin's own code, so that a process does not parse and compile again the functions an earlier
// lint already compiled (bench/speed-analysis.md, session 26: about 5% of a small package's whole lint).
//
// - Where: `node_modules/.cache/eslint-plugin-secure-express/` of the project the plugin is installed in (the folder
//   babel-loader, terser and ava use), or the folder `SECURE_EXPRESS_CODE_CACHE` names. Not in the system's temporary
//   folder: code read from a folder other users can write to would be code they chose. Off when the plugin is not
//   installed under a `node_modules` folder (a linked checkout), when `SECURE_EXPRESS_CODE_CACHE` is `0`, `false` or
//   `off`, and when `NODE_DISABLE_COMPILE_CACHE` is set (as Node's own compile cache).
// - What: the bytecode of every function compiled by the time the process exits, which Node's own compile cache
//   (`module.enableCompileCache()`, Node >= 22.1, which ESLint's command line turns on) does not keep: it keeps what
//   was compiled when a module was loaded, before any rule ran.
// - Safe: a file is named by a checksum of the plugin's code and of the Node version, platform and flags, and holds a
//   checksum of its own content; V8 checks its own version and flags again and rejects what does not match. A cache
//   that cannot be read, is rejected or cannot be written changes nothing but the time: the plugin is compiled as
//   without one. It is written once (to a temporary name, then renamed), and again only when a later process built
//   Express models of more than twice as many files (an editor's first lint of one file, then the command line).
// - Kept results: beside the code cache, `<build>.results.json` holds analyses an earlier process computed that later
//   ones read back instead (src/util/kept-results.ts): scslre's verdicts on regex patterns, so that a lint whose
//   patterns were all analysed before does not load scslre; and the whole-app import scan's facts of each source file
//   (src/project/scan.ts: what it imports, whether it may create an app, set cookies, ...; no text), under the file's
//   path with its mtime, size and ctime, taken by a later process only for a file whose three are the same (any other
//   file is read and scanned again; a file written within two seconds of the scan is not kept); and the whole-app
//   model's holders of each package (src/project/index.ts `keptHolders`: which files hold an app, what they hand over),
//   taken only when every source file of the package, the JSON files beside them, its manifests, tsconfigs and
//   lockfiles, and every other file the writing process read have the same mtime, size and ctime. Read when the plugin
//   is loaded, merged with the file's current content and written at exit when this process added some. The plugin
//   checks what it reads back. Without this loader (the tests, a linked checkout) or with the cache off, nothing is
//   kept and every process computes everything.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

const PLUGIN = path.join(__dirname, 'plugin.js');
const CACHE_NAME = 'eslint-plugin-secure-express';
/** The most cache files kept in the folder (one per plugin build and Node version or flags); the oldest go first. */
const MAX_FILES = 8;
/** A cache file: the checksum of the rest (uint32), the models built by the process that wrote it (uint32), V8's data. */
const HEADER_BYTES = 8;
const MEASUREMENTS = Symbol.for('eslint-plugin-secure-express/measurements');
const KEPT_RESULTS = Symbol.for('eslint-plugin-secure-express/kept-results');
const CODE_CACHE = Symbol.for('eslint-plugin-secure-express/code-cache');

/** What the loader did, for `npm run bench` and the tests (a symbol-keyed property of the plugin). */
interface CodeCacheState {
  /** `off`: no cache folder; `missing`: none for this build yet; `used`: V8 took it; `rejected`: V8 did not. */
  status: 'off' | 'missing' | 'used' | 'rejected';
  /** The cache file, or `null` when off. */
  file: string | null;
}

const OFF_VALUES = new Set(['0', 'false', 'off']);

/** The cache folder, or `null` when the cache is off. */
function cacheFolder(): string | null {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  const chosen = env.SECURE_EXPRESS_CODE_CACHE;
  if (chosen) return OFF_VALUES.has(chosen.toLowerCase()) ? null : path.resolve(chosen);
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = __dirname.indexOf(marker);
  return at < 0 ? null : path.join(__dirname.slice(0, at), 'node_modules', '.cache', CACHE_NAME);
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/** V8's data of a cache file when its checksum holds, with the models its writer built. */
function readCache(file: string): { data: Buffer; models: number } | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.length <= HEADER_BYTES || bytes.readUInt32LE(0) !== zlib.crc32(bytes.subarray(4))) return null;
  return { data: bytes.subarray(HEADER_BYTES), models: bytes.readUInt32LE(4) };
}

function writeCache(folder: string, file: string, data: Buffer, models: number): void {
  const bytes = Buffer.alloc(HEADER_BYTES + data.length);
  bytes.writeUInt32LE(Math.min(models, 0xffffffff), 4);
  data.copy(bytes, HEADER_BYTES);
  bytes.writeUInt32LE(zlib.crc32(bytes.subarray(4)), 0);
  writeFile(folder, file, bytes, '.v8cache');
}

/** Writes a file of the folder to a temporary name, then renames it; keeps the newest of its kind. */
function writeFile(folder: string, file: string, bytes: Buffer | string, kind: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, file);
    prune(folder, file, kind);
  } catch {
    // (A folder that cannot be written: the next process compiles and computes as this one did.)
    fs.rmSync(temporary, { force: true });
  }
}

/** Keeps the newest `MAX_FILES` files of one kind in the folder (earlier builds and Node versions). */
function prune(folder: string, kept: string, kind: string): void {
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(kind))
    .map((name) => path.join(folder, name))
    .filter((file) => file !== kept)
    .map((file) => ({ file, mtime: fs.statSync(file).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { file } of files.slice(MAX_FILES - 1)) fs.rmSync(file, { force: true });
}

interface Measurements {
  modelsBuilt?: () => number;
}

/** The plugin's kept results (src/util/kept-results.ts). */
interface KeptResults {
  read(text: string | null): void;
  write(current: string | null): string | null;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function load(): unknown {
  const folder = typeof zlib.crc32 === 'function' ? cacheFolder() : null;
  // (Without a cache, Node loads the plugin as any module: its own compile cache, when on, covers it.)
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built plugin beside this file, not bundled
  if (!folder) return withState(require('./plugin.js'), { status: 'off', file: null });
  const bytes = fs.readFileSync(PLUGIN);
  const build = `${hex(zlib.crc32(bytes))}-${hex(bytes.length)}`;
  const runtime = `${process.version} ${process.platform} ${process.arch} ${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const file = path.join(folder, `${build}-${hex(zlib.crc32(runtime))}.v8cache`);
  // Results kept by earlier processes of this build: they do not depend on Node's version or flags.
  const resultsFile = path.join(folder, `${build}.results.json`);
  const cached = readCache(file);
  // Node's CommonJS wrapper, on the file's first line: the plugin's lines and stack traces stay as they are.
  const source = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString('utf8')}\n});`;
  const script = new vm.Script(source, { filename: PLUGIN, ...(cached ? { cachedData: cached.data } : {}) });
  const state: CodeCacheState = { status: !cached ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used', file };
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(PLUGIN), module, PLUGIN, __dirname);
  const plugin = module.exports as Record<symbol, unknown>;
  const modelsBuilt = (): number => (plugin[MEASUREMENTS] as Measurements | undefined)?.modelsBuilt?.() ?? 0;
  const kept = plugin[KEPT_RESULTS] as KeptResults | undefined;
  kept?.read(readText(resultsFile));
  process.once('exit', () => {
    try {
      // (Read again: another process may have added results since this one started.)
      const text = kept?.write(readText(resultsFile));
      if (text) writeFile(folder, resultsFile, text, '.results.json');
    } catch {
      // (Nothing: the next process computes them again.)
    }
    const models = modelsBuilt();
    // (A process that built no model compiled little of the rules: its cache would hold less than the next one's.)
    if (models === 0 || (state.status === 'used' && models <= 2 * cached!.models)) return;
    try {
      writeCache(folder, file, script.createCachedData(), models);
    } catch {
      // (Nothing: the next process compiles the plugin as this one did.)
    }
  });
  return withState(plugin, state);
}

function withState(plugin: unknown, state: CodeCacheState): unknown {
  if (typeof plugin === 'object' && plugin !== null && !Object.isFrozen(plugin)) Object.defineProperty(plugin, CODE_CACHE, { value: state, configurable: true });
  return plugin;
}

export = load();
