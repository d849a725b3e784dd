// Trial 20 (r1, r3): a helper of another module of the package that is handed the handler's own request and reads
// request data from it (`redirectBack(req, res, '/home')` with `(req, res, fallback) => res.redirect(req.query.returnTo
// || fallback)`) is reported at the call, as the same helper in the route's file is; a parameter with a default value
// (`(db, name = '') =>`) is the parameter; request data that reaches a table or column name of SQL through a helper
// gets the allow-list advice it gets inline.
import type { Linter } from 'eslint';

import { esm, recommendedCjs, recommendedEsm, recommendedTs, ts, withProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.message}`;
const PACKAGE = (name: string, type = ''): string =>
  `{ "name": "${name}",${type} "dependencies": { "express": "^4.21.0", "mongodb": "^6.0.0", "pg": "^8.0.0" } }`;

describe('helpers of another module that read the request they are handed (trial 20 r1)', () => {
  it('CommonJS: no-open-redirect at the call, naming the helper, its file and line; not after a check, not with a fixed origin, not for another object', () => {
    const files = {
      'package.json': PACKAGE('redirect-helpers'),
      'lib/redirect.js': [
        "'use strict';",
        "const ALLOWED = ['/home', '/account'];",
        'exports.redirectBack = (req, res, fallback) => {',
        '  res.redirect(req.query.returnTo || fallback);',
        '};',
        'exports.destructured = function (req, res, fallback) {',
        '  const { returnTo } = req.query;',
        '  res.redirect(302, returnTo || fallback);',
        '};',
        'exports.checkedBack = (req, res, fallback) => {',
        '  const target = req.query.returnTo;',
        '  if (!ALLOWED.includes(target)) return res.redirect(fallback);',
        '  res.redirect(target);',
        '};',
        'exports.listedBack = (req, res, fallback) => res.redirect(ALLOWED.includes(req.query.returnTo) ? req.query.returnTo : fallback);',
        "exports.fixedBack = (req, res, page) => res.redirect('https://app.example/' + req.query.page);",
        "exports.hostBack = (req, res, fallback) => res.redirect(`https://${req.headers.host}/${req.query.page}`);",
        "exports.shaped = (req, res) => res.redirect(req.query.next || '/');",
        '',
      ].join('\n'),
      'app.js': [
        "'use strict';",
        "const express = require('express');",
        "const { redirectBack, destructured, checkedBack, listedBack, fixedBack, hostBack, shaped } = require('./lib/redirect');",
        'const app = express();',
        "app.get('/done', (req, res) => {",
        "  redirectBack(req, res, '/home');",
        '});',
        "app.get('/d', (req, res) => destructured(req, res, '/home'));",
        "app.get('/c', (req, res) => checkedBack(req, res, '/home'));",
        "app.get('/l', (req, res) => listedBack(req, res, '/home'));",
        "app.get('/f', (req, res) => fixedBack(req, res, 'x'));",
        "app.get('/h', (req, res) => hostBack(req, res, 'x'));",
        "app.get('/s', (req, res) => shaped(req, res));",
        "const fake = { query: { returnTo: '/x' } };",
        "app.get('/o', (req, res) => redirectBack(fake, res, '/home'));",
        "app.get('/p', (req, res) => redirectBack({ query: req.params }, res, '/home'));",
        'app.listen(3000);',
        '',
      ].join('\n'),
    };
    withProject('request-helpers-redirect', files, (lint) => {
      expect(lint('app.js')).toEqual([
        "6:3 'res.redirect' sends the browser to a URL taken from the request (req.query.returnTo, through 'redirectBack' (lib/redirect.js:4)): open redirect. Check it against an allow list, or keep only a local path.",
        "8:29 'res.redirect' sends the browser to a URL taken from the request (req.query.returnTo, through 'destructured' (lib/redirect.js:8)): open redirect. Check it against an allow list, or keep only a local path.",
      ]);
      // A helper shaped like a handler is its own file's finding, not its callers'.
      expect(lint('lib/redirect.js')).toEqual([
        "18:45 'res.redirect' sends the browser to a URL taken from the request (req.query.next): open redirect. Check it against an allow list, or keep only a local path.",
      ]);
    }, { rules: /no-open-redirect/u, format });
  });

  it('ESM and TypeScript: the same helper imported by name; one typed with Express types is its own file’s finding', () => {
    const files = {
      'package.json': PACKAGE('redirect-helpers-esm', ' "type": "module",'),
      'lib/redirect.mjs': "export function redirectBack(req, res, fallback) {\n  res.redirect(req.query.returnTo || fallback);\n}\n",
      'app.mjs': [
        "import express from 'express';",
        "import { redirectBack } from './lib/redirect.mjs';",
        'const app = express();',
        "app.get('/done', (req, res) => redirectBack(req, res, '/home'));",
        "app.get('/o', (req, res) => redirectBack({ query: {} }, res, '/home'));",
        '',
      ].join('\n'),
      'src/redirect.ts': [
        'interface Incoming { query: Record<string, string | undefined> }',
        'interface Outgoing { redirect(url: string): void }',
        'export function redirectBack(req: Incoming, res: Outgoing, fallback: string): void {',
        '  res.redirect(req.query.returnTo ?? fallback);',
        '}',
        '',
      ].join('\n'),
      'src/typed.ts': [
        "import type { Request, Response } from 'express';",
        'export function typedBack(req: Request, res: Response, fallback: string): void {',
        "  res.redirect(String(req.query.returnTo ?? fallback));",
        '}',
        '',
      ].join('\n'),
      'src/app.ts': [
        "import express from 'express';",
        "import { redirectBack } from './redirect';",
        "import { typedBack } from './typed';",
        'const app = express();',
        "app.get('/done', (req, res) => redirectBack(req, res, '/home'));",
        "app.get('/t', (req, res) => typedBack(req, res, '/home'));",
        '',
      ].join('\n'),
    };
    withProject('request-helpers-redirect-esm', files, (lint) => {
      expect(lint('app.mjs')).toEqual([
        "4:32 'res.redirect' sends the browser to a URL taken from the request (req.query.returnTo, through 'redirectBack' (lib/redirect.mjs:2)): open redirect. Check it against an allow list, or keep only a local path.",
      ]);
      expect(lint('src/app.ts')).toEqual([
        "5:32 'res.redirect' sends the browser to a URL taken from the request (req.query.returnTo, through 'redirectBack' (src/redirect.ts:4)): open redirect. Check it against an allow list, or keep only a local path.",
      ]);
      expect(lint('src/typed.ts')).toEqual([
        "3:16 'res.redirect' sends the browser to a URL taken from the request (req.query.returnTo): open redirect. Check it against an allow list, or keep only a local path.",
      ]);
    }, { rules: /no-open-redirect/u, format, config: [...esm, ...ts] });
  });

  it('no-reflected-xss, no-path-traversal and no-nosql-injection through such a helper; not escaped, not JSON, not with a root, not as a string', () => {
    const files = {
      'package.json': PACKAGE('request-helpers-sinks'),
      'lib/respond.js': [
        "const escape = require('escape-html');",
        "exports.greet = (req, res, title) => res.send('<h1>' + title + ' ' + req.query.name + '</h1>');",
        "exports.greetEscaped = (req, res, title) => res.send('<h1>' + title + escape(req.query.name) + '</h1>');",
        'exports.echo = (req, res, status) => res.status(status).send(req.body);',
        "exports.plain = (req, res, title) => { res.type('text'); res.send(title + req.query.name); };",
        'exports.serve = (req, res, dir) => res.sendFile(req.params.name);',
        'exports.serveRooted = (req, res, dir) => res.sendFile(req.params.name, { root: dir });',
        "exports.findUser = (req, db) => db.collection('users').findOne({ name: req.body.name });",
        "exports.findName = (req, db) => db.collection('users').findOne({ name: String(req.body.name) });",
        "exports.above = (req, col) => col.find({ $where: `this.total > ${req.query.min}` });",
        '',
      ].join('\n'),
      'app.js': [
        "const express = require('express');",
        "const { MongoClient } = require('mongodb');",
        "const r = require('./lib/respond');",
        'const app = express();',
        "const db = new MongoClient('mongodb://localhost').db('app');",
        "app.get('/1', (req, res) => r.greet(req, res, 'Hi'));",
        "app.get('/2', (req, res) => r.greetEscaped(req, res, 'Hi'));",
        "app.post('/3', (req, res) => r.echo(req, res, 200));",
        "app.get('/4', (req, res) => r.plain(req, res, 'Hi'));",
        "app.get('/5/:name', (req, res) => r.serve(req, res, 'files'));",
        "app.get('/6/:name', (req, res) => r.serveRooted(req, res, 'files'));",
        "app.post('/7', async (req, res) => res.json(await r.findUser(req, db)));",
        "app.post('/8', async (req, res) => res.json(await r.findName(req, db)));",
        "app.get('/9', async (req, res) => res.json(await r.above(req, db.collection('orders'))));",
        '',
      ].join('\n'),
    };
    withProject('request-helpers-sinks', files, (lint) => {
      expect(lint('app.js')).toEqual([
        "6:29 Request data (req.query.name, through 'greet' (lib/respond.js:2)) is written into the response by 'res.send' without escaping: reflected XSS. Escape it (escape-html), render it through a template engine, or send JSON.",
        "10:35 'res.sendFile' opens a path taken from the request (req.params.name, through 'serve' (lib/respond.js:6)) with no root option: '../' in it reaches any file the process can read. Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename).",
        "12:51 Request data (req.body.name, through 'findUser' (lib/respond.js:8)) is used as a whole value in the filter of 'db.collection('users').findOne': an object such as {\"$ne\": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.",
        "14:50 Request data (req.query.min, through 'above' (lib/respond.js:10)) is part of a $where expression in 'col.find': the database runs it as JavaScript. Use query operators instead.",
      ]);
    }, { rules: /no-reflected-xss|no-path-traversal|no-nosql-injection/u, format });
  });
});

describe('SQL helpers of another module (trial 20 r3)', () => {
  const files = {
    'package.json': PACKAGE('sql-helpers'),
    'repo.js': [
      "'use strict';",
      "const SORTS = ['name', 'created'];",
      "exports.byName = (db, name) => db.query(`SELECT * FROM users WHERE name = '${name}'`);",
      "exports.byNameDefault = (db, name = '') => db.query(`SELECT * FROM users WHERE name = '${name}'`);",
      'exports.sorted = (db, sort) => db.query(`SELECT * FROM users ORDER BY ${sort}`);',
      "exports.search = (db, term = '', sort = 'username') => db.query(`SELECT * FROM users WHERE name LIKE '%${term}%' ORDER BY ${sort}`);",
      "exports.sortedChecked = (db, sort = 'name') => { if (!SORTS.includes(sort)) return []; return db.query(`SELECT * FROM users ORDER BY ${sort}`); };",
      "exports.fromRequest = (req, db) => db.query(`SELECT * FROM users WHERE name = '${req.query.name}'`);",
      'exports.sortedFromRequest = (req, db) => db.query(`SELECT * FROM users ORDER BY ${req.query.sort}`);',
      "exports.sortedListed = (req, db) => { const s = req.query.sort; return db.query(`SELECT * FROM users ORDER BY ${SORTS.includes(s) ? s : 'name'}`); };",
      "const pool = require('./pool');",
      "exports.onlyRequest = (req) => pool.query(`SELECT * FROM users WHERE id = '${req.params.id}'`);",
      '',
    ].join('\n'),
    'app.js': [
      "'use strict';",
      "const express = require('express');",
      "const repo = require('./repo');",
      'const db = {};',
      'const app = express();',
      "app.get('/a', async (req, res) => res.json(await repo.byName(db, req.query.name)));",
      "app.get('/b', async (req, res) => res.json(await repo.byNameDefault(db, req.query.name)));",
      "app.get('/c', async (req, res) => res.json(await repo.sorted(db, req.query.sort)));",
      "app.get('/d', async (req, res) => res.json(await db.query(`SELECT * FROM users ORDER BY ${req.query.sort}`)));",
      "app.get('/e', async (req, res) => res.json(await repo.search(db, req.query.q, req.query.sort)));",
      "app.get('/f', async (req, res) => res.json(await repo.byNameDefault(db, 'bob')));",
      "app.get('/g', async (req, res) => res.json(await repo.sortedChecked(db, req.query.sort)));",
      "app.get('/h', async (req, res) => res.json(await repo.fromRequest(req, db)));",
      "app.get('/i', async (req, res) => res.json(await repo.sortedFromRequest(req, db)));",
      "app.get('/j', async (req, res) => res.json(await repo.sortedListed(req, db)));",
      "app.get('/k', async (req, res) => res.json(await repo.fromRequest({ query: { name: 'x' } }, db)));",
      "app.get('/l/:id', async (req, res) => res.json(await repo.onlyRequest(req)));",
      '',
    ].join('\n'),
  };
  const name = (source: string): string =>
    `SQL text passed to 'db.query' takes a table or column name from request data (${source}): SQL injection, and a query parameter cannot help there. Check it against an allow list of names (ALLOWED.includes(x) ? x : 'default').`;

  it('CommonJS: a parameter with a default is the parameter; a name position gets the allow-list advice; request data read in the helper', () => {
    withProject('sql-helpers', files, (lint) => {
      expect(lint('app.js')).toEqual([
        `8:66 ${name("req.query.sort, through 'sorted' (repo.js:5)")}`,
        `9:59 ${name('req.query.sort')}`,
        `10:79 ${name("req.query.sort, through 'search' (repo.js:6)")}`,
        `14:50 ${name("req.query.sort, through 'sortedFromRequest' (repo.js:9)")}`,
      ]);
      // A value built into a helper's SQL text is that file's finding (a part of unseen origin), not the caller's too
      // (U6: one finding, where the fix goes); a table or column name, which its file reports only with
      // checkEveryPart, stays the caller's (above).
      expect(lint('repo.js').map((f) => f.split(' ')[0])).toEqual(['3:41', '4:53', '6:65', '8:45', '12:43']);
    }, { rules: /no-sql-injection/u, format, config: recommendedCjs });
  });

  it('ESM and TypeScript: the same helpers', () => {
    const esmFiles = {
      'package.json': PACKAGE('sql-helpers-esm', ' "type": "module",'),
      'repo.mjs': [
        "export const byNameDefault = (db, name = '') => db.query(`SELECT * FROM users WHERE name = '${name}'`);",
        'export const sorted = (db, sort) => db.query(`SELECT * FROM users ORDER BY ${sort}`);',
        'export const sortedFromRequest = (req, db) => db.query(`SELECT * FROM users ORDER BY ${req.query.sort}`);',
        '',
      ].join('\n'),
      'app.mjs': [
        "import express from 'express';",
        "import * as repo from './repo.mjs';",
        'const db = {};',
        'const app = express();',
        "app.get('/b', async (req, res) => res.json(await repo.byNameDefault(db, req.query.name)));",
        "app.get('/c', async (req, res) => res.json(await repo.sorted(db, req.query.sort)));",
        "app.get('/i', async (req, res) => res.json(await repo.sortedFromRequest(req, db)));",
        "app.get('/f', async (req, res) => res.json(await repo.byNameDefault(db, 'bob')));",
        '',
      ].join('\n'),
      'src/repo.ts': [
        'interface Db { query(sql: string): Promise<unknown> }',
        "export function byNameDefault(db: Db, name: string = ''): Promise<unknown> {",
        "  return db.query(`SELECT * FROM users WHERE name = '${name}'`);",
        '}',
        'export function sorted(db: Db, sort: string): Promise<unknown> {',
        '  return db.query(`SELECT * FROM users ORDER BY ${sort}`);',
        '}',
        '',
      ].join('\n'),
      'src/app.ts': [
        "import express from 'express';",
        "import { byNameDefault, sorted } from './repo';",
        'const db = { query: async (sql: string) => sql };',
        'const app = express();',
        "app.get('/b', async (req, res) => res.json(await byNameDefault(db, String(req.query.name))));",
        "app.get('/c', async (req, res) => res.json(await sorted(db, String(req.query.sort))));",
        "app.get('/f', async (req, res) => res.json(await byNameDefault(db, 'bob')));",
        '',
      ].join('\n'),
    };
    withProject('sql-helpers-esm', esmFiles, (lint) => {
      expect(lint('app.mjs')).toEqual([
        `6:66 ${name("req.query.sort, through 'sorted' (repo.mjs:2)")}`,
        `7:50 ${name("req.query.sort, through 'sortedFromRequest' (repo.mjs:3)")}`,
      ]);
      expect(lint('src/app.ts')).toEqual([
        `6:61 ${name("req.query.sort, through 'sorted' (src/repo.ts:6)")}`,
      ]);
    }, { rules: /no-sql-injection/u, format, config: [...recommendedEsm, ...recommendedTs] });
  });
});

// Session 16: a helper that destructures the request it is handed (`({ query }, res, fallback) =>`, `function ({ query:
// q }, res, fallback)`) reads request data from it as from a `req` parameter; a rest element, a default, a nested
// pattern or a computed key gives nothing.
describe('helpers of another module that destructure the request they are handed', () => {
  const redirect = (source: string): string =>
    `'res.redirect' sends the browser to a URL taken from the request (${source}): open redirect. Check it against an allow list, or keep only a local path.`;

  it('CommonJS: no-open-redirect, no-reflected-xss, no-sql-injection, no-nosql-injection at the call; not checked, not JSON, not coerced; unknown patterns give nothing', () => {
    const files = {
      'package.json': PACKAGE('destructured-helpers'),
      'lib/back.js': [
        "'use strict';",
        "const ALLOWED = ['/home', '/account'];",
        'exports.back = ({ query }, res, fallback) => res.redirect(query.next || fallback);',
        'exports.backAlias = function ({ query: q }, res, fallback) { res.redirect(q.next || fallback); };',
        'exports.backLocal = ({ query }, res, fallback) => { const { next } = query; res.redirect(next || fallback); };',
        'exports.backChecked = ({ query }, res, fallback) => res.redirect(ALLOWED.includes(query.next) ? query.next : fallback);',
        'exports.backRest = ({ ...rest }, res, fallback) => res.redirect(rest.query.next || fallback);',
        'exports.backDefault = ({ query = {} }, res, fallback) => res.redirect(query.next || fallback);',
        'exports.backNested = ({ query: { next } }, res, fallback) => res.redirect(next || fallback);',
        "exports.backComputed = ({ ['query']: q }, res, fallback) => res.redirect(q.next || fallback);",
        "exports.greet = ({ query }, res, title) => res.send('<h1>' + title + ' ' + query.name + '</h1>');",
        'exports.echo = ({ body }, res, status) => res.status(status).send(body);',
        "exports.byName = ({ query }, db) => db.query(`SELECT * FROM users WHERE name = '${query.name}'`);",
        "exports.findUser = ({ body }, db) => db.collection('users').findOne({ name: body.name });",
        "exports.findName = ({ body }, db) => db.collection('users').findOne({ name: String(body.name) });",
        'exports.backOk = ({ query }, res, fallback) => { const ok = ALLOWED.includes(query.next); if (!ok) return res.redirect(fallback); res.redirect(query.next); };',
        '',
      ].join('\n'),
      'app.js': [
        "'use strict';",
        "const express = require('express');",
        "const { MongoClient } = require('mongodb');",
        "const b = require('./lib/back');",
        'const app = express();',
        "const db = new MongoClient('mongodb://localhost').db('app');",
        "app.get('/1', (req, res) => b.back(req, res, '/'));",
        "app.get('/2', (req, res) => b.backAlias(req, res, '/'));",
        "app.get('/3', (req, res) => b.backLocal(req, res, '/'));",
        "app.get('/4', (req, res) => b.backChecked(req, res, '/'));",
        "app.get('/5', (req, res) => b.backRest(req, res, '/'));",
        "app.get('/6', (req, res) => b.backDefault(req, res, '/'));",
        "app.get('/7', (req, res) => b.backNested(req, res, '/'));",
        "app.get('/8', (req, res) => b.backComputed(req, res, '/'));",
        "app.get('/9', (req, res) => b.back({ query: { next: '/x' } }, res, '/'));",
        "app.get('/10', (req, res) => b.greet(req, res, 'Hi'));",
        "app.post('/11', (req, res) => b.echo(req, res, 200));",
        "app.get('/12', async (req, res) => res.json(await b.byName(req, db)));",
        "app.post('/13', async (req, res) => res.json(await b.findUser(req, db)));",
        "app.post('/14', async (req, res) => res.json(await b.findName(req, db)));",
        "app.get('/15', (req, res) => b.backOk(req, res, '/'));",
        '',
      ].join('\n'),
    };
    withProject('destructured-helpers', files, (lint) => {
      expect(lint('app.js')).toEqual([
        `7:29 ${redirect("query.next, through 'back' (lib/back.js:3)")}`,
        `8:29 ${redirect("q.next, through 'backAlias' (lib/back.js:4)")}`,
        `9:29 ${redirect("query.next, through 'backLocal' (lib/back.js:5)")}`,
        "16:30 Request data (query.name, through 'greet' (lib/back.js:11)) is written into the response by 'res.send' without escaping: reflected XSS. Escape it (escape-html), render it through a template engine, or send JSON.",
        "19:52 Request data (body.name, through 'findUser' (lib/back.js:14)) is used as a whole value in the filter of 'db.collection('users').findOne': an object such as {\"$ne\": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.",
      ]);
      // Not shaped like handlers there (a third parameter other than `next`): no finding of their own, but the SQL text
      // built from a non-constant part, which is then not reported again at the call of byName (U6: one finding).
      expect(lint('lib/back.js')).toEqual([
        "13:46 SQL text passed to 'db.query' is built from a non-constant part ('query.name', a property of 'query'): pass values as query parameters, never inside the SQL.",
      ]);
    }, { rules: /no-open-redirect|no-reflected-xss|no-sql-injection|no-nosql-injection/u, format });
  });

  it('ESM and TypeScript: a destructured request in a function declaration; typed with Express types it is its own file’s', () => {
    const files = {
      'package.json': PACKAGE('destructured-helpers-esm', ' "type": "module",'),
      'lib/back.mjs': 'export function sendBack({ query }, res, fallback) {\n  res.redirect(query.returnTo || fallback);\n}\n',
      'app.mjs': [
        "import express from 'express';",
        "import { sendBack } from './lib/back.mjs';",
        'const app = express();',
        "app.get('/done', (req, res) => sendBack(req, res, '/home'));",
        "app.get('/o', (req, res) => sendBack({ query: {} }, res, '/home'));",
        '',
      ].join('\n'),
      'src/back.ts': [
        'interface Incoming { query: Record<string, string | undefined>; params: Record<string, string> }',
        'interface Outgoing { redirect(url: string): void }',
        'interface Db { query(sql: string): Promise<unknown> }',
        'export function sendBack({ query: q }: Incoming, res: Outgoing, fallback: string): void {',
        '  res.redirect(q.returnTo ?? fallback);',
        '}',
        'export function byId({ params }: Incoming, db: Db): Promise<unknown> {',
        "  return db.query(`SELECT * FROM users WHERE id = '${params.id}'`);",
        '}',
        '',
      ].join('\n'),
      'src/typed.ts': [
        "import type { Request, Response } from 'express';",
        'export function typedBack({ query }: Request, res: Response, fallback: string): void {',
        '  res.redirect(String(query.returnTo ?? fallback));',
        '}',
        '',
      ].join('\n'),
      'src/app.ts': [
        "import express from 'express';",
        "import { sendBack, byId } from './back';",
        "import { typedBack } from './typed';",
        'const app = express();',
        "app.get('/done', (req, res) => sendBack(req, res, '/home'));",
        "app.get('/t', (req, res) => typedBack(req, res, '/home'));",
        "app.get('/u/:id', async (req, res) => res.json(await byId(req, { query: async (sql: string) => sql })));",
        '',
      ].join('\n'),
    };
    withProject('destructured-helpers-esm', files, (lint) => {
      expect(lint('app.mjs')).toEqual([`4:32 ${redirect("query.returnTo, through 'sendBack' (lib/back.mjs:2)")}`]);
      // byId's SQL text is reported in src/back.ts itself (a part of unseen origin), not again at the call (U6).
      expect(lint('src/app.ts')).toEqual([`5:32 ${redirect("q.returnTo, through 'sendBack' (src/back.ts:5)")}`]);
      expect(lint('src/back.ts')).toEqual(["8:19 SQL text passed to 'db.query' is built from a non-constant part ('params.id', a property of 'params'): pass values as query parameters, never inside the SQL."]);
      expect(lint('src/typed.ts')).toEqual([`3:16 ${redirect('query.returnTo')}`]);
    }, { rules: /no-open-redirect|no-sql-injection/u, format, config: [...esm, ...ts] });
  });
});
