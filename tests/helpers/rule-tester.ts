import { RuleTester, type TestLanguageOptions } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';

/** ES modules parsed by @typescript-eslint/parser, as most users' TS and modern JS is. */
export const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

/** Language options for a CommonJS file (so `require` is Node's and the file is a function scope). */
// The tester passes `languageOptions` on to ESLint whole; its type just does not list `sourceType`.
export const commonjs = { sourceType: 'commonjs' } as TestLanguageOptions;

/** Removes the common indentation of a template string, so test sources and outputs can be indented. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/u, '').replace(/\n[ \t]*$/u, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */u.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

type TesterRule<M extends string, O extends readonly unknown[]> = Parameters<typeof ruleTester.run<M, O>>[1];
type Tests<M extends string, O extends readonly unknown[]> = Parameters<typeof ruleTester.run<M, O>>[2];

/**
 * `ruleTester.run` plus the plugin's own guarantees: every fixed output, linted again, gets no report from the
 * same rule (fixes are complete and idempotent), and the rule does not throw on an empty file. A case whose
 * output is only partly fixed on purpose (one fix of several in one pass) opts out by a `name` that starts
 * with `partial fix:`.
 */
export function runRuleTests<M extends string, O extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<M, O>,
  tests: Tests<M, O>,
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
  // The tester may bring its own copy of @typescript-eslint/utils (a patch version apart): same shape, other types.
  ruleTester.run(name, rule as unknown as TesterRule<M, O>, {
    valid: [...tests.valid, ...(seen.has('') ? [] : ['']), ...relinted],
    invalid: tests.invalid,
  });
}
