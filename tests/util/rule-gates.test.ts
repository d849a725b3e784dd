import path from 'node:path';

import { Linter, type ESLint, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

import { rules } from '../../src/rules';
import { fileCanMatter, moduleNames } from '../../src/util/create-rule';
import { fileSigns } from '../../src/util/file-gate';

type RuleName = keyof typeof rules;

/** A folder with no package.json above it (a file there is no file on disk either). */
const NOWHERE = path.join(path.parse(process.cwd()).root, 'nowhere', 'secure-express-gate');
const EXPRESS_PACKAGE = path.join(__dirname, '../fixtures/express-package');

interface Case {
  code: string;
  sourceType?: 'commonjs' | 'module';
  /** A file of this folder (default: a name that is no file on disk). */
  dir?: string;
  typescript?: boolean;
  settings?: Record<string, unknown>;
  options?: unknown[];
}

/** Lints `file` with `name` alone; returns its messages and how many listeners its `create` returned. */
function lint(name: RuleName, file: Case): { messages: Linter.LintMessage[]; listeners: number } {
  const rule = rules[name] as unknown as Rule.RuleModule;
  let listeners = 0;
  const counting: Rule.RuleModule = {
    meta: rule.meta,
    create(context) {
      const listening = rule.create(context);
      listeners += Object.keys(listening).length;
      return listening;
    },
  };
  const plugin: ESLint.Plugin = { rules: { [name]: counting } };
  const dir = file.dir ?? NOWHERE;
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const filename = path.join(dir, file.typescript ? 'src/file.ts' : 'src/file.js');
  const messages = linter.verify(
    file.code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        plugins: { g: plugin },
        languageOptions: { sourceType: file.sourceType ?? 'commonjs', ...(file.typescript ? { parser: tsParser } : {}) },
        settings: file.settings ?? {},
        rules: { [`g/${name}`]: ['error', ...(file.options ?? [])] },
      },
    ],
    filename,
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return { messages, listeners };
}

/** A file with no app, no request handler and no sign of the whole-app walk: only helmet. */
const HELMET_ONLY = `
const helmet = require('helmet');
module.exports = helmet();
`;

/** Names `session`, `cookie`, `helmet`, `body-parser`, `cors`, `handlebars` as words, none as a module. */
const WORDS_ONLY = `
const helmet = require('helmet');
// The session cookie, bodyParser, cors and handlebars views are set up by the gateway.
module.exports = helmet({ contentSecurityPolicy: true });
`;

const EXPRESS_APP = `
const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SECRET }));
app.set('trust proxy', true);
app.use(express.static('public', { dotfiles: 'allow' }));
app.del('/items/:id', (req, res) => res.end());
app.post('/login', (req, res) => {
  req.session.user = req.body.user;
  res.redirect(req.query.next);
});
app.get('/search', (req, res) => {
  try {
    res.send(req.query.q);
  } catch (err) {
    res.status(500).send(err.stack);
  }
});
app.get('/file', (req, res) => res.sendFile(req.query.name));
app.get('/users', (req, res) => User.find({ name: req.query.name }).then((u) => res.json(u)));
app.get('/view', (req, res) => res.render(req.query.view));
app.listen(80);
`;

/** Per rule: a file its gate lets through where it reports, and one that the shared gate lets through but it stops. */
const CASES: Partial<Record<RuleName, { reported: Case[]; stopped: Case[] }>> = {
  'disable-x-powered-by': { reported: [{ code: EXPRESS_APP }], stopped: [{ code: HELMET_ONLY }] },
  'require-helmet': { reported: [{ code: EXPRESS_APP }], stopped: [{ code: HELMET_ONLY }] },
  'require-rate-limit': { reported: [{ code: EXPRESS_APP }], stopped: [{ code: HELMET_ONLY }] },
  'require-csrf-protection': { reported: [{ code: EXPRESS_APP }], stopped: [{ code: HELMET_ONLY }] },
  'require-session-regenerate': { reported: [{ code: EXPRESS_APP }], stopped: [{ code: HELMET_ONLY }] },
  'require-input-validation': { reported: [{ code: EXPRESS_APP }], stopped: [{ code: HELMET_ONLY }] },
  'require-https': {
    reported: [{ code: `import express from 'express';\nconst app = express();\napp.listen(80);\n`, sourceType: 'module' }],
    stopped: [{ code: HELMET_ONLY }],
  },
  'no-trust-proxy-true': {
    reported: [{ code: EXPRESS_APP }],
    // The setting's name in the text, but no app.
    stopped: [{ code: `${HELMET_ONLY}// Behind a proxy: see 'trust proxy' in the gateway.\n` }, { code: HELMET_ONLY }],
  },
  'no-session-on-static': {
    reported: [
      {
        code: `
import express from 'express';
import session from 'express-session';
const app = express();
app.use(session({ secret: process.env.SECRET }));
app.use(express.static('public'));
export default app;
`,
        sourceType: 'module',
      },
    ],
    // serve-static named, but no app in the file.
    stopped: [{ code: `const serveStatic = require('serve-static');\n${HELMET_ONLY}exports.files = serveStatic('public');\n` }],
  },
  'no-deprecated-express-api': {
    reported: [{ code: EXPRESS_APP }],
    stopped: [{ code: HELMET_ONLY }],
  },
  'no-default-session-name': {
    reported: [{ code: `const session = require('cookie-session');\nmodule.exports = session({ keys: [process.env.KEY] });\n` }],
    stopped: [{ code: WORDS_ONLY }],
  },
  'no-memory-session-store': {
    reported: [{ code: `import session from 'express-session';\nexport default session({ secret: process.env.SECRET, name: 'id' });\n`, sourceType: 'module' }],
    // cookie-session keeps no store.
    stopped: [{ code: `const session = require('cookie-session');\nmodule.exports = session({ name: 'id', keys: [process.env.KEY] });\n` }],
  },
  'no-disabled-helmet-protections': {
    reported: [{ code: `const helmet = require('helmet');\nmodule.exports = helmet({ frameguard: false });\n` }],
    stopped: [{ code: `// helmet runs in the gateway\nconst session = require('cookie-session');\nmodule.exports = session({ name: 'id' });\n` }],
  },
  'no-unsafe-csp': {
    reported: [
      {
        code: `import helmet from 'helmet';\nexport default helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", "'unsafe-eval'"] } } });\n`,
        sourceType: 'module',
      },
    ],
    stopped: [{ code: `// helmet runs in the gateway\nconst session = require('cookie-session');\nmodule.exports = session({ name: 'id' });\n` }],
  },
  'no-removed-helmet-api': {
    reported: [{ code: `const expectCt = require('expect-ct');\nmodule.exports = expectCt({ maxAge: 86400 });\n` }],
    stopped: [{ code: `// helmet runs in the gateway\nconst session = require('cookie-session');\nmodule.exports = session({ name: 'id' });\n` }],
  },
  'no-unbounded-body': {
    reported: [{ code: `const bodyParser = require('body-parser');\nmodule.exports = bodyParser.json({ limit: '50mb' });\n` }],
    stopped: [{ code: WORDS_ONLY }],
  },
  'no-permissive-cors': {
    reported: [
      { code: `const cors = require('cors');\nmodule.exports = cors({ origin: true, credentials: true });\n` },
      {
        code: `
exports.allow = function (req, res, next) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
};
`,
        dir: EXPRESS_PACKAGE,
        settings: { 'secure-express': { crossFile: false } },
      },
    ],
    stopped: [
      { code: WORDS_ONLY },
      // The header's name, but no function that receives a request.
      { code: `${HELMET_ONLY}exports.header = 'Access-Control-Allow-Origin';\n` },
    ],
  },
  'no-unsafe-template-rendering': {
    reported: [
      { code: `const Handlebars = require('handlebars');\nmodule.exports = (source) => Handlebars.compile(source, { noEscape: true });\n` },
      { code: EXPRESS_APP },
    ],
    stopped: [{ code: WORDS_ONLY }],
  },
  'secure-cookies': {
    reported: [
      { code: `const session = require('express-session');\nmodule.exports = session({ secret: process.env.SECRET, name: 'id', cookie: { secure: true } });\n` },
      { code: `exports.remember = (req, res) => res.cookie('seen', req.query.id);\n`, dir: EXPRESS_PACKAGE, settings: { 'secure-express': { crossFile: false } } },
    ],
    stopped: [{ code: HELMET_ONLY }],
  },
  'no-error-details-in-response': {
    reported: [{ code: EXPRESS_APP }],
    // A variable called `res` is no response parameter.
    stopped: [{ code: `const helmet = require('helmet');\nconst res = helmet();\nmodule.exports = (err) => res(err.stack);\n` }],
  },
  'no-nosql-injection': { reported: [{ code: EXPRESS_APP }], stopped: [{ code: HELMET_ONLY }] },
  'no-open-redirect': {
    reported: [
      { code: EXPRESS_APP },
      // Shaped like a handler (`res` second) in a package that depends on Express: no app, no import of Express.
      { code: `module.exports = function (request, res) {\n  res.redirect(request.query.next);\n};\n`, dir: EXPRESS_PACKAGE, settings: { 'secure-express': { crossFile: false } } },
      { code: `module.exports = (err, req, res = null, next) => res.redirect(req.query.next);\n`, dir: EXPRESS_PACKAGE, settings: { 'secure-express': { crossFile: false } } },
      // A Node server's listener.
      { code: `require('node:http').createServer((a, b) => b.writeHead(302, { Location: a.headers.referer })).listen(80);\n` },
    ],
    stopped: [
      { code: HELMET_ONLY },
      // `response` is a word here, not a parameter in a handler's place.
      { code: `${HELMET_ONLY}exports.send = (response) => response.redirect('/');\n`, dir: EXPRESS_PACKAGE, settings: { 'secure-express': { crossFile: false } } },
    ],
  },
  'no-path-traversal': { reported: [{ code: EXPRESS_APP }], stopped: [{ code: HELMET_ONLY }] },
  'no-reflected-xss': {
    reported: [
      { code: EXPRESS_APP },
      {
        code: `import type { Request, Response } from 'express-serve-static-core';\nexport function search(req: Request, res: Response) {\n  res.send(req.query.q);\n}\n`,
        sourceType: 'module',
        typescript: true,
        settings: { 'secure-express': { crossFile: false } },
      },
    ],
    stopped: [{ code: HELMET_ONLY }],
  },
};

/** The rules whose `createRule` definition declares a gate (read from the source: the gate is not on the module). */
const GATED: readonly RuleName[] = Object.keys(CASES) as RuleName[];

describe('per-rule gates', () => {
  it('covers every rule that declares a gate', async () => {
    const { readFileSync } = await import('node:fs');
    const declared = (Object.keys(rules) as RuleName[]).filter((name) =>
      /^\s*gate: /mu.test(readFileSync(path.join(__dirname, `../../src/rules/${name}.ts`), 'utf8')),
    );
    expect([...GATED].sort()).toEqual(declared.sort());
  });

  describe.each(GATED.map((name) => [name, CASES[name]!] as const))('%s', (name, { reported, stopped }) => {
    it.each(reported.map((c, i) => [i, c] as const))('reports in a file that passes its gate (%i)', (_i, file) => {
      const { messages, listeners } = lint(name, file);
      expect(listeners).toBeGreaterThan(0);
      expect(messages.filter((m) => m.ruleId === `g/${name}`).length).toBeGreaterThan(0);
    });

    it.each(stopped.map((c, i) => [i, c] as const))('registers nothing in a file its gate stops (%i)', (_i, file) => {
      // The shared gate lets the file through: the rule's own gate is what stops it.
      expect(fileCanMatter({ ast: {}, text: file.code })).toBe(true);
      const { messages, listeners } = lint(name, file);
      expect(listeners).toBe(0);
      expect(messages).toEqual([]);
    });
  });
});

describe('FileSigns', () => {
  const signs = (text: string, settings: Record<string, unknown> = {}, scopes: { type: string; block: object }[] | null = []) =>
    fileSigns({ sourceCode: { ast: {}, text, scopeManager: scopes && { scopes } }, settings });
  const HELMET = moduleNames('helmet');
  const HTTP = moduleNames('http', 'mysql2/promise');

  it.each([
    ["require('helmet')", true],
    ['import helmet from "helmet";', true],
    ['require(`helmet`)', true],
    ["import csp from 'helmet/csp';", true],
    ["const h = require('node:helmet');", true],
    ['// helmet() is mounted elsewhere', false],
    ["require('helmet-csp')", false],
    ["require('@scope/helmet')", false],
  ])('names helmet as a module in %s: %s', (text, expected) => {
    expect(signs(text).names(HELMET)).toBe(expected);
  });

  it('finds each module of a file once, for every list (longer names first)', () => {
    const file = signs("import http from 'node:http';\nimport mysql from 'mysql2/promise';\nconst h = require('helmet');");
    expect(file.names(HTTP)).toBe(true);
    expect(file.names(HELMET)).toBe(true);
    expect(signs("import mysql from 'mysql2';").names(HTTP)).toBe(false);
  });

  it('may hold an app when it names express or Nest, or when the whole-app model may give it one', () => {
    expect(signs("const express = require('express');").mayHoldApp).toBe(true);
    expect(signs("import { NestFactory } from '@nestjs/core';").mayHoldApp).toBe(true);
    expect(signs("import { Controller } from '@nestjs/common';").mayHoldApp).toBe(true);
    expect(signs("const cors = require('cors');").mayHoldApp).toBe(false);
    // `(app) =>` starts the whole-app walk, but a source that is no file of a package on disk gets nothing from other
    // files. (tests/project/holders.test.ts: on disk, only a file that holders reach may hold an app.)
    const routes = "const helmet = require('helmet');\nmodule.exports = (app) => { app.use(helmet()); };";
    expect(signs(routes).mayHoldApp).toBe(false);
    expect(signs(routes).crossFile).toBe(true);
    expect(signs(routes, { 'secure-express': { crossFile: false } }).mayHoldApp).toBe(false);
    expect(signs(routes, { 'secure-express': { crossFile: false } }).crossFile).toBe(false);
  });

  it('may handle requests: an app, Express types, a Node server, or a function shaped like a handler', () => {
    const off = { 'secure-express': { crossFile: false } };
    expect(signs("import type { Request } from 'express-serve-static-core';", off).mayHandleRequests).toBe(true);
    expect(signs("import type { Request } from 'node:express';", off).mayHandleRequests).toBe(true);
    expect(signs("require('https').createServer(listener);", off).mayHandleRequests).toBe(true);
    // Other modules whose names start with `express` give no handler types, and make no app.
    expect(signs("const session = require('express-session');", off).mayHandleRequests).toBe(false);
    expect(signs("import hbs from 'express-hbs';", off).mayHandleRequests).toBe(false);
    const fn = (names: string[]) => ({ type: 'function', block: { type: 'FunctionExpression', params: names.map((n) => ({ type: 'Identifier', name: n })) } });
    const text = 'function f(req, res) {}';
    expect(signs(text, off, [fn(['req', 'res'])]).mayHandleRequests).toBe(true);
    expect(signs(text, off, [fn(['request', 'response', 'next'])]).mayHandleRequests).toBe(true);
    expect(signs(text, off, [fn(['e', 'req', 'response', 'next'])]).mayHandleRequests).toBe(true);
    // A response's name alone is no handler's shape (`getRequestHandlers` takes none): a callback's `(err, res)`, a
    // helper's `(a, res)`.
    expect(signs(text, off, [fn(['err', 'res'])]).mayHandleRequests).toBe(false);
    expect(signs(text, off, [fn(['a', 'res'])]).mayHandleRequests).toBe(false);
    expect(signs(text, off, [fn(['e', 'a', 'response', 'next'])]).mayHandleRequests).toBe(false);
    expect(signs(text, off, [fn(['res', 'a'])]).mayHandleRequests).toBe(false);
    expect(signs(text, off, [fn(['req', 'b', 'res'])]).mayHandleRequests).toBe(false);
    expect(signs(text, off, [fn(['req', 'res', 'c', 'd', 'e'])]).mayHandleRequests).toBe(false);
    // Without the scopes, any `res` word may be one.
    expect(signs(text, off, null).mayHandleRequests).toBe(true);
    expect(signs('const x = 1;', off, null).mayHandleRequests).toBe(false);
    // `handlerShapes: false` turns the shape guess off.
    expect(signs(text, { 'secure-express': { crossFile: false, handlerShapes: false } }, [fn(['req', 'res'])]).mayHandleRequests).toBe(false);
  });

  it('may handle requests in NestJS: a controller, a filter, a guard or interceptor, a parameter decorator; not a service', () => {
    const off = { 'secure-express': { crossFile: false } };
    const nest = (text: string) =>
      fileSigns({ sourceCode: { ast: tsParser.parse(text, { range: true }), text, scopeManager: null }, settings: off }).mayHandleRequests;
    expect(nest("import { Injectable, NotFoundException } from '@nestjs/common';\n@Injectable()\nexport class UsersService {}")).toBe(false);
    expect(nest("import { Controller, Get } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {}")).toBe(true);
    expect(nest("import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';\nexport class RolesGuard {}")).toBe(true);
    expect(nest("import { ArgumentsHost, Catch } from '@nestjs/common';\n@Catch()\nexport class AllFilter {}")).toBe(true);
    expect(nest("import { createParamDecorator } from '@nestjs/common';\nexport const User = createParamDecorator((data, ctx) => data);")).toBe(true);
    // Compiled: a `require` of @nestjs/common may hold a controller's decorators.
    expect(nest('const common_1 = require("@nestjs/common");\nexports.x = common_1.Injectable;')).toBe(true);
  });

  it('is computed once per file (cached on the AST)', () => {
    const ast = {};
    const first = fileSigns({ sourceCode: { ast, text: "require('helmet')", scopeManager: null } });
    expect(fileSigns({ sourceCode: { ast, text: '', scopeManager: null } })).toBe(first);
    expect(first.names(HELMET)).toBe(true);
  });

  it('sees modules registered after the file was first scanned', () => {
    const file = signs("require('a-module-no-rule-names')");
    expect(file.names(HELMET)).toBe(false);
    expect(file.names(moduleNames('a-module-no-rule-names'))).toBe(true);
  });

});

describe('every-file rules and request data', () => {
  // Handlers by shape only (no app, no import of Express, the whole-app model off) in a package that depends on Express:
  // `FileSigns.mayHandleRequests` must let the request data be built.
  const shape = { dir: EXPRESS_PACKAGE, settings: { 'secure-express': { crossFile: false } } };

  it('no-sql-injection follows request data into a helper of the file', () => {
    const { messages } = lint('no-sql-injection', {
      ...shape,
      code: `
function runQuery(sql) { return db.query(sql); }
module.exports = function (req, res) {
  runQuery('SELECT * FROM users WHERE id = ' + req.query.id);
  res.end();
};
`,
    });
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining("through 'runQuery'")]);
  });

  it('no-unsafe-regex reports a pattern from the request', () => {
    const { messages } = lint('no-unsafe-regex', { ...shape, code: `exports.find = (req, res) => res.json(new RegExp(req.query.q).test('x'));\n` });
    expect(messages.map((m) => m.messageId)).toEqual(['requestPattern']);
  });

  it('no-unsafe-regex says nothing of a dynamic pattern in a file where no function receives a request', () => {
    const { messages } = lint('no-unsafe-regex', { ...shape, code: `exports.find = (query, text) => new RegExp(query).test(text);\n` });
    expect(messages).toEqual([]);
  });
});
