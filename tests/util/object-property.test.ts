import { Linter, type Rule } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { addObjectProperties, removeArrayElement } from '../../src/util/fix';

/** Applies `addObjectProperties(texts)` to the first object literal of `source`. */
function apply(source: string, texts: string[]): string {
  const rule: Rule.RuleModule = {
    meta: { fixable: 'code' },
    create(context) {
      let done = false;
      return {
        ObjectExpression(node) {
          if (done) return;
          done = true;
          context.report({
            node,
            message: 'add',
            fix: (fixer) =>
              addObjectProperties(
                fixer as unknown as TSESLint.RuleFixer,
                context.sourceCode as unknown as TSESLint.SourceCode,
                node as unknown as TSESTree.ObjectExpression,
                texts,
              ) as unknown as Rule.Fix[],
          });
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const [message] = linter.verify(source, [{ plugins: { t: { rules: { r: rule } } }, rules: { 't/r': 'error' } }]);
  const fix = message?.fix;
  if (!fix) throw new Error('no fix');
  return source.slice(0, fix.range[0]) + fix.text + source.slice(fix.range[1]);
}

describe('addObjectProperties', () => {
  it('fills an empty object on one line', () => {
    expect(apply('f({});', ['a: 1', 'b: 2'])).toBe('f({ a: 1, b: 2 });');
  });
  it('appends to a one-line object', () => {
    expect(apply('f({ x: 0 });', ['a: 1', 'b: 2'])).toBe('f({ x: 0, a: 1, b: 2 });');
  });
  it('appends lines to a multi-line object, keeping a trailing comma', () => {
    expect(apply('f({\n  x: 0,\n});', ['a: 1', 'b: 2'])).toBe('f({\n  x: 0,\n  a: 1,\n  b: 2,\n});');
  });
  it('appends lines to a multi-line object without a trailing comma', () => {
    expect(apply('f({\n  x: 0\n});', ['a: 1', 'b: 2'])).toBe('f({\n  x: 0,\n  a: 1,\n  b: 2\n});');
  });
});

/** Applies `removeArrayElement` to the element of `source`'s first array literal that is the string `value`. */
function removeElement(source: string, value: string): string {
  const rule: Rule.RuleModule = {
    meta: { fixable: 'code' },
    create(context) {
      return {
        Literal(node) {
          if (node.value !== value || node.parent.type !== 'ArrayExpression') return;
          context.report({
            node,
            message: 'remove',
            fix: (fixer) =>
              removeArrayElement(
                fixer as unknown as TSESLint.RuleFixer,
                context.sourceCode as unknown as TSESLint.SourceCode,
                node as unknown as TSESTree.Expression,
              ) as unknown as Rule.Fix,
          });
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const [message] = linter.verify(source, [{ plugins: { t: { rules: { r: rule } } }, rules: { 't/r': 'error' } }]);
  const fix = message?.fix;
  if (!fix) throw new Error('no fix');
  return source.slice(0, fix.range[0]) + fix.text + source.slice(fix.range[1]);
}

describe('removeArrayElement', () => {
  it('removes the first, a middle and the last element of a one-line array with their commas', () => {
    expect(removeElement("f(['a', 'b', 'c']);", 'a')).toBe("f(['b', 'c']);");
    expect(removeElement("f(['a', 'b', 'c']);", 'b')).toBe("f(['a', 'c']);");
    expect(removeElement("f(['a', 'b', 'c']);", 'c')).toBe("f(['a', 'b']);");
  });
  it('removes the whole line of an element of a multi-line array', () => {
    expect(removeElement("f([\n  'a',\n  'b',\n]);", 'a')).toBe("f([\n  'b',\n]);");
    expect(removeElement("f([\n  'a',\n  'b'\n]);", 'b')).toBe("f([\n  'a'\n]);");
  });
  it('empties an array of one element', () => {
    expect(removeElement("f(['a']);", 'a')).toBe('f([]);');
  });
});
