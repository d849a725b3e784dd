import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

import { Linter } from 'eslint';

import plugin from '../src/index';
import { deriveRuleSettings, SCRIPT_FILES, TEST_FILES } from '../src/configs';
import { rules } from '../src/rules';

const root = path.resolve(__dirname, '..');
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/u, ''));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe('the plugin object', () => {
  it('reads its meta from package.json', () => {
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version, namespace: 'secure-express' });
  });

  it('registers every rule file, alphabetically', () => {
    expect(Object.keys(rules)).toEqual([...ruleFiles].sort());
  });

  for (const name of ruleFiles) {
    describe(name, () => {
      const rule = rules[name as keyof typeof rules];
      it('has a test and a doc with the generated header', () => {
        expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
        const doc = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
        expect(doc.startsWith(`# secure-express/${name}\n`)).toBe(true);
        expect(doc).toContain('<!-- end auto-generated rule header -->');
        expect(doc).toContain('## Examples');
        expect(doc).toContain('## Further Reading');
      });
      it('has docs meta the configs are derived from', () => {
        expect(rule.meta.docs!.description).toMatch(/^(Require|Disallow|Enforce) /u);
        expect(['recommended', 'strict']).toContain(rule.meta.docs!.recommended);
        expect(rule.meta.docs!.url).toBe(
          `https://github.com/secure-express/eslint-plugin-secure-express/blob/main/docs/rules/${name}.md`,
        );
      });
    });
  }
});

describe('configs', () => {
  const ruleIds = (config: keyof typeof plugin.configs) =>
    Object.fromEntries(plugin.configs[config].flatMap((c) => Object.entries(c.rules ?? {})));
  const isScriptRule = (name: string) => !(rules[name as keyof typeof rules].meta as { languages?: unknown }).languages;
  const languageOf = (name: string) => (rules[name as keyof typeof rules].meta as { languages?: string[] }).languages?.[0];

  it('recomputes every config from rule meta', () => {
    expect(ruleIds('recommended')).toEqual(deriveRuleSettings(rules, 'recommended', isScriptRule));
    expect(ruleIds('strict')).toEqual(deriveRuleSettings(rules, 'strict', isScriptRule));
    expect(ruleIds('recommended-all-files')).toEqual(deriveRuleSettings(rules, 'recommended'));
    expect(ruleIds('strict-all-files')).toEqual(deriveRuleSettings(rules, 'strict'));
    expect(ruleIds('templates')).toEqual(
      deriveRuleSettings(rules, 'recommended', (name) => languageOf(name) === 'secure-express/templates'),
    );
    expect(ruleIds('package-json')).toEqual(
      deriveRuleSettings(rules, 'recommended', (name) => languageOf(name) === 'secure-express/json'),
    );
  });

  it('keeps recommended and strict on script files only (no language, no template or package.json files)', () => {
    for (const config of [...plugin.configs.recommended, ...plugin.configs.strict]) {
      expect(config.files).toEqual(SCRIPT_FILES);
      expect(config.language).toBeUndefined();
      expect(config.processor).toBeUndefined();
    }
  });

  it('puts each rule where its meta says', () => {
    for (const [name, rule] of Object.entries(rules)) {
      const id = `secure-express/${name}`;
      const inRecommended = plugin.configs['recommended-all-files'].some((c) => c.rules?.[id] !== undefined);
      const inStrict = plugin.configs['strict-all-files'].some((c) => c.rules?.[id] !== undefined);
      expect(inStrict).toBe(true);
      expect(inRecommended).toBe(rule.meta.docs!.recommended === 'recommended');
    }
  });

  it('makes strict a superset of recommended', () => {
    expect(Object.keys(ruleIds('strict'))).toEqual(expect.arrayContaining(Object.keys(ruleIds('recommended'))));
    expect(Object.keys(ruleIds('strict-all-files'))).toEqual(
      expect.arrayContaining(Object.keys(ruleIds('recommended-all-files'))),
    );
  });

  it('carries the plugin in every block and names every block', () => {
    for (const config of Object.values(plugin.configs).flat()) {
      expect(config.plugins?.['secure-express']).toBe(plugin);
      expect(config.name).toMatch(/^secure-express\/(recommended|strict)(\/|$)/u);
      expect(config.files?.length).toBeGreaterThan(0);
    }
  });

  it('leaves test files out of the app-configuration block only, read from meta.docs.appConfiguration', () => {
    for (const level of ['recommended', 'strict'] as const) {
      const appBlock = plugin.configs[level].find((c) => c.name === `secure-express/${level}/app-configuration`)!;
      expect(appBlock.ignores).toEqual(TEST_FILES);
      const appRules = Object.keys(appBlock.rules!).map((id) => id.replace('secure-express/', ''));
      expect(appRules.length).toBeGreaterThan(0);
      for (const name of appRules) expect(rules[name as keyof typeof rules].meta.docs!.appConfiguration).toBe(true);
      for (const other of plugin.configs[level].filter((c) => c !== appBlock)) {
        expect(other.ignores).toBeUndefined();
        for (const id of Object.keys(other.rules!)) {
          expect(rules[id.replace('secure-express/', '') as keyof typeof rules].meta.docs!.appConfiguration).toBeFalsy();
        }
      }
    }
  });
});

describe('test and fixture files', () => {
  // A test harness: an app without helmet or x-powered-by off (app configuration), and a redirect to request data.
  const harness = [
    "const express = require('express');",
    'const app = express();',
    "app.get('/next', (req, res) => { res.redirect(req.query.next); });",
    'app.listen(0);',
    '',
  ].join('\n');
  const lint = (config: 'recommended' | 'strict', filename: string) =>
    new Linter({ cwd: '/project' })
      .verify(harness, [...plugin.configs[config], { languageOptions: { sourceType: 'commonjs' } }], `/project/${filename}`)
      .map((m) => m.ruleId)
      .sort();

  const testFiles = [
    'test/app.js',
    'tests/app.js',
    'src/__tests__/app.ts',
    'src/app.test.js',
    'src/app.spec.ts',
    'app.test.mjs',
    'cypress/support/server.js',
    'e2e/server.cjs',
    'packages/api/test/server.js',
  ];
  for (const config of ['recommended', 'strict'] as const) {
    for (const file of testFiles) {
      it(`${config} skips app-configuration rules but keeps injection rules in ${file}`, () => {
        expect(lint(config, file)).toEqual(['secure-express/no-open-redirect']);
      });
    }
    for (const file of ['src/app.js', 'testing.js', 'src/contest/app.js', 'src/latest.js']) {
      it(`${config} runs app-configuration rules in ${file}, which is not a test file`, () => {
        const expected = ['secure-express/disable-x-powered-by', 'secure-express/no-open-redirect', 'secure-express/require-helmet'];
        if (config === 'strict') expected.push('secure-express/require-https', 'secure-express/require-input-validation');
        expect(lint(config, file)).toEqual(expected.sort());
      });
    }
  }
});
