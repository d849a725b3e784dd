import * as tsParser from '@typescript-eslint/parser';
import { RuleTester, type RunTests, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

/** ES modules parsed by @typescript-eslint/parser, as most users' TS and modern JS is. */
export const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

/**
 * Language options for a CommonJS file (so `require` is Node's and the file has a module scope). The tester
 * passes `sourceType` on to ESLint at run time; its types do not list it yet, hence the cast.
 */
export const commonjs = { sourceType: 'commonjs' } as unknown as NonNullable<ValidTestCase<[]>['languageOptions']>;

/** Removes the common indentation of a template string, so test sources and outputs can be indented. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/u, '').replace(/\n[ \t]*$/u, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */u.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/**
 * `ruleTester.run` plus the plugin's own guarantees: every fixed output, linted again, gets no report from the
 * same rule (fixes are complete and idempotent), and the rule does not throw on an empty file. A case whose
 * output is only partly fixed on purpose (one fix of several in one pass) opts out by a `name` that starts
 * with `partial fix:`.
 */
export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: RunTests<MessageIds, Options>,
): void {
  const seen = new Set(tests.valid.map((v) => (typeof v === 'string' ? v : v.code)));
  const relinted = tests.invalid
    .filter((c) => typeof c.output === 'string' && !c.name?.startsWith('partial fix:'))
    .filter((c) => !seen.has(c.output as string) && seen.add(c.output as string))
    .map((c) => ({
      name: `re-linting the fixed output of: ${c.name ?? c.code.slice(0, 60)}`,
      code: c.output as string,
      ...(c.filename ? { filename: c.filename } : {}),
      ...(c.languageOptions ? { languageOptions: c.languageOptions } : {}),
      ...(c.options ? { options: c.options } : {}),
      ...(c.settings ? { settings: c.settings } : {}),
    }));
  ruleTester.run(name, rule, {
    valid: [...tests.valid, ...(seen.has('') ? [] : ['']), ...relinted],
    invalid: tests.invalid,
  });
  describe(`${name}: one report per node`, () => {
    it('never reports the same problem twice on one node, on any test input', () => {
      const inputs = [...tests.valid.map((v) => (typeof v === 'string' ? { code: v } : v)), ...tests.invalid];
      for (const input of inputs) {
        const twice = duplicateReports(rule, input);
        expect(twice, `${input.name ?? input.code.slice(0, 80)}`).toEqual([]);
      }
    });
  });
}

/**
 * The reports of `rule` on one test input that repeat an earlier report (same node, same message): each problem
 * is reported once, whatever the number of paths that lead to it (an options object shared by two calls, a
 * value reached twice). Two different problems of one node (CSP `'* data:'` holds two unsafe sources) are two
 * reports.
 */
export function duplicateReports(
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  input: Pick<ValidTestCase<readonly unknown[]>, 'code' | 'filename' | 'languageOptions' | 'options' | 'settings'>,
): string[] {
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const messages = linter.verify(
    input.code,
    [
      {
        files: ['**'],
        languageOptions: {
          parser: tsParser as Linter.Parser,
          parserOptions: { ecmaFeatures: { jsx: true } },
          ...(input.languageOptions as Linter.LanguageOptions | undefined),
        },
        plugins: { probe: { rules: { rule: rule as never } } },
        rules: { 'probe/rule': ['error', ...((input.options ?? []) as unknown[])] },
        settings: (input.settings ?? {}) as Record<string, unknown>,
      },
    ],
    { filename: input.filename ?? 'file.ts' },
  );
  const seen = new Set<string>();
  const twice: string[] = [];
  // A config that does not apply or a parse error would make this check pass without linting anything.
  const unlinted = messages.find((m) => m.ruleId === null);
  if (unlinted) throw new Error(`not linted: ${unlinted.message}`);
  for (const m of messages) {
    const key = `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`;
    if (m.ruleId === 'probe/rule' && seen.has(key)) twice.push(key);
    seen.add(key);
  }
  return twice;
}
