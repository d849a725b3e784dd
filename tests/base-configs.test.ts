import { createRequire } from 'node:module';
import path from 'node:path';

import { ESLint as ESLint10, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import tseslint from 'typescript-eslint';

import plugin from '../src/index';
import { SCRIPT_FILES } from '../src/configs';

// Each shipped config beside the base configs users start from: @eslint/js recommended, a bare
// `languageOptions` block, and typescript-eslint's type-checked setup with the project service, on ESLint 10 and 9.
const root = path.resolve(__dirname, '..');
const fixtures = path.join(root, 'tests/fixtures/base-configs');
const files = ['src/server.js', 'src/api.ts', 'tests/app.test.js', 'views/profile.ejs', 'package.json'];

/** `@eslint/js` as a user of each ESLint version installs it (ESLint 9 users have @eslint/js 9). */
const eslintJs = {
  'ESLint 10': createRequire(path.join(root, 'node_modules/eslint/package.json'))('@eslint/js') as {
    configs: { recommended: Linter.Config };
  },
  'ESLint 9': createRequire(path.join(root, 'node_modules/eslint-v9/package.json'))('@eslint/js') as {
    configs: { recommended: Linter.Config };
  },
};

/** The base configs, as users write them: without `files`, so they apply to every file ESLint lints. */
const baseConfigs = (version: keyof typeof eslintJs): Linter.Config[] => [
  eslintJs[version].configs.recommended,
  { languageOptions: { globals: { process: 'readonly', require: 'readonly', console: 'readonly' } } },
  ...(tseslint.configs.recommendedTypeChecked as Linter.Config[]),
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fixtures } } },
];

/** The same base configs limited to script files, as the opt-in configs' `files` caveat asks. */
const scopedBaseConfigs = (version: keyof typeof eslintJs): Linter.Config[] =>
  baseConfigs(version).map((config) => ({ ...config, files: config.files ?? SCRIPT_FILES }));

const ours = (results: ESLint10.LintResult[]) =>
  results
    .flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId?.startsWith('secure-express/') || m.fatal)
        .map((m) => `${path.relative(fixtures, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`),
    )
    .sort();

const scriptFindings = [
  'src/api.ts:3 secure-express/disable-x-powered-by',
  'src/api.ts:3 secure-express/require-helmet',
  'src/server.js:3 secure-express/disable-x-powered-by',
  'src/server.js:3 secure-express/require-helmet',
  // the test harness: its app-configuration findings are skipped, the open redirect is not
  'tests/app.test.js:7 secure-express/no-open-redirect',
];
const strictScriptFindings = [
  ...scriptFindings,
  'src/api.ts:9 secure-express/require-https',
  'src/server.js:9 secure-express/require-https',
];
const templateFindings = ['views/profile.ejs:2 secure-express/no-unescaped-template-output'];
const packageFindings = ['package.json:5 secure-express/no-vulnerable-express-version'];

const shipped: [keyof typeof plugin.configs, string[], 'bare' | 'scoped'][] = [
  ['recommended', scriptFindings, 'bare'],
  ['strict', strictScriptFindings, 'bare'],
  ['templates', templateFindings, 'scoped'],
  ['package-json', packageFindings, 'scoped'],
  ['recommended-all-files', [...scriptFindings, ...templateFindings, ...packageFindings], 'scoped'],
  ['strict-all-files', [...strictScriptFindings, ...templateFindings, ...packageFindings], 'scoped'],
];

for (const [version, ESLint] of [
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9],
] as const) {
  describe(`shipped configs beside common base configs on ${version}`, () => {
    for (const [name, expected, base] of shipped) {
      it(`${name} runs beside @eslint/js, a bare languageOptions block and type-checked typescript-eslint (${base} base configs)`, async () => {
        const eslint = new ESLint({
          cwd: fixtures,
          overrideConfigFile: true,
          overrideConfig: [
            ...(base === 'bare' ? baseConfigs(version) : scopedBaseConfigs(version)),
            ...plugin.configs[name],
          ] as never,
        });
        const results = (await eslint.lintFiles(files)) as ESLint10.LintResult[];
        expect(ours(results)).toEqual([...expected].sort());
        expect(results.every((r) => r.fatalErrorCount === 0)).toBe(true);
      });
    }

    it('shows the files caveat of the opt-in configs: base configs without files reach package.json', async () => {
      const eslint = new ESLint({
        cwd: fixtures,
        overrideConfigFile: true,
        overrideConfig: [...baseConfigs(version), ...plugin.configs['package-json']] as never,
      });
      await expect(eslint.lintFiles(['package.json'])).rejects.toThrow();
    });

    it('recommended and strict do not lint templates or package.json', async () => {
      const eslint = new ESLint({
        cwd: fixtures,
        overrideConfigFile: true,
        overrideConfig: [...baseConfigs(version), ...plugin.configs.recommended] as never,
      });
      const [template] = (await eslint.lintFiles(['views/profile.ejs'])) as ESLint10.LintResult[];
      expect(template!.messages.map((m) => m.message)).toEqual(['File ignored because no matching configuration was supplied.']);
      const results = (await eslint.lintFiles(['.'])) as ESLint10.LintResult[];
      expect(results.map((r) => path.relative(fixtures, r.filePath)).sort()).toEqual([
        'src/api.ts',
        'src/server.js',
        'tests/app.test.js',
      ]);
    });
  });
}
