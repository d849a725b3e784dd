// Candidate-first (session 11): a rule asks for the file's model, and so for the whole-app reading, only where the file
// shows something it may report. Values and apps also come from other files, which a pre-check must let through:
// an installed package passed on by a module of the package (`module.exports = require('express-session')`), an app
// made by a factory of the package in a file that names no `express`, a helper of another module held by a variable
// assigned after its declaration. Each rule runs alone here, so that no other rule builds the model first.
import type { Linter } from 'eslint';

import * as tsParser from '@typescript-eslint/parser';

import plugin from '../../src/index';
import { lintFile, withProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;

/** Only `rule`, with the whole-app model (on by default), on CommonJS and TypeScript files. */
function alone(rule: string): Linter.Config[] {
  return [
    { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } },
    { files: ['**/*.{js,mjs,ts}'], plugins: { 'secure-express': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] }, rules: { [`secure-express/${rule}`]: 'error' } },
  ];
}

const PACKAGE = '{ "name": "candidates", "main": "app.js", "dependencies": { "express": "^4.21.0", "express-session": "^1.18.1" } }';
/** Without 'secure' and without 'sameSite' (express-session's defaults). */
const SESSION_FINDINGS = (column: number): string[] => [1, 2].map(() => `4:${column} secure-express/secure-cookies`);

describe('candidate-first rules: what other files give a file', () => {
  it('secure-cookies: express-session passed on by a module of the package (directly, through a keyed barrel), in a file that names it nowhere', () => {
    const files = {
      'package.json': PACKAGE,
      'lib/session.js': "module.exports = require('express-session');\n",
      'lib/index.js': "module.exports = { session: require('./session') };\n",
      'app.js':
        "const express = require('express');\nconst makeSession = require('./lib/session');\nconst app = express();\n" +
        'app.use(makeSession({ secret: process.env.S }));\napp.listen(3000);\n',
      'barrel.js':
        "const express = require('express');\nconst { session } = require('./lib');\nconst app = express();\n" +
        'app.use(session({ secret: process.env.S }));\napp.listen(3000);\n',
      // A module that wraps the call: what it returns is no session middleware of this file (its own file reports).
      'lib/wrapped.js': "const session = require('express-session');\nmodule.exports = (options) => session(options);\n",
      'wrapped.js':
        "const express = require('express');\nconst makeSession = require('./lib/wrapped');\nconst app = express();\n" +
        'app.use(makeSession({ secret: process.env.S }));\napp.listen(3000);\n',
    };
    withProject(
      'candidates-session',
      files,
      (lint) => {
        expect(lint('app.js')).toEqual(SESSION_FINDINGS(21));
        expect(lint('barrel.js')).toEqual(SESSION_FINDINGS(17));
        expect(lint('wrapped.js')).toEqual([]);
      },
      { config: alone('secure-cookies'), format },
    );
  });

  it('require-helmet: an app made by a factory of the package, in a file that names no express (CommonJS) or only its types (TypeScript)', () => {
    const files = {
      'package.json': PACKAGE,
      'make-app.js': "const express = require('express');\nmodule.exports = () => express();\n",
      'app.js': "const createApp = require('./make-app');\nconst app = createApp();\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n",
      'factory.ts': "import express from 'express';\nexport const createApp = () => express();\n",
      'server.ts':
        "import type { Request, Response } from 'express';\nimport { createApp } from './factory';\nconst app = createApp();\n" +
        "app.get('/', (req: Request, res: Response) => res.send('ok'));\napp.listen(3000);\n",
      // Only Express's types, no app of its own or given: nothing to report.
      'handler.ts': "import { Request, Response } from 'express';\nexport const ok = (req: Request, res: Response) => res.send('ok');\n",
    };
    withProject(
      'candidates-apps',
      files,
      (lint) => {
        expect(lint('app.js')).toEqual(['2:13 secure-express/require-helmet']);
        expect(lint('server.ts')).toEqual(['3:13 secure-express/require-helmet']);
        expect(lint('handler.ts')).toEqual([]);
      },
      { config: alone('require-helmet'), format },
    );
  });

  it('no-reflected-xss: a helper of another module held by a variable assigned after its declaration', () => {
    const files = {
      'package.json': PACKAGE,
      'respond.js': 'exports.send = (res, body) => res.send(body);\n',
      'app.js':
        "const express = require('express');\nlet respond;\nrespond = require('./respond');\nconst app = express();\n" +
        "app.get('/', (req, res) => respond.send(res, req.query.q));\nmodule.exports = app;\n",
      // A local object with the same method: no helper of another module, nothing to report.
      'local.js':
        "const express = require('express');\nconst respond = { send: (res, body) => res.json({ body }) };\nconst app = express();\n" +
        "app.get('/', (req, res) => respond.send(res, req.query.q));\nmodule.exports = app;\n",
    };
    withProject(
      'candidates-helpers',
      files,
      (lint) => {
        expect(lint('app.js')).toEqual(['5:46 secure-express/no-reflected-xss']);
        expect(lint('local.js')).toEqual([]);
      },
      { config: alone('no-reflected-xss'), format },
    );
  });

  it('no-nosql-injection: a Mongo client passed on by a module of the package that package.json does not declare (CommonJS, TypeScript)', () => {
    const files = {
      'package.json': '{ "name": "candidates-nosql", "dependencies": { "express": "^4.21.0" } }',
      'lib/db.js': "module.exports = require('mongoose');\n",
      'app.js':
        "const express = require('express');\nconst db = require('./lib/db');\nconst User = db.model('User');\nconst app = express();\n" +
        "app.get('/u', async (req, res) => res.json(await User.find({ name: req.query.name })));\napp.listen(3000);\n",
      'app.ts':
        "import express from 'express';\nimport db from './lib/db';\nconst User = db.model('User');\nconst app = express();\n" +
        "app.get('/u', async (req, res) => res.json(await User.find({ name: req.query.name })));\napp.listen(3000);\n",
      // No Mongo client anywhere: the same call is some other library's, and nothing is reported.
      'other.js':
        "const express = require('express');\nconst store = require('./lib/store');\nconst app = express();\n" +
        "app.get('/u', async (req, res) => res.json(await store.find({ name: req.query.name })));\napp.listen(3000);\n",
      'lib/store.js': 'module.exports = { find: async (filter) => [filter] };\n',
    };
    withProject(
      'candidates-nosql',
      files,
      (lint) => {
        expect(lint('app.js')).toEqual(['5:68 secure-express/no-nosql-injection']);
        expect(lint('app.ts')).toEqual(['5:68 secure-express/no-nosql-injection']);
        expect(lint('other.js')).toEqual([]);
      },
      { config: alone('no-nosql-injection'), format },
    );
  });

  it('no-nosql-injection: a Mongo client that the caller hands a route module beside the app (CommonJS, TypeScript)', () => {
    const files = {
      'package.json': '{ "name": "candidates-nosql-handed", "dependencies": { "express": "^4.21.0" } }',
      'server.js':
        "const express = require('express');\nconst mongoose = require('mongoose');\nconst app = express();\n" +
        "require('./routes')(app, mongoose);\nrequire('./typed').default(app, mongoose);\napp.listen(3000);\n",
      'routes.js':
        "module.exports = (app, mongoose) => {\n  const User = mongoose.model('User');\n" +
        "  app.get('/u', async (req, res) => res.json(await User.find({ name: req.query.name })));\n};\n",
      'typed.ts':
        "import type { Express } from 'express';\nexport default (app: Express, db: any) => {\n  const User = db.model('User');\n" +
        "  app.get('/u', async (req, res) => res.json(await User.find({ name: req.query.name })));\n};\n",
    };
    withProject(
      'candidates-nosql-handed',
      files,
      (lint) => {
        expect(lint('routes.js')).toEqual(['3:70 secure-express/no-nosql-injection']);
        expect(lint('typed.ts')).toEqual(['4:70 secure-express/no-nosql-injection']);
      },
      { config: alone('no-nosql-injection'), format },
    );
  });
  it('helpers of other modules (no-open-redirect, no-sql-injection, no-error-details-in-response): a callee is asked of the syntax until a rule builds the model, then of the model; a function of an installed package is none (CJS, ESM, TS)', () => {
    const helpers = (exported: (name: string, fn: string) => string): string =>
      [exported('sendTo', '(res, url) => res.redirect(url)'), exported('runQuery', '(sql) => pool.query(sql)'), exported('sendError', '(res, err) => res.status(500).send(err.stack)')].join('\n');
    // Calls with arguments whose callee holds no module's value come first (no model is built for them); in CommonJS the
    // first `require(...)` builds it, and every later callee is read from it.
    const handlers = (first: string): string =>
      `${first}\n` +
      'export const go = (req, res) => sendTo(res, req.query.next);\n' +
      'export const viaPackage = (req, res) => pkgSendTo(res, req.query.next);\n' +
      "export const find = (req, res) => runQuery('SELECT * FROM t WHERE n = ' + req.query.n);\n" +
      "export const fail = async (req, res) => { try { await runQuery('SELECT 1'); } catch (err) { sendError(res, err); } };\n";
    const files = {
      'package.json': '{ "name": "candidates-helpers", "dependencies": { "express": "^4.21.0", "mysql2": "^3.11.0", "respond-pkg": "^1.0.0" } }',
      'lib/helpers.js': "const pool = require('mysql2').createPool({});\n" + helpers((name, fn) => `exports.${name} = ${fn};`),
      'lib/helpers.mjs': "import mysql from 'mysql2';\nconst pool = mysql.createPool({});\n" + helpers((name, fn) => `export const ${name} = ${fn};`),
      'routes.js': handlers(
        "console.log(['routes'].join(', '));\nconst { sendTo, runQuery, sendError } = require('./lib/helpers');\nconst { sendTo: pkgSendTo } = require('respond-pkg');",
      ).replace(/export const (\w+) =/gu, 'exports.$1 ='),
      'routes.mjs': handlers(
        "import { sendTo, runQuery, sendError } from './lib/helpers.mjs';\nimport { sendTo as pkgSendTo } from 'respond-pkg';\nconsole.log(['routes'].map((n) => n.trim()));",
      ),
      'routes.ts': handlers(
        "import { sendTo, runQuery, sendError } from './lib/helpers';\nimport { sendTo as pkgSendTo } from 'respond-pkg';\nconsole.log(['routes'].map((n) => n.trim()));",
      ).replace(/\(req, res\)/gu, '(req: any, res: any)'),
    };
    withProject(
      'candidates-helpers',
      files,
      (_lint, dir) => {
        for (const [rule, line] of [['no-open-redirect', 4], ['no-sql-injection', 6], ['no-error-details-in-response', 7]] as const) {
          const found = (name: string): string[] => lintFile(dir, name, { config: alone(rule), format });
          expect([found('routes.js'), found('routes.mjs'), found('routes.ts')].map((list) => list.map((f) => f.split(':')[0]))).toEqual([[String(line)], [String(line)], [String(line)]]);
        }
      },
      { format },
    );
  });
});
