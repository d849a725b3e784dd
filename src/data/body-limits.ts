/**
 * Request body size limits, read from body-parser@1.20.9's README and `lib/types/*.js` (the parsers that
 * `express.json/urlencoded/raw/text` are since express 4.16) and from multer's README (2.x): what sets the
 * limit and what it is when unset.
 */

/** Calls that parse a request body, as `[module, path]` of the callee, with where their size limit is set. */
export const BODY_PARSERS: readonly { module: string; path: readonly string[]; limitKey: readonly string[]; unset: string }[] = [
  { module: 'express', path: ['json'], limitKey: ['limit'], unset: '100kb' },
  { module: 'express', path: ['urlencoded'], limitKey: ['limit'], unset: '100kb' },
  { module: 'express', path: ['raw'], limitKey: ['limit'], unset: '100kb' },
  { module: 'express', path: ['text'], limitKey: ['limit'], unset: '100kb' },
  { module: 'body-parser', path: ['json'], limitKey: ['limit'], unset: '100kb' },
  { module: 'body-parser', path: ['urlencoded'], limitKey: ['limit'], unset: '100kb' },
  { module: 'body-parser', path: ['raw'], limitKey: ['limit'], unset: '100kb' },
  { module: 'body-parser', path: ['text'], limitKey: ['limit'], unset: '100kb' },
  // multer: `limits.fileSize` in bytes; unset means no limit at all.
  { module: 'multer', path: [], limitKey: ['limits', 'fileSize'], unset: 'Infinity' },
];

/**
 * Units of a limit string, as the `bytes` package body-parser uses parses them (`'10kb'`, `'1.5MB'`, `'512'`):
 * powers of 1024, case-insensitive. A string it cannot parse made body-parser < 1.20.6 drop the limit altogether
 * (GHSA-v422-hmwv-36x6); newer versions throw.
 */
export const BYTE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  pb: 1024 ** 5,
};
