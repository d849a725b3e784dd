import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { CLASS_MIXINS } from '../data/nest';
import { VERIFY_CALLBACKS, type VerifyCallbackRow } from '../data/strategies';
import { isFunction, literalString, localFunctionOf, staticKey, unwrap, type FunctionNode, type Node } from './ast';
import type { ExpressModel } from './index';
import { pathEquals, type ModuleValue } from './model';

/** A parameter of a verify callback that a strategy fills from the request: its index and the request path it reads. */
export interface VerifyField {
  readonly index: number;
  /** `['body', 'email']`; `['body']` when the key is not known (`usernameField: config.field`). */
  readonly path: readonly string[];
  /** How a message names it: `req.body.email, given as 'username' by passport-local`. */
  readonly source: string;
}

/** A verify callback of a strategy of `VERIFY_CALLBACKS`, with the parameters it receives from the request. */
export interface VerifyCallback {
  readonly fn: FunctionNode;
  /** The request, first, with the strategy's `passReqToCallback: true`. */
  readonly request: TSESTree.Parameter | null;
  readonly fields: readonly VerifyField[];
  /**
   * The name the strategy is registered under (`passport.use('login', new LocalStrategy(…))`, or the row's default
   * name for `passport.use(new LocalStrategy(…))`), which routes authenticate with; `null` when not known (the
   * strategy kept in a variable, a name that is not a literal, a NestJS strategy class).
   */
  readonly strategy: string | null;
}

type Calls = ExpressModel['moduleCalls'];

/**
 * The file's verify callbacks of Passport strategies that hand them request data (`VERIFY_CALLBACKS`): the function
 * given to `new LocalStrategy([options,] verify)`, and the `validate` method of a NestJS `class LocalStrategy extends
 * PassportStrategy(Strategy)` (its options those it passes to `super(...)`, none without a constructor). Options the
 * model cannot read (a spread of unknown code, `passReqToCallback` not a literal) leave the callback out: which
 * parameters hold what is then unknown.
 */
export function verifyCallbacks(sourceCode: TSESLint.SourceCode, model: ExpressModel): VerifyCallback[] {
  const calls = model.moduleCalls;
  if (!calls.some((c) => VERIFY_CALLBACKS.some((row) => c.callee.module === row.module))) return [];
  const found: VerifyCallback[] = [];
  for (const { node, callee } of calls) {
    // `new LocalStrategy(options, verify)`, `new LocalStrategy(verify)`.
    const row = rowOf(callee);
    if (!row || node.type !== T.NewExpression) continue;
    const [first, second] = node.arguments;
    if (!first || first.type === T.SpreadElement) continue;
    const verify = localFunctionOf(sourceCode, first);
    const fn = verify ?? (second && second.type !== T.SpreadElement ? localFunctionOf(sourceCode, second) : undefined);
    if (!fn) continue;
    const callback = readCallback(model, row, fn, verify ? null : first, registeredName(node, row));
    if (callback) found.push(callback);
  }
  for (const { node, callee } of calls) {
    // `class LocalStrategy extends PassportStrategy(Strategy) { constructor() { super({ usernameField: 'email' }) } validate(...) }`
    const cls = node.parent;
    if (node.type !== T.CallExpression || (cls?.type !== T.ClassDeclaration && cls?.type !== T.ClassExpression) || cls.superClass !== node) continue;
    const mixin = CLASS_MIXINS.find((m) => pathEquals(callee, m.module, m.path));
    const given = mixin ? node.arguments[mixin.argument] : undefined;
    const row = given && given.type !== T.SpreadElement ? rowOf(model.valueOf(given)) : undefined;
    if (!row) continue;
    const method = cls.body.body.find(
      (e): e is TSESTree.MethodDefinition => e.type === T.MethodDefinition && !e.static && e.kind === 'method' && staticKey(e) === row.nestMethod,
    );
    if (!method?.value.body) continue;
    const options = superOptions(cls, calls);
    if (options === undefined) continue;
    const callback = readCallback(model, row, method.value, options, mixinName(node, row, mixin!.nameArgument));
    if (callback) found.push(callback);
  }
  return found;
}

function rowOf(value: ModuleValue | undefined): VerifyCallbackRow | undefined {
  return value ? VERIFY_CALLBACKS.find((row) => row.paths.some((path) => pathEquals(value, row.module, path))) : undefined;
}

/**
 * The options a strategy class passes to `super(...)` in its constructor: its first argument (`null`: none, no
 * constructor or `super()`); `undefined` when not known (a spread, `super` in a branch of several).
 */
function superOptions(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, calls: Calls): Node | null | undefined {
  const constructor = cls.body.body.find((e): e is TSESTree.MethodDefinition => e.type === T.MethodDefinition && e.kind === 'constructor');
  if (!constructor) return null;
  const supers = calls.filter((c) => c.node.type === T.CallExpression && c.node.callee.type === T.Super && within(constructor, c.node));
  if (supers.length !== 1) return undefined;
  const first = supers[0]!.node.arguments[0];
  return !first ? null : first.type === T.SpreadElement ? undefined : first;
}

function within(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The callback's parameters as `options` (`null`: none) lay them out; `null` when the options cannot be read. */
function readCallback(model: ExpressModel, row: VerifyCallbackRow, fn: FunctionNode, options: Node | null, strategy: string | null): VerifyCallback | null {
  const view = options ? model.options(options) : null;
  if (view === 'unknown') return null;
  let passRequest = false;
  if (view) {
    const value = view.get(row.requestOption);
    if (value.kind === 'unknown') return null;
    if (value.kind === 'set') {
      const inner = unwrap(value.node);
      if (inner.type !== T.Literal || typeof inner.value !== 'boolean') return null;
      passRequest = inner.value;
    }
  }
  const offset = passRequest ? 1 : 0;
  const fields: VerifyField[] = [];
  row.fields.forEach((field, i) => {
    const value = view ? view.get(field.option) : ({ kind: 'absent' } as const);
    const key = value.kind === 'absent' ? field.key : value.kind === 'set' ? literalString(value.node) : null;
    const read = key === null ? `req.${row.property}[${field.option}]` : /^[A-Za-z_$][\w$]*$/u.test(key) ? `req.${row.property}.${key}` : `req.${row.property}['${key}']`;
    fields.push({ index: offset + i, path: key === null ? [row.property] : [row.property, key], source: `${read}, given as '${field.key}' by ${row.module}` });
  });
  const request = passRequest ? (fn.params[0] ?? null) : null;
  return isFunction(fn) ? { fn, request, fields, strategy } : null;
}

/**
 * The name a NestJS strategy class is registered under: the mixin's name argument (`PassportStrategy(Strategy,
 * 'admin')`), or the row's default name without one; `null` when not a literal or the mixin takes none.
 */
function mixinName(node: TSESTree.CallExpression, row: VerifyCallbackRow, index: number | undefined): string | null {
  if (index === undefined) return null;
  const given = node.arguments[index];
  return given === undefined ? row.name : literalString(given);
}

/**
 * The name `new Strategy(…)` is registered under when it is the last argument of a `use` call (`passport.use(s)`: the
 * row's default name; `passport.use('login', s)`: the literal); `null` otherwise.
 */
function registeredName(node: TSESTree.NewExpression, row: VerifyCallbackRow): string | null {
  const use = node.parent;
  if (use?.type !== T.CallExpression || use.callee.type !== T.MemberExpression || staticKey(use.callee) !== 'use' || use.arguments.at(-1) !== node) return null;
  if (use.arguments.length === 1) return row.name;
  return use.arguments.length === 2 ? literalString(use.arguments[0]) : null;
}
