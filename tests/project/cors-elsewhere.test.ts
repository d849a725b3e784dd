// no-permissive-cors with options written in another file of the package (`cors(corsOptions)`, `corsOptions` of
// config.js): reported at the read in the linted file, and the message names where the origin is written (and the
// credentials, when the origin is not written there), as no-hardcoded-secrets names a secret's file. Options written
// in the linted file keep the message as it was. (Trial 21, r6.)
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const PACKAGE = '{ "name": "cors-elsewhere", "main": "app.js", "dependencies": { "express": "^4.21.2", "cors": "^2.8.5" } }';
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.message}${m.fix || m.suggestions?.length ? ' (fix)' : ''}`;

const REFLECTS = (at: string, how: string): string =>
  `${at} cors allows every origin (${how}) together with credentials: any website a user visits can send logged-in requests to this API and read the responses. List the allowed origins.`;
const WILDCARD = (at: string, how: string, credentials = ''): string =>
  `${at} cors sends 'Access-Control-Allow-Origin: *' (${how}) together with credentials${credentials}: browsers refuse such responses, and the usual workaround (origin: true) lets every website read them. List the allowed origins.`;

function lint(files: Record<string, string>, name: string, config: Linter.Config[] = cjs): string[] {
  let found: string[] = [];
  withProject('cors-elsewhere', { 'package.json': PACKAGE, ...files }, (l) => (found = l(name)), { config, rules: /no-permissive-cors/u, format });
  return found;
}

describe('no-permissive-cors: options written in another file', () => {
  const APP = (cors = 'cors(corsOptions)'): string =>
    `const express = require('express');\nconst cors = require('cors');\nconst { corsOptions } = require('./config');\n\nconst app = express();\napp.use(${cors});\napp.listen(3000);\n`;
  const CONFIG = (options: string): string => `module.exports = {\n  corsOptions: ${options},\n  secret: 'keyboard cat',\n};\n`;

  it('CommonJS: names config.js and the line of the origin', () => {
    expect(lint({ 'app.js': APP(), 'config.js': CONFIG('{ origin: true, credentials: true }') }, 'app.js')).toEqual([
      REFLECTS('6:14', 'origin: true reflects the request origin, from config.js:2'),
    ]);
    expect(lint({ 'app.js': APP(), 'config.js': CONFIG("{\n    origin: '*',\n    credentials: true,\n  }") }, 'app.js')).toEqual([WILDCARD('6:14', "origin: '*', from config.js:3")]);
    // No origin there: the credentials' line.
    expect(lint({ 'app.js': APP(), 'config.js': CONFIG('{ credentials: true }') }, 'app.js')).toEqual([WILDCARD('6:9', "no 'origin', so '*'", ' (from config.js:2)')]);
    // Spread into an object of app.js: read there too (reported at the spread's argument).
    expect(lint({ 'app.js': APP('cors({ ...corsOptions, maxAge: 600 })'), 'config.js': CONFIG('{ origin: true, credentials: true }') }, 'app.js')).toEqual([
      REFLECTS('6:19', 'origin: true reflects the request origin, from config.js:2'),
    ]);
  });

  it('CommonJS: the origin written in app.js keeps the message as it was; credentials of config.js are named', () => {
    expect(lint({ 'app.js': APP('cors({ ...corsOptions, origin: true })'), 'config.js': CONFIG('{ credentials: true }') }, 'app.js')).toEqual([
      `6:32 cors allows every origin (origin: true reflects the request origin) together with credentials (from config.js:2): any website a user visits can send logged-in requests to this API and read the responses. List the allowed origins.`,
    ]);
    const local = "const express = require('express');\nconst cors = require('cors');\n\nconst app = express();\napp.use(cors({ origin: true, credentials: true }));\napp.listen(3000);\n";
    expect(lint({ 'app.js': local }, 'app.js')).toEqual([REFLECTS('5:16', 'origin: true reflects the request origin')]);
  });

  it('CommonJS: not reported for an allow-list or without credentials in config.js', () => {
    expect(lint({ 'app.js': APP(), 'config.js': CONFIG("{ origin: ['https://app.example.com'], credentials: true }") }, 'app.js')).toEqual([]);
    expect(lint({ 'app.js': APP(), 'config.js': CONFIG('{ origin: true }') }, 'app.js')).toEqual([]);
    expect(lint({ 'app.js': APP(), 'config.js': CONFIG('{ origin: true, credentials: false }') }, 'app.js')).toEqual([]);
  });

  it('ES modules and TypeScript: the same both ways', () => {
    const esmFiles = (options: string): Record<string, string> => ({
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"'),
      'config.mjs': `export const corsOptions = ${options};\n`,
      'app.mjs': "import express from 'express';\nimport cors from 'cors';\nimport { corsOptions } from './config.mjs';\n\nconst app = express();\napp.use(cors(corsOptions));\napp.listen(3000);\n",
    });
    expect(lint(esmFiles('{ origin: true, credentials: true }'), 'app.mjs', esm)).toEqual([REFLECTS('6:14', 'origin: true reflects the request origin, from config.mjs:1')]);
    expect(lint(esmFiles("{ origin: 'https://app.example.com', credentials: true }"), 'app.mjs', esm)).toEqual([]);
    const tsFiles = (options: string): Record<string, string> => ({
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts", "type": "module"'),
      'src/config.ts': `import type { CorsOptions } from 'cors';\n\nexport const corsOptions: CorsOptions = {\n  origin: ${options},\n  credentials: true,\n};\n`,
      'src/app.ts': "import express from 'express';\nimport cors from 'cors';\nimport { corsOptions } from './config.js';\n\nconst app = express();\napp.use(cors(corsOptions));\napp.listen(3000);\n",
    });
    expect(lint(tsFiles('true'), 'src/app.ts', ts)).toEqual([REFLECTS('6:14', 'origin: true reflects the request origin, from src/config.ts:4')]);
    expect(lint(tsFiles("['https://app.example.com']"), 'src/app.ts', ts)).toEqual([]);
  });
});

describe('no-permissive-cors: an origin function or regex written in another file (session 20 (5))', () => {
  const CALLBACK = 'an origin callback that accepts every origin';
  const APP = (origin: string): string =>
    `const express = require('express');\nconst cors = require('cors');\nconst config = require('./config/cors');\nconst { corsOrigin } = config;\n\nconst app = express();\napp.use(cors({ origin: ${origin}, credentials: true }));\napp.listen(3000);\n`;

  it('CommonJS: read there as a local one is, named with its file and line; an allow-list, a check, or what the model cannot read is not reported', () => {
    const config = (origin: string): Record<string, string> => ({ 'config/cors.js': `// Allowed origins.\nexports.corsOrigin = ${origin};\n` });
    expect(lint({ 'app.js': APP('corsOrigin'), ...config('(origin, callback) => callback(null, true)') }, 'app.js')).toEqual([REFLECTS('7:16', `${CALLBACK}, from config/cors.js:2`)]);
    expect(lint({ 'app.js': APP('config.corsOrigin'), ...config('/.*/') }, 'app.js')).toEqual([REFLECTS('7:16', 'origin: /.*/, from config/cors.js:2')]);
    expect(lint({ 'app.js': APP('corsOrigin'), ...config("(origin, callback) => callback(null, origin === 'https://app.example.com')") }, 'app.js')).toEqual([]);
    expect(lint({ 'app.js': APP('corsOrigin'), ...config("/^https:\\/\\/app\\.example\\.com$/") }, 'app.js')).toEqual([]);
    expect(lint({ 'app.js': APP('corsOrigin'), ...config("require('./origins').make()") }, 'app.js')).toEqual([]);
  });

  it('CommonJS: a function in the options another file writes (`cors(config.options)`), reported at the read', () => {
    const config = "module.exports = {\n  options: {\n    origin(origin, callback) {\n      callback(null, true);\n    },\n    credentials: true,\n  },\n};\n";
    expect(lint({ 'app.js': APP('corsOrigin').replace(/cors\(\{ origin: corsOrigin, credentials: true \}\)/u, 'cors(config.options)'), 'config/cors.js': config }, 'app.js')).toEqual([
      REFLECTS('7:14', `${CALLBACK}, from config/cors.js:3`),
    ]);
  });

  it('ES modules and TypeScript: the same both ways', () => {
    const esmFiles = (origin: string): Record<string, string> => ({
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"'),
      'config/cors.mjs': `export function corsOrigin(origin, callback) {\n  ${origin}\n}\n`,
      'app.mjs': "import express from 'express';\nimport cors from 'cors';\nimport { corsOrigin } from './config/cors.mjs';\n\nconst app = express();\napp.use(cors({ origin: corsOrigin, credentials: true }));\napp.listen(3000);\n",
    });
    expect(lint(esmFiles('callback(null, origin);'), 'app.mjs', esm)).toEqual([REFLECTS('6:16', `${CALLBACK}, from config/cors.mjs:1`)]);
    expect(lint(esmFiles("callback(null, ['https://app.example.com'].includes(origin));"), 'app.mjs', esm)).toEqual([]);
    const tsFiles = (origin: string): Record<string, string> => ({
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts", "type": "module"'),
      'src/config/cors.ts': `export const corsOrigin: RegExp = ${origin};\n`,
      'src/app.ts': "import express from 'express';\nimport cors from 'cors';\nimport { corsOrigin } from './config/cors.js';\n\nconst app = express();\napp.use(cors({ origin: corsOrigin, credentials: true }));\napp.listen(3000);\n",
    });
    expect(lint(tsFiles('/.*/'), 'src/app.ts', ts)).toEqual([REFLECTS('6:16', 'origin: /.*/, from src/config/cors.ts:1')]);
    expect(lint(tsFiles('/^https:\\/\\/app\\.example\\.com$/'), 'src/app.ts', ts)).toEqual([]);
  });
});

describe('no-permissive-cors: an origin function or regex picked from a per-environment table of another file', () => {
  const CALLBACK = 'an origin callback that accepts every origin';
  const TABLE = (development: string, production = development): string =>
    `const configs = {\n  development: { cors: { origin: ${development}, credentials: true } },\n  production: { cors: { origin: ${production}, credentials: true } },\n};\nmodule.exports = configs[process.env.NODE_ENV || 'development'];\n`;
  const APP = "const express = require('express');\nconst cors = require('cors');\nconst config = require('./config');\n\nconst app = express();\napp.use(cors(config.cors));\napp.listen(3000);\n";

  it("CommonJS: every entry's regex or callback, named with the first entry's line and the table (as a literal origin is)", () => {
    expect(lint({ 'app.js': APP, 'config.js': TABLE('/.*/') }, 'app.js')).toEqual([REFLECTS('6:14', "origin: /.*/, from config.js:2, in every environment of 'configs'")]);
    expect(lint({ 'app.js': APP, 'config.js': TABLE('(origin, cb) => cb(null, true)') }, 'app.js')).toEqual([
      REFLECTS('6:14', `${CALLBACK}, from config.js:2, in every environment of 'configs'`),
    ]);
    // (A literal origin of the same table said so already.)
    expect(lint({ 'app.js': APP, 'config.js': TABLE('true') }, 'app.js')).toEqual([REFLECTS('6:14', "origin: true reflects the request origin, from config.js:2, in every environment of 'configs'")]);
  });

  it('CommonJS: not reported when the entries differ (an allow-list in production) or each holds an allow-list', () => {
    expect(lint({ 'app.js': APP, 'config.js': TABLE('/.*/', "['https://app.example.com']") }, 'app.js')).toEqual([]);
    expect(lint({ 'app.js': APP, 'config.js': TABLE('/^https:\\/\\/app\\.example\\.com$/') }, 'app.js')).toEqual([]);
  });

  it('ES modules and TypeScript: the same both ways', () => {
    const esmFiles = (development: string, production = development): Record<string, string> => ({
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"'),
      'config.mjs': TABLE(development, production).replace("module.exports = configs[process.env.NODE_ENV || 'development'];", "export default configs[process.env.NODE_ENV ?? 'development'];"),
      'app.mjs': "import express from 'express';\nimport cors from 'cors';\nimport config from './config.mjs';\n\nconst app = express();\napp.use(cors(config.cors));\napp.listen(3000);\n",
    });
    expect(lint(esmFiles('/.*/'), 'app.mjs', esm)).toEqual([REFLECTS('6:14', "origin: /.*/, from config.mjs:2, in every environment of 'configs'")]);
    expect(lint(esmFiles('/.*/', "'https://app.example.com'"), 'app.mjs', esm)).toEqual([]);
    const tsFiles = (development: string, production = development): Record<string, string> => ({
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts", "type": "module"'),
      'src/config.ts': TABLE(development, production).replace("module.exports = configs[process.env.NODE_ENV || 'development'];", "const { cors: corsOptions } = configs[(process.env.NODE_ENV ?? 'development') as keyof typeof configs];\nexport { corsOptions };"),
      'src/app.ts': "import express from 'express';\nimport cors from 'cors';\nimport { corsOptions } from './config.js';\n\nconst app = express();\napp.use(cors(corsOptions));\napp.listen(3000);\n",
    });
    expect(lint(tsFiles('(origin: string | undefined, cb: (e: Error | null, ok?: boolean) => void) => cb(null, true)'), 'src/app.ts', ts)).toEqual([
      REFLECTS('6:14', `${CALLBACK}, from src/config.ts:2, in every environment of 'configs'`),
    ]);
    expect(lint(tsFiles('(origin: string | undefined, cb: (e: Error | null, ok?: boolean) => void) => cb(null, true)', "['https://app.example.com']"), 'src/app.ts', ts)).toEqual([]);
  });
});
