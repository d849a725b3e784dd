// The session middleware's options read where they are written: a router of another file (`app.use('/account',
// require('./routes/account'))`) gets the app's chain, whose `session({ ..., cookie })` is a node of app.js. Its options
// (a `const` there, the whole options object in a `const`, a cookie imported there from a config module) are read with
// app.js's own source and its own imports (`model.options`, src/express/index.ts), not with the linted file's, where a
// `const` of app.js cannot be found and stayed unknown. Under `recommended` (`sameSiteSuffices`), a `'lax'` / `'strict'`
// session cookie counts as CSRF protection. Also the other way: session middleware that another file makes and exports
// (`app.use(require('./middleware/session'))`), read in app.js. CommonJS, ESM and TypeScript, both ways. (Found by a
// new-user trial, session 15, trial 20 r2.) The options of a config module spread into an object with a store
// (`session({ ...sessionOptions, store })`): the cookie read in the config module (trial 21 r4).
import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

import plugin from '../../src/index';
import { withProject } from './fixture-project';

const recommended = (files: string, sourceType: 'commonjs' | 'module', ts = false): Linter.Config[] =>
  [...plugin.configs.recommended, { files: [files], languageOptions: { sourceType, ...(ts ? { parser: tsParser as Linter.Parser } : {}) } }] as Linter.Config[];
const strict = (files: string, sourceType: 'commonjs' | 'module', ts = false): Linter.Config[] =>
  [...plugin.configs.strict, { files: [files], languageOptions: { sourceType, ...(ts ? { parser: tsParser as Linter.Parser } : {}) } }] as Linter.Config[];
const CJS = recommended('**/*.js', 'commonjs');
const ESM = recommended('**/*.mjs', 'module');
const TS = recommended('**/*.ts', 'module', true);

const RULES = /require-csrf-protection/u;
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.message}`;
const PACKAGE = '{ "name": "samesite-elsewhere", "dependencies": { "express": "^4.21.2", "express-session": "^1.18.1", "helmet": "^8.0.0" } }';

const note = (value: string): string => ` (sameSite: '${value}' on the express-session cookie lets other sites' requests carry it)`;
const off = (value: string): string =>
  ` (sameSite: '${value}' on the express-session cookie does not count: sameSiteSuffices is off)`;
const csrf = (at: string, path: string, app: string, why = ''): string =>
  `${at} Route 'POST ${path}' on '${app}' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it${why}: another site can make a signed-in user's browser submit it.`;

/** The cookie's options: `sameSite` as given, or none. */
const COOKIE = (sameSite?: string): string => `{ httpOnly: true, secure: true, ${sameSite === undefined ? '' : `sameSite: ${sameSite}, `}maxAge: 3600000 }`;
const ACCOUNT = "'use strict';\nconst router = require('express').Router();\n\nrouter.post('/', (req, res) => { req.session.x = 1; res.end(); });\n\nmodule.exports = router;\n";
/** The trial's app.js: the cookie in a `const`, the router of routes/account.js mounted after the session. */
const APP = (head: string, session: string): string =>
  `'use strict';\nconst express = require('express');\nconst session = require('express-session');\nconst helmet = require('helmet');\n${head}\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.use(session(${session}));\napp.use('/account', require('./routes/account'));\napp.listen(3000);\n`;
const ROUTER = 'router (mounted in app.js:11)';

function lint(files: Record<string, string>, name: string, config: Linter.Config[] = CJS): string[] {
  let found: string[] = [];
  withProject('samesite-elsewhere', { 'package.json': PACKAGE, ...files }, (l) => (found = l(name)), { config, rules: RULES, format });
  return found;
}

describe('require-csrf-protection: the sameSite of a session made in another file', () => {
  describe('CommonJS: a router of another file, the session in app.js', () => {
    const cookieConst = (sameSite?: string): Record<string, string> => ({
      'app.js': APP(`const cookie = ${COOKIE(sameSite)};\n`, "{ name: 'sid', secret: process.env.SESSION_SECRET, store: globalThis.store, cookie, resave: false, saveUninitialized: false }"),
      'routes/account.js': ACCOUNT,
    });

    it('the cookie in a const of app.js: lax and strict protect (recommended)', () => {
      expect(lint(cookieConst("'lax'"), 'routes/account.js')).toEqual([]);
      expect(lint(cookieConst("'strict'"), 'routes/account.js')).toEqual([]);
      expect(lint(cookieConst('true'), 'routes/account.js')).toEqual([]);
    });

    it("the cookie in a const of app.js: 'none' and no sameSite are reported; lax under the strict config too", () => {
      expect(lint(cookieConst("'none'"), 'routes/account.js')).toEqual([csrf('4:13', '/account', ROUTER, note('none'))]);
      expect(lint(cookieConst(), 'routes/account.js')).toEqual([csrf('4:13', '/account', ROUTER)]);
      expect(lint(cookieConst("'lax'"), 'routes/account.js', strict('**/*.js', 'commonjs'))).toEqual([csrf('4:13', '/account', ROUTER, off('lax'))]);
      // A value held in a const of app.js too.
      const held = cookieConst('SAME_SITE');
      held['app.js'] = held['app.js']!.replace('const cookie', "const SAME_SITE = 'none';\nconst cookie");
      expect(lint(held, 'routes/account.js')).toEqual([csrf('4:13', '/account', 'router (mounted in app.js:12)', note('none'))]);
      held['app.js'] = held['app.js']!.replace("SAME_SITE = 'none'", "SAME_SITE = 'strict'");
      expect(lint(held, 'routes/account.js')).toEqual([]);
    });

    it('the whole options object in a const of app.js, and a later write to it', () => {
      const files = (sameSite?: string, write = ''): Record<string, string> => ({
        'app.js': APP(
          `const sessionOptions = { name: 'sid', secret: process.env.SESSION_SECRET, store: globalThis.store, cookie: ${COOKIE(sameSite)} };\n${write}`,
          'sessionOptions',
        ),
        'routes/account.js': ACCOUNT,
      });
      expect(lint(files("'lax'"), 'routes/account.js')).toEqual([]);
      expect(lint(files("'none'"), 'routes/account.js')).toEqual([csrf('4:13', '/account', ROUTER, note('none'))]);
      expect(lint(files(), 'routes/account.js')).toEqual([csrf('4:13', '/account', ROUTER)]);
      // `sessionOptions.cookie.sameSite = 'strict'` before it is used.
      expect(lint(files(undefined, "sessionOptions.cookie.sameSite = 'strict';\n"), 'routes/account.js')).toEqual([]);
    });

    it('the cookie imported by app.js from a config module', () => {
      const files = (sameSite?: string): Record<string, string> => ({
        'config.js': `module.exports = { cookie: ${COOKIE(sameSite)}, secret: process.env.SESSION_SECRET };\n`,
        'app.js': APP("const { cookie } = require('./config');\n", "{ name: 'sid', secret: process.env.SESSION_SECRET, store: globalThis.store, cookie }"),
        'routes/account.js': ACCOUNT,
      });
      expect(lint(files("'lax'"), 'routes/account.js')).toEqual([]);
      expect(lint(files("'strict'"), 'routes/account.js')).toEqual([]);
      expect(lint(files("'none'"), 'routes/account.js')).toEqual([csrf('4:13', '/account', ROUTER, note('none'))]);
      expect(lint(files(), 'routes/account.js')).toEqual([csrf('4:13', '/account', ROUTER)]);
      // The whole options object of a config module (`session(config.session)`).
      const whole = (sameSite?: string): Record<string, string> => ({
        'config.js': `module.exports = { session: { name: 'sid', secret: process.env.SESSION_SECRET, store: {}, cookie: ${COOKIE(sameSite)} } };\n`,
        'app.js': APP("const config = require('./config');\n", 'config.session'),
        'routes/account.js': ACCOUNT,
      });
      expect(lint(whole("'lax'"), 'routes/account.js')).toEqual([]);
      expect(lint(whole("'none'"), 'routes/account.js')).toEqual([csrf('4:13', '/account', ROUTER, note('none'))]);
    });

    it('session middleware that another file makes, mounted in app.js (the route in app.js)', () => {
      const files = (sameSite?: string): Record<string, string> => ({
        'middleware/session.js': `const session = require('express-session');\nconst cookie = ${COOKIE(sameSite)};\nmodule.exports = session({ name: 'sid', secret: process.env.SESSION_SECRET, store: globalThis.store, cookie });\n`,
        'app.js':
          "const express = require('express');\nconst app = express();\napp.use(require('./middleware/session'));\napp.post('/account', (req, res) => { req.session.x = 1; res.end(); });\napp.listen(3000);\n",
      });
      expect(lint(files("'lax'"), 'app.js')).toEqual([]);
      expect(lint(files("'none'"), 'app.js')).toEqual([csrf('4:10', '/account', 'app', note('none'))]);
      expect(lint(files(), 'app.js')).toEqual([csrf('4:10', '/account', 'app')]);
    });

    it('session middleware of another file that imports its cookie from a config module (read for its exports only)', () => {
      const files = (sameSite?: string): Record<string, string> => ({
        'config.js': `module.exports = { cookie: ${COOKIE(sameSite)} };\n`,
        'middleware/session.js': "const session = require('express-session');\nconst { cookie } = require('../config');\nmodule.exports = session({ name: 'sid', secret: process.env.SESSION_SECRET, store: globalThis.store, cookie });\n",
        'app.js':
          "const express = require('express');\nconst app = express();\napp.use(require('./middleware/session'));\napp.use('/account', require('./routes/account'));\napp.listen(3000);\n",
        'routes/account.js': ACCOUNT,
      });
      const router = 'router (mounted in app.js:4)';
      expect(lint(files("'lax'"), 'routes/account.js')).toEqual([]);
      expect(lint(files("'none'"), 'routes/account.js')).toEqual([csrf('4:13', '/account', router, note('none'))]);
      expect(lint(files(), 'routes/account.js')).toEqual([csrf('4:13', '/account', router)]);
    });
  });

  describe('ES modules', () => {
    const files = (sameSite?: string): Record<string, string> => ({
      'config.mjs': `export const sessionCookie = ${COOKIE(sameSite)};\n`,
      'app.mjs':
        "import express from 'express';\nimport session from 'express-session';\nimport { sessionCookie } from './config.mjs';\nimport account from './routes/account.mjs';\n\nconst app = express();\napp.use(session({ name: 'sid', secret: process.env.SESSION_SECRET, store: globalThis.store, cookie: sessionCookie }));\napp.use('/account', account);\napp.listen(3000);\n",
      'routes/account.mjs': "import { Router } from 'express';\n\nconst router = Router();\nrouter.post('/', (req, res) => { req.session.x = 1; res.end(); });\n\nexport default router;\n",
    });
    const MJS_ROUTER = 'router (mounted in app.mjs:8)';

    it('the cookie imported by app.mjs from config.mjs: lax protects, none does not', () => {
      expect(lint(files("'lax'"), 'routes/account.mjs', ESM)).toEqual([]);
      expect(lint(files("'none'"), 'routes/account.mjs', ESM)).toEqual([csrf('4:13', '/account', MJS_ROUTER, note('none'))]);
      expect(lint(files(), 'routes/account.mjs', ESM)).toEqual([csrf('4:13', '/account', MJS_ROUTER)]);
      expect(lint(files("'strict'"), 'routes/account.mjs', strict('**/*.mjs', 'module'))).toEqual([csrf('4:13', '/account', MJS_ROUTER, off('strict'))]);
    });

    it('the cookie in a const of app.mjs', () => {
      const local = (sameSite: string): Record<string, string> => {
        const f = files();
        f['app.mjs'] = f['app.mjs']!.replace("import { sessionCookie } from './config.mjs';\n", `const sessionCookie = ${COOKIE(sameSite)};\n`);
        return f;
      };
      expect(lint(local("'strict'"), 'routes/account.mjs', ESM)).toEqual([]);
      expect(lint(local("'none'"), 'routes/account.mjs', ESM)).toEqual([csrf('4:13', '/account', MJS_ROUTER, note('none'))]);
    });

    it('session middleware of another module that imports its cookie from config.mjs', () => {
      const exported = (sameSite?: string): Record<string, string> => {
        const f = files(sameSite);
        f['session.mjs'] = "import session from 'express-session';\nimport { sessionCookie } from './config.mjs';\n\nexport default session({ name: 'sid', secret: process.env.SESSION_SECRET, store: globalThis.store, cookie: sessionCookie });\n";
        f['app.mjs'] =
          "import express from 'express';\nimport sessions from './session.mjs';\nimport account from './routes/account.mjs';\n\nconst app = express();\napp.use(sessions);\napp.use('/account', account);\napp.listen(3000);\n";
        return f;
      };
      const router = 'router (mounted in app.mjs:7)';
      expect(lint(exported("'lax'"), 'routes/account.mjs', ESM)).toEqual([]);
      expect(lint(exported("'none'"), 'routes/account.mjs', ESM)).toEqual([csrf('4:13', '/account', router, note('none'))]);
    });
  });

  describe('TypeScript', () => {
    const TS_PACKAGE = PACKAGE.replace('"dependencies"', '"type": "module", "dependencies"');
    const files = (sameSite?: string): Record<string, string> => ({
      'package.json': TS_PACKAGE,
      'src/config.ts': `import type { CookieOptions } from 'express';\n\nexport const sessionCookie: CookieOptions = ${COOKIE(sameSite)};\n`,
      'src/app.ts':
        "import express from 'express';\nimport session from 'express-session';\nimport { sessionCookie } from './config.js';\nimport { account } from './routes/account.js';\n\nconst app = express();\nconst sessionOptions: session.SessionOptions = { name: 'sid', secret: process.env.SESSION_SECRET!, cookie: sessionCookie };\napp.use(session(sessionOptions));\napp.use('/account', account);\napp.listen(3000);\n",
      'src/routes/account.ts':
        "import { Router, type Request, type Response } from 'express';\n\nexport const account = Router();\naccount.post('/', (req: Request, res: Response) => {\n  req.session.touch();\n  res.end();\n});\n",
    });
    const TS_ROUTER = 'account (mounted in src/app.ts:9)';

    it('the cookie imported from a config module into the const options of app.ts', () => {
      expect(lint(files("'lax'"), 'src/routes/account.ts', TS)).toEqual([]);
      expect(lint(files("'none'"), 'src/routes/account.ts', TS)).toEqual([csrf('4:14', '/account', TS_ROUTER, note('none'))]);
      expect(lint(files(), 'src/routes/account.ts', TS)).toEqual([csrf('4:14', '/account', TS_ROUTER)]);
      expect(lint(files("'lax'"), 'src/routes/account.ts', strict('**/*.ts', 'module', true))).toEqual([csrf('4:14', '/account', TS_ROUTER, off('lax'))]);
    });

    it('session middleware of another module that imports its cookie from config.ts', () => {
      const exported = (sameSite?: string): Record<string, string> => ({
        ...files(sameSite),
        'src/session.ts': "import session from 'express-session';\nimport { sessionCookie } from './config.js';\n\nexport const sessions = session({ name: 'sid', secret: process.env.SESSION_SECRET!, cookie: sessionCookie });\n",
        'src/app.ts':
          "import express from 'express';\nimport { sessions } from './session.js';\nimport { account } from './routes/account.js';\n\nconst app = express();\napp.use(sessions);\napp.use('/account', account);\napp.listen(3000);\n",
      });
      const router = 'account (mounted in src/app.ts:7)';
      expect(lint(exported("'strict'"), 'src/routes/account.ts', TS)).toEqual([]);
      expect(lint(exported("'none'"), 'src/routes/account.ts', TS)).toEqual([csrf('4:14', '/account', router, note('none'))]);
    });
  });
  describe('the options of a config module spread with a store (session({ ...sessionOptions, store }))', () => {
    const CONFIG = (sameSite?: string): string =>
      `{ name: 'sid', secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false, cookie: ${COOKIE(sameSite)} }`;

    it('CommonJS: lax and strict protect; none, no sameSite, and a cookie the spread object overrides do not', () => {
      const files = (sameSite?: string, session = '{ ...sessionOptions, store: new RedisStore({}) }'): Record<string, string> => ({
        'config.js': `module.exports = {\n  sessionOptions: ${CONFIG(sameSite)},\n};\n`,
        'app.js':
          "const express = require('express');\nconst session = require('express-session');\nconst { RedisStore } = require('connect-redis');\nconst { sessionOptions } = require('./config');\n\n" +
          `const app = express();\napp.use(session(${session}));\napp.post('/profile', (req, res) => res.json(req.session.user));\nmodule.exports = app;\n`,
      });
      expect(lint(files("'lax'"), 'app.js')).toEqual([]);
      expect(lint(files("'strict'"), 'app.js')).toEqual([]);
      expect(lint(files("'none'"), 'app.js')).toEqual([csrf('8:10', '/profile', 'app', note('none'))]);
      expect(lint(files(), 'app.js')).toEqual([csrf('8:10', '/profile', 'app')]);
      expect(lint(files("'lax'"), 'app.js', strict('**/*.js', 'commonjs'))).toEqual([csrf('8:10', '/profile', 'app', off('lax'))]);
      // The spread object's own cookie wins over the imported one; the imported one wins over a cookie before it.
      expect(lint(files("'lax'", '{ ...sessionOptions, cookie: { secure: true } }'), 'app.js')).toEqual([csrf('8:10', '/profile', 'app')]);
      expect(lint(files("'lax'", "{ cookie: { sameSite: 'none' }, ...sessionOptions }"), 'app.js')).toEqual([]);
      // Through a const of app.js that spreads it.
      const local = files("'lax'", 'options');
      local['app.js'] = local['app.js']!.replace('const app = express();', 'const options = { ...sessionOptions, store: new RedisStore({}) };\nconst app = express();');
      expect(lint(local, 'app.js')).toEqual([]);
    });

    it('CommonJS: secure-cookies reads the spread cookie the same way (at the read, naming config.js; no fix)', () => {
      const files = (cookie: string): Record<string, string> => ({
        'config.js': `module.exports = {\n  sessionOptions: { name: 'sid', secret: process.env.SESSION_SECRET, cookie: ${cookie} },\n};\n`,
        'app.js':
          "const express = require('express');\nconst session = require('express-session');\nconst { RedisStore } = require('connect-redis');\nconst { sessionOptions } = require('./config');\n\n" +
          "const app = express();\napp.use(session({ ...sessionOptions, store: new RedisStore({}) }));\n",
      });
      const cookies = (cookie: string): string[] => {
        let found: string[] = [];
        const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.message}${m.fix || m.suggestions?.length ? ' (fix)' : ''}`;
        withProject('samesite-elsewhere', { 'package.json': PACKAGE, ...files(cookie) }, (l) => (found = l('app.js')), { config: CJS, rules: /secure-cookies/u, format });
        return found;
      };
      expect(cookies("{ secure: true, httpOnly: true, sameSite: 'lax' }")).toEqual([]);
      expect(cookies("{ secure: true, httpOnly: false, sameSite: 'lax' }")).toEqual([
        "7:22 The express-session cookie (from config.js:2) turns off 'httpOnly': any script on the page (an XSS payload) can read the cookie.",
      ]);
    });

    it('ES modules: lax protects, none does not', () => {
      const files = (sameSite?: string): Record<string, string> => ({
        'config.mjs': `export const sessionOptions = ${CONFIG(sameSite)};\n`,
        'app.mjs':
          "import express from 'express';\nimport session from 'express-session';\nimport { RedisStore } from 'connect-redis';\nimport { sessionOptions } from './config.mjs';\n\n" +
          "const app = express();\napp.use(session({ ...sessionOptions, store: new RedisStore({}) }));\napp.post('/profile', (req, res) => res.json(req.session.user));\nexport default app;\n",
      });
      expect(lint(files("'lax'"), 'app.mjs', ESM)).toEqual([]);
      expect(lint(files("'none'"), 'app.mjs', ESM)).toEqual([csrf('8:10', '/profile', 'app', note('none'))]);
    });

    it('TypeScript: lax protects, none does not', () => {
      const files = (sameSite?: string): Record<string, string> => ({
        'package.json': PACKAGE.replace('"dependencies"', '"type": "module", "dependencies"'),
        'src/config.ts': `import type { SessionOptions } from 'express-session';\n\nexport const sessionOptions: SessionOptions = ${CONFIG(sameSite).replace('process.env.SESSION_SECRET', 'process.env.SESSION_SECRET!')};\n`,
        'src/app.ts':
          "import express, { type Request, type Response } from 'express';\nimport session from 'express-session';\nimport { RedisStore } from 'connect-redis';\nimport { sessionOptions } from './config.js';\n\n" +
          "const app = express();\napp.use(session({ ...sessionOptions, store: new RedisStore({}) }));\napp.post('/profile', (req: Request, res: Response) => res.json(req.session.id));\nexport default app;\n",
      });
      expect(lint(files("'lax'"), 'src/app.ts', TS)).toEqual([]);
      expect(lint(files("'none'"), 'src/app.ts', TS)).toEqual([csrf('8:10', '/profile', 'app', note('none'))]);
    });
  });
});
