// The corpus scripts' own logic: which files count as generated, which sourceType a file gets, and that the
// scaling benchmark's generated file is code the model understands (else the benchmark would measure nothing).
import { Linter } from 'eslint';

import { generatePlain, generateRoutes } from '../../scripts/corpus/generate.mjs';
import { looksMinified, median, packageNamed, sourceTypeOf } from '../../scripts/corpus/lib.mjs';
import plugin from '../../src';
import { fileCanMatter } from '../../src/util/create-rule';

describe('looksMinified', () => {
  it('keeps hand-written code, short or long', () => {
    expect(looksMinified('const a = 1;\n')).toBe(false);
    expect(looksMinified('function f(a, b) {\n  return a + b;\n}\n'.repeat(2_000))).toBe(false);
  });
  it('drops bundles: long average lines or one huge line', () => {
    expect(looksMinified(`!function(){${'var a=1;'.repeat(1_000)}}();`)).toBe(true);
    expect(looksMinified(`const a = 1;\n`.repeat(200) + `x=${'1+'.repeat(3_000)}1;\n`)).toBe(true);
  });
});

describe('sourceTypeOf', () => {
  it('follows the extension, then the package type', () => {
    expect(sourceTypeOf('a.mjs', 'require("x")', undefined)).toBe('module');
    expect(sourceTypeOf('a.cjs', 'import x from "x";', 'module')).toBe('commonjs');
    expect(sourceTypeOf('a.ts', 'const x = require("x");', undefined)).toBe('module');
    expect(sourceTypeOf('a.js', 'const x = require("x");', 'module')).toBe('module');
  });
  it('takes a .js file of a CommonJS package for a module only with top-level import/export', () => {
    expect(sourceTypeOf('a.js', "const express = require('express');\nmodule.exports = express;", undefined)).toBe('commonjs');
    expect(sourceTypeOf('a.js', "import React from 'react';\n", 'commonjs')).toBe('module');
    expect(sourceTypeOf('a.js', 'export default function f() {}\n', undefined)).toBe('module');
    expect(sourceTypeOf('a.js', "const load = () => import('./x');\n// export later\n", undefined)).toBe('commonjs');
  });
});

describe('packageNamed (npm run count --package, npm run bench --only)', () => {
  const packages = [{ name: 'express-gateway' }, { name: '@lenne.tech/nest-server' }, { name: 'express' }, { name: 'json-server' }];
  it('takes the exact name first, else the one package whose name contains it', () => {
    expect(packageNamed(packages, 'express').name).toBe('express');
    expect(packageNamed(packages, 'nest').name).toBe('@lenne.tech/nest-server');
  });
  it('throws, naming the packages, for a name of none or of several', () => {
    expect(() => packageNamed(packages, 'ghost')).toThrow("'ghost' names no corpus package (express-gateway, @lenne.tech/nest-server, express, json-server;");
    expect(() => packageNamed(packages, 'server')).toThrow("'server' names more than one corpus package");
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('generateRoutes', () => {
  const lint = (text: string, rules: Linter.RulesRecord) =>
    new Linter().verify(text, [
      { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' }, plugins: { 'secure-express': plugin as never }, rules },
    ], 'routes.js');

  it('writes n routes in a file that parses and that every rule runs on without throwing', () => {
    const text = generateRoutes(40);
    // 40 routes, plus `app.use(helmet())` and `app.use('/api', router)`
    expect(text.match(/^(?:app|router)\.(?:get|post|route|use)\(/gmu)).toHaveLength(42);
    // Every JavaScript rule (the package.json and template rules have languages of their own).
    const jsRules = Object.entries(plugin.rules).filter(([, rule]) => {
      const languages = (rule.meta as { languages?: readonly string[] }).languages;
      return !languages || languages.includes('js/js');
    });
    const rules = Object.fromEntries(jsRules.map(([name]) => [`secure-express/${name}`, 'error' as const]));
    expect(lint(text, rules).filter((m) => m.fatal)).toEqual([]);
    expect(lint(text, { 'secure-express/require-helmet': 'error', 'secure-express/disable-x-powered-by': 'error' })).toEqual([]);
  });

  it('is what the rules would report on without its hardening (the rules do see the app)', () => {
    const text = generateRoutes(4).replace('app.use(helmet());\n', '').replace("app.disable('x-powered-by');\n", '');
    const messages = lint(text, { 'secure-express/require-helmet': 'error', 'secure-express/disable-x-powered-by': 'error' });
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['secure-express/disable-x-powered-by', 'secure-express/require-helmet']);
  });
});

describe('generatePlain', () => {
  it('writes about n lines that parse', () => {
    const text = generatePlain(300);
    expect(text.split('\n').length).toBeGreaterThanOrEqual(300);
    expect(text.split('\n').length).toBeLessThan(320);
    expect(new Linter().verify(text, [{ languageOptions: { sourceType: 'commonjs' } }], 'plain.js').filter((m) => m.fatal)).toEqual([]);
  });

  it('is a file the per-file gate stops (the benchmark of files without Express measures the gate)', () => {
    expect(fileCanMatter({ ast: {}, text: generatePlain(10_000) })).toBe(false);
    expect(fileCanMatter({ ast: {}, text: generateRoutes(10) })).toBe(true);
  });
});
