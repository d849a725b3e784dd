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
