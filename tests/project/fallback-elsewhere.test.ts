// A secret that a config module of the package reads from the environment with a literal fallback
// (`module.exports = { secret: process.env.SESSION_SECRET || 'keyboard cat' }`): the fallback stands at the linted
// file's read (src/express/options.ts `fallbackStandIn`), so `no-hardcoded-secrets` reports it there, naming the file
// and the fallback's line, with no suggestion (the fix belongs in the config module). CommonJS, ESM and TypeScript,
// both ways. (Found by a new-user trial, session 14, r5.)
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId!.slice('secure-express/'.length)} ${m.message} [${(m.suggestions ?? []).length} suggestions]`;
const PACKAGE = '{ "name": "fallback-elsewhere", "dependencies": { "express": "^4.21.0", "express-session": "^1.18.0", "jsonwebtoken": "^9.0.0" } }';
const SESSION = (from: string): string =>
  `Literal fallback for the express-session secret (from ${from}): when the environment does not set it, the app silently runs with a secret that anyone who can read the code knows, and they can forge or tamper with session cookies. [0 suggestions]`;
const RULES = /no-hardcoded-secrets/u;

describe('a literal fallback for a secret in a config module of the package', () => {
  const APP = "const express = require('express');\nconst session = require('express-session');\nconst config = require('./config');\nconst app = express();\napp.use(session({ secret: config.secret, name: 'sid', store: {} }));\napp.listen(3000);\n";
  const lint = (configText: string, config = cjs, app = APP, extra: Record<string, string> = {}): string[] => {
    let found: string[] = [];
    withProject('fallback-elsewhere', { 'package.json': PACKAGE, 'config.js': configText, 'app.js': app, ...extra }, (l) => (found = l('app.js')), { config, rules: RULES, format });
    return found;
  };

  it('CommonJS: reported at the read, naming the file and line of the fallback', () => {
    expect(lint("module.exports = { secret: process.env.SESSION_SECRET || 'keyboard cat' };\n")).toEqual([`5:27 no-hardcoded-secrets ${SESSION('config.js:1')}`]);
    expect(lint("module.exports = {\n  secret:\n    process.env.SESSION_SECRET ??\n    'keyboard cat',\n};\n")).toEqual([`5:27 no-hardcoded-secrets ${SESSION('config.js:4')}`]);
    // The fallback held in a const of the config module.
    expect(lint("const DEV_SECRET = 'keyboard cat';\nmodule.exports = { secret: process.env.SESSION_SECRET || DEV_SECRET };\n")).toEqual([`5:27 no-hardcoded-secrets ${SESSION('config.js:2')}`]);
    // Destructured at the import.
    const destructured = APP.replace("const config = require('./config');", "const { secret } = require('./config');").replace('secret: config.secret', 'secret');
    expect(lint("module.exports = { secret: process.env.SESSION_SECRET || 'keyboard cat' };\n", cjs, destructured)).toEqual([`5:19 no-hardcoded-secrets ${SESSION('config.js:1')}`]);
  });

  it('CommonJS: the whole options object of a config module (session(sessionConfig)); its other values read as before', () => {
    const SESSION_CONFIG = (secret: string, sameSite = "'lax'"): string =>
      `// Session settings\nmodule.exports = {\n  name: 'todo.sid',\n  secret: ${secret},\n  resave: false,\n  saveUninitialized: false,\n  store: {},\n  cookie: { httpOnly: true, secure: true, sameSite: ${sameSite}, maxAge: 3600000 },\n};\n`;
    const app = "const express = require('express');\nconst session = require('express-session');\nconst sessionConfig = require('./config/session');\nconst app = express();\napp.use(session(sessionConfig));\napp.listen(3000);\n";
    const lintAll = (config: string): string[] => {
      let found: string[] = [];
      withProject('fallback-object', { 'package.json': PACKAGE, 'config/session.js': config, 'app.js': app }, (l) => (found = l('app.js')), { config: cjs, rules: /no-hardcoded-secrets|secure-cookies|no-default-session-name/u, format });
      return found;
    };
    expect(lintAll(SESSION_CONFIG("process.env.SESSION_SECRET || 'keyboard cat'"))).toEqual([`5:17 no-hardcoded-secrets ${SESSION('config/session.js:4')}`]);
    expect(lintAll(SESSION_CONFIG('process.env.SESSION_SECRET'))).toEqual([]);
    // A cookie flag with a fallback is still unknown to the cookie rules (the environment decides): nothing said.
    expect(lintAll(SESSION_CONFIG('process.env.SESSION_SECRET', "process.env.SAME_SITE || 'none'"))).toEqual([]);
  });

  it('CommonJS: not reported without a literal fallback, or with a value the model cannot read', () => {
    expect(lint('module.exports = { secret: process.env.SESSION_SECRET };\n')).toEqual([]);
    expect(lint("module.exports = { secret: process.env.SESSION_SECRET || require('crypto').randomBytes(32).toString('hex') };\n")).toEqual([]);
    expect(lint("let secret = process.env.SESSION_SECRET || 'keyboard cat';\nif (!process.env.SESSION_SECRET) secret = require('crypto').randomBytes(32).toString('hex');\nmodule.exports = { secret };\n")).toEqual([]);
    // A config module that rewrites its value later.
    expect(lint("const config = { secret: process.env.SESSION_SECRET || 'keyboard cat' };\nconfig.secret = process.env.SECRET;\nmodule.exports = config;\n")).toEqual([]);
  });

  it('ES modules: an exported config object', () => {
    const app = "import express from 'express';\nimport session from 'express-session';\nimport config from './config.mjs';\nconst app = express();\napp.use(session({ secret: config.secret, name: 'sid', store: {} }));\napp.listen(3000);\n";
    let found: string[] = [];
    withProject(
      'fallback-elsewhere-esm',
      { 'package.json': PACKAGE, 'config.mjs': "export default { secret: process.env.SESSION_SECRET || 'keyboard cat' };\n", 'app.mjs': app },
      (l) => (found = l('app.mjs')),
      { config: esm, rules: RULES, format },
    );
    expect(found).toEqual([`5:27 no-hardcoded-secrets ${SESSION('config.mjs:1')}`]);
  });

  it('TypeScript: a JWT key of a typed config, imported as ./config.js', () => {
    const files = (key: string): Record<string, string> => ({
      'package.json': PACKAGE.replace('"dependencies"', '"type": "module", "dependencies"'),
      'src/config.ts': `export const config = { jwtSecret: ${key} } as const;\n`,
      'src/auth.ts': "import jwt from 'jsonwebtoken';\nimport type { Request, Response } from 'express';\nimport { config } from './config.js';\n\nexport function login(req: Request, res: Response): void {\n  res.json({ token: jwt.sign({ sub: String(req.body.user) }, config.jwtSecret) });\n}\n",
    });
    const lintTs = (key: string): string[] => {
      let found: string[] = [];
      withProject('fallback-elsewhere-ts', files(key), (l) => (found = l('src/auth.ts')), { config: ts, rules: RULES, format });
      return found;
    };
    expect(lintTs("process.env.JWT_SECRET ?? 'dev-secret'")).toEqual([
      '6:62 no-hardcoded-secrets Literal fallback for the jwt.sign() key (from src/config.ts:1): when the environment does not set it, the app silently runs with a secret that anyone who can read the code knows, and they can sign their own tokens. [0 suggestions]',
    ]);
    expect(lintTs('process.env.JWT_SECRET!')).toEqual([]);
  });
});
