/**
 * Password hashing facts: OWASP Password Storage Cheat Sheet minimums (as of 2023, unchanged when reviewed on
 * 2026-11-21) and the defaults of the Node libraries that implement them (bcrypt 5 / bcryptjs 2-3, argon2
 * (node-argon2) 0.4x, @node-rs/argon2 2.x, Node's crypto).
 */

/** bcrypt work factor: OWASP asks for 10 or more. */
export const BCRYPT_MIN_COST = 10;

/** Modules with bcrypt's API, and the functions whose numeric argument is the cost (argument index). */
export const BCRYPT_MODULES: readonly string[] = ['bcrypt', 'bcryptjs'];
export const BCRYPT_COST_ARGUMENT: Readonly<Record<string, number>> = {
  hash: 1,
  hashSync: 1,
  genSalt: 0,
  genSaltSync: 0,
};

/**
 * OWASP's equivalent argon2id configurations (memory in KiB, iterations), parallelism 1: a configuration is strong
 * enough when it reaches one of these pairs.
 */
export const ARGON2_MINIMUMS: readonly { memoryCost: number; timeCost: number }[] = [
  { memoryCost: 47104, timeCost: 1 },
  { memoryCost: 19456, timeCost: 2 },
  { memoryCost: 12288, timeCost: 3 },
  { memoryCost: 9216, timeCost: 4 },
  { memoryCost: 7168, timeCost: 5 },
];

/** argon2 modules, the functions that take the options (argument index), and their defaults. */
export const ARGON2_MODULES: Readonly<Record<string, { functions: Readonly<Record<string, number>>; memoryCost: number; timeCost: number }>> = {
  argon2: { functions: { hash: 1 }, memoryCost: 65536, timeCost: 3 },
  '@node-rs/argon2': { functions: { hash: 1, hashSync: 1, hashRaw: 1, hashRawSync: 1 }, memoryCost: 19456, timeCost: 2 },
};

/** Node crypto functions that are password hashes (key derivation with a cost), as opposed to `createHash`. */
export const SLOW_CRYPTO_FUNCTIONS: ReadonlySet<string> = new Set(['scrypt', 'scryptSync', 'pbkdf2', 'pbkdf2Sync', 'argon2', 'argon2Sync']);

/** PBKDF2 iterations OWASP asks for, by HMAC digest. */
export const PBKDF2_MIN_ITERATIONS: Readonly<Record<string, number>> = {
  sha1: 1_300_000,
  sha256: 600_000,
  sha512: 210_000,
};

/**
 * Classes whose instances have a `password` member that is no one's login password: the WHATWG `URL` (global, or
 * `require('url').URL`), whose `password` is the userinfo of the URL (`new URL('https://u:p@host').password`).
 */
export const URL_CLASSES: ReadonlySet<string> = new Set(['URL']);

/** Words that name a password in identifiers (`userPassword`, `pass_hash`, `pwd`). */
export const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'pw', 'passcode']);

/** Words that mark a value as the stored (hashed or plaintext) password rather than the submitted one. */
export const STORED_WORDS: ReadonlySet<string> = new Set(['stored', 'saved', 'db', 'hashed', 'expected', 'correct', 'real', 'actual']);

/** Words that mark a comparison of two submitted values (sign-up confirmation), not a check against storage. */
export const CONFIRMATION_WORDS: ReadonlySet<string> = new Set(['confirm', 'confirmation', 'repeat', 'repeated', 'retype', 'again', 'verify', 'verification', 'new']);

/** Words that mark a hash (compared with `===`: a timing leak, and a fast hash is likely what is stored). */
export const HASH_WORDS: ReadonlySet<string> = new Set(['hash', 'hashed', 'digest', 'md5', 'sha1', 'sha256', 'sha512', 'hmac']);
