import rule from '../../src/rules/require-helmet';
import { join } from 'node:path';

import * as espree from 'espree';

import {
  HELMET,
  arrowRoutesThenGuard,
  arrowRoutesThenGuardTs,
  block,
  configApp,
  field,
  guardFirstClassApps,
  routesInConfigThenGuardTs,
} from '../helpers/class-apps';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

/** ESLint's own parser, as a plain `.js`/`.cjs` file is linted without typescript-eslint. */
const espreeCommonjs = { ...commonjs, parser: espree } as typeof commonjs;
const packages = join(__dirname, '../fixtures/package-json');

runRuleTests('require-helmet', rule, {
  valid: [
    // session 25: helmet through SWC's `_interop_require_default` (payload 2.32's dist/ style) counts (CommonJS)
    {
      code: code`
        "use strict";
        const express = require("express");
        const _helmet = /*#__PURE__*/ _interop_require_default(require("helmet"));
        function _interop_require_default(obj) {
            return obj && obj.__esModule ? obj : { default: obj };
        }
        const app = express();
        app.use((0, _helmet.default)());
        app.get("/", (req, res) => res.send("ok"));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // real23: a member whose value holds a function may reach the app (`plugins.mount` calls `app.use`): what it mounts
    // is unknown, and so is the app's helmet (CJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.plugins = { mount: (m) => app.use(m) };
        app.plugins.mount(require(process.env.HEADERS_MODULE));
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // Middleware of the file that writes every header that stops an attack on its own on its response (CJS, a
    // function declaration used by name)
    {
      code: code`
        const express = require('express');
        function securityHeaders(req, res, next) {
          res.setHeader('Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'");
          res.set('Strict-Transport-Security', 'max-age=31536000');
          res.header('x-frame-options', 'DENY');
          res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
          next();
        }
        const app = express();
        app.use(securityHeaders);
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // lusca sets every header that stops an attack on its own (trial 29, hackathon-starter's layout): nothing for helmet
    // to add that the app lacks (ESM options object, CJS standalone middlewares)
    {
      code: code`
        import express from 'express';
        import lusca from 'lusca';
        const app = express();
        app.use(lusca({ csp: { policy: { 'default-src': "'self'" } }, xframe: 'SAMEORIGIN', hsts: { maxAge: 31536000 }, nosniff: true, referrerPolicy: 'same-origin' }));
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
    },
    {
      code: code`
        const express = require('express');
        const lusca = require('lusca');
        const app = express();
        app.use(lusca.csp({ policy: { 'default-src': "'self'" } }));
        app.use(lusca.hsts({ maxAge: 31536000 }));
        app.use(lusca.xframe('DENY'));
        app.use(lusca.nosniff());
        app.use(lusca.referrerPolicy('no-referrer'));
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // trial 25 D3: an accessor's app handed to other code by its caller is unknown there (`configure(s.getServer())`),
    // and a method the class itself calls (`this.getServer()`) is no accessor: the app leaves as before (TS)
    {
      code: code`
        import express from 'express';
        import { configure } from 'some-kit';
        class App {
          public app = express();
          public getServer() {
            return this.app;
          }
        }
        const s = new App();
        configure(s.getServer());
        s.getServer().listen(3000);
      `,
      filename: 'server.ts',
    },
    // ... and so is the accessor itself handed on (`configure(s.getServer)`): whoever calls it gets the app
    {
      code: code`
        import express from 'express';
        import { configure } from 'some-kit';
        class App {
          public app = express();
          public getServer() {
            return this.app;
          }
        }
        const s = new App();
        configure(s.getServer);
        s.app.listen(3000);
      `,
      filename: 'server.ts',
    },
    {
      code: code`
        import express from 'express';
        class App {
          public app = express();
          constructor() {
            this.app.get('/', (req, res) => res.send('hi'));
            register(this.getServer());
          }
          public getServer() {
            return this.app;
          }
        }
        declare function register(app: express.Express): void;
        new App().app.listen(3000);
      `,
      filename: 'server.ts',
    },
    // Class apps (session 10) that mount helmet before the route: the constructor runs arrow-function fields in its
    // order, and a method called from a method the constructor runs runs where that call is (TS, ESM)
    ...guardFirstClassApps(HELMET),
    // ... a method that calls itself, or two that call each other, run where they first run (no endless walk)
    {
      code: configApp(HELMET, [
        block('config()', 'this.security();', HELMET.route, 'this.config();'),
        block('security()', 'this.app.use(helmet());', 'this.security();', 'this.config();'),
      ]),
      filename: 'app.mjs',
    },
    // ... a method that only code outside the class calls (here the one that calls the routes' method) runs at a time
    // the class does not show: the order stays unknown and nothing is reported
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        class App {
          constructor() {
            this.app = express();
          }
          config() {
            this.routes();
            this.app.use(helmet());
          }
          routes() {
            this.app.get('/', (req, res) => res.send('hi'));
          }
        }
        const server = new App();
        server.config();
        server.app.listen(3000);
      `,
      filename: 'app.mjs',
    },
    // ... but a callback whose result is read hands the app on: `map`'s list exported, a `then` whose promise is kept
    {
      code: code`
        const express = require('express');
        const app = express();
        const ROUTES = [['/', (req, res) => res.send('home')]];
        module.exports = ROUTES.map(([path, handler]) => app.get(path, handler));
        const ready = connect().then(() => app.use(express.json()));
        module.exports.ready = ready;
      `,
      languageOptions: commonjs,
    },
    // Class apps: helmet in a method the constructor calls before the routes' method runs first (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        class App {
          constructor() {
            this.app = express();
            this.security();
            this.routes();
          }
          routes() {
            this.app.get('/', (req, res) => res.send('hi'));
          }
          security() {
            this.app.use(helmet());
          }
        }
        new App().app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        class Server {
          app = express();
          constructor() {
            this.app.use(helmet());
            this.routes();
          }
          routes() {
            this.app.post('/login', (req, res) => res.json({ ok: true }));
          }
        }
        new Server().app.listen(3000);
      `,
      filename: 'server.mjs',
    },
    {
      code: code`
        import express, { type Express, type Request, type Response } from 'express';
        import helmet from 'helmet';
        class App {
          readonly app: Express = express();
          constructor() {
            this.security();
            this.routes();
          }
          private routes(): void {
            this.app.get('/health', (req: Request, res: Response) => { res.json({ ok: true }); });
          }
          private security(): void {
            this.app.use(helmet());
          }
        }
        new App().app.listen(3000);
      `,
      filename: 'app.ts',
    },
    // helmet mounted through a loop over middleware the file makes: the value is not known, and may be helmet (trial 11)
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        const mws = [helmet()];
        for (const m of mws) {
          app.use(m);
        }
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express, { type RequestHandler } from 'express';
        import helmet from 'helmet';
        const app = express();
        const list: RequestHandler[] = [helmet(), express.json()];
        list.forEach((m) => app.use(m));
        for (const m of list) app.use(m);
        app.listen(3000);
      `,
      filename: 'server.ts',
    },
    // A hosting platform serves the app (firebase-functions v2): helmet mounted, nothing to say
    {
      code: code`
        import { onRequest } from 'firebase-functions/v2/https';
        import express from 'express';
        import helmet from 'helmet';
        const app = express();
        app.use(helmet());
        app.get('/', (req, res) => res.send('ok'));
        export const api = onRequest({ region: 'europe-west1' }, app);
      `,
    },
    // Middleware that wraps res.send (response-time, logging) before helmet sends nothing itself
    { code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.use((req, res, next) => { const originalSend = res.send; res.send = function (body) { return originalSend.call(this, body); }; next(); });
        app.use(helmet());
        app.get('/', (req, res) => res.send('hi'));
      `, languageOptions: commonjs },
    // The usual HTTP → HTTPS redirect first: a redirect carries no page for helmet's headers to protect
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use((req, res, next) => { if (!req.secure) return res.redirect(301, 'https://' + req.headers.host + req.url); next(); });
      app.use(helmet());
      app.get('/', (req, res) => res.send('hi'));
    `,
    // A router that mounts its own helmet before its routes, mounted before the app's helmet
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      const api = express.Router();
      api.use(helmet());
      api.get('/items', (req, res) => res.json([]));
      app.use('/api', api);
      app.use(helmet());
    `,
    // app.all written as middleware (it only calls next) and a handler that only sets locals do not answer requests
    { code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.all('*', (req, res, next) => { res.locals.start = Date.now(); next(); });
        app.use(helmet());
        app.get('/', (req, res) => res.send('hi'));
      `, languageOptions: commonjs },
    // helmet on a path after a route on another path: it never runs for that route, so it is not "after" it
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.get('/', (req, res) => res.send('hi'));
      app.use('/api', helmet());
      app.get('/api/items', (req, res) => res.json([]));
    `,
    // helmet mounted after routes: only routes, router mounts and handlers that send count as "before"; plain
    // middleware (parsers, sessions, express.static, a function that only calls next) does not.
    { code: code`
        const express = require('express');
        const helmet = require('helmet');
        const session = require('express-session');
        const app = express();
        app.use(express.json());
        app.use(express.static('public'));
        app.use(session({ secret: process.env.SECRET }));
        app.use((req, res, next) => { res.locals.user = req.user; next(); });
        app.use(helmet());
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `, languageOptions: commonjs },
    // a route registered in a function the file calls later: the order is not known
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      function routes() { app.get('/', (req, res) => res.send('hi')); }
      app.use(helmet());
      routes();
      app.listen(3000);
    `,
    // helmet mounted in another function: may run at any time
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.get('/', (req, res) => res.send('hi'));
      export function secure() { app.use(helmet()); }
      app.listen(3000);
    `,
    // a router the file does not show, and a route on a router: unknown / not the app's order
    { code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        const router = express.Router();
        router.get('/', (req, res) => res.send('hi'));
        app.use('/api', require('some-package').router);
        app.use(helmet());
        app.use(router);
        app.listen(3000);
      `, languageOptions: commonjs },
    // TS: the error handler before helmet answers only errors of what ran before it
    code`
      import express, { type Request, type Response, type NextFunction } from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use((err: Error, req: Request, res: Response, next: NextFunction) => res.status(500).end());
      app.use(helmet());
      app.get('/', (req: Request, res: Response) => res.send('hi'));
    `,
    // Regression (vhost mounts): a sub-app reached only through an app that runs helmet first gets its headers
    { code: code`
        const express = require('express');
        const helmet = require('helmet');
        const vhost = require('vhost');
        const root = express();
        const admin = express();
        admin.disable('x-powered-by');
        root.use(helmet());
        root.use(vhost('admin.example.com', admin));
        root.use('/v2', admin);
        root.listen(3000);
      `, languageOptions: commonjs },
    { code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.use(helmet());
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } } }));
    `,
    // helmet under another name, through a const, in an array, with a path
    code`
      import express from 'express';
      import protect from 'helmet';
      const headers = protect();
      const app = express();
      app.use('/', [headers]);
    `,
    // per-header middlewares
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use(helmet.contentSecurityPolicy(), helmet.hsts());
    `,
    code`
      import express from 'express';
      import { strictTransportSecurity, xFrameOptions } from 'helmet';
      const app = express();
      app.use(strictTransportSecurity());
      app.use(xFrameOptions({ action: 'deny' }));
    `,
    code`
      import * as h from 'helmet';
      import * as e from 'express';
      const app = e.default();
      app.use(h.default());
    `,
    { code: code`
        const { Router } = require('express');
        const router = Router();
        router.post('/login', (req, res) => res.end());
        module.exports = router;
      `, languageOptions: commonjs },
    // an app that leaves the file
    code`
      import express from 'express';
      const app = express();
      export { app };
    `,
    code`
      import express from 'express';
      import request from 'supertest';
      request(express());
    `,
    // chained use
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use(express.json()).use(helmet());
    `,
    // mounted on a router (not an app)
    code`
      import express from 'express';
      const router = express.Router();
      router.get('/', (req, res) => res.end());
    `,
    // a file whose only express is a parameter
    code`
      export function make(express: () => { use(x: unknown): void }) {
        const app = express();
        app.use(1);
      }
    `,
    // an app handed to a file of the package loaded with import() (whose code a file on its own does not see), or to a
    // server of a promise the model does not follow (kept, handed on), may get helmet there: nothing said (trial 14)
    code`
      import express from 'express';
      const app = express();
      app.get('/info', (_req, res) => res.json({ ok: true }));
      export async function run() {
        (await import('./security.js')).default(app);
      }
    `,
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/info', (_req, res) => res.json({ ok: true }));
        const loading = import('node:https');
        loading.then((https) => https.createServer({}, app).listen(443));
      `,
      languageOptions: commonjs,
    },
    // an app that registers no route and mounts no middleware (the HTTP host of a WebSocket server, parse-server's
    // live query server): every request gets Express's own 404, which sends its own CSP; helmet protects nothing (trial 14)
    {
      code: code`
        const express = require('express');
        const http = require('http');
        const { WebSocketServer } = require('ws');
        function createLiveQueryServer(port) {
          const app = express();
          app.disable('x-powered-by');
          const server = http.createServer(app);
          server.listen(port);
          return new WebSocketServer({ server });
        }
        module.exports = { createLiveQueryServer };
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import { createServer } from 'node:http';
      import { WebSocketServer } from 'ws';
      const app = express();
      app.set('trust proxy', 1);
      const server = createServer(app);
      new WebSocketServer({ server });
      server.listen(8080);
    `,
    {
      code: code`
        import express, { type Express } from 'express';
        const app: Express = express();
        app.disable('x-powered-by');
        app.listen(Number(process.env.PORT ?? 3000), () => console.log(app.get('env')));
      `,
      filename: 'upgrade-host.ts',
    },
  ],
  invalid: [
    // Headers the app writes itself in its own middleware count for themselves (thelounge: CSP and nosniff set by hand):
    // the message names the ones still lacking. ESM, two middlewares of the file (a declaration and an arrow).
    {
      code: code`
        import express from 'express';
        function addSecurityHeaders(_req, res, next) {
          res.setHeader('Content-Security-Policy', "default-src 'none'");
          return next();
        }
        const app = express();
        app.use((req, res, next) => {
          res.setHeader('X-Content-Type-Options', 'nosniff');
          next();
        });
        app.use(addSecurityHeaders);
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      errors: [
        {
          messageId: 'missingSome',
          data: {
            name: 'app',
            served: '',
            setBy: "a middleware function and 'addSecurityHeaders'",
            sets: 'set',
            set: 'Content-Security-Policy and X-Content-Type-Options',
            lacking: 'Referrer-Policy, Strict-Transport-Security and X-Frame-Options',
          },
          line: 6,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express from 'express';
                import helmet from 'helmet';
                function addSecurityHeaders(_req, res, next) {
                  res.setHeader('Content-Security-Policy', "default-src 'none'");
                  return next();
                }
                const app = express();
                app.use(helmet());
                app.use((req, res, next) => {
                  res.setHeader('X-Content-Type-Options', 'nosniff');
                  next();
                });
                app.use(addSecurityHeaders);
                app.get('/', (req, res) => res.send('hi'));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
    },
    // A header of another name, or one written on something other than the response, or by a route's handler: no
    // header set by the app's middleware (TS).
    {
      code: code`
        import express, { type Request, type Response, type NextFunction } from 'express';
        const app = express();
        app.use((req: Request, res: Response, next: NextFunction) => {
          res.setHeader('X-Request-Id', String(Date.now()));
          req.headers['x-frame-options'] = 'DENY';
          next();
        });
        app.get('/', (req: Request, res: Response) => {
          res.setHeader('Content-Security-Policy', "default-src 'self'");
          res.send('hi');
        });
        app.listen(3000);
      `,
      filename: 'app.ts',
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 2,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express, { type Request, type Response, type NextFunction } from 'express';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                app.use((req: Request, res: Response, next: NextFunction) => {
                  res.setHeader('X-Request-Id', String(Date.now()));
                  req.headers['x-frame-options'] = 'DENY';
                  next();
                });
                app.get('/', (req: Request, res: Response) => {
                  res.setHeader('Content-Security-Policy', "default-src 'self'");
                  res.send('hi');
                });
                app.listen(3000);
              `,
            },
          ],
        },
      ],
    },
    // real23 (json-server 0.17.4's CLI app): data the file keeps on the app (`app.db = ...`, `app.io = ...`) is not the
    // app: calling its methods or handing it on does not hand the app to unknown code (TS, ESM)
    {
      code: code`
        import express from 'express';
        import { Server } from 'socket.io';
        import { open } from './store';
        const app = express();
        (app as any).store = open('data.json');
        app.io = new Server();
        app.get('/items', (req, res) => res.json((app as any).store.list()));
        app.io.on('connection', (socket) => socket.emit('ready'));
        track(app.io);
        app.listen(3000);
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 4, suggestions: [{ messageId: 'addHelmet', data: { name: 'app' }, output: code`
        import express from 'express';
        import { Server } from 'socket.io';
        import { open } from './store';
        import helmet from 'helmet';
        const app = express();
        app.use(helmet());
        (app as any).store = open('data.json');
        app.io = new Server();
        app.get('/items', (req, res) => res.json((app as any).store.list()));
        app.io.on('connection', (socket) => socket.emit('ready'));
        track(app.io);
        app.listen(3000);
      ` }] }],
      output: null,
    },
    // lusca sets some of the headers: the message names what it sets and what the responses still lack (trial 29,
    // hackathon-starter's lusca.xframe; CJS with the suggestion, ESM with a key turned off, TS with helmet imported: fix)
    {
      code: code`
        const express = require('express');
        const lusca = require('lusca');
        const app = express();
        app.use(lusca.xframe('SAMEORIGIN'));
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missingSome',
          data: {
            name: 'app',
            served: '',
            setBy: 'lusca',
            sets: 'sets',
            set: 'X-Frame-Options',
            lacking: 'Content-Security-Policy, Referrer-Policy, Strict-Transport-Security and X-Content-Type-Options',
          },
          line: 3,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                const express = require('express');
                const lusca = require('lusca');
                const helmet = require('helmet');
                const app = express();
                app.use(helmet());
                app.use(lusca.xframe('SAMEORIGIN'));
                app.get('/', (req, res) => res.send('hi'));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import lusca from 'lusca';
        const app = express();
        app.use(lusca({ csrf: true, xframe: false, hsts: { maxAge: 31536000 }, nosniff: true }));
        app.post('/form', (req, res) => res.send('ok'));
        app.listen(3000);
      `,
      errors: [
        {
          messageId: 'missingSome',
          data: { name: 'app', served: '', setBy: 'lusca', sets: 'sets', set: 'Strict-Transport-Security and X-Content-Type-Options', lacking: 'Content-Security-Policy, Referrer-Policy and X-Frame-Options' },
          line: 3,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express from 'express';
                import lusca from 'lusca';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                app.use(lusca({ csrf: true, xframe: false, hsts: { maxAge: 31536000 }, nosniff: true }));
                app.post('/form', (req, res) => res.send('ok'));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        import * as lusca from 'lusca';
        const app = express();
        app.use(lusca.nosniff());
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      filename: 'server.ts',
      errors: [
        {
          messageId: 'missingSome',
          data: { name: 'app', served: '', setBy: 'lusca', sets: 'sets', set: 'X-Content-Type-Options', lacking: 'Content-Security-Policy, Referrer-Policy, Strict-Transport-Security and X-Frame-Options' },
          line: 4,
        },
      ],
      output: code`
        import express from 'express';
        import helmet from 'helmet';
        import * as lusca from 'lusca';
        const app = express();
        app.use(helmet());
        app.use(lusca.nosniff());
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
    },
    // Options the model cannot read set nothing it knows of: the general message (unknown stays unknown)
    {
      code: code`
        const express = require('express');
        const lusca = require('lusca');
        const config = require('./config.json');
        const app = express();
        app.use(lusca(config.lusca));
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 4, suggestions: [{ messageId: 'addHelmet', data: { name: 'app' }, output: code`
        const express = require('express');
        const lusca = require('lusca');
        const config = require('./config.json');
        const helmet = require('helmet');
        const app = express();
        app.use(helmet());
        app.use(lusca(config.lusca));
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      ` }] }],
      output: null,
    },
    // trial 25 D3: an accessor method (`getServer() { return this.app; }`, as typescript-express-starter's App has) hands
    // the app only to its callers: the class does not hand it out, and `server.getServer()` is the app (TS, CommonJS)
    {
      code: code`
        import express from 'express';
        class App {
          public app: express.Application;
          constructor() {
            this.app = express();
            this.app.get('/', (req, res) => res.send('hi'));
          }
          public listen() {
            this.app.listen(3000);
          }
          public getServer() {
            return this.app;
          }
        }
        const server = new App();
        server.listen();
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'missing', data: { name: 'this.app' }, line: 5, column: 16 }],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const http = require('http');
        class App {
          constructor() {
            this.app = express();
            this.app.get('/', (req, res) => res.send('hi'));
          }
          getServer = () => this.app;
        }
        http.createServer(new App().getServer()).listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'this.app' }, line: 5, column: 16 }],
      output: null,
    },
    // Class handlers that only read the app's state may run at any time: the app is still followed (TS, session 10)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        class Server {
          readonly app = express();
          constructor() {
            this.app.get('/', this.home);
            this.app.get('/about', this.about);
          }
          private home(req: Request, res: Response): void {
            res.send(this.app.get('env'));
          }
          private about(req: Request, res: Response): void {
            res.render('about', { title: this.app.locals.title });
          }
        }
        new Server().app.listen(3000);
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'missing', data: { name: 'this.app' }, line: 3, column: 18 }],
      output: null,
    },
    // Class apps whose methods are fields holding arrow functions (session 10): the constructor runs the routes first
    // (TS, ESM)
    {
      code: arrowRoutesThenGuardTs(HELMET),
      filename: 'server.ts',
      errors: [{ messageId: 'mountedAfter', data: { name: 'this.app', helmet: 'line 11', route: "route 'POST /login'", where: 'line 14' }, line: 14, column: 19 }],
      output: null,
    },
    {
      code: arrowRoutesThenGuard(HELMET),
      filename: 'server.mjs',
      errors: [{ messageId: 'mountedAfter', data: { name: 'this.app', helmet: 'line 10', route: "route 'GET /'", where: 'line 13' }, line: 13, column: 18 }],
      output: null,
    },
    // Class apps: a method called from a method the constructor runs runs where that call is: the routes before helmet
    // (TS, ESM, through an arrow-function field)
    {
      code: routesInConfigThenGuardTs(HELMET),
      filename: 'app.ts',
      errors: [{ messageId: 'mountedAfter', data: { name: 'this.app', helmet: 'line 10', route: "route 'GET /health'", where: 'line 13' }, line: 13, column: 18 }],
      output: null,
    },
    {
      code: configApp(HELMET, [
        block('config()', 'this.mount();', 'this.app.use(helmet());'),
        field('mount = () =>', 'this.routes();'),
        block('routes()', HELMET.route),
      ]),
      filename: 'app.mjs',
      errors: [{ messageId: 'mountedAfter', data: { name: 'this.app', helmet: 'line 10', route: "route 'GET /'", where: 'line 16' }, line: 16, column: 18 }],
      output: null,
    },
    // ... a method that calls itself runs where it first runs: the route before helmet, reported once
    {
      code: configApp(HELMET, [
        block('config()', 'this.routes();', 'this.app.use(helmet());', 'this.config();'),
        block('routes()', HELMET.route, 'this.routes();'),
      ]),
      filename: 'app.mjs',
      errors: [{ messageId: 'mountedAfter', data: { name: 'this.app', helmet: 'line 10', route: "route 'GET /'", where: 'line 14' }, line: 14, column: 18 }],
      output: null,
    },
    // ... not when the app may register routes the model does not list: a computed method, an alias, a route; an
    // app made inline (trial 14)
    {
      code: code`
        const express = require('express');
        const routes = require('./routes.json');
        const app = express();
        for (const r of routes) app[r.method](r.path, (req, res) => res.json(r.body));
        app.listen(3000);
      `,
      languageOptions: commonjs,
errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 3,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                const express = require('express');
                const routes = require('./routes.json');
                const helmet = require('helmet');
                const app = express();
                app.use(helmet());
                for (const r of routes) app[r.method](r.path, (req, res) => res.json(r.body));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        const server = app;
        server[process.env.METHOD ?? 'get']('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 2,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express from 'express';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                const server = app;
                server[process.env.METHOD ?? 'get']('/', (req, res) => res.send('hi'));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.param('id', (req: Request, res: Response, next: () => void) => next());
        app.all('/:id', (req: Request, res: Response) => { res.end(); });
      `,
      filename: 'app.ts',
errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 2,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express, { type Request, type Response } from 'express';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                app.param('id', (req: Request, res: Response, next: () => void) => next());
                app.all('/:id', (req: Request, res: Response) => { res.end(); });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // An app that a hosting platform serves (serverless-http, firebase-functions) is served, not handed to unknown
    // code: without helmet it is reported, as an app that listens (trial 9)
    {
      code: code`
        const express = require('express');
        const serverless = require('serverless-http');
        const functions = require('firebase-functions');
        const app = express();
        const api = express();
        app.get('/', (req, res) => res.send('hi'));
        api.get('/', (req, res) => res.send('hi'));
        module.exports.handler = serverless(app);
        exports.api = functions.region('europe-west1').https.onRequest(api);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 4,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
        const express = require('express');
        const serverless = require('serverless-http');
        const functions = require('firebase-functions');
        const helmet = require('helmet');
        const app = express();
        app.use(helmet());
        const api = express();
        app.get('/', (req, res) => res.send('hi'));
        api.get('/', (req, res) => res.send('hi'));
        module.exports.handler = serverless(app);
        exports.api = functions.region('europe-west1').https.onRequest(api);
      `,
            },
          ],
        },
        {
          messageId: 'missing',
          data: { name: 'api' },
          line: 5,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'api' },
              output: code`
        const express = require('express');
        const serverless = require('serverless-http');
        const functions = require('firebase-functions');
        const helmet = require('helmet');
        const app = express();
        const api = express();
        api.use(helmet());
        app.get('/', (req, res) => res.send('hi'));
        api.get('/', (req, res) => res.send('hi'));
        module.exports.handler = serverless(app);
        exports.api = functions.region('europe-west1').https.onRequest(api);
      `,
            },
          ],
        },
      ],
    },
    // a route under helmet's path registered before it; a route before the app-wide helmet that follows a path-scoped one
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        const app = express();
        app.get('/api/items', (req, res) => res.json([]));
        app.use('/api', helmet());
      `,
      filename: 'app.mjs',
      errors: [{ messageId: 'mountedAfter', data: { name: 'app', helmet: 'line 5', route: "route 'GET /api/items'", where: 'line 4' }, line: 4 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        const app = express();
        app.use('/api', helmet());
        app.get('/', (req, res) => res.send('hi'));
        app.use(helmet());
      `,
      filename: 'app.mjs',
      errors: [{ messageId: 'mountedAfter', data: { name: 'app', helmet: 'line 6', route: "route 'GET /'", where: 'line 5' }, line: 5 }],
      output: null,
    },
    // helmet mounted after a route: that route's responses go out without its headers (no fix: moving it is a choice)
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
        app.use(helmet());
        app.listen(3000);
      `,
      languageOptions: commonjs,
      filename: 'app.js',
      errors: [
        {
          messageId: 'mountedAfter',
          data: { name: 'app', helmet: 'line 5', route: "route 'GET /'", where: 'line 4' },
          line: 4,
          column: 9,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express, { Router } from 'express';
        import { contentSecurityPolicy } from 'helmet';
        const app = express();
        const users = Router();
        users.post('/login', (req, res) => res.redirect('/'));
        app.use(express.json());
        app.use('/users', users);
        app.use(contentSecurityPolicy());
        app.listen(3000);
      `,
      filename: 'server.mjs',
      errors: [
        {
          messageId: 'mountedAfter',
          data: { name: 'app', helmet: 'line 8', route: "the routes of 'users' mounted on '/users'", where: 'line 7' },
          line: 7,
          column: 9,
        },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import helmet from 'helmet';
        const app = express();
        app.route('/items').get((req: Request, res: Response) => res.json([]));
        app.use((req: Request, res: Response) => res.status(404).send('not found'));
        app.use(helmet());
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'mountedAfter', data: { name: 'app', helmet: 'line 6', route: "route 'GET /items'", where: 'line 4' }, line: 4 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        const app = express();
        app.use((req, res, next) => { if (req.path === '/health') return res.sendStatus(200); next(); });
        app.use(helmet());
        app.get('/', (req, res) => res.send('hi'));
      `,
      filename: 'app.mjs',
      errors: [{ messageId: 'mountedAfter', data: { name: 'app', helmet: 'line 5', route: "the handler that use mounts on '/'", where: 'line 4' }, line: 4, column: 1 }],
      output: null,
    },
    // Routes registered in an expression-bodied callback whose result nobody reads (trial 15): the app stays this
    // file's, as with a `{ ... }` body (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        const ROUTES = [['/', (req, res) => res.send('home')]];
        ROUTES.forEach(([path, handler]) => app.get(path, handler));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 2,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                const express = require('express');
                const helmet = require('helmet');
                const app = express();
                app.use(helmet());
                const ROUTES = [['/', (req, res) => res.send('home')]];
                ROUTES.forEach(([path, handler]) => app.get(path, handler));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import api from './api.js';
        const app = express();
        connect().then(() => app.use('/api', api));
        app.listen(3000);
      `,
      filename: 'server.mjs',
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 3,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express from 'express';
                import api from './api.js';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                connect().then(() => app.use('/api', api));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        const pages: [string, (req: Request, res: Response) => void][] = [['/', (req, res) => { res.send('home'); }]];
        pages.forEach(([path, page]) => app.get(path, page));
        app.listen(3000);
      `,
      filename: 'server.ts',
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 2,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express, { type Request, type Response } from 'express';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                const pages: [string, (req: Request, res: Response) => void][] = [['/', (req, res) => { res.send('home'); }]];
                pages.forEach(([path, page]) => app.get(path, page));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // Class apps (trial 13): the methods the constructor calls run in its order, so helmet in a later one comes after
    // the routes of an earlier one (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        class App {
          constructor() {
            this.app = express();
            this.routes();
            this.security();
          }
          routes() {
            this.app.get('/', (req, res) => res.send('hi'));
          }
          security() {
            this.app.use(helmet());
          }
        }
        new App().app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'mountedAfter', data: { name: 'this.app', helmet: 'line 13', route: "route 'GET /'", where: 'line 10' }, line: 10, column: 18 }],
      output: null,
    },
    {
      // The constructor mounts helmet after calling routes(), written below it: the route runs first.
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        class Server {
          app = express();
          constructor() {
            this.routes();
            this.app.use(helmet());
          }
          routes() {
            this.app.post('/login', (req, res) => res.json({ ok: true }));
          }
        }
        new Server().app.listen(3000);
      `,
      filename: 'server.mjs',
      errors: [{ messageId: 'mountedAfter', data: { name: 'this.app', helmet: 'line 7', route: "route 'POST /login'", where: 'line 10' }, line: 10, column: 19 }],
      output: null,
    },
    {
      code: code`
        import express, { type Express, type Request, type Response } from 'express';
        import helmet from 'helmet';
        class App {
          readonly app: Express = express();
          constructor() {
            this.routes();
            this.security();
          }
          private routes(): void {
            this.app.get('/health', (req: Request, res: Response) => { res.json({ ok: true }); });
          }
          private security(): void {
            this.app.use(helmet());
          }
        }
        new App().app.listen(3000);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'mountedAfter', data: { name: 'this.app', helmet: 'line 13', route: "route 'GET /health'", where: 'line 10' }, line: 10, column: 18 }],
      output: null,
    },
    // Code after the app's declaration on the same line (trial 9): helmet goes between them, the code stays valid
    {
      code: code`
        const express = require('express')
        const helmet = require('helmet')
        const app = express(); const port = 3000
        app.get('/', (req, res) => res.send('hi'))
        app.listen(port)
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 3, column: 13 }],
      output: code`
        const express = require('express')
        const helmet = require('helmet')
        const app = express();
        app.use(helmet()); const port = 3000
        app.get('/', (req, res) => res.send('hi'))
        app.listen(port)
      `,
    },
    // a sub-app mounted before the parent's helmet, or also served itself, does not get helmet's headers
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        import vhost from 'vhost';
        const root = express();
        const admin = express();
        const api = express();
        root.use(vhost('admin.example.com', admin));
        root.use(helmet());
        root.use('/api', api);
        root.listen(3000);
        api.listen(3001);
      `,
      errors: [
        { messageId: 'missing', data: { name: 'admin' }, line: 5, column: 15 },
        { messageId: 'missing', data: { name: 'api' }, line: 6, column: 13 },
      ],
      output: code`
        import express from 'express';
        import helmet from 'helmet';
        import vhost from 'vhost';
        const root = express();
        const admin = express();
        admin.use(helmet());
        const api = express();
        api.use(helmet());
        root.use(vhost('admin.example.com', admin));
        root.use(helmet());
        root.use('/api', api);
        root.listen(3000);
        api.listen(3001);
      `,
    },
    // helmet imported but not mounted: fix
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 3, column: 13 }],
      output: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.use(helmet());
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express from 'express';
        import secureHeaders from 'helmet';
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
      `,
      errors: [{ messageId: 'missing' }],
      output: code`
        import express from 'express';
        import secureHeaders from 'helmet';
        const app = express();
        app.use(secureHeaders());
        app.get('/', (req, res) => res.send('hi'));
      `,
    },
    // regression: CommonJS parsed by ESLint's own parser puts top-level variables in Node's module (function)
    // scope, not the global scope; a required helmet must still be found and reused by the fix
    {
      name: 'helmet required in a CommonJS file (espree module scope) gets the fix',
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
      `,
      filename: join(packages, 'commonjs-app/app.js'),
      languageOptions: espreeCommonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' } }],
      output: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.use(helmet());
        app.get('/', (req, res) => res.send('hi'));
      `,
    },
    // regression: a .js file of a "type": "commonjs" package linted with the default (module) sourceType gets
    // a require, not an import that Node would reject
    {
      name: 'the helmet suggestion requires helmet in a CommonJS .js file linted as a module',
      code: code`
        const app = require('express')();
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      filename: join(packages, 'commonjs-app/src/server.js'),
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                const app = require('express')();
                const helmet = require('helmet');
                app.use(helmet());
                app.get('/', (req, res) => res.send('hi'));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the helmet suggestion requires helmet in a .cjs file parsed by espree',
      code: code`
        'use strict';
        const app = require('express')();
        app.get('/', (req, res) => res.send('hi'));
        module.exports.start = () => app.listen(3000);
      `,
      filename: join(packages, 'module-app/server.cjs'),
      languageOptions: espreeCommonjs,
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addHelmet',
              output: code`
                'use strict';
                const app = require('express')();
                const helmet = require('helmet');
                app.use(helmet());
                app.get('/', (req, res) => res.send('hi'));
                module.exports.start = () => app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // helmet not imported: suggestion in the file's style (ESM)
    {
      code: code`
        import express from 'express';
        import { json } from 'express';
        const app = express();
        app.use(json());
      `,
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express from 'express';
                import { json } from 'express';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                app.use(json());
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // CommonJS, double quotes, no semicolons
    {
      code: code`
        const express = require("express")
        const app = express()
        app.get("/", (req, res) => res.send("ok"))
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addHelmet',
              output: code`
                const express = require("express")
                const helmet = require("helmet")
                const app = express()
                app.use(helmet())
                app.get("/", (req, res) => res.send("ok"))
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // TS import-equals
    {
      code: code`
        import express = require('express');
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
      `,
      filename: 'app.ts',
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addHelmet',
              output: code`
                import express = require('express');
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                app.get('/', (req, res) => res.send('hi'));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // two apps: both reported, each fixed
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        const web = express();
        const api = express();
        web.use(helmet());
        api.get('/', (req, res) => res.send('hi'));
      `,
      errors: [{ messageId: 'missing', data: { name: 'api' }, line: 4 }],
      output: code`
        import express from 'express';
        import helmet from 'helmet';
        const web = express();
        const api = express();
        api.use(helmet());
        web.use(helmet());
        api.get('/', (req, res) => res.send('hi'));
      `,
    },
    // helmet mounted on a router does not cover the app
    {
      code: code`
        import express, { Router } from 'express';
        import helmet from 'helmet';
        const router = Router();
        router.use(helmet());
        const app = express();
        app.use(router);
      `,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 5 }],
      output: code`
        import express, { Router } from 'express';
        import helmet from 'helmet';
        const router = Router();
        router.use(helmet());
        const app = express();
        app.use(helmet());
        app.use(router);
      `,
    },
    // `helmet` the name is taken: reported, no suggestion
    {
      code: code`
        import express from 'express';
        const helmet = { hat: true };
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
      `,
      errors: [{ messageId: 'missing', suggestions: [] }],
      output: null,
    },
    // an app inside a function, served by http
    {
      code: code`
        const http = require('node:http');
        const express = require('express');
        function main() {
          const app = express();
          app.get('/', (req, res) => res.send('hi'));
          http.createServer(app).listen(8080);
        }
        main();
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addHelmet',
              output: code`
                const http = require('node:http');
                const express = require('express');
                const helmet = require('helmet');
                function main() {
                  const app = express();
                  app.use(helmet());
                  app.get('/', (req, res) => res.send('hi'));
                  http.createServer(app).listen(8080);
                }
                main();
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // served through an awaited import() of Node's https, http or http2 (@actual-app/sync-server): the module, as a
    // static import or a require inside the function gives it, not unknown code the app is handed to (trial 14)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/info', (_req, res) => res.json({ ok: true }));
        export async function run(tls) {
          const https = await import('node:https');
          https.createServer(tls, app).listen(443);
        }
      `,
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 2,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express from 'express';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                app.get('/info', (_req, res) => res.json({ ok: true }));
                export async function run(tls) {
                  const https = await import('node:https');
                  https.createServer(tls, app).listen(443);
                }
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // import('node:https').then((https) => ...): the callback's parameter is the module, as an await gives it (dyn23)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/info', (_req, res) => res.json({ ok: true }));
        import('node:https').then((https) => https.createServer({}, app).listen(443));
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 2,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                const express = require('express');
                const helmet = require('helmet');
                const app = express();
                app.use(helmet());
                app.get('/info', (_req, res) => res.json({ ok: true }));
                import('node:https').then((https) => https.createServer({}, app).listen(443));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/info', (_req, res) => res.json({ ok: true }));
        async function run(tls) {
          (await import('https')).createServer(tls, app).listen(443);
        }
        module.exports = { run };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 2,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                const express = require('express');
                const helmet = require('helmet');
                const app = express();
                app.use(helmet());
                app.get('/info', (_req, res) => res.json({ ok: true }));
                async function run(tls) {
                  (await import('https')).createServer(tls, app).listen(443);
                }
                module.exports = { run };
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/info', (_req: Request, res: Response) => res.json({ ok: true }));
        export async function run(): Promise<void> {
          const { createServer } = await import('node:http2');
          createServer(app as never).listen(8443);
        }
      `,
      filename: 'server.ts',
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 2,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import express, { type Request, type Response } from 'express';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                app.get('/info', (_req: Request, res: Response) => res.json({ ok: true }));
                export async function run(): Promise<void> {
                  const { createServer } = await import('node:http2');
                  createServer(app as never).listen(8443);
                }
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // not a statement of its own: reported without fix or suggestion
    {
      code: code`
        import express from 'express';
        express().listen(3000);
      `,
      errors: [{ messageId: 'missing', suggestions: [] }],
      output: null,
    },
  ],
});

// The suggestion writes `helmet`'s require as the file writes its own (`addImport`): express-generator's `app.js`
// declares everything with `var`.
runRuleTests('require-helmet', rule, {
  valid: [],
  invalid: [
    {
      name: "express-generator's app.js: var requires get a var",
      code: code`
        var createError = require('http-errors');
        var express = require('express');
        var path = require('path');

        var app = express();

        app.use(express.json());

        app.listen(3000);
      `,
      filename: 'app.js',
      languageOptions: espreeCommonjs,
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 5,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                var createError = require('http-errors');
                var express = require('express');
                var path = require('path');
                var helmet = require('helmet');

                var app = express();
                app.use(helmet());

                app.use(express.json());

                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'const requires keep const',
      code: code`
        const express = require('express');
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      filename: 'app.js',
      languageOptions: espreeCommonjs,
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addHelmet',
              output: code`
                const express = require('express');
                const helmet = require('helmet');
                const app = express();
                app.use(helmet());
                app.get('/', (req, res) => res.send('hi'));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
