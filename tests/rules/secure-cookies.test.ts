import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';

import rule from '../../src/rules/secure-cookies';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { inExpressPackage, inPlainPackage } from '../helpers/packages';
import { SEED_000_COOKIE_SESSION, SEED_000_SESSION_NAME, SEED_002_REDIS_SESSION } from '../helpers/seeds';

runRuleTests('secure-cookies', rule, {
  valid: [
    // Trial 32: a cookie helper of a module (`setAuthCookie(res, token)`) is read only under the shape guess, in a file or
    // package that uses Express, on a parameter named like a response
    {
      code: "export function setAuthCookie(res, token) { res.cookie('auth', token); }",
      filename: inPlainPackage('utils/cookies.js'),
    },
    {
      code: "export function setAuthCookie(res, token) { res.cookie('auth', token); }",
      filename: inExpressPackage('utils/cookies.js'),
      settings: { 'secure-express': { handlerShapes: false } },
    },
    {
      code: "export function setAuthCookie(out, token) { out.cookie('auth', token); }",
      filename: inExpressPackage('utils/cookies.js'),
    },
    {
      code: "import { COOKIE_DEFAULTS } from '../config/cookies.js';\nexport function setAuthCookie(res, token) { res.cookie('auth', token, { ...COOKIE_DEFAULTS, maxAge: 900000 }); }",
      filename: inExpressPackage('utils/cookies.js'),
    },
    // handlers recognised by shape only in a file or package that uses Express (regression: precision)
    {
      code: "exports.login = (req, res) => { res.cookie('sid', token); };",
      languageOptions: commonjs,
      filename: inPlainPackage('login.js'),
    },
    {
      code: "const express = require('express');\nexports.login = (req, res) => { res.cookie('sid', token); };",
      languageOptions: commonjs,
      settings: { 'secure-express': { handlerShapes: false } },
    },
    // exported, typed and Node-server handlers whose cookies carry every flag
    {
      code: code`
        const express = require('express');
        exports.login = (req, res) => { res.cookie('sid', token, { httpOnly: true, secure: true, sameSite: 'lax' }); };
        require('http').createServer((req, res) => { res.setHeader('Set-Cookie', 'sid=1; HttpOnly; Secure; SameSite=Lax'); res.end(); });
      `,
      languageOptions: commonjs,
    },
    // seed 002 (express-session with a Redis store), as written
    { code: SEED_002_REDIS_SESSION, languageOptions: commonjs, options: [{ sameSite: 'strict', requireExpiry: true }] },
    // express-session README production pattern: a later write inside an if
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      const sess = { secret: process.env.S, cookie: { sameSite: 'lax' } };
      if (app.get('env') === 'production') {
        app.set('trust proxy', 1);
        sess.cookie.secure = true;
      }
      app.use(session(sess));
    `,
    // a conditional value is the dev/prod pattern, not a finding
    code`
      import session from 'express-session';
      export default session({ secret: process.env.S, cookie: { secure: process.env.NODE_ENV === 'production', sameSite: 'lax' } });
    `,
    // a spread that may hold the flags: unknown
    code`
      import session from 'express-session';
      import { cookieDefaults } from './config';
      export default session({ secret: process.env.S, cookie: { ...cookieDefaults } });
    `,
    code`
      import session from 'express-session';
      import { options } from './config';
      export default session(options);
    `,
    // a cookie function of req: unknown
    code`
      import session from 'express-session';
      export default session({ secret: process.env.S, cookie: (req) => ({ secure: req.secure }) });
    `,
    // a spread of a known object that holds the flags
    code`
      import session from 'express-session';
      const base = { secure: true, sameSite: 'lax' };
      export default session({ secret: process.env.S, cookie: { ...base, maxAge: 1000 } });
    `,
    // secure: 'auto' with trust proxy on the same app
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      app.enable('trust proxy');
      app.use(session({ secret: process.env.S, cookie: { secure: 'auto', sameSite: 'lax' } }));
    `,
    // express-session's own proxy option
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      app.use(session({ secret: process.env.S, proxy: true, cookie: { secure: 'auto', sameSite: 'lax' } }));
    `,
    // cookie-session: httpOnly by default, secure follows trust proxy
    { code: code`
        const express = require('express');
        const cookieSession = require('cookie-session');
        const app = express();
        app.set('trust proxy', 1);
        app.use(cookieSession({ name: 'sid', keys: [process.env.K], sameSite: 'lax' }));
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      import cookieSession from 'cookie-session';
      const app = express();
      app.use(cookieSession({ name: 'sid', keys: [process.env.K], secure: true, sameSite: 'strict' }));
    `,
    // sameSite none with secure is a deliberate cross-site cookie
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => {
        res.cookie('embed', 'x', { httpOnly: true, secure: true, sameSite: 'none' });
      });
    `,
    // Corpus: ghost@6.65.0 core/shared/private-site-access/index.js. cookie-session (through `cookies`) sets
    // 'Secure' on HTTPS requests when `secure` is not given, and no app in this file says otherwise: 'sameSite:
    // none' is not "without secure" here.
    { code: code`
        const session = require('cookie-session');
        const privateSession = session({ name: 'ghost-private', maxAge: 30 * 24 * 60 * 60 * 1000, signed: false, sameSite: 'none' });
        module.exports = { privateSession };
      `, languageOptions: commonjs },
    // The same with express-session's `secure: 'auto'` in a module that mounts it on no app
    code`
      import session from 'express-session';
      export default session({ secret: process.env.S, cookie: { secure: 'auto', sameSite: 'none' } });
    `,
    // regression (apostrophe login/index.js addLoggedInCookie): a cookie whose value is a constant ('true') carries no
    // secret, so it is not asked for httpOnly (browser code reads such flags)
    code`
      import express from 'express';
      const app = express();
      app.use((req, res, next) => {
        if (req.user) res.cookie('site.loggedIn', 'true', { secure: true, sameSite: 'lax' });
        next();
      });
    `,
    // regression (@lenne.tech/nest-server core-auth.controller.ts processCookies): emptying a cookie on logout sets no
    // secret; the same call with a token value is reported (see 'token' below)
    code`
      import express from 'express';
      const app = express();
      app.post('/logout', (req, res) => {
        res.cookie('token', '', { httpOnly: true });
        res.end();
      });
    `,
    // regression (keystone lib/security/csrf.js): a CSRF cookie named through the module's own export constant
    { code: code`
        const express = require('express');
        exports.XSRF_COOKIE_KEY = 'XSRF-TOKEN';
        exports.middleware = function (req, res, next) {
          res.cookie(exports.XSRF_COOKIE_KEY, res.locals.csrf, { secure: true, sameSite: 'lax' });
          next();
        };
      `, languageOptions: commonjs },
    // regression: cookies that browser code reads (double-submit CSRF tokens) are not asked for httpOnly,
    // even when they turn it off on purpose
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => {
        res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true, sameSite: 'strict' });
        res.cookie('x-csrf-token', req.csrfToken(), { httpOnly: false, secure: true, sameSite: 'lax' });
        res.setHeader('Set-Cookie', 'xsrf-token=abc; Secure; SameSite=Strict');
      });
    `,
    { code: code`
        const express = require('express');
        const cookie = require('cookie');
        const app = express();
        app.post('/form', (req, res) => {
          res.cookie('_csrf', res.locals.token, { secure: true, sameSite: 'lax' });
          res.append('Set-Cookie', cookie.serialize('__Host-psifi.x-csrf-token', res.locals.token, { secure: true, sameSite: 'strict', path: '/' }));
        });
      `, languageOptions: commonjs },
    { code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/spa', (req: Request, res: Response) => {
          res.cookie('CSRF_TOKEN', String(req.headers['x-request-id']), { secure: true, sameSite: 'strict' } as express.CookieOptions);
        });
      `, filename: 'app.ts' },
    // res.cookie with all flags, through res.status() chains and a const (a value that is not a constant, so that
    // httpOnly is asked for too)
    code`
      import express from 'express';
      const app = express();
      const opts = { httpOnly: true, secure: true, sameSite: 'lax' };
      app.post('/login', (req, res) => {
        res.status(200).cookie('token', issueToken(req.user), opts).send('ok');
      });
    `,
    // a .cookie() that is not an Express response
    code`
      import express from 'express';
      const app = express();
      const jar = { cookie(n, v) {} };
      jar.cookie('a', 'b');
      app.get('/', (req, res) => res.send(req.cookies));
    `,
    // a res from http.createServer has no cookie() (Express's): only its Set-Cookie headers count
    { code: code`
        const http = require('http');
        http.createServer((req, res) => {
          res.cookie('a', 'b');
        });
      `, languageOptions: commonjs },
    // a variable named session is not express-session
    code`
      const session = { cookie: {} };
      session.cookie.secure = false;
      export default session;
    `,
    // Set-Cookie with every attribute
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => {
        res.setHeader('Set-Cookie', \`sid=\${req.query.id}; HttpOnly; Secure; SameSite=Lax\`);
        res.append('Set-Cookie', ['a=b; HttpOnly; Secure; SameSite=Strict']);
      });
    `,
    // a header whose attributes come from an expression: unknown
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => {
        res.setHeader('Set-Cookie', \`sid=1\${attrs}\`);
      });
    `,
    // cookie.serialize with every flag
    code`
      import { serialize } from 'cookie';
      export const header = serialize('sid', 'x', { httpOnly: true, secure: true, sameSite: 'lax' });
    `,
    // the options object comes from elsewhere
    code`
      import express from 'express';
      import { cookieOptions } from './config';
      const app = express();
      app.get('/', (req, res) => res.cookie('a', 'b', cookieOptions));
    `,
    // unusual syntax does not crash
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      app.use(session(...args));
      app.get('/', (req, res) => { res.cookie(...parts); res.cookie(); res[method]('a', 'b'); });
    `,
    { code: code`
        import express = require('express');
        import session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.S!, cookie: { secure: true, sameSite: 'lax' } as const }));
      `, filename: 'app.ts' },
    // A per-environment table picked at run time: 'secure: false' in development only is the app's configuration
    // (production sets it), not a finding (CJS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const configs = {
          development: { secret: process.env.S, cookie: { secure: false, httpOnly: true, sameSite: 'lax' } },
          production: { secret: process.env.S, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } },
        };
        const app = express();
        app.use(session(configs[process.env.NODE_ENV || 'development']));
      `,
      languageOptions: commonjs,
    },
    // The same, destructured: `const { cookie } = configs[env]` (ESM); `const { secret, cookie } = ...` (TS)
    code`
      import express from 'express';
      import session from 'express-session';
      const configs = {
        development: { cookie: { secure: false, httpOnly: true, sameSite: 'lax' } },
        production: { cookie: { secure: true, httpOnly: true, sameSite: 'lax' } },
      };
      const { cookie } = configs[process.env.NODE_ENV ?? 'development'];
      const app = express();
      app.use(session({ secret: process.env.S, cookie }));
    `,
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const configs = {
          development: { secret: process.env.S!, cookie: { secure: false, httpOnly: true, sameSite: 'lax' } },
          production: { secret: process.env.S!, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } },
        } as const;
        const { secret, cookie } = configs[process.env.NODE_ENV as keyof typeof configs];
        const app = express();
        app.use(session({ secret, cookie }));
      `,
      filename: 'app.ts',
    },
    // A cookie object assigned to a let declared earlier, but in a branch: not always what is read (ESM)
    code`
      import express from 'express';
      import session from 'express-session';
      const app = express();
      let cookie;
      if (process.env.NODE_ENV !== 'production') {
        cookie = { secure: false, httpOnly: true, sameSite: 'lax' };
      }
      app.use(session({ secret: process.env.S, cookie }));
    `,
  ],
  invalid: [
    // A cookie object assigned to a let declared earlier: read as its literal (ESM)
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        let cookie;
        cookie = { secure: false, httpOnly: true, sameSite: 'lax' };
        app.use(session({ secret: process.env.S, cookie }));
      `,
      errors: [{ messageId: 'disabled', data: { label: 'express-session cookie', flag: 'secure', risk: 'the cookie is sent over plain HTTP, where anyone on the network can read it.' }, line: 5, suggestions: [{ messageId: 'setValue', data: { flag: 'secure', value: 'true' }, output: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        let cookie;
        cookie = { secure: true, httpOnly: true, sameSite: 'lax' };
        app.use(session({ secret: process.env.S, cookie }));
      ` }] }],
    },
    // The same in ES5 output: `var cookie; cookie = { ... }`, handed on as `cookie: cookie` (CJS)
    {
      code: code`
        var session = require('express-session');
        var app = require('express')();
        var cookie;
        cookie = { secure: false, httpOnly: true, sameSite: 'lax' };
        app.use(session({ secret: process.env.S, cookie: cookie }));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'disabled', data: { label: 'express-session cookie', flag: 'secure', risk: 'the cookie is sent over plain HTTP, where anyone on the network can read it.' }, line: 4, suggestions: [{ messageId: 'setValue', data: { flag: 'secure', value: 'true' }, output: code`
        var session = require('express-session');
        var app = require('express')();
        var cookie;
        cookie = { secure: true, httpOnly: true, sameSite: 'lax' };
        app.use(session({ secret: process.env.S, cookie: cookie }));
      ` }] }],
    },
    // A per-environment table picked at run time whose every entry turns 'secure' off: reported at the first entry's
    // value, with no suggestion (it would change one environment) (ESM)
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const configs = {
          development: { cookie: { secure: false, httpOnly: true, sameSite: 'lax' } },
          production: { cookie: { secure: false, httpOnly: true, sameSite: 'lax' } },
        };
        const app = express();
        app.use(session({ secret: process.env.S, ...configs[process.env.NODE_ENV ?? 'development'] }));
      `,
      errors: [{ messageId: 'disabled', data: { label: 'express-session cookie', flag: 'secure', risk: 'the cookie is sent over plain HTTP, where anyone on the network can read it.' }, line: 4, column: 36, suggestions: [] }],
      output: null,
    },
    // The same, destructured: `const { cookie } = configs[env]` (CJS), `const { session: { cookie } } = cfg` of a
    // picked `const cfg` (TS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const configs = {
          development: { cookie: { secure: false, httpOnly: true, sameSite: 'lax' } },
          production: { cookie: { secure: false, httpOnly: true, sameSite: 'lax' } },
        };
        const { cookie } = configs[process.env.NODE_ENV || 'development'];
        const app = express();
        app.use(session({ secret: process.env.S, cookie }));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'disabled', data: { label: 'express-session cookie', flag: 'secure', risk: 'the cookie is sent over plain HTTP, where anyone on the network can read it.' }, line: 4, column: 36, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const configs = {
          development: { session: { cookie: { secure: false, httpOnly: true, sameSite: 'lax' } } },
          production: { session: { cookie: { secure: false, httpOnly: true, sameSite: 'lax' } } },
        } as const;
        const cfg = configs[process.env.NODE_ENV as keyof typeof configs];
        const { session: { cookie } } = cfg;
        const app = express();
        app.use(session({ secret: process.env.S!, cookie }));
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'disabled', data: { label: 'express-session cookie', flag: 'secure', risk: 'the cookie is sent over plain HTTP, where anyone on the network can read it.' }, line: 4, column: 47, suggestions: [] }],
      output: null,
    },
    // the missing flags, with what each exposes (the text is checked below)
    {
      code: code`
        const session = require("express-session");
        app.use(session({ secret: process.env.SECRET, name: "sid", store, cookie: { secure: true, httpOnly: true } }));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { label: 'express-session cookie', flags: "'sameSite'", risks: 'the browser also sends it with requests that other sites start (CSRF)' }, line: 2, suggestions: [{ // (`desc`, the text itself: ESLint's RuleTester reads it, typescript-eslint's type lists only messageId.)
        desc: "Add 'sameSite' (first check that no login or embed from another site needs this cookie).", output: code`
        const session = require("express-session");
        app.use(session({ secret: process.env.SECRET, name: "sid", store, cookie: { secure: true, httpOnly: true, sameSite: "lax" } }));
      ` } as never] }],
      output: null,
    },
    {
      code: code`
        import type { Response } from 'express';
        export function remember(res: Response, id: string): void {
          res.cookie('remember', id, { httpOnly: true });
        }
      `,
      filename: 'remember.ts',
      errors: [{ messageId: 'missing', data: { label: "'remember' cookie (res.cookie())", flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' }, line: 3, suggestions: [{ messageId: 'addFlags', data: { flags: "'secure', 'sameSite'", check: 'that no login or embed from another site needs this cookie, and that the app is served over HTTPS' }, output: code`
        import type { Response } from 'express';
        export function remember(res: Response, id: string): void {
          res.cookie('remember', id, { httpOnly: true, secure: true, sameSite: 'lax' });
        }
      ` }] }],
      output: null,
    },
    // an exported controller (shape), a typed TS handler and a Node server's Set-Cookie header: every function
    // that receives a request, not only the ones registered on an app of the file
    {
      code: code`
        const express = require('express');
        exports.login = (req, res) => { res.cookie('sid', token, { httpOnly: true, secure: true }); };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { label: "'sid' cookie (res.cookie())", flags: "'sameSite'", risks: 'the browser also sends it with requests that other sites start (CSRF)' }, line: 2, suggestions: [{ messageId: 'addFlags', output: code`
        const express = require('express');
        exports.login = (req, res) => { res.cookie('sid', token, { httpOnly: true, secure: true, sameSite: 'lax' }); };
      ` }] }],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        export function login(r: Request, w: Response) {
          w.cookie('sid', String(r.headers['x-sid']), { httpOnly: true, sameSite: 'lax' });
        }
      `,
      filename: 'controller.ts',
      errors: [{ messageId: 'missing', data: { label: "'sid' cookie (res.cookie())", flags: "'secure'", risks: 'it also travels over plain HTTP, where anyone on the network can read it' }, line: 3, suggestions: [{ messageId: 'addFlags', output: code`
        import type { Request, Response } from 'express';
        export function login(r: Request, w: Response) {
          w.cookie('sid', String(r.headers['x-sid']), { httpOnly: true, sameSite: 'lax', secure: true });
        }
      ` }] }],
      output: null,
    },
    {
      code: code`
        import http from 'node:http';
        http.createServer((req, res) => {
          res.setHeader('Set-Cookie', 'sid=1; HttpOnly; SameSite=Lax');
          res.end();
        });
      `,
      errors: [{ messageId: 'missing', data: { label: "'sid' cookie (Set-Cookie header)", flags: "'secure'", risks: 'it also travels over plain HTTP, where anyone on the network can read it' }, line: 3, suggestions: [{ messageId: 'addFlags', output: code`
        import http from 'node:http';
        http.createServer((req, res) => {
          res.setHeader('Set-Cookie', 'sid=1; HttpOnly; SameSite=Lax; Secure');
          res.end();
        });
      ` }] }],
      output: null,
    },
    // seed 000 (express-session, "Use cookies securely"), as written
    {
      // regression: express-session sets no secure cookie on a request it sees as HTTP, so without an app of the
      // file that trusts a proxy (here `app` is not one), adding 'secure' is a suggestion, not a fix
      name: "partial fix: seed 000 express-session (adding 'secure' needs a choice)",
      code: SEED_000_SESSION_NAME,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missingSecure',
          data: { label: 'express-session cookie' },
          line: 3,
          suggestions: [
            {
              messageId: 'addSecure',
              output: code`
                var session = require('express-session')
                app.set('trust proxy', 1) // trust first proxy
                app.use(session({
                  secret: 's3Cur3',
                  name: 'sessionId',
                  cookie: { secure: true }
                }))
              `,
            },
          ],
        },
        { messageId: 'missing', data: { label: 'express-session cookie', flags: "'sameSite'", risks: 'the browser also sends it with requests that other sites start (CSRF)' }, line: 3, suggestions: [{ messageId: 'addFlags', output: code`
        var session = require('express-session')
        app.set('trust proxy', 1) // trust first proxy
        app.use(session({
          secret: 's3Cur3',
          name: 'sessionId',
          cookie: { sameSite: 'lax' }
        }))
      ` }] },
      ],
      output: null,
    },
    // seed 000 (cookie-session example), as written: the nested cookie object is ignored by cookie-session
    {
      name: 'partial fix: seed 000 cookie-session (the other findings need a choice)',
      code: SEED_000_COOKIE_SESSION,
      languageOptions: commonjs,
      errors: [
        { messageId: 'autoWithoutTrustProxy', data: { label: 'cookie-session cookie', apps: 'app' }, line: 6 },
        { messageId: 'missing', data: { label: 'cookie-session cookie', flags: "'sameSite'", risks: 'the browser also sends it with requests that other sites start (CSRF)' }, line: 6, suggestions: [{ messageId: 'addFlags', output: code`
        var session = require('cookie-session')
        var express = require('express')
        var app = express()

        var expiryDate = new Date(Date.now() + 60 * 60 * 1000) // 1 hour
        app.use(session({
          name: 'session',
          keys: ['key1', 'key2'],
          cookie: {
            secure: true,
            httpOnly: true,
            domain: 'example.com',
            path: 'foo/bar',
            expires: expiryDate
          },
          sameSite: 'lax'
        }))
      ` }] },
        { messageId: 'nestedCookieIgnored', line: 9 },
      ],
      output: null,
    },
    // seed 004 restates seed 000's cookie-session example, but its text lost the `app.use(session({` and closing
    // lines (as written it does not parse); here with those two lines put back and nothing else changed
    {
      name: 'partial fix: seed 004 cookie-session, wrapper lines restored',
      code: code`
        var session = require('cookie-session')
        var express = require('express')
        var app = express()

        var expiryDate = new Date( + 60 * 60 * 1000)
        app.use(session({
          name: 'session',
          keys: ['key1', 'key2'],
          cookie: {
            secure: true,
            httpOnly: true,
            domain: '',
            path: 'user/list',
            expires: expiryDate
          }
        }))
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'autoWithoutTrustProxy', line: 6 },
        { messageId: 'missing', data: { label: 'cookie-session cookie', flags: "'sameSite'", risks: 'the browser also sends it with requests that other sites start (CSRF)' }, line: 6, suggestions: [{ messageId: 'addFlags', output: code`
        var session = require('cookie-session')
        var express = require('express')
        var app = express()

        var expiryDate = new Date( + 60 * 60 * 1000)
        app.use(session({
          name: 'session',
          keys: ['key1', 'key2'],
          cookie: {
            secure: true,
            httpOnly: true,
            domain: '',
            path: 'user/list',
            expires: expiryDate
          },
          sameSite: 'lax'
        }))
      ` }] },
        { messageId: 'nestedCookieIgnored', line: 9 },
      ],
      output: null,
    },
    // express-session with no cookie options at all, ESM default import, on an app that trusts its proxy: 'secure'
    // is safe to add (express-session sees the proxied request as HTTPS)
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.set('trust proxy', 1);
        app.use(session({ secret: process.env.S, cookie: {} }));
      `,
      errors: [{ messageId: 'missing', data: { label: 'express-session cookie', flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' }, suggestions: [{ messageId: 'addFlags', output: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.set('trust proxy', 1);
        app.use(session({ secret: process.env.S, cookie: { secure: true, sameSite: 'lax' } }));
      ` }] }],
      output: null,
    },
    // the same without 'trust proxy': 'secure' is a suggestion (it would log users out behind a TLS proxy)
    {
      name: "partial fix: express-session without trust proxy gets 'secure' by suggestion only",
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.S, cookie: {} }));
      `,
      errors: [
        {
          messageId: 'missingSecure',
          suggestions: [
            {
              messageId: 'addSecure',
              output: code`
                import express from 'express';
                import session from 'express-session';
                const app = express();
                app.use(session({ secret: process.env.S, cookie: { secure: true } }));
              `,
            },
          ],
        },
        { messageId: 'missing', data: { label: 'express-session cookie', flags: "'sameSite'", risks: 'the browser also sends it with requests that other sites start (CSRF)' }, suggestions: [{ messageId: 'addFlags', output: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.S, cookie: { sameSite: 'lax' } }));
      ` }] },
      ],
      output: null,
    },
    // named/namespace import, options through a const, strict level
    {
      code: code`
        import * as e from 'express';
        import * as s from 'express-session';
        const app = e.default();
        app.enable('trust proxy');
        const opts = {
          secret: process.env.S,
          cookie: {
            httpOnly: true,
          },
        };
        app.use(s.default(opts));
      `,
      options: [{ sameSite: 'strict' }],
      errors: [{ messageId: 'missing', data: { label: 'express-session cookie', flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' }, line: 7, suggestions: [{ messageId: 'addFlags', output: code`
        import * as e from 'express';
        import * as s from 'express-session';
        const app = e.default();
        app.enable('trust proxy');
        const opts = {
          secret: process.env.S,
          cookie: {
            httpOnly: true,
            secure: true,
            sameSite: 'strict',
          },
        };
        app.use(s.default(opts));
      ` }] }],
      output: null,
    },
    // Trial 32: a cookie helper of a module whose callers, in other files, pass their response (utils/cookies.js of a
    // package that depends on Express): before, `res` there was no response and nothing was read
    {
      code: code`
        import { COOKIE_DEFAULTS } from '../config/cookies.js';
        export function setRememberCookie(res, value) {
          res.cookie('remember', value, { ...COOKIE_DEFAULTS, httpOnly: false, secure: false, maxAge: 2592000000 });
        }
      `,
      filename: inExpressPackage('utils/cookies.js'),
      errors: [
        {
          messageId: 'disabled',
          data: { label: "'remember' cookie (res.cookie())", flag: 'httpOnly', risk: 'any script on the page (an XSS payload) can read the cookie.' },
          line: 3,
          suggestions: [{ messageId: 'setValue', data: { flag: 'httpOnly', value: 'true' }, output: code`
            import { COOKIE_DEFAULTS } from '../config/cookies.js';
            export function setRememberCookie(res, value) {
              res.cookie('remember', value, { ...COOKIE_DEFAULTS, httpOnly: true, secure: false, maxAge: 2592000000 });
            }
          ` }],
        },
        {
          messageId: 'disabled',
          data: { label: "'remember' cookie (res.cookie())", flag: 'secure', risk: 'the cookie is sent over plain HTTP, where anyone on the network can read it.' },
          line: 3,
          suggestions: [{ messageId: 'setValue', data: { flag: 'secure', value: 'true' }, output: code`
            import { COOKIE_DEFAULTS } from '../config/cookies.js';
            export function setRememberCookie(res, value) {
              res.cookie('remember', value, { ...COOKIE_DEFAULTS, httpOnly: false, secure: true, maxAge: 2592000000 });
            }
          ` }],
        },
      ],
      output: null,
    },
    // ... CommonJS, an arrow function exported by name, through `res.status(...)`
    {
      code: "exports.setAuthCookie = (res, token) => res.status(200).cookie('auth', token, { httpOnly: true, secure: false, sameSite: 'lax' });",
      languageOptions: commonjs,
      filename: inExpressPackage('utils/cookies.js'),
      errors: [{ messageId: 'disabled', data: { label: "'auth' cookie (res.cookie())", flag: 'secure', risk: 'the cookie is sent over plain HTTP, where anyone on the network can read it.' }, suggestions: [{ messageId: 'setValue', data: { flag: 'secure', value: 'true' }, output: "exports.setAuthCookie = (res, token) => res.status(200).cookie('auth', token, { httpOnly: true, secure: true, sameSite: 'lax' });" }] }],
      output: null,
    },
    // ... TypeScript, `response` typed with another package's type, in a file that imports Express
    {
      code: code`
        import type { CookieOptions } from 'express';
        const base: CookieOptions = { httpOnly: true, secure: true };
        export const setAuthCookie = (response: { cookie: Function }, token: string) => response.cookie('auth', token, base);
      `,
      filename: inExpressPackage('utils/cookies.ts'),
      errors: [{
        messageId: 'missing',
        data: { label: "'auth' cookie (res.cookie())", flags: "'sameSite'", risks: 'the browser also sends it with requests that other sites start (CSRF)' },
        line: 3,
        suggestions: [{ messageId: 'addFlags', data: { flags: "'sameSite'", check: 'that no login or embed from another site needs this cookie' }, output: code`
          import type { CookieOptions } from 'express';
          const base: CookieOptions = { httpOnly: true, secure: true, sameSite: 'lax' };
          export const setAuthCookie = (response: { cookie: Function }, token: string) => response.cookie('auth', token, base);
        ` }],
      }],
      output: null,
    },
    // explicit false: suggestions, no fix
    {
      code: code`
        import session from 'express-session';
        export default session({ secret: process.env.S, cookie: { httpOnly: false, secure: false, sameSite: false } });
      `,
      errors: [
        {
          messageId: 'disabled',
          data: { label: 'express-session cookie', flag: 'httpOnly', risk: 'any script on the page (an XSS payload) can read the cookie.' },
          suggestions: [{ messageId: 'setValue', data: { flag: 'httpOnly', value: 'true' }, output: code`
            import session from 'express-session';
            export default session({ secret: process.env.S, cookie: { httpOnly: true, secure: false, sameSite: false } });
          ` }],
        },
        {
          messageId: 'disabled',
          data: { label: 'express-session cookie', flag: 'secure', risk: 'the cookie is sent over plain HTTP, where anyone on the network can read it.' },
          suggestions: [{ messageId: 'setValue', data: { flag: 'secure', value: 'true' }, output: code`
            import session from 'express-session';
            export default session({ secret: process.env.S, cookie: { httpOnly: false, secure: true, sameSite: false } });
          ` }],
        },
        {
          messageId: 'disabled',
          data: { label: 'express-session cookie', flag: 'sameSite', risk: 'the browser sends the cookie with cross-site requests (CSRF).' },
          suggestions: [{ messageId: 'setValue', data: { flag: 'sameSite', value: "'lax'" }, output: code`
            import session from 'express-session';
            export default session({ secret: process.env.S, cookie: { httpOnly: false, secure: false, sameSite: 'lax' } });
          ` }],
        },
      ],
      output: null,
    },
    // a later write that turns secure off wins over the literal
    {
      code: code`
        import session from 'express-session';
        const sess = { secret: process.env.S, cookie: { secure: true, sameSite: 'lax' } };
        sess.cookie.secure = false;
        export default session(sess);
      `,
      errors: [{ messageId: 'disabled', line: 3, suggestions: [{ messageId: 'setValue', output: code`
        import session from 'express-session';
        const sess = { secret: process.env.S, cookie: { secure: true, sameSite: 'lax' } };
        sess.cookie.secure = true;
        export default session(sess);
      ` }] }],
      output: null,
    },
    // httpOnly that may be false
    {
      code: code`
        import session from 'express-session';
        export default session({ secret: process.env.S, cookie: { secure: true, sameSite: 'lax', httpOnly: debug ? false : true } });
      `,
      errors: [{ messageId: 'mayBeDisabled', suggestions: [{ messageId: 'setValue', output: code`
        import session from 'express-session';
        export default session({ secret: process.env.S, cookie: { secure: true, sameSite: 'lax', httpOnly: true } });
      ` }] }],
      output: null,
    },
    // secure: 'auto' without trust proxy
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session({ secret: process.env.S, cookie: { secure: 'auto', sameSite: 'lax' } }));
      `,
      errors: [{ messageId: 'autoWithoutTrustProxy', data: { label: 'express-session cookie', apps: 'app' } }],
      output: null,
    },
    // trust proxy on another app does not count; mounted on a router counts through its parent
    {
      code: code`
        import express, { Router } from 'express';
        import session from 'express-session';
        const app = express();
        const admin = express();
        admin.set('trust proxy', 1);
        const router = Router();
        router.use(session({ secret: process.env.S, cookie: { secure: 'auto', sameSite: 'lax' } }));
        app.use('/r', router);
      `,
      errors: [{ messageId: 'autoWithoutTrustProxy', data: { label: 'express-session cookie', apps: 'app' } }],
      output: null,
    },
    // cookie-session's automatic 'Secure' on an app that does not trust its proxy: not secure, and 'none' is reported
    // once, by the 'trust proxy' message, whose fix makes 'none' right too (retrial r2: not also "without 'secure'"),
    // for express-session's secure: 'auto' too
    {
      code: code`
        const express = require('express');
        const session = require('cookie-session');
        const expressSession = require('express-session');
        const app = express();
        app.use(session({ name: 'p', keys: [process.env.K], sameSite: 'none' }));
        app.use(expressSession({ name: 'q', secret: process.env.S, cookie: { httpOnly: true, secure: 'auto', sameSite: 'none', maxAge: 1000 } }));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'autoWithoutTrustProxy', data: { label: 'cookie-session cookie', apps: 'app' }, line: 5 },
        { messageId: 'autoWithoutTrustProxy', data: { label: 'express-session cookie', apps: 'app' }, line: 6 },
      ],
      output: null,
    },
    // sameSite none with a 'secure' known only at run time (trial 23 r4: not "without 'secure'")
    {
      code: code`
        import session from 'express-session';
        export default session({ secret: process.env.S, cookie: { secure: process.env.HTTPS === '1', sameSite: 'none' } });
      `,
      errors: [{ messageId: 'noneWithUncertainSecure', data: { label: 'express-session cookie' } }],
      output: null,
    },
    // the same on a cookie named by a const of the file
    {
      code: code`
        const express = require('express');
        const app = express();
        const COOKIE = 'embed';
        app.get('/x', (req, res) => {
          res.cookie(COOKIE, req.user.id, { httpOnly: true, secure: req.secure, sameSite: 'none', maxAge: 1000 });
          res.end();
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'noneWithUncertainSecure', data: { label: "'embed' cookie (res.cookie())" }, line: 5 },
      ],
      output: null,
    },
    // strict level: lax is weaker
    {
      code: code`
        import session from 'express-session';
        export default session({ secret: process.env.S, cookie: { secure: true, sameSite: 'lax' } });
      `,
      options: [{ sameSite: 'strict' }],
      errors: [{ messageId: 'weakSameSite', data: { label: 'express-session cookie', value: 'lax', level: 'strict' }, suggestions: [{ messageId: 'setValue', output: code`
        import session from 'express-session';
        export default session({ secret: process.env.S, cookie: { secure: true, sameSite: 'strict' } });
      ` }] }],
      output: null,
    },
    // requireExpiry, requireDomain, requirePath
    {
      code: code`
        import session from 'express-session';
        export default session({ secret: process.env.S, cookie: { secure: true, sameSite: 'lax' } });
      `,
      options: [{ requireExpiry: true, requireDomain: true, requirePath: true }],
      errors: [
        { messageId: 'missingExpiry', data: { label: 'express-session cookie' } },
        { messageId: 'missingAttribute', data: { label: 'express-session cookie', flag: 'domain' } },
        { messageId: 'missingAttribute', data: { label: 'express-session cookie', flag: 'path' } },
      ],
      output: null,
    },
    // no options at all: the options object is added
    {
      name: "partial fix: express-session called without options in a module with no app ('secure' by suggestion)",
      code: code`
        import session from 'express-session';
        export default session();
      `,
      errors: [
        {
          messageId: 'missingSecure',
          suggestions: [
            {
              messageId: 'addSecure',
              output: code`
                import session from 'express-session';
                export default session({ cookie: { secure: true } });
              `,
            },
          ],
        },
        { messageId: 'missing', data: { label: 'express-session cookie', flags: "'sameSite'", risks: 'the browser also sends it with requests that other sites start (CSRF)' }, suggestions: [{ messageId: 'addFlags', output: code`
        import session from 'express-session';
        export default session({ cookie: { sameSite: 'lax' } });
      ` }] },
      ],
      output: null,
    },
    // cookie-session called without options, no app: secure is left to the request
    {
      code: code`
        import cookieSession from 'cookie-session';
        export default cookieSession();
      `,
      errors: [{ messageId: 'missing', data: { label: 'cookie-session cookie', flags: "'sameSite'", risks: 'the browser also sends it with requests that other sites start (CSRF)' }, suggestions: [{ messageId: 'addFlags', output: code`
        import cookieSession from 'cookie-session';
        export default cookieSession({ sameSite: 'lax' });
      ` }] }],
      output: null,
    },
    // res.cookie without options: the options object is added; httpOnly only by suggestion (regression: a
    // per-cookie API sets cookies that browser code may read, so --fix never adds httpOnly there)
    {
      name: 'partial fix: res.cookie gets secure and sameSite by --fix, httpOnly only as a suggestion',
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => {
          res.cookie('token', token);
          res.send('ok');
        });
      `,
      errors: [
        { messageId: 'missing', data: { label: "'token' cookie (res.cookie())", flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' }, line: 4, suggestions: [{ messageId: 'addFlags', output: code`
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => {
          res.cookie('token', token, { secure: true, sameSite: 'lax' });
          res.send('ok');
        });
      ` }] },
        {
          messageId: 'missingHttpOnly',
          data: { label: 'res.cookie()', cookie: "cookie 'token'" },
          line: 4,
          suggestions: [
            {
              messageId: 'addHttpOnly',
              data: { flag: 'httpOnly: true' },
              output: code`
                import express from 'express';
                const app = express();
                app.post('/login', (req, res) => {
                  res.cookie('token', token, { httpOnly: true });
                  res.send('ok');
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // ... and what --fix leaves: only the httpOnly question, with its suggestion
    {
      name: 'after --fix, res.cookie is still asked for httpOnly by suggestion only',
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => {
          res.cookie('token', token, { secure: true, sameSite: 'lax' });
          res.send('ok');
        });
      `,
      errors: [
        {
          messageId: 'missingHttpOnly',
          data: { label: 'res.cookie()', cookie: "cookie 'token'" },
          suggestions: [
            {
              messageId: 'addHttpOnly',
              output: code`
                import express from 'express';
                const app = express();
                app.post('/login', (req, res) => {
                  res.cookie('token', token, { secure: true, sameSite: 'lax', httpOnly: true });
                  res.send('ok');
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // regression: the SPA's CSRF cookie must stay readable: never httpOnly, by fix or suggestion
    {
      name: "res.cookie('XSRF-TOKEN') is fixed for secure and sameSite and never given httpOnly",
      code: code`
        import express from 'express';
        const app = express();
        app.use((req, res, next) => {
          res.cookie('XSRF-TOKEN', req.csrfToken());
          next();
        });
      `,
      errors: [{ messageId: 'missing', data: { label: "'XSRF-TOKEN' cookie (res.cookie())", flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' }, suggestions: [{ messageId: 'addFlags', output: code`
        import express from 'express';
        const app = express();
        app.use((req, res, next) => {
          res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true, sameSite: 'lax' });
          next();
        });
      ` }] }],
      output: null,
    },
    {
      name: 'a CSRF Set-Cookie header (CommonJS) is not asked for HttpOnly',
      code: code`
        const express = require('express');
        const app = express();
        app.get('/form', (req, res) => {
          res.setHeader('Set-Cookie', \`csrf-token=\${req.csrfToken()}; Path=/\`);
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { label: "'csrf-token' cookie (Set-Cookie header)", flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' }, suggestions: [{ messageId: 'addFlags', output: code`
        const express = require('express');
        const app = express();
        app.get('/form', (req, res) => {
          res.setHeader('Set-Cookie', \`csrf-token=\${req.csrfToken()}; Path=/; Secure; SameSite=Lax\`);
        });
      ` }] }],
      output: null,
    },
    // res.cookie on a router, through a res.status() chain, CommonJS destructuring
    {
      code: code`
        const { Router } = require('express');
        const router = Router();
        router.get('/', function handler(req, response) {
          response.status(201).cookie('a', value, { maxAge: 1000 }).end();
        });
        module.exports = router;
      `,
      languageOptions: commonjs,
      name: 'partial fix: res.cookie on a router through res.status() (CommonJS)',
      errors: [
        { messageId: 'missing', data: { label: "'a' cookie (res.cookie())", flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' }, suggestions: [{ messageId: 'addFlags', output: code`
        const { Router } = require('express');
        const router = Router();
        router.get('/', function handler(req, response) {
          response.status(201).cookie('a', value, { maxAge: 1000, secure: true, sameSite: 'lax' }).end();
        });
        module.exports = router;
      ` }] },
        {
          messageId: 'missingHttpOnly',
          data: { label: 'res.cookie()', cookie: "cookie 'a'" },
          suggestions: [
            {
              messageId: 'addHttpOnly',
              output: code`
                const { Router } = require('express');
                const router = Router();
                router.get('/', function handler(req, response) {
                  response.status(201).cookie('a', value, { maxAge: 1000, httpOnly: true }).end();
                });
                module.exports = router;
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // TS, a handler declared apart
    {
      code: code`
        import express = require('express');
        const app = express();
        function setToken(req: express.Request, res: express.Response): void {
          res.cookie('t', value, { secure: true, sameSite: 'strict' } as express.CookieOptions);
        }
        app.get('/t', setToken);
      `,
      filename: 'app.ts',
      errors: [
        {
          messageId: 'missingHttpOnly',
          data: { label: 'res.cookie()', cookie: "cookie 't'" },
          suggestions: [
            {
              messageId: 'addHttpOnly',
              data: { flag: 'httpOnly: true' },
              output: code`
                import express = require('express');
                const app = express();
                function setToken(req: express.Request, res: express.Response): void {
                  res.cookie('t', value, { secure: true, sameSite: 'strict', httpOnly: true } as express.CookieOptions);
                }
                app.get('/t', setToken);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // Set-Cookie header strings
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/', (req, res) => {
          res.setHeader('Set-Cookie', 'sid=1; Path=/');
          res.append('Set-Cookie', [\`theme=\${req.query.t}; HttpOnly; SameSite=None\`]);
        });
      `,
      name: 'partial suggestions: Set-Cookie header strings',
      errors: [
        {
          messageId: 'missing',
          data: { label: "'sid' cookie (Set-Cookie header)", flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' },
          line: 4,
          suggestions: [
            {
              messageId: 'addFlags',
              output: code`
                import express from 'express';
                const app = express();
                app.get('/', (req, res) => {
                  res.setHeader('Set-Cookie', 'sid=1; Path=/; Secure; SameSite=Lax');
                  res.append('Set-Cookie', [\`theme=\${req.query.t}; HttpOnly; SameSite=None\`]);
                });
              `,
            },
          ],
        },
        {
          messageId: 'missingHttpOnly',
          data: { label: 'Set-Cookie header', cookie: "cookie 'sid'" },
          line: 4,
          suggestions: [
            {
              messageId: 'addHttpOnly',
              data: { flag: 'HttpOnly' },
              output: code`
                import express from 'express';
                const app = express();
                app.get('/', (req, res) => {
                  res.setHeader('Set-Cookie', 'sid=1; Path=/; HttpOnly');
                  res.append('Set-Cookie', [\`theme=\${req.query.t}; HttpOnly; SameSite=None\`]);
                });
              `,
            },
          ],
        },
        { messageId: 'noneWithoutSecure', line: 5 },
        {
          messageId: 'missing',
          data: { label: "'theme' cookie (Set-Cookie header)", flags: "'secure'", risks: 'it also travels over plain HTTP, where anyone on the network can read it' },
          line: 5,
          suggestions: [
            {
              messageId: 'addFlags',
              output: code`
                import express from 'express';
                const app = express();
                app.get('/', (req, res) => {
                  res.setHeader('Set-Cookie', 'sid=1; Path=/');
                  res.append('Set-Cookie', [\`theme=\${req.query.t}; HttpOnly; SameSite=None; Secure\`]);
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // a file that writes double quotes gets double quotes
    {
      code: code`
        import express from "express";
        const app = express();
        app.get("/", (req, res) => res.cookie("a", req.user.id, { sameSite: false }));
      `,
      errors: [
        { messageId: 'missing', data: { label: "'a' cookie (res.cookie())", flags: "'secure'", risks: 'it also travels over plain HTTP, where anyone on the network can read it' }, suggestions: [{ messageId: 'addFlags', output: code`
        import express from "express";
        const app = express();
        app.get("/", (req, res) => res.cookie("a", req.user.id, { sameSite: false, secure: true }));
      ` }] },
        { messageId: 'missingHttpOnly', data: { label: 'res.cookie()', cookie: "cookie 'a'" }, suggestions: [{ messageId: 'addHttpOnly', output: code`
          import express from "express";
          const app = express();
          app.get("/", (req, res) => res.cookie("a", req.user.id, { sameSite: false, httpOnly: true }));
        ` }] },
        { messageId: 'disabled', suggestions: [{ messageId: 'setValue', data: { flag: 'sameSite', value: '"lax"' }, output: code`
          import express from "express";
          const app = express();
          app.get("/", (req, res) => res.cookie("a", req.user.id, { sameSite: "lax" }));
        ` }] },
      ],
      output: null,
      name: 'partial fix: double quotes (sameSite: false needs a choice)',
    },
    // cookie.serialize
    {
      code: code`
        const cookie = require('cookie');
        module.exports = (token) => cookie.serialize('sid', token, { httpOnly: true });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { label: "'sid' cookie (cookie.serialize())", flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' }, suggestions: [{ messageId: 'addFlags', output: code`
        const cookie = require('cookie');
        module.exports = (token) => cookie.serialize('sid', token, { httpOnly: true, secure: true, sameSite: 'lax' });
      ` }] }],
      output: null,
    },
  ],
});

// The message of missing flags says what each exposes, not only its name (NodeGoat's session cookie had none).
describe('secure-cookies: the message of missing flags', () => {
  const lint = (text: string, filename: string): string[] =>
    new Linter({ configType: 'flat' })
      .verify(
        text,
        [
          {
            files: ['**/*.{js,ts}'],
            plugins: { 'secure-express': { rules: { 'secure-cookies': rule as unknown as Rule.RuleModule } } },
            languageOptions: filename.endsWith('.ts') ? { parser: tsParser } : { sourceType: 'commonjs' },
            rules: { 'secure-express/secure-cookies': 'error' },
          },
        ],
        filename,
      )
      .map((m) => m.message);

  it('names the risk of a missing sameSite (CommonJS)', () => {
    expect(lint("const session = require('express-session');\napp.use(session({ secret: process.env.S, name: 'sid', store, cookie: { secure: true, httpOnly: true } }));\n", 'app.js')).toEqual([
      "The express-session cookie is set without 'sameSite': the browser also sends it with requests that other sites start (CSRF).",
    ]);
  });

  it('names the risk of each missing flag (TypeScript)', () => {
    expect(lint("import type { Response } from 'express';\nexport function remember(res: Response, id: string): void { res.cookie('remember', id, { httpOnly: true }); }\n", 'remember.ts')).toEqual([
      "The 'remember' cookie (res.cookie()) is set without 'secure', 'sameSite': it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF).",
    ]);
  });

  it('names the cookie when the code shows its name, else the call', () => {
    expect(lint("import type { Response } from 'express';\nexport function remember(res: Response, name: string, id: string): void { res.cookie(name, id, { httpOnly: true, secure: true }); }\n", 'remember.ts')).toEqual([
      "The res.cookie() is set without 'sameSite': the browser also sends it with requests that other sites start (CSRF).",
    ]);
  });

  it('says nothing of a cookie with every flag', () => {
    expect(lint("import type { Response } from 'express';\nexport function remember(res: Response, id: string): void { res.cookie('remember', id, { httpOnly: true, secure: true, sameSite: 'lax' }); }\n", 'remember.ts')).toEqual([]);
  });
});

// A new-user trial (session 14): a cookie whose value is a constant of the code (a preference) is the same for
// everyone: no secret to steal, no session to ride, so secure, sameSite and an expiry are not asked for.
runRuleTests('secure-cookies (constant values)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/theme/dark', (req, res) => {
          res.cookie('theme', 'dark', { maxAge: 86400000 });
          res.redirect('/');
        });
      `,
      languageOptions: commonjs,
      options: [{ requireExpiry: true }],
    },
    code`
      import express from 'express';
      const DEFAULT_LANG = 'en';
      const app = express();
      app.get('/lang/reset', (req, res) => {
        res.cookie('lang', DEFAULT_LANG);
        res.end();
      });
    `,
    {
      code: code`
        import type { Request, Response } from 'express';
        export function acceptCookies(req: Request, res: Response): void {
          res.cookie('consent', 1, { path: '/' });
          res.end();
        }
      `,
      filename: 'consent.ts',
      options: [{ requireExpiry: true }],
    },
  ],
  invalid: [
    // a value from the request is no constant (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/theme', (req, res) => {
          res.cookie('theme', String(req.query.t), { httpOnly: true, maxAge: 86400000 });
          res.end();
        });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missing',
          data: { label: "'theme' cookie (res.cookie())", flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' },
          suggestions: [
            {
              messageId: 'addFlags',
              data: { flags: "'secure', 'sameSite'", check: 'that no login or embed from another site needs this cookie, and that the app is served over HTTPS' },
              output: code`
                const express = require('express');
                const app = express();
                app.get('/theme', (req, res) => {
                  res.cookie('theme', String(req.query.t), { httpOnly: true, maxAge: 86400000, secure: true, sameSite: 'lax' });
                  res.end();
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
