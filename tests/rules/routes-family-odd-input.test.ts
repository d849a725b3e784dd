import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';

import { rules } from '../../src/rules';

/** The rules of the routes-and-middleware-order family. */
const FAMILY = [
  'no-error-details-in-response',
  'no-session-on-static',
  'no-unbounded-body',
  'require-csrf-protection',
  'require-input-validation',
  'require-rate-limit',
] as const;

/** Unusual but valid code: none of it may make a rule throw. */
const ODD = [
  `import express from 'express'; const app = express(); app.use(); app.post(); app.route().post(); app.use([]);`,
  `import express from 'express'; const app = express(); const m = 'post'; app[m]('/login', h); app['post']('/signin', ...handlers);`,
  `const name = 'express'; const express = require(name); const app = express(); app.post('/login', (req, res) => res.send(err));`,
  `import express from 'express'; const app = express(); app.post(\`/\${x}/login\`, ({ body: { a } = {} }, res) => res.json(a));`,
  `import express from 'express'; import rateLimit from 'express-rate-limit'; const app = express(); app.use(rateLimit); app.use(rateLimit()()); app.post(/login/, h);`,
  `import express from 'express'; const app = express(); app.use((err, req, res, next) => { res.send({ [err]: err?.stack, ...err }); res.render(); res.json(); });`,
  `import express from 'express'; express.json({ [key]: 1, limit: undefined }); express.json(...args); express.urlencoded({ limit: null }); express.raw({ limit: -Infinity });`,
  `import multer from 'multer'; multer({ limits: null }); multer({ limits: { ...x, fileSize: NaN } }); multer().single('f');`,
  `import express from 'express'; import session from 'express-session'; const app = express(); app.use(session(opts)); app.use(session({ cookie: { sameSite } })); app.delete('/x', h);`,
  `import express, { Router } from 'express'; const r = Router(); const app = express(); app.use('/a', r); app.use('/b', app); r.use(r); r.post('/login', h);`,
  `import express from 'express'; const app = express(); app.get('/', (req, res) => { const C = () => <div>{req.query.x}</div>; res.send(C); });`,
  `import express from 'express'; const app = express(); app.post('/x', async function* (req, res) { try {} catch { res.send(1); } });`,
  // routing-controllers and inversify-express-utils (session 21): bare decorators, odd registrations
  `import { JsonController, Post, Body, QueryParam, UseBefore, Authorized, useExpressServer, createExpressServer } from 'routing-controllers'; @JsonController @Authorized class A { @Post @UseBefore() @Authorized() m(@Body body, @QueryParam() q: number, @QueryParam(key) k: Date) {} } useExpressServer(); useExpressServer(app, opts); useExpressServer(app, { ...o, controllers: [A, ...more], middlewares: [, A], routePrefix: p }); createExpressServer({ controllers: 'x' });`,
  `import { controller, httpPost, requestBody, cookies } from 'inversify-express-utils'; @controller() class B { @httpPost() m(@requestBody() [a]: any, @cookies({}) c) { return a + c; } }`,
];

describe('routes family on unusual input', () => {
  const linter = new Linter();
  for (const name of FAMILY) {
    it(`${name} does not throw`, () => {
      for (const [i, source] of ODD.entries()) {
        const messages = linter.verify(
          source,
          {
            files: ['**/*.tsx'],
            languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
            plugins: { s: { rules: { [name]: rules[name] as never } } },
            rules: { [`s/${name}`]: 'error' },
          },
          `odd-${i}.tsx`,
        );
        expect(messages.filter((m) => m.fatal || m.message.includes('Error while loading'))).toEqual([]);
      }
    });
  }
});
