import path from 'node:path';

import jsonV1 from '@eslint/json-v1';
import jsonV2 from '@eslint/json';
import { ESLint as ESLint10, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';

import plugin from '../src/index';

// The plugin parses package.json with @eslint/json's language registered under its own namespace
// (`secure-express/json`) and never registers a plugin named `json`: a user's own @eslint/json (1.x or 2.x)
// lives beside it without "Cannot redefine plugin json".
const fixtures = path.resolve(__dirname, 'fixtures/base-configs');

const summary = (results: ESLint10.LintResult[]) =>
  results
    .flatMap((r) => r.messages.map((m) => `${path.relative(fixtures, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`))
    .sort();

describe("a user's own @eslint/json beside the plugin", () => {
  it('no shipped config registers a plugin other than secure-express', () => {
    for (const config of Object.values(plugin.configs).flat()) {
      expect(Object.keys(config.plugins ?? {})).toEqual(['secure-express']);
    }
  });

  it('the package-json block uses the JSON language of the plugin namespace', () => {
    expect(plugin.configs['package-json'].map((c) => c.language)).toEqual(['secure-express/json']);
    expect(plugin.languages.json).toBe(jsonV2.languages.json);
  });

  for (const [versionName, ESLint] of [
    ['ESLint 10', ESLint10],
    ['ESLint 9', ESLint9],
  ] as const) {
    for (const [jsonName, json] of [
      ['@eslint/json 1.x', jsonV1],
      ['@eslint/json 2.x', jsonV2],
    ] as const) {
      it(`${jsonName} registered as "json" placed after recommended-all-files runs beside it on ${versionName}`, async () => {
        const userJson: Linter.Config = {
          files: ['**/*.json'],
          plugins: { json: json as never },
          language: 'json/json',
          rules: { 'json/no-duplicate-keys': 'error' },
        };
        const eslint = new ESLint({
          cwd: fixtures,
          overrideConfigFile: true,
          overrideConfig: [...plugin.configs['recommended-all-files'], userJson] as never,
        });
        const results = (await eslint.lintFiles(['package.json', 'config/settings.json'])) as ESLint10.LintResult[];
        expect(summary(results)).toEqual([
          'config/settings.json:3 json/no-duplicate-keys',
          // package.json: the user's block comes last, so its json/json language wins there; both rules run on it
          'package.json:5 secure-express/no-vulnerable-express-version',
        ]);
      });

      it(`no-vulnerable-express-version runs in the user's own json/json block of ${jsonName} on ${versionName}`, async () => {
        const eslint = new ESLint({
          cwd: fixtures,
          overrideConfigFile: true,
          overrideConfig: [
            {
              files: ['**/package.json'],
              plugins: { json: json as never, 'secure-express': plugin },
              language: 'json/json',
              rules: { 'secure-express/no-vulnerable-express-version': 'error' },
            },
          ] as never,
        });
        const results = (await eslint.lintFiles(['package.json'])) as ESLint10.LintResult[];
        expect(summary(results)).toEqual(['package.json:5 secure-express/no-vulnerable-express-version']);
      });
    }
  }
});
