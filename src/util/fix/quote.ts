import type { TSESLint } from '@typescript-eslint/utils';

/** The quote character the file writes its strings with (its first string token), `'` when it has none. */
export function stringQuote(sourceCode: TSESLint.SourceCode): "'" | '"' {
  const token = sourceCode.ast.tokens.find((t) => t.type === 'String');
  return token?.value.startsWith('"') ? '"' : "'";
}

/** `value` as a string literal in the file's quote style (for simple values without quotes or backslashes). */
export function quoted(sourceCode: TSESLint.SourceCode, value: string): string {
  const quote = stringQuote(sourceCode);
  return `${quote}${value}${quote}`;
}
