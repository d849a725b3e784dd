import json from '@eslint/json';
import type { ESLint, Linter } from 'eslint';

import { buildConfigs, SCRIPT_FILES, type ConfigBlock } from './configs';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta';
import { JSON_RULES, rules } from './rules';

/** Blocks of the shipped configs, one per kind of file. Rules not claimed by another block run on scripts. */
const blocks: ConfigBlock[] = [
  { files: SCRIPT_FILES, ruleNames: (name) => !JSON_RULES.has(name) },
  {
    name: 'package-json',
    files: ['**/package.json'],
    language: 'json/json',
    plugins: { json: json as unknown as ESLint.Plugin },
    ruleNames: (name) => JSON_RULES.has(name),
  },
];

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config[]>,
};

Object.assign(plugin.configs, buildConfigs(plugin as unknown as ESLint.Plugin, rules, blocks));

export = plugin;
