// Route modules that import the app from another file of the package and register routes on it while they load
// (`const app = require('../app'); app.post('/login', ...)`, loaded by server.js after app.js): the imported app is that
// app (src/project `linkImportedApps`), with what app.js mounted before and what the file that loads the module mounted
// before its `require` of it. Anything whose order the package does not show stays unknown. (The fixture projects
// tests/fixtures/projects/imported-app{,-ts} are linted whole in tests/projects.test.ts.)
import { cjs, esm, ts, withProject } from './fixture-project';

const RULES = /require-rate-limit/u;
const PACKAGE = '{ "name": "imported", "main": "server.js", "dependencies": { "express": "^4.21.2", "helmet": "^8.0.0", "express-rate-limit": "^7.5.0" } }';
const LIMITER = "require('express-rate-limit')({ windowMs: 60000, limit: 5 })";
const APP = "const express = require('express');\nconst helmet = require('helmet');\n\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.use(express.json());\n\nmodule.exports = app;\n";
const AUTH = "const app = require('../app');\n\napp.post('/login', (req, res) => {\n  res.json({ user: String(req.body.user) });\n});\n";
const SERVER = (before = '', after = ''): string => `const app = require('./app');\n${before}require('./routes/auth');\n${after}\napp.listen(3000);\n`;
const FOUND = ['3:10 secure-express/require-rate-limit'];

const files = (changes: Record<string, string> = {}): Record<string, string> => ({ 'package.json': PACKAGE, 'app.js': APP, 'routes/auth.js': AUTH, 'server.js': SERVER(), ...changes });
const lintAuth = (changes: Record<string, string>): string[] => {
  let found: string[] = [];
  withProject('imported', files(changes), (lint) => (found = lint('routes/auth.js')), { config: cjs, rules: RULES });
  return found;
};

describe('routes registered on an app imported from another file (trial 18 C15)', () => {
  it('CommonJS: what app.js mounts runs before them', () => {
    expect(lintAuth({})).toEqual(FOUND);
    expect(lintAuth({ 'app.js': APP.replace('app.use(express.json());', `app.use(express.json());\napp.use(${LIMITER});`) })).toEqual([]);
    // The route's own limiter, and one the module mounts before the route.
    expect(lintAuth({ 'routes/auth.js': AUTH.replace("'/login', ", `'/login', ${LIMITER}, `) })).toEqual([]);
    expect(lintAuth({ 'routes/auth.js': AUTH.replace('\napp.post', `\napp.use(${LIMITER});\napp.post`) })).toEqual([]);
    // A file that only serves the app, or tests it, adds nothing.
    expect(lintAuth({ 'test/app.test.js': "const request = require('supertest');\nconst app = require('../app');\n\nrequest(app).post('/login').expect(200);\n" })).toEqual(FOUND);
  });

  it('CommonJS: the file that loads the module counts what it mounts before its require of it', () => {
    expect(lintAuth({ 'server.js': SERVER(`app.use(${LIMITER});\n`) })).toEqual([]);
    expect(lintAuth({ 'server.js': SERVER('', `app.use(${LIMITER});\n`) })).toEqual(FOUND);
    // Loaded by another file than the one that mounts the limiter: the order is not followed.
    expect(
      lintAuth({
        'server.js': `const app = require('./app');\napp.use(${LIMITER});\nrequire('./routes');\n\napp.listen(3000);\n`,
        'routes/index.js': "require('./auth');\n",
      }),
    ).toEqual([]);
  });

  it('CommonJS: unknown, and not reported, when the order is not shown', () => {
    // Another module that imports the app mounts the limiter: the order the modules load in is not followed.
    expect(
      lintAuth({
        'routes/limits.js': `const app = require('../app');\n\napp.use(${LIMITER});\n`,
        'server.js': "const app = require('./app');\nrequire('./routes/limits');\nrequire('./routes/auth');\n\napp.listen(3000);\n",
      }),
    ).toEqual([]);
    // app.js loads the route module itself (an import cycle).
    expect(lintAuth({ 'app.js': `${APP}require('./routes/auth');\n`, 'server.js': "const app = require('./app');\n\napp.listen(3000);\n" })).toEqual([]);
    // Another file mounts the app on another app (behind its limiter).
    expect(lintAuth({ 'server.js': `const express = require('express');\nconst app = require('./app');\nrequire('./routes/auth');\n\nconst root = express();\nroot.use(${LIMITER}, app);\nroot.listen(3000);\n` })).toEqual([]);
    // app.js hands the app to a function before exporting it.
    expect(lintAuth({ 'app.js': APP.replace('app.use(express.json());', "app.use(express.json());\nrequire('./config')(app);"), 'config.js': 'module.exports = (app) => app;\n' })).toEqual([]);
    // The loader hands the app to a function before loading the module.
    expect(lintAuth({ 'server.js': SERVER("require('./config')(app);\n"), 'config.js': 'module.exports = (app) => app;\n' })).toEqual([]);
    // Routes registered by a function of the route module: it runs at any time.
    expect(lintAuth({ 'routes/auth.js': `const app = require('../app');\n\nmodule.exports = () => {\n${AUTH.split('\n').slice(2).join('\n')}};\n` })).toEqual([]);
  });

  describe('TypeScript: an import runs before the code of the file that writes it', () => {
    const TS_PACKAGE = '{ "name": "imported-ts", "type": "module", "scripts": { "start": "tsx src/server.ts" }, "dependencies": { "express": "^4.21.2", "express-rate-limit": "^7.5.0" } }';
    const TS_APP = "import express, { type Application } from 'express';\n\nexport const app: Application = express();\napp.disable('x-powered-by');\napp.use(express.json());\n";
    const TS_AUTH = "import type { Request, Response } from 'express';\nimport { app } from '../app';\n\napp.post('/api/auth/login', (req: Request, res: Response) => {\n  res.json({ user: String(req.body.user) });\n});\n";
    const IMPORT = "import { rateLimit } from 'express-rate-limit';\nimport { app } from './app';\n";
    const lintTs = (server: string, auth = TS_AUTH): string[] => {
      let found: string[] = [];
      const project = { 'package.json': TS_PACKAGE, 'src/app.ts': TS_APP, 'src/routes/auth.ts': auth, 'src/server.ts': server };
      withProject('imported-ts', project, (lint) => (found = lint('src/routes/auth.ts')), { config: ts, rules: RULES });
      return found;
    };

    it('reported without a limiter, whatever the server mounts after its imports', () => {
      expect(lintTs("import { app } from './app';\nimport './routes/auth';\n\napp.listen(3000);\n")).toEqual(['4:10 secure-express/require-rate-limit']);
      expect(lintTs(`${IMPORT}import './routes/auth';\n\napp.use(rateLimit({ windowMs: 60000, limit: 5 }));\napp.listen(3000);\n`)).toEqual(['4:10 secure-express/require-rate-limit']);
      const limited = `import { rateLimit } from 'express-rate-limit';\n${TS_AUTH.replace("'/api/auth/login', ", "'/api/auth/login', rateLimit({ windowMs: 60000, limit: 5 }), ")}`;
      expect(lintTs("import { app } from './app';\nimport './routes/auth';\n\napp.listen(3000);\n", limited)).toEqual([]);
    });

    it('unknown when the import is written after a mount (first as an ES module, in place as compiled CommonJS)', () => {
      expect(lintTs(`${IMPORT}\napp.use(rateLimit({ windowMs: 60000, limit: 5 }));\nimport './routes/auth';\n\napp.listen(3000);\n`)).toEqual([]);
    });
  });
});

// What the file that loads a route module mounts once it has loaded runs after the module's routes (trial of session 14:
// server.js mounting its limiter and helmet after `require('./routes/auth')`): said as such, naming that file.
describe('middleware the loader mounts after loading a route module that registers on the imported app', () => {
  const LATE = /require-rate-limit|require-helmet/u;
  const message = (m: { line: number; column: number; ruleId: string | null; message: string }): string => `${m.line}:${m.column} ${m.ruleId} ${m.message}`;
  const LATE_LIMITER = (file: string, line: number, app = 'app (app.js:3)', at = '3:10'): string =>
    `${at} secure-express/require-rate-limit Rate limiter 'rateLimit(...)' (${file}:${line}) is mounted after authentication route 'POST /login' on '${app}', so it never runs for that route: mount it before the route.`;
  const LATE_HELMET = (file: string, line: number, route: string, app = 'app (app.js:3)', at = '3:10'): string =>
    `${at} secure-express/require-helmet helmet is mounted on Express app '${app}' (${file}:${line}) after route 'POST /login' (${route}): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.`;
  const NO_HELMET_APP = APP.replace("const helmet = require('helmet');\n", '').replace('app.use(helmet());\n', '');
  const LOADER = (before: string, after: string): string =>
    `const rateLimit = require('express-rate-limit');\nconst helmet = require('helmet');\nconst app = require('./app');\n${before}require('./routes/auth');\n${after}app.listen(3000);\n`;
  const lint = (changes: Record<string, string>, config = cjs, file = 'routes/auth.js'): string[] => {
    let found: string[] = [];
    withProject('loaded-after', files({ 'app.js': NO_HELMET_APP, ...changes }), (run) => (found = run(file)), { config, rules: LATE, format: message });
    return found;
  };
  const LIMIT = 'app.use(rateLimit({ windowMs: 60000, limit: 5 }));\n';
  const HELMET = 'app.use(helmet());\n';

  it('CommonJS: a limiter and helmet mounted after the require are named, with their file', () => {
    expect(lint({ 'server.js': LOADER('', LIMIT + HELMET) })).toEqual([LATE_HELMET('server.js', 6, 'routes/auth.js:3'), LATE_LIMITER('server.js', 5)]);
    expect(lint({ 'server.js': LOADER('', LIMIT) })).toEqual([LATE_LIMITER('server.js', 5)]);
  });

  it('CommonJS: mounted before the require, or by app.js, they run first: nothing reported', () => {
    expect(lint({ 'server.js': LOADER(LIMIT + HELMET, '') })).toEqual([]);
    expect(lint({ 'server.js': LOADER(LIMIT + HELMET, LIMIT + HELMET) })).toEqual([]);
    expect(lint({ 'app.js': APP.replace('app.use(express.json());', `app.use(express.json());\napp.use(${LIMITER});`), 'server.js': LOADER('', HELMET) })).toEqual([]);
  });

  it('CommonJS: what a callback of the loader mounts runs at a time the file does not show: not weighed', () => {
    const later = "setImmediate(() => {\n  app.use(rateLimit({ windowMs: 60000, limit: 5 }));\n  app.use(helmet());\n});\n";
    expect(lint({ 'server.js': LOADER('', later) })).toEqual([
      "3:10 secure-express/require-rate-limit Authentication route 'POST /login' on 'app (app.js:3)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    ]);
  });

  it('ES modules: imports the loader writes first run before its code, so what it mounts after them is after the routes', () => {
    const APP_ESM = "import express from 'express';\n\nconst app = express();\napp.disable('x-powered-by');\napp.use(express.json());\n\nexport default app;\n";
    const AUTH_ESM = "import app from '../app.mjs';\n\napp.post('/login', (req, res) => {\n  res.json({ user: String(req.body.user) });\n});\n";
    const SERVER_ESM = (before: string, after: string): string =>
      `import rateLimit from 'express-rate-limit';\nimport helmet from 'helmet';\nimport app from './app.mjs';\n${before}import './routes/auth.mjs';\n${after}app.listen(3000);\n`;
    const esmFiles = (server: string): Record<string, string> => ({ 'app.mjs': APP_ESM, 'routes/auth.mjs': AUTH_ESM, 'server.mjs': server, 'server.js': '', 'routes/auth.js': '', 'app.js': '' });
    const lintEsm = (server: string): string[] => {
      let found: string[] = [];
      withProject('loaded-after-esm', { 'package.json': PACKAGE.replace('"main": "server.js"', '"main": "server.mjs"'), ...esmFiles(server) }, (run) => (found = run('routes/auth.mjs')), { config: esm, rules: LATE, format: message });
      return found;
    };
    expect(lintEsm(SERVER_ESM('', LIMIT + HELMET))).toEqual([LATE_HELMET('server.mjs', 6, 'routes/auth.mjs:3', 'app (app.mjs:3)'), LATE_LIMITER('server.mjs', 5, 'app (app.mjs:3)')]);
    // Mounted in the text before the import: first as an ES module, after it as compiled CommonJS: unknown.
    expect(lintEsm(SERVER_ESM(LIMIT + HELMET, ''))).toEqual([]);
  });

  it('TypeScript: the same, imports written as ./x.js', () => {
    const TS_PACKAGE = '{ "name": "loaded-after-ts", "type": "module", "scripts": { "start": "tsx src/server.ts" }, "dependencies": { "express": "^4.21.2", "express-rate-limit": "^7.5.0", "helmet": "^8.0.0" } }';
    const TS_APP = "import express, { type Application } from 'express';\n\nexport const app: Application = express();\napp.disable('x-powered-by');\napp.use(express.json());\n";
    const TS_AUTH = "import type { Request, Response } from 'express';\nimport { app } from '../app.js';\n\napp.post('/login', (req: Request, res: Response) => {\n  res.json({ user: String(req.body.user) });\n});\n";
    const TS_SERVER = (before: string, after: string): string =>
      `import { rateLimit } from 'express-rate-limit';\nimport helmet from 'helmet';\nimport { app } from './app.js';\n${before}import './routes/auth.js';\n${after}app.listen(3000);\n`;
    const lintTs = (server: string): string[] => {
      let found: string[] = [];
      withProject('loaded-after-ts', { 'package.json': TS_PACKAGE, 'src/app.ts': TS_APP, 'src/routes/auth.ts': TS_AUTH, 'src/server.ts': server }, (run) => (found = run('src/routes/auth.ts')), { config: ts, rules: LATE, format: message });
      return found;
    };
    expect(lintTs(TS_SERVER('', LIMIT + HELMET))).toEqual([
      LATE_HELMET('src/server.ts', 6, 'src/routes/auth.ts:4', 'app (src/app.ts:3)', '4:10'),
      LATE_LIMITER('src/server.ts', 5, 'app (src/app.ts:3)', '4:10'),
    ]);
    expect(lintTs(TS_SERVER(LIMIT + HELMET, ''))).toEqual([]);
  });
});
