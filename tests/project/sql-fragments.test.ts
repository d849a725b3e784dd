import { esm, recommendedCjs, recommendedEsm, recommendedTs, withProject } from './fixture-project';

const SQL = /no-sql-injection/u;

const PACKAGE = '{ "name": "fragments", "main": "routes.js", "dependencies": { "express": "^4.21.0", "knex": "^3.1.0" } }';

/** Trial 12: request data handed to a helper of another module that puts it in a knex `whereRaw` fragment. */
const FILES = {
  'package.json': PACKAGE,
  'lib/search.js':
    "const knex = require('knex');\nconst db = knex({ client: 'pg' });\nexports.search = (term) => db('t').whereRaw(`lower(name) like '%${term}%'`);\nexports.byName = (name) => db('t').whereRaw('name = ?', [name]);\n",
  'routes.js':
    "const express = require('express');\nconst { search, byName } = require('./lib/search');\nconst app = express();\napp.get('/e', async (req, res) => res.json(await search(req.query.q)));\napp.get('/f', async (req, res) => res.json(await byName(req.query.q)));\nmodule.exports = app;\n",
  'lib/sort.mjs':
    "import knex from 'knex';\nconst db = knex({ client: 'pg' });\nexport const sorted = (order) => db('t').orderByRaw(order + ' nulls last');\nexport const fixed = (dir) => db('t').orderByRaw(`name ${dir === 'desc' ? 'desc' : 'asc'}`);\n",
  'routes.mjs':
    "import express from 'express';\nimport { sorted, fixed } from './lib/sort.mjs';\nconst app = express();\napp.get('/s', async (req, res) => res.json(await sorted(req.query.sort)));\napp.get('/t', async (req, res) => res.json(await fixed(req.query.dir)));\nexport default app;\n",
  'src/repo.ts':
    "import knex from 'knex';\nconst db = knex({ client: 'pg' });\nexport function having(min: string) {\n  return db('t').groupBy('a').havingRaw(`count(*) > ${min}`);\n}\nexport function havingBound(min: string) {\n  return db('t').groupBy('a').havingRaw('count(*) > ?', [min]);\n}\n",
  'src/routes.ts':
    "import express from 'express';\nimport { having, havingBound } from './repo';\nconst app = express();\napp.get('/h', async (req, res) => res.json(await having(String(req.query.min))));\napp.get('/i', async (req, res) => res.json(await havingBound(String(req.query.min))));\nexport default app;\n",
};

describe('SQL fragments built in a helper of another module (knex raw fragment methods)', () => {
  // U6: a value built into a helper's fragment is that file's finding (a part of unseen origin), not its callers' too;
  // a whole fragment or a name there, which its file reports only with checkEveryPart, is the caller's (recommended).
  it('CommonJS: a value in whereRaw text is reported in the helper, once; a bound value is not', () => {
    withProject('sql-fragments', FILES, (lint) => {
      expect(lint('routes.js')).toEqual([]);
      expect(lint('lib/search.js')).toEqual([
        "3:45 SQL text passed to 'db('t').whereRaw' is built from a non-constant part ('term', a parameter of 'search', from req.query.q in GET /e (routes.js:4)): pass values as query parameters, never inside the SQL.",
      ]);
    }, { rules: SQL, format: (m) => `${m.line}:${m.column} ${m.message}`, config: recommendedCjs });
  });

  it('ESM: request data reaching orderByRaw text is reported at the call, an allow-listed direction is not; with checkEveryPart, in the helper instead', () => {
    withProject('sql-fragments', FILES, (lint) => {
      expect(lint('routes.mjs')).toEqual(['4:57 secure-express/no-sql-injection']);
      expect(lint('lib/sort.mjs')).toEqual([]);
    }, { rules: SQL, config: recommendedEsm });
    withProject('sql-fragments', FILES, (lint) => {
      expect(lint('routes.mjs')).toEqual([]);
      expect(lint('lib/sort.mjs')).toEqual(['3:53 secure-express/no-sql-injection']);
    }, { rules: SQL, config: esm });
  });

  it('TypeScript: a value in havingRaw text is reported in the helper, once; a bound value is not', () => {
    withProject('sql-fragments', FILES, (lint) => {
      expect(lint('src/routes.ts')).toEqual([]);
      expect(lint('src/repo.ts')).toEqual(['4:41 secure-express/no-sql-injection']);
    }, { rules: SQL, config: recommendedTs });
  });
});
