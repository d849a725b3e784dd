import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { APP_OWN_PROPERTIES, APP_STATE_READS, ASYNC_HANDLER_WRAPPERS, BUILDER_METHODS, HOST_MOUNTS, HOSTED_APP_SERVERS, HOSTED_APP_SERVERS_BY_OPTION, HTTP_METHODS, NON_SERVING_APP_METHODS, ROUTER_FACTORIES, SERVER_FACTORIES, TEST_CLIENTS } from '../data/express';
import {
  isErrorHandlerFunction,
  ARRAY_MUTATORS,
  aliasedIdentifier,
  enclosingStatement,
  findVariableOf,
  enclosingFunction,
  isFunction,
  literalString,
  localFunctionOf,
  MAX_ALIASES,
  outermost,
  responseChainObject,
  someNode,
  registerFile,
  soleReturn,
  staticKey,
  unwrap,
  type Expression,
  type FunctionNode,
  type Node,
  type Variable,
} from './ast';
import { delegatedCallee, isInteropHelper, wrapsHandler } from './handler-wrappers';
import { memberValueOf, typedParameterMember } from './member-functions';
import { accessorMethods, classField, constructorCalls, instanceUses, laterMethods, runSpan, runsInSourceOrder, thisFunction } from './instance-apps';
import { addNestControllers, createNestApp, isNestAppReader, isNestCreate, type NestInfo } from './nest';
import { CLASS_MIXINS, EXPRESS_INSTANCE_METHODS } from '../data/nest';
import { staticText, type ValueElsewhere } from './options';
import { bindingOnlyMounted, loopAround, unrolledArguments, unrolledKeys, unrolledPaths, type Loop, type LoopReader, type UnrolledArgument } from './loop-mounts';
import { isDefinedExportValue, isExportTarget, isModuleExports, isVoidChain } from '../project/exports';
import { lineOf } from '../util/lines';

/**
 * What an expression is known to hold: a value reached from an imported or required module, by property reads
 * (`express.Router`) and calls (`()`): `express()` is `{ module: 'express', path: ['()'] }`.
 */
export interface ModuleValue {
  /** The module id as written, less a `node:` prefix (`express`, `fs/promises`). */
  readonly module: string;
  /** Property names and `()` for each call or `new`, from the module's export object; `default` is dropped. */
  readonly path: readonly string[];
  /** The expression that produced this value first (the import, the `require()` call, the member or call). */
  readonly node: Node;
  /** Set when the value is an Express app or router itself. */
  readonly app?: ExpressApp;
}

/** Where an app or router receives requests from: another app of this file mounts it, or a server serves it. */
export interface Mount {
  /** The app or router that mounts this one with `use`. */
  parent: ExpressApp;
  call: AppCall;
  /**
   * Which item of `call.middleware` is this app or router, when that item is not its own value: a mount found in
   * another file of the package (src/project), where the item holds that file's stand-in. `-1`: none (the app is
   * handed over by a call, such as `require('./routes')(app)`, after everything `call`'s app mounted before it).
   */
  index?: number;
}

export interface ExpressApp {
  kind: 'app' | 'router';
  /** The `express()` / `express.Router()` call. */
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** How the source calls it: its variable's name, else the creating expression's text. */
  name: string;
  variable: Variable | null;
  /** `const app = express();` when the app is declared by a statement of its own, for inserting after it. */
  declaration: TSESTree.Statement | null;
  /**
   * Exported, returned, stored in an object or passed to an unknown function: configured elsewhere too, so rules
   * about the whole app (helmet, `x-powered-by`, TLS) say nothing.
   */
  escapes: boolean;
  /**
   * Where code this file does not show can first add middleware ahead of the app's later calls: the start of the
   * first expression that hands the app over while the file loads (passed to a function, stored in an object or a
   * property), `-1` when that happens in another function (which may run at any time). `null` when nothing hands it
   * over: it stays in the file, or leaves only by `export`, `module.exports` / `exports.x` or `return`, which give it
   * to other code once the file has registered its routes. See `chainKnownBefore`.
   */
  handedOverAt: number | null;
  /** Every call of one of its methods, in source order (`app.use`, `app.get`, `app.route(p).post`, ...). */
  calls: AppCall[];
  /** Where this app or router is mounted in this file (`app.use('/auth', router)`). */
  mounts: Mount[];
  /** `http.createServer(app)` / `https.createServer(opts, app)` calls that serve it. */
  servers: { node: TSESTree.CallExpression | TSESTree.NewExpression; module: string; method: string }[];
  /** Set when it escapes for another reason than being exported (returned, stored, passed to an unknown function). */
  leaks?: boolean;
  /**
   * Set when code the model does not show gets it (passed to a function it does not follow, stored in an object or a
   * property), not only by an export or a `return`: what that code does to it is unknown.
   */
  passedOn?: boolean;
  /**
   * Cross-file (src/project): the package file this app or router lives in, relative to the package root, when it
   * is not the linted file. Its nodes belong to that file: rules never report on them.
   */
  file?: string;
  /**
   * Kept on the instance of a class of this file whose code runs in an order the model follows (`this.app = express()`,
   * its methods, or fields holding arrow functions, called from the constructor or from a method it runs): its calls in
   * the class's methods run in the order `callSpan` gives, so one written in another method than the app's is still
   * before or after the others.
   */
  ordered?: boolean;
  /** Cross-file: apps of other files that configured this one before this file saw it (the app factory's app). */
  before?: ExpressApp[];
  /** Cross-file: the stand-ins of this app in the files that import it, with what they add to it (`server.use(helmet())`). */
  after?: ExpressApp[];
  /**
   * Cross-file: what functions of other files of the package do to the app when it is handed to them while this file
   * registers its routes (`require('./config/security')(app)` mounting helmet and a limiter): `at` is where that call
   * ends in this app's file, `app` the function's stand-in for its parameter, with the calls it makes on it. The
   * middleware they mount runs, in the chains, after what this app mounted before `at` (`handedCalls`).
   */
  handedTo?: HandedTo[];
  /** Cross-file: for the stand-in of an imported app, the module file and export path it stands for. */
  origin?: { file: string; path: readonly string[] };
  /**
   * Cross-file: a stand-in of an app of another file that this file registers routes on while it loads (`const app =
   * require('../app'); app.post('/login', ...)`; src/project `linkImportedApps`). Its chain is known: `before` holds what
   * ran before this file loaded, and what the file that loads it mounts afterwards is handed to it at the end of the
   * file (`handedTo`). The app itself is its own file's: only the order of its routes and middleware is this file's.
   */
  joinsImportedApp?: true;
  /** NestJS hook: set for the app of `NestFactory.create` and for `@Controller()` classes (see `./nest`). */
  nest?: NestInfo;
}

/** One item of a middleware or handler list, arrays flattened. */
export interface MiddlewareItem {
  node: Expression;
  /** What it is when it comes from a module (`helmet()`, `express.static('public')`, a `const` holding one). */
  value: ModuleValue | undefined;
  /** The function itself when it is written in this file. */
  fn: FunctionNode | undefined;
  /**
   * Cross-file: set when the item is what another file of the package exports (`app.use(require('./middleware'))`,
   * one item per element of an exported array): `file` is that file (relative to the package root), `module` the
   * specifier this file imports it by. `value` is then the middleware that file makes (`helmet({...})`: its node, and
   * its options, belong to that file: read them, never report on them), or, for an item it does not make with a
   * package, the imported value as before. `unknown` when the model cannot read what the file exports there (a
   * computed export, what a function call returns, a file that does not parse): it may be middleware of any package
   * that file uses, `names` (installed packages it imports or calls; absent when the file does not parse: any).
   */
  from?: { file: string; module: string; unknown?: true; names?: readonly string[] };
  /**
   * Cross-file: the function of another file of the package that a middleware item (not a route's handler) is
   * (`app.use('/auth', require('./middleware/limits'), routes)`), read through the hook of the file the item is
   * written in (its specifier is that file's), when a rule first asks; `undefined` when it is none or no hook reads it.
   */
  readonly elsewhere?: ImportedFunction;
  /**
   * For an item written as a call of a function of the package (`validate([body('email').isEmail()])`): that function,
   * the factory that made the middleware, of this file or of another (read through the hook when a rule first asks);
   * `undefined` otherwise.
   */
  readonly factory?: MadeBy;
  /**
   * NestJS: for a route served on several paths (one per URI version), the paths it runs before when it does not run
   * before each (middleware the app mounts under `/api/v1` for a route on `/api/v1/login` and `/api/v2/login`).
   */
  readonly onlyOn?: readonly string[];
  /**
   * A list of middleware the model cannot read, spread into the arguments: what a call returns that the model does not
   * read as an array (`...fetchMiddlewares(UsersController)` of tsoa's generated routes, `...guards(opts)` of another
   * package). Any of them may be a limiter, CSRF protection, a sanitizer or validation: the chains it is on are unknown
   * (`middlewareChains`: not `complete`, `handedOn`), and the rules that need such middleware before a route say nothing.
   */
  readonly opaque?: true;
}

export interface AppCall {
  app: ExpressApp;
  node: TSESTree.CallExpression;
  /** Lower-case method name: `use`, `get`, `post`, `set`, `disable`, `listen`, `param`, ... */
  method: string;
  /** True for `use` and the HTTP-verb methods that register a route (not the one-argument `app.get(setting)`). */
  isRoute: boolean;
  isUse: boolean;
  /** The mount or route path as written (string or regex), from the first argument or `app.route(path)`. */
  pathNode: Expression | null;
  /**
   * The method's name of a route of an `app.route(path)` chain (`.delete` of `app.route('/a').get(h).delete(h2)`): a
   * finding about this route is reported there (`reportNodeOf`), not at the path the chain's routes share.
   */
  chainMethod?: TSESTree.Node;
  /** The static path, or `null` when there is none or it is not a string. */
  path: string | null;
  /**
   * For an array of static paths (`app.post(['/login', '/signin'], h)`, `app.use(['/auth', '/v1/auth'], router)`):
   * each of them, as Express answers on each (`path` is then `null`), flattened as Express flattens them: nested arrays,
   * spreads, and never-reassigned `const` arrays of the file (`const AUTH = ['/login', '/signin']; app.post(AUTH, h)`,
   * `[...AUTH, '/token']`). Empty for an empty array (a route of none: Express 5 never matches it). Absent otherwise.
   */
  paths?: readonly string[];
  /** Where each of `paths` is written (its string, in the call or in the `const` array it names). */
  pathNodes?: readonly Expression[];
  /** The arguments after the path. */
  args: TSESTree.CallExpressionArgument[];
  /** For `use` and routes: the middleware and handlers, in order, arrays flattened. */
  middleware: MiddlewareItem[];
  /**
   * Where the call runs in the file's order, when that is not where it is written: in a method that a class's
   * constructor calls (`this.routes();`, or a method it runs calls) before the caller's own calls below that statement,
   * a span inside the start of that statement (`bindClassMember`); for one element of a loop written out
   * (`writeOut`), its part of the loop's call, in the order of the list. Read it with `callSpan`.
   */
  runsAt?: readonly [number, number];
}

/**
 * Where a finding about an app call is reported: the method's name in an `app.route(path)` chain (each route there
 * has its own line for a disable comment), else the path, else the call.
 */
export function reportNodeOf(call: AppCall): TSESTree.Node {
  return call.chainMethod ?? call.pathNode ?? call.node;
}

/** Where a call runs in the file's order (`AppCall.runsAt`), else its range: what "mounted before the route" compares. */
export function callSpan(call: AppCall): readonly [number, number] {
  return call.runsAt ?? call.node.range;
}

export type HandlerRole = 'req' | 'res' | 'next' | 'err';

export interface Handler {
  fn: FunctionNode;
  call: AppCall;
  /** Four parameters: `(err, req, res, next)`. */
  isErrorHandler: boolean;
  params: Partial<Record<HandlerRole, TSESTree.Parameter>>;
}

/**
 * How the per-file model sees the package's own modules (implemented by src/project): an imported value that is an
 * app or router of another file, and the modules that the project model follows when an app is handed to them.
 */
export interface ImportHook {
  /**
   * The app or router that `module` reached by `path` is, if any. `own` apps are created by this file (a call of
   * the package's app factory); the others are stand-ins for an app of another file.
   */
  importedApp(module: string, path: readonly string[], node: Node): { app: ExpressApp; own: boolean } | undefined;
  /** True when `module` is a file of the package that the project model reads (an app passed to it is followed there). */
  follows(module: string): boolean;
  /**
   * A bare specifier that names a file of the package (tsconfig `paths`: `@/routes/auth`), written as a relative one
   * from this file (`./routes/auth.ts`), so that it is followed like any relative import; else `null`.
   */
  localSpecifier?(module: string): string | null;
  /** The function that `module` exports at `path` (`exports.login`, a handler object's method), with its file's source. */
  importedFunction?(module: string, path: readonly string[]): ImportedFunction | undefined;
  /**
   * The node that `module` exports at `path` when the file is read for a value (`sessionSecret` of
   * `module.exports = { sessionSecret: '...' }`), if that file writes no property of its objects later.
   */
  /**
   * `mentions`: a text the module's file must match to be read at all (read once per content, no parse): a value looked
   * for only in files that show a sign of it.
   */
  importedValue?(module: string, path: readonly string[], mentions?: TextTest): ValueElsewhere | undefined;
  /**
   * Whether `module` exports at `path` constant data: an array or object literal of literals (`exports.countries =
   * [{ alpha2: 'AF' }]`, `export default [...] as const`), through a `const`, that its file never changes (no property
   * write in the file, no `push`, not handed to a function): `isConstantData` (src/project/constant-exports.ts).
   */
  importedConstant?(module: string, path: readonly string[]): boolean;
  /**
   * What `module` exports at `path` when it is middleware that file makes with an installed package (`module.exports =
   * helmet({...})`, `export const limiter = rateLimit(...)`, an array of such, a `const` holding one), or a value the
   * model cannot read there: one entry per item (`value` undefined and `unknown` for one it cannot read). `undefined`
   * when the file shows something else (a function of its own, an app) or is not a file of the package.
   */
  importedMiddleware?(module: string, path: readonly string[]): readonly ImportedMiddleware[] | undefined;
  /**
   * The installed package whose module value `module` exports at `path` as it is (`module.exports =
   * require('passport')`, `const passport = require('passport'); passport.use(...); module.exports = passport`,
   * `export { default } from 'passport'`, `export default passport` of an import), through re-exports: its importers
   * read it as that package's module (`path` `[]`). `undefined` for anything else (a function, an object, what a call
   * returns, a property of a package).
   */
  importedPackage?(module: string, path: readonly string[]): { module: string; path: readonly string[] } | undefined;
  /**
   * The keys, in order, of the object that `module` exports at `path` (a barrel: `module.exports = { users:
   * require('./users') }`, `export default { users, posts }`), or with `namespace` (`import * as routes`) its named
   * exports (`export { default as users } from './users.js'`), when its file shows them all and writes none later:
   * what `Object.values(routes)` runs over (`./loop-mounts`). `undefined` otherwise (a spread, `export *`, a computed
   * key, an object its file changes, a file of another kind).
   */
  importedKeys?(module: string, path: readonly string[], namespace: boolean): readonly string[] | undefined;
  /**
   * Whether a file of the package other than this one that imports the file where `module` defines `path` may change a
   * list there (its text calls `.push(`, `.unshift(` or `.splice(`: `routes.push({ method: 'post', ... })` in a module
   * that imports a route table), or the export is not found: a loop over that list then does not know it whole.
   */
  changedElsewhere?(module: string, path: readonly string[]): boolean;
}

/** One middleware that another file of the package exports (`ImportHook.importedMiddleware`). */
export interface ImportedMiddleware {
  /** The value that file made (`{ module: 'helmet', path: ['()'] }`, its node in that file), if the model reads it. */
  value: ModuleValue | undefined;
  /** That file, relative to the package root. */
  file: string;
  /** Set when the model cannot read the item, with the installed packages that file uses (absent: it does not parse). */
  unknown?: true;
  names?: readonly string[];
}

/** A test of a file's text, named for the cache of its results (`source`). */
export interface TextTest {
  source: string;
  test(text: string): boolean;
}

/** A function of another file of the package, as the project model parsed it. */
/** The function of the package that made a middleware item (`MiddlewareItem.factory`), with its file's source. */
/** A function of the file registered through a route adapter (`ExpressModel.adapted`). */
export interface AdaptedController {
  fn: FunctionNode;
  /** The request properties the adapter copies into the object it hands the function. */
  keys: readonly string[];
  /** The route it is registered on, as the importer registers it (for the middleware before it). */
  handler: Handler;
}

export interface MadeBy {
  fn: FunctionNode;
  sourceCode: TSESLint.SourceCode;
  /** The calls of module values of its file (`ImportedFunction.moduleCalls`), for a function of another file. */
  moduleCalls?: ImportedFunction['moduleCalls'];
}

export interface ImportedFunction {
  fn: FunctionNode;
  sourceCode: TSESLint.SourceCode;
  /** The file, relative to the package root. */
  file: string;
  /**
   * Every call of a module value in that file (`crypto.createHash('md5')`), as its own model sees it: a rule reads
   * the ones inside `fn` (`isInside(call.node, fn)`) instead of tracking that file's imports itself.
   */
  moduleCalls?: readonly { node: TSESTree.CallExpression | TSESTree.NewExpression; callee: ModuleValue }[];
  /**
   * The function that a value of that file's own model is (a value of `moduleCalls`: `this.repo.findRaw` of a
   * repository its class keeps), read as that file imports it; one hop, asked only for request data handed on.
   */
  functionElsewhere?(value: ModuleValue): ImportedFunction | undefined;
}

export { constantsReaderOf, moduleCallsOfFile, sourceOf } from './ast';

/** Delegating handlers followed one after the other (`(req, res) => a(req, res)` with `a` delegating in turn). */
const MAX_DELEGATES = 4;

const ROUTE_RETURNS_APP = new Set([...HTTP_METHODS, 'use', 'all', 'set', 'enable', 'disable', 'engine', 'param']);

/** The statement that stores a new app in a plain name (`const app = express()`, `app = express()`), else `null`. */
function declarationOf(node: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Statement | null {
  const statement = enclosingStatement(node);
  if (statement?.type === T.VariableDeclaration && statement.declarations.some((d) => d.init && unwrap(d.init) === node && d.id.type === T.Identifier)) {
    return statement;
  }
  if (
    statement?.type === T.ExpressionStatement &&
    statement.expression.type === T.AssignmentExpression &&
    unwrap(statement.expression.right) === node &&
    statement.expression.left.type === T.Identifier
  ) {
    return statement;
  }
  return null;
}

export function normalizeModuleName(name: string): string {
  return name.startsWith('node:') ? name.slice(5) : name;
}

export function pathEquals(value: ModuleValue | undefined, module: string, path: readonly string[]): boolean {
  if (value === undefined || value.module !== module || value.path.length !== path.length) return false;
  for (let i = 0; i < path.length; i++) if (value.path[i] !== path[i]) return false;
  return true;
}

/**
 * What `wrappedFunction` reads from the syntax and the scopes alone: for `node` a call of one argument that is a
 * function of this file (`catchAsync(async (req, res) => ...)`), or a never-reassigned `const`, or a member of an object
 * of the file (`memberValueOf`), holding one, that call and that function; else `undefined`. Whether the callee is an
 * async handler wrapper needs the model's values (`wrappedHandler`), so the project model asks this first and builds
 * another file's model only for a call that may be one (src/project, `wrappedExport`). `neverReassigned` lets the model
 * memoise the variable check.
 */
export function wrappingCallOf(
  sourceCode: TSESLint.SourceCode,
  node: Node | null | undefined,
  neverReassigned: (variable: Variable) => boolean = (v) => v.references.every((r) => !r.isWrite() || r.init),
): { call: TSESTree.CallExpression; fn: FunctionNode } | undefined {
  if (!node) return undefined;
  let inner = unwrap(node);
  // (`ctrl.login` with `const ctrl = { login: catchAsync(...) }`: what the member holds, `memberValueOf`.)
  if (inner.type === T.MemberExpression) {
    const held = memberValueOf(sourceCode, inner);
    if (!held) return undefined;
    inner = unwrap(held);
  }
  if (inner.type === T.Identifier) {
    const variable = findVariableOf(sourceCode, inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type !== T.VariableDeclarator || !def.node.init || !neverReassigned(variable!)) return undefined;
    inner = unwrap(def.node.init);
  }
  if (inner.type !== T.CallExpression) return undefined;
  // (The wrapped function is one of this file: a call whose one argument is none, `jsonServer.defaults(options)`,
  // runs no function here, and the callee's file is not read to learn whether it is a wrapper.)
  const [argument] = inner.arguments;
  const fn = inner.arguments.length === 1 && argument && argument.type !== T.SpreadElement ? localFunctionOf(sourceCode, argument, neverReassigned) : undefined;
  return fn ? { call: inner, fn } : undefined;
}

/**
 * The per-file analysis: follows every imported or required module through variables, destructuring,
 * property reads and calls, and builds the Express apps and routers with their calls in source order.
 * Linear in the number of references to imported names.
 */
export class ModelBuilder {
  readonly values = new Map<Node, ModuleValue>();
  readonly apps: ExpressApp[] = [];
  /** Every variable bound to a module value (`const helmet = require('helmet')`, `import { Router } from ...`). */
  readonly bindings: { variable: Variable; value: ModuleValue }[] = [];
  /** Every call or `new` of a module value, with the callee's value. */
  readonly calls: { node: TSESTree.CallExpression | TSESTree.NewExpression; callee: ModuleValue }[] = [];
  /** Classes that extend a mixin of `CLASS_MIXINS` (`extends PassportStrategy(Strategy)`), with the class it is given. */
  private readonly mixins: { classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression; given: Node }[] = [];
  readonly handlers: Handler[] = [];
  /** See `ExpressModel.adapted`. */
  readonly adapted: AdaptedController[] = [];
  readonly roles = new Map<Variable, { role: HandlerRole; handler: Handler }>();

  private readonly appCallsByNode = new Map<Node, AppCall>();
  private readonly routeValues = new Map<Node, { app: ExpressApp; pathNode: Expression | null }>();
  private readonly pendingUses: { node: Node; app: ExpressApp }[] = [];
  /**
   * Members the file assigns a value to on an app that are not Express's own (`app.db = router.db`, `app.io = io`;
   * `APP_OWN_PROPERTIES`): what they hold is that value, so using it (`app.db.getState()`, `emit(app.io)`) hands the
   * app to no one. A value with a function in it (`app.helpers = { mount: (r) => app.use(r) }`) may reach the app:
   * not one of them.
   */
  private readonly ownMembers = new Map<ExpressApp, Set<string>>();

  private ownMemberKeys(app: ExpressApp): Set<string> {
    let keys = this.ownMembers.get(app);
    if (!keys) this.ownMembers.set(app, (keys = new Set()));
    return keys;
  }
  /**
   * Apps and routers passed to a method of a parameter (`module.exports = (app) => { app.use('/x', router) }`):
   * unknown code while the parameter is, a mount once src/project binds the parameter to a caller's app
   * (`bindParameter`). `state` is the app before that call left it, `leaves` how often it had left by then.
   */
  private readonly parameterUses: {
    variable: Variable;
    call: TSESTree.CallExpression;
    app: ExpressApp;
    leaves: number;
    state: Pick<ExpressApp, 'escapes' | 'leaks' | 'handedOverAt' | 'passedOn'>;
  }[] = [];
  /** How often each app left the file (`leaves`), so that a later mount can undo only a verdict that is its own. */
  private readonly leaveCounts = new Map<ExpressApp, number>();
  private readonly boundVariables = new Set<Variable>();
  /** Stand-ins of the parameters of functions of this file that an app is handed to, with that app and call. */
  private readonly localHandoffs = new Map<ExpressApp, { app: ExpressApp; call: TSESTree.CallExpression; left: boolean }>();
  /** The handlers already recorded, per function (a function can be registered on several calls). */
  private readonly handlerCalls = new Map<FunctionNode, Set<AppCall>>();
  /** Whether a variable is only ever written by its declaration, per variable (asked once per use). */
  private readonly neverReassigned = new Map<Variable, boolean>();
  /** Methods of classes of this file whose app calls run at the constructor statement that calls them (`AppCall.runsAt`). */
  private readonly runsAt = new Map<Node, Node>();

  /** Every module named by an import declaration, type-only ones included (`import type { Request } from 'express'`). */
  readonly declaredImports = new Set<string>();

  /** Stand-ins for apps and routers of other files of the package that this file imports (cross-file only). */
  readonly importedApps: ExpressApp[] = [];
  /**
   * The exported classes of this file that keep an app on their instances (`this.app = express()`), with its key:
   * an importer that only calls their methods only does what those methods do (src/project `link`). `later`: the
   * methods that use the app after the constructor, when there are several, in the order the chains assume. `made`:
   * the file makes an instance itself (`new Server().start()`).
   */
  readonly classApps = new Map<TSESTree.ClassDeclaration | TSESTree.ClassExpression, { key: string; app: ExpressApp; later: readonly string[] | null; made: boolean }>();
  /**
   * Apps and routers handed to a function of another file of the package: `require('./routes')(app, db)` (argument
   * `index`), or in an options object, `expressLoader({ app })` (argument `index`, property `key`).
   */
  readonly handoffs: {
    node: TSESTree.CallExpression | TSESTree.NewExpression;
    index: number;
    key?: string;
    /** `setup.call(null, app)`: the arguments start after `this` (`index` is the parameter's). */
    viaCall?: true;
    app: ExpressApp;
    callee: ModuleValue;
  }[] = [];

  constructor(
    readonly sourceCode: TSESLint.SourceCode,
    private readonly hook?: ImportHook,
  ) {
    registerFile(sourceCode, this, hook?.importedValue !== undefined);
  }

  build(): void {
    const { ast, scopeManager } = this.sourceCode;
    for (const statement of ast.body) {
      if (statement.type === T.ImportDeclaration && typeof statement.source.value === 'string') {
        const module = this.moduleName(statement.source.value);
        this.declaredImports.add(module);
        if (statement.importKind === 'type') continue;
        for (const spec of statement.specifiers) {
          if (spec.type === T.ImportSpecifier && spec.importKind === 'type') continue;
          const path =
            spec.type === T.ImportSpecifier
              ? [spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value)]
              : [];
          const value = this.makeValue(module, path, spec);
          for (const variable of scopeManager?.getDeclaredVariables(spec) ?? []) this.bindVariable(variable, value);
        }
      } else if (
        statement.type === T.TSImportEqualsDeclaration &&
        statement.moduleReference.type === T.TSExternalModuleReference &&
        statement.importKind !== 'type'
      ) {
        const name = literalString(statement.moduleReference.expression);
        if (name === null) continue;
        this.declaredImports.add(this.moduleName(name));
        const value = this.makeValue(this.moduleName(name), [], statement);
        for (const variable of scopeManager?.getDeclaredVariables(statement) ?? []) this.bindVariable(variable, value);
      }
    }
    for (const id of this.requireReferences()) {
      const call = id.parent;
      if (call?.type !== T.CallExpression || call.callee !== id) continue;
      const name = literalString(call.arguments[0]);
      if (name === null) continue;
      this.visit(call, this.makeValue(this.moduleName(name), [], call));
    }
    for (const { call, name } of this.literalImports()) this.visitImportPromise(call, this.makeValue(name, [], call));
    this.bindMixinSupers();
    this.finish();
  }

  /**
   * `super(options)` in the constructor of `class JwtStrategy extends PassportStrategy(Strategy)`: a construction of the
   * class the mixin is given (`CLASS_MIXINS`), once every import is read (its value is known then, in any order).
   */
  private bindMixinSupers(): void {
    for (const { classNode, given } of this.mixins) {
      const value = this.values.get(given) ?? this.values.get(unwrap(given));
      if (!value || value.app) continue;
      const constructor = classNode.body.body.find((e): e is TSESTree.MethodDefinition => e.type === T.MethodDefinition && e.kind === 'constructor');
      if (!constructor?.value.body) continue;
      someNode(this.sourceCode.visitorKeys, constructor.value.body, (node) => {
        if (isFunction(node)) return 'skip';
        if (node.type === T.CallExpression && node.callee.type === T.Super) this.visit(node.callee, value);
        return false;
      });
    }
  }

  /**
   * `import('./routes/api.js')` with a literal specifier, awaited or followed by `.then(cb)` (`visitImportPromise`): the
   * module, as `import * as api` gives it (`(await import('express')).default`, `const { default: api } = await
   * import(...)` drop its `default`): an installed package, a Node module, or a module of the package, read as
   * `require('./routes/api.js')` reads it. Found from the text (most files have none). A promise used otherwise (kept
   * in a variable, handed on), or a specifier that is no literal, is not followed.
   */
  private literalImports(): { call: TSESTree.ImportExpression; name: string }[] {
    const found: { call: TSESTree.ImportExpression; name: string }[] = [];
    for (const match of this.sourceCode.text.matchAll(/\bimport\s*\(/gu)) {
      const call = importExpressionAt(this.sourceCode, match.index);
      if (!call || (call.parent.type !== T.AwaitExpression && !thenCallback(call))) continue;
      const name = literalString(call.source);
      const module = name === null || name.startsWith('/') ? null : this.moduleName(name);
      if (module !== null) found.push({ call, name: module });
    }
    return found;
  }

  /**
   * `promise` (an `import(...)`, or its compiled form `Promise.resolve().then(() => require('./x'))`) resolves to
   * `value`: awaited, the `await` is it; given to `.then((m) => ...)`, the callback's parameter is it
   * (`({ default: routes }) => routes(app)` destructured too). Used otherwise, nothing is known.
   */
  private visitImportPromise(promise: Node, value: ModuleValue): void {
    if (promise.parent?.type === T.AwaitExpression) {
      this.visit(promise.parent, value);
      return;
    }
    const callback = thenCallback(promise);
    if (callback) this.bindPattern(callback.params[0]!, value);
  }

  /** A module id as values carry it: no `node:` prefix; cross-file, a tsconfig path alias as the relative path it names. */
  private moduleName(name: string): string {
    const module = normalizeModuleName(name);
    return (!module.startsWith('.') && this.hook?.localSpecifier?.(module)) || module;
  }

  /** Classifies the pending uses of apps and orders every app's calls; run again after a late binding. */
  private finish(): void {
    // (A use can bind more: the calls of a file-local function that returns the app.)
    // (A loop's `use` calls first: the elements it mounts are mounted, not handed on.)
    this.unrollLoops();
    for (let pending = this.pendingUses.splice(0); pending.length > 0; pending = this.pendingUses.splice(0)) {
      for (const use of pending) this.classifyAppUse(use.node, use.app);
      this.unrollLoops();
    }
    // (A path with a constant of another file, `${API}/auth`: the file's imports are all known now.)
    for (const call of this.pathsElsewhere.splice(0)) {
      if (call.path === null && !call.paths) this.readPaths(call, this.constantElsewhere);
    }
    // (`app.use(API, auth)`: a constant string of another file is the mount's path.)
    for (const call of this.usesElsewhere.splice(0)) this.readUsePath(call);
    // NestJS hook: controllers become routers whose routes carry their guards and pipes.
    addNestControllers(this, this.sourceCode);
    for (const app of [...this.apps, ...this.importedApps]) {
      app.calls.sort((a, b) => callSpan(a)[0] - callSpan(b)[0]);
      for (const call of app.calls) {
        let imported = false;
        // (Items whose imports are not read yet: a late binding classifies them again without reading them.)
        const items = this.unreadItems.get(call) ?? call.middleware;
        for (const item of items) {
          // (An item that another file's export made is already what it is.)
          if (item.from) continue;
          // (`(req, res) => ctrl.update(req, res)`: the callee is the handler, its value known only now when it is an import.)
          for (let depth = 0; depth < MAX_DELEGATES && item.fn && (call.isRoute || call.isUse) && !app.nest; depth++) {
            if (!this.followDelegate(item, call)) break;
          }
          // (Module values are known only now: the wrapper may be an import.)
          // (A Nest controller's route items are its guards and pipes: no wrapped handler there.)
          if (!item.fn && (call.isRoute || call.isUse) && !app.nest) this.unwrapHandler(item, call);
          // (A Nest guard that the container makes, `app.get(ThrottlerGuard)`, keeps the class's value the hook gave it.
          // A barrel's member that a loop mounts, `r` of `Object.values(routes).forEach((r) => app.use(r))`, is that member.)
          item.value = (app.nest && item.value) || this.loopValues.get(item) || this.values.get(item.node);
          if (!item.value && !item.fn && !app.nest && (call.isRoute || call.isUse)) item.value = this.typedMemberValue(item.node);
          if (!item.fn && item.value && !item.value.app && item.value.module.startsWith('.') && !app.nest) imported = true;
        }
        // (A route's handler, its last item, is not asked about: a controller's file is parsed only when a rule needs it.)
        const last = call.isUse || call.method === 'all' ? -1 : items.length - 1;
        if (imported) this.readImportsOnFirstUse(call, items, last);
      }
    }
  }

  /** Calls whose imported items are read on first use (`readImportsOnFirstUse`): their items as written, unread. */
  private readonly unreadItems = new WeakMap<AppCall, MiddlewareItem[]>();
  /** What each item of those calls stands for (`standsFor`), read once: the chain and `link` share the same items. */
  private readonly itemReads = new WeakMap<MiddlewareItem, MiddlewareItem[]>();
  /** The items as written of each call whose imports are read on first use, and the index of its handler. */
  private readonly writtenItems = new WeakMap<AppCall, { items: MiddlewareItem[]; last: number }>();

  /**
   * A call's middleware items as its arguments give them, without reading what another file's item stands for
   * (`standsFor`). An item read as another file's unknown middleware keeps the item's own value, and one read as an
   * installed package's middleware (`[helmet(), rateLimit(...)]`) registers no function of that file: every file whose
   * exported function a route registers holds one of these items (a file of the second kind holds one too).
   */
  itemsAsWritten(call: AppCall): readonly MiddlewareItem[] {
    return this.writtenItems.get(call)?.items ?? call.middleware;
  }

  /** The items of `call.middleware` that `item`, one of `itemsAsWritten(call)`, stands for. */
  standsFor(call: AppCall, item: MiddlewareItem): readonly MiddlewareItem[] {
    const written = this.writtenItems.get(call);
    if (!written) return [item];
    const index = written.items.indexOf(item);
    if (index === -1 || index === written.last) return [item];
    let read = this.itemReads.get(item);
    if (!read) {
      read = this.importedItems(item) ?? [item];
      this.itemReads.set(item, read);
    }
    return read;
  }

  /**
   * `call.middleware` with each item that holds another file's value replaced by what that file exports
   * (`importedItems`), worked out when the chain is first read: a rule that asks about this route or use, or another
   * file's link that takes this app's chain. Most calls of the files read to link another (holders, importers) are
   * never asked about, and reading their imports would parse the middleware modules of the whole package.
   */
  private readImportsOnFirstUse(call: AppCall, items: MiddlewareItem[], last: number): void {
    this.unreadItems.set(call, items);
    this.writtenItems.set(call, { items, last });
    let read: MiddlewareItem[] | undefined;
    Object.defineProperty(call, 'middleware', {
      get: () => {
        if (read === undefined) {
          this.unreadItems.delete(call);
          read = items.flatMap((item) => this.standsFor(call, item));
        }
        return read;
      },
      set: (value: MiddlewareItem[]) => {
        this.unreadItems.delete(call);
        this.writtenItems.delete(call);
        read = value;
      },
      enumerable: true,
      configurable: true,
    });
  }

  /**
   * Cross-file: the items that an item holding a value of another file of the package stands for, when that file
   * exports middleware made with an installed package (`module.exports = [helmet(), rateLimit({...})]`) or a value the
   * model cannot read (`ImportHook.importedMiddleware`); else `null` (a function of that file, an app, no hook).
   */
  private importedItems(item: MiddlewareItem): MiddlewareItem[] | null {
    const value = item.value;
    if (item.fn || !value || value.app || !value.module.startsWith('.') || !this.hook?.importedMiddleware) return null;
    const found = this.hook.importedMiddleware(value.module, value.path);
    if (!found) {
      // (A function of that file, read when a rule first asks: most are never asked about.)
      const hook = this.hook;
      let read: ImportedFunction | null | undefined;
      Object.defineProperty(item, 'elsewhere', { get: () => (read ??= hook.importedFunction?.(value.module, value.path) ?? null) ?? undefined, configurable: true });
    }
    if (!found || found.length === 0) return null;
    return found.map((m) => ({
      node: item.node,
      value: m.value ?? value,
      fn: undefined,
      from: m.unknown ? { file: m.file, module: value.module, unknown: true, ...(m.names ? { names: m.names } : {}) } : { file: m.file, module: value.module },
    }));
  }

  /**
   * A route item that an async handler wrapper makes (`asyncHandler(async (req, res) => ...)`, `catchAsync(auth.login)`,
   * or a `const` holding one): the wrapped function is the route's handler. The item becomes the wrapped expression,
   * so that a controller of another file is found by its own import (cross-file).
   */
  private unwrapHandler(item: MiddlewareItem, call: AppCall): void {
    const node = unwrap(item.node);
    const wrapped = node.type === T.CallExpression ? this.wrappedHandler(node) : null;
    if (wrapped) item.node = unwrap(wrapped) as Expression;
    const fn = wrapped ? (this.resolveFunction(item.node) ?? this.memberFunction(item.node)) : this.wrappedFunction(node);
    if (!fn) return;
    item.fn = fn;
    this.recordHandler(fn, call);
  }

  /**
   * A route or middleware item that only hands its request on, `(req, res) => ctrl.update(req, res)` (`delegatedCallee`),
   * to a function the model knows: one of this file (a function, a method of an object or of an instance of a class of
   * the file, `memberFunction`, or what a wrapper runs), or what another file of the package exports (`new
   * ItemsController().update` of an import, which src/project links there as a controller). The item becomes the callee,
   * as if it were registered directly (`app.put('/items/:id', ctrl.update)`): the route's method and chain are the
   * callee's, and the delegating function is no handler of it. An unknown callee (a value of an installed package, a
   * parameter, `this.update`) leaves the item as it is. False when nothing changed.
   */
  private followDelegate(item: MiddlewareItem, call: AppCall): boolean {
    const fn = item.fn!;
    const callee = delegatedCallee(fn);
    if (!callee) return false;
    const local = this.resolveFunction(callee) ?? this.memberFunction(callee) ?? this.wrappedFunction(callee);
    const value = local ? undefined : this.values.get(callee);
    if (!local && (!value || value.app || !value.module.startsWith('.'))) return false;
    // (A delegate of another kind: an error handler's four parameters handed three, or the other way.)
    if (local === fn || (local && (local.params.length === 4) !== (fn.params.length === 4))) return false;
    this.dropHandler(fn, call);
    item.node = callee;
    item.fn = local;
    if (local) this.recordHandler(local, call);
    return true;
  }

  /** `fn` is no handler of `call` (a delegating function, `followDelegate`); its parameters keep another registration's roles. */
  private dropHandler(fn: FunctionNode, call: AppCall): void {
    if (!this.handlerCalls.get(fn)?.delete(call)) return;
    const index = this.handlers.findIndex((h) => h.fn === fn && h.call === call);
    if (index < 0) return;
    const [dropped] = this.handlers.splice(index, 1);
    const other = this.handlers.find((h) => h.fn === fn);
    for (const [variable, known] of this.roles) {
      if (known.handler !== dropped) continue;
      if (other) this.roles.set(variable, { role: known.role, handler: other });
      else this.roles.delete(variable);
    }
  }

  /**
   * `fn` of `wrapper(fn)` when `wrapper` is an async handler wrapper: a package of `ASYNC_HANDLER_WRAPPERS`, or a
   * function of this file or of another file of the package that returns a handler calling its parameter with the
   * request and the response (`(fn) => (req, res, next) => fn(req, res, next).catch(next)`). A middleware factory
   * that calls its parameter otherwise (`authorize((req) => req.user.admin)`) wraps no handler. Else `null`.
   */
  wrappedHandler(call: TSESTree.CallExpression): Expression | null {
    const [argument] = call.arguments;
    if (call.arguments.length !== 1 || !argument || argument.type === T.SpreadElement) return null;
    const callee = unwrap(call.callee);
    const value = this.values.get(callee) ?? this.values.get(call.callee);
    if (value) {
      if (ASYNC_HANDLER_WRAPPERS.some(([module, path]) => module === value.module && pathIs(value.path, path))) return argument;
      // Another file is read only for an argument that may be a function (not `limiter(options)`, `queue(config.get())`).
      const inner = unwrap(argument);
      const bound = inner.type === T.CallExpression && inner.callee.type === T.MemberExpression && staticKey(inner.callee) === 'bind';
      const mayBeFunction = isFunction(inner) || inner.type === T.Identifier || inner.type === T.MemberExpression || bound;
      if (!value.module.startsWith('.') || value.app || !mayBeFunction) return null;
      const elsewhere = this.hook?.importedFunction?.(value.module, value.path);
      return elsewhere && wrapsHandler(elsewhere.fn, elsewhere.sourceCode.visitorKeys ?? this.sourceCode.visitorKeys) ? argument : null;
    }
    const local = this.resolveFunction(callee);
    return local && wrapsHandler(local, this.sourceCode.visitorKeys) ? argument : null;
  }

  /**
   * The function an async handler wrapper runs, for `node` a call of one or a never-reassigned `const` holding one
   * (`const login = catchAsync(async (req, res) => ...)`, `exports.login = catchAsync(...)`); else `undefined`.
   */
  wrappedFunction(node: Node | null | undefined): FunctionNode | undefined {
    const wrapping = wrappingCallOf(this.sourceCode, node, (variable) => this.isNeverReassigned(variable));
    return wrapping && this.wrappedHandler(wrapping.call) ? wrapping.fn : undefined;
  }

  /**
   * Cross-file: a parameter receives an app or router from callers in other files (`module.exports = function (app)`
   * called as `require('./routes')(app)`): follow it as that app.
   */
  bindParameter(variable: Variable, app: ExpressApp): void {
    if (this.boundVariables.has(variable)) return;
    this.apps.push(app);
    this.bindVariable(variable, this.makeValue('express', app.kind === 'app' ? ['()'] : ['Router', '()'], app.node, app));
    this.finish();
    // `app.use('/x', router)` on that parameter is now a mount of `router` on the caller's app, when nothing else
    // handed `router` over.
    for (const use of this.parameterUses) {
      if (use.variable !== variable) continue;
      const mount = this.appCallsByNode.get(use.call);
      if (!mount?.isUse || this.leaveCounts.get(use.app) !== use.leaves + 1) continue;
      Object.assign(use.app, use.state);
      if (use.state.leaks === undefined) delete use.app.leaks;
      if (use.state.passedOn === undefined) delete use.app.passedOn;
      use.app.mounts.push({ parent: mount.app, call: mount });
    }
  }

  /**
   * Cross-file: a parameter receives the same value of an installed package from every caller in other files
   * (`require('./routes')(app, passport)` with `passport = require('passport')`): follow it as that value, so that
   * `passport.authenticate('local')` on its routes is what it is. Or the same instance of a class of another file of
   * the package (`require('./routes/auth')(router, new AuthController(db))`), `module` then naming that file from this
   * one: `ctrl.login` is that class's method, as for an instance this file makes. (Its node is the parameter: the
   * caller's belongs to the caller's file.)
   */
  bindParameterValue(variable: Variable, module: string, path: readonly string[]): void {
    // (A parameter the function writes, `passport = stub`, holds something else from there.)
    if (this.boundVariables.has(variable) || !this.isNeverReassigned(variable)) return;
    this.bindVariable(variable, this.makeValue(module, path, variable.identifiers[0] ?? this.sourceCode.ast));
    this.finish();
  }

  /**
   * Cross-file: a parameter that every caller hands an object holding the same values at `members`' keys
   * (`require('./routes')(app, { db, passport })` with `(app, deps) => ...`): `deps.passport`, and what `const {
   * passport } = deps` binds, are those values, as for a `const` holding an object literal (`visitObjectMember`). Says
   * whether the parameter keeps the object it is handed: `false` (and nothing bound) when the function writes it or a
   * member of it (`deps.passport = stub`).
   */
  bindParameterMembers(variable: Variable, members: ReadonlyMap<string, { module: string; path: readonly string[] }>): boolean {
    if (this.boundVariables.has(variable) || !this.isNeverReassigned(variable) || variable.references.some((ref) => writesMember(ref.identifier))) return false;
    const node = variable.identifiers[0] ?? this.sourceCode.ast;
    for (const [key, { module, path }] of members) this.visitVariableMember(variable, [key], this.makeValue(module, path, node));
    this.finish();
    return true;
  }

  /** Loops whose list the file does not show, over a name: written out if their callers give it (`bindParameterList`). */
  private readonly parameterLoops: { call: AppCall; loop: Loop }[] = [];
  /** Parameters that every caller fills with an array literal of instances of classes of the package, with those instances. */
  private readonly parameterLists = new Map<Variable, readonly ModuleValue[]>();

  /**
   * Cross-file: a parameter that every caller hands the same array literal of instances of classes of the package
   * (`new App([new IndexRoute(), new AuthRoute()])` in server.ts, for `constructor(routes: Routes[])`): a loop over it
   * (`routes.forEach((route) => this.app.use('/', route.router))`, also through `this.initializeRoutes(routes)`) runs
   * over those instances, `route.router` each one's router, as `new AuthRoute().router` of an import is (`modules`:
   * each class's file named from this one, and the path of an instance, `['AuthRoute', '()']`).
   */
  bindParameterList(variable: Variable, modules: readonly { module: string; path: readonly string[] }[]): void {
    if (this.parameterLists.has(variable) || !this.isNeverReassigned(variable)) return;
    const node = variable.identifiers[0] ?? this.sourceCode.ast;
    this.parameterLists.set(variable, modules.map(({ module, path }) => this.makeValue(module, path, node)));
    // (The loops that could not be written out before: again, now that the list is known.)
    for (const { call, loop } of this.parameterLoops.splice(0)) if (call.app.calls.includes(call)) this.loopUses.push({ call, loop });
    this.finish();
  }

  /** Cross-file: a function of this file is registered as a handler on a route of another file. */
  addHandler(fn: FunctionNode, call: AppCall): void {
    this.recordHandler(fn, call);
  }

  /** Cross-file: a function of this file is registered through a route adapter of the package (`ExpressModel.adapted`). */
  addAdapted(fn: FunctionNode, keys: readonly string[], call: AppCall): void {
    const param = fn.params[0];
    this.adapted.push({ fn, keys, handler: { fn, call, isErrorHandler: false, params: param ? { req: param } : {} } });
  }

  /** References to Node's `require`: a declared global, or an unresolved name (no Node globals configured). */
  private requireReferences(): TSESTree.Identifier[] {
    const globalScope = this.sourceCode.scopeManager?.globalScope;
    if (!globalScope) return [];
    const ids: TSESTree.Identifier[] = [];
    const declared = globalScope.set.get('require');
    if (declared && declared.defs.length === 0) {
      for (const ref of declared.references) ids.push(ref.identifier as TSESTree.Identifier);
    }
    for (const ref of globalScope.through) {
      if (ref.identifier.name === 'require' && !ref.resolved) ids.push(ref.identifier as TSESTree.Identifier);
    }
    return ids;
  }

  private makeValue(module: string, path: readonly string[], node: Node, app?: ExpressApp): ModuleValue {
    const cleaned = path[0] === 'default' ? path.slice(1) : path;
    if (!app && this.hook && module.startsWith('.')) {
      const imported = this.hook.importedApp(module, cleaned, node);
      if (imported) {
        app = imported.app;
        if (!imported.own) {
          if (!this.importedApps.includes(app)) this.importedApps.push(app);
        } else if (!this.apps.includes(app)) {
          // An app of this file that a factory of the package made (`const app = createApp()`): fixes go after it.
          if (node.type === T.CallExpression || node.type === T.NewExpression) app.declaration ??= declarationOf(node);
          this.apps.push(app);
        }
      }
      // A module of the package that passes an installed package on (`module.exports = require('passport')`): that package.
      const passed = app ? undefined : this.hook.importedPackage?.(module, cleaned);
      if (passed) return this.makeValue(passed.module, passed.path, node);
    }
    return app ? { module, path: cleaned, node, app } : { module, path: cleaned, node };
  }

  private bindVariable(variable: Variable, value: ModuleValue): void {
    if (this.boundVariables.has(variable)) return;
    this.boundVariables.add(variable);
    this.bindings.push({ variable, value });
    if (value.app && !value.app.variable) {
      value.app.variable = variable;
      value.app.name = variable.name;
    }
    for (const ref of variable.references) {
      if (ref.isRead()) this.visit(ref.identifier, value);
    }
    const property = value.app ? parameterPropertyOf(variable) : null;
    if (property) this.bindClassMember(property, value.app!, value, property);
  }

  /**
   * `exports.router = (0, express_1.Router)(); exports.router.post(...)`: TypeScript's CommonJS output of `export const
   * router = Router(); router.post(...)` keeps the app on `exports` and reads it back from there. When the file's top
   * level makes that one write of `exports.router` (or `module.exports.router`; the `exports.router = void 0;` that
   * declares the export is none), each read of it in the file is the app, as a `const`'s references are (it stays
   * exported). Another write, a computed member of `exports` or `Object.defineProperty(exports, 'router', ...)` leave
   * the reads unknown. (Walks the file once, only where an app is assigned to a member of `exports`.)
   */
  private bindExportedMember(assignment: TSESTree.AssignmentExpression, value: ModuleValue): void {
    const left = assignment.left;
    if (left.type !== T.MemberExpression || !isModuleExports(left.object) || assignment.parent.type !== T.ExpressionStatement || assignment.parent.parent.type !== T.Program) return;
    const key = staticKey(left);
    if (key === null) return;
    const reads: TSESTree.MemberExpression[] = [];
    const unknown = someNode(this.sourceCode.visitorKeys, this.sourceCode.ast, (node) => {
      if (node.type === T.CallExpression) {
        // `Object.defineProperty(exports, "router", { get: ... })` (a re-export's form).
        const [target, name] = node.arguments;
        return target !== undefined && isModuleExports(target) && literalString(name) === key;
      }
      if (node.type !== T.MemberExpression || !isModuleExports(node.object)) return false;
      const name = staticKey(node);
      if (name === null) return true;
      if (name !== key || node === left) return false;
      const outer = node.parent;
      if (outer.type === T.AssignmentExpression && outer.left === node) return !isVoidChain(outer.right);
      if (outer.type === T.UpdateExpression || (outer.type === T.UnaryExpression && outer.operator === 'delete')) return true;
      reads.push(node);
      return false;
    });
    if (unknown) return;
    if (!value.app?.variable) value.app!.name = key;
    for (const read of reads) this.visit(read, value);
  }

  private bindPattern(pattern: Node, value: ModuleValue): void {
    switch (pattern.type) {
      case T.Identifier: {
        const variable = findVariableOf(this.sourceCode, pattern);
        if (variable) this.bindVariable(variable, value);
        break;
      }
      case T.ObjectPattern:
        for (const prop of pattern.properties) {
          if (prop.type !== T.Property) continue;
          const key = staticKey(prop);
          if (key === null) continue;
          this.bindPattern(prop.value, this.makeValue(value.module, [...value.path, key], prop));
        }
        break;
      case T.AssignmentPattern:
        this.bindPattern(pattern.left, value);
        break;
      default:
        break;
    }
  }

  /** `node` evaluates to `value`; follow it outwards through its parent. */
  private visit(node: Node, value: ModuleValue): void {
    if (this.values.has(node)) return;
    this.values.set(node, value);
    const parent = node.parent;
    if (!parent) return;
    switch (parent.type) {
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.ChainExpression:
      case T.TSInstantiationExpression:
        this.visit(parent, value);
        return;
      case T.MemberExpression: {
        if (parent.object !== node) break;
        const key = staticKey(parent);
        // (`app.db = router.db`: the file keeps its own data on the app, `ownMembers`.)
        if (value.app && key !== null && storesOwnData(parent, key, this.sourceCode.visitorKeys)) this.ownMemberKeys(value.app).add(key);
        // (`routes_1.default` of compiled code is the app itself: followed below, not a use of it.)
        if (value.app && key !== 'default' && !isMethodCall(parent) && !isAssignmentTarget(parent) && !readsAppState(key, 'property') && !isPlainRead(parent)) {
          // `configure(app.router)`, `app.router.use(x)`, `app.use.bind(app)`: what it passes on reaches the app.
          this.pendingUses.push({ node: parent, app: value.app });
        }
        if (key === null) {
          // (`routes.forEach((r) => router[r.method](r.path, r.handler))`: written out once the file is read, `unrollLoops`.)
          if (value.app && parent.computed && isMethodCall(parent)) this.loopRouteCall(parent, value.app);
          return;
        }
        this.visit(parent, this.makeValue(value.module, [...value.path, key], parent));
        return;
      }
      case T.CallExpression:
      case T.NewExpression:
        if (parent.callee === node) {
          this.onCall(parent, value);
          return;
        }
        // Compiled code: `__importDefault(require("express"))` is the module (`express_1.default` is express).
        if (parent.type === T.CallExpression && parent.arguments.length === 1 && value.path.length === 0 && isInteropHelper(parent.callee)) {
          this.visit(parent, value);
          return;
        }
        break;
      case T.VariableDeclarator:
        if (parent.init === node) {
          if (value.app && parent.parent.parent?.type === T.ExportNamedDeclaration) this.leaves(value.app, node);
          this.bindPattern(parent.id, value);
          return;
        }
        break;
      case T.AssignmentExpression:
        if (parent.right === node && parent.operator === '=') {
          if (parent.left.type === T.Identifier || parent.left.type === T.ObjectPattern) {
            this.bindPattern(parent.left, value);
          } else if (value.app && !this.bindClassMember(parent.left, value.app, value, node)) {
            this.leaves(value.app, node);
            this.bindExportedMember(parent, value);
          } else if (!value.app && isPackageInstance(value) && node.type === T.Identifier) {
            // `constructor({ todosService }) { this.todosService = todosService; }`: the instance a DI container (or a
            // caller) hands the constructor, read as `this.todosService` (src/project `bindContainerParameters`).
            const member = constructorMember(parent.left);
            if (member) this.bindInstanceReads(member.classNode, member.key, value, parent.left);
          }
          this.visit(parent, value);
          return;
        }
        break;
      case T.PropertyDefinition:
        // A class field `app = express()`.
        if (parent.value === node && value.app && this.bindClassMember(parent, value.app, value, node)) return;
        // `private readonly users = new UsersService()`: an instance of a class of the package, read as `this.users`.
        if (parent.value === node && !value.app && isPackageInstance(value) && !parent.static && !parent.computed) {
          const key = staticKey(parent);
          if (key !== null) this.bindInstanceReads(parent.parent.parent, key, value, parent);
        }
        break;
      case T.TSTypeReference: {
        // `constructor(private readonly users: UsersService)`: an instance of the package's class, as Nest's injection
        // (or a caller's `new UsersService()`) gives it, read as `this.users` (the type taken at its word, as
        // `typedParameterMember` takes a typed parameter's).
        const property = parent.typeName === node && !value.app && value.module.startsWith('.') ? typedParameterProperty(parent) : null;
        if (property) this.bindInstanceReads(property.classNode, property.key, this.makeValue(value.module, [...value.path, '()'], parent), null);
        return;
      }
      case T.AwaitExpression:
        this.visit(parent, value);
        return;
      case T.Property:
        // `const { login: gate } = { login: rateLimit() }`, `const limits = { login: rateLimit() }; limits.login`: the
        // value of a key of an object literal that a `const` of the file holds. (An app keeps its own reading below.)
        if (!value.app && parent.value === node && parent.parent.type === T.ObjectExpression) {
          const key = parent.computed ? null : staticKey(parent);
          if (key !== null) this.visitObjectMember(parent.parent, [key], value);
        }
        break;
      case T.ArrowFunctionExpression:
        // `ROUTES.forEach(([p, h]) => app.get(p, h))`, `connect().then(() => app.use(api));`: the app a route method
        // returns, given back by a callback whose result nobody reads, goes nowhere (as with a `{ ... }` body).
        if (parent.body === node && value.app && discardsResult(parent)) return;
        // `(await Promise.resolve().then(() => __importStar(require("https")))).createServer(app)`: TypeScript's CommonJS
        // output for `await import('https')`, and `Promise.resolve().then(() => require('./routes')).then(cb)` for
        // `import('./routes').then(cb)`: the module as `literalImports` reads it (an app there is another file's stand-in).
        if (parent.body === node && value.path.length === 0 && (!value.app || value.app.origin)) {
          const promise = compiledImport(parent);
          if (promise) {
            this.visitImportPromise(promise, value);
            return;
          }
        }
        break;
      case T.SequenceExpression:
        // `(0, common_1.Post)('login')`: compiled TypeScript calls imports through a sequence (NestJS hook for
        // compiled controllers, harmless for any other call).
        if (parent.expressions.at(-1) === node) {
          this.visit(parent, value);
          return;
        }
        break;
      default:
        break;
    }
    if (value.app) this.pendingUses.push({ node, app: value.app });
  }

  /**
   * `value` is the member `keys` of the object literal `object`: followed where a `const` of the file holds that object
   * (`const { login: gate } = {...}`, `const limits = {...}` read as `limits.login` or destructured), through object
   * literals nested in it. A variable that is reassigned, or whose members are written (`limits.login = other`), holds
   * something else there: not followed. Anywhere else (an export, an argument) the object is not this file's to read.
   */
  private visitObjectMember(object: TSESTree.ObjectExpression, keys: readonly string[], value: ModuleValue, depth = 0): void {
    const outer = outermost(object);
    const holder = outer.parent;
    if (!holder || depth > MAX_OBJECT_DEPTH) return;
    if (holder.type === T.Property && holder.value === outer && holder.parent.type === T.ObjectExpression && !holder.computed) {
      const key = staticKey(holder);
      if (key !== null) this.visitObjectMember(holder.parent, [key, ...keys], value, depth + 1);
      return;
    }
    if (holder.type !== T.VariableDeclarator || holder.init !== outer || holder.parent.kind !== 'const') return;
    if (holder.id.type === T.ObjectPattern) {
      this.bindPatternMember(holder.id, keys, value);
      return;
    }
    const variable = holder.id.type === T.Identifier ? findVariableOf(this.sourceCode, holder.id) : null;
    if (variable) this.visitVariableMember(variable, keys, value);
  }

  /**
   * `value` is the member `keys` of the object a variable holds: its reads there (`limits.login`, `limits.auth.login`,
   * `const { login: gate } = limits`) are that value, unless the file writes on the way to it (`limits.login = other`).
   */
  private visitVariableMember(variable: Variable, keys: readonly string[], value: ModuleValue): void {
    if (variable.references.some((ref) => writesMember(ref.identifier, keys))) return;
    for (const ref of variable.references) {
      if (ref.init || !ref.isRead()) continue;
      // `limits.login` (`limits.auth.login`), or `const { login: gate } = limits`.
      let read: Node = outermost(ref.identifier);
      let rest = keys;
      while (rest.length > 0 && read.parent?.type === T.MemberExpression && read.parent.object === read && staticKey(read.parent) === rest[0]) {
        read = outermost(read.parent);
        rest = rest.slice(1);
      }
      if (rest.length === 0) this.visit(read, value);
      else if (read.parent?.type === T.VariableDeclarator && read.parent.init === read && read.parent.id.type === T.ObjectPattern) {
        this.bindPatternMember(read.parent.id, rest, value);
      }
    }
  }

  /** Binds what an object pattern takes from `keys` of an object (`{ login: gate }`, `{ auth: { login } }`) to `value`. */
  private bindPatternMember(pattern: TSESTree.ObjectPattern, keys: readonly string[], value: ModuleValue): void {
    const [key, ...rest] = keys;
    for (const prop of pattern.properties) {
      if (prop.type !== T.Property || prop.computed || staticKey(prop) !== key) continue;
      const target = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
      if (rest.length === 0) this.bindPattern(target, value);
      else if (target.type === T.ObjectPattern) this.bindPatternMember(target, rest, value);
    }
  }

  private onCall(call: TSESTree.CallExpression | TSESTree.NewExpression, callee: ModuleValue): void {
    // `tslib_1.__importDefault(require("express"))` is the module it is given, not a value of tslib.
    if (call.type === T.CallExpression && call.arguments.length === 1 && isInteropHelper(call.callee)) return;
    this.calls.push({ node: call, callee });
    // `class JwtStrategy extends PassportStrategy(Strategy)`: its `super(...)` constructs `Strategy` (`bindMixinSupers`).
    const classNode = call.parent;
    if ((classNode?.type === T.ClassDeclaration || classNode?.type === T.ClassExpression) && classNode.superClass === call) {
      const mixin = CLASS_MIXINS.find((m) => m.module === callee.module && m.path.length === callee.path.length && m.path.every((p, i) => p === callee.path[i]));
      const given = mixin ? call.arguments[mixin.argument] : undefined;
      if (given && given.type !== T.SpreadElement) this.mixins.push({ classNode, given });
    }
    // A method of an app, router or `app.route(path)`.
    const member = call.callee.type === T.MemberExpression ? call.callee : unwrap(call.callee);
    if (member.type === T.MemberExpression && call.type === T.CallExpression) {
      const ownerValue = this.values.get(member.object);
      const route = this.routeValues.get(unwrap(member.object));
      const method = staticKey(member)?.toLowerCase();
      if (method && (ownerValue?.app || route)) {
        const app = ownerValue?.app ?? route!.app;
        const appCall = this.recordAppCall(app, call, method, route ? route.pathNode : undefined);
        if (app.nest && !route && EXPRESS_INSTANCE_METHODS.has(method)) {
          // NestJS hook: `app.getHttpAdapter().getInstance()` is the same Express app.
          this.visit(call, this.makeValue(callee.module, [...callee.path, '()'], call, app));
          return;
        }
        if (method === 'route' && !route) {
          this.routeValues.set(call, { app, pathNode: appCall.pathNode });
          this.values.set(call, this.makeValue(callee.module, [...callee.path, '()'], call));
          this.followRouteChain(call, app, appCall.pathNode);
          this.followRouteConst(call, app, appCall.pathNode);
          return;
        }
        if (route && (HTTP_METHODS.has(method) || method === 'all')) {
          this.followRouteChain(call, app, route.pathNode);
          // (`const signin = app.route('/signin').get(form); signin.post(h)`: a route method returns the route object.)
          this.followRouteConst(call, app, route.pathNode);
          return;
        }
        if (!route && ROUTE_RETURNS_APP.has(method) && !readsAppState(method, 'method', call.arguments.length)) {
          // `app.use(a).use(b)`: these methods return the app itself.
          this.visit(call, this.makeValue(callee.module, callee.path.slice(0, -1), call, app));
          return;
        }
      }
    }
    if (isNestCreate(callee)) {
      // NestJS hook: `await NestFactory.create(AppModule)` is an Express app (unless it runs on Fastify).
      const app = createNestApp(this.sourceCode, call);
      if (app) {
        this.apps.push(app);
        this.visit(call, this.makeValue(callee.module, [...callee.path, '()'], call, app));
        return;
      }
    }
    if (callee.module === 'express' && callee.path.length === 0) {
      const app = this.createApp(call, 'app');
      this.visit(call, this.makeValue('express', ['()'], call, app));
      return;
    }
    // `express.Router()`, and the routers of packages that make Express routers (`PromiseRouter()`): `ROUTER_FACTORIES`.
    if (ROUTER_FACTORIES.some(([module, path]) => callee.module === module && pathIs(callee.path, path))) {
      const app = this.createApp(call, 'router');
      this.visit(call, this.makeValue('express', ['Router', '()'], call, app));
      return;
    }
    this.visit(call, this.makeValue(callee.module, [...callee.path, '()'], call));
  }

  private followRouteChain(call: TSESTree.CallExpression, app: ExpressApp, pathNode: Expression | null): void {
    const parent = call.parent;
    if (parent?.type === T.MemberExpression && parent.object === call) {
      this.routeValues.set(call, { app, pathNode });
      const outer = parent.parent;
      if (outer?.type === T.CallExpression && outer.callee === parent) {
        // (`routes.forEach((r) => app.route(r.path)[r.method](r.handler))`: written out once the file is read, `unrollLoops`.)
        if (parent.computed && staticKey(parent) === null) {
          if (pathNode) this.loopRouteCall(parent, app, pathNode);
          return;
        }
        const value = this.values.get(call) ?? this.makeValue('express', ['route'], call);
        this.values.set(parent, value);
        this.onCall(outer, value);
      }
    }
  }

  /**
   * `const login = app.route('/login'); login.get(form); login.post(signIn)`: a route object that a variable holds, never
   * written again, registers a route with each HTTP method called on it, as the chained form does
   * (`app.route('/login').get(form).post(signIn)`), chained on from there too. Any other use of it (handed to a function,
   * stored) is not followed: the routes registered there stay unknown.
   */
  private followRouteConst(call: TSESTree.CallExpression, app: ExpressApp, pathNode: Expression | null): void {
    const outer = outermost(call);
    const declarator = outer.parent;
    if (declarator?.type !== T.VariableDeclarator || declarator.init !== outer || declarator.id.type !== T.Identifier) return;
    const variable = findVariableOf(this.sourceCode, declarator.id);
    if (!variable || !this.isNeverReassigned(variable)) return;
    const value = this.values.get(call) ?? this.makeValue('express', ['route'], call);
    for (const ref of variable.references) {
      if (ref.init || !ref.isRead()) continue;
      const read = outermost(ref.identifier);
      const member = read.parent;
      const method = member?.type === T.MemberExpression && member.object === read ? staticKey(member)?.toLowerCase() : undefined;
      const routeCall = member?.parent;
      if (!method || (!HTTP_METHODS.has(method) && method !== 'all') || routeCall?.type !== T.CallExpression || routeCall.callee !== member) continue;
      this.routeValues.set(unwrap(read), { app, pathNode });
      this.values.set(member, value);
      this.onCall(routeCall, value);
    }
  }

  private createApp(node: TSESTree.CallExpression | TSESTree.NewExpression, kind: 'app' | 'router'): ExpressApp {
    const app: ExpressApp = {
      kind,
      node,
      name: this.sourceCode.getText(node),
      variable: null,
      declaration: declarationOf(node),
      escapes: false,
      handedOverAt: null,
      calls: [],
      mounts: [],
      servers: [],
    };
    this.apps.push(app);
    return app;
  }

  private recordAppCall(
    app: ExpressApp,
    node: TSESTree.CallExpression,
    method: string,
    routePath: Expression | null | undefined,
  ): AppCall {
    const existing = this.appCallsByNode.get(node);
    if (existing) return existing;
    const appCall = this.makeAppCall(app, node, method, routePath, node.arguments);
    this.appCallsByNode.set(node, appCall);
    app.calls.push(appCall);
    if (appCall.isRoute || appCall.isUse) {
      for (const item of appCall.middleware) {
        if (item.fn) this.recordHandler(item.fn, appCall);
      }
    }
    // (`defaultRoutes.forEach((route) => router.use(route.path, route.route))`: written out once the file is read, `unrollLoops`.)
    if (appCall.isUse) {
      const loop = loopAround(this.sourceCode, node);
      if (loop) this.loopUses.push({ call: appCall, loop });
    }
    return appCall;
  }

  /** The call `node` of one of an app's methods, with `args` as its arguments (its own, or what they are for one element of a loop). */
  private makeAppCall(
    app: ExpressApp,
    node: TSESTree.CallExpression,
    method: string,
    routePath: Expression | null | undefined,
    args: readonly TSESTree.CallExpressionArgument[],
  ): AppCall {
    const isVerb = HTTP_METHODS.has(method) || method === 'all';
    let pathNode: Expression | null = null;
    let rest: readonly TSESTree.CallExpressionArgument[] = args;
    let isRoute = false;
    const isUse = method === 'use';
    if (routePath !== undefined) {
      // `app.route(path).get(handler)`
      pathNode = routePath;
      isRoute = isVerb;
    } else if (method === 'route') {
      pathNode = (args[0] as Expression | undefined) ?? null;
      rest = [];
    } else if (isUse) {
      const first = args[0];
      // (`const AUTH = ['/login', '/signin']; app.use(AUTH, limiter)`: an array of paths, as a literal one is.)
      // (A path built from constants, `API + '/auth'`, `Paths.Auth`, is one too: `staticText`.)
      if (first && (isPathArgument(first) || (first.type !== T.SpreadElement && (staticText(this.sourceCode, first) !== null || (this.arrayPaths(first)?.length ?? 0) > 0)))) {
        pathNode = first as Expression;
        rest = args.slice(1);
      }
    } else if (isVerb && (method !== 'get' || args.length >= 2)) {
      isRoute = args.length >= 2 || method !== 'get';
      pathNode = (args[0] as Expression | undefined) ?? null;
      rest = args.slice(1);
    }
    const appCall: AppCall = {
      app,
      node,
      method,
      isRoute,
      isUse,
      pathNode,
      path: null,
      args: [...rest],
      middleware: isRoute || isUse ? this.middlewareItems(rest) : [],
    };
    if (routePath !== undefined && node.callee.type === T.MemberExpression) appCall.chainMethod = node.callee.property;
    if (pathNode && !this.readPaths(appCall) && this.hook?.importedValue) this.pathsElsewhere.push(appCall);
    const leading = isUse && !pathNode && rest.length >= 2 ? unwrap(rest[0]!) : null;
    if ((leading?.type === T.Identifier || leading?.type === T.MemberExpression) && this.hook?.importedValue) this.usesElsewhere.push(appCall);
    if (this.runsAt.size > 0) {
      const span = runSpan(node, this.runsAt);
      if (span[0] !== node.range[0]) appCall.runsAt = span;
    }
    return appCall;
  }

  /** `use` calls in the body of a loop whose binding their arguments read, not written out yet (`unrollLoops`). */
  private readonly loopUses: { call: AppCall; loop: Loop }[] = [];
  /** Route calls with a computed method that reads a loop's binding (`app[r.method](...)`), not written out yet. */
  private readonly loopRoutes: { app: ExpressApp; node: TSESTree.CallExpression; key: Node; loop: Loop; routePath?: Expression }[] = [];

  /**
   * `router[r.method](r.path, r.handler)` in a loop over a route table (`./loop-mounts`): kept to be written out as the
   * route call each element stands for (`unrollLoops`). A computed method anywhere else stays unknown, as before.
   */
  private loopRouteCall(member: TSESTree.MemberExpression, app: ExpressApp, routePath?: Expression): void {
    const call = outermost(member).parent;
    if (call?.type !== T.CallExpression || this.loopRoutes.some((r) => r.node === call)) return;
    const loop = loopAround(this.sourceCode, call, member.property, routePath);
    if (loop) this.loopRoutes.push({ app, node: call, key: member.property, loop, ...(routePath ? { routePath } : {}) });
  }
  /** The calls each `use` call of a loop stands for, one per element, once written out. */
  private readonly loopCalls = new Map<Node, AppCall[]>();
  /** The calls of a loop whose item an element's expression is (`authRoute` of `{ path: '/auth', route: authRoute }`). */
  private readonly loopItems = new Map<Node, AppCall[]>();
  /** Items of those calls that are a member of another file's module object (`Object.values(routes)`): their value. */
  private readonly loopValues = new WeakMap<MiddlewareItem, ModuleValue>();

  /**
   * Writes out the `use` calls of loops over values the file shows (`./loop-mounts`): `defaultRoutes.forEach((route) =>
   * { router.use(route.path, route.route); })` with `const defaultRoutes = [{ path: '/auth', route: authRoute }, ...]`
   * becomes `router.use('/auth', authRoute)`, ..., each where the loop runs, in the order of the list (each a part of
   * the call's span, `AppCall.runsAt`): what the app mounted before the loop runs before each router, what it mounts
   * after does not. The elements are then mounted (`classifyAppUse`), and a barrel's routers, read through
   * `ImportHook.importedKeys`, get their stand-ins mounted here. A loop whose list or binding the file does not show
   * whole stays one call with unknown items, its routers handed on (`passedOn`).
   */
  private unrollLoops(): void {
    const pending = this.loopUses.splice(0);
    const routes = this.loopRoutes.splice(0);
    if (pending.length === 0 && routes.length === 0) return;
    const byLoop = new Map<Node, { loop: Loop; calls: AppCall[]; routes: typeof routes }>();
    for (const { call, loop } of pending) {
      const group = byLoop.get(loop.head) ?? { loop, calls: [], routes: [] };
      group.calls.push(call);
      byLoop.set(loop.head, group);
    }
    for (const route of routes) {
      const group = byLoop.get(route.loop.head) ?? { loop: route.loop, calls: [], routes: [] };
      group.routes.push(route);
      byLoop.set(route.loop.head, group);
    }
    const reader: LoopReader = {
      sourceCode: this.sourceCode,
      moduleValue: (node) => {
        const value = this.values.get(node) ?? this.values.get(unwrap(node));
        if (!value || value.app || !value.module.startsWith('.') || value.path.includes('()') || this.writtenModules().has(value.module)) return undefined;
        return value;
      },
      moduleKeys: (value) => this.hook?.importedKeys?.(value.module, value.path, value.node.type === T.ImportNamespaceSpecifier && value.path.length === 0),
      member: (value, key) => this.makeValue(value.module, [...value.path, key], value.node),
      moduleLength: (value) => {
        const found = this.hook?.importedValue?.(value.module, value.path);
        const node = found ? unwrap(found.node) : null;
        if (node?.type !== T.ArrayExpression || node.elements.some((e) => !e || e.type === T.SpreadElement)) return null;
        // (A list its file changes, `Routes.push(...)`, holds more than it shows; so may one that another file importing
        // it changes, `routes.push({ method: 'post', path: '/login', handler })` in a third file: `changedElsewhere`.)
        if (LIST_CHANGES.test(found!.sourceCode.text) || this.hook?.changedElsewhere?.(value.module, value.path) !== false) return null;
        return node.elements.length;
      },
      moduleText: (value) => {
        const found = this.hook?.importedValue?.(value.module, value.path);
        return found ? textElsewhere(value, found) : null;
      },
      mountPath: (value) => {
        const found = this.hook?.importedValue?.(value.module, value.path);
        if (!found) return undefined;
        // (Not text: a router, a function, what the model cannot read there. Text it cannot read, a template of
        // variables or a field its class writes again: an unknown path.)
        const text = textElsewhere(value, found);
        return text ?? (isPathArgument(found.node) ? null : undefined);
      },
      parameterList: (node) => {
        const variable = findVariableOf(this.sourceCode, node);
        return variable ? this.parameterLists.get(variable) : undefined;
      },
      instanceApp: (node, key) => {
        const made = this.instanceApps.get(node);
        return made?.key === key ? (made.node as Expression) : null;
      },
    };
    for (const { loop, calls, routes: routeCalls } of byLoop.values()) {
      const unrolled = calls.map((call) => unrolledArguments(reader, call.node, loop));
      // (A route's method: a static name of Express's route methods for each element, `'post'`, or the loop stays unknown.)
      const methods = routeCalls.map((route) => unrolledKeys(reader, route.key, loop));
      const routeArgs = routeCalls.map((route) => unrolledArguments(reader, route.node, loop, route.routePath ? 'chained' : true));
      // (The path of `app.route(r.path)[r.method](...)`: its text for each element, `null` where it is not static.)
      const routePaths = routeCalls.map((route) => (route.routePath ? unrolledPaths(reader, route.routePath, loop) : undefined));
      if (methods.some((names) => !names || names.some((name) => name === null || !isRouteMethod(name)))) continue;
      if (unrolled.some((args) => args === null) || routeArgs.some((args) => args === null) || routePaths.some((paths) => paths === null)) {
        // (A loop over a parameter, `routes.forEach(...)`: its callers in other files may say what it is, `bindParameterList`.)
        if (routeCalls.length === 0 && unwrap(loop.list).type === T.Identifier) this.parameterLoops.push(...calls.map((call) => ({ call, loop })));
        continue;
      }
      const nodes = [...calls.map((call) => call.node), ...routeCalls.map((route) => route.node)];
      if (!bindingOnlyMounted(loop, nodes, routeCalls.flatMap((route) => (route.routePath ? [route.key, route.routePath] : [route.key])))) continue;
      calls.forEach((call, i) => this.writeOut(call, unrolled[i]!));
      routeCalls.forEach((route, i) => this.writeOutRoute(route.app, route.node, methods[i] as string[], routeArgs[i]!, route.routePath, routePaths[i] ?? undefined));
    }
  }

  /**
   * Registers the routes a route call of a loop stands for (`router[r.method](r.path, r.handler)`), one per element, each
   * with the element's method, where the loop runs, in the order of the list (`writeOut` does the same for `use`).
   */
  private writeOutRoute(
    app: ExpressApp,
    node: TSESTree.CallExpression,
    methods: readonly string[],
    elements: readonly (readonly UnrolledArgument[])[],
    routePath?: Expression,
    routePaths?: readonly { path: string | null; node?: Expression }[],
  ): void {
    const made: AppCall[] = [];
    const [start] = node.range;
    const step = 1 / (elements.length + 1);
    for (const [i, args] of elements.entries()) {
      // (`app.route(r.path)[r.method](r.handler)`: the route's path is the element's, of the chain's `route` call.)
      const one = this.makeAppCall(app, node, methods[i]!, routePath, args.map((arg) => arg.node));
      const path = routePaths ? routePaths[i]!.path : args[0]?.path;
      // (Reported at the element's path when the file shows it, as a route of the table written with its path first is.)
      const pathNode = routePaths?.[i]!.node;
      if (pathNode) {
        one.pathNode = pathNode;
        delete one.chainMethod;
      }
      if (path !== undefined && one.pathNode) {
        one.path = path;
        delete one.paths;
        delete one.pathNodes;
      }
      one.runsAt = [start + i * step, start + (i + 1) * step];
      for (const arg of args) {
        if (arg.shared || (!arg.value && !arg.delegate)) continue;
        const item = one.middleware.find((m) => m.node === unwrap(arg.node));
        if (!item) continue;
        // (The TypeORM template's handler: the element's controller method, as a delegating handler is its callee.)
        if (arg.delegate) {
          const callee = arg.delegate.callee;
          item.node = callee;
          // (The element's own handler, `handler: login`: what it names in this file, as `followDelegate` reads a callee.)
          item.fn = arg.delegate.fn ?? (arg.value ? undefined : (this.resolveFunction(callee) ?? this.memberFunction(callee) ?? this.wrappedFunction(callee)));
        }
        // (A handler of another file's table, or a method of another file's class: its value, read there.)
        if (arg.value) this.loopValues.set(item, arg.value);
      }
      for (const item of one.middleware) if (item.fn) this.recordHandler(item.fn, one);
      made.push(one);
    }
    app.calls.push(...made);
    this.loopCalls.set(node, made);
  }

  /** Replaces a `use` call of a loop by one call per element (`unrollLoops`). */
  private writeOut(call: AppCall, elements: readonly (readonly UnrolledArgument[])[]): void {
    const calls = call.app.calls;
    const at = calls.indexOf(call);
    if (at === -1) return;
    const made: AppCall[] = [];
    const [start] = callSpan(call);
    const step = 1 / (elements.length + 1);
    for (const [i, args] of elements.entries()) {
      const path = args[0]?.path;
      const written = path === undefined ? args : args.slice(1);
      const one = this.makeAppCall(call.app, call.node, 'use', undefined, written.map((arg) => arg.node));
      if (path !== undefined) {
        // (A path of a key, `'/users'` of `Object.entries(...)`: the call's own argument, with the text it has there.)
        one.pathNode = args[0]!.node as Expression;
        one.path = path;
        delete one.paths;
        delete one.pathNodes;
      }
      // (Each element where the loop runs, in the order of the list: a part of the call's span.)
      one.runsAt = [start + i * step, start + (i + 1) * step];
      for (const arg of written) {
        if (arg.shared) continue;
        if (arg.value) {
          const item = one.middleware.find((m) => m.node === unwrap(arg.node));
          if (!item) continue;
          this.loopValues.set(item, arg.value);
          // (A barrel's router: a stand-in that `makeValue` made, mounted here.)
          if (arg.value.app) arg.value.app.mounts.push({ parent: call.app, call: one });
          continue;
        }
        // (The app an instance of a class of the file keeps, `route.router` of `new AuthRoute()`: mounted here.)
        if (arg.instance) {
          this.mountLeftElement(arg.instance, one, this.instanceLeaves);
          continue;
        }
        // (The element's items: itself, or those of an array it is, `{ path: '/admin', route: [auth, admin] }`.)
        const [from, to] = arg.node.range;
        for (const item of one.middleware) {
          if (item.node.range[0] < from || item.node.range[1] > to) continue;
          this.loopItems.set(item.node, [...(this.loopItems.get(item.node) ?? []), one]);
          if (item.fn) this.recordHandler(item.fn, one);
          this.mountLeftElement(item.node, one);
        }
      }
      made.push(one);
    }
    calls.splice(at, 1, ...made);
    this.loopCalls.set(call.node, made);
  }

  /**
   * Sets a call's `path` (or `paths` and `pathNodes`) from its `pathNode`: the static string it evaluates to
   * (`staticText`: literals, templates, `+`, `const`s, a `const` object's property, an enum member), and through
   * `elsewhere` constants of other files of the package. False when the path stays unknown.
   */
  private readPaths(appCall: AppCall, elsewhere?: (node: Node) => ValueElsewhere | null): boolean {
    const pathNode = appCall.pathNode!;
    appCall.path = staticText(this.sourceCode, pathNode, elsewhere);
    const paths = appCall.path === null ? this.arrayPaths(pathNode, new Set(), elsewhere) : null;
    if (paths) {
      appCall.paths = paths.map(([path]) => path);
      appCall.pathNodes = paths.map(([, node]) => node);
    }
    return appCall.path !== null || paths !== null || unwrap(pathNode).type === T.Literal;
  }

  /** Calls whose path the file's own reading leaves unknown: read with constants of other files when the file's imports are known (`finish`). */
  private readonly pathsElsewhere: AppCall[] = [];
  /** `use` calls whose first argument, a name or a property read, may be a constant string of another file (`readUsePath`). */
  private readonly usesElsewhere: AppCall[] = [];

  /**
   * `app.use(API, auth)` with `import { API } from './config.js'`: when another file of the package exports a constant
   * string there (`export const API = '/api'`, read as `staticText` reads a path), it is the mount's path, as Express
   * takes a string first argument, and no longer an item of the chain. Otherwise (a file the model cannot read, a
   * `let`, a function, an object, what a call returns) the argument stays an item, as it was read before the file's
   * imports were known.
   */
  private readUsePath(call: AppCall): void {
    const [first, ...rest] = call.args;
    if (call.pathNode || !first || first.type === T.SpreadElement || rest.length === 0) return;
    const node = unwrap(first);
    // (Only a value of another file: the file's own constants were read when the call was recorded.)
    const value = this.values.get(node) ?? this.values.get(first);
    if (!value?.module.startsWith('.')) return;
    const path = staticText(this.sourceCode, first, this.constantElsewhere);
    // (Or an array of such strings there: `app.use(API_PATHS, router)`, the mount's paths.)
    const paths = path === null && node.type === T.Identifier ? this.arrayPathsElsewhere(node, this.constantElsewhere) : null;
    if (path === null && !paths) return;
    call.pathNode = first;
    call.path = path;
    if (paths) {
      call.paths = paths.map(([one]) => one);
      call.pathNodes = paths.map(([, at]) => at);
    }
    call.args = rest;
    call.middleware = call.middleware.filter((item) => item.node !== node);
  }

  /** Modules of the package whose values this file writes (`config.prefix = '/v2'`): what they export is not what it reads. */
  writtenModules(): ReadonlySet<string> {
    if (this.written?.size !== this.values.size) {
      const modules = new Set<string>();
      for (const [read, held] of this.values) {
        const parent = read.parent;
        if (parent?.type === T.AssignmentExpression && parent.left === read && read.type === T.MemberExpression) modules.add(held.module);
        if (parent?.type === T.UpdateExpression || (parent?.type === T.UnaryExpression && parent.operator === 'delete')) modules.add(held.module);
      }
      this.written = { size: this.values.size, modules };
    }
    return this.written.modules;
  }

  private written: { size: number; modules: Set<string> } | undefined;

  /** The constant another file of the package exports at what `node` reads (`API` of `import { API } from './config.js'`), if the file does not write it. */
  readonly constantElsewhere = (node: Node, mentions?: TextTest): ValueElsewhere | null => {
    const value = this.values.get(node) ?? this.values.get(unwrap(node));
    if (!value || value.app || !value.module.startsWith('.') || value.path.includes('()') || this.writtenModules().has(value.module)) return null;
    return (this.hook?.importedValue ?? this.valuesElsewhere)?.(value.module, value.path, mentions) ?? null;
  };

  /** How a model built without the hook reads other files' constants once built (`readsConstantsThrough`). */
  private valuesElsewhere: ImportHook['importedValue'];

  /**
   * Cross-file, for a model the project builds without the hook (what a file exports, read for its importers): its
   * reads of other files' constants go through `importedValue` once it is built, so that an option of that file read
   * for an importer's rule (`cookie` of `const { cookie } = require('../config')` in middleware/session.js, which
   * app.js mounts) is found as the file's own lint would find it. The model itself stays as built.
   */
  readsConstantsThrough(importedValue: NonNullable<ImportHook['importedValue']>): void {
    if (this.hook?.importedValue) return;
    this.valuesElsewhere = importedValue;
    registerFile(this.sourceCode, this, true);
  }

  private middlewareItems(args: readonly TSESTree.CallExpressionArgument[]): MiddlewareItem[] {
    const items: MiddlewareItem[] = [];
    const seen = new Set<Node>();
    const add = (arg: Node, spread = false): void => {
      let node = unwrap(arg);
      if (seen.has(node)) return;
      seen.add(node);
      // `const middleware = [a, b]; app.use(middleware)`
      const array = node.type === T.Identifier ? this.constArray(node) : null;
      if (array) node = array;
      if (node.type === T.ArrayExpression) {
        for (const element of node.elements) if (element) add(element);
        return;
      }
      // `isTest ? [] : [limiter]`: what either branch holds (which one runs is the app's configuration).
      if (node.type === T.ConditionalExpression && this.isArrayList(node.consequent) && this.isArrayList(node.alternate)) {
        add(node.consequent);
        add(node.alternate);
        return;
      }
      // `limits(5)` with `const limits = (n) => [rateLimit({ limit: n })]`: the array a function of the file returns.
      if (node.type === T.CallExpression) {
        const fn = this.resolveFunction(node.callee);
        const returned = fn && !fn.async && !fn.generator ? soleReturn(fn) : null;
        const inner = returned ? unwrap(returned) : null;
        if (inner && (inner.type === T.ArrayExpression || (inner.type === T.ConditionalExpression && this.isArrayList(inner.consequent) && this.isArrayList(inner.alternate)))) {
          add(inner);
          return;
        }
      }
      if (node.type === T.SpreadElement) {
        add(node.argument, true);
        return;
      }
      // (`...fetchMiddlewares(Controller)`: a spread of a call the model did not read as an array above is a list it cannot read.)
      if (spread && node.type === T.CallExpression) {
        items.push({ node, value: undefined, fn: undefined, opaque: true });
        return;
      }
      const item: MiddlewareItem = { node: node as Expression, value: undefined, fn: this.resolveFunction(node) ?? this.memberFunction(node) };
      if (node.type === T.CallExpression && !item.fn) this.defineFactory(item, node);
      items.push(item);
    };
    for (const arg of args) add(arg);
    return items;
  }

  /**
   * `['/login', '/signin']`: the paths of an array of static strings, with the node of each, flattened as Express does
   * (nested arrays, spreads, `const` arrays of the file: `constArray`, unless their elements are written:
   * `AUTH.push(p)`); `null` when one is not a static string or the node is no such array.
   */
  private arrayPaths(node: Node, seen = new Set<Node>(), elsewhere?: (node: Node) => ValueElsewhere | null): [string, Expression][] | null {
    let array = unwrap(node);
    if (array.type === T.Identifier || array.type === T.MemberExpression) {
      const held = array.type === T.Identifier ? this.constArray(array) : null;
      if (!held) return elsewhere && array.type === T.Identifier ? this.arrayPathsElsewhere(array, elsewhere) : null;
      if (held.type !== T.ArrayExpression || mutatesArray(this.sourceCode, array as TSESTree.Identifier)) return null;
      array = held;
    }
    // (`seen`: the arrays being read, outermost first: one that holds itself is no list of paths.)
    if (array.type !== T.ArrayExpression || seen.has(array) || seen.size >= MAX_PATH_ARRAYS) return null;
    seen.add(array);
    const paths: [string, Expression][] = [];
    for (const element of array.elements) {
      const spread = element?.type === T.SpreadElement;
      const inner = !element ? null : element.type === T.SpreadElement ? unwrap(element.argument) : unwrap(element);
      const value = inner && !spread ? staticText(this.sourceCode, inner, elsewhere) : null;
      // (A nested array, or a spread of one: Express flattens both. A hole, or a spread string, is no path.)
      const nested = value === null && (inner?.type === T.ArrayExpression || inner?.type === T.Identifier) ? this.arrayPaths(inner, seen, elsewhere) : null;
      if (value !== null) paths.push([value, inner as Expression]);
      else if (nested) paths.push(...nested);
      else {
        seen.delete(array);
        return null;
      }
    }
    seen.delete(array);
    return paths;
  }

  /**
   * `app.use(API_PATHS, router)` with `export const API_PATHS = ['/api', '/v1']` in another file of the package: the
   * static strings of that array literal, read in its file (`staticText` there; its own imports are not followed), each
   * with the linted file's node that names the array. Only a `const` there that names the array, read by a name here:
   * `null` when either file writes the array (`API_PATHS.push(p)`), for an array that is an object's property there
   * (which a call may change), or when an element is no static string (a spread, a nested array, a hole, a value of a
   * third file).
   */
  private arrayPathsElsewhere(node: TSESTree.Identifier, elsewhere: (node: Node) => ValueElsewhere | null): [string, Expression][] | null {
    if (mutatesArray(this.sourceCode, node)) return null;
    const foreign = elsewhere(node);
    const array = foreign ? unwrap(foreign.node) : null;
    if (!foreign || array?.type !== T.ArrayExpression || array.elements.length === 0) return null;
    const declarator = outermost(array).parent;
    const declaration = declarator?.parent;
    if (declarator?.type !== T.VariableDeclarator || declarator.id.type !== T.Identifier || declaration?.type !== T.VariableDeclaration || declaration.kind !== 'const') return null;
    if (mutatesArray(foreign.sourceCode, declarator.id)) return null;
    const paths: [string, Expression][] = [];
    for (const element of array.elements) {
      const value = element && element.type !== T.SpreadElement ? staticText(foreign.sourceCode, element) : null;
      if (value === null) return null;
      paths.push([value, node as Expression]);
    }
    return paths;
  }

  /** The array literal (or `?:` of two) a never-reassigned variable is declared with. */
  private constArray(id: TSESTree.Identifier): TSESTree.ArrayExpression | TSESTree.ConditionalExpression | null {
    const variable = findVariableOf(this.sourceCode, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return null;
    const init = unwrap(def.node.init);
    const list = init.type === T.ArrayExpression || (init.type === T.ConditionalExpression && this.isArrayList(init.consequent) && this.isArrayList(init.alternate));
    if (!list) return null;
    return variable!.references.every((r) => !r.isWrite() || r.init) ? (init as TSESTree.ArrayExpression | TSESTree.ConditionalExpression) : null;
  }

  /** An array literal, or a never-reassigned variable declared with one. */
  private isArrayList(node: Node): boolean {
    const inner = unwrap(node);
    if (inner.type === T.ArrayExpression) return true;
    if (inner.type !== T.Identifier) return false;
    const array = this.constArray(inner);
    return array?.type === T.ArrayExpression;
  }

  /** A function written in this file: inline, or a function declaration / `const` holding one. */
  /**
   * `MiddlewareItem.factory` of an item written as `call`, worked out when first read (most never are): a function of
   * this file that the callee names, or one of another file of the package (`importedFunction`).
   */
  private defineFactory(item: MiddlewareItem, call: TSESTree.CallExpression): void {
    let made: MadeBy | null | undefined;
    const read = (): MadeBy | null => {
      const local = this.resolveFunction(call.callee);
      if (local) return { fn: local, sourceCode: this.sourceCode };
      const value = this.values.get(call.callee) ?? this.values.get(unwrap(call.callee));
      if (!value || value.app || !value.module.startsWith('.')) return null;
      const elsewhere = this.hook?.importedFunction?.(value.module, value.path);
      return elsewhere ? { fn: elsewhere.fn, sourceCode: elsewhere.sourceCode, moduleCalls: elsewhere.moduleCalls } : null;
    };
    Object.defineProperty(item, 'factory', { get: () => (made ??= read()) ?? undefined, configurable: true, enumerable: false });
  }

  resolveFunction(node: Node): FunctionNode | undefined {
    return localFunctionOf(this.sourceCode, node, (variable) => this.isNeverReassigned(variable));
  }

  /**
   * A handler passed by reference as a member of an object or instance of this file that nothing can change
   * (`app.post('/login', ctrl.login)` with `const ctrl = { login(req, res) {...} }` or `new AuthController()` of a class
   * of the file: `memberValueOf`), also bound (`ctrl.login.bind(ctrl)`, `login.bind(null)`: a bound function with no
   * leading arguments keeps its parameters). (A wrapper's call that the member holds, `{ login: catchAsync(async (req,
   * res) => ...) }`, is read once module values are known: `wrappedFunction`.) Else `undefined`.
   */
  private memberFunction(node: Node): FunctionNode | undefined {
    let inner = unwrap(node);
    if (inner.type === T.CallExpression && inner.arguments.length <= 1 && inner.arguments[0]?.type !== T.SpreadElement) {
      const callee = unwrap(inner.callee);
      if (callee.type !== T.MemberExpression || staticKey(callee) !== 'bind') return undefined;
      inner = unwrap(callee.object);
      if (inner.type !== T.MemberExpression) return this.resolveFunction(inner);
    }
    if (inner.type !== T.MemberExpression) return undefined;
    const held = memberValueOf(this.sourceCode, inner);
    return held ? this.resolveFunction(held) : undefined;
  }

  /**
   * Cross-file: `ctrl.login` of a parameter typed with a class of another file of the package (`function
   * authRouter(ctrl: AuthController)`, `typedParameterMember`): the method of an instance of that class, as `new
   * AuthController().login` of an import is (`['AuthController', '()', 'login']`), so that the class's file gets it as
   * a handler of the route (src/project `link`). Not a class of an installed package. Else `undefined`.
   */
  private typedMemberValue(node: Node): ModuleValue | undefined {
    if (!this.hook) return undefined;
    const typed = typedParameterMember(this.sourceCode, node);
    const module = typed ? this.moduleName(typed.specifier) : null;
    if (!typed || !module?.startsWith('.')) return undefined;
    return this.makeValue(module, [...typed.path, '()', typed.key], node);
  }

  private isNeverReassigned(variable: Variable): boolean {
    let result = this.neverReassigned.get(variable);
    if (result === undefined) {
      result = variable.references.every((r) => !r.isWrite() || r.init);
      this.neverReassigned.set(variable, result);
    }
    return result;
  }

  private recordHandler(fn: FunctionNode, call: AppCall): void {
    const calls = this.handlerCalls.get(fn) ?? new Set<AppCall>();
    if (calls.has(call)) return;
    calls.add(call);
    this.handlerCalls.set(fn, calls);
    const isErrorHandler = isErrorHandlerFunction(fn);
    const order: HandlerRole[] = isErrorHandler ? ['err', 'req', 'res', 'next'] : ['req', 'res', 'next'];
    const params: Handler['params'] = {};
    order.forEach((role, i) => {
      const param = fn.params[i];
      if (param) params[role] = param;
    });
    const handler: Handler = { fn, call, isErrorHandler, params };
    this.handlers.push(handler);
    const scopeManager = this.sourceCode.scopeManager;
    for (const role of order) {
      const param = params[role];
      const id = param?.type === T.AssignmentPattern ? param.left : param;
      if (id?.type !== T.Identifier) continue;
      for (const variable of scopeManager?.getDeclaredVariables(fn) ?? []) {
        if (variable.identifiers.includes(id) && !this.roles.has(variable)) this.roles.set(variable, { role, handler });
      }
    }
  }

  /** Decides what an app or router's bare use means: mounted, served, or leaving the file. */
  private classifyAppUse(node: Node, app: ExpressApp): void {
    const parent = node.parent;
    if (!parent) return;
    // An element of a list that a loop mounts (`{ path: '/auth', route: authRoute }`): mounted by each call it stands for.
    const unrolled = this.loopItems.get(unwrap(node));
    if (unrolled) {
      for (const call of unrolled) app.mounts.push({ parent: call.app, call });
      return;
    }
    // (`app.db.getState()`: a member holding the file's own data, not the app.)
    if (node.type === T.MemberExpression && this.ownMembers.get(app)?.has(staticKey(node) ?? '')) return;
    switch (parent.type) {
      case T.ExpressionStatement:
      case T.BinaryExpression:
      case T.UnaryExpression:
      case T.IfStatement:
      case T.TemplateLiteral:
        return;
      case T.CallExpression:
      case T.NewExpression: {
        if (parent.callee === node) return;
        const callee = this.values.get(parent.callee);
        // (`for (const p of ['/a', '/b']) app.use(p, router)`: mounted by each call the loop's call stands for.)
        const written = this.loopCalls.get(parent);
        if (written) {
          for (const call of written) app.mounts.push({ parent: call.app, call });
          return;
        }
        const mount = parent.type === T.CallExpression ? this.appCallsByNode.get(parent) : undefined;
        if (mount?.isUse) {
          app.mounts.push({ parent: mount.app, call: mount });
          return;
        }
        // (A Node server, or a hosting platform's: `serverless(app)`, `functions.https.onRequest(app)`.)
        // (`functions.region('europe-west1').runWith({...}).https.onRequest(app)`: after the builder's calls.)
        if (callee && (SERVER_FACTORIES.some(([m, p]) => callee.module === m && pathIs(callee.path, p)) || HOSTED_APP_SERVERS.some(([m, p]) => callee.module === m && pathIs(afterBuilders(callee.module, callee.path), p)))) {
          app.servers.push({ node: parent, module: callee.module, method: callee.path.join('.') });
          return;
        }
        if (parent.type === T.CallExpression && callee && HOST_MOUNTS.some(([m, p, i]) => callee.module === m && pathIs(callee.path, p) && parent.arguments[i] === node)) {
          // `vhost('admin.example.com', adminApp)`: a middleware that hands the host's requests to the app; where that
          // call goes (`parent.use(vhost(...))`: a mount) is where the app goes.
          this.values.set(parent, { module: callee.module, path: [...callee.path, '()'], node: parent, app });
          this.classifyAppUse(parent, app);
          return;
        }
        if (callee && TEST_CLIENTS.has(callee.module) && callee.path.length === 0 && this.importedApps.includes(app)) return;
        if (callee && this.hook?.follows(callee.module)) {
          // Handed to a function of the package: src/project follows it there. (`setup.call(null, app)`: `setup(app)`.)
          const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
          const viaCall = parent.type === T.CallExpression && callee.path.at(-1) === 'call' && index > 0;
          this.handoffs.push(viaCall ? { node: parent, index: index - 1, viaCall: true, app, callee: { ...callee, path: callee.path.slice(0, -1) } } : { node: parent, index, app, callee });
          return;
        }
        // NestJS hook: `SwaggerModule.setup('docs', app, document)` reads the app, it does not configure it.
        if (app.nest && isNestAppReader(callee)) return;
        // A function that calls itself with the app (`function configure(app, n) { ...; if (n < 3) configure(app, n + 1) }`)
        // does again only what it does: the app stays where it is.
        if (!callee && this.callsItself(parent)) return;
        // A function of this file that the app is handed to (`configureSecurity(app)`): what it does to the app runs at
        // the call, as for a function of another file (`handedTo`).
        if (parent.type === T.CallExpression && !callee && this.handToLocalFunction(parent, node, app)) return;
        const parameter = parent.type === T.CallExpression && !callee ? this.parameterReceiver(parent) : null;
        if (parameter && parent.type === T.CallExpression) {
          const { escapes, leaks, handedOverAt, passedOn } = app;
          this.parameterUses.push({ variable: parameter, call: parent, app, leaves: this.leaveCounts.get(app) ?? 0, state: { escapes, leaks, handedOverAt, passedOn } });
        }
        this.leaves(app, node);
        return;
      }
      case T.Property: {
        // `expressLoader({ app })`, `loaders({ expressApp: app })`: handed to a function of the package in an options
        // object (the loaders layout); src/project follows it to the parameter that destructures that key.
        const object = parent.parent;
        const call = object?.parent;
        const key = parent.value === node && parent.kind === 'init' && !parent.computed ? staticKey(parent) : null;
        if (key !== null && object?.type === T.ObjectExpression && (call?.type === T.CallExpression || call?.type === T.NewExpression) && call.callee !== object) {
          const index = call.arguments.indexOf(object);
          const callee = this.values.get(call.callee);
          // A hosting platform that serves the app of its options (`serverlessExpress({ app })`).
          if (index >= 0 && callee && HOSTED_APP_SERVERS_BY_OPTION.some(([m, p, k]) => callee.module === m && pathIs(callee.path, p) && key === k)) {
            app.servers.push({ node: call, module: callee.module, method: callee.path.join('.') });
            return;
          }
          if (index >= 0 && callee && this.hook?.follows(callee.module)) {
            this.handoffs.push({ node: call, index, key, app, callee });
            return;
          }
          // `setup({ app })` where `function setup({ app }) { ... }` is a function of this file.
          if (index >= 0 && !callee && call.type === T.CallExpression && this.handToLocalFunction(call, object, app, key)) return;
        }
        this.leavesAsElement(app, node);
        return;
      }
      case T.ReturnStatement:
        if (this.returnsToLocalCalls(parent, node)) return;
        this.leaves(app, node);
        return;
      case T.ArrayExpression:
        this.leavesAsElement(app, node);
        return;
      default:
        this.leaves(app, node);
    }
  }

  /**
   * Apps and routers that left the file as an element of an object or array literal (`classifyAppUse`), with how often
   * they had left before and their state then: a loop that mounts the list, written out only once src/project binds
   * the app it mounts on (`module.exports = (app) => { routes.forEach((r) => app.use(r.path, r.route)); }`), mounts
   * them after all (`writeOut`).
   */
  private readonly elementLeaves = new Map<Node, { app: ExpressApp; leaves: number; state: Pick<ExpressApp, 'escapes' | 'leaks' | 'handedOverAt' | 'passedOn'>; mounted?: true }>();

  /** Apps an instance of a class of the file keeps that left with the instance, an element of a list (`instanceApps`). */
  private readonly instanceLeaves: typeof this.elementLeaves = new Map();

  /** (`at`: where the app leaves, when that is not the element: the app an instance keeps leaves where it is made.) */
  private leavesAsElement(app: ExpressApp, node: Node, leaves = this.elementLeaves, at = node): void {
    const { escapes, leaks, handedOverAt, passedOn } = app;
    leaves.set(unwrap(node), { app, leaves: this.leaveCounts.get(app) ?? 0, state: { escapes, leaks, handedOverAt, passedOn } });
    this.leaves(app, at);
  }

  /**
   * An element that a loop's call written out after it left the file (`elementLeaves`) holds: mounted by `call`, and, if
   * that list was the only way it left, as it was before.
   */
  private mountLeftElement(node: Node, call: AppCall, leaves = this.elementLeaves): void {
    const left = leaves.get(node);
    if (!left || (!left.mounted && this.leaveCounts.get(left.app) !== left.leaves + 1)) return;
    if (!left.mounted) {
      Object.assign(left.app, left.state);
      if (left.state.leaks === undefined) delete left.app.leaks;
      if (left.state.passedOn === undefined) delete left.app.passedOn;
      left.mounted = true;
    }
    left.app.mounts.push({ parent: call.app, call });
  }

  /**
   * `return app` in a function of this file that is only ever called here (`async function initApps() { ...; return
   * parentApp; }` with `const ghostApp = await initApps()`): the calls hold the app, and what the callers do with it
   * decides whether it leaves. Only for a function declared by name (a declaration or a `const`), not exported, with
   * this one `return` and no other use of its name than direct calls. Its calls sort by source position, so
   * middleware a caller adds counts as running before the function's routes only when the caller is written first
   * (a function declared after its call site): a later route may be missed, never an earlier one added.
   */
  private returnsToLocalCalls(statement: TSESTree.ReturnStatement, node: Node): boolean {
    const fn = enclosingFunction(statement);
    if (!fn || fn.body.type !== T.BlockStatement || !fn.body.body.includes(statement)) return false;
    if (fn.body.body.filter((s) => s.type === T.ReturnStatement).length !== 1) return false;
    let id: TSESTree.Identifier | null = null;
    if (fn.type === T.FunctionDeclaration && fn.id && fn.parent.type !== T.ExportNamedDeclaration && fn.parent.type !== T.ExportDefaultDeclaration) id = fn.id;
    const holder = fn.parent;
    if (holder?.type === T.VariableDeclarator && holder.init === fn && holder.id.type === T.Identifier && holder.parent.kind === 'const' && holder.parent.parent.type !== T.ExportNamedDeclaration) {
      id = holder.id;
    }
    const variable = id ? findVariableOf(this.sourceCode, id) : null;
    if (!variable) return false;
    const calls: TSESTree.CallExpression[] = [];
    for (const ref of variable.references) {
      if (ref.init) continue;
      const call = ref.identifier.parent;
      if (call?.type !== T.CallExpression || call.callee !== ref.identifier || enclosingFunction(call) === fn) return false;
      calls.push(call);
    }
    if (calls.length === 0) return false;
    const value = this.values.get(node);
    if (!value?.app) return false;
    // Last, as it walks the whole body: no other `return` nested in it (a `return router` closing a long setup
    // function is met in most route files of a package).
    if (containsReturn(fn.body.body.filter((s) => s !== statement))) return false;
    for (const call of calls) this.visit(call, { ...value, node: call });
    return true;
  }

  /**
   * `configureSecurity(app)` where `configureSecurity` is a function declared in this file (a declaration or a `const`
   * holding one, never written again) whose parameter at the app's position is a plain name bound nowhere else yet: that
   * parameter becomes a stand-in of the app, mounted at the call, and the app's `handedTo` lists it, so what the function
   * mounts runs in the app's chains at the call and its routes get the app's chain before the call. `false` otherwise
   * (the app then leaves at the call, as before). With `key`, the app is that property of the argument (`setup({ app })`)
   * and the parameter is the name the function destructures it to (`function setup({ app }) { ... }`).
   */
  private handToLocalFunction(call: TSESTree.CallExpression, node: Node, app: ExpressApp, key?: string): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier || app.nest) return false;
    const fn = this.resolveFunction(callee);
    if (!fn || fn.async || fn.generator) return false;
    for (let scope: Node | null = enclosingFunction(call); scope; scope = enclosingFunction(scope)) if (scope === fn) return false;
    const index = call.arguments.indexOf(node as TSESTree.CallExpressionArgument);
    let param: Node | undefined = fn.params[index];
    if (param?.type === T.AssignmentPattern) param = param.left;
    if (key !== undefined) {
      const property = param?.type === T.ObjectPattern ? param.properties.find((p) => p.type === T.Property && !p.computed && staticKey(p) === key) : undefined;
      param = property?.type === T.Property ? property.value : undefined;
      if (param?.type === T.AssignmentPattern) param = param.left;
    }
    if (param?.type !== T.Identifier) return false;
    const parameter = this.sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.identifiers.includes(param as TSESTree.Identifier));
    if (!parameter || this.boundVariables.has(parameter) || !this.isNeverReassigned(parameter)) return false;
    const standIn: ExpressApp = {
      kind: 'router',
      node: fn as unknown as TSESTree.CallExpression,
      name: `${parameter.name} (passed at line ${lineOf(call)})`,
      variable: parameter,
      declaration: null,
      escapes: false,
      handedOverAt: null,
      calls: [],
      mounts: [],
      servers: [],
    };
    const mount: AppCall = { app, node: call, method: 'use', isRoute: false, isUse: true, pathNode: null, path: null, args: [], middleware: [] };
    standIn.mounts.push({ parent: app, call: mount, index: -1 });
    app.handedTo = [...(app.handedTo ?? []), { at: call.range[1], app: standIn }];
    this.localHandoffs.set(standIn, { app, call, left: false });
    this.apps.push(standIn);
    this.bindVariable(parameter, this.makeValue('express', ['Router', '()'], fn, standIn));
    return true;
  }

  /** Whether a call's callee names a function that the call is in (a recursive call). */
  private callsItself(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier) return false;
    const fn = this.resolveFunction(callee);
    if (!fn) return false;
    for (let scope: Node | null = enclosingFunction(call); scope; scope = enclosingFunction(scope)) if (scope === fn) return true;
    return false;
  }

  /** `p.use(...)` where `p` is a parameter of a function (not yet known as an app): the parameter's variable. */
  private parameterReceiver(call: TSESTree.CallExpression): Variable | null {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || staticKey(callee) !== 'use') return null;
    const object = unwrap(callee.object);
    if (object.type !== T.Identifier) return null;
    const variable = findVariableOf(this.sourceCode, object);
    return variable?.defs.length === 1 && variable.defs[0]!.type === 'Parameter' && !this.boundVariables.has(variable) ? variable : null;
  }

  /** `node` (the app or an expression holding it) takes the app out of the file: by export or return, or handed over. */
  private leaves(app: ExpressApp, node: Node): void {
    this.leaveCounts.set(app, (this.leaveCounts.get(app) ?? 0) + 1);
    app.escapes = true;
    // Anything but a module export leaks it (a return hands it to a caller that src/project may not see).
    if (!leavesByExportOrReturn(node, false)) app.leaks = true;
    if (!leavesByExportOrReturn(node)) {
      app.passedOn = true;
      // A function of this file handed the app (`handToLocalFunction`) passes it on: the app leaves at that call.
      const local = this.localHandoffs.get(app);
      if (local && !local.left) {
        local.left = true;
        this.leaves(local.app, local.call);
      }
    }
    const sameFunction = enclosingFunction(node) === enclosingFunction(app.node);
    if (sameFunction && leavesByExportOrReturn(node)) return;
    if (returnedByExportedFunction(app, node)) return;
    const at = sameFunction ? node.range[0] : -1;
    app.handedOverAt = app.handedOverAt === null ? at : Math.min(app.handedOverAt, at);
    this.handedOver.add(app);
  }

  /**
   * The reads of `this.key` in the class's methods and fields are `value` (an instance of a class of another module
   * of the package), when the class shows every use of the key: `this` never handed out or read by a computed key, and
   * `this.key` written nowhere but `declaration` (a field's initializer; `null` for a constructor's parameter property).
   */
  private bindInstanceReads(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, key: string, value: ModuleValue, declaration: Node | null): void {
    const uses = instanceUses(classNode, key, this.sourceCode.visitorKeys);
    if (!uses || uses.writes.some((write) => write !== declaration)) return;
    for (const read of uses.reads) this.visit(read, value);
  }

  /**
   * An app kept on the instance of a class of this file: `this.app = express()` in its constructor or a method, or a
   * field `app = express()`. Followed when the class shows every use of it: `this.app` written once, `this` not handed
   * out, and its uses run in an order the class shows (a method that uses the app, or a field holding an arrow function,
   * is called from the constructor, `this.middleware(); this.routes();`, or from a method it runs: its calls run at that
   * statement, `AppCall.runsAt`, when that is not where they are written, so that `this.routes();
   * this.app.use(errorHandler);` mounts the handler after the routes).
   * Then each `this.app` is the app, and so is `new App().app` or `server.app` of `const server = new App()`; any other
   * use of the class or its instances (exported, extended, handed out) lets the app leave the file, as an export of
   * it would. Else `false`: the app leaves at the assignment, as before.
   */
  private bindClassMember(target: Node, app: ExpressApp, value: ModuleValue, node: Node): boolean {
    let key: string | null;
    let classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
    // `constructor(private readonly router: Router)`: the app a caller hands the constructor is `this.router` too.
    const parameterProperty = target.type === T.TSParameterProperty;
    if (target.type === T.TSParameterProperty) {
      const method = target.parent.parent;
      const id = target.parameter.type === T.AssignmentPattern ? target.parameter.left : target.parameter;
      if (method?.type !== T.MethodDefinition || method.kind !== 'constructor' || id.type !== T.Identifier) return false;
      key = id.name;
      classNode = method.parent.parent;
    } else if (target.type === T.PropertyDefinition) {
      if (target.static || target.computed) return false;
      key = staticKey(target);
      classNode = target.parent.parent;
    } else {
      if (target.type !== T.MemberExpression || target.object.type !== T.ThisExpression) return false;
      key = staticKey(target);
      const fn = thisFunction(target);
      const method = fn?.parent;
      if (method?.type !== T.MethodDefinition || method.static || method.value !== fn) return false;
      classNode = method.parent.parent;
    }
    if (key === null) return false;
    const uses = instanceUses(classNode, key, this.sourceCode.visitorKeys);
    if (!uses) return false;
    const writes = uses.writes.filter((write) => write !== target);
    if (writes.length > 0 || (target.type === T.MemberExpression && !uses.writes.includes(target))) return false;
    // Accessors (`getServer() { return this.app; }`) hand the app to their callers only: a call of one on an instance
    // is a read of the app there (below, and src/project for instances of other files), not the class handing it out.
    // (Not for the caller's app of a parameter property: that one is the caller's anyway.)
    const accessors = parameterProperty ? new Map<string, TSESTree.MemberExpression>() : accessorMethods(classNode, key, this.sourceCode.visitorKeys);
    const returned = new Set<Node>(accessors.values());
    const reads = uses.reads.filter((read) => !returned.has(read));
    // (A read of the app's state, `this.app.get('env')`, `this.app.locals`, changes nothing whenever it runs: a handler
    // of the class, `home = (req, res) => res.render('home', this.app.locals)`, may run at any time.)
    const ordered: Node[] = reads.filter((read) => !readsStateOf(read));
    if (target.type === T.MemberExpression) ordered.push(target);
    // Several methods that run after the constructor (`middleware()`, `routes()`, `listen()`, in that order): the order
    // they run in is their callers'. Those of an exported class's instances made in other files are checked there
    // (src/project `link`); any made in this file leave the app unknown.
    let later: string[] | null = null;
    if (!runsInSourceOrder(classNode, ordered)) {
      later = parameterProperty ? null : laterMethods(classNode, ordered);
      if (!later) return false;
    }
    if (parameterProperty) {
      this.runFromConstructor(classNode, ordered);
      // The caller's app: its name and where it goes stay the caller's.
      for (const read of uses.reads) this.visit(read, value);
      return true;
    }
    // Instances: `new App().app`, `const server = new App(); server.app`.
    const outside: Node[] = [];
    let madeHere = false;
    // The class exported (`export class AuthRoutes`, `module.exports = App`): its importers make the instances, and
    // src/project follows `new AuthRoutes().router` there, as an export of the app itself. Any other use leaves.
    let exported = classNode.parent?.type === T.ExportNamedDeclaration || classNode.parent?.type === T.ExportDefaultDeclaration;
    let leaves = false;
    const elements: TSESTree.NewExpression[] = [];
    const classVariable = this.sourceCode.scopeManager?.getDeclaredVariables(classNode).find((v) => v.name === classNode.id?.name) ??
      (classNode.parent?.type === T.VariableDeclarator && classNode.parent.id.type === T.Identifier ? findVariableOf(this.sourceCode, classNode.parent.id) : null);
    if (!classVariable && !exported) leaves = true;
    for (const reference of classVariable?.references ?? []) {
      if (reference.init || reference.identifier === classNode.id) continue;
      const created = reference.identifier.parent;
      if (created?.type !== T.NewExpression || created.callee !== reference.identifier) {
        if (leavesByExportOrReturn(reference.identifier as Node, false)) exported = true;
        else leaves = true;
        continue;
      }
      madeHere = true;
      const holder = created.parent;
      // `instance.getServer()` of an accessor: the app, as `instance.app` is.
      const accessorCall = (member: TSESTree.MemberExpression): Node | null => {
        const call = member.parent;
        return accessors.has(staticKey(member) ?? '') && call?.type === T.CallExpression && call.callee === member ? call : null;
      };
      // (The accessor itself handed on, `register(server.getServer)`: whoever calls it gets the app.)
      const accessorHandedOn = (member: TSESTree.MemberExpression): boolean => accessors.has(staticKey(member) ?? '') && !accessorCall(member);
      if (holder?.type === T.MemberExpression && holder.object === created) {
        if (staticKey(holder) === key) outside.push(holder);
        else if (accessorCall(holder)) outside.push(accessorCall(holder)!);
        else if (accessorHandedOn(holder)) leaves = true;
      } else if (holder?.type === T.VariableDeclarator && holder.init === created && holder.id.type === T.Identifier) {
        const instance = findVariableOf(this.sourceCode, holder.id);
        if (!instance || !this.isNeverReassigned(instance)) leaves = true;
        for (const use of instance?.references ?? []) {
          if (use.init) continue;
          const member = use.identifier.parent;
          if (member?.type === T.MemberExpression && member.object === use.identifier) {
            if (staticKey(member) === key) outside.push(member);
            else if (accessorCall(member)) outside.push(accessorCall(member)!);
            else if (staticKey(member) === null || accessorHandedOn(member)) leaves = true;
          } else {
            leaves = true;
          }
        }
      } else if (holder?.type === T.ArrayExpression && holder.elements.includes(created)) {
        // (`[new AuthRoute()].forEach((route) => this.app.use('/', route.router))`: an element of a list, mounted if a
        // loop of the file mounts the instance's app, `instanceApp` of `./loop-mounts`; else it leaves there.)
        elements.push(created);
      } else if (holder?.type !== T.ExpressionStatement) {
        leaves = true;
      }
    }
    if (later && (leaves || !exported || madeHere)) return false;
    this.runFromConstructor(classNode, ordered);
    app.name = `this.${key}`;
    app.ordered = true;
    if (leaves) this.leaves(app, node);
    else if (exported) {
      this.leavesWithExportedClass(app);
      this.classApps.set(classNode, { key, app, later, made: madeHere });
    }
    for (const created of elements) {
      this.instanceApps.set(created, { key, node });
      this.leavesAsElement(app, created, this.instanceLeaves, node);
    }
    for (const read of [...reads, ...outside]) this.visit(read, value);
    return true;
  }

  /** The app calls in the methods that the class's constructor runs run where they are called (`AppCall.runsAt`). */
  private runFromConstructor(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, nodes: readonly Node[]): void {
    for (const [method, statement] of constructorCalls(classNode, nodes) ?? []) this.runsAt.set(method, statement);
  }

  /**
   * An app kept on the instances of an exported class leaves the file as an exported app does: the importers that
   * make instances get it. One made in a method (`this.router = Router()` in the constructor) leaves from the start
   * of the file's order, as an export of it from another function does.
   */
  private leavesWithExportedClass(app: ExpressApp): void {
    this.leaveCounts.set(app, (this.leaveCounts.get(app) ?? 0) + 1);
    app.escapes = true;
    if (enclosingFunction(app.node) === null) return;
    app.handedOverAt = app.handedOverAt === null ? -1 : Math.min(app.handedOverAt, -1);
  }

  /**
   * Instances of a class of this file that keeps an app (`bindClassMember`), made as an element of an array literal
   * (`[new AuthRoute()]`): the key the class keeps it at and the node that makes it (`router = Router()`), for a loop
   * that mounts `route.router` (`LoopReader.instanceApp`).
   */
  private readonly instanceApps = new Map<Node, { key: string; node: Node }>();

  /** Apps that left the file otherwise than with their exported class (`leaves`: handed over, or exported from a function). */
  private readonly handedOver = new Set<ExpressApp>();

  /**
   * Cross-file (src/project `link`): an app kept on the instances of an exported class, made in a method (`this.app =
   * express()` in the constructor), whose importers only make instances and call their methods: nothing reaches the app
   * before the constructor has run (the instance is made there), so it was handed over only where this file shows. Undoes
   * what `leavesWithExportedClass` assumed, when nothing else handed the app over. (Its `escapes` is the caller's.)
   */
  keptByImportedClass(app: ExpressApp): void {
    if (app.handedOverAt === -1 && !this.handedOver.has(app) && !app.passedOn && !app.leaks && [...this.classApps.values()].some((kept) => kept.app === app)) {
      app.handedOverAt = null;
    }
  }

  /**
   * Cross-file (src/project `link`), for an exported class that no file of the package imports: an app its constructor
   * makes, of a class that this file makes an instance of (`new Server().start()`) and whose methods run in an order the
   * class shows (no `later`), as `keptByImportedClass` sees it: nothing reached it before the constructor ran.
   */
  keptByOwnInstance(app: ExpressApp): void {
    if ([...this.classApps.values()].some((kept) => kept.app === app && kept.made && kept.later === null)) this.keptByImportedClass(app);
  }

  /**
   * The role of an expression inside a known handler: its `req`, its `res` (and `res.status(...)` chains), ..., also
   * through a local alias of one (`const reply = res`: `aliasedIdentifier`).
   */
  roleOf(node: Node): HandlerRole | null {
    return this.roleAndHandler(node, 0)?.role ?? null;
  }

  /** The handler whose parameter `node` is (or a local alias of it holds), with the parameter's role. */
  roleAndHandler(node: Node, depth = 0): { role: HandlerRole; handler: Handler } | null {
    const inner = unwrap(node);
    if (inner.type === T.Identifier) {
      const variable = findVariableOf(this.sourceCode, inner);
      if (!variable) return null;
      const known = this.roles.get(variable);
      if (known || depth >= MAX_ALIASES) return known ?? null;
      const aliased = aliasedIdentifier(variable);
      return aliased ? this.roleAndHandler(aliased, depth + 1) : null;
    }
    const chained = responseChainObject(inner);
    const role = chained ? this.roleAndHandler(chained, depth) : null;
    return role?.role === 'res' ? role : null;
  }
}

/**
 * True when reading `member` of an app (or calling it with `args` arguments) only reads the app's state
 * (`app.get('port')`, `app.locals`): a row of `APP_STATE_READS`.
 */
function readsAppState(member: string | null, kind: 'method' | 'property', args = 0): boolean {
  return APP_STATE_READS.some((row) => row.member === member && row.kind === kind && (row.args === undefined || args <= row.args));
}

/** True when `read` (`this.app`) is only read for the app's state: `this.app.get('env')`, `this.app.locals.title`. */
function readsStateOf(read: TSESTree.MemberExpression): boolean {
  const member = read.parent;
  if (member?.type !== T.MemberExpression || member.object !== read) return false;
  const call = member.parent;
  if (call?.type === T.CallExpression && call.callee === member) return readsAppState(staticKey(member), 'method', call.arguments.length);
  return readsAppState(staticKey(member), 'property');
}

/** Arrays of paths (nested or named) that `arrayPaths` reads for one call. */
const MAX_PATH_ARRAYS = 16;

/** `AUTH.push('/x')`, `AUTH[0] = '/x'`, `AUTH.length = 0`: the `const` array `id` names has its elements changed. */
function mutatesArray(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): boolean {
  const variable = findVariableOf(sourceCode, id);
  return (variable?.references ?? []).some((ref) => {
    const member = outermost(ref.identifier).parent;
    if (member?.type !== T.MemberExpression || member.object !== outermost(ref.identifier)) return false;
    if (isAssignmentTarget(member)) return true;
    const key = staticKey(member);
    return key !== null && ARRAY_MUTATORS.has(key) && isMethodCall(member);
  });
}

/** `x.m(...)`: the member is called as a method. */
/** `Routes.push(r)`, `routes.splice(...)`: a file that may change a list it exports. */
const LIST_CHANGES = /\.(?:push|unshift|splice)\s*\(/u;

/** `'post'`, `'all'`: a method of an app or router that registers a route (lower case, as Express names them). */
function isRouteMethod(name: string): boolean {
  return HTTP_METHODS.has(name) || name === 'all';
}

function isMethodCall(member: TSESTree.MemberExpression): boolean {
  const outer = outermost(member);
  return (outer.parent?.type === T.CallExpression || outer.parent?.type === T.NewExpression) && outer.parent.callee === outer;
}

/** `x.m.n` that is not called (`app._router.stack.length`): a read of the member's state. */
function isPlainRead(member: TSESTree.MemberExpression): boolean {
  const outer = outermost(member);
  const parent = outer.parent;
  return parent?.type === T.MemberExpression && parent.object === outer && !isMethodCall(parent) && !isAssignmentTarget(parent);
}

/**
 * `app.db = router.db`: `member` (of an app) is given a value with no function in it, under a key that is not one of
 * Express's own (`APP_OWN_PROPERTIES`, the app's methods).
 */
function storesOwnData(member: TSESTree.MemberExpression, key: string, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  const assignment = member.parent;
  if (assignment.type !== T.AssignmentExpression || assignment.left !== member || assignment.operator !== '=') return false;
  if (APP_OWN_PROPERTIES.has(key) || HTTP_METHODS.has(key) || NON_SERVING_APP_METHODS.has(key)) return false;
  return !someNode(visitorKeys, assignment.right, (node) => isFunction(node));
}

/** `x.m = ...`, `x.m++`, `delete x.m`: the member is written, not read. */
function isAssignmentTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent.type === T.AssignmentExpression && parent.left === member) ||
    parent.type === T.UpdateExpression ||
    (parent.type === T.UnaryExpression && parent.operator === 'delete')
  );
}


/** Object literals nested in one another that `visitObjectMember` follows a value out of. */
const MAX_OBJECT_DEPTH = 4;

/** `limits.login = x`, `limits.auth.login = x`, `delete limits.login`: a reference whose members are written. */
function writesMember(reference: Node, keys?: readonly string[]): boolean {
  let current = outermost(reference);
  const path: (string | null)[] = [];
  for (let depth = 0; depth <= MAX_OBJECT_DEPTH && current.parent?.type === T.MemberExpression && current.parent.object === current; depth++) {
    path.push(current.parent.computed ? (staticKey(current.parent) ?? null) : staticKey(current.parent));
    // (Only a write on the way to `keys`, or inside what they hold, changes them: `limits.login = x` leaves `limits.api`.)
    if (isAssignmentTarget(current.parent)) return !keys || path.every((key, i) => i >= keys.length || key === null || key === keys[i]);
    current = outermost(current.parent);
  }
  return false;
}

/** The TypeScript parameter property a variable is the parameter of (`constructor(private router: Router)`), if any. */
function parameterPropertyOf(variable: Variable): TSESTree.TSParameterProperty | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter') return null;
  let node: Node | undefined = def.name.parent;
  if (node?.type === T.AssignmentPattern) node = node.parent;
  return node?.type === T.TSParameterProperty ? node : null;
}

/** `path` after the calls of builder methods it starts with (`['region', '()', 'https', 'onRequest']`: `['https', 'onRequest']`). */
function afterBuilders(module: string, path: readonly string[]): readonly string[] {
  let start = 0;
  while (path[start + 1] === '()' && BUILDER_METHODS.some(([m, method]) => m === module && method === path[start])) start += 2;
  return start === 0 ? path : path.slice(start);
}

function pathIs(path: readonly string[], expected: readonly string[]): boolean {
  return path.length === expected.length && path.every((p, i) => p === expected[i]);
}

/** The first argument of `use` is a path when it is a string, template, regex, or an array of those. */
function isPathArgument(arg: Node): boolean {
  const node = unwrap(arg);
  if (node.type === T.Literal) return typeof node.value === 'string' || 'regex' in node;
  // (`API + '/auth'`: text, whatever `API` is; never a function.)
  if (node.type === T.TemplateLiteral || (node.type === T.BinaryExpression && node.operator === '+')) return true;
  if (node.type === T.ArrayExpression) {
    return node.elements.length > 0 && node.elements.every((e) => e !== null && e.type !== T.SpreadElement && isPathArgument(e));
  }
  return false;
}

/** A function of another file of the package that an app is handed to (`ExpressApp.handedTo`). */
export interface HandedTo {
  /** Where the call that hands it the app ends, in the file of the app. */
  at: number;
  /** The function's stand-in for its parameter, with the calls it makes on it. */
  app: ExpressApp;
  /**
   * An async function called without `await`: where its first `await` starts. What it does from there runs after the
   * caller has gone on (after the routes the caller registers next): `handedCalls` puts it at `DEFERRED`.
   */
  deferredFrom?: number;
  /**
   * Where that part runs in the order of the app's file: `DEFERRED` (after everything the caller registers) unless the
   * caller waits for the promise later (`const p = configure(app); ...; await p`: at that `await`).
   */
  deferredAt?: number;
}

/** The position of what an async function does after its first `await` when its caller does not wait for it. */
export const DEFERRED = Number.MAX_SAFE_INTEGER;

/** A call that a function of another file makes on an app handed to it, at the position of that handoff in the app's file. */
export interface HandedCall {
  call: AppCall;
  /** Where the handoff (`require('./config/security')(app)`) ends in the file of the app it was handed. */
  at: number;
}

/**
 * Per app, with the `handedTo` arrays it read (the app's and those of the functions it is handed to): the project model
 * gives an app a new array when it adds or drops a handoff (as it links the files that need them, or finds a callee
 * edited).
 */
const handedCache = new WeakMap<ExpressApp, { read: [ExpressApp, readonly unknown[] | undefined][]; list: readonly HandedCall[] }>();
const NO_HANDED: readonly HandedCall[] = [];
/** Functions handed an app in turn (`configure(app)` calling `security(app)`) that `handedCalls` follows. */
const MAX_HANDED_DEPTH = 40;

/**
 * The static text of what another file of the package holds at `value` (`ImportHook.importedValue`'s `found`); for a
 * member of an instance (`path` of `new AuthRoute()`), only a field its class writes nowhere else (`classField`).
 */
function textElsewhere(value: ModuleValue, found: ValueElsewhere): string | null {
  if (value.path.includes('()')) {
    const field = found.node.parent;
    const owner = field?.type === T.PropertyDefinition && field.value === found.node ? field.parent.parent : null;
    const key = owner ? staticKey(field as TSESTree.PropertyDefinition) : null;
    if (!owner || key === null || classField(owner, key, found.sourceCode.visitorKeys) !== found.node) return null;
  }
  return staticText(found.sourceCode, found.node);
}

/**
 * Cross-file: the calls that functions of other files of the package make on `app` when it is handed to them
 * (`handedTo`), in the order they run, each at the position of its handoff in `app`'s file. A function's calls are
 * those of its own body (a callback in it may run at any time: not counted), with what it hands on in turn at the
 * point it does so.
 */
export function handedCalls(app: ExpressApp): readonly HandedCall[] {
  if (!app.handedTo) return NO_HANDED;
  const cached = handedCache.get(app);
  if (cached?.read.every(([holder, array]) => holder.handedTo === array)) return cached.list;
  const list: HandedCall[] = [];
  const read: [ExpressApp, readonly unknown[] | undefined][] = [[app, app.handedTo]];
  for (const handed of [...app.handedTo].sort((a, b) => a.at - b.at)) collectHanded(handed, handed.at, new Set([app]), list, read);
  handedCache.set(app, { read, list });
  return list;
}

function collectHanded(handed: HandedTo, at: number, seen: Set<ExpressApp>, out: HandedCall[], read: [ExpressApp, readonly unknown[] | undefined][]): void {
  const standIn = handed.app;
  if (seen.has(standIn) || seen.size > MAX_HANDED_DEPTH) return;
  seen.add(standIn);
  read.push([standIn, standIn.handedTo]);
  // The function's own calls; for a stand-in of another file's top level (what a loader mounts once a route module has
  // loaded, src/project `loadedAfter`), the calls of that top level.
  const body = standIn.node as Node;
  const home = isFunction(body) ? body : enclosingFunction(body);
  const own = standIn.calls.filter((call) => enclosingFunction(call.node) === home);
  const nested = [...(standIn.handedTo ?? [])].sort((a, b) => a.at - b.at);
  /** Where something the function does at `position` of its file runs, in the order of the app's file. */
  const when = (position: number): number => (handed.deferredFrom !== undefined && position > handed.deferredFrom ? (handed.deferredAt ?? DEFERRED) : at);
  let next = 0;
  for (const call of own) {
    while (next < nested.length && nested[next]!.at <= call.node.range[0]) {
      const inner = nested[next++]!;
      collectHanded(inner, when(inner.at), seen, out, read);
    }
    out.push({ call, at: when(call.node.range[0]) });
  }
  for (; next < nested.length; next++) collectHanded(nested[next]!, when(nested[next]!.at), seen, out, read);
  seen.delete(standIn);
}

/**
 * True when every middleware that can run before `node`, a call of `app`, is in this file: `app` is an app (a
 * router's requests come through the apps that mount it) and nothing handed it to code this file does not show
 * before `node`. An exported or returned app counts: its importer or caller gets it once the file's routes are
 * registered, so what they add with `use` runs after those routes. For an app that leaves the file, a call in
 * another function than the one that creates the app may run at any time, so it is not known.
 */
export function chainKnownBefore(app: ExpressApp, node: Node): boolean {
  if (app.kind !== 'app') return false;
  if (!app.escapes) return true;
  if (enclosingFunction(node) !== enclosingFunction(app.node)) return false;
  return app.handedOverAt === null || node.range[1] <= app.handedOverAt;
}

/**
 * `Promise.resolve().then(() => require("x"))` (the body through an interop helper, `__importStar(...)`): how
 * TypeScript (module CommonJS) and Babel write `import("x")`. That promise, the `then` call, else `null`.
 */
function compiledImport(fn: TSESTree.ArrowFunctionExpression): TSESTree.CallExpression | null {
  const then = fn.parent;
  if (fn.params.length > 0 || then?.type !== T.CallExpression || then.arguments.length !== 1 || then.arguments[0] !== fn) return null;
  if (then.callee.type !== T.MemberExpression || staticKey(then.callee) !== 'then') return null;
  const resolve = then.callee.object;
  if (resolve.type !== T.CallExpression || resolve.arguments.length > 0 || resolve.callee.type !== T.MemberExpression) return null;
  const promise = resolve.callee.object;
  if (promise.type !== T.Identifier || promise.name !== 'Promise' || staticKey(resolve.callee) !== 'resolve') return null;
  return then;
}

/**
 * The callback `promise.then(cb)` gives what `promise` resolves to, when it takes it as a parameter (`(m) => ...`,
 * `({ default: routes }) => ...`, a function expression); else `null`.
 */
function thenCallback(promise: Node): FunctionNode | null {
  const member = promise.parent;
  if (member?.type !== T.MemberExpression || member.object !== promise || staticKey(member) !== 'then') return null;
  const call = member.parent;
  if (call?.type !== T.CallExpression || call.callee !== member) return null;
  const callback = call.arguments[0];
  return callback && isFunction(callback) && callback.params.length > 0 ? callback : null;
}

/**
 * An arrow function whose result nobody reads: the callback of an array's `forEach`, or of a promise's `then`,
 * `catch` or `finally` whose promise is a statement of its own (`connect().then(() => app.use(api));`).
 */
function discardsResult(fn: TSESTree.ArrowFunctionExpression): boolean {
  const call = fn.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(fn) || call.callee.type !== T.MemberExpression) return false;
  const method = staticKey(call.callee);
  if (method === 'forEach') return call.arguments[0] === fn;
  if (method !== 'then' && method !== 'catch' && method !== 'finally') return false;
  let statement: Node | undefined = call.parent;
  if (statement?.type === T.AwaitExpression) statement = statement.parent;
  return statement?.type === T.ExpressionStatement;
}

/**
 * True when `node` leaves the file only as a module export or as the return value of its function, directly or
 * inside an object or array literal: `export default app`, `export { app }`, `module.exports = { app }`,
 * `exports.app = app` (compiled code's getter returning `app`, `definedExports`), `return app`, `() => app`.
 */
function leavesByExportOrReturn(node: Node, orReturn = true): boolean {
  let current: Node = outermost(node);
  // Compiled code's `Object.defineProperty(exports, "router", { get: function() { return router; } })`: an export.
  if (isDefinedExportValue(current)) return true;
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case T.Property:
        if (parent.value !== current || parent.parent.type !== T.ObjectExpression) return false;
        current = outermost(parent.parent);
        continue;
      case T.ArrayExpression:
        current = outermost(parent);
        continue;
      case T.ReturnStatement:
        return orReturn;
      case T.ExportDefaultDeclaration:
      case T.ExportSpecifier:
      case T.TSExportAssignment:
        return true;
      case T.ArrowFunctionExpression:
        return orReturn && parent.body === current;
      case T.VariableDeclarator:
        return parent.init === current && parent.parent.parent?.type === T.ExportNamedDeclaration;
      case T.AssignmentExpression:
        return parent.right === current && isExportTarget(parent.left);
      default:
        return false;
    }
  }
}

/**
 * A router made at the top of the module and returned by a function the module exports (`const router = Router();
 * module.exports = function () { router.post(...); return router; }`): like a factory's own router, it goes where
 * the calls of that function go (src/project gives it the mounts of those calls), so the return hands it to no one
 * earlier than an export would.
 */
function returnedByExportedFunction(app: ExpressApp, node: Node): boolean {
  if (app.kind !== 'router' || enclosingFunction(app.node) !== null) return false;
  if (!leavesByExportOrReturn(node) || leavesByExportOrReturn(node, false)) return false;
  const fn = enclosingFunction(node);
  if (!fn) return false;
  if (fn.type === T.FunctionDeclaration && fn.parent.type === T.ExportNamedDeclaration) return true;
  return leavesByExportOrReturn(fn, false);
}

/** True when a `return` statement is among `statements` or nested in their blocks (not in nested functions). */
function isAstNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

function containsReturn(statements: readonly Node[]): boolean {
  const stack: Node[] = [...statements];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === T.ReturnStatement) return true;
    if (isFunction(current)) continue;
    // Every key but `parent` (no visitor keys here: a file the project model parsed may come without them), with no
    // array allocated per node.
    for (const key in current) {
      if (key === 'parent') continue;
      const child = (current as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (isAstNode(c)) stack.push(c);
      } else if (isAstNode(child)) {
        stack.push(child);
      }
    }
  }
  return false;
}

/**
 * The `import(...)` expression that starts at `offset`, else `null` (a comment, a string, a type). Walks down only the
 * nodes that hold the offset: a file of the package that the project parsed has no `getNodeByRangeIndex`.
 */
function importExpressionAt(sourceCode: TSESLint.SourceCode, offset: number): TSESTree.ImportExpression | null {
  let found: TSESTree.ImportExpression | null = null;
  someNode(sourceCode.visitorKeys, sourceCode.ast, (node) => {
    if (node.range[0] > offset || node.range[1] <= offset) return 'skip';
    if (node.type === T.ImportExpression && node.range[0] === offset) found = node;
    return found !== null;
  });
  return found;
}

/** A value made by `new` (or a call) of a module of the package: `new UsersService()`, `makeRepo()`. */
/** `this.key` written in a class's constructor (not in a nested function): the class and the key; else `null`. */
function constructorMember(target: Node): { classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression; key: string } | null {
  if (target.type !== T.MemberExpression || target.object.type !== T.ThisExpression) return null;
  const key = staticKey(target);
  const fn = thisFunction(target);
  const method = fn?.parent;
  if (key === null || method?.type !== T.MethodDefinition || method.kind !== 'constructor' || method.value !== fn) return null;
  return { classNode: method.parent.parent, key };
}

function isPackageInstance(value: ModuleValue): boolean {
  return value.module.startsWith('.') && value.path.at(-1) === '()';
}

/**
 * The class and key of `constructor(private readonly users: UsersService)` for the type reference `UsersService` of a
 * constructor's parameter property (not optional, not a rest or destructured parameter, a plain type name); else `null`.
 */
function typedParameterProperty(type: TSESTree.TSTypeReference): { classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression; key: string } | null {
  if (type.typeArguments || type.parent?.type !== T.TSTypeAnnotation) return null;
  const id = type.parent.parent;
  const property = id?.parent;
  if (id?.type !== T.Identifier || id.optional || property?.type !== T.TSParameterProperty || property.parameter !== id) return null;
  const method = property.parent?.parent;
  if (method?.type !== T.MethodDefinition || method.kind !== 'constructor') return null;
  const classNode = method.parent.parent;
  return { classNode, key: id.name };
}
