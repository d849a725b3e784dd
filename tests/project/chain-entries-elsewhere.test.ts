// Middleware of another file that runs before a route of the linted file, read in its own file: a function of app.js in
// the chain of a router of routes/*.js is read with app.js's module calls (`ExpressModel.moduleCallsOf`), and the options
// of middleware made in another file (app.js, a setup function the app is handed to) with that file's source
// (`ExpressModel.options`). Before, both were read with the linted file's: app.js's `lusca.csrf()(req, res, next)` or
// `limiter.consume(req.ip)` went unseen (a false report), and a `const` holding options stayed unknown. CommonJS, ESM
// and TypeScript where the library applies, both ways. (Session 15, with trial 20 r2's sameSite reading:
// samesite-elsewhere.test.ts.)
import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

import plugin from '../../src/index';
import { withProject } from './fixture-project';

const config = (level: 'recommended' | 'strict', files: string, sourceType: 'commonjs' | 'module', ts = false): Linter.Config[] =>
  [...plugin.configs[level], { files: [files], languageOptions: { sourceType, ...(ts ? { parser: tsParser as Linter.Parser } : {}) } }] as Linter.Config[];
const CJS = config('recommended', '**/*.js', 'commonjs');
const ESM = config('recommended', '**/*.mjs', 'module');
const TS = config('recommended', '**/*.ts', 'module', true);
const STRICT_CJS = config('strict', '**/*.js', 'commonjs');

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId!.slice('secure-express/'.length)} ${m.message}`;
const PACKAGE =
  '{ "name": "chain-entries-elsewhere", "dependencies": { "express": "^4.21.2", "express-session": "^1.18.1", "helmet": "^8.0.0", "lusca": "^1.7.0", "rate-limiter-flexible": "^5.0.0", "@exortek/express-mongo-sanitize": "^3.0.0", "mongoose": "^8.9.0" } }';

function lint(files: Record<string, string>, name: string, rules: RegExp, lintConfig: Linter.Config[] = CJS): string[] {
  let found: string[] = [];
  withProject('chain-entries-elsewhere', { 'package.json': PACKAGE, ...files }, (l) => (found = l(name)), { config: lintConfig, rules, format });
  return found;
}

const CSRF = /require-csrf-protection/u;
const csrf = (at: string, router: string): string =>
  `${at} require-csrf-protection Route 'POST /account' on '${router}' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.`;

describe('CSRF protection that app.js runs before a router of another file', () => {
  /** app.js: a session without sameSite, `middleware` after it, then the router of routes/account.js. */
  const APP = (head: string, middleware: string): string =>
    `const express = require('express');\nconst session = require('express-session');\nconst lusca = require('lusca');\n${head}const app = express();\napp.use(session({ name: 'sid', secret: process.env.S, store: globalThis.store }));\n${middleware}app.use('/account', require('./routes/account'));\napp.listen(3000);\n`;
  const ACCOUNT = "const router = require('express').Router();\nrouter.post('/', (req, res) => { req.session.x = 1; res.end(); });\nmodule.exports = router;\n";
  const WRAPPER = "app.use((req, res, next) => {\n  if (req.path === '/webhook') return next();\n  lusca.csrf()(req, res, next);\n});\n";

  it('CommonJS: a function of app.js that runs lusca.csrf() on its request protects the router (read with app.js calls)', () => {
    expect(lint({ 'app.js': APP('', WRAPPER), 'routes/account.js': ACCOUNT }, 'routes/account.js', CSRF)).toEqual([]);
    // A function that runs it on something else, or none.
    const other = WRAPPER.replace('lusca.csrf()(req, res, next)', 'next()');
    const ROUTER = (line: number): string => `router (mounted in app.js:${line})`;
    expect(lint({ 'app.js': APP('', other), 'routes/account.js': ACCOUNT }, 'routes/account.js', CSRF)).toEqual([csrf('2:13', ROUTER(10))]);
    expect(lint({ 'app.js': APP('', ''), 'routes/account.js': ACCOUNT }, 'routes/account.js', CSRF)).toEqual([csrf('2:13', ROUTER(6))]);
  });

  it("CommonJS: lusca's options in a const of app.js: csrf: false is no protection", () => {
    const files = (csrfOption: string): Record<string, string> => ({
      'app.js': APP(`const security = { csrf: ${csrfOption}, xframe: 'SAMEORIGIN' };\n`, 'app.use(lusca(security));\n'),
      'routes/account.js': ACCOUNT,
    });
    expect(lint(files('false'), 'routes/account.js', CSRF)).toEqual([csrf('2:13', 'router (mounted in app.js:8)')]);
    expect(lint(files('true'), 'routes/account.js', CSRF)).toEqual([]);
  });

  it('ES modules: the function of app.mjs that runs lusca.csrf()', () => {
    const app = (body: string): string =>
      `import express from 'express';\nimport session from 'express-session';\nimport lusca from 'lusca';\nimport account from './routes/account.mjs';\n\nconst app = express();\napp.use(session({ name: 'sid', secret: process.env.S, store: globalThis.store }));\napp.use((req, res, next) => {\n  ${body}\n});\napp.use('/account', account);\napp.listen(3000);\n`;
    const account = "import { Router } from 'express';\n\nconst router = Router();\nrouter.post('/', (req, res) => { req.session.x = 1; res.end(); });\nexport default router;\n";
    expect(lint({ 'app.mjs': app('lusca.csrf()(req, res, next);'), 'routes/account.mjs': account }, 'routes/account.mjs', CSRF, ESM)).toEqual([]);
    expect(lint({ 'app.mjs': app('next();'), 'routes/account.mjs': account }, 'routes/account.mjs', CSRF, ESM)).toEqual([csrf('4:13', 'router (mounted in app.mjs:11)')]);
  });

  it('TypeScript: the function of app.ts that runs lusca.csrf()', () => {
    const app = (body: string): string =>
      `import express, { type NextFunction, type Request, type Response } from 'express';\nimport session from 'express-session';\nimport lusca from 'lusca';\nimport { account } from './routes/account.js';\n\nconst app = express();\napp.use(session({ name: 'sid', secret: process.env.S!, store: undefined }));\napp.use((req: Request, res: Response, next: NextFunction) => {\n  ${body}\n});\napp.use('/account', account);\napp.listen(3000);\n`;
    const account =
      "import { Router, type Request, type Response } from 'express';\n\nexport const account = Router();\naccount.post('/', (req: Request, res: Response) => {\n  req.session.touch();\n  res.end();\n});\n";
    const files = (body: string): Record<string, string> => ({
      'package.json': PACKAGE.replace('"dependencies"', '"type": "module", "dependencies"'),
      'src/app.ts': app(body),
      'src/routes/account.ts': account,
    });
    expect(lint(files('lusca.csrf()(req, res, next);'), 'src/routes/account.ts', CSRF, TS)).toEqual([]);
    expect(lint(files('next();'), 'src/routes/account.ts', CSRF, TS)).toEqual([
      `4:14 require-csrf-protection Route 'POST /account' on 'account (mounted in src/app.ts:11)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.`,
    ]);
  });
});

describe('a rate-limiter-flexible limiter that app.js runs before a router of another file', () => {
  const LIMIT = /require-rate-limit/u;
  const limitMessage = (at: string, router: string): string =>
    `${at} require-rate-limit Authentication route 'POST /auth/login' on '${router}' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.`;

  it('CommonJS: a function of app.js that calls limiter.consume() limits the router', () => {
    const app = (body: string): string =>
      `const express = require('express');\nconst { RateLimiterMemory } = require('rate-limiter-flexible');\nconst limiter = new RateLimiterMemory({ points: 5, duration: 60 });\nconst app = express();\napp.use(express.json());\napp.use('/auth', (req, res, next) => {\n  ${body}\n});\napp.use('/auth', require('./routes/auth'));\napp.listen(3000);\n`;
    const auth = "const router = require('express').Router();\nrouter.post('/login', (req, res) => { res.json({ user: String(req.body.user) }); });\nmodule.exports = router;\n";
    const consume = 'limiter.consume(req.ip).then(() => next()).catch(() => res.status(429).end());';
    expect(lint({ 'app.js': app(consume), 'routes/auth.js': auth }, 'routes/auth.js', LIMIT)).toEqual([]);
    expect(lint({ 'app.js': app('next();'), 'routes/auth.js': auth }, 'routes/auth.js', LIMIT)).toEqual([limitMessage('2:13', 'router (mounted in app.js:9)')]);
  });

  it('TypeScript: the function of app.ts that calls limiter.consume()', () => {
    const app = (body: string): string =>
      `import express, { type NextFunction, type Request, type Response } from 'express';\nimport { RateLimiterMemory } from 'rate-limiter-flexible';\nimport { auth } from './routes/auth.js';\n\nconst limiter = new RateLimiterMemory({ points: 5, duration: 60 });\nconst app = express();\napp.use(express.json());\napp.use('/auth', (req: Request, res: Response, next: NextFunction) => {\n  ${body}\n});\napp.use('/auth', auth);\napp.listen(3000);\n`;
    const auth =
      "import { Router, type Request, type Response } from 'express';\n\nexport const auth = Router();\nauth.post('/login', (req: Request, res: Response) => {\n  res.json({ user: String(req.body.user) });\n});\n";
    const files = (body: string): Record<string, string> => ({
      'package.json': PACKAGE.replace('"dependencies"', '"type": "module", "dependencies"'),
      'src/app.ts': app(body),
      'src/routes/auth.ts': auth,
    });
    expect(lint(files("limiter.consume(req.ip ?? '').then(() => next()).catch(() => res.status(429).end());"), 'src/routes/auth.ts', LIMIT, TS)).toEqual([]);
    expect(lint(files('next();'), 'src/routes/auth.ts', LIMIT, TS)).toEqual([limitMessage('4:11', 'auth (mounted in src/app.ts:11)')]);
  });
});

describe("@exortek/express-mongo-sanitize's options in a const of app.js", () => {
  const NOSQL = /no-nosql-injection/u;
  const ROUTE = "const router = require('express').Router();\nconst User = require('../models/user');\n\nrouter.post('/', async (req, res) => { res.json(await User.find({ name: req.body.name })); });\nmodule.exports = router;\n";
  const MODEL = "const mongoose = require('mongoose');\n\nmodule.exports = mongoose.model('User', new mongoose.Schema({ name: String }));\n";

  it('CommonJS: options that leave it on sanitize the router; manual mode does not', () => {
    const app = (options: string): string =>
      `const express = require('express');\nconst mongoSanitize = require('@exortek/express-mongo-sanitize');\nconst sanitizeOptions = ${options};\nconst app = express();\napp.use(express.json());\napp.use(mongoSanitize(sanitizeOptions));\napp.use('/users', require('./routes/users'));\napp.listen(3000);\n`;
    const files = (options: string): Record<string, string> => ({ 'app.js': app(options), 'routes/users.js': ROUTE, 'models/user.js': MODEL });
    expect(lint(files("{ replaceWith: '_' }"), 'routes/users.js', NOSQL)).toEqual([]);
    const found = lint(files("{ mode: 'manual' }"), 'routes/users.js', NOSQL);
    expect(found.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['4:73 no-nosql-injection']);
  });

  it('ES modules: options imported by app.mjs from a config module', () => {
    const app =
      "import express from 'express';\nimport mongoSanitize from '@exortek/express-mongo-sanitize';\nimport { sanitizeOptions } from './config.mjs';\nimport users from './routes/users.mjs';\n\nconst app = express();\napp.use(express.json());\napp.use(mongoSanitize(sanitizeOptions));\napp.use('/users', users);\napp.listen(3000);\n";
    const route =
      "import { Router } from 'express';\nimport mongoose from 'mongoose';\n\nconst User = mongoose.model('User', new mongoose.Schema({ name: String }));\nconst router = Router();\nrouter.post('/', async (req, res) => { res.json(await User.find({ name: req.body.name })); });\nexport default router;\n";
    const files = (options: string): Record<string, string> => ({ 'config.mjs': `export const sanitizeOptions = ${options};\n`, 'app.mjs': app, 'routes/users.mjs': route });
    expect(lint(files("{ replaceWith: '_' }"), 'routes/users.mjs', NOSQL, ESM)).toEqual([]);
    const found = lint(files("{ skipRoutes: ['/users'] }"), 'routes/users.mjs', NOSQL, ESM);
    expect(found.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['6:73 no-nosql-injection']);
  });
});

describe('helmet options in a const of a setup function the app is handed to (config/security.js)', () => {
  const APP = "const express = require('express');\nconst app = express();\nrequire('./config/security')(app);\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n";
  const SECURITY = (options: string): string =>
    `const helmet = require('helmet');\n\nconst helmetOptions = ${options};\n\nmodule.exports = function security(app) {\n  app.use(helmet(helmetOptions));\n};\n`;
  const files = (options: string): Record<string, string> => ({ 'app.js': APP, 'config/security.js': SECURITY(options) });

  it('disable-x-powered-by: hidePoweredBy: false there keeps the header', () => {
    const RULE = /disable-x-powered-by/u;
    expect(lint(files('{ hidePoweredBy: false }'), 'app.js', RULE)).toEqual([
      "2:13 disable-x-powered-by helmet is told to keep 'X-Powered-By' on Express app 'app' (hidePoweredBy: false). Remove that option or call app.disable('x-powered-by').",
    ]);
    expect(lint(files('{ contentSecurityPolicy: { useDefaults: true } }'), 'app.js', RULE)).toEqual([]);
  });

  it('require-https (strict): hsts: false there is no HSTS', () => {
    const RULE = /require-https/u;
    expect(lint(files('{ hsts: false }'), 'app.js', RULE, STRICT_CJS)).toEqual([
      "5:1 require-https Express app 'app' is served over plain HTTP (app.listen()) and nothing in this file shows TLS: no https.createServer, no 'trust proxy' for a TLS-terminating proxy, no HSTS. Serve it with https.createServer, or, when a proxy terminates TLS in front of it, say how many: app.set('trust proxy', 1).",
    ]);
    expect(lint(files('{ hsts: { maxAge: 31536000 } }'), 'app.js', RULE, STRICT_CJS)).toEqual([]);
  });
});

describe('helmet mounted after a router of another file whose middleware answers (require-helmet)', () => {
  const HELMET = /require-helmet/u;

  it("CommonJS: the router's use(fn) that sends is read in its own file", () => {
    const app = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.disable('x-powered-by');\napp.use('/api', require('./routes/api'));\napp.use(helmet());\napp.listen(3000);\n";
    const api = (body: string): string => `const router = require('express').Router();\nrouter.use((req, res, next) => { ${body} });\nmodule.exports = router;\n`;
    expect(lint({ 'app.js': app, 'routes/api.js': api('res.json({ ok: true });') }, 'app.js', HELMET)).toEqual([
      "5:9 require-helmet helmet is mounted on Express app 'app' (line 6) after the routes of 'require('./routes/api')' mounted on '/api' (line 5): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
    ]);
    expect(lint({ 'app.js': app, 'routes/api.js': api('next();') }, 'app.js', HELMET)).toEqual([]);
  });

  it("TypeScript: the router's use(fn) that sends", () => {
    const app =
      "import express from 'express';\nimport helmet from 'helmet';\nimport { api } from './routes/api.js';\n\nconst app = express();\napp.disable('x-powered-by');\napp.use('/api', api);\napp.use(helmet());\napp.listen(3000);\n";
    const api = (body: string): string =>
      `import { Router, type NextFunction, type Request, type Response } from 'express';\n\nexport const api = Router();\napi.use((req: Request, res: Response, next: NextFunction) => {\n  ${body}\n});\n`;
    const files = (body: string): Record<string, string> => ({
      'package.json': PACKAGE.replace('"dependencies"', '"type": "module", "dependencies"'),
      'src/app.ts': app,
      'src/routes/api.ts': api(body),
    });
    expect(lint(files('res.json({ ok: true });'), 'src/app.ts', HELMET, TS)).toEqual([
      "7:9 require-helmet helmet is mounted on Express app 'app' (line 8) after the routes of 'api' mounted on '/api' (line 7): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
    ]);
    expect(lint(files('next();'), 'src/app.ts', HELMET, TS)).toEqual([]);
  });
});
