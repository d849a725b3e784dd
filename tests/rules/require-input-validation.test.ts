import rule from '../../src/rules/require-input-validation';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

/** A one-file NestJS app (controller, module, bootstrap, no ValidationPipe) whose login route runs `body`. */
function nestLogin(param: string, body: string, bootstrap = ''): string {
  return code`
    import { NestFactory } from '@nestjs/core';
    import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';
    import { AuthService } from './auth.service';

    class LoginDto {
      email!: string;
      password!: string;
    }

    @Controller('auth')
    class AuthController {
      constructor(private readonly auth: AuthService) {}

      @Post('login')
      login(${param}) {
        ${body}
      }
    }

    @Module({ controllers: [AuthController], providers: [AuthService] })
    class AppModule {}

    async function bootstrap() {
      const app = await NestFactory.create(AppModule);
      ${bootstrap}await app.listen(3000);
    }
    bootstrap();
  `;
}

runRuleTests('require-input-validation', rule, {
  valid: [
    // trial 22 (r1): a router handed to code the model does not follow (a package's function that mounts it) has an
    // unknown chain before it: validation may run there, nothing is guessed (CommonJS)
    {
      code: code`
        const express = require('express');
        const { register } = require('route-registry');
        const router = express.Router();
        router.post('/notes', (req, res) => res.json(save(req.body.note)));
        register('/notes', router);
      `,
      languageOptions: commonjs,
    },
    // A middleware factory that calls its parameter with the request alone is no async wrapper: the predicate it is
    // given is no handler of the route (its handler validates).
    {
      code: code`
        const express = require('express');
        const { param, validationResult } = require('express-validator');
        const authorize = (check) => (req, res, next) => (check(req) ? next() : res.sendStatus(403));
        const app = express();
        app.get('/admin/:id', authorize((req) => req.query.admin === '1'), param('id').isInt(), (req, res) => {
          if (!validationResult(req).isEmpty()) return res.sendStatus(400);
          res.json({ id: req.params.id });
        });
      `,
      languageOptions: commonjs,
    },
    // Validators named after what they check: a whole input to a validators module, a password strength check of one
    // field, several fields to a named validator (not credentials)
    { code: code`
        const express = require('express');
        const validators = require('./validators');
        const User = require('./user');
        const app = express();
        app.post('/users', (req, res) => {
          const { error } = validators.validateUser(req.body);
          if (error) return res.status(400).json(error);
          res.json(User.create(req.body));
        });
        app.post('/password', (req, res) => {
          if (!validatePassword(req.body.newPassword)) return res.status(400).send('weak');
          res.json(User.setPassword(req.body.newPassword));
        });
        app.post('/signup', (req, res) => {
          const errors = validateSignup(req.body.name, req.body.email);
          if (errors) return res.status(400).json(errors);
          res.json(User.create({ name: req.body.name, email: req.body.email }));
        });
      `, languageOptions: commonjs },
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
    // validators given the whole request data, or one field of it, count; so do calls the rule cannot follow
    { code: code`
        const express = require('express');
        const Joi = require('joi');
        const { userSchema } = require('./schemas');
        const app = express();
        function validateUser(user) {
          return Joi.object({ name: Joi.string().max(50) }).validate(user);
        }
        app.post('/users', (req, res) => {
          const { error } = validateUser(req.body);
          if (error) return res.status(400).send(error.details[0].message);
          res.json(req.body);
        });
        app.put('/users/:id', (req, res) => {
          const { error } = userSchema.validate(req.body);
          if (error) return res.status(400).end();
          res.json(req.body);
        });
        app.patch('/users/:id', (req, res) => {
          if (!validateBody(req)) return res.status(400).end();
          res.json(req.body);
        });
        app.post('/subscribe', (req, res) => {
          if (!validateEmail(req.body.email)) return res.status(400).end();
          res.json({ email: req.body.email });
        });
        app.post('/events', (req, res) => {
          const body = req.body;
          if (!validate(body)) return res.status(400).end();
          res.json(body);
        });
        app.post('/items', (req, res) => {
          if (!ajv.validate(itemSchema, req.body)) return res.status(400).end();
          res.json(req.body);
        });
        app.post('/orders', (req, res) => {
          const { error } = schema.validate({ id: req.body.id, qty: req.body.qty });
          if (error) return res.status(400).end();
          res.json(req.body);
        });
      `, languageOptions: commonjs },
    // hand-written checks that exit before the use validate the fields they check (CommonJS)
    { code: code`
        const express = require('express');
        const app = express();
        app.post('/f', async (req, res) => {
          if (typeof req.body.email !== 'string' || req.body.email.length > 100) return res.status(400).end();
          res.json(await authService.create(req.body.email.toLowerCase()));
        });
        app.post('/e', async (req, res, next) => {
          if (!isValidEmail(req.body.email)) return next(new Error('bad email'));
          if (!Number.isInteger(req.body.age)) {
            res.status(400);
            return res.end();
          }
          res.json(await authService.create(req.body.email, req.body.age));
        });
        app.post('/invite', async (req, res) => {
          const { email, role } = req.body;
          if (typeof email !== 'string' || email.length > 100 || !['user', 'admin'].includes(role)) return res.status(400).end();
          res.json(await invite(email, role));
        });
        app.get('/tags', (req, res) => {
          const { tags, page } = req.query;
          if (!Array.isArray(tags) || !/^\d+$/.test(page)) throw new Error('bad');
          res.json(find(tags, page));
        });
      `, languageOptions: commonjs },
    // a check whose passing branch holds the use, or whose failing branch exits before an else
    code`
      import express from 'express';
      const app = express();
      app.post('/a', (req, res) => {
        if (typeof req.body.name === 'string' && req.body.name.length < 80) {
          res.json(save(req.body.name));
        }
      });
      app.post('/b', (req, res) => {
        if (typeof req.body.name !== 'string') {
          return res.status(400).end();
        } else {
          res.json(save(req.body.name));
        }
      });
    `,
    // ESM and TS: validator.js, a const regex
    code`
      import express from 'express';
      import validator from 'validator';
      const ID = /^[a-f0-9]{24}$/;
      const app = express();
      app.post('/e', (req, res) => {
        if (!validator.isEmail(req.body.email)) return res.status(400).end();
        res.json({ email: req.body.email });
      });
      app.get('/items/:id', (req, res) => {
        if (!ID.test(req.params.id)) return res.status(404).end();
        res.json(get(req.params.id));
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/search', (req: Request, res: Response) => {
          const q = req.query.q as string;
          if (typeof q !== 'string' || q.length > 50) return res.status(400).end();
          res.json(search(q));
        });
      `,
      filename: 'app.ts',
    },
    // NestJS: a hand-written check of a @Query('q') parameter
    {
      code: nestLogin("@Query('q') q: string", "if (typeof q !== 'string' || q.length > 50) throw new BadRequestException();\n    return this.auth.find(q);").replace(
        "import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';",
        "import { BadRequestException, Body, Controller, Module, Post, Query, ValidationPipe } from '@nestjs/common';",
      ),
      filename: 'app.ts',
    },
    // a whole input spread into an object, a schema receiver given an object of fields: validation
    { code: code`
        const express = require('express');
        const app = express();
        app.post('/g', async (req, res) => {
          const user = await accounts.validate({ ...req.body });
          res.json(user);
        });
        app.post('/login', async (req, res) => {
          await loginSchema.validateAsync({ email: req.body.email, password: req.body.password });
          res.json(await login(req.body.email, req.body.password));
        });
      `, languageOptions: commonjs },
    // an authentication call is validation when you name it so
    {
      code: code`
        import express from 'express';
        import { authService } from './auth';
        const app = express();
        app.post('/login', async (req, res) => res.json(await authService.validate(req.body.email, req.body.password)));
      `,
      options: [{ validators: ['validate'] }],
    },
    // NestJS: a whole DTO handed to a validator counts, and so does a ValidationPipe (an authentication call then changes nothing)
    nestLogin('@Body() dto: LoginDto', 'if (!this.validator.validate(dto)) throw new Error();\n    return dto;'),
    nestLogin('@Body() dto: LoginDto', 'return this.auth.validateUser(dto.email, dto.password);', 'app.useGlobalPipes(new ValidationPipe());\n  '),
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
    // trial 22 (r1): an app handed to a package's function: the route after the call has an unknown chain (it may have
    // mounted validation), the one before it does not and is reported; so is a router its file only exports, linted
    // alone (ESM)
    {
      code: code`
        import express from 'express';
        import configure from 'app-config';
        const app = express();
        app.post('/before', (req, res) => res.json(save(req.body.note)));
        configure(app);
        app.post('/after', (req, res) => res.json(save(req.body.note)));
        app.listen(3000);
        export const router = express.Router();
        router.post('/notes', (req, res) => res.json(save(req.body.note)));
      `,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/before', app: 'app', input: 'req.body' }, line: 4 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/notes', app: 'router', input: 'req.body' }, line: 9 },
      ],
      output: null,
    },
    // trial 19 (r2): a path built from constants is the string it evaluates to (an enum member, a const in a template);
    // one that is no static string is printed as written, a template without its backticks (TS)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        enum Paths { Notes = '/notes' }
        const API = '/api/v1';
        const app = express();
        app.post(\`\${API}\${Paths.Notes}\`, (req: Request, res: Response) => res.json(save(req.body.note)));
        export function mount(base: string): void {
          app.post(\`\${base}\${Paths.Notes}\`, (req: Request, res: Response) => res.json(save(req.body.note)));
        }
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/api/v1/notes', app: 'app', input: 'req.body' }, line: 5 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '${base}${Paths.Notes}', app: 'app', input: 'req.body' }, line: 7 },
      ],
      output: null,
    },
    // Async handler wrappers: the function they wrap is the route's handler (express-async-handler, a wrapper of the file)
    {
      code: code`
        const express = require('express');
        const asyncHandler = require('express-async-handler');
        const catchAsync = (fn) => (req, res, next) => {
          Promise.resolve(fn(req, res, next)).catch(next);
        };
        const show = catchAsync(async (req, res) => res.json(await find(req.params.id)));
        const app = express();
        app.post('/notes', asyncHandler(async (req, res) => res.json(await save(req.body.note))));
        app.get('/notes/:id', show);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unvalidated', data: { method: 'GET', path: '/notes/:id', app: 'app', input: 'req.params' }, line: 6 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/notes', app: 'app', input: 'req.body' }, line: 8 },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type NextFunction, type Request, type Response } from 'express';
        import wrap from 'express-async-wrap';
        const guard = (fn: (req: Request, res: Response, next: NextFunction) => Promise<void>) => async (...args: [Request, Response, NextFunction]) => {
          try {
            await fn(...args);
          } catch (error) {
            args[2](error);
          }
        };
        const app = express();
        app.put('/profile', wrap(async (req: Request, res: Response) => { res.json(await update(req.body.profile)); }));
        app.delete('/profile/:id', guard(async (req: Request, res: Response) => { res.json(await remove(req.params.id)); }));
      `,
      errors: [
        { messageId: 'unvalidated', data: { method: 'PUT', path: '/profile', app: 'app', input: 'req.body' }, line: 11 },
        { messageId: 'unvalidated', data: { method: 'DELETE', path: '/profile/:id', app: 'app', input: 'req.params' }, line: 12 },
      ],
      output: null,
    },
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
    // trial 31 (c): mounted on two prefixes, each full path, as the other route rules name them; not a path whose mount
    // validates first (`/v3`); the route's own path once a prefix is not known (`PREFIX`)
    {
      code: code`
        import express, { Router } from 'express';
        const router = Router();
        router.post('/login', (req, res) => res.json(login(req.body)));
        const app = express();
        app.use('/v1', router);
        app.use('/v2', router);
        app.use('/v3', validateLogin, router);
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/v1/login, /v2/login', app: 'router', input: 'req.body' }, line: 3 }],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const router = express.Router();
        router.post('/login', (req, res) => res.json(login(req.body)));
        const app = express();
        app.use('/v1', router);
        app.use(\`/\${process.env.API_VERSION}\`, router);
      `,
      languageOptions: commonjs,
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
    // calls named like validators that authenticate: credentials passed as fields, or a name that says so
    {
      code: code`
        const express = require('express');
        const authService = require('./services/auth');
        const app = express();
        app.post('/login', async (req, res) => {
          const user = await authService.validate(req.body.email, req.body.password);
          res.json(user);
        });
        app.post('/session', async (req, res) => {
          const { email, password } = req.body;
          res.json(await authService.check(email, password));
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/login', app: 'app', input: 'req.body' }, line: 5, column: 43 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/session', app: 'app', input: 'req.body' }, line: 9 },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { authService, validateToken } from './auth';
        const app = express();
        app.post('/login', async (req: Request, res: Response) => {
          res.json(await authService.validateCredentials(req.body.username, req.body.password));
        });
        app.post('/refresh', (req: Request, res: Response) => {
          if (!validateToken(req.body.token)) return res.status(401).end();
          res.json(issue(req.body.token));
        });
        app.post('/me', async (req: Request, res: Response) => {
          res.json(await authService.validateUser(req.body));
        });
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/login', app: 'app', input: 'req.body' }, line: 5 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/refresh', app: 'app', input: 'req.body' }, line: 8 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/me', app: 'app', input: 'req.body' }, line: 12 },
      ],
      output: null,
    },
    // credentials as an object literal are authentication, not validation (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const authService = require('./authService');
        const app = express();
        app.post('/b', async (req, res) => {
          const user = await authService.validate({ email: req.body.email, password: req.body.password });
          res.json({ id: user.id });
        });
        app.post('/t', async (req, res) => {
          res.json(await authService.check({ token: req.body.token }));
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/b', app: 'app', input: 'req.body' }, line: 5 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/t', app: 'app', input: 'req.body' }, line: 9 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import { auth } from './auth';
        const app = express();
        app.post('/login', async (req, res) => {
          const { email, password } = req.body;
          res.json(await auth.validate({ email, password }));
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/login', app: 'app', input: 'req.body' }, line: 5 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post('/login', async (req: Request, res: Response) => {
          res.json(await this.auth.validate({ user: req.body.user, pass: req.body.pass }, req.ip));
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/login', app: 'app', input: 'req.body' }, line: 4 }],
      output: null,
    },
    // a hand-written check validates only the fields it checks; a whole input or another field is still reported
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/a', async (req, res) => {
          if (typeof req.body.email !== 'string') return res.status(400).end();
          res.json(await create(req.body.email, req.body.role));
        });
        app.post('/b', async (req, res) => {
          if (!isValidEmail(req.body.email)) return res.status(400).end();
          res.json(await User.create(req.body));
        });
        app.post('/c', async (req, res) => {
          if (!isValidEmail(req.body.email)) res.status(400);
          res.json(await create(req.body.email));
        });
        app.post('/d', async (req, res) => {
          res.json(await create(req.body.email));
          if (typeof req.body.email !== 'string') return;
        });
        app.post('/e', async (req, res) => {
          if (!req.body.email) return res.status(400).end();
          res.json(await create(req.body.email));
        });
        app.post('/f', async (req, res) => {
          if (!req.body.roles.includes(req.body.role)) return res.status(400).end();
          res.json(await create(req.body.role));
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/a', app: 'app', input: 'req.body' }, line: 4 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/b', app: 'app', input: 'req.body' }, line: 8 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/c', app: 'app', input: 'req.body' }, line: 12 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/d', app: 'app', input: 'req.body' }, line: 16 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/e', app: 'app', input: 'req.body' }, line: 20 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/f', app: 'app', input: 'req.body' }, line: 24 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => {
          const { q, sort } = req.query;
          if (typeof q !== 'string') return res.status(400).end();
          res.json(search(q, sort));
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/search', app: 'app', input: 'req.query' }, line: 4 }],
      output: null,
    },
    // a check of the wrong polarity, or of one side of an `||` that passes, checks nothing; a shorthand property reads its field
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/a', (req, res) => {
          if (typeof req.body.name === 'string') return res.json(greet(req.body.name));
          res.json(save(req.body.name));
        });
        app.post('/b', (req, res) => {
          if (typeof req.body.name === 'string' || typeof req.body.title === 'string') {
            res.json(save(req.body.name));
          }
        });
        app.post('/c', (req, res) => {
          const { email, role } = req.body;
          if (typeof email !== 'string') return res.status(400).end();
          res.json(save({ email, role }));
        });
      `,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/a', app: 'app', input: 'req.body' }, line: 4 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/b', app: 'app', input: 'req.body' }, line: 8 },
        { messageId: 'unvalidated', data: { method: 'POST', path: '/c', app: 'app', input: 'req.body' }, line: 13 },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/search', (req: Request, res: Response) => {
          const q = req.query.q as string;
          if (q.length > 50) return res.status(400).end();
          res.json(search(q, req.query.sort as string));
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/search', app: 'app', input: 'req.query' }, line: 4 }],
      output: null,
    },
    {
      name: 'NestJS: a check of one @Query() field leaves another unchecked',
      code: nestLogin("@Query('q') q: string, @Query('sort') sort: string", "if (typeof q !== 'string') throw new BadRequestException();\n    return this.auth.find(q, sort);").replace(
        "import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';",
        "import { BadRequestException, Body, Controller, Module, Post, Query, ValidationPipe } from '@nestjs/common';",
      ),
      filename: 'app.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/auth/login', app: 'AuthController', input: "@Query('q')" }, line: 15 }],
      output: null,
    },
    // NestJS: the DTO's fields handed to an authentication service validate nothing
    ...[
      ['@Body() dto: LoginDto', 'return this.auth.validate(dto.email, dto.password);', '@Body()'],
      ['@Body() dto: LoginDto', 'return this.auth.validateUser(dto.email, dto.password);', '@Body()'],
      ['@Body() { email, password }: LoginDto', 'return this.auth.validate(email, password);', '@Body()'],
      ["@Body('email') email: string, @Body('password') password: string", 'return this.auth.validate(email, password);', "@Body('email')"],
      ['@Body() dto: LoginDto', 'return this.auth.validate({ email: dto.email, password: dto.password });', '@Body()'],
      ['@Body() { email, password }: LoginDto', 'return this.auth.validate({ email, password });', '@Body()'],
    ].map(([param, body, input]) => ({
      name: `NestJS: ${param} { ${body} }`,
      code: nestLogin(param!, body!),
      filename: 'app.ts',
      errors: [{ messageId: 'unvalidated' as const, data: { method: 'POST', path: '/auth/login', app: 'AuthController', input: input! }, line: 15 }],
      output: null,
    })),
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

runRuleTests('require-input-validation (the unchecked read is named)', rule, {
  valid: [
    // both inputs checked by hand (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/login', (req, res) => {
          const { email } = req.body;
          if (typeof email !== 'string') return res.status(400).end();
          if (typeof req.query.next !== 'string') return res.status(400).end();
          res.json({ email, next: req.query.next });
        });
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // trial 12: the body is checked, the query is not: the report names and points at the query (ESM, TS)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', (req, res) => {
          const { email } = req.body;
          if (typeof email !== 'string') return res.status(400).end();
          res.json({ email, next: req.query.next });
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/login', app: 'app', input: 'req.query' }, line: 6, column: 27 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post('/login', (request: Request, response: Response) => {
          if (typeof request.body.email !== 'string') return response.status(400).end();
          response.json({ email: request.body.email, page: request.params.page });
        });
      `,
      filename: 'login.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/login', app: 'app', input: 'request.params' }, line: 5 }],
      output: null,
    },
  ],
});

runRuleTests('require-input-validation (defaults and checks in expressions)', rule, {
  valid: [
    // trial 12 (Express 5: req.body is undefined without a parser): a default, then a check (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/notes', (req, res) => {
          const { title } = req.body ?? {};
          if (typeof title !== 'string' || title.length > 200) return res.status(400).end();
          res.json({ title });
        });
      `,
      languageOptions: commonjs,
    },
    // a ?: or && whose test checks the read, and a default then an allow list (ESM, TS)
    code`
      import express from 'express';
      const app = express();
      app.get('/search', (req, res) => {
        const q = typeof req.query.q === 'string' ? req.query.q : '';
        const page = typeof req.query.page === 'string' && req.query.page.length < 5 ? Number(req.query.page) : 1;
        res.json({ q, page });
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/docs/:name.:ext', (req: Request, res: Response) => {
          const ext = req.params.ext ?? 'html';
          if (!['html', 'md'].includes(ext)) return res.status(404).end();
          if (!/^[a-z-]+$/.test(req.params.name)) return res.status(404).end();
          res.json({ name: req.params.name, ext });
        });
      `,
      filename: 'docs.ts',
    },
  ],
  invalid: [
    // ... not a default alone, nor a test of another field (ESM)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/notes', (req, res) => {
          const { title } = req.body ?? {};
          res.json({ title });
        });
        app.get('/search', (req, res) => {
          const q = typeof req.query.page === 'string' ? req.query.q : '';
          res.json({ q });
        });
      `,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/notes', app: 'app', input: 'req.body' }, line: 4 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/search', app: 'app', input: 'req.query' }, line: 8 },
      ],
      output: null,
    },
  ],
});

// Trial 14: hand-written checks the rule missed. A `let` read once and never assigned again holds its field as a
// `const` does; an exact length (`x.length !== 36`) is a bound; a check compared with a boolean (`=== false`) is read
// as `!`; a `typeof` of a whole input pins it to a primitive; a read that only yields a boolean checks nothing and
// needs nothing.
runRuleTests('require-input-validation (trial 14: hand-written checks)', rule, {
  valid: [
    // a `let` never assigned again (CommonJS, ESM destructured, TypeScript `var`)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/setup-database', (req, res) => {
          let dbConfig = req.body.dbConfig;
          if (typeof dbConfig !== 'object' || dbConfig === null) {
            return res.status(400).json('Invalid dbConfig');
          }
          res.json({ type: dbConfig.type });
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      app.get('/items', (req, res) => {
        let { limit } = req.query;
        if (typeof limit !== 'string' || limit.length > 3) return res.status(400).end();
        res.json(list(limit));
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/users/:id', (req: Request, res: Response) => {
          var id = req.params.id;
          if (!/^\d+$/.test(id)) return res.status(404).end();
          res.json(find(id));
        });
      `,
      filename: 'app.ts',
    },
    // an exact length: `!==` to exit, `===` to pass, `!=` (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/login/done/:sessionId', async (req, res) => {
          const sessionId = req.params.sessionId;
          if (sessionId.length !== 36) return res.status(400).end();
          res.json({ sessionId });
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      app.post('/verify', (req, res) => {
        if (req.body.code.length === 6) res.json(verify(req.body.code));
        else res.status(400).end();
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/tokens/:token', (req: Request, res: Response) => {
          const { token } = req.params;
          if (token.length != 64) throw new Error('bad token');
          res.json(lookup(token));
        });
      `,
      filename: 'app.ts',
    },
    // a check compared with a boolean: `=== false`, `== false` read as `!`, `=== true` as the check (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/specs/:scope', (req, res) => {
          const scope = req.params.scope;
          if (['items', 'system'].includes(scope) === false) return res.status(404).end();
          res.json({ scope });
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import { isLoginRedirectAllowed } from './redirects';
      const app = express();
      app.get('/login', (req, res) => {
        if (isLoginRedirectAllowed(req.query.redirect) == false) throw new Error('not allowed');
        res.json({ to: req.query.redirect });
      });
      app.get('/search', (req, res) => {
        if ((typeof req.query.q === 'string') === true) res.json(search(req.query.q));
        else res.status(400).end();
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/users/:id', (req: Request, res: Response) => {
          if (/^\d+$/.test(req.params.id) !== true) return res.status(404).end();
          res.json(find(req.params.id));
        });
      `,
      filename: 'app.ts',
    },
    // a `typeof` of a whole input (CommonJS, ESM destructured, TypeScript)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.use(express.json({ limit: '1kb', strict: false }));
        const tags = {};
        app.put('/dist-tags/latest', (req, res, next) => {
          if (typeof req.body !== 'string') return next(new Error('version is missing'));
          tags.latest = req.body;
          res.status(201).json({ ok: true });
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      app.put('/version', ({ body }, res) => {
        if (typeof body === 'string') res.json(save(body));
        else res.status(400).end();
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.put('/count', (req: Request, res: Response) => {
          if (typeof req.body !== 'number') return res.status(400).end();
          res.json(store(req.body));
        });
      `,
      filename: 'app.ts',
    },
    // reads that only yield a boolean: `in`, `Boolean(...)`, `!!`, `!` (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/cache/clear', (req, res) => {
          const system = 'system' in req.query && Boolean(req.query.system);
          res.json({ system });
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      app.get('/report', (req, res) => res.json(report({ verbose: !!req.query.verbose })));
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post('/jobs', (req: Request, res: Response) => {
          res.json(schedule({ now: !req.body.later, dry: Boolean(req.body.dryRun as string) }));
        });
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    // a `let` assigned again: its declaration is the read (CommonJS, ESM)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/setup-database', (req, res) => {
          let dbConfig = req.body.dbConfig;
          if (typeof dbConfig !== 'object' || dbConfig === null) return res.status(400).end();
          dbConfig = req.body.fallback;
          res.json({ type: dbConfig.type });
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/setup-database', app: 'app', input: 'req.body' }, line: 4 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/items', (req, res) => {
          let limit = req.query.limit;
          if (typeof limit !== 'string') return res.status(400).end();
          limit = limit.trim();
          res.json(list(limit));
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/items', app: 'app', input: 'req.query' }, line: 4 }],
      output: null,
    },
    // an exact length the wrong way round (exits when it is 36, passes when it is not), an empty check (TypeScript)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/a/:id', (req: Request, res: Response) => {
          if (req.params.id.length === 36) return res.status(400).end();
          res.json(find(req.params.id));
        });
        app.get('/b/:id', (req: Request, res: Response) => {
          if (req.params.id.length !== 36) res.json(find(req.params.id));
        });
        app.get('/c/:id', (req: Request, res: Response) => {
          if (req.params.id.length === 0) return res.status(400).end();
          res.json(find(req.params.id));
        });
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'unvalidated', data: { method: 'GET', path: '/a/:id', app: 'app', input: 'req.params' }, line: 4 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/b/:id', app: 'app', input: 'req.params' }, line: 8 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/c/:id', app: 'app', input: 'req.params' }, line: 11 },
      ],
      output: null,
    },
    // a `typeof` compared with a boolean the wrong way round: exits when it is a string (ESM)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => {
          if ((typeof req.query.q === 'string') === true) return res.status(400).end();
          res.json(search(req.query.q));
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/search', app: 'app', input: 'req.query' }, line: 4 }],
      output: null,
    },
    // a whole input checked to be an object is no check of its fields; a checked body and unchecked params name the
    // params, where they are read (CommonJS, TypeScript)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/users', (req, res) => {
          if (typeof req.body !== 'object') return res.status(400).end();
          res.json(create(req.body));
        });
        app.put('/dist-tags/:tag', (req, res, next) => {
          if (typeof req.body !== 'string') return next(new Error('version is missing'));
          tags[req.params.tag] = req.body;
          res.status(201).json({ ok: true });
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/users', app: 'app', input: 'req.body' }, line: 4 },
        { messageId: 'unvalidated', data: { method: 'PUT', path: '/dist-tags/:tag', app: 'app', input: 'req.params' }, line: 9, column: 8 },
      ],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.put('/packages/:name', (req: Request, res: Response) => {
          if (typeof req.body !== 'string') return res.status(400).end();
          res.json(publish(req.params.name, req.body));
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'PUT', path: '/packages/:name', app: 'app', input: 'req.params' }, line: 5, column: 20 }],
      output: null,
    },
    // a boolean read, then the value itself; a local named `Boolean` (ESM, TypeScript)
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/a', (req, res) => res.json(Boolean(req.query.x) && req.query.x.trim()));
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/a', app: 'app', input: 'req.query' }, line: 3 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const Boolean = (x: unknown) => x;
        const app = express();
        app.get('/b', (req: Request, res: Response) => res.json(Boolean(req.query.x)));
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/b', app: 'app', input: 'req.query' }, line: 4 }],
      output: null,
    },
  ],
});

// Trial 15: which branch of a check exits. An allow-list or a length bound counts only when the values it lets through
// are the listed or short ones (`if (ALLOWED.includes(x) === true) return …` keeps the others); a check kept in a
// local is read where a test of the local exits; a read that only gives the code a boolean (`if (x)`, `x === 'true'`)
// needs no check.
runRuleTests('require-input-validation (trial 15: polarity, kept checks, boolean reads)', rule, {
  valid: [
    // the allow-list and the bound the right way round: `!`, `=== false`, passing branch, `<=` and a flipped bound
    {
      code: code`
        const express = require('express');
        const app = express();
        const SCOPES = ['items', 'system'];
        app.get('/a', (req, res) => {
          const scope = req.query.scope;
          if (SCOPES.includes(scope) === false) return res.sendStatus(400);
          res.json({ scope });
        });
        app.get('/b', (req, res) => {
          const q = req.query.q;
          if (q.length <= 100) res.json({ q });
          else res.sendStatus(400);
        });
        app.get('/c', (req, res) => {
          if (100 < req.query.q.length) return res.sendStatus(400);
          res.json({ q: req.query.q });
        });
      `,
      languageOptions: commonjs,
    },
    // a check kept in a local (ESM: typeof and a bound; an allow-list through two locals)
    code`
      import express from 'express';
      const app = express();
      const ROLES = new Set(['user', 'admin']);
      app.get('/kept', (req, res) => {
        const q = req.query.q;
        const ok = typeof q === 'string' && q.length <= 50;
        if (!ok) return res.sendStatus(400);
        res.json({ q });
      });
      app.post('/role', (req, res) => {
        const listed = ROLES.has(req.body.role);
        const ok = listed;
        if (ok === false) return res.sendStatus(400);
        res.json({ role: req.body.role });
      });
    `,
    // reads that only yield a boolean: the test of an `if` or `?:`, an equality with a constant (TypeScript)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/flag', (req: Request, res: Response) => {
          if (req.query.debug) console.log('debug on');
          res.json({ verbose: req.query.verbose === 'true', dry: req.query.dry ? 1 : 0 });
        });
        app.get('/role', (req: Request, res: Response) => {
          const admin = (req.query.role as string) !== \`admin\`;
          res.json({ admin });
        });
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    // trial 15 repro 7: the exit taken when the check passes (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        const SCOPES = ['items', 'system'];
        app.get('/a', (req, res) => {
          const scope = req.query.scope;
          if (SCOPES.includes(scope) === true) return res.sendStatus(400);
          res.json({ scope });
        });
        app.get('/b', (req, res) => {
          const q = req.query.q;
          if (q.length < 100) return res.sendStatus(400);
          res.json({ q });
        });
        app.get('/c', (req, res) => {
          if (!SCOPES.includes(req.query.scope)) res.json({ scope: req.query.scope });
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unvalidated', data: { method: 'GET', path: '/a', app: 'app', input: 'req.query' }, line: 5 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/b', app: 'app', input: 'req.query' }, line: 10 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/c', app: 'app', input: 'req.query' }, line: 15 },
      ],
      output: null,
    },
    // a kept check the wrong way round, and a local that is assigned again checks nothing (ESM)
    {
      code: code`
        import express from 'express';
        const app = express();
        const ROLES = new Set(['user', 'admin']);
        app.post('/role', (req, res) => {
          const listed = ROLES.has(req.body.role);
          if (listed) return res.sendStatus(400);
          res.json({ role: req.body.role });
        });
        app.get('/kept', (req, res) => {
          const q = req.query.q;
          let ok = typeof q === 'string' && q.length <= 50;
          ok = true;
          if (!ok) return res.sendStatus(400);
          res.json({ q });
        });
      `,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/role', app: 'app', input: 'req.body' }, line: 5 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/kept', app: 'app', input: 'req.query' }, line: 10 },
      ],
      output: null,
    },
    // a boolean read does not check the field: its later use is still a read; a comparison with request data is no
    // constant (TypeScript)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/flag', (req: Request, res: Response) => {
          if (req.query.debug) res.json({ debug: req.query.debug });
        });
        app.get('/same', (req: Request, res: Response) => {
          res.json({ same: req.query.a === req.query.b });
        });
        app.get('/short/:id', (req: Request, res: Response) => {
          if (3 >= req.params.id.length || ['0'].includes(req.params.id)) return res.sendStatus(400);
          res.json(find(req.params.id));
        });
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'unvalidated', data: { method: 'GET', path: '/flag', app: 'app', input: 'req.query' }, line: 4 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/same', app: 'app', input: 'req.query' }, line: 7 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/short/:id', app: 'app', input: 'req.params' }, line: 10 },
      ],
      output: null,
    },
  ],
});

// A new-user trial (session 14, r6): a field converted to a number and checked as a number, or bounded with Math.min.
runRuleTests('require-input-validation (numbers: converted then checked, or bounded)', rule, {
  valid: [
    // the converted local checked as an integer (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/things/:id', (req, res) => {
          const id = Number(req.params.id);
          if (!Number.isInteger(id)) return res.sendStatus(400);
          res.json({ id });
        });
      `,
      languageOptions: commonjs,
    },
    // a bounded page size: Math.min with a number literal, through a fallback, parseInt or unary + (ESM)
    code`
      import express from 'express';
      const app = express();
      app.get('/list', (req, res) => {
        const limit = Math.min(100, Number(req.query.limit) || 20);
        const page = Math.max(1, Math.min(1000, parseInt(req.query.page, 10)));
        res.json({ limit, page, size: Math.min(+req.query.size, 50) });
      });
    `,
    // TypeScript: Number.parseInt, the local checked with Number.isSafeInteger and a bound read from it
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/items/:n', (req: Request, res: Response) => {
          const n = Number.parseInt(req.params.n, 10);
          if (!Number.isSafeInteger(n)) return res.status(400).end();
          res.json({ first: Math.min(n, 10) });
        });
      `,
      filename: 'items.ts',
    },
  ],
  invalid: [
    // converted but never checked (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/things/:id', (req, res) => {
          const id = Number(req.params.id);
          res.json({ id });
        });
      `,
      languageOptions: commonjs,
      // (Reported at the handler's first read of the request.)
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/things/:id', app: 'app', input: 'req.params' }, line: 4, column: 21 }],
      output: null,
    },
    // the number is checked, but the field's text is read again: that read is not covered
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/things/:id', (req, res) => {
          const id = Number(req.params.id);
          if (!Number.isInteger(id)) return res.sendStatus(400);
          res.json({ id, raw: req.params.id });
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/things/:id', app: 'app', input: 'req.params' }, line: 4, column: 21 }],
      output: null,
    },
    // bounded below only, by a name, or not converted: no upper bound on a number
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/list', (req, res) => {
          res.json({ limit: Math.max(1, Number(req.query.limit)) });
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/list', app: 'app', input: 'req.query' }, line: 4 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const MAX = 100;
        const app = express();
        app.get('/list', (req, res) => {
          res.json({ limit: Math.min(MAX, Number(req.query.limit)), raw: Math.min(100, req.query.size) });
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/list', app: 'app', input: 'req.query' }, line: 5 }],
      output: null,
    },
    // a local named Number is no conversion (TypeScript)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const Number = (value: unknown) => value;
        const app = express();
        app.get('/list', (req: Request, res: Response) => {
          res.json({ limit: Math.min(100, Number(req.query.limit) as number) });
        });
      `,
      filename: 'list.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/list', app: 'app', input: 'req.query' }, line: 5 }],
      output: null,
    },
  ],
});

runRuleTests('require-input-validation (a helper that returns its parameter only once checked)', rule, {
  valid: [
    // left17: `safeNext(req.query.next)` whose helper returns a constant unless `typeof` (and a prefix) hold: the handler
    // gets a checked value, as with the same check written inline (CommonJS)
    {
      code: code`
        const express = require('express');
        function safeNext(v) {
          if (typeof v !== 'string' || !v.startsWith('/')) return '/';
          return v;
        }
        const app = express();
        app.get('/login', (req, res) => {
          const next = safeNext(req.query.next);
          res.render('login', { next });
        });
      `,
      languageOptions: commonjs,
    },
    // An arrow whose `?:` passes it on checked, and a `&&` whose failed test is returned (ESM, TS)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const DEFAULT_PAGE = 'home';
        const shortText = (v: unknown) => (typeof v === 'string' && v.length <= 80 ? v : DEFAULT_PAGE);
        const slug = (v: unknown) => typeof v === 'string' && /^[a-z-]+$/.test(v) && v;
        const app = express();
        app.get('/search', (req: Request, res: Response) => {
          res.json({ q: shortText(req.query.q), page: slug(req.params.page) });
        });
      `,
      filename: 'search.ts',
    },
  ],
  invalid: [
    // No check of type or form (a presence check and a prefix), a parameter returned changed, a check on one path only,
    // a check that does not exit, an async helper (a promise), a whole input (only a `typeof` of it checks it inline) (CommonJS)
    ...[
      "(v) => (v && v.startsWith('/') ? v : '/')",
      "(v) => { if (typeof v !== 'string') return ''; return v.trim(); }",
      "(v, fallback) => { if (typeof v === 'string') return v; return fallback; }",
      "(v) => { if (typeof v !== 'string') console.warn('not text'); return v; }",
      "async (v) => { if (typeof v !== 'string') return '/'; return v; }",
    ].map((helper) => ({
      code: code`
        const express = require('express');
        const helper = ${helper};
        const app = express();
        app.get('/login', (req, res) => res.json({ next: helper(req.query.next) }));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'unvalidated' as const, data: { method: 'GET', path: '/login', app: 'app', input: 'req.query' }, line: 4 }],
      output: null,
    })),
    {
      code: code`
        import express from 'express';
        const ofType = (v) => (typeof v === 'object' ? v : {});
        const app = express();
        app.post('/items', (req, res) => res.json(save(ofType(req.body))));
        app.post('/other', (req, res) => res.json(save(ofType(req.body.item), req.body.other)));
      `,
      errors: [
        { messageId: 'unvalidated', data: { method: 'POST', path: '/items', app: 'app', input: 'req.body' }, line: 4 },
        // (A checked field and another: reported at the handler's first read of the input, as for inline checks.)
        { messageId: 'unvalidated', data: { method: 'POST', path: '/other', app: 'app', input: 'req.body' }, line: 5, column: 55 },
      ],
      output: null,
    },
  ],
});

runRuleTests('require-input-validation (tables19: routes registered in a loop over a route table)', rule, {
  valid: [
    // The TypeORM template's handler that also reads the request itself does more than run the controller's action:
    // the loop stays unknown, the class's method is no route's handler (TS); a method name that is not static (ESM)
    {
      code: code`
        import express, { type Request, type Response, type NextFunction } from 'express';
        class NoteController {
          async save(request: Request, response: Response, next: NextFunction) {
            return { note: request.body.note };
          }
        }
        const Routes = [{ method: 'post', route: '/notes', controller: NoteController, action: 'save' }];
        const app = express();
        Routes.forEach((route) => {
          (app as any)[route.method](route.route, (req: Request, res: Response, next: NextFunction) => {
            console.log(req.path);
            const result = (new (route.controller as any))[route.action](req, res, next);
            res.json(result);
          });
        });
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express from 'express';
        class NoteController {
          async save(request, response, next) {
            return { note: request.body.note };
          }
        }
        const Routes = [{ method: 'post', route: '/notes', controller: NoteController, action: process.env.ACTION }];
        const app = express();
        Routes.forEach((route) => {
          app[route.method](route.route, (req, res, next) => {
            const result = new route.controller()[route.action](req, res, next);
            res.json(result);
          });
        });
        app.listen(3000);
      `,
    },
    // session 20 (4): an instance kept in a \`const\` that is read again, or a promise callback that reads the request,
    // does more than run the action: unknown (CommonJS, ESM)
    {
      code: code`
        const express = require('express');
        class NoteController {
          async save(request, response, next) {
            return { note: request.body.note };
          }
        }
        const Routes = [{ method: 'post', route: '/notes', controller: NoteController, action: 'save' }];
        const app = express();
        Routes.forEach((route) => {
          app[route.method](route.route, async (req, res, next) => {
            const instance = new route.controller();
            instance.user = 'admin';
            return instance[route.action](req, res, next);
          });
        });
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        class NoteController {
          async save(request, response, next) {
            return { note: request.body.note };
          }
        }
        const Routes = [{ method: 'post', route: '/notes', controller: NoteController, action: 'save' }];
        const app = express();
        Routes.forEach((route) => {
          app[route.method](route.route, (req, res, next) => {
            new route.controller()[route.action](req, res, next).then((note) => res.json({ note, by: req.ip })).catch(next);
          });
        });
        app.listen(3000);
      `,
    },
  ],
  invalid: [
    // The TypeORM template's handler runs the element's controller action: the class's method is the route's handler,
    // its request data the route's (TS, a class of the file); a table of functions (CommonJS)
    {
      code: code`
        import express, { type Request, type Response, type NextFunction } from 'express';
        class NoteController {
          async save(request: Request, response: Response, next: NextFunction) {
            return { note: request.body.note };
          }
        }
        const Routes = [{ method: 'post', route: '/notes', controller: NoteController, action: 'save' }];
        const app = express();
        Routes.forEach((route) => {
          (app as any)[route.method](route.route, (req: Request, res: Response, next: NextFunction) => {
            const result = (new (route.controller as any))[route.action](req, res, next);
            if (result instanceof Promise) result.then((value) => res.send(value));
            else res.json(result);
          });
        });
        app.listen(3000);
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/notes', app: 'app', input: 'request.body' }, line: 4 }],
    },
    // session 20 (4): the other forms of the TypeORM samples' handler run the action too: its promise's \`.then(...)
    // .catch(next)\` chained on the call (TS), the instance kept in a \`const\` first (CommonJS), \`await ...(req, res)
    // .catch(next)\` (ESM)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        class NoteController {
          async save(request: Request, response: Response, next: Function) {
            return { note: request.body.note };
          }
        }
        const Routes = [{ method: 'post', route: '/notes', controller: NoteController, action: 'save' }];
        const app = express();
        Routes.forEach((route) => {
          (app as any)[route.method](route.route, (req: Request, res: Response, next: Function) => {
            new (route.controller as any)()[route.action](req, res, next)
              .then((result: unknown) => (result !== null && result !== undefined ? res.send(result) : undefined))
              .catch(next);
          });
        });
        app.listen(3000);
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/notes', app: 'app', input: 'request.body' }, line: 4 }],
    },
    {
      code: code`
        const express = require('express');
        class NoteController {
          async save(request, response, next) {
            return { note: request.body.note };
          }
        }
        const Routes = [{ method: 'post', route: '/notes', controller: NoteController, action: 'save' }];
        const app = express();
        Routes.forEach((route) => {
          app[route.method](route.route, async (req, res, next) => {
            const instance = new route.controller();
            return await instance[route.action](req, res, next);
          });
        });
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/notes', app: 'app', input: 'request.body' }, line: 4 }],
    },
    {
      code: code`
        import express from 'express';
        class NoteController {
          async save(request, response) {
            return { note: request.body.note };
          }
        }
        const Routes = [{ method: 'post', route: '/notes', controller: NoteController, action: 'save' }];
        const app = express();
        Routes.forEach((route) => {
          app[route.method](route.route, async (req, res, next) => {
            const result = await new route.controller()[route.action](req, res).catch(next);
            if (result !== undefined) res.send(result);
          });
        });
        app.listen(3000);
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/notes', app: 'app', input: 'request.body' }, line: 4 }],
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        const routes = [
          { method: 'put', path: '/notes/:id', handler: (q, s) => s.json(save(q.params.id, q.body)) },
        ];
        for (const { method, path, handler } of routes) app[method](path, handler);
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'unvalidated', data: { method: 'PUT', path: '/notes/:id', app: 'app', input: 'q.params' }, line: 4 }],
    },
  ],
});

// Trial 31 (c): a `typeof` of a field hands the code only the name of its type, no text of the client's: alone it is no
// use (`{ queued: typeof req.body.email === 'string' }`). It validates the field only where it rejects before the use
// (`if (typeof x !== 'string') return …`, `typeof x === 'string' && use(x)`); a `typeof` test that does not exit checks
// nothing, and a later read is still a use.
runRuleTests('require-input-validation (typeof)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const router = express.Router();
        router.post('/forgot-password', (req, res) => {
          res.json({ queued: typeof req.body.email === 'string' });
        });
        module.exports = router;
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      app.post('/forgot-password', (req, res) => {
        if (typeof req.body.email !== 'string') return res.status(400).end();
        res.json(queueReset(req.body.email));
      });
      app.get('/search', (req, res) => res.json(typeof req.query.q === 'string' && search(req.query.q)));
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/kind', (req: Request, res: Response) => {
          const kind = typeof req.query.q;
          res.json({ kind, array: typeof req.query.ids === 'object' });
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
        app.post('/forgot-password', (req, res) => {
          const queued = typeof req.body.email === 'string';
          res.json({ queued, id: queueReset(req.body.email) });
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/forgot-password', app: 'app', input: 'req.body' }, line: 4 }],
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/forgot-password', (req, res) => {
          if (typeof req.body.email === 'string') console.log('string');
          res.json(queueReset(req.body.email));
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/forgot-password', app: 'app', input: 'req.body' }, line: 4 }],
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.post('/forgot-password', (req: Request, res: Response) => {
          if (typeof req.body.email !== 'string') res.status(400);
          res.json(queueReset(req.body.email));
        });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/forgot-password', app: 'app', input: 'req.body' }, line: 4 }],
    },
  ],
});

// Trial 31 (e): a param callback of the route's own router or app (`users.param('userId', …)`) runs before every
// route of that router whose path holds `:userId` (registered before or after the route); when it rejects a value its
// check does not pass before `next()`, the route's `req.params.userId` is validated. Not: a callback that only loads,
// one that checks without rejecting, one whose `next` is passed on, the app's callback for a router's route (Express
// does not inherit them), another parameter of the route.
runRuleTests('require-input-validation (param callbacks)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const users = express.Router();
        users.get('/:userId', (req, res) => {
          res.json(findUser(Number(req.params.userId)));
        });
        users.param('userId', (req, res, next, id) => {
          if (!/^[0-9]+$/.test(id)) return res.sendStatus(400);
          next();
        });
        module.exports = users;
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import { ObjectId } from 'mongodb';
      const app = express();
      app.param(['id', 'page'], function (req, res, next, value) {
        return ObjectId.isValid(value) ? next() : next(new Error('bad parameter'));
      });
      app.get('/items/:id', (req, res) => res.json(findItem(req.params.id)));
      app.get('/items/:id/pages/:page', (req, res) => res.json(findPage(req.params.id, req.params.page)));
    `,
    {
      code: code`
        import { Router, type NextFunction, type Request, type Response } from 'express';
        import { validateSlug } from './checks';
        export const docs = Router();
        function checkId(req: Request, res: Response, next: NextFunction, id: string) {
          if (typeof req.params.id !== 'string' || req.params.id.length !== 36) {
            res.status(400).end();
            return;
          }
          next();
        }
        docs.param('id', checkId);
        docs.param('slug', validateSlug);
        docs.get('/:id', (req: Request, res: Response) => {
          const { id } = req.params;
          res.json(findDoc(id));
        });
        docs.get('/by-slug/:slug', (req: Request, res: Response) => res.json(findBySlug(req.params.slug)));
      `,
      filename: 'docs.ts',
    },
  ],
  invalid: [
    {
      code: code`
        const express = require('express');
        const users = express.Router();
        users.param('userId', async (req, res, next, id) => {
          req.user = await User.findById(id);
          if (!req.user) return res.sendStatus(404);
          next();
        });
        users.param('postId', (req, res, next, id) => {
          if (!/^[0-9]+$/.test(id)) console.warn('odd post id', id);
          next();
        });
        users.get('/:userId', (req, res) => res.json(profileOf(req.params.userId)));
        users.get('/:userId/posts/:postId', (req, res) => res.json(findPost(req.params.postId)));
        module.exports = users;
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unvalidated', data: { method: 'GET', path: '/:userId', app: 'users', input: 'req.params' }, line: 12 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/:userId/posts/:postId', app: 'users', input: 'req.params' }, line: 13 },
      ],
    },
    {
      code: code`
        import express from 'express';
        import { loadItem } from './items';
        const app = express();
        const router = express.Router();
        app.param('id', (req, res, next, id) => (/^[0-9]+$/.test(id) ? next() : res.sendStatus(400)));
        router.param('id', loadItem);
        router.param('slug', (req, res, next, slug) => {
          if (!/^[a-z-]+$/.test(slug)) return res.sendStatus(400);
          Page.exists(slug).then(() => next()).catch(next);
        });
        router.get('/:id', (req, res) => res.json(findItem(req.params.id)));
        router.get('/pages/:slug', (req, res) => res.json(findPage(req.params.slug)));
        app.get('/things/:id/:other', (req, res) => res.json(findThing(req.params.id, req.params.other)));
        app.use('/items', router);
      `,
      errors: [
        { messageId: 'unvalidated', data: { method: 'GET', path: '/items/:id', app: 'router', input: 'req.params' }, line: 11 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/items/pages/:slug', app: 'router', input: 'req.params' }, line: 12 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/things/:id/:other', app: 'app', input: 'req.params' }, line: 13 },
      ],
    },
    {
      code: code`
        import { Router, type NextFunction, type Request, type Response } from 'express';
        export const docs = Router();
        docs.param('id', (req: Request, res: Response, next: NextFunction, id: string) => {
          if (id.length !== 36) next(new Error('bad id'));
          next();
        });
        docs.get('/:id', (req: Request, res: Response) => res.json(findDoc(req.params.id)));
      `,
      filename: 'docs.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/:id', app: 'docs', input: 'req.params' }, line: 7 }],
    },
  ],
});

// Session 24: a router made with `Router({ mergeParams: true })` reads its parent's parameters; the parent's param
// callback runs for a `use` whose path holds the name (`users.use('/:userId/posts', posts)`), before the mounted
// router, so `req.params.userId` there is checked. Not: a router that does not merge (its `req.params` has no
// `userId`: the parent's check is not its value's), a route whose own path holds the name (the child's value takes
// precedence), a parent whose callback does not reject, a mount path without the name.
runRuleTests('require-input-validation (param callbacks of a mergeParams router\'s parent)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const users = express.Router();
        const posts = express.Router({ mergeParams: true });
        users.param('userId', (req, res, next, id) => {
          if (!/^[0-9]+$/.test(id)) return res.sendStatus(400);
          next();
        });
        posts.get('/', (req, res) => res.json(findPosts(req.params.userId)));
        users.use('/:userId/posts', posts);
        module.exports = users;
      `,
      languageOptions: commonjs,
    },
    code`
      import express, { Router } from 'express';
      const app = express();
      const options = { mergeParams: true };
      const teams = Router(options);
      const members = Router({ mergeParams: true });
      app.param('orgId', (req, res, next, id) => (/^[0-9]+$/.test(id) ? next() : res.sendStatus(400)));
      members.get('/', (req, res) => res.json(findMembers(req.params.orgId)));
      teams.use('/members', members);
      app.use('/orgs/:orgId/teams', teams);
    `,
    {
      code: code`
        import { Router, type NextFunction, type Request, type Response } from 'express';
        const users = Router();
        const posts = Router({ mergeParams: true });
        users.param('userId', (req: Request, res: Response, next: NextFunction, id: string) => {
          if (!/^[0-9]+$/.test(id)) return res.sendStatus(400);
          next();
        });
        posts.get('/', (req: Request, res: Response) => res.json(findPosts(req.params.userId)));
        users.use('/:userId/posts', posts);
        export default users;
      `,
      filename: 'users.ts',
    },
  ],
  invalid: [
    {
      code: code`
        const express = require('express');
        const users = express.Router();
        const posts = express.Router({ mergeParams: true });
        const likes = express.Router();
        const tags = express.Router({ mergeParams: true });
        users.param('userId', (req, res, next, id) => {
          if (!/^[0-9]+$/.test(id)) return res.sendStatus(400);
          next();
        });
        posts.get('/by/:userId', (req, res) => res.json(findPosts(req.params.userId)));
        likes.get('/', (req, res) => res.json(findLikes(req.params.userId)));
        tags.get('/', (req, res) => res.json(findTags(req.params.userId)));
        users.use('/:userId/posts', posts);
        users.use('/:userId/likes', likes);
        users.use('/tags', tags);
        module.exports = users;
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unvalidated', data: { method: 'GET', path: '/:userId/posts/by/:userId', app: 'posts', input: 'req.params' }, line: 10 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/:userId/likes', app: 'likes', input: 'req.params' }, line: 11 },
        { messageId: 'unvalidated', data: { method: 'GET', path: '/tags', app: 'tags', input: 'req.params' }, line: 12 },
      ],
    },
    {
      code: code`
        import express, { Router } from 'express';
        const app = express();
        const members = Router({ mergeParams: true });
        app.param('orgId', async (req, res, next, id) => {
          req.org = await Org.findById(id);
          next();
        });
        members.get('/', (req, res) => res.json(findMembers(req.params.orgId)));
        app.use('/orgs/:orgId/members', members);
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/orgs/:orgId/members', app: 'members', input: 'req.params' }, line: 8 }],
    },
    {
      code: code`
        import { Router, type Request, type Response } from 'express';
        const users = Router();
        const posts = Router({ mergeParams: true });
        posts.get('/', (req: Request, res: Response) => res.json(findPosts(req.params.userId)));
        users.use('/:userId/posts', posts);
        export default users;
      `,
      filename: 'users.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'GET', path: '/:userId/posts', app: 'posts', input: 'req.params' }, line: 4 }],
    },
  ],
});

// Session 24 (verdaccio's @verdaccio/api build): Babel's compiled `query?.key` in a type check, `typeof (query === null ||
// query === void 0 ? void 0 : query.key) !== 'string'` (stars.js:12), and lodash's `_.isString(req.body) === false` on a
// whole body (dist-tags.ts:23) check what they check. Twins: the compiled form over another name, a check that rejects
// the primitive (CommonJS, ESM, TypeScript)
runRuleTests('require-input-validation (compiled optional chains, primitive checks of a whole input)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const _ = require('lodash');
        const app = express();
        app.get('/-/_view/starredByUser', (req, res, next) => {
          const query = req.query;
          if (typeof (query === null || query === void 0 ? void 0 : query.key) !== 'string') return next(new Error('missing key'));
          res.json(find(query.key));
        });
        app.put('/tags', (req, res, next) => {
          if (_.isString(req.body) === false) return next(new Error('version is missing'));
          res.json(tag(req.body));
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import _ from 'lodash';
      const app = express();
      app.get('/search', (req, res, next) => {
        var _req$query;
        const q = req.query;
        if (typeof (q === null || q === void 0 ? void 0 : q.text) !== 'string' || q.text.length > 100) return next(new Error('bad'));
        res.json(search(q.text));
      });
      app.post('/count', (req, res) => {
        if (!_.isNumber(req.body)) return res.sendStatus(400);
        res.json(count(req.body));
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import _ from 'lodash';
        const app = express();
        app.put('/tags', (req: Request, res: Response) => {
          if (!_.isString(req.body)) {
            res.sendStatus(400);
            return;
          }
          res.json(tag(req.body));
        });
      `,
      filename: 'tags.ts',
    },
  ],
  invalid: [
    {
      code: code`
        const express = require('express');
        const _ = require('lodash');
        const app = express();
        app.get('/-/_view/starredByUser', (req, res, next) => {
          const query = req.query;
          const other = {};
          if (typeof (other === null || other === void 0 ? void 0 : query.key) !== 'string') return next(new Error('missing key'));
          res.json(find(query.key));
        });
        app.put('/tags', (req, res, next) => {
          if (_.isString(req.body)) return next(new Error('no strings'));
          res.json(tag(req.body));
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unvalidated', data: { method: 'GET', path: '/-/_view/starredByUser', app: 'app', input: 'req.query' }, line: 5 },
        { messageId: 'unvalidated', data: { method: 'PUT', path: '/tags', app: 'app', input: 'req.body' }, line: 11 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import _ from 'lodash';
        const app = express();
        app.post('/count', (req, res) => {
          if (_.isNumber(req.body) === true) return res.sendStatus(400);
          res.json(count(req.body));
        });
      `,
      errors: [{ messageId: 'unvalidated', data: { method: 'POST', path: '/count', app: 'app', input: 'req.body' }, line: 5 }],
      output: null,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import _ from 'lodash';
        const app = express();
        app.put('/tags', (req: Request, res: Response) => {
          if (_.isString(req.body)) {
            res.sendStatus(400);
            return;
          }
          res.json(tag(req.body));
        });
      `,
      filename: 'tags.ts',
      errors: [{ messageId: 'unvalidated', data: { method: 'PUT', path: '/tags', app: 'app', input: 'req.body' }, line: 5 }],
      output: null,
    },
  ],
});
