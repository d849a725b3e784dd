import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  ARGON2_MODULES,
  BCRYPT_MODULES,
  CONFIRMATION_WORDS,
  HASH_WORDS,
  PASSWORD_WORDS,
  SLOW_CRYPTO_FUNCTIONS,
  STORED_WORDS,
  URL_CLASSES,
} from '../data/password-hashing';
import { findVariableOf, isFunction, someNode, staticKey, unwrap, writtenName, type Node } from './ast';
import { resolveConst } from './options';

/**
 * What the names in an expression say about it (a password, a hash, a confirmation field, a stored value), and the
 * data a hash object is fed: read by `no-weak-password-hash` in the linted file and by the function summaries
 * (`fastHashes`) in another file of the package, so both read a password the same way.
 */
export interface Mentions {
  password: boolean;
  hash: boolean;
  confirm: boolean;
  stored: boolean;
}

export const NO_MENTIONS: Mentions = Object.freeze({ password: false, hash: false, confirm: false, stored: false });

/** Roots of request data: a comparison with these on one side is a check of what the client sent. */
const REQUEST_ROOTS = new Set(['req', 'request', 'body', 'input', 'params', 'query', 'args', 'payload', 'credentials', 'form', 'fields', 'values', 'dto', 'ctx']);

/** String methods that keep the value a password (`password.trim()`). */
const PASSTHROUGH_METHODS = new Set(['trim', 'normalize', 'toString', 'toLowerCase', 'toUpperCase', 'concat', 'from']);

/** `userPasswordHash` → `user password hash`; `PASS_HASH` → `pass hash`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
}

/** What each name says, shared by every file of the run (names repeat: `password`, `user`, `req`, `length`). */
const byName = new Map<string, Mentions>();
const MAX_NAMES = 5000;

export function mentionsOfName(name: string): Mentions {
  const known = byName.get(name);
  if (known) return known;
  const w = words(name);
  const password = w.some((x) => PASSWORD_WORDS.has(x));
  const hash = w.some((x) => HASH_WORDS.has(x));
  const confirm = w.some((x) => CONFIRMATION_WORDS.has(x));
  const stored = w.some((x) => STORED_WORDS.has(x));
  const mentions: Mentions = password || hash || confirm || stored ? Object.freeze({ password, hash, confirm, stored }) : NO_MENTIONS;
  if (byName.size >= MAX_NAMES) byName.clear();
  byName.set(name, mentions);
  return mentions;
}

function merge(a: Mentions, b: Mentions): Mentions {
  return {
    password: a.password || b.password,
    hash: a.hash || b.hash,
    confirm: a.confirm || b.confirm,
    stored: a.stored || b.stored,
  };
}

/**
 * What an expression's names say, through `const`s (`resolve`, two levels), `+`, templates, `await`, a default or a
 * choice (`||`, `??`, `&&`, `?:`: either side may be the value), and calls that keep the value (`password.trim()`,
 * `Buffer.from(password)`, `createHash(...).update(password).digest()`).
 * `isRequest` says whether the root of a member read is a request the code was handed (`req.body.password` is sent,
 * `user.password` is kept): names in `REQUEST_ROOTS` always are.
 */
export function mentionsOf(
  code: TSESLint.SourceCode,
  node: Node | null | undefined,
  isRequest: (root: TSESTree.Identifier) => boolean = () => false,
  depth = 0,
  resolve = true,
): Mentions {
  if (!node || depth > 4) return NO_MENTIONS;
  const next = (child: Node | null | undefined): Mentions => mentionsOf(code, child, isRequest, depth + 1, resolve);
  const inner = unwrap(node);
  switch (inner.type) {
    case T.Identifier: {
      const own = mentionsOfName(inner.name);
      const resolved = resolve && depth < 2 ? resolveConst(code, inner) : inner;
      return resolved === inner ? own : merge(own, { ...next(resolved), stored: own.stored });
    }
    case T.MemberExpression: {
      const key = staticKey(inner);
      const own = key === null ? NO_MENTIONS : mentionsOfName(key);
      // `reqUrl.password` of `const reqUrl = new URL(requested)`: the userinfo written in a URL, a password as given, never
      // a kept one (two URLs compared, Directus's redirect URI match, is no login).
      if (own.password && isUrlInstance(code, inner.object)) return { ...own, stored: false };
      let root: Node = inner.object;
      while (root.type === T.MemberExpression) root = root.object;
      // `user.password`, `this.password`, `process.env.ADMIN_PASSWORD`: kept somewhere; `req.body.password`: sent.
      const fromRequest = own.password && root.type === T.Identifier && (REQUEST_ROOTS.has(root.name) || isRequest(root));
      const kept = root.type === T.Identifier || root.type === T.ThisExpression;
      return { ...own, stored: own.stored || (own.password && kept && !fromRequest) };
    }
    case T.CallExpression: {
      const callee = unwrap(inner.callee);
      const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? staticKey(callee) : null;
      let result = name === null ? NO_MENTIONS : mentionsOfName(name);
      if (callee.type === T.MemberExpression) {
        const method = staticKey(callee) ?? '';
        if (PASSTHROUGH_METHODS.has(method) || method === 'digest' || method === 'update') result = merge(result, next(callee.object));
      }
      for (const arg of inner.arguments) result = merge(result, { ...next(arg), stored: false });
      return result;
    }
    case T.BinaryExpression:
      return inner.operator === '+' ? merge(next(inner.left), next(inner.right)) : NO_MENTIONS;
    case T.TemplateLiteral:
      return inner.expressions.reduce((acc, e) => merge(acc, next(e)), NO_MENTIONS);
    // A default or a choice keeps the value: `req.body.password || ''`, `password ?? ''`, `ok ? password : ''`.
    case T.LogicalExpression:
      return merge(next(inner.left), next(inner.right));
    case T.ConditionalExpression:
      return merge(next(inner.consequent), next(inner.alternate));
    case T.AwaitExpression:
      return next(inner.argument);
    default:
      return NO_MENTIONS;
  }
}


/**
 * Whether `node` holds an instance of `URL_CLASSES`: `new URL(x)`, a variable every write of which is one (`const u =
 * new URL(x)`, `let u; try { u = new URL(x) } catch { ... }`), or one declared with that type (`u: URL`).
 */
function isUrlInstance(code: TSESLint.SourceCode, node: Node, depth = 0): boolean {
  const inner = unwrap(node);
  if (inner.type === T.NewExpression) return URL_CLASSES.has(writtenName(inner.callee) ?? '');
  if (inner.type !== T.Identifier || depth > 0) return false;
  const variable = findVariableOf(code, inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def || (def.type !== 'Variable' && def.type !== 'Parameter')) return false;
  const type = def.name.type === T.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
  if (type?.type === T.TSTypeReference && type.typeName.type === T.Identifier && URL_CLASSES.has(type.typeName.name)) return true;
  if (def.type !== 'Variable') return false;
  const writes = variable.references.filter((ref) => ref.isWrite());
  return writes.length > 0 && writes.every((ref) => ref.writeExpr !== null && ref.writeExpr !== undefined && isUrlInstance(code, ref.writeExpr, depth + 1));
}

/** The data a hash object is fed: `createHash(a).update(x)` chains and `const h = createHash(a); h.update(x)`. */
export function hashedData(call: Node, code: TSESLint.SourceCode): Node[] {
  const data: Node[] = [];
  const follow = (start: Node): void => {
    let current = start;
    for (;;) {
      const member = current.parent;
      if (member?.type !== T.MemberExpression || member.object !== current || staticKey(member) !== 'update') break;
      const update = member.parent;
      if (update?.type !== T.CallExpression || update.callee !== member) break;
      if (update.arguments[0]) data.push(update.arguments[0]);
      current = update;
    }
  };
  follow(call);
  const declarator = call.parent;
  if (declarator?.type === T.VariableDeclarator && declarator.init === call && declarator.id.type === T.Identifier) {
    const variable = findVariableOf(code, declarator.id);
    for (const ref of variable?.references ?? []) if (ref.isRead()) follow(ref.identifier);
  }
  return data;
}

/** A call of a slow password hash (bcrypt, argon2, scrypt, PBKDF2): a function that makes one may pre-hash with a fast one. */
export function isSlowHash(module: string, path: readonly string[]): boolean {
  if (BCRYPT_MODULES.includes(module) || module in ARGON2_MODULES) return true;
  return module === 'crypto' && path.length === 1 && SLOW_CRYPTO_FUNCTIONS.has(path[0]!);
}

/**
 * A comparison that only decides whether to copy one side onto the other: `if (config.password !== client.password) {
 * client.password = config.password }` keeps a copy in sync with what was stored (thelounge's reload of a user's
 * file); it checks no one's password, whatever the two hold. Only that: an `else` branch, or a block that returns or
 * throws (`{ cached.password = account.password; return res.redirect('/login'); }`), makes the comparison decide a
 * login as well (trial 18).
 */
export function isCopyCheck(code: TSESLint.SourceCode, node: TSESTree.BinaryExpression): boolean {
  if (node.operator !== '!==' && node.operator !== '!=') return false;
  const statement = node.parent;
  if (statement?.type !== T.IfStatement || statement.test !== node || statement.alternate) return false;
  // (A `return` or `throw` of the block itself, not of a function written in it.)
  const exits = someNode(code.visitorKeys, statement.consequent, (n) =>
    n.type === T.ReturnStatement || n.type === T.ThrowStatement ? true : isFunction(n) ? 'skip' : false,
  );
  if (exits) return false;
  const body = statement.consequent.type === T.BlockStatement ? statement.consequent.body : [statement.consequent];
  const left = code.getText(unwrap(node.left));
  const right = code.getText(unwrap(node.right));
  return body.some((s) => {
    if (s.type !== T.ExpressionStatement || s.expression.type !== T.AssignmentExpression || s.expression.operator !== '=') return false;
    const target = code.getText(unwrap(s.expression.left));
    const value = code.getText(unwrap(s.expression.right));
    return (target === left && value === right) || (target === right && value === left);
  });
}
