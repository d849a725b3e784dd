/**
 * Passport strategies whose verify callback receives values the client sent, as they are.
 *
 * passport-local 1.0.0 (`lib/strategy.js`): `authenticate(req)` reads `lookup(req.body, this._usernameField) ||
 * lookup(req.query, this._usernameField)` and the same for the password, fails when either is falsy, and otherwise calls
 * `verify(username, password, verified)`, or `verify(req, username, password, verified)` with `passReqToCallback: true`.
 * Nothing checks that they are strings: with `express.json()` or `express.urlencoded({ extended: true })` a body of
 * `{"username": {"$ne": null}}` hands the callback an object. The fields are `usernameField` (default `username`) and
 * `passwordField` (default `password`) of the options object, the first argument when two are given.
 *
 * @nestjs/passport's `PassportStrategy(Strategy)` mixin constructs the strategy with the options its class passes to
 * `super(...)` and a callback that calls the class's `validate(...params)` with the same parameters (less `done`).
 *
 * passport 0.7 `lib/authenticator.js`: `use(name, strategy)` registers the strategy under `name`, `use(strategy)` under
 * `strategy.name`; `authenticate(name | names, …)` runs the strategies registered under those names.
 *
 * Not listed: strategies whose values are strings by construction. passport-http's `BasicStrategy` hands its verify
 * callback the user id and password decoded from the Authorization header (a string split at `:`), never an object;
 * passport-jwt hands the token's verified payload, not request data as sent.
 */
export interface VerifyCallbackRow {
  /** The strategy's module. */
  readonly module: string;
  /** The paths of its class in the module (`[]`: the module itself, as `require('passport-local')` is). */
  readonly paths: readonly (readonly string[])[];
  /** The request property the strategy reads the fields from (what the message names). */
  readonly property: string;
  /** The values the callback receives first, in order: the option naming each one's key, and its default key. */
  readonly fields: readonly { readonly option: string; readonly key: string }[];
  /** The option that makes the request the callback's first parameter. */
  readonly requestOption: string;
  /** The method of a NestJS `PassportStrategy(Strategy)` class that Nest's mixin calls as the verify callback. */
  readonly nestMethod: string;
  /**
   * The name Passport registers the strategy under when `passport.use(strategy)` gives none (`this.name` of its
   * class): routes authenticate with it, `passport.authenticate('local')`.
   */
  readonly name: string;
}

export const VERIFY_CALLBACKS: readonly VerifyCallbackRow[] = [
  {
    module: 'passport-local',
    paths: [[], ['Strategy']],
    property: 'body',
    fields: [
      { option: 'usernameField', key: 'username' },
      { option: 'passwordField', key: 'password' },
    ],
    requestOption: 'passReqToCallback',
    nestMethod: 'validate',
    // passport-local 1.0.0 `lib/strategy.js`: `this.name = 'local'`.
    name: 'local',
  },
];
