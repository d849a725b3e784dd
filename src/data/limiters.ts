/**
 * Rate limiters for Express, as their READMEs document them (express-rate-limit 7.x–8.x, express-slow-down 2.x,
 * express-brute 1.x, rate-limiter-flexible 5.x–7.x; the packages are not installed here, so no file was read).
 */

/** A limiter middleware is a value of `module` whose path (from the export object, `()` per call) is one of these. */
export const LIMITER_MIDDLEWARE: readonly { module: string; paths: readonly (readonly string[])[] }[] = [
  // `rateLimit({...})`, `import { rateLimit } from`, `slowDown` re-exported by name in some setups
  { module: 'express-rate-limit', paths: [['()'], ['rateLimit', '()'], ['default', '()'], ['slowDown', '()']] },
  { module: 'express-slow-down', paths: [['()'], ['slowDown', '()']] },
  // `const brute = new ExpressBrute(store); brute.prevent`, `brute.getMiddleware({...})`
  { module: 'express-brute', paths: [['()', 'prevent'], ['()', 'getMiddleware', '()']] },
  // NestJS: `@UseGuards(ThrottlerGuard)`, `app.useGlobalGuards(new ThrottlerGuard(...))`, `{ provide: APP_GUARD, useClass: ThrottlerGuard }`
  { module: '@nestjs/throttler', paths: [['ThrottlerGuard'], ['ThrottlerGuard', '()'], ['Throttle', '()']] },
];

/** rate-limiter-flexible has no middleware: a limiter is a function that calls `limiter.consume(key)`. */
export const CONSUMING_MODULE = 'rate-limiter-flexible';
export const CONSUME_METHOD = 'consume';

/** Names that say a middleware of the user's own is a rate limiter (`loginLimiter`, `throttle`, `bruteForce`). */
export const LIMITER_NAME = /rate.?limit|limiter|throttl|brute|slow.?down/iu;

/**
 * Last path segments of routes that end a session and take no credentials (`POST /auth/logout`): not authentication
 * routes, even under a path that is (`/auth`), unless the user's `authPaths` name them.
 */
export const SIGN_OUT_SEGMENTS: readonly string[] = ['logout', 'log-out', 'log_out', 'signout', 'sign-out', 'sign_out', 'logoff', 'log-off'];

/** Route paths that take credentials or tokens: the ones brute force and credential stuffing aim at. */
export const DEFAULT_AUTH_PATHS: readonly string[] = [
  'login', 'signin', 'sign-in', 'logon', 'auth', 'token', 'password', 'reset', 'register', 'signup', 'sign-up',
  'otp', '2fa', 'mfa', 'verify',
];

/**
 * Words of `DEFAULT_AUTH_PATHS` that name many other things too (`/reset-user-file`, `/create-web-token`,
 * `/auth-callback`, `/push-token`): they make an authentication route alone as a segment (`/token`, `/auth/...`,
 * `/reset/:id`), or joined by `-` or `_` to another word of the list (`/reset-password`, `/verify-token`) or of
 * `CREDENTIAL_EXCHANGE_WORDS` (`/access-token`, `/forgot-reset`); not in other compounds. (A list the user gives in
 * `authPaths` has no such words: each of its words counts in any compound.)
 */
export const SEGMENT_AUTH_WORDS: readonly string[] = ['auth', 'token', 'reset'];

/** Words that, joined to a word of `SEGMENT_AUTH_WORDS`, name an exchange of credentials for a token or a reset. */
export const CREDENTIAL_EXCHANGE_WORDS: readonly string[] = [
  'access', 'refresh', 'request', 'get', 'issue', 'api', 'jwt', 'oauth', 'bearer', 'session', 'forgot', 'recover',
  'confirm', 'validate', 'check', 'code', 'magic', 'link', 'email', 'phone', 'pin',
];
