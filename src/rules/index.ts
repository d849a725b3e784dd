import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noErrorDetailsInResponse from './no-error-details-in-response';
import noSessionOnStatic from './no-session-on-static';
import noUnboundedBody from './no-unbounded-body';
import requireCsrfProtection from './require-csrf-protection';
import requireHelmet from './require-helmet';
import requireInputValidation from './require-input-validation';
import requireRateLimit from './require-rate-limit';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-error-details-in-response': noErrorDetailsInResponse,
  'no-session-on-static': noSessionOnStatic,
  'no-unbounded-body': noUnboundedBody,
  'require-csrf-protection': requireCsrfProtection,
  'require-helmet': requireHelmet,
  'require-input-validation': requireInputValidation,
  'require-rate-limit': requireRateLimit,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
