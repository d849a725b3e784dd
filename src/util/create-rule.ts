import { ESLintUtils } from '@typescript-eslint/utils';

/** Which shipped config turns a rule on: `recommended` rules are in both configs, `strict` ones only in `strict`. */
export type ConfigName = 'recommended' | 'strict';

export interface SecureExpressDocs {
  description: string;
  /** The first config that holds the rule. */
  recommended: ConfigName;
  /**
   * Options the `strict` config passes instead of the defaults, for rules that tighten there
   * (for example `secure-cookies` with `requireExpiry`).
   */
  strictOptions?: readonly unknown[];
  /**
   * The rule checks how an app is set up (middleware, settings, cookies, sessions, secrets, limits, TLS) rather
   * than code that handles request data. The shipped configs do not run it in test and fixture files, where
   * harnesses set apps up loosely on purpose.
   */
  appConfiguration?: boolean;
}

export const REPO_URL = 'https://github.com/secure-express/eslint-plugin-secure-express';

const ruleCreator = ESLintUtils.RuleCreator<SecureExpressDocs>((name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`);

/**
 * `RuleCreator` plus one guarantee: a JavaScript rule (no `meta.languages`) that a user turns on in a config object
 * without `files` also reaches files of the plugin's other languages (templates); there it does nothing instead of
 * reading a JavaScript AST that is not there.
 */
export const createRule: typeof ruleCreator = (rule) => {
  const created = ruleCreator(rule);
  if (rule.meta.languages) return created;
  return {
    ...created,
    create(context) {
      return (context.sourceCode.ast as { type: string } | undefined)?.type === 'Program' ? created.create(context) : {};
    },
  };
};
