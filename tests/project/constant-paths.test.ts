// Route and mount paths built from constants that another file of the package exports (trial 19 r2, app4): the path is
// the string it evaluates to, read with that file's source (`ImportHook.importedValue`; src/express/options.ts
// `staticText`, src/express/model.ts `readPaths`), so the route's full path is known and matched against the limiters.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const RULES = /require-rate-limit/u;
const PACKAGE = '{ "name": "constant-paths", "main": "app.js", "dependencies": { "express": "^5.1.0", "express-rate-limit": "^7.5.0" } }';
/** `line:column ruleId message`. */
const withMessage = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId} ${m.message}`;
const missing = (at: string, path: string, app: string): string =>
  `${at} secure-express/require-rate-limit Authentication route 'POST ${path}' on '${app}' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.`;

describe('paths built from constants of another file', () => {
  it('CommonJS: `const { API } = require(...)` in a mount prefix: the route of another file gets the full path', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'config.js': "module.exports = { API: '/api/v1' };\n",
      'routes/auth.js': "const express = require('express');\n\nconst router = express.Router();\nrouter.post('/token', (req, res) => res.json(grant(req.body)));\n\nmodule.exports = router;\n",
      'app.js':
        "const express = require('express');\nconst { rateLimit } = require('express-rate-limit');\nconst { API } = require('./config');\n\nconst app = express();\n" +
        'app.use(`${API}/auth/login`, rateLimit({ limit: 5 }));\napp.use(`${API}/auth`, require(\'./routes/auth\'));\napp.listen(3000);\n',
    };
    withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual([missing('4:13', '/api/v1/auth/token', 'router (mounted in app.js:7)')]), {
      config: cjs,
      rules: RULES,
      format: withMessage,
    });
    // The limiter at the evaluated prefix runs for it.
    files['app.js'] = files['app.js']!.replace('`${API}/auth/login`', 'API + \'/auth\'');
    withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual([]), { config: cjs, rules: RULES });
  });

  it('ES modules: `import { API } from "./config.mjs"` in the linted file; a `let` the other file reassigns stays unknown', () => {
    const app =
      "import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport { API } from './config.mjs';\n\nconst app = express();\n" +
      "app.use(API + '/auth/login', rateLimit({ limit: 5 }));\nconst auth = express.Router();\nauth.post('/token', (req, res) => res.json(grant(req.body)));\napp.use(`${API}/auth`, auth);\napp.listen(3000);\n";
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"'),
      'config.mjs': "export const API = '/api/v1';\n",
      'app.mjs': app,
    };
    withProject('constant-paths', files, (lint) => expect(lint('app.mjs')).toEqual([missing('8:11', '/api/v1/auth/token', 'auth')]), { config: esm, rules: RULES, format: withMessage });
    files['app.mjs'] = app.replace("API + '/auth/login'", "API + '/auth'");
    withProject('constant-paths', files, (lint) => expect(lint('app.mjs')).toEqual([]), { config: esm, rules: RULES });
    // (`export let`, reassigned by a function of its file: the prefix is unknown, and so is the route's full path.)
    files['app.mjs'] = app;
    files['config.mjs'] = "export let API = '/api/v1';\nexport function useV2() { API = '/api/v2'; }\n";
    withProject('constant-paths', files, (lint) => expect(lint('app.mjs')).toEqual([]), { config: esm, rules: RULES });
  });

  it('TypeScript: a property of an exported `as const` object; one that the linted file writes stays unknown', () => {
    const app =
      "import express, { type Request, type Response } from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport { Paths } from './paths.js';\n\nconst app = express();\n" +
      "app.use(`${Paths.Api}/auth/login`, rateLimit({ limit: 5 }));\nconst auth = express.Router();\nauth.post(Paths.Token, (req: Request, res: Response) => res.json(grant(req.body)));\napp.use(`${Paths.Api}/auth`, auth);\napp.listen(3000);\n";
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts"'),
      'src/paths.ts': "export const Paths = { Api: '/api/v1', Token: '/token' } as const;\n",
      'src/app.ts': app,
    };
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([missing('8:11', '/api/v1/auth/token', 'auth')]), { config: ts, rules: RULES, format: withMessage });
    files['src/app.ts'] = app.replace('`${Paths.Api}/auth/login`', '`${Paths.Api}/auth`');
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    files['src/app.ts'] = `${app}(Paths as { Api: string }).Api = process.env.API_PREFIX ?? '';\n`;
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    // (A property of an object that an `export let` holds: the file may put another object there. Session 15.)
    files['src/app.ts'] = app;
    files['src/paths.ts'] = "export let Paths = { Api: '/api/v1', Token: '/token' };\nexport function useV2() { Paths = { Api: '/api/v2', Token: '/token' }; }\n";
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
  });
});

// Session 15 (branch paths2): a bare constant of another file as the first argument of `use` (`app.use(API, auth)`)
// is the mount's path (src/express/model.ts `readUsePath`); an enum that another file exports (`exportedEnumMember`).
const csrfMissing = (at: string, path: string, app: string, cookie: string): string =>
  `${at} secure-express/require-csrf-protection Route 'POST ${path}' on '${app}' changes state and trusts the cookies that ${cookie} reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.`;
const BOTH = /require-rate-limit|require-csrf-protection/u;

describe('a bare constant of another file as the first argument of use', () => {
  const authRoutes = "const express = require('express');\n\nconst router = express.Router();\nrouter.post('/token', (req, res) => res.json(grant(req.body)));\n\nmodule.exports = router;\n";
  const cjsApp = (limited: string, config = "const { API } = require('./config');", prefix = 'API'): string =>
    "const express = require('express');\nconst { rateLimit } = require('express-rate-limit');\n" +
    `${config}\n\nconst app = express();\napp.use(${limited}, rateLimit({ limit: 5 }));\napp.use(${prefix}, require('./routes/auth'));\napp.listen(3000);\n`;

  it('CommonJS: `const { API } = require(...)` and `config.API`: the router is mounted on the constant, its routes get the prefix', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'config.js': "module.exports = { API: '/api/v1' };\n",
      'routes/auth.js': authRoutes,
      'app.js': cjsApp("'/api/v1/login'"),
    };
    withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual([missing('4:13', '/api/v1/token', 'router (mounted in app.js:7)')]), {
      config: cjs,
      rules: RULES,
      format: withMessage,
    });
    // The limiter at the prefix's path runs for it (read as middleware, the mount would put the route at '/token').
    files['app.js'] = cjsApp("API + '/token'");
    withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual([]), { config: cjs, rules: RULES });
    files['app.js'] = cjsApp("'/api/v1'", "const config = require('./config');", 'config.API');
    withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual([]), { config: cjs, rules: RULES });
    files['app.js'] = cjsApp("'/api/v2'", "const config = require('./config');", 'config.API');
    withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual([missing('4:13', '/api/v1/token', 'router (mounted in app.js:7)')]), {
      config: cjs,
      rules: RULES,
      format: withMessage,
    });
  });

  it('CommonJS: what is not a constant string of a readable file, and crossFile: false, stay read as middleware (the route own path)', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'routes/auth.js': authRoutes,
      'app.js': cjsApp("'/api/v1/token'"),
    };
    // (As before: the argument is an item of the chain, the router's routes keep their own path, and nothing before
    // the mount limits them.)
    const ownPath = [missing('4:13', '/token', 'router (mounted in app.js:7)')];
    for (const config of [
      "module.exports = { API: process.env.API_PREFIX };\n",
      "let API = '/api/v1';\nmodule.exports = { API };\n",
      'module.exports = { API: (req, res, next) => next() };\n',
      "module.exports = { API: { path: '/api/v1' } };\n",
      "module.exports = { API: '/api/v1' ;\n",
    ]) {
      files['config.js'] = config;
      withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual(ownPath), { config: cjs, rules: RULES, format: withMessage });
    }
    delete files['config.js'];
    withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual(ownPath), { config: cjs, rules: RULES, format: withMessage });
    // (With crossFile: false, the other file is not read: as before. Cross-file, the constant is the path, and the
    // limiter at '/api/v1/token' runs for the route.)
    files['config.js'] = "module.exports = { API: '/api/v1' };\n";
    files['app.js'] = cjsApp("'/api/v1/token'").replace("app.use(API, require('./routes/auth'));", "const auth = express.Router();\nauth.post('/token', (req, res) => res.json(grant(req.body)));\napp.use(API, auth);");
    const single = [...cjs, { settings: { 'secure-express': { crossFile: false } } }] as Linter.Config[];
    withProject('constant-paths', files, (lint) => expect(lint('app.js')).toEqual([missing('8:11', '/token', 'auth')]), { config: single, rules: RULES, format: withMessage });
    withProject('constant-paths', files, (lint) => expect(lint('app.js')).toEqual([]), { config: cjs, rules: RULES });
  });

  it('ES modules: `import { API } from "./config.mjs"`: the limiter and CSRF protection mounted on the constant prefix count', () => {
    const app = (limited: string, csrf: string): string =>
      "import express from 'express';\nimport cookieParser from 'cookie-parser';\nimport { csrfSync } from 'csrf-sync';\nimport { rateLimit } from 'express-rate-limit';\nimport { API, AUTH } from './config.mjs';\n\n" +
      "const { csrfSynchronisedProtection } = csrfSync();\nconst app = express();\napp.use(cookieParser());\n" +
      `app.use(${limited}, rateLimit({ limit: 5 }));\napp.use(${csrf}, csrfSynchronisedProtection);\n` +
      "const auth = express.Router();\nauth.post('/token', (req, res) => res.json({ t: req.cookies.token, g: grant(req.body) }));\napp.use(AUTH, auth);\napp.listen(3000);\n";
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"'),
      'config.mjs': "export const API = '/api/v1';\nexport const AUTH = `${API}/auth`;\n",
      'app.mjs': app("'/login'", "'/account'"),
    };
    withProject('constant-paths', files, (lint) =>
      expect(lint('app.mjs')).toEqual([csrfMissing('13:11', '/api/v1/auth/token', 'auth', 'cookie-parser'), missing('13:11', '/api/v1/auth/token', 'auth')]),
      { config: esm, rules: BOTH, format: withMessage },
    );
    files['app.mjs'] = app('AUTH', 'API');
    withProject('constant-paths', files, (lint) => expect(lint('app.mjs')).toEqual([]), { config: esm, rules: BOTH });
    // (`export let`: the mount is read as before, the argument an item of the chain and the route at its own path.)
    files['app.mjs'] = app("'/login'", "'/account'");
    files['config.mjs'] = "export let API = '/api/v1';\nexport let AUTH = `${API}/auth`;\n";
    withProject('constant-paths', files, (lint) =>
      expect(lint('app.mjs')).toEqual([csrfMissing('13:11', '/token', 'auth', 'cookie-parser'), missing('13:11', '/token', 'auth')]),
      { config: esm, rules: BOTH, format: withMessage },
    );
  });

  it('TypeScript: `import * as config` and `config.AUTH`, and an enum of another file (also `const enum`, exported by name)', () => {
    const app = (limited: string): string =>
      "import express, { type Request, type Response } from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport * as config from './config.js';\nimport { Paths } from './paths.js';\n\nconst app = express();\n" +
      `app.use(${limited}, rateLimit({ limit: 5 }));\nconst auth = express.Router();\n` +
      'auth.post(Paths.Login, (req: Request, res: Response) => res.json(grant(req.body)));\nauth.post(Paths.Token, (req: Request, res: Response) => res.json(grant(req.body)));\n' +
      'app.use(config.AUTH, auth);\napp.listen(3000);\n';
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts"'),
      'src/config.ts': "export const AUTH = '/auth';\n",
      'src/paths.ts': "export enum Paths {\n  Base = '/session',\n  Login = '/login',\n  Token = Base + '/token',\n}\n",
      'src/app.ts': app("'/auth/session/token'"),
    };
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([missing('9:11', '/auth/login', 'auth')]), { config: ts, rules: RULES, format: withMessage });
    files['src/paths.ts'] = files['src/paths.ts']!.replace('export enum', 'export const enum');
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([missing('9:11', '/auth/login', 'auth')]), { config: ts, rules: RULES, format: withMessage });
    files['src/paths.ts'] = "enum Paths {\n  Login = '/login',\n  Token = '/session/token',\n}\nexport { Paths };\n";
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([missing('9:11', '/auth/login', 'auth')]), { config: ts, rules: RULES, format: withMessage });
    files['src/app.ts'] = app("'/auth'");
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    // (An enum member without an initializer, or an enum declared twice, is no path: the route's path stays unknown.)
    files['src/app.ts'] = app("'/other'");
    files['src/paths.ts'] = "export enum Paths {\n  Login,\n  Token,\n}\n";
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    files['src/paths.ts'] = "export enum Paths {\n  Login = '/login',\n}\nexport enum Paths {\n  Token = '/session/token',\n}\n";
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
  });
});

// Trial 41v (verdaccio 9's build, rolldown): TypeScript's enum as oxc compiles it, `var E = function(E) { E["A"] = "a";
// return E; }({})`, exported by `exports.E = E` (CommonJS) or `export { E }` (ESM) and read through the package's
// barrel, is the enum: its members are route paths, as tsc's compiled enum's are. One whose member its file writes again
// is not.
describe("paths from an enum of another file as oxc compiles it (rolldown's build)", () => {
  const enumFile = (exported: string, extra = ''): string =>
    `var Urls = /* @__PURE__ */ function(Urls) {\n\tUrls["login"] = "/login";\n\tUrls["sec"] = "/sec/";\n\treturn Urls;\n}({});\n${extra}${exported}\n`;
  it('CommonJS: exports.Urls = Urls, re-exported by the index; a member written again stays unknown', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'build/urls.js': enumFile('exports.Urls = Urls;'),
      'build/index.js': 'const require_urls = require("./urls.js");\nexports.Urls = require_urls.Urls;\n',
      'app.js':
        "const express = require('express');\nconst _paths = require('./build/index.js');\n\nconst app = express();\n" +
        'app.post(_paths.Urls.login, (req, res) => res.json(grant(req.body)));\napp.listen(3000);\n',
    };
    withProject('oxc-enum', files, (lint) => expect(lint('app.js')).toEqual([missing('5:10', '/login', 'app')]), { config: cjs, rules: RULES, format: withMessage });
    files['build/urls.js'] = enumFile('exports.Urls = Urls;', 'Urls.login = process.env.LOGIN;\n');
    withProject('oxc-enum', files, (lint) => expect(lint('app.js')).toEqual([]), { config: cjs, rules: RULES });
  });

  it('ES modules: export { Urls } of the enum file, the route path and a mount path', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs"'),
      'build/urls.mjs': enumFile('export { Urls };'),
      'app.mjs':
        "import express from 'express';\nimport { Urls } from './build/urls.mjs';\n\nconst app = express();\nconst auth = express.Router();\n" +
        'auth.post(Urls.login, (req, res) => res.json(grant(req.body)));\napp.use(Urls.sec, auth);\napp.listen(3000);\n',
    };
    withProject('oxc-enum', files, (lint) => expect(lint('app.mjs')).toEqual([missing('6:11', '/sec/login', 'auth')]), { config: esm, rules: RULES, format: withMessage });
    // (Not an enum: a function that writes something else than members of its parameter.)
    files['build/urls.mjs'] = enumFile('export { Urls };').replace('\treturn Urls;', '\tlog(Urls);\n\treturn Urls;');
    withProject('oxc-enum', files, (lint) => expect(lint('app.mjs')).toEqual([]), { config: esm, rules: RULES });
  });
});

// Session 16 (lead; paths2's left item): an array of constant strings that another file exports, as the first argument
// of `use` (`app.use(API_PATHS, router)`): the mount's paths (src/express/model.ts `arrayPathsElsewhere`), read in that
// file; one that either file writes (`API_PATHS.push(p)`), or a property of an object there, stays read as before.
describe('an array of constant paths of another file as the first argument of use', () => {
  const authRoutes = "const express = require('express');\n\nconst router = express.Router();\nrouter.post('/token', (req, res) => res.json(grant(req.body)));\n\nmodule.exports = router;\n";
  const cjsApp = (limited: string, extra = ''): string =>
    "const express = require('express');\nconst { rateLimit } = require('express-rate-limit');\nconst { API_PATHS } = require('./config');\n\n" +
    `const app = express();\napp.use(${limited}, rateLimit({ limit: 5 }));\n${extra}app.use(API_PATHS, require('./routes/auth'));\napp.listen(3000);\n`;
  const config = "const API_PATHS = ['/api/v1', '/api/v2'];\nmodule.exports = { API_PATHS };\n";

  it('CommonJS: the router is mounted on each path; a limiter on one of them leaves the other reported', () => {
    const files: Record<string, string> = { 'package.json': PACKAGE, 'config.js': config, 'routes/auth.js': authRoutes, 'app.js': cjsApp("'/login'") };
    withProject('array-paths-elsewhere', files, (lint) =>
      expect(lint('routes/auth.js')).toEqual([missing('4:13', '/api/v1/token, /api/v2/token', 'router (mounted in app.js:7)')]),
      { config: cjs, rules: RULES, format: withMessage },
    );
    files['app.js'] = cjsApp("'/api/v1/token'");
    withProject('array-paths-elsewhere', files, (lint) =>
      expect(lint('routes/auth.js')).toEqual([missing('4:13', '/api/v2/token', 'router (mounted in app.js:7)')]),
      { config: cjs, rules: RULES, format: withMessage },
    );
    files['app.js'] = cjsApp("['/api/v1/token', '/api/v2/token']");
    withProject('array-paths-elsewhere', files, (lint) => expect(lint('routes/auth.js')).toEqual([]), { config: cjs, rules: RULES });
  });

  it('CommonJS: an array that either file writes, or an object property there, stays read as middleware (the route own path)', () => {
    const ownPath = [missing('4:13', '/token', 'router (mounted in app.js:7)')];
    const files: Record<string, string> = { 'package.json': PACKAGE, 'routes/auth.js': authRoutes, 'app.js': cjsApp("'/api/v1/token'") };
    for (const written of [
      "const API_PATHS = ['/api/v1'];\nAPI_PATHS.push('/api/v2');\nmodule.exports = { API_PATHS };\n",
      "module.exports = { API_PATHS: ['/api/v1', '/api/v2'] };\n",
      "const API_PATHS = ['/api/v1', process.env.EXTRA];\nmodule.exports = { API_PATHS };\n",
      "let API_PATHS = ['/api/v1'];\nmodule.exports = { API_PATHS };\n",
    ]) {
      files['config.js'] = written;
      withProject('array-paths-elsewhere', files, (lint) => expect(lint('routes/auth.js')).toEqual(ownPath), { config: cjs, rules: RULES, format: withMessage });
    }
    files['config.js'] = config;
    files['app.js'] = cjsApp("'/api/v1/token'", "API_PATHS.push('/api/v3');\n");
    withProject('array-paths-elsewhere', files, (lint) => expect(lint('routes/auth.js')).toEqual([missing('4:13', '/token', 'router (mounted in app.js:8)')]), {
      config: cjs,
      rules: RULES,
      format: withMessage,
    });
  });

  it('ES modules and TypeScript: `export const API_PATHS = [...]` (`as const` too)', () => {
    const esmApp = (limited: string): string =>
      "import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport { API_PATHS } from './config.mjs';\n\n" +
      `const app = express();\napp.use(${limited}, rateLimit({ limit: 5 }));\nconst auth = express.Router();\nauth.post('/token', (req, res) => res.json(grant(req.body)));\napp.use(API_PATHS, auth);\napp.listen(3000);\n`;
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"'),
      'config.mjs': "export const API_PATHS = ['/api/v1', '/api/v2'];\n",
      'app.mjs': esmApp("'/api/v1/token'"),
    };
    withProject('array-paths-elsewhere', files, (lint) => expect(lint('app.mjs')).toEqual([missing('8:11', '/api/v2/token', 'auth')]), { config: esm, rules: RULES, format: withMessage });
    files['app.mjs'] = esmApp("['/api/v1', '/api/v2']");
    withProject('array-paths-elsewhere', files, (lint) => expect(lint('app.mjs')).toEqual([]), { config: esm, rules: RULES });

    const tsApp = (limited: string): string =>
      "import express, { type Request, type Response } from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport { API_PATHS } from './config.js';\n\n" +
      `const app = express();\napp.use(${limited}, rateLimit({ limit: 5 }));\nconst auth = express.Router();\nauth.post('/token', (req: Request, res: Response) => res.json(grant(req.body)));\napp.use(API_PATHS, auth);\napp.listen(3000);\n`;
    const tsFiles: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts"'),
      'src/config.ts': "export const API_PATHS = ['/api/v1', '/api/v2'] as const;\n",
      'src/app.ts': tsApp("'/api/v2/token'"),
    };
    withProject('array-paths-elsewhere', tsFiles, (lint) => expect(lint('src/app.ts')).toEqual([missing('8:11', '/api/v1/token', 'auth')]), { config: ts, rules: RULES, format: withMessage });
    tsFiles['src/app.ts'] = tsApp("'/api'");
    withProject('array-paths-elsewhere', tsFiles, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
  });
});

describe('an array of constant paths of another file as a route path', () => {
  it('CommonJS: `app.post(AUTH_PATHS, h)` is a route on each path; a limiter on both leaves nothing', () => {
    const app = (limited: string): string =>
      "const express = require('express');\nconst { rateLimit } = require('express-rate-limit');\nconst { AUTH_PATHS } = require('./paths');\n\n" +
      `const app = express();\napp.use(${limited}, rateLimit({ limit: 5 }));\napp.post(AUTH_PATHS, (req, res) => res.json(grant(req.body)));\napp.listen(3000);\n`;
    const files: Record<string, string> = { 'package.json': PACKAGE, 'paths.js': "const AUTH_PATHS = ['/login', '/signin'];\nmodule.exports = { AUTH_PATHS };\n", 'app.js': app("'/signin'") };
    withProject('route-array-elsewhere', files, (lint) => expect(lint('app.js')).toEqual([missing('7:10', '/login', 'app')]), { config: cjs, rules: RULES, format: withMessage });
    files['app.js'] = app("['/login', '/signin']");
    withProject('route-array-elsewhere', files, (lint) => expect(lint('app.js')).toEqual([]), { config: cjs, rules: RULES });
  });
});
