import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { findVariableOf, isFunction, staticKey, unwrap } from './ast';
import { exits } from './guards';
import { resolveConst } from './options';

/**
 * Error details in a response, as no-error-details-in-response judges them: shared with the project model's
 * per-function summaries (a helper of another file that sends its error parameter).
 */
export type Leak = 'err' | 'stack' | 'message';
type Variable = TSESLint.Scope.Variable;

/** Response methods that send their argument (for `render`, the locals). */
export const SEND_METHODS: ReadonlyMap<string, number> = new Map([
  ['send', 0],
  ['json', 0],
  ['jsonp', 0],
  ['end', 0],
  // Node's own servers (and Express's response, which is one): `res.write(String(err))`
  ['write', 0],
  ['render', 1],
]);

/** Error properties that hold internals: the stack, or (strict) the message. */
const STACK_KEYS = new Set(['stack']);
const MESSAGE_KEYS = new Set(['message', 'sqlMessage', 'sql']);

export interface Found {
  kind: Leak;
  node: TSESTree.Node;
  name: string;
}

const RANK: Record<Leak, number> = { err: 3, stack: 2, message: 1 };

function worst(a: Found | null, b: Found | null): Found | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[b.kind] > RANK[a.kind] ? b : a;
}

/**
 * The variables a caught error's parameter binds: the parameter itself (`catch (err)`, `(err = {}) => ...`), or what a
 * destructuring parameter takes from the error (`catch ({ stack })`, `({ message, stack: s }, req, res, next)`). An
 * `errors` list of the functions below holds both; only the former is the error itself ({@link refersTo}).
 */
export function caughtVariables(sourceCode: TSESLint.SourceCode, param: TSESTree.Node | null | undefined): Variable[] {
  const id = param?.type === T.AssignmentPattern ? param.left : param;
  const variables: Variable[] = [];
  const visit = (node: TSESTree.Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case T.Identifier: {
        const variable = findVariableOf(sourceCode, node);
        if (variable) variables.push(variable);
        return;
      }
      case T.ObjectPattern:
        for (const prop of node.properties) visit(prop.type === T.Property ? prop.value : prop.argument);
        return;
      case T.AssignmentPattern:
        return visit(node.left);
      default:
        // (An array pattern: what it binds is not known to be any part of the error.)
        return;
    }
  };
  visit(id);
  return variables;
}

/**
 * The variable `node` names when it is the caught error itself: one of `errors` (not a part a pattern takes from it),
 * or a `const` alias of one, written once (`const e = exception as Error`, `const e = caught`: TypeScript's
 * `unknown` error cast once to reach `.stack`), named as written.
 */
export function refersTo(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, errors: readonly Variable[], depth = 0): Variable | null {
  if (node.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, node);
  if (!variable) return null;
  if (errors.includes(variable)) return patternPart(variable.defs[0]?.name) ? null : variable;
  const held = resolveConst(sourceCode, node);
  return depth < 3 && held !== node && held.type === T.Identifier && refersTo(sourceCode, held, errors, depth + 1) ? variable : null;
}

/** The worst error detail that `node` carries into a response, looking through objects, strings and consts. */
export function findLeak(sourceCode: TSESLint.SourceCode, raw: TSESTree.Node, errors: readonly Variable[], depth: number): Found | null {
  if (depth > 6) return null;
  const node = unwrap(raw);
  const recurse = (child: TSESTree.Node | null | undefined): Found | null =>
    child ? findLeak(sourceCode, child, errors, depth + 1) : null;
  switch (node.type) {
    case T.Identifier: {
      const variable = refersTo(sourceCode, node, errors);
      if (variable) return { kind: 'err', node, name: variable.name };
      // `const { stack } = err`: what a destructuring `const` takes from the error.
      const taken = destructuredFrom(sourceCode, node, errors);
      if (taken) return taken;
      // `const trace = err.stack`, `const body = { stack: e.stack }`: what a `const` holds.
      const target = resolveConst(sourceCode, node);
      return target !== node ? recurse(target) : null;
    }
    case T.MemberExpression: {
      const object = unwrap(node.object);
      const variable = refersTo(sourceCode, object, errors);
      const key = staticKey(node);
      if (variable && key !== null) {
        if (STACK_KEYS.has(key)) return { kind: 'stack', node, name: variable.name };
        if (MESSAGE_KEYS.has(key)) return { kind: 'message', node, name: variable.name };
        return null;
      }
      return null;
    }
    case T.ObjectExpression: {
      let found: Found | null = null;
      for (const prop of node.properties) {
        found = worst(found, prop.type === T.Property ? recurse(prop.value) : recurse(prop.argument));
      }
      return found;
    }
    case T.ArrayExpression: {
      let found: Found | null = null;
      for (const element of node.elements) found = worst(found, recurse(element));
      return found;
    }
    case T.SpreadElement:
      return recurse(node.argument);
    case T.TemplateLiteral: {
      let found: Found | null = null;
      for (const expression of node.expressions) found = worst(found, stringified(recurse(expression)));
      return found;
    }
    case T.BinaryExpression:
      return node.operator === '+' ? worst(stringified(recurse(node.left)), stringified(recurse(node.right))) : null;
    case T.LogicalExpression: {
      const left = recurse(node.left);
      const right = recurse(node.right);
      // \`err.message || err\`: the thrown value itself only when it has no message (a string thrown), so its message.
      if (node.operator !== '&&' && left?.kind === 'message' && right?.kind === 'err' && left.name === right.name) return left;
      return worst(left, right);
    }
    case T.ConditionalExpression:
      return worst(recurse(node.consequent), recurse(node.alternate));
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      // String(err), err.toString(): the name and message
      if (callee.type === T.Identifier && callee.name === 'String') return stringified(recurse(node.arguments[0]));
      if (callee.type === T.MemberExpression && staticKey(callee) === 'toString') return stringified(recurse(callee.object));
      // JSON.stringify(x), util.inspect(x), format helpers that pass data through
      if (callee.type === T.MemberExpression && ['stringify', 'inspect', 'format'].includes(staticKey(callee) ?? '')) {
        let found: Found | null = null;
        for (const arg of node.arguments) found = worst(found, recurse(arg));
        return found;
      }
      return null;
    }
    default:
      return null;
  }
}

/** An error turned into a string shows its name and message (not its stack). */
function stringified(found: Found | null): Found | null {
  return found?.kind === 'err' ? { ...found, kind: 'message' } : found;
}

/** Names and strings that say a condition is about the environment: `NODE_ENV`, `app.get('env')`, `isDev`. */
const ENV_NAME = /^(?:node_env|env|is_?dev(?:elopment)?|is_?prod(?:uction)?|dev(?:elopment)?|prod(?:uction)?|debug|is_?debug)$/iu;
const ENV_STRING = /^(?:dev|development|prod|production|env|debug)$/iu;

function mentionsEnvironment(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 8) return false;
  const inner = unwrap(node);
  switch (inner.type) {
    case T.Identifier:
      return ENV_NAME.test(inner.name);
    case T.Literal:
      return typeof inner.value === 'string' && ENV_STRING.test(inner.value);
    case T.MemberExpression: {
      const key = staticKey(inner);
      return (key !== null && ENV_NAME.test(key)) || mentionsEnvironment(inner.object, depth + 1);
    }
    case T.CallExpression:
      return inner.arguments.some((a) => mentionsEnvironment(a, depth + 1)) || mentionsEnvironment(inner.callee, depth + 1);
    case T.BinaryExpression:
    case T.LogicalExpression:
      return mentionsEnvironment(inner.left, depth + 1) || mentionsEnvironment(inner.right, depth + 1);
    case T.UnaryExpression:
      return mentionsEnvironment(inner.argument, depth + 1);
    default:
      return false;
  }
}

/**
 * Whether `node` only runs under a development check: inside a branch of an `if`, `? :` or `&&` whose condition
 * is about the environment, or after an `if (<environment check>) { ... return }` of an enclosing block (also
 * around the handler: an error handler registered only in development).
 */
export function isDevelopmentOnly(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === T.IfStatement && child !== current.test && mentionsEnvironment(current.test)) return true;
    if (current.type === T.ConditionalExpression && child !== current.test && mentionsEnvironment(current.test)) return true;
    if (current.type === T.LogicalExpression && child === current.right && mentionsEnvironment(current.left)) return true;
    if (current.type === T.BlockStatement || current.type === T.Program) {
      const before = current.body.slice(0, current.body.indexOf(child as TSESTree.Statement));
      if (before.some((s) => s.type === T.IfStatement && mentionsEnvironment(s.test) && exits(s.consequent))) return true;
    }
  }
  return false;
}

/** Properties that identify an error's kind: `err.code === 'INVALID_CONFIG'`, `err.name === 'ValidationError'`. */
const IDENTITY_KEYS = new Set(['code', 'name', 'type', 'kind']);
/**
 * Codes of Node's system errors and of database drivers, whose messages carry paths, keys and values
 * (`ENOENT: no such file or directory, open '/srv/...'`, `ER_DUP_ENTRY`, SQLSTATE `23505`, `SQLITE_CONSTRAINT`).
 */
const SYSTEM_CODE = /^(?:E[A-Z]{2,}$|ER_|SQLITE_|\d)/u;

/**
 * Whether `node` only runs once the error has been identified as an expected, application-level one: in the
 * branch taken when a condition such as `err.code === 'INVALID_CONFIG'`, `err instanceof ValidationError` or
 * `err.expose` (http-errors: the message is meant for the client) holds. A message of an unidentified error, or a
 * test of the message's text (`err.message.includes('exist')` also matches a driver's "relation does not exist"),
 * still counts.
 */
export function isClassified(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, errors: readonly Variable[]): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunction(current); child = current, current = current.parent) {
    if (current.type === T.IfStatement && child === current.consequent && identifies(sourceCode, current.test, errors)) return true;
    if (current.type === T.ConditionalExpression && child === current.consequent && identifies(sourceCode, current.test, errors)) return true;
    if (current.type === T.LogicalExpression && current.operator === '&&' && child === current.right && identifies(sourceCode, current.left, errors)) return true;
    if (current.type === T.SwitchCase && child !== current.test && caseIdentifies(sourceCode, current, errors)) return true;
  }
  return false;
}

/**
 * Whether the statements of a `switch (err.code)` case only run for errors it names: `case 'INVALID_CONFIG':`, and
 * every case that falls through into it names one too (`case 'A': case 'B':`). `default`, a case reached from a
 * `default` or from a system code (`case 'ENOENT':` with no `return` or `break`) does not count.
 */
function caseIdentifies(sourceCode: TSESLint.SourceCode, at: TSESTree.SwitchCase, errors: readonly Variable[]): boolean {
  const cases = at.parent.cases;
  for (let i = cases.indexOf(at); i >= 0; i--) {
    const test = cases[i]!.test;
    if (!test || !knownCode(sourceCode, at.parent.discriminant, test, errors)) return false;
    if (i === 0 || cases[i - 1]!.consequent.some(exits)) return true;
  }
  return false;
}

/** A condition that, when true, says which error it is (see {@link isClassified}). */
function identifies(sourceCode: TSESLint.SourceCode, raw: TSESTree.Node, errors: readonly Variable[]): boolean {
  const test = unwrap(raw);
  if (test.type === T.LogicalExpression) {
    return test.operator === '&&'
      ? identifies(sourceCode, test.left, errors) || identifies(sourceCode, test.right, errors)
      : test.operator === '||' && identifies(sourceCode, test.left, errors) && identifies(sourceCode, test.right, errors);
  }
  if (test.type === T.BinaryExpression) {
    if (test.operator === 'instanceof') return refersTo(sourceCode, unwrap(test.left), errors) !== null;
    if (test.operator !== '===' && test.operator !== '==') return false;
    return knownCode(sourceCode, test.left, test.right, errors) || knownCode(sourceCode, test.right, test.left, errors);
  }
  return errorKey(sourceCode, test, errors) === 'expose';
}

/** `err.code` (or `code` of a destructured error) on one side and a constant of the application's on the other. */
function knownCode(sourceCode: TSESLint.SourceCode, side: TSESTree.Node, other: TSESTree.Node, errors: readonly Variable[]): boolean {
  const key = errorKey(sourceCode, side, errors);
  return key !== null && IDENTITY_KEYS.has(key) && isConstant(other) && !(key === 'code' && isSystemCode(other));
}

/** The key of a caught error that `side` reads: `err.code`, or `code` of a destructured error parameter (`catch ({ code, message })`). */
function errorKey(sourceCode: TSESLint.SourceCode, side: TSESTree.Node, errors: readonly Variable[]): string | null {
  const inner = unwrap(side);
  if (inner.type === T.Identifier) {
    const variable = findVariableOf(sourceCode, inner);
    const part = variable && errors.includes(variable) ? patternPart(variable.defs[0]?.name) : null;
    return part?.depth === 1 && !variable!.references.some((r) => r.isWrite() && !r.init) ? part.key : null;
  }
  return inner.type === T.MemberExpression && refersTo(sourceCode, unwrap(inner.object), errors) ? staticKey(inner) : null;
}

function isSystemCode(raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  return node.type === T.Literal && (typeof node.value === 'number' || (typeof node.value === 'string' && SYSTEM_CODE.test(node.value)));
}

/** A literal, a constant name (`CODES.INVALID`), or a template without expressions. */
function isConstant(raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  if (node.type === T.Literal) return true;
  if (node.type === T.TemplateLiteral) return node.expressions.length === 0;
  if (node.type === T.Identifier) return node.name !== 'undefined';
  return node.type === T.MemberExpression && staticKey(node) !== null && isConstant(node.object);
}

/**
 * What a destructuring takes from a caught error, at `node`: `stack` of `const { stack } = err` (or `{ message: text }`,
 * `{ stack = '' }`, `{ cause: { stack } }`), or of a destructured error parameter (`catch ({ stack })`, whose variables
 * the `errors` list holds): the stack or the message, or (`{ stack, ...rest }`) the error's own properties; else `null`.
 */
function destructuredFrom(sourceCode: TSESLint.SourceCode, node: TSESTree.Identifier, errors: readonly Variable[]): Found | null {
  const variable = findVariableOf(sourceCode, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const part = patternPart(def?.name);
  if (!variable || !def || !part || variable.references.some((r) => r.isWrite() && !r.init)) return null;
  let name: string | null = null;
  if (errors.includes(variable)) name = patternText(sourceCode, part.root);
  else if (def.node.type === T.VariableDeclarator && def.node.id === part.root && def.node.init) {
    name = refersTo(sourceCode, unwrap(def.node.init), errors)?.name ?? null;
  }
  const kind = name === null ? null : partKind(part);
  return kind && name !== null ? { kind, node, name } : null;
}

/** Where a variable sits in a destructuring object pattern: the pattern's outermost node, and the key that names it. */
interface PatternPart {
  root: TSESTree.ObjectPattern;
  /** The innermost key (`stack` of `{ cause: { stack: s } }`), `null` for a rest element (`...rest`). */
  key: string | null;
  /** How many object patterns hold it: 1 for `{ stack }`, 2 for `{ cause: { stack } }`. */
  depth: number;
}

/**
 * `id` as a part of an object pattern (through defaults and nested object patterns), or `null`: not in a pattern,
 * under a computed key, or in an array pattern (what that binds is no known part of the value).
 */
function patternPart(id: TSESTree.Node | undefined): PatternPart | null {
  if (id?.type !== T.Identifier) return null;
  let key: string | null | undefined;
  let depth = 0;
  let node: TSESTree.Node = id;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === T.AssignmentPattern && parent.left === node) continue;
    if (parent.type === T.Property && parent.value === node && parent.parent.type === T.ObjectPattern) {
      const name = staticKey(parent);
      if (name === null) return null;
      key ??= name;
      continue;
    }
    if (parent.type === T.RestElement && parent.parent?.type === T.ObjectPattern) {
      key ??= null;
      continue;
    }
    if (parent.type === T.ObjectPattern && key !== undefined) {
      depth++;
      continue;
    }
    break;
  }
  return node.type === T.ObjectPattern && key !== undefined ? { root: node, key, depth } : null;
}

/** What a part of an error holds: its stack or message (the innermost key names it), or its own properties (a top-level rest). */
function partKind(part: PatternPart): Leak | null {
  if (part.key === null) return part.depth === 1 ? 'err' : null;
  if (STACK_KEYS.has(part.key)) return 'stack';
  return MESSAGE_KEYS.has(part.key) ? 'message' : null;
}

/** A destructuring parameter as a message names it: `{ message, stack: s }`, whitespace collapsed, shortened. */
function patternText(sourceCode: TSESLint.SourceCode, pattern: TSESTree.ObjectPattern): string {
  const end = pattern.typeAnnotation?.range[0] ?? pattern.range[1];
  const text = sourceCode.text.slice(pattern.range[0], end).trim().replace(/\s+/gu, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
