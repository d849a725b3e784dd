/**
 * Session keys that hold where the browser goes after logging in: connect-ensure-login's and Passport's examples write
 * `req.session.returnTo`, other apps `redirectTo`, `returnUrl`, `next`. A login page that only remembers that
 * (`GET /login` with `req.session.returnTo = req.query.next`) logs no one in, so the write is no session fixation.
 */
export const SESSION_RETURN_KEYS: ReadonlySet<string> = new Set([
  'returnTo',
  'return_to',
  'returnUrl',
  'returnURL',
  'redirectTo',
  'redirect_to',
  'redirectUrl',
  'redirectURL',
  'redirect',
  'next',
  'nextUrl',
  'backUrl',
  'backURL',
]);
