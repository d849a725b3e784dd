import { extname } from 'node:path';

import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { nearestPackageJson } from '../package-json';
import { usesSemicolons } from './insert-statement';

export type ModuleStyle = 'import' | 'require';

/** What `moduleStyle` reads from a rule's context. */
export interface ModuleStyleContext {
  readonly sourceCode: TSESLint.SourceCode;
  readonly filename: string;
  readonly languageOptions: { readonly sourceType?: string };
}

/**
 * How a new module should be brought into the file, from the strongest evidence to the weakest:
 * 1. the file's own code: import declarations → `import`; a `require(...)` call, `module.exports` or `exports`
 *    that is Node's (not a local variable) → `require`;
 * 2. the extension: `.mjs`/`.mts` → `import`, `.cjs`/`.cts` → `require`;
 * 3. for a `.js`/`.jsx` file on disk, the nearest `package.json`'s `type` (Node's rule: `commonjs` when absent);
 * 4. the configured `sourceType` (`module` → `import`, `commonjs`/`script` → `require`).
 */
export function moduleStyle(context: ModuleStyleContext): ModuleStyle {
  const { sourceCode, filename } = context;
  const body = sourceCode.ast.body;
  if (body.some((s) => s.type === T.ImportDeclaration)) return 'import';
  if (body.some((s) => topLevelRequire(s) !== null) || usesNodeModuleGlobals(sourceCode)) return 'require';
  const extension = extname(filename).toLowerCase();
  if (extension === '.mjs' || extension === '.mts') return 'import';
  if (extension === '.cjs' || extension === '.cts') return 'require';
  if (extension === '.js' || extension === '.jsx') {
    const manifest = nearestPackageJson(filename);
    if (manifest) return manifest.type === 'module' ? 'import' : 'require';
  }
  const sourceType = context.languageOptions.sourceType ?? sourceCode.ast.sourceType;
  return sourceType === 'module' ? 'import' : 'require';
}

/** Names whose use as Node's own (undeclared, or CommonJS-provided) variables marks a CommonJS file. */
const COMMONJS_NAMES = new Set(['require', 'module', 'exports']);

/** Whether the file calls Node's `require` or writes `module.exports`/`exports` (not a variable of its own). */
function usesNodeModuleGlobals(sourceCode: TSESLint.SourceCode): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return false;
  if (globalScope.through.some((ref) => COMMONJS_NAMES.has(ref.identifier.name))) return true;
  for (const name of COMMONJS_NAMES) {
    // `sourceType: 'commonjs'` (or Node globals) declares them in the global scope; a file's own `const require`
    // lives in the module or function scope below, so it is not found here.
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0 && variable.references.length > 0) return true;
  }
  return false;
}

/**
 * A top-level declaration whose initializer comes from a `require` call: `const x = require('x')`,
 * `const { a } = require('x').b`, `const app = require('express')()`.
 */
function topLevelRequire(statement: TSESTree.ProgramStatement): TSESTree.VariableDeclaration | null {
  if (statement.type !== T.VariableDeclaration) return null;
  let node: TSESTree.Node | null | undefined = statement.declarations[0]?.init;
  while (node) {
    if (node.type === T.CallExpression) {
      if (node.callee.type === T.Identifier && node.callee.name === 'require') return statement;
      node = node.callee;
    } else if (node.type === T.MemberExpression) node = node.object;
    else return null;
  }
  return null;
}

/**
 * Adds `import name from 'module'` after the file's last import, or `const name = require('module')` after
 * its last top-level `require` declaration; with neither, at the top (after a directive prologue). A `require` is
 * declared as the file declares its own (see `requireKind`): `var helmet = require('helmet')` in a file of `var`s.
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
      : `${requireKind(sourceCode.ast.body)} ${options.name} = require(${source})${semi}`;
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

/**
 * The declaration keyword for a new `require`: that of the file's last top-level `require` declaration (where the new
 * one goes); with none, `var` when every top-level declaration of the file is a `var` (pre-ES2015 style, such as
 * express-generator's `bin/www`); else `const`.
 */
function requireKind(body: readonly TSESTree.ProgramStatement[]): 'var' | 'let' | 'const' {
  const own = (kind: string): kind is 'var' | 'let' | 'const' => kind === 'var' || kind === 'let' || kind === 'const';
  const last = body.map(topLevelRequire).filter((d) => d !== null).at(-1);
  if (last) return own(last.kind) ? last.kind : 'const';
  const declarations = body.filter((s): s is TSESTree.VariableDeclaration => s.type === T.VariableDeclaration);
  return declarations.length > 0 && declarations.every((d) => d.kind === 'var') ? 'var' : 'const';
}

function prefersDoubleQuotes(sourceCode: TSESLint.SourceCode): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ImportDeclaration) return sourceCode.getText(statement.source).startsWith('"');
    const decl = topLevelRequire(statement);
    if (decl) return /require\(\s*"/u.test(sourceCode.getText(decl));
  }
  return false;
}
