// Calls that wrap a value the model reads through (src/express/model.ts): the interop helpers of compiled CommonJS
// (`__importDefault(require("express"))`), async handler wrappers (`catchAsync(fn)`) and handlers that only hand the
// request on (`(req, res) => ctrl.update(req, res)`).
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { MODULE_INTEROP_HELPERS } from '../data/express';
import { isFunction, returnedExpressions, someNode, staticKey, unwrap, type Expression, type FunctionNode, type Node } from './ast';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** `__importDefault`, `tslib_1.__importDefault`, `_interopRequireDefault`... (`MODULE_INTEROP_HELPERS`). */
export function isInteropHelper(callee: Node): boolean {
  const inner = unwrap(callee);
  const name = inner.type === T.Identifier ? inner.name : inner.type === T.MemberExpression ? staticKey(inner) : null;
  return name !== null && MODULE_INTEROP_HELPERS.has(name);
}

/**
 * Whether `fn` wraps a handler: its one parameter is called, inside a function it returns, with that function's
 * request and response (`fn(req, res, next)`, `fn(...args)`), as `catchAsync = (fn) => (req, res, next) =>
 * Promise.resolve(fn(req, res, next)).catch(next)` does, and the request is used for nothing else.
 */
export function wrapsHandler(fn: FunctionNode, keys: VisitorKeys | undefined): boolean {
  const parameter = fn.params[0];
  if (!keys || fn.params.length !== 1 || parameter?.type !== T.Identifier) return false;
  const returned = returnedExpressions(keys, fn);
  return returned.some((node) => {
    const handler = unwrap(node);
    if (!isFunction(handler)) return false;
    const [first, second] = handler.params;
    const rest = first?.type === T.RestElement && first.argument.type === T.Identifier ? first.argument.name : null;
    const names = first?.type === T.Identifier && second?.type === T.Identifier ? [first.name, second.name] : null;
    if (!rest && !names) return false;
    const request = rest ?? names![0]!;
    /** The request, as the handler's wrapped call is given it (`fn(req, res, next)`, `fn(...args)`). */
    const handed = new Set<Node>();
    const calls = someNode(keys, handler.body, (node) => {
      if (node.type !== T.CallExpression) return false;
      const callee = unwrap(node.callee);
      if (callee.type !== T.Identifier || callee.name !== parameter.name) return false;
      const args = node.arguments.map((arg) => (arg.type === T.SpreadElement ? `...${arg.argument.type === T.Identifier ? arg.argument.name : ''}` : arg.type === T.Identifier ? arg.name : ''));
      const matches = rest ? args.includes(`...${rest}`) : args[0] === names![0] && args[1] === names![1];
      if (matches) for (const arg of node.arguments) handed.add(arg.type === T.SpreadElement ? arg.argument : arg);
      return matches;
    });
    // Only a wrapper that does nothing else with the request: one that reads it first (validates `req.body`,
    // regenerates `req.session`) runs checks of its own before the handler, which the rules do not see through.
    // (`args[2](error)`, the `next` of a rest parameter, is not the request.)
    return (
      calls &&
      !someNode(keys, handler.body, (node) => {
        if (node.type !== T.Identifier || node.name !== request || handed.has(node)) return false;
        const parent = node.parent;
        const index = parent?.type === T.MemberExpression && parent.object === node && parent.computed && parent.property.type === T.Literal ? parent.property.value : null;
        return !(rest && typeof index === 'number' && index >= 2);
      })
    );
  });
}

/**
 * The callee of a handler that only hands its request on (a delegating handler): `(req, res) => ctrl.update(req, res)`,
 * `(req, res, next) => save(req, res, next)`, `async (req, res) => { await ctrl.update(req, res); }`, `function (req,
 * res) { return ctrl.update(req, res); }`, `(req, res, next) => ctrl.update(req, res).catch(next)`, `try { await
 * ctrl.update(req, res); } catch (e) { next(e); }`. Its body is that one call (awaited, returned, or a statement of
 * its own; its error handed to `next`), whose arguments are the handler's own parameters, in order: the request and
 * the response at least, all four of an error handler. The callee is a name or a member read (`ctrl.update`), not what a call returns. Else `null`.
 */
export function delegatedCallee(fn: FunctionNode): Expression | null {
  const params = fn.params;
  if (fn.generator || params.length < 2 || params.length > 4 || !params.every((p) => p.type === T.Identifier)) return null;
  const next = params[2] as TSESTree.Identifier | undefined;
  let body: Node = fn.body;
  if (body.type === T.BlockStatement) {
    let statements = body.body;
    // `try { await ctrl.create(req, res); } catch (e) { next(e); }`: an error goes to the route's `next`.
    const [tried] = statements;
    if (statements.length === 1 && tried?.type === T.TryStatement && !tried.finalizer && next && passesErrorOn(tried.handler, next.name)) statements = tried.block.body;
    const [only] = statements;
    if (statements.length !== 1 || !only) return null;
    if (only.type === T.ExpressionStatement) body = only.expression;
    else if (only.type === T.ReturnStatement && only.argument) body = only.argument;
    else return null;
  }
  let call = unwrap(body);
  if (call.type === T.AwaitExpression) call = unwrap(call.argument);
  // `ctrl.create(req, res).catch(next)`: the promise's error goes to the route's `next`.
  if (call.type === T.CallExpression && call.callee.type === T.MemberExpression && staticKey(call.callee) === 'catch' && next) {
    const [handler] = call.arguments;
    const inner = unwrap(call.callee.object);
    if (call.arguments.length === 1 && handler?.type === T.Identifier && handler.name === next.name && inner.type === T.CallExpression) call = inner;
  }
  if (call.type !== T.CallExpression || call.optional) return null;
  const args = call.arguments;
  if (args.length < 2 || args.length > params.length || (params.length === 4 && args.length !== 4)) return null;
  if (!args.every((arg, i) => arg.type === T.Identifier && arg.name === (params[i] as TSESTree.Identifier).name)) return null;
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return callee;
  if (callee.type !== T.MemberExpression || callee.optional || staticKey(callee) === null) return null;
  return callee;
}

/** `controller` of `route.controller` or `{ controller: x }`: a property's name, not a read of a variable. */
function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  return (parent?.type === T.MemberExpression && parent.property === node && !parent.computed) || (parent?.type === T.Property && parent.key === node && !parent.computed && !parent.shorthand);
}

/** `catch (e) { next(e); }` (or `return next(e)`): the handler hands the error it catches to `next`, and does nothing else. */
function passesErrorOn(handler: TSESTree.CatchClause | null, next: string): boolean {
  const param = handler?.param;
  const [only] = handler?.body.body ?? [];
  if (!handler || param?.type !== T.Identifier || handler.body.body.length !== 1 || !only) return false;
  const expression = only.type === T.ExpressionStatement ? only.expression : only.type === T.ReturnStatement ? only.argument : null;
  const call = expression ? unwrap(expression) : null;
  return (
    call?.type === T.CallExpression &&
    call.callee.type === T.Identifier &&
    call.callee.name === next &&
    call.arguments.length === 1 &&
    call.arguments[0]!.type === T.Identifier &&
    call.arguments[0].name === param.name
  );
}

/**
 * A handler that makes an instance of a class and calls one of its methods, both read from somewhere the model
 * resolves (a route table's element), with its own parameters: the TypeORM `init --express` template's
 * `(req, res, next) => { const result = (new (route.controller as any))[route.action](req, res, next); ... }`. Its first
 * statement holds that call (a `const`, a statement, a `return`, awaited or not), whose arguments are the handler's
 * parameters in order (the request and the response at least), and the request is read nowhere else: what the handler
 * does with the method's result (`res.send(result)`) reads no request data. `owner` is the class (`route.controller`),
 * `key` the method's name (`route.action`), `callee` the method read; `null` for anything else.
 */
export function constructedDelegate(fn: FunctionNode, keys: VisitorKeys | undefined): { owner: Expression; key: Expression; callee: TSESTree.MemberExpression } | null {
  const params = fn.params;
  if (!keys || fn.generator || params.length < 2 || params.length > 3 || !params.every((p) => p.type === T.Identifier)) return null;
  const statements = fn.body.type === T.BlockStatement ? fn.body.body : [];
  let first: Node | undefined = fn.body.type === T.BlockStatement ? statements[0] : fn.body;
  // (`const instance = new (route.controller as any)(); return await instance[route.action](req, res, next);`: the
  // instance a `const` holds, read only as the next statement's callee.)
  let instance: { id: TSESTree.Identifier; made: TSESTree.NewExpression } | null = null;
  if (first?.type === T.VariableDeclaration && first.kind === 'const' && first.declarations.length === 1 && statements.length > 1) {
    const [declarator] = first.declarations;
    const init = declarator?.init ? unwrap(declarator.init) : null;
    if (declarator?.id.type === T.Identifier && init?.type === T.NewExpression) {
      instance = { id: declarator.id, made: init };
      first = statements[1];
    }
  }
  let held: Node | null | undefined = null;
  if (first?.type === T.VariableDeclaration && first.declarations.length === 1) held = first.declarations[0]!.init;
  else if (first?.type === T.ExpressionStatement) held = first.expression;
  else if (first?.type === T.ReturnStatement) held = first.argument;
  else if (first && fn.body.type !== T.BlockStatement) held = first;
  let call = held ? unwrap(held) : null;
  if (call?.type === T.AwaitExpression) call = unwrap(call.argument);
  // (`...[route.action](req, res, next).then((r) => res.send(r)).catch(next)`, `await ...(req, res).catch(next)`: the
  // promise's callbacks, which read no request, below.)
  for (let depth = 0; depth < 4 && call?.type === T.CallExpression && call.callee.type === T.MemberExpression && !call.callee.computed; depth++) {
    const method = staticKey(call.callee);
    const object = unwrap(call.callee.object);
    if ((method !== 'then' && method !== 'catch' && method !== 'finally') || object.type !== T.CallExpression) break;
    call = object;
  }
  if (call?.type !== T.CallExpression || call.optional) return null;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || !callee.computed || callee.optional) return null;
  const object = unwrap(callee.object);
  const made = instance && object.type === T.Identifier && object.name === instance.id.name ? instance.made : object;
  if (made.type !== T.NewExpression || made.arguments.length !== 0) return null;
  // (The instance's name read anywhere else: its method may be called with other arguments.)
  if (instance && someNode(keys, fn.body, (node) => node.type === T.Identifier && node.name === instance.id.name && node !== instance.id && node !== object && !isPropertyName(node))) return null;
  const args = call.arguments;
  if (args.length < 2 || args.length > params.length) return null;
  if (!args.every((arg, i) => arg.type === T.Identifier && arg.name === (params[i] as TSESTree.Identifier).name)) return null;
  const request = (params[0] as TSESTree.Identifier).name;
  const handed = args[0];
  if (someNode(keys, fn.body, (node) => node.type === T.Identifier && node.name === request && node !== handed)) return null;
  return { owner: made.callee as Expression, key: callee.property as Expression, callee };
}

/**
 * The request properties that `fn`, a route adapter of the clean-architecture layouts, hands its controller: its one
 * parameter (the controller) is called, inside a function it returns whose first parameter is the request, with an
 * object literal (written inline or in a `const` written once) that copies request properties under their own names
 * (`(controller) => (req, res) => { const httpRequest = { body: req.body, query: req.query, ip: req.ip }; controller(httpRequest).then(...) }`):
 * the keys of `REQUEST_PROPERTIES` it copies so (`['body', 'query']`). A property built otherwise (`headers: { ... }`,
 * `data: req.body`) is no request data to the controller. `null` when `fn` is no such adapter.
 */
export function adaptedRequestKeys(fn: FunctionNode, keys: VisitorKeys | undefined, requestKeys: ReadonlySet<string>): readonly string[] | null {
  const parameter = fn.params[0];
  if (!keys || fn.params.length !== 1 || parameter?.type !== T.Identifier) return null;
  for (const node of returnedExpressions(keys, fn)) {
    const handler = unwrap(node);
    if (!isFunction(handler)) continue;
    const request = handler.params[0];
    if (request?.type !== T.Identifier || handler.params.length < 2) continue;
    /** `{ body: req.body, ... }`: its request keys. */
    const copied = (object: TSESTree.ObjectExpression): string[] =>
      object.properties.flatMap((p) => {
        if (p.type !== T.Property || p.computed || p.kind !== 'init') return [];
        const key = staticKey(p);
        const value = unwrap(p.value);
        const copies =
          key !== null &&
          requestKeys.has(key) &&
          value.type === T.MemberExpression &&
          staticKey(value) === key &&
          unwrap(value.object).type === T.Identifier &&
          (unwrap(value.object) as TSESTree.Identifier).name === request.name;
        return copies ? [key] : [];
      });
    /** The objects the `const`s of the handler hold, by name (written once: `const`). */
    const objects = new Map<string, TSESTree.ObjectExpression>();
    let found: string[] | null = null;
    someNode(keys, handler.body, (n) => {
      if (n.type === T.VariableDeclaration && n.kind === 'const') {
        for (const d of n.declarations) {
          const init = d.init ? unwrap(d.init) : null;
          if (d.id.type === T.Identifier && init?.type === T.ObjectExpression) objects.set(d.id.name, init);
        }
      }
      if (n.type !== T.CallExpression || n.arguments.length !== 1) return false;
      const callee = unwrap(n.callee);
      if (callee.type !== T.Identifier || callee.name !== parameter.name) return false;
      const argument = n.arguments[0]!.type === T.SpreadElement ? null : unwrap(n.arguments[0] as Node);
      const object = argument?.type === T.ObjectExpression ? argument : argument?.type === T.Identifier ? objects.get(argument.name) : undefined;
      if (!object) return false;
      found = copied(object);
      return true;
    });
    const keysFound = found as string[] | null;
    if (keysFound && keysFound.length > 0) return keysFound;
  }
  return null;
}
