// What a helper of another module returns (src/express/request-data.ts `returnedElsewhere`): request data it reads
// from the request it is given, or a parameter it returns. A call that passes neither the handler's request nor an
// argument that carries request data returns none, whatever the helper does: the helper's file is not read then
// (no parse, no summary). Findings both ways, and the parse that is left out, in CommonJS, ES modules and TypeScript.
import path from 'node:path';

import { parseCounts } from '../../src/project';
import { cjs, esm, ts, withProject } from './fixture-project';

const parsedIn = (dir: string): string[] =>
  [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();

const XSS = /no-reflected-xss|no-open-redirect/u;

describe('request data returned by a helper of another module', () => {
  it('CommonJS: reported through the helper when the call passes request data or the request; the helper file is not read for a call with constants only', () => {
    const files = {
      'package.json': '{ "name": "returned-elsewhere", "main": "app.js", "dependencies": { "express": "^4.21.0" } }',
      'lib/format.js': "exports.label = (name) => '<b>' + name + '</b>';\n",
      'lib/next.js': 'exports.nextOf = (req) => req.query.next;\n',
      'app.js':
        "const express = require('express');\nconst { label } = require('./lib/format');\nconst { nextOf } = require('./lib/next');\nconst app = express();\n" +
        "app.get('/hello', (req, res) => res.send(label(req.query.name)));\napp.get('/back', (req, res) => res.redirect(nextOf(req)));\napp.listen(3000);\n",
      'static.js':
        "const express = require('express');\nconst { label } = require('./lib/format');\nconst { nextOf } = require('./lib/next');\nconst app = express();\n" +
        "app.get('/hello', (req, res) => res.send(label('world')));\napp.get('/back', (req, res) => res.redirect(nextOf({ query: { next: '/' } })));\napp.listen(3000);\n",
    };
    withProject('returned-elsewhere', files, (lint, dir) => {
      expect(lint('static.js')).toEqual([]);
      // Neither helper's file: no argument carries request data and none is the request.
      expect(parsedIn(dir)).toEqual([]);
      expect(lint('app.js')).toEqual(['5:42 secure-express/no-reflected-xss', '6:45 secure-express/no-open-redirect']);
      expect(parsedIn(dir)).toEqual(['lib/format.js', 'lib/next.js']);
    }, { config: cjs, rules: XSS });
  });

  it('ES modules and TypeScript: the same', () => {
    const files = {
      'package.json': '{ "name": "returned-elsewhere-esm", "type": "module", "dependencies": { "express": "^4.21.0" } }',
      'lib/format.mjs': "export const label = (name) => '<b>' + name + '</b>';\n",
      'app.mjs':
        "import express from 'express';\nimport { label } from './lib/format.mjs';\nconst app = express();\n" +
        "app.get('/hello', (req, res) => res.send(label(req.query.name)));\napp.listen(3000);\n",
      'static.mjs':
        "import express from 'express';\nimport { label } from './lib/format.mjs';\nconst app = express();\n" +
        "app.get('/hello', (req, res) => res.send(label('world')));\napp.listen(3000);\n",
      'src/format.ts': "export const label = (name: string): string => '<b>' + name + '</b>';\n",
      'src/app.ts':
        "import express, { type Request, type Response } from 'express';\nimport { label } from './format.js';\nconst app = express();\n" +
        "app.get('/hello', (req: Request, res: Response) => res.send(label(String(req.query.name))));\napp.listen(3000);\n",
      'src/static.ts':
        "import express, { type Request, type Response } from 'express';\nimport { label } from './format.js';\nconst app = express();\n" +
        "app.get('/hello', (req: Request, res: Response) => res.send(label('world')));\napp.listen(3000);\n",
    };
    withProject('returned-elsewhere-esm', files, (lint, dir) => {
      expect(lint('static.mjs')).toEqual([]);
      expect(lint('src/static.ts')).toEqual([]);
      expect(parsedIn(dir)).toEqual([]);
      expect(lint('app.mjs')).toEqual(['4:42 secure-express/no-reflected-xss']);
      expect(lint('src/app.ts')).toEqual(['4:61 secure-express/no-reflected-xss']);
      expect(parsedIn(dir)).toEqual(['lib/format.mjs', 'src/format.ts']);
    }, { config: [...esm, ...ts], rules: XSS });
  });
});
