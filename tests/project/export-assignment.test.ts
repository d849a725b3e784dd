// TypeScript's `export = x` (TSExportAssignment) is read as `module.exports = x` wherever the project model reads a
// module's export (src/project/exports.ts: `exportedNode`, `reexportsOf`, `importedFrom`; `passesPackageText` in
// src/project/index.ts): an app or router of another file that its importers mount or serve, a module that passes an
// installed package on (`export = passport`), handler functions that importers register (`import auth = require()`,
// `import * as auth from`), middleware made there (`export = helmet({...})`, `export = rateLimit({...})`), a config
// value read across files, and barrels (`export = { auth }`, `export = { ...csrf }`). Each fixture is shown both ways.
import type { Linter } from 'eslint';

import { ts, withProject as inProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId!.slice('secure-express/'.length)} ${m.message}`;

function withProject(files: Record<string, string>, rules: RegExp, run: (lint: (name: string) => string[]) => void): void {
  inProject('export-assignment', files, run, { config: ts, rules, format });
}

const PACKAGE = (main: string): string =>
  `{ "name": "export-assignment", "main": "${main}", "dependencies": { "express": "^4.21.0", "helmet": "^8.0.0", "compression": "^1.7.5", ` +
  '"express-rate-limit": "^7.5.0", "express-validator": "^7.2.0", "passport": "^0.5.3", "express-session": "^1.18.1", "jsonwebtoken": "^9.0.0" } }';

describe('TypeScript `export = x` read as `module.exports = x`', () => {
  it('a router exported with `export =`: mounted by `import auth = require()` or `import * as auth from`, directly or through a barrel', () => {
    const router = "import express = require('express');\nconst router = express.Router();\nrouter.post('/login', (req, res) => res.end());\nexport = router;\n";
    const app = (take: string, before = ''): string => `import express = require('express');\n${take}\nconst app = express();\n${before}app.use('/auth', auth);\napp.listen(3000);\n`;
    const unlimited = (text: string): string[] => [
      `3:13 require-rate-limit Authentication route 'POST /auth/login' on 'router (mounted in app.ts:${text.split('\n').findIndex((line) => line.startsWith('app.use(')) + 1})' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.`,
    ];
    const barrels: Record<string, string>[] = [
      { 'routes/auth.ts': router, 'app.ts': app("import auth = require('./routes/auth');") },
      { 'routes/auth.ts': router, 'app.ts': app("import * as auth from './routes/auth';") },
      { 'routes/auth.ts': router, 'routes/index.ts': "export = require('./auth');\n", 'app.ts': app("import auth = require('./routes');") },
      { 'routes/auth.ts': router, 'routes/index.ts': "import auth = require('./auth');\nexport = auth;\n", 'app.ts': app("import auth = require('./routes');") },
      { 'routes/auth.ts': router, 'routes/index.ts': "import auth = require('./auth');\nexport = { auth };\n", 'app.ts': app("import routes = require('./routes');\nconst auth = routes.auth;") },
    ];
    for (const files of barrels) {
      withProject({ 'package.json': PACKAGE('app.ts'), ...files }, /require-rate-limit/u, (lint) => expect(lint('routes/auth.ts')).toEqual(unlimited(files['app.ts']!)));
      // A limiter that the importer mounts before it runs first.
      const limited = files['app.ts']!.replace(
        'const app = express();\n',
        "import rateLimit = require('express-rate-limit');\nconst app = express();\napp.use(rateLimit({ windowMs: 60000, limit: 5 }));\n",
      );
      withProject({ 'package.json': PACKAGE('app.ts'), ...files, 'app.ts': limited }, /require-rate-limit/u, (lint) => expect(lint('routes/auth.ts')).toEqual([]));
    }
  });

  it('an app exported with `export =`: complete when its importers only serve it (as with module.exports); unknown when nothing imports or serves it', () => {
    const app = "import express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.json({}));\nexport = app;\n";
    const exposed = [
      "2:13 disable-x-powered-by Express app 'app' sends 'X-Powered-By: Express', which tells attackers what to target. Call app.disable('x-powered-by') or mount helmet().",
    ];
    const rules = /disable-x-powered-by/u;
    for (const take of ["import app = require('./app');", "import * as app from './app';"]) {
      // The message names where server.ts serves it.
      const servedThere = [exposed[0]!.replace("Express app 'app' sends", "Express app 'app' (served in server.ts:2) sends")];
      withProject({ 'package.json': PACKAGE('server.ts'), 'app.ts': app, 'server.ts': `${take}\napp.listen(3000);\n` }, rules, (lint) => expect(lint('app.ts')).toEqual(servedThere));
      const hidden = `${take}\napp.disable('x-powered-by');\napp.listen(3000);\n`;
      withProject({ 'package.json': PACKAGE('server.ts'), 'app.ts': app, 'server.ts': hidden }, rules, (lint) => expect(lint('app.ts')).toEqual([]));
    }
    // The per-file model: an app that leaves its file by `export =` escapes (its host configures it) ...
    withProject({ 'package.json': PACKAGE('app.ts'), 'app.ts': app }, rules, (lint) => expect(lint('app.ts')).toEqual([]));
    // ... unless the file serves it too and no file imports it: a server.
    const served = app.replace('export = app;', 'app.listen(3000);\nexport = app;');
    withProject({ 'package.json': PACKAGE('app.ts'), 'app.ts': served }, rules, (lint) => expect(lint('app.ts')).toEqual(exposed));
  });

  it('`export = passport`: a module that passes an installed package on is that package to its importers', () => {
    const session = "app.use(session({ name: 's', secret: process.env.S, store: globalStore, cookie: { secure: true, sameSite: 'none', maxAge: 3600000 } }));\n";
    const app = (take: string): string =>
      `import express = require('express');\nimport session = require('express-session');\n${take}\ndeclare const globalStore: session.Store;\nconst app = express();\n${session}` +
      "app.post('/login', passport.authenticate('local'), (req, res) => res.redirect('/'));\napp.listen(3000);\n";
    const findings = [
      "7:10 require-csrf-protection Route 'POST /login' on 'app' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (sameSite: 'none' on the express-session cookie lets other sites' requests carry it): another site can make a signed-in user's browser submit it.",
      "7:20 require-session-regenerate Login route 'POST /login' on 'app' logs the user in with passport, and package.json allows passport ^0.5.3: passport before 0.6.0 keeps the session ID from before the login, so a planted session ID becomes the user's logged-in session (session fixation, CVE-2022-25896). Upgrade passport to 0.6.0 or later.",
    ];
    const rules = /require-session-regenerate|require-csrf-protection/u;
    const configure = 'passport.serializeUser((user: { id: string }, done) => done(null, user.id));\n';
    const passers = [
      `import passport = require('passport');\n${configure}export = passport;\n`,
      `import passport from 'passport';\n${configure}export = passport;\n`,
      "export = require('passport');\n",
      // (`module.exports = passport` of an `import passport = require()` is the same.)
      `import passport = require('passport');\n${configure}module.exports = passport;\n`,
    ];
    for (const passer of passers) {
      for (const take of ["import passport = require('./config/passport');", "import * as passport from './config/passport';"]) {
        withProject({ 'package.json': PACKAGE('app.ts'), 'config/passport.ts': passer, 'app.ts': app(take) }, rules, (lint) => expect([passer, ...lint('app.ts')]).toEqual([passer, ...findings]));
      }
    }
    // The same app on passport itself: the same findings.
    withProject({ 'package.json': PACKAGE('app.ts'), 'app.ts': app("import passport = require('passport');") }, rules, (lint) => expect(lint('app.ts')).toEqual(findings));
    // A module that exports something else (an object wrapping it, a function) stays what it is: nothing said.
    for (const other of [
      "import passport = require('passport');\nexport = { authenticate: passport.authenticate.bind(passport) };\n",
      "import passport = require('passport');\nexport = function authenticate(strategy: string) { return passport.authenticate(strategy); };\n",
    ]) {
      const files = { 'package.json': PACKAGE('app.ts'), 'config/passport.ts': other, 'app.ts': app("import passport = require('./config/passport');") };
      withProject(files, rules, (lint) => expect([other, ...lint('app.ts')]).toEqual([other]));
    }
  });

  it('handlers of `export = { save }` / `export = controller` that importers register are route handlers', () => {
    const save = 'function save(req: Request, res: Response) {\n  res.json({ saved: req.body.name.trim() });\n}\n';
    const head = "import { Request, Response } from 'express';\n";
    const controllers = [`${head}${save}export = { save };\n`, `${head}${save}const controller = { save };\nexport = controller;\n`];
    const app = (take: string, validate = ''): string =>
      `import express = require('express');\n${take}\nconst app = express();\napp.use(express.json());\napp.post('/profile', ${validate}profile.save);\napp.listen(3000);\n`;
    const unchecked = [
      "3:21 require-input-validation Route 'POST /profile' on 'app (app.ts:3)' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
    ];
    for (const controller of controllers) {
      for (const take of ["import profile = require('./controllers/profile');", "import * as profile from './controllers/profile';"]) {
        const files = { 'package.json': PACKAGE('app.ts'), 'controllers/profile.ts': controller, 'app.ts': app(take) };
        withProject(files, /require-input-validation/u, (lint) => expect(lint('controllers/profile.ts')).toEqual(unchecked));
        const validated = { ...files, 'app.ts': app(`${take}\nimport { body } from 'express-validator';`, "body('name').isString().isLength({ max: 64 }), ") };
        withProject(validated, /require-input-validation/u, (lint) => expect(lint('controllers/profile.ts')).toEqual([]));
      }
    }
  });

  it('middleware made in another file and exported with `export =`: helmet, a limiter', () => {
    const app = (take: string): string =>
      `import express = require('express');\n${take}\nconst app = express();\napp.use(security);\napp.get('/', (req, res) => res.json({}));\napp.post('/login', gate, (req, res) => res.end());\napp.listen(3000);\n`;
    const take = "import security = require('./config/security');\nimport * as gate from './config/attempts';";
    const files = {
      'package.json': PACKAGE('app.ts'),
      'config/security.ts': "import helmet = require('helmet');\nexport = helmet({ contentSecurityPolicy: { directives: { defaultSrc: [\"'self'\"] } } });\n",
      'config/attempts.ts': "import rateLimit = require('express-rate-limit');\nexport = rateLimit({ windowMs: 60000, limit: 5 });\n",
      'app.ts': app(take),
    };
    const rules = /require-helmet|require-rate-limit/u;
    withProject(files, rules, (lint) => expect(lint('app.ts')).toEqual([]));
    const plain = {
      ...files,
      'config/security.ts': "import compression = require('compression');\nexport = compression();\n",
      'config/attempts.ts': 'import { NextFunction, Request, Response } from \'express\';\nexport = (req: Request, res: Response, next: NextFunction) => next();\n',
    };
    withProject(plain, rules, (lint) =>
      expect(lint('app.ts')).toEqual([
        "4:13 require-helmet Express app 'app' mounts no helmet(): its responses lack Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and the other protective headers.",
        "7:10 require-rate-limit Authentication route 'POST /login' on 'app' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      ]),
    );
  });

  it('a config value exported with `export =` is read where another file uses it', () => {
    const sign = "import jwt = require('jsonwebtoken');\nimport config = require('./config');\nexport function sign(user: { id: string }) {\n  return jwt.sign({ id: user.id }, config.jwtSecret);\n}\n";
    const rules = /no-hardcoded-secrets/u;
    for (const config of ["export = { jwtSecret: 'k3yb0ard-cat-s3cret' };\n", "const config = { jwtSecret: 'k3yb0ard-cat-s3cret' };\nexport = config;\n"]) {
      withProject({ 'package.json': PACKAGE('auth.ts'), 'config.ts': config, 'auth.ts': sign }, rules, (lint) =>
        expect(lint('auth.ts')).toEqual([
          '4:36 no-hardcoded-secrets Hardcoded jwt.sign() key (from config.ts:1): anyone who can read the code (repository, image, bundle, build logs) can sign their own tokens. Read it from the environment or a secret manager.',
        ]),
      );
    }
    withProject({ 'package.json': PACKAGE('auth.ts'), 'config.ts': 'export = { jwtSecret: process.env.JWT_SECRET };\n', 'auth.ts': sign }, rules, (lint) => expect(lint('auth.ts')).toEqual([]));
  });
});
