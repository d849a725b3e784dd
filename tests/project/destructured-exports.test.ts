// A value exported by a destructuring declaration (`export const { csrfSynchronisedProtection: formGuard } =
// csrfSync()`): the name the pattern binds is the export, and it holds what the file's model binds it to, imported
// straight or through a barrel (trial 12: the barrel lost it, and the straight import was only counted because its
// file was named `csrf.mjs`). The files here are named so that no name tells.
import type { Linter } from 'eslint';

import * as espree from 'espree';

import { exportedNode } from '../../src/project/exports';
import { parseFile } from '../../src/project/parse';
import { cjs, esm, ts, withProject as inProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;
const esmJs = [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }] as Linter.Config[];

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config: Linter.Config[]): void {
  inProject('destructured', files, run, { config, rules: /require-csrf-protection/u, format });
}

const PACKAGE = '{ "name": "destructured", "main": "app.js", "dependencies": { "express": "^5.1.0", "csrf-sync": "^4.0.0", "express-session": "^1.18.1" } }';
const ESM_PACKAGE = PACKAGE.replace('"main"', '"type": "module", "main"');

const app = (specifier: string, ext = ''): string =>
  `import express from 'express';\nimport session from 'express-session';\nimport { formGuard } from '${specifier}${ext}';\nconst app = express();\n` +
  "app.use(session({ name: 's', secret: process.env.S, store: globalThis.store, cookie: { secure: true, sameSite: 'none' } }));\n" +
  "app.use(formGuard);\napp.post('/notes', (req, res) => { req.session.n = 1; res.end(); });\nexport default app;\n";

describe('a value exported by a destructuring declaration', () => {
  it('ESM: a renamed csrf-sync protection, through a barrel and straight (trial 12)', () => {
    const files = {
      'package.json': ESM_PACKAGE,
      'sec/tokens.js': "import { csrfSync } from 'csrf-sync';\nexport const { csrfSynchronisedProtection: formGuard, generateToken } = csrfSync();\n",
      'sec/index.js': "export { formGuard } from './tokens.js';\n",
      'app.js': app('./sec/index.js'),
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual([]), esmJs);
    withProject({ ...files, 'app.js': app('./sec/tokens.js') }, (lint) => expect(lint('app.js')).toEqual([]), esmJs);
    // Another part of what csrfSync() returns, under the same name: no protection.
    const other = { ...files, 'sec/tokens.js': "import { csrfSync } from 'csrf-sync';\nexport const { generateToken: formGuard, csrfSynchronisedProtection } = csrfSync();\n" };
    withProject(other, (lint) => expect(lint('app.js')).toEqual(['7:10 secure-express/require-csrf-protection']), esmJs);
    withProject({ ...other, 'app.js': app('./sec/tokens.js') }, (lint) => expect(lint('app.js')).toEqual(['7:10 secure-express/require-csrf-protection']), esmJs);
  });

  it('TypeScript: a default in the pattern, through `export *`', () => {
    const files = {
      'package.json': PACKAGE.replace('"app.js"', '"app.ts"'),
      'sec/tokens.ts': "import { csrfSync } from 'csrf-sync';\nexport const { csrfSynchronisedProtection: formGuard = undefined } = csrfSync();\n",
      'sec/index.ts': "export * from './tokens';\n",
      'app.ts': app('./sec'),
    };
    withProject(files, (lint) => expect(lint('app.ts')).toEqual([]), ts);
    const other = { ...files, 'sec/tokens.ts': "import { csrfSync } from 'csrf-sync';\nexport const { generateToken: formGuard = undefined } = csrfSync();\n" };
    withProject(other, (lint) => expect(lint('app.ts')).toEqual(['7:10 secure-express/require-csrf-protection']), ts);
  });

  it('CommonJS: a destructured protection exported by name and re-exported by a barrel', () => {
    const cjsApp =
      "const express = require('express');\nconst session = require('express-session');\nconst { formGuard } = require('./sec');\nconst app = express();\n" +
      "app.use(session({ name: 's', secret: process.env.S, store: global.store, cookie: { secure: true, sameSite: 'none' } }));\n" +
      "app.use(formGuard);\napp.post('/notes', (req, res) => { req.session.n = 1; res.end(); });\nmodule.exports = app;\n";
    const files = {
      'package.json': PACKAGE,
      'sec/tokens.js': "const { csrfSync } = require('csrf-sync');\nconst { csrfSynchronisedProtection: formGuard } = csrfSync();\nmodule.exports = { formGuard };\n",
      'sec/index.js': "exports.formGuard = require('./tokens').formGuard;\n",
      'app.js': cjsApp,
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual([]), cjs);
    const other = { ...files, 'sec/tokens.js': "const { csrfSync } = require('csrf-sync');\nconst { generateToken: formGuard } = csrfSync();\nmodule.exports = { formGuard };\n" };
    withProject(other, (lint) => expect(lint('app.js')).toEqual(['7:10 secure-express/require-csrf-protection']), cjs);
  });
});

describe('exportedNode of a destructuring export', () => {
  const source = parseFile(
    '/pkg/a.mjs',
    "export const { a: renamed, b = 1, c: { d }, ...rest } = make();\nexport const [first, , third] = list();\nexport let { e } = {};\n",
    { parser: espree, parserOptions: { ecmaVersion: 'latest' }, sourceType: 'module' },
  )!;
  it('is the identifier the pattern binds, nested or with a default', () => {
    for (const name of ['renamed', 'b', 'd', 'first', 'third', 'e']) {
      const node = exportedNode(source, [name]);
      expect(node?.type === 'Identifier' ? [node.name, node.parent?.type] : null).toEqual([name, expect.stringMatching(/Property|AssignmentPattern|ArrayPattern/u)]);
    }
  });
  it('is nothing for a key that the pattern reads but binds under another name, a rest element, or a name it does not bind', () => {
    for (const name of ['a', 'c', 'rest', 'missing']) expect(exportedNode(source, [name])).toBeNull();
  });
});
