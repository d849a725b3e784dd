/**
 * Cookie and session facts of the libraries the cookie rules know, read from the published packages:
 * express-session 1.19.0 (`session/cookie.js`, README), cookie-session 2.1.1 (`index.js`, README, and the
 * `cookies` package it hands its options to), Express 4.22.3 / 5.3.0 `res.cookie` (`lib/response.js`), and the
 * `cookie` package's `serialize` (1.x). See /shared/FACTS.md.
 */

/** What a library does when a flag is not given. `'auto'` follows the request's protocol (`req.secure`). */
export interface CookieDefaults {
  /** How messages name this source. */
  readonly label: string;
  /**
   * A per-cookie API (`res.cookie`, `cookie.serialize`, a `Set-Cookie` string): the app sets cookies of every
   * kind through it, some of which browser code must read, so adding `httpOnly` is a suggestion, not a fix.
   * A session library's own cookie is never read by scripts, so a fix stays right there.
   */
  readonly perCookie: boolean;
  readonly httpOnly: boolean;
  readonly secure: false | 'auto';
  /** `sameSite` is never set by default by any of them. */
  readonly sameSite: null;
  /** `null`: a browser-session cookie (no `maxAge`/`expires`). */
  readonly expiry: null;
}

export type CookieSource = 'express-session' | 'cookie-session' | 'res.cookie' | 'cookie.serialize' | 'Set-Cookie';

export const COOKIE_DEFAULTS: Readonly<Record<CookieSource, CookieDefaults>> = {
  // express-session 1.19.0: `{ path: '/', httpOnly: true, secure: false, maxAge: null }`.
  'express-session': { label: 'express-session cookie', perCookie: false, httpOnly: true, secure: false, sameSite: null, expiry: null },
  // cookie-session 2.1.1: flags at the top level, `httpOnly` true; `cookies` sets `secure` from `req.protocol`
  // (so `trust proxy` decides behind a TLS-terminating proxy). A nested `cookie: {}` is ignored.
  'cookie-session': { label: 'cookie-session cookie', perCookie: false, httpOnly: true, secure: 'auto', sameSite: null, expiry: null },
  // Express `res.cookie(name, value, options)`: only `path: '/'` is defaulted.
  'res.cookie': { label: 'res.cookie()', perCookie: true, httpOnly: false, secure: false, sameSite: null, expiry: null },
  // `cookie.serialize(name, value, options)`: no attribute unless given.
  'cookie.serialize': { label: 'cookie.serialize()', perCookie: true, httpOnly: false, secure: false, sameSite: null, expiry: null },
  // A raw `Set-Cookie` header string: no attribute unless written.
  'Set-Cookie': { label: 'Set-Cookie header', perCookie: true, httpOnly: false, secure: false, sameSite: null, expiry: null },
};

/**
 * The options that name the session cookie, in the order the libraries read them: `name`, then its former name `key`,
 * which express-session 1.18 and cookie-session 2.1 still read (`opts.name || opts.key || default`).
 */
export const SESSION_NAME_KEYS: readonly string[] = ['name', 'key'];

/** The session cookie's name when neither `name` nor `key` is given. */
export const SESSION_NAME_DEFAULTS: Readonly<Record<'express-session' | 'cookie-session', string>> = {
  'express-session': 'connect.sid',
  'cookie-session': 'session',
};

/** Keys that give a cookie an expiry, per library (both libraries and `res.cookie` accept either). */
export const EXPIRY_KEYS: readonly string[] = ['maxAge', 'expires'];

/** `sameSite` values, from weakest to strongest; `true` means `strict` in all of them. */
export const SAME_SITE_RANK: Readonly<Record<string, number>> = { none: 0, auto: 1, lax: 1, strict: 2 };


/**
 * Names of cookies that browser code must read, so they are never asked for `httpOnly`: the CSRF token of the
 * double-submit pattern, which the page's script copies into a request header (Angular's `HttpClient` and axios
 * read `XSRF-TOKEN` and send `X-XSRF-TOKEN`; csrf-csrf's default is `__Host-psifi.x-csrf-token`; `_csrf`, `csrf`,
 * `csrf-token`, `csrfToken` are the usual hand-written names). Matched case-insensitively against the cookie's
 * name without its `__Host-` / `__Secure-` prefix.
 */
export const BROWSER_READ_COOKIE_NAMES: readonly RegExp[] = [
  // [prefix.] [_] [x-] csrf|xsrf [-token]
  /^(?:[\w-]+\.)?_?(?:x[-_]?)?[cx]srf(?:[-_]?token)?$/iu,
];

/** Whether browser code is expected to read the cookie called `name` (see `BROWSER_READ_COOKIE_NAMES`). */
export function isBrowserReadCookie(name: string): boolean {
  const bare = name.replace(/^__(?:host|secure)-/iu, '');
  return BROWSER_READ_COOKIE_NAMES.some((pattern) => pattern.test(bare));
}
