import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { isFunction, moduleCallsOfFile, someNode, soleReturn, sourceOf, staticKey, unwrap, type FunctionNode, type Node } from './ast';
import { pathEquals, type ImportedFunction, type MiddlewareItem } from './model';

type Calls = ImportedFunction['moduleCalls'];

/**
 * The `passport.authenticate(…)` call that a middleware item runs, or `null`:
 *
 * - the item itself, `passport.authenticate('local')` (inline, a `const` holding it, one another file exports);
 * - a step that calls the middleware `passport.authenticate(…)` makes with its own `req, res, next`, as a statement of
 *   its body (or its returned value) that always runs (`authenticateStepCall`): `(req, res, next) => {
 *   passport.authenticate('local', cb)(req, res, next) }`, written inline, a function of the file, a function of another
 *   file of the package that the item imports (`exports.requireStaff = function (req, res, next) { … }`), or the one a
 *   factory returns (express-gateway 1.16.11 `lib/policies/basic-auth/basic-auth.js:7`, `module.exports = function
 *   (actionParams) { return function (req, res, next) { …; passport.authenticate('basic', actionParams, cb)(req, res,
 *   next); }; }`, mounted as `basicAuth(params)`; or a factory of the file).
 *
 * The call is read in its own file: `passport` is the package as that file's model sees it (a function of another file
 * is read with that file's own imports, not through modules of the package that pass passport on).
 */
export function passportAuthenticateCall(item: MiddlewareItem): TSESTree.CallExpression | null {
  const value = item.value;
  if (pathEquals(value, 'passport', ['authenticate', '()'])) {
    const node = unwrap(value!.node);
    return node.type === T.CallExpression ? node : null;
  }
  if (item.fn) return stepOf(item.fn, () => moduleCallsOfFile(item.fn!));
  if (item.from || item.opaque || unwrap(item.node).type === T.ArrayExpression) return null;
  // (A function of another file: what the item imports, or what the factory it calls returns; that file is parsed
  // already, when the chain read what the item stands for.)
  if (value && !value.app && value.module.startsWith('.')) {
    const elsewhere: ImportedFunction | undefined = item.elsewhere;
    return elsewhere ? stepOf(elsewhere.fn, () => elsewhere.moduleCalls) : null;
  }
  // (A factory of the file: `const auth = (name) => (req, res, next) => passport.authenticate(name)(req, res, next)`.)
  const made = unwrap(item.node).type === T.CallExpression ? item.factory : undefined;
  const returned = made && !made.moduleCalls ? soleReturn(made.fn) : null;
  const step = returned ? unwrap(returned) : null;
  return step && isFunction(step) ? stepOf(step, () => moduleCallsOfFile(step)) : null;
}

const steps = new WeakMap<FunctionNode, TSESTree.CallExpression | null>();

/** `authenticateStepCall` of `fn` when its callee is `passport.authenticate` in `fn`'s file (`calls`), once per function. */
function stepOf(fn: FunctionNode, calls: () => Calls): TSESTree.CallExpression | null {
  let found = steps.get(fn);
  if (found === undefined) {
    const call = authenticateStepCall(fn);
    found = call && calls()?.some((c) => c.node === call && pathEquals(c.callee, 'passport', ['authenticate'])) ? call : null;
    steps.set(fn, found);
  }
  return found;
}

/**
 * The call `X.authenticate(…)` whose result `fn` calls with its own parameters, `(req, res, next)`, in a statement of
 * its body that always runs: an expression body, or a statement of the block, written as it is, awaited or returned
 * (`return passport.authenticate('jwt', { session: false })(req, res, next)`), with no statement before it that may
 * end the function or answer the request itself (a `return`, a `throw`, a use of `res` or `next`: `if (req.user) return
 * next();` makes the step conditional on what the model does not read). Syntax only; `null` otherwise (other
 * arguments, a call in a branch, a loop, a `try`, a callback).
 */
export function authenticateStepCall(fn: FunctionNode): TSESTree.CallExpression | null {
  const visitorKeys = sourceOf(fn)?.visitorKeys;
  if (!visitorKeys || fn.generator || fn.params.length !== 3 || !fn.params.every((p) => p.type === T.Identifier)) return null;
  const names = (fn.params as TSESTree.Identifier[]).map((p) => p.name);
  const statements: readonly Node[] = fn.body.type === T.BlockStatement ? fn.body.body : [fn.body];
  for (const statement of statements) {
    const expression = statement.type === T.ExpressionStatement ? statement.expression : statement.type === T.ReturnStatement ? statement.argument : fn.body === statement ? statement : null;
    const found = expression ? invokedAuthenticate(expression, names) : null;
    if (found) return found;
    if (mayEndOrAnswer(visitorKeys, statement, names[1]!, names[2]!)) return null;
  }
  return null;
}

/** `passport.authenticate(…)` of `passport.authenticate(…)(req, res, next)` (awaited too), with `names` as its arguments. */
function invokedAuthenticate(expression: Node, names: readonly string[]): TSESTree.CallExpression | null {
  let call = unwrap(expression);
  if (call.type === T.AwaitExpression) call = unwrap(call.argument);
  if (call.type !== T.CallExpression || call.optional || call.arguments.length !== names.length) return null;
  if (!call.arguments.every((arg, i) => arg.type === T.Identifier && arg.name === names[i])) return null;
  const inner = unwrap(call.callee);
  if (inner.type !== T.CallExpression) return null;
  const callee = unwrap(inner.callee);
  return callee.type === T.MemberExpression && staticKey(callee) === 'authenticate' ? inner : null;
}

/** Whether a statement may leave the function or answer the request (`return`, `throw`, `res`, `next`), outside nested functions. */
function mayEndOrAnswer(visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, statement: Node, res: string, next: string): boolean {
  return someNode(visitorKeys, statement, (node) => {
    if (node.type === T.ReturnStatement || node.type === T.ThrowStatement) return true;
    if (node.type === T.Identifier) return node.name === res || node.name === next;
    return node !== statement && isFunction(node) ? 'skip' : false;
  });
}
