import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  APP_GUARD,
  APP_PIPE,
  AUTHORIZED_DECORATOR,
  CATCH_DECORATOR,
  CONTROLLER_DECORATOR_LIBRARIES,
  CONTROLLER_REGISTRATIONS,
  COOKIES_DECORATOR,
  CONTROLLER_DECORATOR,
  DEFAULT_VERSION_PREFIX,
  ENABLE_VERSIONING_METHOD,
  CONTEXT_TYPES,
  FILTER_METHOD,
  HTTP_HOST_METHODS,
  PARAM_DECORATOR_REQUEST_KEYS,
  PARAM_DECORATOR_FACTORY,
  GLOBAL_GUARDS_METHOD,
  GLOBAL_PIPES_METHOD,
  GUARDS_DECORATOR,
  MODULE_DECORATOR,
  NEST_MODULE_CONFIGURE,
  NEST_APP_READERS,
  NEST_COMMON,
  NEST_CREATE_OPTIONS,
  NEST_FACTORY,
  NOT_SENT_DECORATORS,
  NON_EXPRESS_APP_TYPES,
  EXPRESS_APP_TYPES,
  EXPRESS_PLATFORM,
  NON_EXPRESS_PLATFORMS,
  PIPES_DECORATOR,
  REDIRECT_DECORATOR,
  REQUEST_METHOD,
  ROUTER_MODULE,
  REQUEST_PARAMETER_DECORATORS,
  ROLE_PARAMETER_DECORATORS,
  ROUTE_DECORATORS,
  SESSION_PARAMETER_DECORATOR,
  SKIP_THROTTLE,
  PREFIX_EXCLUDE_OPTION,
  SWITCH_TO_HTTP,
  THROTTLE_DECORATOR,
  THROTTLER_MODULE,
  URI_VERSIONING,
  VALIDATION_PIPE,
  VERSION_DECORATOR,
  VERSION_NEUTRAL,
  VERSIONING_TYPE,
} from '../data/nest';
import { LIMITER_MIDDLEWARE, LIMITER_NAME } from '../data/limiters';
import { resolveConst, staticText, type ValueElsewhere } from './options';
import {
  enclosingStatement,
  findVariableOf,
  isFunction,
  literalString,
  localFunctionOf,
  outermost,
  returnedExpressions,
  someNode,
  staticKey,
  unwrap,
  type Expression,
  type FunctionNode,
  type Node,
} from './ast';
import {
  joinNestPaths,
  mountMatches,
  NEUTRAL,
  nestOwnPaths,
  nestRoutePaths,
  nestRouteChain,
  pathFields,
  nestSummaryOf,
  recordNestSummary,
  type NestAppChain,
  type NestControllerSummary,
  type NestAppliedSummary,
  type NestDynamicModule,
  type NestFileSummary,
  type NestGuardSummary,
  type NestMountedSummary,
  type NestPathSelector,
  type NestPrefixExclude,
  inheritedItems,
  type NestRef,
  type NestRouteSelector,
  type NestRouteSummary,
  type NestVersion,
  type NestVersioning,
  type NestVersions,
} from './nest-project';
import type { AppCall, ExpressApp, Handler, HandlerRole, MiddlewareItem, ModuleValue, TextTest } from './model';

/**
 * NestJS on Express, as the model's own concepts: the app of `NestFactory.create(AppModule)` is an Express app
 * (its `use`, `set`, `disable`, `enableCors`, `listen` calls are app calls); each `@Controller()` class is a router
 * whose decorated methods are routes with their full path; guards and pipes (global ones of this file, then the
 * class's, then the method's) are the route's middleware chain; decorated parameters are request data
 * (`@Body()`, `@Query('q')`) or the handler's `req` / `res` (`@Req()`, `@Res()`).
 */
export interface NestInfo {
  /** For the app of `NestFactory.create`: the options argument (`{ cors, httpsOptions, bodyParser }`), if any. */
  readonly options?: Expression | null;
  /** For a controller: its class. */
  readonly controller?: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  /**
   * For a controller: true when this file shows every guard and pipe that can run before its routes: the file
   * creates the Nest app itself (`NestFactory.create` of a module declared here), the app stays in the file, and
   * every module it imports is declared here or comes from a package. A controller in its own file is not
   * complete: global guards (`APP_GUARD`, `app.useGlobalGuards`) live in other files.
   */
  readonly chainKnown?: boolean;
}

/** A decorated handler parameter that carries request data. */
export interface NestParameter {
  /** The `req` property whose data it carries: `body`, `query`, `params`, `headers`. */
  readonly property: string;
  /** `@Query('next')`: the key read, else `null` for the whole object. */
  readonly key: string | null;
  /** How the source writes it, for messages: `@Query('next')`. */
  readonly source: string;
  /**
   * A DTO class (not a primitive, `any` or `object`) checked by a ValidationPipe, or in a controller whose pipes
   * this file does not show: its fields are typed values, not query operator objects.
   */
  readonly typedByPipe: boolean;
  /** Checked by a ValidationPipe this file shows (global, `@UsePipes` or the parameter's own pipe), or one of the app's global pipes. */
  readonly validated: boolean;
  /** The whole body or query bound to a DTO class (`@Body() dto: LoginDto`). */
  readonly dto: boolean;
  /**
   * A keyed parameter typed `number`, `boolean` or `Date` of a library that converts the client's string to it
   * (`coercesPrimitives`: routing-controllers' `@QueryParam('n') n: number`): only an object passed on as it is remains.
   */
  readonly coerced?: boolean;
  /**
   * Of a library that `checksTypes` (tsoa): `'string'` for a parameter typed `string` (no object passes), `'value'` for
   * one typed `number`, `boolean` or `Date` (converted or rejected: nothing the client writes remains).
   */
  readonly checked?: 'string' | 'value';
}

/** The parts of the model builder that the NestJS reading uses. */
export interface NestBuilder {
  readonly values: ReadonlyMap<Node, ModuleValue>;
  readonly apps: ExpressApp[];
  readonly calls: readonly { node: TSESTree.CallExpression | TSESTree.NewExpression; callee: ModuleValue }[];
  readonly handlers: Handler[];
  readonly roles: Map<TSESLint.Scope.Variable, { role: HandlerRole; handler: Handler }>;
  /** Cross-file: the constant another file of the package exports at what a node reads (`ROUTES.AUTH` of an import). */
  readonly constantElsewhere?: (node: Node, mentions?: TextTest) => ValueElsewhere | null;
}

const PRIMITIVE_TYPES = new Set<string>([
  T.TSStringKeyword,
  T.TSNumberKeyword,
  T.TSBooleanKeyword,
  T.TSAnyKeyword,
  T.TSUnknownKeyword,
  T.TSObjectKeyword,
  T.TSBigIntKeyword,
]);

/** Generic types that hold anything: `Record<string, any>`, `Partial<X>` of unknown shape. */
const LOOSE_TYPE_NAMES = new Set(['Record', 'Object', 'Array', 'Map', 'Partial', 'any']);

/** What each decorated parameter binds, over every route its method serves (see `setParameter`). */
const parameters = new WeakMap<Node, NestParameter>();
/** The same for each route: a base class's method serves a route of each controller that extends it. */
const routeParameters = new WeakMap<Handler, Map<Node, NestParameter>>();
const parameterHandlers = new WeakMap<Node, Handler[]>();

/**
 * Records what a parameter binds for one route (`handler`). Over all its routes, the parameter is validated (and a
 * DTO typed) only when every route validates it: a route without a ValidationPipe takes any body.
 */
function setParameter(handler: Handler, target: Node, found: NestParameter): void {
  let own = routeParameters.get(handler);
  if (!own) {
    own = new Map();
    routeParameters.set(handler, own);
  }
  own.set(target, found);
  let handlers = parameterHandlers.get(target);
  if (!handlers) {
    handlers = [];
    parameterHandlers.set(target, handlers);
  }
  if (!handlers.includes(handler)) handlers.push(handler);
  const all = handlers.map((h) => routeParameters.get(h)!.get(target)!);
  parameters.set(target, { ...found, validated: all.every((p) => p.validated), typedByPipe: all.every((p) => p.typedByPipe) });
}
const added = new WeakSet<NestBuilder>();
/** Route method parameters decorated by a custom decorator of the file, with its `createParamDecorator` callback. */
const parameterFactories = new WeakMap<Node, FunctionNode>();
/** Route methods with a `@Session()` parameter. */
const sessionReaders = new WeakSet<Node>();

/** Whether a NestJS route method takes the session (`@Session() session`): it trusts cookie-carried state. */
export function nestReadsSession(fn: Node): boolean {
  return sessionReaders.has(fn);
}

function is(value: ModuleValue | undefined, module: string, path: readonly string[]): boolean {
  return value !== undefined && value.module === module && value.path.length === path.length && value.path.every((p, i) => p === path[i]);
}

/** The libraries of `CONTROLLER_DECORATOR_LIBRARIES` (data/nest.ts) by module. */
const LIBRARIES = new Map(CONTROLLER_DECORATOR_LIBRARIES.map((library) => [library.module, library]));
type Library = (typeof CONTROLLER_DECORATOR_LIBRARIES)[number];

/** The request part each parameter decorator binds, by the @nestjs/common name it acts as (`CONTROLLER_DECORATOR_LIBRARIES`). */
const PARAMETER_PARTS: Readonly<Record<string, string>> = { ...REQUEST_PARAMETER_DECORATORS, [COOKIES_DECORATOR]: 'cookies' };

/** What a decorator's value is among the controller decorators of a library (`@JsonController` of routing-controllers acts as `Controller`). */
function decoratorOf(value: ModuleValue | undefined): { name: string; own: string; library: Library } | null {
  if (!value || value.path.length !== 1) return null;
  const library = LIBRARIES.get(value.module);
  const own = value.path[0]!;
  const name = library && Object.hasOwn(library.decorators, own) ? library.decorators[own]! : null;
  return name === null ? null : { name, own, library: library! };
}

/**
 * `@Name(...)` of `@nestjs/common`, or of another library of `CONTROLLER_DECORATOR_LIBRARIES`: the @nestjs/common
 * decorator's name it acts as, its own name and its library; else `null`.
 */
function commonDecorator(
  builder: NestBuilder,
  decorator: Node,
): { name: string; own: string; library: Library; call: TSESTree.CallExpression | null } | null {
  const expression = unwrap(decorator);
  const callee = expression.type === T.CallExpression ? expression.callee : expression;
  const found = decoratorOf(builder.values.get(callee) ?? builder.values.get(unwrap(callee)));
  return found && { ...found, call: expression.type === T.CallExpression ? expression : null };
}

/** True for `NestFactory.create` of `@nestjs/core`. */
export function isNestCreate(callee: ModuleValue): boolean {
  return is(callee, NEST_FACTORY.module, NEST_FACTORY.path);
}

/** A function that reads the Nest app or mounts docs on it without configuring its security (`SwaggerModule.setup`). */
export function isNestAppReader(callee: ModuleValue | undefined): boolean {
  return callee !== undefined && NEST_APP_READERS.some(([module, path]) => is(callee, module, path));
}

/**
 * The app of a `NestFactory.create(...)` call, or `null` when it runs on another platform than Express (a
 * `FastifyAdapter` argument, a `NestFastifyApplication` type argument).
 */
export function createNestApp(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): ExpressApp | null {
  const typeArgument = call.typeArguments?.params[0];
  if (typeArgument?.type === T.TSTypeReference && typeArgument.typeName.type === T.Identifier && NON_EXPRESS_APP_TYPES.has(typeArgument.typeName.name)) {
    return null;
  }
  const args = call.arguments;
  if (args.slice(1).some((arg) => adapterPlatform(sourceCode, arg) === 'other')) return null;
  // `create(module, options)` or `create(module, adapter, options)`
  const second = args[1] && args[1].type !== T.SpreadElement ? unwrap(args[1]) : null;
  const secondIsOptions = !second || adapterPlatform(sourceCode, second) === null;
  // An adapter this file does not show (made by a function, imported) may be Fastify's: unknown, unless the type
  // argument says the app is Express.
  const typedExpress =
    typeArgument?.type === T.TSTypeReference && typeArgument.typeName.type === T.Identifier && EXPRESS_APP_TYPES.has(typeArgument.typeName.name);
  if (!secondIsOptions && adapterPlatform(sourceCode, second!) === 'unknown' && !typedExpress) return null;
  const optionsArg = secondIsOptions ? args[1] : args[2];
  const options = optionsArg && optionsArg.type !== T.SpreadElement ? optionsArg : null;
  return {
    kind: 'app',
    node: call,
    name: sourceCode.getText(call),
    variable: null,
    declaration: declarationOf(call),
    escapes: false,
    handedOverAt: null,
    calls: [],
    mounts: [],
    servers: [],
    nest: { options },
  };
}

/** `const app = await NestFactory.create(AppModule);`: the statement that declares the app, for inserting after it. */
function declarationOf(call: Node): TSESTree.Statement | null {
  const statement = enclosingStatement(call);
  if (statement?.type !== T.VariableDeclaration) return null;
  const declares = statement.declarations.some((d) => {
    if (!d.init || d.id.type !== T.Identifier) return false;
    const init = unwrap(d.init);
    return init === call || (init.type === T.AwaitExpression && unwrap(init.argument) === call);
  });
  return declares ? statement : null;
}

/**
 * What the adapter argument of `NestFactory.create` is: `null` for an options object (a literal, or a `const`
 * holding one), `'express'` for `new ExpressAdapter(...)` of @nestjs/platform-express, `'other'` for an adapter
 * imported from another platform (`new FastifyAdapter()`), `'unknown'` for anything else (a call, an import, a
 * parameter), directly or through a `const`.
 */
function adapterPlatform(sourceCode: TSESLint.SourceCode, arg: Node): 'express' | 'other' | 'unknown' | null {
  let node = unwrap(arg);
  if (node.type === T.Identifier) {
    const def = findVariableOf(sourceCode, node)?.defs[0];
    if (def?.node.type !== T.VariableDeclarator || !def.node.init) return 'unknown';
    node = unwrap(def.node.init);
  }
  if (node.type === T.ObjectExpression) return null;
  if (node.type !== T.NewExpression) return 'unknown';
  let callee = unwrap(node.callee);
  if (callee.type === T.MemberExpression) callee = unwrap(callee.object);
  if (callee.type !== T.Identifier) return 'unknown';
  const def = findVariableOf(sourceCode, callee)?.defs[0];
  const declaration = def?.type === 'ImportBinding' ? def.parent : null;
  if (declaration?.type !== T.ImportDeclaration) return 'unknown';
  const source = String(declaration.source.value);
  if (NON_EXPRESS_PLATFORMS.has(source)) return 'other';
  return source === EXPRESS_PLATFORM ? 'express' : 'unknown';
}

/**
 * The request data a variable defined by `id`, a parameter of a Nest handler, holds: what its decorator binds,
 * less query-operator objects for DTO classes checked by a ValidationPipe. `null` when it is no Nest parameter.
 */
export function nestParameterData(
  id: Node,
  properties: Readonly<Record<string, number>>,
  members: Readonly<Record<string, number>>,
  nosql: number,
): { danger: number; source: string; members?: number } | null {
  let param: Node = id;
  // (`@Query() { name }`: a destructured key is a value of the object.)
  let nested = false;
  while (param.parent && param.parent.type !== T.FunctionExpression && param.parent.type !== T.TSParameterProperty) {
    const parent: Node = param.parent;
    if (parent.type === T.ObjectPattern || parent.type === T.ArrayPattern) nested = true;
    if (parent.type === T.Property && parent.value === param) {
      if (staticKey(parent) === null) return null;
    } else if (parent.type !== T.ObjectPattern && parent.type !== T.AssignmentPattern && parent.type !== T.ArrayPattern && parent.type !== T.RestElement) {
      return null;
    }
    param = parent;
  }
  const found = parameters.get(param);
  if (!found) return null;
  let danger = properties[found.property] ?? 0;
  // `@Query('name')` is a value of the query, `@Query()` the object, whose values may carry less (`members`: Express 5's
  // simple query parser makes strings, under the keys the client picks).
  const valueDanger = Object.hasOwn(members, found.property) ? members[found.property]! : undefined;
  const whole = found.key === null && !nested;
  if (valueDanger !== undefined && !whole) danger &= valueDanger;
  if (found.typedByPipe) danger &= ~nosql;
  if (found.coerced) danger &= nosql;
  if (found.checked === 'string') danger &= ~nosql;
  if (found.checked === 'value') return null;
  if (!danger) return null;
  // Named as the handler's code names it (`next`, `email`), so that checks of it in the handler (`next === '/'`) count.
  const source = id.type === T.Identifier ? id.name : found.source;
  return valueDanger !== undefined && whole && (valueDanger & danger) !== danger ? { danger, source, members: valueDanger & danger } : { danger, source };
}

/**
 * What `@Controller(...)` or a route decorator's argument says about the path: the static strings it evaluates to, as
 * an Express path is read (`staticText`: a literal, a template, a `const` of the file, a `const` object's property,
 * an enum member; and, with the whole-app model, a constant that another file of the package exports:
 * `@Controller(ROUTES.AUTH)`), one for a string and one per element for an array (`@Controller(['auth', 'account'])`,
 * `@Controller({ path: ['a', 'b'] })`, `@Post(['login', 'signin'])`, also a `const` of the file holding one: Nest
 * registers the route under each); `null` when one is not static. No argument (or no `path`) is `['']`.
 */
function decoratorPath(builder: NestBuilder, sourceCode: TSESLint.SourceCode, arg: Node | undefined): { node: Expression | null; paths: string[] | null } {
  if (!arg || arg.type === T.SpreadElement) return { node: null, paths: [''] };
  const node = unwrap(arg);
  if (node.type === T.ObjectExpression) {
    const property = node.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'path');
    if (!property) return { node: null, paths: [''] };
    return { node: property.value as Expression, paths: pathsOf(builder, sourceCode, property.value) };
  }
  return { node: arg as Expression, paths: pathsOf(builder, sourceCode, arg) };
}

/** The paths a decorator's path value names (see `decoratorPath`): a string's, or each element's of an array. */
function pathsOf(builder: NestBuilder, sourceCode: TSESLint.SourceCode, node: Node): string[] | null {
  const one = staticText(sourceCode, node, builder.constantElsewhere);
  if (one !== null) return [one];
  const array = resolveConst(sourceCode, node);
  if (array.type !== T.ArrayExpression) return null;
  const paths: string[] = [];
  for (const element of array.elements) {
    // (Nest takes each element as one path: a hole, a spread or a nested array is not read.)
    const path = element && element.type !== T.SpreadElement ? staticText(sourceCode, element, builder.constantElsewhere) : null;
    if (path === null) return null;
    paths.push(path);
  }
  return paths;
}

/**
 * `@Controller({ path, version })`: the versions of its routes (see `versionsOf`); `undefined` without a `version`
 * (or for `@Controller('prefix')`), `null` when the option is not read (a spread).
 */
function controllerVersion(builder: NestBuilder, sourceCode: TSESLint.SourceCode, arg: Node | undefined): NestVersions | undefined {
  if (!arg || arg.type === T.SpreadElement) return undefined;
  const node = unwrap(arg);
  if (node.type !== T.ObjectExpression) return undefined;
  const property = node.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'version');
  if (!property) return node.properties.some((p) => p.type !== T.Property || staticKey(p) === null) ? null : undefined;
  return versionsOf(builder, sourceCode, property.value);
}

/**
 * The versions a `@Version(...)` argument, a controller's `version` or `defaultVersion` names: a static string (or
 * number) as a path is read (`staticText`), `VERSION_NEUTRAL` of @nestjs/common, or an array of those (also a `const`
 * of the file holding one); `null` for anything else (a value from config, a call).
 */
function versionsOf(builder: NestBuilder, sourceCode: TSESLint.SourceCode, node: Node): NestVersions {
  const one = (element: Node): NestVersion | null => {
    const value = builder.values.get(element) ?? builder.values.get(unwrap(element));
    if (is(value, NEST_COMMON, [VERSION_NEUTRAL])) return NEUTRAL;
    return staticText(sourceCode, element, builder.constantElsewhere);
  };
  const inner = resolveConst(sourceCode, node);
  if (inner.type !== T.ArrayExpression) {
    const version = one(node);
    return version === null ? null : [version];
  }
  const versions: NestVersion[] = [];
  for (const element of inner.elements) {
    const version = element && element.type !== T.SpreadElement ? one(element) : null;
    if (version === null) return null;
    versions.push(version);
  }
  return versions;
}

/** The items a list of decorator arguments (`@UseGuards(A, new B())`) or call arguments names. */
function itemsOf(args: readonly TSESTree.CallExpressionArgument[]): MiddlewareItem[] {
  const items: MiddlewareItem[] = [];
  for (const arg of args) {
    const node = unwrap(arg);
    if (node.type === T.SpreadElement) continue;
    if (node.type === T.ArrayExpression) {
      items.push(...itemsOf(node.elements.filter((e): e is Expression => e !== null && e.type !== T.SpreadElement)));
      continue;
    }
    items.push({ node: node as Expression, value: undefined, fn: undefined });
  }
  return items;
}

/**
 * The class a guard or pipe item is an instance of: `new X(...)`, and `app.get(X)` / `moduleRef.get(X)` (the instance of
 * provider `X` that Nest's container made); else the item itself (a class, or a name).
 */
function madeClass(node: Node): Node {
  const inner = unwrap(node);
  if (inner.type === T.NewExpression) return inner.callee;
  if (inner.type === T.CallExpression && inner.arguments.length === 1 && inner.arguments[0]!.type !== T.SpreadElement) {
    const callee = unwrap(inner.callee);
    if (callee.type === T.MemberExpression && staticKey(callee) === 'get') return unwrap(inner.arguments[0]!);
  }
  return inner;
}

/**
 * `app.get(ThrottlerGuard)`: the container's instance of the class, valued as `new ThrottlerGuard(...)` is; also kept in
 * a `const` first (`const guard = app.get(ThrottlerGuard); app.useGlobalGuards(guard)`).
 */
function containerInstance(builder: NestBuilder, node: Node, sourceCode?: TSESLint.SourceCode): ModuleValue | undefined {
  const inner = sourceCode ? resolveConst(sourceCode, node) : unwrap(node);
  if (inner.type !== T.CallExpression) return undefined;
  const made = madeClass(inner);
  const value = made !== inner ? (builder.values.get(made) ?? builder.values.get(unwrap(made))) : undefined;
  return value ? { ...value, path: [...value.path, '()'], node: inner } : undefined;
}

/** An item of `useGlobalGuards(...)` / `useGlobalPipes(...)` with the value it holds (`containerInstance` first). */
function withMadeValue(builder: NestBuilder, sourceCode: TSESLint.SourceCode, item: MiddlewareItem): MiddlewareItem {
  const value = containerInstance(builder, item.node, sourceCode);
  return value ? { ...item, value } : item;
}

function isValidationPipe(builder: NestBuilder, node: Node): boolean {
  const target = madeClass(node);
  const value = builder.values.get(target) ?? builder.values.get(unwrap(target));
  return is(value, VALIDATION_PIPE.module, VALIDATION_PIPE.path);
}

/** Whether a middleware item is NestJS's ValidationPipe (`ValidationPipe`, `new ValidationPipe({...})`). */
export function isNestValidationPipe(item: MiddlewareItem): boolean {
  const value = item.value;
  if (!value || value.module !== VALIDATION_PIPE.module) return false;
  return value.path[0] === VALIDATION_PIPE.path[0] && (value.path.length === 1 || (value.path.length === 2 && value.path[1] === '()'));
}

/** The guards and pipes that every route of the file's Nest apps gets: `useGlobalGuards/Pipes`, `APP_GUARD/APP_PIPE`. */
function globalItems(builder: NestBuilder, sourceCode: TSESLint.SourceCode): { guards: MiddlewareItem[]; pipes: MiddlewareItem[] } {
  const guards: MiddlewareItem[] = [];
  const pipes: MiddlewareItem[] = [];
  for (const app of builder.apps) {
    if (!app.nest) continue;
    for (const call of app.calls) {
      if (call.method === GLOBAL_GUARDS_METHOD) guards.push(...itemsOf(call.node.arguments).map((item) => withMadeValue(builder, sourceCode, item)));
      if (call.method === GLOBAL_PIPES_METHOD) pipes.push(...itemsOf(call.node.arguments).map((item) => withMadeValue(builder, sourceCode, item)));
    }
  }
  for (const options of moduleOptions(builder)) {
    const own = moduleGlobals(builder, sourceCode, options);
    guards.push(...own.guards);
    pipes.push(...own.pipes);
  }
  return { guards, pipes };
}

/** The `APP_GUARD` / `APP_PIPE` providers of one `@Module({ providers })`. */
function moduleGlobals(builder: NestBuilder, sourceCode: TSESLint.SourceCode, options: TSESTree.ObjectExpression): { guards: MiddlewareItem[]; pipes: MiddlewareItem[] } {
  const guards: MiddlewareItem[] = [];
  const pipes: MiddlewareItem[] = [];
  for (const provider of moduleProviders(sourceCode, options)) {
    const provide = provider.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'provide');
    if (!provide) continue;
    const value = builder.values.get(provide.value) ?? builder.values.get(unwrap(provide.value));
    const target = is(value, APP_GUARD.module, APP_GUARD.path) ? guards : is(value, APP_PIPE.module, APP_PIPE.path) ? pipes : null;
    if (!target) continue;
    for (const property of provider.properties) {
      if (property.type !== T.Property) continue;
      const key = staticKey(property);
      if (key === 'useClass' || key === 'useValue' || key === 'useExisting') target.push(...itemsOf([property.value as Expression]));
    }
  }
  return { guards, pipes };
}

/** The `@Module({ ... })` option objects of the file. */
function moduleOptions(builder: NestBuilder): TSESTree.ObjectExpression[] {
  const result: TSESTree.ObjectExpression[] = [];
  for (const { node, callee } of builder.calls) {
    if (!is(callee, NEST_COMMON, [MODULE_DECORATOR]) || !isDecoratorCall(node)) continue;
    const options = node.arguments[0] ? unwrap(node.arguments[0]) : null;
    if (options?.type === T.ObjectExpression) result.push(options);
  }
  return result;
}

/** `providers: [{ provide: APP_GUARD, useClass: ... }]` entries of a module. */
function moduleProviders(sourceCode: TSESLint.SourceCode, options: TSESTree.ObjectExpression): TSESTree.ObjectExpression[] {
  const result: TSESTree.ObjectExpression[] = [];
  const providers = options.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'providers');
  const list = providers ? unwrap(providers.value) : null;
  if (list?.type !== T.ArrayExpression) return result;
  for (const element of list.elements) {
    const inner = element && element.type !== T.SpreadElement ? providerObject(sourceCode, element) : null;
    if (inner) result.push(inner);
  }
  return result;
}

/** A provider written as an object: inline, or a `const` of this file (`const throttling = { provide: APP_GUARD, ... }`). */
function providerObject(sourceCode: TSESLint.SourceCode, node: Node): TSESTree.ObjectExpression | null {
  const inner = unwrap(node);
  if (inner.type === T.ObjectExpression) return inner;
  if (inner.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, inner);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.node.type !== T.VariableDeclarator || def.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const') return null;
  const init = def.node.init ? unwrap(def.node.init) : null;
  return init?.type === T.ObjectExpression ? init : null;
}

/**
 * Whether the model reads every provider of a `@Module`, so that it knows its `APP_GUARD`s and `APP_PIPE`s: a class
 * (declared here, or imported or required under a class's capitalised name), or an object (inline or a `const` of
 * this file) that gives an `APP_GUARD` / `APP_PIPE` by `useClass`, `useValue` or `useExisting`, not by `useFactory`.
 * A spread, a call or a lower-case import (which may hold `{ provide: APP_GUARD, ... }`) is not read.
 */
function providersReadable(builder: NestBuilder, sourceCode: TSESLint.SourceCode, options: TSESTree.ObjectExpression): boolean {
  const providers = options.properties.find((p) => p.type === T.Property && staticKey(p) === 'providers');
  if (!providers) return true;
  if (providers.type !== T.Property) return false;
  const list = unwrap(providers.value);
  if (list.type !== T.ArrayExpression) return false;
  return list.elements.every((element) => {
    if (!element || element.type === T.SpreadElement) return false;
    const object = providerObject(sourceCode, element);
    if (object) {
      const provide = object.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'provide');
      const value = provide ? (builder.values.get(provide.value) ?? builder.values.get(unwrap(provide.value))) : undefined;
      const global = is(value, APP_GUARD.module, APP_GUARD.path) || is(value, APP_PIPE.module, APP_PIPE.path);
      return !global || object.properties.some((p) => p.type === T.Property && ['useClass', 'useValue', 'useExisting'].includes(staticKey(p) ?? ''));
    }
    const inner = unwrap(element);
    if (inner.type === T.MemberExpression) return /^[A-Z]/u.test(staticKey(inner) ?? '');
    if (inner.type !== T.Identifier) return false;
    const def = findVariableOf(sourceCode, inner)?.defs[0];
    if (def?.type === 'ClassName') return true;
    return (def?.type === 'ImportBinding' || requiredModule(sourceCode, inner) !== null) && /^[A-Z]/u.test(inner.name);
  });
}

/**
 * Whether the file shows the whole Nest app: it creates it with `NestFactory.create(Module)` of a class declared
 * here, the app does not leave the file, every module that the file's modules import is declared here or comes
 * from a package (a module of another file of the app may register an `APP_GUARD`), their providers are read, and
 * they apply no middleware in `configure(consumer)` and give no module paths (`RouterModule`).
 */
function fileShowsWholeApp(builder: NestBuilder, sourceCode: TSESLint.SourceCode): boolean {
  const apps = builder.apps.filter((app) => app.nest?.options !== undefined);
  if (apps.length === 0) return false;
  const local = (node: Node): boolean => {
    const inner = unwrap(node);
    if (inner.type !== T.Identifier) return false;
    const def = findVariableOf(sourceCode, inner)?.defs[0];
    return def?.type === 'ClassName';
  };
  const fromPackage = (node: Node): boolean => {
    const inner = unwrap(node);
    const value = builder.values.get(inner.type === T.CallExpression ? inner.callee : inner);
    return value !== undefined && !value.module.startsWith('.') && !value.module.startsWith('/');
  };
  for (const app of apps) {
    const root = app.node.arguments[0];
    if (app.escapes || !root || root.type === T.SpreadElement || !local(root)) return false;
  }
  const compiled = compiledDecorations(sourceCode);
  for (const options of moduleOptions(builder)) {
    if (!providersReadable(builder, sourceCode, options)) return false;
    // Middleware a module applies in `configure(consumer)` is read across files (src/project), not here.
    const cls = decoratedClass(sourceCode, options.parent as TSESTree.CallExpression, compiled)?.cls;
    if (cls && consumerMiddleware(builder, sourceCode, cls)?.length !== 0) return false;
    // So are the module paths of a `RouterModule`.
    if (routerRoutes(builder, sourceCode, options)?.length !== 0) return false;
    const imports = options.properties.find((p) => p.type === T.Property && staticKey(p) === 'imports');
    if (!imports) continue;
    if (imports.type !== T.Property) return false;
    const list = unwrap(imports.value);
    if (list.type !== T.ArrayExpression) return false;
    for (const element of list.elements) {
      if (!element || element.type === T.SpreadElement || !(local(element) || fromPackage(element))) return false;
    }
  }
  return true;
}

function isThrottler(builder: NestBuilder, item: MiddlewareItem): boolean {
  const target = madeClass(item.node);
  const value = builder.values.get(target) ?? builder.values.get(unwrap(target));
  if (value?.module === THROTTLER_MODULE) return true;
  return target.type === T.Identifier && /throttl/iu.test(target.name);
}

/** `@SkipThrottle()` (or `@SkipThrottle({ default: true })`), not `@SkipThrottle({ default: false })`. */
function skipsThrottle(call: TSESTree.CallExpression | null): boolean {
  const options = call?.arguments[0] ? unwrap(call.arguments[0]) : null;
  if (!options) return true;
  if (options.type !== T.ObjectExpression) return false;
  return options.properties.every(
    (p) => p.type === T.Property && !(p.value.type === T.Literal && p.value.value === false),
  );
}

/** A class with its decorators' reading, and what its `@Controller()` call says (`null` for a class that is no controller). */
interface RouteClass {
  readonly decorated: DecoratedClass;
  readonly decoratorCall: TSESTree.CallExpression | null;
  /** The library of its controller decorator, else of its first route decorator. */
  readonly library: Library;
}

/** What the classes of a controller's lineage (itself, then the classes of its file it extends) put before every route. */
interface ClassLevel {
  /** `@UseGuards` of the classes, the farthest base's first (Nest adds a class's guards to those it inherits). */
  readonly guards: MiddlewareItem[];
  readonly pipes: MiddlewareItem[];
  /** `@Throttle({...})` of the classes. */
  readonly throttles: MiddlewareItem[];
  /** `@SkipThrottle` of the nearest class that has one; `null` for none. */
  readonly skips: boolean | null;
}

function classLevel(builder: NestBuilder, lineage: readonly DecoratedClass[]): ClassLevel {
  const guards: MiddlewareItem[] = [];
  const pipes: MiddlewareItem[] = [];
  const throttles: MiddlewareItem[] = [];
  for (const decorated of [...lineage].reverse()) {
    const decorators = decorated.decorators.map((d) => commonDecorator(builder, d)).filter((d) => d !== null);
    guards.push(...guardItems(decorators));
    pipes.push(...decorators.filter((d) => d.name === PIPES_DECORATOR).flatMap((d) => itemsOf(d.call?.arguments ?? [])));
    throttles.push(...throttleItems(builder, decorated.decorators));
  }
  let skips: boolean | null = null;
  for (const decorated of lineage) {
    const found = decorated.decorators.find((d) => skipThrottleCall(builder, d) !== undefined);
    if (found) {
      skips = throttlerDecorator(builder, found);
      break;
    }
  }
  return { guards, pipes, throttles, skips };
}

/**
 * The methods of a lineage (a class, then the classes it extends, nearest first) that are routes of the class:
 * each method name once, the nearest class's (a method a subclass declares again hides the base's route, as Nest
 * reads the prototype chain's nearest method), with its class's decorators. Also every method name declared.
 */
function lineageMethods(lineage: readonly DecoratedClass[], hidden: ReadonlySet<string> = new Set()): {
  methods: { member: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression }; decorations: MethodDecorations }[];
  names: string[];
} {
  const seen = new Set(hidden);
  const names: string[] = [];
  const methods: { member: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression }; decorations: MethodDecorations }[] = [];
  lineage.forEach((decorated, depth) => {
    for (const member of decorated.cls.body.body) {
      if (member.type !== T.MethodDefinition || member.static) continue;
      const key = staticKey(member);
      // A computed name cannot be matched with a subclass's: a base's is left out.
      if (key === null ? depth > 0 || hidden.size > 0 : seen.has(key)) continue;
      if (key !== null) {
        seen.add(key);
        names.push(key);
      }
      if (member.kind !== 'method' || member.value.type !== T.FunctionExpression) continue;
      methods.push({ member: member as TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression }, decorations: decorated.methods(member) });
    }
  });
  return { methods, names };
}

/**
 * The middleware a class's or a method's decorators put before its routes, in order: the items of `@UseGuards(...)`
 * (routing-controllers' `@UseBefore(...)`), and an `@Authorized()` check itself (its value: the decorator's, called).
 */
function guardItems(decorators: readonly NonNullable<ReturnType<typeof commonDecorator>>[]): MiddlewareItem[] {
  return decorators.flatMap((d): MiddlewareItem[] => {
    if (d.name === GUARDS_DECORATOR) return itemsOf(d.call?.arguments ?? []);
    if (d.name !== AUTHORIZED_DECORATOR || !d.call) return [];
    return [{ node: d.call, value: { module: d.library.module, path: [d.own, '()'], node: d.call }, fn: undefined }];
  });
}

/** What a method's decorators say about it as a route: the route decorator, its path, its own guards, pipes, throttles. */
function routeMethod(builder: NestBuilder, sourceCode: TSESLint.SourceCode, decorations: MethodDecorations) {
  const decorators = decorations.decorators.map((d) => commonDecorator(builder, d)).filter((d) => d !== null);
  const route = decorators.find((d) => Object.hasOwn(ROUTE_DECORATORS, d.name) && d.call);
  if (!route?.call) return null;
  return {
    call: route.call,
    method: ROUTE_DECORATORS[route.name]!,
    own: decoratorPath(builder, sourceCode, route.call.arguments[0]),
    guards: guardItems(decorators),
    pipes: decorators.filter((d) => d.name === PIPES_DECORATOR).flatMap((d) => itemsOf(d.call?.arguments ?? [])),
    throttles: throttleItems(builder, decorations.decorators),
    skips: decorations.decorators.some((d) => throttlerDecorator(builder, d)),
    version: methodVersion(builder, sourceCode, decorators),
  };
}

/** `@Version('2')` among a method's decorators: its versions; `undefined` without one. */
function methodVersion(
  builder: NestBuilder,
  sourceCode: TSESLint.SourceCode,
  decorators: readonly { name: string; call: TSESTree.CallExpression | null }[],
): NestVersions | undefined {
  const decorator = decorators.find((d) => d.name === VERSION_DECORATOR);
  if (!decorator) return undefined;
  const arg = decorator.call?.arguments[0];
  return arg && arg.type !== T.SpreadElement ? versionsOf(builder, sourceCode, arg) : null;
}

/** An app or router of NestJS code in the model, with nothing registered yet. */
function nestApp(kind: ExpressApp['kind'], node: TSESTree.CallExpression, name: string, more: Pick<ExpressApp, 'nest' | 'file'>): ExpressApp {
  return { kind, node, name, variable: null, declaration: null, escapes: false, handedOverAt: null, calls: [], mounts: [], servers: [], ...more };
}

/** The router a controller class is in the model. */
function controllerRouter(node: TSESTree.CallExpression, name: string, cls: ClassNode, chainKnown: boolean): ExpressApp {
  return nestApp('router', node, name, { nest: { controller: cls, chainKnown } });
}

/** Adds a route method to its router as a route call: `before` (copied) runs before the method. */
function routeCall(
  router: ExpressApp,
  route: { readonly call: TSESTree.CallExpression; readonly method: string },
  pathNode: Node,
  paths: readonly string[] | null,
  before: readonly MiddlewareItem[],
  fn: TSESTree.FunctionExpression,
): AppCall {
  const call: AppCall = {
    app: router,
    node: route.call,
    method: route.method,
    isRoute: true,
    isUse: false,
    pathNode: pathNode as Expression,
    path: null,
    args: [],
    middleware: [...before, { node: fn, value: undefined, fn }].map((item) => ({ ...item })),
  };
  setRoutePaths(call, paths);
  router.calls.push(call);
  return call;
}

/**
 * A route's full paths (`null`: not known): one is its `path`; several (a route on several URI versions) are its
 * `paths`, as for an Express route on an array of paths.
 */
function setRoutePaths(call: AppCall, paths: readonly string[] | null): void {
  call.path = paths?.length === 1 ? paths[0]! : null;
  if (paths && paths.length !== 1) call.paths = paths;
  else delete call.paths;
}

/**
 * The middleware of `mounted` that runs before a route on `paths` (`null`: not known, then all may run): what is
 * mounted on a path of the route; for a route on several paths, an item that runs on some of them only says which.
 */
function mountedBefore(mounted: readonly { item: MiddlewareItem; path: string | null }[], paths: readonly string[] | null): MiddlewareItem[] {
  const each = paths ?? [null];
  return mounted.flatMap(({ item, path: mount }) => {
    const on = each.filter((path) => mountMatches(mount, path));
    if (on.length === 0) return [];
    return on.length === each.length ? [item] : [{ ...item, onlyOn: on as string[] }];
  });
}

/** The class a route decorator call (`@Post()` in TypeScript, compiled `__decorate([...], X.prototype, 'm')`) decorates a method of. */
function routeClassOf(sourceCode: TSESLint.SourceCode, call: Node): ClassNode | null {
  const parent = call.parent;
  if (parent?.type === T.Decorator) {
    const cls = parent.parent?.parent?.parent;
    return parent.parent?.type === T.MethodDefinition && (cls?.type === T.ClassDeclaration || cls?.type === T.ClassExpression) ? cls : null;
  }
  if (parent?.type !== T.ArrayExpression || parent.parent?.type !== T.CallExpression) return null;
  const target = parent.parent.arguments[1] ? unwrap(parent.parent.arguments[1]) : null;
  return target?.type === T.MemberExpression && staticKey(target) === 'prototype' ? localClass(sourceCode, target.object) : null;
}

/**
 * Adds the file's `@Controller()` classes to the model as routers, their route methods (their own, and those of
 * the classes of this file they extend) as routes (whose middleware are the guards and pipes that run before them,
 * then the method) and handlers, and their decorated parameters as request data. A class with route methods and no
 * `@Controller()` (a base class) is no router: its routes are those of the controllers that extend it. Runs once
 * the module values are known.
 */
export function addNestControllers(builder: NestBuilder, sourceCode: TSESLint.SourceCode): void {
  // The model runs its last step again after a cross-file binding: the controllers are added once.
  if (added.has(builder)) return;
  added.add(builder);
  // No call of `@nestjs/common` (decorators) and no Nest app: no controller, module or bootstrap to record (most files).
  if (!builder.calls.some(({ callee }) => LIBRARIES.has(callee.module)) && !builder.apps.some((app) => app.nest?.options !== undefined)) return;
  const controllers = builder.calls.filter(({ node, callee }) => decoratorOf(callee)?.name === CONTROLLER_DECORATOR && isDecoratorCall(node));
  const routeDecorators = builder.calls.filter(({ node, callee }) => Object.hasOwn(ROUTE_DECORATORS, decoratorOf(callee)?.name ?? '') && isDecoratorCall(node));
  const summaryControllers: NestControllerSummary[] = [];
  const record = (): void => summarize(builder, sourceCode, summaryControllers);
  // A file that imports Fastify (`FastifyReply`, the platform) belongs to a Nest app on Fastify: not Express.
  if ((controllers.length === 0 && routeDecorators.length === 0) || fileUsesFastify(sourceCode)) {
    record();
    return;
  }
  const globalOf = globalItems(builder, sourceCode);
  const chainKnown = fileShowsWholeApp(builder, sourceCode);
  const fileValidates = globalOf.pipes.some((item) => isValidationPipe(builder, item.node));
  const globalPrefix = globalPrefixOf(builder, sourceCode);
  const versioning = versioningOfFile(builder, sourceCode);
  const mounted = appMiddleware(builder);
  const compiled = compiledDecorations(sourceCode);
  const classes: RouteClass[] = [];
  for (const { node, callee } of controllers) {
    const decorated = decoratedClass(sourceCode, node as TSESTree.CallExpression, compiled);
    const library = decoratorOf(callee)!.library;
    if (decorated && !classes.some((c) => c.decorated.cls === decorated.cls)) classes.push({ decorated, decoratorCall: node as TSESTree.CallExpression, library });
  }
  for (const { node, callee } of routeDecorators) {
    const cls = routeClassOf(sourceCode, node);
    const library = decoratorOf(callee)!.library;
    if (cls && !classes.some((c) => c.decorated.cls === cls)) classes.push({ decorated: decorationsOf(cls, compiled, null), decoratorCall: null, library });
  }
  const none: typeof globalOf = { guards: [], pipes: [] };
  for (const { decorated, decoratorCall, library } of classes) {
    // The file's Nest app (its global guards, pipes, prefix, versions and middleware) serves the controllers of
    // @nestjs/common only: another library's are registered by that library (`useExpressServer`), across files.
    const nest = library.module === NEST_COMMON;
    const global = nest ? globalOf : none;
    const { cls } = decorated;
    const name = classNameOf(cls);
    const { chain, beyond } = ancestorsOf(sourceCode, cls);
    const lineage = [decorated, ...chain.map((base) => decorationsOf(base, compiled, null))];
    const level = classLevel(builder, lineage);
    const prefix = decoratorCall ? decoratorPath(builder, sourceCode, decoratorCall.arguments[0]) : { node: null, paths: [''] };
    const classVersion = decoratorCall ? controllerVersion(builder, sourceCode, decoratorCall.arguments[0]) : undefined;
    // A class of another file or a package, or a mixin, may add class guards: the chain is not known here.
    const known = nest && chainKnown && beyond === undefined;
    const router = decoratorCall ? controllerRouter(decoratorCall, name ?? 'controller', cls, known) : null;
    const summaryRoutes: NestRouteSummary[] = [];
    const { methods, names } = lineageMethods(lineage);
    for (const { member, decorations } of methods) {
      const route = routeMethod(builder, sourceCode, decorations);
      if (!route) continue;
      const skip = route.skips || level.skips === true;
      // `@Throttle({...})` sets the limits of the throttler guard for the route: it counts as the route's limiter.
      const ownGuards = [...level.guards, ...route.guards, ...(skip ? [] : [...level.throttles, ...route.throttles])];
      const guards = [...global.guards, ...ownGuards].filter((item) => !skip || !isThrottler(builder, item));
      const ownPipes = [...level.pipes, ...route.pipes];
      const pipes = [...global.pipes, ...ownPipes];
      const version = route.version !== undefined ? route.version : classVersion;
      const routeSummary: NestRouteSummary = {
        method: route.method,
        ...pathFields(nestOwnPaths(prefix.paths, route.own.paths)),
        ...(version === undefined ? {} : { version }),
        guards: ownGuards.map((item) => guardSummary(builder, sourceCode, item.node)),
        pipes: ownPipes.map((item) => guardSummary(builder, sourceCode, item.node)),
        skipsThrottle: skip,
        classSkips: level.skips,
        node: route.call,
      };
      summaryRoutes.push(routeSummary);
      if (!router) continue;
      const fn = member.value;
      // (With the app's global prefix and URI version, when this file shows them.)
      const fullPaths = nest ? nestRoutePaths(globalPrefix.prefix, versioning, '', routeSummary, globalPrefix.exclude) : nestRoutePaths('', undefined, '', routeSummary);
      const before = nest ? mountedBefore(mounted, fullPaths) : [];
      const call = routeCall(router, route, route.own.node ?? prefix.node ?? route.call, fullPaths, [...before, ...guards, ...pipes], fn);
      const methodValidates = (nest && fileValidates) || pipes.some((item) => isValidationPipe(builder, item.node));
      addHandler(builder, sourceCode, call, fn, decorations, methodValidates, !known);
    }
    if (router) builder.apps.push(router);
    if (name === null) continue;
    summaryControllers.push({
      name,
      routes: summaryRoutes,
      controller: decoratorCall !== null,
      prefix: prefix.paths?.length === 1 ? prefix.paths[0]! : null,
      ...(prefix.paths && prefix.paths.length !== 1 ? { prefixes: prefix.paths } : {}),
      ...(classVersion === undefined ? {} : { version: classVersion }),
      ...(beyond === undefined ? {} : { base: beyond }),
      classGuards: [...level.guards, ...level.throttles].map((item) => guardSummary(builder, sourceCode, item.node)),
      classPipes: level.pipes.map((item) => guardSummary(builder, sourceCode, item.node)),
      classSkips: level.skips,
      methods: names,
    });
  }
  record();
}

function guardSummary(builder: NestBuilder, sourceCode: TSESLint.SourceCode, node: Node, given?: MiddlewareItem): NestGuardSummary {
  const inner = unwrap(node);
  const value = given?.value ?? containerInstance(builder, inner, sourceCode) ?? builder.values.get(node) ?? builder.values.get(inner);
  const item: MiddlewareItem = { node: node as Expression, value, fn: given?.fn };
  const limiterValue = LIMITER_MIDDLEWARE.some((row) => value?.module === row.module && row.paths.some((path) => is(value, row.module, path)));
  const named = inner.type === T.Identifier && LIMITER_NAME.test(inner.name) && (!value || value.module.startsWith('.'));
  return {
    text: sourceCode.getText(node),
    limiter: limiterValue || named || isThrottler(builder, item),
    validation: isValidationPipe(builder, node),
    item,
  };
}

/** The class a module list entry names: `AuthModule`, `ThrottlerModule.forRoot(...)`; declared here or imported. */
function refOf(sourceCode: TSESLint.SourceCode, node: Node): NestRef | null {
  const inner = unwrap(node);
  // `forwardRef(() => AuthModule)`: the module itself
  if (inner.type === T.CallExpression && isForwardRef(inner.callee)) {
    const fn = inner.arguments[0] ? unwrap(inner.arguments[0]) : null;
    return fn?.type === T.ArrowFunctionExpression && fn.body.type !== T.BlockStatement ? refOf(sourceCode, fn.body) : null;
  }
  // `AuthModule.forRoot(...)`: a dynamic module, whose providers (an `APP_GUARD`) the call adds
  if (inner.type !== T.CallExpression) return staticRef(sourceCode, inner);
  const callee = unwrap(inner.callee);
  const ref = staticRef(sourceCode, callee);
  const method = callee.type === T.MemberExpression ? staticKey(callee) : null;
  return ref && { ...ref, dynamic: true, ...(method === null ? {} : { method }) };
}

/** `forwardRef` (of @nestjs/common, or compiled `(0, common_1.forwardRef)`). */
function isForwardRef(callee: Node): boolean {
  let inner = unwrap(callee);
  if (inner.type === T.SequenceExpression) inner = unwrap(inner.expressions.at(-1)!);
  return (inner.type === T.Identifier && inner.name === 'forwardRef') || (inner.type === T.MemberExpression && staticKey(inner) === 'forwardRef');
}

function staticRef(sourceCode: TSESLint.SourceCode, node: Node): NestRef | null {
  let inner = unwrap(node);
  while (inner.type === T.MemberExpression) {
    // compiled: `auth_module_1.AuthModule`, `throttler_1.ThrottlerModule.forRoot(...)`
    const object = unwrap(inner.object);
    const required = object.type === T.Identifier ? requiredModule(sourceCode, object) : null;
    const key = staticKey(inner);
    if (required !== null && key !== null) return { name: key, from: required };
    inner = object;
  }
  if (inner.type !== T.Identifier) return null;
  const def = findVariableOf(sourceCode, inner)?.defs[0];
  if (def?.type === 'ClassName') return { name: inner.name, from: null };
  if (def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init && unwrap(def.node.init).type === T.ClassExpression) {
    return { name: inner.name, from: null };
  }
  // `const { UserController } = require('./controllers/UserController')` (a server.js of routing-controllers)
  if (def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.id.type === T.ObjectPattern && def.node.init) {
    const init = unwrap(def.node.init);
    const from = init.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name === 'require' ? literalString(init.arguments[0]) : null;
    const property = def.node.id.properties.find((p): p is TSESTree.Property => p.type === T.Property && p.value === def.name);
    const key = property ? staticKey(property) : null;
    if (from !== null && key !== null) return { name: key, from };
  }
  if (def?.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration) {
    const spec = def.node;
    const name =
      spec.type === T.ImportSpecifier ? (spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value)) : inner.name;
    return { name, from: String(def.parent.source.value) };
  }
  return null;
}

/** A list option of `@Module({...})` as references; `null` when it is not a plain list of names. */
function refList(sourceCode: TSESLint.SourceCode, options: TSESTree.ObjectExpression, key: string): NestRef[] | null {
  const property = options.properties.find((p) => p.type === T.Property && staticKey(p) === key);
  if (!property) return [];
  if (property.type !== T.Property) return null;
  const list = unwrap(property.value);
  if (list.type !== T.ArrayExpression) return null;
  const refs: NestRef[] = [];
  for (const element of list.elements) {
    const ref = element && element.type !== T.SpreadElement ? refOf(sourceCode, element) : null;
    if (!ref) return null;
    refs.push(ref);
  }
  return refs;
}

/**
 * The dynamic modules the static methods of a module class return (`static forRoot(): DynamicModule { return {
 * module: AuthModule, controllers: [...] } }`): known when a method has one `return` of an object literal without
 * spreads that names the class itself as `module`, with plain lists and providers the model reads.
 */
function dynamicModules(builder: NestBuilder, sourceCode: TSESLint.SourceCode, cls: ClassNode, name: string): NestDynamicModule[] {
  const result: NestDynamicModule[] = [];
  for (const member of cls.body.body) {
    // (an overload's signature has no body: the implementation is read)
    if (member.type !== T.MethodDefinition || !member.static || member.kind !== 'method' || member.value.type !== T.FunctionExpression) continue;
    const method = staticKey(member);
    if (method === null) continue;
    const returns = ownReturns(sourceCode, member.value.body);
    const only = returns.length === 1 && returns[0]!.argument ? unwrap(returns[0]!.argument) : null;
    const object = only?.type === T.ObjectExpression ? only : null;
    const moduleProperty = object?.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'module');
    const self = moduleProperty ? staticRef(sourceCode, moduleProperty.value) : null;
    const imports = object ? refList(sourceCode, object, 'imports') : null;
    const controllers = object ? refList(sourceCode, object, 'controllers') : null;
    const known =
      object !== null &&
      object.properties.every((p) => p.type === T.Property) &&
      self?.name === name &&
      self.from === null &&
      imports !== null &&
      controllers !== null &&
      providersReadable(builder, sourceCode, object);
    if (!known) {
      result.push({ method, known: false, imports: [], controllers: [], appGuards: [], appPipes: [], routes: [] });
      continue;
    }
    const { guards, pipes } = moduleGlobals(builder, sourceCode, object);
    result.push({
      method,
      known,
      imports,
      controllers,
      appGuards: guards.map((item) => guardSummary(builder, sourceCode, item.node)),
      appPipes: pipes.map((item) => guardSummary(builder, sourceCode, item.node)),
      routes: routerRoutes(builder, sourceCode, object),
    });
  }
  return result;
}

/**
 * The `return` statements of a function body, not of the functions or classes nested in it (by the source's visitor
 * keys), up to the second: `dynamicModules` reads a method with exactly one, so a second one ends the walk.
 */
function ownReturns(sourceCode: TSESLint.SourceCode, body: Node | null | undefined): TSESTree.ReturnStatement[] {
  const out: TSESTree.ReturnStatement[] = [];
  if (!body) return out;
  someNode(sourceCode.visitorKeys, body, (node) => {
    if (node.type === T.ReturnStatement) {
      out.push(node);
      return out.length > 1;
    }
    return node !== body && (isFunction(node) || node.type === T.ClassBody) ? 'skip' : false;
  });
  return out;
}

/**
 * What a module applies in `configure(consumer) { consumer.apply(a, b).exclude(...).forRoutes(...) }` (a
 * `NestModule`), as summaries with the routes each `apply` names (chains of `.apply(...).forRoutes(...)` too);
 * `[]` without a `configure` method; `null` when `consumer` is used otherwise (passed to a helper). An `apply`
 * whose `forRoutes` call is not in its chain (kept in a variable) may run for any route.
 */
function consumerMiddleware(
  builder: NestBuilder,
  sourceCode: TSESLint.SourceCode,
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
): NestAppliedSummary[] | null {
  const method = cls.body.body.find(
    (m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && !m.static && staticKey(m) === NEST_MODULE_CONFIGURE,
  );
  if (!method) return [];
  const fn = method.value;
  const param = fn.params[0];
  if (!param) return [];
  if (param.type !== T.Identifier) return null;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.identifiers.includes(param));
  if (!variable) return null;
  const items: NestAppliedSummary[] = [];
  for (const ref of variable.references) {
    let apply = chainedCall(ref.identifier);
    if (apply?.name !== 'apply') return null;
    while (apply) {
      let exclude: NestRouteSelector[] | null = [];
      let forRoutes: NestRouteSelector[] | null = null;
      let next: ReturnType<typeof chainedCall> = null;
      for (let step = chainedCall(apply.call); step; step = chainedCall(step.call)) {
        if (step.name === 'exclude') {
          const selectors = routeSelectors(builder, sourceCode, step.call.arguments);
          exclude = exclude && selectors ? [...exclude, ...selectors] : null;
          continue;
        }
        if (step.name === 'forRoutes') {
          forRoutes = routeSelectors(builder, sourceCode, step.call.arguments);
          // `forRoutes` gives the consumer back: `.apply(b).forRoutes(...)` may follow.
          const after = chainedCall(step.call);
          next = after?.name === 'apply' ? after : null;
        }
        break;
      }
      const routes = { forRoutes, exclude };
      items.push(...itemsOf(apply.call.arguments).map((item) => ({ ...guardSummary(builder, sourceCode, item.node), routes })));
      apply = next;
    }
  }
  return items;
}

/** `node.name(...)`: the call and the method name, when `node` is the object of a method call. */
function chainedCall(node: Node): { name: string | null; call: TSESTree.CallExpression } | null {
  const member = outermost(node).parent;
  const call = member?.parent;
  if (member?.type !== T.MemberExpression || outermost(member.object) !== outermost(node) || call?.type !== T.CallExpression || call.callee !== member) return null;
  return { name: staticKey(member), call };
}

/**
 * The routes `forRoutes(...)` / `exclude(...)` arguments name: paths (`'users'`, `'*'`), `{ path, method:
 * RequestMethod.POST }` objects and controller classes; `null` when one is not read (a spread, a variable, a method
 * that is not `RequestMethod.X`).
 */
function routeSelectors(builder: NestBuilder, sourceCode: TSESLint.SourceCode, args: readonly TSESTree.CallExpressionArgument[]): NestRouteSelector[] | null {
  const selectors: NestRouteSelector[] = [];
  for (const arg of args) {
    if (arg.type === T.SpreadElement) return null;
    const node = unwrap(arg);
    const path = literalString(node);
    if (path !== null) {
      selectors.push({ path, method: null });
      continue;
    }
    if (node.type === T.ObjectExpression) {
      const property = (key: string) => node.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === key);
      const pathValue = property('path') ? literalString(property('path')!.value) : null;
      const methodNode = property('method');
      const method = methodNode ? requestMethod(builder, methodNode.value) : null;
      if (node.properties.some((p) => p.type !== T.Property) || pathValue === null || method === undefined) return null;
      // (`{ path, method, version: '2' }`: the route under that version only.)
      const versionNode = property('version');
      selectors.push({ path: pathValue, method, ...(versionNode ? { version: versionsOf(builder, sourceCode, versionNode.value) } : {}) });
      continue;
    }
    const ref = staticRef(sourceCode, node);
    if (!ref) return null;
    selectors.push({ controller: ref });
  }
  return selectors;
}

/** `RequestMethod.POST` of @nestjs/common: `'post'` (`null` for `ALL`); `undefined` for anything else. */
function requestMethod(builder: NestBuilder, node: Node): string | null | undefined {
  const inner = unwrap(node);
  if (inner.type !== T.MemberExpression) return undefined;
  const key = staticKey(inner);
  const object = builder.values.get(inner.object) ?? builder.values.get(unwrap(inner.object));
  if (key === null || !is(object, NEST_COMMON, [REQUEST_METHOD])) return undefined;
  return key === 'ALL' ? null : key.toLowerCase();
}

/**
 * The module paths of `RouterModule.register([...])` among a module's imports: `{ path, module, children }` entries
 * (a child's path joined to its parent's; a child given as a bare module class gets its parent's path). `[]` without
 * a RouterModule; `null` when an entry is not a literal path and a module class.
 */
function routerRoutes(builder: NestBuilder, sourceCode: TSESLint.SourceCode, options: TSESTree.ObjectExpression): NestFileSummary['modules'][number]['routes'] {
  const imports = options.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'imports');
  const list = imports ? unwrap(imports.value) : null;
  if (list?.type !== T.ArrayExpression) return [];
  const routes: { module: NestRef; path: string }[] = [];
  const read = (node: Node, parent: string): boolean => {
    const inner = unwrap(node);
    if (inner.type !== T.ArrayExpression) return false;
    return inner.elements.every((element) => {
      if (!element || element.type === T.SpreadElement) return false;
      const entry = unwrap(element);
      if (entry.type !== T.ObjectExpression) {
        const ref = refOf(sourceCode, entry);
        if (ref) routes.push({ module: ref, path: parent });
        return ref !== null;
      }
      const property = (key: string) => entry.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === key);
      const pathNode = property('path');
      const path = pathNode ? literalString(pathNode.value) : '';
      if (path === null) return false;
      const full = joinNestPaths(parent, path)!;
      const moduleNode = property('module');
      if (moduleNode) {
        const ref = refOf(sourceCode, moduleNode.value);
        if (!ref) return false;
        routes.push({ module: ref, path: full });
      }
      const children = property('children');
      return !children || read(children.value, full);
    });
  };
  for (const element of list.elements) {
    const inner = element && element.type !== T.SpreadElement ? unwrap(element) : null;
    if (inner?.type !== T.CallExpression) continue;
    const value = builder.values.get(inner.callee) ?? builder.values.get(unwrap(inner.callee));
    if (!is(value, ROUTER_MODULE.module, [ROUTER_MODULE.name, 'register'])) continue;
    if (!inner.arguments[0] || !read(inner.arguments[0], '')) return null;
  }
  return routes;
}

/**
 * Cross-file: a bootstrap as `summarize` reads it, with what the functions of other files of the package that it
 * hands its app to before it starts add (`setupApp(app)` mounting the session, `app.useGlobalPipes(new
 * ValidationPipe())` in `setup.ts`): their `use` middleware, global guards and pipes and global prefix, at the point of
 * the call (`handedCalls`). `modelOf` gives the model and source of the file of a call's stand-in.
 */
export function withHandedCalls(
  bootstrap: NestFileSummary['bootstraps'][number],
  app: ExpressApp,
  handed: readonly { call: AppCall; at: number }[],
  modelOf: (standIn: ExpressApp) => { builder: NestBuilder; sourceCode: TSESLint.SourceCode } | undefined,
): NestFileSummary['bootstraps'][number] {
  const start = app.calls.find((c) => c.method === 'listen' || c.method === 'init');
  const calls = handed.filter(({ at }) => !start || at <= start.node.range[0]).map(({ call }) => call);
  if (calls.length === 0) return bootstrap;
  const middleware = [...bootstrap.middleware];
  const globalGuards = [...bootstrap.globalGuards];
  const globalPipes = [...bootstrap.globalPipes];
  let globalPrefix = bootstrap.globalPrefix;
  let prefixExclude = bootstrap.prefixExclude;
  let versioning = bootstrap.versioning;
  for (const call of calls) {
    const model = modelOf(call.app);
    if (!model) continue;
    const { builder, sourceCode } = model;
    if (call.isUse) {
      middleware.push(...mountedSummaries(builder, sourceCode, call));
    } else if (call.method === GLOBAL_GUARDS_METHOD || call.method === GLOBAL_PIPES_METHOD) {
      const list = call.method === GLOBAL_GUARDS_METHOD ? globalGuards : globalPipes;
      list.push(...itemsOf(call.node.arguments).map((item) => guardSummary(builder, sourceCode, item.node)));
    } else if (call.method === 'setglobalprefix') {
      const read = prefixOf(builder, sourceCode, call);
      globalPrefix = read.prefix;
      prefixExclude = read.exclude;
    } else if (call.method === ENABLE_VERSIONING_METHOD) {
      versioning = versioningOf(builder, sourceCode, call);
    }
  }
  const rest = { ...bootstrap };
  delete rest.prefixExclude;
  return {
    ...rest,
    middleware,
    globalGuards,
    globalPipes,
    globalPrefix,
    ...(prefixExclude === undefined ? {} : { prefixExclude }),
    ...(versioning ? { versioning } : {}),
  };
}

/** The middleware a `use` call of a Nest app mounts (not the apps and routers), with the path it mounts it on. */
function mountedSummaries(builder: NestBuilder, sourceCode: TSESLint.SourceCode, call: AppCall): NestMountedSummary[] {
  return call.middleware
    .filter((item) => !item.value?.app)
    .map((item) => ({ ...guardSummary(builder, sourceCode, item.node, { ...item, value: item.value ?? builder.values.get(item.node) }), path: call.pathNode ? call.path : '' }));
}

/** Records the file's NestJS summary (bootstraps, modules, controllers) for the project model. */
function summarize(builder: NestBuilder, sourceCode: TSESLint.SourceCode, controllers: NestFileSummary['controllers']): void {
  const bootstraps: NestFileSummary['bootstraps'][number][] = [];
  for (const app of builder.apps) {
    if (app.nest?.options === undefined) continue;
    const root = app.node.arguments[0];
    const calls = (method: string): NestGuardSummary[] =>
      app.calls.filter((c) => c.method === method).flatMap((c) => itemsOf(c.node.arguments).map((item) => guardSummary(builder, sourceCode, item.node)));
    const prefixCall = app.calls.find((c) => c.method === 'setglobalprefix');
    const prefix = prefixCall ? prefixOf(builder, sourceCode, prefixCall) : { prefix: '' };
    const versions = app.calls.find((c) => c.method === ENABLE_VERSIONING_METHOD);
    const start = app.calls.find((c) => c.method === 'listen' || c.method === 'init');
    const middleware = app.calls.filter((c) => c.isUse && !(start && c.node.range[0] > start.node.range[0])).flatMap((c) => mountedSummaries(builder, sourceCode, c));
    bootstraps.push({
      rootModule: root && root.type !== T.SpreadElement ? refOf(sourceCode, root) : null,
      middleware,
      globalGuards: calls(GLOBAL_GUARDS_METHOD),
      globalPipes: calls(GLOBAL_PIPES_METHOD),
      globalPrefix: prefix.prefix,
      ...(prefix.exclude === undefined ? {} : { prefixExclude: prefix.exclude }),
      ...(versions ? { versioning: versioningOf(builder, sourceCode, versions) } : {}),
    });
  }
  const modules: NestFileSummary['modules'][number][] = [];
  libraryRegistrations(builder, sourceCode, bootstraps, modules);
  const modulesOptions = moduleOptions(builder);
  const compiled = modulesOptions.length > 0 ? compiledDecorations(sourceCode) : new Map<string, TSESTree.CallExpression>();
  for (const options of modulesOptions) {
    const cls = decoratedClass(sourceCode, options.parent as TSESTree.CallExpression, compiled)?.cls;
    if (!cls?.id) continue;
    const imports = refList(sourceCode, options, 'imports');
    const declared = refList(sourceCode, options, 'controllers');
    const providersKnown = providersReadable(builder, sourceCode, options);
    const { guards, pipes } = moduleGlobals(builder, sourceCode, options);
    const middleware = consumerMiddleware(builder, sourceCode, cls);
    modules.push({
      name: cls.id.name,
      known: imports !== null && declared !== null && providersKnown && middleware !== null,
      imports: imports ?? [],
      controllers: declared ?? [],
      appGuards: guards.map((item) => guardSummary(builder, sourceCode, item.node)),
      appPipes: pipes.map((item) => guardSummary(builder, sourceCode, item.node)),
      middleware: middleware ?? [],
      routes: routerRoutes(builder, sourceCode, options),
      dynamic: dynamicModules(builder, sourceCode, cls, cls.id.name),
    });
  }
  if (bootstraps.length === 0 && modules.length === 0 && controllers.length === 0) return;
  recordNestSummary(sourceCode.ast, { bootstraps, modules, controllers });
}

/**
 * The registrations of another controller library's controllers on an Express app (`CONTROLLER_REGISTRATIONS` in
 * data/nest.ts: `useExpressServer(app, { controllers: [UserController], routePrefix: '/api', middlewares })`), as
 * Nest bootstraps whose root module lists the controllers: the middleware the app mounted with `use` before the call
 * runs before each route, `routePrefix` is the global prefix, and the `middlewares` classes are guards of every route
 * (a class named as a limiter counts as one). The app of `createExpressServer` is the library's own: nothing is
 * mounted before. Unknown (no route's chain is then known): options that are not an object literal without spreads, a
 * `controllers` list that is not a list of classes (glob strings of files the library loads), a prefix that is not
 * static, an app that this file does not make or that it hands to other code before the call.
 */
function libraryRegistrations(
  builder: NestBuilder,
  sourceCode: TSESLint.SourceCode,
  bootstraps: NestFileSummary['bootstraps'][number][],
  modules: NestFileSummary['modules'][number][],
): void {
  for (const { node, callee } of builder.calls) {
    const registration = CONTROLLER_REGISTRATIONS.find((r) => is(callee, r.module, r.path));
    if (!registration || node.type !== T.CallExpression) continue;
    const name = `${registration.module}:${bootstraps.length}`;
    const unknown = { rootModule: null, middleware: [], globalGuards: [], globalPipes: [], globalPrefix: null };
    const arg = node.arguments[registration.options];
    const options = arg && arg.type !== T.SpreadElement ? resolveConst(sourceCode, arg) : null;
    if (options?.type !== T.ObjectExpression || options.properties.some((p) => p.type !== T.Property || staticKey(p) === null)) {
      bootstraps.push(unknown);
      continue;
    }
    const property = (key: string) => options.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === key);
    const prefixNode = property(registration.prefix);
    const prefix = prefixNode ? staticText(sourceCode, prefixNode.value, builder.constantElsewhere) : '';
    const middleware = registration.app === null ? [] : mountedBeforeRegistration(builder, sourceCode, node, node.arguments[registration.app]);
    const controllers = property(registration.controllers) ? refList(sourceCode, options, registration.controllers) : [];
    const middlewaresNode = property(registration.middlewares);
    const list = middlewaresNode ? unwrap(middlewaresNode.value) : null;
    const middlewares = list === null ? [] : list.type === T.ArrayExpression ? itemsOf(list.elements.filter((e): e is Expression => e !== null)) : null;
    if (middleware === null || controllers === null || middlewares === null || (list?.type === T.ArrayExpression && list.elements.some((e) => e?.type === T.SpreadElement))) {
      bootstraps.push(unknown);
      continue;
    }
    bootstraps.push({ rootModule: { name, from: null }, middleware, globalGuards: [], globalPipes: [], globalPrefix: prefix });
    modules.push({
      name,
      known: true,
      imports: [],
      controllers: controllers.filter((ref) => !ref.dynamic),
      appGuards: middlewares.map((item) => guardSummary(builder, sourceCode, item.node)),
      appPipes: [],
      middleware: [],
      routes: [],
    });
  }
}

/**
 * What the Express app `appArg` of a registration `call` mounts with `use` before it, as a Nest bootstrap's middleware;
 * `null` when that is not known: the app is not one this file makes (a parameter, an import), or it is handed to other
 * code before the call.
 */
function mountedBeforeRegistration(
  builder: NestBuilder,
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.CallExpression,
  appArg: Node | undefined,
): NestMountedSummary[] | null {
  const id = appArg ? unwrap(appArg) : null;
  if (id?.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, id);
  const app = variable ? builder.apps.find((a) => a.variable === variable && a.kind === 'app' && !a.nest && a.file === undefined && !a.origin) : undefined;
  // (An app that a function of the package makes, `createApp()`, may come with middleware: not read here.)
  const made = app ? builder.values.get(app.node) : undefined;
  if (!app || !made || made.module.startsWith('.') || made.module.startsWith('/')) return null;
  if ((app.handedOverAt !== null && app.handedOverAt < call.range[0]) || app.before || app.handedTo) return null;
  return app.calls.filter((c) => c.isUse && c.node.range[0] < call.range[0]).flatMap((c) => mountedSummaries(builder, sourceCode, c));
}

/**
 * What the file's Nest apps mount with `use` before they start (`listen`/`init` register the controllers' routes,
 * so middleware mounted earlier runs before each of them), with the path it is mounted on (`''` for none, `null`
 * when not static).
 */
function appMiddleware(builder: NestBuilder): { item: MiddlewareItem; path: string | null }[] {
  const result: { item: MiddlewareItem; path: string | null }[] = [];
  for (const app of builder.apps) {
    if (app.nest?.options === undefined) continue;
    const start = app.calls.find((c) => c.method === 'listen' || c.method === 'init');
    for (const call of app.calls) {
      if (!call.isUse || (start && call.node.range[0] > start.node.range[0])) continue;
      const path = call.pathNode ? call.path : '';
      for (const item of call.middleware) result.push({ item, path });
    }
  }
  return result;
}

/** A global prefix and the routes it leaves out (see `prefixOf`). */
interface GlobalPrefix {
  readonly prefix: string | null;
  readonly exclude?: NestPrefixExclude;
}

/** `app.setGlobalPrefix('api', { exclude })` of the file's Nest app: `''` when none, `null` when not a static string. */
function globalPrefixOf(builder: NestBuilder, sourceCode: TSESLint.SourceCode): GlobalPrefix {
  for (const app of builder.apps) {
    if (!app.nest) continue;
    const call = app.calls.find((c) => c.method === 'setglobalprefix');
    if (call) return prefixOf(builder, sourceCode, call);
  }
  return { prefix: '' };
}

/**
 * The prefix a `setGlobalPrefix(prefix, options?)` call sets, read as a decorator's path is (`decoratorPath`; `null`
 * when not a static string), and the routes its `exclude` option serves without it (`PREFIX_EXCLUDE_OPTION` in
 * data/nest.ts): each element a static path (every method) or a `{ path, method: RequestMethod.X }` object (a
 * `const` of the file holding the list too); `null` when the options, the list or an element are not read, absent
 * for none.
 */
function prefixOf(builder: NestBuilder, sourceCode: TSESLint.SourceCode, call: AppCall): GlobalPrefix {
  const [arg, optionsArg] = call.node.arguments;
  const prefix = arg && arg.type !== T.SpreadElement ? staticText(sourceCode, arg, builder.constantElsewhere) : null;
  if (!optionsArg) return { prefix };
  if (optionsArg.type === T.SpreadElement) return { prefix, exclude: null };
  const options = resolveConst(sourceCode, optionsArg);
  if (options.type !== T.ObjectExpression || options.properties.some((p) => p.type !== T.Property || staticKey(p) === null)) return { prefix, exclude: null };
  const property = options.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === PREFIX_EXCLUDE_OPTION);
  if (!property) return { prefix };
  const list = resolveConst(sourceCode, property.value);
  if (list.type !== T.ArrayExpression) return { prefix, exclude: null };
  const exclude: NestPathSelector[] = [];
  for (const element of list.elements) {
    const selector = element && element.type !== T.SpreadElement ? excludedRoute(builder, sourceCode, element) : null;
    if (!selector) return { prefix, exclude: null };
    exclude.push(selector);
  }
  return { prefix, exclude };
}

/** An element of `setGlobalPrefix`'s `exclude`: `'health'` (every method) or `{ path: 'auth/login', method: RequestMethod.POST }`. */
function excludedRoute(builder: NestBuilder, sourceCode: TSESLint.SourceCode, element: Node): NestPathSelector | null {
  const path = staticText(sourceCode, element, builder.constantElsewhere);
  if (path !== null) return { path, method: null };
  const object = resolveConst(sourceCode, element);
  if (object.type !== T.ObjectExpression) return null;
  let routePath: string | null = null;
  let method: string | null | undefined = undefined;
  for (const p of object.properties) {
    const key = p.type === T.Property ? staticKey(p) : null;
    if (key === 'path') routePath = staticText(sourceCode, (p as TSESTree.Property).value, builder.constantElsewhere);
    else if (key === 'method') method = requestMethod(builder, (p as TSESTree.Property).value);
    // (Any other key, or a spread: not read.)
    else return null;
  }
  return routePath === null || method === undefined ? null : { path: routePath, method };
}

/** `app.enableVersioning(...)` of the file's Nest app; `undefined` when it has none. */
function versioningOfFile(builder: NestBuilder, sourceCode: TSESLint.SourceCode): NestVersioning | undefined {
  for (const app of builder.apps) {
    if (!app.nest) continue;
    const call = app.calls.find((c) => c.method === ENABLE_VERSIONING_METHOD);
    if (call) return versioningOf(builder, sourceCode, call);
  }
  return undefined;
}

/**
 * What an `enableVersioning(options)` call says about paths: without options, URI versioning with the `'v'` prefix;
 * else its `type` (`VersioningType.URI` or another member of @nestjs/common's `VersioningType`; none is no URI
 * versioning), `prefix` (a static string, `false` for none, absent for `'v'`) and `defaultVersion` (`versionsOf`).
 * Options that are not an object literal (or a `const` of one) without spreads are not read.
 */
function versioningOf(builder: NestBuilder, sourceCode: TSESLint.SourceCode, call: AppCall): NestVersioning {
  const unknown: NestVersioning = { uri: null, prefix: null, defaultVersion: null };
  const [arg] = call.node.arguments;
  if (!arg) return { uri: true, prefix: DEFAULT_VERSION_PREFIX };
  if (arg.type === T.SpreadElement) return unknown;
  const options = resolveConst(sourceCode, arg);
  if (options.type !== T.ObjectExpression || options.properties.some((p) => p.type !== T.Property || staticKey(p) === null)) return unknown;
  const property = (key: string) => options.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === key);
  const typeNode = property('type')?.value;
  const type = typeNode ? (builder.values.get(typeNode) ?? builder.values.get(unwrap(typeNode))) : undefined;
  const knownType = type?.module === NEST_COMMON && type.path.length === 2 && type.path[0] === VERSIONING_TYPE;
  const uri = !typeNode ? false : knownType ? type.path[1] === URI_VERSIONING : null;
  const prefixNode = property('prefix')?.value;
  const prefixValue = prefixNode ? unwrap(prefixNode) : null;
  const prefix =
    prefixValue === null ? DEFAULT_VERSION_PREFIX : prefixValue.type === T.Literal && prefixValue.value === false ? '' : staticText(sourceCode, prefixValue, builder.constantElsewhere);
  const defaultNode = property('defaultVersion')?.value;
  return { uri, prefix, ...(defaultNode ? { defaultVersion: versionsOf(builder, sourceCode, defaultNode) } : {}) };
}

/** `@SkipThrottle(...)` of @nestjs/throttler: its call (`null` when written without a call), else `undefined`. */
function skipThrottleCall(builder: NestBuilder, decorator: Node): TSESTree.CallExpression | null | undefined {
  const expression = unwrap(decorator);
  const callee = expression.type === T.CallExpression ? expression.callee : expression;
  const value = builder.values.get(callee) ?? builder.values.get(unwrap(callee));
  if (!is(value, THROTTLER_MODULE, [SKIP_THROTTLE])) return undefined;
  return expression.type === T.CallExpression ? expression : null;
}

/** `@SkipThrottle()` that turns the throttlers off (not `@SkipThrottle({ default: false })`). */
function throttlerDecorator(builder: NestBuilder, decorator: Node): boolean {
  const call = skipThrottleCall(builder, decorator);
  return call !== undefined && skipsThrottle(call);
}

function addHandler(
  builder: NestBuilder,
  sourceCode: TSESLint.SourceCode,
  call: AppCall,
  fn: TSESTree.FunctionExpression,
  decorations: MethodDecorations,
  validates: boolean,
  pipesUnknown: boolean,
): void {
  const handler: Handler = { fn, call, isErrorHandler: false, params: {} };
  const scopeManager = sourceCode.scopeManager;
  for (const [index, param] of fn.params.entries()) {
    const target = param.type === T.TSParameterProperty ? param.parameter : param;
    // (Read again with each build: the decorator's file may have changed.)
    parameterRequests.delete(target);
    for (const decorator of decorations.params(index)) {
      const found = commonDecorator(builder, decorator);
      if (!found) {
        const factory = parameterFactory(builder, sourceCode, decorator);
        if (factory && target.type === T.Identifier) parameterFactories.set(target, factory);
        const path = factory || target.type !== T.Identifier ? null : parameterRequestElsewhere(builder, decorator);
        if (path) parameterRequests.set(target, path);
        continue;
      }
      if (found.name === SESSION_PARAMETER_DECORATOR) sessionReaders.add(fn);
      const role = ROLE_PARAMETER_DECORATORS[found.name];
      if (role) {
        if (!handler.params[role]) handler.params[role] = target as TSESTree.Parameter;
        const id = target.type === T.AssignmentPattern ? target.left : target;
        if (id.type !== T.Identifier) continue;
        for (const variable of scopeManager?.getDeclaredVariables(fn) ?? []) {
          if (variable.identifiers.includes(id) && !builder.roles.has(variable)) builder.roles.set(variable, { role, handler });
        }
        continue;
      }
      const property = PARAMETER_PARTS[found.name];
      if (!property) continue;
      const args = found.call?.arguments ?? [];
      const written = args[0] ? literalString(args[0]) : null;
      // (tsoa's `@Query() name` reads the key the parameter is named.)
      const byName = found.library.keyFromName?.has(found.own) === true;
      const keyed = found.library.keyed.has(found.own) || byName;
      const key = written ?? (byName && target.type === T.Identifier ? target.name : null);
      const pipes = args.slice(written === null ? 0 : 1);
      const ownPipe = pipes.some((arg) => isValidationPipe(builder, arg));
      // (tsoa checks an inline object type's fields too: `@Body() body: { email: string }`.)
      const dto = key === null && !keyed && (isDtoClass(target) || decorations.classTyped(index) || (found.library.checksTypes === true && isTypeLiteral(target)));
      // (routing-controllers: a DTO is validated unless the app turns validation off, or the decorator's `validate: false`;
      // tsoa checks a model's fields.)
      const libraryValidates = (found.library.validatesDtos || found.library.checksTypes === true) && dto && !optionIsFalse(args, 'validate');
      // (A converted number, boolean or date is type-checked: one that does not convert is rejected.)
      const coerced = found.library.coercesPrimitives && keyed && isCoercedPrimitive(target);
      const checked = found.library.checksTypes ? checkedType(target) : undefined;
      const validated = validates || ownPipe || libraryValidates || coerced || checked !== undefined;
      setParameter(handler, target, {
        property,
        key,
        coerced,
        ...(checked ? { checked } : {}),
        // `@Body()` as written in TypeScript; `(0, common_1.Body)()` in compiled code
        source: sourceCode.getText(decorator.parent?.type === T.Decorator ? decorator.parent : decorator).replace(/\s+/gu, ' '),
        // (Only a library with pipes, Nest's, may validate it elsewhere: `pipes` in data/nest.ts.)
        typedByPipe: dto && (validated || (pipesUnknown && found.library.pipes)),
        validated,
        dto,
      });
    }
  }
  builder.handlers.push(handler);
}

/**
 * `@Next() next` with `const Next = createParamDecorator((data, ctx) => ...)` of this file (a `const` never written
 * again): the callback, whose returned value the parameter holds (`PARAM_DECORATOR_FACTORY`); `null` for anything else
 * (a decorator imported from another file is not read).
 */
function parameterFactory(builder: NestBuilder, sourceCode: TSESLint.SourceCode, decorator: Node): FunctionNode | null {
  const call = unwrap(decorator);
  if (call.type !== T.CallExpression || unwrap(call.callee).type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, unwrap(call.callee) as TSESTree.Identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== T.VariableDeclarator || def.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const' || !def.node.init) return null;
  const made = unwrap(def.node.init);
  if (made.type !== T.CallExpression || !made.arguments[0] || made.arguments[0].type === T.SpreadElement) return null;
  const value = builder.values.get(made.callee) ?? builder.values.get(unwrap(made.callee));
  if (!is(value, PARAM_DECORATOR_FACTORY.module, PARAM_DECORATOR_FACTORY.path)) return null;
  return localFunctionOf(sourceCode, made.arguments[0]) ?? null;
}

/** Route method parameters decorated by a custom decorator of another file that returns request data: its path. */
const parameterRequests = new WeakMap<Node, readonly string[]>();

/**
 * `@RawBody() body` with `export const RawBody = createParamDecorator((data, ctx) => ctx.switchToHttp().getRequest().body)`
 * in another file of the package (an exported `const`, `createParamDecorator` imported from @nestjs/common there): the
 * path in the request that every value its callback returns reads (`['body']`, `['query', 'page']`), under one of
 * `PARAM_DECORATOR_REQUEST_KEYS`, on `ctx.switchToHttp().getRequest()` or a `const` holding it; else `null` (`.user`,
 * anything built or mixed: unknown). That file is read only when its text shows a sign of it (`RETURNS_REQUEST_PART`).
 */
function parameterRequestElsewhere(builder: NestBuilder, decorator: Node): readonly string[] | null {
  const call = unwrap(decorator);
  if (call.type !== T.CallExpression || unwrap(call.callee).type !== T.Identifier || !builder.constantElsewhere) return null;
  const elsewhere = builder.constantElsewhere(call.callee, RETURNS_REQUEST_PART);
  const made = elsewhere ? unwrap(elsewhere.node) : null;
  if (!elsewhere || made?.type !== T.CallExpression || unwrap(made.callee).type !== T.Identifier) return null;
  const factory = findVariableOf(elsewhere.sourceCode, unwrap(made.callee) as TSESTree.Identifier)?.defs[0];
  if (factory?.type !== 'ImportBinding' || factory.parent?.type !== T.ImportDeclaration || factory.parent.source.value !== PARAM_DECORATOR_FACTORY.module) return null;
  if (factory.node.type !== T.ImportSpecifier || importedName(factory.node) !== PARAM_DECORATOR_FACTORY.path[0]) return null;
  const callback = made.arguments[0] ? unwrap(made.arguments[0]) : null;
  if (callback?.type !== T.ArrowFunctionExpression && callback?.type !== T.FunctionExpression) return null;
  const ctx = callback.params[1];
  if (ctx?.type !== T.Identifier) return null;
  const paths = returnedExpressions(elsewhere.sourceCode.visitorKeys, callback).map((r) => requestPathIn(elsewhere.sourceCode, r, ctx.name));
  const [first] = paths;
  if (!first || paths.some((p) => p === null || p.join('.') !== first.join('.'))) return null;
  return first;
}

/** The text of a file whose `createParamDecorator` callback may return a part of the request (read before a parse). */
const RETURNS_REQUEST_PART: TextTest = { source: 'paramDecoratorRequest', test: (text) => text.includes('getRequest') && /\.(?:body|query|params)\b/u.test(text) };

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
}

/** `ctx.switchToHttp().getRequest().body.name` (or `request.body` of a `const request = ctx.switchToHttp().getRequest()`): `['body', 'name']`. */
function requestPathIn(sourceCode: TSESLint.SourceCode, node: Node, ctx: string): string[] | null {
  const keys: string[] = [];
  let current = unwrap(node);
  while (current.type === T.MemberExpression) {
    const key = staticKey(current);
    if (key === null) return null;
    keys.unshift(key);
    current = unwrap(current.object);
  }
  if (current.type === T.Identifier) {
    const def = findVariableOf(sourceCode, current)?.defs[0];
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id !== def.name || !def.node.init) return null;
    current = unwrap(def.node.init);
  }
  // `ctx.switchToHttp().getRequest()` (a type argument, `getRequest<Request>()`, is no matter).
  if (current.type !== T.CallExpression || current.callee.type !== T.MemberExpression || HTTP_HOST_METHODS[staticKey(current.callee) ?? ''] !== 'req') return null;
  const http = unwrap(current.callee.object);
  if (http.type !== T.CallExpression || http.callee.type !== T.MemberExpression || staticKey(http.callee) !== SWITCH_TO_HTTP) return null;
  const owner = unwrap(http.callee.object);
  if (owner.type !== T.Identifier || owner.name !== ctx || keys.length === 0 || !PARAM_DECORATOR_REQUEST_KEYS.has(keys[0]!)) return null;
  return keys;
}

/** The request path a route parameter decorated by a `createParamDecorator` of another file holds (`parameterRequestElsewhere`), else `null`. */
export function nestParameterRequest(id: Node): readonly string[] | null {
  return parameterRequests.get(id) ?? null;
}

/**
 * The `createParamDecorator` callback whose returned value a route method's parameter `id` holds (`@Next() next`, see
 * `parameterFactory`), else `null`.
 */
export function nestParameterFactory(id: Node): FunctionNode | null {
  return parameterFactories.get(id) ?? null;
}

/** `{ validate: false }` among a decorator's arguments (an options object literal). */
function optionIsFalse(args: readonly TSESTree.CallExpressionArgument[], name: string): boolean {
  return args.some((arg) => {
    const node = unwrap(arg);
    if (node.type !== T.ObjectExpression) return false;
    const property = node.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === name);
    return property?.value.type === T.Literal && property.value.value === false;
  });
}

/** `n: number`, `flag: boolean`, `since: Date`: a type a library that `coercesPrimitives` converts a string to. */
function isCoercedPrimitive(param: Node): boolean {
  const id = param.type === T.AssignmentPattern ? param.left : param;
  if (id.type !== T.Identifier) return false;
  const type = id.typeAnnotation?.typeAnnotation;
  if (type?.type === T.TSNumberKeyword || type?.type === T.TSBooleanKeyword) return true;
  return type?.type === T.TSTypeReference && type.typeName.type === T.Identifier && type.typeName.name === 'Date';
}

/** `body: { email: string }`: an inline object type. */
function isTypeLiteral(param: Node): boolean {
  const id = param.type === T.AssignmentPattern ? param.left : param;
  return (id.type === T.Identifier || id.type === T.ObjectPattern) && id.typeAnnotation?.typeAnnotation.type === T.TSTypeLiteral;
}

/** What a library that `checksTypes` makes of a parameter by its declared type (`NestParameter.checked`). */
function checkedType(param: Node): 'string' | 'value' | undefined {
  if (isCoercedPrimitive(param)) return 'value';
  const id = param.type === T.AssignmentPattern ? param.left : param;
  return id.type === T.Identifier && id.typeAnnotation?.typeAnnotation.type === T.TSStringKeyword ? 'string' : undefined;
}

/** `dto: LoginDto`: a class type, not a primitive, `any`, an inline object type or `Record<...>`. */
function isDtoClass(param: Node): boolean {
  const id = param.type === T.AssignmentPattern ? param.left : param;
  if (id.type !== T.Identifier && id.type !== T.ObjectPattern) return false;
  const type = id.typeAnnotation?.typeAnnotation;
  if (!type || PRIMITIVE_TYPES.has(type.type)) return false;
  return type.type === T.TSTypeReference && type.typeName.type === T.Identifier && !LOOSE_TYPE_NAMES.has(type.typeName.name);
}

/**
 * The CORS options of the file's Nest apps, as `cors(options)` would get them: `app.enableCors(options)` and the
 * `cors` option of `NestFactory.create(AppModule, { cors })` (`cors: true` means the defaults).
 */
export function nestCorsOptions(apps: readonly ExpressApp[]): { node: TSESTree.Node; argument: TSESTree.CallExpressionArgument | undefined }[] {
  const result: { node: TSESTree.Node; argument: TSESTree.CallExpressionArgument | undefined }[] = [];
  for (const app of apps) {
    if (!app.nest || app.nest.controller) continue;
    const options = app.nest.options ? unwrap(app.nest.options) : null;
    if (options?.type === T.ObjectExpression) {
      const cors = options.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === NEST_CREATE_OPTIONS.cors);
      const value = cors ? unwrap(cors.value) : null;
      if (cors && value && !(value.type === T.Literal && typeof value.value === 'boolean')) result.push({ node: cors, argument: cors.value as Expression });
    }
    for (const call of app.calls) {
      if (call.method === 'enablecors') result.push({ node: call.node, argument: call.node.arguments[0] });
    }
  }
  return result;
}

/** The `NestFactory.create` option that serves the app over HTTPS: `httpsOptions`. */
export function nestServesHttps(app: ExpressApp): boolean {
  const options = app.nest?.options ? unwrap(app.nest.options) : null;
  if (options?.type !== T.ObjectExpression) return false;
  return options.properties.some((p) => p.type === T.Property && staticKey(p) === NEST_CREATE_OPTIONS.https);
}

/** The first decorated parameter of a Nest handler that binds one of `inputs` (`@Body() dto`) with no pipe of its own that validates it. */
export function nestInputRead(handler: Handler, inputs: ReadonlySet<string>): { node: TSESTree.Node; text: string } | null {
  for (const param of handler.fn.params) {
    const target = param.type === T.TSParameterProperty ? param.parameter : param;
    const found = routeParameters.get(handler)?.get(target);
    if (found && inputs.has(found.property) && !found.validated) return { node: target, text: found.source };
  }
  return null;
}

/** What a decorated parameter of a Nest route method binds: `@Body() dto` the whole body (`key: null`), `@Body('email') email` one field. */
export function nestParameterBinding(target: Node): { property: string; key: string | null } | null {
  const found = parameters.get(target);
  return found ? { property: found.property, key: found.key } : null;
}

/**
 * How to call Express's own methods (`disable`, `set`) on an app in a fix: the app itself for Express apps and
 * for `NestFactory.create<NestExpressApplication>()`, else `app.getHttpAdapter().getInstance()` (the
 * `INestApplication` type has no `disable`).
 */
export function expressReceiver(app: ExpressApp): string {
  if (!app.nest || app.node.type !== T.CallExpression) return app.name;
  const typeArgument = app.node.typeArguments?.params[0];
  const typed = typeArgument?.type === T.TSTypeReference && typeArgument.typeName.type === T.Identifier && typeArgument.typeName.name === 'NestExpressApplication';
  return typed ? app.name : `${app.name}.getHttpAdapter().getInstance()`;
}

/**
 * What a NestJS route method sends as HTML by returning it (see `NOT_SENT_DECORATORS` in data/nest.ts, read from
 * @nestjs/core and @nestjs/platform-express 12.5.1): the Express adapter's `reply` sends an object or array as JSON and
 * anything else with `res.send(String(value))`, which Express sends as `text/html` unless a Content-Type is set
 * already; `@Header()` sets its headers before the handler runs. `null` when the return is not directly in a
 * controller's route method, when the method renders a view (`@Render`), redirects (`@Redirect`), streams events
 * (`@Sse`), sets a Content-Type that is not HTML (`@Header('Content-Type', 'text/plain')`) or takes `@Res()`
 * without `{ passthrough: true }` or `@Next()` (then it answers itself and the value is not sent), or when the
 * value is an object: a literal, or a whole `@Body()` / `@Query()` parameter.
 */
export function nestHtmlReturn(
  handler: Handler | null,
  statement: TSESTree.ReturnStatement,
  valueOf: (node: Node) => ModuleValue | undefined,
): TSESTree.Expression | null {
  const argument = statement.argument;
  if (!handler || !argument) return null;
  const method = routeMethodReturning(handler, statement, valueOf);
  // Compiled code keeps its decorators elsewhere (`__decorate`): whether it renders or sets a type is not known here.
  if (!method || (method.decorators ?? []).length === 0) return null;
  for (const decorator of method.decorators ?? []) {
    const expression = unwrap(decorator.expression);
    if (expression.type !== T.CallExpression) continue;
    const value = valueOf(expression.callee);
    if (value?.module !== NEST_COMMON) continue;
    if (NOT_SENT_DECORATORS.has(value.path[0]!)) return null;
    if (value.path[0] === 'Header' && literalString(expression.arguments[0])?.toLowerCase() === 'content-type') {
      const type = literalString(expression.arguments[1]);
      if (type === null || !type.toLowerCase().includes('html')) return null;
    }
  }
  let inner = unwrap(argument);
  if (inner.type === T.AwaitExpression) inner = unwrap(inner.argument);
  if (inner.type === T.ObjectExpression || inner.type === T.ArrayExpression) return null;
  if (inner.type === T.Identifier) {
    const param = handler.fn.params.find((p) => p.type === T.Identifier && p.name === (inner as TSESTree.Identifier).name);
    const found = param ? parameters.get(param) : undefined;
    if (found && found.key === null) return null;
  }
  return argument;
}

/**
 * The controller route method whose own body holds `statement` (not a nested function's), when Nest sends what it
 * returns: `null` for other functions and for a method that answers itself (`@Res()` without passthrough, `@Next()`).
 */
/**
 * Whether a `return` may be one that `nestHtmlReturn` or `nestRedirectReturn` reads, from the syntax alone (no model):
 * it returns a value directly from a class method that has decorators (a Nest route method's `@Get()`, `@Redirect()`).
 */
export function mayReturnFromNestRoute(statement: TSESTree.ReturnStatement): boolean {
  if (!statement.argument) return false;
  let fn: Node | undefined = statement.parent;
  while (fn && fn.type !== T.FunctionExpression && fn.type !== T.FunctionDeclaration && fn.type !== T.ArrowFunctionExpression) fn = fn.parent;
  const method = fn?.parent;
  return fn?.type === T.FunctionExpression && method?.type === T.MethodDefinition && (method.decorators ?? []).length > 0;
}

function routeMethodReturning(
  handler: Handler,
  statement: TSESTree.ReturnStatement,
  valueOf: (node: Node) => ModuleValue | undefined,
): TSESTree.MethodDefinition | null {
  if (!handler.call.app.nest?.controller || answersItself(handler, valueOf)) return null;
  // (Only a library whose sending of returned values the model reads: `sendsReturns` in data/nest.ts.)
  const decorator = decoratorOf(valueOf(handler.call.node.callee));
  if (decorator && !decorator.library.sendsReturns) return null;
  let fn: Node | undefined = statement.parent;
  while (fn && fn.type !== T.FunctionExpression && fn.type !== T.FunctionDeclaration && fn.type !== T.ArrowFunctionExpression) fn = fn.parent;
  const method = handler.fn.parent;
  return fn === handler.fn && method?.type === T.MethodDefinition ? method : null;
}

/**
 * The URL a NestJS `@Redirect()` route method sends the browser to by returning `{ url }`: Nest redirects to a
 * returned object's `url` instead of the decorator's (`RouterResponseController.redirect`, @nestjs/core 12.5.1).
 * `null` when the return is not directly in a controller's route method decorated with `@Redirect`, when the method
 * answers itself (`@Res()`, `@Next()`), or when the value is no object literal with a `url`.
 */
export function nestRedirectReturn(
  handler: Handler | null,
  statement: TSESTree.ReturnStatement,
  valueOf: (node: Node) => ModuleValue | undefined,
): TSESTree.Node | null {
  const argument = statement.argument;
  if (!handler || !argument) return null;
  const method = routeMethodReturning(handler, statement, valueOf);
  if (!method) return null;
  const redirects = (method.decorators ?? []).some((decorator) => {
    const expression = unwrap(decorator.expression);
    return expression.type === T.CallExpression && is(valueOf(expression.callee), NEST_COMMON, [REDIRECT_DECORATOR]);
  });
  if (!redirects) return null;
  let inner = unwrap(argument);
  if (inner.type === T.AwaitExpression) inner = unwrap(inner.argument);
  if (inner.type !== T.ObjectExpression) return null;
  const url = inner.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'url');
  return url ? url.value : null;
}

/**
 * Whether the handler answers through Express's response itself: a `@Res()` / `@Response()` parameter without
 * `{ passthrough: true }`, or `@Next()`. Nest then sends nothing of what it returns. A passthrough option that is
 * not a literal is unknown: the value may not be sent.
 */
function answersItself(handler: Handler, valueOf: (node: Node) => ModuleValue | undefined): boolean {
  if (handler.params.next) return true;
  const res = handler.params.res;
  if (!res) return false;
  const decorators = res.type === T.TSParameterProperty ? (res.parameter.decorators ?? []) : ((res as { decorators?: TSESTree.Decorator[] }).decorators ?? []);
  for (const decorator of decorators) {
    const expression = unwrap(decorator.expression);
    if (expression.type !== T.CallExpression || valueOf(expression.callee)?.module !== NEST_COMMON) continue;
    const options = expression.arguments[0] ? unwrap(expression.arguments[0]) : null;
    if (options?.type !== T.ObjectExpression) continue;
    const passthrough = options.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'passthrough');
    if (passthrough && passthrough.value.type === T.Literal && passthrough.value.value === true) return false;
  }
  return true;
}

/**
 * The file's NestJS exception filters: the `catch(exception, host)` method of each `@Catch(...)` class of
 * @nestjs/common (TypeScript's decorators, or compiled `__decorate([...], X)`), Nest's error handler, whose error is
 * its first parameter, with the calls that give its response: `host.switchToHttp().getResponse()`, also through
 * `const ctx = host.switchToHttp()` (`ctx.getResponse<Response>()`), and whether `@Catch(HttpException)` names the
 * errors it catches (`@Catch()` catches every error). None in a file of a Nest app on Fastify.
 */
export function nestExceptionFilters(
  sourceCode: TSESLint.SourceCode,
  calls: readonly { node: TSESTree.CallExpression | TSESTree.NewExpression; callee: ModuleValue }[],
): { fn: TSESTree.FunctionExpression; responses: TSESTree.CallExpression[]; requests: TSESTree.CallExpression[]; classes: boolean }[] {
  const decorators = calls.filter(({ node, callee }) => is(callee, NEST_COMMON, [CATCH_DECORATOR]) && isDecoratorCall(node));
  if (decorators.length === 0 || fileUsesFastify(sourceCode)) return [];
  const compiled = compiledDecorations(sourceCode);
  const filters: { fn: TSESTree.FunctionExpression; responses: TSESTree.CallExpression[]; requests: TSESTree.CallExpression[]; classes: boolean }[] = [];
  for (const { node } of decorators) {
    const cls = decoratedClass(sourceCode, node as TSESTree.CallExpression, compiled)?.cls;
    const method = cls?.body.body.find(
      (m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && !m.static && m.kind === 'method' && staticKey(m) === FILTER_METHOD,
    );
    if (method?.value.type !== T.FunctionExpression || filters.some((f) => f.fn === method.value)) continue;
    const classes = (node as TSESTree.CallExpression).arguments.length > 0;
    const { requests, responses } = hostCalls(sourceCode, method.value, method.value.params[1]);
    filters.push({ fn: method.value, responses, requests, classes });
  }
  return filters;
}

/**
 * The `getRequest()` and `getResponse()` calls (`HTTP_HOST_METHODS`) of an `ExecutionContext` / `ArgumentsHost`
 * parameter `param` of `fn`: `host.switchToHttp().getResponse()`, also through `const ctx = host.switchToHttp()`
 * (`ctx.getRequest<Request>()`).
 */
function hostCalls(
  sourceCode: TSESLint.SourceCode,
  fn: FunctionNode,
  param: TSESTree.Parameter | undefined,
): { requests: TSESTree.CallExpression[]; responses: TSESTree.CallExpression[] } {
  const requests: TSESTree.CallExpression[] = [];
  const responses: TSESTree.CallExpression[] = [];
  const host = param?.type === T.TSParameterProperty ? param.parameter : param;
  if (host?.type !== T.Identifier) return { requests, responses };
  /** `getRequest()` / `getResponse()` called on `node` (`http.getResponse()`, `http.getResponse<Response>()`). */
  const callOf = (node: Node): void => {
    const step = chainedCall(node);
    const role = step?.name && Object.hasOwn(HTTP_HOST_METHODS, step.name) ? HTTP_HOST_METHODS[step.name] : undefined;
    if (role) (role === 'req' ? requests : responses).push(step!.call);
  };
  const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.identifiers.includes(host));
  for (const ref of variable?.references ?? []) {
    const http = chainedCall(ref.identifier);
    if (http?.name !== SWITCH_TO_HTTP) continue;
    callOf(http.call);
    // (`const ctx = host.switchToHttp(); ctx.getResponse()`)
    for (const read of constHolding(sourceCode, http.call)?.references ?? []) if (read.isRead()) callOf(read.identifier);
  }
  return { requests, responses };
}

/**
 * The file's other NestJS functions that reach Express's request and response through an `ExecutionContext` or
 * `ArgumentsHost` (`CONTEXT_TYPES`, `HTTP_HOST_METHODS` in data/nest.ts): those with a parameter typed with one of
 * these types of @nestjs/common (a guard's `canActivate(context: ExecutionContext)`, an interceptor's
 * `intercept(context: ExecutionContext, next)`), and the callbacks of `createParamDecorator((data, ctx) => ...)`
 * (typed or not), with their `getRequest()` and `getResponse()` calls. A context that is not a parameter read
 * directly (passed to a helper, `context.getArgByIndex(0)`) is not followed. None in a file of a Nest app on Fastify.
 */
export function nestContextFunctions(
  sourceCode: TSESLint.SourceCode,
  calls: readonly { node: TSESTree.CallExpression | TSESTree.NewExpression; callee: ModuleValue }[],
): { fn: FunctionNode; requests: TSESTree.CallExpression[]; responses: TSESTree.CallExpression[] }[] {
  const found = new Map<FunctionNode, TSESTree.Parameter>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== T.ImportDeclaration || statement.source.value !== NEST_COMMON) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== T.ImportSpecifier) continue;
      const imported = specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
      if (!CONTEXT_TYPES.has(imported)) continue;
      for (const variable of sourceCode.scopeManager?.getDeclaredVariables(specifier) ?? []) {
        for (const ref of variable.references) {
          // `(context: ExecutionContext)`: the identifier is the type's name, in the annotation of a parameter.
          const reference = ref.identifier.parent;
          const annotation = reference?.parent;
          const param = annotation?.parent;
          if (reference?.type !== T.TSTypeReference || annotation?.type !== T.TSTypeAnnotation || param?.type !== T.Identifier) continue;
          const fn = param.parent;
          if (isFunction(fn) && fn.params.includes(param) && !found.has(fn)) found.set(fn, param);
        }
      }
    }
  }
  for (const { node, callee } of calls) {
    if (!is(callee, PARAM_DECORATOR_FACTORY.module, PARAM_DECORATOR_FACTORY.path) || !node.arguments[0] || node.arguments[0].type === T.SpreadElement) continue;
    const fn = localFunctionOf(sourceCode, node.arguments[0]);
    if (fn?.params[1] && !found.has(fn)) found.set(fn, fn.params[1]);
  }
  if (found.size === 0 || fileUsesFastify(sourceCode)) return [];
  return [...found].map(([fn, param]) => ({ fn, ...hostCalls(sourceCode, fn, param) }));
}

/** The variable a `const response = <call>` declares, when `call` is its whole value. */
export function constHolding(sourceCode: TSESLint.SourceCode, call: Node): TSESLint.Scope.Variable | null {
  const declarator = outermost(call).parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.id.type !== T.Identifier || declarator.parent?.kind !== 'const') return null;
  return findVariableOf(sourceCode, declarator.id);
}

/** An import (type-only too) of `fastify` or `@nestjs/platform-fastify` in the file. */
function fileUsesFastify(sourceCode: TSESLint.SourceCode): boolean {
  return sourceCode.ast.body.some(
    (statement) =>
      statement.type === T.ImportDeclaration &&
      (NON_EXPRESS_PLATFORMS.has(String(statement.source.value)) || String(statement.source.value) === 'fastify'),
  );
}

/** The decorators of a method and of its parameters, from TypeScript source or compiled `__decorate` calls. */
interface MethodDecorations {
  readonly decorators: readonly Node[];
  params(index: number): readonly Node[];
  /** Compiled code: `__metadata("design:paramtypes", [LoginDto])` says the parameter's type is a class. */
  classTyped(index: number): boolean;
}

interface DecoratedClass {
  readonly cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  readonly decorators: readonly Node[];
  methods(member: TSESTree.MethodDefinition): MethodDecorations;
}

/** `@X()` in TypeScript source, or an element of the list of a compiled `__decorate([X()], Target)` call. */
function isDecoratorCall(node: Node): boolean {
  if (node.type !== T.CallExpression) return false;
  const parent = node.parent;
  if (parent?.type === T.Decorator) return true;
  return parent?.type === T.ArrayExpression && parent.parent?.type === T.CallExpression && isHelper(parent.parent.callee, '__decorate');
}

/** `__decorate`, `tslib_1.__decorate`, `(0, tslib_1.__decorate)`: TypeScript's decorator helpers. */
function isHelper(callee: Node, name: string): boolean {
  let inner = unwrap(callee);
  if (inner.type === T.SequenceExpression) inner = unwrap(inner.expressions.at(-1)!);
  if (inner.type === T.Identifier) return inner.name === name;
  return inner.type === T.MemberExpression && staticKey(inner) === name;
}

const PRIMITIVE_CONSTRUCTORS = new Set(['String', 'Number', 'Boolean', 'Object', 'Array', 'Function', 'Symbol', 'BigInt', 'Promise']);

/** The compiled `__decorate([...], Target, 'member')` calls of the file's top level, by target text and member. */
function compiledDecorations(sourceCode: TSESLint.SourceCode): Map<string, TSESTree.CallExpression> {
  const result = new Map<string, TSESTree.CallExpression>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== T.ExpressionStatement) continue;
    let expression: Node = statement.expression;
    while (expression.type === T.AssignmentExpression) expression = expression.right;
    if (expression.type !== T.CallExpression || !isHelper(expression.callee, '__decorate')) continue;
    const target = expression.arguments[1];
    if (!target) continue;
    const member = expression.arguments[2] ? literalString(expression.arguments[2]) : null;
    result.set(`${sourceCode.getText(target)}#${member ?? ''}`, expression);
  }
  return result;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class a controller or module decorator call decorates, with its decorators and its methods'. */
function decoratedClass(
  sourceCode: TSESLint.SourceCode,
  decoratorCall: TSESTree.CallExpression,
  compiled: Map<string, TSESTree.CallExpression>,
): DecoratedClass | null {
  const parent = decoratorCall.parent;
  if (parent?.type === T.Decorator) {
    const cls = parent.parent;
    if (cls?.type !== T.ClassDeclaration && cls?.type !== T.ClassExpression) return null;
    return decorationsOf(cls, compiled, null);
  }
  // Compiled: `AuthController = __decorate([(0, common_1.Controller)('auth')], AuthController)`
  if (parent?.type !== T.ArrayExpression || parent.parent?.type !== T.CallExpression) return null;
  const target = parent.parent.arguments[1] ? unwrap(parent.parent.arguments[1]) : null;
  if (target?.type !== T.Identifier) return null;
  const cls = localClass(sourceCode, target);
  return cls ? decorationsOf(cls, compiled, target.name, parent.parent) : null;
}

/** A class of this file that an identifier names (`class A {}`, compiled `let A = class A {}`), else `null`. */
function localClass(sourceCode: TSESLint.SourceCode, node: Node): ClassNode | null {
  const inner = unwrap(node);
  if (inner.type !== T.Identifier) return null;
  const def = findVariableOf(sourceCode, inner)?.defs[0];
  if (def?.type === 'ClassName' && (def.node.type === T.ClassDeclaration || def.node.type === T.ClassExpression)) return def.node;
  if (def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init) {
    const init = unwrap(def.node.init);
    if (init.type === T.ClassExpression) return init;
  }
  return null;
}

/** A class's name: its id, or the variable compiled code assigns it to (`let A = class { }`). */
function classNameOf(cls: ClassNode): string | null {
  if (cls.id) return cls.id.name;
  const parent = cls.parent;
  return parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier ? parent.id.name : null;
}

/**
 * The decorators of a class and its methods: TypeScript's own, or, for compiled code (`target`, or a class whose
 * name compiled `__decorate` calls decorate), the elements of its `__decorate([...], Target)` calls.
 */
function decorationsOf(
  cls: ClassNode,
  compiled: Map<string, TSESTree.CallExpression>,
  target: string | null,
  /** The `__decorate([...], Target)` call of the class, when known. */
  classCall?: TSESTree.CallExpression,
): DecoratedClass {
  const name = target ?? classNameOf(cls);
  const isCompiled = target !== null || (name !== null && [...compiled.keys()].some((key) => key.startsWith(`${name}#`) || key.startsWith(`${name}.prototype#`)));
  if (!isCompiled || name === null) {
    return {
      cls,
      decorators: (cls.decorators ?? []).map((d) => d.expression),
      methods: (member) => ({
        decorators: (member.decorators ?? []).map((d) => d.expression),
        params: (index) => {
          const param = member.value.params[index];
          const target = param?.type === T.TSParameterProperty ? param.parameter : param;
          return (target?.decorators ?? []).map((d) => d.expression);
        },
        classTyped: () => false,
      }),
    };
  }
  const elements = (call: TSESTree.CallExpression | undefined): Node[] => {
    const list = call?.arguments[0] ? unwrap(call.arguments[0]) : null;
    return list?.type === T.ArrayExpression ? list.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== T.SpreadElement) : [];
  };
  return {
    cls,
    decorators: elements(classCall ?? compiled.get(`${name}#`)),
    methods: (member) => {
      const key = staticKey(member);
      const all = elements(compiled.get(`${name}.prototype#${key ?? ''}`));
      const paramDecorators = all.filter((e) => e.type === T.CallExpression && isHelper(e.callee, '__param')) as TSESTree.CallExpression[];
      const metadata = all.find(
        (e): e is TSESTree.CallExpression =>
          e.type === T.CallExpression && isHelper(e.callee, '__metadata') && literalString(e.arguments[0]) === 'design:paramtypes',
      );
      const types = metadata?.arguments[1] ? unwrap(metadata.arguments[1]) : null;
      return {
        decorators: all.filter((e) => !paramDecorators.includes(e as TSESTree.CallExpression)),
        params: (index) =>
          paramDecorators.filter((p) => p.arguments[0]?.type === T.Literal && p.arguments[0].value === index).flatMap((p) => (p.arguments[1] ? [p.arguments[1]] : [])),
        classTyped: (index) => {
          if (types?.type !== T.ArrayExpression) return false;
          const type = types.elements[index];
          // `LoginDto`, or `login_dto_1.LoginDto` from another compiled file
          return (type?.type === T.Identifier && !PRIMITIVE_CONSTRUCTORS.has(type.name)) || type?.type === T.MemberExpression;
        },
      };
    },
  };
}

/** Bound on the classes of one file that a class extends, one after the other. */
const MAX_LOCAL_BASES = 8;

/**
 * The classes of this file that `cls` extends, nearest first, and what it extends past them: `undefined` for
 * nothing, the class of another file or a package it names, `null` when that is not known (a mixin call
 * `extends BaseController(User)`, a cycle, a global).
 */
function ancestorsOf(sourceCode: TSESLint.SourceCode, cls: ClassNode): { chain: ClassNode[]; beyond: NestRef | null | undefined } {
  const chain: ClassNode[] = [];
  let current = cls;
  while (current.superClass) {
    const base = localClass(sourceCode, current.superClass);
    if (!base) {
      const ref = staticRef(sourceCode, current.superClass);
      return { chain, beyond: ref && ref.from !== null ? ref : null };
    }
    if (base === cls || chain.includes(base) || chain.length >= MAX_LOCAL_BASES) return { chain, beyond: null };
    chain.push(base);
    current = base;
  }
  return { chain, beyond: undefined };
}

/** `const x = require('mod')` (also through `__importDefault(...)`): the module an identifier holds, else `null`. */
function requiredModule(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): string | null {
  const def = findVariableOf(sourceCode, id)?.defs[0];
  if (def?.node.type !== T.VariableDeclarator || !def.node.init) return null;
  let init = unwrap(def.node.init);
  if (init.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name !== 'require' && init.arguments[0]) {
    init = unwrap(init.arguments[0]);
  }
  if (init.type !== T.CallExpression || init.callee.type !== T.Identifier || init.callee.name !== 'require') return null;
  return literalString(init.arguments[0]);
}

/** `@Throttle({...})` decorators of @nestjs/throttler among `decorators`, as middleware items. */
function throttleItems(builder: NestBuilder, decorators: readonly Node[]): MiddlewareItem[] {
  const items: MiddlewareItem[] = [];
  for (const decorator of decorators) {
    const expression = unwrap(decorator);
    if (expression.type !== T.CallExpression) continue;
    const value = builder.values.get(expression.callee) ?? builder.values.get(unwrap(expression.callee));
    if (!is(value, THROTTLER_MODULE, [THROTTLE_DECORATOR])) continue;
    items.push({ node: expression, value: { module: THROTTLER_MODULE, path: [THROTTLE_DECORATOR, '()'], node: expression }, fn: undefined });
  }
  return items;
}

/**
 * Cross-file (src/project): the Nest apps of the package whose bootstraps reach this file. A controller of this file
 * that exactly one known app lists (through its root module's imports), and no app that cannot be followed, gets that
 * app's middleware (mounted with `use` on a matching path before it starts), its global guards (`useGlobalGuards`,
 * `APP_GUARD`; throttlers dropped under `@SkipThrottle`) and its global pipes (`useGlobalPipes`, `APP_PIPE`) before
 * each route, the global prefix in its paths, a known chain, and a name that says where the app is bootstrapped.
 * The items' nodes belong to the other files.
 */
export function applyNestApps(
  builder: NestBuilder,
  sourceCode: TSESLint.SourceCode,
  apps: readonly NestAppChain[],
  file: string,
  /** How messages name a file of the package (`src/main.ts`). */
  rel: (file: string) => string,
): void {
  const summary = nestSummaryOf(sourceCode.ast);
  if (!summary || apps.some((app) => !app.known)) return;
  const reachingApps = (controllerFile: string, name: string) =>
    apps.filter((app) => app.controllers.some((c) => c.file === controllerFile && c.name === name));
  for (const router of builder.apps) {
    const controller = router.nest?.controller;
    if (!controller || router.nest?.chainKnown || !controller.id) continue;
    const name = controller.id.name;
    const entry = (app: NestAppChain) => app.controllers.find((c) => c.file === file && c.name === name);
    const reaching = reachingApps(file, name);
    const routes = summary.controllers.find((c) => c.name === name)?.routes;
    if (reaching.length !== 1 || !routes) continue;
    const app = reaching[0]!;
    const listed = entry(app)!;
    // A class of another file that is not known (a package's, a mixin) may add class guards: unknown.
    if (listed.bases === null) continue;
    for (const call of router.calls) {
      const route = routes.find((r) => r.node === call.node);
      if (!route) continue;
      const chain = nestRouteChain(app, route, listed);
      call.middleware.unshift(...chain.before.map((g) => ({ ...g.item })));
      setRoutePaths(call, chain.paths ?? (chain.path === null ? null : [chain.path]));
      // The handler's DTO parameters are typed values only when a ValidationPipe runs: now known either way.
      for (const handler of builder.handlers) {
        if (handler.call !== call) continue;
        for (const param of handler.fn.params) {
          const target = param.type === T.TSParameterProperty ? param.parameter : param;
          const found = routeParameters.get(handler)?.get(target);
          if (!found) continue;
          const validated = found.validated || chain.validated;
          setParameter(handler, target, { ...found, validated, typedByPipe: found.dto && validated });
        }
      }
    }
    router.nest = { ...router.nest, chainKnown: true };
    // Messages say which app serves the controller: `'AuthController' (bootstrapped in src/main.ts)`.
    router.name = `${router.name} (bootstrapped in ${rel(app.bootFile)})`;
  }
  addInheritedRoutes(builder, sourceCode, apps, file, rel, reachingApps);
}

/**
 * Cross-file: the route methods of this file's classes that controllers of other files extend (`class
 * UsersController extends CrudController`, the base declared here) are routes of each such controller that exactly
 * one known app lists: a router named after the controller, with its prefix, its class guards and pipes (and
 * those of the classes between), the app's chain, and the methods the controller declares again left out.
 */
function addInheritedRoutes(
  builder: NestBuilder,
  sourceCode: TSESLint.SourceCode,
  apps: readonly NestAppChain[],
  file: string,
  rel: (file: string) => string,
  reachingApps: (file: string, name: string) => NestAppChain[],
): void {
  const done = new Set<string>();
  const compiled = compiledDecorations(sourceCode);
  for (const app of apps) {
    for (const listed of app.controllers) {
      const sub = listed.summary;
      const index = listed.bases?.findIndex((base) => base.file === file) ?? -1;
      const key = `${listed.file}#${listed.name}`;
      if (!sub || listed.file === file || index < 0 || done.has(key) || reachingApps(listed.file, listed.name).length !== 1) continue;
      done.add(key);
      const bases = listed.bases!;
      const cls = topLevelClass(sourceCode, bases[index]!.summary.name);
      if (!cls) continue;
      const { chain } = ancestorsOf(sourceCode, cls);
      const lineage = [cls, ...chain].map((c) => decorationsOf(c, compiled, null));
      const hidden = new Set([...(sub.methods ?? []), ...bases.slice(0, index).flatMap((base) => base.summary.methods ?? [])]);
      const inherited = inheritedItems(listed);
      let router: ExpressApp | null = null;
      for (const { member, decorations } of lineageMethods(lineage, hidden).methods) {
        const route = routeMethod(builder, sourceCode, decorations);
        if (!route) continue;
        const skip = route.skips || sub.classSkips === true || (sub.classSkips == null && inherited.skips === true);
        const keep = (g: NestGuardSummary): boolean => !skip || !g.limiter;
        const summarized = (items: readonly MiddlewareItem[]) => items.map((item) => guardSummary(builder, sourceCode, item.node));
        const guards = [...(sub.classGuards ?? []), ...summarized([...route.guards, ...route.throttles])].filter(keep);
        const pipes = [...(sub.classPipes ?? []), ...summarized(route.pipes)];
        const version = route.version !== undefined ? route.version : sub.version;
        const routeSummary: NestRouteSummary = {
          method: route.method,
          ...pathFields(nestOwnPaths(sub.prefixes ?? (sub.prefix == null ? null : [sub.prefix]), route.own.paths)),
          ...(version === undefined ? {} : { version }),
          guards,
          pipes,
          skipsThrottle: skip,
          classSkips: sub.classSkips ?? null,
          node: route.call,
        };
        const chain = nestRouteChain(app, routeSummary, listed);
        // Messages say which controller serves the route, and where its app is bootstrapped.
        router ??= controllerRouter(route.call, `${listed.name} (bootstrapped in ${rel(app.bootFile)})`, cls, true);
        const fn = member.value;
        const paths = chain.paths ?? (chain.path === null ? null : [chain.path]);
        const call = routeCall(router, route, route.own.node ?? route.call, paths, [...chain.before, ...guards, ...pipes].map((g) => g.item), fn);
        addHandler(builder, sourceCode, call, fn, decorations, chain.validated || pipes.some((p) => p.validation), false);
      }
      if (router) builder.apps.push(router);
    }
  }
}

/** The class of the file's top level (declared, or compiled `let X = class X {}`) named `name`. */
function topLevelClass(sourceCode: TSESLint.SourceCode, name: string): ClassNode | null {
  for (const statement of sourceCode.ast.body) {
    const declaration =
      statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration ? statement.declaration : statement;
    if ((declaration?.type === T.ClassDeclaration || declaration?.type === T.ClassExpression) && declaration.id?.name === name) return declaration;
    if (declaration?.type !== T.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const init = declarator.init ? unwrap(declarator.init) : null;
      if (declarator.id.type === T.Identifier && declarator.id.name === name && init?.type === T.ClassExpression) return init;
    }
  }
  return null;
}

/**
 * Cross-file (src/project), for a file that bootstraps Nest apps: the middleware that the modules of a known app
 * apply in `configure(consumer)` (`consumer.apply(helmet())` in `app.module.ts`) is mounted on that app, as a
 * stand-in app of those files after it, so that the app-wide rules (`require-helmet`, `disable-x-powered-by`) see it.
 * `apps` are the file's bootstraps in source order, as `nestApps` gives them.
 */
export function applyNestModuleMiddleware(builder: NestBuilder, apps: readonly NestAppChain[], rel: (file: string) => string): void {
  const own = builder.apps.filter((app) => app.nest?.options !== undefined);
  own.forEach((app, index) => {
    const chain = apps[index];
    if (!chain?.known || chain.applied.length === 0) return;
    for (const { file, middleware } of chain.applied) {
      let call: Node | undefined = middleware.item.node.parent;
      while (call && call.type !== T.CallExpression) call = call.parent;
      if (call?.type !== T.CallExpression) continue;
      const standIn = nestApp('app', call, app.name, { file: rel(file) });
      standIn.calls.push({ app: standIn, node: call, method: 'use', isRoute: true, isUse: true, pathNode: null, path: null, args: [], middleware: [{ ...middleware.item }] });
      app.after = [...(app.after ?? []), standIn];
    }
  });
}
