import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { lineIndent } from './insert-statement';

/**
 * Adds `text` (a `key: value` entry) at the end of an object literal: `{}` becomes `{ text }`, a one-line
 * object gets `, text` (before a trailing comma's place), a multi-line one a new line at its entries' indentation.
 */
export function addObjectProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.RuleFix {
  const closing = sourceCode.getLastToken(object)!;
  const last = object.properties.at(-1);
  if (!last) {
    const opening = sourceCode.getFirstToken(object)!;
    const inner = sourceCode.text.slice(opening.range[1], closing.range[0]);
    if (inner.includes('\n')) {
      const indent = lineIndent(sourceCode, object);
      return fixer.replaceTextRange([opening.range[1], closing.range[0]], `\n${indent}  ${text},\n${indent}`);
    }
    return fixer.replaceTextRange([opening.range[1], closing.range[0]], ` ${text} `);
  }
  const afterLast = sourceCode.getTokenAfter(last)!;
  const hasTrailingComma = afterLast.type === 'Punctuator' && afterLast.value === ',' && afterLast !== closing;
  const multiline = last.loc.end.line !== closing.loc.start.line;
  if (multiline) {
    const indent = lineIndent(sourceCode, last);
    if (hasTrailingComma) return fixer.insertTextAfter(afterLast, `\n${indent}${text},`);
    return fixer.insertTextAfter(last, `,\n${indent}${text}`);
  }
  if (hasTrailingComma) return fixer.insertTextAfter(afterLast, ` ${text},`);
  return fixer.insertTextAfter(last, `, ${text}`);
}

/**
 * Adds several `key: value` entries at the end of an object literal, in order, in one fix (an empty `{}` gets
 * them on one line).
 */
export function addObjectProperties(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  object: TSESTree.ObjectExpression,
  texts: readonly string[],
): TSESLint.RuleFix[] {
  if (object.properties.length === 0) return [addObjectProperty(fixer, sourceCode, object, texts.join(', '))];
  return texts.map((text) => addObjectProperty(fixer, sourceCode, object, text));
}

/** Replaces the value of `key: value` (a shorthand `{ key }` becomes `key: text`). */
export function replacePropertyValue(
  fixer: TSESLint.RuleFixer,
  property: TSESTree.Property,
  text: string,
): TSESLint.RuleFix {
  if (property.shorthand) return fixer.insertTextAfter(property.key, `: ${text}`);
  return fixer.replaceText(property.value, text);
}

/** Sets `key` to `value` in a literal: replaces the literal's own entry, or adds one. */
export function setObjectProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  object: TSESTree.ObjectExpression,
  key: string,
  value: string,
): TSESLint.RuleFix {
  const own = object.properties.find(
    (p): p is TSESTree.Property =>
      p.type === T.Property && !p.computed && p.key.type === T.Identifier && p.key.name === key,
  );
  return own ? replacePropertyValue(fixer, own, value) : addObjectProperty(fixer, sourceCode, object, `${key}: ${value}`);
}

/** Removes an entry of an object literal with its comma, leaving the others' layout alone. */
export function removeObjectProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  property: TSESTree.ObjectLiteralElement,
): TSESLint.RuleFix {
  return removeListItem(fixer, sourceCode, property, (property.parent as TSESTree.ObjectExpression).properties);
}

/** Removes an element of an array literal with its comma, leaving the others' layout alone. */
export function removeArrayElement(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  element: TSESTree.Expression | TSESTree.SpreadElement,
): TSESLint.RuleFix {
  return removeListItem(fixer, sourceCode, element, (element.parent as TSESTree.ArrayExpression).elements);
}

function removeListItem(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  item: TSESTree.Node,
  items: readonly (TSESTree.Node | null)[],
): TSESLint.RuleFix {
  const index = items.indexOf(item);
  const previous = index > 0 ? items[index - 1] : null;
  const after = sourceCode.getTokenAfter(item)!;
  if (after.type === 'Punctuator' && after.value === ',') {
    // Remove up to the next entry (or the closing bracket), so the line of a multi-line list disappears whole.
    const next = sourceCode.getTokenAfter(after, { includeComments: true })!;
    const start = previous && item.loc.start.line === previous.loc.end.line ? item.range[0] : lineStartOrToken(sourceCode, item);
    const end = next.loc.start.line === after.loc.end.line ? next.range[0] : lineStartOrToken(sourceCode, next);
    return fixer.removeRange([start, end]);
  }
  // The last entry without a trailing comma: remove the comma before it.
  const before = sourceCode.getTokenBefore(item)!;
  if (before.type === 'Punctuator' && before.value === ',') {
    return fixer.removeRange([before.range[0], item.range[1]]);
  }
  return fixer.remove(item);
}

/** The start of the line `node` is on when only white space precedes it, else the node's own start. */
function lineStartOrToken(sourceCode: TSESLint.SourceCode, node: TSESTree.Node | TSESTree.Token): number {
  const lineStart = sourceCode.getIndexFromLoc({ line: node.loc.start.line, column: 0 });
  return /^\s*$/u.test(sourceCode.text.slice(lineStart, node.range[0])) ? lineStart : node.range[0];
}
