// Controllers registered on routes of a router imported from another file (an express-generator layout: app.js mounts
// `require('./routes/router')` at `/auth`, routes/auth.js adds `router.post('/login', users.login)` to that router,
// controllers/users.js holds `exports.login`): the controller's handlers get the route as the route module's own lint
// sees it (src/project `importedAppAsSeen`, the link `linkImportedApps` gives the route module): the mount's prefix, the
// router named with its file and mount, and the chain (what routes/router.js mounts on the router, what app.js mounts
// before the mount). Mounted twice or never, or handed on: unknown, the route as the route module's bare model shows it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const RULES = /require-input-validation|require-session-regenerate|require-csrf-protection|require-rate-limit|no-nosql-injection/u;
const PACKAGE =
  '{ "name": "generated", "private": true, "scripts": { "start": "node ./bin/www" }, "dependencies": { "express": "^4.21.2", "express-session": "^1.18.1", "express-rate-limit": "^7.5.0", "express-openapi-validator": "^5.4.0", "express-mongo-sanitize": "^2.2.0", "mongoose": "^8.9.0" } }';
const SESSION = "app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));\n";
const VALIDATOR = "app.use(OpenApiValidator.middleware({ apiSpec: './openapi.yaml' }));\n";
const SANITIZER = 'app.use(mongoSanitize());\n';
const LIMITER = 'app.use(rateLimit({ windowMs: 60000, limit: 5 }));\n';
const MOUNT = "app.use('/auth', require('./routes/router'));\n";
/** app.js: the session, `before`, the route module loaded, `mount`, `after`. */
const APP = (before = '', mount = MOUNT, after = ''): string =>
  "const express = require('express');\nconst session = require('express-session');\nconst rateLimit = require('express-rate-limit');\nconst OpenApiValidator = require('express-openapi-validator');\nconst mongoSanitize = require('express-mongo-sanitize');\n\nconst app = express();\n" +
  `${SESSION}${before}require('./routes/auth');\n${mount}${after}\nmodule.exports = app;\n`;
const WWW = "#!/usr/bin/env node\nconst http = require('http');\nconst app = require('../app');\n\nhttp.createServer(app).listen(process.env.PORT || 3000);\n";
const ROUTER = "const express = require('express');\n\nconst router = express.Router();\nrouter.use(express.json({ limit: '100kb' }));\n\nmodule.exports = router;\n";
const AUTH = "const router = require('./router');\nconst users = require('../controllers/users');\n\nrouter.post('/login', users.login);\nrouter.get('/profile/:id', users.profile);\n";
const USERS =
  "exports.login = (req, res) => {\n  req.session.user = req.body.username;\n  res.redirect(req.query.next);\n};\n\nexports.profile = (req, res) => {\n  res.send('<h1>' + req.params.id + '</h1>');\n};\n";

/** `line:column ruleId: message`. */
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`;
/** The login's finding: the controller by its name, its route with the route module's file and line, and the router. */
const regenerate = (path: string, router: string, file = 'routes/auth.js'): string =>
  `2:3 secure-express/require-session-regenerate: Login handler 'login' of route 'POST ${path}' (${file}:4) on '${router}' stores data in req.session without calling req.session.regenerate() first: a session ID planted before login (session fixation) stays valid and becomes the user's logged-in session.`;
const unvalidated = (at: string, route: string, router: string, input: string): string =>
  `${at} secure-express/require-input-validation: Route '${route}' on '${router}' uses '${input}' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).`;
/** The router as routes/auth.js's findings name it, mounted at line `line` of the app's file. */
const ROUTER_AT = (line: number, app = 'app.js', router = 'routes/router.js'): string => `router (${router}:3, mounted in ${app}:${line})`;
/** What controllers/users.js gets: the login's session write, and the unvalidated input of each route. */
const controller = (prefix: string, router: string, validated = false, file?: string): string[] => [
  regenerate(`${prefix}/login`, router, file),
  ...(validated
    ? []
    : [unvalidated('2:22', `POST ${prefix}/login`, router, 'req.body'), unvalidated('7:21', `GET ${prefix}/profile/:id`, router, 'req.params')]),
];

const files = (changes: Record<string, string>): Record<string, string> => ({
  'package.json': PACKAGE,
  'app.js': APP(),
  'bin/www': WWW,
  'routes/router.js': ROUTER,
  'routes/auth.js': AUTH,
  'controllers/users.js': USERS,
  ...changes,
});

const lintCjs = (changes: Record<string, string>, names = ['controllers/users.js']): string[][] => {
  const results: string[][] = [];
  withProject('router-controllers', files(changes), (lint) => names.forEach((name) => results.push(lint(name))), { config: cjs, rules: RULES, format });
  return results;
};
const lintController = (changes: Record<string, string> = {}): string[] => lintCjs(changes)[0]!;

describe('controllers registered on routes of a router imported from another file', () => {
  it('CommonJS: the route with the mount, named as the route module names it', () => {
    // (routes/auth.js's own findings name the same route and router.)
    const [own, auth] = lintCjs({}, ['controllers/users.js', 'routes/auth.js']);
    expect(own).toEqual(controller('/auth', ROUTER_AT(10)));
    expect(auth).toEqual([
      `4:13 secure-express/require-csrf-protection: Route 'POST /auth/login' on '${ROUTER_AT(10)}' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.`,
      `4:13 secure-express/require-rate-limit: Authentication route 'POST /auth/login' on '${ROUTER_AT(10)}' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.`,
    ]);
  });

  it("CommonJS: the app's middleware before the mount runs before the controller; after it, or on another path, it does not", () => {
    // A validator of the whole API mounted before the router: the controller's input is validated.
    expect(lintController({ 'app.js': APP(VALIDATOR) })).toEqual(controller('/auth', ROUTER_AT(11), true));
    expect(lintController({ 'app.js': APP('', `app.use('/auth', OpenApiValidator.middleware({ apiSpec: './openapi.yaml' }), require('./routes/router'));\n`) })).toEqual(
      controller('/auth', ROUTER_AT(10), true),
    );
    // One the router's own file mounts on it.
    expect(lintController({ 'routes/router.js': ROUTER.replace('\nmodule.exports', "router.use(require('express-openapi-validator').middleware({ apiSpec: './openapi.yaml' }));\n\nmodule.exports") })).toEqual(
      controller('/auth', ROUTER_AT(10), true),
    );
    // After the mount, or on another path: not before these routes.
    expect(lintController({ 'app.js': APP('', MOUNT, VALIDATOR) })).toEqual(controller('/auth', ROUTER_AT(10)));
    // (A path with parameters, `/auth/profile/:id`, is compared segment by segment (`prefixMatches`): '/api' does not run
    // for it, so its route is reported as the others are. Session 16, trial 21 r1: it used to count as covered.)
    expect(lintController({ 'app.js': APP(`app.use('/api', OpenApiValidator.middleware({ apiSpec: './openapi.yaml' }));\n`) })).toEqual(controller('/auth', ROUTER_AT(11)));
    // (A validator on a parameter prefix, `/:section`, may run for it: not reported.)
    expect(lintController({ 'app.js': APP(`app.use('/:section/profile', OpenApiValidator.middleware({ apiSpec: './openapi.yaml' }));\n`) })).toEqual(controller('/auth', ROUTER_AT(11)).slice(0, 2));
    // A limiter before the mount stops routes/auth.js's require-rate-limit finding; the controller never carries one (the
    // rule reports the route where it is registered), and its own findings stay.
    const [own, auth] = lintCjs({ 'app.js': APP(LIMITER) }, ['controllers/users.js', 'routes/auth.js']);
    expect(own).toEqual(controller('/auth', ROUTER_AT(11)));
    expect(auth).toEqual([
      `4:13 secure-express/require-csrf-protection: Route 'POST /auth/login' on '${ROUTER_AT(11)}' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.`,
    ]);
  });

  it('CommonJS: a Mongo sanitizer the app mounts before the router covers the controller\'s queries', () => {
    const find =
      "const User = require('../models/user');\n\nexports.login = async (req, res) => {\n  const user = await User.findOne({ username: req.body.username });\n  res.json({ id: user.id });\n};\n";
    const model = "const mongoose = require('mongoose');\n\nmodule.exports = mongoose.model('User', new mongoose.Schema({ username: String }));\n";
    const nosql = lintController({ 'controllers/users.js': find, 'models/user.js': model }).filter((line) => line.includes('no-nosql-injection'));
    expect(nosql).toEqual([
      '4:47 secure-express/no-nosql-injection: Request data (req.body.username) is used as a whole value in the filter of \'User.findOne\': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.',
    ]);
    expect(lintController({ 'controllers/users.js': find, 'models/user.js': model, 'app.js': APP(SANITIZER) }).filter((line) => line.includes('no-nosql-injection'))).toEqual([]);
    expect(lintController({ 'controllers/users.js': find, 'models/user.js': model, 'app.js': APP('', MOUNT, SANITIZER) }).filter((line) => line.includes('no-nosql-injection'))).toEqual(nosql);
  });

  it('CommonJS: linting the controller first changes nothing the route module, the router\'s file or another route module find', () => {
    const other = "const router = require('./router');\n\nrouter.post('/signup', (req, res) => {\n  req.session.user = String(req.body.user);\n  res.redirect('/');\n});\n";
    const changes = { 'routes/signup.js': other, 'app.js': APP().replace("require('./routes/auth');\n", "require('./routes/auth');\nrequire('./routes/signup');\n") };
    const names = ['routes/auth.js', 'routes/signup.js', 'routes/router.js', 'app.js'];
    const alone = names.map((name) => lintCjs(changes, [name])[0]);
    expect(lintCjs(changes, ['controllers/users.js', ...names]).slice(1)).toEqual(alone);
    expect(alone[1]).toEqual([
      `3:13 secure-express/require-csrf-protection: Route 'POST /auth/signup' on '${ROUTER_AT(11)}' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.`,
      `3:13 secure-express/require-rate-limit: Authentication route 'POST /auth/signup' on '${ROUTER_AT(11)}' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.`,
      unvalidated('4:29', 'POST /auth/signup', ROUTER_AT(11), 'req.body'),
    ]);
  });

  it('CommonJS: an edit of app.js is seen by the next lint of the controller', () => {
    const results: string[][] = [];
    withProject(
      'router-controllers-edit',
      files({}),
      (lint, dir) => {
        results.push(lint('controllers/users.js'));
        writeFileSync(path.join(dir, 'app.js'), APP(VALIDATOR));
        results.push(lint('controllers/users.js'));
        // Mounted twice now: unknown again.
        writeFileSync(path.join(dir, 'app.js'), APP(VALIDATOR, `${MOUNT}app.use('/v1/auth', require('./routes/router'));\n`));
        results.push(lint('controllers/users.js'));
      },
      { config: cjs, rules: RULES, format },
    );
    expect(results).toEqual([controller('/auth', ROUTER_AT(10)), controller('/auth', ROUTER_AT(11), true), controller('', 'router')]);
  });

  it('CommonJS: an app imported from another file, as the route module sees it (its name, what server.js mounts before it loads the route module)', () => {
    const app = "const express = require('express');\nconst session = require('express-session');\n\nconst app = express();\n" + `${SESSION}\nmodule.exports = app;\n`;
    const server = (before = ''): string => `const OpenApiValidator = require('express-openapi-validator');\nconst app = require('./app');\n\n${before}require('./routes/auth');\napp.listen(3000);\n`;
    const onApp = "const app = require('../app');\nconst users = require('../controllers/users');\n\napp.post('/login', users.login);\napp.get('/profile/:id', users.profile);\n";
    const changes = { 'app.js': app, 'server.js': server(), 'routes/auth.js': onApp, 'routes/router.js': '', 'bin/www': '' };
    expect(lintController(changes)).toEqual(controller('', 'app (app.js:4)'));
    expect(lintController({ ...changes, 'server.js': server(VALIDATOR) })).toEqual(controller('', 'app (app.js:4)', true));
    expect(lintController({ ...changes, 'server.js': `${server()}${VALIDATOR}` })).toEqual(controller('', 'app (app.js:4)'));
  });

  it('CommonJS: unknown when the router is mounted twice or never, or handed on: the route as the route module shows it', () => {
    const bare = controller('', 'router');
    // (The validator before the mount does not count then either.)
    expect(lintController({ 'app.js': APP(VALIDATOR, "const auth = require('./routes/router');\napp.use('/auth', auth);\napp.use('/v1/auth', auth);\n") })).toEqual(bare);
    expect(lintController({ 'app.js': APP(VALIDATOR, '') })).toEqual(bare);
    expect(lintController({ 'app.js': APP(VALIDATOR), 'routes/auth.js': `${AUTH}require('../plugins')(router);\n`, 'plugins.js': 'module.exports = (router) => router;\n' })).toEqual(bare);
    // Another file mounts middleware on the router: where it runs among these routes depends on the load order.
    expect(lintController({ 'app.js': APP(VALIDATOR), 'routes/audit.js': "const router = require('./router');\n\nrouter.use((req, res, next) => next());\n" })).toEqual(bare);
  });

  it('ES modules', () => {
    const esmFiles = {
      'package.json': PACKAGE.replace('"private": true', '"private": true, "type": "module"'),
      'app.mjs':
        "import express from 'express';\nimport session from 'express-session';\nimport * as OpenApiValidator from 'express-openapi-validator';\nimport './routes/auth.mjs';\nimport router from './routes/router.mjs';\n\nconst app = express();\n" +
        `${SESSION}app.use('/auth', router);\n\nexport default app;\n`,
      'bin/www.mjs': "import http from 'node:http';\nimport app from '../app.mjs';\n\nhttp.createServer(app).listen(3000);\n",
      'routes/router.mjs': "import express from 'express';\n\nconst router = express.Router();\nrouter.use(express.json({ limit: '100kb' }));\n\nexport default router;\n",
      'routes/auth.mjs': "import router from './router.mjs';\nimport * as users from '../controllers/users.mjs';\n\nrouter.post('/login', users.login);\nrouter.get('/profile/:id', users.profile);\n",
      'controllers/users.mjs': USERS.replace('exports.login =', 'export const login =').replace('exports.profile =', 'export const profile ='),
    };
    const lint = (changes: Record<string, string> = {}): string[] => {
      let result: string[] = [];
      withProject('router-controllers-esm', { ...esmFiles, ...changes }, (run) => (result = run('controllers/users.mjs')), { config: esm, rules: RULES, format });
      return result;
    };
    expect(lint()).toEqual(controller('/auth', ROUTER_AT(9, 'app.mjs', 'routes/router.mjs'), false, 'routes/auth.mjs'));
    expect(lint({ 'app.mjs': esmFiles['app.mjs'].replace("app.use('/auth'", `${VALIDATOR}app.use('/auth'`) })).toEqual(controller('/auth', ROUTER_AT(10, 'app.mjs', 'routes/router.mjs'), true, 'routes/auth.mjs'));
    expect(lint({ 'app.mjs': esmFiles['app.mjs'].replace('\nexport default', `${VALIDATOR}\nexport default`) })).toEqual(controller('/auth', ROUTER_AT(9, 'app.mjs', 'routes/router.mjs'), false, 'routes/auth.mjs'));
    expect(lint({ 'app.mjs': esmFiles['app.mjs'].replace("app.use('/auth', router);", "app.use('/auth', router);\napp.use('/v1/auth', router);") })).toEqual(controller('', 'router', false, 'routes/auth.mjs'));
  });

  it('TypeScript', () => {
    const tsFiles = {
      'package.json': PACKAGE.replace('"private": true', '"private": true, "type": "module"'),
      'src/app.ts':
        "import express from 'express';\nimport session from 'express-session';\nimport * as OpenApiValidator from 'express-openapi-validator';\nimport './routes/auth';\nimport { router } from './routes/router';\n\nexport const app = express();\n" +
        "app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));\napp.use('/auth', router);\n",
      'src/server.ts': "import { app } from './app';\n\napp.listen(3000);\n",
      'src/routes/router.ts': "import express, { Router } from 'express';\n\nexport const router = Router();\nrouter.use(express.json({ limit: '100kb' }));\n",
      'src/routes/auth.ts': "import { router } from './router';\nimport * as users from '../controllers/users';\n\nrouter.post('/login', users.login);\nrouter.get('/profile/:id', users.profile);\n",
      'src/controllers/users.ts':
        "import type { Request, Response } from 'express';\n\nexport const login = (req: Request, res: Response) => {\n  req.session.user = req.body.username;\n  res.redirect(String(req.query.next));\n};\n\nexport const profile = (req: Request, res: Response) => {\n  res.send('<h1>' + req.params.id + '</h1>');\n};\n",
    };
    const lint = (changes: Record<string, string> = {}): string[] => {
      let result: string[] = [];
      withProject('router-controllers-ts', { ...tsFiles, ...changes }, (run) => (result = run('src/controllers/users.ts')), { config: ts, rules: RULES, format });
      return result;
    };
    const router = (line: number): string => ROUTER_AT(line, 'src/app.ts', 'src/routes/router.ts');
    const found = (line: number, validated = false): string[] => [
      `4:3 ${regenerate('/auth/login', router(line), 'src/routes/auth.ts').slice('2:3 '.length)}`,
      ...(validated ? [] : [unvalidated('4:22', 'POST /auth/login', router(line), 'req.body'), unvalidated('9:21', 'GET /auth/profile/:id', router(line), 'req.params')]),
    ];
    expect(lint()).toEqual(found(9));
    expect(lint({ 'src/app.ts': tsFiles['src/app.ts'].replace("app.use('/auth'", `${VALIDATOR}app.use('/auth'`) })).toEqual(found(10, true));
    expect(lint({ 'src/app.ts': `${tsFiles['src/app.ts']}${VALIDATOR}` })).toEqual(found(9));
    expect(lint({ 'src/app.ts': `${tsFiles['src/app.ts']}app.use('/v1/auth', router);\n` })).toEqual([
      `4:3 ${regenerate('/login', 'router', 'src/routes/auth.ts').slice('2:3 '.length)}`,
      unvalidated('4:22', 'POST /login', 'router', 'req.body'),
      unvalidated('9:21', 'GET /profile/:id', 'router', 'req.params'),
    ]);
  });
});
