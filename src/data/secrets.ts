/**
 * Where libraries take a secret or a password, and the environment variable a fix proposes for it. Read from
 * express-session 1.19.0 and cookie-session 2.1.1 (README), cookie-parser 1.4 (`cookieParser(secret)`),
 * jsonwebtoken 9 (`sign(payload, secretOrPrivateKey)`, `verify(token, secretOrPublicKey)`), express-jwt 8
 * (`expressjwt({ secret })`, older majors export the function itself), passport-jwt 4 (`new Strategy({ secretOrKey })`),
 * mysql 2.18 / mysql2 3 (`createConnection`/`createPool`/`createPoolCluster` options), pg 8 (`new Pool`/`new Client`),
 * knex 3 (`knex({ connection })`) and sequelize 6 (`new Sequelize(database, username, password, options)`); for
 * NestJS (docs.nestjs.com "Authentication", "Database"): @nestjs/jwt 10–11 (`JwtModule.register({ secret,
 * privateKey })`, the key `JwtService` signs and verifies with), typeorm 0.3 (`new DataSource({ password })`) and
 * @nestjs/typeorm 10–11 (`TypeOrmModule.forRoot({ password })`, the options of a `DataSource`).
 */

export type SecretKind = 'session' | 'cookie' | 'jwt' | 'db' | 'dbUrl' | 'hmac';

/** The environment variable a suggestion reads the secret from. */
export const SECRET_ENV_NAMES: Readonly<Record<SecretKind, string>> = {
  session: 'SESSION_SECRET',
  cookie: 'COOKIE_SECRET',
  jwt: 'JWT_SECRET',
  db: 'DB_PASSWORD',
  dbUrl: 'DATABASE_URL',
  hmac: 'HMAC_SECRET',
};

export interface SecretSink {
  /** Module id (as imported, without `node:`). */
  readonly module: string;
  /** Path of the callee from the module's export (`['sign']` for `jwt.sign(...)`, `[]` for the export itself). */
  readonly path: readonly string[];
  /** Where the secret is: an argument index, or a key path inside the options argument at `argument`. */
  readonly argument: number;
  readonly keys?: readonly (readonly string[])[];
  readonly kind: SecretKind;
  /** How a message names the place. */
  readonly label: string;
  /**
   * An option that makes the library ignore the key: at `argument`, key `key` set to `value` (jsonwebtoken 9's
   * `sign(payload, key, { algorithm: 'none' })` mints an unsigned token and does not read the key).
   */
  readonly unsigned?: { readonly argument: number; readonly key: string; readonly value: string };
  /**
   * The value is a connection URL: a literal holds a secret only when its user info has a password
   * (`'mongodb://app:s3cret@db:27017/app'`); one without (`'mongodb://localhost:27017'`), or with a placeholder for it
   * (`'mongodb+srv://app:<password>@cluster0.example.net'`, as MongoDB Atlas hands it out), does not.
   */
  readonly url?: true;
}

const db = (module: string, path: readonly string[], argument: number, keys: readonly (readonly string[])[]): SecretSink => ({
  module,
  path,
  argument,
  keys,
  kind: 'db',
  label: `${[module, ...path].join('.')}() password`,
});

/** A connection URL given to a database client (`SecretSink.url`). */
const dbUrl = (module: string, path: readonly string[], argument: number, keys: readonly (readonly string[])[], label: string): SecretSink => ({
  module,
  path,
  argument,
  keys,
  kind: 'dbUrl',
  label: `${label} connection string password`,
  url: true,
});

export const SECRET_SINKS: readonly SecretSink[] = [
  { module: 'express-session', path: [], argument: 0, keys: [['secret']], kind: 'session', label: 'express-session secret' },
  { module: 'cookie-session', path: [], argument: 0, keys: [['secret'], ['keys']], kind: 'session', label: 'cookie-session key' },
  { module: 'cookie-parser', path: [], argument: 0, kind: 'cookie', label: 'cookie-parser secret' },
  { module: 'jsonwebtoken', path: ['sign'], argument: 1, kind: 'jwt', label: 'jwt.sign() key', unsigned: { argument: 2, key: 'algorithm', value: 'none' } },
  { module: 'jsonwebtoken', path: ['verify'], argument: 1, kind: 'jwt', label: 'jwt.verify() key' },
  { module: 'express-jwt', path: ['expressjwt'], argument: 0, keys: [['secret']], kind: 'jwt', label: 'express-jwt secret' },
  { module: 'express-jwt', path: [], argument: 0, keys: [['secret']], kind: 'jwt', label: 'express-jwt secret' },
  { module: 'passport-jwt', path: ['Strategy'], argument: 0, keys: [['secretOrKey']], kind: 'jwt', label: 'passport-jwt secretOrKey' },
  { module: '@nestjs/jwt', path: ['JwtModule', 'register'], argument: 0, keys: [['secret'], ['privateKey']], kind: 'jwt', label: 'JwtModule secret' },
  ...['mysql', 'mysql2', 'mysql2/promise'].flatMap((m) =>
    ['createConnection', 'createPool', 'createPoolCluster'].map((f) => db(m, [f], 0, [['password']])),
  ),
  // Node's `crypto.createHmac(algorithm, key)`: whoever knows the key signs what the app trusts.
  { module: 'crypto', path: ['createHmac'], argument: 1, kind: 'hmac', label: 'crypto.createHmac() key' },
  { ...db('typeorm', ['DataSource'], 0, [['password']]), label: 'TypeORM DataSource password' },
  { ...db('@nestjs/typeorm', ['TypeOrmModule', 'forRoot'], 0, [['password']]), label: 'TypeOrmModule.forRoot() password' },
  db('pg', ['Pool'], 0, [['password']]),
  db('pg', ['Client'], 0, [['password']]),
  db('knex', [], 0, [['connection', 'password']]),
  db('knex', ['knex'], 0, [['connection', 'password']]),
  // `new Sequelize(database, username, password, options)`, `new Sequelize(uri, { password })`, `new Sequelize({ password })`.
  ...[[], ['Sequelize']].flatMap((path) => [
    db('sequelize', path, 2, []),
    db('sequelize', path, 0, [['password']]),
    db('sequelize', path, 1, [['password']]),
    db('sequelize', path, 3, [['password']]),
  ]),
  // Connection URLs with the password in them (trial 27): mongodb 6 (`new MongoClient(uri)`, `MongoClient.connect(uri)`),
  // mongoose 8 (`mongoose.connect(uri)`, `mongoose.createConnection(uri)`), pg 8 (`{ connectionString }`), mysql /
  // mysql2 (`createConnection(uri)`, `createPool(uri)`), knex 3 (`{ connection: uri }`), sequelize 6 (`new
  // Sequelize(uri, options)`), typeorm 0.3 and @nestjs/typeorm (`{ url }`).
  dbUrl('mongodb', ['MongoClient'], 0, [], 'MongoClient'),
  dbUrl('mongodb', ['MongoClient', 'connect'], 0, [], 'MongoClient.connect()'),
  dbUrl('mongoose', ['connect'], 0, [], 'mongoose.connect()'),
  dbUrl('mongoose', ['createConnection'], 0, [], 'mongoose.createConnection()'),
  dbUrl('pg', ['Pool'], 0, [['connectionString']], 'pg Pool'),
  dbUrl('pg', ['Client'], 0, [['connectionString']], 'pg Client'),
  ...['mysql', 'mysql2', 'mysql2/promise'].flatMap((m) => ['createConnection', 'createPool'].map((f) => dbUrl(m, [f], 0, [], `${m}.${f}()`))),
  dbUrl('knex', [], 0, [['connection']], 'knex'),
  dbUrl('knex', ['knex'], 0, [['connection']], 'knex'),
  dbUrl('sequelize', [], 0, [], 'Sequelize'),
  dbUrl('sequelize', ['Sequelize'], 0, [], 'Sequelize'),
  dbUrl('typeorm', ['DataSource'], 0, [['url']], 'TypeORM DataSource'),
  dbUrl('@nestjs/typeorm', ['TypeOrmModule', 'forRoot'], 0, [['url']], 'TypeOrmModule.forRoot()'),
];

/**
 * The password of a connection URL's user info (`scheme://user:password@host`), as written; the URL ends at the first
 * `/`, `?` or `#` after the scheme's `//`.
 */
export const URL_PASSWORD = /^[a-z][\w+.-]*:\/\/[^/?#@:]*:([^/?#@]+)@/iu;

/** Literal keys that are public, not secret (a verify key may be a PEM public key or certificate). */
export const PUBLIC_KEY_PREFIXES: readonly string[] = ['-----BEGIN PUBLIC KEY', '-----BEGIN RSA PUBLIC KEY', '-----BEGIN CERTIFICATE'];

/**
 * Database clients whose connection has no authentication: a username or password given to them is never checked
 * (SQLite is a file; sequelize 6 ignores `username`/`password` for `dialect: 'sqlite'`, knex 3 for the sqlite
 * clients). A literal there is a placeholder, not a secret. `key` is the option that names the database kind,
 * in any options object of the call.
 */
export const AUTHLESS_DATABASES: readonly { module: string; key: string; values: readonly string[] }[] = [
  { module: 'sequelize', key: 'dialect', values: ['sqlite'] },
  { module: 'knex', key: 'client', values: ['sqlite', 'sqlite3', 'better-sqlite3'] },
  // typeorm 0.3's file and in-browser drivers (`type`): no server, so no login.
  ...['typeorm', '@nestjs/typeorm'].map((module) => ({ module, key: 'type', values: ['sqlite', 'better-sqlite3', 'sqljs', 'capacitor', 'cordova', 'expo', 'nativescript', 'react-native'] })),
];

/**
 * Files that hold example configuration for users to copy (`config.example.js`, `settings.sample.ts`,
 * `config/sample.js`, `secrets.js.example`): their values are meant to be replaced, not deployed.
 */
export const EXAMPLE_CONFIG_FILE = /(?:^|[\\/.])(?:example|sample)(?:\.[^\\/]*)?$/iu;

/**
 * Placeholder strings that stand for a value filled in when the app is deployed (a substitution variable of a
 * template or deploy step: `'${SESSION_SECRET}'`, `'{{secret}}'`, `'%DB_PASSWORD%'`, `'<your-secret>'`), so the
 * literal itself never reaches production as a key. Words and redactions that work as a key when left in place
 * (`'changeme'`, `'secret'`, `'keyboard cat'`, `'********'`) ship, and stay findings.
 */
export const PLACEHOLDER_SECRETS: readonly RegExp[] = [
  /^\$\{[A-Za-z_][\w.]*\}$/u,
  /^\{\{\s*[\w.]+\s*\}\}$/u,
  /^%[A-Za-z_]\w*%$/u,
  /^<[^<>]+>$/u,
];
