// Express calls a function as an error handler when its `length` is 4 (src/express/ast.ts `isErrorHandlerFunction`):
// parameters with a default, and those after them or a rest, are not counted; a TypeScript `this` parameter is none.
import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { isErrorHandlerFunction, type FunctionNode } from '../../src/express/ast';

const fn = (text: string): FunctionNode => {
  const statement = parse(`(${text});`).body[0] as TSESTree.ExpressionStatement;
  expect([T.ArrowFunctionExpression, T.FunctionExpression]).toContain(statement.expression.type);
  return statement.expression as FunctionNode;
};

describe('isErrorHandlerFunction', () => {
  it.each([
    '(err, req, res, next) => next(err)',
    '(err, req, { locals }, next) => next(err)',
    'function (this: unknown, err: Error, req: unknown, res: unknown, next: () => void) { next(); }',
    '(err, req, res, next, extra = 1) => next(err)',
  ])('counts %s as an error handler', (text) => {
    expect(isErrorHandlerFunction(fn(text))).toBe(true);
  });

  it.each(['(req, res, next) => next()', '(err, req, res, next = () => {}) => next(err)', '(err, req, ...rest) => rest', '(a, b, c, d, e) => a'])(
    'does not count %s',
    (text) => {
      expect(isErrorHandlerFunction(fn(text))).toBe(false);
    },
  );
});
