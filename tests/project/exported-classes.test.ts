// Apps and routers kept on the instances of an exported class (`export class AuthRoutes { router = Router(); ... }`,
// `export class App { app = express(); ... }`): the importers make the instances, and `new AuthRoutes().router` there
// is that file's router (src/express/model.ts `bindClassMember`, src/project `hookFor`'s stand-ins): it gets the
// importer's mount, and an app that the importer only serves is complete.
import { cjs, esm, ts, withProject } from './fixture-project';

const RULES = /require-rate-limit|require-helmet|disable-x-powered-by/u;

const PACKAGE = '{ "name": "classes", "main": "src/app.ts", "dependencies": { "express": "^5.1.0", "helmet": "^8.0.0", "express-rate-limit": "^7.5.0" } }';

const AUTH_ROUTES_TS =
  "import { Router, type Request, type Response } from 'express';\n\nexport class AuthRoutes {\n  public router = Router();\n\n  constructor() {\n    this.router.post('/login', (req: Request, res: Response) => res.json({ ok: true }));\n  }\n}\n";

const APP_TS = (mount: string): string =>
  `import express from 'express';\nimport helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';\nimport { AuthRoutes } from './routes/auth.routes';\n\nconst app = express();\napp.use(helmet());\n${mount}\napp.listen(3000);\n`;

describe('routers and apps kept on instances of an exported class', () => {
  it('TypeScript: new AuthRoutes().router mounted on /auth gets the mount and its middleware', () => {
    const files = { 'package.json': PACKAGE, 'src/routes/auth.routes.ts': AUTH_ROUTES_TS, 'src/app.ts': APP_TS("app.use('/auth', new AuthRoutes().router);") };
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual(['7:22 secure-express/require-rate-limit']), { config: ts, rules: RULES });
    files['src/app.ts'] = APP_TS("app.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }), new AuthRoutes().router);");
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual([]), { config: ts, rules: RULES });
    // An instance kept in a const, its router mounted: the same.
    files['src/app.ts'] = APP_TS("const auth = new AuthRoutes();\napp.use('/auth', auth.router);");
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual(['7:22 secure-express/require-rate-limit']), { config: ts, rules: RULES });
  });

  it('TypeScript: the class handed to code the package does not show leaves its router unknown', () => {
    const files = {
      'package.json': PACKAGE,
      'src/routes/auth.routes.ts': AUTH_ROUTES_TS,
      'src/app.ts': APP_TS("import { registerRoutes } from 'route-kit';\nregisterRoutes(app, [AuthRoutes]);"),
    };
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual([]), { config: ts, rules: RULES });
    files['src/app.ts'] = APP_TS("import { mountAll } from 'route-kit';\nmountAll(app, new AuthRoutes().router);");
    withProject('classes', files, (lint) => expect(lint('src/routes/auth.routes.ts')).toEqual([]), { config: ts, rules: RULES });
  });

  it('TypeScript: an exported class App whose app the server only serves is checked in its file', () => {
    const files = {
      'package.json': PACKAGE,
      'src/app.ts':
        "import express, { type Application, type Request, type Response } from 'express';\n\nexport class App {\n  public app: Application;\n\n  constructor() {\n    this.app = express();\n    this.routes();\n  }\n\n  private routes(): void {\n    this.app.get('/', (req: Request, res: Response) => res.send('hi'));\n  }\n}\n",
      'src/server.ts': "import { App } from './app';\n\nconst { app } = new App();\napp.listen(3000);\n",
    };
    withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['7:16 secure-express/disable-x-powered-by', '7:16 secure-express/require-helmet']), { config: ts, rules: RULES });
    files['src/app.ts'] = files['src/app.ts'].replace('    this.app = express();\n', "    this.app = express();\n    this.app.use(require('helmet')());\n");
    withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
  });

  it('CommonJS: module.exports = AuthRoutes, mounted with new AuthRoutes().router', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "src/app.ts"', '"main": "app.js"'),
      'routes/auth.js':
        "const express = require('express');\n\nclass AuthRoutes {\n  constructor() {\n    this.router = express.Router();\n    this.router.post('/login', (req, res) => res.json({ ok: true }));\n  }\n}\n\nmodule.exports = AuthRoutes;\n",
      'app.js': "const express = require('express');\nconst AuthRoutes = require('./routes/auth');\n\nconst app = express();\napp.use('/auth', new AuthRoutes().router);\napp.listen(3000);\n",
    };
    withProject('classes', files, (lint) => expect(lint('routes/auth.js')).toEqual(['6:22 secure-express/require-rate-limit']), { config: cjs, rules: /require-rate-limit/u });
  });

  it('ES modules: export default class, mounted with new AuthRoutes().router', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "src/app.ts"', '"main": "app.mjs", "type": "module"'),
      'routes/auth.mjs':
        "import { Router } from 'express';\n\nexport default class AuthRoutes {\n  router = Router();\n\n  constructor() {\n    this.router.post('/login', (req, res) => res.json({ ok: true }));\n  }\n}\n",
      'app.mjs': "import express from 'express';\nimport AuthRoutes from './routes/auth.mjs';\n\nconst app = express();\napp.use('/auth', new AuthRoutes().router);\napp.listen(3000);\n",
    };
    withProject('classes', files, (lint) => expect(lint('routes/auth.mjs')).toEqual(['7:22 secure-express/require-rate-limit']), { config: esm, rules: /require-rate-limit/u });
  });

  describe('an importer that only calls methods of the class (new App().listen())', () => {
    const CLASS_APP_TS = (constructorBody: string, methods: string): string =>
      `import express, { type Application, type Request, type Response } from 'express';\nimport helmet from 'helmet';\n\nexport default class App {\n  public app: Application;\n\n  constructor() {\n    this.app = express();\n${constructorBody}    this.routes();\n  }\n\n  private routes(): void {\n    this.app.post('/login', (req: Request, res: Response) => { res.json({}); });\n  }\n${methods}}\n`;
    const LISTEN = '\n  public listen(port: number): void {\n    this.app.listen(port);\n  }\n';
    const tsFiles = (app: string, server: string): Record<string, string> => ({ 'package.json': PACKAGE.replace('src/app.ts', 'src/server.ts'), 'src/app.ts': app, 'src/server.ts': server });
    const BARE = ['8:16 secure-express/disable-x-powered-by', '8:16 secure-express/require-helmet', '13:19 secure-express/require-rate-limit'];

    it('TypeScript: new App() kept in a const, its listen method called (trial 10): checked in the class file', () => {
      const files = tsFiles(CLASS_APP_TS('', LISTEN), "import App from './app';\n\nconst app = new App();\napp.listen(3000);\n");
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(BARE), { config: ts, rules: RULES });
      // Made and called in one expression, and with the app property read too: the same.
      files['src/server.ts'] = "import App from './app';\n\nnew App().listen(3000);\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(BARE), { config: ts, rules: RULES });
      files['src/server.ts'] = "import App from './app';\n\nconst server = new App();\nconsole.log(server.app.get('env'));\nserver.listen(3000);\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(BARE), { config: ts, rules: RULES });
      // The class named as a type too.
      files['src/server.ts'] = "import App from './app';\n\nfunction start(server: App): void {\n  server.listen(3000);\n}\n\nconst server: App = new App();\nserver.listen(3000);\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(BARE), { config: ts, rules: RULES });
      // Helmet, a limiter and the setting in the constructor, before the routes: nothing.
      files['src/app.ts'] = CLASS_APP_TS("    this.app.disable('x-powered-by');\n    this.app.use(helmet());\n    this.app.use('/login', require('express-rate-limit').rateLimit({ windowMs: 60000, limit: 5 }));\n", LISTEN);
      files['src/server.ts'] = "import App from './app';\n\nconst app = new App();\napp.listen(3000);\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    });

    it('TypeScript: an async start method awaited, and one that mounts helmet after the constructor routes', () => {
      const START = '\n  public async start(port: number): Promise<void> {\n    await new Promise<void>((resolve) => this.app.listen(port, resolve));\n  }\n';
      const files = tsFiles(CLASS_APP_TS('', START), "import App from './app';\n\nasync function main(): Promise<void> {\n  const server = new App();\n  await server.start(3000);\n}\n\nvoid main();\n");
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(BARE), { config: ts, rules: RULES });
      // Helmet and a limiter mounted by the method the server calls: after the constructor's routes, so the login
      // route goes without them (as in one file, and as with a field `app = express()`; trial 18 T14).
      const SECURE_START =
        "\n  public start(port: number): void {\n    this.app.disable('x-powered-by');\n    this.app.use(helmet());\n    this.app.use(require('express-rate-limit').rateLimit({ windowMs: 60000, limit: 5 }));\n    this.app.listen(port);\n  }\n";
      files['src/app.ts'] = CLASS_APP_TS('', SECURE_START);
      files['src/server.ts'] = "import App from './app';\n\nconst server = new App();\nserver.start(3000);\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['13:19 secure-express/require-helmet', '13:19 secure-express/require-rate-limit']), { config: ts, rules: RULES });
      // The limiter in the constructor, before the routes: only helmet, still after them.
      files['src/app.ts'] = CLASS_APP_TS("    this.app.use(require('express-rate-limit').rateLimit({ windowMs: 60000, limit: 5 }));\n", SECURE_START.replace("    this.app.use(require('express-rate-limit').rateLimit({ windowMs: 60000, limit: 5 }));\n", ''));
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['14:19 secure-express/require-helmet']), { config: ts, rules: RULES });
      // Mounted in the constructor before the routes, the method only listens: nothing.
      files['src/app.ts'] = CLASS_APP_TS("    this.app.disable('x-powered-by');\n    this.app.use(helmet());\n", START);
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['15:19 secure-express/require-rate-limit']), { config: ts, rules: RULES });
    });

    it.each([
      ['the instance handed to a function of another package', "import App from './app';\nimport { boot } from 'boot-kit';\n\nconst app = new App();\nboot(app);\napp.listen(3000);\n"],
      ['the class handed to a function of another package', "import App from './app';\nimport { boot } from 'boot-kit';\n\nboot(App);\nnew App().listen(3000);\n"],
      ['the class extended', "import App from './app';\n\nclass Api extends App {}\nnew App().listen(3000);\nnew Api().listen(3001);\n"],
      ['another property read', "import App from './app';\n\nconst app = new App();\n(app as any).server.listen(3000);\n"],
      ['the instance exported', "import App from './app';\n\nexport const app = new App();\napp.listen(3000);\n"],
      ['the instance kept in an array', "import App from './app';\n\nconst apps = [new App()];\napps[0].listen(3000);\n"],
      ['the variable reassigned', "import App from './app';\n\nlet app = new App();\napp = new App();\napp.listen(3000);\n"],
      ['a method destructured', "import App from './app';\n\nconst { app, listen } = new App();\nlisten(3000);\n"],
    ])('TypeScript: an importer that does anything else with the class or the instance leaves the app unknown (%s)', (_, server) => {
      withProject('classes', tsFiles(CLASS_APP_TS('', LISTEN), server), (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    });

    it('TypeScript: several methods that use the app after the constructor run in the order the importer calls them', () => {
      const CLASS = (methods: string): string =>
        `import express, { type Application, type Request, type Response } from 'express';\nimport helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';\n\nexport default class App {\n  public app: Application = express();\n\n${methods}}\n`;
      const MIDDLEWARE = "  public middleware(): void {\n    this.app.use(helmet());\n  }\n\n";
      const LIMITER = "  public limiter(): void {\n    this.app.use(rateLimit({ windowMs: 60000, limit: 5 }));\n  }\n\n";
      const ROUTES = "  public routes(): void {\n    this.app.post('/login', (req: Request, res: Response) => { res.json({}); });\n  }\n\n";
      const START = '  public async start(): Promise<void> {\n    this.app.listen(3000);\n  }\n';
      const files = tsFiles(CLASS(MIDDLEWARE + ROUTES + START), "import App from './app';\n\nconst server = new App();\nserver.middleware();\nserver.routes();\nawait server.start();\n");
      // Called in the order they are written: helmet before the routes, no limiter.
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['13:19 secure-express/require-rate-limit']), { config: ts, rules: RULES });
      // A limiter written and called after the routes: the route goes without it.
      files['src/app.ts'] = CLASS(MIDDLEWARE + ROUTES + LIMITER + START);
      files['src/server.ts'] = "import App from './app';\n\nconst server = new App();\nserver.middleware();\nserver.routes();\nserver.limiter();\nawait server.start();\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['13:19 secure-express/require-rate-limit']), { config: ts, rules: RULES });
      // Written and called before them: nothing.
      files['src/app.ts'] = CLASS(MIDDLEWARE + LIMITER + ROUTES + START);
      files['src/server.ts'] = "import App from './app';\n\nconst server = new App();\nserver.middleware();\nserver.limiter();\nserver.routes();\nawait server.start();\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
      // Called in another order than written, one left out, one called under a condition or twice, an async one not
      // awaited before the next: their order is unknown.
      files['src/app.ts'] = CLASS(MIDDLEWARE + ROUTES + LIMITER + START);
      for (const calls of [
        'server.middleware();\nserver.limiter();\nserver.routes();\nawait server.start();\n',
        'server.middleware();\nserver.routes();\nawait server.start();\n',
        'server.middleware();\nserver.routes();\nif (process.env.LIMIT) server.limiter();\nawait server.start();\n',
        'server.middleware();\nserver.routes();\nserver.limiter();\nserver.limiter();\nawait server.start();\n',
      ]) {
        files['src/server.ts'] = `import App from './app';\n\nconst server = new App();\n${calls}`;
        withProject('classes', files, (lint) => expect(lint('src/app.ts'), calls).toEqual([]), { config: ts, rules: RULES });
      }
      files['src/app.ts'] = CLASS(MIDDLEWARE + ROUTES + START.replace('start', 'init') + '\n' + LIMITER.replace('limiter', 'listen').replace('this.app.use(rateLimit({ windowMs: 60000, limit: 5 }))', 'this.app.listen(3000)'));
      files['src/server.ts'] = "import App from './app';\n\nconst server = new App();\nserver.middleware();\nserver.routes();\nserver.init();\nserver.listen();\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
      // An instance made in the class's own file too: the order of its calls there is not weighed.
      files['src/app.ts'] = CLASS(MIDDLEWARE + ROUTES + START) + 'new App().routes();\n';
      files['src/server.ts'] = "import App from './app';\n\nconst server = new App();\nserver.middleware();\nserver.routes();\nawait server.start();\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    });

    it('TypeScript: methods written as fields holding arrow functions are methods too (session 10)', () => {
      const CLASS = (methods: string): string =>
        `import express, { type Application, type Request, type Response } from 'express';\nimport helmet from 'helmet';\n\nexport default class App {\n  public app: Application = express();\n\n${methods}}\n`;
      const MIDDLEWARE = '  public middleware = (): void => {\n    this.app.use(helmet());\n  };\n\n';
      const ROUTES = "  public routes = (): void => {\n    this.app.post('/login', (req: Request, res: Response) => { res.json({}); });\n  };\n\n";
      const START = '  public start = async (): Promise<void> => {\n    this.app.listen(3000);\n  };\n';
      const files = tsFiles(CLASS(MIDDLEWARE + ROUTES + START), "import App from './app';\n\nconst server = new App();\nserver.middleware();\nserver.routes();\nawait server.start();\n");
      // Called in the order they are written: the app is checked (helmet before the routes, no limiter).
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['12:19 secure-express/require-rate-limit']), { config: ts, rules: RULES });
      // In another order: unknown.
      files['src/server.ts'] = "import App from './app';\n\nconst server = new App();\nserver.routes();\nserver.middleware();\nawait server.start();\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    });

    it('CommonJS: module.exports = App, new App().listen() in server.js (trial 10 class-variants)', () => {
      const files = {
        'package.json': PACKAGE.replace('"main": "src/app.ts"', '"main": "server.js"'),
        'app.js':
          "const express = require('express');\n\nclass App {\n  constructor() {\n    this.app = express();\n    this.app.post('/login', (req, res) => res.json({}));\n  }\n\n  listen() {\n    this.app.listen(3000);\n  }\n}\n\nmodule.exports = App;\n",
        'server.js': "const App = require('./app');\n\nnew App().listen();\n",
      };
      withProject('classes', files, (lint) => expect(lint('app.js')).toEqual(['5:16 secure-express/disable-x-powered-by', '5:16 secure-express/require-helmet', '6:19 secure-express/require-rate-limit']), { config: cjs, rules: RULES });
      files['server.js'] = "const App = require('./app');\n\nconst app = new App();\nrequire('./boot')(app);\napp.listen();\n";
      withProject('classes', files, (lint) => expect(lint('app.js')).toEqual([]), { config: cjs, rules: RULES });
    });

    it('ES modules: export class App, const server = new App(); await server.listen()', () => {
      const files = {
        'package.json': PACKAGE.replace('"main": "src/app.ts"', '"main": "server.mjs", "type": "module"'),
        'app.mjs':
          "import express from 'express';\nimport helmet from 'helmet';\n\nexport class App {\n  app = express();\n\n  constructor() {\n    this.app.use(helmet());\n    this.app.post('/login', (req, res) => res.json({}));\n  }\n\n  async listen(port) {\n    await new Promise((resolve) => this.app.listen(port, resolve));\n  }\n}\n",
        'server.mjs': "import { App } from './app.mjs';\n\nconst server = new App();\nawait server.listen(3000);\n",
      };
      withProject('classes', files, (lint) => expect(lint('app.mjs')).toEqual(['9:19 secure-express/require-rate-limit']), { config: esm, rules: RULES });
      files['server.mjs'] = "import { App } from './app.mjs';\n\nconst server = new App();\nawait server.listen(3000);\nexport default server;\n";
      withProject('classes', files, (lint) => expect(lint('app.mjs')).toEqual([]), { config: esm, rules: RULES });
    });
  });

  describe('a constructor that uses the app after calling its own methods (trial 12 M3)', () => {
    // `this.routes(); this.app.use(errorHandler);`: the constructor's statements and the methods they call run in the
    // order written, so the routes run before the constructor's own uses below the call, though written after them.
    const CLASS_TS = (before: string, after: string, methods = ''): string =>
      `import express from 'express';\nimport helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';\n\nexport class App {\n  app = express();\n\n  constructor() {\n${before}    this.routes();\n${after}    this.app.use((_e: unknown, _q: express.Request, res: express.Response, _n: express.NextFunction) => { res.sendStatus(500); });\n  }\n\n  private routes(): void {\n    this.app.post('/login', (req, res) => { res.json({}); });\n  }\n${methods}\n  listen(): void {\n    this.app.listen(3000);\n  }\n}\n`;
    const tsFiles = (app: string): Record<string, string> => ({
      'package.json': PACKAGE.replace('src/app.ts', 'src/server.ts'),
      'src/app.ts': app,
      'src/server.ts': "import { App } from './app';\n\nnew App().listen();\n",
    });
    const LIMITER = '    this.app.use(rateLimit({ windowMs: 60000, limit: 5 }));\n';
    const HARDEN = "    this.app.disable('x-powered-by');\n    this.app.use(helmet());\n";

    it('TypeScript: the app is checked, and what the constructor mounts after the call runs after the routes', () => {
      const files = tsFiles(CLASS_TS('', ''));
      withProject('classes', files, (lint) =>
        expect(lint('src/app.ts')).toEqual(['6:9 secure-express/disable-x-powered-by', '6:9 secure-express/require-helmet', '14:19 secure-express/require-rate-limit']), { config: ts, rules: RULES });
      // Helmet, the setting and a limiter mounted after `this.routes()`: the route runs without them.
      files['src/app.ts'] = CLASS_TS('', HARDEN + LIMITER);
      // (helmet too comes after the route: reported at it, as the limiter is.)
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['17:19 secure-express/require-helmet', '17:19 secure-express/require-rate-limit']), { config: ts, rules: RULES });
      // Mounted before it: nothing.
      files['src/app.ts'] = CLASS_TS(HARDEN + LIMITER, '');
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
      // A method written below the routes but called before them: it runs first.
      const MIDDLEWARE = `\n  private middleware(): void {\n${HARDEN}${LIMITER}  }\n`;
      files['src/app.ts'] = CLASS_TS('    this.middleware();\n', '', MIDDLEWARE);
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
      // Called after them: the route runs without its limiter.
      files['src/app.ts'] = CLASS_TS('', '    this.middleware();\n', MIDDLEWARE);
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual(['15:19 secure-express/require-helmet', '15:19 secure-express/require-rate-limit']), { config: ts, rules: RULES });
    });

    it('TypeScript: the trial repro reports its reflected XSS and the app findings together', () => {
      const files = {
        'package.json': PACKAGE.replace('src/app.ts', 'src/server.ts'),
        'src/app.ts':
          "import express from 'express';\nexport class App {\n  app = express();\n  constructor() {\n    this.routes();\n    this.app.use((_err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => { res.sendStatus(500); });\n  }\n  private routes() { this.app.post('/login', (req, res) => { res.send(req.query.q); }); }\n  listen() { this.app.listen(3000); }\n}\n",
        'src/server.ts': "import { App } from './app';\nnew App().listen();\n",
      };
      withProject('classes', files, (lint) =>
        expect(lint('src/app.ts')).toEqual([
          '3:9 secure-express/disable-x-powered-by',
          '3:9 secure-express/require-helmet',
          '8:36 secure-express/require-rate-limit',
          '8:71 secure-express/no-reflected-xss',
        ]), { config: ts, rules: /require-rate-limit|require-helmet|disable-x-powered-by|no-reflected-xss/u });
      // The server hands the instance to code the package does not show: nothing about the app.
      files['src/server.ts'] = "import { App } from './app';\nimport { boot } from 'boot-kit';\nconst server = new App();\nboot(server);\nserver.listen();\n";
      withProject('classes', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    });

    const JS_CLASS = (before: string, after: string): string =>
      `class App {\n  constructor() {\n    this.app = express();\n${before}    this.routes();\n${after}    this.app.use((err, req, res, next) => { res.sendStatus(500); });\n  }\n\n  routes() {\n    this.app.post('/login', (req, res) => { res.json({}); });\n  }\n\n  listen() {\n    this.app.listen(3000);\n  }\n}`;
    const JS_LIMITER = "    this.app.use(require('express-rate-limit').rateLimit({ windowMs: 60000, limit: 5 }));\n";

    it('ES modules: a plain class with the app set in the constructor', () => {
      const files = {
        'package.json': PACKAGE.replace('"main": "src/app.ts"', '"main": "server.mjs", "type": "module"'),
        'app.mjs': `import express from 'express';\nimport { createRequire } from 'node:module';\n\nconst require = createRequire(import.meta.url);\n\nexport ${JS_CLASS('', '')}\n`,
        'server.mjs': "import { App } from './app.mjs';\n\nnew App().listen();\n",
      };
      withProject('classes', files, (lint) =>
        expect(lint('app.mjs')).toEqual(['8:16 secure-express/disable-x-powered-by', '8:16 secure-express/require-helmet', '14:19 secure-express/require-rate-limit']), { config: esm, rules: RULES });
      files['app.mjs'] = `import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\n\nexport ${JS_CLASS('', '')}\n`.replace('    this.routes();\n', "    this.app.use(rateLimit({ windowMs: 60000, limit: 5 }));\n    this.routes();\n");
      withProject('classes', files, (lint) => expect(lint('app.mjs')).toEqual(['6:16 secure-express/disable-x-powered-by', '6:16 secure-express/require-helmet']), { config: esm, rules: RULES });
    });

    it('CommonJS: module.exports = class App { ... }', () => {
      const files = {
        'package.json': PACKAGE.replace('"main": "src/app.ts"', '"main": "server.js"'),
        'app.js': `const express = require('express');\n\nmodule.exports = ${JS_CLASS('', '')};\n`,
        'server.js': "const App = require('./app');\n\nnew App().listen();\n",
      };
      withProject('classes', files, (lint) =>
        expect(lint('app.js')).toEqual(['5:16 secure-express/disable-x-powered-by', '5:16 secure-express/require-helmet', '11:19 secure-express/require-rate-limit']), { config: cjs, rules: RULES });
      // The limiter after the call of the routes: still reported; before it: not.
      files['app.js'] = `const express = require('express');\n\nmodule.exports = ${JS_CLASS('', JS_LIMITER)};\n`;
      withProject('classes', files, (lint) =>
        expect(lint('app.js')).toEqual(['5:16 secure-express/disable-x-powered-by', '5:16 secure-express/require-helmet', '12:19 secure-express/require-rate-limit']), { config: cjs, rules: RULES });
      files['app.js'] = `const express = require('express');\n\nmodule.exports = ${JS_CLASS(JS_LIMITER, '')};\n`;
      withProject('classes', files, (lint) => expect(lint('app.js')).toEqual(['5:16 secure-express/disable-x-powered-by', '5:16 secure-express/require-helmet']), { config: cjs, rules: RULES });
    });
  });

  describe('an app the constructor makes, with helmet mounted after the routes (trial 18 T14, T03)', () => {
    // `this.app = express()` in the constructor, as a field initializer `app = express()` does: the importers only make
    // instances and call their methods, or the class's own file does, so nothing reached the app before the constructor.
    const SERVER_TS = (constructorBody: string): string =>
      `import express, { Application, Request, Response } from 'express';\nimport helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';\n\nexport class Server {\n  private readonly app: Application;\n\n  constructor() {\n    this.app = express();\n${constructorBody}  }\n\n  private routes(): void {\n    this.app.post('/api/auth/login', (req: Request, res: Response) => {\n      res.json({ user: String(req.body.user) });\n    });\n  }\n\n  private security(): void {\n    this.app.use(helmet());\n    this.app.use(rateLimit({ windowMs: 60000, limit: 10 }));\n  }\n\n  start(): void {\n    this.app.listen(3000);\n  }\n}\n`;
    const LATE = '    this.routes();\n    this.security();\n';
    const EARLY = '    this.security();\n    this.routes();\n';
    const FOUND = ['9:16 secure-express/disable-x-powered-by', '15:19 secure-express/require-helmet', '15:19 secure-express/require-rate-limit'];

    it('TypeScript: made and started by an importer (new Server().start() in main.ts)', () => {
      const files = { 'package.json': PACKAGE.replace('src/app.ts', 'src/main.ts'), 'src/server.ts': SERVER_TS(LATE), 'src/main.ts': "import { Server } from './server';\n\nnew Server().start();\n" };
      withProject('classes', files, (lint) => expect(lint('src/server.ts')).toEqual(FOUND), { config: ts, rules: RULES });
      files['src/server.ts'] = SERVER_TS(EARLY);
      withProject('classes', files, (lint) => expect(lint('src/server.ts')).toEqual([]), { config: ts, rules: RULES });
      // An importer that hands the instance on: unknown, as before.
      files['src/server.ts'] = SERVER_TS(LATE);
      files['src/main.ts'] = "import { Server } from './server';\nimport { boot } from 'boot-kit';\n\nconst server = new Server();\nboot(server);\nserver.start();\n";
      withProject('classes', files, (lint) => expect(lint('src/server.ts')).toEqual([]), { config: ts, rules: RULES });
    });

    it('TypeScript: made and started in its own file, which no file imports', () => {
      const files: Record<string, string> = { 'package.json': PACKAGE.replace('src/app.ts', 'src/server.ts'), 'src/server.ts': `${SERVER_TS(LATE)}\nnew Server().start();\n` };
      withProject('classes', files, (lint) => expect(lint('src/server.ts')).toEqual(FOUND), { config: ts, rules: RULES });
      files['src/server.ts'] = `${SERVER_TS(EARLY)}\nnew Server().start();\n`;
      withProject('classes', files, (lint) => expect(lint('src/server.ts')).toEqual([]), { config: ts, rules: RULES });
      // No instance made in the file (a library's class), or one that nothing serves: its host configures it.
      files['src/server.ts'] = SERVER_TS(LATE);
      withProject('classes', files, (lint) => expect(lint('src/server.ts')).toEqual([]), { config: ts, rules: RULES });
      files['src/server.ts'] = `${SERVER_TS(LATE).replace('    this.app.listen(3000);\n', '')}\nnew Server().start();\n`;
      withProject('classes', files, (lint) => expect(lint('src/server.ts')).toEqual([]), { config: ts, rules: RULES });
      // An importer that extends it: unknown.
      files['src/server.ts'] = `${SERVER_TS(LATE)}\nnew Server().start();\n`;
      files['src/admin.ts'] = "import { Server } from './server';\n\nexport class Admin extends Server {}\n";
      withProject('classes', files, (lint) => expect(lint('src/server.ts')).toEqual([]), { config: ts, rules: RULES });
    });

    it('CommonJS: module.exports = Server, made and started in server.js or in its own file', () => {
      const JS = (body: string, tail = ''): string =>
        `const express = require('express');\nconst helmet = require('helmet');\n\nclass Server {\n  constructor() {\n    this.app = express();\n${body}  }\n\n  routes() {\n    this.app.post('/login', (req, res) => res.json({}));\n  }\n\n  security() {\n    this.app.use(helmet());\n  }\n\n  start() {\n    this.app.listen(3000);\n  }\n}\n\nmodule.exports = Server;\n${tail}`;
      const files: Record<string, string> = { 'package.json': PACKAGE.replace('"main": "src/app.ts"', '"main": "main.js"'), 'server.js': JS(LATE), 'main.js': "const Server = require('./server');\n\nnew Server().start();\n" };
      const found = ['6:16 secure-express/disable-x-powered-by', '12:19 secure-express/require-helmet'];
      withProject('classes', files, (lint) => expect(lint('server.js')).toEqual(found), { config: cjs, rules: /require-helmet|disable-x-powered-by/u });
      files['server.js'] = JS(EARLY);
      withProject('classes', files, (lint) => expect(lint('server.js')).toEqual([]), { config: cjs, rules: /require-helmet|disable-x-powered-by/u });
      delete files['main.js'];
      files['package.json'] = PACKAGE.replace('"main": "src/app.ts"', '"main": "server.js"');
      files['server.js'] = JS(LATE, '\nnew Server().start();\n');
      withProject('classes', files, (lint) => expect(lint('server.js')).toEqual(found), { config: cjs, rules: /require-helmet|disable-x-powered-by/u });
      files['server.js'] = JS(EARLY, '\nnew Server().start();\n');
      withProject('classes', files, (lint) => expect(lint('server.js')).toEqual([]), { config: cjs, rules: /require-helmet|disable-x-powered-by/u });
    });
  });
});
