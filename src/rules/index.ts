import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noDefaultSessionName from './no-default-session-name';
import noDeprecatedExpressApi from './no-deprecated-express-api';
import noDisabledHelmetProtections from './no-disabled-helmet-protections';
import noErrorDetailsInResponse from './no-error-details-in-response';
import noHardcodedSecrets from './no-hardcoded-secrets';
import noInsecureTls from './no-insecure-tls';
import noMemorySessionStore from './no-memory-session-store';
import noNosqlInjection from './no-nosql-injection';
import noOpenRedirect from './no-open-redirect';
import noPathTraversal from './no-path-traversal';
import noPermissiveCors from './no-permissive-cors';
import noReflectedXss from './no-reflected-xss';
import noRemovedHelmetApi from './no-removed-helmet-api';
import noSessionOnStatic from './no-session-on-static';
import noSqlInjection from './no-sql-injection';
import noTrustProxyTrue from './no-trust-proxy-true';
import noUnboundedBody from './no-unbounded-body';
import noUnescapedTemplateOutput from './no-unescaped-template-output';
import noUnsafeCsp from './no-unsafe-csp';
import noUnsafeRegex from './no-unsafe-regex';
import noUnsafeTemplateRendering from './no-unsafe-template-rendering';
import noVulnerableExpressVersion from './no-vulnerable-express-version';
import noWeakPasswordHash from './no-weak-password-hash';
import requireCsrfProtection from './require-csrf-protection';
import requireHelmet from './require-helmet';
import requireHttps from './require-https';
import requireInputValidation from './require-input-validation';
import requireRateLimit from './require-rate-limit';
import requireSessionRegenerate from './require-session-regenerate';
import secureCookies from './secure-cookies';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-default-session-name': noDefaultSessionName,
  'no-deprecated-express-api': noDeprecatedExpressApi,
  'no-disabled-helmet-protections': noDisabledHelmetProtections,
  'no-error-details-in-response': noErrorDetailsInResponse,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-insecure-tls': noInsecureTls,
  'no-memory-session-store': noMemorySessionStore,
  'no-nosql-injection': noNosqlInjection,
  'no-open-redirect': noOpenRedirect,
  'no-path-traversal': noPathTraversal,
  'no-permissive-cors': noPermissiveCors,
  'no-reflected-xss': noReflectedXss,
  'no-removed-helmet-api': noRemovedHelmetApi,
  'no-session-on-static': noSessionOnStatic,
  'no-sql-injection': noSqlInjection,
  'no-trust-proxy-true': noTrustProxyTrue,
  'no-unbounded-body': noUnboundedBody,
  'no-unescaped-template-output': noUnescapedTemplateOutput,
  'no-unsafe-csp': noUnsafeCsp,
  'no-unsafe-regex': noUnsafeRegex,
  'no-unsafe-template-rendering': noUnsafeTemplateRendering,
  'no-vulnerable-express-version': noVulnerableExpressVersion,
  'no-weak-password-hash': noWeakPasswordHash,
  'require-csrf-protection': requireCsrfProtection,
  'require-helmet': requireHelmet,
  'require-https': requireHttps,
  'require-input-validation': requireInputValidation,
  'require-rate-limit': requireRateLimit,
  'require-session-regenerate': requireSessionRegenerate,
  'secure-cookies': secureCookies,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
