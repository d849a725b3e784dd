// The model's look-ups that the corpus scaling check made constant-time (reference index per scope, handler
// de-duplication per function, `handlerOf` index, reassignment check per variable): same answers as before.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import { findVariableOf, getExpressModel, type ExpressModel } from '../../src/express';

interface Captured {
  model: ExpressModel;
  sourceCode: TSESLint.SourceCode;
  identifiers: TSESTree.Identifier[];
}

function analyze(text: string): Captured {
  let captured: Captured | undefined;
  const identifiers: TSESTree.Identifier[] = [];
  const rule: TSESLint.RuleModule<string> = {
    meta: { type: 'problem', schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      return {
        Identifier(node) {
          identifiers.push(node);
        },
        'Program:exit'() {
          captured = { model: getExpressModel(context), sourceCode: context.sourceCode, identifiers };
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(text, [
    {
      files: ['**/*.js'],
      languageOptions: { sourceType: 'commonjs' },
      plugins: { test: { rules: { capture: rule as never } } },
      rules: { 'test/capture': 'error' },
    },
  ], 'app.js');
  expect(messages).toEqual([]);
  return captured!;
}

describe('model look-ups', () => {
  const text = [
    "const express = require('express');",
    'const app = express();',
    'const auth = (req, res, next) => next();',
    "app.get('/a', auth, (req, res) => res.send('a'));",
    "app.get('/b', auth, auth, (req, res) => res.send('b'));",
    "app.post('/c', [auth], function named(request, response) { response.end(); });",
    'function inner() { const auth = 1; return auth; }',
    'let swapped = (req, res) => res.end();',
    'swapped = (req, res) => res.end();',
    "app.get('/d', swapped);",
  ].join('\n');
  const { model, sourceCode, identifiers } = analyze(text);
  const authFn = model.handlers.find((h) => h.fn.range[0] === text.indexOf('(req, res, next) =>'))!.fn;

  it('records a shared middleware once per call that registers it', () => {
    const calls = model.handlers.filter((h) => h.fn === authFn).map((h) => h.call.path);
    expect(calls).toEqual(['/a', '/b', '/c']);
  });

  it('does not take a reassigned variable for a handler', () => {
    const d = model.apps[0]!.calls.find((c) => c.path === '/d')!;
    expect(d.middleware.map((m) => m.fn)).toEqual([undefined]);
    expect(model.handlers.filter((h) => h.call === d)).toEqual([]);
  });

  it('resolves every identifier to its own variable, inner declarations shadowing outer ones', () => {
    const auths = identifiers.filter((id) => id.name === 'auth');
    const variables = auths.map((id) => findVariableOf(sourceCode, id));
    const outer = variables[0]!;
    const innerStart = text.indexOf('function inner');
    auths.forEach((id, i) => {
      expect(variables[i]).not.toBeNull();
      expect(variables[i] === outer).toBe(id.range[0] < innerStart);
    });
  });

  it('finds the handler of a parameter reference, and none for other identifiers', () => {
    const response = identifiers.filter((id) => id.name === 'response');
    expect(response).toHaveLength(2);
    // the parameter's declaration and its use both belong to the handler
    expect(model.handlerOf(response[0]!)?.call.path).toBe('/c');
    expect(model.handlerOf(response[1]!)?.call.path).toBe('/c');
    expect(model.roleOf(response[1]!)).toBe('res');
    const nextRef = identifiers.filter((id) => id.name === 'next').at(-1)!;
    expect(model.handlerOf(nextRef)?.fn).toBe(authFn);
    expect(model.handlerOf(identifiers.find((id) => id.name === 'swapped')!)).toBeNull();
  });
});
