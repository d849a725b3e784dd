// An app factory (`createApp()` returns an app it registers routes on) that the server calls and a test hands to a
// test client (`request(createApp())`, supertest): the test adds nothing to the app, so the app-wide rules check the
// factory's app with what the server adds, as for an exported app that a test imports (tests/project/served-exported).
// A caller that does something else with the app it gets (mounts it, hands it to code the package does not show)
// does it to its own app: the server's, which it only serves, is still the factory's as made when each call makes a
// new app, and is checked (since session 18, trial 24 R1; before, such a caller left the app unknown). A factory that
// may keep one app leaves it unknown. (Trial 21, r2.)
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject as inProject } from './fixture-project';

const RULES = /require-helmet|disable-x-powered-by/u;
const PACKAGE = '{ "name": "factory-tests", "main": "src/server.js", "dependencies": { "express": "^4.21.0", "helmet": "^8.0.0" }, "devDependencies": { "supertest": "^7.0.0" } }';

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config: Linter.Config[] = cjs): void {
  inProject('factory-tests', files, run, { config, rules: RULES, format: (m) => `${m.line}:${m.column} ${m.ruleId!.slice('secure-express/'.length)}` });
}

const BOTH = (at: string): string[] => [`${at} disable-x-powered-by`, `${at} require-helmet`];

const APP = "const express = require('express');\n\nfunction createApp() {\n  const app = express();\n  app.get('/', (req, res) => res.send('hi'));\n  return app;\n}\n\nmodule.exports = { createApp };\n";
const SERVER = "const { createApp } = require('./app');\ncreateApp().listen(3000);\n";

function cjsFiles(test: string): Record<string, string> {
  return { 'package.json': PACKAGE, 'src/app.js': APP, 'src/server.js': SERVER, 'tests/app.test.js': `const request = require('supertest');\nconst { createApp } = require('../src/app');\n${test}` };
}

describe('an app factory that the server calls and a test hands to supertest', () => {
  it('CommonJS: checked in the factory, whichever way the test gets the app', () => {
    for (const test of [
      "request(createApp()).get('/');\n",
      "const app = createApp();\nrequest(app).get('/');\n",
      "test('works', async () => {\n  await request(createApp()).get('/').expect(200);\n});\n",
      "test('works', async () => {\n  const app = createApp();\n  await request(app).get('/').expect(200);\n});\n",
      // Two tests, each with an app of its own.
      "test('a', () => request(createApp()).get('/'));\ntest('b', () => request(createApp()).get('/x'));\n",
    ]) {
      withProject(cjsFiles(test), (lint) => expect(lint('src/app.js')).toEqual(BOTH('4:15')));
    }
    // The trial's repro as it is (no test helper around the call).
    withProject(cjsFiles("request(createApp()).get('/');\n"), (lint) => expect(lint('src/server.js')).toEqual([]));
  });

  it('CommonJS: helmet that the server mounts after the factory\'s routes is reported there', () => {
    const files = cjsFiles("request(createApp()).get('/');\n");
    files['src/server.js'] = "const helmet = require('helmet');\nconst { createApp } = require('./app');\nconst app = createApp();\napp.use(helmet());\napp.listen(3000);\n";
    withProject(files, (lint) => expect(lint('src/app.js')).toEqual(['4:15 disable-x-powered-by', '5:11 require-helmet']));
    inProject('factory-tests', files, (lint) =>
      expect(lint('src/app.js')).toEqual([
        "Express app 'app' sends 'X-Powered-By: Express' on route 'GET /' (src/app.js:5): the helmet that removes it (src/server.js:4) is mounted after that route and never runs for it. Call app.disable('x-powered-by') or mount helmet before the routes.",
        "helmet is mounted on Express app 'app' (src/server.js:4) after route 'GET /' (src/app.js:5): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
      ]), { rules: RULES, format: (m) => m.message });
  });

  it('CommonJS: not reported when the factory mounts helmet; a caller that does something else with its app leaves the server\'s as made', () => {
    withProject({ ...cjsFiles("request(createApp()).get('/');\n"), 'src/app.js': APP.replace("  app.get('/'", "  app.use(require('helmet')());\n  app.get('/'") }, (lint) =>
      expect(lint('src/app.js')).toEqual([]),
    );
    const shared = "const express = require('express');\n\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\n\nfunction createApp() {\n  return app;\n}\n\nmodule.exports = { createApp };\n";
    for (const test of [
      // Handed to code the package does not show.
      "require('some-host')(createApp());\n",
      "const app = createApp();\nrequest(app).get('/');\nmodule.exports = app;\n",
      // Mounted on another app: its middleware would run before the factory's routes.
      "const outer = require('express')();\nouter.use(createApp());\nrequest(outer).get('/');\n",
      // Configured by the test: one of the callers' apps is not what the server's is.
      "const app = createApp();\napp.use((req, res, next) => next());\nrequest(app).get('/');\n",
    ]) {
      // The server serves its own app, which the factory made and nothing else touched.
      withProject(cjsFiles(test), (lint) => expect(lint('src/app.js')).toEqual(BOTH('4:15')));
      // One app made at the module's top level, that every call returns: what the test does reaches the server's too.
      withProject({ ...cjsFiles(test), 'src/app.js': shared }, (lint) => expect(lint('src/app.js')).toEqual([]));
    }
  });

  it('a test harness that serves the factory\'s app itself (`app.listen()` for supertest) serves no user: the entry that mounts it decides (session 22, mongo-express)', () => {
    const pkg = PACKAGE.replace('"main": "src/server.js"', '"main": "src/server.mjs", "type": "module"');
    const app = "import express from 'express';\n\nexport default async function createApp() {\n  const app = express();\n  app.get('/', (req, res) => res.send('hi'));\n  return app;\n}\n";
    // The entry mounts the factory's app behind its own helmet: the app's responses carry helmet's headers.
    const server = "import express from 'express';\nimport helmet from 'helmet';\nimport createApp from './app.mjs';\n\nconst outer = express();\nouter.use(helmet());\nasync function boot() {\n  outer.use('/', await createApp());\n  outer.listen(8081);\n}\nboot();\n";
    const harness = "import request from 'supertest';\nimport createApp from '../src/app.mjs';\n\nexport async function start() {\n  const app = await createApp();\n  const server = app.listen();\n  return request.agent(server);\n}\n";
    const files = (where: string): Record<string, string> => ({ 'package.json': pkg, 'src/app.mjs': app, 'src/server.mjs': server, [where]: harness });
    const config = [...esm, { files: ['**/*.mjs'], rules: { 'secure-express/require-https': 'error' } }] as Linter.Config[];
    const lintOf = (where: string, run: (lint: (name: string) => string[]) => void): void =>
      inProject('factory-tests', files(where), run, { config, rules: /require-helmet|require-https/u, format: (m) => `${m.line}:${m.column} ${m.ruleId!.slice('secure-express/'.length)}` });
    // Before: reported as "served in tests/helpers.mjs:6" (require-helmet, require-https), the harness taken for a server.
    for (const where of ['tests/helpers.mjs', 'test/support/server.mjs', 'src/app.spec.mjs']) lintOf(where, (lint) => expect(lint('src/app.mjs')).toEqual([]));
    // The same file outside the tests (a demo script of the package) serves the factory's app as made, without helmet.
    lintOf('scripts/demo.mjs', (lint) => expect(lint('src/app.mjs')).toEqual(['4:15 require-helmet', '4:15 require-https']));
  });

  it('ES modules: the same both ways', () => {
    const pkg = PACKAGE.replace('"main": "src/server.js"', '"main": "src/server.mjs", "type": "module"');
    const app = "import express from 'express';\n\nexport function createApp() {\n  const app = express();\n  app.get('/', (req, res) => res.send('hi'));\n  return app;\n}\n";
    const files = (test: string): Record<string, string> => ({
      'package.json': pkg,
      'src/app.mjs': app,
      'src/server.mjs': "import { createApp } from './app.mjs';\n\ncreateApp().listen(3000);\n",
      'tests/app.test.mjs': `import request from 'supertest';\nimport { createApp } from '../src/app.mjs';\n\n${test}`,
    });
    withProject(files("test('works', async () => {\n  await request(createApp()).get('/').expect(200);\n});\n"), (lint) => expect(lint('src/app.mjs')).toEqual(BOTH('4:15')), esm);
    withProject(files("import host from 'some-host';\n\nhost(createApp());\n"), (lint) => expect(lint('src/app.mjs')).toEqual(BOTH('4:15')), esm);
  });

  it('TypeScript: the same both ways', () => {
    const pkg = PACKAGE.replace('"main": "src/server.js"', '"main": "src/server.ts", "type": "module"');
    const app =
      "import express, { type Express, type Request, type Response } from 'express';\n\nexport function createApp(): Express {\n  const app = express();\n  app.get('/', (req: Request, res: Response) => res.send('hi'));\n  return app;\n}\n";
    const files = (test: string): Record<string, string> => ({
      'package.json': pkg,
      'src/app.ts': app,
      'src/server.ts': "import { createApp } from './app.js';\n\nconst app = createApp();\napp.listen(3000);\n",
      'tests/app.test.ts': `import request from 'supertest';\nimport { createApp } from '../src/app.js';\n\n${test}`,
    });
    withProject(files("const app = createApp();\n\nit('works', async () => {\n  await request(app).get('/').expect(200);\n});\n"), (lint) => expect(lint('src/app.ts')).toEqual(BOTH('4:15')), ts);
    withProject(files("import express from 'express';\n\nconst outer = express();\nouter.use('/v1', createApp());\n"), (lint) => expect(lint('src/app.ts')).toEqual(BOTH('4:15')), ts);
  });
});
