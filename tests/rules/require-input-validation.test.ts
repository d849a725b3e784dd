import rule from '../../src/rules/require-input-validation';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('require-input-validation', rule, {
  valid: [
    // a mounted router behind validation on its prefix (the full-path naming changes no verdict)
    { code: code`
        const express = require('express');
        const { checkSchema } = require('express-validator');
        const app = express();
        const users = express.Router();
        users.post('/users/login', (req, res) => res.json(login(req.body.user)));
        app.use('/api', checkSchema({ user: { isObject: true } }), users);
      `, languageOptions: commonjs },
    // express-validator chains before the handler (CommonJS)
    { code: code`
        const express = require('express');
        const { body, validationResult } = require('express-validator');
        const app = express();
        app.post('/users', body('email').isEmail(), body('name').isLength({ max: 80 }), (req, res) => {
          res.json({ email: req.body.email });
        });
      `, languageOptions: commonjs },
    // checkSchema in a const array; celebrate; a router with app-level validation
    code`
      import express, { Router } from 'express';
      import { checkSchema } from 'express-validator';
      import { celebrate, Joi, Segments } from 'celebrate';
      const userRules = [checkSchema({ email: { isEmail: true } })];
      const app = express();
      app.post('/users', userRules, (req, res) => res.json(req.body));
      app.get('/search', celebrate({ [Segments.QUERY]: Joi.object({ q: Joi.string().max(100) }) }), (req, res) => {
        res.json(find(req.query.q));
      });
    `,
    // zod, joi, yup in the handler
    code`
      import express from 'express';
      import { z } from 'zod';
      const User = z.object({ email: z.string().email() });
      const app = express();
      app.post('/users', (req, res) => {
        const user = User.parse(req.body);
        res.json(user);
      });
    `,
    code`
      import express from 'express';
      import Joi from 'joi';
      const app = express();
      app.put('/items/:id', async (req, res) => {
        const { id } = req.params;
        const value = await Joi.object({ name: Joi.string() }).validateAsync(req.body);
        res.json({ id, value });
      });
    `,
    // a schema from another module: `schema.safeParse(...)`, a compiled ajv `validate(...)`
    code`
      import express from 'express';
      import { orderSchema } from './schemas';
      const app = express();
      app.post('/orders', (req, res) => {
        const result = orderSchema.safeParse(req.body);
        if (!result.success) return res.status(400).end();
        res.json(result.data);
      });
      app.post('/events', (req, res) => {
        if (!validate(req.body)) return res.status(400).end();
        res.end();
      });
    `,
    // middleware of your own, by its name, by option, by settings; upstream
    code`
      import express from 'express';
      import { validateBody } from './middleware';
      const app = express();
      app.post('/a', validateBody(schema), (req, res) => res.json(req.body.x));
    `,
    {
      code: code`
        import express from 'express';
        import guard from '@acme/guard';
        const app = express();
        app.use(guard());
        app.post('/a', (req, res) => res.json(req.body.x));
      `,
      settings: { 'secure-express': { middleware: { validation: ['@acme/guard'] } } },
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/a', (req, res) => res.json(req.body.x));
      `,
      settings: { 'secure-express': { upstream: ['validation'] } },
    },
    // handlers that read no input; error handlers; `use` middleware
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => res.send(req.headers.host));
      app.use((req, res, next) => { console.log(req.body); next(); });
      app.use((err, req, res, next) => res.status(400).send(req.query.x ? 'a' : 'b'));
    `,
    // inputs option: params only
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => res.json(find(req.query.q)));
      `,
      options: [{ inputs: ['params'] }],
    },
  ],
  invalid: [
    // a mounted router's route is named by its full path, as require-rate-limit and require-csrf-protection name it
    // (the realworld TS app: 'POST /api/users/login' there, 'POST /users/login' here)
    {
      code: code`
        const express = require('express');
        const app = express();
        const users = express.Router();
        users.post('/users/login', (req, res) => res.json(login(req.body.user)));
        app.use('/api', users);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/api/users/login', app: 'users', input: 'req.body' }, line: 4 }],
      output: null,
    },
    {
      code: code`
        import express, { Router } from 'express';
        const api = Router();
        api.get('/articles/:slug', (req, res) => res.json(find(req.params.slug)));
        const app = express();
        app.use('/api/v1', Router().use(api));
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/api/v1/articles/:slug', app: 'api', input: 'req.params' }, line: 3 }],
      output: null,
    },
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        const router: Router = Router();
        router.put('/user', (req: Request, res: Response) => { res.json(update(req.body.user)); });
        const app = express();
        app.use('/api', router);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'PUT', path: '/api/user', app: 'router', input: 'req.body' }, line: 3 }],
      output: null,
    },
    // mounted on two prefixes: no single full path, the route's own path
    {
      code: code`
        import express, { Router } from 'express';
        const router = Router();
        router.post('/login', (req, res) => res.json(login(req.body)));
        const app = express();
        app.use('/v1', router);
        app.use('/v2', router);
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/login', app: 'router', input: 'req.body' }, line: 3 }],
      output: null,
    },
    // regression: settings of the wrong type are reported, not silently ignored
    {
      name: 'a settings middleware list that is not an array is reported',
      code: code`
        const express = require('express');
        const app = express();
        app.post('/users', (req, res) => {
          db.insert({ email: req.body.email });
          res.end();
        });
      `,
      languageOptions: commonjs,
      settings: { 'secure-express': { middleware: { validation: 'validate' } } },
      errors: [
        {
          messageId: 'invalidSettings',
          data: {
            where: "settings['secure-express'].middleware.validation",
            what: 'should be an array of middleware names (strings); what is not a string is ignored',
          },
          line: 1,
        },
        { messageId: 'unvalidated', line: 4 },
      ],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/users', (req, res) => {
          db.insert({ email: req.body.email });
          res.end();
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/users', app: 'app', input: 'req.body' }, line: 4, column: 22 }],
      output: null,
    },
    // destructuring, a router, app.route, a named function
    {
      code: code`
        import { Router } from 'express';
        const router = Router();
        router.get('/search', ({ query }, res) => res.json(find(query.q)));
        function update(request, res) {
          const { params, body } = request;
          save(params.id, body);
          res.end();
        }
        router.route('/items/:id').patch(update);
      `,
      errors: [
        { messageId: 'unvalidated', data: { method: 'GET', path: '/search', app: 'router', input: 'req.query' }, line: 3, column: 26 },
        { messageId: 'unvalidated', data: { method: 'PATCH', path: '/items/:id', app: 'router', input: 'request.params' }, line: 5 },
      ],
      output: null,
    },
    // JSON.parse and req.is are not validation; validation on another route does not count
    {
      code: code`
        import express from 'express';
        import { body } from 'express-validator';
        const app = express();
        app.post('/a', body('x').isInt(), (req, res) => res.end());
        app.post('/b', (req, res) => {
          if (!req.is('json')) return res.status(415).end();
          res.json(JSON.parse(req.body.raw));
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/b', app: 'app', input: 'req.body' }, line: 7 }],
      output: null,
    },
    // validation middleware mounted after the route
    {
      code: code`
        import * as e from 'express';
        import { query } from 'express-validator';
        const app = e.default();
        app.get('/items', (req, res) => res.json(list(req.query.page)));
        app.use(query('page').isInt());
      `,
      errors: [{ messageId: 'unvalidated', line: 4 }],
      output: null,
    },
    // TS
    {
      code: code`
        import express = require('express');
        const app = express();
        app.delete('/items/:id', (req: express.Request, res: express.Response) => {
          remove(req.params.id as string);
          res.end();
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'DELETE', path: '/items/:id', app: 'app', input: 'req.params' } }],
      output: null,
    },
  ],
});
