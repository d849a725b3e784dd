// A module of the package whose export is an installed package's value as it is (`module.exports =
// require('passport')`, `const passport = require('passport'); passport.use(...); module.exports = passport`,
// `export { default } from 'passport'`, `export default passport` of an import) reads as that package's value to its
// importers (trial 12: `passport.authenticate('local')` of `require('./config/passport')` was not passport's, so
// CVE-2022-25896 and the missing CSRF protection on `/login` went unreported). A module that exports something else
// (a function, an object, what a call returns, a name it reassigns) stays what it is.
import type { Linter } from 'eslint';

import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { vi } from 'vitest';

import { parseCounts } from '../../src/project';
import { INDEX_TTL_MS } from '../../src/project/limits';
import { cjs, esm, ts, withProject as inProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;
const RULES = /require-session-regenerate|require-csrf-protection/u;
const esmJs = [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }] as Linter.Config[];

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[], dir: string) => void, config: Linter.Config[] = cjs): void {
  inProject('package-reexport', files, run, { config, rules: RULES, format });
}

const PACKAGE = '{ "name": "package-reexport", "main": "app.js", "dependencies": { "express": "^5.1.0", "passport": "^0.5.3", "express-session": "^1.18.1" } }';
const SESSION = "app.use(session({ name: 's', secret: process.env.S, store: globalThis.store, cookie: { secure: true, sameSite: 'none', maxAge: 3600000 } }));\n";
const cjsApp = (specifier: string): string =>
  `const express = require('express');\nconst session = require('express-session');\nconst passport = require('${specifier}');\nconst app = express();\n${SESSION}` +
  "app.post('/login', passport.authenticate('local'), (req, res) => res.redirect('/'));\nmodule.exports = app;\n";
const esmApp = (specifier: string): string =>
  `import express from 'express';\nimport session from 'express-session';\nimport passport from '${specifier}';\nconst app = express();\n${SESSION}` +
  "app.post('/login', passport.authenticate('local'), (req, res) => res.redirect('/'));\nexport default app;\n";

/** What `/login` gets when `passport` is passport's: CVE-2022-25896 on the `authenticate` call, and no CSRF protection. */
const PASSPORT_FINDINGS = ['6:10 secure-express/require-csrf-protection', '6:20 secure-express/require-session-regenerate'];

describe("a module of the package that exports an installed package's value", () => {
  it('CommonJS: `module.exports = require(...)`, a const configured and exported, through a barrel (trial 12)', () => {
    const configured =
      "const passport = require('passport');\nconst LocalStrategy = require('passport-local').Strategy;\n" +
      'passport.use(new LocalStrategy((u, p, done) => done(null, false)));\npassport.serializeUser((user, done) => done(null, user.id));\nmodule.exports = passport;\n';
    for (const text of ["module.exports = require('passport');\n", configured]) {
      const files = { 'package.json': PACKAGE, 'config/passport.js': text, 'app.js': cjsApp('./config/passport') };
      withProject(files, (lint) => expect(lint('app.js')).toEqual(PASSPORT_FINDINGS));
    }
    const barrel = { 'package.json': PACKAGE, 'config/passport.js': configured, 'config/index.js': "exports.passport = require('./passport');\n", 'app.js': cjsApp('./config').replace("const passport = require('./config')", "const { passport } = require('./config')") };
    withProject(barrel, (lint) => expect(lint('app.js')).toEqual(PASSPORT_FINDINGS));
    // The same app with passport itself: the same findings.
    withProject({ 'package.json': PACKAGE, 'app.js': cjsApp('passport') }, (lint) => expect(lint('app.js')).toEqual(PASSPORT_FINDINGS));
  });

  it('CommonJS: a module that exports something else stays what it is (unknown: nothing said)', () => {
    const others = [
      // an object holding it under its name, a function that returns it, a new instance, a name it reassigns
      "const passport = require('passport');\nmodule.exports = { passport, init() {} };\n",
      "const passport = require('passport');\nmodule.exports = function authenticate() { return passport; };\n",
      "const { Passport } = require('passport');\nmodule.exports = new Passport();\n",
      "let passport = require('passport');\npassport = wrap(passport);\nmodule.exports = passport;\n",
    ];
    for (const text of others) {
      const files = { 'package.json': PACKAGE, 'config/passport.js': text, 'app.js': cjsApp('./config/passport') };
      withProject(files, (lint) => expect([text, ...lint('app.js')]).toEqual([text]));
    }
  });

  it('ESM: `export { default } from`, `export default passport` of an import, `export { default as passport } from`', () => {
    const pkg = PACKAGE.replace('"main"', '"type": "module", "main"');
    for (const text of ["export { default } from 'passport';\n", "import passport from 'passport';\npassport.serializeUser((user, done) => done(null, user.id));\nexport default passport;\n"]) {
      const files = { 'package.json': pkg, 'config/passport.js': text, 'app.js': esmApp('./config/passport.js') };
      withProject(files, (lint) => expect(lint('app.js')).toEqual(PASSPORT_FINDINGS), esmJs);
    }
    const named = {
      'package.json': pkg,
      'config/index.js': "export { default as passport } from 'passport';\nexport const other = 1;\n",
      'app.js': esmApp('./config/index.js').replace('import passport from', 'import { passport } from'),
    };
    withProject(named, (lint) => expect(lint('app.js')).toEqual(PASSPORT_FINDINGS), esmJs);
    // Another name of that module: not passport.
    withProject({ ...named, 'app.js': named['app.js'].replace('import { passport } from', 'import { other as passport } from') }, (lint) => expect(lint('app.js')).toEqual([]), esmJs);
  });

  it('TypeScript: `export default passport` through a barrel', () => {
    const files = {
      'package.json': PACKAGE.replace('"app.js"', '"app.ts"'),
      'config/passport.ts': "import passport from 'passport';\nexport default passport;\n",
      'config/index.ts': "export { default as passport } from './passport';\n",
      'app.ts': esmApp('./config').replace('import passport from', 'import { passport } from'),
    };
    withProject(files, (lint) => expect(lint('app.ts')).toEqual(PASSPORT_FINDINGS), ts);
    const wrapped = { ...files, 'config/passport.ts': "import passport from 'passport';\nexport default { authenticate: passport.authenticate.bind(passport) };\n" };
    withProject(wrapped, (lint) => expect(lint('app.ts')).toEqual([]), ts);
  });

  it('a barrel edited between two lints of one process is read again: what its text may re-export follows the edit', () => {
    const reexports = "module.exports = require('./passport');\n";
    // (Another size than `reexports`, so that each edit shows whatever the clock's resolution.)
    const other = "const passport = require('./passport');\nmodule.exports = { strategies: Object.keys(passport._strategies) };\n";
    const files = { 'package.json': PACKAGE, 'config/passport.js': "module.exports = require('passport');\n", 'config/index.js': other, 'app.js': cjsApp('./config') };
    // (An editor's next lint: the import index is checked again once `INDEX_TTL_MS` passed.)
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      withProject(files, (lint, dir) => {
        expect(lint('app.js')).toEqual([]);
        writeFileSync(path.join(dir, 'config/index.js'), reexports);
        vi.setSystemTime(Date.now() + INDEX_TTL_MS + 1);
        expect(lint('app.js')).toEqual(PASSPORT_FINDINGS);
        writeFileSync(path.join(dir, 'config/index.js'), other);
        vi.setSystemTime(Date.now() + INDEX_TTL_MS + 1);
        expect(lint('app.js')).toEqual([]);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('is not asked of modules whose text passes no package on: they are not parsed to find out (speed)', () => {
    const files = {
      'package.json': PACKAGE,
      'lib/util.js': "const crypto = require('node:crypto');\nmodule.exports = { id: () => crypto.randomUUID() };\n",
      'lib/index.js': "module.exports = { util: require('./util'), names: require('./names') };\n",
      'lib/names.js': "module.exports = ['a', 'b'];\n",
      'app.js': cjsApp('./config/passport').replace("const app = express();", "const lib = require('./lib');\nconst app = express();\napp.locals.id = lib.util.id();"),
      'config/passport.js': "module.exports = require('passport');\n",
    };
    withProject(files, (lint, dir) => {
      lint('app.js');
      const parsed = [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/'));
      expect(parsed).toContain('config/passport.js');
      expect(parsed.filter((f) => f.startsWith('lib/'))).toEqual([]);
    });
  });
});
