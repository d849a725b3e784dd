// require-helmet: headers an app writes itself in a middleware function imported from another file of the package
// (`app.use(securityHeaders)` with `securityHeaders` of ./middleware/headers) count as those of a middleware of the
// linted file: the message names the function and the headers still lacking; all five set is no finding.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const PACKAGE = '{ "name": "headers-elsewhere", "main": "app.js", "dependencies": { "express": "^4.21.2" } }';
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.message}`;

function lint(files: Record<string, string>, name: string, config: Linter.Config[] = cjs): string[] {
  let found: string[] = [];
  withProject('headers-elsewhere', { 'package.json': PACKAGE, ...files }, (l) => (found = l(name)), { config, rules: /require-helmet/u, format });
  return found;
}

const SOME = (name: string, setBy: string, set: string, lacking: string): string =>
  `Express app '${name}' mounts no helmet(): ${setBy} ${setBy.includes(' and ') ? 'set' : 'sets'} ${set}, but its responses lack ${lacking}.`;
const MISSING = "Express app 'app' mounts no helmet(): its responses lack Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and the other protective headers.";

/** A middleware that writes CSP and nosniff (thelounge's `addSecurityHeaders`), in a file of its own. */
const TWO_HEADERS = `function addSecurityHeaders(_req, res, next) {\n  res.setHeader('Content-Security-Policy', "default-src 'none'");\n  res.setHeader('X-Content-Type-Options', 'nosniff');\n  next();\n}\n`;
/** The same writing all five attack-stopping headers. */
const ALL_HEADERS = `function addSecurityHeaders(_req, res, next) {\n  res.set({\n    'Content-Security-Policy': "default-src 'self'",\n    'Strict-Transport-Security': 'max-age=31536000',\n    'X-Frame-Options': 'DENY',\n    'X-Content-Type-Options': 'nosniff',\n    'Referrer-Policy': 'no-referrer',\n  });\n  next();\n}\n`;

const CJS_APP = (use: string, imports = "const { addSecurityHeaders } = require('./middleware/headers');"): string =>
  `const express = require('express');\n${imports}\n\nconst app = express();\napp.disable('x-powered-by');\n${use}\napp.get('/', (req, res) => res.send('hi'));\napp.listen(3000);\n`;

describe('require-helmet: headers written by a middleware function of another file', () => {
  it('CommonJS: named and default exports; the message names the function and the headers lacking', () => {
    const two = SOME('app', "'addSecurityHeaders'", 'Content-Security-Policy and X-Content-Type-Options', 'Referrer-Policy, Strict-Transport-Security and X-Frame-Options');
    const named = { 'app.js': CJS_APP('app.use(addSecurityHeaders);'), 'middleware/headers.js': `${TWO_HEADERS}module.exports = { addSecurityHeaders };\n` };
    expect(lint(named, 'app.js')).toEqual([`4:13 ${two}`]);
    // module.exports = function ..., mounted as require(...) itself.
    const whole = { 'app.js': CJS_APP("app.use(require('./middleware/headers'));", ''), 'middleware/headers.js': `module.exports = ${TWO_HEADERS}` };
    expect(lint(whole, 'app.js')).toEqual([`4:13 ${two}`]);
    // Beside a header middleware of the linted file: both are named.
    const both = {
      'app.js': CJS_APP("app.use(addSecurityHeaders);\napp.use((req, res, next) => { res.setHeader('X-Frame-Options', 'DENY'); next(); });"),
      'middleware/headers.js': `${TWO_HEADERS}module.exports = { addSecurityHeaders };\n`,
    };
    expect(lint(both, 'app.js')).toEqual([
      `4:13 ${SOME('app', "'addSecurityHeaders' and a middleware function", 'Content-Security-Policy, X-Content-Type-Options and X-Frame-Options', 'Referrer-Policy and Strict-Transport-Security')}`,
    ]);
  });

  it('not reported when the imported middleware writes all five; other headers, or headers on no response, count for nothing', () => {
    expect(lint({ 'app.js': CJS_APP('app.use(addSecurityHeaders);'), 'middleware/headers.js': `${ALL_HEADERS}module.exports = { addSecurityHeaders };\n` }, 'app.js')).toEqual([]);
    const other = `function addSecurityHeaders(req, res, next) {\n  res.setHeader('X-Request-Id', '1');\n  req.headers['x-frame-options'] = 'DENY';\n  next();\n}\nmodule.exports = { addSecurityHeaders };\n`;
    expect(lint({ 'app.js': CJS_APP('app.use(addSecurityHeaders);'), 'middleware/headers.js': other }, 'app.js')).toEqual([`4:13 ${MISSING}`]);
  });

  it('ES modules and TypeScript: the same both ways', () => {
    const esmPackage = PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"');
    const esmApp = "import express from 'express';\nimport { addSecurityHeaders } from './middleware/headers.mjs';\n\nconst app = express();\napp.disable('x-powered-by');\napp.use(addSecurityHeaders);\napp.get('/', (req, res) => res.send('hi'));\napp.listen(3000);\n";
    const two = SOME('app', "'addSecurityHeaders'", 'Content-Security-Policy and X-Content-Type-Options', 'Referrer-Policy, Strict-Transport-Security and X-Frame-Options');
    expect(lint({ 'package.json': esmPackage, 'app.mjs': esmApp, 'middleware/headers.mjs': `export ${TWO_HEADERS}` }, 'app.mjs', esm)).toEqual([`4:13 ${two}`]);
    expect(lint({ 'package.json': esmPackage, 'app.mjs': esmApp, 'middleware/headers.mjs': `export ${ALL_HEADERS}` }, 'app.mjs', esm)).toEqual([]);
    const tsPackage = PACKAGE.replace('"main": "app.js"', '"main": "app.ts"');
    const tsApp = "import express from 'express';\nimport addSecurityHeaders from './middleware/headers';\n\nconst app = express();\napp.disable('x-powered-by');\napp.use(addSecurityHeaders);\napp.get('/', (req, res) => res.send('hi'));\napp.listen(3000);\n";
    const typed = (body: string): string =>
      `import type { Request, Response, NextFunction } from 'express';\nexport default ${body.replace('(_req, res, next)', '(_req: Request, res: Response, next: NextFunction)')}`;
    expect(lint({ 'package.json': tsPackage, 'app.ts': tsApp, 'middleware/headers.ts': typed(TWO_HEADERS) }, 'app.ts', ts)).toEqual([`4:13 ${two}`]);
    expect(lint({ 'package.json': tsPackage, 'app.ts': tsApp, 'middleware/headers.ts': typed(ALL_HEADERS) }, 'app.ts', ts)).toEqual([]);
  });
  // The app handed to a module that mounts the header middleware itself (`require('./security')(app)`): the function
  // is read in its own file (before, it was read with app.js's scopes, found no `res`, and the app lacked all five).
  it('a middleware mounted by a module the app is handed to: read in that module (CommonJS, ES modules, TypeScript)', () => {
    const mount = (body: string): string => `module.exports = function security(app) {\n  app.use(${body.trim()});\n};\n`;
    const handed = CJS_APP("require('./security')(app);", '');
    expect(lint({ 'app.js': handed, 'security.js': mount(ALL_HEADERS) }, 'app.js')).toEqual([]);
    const two = SOME('app', "'addSecurityHeaders'", 'Content-Security-Policy and X-Content-Type-Options', 'Referrer-Policy, Strict-Transport-Security and X-Frame-Options');
    expect(lint({ 'app.js': handed, 'security.js': mount(TWO_HEADERS) }, 'app.js')).toEqual([`4:13 ${two}`]);
    const esmPackage = PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"');
    const esmApp = "import express from 'express';\nimport security from './security.mjs';\n\nconst app = express();\napp.disable('x-powered-by');\nsecurity(app);\napp.get('/', (req, res) => res.send('hi'));\napp.listen(3000);\n";
    const esmMount = (body: string): string => `export default function security(app) {\n  app.use(${body.trim()});\n}\n`;
    expect(lint({ 'package.json': esmPackage, 'app.mjs': esmApp, 'security.mjs': esmMount(ALL_HEADERS) }, 'app.mjs', esm)).toEqual([]);
    expect(lint({ 'package.json': esmPackage, 'app.mjs': esmApp, 'security.mjs': esmMount(TWO_HEADERS) }, 'app.mjs', esm)).toEqual([`4:13 ${two}`]);
    const tsPackage = PACKAGE.replace('"main": "app.js"', '"main": "app.ts"');
    const tsApp = esmApp.replace("'./security.mjs'", "'./security'");
    const tsMount = (body: string): string =>
      `import type { Express, Request, Response, NextFunction } from 'express';\nexport default function security(app: Express) {\n  app.use(${body.trim().replace('(_req, res, next)', '(_req: Request, res: Response, next: NextFunction)')});\n}\n`;
    expect(lint({ 'package.json': tsPackage, 'app.ts': tsApp, 'security.ts': tsMount(ALL_HEADERS) }, 'app.ts', ts)).toEqual([]);
    expect(lint({ 'package.json': tsPackage, 'app.ts': tsApp, 'security.ts': tsMount(TWO_HEADERS) }, 'app.ts', ts)).toEqual([`4:13 ${two}`]);
  });
});
