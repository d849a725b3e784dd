// The whole-app model keeps other files' syntax trees for the rest of the process (their analyses, src/project), and a
// tree it parsed for ESLint is the very one ESLint lints (src/project/shared-parses.ts). What the plugin caches on a
// tree must then not keep the rule context of that lint: a context's file context holds ESLint's whole state of the
// lint (its traversal, every rule's listeners, the problems). On Ghost that was about 15 MB kept to the end of the run.
import { readdirSync } from 'node:fs';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index';
import { sharedParseCount } from '../../src/project/shared-parses';
import { collect } from '../helpers/gc';
import { fixture } from '../helpers/projects';

/**
 * Lints a fixture project with `recommended` and a probe rule that keeps a weak reference to each file's lint state (the
 * file context every rule's context inherits from); returns those references once the lint and its results are let go.
 */
async function lintStates(name: string, crossFile: boolean): Promise<{ states: Map<string, WeakRef<object>>; handed: number }> {
  const dir = fixture(name);
  const states = new Map<string, WeakRef<object>>();
  const probe = {
    rules: {
      state: {
        create(context: { filename: string }) {
          states.set(path.relative(dir, context.filename), new WeakRef(Object.getPrototypeOf(context) as object));
          return {};
        },
      },
    },
  };
  const before = sharedParseCount();
  await (async () => {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        ...plugin.configs.recommended,
        { files: ['**/*.js', 'bin/*'], languageOptions: { sourceType: 'commonjs' } },
        { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
        { files: ['**/*.{js,mjs,ts}', 'bin/*'], plugins: { probe }, rules: { 'probe/state': 'error' } },
        { settings: { 'secure-express': { crossFile } } },
      ] as never,
    });
    const results = await eslint.lintFiles(['.']);
    expect(results.length).toBeGreaterThan(1);
    expect(results.every((r) => r.fatalErrorCount === 0)).toBe(true);
  })();
  const handed = sharedParseCount() - before;
  await collect();
  return { states, handed };
}

describe('the lint state of a file is not kept by what the plugin caches on its syntax tree', () => {
  for (const [name, files] of [
    ['generator', ['app.js', 'routes/index.js', 'routes/users.js']],
    ['esm', null],
    ['typescript', null],
  ] as const) {
    it(`${name}: every file's lint state is let go after the lint, whole-app (parses handed to ESLint and kept by the project) and single-file`, async () => {
      if (!readdirSync(fixture(name)).length) throw new Error(`no fixture ${name}`);
      for (const crossFile of [true, false]) {
        const { states, handed } = await lintStates(name, crossFile);
        // (The whole-app lint of a JavaScript layout hands ESLint parses the project keeps: otherwise nothing here could
        // keep a state. Whether the TypeScript layout's first lint hands one depends on which file ESLint reads first.)
        if (crossFile && name !== 'typescript') expect(handed).toBeGreaterThan(0);
        if (files) expect([...states.keys()]).toEqual(expect.arrayContaining([...files]));
        const kept = [...states].filter(([, ref]) => ref.deref() !== undefined).map(([file]) => file);
        expect(kept).toEqual([]);
      }
    });
  }
});
