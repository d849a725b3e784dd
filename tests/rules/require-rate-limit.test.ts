import rule from '../../src/rules/require-rate-limit';
import {
  RATE_LIMIT,
  arrowRoutesInConfigThenGuard,
  arrowRoutesThenGuard,
  arrowRoutesThenGuardTs,
  guardFirstClassApps,
  routesInConfigThenGuardTs,
} from '../helpers/class-apps';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

/** The report of a class app's login route (on `line`) registered before the class's limiter (RATE_LIMIT's). */
function loginBeforeClassLimiter(line: number) {
  return {
    messageId: 'mountedAfter' as const,
    data: { method: 'POST', path: '/login', app: 'this.app', limiter: 'rateLimit({ windowMs: 60_000, limit: 10 })', where: '' },
    line,
    suggestions: [],
  };
}

runRuleTests('require-rate-limit', rule, {
  valid: [
    // trial 25 D1: a limiter the app mounts before a router of express-promise-router runs for its routes
    {
      code: code`
        import express from 'express';
        import Router from 'express-promise-router';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const auth = Router();
        auth.post('/login', async (req, res) => res.json({}));
        app.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }), auth);
        app.listen(3000);
      `,
    },
    // ... and a factory of another package, of the same shape, makes nothing the rule knows
    {
      code: code`
        import express from 'express';
        import Router from 'other-router';
        const app = express();
        const auth = Router();
        auth.post('/login', async (req, res) => res.json({}));
        app.use('/auth', auth);
        app.listen(3000);
      `,
    },
    // loops18: routers mounted in a loop over a list the file shows are mounted as `app.use(path, router)` at the loop:
    // a limiter mounted before the loop runs for them (CommonJS: `for … of` an array of routers; ESM:
    // node-express-boilerplate's `defaultRoutes.forEach`; TS: `Object.entries` of an object literal)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const app = express();
        const auth = express.Router();
        auth.post('/login', (req, res) => res.json(req.body));
        app.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }));
        for (const r of [auth]) app.use('/auth', r);
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const authRoute = express.Router();
        authRoute.post('/login', (req, res) => res.json(req.body));
        const router = express.Router();
        const defaultRoutes = [
          { path: '/auth', route: authRoute },
        ];
        router.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }));
        defaultRoutes.forEach((route) => {
          router.use(route.path, route.route);
        });
        app.use('/v1', router);
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const auth = Router();
        auth.post('/login', (req: Request, res: Response) => res.json(req.body));
        app.use(rateLimit({ windowMs: 60_000, limit: 5 }));
        for (const [p, r] of Object.entries({ '/auth': auth })) app.use(p, r);
        app.listen(3000);
      `,
    },
    // loops18: a list the file does not show whole stays unknown: pushed to after it is written, or made by a call
    // (TS, CommonJS)
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        const app = express();
        const auth = Router();
        auth.post('/login', (req: Request, res: Response) => res.json(req.body));
        const routes: { path: string; route: Router }[] = [{ path: '/auth', route: auth }];
        routes.push({ path: '/more', route: Router() });
        routes.forEach((route) => app.use(route.path, route.route));
        app.listen(3000);
      `,
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        const auth = express.Router();
        auth.post('/login', (req, res) => res.json(req.body));
        routesOf({ auth }).forEach((route) => app.use(route.path, route.route));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // trial 25 D4: the typescript-express-starter layout in one file: route classes keep a router on their instances
    // (`router = Router()`, routes registered in the constructor with `${this.path}/login`), and the App class mounts
    // `route.router` of each in a loop over the list its one `new App([...])` hands the constructor (on through
    // `this.initializeRoutes(routes)`): a limiter the App mounts before the loop runs for those routes (TS); a loop
    // that mounts the instance itself (`use(route)`, not its router) mounts no router (CommonJS); an exported App, or
    // one made twice, may be handed other lists: the loop stays unknown (ESM)
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        interface Routes { path?: string; router: Router }
        class AuthRoute implements Routes {
          public path = '/auth';
          public router = Router();
          constructor() { this.initializeRoutes(); }
          private initializeRoutes() {
            this.router.post(\`\${this.path}/login\`, (req: Request, res: Response) => res.json(req.body));
          }
        }
        class App {
          public app: express.Application;
          constructor(routes: Routes[]) {
            this.app = express();
            this.initializeMiddlewares();
            this.initializeRoutes(routes);
          }
          public listen() { this.app.listen(3000); }
          private initializeMiddlewares() { this.app.use(rateLimit({ windowMs: 60_000, limit: 5 })); }
          private initializeRoutes(routes: Routes[]) {
            routes.forEach((route) => { this.app.use('/', route.router); });
          }
        }
        const app = new App([new AuthRoute()]);
        app.listen();
      `,
    },
    {
      code: code`
        const express = require('express');
        class AuthRoute {
          constructor() {
            this.router = express.Router();
            this.router.post('/auth/login', (req, res) => res.json({}));
          }
        }
        class App {
          constructor() {
            this.app = express();
            [new AuthRoute()].forEach((route) => this.app.use(route));
          }
          listen() { this.app.listen(3000); }
        }
        new App().listen();
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        class AuthRoute {
          router = express.Router();
          constructor() { this.router.post('/auth/login', (req, res) => res.json({})); }
        }
        export class App {
          constructor(routes) {
            this.app = express();
            routes.forEach((route) => this.app.use('/', route.router));
          }
          listen() { this.app.listen(3000); }
        }
        new App([new AuthRoute()]).listen();
      `,
    },
    {
      code: code`
        import express from 'express';
        class AuthRoute {
          router = express.Router();
          constructor() { this.router.post('/auth/login', (req, res) => res.json({})); }
        }
        class App {
          constructor(routes) {
            this.app = express();
            routes.forEach((route) => this.app.use('/', route.router));
          }
          listen() { this.app.listen(3000); }
        }
        new App([new AuthRoute()]).listen();
        new App([]).listen();
      `,
    },
    // session 20 (1): the App mounts each route's router on the instance's `path` field (`this.app.use(route.path,
    // route.router)` with `public path = '/auth'`): its routes answer under it, so a limiter on '/auth/login' before the
    // loop runs for POST /login of the router (TS, CommonJS)
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        interface Routes { path: string; router: Router }
        class AuthRoute implements Routes {
          public path = '/auth';
          public router = Router();
          constructor() { this.router.post('/login', (req: Request, res: Response) => res.json(req.body)); }
        }
        class App {
          public app: express.Application;
          constructor(routes: Routes[]) {
            this.app = express();
            this.app.use('/auth/login', rateLimit({ windowMs: 60_000, limit: 5 }));
            routes.forEach((route) => this.app.use(route.path, route.router));
          }
          public listen() { this.app.listen(3000); }
        }
        new App([new AuthRoute()]).listen();
      `,
    },
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        class AuthRoute {
          path = '/auth';
          router = express.Router();
          constructor() { this.router.post('/login', (req, res) => res.json(req.body)); }
        }
        class App {
          constructor(routes) {
            this.app = express();
            this.app.use('/auth/login', rateLimit({ windowMs: 60000, limit: 5 }));
            for (const route of routes) this.app.use(route.path, route.router);
          }
          listen() { this.app.listen(3000); }
        }
        new App([new AuthRoute()]).listen();
      `,
      languageOptions: commonjs,
    },
    // (A class that writes its path again mounts its router on a path not known: nothing is said of its routes. ESM.)
    {
      code: code`
        import express from 'express';
        class AuthRoute {
          path = '/auth';
          router = express.Router();
          constructor() { this.router.post('/login', (req, res) => res.json(req.body)); }
          version() { this.path = '/v2' + this.path; }
        }
        class App {
          constructor(routes) {
            this.app = express();
            routes.forEach((route) => this.app.use(route.path, route.router));
          }
          listen() { this.app.listen(3000); }
        }
        new App([new AuthRoute()]).listen();
      `,
    },
    // trial 22 r4: Express 5 paths with optional groups are authentication routes like their plain path; a limiter
    // before them counts; '.' joins words too, and other words stay other words
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        app.post('/catalogue.json', (req, res) => res.json(req.body));
        app.post('/authors{/:id}', (req, res) => res.json(req.body));
        app.use(rateLimit({ windowMs: 60000, limit: 5 }));
        app.post('/login{/}', (req, res) => res.json(req.body));
        app.post('/signin{.:ext}', (req, res) => res.json(req.body));
        app.listen(3000);
      `,
    },
    // trial 21 r1: a limiter on a parameter prefix (`/t/:tenant`) or on the route's own prefix may run for a route with
    // parameters: not reported (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const app = express();
        app.use('/t/:tenant', rateLimit({ limit: 5 }));
        app.use('/:section/password', rateLimit({ limit: 5 }));
        app.post('/t/:tenant/login', (req, res) => res.json(req.body));
        app.post('/users/password/:token', (req, res) => res.json(req.body));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        app.use('/t', rateLimit({ limit: 5 }));
        app.post('/t/:tenant/login', (req: Request, res: Response) => res.json(req.body));
        app.listen(3000);
      `,
    },
    // trial 17 (firebase-tools' storage emulator, compiled): '/internal/reset' resets the emulator's state; its handler
    // reads nothing of the request, so it takes no password or token whatever its last word says ('reset', 'token' and
    // 'auth' alone name many other things); also with no request parameter at all, and on a router
    {
      code: code`
        const express_1 = __importDefault(require('express'));
        const app = (0, express_1.default)();
        app.post('/internal/reset', (req, res) => {
          emulator.reset();
          res.sendStatus(200);
        });
        app.delete('/cache/token', () => cache.clear());
        const router = express_1.default.Router();
        router.put('/auth', function (_req, res) { res.json(providers); });
        app.use('/admin', router);
        app.listen(9199);
      `,
      languageOptions: commonjs,
    },
    // Class apps (session 10) that mount the limiter before the login route: the constructor runs arrow-function fields
    // in its order, and a method called from a method the constructor runs runs where that call is (TS, ESM)
    ...guardFirstClassApps(RATE_LIMIT),
    // A limiter read from a const object whose other key the file writes (trial 15): only the written key is unknown
    code`
      import express from 'express';
      import rateLimit from 'express-rate-limit';
      const limits = { login: rateLimit({ limit: 5 }), api: rateLimit({ limit: 100 }) };
      if (process.env.NO_LOGIN_LIMIT) limits.login = (req, res, next) => next();
      const app = express();
      app.post('/otp', limits.api, (req, res) => res.sendStatus(204));
      app.listen(3000);
    `,
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const limits = { login: rateLimit({ limit: 5 }), api: rateLimit({ limit: 100 }) };
        limits.login.skip = () => false;
        const { api } = limits;
        const app = express();
        app.post('/otp', api, (req, res) => res.sendStatus(204));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { rateLimit } from 'express-rate-limit';
        const limits = { login: rateLimit({ limit: 5 }), api: rateLimit({ limit: 100 }) };
        if (process.env.OFF) limits.login = rateLimit({ limit: 1000 });
        const app = express();
        app.post('/verify', limits.api, (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'app.ts',
    },
    // A limiter bound by destructuring an object literal, or read from a `const` object of the file (trial 13):
    // CommonJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const { login: gate } = { login: rateLimit({ windowMs: 60000, limit: 5 }) };
        const limits = { auth: { signin: rateLimit({ windowMs: 60000, limit: 5 }) } };
        const { auth: { signin } } = limits;
        const app = express();
        app.post('/login', gate, (req, res) => res.end());
        app.post('/signin', signin, (req, res) => res.end());
        app.post('/token', limits.auth.signin, (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const strict = rateLimit({ windowMs: 60000, limit: 5 });
        const limits = { strict, loose: rateLimit({ windowMs: 60000, limit: 100 }) };
        const { strict: gate = strict } = limits;
        const app = express();
        app.post('/login', gate, (req, res) => res.end());
        app.post('/signup', limits.strict, (req, res) => res.end());
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        const limits = { login: rateLimit({ windowMs: 60000, limit: 5 }) } as const;
        const { login } = limits;
        const app = express();
        app.post('/login', login, (req: Request, res: Response) => { res.end(); });
        app.post('/signin', limits.login, (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'app.ts',
    },
    // An array of paths in a `const` of the file, nested arrays and spreads, read as Express flattens them (trial 13);
    // an empty array answers on no path; an array the file changes (`splice`) is not read. CommonJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const { rateLimit } = require('express-rate-limit');
        const AUTH = ['/login', '/signin'];
        const OTHER = ['/items', ['/things']];
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        const app = express();
        app.post(AUTH, limiter, (req, res) => res.end());
        app.post([...AUTH, ['/token']], limiter, (req, res) => res.end());
        app.post([OTHER, ...OTHER], (req, res) => res.end());
        app.post([], (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const AUTH = ['/login', '/signin'];
        const SOME = ['/signup'];
        SOME.splice(0, 1, '/items');
        const app = express();
        app.use(AUTH, rateLimit({ windowMs: 60000, limit: 5 }));
        app.post([AUTH], (req, res) => res.end());
        app.post(SOME, (req, res) => res.end());
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { rateLimit } from 'express-rate-limit';
        const AUTH = ['/login', '/signin'] as const;
        const app = express();
        app.all(AUTH, rateLimit({ windowMs: 60000, limit: 5 }));
        app.post([...AUTH], (req: Request, res: Response) => { res.end(); });
        app.post([] as string[], (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'server.ts',
    },
    // An array of paths (trial 12 M5): a limiter that runs on each of them protects the route; CommonJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const { rateLimit } = require('express-rate-limit');
        const app = express();
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        app.post(['/login', '/signin'], limiter, (req, res) => res.end());
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json(grant(req.body)));
        app.use(['/auth', '/v1/auth'], limiter, auth);
        app.post(['/items', '/things'], (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        app.all(['/login', '/signin'], limiter);
        app.post(['/login', '/signin'], (req, res) => res.end());
        app.use(['/auth', '/v1/auth'], limiter);
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json(grant(req.body)));
        app.use(['/auth', '/v1/auth'], auth);
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        app.use(['/login', '/signin'], rateLimit({ windowMs: 60000, limit: 5 }));
        app.post(['/login', '/signin'], (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'server.ts',
    },
    // Limiters in an array that a function of the file returns, or in a ?: of arrays (trial 11): CommonJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const app = express();
        const isTest = process.env.NODE_ENV === 'test';
        const limits = (n) => [rateLimit({ windowMs: 60000, limit: n })];
        const maybe = (n) => (isTest ? [] : [rateLimit({ windowMs: 60000, limit: n })]);
        const prodOnly = isTest ? [] : [rateLimit({ windowMs: 60000, limit: 3 })];
        app.post('/a/login', limits(3), (req, res) => res.end());
        app.post('/b/login', ...limits(3), (req, res) => res.end());
        app.post('/c/login', maybe(3), (req, res) => res.end());
        app.post('/d/login', prodOnly, (req, res) => res.end());
        app.post('/e/login', ...prodOnly, (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express, { type RequestHandler } from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        function guards(): RequestHandler[] {
          return [rateLimit({ windowMs: 60000, limit: 5 })];
        }
        app.post('/login', guards(), (req, res) => { res.end(); });
        app.post('/signup', process.env.CI ? [] : [rateLimit({ windowMs: 60000, limit: 5 })], (req, res) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'server.ts',
    },
    // trial 27: a spread of what a call of another package returns is a list of middleware the rule cannot read: tsoa's
    // generated routes spread `fetchMiddlewares(...)`, which holds the controller's `@Middlewares(loginLimiter)`, so the
    // route's chain is unknown (TS as tsoa writes it; CommonJS)
    {
      code: code`
        import type { Request as ExRequest, Response as ExResponse, RequestHandler, Router } from 'express';
        import { fetchMiddlewares, ExpressTemplateService } from '@tsoa/runtime';
        import { AuthController } from './../controllers/authController';
        const templateService = new ExpressTemplateService({}, {});
        export function RegisterRoutes(app: Router) {
          app.post('/auth/login',
            ...(fetchMiddlewares<RequestHandler>(AuthController)),
            ...(fetchMiddlewares<RequestHandler>(AuthController.prototype.login)),
            async function AuthController_login(request: ExRequest, response: ExResponse, next: any) {
              const controller = new AuthController();
              await templateService.apiHandler({ methodName: 'login', controller, response, next, validatedArgs: [] });
            });
        }
      `,
      filename: 'src/routes/routes.ts',
    },
    {
      code: code`
        const express = require('express');
        const { guards } = require('some-guards');
        const app = express();
        app.post('/login', ...guards('login'), (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // all() on a wildcard under a prefix with a named parameter covers every value of it (trial 10)
    {
      code: code`
        const express = require('express');
        const { rateLimit } = require('express-rate-limit');
        const app = express();
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        app.all('/x/:id/*', limiter);
        app.post('/x/:id/reset-password', (req, res) => res.end());
        app.post('/x/42/reset-password', (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // Words that name many things (reset, token, auth) make an authentication route alone as a segment or joined to a
    // word of credentials; not in other compounds (trial 14: @actual-app/sync-server) — CommonJS, ESM, TypeScript
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/reset-user-file', (req, res) => res.json({ reset: String(req.body.fileId) }));
        app.post('/create-web-token', (req, res) => res.json({ link: 'https://bank.example/link' }));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/auth-callback', (req, res) => res.redirect('/'));
        app.put('/push-token', (req, res) => res.end());
        app.delete('/cache/reset-all', (req, res) => res.end());
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post('/csrf-token', (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'routes.ts',
    },
    // Middleware added with all() runs for every method on its path before the routes after it: `all(limiter)` counts,
    // and an all() that only holds middleware answers no request (trial 9: route-all-limiter)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        const app = express();
        app.route('/signup').all(limiter).post((req, res) => res.redirect('/'));
        app.all('/login', limiter);
        app.post('/login', (req, res) => res.redirect('/'));
        app.all('/api/*', limiter);
        app.post('/api/auth/token', (req, res) => res.end());
        app.all('/Reset-Password/', (req, res, next) => next(), limiter);
        app.post('/reset-password', (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        app.all('/{*splat}', rateLimit({ windowMs: 60000, limit: 100 }));
        app.post('/login', (req, res) => res.end());
        const router = express.Router();
        router.all('/login', rateLimit({ windowMs: 60000, limit: 5 }));
        router.post('/login', (req, res) => res.end());
        app.use('/auth', router);
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        app.all('*', rateLimit({ windowMs: 60000, limit: 100 }));
        app.post('/login', (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'app.ts',
    },
    // Signing out takes no credentials: not an authentication route, even under /auth (trial 9)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/auth/logout', (req, res) => req.session.destroy(() => res.end()));
        app.post('/api/users/sign-out/', (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // Methods of a class that the constructor does not call run in an order the class does not show (here the limiter's
    // method runs first): the route's chain is unknown
    {
      code: code`
        const express = require('express');
        const { rateLimit } = require('express-rate-limit');
        class Server {
          init() {
            this.app = express();
          }
          routes() {
            this.app.post('/login', (req, res) => res.end());
          }
          security() {
            this.app.use(rateLimit({ windowMs: 60_000, limit: 10 }));
          }
        }
        const server = new Server();
        server.init();
        server.security();
        server.routes();
        server.app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // An app kept on a class instance: the limiter its middleware method mounts runs before the routes method's login
    {
      code: code`
        import express, { type Application, type Request, type Response } from 'express';
        import { rateLimit } from 'express-rate-limit';
        class App {
          public app: Application;
          constructor() {
            this.app = express();
            this.middleware();
            this.routes();
          }
          private middleware(): void {
            this.app.use(rateLimit({ windowMs: 60_000, limit: 10 }));
          }
          private routes(): void {
            this.app.post('/login', (req: Request, res: Response) => { res.end(); });
          }
        }
        new App().app.listen(3000);
      `,
    },
    // regression (Ghost members app): limiters kept in a namespace object named for them,
    // `shared.middleware.brute.otcVerification`, are limiters (CommonJS)
    { code: code`
        const express = require('express');
        const shared = require('../shared');
        const app = express();
        app.post('/api/verify-otc', shared.middleware.brute.otcVerificationEnumeration, shared.middleware.brute.otcVerification, (req, res) => res.end());
      `, languageOptions: commonjs },
    // regression: a sub-app mounted behind the serving app's limiter takes that app's chain (ESM)
    code`
      import express from 'express';
      import rateLimit from 'express-rate-limit';
      const root = express();
      const auth = express();
      auth.post('/login', (req, res) => res.end());
      root.use(rateLimit({ limit: 5 }));
      root.use('/auth', auth);
      root.listen(3000);
    `,
    // app-wide limiter mounted before the route (CommonJS)
    { code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const app = express();
        app.use(rateLimit({ windowMs: 60000, limit: 10 }));
        app.post('/login', (req, res) => res.end());
      `, languageOptions: commonjs },
    // limiter in the route's own arguments, through a const, named import
    code`
      import express from 'express';
      import { rateLimit } from 'express-rate-limit';
      const loginLimiter = rateLimit({ limit: 5 });
      const app = express();
      app.post('/login', loginLimiter, (req, res) => res.end());
    `,
    // nested arrays of middleware
    code`
      import express from 'express';
      import slowDown from 'express-slow-down';
      const app = express();
      const guards = [[slowDown({ delayAfter: 1 })]];
      app.post('/api/auth/token', guards, (req, res) => res.end());
    `,
    // a matching path prefix
    code`
      import express from 'express';
      import rateLimit from 'express-rate-limit';
      const app = express();
      app.use('/auth', rateLimit());
      app.post('/auth/login', (req, res) => res.end());
    `,
    // a router with its own limiter
    code`
      import express, { Router } from 'express';
      import rateLimit from 'express-rate-limit';
      const router = Router();
      router.use(rateLimit());
      router.post('/signin', (req, res) => res.end());
      const app = express();
      app.use('/account', router);
    `,
    // a router mounted under an app that has the limiter in the mount
    code`
      import express from 'express';
      import rateLimit from 'express-rate-limit';
      const app = express();
      const authRouter = express.Router();
      authRouter.post('/login', (req, res) => res.end());
      app.use('/auth', rateLimit(), authRouter);
    `,
    // trial 24 R7: a route object held in a const, with a limiter on its route; one held in a `let` written again, or
    // handed to a function, is not followed (CommonJS)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        const app = express();
        const login = app.route('/login');
        login.get((req, res) => res.send('form'));
        login.post(limiter, (req, res) => res.end());
        let signin = app.route('/signin');
        signin = app.route('/elsewhere');
        signin.post((req, res) => res.end());
        const signup = app.route('/signup');
        register(signup);
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // app.route(path).post(...) with a limiter
    code`
      import * as e from 'express';
      import rateLimit from 'express-rate-limit';
      const limiter = rateLimit();
      const app = e.default();
      app.route('/login').get((req, res) => res.end()).post(limiter, (req, res) => res.end());
    `,
    // express-brute
    { code: code`
        const express = require('express');
        const ExpressBrute = require('express-brute');
        const brute = new ExpressBrute(new ExpressBrute.MemoryStore());
        const app = express();
        app.post('/password/reset', brute.prevent, (req, res) => res.end());
      `, languageOptions: commonjs },
    // rate-limiter-flexible: a middleware that consumes
    code`
      import express from 'express';
      import { RateLimiterMemory } from 'rate-limiter-flexible';
      const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
      function limit(req, res, next) {
        limiter.consume(req.ip).then(() => next()).catch(() => res.status(429).end());
      }
      const app = express();
      app.post('/login', limit, (req, res) => res.end());
    `,
    // a middleware of the user's own, named as a limiter
    code`
      import express from 'express';
      import { loginThrottle } from './middleware/security';
      const app = express();
      app.post('/login', loginThrottle, (req, res) => res.end());
    `,
    // named in the rule's options
    {
      code: code`
        import express from 'express';
        import { guard } from './middleware/security';
        const app = express();
        app.use(guard());
        app.post('/login', (req, res) => res.end());
      `,
      options: [{ limiters: ['guard'] }],
    },
    // named in settings, as middleware applied by a module of its own
    {
      code: code`
        import express from 'express';
        import protect from '@acme/edge';
        const app = express();
        app.use(protect);
        app.post('/signup', (req, res) => res.end());
      `,
      settings: { 'secure-express': { middleware: { rateLimit: ['@acme/edge'] } } },
    },
    // settings say every app and router of these files gets a limiter upstream
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => res.end());
      `,
      settings: { 'secure-express': { upstream: ['rateLimit'] } },
    },
    // a routes file: its router leaves the file, so the mount may add a limiter
    { code: code`
        const { Router } = require('express');
        const router = Router();
        router.post('/login', (req, res) => res.end());
        module.exports = router;
      `, languageOptions: commonjs },
    // an app passed to unknown code before the route: that code may mount a limiter first
    code`
      import express from 'express';
      import { applySecurity } from './security';
      export const app = express();
      applySecurity(app);
      app.post('/login', (req, res) => res.end());
    `,
    // an exported app stored in an object handed to unknown code before the route
    { code: code`
        const express = require('express');
        const app = express();
        const ctx = { app };
        plugins.forEach((plugin) => plugin(ctx));
        app.post('/login', (req, res) => res.end());
        module.exports = app;
      `, languageOptions: commonjs },
    // Express 5 exposes the app's router: code given app.router can mount a limiter before the route
    code`
      import express from 'express';
      const app = express();
      mountLimiters(app.router);
      app.post('/login', (req, res) => res.end());
    `,
    // not an auth route; a login form (GET); a word that only contains "auth"
    code`
      import express from 'express';
      const app = express();
      app.post('/authors', (req, res) => res.end());
      app.get('/login', (req, res) => res.end());
      app.post('/catalogue', (req, res) => res.end());
    `,
    // a limiter on another path does not matter for a non-auth route
    code`
      import express from 'express';
      const app = express();
      app.post('/orders', (req, res) => res.end());
    `,
    // a dynamic path is not guessed about
    code`
      import express from 'express';
      const app = express();
      const path = process.env.LOGIN_PATH;
      app.post(path, (req, res) => res.end());
    `,
    // authPaths option replaces the list
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => res.end());
      `,
      options: [{ authPaths: ['session'] }],
    },
    // TS import-equals
    {
      code: code`
        import express = require('express');
        import rateLimit = require('express-rate-limit');
        const app = express();
        app.use(rateLimit({ limit: 10 }) as express.RequestHandler);
        app.post('/login', (req: express.Request, res: express.Response) => res.end());
      `,
      filename: 'app.ts',
    },
    // trial 19 (r2): paths built from constants are the strings they evaluate to: a limiter mounted at the evaluated
    // prefix runs for the route (CommonJS: a template of a `const`; ESM: `+`, and `[...].join('/')`; TS: an enum member
    // and a property of an `as const` object)
    {
      name: 'paths from constants: a limiter mounted at the evaluated prefix (CommonJS, template)',
      code: code`
        const express = require('express');
        const { rateLimit } = require('express-rate-limit');
        const API = '/api/v1';
        const app = express();
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json({ t: req.body.token }));
        app.use(\`\${API}/auth\`, rateLimit({ limit: 5 }));
        app.use(\`\${API}/auth\`, auth);
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      name: 'paths from constants: a limiter mounted at the evaluated prefix (ESM, + and join)',
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const API = '/api/v1';
        const app = express();
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json({ t: req.body.token }));
        app.use([API, 'auth'].join('/'), rateLimit({ limit: 5 }));
        app.use(API + '/auth', auth);
        app.listen(3000);
      `,
    },
    {
      name: 'paths from constants: a limiter mounted at the evaluated prefix (TS, enum member and as const object)',
      code: code`
        import express, { type Request, type Response } from 'express';
        import { rateLimit } from 'express-rate-limit';
        enum Paths { Api = '/api/v1', Login = '/login' }
        const Mounts = { Auth: \`\${Paths.Api}/auth\` } as const;
        const app = express();
        const auth = express.Router();
        auth.post(Paths.Login, (req: Request, res: Response) => res.json({ t: req.body.token }));
        app.use(Mounts.Auth, rateLimit({ limit: 5 }));
        app.use(Mounts.Auth, auth);
        app.listen(3000);
      `,
      filename: 'app.ts',
    },
    // trial 41v: an enum compiled by oxc whose member the file writes again, or that it hands to a call, holds no one
    // path: the route's path stays unknown (and so does whether it is an authentication route)
    {
      name: 'paths from constants: an oxc-compiled enum written again or handed on stays unknown (CommonJS)',
      code: code`
        const express = require('express');
        var Paths = function(Paths) {
          Paths["Login"] = "/login";
          return Paths;
        }({});
        Paths.Login = process.env.LOGIN_PATH;
        var Other = function(Other) {
          Other["Login"] = "/login";
          return Other;
        }({});
        configurePaths(Other);
        const app = express();
        app.post(Paths.Login, function(req, res) { res.json({ t: req.body.token }); });
        app.post(Other.Login, function(req, res) { res.json({ t: req.body.token }); });
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // ... but not a path that may hold something else: a reassigned \`let\`, a parameter, a property the file writes,
    // a call's result (the route's full path is unknown: nothing is said)
    {
      name: 'paths from constants: a let, a parameter, a written property, a call stay unknown (CommonJS)',
      code: code`
        const express = require('express');
        const { rateLimit } = require('express-rate-limit');
        let API = '/api/v1';
        if (process.env.V2) API = '/api/v2';
        const Mounts = { Auth: '/auth' };
        Mounts.Auth = process.env.AUTH_PATH;
        const app = express();
        app.use('/api/v1/auth/login', rateLimit({ limit: 5 }));
        function mount(prefix, router) { app.use(\`\${prefix}/auth\`, router); }
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json({ t: req.body.token }));
        app.use(\`\${API}/auth\`, auth);
        app.use(\`/api/v1\${Mounts.Auth}\`, auth);
        mount('/api/v1', auth);
        app.post(pathOf('login'), (req, res) => res.json({ t: req.body.token }));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      name: 'paths from constants: a let, a parameter, a written property stay unknown (TS)',
      code: code`
        import express, { type Request, type Response, type Router } from 'express';
        import { rateLimit } from 'express-rate-limit';
        let API = '/api/v1';
        export function configure(v: string): void { API = v; }
        const Mounts = { Auth: '/auth' };
        Object.assign(Mounts, JSON.parse(process.env.MOUNTS ?? '{}'));
        const app = express();
        app.use('/api/v1/auth/login', rateLimit({ limit: 5 }));
        const auth = express.Router();
        auth.post('/token', (req: Request, res: Response) => res.json({ t: req.body.token }));
        app.use(API + '/auth', auth);
        app.use('/api/v1' + Mounts.Auth, auth);
        export function mount(prefix: string, router: Router): void { app.use(prefix + '/auth', router); }
        app.listen(3000);
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    // trial 27: a spread the rule reads is no unknown list: an array literal, a `const` array, the array a function of
    // the file returns, each without a limiter; and a call of another package that is not spread is one middleware
    {
      code: code`
        const express = require('express');
        const { guard } = require('some-guards');
        const app = express();
        const parsers = [express.json({ limit: '10kb' })];
        const more = () => [express.urlencoded({ extended: false, limit: '10kb' })];
        app.post('/a/login', ...[express.json({ limit: '10kb' })], (req, res) => res.end());
        app.post('/b/login', ...parsers, (req, res) => res.end());
        app.post('/c/login', ...more(), (req, res) => res.end());
        app.post('/d/login', guard('login'), (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/a/login', app: 'app' }, line: 6, suggestions: [] },
        { messageId: 'missing', data: { method: 'POST', path: '/b/login', app: 'app' }, line: 7, suggestions: [] },
        { messageId: 'missing', data: { method: 'POST', path: '/c/login', app: 'app' }, line: 8, suggestions: [] },
        { messageId: 'missing', data: { method: 'POST', path: '/d/login', app: 'app' }, line: 9, suggestions: [] },
      ],
    },
    // ... nor a spread of what a package the plugin knows returns: express-validator's checkSchema() makes validation
    // chains, no limiter
    {
      code: code`
        import express from 'express';
        import { checkSchema } from 'express-validator';
        const app = express();
        app.post('/login', ...checkSchema({ email: { isEmail: true } }), (req, res) => res.end());
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 4, suggestions: [] }],
    },
    // trial 25 D1: a router of express-promise-router (its default import, require() of it, `new`) is an Express router:
    // its routes get the app's mount path and chain (ESM, CommonJS)
    {
      code: code`
        import express from 'express';
        import Router from 'express-promise-router';
        const app = express();
        const auth = Router();
        auth.post('/forgot-password', async (req, res) => res.status(204).end());
        app.use('/auth', auth);
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/forgot-password', app: 'auth' }, line: 5, suggestions: [] }],
    },
    {
      code: code`
        const express = require('express');
        const PromiseRouter = require('express-promise-router');
        const app = express();
        const auth = new PromiseRouter();
        const api = PromiseRouter.default();
        auth.post('/login', async (req, res) => res.json({}));
        api.post('/reset-password', async (req, res) => res.json({}));
        app.use('/auth', auth);
        app.use('/api', api);
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'auth' }, line: 6, suggestions: [] },
        { messageId: 'missing', data: { method: 'POST', path: '/api/reset-password', app: 'api' }, line: 7, suggestions: [] },
      ],
    },
    // trial 24 R7: `const login = app.route('/login'); login.post(h)` registers the route as the chained form does, on an
    // app or a router, chained on from the const too (CommonJS, ESM, TypeScript). (Each route on the line of its
    // route object: the finding's line is the same whether it is reported at the path or at the method.)
    {
      code: code`
        const express = require('express');
        const app = express();
        const router = express.Router();
        const login = app.route('/login'); login.get((req, res) => res.send('form')); login.post((req, res) => res.end());
        const signin = router.route('/signin'); signin.get((req, res) => res.end()).post((req, res) => res.json({}));
        app.use('/auth', router);
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 4, suggestions: [] },
        { messageId: 'missing', data: { method: 'POST', path: '/auth/signin', app: 'router' }, line: 5, suggestions: [] },
      ],
    },
    // re-trial 24 N2: a const holding what a route method returns (the route object) is the route too (ESM)
    {
      code: code`
        import express from 'express';
        const app = express();
        const signin = app.route('/signin').get((req, res) => res.send('form'));
        signin.post((req, res) => res.end());
        export default app;
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 4, column: 8, suggestions: [] }],
    },
    {
      code: code`
        import express, { type IRoute, type Request, type Response } from 'express';
        const app = express();
        const signin: IRoute = app.route('/signin'); signin.post((req: Request, res: Response) => res.end());
        export default app;
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 3, suggestions: [] }],
    },
    // loops18: a router mounted in a loop gets the path of its element and the chain before the loop: a limiter
    // mounted after the loop never runs for it (CommonJS, `Object.entries`), one on another prefix neither (ESM,
    // node-express-boilerplate's `defaultRoutes.forEach`); a path made from a key names it (TS, `Object.keys`)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const app = express();
        const auth = express.Router();
        auth.post('/login', (req, res) => res.json({ ok: true }));
        for (const [p, r] of Object.entries({ '/auth': auth })) app.use(p, r);
        app.use(rateLimit({ windowMs: 60000, limit: 5 }));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'mountedAfter',
          data: { method: 'POST', path: '/auth/login', app: 'auth', limiter: 'rateLimit({ windowMs: 60000, limit: 5 })', where: '' },
          line: 5,
          suggestions: [],
        },
      ],
    },
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const authRoute = express.Router();
        authRoute.post('/login', (req, res) => res.json({ ok: true }));
        const router = express.Router();
        const defaultRoutes = [
          { path: '/auth', route: authRoute },
        ];
        router.use('/users', rateLimit({ windowMs: 60000, limit: 5 }));
        defaultRoutes.forEach((route) => {
          router.use(route.path, route.route);
        });
        app.use('/v1', router);
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/v1/auth/login', app: 'authRoute' }, line: 5, suggestions: [] }],
    },
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const auth = Router();
        auth.post('/login', (req: Request, res: Response) => res.json({ ok: true }));
        const account = Router();
        account.post('/reset-password', (req: Request, res: Response) => res.json({ ok: true }));
        const routers: Record<string, Router> = { auth, account };
        app.use('/auth', rateLimit({ windowMs: 60_000, limit: 5 }));
        Object.keys(routers).forEach((name) => app.use('/' + name, routers[name]!));
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/account/reset-password', app: 'account' }, line: 7, suggestions: [] }],
    },
    // trial 25 D4: a route class's router that the App mounts in a loop over `[new AuthRoute()]` is mounted there,
    // with the App's chain before the loop: no limiter before it (CommonJS `this.router = express.Router()` in the
    // constructor, the loop over a literal list), one mounted after the loop never runs for it (ESM, the list its one
    // `new App([...])` hands the constructor); the typescript-express-starter layout in one file (TS: fields `path =
    // '/auth'` and `router = Router()`, `${this.path}/login`, the list handed on by `this.initializeRoutes(routes)`)
    {
      code: code`
        const express = require('express');
        class AuthRoute {
          constructor() {
            this.router = express.Router();
            this.router.post('/auth/login', (req, res) => res.json({}));
          }
        }
        class App {
          constructor() {
            this.app = express();
            this.app.use(express.json());
            [new AuthRoute()].forEach((route) => this.app.use('/', route.router));
          }
          listen() { this.app.listen(3000); }
        }
        new App().listen();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'this.router' }, line: 5, suggestions: [] }],
    },
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        class AuthRoute {
          router = express.Router();
          constructor() { this.router.post('/auth/login', (req, res) => res.json({})); }
        }
        class App {
          constructor(routes) {
            this.app = express();
            routes.forEach((route) => this.app.use('/', route.router));
            this.app.use(rateLimit({ windowMs: 60000, limit: 5 }));
          }
          listen() { this.app.listen(3000); }
        }
        new App([new AuthRoute()]).listen();
      `,
      errors: [
        {
          messageId: 'mountedAfter',
          data: { method: 'POST', path: '/auth/login', app: 'this.router', limiter: 'rateLimit({ windowMs: 60000, limit: 5 })', where: '' },
          line: 5,
          suggestions: [],
        },
      ],
    },
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        interface Routes { path?: string; router: Router }
        class IndexRoute implements Routes {
          public path = '/';
          public router = Router();
          constructor() { this.initializeRoutes(); }
          private initializeRoutes() { this.router.get(\`\${this.path}\`, (req: Request, res: Response) => res.send('ok')); }
        }
        class AuthRoute implements Routes {
          public path = '/auth';
          public router = Router();
          constructor() { this.initializeRoutes(); }
          private initializeRoutes() {
            this.router.post(\`\${this.path}/signup\`, (req: Request, res: Response) => res.json(req.body));
            this.router.post(\`\${this.path}/login\`, (req: Request, res: Response) => res.json(req.body));
          }
        }
        class App {
          public app: express.Application;
          constructor(routes: Routes[]) {
            this.app = express();
            this.initializeMiddlewares();
            this.initializeRoutes(routes);
          }
          public listen() { this.app.listen(3000); }
          private initializeMiddlewares() { this.app.use(express.json()); }
          private initializeRoutes(routes: Routes[]) {
            routes.forEach((route) => {
              this.app.use('/', route.router);
            });
          }
        }
        const app = new App([new IndexRoute(), new AuthRoute()]);
        app.listen();
      `,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/auth/signup', app: 'this.router' }, line: 14, suggestions: [] },
        { messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'this.router' }, line: 15, suggestions: [] },
      ],
    },
    // session 20 (1): mounted on the instance's `path` field, the routes are named with it; a limiter on another path
    // does not run for them (TS, CommonJS)
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        interface Routes { path: string; router: Router }
        class AuthRoute implements Routes {
          public path = '/auth';
          public router = Router();
          constructor() { this.router.post('/signup', (req: Request, res: Response) => res.json(req.body)); }
        }
        class App {
          public app: express.Application;
          constructor(routes: Routes[]) {
            this.app = express();
            this.app.use('/auth/login', rateLimit({ windowMs: 60_000, limit: 5 }));
            routes.forEach((route) => this.app.use(route.path, route.router));
          }
          public listen() { this.app.listen(3000); }
        }
        new App([new AuthRoute()]).listen();
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/signup', app: 'this.router' }, line: 7, suggestions: [] }],
    },
    {
      code: code`
        const express = require('express');
        class AuthRoute {
          path = '/auth';
          router = express.Router();
          constructor() { this.router.post('/login', (req, res) => res.json(req.body)); }
        }
        class App {
          constructor(routes) {
            this.app = express();
            routes.forEach((route) => this.app.use(route.path, route.router));
          }
          listen() { this.app.listen(3000); }
        }
        new App([new AuthRoute()]).listen();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'this.router' }, line: 5, suggestions: [] }],
    },
    // trial 22 r4: an optional group in the authentication segment ('/login{/}', '/signin{.:ext}') hides no login
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login{/}', (req, res) => res.json(req.body));
        app.post('/signin{.:ext}', (req, res) => res.json(req.body));
        app.listen(3000);
      `,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/login{/}', app: 'app' }, line: 3, suggestions: [] },
        { messageId: 'missing', data: { method: 'POST', path: '/signin{.:ext}', app: 'app' }, line: 4, suggestions: [] },
      ],
    },
    // trial 22 r5: a limiter mounted later on '/safe/{*rest}' never runs for '/api{/v1}/signin' (its first segment is
    // the plain 'api'): no limiter before it, not one "mounted after" it; it does run for '/safe{/v1}/login' (CommonJS)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const app = express();
        app.post('/api{/v1}/signin', (req, res) => res.json(req.body));
        app.post('/api/:v/signin', (req, res) => res.json(req.body));
        app.use('/safe/{*rest}', rateLimit({ limit: 5 }));
        app.post('/safe{/v1}/login', (req, res) => res.json(req.body));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/api{/v1}/signin', app: 'app' }, line: 4, suggestions: [] },
        { messageId: 'missing', data: { method: 'POST', path: '/api/:v/signin', app: 'app' }, line: 5, suggestions: [] },
      ],
    },
    // trial 21 r1: a limiter on another path does not run for a route with parameters (`/admin` and `/t/:tenant/login`:
    // their first segments differ), which used to count as covered (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const app = express();
        app.use('/admin', rateLimit({ limit: 5 }));
        app.post('/t/:tenant/login', (req, res) => res.json(req.body));
        app.post('/login', (req, res) => res.json(req.body));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/t/:tenant/login', app: 'app' }, line: 5 },
        { messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 6 },
      ],
    },
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        app.use('/t/acme', rateLimit({ limit: 5 }));
        app.post('/t/:tenant/login', (req, res) => res.json(req.body));
        app.post('/u/:id/password/reset', (req, res) => res.json(req.body));
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/u/:id/password/reset', app: 'app' }, line: 6 }],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        app.use('/admin', rateLimit({ limit: 5 }));
        app.post('/t/:tenant/login', (req: Request, res: Response) => res.json(req.body));
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/t/:tenant/login', app: 'app' }, line: 5 }],
    },
    // Class apps whose methods are fields holding arrow functions (session 10): the constructor runs the login route's
    // method before the limiter's (TS, ESM)
    {
      code: arrowRoutesThenGuardTs(RATE_LIMIT),
      filename: 'server.ts',
      errors: [loginBeforeClassLimiter(14)],
      output: null,
    },
    {
      code: arrowRoutesThenGuard(RATE_LIMIT, 'middleware'),
      filename: 'server.mjs',
      errors: [loginBeforeClassLimiter(13)],
      output: null,
    },
    // Class apps: a method called from a method the constructor runs runs where that call is: the login route before
    // the limiter (TS, ESM)
    {
      code: routesInConfigThenGuardTs(RATE_LIMIT),
      filename: 'app.ts',
      errors: [loginBeforeClassLimiter(13)],
      output: null,
    },
    {
      code: arrowRoutesInConfigThenGuard(RATE_LIMIT),
      filename: 'app.mjs',
      errors: [loginBeforeClassLimiter(13)],
      output: null,
    },
    // ... the written key itself, a computed write, or a write inside it: unknown, so the route has no known limiter
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const a = { login: rateLimit({ limit: 5 }) };
        if (process.env.OFF) a.login = (req, res, next) => next();
        const b = { login: rateLimit({ limit: 5 }) };
        b[process.env.KEY] = (req, res, next) => next();
        const app = express();
        app.post('/login', a.login, (req, res) => res.end());
        app.post('/signin', b.login, (req, res) => res.end());
        app.listen(3000);
      `,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 8 },
        { messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 9 },
      ],
    },
    // trial 17: the twins. A lone word with a route that reads the request (its body, a header, through a middleware of a
    // package or a handler of another file), and a clear word whatever the handler reads, are authentication routes
    {
      code: code`
        const express = require('express');
        const passport = require('passport');
        const { issue } = require('./tokens');
        const app = express();
        app.post('/internal/reset', (req, res) => { emulator.reset(req.body.scope); res.sendStatus(200); });
        app.post('/token', (request, response) => response.json(sign(request.get('authorization'))));
        app.post('/auth', passport.authenticate('local'), (req, res) => res.redirect('/'));
        app.post('/api/token', issue);
        app.post('/login', (req, res) => res.sendStatus(200));
        app.post('/reset', function () { return handle.apply(this, arguments); });
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/internal/reset', app: 'app' }, line: 5 },
        { messageId: 'missing', data: { method: 'POST', path: '/token', app: 'app' }, line: 6 },
        { messageId: 'missing', data: { method: 'POST', path: '/auth', app: 'app' }, line: 7 },
        { messageId: 'missing', data: { method: 'POST', path: '/api/token', app: 'app' }, line: 8 },
        { messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 9 },
        { messageId: 'missing', data: { method: 'POST', path: '/reset', app: 'app' }, line: 10 },
      ],
    },
    // The same words alone, joined to another authentication word, or to a word of credentials, are authentication routes
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/reset/:token', (req, res) => res.json(grant(req.body)));
        app.post('/verify-token', (req, res) => res.end());
        app.post('/access-token', (req, res) => res.end());
        app.post('/api/auth', (req, res) => res.json(grant(req.body)));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/reset/:token', app: 'app' }, line: 3 },
        { messageId: 'missing', data: { method: 'POST', path: '/verify-token', app: 'app' }, line: 4 },
        { messageId: 'missing', data: { method: 'POST', path: '/access-token', app: 'app' }, line: 5 },
        { messageId: 'missing', data: { method: 'POST', path: '/api/auth', app: 'app' }, line: 6 },
      ],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post('/get-token', (req: Request, res: Response) => { res.end(); });
        app.post('/refresh_token', (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/get-token', app: 'app' }, line: 3 },
        { messageId: 'missing', data: { method: 'POST', path: '/refresh_token', app: 'app' }, line: 4 },
      ],
    },
    // A list the user gives has no such words: 'token' counts in any compound
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/create-web-token', (req, res) => res.end());
        app.listen(3000);
      `,
      options: [{ authPaths: ['token'] }],
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/create-web-token', app: 'app' }, line: 3 }],
    },
    // ... not when the object's key is written afterwards, or the pattern takes another key (trial 13)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const limits = { login: rateLimit({ windowMs: 60000, limit: 5 }) };
        limits.login = (req, res, next) => next();
        const { signup: gate } = { login: rateLimit({ windowMs: 60000, limit: 5 }) };
        const app = express();
        app.post('/login', limits.login, (req, res) => res.end());
        app.post('/signup', gate, (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 7 },
        { messageId: 'missing', data: { method: 'POST', path: '/signup', app: 'app' }, line: 8 },
      ],
    },
    // A `const` array of paths, nested arrays and spreads: each path is checked (trial 13). CommonJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const AUTH = ['/login', '/signin'];
        const app = express();
        app.post(AUTH, (req, res) => res.end());
        app.post([['/items', ['/token']]], (req, res) => res.json(grant(req.body)));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/login, /signin', app: 'app' }, line: 4 },
        { messageId: 'missing', data: { method: 'POST', path: '/token', app: 'app' }, line: 5 },
      ],
    },
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const AUTH = ['/login', '/signin'];
        const app = express();
        app.use('/login', rateLimit({ windowMs: 60000, limit: 5 }));
        app.post([...AUTH, '/items'], (req, res) => res.end());
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 6 }],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { rateLimit } from 'express-rate-limit';
        const PATHS: readonly string[] = ['/items', '/reset-password'];
        const LIMITED = ['/items', '/login'];
        const app = express();
        app.use(LIMITED, rateLimit({ windowMs: 60000, limit: 5 }));
        app.put(PATHS, (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'missing', data: { method: 'PUT', path: '/reset-password', app: 'app' }, line: 7 }],
    },
    // An array of paths (trial 12 M5): each path is checked, and the message names every one without a limiter (trial 15)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post(['/login', '/signin'], (req, res) => res.end());
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json(grant(req.body)));
        app.use(['/auth', '/v1/auth'], auth);
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/login, /signin', app: 'app' }, line: 3 },
        { messageId: 'missing', data: { method: 'POST', path: '/auth/token, /v1/auth/token', app: 'auth' }, line: 5 },
      ],
    },
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        app.use(['/login', '/auth'], rateLimit({ windowMs: 60000, limit: 5 }));
        app.post(['/login', '/signin'], (req, res) => res.end());
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json(grant(req.body)));
        app.use(['/auth', '/v1/auth'], auth);
        app.listen(3000);
      `,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 5 },
        { messageId: 'missing', data: { method: 'POST', path: '/v1/auth/token', app: 'auth' }, line: 7 },
      ],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post(['/items', '/signin'], (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 3 }],
    },
    // ... every path without a limiter, joined as require-csrf-protection joins them (trial 15); the ones with one are
    // left out. CommonJS, ESM (a limiter mounted after the route), TS
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post(['/login', '/signin', '/token'], (req, res) => res.json(grant(req.body)));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login, /signin, /token', app: 'app' }, line: 3, suggestions: [] }],
    },
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        app.use('/signin', rateLimit({ windowMs: 60000, limit: 5 }));
        app.post(['/login', '/signin', '/token'], (req, res) => res.json(grant(req.body)));
        app.use(rateLimit({ windowMs: 60000, limit: 5 }));
        app.listen(3000);
      `,
      errors: [
        {
          messageId: 'mountedAfter',
          data: { method: 'POST', path: '/login, /token', app: 'app', limiter: 'rateLimit({ windowMs: 60000, limit: 5 })', where: '' },
          line: 5,
          suggestions: [],
        },
      ],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.put(['/reset-password', '/items', '/verify-otp'] as string[], (req: Request, res: Response) => { res.end(); });
        app.listen(3000);
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'missing', data: { method: 'PUT', path: '/reset-password, /verify-otp', app: 'app' }, line: 3, suggestions: [] }],
    },
    // ... not when neither branch nor the returned array holds one (ESM)
    {
      code: code`
        import express from 'express';
        const app = express();
        const none = () => [express.json()];
        app.post('/login', none(), (req, res) => res.end());
        app.post('/signup', process.env.CI ? [] : [express.json()], (req, res) => res.end());
        app.listen(3000);
      `,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 4 },
        { messageId: 'missing', data: { method: 'POST', path: '/signup', app: 'app' }, line: 5 },
      ],
    },
    // ... not a route under another prefix, nor the prefix itself for a one-or-more wildcard
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        app.all('/x/:id/*splat', limiter);
        app.post('/y/1/reset-password', (req, res) => res.end());
        app.post('/x/1', (req, res) => res.end());
        app.post('/x/1/password', (req, res) => res.end());
        app.listen(3000);
      `,
      options: [{ authPaths: ['password', 'x'] }],
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/y/1/reset-password', app: 'app' }, line: 6, suggestions: [{ messageId: 'insertLimiter', data: { limiter: 'limiter' }, output: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        app.all('/x/:id/*splat', limiter);
        app.post('/y/1/reset-password', limiter, (req, res) => res.end());
        app.post('/x/1', (req, res) => res.end());
        app.post('/x/1/password', (req, res) => res.end());
        app.listen(3000);
      ` }] },
        { messageId: 'missing', data: { method: 'POST', path: '/x/1', app: 'app' }, line: 7, suggestions: [{ messageId: 'insertLimiter', data: { limiter: 'limiter' }, output: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        app.all('/x/:id/*splat', limiter);
        app.post('/y/1/reset-password', (req, res) => res.end());
        app.post('/x/1', limiter, (req, res) => res.end());
        app.post('/x/1/password', (req, res) => res.end());
        app.listen(3000);
      ` }] },
      ],
    },
    // all() middleware counts only on a path it surely matches (conservative): another path, a parameter, a wildcard
    // that misses the route, or all() after the route; an all() whose last item answers the request is a route
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        const app = express();
        app.all('/signin', limiter);
        app.post('/login', (req, res) => res.end());
        app.all('/:page', limiter);
        app.post('/register', (req, res) => res.end());
        app.all('/api/*', limiter);
        app.post('/auth/token', (req, res) => res.json(grant(req.body)));
        app.route('/signup').post((req, res) => res.end()).all(limiter);
        app.all('/reset', limiter, (req, res) => res.end());
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          data: { method: 'POST', path: '/login', app: 'app' },
          line: 6,
          suggestions: [
            {
              messageId: 'insertLimiter',
              data: { limiter: 'limiter' },
              output: code`
                const express = require('express');
                const rateLimit = require('express-rate-limit');
                const limiter = rateLimit({ windowMs: 60000, limit: 5 });
                const app = express();
                app.all('/signin', limiter);
                app.post('/login', limiter, (req, res) => res.end());
                app.all('/:page', limiter);
                app.post('/register', (req, res) => res.end());
                app.all('/api/*', limiter);
                app.post('/auth/token', (req, res) => res.json(grant(req.body)));
                app.route('/signup').post((req, res) => res.end()).all(limiter);
                app.all('/reset', limiter, (req, res) => res.end());
                app.listen(3000);
              `,
            },
          ],
        },
        {
          messageId: 'missing',
          data: { method: 'POST', path: '/register', app: 'app' },
          line: 8,
          suggestions: [
            {
              messageId: 'insertLimiter',
              data: { limiter: 'limiter' },
              output: code`
                const express = require('express');
                const rateLimit = require('express-rate-limit');
                const limiter = rateLimit({ windowMs: 60000, limit: 5 });
                const app = express();
                app.all('/signin', limiter);
                app.post('/login', (req, res) => res.end());
                app.all('/:page', limiter);
                app.post('/register', limiter, (req, res) => res.end());
                app.all('/api/*', limiter);
                app.post('/auth/token', (req, res) => res.json(grant(req.body)));
                app.route('/signup').post((req, res) => res.end()).all(limiter);
                app.all('/reset', limiter, (req, res) => res.end());
                app.listen(3000);
              `,
            },
          ],
        },
        {
          messageId: 'missing',
          data: { method: 'POST', path: '/auth/token', app: 'app' },
          line: 10,
          suggestions: [
            {
              messageId: 'insertLimiter',
              data: { limiter: 'limiter' },
              output: code`
                const express = require('express');
                const rateLimit = require('express-rate-limit');
                const limiter = rateLimit({ windowMs: 60000, limit: 5 });
                const app = express();
                app.all('/signin', limiter);
                app.post('/login', (req, res) => res.end());
                app.all('/:page', limiter);
                app.post('/register', (req, res) => res.end());
                app.all('/api/*', limiter);
                app.post('/auth/token', limiter, (req, res) => res.json(grant(req.body)));
                app.route('/signup').post((req, res) => res.end()).all(limiter);
                app.all('/reset', limiter, (req, res) => res.end());
                app.listen(3000);
              `,
            },
          ],
        },
        {
          messageId: 'mountedAfter',
          data: { method: 'POST', path: '/signup', app: 'app', limiter: 'limiter', where: '' },
          line: 11,
          suggestions: [
            {
              messageId: 'insertLimiter',
              data: { limiter: 'limiter' },
              output: code`
                const express = require('express');
                const rateLimit = require('express-rate-limit');
                const limiter = rateLimit({ windowMs: 60000, limit: 5 });
                const app = express();
                app.all('/signin', limiter);
                app.post('/login', (req, res) => res.end());
                app.all('/:page', limiter);
                app.post('/register', (req, res) => res.end());
                app.all('/api/*', limiter);
                app.post('/auth/token', (req, res) => res.json(grant(req.body)));
                app.route('/signup').post(limiter, (req, res) => res.end()).all(limiter);
                app.all('/reset', limiter, (req, res) => res.end());
                app.listen(3000);
              `,
            },
          ],
        },
      ],
    },
    // ... unless the options name it; /auth/login stays an authentication route
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/auth/logout', (req, res) => res.end());
        app.post('/auth/login', (req, res) => res.end());
        app.listen(3000);
      `,
      options: [{ authPaths: ['auth', 'Logout'] }],
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/auth/logout', app: 'app' }, line: 3 },
        { messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'app' }, line: 4 },
      ],
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/auth/logout', (req, res) => res.end());
        app.post('/auth/login', (req, res) => res.end());
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'app' }, line: 4 }],
    },
    // An app kept on a class instance: its routes method's login has no limiter
    {
      code: code`
        import express, { type Application, type Request, type Response } from 'express';
        class App {
          public app: Application;
          constructor() {
            this.app = express();
            this.routes();
          }
          private routes(): void {
            this.app.post('/login', (req: Request, res: Response) => { res.end(); });
          }
        }
        new App().app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'this.app' }, line: 9, suggestions: [] }],
      output: null,
    },
    // regression (Ghost members app), the other way: a namespace object that does not name a limiter
    // (`shared.middleware.auth.session`) is no limiter (CommonJS)
    {
      code: code`
        const express = require('express');
        const shared = require('../shared');
        const app = express();
        app.post('/api/verify-otc', shared.middleware.auth.session, (req, res) => res.end());
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/verify-otc', app: 'app' }, line: 4, suggestions: [] }],
      output: null,
    },
    // regression: a sub-app mounted before the serving app's limiter gets no limit from it (CommonJS)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const root = express();
        const auth = express();
        auth.post('/login', (req, res) => res.end());
        root.use('/auth', auth);
        root.use(rateLimit({ limit: 5 }));
        root.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'mountedAfter', line: 5 }],
      output: null,
    },
    // regression: a misspelt settings key was silently ignored; it is reported once, at line 1, with a guess
    {
      name: 'a misspelt middleware key in settings is reported with the key it probably means (ESM)',
      code: code`
        import express from 'express';
        import { guard } from './security';
        const app = express();
        app.post('/login', guard, (req, res) => res.end());
      `,
      settings: { 'secure-express': { middleware: { rateLimits: ['guard'] } } },
      errors: [
        {
          messageId: 'invalidSettings',
          data: {
            where: "settings['secure-express'].middleware.rateLimits",
            what: "is not one of 'rateLimit', 'csrf', 'validation' and is ignored (did you mean 'rateLimit'?)",
          },
          line: 1,
          column: 1,
        },
        { messageId: 'missing', line: 4 },
      ],
      output: null,
    },
    {
      name: 'a misspelt top-level settings key is reported (CommonJS)',
      code: code`
        const express = require('express');
        const app = express();
        app.post('/login', (req, res) => res.end());
      `,
      languageOptions: commonjs,
      settings: { 'secure-express': { upStream: ['rateLimit'] } },
      errors: [
        {
          messageId: 'invalidSettings',
          data: { where: "settings['secure-express'].upStream", what: "is not a setting of the plugin and is ignored (did you mean 'upstream'?)" },
          line: 1,
        },
        { messageId: 'missing', line: 3 },
      ],
      output: null,
    },
    // exported apps: an importer's app.use runs after the routes this file registers
    {
      code: code`
        import express from 'express';
        export const app = express();
        app.post('/login', (req, res) => res.end());
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 3, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        app.set('port', process.env.PORT || 3000);
        app.post('/auth/token', (req, res) => res.json(grant(req.body)));
        module.exports = { app, port: app.get('port') };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/token', app: 'app' }, line: 4, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => res.end());
        export default app;
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 3, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        import express, { type Express } from 'express';
        export default (): Express => {
          const app = express();
          app.post('/password/reset', (req, res) => res.end());
          return app;
        };
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/password/reset', app: 'app' }, line: 4, suggestions: [] }],
      output: null,
    },
    // CommonJS, no limiter anywhere
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/login', (req, res) => res.end());
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 3, column: 10, suggestions: [] }],
      output: null,
    },
    // a limiter defined in the file but mounted after the route
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const limiter = rateLimit({ limit: 5 });
        const app = express();
        app.post('/login', (req, res) => res.end());
        app.use(limiter);
      `,
      errors: [
        {
          messageId: 'mountedAfter',
          data: { limiter: 'limiter', method: 'POST', path: '/login', app: 'app', where: '' },
          line: 5,
          suggestions: [
            {
              messageId: 'insertLimiter',
              data: { limiter: 'limiter' },
              output: code`
                import express from 'express';
                import rateLimit from 'express-rate-limit';
                const limiter = rateLimit({ limit: 5 });
                const app = express();
                app.post('/login', limiter, (req, res) => res.end());
                app.use(limiter);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // a limiter defined in the file, used on another route only: suggestion inserts it
    {
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const app = express();
        const authLimiter = rateLimit({ limit: 5 });
        app.post('/api/orders', authLimiter, (req, res) => res.end());
        app.post('/forgot-password', (req, res) => res.end());
      `,
      errors: [
        {
          messageId: 'missing',
          data: { method: 'POST', path: '/forgot-password', app: 'app' },
          suggestions: [
            {
              messageId: 'insertLimiter',
              output: code`
                import express from 'express';
                import { rateLimit } from 'express-rate-limit';
                const app = express();
                const authLimiter = rateLimit({ limit: 5 });
                app.post('/api/orders', authLimiter, (req, res) => res.end());
                app.post('/forgot-password', authLimiter, (req, res) => res.end());
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // a limiter on another path prefix does not cover the route
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        app.use('/api', rateLimit());
        app.post('/auth/login', (req, res) => res.end());
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/auth/login', app: 'app' }, suggestions: [] }],
      output: null,
    },
    // a router mounted in the file: the full path counts, and the mount has no limiter
    {
      code: code`
        import express, { Router } from 'express';
        const router = Router();
        router.post('/', (req, res) => res.end());
        const app = express();
        app.use('/signup', router);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/signup', app: 'router' }, line: 3 }],
      output: null,
    },
    // app.route('/login').post(...)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.route('/login').get((req, res) => res.end()).post((req, res) => res.end());
      `,
      // At the route's own method in the chain (not at the path its routes share).
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 3, column: 50, endColumn: 54 }],
      output: null,
    },
    // A chain over lines: each route at its own line, where a disable comment above it applies (CJS).
    {
      code: code`
        const express = require('express');
        const app = express();
        app.route('/login')
          .get((req, res) => res.send('form'))
          .post((req, res) => res.end());
        app.route('/signin')
          .get((req, res) => res.send('form'))
          .post((req, res) => res.end());
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 5, column: 4 },
        { messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 8, column: 4 },
      ],
      output: null,
    },
    // express-brute defined but not used: suggestion inserts its `prevent`
    {
      code: code`
        const express = require('express');
        const ExpressBrute = require('express-brute');
        const bruteforce = new ExpressBrute(store);
        const app = express();
        app.put('/otp', [auth], (req, res) => res.end());
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'insertLimiter',
              data: { limiter: 'bruteforce.prevent' },
              output: code`
                const express = require('express');
                const ExpressBrute = require('express-brute');
                const bruteforce = new ExpressBrute(store);
                const app = express();
                app.put('/otp', bruteforce.prevent, [auth], (req, res) => res.end());
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // a limiter created after the route cannot be inserted (used before its declaration)
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        app.post('/register', (req, res) => res.end());
        const late = rateLimit();
      `,
      errors: [{ messageId: 'missing', suggestions: [] }],
      output: null,
    },
    // the router's limiter runs after the route on its parent too late
    {
      code: code`
        import { Router } from 'express';
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const auth = Router();
        auth.post('/token', (req, res) => res.json(grant(req.body)));
        app.use('/oauth', auth);
        app.use(rateLimit());
      `,
      errors: [{ messageId: 'mountedAfter', data: { limiter: 'rateLimit()', method: 'POST', path: '/oauth/token', app: 'auth', where: '' }, suggestions: [] }],
      output: null,
    },
    // a settings name for another protection does not count
    {
      code: code`
        import express from 'express';
        import { check } from './security';
        const app = express();
        app.post('/login', check, (req, res) => res.end());
      `,
      settings: { 'secure-express': { middleware: { csrf: ['check'] } } },
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    // TS, an unusual method and a spread of middleware
    {
      code: code`
        import express = require('express');
        const app = express();
        const mw: express.RequestHandler[] = [];
        app.patch('/users/:id/password', ...mw, (req: express.Request, res: express.Response) => res.end());
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missing', data: { method: 'PATCH', path: '/users/:id/password', app: 'app' } }],
      output: null,
    },
    // trial 19 (r2): the full path through a mount prefix built from a \`const\` is known: the limiter is on another path
    {
      name: 'paths from constants: the evaluated full path, the limiter on another one (CommonJS, template)',
      code: code`
        const express = require('express');
        const { rateLimit } = require('express-rate-limit');
        const API = '/api/v1';
        const app = express();
        const auth = express.Router();
        auth.post('/token', (req, res) => res.json({ t: req.body.token }));
        app.use(\`\${API}/auth/login\`, rateLimit({ limit: 5 }));
        app.use(\`\${API}/auth\`, auth);
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/v1/auth/token', app: 'auth' }, line: 6, suggestions: null }],
      output: null,
    },
    {
      name: 'paths from constants: + and join, a route path from a const (ESM)',
      code: code`
        import express from 'express';
        import { rateLimit } from 'express-rate-limit';
        const API = '/api/v1';
        const TOKEN = '/token';
        const app = express();
        const auth = express.Router();
        auth.post(TOKEN, (req, res) => res.json({ t: req.body.token }));
        app.use([API, 'auth', 'login'].join('/'), rateLimit({ limit: 5 }));
        app.use(API + '/auth', auth);
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/v1/auth/token', app: 'auth' }, line: 7, suggestions: null }],
      output: null,
    },
    {
      name: 'paths from constants: an enum member and an as const object property (TS)',
      code: code`
        import express, { type Request, type Response } from 'express';
        import { rateLimit } from 'express-rate-limit';
        enum Paths { Api = '/api/v1', Login = '/login', Reset = '/password/reset' }
        const Mounts = { Auth: \`\${Paths.Api}/auth\` } as const;
        const app = express();
        const auth = express.Router();
        auth.post(Paths.Login, rateLimit({ limit: 5 }), (req: Request, res: Response) => res.json({ t: req.body.token }));
        app.post(\`\${Paths.Api}\${Paths.Reset}\`, (req: Request, res: Response) => res.json({ t: req.body.token }));
        app.use(Mounts.Auth, auth);
        app.listen(3000);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/v1/password/reset', app: 'app' }, line: 8, suggestions: null }],
      output: null,
    },
    // trial 41v (verdaccio 9's build, rolldown): TypeScript's enum as oxc compiles it, `var E = function(E) { E["A"] = "a";
    // return E; }({})`, is read as the enum: its members are the route's path (CommonJS and ESM)
    {
      name: 'paths from constants: an enum compiled by oxc (rolldown, tsdown) gives the path (CommonJS)',
      code: code`
        const express = require('express');
        var Paths = /* @__PURE__ */ function(Paths) {
          Paths["Api"] = "/api/v1";
          Paths["Login"] = "/login";
          return Paths;
        }({});
        const app = express();
        app.post(Paths.Api + Paths.Login, function(req, res) { res.json({ t: req.body.token }); });
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/v1/login', app: 'app' }, line: 8, suggestions: null }],
      output: null,
    },
    {
      name: 'paths from constants: an enum compiled by oxc gives the path (ESM, exported by name)',
      code: code`
        import express from 'express';
        let Paths = /* @__PURE__ */ function(Paths) {
          Paths[Paths["Version"] = 1] = "Version";
          Paths["Login"] = "/login";
          return Paths;
        }({});
        const app = express();
        app.post(Paths.Login, (req, res) => res.json({ t: req.body.token }));
        app.listen(3000);
        export { Paths };
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 8, suggestions: null }],
      output: null,
    },
  ],
});

runRuleTests('require-rate-limit (tables19: routes registered in a loop over a route table)', rule, {
  valid: [
    // A limiter mounted before the loop runs for each route the table registers (CommonJS `forEach`, ESM `for … of`
    // with the element's middleware spread, TS the TypeORM template's cast `(app as any)[route.method]`)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const router = express.Router();
        const app = express();
        function login(req, res) { res.json({ ok: true }); }
        const routes = [{ method: 'post', path: '/login', handler: login }];
        router.use(rateLimit({ windowMs: 60000, limit: 5 }));
        routes.forEach((r) => router[r.method](r.path, r.handler));
        app.use('/auth', router);
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        const routes = [
          { method: 'get', path: '/users', middlewares: [], handler: (req, res) => res.json([]) },
          { method: 'post', path: '/login', middlewares: [limiter], handler: (req, res) => res.json({ ok: true }) },
        ];
        for (const r of routes) app[r.method](r.path, ...r.middlewares, r.handler);
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const Routes = [{ method: 'post', route: '/login', action: (req: Request, res: Response) => res.json({ ok: true }) }];
        app.use(rateLimit({ windowMs: 60_000, limit: 5 }));
        Routes.forEach((route) => {
          (app as any)[route.method](route.route, route.action);
        });
        app.listen(3000);
      `,
    },
    // What the table does not show stays unknown: an upper-case method ('POST' is no method of an Express app), a method
    // read from elsewhere, a table pushed to after it is written, an element handed to other code (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        const routes = [{ method: 'POST', path: '/login', handler: (req, res) => res.json({ ok: true }) }];
        routes.forEach((r) => app[r.method](r.path, r.handler));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import { verbOf } from './verbs';
        const app = express();
        const routes = [{ name: 'login', path: '/login', handler: (req, res) => res.json({ ok: true }) }];
        routes.forEach((r) => app[verbOf(r.name)](r.path, r.handler));
        const more = [{ method: 'post', path: '/signin', handler: (req, res) => res.json({ ok: true }) }];
        more.push({ method: 'get', path: '/x', handler: (req, res) => res.json({}) });
        more.forEach((r) => app[r.method](r.path, r.handler));
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        const routes = [{ method: 'post', path: '/login', handler: (req: Request, res: Response) => res.json({ ok: true }) }];
        routes.forEach((r) => {
          audit(r);
          (app as any)[r.method](r.path, r.handler);
        });
        app.listen(3000);
      `,
    },
    // session 20 (3): `app.route(r.path)[r.method](r.handler)` is the same route: a limiter before the loop runs for it
    // (CommonJS, TS); a path read through a call, or a method that is no route method, leaves the loop unknown (ESM)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const app = express();
        const routes = [{ method: 'post', path: '/login', handler: (req, res) => res.json({ ok: true }) }];
        app.use(rateLimit({ windowMs: 60000, limit: 5 }));
        routes.forEach((r) => app.route(r.path)[r.method](r.handler));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const routes = [{ method: 'post', path: '/login', handler: (req: Request, res: Response) => res.json({ ok: true }) }];
        app.use('/login', rateLimit({ windowMs: 60_000, limit: 5 }));
        for (const r of routes) app.route(r.path)[r.method as 'post'](r.handler);
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        const routes = [
          { method: 'post', path: '/login', handler: (req, res) => res.json({ ok: true }) },
          { method: 'POST', path: '/signin', handler: (req, res) => res.json({ ok: true }) },
        ];
        routes.forEach((r) => app.route(r.path.trim())[r.method.toLowerCase()](r.handler));
        routes.forEach((r) => app.route(r.path)[r.method](r.handler));
        app.listen(3000);
      `,
    },
  ],
  invalid: [
    // Each element is the route it stands for: a login route of the table with no limiter before it is reported at
    // its path in the table; a limiter mounted after the loop does not run for it (CommonJS `forEach` on a router, ESM
    // `for … of` with the element's middleware spread, TS the TypeORM template's cast, a loop over method names)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const router = express.Router();
        const app = express();
        function login(req, res) { res.json({ ok: true }); }
        const routes = [
          { method: 'get', path: '/me', handler: (req, res) => res.json({}) },
          { method: 'post', path: '/login', handler: login },
        ];
        routes.forEach((r) => router[r.method](r.path, r.handler));
        router.use(rateLimit({ windowMs: 60000, limit: 5 }));
        app.use('/auth', router);
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'mountedAfter',
          data: { method: 'POST', path: '/auth/login', app: 'router', limiter: 'rateLimit({ windowMs: 60000, limit: 5 })', where: '' },
          line: 8,
          suggestions: [],
        },
      ],
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        const routes = [
          { method: 'get', path: '/users', middlewares: [], handler: (req, res) => res.json([]) },
          { method: 'post', path: '/login', middlewares: [express.json()], handler: (req, res) => res.json({ ok: true }) },
        ];
        for (const r of routes) app[r.method](r.path, ...r.middlewares, r.handler);
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 5, suggestions: [] }],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        const Routes = [
          { method: 'get', route: '/users', action: (req: Request, res: Response) => res.json([]) },
          { method: 'post', route: '/signin', action: (req: Request, res: Response) => res.json({ ok: true }) },
        ];
        Routes.forEach((route) => {
          (app as any)[route.method](route.route, route.action);
        });
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 5, suggestions: [] }],
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        const login = (req, res) => res.json({ ok: true });
        ['get', 'post'].forEach((method) => app[method]('/login', login));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 4, suggestions: [] }],
    },
    // session 20 (3): a route of a table takes its items from the element: no suggestion (it inserted `limiter, ` into
    // the table, before the element's array: `middlewares: limiter, [express.json()]`)
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        const routes = [
          { method: 'post', path: '/signin', middlewares: [express.json()], handler: (req, res) => res.json({ ok: true }) },
        ];
        for (const r of routes) app[r.method](r.path, ...r.middlewares, r.handler);
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 6, suggestions: [] }],
    },
    // session 20 (3): `app.route(r.path)[r.method](...)`: each element's route, reported at its path in the table; a
    // limiter mounted after the loop does not run for it (CommonJS, ESM `for … of` with the element's middleware
    // spread, TS); a loop over method names on one path (CommonJS)
    {
      code: code`
        const express = require('express');
        const rateLimit = require('express-rate-limit');
        const app = express();
        const routes = [
          { method: 'get', path: '/me', handler: (req, res) => res.json({}) },
          { method: 'post', path: '/login', handler: (req, res) => res.json({ ok: true }) },
        ];
        routes.forEach((r) => app.route(r.path)[r.method](r.handler));
        app.use(rateLimit({ windowMs: 60000, limit: 5 }));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'mountedAfter',
          data: { method: 'POST', path: '/login', app: 'app', limiter: 'rateLimit({ windowMs: 60000, limit: 5 })', where: '' },
          line: 6,
          suggestions: [],
        },
      ],
    },
    {
      code: code`
        import express from 'express';
        import rateLimit from 'express-rate-limit';
        const app = express();
        const limiter = rateLimit({ windowMs: 60000, limit: 5 });
        const routes = [
          { method: 'post', path: '/login', middlewares: [limiter], handler: (req, res) => res.json({ ok: true }) },
          { method: 'post', path: '/signin', middlewares: [express.json()], handler: (req, res) => res.json({ ok: true }) },
        ];
        for (const r of routes) app.route(r.path)[r.method](...r.middlewares, r.handler);
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/signin', app: 'app' }, line: 7, suggestions: [] }],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        const routes = [{ method: 'post', path: '/api/register', handler: (req: Request, res: Response) => res.json({ ok: true }) }];
        routes.forEach((r) => app.route(r.path)[r.method as 'post'](r.handler));
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/api/register', app: 'app' }, line: 3, suggestions: [] }],
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        const login = (req, res) => res.json({ ok: true });
        ['get', 'post'].forEach((method) => app.route('/login')[method](login));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { method: 'POST', path: '/login', app: 'app' }, line: 4, suggestions: [] }],
    },
  ],
});
