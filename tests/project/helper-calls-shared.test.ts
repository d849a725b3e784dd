// The rules that read helpers of other modules (no-open-redirect, no-reflected-xss, no-path-traversal,
// no-nosql-injection, no-sql-injection) ask the same calls, each for its own sinks and kinds, through caches per linted
// file (the model, its request data, `summaryElsewhere`): what a rule reports must not depend on which rules asked the
// call before it, and an edit of the helper's file is read on the next lint (the project caches by path, mtime and size).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

import plugin from '../../src/index';
import { fixture } from '../helpers/projects';

const HELPER_RULES = ['no-open-redirect', 'no-reflected-xss', 'no-path-traversal', 'no-nosql-injection', 'no-sql-injection'];

async function findings(dir: string, rules: readonly string[]): Promise<string[]> {
  const config: Linter.Config[] = [
    { plugins: { 'secure-express': plugin as never }, rules: Object.fromEntries(rules.map((rule) => [`secure-express/${rule}`, 'error'])) },
    { files: ['**/*.js', 'bin/*'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
  ];
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config as never });
  const results = await eslint.lintFiles(['.']);
  expect(results.every((r) => r.fatalErrorCount === 0)).toBe(true);
  return results
    .flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`))
    .sort();
}

describe('helpers of other modules asked by several rules', () => {
  for (const name of ['helper-request-handed', 'helpers', 'redirect-helpers', 'files-elsewhere', 'db-helper-query']) {
    it(`${name}: each rule alone reports what it reports with the others (CJS, ESM, TS)`, async () => {
      const dir = fixture(name);
      const together = await findings(dir, HELPER_RULES);
      const alone = (await Promise.all(HELPER_RULES.map((rule) => findings(dir, [rule])))).flat().sort();
      expect(together.length).toBeGreaterThan(0);
      expect(alone).toEqual(together);
      // In the reverse order of the rules, the same again.
      expect(await findings(dir, [...HELPER_RULES].reverse())).toEqual(together);
    });
  }
});

it('helper-request-handed: the request handed to a helper that opens a path it reads from it, after no-open-redirect asked of the call (CJS, ESM, TS)', async () => {
  const found = await findings(fixture('helper-request-handed'), HELPER_RULES);
  // Not reported: an object of constants handed to the same helper (`routes.js:10`).
  expect(found.map((f) => f.replace(/: .*/u, ''))).toEqual([
    'esm.mjs:6:12 secure-express/no-path-traversal',
    'routes.js:7:12 secure-express/no-path-traversal',
    'src/files.ts:6:12 secure-express/no-path-traversal',
  ]);
});

it('helper-request-handed: an edit of the helper\'s file is read on the next lint in the same process (CJS)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-helper-request-handed-'));
  try {
    cpSync(fixture('helper-request-handed'), dir, { recursive: true });
    const before = await findings(dir, HELPER_RULES);
    expect(before.filter((f) => f.startsWith('routes.js:'))).toHaveLength(1);
    // The helper now opens a fixed file: nothing from the request reaches the path.
    writeFileSync(path.join(dir, 'lib/uploads.js'), "const fs = require('fs');\n\nexports.readUpload = (req) => fs.readFileSync('uploads/latest.txt');\n");
    const after = await findings(dir, HELPER_RULES);
    expect(after.filter((f) => f.startsWith('routes.js:'))).toEqual([]);
    expect(after.filter((f) => !f.startsWith('routes.js:'))).toEqual(before.filter((f) => !f.startsWith('routes.js:')));
    // And back: reported again.
    writeFileSync(path.join(dir, 'lib/uploads.js'), "const fs = require('fs');\n\nexports.readUpload = (req) => fs.readFileSync(req.query.name);\n");
    expect(await findings(dir, HELPER_RULES)).toEqual(before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
