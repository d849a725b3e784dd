import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { isRequestData } from '../../src/express';
import { analyse } from '../helpers/model';

/** Whether each argument of the `probe(...)` calls in the code is request data. */
function probe(body: string): boolean[] {
  const { model, sourceCode } = analyse(`import express from 'express';\nconst app = express();\n${body}`);
  const results: boolean[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === 'probe') {
      results.push(isRequestData(model, sourceCode, node.arguments[0]));
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (c && typeof c === 'object' && 'type' in c) visit(c as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  return results;
}

describe('isRequestData', () => {
  it('follows req through reads, calls, strings, fallbacks, consts and destructuring', () => {
    expect(
      probe(`
        app.get('/', (req, res) => {
          const q = req.query.q;
          const { view } = req.query;
          const [first] = req.body.list;
          probe(req);
          probe(req.params.id);
          probe(req.get('referer'));
          probe(req.body.name.trim());
          probe(String(req.query.n));
          probe(\`a\${req.query.a}b\`);
          probe('a' + req.query.b);
          probe(req.query.v || 'home');
          probe(x ? 'a' : req.query.c);
          probe(q);
          probe(view);
          probe(first);
        });
      `),
    ).toEqual(Array(12).fill(true));
  });

  it('says no for other values, unknown functions, reassigned variables and non-handlers', () => {
    expect(
      probe(`
        app.get('/', (req, res) => {
          let v = req.query.v;
          v = 'home';
          probe(res.locals.user);
          probe(escape(req.query.x));
          probe('a' - req.query.n);
          probe(v);
          probe(x ? req.query.a.length > 2 : 'b');
          probe();
        });
        function notAHandler(req) { probe(req.query.x); }
      `),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});
