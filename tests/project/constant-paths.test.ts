// Route and mount paths built from constants that another file of the package exports (trial 19 r2, app4): the path is
// the string it evaluates to, read with that file's source (`ImportHook.importedValue`; src/express/options.ts
// `staticText`, src/express/model.ts `readPaths`), so the route's full path is known and matched against the limiters.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const RULES = /require-rate-limit/u;
const PACKAGE = '{ "name": "constant-paths", "main": "app.js", "dependencies": { "express": "^5.1.0", "express-rate-limit": "^7.5.0" } }';
/** `line:column ruleId message`. */
const withMessage = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId} ${m.message}`;
const missing = (at: string, path: string, app: string): string =>
  `${at} secure-express/require-rate-limit Authentication route 'POST ${path}' on '${app}' has no rate limiter before it: an attacker can try passwords or tokens without limit.`;

describe('paths built from constants of another file', () => {
  it('CommonJS: `const { API } = require(...)` in a mount prefix: the route of another file gets the full path', () => {
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'config.js': "module.exports = { API: '/api/v1' };\n",
      'routes/auth.js': "const express = require('express');\n\nconst router = express.Router();\nrouter.post('/token', (req, res) => res.json(grant(req.body)));\n\nmodule.exports = router;\n",
      'app.js':
        "const express = require('express');\nconst { rateLimit } = require('express-rate-limit');\nconst { API } = require('./config');\n\nconst app = express();\n" +
        'app.use(`${API}/auth/login`, rateLimit({ limit: 5 }));\napp.use(`${API}/auth`, require(\'./routes/auth\'));\napp.listen(3000);\n',
    };
    withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual([missing('4:13', '/api/v1/auth/token', 'router (mounted in app.js:7)')]), {
      config: cjs,
      rules: RULES,
      format: withMessage,
    });
    // The limiter at the evaluated prefix runs for it.
    files['app.js'] = files['app.js']!.replace('`${API}/auth/login`', 'API + \'/auth\'');
    withProject('constant-paths', files, (lint) => expect(lint('routes/auth.js')).toEqual([]), { config: cjs, rules: RULES });
  });

  it('ES modules: `import { API } from "./config.mjs"` in the linted file; a `let` the other file reassigns stays unknown', () => {
    const app =
      "import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport { API } from './config.mjs';\n\nconst app = express();\n" +
      "app.use(API + '/auth/login', rateLimit({ limit: 5 }));\nconst auth = express.Router();\nauth.post('/token', (req, res) => res.json(grant(req.body)));\napp.use(`${API}/auth`, auth);\napp.listen(3000);\n";
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"'),
      'config.mjs': "export const API = '/api/v1';\n",
      'app.mjs': app,
    };
    withProject('constant-paths', files, (lint) => expect(lint('app.mjs')).toEqual([missing('8:11', '/api/v1/auth/token', 'auth')]), { config: esm, rules: RULES, format: withMessage });
    files['app.mjs'] = app.replace("API + '/auth/login'", "API + '/auth'");
    withProject('constant-paths', files, (lint) => expect(lint('app.mjs')).toEqual([]), { config: esm, rules: RULES });
    // (`export let`, reassigned by a function of its file: the prefix is unknown, and so is the route's full path.)
    files['app.mjs'] = app;
    files['config.mjs'] = "export let API = '/api/v1';\nexport function useV2() { API = '/api/v2'; }\n";
    withProject('constant-paths', files, (lint) => expect(lint('app.mjs')).toEqual([]), { config: esm, rules: RULES });
  });

  it('TypeScript: a property of an exported `as const` object; one that the linted file writes stays unknown', () => {
    const app =
      "import express, { type Request, type Response } from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport { Paths } from './paths.js';\n\nconst app = express();\n" +
      "app.use(`${Paths.Api}/auth/login`, rateLimit({ limit: 5 }));\nconst auth = express.Router();\nauth.post(Paths.Token, (req: Request, res: Response) => res.json(grant(req.body)));\napp.use(`${Paths.Api}/auth`, auth);\napp.listen(3000);\n";
    const files: Record<string, string> = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts"'),
      'src/paths.ts': "export const Paths = { Api: '/api/v1', Token: '/token' } as const;\n",
      'src/app.ts': app,
    };
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([missing('8:11', '/api/v1/auth/token', 'auth')]), { config: ts, rules: RULES, format: withMessage });
    files['src/app.ts'] = app.replace('`${Paths.Api}/auth/login`', '`${Paths.Api}/auth`');
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
    files['src/app.ts'] = `${app}(Paths as { Api: string }).Api = process.env.API_PREFIX ?? '';\n`;
    withProject('constant-paths', files, (lint) => expect(lint('src/app.ts')).toEqual([]), { config: ts, rules: RULES });
  });
});
