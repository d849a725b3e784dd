/**
 * NestJS item 2: `@Controller()` methods are routes with their full path, and guards (`@UseGuards`, `APP_GUARD`,
 * `app.useGlobalGuards`) and pipes are their chain. Chains are known only when the file shows the whole app.
 */
import requireInputValidation from '../../src/rules/require-input-validation';
import requireRateLimit from '../../src/rules/require-rate-limit';

import { code, runRuleTests } from '../helpers/rule-tester';

/** A one-file Nest app: controller, module and bootstrap, with the given pieces. */
function app({
  controller = '',
  method = '',
  param = '@Body() body: LoginDto',
  providers = '',
  imports = '',
  bootstrap = '',
}: { controller?: string; method?: string; param?: string; providers?: string; imports?: string; bootstrap?: string }): string {
  return code`
    import { NestFactory, APP_GUARD } from '@nestjs/core';
    import { Body, Controller, Module, Post, UseGuards, UsePipes, ValidationPipe } from '@nestjs/common';
    import { SkipThrottle, ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';

    class LoginDto {
      email!: string;
      password!: string;
    }

    ${controller}@Controller('auth')
    class AuthController {
      ${method}@Post('login')
      login(${param}) {
        return body;
      }
    }

    @Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 5 }])${imports}], controllers: [AuthController], providers: [${providers}] })
    class AppModule {}

    async function bootstrap() {
      const app = await NestFactory.create(AppModule);
      ${bootstrap}await app.listen(3000);
    }
    bootstrap();
  `;
}

/** `app({})` with the controller's and the route's paths given by constants of the file (session 15, branch paths2). */
const constantPaths = (controller: string, route: string, declarations: string, bootstrap = ''): string =>
  app({ bootstrap }).replace("@Controller('auth')", `@Controller(${controller})`).replace("@Post('login')", `@Post(${route})`).replace('class LoginDto', `${declarations}\nclass LoginDto`);
const ROUTE_CONSTANTS = "const ROUTES = { AUTH: 'auth' } as const;\nenum AuthRoutes { Login = 'login' }";

/**
 * `app({ bootstrap })` with the imports that versioning needs, and a limiter of express-rate-limit the bootstrap can
 * mount (trial 23 r2: URI versioning puts `/v{version}` in the paths).
 */
const versioned = (bootstrap: string, controller = "'auth'", method = ''): string =>
  app({ bootstrap, method })
    .replace("@Controller('auth')", `@Controller(${controller})`)
    .replace(
      "import { Body, Controller, Module, Post, UseGuards, UsePipes, ValidationPipe } from '@nestjs/common';",
      "import { Body, Controller, Module, Post, UseGuards, UsePipes, ValidationPipe, Version, VersioningType, VERSION_NEUTRAL } from '@nestjs/common';\nimport { rateLimit } from 'express-rate-limit';",
    );
const LIMITER = 'rateLimit({ windowMs: 60_000, limit: 5 })';
const URI_V1 = "app.setGlobalPrefix('api');\n  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });\n  ";

/**
 * Session 19 (branch nest19): `app({ bootstrap })` with the controller's and the route's path decorators given, and a
 * limiter of express-rate-limit mounted on `mount` (if any): Nest registers a route under each path of an array.
 */
const manyPaths = (controller: string, route: string, mounts: readonly string[] = [], declarations = ''): string =>
  app({ bootstrap: mounts.map((mount) => `app.use('${mount}', ${LIMITER});\n  `).join('') })
    .replace("@Controller('auth')", `@Controller(${controller})`)
    .replace("@Post('login')", `@Post(${route})`)
    .replace('class LoginDto', `import { rateLimit } from 'express-rate-limit';\n${declarations}class LoginDto`);

/**
 * Session 19 (branch nest19): `app.setGlobalPrefix('api', options)` and a limiter mounted on `mount` (if any): the routes
 * that `exclude` names are served without the prefix.
 */
const prefixed = (options: string, mount?: string, declarations = ''): string =>
  app({ bootstrap: `app.setGlobalPrefix('api', ${options});\n  ${mount === undefined ? '' : `app.use('${mount}', ${LIMITER});\n  `}` }).replace(
    "import { Body, Controller, Module, Post, UseGuards, UsePipes, ValidationPipe } from '@nestjs/common';",
    `import { Body, Controller, Module, Post, RequestMethod, UseGuards, UsePipes, ValidationPipe, VersioningType } from '@nestjs/common';\nimport { rateLimit } from 'express-rate-limit';\n${declarations}`,
  );

const controllerOnly = code`
  import { Body, Controller, Post } from '@nestjs/common';
  import { LoginDto } from './login.dto';

  @Controller('auth')
  export class AuthController {
    @Post('login')
    login(@Body() body: LoginDto) {
      return body;
    }
  }
`;

runRuleTests('require-rate-limit', requireRateLimit, {
  valid: [
    { name: 'ThrottlerGuard on the method', code: app({ method: '@UseGuards(ThrottlerGuard)\n  ' }) },
    { name: 'ThrottlerGuard on the controller', code: app({ controller: '@UseGuards(ThrottlerGuard)\n' }) },
    { name: 'ThrottlerGuard as APP_GUARD', code: app({ providers: '{ provide: APP_GUARD, useClass: ThrottlerGuard }' }) },
    { name: 'ThrottlerGuard as a global guard', code: app({ bootstrap: 'app.useGlobalGuards(new ThrottlerGuard());\n  ' }) },
    { name: "the container's ThrottlerGuard as a global guard: app.get(ThrottlerGuard)", code: app({ bootstrap: 'app.useGlobalGuards(app.get(ThrottlerGuard));\n  ' }) },
    { name: "the container's ThrottlerGuard kept in a const first", code: app({ bootstrap: 'const guard = app.get(ThrottlerGuard);\n  app.useGlobalGuards(guard);\n  ' }) },
    {
      name: '@SkipThrottle({ default: false }) keeps the global guard',
      code: app({ providers: '{ provide: APP_GUARD, useClass: ThrottlerGuard }', method: '@SkipThrottle({ default: false })\n  ' }),
    },
    { name: 'a controller in its own file: global guards live elsewhere, so nothing is said', code: controllerOnly },
    {
      name: 'express-rate-limit mounted on the Nest app before it starts runs before every route',
      code: app({ bootstrap: 'app.use(rateLimit({ windowMs: 60_000, limit: 5 }));\n  ' }).replace('class LoginDto', "import { rateLimit } from 'express-rate-limit';\nclass LoginDto"),
    },
    {
      name: 'a limiter mounted on the path prefix of the route',
      code: app({ bootstrap: "app.use('/auth', rateLimit({ windowMs: 60_000, limit: 5 }));\n  " }).replace('class LoginDto', "import { rateLimit } from 'express-rate-limit';\nclass LoginDto"),
    },
    {
      name: 'a module of another file may register an APP_GUARD: nothing is said',
      code: app({ imports: ', AuthModule' }).replace("import { NestFactory", "import { AuthModule } from './auth.module';\nimport { NestFactory"),
    },
    {
      name: 'an APP_GUARD made by a factory is not read: nothing is said',
      code: app({ providers: '{ provide: APP_GUARD, useFactory: () => makeGuard() }' }),
    },
    {
      name: 'middleware a module applies in configure(consumer) is read across files only: nothing is said file by file',
      code: app({})
        .replace('class AppModule {}', "class AppModule {\n  configure(consumer: { apply(...m: unknown[]): { forRoutes(r: string): void } }) {\n    consumer.apply(rateLimit({ limit: 5 })).forRoutes('*');\n  }\n}")
        .replace('class LoginDto', "import { rateLimit } from 'express-rate-limit';\nclass LoginDto"),
    },
    {
      name: 'module paths of a RouterModule are read across files only: nothing is said file by file',
      code: app({ imports: ", RouterModule.register([{ path: 'v1', module: AppModule }])" }).replace('import { NestFactory, APP_GUARD }', 'import { NestFactory, APP_GUARD, RouterModule }'),
    },
    {
      name: 'a limiter mounted on a path a route with parameters may answer on (/acme for /:org/auth/login)',
      code: app({ bootstrap: "app.use('/acme', rateLimit({ windowMs: 60_000, limit: 5 }));\n  " })
        .replace("@Controller('auth')", "@Controller(':org/auth')")
        .replace('class LoginDto', "import { rateLimit } from 'express-rate-limit';\nclass LoginDto"),
    },
    {
      name: 'a guard of the user own that extends ThrottlerGuard',
      code: app({ method: '@UseGuards(LoginThrottlerGuard)\n  ' }).replace('class LoginDto', 'class LoginThrottlerGuard extends ThrottlerGuard {}\nclass LoginDto'),
    },
    // Trial 23 r2: URI versioning.
    { name: 'URI versioning: a limiter mounted on /api/v1/auth runs before the default version 1 route /api/v1/auth/login', code: versioned(`${URI_V1}app.use('/api/v1/auth', ${LIMITER});\n  `) },
    {
      name: 'URI versioning: @Controller({ path, version }) and a limiter on its version path',
      code: versioned(`app.enableVersioning({ type: VersioningType.URI });\n  app.use('/v2/auth', ${LIMITER});\n  `, "{ path: 'auth', version: '2' }"),
    },
    {
      name: "URI versioning: @Version('3') of the method wins over the controller's and the default version",
      code: versioned(`${URI_V1}app.use('/api/v3', ${LIMITER});\n  `, "{ path: 'auth', version: '2' }", "@Version('3')\n  "),
    },
    { name: 'URI versioning: a route of several versions limited on each', code: versioned(`${URI_V1}app.use('/api/v1', ${LIMITER});\n  app.use('/api/v2', ${LIMITER});\n  `, "'auth'", "@Version(['1', '2'])\n  ") },
    { name: 'URI versioning: prefix false puts the bare version in the path', code: versioned(`app.enableVersioning({ type: VersioningType.URI, prefix: false, defaultVersion: '1' });\n  app.use('/1/auth', ${LIMITER});\n  `) },
    { name: "URI versioning: prefix 'version-'", code: versioned(`app.enableVersioning({ type: VersioningType.URI, prefix: 'version-', defaultVersion: '1' });\n  app.use('/version-1/auth', ${LIMITER});\n  `) },
    { name: 'URI versioning: VERSION_NEUTRAL adds no segment', code: versioned(`${URI_V1}app.use('/api/auth', ${LIMITER});\n  `, "{ path: 'auth', version: VERSION_NEUTRAL }") },
    { name: 'header versioning does not change the paths', code: versioned(`app.enableVersioning({ type: VersioningType.HEADER, header: 'X-Version', defaultVersion: '1' });\n  app.use('/auth', ${LIMITER});\n  `) },
    { name: 'versioning options that are not read: the paths are unknown, nothing is said', code: versioned('app.enableVersioning(config.versioning);\n  ') },
    { name: 'a default version from the environment: the paths are unknown, nothing is said', code: versioned('app.enableVersioning({ type: VersioningType.URI, defaultVersion: process.env.API_VERSION! });\n  ') },
    { name: 'a versioning type that is not read: the paths of a versioned route are unknown, nothing is said', code: versioned("app.enableVersioning({ type: config.type, defaultVersion: '1' });\n  ") },
    { name: 'a Fastify app is not Express', code: app({}).replace('NestFactory.create(AppModule)', 'NestFactory.create<NestFastifyApplication>(AppModule)') },
    { name: 'a prefix that is not a static string gives no path', code: app({}).replace("@Controller('auth')", '@Controller(prefix)').replace('class LoginDto', "const prefix = process.env.PREFIX ?? 'auth';\nclass LoginDto") },
    // Session 19 (branch nest19): arrays of paths, one route per path.
    { name: "@Controller(['auth', 'account']): a limiter mounted on each prefix runs before each route", code: manyPaths("['auth', 'account']", "'login'", ['/auth', '/account']) },
    { name: "@Post(['login', 'signin']): a limiter mounted on each path", code: manyPaths("'auth'", "['login', 'signin']", ['/auth/login', '/auth/signin']) },
    { name: 'an array of paths with an element that is not static: the paths are unknown, nothing is said', code: manyPaths("['auth', prefix]", "'login'", [], 'declare const prefix: string;\n') },
    { name: 'an array of paths with a spread: the paths are unknown, nothing is said', code: manyPaths("['auth', ...more]", "'login'", [], 'declare const more: string[];\n') },
    // Session 19 (branch nest19): setGlobalPrefix's exclude.
    { name: "exclude: { path, method: RequestMethod.POST } serves the login without the prefix: a limiter on /auth runs", code: prefixed("{ exclude: [{ path: 'auth/login', method: RequestMethod.POST }] }", '/auth') },
    { name: 'exclude: a string of every method, case aside', code: prefixed("{ exclude: ['health', 'Auth/Login'] }", '/auth/login') },
    { name: 'exclude: a plain parameter matches the segment as written', code: prefixed("{ exclude: ['auth/:action'] }", '/auth') },
    { name: 'exclude: RequestMethod.ALL', code: prefixed("{ exclude: [{ path: 'auth/login', method: RequestMethod.ALL }] }", '/auth') },
    { name: 'exclude: a const list of the file', code: prefixed('{ exclude: EXCLUDED }', '/auth', "const EXCLUDED = ['auth/login'];\n") },
    { name: 'exclude: a list that is not read: the prefix of every route is unknown, nothing is said', code: prefixed('{ exclude: config.excluded }') },
    { name: 'exclude: an element that is not read: nothing is said', code: prefixed("{ exclude: ['health', config.path] }") },
    { name: 'exclude: a wildcard may match: nothing is said', code: prefixed("{ exclude: ['auth/*'] }") },
    { name: 'exclude: a method that is not RequestMethod.X is not read: nothing is said', code: prefixed("{ exclude: [{ path: 'auth/login', method: 'POST' }] }") },
    { name: 'options that are not read: nothing is said', code: prefixed('options') },
    {
      name: 'paths from constants: a limiter mounted on the path that a const object property and an enum member evaluate to',
      code: constantPaths('ROUTES.AUTH', 'AuthRoutes.Login', `${ROUTE_CONSTANTS}\nimport { rateLimit } from 'express-rate-limit';`, "app.use('/auth/login', rateLimit({ windowMs: 60_000, limit: 5 }));\n  "),
    },
    {
      name: 'paths from constants: a global prefix of a const, and a limiter on it',
      code: constantPaths("{ path: ROUTES.AUTH }", "`${AuthRoutes.Login}`", `${ROUTE_CONSTANTS}\nconst API = 'api';\nimport { rateLimit } from 'express-rate-limit';`, "app.setGlobalPrefix(API);\n  app.use(`/${API}`, rateLimit({ windowMs: 60_000, limit: 5 }));\n  "),
    },
    { name: 'paths from constants: a let prefix stays unknown', code: constantPaths('prefix', "'login'", "let prefix = 'auth';\nif (process.env.V2) prefix = 'v2/auth';") },
    { name: 'a route with neither prefix nor path is /', code: app({}).replace("@Controller('auth')", '@Controller()').replace("@Post('login')", '@Post()') },
    {
      name: 'decorators of another framework are not NestJS routes',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { Controller, Post } from 'routing-controllers';
        @Controller('/auth')
        class AuthController {
          @Post('/login')
          login() {}
        }
        async function bootstrap() {
          const app = await NestFactory.create(AuthController);
          await app.listen(3000);
        }
      `,
    },
    {
      name: 'odd NestJS input does not crash',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { Controller, Post, Module } from '@nestjs/common';
        @Controller(...parts)
        class A {
          @Post(...more)
          login() {}
          @Post('login')
          static other() {}
          @Post('login') field = 1;
        }
        @Module(options)
        class M {}
        @Module({ imports: [...mods], providers: [x, ...y] })
        class N {}
        const B = Controller('auth')(class {});
        async function bootstrap() {
          const app = await NestFactory.create();
          const other = await NestFactory.create(...args);
          await app.listen(3000);
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'a login route of a one-file Nest app without throttling',
      code: app({}),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' }, line: 12, column: 9 }],
    },
    {
      name: '@SkipThrottle() takes the route out of the global ThrottlerGuard',
      code: app({ providers: '{ provide: APP_GUARD, useClass: ThrottlerGuard }', method: '@SkipThrottle()\n  ' }),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' }, line: 13 }],
    },
    {
      name: '@SkipThrottle() on the controller',
      code: app({ controller: '@SkipThrottle()\n', bootstrap: 'app.useGlobalGuards(new ThrottlerGuard());\n  ' }),
      output: null,
      errors: [{ messageId: 'missing', line: 13 }],
    },
    {
      name: 'a path given as an object: @Controller({ path, host })',
      code: app({}).replace("@Controller('auth')", "@Controller({ path: 'auth', host: 'api.example.com' })"),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' } }],
    },
    {
      name: 'a limiter mounted on another path does not run for the route',
      code: app({ bootstrap: "app.use('/api', rateLimit({ windowMs: 60_000, limit: 5 }));\n  " }).replace('class LoginDto', "import { rateLimit } from 'express-rate-limit';\nclass LoginDto"),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' } }],
    },
    {
      name: 'a limiter mounted after the app started does not run first',
      code: app({}).replace('await app.listen(3000);', "await app.listen(3000);\n  app.use(rateLimit({ windowMs: 60_000, limit: 5 }));").replace('class LoginDto', "import { rateLimit } from 'express-rate-limit';\nclass LoginDto"),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' } }],
    },
    {
      name: 'paths from constants: @Controller(ROUTES.AUTH) of a const object and @Post(AuthRoutes.Login) of an enum name the route',
      code: constantPaths('ROUTES.AUTH', 'AuthRoutes.Login', ROUTE_CONSTANTS),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' }, line: 14, column: 9 }],
    },
    {
      name: 'paths from constants: a template of a const, a global prefix of a const; a limiter on another path does not run',
      code: constantPaths('`${BASE}/auth`', "'login'", "const BASE = 'v1';\nconst API = 'api';\nimport { rateLimit } from 'express-rate-limit';", "app.setGlobalPrefix(API);\n  app.use('/v1', rateLimit({ windowMs: 60_000, limit: 5 }));\n  "),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/v1/auth/login', app: 'AuthController' }, line: 15 }],
    },
    // Trial 23 r2: URI versioning.
    {
      name: 'URI versioning: the default version is in the path, a limiter on /api/auth (never matched) does not run',
      code: versioned(`${URI_V1}app.use('/api/auth', ${LIMITER});\n  `),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/v1/auth/login', app: 'AuthController' }, line: 13, column: 11 }],
    },
    {
      name: 'URI versioning: @Controller({ path, version }) names its version path',
      code: versioned('app.enableVersioning({ type: VersioningType.URI });\n  ', "{ path: 'auth', version: '2' }"),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/v2/auth/login', app: 'AuthController' }, line: 13, column: 11 }],
    },
    {
      name: "URI versioning: @Version('3') of the method wins over the controller's version",
      code: versioned(`${URI_V1}app.use('/api/v2', ${LIMITER});\n  `, "{ path: 'auth', version: '2' }", "@Version('3')\n  "),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/v3/auth/login', app: 'AuthController' }, line: 14, column: 7 }],
    },
    {
      name: 'URI versioning: a route of several versions names the one without a limiter',
      code: versioned(`app.enableVersioning();\n  app.use('/v1', ${LIMITER});\n  `, "'auth'", "@Version(['1', '2'])\n  "),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/v2/auth/login', app: 'AuthController' }, line: 14, column: 7 }],
    },
    {
      name: 'URI versioning: a default version list with VERSION_NEUTRAL, each path without a limiter',
      code: versioned(`app.enableVersioning({ type: VersioningType.URI, defaultVersion: [VERSION_NEUTRAL, '1', '2'] });\n  app.use('/v1', ${LIMITER});\n  `),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login, /v2/auth/login', app: 'AuthController' }, line: 13, column: 11 }],
    },
    {
      name: 'URI versioning without a version anywhere: no segment',
      code: versioned('app.enableVersioning({ type: VersioningType.URI });\n  '),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' }, line: 13, column: 11 }],
    },
    {
      name: 'a versioning type that is not read leaves an unversioned route as it is',
      code: versioned('app.enableVersioning({ type: config.type });\n  '),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' }, line: 13, column: 11 }],
    },
    {
      name: 'the global prefix is part of the path',
      code: app({ bootstrap: "app.setGlobalPrefix('api');\n  " }),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/auth/login', app: 'AuthController' } }],
    },
    // Session 19 (branch nest19): arrays of paths, one route per path.
    {
      name: "@Controller(['auth', 'account']): the route is served under each prefix",
      code: manyPaths("['auth', 'account']", "'login'"),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login, /account/login', app: 'AuthController' }, line: 13, column: 9 }],
    },
    {
      name: "@Controller(['auth', 'account']): a limiter mounted on one prefix leaves the other path unlimited",
      code: manyPaths("['auth', 'account']", "'login'", ['/auth']),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/account/login', app: 'AuthController' }, line: 13, column: 11 }],
    },
    {
      name: "@Controller({ path: ['auth', 'account'] })",
      code: manyPaths("{ path: ['auth', 'account'] }", "'login'", ['/account']),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' }, line: 13, column: 11 }],
    },
    {
      name: "@Post(['login', 'signin']): the path without a limiter is named",
      code: manyPaths("'auth'", "['login', 'signin']", ['/auth/login']),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/signin', app: 'AuthController' }, line: 13, column: 11 }],
    },
    {
      name: 'a const array of prefixes, each with each path',
      code: manyPaths('AUTH_PATHS', "['login', 'signin']", ['/auth'], "const AUTH_PATHS = ['auth', 'account'];\n"),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/account/login, /account/signin', app: 'AuthController' }, line: 14, column: 11 }],
    },
    // Session 19 (branch nest19): setGlobalPrefix's exclude.
    {
      name: 'exclude: the excluded login is served without the prefix, a limiter mounted on /api does not run for it',
      code: prefixed("{ exclude: [{ path: 'auth/login', method: RequestMethod.POST }] }", '/api'),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'AuthController' }, line: 14, column: 11 }],
    },
    {
      name: 'exclude: an element of another method leaves the route under the prefix',
      code: prefixed("{ exclude: [{ path: 'auth/login', method: RequestMethod.GET }] }", '/auth'),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/auth/login', app: 'AuthController' }, line: 14, column: 11 }],
    },
    {
      name: 'exclude: another path leaves the route under the prefix',
      code: prefixed("{ exclude: ['health', 'auth/login/extra', 'auth/:a/:b'] }", '/auth'),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/auth/login', app: 'AuthController' }, line: 14, column: 11 }],
    },
    {
      name: 'exclude with URI versioning: the path under the version is tested, the version segment stays',
      code: prefixed("{ exclude: ['auth/login'] }", '/api').replace('await app.listen', "app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });\n  await app.listen"),
      output: null,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/v1/auth/login', app: 'AuthController' }, line: 14, column: 11 }],
    },
  ],
});

runRuleTests('require-input-validation', requireInputValidation, {
  valid: [
    { name: 'a global ValidationPipe', code: app({ bootstrap: 'app.useGlobalPipes(new ValidationPipe({ whitelist: true }));\n  ' }) },
    { name: 'ValidationPipe as APP_PIPE', code: app({ providers: "{ provide: APP_PIPE, useValue: new ValidationPipe() }" }).replace('APP_GUARD }', 'APP_GUARD, APP_PIPE }') },
    { name: '@UsePipes(ValidationPipe) on the method', code: app({ method: '@UsePipes(ValidationPipe)\n  ' }) },
    { name: 'the parameter own pipe', code: app({ param: '@Body(new ValidationPipe()) body: LoginDto' }) },
    { name: 'a controller in its own file: global pipes live elsewhere, so nothing is said', code: controllerOnly },
  ],
  invalid: [
    {
      name: 'a one-file Nest app reads @Body() with no ValidationPipe',
      code: app({}),
      output: null,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/auth/login', app: 'AuthController', input: '@Body()' }, line: 13 }],
    },
    {
      name: 'paths from constants: the route is named by the path they evaluate to',
      code: constantPaths('ROUTES.AUTH', 'AuthRoutes.Login', ROUTE_CONSTANTS),
      output: null,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/auth/login', app: 'AuthController', input: '@Body()' }, line: 15 }],
    },
    {
      name: 'paths from constants: a let prefix leaves the full path unknown, the route is named by its own path as written',
      code: constantPaths('prefix', 'AuthRoutes.Login', `${ROUTE_CONSTANTS}\nlet prefix = 'auth';`),
      output: null,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: 'AuthRoutes.Login', app: 'AuthController', input: '@Body()' }, line: 16 }],
    },
    {
      name: "@Controller(['auth', 'account']): the unvalidated route is named by each of its paths (session 19, branch nest19)",
      code: manyPaths("['auth', 'account']", "'login'"),
      output: null,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/auth/login, /account/login', app: 'AuthController', input: '@Body()' }, line: 14 }],
    },
    {
      name: 'a pipe that does not validate',
      code: app({ param: "@Body('email', new TrimPipe()) body: string" }).replace('class LoginDto', 'class TrimPipe {}\nclass LoginDto'),
      output: null,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/auth/login', app: 'AuthController', input: "@Body('email', new TrimPipe())" }, line: 14 }],
    },
  ],
});
