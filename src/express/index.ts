import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { assignedName, declaredName, isFunction, isNodeOf, mayHoldModuleValue, unwrap, type FunctionNode, type LocalSpecifier, type Node } from './ast';
import {
  constantsReaderOf,
  handedCalls,
  moduleCallsOfFile,
  ModelBuilder,
  pathEquals,
  sourceOf,
  type AdaptedController,
  type AppCall,
  type ExpressApp,
  type Handler,
  type HandlerRole,
  type ImportedFunction,
  type ImportHook,
  type MiddlewareItem,
  type ModuleValue,
} from './model';
import { readOptions, readValue, resolveConst, staticPart, type Across, type OptionsView, type ValueElsewhere } from './options';
import { getRequestData as requestDataOf, requestDataKnown, type RequestData } from './request-data';
import { helperFindings, helperName, passesRequestOn, summaryElsewhere, type HelperFinding } from './helpers-elsewhere';
import { functionSummary, type FunctionSummary, type ParamSink } from '../project/function-summaries';
export { readsCookieState } from '../project/function-summaries';
export { enclosingAdapted, enclosingHandler } from './request-data';
export { FIXED_ORIGIN } from './guards';
export { dependencyOf, express4Dependency, express5Dependency, type DeclaredDependency } from '../util/package-json';
export type { RequestHandler, RequestHandlerKind, RequestHandlers } from './handler-shapes';
import { readSettings, type PluginSettings } from './settings';
import { authenticatingViews, crossFileFor, exportedAt, importerViews, importersOfViews, importHookFor, mayNameLocalFile, mountedViews, relayViews, type CrossFile, type ImporterView } from '../project';
import { authenticatingRoutesIn, bindsAuthenticate, callersText, mountedBehindAuthenticate, nestGuardsIn, relaysIn, requestDataCallersIn, type AuthenticatingRoute, type RequestDataCaller } from './callers';
export type { AuthenticatingRoute } from './callers';
import type { ParserChoice } from '../project/parse';
import { cookieWriteScan, mayReadJwtFromCookies, startsWholeAppWalk } from '../project/scan';
import { tokenAuthentication } from './token-auth';
export { passportStrategies } from './token-auth';
export { passportAuthenticateCall } from './authenticate-steps';
import { sharingFor, withdrawSharedParse } from '../project/shared-parses';
import { caught } from '../util/caught';
import { dependencyOf } from '../util/package-json';
import { QUERY_PARSER_SETTING, SIMPLE_QUERY_PARSER_FROM } from '../data/sinks';

export { callSpan, handedCalls, pathEquals, reportNodeOf } from './model';
export { sourceOf } from './model';
export type { AppCall, ExpressApp, HandedCall, Handler, HandlerRole, ImportedFunction, MiddlewareItem, ModuleValue, Mount } from './model';
export { chosenWhere, elsewhereOf, OptionsView, possibleValues, readOptions, resolveConst, staticValueOf, writtenInEveryEntry, type Choice, type OptionValue, type PossibleValue } from './options';
export { assignedName, declaredName, functionHead, holdsOnlyConstants, isAssigned, isNodeOf, mayHoldModuleValue, isConstantText, literalString, localFunctionOf, sequenceCallee, staticKey, unwrap, outermost, enclosingFunction, enclosingStatement, findVariableOf, isFunction, isNumericType, someNode, objectLiteralsOf, returnedExpressions } from './ast';
export type { FunctionNode } from './ast';
export { parameterOwner, typedParameter, typedRoleOf } from './typed-roles';
export type { Finding, RequestData, Tainted } from './request-data';
export type { PluginSettings, UpstreamProtection } from './settings';
export {
  callWhere,
  describeEntry,
  joinPaths,
  middlewareAfter,
  middlewareChains,
  middlewareNames,
  onlyMiddleware,
  readsNoRequest,
  pathMatches,
  routeFullPath,
  routeFullPaths,
  writtenPath,
  type ChainEntry,
  type MiddlewareChain,
} from './middleware-chain';
import { lineOf } from '../util/lines';
import { andList } from '../util/words';

/** The one model of an Express program, computed once per file and shared by every rule. */
export interface ExpressModel {
  /** Express apps (`express()`) and routers (`express.Router()`), in source order. */
  readonly apps: readonly ExpressApp[];
  /** Functions registered as route handlers or middleware of a known app or router. */
  readonly handlers: readonly Handler[];
  /**
   * Functions of this file that an importer registers on a route through a route adapter of the package
   * (`makeCallback(postComment)`), with the request properties the adapter copies into the object it hands them.
   */
  readonly adapted: readonly AdaptedController[];
  /** Every call (or `new`) of a value that comes from a module, with that value. */
  readonly moduleCalls: readonly { node: TSESTree.CallExpression | TSESTree.NewExpression; callee: ModuleValue }[];
  /**
   * The module calls of the file `node` belongs to: `moduleCalls` for a node of this file; for a node of another file
   * that the model holds (a middleware function of app.js in the chain of a router of this file), that file's, as its
   * own model sees them (none when unknown). Never this file's calls for another file's function.
   */
  moduleCallsOf(node: Node): ExpressModel['moduleCalls'];
  readonly settings: PluginSettings;
  /** What an expression holds when it comes from a module (through casts and parentheses). */
  valueOf(node: Node | null | undefined): ModuleValue | undefined;
  /** True when `node` holds `module` reached by `path` (`is(x, 'express', ['static', '()'])`). */
  is(node: Node | null | undefined, module: string, path: readonly string[]): boolean;
  /** Calls whose callee is `module` reached by `path`: `callsTo('helmet', [])` are the `helmet(...)` calls. */
  callsTo(module: string, path: readonly string[]): (TSESTree.CallExpression | TSESTree.NewExpression)[];
  /** The name of a variable that holds `module` reached by `path` (for fixes that reuse an import). */
  bindingName(module: string, path?: readonly string[]): string | null;
  /** True when the file imports or requires `module` anywhere (as a value). */
  imports(module: string): boolean;
  /** True when an import declaration names `module`, type-only imports included (TS controllers, `Request`). */
  declaresImport(module: string): boolean;
  /**
   * Where the file imports named exports of `module` by name, type-only imports left out: `import { bodyParser as bp }
   * from 'express'` is `{ node: <the specifier>, name: 'bodyParser' }`. (`import { default as x }` is the module itself.)
   */
  namedImports(module: string): readonly { node: TSESTree.ImportSpecifier; name: string }[];
  /**
   * `req`, `res`, `next` or `err` when `node` is that parameter of a known handler (or a `res.status()` chain), or a
   * local alias of one (`const reply = res`, never assigned again: `aliasedIdentifier`).
   */
  roleOf(node: Node | null | undefined): HandlerRole | null;
  /** The handler whose parameter `node` refers to (itself, or through a local alias of it). */
  handlerOf(node: Node | null | undefined): Handler | null;
  /** An option object as the callee sees it (inline, `const`, spreads, later writes). */
  options(node: Node | null | undefined): OptionsView | 'unknown';
  /** The value an expression reads: through a `const`, a never-written `const` object of this file, or a constant of another file (`readValue`). */
  value(node: Node): Node;
  /**
   * Cross-file: the function a value imported from a file of the package is (`auth.login` of
   * `require('../controllers/auth')`), with that file's source, when the project model reads it; else `undefined`.
   */
  functionElsewhere(value: ModuleValue | undefined): ImportedFunction | undefined;
  /**
   * Every expression that holds a value of `module` (its bindings' uses, their properties and calls), in no particular
   * order: a rule asks for these instead of visiting every node (`express.bodyParser`, `app.del`).
   */
  valuesFrom(module: string): readonly { node: Node; value: ModuleValue }[];
}

const cache = new WeakMap<TSESTree.Program, ExpressModel>();
const NO_CALLS: readonly never[] = [];
const TOP_SCOPES = new Set<string>(['global', 'module']);

/** The file's top scope: global, ES module, or the function scope Node wraps a CommonJS file in. */
function isTopScope(scope: TSESLint.Scope.Scope): boolean {
  return TOP_SCOPES.has(scope.type) || (scope.type === 'function' && scope.block.type === 'Program');
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * What a value that may outlive the rule's own lint of the file reads of its context: the file, its parse, the settings
 * and language options, the rule's id, copied now. Such values are cached on a syntax tree, which the project model
 * keeps when it parsed the file for ESLint (src/project/shared-parses.ts) or read it for another file; a rule's context
 * itself would keep ESLint's whole state of that lint alive with it (its file context: the traversal, every rule's
 * listeners, the problems), for the rest of the process. (Not cached by context: oxlint hands a rule one context object
 * for every file.)
 */
export function contextFacts(context: AnyContext): AnyContext {
  return Object.freeze({
    id: context.id,
    filename: context.filename,
    physicalFilename: context.physicalFilename,
    sourceCode: context.sourceCode,
    settings: context.settings,
    languageOptions: context.languageOptions,
  }) as unknown as AnyContext;
}

/**
 * `queryMayHoldObjects` for request data, which its file's syntax tree keeps: asked of the context's facts
 * (`contextFacts`), once, then those are let go.
 */
function queryObjectsOnce(context: AnyContext): () => boolean {
  let facts: AnyContext | null = contextFacts(context);
  let known = false;
  return () => {
    if (facts) {
      known = queryMayHoldObjects(facts);
      facts = null;
    }
    return known;
  };
}

export function getExpressModel(context: AnyContext): ExpressModel {
  // (Every rule asks, at many nodes: the look-up alone is the hot path, kept small for V8's optimising compiler, which
  // compiles what it inlines of a rarely taken branch too.)
  return cache.get(context.sourceCode.ast) ?? buildExpressModel(context);
}

/** The model of the linted file, built (and cached) the first time a rule asks for it. */
function buildExpressModel(context: AnyContext): ExpressModel {
  const sourceCode = context.sourceCode;
  const settings = readSettings(context.settings);
  const started = performance.now();
  const model = buildModel(sourceCode, settings, settings.crossFile ? crossFileOf(context) : null);
  const id = typeof context.id === 'string' ? context.id : '';
  modelTimes.set(id, (modelTimes.get(id) ?? 0) + performance.now() - started);
  builtModels++;
  cache.set(sourceCode.ast, model);
  return model;
}

/**
 * Whether the linted file's model is built already (another rule asked for it): a rule whose candidates cost a question
 * of their own asks for the model, free by then, instead.
 */
export function modelIsBuilt(context: AnyContext): boolean {
  return cache.has(context.sourceCode.ast);
}

/**
 * Milliseconds spent building files' models, per rule that asked first. ESLint's `stats` (and `TIMING`) count that
 * time in the asking rule's own; `npm run bench` reads this to show it apart in its per-rule table.
 */
const modelTimes = new Map<string, number>();
let builtModels = 0;

/** Time spent building models (the cross-file reading included), per rule id that asked for the file's model first. */
export function modelBuildTimes(): ReadonlyMap<string, number> {
  return modelTimes;
}

/** How many files' models this process built: the loader (src/load.ts) writes its code cache after a lint that built some. */
export function modelsBuilt(): number {
  return builtModels;
}

/**
 * With the whole-app model on: whether other files may give the linted file an app, a router or a handler
 * (`CrossFile.mayGainApps`). `false` outside a package on disk and for a file that starts no whole-app walk.
 */
export function wholeAppMayGiveApps(context: AnyContext): boolean {
  // The project model's reading counts as the shared model's time (`modelBuildTimes`), not the asking rule's.
  const started = performance.now();
  try {
    return crossFileOf(context)?.mayGainApps() ?? false;
  } catch (error) {
    caught(error, 'Express model: wholeAppMayGiveApps');
    return true;
  } finally {
    const id = typeof context.id === 'string' ? context.id : '';
    modelTimes.set(id, (modelTimes.get(id) ?? 0) + performance.now() - started);
  }
}

const importsPackage = new WeakMap<TSESTree.Program, boolean>();

/**
 * With the whole-app model on: whether the linted file's model may hold a value of an installed package that its text
 * does not name, passed on by a module of the package it imports (`CrossFile.mayImportPackage`, read from texts). `false`
 * outside a package on disk and for a file that starts no whole-app walk. Once per file.
 */
export function wholeAppMayImportPackage(context: AnyContext): boolean {
  const ast = context.sourceCode.ast;
  let known = importsPackage.get(ast);
  if (known === undefined) {
    const started = performance.now();
    try {
      known = crossFileOf(context)?.mayImportPackage() ?? false;
    } catch (error) {
      caught(error, 'Express model: wholeAppMayImportPackage');
      known = true;
    } finally {
      const id = typeof context.id === 'string' ? context.id : '';
      modelTimes.set(id, (modelTimes.get(id) ?? 0) + performance.now() - started);
    }
    importsPackage.set(ast, known);
  }
  return known;
}

const crossFiles = new WeakMap<TSESTree.Program, CrossFile | null>();

/** The project model's view of the linted file (src/project), or `null` outside a package on disk (once per file). */
function crossFileOf(context: AnyContext): CrossFile | null {
  const ast = context.sourceCode.ast;
  let view = crossFiles.get(ast);
  if (view === undefined) {
    view = crossFileUncached(context);
    crossFiles.set(ast, view);
  }
  return view;
}

function crossFileUncached(context: AnyContext): CrossFile | null {
  try {
    return crossFileFor(context.filename, context.sourceCode, parserChoiceOf(context), readSettings(context.settings).entries);
  } catch (error) {
    caught(error, 'Express model: crossFileUncached');
    return null;
  }
}

function parserChoiceOf(context: AnyContext): ParserChoice {
  const languageOptions = (context.languageOptions ?? {}) as { parser?: unknown; parserOptions?: Record<string, unknown>; sourceType?: string };
  const sourceType = languageOptions.sourceType === 'commonjs' || languageOptions.sourceType === 'script' ? languageOptions.sourceType : 'module';
  const choice: ParserChoice = { parser: languageOptions.parser, parserOptions: languageOptions.parserOptions ?? {}, sourceType };
  // (ESLint's own language parsed the linted file: other files parsed with its options are kept for ESLint's lints of them.)
  const sharing = readSettings(context.settings).shareParses ? sharingFor(context.sourceCode) : null;
  if (sharing) choice.shared = { sharing, languageOptions: context.languageOptions as object, filename: context.filename };
  return choice;
}

const importHooks = new WeakMap<TSESTree.Program, ImportHook | null>();

/**
 * Cross-file: whether the function that `call` names, exported by another module of the package, returns only
 * constant text (its summary's `returnsConstantText`: `Database.sqlHourOffset()` returning one of two SQL texts). Asked
 * also of a file that starts no whole-app walk (a job that runs SQL names no Express), through the project's import
 * hook alone: it may parse that module, so a rule asks it only where it would report otherwise.
 */
export function returnsConstantTextElsewhere(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const model = getExpressModel(context);
  if (!model.settings.crossFile) return false;
  const value = model.valueOf(call.callee);
  if (!value || value.app || !value.module.startsWith('.')) return false;
  const ast = context.sourceCode.ast;
  try {
    let elsewhere = model.functionElsewhere(value);
    if (!elsewhere && !crossFileOf(context)) {
      let hook = importHooks.get(ast);
      if (hook === undefined) {
        hook = importHookFor(context.filename, context.sourceCode, parserChoiceOf(context), model.settings.entries);
        importHooks.set(ast, hook);
      }
      elsewhere = hook?.importedFunction?.(value.module, value.path);
    }
    return elsewhere ? functionSummary(elsewhere.sourceCode, elsewhere.fn, context.sourceCode.visitorKeys).returnsConstantText : false;
  } catch (error) {
    caught(error, 'Express model: returnsConstantTextElsewhere');
    return false;
  }
}

/**
 * Cross-file: whether `node` (`countries` of `const { countries } = require('../utils/countries')`, `import { countries }
 * from ...`, `lists.countries`) holds what another module of the package exports as constant data: an array or object
 * literal of literals that its file never changes (`ImportHook.importedConstant`). How the linted file itself uses it is
 * the rule's to judge. `false` with `crossFile: false`, outside a package on disk, and for anything else. Like
 * {@link returnsConstantTextElsewhere}, asked also of a file that starts no whole-app walk, and it may parse that module:
 * a rule asks it only where it would report otherwise.
 */
export function isConstantElsewhere(context: AnyContext, node: TSESTree.Node): boolean {
  const model = getExpressModel(context);
  if (!model.settings.crossFile) return false;
  const value = model.valueOf(node) ?? model.valueOf(resolveConst(context.sourceCode, node));
  if (!value || value.app || !value.module.startsWith('.') || value.path.includes('()')) return false;
  try {
    return importHookOf(context, model)?.importedConstant?.(value.module, value.path) ?? false;
  } catch (error) {
    caught(error, 'Express model: isConstantElsewhere');
    return false;
  }
}

/**
 * Cross-file: the constant text or number that `node` reads from another module of the package (`KIND` of `const { KIND }
 * = require('../entities/kinds')`, `kinds.KIND`, `import { KIND } from ...`, `EnumChatflowType.CHATFLOW` of `export enum
 * EnumChatflowType { CHATFLOW = 'CHATFLOW' }`, compiled TypeScript's `ChatFlow_1.EnumChatflowType.CHATFLOW` of the
 * enum's IIFE), read there as `staticText` reads a constant of the linted file: a `const` or `exports.KIND = '...'`, not
 * a `let` written again, and nothing from a file that writes properties of its objects. `null` when the linted file
 * writes through a name bound to that module (`kinds.KIND = x`), with `crossFile: false`, and for anything else. Like
 * {@link isConstantElsewhere}, it may parse that module: a rule asks it only where it would report otherwise.
 */
export function constantTextElsewhere(context: AnyContext, node: TSESTree.Node): string | number | null {
  const model = getExpressModel(context);
  if (!model.settings.crossFile) return null;
  const sourceCode = context.sourceCode;
  const moduleOf = (read: Node): ModuleValue | null => {
    const value = model.valueOf(read) ?? model.valueOf(resolveConst(sourceCode, read));
    return value && !value.app && value.module.startsWith('.') && !value.path.includes('()') ? value : null;
  };
  try {
    const hook = importHookOf(context, model);
    if (!hook?.importedValue) return null;
    const elsewhere = (read: Node): ValueElsewhere | null => {
      const value = moduleOf(read);
      if (!value || writesInto(sourceCode, value.module, moduleOf)) return null;
      return hook.importedValue!(value.module, value.path) ?? null;
    };
    return staticPart(sourceCode, node, elsewhere);
  } catch (error) {
    caught(error, 'Express model: constantTextElsewhere');
    return null;
  }
}

/**
 * Whether the file writes through a name that holds `module` or a value of it (`kinds.KIND = x`, `kinds.list.push`
 * aside: an assignment, `++`/`--` or `delete` at any depth under it, or the name written itself).
 */
function writesInto(sourceCode: TSESLint.SourceCode, module: string, moduleOf: (node: Node) => ModuleValue | null): boolean {
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const ref of scope.references) {
      if (ref.identifier.type !== 'Identifier' || moduleOf(ref.identifier)?.module !== module) continue;
      if (ref.isWrite() && !ref.init) return true;
      let current: Node = ref.identifier;
      while (current.parent?.type === 'MemberExpression' && current.parent.object === current) current = current.parent;
      if (current === ref.identifier) continue;
      const parent = current.parent;
      if (parent?.type === 'AssignmentExpression' && parent.left === current) return true;
      if (parent?.type === 'UpdateExpression' || (parent?.type === 'UnaryExpression' && parent.operator === 'delete')) return true;
    }
  }
  return false;
}

/** The project's import hook for the linted file: its whole-app view's, or (a file that starts no walk) one of its own. */
function importHookOf(context: AnyContext, model: ExpressModel): ImportHook | null {
  const crossFile = crossFileOf(context);
  if (crossFile) return crossFile.hook;
  const ast = context.sourceCode.ast;
  let hook = importHooks.get(ast);
  if (hook === undefined) {
    hook = importHookFor(context.filename, context.sourceCode, parserChoiceOf(context), model.settings.entries);
    importHooks.set(ast, hook);
  }
  return hook;
}

function buildModel(sourceCode: TSESLint.SourceCode, settings: PluginSettings, crossFile: CrossFile | null): ExpressModel {
  const builder = new ModelBuilder(sourceCode, crossFile?.hook);
  builder.build();
  if (crossFile) {
    try {
      crossFile.link(builder, sourceCode);
    } catch (error) {
      caught(error, 'Express model: buildModel');
      // Another file that cannot be read or understood leaves this file's model as it is.
    }
  }
  const valueOf = (node: Node | null | undefined): ModuleValue | undefined =>
    node ? (builder.values.get(node) ?? builder.values.get(unwrap(node))) : undefined;
  const handlerOf = (node: Node | null | undefined): Handler | null => {
    if (!node) return null;
    const inner = unwrap(node);
    return inner.type === 'Identifier' ? (builder.roleAndHandler(inner)?.handler ?? null) : null;
  };
  /** Modules of the package whose values this file writes (`config.cookie.secure = true`): what they export is not what it reads. */
  let written: Set<string> | undefined;
  const valueElsewhere = (node: Node): ValueElsewhere | null => {
    const value = valueOf(node) ?? valueOf(resolveConst(sourceCode, node));
    if (!value || value.app || !value.module.startsWith('.') || !crossFile?.hook.importedValue) return null;
    if (!written) {
      written = new Set();
      for (const [read, held] of builder.values) {
        const parent = read.parent;
        if (parent?.type === 'AssignmentExpression' && parent.left === read && read.type === 'MemberExpression') written.add(held.module);
        if (parent?.type === 'UpdateExpression' || (parent?.type === 'UnaryExpression' && parent.operator === 'delete')) written.add(held.module);
      }
    }
    if (written.has(value.module)) return null;
    try {
      return crossFile.hook.importedValue(value.module, value.path) ?? null;
    } catch (error) {
      caught(error, 'Express model: buildModel');
      return null;
    }
  };
  /**
   * How an option object or a value is read: with this file's source and its imports, or, for a node of another file
   * that this model holds (the options of `session({ ..., cookie })` in app.js, in the chain of a router of this file;
   * middleware another file exports), with that file's own source and imports (`sourceOf`, `constantsReaderOf`): a
   * `const` there is found there, never looked up in this file's scopes, where it stayed unknown.
   */
  const readingOf = (node: Node | null | undefined): { source: TSESLint.SourceCode; across: Across } => {
    const source = crossFile && node ? sourceOf(node) : undefined;
    if (source && source !== sourceCode) return { source, across: { elsewhere: constantsReaderOf(node!), foreign: true } };
    return { source: sourceCode, across: crossFile ? { elsewhere: valueElsewhere } : {} };
  };
  // The module calls and bound modules per module, indexed on first use and extended when the builder has added more
  // since (a cross-file binding adds calls after the model is built): rules ask `callsTo` / `imports` of many modules
  // per file, each a walk over every call of the file before.
  type ModuleCall = (typeof builder.calls)[number];
  const callsByModule = new Map<string, ModuleCall[]>();
  const boundModules = new Set<string>();
  let indexedCalls = 0;
  let indexedBindings = 0;
  const callsOf = (module: string): readonly ModuleCall[] => {
    for (; indexedCalls < builder.calls.length; indexedCalls++) {
      const call = builder.calls[indexedCalls]!;
      const list = callsByModule.get(call.callee.module);
      if (list) list.push(call);
      else callsByModule.set(call.callee.module, [call]);
    }
    return callsByModule.get(module) ?? NO_CALLS;
  };
  const binds = (module: string): boolean => {
    for (; indexedBindings < builder.bindings.length; indexedBindings++) boundModules.add(builder.bindings[indexedBindings]!.value.module);
    return boundModules.has(module);
  };
  return {
    apps: builder.apps,
    handlers: builder.handlers,
    adapted: builder.adapted,
    moduleCalls: builder.calls,
    moduleCallsOf: (node) => {
      const source = crossFile ? sourceOf(node) : undefined;
      return !source || source === sourceCode ? builder.calls : (moduleCallsOfFile(node) ?? NO_CALLS);
    },
    settings,
    valueOf,
    is: (node, module, path) => pathEquals(valueOf(node), module, path),
    callsTo: (module, path) => {
      const found: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
      for (const call of callsOf(module)) if (pathEquals(call.callee, module, path)) found.push(call.node);
      return found;
    },
    bindingName: (module, path = []) =>
      builder.bindings.find((b) => pathEquals(b.value, module, path) && isTopScope(b.variable.scope))?.variable.name ??
      null,
    declaresImport: (module) => builder.declaredImports.has(module),
    namedImports: (module) =>
      builder.bindings.flatMap(({ value }) =>
        value.module === module && value.path.length === 1 && value.node.type === 'ImportSpecifier' ? [{ node: value.node, name: value.path[0]! }] : [],
      ),
    imports: (module) => binds(module) || callsOf(module).length > 0,
    roleOf: (node) => (node ? builder.roleOf(node) : null),
    handlerOf,
    options: (node) => {
      const { source, across } = readingOf(node);
      return readOptions(source, node, 0, across);
    },
    value: (node) => {
      const { source, across } = readingOf(node);
      return readValue(source, node, across);
    },
    functionElsewhere: (value) =>
      value && crossFile && value.module.startsWith('.') ? crossFile.hook.importedFunction?.(value.module, value.path) : undefined,
    valuesFrom: (module) => {
      const values: { node: Node; value: ModuleValue }[] = [];
      for (const [node, value] of builder.values) if (value.module === module) values.push({ node, value });
      return values;
    },
  };
}

/**
 * Every call on an app, with the calls that other files of the package make on the same app (cross-file: its
 * factory's before, its importers' after). Their nodes belong to those files: read them, never report on them.
 */
export function appCallsAcrossFiles(app: ExpressApp): AppCall[] {
  if (!app.before && !app.after && !app.handedTo) return app.calls;
  return [...(app.before ?? []), app, ...(app.after ?? [])].flatMap((a) => (a.handedTo ? [...a.calls, ...handedCalls(a).map((h) => h.call)] : a.calls));
}

/**
 * Whether `app` is an Express app (`express()`), not a router: a parameter that stands in for what callers hand it
 * (`module.exports = (app) => { ... }`, `({ app }) => ...`, `constructor(private app: Application)`) is one when the
 * model sees who hands it over and every one of them hands it an app (through parameters of other functions too).
 * A parameter no caller of the package is seen to hand anything, or that one caller hands a router, is not.
 */
export function isExpressApp(app: ExpressApp, seen = new Set<ExpressApp>()): boolean {
  if (app.kind === 'app') return true;
  if (seen.has(app) || app.mounts.length === 0 || !isFunction(app.node)) return false;
  seen.add(app);
  // (`index: -1`: handed over by a call, `require('./config')(app)`, not mounted with `use`.)
  return app.mounts.every((mount) => mount.index === -1 && isExpressApp(mount.parent, seen));
}

/**
 * Cross-file: where the files that import `app` serve it (`bin/www:8`, `lambda.js:4`): the stand-ins of its importers
 * that pass it to a server (`http.createServer(app)`, `serverless(app)`) or call its `listen`, at most three, as
 * `file:line` in the order the importers are read (`'lambda.js:4 and server.js:3'`); `null` when the app is served in
 * its own file or not seen served.
 */
export function servedIn(app: ExpressApp): string | null {
  const places: string[] = [];
  for (const standIn of app.after ?? []) {
    if (!standIn.file) continue;
    const first = [...standIn.servers.map((s) => s.node), ...standIn.calls.filter((c) => c.method === 'listen').map((c) => c.node)].sort((a, b) => a.range[0] - b.range[0])[0];
    const place = first ? `${standIn.file}:${lineOf(first)}` : null;
    if (place && !places.includes(place)) places.push(place);
  }
  if (places.length === 0) return null;
  return andList(places.slice(0, 3));
}

/** Every middleware item mounted with `use` on an app or router, in source order. */
export function usedMiddleware(app: ExpressApp): { call: AppCall; item: MiddlewareItem }[] {
  // Cross-file: what the package's app factory, the files that import the app and the functions of other files it is
  // handed to (`require('./config/security')(app)`) mount on it count too.
  return appCallsAcrossFiles(app)
    .filter((c) => c.isUse)
    .flatMap((call) => call.middleware.map((item) => ({ call, item })));
}

export { sessionMiddlewares, trustsProxy, type SessionLibrary, type SessionMiddleware } from './sessions';
/**
 * Cross-file: request data that `call` passes to a helper exported by another module of the package, which hands it
 * to a response sink carrying `danger` (`sendTo(res, req.query.next)` with `exports.sendTo = (res, url) =>
 * res.redirect(url)`), or that the helper reads from the handler's request that `call` passes
 * (`redirectBack(req, res, '/home')`, reported at the call).
 */
export function helperSinkFindings(
  context: AnyContext,
  call: TSESTree.CallExpression,
  danger: number,
  kinds?: readonly ParamSink['kind'][],
): readonly HelperFinding[] {
  // Candidate-first: a helper of another module is read through the project's view of the file, which only a file
  // that starts the whole-app walk gets (`crossFileFor`), and only for a call with arguments (`helperFindings`), of a
  // value of another module (before the file's request data is asked for).
  if (call.arguments.length === 0 || !readSettings(context.settings).crossFile || !startsWholeAppWalk(context.sourceCode.text)) return NO_FINDINGS;
  if (!packageValueOf(context, call.callee)) return NO_FINDINGS;
  return helperFindings(getExpressModel(context), getRequestData(context), call, danger, context.sourceCode.visitorKeys, kinds);
}
export type { HelperFinding } from './helpers-elsewhere';

/**
 * Cross-file: the value of another module of the package that `node` holds (`valueOf`: a relative module, not an
 * app), which only such a module's summary can say more of (`functionSummaryElsewhere`, `helperSinkFindings`);
 * `undefined` for anything else. Several rules ask it of every call's callee in a file that starts the whole-app walk:
 * until a rule has built the file's model, the syntax is asked first (`mayHoldModuleValue`), so that a file where no
 * callee may hold a module's value builds none for it; once the model is built, its look-up is the cheaper question.
 */
export function packageValueOf(context: AnyContext, node: TSESTree.Node): ModuleValue | undefined {
  if (!modelIsBuilt(context) && !mayHoldModuleValue(context.sourceCode, node, localSpecifierOf(context))) return undefined;
  const value = getExpressModel(context).valueOf(node);
  return value && !value.app && value.module.startsWith('.') ? value : undefined;
}

const localSpecifiers = new WeakMap<object, LocalSpecifier>();

/**
 * For `mayHoldModuleValue`: whether a bare specifier of the linted file may name a file of its package (its tsconfig
 * `paths` and `baseUrl`, its workspace's packages: `mayNameLocalFile`, no parse), once per specifier and file.
 */
export function localSpecifierOf(context: AnyContext): LocalSpecifier {
  let test = localSpecifiers.get(context.sourceCode.ast);
  if (!test) {
    const known = new Map<string, boolean>();
    const { filename } = context;
    const { entries } = readSettings(context.settings);
    test = (specifier) => {
      let local = known.get(specifier);
      if (local === undefined) {
        local = mayNameLocalFile(filename, entries, specifier);
        known.set(specifier, local);
      }
      return local;
    };
    localSpecifiers.set(context.sourceCode.ast, test);
  }
  return test;
}

/**
 * Whether `call` hands the handler's request to a function that may read request data from it for a sink of `kinds`
 * (as `helperSinkFindings` reads it), from the arguments alone: then a helper of another module is worth reading.
 */
export function passesRequestToHelper(context: AnyContext, call: TSESTree.CallExpression, kinds: readonly ParamSink['kind'][]): boolean {
  return passesRequestOn(getRequestData(context).handlers, call, kinds);
}

const NO_FINDINGS: readonly HelperFinding[] = [];
export type { FunctionSummary, ParamSink, ReturnedRequestData } from '../project/function-summaries';

/**
 * What the function a call names does with its parameters: a helper function of this file (not a handler), or one
 * exported by another module of the package (`functionSummaryElsewhere`, with its file); `null` otherwise.
 */
export function helperSummary(
  context: AnyContext,
  call: TSESTree.CallExpression,
): { summary: FunctionSummary; file: string | null; name: string } | null {
  const handlers = getRequestData(context).handlers;
  const fn = handlers.localFunction(call.callee);
  if (fn) return handlers.handlerOf(fn) ? null : { summary: functionSummary(context.sourceCode, fn, context.sourceCode.visitorKeys), file: null, name: helperName(call.callee) };
  return functionSummaryElsewhere(context, call);
}

/**
 * Cross-file: what a function written in another file of the package does (a middleware function of app.js in the
 * chain of a router of the linted file), read with that file's own source (`sourceOf`); `undefined` for a function of
 * the linted file, or of a file the model has not read.
 */
export function summaryOfFunctionElsewhere(context: AnyContext, fn: FunctionNode): FunctionSummary | undefined {
  if (isNodeOf(context.sourceCode, fn)) return undefined;
  const source = sourceOf(fn);
  return source ? functionSummary(source, fn, source.visitorKeys) : undefined;
}

/**
 * Cross-file: what the function that `call` (or `value`) names, exported by another module of the package, does with
 * its parameters (the project model's summary: sinks they reach, request data it returns, cookie state it reads),
 * with its file and the name the call gives it; `null` when it is not such a function or the project model is off.
 */
export function functionSummaryElsewhere(
  context: AnyContext,
  at: TSESTree.Node | ModuleValue,
): { summary: FunctionSummary; file: string; name: string } | null {
  const model = getExpressModel(context);
  if (!model.settings.crossFile) return null;
  const node = 'type' in at ? (at as TSESTree.Node) : null;
  const value = node ? model.valueOf(node.type === 'CallExpression' ? node.callee : node) : (at as ModuleValue);
  if (!value || value.app || !value.module.startsWith('.')) return null;
  const found = summaryElsewhere(model, value, context.sourceCode.visitorKeys);
  if (!found) return null;
  const name = node ? helperName(node.type === 'CallExpression' ? node.callee : node) : (value.path.filter((s) => s !== '()').at(-1) ?? 'helper');
  return { ...found, name };
}

/**
 * {@link functionSummaryElsewhere} for a middleware item of a route's chain: an item written in another file (the
 * `requireAuth` that app.js mounts before this file's router) is read through that file's own imports
 * (`MiddlewareItem.elsewhere`), since its specifier (`./auth.js`) means a file relative to it; an item of the linted
 * file through the model's. `null` for a function written in a file (`item.fn`), the project model off, or anything
 * else.
 */
export function chainItemSummaryElsewhere(context: AnyContext, item: MiddlewareItem): { summary: FunctionSummary; file: string; name: string } | null {
  if (item.fn) return null;
  if (isNodeOf(context.sourceCode, item.node)) {
    const value = item.value ?? getExpressModel(context).valueOf(item.node);
    return value ? functionSummaryElsewhere(context, value) : null;
  }
  if (!getExpressModel(context).settings.crossFile) return null;
  const elsewhere = item.elsewhere;
  if (!elsewhere) return null;
  const summary = functionSummary(elsewhere.sourceCode, elsewhere.fn, context.sourceCode.visitorKeys, () => elsewhere.moduleCalls ?? []);
  return { summary, file: elsewhere.file, name: item.value?.path.filter((s) => s !== '()').at(-1) ?? 'helper' };
}

/**
 * Whether a route's middleware item authenticates each request by a token and keeps no session
 * (`passport.authenticate('jwt', { session: false })`, `tokenAuthentication`): inline, a `const`, or made by another
 * file of the package (an item it exports, a `use` of an importer's app). The user it sets comes from that token.
 */
export function authenticatesByToken(context: AnyContext, item: MiddlewareItem): boolean {
  return tokenAuthentication(getExpressModel(context), item, () => jwtMayComeFromCookies(context));
}

const jwtFromCookies = new WeakMap<TSESTree.Program, boolean>();

/**
 * Whether passport-jwt may read the token from a cookie (`mayReadJwtFromCookies`: `jwtFromRequest` or
 * `fromExtractors` in a text that names `cookies`): in the linted file's text or, with the whole-app model, in the text
 * of any file of the package, where the strategy is usually configured (`config/passport.js`); read from the import
 * scan's texts, never a parse. Once per file.
 */
export function jwtMayComeFromCookies(context: AnyContext): boolean {
  return packageTextFact(context, jwtFromCookies, mayReadJwtFromCookies(context.sourceCode.text) || undefined, (cross) => cross.jwtFromCookies(), 'jwtMayComeFromCookies');
}

/**
 * A yes-or-no fact of the package's texts (the import scan's, never a parse), once per file: what the linted file's own
 * text decides (`local`), else, with the whole-app model, what the project answers (`ask`); `false` when neither knows.
 */
function packageTextFact(context: AnyContext, memo: WeakMap<TSESTree.Program, boolean>, local: boolean | undefined, ask: (cross: CrossFile) => boolean, label: string): boolean {
  const ast = context.sourceCode.ast;
  let known = memo.get(ast);
  if (known === undefined) {
    known = local ?? false;
    if (local === undefined && getExpressModel(context).settings.crossFile) {
      try {
        const cross = crossFileOf(context);
        known = cross ? ask(cross) : false;
      } catch (error) {
        caught(error, `Express model: ${label}`);
        known = false;
      }
    }
    memo.set(ast, known);
  }
  return known;
}

/**
 * Whether the nearest `package.json` makes the linted file's app run on Express 5 or later (`SIMPLE_QUERY_PARSER_FROM`:
 * express 5 or later, else, without express, @nestjs/platform-express 11 or later): every version its range admits is.
 * `false` when the version is unknown or may be 4 (no `package.json`, a range such as `>=4`).
 */
export function runsOnExpress5(context: { readonly filename: string; readonly sourceCode?: object }): boolean {
  for (const [name, major] of SIMPLE_QUERY_PARSER_FROM) {
    const declared = dependencyOf(context, name);
    if (declared === undefined) return false;
    if (declared === null) continue;
    return declared.min !== null && declared.min.major >= major;
  }
  return false;
}

/**
 * Whether `req.query` may hold objects in the linted file's app: not when the nearest `package.json` makes it Express
 * 5's simple parse (`SIMPLE_QUERY_PARSER_FROM`: express 5 or later, else @nestjs/platform-express 11 or later) and no
 * text names the `query parser` setting, neither the file's nor, with the whole-app model, any file's of the package
 * (the import scan's texts, no parse). A package.json that cannot be read, or a range that admits Express 4, may.
 */
function queryMayHoldObjects(context: AnyContext): boolean {
  if (!runsOnExpress5(context) || QUERY_PARSER_SETTING.test(context.sourceCode.text)) return true;
  if (!getExpressModel(context).settings.crossFile) return false;
  try {
    return crossFileOf(context)?.setsQueryParser() ?? false;
  } catch (error) {
    caught(error, 'Express model: queryMayHoldObjects');
    return false;
  }
}

const sameSiteCookies = new WeakMap<TSESTree.Program, boolean>();

/**
 * Whether the cookies that cookie-parser hands the app are its own `sameSite` ones: with the whole-app model, the
 * package sets cookies, and every `res.cookie(…)` call of its texts (the linted file's too) writes `sameSite: 'strict'`,
 * `'lax'` or `true` as a literal, or spreads or passes an options object that a text of the package writes so
 * (`res.cookie(AUTH_COOKIE, token, { ...COOKIE_DEFAULTS, maxAge })` with `COOKIE_DEFAULTS` of `config/cookies.js`), with
 * no `Set-Cookie` header written otherwise (`cookieWriteScan`: the import scan's texts, never a parse). File by file,
 * not known: `false`. Once per file.
 */
export function setsOnlySameSiteCookies(context: AnyContext): boolean {
  // (A cookie of the linted file's own without a literal `sameSite` or named options decides it here.)
  const local = cookieWriteScan(context.sourceCode.text).writes === 'other' ? false : undefined;
  return packageTextFact(context, sameSiteCookies, local, (cross) => cross.setsOnlySameSiteCookies(), 'setsOnlySameSiteCookies');
}

/** Request data in the file's handlers (computed lazily, memoized per file, shared by every rule). */
export function getRequestData(context: AnyContext): RequestData {
  const model = getExpressModel(context);
  // (Asked at many nodes: the closure only when the file's request data is new.)
  return requestDataKnown(context.sourceCode) ?? requestDataOf(context.sourceCode, model, context.filename, queryObjectsOnce(context));
}

/** Per function of a linted file and parameter: `requestDataCallers`' answer (its importers' models are cached by parse). */
const callersAsked = new WeakMap<FunctionNode, Map<string, readonly RequestDataCaller[]>>();
/** Per linted file: its importers as `requestDataCallers` reads them (once per file, whatever the function). */
const viewsAsked = new WeakMap<TSESTree.Program, readonly ImporterView[]>();

/**
 * Cross-file, asked only when a finding about a parameter of `fn` is about to be reported in the linted file (SQL text
 * a service builds from it): the calls in other files of the package that hand that parameter request data carrying
 * `danger`, first by file and line (`requestDataCallersIn`), read from the importers the import scan shows
 * (`importerViews`: bounded, parsed once per content); `[]` when none is known (the model off, no importer, bounded
 * out: unknown stays unknown).
 */
export function requestDataCallers(context: AnyContext, fn: FunctionNode, param: number, danger: number): readonly RequestDataCaller[] {
  const settings = readSettings(context.settings);
  if (!settings.crossFile || param < 0) return NO_CALLERS;
  let known = callersAsked.get(fn);
  if (!known) {
    known = new Map();
    callersAsked.set(fn, known);
  }
  const key = `${param}:${danger}`;
  let found = known.get(key);
  if (found === undefined) {
    try {
      let views = viewsAsked.get(context.sourceCode.ast);
      if (!views) {
        views = importerViews(context.filename, context.sourceCode, parserChoiceOf(context), settings.entries) ?? [];
        viewsAsked.set(context.sourceCode.ast, views);
      }
      const read = (view: ImporterView): { model: ExpressModel; requestData: RequestData } => {
        const model = modelOfView(view, settings);
        return { model, requestData: requestDataOf(view.sourceCode, model, view.file, queryObjectsOnce(context)) };
      };
      found = views.length === 0 ? NO_CALLERS : requestDataCallersIn(views, read, fn, param, danger, context.sourceCode.visitorKeys);
      if (found.length === 0) found = relayedCallers(context, settings, read, fn, param, danger);
    } catch (error) {
      caught(error, 'Express model: requestDataCallers');
      found = NO_CALLERS;
    }
    known.set(key, found);
  }
  return found;
}

/**
 * The second hop of `requestDataCallers`, once the first found none: the importers of the linted file whose text names
 * `fn` (`relayViews`: a service, whatever signs of Express it shows) and their functions that hand a parameter of their
 * own on to `fn` as it is (`relaysIn`), then the calls of those functions with request data in their own importers
 * (`importerViews`, bounded as the first hop is), each naming the function it went through. Two hops, no more.
 */
function relayedCallers(
  context: AnyContext,
  settings: PluginSettings,
  read: (view: ImporterView) => { model: ExpressModel; requestData: RequestData },
  fn: FunctionNode,
  param: number,
  danger: number,
): readonly RequestDataCaller[] {
  const name = declaredName(fn) ?? assignedName(fn);
  if (!name) return NO_CALLERS;
  const choice = parserChoiceOf(context);
  const keys = context.sourceCode.visitorKeys;
  const found: RequestDataCaller[] = [];
  for (const view of relayViews(context.filename, context.sourceCode, choice, settings.entries, name) ?? []) {
    const relays = relaysIn(view, modelOfView(view, settings), fn, param, keys);
    if (relays.length === 0) continue;
    const outer = importerViews(view.file, view.sourceCode, choice, settings.entries) ?? [];
    for (const relay of relays) {
      for (const caller of requestDataCallersIn(outer, read, relay.fn, relay.param, danger, keys)) {
        found.push({ ...caller, through: { name: relay.name, file: view.rel, line: relay.line } });
      }
    }
  }
  return found.length === 0 ? NO_CALLERS : found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** `requestDataCallers` as a message names them (`, from req.query.q in GET /search (routes/search.js:9) and 1 more`), or `''`. */
export function requestDataCallersText(context: AnyContext, fn: FunctionNode, param: number, danger: number): string {
  return callersText(requestDataCallers(context, fn, param, danger));
}

const NO_CALLERS: readonly RequestDataCaller[] = [];

/** The model of a file of the package read for a question of the linted one (`importerViews`), as a lint of it builds it. */
function modelOfView(view: ImporterView, settings: PluginSettings): ExpressModel {
  let model = cache.get(view.sourceCode.ast);
  if (!model) {
    // (Cached under the view's tree with the linted file's settings: that tree is not handed to ESLint for its lint.)
    withdrawSharedParse(view.sourceCode);
    model = buildModel(view.sourceCode, settings, view.crossFile);
    cache.set(view.sourceCode.ast, model);
  }
  return model;
}

/** Per Passport verify callback of a linted file: `authenticatingRoutes`' answer. */
const routesAsked = new WeakMap<FunctionNode, readonly AuthenticatingRoute[] | null>();

/**
 * Cross-file, asked only when a finding in a Passport verify callback is about to be reported: the routes of the
 * package that log in with the strategy the callback around `node` is registered under (`passport.use(new
 * LocalStrategy(verify))`, `'local'`), first by file and line, each with its model, so that a rule can ask what runs
 * before it; read from the files whose text may call `authenticate` (`authenticatingViews`: the import scan's, bounded).
 * `null` when not known: not in a verify callback, its strategy's name not known, the model off, bounded out, or no
 * such route found.
 */
export function authenticatingRoutes(context: AnyContext, node: TSESTree.Node): readonly AuthenticatingRoute[] | null {
  const settings = readSettings(context.settings);
  if (!settings.crossFile) return null;
  const verify = getRequestData(context).handlers.enclosing(node);
  if (verify?.kind !== 'verify' || !verify.strategy) return null;
  let found = routesAsked.get(verify.fn);
  if (found === undefined) {
    try {
      const choice = parserChoiceOf(context);
      const views = authenticatingViews(context.filename, context.sourceCode, choice, settings.entries);
      const models = (views ?? []).map((view) => ({ view, model: modelOfView(view, settings), rel: view.rel }));
      // The files that import `passport.authenticate(…)` from one that binds it to an export (`exports.requireAdmin =
      // passport.authenticate('admin')` in middleware/auth.js, then `app.use('/admin', requireAdmin, adminRouter)`):
      // their routes are read too, though their text need not call it.
      const exporting = models.filter(({ model }) => bindsAuthenticate(model)).map(({ view }) => view.file);
      const importers = importersOfViews(context.filename, context.sourceCode, choice, settings.entries, exporting, new Set(models.map(({ view }) => view.file))) ?? [];
      for (const view of importers) models.push({ view, model: modelOfView(view, settings), rel: view.rel });
      // The routers of other files that those files mount behind `authenticate` (`app.use('/admin',
      // passport.authenticate('local'), adminRouter)`): their routes are read too, though their text need not call it.
      const mounts = models.flatMap(({ view, model }) => mountedBehindAuthenticate(model, verify.strategy!).map((value) => ({ ...value, from: view.file })));
      const mounted = mountedViews(context.filename, context.sourceCode, choice, settings.entries, mounts, new Set(models.map(({ view }) => view.file))) ?? [];
      for (const view of mounted) models.push({ view, model: modelOfView(view, settings), rel: view.rel });
      // NestJS's guard classes (`class LocalAuthGuard extends AuthGuard('local') {}`) and `AuthGuard()`'s default
      // strategy, as these files show them (each of those files calls `AuthGuard(` or names `defaultStrategy`).
      const guards = nestGuardsIn(
        models.map(({ view, model }) => ({ model, file: view.file, sourceCode: view.sourceCode })),
        (from, value) => exportedAt(context.filename, choice, settings.entries, from, value.module, value.path),
      );
      const routes = views ? authenticatingRoutesIn(models, verify.strategy, guards) : [];
      found = routes.length > 0 ? routes : null;
    } catch (error) {
      caught(error, 'Express model: authenticatingRoutes');
      found = null;
    }
    routesAsked.set(verify.fn, found);
  }
  return found;
}
