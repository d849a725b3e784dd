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

/** Objects whose `parse` is not validation: `JSON.parse(...)`, `qs.parse(...)`, `url.parse(...)`. */
export const NOT_VALIDATORS: ReadonlySet<string> = new Set(['JSON', 'qs', 'querystring', 'url', 'path', 'URL', 'cookie']);

/** Names that say a middleware of the user's own validates (`validate(schema)`, `validateBody`, `checkSchema`). */
export const VALIDATION_NAME = /valid|sanitiz|schema/iu;

/** The request properties that carry client input. */
export const REQUEST_INPUTS: ReadonlySet<string> = new Set(['body', 'query', 'params']);
