import { extname } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

/** What `isTypeScriptFile` reads from a rule's context. */
export interface LanguageContext {
  readonly filename: string;
  readonly sourceCode: TSESLint.SourceCode;
  readonly languageOptions: { readonly parser?: unknown };
}

const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
const JS_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs']);

/**
 * Whether a fix should write TypeScript that type-checks: a `.ts`/`.tsx`/`.mts`/`.cts` file, or a file of another
 * extension (`.vue`, an extensionless script, text given on stdin) parsed by typescript-eslint (its `meta.name`, or
 * the node maps its parser services always hold). A `.js` file stays JavaScript whatever the parser
 * (typescript-eslint's configs parse every file).
 */
export function isTypeScriptFile(context: LanguageContext): boolean {
  const extension = extname(context.filename).toLowerCase();
  if (TS_EXTENSIONS.has(extension)) return true;
  if (JS_EXTENSIONS.has(extension)) return false;
  const parser = context.languageOptions.parser as { meta?: { name?: unknown } } | undefined;
  if (parser?.meta?.name === 'typescript-eslint/parser') return true;
  const services = context.sourceCode.parserServices as Record<string, unknown> | undefined;
  return services !== undefined && 'esTreeNodeToTSNodeMap' in services;
}
