import rule from '../../src/rules/no-unsafe-csp';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { SEED_002_CSP } from '../helpers/seeds';


runRuleTests('no-unsafe-csp', rule, {
  valid: [
    // the seed passes `recommended`
    { code: SEED_002_CSP, languageOptions: commonjs },
    code`
      import helmet from 'helmet';
      app.use(helmet());
    `,
    // nonces (helmet's README pattern) and hashes make 'unsafe-inline' harmless
    code`
      import helmet from 'helmet';
      app.use(helmet({
        contentSecurityPolicy: {
          directives: {
            scriptSrc: ["'self'", "'unsafe-inline'", (req, res) => \`'nonce-\${res.locals.cspNonce}'\`],
          },
        },
      }));
    `,
    code`
      import { contentSecurityPolicy } from 'helmet';
      app.use(contentSecurityPolicy({ directives: { 'script-src': "'self' 'unsafe-inline' 'sha256-abc='" } }));
    `,
    // 'strict-dynamic' with a nonce: host and scheme sources are ignored by CSP3 browsers
    code`
      import helmet from 'helmet';
      app.use(helmet.contentSecurityPolicy({
        directives: { scriptSrc: ["'strict-dynamic'", "'nonce-r4nd0m'", 'https:', 'http:', "'unsafe-inline'"] },
      }));
    `,
    // default-src is not the script policy while helmet's default script-src 'self' applies
    code`
      import helmet from 'helmet';
      app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'", "'unsafe-inline'", 'data:'] } } }));
    `,
    // ... nor when script-src and object-src are set safely
    code`
      import helmet from 'helmet';
      app.use(helmet.contentSecurityPolicy({
        useDefaults: false,
        directives: { defaultSrc: ['*'], scriptSrc: ["'self'"], objectSrc: ["'none'"] },
      }));
    `,
    // data: and https: are fine for images
    code`
      import helmet from 'helmet';
      app.use(helmet.contentSecurityPolicy({ directives: { imgSrc: ["'self'", 'data:', 'https:'] } }));
    `,
    // style 'unsafe-inline' only under checkStyles
    code`
      import helmet from 'helmet';
      app.use(helmet.contentSecurityPolicy({ directives: { styleSrc: ["'self'", "'unsafe-inline'"] } }));
    `,
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet.contentSecurityPolicy({ directives: { styleSrc: ["'self'", "'unsafe-inline'", "'nonce-x'"] } }));
      `,
      options: [{ checkStyles: true }],
    },
    // unknown: directives from elsewhere, a spread, useDefaults from config, sources from a variable
    code`
      import helmet from 'helmet';
      app.use(helmet.contentSecurityPolicy({ directives: loadDirectives() }));
      app.use(helmet.contentSecurityPolicy({ directives: { ...base } }));
      app.use(helmet.contentSecurityPolicy({ useDefaults: config.defaults, directives: { scriptSrc: sources } }));
      app.use(helmet({ contentSecurityPolicy: opts }));
    `,
    // CSP turned off is no-disabled-helmet-protections' business
    code`
      import helmet from 'helmet';
      app.use(helmet({ contentSecurityPolicy: false }));
    `,
    // not helmet
    code`
      import csp from 'some-csp';
      app.use(csp({ directives: { scriptSrc: ["'unsafe-inline'"] } }));
    `,
  ],
  invalid: [
    // the seed under `strict`: only the style finding
    {
      code: SEED_002_CSP,
      languageOptions: commonjs,
      options: [{ checkStyles: true }],
      errors: [{ messageId: 'styleUnsafeInline', data: { directive: 'style-src', via: '', from: '' }, line: 10, column: 26 }],
      output: null,
    },
    {
      code: code`
        const helmet = require('helmet');
        app.use(helmet.contentSecurityPolicy({
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
          },
        }));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unsafeInline', data: { directive: 'script-src', via: '', from: '' }, line: 5, column: 27 },
        { messageId: 'unsafeEval', data: { directive: 'script-src', via: '', from: '' }, line: 5, column: 46 },
      ],
      output: null,
    },
    // kebab-case keys, a string value, helmet under another name, wildcard and data: sources
    {
      code: code`
        import shield from 'helmet';
        app.use(shield({ contentSecurityPolicy: { directives: { 'script-src': "'self' * data:", 'object-src': ['http:'] } } }));
      `,
      errors: [
        { messageId: 'unsafeSource', data: { directive: 'script-src', source: '*', via: '', from: '', what: 'scripts' }, line: 2, column: 71 },
        { messageId: 'unsafeSource', data: { directive: 'script-src', source: 'data:', via: '', from: '', what: 'scripts' }, line: 2, column: 71 },
        { messageId: 'unsafeSource', data: { directive: 'object-src', source: 'http:', via: '', from: '', what: 'plugin content (<object>, <embed>)' }, line: 2, column: 104 },
      ],
      output: null,
    },
    // useDefaults: false without default-src, and default-src deciding the script policy
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet.contentSecurityPolicy({ useDefaults: false, directives: { scriptSrc: ["'self'"] } }));
        app.use(helmet.contentSecurityPolicy({ useDefaults: false, directives: { defaultSrc: ["'self'", "'unsafe-inline'"] } }));
      `,
      errors: [
        { messageId: 'missingDefaultSrc', line: 2, column: 53 },
        { messageId: 'unsafeInline', data: { directive: 'script-src', via: ' (script-src falls back to default-src)', from: '' }, line: 3, column: 97 },
      ],
      output: null,
    },
    // script-src turned off with null: default-src applies even with helmet's defaults
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet.contentSecurityPolicy({ directives: { defaultSrc: ['*'], scriptSrc: null, objectSrc: null } }));
      `,
      errors: [
        { messageId: 'unsafeSource', data: { directive: 'script-src', source: '*', via: ' (script-src falls back to default-src)', from: '', what: 'scripts' }, line: 2, column: 67 },
        { messageId: 'unsafeSource', data: { directive: 'object-src', source: '*', via: ' (object-src falls back to default-src)', from: '', what: 'plugin content (<object>, <embed>)' }, line: 2, column: 67 },
      ],
      output: null,
    },
    // const options, spreads, camelCase -elem/-attr directives, TS casts
    {
      code: code`
        import helmet = require('helmet');
        const scripts = ["'self'", "'unsafe-inline'"] as const;
        const directives = { scriptSrcAttr: scripts };
        const csp = { directives: { ...directives, 'script-src-elem': ["'unsafe-eval'"] } };
        app.use(helmet.contentSecurityPolicy(csp as any));
      `,
      filename: 'server.ts',
      errors: [
        { messageId: 'unsafeInline', data: { directive: 'script-src-attr', via: '', from: '' }, line: 2, column: 28 },
        { messageId: 'unsafeEval', data: { directive: 'script-src-elem', via: '', from: '' }, line: 4, column: 64 },
      ],
      output: null,
    },
    // CommonJS destructuring of the per-header middleware
    {
      code: code`
        const { contentSecurityPolicy: csp } = require('helmet');
        app.use(csp({ directives: { objectSrc: ['data:'] } }));
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'unsafeSource',
          data: { directive: 'object-src', source: 'data:', via: '', from: '', what: 'plugin content (<object>, <embed>)' },
          line: 2,
          column: 41,
        },
      ],
      output: null,
    },
    // a later write to the options object
    {
      code: code`
        const helmet = require('helmet');
        const cspOptions = { directives: { scriptSrc: ["'self'"] } };
        if (process.env.NODE_ENV !== 'production') cspOptions.directives.scriptSrc = ["'self'", "'unsafe-eval'"];
        module.exports = helmet.contentSecurityPolicy(cspOptions);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'unsafeEval', line: 3, column: 89 }],
      output: null,
    },
    // checkStyles: style-src-elem, and default-src when styles fall back to it
    {
      code: code`
        import * as h from 'helmet';
        app.use(h.contentSecurityPolicy({ useDefaults: false, directives: { defaultSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"], styleSrcElem: ["'unsafe-inline'"] } }));
      `,
      options: [{ checkStyles: true }],
      errors: [
        { messageId: 'styleUnsafeInline', data: { directive: 'style-src', via: ' (style-src falls back to default-src)', from: '' }, line: 2, column: 92 },
        { messageId: 'styleUnsafeInline', data: { directive: 'style-src-elem', via: '', from: '' }, line: 2, column: 150 },
      ],
      output: null,
    },
  ],
});
