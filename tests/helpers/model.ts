import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { getExpressModel, type ExpressModel } from '../../src/express';

export interface Analysed {
  model: ExpressModel;
  sourceCode: TSESLint.SourceCode;
}

/**
 * Parses `code` as ESLint would (typescript-eslint's parser, an ES module unless `sourceType` says otherwise)
 * and returns the Express model built for it, for unit tests of `src/express/`.
 */
export function analyse(code: string, options: { sourceType?: 'module' | 'commonjs' | 'script'; filename?: string; settings?: Record<string, unknown> } = {}): Analysed {
  let result: Analysed | undefined;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,cjs,mjs,jsx,ts,tsx}'],
        languageOptions: { parser: tsParser as Linter.Parser, sourceType: options.sourceType ?? 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        settings: options.settings ?? {},
        plugins: {
          probe: {
            rules: {
              model: {
                create(context) {
                  return {
                    'Program:exit'() {
                      const ctx = context as unknown as Parameters<typeof getExpressModel>[0];
                      result = { model: getExpressModel(ctx), sourceCode: ctx.sourceCode };
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'probe/model': 'error' },
      },
    ],
    options.filename ?? 'file.ts',
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!result) throw new Error('the probe rule did not run');
  return result;
}
