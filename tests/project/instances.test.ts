// Controllers exported as an instance (`module.exports = new UserController()`, `export default new UserController()`)
// or as what a function of their file returns (`module.exports = makeUsers()`): the methods a route registers
// (`router.post('/login', userController.login)`) are that route's handlers (src/project/exports.ts `walk`).
import { esm, ts, withProject as inProject } from './fixture-project';

const WATCHED = /require-session-regenerate|require-csrf-protection|require-input-validation/u;

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config?: typeof esm): void {
  inProject('instances', files, run, { config, rules: WATCHED });
}

const PACKAGE = '{ "name": "instances", "main": "app.js", "dependencies": { "express": "^4.21.0", "express-session": "^1.18.0" } }';
const APP =
  "const express = require('express');\nconst session = require('express-session');\n\nconst app = express();\napp.use(session({ secret: process.env.S, name: 'sid', resave: false, saveUninitialized: false }));\napp.use('/users', require('./routes/users'));\nmodule.exports = app;\n";
const ROUTES =
  "const router = require('express').Router();\nconst userController = require('../controllers/user');\n\nrouter.post('/login', userController.login);\nrouter.get('/me', userController.me);\nmodule.exports = router;\n";
const CONTROLLER_BODY =
  '  async login(req, res) {\n    req.session.user = req.body.user;\n    res.json({ ok: true });\n  }\n\n  me(req, res) {\n    res.json({ id: 1 });\n  }\n';

describe('controllers exported as an instance or a made object', () => {
  it('module.exports = new UserController(): its methods are the handlers of the routes that register them (CommonJS)', () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': APP,
      'routes/users.js': ROUTES,
      'controllers/user.js': `class UserController {\n${CONTROLLER_BODY}}\n\nmodule.exports = new UserController();\n`,
    };
    withProject(files, (lint) => {
      expect(lint('controllers/user.js')).toEqual(['3:5 secure-express/require-session-regenerate', '3:24 secure-express/require-input-validation']);
      // The login handler writes the session: the route trusts the session cookie.
      expect(lint('routes/users.js')).toEqual(['4:13 secure-express/require-csrf-protection']);
    });
  });

  it('a made object (a function of the file returning the handlers), kept in a const first', () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': APP,
      'routes/users.js': ROUTES,
      'controllers/user.js':
        'function makeUsers() {\n  return {\n    login: async (req, res) => {\n      req.session.user = req.body.user;\n      res.json({ ok: true });\n    },\n    me: (req, res) => res.json({ id: 1 }),\n  };\n}\nconst users = makeUsers();\nmodule.exports = users;\n',
    };
    withProject(files, (lint) => {
      expect(lint('controllers/user.js')).toEqual(['4:7 secure-express/require-session-regenerate', '4:26 secure-express/require-input-validation']);
    });
  });

  it("messages name a method by its name and its route, with the route's file: 'login' of 'POST /users/login' (routes/users.js:4)", () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': APP,
      'routes/users.js': ROUTES,
      'controllers/user.js': `class UserController {\n${CONTROLLER_BODY}}\n\nmodule.exports = new UserController();\n`,
    };
    inProject('instances', files, (lint) => expect(lint('controllers/user.js')).toEqual(["Login handler 'login' of route 'POST /users/login' (routes/users.js:4) on 'router (routes/users.js:1, mounted in app.js:6)'"]), {
      rules: /require-session-regenerate/u,
      format: (m) => m.message.slice(0, m.message.indexOf(' stores')),
    });
  });

  it('a method the class inherits from a class of its file is followed', () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': APP,
      'routes/users.js': ROUTES,
      'controllers/user.js': `class Base {\n${CONTROLLER_BODY}}\n\nclass UserController extends Base {\n  logout(req, res) {\n    req.session.destroy(() => res.end());\n  }\n}\n\nmodule.exports = new UserController();\n`,
    };
    withProject(files, (lint) => {
      expect(lint('controllers/user.js')).toEqual(['3:5 secure-express/require-session-regenerate', '3:24 secure-express/require-input-validation']);
    });
  });

  it('an instance of a class of another package, or of an imported class, stays unknown', () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': APP,
      'routes/users.js': ROUTES,
      'controllers/base.js': `module.exports = class UserController {\n${CONTROLLER_BODY}};\n`,
      'controllers/user.js': "const Base = require('./base');\nconst { Controller } = require('some-framework');\nmodule.exports = new (Base)();\nmodule.exports.other = new Controller();\n",
    };
    withProject(files, (lint) => {
      expect(lint('controllers/user.js')).toEqual([]);
      expect(lint('routes/users.js')).toEqual([]);
    });
  });

  it('ES modules: export default new UserController()', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"'),
      'app.mjs': "import express from 'express';\nimport session from 'express-session';\nimport users from './routes/users.mjs';\n\nconst app = express();\napp.use(session({ secret: process.env.S, name: 'sid', resave: false, saveUninitialized: false }));\napp.use('/users', users);\nexport default app;\n",
      'routes/users.mjs': "import { Router } from 'express';\nimport userController from '../controllers/user.mjs';\n\nconst router = Router();\nrouter.post('/login', userController.login);\nexport default router;\n",
      'controllers/user.mjs': `class UserController {\n${CONTROLLER_BODY}}\n\nexport default new UserController();\n`,
    };
    withProject(
      files,
      (lint) => {
        expect(lint('controllers/user.mjs')).toEqual(['3:5 secure-express/require-session-regenerate', '3:24 secure-express/require-input-validation']);
        expect(lint('routes/users.mjs')).toEqual(['5:13 secure-express/require-csrf-protection']);
      },
      esm,
    );
  });

  it('TypeScript: export const userController = new UserController()', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts"'),
      'src/app.ts': "import express from 'express';\nimport session from 'express-session';\nimport { usersRouter } from './routes/users.js';\n\nconst app = express();\napp.use(session({ secret: process.env.S!, name: 'sid', resave: false, saveUninitialized: false }));\napp.use('/users', usersRouter);\nexport default app;\n",
      'src/routes/users.ts': "import { Router } from 'express';\nimport { userController } from '../controllers/user.js';\n\nexport const usersRouter = Router();\nusersRouter.post('/login', userController.login);\n",
      'src/controllers/user.ts':
        "import type { Request, Response } from 'express';\n\nclass UserController {\n  async login(req: Request, res: Response): Promise<void> {\n    req.session.user = req.body.user;\n    res.json({ ok: true });\n  }\n}\n\nexport const userController = new UserController();\n",
    };
    withProject(
      files,
      (lint) => {
        expect(lint('src/controllers/user.ts')).toEqual(['5:5 secure-express/require-session-regenerate', '5:24 secure-express/require-input-validation']);
        expect(lint('src/routes/users.ts')).toEqual(['5:18 secure-express/require-csrf-protection']);
      },
      ts,
    );
  });
});
