/**
 * Input validation libraries for Express, as their READMEs document them (express-validator 7.x, celebrate 15.x,
 * express-joi-validation 5.x, express-openapi-validator 5.x, zod 3.x–4.x, joi 17.x, yup 1.x, ajv 8.x, superstruct,
 * valibot, class-validator); the packages are not installed here.
 */

/** Modules whose middleware validates the request before the handler (any value of them mounted counts). */
export const VALIDATION_MIDDLEWARE_MODULES: ReadonlySet<string> = new Set([
  'express-validator',
  'celebrate',
  'express-joi-validation',
  'express-openapi-validator',
  'express-json-validator-middleware',
  'zod-express-middleware',
  'express-zod-safe',
]);

/** Modules whose calls inside a handler validate data (`schema.parse(req.body)`, `validationResult(req)`). */
export const VALIDATION_MODULES: ReadonlySet<string> = new Set([
  'express-validator',
  'zod',
  'joi',
  '@hapi/joi',
  'yup',
  'ajv',
  'superstruct',
  'valibot',
  'class-validator',
  'class-transformer',
  'io-ts',
  'runtypes',
  '@sinclair/typebox',
  'validator',
  'celebrate',
]);

/**
 * Method names that validate or parse data with a schema of the user's own (imported from another module):
 * `userSchema.parse(req.body)`, `schema.validateAsync(req.query)`, `validate(req.body)` (a compiled ajv schema).
 */
export const VALIDATING_METHOD = /^(?:(?:safeP|p)arse(?:Async)?|validate\w*|assert|check|cast|decode|sanitize\w*)$/u;

/** Plain function calls that validate: `validate(req.body)`, `assert(data, Struct)`, `is(data, Struct)`. */
export const VALIDATING_FUNCTION = /^(?:validate\w*|assert|is|check\w*|sanitize\w*)$/iu;

/**
 * Calls named like validators that authenticate (or authorize) rather than validate input: the passport/NestJS
 * `authService.validateUser(email, password)`, `validateCredentials`, `validatePassword`, `validateToken` (also
 * `accessToken`, `refreshToken`, `jwt`, `apiKey`), `validateLogin`, `validateSession`, `checkAuth`, `checkPermissions`.
 * They check a user's claim against stored state and say nothing of the request's shape. One exception, read by the
 * rule: a plain function given the whole request data (`validateUser(req.body)`, the joi-tutorial validator of a user
 * object) validates.
 */
export const AUTHENTICATING_NAME =
  /^(?:validate|check)(?:User|Credentials?|Password|Passwd|Login|Session|Jwt|ApiKey|Otp|Totp|Auth\w*|Permissions?|Roles?|(?:Access|Refresh|Auth|Api|Bearer|Reset|Csrf)?Token)$/iu;

/**
 * A validator named call (`validate`, `check`) whose arguments hold this many single fields of the request data and
 * no whole request object (`auth.validate(req.body.email, req.body.password)`, `this.auth.validate(dto.email,
 * dto.password)`) is checking credentials, not validating input. One field (`validateEmail(req.body.email)`) is a
 * check of what the handler reads and counts.
 */
export const CREDENTIAL_FIELDS = 2;

/** Validator names that say nothing of what they check: given several single fields, they are read as authentication. */
export const GENERIC_CHECK_NAME = /^(?:validate|check|verify)$/iu;

/** Receivers named like authentication (`authService.validate(...)`, `this.auth.check(...)`, `passport`, `sessions`). */
export const AUTHENTICATING_RECEIVER = /auth|login|passport|session|credential/iu;

/**
 * Keys of an object literal that say it carries credentials: `authService.validate({ email: req.body.email, password:
 * req.body.password })` is the positional `validate(email, password)` written as an object. An object literal whose
 * properties are single request fields is read as `CREDENTIAL_FIELDS` single fields when it has that many of them or
 * one key named so, unless the call's receiver is named like a schema or validator (`VALIDATION_NAME`:
 * `schema.validate({ id: req.body.id, qty: req.body.qty })` validates).
 */
export const CREDENTIAL_KEY = /^(?:password|passwd|pass|pwd|passphrase|secret|(?:access|refresh|auth|id|api)?_?token|otp|totp|pin|api_?key|credentials?)$/iu;

/**
 * Hand-written checks of one request field in an `if` that exits when they fail (`if (typeof req.body.email !==
 * 'string' || req.body.email.length > 100) return res.status(400).end()`): besides `typeof x` compared with a string,
 * `x.length` compared with anything, a regex's `.test(x)` and an allow-list's `includes(x)`/`has(x)`, calls of these (`Array.isArray(x)`) and calls named
 * like a check (`isValidEmail(x)`, `validator.isEmail(x)`, `checkName(x)`, `validateEmail(x)`) on the field as their
 * first argument. Names that authenticate (`AUTHENTICATING_NAME`) are not checks.
 */
export const FIELD_TYPE_CHECKS: ReadonlySet<string> = new Set([
  'Array.isArray',
  'Number.isInteger',
  'Number.isSafeInteger',
  'Number.isFinite',
  'Buffer.isBuffer',
]);

export const FIELD_CHECK_NAME = /^(?:is(?:[A-Z_]\w*)?|validate\w*|check\w*|assert\w*)$/u;

/**
 * Checks named after a primitive type (lodash's and underscore's `_.isString`, `_.isNumber`...): of a whole input, where
 * passing them passes (`if (_.isString(req.body) === false) return next(err)`, verdaccio's dist-tags), they check that
 * input as `typeof req.body !== 'string'` does.
 */
export const PRIMITIVE_CHECK_NAMES: ReadonlySet<string> = new Set(['isString', 'isNumber', 'isBoolean', 'isInteger', 'isSafeInteger', 'isFinite']);

/** Objects whose `parse` is not validation: `JSON.parse(...)`, `qs.parse(...)`, `url.parse(...)`. */
export const NOT_VALIDATORS: ReadonlySet<string> = new Set(['JSON', 'qs', 'querystring', 'url', 'path', 'URL', 'cookie']);

/** Names that say a middleware of the user's own validates (`validate(schema)`, `validateBody`, `checkSchema`). */
export const VALIDATION_NAME = /valid|sanitiz|schema/iu;

/** The request properties that carry client input. */
export const REQUEST_INPUTS: ReadonlySet<string> = new Set(['body', 'query', 'params']);

/**
 * express-validator, as its published package 7.3.2 (`lib/chain/validators-impl.js`, `lib/context-items/*.js`,
 * `lib/utils.js`) does it: the modules that export its chains, and the function that starts a chain for a field with
 * the request locations it reads (`check` reads them all).
 */
export const EXPRESS_VALIDATOR_MODULES: ReadonlySet<string> = new Set(['express-validator', 'express-validator/check']);

export const EXPRESS_VALIDATOR_FIELD_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  check: ['body', 'cookies', 'headers', 'params', 'query'],
  body: ['body'],
  query: ['query'],
  param: ['params'],
  cookie: ['cookies'],
  header: ['headers'],
};

/**
 * Validators of a chain that reject any object: a standard validator runs validator.js on the value stringified
 * (`toString()`: an object without its own `toString` function becomes `'[object Object]'`, which each of these
 * rejects; an array's elements are checked one by one), and `isString()` tests `typeof value === 'string'`. So after
 * the chain has run and `validationResult(req)` is empty, the field holds no query operator object. Left out on
 * purpose: `isLength`, `matches`, `contains`, `isAscii`, `notEmpty`, `exists`, `optional`, `custom` (they accept
 * `'[object Object]'` or an object).
 */
export const EXPRESS_VALIDATOR_STRING_VALIDATORS: ReadonlySet<string> = new Set([
  'isAlpha',
  'isAlphanumeric',
  'isBase64',
  'isBoolean',
  'isDate',
  'isDecimal',
  'isEmail',
  'isFloat',
  'isFQDN',
  'isHexadecimal',
  'isIn',
  'isInt',
  'isIP',
  'isISO8601',
  'isJWT',
  'isMongoId',
  'isNumeric',
  'isPort',
  'isSlug',
  'isString',
  'isURL',
  'isUUID',
  'equals',
]);

/**
 * Other chain methods that keep what a string validator of the chain established: messages, `bail`, validators that
 * only add errors, and standard sanitizers (they write a string back). Any other method (`not`, `if`,
 * `customSanitizer`, `toArray`, `default`, unknown ones) makes the chain count for nothing.
 */
export const EXPRESS_VALIDATOR_KEEPING_METHODS: ReadonlySet<string> = new Set([
  'withMessage',
  'bail',
  'optional',
  'exists',
  'notEmpty',
  'isLength',
  'matches',
  'contains',
  'isAscii',
  'custom',
  'trim',
  'ltrim',
  'rtrim',
  'escape',
  'unescape',
  'normalizeEmail',
  'toLowerCase',
  'toUpperCase',
  'blacklist',
  'whitelist',
  'stripLow',
]);
