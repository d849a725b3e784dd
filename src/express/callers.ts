import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { NEST_AUTH_GUARD, NEST_PASSPORT_MODULE } from '../data/nest';
import type { ImporterView } from '../project';
import { definedExports, isModuleExports } from '../project/exports';
import { lineOf } from '../util/lines';
import { assignedName, declaredName, enclosingFunction, findVariableOf, isFunction, staticKey, unwrap, type FunctionNode, type Variable } from './ast';
import { authenticateStepCall, passportAuthenticateCall } from './authenticate-steps';
import { summaryElsewhere } from './helpers-elsewhere';
import type { ExpressModel } from './index';
import { middlewareChains, routeFullPath, writtenPath, type MiddlewareChain } from './middleware-chain';
import { pathEquals, reportNodeOf, sourceOf, type AppCall, type MiddlewareItem, type ModuleValue } from './model';
import { staticValueOf } from './options';
import { passportStrategies } from './token-auth';
import { enclosingAdapted, enclosingHandler, type RequestData } from './request-data';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** A call in another file of the package that hands request data to a parameter of a function of the linted file. */
export interface RequestDataCaller {
  /** The request data the argument carries, as the caller's file names it (`req.query.category`). */
  source: string;
  /** The route whose handler makes the call (`GET /products`), or `null` when none is known. */
  route: string | null;
  /** The caller's file relative to the package root, and the line of the argument. */
  file: string;
  line: number;
  /**
   * For a caller two hops away: the function of another file (a service) that the caller's argument reaches and that
   * hands it, as it is, to the linted file's function (`relaysIn`), with its file and the line of that call.
   */
  through?: { name: string; file: string; line: number };
}

/**
 * The calls, in the importers `views` (the import scan's, parsed: `importerViews`), of `fn` (a function of the linted
 * file, as the project model reads it there: an export, a method of an exported class or object, a service a class
 * keeps) whose argument for parameter `param` carries request data with `danger`, sorted by file and line. Each
 * importer's model and request data are the ones a lint of it builds (`read`); only its calls of a value of a module
 * that names the linted file are looked at, and only those are summarised (no other file is read for them).
 */
export function requestDataCallersIn(
  views: readonly ImporterView[],
  read: (view: ImporterView) => { model: ExpressModel; requestData: RequestData } | null,
  fn: FunctionNode,
  param: number,
  danger: number,
  keys: VisitorKeys,
): RequestDataCaller[] {
  const found: RequestDataCaller[] = [];
  for (const view of views) {
    const importer = read(view);
    if (!importer) continue;
    const { model, requestData } = importer;
    if (requestData.handlers.list.length === 0 && model.adapted.length === 0) continue;
    const named = new Map<string, boolean>();
    for (const { node, callee } of model.moduleCalls) {
      if (node.type !== T.CallExpression || callee.app || !callee.module.startsWith('.')) continue;
      const arg = node.arguments[param];
      if (!arg || arg.type === T.SpreadElement || node.arguments.slice(0, param).some((a) => a.type === T.SpreadElement)) continue;
      let names = named.get(callee.module);
      if (names === undefined) {
        names = view.names(callee.module);
        named.set(callee.module, names);
      }
      if (!names) continue;
      const taint = requestData.carries(arg, danger);
      if (!taint) continue;
      const imported = summaryElsewhere(model, callee, keys)?.imported;
      if (!imported || imported.file !== view.target || !sameFunction(imported.fn, fn)) continue;
      found.push({ source: taint.source, route: routeOf(model, node), file: view.rel, line: lineOf(arg) });
    }
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** The same function: the node itself, or the same span of the same file parsed again (the linted text, unchanged). */
function sameFunction(a: FunctionNode, b: FunctionNode): boolean {
  return a === b || (a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.type === b.type);
}

/** The route of the handler around `node` (`GET /products`, its full path when the mounts give one), else `null`. */
function routeOf(model: ExpressModel, node: TSESTree.Node): string | null {
  const handler = enclosingHandler(model, node) ?? enclosingAdapted(model, node)[0] ?? null;
  if (!handler || !handler.call.isRoute || handler.call.isUse) return null;
  const call = handler.call;
  return `${call.method.toUpperCase()} ${routeFullPath(middlewareChains(call)) ?? writtenPath(call)}`;
}

/** How a message names the callers: `from req.query.category in GET /products (src/products.js:14)`, `and 2 more`. */
export function callersText(callers: readonly RequestDataCaller[]): string {
  const [first] = callers;
  if (!first) return '';
  const more = callers.length > 1 ? ` and ${callers.length - 1} more` : '';
  const through = first.through ? ` through '${first.through.name}' (${first.through.file}:${first.through.line})` : '';
  return `, from ${first.source}${first.route ? ` in ${first.route}` : ''} (${first.file}:${first.line})${through}${more}`;
}

/** A function of an importer that hands its own parameter on to a function of the linted file (`relaysIn`). */
export interface Relay {
  fn: FunctionNode;
  /** Its parameter that it hands on. */
  param: number;
  /** Its name as its file declares it (`findUser`). */
  name: string;
  /** The line of the argument it hands on. */
  line: number;
}

/**
 * The functions of an importer (`view`, whatever signs of Express it shows: a service) that hand a parameter of their
 * own to parameter `param` of `fn` (a function of the linted file, as `requestDataCallersIn` matches a call of it), as
 * it is: a plain parameter that nothing assigns and that the function uses for nothing else (no check of it, no text
 * built from it, no other call), so that what its callers pass is what `fn` gets. The second hop of a service-side
 * finding (`findUser(name)` doing `repo.findByName(name)`); what reaches such a function is then read as the first
 * hop reads the linted file's (`requestDataCallersIn`), never further.
 */
export function relaysIn(view: ImporterView, model: ExpressModel, fn: FunctionNode, param: number, keys: VisitorKeys): Relay[] {
  const candidates: { variable: Variable; outer: FunctionNode; index: number; arg: TSESTree.Identifier }[] = [];
  /** The identifiers handed to `fn` as they are: a relay's parameter may appear there only. */
  const handed = new Set<TSESTree.Node>();
  const named = new Map<string, boolean>();
  for (const { node, callee } of model.moduleCalls) {
    if (node.type !== T.CallExpression || callee.app || !callee.module.startsWith('.')) continue;
    const raw = node.arguments[param];
    if (!raw || raw.type === T.SpreadElement || node.arguments.slice(0, param).some((a) => a.type === T.SpreadElement)) continue;
    const arg = unwrap(raw);
    if (arg.type !== T.Identifier) continue;
    let names = named.get(callee.module);
    if (names === undefined) {
      names = view.names(callee.module);
      named.set(callee.module, names);
    }
    if (!names) continue;
    const imported = summaryElsewhere(model, callee, keys)?.imported;
    if (!imported || imported.file !== view.target || !sameFunction(imported.fn, fn)) continue;
    handed.add(arg);
    const variable = findVariableOf(view.sourceCode, arg);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Parameter' || !isFunction(def.node as TSESTree.Node)) continue;
    const outer = def.node as FunctionNode;
    const index = outer.params.indexOf(def.name as TSESTree.Parameter);
    if (index < 0) continue;
    candidates.push({ variable, outer, index, arg });
  }
  const found: Relay[] = [];
  const seen = new Set<Variable>();
  for (const { variable, outer, index, arg } of candidates) {
    if (seen.has(variable)) continue;
    seen.add(variable);
    if (variable.references.some((ref) => ref.isWrite() || !handed.has(ref.identifier))) continue;
    const name = declaredName(outer) ?? assignedName(outer);
    if (name) found.push({ fn: outer, param: index, name, line: lineOf(arg) });
  }
  return found;
}

/**
 * What the files read for a strategy's routes show of NestJS's guards besides `AuthGuard('name')` itself
 * (`nestGuardsIn`): the guard classes that extend it, and the strategy `AuthGuard()` runs.
 */
export interface NestGuards {
  /** The strategies each guard class runs (`class LocalAuthGuard extends AuthGuard('local') {}`), by its file (absolute), then its name. */
  classes: ReadonlyMap<string, ReadonlyMap<string, readonly (string | null)[]>>;
  /**
   * The strategies of the guard classes each file exports, by its file (absolute), then the name it exports one as
   * (`export class LocalAuthGuard`, `default` for `export default class JwtGuard` or tsc's `exports.default = JwtGuard`,
   * `exports.LocalAuthGuard = LocalAuthGuard`, `export { KioskGuard as Kiosk }`).
   */
  exported: ReadonlyMap<string, ReadonlyMap<string, readonly (string | null)[]>>;
  /** What `AuthGuard()` runs: the default strategy (`[null]` when not known). */
  defaults: readonly (string | null)[];
  /** The file (absolute) of each parse read. */
  files: ReadonlyMap<TSESLint.SourceCode, string>;
  /** Where a value that the file `from` imports is defined in the package (`exportedAt`): its file and export path. */
  resolve(from: string, value: ModuleValue): { file: string; path: readonly string[] } | null;
}

/**
 * The NestJS guards of `views` (each file's model and parse): every class `X extends AuthGuard(...)` of their files,
 * with the strategies it runs, and the default strategy that `AuthGuard()` runs: the `defaultStrategy` (a name or a
 * list of names) that every `PassportModule.register(...)` of those files gives, when they all give the same one as
 * a constant; none when one gives another, none or one the model cannot read, or uses `registerAsync` (unknown: such
 * a guard then links no route).
 */
export function nestGuardsIn(
  views: readonly { model: ExpressModel; file: string; sourceCode: TSESLint.SourceCode }[],
  resolve: NestGuards['resolve'],
): NestGuards {
  const defaults = new Set<string | null>();
  for (const { model, sourceCode } of views) {
    for (const { node, callee } of model.moduleCalls) {
      if (callee.module !== NEST_PASSPORT_MODULE.module) continue;
      if (pathEquals(callee, callee.module, NEST_PASSPORT_MODULE.registerAsync)) defaults.add(null);
      if (!pathEquals(callee, callee.module, NEST_PASSPORT_MODULE.register)) continue;
      const [options] = node.arguments;
      const view = options && options.type !== T.SpreadElement ? model.options(options) : 'unknown';
      const value = view === 'unknown' ? null : view.get(NEST_PASSPORT_MODULE.option);
      const known = value?.kind === 'set' ? staticValueOf(sourceCode, value.node)?.value : undefined;
      const names = typeof known === 'string' ? [known] : Array.isArray(known) && known.every((name) => typeof name === 'string') ? known : null;
      defaults.add(names && names.length > 0 ? JSON.stringify(names) : null);
    }
  }
  const [only] = defaults;
  const defaultStrategies: readonly (string | null)[] = defaults.size === 1 && only ? (JSON.parse(only) as string[]) : [null];
  const classes = new Map<string, Map<string, readonly (string | null)[]>>();
  const exported = new Map<string, Map<string, readonly (string | null)[]>>();
  const files = new Map<TSESLint.SourceCode, string>();
  for (const { model, file, sourceCode } of views) {
    files.set(sourceCode, file);
    let named: Map<string, readonly (string | null)[]> | undefined;
    for (const { node, callee } of model.moduleCalls) {
      const cls = guardClassOf(node, callee);
      if (!cls) continue;
      const strategies = node.arguments.length === 0 ? defaultStrategies : passportStrategies(node as TSESTree.CallExpression);
      // (`export default class extends AuthGuard('jwt') {}`: only its export names it.)
      if (!cls.id && cls.parent?.type === T.ExportDefaultDeclaration) setIn(exported, file, 'default', strategies);
      // (tsc's `let LocalAuthGuard = class LocalAuthGuard extends (0, passport_1.AuthGuard)('local') {}`: the binding's name.)
      const binding = cls.parent?.type === T.VariableDeclarator && cls.parent.id.type === T.Identifier ? cls.parent.id.name : cls.id?.name;
      if (!binding) continue;
      if (!named) classes.set(file, (named = new Map()));
      named.set(binding, strategies);
    }
    if (!named) continue;
    for (const [name, local] of classExports(sourceCode.ast, named)) setIn(exported, file, name, named.get(local)!);
  }
  return { classes, exported, defaults: defaultStrategies, files, resolve };
}

/** The class whose base `node` is when it is a call of NestJS's `AuthGuard(...)` (`class LocalAuthGuard extends AuthGuard('local') {}`), else `null`. */
function guardClassOf(node: TSESTree.Node, callee: ModuleValue): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  if (node.type !== T.CallExpression || !pathEquals(callee, NEST_AUTH_GUARD.module, NEST_AUTH_GUARD.path)) return null;
  const cls = node.parent;
  return (cls?.type === T.ClassDeclaration || cls?.type === T.ClassExpression) && cls.superClass === node ? cls : null;
}

function setIn<V>(map: Map<string, Map<string, V>>, key: string, name: string, value: V): void {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  inner.set(name, value);
}

/**
 * The names a file's top level exports its classes `local` names as, with the local name: `export class X` (`X`),
 * `export default class X` and `export default X` (`default`), `export { X as Y }` (`Y`), tsc's CommonJS
 * `exports.X = X`, `exports.X = X = __decorate([...], X)`, `exports.default = X` (also on `module.exports`), and SWC's
 * getters (`definedExports`).
 */
function classExports(program: TSESTree.Program, local: ReadonlyMap<string, unknown>): [string, string][] {
  const found: [string, string][] = [];
  for (const statement of program.body) {
    if (statement.type === T.ExportNamedDeclaration && !statement.source) {
      const declared = statement.declaration;
      if (declared?.type === T.ClassDeclaration && declared.id && local.has(declared.id.name)) found.push([declared.id.name, declared.id.name]);
      for (const specifier of statement.specifiers) {
        if (specifier.local.type !== T.Identifier || !local.has(specifier.local.name)) continue;
        const name = specifier.exported.type === T.Identifier ? specifier.exported.name : String(specifier.exported.value);
        found.push([name, specifier.local.name]);
      }
    } else if (statement.type === T.ExportDefaultDeclaration) {
      const declared = statement.declaration;
      const name = declared.type === T.Identifier ? declared.name : (declared.type === T.ClassDeclaration || declared.type === T.ClassExpression) ? declared.id?.name : undefined;
      if (name && local.has(name)) found.push(['default', name]);
    } else if (statement.type === T.ExpressionStatement) {
      // (`exports.LocalAuthGuard = LocalAuthGuard = __decorate([...], LocalAuthGuard)`: the targets, then the value.)
      const targets: TSESTree.Node[] = [];
      let expression: TSESTree.Node = statement.expression;
      while (expression.type === T.AssignmentExpression && expression.operator === '=') {
        targets.push(expression.left);
        expression = expression.right;
      }
      const held = [...targets, expression].find((node): node is TSESTree.Identifier => node.type === T.Identifier && local.has(node.name));
      if (!held) continue;
      for (const target of targets) {
        const name = exportsMember(target);
        if (name) found.push([name, held.name]);
      }
    }
  }
  // SWC's getters: `Object.defineProperty(exports, "LocalAuthGuard", { get: function() { return LocalAuthGuard; } })`.
  for (const { key, value } of definedExports(program)) if (value.type === T.Identifier && local.has(value.name)) found.push([key, value.name]);
  return found;
}

/** `N` of `exports.N` or `module.exports.N` (static), else `null`. */
function exportsMember(node: TSESTree.Node): string | null {
  return node.type === T.MemberExpression && isModuleExports(node.object) ? staticKey(node) : null;
}

/**
 * The strategies a middleware item runs: `passport.authenticate('local')` or a step that runs it
 * (`passportAuthenticateCall`), NestJS's `AuthGuard('local')` (`AuthGuard()`:
 * the default strategy `guards` read), or with `guards` a guard class that extends it, of the item's own file or
 * imported from another (`@UseGuards(LocalAuthGuard)`); none for anything else.
 */
function strategiesRunBy(item: MiddlewareItem, guards: NestGuards | undefined): readonly (string | null)[] {
  const value = item.value;
  const node = value?.node;
  // (`passport.authenticate('local')`, or a step that runs it: `(req, res, next) => passport.authenticate('local', cb)(req, res, next)`.)
  const authenticate = passportAuthenticateCall(item);
  if (authenticate) return passportStrategies(authenticate);
  if (node?.type === T.CallExpression && pathEquals(value, NEST_AUTH_GUARD.module, [...NEST_AUTH_GUARD.path, '()'])) {
    return node.arguments.length > 0 ? passportStrategies(node) : (guards?.defaults ?? NO_STRATEGIES);
  }
  if (!guards || guards.classes.size === 0) return NO_STRATEGIES;
  // (A guard class: `@UseGuards(LocalAuthGuard)`, `new LocalAuthGuard()`.)
  const inner = unwrap(item.node);
  const ref = inner.type === T.NewExpression ? unwrap(inner.callee) : inner;
  if (ref.type !== T.Identifier && ref.type !== T.MemberExpression) return NO_STRATEGIES;
  const source = sourceOf(ref);
  const file = source && guards.files.get(source);
  if (!file) return NO_STRATEGIES;
  if (ref.type === T.Identifier) {
    const local = findVariableOf(source, ref)?.defs[0]?.node;
    // (tsc's `let KioskGuard = class KioskGuard extends (0, passport_1.AuthGuard)('kiosk') {}` too.)
    if (local?.type === T.ClassDeclaration || (local?.type === T.VariableDeclarator && local.init && unwrap(local.init).type === T.ClassExpression)) {
      return guards.classes.get(file)?.get(ref.name) ?? NO_STRATEGIES;
    }
  }
  // (Imported: `import { LocalAuthGuard } from './guards'`, a default import, tsc's `guards_1.LocalAuthGuard`.)
  const imported = value ?? undefined;
  if (!imported || !imported.module.startsWith('.') || imported.path.length > 1) return NO_STRATEGIES;
  const found = guards.resolve(file, imported);
  // (A default import reads the whole module: `export default class JwtGuard`, `exports.default = JwtGuard`.)
  const name = found?.path.length === 0 ? 'default' : found?.path.length === 1 ? found.path[0]! : null;
  return (found && name !== null && guards.exported.get(found.file)?.get(name)) || NO_STRATEGIES;
}

const NO_STRATEGIES: readonly (string | null)[] = [];

/** Whether a middleware item runs `strategy` (`strategiesRunBy`). */
function authenticatesWith(item: MiddlewareItem, strategy: string, guards?: NestGuards): boolean {
  return strategiesRunBy(item, guards).includes(strategy);
}

/**
 * The values of other modules that a `use` of `model` mounts after an item that runs `strategy`
 * (`app.use('/admin', passport.authenticate('local'), adminRouter)` with `adminRouter` imported): routers whose routes
 * run behind it, though their own file need not call `authenticate` (`mountedViews` reads them).
 */
export function mountedBehindAuthenticate(model: ExpressModel, strategy: string): { module: string; path: readonly string[] }[] {
  const found: { module: string; path: readonly string[] }[] = [];
  for (const app of model.apps) {
    for (const call of app.calls) {
      if (!call.isUse) continue;
      const at = call.middleware.findIndex((item) => authenticatesWith(item, strategy));
      if (at < 0) continue;
      for (const item of call.middleware.slice(at + 1)) {
        const value = item.value;
        if (value && !item.fn) found.push({ module: value.module, path: value.path });
      }
    }
  }
  return found;
}

/**
 * Whether a file (its model) defines a NestJS guard class that extends `AuthGuard(…)`, or binds the middleware
 * `passport.authenticate(…)` makes to a name or an export
 * (`exports.requireAdmin = passport.authenticate('admin')`, `export const requireAdmin = …`, `const requireAdmin = …`,
 * `module.exports = { requireAdmin: … }`, `export default …`), or runs it in a step with the step's own `req, res, next`
 * (`authenticateStepCall`: `exports.requireStaff = (req, res, next) => passport.authenticate('staff')(req, res, next)`,
 * a factory's step): its importers may run it (`app.use('/admin', requireAdmin, adminRouter)`, `router.post('/login',
 * requireAdmin, h)`) though their own text never calls `authenticate`; what they run is read through their own model
 * (`MiddlewareItem.from`: the value that file makes; `passportAuthenticateCall`: the step's call).
 */
export function bindsAuthenticate(model: ExpressModel): boolean {
  return model.moduleCalls.some(({ node, callee }) => {
    // (A NestJS guard class, `export class LocalAuthGuard extends AuthGuard('local') {}`: `@UseGuards(LocalAuthGuard)`.)
    if (guardClassOf(node, callee)) return true;
    if (node.type !== T.CallExpression || !pathEquals(callee, 'passport', ['authenticate'])) return false;
    let child: TSESTree.Node = node;
    let parent: TSESTree.Node | undefined = node.parent;
    while (parent && unwrap(parent) !== parent) {
      child = parent;
      parent = parent.parent;
    }
    if (!parent) return false;
    switch (parent.type) {
      case T.VariableDeclarator:
        return parent.init === child;
      case T.AssignmentExpression:
        return parent.right === child;
      case T.Property:
        return parent.value === child;
      case T.ExportDefaultDeclaration:
        return true;
      case T.CallExpression: {
        // (A step that runs it with its own `req, res, next`: `exports.requireStaff = (req, res, next) =>
        // passport.authenticate('staff')(req, res, next)`, or what a factory returns, `basicAuth(params)`.)
        const fn = parent.callee === child ? enclosingFunction(parent) : null;
        return fn !== null && authenticateStepCall(fn) === node;
      }
      default:
        return false;
    }
  });
}

/** A route that logs in with a Passport strategy: the `passport.authenticate(…)` item of its chain, with its model. */
export interface AuthenticatingRoute {
  model: ExpressModel;
  call: AppCall;
  /**
   * The ways a request reaches the route through that item, each with the middleware that runs before it: the
   * route's own item (`app.post('/login', passport.authenticate('local'), h)`), or one a `use` mounts above it
   * (`app.use('/auth', passport.authenticate('local'))`, `router.use(passport.authenticate('local'))`).
   */
  chains: MiddlewareChain[];
  /**
   * `POST /login (app.js:9)`: the route and where its `authenticate` call is (the route's own line when that call is
   * in another file, a mount of the app that imports its router).
   */
  label: string;
}

/**
 * The routes, in `models` (the linted file's own first, then the files that may authenticate: `authenticatingViews`),
 * whose middleware runs `passport.authenticate(strategy)` (or a list of names holding it), as `passportStrategies`
 * reads them, in the route's own arguments or in a `use` that runs before it on its path (of its app, or of an app
 * that mounts its router); sorted by file and line.
 */
export function authenticatingRoutesIn(models: readonly { model: ExpressModel; rel: string }[], strategy: string, guards?: NestGuards): AuthenticatingRoute[] {
  const authenticates = (item: MiddlewareItem): boolean => authenticatesWith(item, strategy, guards);
  // (The chains of every route are read only when a `use` of these files mounts such an item: rare, and only asked once
  // a finding in a verify callback is about to be reported.)
  const mounted = models.some(({ model }) => model.apps.some((app) => app.calls.some((call) => call.isUse && call.middleware.some(authenticates))));
  const found: (AuthenticatingRoute & { file: string; line: number; own: boolean })[] = [];
  for (const { model, rel } of models) {
    const seen = new Set<AppCall>();
    for (const handler of model.handlers) {
      const call = handler.call;
      if (seen.has(call) || !call.isRoute || call.isUse) continue;
      seen.add(call);
      const index = call.middleware.findIndex(authenticates);
      let chains: MiddlewareChain[];
      let item: MiddlewareItem;
      if (index >= 0) {
        item = call.middleware[index]!;
        chains = middlewareChains(call, index);
      } else {
        if (!mounted) continue;
        chains = [];
        let first: MiddlewareItem | undefined;
        for (const chain of middlewareChains(call, call.middleware.length)) {
          const at = chain.entries.findIndex((entry) => authenticates(entry.item));
          if (at < 0) continue;
          first ??= chain.entries[at]!.item;
          chains.push({ ...chain, entries: chain.entries.slice(0, at) });
        }
        if (!first) continue;
        item = first;
      }
      const line = sourceOf(item.node) === sourceOf(call.node) ? lineOf(item.node) : lineOf(reportNodeOf(call));
      const path = routeFullPath(index >= 0 ? chains : middlewareChains(call)) ?? writtenPath(call);
      const own = sourceOf(handler.fn) === sourceOf(call.node);
      found.push({ model, call, chains, file: rel, line, label: `${call.method.toUpperCase()} ${path} (${rel}:${line})`, own });
    }
  }
  // (A step of another file that the route runs, `kioskAuth(params)`, is a handler of the route in that file's model
  // too: the route is named once, from the file that writes it.)
  const written = new Set(found.filter((route) => route.own).map((route) => route.call.node));
  return found.filter((route) => route.own || !written.has(route.call.node)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
