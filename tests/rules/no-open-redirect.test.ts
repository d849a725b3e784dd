import rule from '../../src/rules/no-open-redirect';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { inExpressPackage, inPlainPackage } from '../helpers/packages';
import { UNUSUAL_SOURCE } from '../helpers/unusual';

runRuleTests('no-open-redirect', rule, {
  valid: [
    // a typed destructured request checked against an allow list; a destructured first parameter that holds no
    // request data (`{ user }`, `{ id }`) before a typed response
    {
      code: code`
        import { type Request, type Response } from 'express';
        const TARGETS: Record<string, string> = { github: 'https://github.com/juice-shop/juice-shop' };
        export const go = ({ query }: Request, res: Response) => {
          const to = query.to as string;
          if (Object.hasOwn(TARGETS, to)) res.redirect(TARGETS[to]!);
          else res.status(406).end();
        };
        export const home = ({ user }: Request, res: Response) => res.redirect(user ? '/home' : '/login');
        export const show = ({ id }: { id: string }, res: Response) => res.redirect('/items/' + id);
      `,
      filename: 'go.ts',
    },
    // unusual syntax does not crash the rule
    { code: UNUSUAL_SOURCE, filename: 'page.tsx' },
    // checked redirects: the clean twins
    // the request value is checked, and a local holds the outcome (examples/hardened's login)
    { code: code`
        const express = require('express');
        const ALLOWED_NEXT = ['/', '/account'];
        const app = express();
        app.post('/login', (req, res, next) => {
          req.session.regenerate((error) => {
            if (error) return next(error);
            const target = ALLOWED_NEXT.includes(req.query.next) ? req.query.next : '/';
            res.redirect(target);
          });
        });
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      const ALLOWED = new Set(['/home', '/account']);
      const app = express();
      app.get('/login', (req, res) => {
        const next = req.query.next;
        if (!ALLOWED.has(next)) return res.redirect('/home');
        res.redirect(next);
      });
      app.get('/go', (req, res) => {
        const to = req.query.to;
        if (to === '/docs' || to === '/blog') res.redirect(to);
      });
      app.get('/back', (req, res) => {
        const url = req.query.url;
        if (typeof url === 'string' && url.startsWith('/') && !url.startsWith('//')) res.redirect(url);
        if (/^\\/[\\w/-]*$/.test(req.query.path)) res.redirect(req.query.path);
      });
    `,
    // only a path (or a fixed origin) is kept; encoded
    { code: code`
        const express = require('express');
        const app = express();
        app.get('/u', (req, res) => {
          res.redirect('/users/' + req.query.id);
          res.redirect(301, \`/posts/\${req.params.slug}\`);
          res.location(\`https://example.com/\${req.query.page}\`);
          res.redirect('/search?q=' + encodeURIComponent(req.query.q));
          res.redirect(encodeURIComponent(req.query.q));
        });
      `, languageOptions: commonjs },
    // not request data, not a handler's response
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => res.redirect(process.env.HOME_URL));
      export const go = (res: any, req: any) => res.redirect(req.query.next);
    `,
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => { res.redirect(); res.redirect(...args); res.location(); });
    `,
    // the motivating false positive: the redirect only runs where the allow list holds
    code`
      import express from 'express';
      const allowed = ['/home', '/account'];
      const app = express();
      app.get('/go', (req, res) => {
        const target = req.query.target;
        if (allowed.includes(target)) res.redirect(target);
        if (Object.hasOwn(ROUTES, req.query.r)) res.redirect(req.query.r);
      });
    `,
    // a reassignment replaces the request value; an early exit guards what follows
    { code: code`
        const express = require('express');
        const ALLOWED = new Set(['/a']);
        const router = express.Router();
        router.get('/x', (req, res) => {
          let q = req.query.q;
          q = '/home';
          res.redirect(q);
          const next = req.query.next;
          if (!ALLOWED.has(next)) return res.status(400).end();
          res.redirect(next);
          const back = req.get('Referer');
          if (back !== '/a' && back !== '/b') throw new Error('bad');
          res.location(back);
        });
        module.exports = router;
      `, languageOptions: commonjs },
    // after a fixed host or path, a '?' or '#', in a const; new URL() with a host check
    code`
      import express from 'express';
      const BASE = 'https://example.com/';
      const app = express();
      app.get('/x', (req, res) => {
        res.redirect('?page=' + req.query.page);
        res.redirect(\`#\${req.query.anchor}\`);
        res.redirect(BASE + req.query.path);
        const local = '/users/' + req.params.id;
        res.redirect(local);
        const url = new URL(req.query.next, 'https://example.com');
        if (url.origin !== 'https://example.com') return res.redirect('/');
        res.redirect(url.href);
        const other = new URL(req.query.other, BASE);
        if (other.host === 'example.com') res.redirect(other.toString());
      });
    `,
    // a relative path closed by '?' or '#' before the request data (an OAuth form_post re-sent to its sibling route,
    // @directus/api): the target is fixed, the data fills the query or fragment only
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/sso/callback', express.urlencoded({ extended: false }), (req, res) => {
          res.redirect(303, \`./callback?\${new URLSearchParams(req.body)}\`);
          res.redirect('callback?state=' + req.body.state);
          res.location(\`../done#\${req.query.anchor}\`);
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      const NEXT = 'step/2?';
      app.get('/step/1', (req, res) => res.redirect(NEXT + req.query.q));
    `,
    {
      code: code`
        import type { Request, Response } from 'express';
        export function resend(req: Request, res: Response) {
          const qs = new URLSearchParams(req.query as Record<string, string>).toString();
          res.redirect(\`callback?\${qs}\`);
        }
      `,
      filename: 'resend.ts',
    },
    // a fixed-origin prefix through a let written once and through a local helper's parameter (request data drops
    // the danger where the text is built, so every path sees it)
    {
      code: code`
        const express = require('express');
        const app = express();
        function sendTo(res, url) { res.redirect(url); }
        app.get('/x', (req, res) => {
          let target = 'https://app.example/welcome?next=' + req.query.next;
          res.redirect(target);
          sendTo(res, \`/account/\${req.query.tab}\`);
        });
      `,
      languageOptions: commonjs,
    },
    // a helper called only with fixed URLs; a Location header that is not the request's
    code`
      import express from 'express';
      const app = express();
      function sendTo(res, url) { res.redirect(url); }
      app.get('/x', (req, res) => {
        sendTo(res, '/home');
        res.setHeader('Location', '/login');
        res.writeHead(302, { Location: '/login', 'X-Id': req.query.id });
      });
    `,
    // a handler shape without Express in the file or its package.json, or with handlerShapes: false
    { code: "module.exports.go = function (req, res) { res.redirect(req.body.url); };", languageOptions: commonjs, filename: inPlainPackage('go.js') },
    { code: "const express = require('express');\nmodule.exports.go = function (req, res) { res.redirect(req.body.url); };", languageOptions: commonjs, settings: { 'secure-express': { handlerShapes: false } } },
    // a validator check that pins the host
    code`
      import express from 'express';
      import validator from 'validator';
      const app = express();
      app.get('/x', (req, res) => {
        if (validator.isURL(req.query.u, { host_whitelist: ['example.com'] })) res.redirect(req.query.u);
      });
    `,
    // trial 17 (code-server's move to HTTPS): the Host header names the site the browser asked for; a link cannot make
    // it another site's (compiled CommonJS, a template and a concatenation, req.get and req.header)
    { code: code`
        const express_1 = __importDefault(require('express'));
        const app = (0, express_1.default)();
        app.use(/.*/, (req, res, next) => {
          if (args.cert && !req.connection.encrypted) {
            return res.redirect(\`https://\${req.headers.host}\${req.originalUrl}\`);
          }
          next();
        });
        app.get('/old', (req, res) => res.redirect(301, 'https://' + req.get('host') + req.url));
        app.get('/v1', (req, res) => res.location(\`\${req.protocol}://\${req.header('Host')}/v2\`).end());
      `, languageOptions: commonjs },
    { code: code`
        import type { Request, Response } from 'express';
        export function toHttps(req: Request, res: Response) {
          res.redirect(\`https://\${req.headers['host']}\${req.originalUrl}\`);
        }
      `, filename: 'https.ts' },
    // trial 18: the Host header read through destructuring or a local (the request's headers kept, the host taken
    // from them), and as the origin of a path the request fills in: the browser stays on the site it asked for
    // (CommonJS, ESM, TypeScript)
    { code: code`
        const express = require('express');
        const app = express();
        app.get('/a', (req, res) => { const { host } = req.headers; res.redirect(\`https://\${host}\${req.originalUrl}\`); });
        app.get('/b', ({ headers: { host }, originalUrl }, res) => res.redirect('https://' + host + originalUrl));
        app.get('/c', (req, res) => { const { headers } = req; res.redirect(\`https://\${headers.host}\${req.originalUrl}\`); });
        app.get('/d', (req, res) => { const h = req.headers; res.redirect('https://' + h.Host + req.originalUrl); });
        app.get('/e', (req, res) => { const { headers: { host } } = req; res.redirect(\`https://\${host}/\${req.query.next}\`); });
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      const app = express();
      app.get('/docs', (req, res) => res.redirect(\`\${req.protocol}://\${req.get('host')}/docs/\${req.query.page}\`));
      app.get('/v1/:rest', (req, res) => res.redirect(301, 'https://' + req.headers.host + '/v2/' + req.params.rest));
      app.get('/next', (req, res) => { const host = req.get('host'); res.location(\`https://\${host}?next=\${req.query.next}\`).end(); });
    `,
    { code: code`
        import type { Request, Response } from 'express';
        export function docs({ headers, query }: Request, res: Response) {
          res.redirect(\`https://\${headers.host}/docs/\${String(query.page)}\`);
        }
      `, filename: 'docs.ts' },
  ],
  invalid: [
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/login', (req, res) => {
          res.redirect(req.query.next);
        });
      `,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 4, column: 16 }],
      output: null,
    },
    // trial 17: the request's Host keeps its site, but what follows it right after is the client's: '@evil.example' makes
    // the host a user name; other headers (the Referer, X-Forwarded-Host) are request data as before
    {
      code: code`
        const express = require('express');
        const app = express();
        app.use((req, res, next) => {
          if (!req.secure) return res.redirect(\`https://\${req.headers.host}\${req.query.next}\`);
          res.redirect('https://' + req.get('x-forwarded-host') + req.url);
          res.redirect(req.headers.referer);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 4 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: "req.get('x-forwarded-host')" }, line: 5 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.headers.referer' }, line: 6 },
      ],
      output: null,
    },
    // trial 18: the twins: a destructured or kept Host header is still the client's text where what follows it is
    // (right after the host, as a port, a subdomain), and a header that is not Host (X-Forwarded-Host) or a scheme from
    // the query are request data (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/a', (req, res) => { const { host } = req.headers; res.redirect(\`https://\${host}\${req.query.next}\`); });
        app.get('/b', ({ headers: { host }, query }, res) => res.redirect('https://' + host + ':' + query.port + '/'));
        app.get('/c', (req, res) => { const h = req.headers; res.redirect(\`https://\${h.host}.\${req.query.zone}/\`); });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 3 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'query.port' }, line: 4 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.zone' }, line: 5 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/docs', (req, res) => res.redirect(\`\${req.query.scheme}://\${req.get('host')}/docs\`));
        app.get('/fwd', (req, res) => { const { 'x-forwarded-host': host } = req.headers; res.redirect(\`https://\${host}/docs/\${req.query.page}\`); });
        app.get('/sub', (req, res) => res.redirect(\`https://\${req.query.sub}.\${req.headers.host}/\`));
      `,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.scheme' }, line: 3 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: "req.headers.x-forwarded-host" }, line: 4 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.sub' }, line: 5 },
      ],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        export function docs({ headers, query }: Request, res: Response) {
          res.redirect(\`https://\${headers.host}\${String(query.page)}\`);
        }
      `,
      filename: 'docs.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'query.page' }, line: 3 }],
      output: null,
    },
    // status first, a header, a destructured body, location; a '/' prefix alone allows //evil.example
    {
      code: code`
        const { Router } = require('express');
        const router = Router();
        router.post('/done', (req, res) => {
          const { returnTo } = req.body;
          res.redirect(302, req.get('Referer'));
          res.location(returnTo);
          res.redirect('/' + req.query.path);
          res.redirect(\`\${req.protocol}://\${req.query.host}/home\`);
        });
        module.exports = router;
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: "req.get('Referer')" } },
        { messageId: 'openRedirect', data: { method: 'res.location', source: 'req.body.returnTo' } },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.path' } },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.host' } },
      ],
      output: null,
    },
    // a relative text that is no fixed target: no '?' before the data (`callback` + ':…' is a scheme), a '?' after
    // it, a protocol-relative or backslash start, a scheme, a leading space (browsers drop it); a startsWith check of
    // a relative text vouches for nothing (the value may be sliced)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/x', (req, res) => {
          res.redirect('callback' + req.query.a);
          res.redirect(\`callback\${req.query.b}?x=1\`);
          res.redirect('//evil.example?' + req.query.c);
          res.redirect('\\\\\\\\evil.example?' + req.query.d);
          res.redirect('javascript:x?' + req.query.e);
          res.redirect(' //evil.example?' + req.query.f);
          const g = req.query.g;
          if (g.startsWith('callback?')) res.redirect(g);
        });
      `,
      languageOptions: commonjs,
      errors: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((field) => ({
        messageId: 'openRedirect' as const,
        data: { method: 'res.redirect', source: `req.query.${field}` },
      })),
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        export function resend(req: Request, res: Response) {
          res.redirect(\`./\${req.query.path}?done=1\`);
        }
      `,
      filename: 'resend.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.path' } }],
      output: null,
    },
    // a fixed-origin text replaced by request data before the redirect; a local helper given a '/' prefix alone
    {
      code: code`
        const express = require('express');
        const app = express();
        function sendTo(res, url) { res.redirect(url); }
        app.get('/x', (req, res) => {
          let target = 'https://app.example/' + req.query.page;
          target = req.query.next;
          res.redirect(target);
          sendTo(res, '/' + req.query.path);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' } },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: "req.query.path, through 'sendTo'" } },
      ],
      output: null,
    },
    // a startsWith('/') check alone is not enough; a check of another value does not count; TS
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/r', (req: Request, res: Response) => {
          const url = String(req.query.url);
          const other = req.query.other;
          if (url.startsWith('/') && ['a'].includes(other as string)) res.status(302).redirect(url);
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.url' } }],
      output: null,
    },
    // the other branch of a check stays tainted; a check after the sink counts for nothing
    {
      code: code`
        import express from 'express';
        const allowed = ['/home'];
        const app = express();
        app.get('/go', (req, res) => {
          const target = req.query.target;
          if (allowed.includes(target)) res.redirect('/ok'); else res.redirect(target);
          res.redirect(req.query.late);
          if (!allowed.includes(req.query.late)) return;
        });
      `,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.target' }, line: 6 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.late' }, line: 7 },
      ],
      output: null,
    },
    // handlers recognised by shape: exported, object method, class method, returned by a factory (CJS)
    {
      code: code`
        const express = require('express');
        module.exports.go = function (req, res) { res.redirect(req.body.url); };
        const controller = { back(request, response) { response.redirect(request.query.next); } };
        class Auth { done({ query }, res, next) { res.location(query.to); } }
        function make() { return (req, res) => res.redirect(req.get('Referer')); }
        module.exports = { controller, Auth, make };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.body.url' }, line: 2 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'request.query.next' }, line: 3 },
        { messageId: 'openRedirect', data: { method: 'res.location', source: 'query.to' }, line: 4 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: "req.get('Referer')" }, line: 5 },
      ],
      output: null,
    },
    // a handler shape in a package whose package.json depends on express, without an import
    {
      code: 'export const go = (req, res) => res.redirect(req.query.next);',
      filename: inExpressPackage('go.js'),
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' } }],
      output: null,
    },
    // a destructured request before a typed response is the request: typed (Juice Shop's factories return
    // `({ query }: Request, res: Response, next) => ...`) or shaped like one
    {
      code: code`
        import { type Request, type Response, type NextFunction } from 'express';
        module.exports = function performRedirect () {
          return ({ query }: Request, res: Response, next: NextFunction) => {
            const toUrl: string = query.to as string;
            res.redirect(toUrl);
          };
        };
      `,
      filename: 'redirect.ts',
      // regression (trial): named as written, `query.to`, not `req.query`
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'query.to' }, line: 5 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        export const back = ({ body, query }, res: express.Response) => {
          res.redirect(body.next ?? query.next);
        };
      `,
      filename: 'back.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'body.next' }, line: 3 }],
      output: null,
    },
    // a TS controller typed with Express's types (any names); a '/' prefix alone, a concatenated let
    {
      code: code`
        import type { Request, Response } from 'express';
        export async function back(r: Request, w: Response) {
          let to = '/';
          to += r.query.to;
          w.redirect(to);
          w.redirect('/' + r.query.path);
        }
      `,
      filename: 'controller.ts',
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'r.query.to' }, line: 5 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'r.query.path' }, line: 6 },
      ],
      output: null,
    },
    // Node's own server: a Location header from the parsed URL
    {
      code: code`
        const http = require('node:http');
        const url = require('node:url');
        http.createServer((req, res) => {
          const { query } = url.parse(req.url, true);
          res.writeHead(302, { Location: query.next });
          res.end();
        }).listen(3000);
        const server = http.createServer();
        server.on('request', (req, res) => {
          res.setHeader('Location', new URL(req.url, 'http://localhost').searchParams.get('to'));
          res.end();
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.writeHead', source: 'req.url' }, line: 5 },
        { messageId: 'openRedirect', data: { method: 'res.setHeader', source: 'req.url' }, line: 10 },
      ],
      output: null,
    },
    // a helper whose parameter reaches the redirect: reported at the caller's argument; Location headers
    {
      code: code`
        import express from 'express';
        const app = express();
        function sendTo(res, url) { res.redirect(url); }
        const nextOf = (req) => req.query.next;
        app.get('/x', (req, res) => {
          sendTo(res, req.query.next);
          res.redirect(nextOf(req));
          res.set({ Location: req.body.to });
          res.header('location', req.params.to);
        });
      `,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: "req.query.next, through 'sendTo'" }, line: 6, column: 15 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 7 },
        { messageId: 'openRedirect', data: { method: 'res.set', source: 'req.body.to' }, line: 8 },
        { messageId: 'openRedirect', data: { method: 'res.header', source: 'req.params.to' }, line: 9 },
      ],
      output: null,
    },
    // isURL without a host allow list does not pin the host
    {
      code: code`
        import express from 'express';
        import validator from 'validator';
        const app = express();
        app.get('/x', (req, res) => {
          if (validator.isURL(req.query.u)) res.redirect(req.query.u);
        });
      `,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.u' } }],
      output: null,
    },
  ],
});

runRuleTests('no-open-redirect (allow-list functions of the file)', rule, {
  valid: [
    // a helper that is true only for listed constants guards the redirect (ESM)
    code`
      import express from 'express';
      const ALLOWED = ['/home', 'https://example.com/welcome'];
      const isAllowed = (url) => ALLOWED.includes(url);
      const app = express();
      app.get('/go', (req, res) => {
        if (!isAllowed(req.query.to)) return res.sendStatus(400);
        res.redirect(req.query.to);
      });
    `,
  ],
  invalid: [
    // a helper that only tests the length is no allow list (CommonJS)
    {
      code: code`
        const express = require('express');
        function isOk(url) {
          return url.length > 0;
        }
        const app = express();
        app.get('/go', (req, res) => {
          if (!isOk(req.query.to)) return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 8 }],
      output: null,
    },
  ],
});

runRuleTests('no-open-redirect (rejecting functions of the file)', rule, {
  valid: [
    // A helper whose false result holds the local-path check: `if (isUnsafe(u)) return …` guards the redirect after it
    // (CommonJS), and as a ?: around it; a negated allow list (ESM); early exits that return true (TypeScript)
    {
      code: code`
        const express = require('express');
        function isUnsafe(u) {
          return typeof u !== 'string' || !u.startsWith('/') || u.startsWith('//');
        }
        const app = express();
        app.get('/a', (req, res) => { const n = req.query.next; if (isUnsafe(n)) return res.redirect('/'); res.redirect(n); });
        app.get('/b', (req, res) => { const n = req.query.next; res.redirect(isUnsafe(n) ? '/' : n); });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const TARGETS = ['/home', '/account'];
      const notListed = (to) => !TARGETS.includes(to);
      const app = express();
      app.get('/go', (req, res) => {
        if (notListed(req.query.to)) return res.sendStatus(400);
        res.redirect(req.query.to);
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        function isForeign(u: unknown): boolean {
          if (typeof u !== 'string') return true;
          if (u.startsWith('//')) return true;
          return !u.startsWith('/');
        }
        const app = express();
        app.get('/go', (req: Request, res: Response) => {
          const to = req.query.to as string;
          if (isForeign(to)) throw new Error('bad target');
          res.redirect(to);
        });
      `,
      filename: 'go.ts',
    },
    // A local path from two early exits together: '/' from one, not '//' from the other (inline, and in a local
    // helper), in CommonJS
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/a', (req, res) => {
          const next = req.query.next;
          if (typeof next !== 'string' || !next.startsWith('/')) return res.redirect('/');
          if (next.startsWith('//')) return res.redirect('/');
          res.redirect(next);
        });
        function safeNext(v) {
          if (typeof v !== 'string' || !v.startsWith('/')) return '/';
          if (v.startsWith('//')) return '/';
          return v;
        }
        app.get('/c', (req, res) => res.redirect(safeNext(req.query.next)));
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // ... but not when the value is written between the two checks, nor with the first check alone
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/a', (req, res) => {
          let next = req.query.next;
          if (typeof next !== 'string' || !next.startsWith('/')) return res.redirect('/');
          next = req.query.other;
          if (next.startsWith('//')) return res.redirect('/');
          res.redirect(next);
        });
        app.get('/b', (req, res) => {
          const next = req.query.next;
          if (typeof next !== 'string' || !next.startsWith('/')) return res.redirect('/');
          res.redirect(next);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.other' }, line: 8 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 13 },
      ],
    },
    // ... not used the other way round, not one that rules out only '//', not one whose early exit returns false (ESM)
    {
      code: code`
        import express from 'express';
        const isUnsafe = (u) => !u.startsWith('/') || u.startsWith('//');
        const isDouble = (u) => u.startsWith('//');
        function mixed(u) {
          if (u === '') return false;
          return !u.startsWith('/') || u.startsWith('//');
        }
        const app = express();
        app.get('/a', (req, res) => { const n = req.query.next; if (!isUnsafe(n)) return res.redirect('/'); res.redirect(n); });
        app.get('/b', (req, res) => { const n = req.query.next; if (isDouble(n)) return res.redirect('/'); res.redirect(n); });
        app.get('/c', (req, res) => { const n = req.query.next; if (mixed(n)) return res.redirect('/'); res.redirect(n); });
      `,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 9 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 10 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 11 },
      ],
      output: null,
    },
    // a negated list that the module adds to is no allow list (CommonJS)
    {
      code: code`
        const express = require('express');
        const TARGETS = ['/home'];
        TARGETS.push(process.env.EXTRA);
        const notListed = (to) => !TARGETS.includes(to);
        const app = express();
        app.get('/go', (req, res) => {
          if (notListed(req.query.to)) return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 8 }],
      output: null,
    },
  ],
});

runRuleTests('no-open-redirect (allow-listed hosts)', rule, {
  valid: [
    // trial 12: the parsed URL's host in a constant Set or array pins where it goes (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const ALLOWED = new Set(['docs.example.com']);
        const app = express();
        app.get('/b', (req, res) => {
          const target = new URL(String(req.query.to), 'https://example.com');
          if (!ALLOWED.has(target.hostname)) return res.sendStatus(400);
          res.redirect(target.toString());
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const HOSTS = ['docs.example.com', 'example.com'];
      const app = express();
      app.get('/b', (req, res) => {
        const target = new URL(req.query.to, 'https://example.com');
        if (HOSTS.includes(target.host)) res.redirect(target.href);
        else res.sendStatus(400);
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const ORIGINS: ReadonlySet<string> = new Set(['https://example.com']);
        const app = express();
        app.get('/b', (req: Request, res: Response) => {
          const target = new URL(String(req.query.to), 'https://example.com');
          if (!ORIGINS.has(target.origin)) throw new Error('bad target');
          res.redirect(target.toString());
        });
      `,
      filename: 'go.ts',
    },
  ],
  invalid: [
    // ... not a list the request sends, nor a part that does not say where it goes (ESM)
    {
      code: code`
        import express from 'express';
        const PATHS = new Set(['/home']);
        const app = express();
        app.get('/b', (req, res) => {
          const target = new URL(req.query.to, 'https://example.com');
          if (!req.body.hosts.includes(target.hostname)) return res.sendStatus(400);
          res.redirect(target.toString());
        });
        app.get('/c', (req, res) => {
          const target = new URL(req.query.to, 'https://example.com');
          if (!PATHS.has(target.pathname)) return res.sendStatus(400);
          res.redirect(target.toString());
        });
      `,
      errors: [
        { messageId: 'openRedirect', line: 7 },
        { messageId: 'openRedirect', line: 12 },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-open-redirect (the text a checked URL was parsed from)', rule, {
  valid: [
    // trial 13: the text itself redirected after its parse against a base was checked (ESM, CommonJS)
    code`
      import express from 'express';
      const ALLOWED = new Set(['example.com', 'docs.example.com']);
      const app = express();
      app.get('/go', (req, res) => {
        const u = String(req.query.to);
        if (!ALLOWED.has(new URL(u, 'https://example.com').hostname)) return res.sendStatus(400);
        res.redirect(u);
      });
    `,
    {
      code: code`
        const express = require('express');
        const BASE = 'https://example.com';
        const app = express();
        app.get('/go', (req, res) => {
          if (new URL(req.query.to, BASE).host !== 'example.com') return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // ... not another text's, nor a part that does not say where it goes (TS)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const ALLOWED = new Set(['example.com']);
        const app = express();
        app.get('/go', (req: Request, res: Response) => {
          const u = String(req.query.to);
          if (!ALLOWED.has(new URL(String(req.query.from), 'https://example.com').hostname)) return res.sendStatus(400);
          if (!ALLOWED.has(new URL(u, 'https://example.com').pathname)) return res.sendStatus(400);
          res.redirect(u);
        });
      `,
      filename: 'go.ts',
      errors: [{ messageId: 'openRedirect', line: 8 }],
      output: null,
    },
  ],
});

runRuleTests('no-open-redirect (truthy lookups)', rule, {
  valid: [
    // trial 11: a truthy entry of a constant object names one of its keys (ESM, and an early exit in CommonJS)
    code`
      import express from 'express';
      const PAGES = { home: 'Home', account: 'Account' };
      const app = express();
      app.get('/go', (req, res) => {
        const page = req.query.page;
        res.redirect(PAGES[page] ? '/' + page : '/');
      });
    `,
    {
      code: code`
        const express = require('express');
        const ROUTES = { home: '/home' };
        const app = express();
        app.get('/go', (req, res) => {
          const page = req.query.page;
          if (!ROUTES[page]) return res.sendStatus(404);
          res.redirect('/' + page);
        });
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // ... not one of an object the request sends, nor a falsy one (TS)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const PAGES: Record<string, string> = { home: 'Home' };
        const app = express();
        app.get('/go', (req: Request, res: Response) => {
          const page = req.query.page as string;
          res.redirect(req.body.pages[page] ? '/' + page : '/');
          res.redirect(PAGES[page] ? '/' : '/' + page);
        });
      `,
      filename: 'go.ts',
      errors: [
        { messageId: 'openRedirect', line: 6 },
        { messageId: 'openRedirect', line: 7 },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-open-redirect (async checking functions of the file)', rule, {
  valid: [
    // an async allow-list helper (it looks the list up) counts where its result is awaited (ESM, TS)
    code`
      import express from 'express';
      const ALLOWED = ['/home', '/account'];
      const isAllowed = async (url) => ALLOWED.includes(url);
      const app = express();
      app.get('/go', async (req, res) => {
        if (!(await isAllowed(req.query.to))) return res.sendStatus(400);
        res.redirect(req.query.to);
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        async function isUnsafe(u: unknown): Promise<boolean> {
          return typeof u !== 'string' || !u.startsWith('/') || u.startsWith('//');
        }
        const app = express();
        app.get('/go', async (req: Request, res: Response) => {
          const to = req.query.to as string;
          if (await isUnsafe(to)) return res.redirect('/');
          res.redirect(to);
        });
      `,
      filename: 'go.ts',
    },
  ],
  invalid: [
    // not awaited, the promise is always truthy and checks nothing (CommonJS)
    {
      code: code`
        const express = require('express');
        const ALLOWED = ['/home', '/account'];
        async function isAllowed(url) {
          return ALLOWED.includes(url);
        }
        const app = express();
        app.get('/go', (req, res) => {
          if (!isAllowed(req.query.to)) return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 9 }],
      output: null,
    },
  ],
});

runRuleTests('no-open-redirect (a check\'s result held in a local)', rule, {
  valid: [
    // trial 13: a check kept in a `const` counts like the same check written in the condition: an awaited async
    // helper, a constant list, a local-path test, a helper's result around the redirect (CommonJS)
    {
      code: code`
        const express = require('express');
        const ALLOWED = ['/home', '/account'];
        const isAllowed = async (url) => ALLOWED.includes(url);
        const isSafe = (u) => typeof u === 'string' && u.startsWith('/') && !u.startsWith('//');
        const app = express();
        app.get('/a', async (req, res) => {
          const u = req.query.next;
          const ok = await isAllowed(u);
          if (!ok) return res.redirect('/');
          res.redirect(u);
        });
        app.get('/b', (req, res) => {
          const u = req.query.next;
          const safe = ALLOWED.includes(u);
          if (!safe) return res.sendStatus(400);
          res.redirect(u);
        });
        app.get('/c', (req, res) => {
          const u = req.query.next;
          const bad = !u.startsWith('/') || u.startsWith('//');
          if (bad) return res.sendStatus(400);
          res.redirect(u);
        });
        app.get('/d', (req, res) => {
          const u = req.query.next;
          const allowed = isSafe(u);
          res.redirect(allowed ? u : '/');
        });
      `,
      languageOptions: commonjs,
    },
    // ESM: a `let` and a function-level `var` that nothing assigns again, a local built from another, a member
    // checked in place
    code`
      import express from 'express';
      const ALLOWED = new Set(['/home', '/account']);
      const app = express();
      app.get('/a', (req, res) => {
        let known = ALLOWED.has(req.query.to);
        if (!known) return res.sendStatus(400);
        res.redirect(req.query.to);
      });
      app.get('/b', function (req, res) {
        var to = req.query.to;
        var local = to.startsWith('/');
        var single = !to.startsWith('//');
        const ok = local && single;
        if (ok) res.redirect(to);
        else res.sendStatus(400);
      });
    `,
    // TypeScript: typed locals, an awaited rejecting helper
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        async function isUnsafe(u: unknown): Promise<boolean> {
          return typeof u !== 'string' || !u.startsWith('/') || u.startsWith('//');
        }
        const app = express();
        app.get('/go', async (req: Request, res: Response) => {
          const to = req.query.to as string;
          const unsafe: boolean = await isUnsafe(to);
          if (unsafe) return res.redirect('/');
          res.redirect(to);
        });
      `,
      filename: 'go.ts',
    },
    // A check's promise kept in a local and awaited in the condition is that check, made where the local is declared:
    // `if (!(await p))`, `if (!await ok)`, through a second local, around the redirect (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const ALLOWED = ['/home', '/account'];
        const isAllowed = async (url) => ALLOWED.includes(url);
        const app = express();
        app.get('/a', async (req, res) => {
          const u = req.query.next;
          const p = isAllowed(u);
          if (!(await p)) return res.status(400).end();
          res.redirect(u);
        });
        app.get('/b', async (req, res) => {
          const u = req.query.next;
          const ok = isAllowed(u);
          if (!await ok) return res.status(400).end();
          res.redirect(u);
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const ALLOWED = new Set(['/home', '/account']);
      async function isAllowed(url) {
        return ALLOWED.has(url);
      }
      const app = express();
      app.get('/a', async (req, res) => {
        const pending = isAllowed(req.query.to);
        res.redirect((await pending) ? req.query.to : '/');
      });
      app.get('/b', async (req, res) => {
        const u = req.query.to;
        const p = isAllowed(u);
        const ok = await p;
        if (ok) res.redirect(u);
        else res.sendStatus(400);
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        async function isUnsafe(u: unknown): Promise<boolean> {
          return typeof u !== 'string' || !u.startsWith('/') || u.startsWith('//');
        }
        const app = express();
        app.get('/go', async (req: Request, res: Response) => {
          const to = req.query.to as string;
          const check: Promise<boolean> = isUnsafe(to);
          if (await check) return res.redirect('/');
          res.redirect(to);
        });
      `,
      filename: 'go.ts',
    },
  ],
  invalid: [
    // An unawaited async helper's promise is always truthy; a `let` assigned again; the checked value replaced after
    // the check; the other branch (CommonJS)
    {
      code: code`
        const express = require('express');
        const ALLOWED = ['/home', '/account'];
        const isAllowed = async (url) => ALLOWED.includes(url);
        const isSafe = (u) => typeof u === 'string' && u.startsWith('/') && !u.startsWith('//');
        const app = express();
        app.get('/a', async (req, res) => {
          const u = req.query.next;
          const ok = isAllowed(u);
          if (!ok) return res.redirect('/');
          res.redirect(u);
        });
        app.get('/b', (req, res) => {
          const u = req.query.next;
          let ok = isSafe(u);
          ok = true;
          if (!ok) return res.redirect('/');
          res.redirect(u);
        });
        app.get('/c', (req, res) => {
          let u = req.query.next;
          const ok = isSafe(u);
          u = req.query.next + '';
          if (!ok) return res.redirect('/');
          res.redirect(u);
        });
        app.get('/d', (req, res) => {
          const u = req.query.next;
          const allowed = isSafe(u);
          res.redirect(allowed ? '/' : u);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 10 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 17 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 24 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 29 },
      ],
      output: null,
    },
    // A check's promise in a local: not awaited (always truthy); the checked value written between the declaration and
    // the await; the other branch (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const ALLOWED = ['/home', '/account'];
        const isAllowed = async (url) => ALLOWED.includes(url);
        const app = express();
        app.get('/a', async (req, res) => {
          const u = req.query.next;
          const p = isAllowed(u);
          if (!p) return res.status(400).end();
          res.redirect(u);
        });
        app.get('/b', async (req, res) => {
          let u = req.query.next;
          const p = isAllowed(u);
          u = req.query.other;
          if (!(await p)) return res.status(400).end();
          res.redirect(u);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 9 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.other' }, line: 16 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const ALLOWED = new Set(['/home', '/account']);
        async function isAllowed(url) {
          return ALLOWED.has(url);
        }
        const app = express();
        app.get('/a', async (req, res) => {
          const u = req.query.to;
          const ok = isAllowed(u);
          if (await ok) return res.sendStatus(400);
          res.redirect(u);
        });
      `,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 11 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        async function isUnsafe(u: unknown): Promise<boolean> {
          return typeof u !== 'string' || !u.startsWith('/') || u.startsWith('//');
        }
        const app = express();
        app.get('/go', async (req: Request, res: Response) => {
          const to = req.query.to as string;
          const check: Promise<boolean> = isUnsafe(to);
          if (check) return res.redirect('/');
          res.redirect(to);
        });
      `,
      filename: 'go.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 10 }],
      output: null,
    },
    // ESM: a `var` of a nested block checked a value of that block; a value of an inner block shadows the checked one
    {
      code: code`
        import express from 'express';
        const isSafe = (u) => typeof u === 'string' && u.startsWith('/') && !u.startsWith('//');
        const app = express();
        app.get('/a', function (req, res) {
          var u = req.query.next;
          {
            const u = '/home';
            var ok = isSafe(u);
          }
          if (!ok) return res.redirect('/');
          res.redirect(u);
        });
        app.get('/b', (req, res) => {
          const u = '/home';
          const ok = isSafe(u);
          {
            const u = req.query.next;
            if (!ok) return res.redirect('/');
            res.redirect(u);
          }
        });
      `,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 11 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 19 },
      ],
      output: null,
    },
    // TypeScript: assigned in a branch between the check and the test
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const ALLOWED = new Set(['/home']);
        const app = express();
        app.get('/go', (req: Request, res: Response) => {
          const to = String(req.query.to);
          let ok: boolean = ALLOWED.has(to);
          if (req.query.force) ok = true;
          if (!ok) return res.sendStatus(400);
          res.redirect(to);
        });
      `,
      filename: 'go.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 9 }],
      output: null,
    },
  ],
});

runRuleTests('no-open-redirect (the Referer on the request\'s own host)', rule, {
  valid: [
    // no-deprecated-express-api's suggestion for `res.redirect('back')`: the Referer when its host is the one the
    // request was sent to, else '/' (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/save', (req, res) => {
          res.redirect(new URL(req.get('Referrer') || '/', \`http://\${req.get('host')}\`).host === req.get('host') ? req.get('Referrer') || '/' : '/');
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import { Router } from 'express';
      const router = Router();
      router.post('/save', (request, res) => {
        res.location(new URL(request.get('Referrer') || '/', \`http://\${request.get('host')}\`).host === request.get('host') ? request.get('Referrer') || '/' : '/');
        const to = request.query.to;
        if (new URL(to, 'http://localhost').hostname !== request.hostname) return res.sendStatus(400);
        res.redirect(to);
      });
    `,
    {
      code: code`
        import type { Request, Response } from 'express';
        export function save(req: Request, res: Response) {
          const ref = req.get('Referer');
          if (!ref || new URL(ref, 'http://localhost').host !== req.headers.host) return res.redirect('/');
          res.redirect(ref);
        }
      `,
      filename: 'save.ts',
    },
  ],
  invalid: [
    // Express 5's guide's replacement as it is; a host the request sends in its query or another header; a host
    // compared, another value redirected (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/save', (req, res) => {
          res.redirect(req.get('Referrer') || '/');
        });
        app.get('/go', (req, res) => {
          const to = req.query.to;
          if (new URL(to, 'http://localhost').host === req.query.host) res.redirect(to);
          if (new URL(to, 'http://localhost').host === req.get('x-host')) res.redirect(to);
          if (new URL(req.query.from, 'http://localhost').host === req.get('host')) res.redirect(to);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: "req.get('Referrer')" }, line: 4 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 8 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 9 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 10 },
      ],
      output: null,
    },
    // ... not the host of another object's request, nor a host that differs (ESM, TS)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/go', (req: Request, res: Response) => {
          const to = String(req.query.to);
          const other = { hostname: 'localhost' };
          if (new URL(to, 'http://localhost').hostname === other.hostname) res.redirect(to);
          if (new URL(to, 'http://localhost').host !== req.get('host')) res.redirect(to);
        });
      `,
      filename: 'go.ts',
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 6 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 7 },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-open-redirect (checking functions of the file)', rule, {
  valid: [
    // A helper of several statements: early exits that return false, then the check (trial 10); CommonJS and TS
    {
      code: code`
        const express = require('express');
        function isSafe(u) {
          if (typeof u !== 'string') return false;
          if (u.startsWith('//')) {
            return false;
          }
          return u.startsWith('/');
        }
        const app = express();
        app.get('/a', (req, res) => { const n = req.query.next; if (!isSafe(n)) return res.redirect('/'); res.redirect(n); });
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const isLocal = (u: unknown): u is string => {
          if (typeof u !== 'string') return false;
          return u.startsWith('/') && !u.startsWith('//');
        };
        const app = express();
        app.get('/go', (req: Request, res: Response) => { const to = req.query.to; res.redirect(isLocal(to) ? to : '/'); });
      `,
      filename: 'go.ts',
    },
    // trial (apps/redirect-helper): a helper whose whole body returns the local-path check the rule accepts inline,
    // as an early exit and as a ?: around the redirect; a function declaration and an arrow (CommonJS)
    {
      code: code`
        const express = require('express');
        function safeLocal(u) {
          return typeof u === 'string' && u.startsWith('/') && !u.startsWith('//');
        }
        const isLocalPath = (url) => /^\\/(?![/\\\\])[\\w/-]*$/.test(url);
        const app = express();
        app.get('/b', (req, res) => {
          const next = req.query.next;
          if (!safeLocal(next)) return res.redirect('/');
          res.redirect(next);
        });
        app.get('/d', (req, res) => {
          const next = req.query.next;
          res.redirect(isLocalPath(next) ? next : '/');
        });
      `,
      languageOptions: commonjs,
    },
    // ESM: a fixed origin prefix, and the check's branch around the redirect
    code`
      import express from 'express';
      const ours = (u) => u.startsWith('https://app.example/');
      const app = express();
      app.get('/go', (req, res) => {
        if (ours(req.query.to)) {
          res.redirect(req.query.to);
        } else {
          res.sendStatus(400);
        }
      });
    `,
    // TypeScript: a type-predicate helper, checked with a throw
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        function isLocal(url: unknown): url is string {
          return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//');
        }
        const app = express();
        app.get('/go', (req: Request, res: Response) => {
          const to = req.query.to;
          if (!isLocal(to)) throw new Error('bad target');
          res.redirect(to);
        });
      `,
      filename: 'go.ts',
    },
  ],
  invalid: [
    // ... not one that returns true early (an or), logs between its exits, or whose early exits do not rule out '//' (ESM)
    {
      code: code`
        import express from 'express';
        function orTrue(u) {
          if (typeof u !== 'string') return true;
          return u.startsWith('/') && !u.startsWith('//');
        }
        function logged(u) {
          if (typeof u !== 'string') return false;
          console.log(u);
          return u.startsWith('/') && !u.startsWith('//');
        }
        function slashOnly(u) {
          if (typeof u !== 'string') return false;
          return u.startsWith('/');
        }
        const app = express();
        app.get('/a', (req, res) => { const n = req.query.next; if (!orTrue(n)) return res.redirect('/'); res.redirect(n); });
        app.get('/b', (req, res) => { const n = req.query.next; if (!logged(n)) return res.redirect('/'); res.redirect(n); });
        app.get('/c', (req, res) => { const n = req.query.next; if (!slashOnly(n)) return res.redirect('/'); res.redirect(n); });
      `,
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 16 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 17 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 18 },
      ],
      output: null,
    },
    // the other way: a helper that only logs (or returns) its argument, a lone '/' prefix, an unanchored regex, a
    // check whose result is not the condition of the redirect, a check after it, the other branch (CommonJS)
    {
      code: code`
        const express = require('express');
        function logged(u) { console.log(u); return u.startsWith('/') && !u.startsWith('//'); }
        const same = (u) => u;
        const slash = (u) => u.startsWith('/');
        const loose = (u) => /\\/[a-z]+/.test(u);
        const local = (u) => u.startsWith('/') && !u.startsWith('//');
        const app = express();
        app.get('/a', (req, res) => { const n = req.query.next; if (!logged(n)) return res.redirect('/'); res.redirect(n); });
        app.get('/b', (req, res) => { const n = req.query.next; if (!same(n)) return res.redirect('/'); res.redirect(n); });
        app.get('/c', (req, res) => { const n = req.query.next; if (!slash(n)) return res.redirect('/'); res.redirect(n); });
        app.get('/d', (req, res) => { const n = req.query.next; if (!loose(n)) return res.redirect('/'); res.redirect(n); });
        app.get('/e', (req, res) => { const n = req.query.next; local(n); res.redirect(n); });
        app.get('/f', (req, res) => { const n = req.query.next; res.redirect(n); if (!local(n)) return; });
        app.get('/g', (req, res) => { const n = req.query.next; if (local(n)) return res.redirect('/'); res.redirect(n); });
      `,
      languageOptions: commonjs,
      errors: [8, 9, 10, 11, 12, 13, 14].map((line) => ({ messageId: 'openRedirect' as const, data: { method: 'res.redirect', source: 'req.query.next' }, line })),
      output: null,
    },
    // ESM: the helper checks another parameter than the one given the target
    {
      code: code`
        import express from 'express';
        const local = (a, u) => u.startsWith('/') && !u.startsWith('//');
        const app = express();
        app.get('/go', (req, res) => {
          if (!local(req.query.to, '/home')) return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 6 }],
      output: null,
    },
    // TypeScript: a check of the target's length only
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const short = (url: string): boolean => url.length < 100;
        const app = express();
        app.get('/go', (req: Request, res: Response) => {
          const to = String(req.query.to);
          if (!short(to)) return res.sendStatus(400);
          res.redirect(to);
        });
      `,
      filename: 'go.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 7 }],
      output: null,
    },
  ],
});

// A check compared with a boolean (guards.ts `booleanComparison`, trial 14): `isAllowed(u) === false` is `!isAllowed(u)`.
runRuleTests('no-open-redirect (a check compared with a boolean)', rule, {
  valid: [
    // `=== false` to exit (CommonJS), `== false` (ESM), `!== true` and `=== true` to pass (TypeScript)
    {
      code: code`
        const express = require('express');
        const ALLOWED = ['/home', '/account'];
        const isAllowed = (url) => ALLOWED.includes(url);
        const app = express();
        app.get('/go', (req, res) => {
          if (isAllowed(req.query.to) === false) return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const ALLOWED = ['/home', '/account'];
      const app = express();
      app.get('/go', (req, res) => {
        if (ALLOWED.includes(req.query.to) == false) return res.sendStatus(400);
        res.redirect(req.query.to);
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const ALLOWED = new Set(['/home', '/account']);
        const app = express();
        app.get('/a', (req: Request, res: Response) => {
          const to = req.query.to as string;
          if (ALLOWED.has(to) !== true) throw new Error('bad target');
          res.redirect(to);
        });
        app.get('/b', (req: Request, res: Response) => {
          const to = req.query.to as string;
          if (ALLOWED.has(to) === true) res.redirect(to);
          else res.sendStatus(400);
        });
      `,
      filename: 'go.ts',
    },
  ],
  invalid: [
    // the wrong way round: exits when the target is listed (CommonJS), passes when it is not (TypeScript)
    {
      code: code`
        const express = require('express');
        const ALLOWED = ['/home', '/account'];
        const isAllowed = (url) => ALLOWED.includes(url);
        const app = express();
        app.get('/go', (req, res) => {
          if (isAllowed(req.query.to) === true) return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 7 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const ALLOWED = new Set(['/home', '/account']);
        const app = express();
        app.get('/a', (req: Request, res: Response) => {
          const to = req.query.to as string;
          if (ALLOWED.has(to) === false) res.redirect(to);
          else res.sendStatus(400);
        });
      `,
      filename: 'go.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 6 }],
      output: null,
    },
  ],
});

// Trial 15: an allow-list compared with a boolean keeps its polarity, and so does one kept in a local: the exit taken
// when the target is listed lets every other target through (CommonJS, ESM, TypeScript).
runRuleTests('no-open-redirect (allow-list polarity)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const app = express();
        const ALLOWED = ['/home', '/account'];
        app.get('/go', (req, res) => {
          if (ALLOWED.includes(req.query.to) === false) return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      const ALLOWED = new Set(['/home', '/account']);
      app.get('/go', (req, res) => {
        const listed = ALLOWED.has(req.query.to);
        if (!listed) return res.sendStatus(400);
        res.redirect(req.query.to);
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        const ALLOWED = ['/home', '/account'];
        app.get('/go', (req: Request, res: Response) => {
          const to = req.query.to as string;
          if (ALLOWED.includes(to) !== true) throw new Error('not allowed');
          res.redirect(to);
        });
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    {
      code: code`
        const express = require('express');
        const app = express();
        const ALLOWED = ['/home', '/account'];
        app.get('/go', (req, res) => {
          if (ALLOWED.includes(req.query.to) === true) return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 6 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        const ALLOWED = new Set(['/home', '/account']);
        app.get('/go', (req, res) => {
          const listed = ALLOWED.has(req.query.to);
          if (listed) return res.sendStatus(400);
          res.redirect(req.query.to);
        });
      `,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 7 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        const ALLOWED = ['/home', '/account'];
        app.get('/go', (req: Request, res: Response) => {
          const to = req.query.to as string;
          if (ALLOWED.includes(to) !== false) throw new Error('listed');
          res.redirect(to);
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.to' }, line: 7 }],
      output: null,
    },
  ],
});

// settings['secure-express'].checks: functions the project trusts as checks (trial 16: Saltcorn's `is_relative_url`
// of another package guards 46 redirects; the plugin cannot read it, so it is no check unless the project says so).
const trustsRelative = { 'secure-express': { checks: { redirect: ['is_relative_url'] } } };
runRuleTests('no-open-redirect (checks the project trusts)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const { is_relative_url } = require('@acme/data/utils');
        const router = express.Router();
        router.post('/save', (req, res) => {
          res.redirect(req.query.on_done_redirect && is_relative_url('/' + req.query.on_done_redirect) ? \`/\${req.query.on_done_redirect}\` : '/done');
        });
        module.exports = router;
      `,
      languageOptions: commonjs,
      settings: trustsRelative,
    },
    {
      code: code`
        import express from 'express';
        import * as utils from '@acme/data/utils';
        export const router = express.Router();
        router.get('/back', (req, res) => {
          const next = String(req.query.next);
          if (!utils.is_relative_url(next)) return res.redirect('/');
          res.redirect(next);
        });
      `,
      settings: trustsRelative,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        import { is_relative_url } from '@acme/data/utils';
        export async function back(req: Request, res: Response) {
          const next = req.query.next as string;
          if (await is_relative_url(next)) res.redirect(next);
          else res.redirect('/');
        }
      `,
      filename: 'back.ts',
      settings: trustsRelative,
    },
  ],
  invalid: [
    // not listed, listed for another danger, or the other branch
    {
      code: code`
        const express = require('express');
        const { is_relative_url } = require('@acme/data/utils');
        const router = express.Router();
        router.post('/save', (req, res) => {
          if (is_relative_url(req.query.next)) return res.redirect('/');
          res.redirect(req.query.next);
        });
        module.exports = router;
      `,
      languageOptions: commonjs,
      settings: trustsRelative,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 6 }],
    },
    {
      code: code`
        import express from 'express';
        import { is_relative_url } from '@acme/data/utils';
        export const router = express.Router();
        router.get('/back', (req, res) => {
          if (is_relative_url(req.query.next)) res.redirect(req.query.next);
        });
      `,
      settings: { 'secure-express': { checks: { path: ['is_relative_url'] } } },
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 5 }],
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        import { is_relative_url } from '@acme/data/utils';
        export function back(req: Request, res: Response) {
          if (is_relative_url(req.query.next as string)) res.redirect(req.query.next as string);
        }
      `,
      filename: 'back.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 4 }],
    },
  ],
});

// Session 24 (Directus's SAML `/acs`, auth/drivers/saml.js:123): a redirect read from the body, replaced by what a checking
// function returns inside `if (redirect)`: where the test fails the variable holds nothing, so the body's value never
// reaches the redirect. Twins: a test that is not the variable's presence, a `catch` that does not leave, another
// variable's test (CommonJS, ESM, TypeScript)
runRuleTests('no-open-redirect', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const { resolveRedirect } = require('./redirects');
        const app = express();
        app.post('/acs', (req, res) => {
          let redirect = req.body.RelayState;
          if (redirect) try {
            redirect = resolveRedirect(redirect);
          } catch (e) {
            throw new Error('bad redirect');
          }
          if (redirect) return res.redirect(redirect);
          res.redirect(\`\${redirect.split('?')[0]}?reason=none\`);
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import { resolveRedirect } from './redirects.js';
      const app = express();
      app.get('/login/done', (req, res) => {
        let next = req.query.next;
        if (!next) {
          console.log('no next');
        } else {
          next = resolveRedirect(next);
        }
        res.redirect(next);
      });
      app.get('/login/again', (req, res) => {
        let next = req.query.next;
        if (next == null) return res.redirect('/');
        if (next != null) next = resolveRedirect(next);
        res.redirect(next);
      });
    `,
    {
      code: code`
        import type { Request, Response } from 'express';
        import { resolveRedirect } from './redirects';
        export function done(req: Request, res: Response) {
          let target = req.query.target as string | undefined;
          if (target !== undefined) {
            target = resolveRedirect(target);
          }
          res.redirect(target ?? '/');
        }
      `,
      filename: 'done.ts',
    },
  ],
  invalid: [
    {
      code: code`
        const express = require('express');
        const { resolveRedirect } = require('./redirects');
        const app = express();
        app.post('/acs', (req, res) => {
          let redirect = req.body.RelayState;
          if (redirect && req.body.strict) redirect = resolveRedirect(redirect);
          if (redirect) return res.redirect(redirect);
          res.end();
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.body.RelayState' }, line: 7 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import { resolveRedirect } from './redirects.js';
        const app = express();
        app.get('/login/done', (req, res) => {
          let next = req.query.next;
          if (next) try {
            next = resolveRedirect(next);
          } catch (e) {
            console.log(e);
          }
          res.redirect(next);
        });
      `,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next' }, line: 11 }],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        import { resolveRedirect } from './redirects';
        export function done(req: Request, res: Response, strict: boolean) {
          let target = req.query.target as string | undefined;
          if (strict) target = resolveRedirect(target);
          if (typeof target === 'string') target = resolveRedirect(target);
          res.redirect(target ?? '/');
        }
      `,
      filename: 'done.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.target' }, line: 7 }],
      output: null,
    },
  ],
});

// A redirect target the app keeps in the session for after a login (`req.session.returnTo`): what the file's handlers
// write there. The app's own `req.originalUrl` (or a constant) keeps it a path of the site; a write from the query or
// the body keeps the client's text.
runRuleTests('no-open-redirect (targets kept in the session)', rule, {
  valid: [
    // written from req.originalUrl before the login redirect, read after the login (CJS)
    {
      code: code`
        const express = require('express');
        const passport = require('passport');
        const app = express();
        app.use('/account', (req, res, next) => {
          if (req.user) return next();
          req.session.returnTo = req.originalUrl;
          res.redirect('/login');
        });
        app.post('/login', passport.authenticate('local'), (req, res) => {
          const to = req.session.returnTo || '/';
          delete req.session.returnTo;
          res.redirect(to);
        });
      `,
      languageOptions: commonjs,
    },
    // ESM: req.url and a constant; no write of the key in the file (what another file writes is not known)
    code`
      import express from 'express';
      const app = express();
      app.get('/cart', (req, res) => {
        if (!req.user) { req.session.returnTo = req.url; return res.redirect('/login'); }
        res.render('cart');
      });
      app.get('/logout', (req, res) => { req.session.returnTo = '/'; res.redirect('/login'); });
      app.post('/login', (req, res) => res.redirect(req.session.returnTo ?? '/'));
      app.post('/signup', (req, res) => res.redirect(req.session.afterSignup || '/'));
    `,
    // TS: another key holds the query's text; returnTo is the app's own
    {
      code: code`
        import type { Request, Response } from 'express';
        export function remember(req: Request, res: Response) {
          req.session.search = req.query.q as string;
          req.session.returnTo = req.originalUrl;
          res.redirect('/login');
        }
        export function afterLogin(req: Request, res: Response) {
          res.redirect(req.session.returnTo || '/');
        }
      `,
      filename: 'session.ts',
    },
  ],
  invalid: [
    // CJS: the login page keeps ?next= in the session; the login's redirect sends the browser there
    {
      code: code`
        const express = require('express');
        const passport = require('passport');
        const app = express();
        app.get('/login', (req, res) => {
          req.session.returnTo = req.query.next;
          res.render('login');
        });
        app.post('/login', passport.authenticate('local'), (req, res) => {
          res.redirect(req.session.returnTo || '/');
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next, kept in req.session.returnTo on line 5' }, line: 9 }],
      output: null,
    },
    // ESM: one write of the app's own path, one of the body's text: the body's counts; through a local
    {
      code: code`
        import express from 'express';
        const app = express();
        app.use('/account', (req, res, next) => {
          if (req.user) return next();
          req.session.returnTo = req.originalUrl;
          res.redirect('/login');
        });
        app.post('/login/start', (req, res) => {
          req.session.returnTo = req.body.returnTo;
          res.redirect('/login');
        });
        app.post('/login', (req, res) => {
          const to = req.session.returnTo;
          res.redirect(to);
        });
      `,
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.body.returnTo, kept in req.session.returnTo on line 9' }, line: 14 }],
      output: null,
    },
    // TS: typed handlers
    {
      code: code`
        import type { Request, Response } from 'express';
        export function remember(req: Request, res: Response) {
          req.session.returnTo = String(req.query.returnTo);
          res.redirect('/login');
        }
        export function afterLogin(req: Request, res: Response) {
          res.redirect(req.session.returnTo || '/');
        }
      `,
      filename: 'session.ts',
      errors: [{ messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.returnTo, kept in req.session.returnTo on line 3' }, line: 7 }],
      output: null,
    },
  ],
});

// Session 26: a write through TypeScript's `!` and casts is a write of the key (`req.session!.returnTo = …`).
runRuleTests('no-open-redirect (targets kept in the session, written through TypeScript casts)', rule, {
  valid: [
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/account', (req, res) => {
          req.session!.returnTo = req.originalUrl;
          (req.session as any).returnUrl = '/home';
          ((req as any).session as { next?: string }).next = req.url;
          res.redirect('/login');
        });
        app.post('/login', (req, res) => res.redirect(req.session!.returnTo || (req.session as any).returnUrl || (req as any).session.next));
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/login', (req, res) => {
          req.session!.returnTo = req.query.next as string;
          res.render('login');
        });
        app.get('/signin', (req, res) => {
          (req.session as any).returnUrl = req.query.next;
          res.render('login');
        });
        app.get('/sso', (req, res) => {
          ((req as any).session).next = req.body.next;
          res.render('login');
        });
        app.post('/login', (req, res) => res.redirect(req.session!.returnTo || '/'));
        app.post('/signin', (req, res) => res.redirect((req.session as any).returnUrl || '/'));
        app.post('/sso', (req, res) => res.redirect((req as any).session.next));
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next, kept in req.session!.returnTo on line 4' }, line: 15 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.query.next, kept in (req.session as any).returnUrl on line 8' }, line: 16 },
        { messageId: 'openRedirect', data: { method: 'res.redirect', source: 'req.body.next, kept in (req as any).session.next on line 12' }, line: 17 },
      ],
      output: null,
    },
  ],
});
