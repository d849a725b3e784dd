// A package written to a temporary folder and linted file by file with `strict`, as an editor or CI lints it: the
// shared scaffold of the cross-file tests (tests/project/*.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../../src/index';

export const cjs = [...plugin.configs.strict, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' as const } }] as Linter.Config[];
export const esm = [...plugin.configs.strict, { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' as const } }] as Linter.Config[];
export const ts = [...plugin.configs.strict, { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' as const } }] as Linter.Config[];
/** The same with `recommended` (no-sql-injection without checkEveryPart: a helper's own file reports fewer SQL parts). */
export const recommendedCjs = [...plugin.configs.recommended, ...cjs.slice(plugin.configs.strict.length)] as Linter.Config[];
export const recommendedEsm = [...plugin.configs.recommended, ...esm.slice(plugin.configs.strict.length)] as Linter.Config[];
export const recommendedTs = [...plugin.configs.recommended, ...ts.slice(plugin.configs.strict.length)] as Linter.Config[];

export interface LintOptions {
  config?: Linter.Config[];
  /** Only the findings of the rules this matches (all when absent). */
  rules?: RegExp;
  /** How a finding is written: `line:column ruleId` by default. */
  format?: (message: Linter.LintMessage) => string;
}

/** `line:column ruleId`. */
const plain = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;

/** Lints `name` (relative to `dir`) as it is on disk now. */
export function lintFile(dir: string, name: string, { config = cjs, rules, format = plain }: LintOptions = {}): string[] {
  const file = path.join(dir, name);
  return new Linter({ cwd: dir })
    .verify(readFileSync(file, 'utf8'), config, { filename: file })
    .filter((m) => !rules || (m.ruleId !== null && rules.test(m.ruleId)))
    .map(format);
}

/** Writes `files` to a new temporary folder, runs `run` with a linter of its files, and removes the folder. */
export function withProject(
  label: string,
  files: Record<string, string>,
  run: (lint: (name: string) => string[], dir: string) => void,
  options: LintOptions = {},
): void {
  const dir = mkdtempSync(path.join(tmpdir(), `secure-express-${label}-`));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    run((name) => lintFile(dir, name, options), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
