/**
 * Express APIs removed in Express 4 or 5 (most deprecated during 4.x first), read from the History.md of
 * express 4.22.3 and 5.3.0. One row per API: where it lives, the version that removed it (and the one that
 * deprecated it when the changelog says), what replaces it, and whether a mechanical rewrite exists.
 */

export type ApiOwner = 'express' | 'app' | 'req' | 'res';

/**
 * How the rule can rewrite a use:
 * - `rename`: the member becomes `to` (same arguments);
 * - `call-express`: `express.createServer()` becomes `express()`;
 * - `status-first`: `res.send(status, body)` / `res.json(obj, status)` become `res.status(status).send(body)`;
 *   `res.send(status)` becomes `res.sendStatus(status)`;
 * - `swap-arguments`: `res.redirect(url, status)` becomes `res.redirect(status, url)`;
 * - `sendfile`: `res.sendFile`, a fix only when the path is certainly absolute (else a suggestion);
 * - `param-suggestions`: `req.param(name)` offers `req.params` / `req.body` / `req.query`;
 * - `back-suggestion`: `'back'` offers `req.get('Referrer') || '/'`, kept only when its host is the request's own;
 * - `null`: no rewrite (the replacement needs a choice or a new package).
 */
export type ApiFix =
  | { kind: 'rename'; to: string }
  | { kind: 'call-express' }
  | { kind: 'status-first' }
  | { kind: 'swap-arguments' }
  | { kind: 'sendfile' }
  | { kind: 'param-suggestions' }
  | { kind: 'back-suggestion' }
  | null;

export interface RemovedApi {
  readonly owner: ApiOwner;
  /** The property name (`bodyParser`, `del`, `sendfile`). */
  readonly name: string;
  /** How it is written in messages. */
  readonly api: string;
  /** `call` when only a call with a particular shape is removed (see `signature`); `member` for any use. */
  readonly use: 'member' | 'call';
  /** For `call` rows: which call shape is removed. */
  readonly signature?: 'status-number' | 'trailing-status' | 'back' | 'function-only';
  /** The Express version that removed it. */
  readonly removedIn: string;
  /** The Express version that deprecated it, when the changelog says. */
  readonly deprecatedIn?: string;
  readonly replacement: string;
  readonly fix: ApiFix;
}

/** The Connect middlewares that Express 3 bundled, and the standalone package of each (Express 4.0.0 removed them). */
export const BUNDLED_MIDDLEWARE: Readonly<Record<string, string>> = {
  basicAuth: 'the `basic-auth` package',
  bodyParser: '`express.json()` / `express.urlencoded()` (Express 4.16+) or `body-parser`',
  compress: '`compression`',
  cookieParser: '`cookie-parser`',
  cookieSession: '`cookie-session`',
  csrf: '`csrf-csrf` or `csrf-sync` (the old `csurf` is deprecated too)',
  directory: '`serve-index`',
  errorHandler: '`errorhandler`',
  favicon: '`serve-favicon`',
  limit: 'the `limit` option of `express.json()` / `body-parser`',
  logger: '`morgan`',
  methodOverride: '`method-override`',
  multipart: '`multer` or `busboy`',
  responseTime: '`response-time`',
  session: '`express-session`',
  staticCache: '`Cache-Control` options of `express.static`',
  timeout: '`connect-timeout`',
  vhost: '`vhost`',
};

export const REMOVED_APIS: readonly RemovedApi[] = [
  // Express 4.0.0
  {
    owner: 'express',
    name: 'createServer',
    api: 'express.createServer()',
    use: 'member',
    removedIn: '4.0.0',
    replacement: '`express()`',
    fix: { kind: 'call-express' },
  },
  ...Object.entries(BUNDLED_MIDDLEWARE).map(
    ([name, replacement]): RemovedApi => ({
      owner: 'express',
      name,
      api: `express.${name}`,
      use: 'member',
      removedIn: '4.0.0',
      replacement,
      fix: null,
    }),
  ),
  {
    owner: 'app',
    name: 'configure',
    api: 'app.configure()',
    use: 'member',
    removedIn: '4.0.0',
    replacement: "plain code (`if (app.get('env') === 'production') { ... }`)",
    fix: null,
  },
  {
    owner: 'app',
    name: 'router',
    api: 'app.use(app.router)',
    use: 'member',
    removedIn: '4.0.0',
    replacement: 'nothing: routes run in the order they are registered (remove the line)',
    fix: null,
  },
  {
    owner: 'res',
    name: 'headerSent',
    api: 'res.headerSent',
    use: 'member',
    removedIn: '4.0.0',
    replacement: '`res.headersSent`',
    fix: { kind: 'rename', to: 'headersSent' },
  },
  ...(['acceptedTypes', 'acceptedCharsets', 'acceptedLanguages', 'acceptedEncodings'] as const).map(
    (name): RemovedApi => ({
      owner: 'req',
      name,
      api: `req.${name}`,
      use: 'member',
      removedIn: '4.0.0',
      replacement: `\`req.${name.replace('accepted', 'accepts')}()\``,
      fix: null,
    }),
  ),
  // Express 5.0.0 (alpha/beta changes, deprecated during 4.x)
  {
    owner: 'app',
    name: 'del',
    api: 'app.del()',
    use: 'member',
    removedIn: '5.0.0',
    replacement: '`app.delete()`',
    fix: { kind: 'rename', to: 'delete' },
  },
  {
    owner: 'app',
    name: 'param',
    api: 'app.param(fn)',
    use: 'call',
    signature: 'function-only',
    removedIn: '5.0.0',
    replacement: '`app.param(name, fn)` for each parameter',
    fix: null,
  },
  ...(['Charset', 'Encoding', 'Language'] as const).map(
    (what): RemovedApi => ({
      owner: 'req',
      name: `accepts${what}`,
      api: `req.accepts${what}()`,
      use: 'member',
      removedIn: '5.0.0',
      replacement: `\`req.accepts${what}s()\``,
      fix: { kind: 'rename', to: `accepts${what}s` },
    }),
  ),
  {
    owner: 'req',
    name: 'param',
    api: 'req.param(name)',
    use: 'member',
    removedIn: '5.0.0',
    replacement: '`req.params`, `req.body` or `req.query`, whichever the value comes from',
    fix: { kind: 'param-suggestions' },
  },
  {
    owner: 'res',
    name: 'sendfile',
    api: 'res.sendfile()',
    use: 'member',
    removedIn: '5.0.0',
    replacement: '`res.sendFile()` (it needs an absolute path or a `root` option)',
    fix: { kind: 'sendfile' },
  },
  {
    owner: 'res',
    name: 'send',
    api: 'res.send(status, body)',
    use: 'call',
    signature: 'status-number',
    removedIn: '5.0.0',
    replacement: '`res.status(status).send(body)` (`res.sendStatus(status)` for a status alone)',
    fix: { kind: 'status-first' },
  },
  {
    owner: 'res',
    name: 'json',
    api: 'res.json(status, obj)',
    use: 'call',
    signature: 'status-number',
    removedIn: '5.0.0',
    replacement: '`res.status(status).json(obj)`',
    fix: { kind: 'status-first' },
  },
  {
    owner: 'res',
    name: 'jsonp',
    api: 'res.jsonp(status, obj)',
    use: 'call',
    signature: 'status-number',
    removedIn: '5.0.0',
    replacement: '`res.status(status).jsonp(obj)`',
    fix: { kind: 'status-first' },
  },
  {
    owner: 'res',
    name: 'redirect',
    api: 'res.redirect(url, status)',
    use: 'call',
    signature: 'trailing-status',
    removedIn: '5.0.0',
    replacement: '`res.redirect(status, url)`',
    fix: { kind: 'swap-arguments' },
  },
  {
    owner: 'res',
    name: 'redirect',
    api: "res.redirect('back')",
    use: 'call',
    signature: 'back',
    removedIn: '5.0.0',
    deprecatedIn: '4.21.0',
    replacement: "`req.get('Referrer') || '/'` (the Referer header is client-controlled: check it before redirecting)",
    fix: { kind: 'back-suggestion' },
  },
  {
    owner: 'res',
    name: 'location',
    api: "res.location('back')",
    use: 'call',
    signature: 'back',
    removedIn: '5.0.0',
    deprecatedIn: '4.21.0',
    replacement: "`req.get('Referrer') || '/'` (the Referer header is client-controlled: check it before redirecting)",
    fix: { kind: 'back-suggestion' },
  },
];

/** `express.static.mime` and `express.query` (Express 5 removed them). */
export const REMOVED_EXPRESS_PATHS: readonly { path: readonly string[]; api: string; replacement: string }[] = [
  { path: ['static', 'mime'], api: 'express.static.mime', replacement: 'the `mime-types` package' },
  { path: ['query'], api: 'express.query', replacement: "the `query parser` setting (`app.set('query parser', ...)`)" },
];

/** The first Express major whose router (path-to-regexp 8) refuses the route paths below at registration. */
export const EXPRESS5_MAJOR = 5;

/**
 * Characters that Express 5 (router 2, path-to-regexp 8) reads differently in a string route path: `?`, `+`, `*`
 * without a name, `(`, `)` groups, `[`, `]`, `!` are reserved or gone; optional parts are written `{...}` and
 * wildcards `*name`.
 */
export const EXPRESS5_PATH_CHANGES: readonly { pattern: RegExp; what: string; instead: string }[] = [
  // A parameter's group first, whatever it holds: `/:id(\d+)` is a group, not a `+` repeat marker, and a wildcard in
  // its place would drop the digit check. (A group of its own, `/ab(cd)?e`, is read by the markers around it.)
  { pattern: /:\w+\(/u, what: 'a regular-expression group', instead: 'a RegExp route or validation in the handler' },
  // (`/*splat` matches one segment or more; `/{*splat}` also matches the path before it, as `*` did: `/files/{*splat}`.)
  { pattern: /\*(?![A-Za-z_$])/u, what: 'an unnamed `*` wildcard', instead: 'a named wildcard (`/*splat`, or `/{*splat}` to match the path before it too, as `*` did)' },
  { pattern: /\?/u, what: 'a `?` optional marker', instead: 'braces (`/:file{.:ext}`)' },
  { pattern: /\+/u, what: 'a `+` repeat marker', instead: 'a named wildcard (`/*splat`)' },
  { pattern: /[()]/u, what: 'a regular-expression group', instead: 'a RegExp route or validation in the handler' },
  { pattern: /[[\]]/u, what: 'a character class', instead: 'a RegExp route or validation in the handler' },
];
