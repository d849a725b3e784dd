import { AST_NODE_TYPES as T, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { exportedNode } from '../project/exports';

import { findVariableOf, staticKey, unwrap, type Expression, type Node, type Variable } from './ast';

/** What an option object says about one key. */
export type OptionValue =
  /** The key is certainly not set. */
  | { kind: 'absent' }
  /** It may be set: a spread of something unknown, a computed key, or an object that is not a literal. */
  | { kind: 'unknown' }
  /**
   * It is set: `node` is the value that wins (the literal's or a later `opts.key = value` write); `property` is
   * the literal's own entry when there is one (for fixes), `written` says a later assignment set it.
   */
  | { kind: 'set'; node: Expression; property: TSESTree.Property | null; written: boolean };

/**
 * An option object as the call that receives it sees it: an inline literal, a `const` holding one, spreads of
 * other known objects, and later property writes through the variable (`sess.cookie.secure = true`, also inside
 * an `if`). Anything that cannot be known stays `unknown`.
 */
export class OptionsView {
  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    /** The object literal itself, when there is one (for fixes). */
    readonly literal: TSESTree.ObjectExpression | null,
    /** Later writes below this object, by key path relative to it. */
    private readonly writes: readonly Write[],
    /** True when the object may have keys that cannot be seen (not a literal, or unknown spreads). */
    private readonly opaque: boolean,
  ) {}

  get(key: string): OptionValue {
    const direct = this.writes.filter((w) => w.path.length === 1 && w.path[0] === key).at(-1);
    if (direct) return { kind: 'set', node: direct.value, property: this.ownProperty(key), written: true };
    if (!this.literal) return this.opaque ? { kind: 'unknown' } : { kind: 'absent' };
    return lookup(this.sourceCode, this.literal, key, 0);
  }

  /** The literal's own `key: value` entry, if it has one. */
  ownProperty(key: string): TSESTree.Property | null {
    if (!this.literal) return null;
    for (let i = this.literal.properties.length - 1; i >= 0; i--) {
      const prop = this.literal.properties[i]!;
      if (prop.type === T.Property && staticKey(prop) === key) return prop;
    }
    return null;
  }

  /** A nested option object (`cookie: { ... }`), with the writes below it; `null` when absent, `unknown` when unknowable. */
  object(key: string): OptionsView | 'unknown' | null {
    const nestedWrites = this.writes
      .filter((w) => w.path.length > 1 && w.path[0] === key)
      .map((w) => ({ ...w, path: w.path.slice(1) }));
    const value = this.get(key);
    if (value.kind === 'absent') {
      return nestedWrites.length > 0 ? new OptionsView(this.sourceCode, null, nestedWrites, false) : null;
    }
    if (value.kind === 'unknown') {
      return nestedWrites.length > 0 ? new OptionsView(this.sourceCode, null, nestedWrites, true) : 'unknown';
    }
    const view = readOptions(this.sourceCode, value.node);
    if (view === 'unknown') {
      return nestedWrites.length > 0 ? new OptionsView(this.sourceCode, null, nestedWrites, true) : 'unknown';
    }
    return new OptionsView(this.sourceCode, view.literal, [...view.writes, ...nestedWrites], view.opaque);
  }

  /** The static value of a key (`true`, `'lax'`, `3600`), `undefined` when absent or not static. */
  staticValue(key: string): { value: unknown } | null {
    const value = this.get(key);
    if (value.kind !== 'set') return null;
    return staticValueOf(this.sourceCode, value.node);
  }
}

interface Write {
  path: readonly string[];
  value: Expression;
  node: TSESTree.AssignmentExpression;
}

const MAX_DEPTH = 8;

function lookup(
  sourceCode: TSESLint.SourceCode,
  literal: TSESTree.ObjectExpression,
  key: string,
  depth: number,
): OptionValue {
  for (let i = literal.properties.length - 1; i >= 0; i--) {
    const prop = literal.properties[i]!;
    if (prop.type === T.Property) {
      const name = staticKey(prop);
      if (name === key) {
        if (prop.kind !== 'init' || prop.value.type === T.AssignmentPattern) return { kind: 'unknown' };
        return { kind: 'set', node: prop.value as Expression, property: prop, written: false };
      }
      if (name === null) return { kind: 'unknown' };
      continue;
    }
    // A spread: look inside when it is a known object, else it may hold the key.
    if (depth >= MAX_DEPTH) return { kind: 'unknown' };
    const spread = readOptions(sourceCode, prop.argument, depth + 1);
    if (spread === 'unknown') {
      if (isEmptyish(prop.argument)) continue;
      return { kind: 'unknown' };
    }
    const found = spread.get(key);
    if (found.kind !== 'absent') return found.kind === 'set' ? { ...found, property: null } : found;
  }
  return { kind: 'absent' };
}

/** `...(cond ? {...} : {})` and friends are unknown; `...undefined`, `...null` hold nothing. */
function isEmptyish(node: Node): boolean {
  const inner = unwrap(node);
  return (inner.type === T.Literal && inner.value === null) || (inner.type === T.Identifier && inner.name === 'undefined');
}

/**
 * Reads an option object: an inline literal, or a variable initialised with one (plus the writes made later
 * through that variable). Anything else is `unknown`.
 */
export function readOptions(
  sourceCode: TSESLint.SourceCode,
  node: Node | null | undefined,
  depth = 0,
): OptionsView | 'unknown' {
  if (!node) return 'unknown';
  const inner = unwrap(node);
  if (inner.type === T.ObjectExpression) return new OptionsView(sourceCode, inner, [], false);
  if (inner.type === T.Identifier && depth < MAX_DEPTH) {
    const variable = findVariableOf(sourceCode, inner);
    const literal = variable && objectInitializer(variable);
    if (!variable || !literal) return 'unknown';
    return new OptionsView(sourceCode, literal, writesThrough(variable), false);
  }
  return 'unknown';
}

/** The object literal a variable is declared with, when it is never reassigned. */
function objectInitializer(variable: Variable): TSESTree.ObjectExpression | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return null;
  const init = unwrap(def.node.init);
  if (init.type !== T.ObjectExpression) return null;
  if (variable.references.some((r) => r.isWrite() && !r.init)) return null;
  return init;
}

/** `v.a.b = value` statements through the variable's references, in source order. */
function writesThrough(variable: Variable): Write[] {
  const writes: Write[] = [];
  for (const ref of variable.references) {
    let current: Node = ref.identifier;
    const path: string[] = [];
    while (current.parent?.type === T.MemberExpression && current.parent.object === current) {
      const key = staticKey(current.parent);
      if (key === null) break;
      path.push(key);
      current = current.parent;
    }
    const parent = current.parent;
    if (
      path.length > 0 &&
      parent?.type === T.AssignmentExpression &&
      parent.left === current &&
      parent.operator === '='
    ) {
      writes.push({ path, value: parent.right, node: parent });
    }
  }
  return writes.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** The static value of an expression, following `const`s; `null` when it is not known. */
export function staticValueOf(sourceCode: TSESLint.SourceCode, node: Node): { value: unknown } | null {
  const known = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
  if (known) return known;
  // `exports.KEY` / `module.exports.KEY` read in the file that exports a constant under it.
  const key = ownExportKey(unwrap(node));
  if (key === null) return null;
  const assigned = exportedNode(sourceCode, [key]);
  return assigned && assigned !== node ? ASTUtils.getStaticValue(assigned, sourceCode.getScope(assigned)) : null;
}

/** `KEY` of `exports.KEY` or `module.exports.KEY`, else `null`. */
function ownExportKey(node: Node): string | null {
  if (node.type !== T.MemberExpression) return null;
  const object = unwrap(node.object);
  const isExports =
    (object.type === T.Identifier && object.name === 'exports') ||
    (object.type === T.MemberExpression &&
      unwrap(object.object).type === T.Identifier &&
      (unwrap(object.object) as TSESTree.Identifier).name === 'module' &&
      staticKey(object) === 'exports');
  return isExports ? staticKey(node) : null;
}

/** Resolves an identifier bound by `const x = <expr>` to `<expr>` (once); anything else is returned as is. */
export function resolveConst(sourceCode: TSESLint.SourceCode, node: Node): Node {
  const inner = unwrap(node);
  if (inner.type !== T.Identifier) return inner;
  const variable = findVariableOf(sourceCode, inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (
    def?.node.type === T.VariableDeclarator &&
    def.node.id.type === T.Identifier &&
    def.node.init &&
    variable!.references.every((r) => !r.isWrite() || r.init)
  ) {
    return unwrap(def.node.init);
  }
  return inner;
}
