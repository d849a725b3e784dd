// passport below 0.6.0 (CVE-2022-25896) on a login route whose handler is a controller of another file: the finding
// is the controller file's (its lint knows the handler), placed on the handler there, not at the position of the
// route file's `passport.authenticate(...)` (new-user trial 20, r4: it landed on a blank line of the controller).
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const WATCHED = /require-session-regenerate/u;
const full = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.message.slice(0, m.message.indexOf(' logs the user in'))}`;

/** The controller by its name, then its route with the route module's file and line, and the route's app. */
const MESSAGE = (where: string, app: string): string => `Login handler 'afterLogin' of route 'POST /login' (${where}) on '${app}'`;
const OLD = (type?: string): string => JSON.stringify({ name: 'r4', ...(type ? { type } : {}), dependencies: { express: '^4.21.0', 'express-session': '^1.18.1', passport: '^0.5.3' } });

describe('old passport on a route of another file that registers this file\'s controller', () => {
  it('CommonJS: a class field of an instance handed to the route module; an exported function', () => {
    const routes = "const passport = require('passport');\n\nmodule.exports = (app, ctrl) => {\n  app.post('/login', passport.authenticate('local'), ctrl.afterLogin);\n};\n";
    const files = {
      'package.json': OLD(),
      'app.js': "const express = require('express');\nconst AuthController = require('./controllers/auth');\nconst app = express();\nrequire('./routes/auth')(app, new AuthController());\napp.listen(3000);\n",
      'routes/auth.js': routes,
      'controllers/auth.js': "class AuthController {\n  afterLogin = (req, res) => {\n    res.json({ user: req.user.id });\n  };\n}\n\nmodule.exports = AuthController;\n",
    };
    withProject('passport-controllers', files, (lint) => {
      expect(lint('controllers/auth.js')).toEqual([`2:3 ${MESSAGE('routes/auth.js:4', 'app (passed in app.js:4)')}`]);
      expect(lint('routes/auth.js')).toEqual([]);
    }, { config: cjs, rules: WATCHED, format: full });
    // An exported function: placed on its name.
    withProject('passport-controllers', {
      ...files,
      'app.js': "const express = require('express');\nconst app = express();\nrequire('./routes/auth')(app);\napp.listen(3000);\n",
      'routes/auth.js': "const passport = require('passport');\nconst ctrl = require('../controllers/auth');\n\nmodule.exports = (app) => {\n  app.post('/login', passport.authenticate('local'), ctrl.afterLogin);\n};\n",
      'controllers/auth.js': "\n\nexports.afterLogin = function afterLogin(req, res) {\n  res.json({ user: req.user.id });\n};\n",
    }, (lint) => {
      expect(lint('controllers/auth.js')).toEqual([`3:31 ${MESSAGE('routes/auth.js:5', 'app (passed in app.js:3)')}`]);
      expect(lint('routes/auth.js')).toEqual([]);
    }, { config: cjs, rules: WATCHED, format: full });
    // passport 0.6: nothing, in either file.
    withProject('passport-controllers', { ...files, 'package.json': OLD().replace('^0.5.3', '^0.7.0') }, (lint) => {
      expect(lint('controllers/auth.js')).toEqual([]);
      expect(lint('routes/auth.js')).toEqual([]);
    }, { config: cjs, rules: WATCHED, format: full });
  });

  it('ES modules and TypeScript: a method of an exported object', () => {
    const routes = (ext: string): string => `import passport from 'passport';\nimport express from 'express';\nimport { auth } from './auth${ext}';\nconst app = express();\napp.post('/login', passport.authenticate('local'), auth.afterLogin);\napp.listen(3000);\n`;
    const controller = 'export const auth = {\n  afterLogin(req, res) {\n    res.json({ user: req.user.id });\n  },\n};\n';
    withProject('passport-controllers', { 'package.json': OLD('module'), 'app.mjs': routes('.mjs'), 'auth.mjs': controller }, (lint) => {
      expect(lint('auth.mjs')).toEqual([`2:3 ${MESSAGE('app.mjs:5', 'app (app.mjs:4)')}`]);
      expect(lint('app.mjs')).toEqual([]);
    }, { config: esm, rules: WATCHED, format: full });
    withProject('passport-controllers', { 'package.json': OLD('module'), 'app.ts': routes('.js'), 'auth.ts': controller.replace('afterLogin(req, res)', 'afterLogin(req: { user: { id: string } }, res: { json(x: unknown): void })') }, (lint) => {
      expect(lint('auth.ts')).toEqual([`2:3 ${MESSAGE('app.ts:5', 'app (app.ts:4)')}`]);
      expect(lint('app.ts')).toEqual([]);
    }, { config: ts, rules: WATCHED, format: full });
  });
});
