// A file where no function may receive a request (`FileSigns.mayHandleRequests`: no app of its own or given by another
// file, no Express types, no Node server, Passport strategy or GraphQL server, no function shaped like a handler) has
// no request data, whatever the whole-app model links: the rules that read helpers of other modules ask nothing there,
// and no model of the file is built for them. A file that gets its handlers from an importer is still read.
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

import plugin from '../../src/index';
import { modelsBuilt } from '../../src/express';
import { fixture } from '../helpers/projects';

const HELPER_RULES = ['no-open-redirect', 'no-reflected-xss', 'no-path-traversal', 'no-nosql-injection', 'no-sql-injection'];
const dir = fixture('quiet-helpers');

/** The findings of the helper rules in `files` (the whole project by default), and how many linted files' models were built. */
async function lint(files: readonly string[] = ['.'], crossFile = true): Promise<{ found: string[]; models: number }> {
  const config: Linter.Config[] = [
    {
      plugins: { 'secure-express': plugin as never },
      rules: Object.fromEntries(HELPER_RULES.map((rule) => [`secure-express/${rule}`, 'error'])),
      settings: { 'secure-express': { crossFile } },
    },
    { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
  ];
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config as never });
  const before = modelsBuilt();
  const results = await eslint.lintFiles([...files]);
  expect(results.every((r) => r.fatalErrorCount === 0)).toBe(true);
  const found = results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`)).sort();
  return { found, models: modelsBuilt() - before };
}

describe('helpers of other modules, in files where no request data can be', () => {
  it('reports the helper call of a handler that an importer gives the file, and of a typed handler (CJS, ESM, TS)', async () => {
    expect((await lint()).found).toEqual([
      'routes/go.js:5:38 secure-express/no-open-redirect',
      'routes/go.mjs:4:38 secure-express/no-open-redirect',
      'src/controller.ts:6:64 secure-express/no-open-redirect',
    ]);
    // File by file, helpers of other modules are not read.
    expect((await lint(['.'], false)).found).toEqual([]);
  });

  it.each([['lib/session.js'], ['lib/session.mjs'], ['src/session.ts'], ['lib/relay.js'], ['src/users.service.ts']])(
    'builds no model of %s for its helper calls (express-session named, a callback with a response parameter, a Nest service)',
    async (file) => {
      expect(await lint([file])).toEqual({ found: [], models: 0 });
    },
  );

  it.each([['routes/go.js'], ['routes/go.mjs'], ['src/controller.ts']])('builds the model of %s, whose handler may call the helper', async (file) => {
    const { found, models } = await lint([file]);
    expect(found).toHaveLength(1);
    expect(models).toBe(1);
  });
});
