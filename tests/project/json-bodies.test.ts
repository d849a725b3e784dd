// An object or array that `res.send` is given is sent as JSON (Express calls `res.json`): no reflected XSS, in a
// helper of another module of the package too, and after the plugin's own fix of `res.send(status, body)`.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { cjs, esm, ts, withProject } from './fixture-project';

const xss = /no-reflected-xss/u;

describe('JSON bodies (no-reflected-xss)', () => {
  it('an async helper that resolves to an object, awaited, sends JSON; one that resolves to text does not (trial 11)', () => {
    const files = {
      'package.json': '{ "name": "json-async", "dependencies": { "express": "^4.21.0" } }',
      'svc.js': "exports.make = async (data) => ({ id: 1, data });\nexports.rows = async (q) => [{ q }];\nexports.text = async (q) => '<p>' + q + '</p>';\n",
      'app.js': [
        "const express = require('express');",
        "const svc = require('./svc');",
        'const app = express();',
        'const local = async (d) => ({ d });',
        "app.post('/1', async (req, res) => res.send(await svc.make(req.body.x)));",
        "app.post('/2', async (req, res) => res.send(await svc.rows(req.body.q)));",
        "app.post('/3', async (req, res) => res.send(await local(req.body.x)));",
        "app.post('/4', async (req, res) => { const r = await svc.make(req.body.x); res.send(r); });",
        "app.post('/5', async (req, res) => res.send(await svc.text(req.body.q)));",
        'app.listen(3000);',
        '',
      ].join('\n'),
    };
    withProject('json-async', files, (lint) => expect(lint('app.js')).toEqual(['9:45 secure-express/no-reflected-xss']), { rules: xss });
  });

  it('CommonJS: a helper of another file that sends its parameter as it is, given an object or array, sends JSON', () => {
    const files = {
      'package.json': '{ "name": "json-helpers", "dependencies": { "express": "^4.21.0" } }',
      'lib/respond.js':
        "exports.reply = (res, body) => res.status(200).send(body);\nexports.page = (res, title) => res.send('<h1>' + title + '</h1>');\nexports.raw = (res, body) => res.write(body);\n",
      'app.js': [
        "const express = require('express');",
        "const { reply, page, raw } = require('./lib/respond');",
        'const app = express();',
        "app.get('/a', (req, res) => reply(res, { id: req.query.id }));",
        "app.get('/b', (req, res) => { const list = [req.query.id]; reply(res, list); });",
        "app.get('/c', (req, res) => reply(res, req.query.id));",
        "app.get('/d', (req, res) => page(res, [req.query.id]));",
        "app.get('/e', (req, res) => raw(res, { id: req.query.id }));",
        "app.get('/f', (req, res) => { res.type('html'); reply(res, { id: req.query.id }); });",
        'app.listen(3000);',
        '',
      ].join('\n'),
    };
    withProject('json-cjs', files, (lint) => {
      expect(lint('app.js')).toEqual([
        '6:40 secure-express/no-reflected-xss',
        '7:39 secure-express/no-reflected-xss',
        '8:38 secure-express/no-reflected-xss',
        '9:60 secure-express/no-reflected-xss',
      ]);
    }, { rules: xss });
  });

  it('ESM and TypeScript: the same helper, imported by name', () => {
    const files = {
      'package.json': '{ "name": "json-helpers-esm", "type": "module", "dependencies": { "express": "^4.21.0" } }',
      'lib/respond.mjs': 'export const reply = (res, body) => res.send(body);\n',
      'app.mjs': [
        "import express from 'express';",
        "import { reply } from './lib/respond.mjs';",
        'const app = express();',
        "app.get('/a', (req, res) => reply(res, { id: req.query.id }));",
        "app.get('/b', (req, res) => reply(res, `${req.query.id}`));",
        '',
      ].join('\n'),
      'src/respond.ts': "import type { Response } from 'express';\nexport function reply(res: Response, body: unknown): void {\n  res.send(body);\n}\n",
      'src/app.ts': [
        "import express from 'express';",
        "import { reply } from './respond';",
        'const app = express();',
        "app.get('/a', (req, res) => reply(res, [req.params.id] as const));",
        "app.get('/b', (req, res) => reply(res, req.params.id));",
        '',
      ].join('\n'),
    };
    withProject('json-esm', files, (lint) => {
      expect(lint('app.mjs')).toEqual(['5:40 secure-express/no-reflected-xss']);
    }, { rules: xss, config: esm });
    withProject('json-ts', files, (lint) => {
      expect(lint('src/app.ts')).toEqual(['5:40 secure-express/no-reflected-xss']);
    }, { rules: xss, config: ts });
  });

  it("trial (apps/fix-cjs): the fix of res.send(200, { id }) leaves no reflected XSS behind; a string body stays reported", () => {
    const files = {
      'package.json': '{ "name": "fix-cjs", "dependencies": { "express": "^4.21.0" } }',
      'routes/users.js': [
        "var express = require('express');",
        'var router = express.Router();',
        "router.get('/', function (req, res) {",
        '  var id = req.query.id;',
        '  res.send(200, { id: id });',
        '});',
        "router.get('/s', function (req, res) {",
        '  res.send(200, req.query.id);',
        '});',
        'module.exports = router;',
        '',
      ].join('\n'),
    };
    withProject('json-fix', files, (_lint, dir) => {
      const file = path.join(dir, 'routes/users.js');
      const fixed = new Linter({ cwd: dir }).verifyAndFix(readFileSync(file, 'utf8'), cjs, { filename: file });
      expect(fixed.output).toContain('res.status(200).send({ id: id });');
      expect(fixed.output).toContain('res.status(200).send(req.query.id);');
      expect(fixed.messages.filter((m) => m.ruleId !== null && xss.test(m.ruleId)).map((m) => `${m.line}:${m.column}`)).toEqual(['8:24']);
    });
  });
});
