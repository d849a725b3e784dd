import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noDisabledHelmetProtections from './no-disabled-helmet-protections';
import noInsecureTls from './no-insecure-tls';
import noPermissiveCors from './no-permissive-cors';
import noRemovedHelmetApi from './no-removed-helmet-api';
import noTrustProxyTrue from './no-trust-proxy-true';
import noUnsafeCsp from './no-unsafe-csp';
import requireHelmet from './require-helmet';
import requireHttps from './require-https';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-disabled-helmet-protections': noDisabledHelmetProtections,
  'no-insecure-tls': noInsecureTls,
  'no-permissive-cors': noPermissiveCors,
  'no-removed-helmet-api': noRemovedHelmetApi,
  'no-trust-proxy-true': noTrustProxyTrue,
  'no-unsafe-csp': noUnsafeCsp,
  'require-helmet': requireHelmet,
  'require-https': requireHttps,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
