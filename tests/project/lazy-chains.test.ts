// The middleware items of another file's routes and uses that import a module of the package (`app.use(limits)` with
// `const limits = require('./mw/limits')`) are read for what that module exports when a chain is first asked for
// (src/express/model.ts `readImportsOnFirstUse`), not when the file's model is built: linking a controller to the app
// that registers it does not parse the app's middleware modules, and a chain that a rule asks for still sees them.
import path from 'node:path';

import { parseCounts } from '../../src/project';
import { cjs, esm, ts, withProject } from './fixture-project';

const parsedIn = (dir: string): string[] =>
  [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();

const LIMITER = "const rateLimit = require('express-rate-limit');\nmodule.exports = rateLimit({ windowMs: 60000, limit: 5 });\n";
const NO_OP = 'module.exports = (req, res, next) => next();\n';

function files(limits: string): Record<string, string> {
  return {
    'package.json': '{ "name": "lazy-chains", "main": "app.js", "dependencies": { "express": "^4.21.0", "express-rate-limit": "^7.0.0" } }',
    'mw/limits.js': limits,
    'mw/audit.js': 'module.exports = (req, res, next) => next();\n',
    'controllers/users.js': "exports.show = (req, res) => res.send('ok');\n",
    'routes/auth.js':
      "const express = require('express');\nconst router = express.Router();\nrouter.post('/login', (req, res) => {\n  req.session.user = req.body.user;\n  res.redirect('/');\n});\nmodule.exports = router;\n",
    'app.js':
      "const express = require('express');\nconst limits = require('./mw/limits');\nconst audit = require('./mw/audit');\nconst users = require('./controllers/users');\nconst app = express();\n" +
      "app.get('/users/:id', users.show);\napp.post('/audit', audit, (req, res) => res.sendStatus(204));\napp.use(limits);\napp.use('/auth', require('./routes/auth'));\napp.listen(3000);\n",
  };
}

describe('middleware of another file read on first use', () => {
  it('linking a controller reads the app that registers it, not the middleware modules of its other routes and uses', () => {
    withProject('lazy-chains', files(LIMITER), (lint, dir) => {
      expect(lint('controllers/users.js')).toEqual([]);
      // (The router the app mounts is read for what it is, a router of the package, when the app's model is built.)
      expect(parsedIn(dir)).toEqual(['app.js', 'routes/auth.js']);
    }, { config: cjs });
  });

  it('a chain a rule asks for reads them: a limiter the app mounts before the router counts', () => {
    withProject('lazy-chains', files(LIMITER), (lint) => {
      expect(lint('routes/auth.js')).toEqual([]);
    }, { config: cjs, rules: /require-rate-limit/u });
  });

  it('and a module that exports no limiter leaves the login route without one', () => {
    withProject('lazy-chains', files(NO_OP), (lint) => {
      expect(lint('routes/auth.js')).toEqual([
        "3:13 secure-express/require-rate-limit Authentication route 'POST /auth/login' on 'router (mounted in app.js:9)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      ]);
    }, { config: cjs, rules: /require-rate-limit/u, format: (m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}` });
  });

  it('ES modules: the same', () => {
    const esmFiles = {
      'package.json': '{ "name": "lazy-chains-esm", "type": "module", "main": "app.mjs", "dependencies": { "express": "^4.21.0", "express-rate-limit": "^7.0.0" } }',
      'mw/limits.mjs': "import rateLimit from 'express-rate-limit';\nexport default rateLimit({ windowMs: 60000, limit: 5 });\n",
      'controllers/users.mjs': "export const show = (req, res) => res.send('ok');\n",
      'app.mjs':
        "import express from 'express';\nimport limits from './mw/limits.mjs';\nimport * as users from './controllers/users.mjs';\nconst app = express();\napp.get('/users/:id', users.show);\napp.post('/audit', limits, (req, res) => res.sendStatus(204));\napp.listen(3000);\n",
    };
    withProject('lazy-chains-esm', esmFiles, (lint, dir) => {
      expect(lint('controllers/users.mjs')).toEqual([]);
      expect(parsedIn(dir)).toEqual(['app.mjs']);
    }, { config: esm });
  });

  it('TypeScript (imports written ./x.js): the same', () => {
    const tsFiles = {
      'package.json': '{ "name": "lazy-chains-ts", "type": "module", "main": "dist/app.js", "dependencies": { "express": "^4.21.0", "express-rate-limit": "^7.0.0" } }',
      'src/mw/limits.ts': "import rateLimit from 'express-rate-limit';\nexport default rateLimit({ windowMs: 60000, limit: 5 });\n",
      'src/controllers/users.ts': "import type { Request, Response } from 'express';\nexport const show = (req: Request, res: Response) => res.send('ok');\n",
      'src/app.ts':
        "import express from 'express';\nimport limits from './mw/limits.js';\nimport * as users from './controllers/users.js';\nconst app = express();\n" +
        "app.get('/users/:id', users.show);\napp.post('/audit', limits, (req, res) => res.sendStatus(204));\napp.listen(3000);\n",
    };
    withProject('lazy-chains-ts', tsFiles, (lint, dir) => {
      expect(lint('src/controllers/users.ts')).toEqual([]);
      expect(parsedIn(dir)).toEqual(['src/app.ts']);
    }, { config: ts });
  });
});
