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
}

export const REPO_URL = 'https://github.com/secure-express/eslint-plugin-secure-express';

export const createRule = ESLintUtils.RuleCreator<SecureExpressDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
