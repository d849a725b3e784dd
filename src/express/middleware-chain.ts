import { AST_NODE_TYPES as T } from '@typescript-eslint/types';

import { CSRF_MIDDLEWARE } from '../data/csrf';
import { LIMITER_MIDDLEWARE } from '../data/limiters';
import { NOSQL_SANITIZING_MIDDLEWARE } from '../data/sinks';
import { VALIDATION_MIDDLEWARE_MODULES } from '../data/validation';
import { someNode, staticKey, unwrap, type Node } from './ast';
import { callSpan, chainKnownBefore, handedCalls, reportNodeOf, sourceOf, type AppCall, type ExpressApp, type MiddlewareItem } from './model';
import { lineOf } from '../util/lines';

/** One middleware that runs before a route's handler. */
export interface ChainEntry {
  item: MiddlewareItem;
  /** The `use` or route call whose arguments hold it. */
  call: AppCall;
  /** The app or router that call belongs to. */
  app: ExpressApp;
  /** True when it comes from an app or router that mounts the route's router (`app.use('/auth', limiter, router)`). */
  inherited: boolean;
}

/**
 * One way a request reaches a route: through the route's own app or router and, for a router, each app or router
 * of this file that mounts it. A router mounted twice has two chains.
 */
export interface MiddlewareChain {
  /** Middleware that runs before the handler, in the order Express runs it (outermost app first). */
  entries: ChainEntry[];
  /**
   * False when more middleware may run before the route than this file shows, and rules should not guess: the top
   * of the chain is a router mounted nowhere in this file (or one that leaves it), or an app handed to unknown code
   * before the route or the mount (`configure(app)`). An app that is only exported or returned stays complete: what
   * its importer adds runs after the routes this file registers (`chainKnownBefore`).
   */
  complete: boolean;
  /**
   * True when the chain is not complete because code the model does not follow got the app or router at its top
   * (`passedOn`): a router that an importer stores in a list it mounts in a loop the model cannot write out (a list
   * pushed to after it is written or made by a call: `./loop-mounts`; a loop over a list the file shows, such as
   * `defaultRoutes.forEach((r) => router.use(r.path, r.route))`, mounts each element) or passes to a function, an app
   * passed to a function before the route. Whatever
   * that code mounts may run before the route. A router that is only exported, mounted nowhere the model looks (a file
   * linted alone, a router no file imports), is incomplete without it: rules that report middleware missing from such
   * a chain (the sanitizer of no-nosql-injection, validation) still report there, and say nothing for this one.
   */
  handedOn: boolean;
  /** The app or router at the top of the chain. */
  root: ExpressApp;
  /** The full path the route answers on through this chain, when every part of it is a static string. */
  path: string | null;
}

/**
 * The packages whose middleware the plugin knows (validation, rate limiters, CSRF protection, NoSQL sanitizers): a
 * spread of what one of them returns (`...checkSchema(schema)` of express-validator) is what that package makes, read as
 * the call is, not a list the model cannot read.
 */
const KNOWN_MIDDLEWARE_MODULES: ReadonlySet<string> = new Set([
  ...VALIDATION_MIDDLEWARE_MODULES,
  ...LIMITER_MIDDLEWARE.map((row) => row.module),
  ...CSRF_MIDDLEWARE.map((row) => row.module),
  ...NOSQL_SANITIZING_MIDDLEWARE.map((row) => row.module),
]);

/** A spread of a list the model cannot read (`MiddlewareItem.opaque`), unless a package it knows makes it. */
function unread(item: MiddlewareItem): boolean {
  return item.opaque === true && !(item.value && KNOWN_MIDDLEWARE_MODULES.has(item.value.module));
}

/** Where a call sits, for "mounted earlier": a `use` that ends before it runs first (where it runs: `callSpan`). */
function endOf(call: AppCall): number {
  return callSpan(call)[1];
}

const MAX_DEPTH = 16;

const usesCache = new WeakMap<ExpressApp, AppCall[]>();
const itemsCache = new WeakMap<AppCall, MiddlewareItem[]>();
const carryingCache = new WeakMap<ExpressApp, AppCall[]>();

/** A `use` call's middleware, without the apps and routers it mounts (computed once per call). */
function useItems(use: AppCall): MiddlewareItem[] {
  let items = itemsCache.get(use);
  if (!items) {
    items = use.middleware.filter((item) => !item.value?.app);
    itemsCache.set(use, items);
  }
  return items;
}

/**
 * The app's `use` calls that hold middleware (not only routers and apps), in source order, once per app. Routes ask
 * this for every route, so a file with many router mounts stays linear.
 */
function usesWithMiddleware(app: ExpressApp): AppCall[] {
  let uses = carryingCache.get(app);
  if (!uses) {
    uses = usesOf(app).filter((use) => useItems(use).length > 0);
    carryingCache.set(app, uses);
  }
  return uses;
}

const allCache = new WeakMap<ExpressApp, AppCall[]>();

/**
 * The app's `use` calls that hold middleware and its `all` calls (`app.all('/login', limiter)`,
 * `app.route('/signup').all(limiter)`), in source order, once per app.
 */
function chainCallsOf(app: ExpressApp): AppCall[] {
  let calls = allCache.get(app);
  if (!calls) {
    const alls = app.calls.filter((c) => c.method === 'all' && c.isRoute);
    calls = alls.length === 0 ? usesWithMiddleware(app) : [...usesWithMiddleware(app), ...alls].sort((a, b) => endOf(a) - endOf(b));
    allCache.set(app, calls);
  }
  return calls;
}

/** The items of a `use` (without apps and routers) or an `all` call that run for a request to `path`; none when it does not match. */
function matchingItems(call: AppCall, path: string | null): MiddlewareItem[] {
  if (call.isUse) return pathMatches(call, path) ? useItems(call) : [];
  return allPathMatches(call, path) ? call.middleware.filter((item) => !item.value?.app) : [];
}

/**
 * Whether `app.all(path, ...)` (or `app.route(path).all(...)`) runs for requests to `path`, a route's full path on the
 * same app: the same static path (Express matches it case-insensitively, a trailing slash aside), or a wildcard for
 * every path under a static prefix (`'*'`, `'/*'`, `'/{*splat}'`, `'/*splat'` of Express 5, `'/api/*'`, `'(.*)'`).
 * Unlike `pathMatches`, anything else is `false`: a path that is not static, or one with parameters that differ from the
 * route's, might not match, and then the middleware does not count as protecting the route.
 */
export function allPathMatches(all: AppCall, path: string | null): boolean {
  // (`app.all(['/login', '/signin'], limiter)`: each of its paths.)
  if (all.paths) return all.paths.some((one) => allPathMatches({ ...all, path: one, paths: undefined }, path));
  if (all.path === null || path === null || all.pathNode === null) return false;
  const normal = (p: string): string => p.replace(/\/+$/u, '').toLowerCase();
  const allPath = normal(all.path);
  const route = normal(path);
  if (allPath === route) return true;
  // A wildcard at the end: `*`, `(.*)`, `{*name}` (also the prefix itself), `*name` (Express 5, one segment or more).
  const wildcard = /^(.*?)\/?(?:\*|\(\.\*\)|\{\*[A-Za-z_$][\w$]*\}|\*[A-Za-z_$][\w$]*)$/u.exec(allPath);
  if (!wildcard) return false;
  const prefix = wildcard[1]!;
  const oneOrMore = /\*[A-Za-z_$]/u.test(allPath.slice(prefix.length));
  if (prefix === '') return route !== '' || !oneOrMore;
  // (A prefix with named parameters, `/x/:id`, matches any value of them: segment by segment.)
  const prefixSegments = prefix.split('/');
  const routeSegments = route.split('/');
  if (routeSegments.length < prefixSegments.length || (routeSegments.length === prefixSegments.length && oneOrMore)) return false;
  return prefixSegments.every((segment, i) => segment === routeSegments[i] || (PARAMETER_SEGMENT.test(segment) && routeSegments[i] !== ''));
}

/** A path segment that is one named parameter (`:id`): it matches any one segment. */
const PARAMETER_SEGMENT = /^:[A-Za-z_$][\w$]*$/u;

/**
 * Whether an `all` call only holds middleware (`app.all('/login', limiter)`, `app.route(p).all(csrfProtection)`):
 * each item is one that `isMiddleware` knows (a rate limiter, CSRF protection: the rule's own), or a function of the
 * file with a `next` parameter that it uses. Such a call does not answer the request itself: it is no route to report,
 * the routes after it are. A package's handler (`app.all('/api/auth/*', toNodeHandler(auth))`) is a route.
 */
export function onlyMiddleware(
  call: AppCall,
  isMiddleware: (item: MiddlewareItem) => boolean,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
): boolean {
  if (call.method !== 'all' || call.isUse || call.middleware.length === 0) return false;
  return call.middleware.every((item) => (item.fn ? passesOn(item.fn, visitorKeys) : isMiddleware(item)));
}

/**
 * Whether a route takes nothing from the request: each of its arguments after the path is a function of the file that
 * never reads its request parameter (`app.post('/internal/reset', (req, res) => { emulator.reset(); res.sendStatus(200)
 * })`). Such a route checks no password or token, whatever its path says. A middleware of a package, a function of
 * another file, or one that reads `arguments` may read the request: then `false`.
 */
export function readsNoRequest(call: AppCall, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  if (call.isUse || call.middleware.length === 0) return false;
  return call.middleware.every(({ fn }) => {
    if (!fn || fn.params.length > 3) return false;
    const req = fn.params[0];
    if (req !== undefined && req.type !== T.Identifier) return false;
    return !someNode(visitorKeys, fn.body, (node) => node.type === T.Identifier && (node.name === req?.name || node.name === 'arguments'));
  });
}

/** A function with a third parameter (`next`) that its body reads. */
function passesOn(fn: MiddlewareItem['fn'] & object, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  const next = fn.params[2];
  if (fn.params.length !== 3 || next?.type !== T.Identifier) return false;
  return someNode(visitorKeys, fn.body, (node) => node.type === T.Identifier && node.name === next.name);
}

/** The app's `use` calls, in source order (computed once per app: routes far outnumber them). */
function usesOf(app: ExpressApp): AppCall[] {
  let uses = usesCache.get(app);
  if (!uses) {
    uses = app.calls.filter((c) => c.isUse);
    usesCache.set(app, uses);
  }
  return uses;
}

/**
 * Every chain of middleware that runs before `call`'s handler: what its app or router mounted earlier with `use`
 * on a matching path, what the route's own arguments hold before `handlerIndex` (arrays flattened; by default
 * every item but the last), and, for a router, what each app or router of this file that mounts it ran before
 * the mount, recursively. Calls in `middleware` of `use` calls that are apps or routers themselves are skipped.
 */
export function middlewareChains(call: AppCall, handlerIndex = call.middleware.length - 1): MiddlewareChain[] {
  const own: ChainEntry[] = call.middleware
    .slice(0, Math.max(0, handlerIndex))
    .filter((item) => !item.value?.app)
    .map((item) => ({ item, call, app: call.app, inherited: false }));
  // (A route on an array of paths, `app.post(['/login', '/signin'], h)`: a chain for each, with the items that run on it.)
  return relativePaths(call).flatMap((path) => {
    const mine = own.some((entry) => entry.item.onlyOn) ? own.filter(({ item }) => !item.onlyOn || path === null || item.onlyOn.includes(path)) : own;
    // (A spread of a list the model cannot read, `...fetchMiddlewares(Controller)`, may hold anything: the chain is unknown.)
    return chainsAbove(call.app, call, path, mine, false, new Set()).map((chain) =>
      chain.entries.some((entry) => unread(entry.item)) ? { ...chain, complete: false, handedOn: true } : chain,
    );
  });
}

/** The paths a route or `use` call adds: `''` for none, each of an array of paths, `null` for one that is not a static string. */
function relativePaths(call: AppCall): (string | null)[] {
  if (!call.pathNode) return [''];
  return call.paths ? [...call.paths] : [call.path];
}

function chainsAbove(
  app: ExpressApp,
  /** The route, or the `use` call that mounts the router below. */
  at: AppCall,
  path: string | null,
  below: ChainEntry[],
  inherited: boolean,
  /** The apps and routers already on this chain: a router mounted on itself (or in a cycle) is not followed again. */
  seen: ReadonlySet<ExpressApp>,
): MiddlewareChain[] {
  const position = endOf(at);
  const entries: ChainEntry[] = [];
  // Cross-file: what functions of other files mount on the app handed to them (`require('./config/security')(app)`)
  // runs at the point of that call, among what the app mounts itself.
  const handed = handedCalls(app);
  let next = 0;
  const handedUntil = (end: number): void => {
    for (; next < handed.length && handed[next]!.at < end; next++) {
      const { call: use } = handed[next]!;
      if (!use.isUse || !pathMatches(use, path)) continue;
      for (const item of useItems(use)) entries.push({ item, call: use, app: use.app, inherited: true });
    }
  };
  // (`app.all(path, limiter)` before the route on the same path runs before it, as a `use` does.)
  for (const use of chainCallsOf(app)) {
    if (endOf(use) >= position) continue;
    handedUntil(endOf(use));
    for (const item of matchingItems(use, path)) entries.push({ item, call: use, app, inherited });
  }
  handedUntil(position);
  // Cross-file: what the package's app factory mounted on this app runs before anything of this file.
  const configured: ChainEntry[] = [];
  for (const factoryApp of app.before ?? []) {
    for (const use of usesWithMiddleware(factoryApp)) {
      if (!pathMatches(use, path)) continue;
      for (const item of useItems(use)) configured.push({ item, call: use, app: factoryApp, inherited: true });
    }
  }
  const here = [...configured, ...entries, ...below];
  // NestJS hook: a controller's routes carry their guards and pipes; the chain is known when the file shows the app.
  if (app.nest?.controller) return [{ entries: here, complete: app.nest.chainKnown === true, handedOn: false, root: app, path }];
  const mounts = app.mounts.filter((mount) => mount.parent !== app && !seen.has(mount.parent));
  if (mounts.length === 0 || seen.size >= MAX_DEPTH) {
    return [topChain(app, at, here, path)];
  }
  // Mounted by another app (a router, or a sub-app: `root.use(limiter, app)`): each mount is a chain; an app that
  // is also served, or may be served by code not shown, has its own chain too.
  const chains: MiddlewareChain[] = [];
  if (app.kind === 'app' ? app.servers.length > 0 || app.escapes : app.escapes) {
    chains.push(topChain(app, at, here, path));
  }
  const above = new Set(seen).add(app);
  for (const mount of mounts) {
    const index = mount.index ?? mount.call.middleware.findIndex((item) => item.value?.app === app);
    const before = mount.call.middleware
      .slice(0, Math.max(0, index))
      .filter((item) => !item.value?.app)
      .map((item) => ({ item, call: mount.call, app: mount.parent, inherited: true }));
    // (Mounted on several paths, `app.use(['/auth', '/v1/auth'], router)`: a mount on each.)
    for (const prefix of relativePaths(mount.call)) {
      const fullPath = prefix === null || path === null ? null : joinPaths(prefix, path);
      chains.push(...chainsAbove(mount.parent, mount.call, fullPath, [...before, ...here], true, above));
    }
  }
  return chains;
}

/** A chain that ends at `app`, its top: complete when the file shows what runs before `at` (`chainKnownBefore`). */
function topChain(app: ExpressApp, at: AppCall, entries: ChainEntry[], path: string | null): MiddlewareChain {
  const complete = chainKnownBefore(app, at.node);
  return { entries, complete, handedOn: !complete && app.passedOn === true, root: app, path };
}

/**
 * The route's full path through its mounts (`'/api/users/login'` for `router.post('/users/login')` mounted on
 * `'/api'`), as the other route rules name it; `null` when the chains do not agree on one static path.
 */
export function routeFullPath(chains: readonly MiddlewareChain[]): string | null {
  const paths = new Set(chains.map((chain) => chain.path));
  const [only] = paths;
  return paths.size === 1 && only !== undefined ? only : null;
}

/**
 * A route's own path for a message, once a rule has no full path for it (a mount's prefix, or the path itself, is not
 * known): the static string it evaluates to (`/token` of `auth.post('/token')` mounted on a prefix the model cannot
 * read), each of an array of them (`/login, /signin`), else the expression as the route's file writes it (read with
 * that file's source), a template literal without its backticks (`${base}/token`) since the message quotes it
 * (`Route 'POST ${base}/token'`), a RegExp as written; `/` for a route without a path (`app.use(h)`).
 */
export function writtenPath(call: AppCall): string {
  if (!call.pathNode) return '/';
  if (call.path !== null) return call.path;
  if (call.paths) return call.paths.join(', ');
  const node = unwrap(call.pathNode);
  const text = sourceOf(node)?.getText(node) ?? '*';
  return node.type === T.TemplateLiteral ? text.slice(1, -1) : text;
}

/**
 * For a route on an array of paths (`['/login', '/signin']`), the full paths it answers on through its chains, joined
 * (`'/auth/login, /auth/signin'`); `null` when one is not a static string.
 */
export function routeFullPaths(chains: readonly MiddlewareChain[]): string | null {
  const paths = new Set(chains.map((chain) => chain.path));
  return paths.size === 0 || paths.has(null) ? null : [...paths].join(', ');
}

/**
 * Every `use` on the route's app or router (and on the apps that mount it) after the route, on a matching path, in
 * this file, and what a function of another file mounts on the app when it is handed the app after the route
 * (`require('./security')(app)` below `app.post('/login', ...)`): such an entry's `call.app` is that file's stand-in
 * (its `file` is set, its nodes are of that file).
 */
export function middlewareAfter(call: AppCall): ChainEntry[] {
  const entries: ChainEntry[] = [];
  const visited = new Set<ExpressApp>();
  // (Several paths, of an array of paths or of mounts on several: what runs after the route on any of them.)
  const visit = (app: ExpressApp, position: number, paths: readonly (string | null)[], inherited: boolean): void => {
    // (An app or router of another file that mounts this one, `app.use('/auth', router); app.use(limiter)` in app.js,
    // the starter's App mounting each route's router in a loop before its limiter: what it mounts there after the
    // mount, as `middlewareChains` reads what it mounts before.)
    if (visited.has(app) || visited.size >= MAX_DEPTH) return;
    visited.add(app);
    for (const use of chainCallsOf(app)) {
      if (endOf(use) <= position || use === call) continue;
      const matching = paths.map((path) => matchingItems(use, path)).find((items) => items.length > 0) ?? [];
      for (const item of matching) entries.push({ item, call: use, app, inherited });
    }
    for (const { call: use, at } of handedCalls(app)) {
      if (at < position || !use.isUse || !paths.some((path) => pathMatches(use, path))) continue;
      for (const item of useItems(use)) entries.push({ item, call: use, app: use.app, inherited: true });
    }
    // (What the files that import the app add to it, `app.use(limiter)` in server.js of the app that app.js exports with
    // its routes: after everything the app's file registers, as `chainKnownBefore` takes it.)
    for (const standIn of app.after ?? []) {
      if (visited.has(standIn)) continue;
      visited.add(standIn);
      for (const use of chainCallsOf(standIn)) {
        const matching = paths.map((path) => matchingItems(use, path)).find((items) => items.length > 0) ?? [];
        for (const item of matching) entries.push({ item, call: use, app: standIn, inherited: true });
      }
      for (const { call: use } of handedCalls(standIn)) {
        if (!use.isUse || !paths.some((path) => pathMatches(use, path))) continue;
        for (const item of useItems(use)) entries.push({ item, call: use, app: use.app, inherited: true });
      }
    }
    for (const mount of app.mounts) {
      const full = relativePaths(mount.call).flatMap((prefix) => paths.map((path) => (prefix === null || path === null ? null : joinPaths(prefix, path))));
      visit(mount.parent, endOf(mount.call), full, true);
    }
  };
  visit(call.app, endOf(call), relativePaths(call), false);
  return entries;
}

/**
 * How a message names a middleware that runs after a route: its source text in this file (`authLimiter`,
 * `rateLimit({ ... })`), or for one that a function of another file mounts, a short form of it and where it is
 * (`rateLimit(...)`, ` (config/security.js:5)`).
 */
export function describeEntry(sourceCode: { getText(node: Node): string }, entry: ChainEntry): { text: string; where: string } {
  const file = entry.call.app.file;
  if (file === undefined) return { text: sourceCode.getText(entry.item.node), where: '' };
  return { text: shortForm(entry.item.node) ?? 'middleware', where: ` (${file}:${lineOf(entry.item.node)})` };
}

/**
 * Where a route of another file is written, for a message of the file whose function it registers (a controller):
 * ` (routes/auth.js:4)`, the line of its path (else of the call); empty when the model does not know that file.
 */
export function callWhere(call: AppCall): string {
  const file = call.app.file;
  return file === undefined ? '' : ` (${file}:${lineOf(reportNodeOf(call))})`;
}

/** `name`, `a.b.c`, `f(...)`, `a.b()`: what an expression is without its source text; `null` for other forms. */
function shortForm(node: Node, depth = 0): string | null {
  const inner = unwrap(node);
  if (depth > 8) return null;
  if (inner.type === T.Identifier) return inner.name;
  if (inner.type === T.ThisExpression) return 'this';
  if (inner.type === T.MemberExpression) {
    const object = shortForm(inner.object, depth + 1);
    const key = staticKey(inner);
    return object !== null && key !== null ? `${object}.${key}` : null;
  }
  if (inner.type === T.CallExpression) {
    const callee = shortForm(inner.callee, depth + 1);
    return callee === null ? null : `${callee}(${inner.arguments.length > 0 ? '...' : ''})`;
  }
  return null;
}

export function joinPaths(prefix: string, path: string): string {
  if (prefix === '' || prefix === '/') return path === '' ? prefix : path;
  if (path === '' || path === '/') return prefix;
  return `${prefix.replace(/\/+$/u, '')}/${path.replace(/^\/+/u, '')}`;
}

const pathsCache = new WeakMap<AppCall, string[] | null>();

/** The static paths a `use` call mounts on: `[]` for none (every path), `null` when one is not a static string. */
function usePaths(use: AppCall): string[] | null {
  if (pathsCache.has(use)) return pathsCache.get(use)!;
  const paths = readUsePaths(use);
  pathsCache.set(use, paths);
  return paths;
}

function readUsePaths(use: AppCall): string[] | null {
  if (!use.pathNode) return [];
  // (An array of static paths is the model's `paths`; an empty one mounts at none.)
  if (use.paths) return [...use.paths];
  const node = unwrap(use.pathNode);
  if (node.type === T.ArrayExpression) return node.elements.length === 0 ? [] : null;
  // (The static string the path evaluates to: the model's `path`.)
  return use.path === null ? null : [use.path];
}

/**
 * Whether middleware mounted with `use` on its path runs for requests to `path`. A path that is not static may match:
 * it counts as matching (rules then do not report what they cannot know is missing); one with parameters or wildcards
 * is compared segment by segment (`prefixMatches`).
 */
export function pathMatches(use: AppCall, path: string | null): boolean {
  const paths = usePaths(use);
  if (paths === null || paths.length === 0 || path === null) return true;
  return paths.some((prefix) => prefixMatches(prefix, path));
}

const PATTERN_CHARACTERS = /[:*(?+[\]{}]/u;

export function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/u, '').toLowerCase();
  const r = path.toLowerCase();
  if (PATTERN_CHARACTERS.test(p) || PATTERN_CHARACTERS.test(r)) return segmentsMayMatch(p.split('/'), r.split('/'));
  return p === '' || r === p || r.startsWith(`${p}/`);
}

/** A segment that is one named parameter and nothing else (`:id`): it stands for exactly one segment of any text. */
const PLAIN_PARAMETER = /^:[\w$]+$/u;

/**
 * The text a pattern segment starts with before its first pattern character: `api` of `api{` (Express 5's `'/api{/v1}'`),
 * `file-` of `file-:id.json`, `a` of Express 4's `ab?cd` (the character before `?` is optional), `''` of `*` or `{/:id}`.
 */
function staticHead(segment: string): string {
  const at = segment.search(PATTERN_CHARACTERS);
  if (at === -1) return segment;
  return segment.slice(0, segment[at] === '?' ? Math.max(0, at - 1) : at);
}

/**
 * Whether a `use` prefix's segments (`['', 'account']`) may match the start of a route path's (`['', 'api', 'notes',
 * ':id']`), read in order: two plain segments must be equal, a plain parameter (`:id`) matches any one segment, and from
 * the first other pattern on (`*`, `:id?`, `:id(\\d+)`, `{/:id}`, `file-:id.json`: it may match any number of
 * segments) anything may match that starts with the text before the pattern (`api` of Express 5's `'/api{/v1}/signin'`
 * is never `safe`). So `'/account'` does not run for `'/api/notes/:id'` or `'/api/*'`, `'/safe/{*rest}'` not for
 * `'/api{/v1}/signin'`, `'/:tenant'` may run for `'/t/login'`, and `'/(.*)'` may run for anything.
 */
function segmentsMayMatch(prefix: readonly string[], path: readonly string[]): boolean {
  const opaque = (segment: string): boolean => PATTERN_CHARACTERS.test(segment) && !PLAIN_PARAMETER.test(segment);
  for (let i = 0; i < prefix.length; i++) {
    const mount = prefix[i]!;
    const route = path[i];
    // (A route path shorter than the prefix: only a pattern left in the prefix might still match it.)
    if (route === undefined) return prefix.slice(i).some(opaque);
    const mountOpaque = opaque(mount);
    const routeOpaque = opaque(route);
    if (mountOpaque || routeOpaque) {
      // A plain parameter matches any text of one segment, so whatever the pattern on the other side matches there.
      if (PLAIN_PARAMETER.test(mount) || PLAIN_PARAMETER.test(route)) return true;
      // From a pattern on, anything may follow: the text before it must still agree with the other side's.
      const mountHead = mountOpaque ? staticHead(mount) : mount;
      const routeHead = routeOpaque ? staticHead(route) : route;
      return (mountOpaque && routeHead.startsWith(mountHead)) || (routeOpaque && mountHead.startsWith(routeHead));
    }
    if (mount === route || (PLAIN_PARAMETER.test(mount) && route !== '') || (PLAIN_PARAMETER.test(route) && mount !== '')) continue;
    return false;
  }
  return true;
}

/**
 * Names a middleware item goes by, for matching user-given names: `limiter` → `limiter`; `security.limiter` and
 * `security.limiter()` → `limiter` and `security.limiter`; `shared.brute.login` → `login` and `brute.login`; `makeLimiter()` → `makeLimiter`. Also the module it
 * comes from (`./middleware/limits`), when it comes from one.
 */
export function middlewareNames(item: MiddlewareItem): string[] {
  const names: string[] = [];
  let node: Node = unwrap(item.node);
  if (node.type === T.CallExpression) node = unwrap(node.callee);
  if (node.type === T.Identifier) names.push(node.name);
  else if (node.type === T.MemberExpression) {
    const key = staticKey(node);
    if (key !== null) {
      names.push(key);
      const object = unwrap(node.object);
      if (object.type === T.Identifier) names.push(`${object.name}.${key}`);
      // `shared.middleware.brute.login`: the object holding the middleware names it too (`brute.login`).
      else if (object.type === T.MemberExpression) {
        const objectKey = staticKey(object);
        if (objectKey !== null) names.push(`${objectKey}.${key}`);
      }
    }
  }
  if (item.value) names.push(item.value.module);
  // (Middleware that another file of the package makes goes by the module it is imported from too.)
  if (item.from && item.from.module !== item.value?.module) names.push(item.from.module);
  return names;
}
