// Route modules that add routes to a router made in another file of the package (`const router = require('./router');
// router.post('/login', ...)`), which a third file mounts (`app.use('/auth', require('./routes/router'))`): Express runs
// a router's routes when a request reaches the router, whenever they were added, so they get the chain the router's own
// file gets (src/project `importedRouterMount`): what that file mounts on it, then the mount's path and what the app ran
// before the mount. Mounted twice or never, handed on, re-exported by a file that changes it, an import cycle, or
// middleware another file mounts on it: unknown. The fixture projects tests/fixtures/projects/imported-router{,-ts} are
// linted whole at the end (here, not in tests/projects.test.ts, whose count of projects is bounded by the model's cache).
import type { Linter } from 'eslint';

import { startsWholeAppWalk } from '../../src/project/scan';
import { fixture, lintProject } from '../helpers/projects';
import { cjs, esm, ts, withProject } from './fixture-project';

const RULES = /require-rate-limit|require-csrf-protection/u;
const PACKAGE = '{ "name": "imported-router", "main": "app.js", "dependencies": { "express": "^4.21.2", "express-session": "^1.18.1", "express-rate-limit": "^7.5.0" } }';
const LIMITER = "require('express-rate-limit')({ windowMs: 60000, limit: 5 })";
const SESSION = "app.use(require('express-session')({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));";
const APP = (before = '', mount = "app.use('/auth', require('./routes/router'));\n", after = ''): string =>
  `const express = require('express');\n\nconst app = express();\napp.use(express.urlencoded({ extended: false }));\n${SESSION}\n${before}require('./routes/auth');\n${mount}${after}\napp.listen(3000);\n`;
const ROUTER = "const express = require('express');\n\nconst router = express.Router();\n\nmodule.exports = router;\n";
const AUTH = "const router = require('./router');\n\nrouter.post('/login', (req, res) => {\n  req.session.user = String(req.body.user);\n  res.redirect('/');\n});\n";

/** `line:column ruleId: message`. */
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`;
const limitMessage = (path: string, router: string): string =>
  `Authentication route 'POST ${path}' on '${router}' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.`;
const csrfMessage = (path: string, router: string): string =>
  `Route 'POST ${path}' on '${router}' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.`;
const ROUTER_AT = (line = 7): string => `router (routes/router.js:3, mounted in app.js:${line})`;
const found = (path = '/auth/login', router = ROUTER_AT()): string[] => [
  `3:13 secure-express/require-csrf-protection: ${csrfMessage(path, router)}`,
  `3:13 secure-express/require-rate-limit: ${limitMessage(path, router)}`,
];
const csrfOnly = (path = '/auth/login', router = ROUTER_AT()): string[] => [`3:13 secure-express/require-csrf-protection: ${csrfMessage(path, router)}`];

const lintAuth = (changes: Record<string, string>, config = cjs, name = 'routes/auth.js'): string[] => {
  let result: string[] = [];
  const files = { 'package.json': PACKAGE, 'app.js': APP(), 'routes/router.js': ROUTER, 'routes/auth.js': AUTH, ...changes };
  withProject('imported-router', files, (lint) => (result = lint(name)), { config, rules: RULES, format });
  return result;
};

describe('routes added to a router imported from another file, mounted by a third', () => {
  it('CommonJS: the router gets its mount and what the app ran before it', () => {
    expect(lintAuth({})).toEqual(found());
    // A limiter the app mounts before the router (whenever the route module loads), in the mount, or in the router's file.
    expect(lintAuth({ 'app.js': APP(`app.use(${LIMITER});\n`) })).toEqual(csrfOnly('/auth/login', ROUTER_AT(8)));
    expect(lintAuth({ 'app.js': APP('', `app.use('/auth', ${LIMITER}, require('./routes/router'));\n`) })).toEqual(csrfOnly());
    expect(lintAuth({ 'routes/router.js': ROUTER.replace('\nmodule.exports', `router.use(${LIMITER});\n\nmodule.exports`) })).toEqual(csrfOnly());
    // One the route module mounts on the router before its route, or on the route itself.
    expect(lintAuth({ 'routes/auth.js': AUTH.replace('\nrouter.post', `\nrouter.use(${LIMITER});\nrouter.post`) })).toEqual(['4:13 secure-express/require-csrf-protection: ' + csrfMessage('/auth/login', ROUTER_AT())]);
    expect(lintAuth({ 'routes/auth.js': AUTH.replace("'/login', ", `'/login', ${LIMITER}, `) })).toEqual(csrfOnly());
    // A limiter the app mounts after the router runs after its routes (named, with where it is: session 20); one on
    // another path does not run for them.
    expect(lintAuth({ 'app.js': APP('', undefined, `app.use(${LIMITER});\n`) })).toEqual([
      `3:13 secure-express/require-csrf-protection: ${csrfMessage('/auth/login', ROUTER_AT())}`,
      `3:13 secure-express/require-rate-limit: Rate limiter 'require(...)(...)' (app.js:8) is mounted after authentication route 'POST /auth/login' on '${ROUTER_AT()}', so it never runs for that route: mount it before the route.`,
    ]);
    expect(lintAuth({ 'app.js': APP(`app.use('/admin', ${LIMITER});\n`) })).toEqual(found('/auth/login', ROUTER_AT(8)));
    // Another route module that adds its own routes changes nothing.
    expect(lintAuth({ 'routes/users.js': "const router = require('./router');\n\nrouter.get('/me', (req, res) => res.json({}));\n" })).toEqual(found());
  });

  it('a route module that only wires controllers (no other sign of Express in it) is read too', () => {
    const wiring = "const router = require('./router');\nconst auth = require('../controllers/auth');\n\nrouter.post('/login', auth.login);\n";
    const controller = 'exports.login = (req, res) => {\n  req.session.user = String(req.body.user);\n  res.redirect(\'/\');\n};\n';
    expect(lintAuth({ 'routes/auth.js': wiring, 'controllers/auth.js': controller }).map((line) => line.replace(/^4:/u, '3:'))).toEqual(found());
    // The same with a limiter before the mount: only CSRF.
    expect(lintAuth({ 'routes/auth.js': wiring, 'controllers/auth.js': controller, 'app.js': APP(`app.use(${LIMITER});\n`) }).map((line) => line.replace(/^4:/u, '3:'))).toEqual(
      csrfOnly('/auth/login', ROUTER_AT(8)),
    );
    // An app imported from a module of the package and given routes here, as `routes/auth.js` of a layout whose server.js
    // loads app.js, then the route module.
    const appFile = `const express = require('express');\n\nconst app = express();\n${SESSION}\nmodule.exports = app;\n`;
    const server = "const app = require('./app');\nrequire('./routes/auth');\napp.listen(3000);\n";
    const onApp = "const app = require('../app');\nconst auth = require('../controllers/auth');\n\napp.post('/login', auth.login);\n";
    expect(lintAuth({ 'app.js': appFile, 'server.js': server, 'routes/auth.js': onApp, 'controllers/auth.js': controller, 'routes/router.js': '' })).toEqual([
      "4:10 secure-express/require-csrf-protection: Route 'POST /login' on 'app (app.js:3)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.",
      "4:10 secure-express/require-rate-limit: Authentication route 'POST /login' on 'app (app.js:3)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    ]);
  });

  it('the sign: a route call with a path on a name bound to a module of the package, not on a package or a local', () => {
    expect(startsWholeAppWalk("const router = require('./router');\nrouter.post('/login', auth.login);\n")).toBe(true);
    expect(startsWholeAppWalk("import app from '../app.js';\napp\n  .route('/users')\n  .get(users.list);\n")).toBe(true);
    expect(startsWholeAppWalk("import * as web from './web';\nweb.use('/api', api);\n")).toBe(true);
    expect(startsWholeAppWalk("const cache = require('lru-cache');\ncache.get('/x');\n")).toBe(false);
    expect(startsWholeAppWalk("const store = require('./store');\nconst map = new Map();\nmap.get('/x');\nstore.get(key);\n")).toBe(false);
  });

  it('ES modules and TypeScript: a route module that only wires controllers', () => {
    const pkg = PACKAGE.replace('"main": "app.js"', '"type": "module", "main": "app.mjs"');
    const files = {
      'package.json': pkg,
      'app.mjs': `import express from 'express';\nimport session from 'express-session';\nimport router from './routes/router.mjs';\nimport './routes/auth.mjs';\n\nconst app = express();\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));\napp.use('/auth', router);\napp.listen(3000);\n`,
      'routes/router.mjs': "import express from 'express';\n\nconst router = express.Router();\n\nexport default router;\n",
      'routes/auth.mjs': "import router from './router.mjs';\nimport * as auth from '../controllers/auth.mjs';\n\nrouter.post('/login', auth.login);\n",
      'controllers/auth.mjs': "export const login = (req, res) => {\n  req.session.user = String(req.body.user);\n  res.redirect('/');\n};\n",
    };
    let result: string[] = [];
    withProject('imported-router-wiring', files, (lint) => (result = lint('routes/auth.mjs')), { config: esm, rules: RULES, format });
    expect(result).toEqual([
      `4:13 secure-express/require-csrf-protection: ${csrfMessage('/auth/login', 'router (routes/router.mjs:3, mounted in app.mjs:8)')}`,
      `4:13 secure-express/require-rate-limit: ${limitMessage('/auth/login', 'router (routes/router.mjs:3, mounted in app.mjs:8)')}`,
    ]);
    const tsFiles = Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name.replace(/\.mjs$/u, '.ts'), text.replaceAll('.mjs', '.js').replace('"main": "app.js"', '"main": "app.js"')]),
    );
    withProject('imported-router-wiring-ts', tsFiles, (lint) => (result = lint('routes/auth.ts')), { config: ts, rules: RULES, format });
    expect(result).toEqual([
      `4:13 secure-express/require-csrf-protection: ${csrfMessage('/auth/login', 'router (routes/router.ts:3, mounted in app.ts:8)')}`,
      `4:13 secure-express/require-rate-limit: ${limitMessage('/auth/login', 'router (routes/router.ts:3, mounted in app.ts:8)')}`,
    ]);
  });

  it('CommonJS: through a barrel that only passes the router on', () => {
    const app = APP('', "app.use('/auth', require('./routes').router);\n");
    expect(lintAuth({ 'app.js': app, 'routes/index.js': "exports.router = require('./router');\n" })).toEqual(found());
  });

  it('CommonJS: unknown, and not reported, when the chain is not known', () => {
    // Mounted twice (in one file or in two) or never.
    expect(lintAuth({ 'app.js': APP('', "const auth = require('./routes/router');\napp.use('/auth', auth);\napp.use('/v1/auth', auth);\n") })).toEqual([]);
    expect(lintAuth({ 'app.js': APP('', "app.use('/auth', require('./routes/router'));\napp.use('/v1/auth', require('./routes/router'));\n") })).toEqual([]);
    expect(lintAuth({ 'app.js': APP(), 'admin.js': "const express = require('express');\n\nconst admin = express();\nadmin.use('/auth', require('./routes/router'));\nadmin.listen(3001);\n" })).toEqual([]);
    expect(lintAuth({ 'app.js': APP('', '') })).toEqual([]);
    // Another file mounts middleware on the router: where it runs among these routes depends on the load order.
    expect(lintAuth({ 'routes/audit.js': "const router = require('./router');\n\nrouter.use((req, res, next) => next());\n" })).toEqual([]);
    // An import cycle: the router's file loads the route module.
    expect(lintAuth({ 'routes/router.js': `${ROUTER}require('./auth');\n`, 'app.js': APP().replace("require('./routes/auth');\n", '') })).toEqual([]);
    // Handed to code: by its file, by the route module, by the file that mounts it.
    expect(lintAuth({ 'routes/router.js': ROUTER.replace('\nmodule.exports', "require('../plugins')(router);\n\nmodule.exports"), 'plugins.js': 'module.exports = (router) => router;\n' })).toEqual([]);
    expect(lintAuth({ 'routes/auth.js': `${AUTH}require('../plugins')(router);\n`, 'plugins.js': 'module.exports = (router) => router;\n' })).toEqual([]);
    expect(lintAuth({ 'app.js': APP('', "const auth = require('./routes/router');\nrequire('./plugins')(auth);\napp.use('/auth', auth);\n"), 'plugins.js': 'module.exports = (router) => router;\n' })).toEqual([]);
    // Re-exported by a file that changes it (the route module itself, or another).
    expect(lintAuth({ 'routes/auth.js': `${AUTH}\nmodule.exports = router;\n`, 'app.js': APP('', "app.use('/auth', require('./routes/auth'));\n").replace("require('./routes/auth');\n", '') })).toEqual([]);
    expect(
      lintAuth({
        'routes/index.js': "const router = require('./router');\n\nrouter.get('/ping', (req, res) => res.send('ok'));\nmodule.exports = router;\n",
        'app.js': APP('', "app.use('/auth', require('./routes'));\n"),
      }),
    ).toEqual([]);
  });

  it('ES modules: the same chain', () => {
    const files = {
      'app.mjs': `import express from 'express';\nimport session from 'express-session';\nimport './routes/auth.mjs';\nimport router from './routes/router.mjs';\n\nconst app = express();\napp.use(express.urlencoded({ extended: false }));\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));\napp.use('/auth', router);\napp.listen(3000);\n`,
      'routes/router.mjs': "import { Router } from 'express';\n\nconst router = Router();\nexport default router;\n",
      'routes/auth.mjs': "import router from './router.mjs';\n\nrouter.post('/login', (req, res) => {\n  req.session.user = String(req.body.user);\n  res.redirect('/');\n});\n",
    };
    expect(lintAuth(files, esm, 'routes/auth.mjs')).toEqual(found('/auth/login', 'router (routes/router.mjs:3, mounted in app.mjs:9)'));
    const limited = files['app.mjs'].replace("app.use('/auth', router);", "app.use(rateLimit({ windowMs: 60000, limit: 5 }));\napp.use('/auth', router);").replace("import express from 'express';", "import express from 'express';\nimport rateLimit from 'express-rate-limit';");
    expect(lintAuth({ ...files, 'app.mjs': limited }, esm, 'routes/auth.mjs')).toEqual(csrfOnly('/auth/login', 'router (routes/router.mjs:3, mounted in app.mjs:11)'));
  });

  describe('TypeScript', () => {
    const TS_PACKAGE = '{ "name": "imported-router-ts", "type": "module", "scripts": { "start": "tsx src/app.ts" }, "dependencies": { "express": "^4.21.2", "express-session": "^1.18.1", "express-rate-limit": "^7.5.0" } }';
    const TS_APP = (mount = "app.use('/api/auth', router);\n", before = ''): string =>
      `import express from 'express';\nimport session from 'express-session';\nimport { rateLimit } from 'express-rate-limit';\nimport { router } from './routes/router';\nimport './routes/auth';\n\nconst app = express();\napp.use(express.urlencoded({ extended: false }));\napp.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));\n${before}${mount}\napp.listen(3000);\n`;
    const TS_ROUTER = "import { Router } from 'express';\n\nexport const router = Router();\n";
    const TS_AUTH = (specifier = './router.js'): string =>
      `import type { Request, Response } from 'express';\nimport { router } from '${specifier}';\n\nrouter.post('/login', (req: Request, res: Response) => {\n  req.session.regenerate(() => {\n    res.json({ user: String(req.body.user) });\n  });\n});\n`;
    const lintTs = (app: string, auth = TS_AUTH()): string[] => {
      let result: string[] = [];
      const files = { 'package.json': TS_PACKAGE, 'src/app.ts': app, 'src/routes/router.ts': TS_ROUTER, 'src/routes/auth.ts': auth };
      withProject('imported-router-ts', files, (lint) => (result = lint('src/routes/auth.ts')), { config: ts, rules: RULES, format });
      return result;
    };
    const ROUTER_NAME = 'router (src/routes/router.ts:3, mounted in src/app.ts:10)';
    const tsFound = [`4:13 secure-express/require-csrf-protection: ${csrfMessage('/api/auth/login', ROUTER_NAME)}`, `4:13 secure-express/require-rate-limit: ${limitMessage('/api/auth/login', ROUTER_NAME)}`];

    it('reported without a limiter before the mount (imports written with `.js` or without an extension)', () => {
      expect(lintTs(TS_APP())).toEqual(tsFound);
      expect(lintTs(TS_APP(), TS_AUTH('./router'))).toEqual(tsFound);
      expect(lintTs(TS_APP(undefined, 'app.use(rateLimit({ windowMs: 60000, limit: 5 }));\n'))).toEqual([
        `4:13 secure-express/require-csrf-protection: ${csrfMessage('/api/auth/login', 'router (src/routes/router.ts:3, mounted in src/app.ts:11)')}`,
      ]);
    });

    it('unknown when mounted twice or never', () => {
      expect(lintTs(TS_APP("app.use('/api/auth', router);\napp.use('/v1/auth', router);\n"))).toEqual([]);
      expect(lintTs(TS_APP(''))).toEqual([]);
    });
  });

  describe('fixture projects', () => {
    it('imported-router (CJS) and imported-router-ts: the login route gets the mount and the app chain before it', async () => {
      const on = await lintProject(fixture('imported-router'), 'strict');
      expect(on.list).toEqual([
        'routes/auth.js:3:13 require-csrf-protection',
        'routes/auth.js:3:13 require-rate-limit',
        'routes/auth.js:4:29 require-input-validation',
        'routes/auth.js:4:3 require-session-regenerate',
      ]);
      expect(on.messages.get('routes/auth.js:3:13 require-rate-limit')).toBe(
        "Authentication route 'POST /auth/login' on 'router (routes/router.js:3, mounted in app.js:12)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      );
      expect(on.messages.get('routes/auth.js:3:13 require-csrf-protection')).toBe(
        "Route 'POST /auth/login' on 'router (routes/router.js:3, mounted in app.js:12)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (sameSite: 'lax' on the express-session cookie does not count: sameSiteSuffices is off): another site can make a signed-in user's browser submit it.",
      );
      expect(on.messages.get('routes/auth.js:4:3 require-session-regenerate')).toBe(
        "Login route 'POST /auth/login' on 'router (routes/router.js:3, mounted in app.js:12)' stores data in req.session without calling req.session.regenerate() first: a session ID planted before login (session fixation) stays valid and becomes the user's logged-in session.",
      );
      // Without the whole-app model routes/auth.js names no module of Express: nothing is read there.
      expect((await lintProject(fixture('imported-router'), 'strict', false)).list).toEqual([]);
      const ts = await lintProject(fixture('imported-router-ts'), 'strict');
      expect(ts.list).toEqual(['src/routes/auth.ts:4:13 require-csrf-protection', 'src/routes/auth.ts:4:13 require-rate-limit', 'src/routes/auth.ts:6:29 require-input-validation']);
      expect(ts.messages.get('src/routes/auth.ts:4:13 require-rate-limit')).toBe(
        "Authentication route 'POST /api/auth/login' on 'router (src/routes/router.ts:3, mounted in src/app.ts:13)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      );
      expect(ts.messages.get('src/routes/auth.ts:4:13 require-csrf-protection')).toBe(
        "Route 'POST /api/auth/login' on 'router (src/routes/router.ts:3, mounted in src/app.ts:13)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (sameSite: 'lax' on the express-session cookie does not count: sameSiteSuffices is off): another site can make a signed-in user's browser submit it.",
      );
    });
  });
});
