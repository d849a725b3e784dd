import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noDeprecatedExpressApi from './no-deprecated-express-api';
import noVulnerableExpressVersion from './no-vulnerable-express-version';
import noWeakPasswordHash from './no-weak-password-hash';
import requireHelmet from './require-helmet';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-deprecated-express-api': noDeprecatedExpressApi,
  'no-vulnerable-express-version': noVulnerableExpressVersion,
  'no-weak-password-hash': noWeakPasswordHash,
  'require-helmet': requireHelmet,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;

/** Rules that lint `package.json` through `@eslint/json` (their own config block); every other rule lints scripts. */
export const JSON_RULES: ReadonlySet<string> = new Set<RuleName>(['no-vulnerable-express-version']);
