import rule from '../../src/rules/require-csrf-protection';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('require-csrf-protection', rule, {
  valid: [
    // Trial 32: a middleware of the user's own named for CSRF, with three parameters, still counts
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      function csrfCheck(req, res, next) { return req.get('x-csrf-token') === req.session.csrf ? next() : res.status(403).end(); }
      app.use(session({ secret: process.env.S }));
      app.use(csrfCheck);
      app.post('/transfer', (req, res) => res.end(req.session.user));
    `,
    // trial 25 D4: ... and a session the App mounts after the loop does not run for it (CommonJS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        class NotesRoute {
          constructor() {
            this.router = express.Router();
            this.router.post('/notes', (req, res) => res.json(req.session.user));
          }
        }
        class App {
          constructor(routes) {
            this.app = express();
            routes.forEach((route) => this.app.use('/', route.router));
            this.app.use(session({ secret: process.env.S, cookie: { secure: true } }));
          }
          listen() { this.app.listen(3000); }
        }
        new App([new NotesRoute()]).listen();
      `,
      languageOptions: commonjs,
    },
    // trial 24 R4: the delegate reads no cookie state, or the callee is unknown (a parameter, a package's value, another
    // order of arguments): nothing is guessed (CommonJS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const lib = require('some-lib');
        class ItemsController { create = (req, res) => { res.json({ ok: true }); }; }
        const ctrl = new ItemsController();
        const app = express();
        app.use(session({ secret: process.env.S, cookie: { secure: true } }));
        app.post('/items', (req, res) => ctrl.create(req, res));
        app.post('/lib', (req, res) => lib.handle(req, res));
        module.exports = (other) => app.post('/other', (req, res) => other.create(req, res));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // loops18: CSRF protection mounted before a loop runs for the routers the loop mounts (TS, `for … of`)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import cookieParser from 'cookie-parser';
        import csurf from 'csurf';
        const app = express();
        const notes = express.Router();
        notes.delete('/:id', (req: Request, res: Response) => res.json({ sid: req.cookies.sid }));
        app.use(cookieParser());
        app.use(csurf({ cookie: true }));
        for (const r of [notes]) app.use('/notes', r);
        app.listen(3000);
      `,
    },
    // trial 21 r1: CSRF protection on the route's prefix, or on a parameter prefix, may run for a route with parameters:
    // not reported (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const { doubleCsrf } = require('csrf-csrf');
        const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
        const app = express();
        app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true } }));
        app.use('/api', doubleCsrfProtection);
        app.use('/:team/settings', doubleCsrfProtection);
        app.delete('/api/notes/:id', (req, res) => res.json(req.session.user));
        app.post('/acme/settings/:key', (req, res) => res.json(req.session.user));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        import { doubleCsrf } from 'csrf-csrf';
        const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET! });
        const app = express();
        app.use(session({ secret: process.env.SESSION_SECRET!, cookie: { secure: true, httpOnly: true } }));
        app.use('/api/notes', doubleCsrfProtection);
        app.delete('/api/notes/:id', (req: Request, res: Response) => res.json(req.session));
        app.listen(3000);
      `,
    },
    {
      name: 'an empty array of paths registers no route (trial 13); a const array protected on each path; CommonJS',
      code: code`
        const express = require('express');
        const session = require('express-session');
        const { csrfSync } = require('csrf-sync');
        const { csrfSynchronisedProtection } = csrfSync();
        const ACCOUNT = ['/account', '/profile'];
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.post([], (req, res) => { req.session.u = 1; res.end(); });
        app.use(ACCOUNT, csrfSynchronisedProtection);
        app.post([...ACCOUNT], (req, res) => { req.session.u = 1; res.end(); });
      `,
      languageOptions: commonjs,
    },
    {
      name: 'CSRF protection bound by destructuring an object literal (trial 13), ESM',
      code: code`
        import express from 'express';
        import session from 'express-session';
        import { csrfSync } from 'csrf-sync';
        const { forms } = { forms: csrfSync().csrfSynchronisedProtection };
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.post('/account', forms, (req, res) => { req.session.u = 1; res.end(); });
      `,
    },
    {
      name: 'an array of paths protected on each of them (trial 12 M5), TypeScript',
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        import { csrfSync } from 'csrf-sync';
        const { csrfSynchronisedProtection } = csrfSync();
        const app = express();
        app.use(session({ secret: process.env.S! }));
        app.use(['/login', '/signin'], csrfSynchronisedProtection);
        app.post(['/login', '/signin'], (req: Request, res: Response) => { req.session.u = 1; res.end(); });
      `,
      filename: 'app.ts',
    },
    {
      name: "CSRF protection added with all() on every path or on the route's path runs before the routes after it (trial 9: all-csrf)",
      code: code`
        const express = require('express');
        const session = require('express-session');
        const { csrfSync } = require('csrf-sync');
        const { csrfSynchronisedProtection } = csrfSync();
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.all('*', csrfSynchronisedProtection);
        app.post('/profile', (req, res) => { req.session.name = String(req.body.name); res.end(); });
        app.route('/settings')
          .all(csrfSynchronisedProtection)
          .post((req, res) => { req.session.theme = 'x'; res.end(); });
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      name: 'all() with CSRF protection on the Express 5 wildcard and on the exact path (ESM)',
      code: code`
        import express from 'express';
        import session from 'express-session';
        import { doubleCsrf } from 'csrf-csrf';
        const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
        const app = express();
        app.use(session({ secret: process.env.SECRET }));
        app.all('/account/{*rest}', doubleCsrfProtection);
        app.post('/account/email', (req, res) => { req.session.email = String(req.body.email); res.end(); });
        app.all('/transfer', doubleCsrfProtection);
        app.post('/transfer', (req, res) => { req.session.to = String(req.body.to); res.end(); });
      `,
    },
    {
      name: 'all() with CSRF protection before the route (TS)',
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        import { csrfSync } from 'csrf-sync';
        const { csrfSynchronisedProtection } = csrfSync();
        const app = express();
        app.use(session({ secret: process.env.SECRET! }));
        app.route('/profile').all(csrfSynchronisedProtection).post((req: Request, res: Response) => { req.session.id; res.end(); });
      `,
      filename: 'app.ts',
    },
    {
      name: "a middleware of the file that runs lusca's CSRF check on its request, skipping one path (hackathon-starter)",
      code: code`
        const express = require('express');
        const session = require('express-session');
        const lusca = require('lusca');
        const app = express();
        app.use(session({ secret: process.env.SECRET }));
        app.use((req, res, next) => {
          if (req.path === '/api/upload') {
            next();
          } else {
            lusca.csrf()(req, res, next);
          }
        });
        app.post('/account', (req, res) => {
          req.session.email = String(req.body.email);
          res.end();
        });
      `,
      languageOptions: commonjs,
    },
    // csrf-csrf before the routes (CommonJS, destructured)
    { code: code`
        const express = require('express');
        const session = require('express-session');
        const { doubleCsrf } = require('csrf-csrf');
        const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
        const app = express();
        app.use(session({ secret: process.env.SECRET }));
        app.use(doubleCsrfProtection);
        app.post('/transfer', (req, res) => res.end());
      `, languageOptions: commonjs },
    // csrf-sync in the route's own arguments
    code`
      import express from 'express';
      import session from 'express-session';
      import { csrfSync } from 'csrf-sync';
      const { csrfSynchronisedProtection } = csrfSync();
      const app = express();
      app.use(session({ secret: 's' }));
      app.delete('/account', [csrfSynchronisedProtection], (req, res) => res.end());
    `,
    // tiny-csrf after cookie-parser
    code`
      import express from 'express';
      import cookieParser from 'cookie-parser';
      import csurf from 'tiny-csrf';
      const app = express();
      app.use(cookieParser('secret'));
      app.use(csurf('123456789iamasecret987654321look'));
      app.put('/profile', (req, res) => res.end());
    `,
    // lusca.csrf() and lusca({ csrf: true })
    code`
      import express from 'express';
      import session from 'express-session';
      import lusca from 'lusca';
      const app = express();
      app.use(session({ secret: 's' }));
      app.use(lusca.csrf());
      app.post('/a', (req, res) => res.end());
      const other = express();
      other.use(session({ secret: 's' }));
      other.use(lusca({ csrf: true, xframe: 'SAMEORIGIN' }));
      other.post('/b', (req, res) => res.end());
    `,
    // csurf (deprecated, still protection)
    { code: code`
        const express = require('express');
        const cookieParser = require('cookie-parser');
        const csrf = require('csurf');
        const app = express();
        app.use(cookieParser());
        app.post('/form', csrf({ cookie: true }), (req, res) => res.end());
      `, languageOptions: commonjs },
    // a router under an app with session and CSRF
    code`
      import express, { Router } from 'express';
      import session from 'express-session';
      import { doubleCsrf } from 'csrf-csrf';
      const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => 's' });
      const api = Router();
      api.patch('/items/:id', (req, res) => res.end());
      const app = express();
      app.use(session({ secret: 's' }));
      app.use('/api', doubleCsrfProtection, api);
    `,
    // sameSite session cookie: a mitigation that suffices by default
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      app.use(session({ secret: 's', cookie: { sameSite: 'lax', httpOnly: true } }));
      app.post('/transfer', (req, res) => res.end());
    `,
    code`
      import express from 'express';
      import cookieSession from 'cookie-session';
      const opts = { keys: ['k'], sameSite: 'strict' };
      const app = express();
      app.use(cookieSession(opts));
      app.post('/transfer', (req, res) => res.end());
    `,
    // no cookies: token APIs need no CSRF protection
    code`
      import express from 'express';
      const app = express();
      app.use(express.json());
      app.post('/api/items', (req, res) => res.end());
    `,
    // session mounted after the route: that route gets no session cookie
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      app.post('/webhook', (req, res) => res.end());
      app.use(session({ secret: 's' }));
    `,
    // only reads
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      app.use(session({ secret: 's' }));
      app.get('/profile', (req, res) => res.end());
    `,
    // a routes file: the router leaves the file
    code`
      import { Router } from 'express';
      import session from 'express-session';
      const router = Router();
      router.use(session({ secret: 's' }));
      router.post('/x', (req, res) => res.end());
      export default router;
    `,
    // an app handed to unknown code before its route: that code may mount CSRF protection first
    { code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: 's' }));
        require('./config/security')(app);
        app.post('/x', (req, res) => res.end());
        module.exports = app;
      `, languageOptions: commonjs },
    // an exported app whose route is registered later, in a callback: an importer may have mounted CSRF first
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      app.use(session({ secret: 's' }));
      db.connect().then(() => { app.post('/x', (req, res) => res.end()); });
      export default app;
    `,
    // settings say CSRF protection is applied upstream
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: 's' }));
        app.post('/x', (req, res) => res.end());
      `,
      settings: { 'secure-express': { upstream: ['csrf'] } },
    },
    // named in options, in settings, or by a telling name
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        import { guard } from './security';
        const app = express();
        app.use(session({ secret: 's' }), guard);
        app.post('/x', (req, res) => res.end());
      `,
      options: [{ csrfMiddleware: ['guard'] }],
    },
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        import forms from '@acme/forms';
        const app = express();
        app.use(session({ secret: 's' }));
        app.use(forms());
        app.post('/x', (req, res) => res.end());
      `,
      settings: { 'secure-express': { middleware: { csrf: ['@acme/forms'] } } },
    },
    code`
      import express from 'express';
      import session from 'express-session';
      import { verifyCsrfToken } from './middleware/tokens';
      const app = express();
      app.use(session({ secret: 's' }));
      app.post('/x', verifyCsrfToken, (req, res) => res.end());
    `,
    // CSRF only where it matters: routes that read nothing the cookies carry (a webhook checking a signature,
    // a token API), or whose handler is written elsewhere, are not reported
    { code: code`
        const express = require('express');
        const session = require('express-session');
        const { handleOrder } = require('./orders');
        const app = express();
        app.use(session({ secret: process.env.SECRET }));
        app.post('/webhook', (req, res) => {
          if (!verify(req.get('X-Signature'), req.body)) return res.status(401).end();
          res.json({ ok: true });
        });
        app.post('/orders', handleOrder);
        app.delete('/cache/:key', async ({ params }, res) => res.json(await cache.del(params.key)));
      `, languageOptions: commonjs },
    {
      name: 'paths from constants: CSRF protection mounted at the evaluated prefix (ESM: a const object; TS: an enum member)',
      code: code`
        import express from 'express';
        import session from 'express-session';
        import { csrfSync } from 'csrf-sync';
        const { csrfSynchronisedProtection } = csrfSync();
        const Mounts = { Account: '/account' };
        const app = express();
        app.use(session({ secret: process.env.S }));
        const account = express.Router();
        account.post('/email', (req, res) => { req.session.email = String(req.body.email); res.end(); });
        app.use('/api' + Mounts.Account, csrfSynchronisedProtection);
        app.use(\`/api\${Mounts.Account}\`, account);
      `,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        import { csrfSync } from 'csrf-sync';
        const { csrfSynchronisedProtection } = csrfSync();
        enum Paths { Account = '/account' }
        const app = express();
        app.use(session({ secret: process.env.S! }));
        app.use(Paths.Account, csrfSynchronisedProtection);
        app.post(\`\${Paths.Account}/email\`, (req: Request, res: Response) => { req.session.email = String(req.body.email); res.end(); });
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    // trial 25 D4: a route class's router that the App class mounts in a loop over the list its one `new App([...])`
    // hands it runs after the session the App mounts before the loop (CommonJS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        class NotesRoute {
          constructor() {
            this.router = express.Router();
            this.router.post('/notes', (req, res) => res.json(req.session.user));
          }
        }
        class App {
          constructor(routes) {
            this.app = express();
            this.app.use(session({ secret: process.env.S, cookie: { secure: true } }));
            routes.forEach((route) => this.app.use('/', route.router));
          }
          listen() { this.app.listen(3000); }
        }
        new App([new NotesRoute()]).listen();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/notes', app: 'this.router', cookie: 'express-session' }, line: 6 }],
      output: null,
    },
    // trial 24 R7: a route object held in a const registers its routes (ESM; the finding on the route object's line)
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.S, cookie: { secure: true } }));
        const notes = app.route('/notes'); notes.get((req, res) => res.json([])); notes.post((req, res) => res.json(req.session.user));
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/notes', app: 'app', cookie: 'express-session' }, line: 5 }],
      output: null,
    },
    // trial 24 R4: a handler that only hands the request on, `(req, res) => ctrl.create(req, res)`, runs what the method
    // reads, as `app.post('/items', ctrl.create)` does: a method of an instance of a class of the file, a function of the
    // file, awaited or returned, with `next` (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        class ItemsController {
          create = (req, res) => { res.json({ owner: req.session.userId }); };
          async remove(req, res, next) { res.json({ owner: req.session.userId }); }
        }
        function save(req, res) { req.session.saved = true; res.end(); }
        const ctrl = new ItemsController();
        const app = express();
        app.use(session({ secret: process.env.S, cookie: { secure: true } }));
        app.post('/items', (req, res) => ctrl.create(req, res));
        app.delete('/items/:id', (req, res, next) => ctrl.remove(req, res, next));
        app.post('/save', async (req, res) => { await save(req, res); });
        app.put('/save', function (req, res) { return save(req, res); });
        // re-trial 24 N1: Express 4's async forms, the error handed to next
        app.patch('/items/:id', (req, res, next) => ctrl.remove(req, res).catch(next));
        app.post('/try', async (req, res, next) => { try { await ctrl.create(req, res); } catch (error) { next(error); } });
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/items', app: 'app', cookie: 'express-session' }, line: 11 },
        { messageId: 'missing', data: { sameSite: '', method: 'DELETE', path: '/items/:id', app: 'app', cookie: 'express-session' }, line: 12 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/save', app: 'app', cookie: 'express-session' }, line: 13 },
        { messageId: 'missing', data: { sameSite: '', method: 'PUT', path: '/save', app: 'app', cookie: 'express-session' }, line: 14 },
        { messageId: 'missing', data: { sameSite: '', method: 'PATCH', path: '/items/:id', app: 'app', cookie: 'express-session' }, line: 16 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/try', app: 'app', cookie: 'express-session' }, line: 17 },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        const items = { create(req: Request, res: Response) { res.json({ owner: req.session }); } };
        const app = express();
        app.use(session({ secret: process.env.S!, cookie: { secure: true } }));
        app.post('/items', async (req: Request, res: Response) => await items.create(req, res));
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/items', app: 'app', cookie: 'express-session' }, line: 6 }],
      output: null,
    },

    // loops18: a router mounted in a loop has the loop's chain and path: cookies read before it, CSRF protection only
    // after it (CommonJS, `Object.values` of an object literal), or none (ESM, boilerplate's list of `{ path, route }`)
    {
      code: code`
        const express = require('express');
        const cookieParser = require('cookie-parser');
        const csurf = require('csurf');
        const app = express();
        const notes = express.Router();
        notes.delete('/:id', (req, res) => res.json({ sid: req.cookies.sid }));
        app.use(cookieParser());
        Object.values({ notes }).forEach((r) => app.use('/api', r));
        app.use(csurf({ cookie: true }));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'mountedAfter', data: { csrf: 'csurf({ cookie: true })', where: '', method: 'DELETE', path: '/api/:id', app: 'notes' }, line: 6 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import cookieParser from 'cookie-parser';
        const app = express();
        const profile = express.Router();
        profile.post('/', (req, res) => res.json({ sid: req.cookies.sid }));
        const defaultRoutes = [{ path: '/profile', route: profile }];
        app.use(cookieParser());
        defaultRoutes.forEach((route) => {
          app.use(route.path, route.route);
        });
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/profile', app: 'profile', cookie: 'cookie-parser' }, line: 5 }],
      output: null,
    },
    // trial 21 r1: CSRF protection mounted on another path does not run for a route with parameters
    // (`/account` and `/api/notes/:id`), which used to count as covered (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const { doubleCsrf } = require('csrf-csrf');
        const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
        const app = express();
        app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true } }));
        app.use('/account', doubleCsrfProtection);
        app.post('/api/notes', (req, res) => res.json(req.session.user));
        app.delete('/api/notes/:id', (req, res) => res.json(req.session.user));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/api/notes', app: 'app', cookie: 'express-session' }, line: 8 },
        { messageId: 'missing', data: { sameSite: '', method: 'DELETE', path: '/api/notes/:id', app: 'app', cookie: 'express-session' }, line: 9 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        import { doubleCsrf } from 'csrf-csrf';
        const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
        const app = express();
        app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true } }));
        app.use('/api/archive', doubleCsrfProtection);
        app.put('/api/notes/:id', (req, res) => res.json(req.session.user));
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'PUT', path: '/api/notes/:id', app: 'app', cookie: 'express-session' }, line: 8 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        import { doubleCsrf } from 'csrf-csrf';
        const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET! });
        const app = express();
        app.use(session({ secret: process.env.SESSION_SECRET!, cookie: { secure: true, httpOnly: true } }));
        app.use('/account', doubleCsrfProtection);
        app.delete('/api/notes/:id', (req: Request, res: Response) => res.json(req.session));
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'DELETE', path: '/api/notes/:id', app: 'app', cookie: 'express-session' }, line: 8 }],
      output: null,
    },
    // trial 19 (r2): a path built from constants is named as the string it evaluates to; a mount prefix the model cannot
    // read leaves the route's own path (\`'POST /token'\`, not \`'POST '/token''\`); a path that is no static string is
    // the expression as written, a template without its backticks
    {
      name: 'paths from constants: the full path through a template prefix of a const (CommonJS)',
      code: code`
        const express = require('express');
        const cookieParser = require('cookie-parser');
        const API = '/api/v1';
        const app = express();
        app.use(cookieParser());
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json({ t: req.cookies.token }));
        app.use(\`\${API}/auth\`, auth);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/api/v1/auth/token', app: 'auth', cookie: 'cookie-parser' }, line: 7 }],
      output: null,
    },
    {
      name: 'paths from constants: a prefix from a parameter leaves the route own path; a template route path of a let is printed once quoted (ESM)',
      code: code`
        import express from 'express';
        import cookieParser from 'cookie-parser';
        let base = '/api';
        if (process.env.LEGACY) base = '/legacy';
        const app = express();
        app.use(cookieParser());
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json({ t: req.cookies.token }));
        export function mount(prefix) { app.use(prefix + '/auth', auth); }
        app.post(\`\${base}/reset\`, (req, res) => res.json({ t: req.cookies.token }));
        app.post(base, (req, res) => res.json({ t: req.cookies.token }));
      `,
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/token', app: 'auth', cookie: 'cookie-parser' }, line: 8 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '${base}/reset', app: 'app', cookie: 'cookie-parser' }, line: 10 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: 'base', app: 'app', cookie: 'cookie-parser' }, line: 11 },
      ],
      output: null,
    },
    {
      name: 'paths from constants: an enum member and an as const object property (TS)',
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        enum Paths { Api = '/api/v1', Reset = '/password/reset' }
        const Mounts = { Account: \`\${Paths.Api}/account\` } as const;
        const app = express();
        app.use(session({ secret: process.env.S! }));
        const account = express.Router();
        account.post('/email', (req: Request, res: Response) => { req.session.email = String(req.body.email); res.end(); });
        app.use(Mounts.Account, account);
        app.post(\`\${Paths.Api}\${Paths.Reset}\`, (req: Request, res: Response) => { req.session.reset = true; res.end(); });
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/api/v1/account/email', app: 'account', cookie: 'express-session' }, line: 8 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/api/v1/password/reset', app: 'app', cookie: 'express-session' }, line: 10 },
      ],
      output: null,
    },
    {
      name: 'an array of paths: each path is checked, and the message names the one without protection (trial 12 M5)',
      code: code`
        const express = require('express');
        const session = require('express-session');
        const { csrfSync } = require('csrf-sync');
        const { csrfSynchronisedProtection } = csrfSync();
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.use('/login', csrfSynchronisedProtection);
        app.post(['/login', '/signin'], (req, res) => { req.session.u = 1; res.end(); });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/signin', app: 'app', cookie: 'express-session' }, line: 8 }],
      output: null,
    },
    {
      name: 'a const array of paths, nested and spread (trial 13): the message names each path without protection, not the source text',
      code: code`
        const express = require('express');
        const session = require('express-session');
        const paths = ['/email', ['/name']];
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.post(paths, (req, res) => { req.session.email = String(req.body.email); res.end(); });
        app.post([...paths, '/phone'], (req, res) => { req.session.phone = String(req.body.phone); res.end(); });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/email, /name', app: 'app', cookie: 'express-session' }, line: 6 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/email, /name, /phone', app: 'app', cookie: 'express-session' }, line: 7 },
      ],
      output: null,
    },
    {
      name: 'a const array of paths (trial 13), TypeScript: only the path without protection is named',
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        import { doubleCsrf } from 'csrf-csrf';
        const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => String(process.env.CSRF) });
        const ACCOUNT = ['/account', '/settings'] as const;
        const app = express();
        app.use(session({ secret: String(process.env.S) }));
        app.use('/account', doubleCsrfProtection);
        app.delete(ACCOUNT, (req: Request, res: Response) => { req.session.destroy(() => res.end()); });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'DELETE', path: '/settings', app: 'app', cookie: 'express-session' }, line: 9 }],
      output: null,
    },
    {
      name: 'an array of paths, ESM and a router mounted on several paths',
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.S }));
        const account = express.Router();
        account.post('/email', (req, res) => { req.session.email = String(req.body.email); res.end(); });
        app.use(['/account', '/v1/account'], account);
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/account/email, /v1/account/email', app: 'account', cookie: 'express-session' }, line: 6 }],
      output: null,
    },
    {
      name: 'all() with CSRF protection on another path, or after the route, does not protect it',
      code: code`
        const express = require('express');
        const session = require('express-session');
        const { csrfSync } = require('csrf-sync');
        const { csrfSynchronisedProtection } = csrfSync();
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.all('/settings', csrfSynchronisedProtection);
        app.post('/profile', (req, res) => { req.session.name = String(req.body.name); res.end(); });
        app.all(process.env.PREFIX, csrfSynchronisedProtection);
        app.post('/email', (req, res) => { req.session.email = String(req.body.email); res.end(); });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/profile', app: 'app', cookie: 'express-session' }, line: 8 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/email', app: 'app', cookie: 'express-session' }, line: 10 },
      ],
      output: null,
    },
    {
      name: "a middleware of the file that runs lusca's CSRF check on another object than its request",
      code: code`
        const express = require('express');
        const session = require('express-session');
        const lusca = require('lusca');
        const app = express();
        app.use(session({ secret: process.env.SECRET }));
        app.use((req, res, next) => {
          if (req.path === '/api/upload') next();
          else lusca.csrf()({}, res, next);
        });
        app.post('/account', (req, res) => {
          req.session.email = String(req.body.email);
          res.end();
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', line: 10 }],
      output: null,
    },
    // regression: an unknown upstream protection is reported, not silently dropped (TS)
    {
      name: 'an unknown upstream protection in settings is reported with the one it probably means',
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.SECRET as string }));
        app.post('/transfer', (req: express.Request, res: express.Response) => res.end(req.session.user));
      `,
      filename: 'app.ts',
      settings: { 'secure-express': { upstream: ['csfr'] } },
      errors: [
        {
          messageId: 'invalidSettings',
          data: {
            where: "settings['secure-express'].upstream",
            what: "lists 'csfr', which is not one of 'rateLimit', 'csrf', 'validation' and is ignored (did you mean 'csrf'?)",
          },
          line: 1,
        },
        { messageId: 'missing', line: 5 },
      ],
      output: null,
    },
    // express-session, no CSRF (CommonJS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.SECRET, resave: false }));
        app.post('/transfer', (req, res) => res.end(req.session.user));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/transfer', app: 'app', cookie: 'express-session' }, line: 5, column: 10 }],
      output: null,
    },
    // cookie-parser, every state-changing method, app.route
    {
      code: code`
        import express from 'express';
        import cookieParser from 'cookie-parser';
        const app = express();
        app.use(cookieParser());
        app.route('/items').get((req, res) => res.end(req.session.user)).put((req, res) => res.end(req.session.user));
        app.all('/any', (req, res) => res.end(req.session.user));
      `,
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'PUT', path: '/items', app: 'app', cookie: 'cookie-parser' }, line: 5, column: 66, endColumn: 69 },
        { messageId: 'missing', data: { sameSite: '', method: 'ALL', path: '/any', app: 'app', cookie: 'cookie-parser' }, line: 6 },
      ],
      output: null,
    },
    // Trial 32: an error handler named for CSRF (`csrfErrorHandler(err, req, res, next)`) is no protection: Express runs
    // it only with an error. Before the route, it was taken for one (nothing reported); after it, the message named it.
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        function csrfErrorHandler(err, req, res, next) { return err.code === 'EBADCSRFTOKEN' ? res.status(403).end() : next(err); }
        app.use(session({ secret: process.env.S }));
        app.use(csrfErrorHandler);
        app.post('/transfer', (req, res) => res.end(req.session.user));
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/transfer', app: 'app', cookie: 'express-session' }, line: 7 }],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.post('/transfer', (req, res) => res.end(req.session.user));
        const xsrfErrors = (err, req, res, next) => (err.code === 'EBADCSRFTOKEN' ? res.status(403).end() : next(err));
        app.use(xsrfErrors);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/transfer', app: 'app', cookie: 'express-session' }, line: 5 }],
      output: null,
    },
    // CSRF middleware mounted after the route
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        import { doubleCsrf } from 'csrf-csrf';
        const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => 's' });
        const app = express();
        app.use(session({ secret: 's' }));
        app.post('/transfer', (req, res) => res.end(req.session.user));
        app.use(doubleCsrfProtection);
      `,
      errors: [{ messageId: 'mountedAfter', data: { csrf: 'doubleCsrfProtection', method: 'POST', path: '/transfer', app: 'app', where: '' } }],
      output: null,
    },
    // a router mounted under an app with a session and no CSRF; full path in the message
    {
      code: code`
        import * as e from 'express';
        import session from 'express-session';
        const api = e.Router();
        api.delete('/items/:id', (req, res) => res.end(req.session.user));
        const app = e.default();
        app.use(session({ secret: 's' }));
        app.use('/api', api);
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'DELETE', path: '/api/items/:id', app: 'api', cookie: 'express-session' }, line: 4 }],
      output: null,
    },
    // CSRF on another path prefix does not cover the route
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        import lusca from 'lusca';
        const app = express();
        app.use(session({ secret: 's' }));
        app.use('/forms', lusca.csrf());
        app.post('/api/transfer', (req, res) => res.end(req.session.user));
      `,
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    // lusca without its csrf option is not CSRF protection
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        import lusca from 'lusca';
        const app = express();
        app.use(session({ secret: 's' }), lusca({ xframe: 'SAMEORIGIN', csrf: false }));
        app.post('/x', (req, res) => res.end(req.session.user));
      `,
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    // sameSite 'none' or 'auto' is no mitigation; strict options reject sameSite alone
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: 's', cookie: { sameSite: 'none', secure: true } }));
        app.post('/x', (req, res) => res.end(req.session.user));
      `,
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: 's', cookie: { sameSite: 'lax' } }));
        app.post('/x', (req, res) => res.end(req.session.user));
      `,
      options: [{ sameSiteSuffices: false }],
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    // cookie-parser alone has no sameSite to judge, in an array too
    {
      code: code`
        import express from 'express';
        import cookieParser from 'cookie-parser';
        const app = express();
        app.use([cookieParser()]);
        app.patch('/me', (req, res) => res.end(req.cookies.theme));
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'PATCH', path: '/me', app: 'app', cookie: 'cookie-parser' } }],
      output: null,
    },
    // cookie-parser and a session: the message names the session
    {
      code: code`
        const express = require('express');
        const cookieParser = require('cookie-parser');
        const session = require('express-session');
        const app = express();
        app.use(cookieParser());
        app.use(session({ secret: 's' }));
        app.post('/api/login', (req, res) => res.end(req.session.user));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/api/login', app: 'app', cookie: 'express-session' } }],
      output: null,
    },
    // exported apps: nothing an importer adds with app.use can run before the routes this file registers
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: 's' }));
        app.post('/x', (req, res) => res.end(req.session.user));
        module.exports = app;
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/x', app: 'app', cookie: 'express-session' }, line: 5 }],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = module.exports = express();
        app.use(session({ secret: 's' }));
        app.post('/x', (req, res) => res.end(req.session.user));
        exports.app = app;
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/x', app: 'app', cookie: 'express-session' }, line: 5 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: 's' }));
        app.post('/x', (req, res) => res.end(req.session.user));
        configure(app);
        export default app;
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/x', app: 'app', cookie: 'express-session' }, line: 5 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        export function createApp() {
          const app = express();
          app.use(session({ secret: 's' }));
          app.put('/profile', (req, res) => res.end(req.session.user));
          return app;
        }
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'PUT', path: '/profile', app: 'app', cookie: 'express-session' }, line: 6 }],
      output: null,
    },
    {
      code: code`
        import express = require('express');
        import session = require('express-session');
        const app = express();
        app.use(session({ secret: 's' }) as express.RequestHandler);
        app.post('/x', (req: express.Request, res: express.Response) => res.end(req.session.user));
        export = app;
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/x', app: 'app', cookie: 'express-session' }, line: 5 }],
      output: null,
    },
    // TS, named import of the session middleware
    {
      code: code`
        import express = require('express');
        import session = require('express-session');
        const app = express();
        app.use(session({ secret: 's' }) as express.RequestHandler);
        app.post('/x', (req: express.Request, res: express.Response) => res.end(req.session.user));
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    // what the cookies carry: req.user behind passport, destructured session, a middleware of the file, passport's
    // authenticate() on the route
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        import passport from 'passport';
        const app = express();
        app.use(session({ secret: 's' }));
        app.use(passport.session());
        function requireUser(req, res, next) { if (!req.isAuthenticated()) return res.redirect('/login'); next(); }
        app.post('/profile', (req, res) => res.json(req.user));
        app.post('/cart', ({ session, body }, res) => { session.cart = body.items; res.end(); });
        app.delete('/account', requireUser, (req, res) => res.end());
        app.post('/login', passport.authenticate('local'), (req, res) => res.redirect('/'));
        app.post('/ping', (req, res) => res.end());
      `,
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/profile', app: 'app', cookie: 'express-session' }, line: 8 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/cart', app: 'app', cookie: 'express-session' }, line: 9 },
        { messageId: 'missing', data: { sameSite: '', method: 'DELETE', path: '/account', app: 'app', cookie: 'express-session' }, line: 10 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/login', app: 'app', cookie: 'express-session' }, line: 11 },
      ],
      output: null,
    },
  ],
});

runRuleTests('require-csrf-protection (routes a token authenticates)', rule, {
  valid: [
    // trial 12: a bearer API that also parses a locale cookie: the user comes from the token (CommonJS)
    {
      code: code`
        const express = require('express');
        const cookieParser = require('cookie-parser');
        const passport = require('passport');
        const app = express();
        app.use(cookieParser());
        app.post('/widgets', passport.authenticate('jwt', { session: false }), (req, res) => res.json({ owner: req.user.id }));
      `,
      languageOptions: commonjs,
    },
    // the same through a router's chain, and with several token strategies (ESM, TS)
    code`
      import express from 'express';
      import cookieParser from 'cookie-parser';
      import passport from 'passport';
      const app = express();
      const api = express.Router();
      app.use(cookieParser());
      api.use(passport.authenticate('bearer', { session: false }));
      api.post('/items', (req, res) => res.json({ by: req.user, ok: req.isAuthenticated() }));
      app.use('/api', api);
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import cookieParser from 'cookie-parser';
        import passport from 'passport';
        const NO_SESSION = { session: false };
        const app = express();
        app.use(cookieParser());
        app.put('/items/:id', passport.authenticate(['jwt', 'basic'], NO_SESSION), (req: Request, res: Response) => {
          res.json({ owner: (req.user as { id: string }).id });
        });
      `,
      filename: 'api.ts',
    },
    // trial 13: the token authentication kept in a const of the file (CommonJS)
    {
      code: code`
        const express = require('express');
        const passport = require('passport');
        const app = express();
        app.use(require('cookie-parser')());
        const jwtAuth = passport.authenticate('jwt', { session: false });
        app.post('/const', jwtAuth, (req, res) => res.json(req.user));
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // ... not with a session (passport's default), nor when the handler reads the cookies or the JWT may come from one,
    // nor for a strategy that reads a form (ESM)
    {
      code: code`
        import express from 'express';
        import cookieParser from 'cookie-parser';
        import passport from 'passport';
        const app = express();
        app.use(cookieParser());
        app.post('/a', passport.authenticate('jwt'), (req, res) => res.json({ owner: req.user.id }));
        app.post('/b', passport.authenticate('jwt', { session: false }), (req, res) => res.json({ theme: req.cookies.theme, owner: req.user.id }));
        app.post('/c', passport.authenticate('local', { session: false }), (req, res) => res.json({ owner: req.user.id }));
      `,
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/a', app: 'app', cookie: 'cookie-parser' }, line: 6 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/b', app: 'app', cookie: 'cookie-parser' }, line: 7 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/c', app: 'app', cookie: 'cookie-parser' }, line: 8 },
      ],
    },
    {
      code: code`
        const express = require('express');
        const cookieParser = require('cookie-parser');
        const passport = require('passport');
        const { Strategy, ExtractJwt } = require('passport-jwt');
        passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromExtractors([(req) => req.cookies.token]), secretOrKey: process.env.K }, (p, done) => done(null, p)));
        const app = express();
        app.use(cookieParser());
        app.post('/widgets', passport.authenticate('jwt', { session: false }), (req, res) => res.json({ owner: req.user.id }));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/widgets', app: 'app', cookie: 'cookie-parser' }, line: 8 }],
    },
  ],
});

// A new-user trial (session 14): the message says why the session cookie's sameSite did not count.
runRuleTests('require-csrf-protection (why sameSite did not count)', rule, {
  valid: [
    // 'strict' and `true` count by default: the same apps as the strict config's cases below are not reported (CommonJS, TS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.SECRET, cookie: { sameSite: 'strict' } }));
        app.post('/account', (req, res) => { req.session.email = String(req.body.email); res.end(); });
        app.delete('/account', (req, res) => { req.session.destroy(() => res.end()); });
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.SECRET!, cookie: { sameSite: true } }));
        app.post('/account', (req: Request, res: Response) => { req.session.touch(); res.end(); });
      `,
      filename: 'app.ts',
    },
    // 'lax' counts by default (CommonJS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.SECRET, cookie: { sameSite: 'lax' } }));
        app.post('/account', (req, res) => { req.session.email = String(req.body.email); res.end(); });
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // 'none' (CommonJS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.SECRET, cookie: { sameSite: 'none', secure: true } }));
        app.post('/account', (req, res) => { req.session.email = String(req.body.email); res.end(); });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          data: { method: 'POST', path: '/account', app: 'app', cookie: 'express-session', sameSite: " (sameSite: 'none' on the express-session cookie lets other sites' requests carry it)" },
        },
      ],
      output: null,
    },
    // 'lax' with sameSiteSuffices off, as in the strict config (ESM, cookie-session)
    {
      code: code`
        import express from 'express';
        import cookieSession from 'cookie-session';
        const app = express();
        app.use(cookieSession({ name: 'sid', keys: [process.env.KEY], sameSite: 'lax' }));
        app.post('/account', (req, res) => { req.session.email = String(req.body.email); res.end(); });
      `,
      options: [{ sameSiteSuffices: false }],
      errors: [
        {
          messageId: 'missing',
          data: { method: 'POST', path: '/account', app: 'app', cookie: 'cookie-session', sameSite: " (sameSite: 'lax' on the cookie-session cookie does not count: sameSiteSuffices is off)" },
        },
      ],
      output: null,
    },
    // One short clause on every route, under the strict config's option: 'strict' on express-session (CommonJS), `true` (TS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.SECRET, cookie: { sameSite: 'strict' } }));
        app.post('/account', (req, res) => { req.session.email = String(req.body.email); res.end(); });
        app.delete('/account', (req, res) => { req.session.destroy(() => res.end()); });
      `,
      languageOptions: commonjs,
      options: [{ sameSiteSuffices: false }],
      errors: [
        {
          messageId: 'missing',
          data: { method: 'POST', path: '/account', app: 'app', cookie: 'express-session', sameSite: " (sameSite: 'strict' on the express-session cookie does not count: sameSiteSuffices is off)" },
          line: 5,
        },
        {
          messageId: 'missing',
          data: { method: 'DELETE', path: '/account', app: 'app', cookie: 'express-session', sameSite: " (sameSite: 'strict' on the express-session cookie does not count: sameSiteSuffices is off)" },
          line: 6,
        },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.SECRET!, cookie: { sameSite: true } }));
        app.post('/account', (req: Request, res: Response) => { req.session.touch(); res.end(); });
      `,
      filename: 'app.ts',
      options: [{ sameSiteSuffices: false }],
      errors: [
        {
          messageId: 'missing',
          data: { method: 'POST', path: '/account', app: 'app', cookie: 'express-session', sameSite: ' (sameSite: true on the express-session cookie does not count: sameSiteSuffices is off)' },
        },
      ],
      output: null,
    },
    // sameSite: false, through a const (TypeScript)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        const SAME_SITE = false;
        const app = express();
        app.use(session({ secret: process.env.SECRET!, cookie: { sameSite: SAME_SITE } }));
        app.post('/account', (req: Request, res: Response) => { req.session.touch(); res.end(); });
      `,
      filename: 'app.ts',
      errors: [
        {
          messageId: 'missing',
          data: { method: 'POST', path: '/account', app: 'app', cookie: 'express-session', sameSite: " (sameSite: false on the express-session cookie lets other sites' requests carry it)" },
        },
      ],
      output: null,
    },
  ],
});

runRuleTests('require-csrf-protection (tables19: routes registered in a loop over a route table)', rule, {
  valid: [
    // CSRF protection mounted before the loop covers each route of the table; the element's own handler through a
    // delegating arrow (ESM)
    {
      code: code`
        import express from 'express';
        import cookieParser from 'cookie-parser';
        import { csrfSync } from 'csrf-sync';
        const { csrfSynchronisedProtection } = csrfSync();
        const app = express();
        const routes = [{ method: 'post', path: '/profile', handler: (req, res) => res.json({ sid: req.cookies.sid }) }];
        app.use(cookieParser());
        app.use(csrfSynchronisedProtection);
        routes.forEach((r) => app[r.method](r.path, (req, res, next) => r.handler(req, res, next)));
        app.listen(3000);
      `,
    },
  ],
  invalid: [
    // Without it, each state-changing route of the table is reported at its path in the table (ESM, the element's
    // handler through a delegating arrow; TS, `for … of` with the element's middleware spread)
    {
      code: code`
        import express from 'express';
        import cookieParser from 'cookie-parser';
        const app = express();
        const routes = [
          { method: 'get', path: '/profile', handler: (req, res) => res.json({ sid: req.cookies.sid }) },
          { method: 'delete', path: '/profile', handler: (req, res) => res.json({ sid: req.cookies.sid }) },
        ];
        app.use(cookieParser());
        routes.forEach((r) => app[r.method](r.path, (req, res, next) => r.handler(req, res, next)));
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'DELETE', path: '/profile', app: 'app', cookie: 'cookie-parser' }, line: 6 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import cookieParser from 'cookie-parser';
        const app = express();
        const routes = [{ method: 'put', path: '/notes/:id', middlewares: [express.json({ limit: '10kb' })], handler: (req: Request, res: Response) => res.json(req.cookies) }];
        app.use(cookieParser());
        for (const r of routes) app[r.method](r.path, ...r.middlewares, r.handler);
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'PUT', path: '/notes/:id', app: 'app', cookie: 'cookie-parser' }, line: 4 }],
      output: null,
    },
  ],
});

// Session 26: a step that runs passport.authenticate(...) with its own req, res, next is that authenticate: a token
// one (`{ session: false }`) guards the route as the inline call does, a session one reads the session cookie.
runRuleTests('require-csrf-protection (a step that runs passport.authenticate)', rule, {
  valid: [
    // The token step inline, and as a function of the file (CommonJS).
    {
      code: code`
        const express = require('express');
        const cookieParser = require('cookie-parser');
        const passport = require('passport');
        const app = express();
        app.use(cookieParser());
        function requireJwt(req, res, next) {
          passport.authenticate('jwt', { session: false })(req, res, next);
        }
        app.post('/widgets', (req, res, next) => passport.authenticate('jwt', { session: false })(req, res, next), (req, res) => res.json({ owner: req.user.id }));
        app.post('/gadgets', requireJwt, (req, res) => res.json({ owner: req.user.id }));
      `,
      languageOptions: commonjs,
    },
    // ESM: returned, with a callback.
    code`
      import express from 'express';
      import cookieParser from 'cookie-parser';
      import passport from 'passport';
      const app = express();
      app.use(cookieParser());
      app.post('/items', (req, res, next) => {
        return passport.authenticate('bearer', { session: false }, (err, user) => (user ? next() : res.sendStatus(401)))(req, res, next);
      }, (req, res) => res.json({ by: req.user }));
    `,
    // TS: awaited, typed parameters.
    {
      code: code`
        import express, { type NextFunction, type Request, type Response } from 'express';
        import cookieParser from 'cookie-parser';
        import passport from 'passport';
        const app = express();
        app.use(cookieParser());
        const requireJwt = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
          await passport.authenticate('jwt', { session: false })(req, res, next);
        };
        app.put('/items/:id', requireJwt, (req: Request, res: Response) => res.json({ owner: (req.user as { id: string }).id }));
      `,
      filename: 'api.ts',
    },
  ],
  invalid: [
    // Only when no user is known (what runs depends on the request), or with another next: not read, the user may
    // come from the session cookie as before (CommonJS).
    {
      code: code`
        const express = require('express');
        const cookieParser = require('cookie-parser');
        const passport = require('passport');
        const app = express();
        app.use(cookieParser());
        app.post('/a', (req, res, next) => {
          if (req.user) return next();
          passport.authenticate('jwt', { session: false })(req, res, next);
        }, (req, res) => res.json({ owner: req.user.id }));
        app.post('/b', (req, res, next) => passport.authenticate('jwt', { session: false })(req, res, (err) => next(err)), (req, res) => res.json({ owner: req.user.id }));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/a', app: 'app', cookie: 'cookie-parser' }, line: 6 },
        { messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/b', app: 'app', cookie: 'cookie-parser' }, line: 10 },
      ],
    },
    // A session login step reads the session cookie as passport.authenticate('local') does, though the step's own
    // text reads nothing of it (ESM, TS).
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        import passport from 'passport';
        const app = express();
        app.use(session({ secret: process.env.SECRET, store: new (class {})() }));
        app.post('/login', (req, res, next) => {
          passport.authenticate('local', { successRedirect: '/', failureRedirect: '/login' })(req, res, next);
        });
      `,
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/login', app: 'app', cookie: 'express-session' }, line: 6 }],
    },
    {
      code: code`
        import express, { type NextFunction, type Request, type Response } from 'express';
        import session from 'express-session';
        import passport from 'passport';
        const app = express();
        app.use(session({ secret: process.env.SECRET!, store: new (class {})() as never }));
        function logIn(req: Request, res: Response, next: NextFunction): void {
          passport.authenticate('local', { successRedirect: '/' })(req, res, next);
        }
        app.post('/login', logIn);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missing', data: { sameSite: '', method: 'POST', path: '/login', app: 'app', cookie: 'express-session' }, line: 9 }],
    },
  ],
});
