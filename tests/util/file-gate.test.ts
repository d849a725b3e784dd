import { Linter, type ESLint, type Rule } from 'eslint';

type ESLintPlugin = ESLint.Plugin;

import plugin from '../../src/index';
import { rules } from '../../src/rules';
import { PASSWORD_HELPER_HINT } from '../../src/project/scan';
import { createRule, EVERY_FILE_RULES, fileCanMatter, sameJson } from '../../src/util/create-rule';

const textOf = (text: string) => ({ ast: {}, text });

/** A file with neither Express, a handler shape, nor a local import: a utility module. */
const PLAIN = `
const _ = require('lodash');
function chunk(list, size) { return _.chunk(list, size).map((part) => part.join(',')); }
module.exports = { chunk };
`;

describe('fileCanMatter, the per-file gate', () => {
  it.each([
    ['an Express import', "import express from 'express';"],
    ['a middleware module', "const helmet = require('helmet');"],
    ['a session module', "const session = require('express-session');"],
    ['a handler shape', 'module.exports = function (req, res, next) { next(); };'],
    ['a handler shape with types', 'export const show = async (request: Req, reply: Rep) => reply.send(1);'],
    ['a destructured request', 'exports.search = ({ query }, res) => res.send(query.q);'],
    ['a NestJS controller', "import { Controller, Get, Query } from '@nestjs/common';"],
    ["Express's types", "import type { Request } from 'somewhere';"],
    ['a local require in a route module that takes the app', "const users = require('./users');\nmodule.exports = (app) => { users(app); };"],
    ['a local import in a module that takes a router', "import { list } from '../controllers/list.js';\nexport default function (router) { router.get('/', list); }"],
    ['a dynamic local import beside Express', "const lazy = await import('./lazy.js');\nconst router = express.Router();"],
    ['an http server', "require('http').createServer(handler).listen(3000);"],
    // The same sign that starts the whole-app walk (`startsWholeAppWalk`), so the gate and the walk agree.
    ['a tsconfig alias import in a module that takes the app', "import { users } from '@/routes/users';\nexport default (app) => users(app);"],
    ['a local import in a Nest module that bootstraps', "import { AppModule } from './app.module';\nconst app = await NestFactory.create(AppModule);"],
    ['a local import in a service that hands a password to a helper', "const { hashPassword } = require('./crypto');\nexports.create = (user) => hashPassword(user.password);"],
  ])('lets through a file with %s', (_what, text) => {
    expect(fileCanMatter(textOf(text))).toBe(true);
  });

  it.each([
    ['a utility module', PLAIN],
    ['an empty file', ''],
    ['a React component', "import React from 'react';\nexport const A = () => <div>{props.x}</div>;"],
    ['a package import that starts with a dot in its name', "const x = require('dotenv');"],
    // The whole-app model does not start from such a file (no sign of Express: `startsWholeAppWalk`), so a local import alone
    // gives the rules nothing to see there.
    ['a local require without any sign of Express', "const app = require('./app');\nmodule.exports = String(app);"],
    ['a local import without any sign of Express', "import { routes } from '../routes/index.js';\nexport const n = routes.length;"],
    ['a dynamic local import without any sign of Express', "const lazy = await import('./lazy.js');"],
    ['a tsconfig alias import without any sign of Express', "import { format } from '@/util/format';\nexport const f = format;"],
  ])('stops a file that is %s', (_what, text) => {
    expect(fileCanMatter(textOf(text))).toBe(false);
  });

  it('looks at local imports only with the whole-app model on (`crossFile`)', () => {
    const routes = "const users = require('./users');\nmodule.exports = (app) => { users(app); };";
    expect(fileCanMatter(textOf(routes), true)).toBe(true);
    // Without the whole-app model the file's model is that of a file without its local imports: nothing to see.
    expect(fileCanMatter(textOf(routes), false)).toBe(false);
    // A file that names a module the rules know or has a handler shape passes either way.
    expect(fileCanMatter(textOf("const users = require('./users');\nconst router = require('express').Router();"), false)).toBe(true);
    expect(fileCanMatter(textOf("const users = require('./users');\nexports.list = (req, res) => users(res);"), false)).toBe(true);
  });

  it('decides once per file (cached on the AST)', () => {
    const file = { ast: {}, text: PLAIN };
    expect(fileCanMatter(file)).toBe(false);
    file.text = "require('express')";
    expect(fileCanMatter(file)).toBe(false);
    expect(fileCanMatter({ ast: {}, text: file.text })).toBe(true);
  });

  it('lists only rules that exist as rules that apply to every file', () => {
    for (const name of EVERY_FILE_RULES) expect(Object.keys(rules)).toContain(name);
  });
});

describe('rules behind the gate', () => {
  /** A rule that counts how many nodes it saw. */
  function counting(name: string) {
    const seen = { nodes: 0 };
    const rule = createRule<[], 'x'>({
      name,
      meta: { type: 'problem', docs: { description: 'Count nodes', recommended: 'strict' }, schema: [], messages: { x: 'x' } },
      defaultOptions: [],
      create: () => ({
        '*'() {
          seen.nodes++;
        },
      }),
    });
    return { rule, seen };
  }

  function lint(text: string, name: string, settings: Record<string, unknown> = {}) {
    const { rule, seen } = counting(name);
    const linter = new Linter({ configType: 'flat' });
    linter.verify(text, [{ plugins: { t: { rules: { [name]: rule as unknown as Rule.RuleModule } } }, rules: { [`t/${name}`]: 'error' }, settings }]);
    return seen.nodes;
  }

  it('runs in a file that matters only through its local imports when the whole-app model is on', () => {
    const routes = "const users = require('./users');\nmodule.exports = (app) => { users(app); };";
    expect(lint(routes, 'gated')).toBeGreaterThan(0);
    expect(lint(routes, 'gated', { 'secure-express': { crossFile: false } })).toBe(0);
    expect(lint(`${routes}\nconst express = require('express');`, 'gated', { 'secure-express': { crossFile: false } })).toBeGreaterThan(0);
  });

  it('registers no listener in a file that cannot matter', () => {
    expect(lint(PLAIN, 'gated')).toBe(0);
  });

  it('runs in a file that can matter', () => {
    expect(lint(`${PLAIN}\nconst express = require('express');`, 'gated')).toBeGreaterThan(0);
  });

  it('always runs rules that apply to every file', () => {
    expect(lint(PLAIN, 'no-insecure-tls')).toBeGreaterThan(0);
  });

  it('keeps reporting TLS options, regexes, SQL text and password comparisons in files without Express', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      `const https = require('https');
const agent = new https.Agent({ rejectUnauthorized: false });
const re = /^(a+)+$/;
function find(db, name) { return db.query('SELECT * FROM users WHERE name = ' + name); }
function check(user, password) { return user.password === password; }
module.exports = { agent, re, find, check };
`,
      [...plugin.configs.recommended, { languageOptions: { sourceType: 'commonjs' } }],
      'lib/plain.js',
    );
    expect(messages.map((m) => m.ruleId).sort()).toEqual([
      'secure-express/no-insecure-tls',
      'secure-express/no-sql-injection',
      'secure-express/no-unsafe-regex',
      'secure-express/no-weak-password-hash',
    ]);
  });
});

describe('options merged once per options array', () => {
  const ROUTES = "const express = require('express');\nconst app = express();\napp.get('/files/*', (req, res) => res.end());\n";
  const lint = (linter: Linter, options: unknown[]) =>
    linter
      .verify(ROUTES, [
        { plugins: { 'secure-express': plugin as unknown as ESLintPlugin }, languageOptions: { sourceType: 'commonjs' }, rules: { 'secure-express/no-deprecated-express-api': ['error', ...options] } },
      ])
      .map((m) => m.messageId);

  it('gives every configuration its own options, in any order, with one linter', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(lint(linter, [])).toEqual([]);
    expect(lint(linter, [{ checkRoutePaths: true }])).toEqual(['routePath']);
    expect(lint(linter, [])).toEqual([]);
    expect(lint(linter, [{ checkRoutePaths: true }])).toEqual(['routePath']);
  });
});

describe('sameJson, how the options of a file are matched to those of the last file', () => {
  it.each([
    [[], []],
    [[{ checkRoutePaths: true }], [{ checkRoutePaths: true }]],
    [[{ a: 1, b: ['x', { c: null }] }], [{ b: ['x', { c: null }], a: 1 }]],
  ])('finds %j the same as %j', (a, b) => {
    expect(sameJson(a, b)).toBe(true);
  });

  it.each([
    [[], [{}]],
    [[{ checkRoutePaths: true }], [{ checkRoutePaths: false }]],
    [[{ a: 1 }], [{ a: 1, b: 2 }]],
    [[{ a: 1, b: undefined }], [{ a: 1, c: undefined }]],
    [[{ a: [1, 2] }], [{ a: [1, 2, 3] }]],
    [[{ a: [1] }], [{ a: { 0: 1 } }]],
    [[new Date(0)], [new Date(0)]],
  ])('finds %j different from %j', (a, b) => {
    expect(sameJson(a, b)).toBe(false);
  });
});

describe('PASSWORD_HELPER_HINT, the password-helper sign that starts the whole-app walk', () => {
  /** The pattern as first written: a leading `\w*` on each branch, which backtracks from every position of the text. */
  const FIRST = /\w*[Pp]ass(?:word|wd)\w*\s*\(|\b\w*(?:hash|Hash|digest|Digest)\w*\s*\(\s*[\w.]*(?:password|Password|passwd|pwd)\b/u;

  it.each([
    ['hashPassword(pw)', true],
    ['await userPasswordHash (x)', true],
    ['checkPasswd(x)', true],
    ['hash(user.password)', true],
    ['bcryptHash( req.body.Password )', true],
    ['createDigest(pwd)', true],
    ['x.digest(user.pwdHash)', false],
    ['const password = user.password;', false],
    ['hash(user.name)', false],
    ['Passport.use(x)', false],
    ['Hash(', false],
  ])('%s → %s, as the first pattern', (text, expected) => {
    expect(PASSWORD_HELPER_HINT.test(text)).toBe(expected);
    expect(FIRST.test(text)).toBe(expected);
  });

  it('matches exactly the texts the first pattern matched', () => {
    // Texts made of the pieces the branches react to, in random order (a fixed seed: the same texts every run).
    const pieces = ['pass', 'Pass', 'word', 'wd', 'hash', 'Hash', 'digest', 'Digest', 'password', 'Password', 'passwd', 'pwd', 'x', '_', '1', '.', ' ', '\n', '(', ')', ',', '$', 'é'];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    let matched = 0;
    for (let i = 0; i < 20000; i++) {
      let text = '';
      const length = 1 + (next() % 12);
      for (let k = 0; k < length; k++) text += pieces[next() % pieces.length];
      const first = FIRST.test(text);
      if (PASSWORD_HELPER_HINT.test(text) !== first) expect(text).toBe(`a text on which both agree (first: ${first})`);
      if (first) matched++;
    }
    expect(matched).toBeGreaterThan(500);
  });

  it('takes time linear in the length of the text', () => {
    const text = 'a'.repeat(200_000);
    const start = performance.now();
    expect(PASSWORD_HELPER_HINT.test(text)).toBe(false);
    expect(performance.now() - start).toBeLessThan(100);
  });
});
