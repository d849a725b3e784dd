// `mayReexport` (src/project/exports.ts): the text test that spares parsing a file the project model reads only for its
// re-exports. It may say `true` for a file without one, never `false` for a file with one that the path could take.
import * as espree from 'espree';
import * as tsParser from '@typescript-eslint/parser';

import { mayReexport, mayReexportOneOf, reexportsOf } from '../../src/project/exports';
import { parseFile } from '../../src/project/parse';

const choice = (file: string) =>
  file.endsWith('.ts')
    ? { parser: tsParser, parserOptions: {}, sourceType: 'module' as const }
    : { parser: espree, parserOptions: { ecmaVersion: 'latest' }, sourceType: file.endsWith('.mjs') ? ('module' as const) : ('commonjs' as const) };

/** Whether the parse finds a re-export the path starting with `first` could take (what `reexported` follows). */
function reexports(file: string, text: string, first: string | undefined): boolean {
  const sourceCode = parseFile(`/pkg/${file}`, text, choice(file));
  if (!sourceCode) throw new Error(`${file} does not parse`);
  return reexportsOf(sourceCode).some((e) => e.exported === null || e.exported === '*' || (first !== undefined && e.exported === first));
}

describe('mayReexport', () => {
  // [file, text, first, re-exports (what the parse finds), what mayReexport says]
  const cases: [string, string, string | undefined, boolean, boolean][] = [
    // CommonJS values that are no module: not parsed.
    ['a.js', "const x = require('./x');\nmodule.exports = function handler(req, res) { x(req); };\n", undefined, false, false],
    ['a.js', "const x = require('./x');\nmodule.exports = [x, require('./y')];\n", undefined, false, false],
    ['a.js', "const x = require('./x');\nmodule.exports = class Controller {};\n", 'login', false, false],
    ['a.js', "const x = require('./x');\nmodule.exports = { other: x };\n", 'login', false, false],
    ['a.js', "const x = require('./x');\nmodule.exports = 'routes';\n", undefined, false, false],
    // A comment inside is not read: taken as a re-export (the parse decides).
    ['a.js', "const x = require('./x');\nmodule.exports = /* the routes */ 'routes';\n", undefined, false, true],
    // The whole module re-exported: `module.exports = require(...)`, through a const, in parentheses, with comments.
    ['a.js', "module.exports = require('./x');\n", undefined, true, true],
    ['a.js', "const x = require('./x');\nmodule.exports = x;\n", 'login', true, true],
    ['a.js', "module.exports = (require('./x'));\n", undefined, true, true],
    ['a.js', "module.exports /* all of it */ = require('./x');\n", undefined, true, true],
    ['a.js', "module\n  // the module\n  .exports = require('./x');\n", undefined, true, true],
    ['a.js', "module['exports'] = require('./x');\n", undefined, true, true],
    ['a.js', "(module.exports) = require('./x');\n", undefined, true, true],
    ['a.js', 'module.exports = // the router\n  require("./x");\n', undefined, true, true],
    ['a.js', "exports = module.exports = require('./x');\n", undefined, true, true],
    // A key named as the path's first step.
    ['a.js', "module.exports = { login: require('./login') };\n", 'login', true, true],
    ['a.js', "module.exports = { login: require('./login') };\n", 'logout', false, false],
    ['a.js', "exports.login = require('./login').handler;\n", 'login', true, true],
    ['a.js', "module.exports = { 'log\\u0069n': require('./login') };\n", 'login', true, true],
    ['a.js', "module.exports = { 'log\\x69n': require('./login') };\n", 'login', true, true],
    // A key named as the first step whose value is no module: a function, a call, a const holding an object or a `new`.
    ['a.js', "const x = require('./x');\nconst login = async function (req, res) { x(req); };\nmodule.exports = { login, logout: x.logout };\n", 'login', false, false],
    ['a.js', "const x = require('./x');\nfunction login(req, res) { x(req); }\nmodule.exports = { login };\n", 'login', false, false],
    ['a.js', "const x = require('./x');\nexports.login = x.wrap((req, res) => res.end());\n", 'login', false, false],
    ['a.js', "const { Service } = require('./service');\nconst service = new Service();\nmodule.exports = service;\nmodule.exports.login = (req, res) => service.login(req, res);\n", 'login', false, false],
    ['a.js', "const limits = require('./limits');\nconst login = { limits };\nmodule.exports = { login };\n", 'login', false, false],
    // ... and one whose value is (or may be) a module: through consts, members, an import.
    ['a.js', "const login = require('./login');\nmodule.exports = { login };\n", 'login', true, true],
    ['a.js', "const auth = require('./auth');\nconst login = auth.login;\nmodule.exports = { login, logout: auth.logout };\n", 'login', true, true],
    ['a.js', "const auth = require('./auth');\nmodule.exports = { 'login': auth.login };\n", 'login', true, true],
    ['a.js', "const auth = require('./auth');\nmodule.exports = { ['login']: auth.login };\n", 'login', true, true],
    ['a.js', "const auth = require('./auth');\nexports['login'] = auth;\n", 'login', true, true],
    ['a.js', "const auth = require('./auth');\nconst service = auth.service;\nmodule.exports = service;\n", undefined, true, true],
    ['a.mjs', "import login from './login.mjs';\nmodule.exports = { login };\n", 'login', true, true],
    // A name written twice is no const to follow (the parse finds none), but may be one here.
    ['a.js', "let login = () => {};\nlogin = require('./login');\nmodule.exports = { login };\n", 'login', false, true],
    // ESM: any export may be one.
    ['a.mjs', "export * from './x.mjs';\n", 'login', true, true],
    ['a.mjs', "export { login } from './x.mjs';\n", 'login', true, true],
    ['a.mjs', "import login from './x.mjs';\nexport { login };\n", 'login', true, true],
    ['a.ts', "export { default as login } from './x';\n", 'login', true, true],
    ['a.mjs', 'export const x = 1;\n', 'login', false, true],
    // `module.exports` read, compared, or a member of it: no whole-module re-export.
    ["a.js", "if (module.exports === require('./x')) console.log('same');\nmodule.exports.init = () => {};\n", undefined, false, false],
    // A barrel that spreads modules, or assigns them to its exports (trial 13): every key of each.
    ['a.js', "module.exports = { ...require('./csrf'), ...require('./limits') };\n", 'csrfProtection', true, true],
    ['a.js', "const csrf = require('./csrf');\nmodule.exports = { ...csrf, version: 2 };\n", undefined, true, true],
    ['a.js', "Object.assign(module.exports, require('./csrf'), require('./limits'));\n", 'csrfProtection', true, true],
    ['a.js', "const limits = require('./limits');\nObject.assign(exports, { version: 2 }, limits);\n", 'loginLimiter', true, true],
    ['a.js', "module.exports = Object.assign({}, require('./csrf'));\n", undefined, true, true],
    // ... not spreads of parameters or object literals, nor what a call returns, nor `Object.assign` into another object.
    ['a.js', "const defaults = { a: 1 };\nmodule.exports = function (opts, ...rest) { return { ...defaults, ...opts, ...build(rest) }; };\n", 'login', false, false],
    ['a.js', "const policy = require('./policy');\nconst policies = {};\npolicies.cors = Object.assign(policy, { name: 'cors' });\nmodule.exports = policies;\n", 'cors', false, false],
    ['a.js', "Object.assign(module.exports, { login: (req, res) => res.end() });\nmodule.exports = Object.assign({}, { a: 'x, y' });\n", 'login', false, false],
    // TypeScript's `export = x` is `module.exports = x`: the whole module, a key, a spread (with `import x = require()`).
    ['a.ts', "export = require('./x');\n", undefined, true, true],
    ['a.ts', "import auth = require('./auth');\nexport = auth;\n", 'login', true, true],
    ['a.ts', "import auth = require('./auth');\nexport = { auth };\n", 'auth', true, true],
    ['a.ts', "import csrf = require('./csrf');\nimport limits = require('./limits');\nexport = { ...csrf, ...limits };\n", 'formGuard', true, true],
    ['a.ts', "import auth = require('./auth');\nexport = { login: (req: unknown) => auth };\n", 'login', false, true],
    // ESM `export default` of an object that spreads modules: every key of each (not a key of its own, nor a spread of a literal).
    ['a.mjs', "import * as csrf from './csrf.mjs';\nimport limits from './limits.cjs';\nexport default { ...csrf, ...limits, version: 2 };\n", 'formGuard', true, true],
    ['a.mjs', "import * as csrf from './csrf.mjs';\nconst all = { ...csrf };\nexport default all;\n", 'formGuard', true, true],
    ['a.mjs', "import csrf from './csrf.mjs';\nexport default { guard: csrf, ...{ version: 2 } };\n", 'formGuard', false, true],
  ];
  it.each(cases)('%s: %j (first %s): re-exports %s, may %s', (file, text, first, expected, may) => {
    expect(reexports(file, text, first)).toBe(expected);
    expect(mayReexport(text, first)).toBe(may);
  });

  // With `esm: 'reexports'` (what `reexported` and `exportedPackage` ask), an ESM export of a declaration is none.
  // [file, text, first, re-exports (what the parse finds), what mayReexport says]
  const declarations: [string, string, string | undefined, boolean, boolean][] = [
    ['a.mjs', "import list from './list.mjs';\nexport default function (config) {\n  return { list, config };\n}\n", undefined, false, false],
    ['a.mjs', "import list from './list.mjs';\nexport default function (config) {\n  return { list, config };\n}\n", 'default', false, false],
    ['a.mjs', "import list from './list.mjs';\nexport async function load() { return list; }\nexport function* all() {}\nexport default class extends Object {}\n", 'load', false, false],
    ['a.mjs', "import list from './list.mjs';\nexport\n  default\n  async function handler(req, res) { res.send(list); }\n", undefined, false, false],
    ['a.ts', "import { list } from './list';\nexport interface Routes { list: typeof list }\nexport enum Kind { A }\nexport abstract class Base {}\nexport default abstract class Other {}\n", 'Routes', false, false],
    // Every other ESM export may be one (the parse decides); so may a comment after the keyword.
    ['a.mjs', "import list from './list.mjs';\nexport function load() {}\nexport { list };\n", 'list', true, true],
    ['a.mjs', "import list from './list.mjs';\nexport function load() {}\nexport const all = list;\n", 'all', true, true],
    ['a.mjs', "export function load() {}\nexport * from './list.mjs';\n", 'list', true, true],
    ['a.mjs', "import * as csrf from './csrf.mjs';\nexport function load() {}\nexport default { ...csrf };\n", 'formGuard', true, true],
    ['a.mjs', "export /* the loader */ function load() {}\n", 'load', false, true],
    ['a.mjs', "import list from './list.mjs';\nexport default async (req, res) => res.send(list);\n", undefined, false, true],
    ['a.ts', "export type * as types from './types';\n", 'types', true, true],
    ['a.ts', "import auth = require('./auth');\nexport function load() {}\nexport = auth;\n", 'login', true, true],
    // ... and so may CommonJS beside the declarations.
    ['a.mjs', "export function load() {}\nmodule.exports = require('./x');\n", undefined, true, true],
  ];
  it.each(declarations)("esm 'reexports', %s: %j (first %s): re-exports %s, may %s", (file, text, first, expected, may) => {
    expect(reexports(file, text, first)).toBe(expected);
    expect(mayReexport(text, first, 'reexports')).toBe(may);
    // (Read as a barrel, `esm: 'any'`, every ESM export may be one.)
    expect(mayReexport(text, first)).toBe(true);
  });

  it('takes no time on comments and strings that only look like module.exports', () => {
    const text = `${'// the module is here, see https://example.com/a and module.exports.x // b\n'.repeat(5000)}module.exports = {};\n`;
    const started = performance.now();
    expect(mayReexport(text, undefined)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('mayReexportOneOf', () => {
  /** Whether the parse finds a re-export (under any name) of a module required with one of `specifiers`. */
  function reexportsOne(file: string, text: string, specifiers: string[]): boolean {
    const sourceCode = parseFile(`/pkg/${file}`, text, choice(file));
    if (!sourceCode) throw new Error(`${file} does not parse`);
    return reexportsOf(sourceCode).some((e) => specifiers.includes(e.specifier));
  }

  // [file, text, specifiers, re-exports one (what the parse finds), what mayReexportOneOf says]
  const cases: [string, string, string[], boolean, boolean][] = [
    // The module is only called, or its members called, or it is extended, `new`ed or tested: not parsed.
    ['a.js', "const express = require('../shared/express');\nconst app = express();\nconst router = express.Router();\nmodule.exports = app;\n", ['../shared/express'], false, false],
    ['a.js', "const ParentRouter = require('./parent-router');\nclass RssRouter extends ParentRouter {}\nmodule.exports = RssRouter;\n", ['./parent-router'], false, false],
    ['a.js', "const Base = require('./base');\nconst made = new Base();\nif (typeof Base === 'function') made.start();\nmodule.exports = { made };\n", ['./base'], false, false],
    ['a.js', "const debug = require('./debug')('app');\nmodule.exports = { debug };\n", ['./debug'], false, false],
    ['a.js', "const { Router } = require('express');\nconst make = require('./make').make;\nmodule.exports = make();\n", ['./make'], false, false],
    ['a.js', "const express = require('./express');\n// see ../shared/express and the 'express' docs\nmodule.exports = express.static('public');\n", ['./express'], false, false],
    ['a.js', "let app;\napp = require('./app');\napp();\n", ['./app'], false, false],
    // Re-exports of it (or maybe): the whole module, a key, a shorthand key, a member, a spread, an assignment, an argument.
    ['a.js', "module.exports = require('./app');\n", ['./app'], true, true],
    ['a.js', "module.exports = { app: require('./app') };\n", ['./app'], true, true],
    ['a.js', "const app = require('./app');\nmodule.exports = { app };\n", ['./app'], true, true],
    ['a.js', "const app = require('./app');\nmodule.exports = { site: app };\n", ['./app'], true, true],
    ['a.js', "const web = require('./web');\nmodule.exports = { site: web.site };\n", ['./web'], true, true],
    ['a.js', "exports.app = require('./app').app;\n", ['./app'], true, true],
    ['a.js', "const app = require('./app');\nexports.app = app;\n", ['./app'], true, true],
    ['a.js', "module.exports = { ...require('./app') };\n", ['./app'], true, true],
    ['a.js', "Object.assign(module.exports, require('./app'));\n", ['./app'], true, true],
    ['a.js', "const { app } = require('./app');\nmodule.exports = { app };\n", ['./app'], false, true],
    ['a.js', "const app = require('./app');\nhandle(app);\n", ['./app'], false, true],
    ['a.js', "const app = require ( './app' ) ;\nmodule.exports = app;\n", ['./app'], true, true],
    // Another form of the import, an ESM statement, an escape: the parse decides.
    ['a.js', "const app = require(`./app`);\nmodule.exports = app;\n", ['./app'], false, true],
    ['a.js', "module.exports = load('./app');\n", ['./app'], false, true],
    ['a.js', "const app = require('./app');\nmodule.exports = \\u0061pp;\n", ['./app'], true, true],
    ['a.mjs', "import app from './app.mjs';\nexport default app;\n", ['./app.mjs'], false, true],
    ['a.mjs', "export * from './app.mjs';\n", ['./app.mjs'], true, true],
    // The word `export` in a comment is no ESM statement.
    ['a.js', "const express = require('./express');\n// export the app below\nmodule.exports = express();\n", ['./express'], false, false],
  ];
  it.each(cases)('%s: %j (%j): re-exports %s, may %s', (file, text, specifiers, expected, may) => {
    expect(reexportsOne(file, text, specifiers)).toBe(expected);
    expect(mayReexportOneOf(text, specifiers)).toBe(may);
  });
});
