import json from '@eslint/json';
import type { ESLint, Linter } from 'eslint';

import { buildConfigs, SCRIPT_FILES, type ConfigBlock } from './configs';
import { templateLanguage, TEMPLATE_FILES } from './languages/templates';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta';
import { rules } from './rules';

/** The templates language, as configs name it (`language: 'secure-express/templates'`). */
const TEMPLATE_LANGUAGE = `${NAMESPACE}/templates`;

/** The languages a rule declares in `meta.languages`; none means JavaScript/TypeScript. */
function ruleLanguages(name: string): readonly string[] {
  const meta = (rules as Record<string, { meta: { languages?: readonly string[] } }>)[name]?.meta;
  return meta?.languages ?? ['js/js'];
}

/** Template files: EJS, Pug and Handlebars, parsed by the plugin's templates language. */
const templatesBlock: ConfigBlock = {
  name: 'templates',
  files: TEMPLATE_FILES,
  language: TEMPLATE_LANGUAGE,
  ruleNames: (name) => ruleLanguages(name).includes(TEMPLATE_LANGUAGE),
};

/** Blocks of the shipped configs, one per kind of file. Rules of another language do not run on scripts. */
const blocks: ConfigBlock[] = [
  { files: SCRIPT_FILES, ruleNames: (name) => ruleLanguages(name).includes('js/js') },
  templatesBlock,
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
  languages: { templates: templateLanguage },
  configs: {} as Record<'recommended' | 'strict' | 'templates', Linter.Config[]>,
};

Object.assign(plugin.configs, buildConfigs(plugin as unknown as ESLint.Plugin, rules, blocks), {
  /** Only the template files, for projects that lint their scripts with another config. */
  templates: buildConfigs(plugin as unknown as ESLint.Plugin, rules, [templatesBlock]).recommended,
});

export = plugin;
