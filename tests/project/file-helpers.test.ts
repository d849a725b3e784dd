// Session 16: a helper of another module of the package that opens a path it is given with an `fs` function
// (`exports.readUpload = (name) => fs.readFileSync(path.join(UPLOADS, name))`), or that it reads itself from the
// request it is given (`(req) => fs.readFileSync(path.join(UPLOADS, req.params.file))`), is reported by
// no-path-traversal at the caller that passes request data, naming the helper, its file and line; a helper that
// checks the path (an allow list, `startsWith` after `path.resolve`, also held in a local) or keeps only its base name
// gives nothing, as inline.
import type { Linter } from 'eslint';

import { esm, ts, withProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.message}`;
const PACKAGE = (name: string, type = ''): string => `{ "name": "${name}",${type} "dependencies": { "express": "^4.21.0" } }`;
const ROOT_ADVICE = "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename).";
const PATH_ADVICE = 'Keep only the file name (path.basename) or check the resolved path.';
const opens = (method: string, source: string): string =>
  `'${method}' opens a path taken from the request (${source}): '../' in it reaches any file the process can read. ${PATH_ADVICE}`;
const serves = (method: string, source: string): string =>
  `'${method}' opens a path taken from the request (${source}) with no root option: '../' in it reaches any file the process can read. ${ROOT_ADVICE}`;

describe('no-path-traversal through an fs helper of another module', () => {
  it('CommonJS: the parameter and the request it reads; not a constant, not a base name, not after a check', () => {
    const files = {
      'package.json': PACKAGE('file-helpers'),
      'lib/files.js': [
        "'use strict';",
        "const fs = require('fs');",
        "const path = require('path');",
        "const UPLOADS = path.join(__dirname, 'uploads');",
        "const ALLOWED = ['a.txt', 'b.txt'];",
        "exports.readUpload = (name) => fs.readFileSync(path.join(UPLOADS, name), 'utf8');",
        'exports.streamUpload = (name) => {',
        '  const full = path.resolve(UPLOADS, name);',
        '  return fs.createReadStream(full);',
        '};',
        'exports.readBase = (name) => fs.readFileSync(path.join(UPLOADS, path.basename(name)));',
        'exports.readChecked = (name) => {',
        '  const full = path.resolve(UPLOADS, name);',
        "  if (!full.startsWith(UPLOADS + path.sep)) throw new Error('outside');",
        '  return fs.createReadStream(full);',
        '};',
        'exports.readListed = (name) => {',
        '  const ok = ALLOWED.includes(name);',
        '  if (!ok) return null;',
        '  return fs.promises.readFile(path.join(UPLOADS, name));',
        '};',
        'exports.readPromise = async (name) => fs.promises.readFile(`${UPLOADS}/${name}`);',
        'exports.copyTo = (from, to) => fs.copyFileSync(from, path.join(UPLOADS, to));',
        'exports.fromRequest = (req, encoding) => fs.readFileSync(path.join(UPLOADS, req.params.file), encoding);',
        'exports.fromRequestListed = (req) => {',
        '  const file = req.params.file;',
        '  if (!ALLOWED.includes(file)) return null;',
        '  return fs.readFileSync(path.join(UPLOADS, file));',
        '};',
        'exports.serve = (res, name) => res.sendFile(path.join(UPLOADS, name));',
        'exports.serveChecked = (res, name) => {',
        '  const full = path.resolve(UPLOADS, name);',
        '  const inside = full.startsWith(UPLOADS + path.sep);',
        '  if (!inside) return res.sendStatus(403);',
        '  res.sendFile(full);',
        '};',
        '',
      ].join('\n'),
      'app.js': [
        "'use strict';",
        "const path = require('path');",
        "const express = require('express');",
        "const files = require('./lib/files');",
        'const app = express();',
        "app.get('/1', (req, res) => res.send(files.readUpload(req.query.name)));",
        "app.get('/2', (req, res) => files.streamUpload(req.query.name).pipe(res));",
        "app.get('/3', (req, res) => res.send(files.readUpload('a.txt')));",
        "app.get('/4', (req, res) => res.send(files.readUpload(path.basename(req.query.name))));",
        "app.get('/5', (req, res) => res.send(files.readBase(req.query.name)));",
        "app.get('/6', (req, res) => files.readChecked(req.query.name).pipe(res));",
        "app.get('/7', async (req, res) => res.send(await files.readListed(req.query.name)));",
        "app.get('/8', async (req, res) => res.send(await files.readPromise(req.query.name)));",
        "app.post('/9', (req, res) => { files.copyTo(req.body.from, req.body.to); res.end(); });",
        "app.get('/10/:file', (req, res) => res.send(files.fromRequest(req, 'utf8')));",
        "app.get('/11/:file', (req, res) => res.send(files.fromRequestListed(req)));",
        "app.get('/12', (req, res) => files.serve(res, req.query.name));",
        "app.get('/13', (req, res) => files.serveChecked(res, req.query.name));",
        "app.get('/14/:file', (req, res) => res.send(files.fromRequest({ params: { file: 'a.txt' } }, 'utf8')));",
        'app.listen(3000);',
        '',
      ].join('\n'),
    };
    withProject('file-helpers', files, (lint) => {
      expect(lint('app.js')).toEqual([
        `6:55 ${opens('fs.readFileSync', "req.query.name, through 'readUpload' (lib/files.js:6)")}`,
        `7:48 ${opens('fs.createReadStream', "req.query.name, through 'streamUpload' (lib/files.js:9)")}`,
        `13:68 ${opens('fs.readFile', "req.query.name, through 'readPromise' (lib/files.js:22)")}`,
        `14:45 ${opens('fs.copyFileSync', "req.body.from, through 'copyTo' (lib/files.js:23)")}`,
        `14:60 ${opens('fs.copyFileSync', "req.body.to, through 'copyTo' (lib/files.js:23)")}`,
        `15:45 ${opens('fs.readFileSync', "req.params.file, through 'fromRequest' (lib/files.js:24)")}`,
        `17:47 ${serves('res.sendFile', "req.query.name, through 'serve' (lib/files.js:30)")}`,
      ]);
      // Not a handler there: its callers' finding.
      expect(lint('lib/files.js')).toEqual([]);
    }, { rules: /no-path-traversal/u, format });
  });

  it('ESM and TypeScript: fs/promises and node:fs imported by name, path.join imported by name; a check gives nothing', () => {
    const files = {
      'package.json': PACKAGE('file-helpers-esm', ' "type": "module",'),
      'lib/files.mjs': [
        "import { readFile } from 'fs/promises';",
        "import * as fs from 'node:fs';",
        "import { join } from 'node:path';",
        "const UPLOADS = '/srv/uploads';",
        'export const readUpload = (name) => readFile(join(UPLOADS, name));',
        'export function streamFromRequest(req) {',
        '  return fs.createReadStream(join(UPLOADS, req.query.file));',
        '}',
        "export const streamChecked = (name) => (/^[\\w-]+\\.txt$/.test(name) ? fs.createReadStream(join(UPLOADS, name)) : null);",
        '',
      ].join('\n'),
      'app.mjs': [
        "import express from 'express';",
        "import { readUpload, streamFromRequest, streamChecked } from './lib/files.mjs';",
        'const app = express();',
        "app.get('/a', async (req, res) => res.send(await readUpload(req.query.name)));",
        "app.get('/b', (req, res) => streamFromRequest(req).pipe(res));",
        "app.get('/c', (req, res) => streamChecked(req.query.name).pipe(res));",
        "app.get('/d', async (req, res) => res.send(await readUpload('a.txt')));",
        '',
      ].join('\n'),
      'src/files.ts': [
        "import fs from 'fs';",
        "import path from 'path';",
        "const UPLOADS = path.join(__dirname, 'uploads');",
        'export function readUpload(name: string): string {',
        "  return fs.readFileSync(path.join(UPLOADS, name), 'utf8');",
        '}',
        'export function readBase(name: string): string {',
        "  return fs.readFileSync(path.join(UPLOADS, path.basename(name)), 'utf8');",
        '}',
        'interface Incoming { params: Record<string, string> }',
        'export function fromParams({ params }: Incoming, encoding: BufferEncoding): string {',
        '  return fs.readFileSync(path.join(UPLOADS, params.file), encoding);',
        '}',
        '',
      ].join('\n'),
      'src/app.ts': [
        "import express from 'express';",
        "import { readUpload, readBase, fromParams } from './files';",
        'const app = express();',
        "app.get('/a', (req, res) => res.send(readUpload(String(req.query.name))));",
        "app.get('/b', (req, res) => res.send(readBase(String(req.query.name))));",
        "app.get('/c/:file', (req, res) => res.send(fromParams(req, 'utf8')));",
        "app.get('/d', (req, res) => res.send(readUpload('a.txt')));",
        '',
      ].join('\n'),
    };
    withProject('file-helpers-esm', files, (lint) => {
      expect(lint('app.mjs')).toEqual([
        `4:61 ${opens('fs.promises.readFile', "req.query.name, through 'readUpload' (lib/files.mjs:5)")}`,
        `5:29 ${opens('fs.createReadStream', "req.query.file, through 'streamFromRequest' (lib/files.mjs:7)")}`,
      ]);
      expect(lint('src/app.ts')).toEqual([
        `4:49 ${opens('fs.readFileSync', "req.query.name, through 'readUpload' (src/files.ts:5)")}`,
        `6:44 ${opens('fs.readFileSync', "params.file, through 'fromParams' (src/files.ts:12)")}`,
      ]);
    }, { rules: /no-path-traversal/u, format, config: [...esm, ...ts] });
  });
});

// Session 25: res.sendFile answers 403 to a path with a '..' segment (send 0.19 / 1.x), so a helper of another module
// that puts the name it is given after a folder as text (`exports.sendDoc = (res, name) => res.sendFile(`${DIR}/${name}`)`)
// lets no request data leave the folder, as the same line inline does; a helper that builds the path with
// path.join/resolve, or sends what it is given as the path's start (an absolute path the client writes), still does.
describe("no-path-traversal through a res.sendFile helper of another module: '..' segments are refused", () => {
  const HELPERS = [
    'exports.sendDoc = (res, name) => res.sendFile(`${DIR}/${name}`);',
    "exports.sendPlus = (res, name) => res.sendFile(DIR + '/' + name + '.html');",
    'exports.sendJoined = (res, name) => res.sendFile(path.join(DIR, name));',
    'exports.sendResolved = (res, name) => { const full = path.resolve(DIR, name); return res.sendFile(full); };',
    'exports.sendWhole = (res, name) => res.sendFile(name);',
    'exports.sendLeading = (res, name) => res.sendFile(`${name}/index.html`);',
    'exports.serveIn = (req, res, dir) => res.sendFile(`${dir}/${req.params.name}`);',
    'exports.serveJoinedIn = (req, res, dir) => res.sendFile(path.join(dir, req.params.name));',
  ];
  const ROUTES = [
    "app.get('/a/:name', (req, res) => docs.sendDoc(res, req.params.name));",
    "app.get('/b/:name', (req, res) => docs.sendPlus(res, req.params.name));",
    "app.get('/c/:name', (req, res) => docs.sendJoined(res, req.params.name));",
    "app.get('/d/:name', (req, res) => docs.sendResolved(res, req.params.name));",
    "app.get('/e/:name', (req, res) => docs.sendWhole(res, req.params.name));",
    "app.get('/f/:name', (req, res) => docs.sendLeading(res, req.params.name));",
    "app.get('/g/:name', (req, res) => docs.sendWhole(res, `${DIR}/${req.params.name}`));",
    "app.get('/h/:name', (req, res) => docs.serveIn(req, res, DIR));",
    "app.get('/i/:name', (req, res) => docs.serveJoinedIn(req, res, DIR));",
  ];
  /** The findings at the routes, numbered from the first route's line `first`. */
  const expected = (file: string, first: number): string[] => [
    `${first + 2}:56 ${serves('res.sendFile', `req.params.name, through 'sendJoined' (${file}:6)`)}`,
    `${first + 3}:58 ${serves('res.sendFile', `req.params.name, through 'sendResolved' (${file}:7)`)}`,
    `${first + 4}:55 ${serves('res.sendFile', `req.params.name, through 'sendWhole' (${file}:8)`)}`,
    `${first + 5}:57 ${serves('res.sendFile', `req.params.name, through 'sendLeading' (${file}:9)`)}`,
    `${first + 8}:35 ${serves('res.sendFile', `req.params.name, through 'serveJoinedIn' (${file}:11)`)}`,
  ];

  it('CommonJS: a name put after a folder as text is quiet; path.join/resolve and a path sent as the client writes it are reported', () => {
    const files = {
      'package.json': PACKAGE('send-helpers'),
      'lib/docs.js': ["'use strict';", "const path = require('path');", "const DIR = path.join(__dirname, 'docs');", ...HELPERS, ''].join('\n'),
      'app.js': [
        "const express = require('express');",
        "const path = require('path');",
        "const docs = require('./lib/docs');",
        "const DIR = path.join(__dirname, 'docs');",
        'const app = express();',
        ...ROUTES,
        'module.exports = app;',
        '',
      ].join('\n'),
    };
    withProject('send-helpers', files, (lint) => {
      expect(lint('app.js')).toEqual(expected('lib/docs.js', 6));
    }, { rules: /no-path-traversal/u, format });
  });

  it('ES modules and TypeScript: the same', () => {
    const esmHelpers = HELPERS.map((line) => line.replace(/^exports\.(\w+) = /u, 'export const $1 = '));
    const files = {
      'package.json': PACKAGE('send-helpers-esm', ' "type": "module",'),
      'lib/docs.mjs': ["import path from 'node:path';", "const DIR = path.resolve('docs');", '', ...esmHelpers, ''].join('\n'),
      'app.mjs': ["import express from 'express';", "import path from 'node:path';", "import * as docs from './lib/docs.mjs';", "const DIR = path.resolve('docs');", 'const app = express();', ...ROUTES, 'export default app;', ''].join('\n'),
      'src/docs.ts': [
        "import path from 'node:path';",
        "import type { Request, Response } from 'express';",
        "const DIR = path.resolve('docs');",
        ...esmHelpers.map((line) => line.replace('(res, name)', '(res: Response, name: string)').replace('(req, res, dir)', '(req: Request, res: Response, dir: string)')),
        '',
      ].join('\n'),
      'src/app.ts': ["import express from 'express';", "import path from 'node:path';", "import * as docs from './docs';", "const DIR = path.resolve('docs');", 'const app = express();', ...ROUTES, 'export default app;', ''].join('\n'),
    };
    withProject('send-helpers-esm', files, (lint) => {
      expect(lint('app.mjs')).toEqual(expected('lib/docs.mjs', 6));
      // (Typed with Request, serveIn and serveJoinedIn are handlers in their own file: read, and reported, there.)
      expect(lint('src/app.ts')).toEqual(expected('src/docs.ts', 6).slice(0, -1));
      expect(lint('src/docs.ts')).toEqual([`11:89 ${serves('res.sendFile', 'req.params.name')}`]);
    }, { rules: /no-path-traversal/u, format, config: [...esm, ...ts] });
  });
});
