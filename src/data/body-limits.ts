/**
 * Request body size limits, read from body-parser@1.20.9's README and `lib/types/*.js` (the parsers that
 * `express.json/urlencoded/raw/text` are since express 4.16), from multer@2.0.2's README and from
 * express-fileupload@1.5.2's README (`npm pack`, 2026-12-02): what sets the limit and what it is when unset.
 * multer and express-fileupload hand `limits` to busboy, whose `fileSize` default is `Infinity`;
 * express-fileupload keeps uploads in memory unless `useTempFiles` is set.
 */

export interface BodyParser {
  module: string;
  /** The callee's path in the module (`[]` for the module itself, `multer()`). */
  path: readonly string[];
  /** Where the size limit is set in the options argument. */
  limitKey: readonly string[];
  /** Which argument holds the options, when not the first. */
  optionsArgument?: number;
  /** The limit when it is not set: a size string, or `'Infinity'` for none. */
  unset: string;
  /** File uploads (bytes as numbers, checked against `maxFileSize`) rather than body parsers. */
  upload: boolean;
}

/** Calls that parse a request body or take uploads, as `[module, path]` of the callee, with where their size limit is set. */
export const BODY_PARSERS: readonly BodyParser[] = [
  { module: 'express', path: ['json'], limitKey: ['limit'], unset: '100kb', upload: false },
  { module: 'express', path: ['urlencoded'], limitKey: ['limit'], unset: '100kb', upload: false },
  { module: 'express', path: ['raw'], limitKey: ['limit'], unset: '100kb', upload: false },
  { module: 'express', path: ['text'], limitKey: ['limit'], unset: '100kb', upload: false },
  { module: 'body-parser', path: ['json'], limitKey: ['limit'], unset: '100kb', upload: false },
  { module: 'body-parser', path: ['urlencoded'], limitKey: ['limit'], unset: '100kb', upload: false },
  { module: 'body-parser', path: ['raw'], limitKey: ['limit'], unset: '100kb', upload: false },
  { module: 'body-parser', path: ['text'], limitKey: ['limit'], unset: '100kb', upload: false },
  // body-parser 1.x's deprecated generic `bodyParser(options)`: `json(options)` and `urlencoded(options)` with the
  // same `limit` (body-parser@1.20.3 index.js; 2.x throws instead). Old apps still mount it (vulnerable-node).
  { module: 'body-parser', path: [], limitKey: ['limit'], unset: '100kb', upload: false },
  // NestJS: `app.useBodyParser('json', { limit })` on the app of `NestFactory.create` (body-parser underneath).
  { module: '@nestjs/core', path: ['NestFactory', 'create', '()', 'useBodyParser'], limitKey: ['limit'], optionsArgument: 1, unset: '100kb', upload: false },
  // `limits.fileSize` in bytes; unset means no limit at all.
  { module: 'multer', path: [], limitKey: ['limits', 'fileSize'], unset: 'Infinity', upload: true },
  { module: 'express-fileupload', path: [], limitKey: ['limits', 'fileSize'], unset: 'Infinity', upload: true },
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
