import rule from '../../src/rules/no-open-redirect';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { UNUSUAL_SOURCE } from '../helpers/unusual';

runRuleTests('no-open-redirect', rule, {
  valid: [
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
  ],
});
