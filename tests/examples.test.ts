import path from 'node:path';

import plugin from '../src/index';

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
  // One finding per insecure pattern: every rule of `recommended` that applies to this app reports exactly once
  // per place (some places hold two problems).
  it('finds the insecure patterns of examples/insecure with the recommended-all-files config', async () => {
    const { results } = (await lintExample('insecure', 'recommended')) as { results: Result[] };
    expect(findings(results, 'insecure')).toEqual([
      'package.json:12 secure-express/no-vulnerable-express-version',
      'package.json:14 secure-express/no-vulnerable-express-version',
      'package.json:16 secure-express/no-vulnerable-express-version',
      'package.json:9 secure-express/no-vulnerable-express-version',
      'src/admin.js:14 secure-express/no-unsafe-csp',
      'src/admin.js:14 secure-express/no-unsafe-csp',
      'src/admin.js:17 secure-express/no-disabled-helmet-protections',
      'src/admin.js:21 secure-express/no-removed-helmet-api',
      'src/admin.js:22 secure-express/no-removed-helmet-api',
      'src/controllers/account.js:13 secure-express/no-reflected-xss',
      'src/controllers/account.js:17 secure-express/no-open-redirect',
      'src/controllers/account.js:21 secure-express/no-nosql-injection',
      // Cross-file helpers: SQL text run by runReport (src/db.js), the error sent by sendError (src/lib/respond.js).
      'src/controllers/account.js:28 secure-express/no-sql-injection',
      'src/controllers/account.js:31 secure-express/no-error-details-in-response',
      'src/controllers/reports.ts:13 secure-express/no-reflected-xss',
      'src/controllers/reports.ts:8 secure-express/no-path-traversal',
      // Cross-file: a controller registered by src/routes/files.js.
      'src/controllers/returns.js:5 secure-express/no-open-redirect',
      'src/db.js:10 secure-express/no-hardcoded-secrets',
      'src/routes/files.js:11 secure-express/no-path-traversal',
      'src/routes/files.js:15 secure-express/no-sql-injection',
      // Cross-file: the router is mounted in src/server.js behind the session and no CSRF protection.
      'src/routes/files.js:22 secure-express/no-nosql-injection',
      'src/routes/files.js:27 secure-express/no-unsafe-regex',
      'src/routes/files.js:28 secure-express/no-deprecated-express-api',
      'src/routes/files.js:31 secure-express/no-deprecated-express-api',
      'src/routes/files.js:32 secure-express/no-deprecated-express-api',
      'src/routes/files.js:32 secure-express/no-sql-injection',
      'src/routes/files.js:33 secure-express/no-deprecated-express-api',
      'src/server.js:17 secure-express/disable-x-powered-by',
      'src/server.js:17 secure-express/require-helmet',
      'src/server.js:20 secure-express/no-trust-proxy-true',
      'src/server.js:22 secure-express/no-permissive-cors',
      'src/server.js:23 secure-express/no-unbounded-body',
      'src/server.js:25 secure-express/no-hardcoded-secrets',
      'src/server.js:28 secure-express/no-default-session-name',
      'src/server.js:28 secure-express/no-memory-session-store',
      'src/server.js:29 secure-express/no-hardcoded-secrets',
      'src/server.js:32 secure-express/secure-cookies',
      'src/server.js:39 secure-express/require-csrf-protection',
      'src/server.js:39 secure-express/require-rate-limit',
      // Cross-file helper: findUserByEmail (src/db.js) puts its parameter into a Mongo filter.
      'src/server.js:40 secure-express/no-nosql-injection',
      'src/server.js:44 secure-express/no-weak-password-hash',
      'src/server.js:45 secure-express/no-weak-password-hash',
      'src/server.js:49 secure-express/no-hardcoded-secrets',
      'src/server.js:50 secure-express/secure-cookies',
      // res.cookie('token', token): secure and sameSite (fixable), then httpOnly (a suggestion)
      'src/server.js:50 secure-express/secure-cookies',
      'src/server.js:51 secure-express/no-open-redirect',
      'src/server.js:54 secure-express/require-rate-limit',
      'src/server.js:55 secure-express/no-weak-password-hash',
      'src/server.js:57 secure-express/no-reflected-xss',
      'src/server.js:61 secure-express/no-unsafe-regex',
      'src/server.js:70 secure-express/no-unsafe-template-rendering',
      'src/server.js:76 secure-express/no-error-details-in-response',
      'src/services/payments.js:7 secure-express/no-insecure-tls',
      'src/services/payments.js:9 secure-express/no-insecure-tls',
      'src/services/payments.js:9 secure-express/no-insecure-tls',
      'views/profile.ejs:6 secure-express/no-unescaped-template-output',
    ]);
  });

  it('shows every rule of the recommended-all-files config at least once', async () => {
    const recommended = plugin.configs['recommended-all-files'].flatMap((c) => Object.keys(c.rules ?? {}));
    const { results } = (await lintExample('insecure', 'recommended')) as { results: Result[] };
    const shown = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    expect(recommended.filter((id) => !shown.has(id))).toEqual([]);
  });

  it('finds nothing in examples/hardened with the strict-all-files config', async () => {
    const { results } = (await lintExample('hardened', 'strict')) as { results: Result[] };
    expect(findings(results, 'hardened')).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(5);
  });
});

describe('NestJS examples', () => {
  // Each controller sits in its own file; the project model follows main.ts → AppModule → the controllers, so the
  // login route knows that no ThrottlerGuard runs before it (and nest-hardened's APP_GUARD in app.module.ts).
  it('finds the insecure patterns of examples/nest-insecure with the recommended-all-files config', async () => {
    const { results } = (await lintExample('nest-insecure', 'recommended')) as { results: Result[] };
    expect(findings(results, 'nest-insecure')).toEqual([
      'src/auth/auth.controller.ts:14 secure-express/require-rate-limit',
      'src/auth/auth.controller.ts:16 secure-express/no-sql-injection',
      'src/auth/auth.controller.ts:22 secure-express/no-open-redirect',
      'src/files/files.controller.ts:14 secure-express/no-path-traversal',
      'src/files/files.controller.ts:9 secure-express/no-reflected-xss',
      'src/main.ts:10 secure-express/no-trust-proxy-true',
      'src/main.ts:11 secure-express/no-permissive-cors',
      'src/main.ts:12 secure-express/no-unbounded-body',
      'src/main.ts:13 secure-express/no-default-session-name',
      'src/main.ts:13 secure-express/no-hardcoded-secrets',
      'src/main.ts:13 secure-express/no-memory-session-store',
      'src/main.ts:13 secure-express/secure-cookies',
      'src/main.ts:9 secure-express/disable-x-powered-by',
      'src/main.ts:9 secure-express/require-helmet',
    ]);
  });

  it('finds nothing in examples/nest-hardened with the strict-all-files config', async () => {
    const { results } = (await lintExample('nest-hardened', 'strict')) as { results: Result[] };
    expect(findings(results, 'nest-hardened')).toEqual([]);
    expect(results.length).toBe(5);
  });
});
