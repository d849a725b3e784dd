// Lints the bundled example apps with the built plugin, the way a user's flat config would: the scripts config
// plus the opt-in template and package.json blocks (`recommended-all-files` / `strict-all-files`), so every rule shows.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {'insecure' | 'hardened' | 'nest-insecure' | 'nest-hardened'} example
 * @param {'recommended' | 'strict'} config
 */
export async function lintExample(example, config) {
  const { default: plugin } = await import(path.join(root, 'dist/index.js'));
  const eslint = new ESLint({
    cwd: path.join(root, 'examples', example),
    overrideConfigFile: true,
    overrideConfig: [
      ...plugin.configs[`${config}-all-files`],
      { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
      // The NestJS examples are TypeScript with decorators.
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    ],
  });
  return { eslint, results: await eslint.lintFiles(['.']) };
}
