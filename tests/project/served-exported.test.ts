// An app that its own file serves (`app.listen(3000)`, `http.createServer(app)`) and exports (`module.exports = app`,
// `export default app`) is a server: an importer would run or test it, and what it added would run after the routes
// the file registers. When no file of the package imports it, or its importers only serve or test it, the app-wide
// rules check it in its file. An exported app its file does not serve, with no importer (Vercel's `export default
// app`, a library), stays unknown.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject as inProject } from './fixture-project';

const RULES = /require-helmet|disable-x-powered-by/u;
const PACKAGE = '{ "name": "served", "main": "app.js", "dependencies": { "express": "^4.21.0", "helmet": "^8.0.0" } }';

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config: Linter.Config[] = cjs): void {
  inProject('served-exported', files, run, { config, rules: RULES, format: (m) => `${m.line}:${m.column} ${m.ruleId!.slice('secure-express/'.length)}` });
}

const BOTH = (at: string): string[] => [`${at} disable-x-powered-by`, `${at} require-helmet`];

const served = (serve: string, exported = 'module.exports = app;'): string =>
  `const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.json({}));\n${serve}\n${exported}\n`;

describe('an app served in its own file and exported', () => {
  it('CommonJS: listen, listen under require.main, http.createServer: checked when no file imports it', () => {
    for (const serve of ['app.listen(3000);', 'if (require.main === module) {\n  app.listen(process.env.PORT || 3000);\n}', "require('http').createServer(app).listen(3000);"]) {
      withProject({ 'package.json': PACKAGE, 'app.js': served(serve) }, (lint) => expect(lint('app.js')).toEqual(BOTH('2:13')));
    }
  });

  it('hardened, it is not reported', () => {
    const app = served('app.listen(3000);').replace("const app = express();\n", "const app = express();\napp.use(require('helmet')());\n");
    withProject({ 'package.json': PACKAGE, 'app.js': app }, (lint) => expect(lint('app.js')).toEqual([]));
  });

  it('an importer that only tests it (supertest) changes nothing; one that hands it to another package leaves it unknown', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'app.js': served('app.listen(3000);'),
      'test/app.test.js': "const request = require('supertest');\nconst app = require('../app');\n\nit('works', async () => {\n  await request(app).get('/').expect(200);\n});\n",
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual(BOTH('2:13')));
    files['test/app.test.js'] = "const app = require('../app');\nrequire('some-host')(app);\n";
    withProject(files, (lint) => expect(lint('app.js')).toEqual([]));
  });

  it('not served in its file and imported by no file (a library, a platform): unknown', () => {
    withProject({ 'package.json': PACKAGE, 'app.js': served('') }, (lint) => expect(lint('app.js')).toEqual([]));
    // Served, but also handed to a function the file does not show: unknown.
    withProject({ 'package.json': PACKAGE, 'app.js': served("app.listen(3000);\nrequire('some-host')(app);") }, (lint) => expect(lint('app.js')).toEqual([]));
  });

  it('with the whole-app model off, an exported app stays unknown', () => {
    const config = [...cjs, { settings: { 'secure-express': { crossFile: false } } }];
    withProject({ 'package.json': PACKAGE, 'app.js': served('app.listen(3000);') }, (lint) => expect(lint('app.js')).toEqual([]), config);
  });

  it('ES modules: export default app and export const app, served in the file; Vercel\'s export default app is not', () => {
    const pkg = PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"');
    const listenDefault = "import express from 'express';\n\nconst app = express();\napp.get('/', (req, res) => res.json({}));\napp.listen(3000);\nexport default app;\n";
    withProject({ 'package.json': pkg, 'app.mjs': listenDefault }, (lint) => expect(lint('app.mjs')).toEqual(BOTH('3:13')), esm);
    const named = "import express from 'express';\n\nexport const app = express();\napp.get('/', (req, res) => res.json({}));\napp.listen(3000);\n";
    withProject({ 'package.json': pkg, 'app.mjs': named }, (lint) => expect(lint('app.mjs')).toEqual(BOTH('3:20')), esm);
    withProject({ 'package.json': pkg, 'app.mjs': listenDefault.replace('app.listen(3000);\n', '') }, (lint) => expect(lint('app.mjs')).toEqual([]), esm);
  });

  it('TypeScript: an exported app served with http.createServer in its file', () => {
    const pkg = PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts"');
    const app =
      "import express, { type Request, type Response } from 'express';\nimport { createServer } from 'node:http';\n\nconst app = express();\napp.get('/', (req: Request, res: Response) => res.json({}));\ncreateServer(app).listen(3000);\nexport default app;\n";
    withProject({ 'package.json': pkg, 'src/app.ts': app }, (lint) => expect(lint('src/app.ts')).toEqual(BOTH('4:13')), ts);
    withProject({ 'package.json': pkg, 'src/app.ts': app.replace('createServer(app).listen(3000);\n', '') }, (lint) => expect(lint('src/app.ts')).toEqual([]), ts);
  });
});
