import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noDefaultSessionName from './no-default-session-name';
import noDeprecatedExpressApi from './no-deprecated-express-api';
import noHardcodedSecrets from './no-hardcoded-secrets';
import noMemorySessionStore from './no-memory-session-store';
import noNosqlInjection from './no-nosql-injection';
import noOpenRedirect from './no-open-redirect';
import noPathTraversal from './no-path-traversal';
import noReflectedXss from './no-reflected-xss';
import noSqlInjection from './no-sql-injection';
import noUnsafeRegex from './no-unsafe-regex';
import noVulnerableExpressVersion from './no-vulnerable-express-version';
import noWeakPasswordHash from './no-weak-password-hash';
import requireHelmet from './require-helmet';
import requireSessionRegenerate from './require-session-regenerate';
import secureCookies from './secure-cookies';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-default-session-name': noDefaultSessionName,
  'no-deprecated-express-api': noDeprecatedExpressApi,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-memory-session-store': noMemorySessionStore,
  'no-nosql-injection': noNosqlInjection,
  'no-open-redirect': noOpenRedirect,
  'no-path-traversal': noPathTraversal,
  'no-reflected-xss': noReflectedXss,
  'no-sql-injection': noSqlInjection,
  'no-unsafe-regex': noUnsafeRegex,
  'no-vulnerable-express-version': noVulnerableExpressVersion,
  'no-weak-password-hash': noWeakPasswordHash,
  'require-helmet': requireHelmet,
  'require-session-regenerate': requireSessionRegenerate,
  'secure-cookies': secureCookies,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
