// A checking function of another module of the package (its summary, src/project/function-summaries.ts) counts as
// the check it returns, like the same check written inline around the redirect (no-open-redirect).
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { cjs, esm, ts, withProject } from './fixture-project';

const redirect = /no-open-redirect/u;

const routes = (imported: string): string =>
  [
    imported,
    'module.exports = (app) => {',
    "  app.get('/c', (req, res) => { const next = req.query.next; if (!isLocalPath(next)) return res.redirect('/'); res.redirect(next); });",
    "  app.get('/d', (req, res) => { const next = req.query.next; res.redirect(isLocalPath(next) ? next : '/'); });",
    "  app.get('/e', (req, res) => { const next = req.query.next; if (!isSlash(next)) return res.redirect('/'); res.redirect(next); });",
    "  app.get('/f', (req, res) => { const next = req.query.next; if (!echo(next)) return res.redirect('/'); res.redirect(next); });",
    "  app.get('/g', (req, res) => { const next = req.query.next; isLocalPath(next); res.redirect(next); });",
    '};',
    '',
  ].join('\n');

const lib = [
  String.raw`exports.isLocalPath = (url) => /^\/(?![\/\\])[\w\-\/]*$/.test(url);`,
  "exports.isSlash = (url) => url.startsWith('/');",
  'exports.echo = (url) => { console.log(url); return url; };',
  '',
].join('\n');

describe('checking functions of another module (no-open-redirect)', () => {
  it('trial (apps/redirect-helper), CommonJS: an imported anchored-regex check guards; a lone slash, a logger, an unused result do not', () => {
    const files = {
      'package.json': '{ "name": "redirect-helper", "dependencies": { "express": "^4.21.0" } }',
      'app.js': "const express = require('express');\nconst app = express();\nrequire('./routes')(app);\napp.listen(3000);\n",
      'lib/url.js': lib,
      'routes.js': routes("const { isLocalPath, isSlash, echo } = require('./lib/url');"),
    };
    withProject('guard-cjs', files, (lint) => {
      expect(lint('routes.js')).toEqual(['5:121 secure-express/no-open-redirect', '6:118 secure-express/no-open-redirect', '7:94 secure-express/no-open-redirect']);
    }, { rules: redirect });
    // Without the whole-app model the imported function is unknown: every redirect is reported.
    const single = [...cjs, { settings: { 'secure-express': { crossFile: false } } }] as Linter.Config[];
    withProject('guard-cjs-single', files, (lint) => {
      expect(lint('routes.js')).toHaveLength(5);
    }, { rules: redirect, config: single });
  });

  it('ESM and TypeScript: named imports of a local-path check', () => {
    const files = {
      'package.json': '{ "name": "redirect-helper-esm", "type": "module", "dependencies": { "express": "^4.21.0" } }',
      'lib/url.mjs': "export function safeLocal(u) {\n  return typeof u === 'string' && u.startsWith('/') && !u.startsWith('//');\n}\nexport const slash = (u) => u.startsWith('/');\n",
      'app.mjs': [
        "import express from 'express';",
        "import { safeLocal, slash } from './lib/url.mjs';",
        'const app = express();',
        "app.get('/a', (req, res) => { if (!safeLocal(req.query.next)) return res.redirect('/'); res.redirect(req.query.next); });",
        "app.get('/b', (req, res) => { if (!slash(req.query.next)) return res.redirect('/'); res.redirect(req.query.next); });",
        '',
      ].join('\n'),
      'src/url.ts': "export const isLocal = (u: unknown): u is string => typeof u === 'string' && u.startsWith('/') && !u.startsWith('//');\nexport const isShort = (u: string): boolean => u.length < 80;\n",
      'src/app.ts': [
        "import express from 'express';",
        "import { isLocal, isShort } from './url';",
        'const app = express();',
        "app.get('/a', (req, res) => { const to = req.query.to; if (!isLocal(to)) return res.redirect('/'); res.redirect(to); });",
        "app.get('/b', (req, res) => { const to = String(req.query.to); if (!isShort(to)) return res.redirect('/'); res.redirect(to); });",
        '',
      ].join('\n'),
    };
    withProject('guard-esm', files, (lint) => {
      expect(lint('app.mjs')).toEqual(['5:98 secure-express/no-open-redirect']);
    }, { rules: redirect, config: esm });
    withProject('guard-ts', files, (lint) => {
      expect(lint('src/app.ts')).toEqual(['5:121 secure-express/no-open-redirect']);
    }, { rules: redirect, config: ts });
  });

  it('a rejecting function of another module: `if (isUnsafe(u)) return …` guards, the other way round does not (CommonJS, ESM)', () => {
    const files = {
      'package.json': '{ "name": "redirect-reject", "dependencies": { "express": "^4.21.0" } }',
      'lib/url.js': "exports.isUnsafe = (u) => typeof u !== 'string' || !u.startsWith('/') || u.startsWith('//');\nexports.isDouble = (u) => u.startsWith('//');\n",
      'app.js': [
        "const express = require('express');",
        "const { isUnsafe, isDouble } = require('./lib/url');",
        'const app = express();',
        "app.get('/a', (req, res) => { const n = req.query.next; if (isUnsafe(n)) return res.redirect('/'); res.redirect(n); });",
        "app.get('/b', (req, res) => { const n = req.query.next; if (!isUnsafe(n)) return res.redirect('/'); res.redirect(n); });",
        "app.get('/c', (req, res) => { const n = req.query.next; if (isDouble(n)) return res.redirect('/'); res.redirect(n); });",
        'app.listen(3000);',
        '',
      ].join('\n'),
      'lib/url.mjs': "const HOME = ['/', '/home'];\nexport function elsewhere(u) {\n  return !HOME.includes(u);\n}\n",
      'app.mjs': [
        "import express from 'express';",
        "import { elsewhere } from './lib/url.mjs';",
        'const app = express();',
        "app.get('/a', (req, res) => { if (elsewhere(req.query.to)) return res.sendStatus(400); res.redirect(req.query.to); });",
        "app.get('/b', (req, res) => { if (!elsewhere(req.query.to)) return res.sendStatus(400); res.redirect(req.query.to); });",
        '',
      ].join('\n'),
    };
    withProject('reject-cjs', files, (lint) => {
      expect(lint('app.js')).toEqual(['5:114 secure-express/no-open-redirect', '6:113 secure-express/no-open-redirect']);
    }, { rules: redirect });
    withProject('reject-esm', files, (lint) => {
      expect(lint('app.mjs')).toEqual(['5:102 secure-express/no-open-redirect']);
    }, { rules: redirect, config: esm });
  });

  it("trial 13: an async checking function of another module, its awaited result kept in a local, guards; unawaited it does not (CommonJS, ESM, TS)", () => {
    const files = {
      'package.json': '{ "name": "redirect-held", "dependencies": { "express": "^4.21.0" } }',
      'lib/allow.js': "const ALLOWED = ['/home', '/account'];\nexports.isAllowed = async (url) => ALLOWED.includes(url);\n",
      'app.js': [
        "const express = require('express');",
        "const { isAllowed } = require('./lib/allow');",
        'const app = express();',
        "app.get('/a', async (req, res) => { const u = req.query.next; const ok = await isAllowed(u); if (!ok) return res.redirect('/'); res.redirect(u); });",
        "app.get('/b', async (req, res) => { const u = req.query.next; const ok = isAllowed(u); if (!ok) return res.redirect('/'); res.redirect(u); });",
        'app.listen(3000);',
        '',
      ].join('\n'),
      'lib/allow.mjs': "export async function isUnsafe(u) {\n  return typeof u !== 'string' || !u.startsWith('/') || u.startsWith('//');\n}\n",
      'app.mjs': [
        "import express from 'express';",
        "import { isUnsafe } from './lib/allow.mjs';",
        'const app = express();',
        "app.get('/a', async (req, res) => { const bad = await isUnsafe(req.query.to); if (bad) return res.sendStatus(400); res.redirect(req.query.to); });",
        "app.get('/b', async (req, res) => { const bad = isUnsafe(req.query.to); if (bad) return res.sendStatus(400); res.redirect(req.query.to); });",
        '',
      ].join('\n'),
      'src/allow.ts': "const ALLOWED = new Set(['/home']);\nexport const isAllowed = async (u: string): Promise<boolean> => ALLOWED.has(u);\n",
      'src/app.ts': [
        "import express from 'express';",
        "import { isAllowed } from './allow';",
        'const app = express();',
        "app.get('/a', async (req, res) => { const to = String(req.query.to); const ok: boolean = await isAllowed(to); res.redirect(ok ? to : '/'); });",
        "app.get('/b', async (req, res) => { const to = String(req.query.to); const ok = isAllowed(to); res.redirect(ok ? to : '/'); });",
        '',
      ].join('\n'),
    };
    withProject('held-cjs', files, (lint) => {
      expect(lint('app.js')).toEqual(['5:136 secure-express/no-open-redirect']);
    }, { rules: redirect });
    withProject('held-esm', files, (lint) => {
      expect(lint('app.mjs')).toEqual(['5:123 secure-express/no-open-redirect']);
    }, { rules: redirect, config: esm });
    withProject('held-ts', files, (lint) => {
      expect(lint('src/app.ts')).toEqual(['5:109 secure-express/no-open-redirect']);
    }, { rules: redirect, config: ts });
  });
});
