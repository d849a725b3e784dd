import { Linter } from 'eslint';

import plugin from '../src/index';
import { SEED_002_CSP } from './helpers/seeds';

/**
 * seeds/002 (Express "Security best practices"), its helmet and CSP snippets joined as written: the page's own
 * example must pass the `recommended` config and get exactly one finding under `strict`, the style
 * `'unsafe-inline'`.
 */
function lint(config: 'recommended' | 'strict'): Linter.LintMessage[] {
  const linter = new Linter();
  return linter.verify(
    SEED_002_CSP,
    [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }, ...plugin.configs[config]],
    'server.js',
  );
}

describe("seeds/002's CSP example", () => {
  it('passes the recommended config', () => {
    expect(lint('recommended')).toEqual([]);
  });

  it('gets only the style-src finding under strict', () => {
    const messages = lint('strict');
    expect(messages.map((m) => [m.ruleId, m.messageId, m.line])).toEqual([
      ['secure-express/no-unsafe-csp', 'styleUnsafeInline', 10],
    ]);
  });
});
