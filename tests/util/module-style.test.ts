import { join } from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';

import { moduleStyle, type ModuleStyle } from '../../src/util/fix';

const fixtures = join(__dirname, '../fixtures/package-json');

/** The style `moduleStyle` picks for `source` linted as `filename` with the given `sourceType`. */
function styleOf(source: string, filename: string, sourceType: 'module' | 'commonjs' | 'script' = 'module'): ModuleStyle {
  let style: ModuleStyle | null = null;
  const rule: Rule.RuleModule = {
    meta: {},
    create(context) {
      return {
        'Program:exit'() {
          style = moduleStyle(context as unknown as Parameters<typeof moduleStyle>[0]);
        },
      };
    },
  };
  const ts = /\.[cm]?tsx?$/u.test(filename);
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
        plugins: { t: { rules: { r: rule } } },
        rules: { 't/r': 'error' },
        languageOptions: { sourceType, ...(ts ? { parser: tsParser as unknown as Linter.Parser } : {}) },
      },
    ],
    filename,
  );
  expect(messages).toEqual([]);
  if (style === null) throw new Error('the rule did not run');
  return style;
}

const appOnly = "app.listen(3000);";

describe('moduleStyle', () => {
  it("follows the file's own imports over everything else", () => {
    expect(styleOf("import express from 'express';", join(fixtures, 'commonjs-app/a.js'))).toBe('import');
  });

  it("follows the file's own require calls, even under the default module sourceType", () => {
    // the case: `require('express')()` in a .js file linted as an ES module
    expect(styleOf("const app = require('express')();", join(fixtures, 'module-app/a.js'))).toBe('require');
    expect(styleOf("const app = require('express')();", 'a.js')).toBe('require');
    expect(styleOf("module.exports = app;", 'a.js')).toBe('require');
    expect(styleOf("exports.app = app;", 'a.js', 'commonjs')).toBe('require');
  });

  it("does not take a file's own `require` variable for Node's", () => {
    expect(styleOf("const require = (m) => m; require('x');", 'a.mjs', 'module')).toBe('import');
  });

  it('follows the extension when the code does not say', () => {
    expect(styleOf(appOnly, join(fixtures, 'commonjs-app/a.mjs'))).toBe('import');
    expect(styleOf(appOnly, join(fixtures, 'module-app/a.cjs'))).toBe('require');
    expect(styleOf(appOnly, 'a.cts')).toBe('require');
    expect(styleOf(appOnly, 'a.mts', 'commonjs')).toBe('import');
  });

  it("follows the nearest package.json's type for a .js file", () => {
    expect(styleOf(appOnly, join(fixtures, 'commonjs-app/src/a.js'))).toBe('require');
    expect(styleOf(appOnly, join(fixtures, 'untyped-app/src/a.js'))).toBe('require');
    expect(styleOf(appOnly, join(fixtures, 'module-app/src/a.js'), 'commonjs')).toBe('import');
  });

  it('falls back to the configured sourceType (TypeScript files, files not on disk)', () => {
    expect(styleOf(appOnly, join(fixtures, 'commonjs-app/src/a.ts'))).toBe('import');
    expect(styleOf(appOnly, join(fixtures, 'commonjs-app/src/a.ts'), 'commonjs')).toBe('require');
    expect(styleOf(appOnly, 'a.js', 'module')).toBe('import');
    expect(styleOf(appOnly, 'a.js', 'script')).toBe('require');
  });
});
