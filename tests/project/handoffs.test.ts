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

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config?: typeof esm, rules = WATCHED): void {
  inProject('handoffs', files, run, { config, rules, format });
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
        expect(lint('src/auth/auth.controller.ts')).toEqual(['6:9 secure-express/require-csrf-protection', '6:9 secure-express/require-rate-limit']);
        expect(lint('src/main.ts')).toEqual([]);
      },
      ts,
      NEST_WATCHED,
    );
    // Set up after the app starts, or not at all: no session, no pipe.
    files['src/main.ts'] = files['src/main.ts']!.replace('  setupApp(app);\n  await app.listen(3000);', '  await app.listen(3000);\n  setupApp(app);');
    withProject(files, (lint) => expect(lint('src/auth/auth.controller.ts')).toEqual(['6:9 secure-express/require-rate-limit', '7:17 secure-express/require-input-validation']), ts, NEST_WATCHED);
  });
});
