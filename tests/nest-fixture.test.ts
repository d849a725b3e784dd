/**
 * A NestJS project on Express (tests/fixtures/projects/nest-login): a bootstrap (main.ts), a module and two
 * controllers in their own files, one login guarded by ThrottlerGuard and one not. The project model combines the
 * files (`nest-project.ts`): a controller's routes get the guards, pipes and middleware of the app that bootstraps
 * them. Each row of the table lints a copy of the project with some files changed, and asserts its exact findings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import { getExpressModel } from '../src/express';
import { mountMatches, nestProjectRoutes, nestSummaryOf, type NestFileSummary, type NestGuardSummary } from '../src/express/nest-project';

import { fixture, lintFixtureCopy as lintCopy, type FixtureChanges as Changes } from './helpers/projects';

const project = fixture('nest-login');
const files = ['src/main.ts', 'src/app.module.ts', 'src/auth.controller.ts', 'src/admin.controller.ts'];

const CORS = 'src/main.ts:12:20 no-permissive-cors';
const UNGUARDED_LOGIN = 'src/auth.controller.ts:11:9 require-rate-limit';

/** `AppModule` importing a module of another file that registers `ThrottlerGuard` for every route. */
const GUARD_MODULE = `import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';

@Module({ providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })
export class SecurityModule {}
`;
const importsSecurity = (text: string): string =>
  text
    .replace("import { ThrottlerModule } from '@nestjs/throttler';", "import { ThrottlerModule } from '@nestjs/throttler';\nimport { SecurityModule } from './security.module';")
    .replace('imports: [', 'imports: [SecurityModule, ');
/** `SecurityModule` (no guard of its own) with a `static forRoot(options)` whose body is `body`. */
const dynamicSecurity = (body: string): string =>
  GUARD_MODULE.replace('@Module({ providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })', '@Module({})').replace(
    'export class SecurityModule {}',
    `export class SecurityModule {\n  static forRoot(options: any = {}) {\n    ${body}\n  }\n}`,
  );
const importsSecurityForRoot = (text: string): string => importsSecurity(text).replace('imports: [SecurityModule, ', 'imports: [SecurityModule.forRoot(), ');
const withRouterModule = (routes: string) => (text: string): string =>
  text
    .replace("import { ThrottlerModule } from '@nestjs/throttler';", "import { ThrottlerModule } from '@nestjs/throttler';\nimport { RouterModule } from '@nestjs/core';")
    .replace('imports: [', `imports: [RouterModule.register(${routes}), `);
const withoutHelmet = (text: string): string => text.replace("import helmet from 'helmet';\n", '').replace('  app.use(helmet());\n', '');
const withoutGlobalPipe = (text: string): string => text.replace('  app.useGlobalPipes(new ValidationPipe());\n', '');
const sessionLogin = (text: string): string =>
  text
    .replace("import { Body, Controller, Post } from '@nestjs/common';", "import { Body, Controller, Post, Req } from '@nestjs/common';\nimport type { Request } from 'express';")
    .replace('login(@Body() dto: LoginDto) {\n    return', "login(@Body() dto: LoginDto, @Req() req: Request) {\n    req.session.user = dto.email;\n    return");
const mountsSession = (text: string): string =>
  text
    .replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport session from 'express-session';")
    .replace('  app.use(helmet());', '  app.use(helmet());\n  app.use(session({ secret: process.env.SECRET! }));');

/** main.ts serving `POST /auth/login` without its global prefix (session 19, branch nest19). */
const excludesLogin = (text: string): string =>
  text
    .replace("import { ValidationPipe } from '@nestjs/common';", "import { RequestMethod, ValidationPipe } from '@nestjs/common';")
    .replace("app.setGlobalPrefix('api');", "app.setGlobalPrefix('api', { exclude: ['health', { path: 'auth/login', method: RequestMethod.POST }] });");

/** `AppModule` as a `NestModule` whose `configure(consumer)` runs `body`, with the `imports` its file needs. */
const configures = (imports: string, body: string) => (text: string): string =>
  text
    .replace("import { Module } from '@nestjs/common';", `import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';\n${imports}`)
    .replace('export class AppModule {}', `export class AppModule implements NestModule {\n  configure(consumer: MiddlewareConsumer) {\n    ${body}\n  }\n}`);

/** A file of route constants, and the controller naming its paths with them (session 15, branch paths2). */
const ROUTE_CONSTANTS = "export const ROUTES = { AUTH: 'auth', ADMIN: 'admin' } as const;\n\nexport enum AuthRoutes {\n  Login = 'login',\n}\n";
const constantDecorators = (text: string): string =>
  text
    .replace("import { Body, Controller, Post } from '@nestjs/common';", "import { Body, Controller, Post } from '@nestjs/common';\n\nimport { AuthRoutes, ROUTES } from './routes';")
    .replace("@Controller('auth')", '@Controller(ROUTES.AUTH)')
    .replace("@Post('login')", '@Post(AuthRoutes.Login)');
const CONSTANT_LOGIN = 'src/auth.controller.ts:13:9 require-rate-limit';

/** Only the findings of the rules a row is about (strict reports the session's cookie settings too). */
const only = (rules: readonly string[]) => (found: string[]) => found.filter((f) => rules.some((rule) => f.endsWith(` ${rule}`)));

/** One row: the changes to the fixture, and the exact findings (`file:line:column rule`, sorted). */
interface Case {
  name: string;
  changes?: Changes;
  crossFile?: boolean;
  filter?: (found: string[]) => string[];
  expected: string[];
  /** The message of one finding. */
  message?: [string, string];
}

/** Lints each row's copy of the fixture project `name` under strict, and asserts its exact findings. */
function describeRows(name: string, rows: readonly Case[], about = ''): void {
  describe(`NestJS fixture project (tests/fixtures/projects/${name}) under strict${about}`, () => {
    it.each(rows)('$name', async ({ changes = {}, crossFile = true, filter = (found: string[]) => found, expected, message }) => {
      const { list, messages } = await lintCopy(name, changes, crossFile);
      expect(filter(list)).toEqual(expected);
      if (message) expect(messages.get(message[0])).toBe(message[1]);
    });
  });
}

const cases: Case[] = [
  {
    name: 'the unguarded login of another controller file is reported, the guarded one is not',
    expected: [UNGUARDED_LOGIN, CORS],
    message: [
      UNGUARDED_LOGIN,
      "Authentication route 'POST /api/auth/login' on 'AuthController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    ],
  },
  { name: 'crossFile: false: a controller alone does not show its guards, nothing is said', crossFile: false, expected: [CORS] },
  {
    name: 'an APP_GUARD ThrottlerGuard in a module that the root module imports limits every route',
    changes: { 'src/security.module.ts': GUARD_MODULE, 'src/app.module.ts': importsSecurity },
    expected: [CORS],
  },
  {
    name: 'RouterModule.register([...]) puts the module path before its controllers\' routes',
    changes: { 'src/app.module.ts': withRouterModule("[{ path: 'v1', module: AppModule }]") },
    expected: [UNGUARDED_LOGIN, CORS],
    message: [UNGUARDED_LOGIN, "Authentication route 'POST /api/v1/auth/login' on 'AuthController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist."],
  },
  {
    name: "RouterModule children: a child's path follows its parent's",
    changes: { 'src/app.module.ts': withRouterModule("[{ path: 'v1', children: [{ path: 'site', module: AppModule }] }]") },
    expected: [UNGUARDED_LOGIN, CORS],
    message: [UNGUARDED_LOGIN, "Authentication route 'POST /api/v1/site/auth/login' on 'AuthController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist."],
  },
  {
    name: 'a RouterModule path that is not a literal: the full paths are unknown, nothing is said',
    changes: { 'src/app.module.ts': withRouterModule('[{ path: process.env.API_PATH!, module: AppModule }]') },
    expected: [CORS],
  },
  // Session 15 (branch paths2): decorator paths are read as Express paths are (`staticText`), with constants of other
  // files through the whole-app model.
  {
    name: 'paths from constants of another file: @Controller(ROUTES.AUTH) of a const object and @Post(AuthRoutes.Login) of an enum name the login',
    changes: { 'src/routes.ts': ROUTE_CONSTANTS, 'src/auth.controller.ts': constantDecorators },
    expected: [CONSTANT_LOGIN, CORS],
    message: [CONSTANT_LOGIN, "Authentication route 'POST /api/auth/login' on 'AuthController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist."],
  },
  {
    name: 'paths from constants of another file: a limiter main.ts mounts on the path they evaluate to runs for the login',
    changes: {
      'src/routes.ts': ROUTE_CONSTANTS,
      'src/auth.controller.ts': constantDecorators,
      'src/main.ts': (text) =>
        text
          .replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';")
          .replace('  app.use(helmet());', "  app.use(helmet());\n  app.use('/api/auth/login', rateLimit({ limit: 5 }));"),
    },
    expected: ['src/main.ts:14:20 no-permissive-cors'],
  },
  {
    name: 'paths from constants of another file: an `export let` prefix leaves the path unknown, nothing is said',
    changes: { 'src/routes.ts': ROUTE_CONSTANTS.replace('export const ROUTES', 'export let ROUTES'), 'src/auth.controller.ts': constantDecorators },
    expected: [CORS],
  },
  {
    name: 'paths from constants of another file: crossFile: false, nothing is said',
    changes: { 'src/routes.ts': ROUTE_CONSTANTS, 'src/auth.controller.ts': constantDecorators },
    crossFile: false,
    expected: [CORS],
  },
  {
    name: 'an APP_GUARD made by a factory (useFactory) is not known: nothing is said',
    changes: {
      'src/security.module.ts': GUARD_MODULE.replace('useClass: ThrottlerGuard', 'useFactory: () => makeGuard(), inject: []'),
      'src/app.module.ts': importsSecurity,
    },
    expected: [CORS],
  },
  {
    name: "a provider held in a const of the module's file is read: a guard that is no limiter leaves the login unthrottled",
    changes: {
      'src/security.module.ts': GUARD_MODULE.replace(
        '@Module({ providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })',
        'class RolesGuard {}\nconst roles = { provide: APP_GUARD, useClass: RolesGuard };\n\n@Module({ providers: [roles] })',
      ),
      'src/app.module.ts': importsSecurity,
    },
    expected: [UNGUARDED_LOGIN, CORS],
  },
  {
    name: '@SkipThrottle() on the login turns the global throttler off for it',
    changes: {
      'src/security.module.ts': GUARD_MODULE,
      'src/app.module.ts': importsSecurity,
      'src/auth.controller.ts': (text) =>
        text
          .replace("import { Body, Controller, Post } from '@nestjs/common';", "import { Body, Controller, Post } from '@nestjs/common';\nimport { SkipThrottle } from '@nestjs/throttler';")
          .replace("  @Post('login')", "  @SkipThrottle()\n  @Post('login')"),
    },
    expected: ['src/auth.controller.ts:13:9 require-rate-limit', CORS],
  },
  {
    name: 'app.useGlobalGuards(new ThrottlerGuard(...)) in main.ts limits every route',
    changes: {
      'src/main.ts': (text) =>
        text
          .replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { ThrottlerGuard } from '@nestjs/throttler';")
          .replace('  app.use(helmet());', '  app.use(helmet());\n  app.useGlobalGuards(new ThrottlerGuard({ throttlers: [] }, storage, reflector));'),
    },
    expected: ['src/main.ts:14:20 no-permissive-cors'],
  },
  {
    name: "app.useGlobalGuards(app.get(ThrottlerGuard)): the container's instance limits every route",
    changes: {
      'src/main.ts': (text) =>
        text
          .replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { ThrottlerGuard } from '@nestjs/throttler';")
          .replace('  app.use(helmet());', '  app.use(helmet());\n  app.useGlobalGuards(app.get(ThrottlerGuard));'),
    },
    expected: ['src/main.ts:14:20 no-permissive-cors'],
  },
  {
    name: 'app.useGlobalGuards(app.get(AuthGuard)): another class of the container is no limiter',
    changes: {
      'src/main.ts': (text) => text.replace('  app.use(helmet());', '  app.use(helmet());\n  app.useGlobalGuards(app.get(AuthGuard));'),
    },
    expected: ['src/auth.controller.ts:11:9 require-rate-limit', 'src/main.ts:13:20 no-permissive-cors'],
  },
  {
    name: '@Throttle({...}) on the login counts as its limiter',
    changes: {
      'src/auth.controller.ts': (text) =>
        text
          .replace("import { Body, Controller, Post } from '@nestjs/common';", "import { Body, Controller, Post } from '@nestjs/common';\nimport { Throttle } from '@nestjs/throttler';")
          .replace("  @Post('login')", "  @Throttle({ default: { limit: 5, ttl: 60_000 } })\n  @Post('login')"),
    },
    expected: [CORS],
  },
  {
    name: 'a module imported by a path alias that does not resolve: the guards are unknown, nothing is said',
    changes: {
      'src/app.module.ts': (text) =>
        text
          .replace("import { ThrottlerModule } from '@nestjs/throttler';", "import { ThrottlerModule } from '@nestjs/throttler';\nimport { CoreModule } from 'src/core/core.module';")
          .replace('imports: [', 'imports: [CoreModule, '),
    },
    expected: [CORS],
  },
  {
    name: "a module of an installed package (LoggerModule.forRoot() of nestjs-pino) registers none of the app's guards",
    changes: {
      'node_modules/nestjs-pino/package.json': '{ "name": "nestjs-pino", "version": "4.0.0" }\n',
      'src/app.module.ts': (text) =>
        text
          .replace("import { ThrottlerModule } from '@nestjs/throttler';", "import { ThrottlerModule } from '@nestjs/throttler';\nimport { LoggerModule } from 'nestjs-pino';")
          .replace('imports: [', 'imports: [LoggerModule.forRoot(), '),
    },
    expected: [UNGUARDED_LOGIN, CORS],
  },
  {
    name: 'a dynamic module of the app (SecurityModule.forRoot()) that returns an APP_GUARD ThrottlerGuard limits every route',
    changes: { 'src/security.module.ts': dynamicSecurity('return { module: SecurityModule, providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] };'), 'src/app.module.ts': importsSecurityForRoot },
    expected: [CORS],
  },
  {
    name: 'a return of a function nested in the static method is not the method\'s: its one return is read (no guard: the login is unthrottled)',
    changes: {
      'src/security.module.ts': dynamicSecurity(
        'const limits = () => {\n      return [];\n    };\n    class Local {\n      m() {\n        return 1;\n      }\n    }\n    return { module: SecurityModule, providers: [] };',
      ),
      'src/app.module.ts': importsSecurityForRoot,
    },
    expected: [UNGUARDED_LOGIN, CORS],
  },
  {
    name: 'three returns: unknown, nothing is said',
    changes: {
      'src/security.module.ts': dynamicSecurity(
        'if (options.a) {\n      return { module: SecurityModule };\n    }\n    if (options.b) {\n      return { module: SecurityModule };\n    }\n    return { module: SecurityModule, providers: [] };',
      ),
      'src/app.module.ts': importsSecurityForRoot,
    },
    expected: [CORS],
  },
  {
    name: 'one that returns no guard leaves the login unthrottled',
    changes: { 'src/security.module.ts': dynamicSecurity('return { module: SecurityModule, providers: [] };'), 'src/app.module.ts': importsSecurityForRoot },
    expected: [UNGUARDED_LOGIN, CORS],
  },
  {
    name: 'the controllers a dynamic module returns are routes of the app',
    changes: {
      'src/security.module.ts': dynamicSecurity('return { module: SecurityModule, controllers: [AuthController] };').replace("import { Module } from '@nestjs/common';", "import { Module } from '@nestjs/common';\nimport { AuthController } from './auth.controller';"),
      'src/app.module.ts': (text) => importsSecurityForRoot(text).replace('controllers: [AuthController, AdminController]', 'controllers: [AdminController]'),
    },
    expected: [UNGUARDED_LOGIN, CORS],
  },
  ...[
    ['providers it is given (a parameter)', 'return { module: SecurityModule, providers: options.providers };'],
    ['a spread', 'return { ...options, module: SecurityModule };'],
    ['two returns', 'if (options.strict) {\n      return { module: SecurityModule };\n    }\n    return { module: SecurityModule, providers: options.providers };'],
    ['another module class', 'return { module: options.module };'],
    ['an object built elsewhere', 'return makeModule(options);'],
  ].map(([what, body]) => ({
    name: `a dynamic module of the app whose static method returns ${what}: its guards are unknown, nothing is said`,
    changes: { 'src/security.module.ts': dynamicSecurity(body!), 'src/app.module.ts': importsSecurityForRoot },
    expected: [CORS],
  })),
  {
    name: 'a static method the module does not declare: unknown, nothing is said',
    changes: { 'src/security.module.ts': dynamicSecurity('return { module: SecurityModule };'), 'src/app.module.ts': (text) => importsSecurity(text).replace('imports: [SecurityModule, ', 'imports: [SecurityModule.register(), ') },
    expected: [CORS],
  },
  {
    name: 'forwardRef(() => SecurityModule) is that module: followed, it registers no guard',
    changes: {
      'src/security.module.ts': GUARD_MODULE.replace("@Module({ providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })", '@Module({})'),
      'src/app.module.ts': (text) =>
        importsSecurity(text)
          .replace("import { Module } from '@nestjs/common';", "import { forwardRef, Module } from '@nestjs/common';")
          .replace('imports: [SecurityModule, ', 'imports: [forwardRef(() => SecurityModule), '),
    },
    expected: [UNGUARDED_LOGIN, CORS],
  },
  {
    name: 'a rate limiter that a module applies in configure(consumer) counts for its routes',
    changes: {
      'src/app.module.ts': configures("import { rateLimit } from 'express-rate-limit';", 'consumer.apply(rateLimit({ limit: 5 })).forRoutes(AuthController);'),
    },
    expected: [CORS],
  },
  ...(
    [
      ['a path that names another controller', "forRoutes('users')", true],
      ["the controller's path (under the global prefix)", "forRoutes('auth')", false],
      ['the route by path and method', "forRoutes({ path: 'auth/login', method: RequestMethod.POST })", false],
      ['the path with another method', "forRoutes({ path: 'auth/login', method: RequestMethod.GET })", true],
      ['another controller class', 'forRoutes(AdminController)', true],
      ['every route but the login (exclude)', "exclude('auth/login').forRoutes('*')", true],
      ['every route but the login by method (exclude)', "exclude({ path: 'auth/login', method: RequestMethod.POST }).forRoutes('*')", true],
      ['every route but another method on the login path (exclude)', "exclude({ path: 'auth/login', method: RequestMethod.GET }).forRoutes('*')", false],
      ['every route but a pattern (may not exclude the login)', "exclude('auth/(.*)').forRoutes('*')", false],
      ['routes it does not read (a spread): they may include the login', 'forRoutes(...routes)', false],
      ['an exclusion it does not read: nothing is taken as excluded', "exclude(excluded).forRoutes('*')", false],
      ['an imported value that is no controller: not read', 'forRoutes(LOGIN_ROUTES)', false],
      ['a wildcard pattern', "forRoutes('auth/*path')", false],
      ['a chain: the limiter of the second apply', "forRoutes('users').apply(rateLimit({ limit: 5 })).forRoutes('auth')", false],
      ['a chain, on other paths each', "forRoutes('users').apply(rateLimit({ limit: 5 })).forRoutes('admin')", true],
    ] as const
  ).map(([what, routes, reported]) => ({
    name: `a rate limiter a module applies with ${what}: the login is ${reported ? '' : 'not '}reported`,
    changes: {
      'src/app.module.ts': configures(
        "import { RequestMethod } from '@nestjs/common';\nimport { rateLimit } from 'express-rate-limit';\nimport { LOGIN_ROUTES } from './routes';\ndeclare const routes: string[];\ndeclare const excluded: string;",
        `consumer.apply(rateLimit({ limit: 5 })).${routes};`,
      ),
      'src/routes.ts': "export const LOGIN_ROUTES = ['auth/login'];\n",
    },
    expected: reported ? [UNGUARDED_LOGIN, CORS] : [CORS],
  })),
  {
    name: 'helmet() a module applies for some routes only still counts for the app-wide rules (as app.use(path, helmet()) does)',
    changes: {
      'src/main.ts': withoutHelmet,
      'src/app.module.ts': configures("import helmet from 'helmet';", "consumer.apply(helmet()).forRoutes('users');"),
    },
    expected: [UNGUARDED_LOGIN, 'src/main.ts:10:20 no-permissive-cors'],
  },
  {
    name: 'a module that hands its consumer to a helper: what it applies is unknown, nothing is said',
    changes: {
      'src/app.module.ts': configures("import { applyMiddleware } from './middleware';", 'applyMiddleware(consumer);'),
      'src/middleware.ts': "import type { MiddlewareConsumer } from '@nestjs/common';\n\nexport function applyMiddleware(consumer: MiddlewareConsumer) {\n  consumer.apply().forRoutes('*');\n}\n",
    },
    expected: [CORS],
  },
  {
    name: 'a module whose configure applies only a logger: the login is still unthrottled',
    changes: {
      'src/app.module.ts': configures("import morgan from 'morgan';", "consumer.apply(morgan('tiny')).forRoutes('*');"),
    },
    expected: [UNGUARDED_LOGIN, CORS],
  },
  {
    name: 'no helmet in main.ts nor in a module: the app-wide header rules report the bootstrap',
    changes: { 'src/main.ts': withoutHelmet },
    // (helmet's HSTS was the sign of HTTPS that strict's require-https accepted)
    expected: [UNGUARDED_LOGIN, 'src/main.ts:10:20 no-permissive-cors', 'src/main.ts:11:9 require-https', 'src/main.ts:7:21 disable-x-powered-by', 'src/main.ts:7:21 require-helmet'],
  },
  {
    name: 'helmet() that a module applies in configure(consumer) counts for the app of main.ts',
    changes: {
      'src/main.ts': withoutHelmet,
      'src/app.module.ts': configures("import helmet from 'helmet';", "consumer.apply(helmet()).forRoutes('*');"),
    },
    expected: [UNGUARDED_LOGIN, 'src/main.ts:10:20 no-permissive-cors'],
  },
  {
    name: 'without the global ValidationPipe the DTO bodies are unvalidated',
    changes: { 'src/main.ts': withoutGlobalPipe },
    expected: ['src/admin.controller.ts:10:17 require-input-validation', UNGUARDED_LOGIN, 'src/auth.controller.ts:12:17 require-input-validation', 'src/main.ts:11:20 no-permissive-cors'],
  },
  {
    name: 'an APP_PIPE ValidationPipe provider validates every route',
    changes: {
      'src/main.ts': withoutGlobalPipe,
      'src/app.module.ts': (text) =>
        text
          .replace("import { Module } from '@nestjs/common';", "import { Module, ValidationPipe } from '@nestjs/common';\nimport { APP_PIPE } from '@nestjs/core';")
          .replace('  controllers: [AuthController, AdminController],', '  controllers: [AuthController, AdminController],\n  providers: [{ provide: APP_PIPE, useValue: new ValidationPipe() }],'),
    },
    filter: only(['require-input-validation']),
    expected: [],
  },
  {
    name: 'a session mounted in main.ts and no CSRF protection: the login that writes the session is reported',
    changes: { 'src/main.ts': mountsSession, 'src/auth.controller.ts': sessionLogin },
    filter: only(['require-csrf-protection']),
    expected: ['src/auth.controller.ts:12:9 require-csrf-protection'],
  },
  {
    name: 'a @Session() parameter trusts the session too',
    changes: {
      'src/main.ts': mountsSession,
      'src/auth.controller.ts': (text) =>
        text
          .replace("import { Body, Controller, Post } from '@nestjs/common';", "import { Body, Controller, Post, Session } from '@nestjs/common';")
          .replace('login(@Body() dto: LoginDto) {\n    return', 'login(@Body() dto: LoginDto, @Session() session: Record<string, unknown>) {\n    session.user = dto.email;\n    return'),
    },
    filter: only(['require-csrf-protection']),
    expected: ['src/auth.controller.ts:11:9 require-csrf-protection'],
  },
  {
    name: 'CSRF middleware mounted in main.ts protects the controllers',
    changes: {
      'src/main.ts': (text) =>
        mountsSession(text)
          .replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { doubleCsrf } from 'csrf-csrf';")
          .replace('  app.useGlobalPipes', '  const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.SECRET! });\n  app.use(doubleCsrfProtection);\n  app.useGlobalPipes'),
      'src/auth.controller.ts': sessionLogin,
    },
    filter: only(['require-csrf-protection']),
    expected: [],
  },
  {
    name: 'crossFile: false: the session of main.ts is not seen from the controller',
    changes: { 'src/main.ts': mountsSession, 'src/auth.controller.ts': sessionLogin },
    crossFile: false,
    filter: only(['require-csrf-protection']),
    expected: [],
  },
  // Session 19 (branch nest19): setGlobalPrefix's exclude, and arrays of paths, across files.
  {
    name: "setGlobalPrefix('api', { exclude }): the excluded login is served without the prefix",
    changes: { 'src/main.ts': excludesLogin },
    expected: [UNGUARDED_LOGIN, CORS],
    message: [UNGUARDED_LOGIN, "Authentication route 'POST /auth/login' on 'AuthController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist."],
  },
  {
    name: 'setGlobalPrefix exclude: a limiter main.ts mounts on /api does not run for the excluded login',
    changes: { 'src/main.ts': (text) => excludesLogin(text).replace('  app.use(helmet());', "  app.use(helmet());\n  app.use('/api', rateLimit({ limit: 5 }));").replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';") },
    expected: ['src/auth.controller.ts:11:9 require-rate-limit', 'src/main.ts:14:20 no-permissive-cors'],
  },
  ...(
    [
      ['a path under the prefix (the excluded login is not under it)', "forRoutes('auth')", true],
      ['the excluded path itself (registered without the prefix)', "forRoutes({ path: 'auth/login', method: RequestMethod.POST })", false],
      ['a wildcard (it runs on the excluded routes too)', "forRoutes('*')", false],
    ] as const
  ).map(([what, routes, reported]) => ({
    name: `setGlobalPrefix exclude: a rate limiter a module applies with ${what}: the login is ${reported ? '' : 'not '}reported`,
    changes: {
      'src/main.ts': excludesLogin,
      'src/app.module.ts': configures("import { RequestMethod } from '@nestjs/common';\nimport { rateLimit } from 'express-rate-limit';", `consumer.apply(rateLimit({ limit: 5 })).${routes};`),
    },
    expected: reported ? [UNGUARDED_LOGIN, CORS] : [CORS],
  })),
  {
    name: 'setGlobalPrefix exclude from config: the prefix of every route is unknown, nothing is said',
    changes: { 'src/main.ts': (text) => text.replace("app.setGlobalPrefix('api');", "app.setGlobalPrefix('api', { exclude: config.excluded });").replace('async function', 'declare const config: { excluded: string[] };\nasync function') },
    expected: ['src/main.ts:13:20 no-permissive-cors'],
  },
  {
    name: "@Controller(['auth', 'account']): the login is served under each prefix",
    changes: { 'src/auth.controller.ts': (text) => text.replace("@Controller('auth')", "@Controller(['auth', 'account'])") },
    expected: [UNGUARDED_LOGIN, CORS],
    message: [UNGUARDED_LOGIN, "Authentication route 'POST /api/auth/login, /api/account/login' on 'AuthController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist."],
  },
  {
    name: "@Controller(['auth', 'account']): a limiter main.ts mounts on one prefix leaves the other path unlimited",
    changes: {
      'src/auth.controller.ts': (text) => text.replace("@Controller('auth')", "@Controller(['auth', 'account'])"),
      'src/main.ts': (text) => text.replace('  app.use(helmet());', "  app.use(helmet());\n  app.use('/api/auth', rateLimit({ limit: 5 }));").replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';"),
    },
    expected: [UNGUARDED_LOGIN, 'src/main.ts:14:20 no-permissive-cors'],
    message: [UNGUARDED_LOGIN, "Authentication route 'POST /api/account/login' on 'AuthController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist."],
  },
  {
    name: "@Controller(['auth', 'account']): CSRF protection main.ts mounts on one prefix leaves the session login on the other unprotected",
    changes: {
      'src/auth.controller.ts': (text) => sessionLogin(text).replace("@Controller('auth')", "@Controller(['auth', 'account'])"),
      'src/main.ts': (text) =>
        mountsSession(text)
          .replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { doubleCsrf } from 'csrf-csrf';")
          .replace('  app.useGlobalPipes', "  const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.SECRET! });\n  app.use('/api/auth', doubleCsrfProtection);\n  app.useGlobalPipes"),
    },
    filter: only(['require-csrf-protection']),
    expected: ['src/auth.controller.ts:12:9 require-csrf-protection'],
    message: [
      'src/auth.controller.ts:12:9 require-csrf-protection',
      "Route 'POST /api/account/login' on 'AuthController (bootstrapped in src/main.ts)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.",
    ],
  },
  {
    name: "@Controller(['auth', 'account']): CSRF protection mounted on each prefix covers each path",
    changes: {
      'src/auth.controller.ts': (text) => sessionLogin(text).replace("@Controller('auth')", "@Controller(['auth', 'account'])"),
      'src/main.ts': (text) =>
        mountsSession(text)
          .replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { doubleCsrf } from 'csrf-csrf';")
          .replace('  app.useGlobalPipes', "  const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.SECRET! });\n  app.use(['/api/auth', '/api/account'], doubleCsrfProtection);\n  app.useGlobalPipes"),
    },
    filter: only(['require-csrf-protection']),
    expected: [],
  },
];

describeRows('nest-login', cases);

/** Trial 23 r5: an exception filter of its own file, registered in main.ts with `app.useGlobalFilters`. */
const FILTER = `import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: Error, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    response.status(500).json({ message: exception.message, stack: exception.stack });
  }
}
`;
const usesFilter = (text: string): string =>
  text
    .replace("import { AppModule } from './app.module';", "import { AllExceptionsFilter } from './all-exceptions.filter';\nimport { AppModule } from './app.module';")
    .replace('  app.useGlobalPipes(new ValidationPipe());', '  app.useGlobalPipes(new ValidationPipe());\n  app.useGlobalFilters(new AllExceptionsFilter());');
describeRows(
  'nest-login',
  [
    {
      name: "a filter that sends the exception's stack is reported in its own file",
      changes: { 'src/all-exceptions.filter.ts': FILTER, 'src/main.ts': usesFilter },
      filter: only(['no-error-details-in-response']),
      expected: ['src/all-exceptions.filter.ts:9:68 no-error-details-in-response'],
      message: [
        'src/all-exceptions.filter.ts:9:68 no-error-details-in-response',
        "Response sends the stack trace of 'exception': stack traces and internal error details tell an attacker about file paths, libraries, queries and data. Log it and send a generic message.",
      ],
    },
    {
      name: 'a filter that sends a generic body is not',
      changes: { 'src/all-exceptions.filter.ts': FILTER.replace('{ message: exception.message, stack: exception.stack }', "{ statusCode: 500, message: 'Internal server error' }"), 'src/main.ts': usesFilter },
      filter: only(['no-error-details-in-response']),
      expected: [],
    },
  ],
  ': exception filters (trial 23 r5)',
);

/**
 * Trial 23 r2: `main.ts` calling `app.enableVersioning(options)` after the global prefix, and mounting express-rate-limit
 * on `mount` when given (two lines more: the CORS finding moves to line 14, or 13 without a mount).
 */
const versionedMain = (options: string, mount?: string) => (text: string): string =>
  text
    .replace("import { ValidationPipe } from '@nestjs/common';", "import { ValidationPipe, VersioningType } from '@nestjs/common';\nimport { rateLimit } from 'express-rate-limit';")
    .replace("  app.setGlobalPrefix('api');", `  app.setGlobalPrefix('api');\n  app.enableVersioning(${options});${mount === undefined ? '' : `\n  app.use('${mount}', rateLimit({ limit: 5 }));`}`);
const URI_V1 = "{ type: VersioningType.URI, defaultVersion: '1' }";
const VERSIONED_CORS = 'src/main.ts:15:20 no-permissive-cors';
const loginMessage = (path: string): string =>
  `Authentication route 'POST ${path}' on 'AuthController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.`;

describeRows('nest-login', [
  {
    name: 'a limiter main.ts mounts on /api/v1/auth runs before the login of the default version, /api/v1/auth/login',
    changes: { 'src/main.ts': versionedMain(URI_V1, '/api/v1/auth') },
    expected: [VERSIONED_CORS],
  },
  {
    name: 'a limiter on /api/auth never runs for /api/v1/auth/login: the login is reported on its real path',
    changes: { 'src/main.ts': versionedMain(URI_V1, '/api/auth') },
    expected: [UNGUARDED_LOGIN, VERSIONED_CORS],
    message: [UNGUARDED_LOGIN, loginMessage('/api/v1/auth/login')],
  },
  {
    name: "the controller's version in its own file: @Controller({ path: 'auth', version: '2' })",
    changes: { 'src/main.ts': versionedMain(URI_V1, '/api/v1/auth'), 'src/auth.controller.ts': (text) => text.replace("@Controller('auth')", "@Controller({ path: 'auth', version: '2' })") },
    expected: [UNGUARDED_LOGIN, VERSIONED_CORS],
    message: [UNGUARDED_LOGIN, loginMessage('/api/v2/auth/login')],
  },
  {
    name: "@Version(['1', '2']) of the method: a chain for each path, the one without a limiter named",
    changes: {
      'src/main.ts': versionedMain('{ type: VersioningType.URI }', '/api/v1/auth'),
      'src/auth.controller.ts': (text) =>
        text.replace("import { Body, Controller, Post } from '@nestjs/common';", "import { Body, Controller, Post, Version } from '@nestjs/common';").replace("  @Post('login')", "  @Version(['1', '2'])\n  @Post('login')"),
    },
    expected: ['src/auth.controller.ts:12:9 require-rate-limit', VERSIONED_CORS],
    message: ['src/auth.controller.ts:12:9 require-rate-limit', loginMessage('/api/v2/auth/login')],
  },
  {
    name: 'the version comes before a RouterModule path',
    changes: { 'src/main.ts': versionedMain(URI_V1, '/api/v1/site'), 'src/app.module.ts': withRouterModule("[{ path: 'site', module: AppModule }]") },
    expected: [VERSIONED_CORS],
  },
  {
    name: 'the version comes before a RouterModule path: a limiter on /api/site does not run',
    changes: { 'src/main.ts': versionedMain(URI_V1, '/api/site'), 'src/app.module.ts': withRouterModule("[{ path: 'site', module: AppModule }]") },
    expected: [UNGUARDED_LOGIN, VERSIONED_CORS],
    message: [UNGUARDED_LOGIN, loginMessage('/api/v1/site/auth/login')],
  },
  {
    name: 'versioning options from config: the paths are unknown, nothing is said',
    changes: { 'src/main.ts': (text) => versionedMain('config.versioning', '/api/auth')(text).replace('async function bootstrap', 'declare const config: any;\n\nasync function bootstrap') },
    expected: ['src/main.ts:17:20 no-permissive-cors'],
  },
  {
    name: 'header versioning leaves the paths as they are: a limiter on /api/auth runs',
    changes: { 'src/main.ts': versionedMain("{ type: VersioningType.HEADER, header: 'X-API-Version', defaultVersion: '1' }", '/api/auth') },
    expected: [VERSIONED_CORS],
  },
  {
    name: 'versioning that a function of another file sets on the app (setupApp(app) in setup.ts) counts too',
    changes: {
      'src/main.ts': (text) =>
        text
          .replace("import { AppModule } from './app.module';", "import { AppModule } from './app.module';\nimport { setupApp } from './setup';")
          .replace("  app.setGlobalPrefix('api');", "  app.setGlobalPrefix('api');\n  setupApp(app);"),
      'src/setup.ts':
        "import type { INestApplication } from '@nestjs/common';\nimport { VersioningType } from '@nestjs/common';\n\nexport function setupApp(app: INestApplication): void {\n  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });\n}\n",
    },
    expected: [UNGUARDED_LOGIN, 'src/main.ts:14:20 no-permissive-cors'],
    message: [UNGUARDED_LOGIN, loginMessage('/api/v1/auth/login')],
  },
  {
    name: 'crossFile: false: the versioning of main.ts is not seen from the controller, nothing is said',
    changes: { 'src/main.ts': versionedMain(URI_V1, '/api/auth') },
    crossFile: false,
    expected: [VERSIONED_CORS],
  },
  ...(
    [
      ["forRoutes('auth'): the path under no version and under the default one", "forRoutes('auth')", false],
      ["forRoutes({ path: 'auth', version: '2' }): another version", "forRoutes({ path: 'auth', method: RequestMethod.ALL, version: '2' })", true],
      ["forRoutes({ path: 'auth', version: '1' }): the route's version", "forRoutes({ path: 'auth', method: RequestMethod.ALL, version: '1' })", false],
      ["exclude('auth/login'): the route under the default version too", "exclude('auth/login').forRoutes('*')", true],
      ["exclude({ path: 'auth/login', version: '2' }): another version, not the login", "exclude({ path: 'auth/login', method: RequestMethod.POST, version: '2' }).forRoutes('*')", false],
    ] as const
  ).map(([what, routes, reported]) => ({
    name: `a rate limiter a module applies with ${what}: the login is ${reported ? '' : 'not '}reported`,
    changes: {
      'src/main.ts': versionedMain(URI_V1),
      'src/app.module.ts': configures("import { RequestMethod } from '@nestjs/common';\nimport { rateLimit } from 'express-rate-limit';", `consumer.apply(rateLimit({ limit: 5 })).${routes};`),
    },
    expected: reported ? [UNGUARDED_LOGIN, 'src/main.ts:14:20 no-permissive-cors'] : ['src/main.ts:14:20 no-permissive-cors'],
  })),
], ': URI versioning (trial 23 r2)');

/**
 * tests/fixtures/projects/nest-crud: `UsersController` and `ItemsController` (each in its own file) extend the
 * abstract `CrudController` of crud.controller.ts, whose `@Post('login')` and `@Get(':id')` are routes of both
 * prefixes. ItemsController is throttled and validated by its class decorators; UsersController is not. Findings on
 * the inherited routes are reported in crud.controller.ts, where their code is.
 */
const CRUD = {
  csrf: 'src/crud.controller.ts:13:9 require-csrf-protection',
  login: 'src/crud.controller.ts:13:9 require-rate-limit',
  body: 'src/crud.controller.ts:14:17 require-input-validation',
  regenerate: 'src/crud.controller.ts:15:5 require-session-regenerate',
  param: 'src/crud.controller.ts:20:20 require-input-validation',
  sql: 'src/crud.controller.ts:21:34 no-sql-injection',
  store: 'src/main.ts:10:19 no-memory-session-store',
};
/** An own `@Post('signin')` route in users.controller.ts. */
const usersSignin = (text: string): string =>
  text
    .replace("import { Controller } from '@nestjs/common';", "import { Body, Controller, Post } from '@nestjs/common';")
    .replace('extends CrudController {}', "extends CrudController {\n  @Post('signin')\n  signin(@Body() body: unknown) {\n    return body;\n  }\n}");
const SIGNIN = 'src/users.controller.ts:7:9 require-rate-limit';

describeRows('nest-crud', [
  {
    name: "the base's routes are routes of each subclass's prefix, with the subclass's guards and pipes",
    expected: [CRUD.csrf, CRUD.csrf, CRUD.login, CRUD.body, CRUD.regenerate, CRUD.param, CRUD.sql, CRUD.store],
    message: [
      CRUD.login,
      "Authentication route 'POST /api/users/login' on 'UsersController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    ],
  },
  {
    name: "@Controller(['users', 'members']): the base's login is a route of each of the subclass's prefixes (session 19, branch nest19)",
    changes: { 'src/users.controller.ts': (text) => text.replace("@Controller('users')", "@Controller(['users', 'members'])") },
    filter: only(['require-rate-limit']),
    expected: [CRUD.login],
    message: [
      CRUD.login,
      "Authentication route 'POST /api/users/login, /api/members/login' on 'UsersController (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    ],
  },
  {
    name: 'crossFile: false: the base alone serves no route, its parameters are no request data',
    crossFile: false,
    expected: [CRUD.sql, CRUD.store],
    message: [CRUD.sql, "SQL text passed to 'this.dataSource.query' is built from a non-constant part ('id', a parameter of 'one'): pass values as query parameters, never inside the SQL."],
  },
  {
    name: 'a method the subclass declares again (no route decorator) hides the inherited route',
    changes: { 'src/users.controller.ts': (text) => text.replace('extends CrudController {}', 'extends CrudController {\n  login() {\n    return null;\n  }\n}') },
    expected: [CRUD.csrf, CRUD.regenerate, CRUD.param, CRUD.sql, CRUD.store],
    message: [
      CRUD.csrf,
      "Route 'POST /api/items/login' on 'ItemsController (bootstrapped in src/main.ts)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (sameSite: 'lax' on the express-session cookie does not count: sameSiteSuffices is off): another site can make a signed-in user's browser submit it.",
    ],
  },
  {
    name: "a class guard of the base in another file limits the subclass's own routes too",
    changes: {
      'src/users.controller.ts': usersSignin,
      'src/crud.controller.ts': (text) =>
        text
          .replace("import { Body, Get, Param, Post, Req } from '@nestjs/common';", "import { Body, Get, Param, Post, Req, UseGuards } from '@nestjs/common';\nimport { ThrottlerGuard } from '@nestjs/throttler';")
          .replace('export abstract class', '@UseGuards(ThrottlerGuard)\nexport abstract class'),
    },
    filter: only(['require-rate-limit']),
    expected: [],
  },
  {
    name: "without it the subclass's own login is reported in its file",
    changes: { 'src/users.controller.ts': usersSignin },
    filter: only(['require-rate-limit']),
    expected: [CRUD.login, SIGNIN],
  },
  {
    name: "a base class of a package may add class guards: unknown, nothing is said of the subclass's routes",
    changes: {
      'node_modules/nest-crud-kit/package.json': '{ "name": "nest-crud-kit", "version": "1.0.0" }\n',
      'src/users.controller.ts': (text) => usersSignin(text).replace("import { CrudController } from './crud.controller';", "import { CrudController } from 'nest-crud-kit';"),
    },
    filter: only(['require-rate-limit']),
    expected: [],
  },
  ...(['UsersController', 'ItemsController'] as const).map((controller) => ({
    name: `a limiter a module applies forRoutes(${controller}): the inherited login of UsersController is ${controller === 'UsersController' ? 'not ' : ''}reported`,
    changes: {
      'src/app.module.ts': configures("import { rateLimit } from 'express-rate-limit';", `consumer.apply(rateLimit({ limit: 5 })).forRoutes(${controller});`),
    },
    filter: only(['require-rate-limit']),
    expected: controller === 'UsersController' ? [] : [CRUD.login],
  })),
  {
    name: 'classes of two files that extend each other (a cycle): unknown, no hang',
    changes: {
      'src/users.controller.ts': usersSignin,
      'src/crud.controller.ts': (text) =>
        text.replace("import { DataSource } from 'typeorm';", "import { DataSource } from 'typeorm';\nimport { UsersController } from './users.controller';").replace('export abstract class CrudController {', 'export abstract class CrudController extends UsersController {'),
    },
    filter: only(['require-rate-limit']),
    expected: [],
  },
]);

/** The NestJS summary of one file, as the model records it. */
function summaryOf(text: string, filename: string, languageOptions: Linter.LanguageOptions): NestFileSummary | null {
  let summary: NestFileSummary | null = null;
  const rule = {
    create: (context: unknown) => ({
      'Program:exit': (node: unknown) => {
        getExpressModel(context as never);
        summary = nestSummaryOf(node as TSESTree.Program);
      },
    }),
  };
  const messages = new Linter().verify(
    text,
    [{ files: ['**/*.ts', '**/*.js'], languageOptions, plugins: { probe: { rules: { summary: rule as never } } }, rules: { 'probe/summary': 'error' } }],
    filename,
  );
  expect(messages).toEqual([]);
  return summary;
}

/** A summary without the model's items (AST nodes), for comparing. */
const plain = (guards: readonly NestGuardSummary[]) => guards.map(({ text, limiter, validation }) => ({ text, limiter, validation }));

describe('NestJS project summaries (nest-project.ts)', () => {
  it('matches a mount path as app.use(path) does for Express routes (prefixMatches of middleware-chain.ts)', () => {
    const rows: [string | null, string | null, boolean][] = [
      ['', '/auth/login', true],
      ['/', '/auth/login', true],
      ['/auth', '/auth/login', true],
      ['/AUTH/', '/auth/login', true],
      ['/auth', '/auth', true],
      ['/auth', '/authors/login', false],
      ['/admin', '/auth/login', false],
      [null, '/auth/login', true],
      ['/admin', null, true],
      // where the two differed: parameters in the route path, and Express 5 patterns in the mount, may match
      ['/acme', '/:org/login', true],
      ['/api{/v1}', '/api/v1/login', true],
      ['/api/v?', '/api/v/login', true],
      ['/a+', '/aa/login', true],
    ];
    expect(rows.map(([mount, path]) => mountMatches(mount, path))).toEqual(rows.map(([, , expected]) => expected));
  });

  it('combines the fixture files: the unguarded login is the one route without a rate limiter', () => {
    const summaries = new Map<string, NestFileSummary>();
    for (const file of files) {
      const absolute = path.join(project, file);
      summaries.set(absolute, summaryOf(readFileSync(absolute, 'utf8'), absolute, { parser: tsParser as Linter.Parser })!);
    }
    const resolve = (from: string, specifier: string): string | null => {
      const target = `${path.resolve(path.dirname(from), specifier)}.ts`;
      return summaries.has(target) ? target : null;
    };
    const routes = nestProjectRoutes(summaries, resolve).map((r) => [path.relative(project, r.file), r.controller, r.route.method, r.path, r.limited, r.validated]);
    expect(routes).toEqual([
      ['src/auth.controller.ts', 'AuthController', 'post', '/api/auth/login', false, true],
      ['src/admin.controller.ts', 'AdminController', 'post', '/api/admin/login', true, true],
    ]);
  });

  it('summarizes a compiled module: require()d controllers and modules, APP_GUARD ThrottlerGuard', () => {
    const text = [
      '"use strict";',
      'var __decorate = (this && this.__decorate) || function () {};',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'const common_1 = require("@nestjs/common");',
      'const core_1 = require("@nestjs/core");',
      'const throttler_1 = require("@nestjs/throttler");',
      'const auth_controller_1 = require("./auth.controller");',
      'let AppModule = class AppModule {',
      '};',
      'exports.AppModule = AppModule;',
      'exports.AppModule = AppModule = __decorate([',
      '    (0, common_1.Module)({',
      '        imports: [throttler_1.ThrottlerModule.forRoot([{ ttl: 60000, limit: 5 }])],',
      '        controllers: [auth_controller_1.AuthController],',
      '        providers: [{ provide: core_1.APP_GUARD, useClass: throttler_1.ThrottlerGuard }],',
      '    })',
      '], AppModule);',
    ].join('\n');
    const summary = summaryOf(text, 'app.module.js', { sourceType: 'commonjs' })!;
    expect({ ...summary, modules: summary.modules.map((m) => ({ ...m, appGuards: plain(m.appGuards) })) }).toEqual({
      bootstraps: [],
      controllers: [],
      modules: [
        {
          name: 'AppModule',
          known: true,
          imports: [{ name: 'ThrottlerModule', from: '@nestjs/throttler', dynamic: true, method: 'forRoot' }],
          controllers: [{ name: 'AuthController', from: './auth.controller' }],
          appGuards: [{ text: 'throttler_1.ThrottlerGuard', limiter: true, validation: false }],
          appPipes: [],
          middleware: [],
          routes: [],
          dynamic: [],
        },
      ],
    });
  });

  it('leaves an app out when one of its modules cannot be followed, and counts what runs before a route once it can', () => {
    const guard = (text: string, limiter: boolean) => ({ text, limiter, validation: false, item: { node: null as never, value: undefined, fn: undefined } });
    const module = (name: string, appGuards: NestGuardSummary[] = []) => ({ name, known: true, imports: [], controllers: [], appGuards, appPipes: [], middleware: [], routes: [] });
    const bootstrap = { rootModule: { name: 'AppModule', from: './app.module' }, middleware: [], globalGuards: [], globalPipes: [], globalPrefix: '' };
    const summaries = new Map<string, NestFileSummary>([
      ['/p/main.ts', { bootstraps: [bootstrap], modules: [], controllers: [] }],
      [
        '/p/app.module.ts',
        {
          bootstraps: [],
          modules: [{ ...module('AppModule'), imports: [{ name: 'AuthModule', from: './auth.module' }], controllers: [{ name: 'C', from: null }] }],
          controllers: [{ name: 'C', routes: [{ method: 'post', path: '/login', guards: [], pipes: [], skipsThrottle: false, node: null as never }] }],
        },
      ],
    ]);
    const resolve = (from: string, specifier: string): string | null => {
      const target = `${path.posix.resolve(path.posix.dirname(from), specifier)}.ts`;
      return summaries.has(target) ? target : null;
    };
    const limited = () => nestProjectRoutes(summaries, resolve).map((r) => [r.path, r.limited]);
    const rows: [string, () => void, unknown[]][] = [
      ['./auth.module does not resolve', () => undefined, []],
      ['it registers ThrottlerGuard as APP_GUARD', () => summaries.set('/p/auth.module.ts', { bootstraps: [], modules: [module('AuthModule', [guard('ThrottlerGuard', true)])], controllers: [] }), [['/login', true]]],
      ['it registers no guard', () => summaries.set('/p/auth.module.ts', { bootstraps: [], modules: [module('AuthModule')], controllers: [] }), [['/login', false]]],
      ['the bootstrap mounts a limiter on /admin', () => summaries.set('/p/main.ts', { bootstraps: [{ ...bootstrap, middleware: [{ ...guard('rateLimit()', true), path: '/admin' }] }], modules: [], controllers: [] }), [['/login', false]]],
      ['the bootstrap mounts a limiter on every path', () => summaries.set('/p/main.ts', { bootstraps: [{ ...bootstrap, middleware: [{ ...guard('rateLimit()', true), path: '' }] }], modules: [], controllers: [] }), [['/login', true]]],
    ];
    for (const [, change, expected] of rows) {
      change();
      expect(limited()).toEqual(expected);
    }
  });
});
