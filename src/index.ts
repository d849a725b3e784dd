import json from '@eslint/json';
import type { ESLint, Linter } from 'eslint';

import { buildConfigs, SCRIPT_FILES, type ConfigBlock } from './configs';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta';
import { rules } from './rules';

/** The languages a rule declares in `meta.languages`; none means JavaScript/TypeScript. */
function ruleLanguages(name: string): readonly string[] {
  const meta = (rules as Record<string, { meta: { languages?: readonly string[] } }>)[name]?.meta;
  return meta?.languages ?? ['js/js'];
}

/** Blocks of the shipped configs, one per kind of file; each rule runs in the block of its language. */
const blocks: ConfigBlock[] = [
  { files: SCRIPT_FILES, ruleNames: (name) => ruleLanguages(name).includes('js/js') },
  {
    name: 'package-json',
    files: ['**/package.json'],
    language: 'json/json',
    plugins: { json: json as unknown as ESLint.Plugin },
    ruleNames: (name) => ruleLanguages(name).includes('json/json'),
  },
];

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config[]>,
};

Object.assign(plugin.configs, buildConfigs(plugin as unknown as ESLint.Plugin, rules, blocks));

export = plugin;
