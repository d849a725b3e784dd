import rule from '../../src/rules/no-default-session-name';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { SEED_000_COOKIE_SESSION, SEED_000_SESSION_NAME, SEED_002_REDIS_SESSION } from '../helpers/seeds';

runRuleTests('no-default-session-name', rule, {
  valid: [
    // An options object that spreads itself (`var` is hoisted: undefined when spread): unknown, never a stack overflow (trial 15)
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const app = express();
        var opts = { ...opts, secret: process.env.SESSION_SECRET };
        app.use(session(opts));
      `,
      languageOptions: commonjs,
    },
    // seed 000 (express-session, "Don't use the default session cookie name"), as written
    { code: SEED_000_SESSION_NAME, languageOptions: commonjs },
    code`
      import cookieSession from 'cookie-session';
      export default cookieSession({ name: 'sid', keys: [process.env.KEY] });
    `,
    // the name comes from elsewhere, or from a spread that may hold it
    code`
      import session from 'express-session';
      export default session({ name: process.env.COOKIE_NAME, secret: process.env.S });
    `,
    code`
      import session from 'express-session';
      import { base } from './config';
      export default session({ ...base, secret: process.env.S });
    `,
    code`
      import session from 'express-session';
      import { options } from './config';
      export default session(options);
    `,
    // a later write sets it
    code`
      import session from 'express-session';
      const opts = { secret: process.env.S };
      opts.name = 'app.sid';
      export default session(opts);
    `,
    // a variable named session is not the library
    code`
      const session = (o) => o;
      export default session({ secret: 'x' });
    `,
    { code: code`
        import session = require('express-session');
        export = session({ name: 'sid', secret: process.env.S! });
      `, filename: 'app.ts' },
    code`
      import session from 'express-session';
      export default session(...args);
    `,
    // \`key\`, the option's former name, still names the cookie in both libraries (trial 16: mongo-express)
    code`
      import session from 'express-session';
      import config from './config.js';
      export default session({ key: config.site.cookieKeyName, secret: config.site.sessionSecret });
    `,
    {
      code: code`
        const session = require('express-session');
        module.exports = session({ key: 'app.sid', secret: process.env.S });
      `,
      languageOptions: commonjs,
    },
    { code: code`
        import cookieSession from 'cookie-session';
        export default cookieSession({ key: 'sess', keys: [process.env.KEY as string] });
      `, filename: 'session.ts' },
    // \`name\` wins over \`key\`
    code`
      import session from 'express-session';
      export default session({ name: 'sid', key: 'connect.sid', secret: process.env.S });
    `,
    // A per-environment table picked at run time: a name that one entry sets and another lacks, or an entry that is
    // not a literal, leaves the name unknown (CJS, ESM)
    {
      code: code`
        const session = require('express-session');
        const configs = {
          development: { secret: process.env.S },
          production: { secret: process.env.S, name: 'sid' },
        };
        module.exports = session(configs[process.env.NODE_ENV || 'development']);
      `,
      languageOptions: commonjs,
    },
    code`
      import session from 'express-session';
      const configs = { development: { secret: process.env.S }, production: productionOptions() };
      export default session(configs[process.env.NODE_ENV ?? 'development']);
    `,
    // Destructured: names that differ between entries (TS)
    {
      code: code`
        import session from 'express-session';
        const configs = { dev: { name: 'connect.sid' }, prod: { name: 'app.sid' } } as const;
        const { name } = configs[process.env.APP_ENV as keyof typeof configs];
        export default session({ secret: process.env.S!, name });
      `,
      filename: 'app.ts',
    },
    // An options object assigned to a var declared earlier (ES5 output), but not always before the read: in a branch,
    // written twice, by a nested function, after the read, in a loop (CJS)
    {
      code: code`
        var session = require('express-session');
        var app = require('express')();
        var a, b, c, d, e;
        if (process.env.X) {
          a = { name: 'connect.sid', secret: process.env.S };
        }
        app.use(session(a));
        b = { name: 'connect.sid', secret: process.env.S };
        b = loadOptions();
        app.use(session(b));
        setup(function () {
          c = { name: 'connect.sid', secret: process.env.S };
        });
        app.use(session(c));
        app.use(session(d));
        d = { name: 'connect.sid', secret: process.env.S };
        for (var i = 0; i < 1; i++) {
          e = { name: 'connect.sid', secret: process.env.S };
          app.use(session(e));
        }
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // Medusa 1.20.11 dist/loaders/express.js (ES5 output): the options object assigned to a var declared earlier, in
    // the function that reads it (the var is declared in an outer function)
    {
      code: code`
        "use strict";
        var express_session_1 = require('express-session');
        exports.default = function (_a) {
          var app = _a.app;
          var sessionOpts;
          return run(function () {
            sessionOpts = { name: 'connect.sid', secret: process.env.S };
            app.use(express_session_1(sessionOpts));
          });
        };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'defaultName', data: { library: 'express-session', default: 'connect.sid' }, line: 7, suggestions: [{ messageId: 'setName', output: code`
        "use strict";
        var express_session_1 = require('express-session');
        exports.default = function (_a) {
          var app = _a.app;
          var sessionOpts;
          return run(function () {
            sessionOpts = { name: "sid", secret: process.env.S };
            app.use(express_session_1(sessionOpts));
          });
        };
      ` }] }],
    },
    // A per-environment table picked at run time: no entry names the cookie (reported at the call: no one literal to
    // add the name to), or every entry names it 'connect.sid' (at the first entry's, with no suggestion: it would
    // change one environment) (CJS, ESM)
    {
      code: code`
        const session = require('express-session');
        const configs = {
          development: { secret: process.env.S, cookie: { secure: false } },
          production: { secret: process.env.S, cookie: { secure: true } },
        };
        module.exports = session(configs[process.env.NODE_ENV || 'development']);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missingName', data: { library: 'express-session', default: 'connect.sid' }, line: 6, column: 18, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        import session from 'express-session';
        const env = process.env.NODE_ENV ?? 'development';
        const configs = { development: { name: 'connect.sid' }, production: { name: 'connect.sid' } };
        export default session({ secret: process.env.S, ...configs[env] });
      `,
      errors: [{ messageId: 'defaultName', data: { library: 'express-session', default: 'connect.sid' }, line: 3, column: 40, suggestions: [] }],
      output: null,
    },
    // Destructured: `const { session: options } = configs[env]` whose every entry names the cookie 'connect.sid' (CJS),
    // `const { name } = configs[env]` handed on as `{ name }` (ESM): at the first entry's name, with no suggestion
    {
      code: code`
        const session = require('express-session');
        const configs = {
          development: { session: { secret: process.env.S, name: 'connect.sid' } },
          production: { session: { secret: process.env.S, name: 'connect.sid' } },
        };
        const { session: options } = configs[process.env.NODE_ENV || 'development'];
        module.exports = session(options);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'defaultName', data: { library: 'express-session', default: 'connect.sid' }, line: 3, column: 58, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        import session from 'express-session';
        const configs = { development: { name: 'connect.sid' }, production: { name: 'connect.sid' } };
        const { name } = configs[process.env.NODE_ENV ?? 'development'];
        export default session({ secret: process.env.S, name });
      `,
      errors: [{ messageId: 'defaultName', data: { library: 'express-session', default: 'connect.sid' }, line: 2, column: 40, suggestions: [] }],
      output: null,
    },
    // seed 000 (cookie-session example), as written: 'session' is cookie-session's default name
    {
      code: SEED_000_COOKIE_SESSION,
      languageOptions: commonjs,
      errors: [{
        messageId: 'defaultName',
        data: { library: 'cookie-session', default: 'session' },
        line: 7,
        suggestions: [{ messageId: 'setName', output: code`
          var session = require('cookie-session')
          var express = require('express')
          var app = express()

          var expiryDate = new Date(Date.now() + 60 * 60 * 1000) // 1 hour
          app.use(session({
            name: 'sid',
            keys: ['key1', 'key2'],
            cookie: {
              secure: true,
              httpOnly: true,
              domain: 'example.com',
              path: 'foo/bar',
              expires: expiryDate
            }
          }))
        ` }],
      }],
      output: null,
    },
    // seed 002 (express-session with Redis), as written: no name
    {
      code: SEED_002_REDIS_SESSION,
      languageOptions: commonjs,
      errors: [{
        messageId: 'missingName',
        data: { library: 'express-session', default: 'connect.sid' },
        line: 8,
        suggestions: [{ messageId: 'setName', output: code`
          const session = require('express-session');
          const RedisStore = require('connect-redis').default;
          const { createClient } = require('redis');

          const redisClient = createClient();
          redisClient.connect().catch(console.error);

          app.use(session({
            store: new RedisStore({ client: redisClient }),
            secret: process.env.SESSION_SECRET,
            resave: false,
            saveUninitialized: false,
            cookie: {
              secure: true,      // Require HTTPS
              httpOnly: true,    // Prevent client-side access
              maxAge: 3600000,   // 1 hour
              sameSite: 'strict' // CSRF protection
            },
            name: 'sid'
          }));
        ` }],
      }],
      output: null,
    },
    {
      code: code`
        import session from 'express-session';
        export default session({ name: 'connect.sid', secret: process.env.S });
      `,
      errors: [{ messageId: 'defaultName', data: { library: 'express-session', default: 'connect.sid' }, suggestions: [{ messageId: 'setName', output: code`
        import session from 'express-session';
        export default session({ name: 'sid', secret: process.env.S });
      ` }] }],
      output: null,
    },
    // through a const holding the name, namespace import
    {
      code: code`
        import * as s from 'express-session';
        const NAME = 'connect.sid';
        const opts = { name: NAME };
        export default s.default(opts);
      `,
      errors: [{ messageId: 'defaultName', line: 3, suggestions: [{ messageId: 'setName', output: code`
        import * as s from 'express-session';
        const NAME = 'connect.sid';
        const opts = { name: 'sid' };
        export default s.default(opts);
      ` }] }],
      output: null,
    },
    // \`key\` set to the default name, or unknown \`name\` absent and \`key\` the default
    {
      code: code`
        const session = require('express-session');
        module.exports = session({ key: 'connect.sid', secret: process.env.S });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'defaultName', data: { library: 'express-session', default: 'connect.sid' }, suggestions: [{ messageId: 'setName', output: code`
        const session = require('express-session');
        module.exports = session({ key: 'sid', secret: process.env.S });
      ` }] }],
      output: null,
    },
    {
      code: code`
        import cookieSession from 'cookie-session';
        export default cookieSession({ key: 'session', keys: [process.env.KEY as string] });
      `,
      filename: 'session.ts',
      errors: [{ messageId: 'defaultName', data: { library: 'cookie-session', default: 'session' }, suggestions: [{ messageId: 'setName', output: code`
        import cookieSession from 'cookie-session';
        export default cookieSession({ key: 'sid', keys: [process.env.KEY as string] });
      ` }] }],
      output: null,
    },
    // no options at all
    {
      code: code`
        import { default as cookieSession } from 'cookie-session';
        export default cookieSession();
      `,
      errors: [{ messageId: 'missingName', data: { library: 'cookie-session', default: 'session' }, suggestions: [{ messageId: 'setName', output: code`
        import { default as cookieSession } from 'cookie-session';
        export default cookieSession({ name: 'sid' });
      ` }] }],
      output: null,
    },
    // double quotes
    {
      code: code`
        const session = require("express-session");
        module.exports = session({ secret: process.env.S });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missingName', suggestions: [{ messageId: 'setName', output: code`
        const session = require("express-session");
        module.exports = session({ secret: process.env.S, name: "sid" });
      ` }] }],
      output: null,
    },
    // a later write back to the default
    {
      code: code`
        import session from 'express-session';
        const opts = { name: 'sid', secret: process.env.S };
        opts.name = 'connect.sid';
        export default session(opts);
      `,
      errors: [{ messageId: 'defaultName', line: 3, suggestions: [{ messageId: 'setName', output: code`
        import session from 'express-session';
        const opts = { name: 'sid', secret: process.env.S };
        opts.name = 'sid';
        export default session(opts);
      ` }] }],
      output: null,
    },
    // on a router, in TS
    {
      code: code`
        import { Router } from 'express';
        import session from 'express-session';
        const router = Router();
        router.use(session({ secret: process.env.S as string }));
        export default router;
      `,
      filename: 'routes.ts',
      errors: [{ messageId: 'missingName', suggestions: [{ messageId: 'setName', output: code`
        import { Router } from 'express';
        import session from 'express-session';
        const router = Router();
        router.use(session({ secret: process.env.S as string, name: 'sid' }));
        export default router;
      ` }] }],
      output: null,
    },
  ],
});
