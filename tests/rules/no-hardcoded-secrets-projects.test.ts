import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

import plugin from '../../src/index';
import { fixture, lintProject } from '../helpers/projects';

const risk = 'anyone who can read the code (repository, image, bundle, build logs) can sign their own tokens. Read it from the environment or a secret manager.';

describe('no-hardcoded-secrets: a key exported by another file, read as a positional argument (tests/fixtures/projects/secrets-elsewhere)', () => {
  it('jwt.sign({}, config.jwtSecret) is reported where it is read, naming the file, for CJS, ESM (default and named exports) and TS; keys from the environment or rewritten later are not', async () => {
    const on = await lintProject(fixture('secrets-elsewhere'), 'strict');
    expect(on.list).toEqual([
      // env-config.js: process.env alone gives nothing, its literal fallback is reported where line 7 reads it;
      // mutated-config.js (rewritten) gives nothing. helper.mjs shows no sign of Express but names jsonwebtoken, which
      // starts the walk: its read of settings.mjs counts.
      'helper.mjs:6:58 no-hardcoded-secrets',
      'tokens.js:6:82 no-hardcoded-secrets',
      'tokens.js:7:113 no-hardcoded-secrets',
      'tokens.mjs:4:100 no-hardcoded-secrets',
      'tokens.mjs:4:63 no-hardcoded-secrets',
      'tokens.ts:5:110 no-hardcoded-secrets',
    ]);
    expect(on.messages.get('tokens.js:6:82 no-hardcoded-secrets')).toBe(`Hardcoded jwt.sign() key (from config.js:3): ${risk}`);
    expect(on.messages.get('tokens.js:7:113 no-hardcoded-secrets')).toBe(
      'Literal fallback for the jwt.verify() key (from env-config.js:2): when the environment does not set it, the app silently runs with a secret that anyone who can read the code knows, and they can sign their own tokens.',
    );
    expect(on.messages.get('tokens.mjs:4:63 no-hardcoded-secrets')).toBe(`Hardcoded jwt.sign() key (from settings.mjs:1): ${risk}`);
    expect(on.messages.get('tokens.mjs:4:100 no-hardcoded-secrets')).toBe(`Hardcoded jwt.sign() key (from settings.mjs:2): ${risk}`);
    expect(on.messages.get('tokens.ts:5:110 no-hardcoded-secrets')).toBe(`Hardcoded jwt.sign() key (from ts-settings.ts:1): ${risk}`);
    expect(on.messages.get('helper.mjs:6:58 no-hardcoded-secrets')).toBe(`Hardcoded jwt.sign() key (from settings.mjs:2): ${risk}`);
    // The single-file view: a value read from another file is unknown.
    expect((await lintProject(fixture('secrets-elsewhere'), 'strict', false)).list).toEqual([]);
  });

  it('gives no suggestion for a key of another file (the fix belongs in that file)', async () => {
    const eslint = new ESLint({
      cwd: fixture('secrets-elsewhere'),
      overrideConfigFile: true,
      overrideConfig: [
        ...plugin.configs.recommended,
        { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
        { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
      ] as never,
    });
    const results = await eslint.lintFiles(['tokens.js', 'tokens.mjs', 'tokens.ts']);
    const messages = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'secure-express/no-hardcoded-secrets'));
    expect(messages.map((m) => m.suggestions ?? [])).toEqual([[], [], [], [], []]);
  });
});
