import nodePath from 'node:path';

import { NON_SERVING_APP_METHODS } from '../data/express';
import { HELMET_MIDDLEWARE_NAMES, OTHER_HEADER_MIDDLEWARES } from '../data/helmet';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { declaredName, enclosingFunction, staticKey, unwrap, type FunctionNode } from './ast';
import { staticValueOf } from './options';
import { prefixMatches, writtenPath } from './middleware-chain';
import { DEFERRED, sourceOf } from './model';
import { ATTACK_HEADERS, headersWrittenBy } from '../project/header-writes';
import { packageRootOf } from '../project/resolve';

import { appCallsAcrossFiles, callSpan, handedCalls, middlewareChains, usedMiddleware, type AppCall, type ExpressApp, type ExpressModel, type MiddlewareItem } from './index';
import { lineOf } from '../util/lines';

export interface HelmetUse {
  call: AppCall;
  item: MiddlewareItem;
  /** `helmet` for `helmet(...)`, else the standalone middleware's name (`hsts`, `xPoweredBy`, ...). */
  middleware: string;
  /** The options argument of that call, if any. */
  options: MiddlewareItem['node'] | undefined;
}

/** helmet middleware mounted on an app with `use`: `helmet()`, `helmet({...})`, `helmet.hsts()`, `hsts()`. */
export function helmetUses(app: ExpressApp): HelmetUse[] {
  const uses: HelmetUse[] = [];
  for (const { call, item } of usedMiddleware(app)) {
    const value = item.value;
    if (value?.module !== 'helmet' || value.path.at(-1) !== '()') continue;
    const path = value.path.slice(0, -1);
    const middleware = path.length === 0 ? 'helmet' : path.length === 1 && HELMET_MIDDLEWARE_NAMES.has(path[0]!) ? path[0]! : null;
    if (!middleware) continue;
    const creation = value.node;
    const options =
      (creation.type === 'CallExpression' || creation.type === 'NewExpression') && creation.arguments[0]?.type !== 'SpreadElement'
        ? (creation.arguments[0] as MiddlewareItem['node'] | undefined)
        : undefined;
    uses.push({ call, item, middleware, options });
  }
  return uses;
}

/**
 * What middleware outside helmet mounted on the app with `use` sets of the headers that stop attacks
 * (`OTHER_HEADER_MIDDLEWARES`: `lusca.xframe('SAMEORIGIN')`, `lusca({ hsts: { maxAge } })`, a key not written as
 * `false`; a middleware function of this file, or of another file of the package, that writes one on its response,
 * `headersWrittenBy`), and which of them
 * it leaves out: `null` when it sets none (options the model cannot read set none).
 */
export function otherHeaderMiddleware(sourceCode: TSESLint.SourceCode, model: ExpressModel, app: ExpressApp): { set: string[]; lacking: string[]; labels: string[] } | null {
  const set = new Set<string>();
  const labels = new Set<string>();
  for (const { item } of usedMiddleware(app)) {
    // (A middleware function of this file, or one that another file of the package exports: `item.elsewhere`, read
    // only for an item that holds a module of the package and stands for no middleware of an installed package.)
    const elsewhere = item.fn || !item.value?.module.startsWith('.') || item.from ? undefined : item.elsewhere;
    const fn = item.fn ?? elsewhere?.fn;
    if (fn) {
      // (A function of another file the app was handed to, `require('./security')(app)`, is read in its own file.)
      const written = headersWrittenBy(elsewhere?.sourceCode ?? sourceOf(fn) ?? sourceCode, fn);
      for (const header of written) set.add(header);
      const node = unwrap(item.node);
      const name = declaredName(fn) ?? (node.type === T.Identifier ? node.name : null);
      if (written.length > 0) labels.add(name === null ? 'a middleware function' : `'${name}'`);
      continue;
    }
    const value = item.value;
    if (value?.path.at(-1) !== '()') continue;
    const rows = OTHER_HEADER_MIDDLEWARES.filter((row) => row.module === value.module);
    if (rows.length === 0) continue;
    const creation = value.node;
    const first = creation.type === T.CallExpression || creation.type === T.NewExpression ? creation.arguments[0] : undefined;
    for (const row of rows) {
      let sets = false;
      if (value.path.length === 2 && value.path[0] === row.method) sets = true;
      else if (value.path.length === 1 && first && first.type !== T.SpreadElement) {
        const view = model.options(first);
        const option = view === 'unknown' ? null : view.get(row.optionKey);
        sets = option?.kind === 'set' && staticValueOf(sourceCode, option.node)?.value !== false;
      }
      if (!sets) continue;
      set.add(row.header);
      labels.add(row.label);
    }
  }
  if (set.size === 0) return null;
  return { set: ATTACK_HEADERS.filter((h) => set.has(h)), lacking: ATTACK_HEADERS.filter((h) => !set.has(h)), labels: [...labels] };
}

/**
 * Whether the app mounts with `use` a value that the model cannot read and that may be helmet: a value of another file
 * of the package (a computed export, what a function call there returns, a file that does not parse) when that file
 * uses helmet (or does not parse); or, when this file names helmet (`fileNamesHelmet`), a value of this file that is
 * not known (`for (const m of middlewares) app.use(m)`, a parameter). Rules about the app's headers then say nothing.
 */
export function mountsUnknownHelmet(app: ExpressApp, fileNamesHelmet = false): boolean {
  return usedMiddleware(app).some(
    ({ item }) =>
      (item.from?.unknown === true && (!item.from.names || item.from.names.includes('helmet'))) ||
      (fileNamesHelmet && !item.value && !item.fn && !item.from && unwrap(item.node).type === T.Identifier),
  );
}

/**
 * Whether the app provably registers no route and mounts no middleware: every request gets Express's own 404, which
 * sets its own CSP and `nosniff`, so helmet protects no page (the HTTP host of a WebSocket server: upgrades never
 * reach the app). Only for an app of a variable of this file that nothing else touches: every read of it is a call of
 * `NON_SERVING_APP_METHODS` (`app.disable(...)`, `app.listen(...)`) or the argument of a server that serves it
 * (`http.createServer(app)`). A computed call (`app[method](path, h)`), an alias, an importer, a function of another
 * file it is handed to, the package's app factory or Nest may register routes the model does not list.
 */
export function servesNothing(app: ExpressApp): boolean {
  if (!app.variable || app.nest || app.handedTo || app.before || app.after || app.file !== undefined) return false;
  if (!app.calls.every((call) => !call.isRoute && !call.isUse && NON_SERVING_APP_METHODS.has(call.method))) return false;
  const calls = new Set<TSESTree.Node>(app.calls.map((call) => call.node.callee));
  const servers = new Set<TSESTree.Node>(app.servers.map((server) => server.node));
  return app.variable.references.every((ref) => {
    if (!ref.isRead()) return true;
    const parent = ref.identifier.parent;
    if (parent?.type === T.MemberExpression && parent.object === ref.identifier) return calls.has(parent);
    return (parent?.type === T.CallExpression || parent?.type === T.NewExpression) && servers.has(parent) && parent.callee !== ref.identifier;
  });
}

export interface HelmetCall {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** `helmet` for `helmet(...)`, else the property called on helmet (`hsts`, `contentSecurityPolicy`, `hpkp`, ...). */
  middleware: string;
  /** The first argument, when there is one and it is not a spread. */
  options: TSESTree.Expression | undefined;
}

/**
 * Every call of helmet or one of its middlewares in the file, mounted or not: `helmet(...)`, `helmet.hsts(...)`,
 * `hsts(...)` from a named import, under any local name, in source order. Includes names helmet no longer
 * exports (`hpkp`).
 */
export function helmetCalls(model: ExpressModel): HelmetCall[] {
  const calls: HelmetCall[] = [];
  for (const { node, callee } of model.moduleCalls) {
    if (callee.module !== 'helmet' || callee.path.length > 1 || callee.path[0] === '()') continue;
    const first = node.arguments[0];
    calls.push({
      node,
      middleware: callee.path[0] ?? 'helmet',
      options: first && first.type !== 'SpreadElement' ? first : undefined,
    });
  }
  return calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * True when `app` is a sub-app that only other apps reach (`root.use(helmet()); root.use(admin)`, or
 * `root.use(vhost('admin.example.com', admin))`), and helmet runs before every mount, on every chain that leads to it:
 * the headers it sets stay on the sub-app's responses. An app that is also served itself is not covered.
 */
export function helmetBeforeEveryMount(app: ExpressApp): boolean {
  if (app.mounts.length === 0 || app.servers.length > 0 || appCallsAcrossFiles(app).some((call) => call.method === 'listen')) return false;
  return app.mounts.every((mount) => {
    const index = mount.index ?? mount.call.middleware.findIndex((item) => item.value?.app === app);
    if (index < 0 || mount.parent === app) return false;
    const chains = middlewareChains(mount.call, index);
    return (
      chains.length > 0 &&
      chains.every((chain) => chain.entries.some(({ item }) => item.value?.module === 'helmet' && item.value.path.length === 1 && item.value.path[0] === '()'))
    );
  });
}

/** `res` methods that send (or end) a response. */
const SENDING_METHODS = new Set(['send', 'json', 'jsonp', 'render', 'redirect', 'end', 'sendFile', 'sendfile', 'sendStatus', 'download', 'write', 'writeHead']);

/** A call of an app that may answer a request, registered before helmet, with where it is. */
export interface RouteBeforeHelmet {
  /** The route or `use` call of the linted file that may answer a request. */
  route: AppCall;
  /** The first helmet that runs for the app (in the linted file, or in the file of `helmet.call.app.file`). */
  helmet: HelmetUse;
  /**
   * When `route` is registered by a function of another file that the app is handed to (`registerRoutes(app)`): that
   * call, in the linted file (the route is reported there, and its message says where the route is).
   */
  handoff?: TSESTree.Node;
}

/**
 * The first call of `app` (an app of the linted file) that may answer a request before any of `uses` runs, when the
 * order is known: a route with a handler (`app.get('/', h)`, `app.route(p).post(h)`), a `use` that mounts a router or
 * app with routes (`app.use('/users', usersRouter)`, of this file or another of the package) or a function of this
 * file that sends a response (`app.use((req, res) => res.send(...))`). Plain middleware (body parsers, sessions,
 * `express.static`) does not count. `null` when helmet runs first (the package's app factory mounted it, or it comes
 * first in the file), or when the order is not known: a helmet or route inside another function than the one that
 * creates the app (it may run at any time), the app handed to code the file does not show before the route.
 * helmet added by the files that import the app (`app.use(helmet())` in `bin/www`) runs after every route the app's
 * file registers while it loads. Only helmet whose path covers some of the call's requests is weighed
 * (`app.use('/api', helmet())` after `app.get('/')` is not "after" it: it never ran for it; such helmet counts for the
 * app as before).
 */
export function routeBeforeHelmet(sourceCode: TSESLint.SourceCode, app: ExpressApp, uses: readonly HelmetUse[]): RouteBeforeHelmet | null {
  if (uses.length === 0 || app.kind !== 'app' || app.nest || app.file !== undefined) return null;
  // (helmet that ran before: mounted by an app of `before`, or one of its calls, which may be another app's, as the part
  // of a loader's stand-in that ran before this file loaded.)
  const before = app.before ?? [];
  if (uses.some((use) => before.includes(use.call.app) || before.some((earlier) => earlier.calls.includes(use.call)))) return null;
  const home = enclosingFunction(app.node);
  /** A node that runs in the app's own order: in the function that creates it, or anywhere in a class app's code. */
  const inOrder = (node: TSESTree.Node): boolean => app.ordered === true || enclosingFunction(node) === home;
  const own = uses.filter((use) => use.call.app === app);
  if (own.some((use) => !inOrder(use.call.node))) return null;
  // (With what the importers hand their stand-in to: `require('../config/security')(app)` in bin/www.)
  const afterHanded = new Set((app.after ?? []).flatMap((standIn) => handedCalls(standIn).map((handed) => handed.call)));
  const later = uses.filter((use) => (app.after ?? []).includes(use.call.app) || afterHanded.has(use.call));
  // helmet that a function of another file mounts when the app is handed to it: where that call is in this file.
  const handedAt = new Map(handedCalls(app).map((handed) => [handed.call, handed.at]));
  const handed = uses.filter((use) => handedAt.has(use.call));
  /** Where a helmet use runs in this file's order: its own call, or the handoff that mounts it. */
  const span = (use: HelmetUse): [number, number] | null => {
    if (use.call.app === app) return [...callSpan(use.call)];
    const at = handedAt.get(use.call);
    return at === undefined ? null : [at, at];
  };
  let first: RouteBeforeHelmet | null = null;
  for (const call of app.calls) {
    if (!inOrder(call.node) || (app.handedOverAt !== null && app.handedOverAt < call.node.range[1])) continue;
    // The helmet uses that would run for the call's requests, if it were not answered first.
    const applying = [...own, ...handed, ...later].filter((use) => overlaps(use.call, call));
    if (applying.some((use) => (span(use)?.[1] ?? Infinity) <= callSpan(call)[0])) continue;
    const helmet = applying.find((use) => (span(use)?.[0] ?? Infinity) >= callSpan(call)[1]);
    if (helmet && mayRespond(sourceCode, app, call, new Set())) {
      first = { route: call, helmet };
      break;
    }
  }
  // Routes that a function of another file registers when the app is handed to it (`registerRoutes(app)` before
  // `app.use(helmet())`): at the position of that handoff. A helmet the same handoff mounts counts as before them (the
  // order inside that function is not weighed), and a route registered after the caller goes on (`DEFERRED`) is not.
  for (const { call, at } of handedCalls(app)) {
    if (first && callSpan(first.route)[0] <= at) break;
    if (at === DEFERRED || (app.handedOverAt !== null && app.handedOverAt < at)) continue;
    if (!call.isRoute || call.isUse || call.method === 'all' || call.middleware.length === 0) continue;
    const applying = [...own, ...handed, ...later].filter((use) => overlaps(use.call, call));
    if (applying.some((use) => (span(use)?.[1] ?? Infinity) <= at)) continue;
    const helmet = applying.find((use) => (span(use)?.[0] ?? Infinity) > at);
    const handoff = helmet ? callEndingAt(sourceCode, at) : null;
    if (helmet && handoff && inOrder(handoff)) {
      first = { route: call, helmet, handoff };
      break;
    }
  }
  return first;
}

/** The call of the linted file that ends at `end` (a handoff: `registerRoutes(app)`), or `null`. */
function callEndingAt(sourceCode: TSESLint.SourceCode, end: number): TSESTree.Node | null {
  let node: TSESTree.Node | null = sourceCode.getNodeByRangeIndex(end - 1);
  while (node && node.range[1] === end) {
    if (node.type === T.CallExpression || node.type === T.NewExpression) return node;
    node = node.parent ?? null;
  }
  return null;
}

/**
 * Whether helmet mounted by `use` would run for some request that `call` answers: helmet without a path runs for
 * all; with a static path, a route on a path under it or a `use` whose path overlaps it (or that has none). helmet
 * on a path that is not a static string is unknown: `false`.
 */
function overlaps(use: AppCall, call: AppCall): boolean {
  if (!use.pathNode) return true;
  const helmetPath = use.path;
  if (helmetPath === null) return false;
  if (!call.isUse) return call.path !== null && prefixMatches(helmetPath, call.path);
  if (!call.pathNode) return true;
  return call.path !== null && (prefixMatches(helmetPath, call.path) || prefixMatches(call.path, helmetPath));
}

function mayRespond(sourceCode: TSESLint.SourceCode, app: ExpressApp, call: AppCall, seen: Set<ExpressApp>): boolean {
  if (!call.isRoute && !call.isUse) return false;
  // `app.all('*', fn)` is usually middleware written as a route: it counts, as `use` does, when `fn` sends.
  if (!call.isUse && call.method !== 'all') return call.middleware.length > 0;
  return call.middleware.some((item) => {
    const mounted = item.value?.app;
      if (mounted) {
      if (mounted === app || seen.has(mounted) || seen.size > 8) return false;
      seen.add(mounted);
      // A router of another file of the package: its stand-in here holds what this file adds, its file's router the routes.
      // A route of the router after the router's own helmet (`api.use(helmet()); api.get(...)`) gets its headers.
      return [...(mounted.before ?? []), mounted].some((a) => {
        const guarded = helmetUses(a).filter((use) => use.call.app === a);
        return a.calls.some(
          (c) => !guarded.some((use) => callSpan(use.call)[1] <= callSpan(c)[0] && overlaps(use.call, c)) && mayRespond(sourceCode, a, c, seen),
        );
      });
    }
    // (A function of a router of another file is read with its own file's scopes.)
    return item.fn !== undefined && sends(sourceOf(item.fn) ?? sourceCode, item.fn);
  });
}

/**
 * A function of the file, not an error handler, that calls a sending method of its `res` parameter (a call: a wrapper
 * that reads or replaces `res.send` sends nothing itself). A function whose only answer is a redirect (the usual
 * HTTP → HTTPS middleware put first) does not count: its response carries no page for helmet's headers to protect.
 */
function sends(sourceCode: TSESLint.SourceCode, fn: FunctionNode): boolean {
  if (fn.params.length < 2 || fn.params.length > 3) return false;
  const res = fn.params[1];
  if (res?.type !== T.Identifier) return false;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.identifiers.includes(res));
  if (!variable) return false;
  return variable.references.some((reference) => {
    let current: TSESTree.Node = reference.identifier;
    for (let depth = 0; depth < 8; depth++) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (parent?.type === T.MemberExpression && parent.object === current) {
        const key = staticKey(parent);
        if (key !== null && SENDING_METHODS.has(key)) {
          return key !== 'redirect' && parent.parent?.type === T.CallExpression && parent.parent.callee === parent;
        }
      } else if (!(parent?.type === T.CallExpression && parent.callee === current)) return false;
      current = parent;
    }
    return false;
  });
}

/**
 * For messages: the route (`route 'GET /'`, `router 'usersRouter' mounted on '/users'`, `a handler mounted with
 * use`), where it is (`app.js:4`) and where helmet is (`line 9`, or `bin/www:5` in another file).
 */
export function describeRouteBeforeHelmet(
  sourceCode: TSESLint.SourceCode,
  filename: string,
  { route, helmet, handoff }: RouteBeforeHelmet,
): { route: string; where: string; helmet: string; that: string; it: string } {
  // (A route of another file, registered by a handoff: its path is read with that file's source.)
  const path = route.pathNode ? writtenPath(route) : null;
  let label: string;
  let several = false;
  if (!route.isUse) label = `route '${route.method.toUpperCase()} ${path ?? '*'}'`;
  else {
    const mounted = route.middleware.find((item) => item.value?.app);
    const name = mounted ? (sourceOf(mounted.node)?.getText(mounted.node) ?? null) : null;
    several = name !== null;
    label = name ? `the routes of '${name}' mounted on '${path ?? '/'}'` : `the handler that use mounts on '${path ?? '/'}'`;
  }
  const line = lineOf(helmet.call.node);
  const routeLine = lineOf(route.node);
  // Both in the linted file: lines. Helmet in another file (package-relative, as every cross-file message says it):
  // the route's place said the same way.
  const elsewhere = helmet.call.app.file;
  // A route that a function of another file registers: its file and line, and the handoff of this file that runs it.
  const where = handoff
    ? `${route.app.file ?? 'another file'}:${routeLine}, registered by the call at ${elsewhere === undefined ? `line ${lineOf(handoff)}` : `${packageRelative(filename)}:${lineOf(handoff)}`}`
    : elsewhere === undefined
      ? `line ${routeLine}`
      : `${packageRelative(filename)}:${routeLine}`;
  return {
    route: label,
    where,
    helmet: elsewhere === undefined ? `line ${line}` : `${elsewhere}:${line}`,
    that: several ? 'those routes' : 'that route',
    it: several ? 'them' : 'it',
  };
}

/** `filename` relative to its package root (the nearest package.json), as the project model names files. */
function packageRelative(filename: string): string {
  const root = packageRootOf(filename);
  const relative = root ? nodePath.relative(root, filename) : (filename.split(/[\\/]/u).at(-1) ?? filename);
  return relative.split(nodePath.sep).join('/');
}
