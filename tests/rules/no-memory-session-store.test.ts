import rule from '../../src/rules/no-memory-session-store';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { SEED_000_SESSION_NAME, SEED_002_REDIS_SESSION } from '../helpers/seeds';

runRuleTests('no-memory-session-store', rule, {
  valid: [
    // seed 002 (express-session with Redis), as written
    { code: SEED_002_REDIS_SESSION, languageOptions: commonjs },
    code`
      import session from 'express-session';
      import pgSession from 'connect-pg-simple';
      const opts = { secret: process.env.S };
      opts.store = new (pgSession(session))();
      export default session(opts);
    `,
    // unknown options, or a spread that may hold a store
    code`
      import session from 'express-session';
      import { sessionOptions } from './config';
      export default session(sessionOptions);
    `,
    code`
      import session from 'express-session';
      import { base } from './config';
      export default session({ ...base, secret: process.env.S });
    `,
    // cookie-session keeps the session in the cookie: no store
    code`
      import cookieSession from 'cookie-session';
      export default cookieSession({ name: 'sid', keys: [process.env.K] });
    `,
    // a store from a call is a store
    code`
      import session from 'express-session';
      import { store } from './store';
      export default session({ secret: process.env.S, store: store ?? undefined });
    `,
    // a variable named session
    code`
      const session = (o) => o;
      export default session({ secret: 'x' });
    `,
    code`
      import session from 'express-session';
      export default session(...args);
    `,
    // An options object assigned to a var declared earlier (ES5 output), with a store written through it after (CJS)
    {
      code: code`
        var session = require('express-session');
        var app = require('express')();
        var sessionOpts;
        sessionOpts = { name: 'sid', secret: process.env.S, store: null };
        if (process.env.REDIS_URL) {
          sessionOpts.store = new RedisStore({ client: redis });
        }
        app.use(session(sessionOpts));
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // An options object assigned to a var declared earlier (ES5 output): read as its literal (CJS)
    {
      code: code`
        var session = require('express-session');
        var app = require('express')();
        var sessionOpts;
        sessionOpts = { name: 'sid', secret: process.env.S };
        app.use(session(sessionOpts));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'memoryStore', line: 4, column: 15 }],
    },
    // seed 000 (express-session, "Use cookies securely"), as written
    {
      code: SEED_000_SESSION_NAME,
      languageOptions: commonjs,
      errors: [{ messageId: 'memoryStore', line: 3, column: 17 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const app = express();
        app.use(session());
      `,
      errors: [{ messageId: 'memoryStore', line: 4, column: 9 }],
      output: null,
    },
    // through a const, named import of the default, TS
    {
      code: code`
        import { default as session } from 'express-session';
        const options: session.SessionOptions = { secret: process.env.S!, resave: false };
        export default session(options);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'memoryStore', line: 2 }],
      output: null,
    },
    {
      code: code`
        import session = require('express-session');
        export = session({ secret: process.env.S!, store: undefined, ...{ resave: false } });
      `,
      filename: 'app.ts',
      // a falsy store says what it is
      errors: [{ messageId: 'emptyStore', data: { value: 'undefined', from: '' }, line: 2 }],
      output: null,
    },
      // a falsy constant store, CJS: named as it is
    {
      code: code`
        const session = require('express-session');
        const NO_STORE = null;
        module.exports = session({ secret: process.env.S, store: NO_STORE, resave: false });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'emptyStore', data: { value: 'null', from: '' }, line: 3, column: 26 }],
      output: null,
    },
  ],
});
