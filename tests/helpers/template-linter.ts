import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';

import plugin from '../../src/index';

/** Real template files for the tests. */
export const TEMPLATE_FIXTURES = path.resolve('tests/fixtures/templates');

export const RULE_ID = 'secure-express/no-unescaped-template-output';

export interface Finding {
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  ruleId: string | null;
  message: string;
  /** The whole text after applying each suggestion. */
  suggestions: string[];
}

interface LintOptions {
  /** Config objects added after the shipped `recommended-all-files` config. */
  extra?: Linter.Config[];
  /** Another ESLint class (ESLint 9). */
  ESLintClass?: new (options: ESLint.Options) => Pick<ESLint, 'lintText' | 'lintFiles'>;
}

function engine(options: LintOptions): Pick<ESLint, 'lintText' | 'lintFiles'> {
  const ESLintClass = options.ESLintClass ?? ESLint;
  return new ESLintClass({
    cwd: TEMPLATE_FIXTURES,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs['recommended-all-files'], ...(options.extra ?? [])],
  });
}

/** Applies one suggestion (or fix) of an ESLint result message to the text. */
export function applyFix(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function findings(text: string, messages: Linter.LintMessage[]): Finding[] {
  return messages.map((m) => ({
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    ruleId: m.ruleId,
    message: m.message,
    suggestions: (m.suggestions ?? []).map((s) => applyFix(text, s.fix)),
  }));
}

/** Lints template text as the file `name` (its extension picks the engine) with the shipped config. */
export async function lintTemplate(text: string, name: string, options: LintOptions = {}): Promise<Finding[]> {
  const [result] = await engine(options).lintText(text, { filePath: path.join(TEMPLATE_FIXTURES, name) });
  return findings(text, result!.messages);
}

/** Lints a real file of the fixtures folder with the shipped config. */
export async function lintFixture(name: string, options: LintOptions = {}): Promise<Finding[]> {
  const [result] = await engine(options).lintFiles([name]);
  return findings(readFileSync(path.join(TEMPLATE_FIXTURES, name), 'utf8'), result!.messages);
}
