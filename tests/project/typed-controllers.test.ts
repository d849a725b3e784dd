// A router factory that takes its controller as a parameter typed with a class of another file of the package
// (`export function authRouter(ctrl: AuthController) { router.post('/login', ctrl.login) }`, called as
// `authRouter(new AuthController())`): the class's method is the route's handler, as for a controller exported as an
// instance (src/express/member-functions.ts `typedParameterMember`). Trial 19, r4.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const WATCHED = /require-session-regenerate|require-csrf-protection|require-input-validation/u;

/** `line:column rule: message`. */
const full = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId!.replace('secure-express/', '')}: ${m.message}`;

function lintProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void): void {
  withProject('typed-controllers', files, run, { config: ts, rules: WATCHED, format: full });
}

const PACKAGE = '{ "name": "r4", "type": "module", "dependencies": { "express": "^5.1.0", "express-session": "^1.18.1" } }';
const APP = [
  "import express from 'express';",
  "import session from 'express-session';",
  "import { authRouter } from './routes.js';",
  "import { AuthController } from './ctrl.js';",
  'export function createApp() {',
  '  const app = express();',
  "  app.use(session({ secret: process.env.S!, name: 'sid', cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 1000 } }));",
  "  app.use('/auth', authRouter(new AuthController()));",
  '  return app;',
  '}',
  '',
].join('\n');
const SERVER = "import { createApp } from './app.js';\ncreateApp().listen(3000, '127.0.0.1');\n";
const CTRL = [
  "import type { Request, Response } from 'express';",
  'export class AuthController {',
  '  login = async (req: Request, res: Response) => {',
  '    (req.session as unknown as Record<string, unknown>).userId = req.body.id;',
  '    res.json({});',
  '  };',
  '}',
  '',
].join('\n');
const routes = (param: string, handler = 'ctrl.login', imports = "import type { AuthController } from './ctrl.js';", body = ''): string =>
  [
    "import { Router } from 'express';",
    imports,
    `export function authRouter(${param}): Router {`,
    '  const router = Router();',
    body,
    `  router.post('/login', ${handler});`,
    '  return router;',
    '}',
    '',
  ].join('\n');

const REGENERATE = (line: string): string =>
  `${line} require-session-regenerate: Login handler 'login' of route 'POST /auth/login' (routes.ts:6) on 'router (routes.ts:4, mounted in app.ts:8)' stores data in req.session without calling req.session.regenerate() first: a session ID planted before login (session fixation) stays valid and becomes the user's logged-in session.`;
const VALIDATION = (line: string): string =>
  `${line} require-input-validation: Route 'POST /auth/login' on 'router (routes.ts:4, mounted in app.ts:8)' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).`;
const CSRF =
  "6:15 require-csrf-protection: Route 'POST /auth/login' on 'router (mounted in app.ts:8)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (sameSite: 'lax' on the express-session cookie does not count: sameSiteSuffices is off): another site can make a signed-in user's browser submit it.";

describe('a controller parameter typed with a class of the package', () => {
  it("the trial's r4: `import type`, an arrow field; the route's file reports CSRF, the controller's file the login", () => {
    const files = { 'package.json': PACKAGE, 'server.ts': SERVER, 'app.ts': APP, 'ctrl.ts': CTRL, 'routes.ts': routes('ctrl: AuthController') };
    lintProject(files, (lint) => {
      expect(lint('ctrl.ts')).toEqual([REGENERATE('4:5'), VALIDATION('4:66')]);
      expect(lint('routes.ts')).toEqual([CSRF]);
    });
  });

  it('a value import, a method, bound to the parameter; a default-exported class', () => {
    const method = CTRL.replace('login = async (req: Request, res: Response) => {', 'async login(req: Request, res: Response) {').replace('  };\n}', '  }\n}');
    const files = {
      'package.json': PACKAGE,
      'server.ts': SERVER,
      'app.ts': APP,
      'ctrl.ts': method,
      'routes.ts': routes('ctrl: AuthController', 'ctrl.login.bind(ctrl)', "import { AuthController } from './ctrl.js';"),
    };
    lintProject(files, (lint) => {
      expect(lint('ctrl.ts')).toEqual([REGENERATE('4:5'), VALIDATION('4:66')]);
      expect(lint('routes.ts')).toEqual([CSRF]);
    });
    const byDefault = {
      ...files,
      'app.ts': APP.replace("import { AuthController } from './ctrl.js';", "import AuthController from './ctrl.js';"),
      'ctrl.ts': CTRL.replace('export class', 'export default class'),
      'routes.ts': routes('ctrl: AuthController', 'ctrl.login', "import type AuthController from './ctrl.js';"),
    };
    lintProject(byDefault, (lint) => {
      expect(lint('ctrl.ts')).toEqual([REGENERATE('4:5'), VALIDATION('4:66')]);
      expect(lint('routes.ts')).toEqual([CSRF]);
    });
  });

  describe('not followed', () => {
    const cases: [string, Record<string, string>][] = [
      ['an interface of the package, not a class', { 'ctrl.ts': CTRL.replace('export class AuthController', 'export interface Handlers { login(req: Request, res: Response): void }\nexport class AuthController') , 'routes.ts': routes('ctrl: Handlers', 'ctrl.login', "import type { Handlers } from './ctrl.js';") }],
      ['a parameter the function writes', { 'routes.ts': routes('ctrl: AuthController', 'ctrl.login', undefined, "  ctrl = require('./other');") }],
      ['an optional parameter', { 'routes.ts': routes('ctrl?: AuthController', 'ctrl!.login') }],
      ['a union type', { 'routes.ts': routes('ctrl: AuthController | null', 'ctrl!.login') }],
      ['a computed member', { 'routes.ts': routes('ctrl: AuthController', "ctrl[process.env.ACTION as 'login']") }],
      ['a class of an installed package', { 'routes.ts': routes('ctrl: AuthController', 'ctrl.login', "import type { AuthController } from 'auth-framework';") }],
    ];
    for (const [name, changed] of cases) {
      it(name, () => {
        lintProject({ 'package.json': PACKAGE, 'server.ts': SERVER, 'app.ts': APP, 'ctrl.ts': CTRL, ...changed }, (lint) => {
          expect(lint('ctrl.ts')).toEqual([]);
          expect(lint('routes.ts')).toEqual([]);
        });
      });
    }
  });
});

// The same without a type (new-user trial 19): `module.exports = (router, ctrl) => { router.post('/login', ctrl.login) }`
// that every caller hands an instance of one class of the package (`require('./routes/auth')(router, new
// AuthController(db))`): the parameter is that instance (src/project `handedValue`), so its method is the route's
// handler, as when typed.
describe('an untyped controller parameter that every caller fills with `new C()` of a class of the package', () => {
  const CJS_PACKAGE = '{ "name": "r5", "dependencies": { "express": "^5.1.0", "express-session": "^1.18.1" } }';
  const cjsApp = (handoff: string, before = ''): string =>
    [
      "const express = require('express');",
      "const session = require('express-session');",
      "const AuthController = require('./controllers/auth');",
      "const db = require('./db');",
      'const app = express();',
      "app.use(session({ secret: process.env.S, name: 'sid', cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 1000 } }));",
      'const router = express.Router();',
      `${before}${handoff}`,
      "app.use('/auth', router);",
      'app.listen(3000);',
      '',
    ].join('\n');
  const CJS_CTRL = [
    'class AuthController {',
    '  constructor(db) {',
    '    this.db = db;',
    '  }',
    '  async login(req, res) {',
    '    req.session.userId = req.body.id;',
    '    res.json({});',
    '  }',
    '}',
    'module.exports = AuthController;',
    '',
  ].join('\n');
  const cjsRoutes = (handler = 'ctrl.login', params = 'router, ctrl', body = ''): string => `module.exports = (${params}) => {\n${body}  router.post('/login', ${handler});\n};\n`;
  const files = (changed: Record<string, string> = {}): Record<string, string> => ({
    'package.json': CJS_PACKAGE,
    'app.js': cjsApp("require('./routes/auth')(router, new AuthController(db));"),
    'db.js': 'module.exports = {};\n',
    'controllers/auth.js': CJS_CTRL,
    'routes/auth.js': cjsRoutes(),
    ...changed,
  });
  const lintCjs = (project: Record<string, string>, run: (lint: (name: string) => string[]) => void): void =>
    withProject('untyped-controllers', project, run, { config: cjs, rules: WATCHED, format: full });
  /** The login's finding: the controller's method, its route with the route module's file and line, and the router. */
  const regenerate = (line: string, router = 'router (passed in app.js:8)', where = 'routes/auth.js:2'): string =>
    `${line} require-session-regenerate: Login handler 'login' of route 'POST /auth/login' (${where}) on '${router}' stores data in req.session without calling req.session.regenerate() first: a session ID planted before login (session fixation) stays valid and becomes the user's logged-in session.`;
  const validation = (line: string, router = 'router (passed in app.js:8)'): string =>
    `${line} require-input-validation: Route 'POST /auth/login' on '${router}' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).`;
  const csrf = (line: string, router = 'router (passed in app.js:8)'): string =>
    `${line} require-csrf-protection: Route 'POST /auth/login' on '${router}' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (sameSite: 'lax' on the express-session cookie does not count: sameSiteSuffices is off): another site can make a signed-in user's browser submit it.`;

  it('CommonJS: `new AuthController(db)` in the call, or a const holding it; the method bound; in an object the route module destructures', () => {
    const reported = (project: Record<string, string>, router?: string): void =>
      lintCjs(project, (lint) => {
        expect(lint('controllers/auth.js')).toEqual([regenerate('6:5', router), validation('6:26', router)]);
        expect(lint('routes/auth.js')).toEqual([csrf('2:15', router)]);
      });
    reported(files());
    reported(files({ 'app.js': cjsApp("require('./routes/auth')(router, auth);", 'const auth = new AuthController(db);\n') }), 'router (passed in app.js:9)');
    reported(files({ 'routes/auth.js': cjsRoutes('ctrl.login.bind(ctrl)') }));
    reported(files({ 'app.js': cjsApp("require('./routes/auth')(router, { auth: new AuthController(db) });"), 'routes/auth.js': cjsRoutes('auth.login', 'router, { auth }') }));
    // Handed on as it was handed by a second route module (and a third): the route's file sees the method (CSRF), the
    // controller's file the login.
    const handedOn = (router: string): ((lint: (name: string) => string[]) => void) => (lint) => {
      expect(lint('controllers/auth.js')).toEqual([regenerate('6:5', router), validation('6:26', router)]);
      expect(lint('routes/auth.js')).toEqual([csrf('2:15', router)]);
    };
    lintCjs(
      files({
        'app.js': cjsApp("require('./routes')(router, new AuthController(db));"),
        'routes/index.js': "module.exports = (router, ctrl) => {\n  require('./auth')(router, ctrl);\n};\n",
      }),
      handedOn('router (passed in routes/index.js:2)'),
    );
    lintCjs(
      files({
        'app.js': cjsApp("require('./routes')(router, new AuthController(db));"),
        'routes/index.js': "module.exports = (router, ctrl) => {\n  require('./v1')(router, ctrl);\n};\n",
        'routes/v1.js': "module.exports = function v1(router, controller) {\n  require('./auth')(router, controller);\n};\n",
      }),
      handedOn('router (passed in routes/v1.js:2)'),
    );
  });

  describe('not followed (CommonJS)', () => {
    const OTHER = 'module.exports = class OtherController {\n  login(req, res) {\n    res.json({});\n  }\n};\n';
    const cases: [string, Record<string, string>][] = [
      ['a second caller that hands an instance of another class', { 'admin.js': "const express = require('express');\nconst Other = require('./controllers/other');\nconst app = express();\nconst router = express.Router();\nrequire('./routes/auth')(router, new Other());\napp.use('/auth', router);\napp.listen(3001);\n", 'controllers/other.js': OTHER }],
      ['a factory call, not `new`', { 'app.js': cjsApp("require('./routes/auth')(router, AuthController.create(db));") }],
      ['a parameter the route module writes', { 'routes/auth.js': cjsRoutes('ctrl.login', 'router, ctrl', "  ctrl = require('../controllers/other');\n"), 'controllers/other.js': OTHER }],
      ['a member the route module writes', { 'routes/auth.js': cjsRoutes('ctrl.login', 'router, ctrl', '  ctrl.login = (req, res) => res.json({});\n') }],
      [
        'a member the route module that hands it on writes',
        {
          'app.js': cjsApp("require('./routes')(router, new AuthController(db));"),
          'routes/index.js': "module.exports = (router, ctrl) => {\n  ctrl.login = (req, res) => res.json({});\n  require('./auth')(router, ctrl);\n};\n",
        },
      ],
    ];
    for (const [name, changed] of cases) {
      it(name, () => {
        lintCjs(files(changed), (lint) => {
          expect(lint('controllers/auth.js')).toEqual([]);
          expect(lint('routes/auth.js')).toEqual([]);
        });
      });
    }
  });

  it('ES modules and TypeScript (a parameter without a type)', () => {
    const esmApp = (ext: string): string =>
      [
        "import express from 'express';",
        "import session from 'express-session';",
        `import { AuthController } from './ctrl${ext}';`,
        `import authRoutes from './routes${ext}';`,
        'const app = express();',
        "app.use(session({ secret: process.env.S ?? '', name: 'sid', cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 1000 } }));",
        'const router = express.Router();',
        'const controller = new AuthController();',
        'authRoutes(router, controller);',
        "app.use('/auth', router);",
        'app.listen(3000);',
        '',
      ].join('\n');
    const esmCtrl = 'export class AuthController {\n  login = async (req, res) => {\n    req.session.userId = req.body.id;\n    res.json({});\n  };\n}\n';
    const esmRoutes = "export default function authRoutes(router, ctrl) {\n  router.post('/login', ctrl.login);\n}\n";
    withProject(
      'untyped-controllers',
      { 'package.json': PACKAGE.replace('"r4"', '"r5"'), 'app.js': esmApp('.js'), 'ctrl.js': esmCtrl, 'routes.js': esmRoutes },
      (lint) => {
        expect(lint('ctrl.js')).toEqual([regenerate('3:5', 'router (passed in app.js:9)', 'routes.js:2'), validation('3:26', 'router (passed in app.js:9)')]);
        expect(lint('routes.js')).toEqual([csrf('2:15', 'router (passed in app.js:9)')]);
      },
      { config: esm, rules: WATCHED, format: full },
    );
    const tsCtrl = esmCtrl.replace('export class AuthController {', "import type { Request, Response } from 'express';\nexport class AuthController {").replace('async (req, res)', 'async (req: Request, res: Response)').replace('req.session.userId', '(req.session as unknown as Record<string, unknown>).userId');
    const tsRoutes = "import type { Router } from 'express';\nexport default function authRoutes(router: Router, ctrl) {\n  router.post('/login', ctrl.login);\n}\n";
    const tsProject = { 'package.json': PACKAGE.replace('"r4"', '"r5"'), 'app.ts': esmApp('.js'), 'ctrl.ts': tsCtrl, 'routes.ts': tsRoutes };
    withProject(
      'untyped-controllers',
      tsProject,
      (lint) => {
        expect(lint('ctrl.ts')).toEqual([regenerate('4:5', 'router (passed in app.ts:9)', 'routes.ts:3'), validation('4:66', 'router (passed in app.ts:9)')]);
        expect(lint('routes.ts')).toEqual([csrf('3:15', 'router (passed in app.ts:9)')]);
      },
      { config: ts, rules: WATCHED, format: full },
    );
    // Another caller that hands a plain object: nothing.
    withProject(
      'untyped-controllers',
      { ...tsProject, 'admin.ts': "import express from 'express';\nimport authRoutes from './routes.js';\nconst router = express.Router();\nauthRoutes(router, { login: (req: unknown, res: { json(x: unknown): void }) => res.json({}) });\nexpress().use(router).listen(3001);\n" },
      (lint) => {
        expect(lint('ctrl.ts')).toEqual([]);
        expect(lint('routes.ts')).toEqual([]);
      },
      { config: ts, rules: WATCHED, format: full },
    );
    // Handed on as it was handed by a second module (`api.ts`): followed to the route module, both ways.
    const api = "import type { Router } from 'express';\nimport authRoutes from './routes.js';\nexport default function api(router: Router, controller) {\n  authRoutes(router, controller);\n}\n";
    const viaApi = { ...tsProject, 'app.ts': esmApp('.js').replace("import authRoutes from './routes.js';", "import authRoutes from './api.js';"), 'api.ts': api };
    withProject(
      'untyped-controllers',
      viaApi,
      (lint) => {
        expect(lint('ctrl.ts')).toEqual([regenerate('4:5', 'router (passed in api.ts:4)', 'routes.ts:3'), validation('4:66', 'router (passed in api.ts:4)')]);
        expect(lint('routes.ts')).toEqual([csrf('3:15', 'router (passed in api.ts:4)')]);
      },
      { config: ts, rules: WATCHED, format: full },
    );
    withProject(
      'untyped-controllers',
      { ...viaApi, 'api.ts': api.replace('  authRoutes(router, controller);', '  authRoutes(router, { login: controller.logout });') },
      (lint) => {
        expect(lint('ctrl.ts')).toEqual([]);
        expect(lint('routes.ts')).toEqual([]);
      },
      { config: ts, rules: WATCHED, format: full },
    );
  });
});
