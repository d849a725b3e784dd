import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { NUMERIC_GLOBALS } from '../data/sinks';
import { AUTHENTICATING_NAME, AUTHENTICATING_RECEIVER, CREDENTIAL_FIELDS, CREDENTIAL_KEY, FIELD_CHECK_NAME, FIELD_TYPE_CHECKS, GENERIC_CHECK_NAME, PRIMITIVE_CHECK_NAMES, REQUEST_INPUTS, VALIDATION_NAME } from '../data/validation';
import { findVariableOf, isFunction, isParameterReassigned, literalString, localFunctionOf, someNode, sourceOf, staticKey, unwrap, writtenName, type FunctionNode, type Node, type Variable } from './ast';
import { MAX_HELD_CHECKS, booleanComparison, exits, heldCheck } from './guards';
import type { AppCall, ExpressApp, Handler } from './model';
import { nestParameterBinding } from './nest';
import { readOptions, staticValueOf } from './options';

/**
 * What an argument holds of a handler's request: the request itself (`req`), a whole input (`req.body`, `req.query`,
 * `req.params`, a destructured `{ body }`, a `@Body() dto`), one field of an input (`req.body.email`, `dto.password`,
 * `email` of `const { email } = req.body`), or nothing the handler shows (`null`).
 */
type InputShape = 'request' | 'whole' | 'field' | null;

/**
 * Where a value comes from in the request: `[REQUEST]` the request itself, `['body']` a whole input,
 * `['body', 'email', ...]` a field of it (and members of the field), `null` nothing the handler shows.
 */
type InputPath = readonly string[] | null;

const REQUEST = '#request';

/** Where a checked value comes from (`inputPath` for a handler's request data; a helper's parameter for `checkedReturn`). */
type PathOf = (node: Node) => InputPath;

/** Variables followed through `const a = b` before giving up. */
const MAX_DEPTH = 8;

function shapeOf(path: InputPath): InputShape {
  if (path === null) return null;
  if (path[0] === REQUEST) return 'request';
  return path.length === 1 ? 'whole' : 'field';
}

/**
 * Whether a call named like a validator (`validate`, `validateUser`, `check`) inside `handler` authenticates rather
 * than validates the request's input (see `AUTHENTICATING_NAME`, `CREDENTIAL_FIELDS` and `CREDENTIAL_KEY` in
 * data/validation.ts):
 * - a name that says authentication (`this.authService.validateUser(...)`, `validateToken(token)`), unless a plain
 *   function is given the whole request data (`validateUser(req.body)`: a validator of a user object);
 * - any other name given two or more single fields of the request data and no whole input
 *   (`auth.validate(req.body.email, req.body.password)`, `this.auth.validate(dto.email, dto.password)`), also as an
 *   object literal of single fields (`auth.validate({ email: req.body.email, password: req.body.password })`, or one
 *   field under a credential key), unless the receiver is named like a schema (`schema.validate({ id: req.body.id,
 *   qty: req.body.qty })`). An object that spreads a whole input (`validate({ ...req.body })`) is the whole input.
 * Anything else (`validate(req.body)`, `schema.validate(data)`, `validateBody(req)`, `validateEmail(req.body.email)`)
 * is validation.
 */
export function authenticatesInstead(sourceCode: TSESLint.SourceCode, handler: Handler, call: TSESTree.CallExpression, name: string): boolean {
  let whole = false;
  let fields = 0;
  let credentialObject = false;
  const callee = unwrap(call.callee);
  const schemaReceiver = callee.type === T.MemberExpression && VALIDATION_NAME.test(writtenName(callee.object) ?? '');
  for (const arg of call.arguments) {
    if (arg.type === T.SpreadElement) continue;
    const inner = unwrap(arg);
    if (inner.type === T.ObjectExpression) {
      const object = objectShape(sourceCode, handler, inner);
      if (object.whole) whole = true;
      else if (!schemaReceiver && object.fields > 0 && (object.fields >= CREDENTIAL_FIELDS || object.credentialKey)) {
        fields += object.fields;
        credentialObject = true;
      }
      continue;
    }
    const path = inputPath(sourceCode, handler, arg, 0);
    const shape = shapeOf(path);
    if (shape === 'request' || shape === 'whole') whole = true;
    else if (shape === 'field') {
      fields++;
      // `req.body.password`, or `password` destructured from it: a credential by its key.
      if (CREDENTIAL_KEY.test(String(path!.at(-1)))) credentialObject = true;
    }
  }
  const receiver = callee.type === T.MemberExpression ? (writtenName(callee.object) ?? '') : '';
  // A whole input given to it is validated (`validateUser(req.body)`, `validators.validateUser(req.body)`), unless an
  // authentication name is called on a receiver named like authentication (`authService.validateUser(req.body)`).
  if (whole) return AUTHENTICATING_NAME.test(name) && AUTHENTICATING_RECEIVER.test(receiver);
  // Named like authentication: credentials (two fields, or one under a credential key: `validateToken(req.body.token)`);
  // one other field is a check of it (`validatePassword(req.body.newPassword)`, a strength check).
  if (AUTHENTICATING_NAME.test(name)) return credentialObject || fields >= CREDENTIAL_FIELDS;
  // Any other name: credentials, or several fields given to a bare `validate`/`check`/`verify` or to a receiver named
  // like authentication (`authService.validate(req.body.email, req.body.name)`); `validateSignup(req.body.name,
  // req.body.email)` and `validateDateRange(req.query.from, req.query.to)` validate.
  return credentialObject || (fields >= CREDENTIAL_FIELDS && (GENERIC_CHECK_NAME.test(name) || AUTHENTICATING_RECEIVER.test(receiver)));
}


/** An object literal's single request fields (`{ email: req.body.email }`), and whether it spreads a whole input. */
function objectShape(sourceCode: TSESLint.SourceCode, handler: Handler, object: TSESTree.ObjectExpression): { whole: boolean; fields: number; credentialKey: boolean } {
  let fields = 0;
  let credentialKey = false;
  let whole = false;
  for (const prop of object.properties) {
    if (prop.type === T.SpreadElement) {
      const shape = shapeOf(inputPath(sourceCode, handler, prop.argument, 0));
      if (shape === 'request' || shape === 'whole') whole = true;
      continue;
    }
    if (shapeOf(inputPath(sourceCode, handler, prop.value, 0)) !== 'field') continue;
    fields++;
    if (CREDENTIAL_KEY.test(staticKey(prop) ?? '')) credentialKey = true;
  }
  return { whole, fields, credentialKey };
}

/** Where `node` comes from in the handler's request (see `InputPath`). */
export function inputPath(sourceCode: TSESLint.SourceCode, handler: Handler, node: Node, depth: number): InputPath {
  if (depth > MAX_DEPTH) return null;
  const expr = unwrap(node);
  if (expr.type === T.Identifier) return identifierPath(sourceCode, handler, expr, depth);
  // `req.body ?? {}`, `req.params.ext || 'html'`: the request value, or a constant when it is missing.
  if (isDefaulted(expr)) return inputPath(sourceCode, handler, expr.left, depth + 1);
  // `Number(req.params.id)`: the field as a number, a path of its own (`params.id` + `NUMBER`), so that a check of the
  // number (`Number.isInteger(id)`) covers the reads of the number and not those of the field's text.
  const converted = numericArgument(sourceCode, expr);
  if (converted) {
    const base = inputPath(sourceCode, handler, converted, depth + 1);
    return base !== null && base[0] !== REQUEST && base.length >= 2 && base.at(-1) !== NUMBER ? [...base, NUMBER] : null;
  }
  if (expr.type !== T.MemberExpression) return null;
  const key = staticKey(expr);
  return key === null ? null : step(inputPath(sourceCode, handler, expr.object, depth + 1), key);
}

/** The last step of the path of a request field converted to a number (`inputPath`): no key of the request data. */
const NUMBER = '\0number';

/**
 * The value a numeric conversion converts: `Number(x)`, `parseInt(x, 10)`, `parseFloat(x)`, `Number.parseInt(x)`,
 * `Number.parseFloat(x)` (the globals, not locals of those names) and `+x`; `null` for anything else.
 */
function numericArgument(sourceCode: TSESLint.SourceCode, node: Node): Node | null {
  if (node.type === T.UnaryExpression) return node.operator === '+' ? node.argument : null;
  if (node.type !== T.CallExpression || node.arguments.length === 0 || node.arguments[0]!.type === T.SpreadElement) return null;
  const callee = unwrap(node.callee);
  let global: TSESTree.Identifier | null = null;
  if (callee.type === T.Identifier && NUMERIC_GLOBALS.has(callee.name)) global = callee;
  else if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Number') {
    const key = staticKey(callee);
    if (key === 'parseInt' || key === 'parseFloat') global = unwrap(callee.object) as TSESTree.Identifier;
  }
  if (!global || (findVariableOf(sourceCode, global)?.defs.length ?? 0) > 0) return null;
  return node.arguments[0]!;
}

/**
 * A read whose value only reaches the code as a number bounded above: converted (`Number(req.query.limit)`, or a read
 * of a local holding the conversion) then given, with a fallback or not, to `Math.min` beside a number literal:
 * `Math.min(100, Number(req.query.limit) || 20)`. No text of the client's, and no large number, reaches the code.
 */
function yieldsBoundedNumber(sourceCode: TSESLint.SourceCode, node: Node, converted: boolean): boolean {
  let current = node;
  const climb = (): void => {
    while (current.parent && unwrap(current.parent) !== current.parent) current = current.parent;
  };
  climb();
  if (!converted) {
    const parent = current.parent;
    if (!parent || numericArgument(sourceCode, parent) !== current) return false;
    current = parent;
    climb();
  }
  if (current.parent && isDefaulted(current.parent) && current.parent.left === current) {
    current = current.parent;
    climb();
  }
  const call = current.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(current as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || staticKey(callee) !== 'min' || unwrap(callee.object).type !== T.Identifier || (unwrap(callee.object) as TSESTree.Identifier).name !== 'Math') return false;
  return call.arguments.some((argument) => {
    const value = argument.type === T.SpreadElement ? null : unwrap(argument);
    return value?.type === T.Literal && typeof value.value === 'number';
  });
}

/** `x ?? c` or `x || c` with a constant, an empty object or an empty array as `c` (a default for a missing value). */
function isDefaulted(node: Node): node is TSESTree.LogicalExpression {
  if (node.type !== T.LogicalExpression || (node.operator !== '??' && node.operator !== '||')) return false;
  const fallback = unwrap(node.right);
  return (
    (fallback.type === T.Literal && !('regex' in fallback && fallback.regex)) ||
    (fallback.type === T.TemplateLiteral && fallback.expressions.length === 0) ||
    (fallback.type === T.ObjectExpression && fallback.properties.length === 0) ||
    (fallback.type === T.ArrayExpression && fallback.elements.length === 0)
  );
}

/** The path of `base[key]`. */
function step(base: InputPath, key: string): InputPath {
  if (base === null) return null;
  if (base[0] === REQUEST) return REQUEST_INPUTS.has(key) ? [key] : null;
  return [...base, key];
}

function identifierPath(sourceCode: TSESLint.SourceCode, handler: Handler, id: TSESTree.Identifier, depth: number): InputPath {
  const variable = findVariableOf(sourceCode, id);
  if (variable?.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  const name = def.name as Node;
  if (def.type === 'Parameter') {
    const req = handler.params.req;
    const reqTarget = req?.type === T.AssignmentPattern ? req.left : req;
    if (reqTarget && isWithin(name, reqTarget)) return patternPath(name, reqTarget, [REQUEST]);
    // NestJS: `@Body() dto`, `@Body('email') email`, `@Body() { email }` (the parameter itself or its pattern).
    let param: Node = name;
    while (param.parent && param.parent.type !== T.TSParameterProperty && !isFunction(param.parent)) param = param.parent;
    if (!param.parent || !handler.fn.params.some((p) => p === param || (p.type === T.TSParameterProperty && p.parameter === param))) return null;
    const binding = nestParameterBinding(param);
    if (!binding || !REQUEST_INPUTS.has(binding.property)) return null;
    const target = param.type === T.AssignmentPattern ? param.left : param;
    return patternPath(name, target, binding.key === null ? [binding.property] : [binding.property, binding.key]);
  }
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator || !def.node.init) return null;
  // Only the declaration writes it: `const body = req.body`, `const { email, password } = req.body`.
  if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== name)) return null;
  return patternPath(name, def.node.id, inputPath(sourceCode, handler, def.node.init, depth + 1));
}


function isWithin(node: Node, ancestor: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** The path of what `name` binds inside `pattern` (`{ body: { email } }`), the whole pattern holding `base`. */
function patternPath(name: Node, pattern: Node, base: InputPath): InputPath {
  const keys: string[] = [];
  let current: Node = name;
  while (current !== pattern) {
    const parent = current.parent;
    if (!parent) return null;
    if (parent.type === T.Property && parent.value === current) {
      const key = staticKey(parent);
      if (key === null) return null;
      keys.unshift(key);
    } else if (parent.type === T.RestElement) {
      // `{ ...rest }` holds the rest of the same object.
    } else if (parent.type !== T.ObjectPattern && !(parent.type === T.AssignmentPattern && parent.left === current)) {
      return null;
    }
    current = parent;
  }
  return keys.reduce<InputPath>(step, base);
}

/**
 * Whether every read of the request inputs `inputs` in `handler` is of a field that a hand-written check validates:
 * an `if` that exits (`return`, `throw`, `return next(err)`, as `exits` in guards.ts reads it) before the read, in an
 * enclosing block, whose test checks that field's type or form (`typeof req.body.email !== 'string'`,
 * `req.body.email.length > 100`, `!/^\d+$/.test(q)`, `!ROLES.includes(role)`, `!isValidEmail(req.body.email)`: see
 * `FIELD_TYPE_CHECKS` and `FIELD_CHECK_NAME`), an `if` whose passing branch holds the read, or the test that checks
 * it. A check covers the field and its members
 * (`req.body.email.toLowerCase()`); a read of a whole input (`User.create(req.body)`, `req.body[key]`) or of another
 * field is not covered. `const { email } = req.body` and `const body = req.body` are not reads themselves: the uses of
 * what they bind are. `false` when the handler shows no read it can follow.
 */
export function checksEveryField(sourceCode: TSESLint.SourceCode, handler: Handler, inputs: ReadonlySet<string>): boolean {
  return uncheckedRead(sourceCode, handler, inputs) === 'checked';
}

/**
 * The first read of the request inputs `inputs` in `handler` that no hand-written check covers (see
 * `checksEveryField`), with the input path it reads (`['query', 'next']`, `['body']` for a whole input); `'checked'`
 * when every read is covered; `null` when the handler shows no read it can follow.
 */
export function uncheckedRead(
  sourceCode: TSESLint.SourceCode,
  handler: Handler,
  inputs: ReadonlySet<string>,
  /**
   * The parameter that the function a call names returns only once checked (`checkedReturn`, from its summary: a
   * helper of the file or of another module of the package), else `null`: a field passed there is checked.
   */
  checkedBy: (call: TSESTree.CallExpression) => number | null = () => null,
  /** Route parameters that a param callback checks before the handler runs (`checkedRouteParams`): their reads are checked. */
  checkedParams: ReadonlySet<string> = NO_PARAMS,
): { node: Node; path: readonly string[] } | 'checked' | null {
  const fn = handler.fn;
  const pathOf: PathOf = (node) => inputPath(sourceCode, handler, node, 0);
  const keysOf = checkedKeysOf(sourceCode, pathOf);
  let reads = 0;
  let first: { node: Node; path: readonly string[] } | null = null;
  someNode(sourceCode.visitorKeys, fn.body, (node) => {
    if (node.type !== T.Identifier && node.type !== T.MemberExpression) return false;
    if (node.type === T.Identifier && isBinding(node)) return 'skip';
    const path = inputPath(sourceCode, handler, node, 0);
    if (path === null) return node.type === T.Identifier ? 'skip' : false;
    if (path[0] === REQUEST) return false;
    // Read the longest member chain: `req.body.email.length` as a whole.
    const parent = node.parent;
    if (parent?.type === T.MemberExpression && parent.object === node && staticKey(parent) !== null) return false;
    if (!inputs.has(path[0]!)) return 'skip';
    if (isHeldBinding(sourceCode, node)) return 'skip';
    reads++;
    // (A field given to a helper that returns it only once checked: `const next = safeNext(req.query.next)`.)
    if (path.length >= 2 && path.at(-1) !== NUMBER && passedToCheck(node, checkedBy)) return 'skip';
    // (`req.params.userId` of a route on `/:userId`, whose router's `param('userId', …)` rejects bad values.)
    if (path[0] === 'params' && path.length >= 2 && checkedParams.has(path[1]!)) return 'skip';
    // (Only a boolean reaches the code: `Boolean(req.query.x)`, `!!x`, `!x`, `'x' in req.query`; or a type's name:
    // `typeof x`; or a number bounded above: `Math.min(100, Number(req.query.limit) || 20)`.)
    if (yieldsBoolean(sourceCode, node) || yieldsBoundedNumber(sourceCode, node, path.at(-1) === NUMBER)) return 'skip';
    // (A whole input is checked only by a `typeof` of it: `typeof req.body !== 'string'`.)
    if (!isChecked(node, fn, path.join('.'), keysOf)) {
      first = { node, path };
      return true;
    }
    return false;
  });
  if (first) return first;
  return reads > 0 ? 'checked' : null;
}

const NO_PARAMS: ReadonlySet<string> = new Set();

/** A named parameter of an Express route path: `:userId` of `/users/:userId`, `/:id?`, `/:id(\\d+)`. */
const ROUTE_PARAM = /:([\w$]+)/gu;

/** The names of the parameters that `call`'s path (or each of its paths) holds: `userId` of `/users/:userId`. */
function pathParams(call: AppCall): Set<string> {
  const keys = new Set<string>();
  for (const path of call.paths ?? (call.path === null ? [] : [call.path])) {
    for (const match of path.matchAll(ROUTE_PARAM)) keys.add(match[1]!);
  }
  return keys;
}

/** How deep `checkedRouteParams` climbs through `mergeParams` routers' mounts. */
const MAX_MERGED_LEVELS = 4;

/**
 * The parameters of a route's path that a param callback validates before its handler runs. Express runs a router's
 * (or app's) param callbacks for the parameters of the paths of that router's own layers, whatever the order of the
 * calls, and for no other: `users.param('userId', (req, res, next, id) => { if (!/^\d+$/.test(id)) return
 * res.sendStatus(400); next(); })`, `app.param(['id', 'page'], fn)` check `req.params.userId` of a route of `users` on
 * `/:userId`, not of a router or app it mounts, nor of the app that mounts it. The callbacks are the router's own,
 * registered in its file or in another that imports it (`accounts.param('accountId', fn)` in app.js on the router of
 * routes/accounts.js: the importers' stand-ins, `ExpressApp.after`). A router made with `Router({ mergeParams: true })`
 * reads in `req.params` its parent's values too, for the names its own route path does not hold (its own take
 * precedence): `users.use('/:userId/posts', posts)` runs `users`' callback for `:userId` before `posts`, so that name of
 * a `posts` route is checked when, on every mount the model shows, the mount's path holds it and the parent's
 * callback checks it (or, the parent merging too, its own mounts do; up to `MAX_MERGED_LEVELS`). A router handed to a
 * function that registers its routes (`require('./post-routes')(posts)`) is the callers' router: a route there merges
 * what every caller's router merges. A callback counts when
 * every `next()` that hands on to the route is where a check of the value (its fourth parameter, or
 * `req.params.<name>`) passed, as `uncheckedRead` reads a handler's checks; a callback that only loads (`req.user =
 * await User.findById(id); next()`) checks nothing, nor one whose `next` is passed on. A callback its file does not
 * show counts by its name, as a validation middleware does (`validates`: `validateId`, a name of the rule's
 * `validators`).
 */
export function checkedRouteParams(sourceCode: TSESLint.SourceCode, call: AppCall, validates: (name: string) => boolean): ReadonlySet<string> {
  const keys = pathParams(call);
  const merged = [...mergedNames(call.app, 0)].filter((name) => !keys.has(name));
  if (keys.size === 0 && merged.length === 0) return NO_PARAMS;
  const checked = keys.size === 0 ? new Set<string>() : checkedBy(sourceCode, call.app, keys, validates);
  for (const name of merged) if (checkedAbove(sourceCode, call.app, name, validates, 0)) checked.add(name);
  return checked;
}

/** The names a `mergeParams` router gets from its parents: those the paths of its mounts hold, and their parents' when they merge too. */
function mergedNames(app: ExpressApp, depth: number): Set<string> {
  const names = new Set<string>();
  if (depth >= MAX_MERGED_LEVELS || app.mounts.length === 0) return names;
  if (handedParameter(app)) {
    for (const mount of app.mounts) for (const name of mergedNames(mount.parent, depth + 1)) names.add(name);
    return names;
  }
  if (!mergesParams(app)) return names;
  for (const mount of app.mounts) {
    for (const name of pathParams(mount.call)) names.add(name);
    for (const name of mergedNames(mount.parent, depth + 1)) names.add(name);
  }
  return names;
}

/**
 * Whether the parent's value of `name` that a `mergeParams` router (`app`) reads is checked on each of its mounts: the
 * mount's path holds `name` and the parent's callback checks it, or the mount's path does not and the parent, merging
 * too, gets it checked from above. `false` for a router that does not merge, or that no mount of the model shows.
 */
function checkedAbove(sourceCode: TSESLint.SourceCode, app: ExpressApp, name: string, validates: (name: string) => boolean, depth: number): boolean {
  if (depth >= MAX_MERGED_LEVELS || app.mounts.length === 0) return false;
  if (handedParameter(app)) return app.mounts.every((mount) => checkedAbove(sourceCode, mount.parent, name, validates, depth + 1));
  if (!mergesParams(app)) return false;
  return app.mounts.every((mount) =>
    pathParams(mount.call).has(name) ? checkedBy(sourceCode, mount.parent, new Set([name]), validates).has(name) : checkedAbove(sourceCode, mount.parent, name, validates, depth + 1),
  );
}

/** Whether a router is made with `mergeParams: true` (`Router({ mergeParams: true })`, `express.Router(opts)` of a `const`), read in its own file. */
function mergesParams(app: ExpressApp): boolean {
  if (app.kind !== 'router' || app.origin || app.node.type !== T.CallExpression) return false;
  const [options] = app.node.arguments;
  const source = sourceOf(app.node);
  if (!options || options.type === T.SpreadElement || !source) return false;
  const view = readOptions(source, options);
  if (view === 'unknown') return false;
  const merge = view.get('mergeParams');
  return merge.kind === 'set' && staticValueOf(source, merge.node)?.value === true;
}

/**
 * The names of `keys` that a param callback of `app` checks: its own `param` calls, of any file (each read with its
 * file's source), and those its importers make on their stand-ins of it (`ExpressApp.after`). A router handed to a
 * function that registers its routes (`distTags(app)` in verdaccio's api/index.ts, `module.exports = (route) => {
 * route.get('/:package/:tag', …) }`) is the callers' router itself: their param callbacks run before those routes
 * too, whatever the order of the calls. A name counts there when every caller's app checks it (a caller that hands
 * an app with no such callback, a test's, leaves it unchecked).
 */
function checkedBy(
  sourceCode: TSESLint.SourceCode,
  app: ExpressApp,
  keys: ReadonlySet<string>,
  validates: (name: string) => boolean,
  seen = new Set<ExpressApp>(),
): Set<string> {
  const checked = new Set<string>();
  // (On the current path only: a cycle of handoffs checks nothing more.)
  if (seen.has(app)) return checked;
  for (const param of [...app.calls, ...(app.after ?? []).flatMap((standIn) => standIn.calls)]) {
    if (param.method !== 'param' || param.args.length < 2) continue;
    const source = sourceOf(param.node) ?? sourceCode;
    const [first, callback] = param.args as [TSESTree.CallExpressionArgument, TSESTree.CallExpressionArgument];
    // (An array of names is `app.param`'s only: a router's `param` takes one.)
    const list = unwrap(first);
    const names = (list.type === T.ArrayExpression && app.kind === 'app' ? list.elements : [first]).map((n) => (n && n.type !== T.SpreadElement ? literalString(n) : null));
    const wanted = names.filter((name): name is string => name !== null && keys.has(name) && !checked.has(name));
    if (wanted.length === 0 || callback.type === T.SpreadElement) continue;
    const fn = localFunctionOf(source, callback);
    for (const name of wanted) {
      if (fn ? paramCallbackChecks(source, fn, name) : validates(writtenName(callback) ?? '')) checked.add(name);
    }
  }
  const rest = new Set([...keys].filter((key) => !checked.has(key)));
  if (!handedParameter(app) || rest.size === 0) return checked;
  seen.add(app);
  const byCaller = app.mounts.map((mount) => checkedBy(sourceCode, mount.parent, rest, validates, seen));
  seen.delete(app);
  for (const key of rest) if (byCaller.every((theirs) => theirs.has(key))) checked.add(key);
  return checked;
}


/**
 * Whether `app` is the parameter of a function that callers hand their app or router (`require('./routes')(router)`:
 * every mount is `index: -1`): the routes it registers are those of the callers' routers themselves.
 */
function handedParameter(app: ExpressApp): boolean {
  return app.mounts.length > 0 && app.mounts.every((mount) => mount.index === -1) && isFunction(app.node);
}

/** Whether a param callback `(req, res, next, value)` hands on only where a check of the value passed (`checkedRouteParams`). */
function paramCallbackChecks(sourceCode: TSESLint.SourceCode, fn: FunctionNode, name: string): boolean {
  const [req, , next, value] = fn.params;
  if (next?.type !== T.Identifier) return false;
  const variableOf = (param: Node | undefined): Variable | null => (param?.type === T.Identifier ? findVariableOf(sourceCode, param) : null);
  const nextVariable = variableOf(next);
  const valueVariable = variableOf(value);
  const reqVariable = variableOf(req);
  if (!nextVariable || (valueVariable && isParameterReassigned(valueVariable))) return false;
  const key = `params.${name}`;
  const pathOf: PathOf = (node) => {
    const inner = unwrap(node);
    if (inner.type === T.Identifier) return valueVariable && findVariableOf(sourceCode, inner) === valueVariable ? ['params', name] : null;
    if (inner.type !== T.MemberExpression || staticKey(inner) !== name) return null;
    const params = unwrap(inner.object);
    if (params.type !== T.MemberExpression || staticKey(params) !== 'params') return null;
    const object = unwrap(params.object);
    return reqVariable && object.type === T.Identifier && findVariableOf(sourceCode, object) === reqVariable ? ['params', name] : null;
  };
  const keysOf = checkedKeysOf(sourceCode, pathOf);
  let handsOn = 0;
  for (const ref of nextVariable.references) {
    const call = ref.identifier.parent;
    // (`next` passed on, `.catch(next)`: where it is called is not shown.)
    if (call?.type !== T.CallExpression || call.callee !== ref.identifier) return false;
    // (`next(err)`, `next('route')`: the route's handler does not run.)
    if (call.arguments.length > 0) continue;
    handsOn++;
    if (!isChecked(call, fn, key, keysOf)) return false;
  }
  return handsOn > 0;
}

/** Whether `node` is the argument of a call that returns it only once checked (`checkedBy`, see `uncheckedRead`). */
function passedToCheck(node: Node, checkedBy: (call: TSESTree.CallExpression) => number | null): boolean {
  let current = node;
  while (current.parent && unwrap(current.parent) !== current.parent) current = current.parent;
  const call = current.parent;
  if (call?.type !== T.CallExpression) return false;
  const index = call.arguments.indexOf(current as TSESTree.CallExpressionArgument);
  return index >= 0 && checkedBy(call) === index;
}

/**
 * The parameter that a function returns only where a hand-written check of its type or form holds, read as
 * `uncheckedRead` reads a handler's checks of a field (`function safeNext(v) { if (typeof v !== 'string' ||
 * !v.startsWith('/')) return '/'; return v; }`, `(v) => typeof v === 'string' && v.length <= 80 ? v : ''`); every other
 * value it returns (`returned`: its return expressions, through `?:`, `&&`, `||` and `??`) is a constant (`'/'`,
 * `null`, a `const` holding one), or the falsy left of an `&&`. `null` otherwise: a parameter returned unchecked, or
 * changed on the way (`v.trim()`, a local made from it), or written to (`params`: the function's plain parameters).
 */
export function checkedReturn(sourceCode: TSESLint.SourceCode, fn: Node, returned: readonly Node[], params: ReadonlyMap<Variable, number>): number | null {
  const paramOf = (node: Node): { variable: Variable; index: number } | null => {
    const inner = unwrap(node);
    const variable = inner.type === T.Identifier ? findVariableOf(sourceCode, inner) : null;
    const index = variable ? params.get(variable) : undefined;
    return variable && index !== undefined ? { variable, index } : null;
  };
  const leaves: Node[] = [];
  const flatten = (raw: Node, depth: number): boolean => {
    const node = unwrap(raw);
    if (depth > MAX_DEPTH) return false;
    if (node.type === T.ConditionalExpression) return flatten(node.consequent, depth + 1) && flatten(node.alternate, depth + 1);
    if (node.type === T.LogicalExpression) {
      // `typeof v === 'string' && v`: the left is returned only when falsy (a failed test).
      if (node.operator === '&&' && !paramOf(node.left)) return flatten(node.right, depth + 1);
      return flatten(node.left, depth + 1) && flatten(node.right, depth + 1);
    }
    leaves.push(node);
    return true;
  };
  if (!returned.every((node) => flatten(node, 0))) return null;
  let found: { variable: Variable; index: number } | null = null;
  for (const leaf of leaves) {
    const param = paramOf(leaf);
    if (!param) {
      if (staticValueOf(sourceCode, leaf) === null) return null;
      continue;
    }
    if (found && found.variable !== param.variable) return null;
    found = param;
  }
  if (!found || found.variable.references.some((r) => r.isWrite() && !r.init)) return null;
  const { variable } = found;
  const key = `${PARAMETER}.${variable.name}`;
  const pathOf: PathOf = (node) => (paramOf(node)?.variable === variable ? [PARAMETER, variable.name] : null);
  const keysOf = checkedKeysOf(sourceCode, pathOf);
  return leaves.every((leaf) => !paramOf(leaf) || isChecked(leaf, fn, key, keysOf)) ? found.index : null;
}

/** The first step of the path of a helper's parameter (`checkedReturn`): no key of the request. */
const PARAMETER = '#parameter';

/** A name being declared (`email` of `const { email } = ...`, a parameter), not read. */
function isBinding(id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (parent.type === T.VariableDeclarator) return parent.id === id;
  // `{ email: … }` names a key; a shorthand `{ email }` whose key and value are one node reads `email`.
  if (parent.type === T.Property) return parent.parent?.type === T.ObjectPattern || (parent.key === id && parent.value !== id && !parent.computed);
  if (parent.type === T.MemberExpression) return parent.property === id && !parent.computed;
  return parent.type === T.AssignmentPattern ? parent.left === id : parent.type === T.RestElement || parent.type === T.ArrayPattern;
}

/**
 * Request data held by a local that only its declaration writes (`const { email } = req.body`, `const q = req.query.q
 * as string`, `let dbConfig = req.body.dbConfig` never assigned again): its uses are the reads (`identifierPath`
 * follows the same locals).
 */
function isHeldBinding(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  let current = node;
  // (Through wrappers, a default and a numeric conversion: `const ext = req.params.ext ?? 'html'` binds the field,
  // `const id = Number(req.params.id)` its number.)
  while (
    current.parent &&
    (unwrap(current.parent) !== current.parent || (isDefaulted(current.parent) && current.parent.left === current) || numericArgument(sourceCode, current.parent) === current)
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type !== T.VariableDeclarator || parent.init !== current || parent.parent?.type !== T.VariableDeclaration) return false;
  const kind = parent.parent.kind;
  if (kind === 'const') return true;
  if (kind !== 'let' && kind !== 'var') return false;
  const variables = sourceCode.getDeclaredVariables(parent);
  return (
    variables.length > 0 &&
    variables.every((variable) => variable.defs.length === 1 && !variable.references.some((ref) => ref.isWrite() && ref.identifier !== variable.defs[0]!.name))
  );
}

/**
 * A read whose value only reaches the code as a boolean: `Boolean(req.query.x)`, `!!x`, `!x`, `'x' in req.query`,
 * the whole test of an `if`, loop or `?:` (`if (req.query.debug)`), an equality with a constant (`x === 'true'`); or as
 * the name of its type, `typeof x` (`res.json({ queued: typeof req.body.email === 'string' })`: no text of the
 * client's reaches the code). Not a check of the field: a later read of it is still a read, and a `typeof` test
 * validates only where it rejects (`isChecked`).
 */
function yieldsBoolean(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  let current = node;
  while (current.parent && unwrap(current.parent) !== current.parent) current = current.parent;
  const parent = current.parent;
  if (!parent) return false;
  if (parent.type === T.UnaryExpression) return parent.operator === '!' || parent.operator === 'typeof';
  if (parent.type === T.IfStatement || parent.type === T.WhileStatement || parent.type === T.DoWhileStatement || parent.type === T.ForStatement || parent.type === T.ConditionalExpression) {
    return parent.test === current;
  }
  if (parent.type === T.BinaryExpression) {
    if (parent.operator === 'in') return parent.right === current;
    const other = parent.left === current ? parent.right : parent.left;
    // (`x === void 0`: compiled `x?.key` tests its object so.)
    return ['===', '!==', '==', '!='].includes(parent.operator) && (isConstantText(unwrap(other)) || isVoid(unwrap(other)));
  }
  if (parent.type !== T.CallExpression || parent.arguments.length !== 1 || parent.arguments[0] !== current) return false;
  const callee = unwrap(parent.callee);
  // (The global `Boolean`, not a local of that name.)
  return callee.type === T.Identifier && callee.name === 'Boolean' && (findVariableOf(sourceCode, callee)?.defs.length ?? 0) === 0;
}

/**
 * Whether a check dominates `node` and checks `key` or a prefix of it: an `if` before it whose branch exits when the
 * check fails (`if (bad) return …;` in an enclosing block, or `node` in its `else`), an `if` whose test passing leads
 * to `node` (`if (typeof q === 'string') { … }`), or `node` read in the test that checks it.
 */
function isChecked(node: Node, fn: Node, key: string, keysOf: (test: Node, fails: boolean) => string[]): boolean {
  const covers = (test: Node, fails: boolean): boolean => keysOf(test, fails).some((k) => key === k || key.startsWith(`${k}.`));
  let current: Node = node;
  while (current.parent && current !== fn) {
    const parent: Node = current.parent;
    if (parent.type === T.IfStatement) {
      // A read in the test that checks it is the check (`typeof x === 'string' && x.length < 80`).
      if (current === parent.test && (covers(parent.test, true) || covers(parent.test, false))) return true;
      if (current === parent.alternate && exits(parent.consequent) && covers(parent.test, true)) return true;
      if (current === parent.consequent && covers(parent.test, false)) return true;
    }
    // A read in a local's initializer that checks it is the check too (`const ok = ROLES.includes(role)`): the local
    // covers the later reads only where a test of it exits.
    if (parent.type === T.VariableDeclarator && current === parent.init && parent.id.type === T.Identifier && (covers(parent.init, true) || covers(parent.init, false))) return true;
    // `typeof q === 'string' ? q : ''`, `typeof q === 'string' && q.trim()`, `typeof q !== 'string' || q.length > 80`.
    if (parent.type === T.ConditionalExpression) {
      if (current === parent.test && (covers(parent.test, true) || covers(parent.test, false))) return true;
      if (current === parent.consequent && covers(parent.test, false)) return true;
      if (current === parent.alternate && covers(parent.test, true)) return true;
    }
    if (parent.type === T.LogicalExpression && current === parent.right && parent.operator !== '??') {
      if (covers(parent.left, parent.operator === '||')) return true;
    }
    if (parent.type === T.BlockStatement || parent.type === T.SwitchCase || parent.type === T.StaticBlock) {
      const body: readonly Node[] = parent.type === T.SwitchCase ? parent.consequent : parent.body;
      for (const stmt of body) {
        if (stmt.range[0] >= current.range[0]) break;
        if (stmt.type !== T.IfStatement || !exits(stmt.consequent) || (stmt.alternate && exits(stmt.alternate))) continue;
        if (covers(stmt.test, true)) return true;
      }
    }
    current = parent;
  }
  return false;
}

/**
 * The keys a test checks (`collectChecked`) when it fails, or when it passes, memoized per test: what `isChecked` asks
 * of each test above a read.
 */
function checkedKeysOf(sourceCode: TSESLint.SourceCode, pathOf: PathOf): (test: Node, fails: boolean) => string[] {
  const memo = [new Map<Node, string[]>(), new Map<Node, string[]>()] as const;
  return (test, fails) => {
    const known = memo[fails ? 1 : 0];
    let keys = known.get(test);
    if (!keys) {
      keys = [];
      collectChecked(sourceCode, pathOf, test, fails, keys);
      known.set(test, keys);
    }
    return keys;
  };
}

/**
 * The request fields (`body.email`) whose type or form `test` checks, through `!`, `&&`, `||`; `fails`: whether the
 * test holding means the check failed (`if (test) return …`). `typeof`, lengths and allow-lists are read with their
 * polarity (`typeof x !== 'string'`, `x.length > 100`, `!ROLES.has(x)` fail; `typeof x === 'string'`, `x.length <=
 * 100`, `ROLES.has(x)` pass); the other checks count either way, as they may say either (`if (Array.isArray(x))
 * return …` rejects arrays, `if (/[<>]/.test(x)) return …` rejects a form, `isInvalid(x)`).
 */
function collectChecked(sourceCode: TSESLint.SourceCode, pathOf: PathOf, test: Node, fails: boolean, out: string[], held = 0): void {
  const node = unwrap(test);
  const field = (subject: Node | undefined): void => {
    if (!subject || subject.type === T.SpreadElement || subject.type === T.PrivateIdentifier) return;
    const path = pathOf(compiledOptionalMember(subject));
    if (path !== null && path[0] !== REQUEST && path.length >= 2) out.push(path.join('.'));
  };
  const whole = (subject: Node): void => {
    const path = pathOf(compiledOptionalMember(subject));
    if (path !== null && path.length === 1 && path[0] !== REQUEST) out.push(path[0]!);
  };
  const compared = booleanComparison(node);
  if (compared) {
    // `['a', 'b'].includes(scope) === false` is `!['a', 'b'].includes(scope)` (guards.ts).
    collectChecked(sourceCode, pathOf, compared.operand, fails !== compared.negated, out, held);
  } else if (node.type === T.UnaryExpression && node.operator === '!') {
    collectChecked(sourceCode, pathOf, node.argument, !fails, out, held);
  } else if (node.type === T.LogicalExpression && (node.operator === '&&' || (node.operator === '||' && fails))) {
    // `a || b` failing, or `a && b` passing, checks both; `x && typeof x !== 'string'` failing checks an optional field.
    collectChecked(sourceCode, pathOf, node.left, fails, out, held);
    collectChecked(sourceCode, pathOf, node.right, fails, out, held);
  } else if (node.type === T.Identifier) {
    // `const ok = ALLOWED.includes(x); if (!ok) return …`: a local that only ever holds a check is that check (the
    // reading of guards.ts, which the other rules use).
    const init = held < MAX_HELD_CHECKS ? heldCheck(sourceCode, node) : null;
    if (init) collectChecked(sourceCode, pathOf, init, fails, out, held + 1);
  } else if (node.type === T.BinaryExpression) {
    for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
      if (side.type === T.PrivateIdentifier) continue;
      const value = unwrap(side);
      // `typeof x !== 'string'`; of a whole input, a primitive type (`typeof req.body !== 'string'`).
      const equality = ['===', '!==', '==', '!='].includes(node.operator);
      const inner = unwrap(other);
      if (equality && node.operator.startsWith('!') === fails && value.type === T.UnaryExpression && value.operator === 'typeof') {
        if (inner.type === T.Literal && typeof inner.value === 'string') {
          field(value.argument);
          if (PRIMITIVE_TYPES.has(inner.value)) whole(value.argument);
        }
      }
      // `x.length > 100` to exit, `x.length <= 100` (or `100 >= x.length`) to pass: the check passes on short values
      // only (`x.length < 8` to exit keeps the long ones); an exact length, `x.length !== 36` to exit, `=== 36` to pass.
      if (value.type === T.MemberExpression && staticKey(value) === 'length') {
        const below = side === node.left ? node.operator === '<' || node.operator === '<=' : node.operator === '>' || node.operator === '>=';
        const above = side === node.left ? node.operator === '>' || node.operator === '>=' : node.operator === '<' || node.operator === '<=';
        if ((below && !fails) || (above && fails)) field(value.object);
        else if (equality && node.operator.startsWith('!') === fails && inner.type === T.Literal && typeof inner.value === 'number') field(value.object);
      }
    }
  } else if (node.type === T.CallExpression) {
    const callee = unwrap(node.callee);
    const first = node.arguments[0];
    if (callee.type === T.Identifier) {
      if (FIELD_CHECK_NAME.test(callee.name) && !authenticates(callee.name, first)) field(first);
    } else if (callee.type === T.MemberExpression) {
      const key = staticKey(callee);
      const object = unwrap(callee.object);
      if (key === null) return;
      if (object.type === T.Identifier && FIELD_TYPE_CHECKS.has(`${object.name}.${key}`)) field(first);
      else if (key === 'test' && isRegex(sourceCode, object)) field(first);
      // `['user', 'admin'].includes(role)`, `ROLES.has(role)`: an allow-list that is not request data, when being
      // listed passes (`if (!ROLES.has(role)) return …`; `if (ROLES.has(role)) return …` keeps the others).
      else if ((key === 'includes' || key === 'has') && !fails && (object.type === T.ArrayExpression || object.type === T.Identifier) && pathOf(object) === null) field(first);
      else if (FIELD_CHECK_NAME.test(key) && !authenticates(key, first)) {
        field(first);
        // (`_.isString(req.body)` passing: the whole input is one string, as `typeof req.body === 'string'` says.)
        if (!fails && PRIMITIVE_CHECK_NAMES.has(key) && first && first.type !== T.SpreadElement) whole(first);
      }
    }
  }

  /** A check named like authentication of a credential (`validateToken(req.body.token)`) verifies it, it does not check its shape (`validatePassword(req.body.newPassword)`, a strength check, does). */
  function authenticates(name: string, first: TSESTree.CallExpressionArgument | undefined): boolean {
    if (!AUTHENTICATING_NAME.test(name) || !first || first.type === T.SpreadElement) return AUTHENTICATING_NAME.test(name);
    const path = pathOf(first);
    return path === null || CREDENTIAL_KEY.test(String(path.at(-1)));
  }
}

/** A literal (not a regex) or a template without expressions: `'true'`, `1`, `null`. */
function isConstantText(node: Node): boolean {
  if (node.type === T.Literal) return !('regex' in node && node.regex);
  return node.type === T.TemplateLiteral && node.expressions.length === 0;
}

/** The types a `typeof` check of a whole input may pin it to: it then holds no fields (`typeof req.body !== 'string'`). */
const PRIMITIVE_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'bigint']);

/**
 * Babel's and TypeScript's compiled `x?.key` when `x` is a plain name, `x === null || x === void 0 ? void 0 : x.key`
 * (verdaccio's build: `typeof (query === null || query === void 0 ? void 0 : query.key) !== 'string'`): the member it
 * reads (`undefined` otherwise). Any other expression is itself.
 */
function compiledOptionalMember(node: Node): Node {
  const inner = unwrap(node);
  if (inner.type !== T.ConditionalExpression || inner.test.type !== T.LogicalExpression || inner.test.operator !== '||') return node;
  const alternate = unwrap(inner.alternate);
  if (alternate.type !== T.MemberExpression || !isVoid(inner.consequent)) return node;
  const object = unwrap(alternate.object);
  if (object.type !== T.Identifier) return node;
  const isNothingTest = (side: Node, nothing: (other: Node) => boolean): boolean =>
    side.type === T.BinaryExpression && (side.operator === '===' || side.operator === '==') && side.left.type === T.Identifier && side.left.name === object.name && nothing(side.right);
  const isNull = (other: Node): boolean => other.type === T.Literal && other.value === null && !('regex' in other && other.regex);
  return isNothingTest(inner.test.left, isNull) && isNothingTest(inner.test.right, isVoid) ? alternate : node;
}

/** `void 0`. */
function isVoid(node: Node): boolean {
  return node.type === T.UnaryExpression && node.operator === 'void' && node.argument.type === T.Literal && node.argument.value === 0;
}

/** A regex literal, `new RegExp(...)`, or a `const` holding one. */
function isRegex(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  let inner = unwrap(node);
  if (inner.type === T.Identifier) {
    const def = findVariableOf(sourceCode, inner)?.defs[0];
    if (def?.node.type !== T.VariableDeclarator || !def.node.init || def.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const') return false;
    inner = unwrap(def.node.init);
  }
  if (inner.type === T.Literal) return 'regex' in inner && Boolean(inner.regex);
  return inner.type === T.NewExpression && inner.callee.type === T.Identifier && inner.callee.name === 'RegExp';
}
