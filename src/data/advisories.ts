/**
 * Known advisories of Express and the packages of its family that matter to an Express app, and packages that
 * are deprecated or unmaintained. Read from the packages' History files (express 4.22.3 / 5.3.0, body-parser
 * 1.20.9) and each advisory's GitHub page. Complements `npm audit`; it does not replace it.
 *
 * An advisory that fixes several release lines has one row per line, each with the line's first fixed version.
 * CVE-2024-51999 (express 4.22.0 / 5.2.0) is left out on purpose: it was rejected, not a vulnerability.
 */

/** The day this table was last checked against the advisory database. Update it with the rows. */
export const ADVISORIES_REVIEWED = '2026-11-21';

export interface Advisory {
  /** CVE id, else GHSA id. */
  readonly id: string;
  /** The GitHub advisory id, when the row's `id` is a CVE. */
  readonly ghsa?: string;
  readonly package: string;
  /** A semver range of affected versions (one release line). */
  readonly affected: string;
  /** The first version of that line that is not affected. */
  readonly fixed: string;
  readonly summary: string;
}

export const ADVISORIES: readonly Advisory[] = [
  // express
  {
    id: 'CVE-2022-24999',
    ghsa: 'GHSA-hrpp-h998-j3pp',
    package: 'express',
    affected: '>=4.0.0 <4.17.3',
    fixed: '4.17.3',
    summary: 'its qs dependency lets a query string with `__proto__` keys hang the process',
  },
  {
    id: 'CVE-2024-29041',
    ghsa: 'GHSA-rv95-896h-c2vc',
    package: 'express',
    affected: '>=4.0.0 <4.19.2',
    fixed: '4.19.2',
    summary: 'open redirect: malformed URLs bypass redirect allow-lists in res.location/res.redirect',
  },
  {
    id: 'CVE-2024-29041',
    ghsa: 'GHSA-rv95-896h-c2vc',
    package: 'express',
    affected: '>=5.0.0-alpha.1 <5.0.0-beta.3',
    fixed: '5.0.0-beta.3',
    summary: 'open redirect: malformed URLs bypass redirect allow-lists in res.location/res.redirect',
  },
  {
    id: 'CVE-2024-43796',
    ghsa: 'GHSA-qw6h-vgh9-j6wx',
    package: 'express',
    affected: '>=4.0.0 <4.20.0',
    fixed: '4.20.0',
    summary: 'XSS through the HTML body of res.redirect (also pulls fixed send, serve-static, body-parser, path-to-regexp)',
  },
  {
    id: 'CVE-2024-43796',
    ghsa: 'GHSA-qw6h-vgh9-j6wx',
    package: 'express',
    affected: '>=5.0.0-alpha.1 <5.0.0',
    fixed: '5.0.0',
    summary: 'XSS through the HTML body of res.redirect',
  },
  {
    id: 'CVE-2024-47764',
    ghsa: 'GHSA-pxg6-pf52-xh8x',
    package: 'express',
    affected: '>=4.0.0 <4.21.1',
    fixed: '4.21.1',
    summary: 'its cookie dependency accepts names, paths and domains that inject other cookie fields',
  },
  {
    id: 'CVE-2024-47764',
    ghsa: 'GHSA-pxg6-pf52-xh8x',
    package: 'express',
    affected: '>=5.0.0-alpha.1 <5.0.1',
    fixed: '5.0.1',
    summary: 'its cookie dependency accepts names, paths and domains that inject other cookie fields',
  },
  {
    id: 'CVE-2024-52798',
    ghsa: 'GHSA-rhx6-c78j-4q9w',
    package: 'express',
    affected: '>=4.0.0 <4.21.2',
    fixed: '4.21.2',
    summary: 'its path-to-regexp 0.1 dependency builds backtracking route regexes (ReDoS)',
  },
  // body-parser
  {
    id: 'CVE-2024-45590',
    ghsa: 'GHSA-qwcr-r2fm-qrc7',
    package: 'body-parser',
    affected: '<1.20.3',
    fixed: '1.20.3',
    summary: 'denial of service through deeply nested urlencoded bodies',
  },
  {
    id: 'CVE-2026-12590',
    ghsa: 'GHSA-v422-hmwv-36x6',
    package: 'body-parser',
    affected: '<1.20.6',
    fixed: '1.20.6',
    summary: 'an invalid `limit` option silently disables the body size limit',
  },
  {
    id: 'CVE-2026-12590',
    ghsa: 'GHSA-v422-hmwv-36x6',
    package: 'body-parser',
    affected: '>=2.0.0 <2.3.0',
    fixed: '2.3.0',
    summary: 'an invalid `limit` option silently disables the body size limit',
  },
  {
    id: 'GHSA-wqch-xfxh-vrr4',
    package: 'body-parser',
    affected: '2.2.0',
    fixed: '2.2.1',
    summary: 'denial of service when url encoding is used',
  },
  // cookie
  {
    id: 'CVE-2024-47764',
    ghsa: 'GHSA-pxg6-pf52-xh8x',
    package: 'cookie',
    affected: '<0.7.0',
    fixed: '0.7.0',
    summary: 'cookie names, paths and domains with out-of-bounds characters inject other cookie fields',
  },
  // passport (the login middleware of most Express apps; `require-session-regenerate` also reads this one)
  {
    id: 'CVE-2022-25896',
    ghsa: 'GHSA-v923-w3x8-wh69',
    package: 'passport',
    affected: '<0.6.0',
    fixed: '0.6.0',
    summary: 'session fixation: the session ID from before the login is kept after it (0.6.0 regenerates the session on login)',
  },
  // send / serve-static
  {
    id: 'CVE-2024-43799',
    ghsa: 'GHSA-m6fv-jmcg-4jfg',
    package: 'send',
    affected: '<0.19.0',
    fixed: '0.19.0',
    summary: 'template injection (XSS) in the redirect body',
  },
  {
    id: 'CVE-2024-43800',
    ghsa: 'GHSA-cm22-4g7w-348p',
    package: 'serve-static',
    affected: '<1.16.0',
    fixed: '1.16.0',
    summary: 'template injection (XSS) in the redirect body',
  },
  // path-to-regexp: one row per release line that got the fix
  ...(
    [
      ['<0.1.10', '0.1.10'],
      ['>=0.2.0 <1.9.0', '1.9.0'],
      ['>=2.0.0 <3.3.0', '3.3.0'],
      ['>=4.0.0 <6.3.0', '6.3.0'],
      ['>=7.0.0 <8.0.0', '8.0.0'],
    ] as const
  ).map(
    ([affected, fixed]): Advisory => ({
      id: 'CVE-2024-45296',
      ghsa: 'GHSA-9wv6-86v2-598j',
      package: 'path-to-regexp',
      affected,
      fixed,
      summary: 'two parameters in one segment build a backtracking regex (ReDoS)',
    }),
  ),
  {
    id: 'CVE-2024-52798',
    ghsa: 'GHSA-rhx6-c78j-4q9w',
    package: 'path-to-regexp',
    affected: '<0.1.12',
    fixed: '0.1.12',
    summary: 'incomplete fix of CVE-2024-45296 in 0.1.x (ReDoS)',
  },
  {
    id: 'CVE-2026-4923',
    ghsa: 'GHSA-27v5-c462-wpq7',
    package: 'path-to-regexp',
    affected: '>=8.0.0 <8.4.0',
    fixed: '8.4.0',
    summary: 'several wildcards with a parameter build a backtracking regex (ReDoS)',
  },
];

/** Versions of a package that are unmaintained, deprecated or insecure by design, with what to use instead. */
export interface DeprecatedRange {
  readonly package: string;
  /** The deprecated versions (`*` when the whole package is). */
  readonly range: string;
  readonly reason: string;
  readonly replacement: string;
}

export const DEPRECATED_PACKAGES: readonly DeprecatedRange[] = [
  {
    package: 'express',
    range: '<4.0.0',
    reason: 'Express 2.x and 3.x are end-of-life and get no security fixes',
    replacement: 'express 4.21.2 or later, or express 5',
  },
  {
    package: 'connect',
    range: '<3.0.0',
    reason: 'Connect 2.x bundles the Express 3 middlewares (bodyParser, session, csrf, ...), unmaintained since 2014',
    replacement: 'express 4+ with the standalone middleware packages',
  },
  {
    package: 'csurf',
    range: '*',
    reason: 'csurf is deprecated and archived by its maintainers (September 2022)',
    replacement: 'csrf-csrf or csrf-sync',
  },
  {
    package: 'express-validator',
    range: '<6.0.0',
    reason: 'express-validator below 6 (its legacy `req.checkBody` API) is unmaintained',
    replacement: 'express-validator 7',
  },
  {
    package: 'helmet',
    range: '<4.0.0',
    reason: 'helmet below 4 predates its current defaults (no Content-Security-Policy by default, HPKP and X-XSS-Protection filters)',
    replacement: 'helmet 8',
  },
];

/** Dependency sections of a package.json that install code the app runs or builds with. */
export const DEPENDENCY_SECTIONS: readonly string[] = ['dependencies', 'devDependencies', 'optionalDependencies'];

/**
 * passport regenerates the session ID when it logs a user in (`req.login()`, and so `passport.authenticate()`
 * with sessions) since 0.6.0; before, a session ID planted before login stayed valid after it.
 */
export const PASSPORT_SESSION_FIXATION = {
  package: 'passport',
  id: 'CVE-2022-25896',
  fixed: '0.6.0',
} as const;

/**
 * Strategies that `passport.authenticate(name)` runs without logging anyone in: passport's own `session` strategy
 * restores `req.user` from the session (what `passport.session()` does), passport-anonymous lets the request through
 * without a user. A route that only runs these is no login.
 */
export const PASSPORT_NON_LOGIN_STRATEGIES: ReadonlySet<string> = new Set(['session', 'anonymous']);
