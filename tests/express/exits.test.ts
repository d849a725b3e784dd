import type { TSESTree } from '@typescript-eslint/utils';

import { exits } from '../../src/express/guards';
import { parseFile } from '../../src/project/parse';

/** The first statement of the body of the function `f` in `text`. */
function firstStatement(body: string): TSESTree.Node {
  const sourceCode = parseFile('/virtual/exits.js', `function f(a, b) { for (;;) { ${body} } }`, { parser: undefined, parserOptions: {}, sourceType: 'commonjs' });
  const fn = sourceCode!.ast.body[0] as TSESTree.FunctionDeclaration;
  return ((fn.body.body[0] as TSESTree.ForStatement).body as TSESTree.BlockStatement).body[0]!;
}

describe('exits (one reading of an early exit: guards, development checks, function summaries)', () => {
  it('return, throw, continue, break; a block holding one among its own statements; an if whose both branches do', () => {
    for (const body of ['return;', 'throw new Error();', 'continue;', 'break;', '{ log(); return; }', '{ return; log(); }', '{ log(); { throw a; } }', 'if (a) return; else { throw b; }']) {
      expect(exits(firstStatement(body)), body).toBe(true);
    }
  });

  it('not: other statements, an if without else or with one branch that stays, a return inside a nested function or loop body only', () => {
    for (const body of ['log();', '{ log(); }', '{}', 'if (a) return;', 'if (a) return; else log();', '{ if (a) return; }', '{ const g = () => { return; }; }', 'x: { log(); }']) {
      expect(exits(firstStatement(body)), body).toBe(false);
    }
  });
});
