import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import rule from '../../src/rules/no-deprecated-express-api';
import openRedirect from '../../src/rules/no-open-redirect';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

const removed = (api: string, removedIn: string, replacement: string, deprecated = '') => ({
  messageId: 'removed' as const,
  data: { api, removedIn, replacement, deprecated },
});

/** Files next to a `package.json` that requires Express 5, Express 4, or a dist-tag (version unknown). */
const VERSIONS = path.resolve(__dirname, '../fixtures/express-versions');
const ON_EXPRESS_5 = path.join(VERSIONS, 'five/src/routes/files.js');
const ON_EXPRESS_4 = path.join(VERSIONS, 'four/server.js');
const ON_A_TAG = path.join(VERSIONS, 'tag/server.js');
const ON_EXPRESS_4_OR_5 = path.join(VERSIONS, 'open/server.js');
const EXPRESS5_ROUTES = code`
  const express = require('express');
  const app = express();
  app.get('/files/:name?', (req, res) => res.end());
  app.get('*', (req, res) => res.end());
`;
/** On an Express 4 range, Express 5's syntax is what to write when moving, not now (trial 14, uptime-kuma). */
const laterOnExpress5 = (routePath: string, what: string, instead: string, line: number) => ({
  messageId: 'routePathExpress4' as const,
  data: { path: routePath, what, instead, range: '^4.21.2', manifest: 'package.json' },
  line,
  suggestions: [],
});
const refused = (routePath: string, what: string, instead: string, line: number) => ({
  messageId: 'routePathExpress5' as const,
  data: { path: routePath, what, instead, range: '^5.1.0', manifest: '../../package.json' },
  line,
});

const SEND = '`res.status(status).send(body)` (`res.sendStatus(status)` for a status alone)';
const JSON_ = '`res.status(status).json(obj)`';
const BACK = "`req.get('Referrer') || '/'` (the Referer header is client-controlled: check it before redirecting)";
const PARAM = '`req.params`, `req.body` or `req.query`, whichever the value comes from';
const SENDFILE = '`res.sendFile()` (it needs an absolute path or a `root` option)';
/** The `'back'` suggestion: the Referer when it is on the request's own host, else '/'. */
const BACK_REQUEST = "new URL(request.get('Referrer') || '/', `http://${request.get('host')}`).host === request.get('host') ? request.get('Referrer') || '/' : '/'";
const BACK_REQ = "new URL(req.get('Referrer') || '/', `http://${req.get('host')}`).host === req.get('host') ? req.get('Referrer') || '/' : '/'";
const BACK_DOUBLE = 'new URL(req.get("Referrer") || "/", `http://${req.get("host")}`).host === req.get("host") ? req.get("Referrer") || "/" : "/"';

runRuleTests('no-deprecated-express-api', rule, {
  valid: [
    // trial 17: a shim of req.param that the code writes (on Express 5, which has none), and one it removes
    {
      code: code`
        const express = require('express');
        const app = express();
        app.use((req, res, next) => {
          req.param = (name) => req.params[name] ?? req.body?.[name] ?? req.query[name];
          next();
        });
        app.use((req, res, next) => { delete req.param; next(); });
      `,
      languageOptions: commonjs,
    },
    // trial 18: a shim written by a destructuring assignment is a write too (ESM, TypeScript)
    code`
      import express from 'express';
      const app = express();
      const shims = { param: (name) => name };
      app.use((req, res, next) => { ({ param: req.param } = shims); next(); });
    `,
    {
      code: code`
        import type { Request } from 'express';
        export function install(req: Request, shims: { param: Request['param'] }) {
          [req.param] = [shims.param];
        }
      `,
      filename: 'shim.ts',
    },
    // a path named back, after a status: no 'back' keyword
    { code: "const express = require('express');\nconst app = express();\napp.post('/save', (req, res) => res.redirect(302, '/back'));\n", languageOptions: commonjs },
    // Express 5 route paths: without the option, an Express 4 package or an unknown version says nothing
    { code: EXPRESS5_ROUTES, filename: ON_EXPRESS_4, languageOptions: commonjs },
    { code: EXPRESS5_ROUTES, filename: ON_A_TAG, languageOptions: commonjs },
    { code: EXPRESS5_ROUTES, languageOptions: commonjs },
    // Express 5 package: the paths it accepts
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/files{/:name}', (req, res) => res.end());
        app.get('/*splat', (req, res) => res.end());
      `,
      filename: ON_EXPRESS_5,
      languageOptions: commonjs,
    },
    // the current APIs
    { code: code`
        const express = require('express');
        const path = require('path');
        const app = express();
        app.use(express.json());
        app.use(express.urlencoded({ extended: false }));
        app.use(express.static('public'));
        app.delete('/items/:id', (req, res) => res.status(204).send());
        app.get('/file', (req, res) => res.sendFile(path.join(__dirname, 'a.txt')));
        app.get('/a', (req, res) => res.status(201).json({ ok: true }));
        app.get('/b', (req, res) => res.redirect(301, '/c'));
        app.get('/c', (req, res) => res.send(req.params.id));
        app.get('/d', (req, res) => { res.acceptsLanguages('en'); res.sendStatus(404); });
        app.param('id', (req, res, next, id) => next());
        if (res.headersSent) {}
      `, languageOptions: commonjs },
    // `res.send(body)` with a body that is not a number, or unknown
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => { res.send('hello'); res.send(count); res.json(data, other); res.redirect(url); });
    `,
    // not a handler's req/res: someone else's object with the same method names
    code`
      import express from 'express';
      const mailer = { send() {}, sendfile() {} };
      mailer.send(200, 'x');
      mailer.sendfile('a');
    `,
    // typed parameters that are not Express's
    {
      code: code`
        import type { Request } from 'express';
        import type { Response } from 'node-fetch';
        export function f(res: Response, other: Request2) { res.send(200, 'x'); other.param('id'); }
      `,
      filename: 'client.ts',
    },
    // no express in the file
    code`
      const app = createServer();
      app.del('/x', fn);
      res.sendfile('a');
      express.bodyParser();
    `,
    // a local `express` that is not the module
    code`
      import express from 'express';
      function f(express) { return express.bodyParser(); }
    `,
    // app.router in Express 5 is a reference to the router (not passed to use)
    code`
      import express from 'express';
      const app = express();
      const stack = app.router.stack;
    `,
    // route paths are only checked with the option (Express 4 reads them fine)
    code`
      import express from 'express';
      const app = express();
      app.get('/user/:id?', (req, res) => res.end());
      app.get('/files/*', (req, res) => res.end());
    `,
    // Express 5 paths, with the option
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/files/*splat', (req, res) => res.end());
        app.get('/user{/:id}', (req, res) => res.end());
        app.get(/^\\/re(g)?ex$/, (req, res) => res.end());
      `,
      options: [{ checkRoutePaths: true }],
    },
    // unusual syntax: computed keys, spreads, missing arguments, require of a variable
    { code: code`
        const express = require(name);
        const app = express();
        app.del('/x', fn);
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => { res.send(...args); res[method](200, 'x'); res.redirect(); });
    `,
  ],
  invalid: [
    // regression: a handler exported from an Express file (a controller registered elsewhere) is a handler, by its shape
    {
      code: code`
        import express from 'express';
        function handler(req, res) { res.send(500, 'failed'); }
        export default handler;
      `,
      errors: [{ messageId: 'removed', line: 2 }],
      output: code`
        import express from 'express';
        function handler(req, res) { res.status(500).send('failed'); }
        export default handler;
      `,
    },
    // Express 3 app setup: createServer, configure, bundled middleware, app.router
    {
      name: 'partial fix: only createServer has a mechanical rewrite',
      code: code`
        const express = require('express');
        const app = express.createServer();
        app.configure(function () {
          app.use(express.bodyParser());
          app.use(express.cookieParser('secret'));
          app.use(express.session({ secret: 'x' }));
          app.use(app.router);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { ...removed('express.createServer()', '4.0.0', '`express()`'), line: 2 },
        { ...removed('app.configure()', '4.0.0', "plain code (`if (app.get('env') === 'production') { ... }`)"), line: 3 },
        { ...removed('express.bodyParser', '4.0.0', '`express.json()` / `express.urlencoded()` (Express 4.16+) or `body-parser`'), line: 4 },
        { ...removed('express.cookieParser', '4.0.0', '`cookie-parser`'), line: 5 },
        { ...removed('express.session', '4.0.0', '`express-session`'), line: 6 },
        { ...removed('app.use(app.router)', '4.0.0', 'nothing: routes run in the order they are registered (remove the line)'), line: 7 },
      ],
      output: code`
        const express = require('express');
        const app = express();
        app.configure(function () {
          app.use(express.bodyParser());
          app.use(express.cookieParser('secret'));
          app.use(express.session({ secret: 'x' }));
          app.use(app.router);
        });
      `,
    },
    // Express 4 apps that still mount app.router, and configure
    {
      code: code`
        import express from 'express';
        const app = express();
        app.configure('production', () => app.set('trust proxy', 1));
        app.use(app.router);
        app.use('/api', app.router);
      `,
      errors: [
        { ...removed('app.configure()', '4.0.0', "plain code (`if (app.get('env') === 'production') { ... }`)"), line: 3 },
        { ...removed('app.use(app.router)', '4.0.0', 'nothing: routes run in the order they are registered (remove the line)'), line: 4, column: 9 },
        { ...removed('app.use(app.router)', '4.0.0', 'nothing: routes run in the order they are registered (remove the line)'), line: 5, column: 17 },
      ],
      output: null,
    },
    // named imports and destructuring of the bundled middlewares: one report per binding
    {
      code: code`
        import { logger, favicon } from 'express';
        import express from 'express';
        const app = express();
        app.use(logger('dev'));
        app.use(logger('short'));
        app.use(favicon());
      `,
      errors: [
        { ...removed('express.logger', '4.0.0', '`morgan`'), line: 1, column: 10 },
        { ...removed('express.favicon', '4.0.0', '`serve-favicon`'), line: 1, column: 18 },
      ],
      output: null,
    },
    // named imports through the model's namedImports query: an alias, `node:express`, a type-only specifier left out
    {
      code: code`
        import { bodyParser as parse, type Request, Router } from 'node:express';
        import type { session } from 'express';
        export const handle = (req: Request) => parse();
        export const router = Router();
      `,
      errors: [{ ...removed('express.bodyParser', '4.0.0', '`express.json()` / `express.urlencoded()` (Express 4.16+) or `body-parser`'), line: 1, column: 10 }],
      output: null,
    },
    // destructured from a variable that holds express (found through the model, not a visitor)
    {
      code: code`
        const express = require('express');
        const { session, static: serveStatic } = express;
      `,
      languageOptions: commonjs,
      errors: [{ ...removed('express.session', '4.0.0', '`express-session`'), line: 2, column: 9 }],
      output: null,
    },
    {
      code: code`
        const { methodOverride, csrf } = require('express');
        methodOverride();
        csrf();
      `,
      languageOptions: commonjs,
      errors: [
        { ...removed('express.methodOverride', '4.0.0', '`method-override`'), line: 1 },
        { ...removed('express.csrf', '4.0.0', '`csrf-csrf` or `csrf-sync` (the old `csurf` is deprecated too)'), line: 1 },
      ],
      output: null,
    },
    // namespace import and express.static.mime / express.query
    {
      code: code`
        import * as e from 'express';
        const mime = e.static.mime;
        const app = e.default();
        app.use(e.query());
      `,
      errors: [
        removed('express.static.mime', '5.0.0', 'the `mime-types` package'),
        removed('express.query', '5.0.0', "the `query parser` setting (`app.set('query parser', ...)`)"),
      ],
      output: null,
    },
    // createServer with options (the https form of Express 2) has no mechanical rewrite
    {
      code: code`
        import express = require('express');
        const app = express.createServer({ key, cert });
      `,
      filename: 'server.ts',
      errors: [removed('express.createServer()', '4.0.0', '`express()`')],
      output: null,
    },
    // app.del / router.del: renamed
    {
      code: code`
        import express, { Router } from 'express';
        const app = express();
        const router = Router();
        app.del('/items/:id', (req, res) => res.end());
        router.del('/x', handler);
        app.route('/y').get(handler).del(handler);
      `,
      errors: [
        { ...removed('app.del()', '5.0.0', '`app.delete()`'), line: 4, column: 5 },
        { ...removed('router.del()', '5.0.0', '`router.delete()`'), line: 5, column: 8 },
        { ...removed('app.del()', '5.0.0', '`app.delete()`'), line: 6, column: 30 },
      ],
      output: code`
        import express, { Router } from 'express';
        const app = express();
        const router = Router();
        app.delete('/items/:id', (req, res) => res.end());
        router.delete('/x', handler);
        app.route('/y').get(handler).delete(handler);
      `,
    },
    // trial 17 (sails' http hook): the shim keeps Express's req.param and calls it, which is reported once, where it is
    // read; writing the shim in its place defines a method of the code's own and is not reported again
    {
      code: code`
        var express = require('express');
        var expressApp = express();
        expressApp.use(function _exposeSailsOnReq (req, res, next){
          var origReqParam = req.param;
          req.param = function getValForParam (name){
            if (name === 'length') return req.params.length;
            return origReqParam.apply(req, Array.prototype.slice.call(arguments));
          };
          return next();
        });
      `,
      languageOptions: commonjs,
      errors: [{ ...removed('req.param(name)', '5.0.0', PARAM), line: 4, column: 22 }],
      output: null,
    },
    // trial 18: a logical or compound assignment reads Express's req.param before it writes the shim (`req.param ||=
    // shim` keeps Express's method where there is one), as `req.param = req.param || shim` does (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.use((req, res, next) => { req.param ||= (name) => req.params[name]; next(); });
      `,
      languageOptions: commonjs,
      errors: [{ ...removed('req.param(name)', '5.0.0', PARAM), line: 3, column: 31 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.use((req, res, next) => { req.param ??= (name) => req.params[name]; next(); });
      `,
      errors: [{ ...removed('req.param(name)', '5.0.0', PARAM), line: 3, column: 31 }],
      output: null,
    },
    {
      code: code`
        import type { NextFunction, Request, Response } from 'express';
        export function shim(req: Request, res: Response, next: NextFunction) {
          req.param ||= ((name: string) => req.params[name]) as Request['param'];
          next();
        }
      `,
      filename: 'shim.ts',
      errors: [{ ...removed('req.param(name)', '5.0.0', PARAM), line: 3, column: 3 }],
      output: null,
    },
    // req.param() without a name: reported, nothing to suggest
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => res.send(req.param()));
      `,
      errors: [removed('req.param(name)', '5.0.0', PARAM)],
      output: null,
    },
    // app.param(fn)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.param((name, fn) => fn);
      `,
      errors: [removed('app.param(fn)', '5.0.0', '`app.param(name, fn)` for each parameter')],
      output: null,
    },
    // res.send / res.json / res.jsonp with a status
    {
      code: code`
        const express = require('express');
        const app = express();
        const NOT_FOUND = 404;
        app.get('/', function (req, res) {
          res.send(200, 'ok');
          res.send('created', 201);
          res.send(NOT_FOUND);
          res.json(500, { error: 'x' });
          res.json({ ok: true }, 202);
          res.jsonp(400, { error: 'y' });
          res.status(200).send(204);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { ...removed('res.send(status, body)', '5.0.0', SEND), line: 5 },
        { ...removed('res.send(status, body)', '5.0.0', SEND), line: 6 },
        { ...removed('res.send(status, body)', '5.0.0', SEND), line: 7 },
        { ...removed('res.json(status, obj)', '5.0.0', JSON_), line: 8 },
        { ...removed('res.json(status, obj)', '5.0.0', JSON_), line: 9 },
        { ...removed('res.jsonp(status, obj)', '5.0.0', '`res.status(status).jsonp(obj)`'), line: 10 },
        { ...removed('res.send(status, body)', '5.0.0', SEND), line: 11 },
      ],
      output: code`
        const express = require('express');
        const app = express();
        const NOT_FOUND = 404;
        app.get('/', function (req, res) {
          res.status(200).send('ok');
          res.status(201).send('created');
          res.sendStatus(NOT_FOUND);
          res.status(500).json({ error: 'x' });
          res.status(202).json({ ok: true });
          res.status(400).jsonp({ error: 'y' });
          res.status(200).sendStatus(204);
        });
      `,
    },
    // res.redirect(url, status): arguments swapped
    {
      code: code`
        import express from 'express';
        const router = express.Router();
        router.get('/old', (request, response) => response.redirect('/new', 301));
      `,
      errors: [removed('res.redirect(url, status)', '5.0.0', '`res.redirect(status, url)`')],
      output: code`
        import express from 'express';
        const router = express.Router();
        router.get('/old', (request, response) => response.redirect(301, '/new'));
      `,
    },
    // res.sendfile: a fix when the path is certainly absolute
    {
      code: code`
        const express = require('express');
        const path = require('path');
        const app = express();
        app.get('/a', (req, res) => res.sendfile(path.join(__dirname, 'a.html')));
        app.get('/b', (req, res) => res.sendfile(path.resolve('b.html')));
        app.get('/c', (req, res) => res.sendfile('/srv/c.html'));
        app.get('/d', (req, res) => res.sendfile('d.html', { root: 'public' }));
      `,
      languageOptions: commonjs,
      errors: [
        { ...removed('res.sendfile()', '5.0.0', SENDFILE), line: 4 },
        { ...removed('res.sendfile()', '5.0.0', SENDFILE), line: 5 },
        { ...removed('res.sendfile()', '5.0.0', SENDFILE), line: 6 },
        { ...removed('res.sendfile()', '5.0.0', SENDFILE), line: 7 },
      ],
      output: code`
        const express = require('express');
        const path = require('path');
        const app = express();
        app.get('/a', (req, res) => res.sendFile(path.join(__dirname, 'a.html')));
        app.get('/b', (req, res) => res.sendFile(path.resolve('b.html')));
        app.get('/c', (req, res) => res.sendFile('/srv/c.html'));
        app.get('/d', (req, res) => res.sendFile('d.html', { root: 'public' }));
      `,
    },
    // ... and a suggestion when it may be relative (sendFile would throw)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => res.sendfile('views/index.html'));
      `,
      errors: [
        {
          ...removed('res.sendfile()', '5.0.0', SENDFILE),
          suggestions: [
            {
              messageId: 'useSendFile',
              output: code`
                import express from 'express';
                const app = express();
                app.get('/', (req, res) => res.sendFile('views/index.html'));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // plural accepts*, headersSent: renamed
    {
      code: code`
        import express from 'express';
        const app = express();
        app.use((req, res, next) => {
          const a = req.acceptsCharset('utf-8');
          const b = req.acceptsEncoding('gzip');
          const c = req.acceptsLanguage('en');
          if (res.headerSent) return;
          next();
        });
      `,
      errors: [
        removed('req.acceptsCharset()', '5.0.0', '`req.acceptsCharsets()`'),
        removed('req.acceptsEncoding()', '5.0.0', '`req.acceptsEncodings()`'),
        removed('req.acceptsLanguage()', '5.0.0', '`req.acceptsLanguages()`'),
        removed('res.headerSent', '4.0.0', '`res.headersSent`'),
      ],
      output: code`
        import express from 'express';
        const app = express();
        app.use((req, res, next) => {
          const a = req.acceptsCharsets('utf-8');
          const b = req.acceptsEncodings('gzip');
          const c = req.acceptsLanguages('en');
          if (res.headersSent) return;
          next();
        });
      `,
    },
    // req.accepted*: no mechanical rewrite
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => res.send(req.acceptedLanguages[0]));
      `,
      errors: [removed('req.acceptedLanguages', '4.0.0', '`req.acceptsLanguages()`')],
      output: null,
    },
    // req.param(name): a choice between params, body and query
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/users/:id', (req, res) => {
          res.send(req.param('id'));
          res.send(req.param('user-name'));
        });
      `,
      errors: [
        {
          ...removed('req.param(name)', '5.0.0', PARAM),
          line: 4,
          suggestions: [
            { messageId: 'useParams', data: { text: 'req.params.id' }, output: code`
                import express from 'express';
                const app = express();
                app.post('/users/:id', (req, res) => {
                  res.send(req.params.id);
                  res.send(req.param('user-name'));
                });
              ` },
            { messageId: 'useBody', data: { text: 'req.body.id' }, output: code`
                import express from 'express';
                const app = express();
                app.post('/users/:id', (req, res) => {
                  res.send(req.body.id);
                  res.send(req.param('user-name'));
                });
              ` },
            { messageId: 'useQuery', data: { text: 'req.query.id' }, output: code`
                import express from 'express';
                const app = express();
                app.post('/users/:id', (req, res) => {
                  res.send(req.query.id);
                  res.send(req.param('user-name'));
                });
              ` },
          ],
        },
        {
          ...removed('req.param(name)', '5.0.0', PARAM),
          line: 5,
          suggestions: [
            { messageId: 'useParams', data: { text: 'req.params["user-name"]' }, output: code`
                import express from 'express';
                const app = express();
                app.post('/users/:id', (req, res) => {
                  res.send(req.param('id'));
                  res.send(req.params["user-name"]);
                });
              ` },
            { messageId: 'useBody', data: { text: 'req.body["user-name"]' }, output: code`
                import express from 'express';
                const app = express();
                app.post('/users/:id', (req, res) => {
                  res.send(req.param('id'));
                  res.send(req.body["user-name"]);
                });
              ` },
            { messageId: 'useQuery', data: { text: 'req.query["user-name"]' }, output: code`
                import express from 'express';
                const app = express();
                app.post('/users/:id', (req, res) => {
                  res.send(req.param('id'));
                  res.send(req.query["user-name"]);
                });
              ` },
          ],
        },
      ],
      output: null,
    },
    // 'back': a suggestion with the handler's own req name
    {
      code: code`
        import { Router } from 'express';
        const router = Router();
        router.post('/save', (request, res) => {
          res.redirect('back');
          res.location('back');
        });
      `,
      errors: [
        {
          ...removed("res.redirect('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'),
          line: 4,
          column: 16,
          suggestions: [
            { messageId: 'useReferrer', data: { text: BACK_REQUEST }, output: code`
                import { Router } from 'express';
                const router = Router();
                router.post('/save', (request, res) => {
                  res.redirect(new URL(request.get('Referrer') || '/', \`http://\${request.get('host')}\`).host === request.get('host') ? request.get('Referrer') || '/' : '/');
                  res.location('back');
                });
              ` },
          ],
        },
        {
          ...removed("res.location('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'),
          line: 5,
          suggestions: [
            { messageId: 'useReferrer', data: { text: BACK_REQUEST }, output: code`
                import { Router } from 'express';
                const router = Router();
                router.post('/save', (request, res) => {
                  res.redirect('back');
                  res.location(new URL(request.get('Referrer') || '/', \`http://\${request.get('host')}\`).host === request.get('host') ? request.get('Referrer') || '/' : '/');
                });
              ` },
          ],
        },
      ],
      output: null,
    },
    {
      name: "'back' after a status (res.redirect(301, 'back')) is the same removed API: the suggestion replaces the URL only",
      code: code`
        const express = require('express');
        const app = express();
        app.post('/save', (req, res) => {
          res.redirect(301, 'back');
        });
      `,
      languageOptions: commonjs,
      errors: [
        {
          ...removed("res.redirect('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'),
          line: 4,
          column: 21,
          suggestions: [
            { messageId: 'useReferrer', data: { text: BACK_REQ }, output: code`
                const express = require('express');
                const app = express();
                app.post('/save', (req, res) => {
                  res.redirect(301, new URL(req.get('Referrer') || '/', \`http://\${req.get('host')}\`).host === req.get('host') ? req.get('Referrer') || '/' : '/');
                });
              ` },
          ],
        },
      ],
      output: null,
    },
    {
      name: "back suggestion writes the file's double quotes",
      code: code`
        const express = require("express");
        const app = express();
        app.post("/save", (req, res) => {
          res.redirect("back");
        });
      `,
      languageOptions: commonjs,
      errors: [
        {
          ...removed("res.redirect('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'),
          line: 4,
          suggestions: [
            { messageId: 'useReferrer', data: { text: BACK_DOUBLE }, output: code`
                const express = require("express");
                const app = express();
                app.post("/save", (req, res) => {
                  res.redirect(new URL(req.get("Referrer") || "/", \`http://\${req.get("host")}\`).host === req.get("host") ? req.get("Referrer") || "/" : "/");
                });
              ` },
          ],
        },
      ],
      output: null,
    },
    // The 'back' suggestion names the handler's request only where that name still is the request (trial 15).
    {
      name: "'back' under a forEach item named req: no suggestion (the item has no .get())",
      code: code`
        const express = require('express');
        const app = express();
        app.post('/bulk', (req, res) => {
          req.body.items.forEach((req) => {
            if (req.done) res.redirect('back');
          });
        });
      `,
      languageOptions: commonjs,
      errors: [{ ...removed("res.redirect('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'), line: 5, column: 32, suggestions: [] }],
      output: null,
    },
    {
      name: "'back' under a block const named like the request: no suggestion",
      code: code`
        import express from 'express';
        const app = express();
        app.post('/save', (request, res) => {
          if (request.body.next) {
            const request = res.locals.next;
            res.location('back');
          }
        });
      `,
      errors: [{ ...removed("res.location('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'), line: 6, suggestions: [] }],
      output: null,
    },
    {
      name: "'back' in a typed controller under a catch parameter named req: no suggestion",
      code: code`
        import type { Request, Response } from 'express';
        export function save(req: Request, res: Response) {
          try { res.json(req.body); } catch (req) { res.redirect('back'); }
        }
      `,
      filename: 'controller.ts',
      errors: [{ ...removed("res.redirect('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'), line: 3, suggestions: [] }],
      output: null,
    },
    {
      name: "'back' inside an inner callback whose parameter has another name: the handler's req is still offered",
      code: code`
        const express = require('express');
        const app = express();
        app.post('/bulk', (req, res) => {
          req.body.items.forEach((item) => {
            if (item.done) res.redirect('back');
          });
        });
      `,
      languageOptions: commonjs,
      errors: [
        {
          ...removed("res.redirect('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'),
          line: 5,
          suggestions: [
            { messageId: 'useReferrer', data: { text: BACK_REQ }, output: code`
                const express = require('express');
                const app = express();
                app.post('/bulk', (req, res) => {
                  req.body.items.forEach((item) => {
                    if (item.done) res.redirect(new URL(req.get('Referrer') || '/', \`http://\${req.get('host')}\`).host === req.get('host') ? req.get('Referrer') || '/' : '/');
                  });
                });
              ` },
          ],
        },
      ],
      output: null,
    },
    // a controller in its own file: only Express's types tell which parameter is req/res
    {
      name: 'partial fix: typed controller, req.param and back stay as suggestions',
      code: code`
        import type { Request, Response as Res } from 'express';
        export async function show(req: Request, res: Res) {
          res.status(200).send(201, req.param('id'));
          res.redirect('back');
        }
      `,
      filename: 'controller.ts',
      errors: [
        {
          ...removed('res.send(status, body)', '5.0.0', SEND),
          line: 3,
        },
        {
          ...removed('req.param(name)', '5.0.0', PARAM),
          line: 3,
          suggestions: [
            { messageId: 'useParams', data: { text: 'req.params.id' }, output: code`
                import type { Request, Response as Res } from 'express';
                export async function show(req: Request, res: Res) {
                  res.status(200).send(201, req.params.id);
                  res.redirect('back');
                }
              ` },
            { messageId: 'useBody', data: { text: 'req.body.id' }, output: code`
                import type { Request, Response as Res } from 'express';
                export async function show(req: Request, res: Res) {
                  res.status(200).send(201, req.body.id);
                  res.redirect('back');
                }
              ` },
            { messageId: 'useQuery', data: { text: 'req.query.id' }, output: code`
                import type { Request, Response as Res } from 'express';
                export async function show(req: Request, res: Res) {
                  res.status(200).send(201, req.query.id);
                  res.redirect('back');
                }
              ` },
          ],
        },
        {
          ...removed("res.redirect('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'),
          line: 4,
          suggestions: [
            { messageId: 'useReferrer', data: { text: BACK_REQ }, output: code`
                import type { Request, Response as Res } from 'express';
                export async function show(req: Request, res: Res) {
                  res.status(200).send(201, req.param('id'));
                  res.redirect(new URL(req.get('Referrer') || '/', \`http://\${req.get('host')}\`).host === req.get('host') ? req.get('Referrer') || '/' : '/');
                }
              ` },
          ],
        },
      ],
      output: code`
        import type { Request, Response as Res } from 'express';
        export async function show(req: Request, res: Res) {
          res.status(200).status(201).send(req.param('id'));
          res.redirect('back');
        }
      `,
    },
    {
      code: code`
        import * as express from 'express';
        export const file = (request: express.Request, response: express.Response) => response.sendfile('/srv/a');
      `,
      filename: 'controller.ts',
      errors: [removed('res.sendfile()', '5.0.0', SENDFILE)],
      output: code`
        import * as express from 'express';
        export const file = (request: express.Request, response: express.Response) => response.sendFile('/srv/a');
      `,
    },
    // ... also in a `const` array of the file, nested or spread (trial 13): reported on its element, once for every call
    {
      code: code`
        const express = require('express');
        const FILES = ['/files/*', ['/docs/*']];
        const app = express();
        app.get(FILES, (req, res) => res.end());
        app.head([...FILES, '/user/:id?'], (req, res) => res.end());
      `,
      languageOptions: commonjs,
      options: [{ checkRoutePaths: true }],
      errors: [
        { messageId: 'routePath', data: { path: '/files/*', what: 'an unnamed `*` wildcard', instead: 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)' }, line: 2, column: 16 },
        { messageId: 'routePath', data: { path: '/docs/*', what: 'an unnamed `*` wildcard', instead: 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)' }, line: 2, column: 29 },
        { messageId: 'routePath', data: { path: '/user/:id?', what: 'a `?` optional marker', instead: 'braces (`/:file{.:ext}`)' }, line: 5, column: 21 },
      ],
      output: null,
    },
    // A path built from constants (trial 19): the model knows it (\`/api/*\`), but the rule checks the paths written as one
    // string, as its candidate check reads them: only \`/files/*\` is reported, in any file (CommonJS)
    {
      code: code`
        const express = require('express');
        const API = '/api';
        const app = express();
        app.get('/files/*', (req, res) => res.end());
        app.get(\`\${API}/*\`, (req, res) => res.end());
        app.get(API + '/user/:id?', (req, res) => res.end());
      `,
      languageOptions: commonjs,
      options: [{ checkRoutePaths: true }],
      errors: [
        { messageId: 'routePath', data: { path: '/files/*', what: 'an unnamed `*` wildcard', instead: 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)' }, line: 4 },
      ],
      output: null,
    },
    // Express 5 route paths in an array of paths (trial 12 M5): each element is checked; CommonJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get(['/', '/files/*'], (req, res) => res.end());
        app.use(['/api', '/ab+cd'], (req, res, next) => next());
      `,
      languageOptions: commonjs,
      options: [{ checkRoutePaths: true }],
      errors: [
        { messageId: 'routePath', data: { path: '/files/*', what: 'an unnamed `*` wildcard', instead: 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)' }, line: 3, column: 15 },
        { messageId: 'routePath', data: { path: '/ab+cd', what: 'a `+` repeat marker', instead: 'a named wildcard (`/*splat`)' }, line: 4, column: 18 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post(['/user/:id?', '/login'], (req, res) => res.end());
      `,
      options: [{ checkRoutePaths: true }],
      errors: [{ messageId: 'routePath', data: { path: '/user/:id?', what: 'a `?` optional marker', instead: 'braces (`/:file{.:ext}`)' }, line: 3, column: 11 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get(['/a', '/b'], (req: Request, res: Response) => { res.end(); });
        app.get(['/[a-z]'], (req: Request, res: Response) => { res.end(); });
      `,
      filename: 'app.ts',
      options: [{ checkRoutePaths: true }],
      errors: [{ messageId: 'routePath', data: { path: '/[a-z]', what: 'a character class', instead: 'a RegExp route or validation in the handler' }, line: 4, column: 10 }],
      output: null,
    },
    // Express 5 route paths, with the option (strict)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/user/:id?', (req, res) => res.end());
        app.get('/files/*', (req, res) => res.end());
        app.use('/ab+cd', handler);
        app.route('/ab(cd)?e').get(handler).post(handler);
        app.get('/[a-z]', handler);
      `,
      options: [{ checkRoutePaths: true }],
      errors: [
        { messageId: 'routePath', data: { path: '/user/:id?', what: 'a `?` optional marker', instead: 'braces (`/:file{.:ext}`)' }, line: 3, column: 9 },
        { messageId: 'routePath', data: { path: '/files/*', what: 'an unnamed `*` wildcard', instead: 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)' }, line: 4 },
        { messageId: 'routePath', data: { path: '/ab+cd', what: 'a `+` repeat marker', instead: 'a named wildcard (`/*splat`)' }, line: 5 },
        { messageId: 'routePath', data: { path: '/ab(cd)?e', what: 'a `?` optional marker', instead: 'braces (`/:file{.:ext}`)' }, line: 6 },
        { messageId: 'routePath', data: { path: '/[a-z]', what: 'a character class', instead: 'a RegExp route or validation in the handler' }, line: 7 },
      ],
      output: null,
    },
    // With the option, on a package whose range admits Express 4 only: what to write when moving to Express 5, no fix
    // or suggestion (braces or `/*splat` would break the app on Express 4); CommonJS, ESM, TS (trial 14)
    {
      code: EXPRESS5_ROUTES,
      filename: ON_EXPRESS_4,
      languageOptions: commonjs,
      options: [{ checkRoutePaths: true }],
      errors: [
        laterOnExpress5('/files/:name?', 'a `?` optional marker', 'braces (`/:file{.:ext}`)', 3),
        laterOnExpress5('*', 'an unnamed `*` wildcard', 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)', 4),
      ],
      output: null,
    },
    {
      code: code`
        import { Router } from 'express';
        const router = Router();
        router.get('/ab+cd', (req, res) => res.end());
      `,
      filename: path.join(VERSIONS, 'four/routes.mjs'),
      options: [{ checkRoutePaths: true }],
      errors: [laterOnExpress5('/ab+cd', 'a `+` repeat marker', 'a named wildcard (`/*splat`)', 3)],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get(['/api/badge/:id/uptime/:duration?'], (req: Request, res: Response) => { res.end(); });
      `,
      filename: path.join(VERSIONS, 'four/src/api.ts'),
      options: [{ checkRoutePaths: true }],
      errors: [
        {
          ...laterOnExpress5('/api/badge/:id/uptime/:duration?', 'a `?` optional marker', 'braces (`/:file{.:ext}`)', 3),
          data: { path: '/api/badge/:id/uptime/:duration?', what: 'a `?` optional marker', instead: 'braces (`/:file{.:ext}`)', range: '^4.21.2', manifest: '../package.json' },
        },
      ],
      output: null,
    },
    // A parameter's regular-expression group is a group whatever it holds (trial 15): `:id(\d+)` is not a `+` repeat
    // marker, and a named wildcard would drop the digit check. CommonJS, ESM, TS.
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/users/:id(\\\\d+)', (req, res) => res.end());
        app.get('/files/:path(.*)', (req, res) => res.end());
        app.get('/posts/:slug([a-z]+)?', (req, res) => res.end());
        app.get('/ab+cd', (req, res) => res.end());
      `,
      languageOptions: commonjs,
      options: [{ checkRoutePaths: true }],
      errors: [
        { messageId: 'routePath', data: { path: '/users/:id(\\d+)', what: 'a regular-expression group', instead: 'a RegExp route or validation in the handler' }, line: 3 },
        { messageId: 'routePath', data: { path: '/files/:path(.*)', what: 'a regular-expression group', instead: 'a RegExp route or validation in the handler' }, line: 4 },
        { messageId: 'routePath', data: { path: '/posts/:slug([a-z]+)?', what: 'a regular-expression group', instead: 'a RegExp route or validation in the handler' }, line: 5 },
        { messageId: 'routePath', data: { path: '/ab+cd', what: 'a `+` repeat marker', instead: 'a named wildcard (`/*splat`)' }, line: 6 },
      ],
      output: null,
    },
    {
      code: code`
        import { Router } from 'express';
        const router = Router();
        router.get('/users/:id(\\\\d+)', (req, res) => res.end());
      `,
      filename: path.join(VERSIONS, 'four/routes.mjs'),
      options: [{ checkRoutePaths: true }],
      errors: [laterOnExpress5('/users/:id(\\d+)', 'a regular-expression group', 'a RegExp route or validation in the handler', 3)],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/users/:id(\\\\d+)', (req: Request, res: Response) => { res.end(); });
      `,
      filename: ON_EXPRESS_5.replace(/\.js$/u, '.ts'),
      errors: [refused('/users/:id(\\d+)', 'a regular-expression group', 'a RegExp route or validation in the handler', 3)],
      output: null,
    },
    // ... a range that admits Express 5 too (`>=4.17.0`), or a dist-tag: the version is unknown, the plain message
    {
      code: EXPRESS5_ROUTES,
      filename: ON_EXPRESS_4_OR_5,
      languageOptions: commonjs,
      options: [{ checkRoutePaths: true }],
      errors: [
        { messageId: 'routePath', data: { path: '/files/:name?', what: 'a `?` optional marker', instead: 'braces (`/:file{.:ext}`)' }, line: 3 },
        { messageId: 'routePath', data: { path: '*', what: 'an unnamed `*` wildcard', instead: 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)' }, line: 4 },
      ],
      output: null,
    },
    {
      code: EXPRESS5_ROUTES,
      filename: ON_A_TAG,
      languageOptions: commonjs,
      options: [{ checkRoutePaths: true }],
      errors: [
        { messageId: 'routePath', data: { path: '/files/:name?', what: 'a `?` optional marker', instead: 'braces (`/:file{.:ext}`)' }, line: 3 },
        { messageId: 'routePath', data: { path: '*', what: 'an unnamed `*` wildcard', instead: 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)' }, line: 4 },
      ],
      output: null,
    },
    // Express 5 in the nearest package.json: the paths it refuses are reported without the option (recommended)
    {
      code: EXPRESS5_ROUTES,
      filename: ON_EXPRESS_5,
      languageOptions: commonjs,
      errors: [
        refused('/files/:name?', 'a `?` optional marker', 'braces (`/:file{.:ext}`)', 3),
        refused('*', 'an unnamed `*` wildcard', 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)', 4),
      ],
      output: null,
    },
    // ... and with the option (strict) too, still naming the package's range
    {
      code: code`
        import { Router } from 'express';
        const router = Router();
        router.get('/a(b)', handler);
      `,
      filename: ON_EXPRESS_5.replace(/\.js$/u, '.ts'),
      options: [{ checkRoutePaths: true }],
      errors: [refused('/a(b)', 'a regular-expression group', 'a RegExp route or validation in the handler', 3)],
      output: null,
    },
    // router.del names the receiver as written
    {
      code: code`
        const express = require('express');
        const apiRouter = express.Router();
        apiRouter.del('/items/:id', handler);
      `,
      languageOptions: commonjs,
      errors: [{ ...removed('apiRouter.del()', '5.0.0', '`apiRouter.delete()`'), line: 3 }],
      output: code`
        const express = require('express');
        const apiRouter = express.Router();
        apiRouter.delete('/items/:id', handler);
      `,
    },
  ],
});

runRuleTests('no-deprecated-express-api (fixes keep comments)', rule, {
  valid: [],
  invalid: [
    // trial 12: a comment inside the call would be lost by rewriting it: reported without a fix (ESM)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => {
          res.send(/* keep */ 200, 'x');
        });
      `,
      errors: [{ ...removed('res.send(status, body)', '5.0.0', SEND), line: 4 }],
      output: null,
    },
  ],
});

// Candidate-first (session 11): the rule asks for the model only where the file shows something it may report. Each
// case here is the only candidate of its file, reached through a form the pre-check must let through: an app method in
// another case (the model reads methods lowercased), a status held by a `const`, a computed key, a route path in a
// template literal. (A pre-check that missed one would leave the file without a report.)
runRuleTests('no-deprecated-express-api (candidates)', rule, {
  valid: [
    // No key, name or route path the rule reports: no model asked, nothing reported.
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/items', (req, res) => res.status(404).send('gone'));
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      code: code`
        const express = require('express');
        const app = express();
        app.DEL('/items/:id', (req, res) => res.end());
      `,
      languageOptions: commonjs,
      errors: [{ ...removed('app.del()', '5.0.0', '`app.delete()`'), line: 3, column: 5 }],
      output: code`
        const express = require('express');
        const app = express();
        app.delete('/items/:id', (req, res) => res.end());
      `,
    },
    {
      code: code`
        import express from 'express';
        const GONE = 410;
        const app = express();
        app.get('/old', (req, res) => res.send(GONE, 'moved away'));
      `,
      errors: [{ ...removed('res.send(status, body)', '5.0.0', SEND), line: 4, column: 31 }],
      output: code`
        import express from 'express';
        const GONE = 410;
        const app = express();
        app.get('/old', (req, res) => res.status(GONE).send('moved away'));
      `,
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        app.use(express['bodyParser']());
      `,
      languageOptions: commonjs,
      errors: [{ ...removed('express.bodyParser', '4.0.0', '`express.json()` / `express.urlencoded()` (Express 4.16+) or `body-parser`'), line: 3, column: 9 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get(\`/files/*\`, (req, res) => res.end());
      `,
      options: [{ checkRoutePaths: true }],
      errors: [{ messageId: 'routePath', data: { path: '/files/*', what: 'an unnamed `*` wildcard', instead: 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)' }, line: 3, column: 9 }],
      output: null,
    },
  ],
});

describe("no-deprecated-express-api: the 'back' suggestion is no open redirect", () => {
  // A suggestion must not write code that another rule of ours reports: Express 5's guide's `req.get('Referrer') ||
  // '/'` is an open redirect (no-open-redirect); the suggestion keeps the Referer only on the request's own host.
  const plugin = { rules: { 'no-deprecated-express-api': rule, 'no-open-redirect': openRedirect } } as unknown as NonNullable<Linter.Config['plugins']>[string];
  const both = (sourceType: 'commonjs' | 'module', ts = false): Linter.Config[] => [
    {
      files: ['**'],
      languageOptions: { sourceType, ...(ts ? { parser: tsParser as Linter.Parser } : {}) },
      plugins: { se: plugin },
      rules: { 'se/no-deprecated-express-api': 'error', 'se/no-open-redirect': 'error' },
    },
  ];
  const cases = [
    {
      name: 'CommonJS, res.redirect',
      filename: 'app.js',
      config: both('commonjs'),
      code: code`
        const express = require('express');
        const app = express();
        app.post('/save', (req, res) => res.redirect('back'));
      `,
      fixed: code`
        const express = require('express');
        const app = express();
        app.post('/save', (req, res) => res.redirect(new URL(req.get('Referrer') || '/', \`http://\${req.get('host')}\`).host === req.get('host') ? req.get('Referrer') || '/' : '/'));
      `,
    },
    {
      name: 'ESM, a router, res.location',
      filename: 'routes.mjs',
      config: both('module'),
      code: code`
        import { Router } from "express";
        const router = Router();
        router.post("/save", (request, response) => {
          response.location("back").sendStatus(302);
        });
      `,
      fixed: code`
        import { Router } from "express";
        const router = Router();
        router.post("/save", (request, response) => {
          response.location(new URL(request.get("Referrer") || "/", \`http://\${request.get("host")}\`).host === request.get("host") ? request.get("Referrer") || "/" : "/").sendStatus(302);
        });
      `,
    },
    {
      name: 'TypeScript, a typed controller',
      filename: 'controller.ts',
      config: both('module', true),
      code: code`
        import type { Request, Response } from 'express';
        export function save(req: Request, res: Response): void {
          res.redirect('back');
        }
      `,
      fixed: code`
        import type { Request, Response } from 'express';
        export function save(req: Request, res: Response): void {
          res.redirect(new URL(req.get('Referrer') || '/', \`http://\${req.get('host')}\`).host === req.get('host') ? req.get('Referrer') || '/' : '/');
        }
      `,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const linter = new Linter({ configType: 'flat', cwd: '/' });
      const before = linter.verify(c.code, c.config, c.filename);
      expect(before.map((m) => m.ruleId)).toEqual(['se/no-deprecated-express-api']);
      const fix = before[0]!.suggestions?.[0]?.fix;
      expect(fix).toBeDefined();
      const fixed = c.code.slice(0, fix!.range[0]) + fix!.text + c.code.slice(fix!.range[1]);
      expect(fixed).toBe(c.fixed);
      // Re-linted with both rules: neither reports it.
      expect(linter.verify(fixed, c.config, c.filename)).toEqual([]);
      // Express 5's guide's replacement, as it is, is reported by no-open-redirect.
      const guide = c.code.replace(/(['"])back\1/u, (_, q: string) => `${/\(request,/u.test(c.code) ? 'request' : 'req'}.get(${q}Referrer${q}) || ${q}/${q}`);
      expect(linter.verify(guide, c.config, c.filename).map((m) => m.ruleId)).toEqual(['se/no-open-redirect']);
    });
  }
});

// Trial 18 (C07): a local alias of a handler's own `req` / `res` (`const reply = res`, never assigned again) is that
// request or response (the model's `roleOf`, `RequestHandlers.reads`). A `let` assigned something else, or an alias of
// what is not the handler's parameter, is not.
runRuleTests('no-deprecated-express-api (aliases of req and res)', rule, {
  valid: [
    // A `let` that is assigned something else may hold anything (CJS).
    {
      code: code`
        const express = require('express');
        const legacy = require('./legacy-client');
        const app = express();
        app.get('/items/:id', (req, res) => {
          let reply = res;
          let request = req;
          if (req.query.legacy) {
            reply = legacy.response();
            request = legacy.request();
          }
          if (reply.headerSent) return;
          reply.json(200, { id: request.param('id') });
        });
      `,
      languageOptions: commonjs,
    },
    // Aliases of what is not the handler's own parameter: an inner callback's `res`, a client of the file (ESM).
    code`
      import express from 'express';
      import { client } from './legacy-client.js';
      const app = express();
      app.get('/items', (req, res) => {
        [client].forEach((res) => {
          const reply = res;
          reply.json(200, { ok: true });
        });
        const other = client;
        other.send(200, 'x');
        res.status(200).json(other.param('id'));
      });
    `,
    // TypeScript: an alias of a property of the response is not the response.
    {
      code: code`
        import type { Request, Response } from 'express';
        export function show(req: Request, res: Response): void {
          const locals = res.locals;
          const reply = locals;
          reply.json(200, { ok: true });
          res.json({ ok: true });
        }
      `,
      filename: 'show.ts',
    },
  ],
  invalid: [
    // The handler's own `req` and `res` under other names (CJS), as trial 18's C07.
    {
      name: 'partial fix: aliases of req and res (CJS); req.param() is left to its suggestions',
      code: code`
        const express = require('express');
        const app = express();
        app.get('/items/:id', function (req, res) {
          const request = req;
          const reply = res;
          if (reply.headerSent) return;
          reply.json(200, { id: request.param('id') });
        });
      `,
      languageOptions: commonjs,
      errors: [
        { ...removed('res.headerSent', '4.0.0', '`res.headersSent`'), line: 6, column: 7 },
        { ...removed('res.json(status, obj)', '5.0.0', JSON_), line: 7, column: 3 },
        {
          ...removed('req.param(name)', '5.0.0', PARAM),
          line: 7,
          column: 25,
          suggestions: (['params', 'body', 'query'] as const).map((where) => ({
            messageId: where === 'params' ? ('useParams' as const) : where === 'body' ? ('useBody' as const) : ('useQuery' as const),
            data: { text: `request.${where}.id` },
            output: code`
              const express = require('express');
              const app = express();
              app.get('/items/:id', function (req, res) {
                const request = req;
                const reply = res;
                if (reply.headerSent) return;
                reply.json(200, { id: request.${where}.id });
              });
            `,
          })),
        },
      ],
      output: code`
        const express = require('express');
        const app = express();
        app.get('/items/:id', function (req, res) {
          const request = req;
          const reply = res;
          if (reply.headersSent) return;
          reply.status(200).json({ id: request.param('id') });
        });
      `,
    },
    // ESM, on a router: an alias of an alias, a `let` never assigned again, and `'back'` through an alias (the
    // suggestion names the handler's `req`).
    {
      name: "partial fix: aliases of res on a router (ESM); 'back' is left to its suggestion",
      code: code`
        import express from 'express';
        const router = express.Router();
        router.post('/save', (req, res) => {
          let reply = res;
          const again = reply;
          if (!req.body) return again.send(400);
          reply.redirect('back');
        });
        export default router;
      `,
      errors: [
        { ...removed('res.send(status, body)', '5.0.0', SEND), line: 6, column: 25 },
        {
          ...removed("res.redirect('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'),
          line: 7,
          column: 18,
          suggestions: [
            { messageId: 'useReferrer', data: { text: BACK_REQ }, output: code`
                import express from 'express';
                const router = express.Router();
                router.post('/save', (req, res) => {
                  let reply = res;
                  const again = reply;
                  if (!req.body) return again.send(400);
                  reply.redirect(new URL(req.get('Referrer') || '/', \`http://\${req.get('host')}\`).host === req.get('host') ? req.get('Referrer') || '/' : '/');
                });
                export default router;
              ` },
          ],
        },
      ],
      output: code`
        import express from 'express';
        const router = express.Router();
        router.post('/save', (req, res) => {
          let reply = res;
          const again = reply;
          if (!req.body) return again.sendStatus(400);
          reply.redirect('back');
        });
        export default router;
      `,
    },
    // TypeScript: the same controller sending the user back through an alias: the suggestion names its typed `req`.
    {
      code: code`
        import type { Request, Response } from 'express';
        export function save(request: Request, res: Response): void {
          const reply = res;
          reply.redirect('back');
        }
      `,
      filename: 'save.ts',
      errors: [
        {
          ...removed("res.redirect('back')", '5.0.0', BACK, ' (deprecated since 4.21.0)'),
          line: 4,
          column: 18,
          suggestions: [
            { messageId: 'useReferrer', data: { text: BACK_REQUEST }, output: code`
                import type { Request, Response } from 'express';
                export function save(request: Request, res: Response): void {
                  const reply = res;
                  reply.redirect(new URL(request.get('Referrer') || '/', \`http://\${request.get('host')}\`).host === request.get('host') ? request.get('Referrer') || '/' : '/');
                }
              ` },
          ],
        },
      ],
      output: null,
    },
    // TypeScript: a typed controller that no app of the file registers, its response aliased through a cast.
    {
      code: code`
        import type { Request, Response } from 'express';
        export function show(req: Request, res: Response): void {
          const reply = res as Response;
          reply.send(200, 'ok');
        }
      `,
      filename: 'show.ts',
      errors: [{ ...removed('res.send(status, body)', '5.0.0', SEND), line: 4, column: 3 }],
      output: code`
        import type { Request, Response } from 'express';
        export function show(req: Request, res: Response): void {
          const reply = res as Response;
          reply.status(200).send('ok');
        }
      `,
    },
  ],
});
