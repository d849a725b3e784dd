import rule from '../../src/rules/no-session-on-static';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('no-session-on-static', rule, {
  valid: [
    { code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(express.static('public'));
        app.use(session({ secret: 's' }));
      `, languageOptions: commonjs },
    // session on another path prefix
    code`
      import express from 'express';
      import session from 'express-session';
      import serveStatic from 'serve-static';
      const app = express();
      app.use('/app', session({ secret: 's' }));
      app.use('/assets', serveStatic('public'));
    `,
    // session on another app, or on a router mounted elsewhere
    code`
      import express, { Router } from 'express';
      import session from 'express-session';
      const api = Router();
      api.use(session({ secret: 's' }));
      const app = express();
      app.use(express.static('public'));
      app.use('/api', api);
    `,
    // no session at all
    code`
      import * as e from 'express';
      const app = e.default();
      app.use(e.static('public', { maxAge: '1d' }));
    `,
  ],
  invalid: [
    // loops18: a loop is written out as one call per element; the static middleware they share is reported once,
    // with no suggestion (its statement is the loop's) (CommonJS)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.SECRET }));
        for (const p of ['/a', '/b']) app.use(p, express.static('public'));
        app.get('/', (req, res) => res.end());
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'afterSession',
          data: { static: "express.static('public')", session: "express-session's session()", where: 'line 4', app: 'app' },
          line: 5,
          column: 42,
          suggestions: [],
        },
      ],
    },
    // CommonJS: suggestion moves the static line up
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        app.use(session({ secret: process.env.SECRET }));
        app.use(express.json());
        app.use(express.static('public'));
        app.get('/', (req, res) => res.end());
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'afterSession',
          data: { static: "express.static('public')", session: "express-session's session()", where: 'line 4', app: 'app' },
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'moveStatic',
              output: code`
                const express = require('express');
                const session = require('express-session');
                const app = express();
                app.use(express.static('public'));
                app.use(session({ secret: process.env.SECRET }));
                app.use(express.json());
                app.get('/', (req, res) => res.end());
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // serve-static, cookie-session through a const, passport.session(), in a function body
    {
      code: code`
        import express from 'express';
        import cookieSession from 'cookie-session';
        import serveStatic from 'serve-static';
        import passport from 'passport';
        export function start() {
          const app = express();
          const sessions = cookieSession({ keys: ['k'] });
          app.use(sessions);
          app.use(passport.session());
          app.use('/static', serveStatic('public'));
          app.listen(3000);
        }
      `,
      errors: [
        {
          messageId: 'afterSession',
          data: { static: "serve-static('public')", session: "cookie-session's cookieSession()", where: 'line 8', app: 'app' },
          suggestions: [
            {
              messageId: 'moveStatic',
              output: code`
                import express from 'express';
                import cookieSession from 'cookie-session';
                import serveStatic from 'serve-static';
                import passport from 'passport';
                export function start() {
                  const app = express();
                  const sessions = cookieSession({ keys: ['k'] });
                  app.use('/static', serveStatic('public'));
                  app.use(sessions);
                  app.use(passport.session());
                  app.listen(3000);
                }
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // in the same use call: no move suggestion
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use([session({ secret: 's' }), express.static('public')]);
      `,
      errors: [{ messageId: 'afterSession', suggestions: [] }],
      output: null,
    },
    // a router serving static files under an app with sessions
    {
      code: code`
        import express, { Router } from 'express';
        import session from 'express-session';
        const assets = Router();
        assets.use(express.static('public'));
        const app = express();
        app.use(session({ secret: 's' }));
        app.use('/assets', assets);
      `,
      errors: [{ messageId: 'afterSession', data: { static: "express.static('public')", session: "express-session's session()", where: 'line 6', app: 'assets' }, line: 4, suggestions: [] }],
      output: null,
    },
    // regression: the message names the session middleware; it never quotes its source, secret included
    {
      name: 'a multi-line session() with a literal secret is named, not quoted',
      code: code`
        import express from 'express';
        import session from 'express-session';
        import path from 'node:path';
        const app = express();
        app.use(
          session({
            secret: 'keyboard cat',
            resave: false,
          }),
        );
        app.use(express.static(path.join(__dirname, 'public')));
        app.listen(3000);
      `,
      filename: 'server.ts',
      errors: [
        {
          messageId: 'afterSession',
          data: { static: 'express.static(…)', session: "express-session's session()", where: 'line 6', app: 'app' },
          line: 11,
          suggestions: [
            {
              messageId: 'moveStatic',
              output: code`
                import express from 'express';
                import session from 'express-session';
                import path from 'node:path';
                const app = express();
                app.use(express.static(path.join(__dirname, 'public')));
                app.use(
                  session({
                    secret: 'keyboard cat',
                    resave: false,
                  }),
                );
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // TS import-equals, chained use
    {
      code: code`
        import express = require('express');
        import session = require('express-session');
        const app = express();
        app.use(session({ secret: 's' })).use(express.static('public'));
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'afterSession', suggestions: [] }],
      output: null,
    },
  ],
});
