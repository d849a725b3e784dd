import rule from '../../src/rules/require-session-regenerate';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('require-session-regenerate', rule, {
  valid: [
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
    { code: code`
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
      `, languageOptions: commonjs },
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
    // a function named login that is not a handler
    code`
      function login(req) {
        req.session.user = 'x';
      }
      login({ session: {} });
    `,
  ],
  invalid: [
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
      errors: [{ messageId: 'missingRegenerate', data: { name: '/login' }, line: 5 }],
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
      errors: [{ messageId: 'missingRegenerate', data: { name: 'handleSignIn' }, line: 4 }],
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
      errors: [{ messageId: 'missingRegenerate', data: { name: '/token' }, line: 5 }],
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
      errors: [{ messageId: 'missingRegenerate', data: { name: 'logIn' }, line: 6 }],
      output: null,
    },
  ],
});
