import { describe, expect, it } from 'vitest';

import { fixture, lintProject as lint } from './helpers/projects';

describe("tsoa's generated routes (tests/fixtures/projects/tsoa-routes)", () => {
  it('trial 27: a route with the generated ...fetchMiddlewares(...) spreads has an unknown chain; one without is checked', async () => {
    // src/app.ts hands the app to RegisterRoutes of src/routes/routes.ts (tsoa's generated file), whose POST /auth/login
    // spreads fetchMiddlewares(AuthController) and fetchMiddlewares(AuthController.prototype.login): they hold the
    // controller's @Middlewares(loginLimiter), which no file shows as middleware. The route is not reported (it was,
    // as having no limiter, before trial 27). POST /auth/reset-password, written without the spreads, still is.
    for (const config of ['recommended', 'strict'] as const) {
      const found = await lint(fixture('tsoa-routes'), config);
      expect(found.all).toEqual([
        "src/routes/routes.ts:29:12 require-rate-limit: Authentication route 'POST /auth/reset-password' on 'app (passed in src/app.ts:12)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
        ...(config === 'strict' ? ["src/app.ts:10:173 secure-cookies: The express-session cookie has no 'maxAge' or 'expires': it lives as long as the browser runs."] : []),
      ].sort());
    }
  });
});
