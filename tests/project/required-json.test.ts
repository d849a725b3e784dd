// `require('./config')` that Node resolves to config.json (no config.js, no config/index.js): the session secret, the
// cookie options and the CORS origin read from it are read as those of a `require('./config.json')`. Node's order is
// followed (`X`, `X.js`, `X.json`, then the folder's `index.js`, `index.json`; a source that compiles to `X.js` counts
// as it), and only files of the package are read.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const PACKAGE = '{ "name": "required-json", "main": "app.js", "dependencies": { "express": "^4.21.2", "express-session": "^1.18.1", "connect-redis": "^7.1.1", "cors": "^2.8.5", "helmet": "^8.0.0" } }';
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId?.replace('secure-express/', '')} ${m.message}`;

/** An app that reads its session options and CORS origin from `specifier` (CommonJS). */
const APP = (specifier: string): string =>
  [
    "const express = require('express');",
    "const helmet = require('helmet');",
    "const cors = require('cors');",
    "const session = require('express-session');",
    "const RedisStore = require('connect-redis').default;",
    `const config = require('${specifier}');`,
    '',
    'const app = express();',
    "app.disable('x-powered-by');",
    'app.use(helmet());',
    'app.use(cors({ origin: config.cors.origin, credentials: true }));',
    "app.use(session({ secret: config.session.secret, cookie: config.session.cookie, name: 'app.sid', store: new RedisStore({}), resave: false, saveUninitialized: false }));",
    'app.listen(3000);',
    '',
  ].join('\n');

/** A JSON config with a hard-coded secret, a cookie without `secure` and a reflected origin. */
const JSON_CONFIG =
  '{\n  "cors": { "origin": true },\n  "session": {\n    "secret": "keyboard cat",\n    "cookie": { "httpOnly": true, "sameSite": "lax", "maxAge": 3600000 }\n  }\n}\n';
/** The same settings from the environment (nothing to report). */
const JS_CONFIG =
  "module.exports = {\n  cors: { origin: ['https://app.example.com'] },\n  session: { secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 3600000 } },\n};\n";

const RULES = /no-hardcoded-secrets|secure-cookies|no-permissive-cors/u;

function lint(files: Record<string, string>, name = 'app.js', config: Linter.Config[] = cjs): string[] {
  let found: string[] = [];
  withProject('required-json', { 'package.json': PACKAGE, ...files }, (l) => (found = l(name)), { config, rules: RULES, format });
  return found;
}

/** What the app of `APP` gets from a JSON config at `file` (the path as messages name it), `shift` lines down. */
const FROM_JSON = (file: string, shift = 0): string[] => [
  `${11 + shift}:24 no-permissive-cors cors allows every origin (origin: true reflects the request origin, from ${file}:2) together with credentials: any website a user visits can send logged-in requests to this API and read the responses. List the allowed origins.`,
  `${12 + shift}:17 secure-cookies The express-session cookie (from ${file}:5) is set without 'secure': it also travels over plain HTTP, where anyone on the network can read it. Add 'secure: true' where the app is served over HTTPS (behind a TLS-terminating proxy, with app.set('trust proxy', 1)): express-session sets no secure cookie on a request it sees as HTTP.`,
  `${12 + shift}:27 no-hardcoded-secrets Hardcoded express-session secret (from ${file}:4): anyone who can read the code (repository, image, bundle, build logs) can forge or tamper with session cookies. Read it from the environment or a secret manager.`,
];

describe("require('./config') that Node resolves to config.json", () => {
  it('CommonJS: config.json with no config.js is read as the JSON file (as require of ./config.json is)', () => {
    const explicit = lint({ 'app.js': APP('./config.json'), 'config.json': JSON_CONFIG });
    expect(explicit).toEqual(FROM_JSON('config.json'));
    expect(lint({ 'app.js': APP('./config'), 'config.json': JSON_CONFIG })).toEqual(explicit);
  });

  it("Node's order: X.json before the folder's index, the folder's index.json when nothing else is there", () => {
    // config.json and config/index.js: Node loads config.json (a file before a folder).
    expect(lint({ 'app.js': APP('./config'), 'config.json': JSON_CONFIG, 'config/index.js': JS_CONFIG })).toEqual(FROM_JSON('config.json'));
    // Only config/index.json: Node loads it.
    expect(lint({ 'app.js': APP('./config'), 'config/index.json': JSON_CONFIG })).toEqual(FROM_JSON('config/index.json'));
    // A file Node's require does not try for ./config (config.cjs) loses to config.json.
    expect(lint({ 'app.js': APP('./config'), 'config.json': JSON_CONFIG, 'config.cjs': JS_CONFIG })).toEqual(FROM_JSON('config.json'));
  });

  it("not reported: config.js before config.json, config/index.js before config/index.json, a JSON file outside the package", () => {
    expect(lint({ 'app.js': APP('./config'), 'config.js': JS_CONFIG, 'config.json': JSON_CONFIG })).toEqual([]);
    expect(lint({ 'app.js': APP('./config'), 'config/index.js': JS_CONFIG, 'config/index.json': JSON_CONFIG })).toEqual([]);
    // A TypeScript source that compiles to config.js counts as it.
    expect(lint({ 'app.js': APP('./config'), 'config.ts': 'export = ' + JS_CONFIG.replace('module.exports = ', ''), 'config.json': JSON_CONFIG })).toEqual([]);
    // The package is app/ (its own package.json); ../config.json is another folder's.
    let outside: string[] = [];
    withProject(
      'required-json-outside',
      { 'app/package.json': PACKAGE, 'app/app.js': APP('../config'), 'config.json': JSON_CONFIG },
      (l) => (outside = l('app/app.js')),
      { config: cjs, rules: RULES, format },
    );
    expect(outside).toEqual([]);
    // Nothing of that name: unknown.
    expect(lint({ 'app.js': APP('./settings'), 'config.json': JSON_CONFIG })).toEqual([]);
  });

  it('TypeScript (import = require) and ES modules the same way, both ways', () => {
    const tsApp = APP('./config').replace("const config = require('./config');", "import config = require('./config');");
    expect(lint({ 'app.ts': tsApp, 'config.json': JSON_CONFIG }, 'app.ts', ts)).toEqual(FROM_JSON('config.json'));
    expect(lint({ 'app.ts': tsApp, 'config.ts': JS_CONFIG.replace('module.exports = ', 'export = '), 'config.json': JSON_CONFIG }, 'app.ts', ts)).toEqual([]);
    // An ES import of './config': Node's own ES loader wants the extension; the bundlers that run such code (webpack,
    // esbuild, Vite) try .json after the scripts as require() does, and read it the same way.
    const esmApp = APP('./config').replace(/const (\w+) = require\('([^']+)'\)(\.default)?;/gu, "import $1 from '$2';");
    expect(lint({ 'app.mjs': esmApp, 'config.json': JSON_CONFIG }, 'app.mjs', esm)).toEqual(FROM_JSON('config.json'));
    expect(lint({ 'app.mjs': esmApp, 'config.js': JS_CONFIG.replace('module.exports = ', 'export default '), 'config.json': JSON_CONFIG }, 'app.mjs', esm)).toEqual([]);
  });
});
