// A redirect to a target the app keeps in the session (`res.redirect(req.session.returnTo || '/')`) is what the
// handlers write there; a helper of another file that a handler hands its request to may be where the write is
// (`rememberReturn(req)` in middleware/auth.js doing `req.session.returnTo = req.query.next`): its summary says what it
// keeps there (session 26). The app's own path (`req.originalUrl`), a constant, a checked value or another key stays
// quiet, as inline.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject as inProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`;
const RULES = /no-open-redirect/u;

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config: Linter.Config[]): void {
  inProject('session-writes', files, run, { config, rules: RULES, format });
}

const PACKAGE = (type: string): string => `{ "name": "session-writes", ${type}"dependencies": { "express": "^4.21.2", "express-session": "^1.18.1" } }`;
const message = (source: string): string =>
  `5:50 secure-express/no-open-redirect: 'res.redirect' sends the browser to a URL taken from the request (${source}): open redirect. Check it against an allow list, or keep only a local path.`;

/** What the helper keeps, as `req.session.<key> = <value>`, and what the reported write says. */
const HELPERS: [string, string | null][] = [
  ['req.session.returnTo = req.query.next', "req.query.next, kept in req.session.returnTo by 'rememberReturn' (middleware/auth.EXT:2)"],
  ['req.session.returnTo ||= req.body.returnTo', "req.body.returnTo, kept in req.session.returnTo by 'rememberReturn' (middleware/auth.EXT:2)"],
  ['req.session.returnTo = req.originalUrl', null],
  ["req.session.returnTo = '/account'", null],
  ['req.session.search = req.query.next', null],
  ["if (typeof req.query.next === 'string' && req.query.next.startsWith('/') && !req.query.next.startsWith('//')) req.session.returnTo = req.query.next", null],
];

describe('a helper of another file that keeps request data in the session', () => {
  it('CommonJS', () => {
    for (const [write, source] of HELPERS) {
      const files = {
        'package.json': PACKAGE(''),
        'middleware/auth.js': `exports.rememberReturn = function rememberReturn(req) {\n  ${write};\n};\n`,
        'routes/auth.js':
          "const express = require('express');\nconst { rememberReturn } = require('../middleware/auth');\nconst router = express.Router();\n" +
          "router.get('/login', (req, res) => { rememberReturn(req); res.render('login'); });\nrouter.post('/login', (req, res) => res.redirect(req.session.returnTo || '/'));\nmodule.exports = router;\n",
      };
      withProject(files, (lint) => expect([write, ...lint('routes/auth.js')]).toEqual([write, ...(source ? [message(source.replace('EXT', 'js'))] : [])]), cjs);
    }
  });

  it('ESM and TypeScript', () => {
    for (const [write, source] of HELPERS) {
      const esmFiles = {
        'package.json': PACKAGE('"type": "module", '),
        'middleware/auth.js': `export function rememberReturn(req) {\n  ${write};\n}\n`,
        'routes/auth.js':
          "import { Router } from 'express';\nimport { rememberReturn } from '../middleware/auth.js';\nconst router = Router();\n" +
          "router.get('/login', (req, res) => { rememberReturn(req); res.render('login'); });\nrouter.post('/login', (req, res) => res.redirect(req.session.returnTo || '/'));\nexport default router;\n",
      };
      const esmJs = [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }] as Linter.Config[];
      withProject(esmFiles, (lint) => expect([write, ...lint('routes/auth.js')]).toEqual([write, ...(source ? [message(source.replace('EXT', 'js'))] : [])]), esmJs);
      const typed = write.replace('req.session.', 'req.session!.').replace('req.query.next', '(req.query.next as string)').replace('req.body.returnTo', '(req.body.returnTo as string)');
      const tsFiles = {
        'package.json': PACKAGE(''),
        'middleware/auth.ts': `import type { Request } from 'express';\nexport const rememberReturn = (req: Request): void => {\n  ${typed};\n};\n`,
        'routes/auth.ts':
          "import { Router } from 'express';\nimport { rememberReturn } from '../middleware/auth';\nconst router = Router();\n" +
          "router.get('/login', (req, res) => { rememberReturn(req); res.render('login'); });\nrouter.post('/login', (req, res) => res.redirect(req.session!.returnTo || '/'));\nexport default router;\n",
      };
      const expected = source ? [message(source.replace('EXT', 'ts').replace('auth.ts:2', 'auth.ts:3').replace('req.session.', 'req.session!.'))] : [];
      withProject(tsFiles, (lint) => expect([typed, ...lint('routes/auth.ts')]).toEqual([typed, ...expected]), ts);
    }
  });
});
