// A function of the package called for what it returns (`require('./admin')()`): its returned expression is read again
// with the apps of the modules it imports (src/project/index.ts `exportedApp`, a factory of a factory) only when that
// expression may hold a module's value. One that returns `new Promise(...)` does not make its route modules parsed.
import path from 'node:path';

import { parseCounts } from '../../src/project';
import { cjs, withProject } from './fixture-project';

const router = (route: string): string =>
  `const express = require('express');\nmodule.exports = () => {\n  const router = express.Router();\n  router.get('${route}', (req, res) => res.send(String(req.query.q)));\n  return router;\n};\n`;

function files(admin: string): Record<string, string> {
  return {
    'package.json': '{ "name": "factory-returns", "main": "index.js", "dependencies": { "express": "^4.21.0" } }',
    'routes/a.js': router('/a'),
    'routes/b.js': router('/b'),
    'admin.js': admin,
    // A middleware the entry keeps in a list: linting it reads the holders above it (index.js) and what they import.
    'mw.js': 'module.exports = { middlewares: [(req, res, next) => next()] };\n',
    'index.js': "const mw = require('./mw');\nconst started = require('./admin')();\nmodule.exports = { mw, started };\n",
  };
}

const parsedIn = (dir: string): string[] =>
  [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();

describe('a function called for what it returns', () => {
  it('returning new Promise(...): the route modules it mounts are not parsed to read what it returns', () => {
    const admin =
      "const express = require('express');\nmodule.exports = function () {\n  const app = express();\n  app.use('/a', require('./routes/a')());\n  app.use('/b', require('./routes/b')());\n" +
      '  return new Promise((resolve) => {\n    const srv = app.listen(3000, () => resolve(srv));\n  });\n};\n';
    withProject('factory-returns', files(admin), (lint, dir) => {
      expect(lint('mw.js')).toEqual([]);
      expect(parsedIn(dir)).toEqual(['admin.js', 'index.js']);
    }, { config: cjs });
  });
  // (A function that returns another module's call, Ghost's `setupAdminApp()`, is still read with them: the
  // factory-of-a-factory tests of tests/projects.test.ts, tests/fixtures/projects/factory2.)
});
