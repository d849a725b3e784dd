import rule from '../../src/rules/disable-x-powered-by';
import {
  HELMET,
  arrowRoutesInConfigThenGuard,
  arrowRoutesThenGuard,
  arrowRoutesThenGuardTs,
  guardFirstClassApps,
  routesInConfigThenGuardTs,
} from '../helpers/class-apps';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('disable-x-powered-by', rule, {
  valid: [
    // Class apps (session 10) that mount helmet, which removes the header, before the route: the constructor runs
    // arrow-function fields in its order, and a method called from a method the constructor runs runs where that call
    // is (TS, ESM)
    ...guardFirstClassApps(HELMET),
    // helmet (which removes the header) mounted through a loop: the value may be helmet (trial 11)
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        for (const m of [helmet()]) app.use(m);
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // Settings copied onto the app in a loop over an object whose keys the code builds (session 22, Node-RED's
    // red.js): `app.set(key, value)` with a key the code does not show may be 'x-powered-by' (CJS)
    {
      code: code`
        const express = require('express');
        const app = express();
        const chosen = Object.assign({}, { 'x-powered-by': false }, config.serverOptions || {});
        for (const name in chosen) {
          app.set(name, chosen[name]);
        }
        app.get('/', (req, res) => res.send('ok'));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // The same with `disable` of a name the code does not show, in a module (ESM), and a `const` key
    {
      code: code`
        import express from 'express';
        const app = express();
        for (const flag of config.offFlags) app.disable(flag);
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express from 'express';
        const HEADER_SETTING = 'x-powered-by';
        const app = express();
        app.disable(HEADER_SETTING);
        app.listen(3000);
      `,
    },
    // An app kept on a class instance: disabled in a method the constructor calls
    {
      code: code`
        const express = require('express');
        class Server {
          constructor() {
            this.app = express();
            this.configure();
          }
          configure() {
            this.app.disable('x-powered-by');
          }
        }
        new Server().app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // The class hands its instance out (`this` passed on): what is done to the app is unknown
    {
      code: code`
        import express from 'express';
        class Server {
          constructor() {
            this.app = express();
            plugins.install(this);
          }
        }
        new Server().app.listen(3000);
      `,
    },
    // The methods run in another order than written (routes() before security()): the chains are unknown
    {
      code: code`
        import express, { type Application } from 'express';
        class Server {
          private readonly app: Application;
          constructor() {
            this.app = express();
            this.routes();
            this.security();
          }
          private security(): void {
            this.app.disable('x-powered-by');
          }
          private routes(): void {
            this.app.get('/', (req, res) => res.send('hi'));
          }
        }
        new Server();
      `,
    },
    // An exported class: its importers may configure the app
    {
      code: code`
        import express from 'express';
        export class Server {
          app = express();
        }
      `,
    },
    // helmet after a route, but the setting is read on every request: disable() anywhere at load counts
    { code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
        app.use(helmet());
        app.disable('x-powered-by');
      `, languageOptions: commonjs },
    // helmet after plain middleware only (parsers, static files): it runs before every route
    code`
      import express from 'express';
      import { xPoweredBy } from 'helmet';
      const app = express();
      app.use(express.json(), express.static('public'));
      app.use(xPoweredBy());
      app.post('/items', (req, res) => res.json(req.body));
    `,
    { code: code`
        const express = require('express');
        const app = express();
        app.disable('x-powered-by');
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      const app = express();
      app.set('x-powered-by', false);
    `,
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use(helmet());
    `,
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use(helmet({ contentSecurityPolicy: false }));
    `,
    // per-header middlewares: the standalone one that hides the header
    code`
      import express from 'express';
      import helmet from 'helmet';
      const app = express();
      app.use(helmet.hidePoweredBy());
    `,
    code`
      import express from 'express';
      import { xPoweredBy } from 'helmet';
      const app = express();
      app.use(xPoweredBy());
    `,
    // helmet through a const and an array
    code`
      import express from 'express';
      import helmet from 'helmet';
      const security = helmet();
      const app = express();
      app.use([security]);
    `,
    // real23: a compiled `await import()` of a module of the package is left out, as `await import('./dev.js')` is
    // (following it would read that file): the app handed to its function leaves; a promise not awaited is not followed
    { code: code`
        const express_1 = __importDefault(require("express"));
        async function start() {
          const app = (0, express_1.default)();
          await (await Promise.resolve().then(() => __importStar(require("./dev-server")))).default(app);
          Promise.resolve().then(() => require("http")).then((http) => http.createServer(app).listen(80));
        }
        start();
      `, languageOptions: commonjs },
    // the app leaves the file: configured elsewhere
    code`
      import express from 'express';
      export const app = express();
    `,
    code`
      import express from 'express';
      const app = express();
      export default app;
    `,
    { code: code`
        const express = require('express');
        const app = express();
        module.exports = app;
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      export function createApp() {
        const app = express();
        return app;
      }
    `,
    code`
      import express from 'express';
      import configure from './configure';
      const app = express();
      configure(app);
    `,
    // a router is not an app
    code`
      import { Router } from 'express';
      const router = Router();
      router.get('/', (req, res) => res.send('ok'));
      export default router;
    `,
    code`
      import express from 'express';
      const router = express.Router();
      router.get('/', (req, res) => res.send('ok'));
    `,
    // express shadowed by a local variable
    code`
      import express from 'express';
      function make(express) {
        const app = express();
        app.listen(3000);
      }
    `,
    // the header is set through a variable (unknown: no report)
    code`
      import express from 'express';
      const app = express();
      app.set('x-powered-by', process.env.SHOW_POWERED_BY === 'yes');
    `,
    // no express at all
    code`
      const app = createApp();
      app.listen(3000);
    `,
    '',
    { code: 'require(x);', languageOptions: commonjs },
  ],
  invalid: [
    // Setting another known key hides nothing, nor does `enable` of a name the code does not show, nor reading a
    // setting (`app.set(name)` with one argument is a getter, whose value hands the app to no one) (session 22)
    {
      code: code`
        const express = require('express');
        const app = express();
        const wanted = app.set(config.settingName);
        app.set('json spaces', 2);
        for (const flag of config.onFlags) app.enable(flag);
        app.get('/', (req, res) => res.json({ wanted }));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 13 }],
      output: code`
        const express = require('express');
        const app = express();
        app.disable('x-powered-by');
        const wanted = app.set(config.settingName);
        app.set('json spaces', 2);
        for (const flag of config.onFlags) app.enable(flag);
        app.get('/', (req, res) => res.json({ wanted }));
        app.listen(3000);
      `,
    },
    // Class handlers that only read the app's state (`this.app.get('env')`, `this.app.locals`) may run at any time: the
    // order of the app's calls is still known (arrow-function fields, session 10)
    {
      code: code`
        import express from 'express';
        class Server {
          app = express();
          home = (req, res) => { res.send(this.app.get('env')); };
          about = (req, res) => { res.render('about', this.app.locals); };
          constructor() {
            this.app.get('/', this.home);
            this.app.get('/about', this.about);
          }
        }
        new Server().app.listen(3000);
      `,
      filename: 'server.mjs',
      errors: [{ messageId: 'missing', data: { name: 'this.app' }, line: 3, column: 9 }],
      output: null,
    },
    // Class apps whose methods are fields holding arrow functions (session 10): the constructor runs the route's method
    // before helmet's, so that route keeps the header; reported without a fix, as other class apps (TS, ESM)
    {
      code: arrowRoutesThenGuardTs(HELMET),
      filename: 'server.ts',
      errors: [
        {
          messageId: 'helmetAfterRoute',
          data: { name: 'this.app', route: "route 'POST /login'", where: 'line 14', helmet: 'line 11', that: 'that route', it: 'it' },
          line: 6,
          column: 16,
        },
      ],
      output: null,
    },
    {
      code: arrowRoutesThenGuard(HELMET),
      filename: 'server.mjs',
      errors: [
        {
          messageId: 'helmetAfterRoute',
          data: { name: 'this.app', route: "route 'GET /'", where: 'line 13', helmet: 'line 10', that: 'that route', it: 'it' },
          line: 4,
          column: 9,
        },
      ],
      output: null,
    },
    // Class apps: a method called from a method the constructor runs runs where that call is: the route before helmet
    // (TS, ESM)
    {
      code: routesInConfigThenGuardTs(HELMET),
      filename: 'app.ts',
      errors: [
        {
          messageId: 'helmetAfterRoute',
          data: { name: 'this.app', route: "route 'GET /health'", where: 'line 13', helmet: 'line 10', that: 'that route', it: 'it' },
          line: 4,
          column: 27,
        },
      ],
      output: null,
    },
    {
      code: arrowRoutesInConfigThenGuard(HELMET),
      filename: 'app.mjs',
      errors: [
        {
          messageId: 'helmetAfterRoute',
          data: { name: 'this.app', route: "route 'GET /'", where: 'line 13', helmet: 'line 10', that: 'that route', it: 'it' },
          line: 5,
          column: 16,
        },
      ],
      output: null,
    },
    // real23 (json-server 0.17.4's CLI app): `app.db = router.db` keeps the file's data on the app; `app.db.getState()`
    // and handing `app.db` on hand the app to no one (CJS)
    {
      code: code`
        const express = require('express');
        const low = require('lowdb');
        const app = express();
        app.db = low(adapter);
        app.get('/state', (req, res) => res.json(app.db.getState()));
        watch(app.db, () => app.db.read());
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 3, column: 13 }],
      output: code`
        const express = require('express');
        const low = require('lowdb');
        const app = express();
        app.disable('x-powered-by');
        app.db = low(adapter);
        app.get('/state', (req, res) => res.json(app.db.getState()));
        watch(app.db, () => app.db.read());
        app.listen(3000);
      `,
    },
    // served through an awaited import() of Node's https: the module, not unknown code the app is handed to (trial 14)
    {
      code: code`
        import express from 'express';
        const app = express();
        export async function run(tls) {
          const https = await import('node:https');
          https.createServer(tls, app).listen(443);
        }
      `,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 13 }],
      output: code`
        import express from 'express';
        const app = express();
        app.disable('x-powered-by');
        export async function run(tls) {
          const https = await import('node:https');
          https.createServer(tls, app).listen(443);
        }
      `,
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        async function run() {
          (await import('http')).createServer(app).listen(80);
        }
        run();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 13 }],
      output: code`
        const express = require('express');
        const app = express();
        app.disable('x-powered-by');
        async function run() {
          (await import('http')).createServer(app).listen(80);
        }
        run();
      `,
    },
    // real23 (thelounge 4.5.2's dist/server/server.js): TypeScript's CommonJS output for `await import('http')`,
    // `await Promise.resolve().then(() => __importStar(require("http")))`, is the module too; also Babel's
    // `_interopRequireWildcard` and a bare `require` (older TypeScript)
    {
      code: code`
        "use strict";
        const express_1 = __importDefault(require("express"));
        async function start(tls) {
            const app = (0, express_1.default)();
            app.get("/", (req, res) => res.send("hi"));
            const createServer = (await Promise.resolve().then(() => __importStar(require("https")))).createServer;
            createServer(tls, app).listen(443);
        }
        exports.default = start;
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 4, column: 17 }],
      output: code`
        "use strict";
        const express_1 = __importDefault(require("express"));
        async function start(tls) {
            const app = (0, express_1.default)();
            app.disable("x-powered-by");
            app.get("/", (req, res) => res.send("hi"));
            const createServer = (await Promise.resolve().then(() => __importStar(require("https")))).createServer;
            createServer(tls, app).listen(443);
        }
        exports.default = start;
      `,
    },
    {
      code: code`
        var _express = _interopRequireDefault(require("express"));
        const app = (0, _express.default)();
        async function run() {
          (await Promise.resolve().then(() => _interopRequireWildcard(require("node:http")))).createServer(app).listen(80);
          const { createServer } = await Promise.resolve().then(() => require("http"));
          createServer(app).listen(8080);
        }
        run();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 13 }],
      output: code`
        var _express = _interopRequireDefault(require("express"));
        const app = (0, _express.default)();
        app.disable("x-powered-by");
        async function run() {
          (await Promise.resolve().then(() => _interopRequireWildcard(require("node:http")))).createServer(app).listen(80);
          const { createServer } = await Promise.resolve().then(() => require("http"));
          createServer(app).listen(8080);
        }
        run();
      `,
    },
    // session 25: SWC's CommonJS output (payload 2.32's dist/): `_interop_require_default(require("express"))`, the helper
    // declared after its call, is express
    {
      code: code`
        "use strict";
        const _express = /*#__PURE__*/ _interop_require_default(require("express"));
        function _interop_require_default(obj) {
            return obj && obj.__esModule ? obj : { default: obj };
        }
        const app = (0, _express.default)();
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 6, column: 13 }],
      output: code`
        "use strict";
        const _express = /*#__PURE__*/ _interop_require_default(require("express"));
        function _interop_require_default(obj) {
            return obj && obj.__esModule ? obj : { default: obj };
        }
        const app = (0, _express.default)();
        app.disable("x-powered-by");
        app.listen(3000);
      `,
    },
    // Compiled TypeScript: `__importDefault(require("express"))` (also `tslib_1.__importDefault`) is express
    {
      code: code`
        "use strict";
        var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };
        Object.defineProperty(exports, "__esModule", { value: true });
        const express_1 = __importDefault(require("express"));
        const app = (0, express_1.default)();
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 5, column: 13 }],
      output: code`
        "use strict";
        var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };
        Object.defineProperty(exports, "__esModule", { value: true });
        const express_1 = __importDefault(require("express"));
        const app = (0, express_1.default)();
        app.disable("x-powered-by");
        app.listen(3000);
      `,
    },
    {
      code: code`
        const tslib_1 = require("tslib");
        const express_1 = tslib_1.__importDefault(require("express"));
        const router = (0, express_1.default)();
        router.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'router' }, line: 3, column: 16 }],
      output: code`
        const tslib_1 = require("tslib");
        const express_1 = tslib_1.__importDefault(require("express"));
        const router = (0, express_1.default)();
        router.disable("x-powered-by");
        router.listen(3000);
      `,
    },
    // Code after the app's declaration on the same line (trial 9): the setting goes between them, the code stays valid
    {
      code: code`
        const express = require('express');
        const app = express(); app.get('/', (req, res) => res.send('hi')); app.listen(3005);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 13 }],
      output: code`
        const express = require('express');
        const app = express();
        app.disable('x-powered-by'); app.get('/', (req, res) => res.send('hi')); app.listen(3005);
      `,
    },
    {
      code: code`
        import express from 'express';
        const app = express(); /* the app */ const port = 3000 // the port
        app.listen(port)
      `,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 13 }],
      output: code`
        import express from 'express';
        const app = express(); /* the app */
        app.disable('x-powered-by'); const port = 3000 // the port
        app.listen(port)
      `,
    },
    // A file without semicolons: the inserted statement still ends with one when code follows it on the line
    {
      code: code`
        const express = require('express')
        const app = express(); const port = 3000
        app.listen(port)
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 13 }],
      output: code`
        const express = require('express')
        const app = express();
        app.disable('x-powered-by'); const port = 3000
        app.listen(port)
      `,
    },
    {
      code: code`
        const express = require('express')
        function start() { const app = express() }
        start()
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 32 }],
      output: code`
        const express = require('express')
        function start() { const app = express()
        app.disable('x-powered-by') }
        start()
      `,
    },
    // An app kept on a class instance (`this.app = express()`, a field in TypeScript): reported without a fix (the
    // fix writes after a declaration)
    {
      code: code`
        const express = require('express');
        class Server {
          constructor() {
            this.app = express();
            this.routes();
          }
          routes() {
            this.app.get('/', (req, res) => res.send('hi'));
          }
          start() {
            this.app.listen(3000);
          }
        }
        new Server().start();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'this.app' }, line: 4, column: 16 }],
      output: null,
    },
    {
      code: code`
        import express, { type Application } from 'express';
        class App {
          public readonly app: Application = express();
          constructor() {
            this.app.use(express.json({ limit: '10kb' }));
          }
        }
        const server = new App();
        server.app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { name: 'this.app' }, line: 3, column: 38 }],
      output: null,
    },
    // helmet mounted after a route never removes the header from that route's responses; the fix stays disable()
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.get('/', (req, res) => res.send('hi'));
        app.use(helmet());
        app.listen(3000);
      `,
      languageOptions: commonjs,
      filename: 'app.js',
      errors: [{ messageId: 'helmetAfterRoute', data: { name: 'app', route: "route 'GET /'", where: 'line 4', helmet: 'line 5', that: 'that route', it: 'it' }, line: 3, column: 13 }],
      output: code`
        const express = require('express');
        const helmet = require('helmet');
        const app = express();
        app.disable('x-powered-by');
        app.get('/', (req, res) => res.send('hi'));
        app.use(helmet());
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        import helmet from 'helmet';
        const app = express();
        const api = Router();
        api.get('/status', (req: Request, res: Response) => res.json({ ok: true }));
        app.use('/api', api);
        app.use(helmet(), helmet.xPoweredBy());
      `,
      filename: 'app.ts',
      errors: [
        {
          messageId: 'helmetAfterRoute',
          data: { name: 'app', route: "the routes of 'api' mounted on '/api'", where: 'line 6', helmet: 'line 7', that: 'those routes', it: 'them' },
          line: 3,
        },
      ],
      output: code`
        import express, { Router, type Request, type Response } from 'express';
        import helmet from 'helmet';
        const app = express();
        app.disable('x-powered-by');
        const api = Router();
        api.get('/status', (req: Request, res: Response) => res.json({ ok: true }));
        app.use('/api', api);
        app.use(helmet(), helmet.xPoweredBy());
      `,
    },
    // the fix writes its string in the file's quote style (NodeGoat's server.js writes double quotes)
    {
      code: code`
        "use strict";
        const express = require("express");
        const app = express();
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 3 }],
      output: code`
        "use strict";
        const express = require("express");
        const app = express();
        app.disable("x-powered-by");
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express from "express";
        const app = express();
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2 }],
      output: code`
        import express from "express";
        const app = express();
        app.disable("x-powered-by");
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express, { type Express } from "express";
        const app: Express = express();
        app.listen(3000);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2 }],
      output: code`
        import express, { type Express } from "express";
        const app: Express = express();
        app.disable("x-powered-by");
        app.listen(3000);
      `,
    },
    // reading a setting is not handing the app over: app.get('port'), app.enabled(), app.locals
    {
      code: code`
        const express = require('express');
        const app = express();
        app.set('port', process.env.PORT || 3000);
        app.locals.title = 'Shop';
        if (app.enabled('trust proxy')) console.log(app.path());
        app.listen(app.get('port'));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2 }],
      output: code`
        const express = require('express');
        const app = express();
        app.disable('x-powered-by');
        app.set('port', process.env.PORT || 3000);
        app.locals.title = 'Shop';
        if (app.enabled('trust proxy')) console.log(app.path());
        app.listen(app.get('port'));
      `,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        const port: number = app.get('port') as number;
        app.listen(port);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2 }],
      output: code`
        import express from 'express';
        const app = express();
        app.disable('x-powered-by');
        const port: number = app.get('port') as number;
        app.listen(port);
      `,
    },
    {
      code: code`
        const express = require('express');
        const app = express();
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 2, column: 13 }],
      output: code`
        const express = require('express');
        const app = express();
        app.disable('x-powered-by');
        app.listen(3000);
      `,
    },
    // `require` without Node globals in an ES module parse still counts
    {
      code: code`
        const express = require('express');
        const app = express();
        app.listen(3000);
      `,
      errors: [{ messageId: 'missing' }],
      output: code`
        const express = require('express');
        const app = express();
        app.disable('x-powered-by');
        app.listen(3000);
      `,
    },
    {
      code: code`
        import express from 'express';
        const server = express();
        server.get('/', (req, res) => res.send('hi'));
      `,
      errors: [{ messageId: 'missing', data: { name: 'server' } }],
      output: code`
        import express from 'express';
        const server = express();
        server.disable('x-powered-by');
        server.get('/', (req, res) => res.send('hi'));
      `,
    },
    {
      code: code`
        import * as e from 'express';
        const app = e.default();
      `,
      errors: [{ messageId: 'missing' }],
      output: code`
        import * as e from 'express';
        const app = e.default();
        app.disable('x-powered-by');
      `,
    },
    {
      code: code`
        import { default as exp } from 'express';
        const app = new exp();
      `,
      errors: [{ messageId: 'missing' }],
      output: code`
        import { default as exp } from 'express';
        const app = new exp();
        app.disable('x-powered-by');
      `,
    },
    {
      code: code`
        import express = require('express');
        const app: express.Express = express();
        app.listen(3000);
      `,
      filename: 'server.ts',
      errors: [{ messageId: 'missing' }],
      output: code`
        import express = require('express');
        const app: express.Express = express();
        app.disable('x-powered-by');
        app.listen(3000);
      `,
    },
    // no semicolons in the file: none added
    {
      code: code`
        const express = require('express')
        const app = express()
        app.listen(3000)
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing' }],
      output: code`
        const express = require('express')
        const app = express()
        app.disable('x-powered-by')
        app.listen(3000)
      `,
    },
    // an app inside a function that stays there: indentation kept, trailing comment kept on its line
    {
      code: code`
        const express = require('express');
        function start() {
          const app = express(); // the app
          app.listen(3000);
        }
        start();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing' }],
      output: code`
        const express = require('express');
        function start() {
          const app = express(); // the app
          app.disable('x-powered-by');
          app.listen(3000);
        }
        start();
      `,
    },
    // two apps, one hardened
    {
      code: code`
        import express from 'express';
        const api = express();
        const admin = express();
        api.disable('x-powered-by');
        api.listen(3000);
        admin.listen(3001);
      `,
      errors: [{ messageId: 'missing', data: { name: 'admin' }, line: 3 }],
      output: code`
        import express from 'express';
        const api = express();
        const admin = express();
        admin.disable('x-powered-by');
        api.disable('x-powered-by');
        api.listen(3000);
        admin.listen(3001);
      `,
    },
    // helmet told to keep the header, current and older option names
    {
      code: code`
        import express from 'express';
        import helmet from 'helmet';
        const app = express();
        app.use(helmet({ hidePoweredBy: false }));
      `,
      errors: [{ messageId: 'helmetKeepsHeader', data: { name: 'app', key: 'hidePoweredBy' }, line: 4, column: 18 }],
      output: code`
        import express from 'express';
        import helmet from 'helmet';
        const app = express();
        app.disable('x-powered-by');
        app.use(helmet({ hidePoweredBy: false }));
      `,
    },
    {
      code: code`
        const express = require('express');
        const helmet = require('helmet');
        const options = { xPoweredBy: false };
        const app = express();
        app.use(helmet(options));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'helmetKeepsHeader', data: { name: 'app', key: 'xPoweredBy' } }],
      output: code`
        const express = require('express');
        const helmet = require('helmet');
        const options = { xPoweredBy: false };
        const app = express();
        app.disable('x-powered-by');
        app.use(helmet(options));
      `,
    },
    // Express settings are case-sensitive: this sets an unrelated setting and keeps the header
    {
      code: code`
        import express from 'express';
        const app = express();
        app.set('X-Powered-By', false);
      `,
      errors: [{ messageId: 'missing' }],
      output: code`
        import express from 'express';
        const app = express();
        app.disable('x-powered-by');
        app.set('X-Powered-By', false);
      `,
    },
    // `app.set('x-powered-by', true)` keeps it
    {
      code: code`
        import express from 'express';
        const app = express();
        app.set('x-powered-by', true);
      `,
      errors: [{ messageId: 'missing' }],
      output: code`
        import express from 'express';
        const app = express();
        app.disable('x-powered-by');
        app.set('x-powered-by', true);
      `,
    },
    // not a declaration of its own: reported, no fix
    {
      code: code`
        import express from 'express';
        express().listen(3000);
      `,
      errors: [{ messageId: 'missing', data: { name: 'express()' } }],
      output: null,
    },
    // JSX and TS syntax elsewhere in the file do not get in the way
    {
      code: code`
        import express from 'express';
        const page = (title: string) => <h1>{title}</h1>;
        const app = express();
        app.get('/', (req, res) => res.send(String(page('x'))));
      `,
      filename: 'server.tsx',
      errors: [{ messageId: 'missing' }],
      output: code`
        import express from 'express';
        const page = (title: string) => <h1>{title}</h1>;
        const app = express();
        app.disable('x-powered-by');
        app.get('/', (req, res) => res.send(String(page('x'))));
      `,
    },
  ],
});
