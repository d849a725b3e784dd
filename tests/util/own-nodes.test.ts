// A rule's `report` on a node of another file (one the project model parsed) is dropped: ESLint would place it at that
// node's line and column in the linted file, where it means nothing (new-user trial 20, r4). src/util/create-rule.ts.
import { Linter } from 'eslint';
import * as espree from 'espree';

import { createRule } from '../../src/util/create-rule';

/** The other file: its `CallExpression` is what a rule of the linted file might wrongly report. */
const OTHER = espree.parse("const app = require('express')();\napp.post('/login', h);\n", { ecmaVersion: 'latest', range: true, loc: true });
const otherCall = (OTHER.body[1] as unknown as { expression: object }).expression;

const rule = createRule<[], 'here'>({
  name: 'own-nodes',
  meta: { type: 'problem', docs: { description: 'test', recommended: 'strict' }, messages: { here: 'here' }, schema: [] },
  defaultOptions: [],
  create(context) {
    return {
      // The linted file's own call, and the other file's node.
      'CallExpression[callee.property.name="get"]'(node) {
        context.report({ node, messageId: 'here' });
        context.report({ node: otherCall as typeof node, messageId: 'here' });
      },
    };
  },
});

describe('reports on nodes of another file', () => {
  it.each([
    ['commonjs', "const express = require('express');\nconst app = express();\n\napp.get('/a', (req, res) => res.end());\n"],
    ['module', "import express from 'express';\nconst app = express();\n\napp.get('/a', (req, res) => res.end());\n"],
  ] as const)('keeps the linted file\'s, drops the other\'s (%s)', (sourceType, code) => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(code, [{ plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': 'error' }, languageOptions: { sourceType } }], { filename: 'app.js' });
    expect(messages.map((m) => `${m.line}:${m.column}`)).toEqual(['4:1']);
  });
});
