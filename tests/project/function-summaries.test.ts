import { exportedFunction } from '../../src/project/exports';
import type { TSESTree } from '@typescript-eslint/utils';
import { ANY_DANGER, Danger } from '../../src/data/sinks';

import { functionSummary, type FunctionSummary, type ModuleCalls } from '../../src/project/function-summaries';
import { parseFile } from '../../src/project/parse';

/** The summary of export `name` of a CommonJS (or, for `file` ending in .ts, TypeScript) module. */
function summaryOf(text: string, name: string, file = '/virtual/lib.js'): FunctionSummary {
  const sourceCode = parseFile(file, text, { parser: undefined, parserOptions: {}, sourceType: file.endsWith('.mjs') ? 'module' : 'commonjs' });
  if (!sourceCode) throw new Error('does not parse');
  const fn = exportedFunction(sourceCode, [name]);
  if (!fn) throw new Error(`no function ${name}`);
  return functionSummary(sourceCode, fn, sourceCode.visitorKeys);
}

const kinds = (summary: FunctionSummary): string[] => summary.sinks.map((s) => `${s.kind}:${s.param}:${s.method}`);

describe('per-function summaries of the project model', () => {
  it('SQL: a parameter run as the whole text of a query method, also through a const; not after a check of it', () => {
    expect(kinds(summaryOf('exports.run = (sql) => pool.query(sql);', 'run'))).toEqual(['sql:0:pool.query']);
    expect(kinds(summaryOf('exports.run = function (db, text) { const q = text; return db.execute(q); };', 'run'))).toEqual(['sql:1:db.execute']);
    expect(kinds(summaryOf("exports.run = (sql) => { if (!sql.startsWith('SELECT')) throw new Error('x'); return pool.query(sql); };", 'run'))).toEqual([]);
    expect(kinds(summaryOf("exports.byId = (id) => pool.query('SELECT 1 WHERE id = ?', [id]);", 'byId'))).toEqual([]);
    // A reassigned parameter is not what the caller passed.
    expect(kinds(summaryOf("exports.run = (sql) => { sql = 'SELECT 1'; return pool.query(sql); };", 'run'))).toEqual([]);
  });

  it('an early exit on a check of the parameter: a block that leaves by both branches of an if, or by a nested block', () => {
    expect(kinds(summaryOf("exports.run = (sql) => { if (!sql.startsWith('SELECT')) { if (strict) throw new Error('x'); else return null; } return pool.query(sql); };", 'run'))).toEqual([]);
    expect(kinds(summaryOf("exports.run = (sql) => { if (!sql.startsWith('SELECT')) { log(sql); { return null; } } return pool.query(sql); };", 'run'))).toEqual([]);
    // One branch only: the sink still runs for some values.
    expect(kinds(summaryOf("exports.run = (sql) => { if (!sql.startsWith('SELECT')) { if (strict) throw new Error('x'); } return pool.query(sql); };", 'run'))).toEqual(['sql:0:pool.query']);
  });

  it('NoSQL: a whole filter or a value in one; not $eq, not an ORM where, not a model of an SQL module', () => {
    expect(kinds(summaryOf('exports.f = (filter) => User.find(filter);', 'f'))).toEqual(['nosql:0:User.find']);
    expect(kinds(summaryOf('exports.f = (name, age) => users.findOne({ name, profile: { age } });', 'f'))).toEqual([
      'nosql:0:users.findOne',
      'nosql:1:users.findOne',
    ]);
    expect(kinds(summaryOf('exports.f = (name) => User.findOne({ name: { $eq: name } });', 'f'))).toEqual([]);
    expect(kinds(summaryOf('exports.f = (id) => User.findOne({ where: { id } });', 'f'))).toEqual([]);
    expect(kinds(summaryOf("const knex = require('knex')({}); exports.f = (id) => knex.users.where(id).find(id);", 'f'))).toEqual([]);
    expect(kinds(summaryOf("exports.f = (name) => { if (typeof name !== 'string') return null; return User.findOne({ name }); };", 'f'))).toEqual([]);
  });

  it('a test that reads only the presence, the length or the text type of the parameter checks nothing for a text sink; for NoSQL a type test does', () => {
    // Presence, length, null and `typeof … 'string'`: the sink stays (SQL, a redirect, a path).
    expect(kinds(summaryOf("exports.run = (sql) => { if (!sql) throw new Error('x'); return pool.query(sql); };", 'run'))).toEqual(['sql:0:pool.query']);
    expect(kinds(summaryOf("exports.go = (res, url) => { if (url == null || url.length === 0) return res.redirect('/'); return res.redirect(url); };", 'go'))).toEqual([
      'response:1:redirect',
    ]);
    expect(kinds(summaryOf("exports.go = (res, url) => (url ? res.redirect(url) : res.redirect('/'));", 'go'))).toEqual(['response:1:redirect']);
    expect(kinds(summaryOf("exports.run = (sql) => { if (typeof sql !== 'string' || Array.isArray(sql)) throw new Error('x'); return pool.query(sql); };", 'run'))).toEqual([
      'sql:0:pool.query',
    ]);
    // A number, a form, an allow list: checks (the sink is left out).
    expect(kinds(summaryOf("exports.run = (id) => { if (typeof id !== 'number') throw new Error('x'); return pool.query('SELECT ' + id); };", 'run'))).toEqual([]);
    expect(kinds(summaryOf("exports.go = (res, url) => { if (!url || !OK.includes(url)) return res.redirect('/'); return res.redirect(url); };", 'go'))).toEqual([]);
    expect(kinds(summaryOf("exports.go = (res, url) => (url && url.startsWith('/') ? res.redirect(url) : res.redirect('/'));", 'go'))).toEqual([]);
    // NoSQL: a test of the type rules the operator object out; presence does not.
    expect(kinds(summaryOf("exports.f = (name) => { if (!name) return null; return User.findOne({ name }); };", 'f'))).toEqual(['nosql:0:User.findOne']);
    expect(kinds(summaryOf("exports.f = (name) => { if (!name || typeof name !== 'string') return null; return User.findOne({ name }); };", 'f'))).toEqual([]);
  });

  it('response and error sinks: on the response parameter, not under a development check or a content type', () => {
    expect(kinds(summaryOf('exports.go = (res, url) => res.status(302).redirect(url);', 'go'))).toEqual(['response:1:redirect']);
    const error = summaryOf('exports.fail = (res, err) => res.status(500).json({ stack: err.stack });', 'fail');
    expect(error.sinks).toEqual([{ kind: 'error', param: 1, receiver: 0, method: 'json', leak: 'stack', line: 1 }]);
    expect(kinds(summaryOf("exports.fail = (res, err) => { if (process.env.NODE_ENV === 'development') res.send(err.stack); res.end(); };", 'fail'))).toEqual([]);
    expect(kinds(summaryOf("exports.text = (res, body) => { res.type('text'); res.send(body); };", 'text'))).toEqual(['error:1:send']);
  });

  it('returned request data: read from the request parameter; not when checked or converted', () => {
    expect(summaryOf("exports.nextOf = (req) => req.query.next || '/';", 'nextOf').returns).toMatchObject({ param: 0, source: 'req.query.next' });
    expect(summaryOf("exports.ref = function (r) { const h = r.get('Referer'); return h; };", 'ref').returns).toMatchObject({ param: 0, source: "r.get('Referer')" });
    expect(summaryOf("exports.nextOf = (req) => { const n = req.query.next; return OK.includes(n) ? n : '/'; };", 'nextOf').returns).toBeNull();
    expect(summaryOf('exports.page = (req) => Number(req.query.page);', 'page').returns).toBeNull();
    // `String(...)` keeps the data as text (trial 11): no Mongo operator, still XSS; a local `String` is unknown.
    const text = summaryOf("exports.name = (req) => String(req.query.name || '');", 'name').returns;
    expect(text).toMatchObject({ param: 0, source: 'req.query.name' });
    expect(text!.danger & Danger.xss).toBe(Danger.xss);
    expect(text!.danger & Danger.nosql).toBe(0);
    expect(summaryOf("const String = (x) => 'fixed';\nexports.name = (req) => String(req.query.name);", 'name').returns).toBeNull();
    // Text built from it cannot be an operator object.
    expect(summaryOf('exports.label = (req) => `#${req.query.tag}`;', 'label').returns?.danger).toBeGreaterThan(0);
    expect(summaryOf('exports.label = (req) => `#${req.query.tag}`;', 'label').returns!.danger & 2).toBe(0);
    // After a fixed origin, or the request's own host, it is no redirect target (as inline); still text.
    const host = summaryOf("exports.back = (req) => 'https://' + req.headers.host + '/' + req.query.page;", 'back').returns;
    expect(host).toMatchObject({ param: 0 });
    expect(host!.danger & Danger.redirect).toBe(0);
    expect(host!.danger & Danger.xss).toBe(Danger.xss);
    expect(summaryOf("exports.back = (req) => req.query.next || '/';", 'back').returns!.danger & Danger.redirect).toBe(Danger.redirect);
  });

  it('SQL text built from a parameter (vulnerable-node model/*.js): through a var written once; not bound, not coerced', () => {
    expect(kinds(summaryOf(`exports.auth = function (user, pass) { var q = "SELECT * FROM users WHERE name = '" + user + "' AND pw = '" + pass + "'"; return db.one(q); };`, 'auth'))).toEqual([
      'sqlPart:0:db.one',
      'sqlPart:1:db.one',
    ]);
    expect(kinds(summaryOf('exports.s = (q) => db.many(`SELECT * FROM p WHERE name ILIKE \'%${q}%\'`);', 's'))).toEqual(['sqlPart:0:db.many']);
    expect(kinds(summaryOf("exports.s = (id) => db.one('SELECT * FROM p WHERE id = ' + parseInt(id, 10));", 's'))).toEqual([]);
    expect(kinds(summaryOf("exports.s = (id) => { let q = 'SELECT * FROM p WHERE id = ' + id; q = 'SELECT 1'; return db.one(q); };", 's'))).toEqual([]);
    // Not SQL text: a generic method name with other text.
    expect(kinds(summaryOf("exports.s = (x) => list.any('item ' + x);", 's'))).toEqual([]);
    // knex's raw fragment methods take SQL whatever it starts with (trial 12); `literal` needs a receiver known to
    // be sequelize's, which a summary does not follow, so its text must start like SQL
    expect(kinds(summaryOf("exports.s = (q) => db('t').whereRaw(`name = '${q}'`);", 's'))).toEqual(["sqlPart:0:db('t').whereRaw"]);
    expect(kinds(summaryOf("exports.s = (o) => db('t').orderByRaw(o + ' desc');", 's'))).toEqual(["sqlPart:0:db('t').orderByRaw"]);
    expect(kinds(summaryOf("exports.s = (q) => db('t').whereRaw('name = ?', [q]);", 's'))).toEqual([]);
    expect(kinds(summaryOf("exports.s = (q) => tpl.literal(`name = '${q}'`);", 's'))).toEqual([]);
    expect(kinds(summaryOf("exports.s = (q) => db.query(`/* by name */ SELECT * FROM t WHERE name = '${q}'`);", 's'))).toEqual(['sqlPart:0:db.query']);
  });

  it('$where built from a parameter: in the filter, a const, or a local closure (NodeGoat); methods of constructor functions', () => {
    expect(kinds(summaryOf('exports.f = (t) => col.find({ $where: `this.stocks > ${t}` });', 'f'))).toEqual(['where:0:col.find']);
    expect(kinds(summaryOf("exports.f = (t) => { const c = () => { if (t) return { $where: 'this.a > ' + t }; return {}; }; return col.find(c()); };", 'f'))).toEqual([
      'where:0:col.find',
    ]);
    expect(kinds(summaryOf('exports.f = (t) => col.find({ $where: `this.stocks > ${parseInt(t)}` });', 'f'))).toEqual([]);
    const dao = parseFile(
      '/virtual/dao.js',
      'function Dao(db) { const col = db.collection("a"); this.get = (u, t, cb) => { const crit = () => ({ $where: `this.s > ${t}` }); col.find(crit()).toArray(cb); }; }\nmodule.exports = { Dao };',
      { parser: undefined, parserOptions: {}, sourceType: 'commonjs' },
    )!;
    const method = exportedFunction(dao, ['Dao', '()', 'get'])!;
    expect(kinds(functionSummary(dao, method, dao.visitorKeys))).toEqual(['where:1:col.find']);
  });

  it('allow lists: true only when the parameter is in a constant list or equals constants', () => {
    expect(summaryOf("const OK = ['/a', '/b']; exports.ok = (u) => OK.includes(u);", 'ok').allowList).toBe(0);
    expect(summaryOf("const OK = new Set(['/a']); exports.ok = function (x, u) { return OK.has(u); };", 'ok').allowList).toBe(1);
    expect(summaryOf("exports.ok = (u) => u === '/a' || u === '/b';", 'ok').allowList).toBe(0);
    expect(summaryOf("exports.ok = (u) => u === '/a' || u.startsWith('/');", 'ok').allowList).toBeNull();
    expect(summaryOf("const OK = ['/a']; exports.add = (u) => OK.push(u); exports.ok = (u) => OK.includes(u);", 'ok').allowList).toBeNull();
    expect(summaryOf('exports.ok = (u) => OK.some((a) => u.includes(a));', 'ok').allowList).toBeNull();
    expect(summaryOf('exports.ok = (u, list) => list.includes(u);', 'ok').allowList).toBeNull();
  });

  it('checks: a whole body that returns checks of a parameter written like inline ones', () => {
    const redirect = (text: string): number => {
      const checks = summaryOf(text, 'ok').checks;
      return checks ? checks.removes & Danger.redirect : -1;
    };
    expect(summaryOf("exports.ok = function (x, u) { return typeof u === 'string' && u.startsWith('/') && !u.startsWith('//'); };", 'ok').checks).toEqual({
      param: 1,
      removes: Danger.nosql | Danger.path | Danger.wholePath | Danger.redirect,
    });
    expect(summaryOf('exports.ok = (u) => /^\\/(?![\\/\\\\])[\\w/-]*$/.test(u);', 'ok').checks).toEqual({ param: 0, removes: ANY_DANGER });
    expect(redirect("exports.ok = (u) => u.startsWith('https://app.example/');")).toBe(Danger.redirect);
    // Not a check of the target: a lone '/' prefix, an unanchored regex, a list that may change, a log, the argument itself.
    expect(redirect("exports.ok = (u) => u.startsWith('/');")).toBe(0);
    expect(summaryOf("exports.ok = (u) => /\\/[a-z]+/.test(u);", 'ok').checks).toBeNull();
    expect(summaryOf('exports.ok = (u, list) => list.includes(u);', 'ok').checks).toBeNull();
    expect(summaryOf("exports.ok = (u) => { console.log(u); return u.startsWith('/') && !u.startsWith('//'); };", 'ok').checks).toBeNull();
    expect(summaryOf('exports.ok = (u) => u;', 'ok').checks).toBeNull();
    expect(summaryOf("exports.ok = (u) => (u = '/', u.startsWith('/') && !u.startsWith('//'));", 'ok').checks).toBeNull();
    // Early exits that return false before the check: their facts and the check's hold together (trial 10).
    expect(redirect("exports.ok = function (u) { if (typeof u !== 'string') return false; if (u.startsWith('//')) return false; return u.startsWith('/'); };")).toBe(Danger.redirect);
    expect(redirect("exports.ok = function (u) { if (typeof u !== 'string') { return false; } return u.startsWith('/') && !u.startsWith('//'); };")).toBe(Danger.redirect);
    // Not: an exit that returns true (an or), another statement between, an exit with an else, a lone '/' after them.
    expect(summaryOf("exports.ok = function (u) { if (typeof u !== 'string') return true; return u.startsWith('/') && !u.startsWith('//'); };", 'ok').checks).toBeNull();
    expect(summaryOf("exports.ok = function (u) { if (!u) return false; log(u); return u.startsWith('/') && !u.startsWith('//'); };", 'ok').checks).toBeNull();
    expect(summaryOf("exports.ok = function (u) { if (!u) return false; else u = '/'; return u.startsWith('/') && !u.startsWith('//'); };", 'ok').checks).toBeNull();
    expect(redirect("exports.ok = function (u) { if (typeof u !== 'string') return false; return u.startsWith('/'); };")).toBe(0);
  });

  it('cookie state: read from the first parameter by name or destructured', () => {
    expect(summaryOf('exports.a = (req, res) => res.json(req.session.user);', 'a').readsCookieState).toBe(true);
    expect(summaryOf('exports.a = ({ signedCookies }, res) => res.json(signedCookies.id);', 'a').readsCookieState).toBe(true);
    expect(summaryOf('exports.a = (req, res) => { const { user } = req; res.json(user); };', 'a').readsCookieState).toBe(true);
    expect(summaryOf('exports.a = (req, res) => res.json(req.body);', 'a').readsCookieState).toBe(false);
    expect(summaryOf('exports.a = (req, res) => res.json(other.session);', 'a').readsCookieState).toBe(false);
  });

  it('fast hashes: the parameter a crypto hash is fed (through +, calls, consts), named like a password or not; none beside a slow hash', () => {
    /** The summary with the module calls its file makes: `crypto.X(…)`, `bcrypt.X(…)` (as the project model's own model of that file gives them). */
    const hashesOf = (text: string, name: string): FunctionSummary['fastHashes'] => {
      const sourceCode = parseFile('/virtual/hash.js', text, { parser: undefined, parserOptions: {}, sourceType: 'commonjs' })!;
      const calls: ModuleCalls[number][] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const n = node as TSESTree.Node;
        if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.type === 'Identifier' && n.callee.property.type === 'Identifier') {
          if (['crypto', 'bcrypt'].includes(n.callee.object.name)) calls.push({ node: n, callee: { module: n.callee.object.name, path: [n.callee.property.name], node: n } });
        }
        for (const [key, value] of Object.entries(n)) if (key !== 'parent') (Array.isArray(value) ? value : [value]).forEach(visit);
      };
      visit(sourceCode.ast);
      return functionSummary(sourceCode, exportedFunction(sourceCode, [name])!, sourceCode.visitorKeys, calls).fastHashes;
    };
    expect(hashesOf("exports.h = (input) => crypto.createHash('md5').update(input).digest('hex');", 'h')).toEqual([
      { param: 0, fn: 'createHash', algorithm: 'md5', line: 1, passwordNamed: false },
    ]);
    expect(hashesOf("const ALG = 'sha1';\nexports.h = function (salt, value) { const h = crypto.createHmac(ALG, 'k'); h.update(salt + value.trim()); return h.digest(); };", 'h')).toEqual([
      { param: 0, fn: 'createHmac', algorithm: 'sha1', line: 2, passwordNamed: false },
      { param: 1, fn: 'createHmac', algorithm: 'sha1', line: 2, passwordNamed: false },
    ]);
    expect(hashesOf('exports.h = (password, alg) => crypto.hash(alg, password);', 'h')).toEqual([{ param: 0, fn: 'hash', algorithm: '…', line: 1, passwordNamed: true }]);
    // A pre-hash before bcrypt, a hash of no parameter, no hash at all: none.
    expect(hashesOf("exports.h = (input) => bcrypt.hash(crypto.createHash('sha256').update(input).digest('base64'), 12);", 'h')).toEqual([]);
    expect(hashesOf("exports.h = (input) => crypto.createHash('md5').update(SECRET).digest('hex');", 'h')).toEqual([]);
    expect(hashesOf('exports.h = (input) => String(input).trim();', 'h')).toEqual([]);
    // Without the file's module calls (its own rules summarising a local helper): none; asked later with them (the
    // project model holds that same parse for an importer): found, whatever was asked first.
    const sourceCode = parseFile('/virtual/nocalls.js', "exports.h = (input) => crypto.createHash('md5').update(input).digest('hex');", { parser: undefined, parserOptions: {}, sourceType: 'commonjs' })!;
    const fn = exportedFunction(sourceCode, ['h'])!;
    expect(functionSummary(sourceCode, fn, sourceCode.visitorKeys).fastHashes).toEqual([]);
    // `crypto.createHash('md5')` under `.update(input).digest('hex')`
    const digest = (fn as TSESTree.ArrowFunctionExpression).body as TSESTree.CallExpression;
    const update = (digest.callee as TSESTree.MemberExpression).object as TSESTree.CallExpression;
    const create = (update.callee as TSESTree.MemberExpression).object as TSESTree.CallExpression;
    expect(create.arguments).toMatchObject([{ value: 'md5' }]);
    const calls: ModuleCalls = [{ node: create, callee: { module: 'crypto', path: ['createHash'], node: create } }];
    expect(functionSummary(sourceCode, fn, sourceCode.visitorKeys, calls).fastHashes).toMatchObject([{ param: 0, fn: 'createHash', algorithm: 'md5' }]);
  });

  it('returned parameters: as they are, in text or objects built from them; not through a sanitizer, a check or another call', () => {
    const returned = (text: string, name = 'f'): string[] => summaryOf(text, name).returnsParameters.map((r) => `${r.param}:${r.danger === ANY_DANGER ? 'any' : r.danger}`);
    const text = ANY_DANGER & ~Danger.nosql;
    expect(returned('exports.f = (q) => q;')).toEqual(['0:any']);
    expect(returned("exports.f = (name) => '<p>Hello ' + name + '</p>';")).toEqual([`0:${text}`]);
    expect(returned('exports.f = function (a, b) { const t = `${a.trim()}: ${b}`; return t; };')).toEqual([`0:${text}`, `1:${text}`]);
    expect(returned('exports.f = async (q, d) => (await q) || d;')).toEqual(['0:any', '1:any']);
    expect(returned('exports.f = (q) => ({ q, list: [q] });')).toEqual(['0:any']);
    expect(returned('exports.f = (q) => String(q);')).toEqual([`0:${text}`]);
    expect(returned('exports.f = (q) => encodeURIComponent(q);')).toEqual([`0:${Danger.sql | Danger.regex}`]);
    // A fixed origin before it: no open redirect.
    expect(returned("exports.f = (path) => 'https://example.com/' + path;")).toEqual([`0:${text & ~Danger.redirect}`]);
    // Escaped, converted, validated, checked, reassigned, handed to any other call, or not returned: nothing.
    expect(returned("const escapeHtml = require('escape-html'); exports.f = (name) => '<p>' + escapeHtml(name) + '</p>';")).toEqual([]);
    expect(returned('exports.f = (q) => Number(q);')).toEqual([]);
    expect(returned("exports.f = (q) => { if (!/^[a-z]+$/.test(q)) throw new Error('bad'); return q; };")).toEqual([]);
    expect(returned('exports.f = (q) => (q.length > 3 ? { q } : null);')).toEqual(['0:any']);
    expect(returned('exports.f = (q) => (isOk(q) ? { q } : null);')).toEqual([]);
    expect(returned("exports.f = (q) => { q = 'x'; return q; };")).toEqual([]);
    expect(returned('exports.f = (q) => format(q);')).toEqual([]);
    expect(returned('exports.f = (q) => { log(q); };')).toEqual([]);
    // A nested function's return is its own.
    expect(returned('exports.f = (q) => { const g = () => q; return 1; };')).toEqual([]);
  });

  it('returned parameters after `if` tests that the inline check reading understands keep what those checks leave; any other test leaves them out (redir17)', () => {
    const returned = (text: string): string[] => summaryOf(text, 'f').returnsParameters.map((r) => `${r.param}:${r.danger}`);
    const checked = ANY_DANGER & ~Danger.nosql & ~Danger.path & ~Danger.wholePath;
    // `startsWith('/')` alone lets `//evil.example` through: the redirect stays (a `typeof` removes the operator object).
    expect(returned("exports.f = (v) => { if (typeof v !== 'string' || !v.startsWith('/')) return '/'; return v; };")).toEqual([`0:${checked}`]);
    expect(returned("exports.f = function (v) { if (!v.startsWith('/')) throw new Error('bad'); return '' + v; };")).toEqual([`0:${ANY_DANGER & ~Danger.path & ~Danger.wholePath & ~Danger.nosql}`]);
    // With `!startsWith('//')` it is a local path; also in the branch the test guards, and over two early exits.
    expect(returned("exports.f = (v) => { if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//')) return '/'; return v; };")).toEqual([`0:${checked & ~Danger.redirect}`]);
    expect(returned("exports.f = (v) => { if (typeof v === 'string' && v.startsWith('/') && !v.startsWith('//')) return v; return '/'; };")).toEqual([`0:${checked & ~Danger.redirect}`]);
    expect(returned("exports.f = (v) => { if (typeof v !== 'string') return '/'; if (!v.startsWith('/') || v.startsWith('//')) return '/'; return v; };")).toEqual([`0:${checked & ~Danger.redirect}`]);
    // Unknown stays unknown: an allow list (lists are not read here), a package's function (also beside a `typeof`), a
    // check of what a call makes of it, a `?:` test.
    expect(returned("const ALLOWED = ['/a']; exports.f = (v) => { if (!ALLOWED.includes(v)) return '/'; return v; };")).toEqual([]);
    expect(returned("const { ok } = require('url-ok'); exports.f = (v) => { if (!ok(v)) return '/'; return v; };")).toEqual([]);
    expect(returned("const { ok } = require('url-ok'); exports.f = (v) => { if (typeof v !== 'string' || !ok(v)) return '/'; return v; };")).toEqual([]);
    expect(returned("exports.f = (v) => { if (!v.trim().startsWith('/')) return '/'; return v; };")).toEqual([]);
    expect(returned("exports.f = (v) => (v.startsWith('/') ? v : '/');")).toEqual([]);
    // A test of its presence or length alone checks nothing (as inline): `q ? q : '/'`, `if (!q) return '/'`.
    expect(returned("exports.f = (q) => (q ? q : '/');")).toEqual([`0:${ANY_DANGER}`]);
    expect(returned("exports.f = (q) => { if (!q || q.length === 0) return '/'; return q; };")).toEqual([`0:${ANY_DANGER}`]);
    expect(returned("exports.f = (q) => { if (q == null) return '/'; return q; };")).toEqual([`0:${ANY_DANGER}`]);
  });

  it('returnsObject: every returned value is an object or array literal', () => {
    expect(summaryOf('exports.f = (q) => ({ q });', 'f').returnsObject).toBe(true);
    expect(summaryOf('exports.f = (q) => { const o = { q }; return a ? o : [q]; };', 'f').returnsObject).toBe(true);
    expect(summaryOf('exports.f = (q) => (q ? { q } : q);', 'f').returnsObject).toBe(false);
    expect(summaryOf('exports.f = (q) => { if (q) return { q }; };', 'f').returnsObject).toBe(true);
    expect(summaryOf('exports.f = (q) => { log(q); };', 'f').returnsObject).toBe(false);
  });

  it('returnsConstantText: every returned value is constant text, whatever the parameters and state (trial 14)', () => {
    const constant = (text: string): boolean => summaryOf(text, 'f').returnsConstantText;
    expect(constant("class D { static f() { return this.client === 'sqlite3' ? \"DATETIME('now', ? || ' hours')\" : 'DATE_ADD(NOW(), INTERVAL ? HOUR)'; } }\nmodule.exports = D;")).toBe(true);
    expect(constant("const HOURS = 'INTERVAL ? HOUR';\nexports.f = (a) => { if (a) return `NOW() - ${HOURS}`; return 'NOW()' + ' - 1'; };")).toBe(true);
    expect(constant("exports.f = (a) => a.sql || 'x';")).toBe(false);
    expect(constant("exports.f = (a) => (a ? 'x' : a);")).toBe(false);
    expect(constant('exports.f = (a) => `x ${a}`;')).toBe(false);
    expect(constant("exports.f = (a) => a && 'x';")).toBe(false);
    expect(constant("exports.f = () => { let s = 'x'; s = read(); return s; };")).toBe(false);
    expect(constant('exports.f = () => { log(1); };')).toBe(false);
    // A nested function's return is its own.
    expect(constant("exports.f = (a) => { const g = () => 'x'; return a; };")).toBe(false);
  });

  it('a parameter with a default value is the parameter (trial 20 r3); SQL parts carry their position', () => {
    const parts = (text: string): string[] => summaryOf(text, 'f').sinks.map((s) => `${s.kind}:${s.param}:${s.kind === 'sqlPart' ? s.position : ''}`);
    expect(parts("exports.f = (db, name = '') => db.query(`SELECT * FROM users WHERE name = '${name}'`);")).toEqual(['sqlPart:1:value']);
    expect(parts('exports.f = (db, sort) => db.query(`SELECT * FROM users ORDER BY ${sort}`);')).toEqual(['sqlPart:1:identifier']);
    expect(parts("exports.f = (db, t = 'users') => db.query('SELECT * FROM ' + t + ' WHERE id = 1');")).toEqual(['sqlPart:1:identifier']);
    expect(parts("exports.f = (q) => db('t').whereRaw(`name = '${q}'`);")).toEqual(['sqlPart:0:value']);
    expect(parts("exports.f = (o = 'name') => db('t').orderByRaw(o + ' desc');")).toEqual(['sqlPart:0:identifier']);
    expect(kinds(summaryOf("exports.f = (res, url = '/') => res.redirect(url);", 'f'))).toEqual(['response:1:redirect']);
    // Whether no-sql-injection reports the part in the function's own file (U6): a value always, unless typed number; a
    // name or a typed number only with checkEveryPart; a TypeORM builder's fragment never (request data only there).
    const there = (text: string, file?: string): (string | undefined)[] =>
      [...summaryOf(text, 'f', file).sinks, ...summaryOf(text, 'f', file).requestSinks].map((s) => (s.kind === 'sqlPart' ? s.reportedThere : s.kind));
    expect(there("exports.f = (db, name) => db.query(`SELECT * FROM users WHERE name = '${name}'`);")).toEqual(['always']);
    expect(there('exports.f = (db, sort) => db.query(`SELECT * FROM users ORDER BY ${sort}`);')).toEqual(['checkEveryPart']);
    expect(there('export function f(db: Db, age: number) { return db.query(`SELECT * FROM users WHERE age > ${age}`); }', '/virtual/lib.ts')).toEqual(['checkEveryPart']);
    expect(there("exports.f = (req, db) => db.query(`SELECT * FROM t WHERE id = '${req.query.id}'`);")).toEqual(['always']);
    expect(there("import { Repository } from 'typeorm';\nexport function f(repo: Repository<T>, name: string) { return repo.createQueryBuilder('p').where(`p.name = '${name}'`); }", '/virtual/lib.ts')).toEqual([undefined]);
    // A parameter handed on as it is to a method of `this.<key>` (U1): a forward, unless a test of it comes first.
    const forwards = (method: string): string[] => {
      const text = `export class S {\n  constructor(private readonly repo: Repo) {}\n  ${method}\n}`;
      const sourceCode = parseFile('/virtual/s.ts', text, { parser: undefined, parserOptions: {}, sourceType: 'module' })!;
      return functionSummary(sourceCode, exportedFunction(sourceCode, ['S', '()', 'f'])!, sourceCode.visitorKeys).forwards.map((f) => `${f.param}->${f.arg}:${f.line}`);
    };
    expect(forwards('f(a: string, b: object) { return this.repo.find(1, b, a); }')).toEqual(['1->1:3', '0->2:3']);
    expect(forwards('f(a: object) { const c = a; return this.repo.find(c); }')).toEqual(['0->0:3']);
    // Not: a test of it first, a value built from it, a method of another object, a plain call.
    expect(forwards("f(a: string) { if (!OK.includes(a)) throw new Error('no'); return this.repo.find(a); }")).toEqual([]);
    expect(forwards('f(a: string) { return this.repo.find(String(a)); }')).toEqual([]);
    expect(forwards('f(a: string) { return repo.find(a) || this.find(a) || find(a); }')).toEqual([]);
    // What it returns, and what its check vouches for, with a default too.
    expect(summaryOf("exports.f = (q = '') => q.trim();", 'f').returnsParameters).toMatchObject([{ param: 0 }]);
    expect(summaryOf("exports.f = (u = '') => u.startsWith('/') && !u.startsWith('//');", 'f').checks).toMatchObject({ param: 0 });
    // Written again in the function: not what the caller passed.
    expect(parts("exports.f = (db, name = '') => { name = 'x'; return db.query(`SELECT * FROM users WHERE name = '${name}'`); };")).toEqual([]);
  });

  it('request data the function reads from the request it is handed, reaching a sink (trial 20 r1); not under a test of it', () => {
    const requestSinks = (text: string, file?: string): string[] =>
      summaryOf(text, 'f', file).requestSinks.map((s) => `${s.kind}:${s.request}:${s.method}:${s.source}:${s.danger}${s.position ? `:${s.position}` : ''}`);
    expect(summaryOf('exports.f = (req, res, fallback) => {\n  res.redirect(req.query.returnTo || fallback);\n};', 'f').requestSinks).toEqual([
      { kind: 'response', request: 0, receiver: 1, method: 'redirect', danger: Danger.redirect, source: 'req.query.returnTo', line: 2 },
    ]);
    expect(requestSinks('exports.f = function (res, request) { const { next } = request.body; res.status(302).redirect(next); };')).toEqual([`response:1:redirect:request.body.next:${Danger.redirect}`]);
    expect(requestSinks("exports.f = (req, res, t) => res.send('<h1>' + t + req.params.name + '</h1>');")).toEqual([`response:0:send:req.params.name:${Danger.xss}`]);
    expect(requestSinks('exports.f = (req, res, dir) => res.sendFile(req.params.name);')).toEqual([`response:0:sendFile:req.params.name:${Danger.path}`]);
    expect(requestSinks('exports.f = (req, db) => db.query(`SELECT * FROM t ORDER BY ${req.query.sort}`);')).toEqual([`sqlPart:0:db.query:req.query.sort:${Danger.sql}:identifier`]);
    expect(requestSinks("exports.f = (req, db) => db.query(\"SELECT * FROM t WHERE id = '\" + req.get('X-Id') + \"'\");")).toEqual([`sqlPart:0:db.query:req.get('X-Id'):${Danger.sql}:value`]);
    expect(requestSinks('exports.f = (req, col) => col.findOne({ name: req.body.name });')).toEqual([`nosql:0:col.findOne:req.body.name:${Danger.nosql}`]);
    expect(requestSinks('exports.f = (req, col) => col.find({ $where: `this.a > ${req.query.a}` });')).toEqual([`where:0:col.find:req.query.a:${ANY_DANGER}`]);
    // Checked, allow-listed, converted, sent as JSON, of a fixed origin or the own host, a number, typed: nothing.
    const none = [
      "exports.f = (req, res, fb) => { const u = req.query.returnTo; if (!OK.includes(u)) return res.redirect(fb); res.redirect(u); };",
      'exports.f = (req, res, fb) => res.redirect(OK.includes(req.query.u) ? req.query.u : fb);',
      "exports.f = (req, res, fb) => { if (req.query.u.startsWith('/') && !req.query.u.startsWith('//')) res.redirect(req.query.u); };",
      'exports.f = (req, res, fb) => res.redirect(encodeURIComponent(req.query.u));',
      "exports.f = (req, res, fb) => res.redirect('https://app.example/' + req.query.page);",
      'exports.f = (req, res, fb) => res.redirect(`https://${req.headers.host}${fb}`);',
      "exports.f = (req, res, fb) => res.redirect('https://' + req.get('host') + '/login');",
      'exports.f = (req, res, s) => res.status(s).send(req.body);',
      "exports.f = (req, res, t) => { res.type('text'); res.send(t + req.query.q); };",
      'exports.f = (req, res, d) => res.sendFile(req.params.name, { root: d });',
      'exports.f = (req, db) => db.query(`SELECT * FROM t LIMIT ${req.query.ids.length}`);',
      'exports.f = (req, db) => db.query(`SELECT * FROM t LIMIT ${Number(req.query.n)}`);',
      'exports.f = (req, col) => col.findOne({ name: String(req.body.name) });',
      'exports.f = (req, col) => col.findOne({ name: { $eq: req.body.name } });',
      'exports.f = (req, res) => { req = other; res.redirect(req.query.u); };',
    ];
    for (const text of none) expect(requestSinks(text), text).toEqual([]);
  });

  it('handlerLike: typed with Express types, or shaped like a handler (its own file reads it)', () => {
    expect(summaryOf('exports.f = (req, res) => res.redirect(req.query.u);', 'f').handlerLike).toBe('shape');
    expect(summaryOf('exports.f = (err, request, response, next) => next(err);', 'f').handlerLike).toBe('shape');
    expect(summaryOf('exports.f = ({ query }, res, next) => next();', 'f').handlerLike).toBe('shape');
    expect(summaryOf('exports.f = (req, res, fallback) => res.redirect(req.query.u || fallback);', 'f').handlerLike).toBeNull();
    expect(summaryOf('exports.f = (res, req) => res.redirect(req.query.u);', 'f').handlerLike).toBeNull();
    const typed = "import type { Request, Response } from 'express';\nexport function f(req: Request, res: Response, fallback: string) { res.redirect(fallback); }\n";
    expect(summaryOf(typed, 'f', '/virtual/typed.ts').handlerLike).toBe('typed');
    const local = 'interface R { query: Record<string, string> }\nexport function f(req: R, res: { redirect(u: string): void }, fallback: string) { res.redirect(fallback); }\n';
    expect(summaryOf(local, 'f', '/virtual/local.ts').handlerLike).toBeNull();
  });

  it("a method of Object.prototype called on a parameter (`err.toString()`, `url.valueOf()`) is no response method (session 22, Node-RED)", () => {
    // The helper's summary was lost whole: the table of response methods answered `toString` with Object's own function.
    expect(kinds(summaryOf("exports.fail = function (req, res, err) { res.status(400).json({ message: err.message || err.toString() }); };", 'fail'))).toEqual([
      'error:2:json',
    ]);
    expect(kinds(summaryOf('exports.go = (res, url) => { log(url.valueOf(), url.hasOwnProperty(0)); res.redirect(url); };', 'go'))).toEqual(['response:1:redirect']);
    expect(kinds(summaryOf('exports.run = (sql) => { log(sql.constructor); return pool.query(sql.toString()); };', 'run'))).toEqual([]);
  });

  it('is computed once per function, and bad input gives an empty summary', () => {
    const text = 'exports.run = (sql) => pool.query(sql);';
    const sourceCode = parseFile('/virtual/once.js', text, { parser: undefined, parserOptions: {}, sourceType: 'commonjs' })!;
    const fn = exportedFunction(sourceCode, ['run'])!;
    expect(functionSummary(sourceCode, fn, sourceCode.visitorKeys)).toBe(functionSummary(sourceCode, fn, sourceCode.visitorKeys));
    const broken = { ...fn, params: null } as unknown as typeof fn;
    expect(functionSummary(sourceCode, broken, sourceCode.visitorKeys)).toEqual({ sinks: [], requestSinks: [], forwards: [], handlerLike: null, returns: null, returnsParameters: [], returnsObject: false, returnsConstantText: false, readsCookieState: false, readsSessionOrCookies: false, allowList: null, checks: null, rejects: null, async: false, returnsChecked: null, fastHashes: [], sessionWrites: [] });
  });
});
