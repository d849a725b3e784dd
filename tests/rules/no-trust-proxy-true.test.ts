import rule from '../../src/rules/no-trust-proxy-true';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('no-trust-proxy-true', rule, {
  valid: [
    { code: code`
        const express = require('express');
        const app = express();
        app.set('trust proxy', 1);
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      const app = express();
      app.set('trust proxy', 'loopback, 10.0.0.0/8');
      app.set('trust proxy', (ip) => ip === '127.0.0.1');
      app.set('trust proxy', false);
      app.disable('trust proxy');
      app.set('trust proxy', process.env.TRUST_PROXY);
      app.get('trust proxy');
      app.enable('case sensitive routing');
    `,
    // setting names are case-sensitive: this one is not Express's
    code`
      import express from 'express';
      const app = express();
      app.set('Trust Proxy', true);
    `,
    // not an Express app
    code`
      const settings = new Map();
      settings.set('trust proxy', true);
      config.enable('trust proxy');
    `,
    // a function of the file handed a router, or that nothing hands an app: not known to be an app
    { code: code`
        const express = require('express');
        function configure(r) {
          r.set('trust proxy', true);
        }
        configure(express.Router());
        module.exports = function (app) {
          app.enable('trust proxy');
        };
      `, languageOptions: commonjs },
    // the options-object form (`setup({ app })`): handed a router, or under another key than the one destructured
    { code: code`
        const express = require('express');
        function setup({ app }) {
          app.enable('trust proxy');
        }
        setup({ app: express.Router() });
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      const app = express();
      const setup = ({ app: server }) => {
        server.set('trust proxy', true);
      };
      setup({ server: app });
    `,
    // a value chosen at run time (possibleValues): none of the values the variable may hold is true
    { code: code`
        const express = require('express');
        const app = express();
        let trustProxy = 1;
        if (process.env.TRUST_PROXY === 'false') trustProxy = false;
        else if (process.env.TRUST_PROXY) trustProxy = Number(process.env.TRUST_PROXY);
        app.set('trust proxy', trustProxy);
      `, languageOptions: commonjs },
    // true, then always overwritten before the read; written true only after the read; a value the model cannot read
    code`
      import express from 'express';
      const app = express();
      let first = true;
      first = Number(process.env.HOPS);
      app.set('trust proxy', first);
      let later = 1;
      app.set('trust proxy', later);
      later = true;
      let fromEnv = process.env.TRUST_PROXY;
      if (fromEnv === 'false') fromEnv = false;
      app.set('trust proxy', fromEnv);
    `,
    // written by a nested function (when it runs is unknown): not read
    {
      code: code`
        import express from 'express';
        const app = express();
        let trustProxy: boolean | number = 1;
        process.on('SIGHUP', () => {
          trustProxy = true;
        });
        app.set('trust proxy', trustProxy);
      `,
      filename: 'server.ts',
    },
    // session 26: a condition's branches, a const holding them, an entry of a per-environment table (inline or a const),
    // a let holding a condition: no value is true, or the one that would be is not known (a parameter, the environment)
    { code: code`
        const express = require('express');
        const app = express();
        const isProd = process.env.NODE_ENV === 'production';
        app.set('trust proxy', isProd ? 1 : 'loopback');
        app.set('trust proxy', isProd ? 1 : process.env.TRUST_PROXY);
        const tp = isProd ? 2 : false;
        app.set('trust proxy', tp);
        app.set('trust proxy', { development: 'loopback', production: 1 }[process.env.NODE_ENV]);
        let hops = isProd ? 1 : Number(process.env.HOPS);
        if (process.env.HOPS === 'none') hops = false;
        app.set('trust proxy', hops);
        // (a var's value given after the read: it holds undefined there)
        app.set('trust proxy', late);
        var late = true;
        late = 2;
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      const app = express();
      export function configure(isProd, fallback) {
        app.set('trust proxy', isProd ? 1 : fallback);
        const byEnv = { development: fallback, production: 1 };
        app.set('trust proxy', byEnv[process.env.NODE_ENV]);
      }
      const loose = { development: 1, production: 1 };
      loose.development = true;
      app.set('trust proxy', loose[process.env.NODE_ENV]);
      let tp = process.env.BEHIND_LB ? 1 : 2;
      process.on('SIGHUP', () => {
        tp = true;
      });
      app.set('trust proxy', tp);
      for (const hops of [1, 2]) {
        app.set('trust proxy', again);
        var again = hops > 1 ? true : 1;
      }
    `,
    {
      code: code`
        import express from 'express';
        const app = express();
        const env = process.env.NODE_ENV as 'development' | 'production';
        const isProd: boolean = env === 'production';
        const trust = { development: 'loopback', production: 1 } as const;
        app.set('trust proxy', trust[env]);
        app.set('trust proxy', { development: 'loopback', production: isProd ? 1 : 2 }[env]);
        const tp: number | string = isProd ? 1 : process.env.TRUST_PROXY ?? 'loopback';
        app.set('trust proxy', tp);
      `,
      filename: 'server.ts',
    },
  ],
  invalid: [
    // Flowise 3.1.4 dist/index.js: true unless TRUST_PROXY says otherwise
    {
      code: code`
        const express = require('express');
        const app = express();
        let trustProxy = process.env.TRUST_PROXY;
        if (typeof trustProxy === 'undefined' || trustProxy.trim() === '' || trustProxy === 'true') {
          trustProxy = true;
        } else if (trustProxy === 'false') {
          trustProxy = false;
        } else if (!isNaN(Number(trustProxy))) {
          trustProxy = Number(trustProxy);
        }
        app.set('trust proxy', trustProxy);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'trustAllHeld',
          data: { name: 'app', variable: 'trustProxy', line: 5 },
          line: 11,
          suggestions: [
            {
              messageId: 'oneHopThere',
              data: { line: 5 },
              output: code`
                const express = require('express');
                const app = express();
                let trustProxy = process.env.TRUST_PROXY;
                if (typeof trustProxy === 'undefined' || trustProxy.trim() === '' || trustProxy === 'true') {
                  trustProxy = 1;
                } else if (trustProxy === 'false') {
                  trustProxy = false;
                } else if (!isNaN(Number(trustProxy))) {
                  trustProxy = Number(trustProxy);
                }
                app.set('trust proxy', trustProxy);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // the default, kept when the environment sets nothing
    {
      code: code`
        import express from 'express';
        const app = express();
        let trustProxy = true;
        if (process.env.TRUST_PROXY === 'false') trustProxy = false;
        else if (process.env.TRUST_PROXY) trustProxy = Number(process.env.TRUST_PROXY);
        app.set('trust proxy', trustProxy);
      `,
      errors: [
        {
          messageId: 'trustAllHeld',
          data: { name: 'app', variable: 'trustProxy', line: 3 },
          line: 6,
          suggestions: [
            {
              messageId: 'oneHopThere',
              data: { line: 3 },
              output: code`
                import express from 'express';
                const app = express();
                let trustProxy = 1;
                if (process.env.TRUST_PROXY === 'false') trustProxy = false;
                else if (process.env.TRUST_PROXY) trustProxy = Number(process.env.TRUST_PROXY);
                app.set('trust proxy', trustProxy);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // TypeScript, a var of a function that configures the app; overwritten, then true in a branch
    {
      code: code`
        import express, { type Express } from 'express';
        export function configure(app: Express): void {
          var hops: boolean | number = false;
          hops = 2;
          switch (process.env.PROXY_MODE) {
            case 'all':
              hops = true;
              break;
          }
          app.set('trust proxy', hops);
        }
        configure(express());
      `,
      filename: 'server.ts',
      errors: [
        {
          messageId: 'trustAllHeld',
          data: { name: 'app (passed at line 12)', variable: 'hops', line: 7 },
          line: 10,
          suggestions: [
            {
              messageId: 'oneHopThere',
              data: { line: 7 },
              output: code`
                import express, { type Express } from 'express';
                export function configure(app: Express): void {
                  var hops: boolean | number = false;
                  hops = 2;
                  switch (process.env.PROXY_MODE) {
                    case 'all':
                      hops = 1;
                      break;
                  }
                  app.set('trust proxy', hops);
                }
                configure(express());
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // session 26: true in a branch of a condition (inline, or through a const), in an entry of a per-environment table
    // picked in place, in a condition a let holds: where, named
    {
      code: code`
        const express = require('express');
        const app = express();
        const isProd = process.env.NODE_ENV === 'production';
        app.set('trust proxy', isProd ? 1 : true);
        const tp = isProd ? 1 : true;
        app.set('trust proxy', tp);
        app.set('trust proxy', { development: true, production: 1 }[process.env.NODE_ENV]);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'trustAllChosen',
          data: { name: 'app', where: "(when 'isProd' is false)" },
          line: 4,
          suggestions: [{ messageId: 'oneHopThere', data: { line: 4 }, output: code`
            const express = require('express');
            const app = express();
            const isProd = process.env.NODE_ENV === 'production';
            app.set('trust proxy', isProd ? 1 : 1);
            const tp = isProd ? 1 : true;
            app.set('trust proxy', tp);
            app.set('trust proxy', { development: true, production: 1 }[process.env.NODE_ENV]);
          ` }],
        },
        {
          messageId: 'trustAllChosen',
          data: { name: 'app', where: "(when 'isProd' is false)" },
          line: 6,
          suggestions: [{ messageId: 'oneHopThere', data: { line: 5 }, output: code`
            const express = require('express');
            const app = express();
            const isProd = process.env.NODE_ENV === 'production';
            app.set('trust proxy', isProd ? 1 : true);
            const tp = isProd ? 1 : 1;
            app.set('trust proxy', tp);
            app.set('trust proxy', { development: true, production: 1 }[process.env.NODE_ENV]);
          ` }],
        },
        {
          messageId: 'trustAllChosen',
          data: { name: 'app', where: "(in environment 'development')" },
          line: 7,
          suggestions: [{ messageId: 'oneHopThere', data: { line: 7 }, output: code`
            const express = require('express');
            const app = express();
            const isProd = process.env.NODE_ENV === 'production';
            app.set('trust proxy', isProd ? 1 : true);
            const tp = isProd ? 1 : true;
            app.set('trust proxy', tp);
            app.set('trust proxy', { development: 1, production: 1 }[process.env.NODE_ENV]);
          ` }],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        const trust = { development: true, test: true, production: 1 };
        app.set('trust proxy', trust[process.env.NODE_ENV || 'development']);
        let hops = process.env.BEHIND_LB ? 1 : true;
        if (process.env.HOPS) hops = Number(process.env.HOPS);
        app.set('trust proxy', hops);
        app.set('trust proxy', process.env.CDN ? 2 : { development: true, production: 1 }[process.env.NODE_ENV]);
      `,
      errors: [
        {
          messageId: 'trustAllChosen',
          data: { name: 'app', where: "(in environments 'development' and 'test' of 'trust')" },
          line: 4,
          suggestions: [{ messageId: 'oneHopThere', data: { line: 3 }, output: code`
            import express from 'express';
            const app = express();
            const trust = { development: 1, test: true, production: 1 };
            app.set('trust proxy', trust[process.env.NODE_ENV || 'development']);
            let hops = process.env.BEHIND_LB ? 1 : true;
            if (process.env.HOPS) hops = Number(process.env.HOPS);
            app.set('trust proxy', hops);
            app.set('trust proxy', process.env.CDN ? 2 : { development: true, production: 1 }[process.env.NODE_ENV]);
          ` }],
        },
        {
          messageId: 'trustAllChosen',
          data: { name: 'app', where: "(one of the values 'hops' may hold (line 5), when 'process.env.BEHIND_LB' is false)" },
          line: 7,
          suggestions: [{ messageId: 'oneHopThere', data: { line: 5 }, output: code`
            import express from 'express';
            const app = express();
            const trust = { development: true, test: true, production: 1 };
            app.set('trust proxy', trust[process.env.NODE_ENV || 'development']);
            let hops = process.env.BEHIND_LB ? 1 : 1;
            if (process.env.HOPS) hops = Number(process.env.HOPS);
            app.set('trust proxy', hops);
            app.set('trust proxy', process.env.CDN ? 2 : { development: true, production: 1 }[process.env.NODE_ENV]);
          ` }],
        },
        {
          messageId: 'trustAllChosen',
          data: { name: 'app', where: "(when 'process.env.CDN' is false, in environment 'development')" },
          line: 8,
          suggestions: [{ messageId: 'oneHopThere', data: { line: 8 }, output: code`
            import express from 'express';
            const app = express();
            const trust = { development: true, test: true, production: 1 };
            app.set('trust proxy', trust[process.env.NODE_ENV || 'development']);
            let hops = process.env.BEHIND_LB ? 1 : true;
            if (process.env.HOPS) hops = Number(process.env.HOPS);
            app.set('trust proxy', hops);
            app.set('trust proxy', process.env.CDN ? 2 : { development: 1, production: 1 }[process.env.NODE_ENV]);
          ` }],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Express } from 'express';
        export function configure(app: Express, isProd: boolean): void {
          app.set('trust proxy', isProd ? 1 : (true as boolean));
          const tp: boolean | number = isProd ? true : false;
          app.set('trust proxy', tp);
          const env = process.env.NODE_ENV as 'development' | 'production';
          app.set('trust proxy', ({ development: true, production: true } as const)[env]);
        }
        configure(express(), process.env.NODE_ENV === 'production');
      `,
      filename: 'server.ts',
      errors: [
        {
          messageId: 'trustAllChosen',
          data: { name: 'app (passed at line 9)', where: "(when 'isProd' is false)" },
          line: 3,
          suggestions: [{ messageId: 'oneHopThere', data: { line: 3 }, output: code`
            import express, { type Express } from 'express';
            export function configure(app: Express, isProd: boolean): void {
              app.set('trust proxy', isProd ? 1 : (1 as boolean));
              const tp: boolean | number = isProd ? true : false;
              app.set('trust proxy', tp);
              const env = process.env.NODE_ENV as 'development' | 'production';
              app.set('trust proxy', ({ development: true, production: true } as const)[env]);
            }
            configure(express(), process.env.NODE_ENV === 'production');
          ` }],
        },
        {
          messageId: 'trustAllChosen',
          data: { name: 'app (passed at line 9)', where: "(when 'isProd' is true)" },
          line: 5,
          suggestions: [{ messageId: 'oneHopThere', data: { line: 4 }, output: code`
            import express, { type Express } from 'express';
            export function configure(app: Express, isProd: boolean): void {
              app.set('trust proxy', isProd ? 1 : (true as boolean));
              const tp: boolean | number = isProd ? 1 : false;
              app.set('trust proxy', tp);
              const env = process.env.NODE_ENV as 'development' | 'production';
              app.set('trust proxy', ({ development: true, production: true } as const)[env]);
            }
            configure(express(), process.env.NODE_ENV === 'production');
          ` }],
        },
        {
          messageId: 'trustAllChosen',
          data: { name: 'app (passed at line 9)', where: '(in every environment)' },
          line: 7,
          suggestions: [{ messageId: 'oneHopThere', data: { line: 7 }, output: code`
            import express, { type Express } from 'express';
            export function configure(app: Express, isProd: boolean): void {
              app.set('trust proxy', isProd ? 1 : (true as boolean));
              const tp: boolean | number = isProd ? true : false;
              app.set('trust proxy', tp);
              const env = process.env.NODE_ENV as 'development' | 'production';
              app.set('trust proxy', ({ development: 1, production: true } as const)[env]);
            }
            configure(express(), process.env.NODE_ENV === 'production');
          ` }],
        },
      ],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        app.set('trust proxy', true);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'trustAll',
          data: { name: 'app' },
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'trustOneHop',
              data: { name: 'app' },
              output: code`
                const express = require('express');
                const app = express();
                app.set('trust proxy', 1);
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
        const server = express();
        server.enable('trust proxy');
      `,
      errors: [
        {
          messageId: 'trustAll',
          data: { name: 'server' },
          suggestions: [
            {
              messageId: 'trustOneHop',
              output: code`
                import express from 'express';
                const server = express();
                server.set('trust proxy', 1);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // a const true, a chained call, a TS app
    {
      code: code`
        import express = require('express');
        const TRUST = true;
        const app: express.Express = express();
        app.use(express.json()).set('trust proxy', TRUST as boolean);
      `,
      filename: 'server.ts',
      errors: [
        {
          messageId: 'trustAll',
          line: 4,
          suggestions: [
            {
              messageId: 'trustOneHop',
              output: code`
                import express = require('express');
                const TRUST = true;
                const app: express.Express = express();
                app.use(express.json()).set('trust proxy', 1);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // namespace import, inside a function, a template literal
    {
      code: code`
        import * as e from 'express';
        export function start() {
          const app = e.default();
          if (process.env.BEHIND_PROXY) app.set(\`trust proxy\`, true);
          app.listen(3000);
        }
      `,
      errors: [
        {
          messageId: 'trustAll',
          line: 4,
          suggestions: [
            {
              messageId: 'trustOneHop',
              output: code`
                import * as e from 'express';
                export function start() {
                  const app = e.default();
                  if (process.env.BEHIND_PROXY) app.set(\`trust proxy\`, 1);
                  app.listen(3000);
                }
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // a function of the file that the app is handed to: its parameter is the app
    {
      code: code`
        import express from 'express';
        const app = express();
        function configure(a) {
          a.enable('trust proxy');
        }
        configure(app);
      `,
      errors: [
        {
          messageId: 'trustAll',
          data: { name: 'a (passed at line 6)' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'trustOneHop',
              data: { name: 'a' },
              output: code`
                import express from 'express';
                const app = express();
                function configure(a) {
                  a.set('trust proxy', 1);
                }
                configure(app);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // the app handed in an options object (`setup({ app })`) to a function of the file that destructures it (trial 10)
    {
      code: code`
        const express = require('express');
        const app = express();
        const setup = ({ app: server }) => {
          server.set('trust proxy', true);
        };
        setup({ app, db: null });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'trustAll',
          data: { name: 'server (passed at line 6)' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'trustOneHop',
              data: { name: 'server' },
              output: code`
                const express = require('express');
                const app = express();
                const setup = ({ app: server }) => {
                  server.set('trust proxy', 1);
                };
                setup({ app, db: null });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Express } from 'express';
        const app = express();
        setup({ app });
        app.listen(3000);
        function setup({ app }: { app: Express }): void {
          app.enable('trust proxy');
        }
      `,
      errors: [
        {
          messageId: 'trustAll',
          data: { name: 'app (passed at line 3)' },
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'trustOneHop',
              data: { name: 'app' },
              output: code`
                import express, { type Express } from 'express';
                const app = express();
                setup({ app });
                app.listen(3000);
                function setup({ app }: { app: Express }): void {
                  app.set('trust proxy', 1);
                }
              `,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
