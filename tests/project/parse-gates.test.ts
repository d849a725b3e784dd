// Other files the project model does not parse when the answer is known without them (session 27): each gate is
// tested both ways, the file parsed when its text (or the asking file) shows what the question is about, and not
// parsed when it cannot, with the same findings.
import path from 'node:path';

import { parseCounts } from '../../src/project';
import { cjs, esm, withProject } from './fixture-project';

const parsedIn = (dir: string): string[] => [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/'));

const RATE_LIMIT = /require-rate-limit/u;

describe('a holder that calls a function of another file with no function of its own: the callee is no handler wrapper to read', () => {
  // routes/users.js gains the app from app.js (the holder walk reads app.js's model). app.js registers what `tx(...)`
  // returns: a wrapped handler only if `tx` wraps the function it is given, which needs lib/tx.js, unless what it is
  // given is no function of app.js (`tx(db)` of an object): then no function of app.js is run by it, whatever `tx` is.
  const files = (argument: string): Record<string, string> => ({
    'package.json': '{ "name": "wrapper-gate", "dependencies": { "express": "^4.21.0" } }',
    'app.js':
      "const express = require('express');\nconst tx = require('./lib/tx');\nconst users = require('./routes/users');\n\nconst app = express();\n" +
      `const db = { save() {} };\nfunction handler(req, res) {\n  res.end();\n}\nconst w = tx(${argument});\napp.post('/items', w);\nusers(app);\napp.listen(3000);\n`,
    'lib/tx.js': 'module.exports = function tx(fn) {\n  return (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);\n};\n',
    'routes/users.js': "module.exports = (r) => {\n  r.post('/login', (req, res) => res.send('ok'));\n};\n",
  });

  it('CommonJS: `tx(db)` of an object: lib/tx.js is not parsed', () => {
    withProject(
      'wrapper-gate',
      files('db'),
      (lint, dir) => {
        expect(lint('routes/users.js')).toEqual(['2:10 secure-express/require-rate-limit']);
        expect(parsedIn(dir)).toContain('app.js');
        expect(parsedIn(dir)).not.toContain('lib/tx.js');
      },
      { config: cjs, rules: RATE_LIMIT },
    );
  });

  it('CommonJS: `tx(handler)` of a function of the file: lib/tx.js is parsed (it wraps it)', () => {
    withProject(
      'wrapper-gate',
      files('handler'),
      (lint, dir) => {
        expect(lint('routes/users.js')).toEqual(['2:10 secure-express/require-rate-limit']);
        expect(parsedIn(dir)).toEqual(expect.arrayContaining(['app.js', 'lib/tx.js']));
      },
      { config: cjs, rules: RATE_LIMIT },
    );
  });
});

describe('an ES module whose only exports are declarations re-exports nothing: it is not parsed to follow a re-export', () => {
  // mongo-express: lib/router.js registers `configuredRoutes.viewDatabase` of `routes(config)`, with lib/routes/index.js
  // `export default function (config) { ... }`. The holder walk asks where that export leads (`exportOf`): a file
  // whose every `export` declares a function or class re-exports nothing, and its text shows it.
  const files = (index: string): Record<string, string> => ({
    'package.json': '{ "name": "esm-declarations", "type": "module", "dependencies": { "express": "^4.21.0" } }',
    'app.mjs':
      "import express from 'express';\nimport routes from './routes/index.mjs';\nimport users from './routes/users.mjs';\n\n" +
      "const app = express();\nconst configured = routes({});\napp.get('/list', configured.list);\nusers(app);\napp.listen(3000);\n",
    'routes/index.mjs': index,
    'routes/make.mjs': "import { list } from './list.mjs';\n\nexport default function () {\n  return { list };\n}\n",
    'routes/list.mjs': "export function list(req, res) {\n  res.send('ok');\n}\n",
    'routes/users.mjs': "export default function users(r) {\n  r.post('/login', (req, res) => res.send('ok'));\n}\n",
  });

  it('ESM: `export default function`, `export async function`, `export class`: not parsed', () => {
    const index =
      "import { list } from './list.mjs';\n\nexport default function (config) {\n  return { list, config };\n}\n\n" +
      'export async function load() {\n  return list;\n}\n\nexport class Routes {}\n';
    withProject(
      'esm-declarations',
      files(index),
      (lint, dir) => {
        expect(lint('routes/users.mjs')).toEqual(['2:10 secure-express/require-rate-limit']);
        expect(parsedIn(dir)).toContain('app.mjs');
        expect(parsedIn(dir)).not.toContain('routes/index.mjs');
      },
      { config: esm, rules: RATE_LIMIT },
    );
  });

  it('ESM: `export { default } from` (a re-export): parsed, and followed', () => {
    withProject(
      'esm-declarations',
      files("export { default } from './make.mjs';\n"),
      (lint, dir) => {
        expect(lint('routes/users.mjs')).toEqual(['2:10 secure-express/require-rate-limit']);
        expect(parsedIn(dir)).toEqual(expect.arrayContaining(['app.mjs', 'routes/index.mjs']));
      },
      { config: esm, rules: RATE_LIMIT },
    );
  });
});
