import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { usesSemicolons } from './insert-statement';

export type ModuleStyle = 'import' | 'require';

/**
 * How the file brings in modules: `import` when it has import declarations (or is an ES module without
 * requires), `require` when it calls `require` at the top level or is CommonJS.
 */
export function moduleStyle(sourceCode: TSESLint.SourceCode, isCommonJs: boolean): ModuleStyle {
  const body = sourceCode.ast.body;
  if (body.some((s) => s.type === T.ImportDeclaration)) return 'import';
  if (body.some((s) => topLevelRequire(s) !== null) || isCommonJs) return 'require';
  return sourceCode.ast.sourceType === 'module' ? 'import' : 'require';
}

function topLevelRequire(statement: TSESTree.ProgramStatement): TSESTree.VariableDeclaration | null {
  if (statement.type !== T.VariableDeclaration) return null;
  const init = statement.declarations[0]?.init;
  let call = init;
  while (call?.type === T.MemberExpression) call = call.object;
  return call?.type === T.CallExpression && call.callee.type === T.Identifier && call.callee.name === 'require'
    ? statement
    : null;
}

/**
 * Adds `import name from 'module'` after the file's last import, or `const name = require('module')` after
 * its last top-level `require` declaration; with neither, at the top (after a directive prologue).
 */
export function addImport(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  options: { name: string; module: string; style: ModuleStyle },
): TSESLint.RuleFix {
  const semi = usesSemicolons(sourceCode) ? ';' : '';
  const quote = prefersDoubleQuotes(sourceCode) ? '"' : "'";
  const source = `${quote}${options.module}${quote}`;
  const text =
    options.style === 'import'
      ? `import ${options.name} from ${source}${semi}`
      : `const ${options.name} = require(${source})${semi}`;
  const body = sourceCode.ast.body;
  const anchors =
    options.style === 'import'
      ? body.filter((s) => s.type === T.ImportDeclaration || s.type === T.TSImportEqualsDeclaration)
      : body.filter((s) => topLevelRequire(s) !== null);
  const last = anchors.at(-1);
  if (last) return fixer.insertTextAfter(last, `\n${text}`);
  const directives = body.filter(
    (s): s is TSESTree.ExpressionStatement => s.type === T.ExpressionStatement && s.directive !== undefined,
  );
  const lastDirective = directives.at(-1);
  if (lastDirective) return fixer.insertTextAfter(lastDirective, `\n${text}`);
  const first = body[0];
  if (!first) return fixer.insertTextAfterRange([sourceCode.text.length, sourceCode.text.length], `${text}\n`);
  // Keep leading comments (licence headers, `// @ts-check`) above the new line.
  return fixer.insertTextBeforeRange(first.range, `${text}\n`);
}

function prefersDoubleQuotes(sourceCode: TSESLint.SourceCode): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ImportDeclaration) return sourceCode.getText(statement.source).startsWith('"');
    const decl = topLevelRequire(statement);
    if (decl) return /require\(\s*"/u.test(sourceCode.getText(decl));
  }
  return false;
}
