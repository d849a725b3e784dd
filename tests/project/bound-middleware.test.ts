// Middleware of another file bound by destructuring, and barrels that spread modules (trial 13): `limits.js` exports
// `{ loginLimiter: rateLimit(...) }` and the route file destructures it; `export const { login: gate } = { login:
// rateLimit(...) }`; `middleware/index.js` with `module.exports = { ...require('./csrf'), ...require('./limits') }` or
// `Object.assign(module.exports, require('./csrf'))` (src/project/exports.ts `reexportsOf`'s `'*'`). Each is the
// middleware that file makes; a plain function in its place is not.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject as inProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config: Linter.Config[] = cjs): void {
  inProject('bound-mw', files, run, { config, rules: /require-rate-limit|require-csrf-protection/u, format });
}

const PACKAGE =
  '{ "name": "bound-mw", "main": "app.js", "dependencies": { "express": "^5.1.0", "express-rate-limit": "^7.5.0", "csurf": "^1.11.0", "cookie-parser": "^1.4.7" } }';
const ESM_PACKAGE = PACKAGE.replace('"main"', '"type": "module", "main"');
const esmJs = [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }] as Linter.Config[];

const LIMITS = "const rateLimit = require('express-rate-limit');\nexports.gate = rateLimit({ windowMs: 60000, limit: 5 });\n";
const CSRF = "const csrf = require('csurf');\nexports.formGuard = csrf({ cookie: true });\n";
const PLAIN_LIMITS = 'exports.gate = (req, res, next) => next();\n';
const PLAIN_CSRF = 'exports.formGuard = (req, res, next) => next();\n';
/** A route file that takes a limiter and CSRF middleware from the barrel (`import` or `require`). */
const ROUTES = (take: string): string =>
  `const express = require('express');\nconst cookieParser = require('cookie-parser');\n${take}\nconst app = express();\napp.use(cookieParser());\n` +
  "app.post('/login', gate, formGuard, (req, res) => res.end(req.cookies.theme));\napp.listen(3000);\n";
const REQUIRED = ROUTES("const { gate, formGuard } = require('../middleware');");
const BOTH = ['6:10 secure-express/require-csrf-protection', '6:10 secure-express/require-rate-limit'];

describe('a limiter of another file bound by destructuring', () => {
  it('CommonJS: an object of limiters, destructured with `require` (under another name too)', () => {
    // (Named `strict`, not `loginLimiter`: a name that says it is a limiter counts whatever it holds.)
    const files = {
      'package.json': PACKAGE,
      'limits.js': "const rateLimit = require('express-rate-limit');\nmodule.exports = { strict: rateLimit({ windowMs: 60000, limit: 5 }) };\n",
      'app.js':
        "const express = require('express');\nconst { strict } = require('./limits');\nconst { strict: gate } = require('./limits');\nconst app = express();\n" +
        "app.post('/login', strict, (req, res) => res.end());\napp.post('/signin', gate, (req, res) => res.end());\napp.listen(3000);\n",
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual([]));
    withProject({ ...files, 'limits.js': 'module.exports = { strict: (req, res, next) => next() };\n' }, (lint) =>
      expect(lint('app.js')).toEqual(['5:10 secure-express/require-rate-limit', '6:10 secure-express/require-rate-limit']),
    );
  });

  it('ESM: `export const { login: gate } = { login: rateLimit() }`, imported by name', () => {
    const files = {
      'package.json': ESM_PACKAGE,
      'limits.js': "import rateLimit from 'express-rate-limit';\nexport const { login: gate } = { login: rateLimit({ windowMs: 60000, limit: 5 }) };\n",
      'app.js': "import express from 'express';\nimport { gate } from './limits.js';\nconst app = express();\napp.post('/login', gate, (req, res) => res.end());\napp.listen(3000);\n",
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual([]), esmJs);
    const plain = { ...files, 'limits.js': 'export const { login: gate } = { login: (req, res, next) => next() };\n' };
    withProject(plain, (lint) => expect(lint('app.js')).toEqual(['4:10 secure-express/require-rate-limit']), esmJs);
  });

  it('TypeScript: a `const` object of limiters, exported destructured and whole', () => {
    const files = {
      'package.json': PACKAGE.replace('"app.js"', '"app.ts"'),
      'limits.ts':
        "import rateLimit from 'express-rate-limit';\nconst limits = { login: rateLimit({ windowMs: 60000, limit: 5 }) };\nexport const { login } = limits;\nexport default limits;\n",
      'app.ts':
        "import express from 'express';\nimport limits, { login } from './limits';\nconst app = express();\napp.post('/login', login, (req, res) => res.end());\n" +
        "app.post('/signin', limits.login, (req, res) => res.end());\napp.listen(3000);\n",
    };
    withProject(files, (lint) => expect(lint('app.ts')).toEqual([]), ts);
    // (A key the file writes afterwards holds something else.)
    const written = { ...files, 'limits.ts': files['limits.ts'].replace('export const', 'limits.login = (req, res, next) => next();\nexport const') };
    withProject(written, (lint) => expect(lint('app.ts')).toEqual(['4:10 secure-express/require-rate-limit', '5:10 secure-express/require-rate-limit']), ts);
  });
});

describe('a barrel that spreads modules (CSRF middleware and limiters through it)', () => {
  const barrel = (index: string, csrf = CSRF, limits = LIMITS): Record<string, string> => ({
    'package.json': PACKAGE,
    'middleware/csrf.js': csrf,
    'middleware/limits.js': limits,
    'middleware/index.js': index,
    'routes/app.js': REQUIRED,
  });

  it('CommonJS: `module.exports = { ...require(a), ...require(b) }`', () => {
    const index = "module.exports = { ...require('./csrf'), ...require('./limits') };\n";
    withProject(barrel(index), (lint) => expect(lint('routes/app.js')).toEqual([]));
    withProject(barrel(index, PLAIN_CSRF, PLAIN_LIMITS), (lint) => expect(lint('routes/app.js')).toEqual(BOTH));
    // (The last spread that has a key holds it; a key of the barrel's own after the spreads wins.)
    const later = "module.exports = { ...require('./csrf'), ...require('./limits'), ...require('./plain') };\n";
    withProject({ ...barrel(later), 'middleware/plain.js': PLAIN_LIMITS }, (lint) => expect(lint('routes/app.js')).toEqual(['6:10 secure-express/require-rate-limit']));
    const own = "const limits = require('./limits');\nmodule.exports = { ...require('./csrf'), ...limits, gate: (req, res, next) => next() };\n";
    withProject(barrel(own), (lint) => expect(lint('routes/app.js')).toEqual(['6:10 secure-express/require-rate-limit']));
  });

  it('CommonJS: `Object.assign(module.exports, ...)` and `module.exports = Object.assign({}, ...)`', () => {
    const assigned = "Object.assign(module.exports, require('./csrf'), require('./limits'));\n";
    withProject(barrel(assigned), (lint) => expect(lint('routes/app.js')).toEqual([]));
    withProject(barrel(assigned, PLAIN_CSRF, PLAIN_LIMITS), (lint) => expect(lint('routes/app.js')).toEqual(BOTH));
    const made = "const csrf = require('./csrf');\nmodule.exports = Object.assign({}, csrf, require('./limits'));\n";
    withProject(barrel(made), (lint) => expect(lint('routes/app.js')).toEqual([]));
    withProject(barrel(made, PLAIN_CSRF, PLAIN_LIMITS), (lint) => expect(lint('routes/app.js')).toEqual(BOTH));
  });

  it('ES modules: `export default { ...csrf, ...limits }` of namespace imports and of module objects', () => {
    const esmCsrf = "import csrf from 'csurf';\nexport const formGuard = csrf({ cookie: true });\n";
    const esmLimits = "import rateLimit from 'express-rate-limit';\nexport const gate = rateLimit({ windowMs: 60000, limit: 5 });\n";
    const esmRoutes = (take: string): string =>
      ROUTES(take).replace("const express = require('express');\nconst cookieParser = require('cookie-parser');", "import express from 'express';\nimport cookieParser from 'cookie-parser';");
    const BOTH_ESM = ['6:10 secure-express/require-csrf-protection', '6:10 secure-express/require-rate-limit'];
    const layouts: [string, Record<string, string>][] = [
      // `import * as` of ESM modules
      ["import * as csrf from './csrf.js';\nimport * as limits from './limits.js';\nexport default { ...csrf, ...limits };\n", {}],
      // a `const` holding the object, with a key of its own
      ["import * as csrf from './csrf.js';\nimport * as limits from './limits.js';\nconst all = { ...csrf, ...limits, version: 2 };\nexport default all;\n", {}],
      // the default import of a CommonJS module (its `module.exports` object) and of an ESM default object
      ["import csrf from './csrf.cjs';\nimport limits from './limits.js';\nexport default { ...csrf, ...limits };\n", { 'middleware/csrf.cjs': CSRF, 'middleware/limits.js': "import rateLimit from 'express-rate-limit';\nexport default { gate: rateLimit({ windowMs: 60000, limit: 5 }) };\n" }],
    ];
    for (const [index, own] of layouts) {
      const files = { 'package.json': ESM_PACKAGE, 'middleware/csrf.js': esmCsrf, 'middleware/limits.js': esmLimits, ...own, 'middleware/index.js': index };
      // (Read by key from the default import, or by name as the model reads a default object's keys.)
      for (const take of ["import mw from '../middleware/index.js';\nconst { gate, formGuard } = mw;", "import { gate, formGuard } from '../middleware/index.js';"]) {
        const at = take.includes('\n') ? ['7:10 secure-express/require-csrf-protection', '7:10 secure-express/require-rate-limit'] : BOTH_ESM;
        withProject({ ...files, 'routes/app.js': esmRoutes(take) }, (lint) => expect([index, ...lint('routes/app.js')]).toEqual([index]), esmJs);
        const plain = { ...files, 'middleware/csrf.js': 'export const formGuard = (req, res, next) => next();\n', 'middleware/limits.js': 'export const gate = (req, res, next) => next();\n' };
        if (own['middleware/csrf.cjs']) Object.assign(plain, { 'middleware/csrf.cjs': PLAIN_CSRF, 'middleware/limits.js': 'export default { gate: (req, res, next) => next() };\n' });
        withProject({ ...plain, 'routes/app.js': esmRoutes(take) }, (lint) => expect([index, ...lint('routes/app.js')]).toEqual([index, ...at]), esmJs);
      }
    }
  });

  it('TypeScript: `export = { ...csrf, ...limits }` of `import x = require()`, and `export default { ...csrf }`', () => {
    const tsCsrf = "import csrf = require('csurf');\nexport = { formGuard: csrf({ cookie: true }) };\n";
    const tsLimits = "import rateLimit from 'express-rate-limit';\nexport const gate = rateLimit({ windowMs: 60000, limit: 5 });\n";
    const tsRoutes = (take: string): string =>
      ROUTES(take).replace("const express = require('express');\nconst cookieParser = require('cookie-parser');", "import express from 'express';\nimport cookieParser from 'cookie-parser';");
    const indexes = [
      "import csrf = require('./csrf');\nimport limits = require('./limits');\nexport = { ...csrf, ...limits };\n",
      "import * as csrf from './csrf';\nimport * as limits from './limits';\nexport default { ...csrf, ...limits };\n",
    ];
    for (const index of indexes) {
      const take = index.startsWith('import csrf =') ? "import mw = require('../middleware');\nconst { gate, formGuard } = mw;" : "import mw from '../middleware';\nconst { gate, formGuard } = mw;";
      const files = { 'package.json': PACKAGE.replace('"app.js"', '"routes/app.ts"'), 'middleware/csrf.ts': tsCsrf, 'middleware/limits.ts': tsLimits, 'middleware/index.ts': index, 'routes/app.ts': tsRoutes(take) };
      withProject(files, (lint) => expect([index, ...lint('routes/app.ts')]).toEqual([index]), ts);
      const plain = {
        ...files,
        'middleware/csrf.ts': "import { RequestHandler } from 'express';\nconst formGuard: RequestHandler = (req, res, next) => next();\nexport = { formGuard };\n",
        'middleware/limits.ts': "import { RequestHandler } from 'express';\nexport const gate: RequestHandler = (req, res, next) => next();\n",
      };
      withProject(plain, (lint) => expect([index, ...lint('routes/app.ts')]).toEqual([index, '7:10 secure-express/require-csrf-protection', '7:10 secure-express/require-rate-limit']), ts);
    }
  });

  it('ES modules and TypeScript import from a CommonJS barrel that spreads', () => {
    const index = "module.exports = { ...require('./csrf'), ...require('./limits') };\n";
    const mjs = ROUTES("import { gate, formGuard } from '../middleware/index.js';")
      .replace("const express = require('express');\nconst cookieParser = require('cookie-parser');", "import express from 'express';\nimport cookieParser from 'cookie-parser';");
    const files = { ...barrel(index), 'routes/app.mjs': mjs };
    withProject(files, (lint) => expect(lint('routes/app.mjs')).toEqual([]), esm);
    withProject({ ...files, 'middleware/csrf.js': PLAIN_CSRF, 'middleware/limits.js': PLAIN_LIMITS }, (lint) => expect(lint('routes/app.mjs')).toEqual(BOTH), esm);
    const typed = { ...barrel(index), 'routes/app.ts': mjs.replace('../middleware/index.js', '../middleware') };
    withProject(typed, (lint) => expect(lint('routes/app.ts')).toEqual([]), ts);
    withProject({ ...typed, 'middleware/csrf.js': PLAIN_CSRF, 'middleware/limits.js': PLAIN_LIMITS }, (lint) => expect(lint('routes/app.ts')).toEqual(BOTH), ts);
  });
});
