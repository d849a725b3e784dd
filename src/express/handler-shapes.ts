import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { SERVER_FACTORIES } from '../data/express';
import { HANDLER_PARAMETER_NAMES, REQUEST_PROPERTIES } from '../data/sinks';
import {
  aliasedIdentifier,
  findVariableOf,
  isFunction,
  literalString,
  localFunctionOf,
  MAX_ALIASES,
  readsWithAliases,
  responseChainObject,
  staticKey,
  unwrap,
  type FunctionNode,
  type Node,
  type Variable,
} from './ast';
import type { ExpressModel } from './index';
import type { Handler, HandlerRole } from './model';
import { packageDependsOn } from '../util/package-json';
import { isTypedRequestPattern, typedParameter } from './typed-roles';
import { constHolding, nestContextFunctions, nestExceptionFilters } from './nest';
import { verifyCallbacks, type VerifyField } from './strategies';
import { graphqlResolvers, type GraphqlResolver } from './graphql';

/**
 * How a function was recognised as receiving requests. `nest-filter`: a NestJS exception filter's `catch(exception,
 * host)`, Nest's error handler (its error, and its request and response: `host.switchToHttp().getRequest()`,
 * `getResponse()`). `nest-context`: another NestJS function that reaches them through an `ExecutionContext` (a guard, an
 * interceptor, a `createParamDecorator` callback: `nestContextFunctions`). `adapted`: a controller of this file that an
 * importer registers through a route adapter of the package (`app.post('/comments', makeCallback(postComment))`), which
 * hands it an object copying request properties (`ExpressModel.adapted`): its first parameter is that object. `verify`: a
 * Passport strategy's verify callback (`new LocalStrategy((username, password, done) => …)`, a NestJS strategy's
 * `validate`), whose parameters the strategy fills from the request body (`verifyCallbacks`, `VERIFY_CALLBACKS`).
 * `graphql`: a resolver of a GraphQL server, whose arguments parameter holds what the client sent (`graphqlResolvers`,
 * `GRAPHQL_SERVERS`).
 */
export type RequestHandlerKind = 'registered' | 'typed' | 'shape' | 'node-server' | 'nest-filter' | 'nest-context' | 'adapted' | 'verify' | 'graphql';

/** A function that receives a request: registered on an app of the file, typed, shaped like one, or a Node server's. */
export interface RequestHandler {
  fn: FunctionNode;
  kind: RequestHandlerKind;
  params: Partial<Record<HandlerRole, TSESTree.Parameter>>;
  /** The model's handler when the function is registered on an app or router of this file. */
  registered: Handler | null;
  /**
   * A Nest exception filter that names the errors it catches (`@Catch(HttpException)`): its error is identified by its
   * class, as by `err instanceof HttpException`.
   */
  errorClassified?: boolean;
  /** `adapted`: the request properties the adapter copies into the object (`['body', 'query', 'params']`). */
  requestKeys?: readonly string[];
  /** `verify`: the parameters the strategy fills from the request (`req.body.username`). */
  fields?: readonly VerifyField[];
  /** `verify`: the name its strategy is registered under (`VerifyCallback.strategy`). */
  strategy?: string | null;
  /** `graphql`: the field it resolves and its arguments parameter. */
  graphql?: GraphqlResolver;
}

/**
 * Every function of the file that receives a request, and the role of each expression in one, computed once per
 * file by one pass over the file's function scopes:
 * - functions registered on an app or router of the file (`model.handlers`);
 * - parameters typed with Express's `Request` / `Response` (TypeScript);
 * - `http(s).createServer(fn)` / `server.on('request', fn)` listeners (Node's own servers);
 * - NestJS exception filters' `catch(exception, host)` methods: `exception` is the error, and what
 *   `host.switchToHttp().getResponse()` returns the response, `getRequest()` the request (`nestExceptionFilters`);
 * - other NestJS functions with an `ExecutionContext` / `ArgumentsHost` (guards, interceptors, `createParamDecorator`
 *   callbacks): what `context.switchToHttp().getRequest()` / `getResponse()` return (`nestContextFunctions`);
 * - Passport strategies' verify callbacks whose parameters hold request data (`verifyCallbacks`: passport-local's
 *   `(username, password, done)`, read from `req.body`, and a NestJS `PassportStrategy(Strategy)` class's `validate`);
 * - GraphQL resolvers whose arguments the client sends (`graphqlResolvers`: a resolver map's or a root value's functions
 *   given to a server of the file, or, with the shape guess, a resolver map of a package that declares such a server);
 * - unless `settings['secure-express'].handlerShapes` is `false`, in a file that imports Express or whose nearest
 *   `package.json` depends on it: functions shaped like a handler, `(req, res)`, `(req, res, next)`,
 *   `(err, req, res, next)`, `(request, response)`, `({ body, query }, res)`.
 * A parameter of a local helper function takes the role of what every call of it passes (`sendTo(res, url)`).
 */
export interface RequestHandlers {
  readonly list: readonly RequestHandler[];
  /**
   * `req`, `res`, `next` or `err` of any request handler (through `res.status(...)` chains, helper parameters and local
   * aliases: `const reply = res`, never assigned again, `aliasedIdentifier`).
   */
  roleOf(node: Node | null | undefined): HandlerRole | null;
  /**
   * The reads of a handler's `role` parameter, and of its local aliases (`const reply = res; reply.json(…)`:
   * `readsWithAliases`), from the variables' references. `[]` for a destructured parameter.
   */
  reads(handler: RequestHandler, role: HandlerRole): readonly TSESTree.Identifier[];
  /** The request handler whose function is `fn`. */
  handlerOf(fn: Node): RequestHandler | null;
  /** The innermost request handler around `node`. */
  enclosing(node: Node): RequestHandler | null;
  /** The calls of a local function (by its name or `const`), `[]` when it is never called by name here. */
  callsOf(fn: FunctionNode): readonly TSESTree.CallExpression[];
  /** The local function a callee names (a declaration or a never-reassigned `const f = () => …`). */
  localFunction(callee: Node): FunctionNode | null;
  /**
   * Whether `node` (through `res.status(…)` chains) is a parameter named like a response (`res`, `response`) of a
   * function that is no request handler, in a file that uses Express, under the shape guess: a helper whose callers,
   * in other files, pass it their response (`export function setAuthCookie(res, token) { res.cookie(...) }` of
   * utils/cookies.js). Asked only where a call's method is one only a response has (`.cookie(`): the name alone does
   * not make a handler (`list`, `roleOf` do not change).
   */
  namedResponse(node: Node): boolean;
}

const cache = new WeakMap<TSESTree.Program, RequestHandlers>();

export function getRequestHandlers(sourceCode: TSESLint.SourceCode, model: ExpressModel, filename?: string): RequestHandlers {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const result = new HandlerIndex(sourceCode, model, filename);
  cache.set(sourceCode.ast, result);
  return result;
}

const SERVER_MODULES = new Set(SERVER_FACTORIES.map(([module]) => module));
const SHAPE_ORDER: readonly HandlerRole[] = ['req', 'res', 'next'];
const ERROR_ORDER: readonly HandlerRole[] = ['err', 'req', 'res', 'next'];

class HandlerIndex implements RequestHandlers {
  readonly list: RequestHandler[] = [];
  private readonly byFn = new Map<Node, RequestHandler>();
  private readonly roles = new Map<Variable, HandlerRole>();
  /** Expressions that are a handler's request or response without being a parameter: Nest's `getRequest()` / `getResponse()` calls. */
  private readonly nodeRoles = new Map<Node, HandlerRole>();
  private readonly paramRoles = new Map<Variable, HandlerRole | null | 'pending'>();
  private readonly calls = new Map<FunctionNode, TSESTree.CallExpression[]>();
  private readonly usesExpress: () => boolean;
  private expressUsed: boolean | undefined;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly model: ExpressModel,
    filename: string | undefined,
  ) {
    for (const handler of model.handlers) {
      if (this.byFn.has(handler.fn)) continue;
      this.add({ fn: handler.fn, kind: 'registered', params: handler.params, registered: handler });
    }
    for (const { fn, keys } of model.adapted) {
      if (this.byFn.has(fn)) continue;
      this.add({ fn, kind: 'adapted', params: fn.params[0] ? { req: fn.params[0] } : {}, registered: null, requestKeys: keys });
    }
    for (const { fn, responses, requests, classes } of nestExceptionFilters(sourceCode, model.moduleCalls)) {
      if (this.byFn.has(fn)) continue;
      this.add({ fn, kind: 'nest-filter', params: fn.params[0] ? { err: fn.params[0] } : {}, registered: null, ...(classes ? { errorClassified: true } : {}) });
      this.addHostCalls(requests, responses);
    }
    for (const { fn, responses, requests } of nestContextFunctions(sourceCode, model.moduleCalls)) {
      if (this.byFn.has(fn)) continue;
      this.add({ fn, kind: 'nest-context', params: {}, registered: null });
      this.addHostCalls(requests, responses);
    }
    for (const { fn, request, fields, strategy } of verifyCallbacks(sourceCode, model)) {
      if (this.byFn.has(fn)) continue;
      this.add({ fn, kind: 'verify', params: request ? { req: request } : {}, registered: null, fields, strategy });
    }
    for (const resolver of graphqlResolvers(sourceCode, model, filename, model.settings.handlerShapes)) {
      if (this.byFn.has(resolver.fn)) continue;
      this.add({ fn: resolver.fn, kind: 'graphql', params: {}, registered: null, graphql: resolver });
    }
    for (const fn of this.nodeServerListeners()) {
      if (!this.byFn.has(fn)) this.add({ fn, kind: 'node-server', params: byOrder(fn, SHAPE_ORDER), registered: null });
    }
    const usesExpress = (): boolean => (this.expressUsed ??= model.imports('express') || model.declaresImport('express') || packageDependsOn(filename, 'express'));
    this.usesExpress = usesExpress;
    let shapes: boolean | undefined;
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      if (scope.type !== 'function') continue;
      const fn = scope.block;
      if (!isFunction(fn) || this.byFn.has(fn) || fn.params.length === 0) continue;
      const typed = this.typedParams(fn);
      if (typed) {
        this.add({ fn, kind: 'typed', params: typed, registered: null });
        continue;
      }
      const order = fn.params.length < 2 ? null : shapeOf(fn);
      if (!order) continue;
      shapes ??= model.settings.handlerShapes && usesExpress();
      if (!shapes) continue;
      this.add({ fn, kind: 'shape', params: byOrder(fn, order), registered: null });
    }
  }

  /** Nest's `getRequest()` / `getResponse()` calls, and the `const`s holding them (`const response = ctx.getResponse<Response>()`). */
  private addHostCalls(requests: readonly TSESTree.CallExpression[], responses: readonly TSESTree.CallExpression[]): void {
    for (const [calls, role] of [[requests, 'req'], [responses, 'res']] as const) {
      for (const call of calls) {
        this.nodeRoles.set(call, role);
        const variable = constHolding(this.sourceCode, call);
        if (variable && !this.roles.has(variable)) this.roles.set(variable, role);
      }
    }
  }

  private add(handler: RequestHandler): void {
    this.list.push(handler);
    this.byFn.set(handler.fn, handler);
    for (const [role, param] of Object.entries(handler.params) as [HandlerRole, TSESTree.Parameter][]) {
      const id = param.type === T.AssignmentPattern ? param.left : param;
      if (id.type !== T.Identifier) continue;
      const variable = findVariableOf(this.sourceCode, id);
      if (variable && !this.roles.has(variable)) this.roles.set(variable, role);
    }
  }

  /**
   * `(req: Request, res: Response, next)`: the typed parameters, and `next` after `res` (and the error before the request
   * of a typed error handler, `(err, req: Request, res: Response, next)`). A destructured request
   * just before a typed response is the request too, typed (`({ query }: Request, res: Response)`, Juice Shop's
   * handlers) or shaped like one (`({ body }, res: Response)`).
   */
  private typedParams(fn: FunctionNode): RequestHandler['params'] | null {
    let req: TSESTree.Parameter | null = typedParameter(this.sourceCode, fn, 'req');
    const res = typedParameter(this.sourceCode, fn, 'res');
    if (!req && !res) return null;
    if (!req && res) {
      const before = fn.params[fn.params.indexOf(res) - 1];
      if (before && (isTypedRequestPattern(this.sourceCode, before) || isRequestParam(before))) req = before;
    }
    const params: RequestHandler['params'] = {};
    if (req) params.req = req;
    // `(err: Error, req: Request, res: Response, next: NextFunction)`: an error handler, its error first (as Express
    // tells one by its four parameters).
    if (req && res && fn.params.length === 4 && fn.params.indexOf(req) === 1 && fn.params.indexOf(res) === 2) params.err = fn.params[0]!;
    if (res) {
      params.res = res;
      const next = fn.params[fn.params.indexOf(res) + 1];
      if (next) params.next = next;
    }
    return params;
  }

  /** Functions given to `http.createServer(fn)`, `https.createServer(options, fn)`, `server.on('request', fn)`. */
  private nodeServerListeners(): FunctionNode[] {
    const found: FunctionNode[] = [];
    for (const { node, callee } of this.model.moduleCalls) {
      // Both forms below are calls of a server module's values: any other call is skipped at once.
      if (!SERVER_MODULES.has(callee.module)) continue;
      const isFactory = SERVER_FACTORIES.some(([m, p]) => callee.module === m && sameList(callee.path, p));
      if (isFactory) {
        for (const arg of node.arguments) {
          const fn = arg.type === T.SpreadElement ? null : this.localFunction(arg);
          if (fn && !this.model.valueOf(arg)) found.push(fn);
        }
        continue;
      }
      // `server.on('request', fn)` on a created server
      const last = callee.path.at(-1);
      if ((last === 'on' || last === 'addListener' || last === 'once') && literalString(node.arguments[0]) === 'request') {
        const owner = callee.path.slice(0, -1);
        const isServer = SERVER_FACTORIES.some(([m, p]) => callee.module === m && sameList(owner, [...p, '()']));
        const fn = isServer && node.arguments[1] && node.arguments[1].type !== T.SpreadElement ? this.localFunction(node.arguments[1]) : null;
        if (fn) found.push(fn);
      }
    }
    return found;
  }

  localFunction(callee: Node): FunctionNode | null {
    return localFunctionOf(this.sourceCode, callee) ?? null;
  }

  callsOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    const known = this.calls.get(fn);
    if (known) return known;
    const found: TSESTree.CallExpression[] = [];
    const id =
      fn.type === T.FunctionDeclaration
        ? fn.id
        : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier
          ? fn.parent.id
          : null;
    const variable = id ? findVariableOf(this.sourceCode, id) : null;
    if (variable && this.localFunction(id!) === fn) {
      for (const ref of variable.references) {
        const parent = ref.identifier.parent;
        if (parent?.type === T.CallExpression && parent.callee === ref.identifier) found.push(parent);
      }
    }
    this.calls.set(fn, found);
    return found;
  }

  handlerOf(fn: Node): RequestHandler | null {
    return this.byFn.get(fn) ?? null;
  }

  enclosing(node: Node): RequestHandler | null {
    for (let current: Node | undefined = node; current; current = current.parent) {
      const handler = this.byFn.get(current);
      if (handler) return handler;
    }
    return null;
  }

  roleOf(node: Node | null | undefined): HandlerRole | null {
    return node ? this.roleAt(node, 0) : null;
  }

  /** `roleOf`, `depth` aliases away from where it was asked. */
  private roleAt(node: Node, depth: number): HandlerRole | null {
    const known = this.model.roleOf(node);
    if (known) return known;
    if (this.list.length === 0) return null;
    const inner = unwrap(node);
    const own = this.nodeRoles.get(inner);
    if (own) return own;
    if (inner.type === T.Identifier) {
      const variable = findVariableOf(this.sourceCode, inner);
      if (!variable) return null;
      const role = this.roles.get(variable) ?? this.helperParamRole(variable);
      if (role || depth >= MAX_ALIASES) return role;
      const aliased = aliasedIdentifier(variable);
      return aliased ? this.roleAt(aliased, depth + 1) : null;
    }
    const chained = responseChainObject(inner);
    return chained && this.roleAt(chained, depth) === 'res' ? 'res' : null;
  }

  reads(handler: RequestHandler, role: HandlerRole): readonly TSESTree.Identifier[] {
    const param = handler.params[role];
    const id = param?.type === T.AssignmentPattern ? param.left : param;
    if (id?.type !== T.Identifier) return [];
    const variable = this.sourceCode.scopeManager?.getDeclaredVariables(handler.fn).find((v) => v.identifiers.includes(id));
    return variable ? readsWithAliases(this.sourceCode, variable) : [];
  }

  namedResponse(node: Node): boolean {
    if (!this.model.settings.handlerShapes) return false;
    let inner = unwrap(node);
    for (let depth = 0; inner.type !== T.Identifier && depth < MAX_ALIASES; depth++) {
      const chained = responseChainObject(inner);
      if (!chained) return false;
      inner = unwrap(chained);
    }
    if (inner.type !== T.Identifier || !HANDLER_PARAMETER_NAMES.res.includes(inner.name)) return false;
    const variable = findVariableOf(this.sourceCode, inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || !isFunction(def.node) || this.byFn.has(def.node)) return false;
    if (!def.node.params.some((p) => p === def.name)) return false;
    return this.usesExpress();
  }

  /** `function sendTo(res, url) {…}` called as `sendTo(res, …)` from a handler: its `res` is a response. */
  private helperParamRole(variable: Variable): HandlerRole | null {
    const known = this.paramRoles.get(variable);
    if (known === 'pending') return null;
    if (known !== undefined) return known;
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || !isFunction(def.node) || this.byFn.has(def.node)) {
      this.paramRoles.set(variable, null);
      return null;
    }
    const fn = def.node;
    const index = fn.params.findIndex((p) => p === def.name || (p.type === T.AssignmentPattern && p.left === def.name));
    this.paramRoles.set(variable, 'pending');
    let role: HandlerRole | null = null;
    if (index >= 0) {
      for (const call of this.callsOf(fn)) {
        const arg = call.arguments[index];
        role = arg && arg.type !== T.SpreadElement ? this.roleOf(arg) : null;
        if (role) break;
      }
    }
    this.paramRoles.set(variable, role);
    return role;
  }
}

function byOrder(fn: FunctionNode, order: readonly HandlerRole[]): RequestHandler['params'] {
  const params: RequestHandler['params'] = {};
  order.forEach((role, i) => {
    const param = fn.params[i];
    if (param) params[role] = param;
  });
  return params;
}

/**
 * Whether `fn` is shaped like an Express handler: `(req, res)`, `(req, res, next)`, `(err, req, res, next)`, `({ body,
 * query }, res)` (the project model's summaries leave such a helper to its own file, which reads it as a handler).
 */
export function isShapedLikeHandler(fn: FunctionNode): boolean {
  return shapeOf(fn) !== null;
}

/** The parameter order when `fn` is shaped like an Express handler, else `null`. */
function shapeOf(fn: FunctionNode): readonly HandlerRole[] | null {
  const [a, b, c, d] = fn.params;
  if (fn.params.length === 4 && isNamed(a, 'err') && isRequestParam(b) && isNamed(c, 'res')) return ERROR_ORDER;
  if (fn.params.length <= 3 && isRequestParam(a) && isNamed(b, 'res') && (!c || isNamed(c, 'next')) && !d) return SHAPE_ORDER;
  return null;
}

function isNamed(param: TSESTree.Parameter | undefined, role: HandlerRole): boolean {
  const id = param?.type === T.AssignmentPattern ? param.left : param;
  return id?.type === T.Identifier && HANDLER_PARAMETER_NAMES[role].includes(id.name);
}

/** `req`, `request`, or `{ body, query, params }` (only request keys, at least one that holds client data). */
function isRequestParam(param: TSESTree.Parameter | undefined): boolean {
  if (isNamed(param, 'req')) return true;
  if (param?.type !== T.ObjectPattern || param.properties.length === 0) return false;
  let data = false;
  for (const prop of param.properties) {
    if (prop.type !== T.Property) continue;
    const key = staticKey(prop);
    if (key === null) return false;
    if (key in REQUEST_PROPERTIES) data = true;
  }
  return data;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
