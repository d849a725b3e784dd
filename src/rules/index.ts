import type { TSESLint } from '@typescript-eslint/utils';

import disableXPoweredBy from './disable-x-powered-by';
import noUnescapedTemplateOutput from './no-unescaped-template-output';
import noUnsafeTemplateRendering from './no-unsafe-template-rendering';
import requireHelmet from './require-helmet';

// Keep this list alphabetical.
export const rules = {
  'disable-x-powered-by': disableXPoweredBy,
  'no-unescaped-template-output': noUnescapedTemplateOutput,
  'no-unsafe-template-rendering': noUnsafeTemplateRendering,
  'require-helmet': requireHelmet,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
