import rule from '../../src/rules/no-memory-session-store';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('no-memory-session-store', rule, {
  valid: [
    // seed 002 (express-session with Redis), as written
    { code: code`
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
          }
        }));
      `, languageOptions: commonjs },
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
  ],
  invalid: [
    // seed 000 (express-session, "Use cookies securely"), as written
    {
      code: code`
        var session = require('express-session')
        app.set('trust proxy', 1) // trust first proxy
        app.use(session({
          secret: 's3Cur3',
          name: 'sessionId'
        }))
      `,
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
      errors: [{ messageId: 'memoryStore', line: 2 }],
      output: null,
    },
  ],
});
