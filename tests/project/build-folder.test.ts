// A package that publishes its compiled code (`build/`, `dist/`) and is linted as it is (trial 14: @actual-app/sync-server).
// The import scan skips folders named like build output, so that a source tree's compiled copy is not read as the app;
// a linted file inside such a folder is read with that folder scanned too (src/project/scan.ts `skippedFolderOf`): its
// importers there are found. A file outside it never sees that folder, whatever ESLint linted before.
import { esm, ts, withProject } from './fixture-project';

const RULES = /require-rate-limit|require-helmet/u;
const PACKAGE = '{ "name": "published", "version": "1.0.0", "dependencies": { "express": "^5.1.0", "express-rate-limit": "^7.5.0", "helmet": "^8.1.0" } }';
const ACCOUNT = "const express = require('express');\nconst app = express();\napp.disable('x-powered-by');\napp.post('/login', (req, res) => res.json({ ok: typeof req.body === 'object' }));\nexports.handlers = app;\n";
const SERVER = (limiter: string): string =>
  `const express = require('express');\nconst rateLimit = require('express-rate-limit');\nconst helmet = require('helmet');\nconst account = require('./account');\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\n${limiter}app.use('/account', account.handlers);\napp.listen(3000);\n`;
const LIMITER = 'app.use(rateLimit({ windowMs: 60_000, limit: 100 }));\n';

describe('a package linted in its build output folder', () => {
  it('CommonJS: the sub-app of build/account.js is mounted by build/server.js after its limiter', () => {
    for (const folder of ['build', 'dist']) {
      withProject(
        'build-folder',
        { 'package.json': PACKAGE, [`${folder}/account.js`]: ACCOUNT, [`${folder}/server.js`]: SERVER(LIMITER) },
        (lint) => {
          expect(lint(`${folder}/account.js`)).toEqual([]);
          expect(lint(`${folder}/server.js`)).toEqual([]);
        },
        { rules: RULES },
      );
      // Without the limiter, the login route is reported in the sub-app's file.
      withProject(
        'build-folder',
        { 'package.json': PACKAGE, [`${folder}/account.js`]: ACCOUNT, [`${folder}/server.js`]: SERVER('') },
        (lint) => expect(lint(`${folder}/account.js`)).toEqual(['4:10 secure-express/require-rate-limit']),
        { rules: RULES },
      );
    }
  });

  it('a file outside the folder does not see it, even after a file inside was linted (same findings in any order)', () => {
    const files = {
      'package.json': PACKAGE,
      'src/account.js': ACCOUNT,
      // A compiled copy that mounts the source's app: not read for the source files.
      'build/server.js': SERVER(LIMITER).replace("require('./account')", "require('../src/account')"),
    };
    withProject(
      'build-folder',
      files,
      (lint) => {
        const before = lint('src/account.js');
        expect(lint('build/server.js')).toEqual([]);
        expect(lint('src/account.js')).toEqual(before);
        expect(before).toEqual(['4:10 secure-express/require-rate-limit']);
      },
      { rules: RULES },
    );
  });

  it('ES modules and TypeScript: dist/ with .mjs files, and a TS build folder', () => {
    withProject(
      'build-folder',
      {
        'package.json': PACKAGE.replace('"version": "1.0.0"', '"version": "1.0.0", "type": "module"'),
        'dist/account.mjs': "import express from 'express';\nconst app = express();\napp.disable('x-powered-by');\napp.post('/login', (req, res) => res.json({ ok: true }));\nexport const handlers = app;\n",
        'dist/server.mjs':
          "import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport helmet from 'helmet';\nimport { handlers } from './account.mjs';\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.use(rateLimit({ windowMs: 60_000, limit: 100 }));\napp.use('/account', handlers);\napp.listen(3000);\n",
      },
      (lint) => expect(lint('dist/account.mjs')).toEqual([]),
      { config: esm, rules: RULES },
    );
    withProject(
      'build-folder',
      {
        'package.json': PACKAGE,
        'build/account.ts':
          "import express, { type Request, type Response } from 'express';\nconst app = express();\napp.disable('x-powered-by');\napp.post('/login', (req: Request, res: Response) => { res.json({ ok: true }); });\nexport const handlers = app;\n",
        'build/server.ts':
          "import express from 'express';\nimport helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';\nimport { handlers } from './account.js';\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.use(rateLimit({ windowMs: 60_000, limit: 100 }));\napp.use('/account', handlers);\napp.listen(3000);\n",
      },
      (lint) => expect(lint('build/account.ts')).toEqual([]),
      { config: ts, rules: RULES },
    );
  });
});
