import rule from '../../src/rules/no-reflected-xss';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { UNUSUAL_SOURCE } from '../helpers/unusual';

runRuleTests('no-reflected-xss', rule, {
  valid: [
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
  ],
  invalid: [
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
  ],
});
