// A class whose constructor keeps the app it is handed in a TypeScript parameter property (`constructor(private
// readonly app: Application) { this.app.post('/login', login); }`) registers its routes on that app, whatever the
// handler is: written in the file, or imported from a controller (a named import, a namespace, a factory's
// `makeAuthController().login`). Such a file shows no `(app)` parameter, so the text signs that start the whole-app
// walk and the link with its importers (src/project/scan.ts `EXPRESS_HINT`, `IMPORTERS_MATTER`) take the modifiers.
import { cjs, esm, ts, withProject as inProject } from './fixture-project';

const RULE = /require-rate-limit/u;
const PACKAGE = '{ "name": "ctor-routes", "main": "src/server.ts", "dependencies": { "express": "^4.21.0", "helmet": "^8.0.0", "express-rate-limit": "^7.4.0" } }';

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config = ts): void {
  inProject('parameter-properties', files, run, { config, rules: RULE, format: (m) => `${m.line}:${m.column} ${m.message.slice(0, m.message.indexOf(' has no'))}` });
}

const CONTROLLERS = {
  'src/plainctrl.ts': "import type { Request, Response } from 'express';\n\nexport const login = (req: Request, res: Response) => {\n  res.json({ ok: true });\n};\n",
  'src/ctrl.ts':
    "import type { Request, Response } from 'express';\n\nexport function makeAuthController() {\n  return {\n    login(req: Request, res: Response) {\n      res.json({ ok: true });\n    },\n  };\n}\n",
};

const CLASSES: Record<string, string> = {
  'src/l.ts':
    "import type { Application } from 'express';\nimport { login } from './plainctrl';\n\nexport class L {\n  constructor(private readonly app: Application) {\n    this.app.post('/l/login', login);\n  }\n}\n",
  'src/k.ts':
    "import type { Application } from 'express';\nimport * as ctrl from './plainctrl';\n\nexport class K {\n  constructor(private app: Application) {\n    this.app.post('/k/login', ctrl.login);\n  }\n}\n",
  'src/g.ts':
    "import type { Application } from 'express';\nimport { makeAuthController } from './ctrl';\n\nexport class G {\n  constructor(public readonly app: Application) {\n    this.app.post('/g/login', makeAuthController().login);\n  }\n}\n",
};

const server = (before: string): string =>
  `import express from 'express';\nimport helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';\nimport { G } from './g';\nimport { K } from './k';\nimport { L } from './l';\n\nconst app = express();\napp.use(helmet());\n${before}new L(app);\nnew K(app);\nnew G(app);\napp.listen(3000);\n`;

describe('routes of a class that keeps the app in a TypeScript parameter property', () => {
  it('a handler imported from another file (named, namespace, factory) makes an auth route: reported without a limiter', () => {
    withProject({ 'package.json': PACKAGE, 'src/server.ts': server(''), ...CONTROLLERS, ...CLASSES }, (lint) => {
      expect(lint('src/l.ts')).toEqual(["6:19 Authentication route 'POST /l/login' on 'app (passed in src/server.ts:10)'"]);
      expect(lint('src/k.ts')).toEqual(["6:19 Authentication route 'POST /k/login' on 'app (passed in src/server.ts:11)'"]);
      expect(lint('src/g.ts')).toEqual(["6:19 Authentication route 'POST /g/login' on 'app (passed in src/server.ts:12)'"]);
    });
  });

  it('a limiter the caller mounts before handing the app over is before the routes: not reported', () => {
    withProject({ 'package.json': PACKAGE, 'src/server.ts': server('app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n'), ...CONTROLLERS, ...CLASSES }, (lint) => {
      expect(lint('src/l.ts')).toEqual([]);
      expect(lint('src/k.ts')).toEqual([]);
      expect(lint('src/g.ts')).toEqual([]);
    });
  });

  it('a class no file of the package hands an app to says nothing', () => {
    const files = { 'package.json': PACKAGE, 'src/server.ts': "import express from 'express';\n\nexport const app = express();\n", ...CONTROLLERS, ...CLASSES };
    withProject(files, (lint) => expect(lint('src/l.ts')).toEqual([]));
  });

  it('CommonJS and ES modules: a constructor handed the app, with a handler of another file', () => {
    const pkg = PACKAGE.replace('src/server.ts', 'server.js');
    const cjsFiles: Record<string, string> = {
      'package.json': pkg,
      'server.js': "const express = require('express');\nconst helmet = require('helmet');\nconst N = require('./n');\n\nconst app = express();\napp.use(helmet());\nnew N(app);\napp.listen(3000);\n",
      'n.js': "const { login } = require('./plainjs');\n\nclass N {\n  constructor(app) {\n    app.post('/n/login', login);\n  }\n}\nmodule.exports = N;\n",
      'plainjs.js': 'exports.login = (req, res) => res.json({});\n',
    };
    withProject(cjsFiles, (lint) => expect(lint('n.js')).toEqual(["5:14 Authentication route 'POST /n/login' on 'app (passed in server.js:7)'"]), cjs);
    cjsFiles['server.js'] = cjsFiles['server.js']!.replace('app.use(helmet());', "app.use(helmet());\napp.use(require('express-rate-limit').rateLimit({ windowMs: 60000, limit: 100 }));");
    withProject(cjsFiles, (lint) => expect(lint('n.js')).toEqual([]), cjs);

    const esmFiles: Record<string, string> = {
      'package.json': pkg.replace('"main"', '"type": "module", "main"').replace('server.js', 'server.mjs'),
      'server.mjs': "import express from 'express';\nimport { N } from './n.mjs';\n\nconst app = express();\nnew N(app);\napp.listen(3000);\n",
      'n.mjs': "import { login } from './plain.mjs';\n\nexport class N {\n  constructor(app) {\n    app.post('/n/login', login);\n  }\n}\n",
      'plain.mjs': 'export const login = (req, res) => res.json({});\n',
    };
    withProject(esmFiles, (lint) => expect(lint('n.mjs')).toEqual(["5:14 Authentication route 'POST /n/login' on 'app (passed in server.mjs:5)'"]), esm);
  });
});
