import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The white space that starts the line `node` begins on. */
export function lineIndent(sourceCode: TSESLint.SourceCode, node: TSESTree.Node | TSESTree.Token): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/u.exec(line)?.[0] ?? '';
}

/**
 * Inserts `text` (a statement without its final `;`) as a statement of its own right after `statement`, on a
 * new line with the statement's indentation (after a trailing comment on the same line, so the comment stays
 * with its statement), ending it with `;` when the file uses semicolons.
 */
export function insertStatementAfter(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  statement: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  let anchor: TSESTree.Node | TSESTree.Token = statement;
  let next = sourceCode.getTokenAfter(statement, { includeComments: true });
  if (next?.type === 'Punctuator' && next.value === ';' && next.loc.start.line === statement.loc.end.line) {
    anchor = next;
    next = sourceCode.getTokenAfter(next, { includeComments: true });
  }
  // Comments that follow on the same line stay with the statement: `const app = express(); // the app`. Code that
  // follows on the same line (`const app = express(); app.get(...)`) comes after the inserted statement.
  while ((next?.type === 'Line' || next?.type === 'Block') && next.loc.start.line === anchor.loc.end.line) {
    anchor = next;
    if (next.type === 'Line') break;
    next = sourceCode.getTokenAfter(next, { includeComments: true });
  }
  // (Code after it on the line: a `;` ends the inserted statement whatever the file's style.)
  const codeFollows = next !== null && next !== undefined && next.type !== 'Line' && next.type !== 'Block' && next.loc.start.line === anchor.loc.end.line && !(next.type === 'Punctuator' && next.value === '}');
  const semicolons = codeFollows || usesSemicolons(sourceCode);
  return fixer.insertTextAfter(anchor, `\n${lineIndent(sourceCode, statement)}${text}${semicolons ? ';' : ''}`);
}

/** Whether the file ends its statements with semicolons (by its first statement that could). */
export function usesSemicolons(sourceCode: TSESLint.SourceCode): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ExpressionStatement' || statement.type === 'VariableDeclaration') {
      return sourceCode.getText(statement).trimEnd().endsWith(';');
    }
  }
  return true;
}
