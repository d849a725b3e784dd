import rule from '../../src/rules/no-permissive-cors';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { inPlainPackage } from '../helpers/packages';

runRuleTests('no-permissive-cors', rule, {
  valid: [
    // trial 27: routing-controllers' `cors` option with listed origins, `cors: true` (cors()'s defaults: no credentials);
    // a `cors` option of another package's function is not read
    code`
      import { createExpressServer, useExpressServer } from 'routing-controllers';
      import express from 'express';
      import { other } from 'other-server';
      const a = createExpressServer({ controllers: [], cors: { origin: ['https://app.example.com'], credentials: true } });
      const b = createExpressServer({ cors: true });
      useExpressServer(express(), { cors: { origin: 'https://app.example.com', credentials: true } });
      other({ cors: { origin: true, credentials: true } });
      a.listen(3000);
      b.listen(3001);
    `,
    // An options object that spreads itself: unknown, never a stack overflow (trial 15)
    {
      code: code`
        const express = require('express');
        const cors = require('cors');
        const app = express();
        var corsOptions = { ...corsOptions, origin: 'https://example.com' };
        app.use(cors(corsOptions));
      `,
      languageOptions: commonjs,
    },
    // a middleware shaped like Express's outside Express (file and package): not a request handler
    {
      code: code`
        module.exports = (req, res, next) => {
          res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
          res.setHeader('Access-Control-Allow-Credentials', 'true');
          next();
        };
      `,
      languageOptions: commonjs,
      filename: inPlainPackage('cors.js'),
    },
    // Node's own server that checks the origin against an allow list first
    code`
      import http from 'node:http';
      const ALLOWED = new Set(['https://app.example.com']);
      http.createServer((req, res) => {
        if (ALLOWED.has(req.headers.origin)) {
          res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
          res.setHeader('Access-Control-Allow-Credentials', 'true');
        }
        res.end();
      });
    `,
    { code: code`
        const express = require('express');
        const cors = require('cors');
        const app = express();
        app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
      `, languageOptions: commonjs },
    // a public API: every origin, no credentials
    code`
      import cors from 'cors';
      app.use(cors());
      app.use(cors({ origin: '*' }));
      app.use(cors({ origin: true, credentials: false }));
    `,
    // an origin callback that checks
    code`
      import cors from 'cors';
      const allowed = new Set(['https://app.example.com']);
      app.use(cors({
        credentials: true,
        origin(origin, callback) {
          if (!origin || allowed.has(origin)) callback(null, true);
          else callback(new Error('Not allowed by CORS'));
        },
      }));
      app.use(cors({ credentials: true, origin: (origin, cb) => cb(null, allowed.has(origin)) }));
      app.use(cors({ credentials: true, origin: /\\.example\\.com$/ }));
    `,
    // unknown options, a delegate function
    code`
      import cors from 'cors';
      app.use(cors(corsOptions));
      app.use(cors({ ...base, credentials: true }));
      app.use(cors((req, callback) => callback(null, { origin: true, credentials: true })));
    `,
    // a reflected origin checked against an allow-list
    code`
      import express from 'express';
      const app = express();
      app.use((req, res, next) => {
        const origin = req.headers.origin;
        if (allowed.includes(origin)) {
          res.setHeader('Access-Control-Allow-Origin', origin);
        }
        res.setHeader('Access-Control-Allow-Credentials', 'true');
        next();
      });
    `,
    // a reflected origin without credentials
    code`
      import express from 'express';
      const app = express();
      app.use((req, res, next) => {
        res.set('Access-Control-Allow-Origin', req.get('origin'));
        next();
      });
    `,
    // not a response
    code`
      const headers = new Map();
      headers.set('Access-Control-Allow-Origin', request.headers.origin);
      headers.set('Access-Control-Allow-Credentials', 'true');
    `,
    // the 'null' origin without credentials reads nothing private
    code`
      import express from 'express';
      const app = express();
      app.get('/public', (req, res) => res.set('Access-Control-Allow-Origin', 'null').json({}));
    `,
    // session 25: a per-environment pick the file writes, no choice of which allows every origin; a table of another
    // file (not shown); a table the file writes to (one entry changed later: unknown); a key the code fixes
    {
      code: code`
        const express = require('express');
        const cors = require('cors');
        const { allowed } = require('./config');
        const origins = { development: 'http://localhost:3000', production: ['https://app.example.com'] };
        const loose = { development: true, production: 'https://app.example.com' };
        loose.production = true;
        const isProd = process.env.NODE_ENV === 'production';
        const app = express();
        app.use(cors({ origin: origins[process.env.NODE_ENV], credentials: true }));
        app.use(cors({ origin: isProd ? /\.example\.com$/ : 'http://localhost:3000', credentials: true }));
        app.use(cors({ origin: allowed[process.env.NODE_ENV], credentials: true }));
        app.use(cors({ origin: loose[process.env.NODE_ENV], credentials: true }));
        app.use(cors({ origin: origins[process.env.NODE_ENV] }));
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import cors from 'cors';
        import express from 'express';
        const origins = { development: 'http://localhost:3000', production: 'https://app.example.com' } as const;
        const app = express();
        app.use(cors({ origin: origins[process.env.NODE_ENV as keyof typeof origins], credentials: true }));
        app.use(cors({ origin: process.env.NODE_ENV === 'production' ? 'https://app.example.com' : 'http://localhost:3000', credentials: true }));
      `,
      filename: 'src/app.ts',
    },
    // session 26: an origin a let holds: no value it may hold allows every origin, a value the model cannot read (the
    // environment, a let a nested function writes), or true overwritten before the read
    {
      code: code`
        const express = require('express');
        const cors = require('cors');
        const app = express();
        const isProd = process.env.NODE_ENV === 'production';
        let origin = 'http://localhost:3000';
        if (isProd) origin = 'https://example.com';
        app.use(cors({ origin, credentials: true }));
        let fromEnv = process.env.CORS_ORIGIN;
        if (!fromEnv) fromEnv = isProd ? 'https://example.com' : process.env.DEV_ORIGIN;
        app.use(cors({ origin: fromEnv, credentials: true }));
      `,
      languageOptions: commonjs,
    },
    code`
      import cors from 'cors';
      import express from 'express';
      const app = express();
      let origin = true;
      origin = ['https://app.example.com'];
      app.use(cors({ origin, credentials: true }));
      let reloaded = 'https://app.example.com';
      process.on('SIGHUP', () => {
        reloaded = true;
      });
      app.use(cors({ origin: reloaded, credentials: true }));
      let open = true;
      if (process.env.CORS_OPEN) open = /.*/;
      app.use(cors({ origin: open }));
    `,
    {
      code: code`
        import cors from 'cors';
        import express from 'express';
        const origins = { development: 'http://localhost:3000', production: 'https://app.example.com' } as const;
        export function start(isProd: boolean): void {
          const app = express();
          let origin: string | RegExp = origins[process.env.NODE_ENV as keyof typeof origins];
          if (isProd) origin = /\.example\.com$/;
          app.use(cors({ origin, credentials: true }));
          var other: string | boolean | undefined;
          other = process.env.CORS_ORIGIN;
          app.use(cors({ origin: other, credentials: true }));
        }
      `,
      filename: 'src/app.ts',
    },
  ],
  invalid: [
    // session 26: an origin a let holds, true (or '*', a match-all regex) unless a condition overwrites it: the write
    // named; a let holding a per-environment pick or a condition: the way named
    {
      code: code`
        const express = require('express');
        const cors = require('cors');
        const app = express();
        const isProd = process.env.NODE_ENV === 'production';
        let origin = true;
        if (isProd) origin = 'https://example.com';
        app.use(cors({ origin, credentials: true }));
        let wildcard = '*';
        if (isProd) wildcard = 'https://example.com';
        app.use(cors({ credentials: true, origin: wildcard }));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin', from: ", one of the values 'origin' may hold (line 5)", credentialsFrom: '' }, line: 7, column: 16 },
        { messageId: 'wildcardWithCredentials', data: { how: "origin: '*'", from: ", one of the values 'wildcard' may hold (line 8)", credentialsFrom: '' }, line: 10, column: 35 },
      ],
      output: null,
    },
    {
      code: code`
        import cors from 'cors';
        import express from 'express';
        const app = express();
        const origins = { development: true, production: 'https://app.example.com' };
        let origin = origins[process.env.NODE_ENV];
        if (process.env.CORS_ORIGIN) origin = process.env.CORS_ORIGIN;
        app.use(cors({ origin, credentials: true }));
        let open = 'https://app.example.com';
        if (process.env.NODE_ENV !== 'production') open = /.*/;
        else if (process.env.PREVIEW) open = true;
        app.use(cors({ origin: open, credentials: true }));
      `,
      errors: [
        { messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin', from: ", one of the values 'origin' may hold (line 5), in environment 'development' of 'origins'", credentialsFrom: '' }, line: 7, column: 16 },
        { messageId: 'reflectsAnyOrigin', data: { how: 'origin: /.*/ or origin: true reflects the request origin', from: ", some of the values 'open' may hold (lines 9 and 10)", credentialsFrom: '' }, line: 11, column: 16 },
      ],
      output: null,
    },
    {
      code: code`
        import cors from 'cors';
        import express, { type Express } from 'express';
        export function configure(app: Express, isProd: boolean): void {
          var origin: boolean | string = isProd ? 'https://example.com' : true;
          if (process.env.CORS_ORIGIN) origin = process.env.CORS_ORIGIN;
          app.use(cors({ origin: origin as string, credentials: true }));
        }
      `,
      filename: 'src/app.ts',
      errors: [
        { messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin', from: ", one of the values 'origin' may hold (line 4), when 'isProd' is false", credentialsFrom: '' }, line: 6, column: 18 },
      ],
      output: null,
    },
    // an exported middleware (by shape), a typed TS handler and Node's own server
    {
      code: code`
        const express = require('express');
        module.exports = (req, res, next) => {
          res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
          res.setHeader('Access-Control-Allow-Credentials', 'true');
          next();
        };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'reflectedHeader', line: 3 }],
      output: null,
    },
    {
      code: code`
        import type { Request, Response, NextFunction } from 'express';
        export function cors(r: Request, w: Response, next: NextFunction) {
          w.set({ 'Access-Control-Allow-Origin': r.get('origin'), 'Access-Control-Allow-Credentials': 'true' });
          next();
        }
      `,
      filename: 'cors.ts',
      errors: [{ messageId: 'reflectedHeader', line: 3 }],
      output: null,
    },
    {
      code: code`
        import http from 'node:http';
        http.createServer((req, res) => {
          res.setHeader('Access-Control-Allow-Origin', 'null');
          res.setHeader('Access-Control-Allow-Credentials', 'true');
          res.end();
        });
      `,
      errors: [{ messageId: 'nullOrigin', line: 3 }],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const cors = require('cors');
        const app = express();
        app.use(cors({ origin: true, credentials: true }));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin', from: '', credentialsFrom: '' }, line: 4, column: 16 }],
      output: null,
    },
    // trial 27: routing-controllers hands its `cors` option to cors(): createExpressServer (TS, a const of options) and
    // useExpressServer (CJS, inline); the file names no `cors` package
    {
      code: code`
        import { createExpressServer } from 'routing-controllers';
        import { UserController } from './controllers/UserController';
        const corsOptions = { origin: true, credentials: true };
        const app = createExpressServer({ controllers: [UserController], cors: corsOptions });
        app.listen(3000);
      `,
      filename: 'src/server.ts',
      errors: [{ messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin', from: '', credentialsFrom: '' }, line: 3, column: 23 }],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const { useExpressServer } = require('routing-controllers');
        const app = express();
        useExpressServer(app, { controllers: [__dirname + '/controllers/*.js'], cors: { origin: '*', credentials: true } });
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'wildcardWithCredentials', data: { how: "origin: '*'", from: '', credentialsFrom: '' }, line: 4, column: 81 }],
      output: null,
    },
    // '*' and the default origin with credentials; cors under another name; a const
    {
      code: code`
        import allowCors from 'cors';
        const corsOptions = { origin: '*', credentials: true };
        app.use(allowCors(corsOptions));
        router.options('*', allowCors({ credentials: true }));
      `,
      errors: [
        { messageId: 'wildcardWithCredentials', data: { how: "origin: '*'", from: '', credentialsFrom: '' }, line: 2, column: 23 },
        { messageId: 'wildcardWithCredentials', data: { how: "no 'origin', so '*'", from: '', credentialsFrom: '' }, line: 4, column: 21 },
      ],
      output: null,
    },
    // an origin callback that accepts everything; a match-all regex; TS
    {
      code: code`
        import cors = require('cors');
        app.use(cors({ credentials: true, origin: (origin: string | undefined, callback: Function) => callback(null, true) }));
        app.use(cors({ credentials: true, origin(origin, cb) { cb(null, origin); } }));
        app.use(cors({ credentials: true, origin: /.*/ }));
      `,
      filename: 'server.ts',
      errors: [
        { messageId: 'reflectsAnyOrigin', data: { how: 'an origin callback that accepts every origin', from: '', credentialsFrom: '' }, line: 2 },
        { messageId: 'reflectsAnyOrigin', data: { how: 'an origin callback that accepts every origin', from: '', credentialsFrom: '' }, line: 3 },
        { messageId: 'reflectsAnyOrigin', data: { how: 'origin: /.*/', from: '', credentialsFrom: '' }, line: 4 },
      ],
      output: null,
    },
    // a later write turns credentials on
    {
      code: code`
        import cors from 'cors';
        const options = { origin: true };
        options.credentials = true;
        export default cors(options);
      `,
      errors: [{ messageId: 'reflectsAnyOrigin', line: 2, column: 19 }],
      output: null,
    },
    // the headers by hand, in a middleware and a router's route
    {
      code: code`
        import express, { Router } from 'express';
        const app = express();
        app.use((req, res, next) => {
          res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
          res.setHeader('Access-Control-Allow-Credentials', 'true');
          next();
        });
        const router = Router();
        router.get('/me', (request, response) => {
          const origin = request.header('Origin');
          response.set({ 'Access-Control-Allow-Origin': origin || '*', 'Access-Control-Allow-Credentials': true });
          response.json({});
        });
        app.use(router);
      `,
      errors: [
        { messageId: 'reflectedHeader', line: 4, column: 3 },
        { messageId: 'reflectedHeader', line: 11, column: 3 },
      ],
      output: null,
    },
    // the 'null' origin with credentials: sandboxed iframes of any site send it
    {
      code: code`
        import express from 'express';
        const app = express();
        app.use((req, res, next) => {
          res.set('Access-Control-Allow-Origin', 'null');
          res.set('Access-Control-Allow-Credentials', 'true');
          next();
        });
      `,
      errors: [{ messageId: 'nullOrigin', line: 4, column: 3 }],
      output: null,
    },
    // session 25: an origin the file picks per environment, read per environment: the table's entries (a const picked
    // whole too) and a condition's branches that allow every origin are named
    {
      code: code`
        const express = require('express');
        const cors = require('cors');
        const origins = { development: true, test: /.*/, production: 'https://app.example.com' };
        const isProd = process.env.NODE_ENV === 'production';
        const app = express();
        app.use(cors({ origin: origins[process.env.NODE_ENV], credentials: true }));
        app.use(cors({ origin: isProd ? /\.example\.com$/ : true, credentials: true }));
        const picked = origins[process.env.NODE_ENV || 'development'];
        app.use(cors({ credentials: true, origin: picked }));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin or origin: /.*/', from: ", in environments 'development' and 'test' of 'origins'", credentialsFrom: '' }, line: 6, column: 16 },
        { messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin', from: ", when 'isProd' is false", credentialsFrom: '' }, line: 7, column: 16 },
        { messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin or origin: /.*/', from: ", in environments 'development' and 'test' of 'origins'", credentialsFrom: '' }, line: 9, column: 35 },
      ],
      output: null,
    },
    {
      code: code`
        import cors from 'cors';
        import express from 'express';
        const app = express();
        const origins = { development: '*', production: '*' };
        app.use(cors({ origin: origins[process.env.NODE_ENV], credentials: true }));
        app.use(cors({ origin: process.env.NODE_ENV === 'production' ? true : /.*/, credentials: true }));
      `,
      errors: [
        { messageId: 'wildcardWithCredentials', data: { how: "origin: '*'", from: ", in every environment of 'origins'", credentialsFrom: '' }, line: 5, column: 16 },
        { messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin or origin: /.*/', from: ", whether 'process.env.NODE_ENV === 'production'' is true or false", credentialsFrom: '' }, line: 6, column: 16 },
      ],
      output: null,
    },
    {
      code: code`
        import cors from 'cors';
        import express from 'express';
        const origins = { development: true, production: 'https://app.example.com' } as const;
        const app = express();
        app.use(cors({ origin: origins[process.env.NODE_ENV as keyof typeof origins], credentials: true }));
      `,
      filename: 'src/app.ts',
      errors: [{ messageId: 'reflectsAnyOrigin', data: { how: 'origin: true reflects the request origin', from: ", in environment 'development' of 'origins'", credentialsFrom: '' }, line: 5, column: 16 }],
      output: null,
    },
  ],
});
