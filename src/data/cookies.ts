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
  'express-session': { label: 'express-session cookie', httpOnly: true, secure: false, sameSite: null, expiry: null },
  // cookie-session 2.1.1: flags at the top level, `httpOnly` true; `cookies` sets `secure` from `req.protocol`
  // (so `trust proxy` decides behind a TLS-terminating proxy). A nested `cookie: {}` is ignored.
  'cookie-session': { label: 'cookie-session cookie', httpOnly: true, secure: 'auto', sameSite: null, expiry: null },
  // Express `res.cookie(name, value, options)`: only `path: '/'` is defaulted.
  'res.cookie': { label: 'res.cookie()', httpOnly: false, secure: false, sameSite: null, expiry: null },
  // `cookie.serialize(name, value, options)`: no attribute unless given.
  'cookie.serialize': { label: 'cookie.serialize()', httpOnly: false, secure: false, sameSite: null, expiry: null },
  // A raw `Set-Cookie` header string: no attribute unless written.
  'Set-Cookie': { label: 'Set-Cookie header', httpOnly: false, secure: false, sameSite: null, expiry: null },
};

/** The session cookie's name when `name` is not given. */
export const SESSION_NAME_DEFAULTS: Readonly<Record<'express-session' | 'cookie-session', string>> = {
  'express-session': 'connect.sid',
  'cookie-session': 'session',
};

/** Keys that give a cookie an expiry, per library (both libraries and `res.cookie` accept either). */
export const EXPIRY_KEYS: readonly string[] = ['maxAge', 'expires'];

/** `sameSite` values, from weakest to strongest; `true` means `strict` in all of them. */
export const SAME_SITE_RANK: Readonly<Record<string, number>> = { none: 0, auto: 1, lax: 1, strict: 2 };

/** Response methods that write a header: `res.setHeader('Set-Cookie', ...)`, `res.append`, `res.set`, `res.header`. */
export const HEADER_SETTERS: ReadonlySet<string> = new Set(['setHeader', 'append', 'set', 'header']);
