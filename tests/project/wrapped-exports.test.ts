// A function another file exports wrapped (`module.exports = { addSecurityHeaders: catchAsync(function (req, res,
// next) ...) }`) is read through the wrapper with that file's own model, which sees the wrapper's import
// (src/project, `wrappedExport`). That model is built only when the export is, by its syntax, a call of a function of
// the file: not for the router a factory returns (`module.exports = (db) => { const router = express.Router(); ...
// return router; }`, json-server's layout), which no wrapper made. Tested both ways, with the same findings.
import path from 'node:path';

import type { Linter } from 'eslint';

import { usesBuildCounts } from '../../src/project';
import { cjs, esm, ts, withProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.message}`;
const builtIn = (dir: string): string[] =>
  [...usesBuildCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/'));

const PACKAGE = '{ "name": "wrapped-exports", "main": "app.js", "dependencies": { "express": "^4.21.2" } }';
const SOME = (setBy: string, set: string, lacking: string): string =>
  `Express app 'app' mounts no helmet(): ${setBy} sets ${set}, but its responses lack ${lacking}.`;
const TWO = SOME("'addSecurityHeaders'", 'Content-Security-Policy and X-Content-Type-Options', 'Referrer-Policy, Strict-Transport-Security and X-Frame-Options');
const MISSING = "Express app 'app' mounts no helmet(): its responses lack Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and the other protective headers.";

/** A header middleware writing CSP and nosniff (`params`: its parameters, typed in TypeScript). */
const headers = (params = 'req, res, next'): string =>
  `function addSecurityHeaders(${params}) {\n  res.setHeader('Content-Security-Policy', "default-src 'none'");\n  res.setHeader('X-Content-Type-Options', 'nosniff');\n  next();\n}`;
const WRAPPER = 'module.exports = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);\n';
/** The same shape, but it calls its parameter with no request: it wraps no handler. */
const NOT_A_WRAPPER = 'module.exports = (fn) => { const made = fn(); return (req, res, next) => next(made); };\n';

const cjsApp = (use: string): string =>
  `const express = require('express');\nconst { addSecurityHeaders } = require('./middleware/headers');\n\nconst app = express();\napp.disable('x-powered-by');\n${use}\napp.get('/', (req, res) => res.send('hi'));\napp.listen(3000);\n`;

function lintWith(files: Record<string, string>, name: string, config: Linter.Config[], check: (found: string[], built: string[]) => void): void {
  withProject('wrapped-exports', files, (lint, dir) => check(lint(name), builtIn(dir)), { config, rules: /require-helmet/u, format });
}

describe('require-helmet: a header middleware another file exports wrapped', () => {
  it('CommonJS: counted through a wrapper of the package (its file model built); not through a call that wraps nothing', () => {
    const wrapped = {
      'package.json': PACKAGE,
      'app.js': cjsApp('app.use(addSecurityHeaders);'),
      'middleware/catch.js': WRAPPER,
      'middleware/headers.js': `const wrap = require('./catch');\n\n${headers()}\nmodule.exports = { addSecurityHeaders: wrap(addSecurityHeaders) };\n`,
    };
    lintWith(wrapped, 'app.js', cjs, (found, built) => {
      expect(found).toEqual([`4:13 ${TWO}`]);
      expect(built).toContain('middleware/headers.js');
    });
    // A `const` holding the wrapped function, exported under its name.
    const held = { ...wrapped, 'middleware/headers.js': `const wrap = require('./catch');\n\nconst addSecurityHeaders = wrap(${headers()});\nmodule.exports = { addSecurityHeaders };\n` };
    lintWith(held, 'app.js', cjs, (found, built) => {
      expect(found).toEqual([`4:13 ${TWO}`]);
      expect(built).toContain('middleware/headers.js');
    });
    // The same call with a wrapper that runs the function with no request: the middleware is unknown, no header counted.
    lintWith({ ...wrapped, 'middleware/catch.js': NOT_A_WRAPPER }, 'app.js', cjs, (found, built) => {
      expect(found).toEqual([`4:13 ${MISSING}`]);
      expect(built).toContain('middleware/headers.js');
    });
  });

  it("CommonJS: a factory's returned router, and a call given no function of its file: that file's model is not built", () => {
    // json-server's layout: `const router = server.router(db); app.use(router)` through the package's barrel (which
    // also makes apps), the factory returning `express.Router()`.
    const factory = {
      'package.json': PACKAGE,
      'app.js': cjsApp("const server = require('./server');\nconst router = server.router({});\napp.use(addSecurityHeaders);\napp.use(router);"),
      'middleware/headers.js': `${headers()}\nmodule.exports = { addSecurityHeaders };\n`,
      'server/index.js': "const express = require('express');\n\nmodule.exports = { create: () => express(), router: require('./router') };\n",
      'server/router.js':
        "const express = require('express');\n\nmodule.exports = (db) => {\n  const router = express.Router();\n  router.get('/items', (req, res) => res.json(db));\n  return router;\n};\n",
    };
    lintWith(factory, 'app.js', cjs, (found, built) => {
      expect(found).toEqual([`4:13 ${TWO}`]);
      expect(built).not.toContain('server/router.js');
    });
    // A wrapper's call given an object of its file (`wrap(options)`), the export a `const` holding it: runs no function
    // of the file, whatever `wrap` is.
    const options = {
      'package.json': PACKAGE,
      'app.js': cjsApp('app.use(addSecurityHeaders);'),
      'middleware/catch.js': WRAPPER,
      'middleware/headers.js': "const wrap = require('./catch');\n\nconst options = { strict: true };\nconst addSecurityHeaders = wrap(options);\nmodule.exports = { addSecurityHeaders };\n",
    };
    lintWith(options, 'app.js', cjs, (found, built) => {
      expect(found).toEqual([`4:13 ${MISSING}`]);
      expect(built).not.toContain('middleware/headers.js');
    });
  });

  it('ES modules and TypeScript: the same both ways', () => {
    const esmPackage = PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"');
    const esmApp = "import express from 'express';\nimport { addSecurityHeaders } from './headers.mjs';\n\nconst app = express();\napp.disable('x-powered-by');\napp.use(addSecurityHeaders);\napp.get('/', (req, res) => res.send('hi'));\napp.listen(3000);\n";
    const esmWrapper = 'export default (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);\n';
    const esmFiles = (exported: string): Record<string, string> => ({ 'package.json': esmPackage, 'app.mjs': esmApp, 'catch.mjs': esmWrapper, 'headers.mjs': `import wrap from './catch.mjs';\n\n${exported}` });
    lintWith(esmFiles(`export const addSecurityHeaders = wrap(${headers()});\n`), 'app.mjs', esm, (found, built) => {
      expect(found).toEqual([`4:13 ${TWO}`]);
      expect(built).toContain('headers.mjs');
    });
    lintWith(esmFiles('const options = { strict: true };\nexport const addSecurityHeaders = wrap(options);\n'), 'app.mjs', esm, (found, built) => {
      expect(found).toEqual([`4:13 ${MISSING}`]);
      expect(built).not.toContain('headers.mjs');
    });
    const tsPackage = PACKAGE.replace('"main": "app.js"', '"main": "app.ts"');
    const tsApp = esmApp.replace("'./headers.mjs'", "'./headers'");
    const tsWrapper = "import type { Request, Response, NextFunction } from 'express';\n\nexport default (fn: Function) => (req: Request, res: Response, next: NextFunction) => Promise.resolve(fn(req, res, next)).catch(next);\n";
    const tsFiles = (exported: string): Record<string, string> => ({
      'package.json': tsPackage,
      'app.ts': tsApp,
      'catch.ts': tsWrapper,
      'headers.ts': `import type { Request, Response, NextFunction } from 'express';\nimport wrap from './catch';\n\n${exported}`,
    });
    lintWith(tsFiles(`export const addSecurityHeaders = wrap(${headers('req: Request, res: Response, next: NextFunction')});\n`), 'app.ts', ts, (found, built) => {
      expect(found).toEqual([`4:13 ${TWO}`]);
      expect(built).toContain('headers.ts');
    });
    lintWith(tsFiles('const options = { strict: true };\nexport const addSecurityHeaders = wrap(options);\n'), 'app.ts', ts, (found, built) => {
      expect(found).toEqual([`4:13 ${MISSING}`]);
      expect(built).not.toContain('headers.ts');
    });
  });
});
