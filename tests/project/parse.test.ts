// src/project/parse.ts: other files of the package are read with the linted file's parser, and with ESLint's own
// parsers when that parser cannot parse (oxlint's `jsPlugins` hand rules a parser whose `parse` throws).
import * as espree from 'espree';
import * as tsParser from '@typescript-eslint/parser';

import { canParse, parseFile } from '../../src/project/parse';

/** The parser object oxlint's `jsPlugins` give rules in `context.languageOptions.parser`. */
const oxlintLike = {
  name: 'oxlint',
  parse(): never {
    throw new Error('`context.languageOptions.parser.parse` not implemented yet.');
  },
};

const CJS = "const express = require('express');\nconst app = express();\nmodule.exports = app;\n";
const TS = "import express, { type Request } from 'express';\nexport const app = express();\nexport const h = (req: Request) => req.body as string;\n";

describe('canParse', () => {
  it('is true for ESLint default (no parser), espree and typescript-eslint, false for a parser whose parse throws', () => {
    expect(canParse(undefined)).toBe(true);
    expect(canParse(espree)).toBe(true);
    expect(canParse(tsParser)).toBe(true);
    expect(canParse(oxlintLike)).toBe(false);
    expect(canParse({ name: 'no parse at all' })).toBe(false);
  });
});

describe('parseFile', () => {
  it('reads a JS file with the linted file parser (espree) or ESLint default', () => {
    for (const parser of [espree, undefined]) {
      const parsed = parseFile('/p/app.js', CJS, { parser, parserOptions: {}, sourceType: 'commonjs' });
      expect(parsed?.ast.type).toBe('Program');
      expect(parsed?.ast.body).toHaveLength(3);
      expect(parsed?.scopeManager).toBeTruthy();
    }
  });

  it('falls back to espree for a JS file when the given parser cannot parse (oxlint), without naming it', () => {
    for (const parser of [oxlintLike, { ...oxlintLike, name: 'some other host' }]) {
      const parsed = parseFile('/p/app.js', CJS, { parser, parserOptions: {}, sourceType: 'commonjs' });
      expect(parsed?.ast.body).toHaveLength(3);
      // CommonJS: the file's top scope is Node's module function, as ESLint gives it.
      expect(parsed?.scopeManager?.scopes.some((s) => s.type === 'function' && s.block.type === 'Program')).toBe(true);
      expect(parseFile('/p/view.jsx', 'export const v = <div className="x" />;\n', { parser, parserOptions: {}, sourceType: 'module' })?.ast.body).toHaveLength(1);
    }
  });

  it('falls back to @typescript-eslint/parser for a TS file when the given parser cannot parse it', () => {
    for (const parser of [oxlintLike, espree]) {
      const parsed = parseFile('/p/app.ts', TS, { parser, parserOptions: {}, sourceType: 'module' });
      expect(parsed?.ast.body).toHaveLength(3);
    }
  });

  it('gives null for a file no parser reads (a syntax error), with any given parser', () => {
    for (const parser of [espree, oxlintLike, undefined]) {
      expect(parseFile('/p/broken.js', 'const = ;', { parser, parserOptions: {}, sourceType: 'commonjs' })).toBeNull();
    }
  });
});
