import type { TSESTree } from '@typescript-eslint/utils';

import { adaptedRequestKeys } from '../../src/express/handler-wrappers';
import { parseFile } from '../../src/project/parse';
import { REQUEST_PROPERTIES } from '../../src/data/sinks';

const KEYS = new Set(Object.keys(REQUEST_PROPERTIES));

/** `adaptedRequestKeys` of the function `text` (an expression). */
function keysOf(text: string): readonly string[] | null {
  const sourceCode = parseFile('/virtual/adapter.js', `module.exports = ${text};`, { parser: undefined, parserOptions: {}, sourceType: 'commonjs' })!;
  const statement = sourceCode.ast.body[0] as TSESTree.ExpressionStatement;
  const fn = (statement.expression as TSESTree.AssignmentExpression).right as TSESTree.ArrowFunctionExpression;
  return adaptedRequestKeys(fn, sourceCode.visitorKeys, KEYS);
}

describe('adaptedRequestKeys (route adapters of the clean-architecture layouts, trial 28)', () => {
  it('the request properties copied under their own names into the object handed to the parameter', () => {
    expect(keysOf('(c) => (req, res) => { const httpRequest = { body: req.body, query: req.query, ip: req.ip, headers: { a: req.get("a") } }; c(httpRequest).then((r) => res.send(r.body)); }')).toEqual(['body', 'query']);
    expect(keysOf('(c) => async (req, res) => { const r = await c({ params: req.params, cookies: req.cookies }); res.json(r); }')).toEqual(['params', 'cookies']);
    expect(keysOf('function (controller) { return function (req, res) { controller({ body: req.body }); }; }'.replace(/^function/, '(function') + ')')).toEqual(['body']);
  });

  it('not: another name, the handler not given the object, an object of no request property, a method call, two parameters', () => {
    for (const text of [
      '(c) => (req, res) => { c({ data: req.body }); }',
      '(c) => (req, res) => { c(req, res); }',
      '(c) => (req, res) => { c({ body: other.body }); }',
      '(c) => (req, res) => { c.handle({ body: req.body }); }',
      '(c, d) => (req, res) => { c({ body: req.body }); }',
      '(c) => (req) => { c({ body: req.body }); }',
      '(c) => (req, res) => { let o = { body: req.body }; c(o); }',
    ]) {
      expect(keysOf(text), text).toBe(null);
    }
  });
});
