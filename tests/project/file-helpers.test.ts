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
