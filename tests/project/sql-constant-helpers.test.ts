import path from 'node:path';

import type { Linter } from 'eslint';

import plugin from '../../src/index';
import { parseCounts } from '../../src/project';
import { esm, ts, withProject } from './fixture-project';

const recommended = [...plugin.configs.recommended, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' as const } }] as Linter.Config[];

const SQL = /no-sql-injection/u;
const format = (m: { line: number; column: number; message: string }): string => `${m.line}:${m.column} ${m.message}`;

/**
 * Trial 14 (uptime-kuma server/jobs/clear-old-data.js): SQL text built with what a function of another module of
 * the package returns, when that function returns only constant text (`Database.sqlHourOffset()`, one of two SQL
 * texts holding a bound `?`), is not reported; one that returns something else still is. The files name no Express:
 * the whole-app walk does not start there, the function's module is read only because the text would be reported.
 */
const FILES = {
  'package.json': '{ "name": "jobs", "main": "server.js", "dependencies": { "sqlite3": "^5.1.7" } }',
  'database.js':
    "class Database {\n  static sqlHourOffset() {\n    return this.client === 'sqlite3' ? \"DATETIME('now', ? || ' hours')\" : 'DATE_ADD(NOW(), INTERVAL ? HOUR)';\n  }\n  static tableOf(name) {\n    return this.prefix + name;\n  }\n}\nmodule.exports = Database;\n",
  'jobs/clear-old-data.js':
    "const Database = require('../database');\nasync function clearOldData(db, days) {\n  const sqlHourOffset = Database.sqlHourOffset();\n  await db.exec('DELETE FROM heartbeat WHERE time < ' + sqlHourOffset, [days * -24]);\n  await db.exec('DELETE FROM stat WHERE time < ' + Database.tableOf('x'), [days]);\n}\nmodule.exports = { clearOldData };\n",
  'routes.js':
    "const express = require('express');\nconst Database = require('./database');\nconst app = express();\napp.post('/purge', async (req, res) => {\n  await req.db.exec(`DELETE FROM heartbeat WHERE time < ${Database.sqlHourOffset()}`, [Number(req.body.days)]);\n  await req.db.exec(`DELETE FROM heartbeat WHERE time < ${Database.tableOf(req.body.t)}`);\n  res.end();\n});\nmodule.exports = app;\n",
  'jobs/quiet.js':
    "const Database = require('../database');\nexports.count = (db) => db.get(`SELECT COUNT(*) FROM ${Database.tableOf('heartbeat')}`);\n",
  'lib/offsets.mjs':
    "const HOURS = 'INTERVAL ? HOUR';\nexport function sqlHourOffset(kind) {\n  if (kind === 'sqlite') return \"DATETIME('now', ? || ' hours')\";\n  return `DATE_ADD(NOW(), ${HOURS})`;\n}\nexport function userFilter(filter) {\n  return filter.sql;\n}\n",
  'jobs/clear.mjs':
    "import { sqlHourOffset, userFilter } from '../lib/offsets.mjs';\nexport async function clear(db, days, filter) {\n  await db.run(`DELETE FROM heartbeat WHERE time < ${sqlHourOffset('sqlite')}`, [days]);\n  await db.run(`DELETE FROM heartbeat WHERE ${userFilter(filter)}`);\n}\n",
  'src/offsets.ts':
    "export class Offsets {\n  static hours(mysql: boolean): string {\n    return mysql ? 'DATE_ADD(NOW(), INTERVAL ? HOUR)' : \"DATETIME('now', ? || ' hours')\";\n  }\n  static column(name: string): string {\n    return `${name}_at`;\n  }\n}\n",
  'src/clear.ts':
    "import { Offsets } from './offsets';\nexport async function clear(db: { query(sql: string, values?: unknown[]): Promise<void> }, days: number, name: string): Promise<void> {\n  await db.query(`DELETE FROM heartbeat WHERE time < ${Offsets.hours(true)}`, [days]);\n  await db.query(`DELETE FROM heartbeat WHERE x = ${Offsets.column(name)}`, [days]);\n}\n",
};

describe('SQL text built with what a function of another module returns (trial 14)', () => {
  it('CommonJS: a static method that returns one of two constant texts is constant; one that returns a field is not', () => {
    withProject('sql-constant', FILES, (lint) => {
      expect(lint('jobs/clear-old-data.js')).toEqual([
        "5:17 SQL text passed to 'db.exec' is built from a non-constant part ('Database.tableOf('x')', the result of 'Database.tableOf()'): pass values as query parameters, never inside the SQL.",
      ]);
    }, { rules: SQL, format });
  });

  it('CommonJS: the same in a route file, where the whole-app walk starts; request data through the other one is reported', () => {
    withProject('sql-constant', FILES, (lint) => {
      expect(lint('routes.js')).toEqual([
        "6:21 SQL text passed to 'req.db.exec' contains request data (req.body.t, through 'tableOf' (database.js:6)): SQL injection. Pass it as a query parameter.",
      ]);
    }, { rules: SQL, format });
  });

  it('the function\'s module is not read where no SQL text would be reported (a table name, in recommended)', () => {
    withProject('sql-constant', FILES, (lint, dir) => {
      expect(lint('jobs/quiet.js')).toEqual([]);
      expect(parseCounts().get(path.join(dir, 'database.js'))).toBeUndefined();
    }, { rules: SQL, format, config: recommended });
  });

  it('ESM: a function that returns constants (a const of its module too) is constant; one that returns a property is not', () => {
    withProject('sql-constant', FILES, (lint) => {
      expect(lint('jobs/clear.mjs')).toEqual(['4:16 secure-express/no-sql-injection']);
    }, { rules: SQL, config: esm });
  });

  it('TypeScript: a static method returning a ?: of constants is constant; one built from its parameter is not', () => {
    withProject('sql-constant', FILES, (lint) => {
      expect(lint('src/clear.ts')).toEqual(['4:18 secure-express/no-sql-injection']);
    }, { rules: SQL, config: ts });
  });
});
