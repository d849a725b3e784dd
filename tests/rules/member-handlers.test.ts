// A handler passed by reference as a member of an object or instance of its own file (`app.post('/login', ctrl.login)`
// with `const ctrl = { login(req, res) {...} }` or `new AuthController()`): the route's handler, as written inline
// (src/express/member-functions.ts). Trial 19, r1. Whatever may change or hide the member leaves it unknown.
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../../src/index';

const WATCHED = /require-session-regenerate|require-csrf-protection|require-input-validation/u;

type Style = 'cjs' | 'esm' | 'ts';

/** `line:column rule: message` of the three rules that read a route's handler, with `strict`. */
function lint(text: string, style: Style): string[] {
  const languageOptions: Linter.LanguageOptions =
    style === 'cjs' ? { sourceType: 'commonjs' } : style === 'ts' ? { parser: tsParser as Linter.Parser, sourceType: 'module' } : { sourceType: 'module' };
  const filename = style === 'ts' ? '/virtual/app.ts' : '/virtual/app.js';
  const config = [...plugin.configs.strict, { files: ['**/*.ts', '**/*.js'], languageOptions }] as Linter.Config[];
  return new Linter({ cwd: '/virtual' })
    .verify(text, config, { filename })
    .filter((m) => m.ruleId !== null && WATCHED.test(m.ruleId))
    .map((m) => `${m.line}:${m.column} ${m.ruleId!.replace('secure-express/', '')}: ${m.message}`);
}

const CSRF = "require-csrf-protection: Route 'POST /login' on 'app' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (sameSite: 'lax' on the express-session cookie does not count: sameSiteSuffices is off): another site can make a signed-in user's browser submit it.";
/** The finding on the login route's handler, after its name when it has one. */
const REGENERATE = (handler?: string): string =>
  `require-session-regenerate: Login ${handler === undefined ? '' : `handler '${handler}' of `}route 'POST /login' on 'app' stores data in req.session without calling req.session.regenerate() first: a session ID planted before login (session fixation) stays valid and becomes the user's logged-in session.`;
const VALIDATION = "require-input-validation: Route 'POST /login' on 'app' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).";

/** The app of the trial's r1, CommonJS, with the controller declared in `ctrl` and the route's handler `handler`. */
function cjsApp(ctrl: string, handler = 'ctrl.login', between = ''): string {
  return [
    "const express = require('express');",
    "const session = require('express-session');",
    "const { rateLimit } = require('express-rate-limit');",
    ctrl,
    'const app = express();',
    "app.use(session({ secret: process.env.S, name: 'x', store: {}, cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 1000 } }));",
    between,
    `app.post('/login', rateLimit({ limit: 5 }), ${handler});`,
    'app.listen(3000);',
  ].join('\n');
}

/** The same as an ES module (or TypeScript). */
function esmApp(ctrl: string, handler = 'ctrl.login', between = ''): string {
  return [
    "import express from 'express';",
    "import session from 'express-session';",
    "import { rateLimit } from 'express-rate-limit';",
    ctrl,
    'const app = express();',
    "app.use(session({ secret: process.env.S, name: 'x', store: {}, cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 1000 } }));",
    between,
    `app.post('/login', rateLimit({ limit: 5 }), ${handler});`,
    'app.listen(3000);',
  ].join('\n');
}

const BODY = 'req.session.userId = req.body.id; res.json({});';

describe('a handler written as a member of an object or instance of the file', () => {
  it('inline, the three findings (the reference the member cases match)', () => {
    expect(lint(cjsApp('', `(req, res) => { ${BODY} }`), 'cjs')).toEqual([`8:10 ${CSRF}`, `8:61 ${REGENERATE()}`, `8:82 ${VALIDATION}`]);
  });

  it('CommonJS: an object literal method, an arrow property, a shorthand property of a function declaration', () => {
    expect(lint(cjsApp(`const ctrl = { login(req, res) { ${BODY} } };`), 'cjs')).toEqual([`4:34 ${REGENERATE('login')}`, `4:55 ${VALIDATION}`, `8:10 ${CSRF}`]);
    expect(lint(cjsApp(`const ctrl = { login: (req, res) => { ${BODY} } };`), 'cjs')).toEqual([`4:39 ${REGENERATE('login')}`, `4:60 ${VALIDATION}`, `8:10 ${CSRF}`]);
    expect(lint(cjsApp(`function login(req, res) { ${BODY} }\nconst ctrl = { login };`), 'cjs')).toEqual([`4:28 ${REGENERATE('login')}`, `4:49 ${VALIDATION}`, `9:10 ${CSRF}`]);
  });

  it('CommonJS: bound to its object (`ctrl.login.bind(ctrl)`), exported as it is, other members read and written', () => {
    const ctrl = `const ctrl = { login(req, res) { ${BODY} }, count: 0 };`;
    const between = 'ctrl.count = 1;\nconsole.log(ctrl.count, typeof ctrl.login);';
    expect(lint(`${cjsApp(ctrl, 'ctrl.login.bind(ctrl)', between)}\nmodule.exports = { app, ctrl };`, 'cjs')).toEqual([
      `4:34 ${REGENERATE('login')}`,
      `4:55 ${VALIDATION}`,
      `9:10 ${CSRF}`,
    ]);
  });

  it('CommonJS: a property an async handler wrapper makes (`login: asyncHandler(async (req, res) => ...)`)', () => {
    const ctrl = `const asyncHandler = require('express-async-handler');\nconst ctrl = { login: asyncHandler(async (req, res) => { ${BODY} }) };`;
    expect(lint(cjsApp(ctrl), 'cjs')).toEqual([`5:58 ${REGENERATE()}`, `5:79 ${VALIDATION}`, `9:10 ${CSRF}`]);
  });

  it('ES module: an instance of a class of the file, its method or its arrow field; a class it extends of the file', () => {
    expect(lint(esmApp(`class C { login(req, res) { ${BODY} } }\nconst ctrl = new C();`), 'esm')).toEqual([`4:29 ${REGENERATE('login')}`, `4:50 ${VALIDATION}`, `9:10 ${CSRF}`]);
    expect(lint(esmApp(`class C { login = (req, res) => { ${BODY} }; }\nconst ctrl = new C();`), 'esm')).toEqual([`4:35 ${REGENERATE('login')}`, `4:56 ${VALIDATION}`, `9:10 ${CSRF}`]);
    expect(lint(esmApp(`class Base { login(req, res) { ${BODY} } }\nclass C extends Base { logout(req, res) { res.end(); } }\nconst ctrl = new C();`), 'esm')).toEqual([
      `4:32 ${REGENERATE('login')}`,
      `4:53 ${VALIDATION}`,
      `10:10 ${CSRF}`,
    ]);
  });

  it('CommonJS: a constructor that binds the method to the instance (`this.login = this.login.bind(this)`)', () => {
    const klass = `class C { constructor() { this.login = this.login.bind(this); } login(req, res) { ${BODY} } }\nconst ctrl = new C();`;
    expect(lint(cjsApp(klass), 'cjs')).toEqual([`4:83 ${REGENERATE('login')}`, `4:104 ${VALIDATION}`, `9:10 ${CSRF}`]);
  });

  it('TypeScript: a class with typed members, `as const` object, a bound method; the trial\'s arrow field', () => {
    const klass = [
      "import type { Request, Response } from 'express';",
      'class AuthController {',
      "  private readonly name = 'auth';",
      `  login = async (req: Request, res: Response): Promise<void> => { ${BODY} };`,
      '}',
      'const ctrl = new AuthController();',
    ].join('\n');
    expect(lint(esmApp(klass), 'ts')).toEqual([`7:67 ${REGENERATE('login')}`, `7:88 ${VALIDATION}`, `13:10 ${CSRF}`]);
    const methods = [
      "import type { Request, Response } from 'express';",
      'class AuthController {',
      `  login(req: Request, res: Response): void { ${BODY} }`,
      '}',
      'const ctrl: AuthController = new AuthController();',
    ].join('\n');
    expect(lint(esmApp(methods, 'ctrl.login.bind(ctrl)'), 'ts')).toEqual([`6:46 ${REGENERATE('login')}`, `6:67 ${VALIDATION}`, `12:10 ${CSRF}`]);
    expect(lint(esmApp(`const ctrl = { login: (req: any, res: any) => { ${BODY} } } as const;`), 'ts')).toEqual([`4:49 ${REGENERATE('login')}`, `4:70 ${VALIDATION}`, `8:10 ${CSRF}`]);
  });

  describe('not followed: what the file does to the object may change the member', () => {
    const object = `const ctrl = { login(req, res) { ${BODY} } };`;
    const klass = `class C { login(req, res) { ${BODY} } }\nconst ctrl = new C();`;
    const cases: [string, string, string?, string?][] = [
      ['the property reassigned', object, 'ctrl.login', "ctrl.login = require('./other').login;"],
      ['the property reassigned after the route (still the one place a reader looks)', object + "\nsetTimeout(() => { ctrl.login = require('./other').login; });"],
      ['a computed member written', object, 'ctrl.login', "ctrl[process.env.KEY] = () => {};"],
      ['the object passed to unknown code before the route', object, 'ctrl.login', "require('./decorate')(ctrl);"],
      ['Object.assign onto it', object, 'ctrl.login', "Object.assign(ctrl, require('./mixins'));"],
      ['an alias of it', object, 'ctrl.login', 'const other = ctrl;'],
      ['a let object', `let ctrl = { login(req, res) { ${BODY} } };`],
      ['a computed member read', object, 'ctrl[process.env.ACTION]'],
      ['a computed key after the method', `const ctrl = { login(req, res) { ${BODY} }, [process.env.KEY]: () => {} };`],
      ['a spread after the method', `const ctrl = { login(req, res) { ${BODY} }, ...require('./overrides') };`],
      ['a getter', `const ctrl = { get login() { return (req, res) => { ${BODY} }; } };`],
      ['a method that writes this.login', `const ctrl = { login(req, res) { ${BODY} }, init() { this.login = () => {}; } };`],
      ['a class with an unknown superclass', `const { Controller } = require('framework');\nclass C extends Controller { login(req, res) { ${BODY} } }\nconst ctrl = new C();`],
      ['a constructor that sets this.login', `class C { constructor() { this.login = require('./other'); } login(req, res) { ${BODY} } }\nconst ctrl = new C();`],
      ['a constructor that returns another object', `class C { constructor() { return require('./other'); } login(req, res) { ${BODY} } }\nconst ctrl = new C();`],
      ['the prototype written', klass, 'ctrl.login', "C.prototype.login = require('./other');"],
      ['the class handed to code', klass, 'ctrl.login', "require('./mixin')(C);"],
      ['an instance of an imported class', `const C = require('./c');\nconst ctrl = new C();`],
      ['a bound method with leading arguments (the parameters shift)', object, 'ctrl.login.bind(ctrl, db)'],
    ];
    for (const [name, ctrl, handler, between] of cases) {
      it(name, () => {
        expect(lint(cjsApp(ctrl, handler, between), 'cjs')).toEqual([]);
        // (Without the line that changes it, the same member is the route's handler.)
        if (between) expect(lint(cjsApp(ctrl, 'ctrl.login'), 'cjs')).toHaveLength(3);
      });
    }

    it('TypeScript: a decorated class or method', () => {
      expect(lint(esmApp(`import { wrap } from './wrap';\n@wrap\nclass C { login(req: any, res: any) { ${BODY} } }\nconst ctrl = new C();`), 'ts')).toEqual([]);
      expect(lint(esmApp(`import { wrap } from './wrap';\nclass C { @wrap login(req: any, res: any) { ${BODY} } }\nconst ctrl = new C();`), 'ts')).toEqual([]);
    });
  });
});

// Trial 41p (parse-server's FilesRouter): a class whose method builds a router and registers the class's own methods
// on it by `this` (`router.get('/files/:name', this.getHandler)`, `this.createHandler.bind(this)`).
describe('a handler written as `this.key` in a class of the file', () => {
  /** The messages without positions: the member must give the same findings as the function written inline. */
  const messages = (found: string[]): string[] => found.map((m) => m.replace(/^\d+:\d+ /u, '').replace(/handler 'login' of /u, '')).sort();
  const cjsClass = (handler: string, members = '', head = 'class Auth {', tail = ''): string =>
    [
      "const express = require('express');",
      "const session = require('express-session');",
      "const { rateLimit } = require('express-rate-limit');",
      head,
      '  router() {',
      '    const r = express.Router();',
      `    r.post('/login', rateLimit({ limit: 5 }), ${handler});`,
      '    return r;',
      '  }',
      `  login(req, res) { ${BODY} }`,
      members,
      '}',
      tail,
      'const app = express();',
      "app.use(session({ secret: process.env.S, name: 'x', store: {}, cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 1000 } }));",
      'app.use(new Auth().router());',
      'app.listen(3000);',
      'module.exports = { Auth };',
    ].join('\n');
  const inline = messages(lint(cjsClass(`(req, res) => { ${BODY} }`), 'cjs'));

  it('the inline handler is reported (the reference the cases match)', () => {
    expect(inline).toHaveLength(2);
    expect(inline).toContain(VALIDATION.replace("on 'app'", "on 'r'"));
  });

  it('CommonJS: a method, also bound to the instance', () => {
    expect(messages(lint(cjsClass('this.login'), 'cjs'))).toEqual(inline);
    expect(messages(lint(cjsClass('this.login.bind(this)'), 'cjs'))).toEqual(inline);
  });

  it('ES module and TypeScript: a method and an arrow field', () => {
    const esm = (handler: string, members = '', login = `login(req, res) { ${BODY} }`): string =>
      [
        "import express from 'express';",
        "import session from 'express-session';",
        "import { rateLimit } from 'express-rate-limit';",
        'export class Auth {',
        `  ${login}`,
        members,
        '  router() {',
        '    const r = express.Router();',
        `    r.post('/login', rateLimit({ limit: 5 }), ${handler});`,
        '    return r;',
        '  }',
        '}',
        'const app = express();',
        "app.use(session({ secret: process.env.S, name: 'x', store: {}, cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 1000 } }));",
        'app.use(new Auth().router());',
        'app.listen(3000);',
      ].join('\n');
    expect(messages(lint(esm('this.login'), 'esm'))).toEqual(inline);
    expect(messages(lint(esm('this.login', '', `login = (req: any, res: any): void => { ${BODY} };`), 'ts'))).toEqual(inline);
    expect(messages(lint(esm('this.login', '', `login(req: any, res: any): void { ${BODY} }`), 'ts'))).toEqual(inline);
  });

  describe('not followed: `this` may be another object, or the member another function', () => {
    const cases: [string, string][] = [
      ['a class of the file extends it (a subclass may override the method)', cjsClass('this.login', '', 'class Auth {', 'class Admin extends Auth { login(req, res) { res.end(); } }')],
      ['a method writes this.login', cjsClass('this.login', '  reset() { this.login = require("./other"); }')],
      ['the prototype written', cjsClass('this.login', '', 'class Auth {', "Auth.prototype.login = require('./other');")],
      ['a class with an unknown superclass', cjsClass('this.login', '', "class Auth extends require('framework').Base {")],
      ['in a function of its own (`this` is its caller\'s)', cjsClass('(function () { return this.login; }).call(other)')],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        // (The route's handler is unknown: neither of the inline handler's two findings.)
        expect(messages(lint(text, 'cjs'))).toEqual([]);
      });
    }

    it('in a static method, `this` is the class: its static member is not the instance method', () => {
      const text = cjsClass('this.login').replace('  router() {', '  static router() {').replace('app.use(new Auth().router());', 'app.use(Auth.router());');
      expect(messages(lint(text, 'cjs'))).toEqual([]);
    });
  });
});
