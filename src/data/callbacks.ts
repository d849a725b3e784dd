/**
 * Modules whose asynchronous APIs call back Node-style, error first: `fs.readFile(p, (err, data) => ...)`,
 * `connection.query(sql, (err, rows) => ...)`. A callback passed to a function reached from one of them gets the
 * error as its first parameter whatever it is named.
 */
export const ERROR_FIRST_CALLBACK_MODULES: ReadonlySet<string> = new Set([
  'fs', 'child_process', 'crypto', 'dns', 'zlib', 'net', 'stream',
  'mysql', 'mysql2', 'pg', 'sqlite3', 'mssql', 'oracledb', 'mongodb', 'mongoose', 'redis', 'ioredis',
  'bcrypt', 'bcryptjs', 'jsonwebtoken', 'multer', 'request', 'nodemailer', 'passport', 'express-session',
]);

/**
 * First-parameter names that say "this is the error" in an error-first callback (`err`, `error`, `e`, `er`, and
 * names ending in `Err` / `Error`, such as `readErr` or `dbError`).
 */
export const ERROR_PARAMETER_NAME = /^(?:e|er|err|error|[A-Za-z_$][\w$]*(?:Err|Error))$/u;

/** Array and promise methods that take a callback as their first argument, whose first parameter is an element or a value, never an error. */
export const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'forEach', 'map', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'reduce',
  'reduceRight', 'flatMap', 'sort', 'toSorted', 'then', 'finally',
]);

/**
 * Array and promise methods whose callback's first parameter holds the receiver's data: an element of the list
 * (`names.forEach((n) => …)`, `map`, `filter`, …) or the value the promise resolves to (`p.then((v) => …)`). Request
 * data in the receiver is in that parameter.
 */
export const VALUE_CALLBACK_METHODS: ReadonlySet<string> = new Set(['then', 'map', 'forEach', 'filter', 'find', 'some', 'every', 'flatMap']);

/** Methods that add a listener to an event emitter (Node's `EventEmitter`: `emitter.on('error', listener)`). */
export const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
