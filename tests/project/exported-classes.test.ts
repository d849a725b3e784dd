// Apps and routers kept on the instances of an exported class (`export class AuthRoutes { router = Router(); ... }`,
// `export class App { app = express(); ... }`): the importers make the instances, and `new AuthRoutes().router` there
// is that file's router (src/express/model.ts `bindClassMember`, src/project `hookFor`'s stand-ins): it gets the
// importer's mount, and an app that the importer only serves is complete.
import { cjs, esm, ts, withProject } from './fixture-project';

const RULES = /require-rate-limit|require-helmet|disable-x-powered-by/u;

const PACKAGE = '{ "name": "classes", "main": "src/app.ts", "dependencies": { "express": "^5.1.0", "helmet": "^8.0.0", "express-rate-limit": "^7.5.0" } }';

const AUTH_ROUTES_TS =
  "import { Router, type Request, type Response } from 'express';\n\nexport class AuthRoutes {\n  public router = Router();\n\n  constructor() {\n    this.router.post('/login', (req: Request, res: Response) => res.json({ ok: true }));\n  }\n}\n";

const APP_TS = (mount: string): string =>
  `import express from 'express';\nimport helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';\nimport { AuthRoutes } from './routes/auth.routes';\n\nconst app = express();\napp.use(helmet());\n${mount}\napp.listen(3000);\n`;

describe('routers and apps kept on instances of an exported class', () => {
  it('TypeScript: new AuthRoutes().router mounted on /auth gets the mount and its middleware', () => {
    const files = { 'package.json': PACKAGE, 'src/routes/auth.routes.ts': AUTH_ROUTES_TS, 'src/app.ts': APP_TS("app.use('/auth', new AuthRoutes().router);") };
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual(['7:22 secure-express/require-rate-limit']), { config: ts, rules: RULES });
    files['src/app.ts'] = APP_TS("app.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }), new AuthRoutes().router);");
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual([]), { config: ts, rules: RULES });
    // An instance kept in a const, its router mounted: the same.
    files['src/app.ts'] = APP_TS("const auth = new AuthRoutes();\napp.use('/auth', auth.router);");
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual(['7:22 secure-express/require-rate-limit']), { config: ts, rules: RULES });
  });

  it('TypeScript: the class handed to code the package does not show leaves its router unknown', () => {
    const files = {
      'package.json': PACKAGE,
      'src/routes/auth.routes.ts': AUTH_ROUTES_TS,
      'src/app.ts': APP_TS("import { registerRoutes } from 'route-kit';\nregisterRoutes(app, [AuthRoutes]);"),
    };
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual([]), { config: ts, rules: RULES });
    files['src/app.ts'] = APP_TS("import { mountAll } from 'route-kit';\nmountAll(app, new AuthRoutes().router);");
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual([]), { config: ts, rules: RULES });
  });

  it('TypeScript: an exported class App whose app the server only serves is checked in its file', () => {
    const files = {
      'package.json': PACKAGE,
      'src/app.ts':
        "import express, { type Application, type Request, type Response } from 'express';\n\nexport class App {\n  public app: Application;\n\n  constructor() {\n    this.app = express();\n    this.routes();\n  }\n\n  private routes(): void {\n    this.app.get('/', (req: Request, res: Response) => res.send('hi'));\n  }\n}\n",
      'src/server.ts': "import { App } from './app';\n\nconst { app } = new App();\napp.listen(3000);\n",
    };
    withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['7:16 secure-express/disable-x-powered-by', '7:16 secure-express/require-helmet']), { config: ts, rules: RULES });
    files['src/app.ts'] = files['src/app.ts'].replace('    this.app = express();\n', "    this.app = express();\n    this.app.use(require('helmet')());\n");
    withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
  });

  it('CommonJS: module.exports = AuthRoutes, mounted with new AuthRoutes().router', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "src/app.ts"', '"main": "app.js"'),
      'routes/auth.js':
        "const express = require('express');\n\nclass AuthRoutes {\n  constructor() {\n    this.router = express.Router();\n    this.router.post('/login', (req, res) => res.json({ ok: true }));\n  }\n}\n\nmodule.exports = AuthRoutes;\n",
      'app.js': "const express = require('express');\nconst AuthRoutes = require('./routes/auth');\n\nconst app = express();\napp.use('/auth', new AuthRoutes().router);\napp.listen(3000);\n",
    };
    withProject('classes', files, (lint) => expect(lint('routes/auth.js')).toEqual(['6:22 secure-express/require-rate-limit']), { config: cjs, rules: /require-rate-limit/u });
  });

  it('ES modules: export default class, mounted with new AuthRoutes().router', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "src/app.ts"', '"main": "app.mjs", "type": "module"'),
      'routes/auth.mjs':
        "import { Router } from 'express';\n\nexport default class AuthRoutes {\n  router = Router();\n\n  constructor() {\n    this.router.post('/login', (req, res) => res.json({ ok: true }));\n  }\n}\n",
      'app.mjs': "import express from 'express';\nimport AuthRoutes from './routes/auth.mjs';\n\nconst app = express();\napp.use('/auth', new AuthRoutes().router);\napp.listen(3000);\n",
    };
    withProject('classes', files, (lint) => expect(lint('routes/auth.mjs')).toEqual(['7:22 secure-express/require-rate-limit']), { config: esm, rules: /require-rate-limit/u });
  });
});
