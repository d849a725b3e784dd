// A token authentication exported by another file of the package (`exports.requireJwt = passport.authenticate('jwt',
// { session: false })`) guards a route as the same call written inline does: the user it sets comes from the token,
// not from a cookie, so `require-csrf-protection` says nothing of a route behind it that reads only that user, also
// when the route's controller is a function of another file (trial 13). The JWT may come from a cookie when some file
// of the package configures a `jwtFromRequest` that reads cookies: then it is no token authentication at all. Its
// `passport` may be a module of the package that passes the package on (`config/passport.js` with `module.exports =
// passport`), as most apps that configure a JWT strategy write it.
import type { Linter } from 'eslint';

import path from 'node:path';

import { parseCounts } from '../../src/project';
import { cjs, esm, ts, withProject as inProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;
const RULES = /require-csrf-protection/u;
const esmJs = [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }] as Linter.Config[];

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[], dir: string) => void, config: Linter.Config[] = cjs): void {
  inProject('token-auth', files, run, { config, rules: RULES, format });
}

const PACKAGE =
  '{ "name": "token-auth", "main": "app.js", "dependencies": { "express": "^5.1.0", "passport": "^0.7.0", "passport-jwt": "^4.0.1", "cookie-parser": "^1.4.7", "express-session": "^1.18.1" } }';

/** express-generator's layout: `app.js` parses cookies (or keeps a session) and mounts `routes/api.js` at `/api`. */
const cjsApp = (cookies: 'cookie-parser' | 'express-session' = 'cookie-parser'): string =>
  "const express = require('express');\n" +
  (cookies === 'cookie-parser'
    ? "const cookieParser = require('cookie-parser');\nconst api = require('./routes/api');\nconst app = express();\napp.use(cookieParser());\n"
    : "const session = require('express-session');\nconst api = require('./routes/api');\nconst app = express();\napp.use(session({ secret: process.env.S }));\n") +
  "app.use('/api', api);\nmodule.exports = app;\n";
const cjsRoutes = (imported: string, use: string): string =>
  `const express = require('express');\n${imported}\nconst orders = require('../controllers/orders');\nconst router = express.Router();\n` +
  `router.post('/orders', ${use}, orders.create);\nmodule.exports = router;\n`;
const CJS_CONTROLLER = 'exports.create = (req, res) => res.status(201).json({ owner: req.user.id, ok: req.isAuthenticated() });\n';
/** Where `POST /orders` is reported in `routes/api.js`. */
const REPORTED = ['5:13 secure-express/require-csrf-protection'];

function cjsProject(auth: string, routes = cjsRoutes("const { requireJwt } = require('../middleware/auth');", 'requireJwt')): Record<string, string> {
  return { 'package.json': PACKAGE, 'app.js': cjsApp(), 'routes/api.js': routes, 'controllers/orders.js': CJS_CONTROLLER, 'middleware/auth.js': auth };
}

describe('a token authentication exported by another file of the package', () => {
  it('CommonJS: `exports.x =`, `module.exports =`, an object, a const, behind cookie-parser or a session (trial 13)', () => {
    const passport = "const passport = require('passport');\n";
    const named = [
      `${passport}exports.requireJwt = passport.authenticate('jwt', { session: false });\n`,
      `${passport}module.exports = { requireJwt: passport.authenticate('bearer', { session: false }) };\n`,
      `${passport}const requireJwt = passport.authenticate(['jwt', 'basic'], { session: false });\nmodule.exports.requireJwt = requireJwt;\n`,
    ];
    for (const auth of named) {
      withProject(cjsProject(auth), (lint) => expect([auth, ...lint('routes/api.js')]).toEqual([auth]));
      withProject({ ...cjsProject(auth), 'app.js': cjsApp('express-session') }, (lint) => expect([auth, ...lint('routes/api.js')]).toEqual([auth]));
    }
    // The whole module, and one the route's file names as a property of it.
    const whole = `${passport}module.exports = passport.authenticate('jwt', { session: false });\n`;
    withProject(cjsProject(whole, cjsRoutes("const requireJwt = require('../middleware/auth');", 'requireJwt')), (lint) => expect(lint('routes/api.js')).toEqual([]));
    withProject(cjsProject(named[0]!, cjsRoutes("const auth = require('../middleware/auth');", 'auth.requireJwt')), (lint) => expect(lint('routes/api.js')).toEqual([]));
  });

  it('CommonJS: mounted by the importer with options it imports from a config module (read with its own imports, session 15)', () => {
    const app = cjsApp()
      .replace("const express = require('express');\n", "const express = require('express');\nconst passport = require('passport');\nconst { jwtAuth } = require('./config');\n")
      .replace("app.use('/api', api)", "app.use('/api', passport.authenticate('jwt', jwtAuth), api)");
    const config = (session: string): string => `module.exports = { jwtAuth: { session: ${session} } };\n`;
    const routes = cjsRoutes('', 'express.json()');
    withProject({ ...cjsProject('', routes), 'app.js': app, 'config.js': config('false') }, (lint) => expect(lint('routes/api.js')).toEqual([]));
    withProject({ ...cjsProject('', routes), 'app.js': app, 'config.js': config('true') }, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED));
  });

  it('CommonJS: mounted by the importer before the router (`app.use(\'/api\', passport.authenticate(...), api)`)', () => {
    const mounted = (options: string): string =>
      cjsApp().replace("const express = require('express');\n", "const express = require('express');\nconst passport = require('passport');\n").replace("app.use('/api', api)", `app.use('/api', passport.authenticate('jwt'${options}), api)`);
    const routes = cjsRoutes('', 'express.json()');
    withProject({ ...cjsProject('', routes), 'app.js': mounted(', { session: false }') }, (lint) => expect(lint('routes/api.js')).toEqual([]));
    withProject({ ...cjsProject('', routes), 'app.js': mounted('') }, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED));
  });

  it('CommonJS: still reported with a session, a strategy that is no token, a handler that reads the cookies', () => {
    const passport = "const passport = require('passport');\n";
    const sessions = [
      `${passport}exports.requireJwt = passport.authenticate('jwt');\n`,
      `${passport}exports.requireJwt = passport.authenticate('jwt', { session: true });\n`,
      `${passport}exports.requireJwt = passport.authenticate('local', { session: false });\n`,
      `${passport}exports.requireJwt = passport.authenticate(process.env.STRATEGY, { session: false });\n`,
      `${passport}const opts = { session: false };\nopts.session = globalThis.keep;\nexports.requireJwt = passport.authenticate('jwt', opts);\n`,
    ];
    for (const auth of sessions) withProject(cjsProject(auth), (lint) => expect([auth, ...lint('routes/api.js')]).toEqual([auth, ...REPORTED]));
    // The controller of another file reads the cookies themselves (not Passport's user): they are trusted.
    const token = `${passport}exports.requireJwt = passport.authenticate('jwt', { session: false });\n`;
    const cookies = { ...cjsProject(token), 'controllers/orders.js': 'exports.create = (req, res) => res.json({ owner: req.user.id, cart: req.session.cart });\n' };
    withProject({ ...cookies, 'app.js': cjsApp('express-session') }, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED));
    // No token authentication runs: the controller's `req.user` is the session's.
    withProject(cjsProject(token, cjsRoutes("const { requireJwt } = require('../middleware/auth');", 'express.json()')), (lint) => expect(lint('routes/api.js')).toEqual(REPORTED));
  });

  it('the JWT read from a cookie by a strategy configured in any file of the package: no token authentication', () => {
    const token = "const passport = require('passport');\nexports.requireJwt = passport.authenticate('jwt', { session: false });\n";
    const strategy =
      "const passport = require('passport');\nconst { Strategy, ExtractJwt } = require('passport-jwt');\n" +
      'passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromExtractors([(req) => req.cookies.jwt]), secretOrKey: process.env.K }, (p, done) => done(null, p)));\n';
    withProject({ ...cjsProject(token), 'config/passport.js': strategy }, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED));
    // Inline in the route's file too (the strategy configured in a file it does not import).
    const inline = cjsRoutes("const passport = require('passport');", "passport.authenticate('jwt', { session: false })");
    withProject({ ...cjsProject(token, inline), 'config/passport.js': strategy }, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED));
    withProject(cjsProject(token, inline), (lint) => expect(lint('routes/api.js')).toEqual([]));
    // A strategy that reads the header: still a token.
    const header = strategy.replace('ExtractJwt.fromExtractors([(req) => req.cookies.jwt])', 'ExtractJwt.fromAuthHeaderAsBearerToken()');
    withProject({ ...cjsProject(token), 'config/passport.js': header }, (lint) => expect(lint('routes/api.js')).toEqual([]));
  });

  it('ESM: `export const requireJwt = passport.authenticate(...)`, through a barrel', () => {
    const pkg = PACKAGE.replace('"main"', '"type": "module", "main"');
    const app =
      "import express from 'express';\nimport cookieParser from 'cookie-parser';\nimport api from './routes/api.js';\nconst app = express();\napp.use(cookieParser());\napp.use('/api', api);\nexport default app;\n";
    const routes = (specifier: string): string =>
      `import { Router } from 'express';\nimport { requireJwt } from '${specifier}';\nimport * as orders from '../controllers/orders.js';\nconst router = Router();\n` +
      "router.post('/orders', requireJwt, orders.create);\nexport default router;\n";
    const files = {
      'package.json': pkg,
      'app.js': app,
      'routes/api.js': routes('../middleware/auth.js'),
      'controllers/orders.js': 'export const create = (req, res) => res.status(201).json({ owner: req.user.id });\n',
      'middleware/auth.js': "import passport from 'passport';\nexport const requireJwt = passport.authenticate('jwt', { session: false });\n",
    };
    withProject(files, (lint) => expect(lint('routes/api.js')).toEqual([]), esmJs);
    withProject({ ...files, 'routes/api.js': routes('../middleware/index.js'), 'middleware/index.js': "export * from './auth.js';\n" }, (lint) => expect(lint('routes/api.js')).toEqual([]), esmJs);
    // With a session: reported.
    const session = { ...files, 'middleware/auth.js': files['middleware/auth.js'].replace("{ session: false }", '{ session: true }') };
    withProject(session, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED), esmJs);
  });

  it('TypeScript: an exported const, its options a const of that file; a controller that reads the cookies is reported', () => {
    const pkg = PACKAGE.replace('"app.js"', '"app.ts"');
    const app =
      "import express from 'express';\nimport cookieParser from 'cookie-parser';\nimport api from './routes/api';\nconst app = express();\napp.use(cookieParser());\napp.use('/api', api);\nexport default app;\n";
    const files = {
      'package.json': pkg,
      'app.ts': app,
      'routes/api.ts':
        "import { Router } from 'express';\nimport { requireJwt } from '../middleware/auth';\nimport { create } from '../controllers/orders';\nconst router = Router();\n" +
        "router.post('/orders', requireJwt, create);\nexport default router;\n",
      'controllers/orders.ts': "import type { Request, Response } from 'express';\nexport function create(req: Request, res: Response) {\n  res.json({ owner: (req.user as { id: string }).id });\n}\n",
      'middleware/auth.ts': "import passport from 'passport';\nconst NO_SESSION = { session: false } as const;\nexport const requireJwt = passport.authenticate('bearer', NO_SESSION);\n",
    };
    withProject(files, (lint) => expect(lint('routes/api.ts')).toEqual([]), ts);
    const cookies = { ...files, 'controllers/orders.ts': files['controllers/orders.ts'].replace('(req.user as { id: string }).id', 'req.cookies.owner') };
    withProject(cookies, (lint) => expect(lint('routes/api.ts')).toEqual(REPORTED), ts);
  });

  it('a step of another file that runs the token authentication with its own req, res, next (a function, a factory\'s) guards as the call does (session 26, CJS, ESM, TS)', () => {
    const passport = "const passport = require('passport');\n";
    const steps = [
      `${passport}exports.requireJwt = function (req, res, next) {\n  passport.authenticate('jwt', { session: false })(req, res, next);\n};\n`,
      `${passport}exports.requireJwt = (req, res, next) => passport.authenticate('bearer', { session: false }, (err, user) => (user ? next() : res.sendStatus(401)))(req, res, next);\n`,
    ];
    for (const auth of steps) withProject(cjsProject(auth), (lint) => expect([auth, ...lint('routes/api.js')]).toEqual([auth]));
    // A factory's step (express-gateway's policies): `jwtPolicy({})` in the route.
    const factory = `${passport}module.exports = function (params) {\n  return function (req, res, next) {\n    passport.authenticate('jwt', { session: false })(req, res, next);\n  };\n};\n`;
    withProject(cjsProject(factory, cjsRoutes("const jwtPolicy = require('../middleware/auth');", 'jwtPolicy({})')), (lint) => expect(lint('routes/api.js')).toEqual([]));
    // Not read, so reported as before: the step runs it only when no user is known, or hands it another next.
    const unread = [
      `${passport}exports.requireJwt = function (req, res, next) {\n  if (req.user) return next();\n  passport.authenticate('jwt', { session: false })(req, res, next);\n};\n`,
      `${passport}exports.requireJwt = (req, res, next) => passport.authenticate('jwt', { session: false })(req, res, () => next());\n`,
    ];
    for (const auth of unread) withProject(cjsProject(auth), (lint) => expect([auth, ...lint('routes/api.js')]).toEqual([auth, ...REPORTED]));
    // ESM and TypeScript: an exported function.
    const esmFiles = {
      'package.json': PACKAGE.replace('"main"', '"type": "module", "main"'),
      'app.js': "import express from 'express';\nimport cookieParser from 'cookie-parser';\nimport api from './routes/api.js';\nconst app = express();\napp.use(cookieParser());\napp.use('/api', api);\nexport default app;\n",
      'routes/api.js':
        "import { Router } from 'express';\nimport { requireJwt } from '../middleware/auth.js';\nimport * as orders from '../controllers/orders.js';\nconst router = Router();\n" +
        "router.post('/orders', requireJwt, orders.create);\nexport default router;\n",
      'controllers/orders.js': 'export const create = (req, res) => res.status(201).json({ owner: req.user.id });\n',
      'middleware/auth.js': "import passport from 'passport';\nexport function requireJwt(req, res, next) {\n  return passport.authenticate('jwt', { session: false })(req, res, next);\n}\n",
    };
    withProject(esmFiles, (lint) => expect(lint('routes/api.js')).toEqual([]), esmJs);
    withProject({ ...esmFiles, 'middleware/auth.js': esmFiles['middleware/auth.js'].replace('{ session: false }', '{ session: true }') }, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED), esmJs);
    const tsFiles = {
      'package.json': PACKAGE.replace('"app.js"', '"app.ts"'),
      'app.ts': "import express from 'express';\nimport cookieParser from 'cookie-parser';\nimport api from './routes/api';\nconst app = express();\napp.use(cookieParser());\napp.use('/api', api);\nexport default app;\n",
      'routes/api.ts':
        "import { Router } from 'express';\nimport { requireJwt } from '../middleware/auth';\nimport { create } from '../controllers/orders';\nconst router = Router();\n" +
        "router.post('/orders', requireJwt, create);\nexport default router;\n",
      'controllers/orders.ts': "import type { Request, Response } from 'express';\nexport function create(req: Request, res: Response) {\n  res.json({ owner: (req.user as { id: string }).id });\n}\n",
      'middleware/auth.ts':
        "import type { NextFunction, Request, Response } from 'express';\nimport passport from 'passport';\n" +
        "export const requireJwt = async (req: Request, res: Response, next: NextFunction): Promise<void> => {\n  await passport.authenticate('bearer', { session: false })(req, res, next);\n};\n",
    };
    withProject(tsFiles, (lint) => expect(lint('routes/api.ts')).toEqual([]), ts);
    withProject({ ...tsFiles, 'middleware/auth.ts': tsFiles['middleware/auth.ts'].replace('(req, res, next)', '(req, res, (err?: unknown) => next(err))') }, (lint) => expect(lint('routes/api.ts')).toEqual(REPORTED), ts);
  });

  describe('on a `passport` that a module of the package passes on (`config/passport.js` with `module.exports = passport`)', () => {
    /** Where the strategy is configured (reading the JWT from a header) and the package's passport passed on. */
    const config = (style: 'cjs' | 'esm'): string =>
      style === 'cjs'
        ? "const passport = require('passport');\nconst { Strategy, ExtractJwt } = require('passport-jwt');\n" +
          'passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET }, (p, done) => done(null, p)));\n' +
          'module.exports = passport;\n'
        : "import passport from 'passport';\nimport { Strategy, ExtractJwt } from 'passport-jwt';\n" +
          'passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET }, (p, done) => done(null, p)));\n' +
          'export default passport;\n';
    const cjsAuth = (args: string): string => `const passport = require('../config/passport');\nexports.requireJwt = passport.authenticate(${args});\n`;
    const TOKEN = "'jwt', { session: false }";
    const NOT_TOKEN = ["'jwt'", "'local', { session: false }", "'jwt', { session: true }"];

    it('CommonJS: exported by middleware/auth.js, or written inline in the route\'s file, behind cookie-parser or a session', () => {
      const files = { ...cjsProject(cjsAuth(TOKEN)), 'config/passport.js': config('cjs') };
      withProject(files, (lint, dir) => {
        expect(lint('routes/api.js')).toEqual([]);
        // config/passport.js is parsed once, as before (read for what middleware/auth.js exports): no more files.
        const parsed = [...parseCounts()].filter(([f]) => f.startsWith(dir)).map(([f, n]) => `${path.relative(dir, f).split(path.sep).join('/')}=${n}`);
        expect(parsed.sort()).toEqual(['app.js=1', 'config/passport.js=1', 'controllers/orders.js=1', 'middleware/auth.js=1']);
      });
      withProject({ ...files, 'app.js': cjsApp('express-session') }, (lint) => expect(lint('routes/api.js')).toEqual([]));
      // Destructured from the module (`const { authenticate } = require('../config/passport')`).
      const destructured = "const { authenticate } = require('../config/passport');\nexports.requireJwt = authenticate('jwt', { session: false });\n";
      withProject({ ...files, 'middleware/auth.js': destructured }, (lint) => expect(lint('routes/api.js')).toEqual([]));
      for (const args of NOT_TOKEN) {
        withProject({ ...cjsProject(cjsAuth(args)), 'config/passport.js': config('cjs') }, (lint) => expect([args, ...lint('routes/api.js')]).toEqual([args, ...REPORTED]));
      }
      // Inline in the route's file (its own model reads the import as passport: this worked before, kept here).
      const inline = (args: string): string => cjsRoutes("const passport = require('../config/passport');", `passport.authenticate(${args})`);
      withProject({ ...files, 'routes/api.js': inline(TOKEN) }, (lint) => expect(lint('routes/api.js')).toEqual([]));
      for (const args of NOT_TOKEN) withProject({ ...files, 'routes/api.js': inline(args) }, (lint) => expect([args, ...lint('routes/api.js')]).toEqual([args, ...REPORTED]));
      // A module that passes on something else than the package (a function that configures it): not read as passport.
      const configures = "const passport = require('passport');\nmodule.exports = (app) => app.use(passport.initialize());\n";
      withProject({ ...files, 'config/passport.js': configures }, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED));
      // The strategy configured there reads the JWT from a cookie: no token authentication.
      const cookie = config('cjs').replace('ExtractJwt.fromAuthHeaderAsBearerToken()', 'ExtractJwt.fromExtractors([(req) => req.cookies.jwt])');
      withProject({ ...files, 'config/passport.js': cookie }, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED));
    });

    it('ESM: `export default passport`, imported by middleware/auth.js or the route\'s file', () => {
      const pkg = PACKAGE.replace('"main"', '"type": "module", "main"');
      const app =
        "import express from 'express';\nimport cookieParser from 'cookie-parser';\nimport api from './routes/api.js';\nconst app = express();\napp.use(cookieParser());\napp.use('/api', api);\nexport default app;\n";
      const routes = (imported: string, use: string): string =>
        `import { Router } from 'express';\n${imported}\nimport * as orders from '../controllers/orders.js';\nconst router = Router();\n` +
        `router.post('/orders', ${use}, orders.create);\nexport default router;\n`;
      const auth = (args: string): string => `import passport from '../config/passport.js';\nexport const requireJwt = passport.authenticate(${args});\n`;
      const files = {
        'package.json': pkg,
        'app.js': app,
        'config/passport.js': config('esm'),
        'routes/api.js': routes("import { requireJwt } from '../middleware/auth.js';", 'requireJwt'),
        'controllers/orders.js': 'export const create = (req, res) => res.status(201).json({ owner: req.user.id });\n',
        'middleware/auth.js': auth(TOKEN),
      };
      withProject(files, (lint) => expect(lint('routes/api.js')).toEqual([]), esmJs);
      for (const args of NOT_TOKEN) withProject({ ...files, 'middleware/auth.js': auth(args) }, (lint) => expect([args, ...lint('routes/api.js')]).toEqual([args, ...REPORTED]), esmJs);
      const inline = (args: string): string => routes("import passport from '../config/passport.js';", `passport.authenticate(${args})`);
      withProject({ ...files, 'routes/api.js': inline(TOKEN) }, (lint) => expect(lint('routes/api.js')).toEqual([]), esmJs);
      withProject({ ...files, 'routes/api.js': inline("'local', { session: false }") }, (lint) => expect(lint('routes/api.js')).toEqual(REPORTED), esmJs);
    });

    it('TypeScript: `export default passport`, the middleware a `const` of middleware/auth.ts', () => {
      const pkg = PACKAGE.replace('"app.js"', '"app.ts"');
      const app =
        "import express from 'express';\nimport session from 'express-session';\nimport api from './routes/api';\nconst app = express();\napp.use(session({ secret: process.env.S! }));\napp.use('/api', api);\nexport default app;\n";
      const auth = (args: string): string =>
        `import type { RequestHandler } from 'express';\nimport passport from '../config/passport';\nconst requireJwt: RequestHandler = passport.authenticate(${args});\nexport { requireJwt };\n`;
      const files = {
        'package.json': pkg,
        'app.ts': app,
        'config/passport.ts': config('esm'),
        'routes/api.ts':
          "import { Router } from 'express';\nimport { requireJwt } from '../middleware/auth';\nimport { create } from '../controllers/orders';\nconst router = Router();\n" +
          "router.post('/orders', requireJwt, create);\nexport default router;\n",
        'controllers/orders.ts': "import type { Request, Response } from 'express';\nexport function create(req: Request, res: Response) {\n  res.json({ owner: (req.user as { id: string }).id });\n}\n",
        'middleware/auth.ts': auth(TOKEN),
      };
      withProject(files, (lint) => expect(lint('routes/api.ts')).toEqual([]), ts);
      for (const args of NOT_TOKEN) withProject({ ...files, 'middleware/auth.ts': auth(args) }, (lint) => expect([args, ...lint('routes/api.ts')]).toEqual([args, ...REPORTED]), ts);
    });
  });

  it('reads no more files than before: the exported middleware was read already, the strategy only by its text', () => {
    const token = "const passport = require('passport');\nexports.requireJwt = passport.authenticate('jwt', { session: false });\n";
    const strategy =
      "const passport = require('passport');\nconst { Strategy } = require('passport-jwt');\n" +
      "passport.use(new Strategy({ jwtFromRequest: (req) => req.cookies.jwt, secretOrKey: process.env.K }, (p, done) => done(null, p)));\n";
    const files = { ...cjsProject(token), 'app.js': `require('./config/passport');\n${cjsApp()}`, 'config/passport.js': strategy };
    withProject(files, (lint, dir) => {
      expect(lint('routes/api.js')).toEqual(REPORTED);
      const parsed = [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/'));
      expect(parsed).not.toContain('config/passport.js');
    });
  });
});
