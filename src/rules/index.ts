import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noSqlInjection from './no-sql-injection';
import requireHelmet from './require-helmet';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-sql-injection': noSqlInjection,
  'require-helmet': requireHelmet,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
