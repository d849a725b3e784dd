import rule from '../../src/rules/no-error-details-in-response';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('no-error-details-in-response', rule, {
  valid: [
    // a generic message; the error is logged
    { code: code`
        const express = require('express');
        const app = express();
        app.use((err, req, res, next) => {
          console.error(err);
          res.status(500).json({ error: 'Internal Server Error', id: req.id });
        });
      `, languageOptions: commonjs },
    // err.message is allowed by default; err.status / err.code are not details
    code`
      import express from 'express';
      const app = express();
      app.use((err, req, res, next) => {
        res.status(err.status || 500).send({ message: err.message, code: err.code });
      });
    `,
    // development checks: if, ternary, &&, early return; express-generator's pattern
    code`
      import express from 'express';
      const app = express();
      app.use(function (err, req, res, next) {
        res.locals.message = err.message;
        res.locals.error = req.app.get('env') === 'development' ? err : {};
        res.status(err.status || 500);
        res.render('error');
      });
      app.use((err, req, res, next) => {
        if (process.env.NODE_ENV !== 'production') {
          return res.status(500).json({ stack: err.stack });
        }
        res.status(500).end();
      });
      app.use((err, req, res, next) => {
        res.json({ error: 'failed', ...(isDev && { stack: err.stack }) });
      });
      app.use((err, req, res, next) => {
        if (app.get('env') === 'production') return res.status(500).send('Server error');
        res.status(500).send(err.stack);
      });
    `,
    // a handler registered only in development
    code`
      import express from 'express';
      const app = express();
      if (process.env.NODE_ENV === 'development') {
        app.use((err, req, res, next) => res.status(500).send(err.stack));
      }
    `,
    // not a handler of a known app; not the caught error
    code`
      import express from 'express';
      function handler(err, req, res, next) { res.send(err.stack); }
      const app = express();
      app.get('/', (req, res) => {
        try { work(); } catch (e) { res.status(500).send(other.stack); }
      });
    `,
    // a catch outside any route handler
    code`
      import express from 'express';
      const app = express();
      try { start(); } catch (err) { console.log(err.stack); }
      res.send(err);
    `,
    // strict: the message of an error identified as an application one (its code, name, class, or http-errors'
    // expose flag) is meant for the client (corpus: express-gateway lib/rest/index.js)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.use((err, req, res, next) => {
          if (err.code === 'INVALID_CONFIG') {
            return res.status(422).send(err.message);
          }
          if (err instanceof ValidationError || (err.name === 'NotFound' && req.accepts('json'))) res.status(400).json({ error: err.message });
          else if (err.expose) res.status(err.status).send(err.message);
          else res.status(500).send(CODES.GENERIC === err.code ? err.message : 'error');
        });
      `,
      languageOptions: commonjs,
      options: [{ allowMessage: false }],
    },
  ],
  invalid: [
    // the error object itself (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.use((err, req, res, next) => {
          res.status(500).send(err);
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'details', data: { what: "the error object 'err'" }, line: 4, column: 24 }],
      output: null,
    },
    // the stack, in an object, through a const, in render locals
    {
      code: code`
        import express from 'express';
        const app = express();
        app.use(function onError(error, req, res, next) {
          const body = { ok: false, detail: error.stack };
          res.status(500).json(body);
        });
        app.use((e, req, res, next) => res.render('error', { error: e }));
      `,
      errors: [
        { messageId: 'details', data: { what: "the stack trace of 'error'" }, line: 4, column: 37 },
        { messageId: 'details', data: { what: "the error object 'e'" }, line: 7, column: 61 },
      ],
      output: null,
    },
    // a catch inside a route handler; a promise .catch; a router; res.end with a template
    {
      code: code`
        import { Router } from 'express';
        const router = Router();
        router.post('/items', async (req, res) => {
          try {
            await save(req.body);
          } catch (err) {
            res.status(400).json({ errors: [err] });
          }
        });
        router.get('/items', (req, res) => {
          load().then((rows) => res.json(rows)).catch((err) => res.end(\`failed: \${err.stack}\`));
        });
      `,
      errors: [
        { messageId: 'details', data: { what: "the error object 'err'" }, line: 7 },
        { messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 11 },
      ],
      output: null,
    },
    // strict: err.message, String(err), concatenation
    {
      code: code`
        import * as e from 'express';
        const app = e.default();
        app.use((err, req, res, next) => {
          res.status(500).send({ message: err.message });
        });
        app.get('/', (req, res) => {
          try { run(); } catch (x) { res.send('Error: ' + x); }
        });
      `,
      options: [{ allowMessage: false }],
      errors: [
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 4 },
        { messageId: 'details', data: { what: "the message of 'x'" }, line: 7 },
      ],
      output: null,
    },
    // strict: a message tested by its text, in the else branch of an identity check, or of a system error
    // (its message names the path); the stack even after an identity check (corpus: express-gateway
    // lib/rest/routes/users.js, lib/rest/index.js)
    {
      code: code`
        const express = require('express');
        const router = express.Router();
        router.post('/', (req, res, next) => {
          users.insert(req.body).then((u) => res.json(u)).catch((err) => {
            if (err.message.indexOf('exists') >= 0) res.status(409).send(err.message);
            else next(err);
          });
        });
        router.use((err, req, res, next) => {
          if (err.code === 'INVALID_CONFIG') return res.status(422).send(err.stack);
          if (err.code === 'ENOENT') return res.status(404).send(err.message);
          if (err.name === 'ValidationError' || req.xhr) return res.status(400).send(err.message);
          res.status(500).send(err.message || 'admin API error');
        });
        module.exports = router;
      `,
      languageOptions: commonjs,
      options: [{ allowMessage: false }],
      errors: [
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 5 },
        { messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 10 },
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 11 },
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 12 },
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 13 },
      ],
      output: null,
    },
    // res.locals without a development check; JSON.stringify
    {
      code: code`
        import express from 'express';
        const app = express();
        app.use((err, req, res, next) => {
          res.locals.error = err;
          res.status(500).send(JSON.stringify({ stack: err.stack }));
        });
      `,
      errors: [
        { messageId: 'details', data: { what: "the error object 'err'" }, line: 4 },
        { messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 5 },
      ],
      output: null,
    },
    // a check that is not about the environment does not guard
    {
      code: code`
        import express = require('express');
        const app = express();
        app.use((err: Error, req: express.Request, res: express.Response, next: express.NextFunction) => {
          if (req.xhr) res.status(500).json({ trace: err.stack });
          else res.status(500).send('error');
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'err'" } }],
      output: null,
    },
  ],
});
