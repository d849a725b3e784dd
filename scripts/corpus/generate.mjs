// Generated Express files for the scaling check of `npm run bench`.

/** An Express file with `n` routes in the shapes real apps use: app and router routes, `route()` chains, arrays. */
export function generateRoutes(n) {
  const out = [
    "const express = require('express');",
    "const helmet = require('helmet');",
    'const app = express();',
    'app.use(helmet());',
    "app.disable('x-powered-by');",
    'const router = express.Router();',
    'const auth = (req, res, next) => (req.user ? next() : res.status(401).end());',
  ];
  for (let i = 0; i < n; i++) {
    switch (i % 4) {
      case 0:
        out.push(`app.get('/items/${i}/:id', (req, res) => {\n  res.json({ id: req.params.id, n: ${i} });\n});`);
        break;
      case 1:
        out.push(`router.post('/items/${i}', auth, async (req, res, next) => {\n  try {\n    const item = { ...req.body, n: ${i} };\n    res.status(201).json(item);\n  } catch (err) {\n    next(err);\n  }\n});`);
        break;
      case 2:
        out.push(`app.route('/things/${i}').put([auth], function (req, res) {\n  res.send('ok ' + ${i});\n}).delete(auth, (req, res) => res.sendStatus(204));`);
        break;
      default:
        out.push(`router.use('/nested/${i}', express.Router().get('/', (req, res) => res.end()));`);
    }
  }
  out.push("app.use('/api', router);", 'app.listen(3000);', '');
  return out.join('\n');
}

/**
 * A file of about `lines` lines that none of the Express rules is about (no module of the plugin's tables, no
 * handler shape, no local import): data helpers with loops, strings, regexes and classes, as a utility module of
 * any project has. Only the rules that apply to every file (TLS options, regexes, SQL text, password hashes) run.
 */
export function generatePlain(lines) {
  const out = ["'use strict';", "const assert = require('assert');", ''];
  let i = 0;
  while (out.length < lines) {
    switch (i % 4) {
      case 0:
        out.push(
          `function total${i}(items) {`,
          '  let sum = 0;',
          '  for (const item of items) {',
          `    if (item && typeof item.amount === 'number') sum += item.amount * ${i % 7 + 1};`,
          '  }',
          '  return sum;',
          '}',
        );
        break;
      case 1:
        out.push(
          `const PATTERN_${i} = /^[a-z]{2,8}-${i}$/u;`,
          `function label${i}(name) {`,
          `  return PATTERN_${i}.test(name) ? name.toUpperCase() : \`item-${i}-\${String(name).trim()}\`;`,
          '}',
        );
        break;
      case 2:
        out.push(
          `class Counter${i} {`,
          '  constructor() { this.counts = new Map(); }',
          '  add(key) { this.counts.set(key, (this.counts.get(key) ?? 0) + 1); return this; }',
          `  top() { return [...this.counts].sort((a, b) => b[1] - a[1]).slice(0, ${i % 5 + 1}); }`,
          '}',
        );
        break;
      default:
        out.push(`assert.strictEqual(total${i - 3}([{ amount: 1 }]), ${(i - 3) % 7 + 1});`, `const options${i} = { retries: ${i % 3}, timeout: ${i * 10}, name: 'job-${i}' };`);
    }
    i++;
  }
  out.push('module.exports = { PATTERNS: [] };', '');
  return out.join('\n');
}

/**
 * A REST app spread over files as a service of `n` resources is (what the corpus' packages are not: every file is an
 * Express file that the whole-app model reads across): `src/server.js` mounts `src/resources/index.js`, which mounts
 * each resource's router; each resource has a router (`rN.routes.js`), a controller of handlers (`rN.controller.js`)
 * that validates what it reads, and a repository of parameterized queries (`rN.repo.js`). Returns the files by path.
 */
export function generateRestApp(n) {
  const files = {
    'package.json': `${JSON.stringify({ name: 'dense-app', private: true, main: 'src/server.js', dependencies: { express: '^4.21.2', helmet: '^8.0.0', 'express-session': '^1.18.1', 'express-rate-limit': '^7.5.0', 'connect-pg-simple': '^10.0.0', pg: '^8.13.0' } }, null, 2)}\n`,
    'src/db.js': "const { Pool } = require('pg');\n\nmodule.exports = new Pool({ connectionString: process.env.DATABASE_URL });\n",
    'src/server.js': [
      "const express = require('express');",
      "const helmet = require('helmet');",
      "const session = require('express-session');",
      "const { rateLimit } = require('express-rate-limit');",
      "const PgStore = require('connect-pg-simple')(session);",
      "const pool = require('./db');",
      '',
      'const app = express();',
      "app.disable('x-powered-by');",
      "app.set('trust proxy', 1);",
      'app.use(helmet());',
      "app.use(express.json({ limit: '100kb' }));",
      'app.use(session({',
      "  name: 'app.sid',",
      '  secret: process.env.SESSION_SECRET,',
      '  store: new PgStore({ pool }),',
      '  resave: false,',
      '  saveUninitialized: false,',
      "  cookie: { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 8 * 3600 * 1000 },",
      '}));',
      "app.use('/api', rateLimit({ windowMs: 60_000, limit: 100 }));",
      "app.use('/api', require('./resources'));",
      'app.use((err, req, res, next) => {',
      "  res.status(500).send('Something went wrong');",
      '});',
      '',
      'app.listen(process.env.PORT || 3000);',
      '',
    ].join('\n'),
  };
  const index = ["const { Router } = require('express');", '', 'const api = Router();'];
  for (let i = 1; i <= n; i++) {
    index.push(`api.use('/r${i}', require('./r${i}.routes'));`);
    files[`src/resources/r${i}.routes.js`] = [
      "const { Router } = require('express');",
      `const controller = require('./r${i}.controller');`,
      '',
      'const router = Router();',
      "router.get('/', controller.list);",
      "router.get('/:id', controller.show);",
      "router.post('/', controller.create);",
      "router.delete('/:id', controller.remove);",
      '',
      'module.exports = router;',
      '',
    ].join('\n');
    files[`src/resources/r${i}.controller.js`] = [
      `const repo = require('./r${i}.repo');`,
      '',
      'exports.list = async (req, res) => {',
      '  const limit = Math.min(100, Number(req.query.limit) || 20);',
      '  res.json(await repo.list(limit));',
      '};',
      'exports.show = async (req, res) => {',
      '  const id = Number(req.params.id);',
      '  if (!Number.isInteger(id)) return res.sendStatus(400);',
      '  const row = await repo.get(id);',
      '  if (!row) return res.sendStatus(404);',
      '  res.json(row);',
      '};',
      'exports.create = async (req, res) => {',
      '  const { name } = req.body;',
      "  if (typeof name !== 'string' || name.length > 100) return res.status(400).json({ error: 'name' });",
      '  res.status(201).json(await repo.create(name));',
      '};',
      'exports.remove = async (req, res) => {',
      '  if (!req.session.userId) return res.sendStatus(401);',
      '  const id = Number(req.params.id);',
      '  if (!Number.isInteger(id)) return res.sendStatus(400);',
      '  await repo.remove(id);',
      '  res.sendStatus(204);',
      '};',
      '',
    ].join('\n');
    files[`src/resources/r${i}.repo.js`] = [
      "const pool = require('../db');",
      '',
      `exports.list = async (limit) => (await pool.query('SELECT * FROM t${i} ORDER BY id LIMIT $1', [limit])).rows;`,
      `exports.get = async (id) => (await pool.query('SELECT * FROM t${i} WHERE id = $1', [id])).rows[0];`,
      `exports.create = async (name) => (await pool.query('INSERT INTO t${i} (name) VALUES ($1) RETURNING id', [name])).rows[0];`,
      `exports.remove = async (id) => pool.query('DELETE FROM t${i} WHERE id = $1', [id]);`,
      '',
    ].join('\n');
  }
  index.push('', 'module.exports = api;', '');
  files['src/resources/index.js'] = index.join('\n');
  return files;
}
