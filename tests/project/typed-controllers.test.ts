// A router factory that takes its controller as a parameter typed with a class of another file of the package
// (`export function authRouter(ctrl: AuthController) { router.post('/login', ctrl.login) }`, called as
// `authRouter(new AuthController())`): the class's method is the route's handler, as for a controller exported as an
// instance (src/express/member-functions.ts `typedParameterMember`). Trial 19, r4.
import type { Linter } from 'eslint';

import { ts, withProject } from './fixture-project';

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
  `${line} require-session-regenerate: Login handler 'login (/auth/login)' stores data in req.session without calling req.session.regenerate() first: a session ID planted before login (session fixation) stays valid and becomes the user's logged-in session.`;
const VALIDATION = (line: string): string =>
  `${line} require-input-validation: Route 'POST /auth/login' on 'router (routes.ts:4, mounted in app.ts:8)' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).`;
const CSRF =
  "6:15 require-csrf-protection: Route 'POST /auth/login' on 'router (mounted in app.ts:8)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (the express-session cookie's sameSite: 'lax' is not counted as protection: the rule's 'sameSiteSuffices' is off, as in the strict config): another site can make a signed-in user's browser submit it.";

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
