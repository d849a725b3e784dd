import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, findVariableOf, isAssigned, isFunction, mayHoldModuleValue, outermost, returnedExpressions, someNode, staticKey, unwrap as unwrapNode, type FunctionNode } from '../express/ast';
import { DEFERRED, handedCalls, ModelBuilder, wrappingCallOf, type AppCall, type ExpressApp, type HandedTo, type ImportedMiddleware, type ImportHook, type MiddlewareItem, type ModuleValue, type Mount, type TextTest } from '../express/model';
import { ASYNC_HANDLER_WRAPPERS, FILE_HOSTS, TEST_CLIENTS, TEST_FILE_PATH } from '../data/express';
import { REQUEST_PROPERTIES } from '../data/sinks';
import { CONTAINERS, type ContainerRow } from '../data/containers';
import { adaptedRequestKeys } from '../express/handler-wrappers';
import { accessorMethods, instanceMethods } from '../express/instance-apps';
import { onlyReadsInstanceMembers } from '../express/member-functions';
import { isConstantData } from './constant-exports';
import { isJsonSpecifier, jsonDocument, jsonValueAt, type JsonDocument } from './json-values';
import { applyNestApps, applyNestModuleMiddleware, withHandedCalls } from '../express/nest';
import { nestApps, nestSummaryOf, type NestAppChain, type NestFileSummary } from '../express/nest-project';
import { compiledEnum, exportedEnumMember, oxcEnumInit, type ValueElsewhere } from '../express/options';
import { exportedFunction, exportedKeys, exportedNode, importedAlong, importedFrom, inheritedMember, mayReexport, mayReexportOneOf, reexportsOf, resolveIdentifier, type Reexport } from './exports';
import { INDEX_TTL_MS, MAX_ANALYSES, MAX_CALLER_BYTES, MAX_CALLER_FILES, MAX_FILE_BYTES, MAX_HANDOFF_DEPTH, MAX_LINK_DEPTH, MAX_REEXPORTS, MAX_SCAN_FILES } from './limits';
import { LintRun, lintNumber } from './lint-run';
import { canParse, parsedInEslint, parseFile, type ParserChoice } from './parse';
import { dropSharedParses, parsedByESLint, sharingFor } from './shared-parses';
import { isFile, isInside, packageImportsOf, packageRootOf, requiredJson, resolveModule, resolvePath, resolveSubpathImport, safeStat } from './resolve';
import { ADAPTED_REQUEST_HINT, BOOTSTRAP, CONTROLLER_BOOTSTRAP, createsApp, COMPILED_NEST_CONTROLLER, ImportIndex, importSpecifiers, mayAuthenticate, NEST_CONTROLLER, NEST_MODULE, passesPackageText, RACY_MS, type ScannedFile, skippedFolderOf, startsWholeAppWalk } from './scan';
import { matchesAlias, pathAliasesFor, resolveAliased, type PathAliases } from './tsconfig';
import { resolveWorkspaceImport, workspaceOf, type Workspace } from './workspaces';
import { caught } from '../util/caught';
import { keepsResults, keptTable } from '../util/kept-results';
import { nearestPackageJson } from '../util/package-json';
import { lineOf } from '../util/lines';

/** The request properties a route adapter may hand a controller (`adaptedRequestKeys`). */
const ADAPTED_REQUEST_KEYS: ReadonlySet<string> = new Set(Object.keys(REQUEST_PROPERTIES));

/** Classes of other files followed up a chain of `extends` for an inherited member (`Project.exportOf`). */
const MAX_BASE_FILES = 3;
/** `extends` as a word: only a file whose text has it can hold a class that inherits a member. */
const EXTENDS_WORD = /(?<![\w$])extends(?![\w$])/u;

/** Whether `text` has `name` as a whole word. */
function namesWord(text: string, name: string): boolean {
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    if (!/[\w$]/u.test(text[i - 1] ?? '') && !/[\w$]/u.test(text[i + name.length] ?? '')) return true;
  }
  return false;
}

export type { ParserChoice } from './parse';

/** One other file of the package, parsed and modelled once per process while its mtime and size hold. */
/**
 * One other file of the package, parsed once per process while its mtime and size hold, with two models built on
 * that one parse: `exports` on its own (what it exports: read by files that import it), and `uses` with the
 * package modules it imports seen through their `exports` models (what it does with them: read by the files it
 * imports). Neither depends on the order files are linted in, so `--concurrency` and the cache agree.
 */
interface Analysis {
  file: string;
  rel: string;
  sourceCode: TSESLint.SourceCode;
  exports: ModelBuilder | null;
  uses: ModelBuilder | null;
  /** `exports` that sees the apps made by the package's app factories it imports (a factory of a factory), when asked. */
  viaFactories?: ModelBuilder;
  /** Cross-file facts from its importers were applied to `uses` (exported apps' escapes, handed-over parameters). */
  linked: boolean;
  /** The importers (and their `uses`) that `uses` was linked with: when one changes (an edit), `uses` is rebuilt. */
  linkedWith: { analysis: Analysis; uses: ModelBuilder | null; linked: boolean }[];
  /**
   * The holders (`Project.holders`) the link passed importers over by: importers that could hold no app were not
   * read, and a new set of holders (an edit, a rebuilt import index) links again.
   */
  linkedHolders: HolderState | null;
}

/**
 * What a file's lint gives the stand-in of an app or router of another file it adds routes to (`linkImportedApps`):
 * its name in messages, and for an app the apps whose middleware runs before its routes, for a router its one mount.
 */
interface ImportedAppSeen {
  name: string;
  before?: ExpressApp[];
  /** What the file that loads the linted one mounts once it has loaded (`loadedAfter`): it runs after its routes. */
  after?: ExpressApp;
  mount?: Mount;
}

/** The parameters handed to one file: `exportPath` of the function and the argument index, by a text key. */
type Handed = Map<string, { path: readonly string[]; index: number; key?: string }>;

/**
 * Which files of a package may hold an app or router in their linked `uses` model, worked out from the top for one
 * generation of the import index (`Project.holders`). A file holds one only (a) from its own code (`makesOwnApp`: it
 * calls express or a Router, bootstraps a Nest app or declares a controller), (b) from a package file it imports that makes one (`importsAppMakers`), or (c) in a parameter
 * that an importer holding one hands it (`require('./routes')(app)`). (a) and (b) are the import scan's; (c) is read
 * from the models of the holders above a file (their handoffs), each built once, so `link` reads only the importers
 * that may hold one instead of every importer six levels up.
 */
interface HolderState {
  generation: object;
  /**
   * Files whose importers, at every level, were walked (every holder above them has been read), with their stat then:
   * an edit to one (it may now make an app or hand one over) starts the holders over.
   */
  covered: Map<string, { mtimeMs: number; size: number } | null>;
  /** The parameters that holders hand each file (`exportPath` + argument index, by a text key). */
  received: Map<string, Handed>;
  /** Holders whose models were read: how many received parameters they were read with, and their stat then. */
  processed: Map<string, { params: number; mtimeMs: number; size: number }>;
  /**
   * When the covered files were last checked for edits (`Date.now()`, every `HOLDERS_CHECK_MS` once the lint run they
   * were checked in ended: `checkedIn`, `LintRun`).
   */
  checkedAt: number;
  checkedIn: number;
  /**
   * The holders that reach each file: hand it an app, or register a function it exports on a route (directly or
   * through barrels, as `exportOf` finds it). Only those can add to the file's model (`link`).
   */
  reachedBy: Map<string, string[]>;
  /**
   * The fewest handoffs that bring an app to each file that receives one, from a holder of its own app: a file more
   * than `MAX_LINK_DEPTH + 1` handoffs down gets none (`link`), whatever was linked before it.
   */
  handoffs: Map<string, number>;
  /**
   * The positional parameters that holders fill with an instance of a class of the package (`new AuthController(db)`),
   * by file, with the class's file: a holder that hands such a parameter on reaches the class's file from its callee.
   */
  instances: Map<string, Map<string, { path: readonly string[]; index: number; file: string }>>;
  queue: string[];
  /** Taken from an earlier process (`keptHolders`), and whether this process has walked further since. */
  restored: boolean;
  extended: boolean;
  /**
   * The parser settings of the lints whose walks read its holders (`choiceKey`): `null` once one cannot be told (not
   * kept then).
   */
  parsers: Set<string> | null;
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  analysis: Analysis | null;
  /** ESLint's parse of the file, taken when its content is first needed if the text is the file's (`register`). */
  linted?: WeakRef<TSESLint.SourceCode>;
  /** The same parse held strongly: a Nest module's, which the module graph of every controller's app reads (`register`). */
  held?: TSESLint.SourceCode;
}

/**
 * Resolutions per folder of the importing file and specifier (what `Project.resolve` remembers), looked up without
 * building a key per call: the folder's map of the last file asked is kept (a model asks for one file's imports in a row).
 */
class Resolutions {
  private readonly byFolder = new Map<string, Map<string, string | null>>();
  private lastFile: string | null = null;
  private lastFolder: Map<string, string | null> | null = null;
  size = 0;

  private folderOf(file: string, create: boolean): Map<string, string | null> | undefined {
    if (file === this.lastFile && this.lastFolder) return this.lastFolder;
    const dir = path.dirname(file);
    let folder = this.byFolder.get(dir);
    if (!folder) {
      if (!create) return undefined;
      folder = new Map();
      this.byFolder.set(dir, folder);
    }
    this.lastFile = file;
    this.lastFolder = folder;
    return folder;
  }

  get(fromFile: string, specifier: string): string | null | undefined {
    return this.folderOf(fromFile, false)?.get(specifier);
  }

  set(fromFile: string, specifier: string, file: string | null): void {
    const folder = this.folderOf(fromFile, true)!;
    if (!folder.has(specifier)) this.size++;
    folder.set(specifier, file);
  }

  clear(): void {
    this.byFolder.clear();
    this.lastFile = null;
    this.lastFolder = null;
    this.size = 0;
  }
}

/** Answers per file that hold until the import index is rebuilt (a new `generation()`), then start over. */
class PerGeneration<V> {
  private map = new Map<string, V>();
  private of: unknown = null;

  constructor(private readonly generation: () => unknown) {}

  get(file: string): V | undefined {
    const generation = this.generation();
    if (generation !== this.of) {
      this.map = new Map();
      this.of = generation;
    }
    return this.map.get(file);
  }

  set(file: string, value: V): void {
    this.map.set(file, value);
  }
}

/** A package (nearest `package.json`) and what this process has read of it. */
class Project {
  private readonly analyses = new Map<string, CacheEntry>();
  /** When this process first asked about the package: what it read, it read since (`RACY_MS`, `keptHolderState`). */
  private readonly startedAt = Date.now();
  readonly index: ImportIndex;
  /** The lints of this package's files: its caches with a lifetime are kept through one run of lints (`LintRun`). */
  private readonly lints = new LintRun();

  constructor(
    readonly root: string,
    private readonly entries: readonly string[],
    /** A folder the scan skips by name that this view of the package scans too (`skippedFolderOf`). */
    private readonly opened: string | null = null,
  ) {
    this.index = new ImportIndex(
      root,
      entries,
      (from, specifier) => this.resolve(from, specifier),
      (from, specifier) => this.isAliased(from, specifier),
      (from) => this.aliasesOf(from) !== null || this.subpathImports() !== null,
      opened,
      this.lints,
    );
  }

  rel(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  private readonly resolved = new Resolutions();
  /** The JSON file a relative specifier names as Node's `require()` resolves it (`./config` for config.json), set with `resolved`. */
  private readonly requiredJsonFiles = new Resolutions();
  private resolvedFor: object | null = null;

  /** When tsconfig files and workspace folders (not in the import index) were last looked up, and in which lint run. */
  private resolvedAt = 0;
  private resolvedIn = -1;
  /** Bare specifiers per folder (tsconfig `paths`, workspace packages, or none): they expire with the lookups. */
  private readonly bareResolved = new Resolutions();

  /**
   * `resolveModule`, remembered until the import index is rebuilt (a source file added or removed: seen within
   * `INDEX_TTL_MS`), for up to `MAX_RESOLUTIONS` specifiers. tsconfig `paths` and workspaces are looked up again
   * after `INDEX_TTL_MS` (a config or package added is seen then), and the resolutions made through them with them.
   */
  resolve(fromFile: string, specifier: string): string | null {
    this.expireLookups();
    const generation = this.index.generation();
    if (generation !== this.resolvedFor || this.resolved.size >= MAX_RESOLUTIONS) {
      this.resolved.clear();
      this.requiredJsonFiles.clear();
      this.bareResolved.clear();
      this.resolvedFor = generation;
    }
    if (!specifier.startsWith('.')) {
      // A package name (`express`, most of them) or a tsconfig / workspace alias: looked up again with the aliases.
      let file = this.bareResolved.get(fromFile, specifier);
      if (file === undefined) {
        file = this.isAliased(fromFile, specifier) || this.isWorkspaceImport(fromFile, specifier) ? this.resolveUncached(fromFile, specifier) : null;
        if (this.bareResolved.size >= MAX_RESOLUTIONS) this.bareResolved.clear();
        this.bareResolved.set(fromFile, specifier, file);
      }
      return file;
    }
    let file = this.resolved.get(fromFile, specifier);
    if (file === undefined) {
      file = this.resolveUncached(fromFile, specifier);
      this.resolved.set(fromFile, specifier, file);
    }
    return file;
  }

  /** The JSON file of the package that Node's `require()` loads for a relative specifier without `.json` (`requiredJson`), or `null`. */
  private requiredJsonOf(fromFile: string, specifier: string): string | null {
    if (this.resolve(fromFile, specifier) !== null) return null;
    return this.requiredJsonFiles.get(fromFile, specifier) ?? null;
  }

  /**
   * tsconfig `paths` and workspaces are looked up again after `INDEX_TTL_MS` once the lint run they were looked up in
   * ended (`LintRun`), with the resolutions made through them.
   */
  private expireLookups(): void {
    const now = Date.now();
    if (now - this.resolvedAt > INDEX_TTL_MS && !this.lints.keeps(this.resolvedIn, now)) {
      this.aliases.clear();
      this.baseUrlNames.clear();
      this.resolvedAt = now;
      this.resolvedIn = this.lints.current();
      this.bareResolved.clear();
    }
  }

  private resolveUncached(fromFile: string, specifier: string): string | null {
    if (specifier.startsWith('.')) {
      const root = this.packageOf(fromFile);
      const file = root ? resolveModule(root, fromFile, specifier, this.index.listings) : null;
      // (`require('./config')` that Node resolves to config.json, before a folder's index or a file it does not try:
      // no source is loaded, the JSON file is read as a value: `requiredJsonOf`.)
      const json = root ? requiredJson(root, path.resolve(path.dirname(fromFile), specifier), file, this.index.listings) : null;
      if (json) {
        this.requiredJsonFiles.set(fromFile, specifier, json);
        return null;
      }
      if (file) return file;
      // A relative path into another package of the workspace (a workspace import, rewritten by `localSpecifier`).
      const target = path.resolve(path.dirname(fromFile), specifier);
      const other = this.packageOf(target);
      return other && other !== root ? resolvePath(other, target, this.index.listings) : null;
    }
    // A subpath import (`#routes/auth.js`) through the package's `imports` map, else (a tsconfig path named `#x`) as below.
    const imports = specifier.startsWith('#') ? this.subpathImports() : null;
    const subpath = imports ? resolveSubpathImport(this.root, imports, specifier, this.index.listings) : null;
    if (subpath) return subpath;
    const aliased = this.isAliased(fromFile, specifier) ? resolveAliased(this.root, this.aliasesOf(fromFile), specifier, this.index.listings) : null;
    if (aliased) return aliased;
    const workspace = this.workspace();
    return workspace ? (resolveWorkspaceImport(workspace, specifier)?.file ?? null) : null;
  }

  /** The package's subpath imports (`package.json` `imports`), read with the resolutions (again after `INDEX_TTL_MS`). */
  private importsRead: { at: number; imports: Record<string, unknown> | null } | null = null;

  private subpathImports(): Record<string, unknown> | null {
    if (!this.importsRead || this.importsRead.at !== this.resolvedAt) this.importsRead = { at: this.resolvedAt, imports: packageImportsOf(this.root) };
    return this.importsRead.imports;
  }

  /** The monorepo this package belongs to (npm / yarn workspaces, pnpm-workspace.yaml), read with the resolutions. */
  private workspaceRead: { at: number; workspace: Workspace | null } | null = null;

  private workspace(): Workspace | null {
    if (!this.workspaceRead || this.workspaceRead.at !== this.resolvedAt) {
      let workspace: Workspace | null = null;
      try {
        workspace = workspaceOf(this.root);
      } catch (error) {
        caught(error, 'project model: workspace');
        workspace = null;
      }
      this.workspaceRead = { at: this.resolvedAt, workspace };
    }
    return this.workspaceRead.workspace;
  }

  /**
   * Whether a bare specifier of `fromFile` may name a file of the package or of its workspace, from the tsconfig
   * `paths` / `baseUrl` and the workspace's package names alone (`isAliased`, `isWorkspaceImport`): no resolution.
   */
  mayNameLocalFile(fromFile: string, specifier: string): boolean {
    return !specifier.startsWith('.') && (this.isAliased(fromFile, specifier) || this.isWorkspaceImport(fromFile, specifier));
  }

  /** `@acme/auth` or `@acme/auth/sub` when `@acme/auth` is another package of the workspace than `fromFile`'s. */
  private isWorkspaceImport(fromFile: string, specifier: string): boolean {
    const workspace = this.workspace();
    if (!workspace || specifier.startsWith('.')) return false;
    const parts = specifier.split('/');
    const name = parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const folder = workspace.packages.get(name);
    return folder !== undefined && !isInside(folder, fromFile);
  }

  /**
   * The files that import `file`: of this package (its import index), and, for a file of this package that another
   * workspace package imports by name (`import { authRouter } from '@acme/auth'` in `apps/api`), the files of the
   * workspace packages that declare this one as a dependency (`dependentIndexes`). A file of such a package is asked
   * of that package's index too (so that `apps/api/src/server.ts`, the importer of its `app.ts`, is found); a file of
   * another package, of this package's index only (the files here that import it by name).
   */
  importersOf(file: string): readonly string[] {
    const own = isInside(this.root, file);
    const dependents = this.dependentIndexes();
    if (own) {
      if (dependents.indexes.size === 0 || dependents.name === null) return this.index.importersOf(file);
      const foreign = [...dependents.indexes.values()].flatMap((index) => index.importersByName(dependents.name!, file));
      return foreign.length === 0 ? this.index.importersOf(file) : [...this.index.importersOf(file), ...foreign];
    }
    // (A file of another package: this package's files that import it by name, as before, and its own package's.)
    const mine = this.index.importersOf(file);
    for (const [root, index] of dependents.indexes) {
      if (!isInside(root, file)) continue;
      const theirs = index.importersOf(file).filter((importer) => !mine.includes(importer));
      return theirs.length === 0 ? mine : [...mine, ...theirs];
    }
    return mine;
  }

  /** The import indexes of the workspace packages that depend on this one, read again with the resolutions. */
  private dependents: { at: number; name: string | null; indexes: ReadonlyMap<string, ImportIndex> } | null = null;

  private dependentIndexes(): { name: string | null; indexes: ReadonlyMap<string, ImportIndex> } {
    this.expireLookups();
    if (this.dependents?.at === this.resolvedAt) return this.dependents;
    const workspace = this.workspace();
    const indexes = new Map<string, ImportIndex>();
    let name: string | null = null;
    for (const [packageName, folder] of workspace?.packages ?? []) if (folder === this.root) name = packageName;
    if (workspace && name !== null) {
      for (const folder of workspace.packages.values()) {
        if (folder === this.root || !nearestPackageJson(path.join(folder, 'package.json'))?.dependencies.has(name)) continue;
        const index =
          this.dependents?.indexes.get(folder) ??
          new ImportIndex(folder, [], (from, specifier) => this.resolve(from, specifier), (from, specifier) => this.mayNameLocalFile(from, specifier), () => true, null, this.lints);
        indexes.set(folder, index);
      }
    }
    this.dependents = { at: this.resolvedAt, name, indexes };
    return this.dependents;
  }

  /** The package root a file belongs to: this package, or another package of its workspace (never node_modules). */
  private packageOf(file: string): string | null {
    if (isInside(this.root, file)) return this.root;
    for (const folder of this.workspace()?.packages.values() ?? []) if (isInside(folder, file)) return folder;
    return null;
  }

  /** tsconfig `paths` / `baseUrl` per directory (read again with the resolutions, after `INDEX_TTL_MS`). */
  private readonly aliases = new Map<string, PathAliases | null>();

  /** The aliases each directory had when last read: a tsconfig edit changes them, and what was built on them goes. */
  private readonly aliasesBefore = new Map<string, PathAliases | null>();

  private aliasesOf(fromFile: string): PathAliases | null {
    const dir = path.dirname(fromFile);
    let aliases = this.aliases.get(dir);
    if (aliases === undefined) {
      try {
        aliases = pathAliasesFor(dir, this.root);
      } catch (error) {
        caught(error, 'project model: aliasesOf');
        aliases = null;
      }
      this.aliases.set(dir, aliases);
      const before = this.aliasesBefore.get(dir);
      if (before !== undefined && before !== aliases) {
        // Other files' models resolved their imports with the old aliases: read them again.
        this.analyses.clear();
        this.resolved.clear();
        this.index.forget();
      }
      this.aliasesBefore.set(dir, aliases);
    }
    return aliases;
  }

  /**
   * True when a bare specifier of `fromFile` may name a file of the package through tsconfig `paths` (a pattern
   * matches) or `baseUrl` (its first segment is a file or folder there): the import scan keeps it, the resolver decides.
   */
  isAliased(fromFile: string, specifier: string): boolean {
    // A subpath import (`#routes/auth.js`) when the package has an `imports` map (tsconfig `paths` may also name `#x`).
    if (specifier.startsWith('#') && this.subpathImports() !== null) return true;
    const aliases = this.aliasesOf(fromFile);
    if (!aliases || specifier.startsWith('.')) return false;
    if (matchesAlias(aliases, specifier)) return true;
    if (aliases.baseUrl === null) return false;
    let names = this.baseUrlNames.get(aliases.baseUrl);
    if (!names) {
      names = new Set();
      try {
        for (const entry of readdirSync(aliases.baseUrl)) names.add(entry.replace(/\.[cm]?[jt]sx?$/u, ''));
      } catch (error) {
        caught(error, 'project model: isAliased');
        // An unreadable baseUrl names nothing.
      }
      this.baseUrlNames.set(aliases.baseUrl, names);
    }
    return names.has(specifier.split('/')[0]!);
  }

  /** The names in each `baseUrl` folder (files without their extension): a bare specifier starting with none is a package. */
  private readonly baseUrlNames = new Map<string, Set<string>>();

  /** A bare specifier that tsconfig `paths` map to a file of the package, as a relative one (`@/routes/auth` → `./routes/auth.ts`). */
  localSpecifier(fromFile: string, specifier: string): string | null {
    // (Most bare specifiers are packages: without tsconfig aliases or a workspace none can be a file of the package.)
    if (specifier.startsWith('.')) return null;
    this.expireLookups();
    if (this.aliasesOf(fromFile) === null && this.workspace() === null && !(specifier.startsWith('#') && this.subpathImports() !== null)) return null;
    const target = this.resolve(fromFile, specifier);
    if (!target) return null;
    const relative = path.relative(path.dirname(fromFile), target).split(path.sep).join('/');
    return relative.startsWith('../') ? relative : `./${relative}`;
  }

  /** Another file of the package, parsed (once while its mtime and size hold), or `null` when unreadable. */
  /** Stats taken during the current lint: each file is checked at most once per linted file. */
  private stats = new Map<string, ReturnType<typeof safeStat>>();

  /** A lint of `file` starts (`ast`: ESLint's parse of it): files are checked for edits again. */
  newLint(file: string, ast: object): void {
    // (A run ended: a parse kept for ESLint's lint of a file is not handed over past it: src/project/shared-parses.ts.)
    if (this.lints.note(file, lintNumber(ast))) dropSharedParses();
    this.stats = new Map();
    this.checked = new Map();
  }

  /**
   * Analyses that `linkAnalysis` already checked (or linked) during the current lint, with the depth it did so at:
   * a second visit at that depth or deeper would find the same (its importers' stats are the same), so it stops.
   */
  private checked = new Map<Analysis, number>();

  private stat(file: string): ReturnType<typeof safeStat> {
    if (!this.stats.has(file)) {
      const stat = safeStat(file);
      this.stats.set(file, stat);
      if (!this.firstStats.has(file) && this.firstStats.size < MAX_FIRST_STATS) this.firstStats.set(file, stat ? [stat.mtimeMs, stat.size, stat.ctimeMs] : null);
    }
    return this.stats.get(file);
  }

  /**
   * Every file the project took a stat of in this process (`stat`: every file it read goes through it), with that first
   * stat: the files outside the import scan's sources that the holders may have read are checked with them (`keptHolderState`).
   */
  private readonly firstStats = new Map<string, [mtimeMs: number, size: number, ctimeMs: number] | null>();

  /**
   * A file can only export an app or router (or a factory of one) if it calls express or a Router: the import scan's
   * text test when it read the file's current content, else the file is read (once per content).
   */
  private mayCreateApps(file: string): boolean {
    const stat = this.stat(file);
    if (!stat) return false;
    const scanned = this.scanFactsAt(file, stat);
    if (scanned) return scanned.createsApp;
    // `createsApp` on a file the import scan did not read (once per content).
    return mentions(file, CREATES_APP_TEST, stat);
  }

  /** The parse of another file of the package (`parsed`), for `importerViews`. */
  sourceOfFile(file: string, choice: ParserChoice): TSESLint.SourceCode | null {
    return this.parsed(file, choice)?.sourceCode ?? null;
  }

  private parsed(file: string, choice: ParserChoice): Analysis | null {
    const stat = this.stat(file);
    if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) return null;
    const cached = this.analyses.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && !cached.linted) return cached.analysis;
    let analysis: Analysis | null = null;
    // A holder read on an earlier content of the file: the holders are worked out again.
    const holder = this.holderState?.processed.get(file);
    if (holder && (holder.mtimeMs !== stat.mtimeMs || holder.size !== stat.size)) this.holderState = null;
    try {
      // (The import scan's read of this content, when it kept it: no second read.)
      const text = this.index.textOf(file, stat) ?? readFileSync(file, 'utf8');
      const linked = cached?.mtimeMs === stat.mtimeMs && cached.size === stat.size ? (cached.held ?? cached.linted?.deref()) : undefined;
      // ESLint linted this content: its parse is the file's (not a `--fix` pass, an unsaved buffer or stdin).
      let sourceCode = linked && (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) === linked.text ? linked : null;
      if (!sourceCode) {
        if (parses.size >= MAX_ANALYSES) parses.clear();
        parses.set(file, (parses.get(file) ?? 0) + 1);
        // The first lint of a process (one file linted alone, an editor's first lint) reads other files it may never
        // lint: a parse for ESLint too only where it costs about what the project's own does (src/project/parse.ts).
        // Later in a run, a file ESLint has not parsed yet is one it is expected to lint (and take the parse of).
        const shared = choice.shared && (this.lints.linted() < 2 ? { ...choice.shared, onlyFast: true } : parsedByESLint(choice.shared.sharing, file) ? choice.shared : { ...choice.shared, lintedLater: true });
        sourceCode = parseFile(file, text, shared === choice.shared ? choice : { ...choice, shared });
      }
      if (sourceCode) analysis = { file, rel: this.rel(file), sourceCode, exports: null, uses: null, linked: false, linkedWith: [], linkedHolders: null };
    } catch (error) {
      caught(error, 'project model: parsed');
      analysis = null;
    }
    if (this.analyses.size >= MAX_ANALYSES) this.analyses.delete(this.analyses.keys().next().value!);
    this.analyses.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, analysis });
    return analysis;
  }

  /**
   * The linted file's own parse (ESLint's `SourceCode`): the project reads the file through it instead of parsing it
   * again, as an importer or importee of files linted later, and as itself when its importers lead back to it. Only
   * when its text is the file's content on disk (not a `--fix` pass, an editor's unsaved buffer or stdin: checked by
   * `parsed` when the file is first needed), and only when this content was not read yet (models built on an earlier
   * read stay, so nothing depends on the order). Held weakly: most linted files are never needed, and keeping every
   * one's tree (its tokens, scopes and the rules' caches keyed by it) made Ghost's heap after a lint 184 MB instead of
   * 113 MB. One that was let go is parsed again when it is needed. A NestJS module (`@Module(...)` on a class) is held
   * strongly: `nestAppsOf` reads the module graph from the bootstrap down for the first controller linted, and an app's
   * root module is usually linted before any controller (`src/app.module.ts` sorts before `src/users/...`), so a weak
   * hold was let go by then and the module, often the package's largest, was parsed twice (nest-server's 32 KB
   * `core.module.ts`). Modules are few; what is held is what that graph reads anyway.
   */
  register(file: string, sourceCode: TSESLint.SourceCode): void {
    const stat = this.stat(file);
    if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) return;
    const cached = this.analyses.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return;
    const text = sourceCode.text;
    if (typeof text !== 'string' || !sourceCode.ast || !sourceCode.scopeManager) return;
    const bom = (sourceCode as { hasBOM?: boolean }).hasBOM ? 3 : 0;
    if (Buffer.byteLength(text, 'utf8') + bom !== stat.size) return;
    // The text is compared with the file when the project first needs it (most linted files are never needed).
    if (this.analyses.size >= MAX_ANALYSES) this.analyses.delete(this.analyses.keys().next().value!);
    const entry: CacheEntry = { mtimeMs: stat.mtimeMs, size: stat.size, analysis: null, linted: new WeakRef(sourceCode) };
    if (NEST_MODULE.test(text)) entry.held = sourceCode;
    this.analyses.set(file, entry);
  }

  private build(analysis: Analysis, hook: ImportHook | undefined, choice?: ParserChoice): ModelBuilder {
    const builder = new ModelBuilder(analysis.sourceCode, hook);
    builder.build();
    // (What a file exports, read for its importers: its constants of other files are read when a rule asks, `sourceOf`.)
    if (!hook && choice) {
      let values: ImportHook | undefined;
      builder.readsConstantsThrough((module, modulePath) => (values ??= this.hookFor(analysis.file, choice)).importedValue!(module, modulePath));
    }
    for (const app of [...builder.apps, ...builder.importedApps]) app.file ??= analysis.rel;
    // Messages that reach an app of another file say where it is: `'router (routes/auth.js:3)'`.
    for (const app of builder.apps) app.name = `${app.name} (${analysis.rel}:${lineOf(app.node)})`;
    return builder;
  }

  /** Whether `analysis` is still the project's reading of its file's content (no parse: a file let go of is not). */
  private isCurrent(analysis: Analysis): boolean {
    const stat = this.stat(analysis.file);
    const cached = this.analyses.get(analysis.file);
    return cached?.analysis === analysis && cached.mtimeMs === stat?.mtimeMs && cached.size === stat.size;
  }

  /** The model of a file on its own: what it exports. */
  exportsOf(file: string, choice: ParserChoice): Analysis | null {
    const analysis = this.parsed(file, choice);
    if (analysis && !analysis.exports) analysis.exports = this.build(analysis, undefined, choice);
    return analysis;
  }

  /** The model of a file that sees the apps its package imports are: what it does with them. */
  usesOf(file: string, choice: ParserChoice): Analysis | null {
    const analysis = this.parsed(file, choice);
    if (analysis && !analysis.uses) {
      analysis.uses = this.build(analysis, this.hookFor(file, choice));
      usesBuilds.set(file, (usesBuilds.get(file) ?? 0) + 1);
    }
    if (analysis) this.reading?.add(analysis);
    return analysis;
  }

  /**
   * How a file's model sees the package's modules it imports. `level` 1 is the hook of `viaFactories`: it sees
   * the apps of other files' own `exports` models only, so that a factory of a factory is seen to one level.
   */
  hookFor(file: string, choice: ParserChoice, level = 0): ImportHook {
    const build = (analysis: Analysis): ModelBuilder => this.build(analysis, undefined, choice);
    const standIns = new Map<string, ExpressApp>();
    const known = new Map<string, ExpressApp | null>();
    const middleware = new Map<string, readonly ImportedMiddleware[] | undefined>();
    const packages = new Map<string, { module: string; path: readonly string[] } | undefined>();
    /** Per module the file imports: its file when it may export an app, and whether it makes one itself. */
    const appModules = new Map<string, { file: string; creates: boolean } | null>();
    /** Per module the file imports: whether it may pass an installed package on under some key (`mayPassPackage`). */
    const passers = new Map<string, boolean>();
    const hook: ImportHook = {
      follows: (module) => this.resolve(file, module) !== null,
      localSpecifier: (module) => this.localSpecifier(file, module),
      importedApp: (module, modulePath, node) => {
        // (Asked for every member of a module's value the file reads: `controller.list`, `controller.show`, ...)
        let direct = appModules.get(module);
        if (direct === undefined) {
          const resolved = this.resolve(file, module);
          // A module that neither makes an app nor re-exports one (`appSource`) exports none, under any name.
          const creates = resolved !== null && this.mayCreateApps(resolved);
          direct = resolved !== null && (creates || this.appSource(resolved, MAX_REEXPORTS, choice)) ? { file: resolved, creates } : null;
          appModules.set(module, direct);
        }
        if (!direct) return undefined;
        // Re-exports are followed (a parse) only when the module may re-export an app (`appSource`).
        const found = direct.creates ? { file: direct.file, path: modulePath } : this.exportOf(file, module, modulePath, choice);
        if (!found) return undefined;
        const { file: target, path: exportPath } = found;
        // (`createApp()`: a call that returns the app. `new AuthRoutes().router`, `makeApi().app`: a property of what a
        // call returns, the app of the other file as a setup function's is: a stand-in of it, below.)
        const factory = exportPath.at(-1) === '()';
        const key = `${target}\0${exportPath.join('\0')}`;
        let app = known.get(key);
        if (app === undefined) {
          app = this.exportedApp(target, exportPath, choice, level);
          known.set(key, app);
        }
        if (!app) return undefined;
        if (factory) {
          if (node.type !== T.CallExpression && node.type !== T.NewExpression) return undefined;
          // The package's app factory (it calls `express()` itself, registers no route and mounts nothing at a path):
          // a new app of this file, configured by the factory first. (One that mounts routers, `app.use('/auth',
          // authRouter)`, is a setup function: below.)
          // (Not one that hands its app to other code first, `auth(router)`: that code may register routes on it.)
          if (!app.before && app.handedOverAt === null && !app.calls.some((call) => (call.isRoute && !call.isUse) || mountsRoutesAtPath(call))) {
            return { own: true, app: newApp(app.kind, node, '', { before: [...(app.before ?? []), app] }) };
          }
          // A setup function (`setupAdminApp()` makes an app with the shared factory, or registers routes on an app of
          // `express()`, and returns it): the caller gets that app of the other file, where it is configured and reported.
        }
        let standIn = standIns.get(key);
        if (!standIn) {
          // What the other file mounted on the app ran before anything this file adds (it configured the app first):
          // the chains of routers and sub-apps this file mounts on the stand-in include it.
          standIn = newApp(app.kind, node as TSESTree.CallExpression, module, { origin: { file: target, path: exportPath }, before: [app] });
          standIns.set(key, standIn);
        }
        return { own: false, app: standIn };
      },
      importedFunction: (module, modulePath) => {
        // (The module's own file is parsed whatever it passes on: below when the function is its own, by `reexported`
        // or `inheritedAt` when it may come from elsewhere. Parsed first, what it may pass on is read from the parse, not
        // from its text read once more.)
        const target = this.resolve(file, module);
        if (target !== null) this.parsed(target, choice);
        const found = this.exportOf(file, module, modulePath, choice);
        const analysis = found ? this.parsed(found.file, choice) : null;
        const fn = analysis ? (exportedFunction(analysis.sourceCode, found!.path) ?? this.wrappedExport(analysis, found!.path, choice)) : null;
        if (!analysis || !fn) return undefined;
        let moduleCalls: ModelBuilder['calls'] | undefined;
        let hookThere: ImportHook | undefined;
        return {
          fn,
          sourceCode: analysis.sourceCode,
          file: analysis.rel,
          // (A value of that file's own model, which sees no other file: a relative import of it, resolved from there.)
          functionElsewhere: (value) => {
            if (value.app || !value.module.startsWith('.')) return undefined;
            hookThere ??= this.hookFor(found!.file, choice);
            return hookThere.importedFunction?.(value.module, value.path);
          },
          // The file's own model, built when a rule first reads its calls (most only want the function's summary).
          get moduleCalls() {
            if (!moduleCalls) {
              try {
                moduleCalls = (analysis.exports ??= build(analysis)).calls;
              } catch (error) {
                caught(error, 'project model: moduleCalls');
                moduleCalls = [];
              }
            }
            return moduleCalls;
          },
        };
      },
      importedMiddleware: (module, modulePath) => {
        const key = `${module}\0${modulePath.join('\0')}`;
        if (!middleware.has(key)) middleware.set(key, this.exportedMiddleware(file, module, modulePath, choice, 0));
        return middleware.get(key);
      },
      importedPackage: (module, modulePath) => {
        // (What a call returns is something else: only the path up to one is asked.)
        if (modulePath.includes('()')) return undefined;
        // (Asked for every member the file reads: a module that passes no package on under any key is asked once.)
        let passes = passers.get(module);
        if (passes === undefined) {
          const target = this.resolve(file, module);
          passes = target !== null && this.mayPassPackage(target, MAX_REEXPORTS, undefined, true);
          passers.set(module, passes);
        }
        if (!passes) return undefined;
        const key = `${module}\0${modulePath.join('\0')}`;
        if (!packages.has(key)) packages.set(key, this.exportedPackage(file, module, modulePath, choice));
        return packages.get(key);
      },
      importedValue: (module, modulePath, textTest) => {
        // (A JSON file of the package read as a value: `require('./config/config.json')[env]`.)
        // (A JSON file of the package read as a value: `require('./config/config.json')[env]`, or `require('./config')`
        // that Node resolves to config.json.)
        if (isJsonSpecifier(module)) return this.jsonValue(file, path.resolve(path.dirname(file), module), modulePath, textTest) ?? undefined;
        if (module.startsWith('.')) {
          const json = this.requiredJsonOf(file, module);
          if (json) return this.jsonValue(file, json, modulePath, textTest) ?? undefined;
        }
        // (A module whose file shows no sign of what is looked for is not parsed for it, nor followed through re-exports.)
        if (textTest) {
          const target = this.resolve(file, module);
          if (!target || (!this.analyses.has(target) && !mentions(target, textTest, this.stat(target)))) return undefined;
        }
        const found = this.exportOf(file, module, modulePath, choice);
        const analysis = found ? this.parsed(found.file, choice) : null;
        if (!analysis || writesProperties(analysis)) return undefined;
        const node = exportedNode(analysis.sourceCode, found!.path) ?? exportedEnumMember(analysis.sourceCode, found!.path);
        // (`export let NAME = 'sid'` that its file assigns again holds no one value: unknown.)
        return node && !reassignedExport(analysis.sourceCode, node) ? { node, sourceCode: analysis.sourceCode, file: analysis.rel } : undefined;
      },
      changedElsewhere: (module, modulePath) => {
        // (Asked only of a route table a loop of this file runs over: the other files that import the table's file,
        // each text tested once per mtime, never parsed.)
        const found = this.exportOf(file, module, modulePath, choice);
        return !found || this.importersOf(found.file).some((importer) => importer !== file && mentions(importer, LIST_CHANGE_TEST, this.stat(importer)));
      },
      importedKeys: (module, modulePath, namespace) => {
        const found = this.exportOf(file, module, modulePath, choice);
        const analysis = found ? this.parsed(found.file, choice) : null;
        // (A namespace re-exported whole, `module.exports = require('./routes')`, is that module's.)
        const whole = namespace && found?.path.length === 0;
        if (!analysis || writesProperties(analysis)) return undefined;
        return exportedKeys(analysis.sourceCode, found!.path, whole) ?? undefined;
      },
      importedConstant: (module, modulePath) => {
        const found = this.exportOf(file, module, modulePath, choice);
        const analysis = found ? this.parsed(found.file, choice) : null;
        if (!analysis || writesProperties(analysis)) return false;
        const node = exportedNode(analysis.sourceCode, found!.path);
        return node !== null && isConstantData(analysis.sourceCode, node);
      },
    };
    // Another file that cannot be read or understood is unknown: it never stops this file's model.
    return {
      follows: (module) => {
        try {
          return hook.follows(module);
        } catch (error) {
          caught(error, 'project model: follows');
          return false;
        }
      },
      localSpecifier: (module) => {
        try {
          return hook.localSpecifier!(module);
        } catch (error) {
          caught(error, 'project model: localSpecifier');
          return null;
        }
      },
      importedApp: (module, exportPath, node) => {
        try {
          return hook.importedApp(module, exportPath, node);
        } catch (error) {
          caught(error, 'project model: importedApp');
          return undefined;
        }
      },
      importedFunction: (module, exportPath) => {
        try {
          return hook.importedFunction!(module, exportPath);
        } catch (error) {
          caught(error, 'project model: importedFunction');
          return undefined;
        }
      },
      importedValue: (module, exportPath, textTest) => {
        try {
          return hook.importedValue!(module, exportPath, textTest);
        } catch (error) {
          caught(error, 'project model: importedValue');
          return undefined;
        }
      },
      changedElsewhere: (module, exportPath) => {
        try {
          return hook.changedElsewhere!(module, exportPath);
        } catch (error) {
          caught(error, 'project model: changedElsewhere');
          return true;
        }
      },
      importedKeys: (module, exportPath, namespace) => {
        try {
          return hook.importedKeys!(module, exportPath, namespace);
        } catch (error) {
          caught(error, 'project model: importedKeys');
          return undefined;
        }
      },
      importedConstant: (module, exportPath) => {
        try {
          return hook.importedConstant!(module, exportPath);
        } catch (error) {
          caught(error, 'project model: importedConstant');
          return false;
        }
      },
      importedMiddleware: (module, exportPath) => {
        try {
          return hook.importedMiddleware!(module, exportPath);
        } catch (error) {
          caught(error, 'project model: importedMiddleware');
          return undefined;
        }
      },
      importedPackage: (module, exportPath) => {
        try {
          return hook.importedPackage!(module, exportPath);
        } catch (error) {
          caught(error, 'project model: importedPackage');
          return undefined;
        }
      },
    };
  }

  /**
   * What `module`, imported by `from`, exports at `modulePath` when it is middleware made with an installed package
   * (`module.exports = helmet({...})`, `export const limiter = rateLimit(...)`, `export default [helmet(), ...]`, a
   * `const` holding one, through re-exports and through values of other package files it holds): one entry per item,
   * as that file's own model sees it. An item it cannot read (a computed export, a call of a function, a spread, a file
   * that does not parse) is `unknown`; one it reads as something else (a function written there) has no value.
   * `undefined` when the whole export is not middleware of a package (a function, an app, an object) or `module` is
   * not a file of the package.
   */
  private exportedMiddleware(
    from: string,
    module: string,
    modulePath: readonly string[],
    choice: ParserChoice,
    depth: number,
  ): ImportedMiddleware[] | undefined {
    const found = this.exportOf(from, module, modulePath, choice);
    if (!found) return undefined;
    const analysis = this.exportsOf(found.file, choice);
    if (!analysis?.exports) return [{ value: undefined, file: this.rel(found.file), unknown: true }];
    const builder = analysis.exports;
    const file = analysis.rel;
    const items: ImportedMiddleware[] = [];
    let middlewareSeen = false;
    let names: string[] | undefined;
    const unknown = (): ImportedMiddleware => {
      names ??= [...new Set([...builder.bindings.map((b) => b.value.module), ...builder.calls.map((c) => c.callee.module)])].filter((m) => !m.startsWith('.'));
      return { value: undefined, file, unknown: true, names };
    };
    /** Adds what `node` holds; false when it is something else than middleware (a function, an object, an app). */
    const add = (node: TSESTree.Node | null, top: boolean): boolean => {
      if (!node) {
        // (`express.static(...)` of a file that exports express's `static`: the call of a package's value.)
        const called = top ? calledExport(builder, analysis.sourceCode, found.path) : undefined;
        if (called && !called.app && !called.module.startsWith('.')) {
          items.push({ value: called, file });
          middlewareSeen = true;
          return true;
        }
        items.push(unknown());
        middlewareSeen = true;
        return true;
      }
      const inner = unwrapNode(node);
      const held = heldValue(builder, node);
      // (`passport.authenticate('jwt', ...)` on `require('../config/passport')`, a module that passes passport on: that
      // package's call, read here, where it is written.)
      const value = held && !held.app && held.module.startsWith('.') ? (this.passedPackageValue(analysis.file, held, choice) ?? held) : held;
      if (value) {
        if (value.app) return false;
        if (value.module.startsWith('.')) {
          const further = depth < MAX_REEXPORTS ? this.exportedMiddleware(analysis.file, value.module, value.path, choice, depth + 1) : undefined;
          if (!further) return false;
          items.push(...further);
          middlewareSeen ||= further.some((m) => m.value !== undefined || m.unknown);
          return true;
        }
        // (An async handler wrapper's call is the route's handler, read as the function it wraps.)
        if (ASYNC_HANDLER_WRAPPERS.some(([wrapper]) => wrapper === value.module)) return false;
        items.push({ value, file });
        middlewareSeen = true;
        return true;
      }
      if (inner.type === T.ArrayExpression && top) {
        for (const element of inner.elements) {
          if (!element) continue;
          if (element.type === T.SpreadElement || !add(builder.values.has(element) ? element : resolveIdentifier(analysis.sourceCode, element), false)) items.push(unknown());
        }
        return true;
      }
      if (isFunction(inner) || inner.type === T.ObjectExpression || inner.type === T.ClassExpression || inner.type === T.ClassDeclaration || inner.type === T.Literal) {
        if (!top) items.push({ value: undefined, file });
        return !top;
      }
      items.push(unknown());
      middlewareSeen = true;
      return true;
    };
    if (!add(exportedNode(analysis.sourceCode, found.path), true)) return undefined;
    return middlewareSeen || items.some((m) => m.unknown) ? items : undefined;
  }

  /**
   * The installed package whose module value `module`, imported by `from`, exports at `modulePath` as it is
   * (`ImportHook.importedPackage`): the export, after the package's barrels, is a re-export of a package's module
   * (`export { default } from 'passport'`, `module.exports = require('passport')`, `exports.passport =
   * require('passport')`) or a name bound to one that the file never reassigns (`const passport = require('passport');
   * ...; module.exports = passport`, `export default passport`). Read from the syntax only: a file that exports
   * anything else (a function that configures it, an object, what a call returns, one property of a package:
   * `module.exports.static = express.static`) is not one.
   */
  private exportedPackage(from: string, module: string, modulePath: readonly string[], choice: ParserChoice): { module: string; path: readonly string[] } | undefined {
    // (Most modules a file imports pass no package on, and their text shows it: they are not parsed to find out.)
    const target = this.resolve(from, module);
    if (!target || !this.mayPassPackage(target, MAX_REEXPORTS, modulePath[0])) return undefined;
    const found = this.exportOf(from, module, modulePath, choice);
    // (A file whose text can pass no module on is not parsed to find out: most files a package imports.)
    const analysis = found && this.mayReexportAt(found.file, found.path[0]) ? this.parsed(found.file, choice) : null;
    if (!found || !analysis) return undefined;
    const isPackage = (specifier: string): boolean =>
      !specifier.startsWith('.') && !specifier.startsWith('/') && !/^[a-z]+:(?!\/)/iu.test(specifier.replace(/^node:/u, '')) && this.resolve(found.file, specifier) === null;
    const [first, ...rest] = found.path;
    // `export { default } from 'passport'`, `export { authenticate as login } from 'passport'` (what `exportedNode` does not read)
    for (const entry of reexportsIn(analysis)) {
      const whole = entry.exported === null || (first === undefined && entry.exported === 'default');
      if (!whole && (first === undefined || entry.exported !== first)) continue;
      const path = [...entry.imported, ...(whole ? found.path : rest)];
      if (entry.exported === '*' || path.length > 0 || !isPackage(entry.specifier)) return undefined;
      return { module: entry.specifier.replace(/^node:/u, ''), path };
    }
    const node = exportedNode(analysis.sourceCode, found.path);
    const source = node ? importedFrom(analysis.sourceCode, node) : null;
    return source && source.imported.length === 0 && isPackage(source.specifier) ? { module: source.specifier.replace(/^node:/u, ''), path: [] } : undefined;
  }

  /**
   * `value`, a module value of the package file `from` on one of its own imports, as the installed package's that the
   * import passes on (`exportedPackage`): `passport.authenticate('jwt')` on `require('../config/passport')` is
   * `{ module: 'passport', path: ['authenticate', '()'] }` (its node the same). The import is asked at each path before
   * the first call, longest first (`require('../config').passport.authenticate()`); `undefined` when none passes one on.
   */
  private passedPackageValue(from: string, value: ModuleValue, choice: ParserChoice): ModuleValue | undefined {
    const calls = value.path.indexOf('()');
    for (let k = calls === -1 ? value.path.length : calls; k >= 0; k--) {
      const passed = this.exportedPackage(from, value.module, value.path.slice(0, k), choice);
      if (passed) return { module: passed.module, path: [...passed.path, ...value.path.slice(k)], node: value.node };
    }
    return undefined;
  }

  /** Files whose `uses` model `wrappedExport` is building (a wrapper of a file that imports it back stops there). */
  private readonly unwrapping = new Set<string>();

  /**
   * The function that an export of a file wraps with an async handler wrapper (`exports.login = catchAsync(async (req,
   * res) => ...)`, a `const` holding one), as that file's own model sees the wrapper; else `null`. That model is built
   * only for an export that is such a call of a function of the file by its syntax (`wrappingCallOf`): whether the
   * callee is a wrapper is the one question it answers (not the router a factory returns, `return router`).
   */
  private wrappedExport(analysis: Analysis, exportPath: readonly string[], choice: ParserChoice): FunctionNode | null {
    const node = exportedNode(analysis.sourceCode, exportPath);
    const inner = node ? unwrapNode(node) : null;
    if (!inner || (inner.type !== T.CallExpression && inner.type !== T.Identifier) || this.unwrapping.has(analysis.file)) return null;
    if (!wrappingCallOf(analysis.sourceCode, inner)) {
      // (The answer is read from the file as the model would: an answer kept for a lint is checked against it.)
      this.reading?.add(analysis);
      return null;
    }
    this.unwrapping.add(analysis.file);
    try {
      return this.usesOf(analysis.file, choice)?.uses?.wrappedFunction(inner) ?? null;
    } catch (error) {
      caught(error, 'project model: wrappedExport');
      return null;
    } finally {
      this.unwrapping.delete(analysis.file);
    }
  }

  /**
   * The file and export path that `module`, imported by `from`, reaches by `modulePath`, through re-exports of barrel
   * files (`routes/index.js` with `module.exports = { auth: require('./auth') }`, `export { default as auth } from
   * './auth'`, `export * from './auth'`); `null` when `module` is not a file of the package.
   */
  exportOf(from: string, module: string, modulePath: readonly string[], choice: ParserChoice): { file: string; path: readonly string[] } | null {
    const target = this.resolve(from, module);
    if (!target) return null;
    let found = this.reexported(target, modulePath, choice, 0);
    // A member that an instance inherits from a class of another file (`items.update` of `module.exports = new
    // ItemsController()`, `class ItemsController extends BaseController {}` with BaseController in base.js): that
    // file's, as a class of the same file's would be. One base file after the other, a few levels up.
    for (let level = 0; level < MAX_BASE_FILES; level++) {
      const inherited = this.inheritedAt(found, choice);
      if (!inherited) break;
      found = inherited;
    }
    // An element of an exported array that holds an import of its file (a route table's `controller: UserController`,
    // `['Routes', '0', 'controller', '()', 'all']`): that module's export. (Only such paths, with an index, are read.)
    for (let level = 0; level < MAX_REEXPORTS && found.path.some((step) => /^\d+$/u.test(step)); level++) {
      const analysis = this.parsed(found.file, choice);
      const along = analysis ? importedAlong(analysis.sourceCode, found.path) : null;
      const next = along ? this.resolve(found.file, along.specifier) : null;
      if (!next || next === found.file) break;
      found = this.reexported(next, along!.path, choice, 0);
    }
    return found;
  }

  /**
   * Where the export `found` (a file and path, past its barrels) leads when the path reads a member of an instance of a
   * class of that file that the class does not define and inherits from a class another file of the package exports
   * (`inheritedMember`): that member there (`base.js`, `['BaseController', '()', 'update']`); else `null`. Only a file
   * whose text extends a class and does not name the member is parsed to find out (one parsed already is read anyway):
   * a class that defines the member names it.
   */
  private inheritedAt(found: { file: string; path: readonly string[] }, choice: ParserChoice): { file: string; path: readonly string[] } | null {
    const key = [...found.path].reverse().find((step) => step !== '()' && step !== 'bind');
    if (key === undefined) return null;
    const stat = this.stat(found.file);
    if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) return null;
    const cached = this.analyses.get(found.file);
    const parsed = cached?.analysis && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size ? cached.analysis : null;
    const text = parsed ? parsed.sourceCode.text : this.unparsedText(found.file, stat);
    if (text === null || !EXTENDS_WORD.test(text) || (!parsed && namesWord(text, key))) return null;
    const analysis = parsed ?? this.parsed(found.file, choice);
    const inherited = analysis ? inheritedMember(analysis.sourceCode, found.path) : null;
    const base = inherited ? this.resolve(found.file, inherited.specifier) : null;
    return base && base !== found.file ? this.reexported(base, inherited!.path, choice, 0) : null;
  }

  private reexported(file: string, exportPath: readonly string[], choice: ParserChoice, depth: number): { file: string; path: readonly string[] } {
    const here = { file, path: exportPath };
    if (depth >= MAX_REEXPORTS) return here;
    // Only a file that imports package files can pass one of their exports on: a controller that imports none (most
    // route handlers) is not parsed to find out. (In a workspace, other packages' imports are no edges of the scan.)
    if (this.importsNoPackageFile(file)) return here;
    // Nor is a file whose text can hold no re-export that this path could take (`mayReexport`).
    if (!this.mayReexportAt(file, exportPath[0])) return here;
    const analysis = this.parsed(file, choice);
    const entries = analysis ? reexportsIn(analysis) : [];
    if (entries.length === 0) return here;
    const next = (entry: Reexport, rest: readonly string[]): { file: string; path: readonly string[] } | null => {
      const target = this.resolve(file, entry.specifier);
      return target && target !== file ? this.reexported(target, [...entry.imported, ...rest], choice, depth + 1) : null;
    };
    const [first, ...rest] = exportPath;
    for (const entry of entries) {
      if (entry.exported === null) return next(entry, exportPath) ?? here;
      if (first !== undefined && entry.exported === first) return next(entry, rest) ?? here;
    }
    // `export * from './x'`: a name this file does not export itself, found in one of the modules it re-exports (the
    // last that has it: `{ ...require('./a'), ...require('./b') }` holds b's; ESM forbids a name two of them export).
    if (first === undefined || first === '()' || exportedNode(analysis!.sourceCode, [first])) return here;
    for (const entry of [...entries].reverse()) {
      if (entry.exported !== '*') continue;
      const found = next(entry, exportPath);
      const there = found && this.parsed(found.file, choice);
      if (found && there && exportedNode(there.sourceCode, found.path)) return found;
    }
    return here;
  }

  /** The JSON documents `jsonValue` read, per file (with the stat they were read at). */
  private readonly jsonDocuments = new Map<string, { mtimeMs: number; size: number; document: JsonDocument | null }>();

  /**
   * The value at `modulePath` of `target`, a JSON file of the package that `from` reads (`require('./config/config.json')`, `require('./config')` of a config.json,
   * `import config from './config.json' with { type: 'json' }`): read and parsed once per content (at most
   * `MAX_FILE_BYTES`), never as a source file (no parse count, no model). `null` when the file is not one of the
   * package's, cannot be read, does not parse, or has no value there.
   */
  private jsonValue(from: string, target: string, modulePath: readonly string[], textTest?: TextTest): ValueElsewhere | null {
    if (!this.packageOf(from) || !this.packageOf(target)) return null;
    const stat = this.stat(target);
    if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) return null;
    if (textTest && !mentions(target, textTest, stat)) return null;
    let read = this.jsonDocuments.get(target);
    if (!read || read.mtimeMs !== stat.mtimeMs || read.size !== stat.size) {
      let document: JsonDocument | null = null;
      try {
        document = jsonDocument(readFileSync(target, 'utf8'));
      } catch (error) {
        caught(error, 'project model: jsonValue');
      }
      read = { mtimeMs: stat.mtimeMs, size: stat.size, document };
      if (this.jsonDocuments.size >= MAX_JSON_DOCUMENTS) this.jsonDocuments.clear();
      this.jsonDocuments.set(target, read);
    }
    const node = read.document ? jsonValueAt(read.document, modulePath) : null;
    return node && read.document ? { node, sourceCode: read.document.sourceCode, file: this.rel(target) } : null;
  }

  /** The texts `mayReexportAt` read, per file (with the stat they were read at). */
  private readonly reexportTexts = new Map<string, { mtimeMs: number; size: number; text: string | null }>();

  /**
   * `mayReexport` for a file not parsed yet (the scan's fact for a whole-module re-export, else its text read once per
   * content), as `reexportsOf` reads re-exports (an ESM export of a function or class the file declares is none); `true`
   * when it is parsed already (its re-exports are
   * known) or cannot be read (the parse decides). `first` `()`, a call of the module itself (`routes(config)` of
   * `import routes from './routes/index.js'`), names no key: only a re-export of the whole module leads elsewhere.
   */
  private mayReexportAt(file: string, first: string | undefined): boolean {
    const stat = this.stat(file);
    if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) return true;
    const cached = this.analyses.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return true;
    if (first === undefined || first === '()') return this.reexportsAnyAt(file, stat, () => this.unparsedText(file, stat)) ?? true;
    const text = this.unparsedText(file, stat);
    return text === null || mayReexport(text, first, 'reexports');
  }

  /**
   * `mayReexportOneOf` for a file not parsed yet, with the specifiers of its imports that resolve to `targets`; `true`
   * when it is parsed already or cannot be read (the parse decides).
   */
  private mayReexportSourcesAt(file: string, targets: readonly string[]): boolean {
    const stat = this.stat(file);
    if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) return true;
    const cached = this.analyses.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return true;
    const text = this.unparsedText(file, stat);
    if (text === null) return true;
    const specifiers = this.index.importsOf(file).filter((specifier) => {
      const target = this.resolve(file, specifier);
      return target !== null && targets.includes(target);
    });
    return mayReexportOneOf(text, specifiers);
  }

  /** The text of a file not parsed yet, read once per content (`reexportTexts`); `null` when it cannot be read. */
  private unparsedText(file: string, stat: NonNullable<ReturnType<typeof safeStat>>): string | null {
    let read = this.reexportTexts.get(file);
    if (!read || read.mtimeMs !== stat.mtimeMs || read.size !== stat.size) {
      // (As `parsed` would: a holder read on an earlier content of the file has the holders worked out again.)
      const holder = this.holderState?.processed.get(file);
      if (holder && (holder.mtimeMs !== stat.mtimeMs || holder.size !== stat.size)) this.holderState = null;
      let text: string | null = null;
      try {
        text = this.index.textOf(file, stat) ?? null;
        if (text === null) {
          if (textReads.size >= MAX_ANALYSES) textReads.clear();
          textReads.set(file, (textReads.get(file) ?? 0) + 1);
          text = readFileSync(file, 'utf8');
        }
      } catch (error) {
        caught(error, 'project model: unparsedText');
        text = null;
      }
      read = { mtimeMs: stat.mtimeMs, size: stat.size, text };
      if (this.reexportTexts.size >= MAX_REEXPORT_TEXTS) this.reexportTexts.clear();
      this.reexportTexts.set(file, read);
    }
    return read.text;
  }

  /**
   * `passesPackageText` per file content, and whether the text may re-export a module under any name
   * (`mayReexport(text, undefined, 'reexports')`, asked when it does not), for a file whose content the import scan did
   * not read (its facts hold both: `scanFactsAt`): `mayPassPackage` asks both of one file at several budgets and keys
   * (nest-server: 1,123 scans of 239 texts, 7.9 MB of text for 1.4 MB).
   */
  private readonly passingTexts = new Map<string, { mtimeMs: number; size: number; passes?: boolean; reexports?: boolean }>();

  /** The entry of `passingTexts` for `file`'s content (as `stat` says), its answers filled in as they are asked. */
  private passingAt(file: string, stat: { mtimeMs: number; size: number }): { passes?: boolean; reexports?: boolean } {
    let known = this.passingTexts.get(file);
    if (!known || known.mtimeMs !== stat.mtimeMs || known.size !== stat.size) {
      known = { mtimeMs: stat.mtimeMs, size: stat.size };
      if (this.passingTexts.size >= MAX_SCAN_FILES) this.passingTexts.clear();
      this.passingTexts.set(file, known);
    }
    return known;
  }

  /**
   * The import scan's facts of `file` when they are of its content as `stat` says (read by this process's scan, or kept
   * for that content by an earlier one): then its text need not be read again for them.
   */
  private scanFactsAt(file: string, stat: { mtimeMs: number; size: number }): ScannedFile | undefined {
    const scanned = this.index.scanned(file);
    return scanned && scanned.mtimeMs === stat.mtimeMs && scanned.size === stat.size ? scanned : undefined;
  }

  /** `passesPackageText` of a text of `file` the scan does not hold (as `stat` says), once per content; `null` when `text` cannot be read. */
  private passesPackageAt(file: string, stat: { mtimeMs: number; size: number }, text: () => string | null): boolean | null {
    const passing = this.passingAt(file, stat);
    if (passing.passes === undefined) {
      const read = text();
      if (read === null) return null;
      passing.passes = passesPackageText(read);
    }
    return passing.passes;
  }

  /**
   * `mayReexport(text, undefined, 'reexports')` of `file`'s content (as `stat` says): the scan's fact, else once per
   * content; `null` when `text` cannot be read.
   */
  private reexportsAnyAt(file: string, stat: { mtimeMs: number; size: number }, text: () => string | null): boolean | null {
    const scanned = this.scanFactsAt(file, stat);
    if (scanned) return scanned.reexports;
    const passing = this.passingAt(file, stat);
    if (passing.reexports === undefined) {
      const read = text();
      if (read === null) return null;
      passing.reexports = mayReexport(read, undefined, 'reexports');
    }
    return passing.reexports;
  }

  /** Per file and hop budget (until the import index is rebuilt): `mayPassPackage`. */
  private readonly packagePassers = new PerGeneration<boolean>(() => this.index.generation());

  /**
   * Whether `file`, or a package file it re-exports within `budget` hops (when its text may re-export: a barrel's), may
   * pass an installed package's module on as it is (`passesPackageText`): only then is `exportedPackage` worth a parse.
   * `first` is the key the importer reads on the first hop (`exports.passport = require('./passport')`). A file that
   * cannot be read may.
   */
  private mayPassPackage(file: string, budget: number, first: string | undefined, anyKey = false): boolean {
    const key = `${budget}\0${anyKey ? '\0' : (first ?? '')}\0${file}`;
    let result = this.packagePassers.get(key);
    if (result === undefined) {
      // (An import cycle comes back to a question being answered: no.)
      this.packagePassers.set(key, false);
      const stat = this.stat(file);
      if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) {
        result = true;
      } else {
        // (The text only when the scan's facts are not of this content, or for a key the importer reads: read once.)
        let read: string | null | undefined;
        const text = (): string | null => {
          if (read === undefined) {
            const cached = this.analyses.get(file);
            read = cached?.analysis && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size ? cached.analysis.sourceCode.text : this.unparsedText(file, stat);
          }
          return read;
        };
        // (The scan's facts of this content when it holds them: no text is read for them.)
        const scanned = this.scanFactsAt(file, stat);
        const passes = scanned ? scanned.passesPackage : this.passesPackageAt(file, stat, text);
        let reexports: boolean | null = false;
        if (passes === false && budget > 0) {
          if (scanned && !scanned.reexportsImports) {
            // A text that passes on none of the modules it imports, by any key (`ScannedFile.reexportsImports`).
            reexports = false;
          } else if (anyKey) {
            reexports = true;
          } else if (first === undefined) {
            reexports = this.reexportsAnyAt(file, stat, text);
          } else {
            const keyed = text();
            reexports = keyed === null ? null : mayReexport(keyed, first, 'reexports');
          }
        }
        // (A text that cannot be read may.)
        result =
          passes !== false ||
          reexports === null ||
          (reexports && this.index.resolvedImportsOf(file).some((target) => target !== file && this.mayPassPackage(target, budget - 1, undefined)));
      }
      this.packagePassers.set(key, result);
    }
    return result;
  }

  /**
   * Whether a module of the package that `file` imports (its relative specifiers, and the bare ones that tsconfig
   * `paths` or the workspace map to a file of the package, as `localSpecifier` does for the model) may pass an installed
   * package's module on (`mayPassPackage`, under any key the file may read): only then can `ImportHook.importedPackage`
   * give the file's model a value of a package that its text does not name. From texts only, no parse.
   */
  mayImportPackage(file: string, text: string): boolean {
    for (const specifier of importSpecifiers(text)) {
      const local = specifier.startsWith('.') ? specifier : this.localSpecifier(file, specifier);
      const target = local === null ? null : this.resolve(file, local);
      if (target && this.mayPassPackage(target, MAX_REEXPORTS, undefined, true)) return true;
    }
    return false;
  }

  /**
   * The files that import `file`, and the files that import a barrel re-exporting it (`app.js` mounting
   * `require('./routes').auth` for `routes/auth.js`), at most `MAX_REEXPORTS` barrels deep. `barrels` are the ones
   * that only pass it on.
   */
  private importersThroughBarrels(file: string, choice: ParserChoice): { importers: string[]; barrels: Set<string> } {
    const importers = [...this.importersOf(file)];
    const barrels = new Set<string>();
    const queue: [string, string, number][] = importers.map((importer) => [importer, file, 0]);
    while (queue.length > 0) {
      const [importer, target, depth] = queue.shift()!;
      if (depth >= MAX_REEXPORTS || importer === file) continue;
      const analysis = this.parsed(importer, choice);
      if (!analysis || !reexportsIn(analysis).some((entry) => this.resolve(importer, entry.specifier) === target)) continue;
      barrels.add(importer);
      for (const next of this.importersOf(importer)) {
        if (importers.includes(next)) continue;
        importers.push(next);
        queue.push([next, importer, depth + 1]);
      }
    }
    return { importers, barrels };
  }

  /** The app or router that `exportPath` of `file` is (through a factory call when the path has `()`). */
  private exportedApp(file: string, exportPath: readonly string[], choice: ParserChoice, level = 0): ExpressApp | null {
    if (!this.mayCreateApps(file)) return null;
    const target = this.exportsOf(file, choice);
    if (!target?.exports) return null;
    const node = exportedNode(target.sourceCode, exportPath);
    if (!node) return null;
    const app = target.exports.values.get(node)?.app;
    if (app || level > 0 || !exportPath.includes('()')) return app ?? null;
    // A factory of a factory (Ghost: `setupAdminApp()` returns `express('admin')` of core/shared/express.js). Only a
    // returned expression that may hold a module's value can be another file's app (`mayHoldModuleValue`): a function
    // that returns `new Promise(...)` or nothing is not read again with every module it imports.
    if (!mayHoldModuleValue(target.sourceCode, node)) return null;
    target.viaFactories ??= this.build(target, this.hookFor(file, choice, 1));
    return target.viaFactories.values.get(node)?.app ?? null;
  }

  /**
   * Applies what the importers of `file` do with it to its model: exported apps and routers that importers only
   * serve, mount or configure are complete (and get those mounts and that middleware), parameters that callers
   * hand an app or router become that app, functions that importers register on routes become handlers.
   */
  /** The package's container registrations (`containerRegistry`), per generation of the import index. */
  private containers: { generation: object; registry: ReadonlyMap<string, HandedValue | null> } | null = null;

  /**
   * DI containers (`CONTAINERS`, awilix): the default export of the linted file, or a function or class of it that the
   * package's container registers, that takes its dependencies destructured from its first parameter
   * (`module.exports = ({ todosService }) => ...`, `constructor({ todosService })`) receives, at each key the container
   * registers with `asClass(TodosService)` / `asFunction(makeTodos)`, an instance of that class or what that function
   * returns: the names it binds are bound to those values (`bindParameterValue`), as an instance a caller hands over is,
   * so that `todosService.find(req.query.q)` is read in the service's file. A key the container does not register that
   * way (`asValue`, `loadModules` globs, a class of the container's own file) stays unknown. The container's file is
   * parsed only in a package whose texts register dependencies (`ImportIndex.containerFiles`), and only for a file that
   * destructures a first parameter.
   */
  bindContainerParameters(builder: ModelBuilder, sourceCode: TSESLint.SourceCode, file: string, choice: ParserChoice): void {
    const containers = this.index.containerFiles();
    if (containers.length === 0) return;
    const receivers = new Set<FunctionNode>();
    const add = (node: TSESTree.Node | null): void => {
      const fn = node && isFunction(node) ? node : constructorOf(node);
      if (fn?.params[0]?.type === T.ObjectPattern) receivers.add(fn);
    };
    add(exportedNode(sourceCode, []));
    // (A class the file hands to the container's helpers itself: awilix-express's `createController(UsersApi)`.)
    for (const statement of sourceCode.ast.body) {
      const declaration = statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration ? statement.declaration : statement;
      if (declaration?.type === T.ClassDeclaration) add(declaration);
    }
    if (receivers.size === 0 && !containers.some((container) => this.index.resolvedImportsOf(container).includes(file))) return;
    const registry = this.containerRegistry(containers, choice);
    if (registry.size === 0) return;
    for (const value of registry.values()) if (value?.file === file && value.path.length > 1) add(exportedNode(sourceCode, value.path.slice(0, -1)));
    for (const fn of receivers) {
      const pattern = fn.params[0] as TSESTree.ObjectPattern;
      for (const property of pattern.properties) {
        if (property.type !== T.Property || property.computed || property.value.type !== T.Identifier) continue;
        const key = staticKey(property);
        const value = key === null ? undefined : registry.get(key);
        if (!value) continue;
        const name = property.value;
        const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.identifiers.includes(name));
        if (variable) builder.bindParameterValue(variable, handedModule(file, value), value.path);
      }
    }
  }

  /**
   * What the package's containers register under each name (`container.register({ todosService: asClass(TodosService)
   * })`, `container.register('todosService', asFunction(makeTodos).singleton())`): the instance of a class, or what a
   * function returns, of another file of the package (`null`: two registrations differ, or the value is not such an
   * import). Empty when a container file's text hands dependencies some other way (`ContainerRow.otherModes`).
   */
  private containerRegistry(containers: readonly string[], choice: ParserChoice): ReadonlyMap<string, HandedValue | null> {
    const generation = this.index.generation();
    if (this.containers?.generation === generation) return this.containers.registry;
    const registry = new Map<string, HandedValue | null>();
    this.containers = { generation, registry };
    for (const container of containers) {
      const analysis = this.exportsOf(container, choice);
      if (!analysis?.exports) continue;
      for (const { node, callee } of analysis.exports.calls) {
        const row = CONTAINERS.find((r) => r.module === callee.module && callee.path.length === 1 && r.resolvers.has(callee.path[0]!));
        if (!row || node.type !== T.CallExpression) continue;
        if (row.otherModes.test(analysis.sourceCode.text)) {
          registry.clear();
          return registry;
        }
        const key = registrationKey(node, row);
        if (key === null) continue;
        const given = node.arguments[0];
        const value = given && given.type !== T.SpreadElement ? analysis.exports.values.get(given) : undefined;
        const found = value && !value.app && value.module.startsWith('.') && !value.path.includes('()') ? this.exportOf(container, value.module, value.path, choice) : null;
        const made: HandedValue | null = found ? { module: '', file: found.file, path: [...found.path, '()'], key: `${found.file}\0${[...found.path, '()'].join('\0')}` } : null;
        const seen = registry.get(key);
        registry.set(key, seen === undefined || (seen && made && seen.key === made.key) ? made : null);
      }
    }
    return registry;
  }

  link(builder: ModelBuilder, sourceCode: TSESLint.SourceCode, file: string, choice: ParserChoice, depth: number, handlers: boolean): Analysis[] {
    if (depth > MAX_LINK_DEPTH) return [];
    const importers: Analysis[] = [];
    /** An importer that cannot be read: what it does with the file's apps is unknown. */
    let unknown = false;
    // A file none of whose apps leaves it (no stand-ins to complete, so no importer to find unknown) gets something
    // only from the holders that reach it (`HolderState`): a parameter app one hands over, routes that register the
    // file's functions. Other importers are neither parsed nor modelled, and no barrel is parsed to find them.
    const onlyHolders = ![...builder.apps, ...builder.importedApps].some((app) => app.escapes);
    const direct = this.importersOf(file);
    let files: readonly string[];
    let barrels = new Set<string>();
    if (onlyHolders) {
      files = [...(this.coverAbove(file, choice).reachedBy.get(file) ?? [])].sort();
    } else {
      ({ importers: files, barrels } = this.importersThroughBarrels(file, choice));
    }
    for (const importer of files) {
      if (importer === file) continue;
      const analysis = this.usesOf(importer, choice);
      if (!analysis?.uses) {
        unknown = true;
        continue;
      }
      this.linkAnalysis(analysis, choice, depth + 1);
      importers.push(analysis);
    }
    if (importers.length === 0) {
      // No file of the package imports it: an app that its own file serves and only exports is complete.
      // So is the app of an exported class that its file makes and serves (`new Server().start()`, `start() {
      // this.app.listen(3000) }`): the importers a class may have elsewhere make their own instances.
      if (!unknown) {
        // The app a hosting platform serves as the file's default export (Vercel's `api/index.ts` with `export default
        // app`): served there, as by a `listen`.
        const hosted = hostedDefaultExport(builder, sourceCode, file);
        for (const app of builder.apps) {
          const handedOverAt = app.handedOverAt;
          builder.keptByOwnInstance(app);
          if (servedAndExported(app, app === hosted)) app.escapes = false;
          else app.handedOverAt = handedOverAt;
        }
        // So is the app that a factory or another file gives the file (`const app = createApp()`), served and exported
        // here (`http.createServer(app).listen(); module.exports = { app, server }`, or `import app from '../src/app';
        // export default app` in Vercel's `api/index.ts`): the other file's app is as this file leaves it, as its own
        // app would be.
        for (const standIn of builder.importedApps) if (standIn.origin && servedAndExported(standIn, standIn === hosted)) standIn.escapes = false;
      }
      return importers;
    }

    // (`new App([new AuthRoute()])`: the file of `App`, which mounts the instances' routers in a loop, as an importer.)
    const lists = this.listingFiles(importers, file, sourceCode, builder, choice, depth);
    if (lists === null) unknown = true;
    else importers.push(...lists);
    this.completeExportedApps(builder, sourceCode, file, choice, importers, barrels, direct, unknown);
    this.bindHandedLists(builder, sourceCode, file, choice, importers);
    this.bindHandedParameters(builder, sourceCode, file, choice, importers);
    if (handlers) this.addRegisteredHandlers(builder, sourceCode, file, choice, importers);
    return importers;
  }

  /**
   * `link`'s first step: the file's exported apps and routers that every importer only serves, mounts or configures
   * (their stand-ins there) are complete, with those mounts and what the importers mount on them. An importer that shows
   * no use of them (`unknown` already when one could not be read) leaves them as they are.
   */
  /**
   * Whether `importer` takes from the barrels it imports (`barrels`: those that pass `file`'s exports on) only names
   * that lead elsewhere: its every mention of such a barrel is an ES `import { a, b } from '…'` of named bindings (types
   * aside), each re-exported by the barrel from another module than `file` and than another of `barrels`
   * (`export { currentUser } from './user.js'`). Such a file (a helper's user, a job that imports the package entry
   * beside its router) cannot reach `file`'s apps. A default or namespace import, a `require`, a name the barrel
   * defines itself or passes on from `export *` may: not such a file.
   */
  private takesOtherNamesOnly(importer: Analysis, file: string, barrels: ReadonlySet<string>, choice: ParserChoice): boolean {
    const text = importer.sourceCode.text;
    let takes = false;
    for (const specifier of importSpecifiers(text)) {
      const target = this.resolve(importer.file, specifier);
      if (target === file) return false;
      if (target === null || !barrels.has(target)) continue;
      const declarations = importer.sourceCode.ast.body.filter((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration && s.source.value === specifier);
      // (No other mention of it: a `require`, an `import()`, a re-export.)
      const mentions = ["'", '"', '`'].reduce((count, quote) => count + text.split(`${quote}${specifier}${quote}`).length - 1, 0);
      if (declarations.length === 0 || mentions !== declarations.length) return false;
      const barrel = this.parsed(target, choice);
      if (!barrel) return false;
      const entries = reexportsIn(barrel);
      for (const declaration of declarations) {
        if (declaration.importKind === 'type') continue;
        for (const spec of declaration.specifiers) {
          if (spec.type !== T.ImportSpecifier) return false;
          if (spec.importKind === 'type') continue;
          const name = spec.imported.type === T.Identifier ? spec.imported.name : spec.imported.value;
          const entry = entries.find((e) => e.exported === name);
          const from = entry ? this.resolve(target, entry.specifier) : null;
          if (from === null || from === file || barrels.has(from)) return false;
        }
      }
      takes = true;
    }
    return takes;
  }

  private completeExportedApps(
    builder: ModelBuilder,
    sourceCode: TSESLint.SourceCode,
    file: string,
    choice: ParserChoice,
    importers: readonly Analysis[],
    barrels: ReadonlySet<string>,
    direct: readonly string[],
    unknown: boolean,
  ): void {
    // Exported apps and routers: their stand-ins in the importers. An importer that shows none (a computed
    // require, a dynamic import) may do anything with them. (A file that imports a barrel may use other modules of it.)
    const standIns = new Map<ExpressApp, ExpressApp[]>();
    // Stand-ins of what a factory returns that their file only hands to a test client (`request(createApp())`) or
    // leaves alone: the caller adds nothing to its app and hands it to no code, so the other callers say what the app is.
    const inert = new Set<ExpressApp>();
    // Stand-ins of what a factory returns that their file only serves (`createApp().listen(3000)`,
    // `serverless(createApp())`, `http.createServer(createApp())`): that caller's app is the factory's app as made.
    const servedOnly = new Set<ExpressApp>();
    for (const importer of importers) {
      // Stand-ins of its exported apps, and the apps that calls of its exported functions return (`require('./admin')()`).
      const own = [...importer.uses!.importedApps, ...importer.uses!.apps].filter((s) => s.origin?.file === file);
      // Through a barrel, a file that takes other apps from it by name shows that it does not use this one; one that
      // takes none may use them all (`Object.values(routes).forEach((r) => app.use(r))` of a barrel whose keys its file
      // does not show: of one that shows them, the loop's calls hold a stand-in of each, `ImportHook.importedKeys`).
      // Instances of an exported class that keeps an app, whose methods are all the importer calls (`new App().listen()`):
      // the importer does what those methods do, in the class's file.
      const classes = this.instancesOnlyCalled(importer, file, sourceCode, builder, choice);
      if (classes === null) unknown = true;
      // (A file that takes from the barrels only other modules' exports by name, `import { currentUser } from
      // '@acme/auth'` beside the package's router, cannot reach this one: `takesOtherNamesOnly`.)
      if (
        own.length === 0 &&
        !classes?.length &&
        !barrels.has(importer.file) &&
        (direct.includes(importer.file) || importer.uses!.importedApps.length === 0) &&
        !this.takesOtherNamesOnly(importer, file, barrels, choice)
      ) {
        unknown = true;
      }
      for (const { app, node, listed } of classes ?? []) {
        if (listed) continue;
        standIns.set(app, [...(standIns.get(app) ?? []), newApp(app.kind, node, app.name, { file: importer.rel, origin: { file, path: [] }, before: [app] })]);
      }
      // What the importer hands the app to (`require('./config/security')(app)` in server.js) mounts on it too.
      // What the importer hands its apps to (`require('./config/security')(app)` in server.js, before it mounts this
      // file's router, or in bin/www for the app of this file) mounts on them too.
      this.configureHandoffs(importer.uses!, importer.file, choice, null);
      for (const standIn of own) {
        // A barrel that only passes the app on: its importers say what happens to it.
        if (barrels.has(importer.file) && standIn.calls.length === 0 && standIn.mounts.length === 0 && standIn.servers.length === 0) continue;
        const node = exportedNode(sourceCode, standIn.origin!.path);
        const app = node ? builder.values.get(node)?.app : undefined;
        if (!app) continue;
        standIns.set(app, [...(standIns.get(app) ?? []), standIn]);
        if (
          standIn.origin!.path.at(-1) === '()' &&
          !standIn.escapes &&
          !standIn.passedOn &&
          standIn.calls.every((call) => call.method === 'listen') &&
          standIn.mounts.length === 0 &&
          !standIn.handedTo?.length &&
          !importer.uses!.handoffs.some((handoff) => handoff.app === standIn)
        ) {
          // (A test harness that serves it, `test/helpers.js`, serves no user: as a test client, it adds nothing.)
          const testOnly = (standIn.servers.length === 0 && standIn.calls.length === 0) || TEST_FILE_PATH.test(importer.rel);
          (testOnly ? inert : servedOnly).add(standIn);
        }
      }
    }
    for (const [app, all] of standIns) {
      if (!app.escapes) continue;
      // An importer that hands its stand-in to code the model does not follow (stores the router in a list it mounts in
      // a loop the model cannot write out, `routes.push(r); routes.forEach((r) => router.use(r.path, r.route))`, or
      // passes it to a function) hands the app on too: mounts and middleware the model cannot see may come before its
      // routes (`MiddlewareChain.handedOn`). (A loop over a list the file shows mounts the stand-in: `./loop-mounts`.)
      if (all.some((s) => s.passedOn)) app.passedOn = true;
      if (unknown) continue;
      // (When every caller only tests it, one of them says it: the app is as the factory made it.)
      const acting = all.filter((s) => !inert.has(s));
      let list = acting.length > 0 ? acting : all.slice(0, 1);
      // (`['createApp', '()']`: what a call returns. `['AuthRoutes', '()', 'router']`, a property of an instance, is as
      // an exported app: below.)
      if (list.every((s) => s.origin!.path.at(-1) === '()')) {
        // An app that an exported function returns: complete when no caller passes on the app its call returns
        // (a factory's app that each caller returns or hands over stays theirs to configure).
        // (With one call, the caller's app is this app; with several, each is one of them: only mounts are merged.
        // Several callers that all only serve it, a Lambda handler's `serverless(createApp())` beside a local
        // `createApp().listen()`, each serve the app as the factory made it. When others also add to theirs or hand
        // it on, those that only serve it still serve the app as made, if each call makes a new app (`madePerCall`):
        // the app is checked as they serve it, the others' additions being their apps' alone (helmet that server.js
        // adds protects its app, not the Lambda's). A factory that may return one app it keeps, which the others'
        // additions would reach too, leaves it unknown.)
        // The apps that mount it must be complete too: the middleware and settings of an app that goes on to code
        // the package does not show (Ghost's backend app, handed to vhost) would reach this one.
        const serving = list.filter((s) => servedOnly.has(s));
        if (serving.length > 0 && serving.length < list.length && madePerCall(sourceCode, app, list[0]!.origin!.path)) list = serving;
        const allServe = serving.length === list.length;
        if (app.handedOverAt !== null || list.some((s) => s.escapes || (s.mounts.length === 0 && list.length > 1 && !allServe) || s.mounts.some((m) => m.parent.escapes))) {
          // A router mounted on an app that was handed to code the model does not follow (`plugins.forEach((ext) =>
          // ext(app))` before `app.use('/apps', require('./routes/apps')())`): that code may mount middleware before
          // it, so its chain is unknown (`MiddlewareChain.handedOn`), not that of a router mounted nowhere.
          if (app.kind === 'router' && list.some((s) => s.mounts.some((m) => m.parent.passedOn))) app.passedOn = true;
          continue;
        }
        app.leaks = false;
      } else if (app.leaks || list.some((s) => s.escapes)) continue;
      app.escapes = false;
      app.after = list;
      // (An app that the class's constructor makes, `this.app = express()`, left from the start of the file's order:
      // its importers, which only make instances and call methods, show that nothing came before the constructor.)
      builder.keptByImportedClass(app);
      const sites: string[] = [];
      for (const standIn of list) {
        for (const mount of standIn.mounts) {
          app.mounts.push(mountOfStandIn(mount, standIn));
          sites.push(`${mount.parent.file ?? ''}:${callLine(mount.call.node)}`);
        }
      }
      // A router's findings say where it is mounted (an app's name stays: fixes write it), whichever file reports
      // them: a router of another file keeps where it is (`build`) beside its mounts.
      if (app.kind === 'router' && sites.length > 0) {
        const where = app.file ? `${app.file}:${lineOf(app.node)}` : '';
        const suffix = where ? ` (${where})` : '';
        if (!where) app.name = `${app.name} (mounted in ${sites.join(', ')})`;
        else if (app.name.endsWith(suffix)) app.name = `${app.name.slice(0, -suffix.length)} (${where}, mounted in ${sites.join(', ')})`;
      }
    }
  }

  /**
   * `link`'s second step: apps and routers, values of installed packages, instances of the package's classes and objects
   * holding them that the importers hand to functions of this file (`require('./routes')(app, { db, passport })`) are
   * bound to their parameters.
   */
  private bindHandedParameters(builder: ModelBuilder, sourceCode: TSESLint.SourceCode, file: string, choice: ParserChoice, importers: readonly Analysis[]): void {
    // Apps and routers handed to a function of this file: `require('./routes')(app, db)`. Not past the bound of
    // handoffs (`HolderState.handoffs`): the chain above would be read only in part, depending on what was linked before.
    const parameters = new Map<TSESLint.Scope.Variable, { app: ExpressApp; callers: string[] }>();
    const tooDeep = (this.holderState?.handoffs.get(file) ?? 0) > MAX_LINK_DEPTH + 1;
    for (const importer of tooDeep ? [] : importers) {
      for (const handoff of importer.uses!.handoffs) {
        const target = this.exportOf(importer.file, handoff.callee.module, handoff.callee.path, choice);
        if (target?.file !== file) continue;
        const parameter = parameterOf(sourceCode, target.path, handoff.index, handoff.key);
        if (!parameter) continue;
        const { fn, variable } = parameter;
        let entry = parameters.get(variable);
        if (!entry) {
          entry = { app: newApp('router', fn as unknown as TSESTree.CallExpression, variable.name, { variable }), callers: [] };
          parameters.set(variable, entry);
        }
        entry.callers.push(`${importer.rel}:${lineOf(handoff.node)}`);
        // What the caller handed its app to before this call (`require('./config/security')(app)` before
        // `require('./routes')(app)`) runs before this file's routes: the chains read it (`handedTo`).
        this.configureHandoffs(importer.uses!, importer.file, choice, null);
        const call: AppCall = {
          app: handoff.app,
          node: handoff.node as TSESTree.CallExpression,
          method: 'use',
          isRoute: false,
          isUse: true,
          pathNode: null,
          path: null,
          args: [],
          middleware: [],
        };
        entry.app.mounts.push({ parent: handoff.app, call, index: -1 });
      }
    }
    // The other arguments of those calls: a parameter that every call hands the same value of an installed package
    // (`require('./routes')(app, passport)`), or the same instance of a class of the package (`new AuthController(db)`),
    // is that value; one that every call hands an object holding such values (`{ db, passport }`) has them as its
    // members (`deps.passport`), and passes them on when handed on (`require('./auth')(app, deps)`: `handedObjects`).
    const values = new Map<TSESLint.Scope.Variable, HandedValue | null>();
    const members = new Map<TSESLint.Scope.Variable, Map<string, HandedValue | null> | null>();
    for (const importer of tooDeep ? [] : importers) {
      for (const handoff of importer.uses!.handoffs) {
        const target = this.exportOf(importer.file, handoff.callee.module, handoff.callee.path, choice);
        if (target?.file !== file || handoff.key !== undefined) continue;
        const fn = exportedFunction(sourceCode, target.path) ?? constructorOf(exportedNode(sourceCode, target.path));
        if (!fn || handoff.node.arguments.length > fn.params.length + 1) continue;
        // (`setup.call(null, app, passport)`: the arguments after `this`.)
        const offset = handoff.viaCall ? 1 : 0;
        const variableOf = (name: TSESTree.Identifier): TSESLint.Scope.Variable | undefined =>
          sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.identifiers.includes(name));
        const hand = (name: TSESTree.Identifier, value: HandedValue | null | undefined): void => {
          const variable = variableOf(name);
          if (!variable) return;
          const seen = values.get(variable);
          if (seen === null) return;
          if (!value || (seen && seen.key !== value.key)) values.set(variable, null);
          else values.set(variable, value);
        };
        fn.params.forEach((param, i) => {
          if (i === handoff.index) return;
          const argument = handoff.node.arguments[i + offset];
          const handed = argument && argument.type !== T.SpreadElement ? argument : undefined;
          if (param.type === T.Identifier) {
            hand(param, handed && this.handedValue(importer, handed, choice));
            const variable = variableOf(param);
            if (variable) members.set(variable, mergedMembers(members.get(variable), handed ? this.handedObject(importer, handed, choice) : null));
          } else if (param.type === T.ObjectPattern) {
            // `(app, { db, passport })` handed `{ db, passport }`: each name the pattern binds at a static key gets the
            // value the object holds there (a key it does not hold, a spread or a computed key: unknown).
            const object = handed ? this.handedObject(importer, handed, choice) : null;
            for (const property of param.properties) {
              if (property.type !== T.Property || property.computed || property.value.type !== T.Identifier) continue;
              const key = staticKey(property);
              hand(property.value, key === null ? null : object?.get(key));
            }
          }
        });
      }
    }
    // (An instance whose members the function writes, or that it hands to code but a function of the package, may hold
    // other methods.)
    const instances = new Map<TSESLint.Scope.Variable, HandedValue>();
    const handsOn = (call: TSESTree.CallExpression): boolean => {
      const callee = builder.values.get(call.callee);
      return callee !== undefined && !callee.app && callee.module.startsWith('.');
    };
    for (const [variable, value] of values) {
      if (!value || (value.file !== undefined && !onlyReadsInstanceMembers(variable, handsOn))) continue;
      builder.bindParameterValue(variable, handedModule(file, value), value.path);
      if (value.file !== undefined) instances.set(variable, value);
    }
    handedInstances.set(builder, instances);
    const objects = new Map<TSESLint.Scope.Variable, ReadonlyMap<string, HandedValue | null>>();
    for (const [variable, object] of members) {
      if (!object) continue;
      const known = new Map<string, { module: string; path: readonly string[] }>();
      for (const [key, value] of object) if (value) known.set(key, { module: handedModule(file, value), path: value.path });
      if (builder.bindParameterMembers(variable, known)) objects.set(variable, object);
    }
    handedObjects.set(builder, objects);
    for (const [variable, { app, callers }] of parameters) {
      // Messages say where the app comes from: `'app' (passed in app.js:12)`.
      // (One name in every model that sees it: the linted file's and its importers'.)
      app.name = `${variable.name} (passed in ${callers.join(', ')})`;
      parameterApps.add(app);
      builder.bindParameter(variable, app);
    }
  }

  /**
   * The constructor's parameters of this file's exported classes that keep an app, which every importer fills with the
   * same array literal of instances of classes of the package (`new App([new IndexRoute(), new AuthRoute()])` in
   * server.ts, typescript-express-starter): bound to those instances (`bindParameterList`), so that a loop over them
   * mounts each one's router. Only when every importer makes the class's instances and calls their methods
   * (`instancesOnlyCalled`), and its own file makes none.
   */
  private bindHandedLists(builder: ModelBuilder, sourceCode: TSESLint.SourceCode, file: string, choice: ParserChoice, importers: readonly Analysis[]): void {
    const lists = new Map<TSESLint.Scope.Variable, HandedValue[] | null>();
    for (const [classNode, kept] of builder.classApps) {
      const ctor = constructorOf(classNode);
      if (!ctor || kept.made || !ctor.params.some((param) => param.type === T.Identifier)) continue;
      for (const importer of importers) {
        const classes = this.instancesOnlyCalled(importer, file, sourceCode, builder, choice);
        if (classes === null) return;
        for (const { app, node } of classes) {
          if (app !== kept.app) continue;
          ctor.params.forEach((param, i) => {
            const variable = param.type === T.Identifier ? sourceCode.scopeManager?.getDeclaredVariables(ctor).find((v) => v.identifiers.includes(param)) : undefined;
            if (!variable || lists.get(variable) === null) return;
            const list = unwrapNode(node.arguments[i] ?? node);
            const values = list.type === T.ArrayExpression ? list.elements.map((element) => (element && element.type !== T.SpreadElement ? this.handedValue(importer, element, choice) : null)) : [null];
            // (Each caller's instances, in the order first handed: `[new UserRoute(), new AuthRoute()]` in server.ts and
            // `[authRoute]` in a test each run the loop over theirs, and each gets what the class mounts before it.)
            if (!values.every((value) => value?.file !== undefined)) {
              lists.set(variable, null);
              return;
            }
            const seen = lists.get(variable) ?? [];
            for (const value of values as HandedValue[]) if (!seen.some((other) => other.key === value.key)) seen.push(value);
            lists.set(variable, seen);
          });
        }
      }
    }
    for (const [variable, values] of lists) {
      if (values && values.length > 0) builder.bindParameterList(variable, values.map((value) => ({ module: handedModule(file, value), path: value.path })));
    }
  }

  /** `link`'s last step: functions of this file that the importers register on their routes are handlers (controllers). */
  private addRegisteredHandlers(builder: ModelBuilder, sourceCode: TSESLint.SourceCode, file: string, choice: ParserChoice, importers: readonly Analysis[]): void {
    // Functions of this file registered on routes of an importer: controllers.
    for (const importer of importers) {
      for (const app of [...importer.uses!.apps, ...importer.uses!.importedApps]) {
        for (const call of app.calls) {
          if (!call.isRoute && !call.isUse) continue;
          // (Only the items as written that hold a value of this file are read for what they stand for: the call's other
          // items import other files, read when a chain is asked for.)
          for (const written of importer.uses!.itemsAsWritten(call)) {
            const held = written.value;
            if (call.isRoute) this.addAdaptedController(builder, sourceCode, file, choice, importer, app, call, written);
            if (!held || held.app || !held.module.startsWith('.') || this.exportOf(importer.file, held.module, held.path, choice)?.file !== file) continue;
            for (const item of importer.uses!.standsFor(call, written)) {
              const value = item.value;
              if (!value || value.app || !value.module.startsWith('.')) continue;
              const target = this.exportOf(importer.file, value.module, value.path, choice);
              if (target?.file !== file) continue;
              // (A controller wrapped in its own file: `exports.login = catchAsync(async (req, res) => ...)`.)
              const fn = exportedFunction(sourceCode, target.path) ?? builder.wrappedFunction(exportedNode(sourceCode, target.path));
              // (On a router or app of a third file, the route as the importer's own lint sees it: `importedAppAsSeen`.)
              if (fn) builder.addHandler(fn, withHandler(call, item, fn, app.origin ? this.importedAppAsSeen(importer, app, choice) : undefined));
            }
          }
        }
      }
    }
  }

  /**
   * A route's handler written as a call of a route adapter of the package on a function this file exports (`app.post(
   * '/comments', makeCallback(postComment))`, clean-architecture layouts): when the adapter hands the function an
   * object that copies request properties (`adaptedRequestKeys`), the function gets that object as its request
   * (`ExpressModel.adapted`). The adapter's file is read only for a call whose one argument is this file's function.
   */
  private addAdaptedController(
    builder: ModelBuilder,
    sourceCode: TSESLint.SourceCode,
    file: string,
    choice: ParserChoice,
    importer: Analysis,
    app: ExpressApp,
    call: AppCall,
    written: MiddlewareItem,
  ): void {
    const node = unwrapNode(written.node);
    if (node.type !== T.CallExpression || node.arguments.length !== 1) return;
    const argument = node.arguments[0]!;
    if (argument.type === T.SpreadElement) return;
    const value = importer.uses!.values.get(unwrapNode(argument));
    if (!value || value.app || !value.module.startsWith('.')) return;
    const target = this.exportOf(importer.file, value.module, value.path, choice);
    if (!target) return;
    let fn: FunctionNode | null | undefined;
    if (target.file === file) {
      fn = exportedFunction(sourceCode, target.path);
    } else {
      // A controller made by a factory this file exports (`const postComment = makePostComment({ addComment })` in
      // controllers/index.js, with `module.exports = function makePostComment({ addComment }) { return async function
      // postComment(httpRequest) {...} }` here): the one function the factory returns.
      const made = this.madeByFactory(target, choice);
      const factory = made?.file === file ? exportedFunction(sourceCode, made.path) : null;
      const returned = factory ? returnedExpressions(sourceCode.visitorKeys, factory).map((n) => unwrapNode(n)) : [];
      fn = returned.length === 1 && isFunction(returned[0]!) ? returned[0] : null;
    }
    if (!fn || fn.params.length !== 1) return;
    const factory = written.factory;
    if (!factory) return;
    const keys = adaptedRequestKeys(factory.fn, factory.sourceCode.visitorKeys ?? sourceCode.visitorKeys, ADAPTED_REQUEST_KEYS);
    // (The route as the importer's lint sees it, for the middleware before it: `express-mongo-sanitize`.)
    if (keys) builder.addAdapted(fn, keys, withHandler(call, written, fn, app.origin ? this.importedAppAsSeen(importer, app, choice) : undefined));
  }

  /**
   * The export of another file that the export `target` is a call of (`const postComment = makePostComment({ addComment
   * })` with `makePostComment` imported from './post-comment'), else `null`.
   */
  private madeByFactory(target: { file: string; path: readonly string[] }, choice: ParserChoice): { file: string; path: readonly string[] } | null {
    const analysis = this.usesOf(target.file, choice);
    if (!analysis?.uses) return null;
    const node = exportedNode(analysis.sourceCode, target.path);
    const call = node ? unwrapNode(node) : null;
    if (call?.type !== T.CallExpression) return null;
    const callee = analysis.uses.values.get(unwrapNode(call.callee));
    if (!callee || callee.app || !callee.module.startsWith('.')) return null;
    return this.exportOf(target.file, callee.module, callee.path, choice);
  }

  /**
   * Apps of other files of the package that the linted file imports and registers routes or middleware on, while it
   * loads (`const app = require('../app'); app.post('/login', ...)`, with server.js loading app.js then
   * `require('./routes/auth')`): each is that app, and joins the file's apps (as `escapes`: its own file and its
   * importers configure it too, so app-wide rules report it there, not here; routes written where the import is,
   * at the top of the file, get known chains, `chainKnownBefore`). Its chain: what the app's file mounted (it has
   * loaded when this file's import of it returns), then what the other files that import it mounted before this file
   * loads. That is known when none of them mounts middleware on it (then the order they load in does not matter), or
   * when the one that does is the file that loads this one (its only importer): what it mounts before that import
   * (`require`) counts, and what its top level mounts after runs after this file's routes (`handedTo` at the end of the
   * file); nothing before counts when its `import` declaration comes after such a mount (ES modules run their imports
   * first, compiled TypeScript in place): unknown. Anything else leaves the app
   * as it was (out of the file's apps, its routes unchecked): an import cycle between the app's file and this one, an
   * app its file hands to code before it exports it, one another file mounts on another app, hands over, or re-exports,
   * another file that mounts middleware on it, one that imports its file and shows no use of it. An imported router
   * (`const router = require('./router')`) gets its mount instead: `importedRouterMount`. The handlers of another file
   * that this file registers on their routes (controllers) get the same: `importedAppAsSeen`.
   */
  linkImportedApps(builder: ModelBuilder, file: string, choice: ParserChoice): void {
    for (const standIn of builder.importedApps) {
      if (builder.apps.includes(standIn)) continue;
      const seen = this.importedAppSeen(builder, standIn, file, choice);
      if (!seen) continue;
      if (seen.mount) standIn.mounts.push(seen.mount);
      if (seen.before) {
        standIn.before = seen.before;
        standIn.escapes = true;
        standIn.joinsImportedApp = true;
      }
      // What the loader mounts once this file has loaded runs after every route this file registers while it loads: at
      // the end of this file's order (`require-rate-limit`'s "mounted after", helmet after the routes, naming its file).
      if (seen.after) standIn.handedTo = [...(standIn.handedTo ?? []), { at: builder.sourceCode.text.length, app: seen.after }];
      standIn.name = seen.name;
      builder.apps.push(standIn);
    }
  }

  /**
   * What `linkImportedApps` gives the stand-in `standIn` of `builder` (the model of `file`): for an app, the apps whose
   * middleware runs before this file's routes (`before`); for a router, its one mount; with the name messages give it.
   * `null` when that is not known (the stand-in is then left as it was).
   */
  private importedAppSeen(builder: ModelBuilder, standIn: ExpressApp, file: string, choice: ParserChoice): ImportedAppSeen | null {
    if (!standIn.origin || standIn.origin.path.includes('()') || standIn.nest) return null;
    if (standIn.mounts.length > 0 || !standIn.calls.some((call) => call.isRoute || call.isUse)) return null;
    if (standIn.kind === 'router') return this.importedRouterMount(builder, standIn, file, choice);
    const origin = standIn.origin.file;
    const app = standIn.before?.length === 1 ? standIn.before[0]! : null;
    if (!app || origin === file || app.kind !== 'app' || app.nest || app.handedOverAt !== null || app.passedOn || app.leaks || app.handedTo) return null;
    if (this.importsTransitively(origin, file)) return null;
    const loaded = this.loadedAfter(file, origin, choice);
    if (!loaded) return null;
    return { name: app.name, before: [...appsBefore(app), ...loaded.before], ...(loaded.after ? { after: loaded.after } : {}) };
  }

  /**
   * The apps and routers of other files of the package that an importer of the linted file adds routes to (its `uses`
   * model), as the importer's own lint sees them (`linkImportedApps`), for the handlers of the linted file that it
   * registers on their routes (`link`): `routes/auth.js` adding `users.login` of controllers/users.js to the router of
   * routes/router.js that app.js mounts at `/auth`. A copy of the stand-in with the mount, the chain and the name, so
   * that the importer's model, which other files' links read, stays as it was. Once per importer model, while the
   * files read for it stay as they were; `undefined` when it gets nothing.
   */
  private importedAppAsSeen(importer: Analysis, standIn: ExpressApp, choice: ParserChoice): ExpressApp | undefined {
    const builder = importer.uses!;
    let known = this.seenAs.get(builder);
    if (!known) {
      known = new Map();
      this.seenAs.set(builder, known);
    }
    const generation = this.index.generation();
    const cached = known.get(standIn);
    // (Checked once per lint: the stats the check reads are the lint's.)
    if (cached?.checked === this.stats) return cached.app;
    if (cached && cached.generation === generation && cached.read.every(({ analysis, uses }) => this.isCurrent(analysis) && analysis.uses === uses)) {
      cached.checked = this.stats;
      return cached.app;
    }
    let app: ExpressApp | undefined;
    const outer = this.reading;
    const read = new Set<Analysis>();
    this.reading = read;
    try {
      const seen = builder.apps.includes(standIn) ? null : this.importedAppSeen(builder, standIn, importer.file, choice);
      if (seen) {
        app = { ...standIn, name: seen.name, mounts: seen.mount ? [...standIn.mounts, seen.mount] : standIn.mounts };
        if (seen.before) {
          app.before = seen.before;
          app.escapes = true;
          app.joinsImportedApp = true;
        }
        if (seen.after) app.handedTo = [...(standIn.handedTo ?? []), { at: builder.sourceCode.text.length, app: seen.after }];
      }
    } catch (error) {
      caught(error, 'project model: importedAppAsSeen');
      app = undefined;
    } finally {
      this.reading = outer;
    }
    if (outer) for (const analysis of read) outer.add(analysis);
    known.set(standIn, { app, generation, checked: this.stats, read: [...read].map((analysis) => ({ analysis, uses: analysis.uses })) });
    return app;
  }

  /** Per importer model: `importedAppAsSeen`'s answers, with the generation of the import index and the files they read. */
  private readonly seenAs = new WeakMap<
    ModelBuilder,
    Map<ExpressApp, { app: ExpressApp | undefined; generation: object; checked: object; read: { analysis: Analysis; uses: ModelBuilder | null }[] }>
  >();
  /** While `importedAppAsSeen` works one out: the files whose models it read (`usesOf`). */
  private reading: Set<Analysis> | null = null;

  /**
   * A router of another file of the package that `file` adds routes to (`const router = require('./router');
   * router.post('/login', ...)`), which a third file mounts (`app.use('/auth', require('./routes/router'))`): Express
   * runs a router's routes when a request reaches the router, whenever they were added, so they get the chain the
   * router's own file gets from the link (`link`): what that file mounts on it (`before`), then the one mount, with
   * its path and what the app that mounts it ran before it (what this file mounts on it before a route counts too).
   * The stand-in gets that mount, and a name after the router and its mount. Unknown (`null`), and left as it was, when: the
   * router is mounted in more than one place or in none, its file or another hands it to code (or re-exports it
   * from a file that changes it: its file's router is a stand-in itself), this file hands it on or exports it, an
   * import cycle joins its file and this one, another file mounts middleware on it (with `use`: where that runs among
   * this file's routes depends on the order the files load in), or a file that imports it shows no use of it.
   */
  private importedRouterMount(builder: ModelBuilder, standIn: ExpressApp, file: string, choice: ParserChoice): ImportedAppSeen | null {
    const origin = standIn.origin!.file;
    const router = standIn.before?.length === 1 ? standIn.before[0]! : null;
    if (!router || origin === file || router.kind !== 'router' || router.origin || router.before || router.nest || router.mounts.length > 0) return null;
    if (router.handedOverAt !== null || router.passedOn || router.leaks || router.handedTo) return null;
    if (standIn.escapes || standIn.passedOn || standIn.leaks || standIn.handedOverAt !== null || standIn.handedTo) return null;
    if (builder.handoffs.some((handoff) => handoff.app === standIn)) return null;
    if (this.importsTransitively(origin, file)) return null;
    const { importers, barrels } = this.importersThroughBarrels(origin, choice);
    const direct = this.importersOf(origin);
    let found: { mount: Mount; standIn: ExpressApp; importer: Analysis } | null = null;
    for (const importer of importers) {
      if (importer === file || importer === origin) continue;
      const analysis = this.usesOf(importer, choice);
      if (!analysis?.uses) return null;
      const ownIn = (uses: ModelBuilder): ExpressApp[] => [...uses.importedApps, ...uses.apps].filter((s) => s.origin?.file === origin);
      // The file that mounts it: linked with its own importers first, as `link` reads it for the router's file (what
      // they do with its app, `app.js` exported and served by server.js, completes the chain above the mount).
      if (ownIn(analysis.uses).some((other) => other.mounts.length > 0)) this.linkAnalysis(analysis, choice, 1);
      const uses = analysis.uses;
      const own = ownIn(uses);
      if (own.length === 0) {
        if (!barrels.has(importer) && (direct.includes(importer) || uses.importedApps.length === 0)) return null;
        continue;
      }
      for (const other of own) {
        // (A barrel that only passes the router on: its importers are among `importers`.)
        if (barrels.has(importer) && other.calls.length === 0 && other.mounts.length === 0 && other.servers.length === 0 && !other.passedOn) continue;
        if (other.escapes || other.passedOn || other.leaks || other.handedOverAt !== null || other.handedTo || other.origin!.path.includes('()')) return null;
        if (uses.handoffs.some((handoff) => handoff.app === other) || other.calls.some(mountsMiddleware)) return null;
        for (const mount of other.mounts) {
          if (found) return null;
          found = { mount, standIn: other, importer: analysis };
        }
      }
    }
    if (!found) return null;
    const { mount, importer } = found;
    // What the mounting file hands its app to before the mount (`require('./config/security')(app)`) runs before it too.
    this.configureHandoffs(importer.uses!, importer.file, choice, null);
    // Named as the router's own file names it (`link`): `'router (routes/router.js:3, mounted in app.js:12)'`.
    const where = `${router.file ?? this.rel(origin)}:${lineOf(router.node)}`;
    const name = router.name.endsWith(` (${where})`) ? router.name.slice(0, -where.length - 3) : router.name;
    return { name: `${name} (${where}, mounted in ${mount.parent.file ?? importer.rel}:${callLine(mount.call.node)})`, mount: mountOfStandIn(mount, found.standIn) };
  }

  /**
   * What the files that import `origin` (an app's file) other than `file` mount on its app before `file` loads (see
   * `linkImportedApps`): `before` is `[]` when none mounts middleware, else the part of the loader's stand-in that comes
   * before its import of `file`; `after` is the middleware the loader mounts at its top level once `file` has loaded (a
   * stand-in in the loader's file: `rateLimit()` and `helmet()` mounted after `require('./routes/auth')`), `null` when
   * none. `null` when that is not known.
   */
  private loadedAfter(file: string, origin: string, choice: ParserChoice): { before: ExpressApp[]; after: ExpressApp | null } | null {
    const { importers, barrels } = this.importersThroughBarrels(origin, choice);
    const direct = this.importersOf(origin);
    let adding: { analysis: Analysis; standIn: ExpressApp } | null = null;
    for (const importer of importers) {
      if (importer === file || importer === origin) continue;
      const analysis = this.usesOf(importer, choice);
      if (!analysis?.uses) return null;
      const uses = analysis.uses;
      const own = [...uses.importedApps, ...uses.apps].filter((s) => s.origin?.file === origin);
      if (own.length === 0) {
        if (!barrels.has(importer) && (direct.includes(importer) || uses.importedApps.length === 0)) return null;
        continue;
      }
      for (const standIn of own) {
        // (A barrel that only passes the app on: its importers are among `importers`.)
        if (barrels.has(importer) && standIn.calls.length === 0 && standIn.mounts.length === 0 && standIn.servers.length === 0 && !standIn.passedOn) continue;
        if (!addsMiddleware(standIn, uses)) continue;
        if (adding) return null;
        adding = { analysis, standIn };
      }
    }
    if (!adding) return { before: [], after: null };
    // The one that mounts middleware must be the file that loads this one: its only importer, at its top level.
    const { analysis: loader, standIn } = adding;
    const loaders = this.importersOf(file);
    if (loaders.length !== 1 || loaders[0] !== loader.file || standIn.mounts.length > 0 || standIn.leaks || standIn.passedOn || standIn.handedTo) return null;
    if (loader.uses!.handoffs.some((handoff) => handoff.app === standIn)) return null;
    const load = loadPoint(loader.sourceCode, (specifier) => this.resolve(loader.file, specifier) === file);
    if (!load) return null;
    const before = standIn.calls.filter((call) => call.node.range[1] <= load.node.range[0]);
    const mountsBefore = before.some(mountsMiddleware);
    // (An `import` runs before the file's code in an ES module, where it is written in compiled TypeScript: what is
    // mounted before it in the text is unknown. What comes after it runs after it in both.)
    if (mountsBefore && load.hoisted) return null;
    // (Only what the loader's own top level mounts: a call in a callback runs at a time this file does not show.)
    const after = standIn.calls.filter((call) => call.node.range[0] >= load.node.range[1] && enclosingFunction(call.node) === null && mountsMiddleware(call));
    return {
      before: mountsBefore ? [newApp('app', standIn.node, standIn.name, { file: standIn.file, calls: before })] : [],
      after: after.length > 0 ? newApp('app', standIn.node, standIn.name, { file: standIn.file, calls: after }) : null,
    };
  }

  /** Whether `from` imports `file`, directly or through other files of the package (the import scan's, no parse). */
  private importsTransitively(from: string, file: string): boolean {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length > 0) {
      for (const next of this.index.resolvedImportsOf(queue.shift()!)) {
        if (next === file) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return false;
  }

  /**
   * What an argument of a handoff holds that the callee's parameter can be bound to (`bindParameterValue`): a value of
   * an installed package, or an instance of a class (or constructor) of the package, `new AuthController(db)` or a
   * variable holding one, named by the class's file and export path. Else `null`: anything else is unknown there.
   */
  private handedValue(importer: Analysis, node: TSESTree.Node, choice: ParserChoice): HandedValue | null {
    const value = importer.uses!.values.get(node);
    if (!value || value.app) return null;
    if (!value.module.startsWith('.')) return { module: value.module, path: value.path, key: `${value.module}\0${value.path.join('\0')}` };
    // (The caller's own parameter that its callers fill with an instance: `(router, ctrl) => { require('./auth')(router, ctrl) }`.)
    const inner = unwrapNode(node);
    const passed = inner.type === T.Identifier ? findVariableOf(importer.sourceCode, inner) : null;
    const instance = passed ? handedInstances.get(importer.uses!)?.get(passed) : undefined;
    if (instance) return instance;
    const made = this.instanceClass(importer.file, value, choice);
    if (!made) return null;
    const madePath = [...made.path, '()'];
    return { module: '', file: made.file, path: madePath, key: `${made.file}\0${madePath.join('\0')}` };
  }

  /** For `new C(...)` of a class of the package (a value of another file, made by `new`), where `C` is defined. */
  private instanceClass(from: string, value: ModuleValue, choice: ParserChoice): { file: string; path: readonly string[] } | null {
    if (value.app || !value.module.startsWith('.') || value.node.type !== T.NewExpression || value.path.at(-1) !== '()') return null;
    return this.exportOf(from, value.module, value.path.slice(0, -1), choice);
  }

  /**
   * The values an argument of a handoff holds at each key (`handedValue`, `null` where unknown), when it is an object
   * the caller shows whole: an object literal with static keys and no spread (`{ db, passport }`), a `const` of the
   * caller holding one that it only reads members of and hands to functions of the package (`constObject`), or a
   * parameter of the caller that its own callers hand such an object (`handedObjects`: `require('./auth')(app, deps)`).
   * Else `null`.
   */
  private handedObject(importer: Analysis, node: TSESTree.Node, choice: ParserChoice): ReadonlyMap<string, HandedValue | null> | null {
    let object = unwrapNode(node);
    if (object.type === T.Identifier) {
      const variable = findVariableOf(importer.sourceCode, object);
      if (!variable) return null;
      const passed = handedObjects.get(importer.uses!)?.get(variable);
      if (passed) return passed;
      const held = constObject(variable, importer.uses!.handoffs);
      if (!held) return null;
      object = held;
    }
    if (object.type !== T.ObjectExpression) return null;
    const held = new Map<string, HandedValue | null>();
    for (const property of object.properties) {
      const key = property.type === T.Property && !property.computed && property.kind === 'init' ? staticKey(property) : null;
      if (key === null) return null;
      held.set(key, this.handedValue(importer, (property as TSESTree.Property).value, choice));
    }
    return held;
  }

  /**
   * The exported classes of `file` that keep an app on their instances (`builder.classApps`) and that `importer` only
   * makes instances of to call their methods (`new App().listen(3000)`, `const server = new App(); await
   * server.start()`) or read the app (`new App().app`, a stand-in of its own): those apps, with where the instance
   * is made. `null` when it uses such a class any other way (extends it, hands it or an instance to other code, reads
   * another property or a static one, a method of a class with a superclass): what happens to the app is unknown.
   */
  private instancesOnlyCalled(
    importer: Analysis,
    file: string,
    sourceCode: TSESLint.SourceCode,
    builder: ModelBuilder,
    choice: ParserChoice,
  ): { app: ExpressApp; node: TSESTree.NewExpression; listed?: string[] }[] | null {
    const found: { app: ExpressApp; node: TSESTree.NewExpression; listed?: string[] }[] = [];
    if (builder.classApps.size === 0) return found;
    for (const [node, value] of importer.uses!.values) {
      if (!value.module.startsWith('.') || value.app) continue;
      const target = this.exportOf(importer.file, value.module, value.path, choice);
      if (target?.file !== file) continue;
      const exported = exportedNode(sourceCode, target.path);
      const classNode = exported?.type === T.ClassDeclaration || exported?.type === T.ClassExpression ? exported : null;
      const kept = classNode ? builder.classApps.get(classNode) : undefined;
      const parent = node.parent;
      if (!kept) {
        // The module itself (`require('./app')`, `import * as m`): bound or read by key (followed), else handed on.
        if (target.path.length === 0 && parent?.type !== T.VariableDeclarator && !(parent?.type === T.MemberExpression && parent.object === node)) return null;
        continue;
      }
      // (`const App = require('./app')`: its references are followed. `const server: App`, `typeof App`: types.)
      if (parent?.type === T.VariableDeclarator && parent.init === node && parent.id.type === T.Identifier) continue;
      if (parent?.type === T.TSTypeReference || parent?.type === T.TSTypeQuery || parent?.type === T.TSQualifiedName) continue;
      if (parent?.type !== T.NewExpression || parent.callee !== node || classNode!.superClass) return null;
      // (`new App([new AuthRoute()])`: an element of a list handed to a class of another file of the package, which
      // mounts `route.router` of each in a loop: that file's model says what happens to the app, `listHolders`.)
      const listed = kept.later ? null : this.listHolders(importer, parent, kept.key, choice);
      if (listed) {
        found.push({ app: kept.app, node: parent, listed });
        continue;
      }
      // (An accessor's app, `request(server.getServer())`, handed to a test client: served, nothing added.)
      const testClient = (call: TSESTree.CallExpression): boolean => {
        const callee = importer.uses!.values.get(call.callee);
        return callee !== undefined && TEST_CLIENTS.has(callee.module) && callee.path.length === 0;
      };
      if (!onlyCallsMethods(importer.sourceCode, parent, classNode!, kept.key, kept.later, accessorMethods(classNode!, kept.key, sourceCode.visitorKeys), testClient)) return null;
      found.push({ app: kept.app, node: parent });
    }
    return found;
  }

  /**
   * The files of the classes that an instance made in `importer` is handed to as an element of an array literal, when
   * that is all that is done with it: `new AuthRoute()` of `new App([new IndexRoute(), new AuthRoute()])`
   * (typescript-express-starter's server.ts), or `const authRoute = new AuthRoute(); const app = new App([authRoute])`
   * (its tests), `App` a class of another file of the package. `null` otherwise.
   */
  private listHolders(importer: Analysis, created: TSESTree.NewExpression, key: string, choice: ParserChoice): string[] | null {
    const holder = created.parent;
    let elements: TSESTree.Node[] = [created];
    if (holder?.type === T.VariableDeclarator && holder.init === created && holder.id.type === T.Identifier && holder.parent.parent?.type !== T.ExportNamedDeclaration) {
      const variable = importer.sourceCode.scopeManager?.getDeclaredVariables(holder).find((v) => v.name === (holder.id as TSESTree.Identifier).name);
      if (!variable || variable.references.some((ref) => !ref.init && !ref.isReadOnly())) return null;
      // (A read of another member, `${authRoute.path}/signup` in the starter's tests, or what it holds, `authRoute.auth.service`: not the app.)
      const otherMember = (ref: TSESLint.Scope.Reference): boolean => {
        const member = ref.identifier.parent;
        if (member?.type !== T.MemberExpression || member.object !== ref.identifier || member.computed) return false;
        const name = staticKey(member);
        const outer = member.parent;
        if (name === null || name === key || (outer?.type === T.CallExpression && outer.callee === member)) return false;
        return !(outer?.type === T.AssignmentExpression && outer.left === member) && outer?.type !== T.UpdateExpression && !(outer?.type === T.UnaryExpression && outer.operator === 'delete');
      };
      elements = variable.references.filter((ref) => !ref.init && !otherMember(ref)).map((ref) => ref.identifier as TSESTree.Node);
      if (elements.length === 0) return null;
    }
    const files: string[] = [];
    for (const element of elements) {
      const list = element.parent;
      const call = list?.parent;
      if (list?.type !== T.ArrayExpression || !list.elements.includes(element as TSESTree.Expression)) return null;
      if (call?.type !== T.NewExpression || !call.arguments.includes(list)) return null;
      const callee = importer.uses!.values.get(call.callee);
      if (!callee || callee.app || !callee.module.startsWith('.')) return null;
      const target = this.exportOf(importer.file, callee.module, callee.path, choice);
      if (!target || target.file === importer.file) return null;
      if (!files.includes(target.file)) files.push(target.file);
    }
    return files;
  }

  /**
   * The files whose classes the importers hand instances of this file's exported classes to in a list (`listHolders`),
   * linked: their models mount those instances' apps (`bindParameterList`), so they are importers of this file's apps
   * too. `null` when one cannot be read, or does not mount them.
   */
  private listingFiles(importers: readonly Analysis[], file: string, sourceCode: TSESLint.SourceCode, builder: ModelBuilder, choice: ParserChoice, depth: number): Analysis[] | null {
    const holders: Analysis[] = [];
    if (builder.classApps.size === 0) return holders;
    for (const importer of importers) {
      for (const { listed } of this.instancesOnlyCalled(importer, file, sourceCode, builder, choice) ?? []) {
        for (const holder of listed ?? []) {
          if (holder === file || holders.some((h) => h.file === holder) || importers.some((h) => h.file === holder)) continue;
          const analysis = this.usesOf(holder, choice);
          if (!analysis?.uses) return null;
          this.linkAnalysis(analysis, choice, depth + 1);
          // (The loop written out: a stand-in of this file's app mounted there. Else what it does with the instances is unknown.)
          if (!analysis.uses.importedApps.some((standIn) => standIn.origin?.file === file)) return null;
          holders.push(analysis);
        }
      }
    }
    return holders;
  }

  /**
   * What `configureHandoffs` found for each handoff of a model (so once whatever links it): the callee's file as it was
   * parsed then (an edit to it reads it again), and the entry it added to the app's `handedTo`.
   */
  private readonly handedEntries = new WeakMap<object, { source: Analysis | null; entry: { at: number; app: ExpressApp } | null }>();
  /** The stand-in of each parameter of a file's functions that apps are handed to, with its model, per parse of the file. */
  private readonly handedStandIns = new WeakMap<Analysis, Map<string, { standIn: ExpressApp; builder: ModelBuilder } | null>>();
  /** The stand-ins whose handoffs `handedStandIn` is reading (a cycle of handoffs ends at one of them). */
  private readonly configuring = new Set<ExpressApp>();
  /** The model and source of the file of each such stand-in (what its calls' nodes belong to). */
  private readonly standInModels = new WeakMap<ExpressApp, { builder: ModelBuilder; sourceCode: TSESLint.SourceCode }>();

  /**
   * Apps of `builder` (of `file`) handed to functions of other files of the package (`require('./config/security')(app)`):
   * each gets, in `handedTo`, what that function does to it, so that the middleware it mounts (helmet, a limiter, the
   * session) runs in the chains at the point of the call, and counts for the app. Only the apps in `apps` (all when
   * `null`), and only handoffs in the function that holds the app (they run while it registers its routes, in the order
   * written) that end before `before`.
   */
  configureHandoffs(builder: ModelBuilder, file: string, choice: ParserChoice, apps: ReadonlySet<ExpressApp> | null, before = Infinity, depth = 0): void {
    for (const handoff of builder.handoffs) {
      const app = handoff.app;
      if ((apps && !apps.has(app)) || handoff.node.range[1] > before) continue;
      const home = isFunction(app.node) ? app.node : enclosingFunction(app.node);
      // In another function than the one that holds the app, a handoff runs when that function runs: in source order
      // for an app that never leaves the file (as its other calls there: the methods of a class that keeps it), at an
      // unknown time otherwise.
      if (enclosingFunction(handoff.node) !== home && app.escapes) continue;
      try {
        const target = this.exportOf(file, handoff.callee.module, handoff.callee.path, choice);
        const source = target && target.file !== file ? this.parsed(target.file, choice) : null;
        const known = this.handedEntries.get(handoff);
        if (known && known.source === source) {
          // The callee as it was: what it hands on may have changed (`handedStandIn` checks that again).
          if (source && known.entry) this.handedStandIn(source, target!.path, handoff.index, handoff.key, choice, depth);
          continue;
        }
        // First seen, or the callee was edited since: what it added goes.
        if (known?.entry) app.handedTo = (app.handedTo ?? []).filter((entry) => entry !== known.entry);
        const standIn = source ? this.handedStandIn(source, target!.path, handoff.index, handoff.key, choice, depth) : null;
        const entry: HandedTo | null = standIn ? { at: handoff.node.range[1], app: standIn } : null;
        // An async function whose promise the caller does not wait for: what it does after its first `await` comes
        // after the caller has gone on (`promiseWait`).
        const wait = entry ? promiseWait(handoff.node, builder.sourceCode.visitorKeys) : null;
        const deferredFrom = wait !== null ? firstAwait(standIn!.node as TSESTree.Node, source!.sourceCode.visitorKeys) : null;
        if (entry && deferredFrom !== null) {
          entry.deferredFrom = deferredFrom;
          entry.deferredAt = wait!;
        }
        // (A new array: `handedCalls` keeps its answer for the array it read.)
        if (entry) app.handedTo = [...(app.handedTo ?? []), entry];
        // A function that cannot be followed to the parameter the app fills (`(options) => options.app.use(helmet())`,
        // an export the model cannot find), or that hands the app to code the model does not show (another package's
        // function, past the bound of handoffs), may do anything with it: the app leaves there, as if handed to that code.
        if (!standIn || standIn.passedOn) handedToUnknown(app, handoff.node);
        this.handedEntries.set(handoff, { source, entry });
      } catch (error) {
        caught(error, 'project model: configureHandoffs');
        // A function that cannot be read or understood adds nothing: the app's chains stay as its file shows them.
      }
    }
  }

  /** The stand-in for parameter `index` of the function `exportPath` of a parsed file, with the calls it makes on it, or `null`. */
  private handedStandIn(
    analysis: Analysis,
    exportPath: readonly string[],
    index: number,
    key: string | undefined,
    choice: ParserChoice,
    depth: number,
  ): ExpressApp | null {
    let known = this.handedStandIns.get(analysis);
    if (!known) {
      known = new Map();
      this.handedStandIns.set(analysis, known);
    }
    const slot = `${index}\0${key ?? ''}\0${exportPath.join('\0')}`;
    let found = known.get(slot);
    if (found === undefined) {
      found = null;
      const parameter = parameterOf(analysis.sourceCode, exportPath, index, key);
      if (parameter) {
        const { fn, variable } = parameter;
        const builder = new ModelBuilder(analysis.sourceCode, this.hookFor(analysis.file, choice));
        builder.build();
        const standIn = newApp('router', fn as unknown as TSESTree.CallExpression, `${variable.name} (${analysis.rel}:${lineOf(fn)})`, { variable, file: analysis.rel });
        builder.bindParameter(variable, standIn);
        found = { standIn, builder };
        known.set(slot, found);
        this.standInModels.set(standIn, { builder, sourceCode: analysis.sourceCode });
      } else {
        known.set(slot, null);
      }
    }
    if (!found) return null;
    // A function being read further up (`a(app)` calling `b(app)` calling `a(app)` again): what it does is being added.
    if (this.configuring.has(found.standIn)) return found.standIn;
    // What it hands the app on to in turn (`configure(app)` calling `security(app)`), as those files are now; past the
    // bound, unknown.
    if (depth < MAX_HANDOFF_DEPTH) {
      this.configuring.add(found.standIn);
      try {
        this.configureHandoffs(found.builder, analysis.file, choice, new Set([found.standIn]), Infinity, depth + 1);
      } finally {
        this.configuring.delete(found.standIn);
      }
    } else if (found.builder.handoffs.some((handoff) => handoff.app === found.standIn)) {
      found.standIn.passedOn = true;
    }
    return found.standIn;
  }

  /**
   * NestJS across files: the Nest apps whose bootstraps (`NestFactory.create`) import `file`, directly or through
   * other files (its module, their modules), as `nestApps` combines them; `null` when the walk up the importers
   * passes `MAX_NEST_WALK` files (then nothing is known). `own` is the linted file's summary.
   */
  nestAppsOf(file: string, own: NestFileSummary, choice: ParserChoice): NestAppChain[] | null {
    const summaryOf = (target: string): NestFileSummary | null => {
      if (target === file) return own;
      const analysis = this.exportsOf(target, choice);
      const summary = analysis?.exports ? nestSummaryOf(analysis.sourceCode.ast) : null;
      return summary && summary.bootstraps.length > 0 ? this.withHandedSetup(target, summary, choice) : summary;
    };
    const boots: string[] = [];
    const seen = new Set([file]);
    const queue = [file];
    while (queue.length > 0) {
      const current = queue.shift()!;
      if (current === file ? own.bootstraps.length > 0 : mentions(current, CONTROLLER_BOOTSTRAP, this.stat(current)) && (summaryOf(current)?.bootstraps.length ?? 0) > 0) boots.push(current);
      for (const importer of this.importersOf(current)) {
        if (seen.has(importer)) continue;
        if (seen.size >= MAX_NEST_WALK) return null;
        seen.add(importer);
        queue.push(importer);
      }
    }
    return nestApps(boots, summaryOf, (from, specifier) => {
      if (specifier.startsWith('.')) return this.resolve(from, specifier) ?? undefined;
      // An installed package's module registers no guard of the app; a path alias (`src/auth/auth.module`,
      // `@app/core`) that does not resolve to a file here cannot be followed.
      return specifier.startsWith('@nestjs/') || installed(this.root, specifier) ? null : undefined;
    }, (barrel, name) => {
      // A class a barrel passes on (`export * from './tus.module'`, `export { X } from`): the file that declares it.
      const found = this.reexported(barrel, [name], choice, 0);
      return found.file !== barrel && found.path.length === 1 ? { file: found.file, name: found.path[0]! } : null;
    });
  }

  /**
   * A bootstrap file's Nest summary with what the functions of the package it hands its apps to add to them before
   * they start (`setupApp(app)` in `setup.ts`: the session, global pipes and guards), as `withHandedCalls` reads it.
   */
  private withHandedSetup(file: string, summary: NestFileSummary, choice: ParserChoice): NestFileSummary {
    try {
      const builder = this.usesOf(file, choice)?.uses;
      if (!builder || builder.handoffs.length === 0) return summary;
      this.configureHandoffs(builder, file, choice, null);
      const apps = builder.apps.filter((app) => app.nest?.options !== undefined);
      if (apps.length !== summary.bootstraps.length || !apps.some((app) => app.handedTo)) return summary;
      const modelOf = (standIn: ExpressApp): { builder: ModelBuilder; sourceCode: TSESLint.SourceCode } | undefined => this.standInModels.get(standIn);
      return { ...summary, bootstraps: summary.bootstraps.map((bootstrap, i) => withHandedCalls(bootstrap, apps[i]!, handedCalls(apps[i]!), modelOf)) };
    } catch (error) {
      caught(error, 'project model: withHandedSetup');
      return summary;
    }
  }

  /**
   * Cross-file NestJS: the linted file's controllers get the guards and pipes of the app that bootstraps them, and
   * its bootstraps' apps the middleware their modules apply in `configure(consumer)`.
   */
  linkNest(builder: ModelBuilder, sourceCode: TSESLint.SourceCode, file: string, choice: ParserChoice): void {
    const own = nestSummaryOf(sourceCode.ast);
    if (!own || (own.controllers.length === 0 && own.bootstraps.length === 0)) return;
    const apps = this.nestAppsOf(file, own, choice);
    if (!apps) return;
    const rel = (target: string): string => this.rel(target);
    if (own.controllers.length > 0) applyNestApps(builder, sourceCode, apps, file, rel);
    if (own.bootstraps.length > 0) applyNestModuleMiddleware(builder, apps.filter((app) => app.bootFile === file), rel);
  }

  /**
   * `CrossFile.mayGainApps`: (a) or (b) of `HolderState`, or holders hand the file an app or register its functions.
   * The holders are worked out only when `link` would apply what they give (`linksHolders`): for any other file the
   * walk above it could change nothing in its model.
   */
  mayGainApps(file: string, choice: ParserChoice, linksHolders: boolean): boolean {
    if (this.seed(file, choice)) return true;
    if (!linksHolders) return false;
    const state = this.coverAbove(file, choice);
    return state.received.has(file) || state.reachedBy.has(file);
  }

  /** Whether the import scan read `file` as it is now and found no import of a package file in it (outside a workspace). */
  private importsNoPackageFile(file: string): boolean {
    const stat = this.stat(file);
    if (!stat || !this.scanFactsAt(file, stat)) return false;
    return this.index.resolvedImportsOf(file).length === 0 && this.workspace() === null;
  }

  /** (a) or (b) of `HolderState`, or a file the import scan did not read as it is now: a holder to read. */
  private seed(file: string, choice: ParserChoice): boolean {
    const stat = this.stat(file);
    if (!stat) return false;
    const scanned = this.scanFactsAt(file, stat);
    if (!scanned) return true;
    return scanned.makesOwnApp || this.importsAppMakers(file, choice);
  }

  private holderState: HolderState | null = null;

  /** The holders of the current generation of the import index (started over when it is rebuilt, or a file they read was edited). */
  private holders(choice: ParserChoice): HolderState {
    const generation = this.index.generation();
    const now = Date.now();
    if (this.holderState && now - this.holderState.checkedAt > HOLDERS_CHECK_MS && !this.lints.keeps(this.holderState.checkedIn, now)) {
      // An edit that adds or removes an app or a handoff in a file above the linted ones that no lint since has read
      // (none during one run of lints of different files: a CLI lint of Ghost stat'ed every covered file each 500 ms).
      this.holderState.checkedAt = now;
      this.holderState.checkedIn = this.lints.current();
      for (const [file, known] of this.holderState.covered) {
        if (this.edited(file, known)) {
          this.holderState = null;
          break;
        }
      }
    }
    if (this.holderState?.generation !== generation) {
      this.holderState = this.restoredHolders(generation, choice) ?? { generation, covered: new Map(), received: new Map(), processed: new Map(), reachedBy: new Map(), handoffs: new Map(), instances: new Map(), queue: [], checkedAt: Date.now(), checkedIn: this.lints.current(), restored: false, extended: false, parsers: new Set() };
      // What this process works out is kept for later ones, as it is at exit (`keptHolderState`).
      if (!this.holdersKept && keepsResults()) {
        this.holdersKept = true;
        keptHolders.setLater(this.keptKey, () => this.keptHolderState());
      }
    }
    return this.holderState;
  }

  /** The key of this view of the package in `keptHolders` (what `projectOf` keys it by). */
  private get keptKey(): string {
    return `${this.root}\0${this.opened ?? ''}\0${this.entries.join('\0')}`;
  }

  private holdersKept = false;
  private holdersTried = false;

  /**
   * The holders an earlier process worked out for this view of the package (`keptHolders`), once per process, for the
   * first generation of the import index: only when the package's files are the ones they were read from
   * (`ImportIndex.fingerprint`), every other file that process read is as it read it, and the package is in no
   * workspace. Else `null` (the holders are worked out, as without it).
   */
  private restoredHolders(generation: object, choice: ParserChoice): HolderState | null {
    if (this.holdersTried || !keepsResults()) return null;
    this.holdersTried = true;
    try {
      const kept = keptHolders.get(this.keptKey);
      const parsers = choiceKey(choice);
      if (!kept || parsers === null || !kept.x.includes(parsers) || this.workspace() !== null || kept.f !== this.index.fingerprint().print) return null;
      const paths = kept.p;
      for (const [at, mtimeMs, size, ctimeMs] of kept.o) {
        const stat = safeStat(paths[at]!);
        if (size < 0 ? stat !== undefined : stat?.mtimeMs !== mtimeMs || stat.size !== size || stat.ctimeMs !== ctimeMs) return null;
      }
      const statOf = (file: string): { mtimeMs: number; size: number } | null => {
        const scanned = this.index.scanned(file);
        if (scanned) return { mtimeMs: scanned.mtimeMs, size: scanned.size };
        const stat = this.stat(file);
        return stat ? { mtimeMs: stat.mtimeMs, size: stat.size } : null;
      };
      const state: HolderState = { generation, covered: new Map(), received: new Map(), processed: new Map(), reachedBy: new Map(), handoffs: new Map(), instances: new Map(), queue: [], checkedAt: Date.now(), checkedIn: this.lints.current(), restored: true, extended: false, parsers: new Set(kept.x) };
      for (const at of kept.c) state.covered.set(paths[at]!, statOf(paths[at]!));
      for (const [at, params] of kept.d) {
        const stat = statOf(paths[at]!);
        if (stat) state.processed.set(paths[at]!, { params, ...stat });
      }
      for (const [at, list] of kept.r) {
        const handed: Handed = new Map();
        for (const [index, key, exportPath] of list) handed.set(`${index}\0${key ?? ''}\0${exportPath.join('\0')}`, { path: exportPath, index, key: key ?? undefined });
        state.received.set(paths[at]!, handed);
      }
      for (const [at, list] of kept.b) state.reachedBy.set(paths[at]!, list.map((holder) => paths[holder]!));
      for (const [at, count] of kept.h) state.handoffs.set(paths[at]!, count);
      for (const [at, list] of kept.i) {
        const instances = new Map<string, { path: readonly string[]; index: number; file: string }>();
        for (const [index, exportPath, made] of list) instances.set(`${index}\0${exportPath.join('\0')}`, { path: exportPath, index, file: paths[made]! });
        state.instances.set(paths[at]!, instances);
      }
      return state;
    } catch (error) {
      caught(error, 'project model: restoredHolders');
      return null;
    }
  }

  /**
   * The holders as this process leaves them, for later processes (`keptHolders`, written at exit), or `undefined` when
   * there is nothing new to keep (none worked out, or the kept ones taken and not walked further) or they may not stand
   * for the files as they are: worked out on an earlier generation of the import index than its last, with a walk cut
   * short, with a parser setting that cannot be told (`choiceKey`), in a workspace, by a process that took more stats
   * than it remembers, or when a file they may depend on was written within `RACY_MS` before this process's first
   * question about the package (it may have been written again at the same stat after it was read: so a process that
   * saw a file edited, an editor's session, keeps nothing) or has changed since this process first read it.
   *
   * What they depend on: the import index's importers of every covered file at every level (any file of the package
   * may import one: a new file too), the scan's facts of each (a seed makes or imports an app), the models of the
   * holders read (built on their imports' exports models, barrels, factories' files, JSON values: some built before the
   * walk, for another file's lint, and some completed by `link` with what their own importers hand them), and the
   * files `exportOf`, `instanceClass` and `madeByFactory` read. Rather than follow each of those reads, they are kept
   * for the whole package as the import index saw it (`ImportIndex.fingerprint`: every source file's stat, the JSON
   * files beside them, the manifests and tsconfigs) and the other files this process took a stat of (`firstStats`: every
   * file it read): in a process too, the holders start over whenever the index sees any source file changed.
   */
  private keptHolderState(): KeptHolders | undefined {
    const state = this.holderState;
    if (!state || state.queue.length > 0 || state.covered.size === 0 || (state.restored && !state.extended) || !state.parsers) return undefined;
    if (this.firstStats.size >= MAX_FIRST_STATS || this.workspace() !== null || state.generation !== this.index.currentGeneration()) return undefined;
    const { print, newest } = this.index.fingerprint();
    const racy = this.startedAt - RACY_MS;
    if (newest >= racy) return undefined;
    const paths: string[] = [];
    const ids = new Map<string, number>();
    const id = (file: string): number => {
      let at = ids.get(file);
      if (at === undefined) {
        at = paths.length;
        paths.push(file);
        ids.set(file, at);
      }
      return at;
    };
    const others: KeptHolders['o'] = [];
    for (const [file, first] of this.firstStats) {
      if (this.index.knows(file)) continue;
      const now = safeStat(file);
      if (!first) {
        if (now) return undefined;
        others.push([id(file), 0, -1, 0]);
        continue;
      }
      if (now?.mtimeMs !== first[0] || now.size !== first[1] || now.ctimeMs !== first[2] || Math.max(first[0], first[2]) >= racy) return undefined;
      others.push([id(file), first[0], first[1], first[2]]);
    }
    const covered = [...state.covered.keys()].map(id);
    const processed = [...state.processed].map(([file, { params }]): [number, number] => [id(file), params]);
    const received = [...state.received].map(([file, handed]): KeptHolders['r'][number] => [id(file), [...handed.values()].map(({ index, key, path: exportPath }) => [index, key ?? null, [...exportPath]])]);
    const reachedBy = [...state.reachedBy].map(([file, list]): [number, number[]] => [id(file), list.map(id)]);
    const handoffs = [...state.handoffs].map(([file, count]): [number, number] => [id(file), count]);
    const instances = [...state.instances].map(([file, list]): KeptHolders['i'][number] => [id(file), [...list.values()].map(({ index, path: exportPath, file: made }) => [index, [...exportPath], id(made)])]);
    return { f: print, x: [...state.parsers].sort(), p: paths, o: others, c: covered, d: processed, r: received, b: reachedBy, h: handoffs, i: instances };
  }

  /** Whether a file's stat is no longer `known` (what it was when the holders read it). */
  private edited(file: string, known: { mtimeMs: number; size: number } | null | undefined): boolean {
    const stat = this.stat(file) ?? null;
    if (!known || !stat) return !known !== !stat;
    return stat.mtimeMs !== known.mtimeMs || stat.size !== known.size;
  }

  /** Marks a file covered, with its stat now. */
  private cover(state: HolderState, file: string): void {
    const stat = this.stat(file);
    state.covered.set(file, stat ? { mtimeMs: stat.mtimeMs, size: stat.size } : null);
  }

  /**
   * The linted file, as it is now: when the holders were worked out on other content of it (an editor saved an edit,
   * which may add or remove an app or a handoff), they are worked out again.
   */
  touched(file: string): void {
    const state = this.holderState;
    if (state?.covered.has(file) && this.edited(file, state.covered.get(file))) this.holderState = null;
  }

  /**
   * Walks every importer above `file` (the scan's, at every level) once per generation, and reads the handoffs of the
   * holders among them until no holder hands a parameter it did not hand before: then `received` is complete for
   * `file` and every file above it.
   */
  private coverAbove(file: string, choice: ParserChoice): HolderState {
    // A holder found edited while it is read (`parsed`) starts the holders over: read them again, on the new content.
    const parsers = choiceKey(choice);
    for (let attempt = 0; attempt < 3; attempt++) {
      const state = this.holders(choice);
      if (!state.covered.has(file)) {
        if (parsers === null) state.parsers = null;
        else state.parsers?.add(parsers);
      }
      this.readHoldersAbove(file, state, choice);
      if (this.holderState === state) return state;
    }
    return this.holders(choice);
  }

  private readHoldersAbove(file: string, state: HolderState, choice: ParserChoice): void {
    if (state.covered.has(file)) return;
    state.extended = true;
    this.cover(state, file);
    const stack = [file];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (this.seed(current, choice)) {
        state.handoffs.set(current, 0);
        state.queue.push(current);
      } else if (state.received.has(current)) {
        state.queue.push(current);
      }
      for (const importer of this.importersOf(current)) {
        if (state.covered.has(importer)) continue;
        this.cover(state, importer);
        stack.push(importer);
      }
    }
    while (state.queue.length > 0) {
      const holder = state.queue.shift()!;
      const received = state.received.get(holder);
      const stat = this.stat(holder);
      if (state.processed.get(holder)?.params === (received?.size ?? 0) || !stat) continue;
      state.processed.set(holder, { params: received?.size ?? 0, mtimeMs: stat.mtimeMs, size: stat.size });
      try {
        this.readHolder(state, holder, received, choice);
      } catch (error) {
        caught(error, 'project model: readHoldersAbove');
        // A holder that cannot be read or understood hands nothing and reaches nothing (as an unreadable importer).
      }
    }
  }

  /** Records what one holder hands over (`received`, queueing the callees) and whom it reaches (`reachedBy`). */
  private readHolder(state: HolderState, holder: string, received: Handed | undefined, choice: ParserChoice): void {
    holderReads++;
    const model = this.holderModel(holder, received, choice);
    if (!model) return;
    // The holder's parameters that its holders fill with an instance of a class of the package, with the class's file.
    const passedOn = new Map<TSESLint.Scope.Variable, string>();
    for (const { path: exportPath, index, file: made } of state.instances.get(holder)?.values() ?? []) {
      const parameter = parameterOf(model.sourceCode, exportPath, index);
      if (parameter) passedOn.set(parameter.variable, made);
    }
    const reach = (target: { file: string } | null): void => {
      if (!target || target.file === holder) return;
      const list = state.reachedBy.get(target.file) ?? [];
      if (!list.includes(holder)) list.push(holder);
      state.reachedBy.set(target.file, list);
    };
    for (const handoff of model.handoffs) {
      const target = this.exportOf(holder, handoff.callee.module, handoff.callee.path, choice);
      if (!target) continue;
      reach(target);
      // An instance of a class of the package handed beside the app, or in an object (`require('./routes/auth')(router,
      // new AuthController(db))`): the callee may register its methods on routes (`handedValue`), as a file that
      // registers a function the class's file exports does: it reaches that file.
      // So does one the holder was handed that way and hands on as it is (`require('./auth')(router, ctrl)` in
      // routes/index.js): the class's file is reached from each route module down (`HolderState.instances`).
      const offset = handoff.viaCall ? 1 : 0;
      handoff.node.arguments.forEach((argument, position) => {
        const node = argument.type === T.SpreadElement ? null : unwrapNode(argument);
        const held = node?.type === T.ObjectExpression ? node.properties.map((p) => (p.type === T.Property ? p.value : null)) : [node];
        for (const item of held) {
          const value = item ? model.values.get(item) : undefined;
          const variable = !value && item?.type === T.Identifier ? findVariableOf(model.sourceCode, item) : null;
          const made = value ? this.instanceClass(holder, value, choice)?.file : variable ? passedOn.get(variable) : undefined;
          if (!made || made === target.file) continue;
          const list = state.reachedBy.get(made) ?? [];
          if (!list.includes(target.file)) list.push(target.file);
          state.reachedBy.set(made, list);
          if (item !== node || position < offset) continue;
          // (Positional only: the parameter of the callee that receives it may hand it on in turn.)
          const instances = state.instances.get(target.file) ?? new Map<string, { path: readonly string[]; index: number; file: string }>();
          const key = `${position - offset}\0${target.path.join('\0')}`;
          if (instances.get(key)?.file === made) continue;
          instances.set(key, { path: target.path, index: position - offset, file: made });
          state.instances.set(target.file, instances);
          // (Read now, above the linted file or not: the class's file is reached from the files it hands the instance to.)
          state.processed.delete(target.file);
          state.queue.push(target.file);
        }
      });
      const handoffs = (state.handoffs.get(holder) ?? 0) + 1;
      if (handoffs < (state.handoffs.get(target.file) ?? Infinity)) state.handoffs.set(target.file, handoffs);
      let list = state.received.get(target.file);
      if (!list) {
        list = new Map();
        state.received.set(target.file, list);
      }
      const key = `${handoff.index}\0${handoff.key ?? ''}\0${target.path.join('\0')}`;
      if (list.has(key)) continue;
      list.set(key, { path: target.path, index: handoff.index, key: handoff.key });
      if (state.covered.has(target.file)) state.queue.push(target.file);
    }
    // Functions of other files registered on its routes (controllers): `link` adds them to those files' models.
    for (const app of [...model.apps, ...model.importedApps]) {
      for (const call of app.calls) {
        if (!call.isRoute && !call.isUse) continue;
        for (const item of model.itemsAsWritten(call)) {
          const value = item.value;
          if (value && !value.app && value.module.startsWith('.')) reach(this.exportOf(holder, value.module, value.path, choice));
          // A route's handler made by a route adapter of the package from a function of another file
          // (`makeCallback(postComment)`): that file too (`addAdaptedController`).
          const node = call.isRoute ? unwrapNode(item.node) : null;
          const argument = node?.type === T.CallExpression && node.arguments.length === 1 ? node.arguments[0]! : null;
          const adapted = argument && argument.type !== T.SpreadElement ? model.values.get(unwrapNode(argument)) : undefined;
          if (adapted && !adapted.app && adapted.module.startsWith('.')) {
            const target = this.exportOf(holder, adapted.module, adapted.path, choice);
            reach(target);
            // (A controller that its file makes by a factory of a third file, `makePostComment({ addComment })`: that file too.)
            if (target) reach(this.madeByFactory(target, choice));
          }
        }
      }
    }
  }

  /**
   * The model of a holder as `link` may see it: its `uses` model, or when holders above hand it parameters, one with
   * those parameters bound to stand-ins (so that an app it hands on, and the routes it adds to it, are seen).
   */
  private holderModel(file: string, received: Handed | undefined, choice: ParserChoice): ModelBuilder | null {
    try {
      if (!received || received.size === 0) return this.usesOf(file, choice)?.uses ?? null;
      const analysis = this.parsed(file, choice);
      if (!analysis) return null;
      const builder = new ModelBuilder(analysis.sourceCode, this.hookFor(file, choice));
      builder.build();
      for (const { path: exportPath, index, key } of received.values()) {
        const parameter = parameterOf(analysis.sourceCode, exportPath, index, key);
        if (!parameter) continue;
        const { fn, variable } = parameter;
        builder.bindParameter(variable, newApp('router', fn as unknown as TSESTree.CallExpression, variable.name, { variable }));
      }
      return builder;
    } catch (error) {
      caught(error, 'project model: holderModel');
      return null;
    }
  }

  /** Per file (until the import index is rebuilt): `importsAppMakers`. */
  private readonly appMakersImported = new PerGeneration<boolean>(() => this.index.generation());

  /**
   * Whether the model of `file` may see an app of another package file (`hookFor`'s `importedApp`): a module it
   * imports may export one (`appSource`). Any file of a workspace may (its packages' imports are no edges of the scan).
   */
  private importsAppMakers(file: string, choice: ParserChoice): boolean {
    let result = this.appMakersImported.get(file);
    if (result === undefined) {
      result = this.workspace() !== null || this.index.resolvedImportsOf(file).some((target) => this.appSource(target, MAX_REEXPORTS, choice));
      this.appMakersImported.set(file, result);
    }
    return result;
  }

  /** Per file and barrel budget (until the import index is rebuilt): `appSource`. */
  private readonly appSources = new PerGeneration<boolean>(() => this.index.generation());

  /**
   * Whether what a package file exports may be an app or router of the package, as `hookFor`'s `importedApp` finds
   * one: the file calls express or a Router (the import scan's text test), or it re-exports a file that may, at most
   * `budget` barrels on (`reexported`'s bound). Whether it re-exports one is read from its parse (`reexportsOf`), and
   * only when a module it imports may export one. A file the scan did not read, or that does not parse, may.
   */
  private appSource(file: string, budget: number, choice: ParserChoice): boolean {
    const scanned = this.index.scanned(file);
    if (!scanned || scanned.createsApp) return true;
    // (A text that passes on none of the modules it imports, `ScannedFile.reexportsImports`: none of their apps.)
    if (budget === 0 || !scanned.reexportsImports) return false;
    // (The budget falls at each step: no import cycle comes back to the same question.)
    const key = `${budget}\0${file}`;
    let result = this.appSources.get(key);
    if (result === undefined) {
      const sources = this.index.resolvedImportsOf(file).filter((target) => target !== file && this.appSource(target, budget - 1, choice));
      result = false;
      // (A text that can re-export none of them, `mayReexportOneOf`, need not be parsed.)
      if (sources.length > 0 && this.mayReexportSourcesAt(file, sources)) {
        const analysis = this.parsed(file, choice);
        result =
          !analysis ||
          reexportsIn(analysis).some((entry) => {
            const target = this.resolve(file, entry.specifier);
            return target !== null && sources.includes(target);
          });
      }
      this.appSources.set(key, result);
    }
    return result;
  }

  private linkAnalysis(analysis: Analysis, choice: ParserChoice, depth: number): void {
    // Past the bound nothing is applied, and the file is not marked: a later, shallower link does it fully.
    if (depth > MAX_LINK_DEPTH) return;
    const seenAt = this.checked.get(analysis);
    if (seenAt !== undefined && seenAt <= depth) return;
    this.checked.set(analysis, depth);
    const holders = this.holders(choice);
    if (analysis.linked) {
      // Still linked with the current content of its importers, and theirs? (An edit to one makes it re-read.)
      const fresh =
        analysis.linkedHolders === holders &&
        analysis.linkedWith.every(({ analysis: importer, uses, linked }) => {
          if (this.parsed(importer.file, choice) !== importer) return false;
          this.linkAnalysis(importer, choice, depth + 1);
          // (An importer read past the bound was not linked then: linked since, in place, it may hand more.)
          return importer.uses === uses && importer.linked === linked;
        });
      if (fresh) return;
      analysis.uses = this.build(analysis, this.hookFor(analysis.file, choice));
      usesBuilds.set(analysis.file, (usesBuilds.get(analysis.file) ?? 0) + 1);
    }
    analysis.linked = true;
    analysis.linkedWith = [];
    analysis.linkedHolders = holders;
    const importers = this.link(analysis.uses!, analysis.sourceCode, analysis.file, choice, depth, false);
    analysis.linkedWith = importers.map((importer) => ({ analysis: importer, uses: importer.uses, linked: importer.linked }));
    for (const app of analysis.uses!.apps) {
      if (app.file) continue;
      app.file = analysis.rel;
      if (!parameterApps.has(app)) app.name = `${app.name} (${analysis.rel}:${lineOf(app.node)})`;
    }
  }
}

const reexports = new WeakMap<Analysis, Reexport[]>();

/**
 * What a file exports at `exportPath` when the path calls a value of a package that the file exports
 * (`module.exports.static = express.static` read as `['static', '()']`): that value with the rest of the path.
 */
function calledExport(builder: ModelBuilder, sourceCode: TSESLint.SourceCode, exportPath: readonly string[]): ModuleValue | undefined {
  for (let k = exportPath.length - 1; k >= 0; k--) {
    if (exportPath[k] !== '()') continue;
    const node = exportedNode(sourceCode, exportPath.slice(0, k));
    const value = node ? heldValue(builder, node) : undefined;
    if (value) return { module: value.module, path: [...value.path, ...exportPath.slice(k)], node: value.node };
  }
  return undefined;
}

/**
 * The module value `node` (a node another file exports) holds in its file's model: its own, or, for the name a
 * destructuring pattern binds (`export const { csrfSynchronisedProtection: formGuard } = csrfSync()`), the binding's.
 */
function heldValue(builder: ModelBuilder, node: TSESTree.Node): ModuleValue | undefined {
  const value = builder.values.get(unwrapNode(node)) ?? builder.values.get(node);
  if (value || node.type !== T.Identifier) return value;
  return builder.bindings.find((b) => b.variable.identifiers.includes(node))?.value;
}

/** The stand-ins of a parameter that callers hand an app (named after the callers, `'app (passed in server.js:64)'`). */
const parameterApps = new WeakSet<ExpressApp>();

/**
 * A value a caller hands a parameter of a function of another file (`Project.handedValue`): a package's value as the
 * caller's model holds it, or with `file`, an instance of a class of the package (`module` is then written from the
 * file of the parameter: `handedModule`). `key` tells two callers' values apart.
 */
interface HandedValue {
  module: string;
  path: readonly string[];
  key: string;
  file?: string;
}

/**
 * Per linked model, its parameters that every caller hands an object holding known values (`bindParameterMembers`),
 * with those values: what the file hands on when it passes the parameter to another file (`require('./auth')(app, deps)`).
 */
const handedObjects = new WeakMap<ModelBuilder, ReadonlyMap<TSESLint.Scope.Variable, ReadonlyMap<string, HandedValue | null>>>();

/** Per linked model, its parameters that every caller fills with an instance of a class of the package (`handedValue`). */
const handedInstances = new WeakMap<ModelBuilder, ReadonlyMap<TSESLint.Scope.Variable, HandedValue>>();

/** The module of a handed value as `file` names it: the package, or the class's file relative to `file`. */
function handedModule(file: string, value: HandedValue): string {
  if (value.file === undefined) return value.module;
  const relative = path.relative(path.dirname(file), value.file).split(path.sep).join('/');
  return relative.startsWith('../') ? relative : `./${relative}`;
}

/**
 * What a parameter holds at each key once one more call hands it `object`: a key whose values differ between calls,
 * or that one call's object does not hold, is unknown (`null`); an argument that is no object the caller shows makes
 * the whole parameter unknown.
 */
function mergedMembers(
  seen: Map<string, HandedValue | null> | null | undefined,
  object: ReadonlyMap<string, HandedValue | null> | null,
): Map<string, HandedValue | null> | null {
  if (seen === null || object === null) return null;
  if (seen === undefined) return new Map(object);
  for (const key of new Set([...seen.keys(), ...object.keys()])) {
    const before = seen.get(key);
    const now = object.get(key);
    if (!before || !now || before.key !== now.key) seen.set(key, null);
  }
  return seen;
}

/**
 * The object literal that a caller's `const` holds, when the caller uses it only to read its members and to hand it to
 * functions of the package as it is (`const deps = { db, passport }; require('./routes')(app, deps)`). Else `null`:
 * a member written (`deps.passport = stub`), the object passed to other code (`Object.assign(deps, ...)`), aliased.
 */
function constObject(variable: TSESLint.Scope.Variable, handoffs: ModelBuilder['handoffs']): TSESTree.ObjectExpression | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return null;
  if (def.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const') return null;
  const init = unwrapNode(def.node.init);
  if (init.type !== T.ObjectExpression) return null;
  const onlyRead = variable.references.every((ref) => {
    if (ref.init) return true;
    if (ref.isWrite()) return false;
    const outer = outermost(ref.identifier as TSESTree.Node);
    const parent = outer.parent;
    if (parent?.type === T.MemberExpression && parent.object === outer) return !isAssigned(outermost(parent));
    return handoffs.some((handoff) => (handoff.node.arguments as TSESTree.Node[]).includes(outer));
  });
  return onlyRead ? init : null;
}

/**
 * `app.use('/auth', authRouter)`: a `use` at a path of something that may have routes (a router or app, a value of
 * another file of the package, a function of the file), not middleware of a package (`app.use('/public',
 * express.static('public'))`, which a bare app factory may mount too).
 */
function mountsRoutesAtPath(call: AppCall): boolean {
  if (!call.isUse) return false;
  const mountsRoutes = (item: MiddlewareItem): boolean => item.value?.app !== undefined || item.value?.module.startsWith('.') === true || item.fn !== undefined;
  if (call.pathNode !== null) return call.middleware.some(mountsRoutes);
  // (A path that is a constant of another module, `router.use(Paths.sec, userRoutes())` with `Paths` of `./paths.js` or
  // of a workspace package: a file's own model reads it with that module only (`readUsePath`). A first argument that
  // reads such a constant, before a router or handler, mounts them at a path.)
  const [first, ...rest] = call.middleware;
  const read = first?.value;
  const node = call.args[0] ? unwrapNode(call.args[0]) : null;
  return (
    read !== undefined &&
    first!.node === node &&
    (node.type === T.MemberExpression || node.type === T.Identifier) &&
    read.app === undefined &&
    read.path.length > 0 &&
    !read.path.includes('()') &&
    rest.some(mountsRoutes)
  );
}

/**
 * The parameter (`index`) of the function that `exportPath` of a file exports, when it is a plain name, or with `key`,
 * the name it destructures that property of the parameter to (`({ app }) => ...` for `expressLoader({ app })`).
 */
function parameterOf(
  sourceCode: TSESLint.SourceCode,
  exportPath: readonly string[],
  index: number,
  key?: string,
): { fn: TSESTree.Node; variable: TSESLint.Scope.Variable } | null {
  // An exported class: what `new Routes(app)` hands its constructor.
  const fn = exportedFunction(sourceCode, exportPath) ?? constructorOf(exportedNode(sourceCode, exportPath));
  let param: TSESTree.Node | undefined = fn?.params[index];
  // `constructor(private readonly app: Application)`: the parameter of a TypeScript parameter property.
  if (param?.type === T.TSParameterProperty) param = param.parameter;
  let id: TSESTree.Node | undefined = param?.type === T.AssignmentPattern ? param.left : param;
  if (key !== undefined) {
    const property = id?.type === T.ObjectPattern ? id.properties.find((p) => p.type === T.Property && !p.computed && staticKey(p) === key) : undefined;
    const value = property?.type === T.Property ? property.value : undefined;
    id = value?.type === T.AssignmentPattern ? value.left : value;
  }
  if (!fn || id?.type !== T.Identifier) return null;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.identifiers.includes(id));
  return variable ? { fn, variable } : null;
}

/**
 * The name a resolver call (`asClass(TodosService)`, with the lifetime calls the row keeps: `.singleton()`) is registered
 * under: its key in the object of `container.register({ ... })`, or the name `container.register('name', ...)` gives it.
 */
function registrationKey(call: TSESTree.CallExpression, row: ContainerRow): string | null {
  let resolver: TSESTree.Node = outermost(call);
  for (let parent = resolver.parent; parent?.type === T.MemberExpression && parent.object === resolver; parent = resolver.parent) {
    const chained = parent.parent;
    if (chained?.type !== T.CallExpression || chained.callee !== parent || !row.keeps.has(staticKey(parent) ?? '')) return null;
    resolver = outermost(chained);
  }
  const holder = resolver.parent;
  const isRegister = (node: TSESTree.Node | undefined): boolean => {
    const callee = node?.type === T.CallExpression ? unwrapNode(node.callee) : null;
    return callee?.type === T.MemberExpression && staticKey(callee) === row.register;
  };
  if (holder?.type === T.Property && holder.value === resolver && !holder.computed && holder.parent.type === T.ObjectExpression) {
    const object = outermost(holder.parent);
    return isRegister(object.parent) && (object.parent as TSESTree.CallExpression).arguments[0] === object ? staticKey(holder) : null;
  }
  if (holder?.type === T.CallExpression && isRegister(holder) && holder.arguments[1] === resolver) {
    const name = holder.arguments[0];
    return name?.type === T.Literal && typeof name.value === 'string' ? name.value : null;
  }
  return null;
}

/** The constructor of a class (`class Routes { constructor(app) { ... } }`), else `null`. */
function constructorOf(node: TSESTree.Node | null): TSESTree.FunctionExpression | null {
  if (node?.type !== T.ClassDeclaration && node?.type !== T.ClassExpression) return null;
  for (const member of node.body.body) {
    if (member.type === T.MethodDefinition && member.kind === 'constructor' && member.value.type === T.FunctionExpression) return member.value;
  }
  return null;
}

/**
 * The line a message names for a call: the line of the method of `a.use(x)` (in a chain written over several lines,
 * `Router().use(a)\n  .use(b)`, the line of that `.use`), else the line the call starts on.
 */
/** Whether `node` is the initializer of a `let` or `var` that its file assigns again (`export let NAME = 'sid'`). */
function reassignedExport(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const declarator = node.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.init !== node || declarator.id.type !== T.Identifier) return false;
  if (declarator.parent?.type === T.VariableDeclaration && declarator.parent.kind === 'const') return false;
  const variable = findVariableOf(sourceCode, declarator.id);
  return !variable || variable.references.some((reference) => reference.isWrite() && !reference.init);
}

function callLine(node: TSESTree.CallExpression | TSESTree.NewExpression): number {
  return node.callee.type === T.MemberExpression ? lineOf(node.callee.property) : lineOf(node);
}

/** The re-exports of a parsed file (computed once per parse). */
function reexportsIn(analysis: Analysis): Reexport[] {
  let list = reexports.get(analysis);
  if (!list) {
    list = reexportsOf(analysis.sourceCode);
    reexports.set(analysis, list);
  }
  return list;
}

const propertyWrites = new WeakMap<Analysis, boolean>();

/**
 * True when a file writes a property of one of its objects other than its exports (`config.cookie.secure = x`,
 * `settings[key] = v`): the values it exports may then differ from what its literals say.
 */
function writesProperties(analysis: Analysis): boolean {
  let result = propertyWrites.get(analysis);
  if (result === undefined) {
    result = false;
    for (const scope of analysis.sourceCode.scopeManager?.scopes ?? []) {
      for (const ref of scope.references) {
        let current: TSESTree.Node = ref.identifier as TSESTree.Node;
        while (current.parent?.type === T.MemberExpression && current.parent.object === current) current = current.parent;
        if (current === ref.identifier) continue;
        const parent = current.parent;
        const target =
          (parent?.type === T.AssignmentExpression && parent.left === current) ||
          parent?.type === T.UpdateExpression ||
          (parent?.type === T.UnaryExpression && parent.operator === 'delete');
        if (target && ref.identifier.name !== 'exports' && ref.identifier.name !== 'module' && !writesOwnEnum(ref)) result = true;
      }
      if (result) break;
    }
    propertyWrites.set(analysis, result);
  }
  return result;
}

/** A write of a compiled TypeScript enum's IIFE to its own parameter (`E["A"] = "a"` in `(function (E) { … })(…)`): the enum being made. */
function writesOwnEnum(ref: TSESLint.Scope.Reference): boolean {
  const def = ref.resolved?.defs.length === 1 ? ref.resolved.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.node.type !== T.FunctionExpression) return false;
  const statement = def.node.parent?.parent;
  // (oxc's form, `var E = function(E) { E["A"] = "a"; return E; }({})`: the declaration's initializer.)
  const call = def.node.parent;
  if (call?.type === T.CallExpression && statement?.type === T.VariableDeclarator && statement.init === call) return oxcEnumInit(call) === def.node;
  return statement?.type === T.ExpressionStatement && compiledEnum(statement)?.fn === def.node;
}

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/**
 * When the caller of an async function gets past what the function does after its first `await`: `null` when it waits
 * for it where it calls it (`await configure(app)`, `.catch(...)` or `Promise.all([...])` awaited), or hands the promise
 * on (`.then(cb)`, returned: the code after runs later, counted at the call); `DEFERRED` when it drops the promise
 * (`configure(app);`, `void configure(app)`, `.catch(...)` not awaited); the position of `await p` when it keeps the
 * promise in a `const` and waits for it later.
 */
function promiseWait(call: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): number | null {
  let node: TSESTree.Node = call;
  for (let step = 0; step < 8; step++) {
    node = outermost(node) as TSESTree.Node;
    const parent = node.parent;
    if (!parent) return null;
    if (parent.type === T.AwaitExpression) return null;
    if (parent.type === T.ExpressionStatement || (parent.type === T.UnaryExpression && parent.operator === 'void')) return DEFERRED;
    if (parent.type === T.MemberExpression && parent.object === node && parent.parent?.type === T.CallExpression && parent.parent.callee === parent) {
      const key = staticKey(parent);
      if (key === 'catch' || key === 'finally') {
        node = parent.parent;
        continue;
      }
      return null;
    }
    if (parent.type === T.ArrayExpression && parent.parent?.type === T.CallExpression && parent.parent.arguments[0] === parent) {
      const callee = unwrapNode(parent.parent.callee);
      const key = callee.type === T.MemberExpression ? staticKey(callee) : null;
      if (callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.object.name === 'Promise' && key && PROMISE_COMBINATORS.has(key)) {
        node = parent.parent;
        continue;
      }
      return null;
    }
    if (parent.type === T.VariableDeclarator && parent.init === node && parent.id.type === T.Identifier) {
      // `const p = configure(app); ...; await p`: at that `await`, in the same function.
      const name = parent.id.name;
      const scope = enclosingFunction(parent);
      const body = scope ? scope.body : (parent.parent.parent as TSESTree.Node | undefined);
      let found: number | null = null;
      if (body) {
        someNode(visitorKeys, body, (n) => {
          if (isFunction(n)) return 'skip';
          if (n.type === T.AwaitExpression && n.argument.type === T.Identifier && n.argument.name === name && n.range[0] > parent.range[1]) {
            found = n.range[0];
            return true;
          }
          return false;
        });
      }
      return found ?? DEFERRED;
    }
    return null;
  }
  return null;
}

/** Where the first `await` (or `for await`) of an async function's own body starts, or `null` (not async, or none). */
function firstAwait(fn: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): number | null {
  if (!isFunction(fn) || !fn.async) return null;
  let first: number | null = null;
  // (`someNode` visits in source order: the first one met is the first written.)
  someNode(visitorKeys, fn.body, (node) => {
    if (isFunction(node)) return 'skip';
    if (node.type === T.AwaitExpression || (node.type === T.ForOfStatement && node.await)) {
      first = node.range[0];
      return true;
    }
    return false;
  });
  return first;
}

/**
 * What the model does for an app handed to code it does not show (`ModelBuilder.leaves`): unknown after the call that
 * hands it (what that call itself registers, a route module's routes, stays known: it is followed or not on its own).
 */
function handedToUnknown(app: ExpressApp, node: TSESTree.Node): void {
  app.escapes = true;
  app.leaks = true;
  app.passedOn = true;
  const at = enclosingFunction(node) === (isFunction(app.node) ? app.node : enclosingFunction(app.node)) ? node.range[1] : -1;
  app.handedOverAt = app.handedOverAt === null ? at : Math.min(app.handedOverAt, at);
}

/**
 * An app that its own file serves (`app.listen(3000)`, also under `if (require.main === module)`, or
 * `http.createServer(app)`) and that leaves the file only by an export (`module.exports = app`, `export default app`):
 * a server, which an importer would run (a test, a process manager) rather than configure. Whatever an importer adds
 * to it runs after the routes the file registers while it loads, so when no importer of the package adds anything,
 * the file shows the whole app. (An exported app its file does not serve, Vercel's `export default app` or a library's,
 * stays unknown: its host configures it.)
 */
function servedAndExported(app: ExpressApp, hosted = false): boolean {
  return (
    app.kind === 'app' &&
    app.escapes &&
    !app.leaks &&
    !app.passedOn &&
    app.handedOverAt === null &&
    !app.nest &&
    (hosted || app.servers.length > 0 || app.calls.some((call) => call.method === 'listen'))
  );
}

/**
 * The app that `file` exports as its default (`export default app`, `module.exports = app`) when a hosting platform
 * serves that export by the file's place in a package that deploys there (`FILE_HOSTS`: Vercel's `api/index.ts`), else
 * `null`. Asked only of a file no file of the package imports; the platform's marker is looked up last.
 */
function hostedDefaultExport(builder: ModelBuilder, sourceCode: TSESLint.SourceCode, file: string): ExpressApp | null {
  if (![...builder.apps, ...builder.importedApps].some((app) => app.escapes && app.kind === 'app')) return null;
  const node = exportedNode(sourceCode, []);
  const app = node ? builder.values.get(node)?.app : undefined;
  if (!app || app.kind !== 'app') return null;
  const root = packageRootOf(file);
  if (root === null) return null;
  const rel = path.relative(root, file).split(path.sep).join('/');
  const host = FILE_HOSTS.find((h) => h.files.test(rel));
  if (!host) return null;
  const manifest = nearestPackageJson(file);
  const deploys = host.dependencies.some((name) => manifest?.dependencies.has(name)) || host.markers.some((marker) => isFile(path.join(root, marker)));
  return deploys ? app : null;
}

/**
 * Whether `created`, an instance of `classNode` made in another file, is only used to call methods of the class
 * (`new App().listen()`, `const server = new App(); server.start();`) or to read its app (`key`): made in a
 * statement of its own or kept in a const-like variable that is not exported. With several methods that use the app
 * after the constructor (`later`), each is called once, in that order, as statements of the block that makes the
 * instance (`server.middleware(); server.routes(); await server.listen();`), an async one awaited unless it is last.
 */
function onlyCallsMethods(
  sourceCode: TSESLint.SourceCode,
  created: TSESTree.NewExpression,
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  key: string,
  later: readonly string[] | null,
  accessors: ReadonlyMap<string, unknown> = new Map(),
  testClient: (call: TSESTree.CallExpression) => boolean = () => false,
): boolean {
  // (Methods and fields holding an arrow function: `start = async () => { ... }`.)
  const instance = instanceMethods(classNode);
  const methods = new Set([...instance.keys()].filter((name) => name !== key));
  const used = (reference: TSESTree.Node): boolean => {
    const parent = reference.parent;
    if (parent?.type !== T.MemberExpression || parent.object !== reference) return false;
    const name = staticKey(parent);
    if (name === key) return true;
    const call = parent.parent;
    if (name === null || !methods.has(name) || call?.type !== T.CallExpression || call.callee !== parent) return false;
    // An accessor hands the app to the importer (`server.getServer()`, src/express/instance-apps.ts
    // `accessorMethods`): only a test client's argument, `request(server.getServer())`, is known to add nothing.
    if (accessors.has(name)) return call.parent?.type === T.CallExpression && call.parent.arguments[0] === call && testClient(call.parent);
    return true;
  };
  const holder = created.parent;
  if (holder?.type === T.ExpressionStatement) return !later;
  if (holder?.type === T.VariableDeclarator && holder.init === created) {
    if (holder.parent.parent?.type === T.ExportNamedDeclaration) return false;
    // `const { app } = new App()`: the app only (a stand-in of its own).
    if (holder.id.type === T.ObjectPattern) return !later && holder.id.properties.every((p) => p.type === T.Property && !p.computed && staticKey(p) === key);
    if (holder.id.type !== T.Identifier) return false;
    const variable = sourceCode.scopeManager?.getDeclaredVariables(holder).find((v) => v.name === (holder.id as TSESTree.Identifier).name);
    if (!variable) return false;
    if (!variable.references.every((reference) => reference.init || (reference.isReadOnly() && used(reference.identifier as TSESTree.Node)))) return false;
    if (!later) return true;
    const calls = variable.references
      .filter((reference) => !reference.init)
      .map((reference) => reference.identifier.parent as TSESTree.MemberExpression)
      .filter((member) => later.includes(staticKey(member) ?? ''))
      .sort((a, b) => a.range[0] - b.range[0]);
    return (
      calls.length === later.length &&
      calls.every((member, i) => {
        const call = member.parent as TSESTree.CallExpression;
        const awaited = call.parent.type === T.AwaitExpression;
        const statement = awaited ? call.parent.parent : call.parent;
        const method = instance.get(later[i]!);
        return (
          staticKey(member) === later[i] &&
          statement?.type === T.ExpressionStatement &&
          statement.parent === holder.parent.parent &&
          (awaited || !method?.fn.async || i === later.length - 1)
        );
      })
    );
  }
  return !later && used(created);
}

/** A `use` with middleware (not only apps and routers) or an `all` route: what runs before later routes. */
function mountsMiddleware(call: AppCall): boolean {
  return (call.isUse && call.middleware.some((item) => !item.value?.app)) || (call.isRoute && !call.isUse && call.method === 'all');
}

/**
 * Whether a stand-in of an imported app (in `uses`, its file's model) may put middleware before routes that other
 * files register on the app: it mounts middleware, hands the app to a function, mounts the app on another app, or
 * lets it go on (re-exported, handed to code not shown).
 */
function addsMiddleware(standIn: ExpressApp, uses: ModelBuilder): boolean {
  if (standIn.mounts.length > 0 || standIn.escapes || standIn.passedOn || standIn.handedOverAt !== null || standIn.handedTo) return true;
  return standIn.calls.some(mountsMiddleware) || uses.handoffs.some((handoff) => handoff.app === standIn);
}

/**
 * True when each call of the exported function at `exportPath` (`['createApp', '()']`) makes a new `app`: the app is
 * made in the function's body by a call of its own (not by another factory, `app.before`, which may keep one), and
 * is held by no variable declared outside it (`if (!cached) cached = express(); return cached;` keeps one).
 */
function madePerCall(sourceCode: TSESLint.SourceCode, app: ExpressApp, exportPath: readonly string[]): boolean {
  const fn = exportedFunction(sourceCode, exportPath.slice(0, -1));
  if (!fn || app.before || app.node.type !== T.CallExpression || !within(fn.body, app.node)) return false;
  const declared = app.variable?.defs[0]?.node;
  return app.variable === null || (app.variable.defs.length === 1 && declared !== undefined && within(fn.body, declared));
}

function within(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The apps whose middleware runs before an app's own (the package's app factory's, `before`, at every level), then the app. */
function appsBefore(app: ExpressApp, depth = 0): ExpressApp[] {
  if (depth > MAX_REEXPORTS) return [app];
  return [...(app.before ?? []).flatMap((earlier) => appsBefore(earlier, depth + 1)), app];
}

/**
 * Where a file loads `target` (`isTarget` says which specifier names it): a `require('./routes/auth')` that is a
 * statement, or the value of a `const`, of the file's top level (also `import x = require()`), or an `import`
 * declaration (`hoisted`: an ES module runs it before its code). `null` when it is elsewhere or not found.
 */
function loadPoint(sourceCode: TSESLint.SourceCode, isTarget: (specifier: string) => boolean): { node: TSESTree.Node; hoisted: boolean } | null {
  const required = (node: TSESTree.Node | null | undefined): boolean => {
    const inner = node ? unwrapNode(node) : null;
    if (inner?.type !== T.CallExpression || inner.callee.type !== T.Identifier || inner.callee.name !== 'require') return false;
    const first = inner.arguments[0];
    return first?.type === T.Literal && typeof first.value === 'string' && isTarget(first.value);
  };
  let found: { node: TSESTree.Node; hoisted: boolean } | null = null;
  for (const statement of sourceCode.ast.body) {
    let hit: { node: TSESTree.Node; hoisted: boolean } | null = null;
    if (statement.type === T.ImportDeclaration && typeof statement.source.value === 'string' && isTarget(statement.source.value)) {
      if (statement.importKind !== 'type') hit = { node: statement, hoisted: true };
    } else if (
      statement.type === T.TSImportEqualsDeclaration &&
      statement.moduleReference.type === T.TSExternalModuleReference &&
      statement.moduleReference.expression.type === T.Literal &&
      typeof statement.moduleReference.expression.value === 'string' &&
      isTarget(statement.moduleReference.expression.value)
    ) {
      hit = { node: statement, hoisted: false };
    } else if (statement.type === T.ExpressionStatement && required(statement.expression)) {
      hit = { node: statement, hoisted: false };
    } else if (statement.type === T.VariableDeclaration && statement.declarations.some((d) => required(d.init))) {
      hit = { node: statement, hoisted: false };
    }
    if (!hit) continue;
    // (Loaded twice: the first runs it.)
    if (found) return found;
    found = hit;
  }
  return found;
}

function newApp(
  kind: 'app' | 'router',
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  name: string,
  extra: Partial<ExpressApp>,
): ExpressApp {
  return { kind, node, name, variable: null, declaration: null, escapes: false, handedOverAt: null, calls: [], mounts: [], servers: [], ...extra };
}

const textTests = new Map<string, { mtimeMs: number; size: number; result: boolean }>();

/** `createsApp` as a text test of `mentions`. */
const CREATES_APP_TEST = { source: 'createsApp', test: createsApp };
/** A text that may add to or take from a list it imports (`routes.push({ method: 'post', ... })`): `LIST_CHANGES` of the model. */
const LIST_CHANGE_TEST = /\.(?:push|unshift|splice)\s*\(/u;

/** Files that the walk from a controller up to its bootstrap visits at most. */
const MAX_NEST_WALK = 200;

/**
 * Whether a file's text matches `pattern` (read once per mtime and size); `stat` when the caller has it already.
 */
function mentions(file: string, pattern: { source: string; test(text: string): boolean }, stat: { mtimeMs: number; size: number } | null | undefined = safeStat(file)): boolean {
  if (!stat) return false;
  const key = `${pattern.source}\0${file}`;
  const cached = textTests.get(key);
  if (cached?.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
  let result = false;
  try {
    result = pattern.test(readFileSync(file, 'utf8'));
  } catch (error) {
    caught(error, 'project model: mentions');
    result = false;
  }
  if (textTests.size >= MAX_ANALYSES) textTests.clear();
  textTests.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, result });
  return result;
}

const installedPackages = new Map<string, boolean>();

/** Whether `specifier`'s package is installed in a `node_modules` at or above the package root. */
function installed(root: string, specifier: string): boolean {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const key = `${root}\0${name}`;
  let result = installedPackages.get(key);
  if (result === undefined) {
    result = false;
    for (let dir = root; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'node_modules', name, 'package.json'))) {
        result = true;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    if (installedPackages.size >= MAX_ANALYSES) installedPackages.clear();
    installedPackages.set(key, result);
  }
  return result;
}

const parses = new Map<string, number>();
/** Holders whose models the walk read (`readHolder`), in this process: for the tests (none when the holders were kept). */
let holderReads = 0;

export function holderReadCount(): number {
  return holderReads;
}

/** How many times this process parsed each other file of a package (tests check "at most once"). */
/**
 * `call` with `fn` as the function of its `item` (a handler of the linted file that another file registers): its
 * middleware is worked out when a chain is first read, as the call's own is. With `app`, on that app (the call's own as
 * its file's lint sees it: `importedAppAsSeen`).
 */
function withHandler(call: AppCall, item: MiddlewareItem, fn: FunctionNode, app?: ExpressApp): AppCall {
  const descriptors = Object.getOwnPropertyDescriptors(call);
  delete (descriptors as Partial<typeof descriptors>).middleware;
  const handled = Object.defineProperties({}, descriptors) as AppCall;
  if (app) handled.app = app;
  let middleware: MiddlewareItem[] | undefined;
  Object.defineProperty(handled, 'middleware', {
    get: () => (middleware ??= call.middleware.map((m) => (m === item ? { ...m, fn } : m))),
    set: (value: MiddlewareItem[]) => {
      middleware = value;
    },
    enumerable: true,
    configurable: true,
  });
  return handled;
}

/**
 * A mount of a stand-in in an importer, for the app it stands for: `index` is the stand-in's item in the mount's chain,
 * found when a chain is first read (reading the chain reads what the other items of that call import: most mounts of
 * the files linked are never asked about).
 */
function mountOfStandIn(mount: Mount, standIn: ExpressApp): Mount {
  let index: number | undefined;
  const found: Mount = { parent: mount.parent, call: mount.call };
  Object.defineProperty(found, 'index', {
    get: () => (index ??= mount.call.middleware.findIndex((item) => item.value?.app === standIn)),
    enumerable: true,
    configurable: true,
  });
  return found;
}

export function parseCounts(): ReadonlyMap<string, number> {
  return parses;
}

/**
 * Files of which the project built the model that sees other files (`usesOf`: the `uses` model), per file, how many
 * times in this process: for the tests (none for a file whose model no question needs).
 */
const usesBuilds = new Map<string, number>();

export function usesBuildCounts(): ReadonlyMap<string, number> {
  return usesBuilds;
}

/**
 * Files whose text the project read from the disk without parsing them (for what they may re-export or pass on:
 * `unparsedText`), per file, in this process: for the tests (none whose facts the import scan holds for that content).
 */
const textReads = new Map<string, number>();

export function textReadCounts(): ReadonlyMap<string, number> {
  return textReads;
}

/** JSON documents read as values (`jsonValue`) a project keeps. */
const MAX_JSON_DOCUMENTS = 64;

/** Texts of files read for their re-exports (`mayReexportAt`) a project keeps. */
const MAX_REEXPORT_TEXTS = 512;

/**
 * How often the holders read are checked for edits (besides the linted file's own, checked on every lint), once the
 * run of lints they were checked in ended (`LintRun`).
 */
const HOLDERS_CHECK_MS = 500;

/** The most files a project remembers its first stat of (`firstStats`): past it, its holders are not kept. */
const MAX_FIRST_STATS = 4 * MAX_SCAN_FILES;

/**
 * The parsers a walk read the holders with, as a text (`HolderState.parsers`): the parser's name and version, the source
 * type and the parser options; `null` when they cannot be told (a parser without a name, options that are no JSON).
 */
function choiceKey(choice: ParserChoice): string | null {
  const parser = choice.parser as { meta?: { name?: unknown; version?: unknown }; name?: unknown; version?: unknown } | null | undefined;
  const name = parser ? (parser.meta?.name ?? parser.name) : 'default';
  const version = parser ? (parser.meta?.version ?? parser.version) : '';
  if (typeof name !== 'string' || (typeof version !== 'string' && version !== undefined)) return null;
  try {
    return `${name}@${version ?? ''}\0${choice.sourceType}\0${JSON.stringify(choice.parserOptions ?? null)}`;
  } catch {
    return null;
  }
}

/**
 * The holders of a view of a package (`HolderState`) as kept between processes (`keptHolders`), with every path once
 * (`p`) and the rest by its index there.
 */
interface KeptHolders {
  /** `ImportIndex.fingerprint` of the package's files the holders were read from. */
  f: string;
  /** `choiceKey` of the parser settings of the lints whose walks read them. */
  x: string[];
  p: string[];
  /** The files outside the scan's sources the process read (a JSON value, a file of a skipped folder), with their mtime, size and ctime; size -1: absent. */
  o: [number, number, number, number][];
  /** `covered`, `processed` (with the received parameters' count), `received`, `reachedBy`, `handoffs`, `instances`. */
  c: number[];
  d: [number, number][];
  r: [number, [number, string | null, string[]][]][];
  b: [number, number[]][];
  h: [number, number][];
  i: [number, [number, string[], number][]][];
}

const KEPT_HOLDER_KEYS: ReadonlySet<string> = new Set(['f', 'x', 'p', 'o', 'c', 'd', 'r', 'b', 'h', 'i']);

/** Whether a value read back is a `KeptHolders` as this build writes it: every index a path's, every count a count. */
function isKeptHolders(value: unknown): value is KeptHolders {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const kept = value as Record<string, unknown>;
  if (Object.keys(kept).length !== KEPT_HOLDER_KEYS.size || !Object.keys(kept).every((key) => KEPT_HOLDER_KEYS.has(key))) return false;
  const { f, x, p, o, c, d, r, b, h, i } = kept;
  if (typeof f !== 'string' || !Array.isArray(x) || x.length === 0 || !x.every((key) => typeof key === 'string') || !Array.isArray(p) || !p.every((file) => typeof file === 'string' && path.isAbsolute(file)) || new Set(p).size !== p.length) return false;
  const at = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) < p.length;
  const count = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;
  const list = (items: unknown, each: (item: unknown[]) => boolean, length: number): boolean =>
    Array.isArray(items) && items.every((item) => Array.isArray(item) && item.length === length && each(item as unknown[]));
  const exportPath = (segments: unknown): boolean => Array.isArray(segments) && segments.every((segment) => typeof segment === 'string');
  const unique = (items: unknown): boolean => Array.isArray(items) && new Set(items.map((item) => (Array.isArray(item) ? item[0] : item))).size === items.length;
  return (
    list(o, ([file, mtimeMs, size, ctimeMs]) => at(file) && Number.isFinite(mtimeMs) && Number.isFinite(ctimeMs) && (size === -1 || count(size)), 4) &&
    Array.isArray(c) && c.every(at) && unique(c) &&
    list(d, ([file, params]) => at(file) && count(params), 2) && unique(d) &&
    list(r, ([file, handed]) => at(file) && list(handed, ([index, key, segments]) => count(index) && (key === null || typeof key === 'string') && exportPath(segments), 3), 2) && unique(r) &&
    list(b, ([file, holders]) => at(file) && Array.isArray(holders) && holders.every(at), 2) && unique(b) &&
    list(h, ([file, n]) => at(file) && count(n), 2) && unique(h) &&
    list(i, ([file, made]) => at(file) && list(made, ([index, segments, target]) => count(index) && exportPath(segments) && at(target), 3), 2) && unique(i)
  );
}

/**
 * The holders of each view of a package (`projectOf`'s key), kept between processes when the loader keeps results: a
 * later process takes them instead of reading the holders again when the package's files are the ones they were read
 * from (`Project.restoredHolders`). A few packages: an editor's, a monorepo's linted ones.
 */
const keptHolders = keptTable<KeptHolders>('holders', { stamp: () => 'holders 1', valid: isKeptHolders, maxEntries: 8 });

const projects = new Map<string, Project>();
const MAX_PROJECTS = 16;
/** Relative specifiers (per folder) whose resolution a project remembers. */
const MAX_RESOLUTIONS = 50_000;

/** The package root of each folder, remembered for `INDEX_TTL_MS` (a `package.json` added is seen after that). */
const roots = new Map<string, { root: string | null; at: number }>();

function projectOf(file: string, entries: readonly string[]): Project | null {
  const dir = path.dirname(file);
  const now = Date.now();
  let known = roots.get(dir);
  if (!known || now - known.at > INDEX_TTL_MS) {
    if (roots.size >= MAX_ANALYSES) roots.clear();
    known = { root: packageRootOf(file), at: now };
    roots.set(dir, known);
  }
  const root = known.root;
  if (!root) return null;
  // (A linted file in a folder the scan skips by name, a published package's `build/`: a view that scans it too.)
  const opened = skippedFolderOf(root, file);
  const key = `${root}\0${opened ?? ''}\0${entries.join('\0')}`;
  let project = projects.get(key);
  if (!project) {
    if (projects.size >= MAX_PROJECTS) projects.delete(projects.keys().next().value!);
    project = new Project(root, entries, opened);
    projects.set(key, project);
  }
  return project;
}

/**
 * Whether a bare specifier of the linted file may name a file of its package or workspace (`@app/users`,
 * `src/users/users.service` under a `baseUrl`, `@acme/users`): read from its tsconfig `paths` and the workspace's
 * package names (cached per package root and folder), without resolving or parsing anything. `false` outside a
 * package on disk.
 */
export function mayNameLocalFile(filename: string, entries: readonly string[], specifier: string): boolean {
  if (!path.isAbsolute(filename)) return false;
  try {
    return projectOf(filename, entries)?.mayNameLocalFile(filename, specifier) ?? false;
  } catch (error) {
    caught(error, 'project model: mayNameLocalFile');
    return false;
  }
}

/**
 * The import hook of a linted file that starts no whole-app walk (`crossFileFor` gives `null`: a job or a data-access
 * module that shows no sign of Express), for the one question a rule may ask of it where it would report otherwise:
 * what a function another module of the package exports is (`importedFunction`, a parse of that module). `null`
 * outside a package on disk.
 */
export function importHookFor(filename: string, sourceCode: { ast: object }, choice: ParserChoice, entries: readonly string[]): ImportHook | null {
  if (!path.isAbsolute(filename) || !isFile(filename)) return null;
  const project = projectOf(filename, entries);
  if (!project) return null;
  project.newLint(filename, sourceCode.ast);
  return project.hookFor(filename, choice);
}

/** What the per-file model needs from the project model for the linted file. */
export interface CrossFile {
  hook: ImportHook;
  /** Applies the importers' facts to the linted file's model (after its own build). */
  link(builder: ModelBuilder, sourceCode: TSESLint.SourceCode): void;
  /**
   * Whether other files may give the linted file's model an app, a router or a handler: it imports a file that makes
   * one (or names a module that does), a holder hands it one, or a holder registers one of its functions on a route.
   */
  mayGainApps(): boolean;
  /** Whether the text of some file of the package may read a JWT from a cookie (`mayReadJwtFromCookies`, no parse). */
  jwtFromCookies(): boolean;
  /** Whether the text of some file of the package names the `query parser` setting (no parse). */
  setsQueryParser(): boolean;
  /** Whether the package's texts set cookies only with a `sameSite` of `'strict'`, `'lax'` or `true` (no parse). */
  setsOnlySameSiteCookies(): boolean;
  /**
   * Whether a module of the package that the linted file imports may pass an installed package on (`module.exports =
   * require('express-session')`): only then may its model hold a value of a package its text does not name. No parse.
   */
  mayImportPackage(): boolean;
}

/**
 * A handler's `(req, res)`, or a parameter named like an app or router (`app`, `router`, `server`, `expressApp`,
 * `application`, in any position; a TypeScript parameter property, `(private readonly app: Application)`, too):
 * importers may register or call it.
 */
const IMPORTERS_MATTER = /\b(?:req|request)\b[^,()]*,\s*(?:res|response)\b|[(,]\s*(?:\{\s*|(?:private|protected|public|readonly)\s+)*(?:app|router|server|expressApp|application)\b[^()]*\)\s*(?::[^={;]+)?(?:=>|\{)/u;



/**
 * The cross-file view of the linted file, or `null` when it is not a file on disk inside a package (RuleTester
 * sources, stdin) or cross-file analysis is off.
 */
export function crossFileFor(
  filename: string,
  sourceCode: TSESLint.SourceCode,
  choice: ParserChoice,
  entries: readonly string[],
): CrossFile | null {
  const text = sourceCode.text;
  // A file that shows no sign of Express (no express, Router, handler or app parameter) never starts the walk. Its
  // parse is not kept either: every file builds a model (secrets, password hashes), and keeping every file's syntax
  // tree costs more in garbage collection than parsing again the few such files a walk may need.
  if (!path.isAbsolute(filename) || !startsWholeAppWalk(text) || !isFile(filename)) return null;
  const project = projectOf(filename, entries);
  if (!project) return null;
  project.newLint(filename, sourceCode.ast);
  // ESLint parsed this file already: the project model reads it through that parse when it needs it. (Not when the
  // parser cannot parse: oxlint's `jsPlugins` hand rules one `SourceCode` object that moves on to the next file.)
  if (sharingFor(sourceCode)) parsedInEslint(choice.parser);
  if (canParse(choice.parser)) project.register(filename, sourceCode);
  project.touched(filename);
  return viewOf(project, filename, text, choice);
}

/** The cross-file view of a file of `project` whose text is `text` (the linted file's, or an importer's: `importerViews`). */
function viewOf(project: Project, filename: string, text: string, choice: ParserChoice): CrossFile {
  return {
    hook: project.hookFor(filename, choice),
    // (What holders give reaches the model only through `link`, which a file without these signs skips, unless one of its
    // own apps leaves it: then it makes an app, a seed.)
    mayGainApps: () => project.mayGainApps(filename, choice, IMPORTERS_MATTER.test(text) || ADAPTED_REQUEST_HINT.test(text)),
    jwtFromCookies: () => project.index.readsJwtFromCookies(),
    setsQueryParser: () => project.index.setsQueryParser(),
    setsOnlySameSiteCookies: () => project.index.setsOnlySameSiteCookies(),
    mayImportPackage: () => project.mayImportPackage(filename, text),
    link: (builder, sourceCode) => {
      // Only what importers can change: an app or router that leaves by an export, handlers, app parameters.
      // (`handedOverAt === null` with `leaks`: returned, e.g. by an exported factory `createApp()`, to a caller that
      // may be another file.)
      const exported = builder.apps.some((app) => app.escapes && (!app.leaks || app.handedOverAt === null));
      if (exported || IMPORTERS_MATTER.test(text) || ADAPTED_REQUEST_HINT.test(text)) project.link(builder, sourceCode, filename, choice, 0, true);
      // What the functions of other files that this file hands its apps to mount on them.
      if (builder.handoffs.length > 0) project.configureHandoffs(builder, filename, choice, null);
      // Apps of other files that this file registers routes on while it loads (`const app = require('../app')`).
      if (builder.importedApps.length > 0) project.linkImportedApps(builder, filename, choice);
      // NestJS: after the link (which may run the model's last step again), so that the other files' items stay.
      if (NEST_CONTROLLER.test(text) || BOOTSTRAP.test(text)) project.linkNest(builder, sourceCode, filename, choice);
      // Dependencies a DI container of the package injects (`({ todosService }) => ...`).
      project.bindContainerParameters(builder, sourceCode, filename, choice);
    },
  };
}

/** A file of the package that imports the linted one, parsed, with its cross-file view (`importerViews`). */
export interface ImporterView {
  file: string;
  /** The file relative to the package root, as messages name it. */
  rel: string;
  sourceCode: TSESLint.SourceCode;
  crossFile: CrossFile;
  /** The linted file relative to the package root (as `ImportedFunction.file` names it). */
  target: string;
  /** Whether `specifier`, written in this file, names the linted file (or, for `importerViews`, a barrel that leads to it). */
  names(specifier: string): boolean;
}

/**
 * The files that the import scan shows importing `filename` (no parse to find them), for the one question of a
 * finding about to be reported there: which of them call one of its functions with request data (`requestDataCallers`
 * in src/express). Only those whose text shows a sign of Express (`startsWholeAppWalk`: nothing else holds request
 * data) are parsed, in path order; `null` when there are more than `MAX_CALLER_FILES` importers (bounded out: the
 * finding names no caller), when the file is not on disk inside a package, or when cross-file reading fails. An
 * importer larger than `MAX_CALLER_BYTES` or that cannot be parsed is left out. Parses are the project's (cached by
 * path and mtime), and the linted file's own parse is registered, so that its functions, as the importers read them,
 * are the nodes the rule holds.
 */
export function importerViews(filename: string, sourceCode: TSESLint.SourceCode, choice: ParserChoice, entries: readonly string[]): ImporterView[] | null {
  const targets = new Set([filename]);
  return viewsOf(filename, sourceCode, choice, entries, (project) => importersThroughBarrels(project, filename, targets), 'importerViews', false, startsWholeAppWalk, targets);
}

/**
 * The importers of `filename` (the import scan's, no parse) with, in place of an importer that shows no sign of Express
 * and whose text may re-export the file whole or all of it (a barrel: `module.exports = { ...require('./users') }`,
 * `export * from './users.service'`, any ESM `export`: `mayReexport`), that barrel's own importers, up to `MAX_REEXPORTS` barrels deep.
 * Each barrel is added to `targets`: the files an importer's specifier may name to reach the linted file's functions
 * (the importer's model then says whether the function it calls is the linted file's); with `barrelsToo`, to the
 * importers as well (a service that shows no sign of Express reads like a barrel: `relayViews`). Stops once past
 * `MAX_CALLER_FILES` importers (`viewsOf` reads none then).
 */
function importersThroughBarrels(project: Project, filename: string, targets: Set<string>, barrelsToo = false, keep: (text: string) => boolean = startsWholeAppWalk): string[] {
  const found: string[] = [];
  let level = [filename];
  for (let depth = 0; level.length > 0; depth++) {
    const next: string[] = [];
    for (const target of level) {
      for (const importer of project.importersOf(target)) {
        if (targets.has(importer) || found.includes(importer)) continue;
        if (depth < MAX_REEXPORTS && isBarrel(importer, keep)) {
          targets.add(importer);
          next.push(importer);
          if (barrelsToo) found.push(importer);
        } else {
          found.push(importer);
        }
      }
    }
    if (found.length > MAX_CALLER_FILES) break;
    level = next;
  }
  return found;
}

/**
 * A file that shows no sign of Express (`keep`: by default `startsWholeAppWalk`) and whose text may re-export a whole
 * module or everything of one (`mayReexport`).
 */
function isBarrel(file: string, keep: (text: string) => boolean = startsWholeAppWalk): boolean {
  const text = callerText(file);
  return text !== null && !keep(text) && mayReexport(text, undefined);
}

/** The text of a file a caller index may read (`viewsOf`, `isBarrel`): a file of at most `MAX_CALLER_BYTES`, else `null`. */
function callerText(file: string): string | null {
  const stat = safeStat(file);
  if (!stat?.isFile() || stat.size > MAX_CALLER_BYTES) return null;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The files of the package whose text may authenticate a route with Passport (the import scan's `authenticates`, no
 * parse: `.authenticate(`, `AuthGuard(`, `defaultStrategy`), parsed as `importerViews` parses importers, for the one
 * question of a finding in a Passport verify callback about to be reported: which routes log in with its strategy (the
 * linted file too, read through its own parse); `null` past `MAX_CALLER_FILES` such files.
 */
export function authenticatingViews(filename: string, sourceCode: TSESLint.SourceCode, choice: ParserChoice, entries: readonly string[]): ImporterView[] | null {
  // (Whatever signs of Express they show: a NestJS guard class's file, `export class LocalAuthGuard extends
  // AuthGuard('local') {}`, or a module's `PassportModule.register({ defaultStrategy })`, shows none.)
  const keep = (text: string): boolean => startsWholeAppWalk(text) || mayAuthenticate(text);
  return viewsOf(filename, sourceCode, choice, entries, (project) => project.index.authenticatingFiles(), 'authenticatingViews', true, keep);
}

/**
 * The file of the package (absolute) and the export path there that `module` names at `valuePath` from the file `from`
 * (`LocalAuthGuard` of `import { LocalAuthGuard } from './local-auth.guard'`), through re-exports (`exportOf`); `null`
 * when it is no file of the package or cross-file reading fails.
 */
export function exportedAt(
  filename: string,
  choice: ParserChoice,
  entries: readonly string[],
  from: string,
  module: string,
  valuePath: readonly string[],
): { file: string; path: readonly string[] } | null {
  try {
    if (!path.isAbsolute(filename)) return null;
    return projectOf(filename, entries)?.exportOf(from, module, valuePath, choice) ?? null;
  } catch (error) {
    caught(error, 'project model: exportedAt');
    return null;
  }
}

/** A value that a file of the package mounts with `use` (`adminRouter` of `app.use('/admin', auth, adminRouter)`). */
export interface MountedValue {
  /** The file that mounts it (absolute: an `ImporterView`'s `file`). */
  from: string;
  /** The module it comes from, as that file names it, and its path there (`ModuleValue`). */
  module: string;
  path: readonly string[];
}

/**
 * The files of the package that define the routers `mounts` name (each file the value is exported from, through
 * re-exports: `exportOf`), other than `except`, parsed as `authenticatingViews` parses its files: for the routes of a
 * router of another file that an authenticating file mounts behind `passport.authenticate(…)` (`app.use('/admin',
 * passport.authenticate('jwt'), adminRouter)`), whose own text need not call it. Asked only with such mounts, once a
 * finding in a verify callback is about to be reported; `null` past `MAX_CALLER_FILES` files.
 */
export function mountedViews(
  filename: string,
  sourceCode: TSESLint.SourceCode,
  choice: ParserChoice,
  entries: readonly string[],
  mounts: readonly MountedValue[],
  except: ReadonlySet<string>,
): ImporterView[] | null {
  if (mounts.length === 0) return [];
  const filesOf = (project: Project): string[] =>
    mounts.flatMap(({ from, module, path: valuePath }) => {
      const file = project.exportOf(from, module, valuePath, choice)?.file;
      return file && !except.has(file) ? [file] : [];
    });
  return viewsOf(filename, sourceCode, choice, entries, filesOf, 'mountedViews', true);
}

/**
 * The files of the package that import one of `files` (the import scan's, through barrels: `importersThroughBarrels`),
 * other than `except`, parsed as `importerViews` parses importers (those that show a sign of Express): for the routes
 * that run middleware one of `files` binds to an export (`exports.requireAdmin = passport.authenticate('admin')` in
 * middleware/auth.js, `app.use('/admin', requireAdmin, adminRouter)` in app.js), whose own text need not call
 * `authenticate`. Asked only with such files, once a finding in a verify callback is about to be reported; `null` past
 * `MAX_CALLER_FILES` importers.
 */
export function importersOfViews(
  filename: string,
  sourceCode: TSESLint.SourceCode,
  choice: ParserChoice,
  entries: readonly string[],
  files: readonly string[],
  except: ReadonlySet<string>,
): ImporterView[] | null {
  if (files.length === 0) return [];
  const targets = new Set(files);
  // (A NestJS controller that tsc compiled, `(0, common_1.UseGuards)(local_auth_guard_1.LocalAuthGuard)`, shows no sign
  // of the walk, and its `exports.AuthController = …` may re-export: it is an importer, not a barrel.)
  const keep = (text: string): boolean => startsWholeAppWalk(text) || COMPILED_NEST_CONTROLLER.test(text);
  const filesOf = (project: Project): string[] => files.flatMap((file) => importersThroughBarrels(project, file, targets, false, keep)).filter((file) => !except.has(file));
  return viewsOf(filename, sourceCode, choice, entries, filesOf, 'importersOfViews', true, keep, targets);
}

/**
 * The files that the import scan shows importing `filename` whose text names `name` (the function of the linted file
 * a finding is about), parsed as `importerViews` parses importers but whatever signs of Express they show: a service
 * that hands its own parameter on to a repository's method. For the second hop of a service-side finding
 * (`requestDataCallers` in src/express), asked only once the first hop found no caller; `null` past `MAX_CALLER_FILES`
 * importers.
 */
export function relayViews(filename: string, sourceCode: TSESLint.SourceCode, choice: ParserChoice, entries: readonly string[], name: string): ImporterView[] | null {
  // (Through barrels too, `repositories/index.ts` with `export * from './orders.repository'`: a service that imports the
  // repository from the barrel. A service's own text may look like a barrel, any ESM `export`: each is a candidate.)
  const targets = new Set([filename]);
  const filesOf = (project: Project): string[] => importersThroughBarrels(project, filename, targets, true);
  return viewsOf(filename, sourceCode, choice, entries, filesOf, 'relayViews', false, (text) => text.includes(name), targets);
}

function viewsOf(
  filename: string,
  sourceCode: TSESLint.SourceCode,
  choice: ParserChoice,
  entries: readonly string[],
  filesOf: (project: Project) => readonly string[],
  label: string,
  withSelf = false,
  /** Which files are parsed, by their text: by default those that show a sign of Express (nothing else holds request data). */
  keep: (text: string) => boolean = startsWholeAppWalk,
  /** The files a view's specifier names to reach the linted file: itself, and the barrels that lead to it. */
  targets: ReadonlySet<string> = new Set([filename]),
): ImporterView[] | null {
  try {
    if (!path.isAbsolute(filename) || !isFile(filename)) return null;
    const project = projectOf(filename, entries);
    if (!project) return null;
    const files = [...new Set(filesOf(project))].filter((file) => withSelf || file !== filename);
    if (files.length > MAX_CALLER_FILES) return null;
    if (files.length === 0) return [];
    if (sharingFor(sourceCode)) parsedInEslint(choice.parser);
    if (canParse(choice.parser)) project.register(filename, sourceCode);
    const views: ImporterView[] = [];
    for (const file of files.sort()) {
      const text = callerText(file);
      if (text === null || !keep(text)) continue;
      const parsed = project.sourceOfFile(file, choice);
      if (!parsed) continue;
      views.push({
        file,
        rel: project.rel(file),
        sourceCode: parsed,
        crossFile: viewOf(project, file, parsed.text, choice),
        target: project.rel(filename),
        names: (specifier) => targets.has(project.resolve(file, specifier) ?? ''),
      });
    }
    return views;
  } catch (error) {
    caught(error, `project model: ${label}`);
    return null;
  }
}
