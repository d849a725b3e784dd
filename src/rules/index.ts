import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noDefaultSessionName from './no-default-session-name';
import noDeprecatedExpressApi from './no-deprecated-express-api';
import noErrorDetailsInResponse from './no-error-details-in-response';
import noHardcodedSecrets from './no-hardcoded-secrets';
import noMemorySessionStore from './no-memory-session-store';
import noNosqlInjection from './no-nosql-injection';
import noOpenRedirect from './no-open-redirect';
import noPathTraversal from './no-path-traversal';
import noReflectedXss from './no-reflected-xss';
import noSessionOnStatic from './no-session-on-static';
import noSqlInjection from './no-sql-injection';
import noUnboundedBody from './no-unbounded-body';
import noUnsafeRegex from './no-unsafe-regex';
import noVulnerableExpressVersion from './no-vulnerable-express-version';
import noWeakPasswordHash from './no-weak-password-hash';
import requireCsrfProtection from './require-csrf-protection';
import requireHelmet from './require-helmet';
import requireInputValidation from './require-input-validation';
import requireRateLimit from './require-rate-limit';
import requireSessionRegenerate from './require-session-regenerate';
import secureCookies from './secure-cookies';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-default-session-name': noDefaultSessionName,
  'no-deprecated-express-api': noDeprecatedExpressApi,
  'no-error-details-in-response': noErrorDetailsInResponse,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-memory-session-store': noMemorySessionStore,
  'no-nosql-injection': noNosqlInjection,
  'no-open-redirect': noOpenRedirect,
  'no-path-traversal': noPathTraversal,
  'no-reflected-xss': noReflectedXss,
  'no-session-on-static': noSessionOnStatic,
  'no-sql-injection': noSqlInjection,
  'no-unbounded-body': noUnboundedBody,
  'no-unsafe-regex': noUnsafeRegex,
  'no-vulnerable-express-version': noVulnerableExpressVersion,
  'no-weak-password-hash': noWeakPasswordHash,
  'require-csrf-protection': requireCsrfProtection,
  'require-helmet': requireHelmet,
  'require-input-validation': requireInputValidation,
  'require-rate-limit': requireRateLimit,
  'require-session-regenerate': requireSessionRegenerate,
  'secure-cookies': secureCookies,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
