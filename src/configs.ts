import type { ESLint, Linter } from 'eslint';

import type { ConfigName, SecureExpressDocs } from './util/create-rule';

import { NAMESPACE } from './meta';

/** The slice of a rule that the configs are derived from. */
export interface RuleWithDocs {
  meta: { docs?: Partial<SecureExpressDocs> & { description?: string } };
}

/** Files that the JavaScript/TypeScript rules run on. Other languages get their own blocks. */
export const SCRIPT_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/**
 * Rule settings of one config, read from each rule's `meta.docs`: a `recommended` rule is in both
 * configs, a `strict` rule only in `strict`, and `strict` passes a rule's `strictOptions` where it has them.
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
  /** Suffix of the block's name, e.g. `package-json`. Absent for the block of script files. */
  name?: string;
  files: string[];
  language?: string;
  processor?: string;
  /** The rules that belong to this block (by rule name, without the namespace). */
  ruleNames: (name: string) => boolean;
  /** Plugins other than ours that the block needs (for a language). */
  plugins?: Record<string, ESLint.Plugin>;
}

/**
 * Builds `recommended` and `strict` as arrays of flat-config objects, each carrying the plugin, one object per
 * kind of file (scripts, and those that later families add: package.json, templates).
 */
export function buildConfigs(
  plugin: ESLint.Plugin,
  rules: Readonly<Record<string, RuleWithDocs>>,
  blocks: readonly ConfigBlock[],
): Record<ConfigName, Linter.Config[]> {
  const make = (config: ConfigName): Linter.Config[] =>
    blocks
      .map((block): Linter.Config => {
        const entry: Linter.Config = {
          name: `${NAMESPACE}/${config}${block.name ? `/${block.name}` : ''}`,
          files: block.files,
          plugins: { ...block.plugins, [NAMESPACE]: plugin },
          rules: deriveRuleSettings(rules, config, block.ruleNames),
        };
        if (block.language) entry.language = block.language;
        if (block.processor) entry.processor = block.processor;
        return entry;
      })
      .filter((entry) => Object.keys(entry.rules ?? {}).length > 0 || entry.processor !== undefined);
  return { recommended: make('recommended'), strict: make('strict') };
}
