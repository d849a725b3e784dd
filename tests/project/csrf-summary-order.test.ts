// require-csrf-protection asks a route's chain whether its session cookie is `sameSite` strict or lax (read from the
// session's options, in the chain) before it asks whether the route reads cookie state, which for a handler of another
// file (a controller: `router.post('/', items.create)`) needs that file's summary, and so its parse. Under `recommended`
// (`sameSiteSuffices`) a lax or strict session answers first and the controller is not read; a cookie that other sites'
// requests carry, or the strict config, still reads it and reports the route. CommonJS, ESM and TypeScript.
import path from 'node:path';

import { parseCounts } from '../../src/project';
import { cjs, esm, recommendedCjs, recommendedEsm, recommendedTs, ts, withProject } from './fixture-project';

const parsedIn = (dir: string): string[] =>
  [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();

const SESSION = (sameSite: string): string =>
  `session({ name: 'sid', secret: process.env.SESSION_SECRET, store: globalThis.store, resave: false, saveUninitialized: false, cookie: { httpOnly: true, secure: true, sameSite: ${sameSite}, maxAge: 3600000 } })`;
const PACKAGE = (name: string, type = ''): string =>
  `{ "name": "${name}",${type} "dependencies": { "express": "^4.21.2", "express-session": "^1.18.1", "helmet": "^8.0.0" } }`;

const variants = {
  CommonJS: {
    route: 'routes/items.js',
    controller: 'controllers/items.js',
    files: (sameSite: string): Record<string, string> => ({
      'package.json': PACKAGE('csrf-order'),
      'controllers/items.js': 'exports.create = (req, res) => {\n  req.session.items = (req.session.items ?? 0) + 1;\n  res.sendStatus(201);\n};\n',
      'routes/items.js': "const router = require('express').Router();\nconst items = require('../controllers/items');\n\nrouter.post('/', items.create);\n\nmodule.exports = router;\n",
      'app.js': `const express = require('express');\nconst session = require('express-session');\nconst helmet = require('helmet');\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.use(${SESSION(sameSite)});\napp.use('/items', require('./routes/items'));\napp.listen(3000);\n`,
    }),
    recommended: recommendedCjs,
    strict: cjs,
    app: 'app.js:8',
  },
  ESM: {
    route: 'routes/items.mjs',
    controller: 'controllers/items.mjs',
    files: (sameSite: string): Record<string, string> => ({
      'package.json': PACKAGE('csrf-order-esm', ' "type": "module",'),
      'controllers/items.mjs': 'export const create = (req, res) => {\n  req.session.items = (req.session.items ?? 0) + 1;\n  res.sendStatus(201);\n};\n',
      'routes/items.mjs': "import { Router } from 'express';\nimport * as items from '../controllers/items.mjs';\nconst router = Router();\nrouter.post('/', items.create);\n\nexport default router;\n",
      'app.mjs': `import express from 'express';\nimport session from 'express-session';\nimport helmet from 'helmet';\nimport items from './routes/items.mjs';\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.use(${SESSION(sameSite)});\napp.use('/items', items);\napp.listen(3000);\n`,
    }),
    recommended: recommendedEsm,
    strict: esm,
    app: 'app.mjs:9',
  },
  TypeScript: {
    route: 'routes/items.ts',
    controller: 'controllers/items.ts',
    files: (sameSite: string): Record<string, string> => ({
      'package.json': PACKAGE('csrf-order-ts'),
      'controllers/items.ts': "import type { Request, Response } from 'express';\nexport const create = (req: Request, res: Response) => {\n  req.session.items = (req.session.items ?? 0) + 1;\n  res.sendStatus(201);\n};\n",
      'routes/items.ts': "import { Router } from 'express';\nimport * as items from '../controllers/items';\nconst router = Router();\nrouter.post('/', items.create);\n\nexport default router;\n",
      'app.ts': `import express from 'express';\nimport session from 'express-session';\nimport helmet from 'helmet';\nimport items from './routes/items';\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.use(${SESSION(sameSite)});\napp.use('/items', items);\napp.listen(3000);\n`,
    }),
    recommended: recommendedTs,
    strict: ts,
    app: 'app.ts:9',
  },
};

describe("require-csrf-protection: a session cookie's sameSite before the summary of a controller of another file", () => {
  describe.each(Object.entries(variants))('%s', (_, variant) => {
    const reported = `4:13 Route 'POST /items' on 'router (mounted in ${variant.app})'`;
    const format = (m: { line: number; column: number; message: string }): string => `${m.line}:${m.column} ${m.message.slice(0, m.message.indexOf(' changes state'))}`;

    it("recommended, a lax or strict session cookie: not reported, and the controller's file is not read", () => {
      for (const sameSite of ["'lax'", "'strict'"]) {
        withProject('csrf-order', variant.files(sameSite), (lint, dir) => {
          expect(lint(variant.route)).toEqual([]);
          expect(parsedIn(dir)).not.toContain(variant.controller);
        }, { config: variant.recommended, rules: /require-csrf-protection/u, format });
      }
    });

    it("recommended, a cookie other sites' requests carry: reported, the controller read for what it reads", () => {
      withProject('csrf-order', variant.files("'none'"), (lint, dir) => {
        expect(lint(variant.route)).toEqual([reported]);
        expect(parsedIn(dir)).toContain(variant.controller);
      }, { config: variant.recommended, rules: /require-csrf-protection/u, format });
    });

    it('strict (sameSite does not suffice), a lax cookie: reported, the controller read', () => {
      withProject('csrf-order', variant.files("'lax'"), (lint, dir) => {
        expect(lint(variant.route)).toEqual([reported]);
        expect(parsedIn(dir)).toContain(variant.controller);
      }, { config: variant.strict, rules: /require-csrf-protection/u, format });
    });
  });
});
