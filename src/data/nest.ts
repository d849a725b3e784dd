/**
 * NestJS on Express, as the NestJS documentation describes it (@nestjs/core, @nestjs/common,
 * @nestjs/platform-express 10.x–11.x, @nestjs/throttler 5.x–6.x, @nestjs/swagger 7.x–11.x, docs.nestjs.com
 * "First steps", "Controllers", "Guards", "Pipes", "Security"; the packages are not installed here). What a
 * returned value is sent as was read from the packages' own code (see `RETURNED_VALUE_FACTS_VERSION`).
 */

/** `NestFactory.create(AppModule, options?)` and `NestFactory.create(AppModule, adapter, options?)`. */
export const NEST_FACTORY = { module: '@nestjs/core', path: ['NestFactory', 'create'] } as const;

/** Modules whose adapter makes the app something other than Express: such apps are skipped. */
export const NON_EXPRESS_PLATFORMS: ReadonlySet<string> = new Set(['@nestjs/platform-fastify']);

/** The module of Nest's Express adapter (`new ExpressAdapter(expressApp)`). */
export const EXPRESS_PLATFORM = '@nestjs/platform-express';

/** Type arguments of `NestFactory.create<T>()` that say the app is Express, whatever adapter it is given. */
export const EXPRESS_APP_TYPES: ReadonlySet<string> = new Set(['NestExpressApplication']);

/** Type arguments of `NestFactory.create<T>()` that say the app is not Express. */
export const NON_EXPRESS_APP_TYPES: ReadonlySet<string> = new Set(['NestFastifyApplication']);

/**
 * Methods of the Nest app that hand out the underlying Express app (`app.getHttpAdapter().getInstance()`): what is
 * called on their result configures the same app.
 */
export const EXPRESS_INSTANCE_METHODS: ReadonlySet<string> = new Set(['gethttpadapter', 'getinstance']);

/**
 * Functions that receive the Nest app to read it or to mount documentation pages, without configuring its
 * security: the app does not leave the file by being passed to them. `[module, path]` of the callee.
 */
export const NEST_APP_READERS: readonly (readonly [string, readonly string[]])[] = [
  ['@nestjs/swagger', ['SwaggerModule', 'setup']],
  ['@nestjs/swagger', ['SwaggerModule', 'createDocument']],
  ['class-validator', ['useContainer']],
];

/** The decorators of `@nestjs/common` used below. */
export const NEST_COMMON = '@nestjs/common';

/** `@Controller('prefix')` (or `@Controller({ path: 'prefix' })`) marks a class whose methods are routes. */
export const CONTROLLER_DECORATOR = 'Controller';

/** Method decorators that register a route, with the HTTP method they answer. */
export const ROUTE_DECORATORS: Readonly<Record<string, string>> = {
  Get: 'get',
  Post: 'post',
  Put: 'put',
  Patch: 'patch',
  Delete: 'delete',
  All: 'all',
  Options: 'options',
  Head: 'head',
  Search: 'search',
  // `@Sse('events')` answers GET requests with a stream of server-sent events
  Sse: 'get',
};

/** `@UseGuards(...)` on a method or a controller class: guards run before the handler, class guards first. */
export const GUARDS_DECORATOR = 'UseGuards';

/** `@UsePipes(...)` on a method or a class: pipes run on every parameter of the handler. */
export const PIPES_DECORATOR = 'UsePipes';

/** `app.useGlobalGuards(...)` / `app.useGlobalPipes(...)` on the Nest app (lower-cased method names). */
export const GLOBAL_GUARDS_METHOD = 'useglobalguards';
export const GLOBAL_PIPES_METHOD = 'useglobalpipes';

/** `@Module({ providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })` registers a guard for every route. */
export const MODULE_DECORATOR = 'Module';
export const APP_GUARD = { module: '@nestjs/core', path: ['APP_GUARD'] } as const;
export const APP_PIPE = { module: '@nestjs/core', path: ['APP_PIPE'] } as const;

/**
 * `RouterModule.register([{ path: 'admin', module: AdminModule, children: [...] }])` in a module's `imports` puts a
 * path before the routes of the controllers of the modules it names, a child's after its parent's, after the global
 * prefix (docs.nestjs.com "Router module").
 */
export const ROUTER_MODULE = { module: '@nestjs/core', name: 'RouterModule' } as const;

/**
 * Versioning (docs.nestjs.com "Versioning"; read in @nestjs/core and @nestjs/common 12.6.3: `RoutePathFactory.create`,
 * `RoutesResolver.getVersionMetadata`, `NestApplication.enableVersioning`, `RouteInfoPathExtractor`):
 * `app.enableVersioning({ type: VersioningType.URI, prefix, defaultVersion })` (no argument: URI) serves each route on
 * `/{prefix}{version}` (prefix `'v'` by default, none for `prefix: false`) after the global prefix and before a
 * `RouterModule` path, one path per version. A route's versions are the method's `@Version(...)`, else its
 * controller's `@Controller({ path, version })`, else `defaultVersion`; `VERSION_NEUTRAL` adds no segment, and a
 * route without any is served without one. Other types (`HEADER`, `MEDIA_TYPE`, `CUSTOM`) leave the paths as they are.
 * `forRoutes('auth')` / `exclude(...)` without a `version` name the route under no version and, when there is a
 * default version, under each default version too.
 */
export const ENABLE_VERSIONING_METHOD = 'enableversioning';
export const VERSIONING_TYPE = 'VersioningType';
export const URI_VERSIONING = 'URI';
export const VERSION_NEUTRAL = 'VERSION_NEUTRAL';
export const VERSION_DECORATOR = 'Version';
export const DEFAULT_VERSION_PREFIX = 'v';

/**
 * `app.setGlobalPrefix('api', { exclude: ['health', { path: 'auth/login', method: RequestMethod.POST }] })` (read in
 * nestjs/nest's `RoutePathFactory.create` / `isExcludedFromGlobalPrefix`, `mapToExcludeRoute`, `isRouteExcluded` and
 * `RouteInfoPathExtractor`): a route is served without the global prefix when an element of every method (a string,
 * `RequestMethod.ALL`) or of its own method has a path whose path-to-regexp pattern (case-insensitive) matches the
 * route's path as written under the prefix, its URI version segment left out (`'users/:id'` matches the route
 * `users/:id`). `forRoutes(path)` of a module's middleware names an excluded path without the prefix too, and a
 * wildcard `forRoutes('*')` also runs on the excluded routes. The docs: "The exclude feature does not support
 * wildcards".
 */
export const PREFIX_EXCLUDE_OPTION = 'exclude';

/**
 * A module that implements `NestModule` applies middleware in `configure(consumer)`: `consumer.apply(a, b)
 * .forRoutes('*' | Controller | { path, method }).exclude(...)`. The middleware runs before the routes it is applied to.
 */
export const NEST_MODULE_CONFIGURE = 'configure';

/**
 * `RequestMethod` of @nestjs/common, as `forRoutes({ path, method: RequestMethod.POST })` and `exclude(...)` take it
 * (`ALL` for every method).
 */
export const REQUEST_METHOD = 'RequestMethod';

/**
 * Parameter decorators that bind request data, with the `req` property whose data they carry. `@Ip()` is the
 * client address, which `X-Forwarded-For` sets when `trust proxy` is on: a header.
 */
export const REQUEST_PARAMETER_DECORATORS: Readonly<Record<string, string>> = {
  Body: 'body',
  Query: 'query',
  Param: 'params',
  Headers: 'headers',
  Ip: 'headers',
};

/** `@Session() session`: the parameter is `req.session` (express-session's state, carried by its cookie). */
export const SESSION_PARAMETER_DECORATOR = 'Session';

/** Parameter decorators that bind Express's own request and response objects. */
export const ROLE_PARAMETER_DECORATORS: Readonly<Record<string, 'req' | 'res' | 'next'>> = {
  Req: 'req',
  Request: 'req',
  Res: 'res',
  Response: 'res',
  Next: 'next',
};

/**
 * Exception filters (docs.nestjs.com "Exception filters"): a `@Catch(...)` class's `catch(exception, host)` method
 * handles the errors a route throws, and answers through Express's response, `host.switchToHttp().getResponse()`
 * (`ArgumentsHost.switchToHttp()` gives the `HttpArgumentsHost`, whose `getResponse()` is the platform's response).
 */
export const CATCH_DECORATOR = 'Catch';
export const FILTER_METHOD = 'catch';
export const SWITCH_TO_HTTP = 'switchToHttp';

/**
 * What the methods of the `HttpArgumentsHost` that `switchToHttp()` gives return on Express (docs.nestjs.com
 * "Execution context": `getRequest()` the platform's request, `getResponse()` its response): request data and the
 * response, as a handler's `req` and `res` are.
 */
export const HTTP_HOST_METHODS: Readonly<Record<string, 'req' | 'res'>> = {
  getRequest: 'req',
  getResponse: 'res',
};

/**
 * The types of @nestjs/common that give the request through `switchToHttp()` (docs.nestjs.com "Execution context"):
 * a parameter typed with one of them, in a guard's `canActivate(context: ExecutionContext)`, an interceptor's
 * `intercept(context: ExecutionContext, next)`, a filter's `catch(exception, host: ArgumentsHost)` or any function,
 * reaches Express's request and response.
 */
export const CONTEXT_TYPES: ReadonlySet<string> = new Set(['ExecutionContext', 'ArgumentsHost']);

/**
 * `createParamDecorator((data, ctx) => ...)` of @nestjs/common (docs.nestjs.com "Custom route decorators"): its
 * callback's second parameter is the `ExecutionContext`, and what it returns is the value of each route parameter the
 * decorator it makes decorates (`@User() user`).
 */
export const PARAM_DECORATOR_FACTORY = { module: '@nestjs/common', path: ['createParamDecorator'] } as const;

/**
 * The request's parsed parts that a `createParamDecorator` callback of another file may return for a route parameter
 * to hold request data (`ctx.switchToHttp().getRequest().body`): the client's data. Anything else it returns
 * (`request.user`, set by a guard) is unknown there.
 */
export const PARAM_DECORATOR_REQUEST_KEYS: ReadonlySet<string> = new Set(['body', 'query', 'params']);

/**
 * Class mixins whose class passes its constructor's arguments on to the class it is given (`argument`): @nestjs/passport
 * 10–11's `PassportStrategy(Strategy, name?)` returns `class MixinStrategy extends Strategy` whose constructor calls
 * `super(...args, callback)` (docs.nestjs.com "Passport (authentication)"), so `super({ secretOrKey })` in `class
 * JwtStrategy extends PassportStrategy(Strategy)` constructs passport-jwt's `Strategy` with those options.
 */
export const CLASS_MIXINS: readonly { module: string; path: readonly string[]; argument: number; nameArgument?: number }[] = [
  // `nameArgument`: the name the mixin registers the strategy under (`PassportStrategy(Strategy, 'admin')`: 'admin';
  // without it, the strategy's own name, `'local'` for passport-local), which `AuthGuard('admin')` runs.
  { module: '@nestjs/passport', path: ['PassportStrategy'], argument: 0, nameArgument: 1 },
];

/**
 * @nestjs/passport's guard: `AuthGuard(type)` makes a guard class that runs `passport.authenticate(type, …)` for the
 * route (a name or a list of names; without one, the `defaultStrategy` of `PassportModule.register`:
 * `NEST_PASSPORT_MODULE`). A class that extends it (`class LocalAuthGuard extends AuthGuard('local') {}`) runs the same.
 */
export const NEST_AUTH_GUARD = { module: '@nestjs/passport', path: ['AuthGuard'] } as const;

/**
 * @nestjs/passport's module: `PassportModule.register({ defaultStrategy: 'jwt' })` gives `AuthGuard()` (no name) the
 * strategy it runs (`type || this.options.defaultStrategy` in its `createAuthGuard`; a name or a list of names);
 * `registerAsync` gives it from a factory, not read.
 */
export const NEST_PASSPORT_MODULE = {
  module: '@nestjs/passport',
  register: ['PassportModule', 'register'],
  registerAsync: ['PassportModule', 'registerAsync'],
  option: 'defaultStrategy',
} as const;

/** The validation pipe: with DTO classes (class-validator), it rejects bodies whose fields have the wrong type. */
export const VALIDATION_PIPE = { module: '@nestjs/common', path: ['ValidationPipe'] } as const;

/**
 * @nestjs/throttler: `ThrottlerGuard` limits the request rate; `@SkipThrottle()` turns it off for a route or class;
 * `@Throttle({ default: { limit, ttl } })` sets the limits of a route or class. `@Throttle` alone does nothing
 * without a throttler guard, but it says the author meant the route to be limited by one registered elsewhere
 * (typically an `APP_GUARD` of a module the rules cannot see): it counts as the route's limiter.
 */
export const THROTTLER_MODULE = '@nestjs/throttler';
export const THROTTLER_GUARD = 'ThrottlerGuard';
export const SKIP_THROTTLE = 'SkipThrottle';
export const THROTTLE_DECORATOR = 'Throttle';

/**
 * What Nest sends for a value a route method returns, read from the published packages (`npm pack
 * @nestjs/core@12.5.1 @nestjs/platform-express@12.5.1 @nestjs/common@12.5.1 express@5.3.0`, 2026-12-02; the same in
 * nestjs/nest's `packages/platform-express/adapters/express-adapter.ts` on GitHub):
 * - `ExpressAdapter.reply(response, body)`: `isObject(body) ? response.json(body) : response.send(String(body))`
 *   (`isObject` is `typeof body === 'object'` and not null; `null`/`undefined` send an empty body; a
 *   `StreamableFile` is piped with its own type).
 * - Express 5.3.0 `res.send(string)`: keeps a Content-Type already set (adding the charset), else sets `text/html`.
 * - `RouterExecutionContext`: `@Header(name, value)` headers are set with `res.set` before the handler runs, so a
 *   `@Header('Content-Type', 'text/plain')` wins; `@Render` renders, `@Redirect` redirects (the returned value may
 *   only override the URL) and `@Sse` streams events instead of `reply`.
 * - `isResponseHandled`: with a `@Res()` / `@Response()` or `@Next()` parameter the handler answers itself and the
 *   returned value is not sent, unless `@Res({ passthrough: true })`.
 * So a returned string (or template literal) is HTML unless one of those says otherwise. Below: the method
 * decorators of @nestjs/common with which a returned value is not sent with `reply`.
 */
export const NOT_SENT_DECORATORS: ReadonlySet<string> = new Set(['Render', 'Redirect', 'Sse']);

/** `@Redirect(url?, status?)`: the route redirects, to a returned object's `url` when it has one. */
export const REDIRECT_DECORATOR = 'Redirect';

/** Options of `NestFactory.create` that the app-wide rules read. */
export const NEST_CREATE_OPTIONS = { cors: 'cors', https: 'httpsOptions' } as const;

/** The SQL a TypeORM query builder method's first argument goes in, so each part of it is read in its position. */
const WHERE = 'SELECT * FROM t WHERE ';
const HAVING = 'SELECT a FROM t GROUP BY a HAVING ';
const ORDER_BY = 'SELECT * FROM t ORDER BY ';
const GROUP_BY = 'SELECT * FROM t GROUP BY ';
const SELECT = 'SELECT ';
const JOIN = 'SELECT * FROM t JOIN ';

/**
 * TypeORM query builder methods whose string argument is a raw SQL fragment (`.where(\`id = ${id}\`)`), in files
 * that import typeorm (typeorm 0.3 docs, "Select using Query Builder": parameters go in the second argument), with
 * the clause the fragment is put in (`clauses`: where a part of it stands, for a helper of another module whose
 * parameter is such a part).
 */
const QUERY_BUILDER_CLAUSES: Readonly<Record<string, string>> = {
  where: WHERE,
  andWhere: WHERE,
  orWhere: WHERE,
  having: HAVING,
  andHaving: HAVING,
  orHaving: HAVING,
  orderBy: ORDER_BY,
  addOrderBy: ORDER_BY,
  groupBy: GROUP_BY,
  addGroupBy: GROUP_BY,
  select: SELECT,
  addSelect: SELECT,
  leftJoinAndSelect: JOIN,
  innerJoinAndSelect: JOIN,
  leftJoin: JOIN,
  innerJoin: JOIN,
};

export const QUERY_BUILDER_FRAGMENTS = {
  module: 'typeorm',
  methods: new Set(Object.keys(QUERY_BUILDER_CLAUSES)) as ReadonlySet<string>,
  clauses: QUERY_BUILDER_CLAUSES,
} as const;

/**
 * Other libraries whose decorators declare controllers the way @nestjs/common's do: each row names the module and,
 * for each decorator of it that the model reads, the @nestjs/common decorator it acts as (`Controller`, a route
 * decorator of `ROUTE_DECORATORS`, `UseGuards` for middleware that runs before the handler, a parameter decorator of
 * `REQUEST_PARAMETER_DECORATORS` / `ROLE_PARAMETER_DECORATORS`, `Session`), or one of the names below that Nest has
 * no decorator for (`Cookies`: the request's cookies; `Authorized`: an authorization check that runs before the
 * handler, itself the middleware item). A decorator the row does not name is not read. The other facts of a row:
 * - `keyed`: parameter decorators that take the key they read as their first argument (`@QueryParam('n')`); the
 *   others bind the whole part (`@QueryParams()`).
 * - `coercesPrimitives`: a keyed parameter typed `number` or `boolean` (or `Date`) holds that type, not the
 *   client's string: a string is converted and one that does not convert is rejected. A value that is already an
 *   object (a JSON body's field, a query under the `extended` parser: `?n[$ne]=1`) is passed on as it is.
 * - `validatesDtos`: a whole body or query bound to a class (`@Body() dto: CreateUserDto`) is transformed into
 *   that class and checked with class-validator, unless the app turns validation off.
 * - `keyFromName`: parameter decorators whose key, when not given, is the parameter's name (tsoa's `@Query() name`).
 * - `checksTypes`: every parameter is checked against its declared type before the handler runs: a `string` is a
 *   string (no object passes), a `number`, `boolean` or `Date` is converted or rejected, a model type's fields are
 *   checked (as a validated DTO).
 * - `pipes`: a DTO may be validated by pipes the controller's file does not show (Nest's global `ValidationPipe`):
 *   while the app is not known, a DTO is taken as typed.
 * - `sendsReturns`: whether the model reads what a route method returns as sent (Nest's `reply`); `false` leaves
 *   returned values unknown.
 *
 * routing-controllers 0.10–0.11.3 (typestack/routing-controllers, read 2026-12-05: `src/index.ts` `createExecutor`
 * sets `driver.enableValidation = true` and `useClassTransformer = true` when the `validation` and
 * `classTransformer` options are not given; `ActionParameterHandler.normalizeParamValue` converts a string to the
 * parameter's reflected type `number`, `boolean` or `date` (`+value`, `'true'`/`'1'`/`''`, `new Date`) and throws
 * `InvalidParamError` when it does not convert, maps an array's elements the same way, and passes an object on
 * unchanged; a parameter typed with a class is transformed with `plainToInstance` and validated with
 * class-validator's `validateOrReject` when validation is on and the parameter's own `validate` is not `false`).
 * `@UseBefore(...)` middleware and the `@Authorized()` check run before the action (`ExpressDriver.registerAction`).
 *
 * inversify-express-utils 6.x (inversify/inversify-express-utils `src/decorators.ts`, read 2026-12-05): `@controller(path,
 * ...middleware)`, `@httpGet`/`@httpPost`/`@httpPut`/`@httpPatch`/`@httpDelete`/`@httpHead`/`@all(path,
 * ...middleware)`; `@requestBody(name?)`, `@queryParam(name?)`, `@requestParam(name?)`, `@requestHeaders(name?)`,
 * `@cookies(name?)` read `req[part][name]`, or the whole part without a name; `@request()`, `@response()`, `@next()`.
 * It converts and validates nothing. Its controllers are found through the DI container's bindings, not listed where
 * the server is built (`new InversifyExpressServer(container, ...)`): their routes' chains stay unknown.
 *
 * tsoa 6.x (lukeautry/tsoa, `@tsoa/runtime`'s `ValidationService`, read 2026-12-05): `@Route(path)` classes,
 * `@Get`/`@Post`/`@Put`/`@Patch`/`@Delete`/`@Head(path?)` methods; `@Body()` the whole body, `@BodyProp(name?)`,
 * `@Query(name?)`, `@Path(name?)`, `@Header(name?)` one value (named by the parameter without a name), `@Queries()` the
 * whole query, `@Request()` Express's request. The routes tsoa generates check each parameter against its declared
 * type (`validateString`: `typeof value !== 'string'` is an error; numbers, booleans and dates are converted or
 * rejected; a model's properties are checked); an `any` is not checked. Those generated routes register the
 * controllers (`RegisterRoutes(app)`): the classes' own routes have no chain the model knows.
 */
export interface ControllerDecoratorLibrary {
  readonly module: string;
  readonly decorators: Readonly<Record<string, string>>;
  readonly keyed: ReadonlySet<string>;
  readonly coercesPrimitives: boolean;
  readonly validatesDtos: boolean;
  readonly keyFromName?: ReadonlySet<string>;
  readonly checksTypes?: boolean;
  readonly pipes: boolean;
  readonly sendsReturns: boolean;
}

/** The canonical name of routing-controllers' `@CookieParam('x')` / `@CookieParams()`: `req.cookies`. */
export const COOKIES_DECORATOR = 'Cookies';
/** The canonical name of an authorization check that runs before the handler (routing-controllers' `@Authorized()`). */
export const AUTHORIZED_DECORATOR = 'Authorized';

export const CONTROLLER_DECORATOR_LIBRARIES: readonly ControllerDecoratorLibrary[] = [
  {
    module: NEST_COMMON,
    // (each the decorator itself)
    decorators: Object.fromEntries(
      [
        CONTROLLER_DECORATOR,
        ...Object.keys(ROUTE_DECORATORS),
        GUARDS_DECORATOR,
        PIPES_DECORATOR,
        ...Object.keys(REQUEST_PARAMETER_DECORATORS),
        ...Object.keys(ROLE_PARAMETER_DECORATORS),
        SESSION_PARAMETER_DECORATOR,
        VERSION_DECORATOR,
      ].map((name) => [name, name]),
    ),
    // (`@Query('q')` and `@Query()` are the same decorator: a key is optional.)
    keyed: new Set(),
    coercesPrimitives: false,
    validatesDtos: false,
    pipes: true,
    sendsReturns: true,
  },
  {
    module: 'routing-controllers',
    decorators: {
      Controller: CONTROLLER_DECORATOR,
      JsonController: CONTROLLER_DECORATOR,
      Get: 'Get',
      Post: 'Post',
      Put: 'Put',
      Patch: 'Patch',
      Delete: 'Delete',
      Head: 'Head',
      All: 'All',
      UseBefore: GUARDS_DECORATOR,
      Authorized: AUTHORIZED_DECORATOR,
      Body: 'Body',
      BodyParam: 'Body',
      QueryParam: 'Query',
      QueryParams: 'Query',
      Param: 'Param',
      Params: 'Param',
      HeaderParam: 'Headers',
      HeaderParams: 'Headers',
      CookieParam: COOKIES_DECORATOR,
      CookieParams: COOKIES_DECORATOR,
      Req: 'Req',
      Res: 'Res',
      Session: SESSION_PARAMETER_DECORATOR,
      SessionParam: SESSION_PARAMETER_DECORATOR,
    },
    keyed: new Set(['BodyParam', 'QueryParam', 'Param', 'HeaderParam', 'CookieParam']),
    coercesPrimitives: true,
    validatesDtos: true,
    pipes: false,
    sendsReturns: false,
  },
  {
    module: 'inversify-express-utils',
    decorators: {
      controller: CONTROLLER_DECORATOR,
      httpGet: 'Get',
      httpPost: 'Post',
      httpPut: 'Put',
      httpPatch: 'Patch',
      httpDelete: 'Delete',
      httpHead: 'Head',
      all: 'All',
      requestBody: 'Body',
      queryParam: 'Query',
      requestParam: 'Param',
      requestHeaders: 'Headers',
      cookies: COOKIES_DECORATOR,
      request: 'Req',
      response: 'Res',
      next: 'Next',
    },
    keyed: new Set(),
    coercesPrimitives: false,
    validatesDtos: false,
    pipes: false,
    sendsReturns: false,
  },
  {
    module: 'tsoa',
    decorators: {
      Route: CONTROLLER_DECORATOR,
      Get: 'Get',
      Post: 'Post',
      Put: 'Put',
      Patch: 'Patch',
      Delete: 'Delete',
      Head: 'Head',
      Body: 'Body',
      BodyProp: 'Body',
      Query: 'Query',
      Queries: 'Query',
      Path: 'Param',
      Header: 'Headers',
      Request: 'Req',
    },
    keyed: new Set(),
    keyFromName: new Set(['BodyProp', 'Query', 'Path', 'Header']),
    coercesPrimitives: false,
    validatesDtos: false,
    checksTypes: true,
    pipes: false,
    sendsReturns: false,
  },
];

/**
 * Calls of a controller library that register controllers on an Express app (routing-controllers 0.10–0.11.3,
 * `src/index.ts`: `useExpressServer(expressApp, options)` registers on the app it is given, `createExpressServer(options)`
 * on a new one it returns; `ExpressDriver.registerAction` serves each action on `routePrefix` + the controller's route +
 * the action's, after what the app mounted before the call): `app` is the index of the app argument (`null`: the call
 * makes the app), `options` the index of the options object, whose `controllers` (a list of classes, or of glob
 * strings of files the library loads), `prefix` and `middlewares` (classes whose `use(req, res, next)` runs before
 * or after every action, as each says with `@Middleware({ type })`) name the option keys.
 */
export const CONTROLLER_REGISTRATIONS: readonly {
  readonly module: string;
  readonly path: readonly string[];
  readonly app: number | null;
  readonly options: number;
  readonly controllers: string;
  readonly prefix: string;
  readonly middlewares: string;
}[] = [
  { module: 'routing-controllers', path: ['useExpressServer'], app: 0, options: 1, controllers: 'controllers', prefix: 'routePrefix', middlewares: 'middlewares' },
  { module: 'routing-controllers', path: ['createExpressServer'], app: null, options: 0, controllers: 'controllers', prefix: 'routePrefix', middlewares: 'middlewares' },
];
