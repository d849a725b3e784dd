// `trust proxy` set by a function of the package that is handed the app (`require('./config/express')(app)`, the
// loaders layout's `({ app }) => { app.enable('trust proxy'); }`, a class given the app): the setting holds for the
// app, so no-trust-proxy-true reports it where it is written, in the function's file, once the model sees that every
// caller hands the parameter an app. A parameter that is handed a router, or that no file is seen to hand anything,
// stays quiet (unknown).
import { esm, ts, withProject as inProject } from './fixture-project';

const RULE = /no-trust-proxy-true/u;
const PACKAGE = '{ "name": "handed-settings", "main": "server.js", "dependencies": { "express": "^4.21.0", "helmet": "^8.0.0" } }';

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config?: typeof esm): void {
  inProject('handed-settings', files, run, { config, rules: RULE, format: (m) => `${m.line}:${m.column} ${m.message.slice(0, m.message.indexOf(' trusts'))}` });
}

describe('trust proxy set by a function the app is handed to', () => {
  const B = "module.exports = function configure(app) {\n  app.set('trust proxy', true);\n};\n";
  const server = (handoff: string): string => `const express = require('express');\nconst app = express();\n${handoff}\napp.listen(3000);\n`;

  it('CommonJS: require("./b")(app) reports the setting in b.js, naming the app it is handed', () => {
    withProject({ 'package.json': PACKAGE, 'server.js': server("require('./b')(app);"), 'b.js': B }, (lint) => {
      expect(lint('b.js')).toEqual(["2:3 Express app 'app (passed in server.js:3)'"]);
      expect(lint('server.js')).toEqual([]);
    });
  });

  it('CommonJS: a named export handed the app (`require("./c").configure(app)`), with enable()', () => {
    const files = {
      'package.json': PACKAGE,
      'server.js': server("const c = require('./c');\nc.configure(app);"),
      'c.js': "exports.configure = (app) => {\n  app.enable('trust proxy');\n};\n",
    };
    withProject(files, (lint) => expect(lint('c.js')).toEqual(["2:3 Express app 'app (passed in server.js:4)'"]));
  });

  it('a parameter named server, expressApp or application, or in another position than the first, is followed too (trial 9)', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'server.js': server("require('./c').configure(app);\nrequire('./d')({ db: null }, app);"),
      'c.js': "exports.configure = (server) => {\n  server.enable('trust proxy');\n};\n",
      'd.js': "module.exports = function setup(deps, expressApp) {\n  expressApp.set('trust proxy', true);\n};\n",
    };
    withProject(files, (lint) => {
      expect(lint('c.js')).toEqual(["2:3 Express app 'server (passed in server.js:3)'"]);
      expect(lint('d.js')).toEqual(["2:3 Express app 'expressApp (passed in server.js:4)'"]);
    });
    // A function of the package that closes a server it is given: no app, nothing said.
    files['c.js'] = "exports.configure = (server) => {\n  server.close();\n};\n";
    files['server.js'] = server("require('./c').configure(require('http').createServer());");
    withProject(files, (lint) => expect(lint('c.js')).toEqual([]));
  });

  it('a parameter handed a router, an app and a router, or nothing the package shows, is not known to be an app', () => {
    const files: Record<string, string> = { 'package.json': PACKAGE, 'server.js': server("require('./b')(express.Router());"), 'b.js': B };
    withProject(files, (lint) => expect(lint('b.js')).toEqual([]));
    files['server.js'] = server("require('./b')(app);\nrequire('./b')(express.Router());");
    withProject(files, (lint) => expect(lint('b.js')).toEqual([]));
    // No file of the package calls it: a library's function, its callers unknown.
    files['server.js'] = server('');
    withProject(files, (lint) => expect(lint('b.js')).toEqual([]));
    // Trusting one hop is fine.
    files['server.js'] = server("require('./b')(app);");
    files['b.js'] = B.replace('true', '1');
    withProject(files, (lint) => expect(lint('b.js')).toEqual([]));
  });

  it('ES modules: the loaders layout, handed down twice in options objects', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "src/app.js", "type": "module"'),
      'src/app.js':
        "import express from 'express';\nimport loaders from './loaders/index.js';\n\nasync function startServer() {\n  const app = express();\n  await loaders({ expressApp: app });\n  app.listen(3000);\n}\nstartServer();\n",
      'src/loaders/index.js': "import expressLoader from './express.js';\n\nexport default async ({ expressApp }) => {\n  await expressLoader({ app: expressApp });\n};\n",
      'src/loaders/express.js': "export default ({ app }) => {\n  app.get('/status', (req, res) => res.status(200).end());\n  app.enable('trust proxy');\n};\n",
    };
    const config = [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }];
    withProject(files, (lint) => expect(lint('src/loaders/express.js')).toEqual(["3:3 Express app 'app (passed in src/loaders/index.js:4)'"]), config);
    // The loader handed a router instead.
    files['src/app.js'] = files['src/app.js']!.replace('const app = express();', 'const app = express.Router();');
    withProject(files, (lint) => expect(lint('src/loaders/express.js')).toEqual([]), config);
  });

  it('the loaders layout with nothing but the setting: ({ app }), ({ app: expressApp }), ({ expressApp }) (trial 10)', () => {
    // A file whose only sign of Express is the destructured options parameter: it starts the whole-app walk too.
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'server.js': server("const helmet = require('helmet');\napp.use(helmet());\nrequire('./loader')({ app });\nrequire('./b')({ app, db: null });\nrequire('./c')({ expressApp: app });"),
      'loader.js': "module.exports = ({ app }) => {\n  app.set('trust proxy', true);\n};\n",
      'b.js': "module.exports = function setup({ db, app: expressApp }) {\n  expressApp.enable('trust proxy');\n};\n",
      'c.js': "module.exports = async ({ expressApp }) => {\n  expressApp.set('trust proxy', true);\n};\n",
    };
    withProject(files, (lint) => {
      expect(lint('loader.js')).toEqual(["2:3 Express app 'app (passed in server.js:5)'"]);
      expect(lint('b.js')).toEqual(["2:3 Express app 'expressApp (passed in server.js:6)'"]);
      expect(lint('c.js')).toEqual(["2:3 Express app 'expressApp (passed in server.js:7)'"]);
      expect(lint('server.js')).toEqual([]);
    });
    // Handed a router, under another key than the one destructured, or by no file of the package: unknown.
    files['server.js'] = server("require('./loader')({ app: express.Router() });\nrequire('./b')({ server: app });");
    withProject(files, (lint) => {
      expect(lint('loader.js')).toEqual([]);
      expect(lint('b.js')).toEqual([]);
      expect(lint('c.js')).toEqual([]);
    });
  });

  it('ES modules: a loader with only the setting, or with other middleware and no route (trial 10)', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "server.js", "type": "module"'),
      'server.js':
        "import express from 'express';\nimport a from './a.js';\nimport c from './c.js';\nconst app = express();\na({ app });\nc({ app });\napp.listen(3000);\n",
      'a.js': "export default ({ app }) => {\n  app.set('trust proxy', true);\n};\n",
      'c.js': "import express from 'express';\nexport default ({ app }) => {\n  app.use(express.json({ limit: '10kb' }));\n  app.enable('trust proxy');\n};\n",
    };
    const config = [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }];
    withProject(
      files,
      (lint) => {
        expect(lint('a.js')).toEqual(["2:3 Express app 'app (passed in server.js:5)'"]);
        expect(lint('c.js')).toEqual(["4:3 Express app 'app (passed in server.js:6)'"]);
      },
      config,
    );
    files['server.js'] = files['server.js']!.replace('const app = express();', 'const app = express.Router();');
    withProject(
      files,
      (lint) => {
        expect(lint('a.js')).toEqual([]);
        expect(lint('c.js')).toEqual([]);
      },
      config,
    );
  });

  it('TypeScript: a typed options parameter, ({ app }: { app: Express })', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "src/server.ts"'),
      'src/server.ts': "import express from 'express';\nimport setup from './setup';\n\nconst app = express();\nsetup({ app });\napp.listen(3000);\n",
      'src/setup.ts': "import type { Express } from 'express';\n\nexport default ({ app }: { app: Express }): void => {\n  app.set('trust proxy', true);\n};\n",
    };
    withProject(files, (lint) => expect(lint('src/setup.ts')).toEqual(["4:3 Express app 'app (passed in src/server.ts:5)'"]), ts);
    files['src/server.ts'] = files['src/server.ts']!.replace('const app = express();', 'const app = express.Router();');
    withProject(files, (lint) => expect(lint('src/setup.ts')).toEqual([]), ts);
  });

  it('TypeScript: a configuring function and a class whose constructor keeps the app (`private readonly app`)', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "server.js"', '"main": "src/server.ts"'),
      'src/server.ts':
        "import express from 'express';\nimport { configure } from './configure';\nimport { ProxySetup } from './proxy';\n\nconst app = express();\nconfigure(app);\nnew ProxySetup(app);\napp.listen(3000);\n",
      'src/configure.ts': "import type { Express } from 'express';\n\nexport function configure(app: Express): void {\n  app.set('trust proxy', true);\n}\n",
      'src/proxy.ts':
        "import type { Application } from 'express';\n\nexport class ProxySetup {\n  constructor(private readonly app: Application) {\n    this.app.enable('trust proxy');\n  }\n}\n",
    };
    withProject(
      files,
      (lint) => {
        expect(lint('src/configure.ts')).toEqual(["4:3 Express app 'app (passed in src/server.ts:6)'"]);
        expect(lint('src/proxy.ts')).toEqual(["5:5 Express app 'app (passed in src/server.ts:7)'"]);
      },
      ts,
    );
    files['src/server.ts'] = files['src/server.ts']!.replace('const app = express();', 'const app = express.Router();');
    withProject(
      files,
      (lint) => {
        expect(lint('src/configure.ts')).toEqual([]);
        expect(lint('src/proxy.ts')).toEqual([]);
      },
      ts,
    );
  });
});
