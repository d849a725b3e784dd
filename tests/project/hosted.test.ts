// An app that a hosting platform serves (serverless-http, firebase-functions, src/data/express.ts
// `HOSTED_APP_SERVERS`) is served as by `app.listen`: in its own file, or by the file that imports it (a `lambda.js`
// beside `app.js`). The app-wide rules report it; `require-https` does not (the platform terminates TLS).
import { esm, ts, withProject } from './fixture-project';

const APP_WIDE = /require-helmet|disable-x-powered-by|require-https/u;

const PACKAGE = '{ "name": "hosted", "main": "lambda.js", "dependencies": { "express": "^4.21.0", "helmet": "^8.0.0", "serverless-http": "^3.2.0", "firebase-functions": "^6.0.0" } }';

describe('apps served by a hosting platform', () => {
  it('CommonJS: app.js exported, served by serverless-http in lambda.js', () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': "const express = require('express');\n\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\nmodule.exports = app;\n",
      'lambda.js': "const serverless = require('serverless-http');\nconst app = require('./app');\n\nmodule.exports.handler = serverless(app);\n",
    };
    withProject('hosted', files, (lint) => {
      expect(lint('app.js')).toEqual(['3:13 secure-express/disable-x-powered-by', '3:13 secure-express/require-helmet']);
      expect(lint('lambda.js')).toEqual([]);
    }, { rules: APP_WIDE });
    // With helmet in the app's file: nothing to say.
    files['app.js'] = files['app.js'].replace("const app = express();\n", "const app = express();\napp.use(require('helmet')());\n");
    withProject('hosted', files, (lint) => expect(lint('app.js')).toEqual([]), { rules: APP_WIDE });
  });

  it('CommonJS: an app handed to a function that is not a known server stays unknown', () => {
    const files = {
      'package.json': PACKAGE,
      'app.js': "const express = require('express');\n\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\nmodule.exports = app;\n",
      'lambda.js': "const wrap = require('some-platform');\nconst app = require('./app');\n\nmodule.exports.handler = wrap(app);\n",
    };
    withProject('hosted', files, (lint) => expect(lint('app.js')).toEqual([]), { rules: APP_WIDE });
  });

  it('ES modules: firebase-functions v2 onRequest(options, app) in another file', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "lambda.js"', '"main": "index.mjs", "type": "module"'),
      'app.mjs': "import express from 'express';\n\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\nexport default app;\n",
      'index.mjs': "import { onRequest } from 'firebase-functions/v2/https';\nimport app from './app.mjs';\n\nexport const api = onRequest({ region: 'europe-west1' }, app);\n",
    };
    withProject('hosted', files, (lint) => {
      expect(lint('app.mjs')).toEqual(['3:13 secure-express/disable-x-powered-by', '3:13 secure-express/require-helmet']);
      expect(lint('index.mjs')).toEqual([]);
    }, { config: esm, rules: APP_WIDE });
  });

  it('serverlessExpress({ app }) of @vendia or @codegenie serves the app of its options (TypeScript, CommonJS)', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "lambda.js"', '"main": "src/lambda.ts"'),
      'src/lambda.ts':
        "import express, { type Request, type Response } from 'express';\nimport serverlessExpress from '@vendia/serverless-express';\n\nconst app = express();\napp.get('/', (req: Request, res: Response) => res.send('hi'));\nexport const handler = serverlessExpress({ app });\n",
    };
    withProject('hosted', files, (lint) => {
      expect(lint('src/lambda.ts')).toEqual(['4:13 secure-express/disable-x-powered-by', '4:13 secure-express/require-helmet']);
    }, { config: ts, rules: APP_WIDE });
    const cjsFiles = {
      'package.json': PACKAGE,
      'lambda.js': "const express = require('express');\nconst serverlessExpress = require('@codegenie/serverless-express');\n\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\nexports.handler = serverlessExpress({ app });\n",
    };
    withProject('hosted', cjsFiles, (lint) => expect(lint('lambda.js')).toEqual(['4:13 secure-express/disable-x-powered-by', '4:13 secure-express/require-helmet']), { rules: APP_WIDE });
    // Under another key the package does not read the app as its own: unknown, nothing said.
    cjsFiles['lambda.js'] = cjsFiles['lambda.js'].replace('serverlessExpress({ app })', 'serverlessExpress({ handler: app })');
    withProject('hosted', cjsFiles, (lint) => expect(lint('lambda.js')).toEqual([]), { rules: APP_WIDE });
  });

  it('TypeScript: serverless(app) in the app file', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "lambda.js"', '"main": "src/handler.ts"'),
      'src/handler.ts':
        "import express, { type Request, type Response } from 'express';\nimport serverless from 'serverless-http';\n\nconst app = express();\napp.get('/', (req: Request, res: Response) => res.send('hi'));\nexport const handler = serverless(app);\n",
    };
    withProject('hosted', files, (lint) => {
      expect(lint('src/handler.ts')).toEqual(['4:13 secure-express/disable-x-powered-by', '4:13 secure-express/require-helmet']);
    }, { config: ts, rules: APP_WIDE });
  });
});
