import rule from '../../src/rules/no-reflected-xss';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { UNUSUAL_SOURCE } from '../helpers/unusual';

runRuleTests('no-reflected-xss', rule, {
  valid: [
    // trial 24 R4: a method that only a PUT route reaches, through a handler that hands the request on (`(req, res) =>
    // ctrl.update(req, res)`): the route's method is the method's, as when it is registered directly (CommonJS, TypeScript)
    {
      code: code`
        const express = require('express');
        class ItemsController {
          update = (req, res) => { res.send('Updated ' + req.body.name); };
        }
        function rename(req, res, next) { res.send('Renamed ' + req.body.name); }
        const ctrl = new ItemsController();
        const app = express();
        app.put('/items/:id', (req, res) => ctrl.update(req, res));
        app.patch('/items/:id/name', (req, res, next) => { rename(req, res, next); });
      `,
      languageOptions: commonjs,
    },
    code`
      import express, { type Request, type Response } from 'express';
      class ItemsController {
        async update(req: Request, res: Response) { res.send('Updated ' + req.body.name); }
      }
      const ctrl = new ItemsController();
      const app = express();
      app.put('/items/:id', async (req: Request, res: Response) => { await ctrl.update(req, res); });
    `,
    // ... but the arrays themselves are sent as JSON (ESM)
    code`
      import express from 'express';
      const app = express();
      app.get('/k', (req, res) => res.send(Object.keys(req.query)));
      app.get('/v', (req, res) => res.send(Object.values(req.query)));
    `,
    // regression (express-gateway lib/rest/routes/*.js): a 404 text naming the id on PUT and DELETE routes; no
    // browser renders their response as a page (CommonJS)
    { code: code`
        const express = require('express');
        module.exports = function () {
          const router = express.Router();
          router.delete('/:token', function (req, res, next) {
            tokenSrv.revoke(req.params.token).then((status) => {
              if (!status) return res.status(404).send('token not found: ' + req.params.token);
              res.json(status);
            }).catch(next);
          });
          router.route('/:id').put((req, res) => res.status(404).send(\`Application not found: \${req.params.id}\`));
          return router;
        };
      `, languageOptions: commonjs },
    // the same on a PATCH route (TypeScript)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.patch('/users/:id', (req: Request, res: Response) => { res.status(404).send(\`User not found: \${req.params.id}\`); });
      `,
      filename: 'users.ts',
    },
    // trial (apps/xss-json): an object or array body is sent as JSON by res.send (it calls res.json), also through a
    // status chain, a local holding only literals, Object.keys/Array.from, and a local helper sending it as it is (CommonJS)
    { code: code`
        const express = require('express');
        const app = express();
        function reply(res, body) { res.status(200).send(body); }
        app.get('/a', (req, res) => { res.send({ id: req.query.id }); });
        app.get('/b', (req, res) => { res.status(200).send({ id: req.query.id }); });
        app.get('/c', (req, res) => { const id = req.query.id; res.status(200).send({ id: id }); });
        app.get('/f', (req, res) => { res.send([req.query.id]); });
        app.get('/g', (req, res) => {
          let body = { q: req.query.q };
          if (req.query.all) body = [req.query.q, req.query.r];
          body.extra = req.query.x;
          res.send(req.query.list ? body : { none: true });
        });
        app.get('/h', (req, res) => { res.send(Object.keys(req.query)); res.send(Array.from(req.query.q)); });
        app.get('/i', (req, res) => reply(res, { q: req.query.q }));
      `, languageOptions: commonjs },
    // a local helper whose every return is an object or array literal: its result is sent as JSON (trial 10, ESM and TS)
    code`
      import express from 'express';
      const app = express();
      const wrap = (q) => ({ q });
      function pair(a: string, b: string): string[] { const list = [a, b]; return list; }
      app.get('/a', (req, res) => res.send(wrap(req.query.q)));
      app.get('/b', (req, res) => res.status(200).send(pair(req.query.a as string, 'x')));
    `,
    // the output of no-deprecated-express-api's fix of res.send(200, { id: id }) (ESM)
    code`
      import express from 'express';
      const router = express.Router();
      router.get('/', function (req, res) {
        var id = req.query.id;
        res.status(200).send({ id: id });
      });
      export default router;
    `,
    // TypeScript: a typed handler, an object held in a const with a type, an array made with Object.entries
    {
      code: code`
        import type { Request, Response } from 'express';
        interface Reply { id: unknown }
        export function show(req: Request, res: Response): void {
          const body: Reply = { id: req.params.id } as Reply;
          res.status(404).send(body);
          res.send(Object.entries(req.query));
        }
      `,
      filename: 'show.ts',
    },
    // unusual syntax does not crash the rule
    { code: UNUSUAL_SOURCE, filename: 'page.tsx' },
    // escaped output: the clean twins
    code`
      import express from 'express';
      import escapeHtml from 'escape-html';
      import validator from 'validator';
      const app = express();
      app.get('/search', (req, res) => {
        res.send('<p>Results for ' + escapeHtml(req.query.q) + '</p>');
        res.write(\`<p>\${validator.escape(req.query.q)}</p>\`);
        res.end(String(Number(req.query.page)));
      });
    `,
    // not HTML: JSON, an explicit text type before, in a chain, by setHeader / writeHead
    { code: code`
        const express = require('express');
        const app = express();
        app.get('/a', (req, res) => res.json({ q: req.query.q }));
        app.get('/b', (req, res) => {
          res.type('json');
          res.send(req.query.q);
        });
        app.get('/c', (req, res) => res.status(400).set('Content-Type', 'text/plain').send(req.params.id));
        app.get('/d', (req, res) => {
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.end(req.get('x-id'));
        });
        app.get('/e', (req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end(req.query.q);
        });
        app.get('/f', (req, res) => res.set({ 'Content-Type': 'text/csv' }).send(req.query.q));
      `, languageOptions: commonjs },
    // a whole parsed object is sent as JSON; a template engine escapes
    code`
      import express from 'express';
      const app = express();
      app.post('/echo', (req, res) => res.send(req.body));
      app.get('/page', (req, res) => res.render('page', { q: req.query.q }));
    `,
    // outside a handler (not shaped like one), or a send that is not the response's
    code`
      import express from 'express';
      const app = express();
      export function f(query: any, out: any) { out.send(query.q); }
      app.get('/x', (req, res) => { socket.send(req.query.q); res.end(); });
    `,
    // unusual input
    code`
      import express from 'express';
      const app = express();
      app.get('/x', (req, res) => { res.send(); res.send(...parts); res[m](req.query.q); });
    `,
    // unified / remark pipelines that drop or sanitize raw HTML: remark-html's default, rehype-sanitize, remark-rehype
    // keeping raw nodes that rehype-stringify does not print
    code`
      import express from 'express';
      import { unified } from 'unified';
      import { remark } from 'remark';
      import remarkParse from 'remark-parse';
      import remarkRehype from 'remark-rehype';
      import rehypeRaw from 'rehype-raw';
      import rehypeSanitize from 'rehype-sanitize';
      import rehypeStringify from 'rehype-stringify';
      import remarkHtml from 'remark-html';
      const app = express();
      const sanitized = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize).use(rehypeStringify);
      app.post('/preview', async (req, res) => {
        res.send(String(await sanitized.process(req.body.text)));
        res.send(remark().use(remarkHtml).processSync(req.body.text).toString());
        res.send(String(unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify).processSync(req.body.text)));
      });
    `,
    // guarded, replaced, or rendered by markdown-it without html: true
    code`
      import express from 'express';
      import markdownit from 'markdown-it';
      const md = markdownit();
      const app = express();
      app.get('/x', (req, res) => {
        const tab = req.query.tab;
        if (tab === 'home' || tab === 'news') res.send('<b>' + tab + '</b>');
        let name = req.query.name;
        name = 'anonymous';
        res.send('<p>' + name + '</p>');
        res.send(md.render(req.body.text));
      });
    `,
    // Node server writing JSON, and a helper only given fixed text
    { code: code`
        const http = require('http');
        function page(res, body) { res.end('<p>' + body + '</p>'); }
        http.createServer((req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ url: req.url }));
          page(res, 'fixed');
        });
      `, languageOptions: commonjs },
  ],
  invalid: [
    // An object sent in res.format's html callback goes out as JSON text under text/html (trial 10); the json one is JSON
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/f', (req, res) => {
          res.format({
            html: () => res.send({ q: req.query.q }),
            json: () => res.send({ q: req.query.q }),
            'text/html'() { res.send([req.query.q]); },
          });
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 5 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 7 },
      ],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/f', (req: Request, res: Response) => {
          res.format({ html() { res.send({ q: req.query.q }); }, default() { res.send({ q: req.query.q }); } });
        });
      `,
      filename: 'f.ts',
      errors: [{ messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 4 }],
    },
    // The values of a request object joined into text (trial 10): `Object.values`, `Object.entries`, `Array.from` carry it
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/s', (req, res) => res.send(Object.values(req.query).join('')));
        app.get('/t', (req, res) => res.send(Array.from(Object.entries(req.query)).join(',')));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'reflected', data: { source: 'req.query', method: 'res.send' }, line: 3 },
        { messageId: 'reflected', data: { source: 'req.query', method: 'res.send' }, line: 4 },
      ],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/s', (req: Request, res: Response) => { res.send(Object.values({ q: req.query.q }).join('')); });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 3 }],
    },
    // trial (apps/xss-json), the other way: a string, a string made of an object or array, a template literal, a
    // value that may be a string, JSON.parse's result (a string when the text is one), a local written a string
    // too, a helper that wraps its parameter in markup; an object sent as HTML after res.type('html') or with
    // write/end, which do not JSON-encode (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        function page(res, body) { res.send('<p>' + body + '</p>'); }
        app.get('/a', (req, res) => {
          res.send(req.query.id);
          res.send('<p>' + [req.query.q] + '</p>');
          res.send(String({ q: req.query.q }));
          res.send(\`\${[req.query.q]}\`);
          res.send(req.query.q || {});
          res.send(JSON.parse(req.query.json));
          let body = { q: req.query.q };
          if (req.query.raw) body = req.query.q;
          res.send(body);
          page(res, [req.query.q]);
        });
        app.get('/b', (req, res) => { res.type('html'); res.send({ q: req.query.q }); });
        app.get('/c', (req, res) => { res.set('Content-Type', 'text/html').send([req.query.q]); });
        function echo(q) { return q; }
        const maybe = (q) => (req2 ? { q } : q);
        app.get('/d', (req, res) => { res.send(echo(req.query.q)); res.send(maybe(req.query.q)); });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'reflected', data: { source: 'req.query.id', method: 'res.send' }, line: 5 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 6 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 7 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 8 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 9 },
        { messageId: 'reflected', data: { source: 'req.query.json', method: 'res.send' }, line: 10 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 13 },
        { messageId: 'reflected', data: { source: "req.query.q, through 'page'", method: 'res.send' }, line: 14 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 16 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 17 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 20 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 20 },
      ],
      output: null,
    },
    // ESM: res.write/res.end take no object (kept as they were); a string sent in an array's place
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/a', (req, res) => {
          res.write({ q: req.query.q });
          res.end([req.query.q]);
          const list = req.query.many ? [req.query.q] : req.query.q;
          res.send(list);
        });
      `,
      errors: [
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.write' }, line: 4 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.end' }, line: 5 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 7 },
      ],
      output: null,
    },
    // TypeScript: a typed handler sending a string, and a parameter (it may be a string)
    {
      code: code`
        import type { Request, Response } from 'express';
        export function show(req: Request, res: Response): void {
          const body = req.params.id as unknown as object;
          res.status(404).send(body);
        }
      `,
      filename: 'show.ts',
      errors: [{ messageId: 'reflected', data: { source: 'req.params.id', method: 'res.send' }, line: 4 }],
      output: null,
    },
    // regression (express-gateway lib/rest/routes/*.js), the other way: the same 404 text on a GET route, and on a
    // PUT route of an app that mounts method-override (a form's POST becomes the PUT) (CommonJS)
    {
      code: code`
        const express = require('express');
        const methodOverride = require('method-override');
        const app = express();
        app.get('/apps/:id', (req, res) => res.status(404).send(\`Application not found: \${req.params.id}\`));
        const router = express.Router();
        router.put('/:id', (req, res) => res.status(404).send('User not found: ' + req.params.id));
        app.use(methodOverride('_method'));
        app.use('/users', router);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'reflected', data: { source: 'req.params.id', method: 'res.send' }, line: 4 },
        { messageId: 'reflected', data: { source: 'req.params.id', method: 'res.send' }, line: 6 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => {
          const q = req.query.q;
          res.send('<h1>Results for ' + q + '</h1>');
        });
      `,
      errors: [{ messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 5, column: 12 }],
      output: null,
    },
    // a status chain, write/end, a header value, a template literal; a router; CommonJS destructured
    {
      code: code`
        const { Router } = require('express');
        const router = Router();
        router.get('/users/:id', (req, res) => {
          res.status(404).send(\`No user \${req.params.id}\`);
          res.write(req.get('User-Agent'));
          res.end(req.cookies.name);
        });
        module.exports = router;
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'reflected', data: { source: 'req.params.id', method: 'res.send' } },
        { messageId: 'reflected', data: { source: "req.get('User-Agent')", method: 'res.write' } },
        { messageId: 'reflected', data: { source: 'req.cookies.name', method: 'res.end' } },
      ],
      output: null,
    },
    // an HTML type stays HTML; a type set after the write does not count; namespace import, TS
    {
      code: code`
        import * as e from 'express';
        const app = e.default();
        app.get('/a', (req: e.Request, res: e.Response) => {
          res.type('html').send(req.query.q as string);
        });
        app.get('/b', (req, res) => {
          res.send(req.query.q);
          res.type('text');
        });
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 4 },
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 7 },
      ],
      output: null,
    },
    // escaping for another sink does not help HTML; a handler declared apart
    {
      code: code`
        import express from 'express';
        import path from 'node:path';
        function show(req, res) {
          res.send('<a>' + path.basename(req.query.file) + '</a>');
        }
        express().get('/f', show);
      `,
      errors: [{ messageId: 'reflected', data: { source: 'req.query.file', method: 'res.send' } }],
      output: null,
    },
    // handlers recognised by shape (exported, CJS), by type (TS controller), and Node's own server
    {
      code: code`
        const express = require('express');
        exports.search = (req, res) => res.send('<h1>' + req.query.q + '</h1>');
        exports.fail = function (err, req, res, next) { res.status(500).send('Bad ' + req.params.id); };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'reflected', data: { source: 'req.query.q', method: 'res.send' }, line: 2 },
        { messageId: 'reflected', data: { source: 'req.params.id', method: 'res.send' }, line: 3 },
      ],
      output: null,
    },
    {
      code: code`
        import { Request, Response } from 'express';
        export class PageController {
          show(request: Request, reply: Response): void {
            const { title } = request.body;
            reply.send(\`<h1>\${title}</h1>\`);
          }
        }
      `,
      filename: 'page.controller.ts',
      errors: [{ messageId: 'reflected', data: { source: 'request.body.title', method: 'res.send' } }],
      output: null,
    },
    {
      code: code`
        const http = require('http');
        http.createServer((req, res) => {
          res.write('<p>You asked for ' + req.url + '</p>');
          res.end(req.headers['user-agent']);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'reflected', data: { source: 'req.url', method: 'res.write' } },
        { messageId: 'reflected', data: { source: "req.headers['user-agent']", method: 'res.end' } },
      ],
      output: null,
    },
    // markdown renderers keep raw HTML: marked, showdown, snarkdown, markdown-it with html: true
    {
      code: code`
        import express from 'express';
        import { marked } from 'marked';
        import showdown from 'showdown';
        import snarkdown from 'snarkdown';
        import markdownit from 'markdown-it';
        const converter = new showdown.Converter();
        const md = markdownit({ html: true });
        const app = express();
        app.post('/preview', (req, res) => {
          res.send(marked.parse(req.body.text));
          res.write(converter.makeHtml(req.body.text));
          res.write(snarkdown(req.body.text));
          res.end(md.render(req.body.text));
        });
      `,
      errors: [
        { messageId: 'reflected', data: { source: 'req.body.text', method: 'res.send' }, line: 10 },
        { messageId: 'reflected', data: { source: 'req.body.text', method: 'res.write' }, line: 11 },
        { messageId: 'reflected', data: { source: 'req.body.text', method: 'res.write' }, line: 12 },
        { messageId: 'reflected', data: { source: 'req.body.text', method: 'res.end' }, line: 13 },
      ],
      output: null,
    },
    // unified / remark pipelines that let raw HTML through: rehype-raw, remark-html with sanitize: false, both
    // allowDangerousHtml options (ESM, and an exported controller in CJS)
    {
      code: code`
        import express from 'express';
        import { unified } from 'unified';
        import { remark } from 'remark';
        import remarkParse from 'remark-parse';
        import remarkRehype from 'remark-rehype';
        import rehypeRaw from 'rehype-raw';
        import rehypeStringify from 'rehype-stringify';
        import remarkHtml from 'remark-html';
        const app = express();
        const toHtml = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify);
        app.post('/preview', async (req, res) => {
          const file = await toHtml.process(req.body.text);
          res.send(String(file));
          res.send(remark().use(remarkHtml, { sanitize: false }).processSync(req.body.text).toString());
          res.send(String(unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).processSync(req.query.md)));
        });
      `,
      errors: [
        { messageId: 'reflected', data: { source: 'req.body.text', method: 'res.send' }, line: 13 },
        { messageId: 'reflected', data: { source: 'req.body.text', method: 'res.send' }, line: 14 },
        { messageId: 'reflected', data: { source: 'req.query.md', method: 'res.send' }, line: 15 },
      ],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const { remark } = require('remark');
        const html = require('remark-html');
        exports.preview = async (req, res) => {
          res.send(String(await remark().use(html, { sanitize: false }).process(req.body.md)));
        };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'reflected', data: { source: 'req.body.md', method: 'res.send' }, line: 5 }],
      output: null,
    },
    // order: the request value is written before it is replaced; a helper that writes its parameter
    {
      code: code`
        import express from 'express';
        const app = express();
        function page(res, body) { res.send('<main>' + body + '</main>'); }
        app.get('/x', (req, res) => {
          let name = req.query.name;
          res.write('<p>' + name + '</p>');
          name = 'anonymous';
          page(res, req.query.body);
        });
      `,
      errors: [
        { messageId: 'reflected', data: { source: 'req.query.name', method: 'res.write' }, line: 6 },
        { messageId: 'reflected', data: { source: "req.query.body, through 'page'", method: 'res.send' }, line: 8, column: 13 },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-reflected-xss (a check\'s result held in a local)', rule, {
  valid: [
    // trial 13: an anchored pattern or a list kept in a `const` counts like the check in the condition (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/hi', (req, res) => {
          const name = req.query.name;
          const word = /^\\w+$/.test(name);
          if (!word) return res.sendStatus(400);
          res.send('<p>Hello ' + name + '</p>');
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const LANGS = ['en', 'fr'];
      const app = express();
      app.get('/hi', (req, res) => {
        const known = LANGS.includes(req.query.lang);
        res.send(known ? '<p lang="' + req.query.lang + '">Hi</p>' : '<p>Hi</p>');
      });
    `,
    {
      code: code`
        import type { Request, Response } from 'express';
        export function hi(req: Request, res: Response) {
          const name = String(req.query.name);
          const word: boolean = /^\\w+$/.test(name);
          if (word) res.send('<p>Hello ' + name + '</p>');
        }
      `,
      filename: 'hi.ts',
    },
  ],
  invalid: [
    // the value replaced after the check was kept (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/hi', (req, res) => {
          let name = req.query.name;
          const word = /^\\w+$/.test(name);
          name = req.query.full;
          if (!word) return res.sendStatus(400);
          res.send('<p>Hello ' + name + '</p>');
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'reflected', data: { source: 'req.query.full', method: 'res.send' }, line: 8 }],
      output: null,
    },
  ],
});
