import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { CONSUME_METHOD, CONSUMING_MODULE, LIMITER_MIDDLEWARE, LIMITER_NAME } from '../data/limiters';
import { CSRF_MIDDLEWARE, CSRF_NAME, LUSCA } from '../data/csrf';
import { isErrorHandlerFunction, isFunction, unwrap } from './ast';
import { middlewareNames, type ChainEntry } from './middleware-chain';
import { pathEquals, type ImportedFunction, type MiddlewareItem, type ModuleValue } from './model';
import type { ExpressModel } from './index';

/** The calls of module values of a file (`model.moduleCalls`, or those of another file's model). */
type ModuleCalls = ExpressModel['moduleCalls'];

function inTable(
  value: ModuleValue | undefined,
  table: readonly { module: string; paths: readonly (readonly string[])[] }[],
): boolean {
  if (!value) return false;
  return table.some((row) => row.module === value.module && row.paths.some((path) => pathEquals(value, row.module, path)));
}

/** A user-given name (rule option or `settings['secure-express']`) or a telling name matches the item. */
function namedAs(item: MiddlewareItem, names: readonly string[], pattern: RegExp | null): boolean {
  const own = middlewareNames(item);
  if (own.some((n) => names.includes(n))) return true;
  if (!pattern) return false;
  // Only names of the user's own code: a module value is judged by its module, not by what it was called. (One that
  // another file of the package makes is the user's code too: `const authLimiter = require('./auth-limiter')`.)
  let named: boolean;
  if (!item.value || item.value.module.startsWith('.')) named = own.some((n) => pattern.test(n));
  else named = item.from ? own.some((n) => n !== item.value!.module && pattern.test(n)) : false;
  // (An error handler so named, `csrfErrorHandler(err, req, res, next)`, answers the protection's errors: it never runs
  // on a request's way to a route. Asked only of a telling name, so another file is read only for it.)
  return named && !isErrorHandler(item);
}

/**
 * Whether a middleware item is an error handler, `(err, req, res, next)`: a function of this file or, imported, of
 * another file of the package (`item.elsewhere`) that Express calls only with an error (`isErrorHandlerFunction`).
 */
function isErrorHandler(item: MiddlewareItem): boolean {
  const fn = item.fn ?? (item.value?.module.startsWith('.') ? item.elsewhere?.fn : undefined);
  return fn !== undefined && isErrorHandlerFunction(fn);
}

/**
 * Whether a middleware item is a rate limiter: express-rate-limit / express-slow-down / express-brute middleware,
 * a function of this file, or of another file of the package (cross-file), that calls a rate-limiter-flexible
 * limiter's `.consume()` or runs such middleware on its request, or a middleware named as one.
 */
export function isLimiter(model: ExpressModel, item: MiddlewareItem, names: readonly string[]): boolean {
  if (inTable(item.value, LIMITER_MIDDLEWARE)) return true;
  // (A function of another file, in the chain of a router of this file: that file's calls, `moduleCallsOf`.)
  if (item.fn && (consumes(model.moduleCallsOf(item.fn), item.fn) || runsMiddleware(model.moduleCallsOf(item.fn), item.fn, LIMITER_MIDDLEWARE))) return true;
  if (!item.fn && limitsElsewhere(item.elsewhere)) return true;
  return namedAs(item, names, LIMITER_NAME);
}

/** The modules whose calls make a function a limiter: only a file that names one of them is read for its calls. */
const LIMITER_MODULES = [CONSUMING_MODULE, ...LIMITER_MIDDLEWARE.map((row) => row.module)];

/**
 * Whether a function of another file of the package (`require('./limits')`, `{ authAttempts }` of it: an item's
 * `elsewhere`) limits the rate as one of this file would (`consumes`, `runsMiddleware`), read with its file's own
 * model's module calls (the project model's).
 */
function limitsElsewhere(elsewhere: ImportedFunction | undefined): boolean {
  // (Its file's model is built only when the file names a limiter's module: a module value exists only where its name is written.)
  if (!elsewhere || !LIMITER_MODULES.some((name) => elsewhere.sourceCode.text.includes(name))) return false;
  const calls = elsewhere.moduleCalls ?? [];
  return consumes(calls, elsewhere.fn) || runsMiddleware(calls, elsewhere.fn, LIMITER_MIDDLEWARE);
}

/**
 * Whether a middleware function of the file runs a middleware of `table` on its own request (hackathon-starter's
 * `(req, res, next) => { if (req.path === '/api/upload') next(); else lusca.csrf()(req, res, next); }`): it protects
 * the requests it passes to it. (That it may skip some is the app's choice, as a path on `use` would be.)
 */
function runsMiddleware(moduleCalls: ModuleCalls, fn: TSESTree.Node, table: Parameters<typeof inTable>[1]): boolean {
  if (!isFunction(fn) || fn.params.length < 3) return false;
  const req = fn.params[0];
  if (req?.type !== T.Identifier) return false;
  const [start, end] = fn.range;
  return moduleCalls.some(
    ({ node, callee }) =>
      node.range[0] >= start &&
      node.range[1] <= end &&
      inTable(callee, table) &&
      node.arguments[0]?.type === T.Identifier &&
      node.arguments[0].name === req.name,
  );
}

const consumeCache = new WeakMap<TSESTree.Node, boolean>();

/** Whether `fn` calls a rate-limiter-flexible limiter's `.consume()` (`moduleCalls`: the calls of its file). */
function consumes(moduleCalls: ModuleCalls, fn: TSESTree.Node): boolean {
  const cached = consumeCache.get(fn);
  if (cached !== undefined) return cached;
  const [start, end] = fn.range;
  const found = moduleCalls.some(
    (c) =>
      c.callee.module === CONSUMING_MODULE &&
      c.callee.path.at(-1) === CONSUME_METHOD &&
      c.node.range[0] >= start &&
      c.node.range[1] <= end,
  );
  consumeCache.set(fn, found);
  return found;
}

/** Whether a middleware item is CSRF protection (csrf-csrf, csrf-sync, tiny-csrf, lusca, csurf, or named as one). */
export function isCsrfProtection(model: ExpressModel, item: MiddlewareItem, names: readonly string[]): boolean {
  const value = item.value;
  if (inTable(value, CSRF_MIDDLEWARE)) return true;
  if (item.fn && runsMiddleware(model.moduleCallsOf(item.fn), item.fn, CSRF_MIDDLEWARE)) return true;
  if (value && pathEquals(value, LUSCA.module, ['()'])) {
    const creation = unwrap(value.node);
    if (creation.type !== T.CallExpression) return false;
    const options = model.options(creation.arguments[0]);
    if (options === 'unknown') return true;
    const csrf = options.get(LUSCA.optionKey);
    if (csrf.kind === 'absent') return false;
    if (csrf.kind === 'unknown') return true;
    const inner = unwrap(csrf.node);
    return !(inner.type === T.Literal && inner.value === false);
  }
  return namedAs(item, names, CSRF_NAME);
}

/** The first entry of a chain that satisfies `test`. */
export function findEntry(entries: readonly ChainEntry[], test: (item: MiddlewareItem) => boolean): ChainEntry | undefined {
  return entries.find((e) => test(e.item));
}
