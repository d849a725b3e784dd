import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

import plugin from '../src/index';
import { deriveRuleSettings } from '../src/configs';
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
  const scriptRules = (config: 'recommended' | 'strict') =>
    plugin.configs[config].find((c) => c.name === `secure-express/${config}`)?.rules ?? {};

  it('recomputes recommended and strict from rule meta', () => {
    const all = Object.fromEntries(plugin.configs.strict.flatMap((c) => Object.entries(c.rules ?? {})));
    expect(all).toEqual(deriveRuleSettings(rules, 'strict'));
    const recommended = Object.fromEntries(plugin.configs.recommended.flatMap((c) => Object.entries(c.rules ?? {})));
    expect(recommended).toEqual(deriveRuleSettings(rules, 'recommended'));
  });

  it('puts each rule where its meta says', () => {
    for (const [name, rule] of Object.entries(rules)) {
      const id = `secure-express/${name}`;
      const inRecommended = plugin.configs.recommended.some((c) => c.rules?.[id] !== undefined);
      const inStrict = plugin.configs.strict.some((c) => c.rules?.[id] !== undefined);
      expect(inStrict).toBe(true);
      expect(inRecommended).toBe(rule.meta.docs!.recommended === 'recommended');
    }
  });

  it('makes strict a superset of recommended', () => {
    expect(Object.keys(scriptRules('strict'))).toEqual(expect.arrayContaining(Object.keys(scriptRules('recommended'))));
  });

  it('carries the plugin in every block and names every block', () => {
    for (const config of [...plugin.configs.recommended, ...plugin.configs.strict]) {
      expect(config.plugins?.['secure-express']).toBe(plugin);
      expect(config.name).toMatch(/^secure-express\//u);
      expect(config.files?.length).toBeGreaterThan(0);
    }
  });
});
