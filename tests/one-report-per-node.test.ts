// Each problem is reported once: no rule reports the same node twice with the same message, on the example apps
// (linted as tests/examples.test.ts does, with the built plugin) under both configs. Every rule test's inputs get
// the same check in runRuleTests (tests/helpers/rule-tester.ts); the corpus run in scripts/test-corpus.mjs.
// @ts-expect-error: a plain .mjs helper shared with the demo script, without type declarations
import { lintExample } from '../scripts/lint-examples.mjs';

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; message: string }[];
}

describe('one report per node per rule', () => {
  it.each([
    ['insecure', 'recommended'],
    ['insecure', 'strict'],
    ['hardened', 'recommended'],
    ['hardened', 'strict'],
  ])('examples/%s with %s', async (example, config) => {
    const { results } = (await lintExample(example, config)) as { results: Result[] };
    const keys = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message}`),
    );
    expect(keys.length).toBeGreaterThan(example === 'insecure' ? 10 : -1);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
