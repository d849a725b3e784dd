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
