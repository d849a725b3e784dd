// Async handler wrappers across files (src/express/model.ts, `wrappedHandler`): a controller wrapped in its own file
// (`const login = catchAsync(async (req, res) => ...)`, the layout of the common Express boilerplates) or at the route
// (`router.get('/users/:id', catchAsync(users.show))`) is the route's handler, with the wrapper imported from a file
// of the package or from express-async-handler. A middleware factory that only passes the request to its parameter
// wraps no handler.
import { esm, withProject as inProject } from './fixture-project';

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config?: typeof esm): void {
  inProject('wrappers', files, run, { config });
}

const APP = {
  'package.json': '{ "name": "wrapped", "main": "src/index.js", "dependencies": { "express": "^4.21.0", "express-session": "^1.18.0" } }',
  'src/index.js': "const app = require('./app');\napp.listen(3000);\n",
  'src/app.js':
    "const express = require('express');\nconst session = require('express-session');\nconst routes = require('./routes');\n\nconst app = express();\napp.use(session({ secret: process.env.SECRET, name: 'sid', store: new (require('connect-redis').RedisStore)({}) }));\napp.use('/v1', routes);\nmodule.exports = app;\n",
  'src/routes/index.js':
    "const express = require('express');\nconst auth = require('../controllers/auth');\nconst users = require('../controllers/users');\nconst catchAsync = require('../utils/catchAsync');\nconst authorize = require('../utils/authorize');\n\nconst router = express.Router();\nrouter.post('/login', auth.login);\nrouter.get('/users/:id', catchAsync(users.show.bind(users)));\nrouter.get('/admin', authorize(users.isAdmin), users.list);\nmodule.exports = router;\n",
  'src/controllers/auth.js':
    "const catchAsync = require('../utils/catchAsync');\n\nconst login = catchAsync(async (req, res) => {\n  req.session.userId = await lookup(req.body.email);\n  res.json({ ok: true });\n});\n\nmodule.exports = { login };\n",
  'src/controllers/users.js':
    "exports.show = async (req, res) => {\n  res.json(await find(req.params.id));\n};\nexports.isAdmin = (req) => req.query.role === 'admin';\nexports.list = (req, res) => res.json([]);\n",
  'src/utils/catchAsync.js': 'module.exports = (fn) => (req, res, next) => {\n  Promise.resolve(fn(req, res, next)).catch((err) => next(err));\n};\n',
  'src/utils/authorize.js': 'module.exports = (check) => (req, res, next) => (check(req) ? next() : res.sendStatus(403));\n',
};

describe('async handler wrappers across files', () => {
  it('a controller wrapped in its own file, and one wrapped at the route, are handlers of their routes (CommonJS)', () => {
    withProject(APP, (lint) => {
      expect(lint('src/controllers/auth.js')).toEqual([
        '4:3 secure-express/require-session-regenerate',
        '4:37 secure-express/require-input-validation',
      ]);
      expect(lint('src/controllers/users.js')).toEqual(['2:23 secure-express/require-input-validation']);
      // The wrapped controller writes the session: its route trusts the session cookie without CSRF protection.
      expect(lint('src/routes/index.js')).toEqual(['8:13 secure-express/require-csrf-protection', '8:13 secure-express/require-rate-limit']);
    });
  });

  it('without the wrapper, a function the route does not run as its handler stays unknown (both ways)', () => {
    const files: Record<string, string> = { ...APP };
    // `users.isAdmin` goes to a factory that passes it the request alone: no handler, so its `req.query` is no input.
    files['src/controllers/users.js'] = "exports.show = async (req, res) => res.json({});\nexports.isAdmin = (req) => req.query.role === 'admin';\nexports.list = (req, res) => res.json([]);\n";
    // A wrapped controller whose wrapper is not a wrapper: `memo(fn)` calls it with no request.
    files['src/utils/catchAsync.js'] = 'module.exports = (fn) => { const cached = fn(); return (req, res) => res.json(cached); };\n';
    withProject(files, (lint) => {
      expect(lint('src/controllers/users.js')).toEqual([]);
      expect(lint('src/controllers/auth.js')).toEqual([]);
    });
  });

  it('a wrapper that reads the request before the handler (validates the body, regenerates the session) is not seen through', () => {
    const files: Record<string, string> = { ...APP };
    files['src/utils/catchAsync.js'] =
      "const { z } = require('zod');\nconst schema = z.object({ id: z.string().max(24) });\nmodule.exports = (fn) => (req, res, next) => {\n  if (!schema.safeParse(req.params).success) return res.sendStatus(400);\n  return fn(req, res, next);\n};\n";
    withProject(files, (lint) => {
      // Its checks run before the handler: the rules say nothing rather than report what the wrapper validated.
      expect(lint('src/controllers/users.js')).toEqual([]);
      expect(lint('src/controllers/auth.js')).toEqual([]);
    });
  });

  it('ESM: express-async-handler at the route, and a package wrapper around an exported controller', () => {
    const files: Record<string, string> = {
      'package.json': '{ "name": "wrapped-esm", "type": "module", "dependencies": { "express": "^4.21.0", "express-async-handler": "^1.2.0" } }',
      'app.mjs':
        "import express from 'express';\nimport asyncHandler from 'express-async-handler';\nimport { create } from './notes.mjs';\nimport { remove } from './admin.mjs';\n\nconst app = express();\napp.post('/notes', asyncHandler(create));\napp.delete('/notes/:id', remove);\napp.listen(3000);\n",
      'notes.mjs': 'export async function create(req, res) {\n  res.json(await save(req.body.note));\n}\n',
      'wrap.mjs': 'export const wrap = (fn) => async (...args) => {\n  try {\n    await fn(...args);\n  } catch (error) {\n    args[2](error);\n  }\n};\n',
      'admin.mjs': "import { wrap } from './wrap.mjs';\n\nexport const remove = wrap(async (req, res) => {\n  res.json(await drop(req.params.id));\n});\n",
    };
    withProject(
      files,
      (lint) => {
        expect(lint('notes.mjs')).toEqual(['2:23 secure-express/require-input-validation']);
        expect(lint('admin.mjs')).toEqual(['4:23 secure-express/require-input-validation']);
      },
      esm,
    );
  });
});
