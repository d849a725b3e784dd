// The files that may hold an app (src/project/index.ts, `HolderState`): worked out from the top once per generation of
// the import index, so that `link` reads only the importers that hold an app and reach the linted file (hand it an
// app, register its functions on a route), through files that name no express and through barrels. The other
// importers are neither parsed nor modelled.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Linter } from 'eslint';

import plugin from '../../src/index';
import { parseCounts } from '../../src/project';
import { createsApp, makesOwnApp, startsWholeAppWalk } from '../../src/project/scan';
import { fileSigns } from '../../src/util/file-gate';

const cjs = [...plugin.configs.strict, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' as const } }] as Linter.Config[];
const esm = [...plugin.configs.strict, { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' as const } }] as Linter.Config[];

/**
 * `app.js` makes the app and hands it to `routes/index.js`, which names no express and hands it on to
 * `routes/users.js`, which adds a login route and registers the controller of `controllers/profile.js`. Importers that hold no app
 * (`lib/stats.js`, `scripts/count.js`) import the route modules.
 */
function layout(): Record<string, string> {
  return {
    'package.json': '{ "name": "holders", "main": "app.js", "dependencies": { "express": "^4.21.0" } }',
    'app.js': "const express = require('express');\nconst app = express();\nrequire('./routes')(app);\napp.listen(3000);\n",
    'routes/index.js': "module.exports = (parent) => {\n  require('./users')(parent);\n};\n",
    'routes/users.js':
      "const profile = require('../controllers/profile');\nmodule.exports = (r) => {\n  r.post('/login', (req, res) => res.send('ok'));\n  r.post('/profile', profile.save);\n};\n",
    'controllers/profile.js': 'exports.save = (req, res) => {\n  res.json({ saved: req.body.name.trim() });\n};\n',
    'lib/stats.js': "const users = require('../routes/users');\nconst profile = require('../controllers/profile');\nmodule.exports = { users: typeof users, profile: Object.keys(profile) };\n",
    // Names express, but not as the module: `express-session` and a comment make no app.
    'scripts/count.js': "// Counts the express routes.\nconst session = require('express-session');\nconst routes = require('../routes');\nconsole.log(typeof routes, typeof session);\n",
  };
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

function lint(dir: string, name: string, config = cjs): string[] {
  const file = path.join(dir, name);
  return new Linter({ cwd: dir })
    .verify(readFileSync(file, 'utf8'), config, { filename: file })
    .map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
}

/** The app-wide rules, reported on an app that nothing hardens. */
const APP_WIDE = ['secure-express/disable-x-powered-by', 'secure-express/require-helmet', 'secure-express/require-https'];

/** `line:column rule` of each finding. */
function rulesAt(dir: string, name: string): string[] {
  return lint(dir, name).map((m) => m.split(' ').slice(0, 2).join(' '));
}

function parsedIn(dir: string): string[] {
  return [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/'));
}

/** The strict config with a rule that records, per file name, what the file signs say of `mayHoldApp`. */
function withSignsProbe(seen: Map<string, boolean>): Linter.Config[] {
  const probe = {
    rules: {
      signs: {
        meta: { type: 'problem' as const, schema: [] },
        create(context: Parameters<typeof fileSigns>[0] & { filename: string }) {
          seen.set(path.basename(context.filename), fileSigns(context).mayHoldApp);
          return {};
        },
      },
    },
  };
  return [...cjs, { plugins: { probe }, rules: { 'probe/signs': 'error' } }] as Linter.Config[];
}

function withProject<T>(files: Record<string, string>, run: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-holders-'));
  try {
    write(dir, files);
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the whole-app walk reads the holders that reach a file, and only those', () => {
  it('an app handed on by a file that names no express reaches the routes and controllers below it', () => {
    withProject(layout(), (dir) => {
      expect(lint(dir, 'routes/users.js')).toEqual([
        "3:10 secure-express/require-rate-limit Authentication route 'POST /login' on 'r (passed in routes/index.js:2)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      ]);
      expect(lint(dir, 'controllers/profile.js')).toEqual([
        "2:21 secure-express/require-input-validation Route 'POST /profile' on 'r (passed in routes/index.js:2)' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
      ]);
      // The importers that hold no app were passed over.
      const parsed = parsedIn(dir);
      expect(parsed).toEqual(expect.arrayContaining(['app.js', 'routes/index.js']));
      expect(parsed).not.toContain('lib/stats.js');
      expect(parsed).not.toContain('scripts/count.js');
    });
  });

  it('a file that names express but makes no app (express.static, a type import) is no holder: not parsed', () => {
    const files = layout();
    files['lib/assets.js'] = "const express = require('express');\nconst users = require('../routes/users');\nmodule.exports = { assets: express.static('public'), users };\n";
    files['lib/types.ts'] = "import { Request } from 'express';\nimport profile from '../controllers/profile';\nexport const name = (req: Request): string => String(profile) + req.path;\n";
    withProject(files, (dir) => {
      expect(lint(dir, 'routes/users.js')).toEqual([
        "3:10 secure-express/require-rate-limit Authentication route 'POST /login' on 'r (passed in routes/index.js:2)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      ]);
      expect(lint(dir, 'controllers/profile.js')).toHaveLength(1);
      const parsed = parsedIn(dir);
      expect(parsed).toEqual(expect.arrayContaining(['app.js', 'routes/index.js']));
      expect(parsed).not.toContain('lib/assets.js');
      expect(parsed).not.toContain('lib/types.ts');
    });
  });

  it('a controller that imports no package file re-exports none: it is not parsed to follow a barrel', () => {
    const files = layout();
    files['routes/users.js'] = files['routes/users.js']!.replace("r.post('/profile', profile.save);", "r.post('/profile', profile.save);\n  r.get('/account', require('../controllers/account').show);");
    files['controllers/account.js'] = "const { format } = require('util');\nexports.show = (req, res) => res.send(format('<p>%s</p>', req.query.name));\n";
    withProject(files, (dir) => {
      expect(lint(dir, 'controllers/profile.js')).toHaveLength(1);
      const parsed = parsedIn(dir);
      expect(parsed).toEqual(expect.arrayContaining(['app.js', 'routes/index.js', 'routes/users.js']));
      expect(parsed).not.toContain('controllers/account.js');
      // Linted itself, it is still a handler of the route that registers it.
      expect(rulesAt(dir, 'controllers/account.js')).toEqual(['2:39 secure-express/no-reflected-xss', '2:59 secure-express/require-input-validation']);
    });
  });

  it("an app handed to a class's constructor (new UserRoutes(app)) reaches the routes it adds", () => {
    const files = layout();
    files['app.js'] = "const express = require('express');\nconst UserRoutes = require('./routes/class');\nconst app = express();\nnew UserRoutes(app);\napp.listen(3000);\n";
    files['routes/class.js'] = "class UserRoutes {\n  constructor(app) {\n    app.post('/login', (req, res) => res.send('ok'));\n  }\n}\nmodule.exports = UserRoutes;\n";
    withProject(files, (dir) => {
      expect(lint(dir, 'routes/class.js')).toEqual([
        "3:14 secure-express/require-rate-limit Authentication route 'POST /login' on 'app (passed in app.js:4)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      ]);
    });
    // Without the `new`, nothing hands the class an app.
    files['app.js'] = "const express = require('express');\nconst UserRoutes = require('./routes/class');\nconst app = express();\nconsole.log(UserRoutes.name);\napp.listen(3000);\n";
    withProject(files, (dir) => {
      expect(lint(dir, 'routes/class.js')).toEqual([]);
    });
  });

  it('ESM: new AuthRoutes(router) hands the router to the constructor (beside a parameter with a default)', () => {
    const files: Record<string, string> = {
      'package.json': '{ "name": "holders-class", "type": "module", "dependencies": { "express": "^4.21.0" } }',
      'app.mjs': "import express from 'express';\nimport AuthRoutes from './auth.mjs';\n\nconst app = express();\nconst router = express.Router();\nnew AuthRoutes(router);\napp.use('/auth', router);\napp.listen(3000);\n",
      'auth.mjs': "export default class AuthRoutes {\n  constructor(router, limiter = null) {\n    router.post('/login', (req, res) => res.send(limiter ? 'ok' : 'no'));\n  }\n}\n",
    };
    withProject(files, (dir) => {
      expect(lint(dir, 'auth.mjs', esm)).toEqual([
        "3:17 secure-express/require-rate-limit Authentication route 'POST /auth/login' on 'router (passed in app.mjs:6)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      ]);
    });
  });

  it('without the handoff in app.js, nothing reaches the route module (both ways)', () => {
    const files = layout();
    files['app.js'] = "const express = require('express');\nconst app = express();\napp.listen(3000);\n";
    withProject(files, (dir) => {
      expect(lint(dir, 'routes/users.js')).toEqual([]);
      expect(lint(dir, 'controllers/profile.js')).toEqual([]);
      expect(parsedIn(dir)).not.toContain('routes/index.js');
    });
  });

  it('through a barrel: app.js hands the app to a route module it takes from routes/index.js by name', () => {
    const files = layout();
    files['app.js'] = "const express = require('express');\nconst routes = require('./routes');\nconst app = express();\nroutes.users(app);\napp.listen(3000);\n";
    files['routes/index.js'] = "module.exports = { users: require('./users') };\n";
    withProject(files, (dir) => {
      expect(lint(dir, 'routes/users.js').some((m) => m.startsWith('3:10 secure-express/require-rate-limit') && m.includes("'r (passed in app.js:4)'"))).toBe(true);
      expect(parsedIn(dir)).not.toContain('lib/stats.js');
    });
  });

  it('route modules that import each other (a cycle) still get the app, without throwing', () => {
    const files = layout();
    files['routes/users.js'] = `const index = require('./index');\n${files['routes/users.js']!}module.exports.index = index;\n`;
    withProject(files, (dir) => {
      expect(lint(dir, 'routes/users.js').some((m) => m.startsWith('4:10 secure-express/require-rate-limit'))).toBe(true);
      expect(lint(dir, 'controllers/profile.js')).toHaveLength(1);
    });
  });

  it('ESM: an app handed on through a module that names no express', () => {
    const files: Record<string, string> = {
      'package.json': '{ "name": "holders-esm", "type": "module", "dependencies": { "express": "^4.21.0" } }',
      'app.mjs': "import express from 'express';\nimport mount from './routes/index.mjs';\n\nconst app = express();\nmount(app);\napp.listen(3000);\n",
      'routes/index.mjs': "import users from './users.mjs';\n\nexport default function mount(parent) {\n  users(parent);\n}\n",
      'routes/users.mjs': "export default function users(r) {\n  r.post('/login', (req, res) => res.send('ok'));\n}\n",
      'lib/stats.mjs': "import users from '../routes/users.mjs';\n\nexport const kind = typeof users;\n",
    };
    withProject(files, (dir) => {
      expect(lint(dir, 'routes/users.mjs', esm).some((m) => m.startsWith('2:10 secure-express/require-rate-limit') && m.includes("'r (passed in routes/index.mjs:4)'"))).toBe(true);
      expect(parsedIn(dir)).not.toContain('lib/stats.mjs');
    });
  });

  it("the rules about apps and handlers run only in files that may gain an app from others (FileSigns.mayHoldApp)", () => {
    const files = layout();
    // Takes an `(app)` like a route module, but no holder calls it: nothing can make its parameter an app.
    files['lib/mount.js'] = "module.exports = (app) => {\n  app.post('/login', (req, res) => res.end());\n};\n";
    files['scripts/count.js'] += "require('../lib/mount');\n";
    const seen = new Map<string, boolean>();
    const config = withSignsProbe(seen);
    withProject(files, (dir) => {
      for (const name of ['lib/mount.js', 'routes/users.js', 'routes/index.js', 'controllers/profile.js', 'lib/stats.js']) lint(dir, name, config);
      // (routes/index.js only hands its `(parent)` on: it shows no sign of Express, so it starts no whole-app walk.)
      expect(Object.fromEntries(seen)).toEqual({ 'mount.js': false, 'users.js': true, 'index.js': false, 'profile.js': true, 'stats.js': false });
      expect(lint(dir, 'lib/mount.js')).toEqual([]);
    });
  });

  it('a file with no handler or app parameter gains nothing from holders: the holders above it are not read (both ways)', () => {
    const files = layout();
    // Starts the whole-app walk (it names express), but no function of it takes a request or an app: holders above it
    // could only register or call it, which `link` never applies to such a file.
    files['lib/format.js'] = "// Formats the text of express responses.\nmodule.exports = (value) => String(value).trim();\n";
    files['lib/send.js'] = "module.exports = (req, res) => res.send(String(req.query.q));\n";
    files['app.js'] += "require('./lib/format');\nrequire('./lib/send');\n";
    withProject(files, (dir) => {
      const seen = new Map<string, boolean>();
      const config = withSignsProbe(seen);
      expect(lint(dir, 'lib/format.js', config)).toEqual([]);
      expect(seen.get('format.js')).toBe(false);
      expect(parsedIn(dir)).toEqual([]);
      // A handler's `(req, res)`: app.js may register it, so the holders above it are read.
      lint(dir, 'lib/send.js', config);
      expect(seen.get('send.js')).toBe(false);
      expect(parsedIn(dir)).toContain('app.js');
    });
  });

  it("a session mounted by the holder before the route module's static files is named by its file and line (both ways)", () => {
    const files: Record<string, string> = {
      'package.json': '{ "name": "holders-static", "dependencies": { "express": "^4.21.0", "express-session": "^1.18.0" } }',
      'webserver.js':
        "const express = require('express');\nconst session = require('express-session');\nconst app = express();\napp.disable('x-powered-by');\napp.use(session({ name: 'sid', secret: process.env.S }));\nrequire('./routes')(app);\napp.listen(3000);\n",
      'routes/index.js': "const express = require('express');\n\nmodule.exports = (app) => {\n  app.use(express.static('public'));\n};\n",
    };
    const at = (dir: string): string[] => lint(dir, 'routes/index.js').filter((m) => m.includes('no-session-on-static'));
    withProject(files, (dir) =>
      expect(at(dir)).toEqual([
        "4:11 secure-express/no-session-on-static express.static('public') is mounted after express-session's session() (webserver.js:5) on 'app (passed in webserver.js:6)': every request for a static file loads a session (a store lookup, and a new session and cookie for anonymous visitors). Serve static files first.",
      ]),
    );
    // Static files served before the session is mounted: nothing to say.
    files['webserver.js'] = files['webserver.js']!.replace("app.use(session({ name: 'sid', secret: process.env.S }));\nrequire('./routes')(app);", "require('./routes')(app);\napp.use(session({ name: 'sid', secret: process.env.S }));");
    withProject(files, (dir) => expect(at(dir)).toEqual([]));
  });

  it("an app made by calling express's module value under another name is seen from its importers (both ways)", () => {
    const files: Record<string, string> = {
      'package.json': '{ "name": "holders-alias", "dependencies": { "express": "^4.21.0" } }',
      'app.js': "const app = require('express')();\nmodule.exports = app;\n",
      'server.js': "const app = require('./app');\nrequire('./routes/users')(app);\napp.listen(3000);\n",
      'routes/users.js': "module.exports = (r) => {\n  r.post('/login', (req, res) => res.send('ok'));\n};\n",
    };
    withProject(files, (dir) => {
      expect(rulesAt(dir, 'app.js')).toEqual(APP_WIDE.map((rule) => `1:13 ${rule}`));
      expect(lint(dir, 'routes/users.js')).toEqual([
        "2:10 secure-express/require-rate-limit Authentication route 'POST /login' on 'r (passed in server.js:2)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      ]);
    });
    // Exported to code the package does not show: nothing is said about the app.
    files['server.js'] = "module.exports = require('./app');\n";
    withProject(files, (dir) => expect(lint(dir, 'app.js')).toEqual([]));
  });

  it('an app of a bare factory of the package, served by a file that names no express, is that file\'s app (both ways)', () => {
    const files: Record<string, string> = {
      'package.json': '{ "name": "holders-factory", "dependencies": { "express": "^4.21.0" } }',
      'create-app.js': "const express = require('express');\n\nmodule.exports = function createApp() {\n  const app = express();\n  app.use(express.json({ limit: '10kb' }));\n  return app;\n};\n",
      'server.js': "const createApp = require('./create-app');\n\nconst app = createApp();\napp.listen(3000);\n",
    };
    withProject(files, (dir) => {
      expect(rulesAt(dir, 'server.js')).toEqual(['3:13 secure-express/disable-x-powered-by', '3:13 secure-express/require-helmet', '4:1 secure-express/require-https']);
      expect(lint(dir, 'create-app.js')).toEqual([]);
      // --fix hardens the file's app where the file stores it.
      const file = path.join(dir, 'server.js');
      const fixed = new Linter({ cwd: dir }).verifyAndFix(readFileSync(file, 'utf8'), cjs, { filename: file });
      expect(fixed.output).toBe("const createApp = require('./create-app');\n\nconst app = createApp();\napp.disable('x-powered-by');\napp.listen(3000);\n");
      expect(fixed.messages.map((m) => m.ruleId)).toEqual(['secure-express/require-helmet', 'secure-express/require-https']);
    });
    // The factory hardens every app it makes: nothing is missing.
    files['create-app.js'] = files['create-app.js']!.replace("app.use(express.json({ limit: '10kb' }));", "app.use(require('helmet')());\n  app.set('trust proxy', 1);");
    withProject(files, (dir) => expect(lint(dir, 'server.js')).toEqual([]));
  });

  // (app.js imports the route module already: an import added to another file is seen with the import index, within 10 s.)
  const holding = "const express = require('express');\nconst app = express();\nconst routes = require('./routes');\napp.listen(3000);\n";
  const notHolding = "const routes = require('./routes');\nmodule.exports = routes;\n";
  it.each([
    ['once the edited file was linted (as an editor does on save)', holding, (dir: string) => lint(dir, 'app.js')],
    ['after HOLDERS_CHECK_MS (500 ms) when no lint read it', holding, () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600)],
    ['after HOLDERS_CHECK_MS, when the edited file held no app before', notHolding, () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600)],
  ])('an edit that adds the handoff is seen on the next lint: %s', (_, before, after) => {
    const files = layout();
    const handing = files['app.js']!;
    files['app.js'] = before;
    withProject(files, (dir) => {
      expect(lint(dir, 'routes/users.js')).toEqual([]);
      writeFileSync(path.join(dir, 'app.js'), handing);
      after(dir);
      expect(lint(dir, 'routes/users.js').some((m) => m.startsWith('3:10 secure-express/require-rate-limit'))).toBe(true);
    });
  });

  // (src/project/lint-run.ts: a CLI lint of Ghost stat'ed every covered file every HOLDERS_CHECK_MS.)
  it('during one run of lints of files not linted before, the holders are not checked again; a file linted again ends the run (both ways)', () => {
    const files = layout();
    const handing = files['app.js']!;
    files['app.js'] = holding;
    withProject(files, (dir) => {
      expect(lint(dir, 'routes/users.js')).toEqual([]);
      writeFileSync(path.join(dir, 'app.js'), handing);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
      // The next file of the run: the holders as the run found them (app.js hands nothing on).
      expect(lint(dir, 'controllers/profile.js')).toEqual([]);
      // routes/users.js linted again (an editor's next lint): the run ends, app.js's edit is seen.
      expect(lint(dir, 'routes/users.js').some((m) => m.startsWith('3:10 secure-express/require-rate-limit'))).toBe(true);
      expect(lint(dir, 'controllers/profile.js').some((m) => m.startsWith('2:21 secure-express/require-input-validation'))).toBe(true);
    });
  });
});

describe('createsApp: the text test of a file that may make an app or router', () => {
  it.each([
    ["const app = require('express')();", true],
    ["const e = require('express');\nconst app = e();", true],
    ["import e from 'express';\nconst router = e.Router();", true],
    ["import * as ex from 'express';\nconst app = ex();", true],
    ["import ex = require('express');\nconst app = ex();", true],
    ["const { Router: R } = require('express');\nconst router = R();", true],
    ["import { Router as R } from 'express';\nconst router = R();", true],
    ["const shared = require('../shared/express');\nconst app = express('admin');", true],
    ["import type { Request } from 'express';\nexport const f = (req: Request) => req.body;", false],
    ["const express = require('express');\nmodule.exports = express.static('public');", false],
    ["const session = require('express-session');\nmodule.exports = session({});", false],
    ['const express_1 = __importDefault(require("express"));\nconst app = (0, express_1.default)();', true],
    ['const express_1 = __importDefault(require("express"));\nconst static_1 = express_1.default.static("public");', false],
    ['const express_1 = require("express");\nconst router = (0, express_1.Router)();', true],
    ["const express = require('express');\nconst newRouter = express.Router;\nconst router = newRouter();", true],
    ["const { Router } = require('express');\nconst makeRouter = Router;\nconst router = makeRouter();", true],
    ["import type { Router } from 'express';\nexport const mount = (r: Router): void => { r.get('/', list); };", false],
  ])('%s: %s', (text, expected) => {
    expect(createsApp(text)).toBe(expected);
  });
});

describe('makesOwnApp: the text test of a file whose own code may hold an app (a holder without a handoff)', () => {
  it.each([
    ["const express = require('express');\nconst app = express();", true],
    ["import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);", true],
    ["import { Request } from 'express';\nexport const f = (req: Request) => req.body;", false],
    ["const express = require('express');\nmodule.exports = express.static('public');", false],
    // A controller's routes run its own methods and the classes its decorators name: it hands nothing on.
    ["@Controller('users')\nexport class UsersController {\n  @Post('login') login() {}\n}", false],
  ])('%s: %s', (text, expected) => {
    expect(makesOwnApp(text)).toBe(expected);
  });
});

describe('startsWholeAppWalk: the text test of a file the whole-app model starts from', () => {
  it.each([
    ['app.listen(3000);', true],
    ["createApp().listen(3000);", true],
    ['makeApp ( ).use(cors());', true],
    ['module.exports = (router) => { router.get(x); };', true],
    ['webapp.listen(3000);', false],
    ['apps.use(plugin);', false],
    ["const n = require('./count');\nmodule.exports = n + 1;", false],
  ])('%s: %s', (text, expected) => {
    expect(startsWholeAppWalk(text)).toBe(expected);
  });
});
