// A middleware function written in app.js that reads the session (`app.use((req, res, next) => { res.locals.user =
// req.session.user; next(); })`) runs before the routes of a router of another file that app.js mounts after it: those
// routes trust what the session cookie carries, as the same routes written in app.js do. require-csrf-protection read
// such a function with the linted file's request roles, where its `req` is no request, and missed the route (a miss
// under `recommended`, session 15's left item). CommonJS, ES modules and TypeScript, both ways.
import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

import plugin from '../../src/index';
import { withProject } from './fixture-project';

const recommended = (files: string, sourceType: 'commonjs' | 'module', ts = false): Linter.Config[] =>
  [...plugin.configs.recommended, { files: [files], languageOptions: { sourceType, ...(ts ? { parser: tsParser as Linter.Parser } : {}) } }] as Linter.Config[];

const RULES = /require-csrf-protection/u;
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.message}`;
const PACKAGE = (type = ''): string =>
  `{ "name": "chain-functions-elsewhere",${type} "dependencies": { "express": "^4.21.2", "express-session": "^1.18.1", "helmet": "^8.0.0" } }`;
const csrf = (at: string, path: string, app: string): string =>
  `${at} Route 'POST ${path}' on '${app}' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.`;

/** What the middleware of app.js does with the request: reads the session, or not. */
const READS = 'res.locals.user = req.session.user;';
const IGNORES = "res.locals.started = Date.now();";

function lint(files: Record<string, string>, name: string, config: Linter.Config[]): string[] {
  let found: string[] = [];
  withProject('chain-functions-elsewhere', files, (l) => (found = l(name)), { config, rules: RULES, format });
  return found;
}

describe('require-csrf-protection: a middleware function of the file that mounts the router', () => {
  const cjs = (body: string): Record<string, string> => ({
    'package.json': PACKAGE(),
    'app.js':
      "'use strict';\nconst express = require('express');\nconst session = require('express-session');\nconst helmet = require('helmet');\nconst app = express();\n" +
      "app.disable('x-powered-by');\napp.use(helmet());\napp.use(session({ name: 'sid', secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));\n" +
      `app.use(function loadUser(req, res, next) { ${body} next(); });\napp.use('/posts', require('./routes/posts'));\napp.listen(3000);\n`,
    'routes/posts.js':
      "'use strict';\nconst router = require('express').Router();\n\nrouter.post('/', (req, res) => { res.status(201).json({ title: String(req.body.title) }); });\n\nmodule.exports = router;\n",
  });
  const CJS = recommended('**/*.js', 'commonjs');

  it('CommonJS: a session-reading middleware of app.js makes the router route trust the session', () => {
    expect(lint(cjs(READS), 'routes/posts.js', CJS)).toEqual([csrf('4:13', '/posts', 'router (mounted in app.js:10)')]);
  });

  it('CommonJS: one that reads no session does not', () => {
    expect(lint(cjs(IGNORES), 'routes/posts.js', CJS)).toEqual([]);
  });

  const esm = (body: string): Record<string, string> => ({
    'package.json': PACKAGE(' "type": "module",'),
    'app.mjs':
      "import express from 'express';\nimport session from 'express-session';\nimport helmet from 'helmet';\nimport posts from './routes/posts.mjs';\nconst app = express();\n" +
      "app.disable('x-powered-by');\napp.use(helmet());\napp.use(session({ name: 'sid', secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));\n" +
      `app.use((req, res, next) => { ${body} next(); });\napp.use('/posts', posts);\napp.listen(3000);\n`,
    'routes/posts.mjs':
      "import { Router } from 'express';\nconst router = Router();\n\nrouter.post('/', (req, res) => { res.status(201).json({ title: String(req.body.title) }); });\n\nexport default router;\n",
  });
  const ESM = recommended('**/*.mjs', 'module');

  it('ES modules: the same, both ways', () => {
    expect(lint(esm(READS), 'routes/posts.mjs', ESM)).toEqual([csrf('4:13', '/posts', 'router (mounted in app.mjs:10)')]);
    expect(lint(esm(IGNORES), 'routes/posts.mjs', ESM)).toEqual([]);
  });

  const ts = (body: string): Record<string, string> => ({
    'package.json': PACKAGE(),
    'src/app.ts':
      "import express, { type NextFunction, type Request, type Response } from 'express';\nimport session from 'express-session';\nimport helmet from 'helmet';\nimport posts from './routes/posts.js';\nconst app = express();\n" +
      "app.disable('x-powered-by');\napp.use(helmet());\napp.use(session({ name: 'sid', secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));\n" +
      `app.use((req: Request, res: Response, next: NextFunction) => { ${body.replace('req.session.user', '(req.session as { user?: string }).user')} next(); });\napp.use('/posts', posts);\napp.listen(3000);\n`,
    'src/routes/posts.ts':
      "import { Router, type Request, type Response } from 'express';\nconst router = Router();\n\nrouter.post('/', (req: Request, res: Response) => { res.status(201).json({ title: String(req.body.title) }); });\n\nexport default router;\n",
  });
  const TS = recommended('**/*.ts', 'module', true);

  it('TypeScript: the same, both ways', () => {
    expect(lint(ts(READS), 'src/routes/posts.ts', TS)).toEqual([csrf('4:13', '/posts', 'router (mounted in src/app.ts:10)')]);
    expect(lint(ts(IGNORES), 'src/routes/posts.ts', TS)).toEqual([]);
  });

  it('the same route written in app.js is reported (the single-file reading this matches)', () => {
    const files = cjs(READS);
    files['app.js'] = files['app.js']!.replace(
      "app.use('/posts', require('./routes/posts'));",
      "app.post('/posts', (req, res) => { res.status(201).json({ title: String(req.body.title) }); });",
    );
    expect(lint(files, 'app.js', CJS)).toEqual([csrf('10:10', '/posts', 'app')]);
  });
});
