import path from 'node:path';

// The example apps are linted with the built plugin, as `npm run demo` does (npm test builds first).
// @ts-expect-error: a plain .mjs helper shared with the demo script, without type declarations
import { lintExample } from '../scripts/lint-examples.mjs';

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string; fatal?: boolean }[];
}

const findings = (results: Result[], example: string) =>
  results
    .flatMap((r) =>
      r.messages.map((m) => `${path.relative(path.resolve(__dirname, '../examples', example), r.filePath)}:${m.line} ${m.ruleId ?? m.message}`),
    )
    .sort();

describe('examples', () => {
  it('finds the insecure patterns of examples/insecure with the recommended config', async () => {
    const { results } = (await lintExample('insecure', 'recommended')) as { results: Result[] };
    expect(findings(results, 'insecure')).toEqual([
      'src/db.js:10 secure-express/no-hardcoded-secrets',
      'src/server.js:17 secure-express/disable-x-powered-by',
      'src/server.js:17 secure-express/require-helmet',
      'src/server.js:25 secure-express/no-hardcoded-secrets',
      'src/server.js:28 secure-express/no-default-session-name',
      'src/server.js:28 secure-express/no-memory-session-store',
      'src/server.js:29 secure-express/no-hardcoded-secrets',
      'src/server.js:32 secure-express/secure-cookies',
      'src/server.js:49 secure-express/no-hardcoded-secrets',
      'src/server.js:50 secure-express/secure-cookies',
      'views/profile.ejs:6 secure-express/no-unescaped-template-output',
    ]);
  });

  it('finds nothing in examples/hardened with the strict config', async () => {
    const { results } = (await lintExample('hardened', 'strict')) as { results: Result[] };
    expect(findings(results, 'hardened')).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(5);
  });
});
