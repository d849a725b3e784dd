/**
 * A routing-controllers project on Express (tests/fixtures/projects/routing-controllers, session 21, lane rc21):
 * `useExpressServer(app, { routePrefix: '/api', controllers: [AuthController, UserController] })` in server.ts, and two
 * controllers in their own files. The registration is read as a Nest bootstrap is (`libraryRegistrations` in
 * src/express/nest.ts): a controller's routes get the prefix and what the app mounted before the call. Each row lints
 * a copy of the project with some files changed, and asserts its exact findings.
 */
import { lintFixtureCopy, type FixtureChanges as Changes, type ProjectFindings } from './helpers/projects';

/** Lints (strict) a copy of the fixture with `changes` applied. */
const lintCopy = (changes: Changes, crossFile: boolean): Promise<ProjectFindings> => lintFixtureCopy('routing-controllers', changes, crossFile);

const LOGIN = 'src/controllers/AuthController.ts:17:9 require-rate-limit';
const SEARCH_UNVALIDATED = 'src/controllers/UserController.ts:10:18 require-input-validation';
const SEARCH_NOSQL = 'src/controllers/UserController.ts:11:34 no-nosql-injection';
const ID_UNVALIDATED = 'src/controllers/UserController.ts:20:20 require-input-validation';

const limiterImport = (text: string): string => text.replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';");
const mounts = (line: string, after = false) => (text: string): string =>
  limiterImport(text).replace(after ? '\napp.listen(3000);' : '\nuseExpressServer(app, {', after ? `${line}\napp.listen(3000);` : `${line}\n\nuseExpressServer(app, {`);

/** server.ts as CommonJS or ESM JavaScript (the controllers stay TypeScript). */
const SERVER_CJS = `const express = require('express');
const { rateLimit } = require('express-rate-limit');
const { useExpressServer } = require('routing-controllers');
const { AuthController } = require('./controllers/AuthController');
const { UserController } = require('./controllers/UserController');

const app = express();
app.use('/api/users', rateLimit({ limit: 100 }));
useExpressServer(app, { routePrefix: '/api', controllers: [AuthController, UserController] });
app.listen(3000);
`;
const SERVER_ESM = `import express from 'express';
import { useExpressServer } from 'routing-controllers';
import { AuthController } from './controllers/AuthController.ts';
import { UserController } from './controllers/UserController.ts';

const app = express();
useExpressServer(app, { routePrefix: '/v2', controllers: [AuthController, UserController] });
app.listen(3000);
`;

/** express-session mounted before `useExpressServer`, and the auth routes writing the session (`@Req()`, `@Session()`). */
const withSession: Changes = {
  'package.json': (text) => text.replace('"express-rate-limit": "^8.0.0",', '"express-rate-limit": "^8.0.0",\n    "express-session": "^1.18.0",'),
  'src/server.ts': (text) =>
    text
      .replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport session from 'express-session';")
      .replace('app.use(helmet());', "app.use(helmet());\napp.use(session({ name: 'sid', secret: process.env.SECRET!, resave: false, saveUninitialized: false }));"),
  'src/controllers/AuthController.ts': (text) =>
    text
      .replace("import { Body, JsonController, Post, UseBefore } from 'routing-controllers';", "import type { Request } from 'express';\nimport { Body, JsonController, Post, Req, Session, UseBefore } from 'routing-controllers';")
      .replace('login(@Body() credentials: Credentials) {', 'login(@Body() credentials: Credentials, @Req() req: Request) {\n    (req.session as any).user = credentials.email;')
      .replace('register(@Body() credentials: Credentials) {', 'register(@Body() credentials: Credentials, @Session() session: any) {\n    session.email = credentials.email;'),
};

/** Only the findings of the rules a row is about. */
const only = (rules: readonly string[]) => (found: string[]) => found.filter((f) => rules.some((rule) => f.endsWith(` ${rule}`)));

interface Case {
  name: string;
  changes?: Changes;
  crossFile?: boolean;
  filter?: (found: string[]) => string[];
  expected: string[];
  message?: [string, string];
}

const cases: Case[] = [
  {
    name: 'the login without a limiter is reported, the register with @UseBefore(registerLimiter) is not; a @Body() typed any reaches User.find through the service',
    expected: [LOGIN, SEARCH_UNVALIDATED, SEARCH_NOSQL, ID_UNVALIDATED].sort(),
    message: [
      LOGIN,
      "Authentication route 'POST /api/auth/login' on 'AuthController (bootstrapped in src/server.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    ],
  },
  {
    name: "crossFile: false: a controller alone does not show its chain, the route rules say nothing (its service's query is still read)",
    crossFile: false,
    expected: [SEARCH_NOSQL],
  },
  {
    name: 'a limiter the app mounts on the prefix before useExpressServer runs before the login',
    changes: { 'src/server.ts': mounts("app.use('/api/auth', rateLimit({ limit: 5 }));") },
    expected: [SEARCH_UNVALIDATED, SEARCH_NOSQL, ID_UNVALIDATED],
  },
  {
    name: 'a limiter on another path, or mounted after useExpressServer, does not',
    changes: { 'src/server.ts': (text) => mounts("app.use('/api/users', rateLimit({ limit: 5 }));")(mounts('app.use(rateLimit({ limit: 5 }));', true)(text)) },
    expected: [LOGIN, SEARCH_UNVALIDATED, SEARCH_NOSQL, ID_UNVALIDATED].sort(),
  },
  {
    name: 'controllers given as a glob are not followed: the chains are unknown',
    changes: { 'src/server.ts': (text) => text.replace('controllers: [AuthController, UserController]', "controllers: [__dirname + '/controllers/*.ts']") },
    expected: [SEARCH_NOSQL],
  },
  {
    name: 'an app that a function of the package makes may come with middleware: unknown',
    changes: {
      'src/app.ts': "import express from 'express';\n\nexport function createApp() {\n  return express();\n}\n",
      'src/server.ts': (text) => text.replace('const app = express();', 'const app = createApp();').replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { createApp } from './app';"),
    },
    expected: [SEARCH_NOSQL],
  },
  {
    name: 'createExpressServer: its app mounts nothing before the routes',
    changes: {
      'src/server.ts': "import { createExpressServer } from 'routing-controllers';\n\nimport { AuthController } from './controllers/AuthController';\nimport { UserController } from './controllers/UserController';\n\nconst app = createExpressServer({ routePrefix: '/api', controllers: [AuthController, UserController] });\napp.listen(3000);\n",
    },
    expected: [LOGIN, SEARCH_UNVALIDATED, SEARCH_NOSQL, ID_UNVALIDATED].sort(),
  },
  {
    name: 'a global middleware class named as a limiter counts as one for every route',
    changes: {
      'src/middlewares/RateLimitMiddleware.ts':
        "import { Middleware } from 'routing-controllers';\n\n@Middleware({ type: 'before' })\nexport class RateLimitMiddleware {\n  use(req: any, res: any, next: () => void) {\n    next();\n  }\n}\n",
      'src/server.ts': (text) =>
        text
          .replace('  controllers: [AuthController, UserController],', '  controllers: [AuthController, UserController],\n  middlewares: [RateLimitMiddleware],')
          .replace("import { UserController } from './controllers/UserController';", "import { UserController } from './controllers/UserController';\nimport { RateLimitMiddleware } from './middlewares/RateLimitMiddleware';"),
    },
    expected: [SEARCH_UNVALIDATED, SEARCH_NOSQL, ID_UNVALIDATED],
  },
  {
    name: 'server.js in CommonJS: its limiter on /api/users is not on the login',
    changes: { 'src/server.ts': null, 'src/server.js': SERVER_CJS },
    expected: [LOGIN, SEARCH_UNVALIDATED, SEARCH_NOSQL, ID_UNVALIDATED].sort(),
    message: [LOGIN, "Authentication route 'POST /api/auth/login' on 'AuthController (bootstrapped in src/server.js)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist."],
  },
  {
    name: 'server.mjs in ESM: the route prefix is read',
    changes: { 'src/server.ts': null, 'src/server.mjs': SERVER_ESM },
    expected: [LOGIN, SEARCH_UNVALIDATED, SEARCH_NOSQL, ID_UNVALIDATED].sort(),
    message: [LOGIN, "Authentication route 'POST /v2/auth/login' on 'AuthController (bootstrapped in src/server.mjs)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist."],
  },
  {
    name: 'a session the app mounts before useExpressServer: CSRF protection and a new session ID at login are checked on the routes',
    changes: withSession,
    filter: only(['require-csrf-protection', 'require-session-regenerate']),
    expected: [
      'src/controllers/AuthController.ts:18:9 require-csrf-protection',
      'src/controllers/AuthController.ts:20:5 require-session-regenerate',
      'src/controllers/AuthController.ts:24:9 require-csrf-protection',
    ],
    message: [
      'src/controllers/AuthController.ts:20:5 require-session-regenerate',
      "Login handler 'login' of route 'POST /api/auth/login' on 'AuthController (bootstrapped in src/server.ts)' stores data in req.session without calling req.session.regenerate() first: a session ID planted before login (session fixation) stays valid and becomes the user's logged-in session.",
    ],
  },
];

describe('routing-controllers fixture project (tests/fixtures/projects/routing-controllers) under strict', () => {
  it.each(cases)('$name', async ({ changes = {}, crossFile = true, filter = (found: string[]) => found, expected, message }) => {
    const { list, messages } = await lintCopy(changes, crossFile);
    expect(filter(list)).toEqual(expected);
    if (message) expect(messages.get(message[0])).toBe(message[1]);
  });
});
