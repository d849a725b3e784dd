import type json from '@eslint/json';
import type { ESLint, Linter } from 'eslint';

import { buildBlocks, ruleLanguages, SCRIPT_FILES, TEST_FILES, type ConfigBlock, type RuleWithDocs } from './configs';
import { modelBuildTimes, modelsBuilt } from './express';
import { templateLanguage, TEMPLATE_FILES } from './languages/templates';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta';
import { holderReadCount, parseCounts, usesBuildCounts } from './project';
import { scanReadCounts } from './project/scan';
import { sharedParseCount } from './project/shared-parses';
import { rules } from './rules';
import { keptResults } from './util/kept-results';

type ConfigName = 'recommended' | 'strict';

/** The shipped configs: `recommended`/`strict` only touch scripts; templates and `package.json` are opt-in. */
type SecureExpressConfigName =
  | ConfigName
  | 'templates'
  | 'package-json'
  | 'recommended-all-files'
  | 'strict-all-files';

/** The plugin's type: an `ESLint.Plugin` whose configs are arrays of flat-config objects. */
interface SecureExpressPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  languages: NonNullable<ESLint.Plugin['languages']>;
  configs: Record<SecureExpressConfigName, Linter.Config[]>;
}

/** The languages of the plugin, as configs and `meta.languages` name them (`secure-express/templates`). */
const TEMPLATE_LANGUAGE = `${NAMESPACE}/templates`;
const JSON_LANGUAGE = `${NAMESPACE}/json`;

const ruleTable = rules as unknown as Readonly<Record<string, RuleWithDocs>>;
const languagesOf = (name: string) => ruleLanguages(ruleTable[name]);
const isAppConfiguration = (name: string) => ruleTable[name]?.meta.docs?.appConfiguration === true;
const isScriptRule = (name: string) => languagesOf(name).includes('js/js');

/**
 * Script files. The app-configuration rules (`meta.docs.appConfiguration`) have their own block that leaves test
 * and fixture files out; the rules about code that handles request data run everywhere.
 */
const scriptBlocks: ConfigBlock[] = [
  { files: SCRIPT_FILES, ruleNames: (name) => isScriptRule(name) && !isAppConfiguration(name) },
  {
    name: 'app-configuration',
    files: SCRIPT_FILES,
    ignores: TEST_FILES,
    ruleNames: (name) => isScriptRule(name) && isAppConfiguration(name),
  },
];

/** Template files: EJS, Pug and Handlebars, parsed by the plugin's templates language. */
const templatesBlock: ConfigBlock = {
  name: 'templates',
  files: TEMPLATE_FILES,
  language: TEMPLATE_LANGUAGE,
  ruleNames: (name) => languagesOf(name).includes(TEMPLATE_LANGUAGE),
};

/**
 * `package.json` files, parsed by `@eslint/json`'s JSON language registered under this plugin's own namespace
 * (`secure-express/json`), so a user's own `json` plugin (another `@eslint/json`) never clashes with ours.
 */
const packageJsonBlock: ConfigBlock = {
  name: 'package-json',
  files: ['**/package.json'],
  language: JSON_LANGUAGE,
  ruleNames: (name) => languagesOf(name).includes(JSON_LANGUAGE),
};

let jsonLanguage: (typeof json)['languages']['json'] | undefined;

const plugin: SecureExpressPlugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules: rules as unknown as SecureExpressPlugin['rules'],
  languages: {
    templates: templateLanguage,
    /** `@eslint/json`'s language, loaded when a config first asks for it (only the `package.json` configs do). */
    get json() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jsonLanguage ??= (require('@eslint/json') as { default: typeof json }).default.languages.json;
      return jsonLanguage;
    },
  } as unknown as SecureExpressPlugin['languages'],
  configs: {} as SecureExpressPlugin['configs'],
};

const level = (blocks: readonly ConfigBlock[], config: ConfigName) => buildBlocks(plugin, ruleTable, blocks, config);

Object.assign(plugin.configs, {
  recommended: level(scriptBlocks, 'recommended'),
  strict: level(scriptBlocks, 'strict'),
  templates: level([templatesBlock], 'recommended'),
  'package-json': level([packageJsonBlock], 'recommended'),
  'recommended-all-files': level([...scriptBlocks, templatesBlock, packageJsonBlock], 'recommended'),
  'strict-all-files': level([...scriptBlocks, templatesBlock, packageJsonBlock], 'strict'),
} satisfies SecureExpressPlugin['configs']);

/**
 * What `npm run bench` and `npm run count` read after a lint: the other files the project model parsed, the files its
 * import scan read (not those whose facts an earlier process kept), and the time spent building files' models per rule; and what the loader (src/load.ts) reads at exit: how many models were built.
 * Not part of the plugin's API: the built plugin is one file, so the scripts cannot require these modules of it, and a
 * symbol key keeps them out of ESLint's and users' sight.
 */
Object.defineProperty(plugin, Symbol.for('eslint-plugin-secure-express/measurements'), {
  value: Object.freeze({ parseCounts, holderReadCount, usesBuildCounts, scanReadCounts, sharedParseCount, modelBuildTimes, modelsBuilt }),
});

/**
 * What the loader (src/load.ts) reads and writes the plugin's kept results through (src/util/kept-results.ts): analyses
 * that later processes read back instead of computing. Not part of the plugin's API.
 */
Object.defineProperty(plugin, Symbol.for('eslint-plugin-secure-express/kept-results'), { value: Object.freeze(keptResults) });

// Types for users' config files: `import type { SecureExpressConfigName } from 'eslint-plugin-secure-express'`.
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace plugin {
  export type { SecureExpressConfigName, SecureExpressPlugin };
}

export = plugin;
