import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { findVariableOf, isFunction, staticKey, unwrap, type Expression, type FunctionNode, type Node, type Variable } from './ast';
import { constructedDelegate, delegatedCallee } from './handler-wrappers';
import { classField, instanceUses } from './instance-apps';
import { staticText } from './options';
import type { ModuleValue } from './model';

/**
 * Routers mounted in a loop over values the code shows (node-express-boilerplate's `defaultRoutes.forEach((route) => {
 * router.use(route.path, route.route); })`, `for (const r of [users, posts]) app.use('/api', r)`, `for (const [p, r] of
 * Object.entries({ '/users': users })) app.use(p, r)`, `Object.values(routes).forEach((r) => app.use(r))` of a barrel
 * module): each element as the `use` call it stands for, as if the loop were written out (`ModelBuilder` mounts them).
 */

/** Elements of a list a loop is unrolled for; a longer list stays unknown. */
export const MAX_LOOP_ELEMENTS = 64;
/** Named lists and objects followed to the literal that holds an element (`[...base, extra]`, a `const` of a `const`). */
const MAX_LIST_DEPTH = 4;

/** What the reading of one loop's list needs. */
interface Context {
  reader: LoopReader;
  sourceCode: TSESLint.SourceCode;
  /** The loop (`Loop.head`), and what it runs over (`Loop.list`). */
  head: Node;
  list: Node;
  /**
   * Set for a loop of route calls (`app[r.method](...)`): a list another file of the package exports is read there
   * (`import { Routes } from './routes'`). A loop of mounts keeps another file's list unknown, as before (`for (const r
   * of [...extra, third])` with `extra` of another file: the routers stay handed on).
   */
  routes?: true;
}

/** What one element of the list (or a part of it) is, as far as the file shows it. */
export type Element =
  /**
   * An expression of the file: an array literal's element, an object literal's value (a router, `'/auth'`, an object).
   * With `instance`: the app an instance of a class of the file keeps (`route.router` of `new AuthRoute()`), `node`
   * the expression that makes it in the class.
   */
  | { node: Expression; instance?: TSESTree.NewExpression }
  /** A key of an object, from `Object.entries` or `Object.keys` (`'/users'`, `users`). */
  | { text: string }
  /** A member of a module object of another file of the package (a barrel: `routes.users` of `Object.values(routes)`). */
  | { module: ModuleValue }
  /** An entry of `Object.entries`: `[key, value]`. */
  | { pair: readonly [Element, Element] };

/** How the loop reads what the model knows of a module value (a barrel's keys: `ImportHook.importedKeys`). */
export interface LoopReader {
  sourceCode: TSESLint.SourceCode;
  /** The value of another file of the package that a node of this file holds, when it is a module object (not an app). */
  moduleValue(node: Node): ModuleValue | undefined;
  /** The keys of that module object, in order, when its file shows all of them. */
  moduleKeys(value: ModuleValue): readonly string[] | undefined;
  /** The value of its member `key`. */
  member(value: ModuleValue, key: string): ModuleValue;
  /**
   * The number of elements of the array another file of the package exports at that value, when its file shows them
   * all (`export const Routes = [{ method: 'get', ... }]`: `ImportHook.importedValue`); `null` otherwise.
   */
  moduleLength?(value: ModuleValue): number | null;
  /** The static text another file of the package exports at that value (`'get'`, `'/users'` of a route table). */
  moduleText?(value: ModuleValue): string | null;
  /**
   * The path another file of the package holds at that value, for a mount's first argument (`route.path` of `new
   * AuthRoute()` with `public path = '/auth'`, a field its class writes nowhere else; `'/users'` of an exported object):
   * its text, `null` for text the model cannot read (a field the class writes again), `undefined` for what is no text
   * there (a router, a function, a value it cannot read).
   */
  mountPath?(value: ModuleValue): string | null | undefined;
  /**
   * The node that makes the app an instance of a class of this file keeps at `key` (`router = Router()` of `new
   * AuthRoute()`, an element of the list: `route.router`), when the model follows that app (`bindClassMember`).
   */
  instanceApp?(node: TSESTree.NewExpression, key: string): Expression | null;
  /** The instances of classes of the package that every caller hands a parameter in an array literal (`bindParameterList`). */
  parameterList?(node: TSESTree.Identifier): readonly ModuleValue[] | undefined;
}

/** A loop around a call: its binding (a callback's parameter, a `for … of` declaration) and what it runs over. */
export interface Loop {
  /** The `forEach` call or the `for … of` statement: one per loop, whichever calls of its body are unrolled. */
  head: Node;
  pattern: Node;
  list: Node;
  /** Every identifier that reads a variable the binding declares. */
  reads: ReadonlySet<Node>;
}

/** One argument of an unrolled call, for one element. */
export interface UnrolledArgument {
  /** The node it is: the element's own expression, or the call's argument (`shared`: it names no element). */
  node: TSESTree.CallExpressionArgument;
  shared: boolean;
  /** For the path: the static text the element gives it (a key of `Object.entries`), `null` when it is not static. */
  path?: string | null;
  /** For an item: the value of another file's module it is (a barrel's member, a route table's handler or controller method). */
  value?: ModuleValue;
  /**
   * For a route's handler that only hands its request on: to the element's handler (`r.handler(req, res)`), or to a
   * method of an instance of the element's class (`constructedDelegate`, the TypeORM template): what the item becomes
   * (the element's handler, the method read), and the method when the class is of this file.
   */
  delegate?: { callee: Expression; fn?: FunctionNode };
  /** For an item: the instance of a class of the file whose app `node` makes (`new AuthRoute()` of `route.router`). */
  instance?: TSESTree.NewExpression;
}

/**
 * The loop whose binding the arguments of `call` read, when `call` runs once per element of it: the callback of a
 * `list.forEach(...)` (not async, not a generator) or the body of a `for (const x of list)` (not `for await`), with no
 * function in between. `null` otherwise, or when the binding is written in the loop or neither its arguments nor `key`
 * (the computed method of `app[r.method](...)`) read any of it.
 */
export function loopAround(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, key?: Node, routePath?: Node): Loop | null {
  let found: { head: Node; pattern: Node; declared: Node } | null = null;
  for (let current: Node = call; current.parent && !found; current = current.parent) {
    const parent: Node = current.parent;
    if (isFunction(parent)) {
      const outer = parent.parent;
      if (parent.async || parent.generator || parent.params.length === 0 || outer?.type !== T.CallExpression || outer.arguments[0] !== parent) return null;
      const callee = outer.callee;
      if (callee.type !== T.MemberExpression || callee.optional || staticKey(callee) !== 'forEach' || outer.arguments.length !== 1) return null;
      found = { head: outer, pattern: parent.params[0]!, declared: parent };
    } else if (parent.type === T.ForOfStatement && parent.body === current) {
      const left = parent.left;
      if (parent.await || left.type !== T.VariableDeclaration || left.declarations.length !== 1) return null;
      found = { head: parent, pattern: left.declarations[0]!.id, declared: left };
    }
  }
  if (!found) return null;
  const { head, pattern, declared } = found;
  const variables = (sourceCode.scopeManager?.getDeclaredVariables(declared) ?? []).filter((v) => v.identifiers.some((id) => within(id, pattern)));
  if (variables.length === 0) return null;
  const reads = new Set<Node>();
  for (const variable of variables) {
    for (const ref of variable.references) {
      // (`route = other` in the body: the binding is not the element there.)
      if (ref.isWrite() && !within(ref.identifier, pattern)) return null;
      if (ref.isRead()) reads.add(ref.identifier);
    }
  }
  // (`app[method](path, h)` of `['get', 'head'].forEach((method) => ...)`: the route's method reads it, `key`.)
  // (`app.route(r.path)[m](h)`: the route's path, `routePath`.)
  if (!call.arguments.some((arg) => mentions(reads, arg)) && !(key && mentions(reads, key)) && !(routePath && mentions(reads, routePath))) return null;
  const list = head.type === T.ForOfStatement ? head.right : (head as TSESTree.CallExpression).callee;
  return { head, pattern, list: list.type === T.MemberExpression ? list.object : list, reads };
}

/**
 * What each argument of `call`, a `use` call in `loop`, is for each element of the list (the list in order): the
 * element's expression where the argument reads the binding (`route.route` → `authRoute` of `{ path: '/auth', route:
 * authRoute }`), the argument itself where it reads none (`'/api'`, a limiter), and for the path a text made of both
 * (`'/' + name`). `null` when the list is not known (computed, returned by a call, a spread of what the file does not
 * show, a named list read or written elsewhere: `push`, handed to a function), longer than `MAX_LOOP_ELEMENTS`, or an
 * argument reads the binding in a way not followed (`wrap(r.router)`): the loop stays unknown.
 */
export function unrolledArguments(reader: LoopReader, call: TSESTree.CallExpression, loop: Loop, kind: boolean | 'chained' = false): UnrolledArgument[][] | null {
  const route = kind !== false;
  // (A route method of `app.route(path)`: every argument is an item, none the path.)
  const first = kind === 'chained' ? 1 : 0;
  const cx: Context = { reader, sourceCode: reader.sourceCode, head: loop.head, list: loop.list, ...(route ? { routes: true as const } : {}) };
  const elements = listElements(cx, loop.list, 0);
  if (!elements || elements.length === 0 || elements.length > MAX_LOOP_ELEMENTS) return null;
  const unrolled: UnrolledArgument[][] = [];
  for (const element of elements) {
    const bound = new Map<Variable, Element | null>();
    bindPattern(cx, loop.pattern, element, bound);
    const args: UnrolledArgument[] = [];
    let path: string | null | undefined;
    for (const [at, arg] of call.arguments.entries()) {
      const index = at + first;
      if (!mentions(loop.reads, arg)) {
        args.push({ node: arg, shared: true });
        continue;
      }
      if (route && index > 0 && isFunction(arg)) {
        // (`(req, res, next) => new (route.controller as any)()[route.action](req, res, next)`: the element's method.)
        const delegate = delegatedMethod(cx, arg, loop.reads, bound);
        if (!delegate) return null;
        args.push({ node: arg, shared: false, ...delegate });
        continue;
      }
      if (arg.type === T.SpreadElement) {
        // (`...r.middlewares` of a route, `{ middlewares: [auth, limiter] }`: the array, whose items the call flattens.)
        const spread = index > 0 ? resolve(cx, arg.argument, loop.reads, bound) : null;
        // (Of another file's table: that file's array, read as the middleware it exports, `ImportHook.importedMiddleware`.)
        if (spread && 'module' in spread) {
          const length = reader.moduleLength?.(spread.module) ?? null;
          if (length === null) return null;
          if (length > 0) args.push({ node: arg.argument, shared: false, value: spread.module });
          continue;
        }
        if (!spread || !('node' in spread) || unwrap(spread.node).type !== T.ArrayExpression) return null;
        args.push({ node: spread.node, shared: false });
        continue;
      }
      const resolved = resolve(cx, arg, loop.reads, bound);
      if (resolved && 'node' in resolved) args.push({ node: resolved.node, shared: false, ...(resolved.instance ? { instance: resolved.instance } : {}) });
      // (A route's path of another file's table, `route: '/users'`: its text, at the call's own argument.)
      else if (resolved && 'module' in resolved && route && index === 0) args.push({ node: arg, shared: false, path: reader.moduleText?.(resolved.module) ?? null });
      // (A mount's path of another file, `route.path` of an instance whose class keeps `public path = '/auth'`: its text,
      // or an unknown path. Asked only of a first argument with more after it, as a path is: `app.use(r)` of a barrel's
      // router is not one.)
      else if (resolved && 'module' in resolved && index === 0 && call.arguments.length > 1 && (path = reader.mountPath?.(resolved.module)) !== undefined) {
        args.push({ node: arg, shared: false, path });
      }
      else if (resolved && 'module' in resolved) args.push({ node: arg, shared: false, value: resolved.module });
      else if (index === 0 && (resolved ? 'text' in resolved : isTextExpression(arg))) {
        // The mount's path: a key (`p` of `Object.entries`), or text made with one (`'/' + name`, `` `/api/${name}` ``).
        args.push({ node: arg, shared: false, path: textOf(cx, arg, loop.reads, bound, 0) });
      } else {
        return null;
      }
    }
    unrolled.push(args);
  }
  return unrolled;
}

/**
 * The static text of `key`, the computed method of a route call in `loop` (`r.method` of `app[r.method](r.path, h)`),
 * for each element of the list, in order; an item is `null` where it is not static text. `null` when the list is not
 * known (as for `unrolledArguments`).
 */
export function unrolledKeys(reader: LoopReader, key: Node, loop: Loop): (string | null)[] | null {
  return eachRouteElement(reader, loop, (cx, bound) => textOf(cx, key, loop.reads, bound, 0));
}

/**
 * `each` of every element of the list of a loop over a route table, with the loop's binding bound to it; `null` when
 * the list is not known, empty or longer than `MAX_LOOP_ELEMENTS`.
 */
function eachRouteElement<T>(reader: LoopReader, loop: Loop, each: (cx: Context, bound: Map<Variable, Element | null>) => T): T[] | null {
  const cx: Context = { reader, sourceCode: reader.sourceCode, head: loop.head, list: loop.list, routes: true };
  const elements = listElements(cx, loop.list, 0);
  if (!elements || elements.length === 0 || elements.length > MAX_LOOP_ELEMENTS) return null;
  return elements.map((element) => {
    const bound = new Map<Variable, Element | null>();
    bindPattern(cx, loop.pattern, element, bound);
    return each(cx, bound);
  });
}

/**
 * For the path of `app.route(r.path)[r.method](r.handler)` in `loop` (`routePath`, `r.path`): each element's static
 * text (`null` where it is not static) and, when the element shows it in this file, the expression it is (`'/login'` of
 * `{ path: '/login', ... }`), in the order of the list. `null` when the list is not known (as for `unrolledArguments`).
 */
export function unrolledPaths(reader: LoopReader, routePath: Node, loop: Loop): { path: string | null; node?: Expression }[] | null {
  return eachRouteElement(reader, loop, (cx, bound) => {
    const path = textOf(cx, routePath, loop.reads, bound, 0);
    const resolved = mentions(loop.reads, routePath) ? resolve(cx, routePath, loop.reads, bound) : null;
    return resolved && 'node' in resolved ? { path, node: resolved.node } : { path };
  });
}

/**
 * Whether every read of the loop's binding is an argument of one of `calls` (the calls that are unrolled), in one of
 * `keys` (their computed methods, `r.method` of `app[r.method](...)`), or only tested (`if (route.enabled)`): anything
 * else may hand an element to code the model does not follow (`register(route.route)`), and then the loop stays unknown.
 */
export function bindingOnlyMounted(loop: Loop, calls: readonly TSESTree.CallExpression[], keys: readonly Node[] = []): boolean {
  for (const read of loop.reads) {
    if (calls.some((call) => call.arguments.some((arg) => within(read, arg)))) continue;
    if (keys.some((key) => within(read, key))) continue;
    if (!onlyTested(read)) return false;
  }
  return true;
}

/** The elements of the list a loop runs over, in order; `null` when the file does not show them all. */
function listElements(cx: Context, node: Node, depth: number): Element[] | null {
  if (depth > MAX_LIST_DEPTH) return null;
  const inner = unwrap(node);
  if (inner.type === T.ArrayExpression) {
    const elements: Element[] = [];
    for (const element of inner.elements) {
      if (!element) return null;
      if (element.type === T.SpreadElement) {
        const spread = listElements(cx, element.argument, depth + 1);
        if (!spread) return null;
        elements.push(...spread);
      } else {
        elements.push({ node: element });
      }
      if (elements.length > MAX_LOOP_ELEMENTS) return null;
    }
    return elements;
  }
  if (inner.type === T.Identifier) {
    // (`import { Routes } from './routes'`: an array another file exports, each element a member of it by its index.)
    const module = cx.routes ? cx.reader.moduleValue(inner) : undefined;
    if (module) {
      const length = onlyListed(cx, inner) ? (cx.reader.moduleLength?.(module) ?? null) : null;
      if (length === null || length > MAX_LOOP_ELEMENTS) return null;
      return Array.from({ length }, (_, i): Element => ({ module: cx.reader.member(module, String(i)) }));
    }
    // (A parameter that the callers in other files fill with `[new IndexRoute(), new AuthRoute()]`: those instances.)
    const handed = cx.reader.parameterList?.(inner);
    if (handed) return onlyHandedOn(cx, inner) && handed.length <= MAX_LOOP_ELEMENTS ? handed.map((module): Element => ({ module })) : null;
    const held = readOnlyHere(cx, inner);
    // (A name: what it holds, `this.initializeRoutes(routes)` handing on the constructor's parameter.)
    const kind = held ? unwrap(held).type : null;
    return kind === T.ArrayExpression || kind === T.CallExpression || kind === T.Identifier ? listElements(cx, held!, depth + 1) : null;
  }
  // `Object.values(routes)`, `Object.entries({ '/users': users })`, `Object.keys(routers)`.
  if (inner.type === T.CallExpression && inner.arguments.length === 1 && inner.arguments[0]!.type !== T.SpreadElement) {
    const callee = unwrap(inner.callee);
    const method = callee.type === T.MemberExpression && !callee.computed ? staticKey(callee) : null;
    if (method === null || !isGlobalObject(cx.sourceCode, (callee as TSESTree.MemberExpression).object)) return null;
    if (method !== 'values' && method !== 'entries' && method !== 'keys') return null;
    const members = objectMembers(cx, inner.arguments[0]!, depth + 1);
    if (!members) return null;
    return members.map(([key, value]) => (method === 'values' ? value : method === 'keys' ? { text: key } : { pair: [{ text: key }, value] as const }));
  }
  return null;
}

/**
 * The keys and values of an object the file shows whole: an object literal (no spread, no getter or setter, no key
 * that is not static), a `const` holding one that nothing but this read reaches, or a module object of another file of
 * the package whose keys the model reads there (`ImportHook.importedKeys`). `null` otherwise.
 */
function objectMembers(cx: Context, node: Node, depth: number): [string, Element][] | null {
  if (depth > MAX_LIST_DEPTH) return null;
  const inner = unwrap(node);
  if (inner.type === T.ObjectExpression) {
    const members = new Map<string, Element>();
    for (const prop of inner.properties) {
      if (prop.type !== T.Property || prop.kind !== 'init') return null;
      const key = staticKey(prop);
      if (key === null) return null;
      members.set(key, { node: prop.value as Expression });
      if (members.size > MAX_LOOP_ELEMENTS) return null;
    }
    return [...members];
  }
  if (inner.type !== T.Identifier) return null;
  const module = cx.reader.moduleValue(inner);
  if (module) {
    const keys = cx.reader.moduleKeys(module);
    if (!keys || keys.length > MAX_LOOP_ELEMENTS) return null;
    return keys.map((key) => [key, { module: cx.reader.member(module, key) }]);
  }
  const held = readOnlyHere(cx, inner);
  return held ? objectMembers(cx, held, depth + 1) : null;
}

/**
 * What a `const` (or a variable never written again) named by `id` holds, when `id` is its only read (and, for an
 * object, the loop's reads of its members, `routers[name]`): a list or object read anywhere else may be changed
 * (`routes.push(r)`, `routes.admin = r`) or handed to code the model does not follow, and an exported one may be changed
 * by its importers. (A type query, `typeof routes`, reads nothing.)
 */
function readOnlyHere(cx: Context, id: TSESTree.Identifier): Expression | null {
  const variable = findVariableOf(cx.sourceCode, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  // (`constructor(routes) { this.initializeRoutes(routes); }` with `new App([new AuthRoute()])`: what its one call hands it.)
  const held = def?.type === 'Parameter' ? handedArgument(cx, def.node, def.name) : null;
  if (!held) {
    if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return null;
    // (`export const routes = [...]`: its importers may change it.)
    if (def.node.parent.parent?.type === T.ExportNamedDeclaration) return null;
  }
  for (const ref of variable!.references) {
    if (ref.init || ref.identifier === id || ref.identifier.parent?.type === T.TSTypeQuery) continue;
    // (`Object.keys(routers)` and `routers[name]` of `Object.keys(routers).forEach((name) => app.use(routers[name]))`:
    // the list the loop runs over, and a read of a member in it, nothing written or called.)
    if (within(ref.identifier, cx.list)) continue;
    const member = ref.identifier.parent;
    if (within(ref.identifier, cx.head) && member?.type === T.MemberExpression && member.object === ref.identifier && !isWritten(member)) continue;
    return null;
  }
  return held ?? (def!.node as TSESTree.VariableDeclarator).init;
}

/**
 * What the one call of a class's method hands its parameter `name` (a plain name, not a pattern or a default), when the
 * file shows that call: for the constructor, the argument of the one `new App(...)` of the file, of a class that
 * nothing else names (not exported, not extended, not handed out: other code would make other instances); for a
 * method, the argument of the one `this.initializeRoutes(...)` of the class, written nowhere (`instanceUses`: `this`
 * not handed out). The starter layout's `constructor(routes) { this.initializeRoutes(routes); }` with `new
 * App([new IndexRoute(), new AuthRoute()])`. `null` otherwise.
 */
function handedArgument(cx: Context, fn: Node, name: Node): Expression | null {
  const method = fn.parent;
  if (fn.type !== T.FunctionExpression || method?.type !== T.MethodDefinition || method.value !== fn || method.static || method.computed) return null;
  const index = fn.params.indexOf(name as TSESTree.Parameter);
  if (index === -1) return null;
  const classNode = method.parent.parent;
  let call: TSESTree.CallExpression | TSESTree.NewExpression | null = null;
  if (method.kind === 'constructor') {
    if (classNode.parent?.type === T.ExportNamedDeclaration || classNode.parent?.type === T.ExportDefaultDeclaration) return null;
    // (The name the class declaration gives its scope, not the one it gives its own body.)
    const variable = classNode.type === T.ClassDeclaration ? cx.sourceCode.scopeManager?.getDeclaredVariables(classNode).find((v) => v.scope.block !== classNode) : null;
    for (const ref of variable?.references ?? [null]) {
      const made = ref?.identifier.parent;
      if (!ref || made?.type !== T.NewExpression || made.callee !== ref.identifier || call) return null;
      call = made;
    }
  } else if (method.kind === 'method') {
    const key = staticKey(method);
    const uses = key === null ? null : instanceUses(classNode, key, cx.sourceCode.visitorKeys);
    const read = uses?.writes.length === 0 && uses.reads.length === 1 ? uses.reads[0]! : null;
    // (A method and a field of that name, or two methods: not the one called.)
    if (!read || classNode.body.body.filter((m) => (m.type === T.MethodDefinition || m.type === T.PropertyDefinition) && staticKey(m) === key).length !== 1) return null;
    if (read.parent.type === T.CallExpression && read.parent.callee === read) call = read.parent;
  }
  const argument = call?.arguments[index];
  return argument && argument.type !== T.SpreadElement ? argument : null;
}

/** Whether a parameter named by `id` is read only there or in the loop's list (a type query aside): nothing changes it. */
function onlyHandedOn(cx: Context, id: TSESTree.Identifier): boolean {
  const variable = findVariableOf(cx.sourceCode, id);
  return !!variable && variable.references.every((ref) => ref.identifier === id || within(ref.identifier, cx.list) || ref.identifier.parent?.type === T.TSTypeQuery);
}

/**
 * Whether the name of another file's list that a loop runs over (`Routes` of `import { Routes } from './routes'`) is
 * read only there in this file (a type query aside): anything else may change it (`Routes.push(r)`) or hand it on.
 */
function onlyListed(cx: Context, id: TSESTree.Identifier): boolean {
  const variable = findVariableOf(cx.sourceCode, id);
  if (!variable) return false;
  return variable.references.every((ref) => ref.init || within(ref.identifier, cx.list) || ref.identifier.parent?.type === T.TSTypeQuery);
}

/**
 * A route's handler that only hands its request to the element's handler (`(req, res) => r.handler(req, res)`,
 * `delegatedCallee`: that handler, the element's node or another file's value), or calls the method of an instance of
 * the element's class (`constructedDelegate`): the
 * method of a class of this file (`fn`), or the value of another file's class method (`value`: a table or a class
 * that file exports), with the method read the item becomes. `null` when the class or the method's name is not known
 * for the element, or the handler reads the binding anywhere else.
 */
function delegatedMethod(cx: Context, fn: FunctionNode, reads: ReadonlySet<Node>, bound: ReadonlyMap<Variable, Element | null>): Pick<UnrolledArgument, 'value' | 'delegate'> | null {
  const delegate = constructedDelegate(fn, cx.sourceCode.visitorKeys);
  if (!delegate) {
    // (`(req, res, next) => route.handler(req, res, next)`: the element's handler, as a delegating handler's callee is.)
    const callee = delegatedCallee(fn);
    if (!callee || !mentions(reads, callee)) return null;
    for (const read of reads) if (within(read, fn) && !within(read, callee)) return null;
    const element = resolve(cx, callee, reads, bound);
    if (element && 'module' in element) return { value: element.module, delegate: { callee } };
    return element && 'node' in element ? { delegate: { callee: element.node } } : null;
  }
  for (const read of reads) if (within(read, fn) && !within(read, delegate.owner) && !within(read, delegate.key)) return null;
  const owner = resolve(cx, delegate.owner, reads, bound);
  const action = textOf(cx, delegate.key, reads, bound, 0);
  if (!owner || action === null) return null;
  if ('module' in owner) return { value: cx.reader.member(cx.reader.member(owner.module, '()'), action), delegate: { callee: delegate.callee } };
  if (!('node' in owner)) return null;
  // (Another file's class that this file imports, `controller: UserController`: that file's method.)
  const imported = cx.reader.moduleValue(owner.node);
  if (imported) return { value: cx.reader.member(cx.reader.member(imported, '()'), action), delegate: { callee: delegate.callee } };
  const method = classMethod(cx, owner.node, action);
  return method ? { delegate: { callee: delegate.callee, fn: method } } : null;
}

/** The method `key` of instances of the class of this file that `node` names (`class UserController { all(req, res) {} }`). */
function classMethod(cx: Context, node: Node, key: string): FunctionNode | null {
  let owner: Node = unwrap(node);
  if (owner.type === T.Identifier) {
    const variable = findVariableOf(cx.sourceCode, owner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'ClassName') owner = def.node;
    else if (def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init && def.parent?.kind === 'const') owner = unwrap(def.node.init);
  }
  if (owner.type !== T.ClassDeclaration && owner.type !== T.ClassExpression) return null;
  for (const member of owner.body.body) {
    if (member.type === T.MethodDefinition && !member.static && member.kind === 'method' && staticKey(member) === key) {
      return member.value.type === T.FunctionExpression ? member.value : null;
    }
    // (`all = async (req, res) => ...`: a field holding a function.)
    if (member.type === T.PropertyDefinition && !member.static && staticKey(member) === key) return member.value && isFunction(member.value) ? member.value : null;
  }
  return null;
}

/** The field `key` of instances of the class of this file that `made` makes (`new AuthRoute()`), as `classField` reads it. */
function fieldOf(cx: Context, made: TSESTree.NewExpression, key: string): Expression | null {
  const callee = unwrap(made.callee);
  const variable = callee.type === T.Identifier ? findVariableOf(cx.sourceCode, callee) : null;
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const owner = def?.type === 'ClassName' ? def.node : null;
  return owner?.type === T.ClassDeclaration || owner?.type === T.ClassExpression ? classField(owner, key, cx.sourceCode.visitorKeys) : null;
}

/** `Object` of `Object.values`: the global, not a variable of the file. */
function isGlobalObject(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type !== T.Identifier || inner.name !== 'Object') return false;
  const variable = findVariableOf(sourceCode, inner);
  return !variable || variable.defs.length === 0;
}

/** Binds each variable of a loop's pattern to what it takes from `element` (`null`: not known). */
function bindPattern(cx: Context, pattern: Node, element: Element | null, bound: Map<Variable, Element | null>, depth = 0): void {
  switch (pattern.type) {
    case T.Identifier: {
      const variable = findVariableOf(cx.sourceCode, pattern);
      if (variable) bound.set(variable, element);
      return;
    }
    case T.AssignmentPattern:
      // (A default applies to a missing value: a known one is what the pattern takes.)
      bindPattern(cx, pattern.left, element, bound, depth + 1);
      return;
    case T.ObjectPattern:
      for (const prop of pattern.properties) {
        if (prop.type === T.RestElement) {
          bindPattern(cx, prop.argument, null, bound, depth + 1);
          continue;
        }
        const key = staticKey(prop);
        bindPattern(cx, prop.value, element && key !== null && depth < MAX_LIST_DEPTH ? memberOf(cx, element, key) : null, bound, depth + 1);
      }
      return;
    case T.ArrayPattern:
      for (const [index, part] of pattern.elements.entries()) {
        if (!part) continue;
        if (part.type === T.RestElement) {
          bindPattern(cx, part.argument, null, bound, depth + 1);
          continue;
        }
        bindPattern(cx, part, element ? itemOf(element, index) : null, bound, depth + 1);
      }
      return;
    default:
      return;
  }
}

/** The member `key` of an element: a property of an object literal (of a `const` holding one), of a module object. */
function memberOf(cx: Context, element: Element, key: string, depth = 0): Element | null {
  if ('module' in element) return { module: cx.reader.member(element.module, key) };
  if (!('node' in element) || depth > MAX_LIST_DEPTH) return null;
  const inner = unwrap(element.node);
  if (inner.type === T.ObjectExpression) {
    let found: Element | null = null;
    for (const prop of inner.properties) {
      // (A spread, or a key that is not static, may be the one: not known.)
      if (prop.type !== T.Property) return null;
      const name = staticKey(prop);
      if (name === null) return null;
      if (name === key) found = prop.kind === 'init' ? { node: prop.value as Expression } : null;
    }
    return found;
  }
  // (`route.router` of `new AuthRoute()`: the app the class keeps there, as the model follows it.)
  if (inner.type === T.NewExpression && !element.instance) {
    const made = cx.reader.instanceApp?.(inner, key);
    if (made) return { node: made, instance: inner };
    // (`route.path` of `new AuthRoute()` with `public path = '/auth'`: the field's text, `classField`.)
    const field = fieldOf(cx, inner, key);
    return field && staticText(cx.sourceCode, field) !== null ? { node: field } : null;
  }
  if (inner.type !== T.Identifier) return null;
  const module = cx.reader.moduleValue(inner);
  if (module) return { module: cx.reader.member(module, key) };
  const held = readOnlyHere(cx, inner);
  return held ? memberOf(cx, { node: held }, key, depth + 1) : null;
}

/** The item at `index` of an element: of an entry of `Object.entries`, of an array literal (`['/users', users]`). */
function itemOf(element: Element, index: number): Element | null {
  if ('pair' in element) return element.pair[index] ?? null;
  if (!('node' in element)) return null;
  const inner = unwrap(element.node);
  if (inner.type !== T.ArrayExpression || inner.elements.slice(0, index + 1).some((e) => !e || e.type === T.SpreadElement)) return null;
  const item = inner.elements[index];
  return item ? { node: item as Expression } : null;
}

/** What an argument that reads the binding is for one element: the binding itself, a member of it (`route.route`, `r['path']`). */
function resolve(cx: Context, node: Node, reads: ReadonlySet<Node>, bound: ReadonlyMap<Variable, Element | null>, depth = 0): Element | null {
  if (depth > MAX_LIST_DEPTH) return null;
  const inner = unwrap(node);
  if (inner.type === T.Identifier) {
    if (!reads.has(inner)) return null;
    const variable = findVariableOf(cx.sourceCode, inner);
    return variable ? (bound.get(variable) ?? null) : null;
  }
  if (inner.type !== T.MemberExpression || inner.optional) return null;
  // (`routers[name]` of `Object.keys(routers)`: the key the element gives.)
  let key = staticKey(inner);
  if (key === null && inner.computed && mentions(reads, inner.property)) {
    const property = resolve(cx, inner.property, reads, bound, depth + 1);
    key = property && 'text' in property ? property.text : null;
  }
  if (key === null) return null;
  const object = mentions(reads, inner.object) ? resolve(cx, inner.object, reads, bound, depth + 1) : { node: inner.object as Expression };
  return object ? memberOf(cx, object, key) : null;
}

/** `'/' + name`, `` `/api/${name}` ``: text, whatever its parts are (`isPathArgument` of the model). */
function isTextExpression(node: Node): boolean {
  const inner = unwrap(node);
  return inner.type === T.TemplateLiteral || (inner.type === T.BinaryExpression && inner.operator === '+');
}

/** The static text of a path that reads the binding, for one element; `null` when a part of it is not static. */
function textOf(cx: Context, node: Node, reads: ReadonlySet<Node>, bound: ReadonlyMap<Variable, Element | null>, depth: number): string | null {
  if (depth > MAX_LIST_DEPTH * 4) return null;
  if (!mentions(reads, node)) return staticText(cx.sourceCode, node);
  const inner = unwrap(node);
  if (inner.type === T.TemplateLiteral) {
    let text = inner.quasis[0]?.value.cooked ?? null;
    for (let i = 0; i < inner.expressions.length && text !== null; i++) {
      const part = textOf(cx, inner.expressions[i]!, reads, bound, depth + 1);
      const quasi = inner.quasis[i + 1]?.value.cooked;
      text = part === null || typeof quasi !== 'string' ? null : `${text}${part}${quasi}`;
    }
    return text;
  }
  if (inner.type === T.BinaryExpression && inner.operator === '+') {
    const left = textOf(cx, inner.left, reads, bound, depth + 1);
    const right = left === null ? null : textOf(cx, inner.right, reads, bound, depth + 1);
    return left === null || right === null ? null : `${left}${right}`;
  }
  const element = resolve(cx, inner, reads, bound);
  if (element && 'text' in element) return element.text;
  if (element && 'module' in element) return cx.reader.moduleText?.(element.module) ?? null;
  return element && 'node' in element ? staticText(cx.sourceCode, element.node) : null;
}

/** `x.a = …`, `x.a++`, `delete x.a`, `x.push(…)`: the member is written or called. */
function isWritten(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent.type === T.AssignmentExpression && parent.left === member) ||
    parent.type === T.UpdateExpression ||
    (parent.type === T.UnaryExpression && parent.operator === 'delete') ||
    (parent.type === T.CallExpression && parent.callee === member) ||
    parent.type === T.MemberExpression
  );
}

/** Whether `node` holds one of `reads`. */
function mentions(reads: ReadonlySet<Node>, node: Node): boolean {
  for (const read of reads) if (within(read, node)) return true;
  return false;
}

function within(node: Node, outer: Node): boolean {
  return node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
}

/**
 * `route.enabled` of `if (route.enabled)`, `route.dev ? … : …`, `!route.hidden`, `route.path === '/'`, `route.on && …`:
 * read only to be tested, so nothing of the element goes anywhere from there.
 */
function onlyTested(read: Node): boolean {
  let current: Node = read;
  while (current.parent?.type === T.MemberExpression && current.parent.object === current && !current.parent.computed) current = current.parent;
  for (let depth = 0; current.parent && depth < MAX_LIST_DEPTH * 4; depth++) {
    const parent: Node = current.parent;
    if (parent.type === T.IfStatement || parent.type === T.ConditionalExpression) return parent.test === current;
    // (A boolean: `!x`, `typeof x`, `x === y`.)
    if (parent.type === T.UnaryExpression && (parent.operator === '!' || parent.operator === 'typeof')) return true;
    if (parent.type === T.BinaryExpression && ['===', '!==', '==', '!='].includes(parent.operator)) return true;
    // (`x && y`: `x` is tested, and goes on only when it is falsy, no router. `x || y` gives `x` on.)
    if (parent.type !== T.LogicalExpression) return false;
    if (parent.operator === '&&' && parent.left === current) return true;
    current = parent;
  }
  return false;
}
