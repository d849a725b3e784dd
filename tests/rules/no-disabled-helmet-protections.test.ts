import rule from '../../src/rules/no-disabled-helmet-protections';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

const strict = [{ hstsMinMaxAge: 15552000, requireIncludeSubDomains: true }] as const;
const CSP_WHY = 'limits where scripts may come from: the last line against cross-site scripting';
const FRAME_WHY = 'stops clickjacking: without it (or CSP frame-ancestors) any site can frame the pages';
const NOSNIFF_WHY = 'stops browsers from running an uploaded or mistyped file as script or HTML (MIME sniffing)';
const REFERRER_WHY = 'keeps tokens and private paths in URLs from leaking to other sites in the Referer header';
const HSTS_WHY = 'stops SSL stripping: without it a network attacker can downgrade the first request to HTTP';

runRuleTests('no-disabled-helmet-protections', rule, {
  valid: [
    { code: code`
        const helmet = require('helmet');
        app.use(helmet());
      `, languageOptions: commonjs },
    // protections configured, not turned off
    code`
      import helmet from 'helmet';
      app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } }, frameguard: { action: 'deny' } }));
    `,
    // crossOriginEmbedderPolicy is off by default: turning it off weakens nothing
    code`
      import helmet from 'helmet';
      app.use(helmet({ crossOriginEmbedderPolicy: false }));
    `,
    // `true` and unknown values are not reports
    code`
      import helmet from 'helmet';
      app.use(helmet({ hsts: true, noSniff: process.env.NO_SNIFF !== 'off', ...extra }));
    `,
    // an unknown spread hides what it holds
    code`
      import helmet from 'helmet';
      app.use(helmet({ ...loadOptions() }));
    `,
    // the options come from elsewhere
    code`
      import helmet from 'helmet';
      app.use(helmet(config.helmet));
    `,
    // not helmet
    code`
      import shield from 'shield';
      app.use(shield({ contentSecurityPolicy: false }));
    `,
    code`
      const helmet = (o) => o;
      helmet({ frameguard: false });
    `,
    // allowed on purpose, by either name
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ crossOriginResourcePolicy: false, frameguard: false }));
      `,
      options: [{ allow: ['crossOriginResourcePolicy', 'xFrameOptions'] }],
    },
    // HSTS: a short max-age is fine under the default options
    code`
      import helmet from 'helmet';
      app.use(helmet({ hsts: { maxAge: 86400, includeSubDomains: false } }));
    `,
    // ... and long enough under strict
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true, preload: true } }));
        app.use(helmet.hsts({ maxAge: 15552000 }));
      `,
      options: strict,
    },
    {
      code: code`
        import { strictTransportSecurity } from 'helmet';
        const maxAge = Number(process.env.HSTS_MAX_AGE);
        app.use(strictTransportSecurity({ maxAge }));
      `,
      options: strict,
    },
    // a helmet call without options or with a spread argument
    code`
      import helmet from 'helmet';
      app.use(helmet(...args), helmet.hsts());
    `,
    // xXssProtection: false only drops 'X-XSS-Protection: 0': never a finding, even with every option on
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ xXssProtection: false }));
        app.use(helmet({ xssFilter: false }));
      `,
      options: [{ ...strict[0], defenceInDepth: ['crossOriginOpenerPolicy', 'crossOriginResourcePolicy', 'originAgentCluster'] }],
    },
    // helmet turned down for embedding (CDN, widgets, OAuth pop-ups): defence in depth, not reported by default
    { code: code`
        const helmet = require('helmet');
        app.use(helmet({
          crossOriginResourcePolicy: false,
          crossOriginOpenerPolicy: false,
          originAgentCluster: false,
          xDnsPrefetchControl: false,
          xDownloadOptions: false,
          xPermittedCrossDomainPolicies: false,
          hidePoweredBy: false,
        }));
      `, languageOptions: commonjs },
    // defenceInDepth lists only some: the others stay quiet
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ originAgentCluster: false }));
      `,
      options: [{ defenceInDepth: ['crossOriginResourcePolicy'] }],
    },
  ],
  invalid: [
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.use(helmet({ contentSecurityPolicy: false }));
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'disabled',
          data: { key: 'contentSecurityPolicy', header: 'Content-Security-Policy', why: CSP_WHY },
          line: 4,
          column: 18,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'removeEntry',
              data: { key: 'contentSecurityPolicy' },
              output: code`
                const express = require('express');
                const helmet = require('helmet');
                const app = express();
                app.use(helmet({  }));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // older and current names, several in one object, multi-line; xPoweredBy (defence in depth) is not reported here
    {
      code: code`
        import helmet from 'helmet';
        app.use(
          helmet({
            frameguard: false,
            noSniff: false,
            xPoweredBy: false,
            referrerPolicy: false,
          }),
        );
      `,
      errors: [
        {
          messageId: 'disabled',
          data: { key: 'frameguard', header: 'X-Frame-Options', why: FRAME_WHY },
          line: 4,
          suggestions: [{ messageId: 'removeEntry', data: { key: 'frameguard' }, output: code`
                import helmet from 'helmet';
                app.use(
                  helmet({
                    noSniff: false,
                    xPoweredBy: false,
                    referrerPolicy: false,
                  }),
                );
              ` }],
        },
        {
          messageId: 'disabled',
          data: { key: 'noSniff', header: 'X-Content-Type-Options', why: NOSNIFF_WHY },
          line: 5,
          suggestions: [{ messageId: 'removeEntry', data: { key: 'noSniff' }, output: code`
                import helmet from 'helmet';
                app.use(
                  helmet({
                    frameguard: false,
                    xPoweredBy: false,
                    referrerPolicy: false,
                  }),
                );
              ` }],
        },
        {
          messageId: 'disabled',
          data: { key: 'referrerPolicy', header: 'Referrer-Policy', why: REFERRER_WHY },
          line: 7,
          suggestions: [{ messageId: 'removeEntry', data: { key: 'referrerPolicy' }, output: code`
                import helmet from 'helmet';
                app.use(
                  helmet({
                    frameguard: false,
                    noSniff: false,
                    xPoweredBy: false,
                  }),
                );
              ` }],
        },
      ],
      output: null,
    },
    // helmet under another name, a const options object, not mounted at all
    {
      code: code`
        import protect from 'helmet';
        const headerOptions = { hsts: false, xssFilter: { setOnOldIE: true } };
        export const headers = protect(headerOptions);
      `,
      errors: [
        {
          messageId: 'disabled',
          data: { key: 'hsts', header: 'Strict-Transport-Security', why: HSTS_WHY },
          line: 2,
          column: 25,
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import protect from 'helmet';
                const headerOptions = { xssFilter: { setOnOldIE: true } };
                export const headers = protect(headerOptions);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // a spread of a known object: reported, no suggestion (the entry lives in the spread object)
    {
      code: code`
        import * as h from 'helmet';
        const base = { originAgentCluster: false };
        app.use(h.default({ ...base, hsts: true }));
      `,
      options: [{ defenceInDepth: ['originAgentCluster'] }],
      errors: [{
        messageId: 'disabled',
        data: { key: 'originAgentCluster', header: 'Origin-Agent-Cluster', why: 'a hint to isolate the origin in its own process; browsers may ignore it' },
        line: 2,
        suggestions: [],
      }],
      output: null,
    },
    // a later write through the variable
    {
      code: code`
        const helmet = require('helmet');
        const opts = {};
        if (process.env.DEV) opts.contentSecurityPolicy = false;
        app.use(helmet(opts));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'disabled', line: 3, column: 51, suggestions: [] }],
      output: null,
    },
    // TS, `import x = require()`, `as const`
    {
      code: code`
        import helmet = require('helmet');
        const options = { crossOriginOpenerPolicy: false } as const;
        app.use(helmet(options as helmet.HelmetOptions));
      `,
      filename: 'server.ts',
      options: [{ defenceInDepth: ['crossOriginOpenerPolicy'] }],
      errors: [
        {
          messageId: 'disabled',
          data: {
            key: 'crossOriginOpenerPolicy',
            header: 'Cross-Origin-Opener-Policy',
            why: 'isolates the window from pages it opens or that open it; OAuth and payment pop-ups need it off',
          },
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import helmet = require('helmet');
                const options = {  } as const;
                app.use(helmet(options as helmet.HelmetOptions));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // allow names only the listed protection
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ crossOriginResourcePolicy: false, dnsPrefetchControl: false }));
      `,
      options: [{ allow: ['crossOriginResourcePolicy'], defenceInDepth: ['crossOriginResourcePolicy', 'dnsPrefetchControl'] }],
      errors: [
        {
          messageId: 'disabled',
          data: {
            key: 'dnsPrefetchControl',
            header: 'X-DNS-Prefetch-Control',
            why: 'a privacy setting for DNS prefetching of links, often turned on for speed',
          },
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import helmet from 'helmet';
                app.use(helmet({ crossOriginResourcePolicy: false }));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // HSTS max-age 0 turns it off, in every form
    {
      code: code`
        import helmet, { strictTransportSecurity } from 'helmet';
        app.use(helmet({ hsts: { maxAge: 0 } }));
        app.use(strictTransportSecurity({ maxAge: 0, preload: false }));
      `,
      errors: [
        {
          messageId: 'hstsZero',
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import helmet, { strictTransportSecurity } from 'helmet';
                app.use(helmet({ hsts: {  } }));
                app.use(strictTransportSecurity({ maxAge: 0, preload: false }));
              `,
            },
          ],
        },
        {
          messageId: 'hstsZero',
          line: 3,
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import helmet, { strictTransportSecurity } from 'helmet';
                app.use(helmet({ hsts: { maxAge: 0 } }));
                app.use(strictTransportSecurity({ preload: false }));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // strict: minimum max-age and includeSubDomains, helmet.hsts and the current option name
    {
      code: code`
        const helmet = require('helmet');
        const DAY = 86400;
        app.use(helmet.hsts({ maxAge: 30 * DAY, includeSubDomains: false }));
        app.use(helmet({ strictTransportSecurity: { maxAge: 3600 } }));
      `,
      languageOptions: commonjs,
      options: strict,
      errors: [
        {
          messageId: 'hstsShort',
          data: { value: '2592000', min: '15552000', days: '180' },
          line: 3,
          suggestions: [
            {
              messageId: 'raiseMaxAge',
              output: code`
                const helmet = require('helmet');
                const DAY = 86400;
                app.use(helmet.hsts({ maxAge: 15552000, includeSubDomains: false }));
                app.use(helmet({ strictTransportSecurity: { maxAge: 3600 } }));
              `,
            },
          ],
        },
        {
          messageId: 'hstsNoSubDomains',
          line: 3,
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                const helmet = require('helmet');
                const DAY = 86400;
                app.use(helmet.hsts({ maxAge: 30 * DAY }));
                app.use(helmet({ strictTransportSecurity: { maxAge: 3600 } }));
              `,
            },
          ],
        },
        {
          messageId: 'hstsShort',
          data: { value: '3600', min: '15552000', days: '180' },
          line: 4,
          suggestions: [
            {
              messageId: 'raiseMaxAge',
              output: code`
                const helmet = require('helmet');
                const DAY = 86400;
                app.use(helmet.hsts({ maxAge: 30 * DAY, includeSubDomains: false }));
                app.use(helmet({ strictTransportSecurity: { maxAge: 15552000 } }));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // computed keys and odd syntax around a finding do not get in the way
    {
      code: code`
        import helmet from 'helmet';
        const key = 'x';
        app.use(helmet({ [key]: 1, ['frameguard']: false }));
      `,
      errors: [
        {
          messageId: 'disabled',
          data: { key: 'frameguard', header: 'X-Frame-Options', why: FRAME_WHY },
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import helmet from 'helmet';
                const key = 'x';
                app.use(helmet({ [key]: 1 }));
              `,
            },
          ],
        },
      ],
      output: null,
    },
      // strict's list: a defence-in-depth header turned off for embedding is reported with why it matters
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ crossOriginResourcePolicy: false, xXssProtection: false }));
      `,
      options: [{ defenceInDepth: ['crossOriginResourcePolicy', 'originAgentCluster'] }],
      errors: [
        {
          messageId: 'disabled',
          data: {
            key: 'crossOriginResourcePolicy',
            header: 'Cross-Origin-Resource-Policy',
            why: 'stops other sites from embedding the responses; CDNs, public APIs and embeds turn it off on purpose',
          },
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import helmet from 'helmet';
                app.use(helmet({ xXssProtection: false }));
              `,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-disabled-helmet-protections (frame-ancestors instead of X-Frame-Options)', rule, {
  valid: [
    // trial 12: the same call's CSP sends frame-ancestors, which current browsers use instead (ESM, CommonJS, TS)
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use(helmet({ frameguard: false, contentSecurityPolicy: { directives: { frameAncestors: ["'self'", 'https://partner.example'] } } }));
    `,
    {
      code: code`
        const helmet = require('helmet');
        const app = require('express')();
        app.use(helmet({ xFrameOptions: false, contentSecurityPolicy: { useDefaults: true, directives: { 'frame-ancestors': ["'none'"] } } }));
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        import helmet, { type HelmetOptions } from 'helmet';
        const options: HelmetOptions = { frameguard: false, contentSecurityPolicy: { directives: { frameAncestors: ["'self'"] } } };
        express().use(helmet(options));
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    // ... not when the CSP leaves frame-ancestors out or turns it off (ESM)
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        const app = express();
        app.use(helmet({ frameguard: false, contentSecurityPolicy: { directives: { scriptSrc: ["'self'"] } } }));
        app.use(helmet({ frameguard: false, contentSecurityPolicy: { directives: { frameAncestors: null } } }));
      `,
      errors: [
        { messageId: 'disabled', data: { key: 'frameguard', header: 'X-Frame-Options', why: FRAME_WHY }, line: 4, suggestions: [{ messageId: 'removeEntry', data: { key: 'frameguard' }, output: code`
          import express from 'express';
          import helmet from 'helmet';
          const app = express();
          app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'"] } } }));
          app.use(helmet({ frameguard: false, contentSecurityPolicy: { directives: { frameAncestors: null } } }));
        ` }] },
        { messageId: 'disabled', data: { key: 'frameguard', header: 'X-Frame-Options', why: FRAME_WHY }, line: 5, suggestions: [{ messageId: 'removeEntry', data: { key: 'frameguard' }, output: code`
          import express from 'express';
          import helmet from 'helmet';
          const app = express();
          app.use(helmet({ frameguard: false, contentSecurityPolicy: { directives: { scriptSrc: ["'self'"] } } }));
          app.use(helmet({ contentSecurityPolicy: { directives: { frameAncestors: null } } }));
        ` }] },
      ],
    },
    // trial 13: nor beside a wildcard frame-ancestors or a report-only policy, which leave framing open (CommonJS)
    {
      code: code`
        const helmet = require('helmet');
        const app = require('express')();
        app.use(helmet({ frameguard: false, contentSecurityPolicy: { directives: { frameAncestors: ['*'] } } }));
        app.use(helmet({ frameguard: false, contentSecurityPolicy: { reportOnly: true, directives: { frameAncestors: ["'self'"] } } }));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'disabled', data: { key: 'frameguard', header: 'X-Frame-Options', why: FRAME_WHY }, line: 3, suggestions: [{ messageId: 'removeEntry', data: { key: 'frameguard' }, output: code`
          const helmet = require('helmet');
          const app = require('express')();
          app.use(helmet({ contentSecurityPolicy: { directives: { frameAncestors: ['*'] } } }));
          app.use(helmet({ frameguard: false, contentSecurityPolicy: { reportOnly: true, directives: { frameAncestors: ["'self'"] } } }));
        ` }] },
        { messageId: 'disabled', data: { key: 'frameguard', header: 'X-Frame-Options', why: FRAME_WHY }, line: 4, suggestions: [{ messageId: 'removeEntry', data: { key: 'frameguard' }, output: code`
          const helmet = require('helmet');
          const app = require('express')();
          app.use(helmet({ frameguard: false, contentSecurityPolicy: { directives: { frameAncestors: ['*'] } } }));
          app.use(helmet({ contentSecurityPolicy: { reportOnly: true, directives: { frameAncestors: ["'self'"] } } }));
        ` }] },
      ],
    },
  ],
});
