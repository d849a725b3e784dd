// A route registered in one file with a handler (or a route module) of another: a message that names the route prints
// its path as written, read with the source of the file the route is in (src/express/model.ts `sourceOf`), never by
// slicing the route's character range out of the linted file (trial 14: `Route 'GET s(404).end(); }...'`).
import type { Linter } from 'eslint';

import { esm, ts, withProject } from './fixture-project';

/** `line:column ruleId message`. */
const withMessage = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId} ${m.message}`;

const PACKAGE = '{ "name": "foreign-paths", "main": "index.js", "dependencies": { "express": "^4.21.0", "helmet": "^8.0.0" } }';
const REGEX = String.raw`/^\/resources\/([^/]+)\/(.+)$/`;
const unvalidated = (at: string, path: string, app: string): string =>
  `${at} secure-express/require-input-validation Route 'GET ${path}' on '${app}' uses 'req.params' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).`;

describe('require-input-validation: the path of a route of another file (trial 14)', () => {
  // The handler's file is longer than the route's range in index.js: the old message printed ui.js's text there.
  const UI =
    "module.exports = {\n  resource: function (req, res) {\n    const name = req.params[0];\n    lookup(name).then(function (data) {\n      if (data) { res.json(data); } else { res.status(404).end(); }\n    });\n  },\n};\nfunction lookup(x) { return Promise.resolve(x); }\n";
  const index = (path: string): string =>
    `const express = require('express');\nconst helmet = require('helmet');\nconst ui = require('./ui');\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.get(${path}, ui.resource);\napp.listen(3000);\n`;

  it('CommonJS: a RegExp path is printed as index.js writes it; a string path as before', () => {
    withProject('foreign-paths', { 'package.json': PACKAGE, 'index.js': index(REGEX), 'ui.js': UI }, (lint) => {
      expect(lint('ui.js')).toEqual([unvalidated('3:18', REGEX, 'app (index.js:4)')]);
    }, { rules: /require-input-validation/u, format: withMessage });
    withProject('foreign-paths', { 'package.json': PACKAGE, 'index.js': index("'/resources/:name'"), 'ui.js': UI }, (lint) => {
      expect(lint('ui.js')).toEqual([unvalidated('3:18', '/resources/:name', 'app (index.js:4)')]);
    }, { rules: /require-input-validation/u, format: withMessage });
    // A path held in a variable: its name, as index.js writes it.
    withProject('foreign-paths', { 'package.json': PACKAGE, 'index.js': index('resourcePath').replace('const app', `const resourcePath = ${REGEX};\nconst app`), 'ui.js': UI }, (lint) => {
      expect(lint('ui.js')).toEqual([unvalidated('3:18', 'resourcePath', 'app (index.js:5)')]);
    }, { rules: /require-input-validation/u, format: withMessage });
  });

  it('ES modules and TypeScript: the same path', () => {
    const mjs: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "index.js"', '"main": "index.mjs", "type": "module"'),
      'index.mjs': `import express from 'express';\nimport helmet from 'helmet';\nimport * as ui from './ui.mjs';\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.get(${REGEX}, ui.resource);\napp.listen(3000);\n`,
      'ui.mjs':
        'export function resource(req, res) {\n  const name = req.params[0];\n  lookup(name).then(function (data) {\n    if (data) { res.json(data); } else { res.status(404).end(); }\n  });\n}\nfunction lookup(x) { return Promise.resolve(x); }\n',
    };
    withProject('foreign-paths', mjs, (lint) => expect(lint('ui.mjs')).toEqual([unvalidated('2:16', REGEX, 'app (index.mjs:4)')]), { config: esm, rules: /require-input-validation/u, format: withMessage });
    const tsFiles: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "index.js"', '"main": "src/index.ts"'),
      'src/index.ts': `import express from 'express';\nimport helmet from 'helmet';\nimport { resource } from './ui.js';\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet());\napp.get(${REGEX}, resource);\napp.listen(3000);\n`,
      'src/ui.ts':
        "import type { Request, Response } from 'express';\n\nexport function resource(req: Request, res: Response): void {\n  const name = req.params[0];\n  lookup(name).then((data) => {\n    if (data) { res.json(data); } else { res.status(404).end(); }\n  });\n}\nfunction lookup(x: string | undefined): Promise<string | undefined> { return Promise.resolve(x); }\n",
    };
    withProject('foreign-paths', tsFiles, (lint) => expect(lint('src/ui.ts')).toEqual([unvalidated('4:16', REGEX, 'app (src/index.ts:4)')]), { config: ts, rules: /require-input-validation/u, format: withMessage });
  });
});

describe('require-helmet: the path of a route that a route module registers before helmet', () => {
  const HELMET = /require-helmet|disable-x-powered-by/u;
  const server = (ext: string): string =>
    ext === 'js'
      ? "const express = require('express');\nconst helmet = require('helmet');\nconst registerRoutes = require('./routes');\n\nconst app = express();\nregisterRoutes(app);\napp.use(helmet());\napp.listen(3000);\n"
      : `import express from 'express';\nimport helmet from 'helmet';\nimport registerRoutes from './routes.${ext === 'ts' ? 'js' : 'mjs'}';\n\nconst app = express();\nregisterRoutes(app);\napp.use(helmet());\napp.listen(3000);\n`;
  const helmetAfter = (path: string, file: string, line = 2): string =>
    `6:1 secure-express/require-helmet helmet is mounted on Express app 'app' (line 7) after route 'GET ${path}' (${file}:${line}, registered by the call at line 6): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.`;

  it('CommonJS: a RegExp path of routes.js is printed as routes.js writes it (it was `*`)', () => {
    const files = {
      'package.json': PACKAGE,
      'index.js': server('js'),
      'routes.js': `module.exports = function registerRoutes(app) {\n  app.get(${REGEX}, (req, res) => res.send('resource'));\n};\n`,
    };
    withProject('foreign-paths', files, (lint) => expect(lint('index.js').filter((m) => m.includes('require-helmet'))).toEqual([helmetAfter(REGEX, 'routes.js')]), { rules: HELMET, format: withMessage });
  });

  it('ES modules and TypeScript: the same path', () => {
    const mjs = {
      'package.json': PACKAGE.replace('"main": "index.js"', '"main": "index.mjs", "type": "module"'),
      'index.mjs': server('mjs'),
      'routes.mjs': `export default function registerRoutes(app) {\n  app.get(${REGEX}, (req, res) => res.send('resource'));\n}\n`,
    };
    withProject('foreign-paths', mjs, (lint) => expect(lint('index.mjs').filter((m) => m.includes('require-helmet'))).toEqual([helmetAfter(REGEX, 'routes.mjs')]), { config: esm, rules: HELMET, format: withMessage });
    const tsFiles = {
      'package.json': PACKAGE.replace('"main": "index.js"', '"main": "index.ts"'),
      'index.ts': server('ts'),
      'routes.ts': `import type { Express } from 'express';\nexport default function registerRoutes(app: Express): void {\n  app.get(${REGEX}, (req, res) => res.send('resource'));\n}\n`,
    };
    withProject('foreign-paths', tsFiles, (lint) => expect(lint('index.ts').filter((m) => m.includes('require-helmet'))).toEqual([helmetAfter(REGEX, 'routes.ts', 3)]), { config: ts, rules: HELMET, format: withMessage });
  });
});
