import rule from '../../src/rules/require-https';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('require-https', rule, {
  valid: [
    // A server kept in a variable and listened on once, on the machine itself (trial 15): CommonJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const http = require('http');
        const app = express();
        const server = http.createServer(app);
        server.listen(3000, '127.0.0.1');
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import http from 'node:http';
      const app = express();
      const server = http.createServer(app);
      server.listen({ port: 3000, host: 'localhost' });
    `,
    {
      code: code`
        import express from 'express';
        import { createServer } from 'node:http';
        const app = express();
        const server = createServer(app);
        server.listen(Number(process.env.PORT), '::1');
      `,
      filename: 'server.ts',
    },
    // Listening only on the machine itself: a local proxy in front terminates TLS (the reverse-proxy setup; trial 9)
    {
      code: code`
        const express = require('express');
        const http = require('http');
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000, '127.0.0.1');
        http.createServer(app).listen(3001, 'localhost');
      `,
      languageOptions: commonjs,
    },
    {
      code: code`
        import express from 'express';
        const HOST = '::1';
        const app = express();
        app.listen({ port: 3000, host: 'localhost' });
        app.listen(3001, HOST);
        const local = { host: '127.0.0.1' };
        app.listen({ ...local, port: 3002 });
      `,
    },
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/', (req: Request, res: Response) => res.send('hi'));
        app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('up'));
      `,
    },
    // seeds/002's HTTPS example, as written
    { code: code`
        const https = require('https');
        const fs = require('fs');
        const express = require('express');
        const app = express();

        const options = {
          key: fs.readFileSync('private-key.pem'),
          cert: fs.readFileSync('certificate.pem')
        };

        https.createServer(options, app).listen(443);
      `, languageOptions: commonjs },
    // behind a TLS-terminating proxy (seeds 000, 001, 004)
    code`
      import express from 'express';
      const app = express();
      app.set('trust proxy', 1);
      app.listen(3000);
    `,
    // HSTS from helmet (on unless turned off), or helmet.hsts
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use(helmet());
      app.listen(3000);
    `,
    code`
      import express from 'express';
      import { hsts } from 'helmet';
      const app = express();
      app.use(hsts({ maxAge: 31536000 }));
      app.listen(3000);
    `,
    // an HTTP server next to the HTTPS one (redirects), or a hand-written redirect
    code`
      import express from 'express';
      import http from 'node:http';
      import https from 'node:https';
      const app = express();
      https.createServer({ key, cert }, app).listen(443);
      http.createServer((req, res) => { res.writeHead(301, { Location: 'https://' + req.headers.host + req.url }); res.end(); }).listen(80);
    `,
    code`
      import express from 'express';
      const app = express();
      app.use((req, res, next) => (req.get('x-forwarded-proto') === 'https' ? next() : res.redirect('https://' + req.hostname + req.url)));
      app.listen(process.env.PORT);
    `,
    code`
      import express from 'express';
      import enforce from 'express-sslify';
      const app = express();
      app.use(enforce.HTTPS({ trustProtoHeader: true }));
      app.listen(3000);
    `,
    // not served in this file
    code`
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => res.send('ok'));
      export default app;
    `,
    // an https server of an awaited import() in the file: TLS is handled (trial 14)
    {
      code: code`
        const express = require('express');
        const app = express();
        async function run(tls) {
          if (tls) (await import('node:https')).createServer(tls, app).listen(443);
          else app.listen(3000);
        }
        run();
      `,
      languageOptions: commonjs,
    },
    // a router is not served by itself
    code`
      import { Router } from 'express';
      const router = Router();
      router.listen?.(3000);
    `,
  ],
  invalid: [
    // ... on every interface, or listened on twice: served over plain HTTP
    {
      code: code`
        const express = require('express');
        const http = require('http');
        const app = express();
        const server = http.createServer(app);
        server.listen(3000);
        const local = http.createServer(app);
        local.listen(3001, '127.0.0.1');
        local.listen(3002);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'plainHttp', data: { name: 'app', how: 'http.createServer' }, line: 4 },
      ],
    },
    // served over an awaited import() of Node's http: the module, as a static import gives it (trial 14)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        const app = express();
        app.get('/', (_req: Request, res: Response) => res.send('hi'));
        export async function start(): Promise<void> {
          const http = await import('node:http');
          http.createServer(app).listen(80);
        }
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'plainHttp', data: { name: 'app', how: 'http.createServer' }, line: 6 }],
    },
    // Any other host (or none) is reachable from the network; one loopback listen does not hide another
    {
      code: code`
        import express from 'express';
        const app = express();
        app.listen(3000, '0.0.0.0');
      `,
      errors: [{ messageId: 'plainHttp', data: { name: 'app', how: 'app.listen()' }, line: 3 }],
    },
    {
      code: code`
        const express = require('express');
        const http = require('http');
        const app = express();
        app.listen(3000, '127.0.0.1');
        http.createServer(app).listen(process.env.PORT, process.env.HOST);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'plainHttp', data: { name: 'app', how: 'http.createServer' }, line: 5 }],
    },
    // a settings read keeps the app in the file
    {
      code: code`
        import express from 'express';
        const app = express();
        const port = app.get('port');
        app.listen(port);
      `,
      errors: [{ messageId: 'plainHttp', data: { name: 'app', how: 'app.listen()' }, line: 4 }],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'plainHttp', data: { name: 'app', how: 'app.listen()' }, line: 4, column: 1 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import { createServer } from 'node:http';
        const server = express();
        createServer(server).listen(8080);
      `,
      errors: [{ messageId: 'plainHttp', data: { name: 'server', how: 'http.createServer' }, line: 4, column: 1 }],
      output: null,
    },
    // helmet told not to send HSTS is no sign of TLS
    {
      code: code`
        import express = require('express');
        import helmet = require('helmet');
        const app: express.Express = express();
        app.use(helmet({ hsts: false }));
        app.listen(Number(process.env.PORT), () => console.log('up'));
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'plainHttp', line: 5 }],
      output: null,
    },
    // regression: 'trust proxy' set to false trusts no proxy, so it shows no TLS in front of the app (CommonJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.set('trust proxy', false);
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'plainHttp', data: { name: 'app', how: 'app.listen()' }, line: 4 }],
      output: null,
    },
    // 'trust proxy' on another app says nothing about this one
    {
      code: code`
        import * as e from 'express';
        const api = e.default();
        const admin = e.default();
        api.set('trust proxy', 1);
        api.listen(3000);
        admin.listen(3001);
      `,
      errors: [{ messageId: 'plainHttp', data: { name: 'admin', how: 'admin.listen()' }, line: 6 }],
      output: null,
    },
  ],
});
