// `node scripts/bench-handlers.mjs` (after `npm run build`): the request-data rules stay linear in the number of
// handlers. Lints one generated controller file of 500 and one of 5,000 handlers (shaped like Express handlers,
// exported, with guards, reassignments, a shared helper and a shared allow list, one finding each) with the rules
// that follow request data, and fails when the larger file takes more than 12 times the smaller one (10 times the
// handlers). Not part of `npm test` (it takes a minute); `npm run bench` runs it (`--json`) and reports it in
// bench/RESULTS.md.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { Linter } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { default: plugin } = await import(path.join(root, 'dist/index.js'));
const RULES = ['no-open-redirect', 'no-reflected-xss', 'no-path-traversal', 'no-nosql-injection', 'no-sql-injection', 'require-csrf-protection'];
const LIMIT = 12;

function source(count) {
  const lines = [
    "const express = require('express');",
    "const fs = require('fs');",
    "const ALLOWED = new Set(['/a', '/b']);",
    'function sendTo(res, url) { res.redirect(url); }',
    'const app = express();',
  ];
  for (let i = 0; i < count; i++) {
    lines.push(
      `exports.h${i} = async (req, res) => {`,
      `  let next = req.query.next${i};`,
      `  if (!ALLOWED.has(next)) return res.status(400).end();`,
      `  sendTo(res, next);`,
      `  let name = req.params.name;`,
      `  name = 'file${i}.txt';`,
      `  fs.readFile(name, () => {});`,
      `  if (typeof req.body.id === 'string') await Users.findOne({ _id: req.body.id });`,
      `  res.send('<p>' + String(Number(req.query.page)) + '</p>');`,
      `  res.location(req.query.back);`,
      `};`,
      `app.post('/r${i}', (req, res) => res.json(req.session.user));`,
    );
  }
  return lines.join('\n');
}

function time(count, rules = RULES) {
  const linter = new Linter();
  const config = [
    {
      plugins: { 'secure-express': plugin },
      languageOptions: { sourceType: 'commonjs' },
      rules: Object.fromEntries(rules.map((r) => [`secure-express/${r}`, 'error'])),
    },
  ];
  const text = source(count);
  let best = Infinity;
  let messages = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    messages = linter.verify(text, config, { filename: path.join(root, 'bench-handlers.js') });
    best = Math.min(best, performance.now() - start);
  }
  return { best, messages: messages.length };
}

const small = time(500);
const large = time(5000);
const ratio = large.best / small.best;
// ESLint alone (parsing, scopes, traversal) on the same files, for reference: on a loaded machine its own ratio
// (garbage collection of a 60,000-line file) moves the total.
const bareSmall = time(500, []);
const bareLarge = time(5000, []);
if (process.argv.includes('--json')) {
  // For scripts/bench.mjs (bench/RESULTS.md, "Handler linearity").
  console.log(JSON.stringify({ small: { handlers: 500, ...small }, large: { handlers: 5000, ...large }, ratio, limit: LIMIT, bare: { small: bareSmall.best, large: bareLarge.best } }));
  process.exit(0);
}
console.log(`500 handlers: ${small.best.toFixed(0)} ms (${small.messages} findings); ESLint alone ${bareSmall.best.toFixed(0)} ms`);
console.log(`5,000 handlers: ${large.best.toFixed(0)} ms (${large.messages} findings); ESLint alone ${bareLarge.best.toFixed(0)} ms`);
console.log(`ratio: ${ratio.toFixed(1)}× (limit ${LIMIT}×); ESLint alone ${(bareLarge.best / bareSmall.best).toFixed(1)}×`);
if (ratio > LIMIT) process.exitCode = 1;
