import type { ESLint, Linter } from 'eslint';

import { buildConfigs, SCRIPT_FILES, type ConfigBlock } from './configs';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta';
import { rules } from './rules';

/** Blocks of the shipped configs, one per kind of file. Rules not claimed by another block run on scripts. */
const blocks: ConfigBlock[] = [{ files: SCRIPT_FILES, ruleNames: () => true }];

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config[]>,
};

Object.assign(plugin.configs, buildConfigs(plugin as unknown as ESLint.Plugin, rules, blocks));

export = plugin;
