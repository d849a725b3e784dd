// What a helper of another file returns is read (its file parsed, its summary computed) only when the call gives it
// something to return: a call with no argument passes neither the request nor a parameter on, so the helper's file
// is not parsed for it (nest-server: `this.healthCheckService.healthCheck()`, `this.errorCodeService.getErrorCodes()`,
// each a parse of a service file the lint reaches later). The same findings either way; a call with an argument still
// reads the helper (and reports what it returns).
import path from 'node:path';

import { parseCounts } from '../../src/project';
import { cjs, esm, ts, withProject } from './fixture-project';

const parsedIn = (dir: string): string[] => [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/'));

const XSS = /no-reflected-xss/u;

const PACKAGE = (type: string): string => `{ "name": "returned-gate", ${type}"dependencies": { "express": "^4.21.0" } }`;

// `page` returns the text it is given in HTML: the finding needs the argument (`page(req.query.name)`).
const STYLES = {
  ts: {
    config: ts,
    routes: 'routes.ts',
    view: 'view.ts',
    pkg: PACKAGE(''),
    files: (call: string): Record<string, string> => ({
      'routes.ts':
        "import express from 'express';\nimport type { Request, Response } from 'express';\nimport { page } from './view';\n\n" +
        `export const router = express.Router();\nrouter.get('/page', (req: Request, res: Response) => {\n  res.send(${call});\n});\n`,
      'view.ts': "export function page(name?: string): string {\n  return '<p>Hello ' + name + '</p>';\n}\n",
    }),
  },
  cjs: {
    config: cjs,
    routes: 'routes.js',
    view: 'view.js',
    pkg: PACKAGE(''),
    files: (call: string): Record<string, string> => ({
      'routes.js':
        "const express = require('express');\nconst { page } = require('./view');\n\n" +
        `const router = express.Router();\nrouter.get('/page', (req, res) => {\n  res.send(${call});\n});\nmodule.exports = router;\n`,
      'view.js': "exports.page = (name) => '<p>Hello ' + name + '</p>';\n",
    }),
  },
  esm: {
    config: esm,
    routes: 'routes.mjs',
    view: 'view.mjs',
    pkg: PACKAGE('"type": "module", '),
    files: (call: string): Record<string, string> => ({
      'routes.mjs':
        "import express from 'express';\nimport { page } from './view.mjs';\n\n" +
        `export const router = express.Router();\nrouter.get('/page', (req, res) => {\n  res.send(${call});\n});\n`,
      'view.mjs': "export function page(name) {\n  return '<p>Hello ' + name + '</p>';\n}\n",
    }),
  },
};

describe('a call of a helper of another file with no argument: the helper file is not parsed for what it returns', () => {
  for (const [style, { config, routes, view, pkg, files }] of Object.entries(STYLES)) {
    it(`${style}: \`res.send(page())\`: nothing reported, ${view} not parsed`, () => {
      withProject(
        `returned-gate-${style}`,
        { 'package.json': pkg, ...files('page()') },
        (lint, dir) => {
          expect(lint(routes)).toEqual([]);
          expect(parsedIn(dir)).not.toContain(view);
        },
        { config, rules: XSS },
      );
    });

    it(`${style}: \`res.send(page(req.query.name))\`: reported through the helper, ${view} parsed`, () => {
      withProject(
        `returned-gate-${style}`,
        { 'package.json': pkg, ...files('page(req.query.name)') },
        (lint, dir) => {
          expect(lint(routes)).toEqual([expect.stringMatching(/^\d+:\d+ secure-express\/no-reflected-xss$/u)]);
          expect(parsedIn(dir)).toContain(view);
        },
        { config, rules: XSS },
      );
    });
  }
});
