/**
 * Bounds of the cross-file analysis (src/project). They keep the first lint of one file in a fresh process (what an
 * editor pays) small on large packages; past a bound the project model says less, never something wrong: a file it
 * does not read is unknown, and what depends on it stays as the single-file model sees it.
 */

/**
 * Source files the reverse-import scan (who imports the linted file) reads per package. The facts of twice as many
 * files are kept between processes (src/project/scan.ts `keptScans`): a package of this size, or two, whole.
 */
export const MAX_SCAN_FILES = 5000;
/** Files larger than this are neither scanned nor parsed (bundles, generated code). */
export const MAX_FILE_BYTES = 256 * 1024;
/**
 * Bytes of source text the import scan keeps per package (`ImportIndex.textOf`): the project reads a file's text from
 * the scan instead of the disk while its mtime and size are the scan's (Ghost: 1,711 files, 5 MB). Past the bound the
 * other files are read again when needed, as before, as is a file whose facts an earlier process kept (not read).
 */
export const MAX_SCAN_TEXT_BYTES = 32 * 1024 * 1024;
/** Directory depth the scan descends below the package root. */
export const MAX_SCAN_DEPTH = 10;
/**
 * Levels of importers followed above the linted file (`routes/auth.js` ← `app.js` ← `bin/www`). Only importers that
 * hold an app and reach the file are read (src/project/index.ts `HolderState`); the importers read at the last level
 * are not linked themselves.
 */
export const MAX_LINK_DEPTH = 6;
/**
 * Functions an app is handed to in turn whose middleware the chains follow (`app.js` → `config/express.js` →
 * `config/security.js` → ...): each file's function is read once, so this only stops a pathological chain; what the
 * last one hands on is then unknown, and nothing is said of the app's routes after the call that leads there.
 */
export const MAX_HANDOFF_DEPTH = 32;
/** Barrel files followed from an import to the module it re-exports (`routes/index.js` → `routes/auth.js`). */
export const MAX_REEXPORTS = 4;
/** Parsed files kept per process (each is read and summarised at most once while its mtime and size hold). */
export const MAX_ANALYSES = 3000;
/**
 * How long a package's import index (who imports whom) is trusted before its files' mtimes are checked again:
 * an import added to another file is seen within this time (each file's own content is re-read on any change), once
 * the run of lints it was checked in has ended (src/project/lint-run.ts: a file linted again, or a pause this long).
 */
export const INDEX_TTL_MS = 10_000;
/** Folders the scan never enters, besides hidden ones. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  'dist',
  'build',
  'out',
  'coverage',
  'lib-cov',
  'bower_components',
  'jspm_packages',
  'vendor',
  'tmp',
]);
/**
 * The reverse-call question of a service-side finding (`importerViews`: which files call a function of the linted
 * file with request data): read only when the import scan shows at most this many importers of the file, and only
 * importers of at most `MAX_CALLER_BYTES` (past either bound the finding names no caller, as before).
 */
export const MAX_CALLER_FILES = 12;
export const MAX_CALLER_BYTES = 128 * 1024;

/**
 * Text of other files whose parse the project keeps for ESLint's own lint of them (src/project/shared-parses.ts), per
 * ESLint: beyond it the oldest are dropped (ESLint then parses them itself), and all are dropped when a run of lints
 * ends (src/project/lint-run.ts). Ghost's whole-app lint keeps about 1 MB.
 */
export const MAX_SHARED_PARSE_BYTES = 4 * 1024 * 1024;

/**
 * The same, while the first lint of a run goes on (one file linted alone, an editor's first lint: no lint of the others
 * may follow): a kept parse has tokens and comments the project's own parse has not, and costs more to make. Beyond it
 * other files are parsed the project's own way. json-server's first lint reads its ten other files, about 30 KB.
 */
export const MAX_FIRST_LINT_SHARED_BYTES = 128 * 1024;
