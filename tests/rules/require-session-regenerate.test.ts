import rule from '../../src/rules/require-session-regenerate';
import { join } from 'node:path';

import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

const packages = join(__dirname, '../fixtures/package-json');

/** A message's route (`POST` on `app`, of this file), after the handler's name when it has one. */
const route = (path: string, app: string, handler?: string): Record<string, string> => ({
  handler: handler === undefined ? '' : `handler '${handler}' of `,
  method: 'POST',
  path,
  app,
  where: '',
});

/** A passport login route (CommonJS) and a `req.login()` handler that writes the session afterwards. */
const PASSPORT_ROUTES = code`
  const express = require('express');
  const passport = require('passport');
  const router = express.Router();
  router.post('/login/password', passport.authenticate('local', { failureRedirect: '/login' }), (req, res) => {
    req.session.lastLogin = Date.now();
    res.redirect('/');
  });
  router.post('/signin', (req, res, next) => {
    req.login(req.user, (err) => {
      req.session.returnTo = '/';
      next(err);
    });
  });
  module.exports = router;
`;

/** The same in TypeScript (ESM), with a route that does not write the session at all. */
const PASSPORT_ROUTES_TS = code`
  import express, { type Request, type Response } from 'express';
  import passport from 'passport';
  const app = express();
  app.post('/login', passport.authenticate('local'), (req: Request, res: Response) => res.redirect('/'));
`;

runRuleTests('require-session-regenerate', rule, {
  valid: [
    // An array of paths that names no login (trial 12 M5); one that regenerates
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.post(['/cart', '/basket'], (req, res) => { req.session.items = []; res.end(); });
        app.post(['/login', '/signin'], (req, res) => req.session.regenerate(() => { req.session.user = 1; res.end(); }));
      `,
      languageOptions: commonjs,
    },
    // passport's `session` strategy (and passport-anonymous) restores the user or lets the request through: no login,
    // also with passport below 0.6.0 (new-user trial 20, r5); CommonJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const passport = require('passport');
        const app = express();
        app.post('/notes', passport.authenticate('session'), (req, res) => { res.json({ owner: req.user.id }); });
        app.post('/public', passport.authenticate(['anonymous', 'session']), (req, res) => res.end());
      `,
      filename: join(packages, 'old-passport/src/routes/notes.js'),
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import passport from 'passport';
        const app = express();
        app.post('/notes', passport.authenticate('session'), (req, res) => { req.session.seen = true; res.end(); });
      `,
      filename: join(packages, 'old-passport/src/routes/notes.mjs'),
    },
    // the express-session README pattern: regenerate, then store
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      app.post('/login', express.urlencoded({ extended: false }), (req, res, next) => {
        req.session.regenerate((err) => {
          if (err) return next(err);
          req.session.user = req.body.user;
          req.session.save(() => res.redirect('/'));
        });
      });
    `,
    // not a login route: writes are fine
    code`
      import express from 'express';
      const app = express();
      app.post('/cart', (req, res) => {
        req.session.cart = req.body.items;
        res.end();
      });
    `,
    // a login that does not write to the session
    code`
      import express from 'express';
      const app = express();
      app.post('/login', (req, res) => res.json({ token: 't' }));
    `,
    // passport >= 0.6 regenerates in passport.authenticate and req.login
    { code: PASSPORT_ROUTES, languageOptions: commonjs },
    // regression: passport 0.6.0+ (the lowest version of the package.json's range) regenerates on login
    {
      name: "passport ^0.7.0 in the nearest package.json is trusted to regenerate",
      code: PASSPORT_ROUTES,
      filename: join(packages, 'commonjs-app/src/routes/auth.js'),
      languageOptions: commonjs,
    },
    { name: 'passport ~0.6.0 (ESM package) is trusted to regenerate', code: PASSPORT_ROUTES_TS, filename: join(packages, 'module-app/src/app.ts') },
    // unknown stays unknown: no package.json entry, or a range that is not semver, keeps the option's assumption
    { name: 'no passport entry in package.json keeps the assumption', code: PASSPORT_ROUTES, filename: join(packages, 'no-passport/routes.js'), languageOptions: commonjs },
    { name: 'a git passport dependency keeps the assumption', code: PASSPORT_ROUTES_TS, filename: join(packages, 'git-passport/app.ts') },
    // below 0.6.0 but regenerating by hand before req.login()
    {
      name: 'old passport with req.session.regenerate() before req.login() is not reported',
      code: code`
        import express from 'express';
        const app = express();
        app.post('/signin', (req, res, next) => {
          req.session.regenerate((err) => {
            if (err) return next(err);
            req.login(req.body.user, next);
          });
        });
      `,
      filename: join(packages, 'old-passport/app.ts'),
    },
    // cookie-session: the whole session is in the cookie it rewrites
    code`
      import express from 'express';
      import cookieSession from 'cookie-session';
      const app = express();
      app.use(cookieSession({ name: 'sid', keys: [process.env.K] }));
      app.post('/login', (req, res) => {
        req.session.user = req.body.user;
        res.end();
      });
    `,
    // "signing" is not "sign in"; logout is not login
    code`
      import express from 'express';
      const app = express();
      app.post('/signing-keys', (req, res) => { req.session.key = 1; res.end(); });
      app.post('/logout', (req, res) => { req.session.user = null; res.end(); });
    `,
    // The login page remembers where to go after logging in (connect-ensure-login's returnTo): no one is logged in
    // yet, so nothing to fixate (found trying the plugin on a fresh project, session 25). CommonJS, ESM, TS.
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/login', (req, res) => {
          req.session.returnTo = req.get('referer');
          res.render('login');
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import { Router } from 'express';
      const router = Router();
      router.get('/signin', (req, res) => {
        req.session.redirectTo = req.originalUrl;
        req.session['next'] = '/';
        res.render('signin');
      });
      export default router;
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/log-in', (req: Request, res: Response) => {
          req.session.returnUrl = '/';
          res.send('<form method="post"></form>');
        });
      `,
      filename: 'app.ts',
    },
    // a function named login that is not a handler
    code`
      function login(req) {
        req.session.user = 'x';
      }
      login({ session: {} });
    `,
  ],
  invalid: [
    // An array of paths with a login path (trial 12 M5): named by its paths; CommonJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.post(['/login', '/signin'], (req, res) => { req.session.u = 1; res.end(); });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missingRegenerate', data: route('/login, /signin', 'app'), line: 5 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.S }));
        const auth = express.Router();
        auth.post(['/token', '/signin'], (req, res) => { req.session.u = 1; res.end(); });
        app.use('/auth', auth);
      `,
      errors: [{ messageId: 'missingRegenerate', data: route('/auth/token, /auth/signin', 'auth'), line: 6 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.S }));
        app.post(['/cart', '/sign-in'], (req: Request, res: Response) => { req.session.u = 1; res.end(); });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missingRegenerate', data: route('/cart, /sign-in', 'app'), line: 5 }],
      output: null,
    },
    // Where to go after login is no login, but a login that also stores the user is: reported at that write (CommonJS,
    // ESM, TS).
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/login', (req, res) => {
          req.session.returnTo = req.body.next;
          req.session.user = req.body.user;
          res.redirect('/');
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missingRegenerate', data: route('/login', 'app'), line: 5, column: 3 }],
      output: null,
    },
    {
      code: code`
        import { Router } from 'express';
        const router = Router();
        router.post('/signin', (req, res) => {
          req.session.redirectTo = '/';
          req.session.userId = 7;
          res.end();
        });
        export default router;
      `,
      errors: [{ messageId: 'missingRegenerate', data: route('/signin', 'router'), line: 5, column: 3 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post('/log-in', (req: Request, res: Response) => {
          req.session.returnUrl = '/';
          req.session.account = { id: 1 };
          res.end();
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missingRegenerate', data: route('/log-in', 'app'), line: 5, column: 3 }],
      output: null,
    },
    // regression: passport below 0.6.0 keeps the pre-login session ID (CVE-2022-25896); found from package.json
    {
      name: 'passport ^0.5.3 in the nearest package.json is not trusted and named with its CVE',
      code: PASSPORT_ROUTES,
      filename: join(packages, 'old-passport/src/routes/auth.js'),
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'passportBeforeRegenerate',
          data: { ...route('/login/password', 'router'), range: '^0.5.3', fixed: '0.6.0', advisory: 'CVE-2022-25896' },
          line: 4,
          column: 32,
        },
        {
          messageId: 'passportBeforeRegenerate',
          data: { ...route('/signin', 'router'), range: '^0.5.3', fixed: '0.6.0', advisory: 'CVE-2022-25896' },
          line: 9,
          column: 3,
        },
      ],
      output: null,
    },
    // a list with a strategy that logs in is a login (TS)
    {
      name: 'old passport: a list of strategies with one that logs in is a login',
      code: code`
        import express from 'express';
        import passport from 'passport';
        const app = express();
        app.post('/notes', passport.authenticate(['session', 'local']), (req, res) => res.end());
      `,
      filename: join(packages, 'old-passport/app.ts'),
      errors: [{ messageId: 'passportBeforeRegenerate', data: { ...route('/notes', 'app'), range: '^0.5.3', fixed: '0.6.0', advisory: 'CVE-2022-25896' }, line: 4, column: 20 }],
      output: null,
    },
    {
      name: 'old passport is reported on a login route that never writes the session (TS)',
      code: PASSPORT_ROUTES_TS,
      filename: join(packages, 'old-passport/app.ts'),
      errors: [{ messageId: 'passportBeforeRegenerate', data: { ...route('/login', 'app'), range: '^0.5.3', fixed: '0.6.0', advisory: 'CVE-2022-25896' }, line: 4, column: 20 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', async (req, res) => {
          const user = await check(req.body);
          req.session.userId = user.id;
          res.redirect('/');
        });
      `,
      errors: [{ messageId: 'missingRegenerate', data: route('/login', 'app'), line: 5 }],
      output: null,
    },
    {
      name: 'TypeScript casts around the request or the session (TS)',
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post('/login', (req: Request, res: Response) => {
          (req.session as any).userId = String(req.body.id);
          (req as any).session.role = 'user';
          res.end();
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missingRegenerate', data: route('/login', 'app'), line: 4 }],
      output: null,
    },
    // a router mounted on a prefix: the route is named by its full path, as the other route rules name it
    {
      code: code`
        const express = require('express');
        const app = express();
        const auth = express.Router();
        auth.post('/signin', (req, res) => {
          req.session.userId = req.body.id;
          res.redirect('/');
        });
        app.use('/auth', auth);
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missingRegenerate', data: route('/auth/signin', 'auth'), line: 5 }],
      output: null,
    },
    // named handler on a router, CommonJS, nested write and Object.assign
    {
      code: code`
        const { Router } = require('express');
        const router = Router();
        function handleSignIn(req, res) {
          Object.assign(req.session, { user: req.body.user });
          req.session.flags.admin = false;
          res.end();
        }
        router.post('/auth', handleSignIn);
        module.exports = router;
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missingRegenerate', data: route('/auth', 'router', 'handleSignIn'), line: 4 }],
      output: null,
    },
    // passport with session: false does not regenerate; TS with app.route
    {
      code: code`
        import express = require('express');
        import passport = require('passport');
        const app = express();
        app.route('/token').post(passport.authenticate('local', { session: false }), (req: express.Request, res: express.Response) => {
          req.session.user = (req as any).user;
          res.end();
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missingRegenerate', data: route('/token', 'app'), line: 5 }],
      output: null,
    },
    // older passport: opt out of trusting it
    {
      code: code`
        import express from 'express';
        import passport from 'passport';
        const app = express();
        const logIn = (req, res) => {
          req.login(req.user, () => {});
          req.session['user'] = req.user;
        };
        app.post('/session', passport.authenticate('local'), logIn);
      `,
      options: [{ assumePassportRegenerates: false }],
      errors: [{ messageId: 'missingRegenerate', data: route('/session', 'app', 'logIn'), line: 6 }],
      output: null,
    },
  ],
});

runRuleTests('require-session-regenerate (promisified and destructured sessions)', rule, {
  valid: [
    // trial 12: regenerate bound and promisified before the write (CommonJS, ESM)
    {
      code: code`
        const express = require('express');
        const util = require('node:util');
        const app = express();
        app.post('/login', async (req, res) => {
          const user = await check(req.body);
          await util.promisify(req.session.regenerate.bind(req.session))();
          req.session.userId = user.id;
          res.redirect('/');
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import { promisify } from 'node:util';
      const app = express();
      app.post('/login', async (req, res) => {
        const user = await check(req.body);
        const regenerate = promisify(req.session.regenerate).bind(req.session);
        await regenerate();
        req.session.userId = user.id;
        res.redirect('/');
      });
    `,
    // the session destructured from the request (TS)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post('/login', (req: Request, res: Response) => {
          const { session } = req;
          session.regenerate(() => {
            req.session.userId = 1;
            res.redirect('/');
          });
        });
      `,
      filename: 'login.ts',
    },
  ],
  invalid: [
    // ... and a write to the destructured session without regenerating is reported too (ESM)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', async (req, res) => {
          const { session, body } = req;
          const user = await check(body);
          session.userId = user.id;
          res.redirect('/');
        });
      `,
      errors: [{ messageId: 'missingRegenerate', data: route('/login', 'app'), line: 6 }],
      output: null,
    },
  ],
});

runRuleTests('require-session-regenerate (messages name the route: method, path, app)', rule, {
  valid: [
    // The same handlers, regenerating first: not reported (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/login', (req, res) => req.session.regenerate(() => { req.session.user = req.body.user; res.end(); }));
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      const router = express.Router();
      async function signIn(req, res) {
        await new Promise((done) => req.session.regenerate(done));
        req.session.user = req.body.user;
        res.end();
      }
      router.post('/signin', signIn);
      app.use('/auth', router);
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { paths } from './paths';
        const app = express();
        const auth = {
          login(req: Request, res: Response) {
            req.session.regenerate(() => { req.session.user = String(req.body.user); res.end(); });
          },
        };
        app.post(paths.login, auth.login);
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    // An inline handler (new-user trial): the route and its app, as the other route rules name them (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/login', (req, res) => {
          req.session.user = req.body.user;
          res.redirect('/');
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missingRegenerate', data: route('/login', 'app'), line: 4 }],
      output: null,
    },
    // A named handler on a mounted router: its name, the full path and the router (ESM)
    {
      code: code`
        import express from 'express';
        const app = express();
        const router = express.Router();
        async function signIn(req, res) {
          req.session.user = req.body.user;
          res.end();
        }
        router.post('/signin', signIn);
        app.use('/auth', router);
      `,
      errors: [{ messageId: 'missingRegenerate', data: route('/auth/signin', 'router', 'signIn'), line: 5 }],
      output: null,
    },
    // A method of an object on a path the file does not show: the path as written (TS)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { paths } from './paths';
        const app = express();
        const auth = {
          login(req: Request, res: Response) {
            req.session.user = String(req.body.user);
            res.end();
          },
        };
        app.post(paths.login, auth.login);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missingRegenerate', data: route('paths.login', 'app', 'login'), line: 6 }],
      output: null,
    },
  ],
});

// Session 26: a step that runs passport.authenticate(...) with its own req, res, next logs in as the call does.
runRuleTests('require-session-regenerate (a step that runs passport.authenticate)', rule, {
  valid: [
    // passport 0.6+ regenerates when the step logs in (CommonJS, ESM).
    {
      code: code`
        const express = require('express');
        const passport = require('passport');
        const app = express();
        app.post('/login', (req, res, next) => {
          req.session.attempts = (req.session.attempts || 0) + 1;
          passport.authenticate('local', { successRedirect: '/' })(req, res, next);
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import passport from 'passport';
      const app = express();
      const logIn = (req, res, next) => passport.authenticate('local', { successReturnToOrRedirect: '/' })(req, res, next);
      app.post('/session', logIn, (req, res) => { req.session.seen = true; res.end(); });
    `,
  ],
  invalid: [
    // Below 0.6.0 the step is reported at its authenticate call (CommonJS, TS).
    {
      code: code`
        const express = require('express');
        const passport = require('passport');
        const router = express.Router();
        router.post('/login', (req, res, next) => {
          passport.authenticate('local', { successRedirect: '/', failureRedirect: '/login' })(req, res, next);
        });
      `,
      filename: join(packages, 'old-passport/src/routes/auth.js'),
      languageOptions: commonjs,
      errors: [{ messageId: 'passportBeforeRegenerate', data: { ...route('/login', 'router'), range: '^0.5.3', fixed: '0.6.0', advisory: 'CVE-2022-25896' }, line: 5, column: 3 }],
      output: null,
    },
    {
      code: code`
        import express, { type NextFunction, type Request, type Response } from 'express';
        import passport from 'passport';
        const app = express();
        function signIn(req: Request, res: Response, next: NextFunction): void {
          passport.authenticate('local')(req, res, next);
        }
        app.post('/account', signIn, (req: Request, res: Response) => res.redirect('/'));
      `,
      filename: join(packages, 'old-passport/app.ts'),
      errors: [{ messageId: 'passportBeforeRegenerate', data: { ...route('/account', 'app', 'signIn'), range: '^0.5.3', fixed: '0.6.0', advisory: 'CVE-2022-25896' }, line: 5, column: 3 }],
      output: null,
    },
    // With a callback passport logs no one in: the callback's own session write is the login (ESM).
    {
      code: code`
        import express from 'express';
        import passport from 'passport';
        const app = express();
        app.post('/login', (req, res, next) => {
          passport.authenticate('local', (err, user) => {
            if (err || !user) return res.sendStatus(401);
            req.session.userId = user.id;
            res.redirect('/');
          })(req, res, next);
        });
      `,
      errors: [{ messageId: 'missingRegenerate', data: route('/login', 'app'), line: 7, column: 5 }],
      output: null,
    },
  ],
});
