import rule from '../../src/rules/no-error-details-in-response';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { inPlainPackage } from '../helpers/packages';

/**
 * A NestJS exception filter (trial 23 r5): a `@Catch(catches)` class whose `catch(exception, host)` runs `body`
 * (`host.switchToHttp()` gives the response).
 */
const filter = (body: string, catches = '', extra = ''): string => code`
  import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
  import type { Response } from 'express';
  ${extra}
  @Catch(${catches})
  export class AllExceptionsFilter implements ExceptionFilter {
    catch(exception: Error, host: ArgumentsHost) {
      ${body}
    }
  }
`;
const RESPONSE = 'const response = host.switchToHttp().getResponse<Response>();';
const CTX = 'const ctx = host.switchToHttp();\n      const response = ctx.getResponse<Response>();';

runRuleTests('no-error-details-in-response', rule, {
  valid: [
    // real23: a helper given to another event than 'error' (`close`, a computed name) or as a resolve callback
    // (`.then(fail)`) is not given an error; one that sends only a constant sends nothing of it; under the default
    // options a message is allowed
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/upload', (req, res) => {
          const abort = (err) => res.status(400).json({ error: err.stack });
          const quiet = (err) => res.status(400).json({ error: 'upload failed' });
          const note = (err) => res.status(400).json({ error: err.message });
          req.on('close', abort);
          req.on(eventName, abort);
          start(req).then(abort);
          req.on('error', quiet);
          req.on('error', note);
        });
      `,
      languageOptions: commonjs,
    },
    // Retrial r1: a const alias of the error that sends nothing of it, and a const that holds another value
    {
      name: 'a const alias of the error whose stack is only logged; a const of another value sent',
      code: code`
        const express = require('express');
        const app = express();
        app.use((err, req, res, next) => {
          const e = err;
          const other = req.query;
          console.error(e.stack);
          res.status(500).json({ error: 'Internal error', other });
        });
      `,
      languageOptions: commonjs,
    },
    // Trial 23 r5: NestJS exception filters.
    { name: 'a Nest exception filter that sends a generic body', code: filter(`${RESPONSE}\n      response.status(500).json({ statusCode: 500, message: 'Internal server error' });`) },
    { name: "a Nest exception filter that sends the exception's message, by default", code: filter(`${RESPONSE}\n      response.status(500).json({ message: exception.message });`) },
    {
      name: '@Catch(HttpException) names the errors it handles: their message is identified, as by instanceof',
      code: filter(`${CTX}\n      response.status(exception.getStatus()).json({ message: exception.message });`, 'HttpException').replace('exception: Error', 'exception: HttpException'),
      options: [{ allowMessage: false }],
    },
    {
      name: 'a Nest exception filter that sends the stack in development only',
      code: filter(`${RESPONSE}\n      response.status(500).json({ stack: process.env.NODE_ENV === 'development' ? exception.stack : undefined });`),
    },
    { name: 'a class with a catch method but no @Catch() is no exception filter', code: filter(`${RESPONSE}\n      response.status(500).json({ stack: exception.stack });`).replace('@Catch()\n', '') },
    { name: 'the RPC context of a filter is no HTTP response', code: filter('const client = host.switchToRpc().getContext();\n      client.send({ stack: exception.stack });') },
    {
      name: 'a filter of a Nest app on Fastify is not Express',
      code: filter(`const reply = host.switchToHttp().getResponse<FastifyReply>();\n      reply.status(500).send({ stack: exception.stack });`, '', "import type { FastifyReply } from 'fastify';"),
    },
    // trial 21 r5: a typed handler of three parameters has no error parameter; a typed four-parameter function whose
    // request and response are not second and third is no error handler (TypeScript)
    {
      code: code`
        import type { NextFunction, Request, Response } from 'express';
        export function show(req: Request, res: Response, next: NextFunction) {
          const err = new Error('x');
          res.status(500).json({ stack: err.stack });
        }
        export function odd(req: Request, res: Response, err: Error, next: NextFunction) {
          res.status(500).json({ stack: err.stack });
        }
      `,
    },
    // What a destructuring const takes that holds no internals (the code), and the message by default
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/a', async (req, res) => {
          try { await work(); } catch (err) { const { code, message } = err; res.status(500).json({ code, message }); }
        });
      `,
      languageOptions: commonjs,
    },
    // The message through a helper that sends its parameter: allowed by default; a constant text; the stack of what
    // the caller passes as a message (`e.message.stack` is nothing)
    {
      code: code`
        const express = require('express');
        const app = express();
        const sendHttpError = (res, msg = '') => res.status(403).json({ status: 'fail', msg });
        const sendStack = (res, err) => res.status(500).send(err.stack);
        app.get('/badge', async (req, res) => {
          try { res.json(await load()); } catch (error) { sendHttpError(res, error.message); sendHttpError(res, 'Not found'); sendStack(res, error.message); }
        });
      `,
      languageOptions: commonjs,
    },
    // a local helper that sends a generic body, or whose error parameter is never a caught error
    code`
      import express from 'express';
      const app = express();
      function fail(res, err) { console.error(err); res.status(500).send('failed'); }
      function show(res, item) { res.send(item.stack); }
      app.get('/x', async (req, res) => {
        try { show(res, await load()); } catch (e) { fail(res, e); }
      });
    `,
    // a handler shape outside Express (file and package), or with handlerShapes: false: not a request handler
    {
      code: "exports.fail = (err, req, res, next) => { res.status(500).send(err.stack); };",
      languageOptions: commonjs,
      filename: inPlainPackage('fail.js'),
    },
    {
      code: "const express = require('express');\nexports.fail = (err, req, res, next) => { res.status(500).send(err.stack); };",
      languageOptions: commonjs,
      settings: { 'secure-express': { handlerShapes: false } },
    },
    // Node's own server that logs the error and sends a generic body; a write of data, not of the error
    { code: code`
        const http = require('node:http');
        const fs = require('node:fs');
        http.createServer((req, res) => {
          fs.readFile('page.html', (err, data) => {
            if (err) { console.error(err.stack); res.statusCode = 500; return res.end('failed'); }
            res.write(data);
            res.end();
          });
        });
      `, languageOptions: commonjs },
    // error-first callbacks that log the error and send a generic message
    { code: code`
        const express = require('express');
        const fs = require('fs');
        const app = express();
        app.get('/file', (req, res) => {
          fs.readFile('data.json', (err, data) => {
            if (err) { console.error(err.stack); return res.status(500).send('failed'); }
            res.send(data);
          });
        });
      `, languageOptions: commonjs },
    // not error-first callbacks: array methods, a promise's value, an unknown callee whose first parameter is not
    // named like an error, an unknown callee whose 'e' is never tested as an error
    code`
      import express from 'express';
      const app = express();
      app.get('/list', (req, res) => {
        items.forEach((e) => { if (e) res.write(e.message); });
        load().then((error) => res.json(error));
        cache.get('k', (hit) => { if (hit) return res.send(hit); });
        emitter.once('ready', (e) => res.send(e));
      });
    `,
    // errorhandler only in development: NODE_ENV, app.get('env'), a mount inside the check
    { code: code`
        const express = require('express');
        const errorhandler = require('errorhandler');
        const app = express();
        if (process.env.NODE_ENV === 'development') app.use(errorhandler());
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      import errorHandler from 'errorhandler';
      const app = express();
      const devErrors = errorHandler({ log: true });
      if (app.get('env') === 'development') {
        app.use(devErrors);
      }
      app.use(myErrorHandler);
    `,
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
    // an early exit for production that leaves by both branches of an if, or with code after the return (dead)
    code`
      import express from 'express';
      const app = express();
      app.use((err, req, res, next) => {
        if (process.env.NODE_ENV === 'production') {
          if (err.expose) return res.status(400).send('Bad request');
          else return res.status(500).send('Server error');
        }
        res.status(500).send(err.stack);
      });
      app.use((err, req, res, next) => {
        if (process.env.NODE_ENV === 'production') {
          return res.status(500).send('Server error');
          console.error(err);
        }
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
    // not the caught error (an error handler shaped like one is one, handlers by shape: see invalid)
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => {
        try { work(); } catch (e) { res.status(500).send(other.stack); }
      });
    `,
    // A destructured error parameter (catch, error handler, promise rejection) that only logs its stack, sends a
    // generic body, sends the message (allowed by default), or takes nothing internal (CJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/a', async (req, res) => {
          try { await work(); } catch ({ stack }) { console.error(stack); res.status(500).send('failed'); }
        });
        app.get('/b', async (req, res) => {
          try { await work(); } catch ({ message, stack: s = '' }) { log(s); res.status(500).json({ error: message }); }
        });
        app.use(({ status, stack }, req, res, next) => { console.error(stack); res.status(status || 500).json({ status }); });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      app.get('/a', (req, res) => {
        load().then((data) => res.json(data)).catch(({ stack, message }) => { logger.error(stack); res.status(500).send(message); });
      });
      app.get('/b', async (req, res) => {
        // what an array pattern takes, or a rest nested in the error, is no known part of it; a stack written over
        try { await work(); } catch ({ errors: [first], cause: { ...rest } }) { res.status(500).json({ first, rest }); }
        try { await work(); } catch ({ stack }) { stack = 'hidden'; res.status(500).send(stack); }
      });
    `,
    {
      code: code`
        import express, { Request, Response, NextFunction } from 'express';
        const app = express();
        app.get('/a', async (req: Request, res: Response) => {
          try { await work(); } catch ({ code, stack: { length } }) { res.status(500).json({ code, length }); }
        });
        app.get('/b', async (req: Request, res: Response) => {
          try { await work(); } catch ({ stack }) { res.status(500).send(process.env.NODE_ENV === 'development' ? stack : 'failed'); }
        });
        app.use(({ code, message }: any, req: Request, res: Response, next: NextFunction) => {
          if (code === 'INVALID_CONFIG') return res.status(422).send(message);
          res.status(500).send('error');
        });
      `,
      filename: 'app.ts',
      options: [{ allowMessage: false }],
    },
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
    // strict: a `switch` on the error's code identifies it in the cases that name application codes, also when one
    // such case falls through into another, or follows a case that returns (session 22, NodeBB's error handler) (CJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.use((err, req, res, next) => {
          switch (err.code) {
            case 'ENOENT':
              return res.sendStatus(404);
            case 'banned-address':
              return res.status(403).send(err.message);
            case 'quota-exceeded':
            case 'too-many-posts':
              res.status(429).json({ error: err.message });
              break;
          }
          res.status(500).send('error');
        });
      `,
      languageOptions: commonjs,
      options: [{ allowMessage: false }],
    },
    // The same with the code destructured from the error (TS)
    {
      code: code`
        import express, { Request, Response, NextFunction } from 'express';
        const app = express();
        app.use(({ code, message }: any, req: Request, res: Response, next: NextFunction) => {
          switch (code) {
            case 'INVALID_CONFIG': {
              res.status(422).send(message);
              return;
            }
            default:
              res.status(500).send('error');
          }
        });
      `,
      filename: 'app.ts',
      options: [{ allowMessage: false }],
    },
  ],
  invalid: [
    // strict: a `switch` on the code does not identify the error in `default`, in a case of a system code, in a case
    // that a system code's case or `default` falls into, nor when it switches on something else (session 22) (ESM)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.use((err, req, res, next) => {
          switch (err.code) {
            case 'ENOENT':
              res.status(404).send(err.message);
            case 'missing-page':
              return res.status(404).send(err.message);
            default:
              res.status(500).send(err.message);
            case 'late-case':
              return res.status(400).send(err.message);
          }
        });
        app.use((err, req, res, next) => {
          switch (req.path) {
            case '/api':
              return res.status(500).json({ error: err.message });
          }
          next(err);
        });
      `,
      options: [{ allowMessage: false }],
      errors: [
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 6 },
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 8 },
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 10 },
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 12 },
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 18 },
      ],
      output: null,
    },
    // Retrial r1: the error through a const alias, cast once (TypeScript's `unknown` error) or plain
    {
      name: 'a Nest exception filter that casts the exception to a const: const err = exception as Error',
      code: filter(`${RESPONSE}\n      const err = exception as Error;\n      response.status(500).json({ message: err.message, stack: err.stack });`).replace('exception: Error', 'exception: unknown'),
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 9, column: 62 }],
    },
    {
      name: 'catch blocks and an error handler that keep the error in a const (CommonJS)',
      code: code`
        const express = require('express');
        const app = express();
        app.get('/a', async (req, res) => {
          try {
            await work();
          } catch (caught) {
            const e = caught;
            res.status(500).send(e.stack);
          }
        });
        app.use((err, req, res, next) => {
          const e = err;
          const again = e;
          res.status(500).json(again);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'details', data: { what: "the stack trace of 'e'" }, line: 8 },
        { messageId: 'details', data: { what: "the error object 'again'" }, line: 14 },
      ],
    },
    // Trial 23 r5: NestJS exception filters.
    {
      name: "a Nest exception filter (@Catch()) that sends the exception's stack: host.switchToHttp().getResponse()",
      code: filter(`${RESPONSE}\n      response.status(500).json({ message: exception.message, stack: exception.stack });`),
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'exception'" }, line: 8, column: 68 }],
    },
    {
      name: 'a Nest exception filter through const ctx = host.switchToHttp(); ctx.getResponse(): the error object',
      code: filter(`${CTX}\n      response.status(500).json({ error: exception });`),
      errors: [{ messageId: 'details', data: { what: "the error object 'exception'" }, line: 9, column: 40 }],
    },
    {
      name: 'a Nest exception filter that chains the response: getResponse().status(500).send(exception.stack)',
      code: filter('host.switchToHttp().getResponse<Response>().status(500).send(exception.stack);'),
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'exception'" }, line: 7, column: 66 }],
    },
    {
      name: "a Nest exception filter that catches every error sends its message (allowMessage: false)",
      code: filter(`${RESPONSE}\n      response.status(500).json({ message: exception.message });`),
      options: [{ allowMessage: false }],
      errors: [{ messageId: 'details', data: { what: "the message of 'exception'" }, line: 8, column: 42 }],
    },
    {
      name: '@Catch(HttpException) still does not send the stack',
      code: filter(`${RESPONSE}\n      response.status(500).json({ stack: exception.stack });`, 'HttpException'),
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'exception'" }, line: 8, column: 40 }],
    },
    {
      name: 'a compiled Nest exception filter (__decorate([(0, common_1.Catch)()], X))',
      code: code`
        "use strict";
        const common_1 = require("@nestjs/common");
        let AllExceptionsFilter = class AllExceptionsFilter {
          catch(exception, host) {
            const ctx = host.switchToHttp();
            const response = ctx.getResponse();
            response.status(500).json({ stack: exception.stack });
          }
        };
        exports.AllExceptionsFilter = AllExceptionsFilter;
        exports.AllExceptionsFilter = AllExceptionsFilter = __decorate([(0, common_1.Catch)()], AllExceptionsFilter);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'exception'" }, line: 7, column: 40 }],
    },
    // trial 21 r5: an exported error handler typed with Express's types, `(err: Error, req: Request, res: Response, next:
    // NextFunction)`, that no app of the file mounts: its error is the first parameter, as in the untyped form and as
    // with `ErrorRequestHandler` (TypeScript; the same with `unknown` and with an arrow function)
    {
      code: code`
        import type { NextFunction, Request, Response } from 'express';
        export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) {
          res.status(500).json({ stack: err.stack });
        }
        export const onError = (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
          res.status(500).send(String((error as Error).stack));
        };
      `,
      errors: [
        { messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 3 },
        { messageId: 'details', data: { what: "the stack trace of 'error'" }, line: 6 },
      ],
      output: null,
    },
    // A destructured catch parameter, error handler parameter or promise rejection value that sends the stack: as it
    // is, renamed, with a default, nested (the innermost key names it); the rest of the error's own properties; the
    // message with allowMessage: false (CJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/a', async (req, res) => {
          try { await work(); } catch ({ stack }) { res.send(stack); }
        });
        app.get('/b', async (req, res) => {
          try { await work(); } catch ({ message, stack: s }) { res.status(500).json({ error: s }); }
        });
        app.use(({ stack }, req, res, next) => { res.status(500).send(stack); });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'details', data: { what: "the stack trace of '{ stack }'" }, line: 4, column: 54 },
        { messageId: 'details', data: { what: "the stack trace of '{ message, stack: s }'" }, line: 7, column: 87 },
        { messageId: 'details', data: { what: "the stack trace of '{ stack }'" }, line: 9, column: 63 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/a', (req, res) => {
          load().then((data) => res.json(data)).catch(({ stack }) => res.status(500).send(stack));
        });
        app.get('/b', async (req, res) => {
          try { await work(); } catch ({ stack = 'none', cause: { stack: inner } = {} }) { res.status(500).json({ stack, inner }); }
          try { await work(); } catch ({ stack, ...details }) { res.status(500).json(details); }
        });
      `,
      errors: [
        { messageId: 'details', data: { what: "the stack trace of '{ stack }'" }, line: 4, column: 83 },
        { messageId: 'details', data: { what: "the stack trace of '{ stack = 'none', cause: { stack: inner…'" }, line: 7, column: 107 },
        { messageId: 'details', data: { what: "the error object '{ stack, ...details }'" }, line: 8, column: 78 },
      ],
      output: null,
    },
    {
      code: code`
        import express, { Request, Response, NextFunction } from 'express';
        const app = express();
        app.get('/a', async (req: Request, res: Response) => {
          try { await work(); } catch ({ message }) { res.status(500).json({ message }); }
        });
        app.use(({ stack }: Error, req: Request, res: Response, next: NextFunction) => res.status(500).json({ trace: stack }));
      `,
      filename: 'app.ts',
      options: [{ allowMessage: false }],
      errors: [
        { messageId: 'details', data: { what: "the message of '{ message }'" }, line: 4, column: 70 },
        { messageId: 'details', data: { what: "the stack trace of '{ stack }'" }, line: 6, column: 110 },
      ],
      output: null,
    },
    // The stack kept in a local first (trial 15): `const trace = err.stack`, `const { stack } = e` (CJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/a', async (req, res) => {
          try { await work(); } catch (err) { const trace = err.stack; res.status(500).json({ error: trace }); }
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 4, column: 53 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/b', async (req, res) => {
          try { await work(); } catch (e) { const { stack } = e; res.status(500).send(stack); }
        });
      `,
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'e'" }, line: 4, column: 79 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/c', async (req, res) => {
          try { await work(); } catch (e) { const { message: text } = e as Error; res.status(500).json({ text }); }
        });
      `,
      filename: 'app.ts',
      options: [{ allowMessage: false }],
      errors: [{ messageId: 'details', data: { what: "the message of 'e'" }, line: 4, column: 98 }],
      output: null,
    },
    // real23 (thelounge 4.5.2's uploader): a local helper given as an 'error' listener (`stream.on('error', fail)`) or a
    // rejection callback (`.catch(fail)`, `.then(ok, fail)`) is called with an error: reported where it is given, once
    // each (CJS strict: the message; TS: the error object and its stack, also by default)
    {
      code: code`
        const express = require('express');
        const fs = require('fs');
        const app = express();
        app.post('/upload', (req, res) => {
          const abort = (err) => res.status(400).json({ error: err.message });
          const out = fs.createWriteStream(target());
          out.on('error', abort);
          req.once('error', abort);
          save(req).then(() => res.sendStatus(201)).catch(abort);
          req.pipe(out);
        });
        app.listen(3000);
      `,
      languageOptions: commonjs,
      options: [{ allowMessage: false }],
      errors: [
        { messageId: 'details', data: { what: "the message of 'err' (through 'abort')" }, line: 7, column: 19 },
        { messageId: 'details', data: { what: "the message of 'err' (through 'abort')" }, line: 8, column: 21 },
        { messageId: 'details', data: { what: "the message of 'err' (through 'abort')" }, line: 9, column: 51 },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/export', (req: Request, res: Response) => {
          function fail(problem: Error) { res.status(500).json({ problem, trace: problem.stack }); }
          build(req.query).then((file) => res.download(file), fail);
          stream(req.query).on('error', fail);
        });
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'details', data: { what: "the error object 'problem' (through 'fail')" }, line: 5, column: 55 },
        { messageId: 'details', data: { what: "the error object 'problem' (through 'fail')" }, line: 6, column: 33 },
      ],
      output: null,
    },
    // A local helper that sends in several places (a branch per status): each call is reported once
    {
      code: code`
        const express = require('express');
        const app = express();
        const sendHttpError = (res, msg = '') => {
          if (msg.includes('busy')) res.status(503).json({ status: 'fail', msg });
          else res.status(403).json({ status: 'fail', msg });
        };
        function fail(res, err) { if (err.code) res.status(500).send(err.stack); else res.status(400).send(err.stack); }
        app.get('/badge', async (req, res) => {
          try { res.json(await load()); } catch (error) { sendHttpError(res, error.stack); fail(res, error); }
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'details', data: { what: "the stack trace of 'error' (through 'sendHttpError')" }, line: 9, column: 70 },
        { messageId: 'details', data: { what: "the stack trace of 'error' (through 'fail')" }, line: 9, column: 94 },
      ],
      output: null,
    },
    // A local helper that sends its parameter as it is, given what the error holds (trial 14: uptime-kuma's
    // sendHttpError(res, e.message)): the caller's argument is what leaks (CJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const app = express();
        const sendHttpError = (res, msg = '') => res.status(403).json({ status: 'fail', msg });
        app.get('/badge', async (req, res) => {
          try { res.json(await load()); } catch (error) { sendHttpError(res, error.stack); }
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'error' (through 'sendHttpError')" }, line: 5, column: 70 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        function fail(res, detail) { res.status(500).send(detail); }
        app.get('/x', async (req, res) => {
          try { await work(); } catch (e) { fail(res, e.message); }
        });
      `,
      options: [{ allowMessage: false }],
      errors: [{ messageId: 'details', data: { what: "the message of 'e' (through 'fail')" }, line: 5, column: 47 }],
      output: null,
    },
    {
      code: code`
        import express, { type Response } from 'express';
        const app = express();
        const reply = (res: Response, text: string) => { res.status(400).json({ error: text }); };
        app.post('/z', async (req, res) => {
          try { await work(req.body); } catch (err) { reply(res, (err as Error).stack ?? ''); }
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'err' (through 'reply')" }, line: 5, column: 58 }],
      output: null,
    },
    // a local helper that sends its parameter's stack: reported at each caller's caught error, naming the helper
    {
      code: code`
        const express = require('express');
        const app = express();
        function fail(res, err) { res.status(500).send(err.stack); }
        const soft = (res, problem) => res.json({ message: problem.message });
        app.get('/x', async (req, res) => {
          try { await work(); } catch (e) { fail(res, e); }
        });
        app.get('/y', (req, res) => {
          fs.readFile('a', (err) => { if (err) return soft(res, err); fail(res, new Error('x')); res.end(); });
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'e' (through 'fail')" }, line: 6 }],
      output: null,
    },
    {
      code: code`
        import express, { type Response } from 'express';
        const app = express();
        const fail = (res: Response, err: unknown) => res.status(500).json({ error: String(err) });
        app.post('/z', async (req, res) => {
          try { await work(req.body); } catch (err) { fail(res, err); }
        });
      `,
      filename: 'app.ts',
      options: [{ allowMessage: false }],
      errors: [{ messageId: 'details', data: { what: "the message of 'err' (through 'fail')" }, line: 5 }],
      output: null,
    },
    // a production check that exits only on one branch: the stack is still sent in production
    {
      code: code`
        import express from 'express';
        const app = express();
        app.use((err, req, res, next) => {
          if (process.env.NODE_ENV === 'production') {
            if (err.expose) return res.status(400).send('Bad request');
          }
          res.status(500).send(err.stack);
        });
      `,
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 7 }],
      output: null,
    },
    // a local helper that sends the stack under a test of the error, to whatever response it is given (what the
    // function summary would not count: the rule's own local-helper path keeps them)
    {
      code: code`
        const express = require('express');
        const app = express();
        function fail(out, err) { if (err.expose) return out.send(err.stack); out.sendStatus(500); }
        app.get('/x', async (req, res) => {
          try { await work(); } catch (e) { fail(res, e); }
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'details', data: { what: "the stack trace of 'e' (through 'fail')" }, line: 5 }],
      output: null,
    },
    // every function that receives a request: an exported error handler and controller (by shape, CJS), a typed
    // TS handler, and Node's own server (res.end(err), res.end(err.stack), res.write(String(err)))
    {
      code: code`
        const express = require('express');
        exports.fail = (err, req, res, next) => { res.status(500).send(err.stack); };
        exports.show = async (req, res) => {
          try { await load(); } catch (e) { res.json({ error: e }); }
        };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 2 },
        { messageId: 'details', data: { what: "the error object 'e'" }, line: 4 },
      ],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        export async function show(r: Request, w: Response) {
          try { await load(r.params.id); } catch (problem) { w.status(500).send(problem); }
        }
      `,
      filename: 'controller.ts',
      errors: [{ messageId: 'details', data: { what: "the error object 'problem'" }, line: 3 }],
      output: null,
    },
    {
      code: code`
        import http from 'node:http';
        import fs from 'node:fs';
        http.createServer((req, res) => {
          fs.readFile('page.html', (err, data) => {
            if (err) return res.end(err.stack);
            res.end(data);
          });
        });
        const server = http.createServer();
        server.on('request', async (req, res) => {
          try { res.end(await render(req.url)); } catch (error) { res.end(error); }
        });
      `,
      errors: [
        { messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 5 },
        { messageId: 'details', data: { what: "the error object 'error'" }, line: 11 },
      ],
      output: null,
    },
    {
      code: code`
        const http = require('http');
        http.createServer(function (req, res) {
          load().catch((err) => { res.writeHead(500); res.write(String(err)); res.end(); });
        });
      `,
      languageOptions: commonjs,
      options: [{ allowMessage: false }],
      errors: [{ messageId: 'details', data: { what: "the message of 'err'" }, line: 3 }],
      output: null,
    },
    // Node-style callbacks: err of a known error-first API (untested too), a tested err of any callee, a tested
    // first parameter of a known API whatever its name
    {
      code: code`
        const express = require('express');
        const fs = require('fs');
        const mysql = require('mysql');
        const connection = mysql.createConnection({});
        const app = express();
        app.get('/file', (req, res) => {
          fs.readFile('data.json', (err, data) => {
            if (err) return res.status(500).send(err.stack);
            res.send(data);
          });
        });
        app.get('/rows', (req, res) => {
          connection.query('SELECT 1', (err, rows) => res.json({ rows, error: err }));
        });
        app.get('/db', (req, res) => {
          db.collection('x').find({}, (error, docs) => {
            if (error) res.status(500).json(error);
          });
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 8 },
        { messageId: 'details', data: { what: "the error object 'err'" }, line: 13 },
        { messageId: 'details', data: { what: "the error object 'error'" }, line: 17 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import { readFile } from 'node:fs';
        const app = express();
        app.get('/file', (req, res) => {
          readFile('data.json', (problem, data) => {
            if (problem) return res.status(500).send(problem);
            res.send(data);
          });
        });
      `,
      errors: [{ messageId: 'details', data: { what: "the error object 'problem'" }, line: 6 }],
      output: null,
    },
    // promise rejections: .catch(err => ...) and .then(ok, err => ...)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/a', (req: Request, res: Response) => {
          load().catch((err: Error) => res.send(err));
        });
        app.get('/b', (req: Request, res: Response) => {
          load().then((rows) => res.json(rows), (e: Error) => res.status(500).send({ trace: e.stack }));
        });
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'details', data: { what: "the error object 'err'" }, line: 4 },
        { messageId: 'details', data: { what: "the stack trace of 'e'" }, line: 7 },
      ],
      output: null,
    },
    // errorhandler() mounted in production too
    {
      code: code`
        const express = require('express');
        const errorhandler = require('errorhandler');
        const app = express();
        app.use(errorhandler());
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'errorhandler', data: { app: 'app' }, line: 4, column: 9 }],
      output: null,
    },
    {
      code: code`
        import express = require('express');
        import errorHandler from 'errorhandler';
        const server = express();
        const handler = errorHandler({ log: false });
        if (options.verbose) server.use(handler);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'errorhandler', data: { app: 'server' }, line: 5 }],
      output: null,
    },
    // loops18: a loop written out as one call per element shares its errorhandler() among them: reported once (ESM)
    {
      code: code`
        import express from 'express';
        import errorhandler from 'errorhandler';
        const app = express();
        for (const p of ['/api', '/admin']) app.use(p, errorhandler());
      `,
      errors: [{ messageId: 'errorhandler', data: { app: 'app' }, line: 4, column: 48 }],
      output: null,
    },
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
    // res.locals without a development check, rendered; JSON.stringify
    {
      code: code`
        import express from 'express';
        const app = express();
        app.use((err, req, res, next) => {
          res.locals.error = err;
          if (req.accepts('html')) return res.status(500).render('error');
          res.status(500).send(JSON.stringify({ stack: err.stack }));
        });
      `,
      errors: [
        { messageId: 'details', data: { what: "the error object 'err'" }, line: 4 },
        { messageId: 'details', data: { what: "the stack trace of 'err'" }, line: 6 },
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

// `err.message || err`: the thrown value itself is sent only when it has no message (a string thrown), so what is sent is
// a message (trial 16: Saltcorn's `res.status(400).json({ error: e.message || e })`, 9 times "the error object").
runRuleTests('no-error-details-in-response (a message, or the thrown value without one)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/run', async (req, res) => {
          try { await run(req.body); } catch (e) { res.status(400).json({ error: e.message || e }); }
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      export const router = express.Router();
      router.post('/run', async (req, res) => {
        try { await run(req.body); } catch (error) { res.status(400).send(error?.message ?? error); }
      });
    `,
    {
      code: code`
        import type { Request, Response } from 'express';
        export async function run(req: Request, res: Response) {
          try { await work(req.body); } catch (e: any) { res.status(400).json({ error: String(e.message || e) }); }
        }
      `,
      filename: 'run.ts',
    },
  ],
  invalid: [
    // the message, with allowMessage: false; the stack or another error as the fallback
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/run', async (req, res) => {
          try { await run(req.body); } catch (e) { res.status(400).json({ error: e.message || e }); }
        });
      `,
      languageOptions: commonjs,
      options: [{ allowMessage: false }],
      errors: [{ messageId: 'details', data: { what: "the message of 'e'" }, line: 4 }],
    },
    {
      code: code`
        import express from 'express';
        export const router = express.Router();
        router.post('/run', async (req, res) => {
          try { await run(req.body); } catch (e) {
            res.status(400).send(e.stack || e);
            res.status(500).json({ error: e.message || req.lastError });
          }
        });
      `,
      errors: [{ messageId: 'details', data: { what: "the error object 'e'" }, line: 5 }],
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        export async function run(req: Request, res: Response) {
          try { await work(req.body); } catch (e: any) { res.status(400).json({ error: e.message && e }); }
        }
      `,
      filename: 'run.ts',
      errors: [{ messageId: 'details', data: { what: "the error object 'e'" }, line: 3 }],
    },
  ],
});

/** hagopj13/node-express-boilerplate's error handler: the message goes to `res.locals` for the request logger. */
const localsForLogger = (send: string): string => code`
  const express = require('express');
  const app = express();
  app.use((err, req, res, next) => {
    res.locals.errorMessage = err.message;
    res.locals.error = err;
    ${send}
  });
  app.listen(3000);
`;

runRuleTests('no-error-details-in-response (res.locals reach the client only through a render)', rule, {
  valid: [
    // trial 29 (strict false positive on the boilerplate): the handler sends JSON of its own, so the locals a logger
    // reads are never sent (CommonJS, allowMessage: false)
    { code: localsForLogger(`res.status(500).send({ code: 500, message: 'Internal Server Error' });`), languageOptions: commonjs, options: [{ allowMessage: false }] },
    // ends the response without a body, or hands over to what the code does not show: nothing known is rendered
    { code: localsForLogger(`res.sendStatus(500);`), languageOptions: commonjs, options: [{ allowMessage: false }] },
    { code: localsForLogger(`next(err);`), languageOptions: commonjs, options: [{ allowMessage: false }] },
  ],
  invalid: [
    // the same locals rendered (express-generator's handler without its development check), also in a callback
    {
      code: localsForLogger(`res.status(500).render('error');`),
      languageOptions: commonjs,
      options: [{ allowMessage: false }],
      errors: [
        { messageId: 'details', data: { what: "the message of 'err'" }, line: 4 },
        { messageId: 'details', data: { what: "the error object 'err'" }, line: 5 },
      ],
    },
    {
      code: localsForLogger(`req.session.save(() => res.render('error'));`),
      languageOptions: commonjs,
      errors: [{ messageId: 'details', data: { what: "the error object 'err'" }, line: 5 }],
    },
    // TypeScript: a typed error handler that renders
    {
      code: code`
        import express, { NextFunction, Request, Response } from 'express';
        const app = express();
        app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
          res.locals.error = err;
          res.status(500).render('error');
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'details', data: { what: "the error object 'err'" }, line: 4 }],
    },
  ],
});
