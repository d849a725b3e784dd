/**
 * Request data, the sanitizers that make it safe, and the sinks it must not reach unchecked.
 * Read from express 4.21.2 / 5.1.0 (`req` API), mysql 2.18.1, mysql2 3.11, pg 8.13, sqlite3 5.1,
 * better-sqlite3 11, knex 3.1, sequelize 6.37, mongodb 6.10, mongoose 8.8, send 0.19 / 1.1 (used by
 * `res.sendFile`), escape-html 1.0.3, validator 13.12, sanitize-html 2.13, dompurify 3.2, mongo-sanitize 1.1,
 * express-mongo-sanitize 2.2, escape-string-regexp 5.0.
 */

/** The kinds of harm a value can still do. A value's taint is a bit set of these. */
export const Danger = {
  /** Text of an SQL statement. */
  sql: 1,
  /** An object (`{ $ne: null }`) where a Mongo query expects a plain value. */
  nosql: 2,
  /** Markup in an HTML response. */
  xss: 4,
  /** A URL to send the browser to. */
  redirect: 8,
  /** A file system path. */
  path: 16,
  /** A regular expression source. */
  regex: 32,
  /**
   * A file path that can name any file with no `..` segment left in it: the client's text at its start (an absolute
   * path, `res.sendFile(req.query.file)`), or a path `path.join` / `resolve` / `normalize` built after the client's text
   * entered it (they remove its `..` segments). Only together with `path`. Express's `res.sendFile` (send 0.19 / 1.x)
   * answers 403 to a path with a `..` segment, root or not, so it is harmed only by such a path:
   * `` res.sendFile(`${dir}/${req.params.name}`) `` is not.
   */
  wholePath: 64,
} as const;

export type DangerName = keyof typeof Danger;

/** Everything a string from the client can do. */
export const STRING_DANGER = Danger.sql | Danger.xss | Danger.redirect | Danger.path | Danger.wholePath | Danger.regex;
/** Everything a parsed value (string, array or object) from the client can do. */
export const ANY_DANGER = STRING_DANGER | Danger.nosql;

/**
 * `req.<key>` that hold client data, with what they can hold. `body` (json / extended urlencoded), `query`
 * (qs parsing: `?id[$ne]=1` is an object) and cookie-parser's JSON cookies (`j:{...}`) can be objects;
 * route params and headers are strings.
 */
export const REQUEST_PROPERTIES: Readonly<Record<string, number>> = {
  body: ANY_DANGER,
  query: ANY_DANGER,
  cookies: ANY_DANGER,
  signedCookies: ANY_DANGER,
  params: STRING_DANGER,
  headers: STRING_DANGER,
};

/**
 * What the values of `req.<key>` can hold when it is less than the object itself holds. Under Express 5's default query
 * parser (`simple`: node:querystring), the query string makes strings and arrays of strings, never nested objects
 * (express 5.0.0: the `query parser` setting defaults to `'simple'`; `'extended'` is qs, as Express 4's default was):
 * `req.query.name` holds no operator. The object itself still has the keys the client picks: `?$where=sleep(5000)` is
 * `{ $where: 'sleep(5000)' }`, an operator when `req.query` (or a whole `@Query()`) is the filter, is spread into it
 * or is a value of it (trial 26), so `req.query` keeps `REQUEST_PROPERTIES`' dangers and only its values have these.
 */
export const SIMPLE_QUERY_MEMBER_DANGERS: Readonly<Record<string, number>> = { query: STRING_DANGER };

/**
 * What a client sends to put a query operator into a Mongo filter, as no-nosql-injection's message shows it: an
 * object (a JSON body, qs's `?name[$ne]=`), or, when the request data is an object whose values are strings (the query
 * under Express 5's simple parser, `SIMPLE_QUERY_MEMBER_DANGERS`), a key it picks: a top-level operator for a whole
 * filter (`find(req.query)`, a spread: `$where` runs JavaScript, MongoDB 4.4-8), a field's operator for a value of
 * one (`find({ name: req.query })`: `?$ne=x` is `{ name: { $ne: 'x' } }`).
 */
export const OPERATOR_EXAMPLES = {
  object: 'an object such as {"$ne": null}',
  wholeFilterKeys: 'a query string such as ?$where=sleep(5000)',
  valueKeys: 'a query string such as ?$ne=x',
} as const;

/**
 * The packages that make `req.query` Express 5's simple parse from a major version on, looked up in this order in the
 * nearest `package.json`: express 5, else @nestjs/platform-express 11, which runs on Express 5 (NestJS 11's migration
 * guide: nested query objects need `app.set('query parser', 'extended')`).
 */
export const SIMPLE_QUERY_PARSER_FROM: readonly (readonly [pkg: string, major: number])[] = [
  ['express', 5],
  ['@nestjs/platform-express', 11],
];

/** The setting that picks another query parser (`app.set('query parser', 'extended')`), as a text names it. */
export const QUERY_PARSER_SETTING = /['"`]query parser['"`]/u;

/**
 * Request headers that the browser writes from the URL it asks for, with the dangers that this rules out: a link or a
 * page of another site cannot make them name another site, so the `Host` header sends the browser back to the site
 * it asked for (`res.redirect('https://' + req.headers.host + req.url)`, the usual move to HTTPS). Whoever sends a
 * forged `Host` by hand gets the redirect themselves. Other dangers stay (it is still text the client sends).
 */
export const OWN_SITE_HEADERS: Readonly<Record<string, number>> = {
  host: Danger.redirect,
};

/** `req.<method>(...)` calls that return client data (strings). */
export const REQUEST_METHODS: Readonly<Record<string, number>> = {
  get: STRING_DANGER,
  header: STRING_DANGER,
  param: ANY_DANGER,
};

/** What a sanitizer or coercion removes from a value's danger. `all` makes it clean. */
export interface Sanitizer {
  /** A global function (`Number`), or a module and the path of the function in it. */
  global?: string;
  module?: string;
  path?: readonly string[];
  /** The dangers it removes. */
  removes: number | 'all';
}

/** The global functions that turn a value into a number (`Number(x)`, `parseInt(x, 10)`): no text of the input is left. */
export const NUMERIC_GLOBALS: ReadonlySet<string> = new Set(['Number', 'parseInt', 'parseFloat']);

export const SANITIZERS: readonly Sanitizer[] = [
  { global: 'Number', removes: 'all' },
  { global: 'parseInt', removes: 'all' },
  { global: 'parseFloat', removes: 'all' },
  { global: 'Boolean', removes: 'all' },
  { global: 'BigInt', removes: 'all' },
  // A string cannot carry a query operator; it is still text for every other sink.
  { global: 'String', removes: Danger.nosql },
  // Percent-encoding leaves no markup, no `/` or `..` separators and no scheme.
  { global: 'encodeURIComponent', removes: Danger.xss | Danger.redirect | Danger.path | Danger.wholePath | Danger.nosql },
  { module: 'escape-html', path: [], removes: Danger.xss | Danger.nosql },
  { module: 'validator', path: ['escape'], removes: Danger.xss | Danger.nosql },
  { module: 'validator', path: ['toInt'], removes: 'all' },
  { module: 'validator', path: ['toFloat'], removes: 'all' },
  { module: 'validator', path: ['toBoolean'], removes: 'all' },
  { module: 'validator/lib/escape', path: [], removes: Danger.xss | Danger.nosql },
  { module: 'sanitize-html', path: [], removes: Danger.xss | Danger.nosql },
  { module: 'dompurify', path: ['sanitize'], removes: Danger.xss | Danger.nosql },
  { module: 'isomorphic-dompurify', path: ['sanitize'], removes: Danger.xss | Danger.nosql },
  { module: 'he', path: ['encode'], removes: Danger.xss | Danger.nosql },
  { module: 'he', path: ['escape'], removes: Danger.xss | Danger.nosql },
  { module: 'lodash', path: ['escape'], removes: Danger.xss | Danger.nosql },
  { module: 'lodash', path: ['escapeRegExp'], removes: Danger.regex | Danger.nosql },
  { module: 'escape-string-regexp', path: [], removes: Danger.regex | Danger.nosql },
  { module: 'path', path: ['basename'], removes: Danger.path | Danger.wholePath | Danger.nosql },
  { module: 'mongo-sanitize', path: [], removes: Danger.nosql },
  { module: 'express-mongo-sanitize', path: ['sanitize'], removes: Danger.nosql },
  { module: 'mongoose', path: ['sanitizeFilter'], removes: Danger.nosql },
  { module: 'mongoose', path: ['Types', 'ObjectId'], removes: 'all' },
  { module: 'mongodb', path: ['ObjectId'], removes: 'all' },
];

/** String methods whose result carries the receiver's data as text. */
export const STRING_PROPAGATORS: ReadonlySet<string> = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase',
  'slice', 'substring', 'substr', 'concat', 'padStart', 'padEnd', 'normalize', 'toString', 'join', 'at',
]);

/** Path builders whose result carries their arguments' data (`path.join('uploads', name)`). */
export const PATH_PROPAGATORS: ReadonlySet<string> = new Set(['join', 'resolve', 'normalize']);

/**
 * Regexes (their source) that, replaced with `''` in a `path.normalize()`d path, remove every leading `..` segment,
 * the only ones a normalised path can have (`path.normalize(p).replace(/^(\.\.(\/|\\|$))+/, '')`, Node's own
 * advice): joined after a folder with `path.join`, the path stays under it, even when it is absolute. Not with
 * `path.resolve` (an absolute path replaces the folder), nor alone.
 */
export const PARENT_SEGMENT_STRIPS: ReadonlySet<string> = new Set(['^(\\.\\.(\\/|\\\\|$))+', '^(?:\\.\\.(?:\\/|\\\\|$))+']);

/**
 * Methods that run SQL text given as their first argument (`pool.query(sql)`, `knex.raw(sql)`). pg-promise's
 * database methods (`one`, `many`, `any`, `none`, `oneOrNone`, `manyOrNone`, `result`, `multi`, `multiResult`,
 * `map`, `each`, read in its published package 12.7.1, `lib/database.js`: each takes the query text first): the
 * names are generic, so the rules count them only when the text reads as SQL (`SQL_START`).
 */
export const SQL_METHODS: ReadonlySet<string> = new Set([
  'query', 'execute', 'raw', 'run', 'all', 'get', 'each', 'exec', 'prepare',
  '$queryRawUnsafe', '$executeRawUnsafe', 'whereRaw', 'havingRaw', 'orderByRaw', 'joinRaw', 'fromRaw',
  'selectRaw', 'literal', 'unsafe',
  'one', 'many', 'any', 'none', 'oneOrNone', 'manyOrNone', 'result', 'multi', 'multiResult', 'map',
]);

/**
 * Query-builder methods that take a SQL fragment by design, not a statement (knex 0.95–3.x `whereRaw(sql, bindings)`,
 * `havingRaw`, `orderByRaw`, `joinRaw`, `fromRaw`; sequelize 5–6 `literal(text)`; Prisma's `Prisma.raw(text)`): their text is SQL whatever it
 * starts with (`name = ?`, `created_at desc`). `clause`: the SQL the fragment is put in, which tells a value from a
 * name or a whole condition inside it. `values`: whether the method also takes bound values (sequelize's `literal`
 * takes none, so no placeholder can stand in its text). `modules`: the receiver must be known to come from one of
 * them (a name as common as `literal` says nothing by itself).
 */
export const SQL_FRAGMENT_METHODS: Readonly<Record<string, { clause: string; values: boolean; modules?: readonly string[] }>> = {
  whereRaw: { clause: 'SELECT * FROM t WHERE ', values: true },
  havingRaw: { clause: 'SELECT a FROM t GROUP BY a HAVING ', values: true },
  orderByRaw: { clause: 'SELECT * FROM t ORDER BY ', values: true },
  joinRaw: { clause: 'SELECT * FROM t ', values: true },
  fromRaw: { clause: 'SELECT * FROM ', values: true },
  literal: { clause: '', values: false, modules: ['sequelize'] },
  // Prisma 4–6's `Prisma.raw(text)`: SQL put as it is into a `$queryRaw` tagged template (trial 27). Only on `Prisma` of
  // '@prisma/client': knex's `raw(sql, bindings)` runs whole statements and is read as one.
  raw: { clause: '', values: false, modules: ['@prisma/client'] },
};

/**
 * Words a SQL statement (or a raw fragment passed to a query builder) starts with, after any SQL comments
 * (`/* report *\/ SELECT …`, `-- report` on a line of its own).
 */
export const SQL_START = /^\s*(?:(?:\/\*[\s\S]*?\*\/|--[^\n]*(?:\n|$))\s*)*\(?\s*(?:select|insert|update|delete|with|replace|merge|create|drop|alter|truncate|call|exec|execute|grant|revoke|upsert|pragma)\b/iu;

/** Where each driver wants its parameters. */
export type PlaceholderStyle = 'question' | 'dollar' | 'named';

export const SQL_DRIVERS: Readonly<Record<string, PlaceholderStyle>> = {
  mysql: 'question',
  mysql2: 'question',
  'mysql2/promise': 'question',
  sqlite3: 'question',
  'better-sqlite3': 'question',
  sqlite: 'question',
  knex: 'question',
  pg: 'dollar',
  'pg-promise': 'dollar',
  postgres: 'dollar',
  sequelize: 'named',
};

/** Modules whose `find`/`where` take SQL-side objects, not Mongo filters. */
export const NON_MONGO_MODULES: ReadonlySet<string> = new Set([
  'knex', 'sequelize', 'typeorm', '@prisma/client', 'objection', 'mysql', 'mysql2', 'pg', 'sqlite3', 'better-sqlite3',
]);

/**
 * MongoDB clients and ODMs (mongodb 4–6, mongoose 5–8, mongojs, monk, mongoist, Typegoose): a package whose
 * `package.json` declares none of them, in a file that imports none, sends no filter to MongoDB.
 */
export const MONGO_CLIENT_MODULES: readonly string[] = ['mongodb', 'mongoose', 'mongojs', 'monk', 'mongoist', '@typegoose/typegoose'];

/**
 * Middleware that removes `$` / `.` keys from `req.body`, `req.query` and `req.params` in place, so that a route it
 * runs before receives no query operator: express-mongo-sanitize 1.x–2.x (`mongoSanitize()`), and
 * @exortek/express-mongo-sanitize 1.x–3.x in its default `mode: 'auto'` (`unless` names the options that make it
 * count for nothing or only some routes). mongo-sanitizer is left out: it leaves `req.body` as it is and writes
 * cleaned copies (`req.sanitizedBody`).
 */
export const NOSQL_SANITIZING_MIDDLEWARE: readonly { module: string; path: readonly string[]; unless?: readonly string[] }[] = [
  { module: 'express-mongo-sanitize', path: ['()'] },
  { module: '@exortek/express-mongo-sanitize', path: ['()'], unless: ['mode', 'skipRoutes', 'sanitizeObjects'] },
];

/** Option keys that only Bookshelf (an SQL ORM, Ghost's) takes after a `findOne(filter, options)`: not a Mongo call. */
export const SQL_ORM_OPTION_KEYS: ReadonlySet<string> = new Set(['withRelated', 'transacting', 'require']);

/** Mongo driver / mongoose methods whose first argument is a filter (or a pipeline for `aggregate`). */
export const MONGO_FILTER_METHODS: ReadonlySet<string> = new Set([
  'find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'findOneAndRemove',
  'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne', 'countDocuments', 'count', 'exists',
  'distinct', 'where', 'remove', 'aggregate',
  // The driver's legacy (3.x) `update(filter, update)` and `findAndModify(filter, ...)`, still in old apps.
  'update', 'findAndModify',
]);

/** Response methods that write a body; `send` makes it `text/html` for a string. */
export const RESPONSE_BODY_METHODS: ReadonlySet<string> = new Set(['send', 'write', 'end']);

/**
 * Response body methods that send an object or an array as JSON: Express's `res.send(obj)` calls `res.json(obj)`
 * (4.x and 5.x), which answers `application/json` unless a Content-Type was set. `res.write` and `res.end` take only
 * strings and buffers (`res.write({})` throws).
 */
export const JSON_BODY_METHODS: ReadonlySet<string> = new Set(['send']);

/**
 * Global functions whose result is always an object or an array, whatever they are given: `Object.assign(t, …)`
 * (its target made an object), `Object.keys(x)`, `Object.fromEntries(x)`, `Array.from(x)`.
 */
export const OBJECT_RESULT_CALLS: Readonly<Record<string, ReadonlySet<string>>> = {
  Object: new Set(['assign', 'keys', 'values', 'entries', 'fromEntries']),
  Array: new Set(['from', 'of']),
};

/** Response methods that set the Content-Type: `res.type('json')`, `res.set('Content-Type', 'text/plain')`. */
export const CONTENT_TYPE_METHODS: ReadonlySet<string> = new Set(['type', 'contentType', 'set', 'header', 'setHeader', 'writeHead']);

/** `fs` functions whose first (and for copy/rename, second) argument is a path. */
export const FS_PATH_FUNCTIONS: ReadonlySet<string> = new Set([
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createReadStream',
  'createWriteStream', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'readdir', 'readdirSync',
  'open', 'openSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'access', 'accessSync', 'exists', 'existsSync',
  'copyFile', 'copyFileSync', 'rename', 'renameSync', 'mkdir', 'mkdirSync', 'truncate', 'truncateSync',
  'chmod', 'chmodSync', 'chown', 'chownSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'cp', 'cpSync',
  'readlink', 'readlinkSync', 'realpath', 'realpathSync', 'utimes', 'utimesSync', 'opendir', 'opendirSync',
]);

/** `fs` functions of `FS_PATH_FUNCTIONS` that take a second path (a destination): both are paths. */
export const FS_TWO_PATH_FUNCTIONS: ReadonlySet<string> = new Set([
  'copyFile', 'copyFileSync', 'rename', 'renameSync', 'cp', 'cpSync', 'link', 'linkSync', 'symlink', 'symlinkSync',
]);

export const FS_MODULES: ReadonlySet<string> = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);

/** Parameter names that give a function Express's handler shape (`(req, res, next)`, `(err, req, res, next)`). */
export const HANDLER_PARAMETER_NAMES: Readonly<Record<'req' | 'res' | 'next' | 'err', readonly string[]>> = {
  req: ['req', 'request', '_req', '_request'],
  res: ['res', 'response', '_res', '_response'],
  next: ['next', '_next'],
  err: ['err', 'error', 'e', 'ex', '_err', '_error'],
};

/** `req.<key>` of Node's own `http.IncomingMessage` (a `createServer` listener): the raw URL and headers. */
/**
 * An Express request's URL (`req.url`, `req.originalUrl`): client data once a URL parser (`parsesUrl` below) reads
 * its query (vulnerable-node's `url.parse(req.url, true).query.id`); alone it is a path Express matched, not followed.
 */
export const EXPRESS_URL_PROPERTIES: ReadonlySet<string> = new Set(['url', 'originalUrl']);

/**
 * The request property where express-session and cookie-session keep the session's values across requests
 * (`req.session.returnTo`): what the app itself writes there, not what the client sends.
 */
export const SESSION_PROPERTY = 'session';

export const NODE_REQUEST_PROPERTIES: Readonly<Record<string, number>> = {
  url: STRING_DANGER,
  headers: STRING_DANGER,
};

/**
 * Calls whose result carries their first argument's data: URL and query-string parsers (`url.parse(req.url, true)
 * .query`, `new URL(req.url, base).searchParams`), and `util.format` (every argument). `text` marks a string result.
 */
export const PROPAGATING_CALLS: readonly { global?: string; module?: string; path?: readonly string[]; allArguments?: boolean; text?: boolean; parsesUrl?: boolean }[] = [
  { module: 'url', path: ['parse'], parsesUrl: true },
  { module: 'querystring', path: ['parse'] },
  { module: 'querystring', path: ['unescape'], text: true },
  { module: 'util', path: ['format'], allArguments: true, text: true },
  { global: 'URL', parsesUrl: true },
  { global: 'URLSearchParams', parsesUrl: true },
  { global: 'decodeURIComponent', text: true },
  { global: 'decodeURI', text: true },
  // `new Function('return this.a == ' + x)`: code built from its arguments (a `$where` function).
  { global: 'Function', allArguments: true, text: true },
];

/** Methods of a parsed URL or query object that return part of its data (`searchParams.get('q')`). */
export const OBJECT_READERS: ReadonlySet<string> = new Set(['get', 'getAll', 'values', 'entries']);

/**
 * Markdown renderers: their HTML output keeps raw HTML written in the markdown (marked 15, showdown 2.1,
 * snarkdown 2.0). markdown-it 14 escapes HTML unless it is created with `{ html: true }` (`checkOption`).
 * The result carries only the XSS danger of the input.
 */
export const MARKDOWN_RENDERERS: readonly { module: string; path: readonly string[]; checkOption?: string }[] = [
  { module: 'marked', path: [] },
  { module: 'marked', path: ['parse'] },
  { module: 'marked', path: ['marked'] },
  { module: 'marked', path: ['marked', 'parse'] },
  { module: 'snarkdown', path: [] },
  { module: 'showdown', path: ['Converter', '()', 'makeHtml'] },
  { module: 'markdown-it', path: ['()', 'render'], checkOption: 'html' },
  { module: 'markdown-it', path: ['()', 'renderInline'], checkOption: 'html' },
];

/**
 * unified / remark pipelines (`unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).process(md)`): their
 * output is HTML, and it carries the markdown's raw HTML only when a plugin lets it through. remark-html 16 sanitizes
 * by default (hast-util-sanitize, unless `sanitize: false`); remark-rehype drops raw HTML unless
 * `allowDangerousHtml: true` (and rehype-stringify prints it only with `allowDangerousHtml: true` too); rehype-raw
 * turns it into elements. `rehype-sanitize` anywhere in the pipeline cleans it.
 */
export const MARKDOWN_PIPELINES = {
  /** What starts a pipeline: `unified()`, `remark()`. */
  roots: [
    { module: 'unified', path: ['()'] },
    { module: 'unified', path: ['unified', '()'] },
    { module: 'remark', path: ['()'] },
    { module: 'remark', path: ['remark', '()'] },
  ],
  /** The methods that run it on a document and return (a promise of) the output file. */
  run: new Set(['process', 'processSync']),
  sanitizers: new Set(['rehype-sanitize']),
  /**
   * Plugins that let raw HTML through: alone (`rehype-raw`), with an option of theirs set to a value, and, for
   * remark-rehype, only when `also` (rehype-stringify) is given the same option.
   */
  rawHtml: [
    { module: 'rehype-raw' },
    { module: 'remark-html', option: 'sanitize', value: false },
    { module: 'remark-rehype', option: 'allowDangerousHtml', value: true, also: 'rehype-stringify' },
  ] as readonly { module: string; option?: string; value?: boolean; also?: string }[],
} as const;

/**
 * validator 13 checks that, when they pass, leave a value that can do none of the dangers listed (`all`), or only
 * some. `isURL` only pins the host with a `host_whitelist` option (checked by the guard code).
 */
export const VALIDATOR_GUARDS: Readonly<Record<string, number | 'all'>> = {
  isUUID: 'all', isInt: 'all', isNumeric: 'all', isFloat: 'all', isDecimal: 'all', isAlphanumeric: 'all', isAlpha: 'all',
  isHexadecimal: 'all', isMongoId: 'all', isBoolean: 'all', isIn: 'all', isISO8601: 'all', isDate: 'all', isPort: 'all',
  isSlug: 'all', isJWT: 'all', isBase64: Danger.xss | Danger.redirect | Danger.nosql | Danger.sql | Danger.regex,
  isEmail: Danger.redirect | Danger.path | Danger.wholePath | Danger.nosql,
  isURL: Danger.nosql,
};

/**
 * validator 13's checks (`isEmail`, `isLength`, `isEmpty`...: every exported `is*` function) first assert that their
 * input is a string and throw a `TypeError` otherwise (`assertString`), whatever they return. A call of one that
 * always runs before a use (`if (!validator.isEmail(x)) errors.push(...)`) leaves no object there to be a query
 * operator: it rules out `Danger.nosql` for its first argument even when its result does not end the request.
 */
export const VALIDATOR_ASSERTS_STRING = /^is[A-Z]/u;

/**
 * Response methods that are sinks when a helper function of another module of the package calls them on a response
 * it was given (`module.exports.sendTo = (res, url) => res.redirect(url)`): the danger, and which arguments. Only
 * these (and the `fs` functions of `FS_PATH_FUNCTIONS`) are followed across files; a root option (`sendFile(p, { root
 * })`) or any argument after the path makes the call no sink.
 */
export const HELPER_RESPONSE_SINKS: Readonly<
  Record<string, { danger: number; args: readonly number[]; pathOnly?: boolean; body?: boolean; refusesUpSegments?: boolean }>
> = {
  // A body is a sink only when the helper sets no content type on the response (`res.type('json')`).
  send: { danger: Danger.xss, args: [0], body: true },
  write: { danger: Danger.xss, args: [0], body: true },
  end: { danger: Danger.xss, args: [0], body: true },
  redirect: { danger: Danger.redirect, args: [0, 1] },
  location: { danger: Danger.redirect, args: [0] },
  // `refusesUpSegments`: send (0.19 / 1.x, under both) answers 403 to a path with a `..` segment, root or not, so only
  // a `Danger.wholePath` value reaches another file; `res.download` resolves the path before send sees it.
  sendFile: { danger: Danger.path, args: [0], pathOnly: true, refusesUpSegments: true },
  sendfile: { danger: Danger.path, args: [0], pathOnly: true, refusesUpSegments: true },
  download: { danger: Danger.path, args: [0], pathOnly: true },
};

/**
 * Route methods a browser never navigates with: a page or a form sends GET or POST, and what `fetch` receives is
 * not rendered as a document, so request data reflected in their response is no XSS. `method-override` (1.x–3.x)
 * turns a form's POST into one of them, so with it they count again.
 */
export const NON_NAVIGATION_METHODS: ReadonlySet<string> = new Set(['put', 'patch', 'delete']);
export const METHOD_OVERRIDE_MODULE = 'method-override';
