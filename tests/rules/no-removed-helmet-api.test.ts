import rule from '../../src/rules/no-removed-helmet-api';
import { inHelmet8Package } from '../helpers/packages';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('no-removed-helmet-api', rule, {
  valid: [
    // An options object that spreads itself: unknown, never a stack overflow (trial 15)
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        var options = { ...options, contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } } };
        app.use(helmet(options));
      `,
      languageOptions: commonjs,
    },
    { code: code`
        const helmet = require('helmet');
        app.use(helmet(), helmet.xXssProtection(), helmet.xPoweredBy(), helmet.hsts({ includeSubDomains: true }));
      `, languageOptions: commonjs },
    code`
      import helmet from 'helmet';
      app.use(helmet({ frameguard: { action: 'deny' }, expectCt: false }));
      app.use(helmet.contentSecurityPolicy({ directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", 'https://cdn.example.com'] } }));
    `,
    // nocache is the maintained replacement, not a removed API
    code`
      import nocache from 'nocache';
      app.use(nocache());
    `,
    // x-xss-protection without the old-IE switch
    code`
      import xss from 'x-xss-protection';
      app.use(xss());
    `,
    // not helmet: another object with the same method names
    code`
      const helmet = { hpkp() {}, noCache() {} };
      helmet.hpkp();
      helmet.noCache();
    `,
    // unknown options
    code`
      import helmet from 'helmet';
      app.use(helmet(options), helmet.frameguard({ action }), helmet.hsts({ ...hstsOptions }));
    `,
    // lusca's xssProtection turned off, or from elsewhere; lusca without it
    { code: code`
        const lusca = require('lusca');
        app.use(lusca.xssProtection({ enabled: false }));
        app.use(lusca.xssProtection(config.xss));
        app.use(lusca({ csrf: true, xframe: 'SAMEORIGIN', xssProtection: false }));
      `, languageOptions: commonjs },
  ],
  invalid: [
    // regression: with helmet 7 or an unknown version, the bare 'self' is a host name that matches nothing, and
    // quoting it lets the page's own origin load: a suggestion, not a fix
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ['self'] } } }));
      `,
      errors: [
        {
          messageId: 'unquotedKeyword',
          data: { keyword: 'self' },
          suggestions: [
            {
              messageId: 'quoteKeyword',
              output: code`
                import helmet from 'helmet';
                app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } } }));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        const helmet = require('helmet');
        app.use(helmet.hpkp({ maxAge: 7776000, sha256s: ['AbCdEf123='] }));
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'removedMiddleware',
          data: {
            name: 'hpkp',
            version: '4.0.0',
            why: 'browsers dropped HTTP Public Key Pinning, and a wrong pin locked users out of the site',
            replacement: 'remove it (browsers enforce Certificate Transparency themselves)',
          },
          line: 2,
          column: 9,
        },
      ],
      output: null,
    },
    // a named import, helmet under another name, namespace import
    {
      code: code`
        import shield, { noCache } from 'helmet';
        import * as h from 'helmet';
        app.use(noCache(), shield.featurePolicy({ features: {} }), h.expectCt({ maxAge: 0 }));
      `,
      errors: [
        { messageId: 'removedMiddleware', column: 9 },
        { messageId: 'removedMiddleware', column: 20 },
        { messageId: 'removedMiddleware', column: 60 },
      ],
      output: null,
    },
    // removed options of helmet(): ignored, suggestion removes them
    {
      code: code`
        import helmet from 'helmet';
        const options = { noCache: true, expectCt: { maxAge: 86400 } };
        app.use(helmet(options));
      `,
      errors: [
        {
          messageId: 'removedOption',
          line: 2,
          column: 19,
          suggestions: [
            {
              messageId: 'removeEntry',
              data: { name: 'noCache' },
              output: code`
                import helmet from 'helmet';
                const options = { expectCt: { maxAge: 86400 } };
                app.use(helmet(options));
              `,
            },
          ],
        },
        {
          messageId: 'removedOption',
          line: 2,
          column: 34,
          suggestions: [
            {
              messageId: 'removeEntry',
              data: { name: 'expectCt' },
              output: code`
                import helmet from 'helmet';
                const options = { noCache: true };
                app.use(helmet(options));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // old options of xssFilter / hidePoweredBy: ignored since 4.0.0, fixed by dropping them
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet.xssFilter({ setOnOldIE: true }));
        app.use(helmet.hidePoweredBy({ setTo: 'PHP 4.2.0' }));
      `,
      errors: [
        { messageId: 'ignoredArguments', line: 2 },
        { messageId: 'ignoredArguments', line: 3 },
      ],
      output: code`
        import helmet from 'helmet';
        app.use(helmet.xssFilter());
        app.use(helmet.hidePoweredBy());
      `,
    },
    {
      code: code`
        import { xXssProtection } from 'helmet';
        app.use(xXssProtection({ mode: null }, extra));
      `,
      errors: [{ messageId: 'ignoredArguments' }],
      output: code`
        import { xXssProtection } from 'helmet';
        app.use(xXssProtection());
      `,
    },
    // the misspelt includeSubdomains throws on helmet 8: renamed, in every place HSTS options go
    {
      code: code`
        import helmet = require('helmet');
        app.use(helmet({ hsts: { maxAge: 31536000, includeSubdomains: true } }));
        app.use(helmet.strictTransportSecurity({ 'includeSubdomains': false }));
      `,
      filename: 'server.ts',
      errors: [
        { messageId: 'misspeltOption', data: { key: 'includeSubdomains', correct: 'includeSubDomains' }, line: 2, column: 44 },
        { messageId: 'misspeltOption', line: 3, column: 42 },
      ],
      output: code`
        import helmet = require('helmet');
        app.use(helmet({ hsts: { maxAge: 31536000, includeSubDomains: true } }));
        app.use(helmet.strictTransportSecurity({ includeSubDomains: false }));
      `,
    },
    // ALLOW-FROM throws since helmet 4
    {
      code: code`
        const helmet = require('helmet');
        app.use(helmet.frameguard({ action: 'allow-from', domain: 'https://example.com' }));
        app.use(helmet({ xFrameOptions: { action: 'ALLOW-FROM' } }));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'allowFrom', line: 2, column: 37 },
        { messageId: 'allowFrom', line: 3, column: 43 },
      ],
      output: null,
    },
    // unquoted CSP keywords throw on helmet 8: quoted by the fix when the string is the keyword alone
    {
      name: 'partial fix: a keyword inside a longer source string is reported, not rewritten',
      filename: inHelmet8Package('app.js'),
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ['self'], 'object-src': ['none'], scriptSrc: "self https:" } } }));
      `,
      errors: [
        { messageId: 'unquotedKeyword', data: { keyword: 'self' }, column: 70 },
        { messageId: 'unquotedKeyword', data: { keyword: 'none' }, column: 94 },
        { messageId: 'unquotedKeyword', data: { keyword: 'self' }, column: 114 },
      ],
      output: code`
        import helmet from 'helmet';
        app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], 'object-src': ["'none'"], scriptSrc: "self https:" } } }));
      `,
    },
    // regression: an unquoted unsafe keyword is inert on helmet <= 7 (a host name); quoting it would turn inline
    // scripts on, so --fix never quotes it: reported with a suggestion to remove it, while 'self' is still fixed
    // (helmet 8 in package.json: the bare word throws at startup, so quoting it loosens nothing that was sent)
    {
      filename: inHelmet8Package('app.js'),
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ['self', 'unsafe-inline'] } } }));
      `,
      errors: [
        { messageId: 'unquotedKeyword', data: { keyword: 'self' }, column: 69, suggestions: [] },
        {
          messageId: 'unquotedUnsafeKeyword',
          data: {
            keyword: 'unsafe-inline',
            directive: 'script-src',
            what: 'inline scripts and event handlers (any injected <script>)',
          },
          column: 77,
          suggestions: [
            {
              messageId: 'removeSource',
              data: { keyword: 'unsafe-inline', directive: 'script-src' },
              output: code`
                import helmet from 'helmet';
                app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ['self'] } } }));
              `,
            },
          ],
        },
      ],
      output: code`
        import helmet from 'helmet';
        app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", 'unsafe-inline'] } } }));
      `,
      name: "partial fix: bare unsafe-inline is never quoted by --fix; 'self' beside it is",
    },
    {
      name: 'what --fix leaves: the bare unsafe-inline, with its removal suggestion (CommonJS, multi-line)',
      code: code`
        const helmet = require('helmet');
        const directives = {
          'script-src': [
            "'self'",
            'unsafe-eval',
            'https://cdn.example.com',
          ],
          styleSrc: "'self' unsafe-inline",
        };
        module.exports = helmet.contentSecurityPolicy({ directives });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'unquotedUnsafeKeyword',
          data: { keyword: 'unsafe-eval', directive: 'script-src', what: 'eval(), new Function() and string timers' },
          line: 5,
          suggestions: [
            {
              messageId: 'removeSource',
              output: code`
                const helmet = require('helmet');
                const directives = {
                  'script-src': [
                    "'self'",
                    'https://cdn.example.com',
                  ],
                  styleSrc: "'self' unsafe-inline",
                };
                module.exports = helmet.contentSecurityPolicy({ directives });
              `,
            },
          ],
        },
        {
          messageId: 'unquotedUnsafeKeyword',
          data: {
            keyword: 'unsafe-inline',
            directive: 'style-src',
            what: 'inline styles (any injected <style>)',
          },
          line: 8,
          suggestions: [
            {
              messageId: 'removeSource',
              output: code`
                const helmet = require('helmet');
                const directives = {
                  'script-src': [
                    "'self'",
                    'unsafe-eval',
                    'https://cdn.example.com',
                  ],
                  styleSrc: "'self'",
                };
                module.exports = helmet.contentSecurityPolicy({ directives });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'bare wasm-unsafe-eval and unsafe-hashes alone in their directive: reported, nothing to remove to (TS)',
      code: code`
        import helmet, { contentSecurityPolicy } from 'helmet';
        const csp: Parameters<typeof contentSecurityPolicy>[0] = { directives: { scriptSrc: ['wasm-unsafe-eval'], scriptSrcAttr: 'unsafe-hashes' } };
        export const mw = [helmet(), contentSecurityPolicy(csp)];
      `,
      filename: 'csp.ts',
      errors: [
        { messageId: 'unquotedUnsafeKeyword', data: { keyword: 'wasm-unsafe-eval', directive: 'script-src', what: 'WebAssembly compilation' }, suggestions: [] },
        { messageId: 'unquotedUnsafeKeyword', data: { keyword: 'unsafe-hashes', directive: 'script-src-attr', what: 'inline event handlers that match a hash' }, suggestions: [] },
      ],
      output: null,
    },
    // strict-dynamic changes which scripts load: quoting is offered, not applied; report-sample is inert: fixed
    {
      code: code`
        import helmet from 'helmet';
        app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'nonce-abc'", 'strict-dynamic', 'report-sample'] } } }));
      `,
      errors: [
        {
          messageId: 'unquotedKeyword',
          data: { keyword: 'strict-dynamic' },
          suggestions: [
            {
              messageId: 'quoteKeyword',
              data: {
                keyword: 'strict-dynamic',
                effect: "with a nonce or hash, browsers then ignore host sources and 'self', so scripts without one stop loading",
              },
              output: code`
                import helmet from 'helmet';
                app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'nonce-abc'", "'strict-dynamic'", 'report-sample'] } } }));
              `,
            },
          ],
        },
        { messageId: 'unquotedKeyword', data: { keyword: 'report-sample' }, suggestions: [] },
      ],
      output: code`
        import helmet from 'helmet';
        app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'nonce-abc'", 'strict-dynamic', "'report-sample'"] } } }));
      `,
      name: 'partial fix: bare strict-dynamic is quoted by suggestion only; bare report-sample by --fix',
    },
    // the old standalone packages
    {
      code: code`
        const hpkp = require('hpkp');
        const expectCt = require('expect-ct');
        const xssFilter = require('x-xss-protection');
        app.use(hpkp({ maxAge: 7776000 }), expectCt({ enforce: true }), xssFilter({ setOnOldIE: true }));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'obsoletePackage', column: 9 },
        { messageId: 'obsoletePackage', column: 36 },
        { messageId: 'oldXssFilter', column: 77 },
      ],
      output: null,
    },
    {
      code: code`
        import featurePolicy from 'feature-policy';
        export default featurePolicy({ features: { camera: ["'none'"] } });
      `,
      errors: [{ messageId: 'obsoletePackage' }],
      output: null,
    },
      // lusca.xssProtection(true) sends 'X-XSS-Protection: 1; mode=block' (CJS), also with no options or an object
    {
      code: code`
        const lusca = require('lusca');
        app.use(lusca.xssProtection(true));
        app.use(lusca.xssProtection());
        app.use(lusca.xssProtection({ enabled: true, mode: 'block' }));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'xssFilterOn', data: { label: 'lusca' }, line: 2, column: 9 },
        { messageId: 'xssFilterOn', line: 3 },
        { messageId: 'xssFilterOn', line: 4 },
      ],
      output: null,
    },
    // lusca({ xssProtection: true }) (ESM, TS)
    {
      code: code`
        import lusca from 'lusca';
        const security = { csrf: true, xssProtection: true };
        app.use(lusca(security));
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'xssFilterOn', line: 2, column: 32 }],
      output: null,
    },
  ],
});
