// An app handed to a function of another file of the package that configures it (`require('./config/security')(app)`,
// the MEAN and boilerplate layouts): what that function mounts on the app (helmet, a limiter, the session) runs at the
// point of the call (src/express/model.ts `handedTo` / `handedCalls`), so the routes registered after it get it, the
// routes before it do not, and the app-wide rules count it. Only what the function itself mounts, in its own body.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Linter } from 'eslint';

import { esm, lintFile, ts, withProject as inProject } from './fixture-project';

/** The rules whose verdicts depend on what runs before a route or on the whole app. */
const WATCHED = /require-helmet|disable-x-powered-by|require-rate-limit|require-csrf-protection|require-session-regenerate/u;
/** With the rule that a global `ValidationPipe` answers (Nest). */
const NEST_WATCHED = new RegExp(`${WATCHED.source}|require-input-validation`, 'u');

/** `line:column ruleId`, with the start of require-helmet's message (which of its messages it is). */
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}${m.ruleId!.endsWith('require-helmet') ? ` ${m.message.slice(0, 60)}` : ''}`;

function withProject(
  files: Record<string, string>,
  run: (lint: (name: string) => string[]) => void,
  config?: typeof esm,
  rules = WATCHED,
  formatted = format,
): void {
  inProject('handoffs', files, run, { config, rules, format: formatted });
}

const PACKAGE = '{ "name": "handed", "main": "server.js", "dependencies": { "express": "^4.21.0", "helmet": "^8.0.0", "express-rate-limit": "^7.4.0", "express-session": "^1.18.0" } }';

const SECURITY =
  "const helmet = require('helmet');\nconst rateLimit = require('express-rate-limit');\n\nmodule.exports = function (app) {\n  app.disable('x-powered-by');\n  app.use(helmet());\n  app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n};\n";

const ROUTES = "module.exports = (app) => {\n  app.post('/login', (req, res) => {\n    res.json({ ok: req.body.user === 'a' });\n  });\n};\n";

const MEAN = {
  'package.json': PACKAGE,
  'server.js': "const express = require('express');\n\nconst app = express();\nrequire('./config/security')(app);\nrequire('./routes')(app);\napp.listen(3000);\n",
  'config/security.js': SECURITY,
  'routes/index.js': ROUTES,
};

describe('apps handed to a function of the package that configures them', () => {
  it('helmet, the limiter and x-powered-by set by a config module before the routes count (CommonJS)', () => {
    withProject(MEAN, (lint) => {
      expect(lint('server.js')).toEqual([]);
      expect(lint('routes/index.js')).toEqual([]);
    });
  });

  it('an edit to the config module is seen on the next lint (an editor)', () => {
    inProject('handoffs', MEAN, (lint, dir) => {
      expect(lint('routes/index.js')).toEqual([]);
      // The limiter goes: the same process, the next lint of the route file reports it.
      writeFileSync(path.join(dir, 'config/security.js'), SECURITY.replace('  app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n', ''));
      expect(lintFile(dir, 'routes/index.js', { rules: WATCHED })).toEqual(['2:12 secure-express/require-rate-limit']);
      expect(lint('server.js')).toEqual([]);
      writeFileSync(path.join(dir, 'config/security.js'), SECURITY);
      expect(lint('routes/index.js')).toEqual([]);
    }, { rules: WATCHED, format });
  });

  it('without the config module, the same app and route are reported', () => {
    const files: Record<string, string> = { ...MEAN };
    files['server.js'] = "const express = require('express');\n\nconst app = express();\nrequire('./routes')(app);\napp.listen(3000);\n";
    withProject(files, (lint) => {
      expect(lint('server.js')).toEqual([
        '3:13 secure-express/disable-x-powered-by',
        "3:13 secure-express/require-helmet Express app 'app' mounts no helmet(): its responses lack Con",
      ]);
      expect(lint('routes/index.js')).toEqual(['2:12 secure-express/require-rate-limit']);
    });
  });

  it('a config module called after the routes runs after them: the route gets no limiter, helmet comes too late', () => {
    const files: Record<string, string> = { ...MEAN };
    files['server.js'] =
      "const express = require('express');\n\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\nrequire('./routes')(app);\nrequire('./config/security')(app);\napp.listen(3000);\n";
    withProject(files, (lint) => {
      // `app.disable` is a setting: it holds for every response, wherever it is called.
      expect(lint('server.js')).toEqual(["4:9 secure-express/require-helmet helmet is mounted on Express app 'app' (config/security.js:6"]);
      expect(lint('routes/index.js')).toEqual(['2:12 secure-express/require-rate-limit']);
    });
  });

  it('follows a config module that hands the app on (config/index.js calling security(app))', () => {
    const files: Record<string, string> = { ...MEAN };
    files['server.js'] = "const express = require('express');\n\nconst app = express();\nrequire('./config')(app);\nrequire('./routes')(app);\napp.listen(3000);\n";
    files['config/index.js'] = "const security = require('./security');\n\nmodule.exports = (app) => {\n  security(app);\n};\n";
    withProject(files, (lint) => {
      expect(lint('server.js')).toEqual([]);
      expect(lint('routes/index.js')).toEqual([]);
    });
    // `security.call(null, app)` is `security(app)`.
    files['config/index.js'] = "const security = require('./security');\n\nmodule.exports = (app) => {\n  security.call(null, app);\n};\n";
    withProject(files, (lint) => expect(lint('routes/index.js')).toEqual([]));
  });

  it('a config module that cannot be read (it does not parse) may do anything with the app: nothing is said of it', () => {
    const files: Record<string, string> = { ...MEAN };
    files['config/security.js'] = 'module.exports = function (app) {\n  app.use(\n};\n';
    withProject(files, (lint) => {
      expect(lint('server.js')).toEqual([]);
      expect(lint('routes/index.js')).toEqual([]);
    });
  });

  it('counts only what the function mounts in its own body, on the paths it mounts it', () => {
    const files: Record<string, string> = { ...MEAN };
    // helmet in a callback that may run at any time; the limiter only on '/api'.
    files['config/security.js'] =
      "const helmet = require('helmet');\nconst rateLimit = require('express-rate-limit');\n\nmodule.exports = function (app) {\n  app.on('mount', () => app.use(helmet()));\n  app.use('/api', rateLimit({ windowMs: 60000, limit: 100 }));\n};\n";
    withProject(files, (lint) => {
      expect(lint('server.js')).toEqual([
        '3:13 secure-express/disable-x-powered-by',
        "3:13 secure-express/require-helmet Express app 'app' mounts no helmet(): its responses lack Con",
      ]);
      expect(lint('routes/index.js')).toEqual(['2:12 secure-express/require-rate-limit']);
    });
  });

  it('a session mounted by a config module makes the login route a session route (CSRF, regenerate)', () => {
    const files: Record<string, string> = { ...MEAN };
    files['config/security.js'] =
      "const session = require('express-session');\n\nmodule.exports = function (app, config) {\n  app.use(session({ secret: config.secret, name: 'sid', resave: false, saveUninitialized: false }));\n};\n";
    files['server.js'] =
      "const express = require('express');\n\nconst app = express();\nrequire('./config/security')(app, { secret: process.env.SECRET });\nrequire('./routes')(app);\napp.listen(3000);\n";
    files['routes/index.js'] = "module.exports = (app) => {\n  app.post('/login', (req, res) => {\n    req.session.user = req.body.user;\n    res.end();\n  });\n};\n";
    withProject(files, (lint) => {
      expect(lint('routes/index.js')).toEqual([
        '2:12 secure-express/require-csrf-protection',
        '2:12 secure-express/require-rate-limit',
        '3:5 secure-express/require-session-regenerate',
      ]);
    });
  });

  it('an importer that hands the exported app to a config module adds what it mounts (bin/www)', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "bin/www"'),
      'app.js': "const express = require('express');\n\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\nmodule.exports = app;\n",
      'bin/www': "#!/usr/bin/env node\nconst app = require('../app');\nrequire('../config/security')(app);\napp.listen(3000);\n",
      'config/security.js': SECURITY,
    };
    withProject(files, (lint) => {
      // helmet reaches the app, but only after the route `app.js` registered while it loaded.
      expect(lint('app.js')).toEqual(["4:9 secure-express/require-helmet helmet is mounted on Express app 'app' (config/security.js:6"]);
    });
  });

  it('ES modules: a default-exported config function', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "server.mjs", "type": "module"'),
      'server.mjs': "import express from 'express';\nimport security from './config/security.mjs';\nimport routes from './routes/index.mjs';\n\nconst app = express();\nsecurity(app);\nroutes(app);\napp.listen(3000);\n",
      'config/security.mjs':
        "import helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';\n\nexport default function security(app) {\n  app.disable('x-powered-by');\n  app.use(helmet());\n  app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n}\n",
      'routes/index.mjs': "export default (app) => {\n  app.post('/login', (req, res) => {\n    res.json({ ok: req.body.user === 'a' });\n  });\n};\n",
    };
    withProject(
      files,
      (lint) => {
        expect(lint('server.mjs')).toEqual([]);
        expect(lint('routes/index.mjs')).toEqual([]);
      },
      esm,
    );
    // The routes first: the limiter comes too late for the login route.
    files['server.mjs'] = files['server.mjs']!.replace('security(app);\nroutes(app);', 'routes(app);\nsecurity(app);');
    withProject(files, (lint) => expect(lint('routes/index.mjs')).toEqual(['2:12 secure-express/require-rate-limit']), esm);
  });

  it('TypeScript: named exports imported as ./x.js', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "src/server.ts"'),
      'src/server.ts':
        "import express from 'express';\nimport { applySecurity } from './config/security.js';\nimport { registerRoutes } from './routes/index.js';\n\nconst app = express();\napplySecurity(app);\nregisterRoutes(app);\napp.listen(3000);\n",
      'src/config/security.ts':
        "import type { Express } from 'express';\nimport helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';\n\nexport function applySecurity(app: Express): void {\n  app.disable('x-powered-by');\n  app.use(helmet());\n  app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n}\n",
      'src/routes/index.ts':
        "import type { Express, Request, Response } from 'express';\n\nexport function registerRoutes(app: Express): void {\n  app.post('/login', (req: Request, res: Response) => {\n    res.json({ ok: req.body.user === 'a' });\n  });\n}\n",
    };
    withProject(
      files,
      (lint) => {
        expect(lint('src/server.ts')).toEqual([]);
        expect(lint('src/routes/index.ts')).toEqual([]);
      },
      ts,
    );
    files['src/config/security.ts'] = "import type { Express } from 'express';\n\nexport function applySecurity(app: Express): void {\n  app.set('view engine', 'pug');\n}\n";
    withProject(
      files,
      (lint) => {
        expect(lint('src/server.ts')).toEqual([
          '5:13 secure-express/disable-x-powered-by',
          "5:13 secure-express/require-helmet Express app 'app' mounts no helmet(): its responses lack Con",
        ]);
        expect(lint('src/routes/index.ts')).toEqual(['4:12 secure-express/require-rate-limit']);
      },
      ts,
    );
  });

  it('TypeScript: a route module that takes the app as its second parameter (db, app) gets the caller\'s chain', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "src/server.ts"'),
      'src/server.ts':
        "import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport { registerRoutes } from './routes.js';\n\nconst app = express();\napp.use(rateLimit({ windowMs: 60000, limit: 100 }));\nregisterRoutes({ users: [] }, app);\napp.listen(3000);\n",
      // (Its handlers are another file's: nothing in it but the parameter says it takes part in an app.)
      'src/routes.ts': "import type { Express } from 'express';\nimport { login } from './controllers.js';\n\nexport function registerRoutes(db: { users: string[] }, app: Express): void {\n  app.post('/login', login(db));\n}\n",
      'src/controllers.ts':
        "import type { Request, Response } from 'express';\n\nexport const login = (db: { users: string[] }) => (req: Request, res: Response) => {\n  res.json({ ok: db.users.includes(String(req.body.user)) });\n};\n",
    };
    withProject(files, (lint) => expect(lint('src/routes.ts')).toEqual([]), ts);
    files['src/server.ts'] = files['src/server.ts']!.replace('app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n', '');
    withProject(files, (lint) => expect(lint('src/routes.ts')).toEqual(['5:12 secure-express/require-rate-limit']), ts);
  });

  it('NestJS: a setup function of the package that the bootstrap hands its app to (session, global ValidationPipe)', () => {
    const files: Record<string, string> = {
      'package.json':
        '{ "name": "nest-setup", "dependencies": { "@nestjs/core": "^10.0.0", "@nestjs/common": "^10.0.0", "@nestjs/platform-express": "^10.0.0", "express-session": "^1.18.1", "helmet": "^8.0.0" } }',
      'src/main.ts':
        "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nimport { setupApp } from './setup';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  setupApp(app);\n  await app.listen(3000);\n}\nbootstrap();\n",
      'src/setup.ts':
        "import type { INestApplication } from '@nestjs/common';\nimport { ValidationPipe } from '@nestjs/common';\nimport session from 'express-session';\nimport helmet from 'helmet';\n\nexport function setupApp(app: INestApplication): void {\n  app.use(helmet());\n  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));\n  app.use(session({ secret: process.env.S!, name: 'sid', resave: false, saveUninitialized: false }));\n}\n",
      'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { AuthModule } from './auth/auth.module';\n@Module({ imports: [AuthModule] })\nexport class AppModule {}\n",
      'src/auth/auth.module.ts': "import { Module } from '@nestjs/common';\nimport { AuthController } from './auth.controller';\n@Module({ controllers: [AuthController] })\nexport class AuthModule {}\n",
      'src/auth/auth.controller.ts':
        "import { Body, Controller, Post, Req } from '@nestjs/common';\nimport type { Request } from 'express';\n\n@Controller('auth')\nexport class AuthController {\n  @Post('login')\n  login(@Body() body: { user: string }, @Req() req: Request) {\n    (req as any).session.user = body.user;\n    return { ok: true };\n  }\n}\n",
    };
    withProject(
      files,
      (lint) => {
        // The session makes the POST route trust cookies; the global pipe validates its body.
        // (And the login writes the session through a cast, `(req as any).session.user`, without regenerating it.)
        expect(lint('src/auth/auth.controller.ts')).toEqual([
          '6:9 secure-express/require-csrf-protection',
          '6:9 secure-express/require-rate-limit',
          '8:5 secure-express/require-session-regenerate',
        ]);
        expect(lint('src/main.ts')).toEqual([]);
      },
      ts,
      NEST_WATCHED,
    );
    // Set up after the app starts, or not at all: no session, no pipe.
    files['src/main.ts'] = files['src/main.ts']!.replace('  setupApp(app);\n  await app.listen(3000);', '  await app.listen(3000);\n  setupApp(app);');
    withProject(files, (lint) => expect(lint('src/auth/auth.controller.ts')).toEqual(['6:9 secure-express/require-rate-limit', '7:17 secure-express/require-input-validation', '8:5 secure-express/require-session-regenerate']), ts, NEST_WATCHED);
  });
});

// The loaders layout (bulletproof-node): the app goes down in an options object, `loaders({ expressApp: app })` then
// `expressLoader({ app: expressApp })`, to a parameter that destructures it; the API router is made by a function that
// hands it to the route modules (`auth(router)`) and returns it.
const LOADERS: Record<string, string> = {
  'package.json': '{ "name": "loaders", "main": "src/app.ts", "dependencies": { "express": "^4.21.0", "express-rate-limit": "^7.4.0" } }',
  'src/app.ts':
    "import express from 'express';\nimport loaders from './loaders/index.js';\n\nasync function startServer() {\n  const app = express();\n  await loaders({ expressApp: app });\n  app.listen(3000);\n}\nstartServer();\n",
  'src/loaders/index.ts':
    "import type { Application } from 'express';\nimport expressLoader from './express.js';\n\nexport default async ({ expressApp }: { expressApp: Application }) => {\n  await expressLoader({ app: expressApp });\n};\n",
  'src/loaders/express.ts':
    "import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport routes from '../api/index.js';\n\nexport default ({ app }: { app: express.Application }) => {\n  app.disable('x-powered-by');\n  app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n  app.use(express.json({ limit: '10kb' }));\n  app.use('/api', routes());\n};\n",
  'src/api/index.ts': "import { Router } from 'express';\nimport auth from './routes/auth.js';\n\nexport default () => {\n  const app = Router();\n  auth(app);\n  return app;\n};\n",
  'src/api/routes/auth.ts':
    "import { Router, type Request, type Response } from 'express';\n\nconst route = Router();\n\nexport default (app: Router) => {\n  app.use('/auth', route);\n  route.post('/signin', (req: Request, res: Response) => {\n    res.json({ ok: req.body.password === 'x' });\n  });\n};\n",
};

describe('middleware that a config module mounts after a route is named where it is', () => {
  /** `line:column ruleId message` for the limiter and CSRF rules. */
  const withMessage = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId} ${m.message}`;
  const LATE = /require-rate-limit|require-csrf-protection/u;
  const SESSION_ROUTE = "app.post('/login', (req, res) => {\n  req.session.regenerate(() => {\n    req.session.user = req.body.user;\n    res.end();\n  });\n});\n";

  it('CommonJS: the limiter and the CSRF check of config/security.js, called after the login route', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"express-session": "^1.18.0"', '"express-session": "^1.18.0", "lusca": "^1.7.0"'),
      'server.js': `const express = require('express');\nconst session = require('express-session');\n\nconst app = express();\napp.use(session({ secret: process.env.SECRET, name: 'sid', resave: false, saveUninitialized: false }));\n${SESSION_ROUTE}require('./config/security')(app);\napp.listen(3000);\n`,
      'config/security.js':
        "const lusca = require('lusca');\nconst rateLimit = require('express-rate-limit');\n\nmodule.exports = function (app) {\n  app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n  app.use(lusca.csrf());\n};\n",
    };
    withProject(
      files,
      (lint) =>
        expect(lint('server.js')).toEqual([
          "6:10 secure-express/require-csrf-protection CSRF protection 'lusca.csrf()' (config/security.js:6) is mounted after route 'POST /login' on 'app', so it never runs for that route: mount it before the route.",
          "6:10 secure-express/require-rate-limit Rate limiter 'rateLimit(...)' (config/security.js:5) is mounted after authentication route 'POST /login' on 'app', so it never runs for that route: mount it before the route.",
        ]),
      undefined,
      LATE,
      withMessage,
    );
    // Called before the route: both run first, nothing is said.
    files['server.js'] = files['server.js']!.replace(`${SESSION_ROUTE}require('./config/security')(app);\n`, `require('./config/security')(app);\n${SESSION_ROUTE}`);
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]), undefined, LATE, withMessage);
  });

  it('a limiter this file defines is offered in place of the late one of another file (the suggestion)', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'server.js':
        "const express = require('express');\nconst rateLimit = require('express-rate-limit');\n\nconst loginLimiter = rateLimit({ windowMs: 60000, limit: 5 });\nconst app = express();\napp.post('/login', (req, res) => res.end());\nrequire('./config/security')(app);\napp.listen(3000);\n",
      'config/security.js': SECURITY,
    };
    withProject(
      files,
      (lint) => expect(lint('server.js')).toEqual(["6:10 secure-express/require-rate-limit Rate limiter 'rateLimit(...)' (config/security.js:7) is mounted after authentication route 'POST /login' on 'app', so it never runs for that route: mount it before the route. [Add 'loginLimiter' to the route's middleware.]"]),
      undefined,
      /require-rate-limit/u,
      (m) => `${withMessage(m)} [${(m.suggestions ?? []).map((s) => s.desc).join(', ')}]`,
    );
  });

  it('ES modules and TypeScript: the same message', () => {
    const esmFiles: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "server.mjs", "type": "module"'),
      'server.mjs': "import express from 'express';\nimport security from './config/security.mjs';\n\nconst app = express();\napp.post('/auth/token', (req, res) => res.json(grant(req.body)));\nsecurity(app);\napp.listen(3000);\n",
      'config/security.mjs': "import { rateLimit } from 'express-rate-limit';\n\nexport default function security(app) {\n  app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n}\n",
    };
    const message = (file: string, line: number): string =>
      `5:10 secure-express/require-rate-limit Rate limiter 'rateLimit(...)' (${file}:${line}) is mounted after authentication route 'POST /auth/token' on 'app', so it never runs for that route: mount it before the route.`;
    withProject(esmFiles, (lint) => expect(lint('server.mjs')).toEqual([message('config/security.mjs', 4)]), esm, /require-rate-limit/u, withMessage);
    const tsFiles: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "src/server.ts"'),
      'src/server.ts': "import express from 'express';\nimport { applySecurity } from './security.js';\n\nconst app = express();\napp.post('/auth/token', (req, res) => res.json(grant(req.body)));\napplySecurity(app);\napp.listen(3000);\n",
      'src/security.ts':
        "import type { Express } from 'express';\nimport { rateLimit } from 'express-rate-limit';\n\nexport function applySecurity(app: Express): void {\n  app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n}\n",
    };
    withProject(tsFiles, (lint) => expect(lint('src/server.ts')).toEqual([message('src/security.ts', 5)]), ts, /require-rate-limit/u, withMessage);
  });
});

describe('routes that a route module registers before helmet (trial 13)', () => {
  /** `line:column ruleId message`, require-helmet only. */
  const withMessage = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId} ${m.message}`;
  const HELMET = /require-helmet/u;
  const PAGES = "module.exports = function registerRoutes(app) {\n  app.use(require('express').json());\n  app.get('/profile', (req, res) => res.send('profile'));\n};\n";
  const server = (body: string): string => `const express = require('express');\nconst helmet = require('helmet');\nconst registerRoutes = require('./routes');\n\nconst app = express();\n${body}app.listen(3000);\n`;

  it('CommonJS: helmet mounted after the call that registers the routes is reported at that call, naming the route and its file', () => {
    const files: Record<string, string> = { 'package.json': PACKAGE, 'server.js': server('registerRoutes(app);\napp.use(helmet());\n'), 'routes.js': PAGES };
    withProject(
      files,
      (lint) => {
        expect(lint('server.js')).toEqual([
          "6:1 secure-express/require-helmet helmet is mounted on Express app 'app' (line 7) after route 'GET /profile' (routes.js:3, registered by the call at line 6): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
        ]);
        expect(lint('routes.js')).toEqual([]);
      },
      undefined,
      HELMET,
      withMessage,
    );
    // helmet first: nothing to say.
    files['server.js'] = server('app.use(helmet());\nregisterRoutes(app);\n');
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]), undefined, HELMET, withMessage);
    // A route module that only mounts middleware answers no request before helmet.
    files['server.js'] = server('registerRoutes(app);\napp.use(helmet());\n');
    files['routes.js'] = "module.exports = function registerRoutes(app) {\n  app.use(require('express').json());\n};\n";
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]), undefined, HELMET, withMessage);
  });

  it('CommonJS: routes handed on to a second module, then helmet from a config module: both files named', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'server.js': "const express = require('express');\n\nconst app = express();\nrequire('./routes')(app);\nrequire('./config/security')(app);\napp.listen(3000);\n",
      'routes/index.js': "const users = require('./users');\n\nmodule.exports = (app) => {\n  users(app);\n};\n",
      'routes/users.js': "module.exports = (app) => {\n  app.get('/users', (req, res) => res.json([]));\n};\n",
      'config/security.js': SECURITY,
    };
    withProject(
      files,
      (lint) =>
        expect(lint('server.js')).toEqual([
          "4:1 secure-express/require-helmet helmet is mounted on Express app 'app' (config/security.js:6) after route 'GET /users' (routes/users.js:2, registered by the call at server.js:4): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
        ]),
      undefined,
      HELMET,
      withMessage,
    );
    // The config module first: helmet runs before every route.
    files['server.js'] = "const express = require('express');\n\nconst app = express();\nrequire('./config/security')(app);\nrequire('./routes')(app);\napp.listen(3000);\n";
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]), undefined, HELMET, withMessage);
  });

  it('ES modules and TypeScript: the same finding, and none when helmet comes first', () => {
    const mjs: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "server.mjs", "type": "module"'),
      'server.mjs': "import express from 'express';\nimport helmet from 'helmet';\nimport routes from './routes.mjs';\n\nconst app = express();\nroutes(app);\napp.use(helmet());\napp.listen(3000);\n",
      'routes.mjs': "export default (app) => {\n  app.get('/', (req, res) => res.send('home'));\n};\n",
    };
    withProject(mjs, (lint) => expect(lint('server.mjs')).toEqual([expect.stringMatching(/^6:1 secure-express\/require-helmet .*after route 'GET \/' \(routes\.mjs:2, registered by the call at line 6\)/u)]), esm, HELMET, withMessage);
    mjs['server.mjs'] = mjs['server.mjs']!.replace('routes(app);\napp.use(helmet());', 'app.use(helmet());\nroutes(app);');
    withProject(mjs, (lint) => expect(lint('server.mjs')).toEqual([]), esm, HELMET, withMessage);

    const tsFiles: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "src/server.ts"'),
      'src/server.ts':
        "import express from 'express';\nimport helmet from 'helmet';\nimport { registerRoutes } from './routes/index.js';\n\nconst app = express();\nregisterRoutes(app);\napp.use(helmet());\napp.listen(3000);\n",
      'src/routes/index.ts':
        "import type { Express, Request, Response } from 'express';\n\nexport function registerRoutes(app: Express): void {\n  app.get('/health', (req: Request, res: Response) => {\n    res.json({ ok: true });\n  });\n}\n",
    };
    withProject(tsFiles, (lint) => expect(lint('src/server.ts')).toEqual([expect.stringMatching(/^6:1 secure-express\/require-helmet .*after route 'GET \/health' \(src\/routes\/index\.ts:4, registered by the call at line 6\)/u)]), ts, HELMET, withMessage);
    tsFiles['src/server.ts'] = tsFiles['src/server.ts']!.replace('registerRoutes(app);\napp.use(helmet());', 'app.use(helmet());\nregisterRoutes(app);');
    withProject(tsFiles, (lint) => expect(lint('src/server.ts')).toEqual([]), ts, HELMET, withMessage);
  });

  it('a handoff inside another function than the one that creates the app may run at any time: nothing is said', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'server.js': server('function start() {\n  registerRoutes(app);\n}\napp.use(helmet());\nstart();\n'),
      'routes.js': PAGES,
    };
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]), undefined, HELMET, withMessage);
  });
});

describe('apps handed down in an options object (the loaders layout)', () => {
  it('the limiter a loader mounts runs before the routes of the API router (TypeScript)', () => {
    withProject(
      LOADERS,
      (lint) => {
        expect(lint('src/api/routes/auth.ts')).toEqual([]);
        expect(lint('src/app.ts')).toEqual(["5:15 secure-express/require-helmet Express app 'app' mounts no helmet(): its responses lack Con"]);
      },
      ts,
    );
  });

  it('without the limiter, the sign-in route is reported with its full path', () => {
    const files = { ...LOADERS, 'src/loaders/express.ts': LOADERS['src/loaders/express.ts']!.replace("  app.use(rateLimit({ windowMs: 60000, limit: 100 }));\n", '') };
    withProject(files, (lint) => expect(lint('src/api/routes/auth.ts')).toEqual(['7:14 secure-express/require-rate-limit']), ts, /require-rate-limit/u);
    withProject(
      files,
      (lint) => expect(lint('src/api/routes/auth.ts')).toEqual(["Authentication route 'POST /api/auth/signin'"]),
      ts,
      /require-rate-limit/u,
      (m) => m.message.slice(0, m.message.indexOf(' on ')),
    );
  });

  it('CommonJS: require("./loaders")({ app }) with module.exports = ({ app }) => ...; a key the function does not destructure stays unknown', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'server.js': "const express = require('express');\n\nconst app = express();\nrequire('./loaders')({ app, db: null });\nrequire('./routes')(app);\napp.listen(3000);\n",
      'loaders/index.js': "const helmet = require('helmet');\n\nmodule.exports = ({ app }) => {\n  app.disable('x-powered-by');\n  app.use(helmet());\n};\n",
      'routes/index.js': ROUTES,
    };
    withProject(files, (lint) => {
      expect(lint('server.js')).toEqual([]);
      expect(lint('routes/index.js')).toEqual(['2:12 secure-express/require-rate-limit']);
    });
    // `(options) => options.app.use(...)`: the app is in a property the model does not follow: it leaves the file.
    files['loaders/index.js'] = "const helmet = require('helmet');\n\nmodule.exports = (options) => {\n  options.app.use(helmet());\n};\n";
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]));
  });
});

describe('what a configuring function does, and when (trial 6)', () => {
  it('a router of another file mounted after the call gets what the call mounted', () => {
    const files: Record<string, string> = {
      ...MEAN,
      'server.js': "const express = require('express');\n\nconst app = express();\nrequire('./config/security')(app);\napp.use('/auth', require('./routes/auth'));\napp.listen(3000);\n",
      'routes/auth.js': "const router = require('express').Router();\nrouter.post('/login', (req, res) => res.json({ ok: req.body.user === 'a' }));\nmodule.exports = router;\n",
    };
    withProject(files, (lint) => expect(lint('routes/auth.js')).toEqual([]));
    files['server.js'] = files['server.js']!.replace("require('./config/security')(app);\napp.use('/auth', require('./routes/auth'));", "app.use('/auth', require('./routes/auth'));\nrequire('./config/security')(app);");
    withProject(files, (lint) => expect(lint('routes/auth.js')).toEqual(['2:13 secure-express/require-rate-limit']));
  });

  it('an app kept on a class instance, handed on from a method the constructor calls in order', () => {
    const files: Record<string, string> = {
      ...MEAN,
      'server.js':
        "const express = require('express');\nconst security = require('./config/security');\n\nclass Server {\n  constructor() {\n    this.app = express();\n    this.middleware();\n    this.routes();\n  }\n  middleware() {\n    security(this.app);\n  }\n  routes() {\n    this.app.post('/login', (req, res) => res.json({ ok: req.body.user === 'a' }));\n  }\n}\nnew Server();\n",
    };
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]));
    // Without the method that hands it on, the same class is reported.
    files['server.js'] = files['server.js']!.replace('    security(this.app);\n', '');
    withProject(files, (lint) =>
      expect(lint('server.js')).toEqual([
        '6:16 secure-express/disable-x-powered-by',
        "6:16 secure-express/require-helmet Express app 'this.app' mounts no helmet(): its responses lac",
        '13:19 secure-express/require-rate-limit',
      ]),
    );
  });

  it('a function that hands the app to another package, or that is reached through a cycle, is followed as far as it can be', () => {
    const files: Record<string, string> = { ...MEAN };
    // `defend(app)` of a package: what it mounts is unknown, so nothing is said of the app or of the routes after.
    files['config/security.js'] = "const defend = require('express-defend');\n\nmodule.exports = function (app) {\n  defend(app);\n};\n";
    withProject(files, (lint) => {
      expect(lint('server.js')).toEqual([]);
      expect(lint('routes/index.js')).toEqual([]);
    });
    // a(app) → b(app) → a(app): the cycle adds nothing, and the limiter b mounts counts.
    files['config/security.js'] = "const b = require('./b');\n\nmodule.exports = function a(app) {\n  if (!app.locals.secured) b(app);\n};\n";
    files['config/b.js'] =
      "const rateLimit = require('express-rate-limit');\nconst a = require('./security');\n\nmodule.exports = function b(app) {\n  app.locals.secured = true;\n  app.use(rateLimit({ limit: 100 }));\n  a(app);\n};\n";
    withProject(files, (lint) => expect(lint('routes/index.js')).toEqual([]));
    // A function that calls itself with the app does again only what it does: the app is still known.
    files['config/security.js'] = "const express = require('express');\n\nmodule.exports = function a(app, n = 0) {\n  app.use(express.json({ limit: '1kb' }));\n  if (n < 3) a(app, n + 1);\n};\n";
    delete files['config/b.js'];
    withProject(files, (lint) => expect(lint('routes/index.js')).toEqual(['2:12 secure-express/require-rate-limit']));
    // A parameter called with the app is no recursion (`plugins.forEach((ext) => ext(app))`): unknown code gets it.
    files['server.js'] = "const express = require('express');\n\nconst app = express();\nconst plugins = require(process.env.PLUGINS);\nplugins.forEach((ext) => ext(app));\napp.listen(3000);\n";
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]));
  });

  it('an async function called without await: what it mounts after its first await comes after the caller', () => {
    const files: Record<string, string> = { ...MEAN };
    files['config/security.js'] =
      "const helmet = require('helmet');\nconst rateLimit = require('express-rate-limit');\n\nmodule.exports = async function (app) {\n  await Promise.resolve();\n  app.use(helmet());\n  app.use(rateLimit({ limit: 100 }));\n};\n";
    files['server.js'] = "const express = require('express');\n\nconst app = express();\nrequire('./config/security')(app);\napp.get('/', (req, res) => res.send('hi'));\napp.listen(3000);\n";
    withProject(files, (lint) =>
      expect(lint('server.js')).toEqual(['3:13 secure-express/disable-x-powered-by', "5:9 secure-express/require-helmet helmet is mounted on Express app 'app' (config/security.js:6"]),
    );
    // Awaited in any way (here with a .catch), it may run before the route: nothing is said against it.
    files['server.js'] = "const express = require('express');\n\n(async () => {\n  const app = express();\n  await require('./config/security')(app).catch(() => process.exit(1));\n  app.get('/', (req, res) => res.send('hi'));\n  app.listen(3000);\n})();\n";
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]));
    // Dropped in other ways (`void`, a `.catch` not awaited): after the caller again.
    for (const call of ["void require('./config/security')(app);", "require('./config/security')(app).catch(console.error);"]) {
      files['server.js'] = `const express = require('express');\n\nconst app = express();\n${call}\napp.get('/', (req, res) => res.send('hi'));\napp.listen(3000);\n`;
      withProject(files, (lint) => expect(lint('server.js')).toEqual(['3:13 secure-express/disable-x-powered-by', "5:9 secure-express/require-helmet helmet is mounted on Express app 'app' (config/security.js:6"]));
    }
    // Kept and awaited later: at that await (after the route here, before it when the await comes first).
    files['server.js'] = "const express = require('express');\n\n(async () => {\n  const app = express();\n  const ready = require('./config/security')(app);\n  app.get('/', (req, res) => res.send('hi'));\n  await ready;\n  app.listen(3000);\n})();\n";
    withProject(files, (lint) => expect(lint('server.js')).toEqual(['4:15 secure-express/disable-x-powered-by', "6:11 secure-express/require-helmet helmet is mounted on Express app 'app' (config/security.js:6"]));
    files['server.js'] = files['server.js']!.replace("  app.get('/', (req, res) => res.send('hi'));\n  await ready;\n", "  await ready;\n  app.get('/', (req, res) => res.send('hi'));\n");
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]));
    // Awaited, it runs before the route.
    files['server.js'] = "const express = require('express');\n\n(async () => {\n  const app = express();\n  await require('./config/security')(app);\n  app.get('/', (req, res) => res.send('hi'));\n  app.listen(3000);\n})();\n";
    withProject(files, (lint) => expect(lint('server.js')).toEqual([]));
  });
});

describe('values of installed packages handed to a route module', () => {
  it("require('./routes')(app, passport): the routes' passport.authenticate is passport's (CSRF on a session login)", () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'server.js':
        "const express = require('express');\nconst passport = require('passport');\nconst session = require('express-session');\n\nconst app = express();\napp.use(session({ secret: process.env.S, name: 'sid', resave: false, saveUninitialized: false }));\nrequire('./routes')(app, passport);\napp.listen(3000);\n",
      'routes.js':
        "module.exports = function (app, passport) {\n  app.post('/login', passport.authenticate('local', { failureRedirect: '/login' }), (req, res) => res.redirect('/'));\n};\n",
    };
    withProject(files, (lint) => expect(lint('routes.js')).toEqual(['2:12 secure-express/require-csrf-protection', '2:12 secure-express/require-rate-limit']));
    // A parameter the route module reassigns holds something else.
    withProject({ ...files, 'routes.js': files['routes.js']!.replace('module.exports = function (app, passport) {\n', "module.exports = function (app, passport) {\n  passport = require('./my-auth');\n"), 'my-auth.js': 'module.exports = { authenticate: () => (req, res, next) => next() };\n' }, (lint) =>
      expect(lint('routes.js')).toEqual(['3:12 secure-express/require-rate-limit']),
    );
    // Two callers that hand different values: the parameter is neither.
    files['admin.js'] = "const express = require('express');\nconst app = express();\nrequire('./routes')(app, require('./my-auth'));\napp.listen(3001);\n";
    files['my-auth.js'] = 'module.exports = { authenticate: () => (req, res, next) => next() };\n';
    withProject(files, (lint) => expect(lint('routes.js')).toEqual(['2:12 secure-express/require-rate-limit']));
  });
});

describe('packages handed in an object beside the app (a new-user trial, session 14)', () => {
  const WITH_PASSPORT = PACKAGE.replace('"express-session"', '"passport": "^0.5.3", "express-session"');
  const RULES = /require-csrf-protection|require-session-regenerate/u;
  const message = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;
  const ROUTE = (head: string): string =>
    `${head}\n  app.post('/login', passport.authenticate('local', { failureRedirect: '/login' }), (req, res) => res.redirect('/'));\n};\n`;
  const FOUND = ['2:12 secure-express/require-csrf-protection', '2:22 secure-express/require-session-regenerate'];

  it("CommonJS: require('./routes')(app, { db, passport }) with (app, { db, passport }) => ...", () => {
    const files = (handed: string, head = 'module.exports = function (app, { db, passport }) {'): Record<string, string> => ({
      'package.json': WITH_PASSPORT,
      'server.js': `const express = require('express');\nconst passport = require('passport');\nconst session = require('express-session');\nconst db = require('./db');\n\nconst app = express();\napp.use(session({ secret: process.env.S, name: 'sid', resave: false, saveUninitialized: false }));\nrequire('./routes')(app, ${handed});\napp.listen(3000);\n`,
      'db.js': 'module.exports = {};\n',
      'routes.js': ROUTE(head),
    });
    withProject(files('{ db, passport }'), (lint) => expect(lint('routes.js')).toEqual(FOUND), undefined, RULES, message);
    withProject(files('{ passport: passport, db }', 'module.exports = (app, { passport, db: pool }) => {'), (lint) => expect(lint('routes.js')).toEqual(FOUND), undefined, RULES, message);
    // Not passport: a module of the package at that key (its middleware may be anything: nothing said), a key the
    // object does not hold, a spread (unknown: no passport finding).
    withProject({ ...files("{ db, passport: require('./my-auth') }"), 'my-auth.js': 'module.exports = { authenticate: () => (req, res, next) => next() };\n' }, (lint) =>
      expect(lint('routes.js')).toEqual([]), undefined, RULES, message);
    withProject(files('{ db }'), (lint) => expect(lint('routes.js')).toEqual([]), undefined, RULES, message);
    withProject(files('{ ...{ passport }, db }'), (lint) => expect(lint('routes.js')).toEqual([]), undefined, RULES, message);
  });

  it('ES modules and TypeScript: the same', () => {
    const server = (ext: string): string =>
      `import express from 'express';\nimport passport from 'passport';\nimport session from 'express-session';\nimport registerRoutes from './routes${ext}';\n\nconst app = express();\napp.use(session({ secret: process.env.S ?? '', name: 'sid', resave: false, saveUninitialized: false }));\nregisterRoutes(app, { passport });\napp.listen(3000);\n`;
    withProject(
      { 'package.json': WITH_PASSPORT.replace('"main": "server.js"', '"type": "module", "main": "server.js"'), 'server.js': server('.js'), 'routes.js': ROUTE('export default function (app, { passport }) {') },
      (lint) => expect(lint('routes.js')).toEqual(FOUND),
      esm,
      RULES,
      message,
    );
    withProject(
      {
        'package.json': WITH_PASSPORT.replace('"main": "server.js"', '"type": "module", "main": "server.ts"'),
        'server.ts': server('.js'),
        'routes.ts': ROUTE("import type { Application } from 'express';\nimport type { PassportStatic } from 'passport';\n\nexport default function (app: Application, { passport }: { passport: PassportStatic }): void {").replace("\n  app.post", '\n  app.post'),
      },
      (lint) => expect(lint('routes.ts')).toEqual(['5:12 secure-express/require-csrf-protection', '5:22 secure-express/require-session-regenerate']),
      ts,
      RULES,
      message,
    );
  });
});

describe('packages handed on through a deps parameter (new-user trial 19)', () => {
  const WITH_PASSPORT = PACKAGE.replace('"express-session"', '"passport": "^0.5.3", "express-session"');
  const RULES = /require-csrf-protection|require-session-regenerate/u;
  const message = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;
  const found = (line: number): string[] => [`${line}:12 secure-express/require-csrf-protection`, `${line}:22 secure-express/require-session-regenerate`];
  const LOGIN = (passport: string): string => `  app.post('/login', ${passport}.authenticate('local', { failureRedirect: '/login' }), (req, res) => res.redirect('/'));\n`;
  const MY_AUTH = 'module.exports = { authenticate: () => (req, res, next) => next() };\n';
  const SERVER = (handoff: string, before = ''): string =>
    `const express = require('express');\nconst passport = require('passport');\nconst session = require('express-session');\nconst db = require('./db');\n\nconst app = express();\napp.use(session({ secret: process.env.S, name: 'sid', resave: false, saveUninitialized: false }));\n${before}${handoff}\napp.listen(3000);\n`;
  const project = (files: Record<string, string>): Record<string, string> => ({ 'package.json': WITH_PASSPORT, 'db.js': 'module.exports = {};\n', 'my-auth.js': MY_AUTH, ...files });

  it('CommonJS: routes/index.js hands its deps parameter on to routes/auth.js, which destructures it or reads its member', () => {
    const INDEX = "module.exports = function registerRoutes(app, deps) {\n  require('./auth')(app, deps);\n};\n";
    const files = (auth: string, index = INDEX, server = SERVER("require('./routes')(app, { db, passport });")): Record<string, string> =>
      project({ 'server.js': server, 'routes/index.js': index, 'routes/auth.js': auth });
    const DESTRUCTURED = `module.exports = (app, { passport }) => {\n${LOGIN('passport')}};\n`;
    const MEMBER = `module.exports = (app, deps) => {\n${LOGIN('deps.passport')}};\n`;
    withProject(files(DESTRUCTURED), (lint) => expect(lint('routes/auth.js')).toEqual(found(2)), undefined, RULES, message);
    withProject(files(MEMBER), (lint) => expect(lint('routes/auth.js')).toEqual(found(2)), undefined, RULES, message);
    // Two levels of passing on.
    withProject(
      { ...files(DESTRUCTURED, "module.exports = function (app, deps) {\n  require('./more')(app, deps);\n};\n"), 'routes/more.js': "module.exports = (app, services) => {\n  require('./auth')(app, services);\n};\n" },
      (lint) => expect(lint('routes/auth.js')).toEqual(found(2)),
      undefined,
      RULES,
      message,
    );
    // Not followed: routes/index.js writes its parameter or a member of it; a second caller of routes/index.js hands
    // another value at that key, or something that is not an object literal.
    withProject(files(DESTRUCTURED, INDEX.replace('{\n', "{\n  deps = { passport: require('../my-auth') };\n")), (lint) => expect(lint('routes/auth.js')).toEqual([]), undefined, RULES, message);
    withProject(files(DESTRUCTURED, INDEX.replace('{\n', "{\n  deps.passport = require('../my-auth');\n")), (lint) => expect(lint('routes/auth.js')).toEqual([]), undefined, RULES, message);
    const ADMIN = (handed: string): string => `const express = require('express');\nconst app = express();\nrequire('./routes')(app, ${handed});\napp.listen(3001);\n`;
    withProject({ ...files(DESTRUCTURED), 'admin.js': ADMIN("{ passport: require('./my-auth') }") }, (lint) => expect(lint('routes/auth.js')).toEqual([]), undefined, RULES, message);
    withProject({ ...files(MEMBER), 'admin.js': ADMIN("require('./my-deps')"), 'my-deps.js': `module.exports = { passport: require('./my-auth') };\n` }, (lint) =>
      expect(lint('routes/auth.js')).toEqual([]), undefined, RULES, message);
    // The same value from both callers: followed.
    withProject({ ...files(MEMBER), 'admin.js': `const passport = require('passport');\n${ADMIN('{ passport }')}` }, (lint) => expect(lint('routes/auth.js')).toEqual(found(2)), undefined, RULES, message);
  });

  it('CommonJS: a member of the deps parameter, read in place, destructured or copied to a const at the top of the function', () => {
    const files = (routes: string, server = SERVER("require('./routes')(app, { db, passport });")): Record<string, string> => project({ 'server.js': server, 'routes.js': routes });
    withProject(files(`module.exports = (app, deps) => {\n${LOGIN('deps.passport')}};\n`), (lint) => expect(lint('routes.js')).toEqual(found(2)), undefined, RULES, message);
    withProject(files(`module.exports = function (app, deps) {\n  const { passport, db } = deps;\n${LOGIN('passport')}};\n`), (lint) => expect(lint('routes.js')).toEqual(found(3)), undefined, RULES, message);
    withProject(files(`module.exports = function (app, deps) {\n  const passport = deps.passport;\n${LOGIN('passport')}};\n`), (lint) => expect(lint('routes.js')).toEqual(found(3)), undefined, RULES, message);
    // The caller's object in a const that nothing else touches.
    withProject(files(`module.exports = (app, deps) => {\n${LOGIN('deps.passport')}};\n`, SERVER("require('./routes')(app, deps);", 'const deps = { db, passport };\n')), (lint) =>
      expect(lint('routes.js')).toEqual(found(2)), undefined, RULES, message);
    // Not followed: the function writes the parameter or the member; the caller's const is written to; the key is not
    // in the object; a spread; the caller hands something else than an object literal.
    withProject(files(`module.exports = (app, deps) => {\n  deps = { passport: require('./my-auth') };\n${LOGIN('deps.passport')}};\n`), (lint) => expect(lint('routes.js')).toEqual([]), undefined, RULES, message);
    withProject(files(`module.exports = (app, deps) => {\n  deps.passport = require('./my-auth');\n${LOGIN('deps.passport')}};\n`), (lint) => expect(lint('routes.js')).toEqual([]), undefined, RULES, message);
    withProject(files(`module.exports = (app, deps) => {\n${LOGIN('deps.passport')}};\n`, SERVER("require('./routes')(app, deps);", "const deps = { db, passport };\ndeps.passport = require('./my-auth');\n")), (lint) =>
      expect(lint('routes.js')).toEqual([]), undefined, RULES, message);
    withProject(files(`module.exports = (app, deps) => {\n${LOGIN('deps.passport')}};\n`, SERVER("require('./routes')(app, { db });")), (lint) => expect(lint('routes.js')).toEqual([]), undefined, RULES, message);
    withProject(files(`module.exports = (app, deps) => {\n${LOGIN('deps.passport')}};\n`, SERVER("require('./routes')(app, { db, ...{ passport } });")), (lint) => expect(lint('routes.js')).toEqual([]), undefined, RULES, message);
    withProject(files(`module.exports = (app, deps) => {\n${LOGIN('deps.passport')}};\n`, SERVER("require('./routes')(app, Object.assign({}, { db, passport }));")), (lint) => expect(lint('routes.js')).toEqual([]), undefined, RULES, message);
  });

  it('ES modules and TypeScript: the same', () => {
    const server = (ext: string): string =>
      `import express from 'express';\nimport passport from 'passport';\nimport session from 'express-session';\nimport registerRoutes from './routes/index${ext}';\n\nconst app = express();\napp.use(session({ secret: process.env.S ?? '', name: 'sid', resave: false, saveUninitialized: false }));\nregisterRoutes(app, { passport });\napp.listen(3000);\n`;
    const ESM_PACKAGE = WITH_PASSPORT.replace('"main": "server.js"', '"type": "module", "main": "server.js"');
    const index = (ext: string, types = ''): string => `import auth from './auth${ext}';\n\nexport default function registerRoutes(app${types ? ': Application' : ''}, deps${types}) {\n  auth(app, deps);\n}\n`;
    withProject(
      { 'package.json': ESM_PACKAGE, 'server.js': server('.js'), 'routes/index.js': index('.js'), 'routes/auth.js': `export default (app, deps) => {\n  const { passport } = deps;\n${LOGIN('passport')}};\n` },
      (lint) => expect(lint('routes/auth.js')).toEqual(found(3)),
      esm,
      RULES,
      message,
    );
    // A second caller that hands another value: nothing.
    withProject(
      {
        'package.json': ESM_PACKAGE,
        'server.js': server('.js'),
        'routes/index.js': index('.js'),
        'routes/auth.js': `export default (app, deps) => {\n${LOGIN('deps.passport')}};\n`,
        'admin.js': "import express from 'express';\nimport auth from './routes/auth.js';\nimport myAuth from './my-auth.js';\n\nconst app = express();\nauth(app, { passport: myAuth });\napp.listen(3001);\n",
        'my-auth.js': 'export default { authenticate: () => (req, res, next) => next() };\n',
      },
      (lint) => expect(lint('routes/auth.js')).toEqual([]),
      esm,
      RULES,
      message,
    );
    const TYPES = "import type { Application } from 'express';\nimport type { PassportStatic } from 'passport';\n\n";
    const tsFiles = (auth: string): Record<string, string> => ({
      'package.json': ESM_PACKAGE.replace('"main": "server.js"', '"main": "server.ts"'),
      'server.ts': server('.js'),
      'routes/index.ts': TYPES + index('.js', ': { passport: PassportStatic }'),
      'routes/auth.ts': auth,
    });
    withProject(tsFiles(`${TYPES}export default (app: Application, deps: { passport: PassportStatic }): void => {\n${LOGIN('deps.passport')}};\n`), (lint) => expect(lint('routes/auth.ts')).toEqual(found(5)), ts, RULES, message);
    withProject(tsFiles(`${TYPES}export default (app: Application, { passport }: { passport: PassportStatic }): void => {\n${LOGIN('passport')}};\n`), (lint) => expect(lint('routes/auth.ts')).toEqual(found(5)), ts, RULES, message);
    withProject(tsFiles(`${TYPES}export default (app: Application, deps: { passport: PassportStatic }): void => {\n  const passport = deps.passport;\n${LOGIN('passport')}};\n`), (lint) => expect(lint('routes/auth.ts')).toEqual(found(6)), ts, RULES, message);
    // A deps parameter the function reassigns: nothing.
    withProject(
      tsFiles(`${TYPES}export default (app: Application, deps: { passport: PassportStatic }): void => {\n  if (process.env.X) deps = { passport: {} as PassportStatic };\n${LOGIN('deps.passport')}};\n`),
      (lint) => expect(lint('routes/auth.ts')).toEqual([]),
      ts,
      RULES,
      message,
    );
  });
});

describe('an app handed to a function of its own file', () => {
  const SERVER = (helper: string): Record<string, string> => ({
    'package.json': PACKAGE,
    'server.js': `const express = require('express');\nconst helmet = require('helmet');\nconst rateLimit = require('express-rate-limit');\n\nconst app = express();\nconfigureSecurity(app);\napp.post('/login', (req, res) => res.json({ ok: req.body.user === 'a' }));\napp.listen(3000);\n\nfunction configureSecurity(app) {\n${helper}}\n`,
  });

  it('what the function mounts runs at the call (no finding); without it, the app and the route are reported', () => {
    withProject(SERVER("  app.disable('x-powered-by');\n  app.use(helmet());\n  app.use(rateLimit({ limit: 100 }));\n"), (lint) => expect(lint('server.js')).toEqual([]));
    withProject(SERVER("  app.set('view engine', 'pug');\n"), (lint) =>
      expect(lint('server.js')).toEqual([
        '5:13 secure-express/disable-x-powered-by',
        "5:13 secure-express/require-helmet Express app 'app' mounts no helmet(): its responses lack Con",
        '7:10 secure-express/require-rate-limit',
      ]),
    );
  });

  it('a function that passes the app on to code the file does not show leaves it unknown after the call', () => {
    withProject(SERVER("  require('some-security-kit')(app);\n"), (lint) => expect(lint('server.js')).toEqual([]));
    // A parameter of a function declaration called with the app is unknown code, not that function calling itself.
    withProject(SERVER('  applyPlugin(require(process.env.PLUGIN));\n  function applyPlugin(ext) {\n    ext(app);\n  }\n'), (lint) => expect(lint('server.js')).toEqual([]));
  });
});
