/**
 * CSRF protection middleware for Express, as their READMEs document them (csrf-csrf 3.x–4.x, csrf-sync 4.x,
 * tiny-csrf 1.x, lusca 1.7, csurf 1.11, deprecated in September 2022; the packages are not installed here).
 */

/** A CSRF middleware is a value of `module` whose path (`()` per call) is one of these. */
export const CSRF_MIDDLEWARE: readonly { module: string; paths: readonly (readonly string[])[] }[] = [
  // `const { doubleCsrfProtection } = doubleCsrf({...})`
  { module: 'csrf-csrf', paths: [['doubleCsrf', '()', 'doubleCsrfProtection']] },
  // `const { csrfSynchronisedProtection } = csrfSync()`
  { module: 'csrf-sync', paths: [['csrfSync', '()', 'csrfSynchronisedProtection'], ['()', 'csrfSynchronisedProtection']] },
  { module: 'tiny-csrf', paths: [['()']] },
  // `lusca.csrf()`; `lusca({ csrf: true })` is checked by its option
  { module: 'lusca', paths: [['csrf', '()']] },
  { module: 'csurf', paths: [['()']] },
];

/** `lusca(options)` protects against CSRF when its `csrf` option is set (and not `false`). */
export const LUSCA = { module: 'lusca', optionKey: 'csrf' } as const;

/** Names that say a middleware of the user's own is CSRF protection (`csrfProtection`, `verifyXsrf`). */
export const CSRF_NAME = /csrf|xsrf/iu;

/** Middleware that makes a browser send a cookie the server trusts: sessions and parsed (signed) cookies. */
export const COOKIE_STATE_MIDDLEWARE: readonly { module: string; path: readonly string[] }[] = [
  { module: 'express-session', path: ['()'] },
  { module: 'cookie-session', path: ['()'] },
  { module: 'cookie-parser', path: ['()'] },
];

/**
 * `req` members that hold what the browser's cookies carry: parsed cookies, the session, and the user that
 * Passport restores from the session (`req.user`, `req.isAuthenticated()`, `req.login()`/`logout()`).
 */
export const COOKIE_STATE_KEYS: ReadonlySet<string> = new Set([
  'cookies', 'signedCookies', 'session', 'sessionID', 'user', 'isAuthenticated', 'isUnauthenticated', 'login', 'logIn',
  'logout', 'logOut',
]);

/** The `req` members that Passport sets from whatever authenticated the request (a session, or a token). */
export const PASSPORT_USER_KEYS: ReadonlySet<string> = new Set(['user', 'isAuthenticated', 'isUnauthenticated']);

/** What a route that a token authenticates still reads from cookies: the cookies and the session, not Passport's user. */
export const TOKEN_ROUTE_KEYS: ReadonlySet<string> = new Set([...COOKIE_STATE_KEYS].filter((key) => !PASSPORT_USER_KEYS.has(key)));

/**
 * Passport strategies that authenticate each request from its `Authorization` header or an API key (passport-jwt,
 * passport-http-bearer, passport-http's basic and digest, passport-headerapikey): run with `{ session: false }`, the
 * user they set comes from that token, not from a cookie, unless the JWT is read from one (a `jwtFromRequest` that
 * reads cookies, in the linted file or any file of the package: `jwtMayComeFromCookies` of src/express).
 */
export const TOKEN_STRATEGIES: ReadonlySet<string> = new Set(['jwt', 'bearer', 'basic', 'digest', 'headerapikey']);

/**
 * Route middleware from modules that authenticate the request by its session cookie (passport 0.7, connect-ensure-login
 * 0.1). An app-wide `passport.session()` only restores `req.user`: a route counts when it reads it.
 */
export const COOKIE_STATE_READERS: readonly { module: string; path: readonly string[] }[] = [
  { module: 'passport', path: ['authenticate', '()'] },
  { module: 'connect-ensure-login', path: ['ensureLoggedIn', '()'] },
  { module: 'connect-ensure-login', path: ['ensureAuthenticated', '()'] },
];
