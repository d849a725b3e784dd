// The model's look-ups that the corpus scaling check made constant-time (reference index per scope, handler
// de-duplication per function, `handlerOf` index, reassignment check per variable): same answers as before.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { findVariableOf, getExpressModel, getRequestData, modelsBuilt, type ExpressModel, type RequestData } from '../../src/express';

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

describe('findVariableOf before the file index is built', () => {
  // Declared names (declarators with destructuring, imports, function names and parameters) are asked of the scope
  // manager for their one declaration, and a plain assignment's target like a read: the answers must be the scope
  // manager's own (`variable.identifiers`, else the reference's `resolved`), shadowing included.
  const text = [
    "import express, { Router as R } from 'express';",
    "import * as ns from 'node:path';",
    'const { a, b: [c, { d = 1 }], ...rest } = ns;',
    'let x = 1, y;',
    'x = 2;',
    'function f(p, { q }, [r], s = 3, ...t) { let x = p; x = q; return x + r + s + t.length; }',
    'const g = function named(u) { return named(u); };',
    'const h = (v = y) => v;',
    'for (const item of [a, c, d]) { y = item; }',
    'try { f(); } catch (err) { y = err; }',
    'class K { m(w) { return w; } }',
    'export default { express, R, rest, g, h, K };',
  ].join('\n');

  function capture(): { sourceCode: TSESLint.SourceCode; identifiers: TSESTree.Identifier[] } {
    let sourceCode: TSESLint.SourceCode | undefined;
    const identifiers: TSESTree.Identifier[] = [];
    const rule: TSESLint.RuleModule<string> = {
      meta: { type: 'problem', schema: [], messages: {} },
      defaultOptions: [],
      create(context) {
        sourceCode = context.sourceCode;
        return { Identifier: (node) => void identifiers.push(node) };
      },
    };
    const messages = new Linter().verify(text, [
      { files: ['**/*.js'], languageOptions: { sourceType: 'module' }, plugins: { test: { rules: { capture: rule as never } } }, rules: { 'test/capture': 'error' } },
    ], 'app.js');
    expect(messages).toEqual([]);
    return { sourceCode: sourceCode!, identifiers };
  }

  function expected(sourceCode: TSESLint.SourceCode): Map<TSESTree.Node, unknown> {
    const answers = new Map<TSESTree.Node, unknown>();
    for (const scope of sourceCode.scopeManager!.scopes) {
      for (const variable of scope.variables) for (const id of variable.identifiers) answers.set(id, variable);
    }
    for (const scope of sourceCode.scopeManager!.scopes) {
      for (const ref of scope.references) if (!answers.has(ref.identifier)) answers.set(ref.identifier, ref.resolved);
    }
    return answers;
  }

  it('answers every declared name and assignment target of a fresh file like the scope manager', () => {
    const { sourceCode, identifiers } = capture();
    const answers = expected(sourceCode);
    const declared = identifiers.filter(
      (id) => answers.get(id) !== undefined && ((answers.get(id) as { identifiers: unknown[] }).identifiers.includes(id) || (id.parent.type === 'AssignmentExpression' && id.parent.left === id)),
    );
    expect(declared.map((id) => id.name)).toEqual(
      expect.arrayContaining(['express', 'R', 'ns', 'a', 'c', 'd', 'rest', 'x', 'y', 'f', 'p', 'q', 'r', 's', 't', 'g', 'named', 'u', 'h', 'v', 'item', 'err', 'K', 'w']),
    );
    for (const id of declared) expect([id.name, findVariableOf(sourceCode, id)]).toEqual([id.name, answers.get(id)]);
  });

  it('tells apart the two variables of one declaration and a shadowing one of the same name', () => {
    const { sourceCode, identifiers } = capture();
    const xs = identifiers.filter((id) => id.name === 'x').map((id) => findVariableOf(sourceCode, id));
    // `let x = 1, y;`, `x = 2;` at the top; `let x = p; x = q; … x + r` inside `f`.
    expect(xs).toHaveLength(5);
    expect(xs[0]).toBe(xs[1]);
    expect(xs[2]).toBe(xs[3]);
    expect(xs[2]).not.toBe(xs[0]);
    const y = findVariableOf(sourceCode, identifiers.find((id) => id.name === 'y')!);
    expect(y).not.toBe(xs[0]);
    expect(y?.name).toBe('y');
  });

  it('answers the remaining identifiers like the scope manager once the index is built', () => {
    const { sourceCode, identifiers } = capture();
    const answers = expected(sourceCode);
    for (const id of identifiers) if (answers.has(id)) expect([id.name, findVariableOf(sourceCode, id)]).toEqual([id.name, answers.get(id)]);
  });
});

// `getExpressModel` and `getRequestData` are asked at many nodes by many rules: the first ask of a file builds its
// model (and request data) and every later one, from any rule, gets the same object (the look-up is the hot path).
describe('one model and one request data per file, whatever rule asks', () => {
  const cases = [
    { style: 'CommonJS', filename: 'app.js', sourceType: 'commonjs' as const, head: "const express = require('express');" },
    { style: 'ESM', filename: 'app.mjs', sourceType: 'module' as const, head: "import express from 'express';" },
    { style: 'TS', filename: 'app.ts', sourceType: 'module' as const, head: "import express from 'express';" },
  ];
  for (const { style, filename, sourceType, head } of cases) {
    it(`builds each once per linted file (${style})`, () => {
      const text = [head, 'const app = express();', "app.get('/a', (req, res) => { res.send(req.query.q); });", "app.get('/b', (req, res) => res.send('b'));"].join('\n');
      const seen: { model: ExpressModel; data: RequestData; rule: string }[] = [];
      const probe = (name: string): TSESLint.RuleModule<string> => ({
        meta: { type: 'problem', schema: [], messages: {} },
        defaultOptions: [],
        create(context) {
          return {
            CallExpression() {
              seen.push({ model: getExpressModel(context), data: getRequestData(context), rule: name });
            },
          };
        },
      });
      const linter = new Linter();
      const lint = (): void => {
        const messages = linter.verify(text, [
          {
            files: ['**/*.{js,mjs,ts}'],
            languageOptions: { sourceType, ...(filename.endsWith('.ts') ? { parser: tsParser as Linter.Parser } : {}) },
            plugins: { test: { rules: { first: probe('first') as never, second: probe('second') as never } } },
            rules: { 'test/first': 'error', 'test/second': 'error' },
          },
        ], filename);
        expect(messages).toEqual([]);
      };
      const before = modelsBuilt();
      lint();
      expect(modelsBuilt() - before).toBe(1);
      // (Both rules, at each of the file's calls: `express()`, the two routes and `res.send`s.)
      expect(new Set(seen.map((s) => s.rule))).toEqual(new Set(['first', 'second']));
      expect(seen.length).toBeGreaterThanOrEqual(8);
      expect(new Set(seen.map((s) => s.model)).size).toBe(1);
      expect(new Set(seen.map((s) => s.data)).size).toBe(1);
      const { model, data } = seen[0]!;
      expect(model.handlers).toHaveLength(2);
      expect(data.handlers.list).toHaveLength(2);
      // A new lint of the same text parses it again: a new model and new request data.
      seen.length = 0;
      lint();
      expect(modelsBuilt() - before).toBe(2);
      expect(new Set(seen.map((s) => s.model)).size).toBe(1);
      expect(seen[0]!.model).not.toBe(model);
      expect(seen[0]!.data).not.toBe(data);
    });
  }
});
