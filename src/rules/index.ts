import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noDefaultSessionName from './no-default-session-name';
import noHardcodedSecrets from './no-hardcoded-secrets';
import noMemorySessionStore from './no-memory-session-store';
import noUnescapedTemplateOutput from './no-unescaped-template-output';
import noUnsafeTemplateRendering from './no-unsafe-template-rendering';
import requireHelmet from './require-helmet';
import requireSessionRegenerate from './require-session-regenerate';
import secureCookies from './secure-cookies';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-default-session-name': noDefaultSessionName,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-memory-session-store': noMemorySessionStore,
  'no-unescaped-template-output': noUnescapedTemplateOutput,
  'no-unsafe-template-rendering': noUnsafeTemplateRendering,
  'require-helmet': requireHelmet,
  'require-session-regenerate': requireSessionRegenerate,
  'secure-cookies': secureCookies,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
