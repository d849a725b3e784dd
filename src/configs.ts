import type { ESLint, Linter } from 'eslint';

import type { ConfigName, SecureExpressDocs } from './util/create-rule';

import { NAMESPACE } from './meta';

/** The slice of a rule that the configs are derived from. */
export interface RuleWithDocs {
  meta: { docs?: Partial<SecureExpressDocs> & { description?: string }; languages?: readonly string[] };
}

/** Files that the JavaScript/TypeScript rules run on. Other languages get their own blocks. */
export const SCRIPT_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/**
 * Test, fixture and end-to-end files. The shipped configs do not run the app-configuration rules
 * (`meta.docs.appConfiguration`) there: test harnesses set apps up loosely on purpose. The rules about code that
 * handles request data still run.
 */
export const TEST_FILES = [
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/*.{test,spec}.*',
  '**/cypress/**',
  '**/e2e/**',
];

/** The languages a rule declares in `meta.languages`; none means JavaScript/TypeScript. */
export function ruleLanguages(rule: RuleWithDocs | undefined): readonly string[] {
  return rule?.meta.languages ?? ['js/js'];
}

/**
 * Rule settings of one level, read from each rule's `meta.docs`: a `recommended` rule is in both levels, a
 * `strict` rule only in `strict`, and `strict` passes a rule's `strictOptions` where it has them.
 */
export function deriveRuleSettings(
  rules: Readonly<Record<string, RuleWithDocs>>,
  config: ConfigName,
  filter: (name: string) => boolean = () => true,
): Linter.RulesRecord {
  const settings: Linter.RulesRecord = {};
  for (const name of Object.keys(rules).sort()) {
    const docs = rules[name]?.meta.docs;
    if (!docs?.recommended || !filter(name)) continue;
    if (config === 'recommended' && docs.recommended !== 'recommended') continue;
    const strictOptions = config === 'strict' ? docs.strictOptions : undefined;
    settings[`${NAMESPACE}/${name}`] = strictOptions ? ['error', ...strictOptions] : 'error';
  }
  return settings;
}

/** One block of a shipped config: which files, which language or processor, which rules. */
export interface ConfigBlock {
  /** Suffix of the block's name, e.g. `package-json`. Absent for the main block of script files. */
  name?: string;
  files: string[];
  /** Files of `files` the block leaves out. */
  ignores?: string[];
  language?: string;
  processor?: string;
  /** The rules that belong to this block (by rule name, without the namespace). */
  ruleNames: (name: string) => boolean;
}

/**
 * Builds one level (`recommended` or `strict`) of the given blocks as flat-config objects, each carrying the
 * plugin. Blocks without rules are left out.
 */
export function buildBlocks(
  plugin: ESLint.Plugin,
  rules: Readonly<Record<string, RuleWithDocs>>,
  blocks: readonly ConfigBlock[],
  config: ConfigName,
): Linter.Config[] {
  return blocks
    .map((block): Linter.Config => {
      const entry: Linter.Config = {
        name: `${NAMESPACE}/${config}${block.name ? `/${block.name}` : ''}`,
        files: block.files,
      };
      if (block.ignores) entry.ignores = block.ignores;
      entry.plugins = { [NAMESPACE]: plugin };
      if (block.language) entry.language = block.language;
      if (block.processor) entry.processor = block.processor;
      entry.rules = deriveRuleSettings(rules, config, block.ruleNames);
      return entry;
    })
    .filter((entry) => Object.keys(entry.rules ?? {}).length > 0 || entry.processor !== undefined);
}
