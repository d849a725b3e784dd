import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { expect } from 'vitest';

import plugin from '../../src/index';

/** The fixture projects of several files (tests/fixtures/projects). */
export const projects = path.resolve(__dirname, '../fixtures/projects');

/** The folder of one fixture project. */
export const fixture = (name: string): string => path.join(projects, name);

/** What a lint of a project found: `file:line:column rule` keys, sorted, and the message of each. */
export interface ProjectFindings {
  list: string[];
  messages: Map<string, string>;
  /** Every finding as `file:line:column rule: message`, sorted (`messages` keeps one message per key). */
  all: string[];
}

/**
 * Lints a project folder the way a user's flat config would: CommonJS `.js` files (and `bin/*` entries), ESM `.mjs`,
 * TypeScript through typescript-eslint, with the whole-app model on or off. Asserts that every file parsed.
 */
export async function lintProject(dir: string, config: 'recommended' | 'strict', crossFile = true): Promise<ProjectFindings> {
  const userConfig: Linter.Config[] = [
    ...plugin.configs[config],
    { files: ['**/*.js', 'bin/*'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
    { settings: { 'secure-express': { crossFile } } },
  ];
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: userConfig as never });
  const results = await eslint.lintFiles(['.']);
  expect(results.every((r) => r.fatalErrorCount === 0)).toBe(true);
  const messages = new Map<string, string>();
  const all: string[] = [];
  const list = results
    .flatMap((r) =>
      r.messages.map((m) => {
        const key = `${path.relative(dir, r.filePath).split(path.sep).join('/')}:${m.line}:${m.column} ${m.ruleId?.replace('secure-express/', '')}`;
        messages.set(key, m.message);
        all.push(`${key}: ${m.message}`);
        return key;
      }),
    )
    .sort();
  return { list, messages, all: all.sort() };
}

/** Changes to a copy of a fixture project, per file: new text, a function of the old text (which must change it), or `null` to delete. */
export type FixtureChanges = Readonly<Record<string, string | null | ((text: string) => string)>>;

/** Runs `fn` on a copy of the fixture project `name` with `changes` applied, then removes the copy. */
export async function withFixtureCopy<T>(name: string, changes: FixtureChanges, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), `secure-express-${name}-`));
  try {
    cpSync(fixture(name), dir, { recursive: true });
    for (const [file, change] of Object.entries(changes)) {
      const target = path.join(dir, file);
      if (change === null) {
        rmSync(target);
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      const text = typeof change === 'string' ? change : change(readFileSync(target, 'utf8'));
      if (typeof change !== 'string') expect(text).not.toBe(readFileSync(target, 'utf8'));
      writeFileSync(target, text);
    }
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lints (strict by default) a copy of the fixture project `name` with `changes` applied, then removes the copy. */
export function lintFixtureCopy(name: string, changes: FixtureChanges, crossFile: boolean, config: 'recommended' | 'strict' = 'strict'): Promise<ProjectFindings> {
  return withFixtureCopy(name, changes, (dir) => lintProject(dir, config, crossFile));
}

/**
 * Writes `files` (path -> text) into a temporary folder, lints its file `name` with `config` (ESLint's `Linter`, its
 * cwd that folder, so that the project model reads the other files) and removes the folder: each finding as
 * `line:column rule`, with the message when asked.
 */
export function lintWritten(files: Record<string, string>, name: string, config: Linter.Config[], withMessage = false): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-written-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const file = path.join(dir, name);
    return new Linter({ cwd: dir }).verify(readFileSync(file, 'utf8'), config, { filename: file }).map((m) => `${m.line}:${m.column} ${m.ruleId}${withMessage ? ` ${m.message}` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
