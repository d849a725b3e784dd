// An app served in another file of the package through an awaited `import()` of Node's http/https (trial 14,
// @actual-app/sync-server): the importer's model reads `(await import('node:https')).createServer(app)` as a server,
// as it reads a static import, so the app's own file is checked. The importer is parsed by the project model (no
// ESLint `SourceCode` of its own): an `import(` in its text, a JSDoc type included, must not break it. A file of the
// package loaded with a literal `import('./serve.js')` is read as `require('./serve.js')` is (dyn23).
import { cjs, esm, withProject } from './fixture-project';

const RULES = /require-helmet|disable-x-powered-by/u;
const PACKAGE = '{ "name": "dyn", "main": "server.js", "dependencies": { "express": "^4.21.0" } }';
const APP = "const express = require('express');\n\nconst app = express();\napp.get('/info', (req, res) => res.json({ ok: true }));\nmodule.exports = app;\n";

describe('an app served through an awaited import() in the file that imports it', () => {
  it('is checked in its own file (CommonJS)', () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': APP,
      'server.js': "const app = require('./app');\n\nasync function main() {\n  const https = await import('node:https');\n  https.createServer({}, app).listen(443);\n}\nmain();\n",
    };
    withProject('dynimport', files, (lint) => expect(lint('app.js')).toEqual(['3:13 secure-express/disable-x-powered-by', '3:13 secure-express/require-helmet']), { config: cjs, rules: RULES });
  });

  it('is checked when the importer names import() in a JSDoc type too (ESM)', () => {
    const files = {
      'package.json': PACKAGE.replace('"main"', '"type": "module", "main"'),
      'app.mjs': APP.replace("const express = require('express');", "import express from 'express';").replace('module.exports = app;', 'export default app;'),
      'server.mjs': "import app from './app.mjs';\n\n/** @type {import('node:http').Server} */\nconst server = (await import('node:http')).createServer(app);\nserver.listen(3000);\n",
    };
    withProject('dynimport', files, (lint) => expect(lint('app.mjs')).toEqual(['3:13 secure-express/disable-x-powered-by', '3:13 secure-express/require-helmet']), { config: esm, rules: RULES });
  });

  it('is checked when the importer hands it to a file of the package loaded with import() that serves it (dyn23)', () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': APP,
      'server.js': "const app = require('./app');\n\nasync function main() {\n  (await import('./serve.js')).default(app);\n}\nmain();\n",
      'serve.js': "module.exports = (app) => require('http').createServer(app).listen(80);\n",
    };
    withProject('dynimport', files, (lint) => expect(lint('app.js')).toEqual(['3:13 secure-express/disable-x-powered-by', '3:13 secure-express/require-helmet']), { config: cjs, rules: RULES });
    // What that file adds to the app counts: helmet there, after the app's route.
    files['serve.js'] = "module.exports = (app) => {\n  app.use(require('helmet')());\n  require('http').createServer(app).listen(80);\n};\n";
    withProject('dynimport', files, (lint) => expect(lint('app.js')).toEqual([
      "3:13 Express app 'app' sends 'X-Powered-By: Express' on route 'GET /info' (app.js:4): the helmet that removes it (serve.js:2) is mounted after that route and never runs for it. Call app.disable('x-powered-by') or mount helmet before the routes.",
      "4:9 helmet is mounted on Express app 'app' (serve.js:2) after route 'GET /info' (app.js:4): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
    ]), { config: cjs, rules: RULES, format: (m) => `${m.line}:${m.column} ${m.message}` });
  });

  it('stays unchecked when the importer hands it to a module whose specifier is no literal', () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': APP,
      'server.js': "const app = require('./app');\n\nasync function main() {\n  (await import(process.env.SERVE || './serve.js')).default(app);\n}\nmain();\n",
      'serve.js': "module.exports = (app) => require('http').createServer(app).listen(80);\n",
    };
    withProject('dynimport', files, (lint) => expect(lint('app.js')).toEqual([]), { config: cjs, rules: RULES });
  });
});

describe('a router of the package loaded with import() through an alias the resolver knows (dyn23)', () => {
  const LIMIT = /require-rate-limit/u;
  const files = {
    'package.json': '{ "name": "dyn", "type": "module", "imports": { "#routes/*": "./src/routes/*" }, "dependencies": { "express": "^4.21.0", "express-rate-limit": "^7.5.0" } }',
    'src/server.mjs': "import express from 'express';\n\nconst app = express();\nconst { default: auth } = await import('#routes/auth.mjs');\napp.use('/auth', auth);\napp.listen(3000);\n",
    'src/routes/auth.mjs': "import { Router } from 'express';\n\nconst router = Router();\nrouter.post('/login', (req, res) => res.json({ ok: req.body.name === 'demo' }));\nexport default router;\n",
  };

  it('gets its mount: no limiter before its login, reported naming the mount', () => {
    withProject('dynimport', files, (lint) => expect(lint('src/routes/auth.mjs')).toEqual([
      "4:13 Authentication route 'POST /auth/login' on 'router (mounted in src/server.mjs:5)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    ]), { config: esm, rules: LIMIT, format: (m) => `${m.line}:${m.column} ${m.message}` });
  });

  it('gets its mount: a limiter before it, nothing said', () => {
    const limited = { ...files, 'src/server.mjs': files['src/server.mjs'].replace("app.use('/auth', auth);", "app.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }), auth);").replace("import express from 'express';", "import express from 'express';\nimport rateLimit from 'express-rate-limit';") };
    withProject('dynimport', limited, (lint) => expect(lint('src/routes/auth.mjs')).toEqual([]), { config: esm, rules: LIMIT });
  });
});
