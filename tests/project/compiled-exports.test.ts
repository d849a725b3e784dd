// What compiled CommonJS exports, across files (src/project/exports.ts, `exportWrites` and `reexportsOf`): SWC writes
// every named export as a getter (`Object.defineProperty(exports, "authRouter", { enumerable: true, get: function() {
// return authRouter; } })`, or its `_export(exports, { ... })` helper; payload 2.32.3's dist/), and tsc, tslib, Babel
// and SWC write `export * from './x'` / `export { X } from './x'` with their helpers (`__exportStar(require("./x"),
// exports)`, Babel's `Object.keys(_x).forEach(...)` loop, a getter returning `x_1.X`). Each is read as the
// `exports.authRouter = authRouter` / ESM re-export it stands for; a getter that does anything but return a binding of
// the file's top level stays unknown.
import { Linter } from 'eslint';

import plugin from '../../src/index';
import { lintWritten } from '../helpers/projects';

const config = [
  ...plugin.configs.strict,
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' as const } },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' as const } },
] as Linter.Config[];

const PRELUDE = '"use strict";\nObject.defineProperty(exports, "__esModule", {\n    value: true\n});\n';

/** SWC's `_export` helper as @swc/core 1.3-1.9 writes it (payload 2.32.3), and as 1.10+ does (getters in the object). */
const SWC_EXPORT = 'function _export(target, all) {\n    for(var name in all)Object.defineProperty(target, name, {\n        enumerable: true,\n        get: all[name]\n    });\n}\n';
const SWC_EXPORT_NEW =
  'function _export(target, all) {\n    for(var name in all)Object.defineProperty(target, name, {\n        enumerable: true,\n        get: Object.getOwnPropertyDescriptor(all, name).get\n    });\n}\n';

/** tsc's helpers, as it writes them at the top of a file with `export * from`. */
const TSC_HELPERS =
  'var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {\n    if (k2 === undefined) k2 = k;\n    var desc = Object.getOwnPropertyDescriptor(m, k);\n    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {\n      desc = { enumerable: true, get: function() { return m[k]; } };\n    }\n    Object.defineProperty(o, k2, desc);\n}) : (function(o, m, k, k2) {\n    if (k2 === undefined) k2 = k;\n    o[k2] = m[k];\n}));\nvar __exportStar = (this && this.__exportStar) || function(m, exports) {\n    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);\n};\n';

/** SWC's `_export_star` helper, written inline. */
const SWC_EXPORT_STAR =
  'function _export_star(from, to) {\n    Object.keys(from).forEach(function(k) {\n        if (k !== "default" && !Object.prototype.hasOwnProperty.call(to, k)) {\n            Object.defineProperty(to, k, {\n                enumerable: true,\n                get: function() {\n                    return from[k];\n                }\n            });\n        }\n    });\n    return from;\n}\n';

/** How the routes file exports its router, SWC's output of `export const authRouter = Router()`; line 5 onwards. */
const ROUTER_EXPORTS: Record<string, string> = {
  function: 'Object.defineProperty(exports, "authRouter", {\n    enumerable: true,\n    get: function() {\n        return authRouter;\n    }\n});\n',
  arrow: 'Object.defineProperty(exports, "authRouter", {\n    enumerable: true,\n    get: ()=>authRouter\n});\n',
  value: 'Object.defineProperty(exports, "authRouter", {\n    enumerable: true,\n    value: authRouter\n});\n',
  helper: `${SWC_EXPORT}_export(exports, {\n    authRouter: function() {\n        return authRouter;\n    },\n    other: function() {\n        return other;\n    }\n});\n`,
  'helper, getters': `${SWC_EXPORT_NEW}_export(exports, {\n    get authRouter () {\n        return authRouter;\n    },\n    get other () {\n        return other;\n    }\n});\n`,
};

/** The routes file: its router's route is on the line this returns. */
function routesFile(exportsText: string): { text: string; line: number } {
  const head = `${PRELUDE}${exportsText}const _express = require("express");\nconst _authcontroller = require("../controllers/auth.controller");\nconst other = 1;\nconst authRouter = (0, _express.Router)();\n`;
  return { text: `${head}authRouter.post('/login', _authcontroller.login);\n`, line: head.split('\n').length };
}

/** SWC's output of `export const login = (req, res) => {...}; export const logout = ...`: `login` writes on line 18. */
const CONTROLLER = `${PRELUDE}${SWC_EXPORT}_export(exports, {\n    login: function() {\n        return login;\n    },\n    logout: function() {\n        return logout;\n    }\n});\nconst login = (req, res)=>{\n    req.session.userId = req.body.email;\n    res.json({\n        ok: true\n    });\n};\nconst logout = (req, res)=>{\n    req.session.destroy(()=>res.end());\n};\n`;

const PACKAGE = '{ "name": "compiled", "main": "lib/index.js", "dependencies": { "express": "^4.21.0", "express-session": "^1.18.0", "express-rate-limit": "^7.4.0", "csurf": "^1.11.0" } }';

const MOUNT = "app.use('/auth', _authroutes.authRouter);\n";
const GUARDED_MOUNT = "app.use('/auth', require('express-rate-limit')({ windowMs: 60000, limit: 5 }), require('csurf')(), _authroutes.authRouter);\n";

function index(mount = MOUNT, imported = '"./routes/auth.routes"'): string {
  return `${PRELUDE}const _express = /*#__PURE__*/ _interop_require_default(require("express"));\nconst _expresssession = /*#__PURE__*/ _interop_require_default(require("express-session"));\nconst _authroutes = require(${imported});\nfunction _interop_require_default(obj) {\n    return obj && obj.__esModule ? obj : {\n        default: obj\n    };\n}\nconst app = (0, _express.default)();\napp.use((0, _expresssession.default)({ secret: process.env.S, name: 'sid', store: new (require("connect-redis").RedisStore)({}) }));\n${mount}app.listen(3000);\n`;
}

function lint(name: string, files: Record<string, string>, withMessage = false): string[] {
  return lintWritten(files, name, config, withMessage);
}

function project(exportsText: string, mount = MOUNT): Record<string, string> {
  return { 'package.json': PACKAGE, 'lib/index.js': index(mount), 'lib/routes/auth.routes.js': routesFile(exportsText).text, 'lib/controllers/auth.controller.js': CONTROLLER };
}

const ROUTE_RULES = (line: number): string[] => [`${line}:17 secure-express/require-csrf-protection`, `${line}:17 secure-express/require-rate-limit`];
const LOGIN_RULES = ['20:5 secure-express/require-session-regenerate', '20:26 secure-express/require-input-validation'];

describe('SWC getter exports: a router and a handler exported as getters are what their importers mount and register', () => {
  it.each(Object.entries(ROUTER_EXPORTS))('reported: the router (%s) mounted in lib/index.js with nothing before it, and its handler', (_, exportsText) => {
    const { line } = routesFile(exportsText);
    expect(lint('lib/routes/auth.routes.js', project(exportsText))).toEqual(ROUTE_RULES(line));
    expect(lint('lib/routes/auth.routes.js', project(exportsText), true)[1]).toContain("'POST /auth/login' on 'authRouter (mounted in lib/index.js:15)'");
    // The handler of another file registered through the router: its route, with the mount's path.
    expect(lint('lib/controllers/auth.controller.js', project(exportsText))).toEqual(LOGIN_RULES);
    expect(lint('lib/controllers/auth.controller.js', project(exportsText), true)[1]).toContain("Route 'POST /auth/login'");
  });

  it.each(Object.entries(ROUTER_EXPORTS))('not reported: the router (%s) mounted behind a limiter and CSRF protection, or not mounted in the package', (_, exportsText) => {
    expect(lint('lib/routes/auth.routes.js', project(exportsText, GUARDED_MOUNT))).toEqual([]);
    // Exported and mounted nowhere in the package: configured elsewhere.
    expect(lint('lib/routes/auth.routes.js', project(exportsText, ''))).toEqual([]);
    expect(lint('lib/controllers/auth.controller.js', project(exportsText, ''), true).join('\n')).not.toContain('/auth/login');
  });

  it('the importer may be ESM or TypeScript, importing the compiled file', () => {
    const exportsText = ROUTER_EXPORTS.function!;
    const { line } = routesFile(exportsText);
    const importer = (name: string, guarded: boolean): Record<string, string> => ({
      ...project(exportsText),
      'package.json': PACKAGE.replace('"lib/index.js"', `"lib/${name}"`),
      'lib/index.js': '',
      [`lib/${name}`]: `import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport csurf from 'csurf';\nimport session from 'express-session';\nimport { authRouter } from './routes/auth.routes${name.endsWith('.mjs') ? '.js' : ''}';\n\nconst app = express();\napp.use(session({ secret: process.env.S, name: 'sid', store: new (require('connect-redis').RedisStore)({}) }));\napp.use('/auth', ${guarded ? 'rateLimit({ windowMs: 60000, limit: 5 }), csurf(), ' : ''}authRouter);\napp.listen(3000);\n`,
    });
    for (const name of ['index.mjs', 'index.ts']) {
      expect(lint('lib/routes/auth.routes.js', importer(name, false))).toEqual(ROUTE_RULES(line));
      expect(lint('lib/controllers/auth.controller.js', importer(name, false), true)[1]).toContain("Route 'POST /auth/login'");
      expect(lint('lib/routes/auth.routes.js', importer(name, true))).toEqual([]);
    }
  });

  it('the getter of another kind leaves the export unknown: the router is no mounted router (nothing reported, as unmounted)', () => {
    const unknown = [
      // A choice, a call, a binding of a function, a second statement, a getter of a computed name.
      ROUTER_EXPORTS.function!.replace('return authRouter;', 'return process.env.X ? authRouter : other;'),
      ROUTER_EXPORTS.function!.replace('return authRouter;', 'return makeRouter();').replace('enumerable', 'configurable: false,\n    enumerable'),
      ROUTER_EXPORTS.function!.replace('return authRouter;', 'const authRouter = other;\n        return authRouter;'),
      ROUTER_EXPORTS.function!.replace('return authRouter;', 'console.log(1);\n        return authRouter;'),
      ROUTER_EXPORTS.function!.replace('"authRouter"', '"author" + "Router"'),
      // `_export` of a function that is not SWC's helper.
      ROUTER_EXPORTS.helper!.replace('for(var name in all)', 'for(var name in all)if (name !== "authRouter") '),
    ];
    for (const exportsText of unknown) expect(lint('lib/routes/auth.routes.js', project(exportsText))).toEqual([]);
  });
});

/** tsc's output of `export * from './<file>'` and its other compilers' forms, for the barrel of `name` (an export of `./<file>`). */
const BARRELS: Record<string, (file: string, name: string) => string> = {
  tsc: (file) => `${TSC_HELPERS}Object.defineProperty(exports, "__esModule", { value: true });\n__exportStar(require("./${file}"), exports);\n`,
  tslib: (file) => `Object.defineProperty(exports, "__esModule", { value: true });\nconst tslib_1 = require("tslib");\ntslib_1.__exportStar(require("./${file}"), exports);\n`,
  'tslib, called through a sequence': (file) => `Object.defineProperty(exports, "__esModule", { value: true });\nconst tslib_1 = require("tslib");\n(0, tslib_1.__exportStar)(require("./${file}"), exports);\n`,
  swc: (file) => `${PRELUDE}_export_star(require("./${file}"), exports);\n${SWC_EXPORT_STAR}`,
  'swc, @swc/helpers': (file) => `${PRELUDE}const _export_star = require("@swc/helpers/_/_export_star");\n_export_star._(require("./${file}"), exports);\n`,
  babel: (file) =>
    `${PRELUDE}var _x = require("./${file}");\nObject.keys(_x).forEach(function (key) {\n  if (key === "default" || key === "__esModule") return;\n  if (key in exports && exports[key] === _x[key]) return;\n  Object.defineProperty(exports, key, {\n    enumerable: true,\n    get: function () {\n      return _x[key];\n    }\n  });\n});\n`,
  'babel, loose': (file) =>
    `${PRELUDE}var _x = require("./${file}");\nObject.keys(_x).forEach(function (key) {\n  if (key === "default" || key === "__esModule") return;\n  if (key in exports && exports[key] === _x[key]) return;\n  exports[key] = _x[key];\n});\n`,
  'tsc, export { name } from': (file, name) =>
    `Object.defineProperty(exports, "__esModule", { value: true });\nexports.${name} = void 0;\nvar x_1 = require("./${file}");\nObject.defineProperty(exports, "${name}", { enumerable: true, get: function () { return x_1.${name}; } });\n`,
  'babel, export { name } from': (file, name) => `${PRELUDE}Object.defineProperty(exports, "${name}", {\n  enumerable: true,\n  get: function () {\n    return _x.${name};\n  }\n});\nvar _x = require("./${file}");\n`,
};

/** tsc's output of an app, a router and a controller, each imported through a barrel (`lib/routes/index.js`, `lib/controllers/index.js`). */
function barrelProject(barrel: (file: string, name: string) => string, mount = "app.use('/auth', routes_1.authRouter);\n"): Record<string, string> {
  const tsc = 'Object.defineProperty(exports, "__esModule", { value: true });\n';
  return {
    'package.json': PACKAGE,
    'lib/index.js': `${tsc}const express_1 = __importDefault(require("express"));\nconst express_session_1 = __importDefault(require("express-session"));\nconst routes_1 = require("./routes");\nconst app = (0, express_1.default)();\napp.use((0, express_session_1.default)({ secret: process.env.S, name: 'sid', store: new (require("connect-redis").RedisStore)({}) }));\n${mount}app.listen(3000);\n`,
    'lib/routes/index.js': barrel('auth.routes', 'authRouter'),
    'lib/routes/auth.routes.js': `${tsc}exports.authRouter = void 0;\nconst express_1 = require("express");\nconst controllers_1 = require("../controllers");\nexports.authRouter = (0, express_1.Router)();\nexports.authRouter.post('/login', controllers_1.login);\n`,
    'lib/controllers/index.js': barrel('auth.controller', 'login'),
    'lib/controllers/auth.controller.js': `${tsc}exports.login = void 0;\nconst login = (req, res) => {\n    req.session.userId = req.body.email;\n    res.json({ ok: true });\n};\nexports.login = login;\n`,
  };
}

const BARREL_ROUTE = ['6:25 secure-express/require-csrf-protection', '6:25 secure-express/require-rate-limit'];

describe('compiled re-export barrels: export * and export { X } from, as tsc, tslib, SWC and Babel write them', () => {
  it.each(Object.entries(BARRELS))('reported: the router behind the barrel (%s) mounted with nothing before it; the controller behind one is its handler', (_, barrel) => {
    expect(lint('lib/routes/auth.routes.js', barrelProject(barrel))).toEqual(BARREL_ROUTE);
    expect(lint('lib/routes/auth.routes.js', barrelProject(barrel), true)[1]).toContain("'POST /auth/login' on 'authRouter (mounted in lib/index.js:7)'");
    expect(lint('lib/controllers/auth.controller.js', barrelProject(barrel))).toEqual(['4:5 secure-express/require-session-regenerate', '4:26 secure-express/require-input-validation']);
    expect(lint('lib/controllers/auth.controller.js', barrelProject(barrel), true)[1]).toContain("Route 'POST /auth/login'");
  });

  it.each(Object.entries(BARRELS))('not reported: the router behind the barrel (%s) mounted behind a limiter and CSRF protection, or not mounted', (_, barrel) => {
    const guarded = "app.use('/auth', require('express-rate-limit')({ windowMs: 60000, limit: 5 }), require('csurf')(), routes_1.authRouter);\n";
    expect(lint('lib/routes/auth.routes.js', barrelProject(barrel, guarded))).toEqual([]);
    expect(lint('lib/routes/auth.routes.js', barrelProject(barrel, ''))).toEqual([]);
    expect(lint('lib/controllers/auth.controller.js', barrelProject(barrel, ''), true).join('\n')).not.toContain('/auth/login');
  });

  it('a name the barrel renames (export { authRouter as auth } from) is read under its new name', () => {
    const renamed = (file: string, name: string): string => BARRELS['tsc, export { name } from']!(file, name).replaceAll(`exports.${name} = void 0`, 'exports.auth = void 0').replace(`"${name}"`, '"auth"');
    const files = barrelProject(renamed, "app.use('/auth', routes_1.auth);\n");
    files['lib/controllers/index.js'] = BARRELS.tsc!('auth.controller', 'login');
    expect(lint('lib/routes/auth.routes.js', files)).toEqual(BARREL_ROUTE);
    // The old name is no export of the barrel.
    expect(lint('lib/routes/auth.routes.js', barrelProject(renamed, "app.use('/auth', routes_1.authRouter);\n"))).toEqual([]);
  });

  it('a barrel in another form is not read: the router stays unmounted (nothing reported)', () => {
    const unread = [
      // Into another object than exports; a loop that does more than skip keys; a getter that reads another object.
      (file: string) => BARRELS.tsc!(file, '').replace('__exportStar(require(', 'const other = {};\n__exportStar(require(').replace(', exports);', ', other);'),
      (file: string) => BARRELS.babel!(file, '').replace('  if (key in exports', '  console.log(key);\n  if (key in exports'),
      (file: string) => BARRELS.babel!(file, '').replace('return _x[key];', 'return other[key];'),
      (file: string) => BARRELS['tsc, export { name } from']!(file, 'authRouter').replace('return x_1.authRouter;', 'return x_1.authRouter || x_1.other;'),
    ];
    for (const barrel of unread) expect(lint('lib/routes/auth.routes.js', barrelProject(barrel))).toEqual([]);
  });
});

describe("a compiled keyed barrel's routers mounted in a loop (its keys: the getters it defines)", () => {
  const barrel = `${PRELUDE}Object.defineProperty(exports, "auth", {\n    enumerable: true,\n    get: function() {\n        return _authroutes.authRouter;\n    }\n});\nconst _authroutes = require("./auth.routes");\n`;
  const files = (mount: string, routes = barrel): Record<string, string> => ({
    ...project(ROUTER_EXPORTS.function!),
    'lib/index.js': index(mount, '"./routes"'),
    'lib/routes/index.js': routes,
  });
  const { line } = routesFile(ROUTER_EXPORTS.function!);

  it('reported: each router of the barrel mounted with nothing before it', () => {
    expect(lint('lib/routes/auth.routes.js', files("Object.values(_authroutes).forEach((r)=>app.use('/auth', r));\n"))).toEqual(ROUTE_RULES(line));
  });

  it('not reported: mounted behind a limiter and CSRF protection; a barrel with a definition that is not read has no known keys', () => {
    expect(lint('lib/routes/auth.routes.js', files("Object.values(_authroutes).forEach((r)=>app.use('/auth', require('express-rate-limit')({ windowMs: 60000, limit: 5 }), require('csurf')(), r));\n"))).toEqual([]);
    const unread = `${barrel}Object.defineProperty(exports, "other", {\n    enumerable: true,\n    get: function() {\n        return process.env.X ? _authroutes.authRouter : null;\n    }\n});\n`;
    expect(lint('lib/routes/auth.routes.js', files("Object.values(_authroutes).forEach((r)=>app.use('/auth', r));\n", unread))).toEqual([]);
  });
});

describe("a controller object of the file, exported by SWC's getter, whose member is a route's handler", () => {
  const routes = (login: string, exportsText = `${SWC_EXPORT}_export(exports, {\n    authController: function() {\n        return authController;\n    },\n    authRouter: function() {\n        return authRouter;\n    }\n});\n`): Record<string, string> => ({
    ...project(''),
    'lib/routes/auth.routes.js': `${PRELUDE}${exportsText}const _express = require("express");\nconst authController = {\n    login: (req, res)=>{\n${login}        res.json({\n            ok: true\n        });\n    }\n};\nconst authRouter = (0, _express.Router)();\nauthRouter.post('/login', authController.login);\n`,
  });
  const WRITE = '        req.session.userId = req.body.email;\n';

  it('reported: the handler stores the user in the session without regenerating it', () => {
    expect(lint('lib/routes/auth.routes.js', routes(WRITE)).filter((m) => m.includes('regenerate'))).toEqual(['22:9 secure-express/require-session-regenerate']);
  });

  it('not reported: the handler regenerates the session first', () => {
    const regenerated = `        req.session.regenerate(()=>{\n    ${WRITE}        });\n`;
    expect(lint('lib/routes/auth.routes.js', routes(regenerated)).filter((m) => m.includes('regenerate'))).toEqual([]);
  });
});
