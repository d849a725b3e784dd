// Lints this plugin's own code: typescript-eslint for all of it, eslint-plugin-eslint-plugin for the rules.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.corpus-cache/', 'examples/', 'tests/fixtures/', 'bench/out/'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/rules/*.ts'],
    ignores: ['src/rules/index.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Require|Disallow|Enforce)' }],
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-schema-description': 'error',
    },
  },
  {
    // A node of another file may come from a parse without `loc` (src/project/parse.ts, src/util/lines.ts): a line for
    // a message comes from `lineOf(node)`, which works for every node.
    // (Fixers, src/util/fix, edit the linted file, whose nodes and tokens have their loc; the template languages have
    // their own trees.)
    files: ['src/express/**/*.ts', 'src/project/**/*.ts', 'src/rules/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='line'] > MemberExpression.object[property.name='start'] > MemberExpression.object[property.name='loc']",
          message: 'Use lineOf(node) from src/util/lines.ts: a node of another file may come from a parse without loc.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.cjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
  },
);
