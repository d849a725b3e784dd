import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noNosqlInjection from './no-nosql-injection';
import noOpenRedirect from './no-open-redirect';
import noPathTraversal from './no-path-traversal';
import noReflectedXss from './no-reflected-xss';
import noSqlInjection from './no-sql-injection';
import noUnsafeRegex from './no-unsafe-regex';
import requireHelmet from './require-helmet';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-nosql-injection': noNosqlInjection,
  'no-open-redirect': noOpenRedirect,
  'no-path-traversal': noPathTraversal,
  'no-reflected-xss': noReflectedXss,
  'no-sql-injection': noSqlInjection,
  'no-unsafe-regex': noUnsafeRegex,
  'require-helmet': requireHelmet,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
