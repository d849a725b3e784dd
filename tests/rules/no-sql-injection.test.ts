import { Linter } from 'eslint';

import rule from '../../src/rules/no-sql-injection';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { UNUSUAL_SOURCE } from '../helpers/unusual';
import { inExpressPackage, inGraphqlPackage } from '../helpers/packages';

runRuleTests('no-sql-injection', rule, {
  valid: [
    // trial 27: Prisma.raw of constant text, of an allow-listed name; raw() of a receiver that is not Prisma's
    code`
      import express from 'express';
      import { Prisma, PrismaClient } from '@prisma/client';
      const prisma = new PrismaClient();
      const app = express();
      const SORTS = ['name', 'created_at'];
      app.get('/a', async (req, res) => res.json(await prisma.$queryRaw\`SELECT * FROM t ORDER BY \${Prisma.raw('name')}\`));
      app.get('/b', async (req, res) => {
        const sort = SORTS.includes(req.query.sort) ? req.query.sort : 'name';
        res.json(await prisma.$queryRaw\`SELECT * FROM t ORDER BY \${Prisma.raw(sort)}\`);
      });
      app.get('/c', async (req, res) => res.json(await prisma.$queryRaw(Prisma.sql\`SELECT * FROM t WHERE id = \${req.query.id}\`)));
      app.get('/d', async (req, res) => res.json(await markdown.raw(req.query.text)));
    `,
    // Trial 12: fragment methods with their values bound, a constant ORDER BY, a `literal` that is not sequelize's,
    // a comment before text that is not SQL
    {
      code: code`
        const express = require('express');
        const knex = require('knex');
        const db = knex({ client: 'pg' });
        const tpl = { literal: (s) => s };
        const app = express();
        app.get('/a', async (req, res) => res.json(await db('t').whereRaw('name = ?', [req.query.q]).orderByRaw('created_at desc')));
        app.get('/b', async (req, res) => res.json(await db('t').havingRaw(\`count(*) > ?\`, [Number(req.query.n)])));
        app.get('/c', (req, res) => res.send(tpl.literal(\`name = '\${req.query.q}'\`)));
        app.get('/d', async (req, res) => res.json(await db.query(\`/* note */ \${req.query.key}\`)));
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import { Sequelize } from 'sequelize';
        import express from 'express';
        const sequelize = new Sequelize('db');
        const app = express();
        app.get('/n', async (req, res) => res.json(await sequelize.query('SELECT COUNT(*) FROM t WHERE y = :q', { replacements: { q: req.query.q }, attributes: [[sequelize.literal('(SELECT 1)'), 'one']] })));
      `,
    },
    // An object that reads itself by key does not make the rule loop (review)
    {
      code: code`
        const express = require('express');
        const { pool } = require('./db');
        const A = { x: A[0] };
        const app = express();
        app.get('/a', (req, res) => { pool.query(\`SELECT * FROM t ORDER BY name \${A[req.query.d] ?? 'ASC'}\`).then(() => res.end()); });
      `,
      languageOptions: commonjs,
    },
    // A number with a default, and a lookup in a constant object with a default: no client text reaches the SQL (trial 11)
    {
      code: code`
        const express = require('express');
        const { pool } = require('./db');
        const SORTS = { name: 'name', created: 'created_at' };
        const DIRS = Object.freeze({ asc: 'ASC', desc: 'DESC' });
        const app = express();
        app.get('/users', (req, res) => {
          const limit = Number(req.query.limit) || 10;
          const col = SORTS[req.query.sort] ?? 'name';
          const dir = DIRS[req.query.dir] || 'ASC';
          const keys = Object.keys(SORTS);
          pool.query(\`SELECT * FROM users ORDER BY \${col} \${dir} LIMIT \${limit}\`).then(() => res.json(keys));
        });
      `,
      languageOptions: commonjs,
    },
    // a helper of the file that runs its parameter as SQL text, given constant text or placeholders (ESM)
    code`
      import express from 'express';
      import mysql from 'mysql2';
      const pool = mysql.createPool({});
      const runQuery = (sql, values) => pool.query(sql, values);
      const app = express();
      app.get('/users', (req, res) => {
        runQuery('SELECT * FROM users WHERE name = ?', [req.query.name]);
        runQuery(\`SELECT * FROM users LIMIT \${Number(req.query.limit)}\`);
        res.end();
      });
    `,
    // regression (ghost core/server/data/schema/commands.js createViewOrReplace): a helper that takes a SQL body
    // as a parameter (`AS ${viewSql}`) leaves it to its callers in recommended (CommonJS)
    { code: code`
        const knex = require('knex')({});
        async function createViewOrReplace(name, viewSql) {
          await knex.raw(\`CREATE OR REPLACE SQL SECURITY INVOKER VIEW \\\`\${name}\\\` AS \${viewSql}\`);
        }
        module.exports = { createViewOrReplace };
      `, languageOptions: commonjs },
    // a helper that runs its parameter as SQL only inside a callback of its own (not as its own query call): its
    // callers are not reported, wherever the helper is declared (CommonJS)
    { code: code`
        const express = require('express');
        const { pool } = require('./db');
        const app = express();
        app.get('/users', (req, res) => later('SELECT * FROM users WHERE name = ' + req.query.name).then(() => res.end()));
        function later(sql) {
          return Promise.resolve().then(() => pool.query(sql));
        }
      `, languageOptions: commonjs },
    // unusual syntax does not crash the rule
    { code: UNUSUAL_SOURCE, filename: 'page.tsx' },
    // parameterized queries: the clean twins
    { code: code`
        const express = require('express');
        const mysql = require('mysql2');
        const db = mysql.createConnection({});
        const app = express();
        app.get('/users/:id', (req, res) => {
          db.query('SELECT * FROM users WHERE id = ?', [req.params.id], (err, rows) => res.json(rows));
        });
      `, languageOptions: commonjs },
    code`
      import { Pool } from 'pg';
      const pool = new Pool();
      export async function find(name: string) {
        return pool.query('SELECT * FROM users WHERE name = $1', [name]);
      }
    `,
    // constant parts only: a const table name, a conditional of literals, numbers, IN-list placeholders
    code`
      import { Pool } from 'pg';
      const pool = new Pool();
      const TABLE = 'users';
      export function list(desc: boolean, limit: string, ids: number[]) {
        pool.query(\`SELECT * FROM \${TABLE} ORDER BY name \${desc ? 'DESC' : 'ASC'} LIMIT \${Number(limit)}\`);
        pool.query(\`SELECT * FROM users WHERE id IN (\${ids.map(() => '?').join(', ')})\`, ids);
        pool.query('SELECT * FROM ' + TABLE + ' WHERE id = ' + ids.length);
      }
    `,
    // escaping by the driver
    code`
      import mysql from 'mysql';
      const db = mysql.createConnection({});
      export const byName = (name: string) => db.query('SELECT * FROM users WHERE name = ' + db.escape(name));
    `,
    // tagged templates parameterize by themselves
    code`
      import postgres from 'postgres';
      const sql = postgres();
      export const byId = (id: string) => sql\`SELECT * FROM users WHERE id = \${id}\`;
    `,
    // not SQL: a route, a Map, a non-SQL string
    code`
      import express from 'express';
      const app = express();
      const cache = new Map();
      const key = 'k';
      app.get(\`/users/\${key}\`, (req, res) => res.send(cache.get(\`user:\${req.params.id}\`)));
    `,
    code`db.run(\`echo \${x}\`);`,
    // corpus: ghost core/server/models/comment.js. Placeholder text through a const, and a const object whose
    // 'sql' joins a filtered list of constant clauses
    { code: code`
        const knex = require('knex')({});
        function displayable(excluded, { parentIds, postId } = {}) {
          const statusPlaceholders = excluded.map(() => '?').join(',');
          const scopeFilter = {
            sql: [
              parentIds?.length ? \`AND parent_id IN (\${parentIds.map(() => '?').join(',')})\` : '',
              postId ? 'AND post_id = ?' : '',
            ].filter(Boolean).join(' '),
            bindings: [...(parentIds ?? []), ...(postId ? [postId] : [])],
          };
          return knex.raw(\`SELECT id FROM comments WHERE status NOT IN (\${statusPlaceholders}) \${scopeFilter.sql}\`, [...excluded, ...scopeFilter.bindings]);
        }
        module.exports = { displayable };
      `, languageOptions: commonjs },
    // corpus: ghost core/server/services/email-analytics/lib/queries.js. A const array only pushed constant
    // CASE clauses, then joined into the SQL
    { code: code`
        const knex = require('knex')({});
        async function update(ids, stats) {
          const cases = [];
          const bindings = [];
          for (const id of ids) {
            cases.push(\`WHEN ? THEN ?\`);
            bindings.push(id, stats.get(id));
          }
          if (cases.length === 0) return;
          await knex.raw(\`UPDATE members SET email_count = CASE id \${cases.join(' ')} END WHERE id IN (\${ids.map(() => '?').join(',')})\`, [...bindings, ...ids]);
        }
        module.exports = { update };
      `, languageOptions: commonjs },
    // unusual input
    code`db.query(...args); db.query(); db[method](\`SELECT \${x}\`); query\`SELECT \${x}\`;`,
    // a table name held in a class field, a migration helper's table and column names (also as a SQLite PRAGMA
    // argument, ghost core/server/data/schema/commands.js): identifiers of unseen origin are not reported by default
    code`
      import { Pool } from 'pg';
      export class Repository {
        constructor(private readonly pool: Pool, private readonly tableName: string) {}
        exists(id: string) {
          return this.pool.query(\`SELECT 1 FROM \${this.tableName} WHERE id = $1\`, [id]);
        }
      }
    `,
    { code: code`
        const knex = require('knex')({});
        async function addColumn(table, column) {
          await knex.raw(\`ALTER TABLE \${table} ADD COLUMN \${column} text\`);
          await knex.raw('CREATE INDEX ' + table + '_' + column + '_idx ON ' + table + ' (' + column + ')');
          await knex.raw(\`PRAGMA foreign_key_list('\${table}');\`);
        }
        module.exports = { addColumn };
      `, languageOptions: commonjs },
    // a parameter typed number inside quotes (date_floor_round(now(), '5 minutes')), and TS-typed fields
    code`
      import { Pool } from 'pg';
      const pool = new Pool();
      export class Buckets {
        private readonly minutes: number = 5;
        constructor(private readonly days: 1 | 7 | 30) {}
        query(bucketLengthInMinutes: number, asc: boolean, cutoff: bigint) {
          return pool.query(\`SELECT date_floor_round(now(), '\${bucketLengthInMinutes} minutes') AS b, \${this.minutes} FROM m
            WHERE at > now() - interval '\${this.days} days' AND n < \${cutoff} ORDER BY b \${asc ? 'ASC' : 'DESC'}\`);
        }
      }
    `,
    // numbers computed at run time: arithmetic, Date getters, Date.now(), toFixed
    code`
      import mysql from 'mysql2';
      const db = mysql.createConnection({});
      export function page(p: string, size: string, since: Date, amount: number) {
        db.query(\`SELECT * FROM t WHERE at > \${since.getTime()} AND y = \${since.getUTCFullYear()} AND now < \${Date.now()} LIMIT \${(Number(p) - 1) * Number(size)}, \${-size}\`);
        db.query('SELECT * FROM t WHERE price = ' + amount.toFixed(2));
      }
    `,
    // a SQL allow-list ternary: request data that can only be one of a const list (array, Set, Object.keys)
    { code: code`
        const express = require('express');
        const mysql = require('mysql2');
        const db = mysql.createConnection({});
        const app = express();
        const SORTABLE = ['name', 'created_at'];
        const DIRECTIONS = new Set(['ASC', 'DESC']);
        const COLUMNS = { name: 'Name', email: 'E-mail' };
        app.get('/users', (req, res) => {
          const s = req.query.sort;
          const d = req.query.dir;
          const c = req.query.col;
          db.query(\`SELECT * FROM users ORDER BY \${SORTABLE.includes(s) ? s : 'name'} \${DIRECTIONS.has(d) ? d : 'ASC'}\`, (e, rows) => res.json(rows));
          db.query('SELECT ' + (!Object.keys(COLUMNS).includes(c) ? 'name' : c) + ' FROM users', (e, rows) => res.json(rows));
        });
      `, languageOptions: commonjs },
  ],
  invalid: [
    // Trial 12: a whole fragment (a condition, an expression) is no value position, and sequelize's `literal` takes no
    // bound values: reported without a placeholder suggestion; a value next to it keeps its suggestion
    {
      code: code`
        const express = require('express');
        const { Pool } = require('pg');
        const { Sequelize } = require('sequelize');
        const pool = new Pool();
        const sequelize = new Sequelize(process.env.DB);
        const app = express();
        app.get('/a', async (req, res) => res.json((await pool.query(\`SELECT * FROM t WHERE \${req.query.filter}\`)).rows));
        app.get('/b', async (req, res) => res.json(await sequelize.query(\`SELECT id, (\${req.query.expr}) AS v FROM t\`)));
        app.get('/c', async (req, res) => res.json(await sequelize.literal(\`(SELECT COUNT(*) FROM t WHERE y = '\${req.query.q}')\`)));
        app.get('/d', async (req, res) => res.json((await pool.query(\`SELECT * FROM t WHERE \${req.query.filter} AND id = \${req.query.id}\`)).rows));
        app.get('/e', async (req, res) => res.json((await pool.query(\`SELECT * FROM t WHERE id IN (\${req.query.id}) AND n < \${req.query.n}\`)).rows));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'requestSql', data: { method: 'pool.query', source: 'req.query.filter' }, line: 7, suggestions: [] },
        { messageId: 'requestSql', data: { method: 'sequelize.query', source: 'req.query.expr' }, line: 8, suggestions: [] },
        { messageId: 'requestSql', data: { method: 'sequelize.literal', source: 'req.query.q' }, line: 9, suggestions: [] },
        { messageId: 'requestSql', data: { method: 'pool.query', source: 'req.query.filter' }, line: 10, suggestions: [] },
        {
          messageId: 'requestSql',
          data: { method: 'pool.query', source: 'req.query.id' },
          line: 11,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { style: '$1..$n' },
              output: code`
                const express = require('express');
                const { Pool } = require('pg');
                const { Sequelize } = require('sequelize');
                const pool = new Pool();
                const sequelize = new Sequelize(process.env.DB);
                const app = express();
                app.get('/a', async (req, res) => res.json((await pool.query(\`SELECT * FROM t WHERE \${req.query.filter}\`)).rows));
                app.get('/b', async (req, res) => res.json(await sequelize.query(\`SELECT id, (\${req.query.expr}) AS v FROM t\`)));
                app.get('/c', async (req, res) => res.json(await sequelize.literal(\`(SELECT COUNT(*) FROM t WHERE y = '\${req.query.q}')\`)));
                app.get('/d', async (req, res) => res.json((await pool.query(\`SELECT * FROM t WHERE \${req.query.filter} AND id = \${req.query.id}\`)).rows));
                app.get('/e', async (req, res) => res.json((await pool.query(\`SELECT * FROM t WHERE id IN ($1) AND n < $2\`, [req.query.id, req.query.n])).rows));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // Trial 12: knex's raw fragment methods and sequelize's `literal` take SQL whatever it starts with; a bare request
    // value as an ORDER BY is a name (allow list); a SQL comment before a statement is skipped
    {
      code: code`
        import express from 'express';
        import knex from 'knex';
        import { Sequelize } from 'sequelize';
        const db = knex({ client: 'pg' });
        const sequelize = new Sequelize('x');
        const app = express();
        app.get('/a', async (req, res) => res.json(await db('t').whereRaw(\`name = '\${req.query.q}'\`)));
        app.get('/b', async (req, res) => res.json(await db('t').whereRaw("lower(name) like '%" + req.query.q + "%'")));
        app.get('/c', async (req, res) => res.json(await db('t').orderByRaw(req.query.sort)));
        app.get('/d', async (req, res) => res.json(await db('t').where({ a: 1 }).havingRaw('count(*) > ' + req.query.n)));
        app.get('/e', async (req, res) => res.json(await Sequelize.literal(\`name = '\${req.query.q}'\`)));
        app.get('/f', async (req, res) => res.json(await sequelize.query(\`/* report */ select * from t where a = '\${req.query.q}'\`)));
      `,
      errors: [
        {
          messageId: 'requestSql',
          data: { method: "db('t').whereRaw", source: 'req.query.q' },
          line: 7,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { style: '?' },
              output: code`
                import express from 'express';
                import knex from 'knex';
                import { Sequelize } from 'sequelize';
                const db = knex({ client: 'pg' });
                const sequelize = new Sequelize('x');
                const app = express();
                app.get('/a', async (req, res) => res.json(await db('t').whereRaw(\`name = ?\`, [req.query.q])));
                app.get('/b', async (req, res) => res.json(await db('t').whereRaw("lower(name) like '%" + req.query.q + "%'")));
                app.get('/c', async (req, res) => res.json(await db('t').orderByRaw(req.query.sort)));
                app.get('/d', async (req, res) => res.json(await db('t').where({ a: 1 }).havingRaw('count(*) > ' + req.query.n)));
                app.get('/e', async (req, res) => res.json(await Sequelize.literal(\`name = '\${req.query.q}'\`)));
                app.get('/f', async (req, res) => res.json(await sequelize.query(\`/* report */ select * from t where a = '\${req.query.q}'\`)));
              `,
            },
          ],
        },
        { messageId: 'requestSql', data: { method: "db('t').whereRaw", source: 'req.query.q' }, line: 8, suggestions: [] },
        { messageId: 'requestIdentifier', data: { method: "db('t').orderByRaw", source: 'req.query.sort' }, line: 9, suggestions: [] },
        { messageId: 'requestSql', data: { method: "db('t').where({ a: 1 }).havingRaw", source: 'req.query.n' }, line: 10, suggestions: [] },
        { messageId: 'requestSql', data: { method: 'Sequelize.literal', source: 'req.query.q' }, line: 11, suggestions: [] },
        {
          messageId: 'requestSql',
          data: { method: 'sequelize.query', source: 'req.query.q' },
          line: 12,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { style: 'named (:name)' },
              output: code`
                import express from 'express';
                import knex from 'knex';
                import { Sequelize } from 'sequelize';
                const db = knex({ client: 'pg' });
                const sequelize = new Sequelize('x');
                const app = express();
                app.get('/a', async (req, res) => res.json(await db('t').whereRaw(\`name = '\${req.query.q}'\`)));
                app.get('/b', async (req, res) => res.json(await db('t').whereRaw("lower(name) like '%" + req.query.q + "%'")));
                app.get('/c', async (req, res) => res.json(await db('t').orderByRaw(req.query.sort)));
                app.get('/d', async (req, res) => res.json(await db('t').where({ a: 1 }).havingRaw('count(*) > ' + req.query.n)));
                app.get('/e', async (req, res) => res.json(await Sequelize.literal(\`name = '\${req.query.q}'\`)));
                app.get('/f', async (req, res) => res.json(await sequelize.query(\`/* report */ select * from t where a = :q\`, { replacements: { q: req.query.q } })));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // TS: a fragment built in a helper from a typed parameter (unseen origin) is reported like a statement; a whole
    // fragment parameter is left to the callers; `-- comment` lines before a statement are skipped
    {
      code: code`
        import knex from 'knex';
        const db = knex({ client: 'mysql2' });
        export const byName = (name: string) => db('users').whereRaw(\`name = \${name}\`);
        export const filtered = (condition: string) => db('users').whereRaw(\`\${condition}\`);
        export const raw = (id: string) => db.raw(\`-- lookup
          select * from users where id = \${id}\`);
      `,
      filename: 'db.ts',
      errors: [
        {
          messageId: 'dynamicSql',
          data: { method: "db('users').whereRaw", part: 'name', origin: "a parameter of 'byName'" },
          line: 3,
          suggestions: [
            {
              messageId: 'useParameters',
              output: code`
                import knex from 'knex';
                const db = knex({ client: 'mysql2' });
                export const byName = (name: string) => db('users').whereRaw(\`name = ?\`, [name]);
                export const filtered = (condition: string) => db('users').whereRaw(\`\${condition}\`);
                export const raw = (id: string) => db.raw(\`-- lookup
                  select * from users where id = \${id}\`);
              `,
            },
          ],
        },
        {
          messageId: 'dynamicSql',
          data: { method: 'db.raw', part: 'id', origin: "a parameter of 'raw'" },
          line: 5,
          suggestions: [
            {
              messageId: 'useParameters',
              output: code`
                import knex from 'knex';
                const db = knex({ client: 'mysql2' });
                export const byName = (name: string) => db('users').whereRaw(\`name = \${name}\`);
                export const filtered = (condition: string) => db('users').whereRaw(\`\${condition}\`);
                export const raw = (id: string) => db.raw(\`-- lookup
                  select * from users where id = ?\`, [id]);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // Column names taken from the keys of the request body (trial 10: `Object.keys` carries them)
    {
      code: code`
        const express = require('express');
        const { pool } = require('./db');
        const app = express();
        app.post('/users/search', (req, res) => {
          const columns = Object.keys(req.body).join(', ');
          pool.query('SELECT ' + columns + ' FROM users').then(() => res.end());
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'requestIdentifier', line: 6, data: { method: 'pool.query', source: 'req.body' } }],
      output: null,
    },
    // a helper of the file that runs its parameter as the whole SQL text: reported at the caller's text (CommonJS)
    {
      code: code`
        const express = require('express');
        const { pool } = require('./db');
        function runQuery(sql) {
          return pool.query(sql);
        }
        const app = express();
        app.get('/users', (req, res) => runQuery('SELECT * FROM users WHERE name = ' + req.query.name).then(() => res.end()));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'requestSql', line: 7, column: 42, data: { method: 'pool.query', source: "req.query.name, through 'runQuery'" } }],
      output: null,
    },
    // ... also when the helper is declared after the route that calls it (ESM)
    {
      code: code`
        import express from 'express';
        import { pool } from './db';
        const app = express();
        app.get('/users', (req, res) => runQuery(\`SELECT * FROM users WHERE name = '\${req.query.name}'\`).then(() => res.end()));
        function runQuery(sql) {
          return pool.query(sql);
        }
      `,
      errors: [{ messageId: 'requestSql', line: 4, column: 42, data: { method: 'pool.query', source: "req.query.name, through 'runQuery'" } }],
      output: null,
    },
    // a helper that builds the SQL text from its parameter (not a name passed whole): reported where it builds it,
    // with the request data its caller passes (CommonJS)
    {
      code: code`
        const express = require('express');
        const { pool } = require('./db');
        const app = express();
        app.get('/users', (req, res) => byName(req.query.name).then(() => res.end()));
        function byName(name) {
          return pool.query('SELECT * FROM users WHERE name = ' + name);
        }
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'requestSql', line: 6, column: 21, data: { method: 'pool.query', source: 'req.query.name' } }],
      output: null,
    },
    // ... and in an identifier position, with typed handlers (TypeScript)
    {
      code: code`
        import type { Request, Response } from 'express';
        import { db } from './db';
        async function run(text: string) {
          const sql = text;
          return db.execute(sql);
        }
        export async function list(req: Request, res: Response): Promise<void> {
          res.json(await run(\`SELECT * FROM orders ORDER BY \${req.query.sort}\`));
        }
      `,
      filename: 'orders.ts',
      errors: [{ messageId: 'requestIdentifier', line: 8, data: { method: 'db.execute', source: "req.query.sort, through 'run'" } }],
      output: null,
    },
    // regression (ghost createViewOrReplace), the other way: a helper that builds a value into the SQL body from
    // its parameter is still reported in recommended (a value position, not a whole fragment)
    {
      code: code`
        const knex = require('knex')({});
        async function createViewOrReplace(name, status) {
          await knex.raw(\`CREATE OR REPLACE VIEW \\\`\${name}\\\` AS SELECT * FROM posts WHERE status = '\${status}'\`);
        }
        module.exports = { createViewOrReplace };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'dynamicSql', data: { method: 'knex.raw', part: 'status', origin: "a parameter of 'createViewOrReplace'" }, line: 3, suggestions: [] }],
      output: null,
    },
    // a list that is pushed a value, or an object whose 'sql' is rewritten;
    // values quoted inside CASE clauses (ghost core/server/services/email-service/newsletter-email-event-storage.js);
    // each is a fragment: the message asks for constant text and placeholders
    {
      code: code`
        import knex from 'knex';
        const db = knex({});
        export function run(ids: string[], updates: [string, string][], extra: string) {
          const cases: string[] = [];
          for (const id of ids) cases.push(\`WHEN '\${id}' THEN 1\`);
          db.raw(\`UPDATE t SET x = CASE id \${cases.join(' ')} END\`);
          const clauses: string[] = [];
          clauses.push('AND a = ?', extra);
          db.raw(\`SELECT * FROM t WHERE 1 \${clauses.join(' ')}\`);
          const filter = { sql: 'AND b = ?' };
          filter.sql = extra;
          db.raw('SELECT * FROM t WHERE 1 ' + filter.sql);
          const caseClauses = updates.map(([id, at]) => \`WHEN '\${id}' THEN '\${at}'\`).join(' ');
          db.raw('UPDATE r SET at = CASE id ' + caseClauses + ' END');
        }
      `,
      filename: 'run.ts',
      errors: [
        { messageId: 'dynamicFragment', line: 6, suggestions: [] },
        { messageId: 'dynamicFragment', line: 9, suggestions: [] },
        { messageId: 'dynamicFragment', line: 12, suggestions: [] },
        { messageId: 'dynamicFragment', data: { method: 'db.raw', part: 'caseClauses', origin: "the variable 'caseClauses'" }, line: 14, suggestions: [] },
      ],
      output: null,
    },
    // request data in a template literal: mysql2 → ? placeholders
    {
      code: code`
        const express = require('express');
        const mysql = require('mysql2');
        const db = mysql.createConnection({});
        const app = express();
        app.get('/users/:id', (req, res) => {
          db.query(\`SELECT * FROM users WHERE id = \${req.params.id}\`, (err, rows) => res.json(rows));
        });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'requestSql',
          data: { method: 'db.query', source: 'req.params.id' },
          line: 6,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { style: '?' },
              output: code`
                const express = require('express');
                const mysql = require('mysql2');
                const db = mysql.createConnection({});
                const app = express();
                app.get('/users/:id', (req, res) => {
                  db.query(\`SELECT * FROM users WHERE id = ?\`, [req.params.id], (err, rows) => res.json(rows));
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // pg: $n placeholders, quotes around a value are dropped, destructured request data
    {
      code: code`
        import express from 'express';
        import pg from 'pg';
        const pool = new pg.Pool();
        const app = express();
        app.post('/login', async (req, res) => {
          const { user, pass } = req.body;
          const result = await pool.query(\`SELECT id FROM accounts WHERE user = '\${user}' AND pass = '\${pass}'\`);
          res.json(result.rows);
        });
      `,
      errors: [
        {
          messageId: 'requestSql',
          data: { method: 'pool.query', source: 'req.body.user' },
          suggestions: [
            {
              messageId: 'useParameters',
              data: { style: '$1..$n' },
              output: code`
                import express from 'express';
                import pg from 'pg';
                const pool = new pg.Pool();
                const app = express();
                app.post('/login', async (req, res) => {
                  const { user, pass } = req.body;
                  const result = await pool.query(\`SELECT id FROM accounts WHERE user = $1 AND pass = $2\`, [user, pass]);
                  res.json(result.rows);
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // sequelize: named replacements, added to an existing options object
    {
      code: code`
        import { Sequelize, QueryTypes } from 'sequelize';
        import { Router } from 'express';
        const sequelize = new Sequelize('sqlite::memory:');
        const router = Router();
        router.get('/search', async (req, res) => {
          const q = req.query.q;
          res.json(await sequelize.query(\`SELECT * FROM posts WHERE title = '\${q}'\`, { type: QueryTypes.SELECT }));
        });
      `,
      errors: [
        {
          messageId: 'requestSql',
          data: { method: 'sequelize.query', source: 'req.query.q' },
          suggestions: [
            {
              messageId: 'useParameters',
              data: { style: 'named (:name)' },
              output: code`
                import { Sequelize, QueryTypes } from 'sequelize';
                import { Router } from 'express';
                const sequelize = new Sequelize('sqlite::memory:');
                const router = Router();
                router.get('/search', async (req, res) => {
                  const q = req.query.q;
                  res.json(await sequelize.query(\`SELECT * FROM posts WHERE title = :q\`, { type: QueryTypes.SELECT, replacements: { q } }));
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // sequelize without options; a member's last name becomes the replacement name
    {
      code: code`
        import * as S from 'sequelize';
        const sequelize = new S.Sequelize('db');
        export const f = (user: { id: string }) => sequelize.query(\`DELETE FROM t WHERE id = \${user.id}\`);
      `,
      errors: [
        {
          messageId: 'dynamicSql',
          data: { method: 'sequelize.query', part: 'user.id', origin: "a property of 'user'" },
          suggestions: [
            {
              messageId: 'useParameters',
              output: code`
                import * as S from 'sequelize';
                const sequelize = new S.Sequelize('db');
                export const f = (user: { id: string }) => sequelize.query(\`DELETE FROM t WHERE id = :id\`, { replacements: { id: user.id } });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // knex.raw with ? placeholders; TS import-equals
    {
      code: code`
        import knexFactory = require('knex');
        const knex = knexFactory({});
        export function byEmail(email: string) {
          return knex.raw(\`select * from users where email = \${email}\`);
        }
      `,
      filename: 'db.ts',
      errors: [
        {
          messageId: 'dynamicSql',
          suggestions: [
            {
              messageId: 'useParameters',
              output: code`
                import knexFactory = require('knex');
                const knex = knexFactory({});
                export function byEmail(email: string) {
                  return knex.raw(\`select * from users where email = ?\`, [email]);
                }
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // concatenation: reported, no suggestion; request data through a let and String() as the ORDER BY column:
    // parameters cannot help there, the message asks for an allow list
    {
      code: code`
        import express from 'express';
        import sqlite3 from 'sqlite3';
        const db = new sqlite3.Database(':memory:');
        const app = express();
        app.get('/items', (req, res) => {
          let sort = String(req.query.sort);
          db.all('SELECT * FROM items ORDER BY ' + sort, (err, rows) => res.json(rows));
        });
      `,
      errors: [{ messageId: 'requestIdentifier', data: { method: 'db.all', source: 'req.query.sort' }, suggestions: [] }],
      output: null,
    },
    // .concat and a SQL string held in a const; an unknown driver gets no suggestion
    {
      code: code`
        export function run(db: any, name: string) {
          const sql = 'UPDATE users SET name = '.concat(name);
          return db.execute(sql);
        }
      `,
      errors: [{ messageId: 'dynamicSql', data: { method: 'db.execute', part: 'name', origin: "a parameter of 'run'" }, suggestions: [] }],
      output: null,
    },
    // a value in a LIKE pattern or an identifier position cannot become a placeholder; with checkEveryPart a
    // column name of unseen origin is reported, and the message says escaping or an allow list fix it (trial 14:
    // mysql2's execute() prepares the text on the server, which takes no '??')
    {
      code: code`
        import mysql from 'mysql2/promise';
        const conn = await mysql.createConnection({});
        export const a = (term: string, column: string) => conn.execute(\`SELECT * FROM t WHERE name LIKE '%\${term}%'\`);
        export const b = (column: string) => conn.execute(\`SELECT * FROM t ORDER BY \${column}\`);
      `,
      options: [{ checkEveryPart: true }],
      errors: [
        { messageId: 'dynamicSql', suggestions: [] },
        {
          messageId: 'dynamicIdentifier',
          data: {
            method: 'conn.execute',
            part: 'column',
            origin: "a parameter of 'b'",
            bind: "Escape it as an identifier before execute(), which binds values only (mysql2's escapeId(name), or format() with '??')",
          },
          suggestions: [],
        },
      ],
      output: null,
    },
    // trial 27: Prisma.raw(text) puts its text into a $queryRaw tagged template as SQL: request data given whole is
    // reported, as orderByRaw's is (ESM, TS); a tagged template's own parts are parameters
    {
      code: code`
        import express from 'express';
        import { Prisma, PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.get('/a', async (req, res) => res.json(await prisma.$queryRaw\`SELECT * FROM t ORDER BY \${Prisma.raw(req.query.sort)}\`));
        app.get('/b', async (req, res) => res.json(await prisma.$queryRaw\`SELECT * FROM t WHERE id = \${req.query.id}\`));
      `,
      errors: [{ messageId: 'requestSql', data: { method: 'Prisma.raw', source: 'req.query.sort' }, line: 5, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { Prisma, PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        const app = express();
        app.get('/a', async (req: Request, res: Response) => {
          const order = Prisma.raw(req.query.sort as string);
          res.json(await prisma.$queryRaw\`SELECT * FROM t ORDER BY \${order}\`);
        });
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'requestSql', data: { method: 'Prisma.raw', source: 'req.query.sort' }, line: 6, suggestions: [] }],
      output: null,
    },
    // Prisma's unsafe raw query, request data in a helper's parameter is not followed (reported as built SQL)
    {
      code: code`
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export const byId = (id: string) => prisma.$queryRawUnsafe(\`SELECT * FROM "User" WHERE id = \${id}\`);
      `,
      errors: [{ messageId: 'dynamicSql', data: { method: 'prisma.$queryRawUnsafe', part: 'id', origin: "a parameter of 'byId'" }, suggestions: [] }],
      output: null,
    },
      // request data as a table name (through a const): SQL injection that parameters cannot fix
    {
      code: code`
        import express from 'express';
        import pg from 'pg';
        const pool = new pg.Pool();
        const app = express();
        app.get('/export/:table', async (req, res) => {
          const table = req.params.table;
          res.json(await pool.query(\`SELECT * FROM "\${table}" WHERE owner = $1\`, [req.user.id]));
        });
      `,
      errors: [{
        messageId: 'requestIdentifier',
        data: { method: 'pool.query', source: 'req.params.table' },
        line: 7,
        suggestions: [],
      }],
      output: null,
    },
    // a ternary that is not an allow list, and an allow list that request data is pushed into
    {
      code: code`
        const express = require('express');
        const mysql = require('mysql2');
        const db = mysql.createConnection({});
        const app = express();
        const SORTABLE = ['name'];
        app.get('/users', (req, res) => {
          const s = req.query.sort;
          db.query(\`SELECT * FROM users ORDER BY \${s.length > 2 ? s : 'name'}\`);
          SORTABLE.push(req.query.extra);
          db.query(\`SELECT * FROM users ORDER BY \${SORTABLE.includes(s) ? s : 'name'}\`);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'requestIdentifier', data: { method: 'db.query', source: 'req.query.sort' }, line: 8, suggestions: [] },
        { messageId: 'requestIdentifier', data: { method: 'db.query', source: 'req.query.sort' }, line: 10, suggestions: [] },
      ],
      output: null,
    },
    // checkEveryPart (strict): a class field's table name and a TS number say where they come from
    {
      code: code`
        import { Pool } from 'pg';
        export class Repository {
          constructor(private readonly pool: Pool, private readonly tableName: string) {}
          exists(id: string) {
            return this.pool.query(\`SELECT 1 FROM \${this.tableName} WHERE id = $1\`, [id]);
          }
          bucket(minutes: number) {
            return this.pool.query(\`SELECT date_floor_round(now(), '\${minutes} minutes')\`);
          }
        }
      `,
      filename: 'repository.ts',
      options: [{ checkEveryPart: true }],
      errors: [
        {
          messageId: 'dynamicIdentifier',
          data: { method: 'this.pool.query', part: 'this.tableName', origin: 'a field of this object', bind: "Bind it as an identifier (mysql '??', pg-format '%I', slonik sql.identifier)" },
          line: 5,
          suggestions: [],
        },
        { messageId: 'dynamicSql', data: { method: 'this.pool.query', part: 'minutes', origin: 'typed as a number, which is not checked at run time' }, line: 8, suggestions: [] },
      ],
      output: null,
    },
    // strict (`checkEveryPart`): a helper that runs a SQL body it is given (ghost createViewOrReplace): the body
    // (a fragment) is reported first, not the view's name (an identifier of unseen origin)
    {
      options: [{ checkEveryPart: true }],
      code: code`
        const knex = require('knex')({});
        async function createViewOrReplace(name, viewSql) {
          await knex.raw(\`CREATE OR REPLACE SQL SECURITY INVOKER VIEW \\\`\${name}\\\` AS \${viewSql}\`);
        }
        module.exports = { createViewOrReplace };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'dynamicFragment', data: { method: 'knex.raw', part: 'viewSql', origin: "a parameter of 'createViewOrReplace'" }, line: 3, suggestions: [] }],
      output: null,
    },
  ],
});

runRuleTests('no-sql-injection (pg-promise query methods)', rule, {
  valid: [
    // placeholders with pg-promise's one/many; a one() that is not SQL text (CommonJS)
    {
      code: code`
        const express = require('express');
        const pgp = require('pg-promise')();
        const db = pgp('postgres://app@localhost/app');
        const app = express();
        app.get('/p', async (req, res) => {
          res.json(await db.one('SELECT * FROM products WHERE id = $1', [req.query.id]));
          res.json(await db.manyOrNone('SELECT * FROM products WHERE name = $1', req.query.name));
          res.json(await db.any(\`SELECT * FROM products WHERE id = \${Number(req.query.id)}\`));
          res.json([req.query.a].map(String));
        });
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // regression (vulnerable-node, same file): pg-promise's db.one/db.many run SQL text (ESM)
    {
      code: code`
        import express from 'express';
        import pgPromise from 'pg-promise';
        const db = pgPromise()('postgres://app@localhost/app');
        const app = express();
        app.get('/p', async (req, res) => {
          res.json(await db.one('SELECT * FROM products WHERE id = ' + req.query.id));
          res.json(await db.many(\`SELECT * FROM products WHERE name ILIKE '%\${req.query.q}%'\`));
        });
      `,
      errors: [
        { messageId: 'requestSql', line: 6, data: { method: 'db.one', source: 'req.query.id' } },
        { messageId: 'requestSql', line: 7, data: { method: 'db.many', source: 'req.query.q' } },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-sql-injection (trial 15: other placeholder idioms)', rule, {
  valid: [
    // `Array(n).fill('?')`, `'?,'.repeat(n).slice(0, -1)`, `Array.from({ length: n }, () => '?')` (CommonJS, ESM, TS)
    {
      code: code`
        async function byIds(pool, ids) {
          const a = new Array(ids.length).fill('?').join(',');
          await pool.query(\`SELECT * FROM items WHERE id IN (\${a})\`, ids);
          const b = '?,'.repeat(ids.length).slice(0, -1);
          await pool.query(\`SELECT * FROM items WHERE id IN (\${b})\`, ids);
          return pool.query(\`SELECT * FROM items WHERE id IN (\${Array.from({ length: ids.length }, () => '?').join(',')})\`, ids);
        }
        module.exports = { byIds };
      `,
      languageOptions: commonjs,
    },
    code`
      export async function byIds(pool, ids) {
        return pool.query('SELECT * FROM items WHERE id IN (' + Array(ids.length).fill('?') + ')', ids);
      }
    `,
    {
      code: code`
        export async function byIds(pool: { query(sql: string, values: unknown[]): Promise<unknown> }, ids: number[]): Promise<unknown> {
          const marks: string = ', ?'.repeat(ids.length).substring(2);
          return pool.query(\`SELECT * FROM items WHERE id IN (\${marks})\`, ids);
        }
      `,
      filename: 'repo.ts',
    },
  ],
  invalid: [
    // The same idioms around other text: filled with an unknown value, repeating one, or mapping elements from another list
    {
      code: code`
        async function run(pool, ids, mark, list) {
          await pool.query(\`SELECT * FROM t WHERE id IN (\${Array(ids.length).fill(mark).join()})\`, ids);
          await pool.query(\`SELECT * FROM t WHERE id IN (\${mark.repeat(ids.length)})\`, ids);
          await pool.query(\`SELECT * FROM t WHERE id IN (\${Array.from(list, (x) => x).join()})\`, ids);
        }
        module.exports = { run };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'dynamicSql', line: 2, suggestions: [] },
        { messageId: 'dynamicSql', line: 3, suggestions: [] },
        { messageId: 'dynamicSql', line: 4, suggestions: [] },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-sql-injection (trial 15: no placeholder for joined text)', rule, {
  valid: [],
  invalid: [
    // Text joined from a list stands for several values: one placeholder would bind it as a single string (`IN (?)`
    // matching nothing), so no rewrite is offered; a plain value still gets one (CommonJS, TS)
    {
      code: code`
        const mysql = require('mysql2/promise');
        const pool = mysql.createPool({});
        async function find(ids, name) {
          const marks = ids.map((id) => \`'\${id}'\`).join(', ');
          await pool.query(\`SELECT * FROM items WHERE id IN (\${marks})\`);
          return pool.query(\`SELECT * FROM items WHERE name = \${name}\`);
        }
        module.exports = { find };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'dynamicSql', line: 5, suggestions: [] },
        {
          messageId: 'dynamicSql',
          line: 6,
          suggestions: [
            {
              messageId: 'useParameters',
              data: { style: '?' },
              output: code`
                const mysql = require('mysql2/promise');
                const pool = mysql.createPool({});
                async function find(ids, name) {
                  const marks = ids.map((id) => \`'\${id}'\`).join(', ');
                  await pool.query(\`SELECT * FROM items WHERE id IN (\${marks})\`);
                  return pool.query(\`SELECT * FROM items WHERE name = ?\`, [name]);
                }
                module.exports = { find };
              `,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-sql-injection (trial 14: placeholder lists)', rule, {
  valid: [
    // Trial 14 (directus services/users.js): an IN list of placeholders interpolated without `.join()` is the same
    // text as `.join()`, also in a concatenation (CommonJS)
    {
      code: code`
        async function emailsTaken(knex, emails) {
          await knex.raw('SELECT id FROM users WHERE id IN (' + emails.map(() => '?') + ')', emails);
          return knex.select('email').from('users').whereRaw(\`LOWER(??) IN (\${emails.map(() => '?')})\`, ['email', ...emails]);
        }
        module.exports = { emailsTaken };
      `,
      languageOptions: commonjs,
    },
    // ... through a const list that is only read, spread or used as text (ESM)
    code`
      import mysql from 'mysql2';
      const pool = mysql.createPool({});
      export function byIds(ids) {
        const marks = ids.map(() => '?');
        return pool.query(\`SELECT * FROM t WHERE id IN (\${marks}) AND n = \${marks.length}\`, [...ids, ...marks.map(() => 1)]);
      }
    `,
    // Trial 14 (parse-server PostgresStorageAdapter): pg-promise placeholders kept in a const list and joined where
    // used; a list only ever pushed placeholder templates in a forEach (the index, or a counter that only adds numbers)
    {
      code: code`
        async function createIndex(db, table, fields) {
          const patterns = fields.map((f, i) => \`$\${i + 2}:name\`);
          return db.none(\`CREATE INDEX IF NOT EXISTS idx ON $1:name (\${patterns.join()})\`, [table, ...fields]);
        }
        async function createTable(db, table, fields) {
          const patterns = [];
          fields.forEach((f, i) => patterns.push(\`$\${i + 2}:name text\`));
          return db.none(\`CREATE TABLE IF NOT EXISTS $1:name (\${patterns.join()})\`, [table, ...fields]);
        }
        async function createTable2(db, table, fields) {
          const patterns = [];
          let index = 2;
          Object.keys(fields).forEach((name) => {
            patterns.push(\`$\${index}:name $\${index + 1}:raw\`);
            if (name === 'objectId') patterns.push(\`PRIMARY KEY ($\${index}:name)\`);
            index = index + 2;
            index++;
          });
          return db.none(\`CREATE TABLE IF NOT EXISTS $1:name (\${patterns.join()})\`, [table, ...Object.keys(fields)]);
        }
        module.exports = { createIndex, createTable, createTable2 };
      `,
      languageOptions: commonjs,
      options: [{ checkEveryPart: true }],
    },
    // ... a `?:` between two mapped lists, block-bodied callbacks, lists concatenated, elements of a constant list (TS)
    {
      code: code`
        import pgPromise from 'pg-promise';
        const db = pgPromise()('postgres://app@localhost/app');
        const COLUMNS = ['name', 'email'];
        export async function insert(table: string, fields: string[], values: unknown[], lower: boolean) {
          const patterns = lower ? fields.map((f, i) => \`lower($\${i + 3}:name)\`) : fields.map((f, i) => \`$\${i + 3}:name\`);
          await db.none(\`CREATE INDEX IF NOT EXISTS $1:name ON $2:name (\${patterns.join()})\`, [table, table, ...fields]);
          const initial = values.map((v, index) => {
            let termination = '';
            if (Array.isArray(v)) termination = '::jsonb';
            return \`$\${index + 2 + fields.length}\${termination}\`;
          });
          const points = values.map(function () {
            const l = values.length + fields.length;
            return \`POINT($\${l}, $\${l + 1})\`;
          });
          const valuesPattern = initial.concat(points).join();
          const columns = fields.map((name, idx) => {
            return \`$\${idx + 2}:name\`;
          }).join(', DROP COLUMN ');
          await db.none(\`INSERT INTO $1:name VALUES (\${valuesPattern})\`, [table, ...values]);
          await db.none(\`ALTER TABLE $1:name DROP COLUMN IF EXISTS \${columns}\`, [table, ...fields]);
          await db.none(\`UPDATE t SET \${COLUMNS.map((c) => \`\${c} = ?\`).join(', ')}\`, values);
        }
      `,
      filename: 'schema.ts',
      options: [{ checkEveryPart: true }],
    },
  ],
  invalid: [
    // a mapped list that returns its elements, one that is pushed a value, a join with an unknown separator, an
    // update list built from an object's keys (a template without quotes is not placeholder text by itself) (CommonJS)
    {
      code: code`
        async function run(knex, ids, extra, sep, data) {
          await knex.raw(\`SELECT * FROM t WHERE id IN (\${ids.map((id) => id)})\`);
          const marks = ids.map(() => '?');
          marks.push(extra);
          await knex.raw(\`SELECT * FROM t WHERE id IN (\${marks})\`, ids);
          await knex.raw(\`SELECT * FROM t WHERE id IN (\${ids.map(() => '?').join(sep)})\`, ids);
          await knex.raw(\`UPDATE t SET \${Object.keys(data).map((k) => \`\${k} = ?\`).join(', ')} WHERE id = 1\`, Object.values(data));
        }
        module.exports = { run };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'dynamicSql', data: { method: 'knex.raw', part: 'ids.map((id) => id)', origin: "the result of 'ids.map()'" }, line: 2, suggestions: [] },
        { messageId: 'dynamicSql', data: { method: 'knex.raw', part: 'marks', origin: "the variable 'marks'" }, line: 5, suggestions: [] },
        { messageId: 'dynamicSql', line: 6, suggestions: [] },
        { messageId: 'dynamicFragment', line: 7, suggestions: [] },
      ],
      output: null,
    },
    // a list pushed a field name in a forEach, a Map's forEach key, a counter that is assigned a name (ESM)
    {
      code: code`
        export async function createTable(db, table, fields, extra) {
          const patterns = [];
          fields.forEach((f, i) => patterns.push(\`$\${i + 2}:name \${f}\`));
          await db.none(\`CREATE TABLE IF NOT EXISTS $1:name (\${patterns.join()})\`, [table, ...fields]);
          const keyed = [];
          const types = new Map();
          types.forEach((type, key) => keyed.push(\`$\${key}:name\`));
          await db.none(\`CREATE TABLE IF NOT EXISTS $1:name (\${keyed.join()})\`, [table]);
          const counted = [];
          let index = 2;
          fields.forEach(() => {
            counted.push(\`$\${index}:name\`);
            index = extra;
          });
          await db.none(\`CREATE TABLE IF NOT EXISTS $1:name (\${counted.join()})\`, [table]);
        }
      `,
      errors: [
        { messageId: 'dynamicFragment', data: { method: 'db.none', part: 'patterns.join()', origin: "the result of 'patterns.join()'" }, line: 4, suggestions: [] },
        { messageId: 'dynamicFragment', line: 8, suggestions: [] },
        { messageId: 'dynamicFragment', line: 15, suggestions: [] },
      ],
      output: null,
    },
    // a mapped list whose callback returns a parameter's text, kept in a const (TS)
    {
      code: code`
        import pgPromise from 'pg-promise';
        const db = pgPromise()('postgres://app@localhost/app');
        export async function createIndex(table: string, fields: string[], suffix: string) {
          const patterns = fields.map((f, i) => \`$\${i + 2}:name \${suffix}\`);
          await db.none(\`CREATE INDEX IF NOT EXISTS idx ON $1:name (\${patterns.join()})\`, [table, ...fields]);
        }
      `,
      filename: 'schema.ts',
      errors: [{ messageId: 'dynamicFragment', data: { method: 'db.none', part: 'patterns.join()', origin: "the result of 'patterns.join()'" }, line: 5, suggestions: [] }],
      output: null,
    },
  ],
});

/** The advice for a name in SQL text passed to `execute()`: no `??` there (sidorares/node-mysql2#1356). */
const EXECUTE_BIND = "Escape it as an identifier before execute(), which binds values only (mysql2's escapeId(name), or format() with '??')";

runRuleTests('no-sql-injection (trial 14: checked names, constant callers)', rule, {
  valid: [
    // Trial 14 (uptime-kuma server/database.js): a name checked by an anchored allow pattern before it is used, as
    // request data would be (guards.ts), or against a constant list (CommonJS)
    {
      code: code`
        const mysql = require('mysql2/promise');
        const TABLES = ['heartbeat', 'stat'];
        async function createDatabase(dbConfig, table) {
          if (!/^\\w+$/.test(dbConfig.dbName)) {
            throw new Error('Invalid database name');
          }
          const connection = await mysql.createConnection({ host: dbConfig.hostname });
          await connection.execute('CREATE DATABASE IF NOT EXISTS ' + dbConfig.dbName + ' CHARACTER SET utf8mb4');
          if (!TABLES.includes(table)) return;
          await connection.query(\`DELETE FROM \${table} WHERE time < ?\`, [0]);
        }
        module.exports = { createDatabase };
      `,
      languageOptions: commonjs,
      options: [{ checkEveryPart: true }],
    },
    // Trial 14 (directus mysql.js): a fragment parameter of a function that only this file calls, each call passing
    // placeholder text (ESM)
    {
      code: code`
        function applySort(query, table, pk, orderByString, fields) {
          return query.orderByRaw(\`?? asc, \${orderByString}\`, [\`\${table}.\${pk}\`, ...fields]);
        }
        export function sortBy(query, table, pk, sorts) {
          const orderBy = sorts.map((s) => (s.desc ? '?? desc' : '?? asc')).join(', ');
          applySort(query, table, pk, '?? asc', []);
          return applySort(query, table, pk, orderBy, sorts.map((s) => s.column));
        }
      `,
      options: [{ checkEveryPart: true }],
    },
    // ... both in TypeScript, the check held in a const
    {
      code: code`
        import { Pool } from 'pg';
        const pool = new Pool();
        const sortBy = (column: string, direction: string) => pool.query(\`SELECT * FROM t ORDER BY \${column} \${direction}\`);
        export async function list(schema: string, desc: boolean) {
          const ok = /^[a-z_]+$/.test(schema);
          if (!ok) throw new Error('bad schema');
          await pool.query(\`SELECT * FROM \${schema}.t\`);
          return sortBy('name', desc ? 'DESC' : 'ASC');
        }
      `,
      filename: 'list.ts',
      options: [{ checkEveryPart: true }],
    },
  ],
  invalid: [
    // a pattern that is not anchored, a check after the use, a name written again after its check (CommonJS)
    {
      code: code`
        const mysql = require('mysql2/promise');
        async function create(conn, name, other) {
          if (!/\\w+/.test(name)) throw new Error('bad');
          await conn.execute('CREATE DATABASE ' + name);
          await conn.execute('CREATE DATABASE ' + other);
          if (!/^\\w+$/.test(other)) throw new Error('bad');
          let db = other;
          if (!/^\\w+$/.test(db)) throw new Error('bad');
          db = name;
          await conn.execute('DROP DATABASE ' + db);
        }
        module.exports = { create, mysql };
      `,
      languageOptions: commonjs,
      options: [{ checkEveryPart: true }],
      errors: [
        { messageId: 'dynamicIdentifier', line: 4, suggestions: [] },
        { messageId: 'dynamicIdentifier', line: 5, suggestions: [] },
        { messageId: 'dynamicIdentifier', data: { method: 'conn.execute', part: 'db', origin: "the variable 'db'", bind: EXECUTE_BIND }, line: 10, suggestions: [] },
      ],
      output: null,
    },
    // a function exported (other modules may call it), one handed on as a value, one a caller passes its own
    // parameter to (ESM)
    {
      code: code`
        export function applySort(query, orderByString) {
          return query.orderByRaw(\`?? asc, \${orderByString}\`, ['id']);
        }
        function sortWith(query, orderByString) {
          return query.orderByRaw(\`?? asc, \${orderByString}\`, ['id']);
        }
        function sortAgain(query, orderByString) {
          return query.orderByRaw(\`?? asc, \${orderByString}\`, ['id']);
        }
        export const sorters = [sortWith];
        export function sortBy(query, order) {
          applySort(query, '?? desc');
          sortWith(query, '?? desc');
          sortAgain(query, '?? desc');
          return sortAgain(query, order);
        }
      `,
      options: [{ checkEveryPart: true }],
      errors: [
        { messageId: 'dynamicIdentifier', data: { method: 'query.orderByRaw', part: 'orderByString', origin: "a parameter of 'applySort'", bind: "Bind it as an identifier (mysql '??', pg-format '%I', slonik sql.identifier)" }, line: 2, suggestions: [] },
        { messageId: 'dynamicIdentifier', line: 5, suggestions: [] },
        { messageId: 'dynamicIdentifier', line: 8, suggestions: [] },
      ],
      output: null,
    },
    // TypeScript: a const-bound helper exported, and a check by a test that is no allow pattern
    {
      code: code`
        import { Pool } from 'pg';
        const pool = new Pool();
        export const sortBy = (column: string) => pool.query(\`SELECT * FROM t ORDER BY \${column}\`);
        export async function list(schema: string) {
          if (!schema) throw new Error('no schema');
          await pool.query(\`SELECT * FROM \${schema}.t\`);
          return sortBy('name');
        }
      `,
      filename: 'list.ts',
      options: [{ checkEveryPart: true }],
      errors: [
        { messageId: 'dynamicIdentifier', line: 3, suggestions: [] },
        { messageId: 'dynamicIdentifier', line: 6, suggestions: [] },
      ],
      output: null,
    },
  ],
});

describe('no-sql-injection: the advice for a name passed to execute() (trial 14)', () => {
  it("does not advise mysql '??' for execute(), which prepares the text on the server; query() keeps it", () => {
    const linter = new Linter({ configType: 'flat' });
    const config = [{ plugins: { se: { rules: { 'no-sql-injection': rule } } }, rules: { 'se/no-sql-injection': ['error', { checkEveryPart: true }] } }] as unknown as Linter.Config[];
    const text = "export const drop = (conn, db) => conn.execute('DROP DATABASE ' + db);\nexport const list = (conn, t) => conn.query('SELECT * FROM ' + t);\n";
    const messages = linter.verify(text, config, 'drop.js').map((m) => m.message);
    expect(messages).toEqual([
      `SQL text passed to 'conn.execute' takes a table or column name from 'db' (a parameter of 'drop'): a query parameter cannot stand there. ${EXECUTE_BIND} or check it against an allow list of names.`,
      "SQL text passed to 'conn.query' takes a table or column name from 't' (a parameter of 'list'): a query parameter cannot stand there. Bind it as an identifier (mysql '??', pg-format '%I', slonik sql.identifier) or check it against an allow list of names.",
    ]);
  });
});

// A `const` holding SQL text built here is read where the query puts it, as if written inline (trial 16: Saltcorn's
// `const ownerClause = ownerField ? \`and t."${db.sqlsanitize(ownerField)}" = $3\` : ''` was "the variable
// 'ownerClause', which may hold any SQL", while the same text inline is a name, reported only with `checkEveryPart`).
runRuleTests('no-sql-injection (a const fragment read inline)', rule, {
  valid: [
    {
      code: code`
        const db = require('@acme/db');
        exports.rows = async (ownerField, userId) => {
          const ownerClause = ownerField ? \`and t."\${db.sqlsanitize(ownerField)}" = $2\` : '';
          return db.query(\`select * from t where a = $1 \${ownerClause} order by b\`, [1, userId]);
        };
      `,
      languageOptions: commonjs,
    },
    code`
      import db from '@acme/db';
      const ORDER = 'order by created';
      export async function rows(column) {
        const where = \`where "\${db.sqlsanitize(column)}" is not null\`;
        const sql = \`select * from t \${where} \${ORDER}\`;
        return db.query(sql);
      }
    `,
    {
      code: code`
        import { Pool } from 'pg';
        const pool = new Pool();
        export async function rows(ownerField: string | null) {
          const clause = ownerField ? \`and "\${ownerField}" = $2\` : 'and true';
          return pool.query(\`select * from t where a = $1 \${clause}\`, [1, 2]);
        }
      `,
      filename: 'rows.ts',
    },
  ],
  invalid: [
    // a value of unseen origin in the const, named where it is
    {
      code: code`
        const db = require('@acme/db');
        exports.rows = async (owner) => {
          const clause = owner ? \`and a = \${owner.id}\` : '';
          return db.query(\`select * from t where b = $1 \${clause}\`, [1]);
        };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'dynamicSql', data: { method: 'db.query', part: 'owner.id', origin: "a property of 'owner'" }, line: 4, suggestions: [] }],
    },
    // the name, with checkEveryPart
    {
      code: code`
        import db from '@acme/db';
        export async function rows(ownerField) {
          const ownerClause = ownerField ? \`and t."\${db.sqlsanitize(ownerField)}" = $2\` : '';
          return db.query(\`select * from t where a = $1 \${ownerClause}\`, [1, 2]);
        }
      `,
      options: [{ checkEveryPart: true }],
      errors: [
        {
          messageId: 'dynamicIdentifier',
          data: { method: 'db.query', part: 'db.sqlsanitize(ownerField)', origin: "the result of 'db.sqlsanitize()'", bind: "Bind it as an identifier (mysql '??', pg-format '%I', slonik sql.identifier)" },
          line: 4,
          suggestions: [],
        },
      ],
    },
  ],
});

// medusa's first migration, in one file: the elements of a constant list (literals, object literals of literals) that
// the file only reads, looped over with for...of or an array method's callback, also destructured, are constant.
// (Across files: tests/project/constant-lists.test.ts.)
runRuleTests('no-sql-injection (elements of a constant list)', rule, {
  valid: [
    { code: code`
        const countries = [{ alpha2: 'AF', name: 'Afghanistan', numeric: 4 }, { alpha2: 'AL', name: 'Albania', numeric: 8 }];
        const codes = ['AF', 'AL'];
        module.exports = class Initial {
          async up(queryRunner) {
            for (const c of countries) await queryRunner.query(\`DELETE FROM country WHERE iso_2 = '\${c.alpha2}' AND n = \${c.numeric}\`);
            for (const { alpha2 } of countries) await queryRunner.query(\`DELETE FROM country WHERE iso_2 = '\${alpha2}'\`);
            for (const code of [...codes, 'AX']) await queryRunner.query(\`DELETE FROM country WHERE iso_2 = '\${code}'\`);
            countries.forEach(({ name }) => queryRunner.query(\`DELETE FROM country WHERE name = '\${name}'\`));
            await queryRunner.query(\`INSERT INTO country (iso_2) VALUES \${countries.map((c) => \`('\${c.alpha2}')\`).join(', ')}\`);
          }
        };
      `, languageOptions: commonjs },
    code`
      import type { QueryRunner } from 'typeorm';
      const COUNTRIES = [{ alpha2: 'AF' }, { alpha2: 'AL' }] as const;
      export async function up(queryRunner: QueryRunner): Promise<void> {
        for (const country of COUNTRIES) await queryRunner.query(\`DELETE FROM country WHERE iso_2 = '\${country.alpha2}'\`);
      }
    `,
  ],
  invalid: [
    // an element written through, a list with a value of unseen origin, a list pushed what the file does not show
    {
      code: code`
        const countries = [{ alpha2: 'AF' }];
        const extra = [{ alpha2: process.env.EXTRA }];
        const codes = ['AF'];
        module.exports = async (queryRunner, more) => {
          codes.push(more);
          for (const c of countries) {
            c.alpha2 = c.alpha2.toLowerCase();
            await queryRunner.query(\`DELETE FROM country WHERE iso_2 = '\${c.alpha2}'\`);
          }
          for (const c of extra) await queryRunner.query(\`DELETE FROM country WHERE iso_2 = '\${c.alpha2}'\`);
          for (const code of codes) await queryRunner.query(\`DELETE FROM country WHERE iso_2 = '\${code}'\`);
        };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'dynamicSql', data: { method: 'queryRunner.query', part: 'c.alpha2', origin: "a property of 'c'" }, line: 8, suggestions: [] },
        { messageId: 'dynamicSql', data: { method: 'queryRunner.query', part: 'c.alpha2', origin: "a property of 'c'" }, line: 10, suggestions: [] },
        { messageId: 'dynamicSql', data: { method: 'queryRunner.query', part: 'code', origin: "the variable 'code'" }, line: 11, suggestions: [] },
      ],
    },
  ],
});

// U4: passport-local hands its verify callback req.body.username / req.body.password as they were sent (CommonJS)
runRuleTests('no-sql-injection', rule, {
  valid: [
    {
      code: code`
        const passport = require('passport');
        const LocalStrategy = require('passport-local').Strategy;
        const db = require('mysql').createPool({});
        passport.use(new LocalStrategy((username, password, done) => {
          db.query('SELECT * FROM users WHERE name = ?', [username], done);
        }));
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      code: code`
        const passport = require('passport');
        const LocalStrategy = require('passport-local').Strategy;
        const db = require('mysql').createPool({});
        passport.use(new LocalStrategy((username, password, done) => {
          db.query("SELECT * FROM users WHERE name = '" + username + "'", done);
        }));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'requestSql', data: { method: 'db.query', source: "req.body.username, given as 'username' by passport-local" }, line: 5, suggestions: [] }],
    },
  ],
});

// Lane gql21: a GraphQL resolver's arguments are what the client sent (trial 29: ORDER BY from a resolver's argument)
runRuleTests('no-sql-injection', rule, {
  valid: [
    // Apollo, the schema in the file: an Int argument is a number, an enum one of its names; a String bound as a parameter (TS)
    {
      code: code`
        import { ApolloServer, gql } from 'apollo-server-express';
        import { Pool } from 'pg';
        const pool = new Pool();
        const typeDefs = gql\`
          enum Sort { name created_at }
          type Query {
            post(id: Int!): Post
            posts(sort: Sort = name, limit: Int): [Post!]!
            byTitle(title: String): [Post]
          }
        \`;
        const resolvers = {
          Query: {
            post: async (_: unknown, { id }: { id: number }) => (await pool.query('SELECT * FROM posts WHERE id = ' + id)).rows[0],
            posts: async (_: unknown, args: { sort: string; limit: number }) => (await pool.query(\`SELECT * FROM posts ORDER BY \${args.sort} LIMIT \${args.limit}\`)).rows,
            byTitle: async (_: unknown, { title }: { title: string }) => (await pool.query('SELECT * FROM posts WHERE title = $1', [title])).rows,
          },
        };
        export const server = new ApolloServer({ typeDefs, resolvers });
      `,
      filename: 'server.ts',
    },
    // express-graphql with buildSchema: root functions take their arguments first; an Int is no text (CommonJS)
    {
      code: code`
        const { graphqlHTTP } = require('express-graphql');
        const { buildSchema } = require('graphql');
        const db = require('mysql').createPool({});
        const schema = buildSchema('type Query { post(id: Int!): String }');
        const root = { post: ({ id }) => db.query('SELECT body FROM posts WHERE id = ' + id) };
        module.exports = graphqlHTTP({ schema, rootValue: root });
      `,
      languageOptions: commonjs,
    },
    // graphql-js's graphql() run by the app itself: its arguments are the app's, not a client's (a name at an
    // identifier's place is reported only when it is request data)
    code`
      import { graphql, buildSchema } from 'graphql';
      import { Pool } from 'pg';
      const pool = new Pool();
      const schema = buildSchema('type Query { posts(sort: String): [String] }');
      const rootValue = { posts: ({ sort }) => pool.query('SELECT title FROM posts ORDER BY ' + sort) };
      export const run = () => graphql({ schema, source: '{ posts(sort: "title") }', rootValue });
    `,
    // a resolver map shaped like Apollo's in a package that declares no GraphQL server
    {
      code: code`
        import { pool } from './db';
        export const resolvers = { Query: { posts: (_, { sort }) => pool.query('SELECT title FROM posts ORDER BY ' + sort) } };
      `,
      filename: inExpressPackage('resolvers.js'),
    },
    // the shape guess off
    {
      code: code`
        import { pool } from './db';
        export const resolvers = { Query: { posts: (_, { sort }) => pool.query('SELECT title FROM posts ORDER BY ' + sort) } };
      `,
      filename: inGraphqlPackage('resolvers.js'),
      settings: { 'secure-express': { handlerShapes: false } },
    },
  ],
  invalid: [
    // Apollo, the schema imported: every argument is taken as text; destructured, read as args.x, a method (TS)
    {
      code: code`
        import { ApolloServer } from 'apollo-server-express';
        import { Pool } from 'pg';
        import { typeDefs } from './typeDefs';
        const pool = new Pool();
        const server = new ApolloServer({
          typeDefs,
          resolvers: {
            Query: {
              user: async (_: unknown, { id }: { id: string }) => (await pool.query('SELECT * FROM users WHERE id = ' + id)).rows[0],
              users: (_: unknown, args: { order: string }) => pool.query('SELECT * FROM users ORDER BY ' + args.order),
            },
            Mutation: {
              rename(parent: unknown, args: { id: string; name: string }) {
                return pool.query("UPDATE users SET name = '" + args.name + "' WHERE id = $1", [args.id]);
              },
            },
          },
        });
        export default server;
      `,
      filename: 'server.ts',
      errors: [
        { messageId: 'requestSql', data: { method: 'pool.query', source: 'id (GraphQL argument of Query.user)' }, line: 9, suggestions: [] },
        { messageId: 'requestIdentifier', data: { method: 'pool.query', source: 'args.order (GraphQL argument of Query.users)' }, line: 10, suggestions: [] },
        { messageId: 'requestSql', data: { method: 'pool.query', source: 'args.name (GraphQL argument of Mutation.rename)' }, line: 14, suggestions: [] },
      ],
    },
    // the schema in the file types the argument a String; a field written as { resolve } (makeExecutableSchema, ESM)
    {
      code: code`
        import { makeExecutableSchema } from '@graphql-tools/schema';
        import { pool } from './db.js';
        const typeDefs = \`
          type Query { search(q: String!, limit: Int): [String] }
          type User { posts(tag: ID): [String] }
        \`;
        export const schema = makeExecutableSchema({
          typeDefs,
          resolvers: {
            Query: { search: (_, { q, limit }) => pool.query(\`SELECT title FROM posts WHERE title LIKE '%\${q}%' LIMIT \${limit}\`) },
            User: { posts: { resolve: (user, { tag }) => pool.query("SELECT title FROM posts WHERE tag = '" + tag + "'") } },
          },
        });
      `,
      errors: [
        {
          messageId: 'requestSql',
          data: { method: 'pool.query', source: 'q (GraphQL argument of Query.search)' },
          line: 10,
          suggestions: [],
        },
        { messageId: 'requestSql', data: { method: 'pool.query', source: 'tag (GraphQL argument of User.posts)' }, line: 11, suggestions: [] },
      ],
    },
    // express-graphql with buildSchema and a root value (CommonJS)
    {
      code: code`
        const express = require('express');
        const { graphqlHTTP } = require('express-graphql');
        const { buildSchema } = require('graphql');
        const db = require('mysql').createPool({});
        const schema = buildSchema(\`
          type Query { search(q: String): [String] }
        \`);
        const root = {
          search({ q }, context) {
            return db.query("SELECT title FROM posts WHERE title LIKE '%" + q + "%'");
          },
        };
        const app = express();
        app.use('/graphql', graphqlHTTP({ schema, rootValue: root }));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'requestSql', data: { method: 'db.query', source: 'q (GraphQL argument of Query.search)' }, line: 10, suggestions: [] }],
    },
    // graphql-http's Express handler, the schema imported: the root field named alone (ESM)
    {
      code: code`
        import express from 'express';
        import { createHandler } from 'graphql-http/lib/use/express';
        import { schema } from './schema.js';
        import { pool } from './db.js';
        const app = express();
        app.all('/graphql', createHandler({ schema, rootValue: { posts: (args) => pool.query('SELECT * FROM posts ORDER BY ' + args.sort) } }));
      `,
      errors: [{ messageId: 'requestIdentifier', data: { method: 'pool.query', source: 'args.sort (GraphQL argument of posts)' }, line: 6, suggestions: [] }],
    },
    // Apollo 4 (@apollo/server, mounted with expressMiddleware) and graphql-yoga's createSchema: the same resolver maps (ESM)
    {
      code: code`
        import express from 'express';
        import { ApolloServer } from '@apollo/server';
        import { expressMiddleware } from '@apollo/server/express4';
        import { createSchema } from 'graphql-yoga';
        import { pool } from './db.js';
        const typeDefs = 'type Query { posts(sort: String, limit: Int): [String] }';
        const resolvers = { Query: { posts: (_, { sort, limit }) => pool.query('SELECT title FROM posts ORDER BY ' + sort + ' LIMIT ' + limit) } };
        const server = new ApolloServer({ typeDefs, resolvers });
        await server.start();
        express().use('/graphql', express.json(), expressMiddleware(server));
        export const yoga = createSchema({ typeDefs, resolvers: { Mutation: { tag: (_, args) => pool.query("UPDATE posts SET tag = '" + args.tag + "'") } } });
      `,
      errors: [
        { messageId: 'requestIdentifier', data: { method: 'pool.query', source: 'sort (GraphQL argument of Query.posts)' }, line: 7, suggestions: [] },
        { messageId: 'requestSql', data: { method: 'pool.query', source: 'args.tag (GraphQL argument of Mutation.tag)' }, line: 11, suggestions: [] },
      ],
    },
    // other import forms: a namespace import of apollo-server-express, express-graphql's module itself before 0.10,
    // graphql-tools' makeExecutableSchema destructured from require (CommonJS)
    {
      code: code`
        const graphqlHTTP = require('express-graphql');
        const { makeExecutableSchema } = require('graphql-tools');
        const apollo = require('apollo-server-express');
        const db = require('mysql').createPool({});
        exports.a = graphqlHTTP({ schema: exports.schema, rootValue: { a: ({ q }) => db.query('SELECT * FROM t ORDER BY ' + q) } });
        exports.b = makeExecutableSchema({ typeDefs: exports.typeDefs, resolvers: { Query: { b: (_, { q }) => db.query('SELECT * FROM t ORDER BY ' + q) } } });
        exports.c = new apollo.ApolloServer({ typeDefs: exports.typeDefs, resolvers: { Query: { c: (_, { q }) => db.query('SELECT * FROM t ORDER BY ' + q) } } });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'requestIdentifier', data: { method: 'db.query', source: 'q (GraphQL argument of a)' }, line: 5, suggestions: [] },
        { messageId: 'requestIdentifier', data: { method: 'db.query', source: 'q (GraphQL argument of Query.b)' }, line: 6, suggestions: [] },
        { messageId: 'requestIdentifier', data: { method: 'db.query', source: 'q (GraphQL argument of Query.c)' }, line: 7, suggestions: [] },
      ],
    },
    // a resolvers module of a package that declares a GraphQL server (the server is in another file: the shape guess)
    {
      code: code`
        import { pool } from './db';
        export const resolvers = { Query: { posts: (_, { sort }) => pool.query('SELECT title FROM posts ORDER BY ' + sort) } };
      `,
      filename: inGraphqlPackage('resolvers.js'),
      errors: [{ messageId: 'requestIdentifier', data: { method: 'pool.query', source: 'sort (GraphQL argument of Query.posts)' }, line: 2, suggestions: [] }],
    },
  ],
});

runRuleTests('no-sql-injection (trial 41p: SQL text held in a let or a ?: of texts)', rule, {
  valid: [
    // every text the name may hold is constant or placeholders only (CommonJS): a `let` set in branches, a `?:`
    // whose other branch is a call of the file's own; a `let` whose text is written after the query
    {
      code: code`
        const pgp = require('pg-promise')();
        class Store {
          constructor(uri) { this.db = pgp(uri); }
          async total(table, exact) {
            let sql = '';
            if (exact) {
              sql = \`SELECT count(*) FROM $1:name WHERE "id" > $\${2}\`;
            } else {
              sql = 'SELECT reltuples FROM pg_class WHERE relname = $1';
            }
            return this.db.one(sql, [table, 0]);
          }
          async list(table, plan) {
            const base = 'SELECT * FROM $1:name';
            const sql = plan ? this.planned(base) : base;
            return this.db.any(sql, [table]);
          }
          async later(table, where) {
            let sql = 'SELECT 1';
            await this.db.one(sql);
            sql = \`SELECT * FROM $1:name WHERE \${where}\`;
            return sql;
          }
          planned(text) { return 'EXPLAIN ' + text; }
        }
        module.exports = Store;
      `,
      languageOptions: commonjs,
    },
    // text added with `+=`: placeholders, a number, constant text; an addition after the query (ESM)
    code`
      import express from 'express';
      import mysql from 'mysql2';
      const pool = mysql.createPool({});
      const app = express();
      app.get('/items', (req, res) => {
        let sql = 'SELECT * FROM items WHERE 1=1';
        const values = [];
        if (req.query.name) { sql += ' AND name = ?'; values.push(req.query.name); }
        sql += \` LIMIT \${Number(req.query.limit) || 10}\`;
        pool.query(sql, values, (err, rows) => res.json(rows));
      });
      app.get('/later', (req, res) => {
        let sql = 'SELECT 1';
        pool.query(sql, () => res.end());
        sql += req.query.x;
      });
    `,
  ],
  invalid: [
    // text added to a `let` with `+=` (the common search-form pattern), conditionally and not (CommonJS)
    {
      code: code`
        const express = require('express');
        const mysql = require('mysql2');
        const pool = mysql.createPool({});
        const app = express();
        app.get('/a', (req, res) => {
          let sql = 'SELECT * FROM items WHERE 1=1';
          if (req.query.name) sql += \` AND name = '\${req.query.name}'\`;
          pool.query(sql, (err, rows) => res.json(rows));
        });
        app.get('/b', (req, res) => {
          let sql = 'SELECT * FROM items WHERE 1=1';
          sql += " AND owner = '" + req.query.owner + "'";
          pool.query(sql, (err, rows) => res.json(rows));
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'requestSql', line: 8, data: { method: 'pool.query', source: 'req.query.name' }, suggestions: [] },
        { messageId: 'requestSql', line: 13, data: { method: 'pool.query', source: 'req.query.owner' }, suggestions: [] },
      ],
      output: null,
    },
    // trial 41p (a Postgres storage adapter): the text of a count held in a `let` set in branches, and of a find in
    // a `?:` with an explaining call, both built with a WHERE clause another function returns (CommonJS)
    {
      code: code`
        const pgp = require('pg-promise')();
        class Store {
          constructor(uri) { this.db = pgp(uri); }
          async total(table, query, estimate) {
            const where = clauseOf(query);
            let sql = '';
            if (where.text.length > 0 || !estimate) {
              sql = \`SELECT count(*) FROM $1:name WHERE \${where.text}\`;
            } else {
              sql = 'SELECT reltuples FROM pg_class WHERE relname = $1';
            }
            return this.db.one(sql, [table, ...where.values]);
          }
          async list(table, query, plan) {
            const where = clauseOf(query);
            const base = \`SELECT * FROM $1:name WHERE \${where.text}\`;
            const sql = plan ? this.planned(base) : base;
            return this.db.any(sql, [table, ...where.values]);
          }
          planned(text) { return 'EXPLAIN ' + text; }
        }
        function clauseOf(query) { return { text: Object.keys(query).map((k) => \`"\${k}" = 1\`).join(' AND '), values: [] }; }
        module.exports = Store;
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'dynamicFragment', line: 12, data: { method: 'this.db.one', part: 'where.text', origin: "a property of 'where'" }, suggestions: [] },
        { messageId: 'dynamicFragment', line: 18, data: { method: 'this.db.any', part: 'where.text', origin: "a property of 'where'" }, suggestions: [] },
      ],
      output: null,
    },
    // request data in one of the texts a `let` may hold is named, whichever branch holds it (ESM)
    {
      code: code`
        import express from 'express';
        import mysql from 'mysql2';
        const pool = mysql.createPool({});
        const app = express();
        app.get('/items', (req, res) => {
          let sql = 'SELECT * FROM items';
          if (req.query.name) sql = \`SELECT * FROM items WHERE name = '\${req.query.name}'\`;
          pool.query(sql, (err, rows) => res.json(rows));
        });
      `,
      errors: [{ messageId: 'requestSql', line: 8, data: { method: 'pool.query', source: 'req.query.name' }, suggestions: [] }],
      output: null,
    },
    // TypeScript: a typed `let` and a `?:` of a constant and a built text
    {
      code: code`
        import { Pool } from 'pg';
        import { clause } from './clauses';
        const pool = new Pool();
        export async function search(filter: string, all: boolean): Promise<unknown> {
          let sql: string;
          if (all) sql = 'SELECT * FROM t';
          else sql = \`SELECT * FROM t WHERE \${clause(filter)}\`;
          await pool.query(sql);
          const other = all ? 'SELECT 1' : \`SELECT * FROM t WHERE \${clause(filter)}\`;
          return pool.query(other);
        }
      `,
      filename: 'search.ts',
      errors: [
        { messageId: 'dynamicFragment', line: 8, data: { method: 'pool.query', part: 'clause(filter)', origin: "the result of 'clause()'" }, suggestions: [] },
        { messageId: 'dynamicFragment', line: 10, data: { method: 'pool.query', part: 'clause(filter)', origin: "the result of 'clause()'" }, suggestions: [] },
      ],
      output: null,
    },
    // TypeScript: `+=` of request data onto a typed `let`, in a branch (ESM syntax)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { Pool } from 'pg';
        const pool = new Pool();
        const app = express();
        app.get('/search', async (req: Request, res: Response) => {
          let sql: string = 'SELECT * FROM posts WHERE 1=1';
          if (typeof req.query.tag === 'string') {
            sql += \` AND tag = '\${req.query.tag}'\`;
          }
          res.json((await pool.query(sql)).rows);
        });
      `,
      filename: 'search.ts',
      errors: [{ messageId: 'requestSql', line: 10, data: { method: 'pool.query', source: 'req.query.tag' }, suggestions: [] }],
      output: null,
    },
  ],
});
