// The project model reads a file that ESLint linted earlier through ESLint's own parse (src/project/index.ts,
// `register`): it is not parsed again when it is needed as an importer, and the findings are the same either way.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Linter } from 'eslint';

import plugin from '../../src/index';
import { parseCounts } from '../../src/project';

const generator = path.resolve(__dirname, '../fixtures/projects/generator');

function inCopy(fn: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-register-'));
  try {
    cpSync(generator, dir, { recursive: true });
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const config = [...plugin.configs.recommended, { files: ['**/*.js', 'bin/*'], languageOptions: { sourceType: 'commonjs' as const } }] as Linter.Config[];

function lintFile(linter: Linter, file: string, text = readFileSync(file, 'utf8')): string[] {
  return linter.verify(text, config, { filename: file }).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
}

describe('a linted file is read through its own parse', () => {
  it('app.js linted before routes/users.js needs it (as its importer) is not parsed again; the findings are those of a fresh parse', () => {
    let registered: string[] = [];
    inCopy((dir) => {
      const linter = new Linter({ cwd: dir });
      lintFile(linter, path.join(dir, 'app.js'));
      registered = lintFile(linter, path.join(dir, 'routes/users.js'));
      const parsed = [...parseCounts().keys()].filter((file) => file.startsWith(dir));
      expect(parsed).not.toContain(path.join(dir, 'app.js'));
      // bin/www is no file of the shipped configs (no extension): the project model parses it.
      expect(parsed).toContain(path.join(dir, 'bin/www'));
    });
    let fresh: string[] = [];
    inCopy((dir) => {
      // routes/users.js first: the project model parses app.js and bin/www itself.
      fresh = lintFile(new Linter({ cwd: dir }), path.join(dir, 'routes/users.js'));
      const parsed = [...parseCounts().keys()].filter((file) => file.startsWith(dir));
      expect(parsed).toContain(path.join(dir, 'app.js'));
    });
    expect(registered).toEqual(fresh);
    expect(registered).toContain('4:13 secure-express/require-rate-limit');
  });

  it('a text that is not the file on disk (a --fix pass, an unsaved editor buffer) is not taken for the file', () => {
    inCopy((dir) => {
      const linter = new Linter({ cwd: dir });
      const app = path.join(dir, 'app.js');
      // The buffer drops the app's export: were it taken for app.js, users.js would lose its importer's facts.
      lintFile(linter, app, readFileSync(app, 'utf8').replace('module.exports = app;', ''));
      const users = lintFile(linter, path.join(dir, 'routes/users.js'));
      expect(parseCounts().get(app)).toBe(1);
      expect(users).toContain('4:13 secure-express/require-rate-limit');
    });
  });
});
