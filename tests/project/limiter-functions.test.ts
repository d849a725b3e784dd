// A rate limiter written as a function in another file of the package (rate-limiter-flexible has no middleware: a
// limiter is a function that calls `limiter.consume(key)`; or a function that runs express-rate-limit's middleware on
// its request): read in that file with its own model's module calls, it counts as a function of this file does
// (trial 12's `require('./limits')`).
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject as inProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config: Linter.Config[] = cjs): void {
  inProject('limiter-fn', files, run, { config, rules: /require-rate-limit/u, format });
}

const PACKAGE = '{ "name": "limiter-fn", "main": "app.js", "dependencies": { "express": "^5.1.0", "rate-limiter-flexible": "^7.0.0", "express-rate-limit": "^7.4.0" } }';

const CONSUMING =
  "const { RateLimiterMemory } = require('rate-limiter-flexible');\nconst l = new RateLimiterMemory({ points: 10, duration: 60 });\n" +
  'module.exports = function authAttempts(req, res, next) { l.consume(req.ip).then(() => next()).catch(() => res.status(429).end()); };\n';

describe('a limiter function of another file of the package', () => {
  it('CommonJS: a function that consumes a rate-limiter-flexible limiter, required inline or through a const (trial 12)', () => {
    const inline = { 'package.json': PACKAGE, 'limits.js': CONSUMING, 'app.js': "const app = require('express')();\napp.post('/login', require('./limits'), (req, res) => res.end());\napp.listen(3000);\n" };
    withProject(inline, (lint) => expect(lint('app.js')).toEqual([]));
    const named = {
      ...inline,
      'app.js': "const express = require('express');\nconst authAttempts = require('./limits');\nconst app = express();\napp.post('/login', authAttempts, (req, res) => res.end());\napp.listen(3000);\n",
    };
    withProject(named, (lint) => expect(lint('app.js')).toEqual([]));
    // One that only passes the request on is no limiter, though its file makes one (a function of its own uses it).
    const passes = {
      ...named,
      'limits.js':
        "const { RateLimiterMemory } = require('rate-limiter-flexible');\nconst l = new RateLimiterMemory({ points: 10, duration: 60 });\n" +
        'exports.check = async (key) => l.consume(key);\nmodule.exports = Object.assign(function authAttempts(req, res, next) { next(); }, exports);\n',
    };
    withProject(passes, (lint) => expect(lint('app.js')).toEqual(['4:10 secure-express/require-rate-limit']));
    withProject({ ...named, 'limits.js': 'module.exports = function authAttempts(req, res, next) { next(); };\n' }, (lint) =>
      expect(lint('app.js')).toEqual(['4:10 secure-express/require-rate-limit']),
    );
  });

  it('ESM: a named export that awaits `consume`, and one that runs express-rate-limit on its request', () => {
    const config = [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }] as Linter.Config[];
    const files = {
      'package.json': PACKAGE.replace('"main"', '"type": "module", "main"'),
      'mw/limits.js':
        "import { RateLimiterRedis } from 'rate-limiter-flexible';\nimport rateLimit from 'express-rate-limit';\nconst l = new RateLimiterRedis({ points: 5, duration: 60 });\nconst strict = rateLimit({ windowMs: 60000, limit: 5 });\n" +
        'export async function attempts(req, res, next) { try { await l.consume(req.ip); next(); } catch { res.status(429).end(); } }\n' +
        'export function onlyPosts(req, res, next) { if (req.method !== "POST") return next(); strict(req, res, next); }\n' +
        'export function log(req, res, next) { console.log(req.path); next(); }\n',
      'app.js':
        "import express from 'express';\nimport { attempts, onlyPosts, log } from './mw/limits.js';\nconst app = express();\napp.post('/login', attempts, (req, res) => res.end());\napp.post('/signup', onlyPosts, (req, res) => res.end());\napp.post('/reset', log, (req, res) => res.end());\napp.listen(3000);\n",
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual(['6:10 secure-express/require-rate-limit']), config);
  });

  it('TypeScript: a default export through a barrel', () => {
    const files = {
      'package.json': PACKAGE.replace('"app.js"', '"app.ts"'),
      'middleware/attempts.ts':
        "import type { Request, Response, NextFunction } from 'express';\nimport { RateLimiterMemory } from 'rate-limiter-flexible';\nconst l = new RateLimiterMemory({ points: 10, duration: 60 });\n" +
        'export default async function attempts(req: Request, res: Response, next: NextFunction): Promise<void> {\n  try { await l.consume(req.ip ?? ""); next(); } catch { res.status(429).end(); }\n}\n',
      'middleware/index.ts': "export { default as attempts } from './attempts';\n",
      'app.ts': "import express from 'express';\nimport { attempts } from './middleware';\nconst app = express();\napp.post('/login', attempts, (req, res) => res.end());\napp.listen(3000);\n",
    };
    withProject(files, (lint) => expect(lint('app.ts')).toEqual([]), ts);
    const none = { ...files, 'middleware/attempts.ts': "import type { Request, Response, NextFunction } from 'express';\nexport default function attempts(req: Request, res: Response, next: NextFunction): void { next(); }\n" };
    withProject(none, (lint) => expect(lint('app.ts')).toEqual(['4:10 secure-express/require-rate-limit']), ts);
  });

  it("a router's routes get a limiter function that the app mounts before it, read from the app's file (trial 12's a04)", () => {
    const files = {
      'package.json': PACKAGE,
      'middleware/limits.js': CONSUMING,
      'routes/auth.js': "const router = require('express').Router();\nrouter.post('/login', (req, res) => res.end());\nmodule.exports = router;\n",
      'app.js': "const app = require('express')();\nconst authAttempts = require('./middleware/limits');\napp.use('/auth', authAttempts, require('./routes/auth'));\napp.listen(3000);\n",
    };
    withProject(files, (lint) => expect(lint('routes/auth.js')).toEqual([]));
    // (`./middleware/limits` is the app's specifier: from routes/ it would name routes/middleware/limits.js.)
    const elsewhere = { ...files, 'routes/middleware/limits.js': 'module.exports = function authAttempts(req, res, next) { next(); };\n' };
    withProject(elsewhere, (lint) => expect(lint('routes/auth.js')).toEqual([]));
    withProject({ ...files, 'middleware/limits.js': 'module.exports = function authAttempts(req, res, next) { next(); };\n' }, (lint) =>
      expect(lint('routes/auth.js')).toEqual(['2:13 secure-express/require-rate-limit']),
    );
  });
});
