import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, type Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';

import plugin from '../src/index';

const root = path.resolve(__dirname, '..');
const fixtures = path.join(root, 'tests/fixtures/integration');

/** A user's config: the shipped recommended config, TypeScript files parsed by typescript-eslint. */
const userConfig: Linter.Config[] = [
  ...plugin.configs.recommended,
  { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
];

const summary = (results: { filePath: string; messages: { ruleId: string | null; line: number; column: number }[] }[]) =>
  results
    .flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line}:${m.column} ${m.ruleId}`))
    .sort();

const expected = [
  'api.ts:3:13 secure-express/disable-x-powered-by',
  'api.ts:3:13 secure-express/require-helmet',
  'server.js:3:13 secure-express/disable-x-powered-by',
  'server.js:3:13 secure-express/require-helmet',
];

for (const [version, ESLint] of [
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9],
] as const) {
  describe(`through the ESLint class of ${version}`, () => {
    it('lints real files with a user-style flat config', async () => {
      const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: true, overrideConfig: userConfig as never });
      const results = await eslint.lintFiles(['server.js', 'hardened.js', 'api.ts']);
      expect(summary(results)).toEqual(expected);
      expect(results.every((r) => r.fatalErrorCount === 0)).toBe(true);
    });

    it('applies the fix the way --fix does', async () => {
      const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: true, overrideConfig: userConfig as never, fix: true });
      const [result] = await eslint.lintFiles(['server.js']);
      expect(result!.output).toBe(
        readFileSync(path.join(fixtures, 'server.js'), 'utf8').replace(
          'const app = express();\n',
          "const app = express();\napp.disable('x-powered-by');\n",
        ),
      );
      expect(summary([result!])).toEqual(['server.js:3:13 secure-express/require-helmet']);
    });
  });
}

describe('loading the built package from config files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'secure-express-'));
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(root, path.join(dir, 'node_modules', 'eslint-plugin-secure-express'), 'dir');
    cpSync(path.join(fixtures, 'server.js'), path.join(dir, 'server.js'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const configs: [string, string][] = [
    [
      'eslint.config.js',
      "import secureExpress from 'eslint-plugin-secure-express';\nexport default [...secureExpress.configs.recommended];\n",
    ],
    [
      'eslint.config.cjs',
      "const secureExpress = require('eslint-plugin-secure-express');\nmodule.exports = [...secureExpress.configs.strict, { rules: { 'secure-express/require-helmet': 'off' } }];\n",
    ],
    [
      'eslint.config.ts',
      "import secureExpress from 'eslint-plugin-secure-express';\nimport type { Linter } from 'eslint';\nconst config: Linter.Config[] = [...secureExpress.configs.recommended];\nexport default config;\n",
    ],
  ];
  for (const [file, text] of configs) {
    it(`works from ${file}`, async () => {
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      writeFileSync(path.join(dir, file), text);
      try {
        const eslint = new ESLint10({ cwd: dir, overrideConfigFile: path.join(dir, file) });
        const results = await eslint.lintFiles(['server.js']);
        const ids = results[0]!.messages.map((m) => m.ruleId);
        expect(ids).toContain('secure-express/disable-x-powered-by');
        expect(ids.includes('secure-express/require-helmet')).toBe(file !== 'eslint.config.cjs');
      } finally {
        rmSync(path.join(dir, file));
      }
    });
  }

  it('runs from the command line with the SARIF-ready JSON formatter', () => {
    writeFileSync(path.join(dir, 'eslint.config.js'), configs[0]![1]);
    let output = '';
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', 'server.js'], {
        cwd: dir,
        encoding: 'utf8',
      });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    } finally {
      rmSync(path.join(dir, 'eslint.config.js'));
    }
    const [result] = JSON.parse(output) as { messages: { ruleId: string }[] }[];
    expect(result!.messages.map((m) => m.ruleId).sort()).toEqual([
      'secure-express/disable-x-powered-by',
      'secure-express/require-helmet',
    ]);
  });
});
