import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { exportedNode, isModuleExports } from '../project/exports';

import { enclosingFunction, envVariableName, findVariableOf, isLoop, outermost, soleDeclarator, sourceOf, staticKey, unwrap, type Expression, type Node, type Variable } from './ast';
import { instanceField } from './instance-apps';
import { getStaticValue } from '../util/eslint-utils';
import { lineOf } from '../util/lines';
import { andList } from '../util/words';

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
  | {
      kind: 'set';
      node: Expression;
      property: TSESTree.Property | null;
      written: boolean;
      /**
       * Set when the value is read in an object of another file that the linted file spreads (`{ ...config.session,
       * store }`): that file's view, where `get` makes a stand-in of it and `object` reads a nested object.
       */
      in?: OptionsView;
      /**
       * Set when the entries of a per-environment table (`configs[env]`) each hold an object here that differ as a
       * whole: `get` makes the value unknown, `object` reads this, what every entry's object agrees on (`Agreement`).
       */
      nested?: OptionsView;
    };

/**
 * An option object as the call that receives it sees it: an inline literal, a `const` holding one, spreads of
 * other known objects, and later property writes through the variable (`sess.cookie.secure = true`, also inside
 * an `if`). Anything that cannot be known stays `unknown`.
 */
export class OptionsView {
  /** The object literal itself, when there is one in the linted file (for fixes). */
  readonly literal: TSESTree.ObjectExpression | null;

  constructor(
    readonly sourceCode: TSESLint.SourceCode,
    /** The object literal, in the file of `sourceCode`. */
    readonly own: TSESTree.ObjectExpression | null,
    /** Later writes below this object, by key path relative to it. */
    readonly writes: readonly Write[],
    /** True when the object may have keys that cannot be seen (not a literal, or unknown spreads). */
    readonly opaque: boolean,
    /** Cross-file: how values read from other files of the package are found, and, for an object of another file, where the linted file reads it. */
    readonly across: Across = {},
  ) {
    this.literal = across.at || across.foreign ? null : own;
  }

  get(key: string): OptionValue {
    const value = this.rawGet(key);
    if (value.kind !== 'set') return value;
    if (value.nested) return { kind: 'unknown' };
    // (A value of an object of another file that this one spreads: read as that object reads it.)
    if (value.in) return value.in.atRead(value);
    return this.atRead(value);
  }

  /** `get`'s reading of a value this view holds: for an object of another file, a stand-in at the linted file's read. */
  private atRead(value: Extract<OptionValue, { kind: 'set' }>): OptionValue {
    if (this.across.at) {
      // An object of another file: its static values stand at the linted file's read (`cookie: config.cookie`).
      const known = staticValueOf(this.sourceCode, value.node);
      const node = known && standIn(known.value, this.across.at, `${this.across.at.file}:${lineOf(value.node)}${this.inEveryEntry()}`);
      if (node) return { kind: 'set', node, property: null, written: false };
      // `secret: process.env.SESSION_SECRET || 'keyboard cat'`: the literal fallback stands at the read too.
      const fallback = fallbackStandIn({ node: value.node, sourceCode: this.sourceCode, file: this.across.at.file }, this.across.at.node, this.inEveryEntry());
      return fallback ? { kind: 'set', node: fallback, property: null, written: false } : { kind: 'unknown' };
    }
    // `secret: config.sessionSecret`: a constant exported by another file of the package.
    const foreign = this.across.elsewhere?.(value.node);
    if (foreign) {
      const known = staticValueOf(foreign.sourceCode, foreign.node);
      const node = known && standIn(known.value, { node: value.node }, `${foreign.file}:${lineOf(foreign.node)}`);
      if (node) return { kind: 'set', node, property: null, written: false };
      return value;
    }
    // `{ secret, name }` of `const { secret, name } = configs[env]`: what the destructured name holds, where it is written
    // (no property of this object to fix).
    const inner = unwrap(value.node);
    const held = inner.type === T.Identifier ? unpackedValue(this.sourceCode, inner, this.across, 0) : null;
    return held ? { kind: 'set', node: held, property: null, written: false } : value;
  }

  /**
   * The value of `key` as another file of the package writes it, whatever it is (`origin: corsOrigin` imported from
   * config/cors.js, a function or a regex there; `cors(config.cors)` with `origin(origin, cb) {...}` in config.js):
   * that file's node, to read with its source, and `at`, the linted file's node that reads it (the object's read, or the
   * value's). `get` gives a stand-in only for a string, number, boolean or list of strings. `where` names it for
   * messages: `config.js:2`, with `, in every environment of 'configs'` when every entry of a per-environment table
   * there holds it (as a stand-in's `elsewhereOf` does). `null` when the key is not set, or set in the linted file to
   * something of its own.
   */
  foreignValue(key: string): (ValueElsewhere & { at: Node; where: string }) | null {
    const value = this.rawGet(key);
    if (value.kind !== 'set' || value.nested) return null;
    const view = value.in ?? this;
    if (view.across.at) {
      const file = view.across.at.file;
      return { node: value.node, sourceCode: view.sourceCode, file, at: view.across.at.node, where: `${file}:${lineOf(value.node)}${view.inEveryEntry()}` };
    }
    const found = view.across.elsewhere?.(value.node);
    return found ? { ...found, at: value.node, where: `${found.file}:${lineOf(found.node)}` } : null;
  }

  /**
   * For messages, after where a value of this view is written: `, in every environment of 'configs'` when the view is
   * what every entry of a per-environment table agrees on (`Agreement`), else nothing.
   */
  protected inEveryEntry(): string {
    return '';
  }

  /** `get` without reading values of other files (nodes of the file this object is written in). */
  rawGet(key: string): OptionValue {
    const direct = this.writes.filter((w) => w.path.length === 1 && w.path[0] === key).at(-1);
    if (direct) return { kind: 'set', node: direct.value, property: this.ownProperty(key), written: true };
    if (!this.own) return this.opaque ? { kind: 'unknown' } : { kind: 'absent' };
    return lookup(this.sourceCode, this.own, key, 0, this.across);
  }

  /** The literal's own `key: value` entry, if it has one (in the linted file). */
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
    const value = this.rawGet(key);
    if (value.kind === 'absent') {
      return nestedWrites.length > 0 ? new OptionsView(this.sourceCode, null, nestedWrites, false, this.across) : null;
    }
    if (value.kind === 'unknown') {
      return nestedWrites.length > 0 ? new OptionsView(this.sourceCode, null, nestedWrites, true, this.across) : 'unknown';
    }
    // (`cookie` of each entry of a per-environment table: what they agree on; writes below it are not followed.)
    if (value.nested) return nestedWrites.length > 0 ? 'unknown' : value.nested;
    // (`cookie` of an object of another file that this one spreads: read in that file.)
    const reader = value.in ?? this;
    const view = readOptions(reader.sourceCode, value.node, 0, reader.across);
    if (view === 'unknown') {
      return nestedWrites.length > 0 ? new OptionsView(this.sourceCode, null, nestedWrites, true, this.across) : 'unknown';
    }
    if (nestedWrites.length === 0) return view;
    // Writes in the linted file below an object of another file: not followed.
    if (view.across.at && !this.across.at) return 'unknown';
    return new OptionsView(view.sourceCode, view.own, [...view.writes, ...nestedWrites], view.opaque, view.across);
  }

  /**
   * Cross-file: `config.js:2` when this is an object literal of another file of the package that the linted file reads
   * (`res.cookie('sid', v, config.cookieOptions)`, `cookie` of a spread `{ ...config.session }`): where a key it lacks
   * would be written, for messages (as `elsewhereOf` names where a value is written). `null` for an object of the
   * linted file, also one that spreads another file's object.
   */
  writtenElsewhere(): string | null {
    return this.across.at && this.own ? `${this.across.at.file}:${lineOf(this.own)}` : null;
  }

  /** The static value of a key (`true`, `'lax'`, `3600`), `undefined` when absent or not static. */
  staticValue(key: string): { value: unknown } | null {
    const value = this.get(key);
    if (value.kind !== 'set') return null;
    return elsewhereOf(value.node) ? { value: (value.node as TSESTree.Literal).value } : staticValueOf(this.sourceCode, value.node);
  }
}

/** A value of another file of the package that the linted file reads (cross-file, src/project). */
export interface ValueElsewhere {
  /** The node there (a property value, a `const`'s initializer). */
  node: Node;
  sourceCode: TSESLint.SourceCode;
  /** The file, relative to the package root. */
  file: string;
}

export interface Across {
  /** The value of another file that a node of the linted file reads (`config.sessionSecret`), if any. */
  elsewhere?: (node: Node) => ValueElsewhere | null;
  /** For an object of another file: the linted file's expression that reads it, and that file. */
  at?: { node: Node; file: string };
  /**
   * An object written in another file that the linted file's model holds (the options of a chain entry of an app of
   * another file, of middleware another file exports), read as that file reads it: its nodes are that file's, never
   * a literal to fix or a place to report in the linted file.
   */
  foreign?: true;
}

/** Where each stand-in literal's value is written: `config.js:3`. */
const standIns = new WeakMap<Node, string>();

/**
 * A literal standing, at the linted file's `at` expression, for a constant of another file (`'keyboard cat'` of
 * config.js read as `config.sessionSecret`): rules read it and report it where the linted file reads the value.
 * Only strings, numbers, booleans, `null` and lists of strings (an array of stand-ins, itself one: `elsewhereOf` names
 * the file for it and for each item); anything else is unknown (`null` result).
 */
function standIn(value: unknown, at: { node: Node }, where: string): TSESTree.Literal | TSESTree.ArrayExpression | null {
  const node = at.node;
  // A list of strings (CSP sources: `scriptSrc: ["'self'", "'unsafe-inline'"]`): an array of stand-ins at the read.
  if (Array.isArray(value)) {
    if (value.length > MAX_STAND_IN_ITEMS || !value.every((item) => typeof item === 'string')) return null;
    const array = { type: T.ArrayExpression, elements: [], range: node.range, loc: node.loc, parent: node.parent } as unknown as TSESTree.ArrayExpression;
    for (const item of value) {
      const literal = standIn(item, at, where) as TSESTree.Literal;
      (literal as { parent: Node }).parent = array;
      (array.elements as TSESTree.Expression[]).push(literal);
    }
    standIns.set(array, where);
    return array;
  }
  if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null;
  const literal = {
    type: T.Literal,
    value,
    raw: JSON.stringify(value),
    range: node.range,
    loc: node.loc,
    parent: node.parent,
  } as unknown as TSESTree.Literal;
  standIns.set(literal, where);
  return literal;
}

/**
 * `process.env.SESSION_SECRET || 'keyboard cat'` of another file, read as `config.secret`: an `||` (or `??`) standing at
 * the read whose right is a stand-in of the literal fallback (`elsewhereOf` names the file and the fallback's line) and
 * whose left is `process.env.NAME` as there, or the read itself when it is anything else (unknown). `null` when the
 * value there is no such expression or its fallback is not a static string.
 */
function fallbackStandIn(foreign: ValueElsewhere, read: Node, note = ''): TSESTree.LogicalExpression | null {
  const value = unwrap(foreign.node);
  if (value.type !== T.LogicalExpression || (value.operator !== '||' && value.operator !== '??')) return null;
  const fallback = staticValueOf(foreign.sourceCode, value.right);
  if (typeof fallback?.value !== 'string') return null;
  const right = standIn(fallback.value, { node: read }, `${foreign.file}:${lineOf(value.right)}${note}`);
  if (!right) return null;
  const at = { range: read.range, loc: read.loc };
  const env = envVariableName(value.left);
  const identifier = (name: string): TSESTree.Identifier => ({ type: T.Identifier, name, ...at }) as unknown as TSESTree.Identifier;
  const member = (object: TSESTree.Expression, name: string): TSESTree.MemberExpression =>
    ({ type: T.MemberExpression, object, property: identifier(name), computed: false, optional: false, ...at }) as unknown as TSESTree.MemberExpression;
  const left = env === null ? (read as TSESTree.Expression) : member(member(identifier('process'), 'env'), env);
  const logical = { type: T.LogicalExpression, operator: value.operator, left, right, ...at, parent: read.parent } as unknown as TSESTree.LogicalExpression;
  (right as { parent: Node }).parent = logical;
  return logical;
}

/** The longest list of another file that stands at the linted file's read (a list of CSP sources). */
const MAX_STAND_IN_ITEMS = 64;

/**
 * Cross-file: `config.js:3` when `node` is a value the linted file reads from another file of the package (a stand-in
 * literal at the read), else `null`; `config.js:4, in every environment of 'configs'` when it is what every entry of a
 * per-environment table there agrees on. Messages name that file; fixes never edit the read.
 */
export function elsewhereOf(node: Node | null | undefined): string | null {
  return (node && standIns.get(node)) ?? null;
}

interface Write {
  path: readonly string[];
  value: Expression;
  node: TSESTree.AssignmentExpression;
}

const MAX_DEPTH = 8;

/** Object literals whose keys are being looked up now: one that spreads itself (`var o = { ...o, a: 1 }`) is unknown there. */
const looking = new Set<TSESTree.ObjectExpression>();

function lookup(
  sourceCode: TSESLint.SourceCode,
  literal: TSESTree.ObjectExpression,
  key: string,
  depth: number,
  across: Across,
): OptionValue {
  if (looking.has(literal)) return { kind: 'unknown' };
  looking.add(literal);
  try {
    return lookupIn(sourceCode, literal, key, depth, across);
  } finally {
    looking.delete(literal);
  }
}

function lookupIn(
  sourceCode: TSESLint.SourceCode,
  literal: TSESTree.ObjectExpression,
  key: string,
  depth: number,
  across: Across,
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
    const spread = readOptions(sourceCode, prop.argument, depth + 1, across);
    if (spread === 'unknown') {
      if (isEmptyish(prop.argument)) continue;
      return { kind: 'unknown' };
    }
    const found = spread.rawGet(key);
    if (found.kind === 'absent') continue;
    if (found.kind !== 'set') return found;
    // An object of another file spread into one of the linted file (`{ ...config.session, store }`): its values are
    // read there (`in`: `get` gives a stand-in at the read, `object` a nested object of that file).
    const foreign = !found.in && spread.across.at && !across.at;
    return { ...found, property: null, ...(foreign ? { in: spread } : {}) };
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
  across: Across = {},
): OptionsView | 'unknown' {
  if (!node) return 'unknown';
  const inner = unwrap(node);
  if (inner.type === T.ObjectExpression) return new OptionsView(sourceCode, inner, [], false, across);
  if (inner.type === T.Identifier && depth < MAX_DEPTH) {
    const variable = findVariableOf(sourceCode, inner);
    const literal = variable && (objectInitializer(variable) ?? assignedObject(variable, inner));
    if (variable && literal) return new OptionsView(sourceCode, literal, writesThrough(variable), false, across);
    // `const config = configs[env]`: the entry (or what every entry agrees on) that a never-written `const` picks.
    const picked = variable && pickedInitializer(variable);
    if (picked) return readOptions(sourceCode, picked, depth + 1, across);
  }
  // `cookie: config.cookie`: an object literal exported by another file of the package, read where the linted file reads it.
  const foreign = across.at ? null : across.elsewhere?.(node);
  if (foreign && depth < MAX_DEPTH) {
    const view = readOptions(foreign.sourceCode, foreign.node, depth + 1, { at: { node, file: foreign.file } });
    if (view !== 'unknown') return view;
  }
  // `const { session } = configs[env]`: read as `configs[env].session` (unless the model already knows the name as a
  // value of another file: `const { cookieOptions } = require('../config')` stands at its read).
  if (inner.type === T.Identifier && depth < MAX_DEPTH && !foreign) {
    const variable = findVariableOf(sourceCode, inner);
    const unpacked = variable && destructuredFrom(variable);
    const holder = unpacked ? readOptions(sourceCode, unpacked.init, depth + 1, across) : 'unknown';
    const view = unpacked && holder !== 'unknown' ? objectAt(holder, unpacked.path) : null;
    if (view) return view;
  }
  // `config.session`, `configs[env]`: a member of an object read whole (in this file, or another file's export that
  // spreads or picks one: `export default { ...common, ...byEnv[env] }`).
  if (inner.type === T.MemberExpression && !inner.optional && depth < MAX_DEPTH) return memberOptions(sourceCode, inner, depth, across);
  return 'unknown';
}

/**
 * `holder.key` or `holder[key]` of an object read whole: the nested object at a key the code fixes (`configs.production`,
 * `configs['test']`, a `const` key), else, for a per-environment table picked at run time (`configs[process.env.NODE_ENV
 * || 'development']`), what every entry agrees on (`Agreement`). Anything else is unknown.
 */
function memberOptions(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression, depth: number, across: Across): OptionsView | 'unknown' {
  const holder = readOptions(sourceCode, member.object, depth + 1, across);
  if (holder === 'unknown') return 'unknown';
  // A key the code fixes: that entry.
  const known = staticKey(member) ?? (member.computed ? staticValueOf(sourceCode, member.property) : null);
  if (known !== null) {
    const key = typeof known === 'string' ? known : typeof known.value === 'string' || typeof known.value === 'number' ? String(known.value) : null;
    return (key !== null && holder.object(key)) || 'unknown';
  }
  // (The table of this file is a `const` (or an import) only ever read: `configs[env].secure = true` changes one entry.)
  const name = unwrap(member.object);
  const variable = name.type === T.Identifier ? findVariableOf(sourceCode, name) : null;
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable && def?.type !== 'ImportBinding' && (def?.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const')) return 'unknown';
  if (variable && !variable.references.every((r) => r.init || isReadOnly(r.identifier))) return 'unknown';
  return agreementOf(holder) ?? 'unknown';
}

/** The most entries of a per-environment table read for their agreement. */
const MAX_TABLE_ENTRIES = 16;

/**
 * What the entries of a table agree on: an object literal with static keys only (no spread, no computed key, no
 * later write), each entry an option object read whole in the same file. `null` otherwise.
 */
function agreementOf(table: OptionsView): Agreement | null {
  const literal = table.own;
  if (!literal || table.opaque || table.writes.length > 0 || table instanceof Agreement) return null;
  if (literal.properties.length === 0 || literal.properties.length > MAX_TABLE_ENTRIES) return null;
  const entries: OptionsView[] = [];
  for (const prop of literal.properties) {
    if (prop.type !== T.Property || prop.kind !== 'init' || prop.value.type === T.AssignmentPattern) return null;
    const key = staticKey(prop);
    const entry = key === null ? 'unknown' : table.object(key);
    if (entry === null || entry === 'unknown' || entry.sourceCode !== table.sourceCode) return null;
    entries.push(entry);
  }
  return new Agreement(entries, literal, table.across);
}

/**
 * `table[key]` with a key the code does not fix (`configs[process.env.NODE_ENV || 'development']`) of a table whose
 * entries are option objects read whole: what every entry agrees on. A key set in each entry to the same value (the
 * same node, or the same expression written in each: `process.env.SECRET || 'keyboard cat'`) is set, at the first
 * entry's node (with no `property`: a fix there would change one environment only); a key absent from each is absent;
 * an object in each (`cookie: { ... }`) is read the same way, key by key (`nested`); anything else (a key some entries
 * set and others lack, values that differ) is unknown. The entries are assumed to be read in the same scope (an
 * expression means the same in each).
 */
class Agreement extends OptionsView {
  constructor(
    readonly entries: readonly OptionsView[],
    /** The table, for messages: where a key that every entry lacks would be written. */
    readonly table: TSESTree.ObjectExpression,
    across: Across,
  ) {
    super(entries[0]!.sourceCode, null, [], true, across);
  }

  override rawGet(key: string): OptionValue {
    const values: Extract<OptionValue, { kind: 'set' }>[] = [];
    let absent = 0;
    for (const entry of this.entries) {
      const value = entry.rawGet(key);
      if (value.kind === 'unknown') return value;
      if (value.kind === 'absent') absent++;
      else values.push(value);
    }
    if (absent === this.entries.length) return { kind: 'absent' };
    if (absent > 0) return { kind: 'unknown' };
    const first = values[0]!;
    const agreed: OptionValue = { kind: 'set', node: first.node, property: null, written: false, ...(first.in ? { in: first.in } : {}) };
    // (One node that every entry spreads or shares: `{ ...common, port: 80 }`.)
    if (values.every((v) => v.node === first.node && !v.nested)) return agreed;
    // An object in each (`cookie: { ... }`), even written the same: read key by key, so that no entry's own property
    // is given to fix.
    if (values.every((v) => v.nested || unwrap(v.node).type === T.ObjectExpression || unwrap(v.node).type === T.Identifier)) {
      const nested = this.entries.map((entry) => entry.object(key));
      if (nested.every((view): view is OptionsView => view instanceof OptionsView && view.sourceCode === this.sourceCode)) {
        return { ...agreed, nested: new Agreement(nested, this.table, nested[0]!.across) };
      }
    }
    if (values.every((v) => !v.nested && !v.in && !first.in && sameExpression(first.node, v.node, { left: MAX_COMPARED_NODES }))) {
      inEveryEntry.add(first.node);
      return agreed;
    }
    return { kind: 'unknown' };
  }

  override writtenElsewhere(): string | null {
    return this.across.at ? `${this.across.at.file}:${lineOf(this.table)}${this.inEveryEntry()}` : null;
  }

  protected override inEveryEntry(): string {
    const name = tableName(this.table);
    return name === null ? ', in every environment' : `, in every environment of '${name}'`;
  }
}

/** The name a table is written under: `configs` of `const configs = {...}` (`as const` aside) or of `configs: {...}`; else `null`. */
function tableName(table: TSESTree.ObjectExpression): string | null {
  let current: Node = table;
  while (current.parent && current.parent.type !== T.Property && unwrap(current.parent) === table) current = current.parent;
  const parent = current.parent;
  if (parent?.type === T.VariableDeclarator && parent.init === current && parent.id.type === T.Identifier) return parent.id.name;
  if (parent?.type === T.Property && parent.value === current) return staticKey(parent);
  return null;
}

/** Values that the first entry of a table holds and every other entry holds written the same (`writtenInEveryEntry`). */
const inEveryEntry = new WeakSet<Node>();

/**
 * Whether a value is the first entry's of a per-environment table whose every entry writes the same (`secret:
 * process.env.SECRET || 'keyboard cat'` in `development` and in `production`): a fix there would change one entry only.
 */
export function writtenInEveryEntry(node: Node | null | undefined): boolean {
  return node ? inEveryEntry.has(node) : false;
}

/** The most nodes compared between two entries' values (`sameExpression`). */
const MAX_COMPARED_NODES = 200;

/** Keys of a node that do not change what it means (`raw`: `'a'` and `"a"` are the same string). */
const POSITION_KEYS: ReadonlySet<string> = new Set(['parent', 'range', 'loc', 'start', 'end', 'raw']);

/** Whether two expressions are written the same (whatever their positions, quotes and spacing). */
function sameExpression(a: unknown, b: unknown, budget: { left: number }): boolean {
  if (a === b) return true;
  if (--budget.left < 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameExpression(item, b[i], budget));
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
  const keys = Object.keys(a).filter((key) => !POSITION_KEYS.has(key));
  if (keys.length !== Object.keys(b).filter((key) => !POSITION_KEYS.has(key)).length) return false;
  return keys.every((key) => sameExpression((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], budget));
}

/**
 * The member read that a `const` is declared with and never written (`const config = configs[env]`), when nothing is
 * written through it either; else `null`.
 */
function pickedInitializer(variable: Variable): TSESTree.MemberExpression | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return null;
  if (def.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const') return null;
  const init = unwrap(def.node.init);
  if (init.type !== T.MemberExpression || init.optional) return null;
  // (Handed on whole, `session(config)`, it is read as any option object; written through, it is not.)
  return variable.references.every((r) => r.init || isReadOnly(r.identifier, true)) ? init : null;
}

/**
 * A reference that reads through members of the variable (`configs[env].session`, `configs.production`) without
 * writing, updating or deleting them or calling a method on them. A bare reference (handed on whole) only when `bare`.
 */
function isReadOnly(identifier: Node, bare = false): boolean {
  // (`keyof typeof configs`: a type, which reads nothing at run time.)
  if (identifier.parent?.type === T.TSTypeQuery) return true;
  let top: Node = identifier;
  while (top.parent && ((top.parent.type === T.MemberExpression && top.parent.object === top) || unwrap(top.parent) !== top.parent)) top = top.parent;
  if (top === identifier && !bare) return false;
  const parent = top.parent;
  if (parent?.type === T.AssignmentExpression && parent.left === top) return false;
  if (parent?.type === T.CallExpression && parent.callee === top) return false;
  if (parent?.type === T.UpdateExpression || (parent?.type === T.UnaryExpression && parent.operator === 'delete')) return false;
  return !(parent?.type === T.ForInStatement || parent?.type === T.ForOfStatement || parent?.type === T.ArrayPattern || (parent?.type === T.Property && parent.parent?.type === T.ObjectPattern) || (parent?.type === T.AssignmentPattern && parent.left === top));
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

/**
 * The object literal a variable declared without a value is given by its one write (`var sessionOpts; ...
 * sessionOpts = { name: 'connect.sid' }; app.use(session(sessionOpts))`, as ES5 output declares its variables first),
 * read at `use`: the write is a statement `name = { ... }` of the function that reads it, before the read, in a block
 * that holds the read (not in a branch of its own, a loop or a nested function), and nothing else writes the variable.
 * Else `null`.
 */
function assignedObject(variable: Variable, use: Node): TSESTree.ObjectExpression | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || def.node.init) return null;
  const writes = variable.references.filter((r) => r.isWrite());
  if (writes.length !== 1) return null;
  const id = writes[0]!.identifier;
  const assignment = id.parent;
  if (assignment?.type !== T.AssignmentExpression || assignment.left !== id || assignment.operator !== '=') return null;
  const literal = unwrap(assignment.right);
  const statement = assignment.parent;
  if (literal.type !== T.ObjectExpression || statement?.type !== T.ExpressionStatement || id.range[1] > use.range[0]) return null;
  const fn = enclosingFunction(use);
  if (enclosingFunction(id) !== fn || !holds(statement.parent, use) || loopAround(statement, fn)) return null;
  return literal;
}

/** Whether `node` is `inner` or holds it. */
function holds(node: Node | undefined, inner: Node): boolean {
  return !!node && node.range[0] <= inner.range[0] && inner.range[1] <= node.range[1];
}

/** The first loop around `node` below `fn` (the function, or `null` for the file), else `null`. */
function loopAround(node: Node, fn: Node | null): Node | null {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (isLoop(current)) return current;
  }
  return null;
}

/**
 * One choice the code makes at run time on the way to a value (`possibleValues`): `pick` is the expression that
 * chooses (the same node for every value chosen there), `key` names the way taken there.
 */
export type Choice =
  /** An entry of a table picked by a key the code does not fix: `key` is the entry's (`development`); `by` the table's name, if any. */
  | { kind: 'table'; pick: Node; key: string; by: string | null }
  /** A branch of `test ? a : b`: `key` is `'true'` or `'false'`; `by` the test as written, `null` when long. */
  | { kind: 'condition'; pick: Node; key: 'true' | 'false'; by: string | null }
  /**
   * A value a `let` or `var` may hold where `pick` reads it: its initializer or one `name = value` write (`at`, on
   * `line`); `key` tells the writes apart; `by` is the variable's name.
   */
  | { kind: 'held'; pick: Node; key: string; by: string; at: Node; line: number };

/** One value an expression may have at run time (`possibleValues`). */
export interface PossibleValue {
  /**
   * The expression that gives it, for the caller to read (a literal, a regex, a function, or anything the model does
   * not read further: a call, `process.env.X`); `null` for a write whose value is not written out (`name += 1`,
   * `name++`, destructuring, `for (name of list)`).
   */
  node: Expression | null;
  /** The choices that lead to it, outermost first. */
  via: readonly Choice[];
}

/** The longest condition a message names (`Choice.by`). */
const MAX_CONDITION_TEXT = 60;
/** The most values `possibleValues` lists before it gives up (unknown). */
const MAX_POSSIBLE_VALUES = 32;

/**
 * The values an expression of the file may have at run time, each with the choices that lead to it, read through:
 * - an entry of a per-environment table picked by a key the code does not fix (`origins[process.env.NODE_ENV]` of
 *   `const origins = { development: true, production: 'https://example.com' }`, or an object literal picked in place:
 *   `{ development: true, production: 1 }[process.env.NODE_ENV]`): static keys only, no spread, at most
 *   `MAX_TABLE_ENTRIES` entries, a `const` only ever read through static keys or such picks;
 * - a branch of a condition (`isProd ? /\.example\.com$/ : true`);
 * - what a `let` or `var` of the function that reads it may hold at the read (`let trustProxy = true; if
 *   (process.env.TRUST_PROXY === 'false') trustProxy = false;`): its initializer and each `name = value` write before
 *   the read in the same function, from the last one that always runs before the read (a statement of a block that
 *   holds the read: earlier values are overwritten) on; writes after the read count for nothing unless a loop holds
 *   both (then what it holds is unknown);
 * - a `const` (or a variable never written again) holding any of these (`const origin = origins[env]`).
 * Each is read again in what it gives (a branch may be a `let`, a held value a condition), at most `MAX_DEPTH` deep.
 * Where a part cannot be read (a table of another file or one the file writes to, a variable a nested function writes,
 * a key the code fixes: `origins.production` is that entry, `staticValueOf` reads it) that part is one value, the
 * expression itself, which the caller reads as it can (usually: unknown). `null` when the expression makes no choice
 * (it is its own only value), has no value written out (`var x;` read before any write: `undefined` is not listed),
 * or has more than `MAX_POSSIBLE_VALUES` values. The caller assumes every choice can be taken at run time. Cheap: it
 * reads the variables' references and the expressions it follows, nothing else.
 */
export function possibleValues(sourceCode: TSESLint.SourceCode, node: Node): readonly PossibleValue[] | null {
  const values: PossibleValue[] = [];
  if (!collectValues(sourceCode, node, [], values, 0)) return null;
  return values.length === 0 || (values.length === 1 && values[0]!.via.length === 0) ? null : values;
}

/** `possibleValues` of `node` reached through `via`, added to `into`; `false` when there are too many. */
function collectValues(sourceCode: TSESLint.SourceCode, node: Node, via: readonly Choice[], into: PossibleValue[], depth: number): boolean {
  const inner = unwrap(node);
  const choices = depth < MAX_DEPTH ? choicesAt(sourceCode, inner) : null;
  if (!choices) {
    into.push({ node: inner as Expression, via });
    return into.length <= MAX_POSSIBLE_VALUES;
  }
  for (const { choice, value } of choices) {
    if (choice === null) {
      if (!collectValues(sourceCode, value!, via, into, depth + 1)) return false;
    } else if (value === null) {
      into.push({ node: null, via: [...via, choice] });
      if (into.length > MAX_POSSIBLE_VALUES) return false;
    } else if (!collectValues(sourceCode, value, [...via, choice], into, depth + 1)) {
      return false;
    }
  }
  return true;
}

/**
 * The ways an expression may go at run time (`possibleValues`), one level: each with the choice that takes it (`null`
 * for a `const` followed to its value) and the expression there (`null`: not written out). `null` when it makes no
 * choice the model reads.
 */
function choicesAt(sourceCode: TSESLint.SourceCode, inner: Node): { choice: Choice | null; value: Node | null }[] | null {
  if (inner.type === T.ConditionalExpression) {
    const text = sourceCode.getText(inner.test).replace(/\s+/gu, ' ');
    const by = text.length > MAX_CONDITION_TEXT ? null : text;
    return [
      { choice: { kind: 'condition', pick: inner, key: 'true', by }, value: inner.consequent },
      { choice: { kind: 'condition', pick: inner, key: 'false', by }, value: inner.alternate },
    ];
  }
  if (inner.type === T.MemberExpression) return tableChoices(sourceCode, inner);
  if (inner.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, inner);
  if (!variable) return null;
  // (A `const`, or a variable nothing writes again: what it is declared with; unless a `var` of the function is given
  // its value after the read, `set(x); var x = true;`, which the held reading below takes for a later write.)
  const declarator = soleDeclarator(variable);
  const later =
    declarator?.parent?.type === T.VariableDeclaration &&
    declarator.parent.kind !== 'const' &&
    declarator.range[0] >= inner.range[0] &&
    enclosingFunction(declarator) === enclosingFunction(inner);
  if (declarator && !later) return declarator.id.type === T.Identifier ? [{ choice: null, value: declarator.init }] : null;
  return heldChoices(variable, inner);
}

/** `table[key]` with a key the code does not fix, of a table the file writes in full: its entries (`possibleValues`). */
function tableChoices(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression): { choice: Choice; value: Node }[] | null {
  if (!member.computed || member.optional || staticValueOf(sourceCode, member.property) !== null) return null;
  const name = unwrap(member.object);
  let table: Node = name;
  let by: string | null = null;
  if (name.type === T.Identifier) {
    const variable = findVariableOf(sourceCode, name);
    const declarator = variable && soleDeclarator(variable);
    if (!variable || !declarator || declarator.parent?.type !== T.VariableDeclaration || declarator.parent.kind !== 'const') return null;
    if (!variable.references.every((r) => r.init || isReadOnly(r.identifier))) return null;
    table = unwrap(declarator.init);
    by = name.name;
  }
  if (table.type !== T.ObjectExpression || table.properties.length === 0 || table.properties.length > MAX_TABLE_ENTRIES) return null;
  const choices: { choice: Choice; value: Node }[] = [];
  for (const prop of table.properties) {
    const key = prop.type === T.Property && prop.kind === 'init' && !prop.method && prop.value.type !== T.AssignmentPattern ? staticKey(prop) : null;
    // (A key written twice: the last wins, the other is no entry; not read.)
    if (key === null || choices.some((c) => c.choice.key === key)) return null;
    choices.push({ choice: { kind: 'table', pick: member, key, by }, value: (prop as TSESTree.Property).value });
  }
  return choices;
}

/**
 * What a `let` or `var` of the function that reads it (at `use`) may hold there (`possibleValues`): its initializer and
 * the writes before the read, from the last one that always runs before it. `null` for a parameter, a variable declared
 * in another function or written by a nested one, or one a loop writes after the read.
 */
function heldChoices(variable: Variable, use: TSESTree.Identifier): { choice: Choice; value: Node | null }[] | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier) return null;
  if (def.parent?.type !== T.VariableDeclaration || def.parent.kind === 'const') return null;
  const fn = enclosingFunction(use);
  if (enclosingFunction(def.node) !== fn) return null;
  const name = def.node.id.name;
  const held = (value: Expression | null, at: Node): { choice: Choice; value: Node | null } => ({
    choice: { kind: 'held', pick: use, key: String(at.range[0]), by: name, at, line: lineOf(value ?? at) },
    value,
  });
  // (A `var` declared with a value after the read, `set(x); var x = true;`: that value comes after it, as a write would.)
  const initAfter = def.node.range[0] >= use.range[0];
  const initLoop = initAfter ? loopAround(def.node, fn) : null;
  if (initLoop && holds(initLoop, use)) return null;
  let values = def.node.init && !initAfter ? [held(def.node.init, def.node)] : [];
  const writes = variable.references
    .filter((r) => r.isWrite() && !r.init)
    .map((r) => r.identifier)
    .sort((a, b) => a.range[0] - b.range[0]);
  for (const id of writes) {
    if (enclosingFunction(id) !== fn) return null;
    const parent = id.parent;
    const assigned = parent?.type === T.AssignmentExpression && parent.left === id && parent.operator === '=' ? parent : null;
    // (A write after the read, or the one whose value holds it, `x = isProd ? x : true`: runs after it, unless a loop holds both.)
    if (id.range[0] >= use.range[0] || holds(assigned ?? undefined, use)) {
      const loop = loopAround(id, fn);
      if (loop && holds(loop, use)) return null;
      continue;
    }
    const value = held(assigned ? assigned.right : null, assigned ?? id);
    // (A statement of a block that holds the read always runs before it: what was held before is overwritten.)
    const always = assigned?.parent?.type === T.ExpressionStatement && holds(assigned.parent.parent, use);
    values = always ? [value] : [...values, value];
  }
  return values;
}

/**
 * Where the `chosen` values among `values` (`possibleValues`) come from, in words for a message: `in environments
 * 'development' and 'test' of 'origins'`, `in every environment of 'origins'`, `when 'isProd' is false`, `whether
 * 'isProd' is true or false`, `one of the values 'origin' may hold (line 3)`, `every value 'origin' may hold (lines 1
 * and 3)`; through several choices, outermost first (`when 'isProd' is false, in environment 'development'`). Where
 * the chosen ones are reached in several ways, the ways that lead only to chosen values are named together (else the
 * first way, with what follows it). `null` when none is chosen.
 */
export function chosenWhere(values: readonly PossibleValue[], chosen: readonly PossibleValue[]): string | null {
  return chosen.length === 0 ? null : describeChoices(values, chosen, 0);
}

/** `chosenWhere` from the choice at `depth` on (every value given shares the choices before it); `''` past the last. */
function describeChoices(values: readonly PossibleValue[], chosen: readonly PossibleValue[], depth: number): string {
  const first = values[0]?.via[depth];
  if (!first) return '';
  const keysOf = (list: readonly PossibleValue[]): string[] => [...new Set(list.map((v) => v.via[depth]!.key))];
  const under = (list: readonly PossibleValue[], key: string): PossibleValue[] => list.filter((v) => v.via[depth]!.key === key);
  const parts = keysOf(chosen).map((key) => {
    const all = under(values, key);
    const some = under(chosen, key);
    return { key, rest: some.length === all.length ? '' : describeChoices(all, some, depth + 1) };
  });
  // (The ways that lead only to chosen values, named together; else the first way, with what follows it.)
  const whole = parts.filter((part) => part.rest === '');
  const phrase = (keys: readonly string[], every: boolean): string => choicePhrase(first, keys, values, depth, every);
  if (whole.length > 0) return phrase(whole.map((part) => part.key), whole.length === keysOf(values).length);
  return `${phrase([parts[0]!.key], false)}, ${parts[0]!.rest}`;
}

/** The words for the ways `keys` of one choice, at `depth` of `values` (`describeChoices`); `every` when they are all its ways. */
function choicePhrase(choice: Choice, keys: readonly string[], values: readonly PossibleValue[], depth: number, every: boolean): string {
  if (choice.kind === 'condition') {
    const condition = choice.by === null ? 'the condition' : `'${choice.by}'`;
    return every ? `whether ${condition} is true or false` : `when ${condition} is ${keys[0]!}`;
  }
  if (choice.kind === 'table') {
    const of = choice.by === null ? '' : ` of '${choice.by}'`;
    if (every) return `in every environment${of}`;
    return `in environment${keys.length > 1 ? 's' : ''} ${andList(keys.map((key) => `'${key}'`))}${of}`;
  }
  const lines = keys.map((key) => {
    const held = values.find((v) => v.via[depth]!.key === key)!.via[depth] as Extract<Choice, { kind: 'held' }>;
    return String(held.line);
  });
  const where = `(line${lines.length > 1 ? 's' : ''} ${andList(lines)})`;
  if (every) return `every value '${choice.by}' may hold ${where}`;
  return `${keys.length > 1 ? 'some' : 'one'} of the values '${choice.by}' may hold ${where}`;
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

/**
 * The static value of an expression, following `const`s; `null` when it is not known. A node of another file that the
 * linted file's model holds (a value of a chain entry's options written in app.js) is read in its own file
 * (`sourceOf`), whatever source the caller has at hand.
 */
export function staticValueOf(given: TSESLint.SourceCode, node: Node): { value: unknown } | null {
  // (A literal needs no scope: the walk to its file's root is skipped.)
  const sourceCode = node.type === T.Literal ? given : (sourceOf(node) ?? given);
  const known = getStaticValue(node, scopeOf(sourceCode, node));
  if (known) return known;
  // `exports.KEY` / `module.exports.KEY` read in the file that exports a constant under it.
  const key = ownExportKey(unwrap(node));
  if (key === null) return null;
  const assigned = exportedNode(sourceCode, [key]);
  return assigned && assigned !== node ? getStaticValue(assigned, scopeOf(sourceCode, assigned)) : null;
}

/** `KEY` of `exports.KEY` or `module.exports.KEY`, else `null`. */
function ownExportKey(node: Node): string | null {
  return node.type === T.MemberExpression && isModuleExports(node.object) ? staticKey(node) : null;
}

/** `sourceCode.getScope(node)`; for another file of the package (src/project parses it without ESLint's `SourceCode`), from its scope manager. */
function scopeOf(sourceCode: TSESLint.SourceCode, node: Node): TSESLint.Scope.Scope | undefined {
  if (typeof sourceCode.getScope === 'function') return sourceCode.getScope(node);
  const manager = sourceCode.scopeManager;
  for (let current: Node | undefined = node; current; current = current.parent) {
    const scope = manager?.acquire(current, true);
    if (scope) return scope.type === 'function-expression-name' ? scope.childScopes[0] : scope;
  }
  return manager?.scopes[0];
}

/** Resolves an identifier bound by `const x = <expr>` to `<expr>` (once); anything else is returned as is. */
export function resolveConst(sourceCode: TSESLint.SourceCode, node: Node): Node {
  const inner = unwrap(node);
  if (inner.type !== T.Identifier) return inner;
  const variable = findVariableOf(sourceCode, inner);
  const declarator = variable && soleDeclarator(variable);
  return declarator?.id.type === T.Identifier ? unwrap(declarator.init) : inner;
}

/**
 * The value an expression reads, for a rule that wants a literal (a secret): `local.secret` of `const local = {
 * secret: '...' }` is the property's value in the object literal, when `local` is a `const` of this file that is only
 * ever read through static keys (no write, no call that could change it, no `local[key]`); `config.jwtSecret` of a
 * module of the package is a stand-in literal at the read (`elsewhereOf` names that file) when the constant is static.
 * An identifier goes through one `const` (`resolveConst`). Anything else is the expression itself (unknown).
 */
export function readValue(sourceCode: TSESLint.SourceCode, node: Node, across: Across = {}, depth = 0): Node {
  const foreign = across.elsewhere?.(node);
  if (foreign) {
    const known = staticValueOf(foreign.sourceCode, foreign.node);
    return (known && standIn(known.value, { node }, `${foreign.file}:${lineOf(foreign.node)}`)) ?? fallbackStandIn(foreign, node) ?? unwrap(node);
  }
  // (`secret` of `const { secret } = configs[env]`: read as `configs[env].secret`.)
  const unpacked = unwrap(node).type === T.Identifier && depth < MAX_DEPTH ? unpackedValue(sourceCode, unwrap(node) as TSESTree.Identifier, across, depth) : null;
  if (unpacked) return elsewhereOf(unpacked) ? unpacked : readValue(sourceCode, unpacked, across, depth + 1);
  const inner = resolveConst(sourceCode, node);
  if (inner.type !== T.MemberExpression || depth >= MAX_DEPTH) return inner;
  const key = staticKey(inner);
  const object = unwrap(inner.object);
  if (key === null) return inner;
  const variable = object.type === T.Identifier ? findVariableOf(sourceCode, object) : null;
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  // (`config.secret` of `const config = configs[env]` or `const { config } = settings[env]`: what every entry of the table agrees on.)
  if (variable && def?.parent?.type === T.VariableDeclaration && def.parent.kind === 'const' && (objectInitializer(variable) || pickedInitializer(variable) || destructuredFrom(variable))) {
    if (!variable.references.every((r) => r.init || isStaticRead(r.identifier))) return inner;
    const view = readOptions(sourceCode, object, depth + 1, across);
    if (view === 'unknown') return inner;
    const value = view.get(key);
    if (value.kind !== 'set') return inner;
    return elsewhereOf(value.node) ? value.node : readValue(sourceCode, value.node, across, depth + 1);
  }
  // `config.sessionSecret` where another file exports an object that no path leads into (`module.exports =
  // configs[env]`, `export default { ...common, ...byEnv[env] }`): read as that file's option object, whose values stand
  // at the read (a static value, or a literal fallback of `process.env.X || '...'`).
  if (!across.elsewhere) return inner;
  const view = readOptions(sourceCode, object, depth + 1, across);
  if (view === 'unknown' || !view.across.at) return inner;
  const value = view.get(key);
  return value.kind === 'set' ? value.node : inner;
}

/**
 * A `const` bound by destructuring an object (`const { session } = configs[env]`, `const { session: { secret: s } } =
 * config`): the expression destructured and the keys that lead from it to the binding, when every key is static, the
 * binding has no default, and the variable is only read (handed on whole, or through static keys: `pickedInitializer`'s
 * terms). Else `null`.
 */
function destructuredFrom(variable: Variable): { init: Expression; path: string[] } | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.ObjectPattern || !def.node.init) return null;
  if (def.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const') return null;
  const path: string[] = [];
  let current: Node = def.name;
  while (current !== def.node.id) {
    const property: Node | undefined = current.parent;
    if (property?.type !== T.Property || property.value !== current || property.parent.type !== T.ObjectPattern) return null;
    const key = staticKey(property);
    if (key === null || path.length >= MAX_DEPTH) return null;
    path.unshift(key);
    current = property.parent;
  }
  if (!variable.references.every((r) => r.init || isReadOnly(r.identifier, true))) return null;
  return { init: def.node.init, path };
}

/** The option object at `path` below `view` (`null` when a key on the way is absent or unknown). */
function objectAt(view: OptionsView, path: readonly string[]): OptionsView | null {
  let current: OptionsView = view;
  for (const key of path) {
    const next = current.object(key);
    if (!(next instanceof OptionsView)) return null;
    current = next;
  }
  return current;
}

/** The value a destructured `const` holds (`destructuredFrom`), as `OptionsView.get` reads it; `null` when not known. */
function unpackedValue(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier, across: Across, depth: number): Expression | null {
  const variable = findVariableOf(sourceCode, id);
  const unpacked = variable && destructuredFrom(variable);
  if (!unpacked) return null;
  const holder = readOptions(sourceCode, unpacked.init, depth + 1, across);
  const view = holder === 'unknown' ? null : objectAt(holder, unpacked.path.slice(0, -1));
  const value = view?.get(unpacked.path.at(-1)!);
  return value?.kind === 'set' ? value.node : null;
}

/** `v.key` read (not written, updated or deleted), with a static key. */
function isStaticRead(identifier: Node): boolean {
  const member = identifier.parent;
  if (member?.type !== T.MemberExpression || member.object !== identifier || staticKey(member) === null) return false;
  const parent = outermost(member).parent;
  if (parent?.type === T.AssignmentExpression && outermost(member) === parent.left) return false;
  if (parent?.type === T.CallExpression && parent.callee === outermost(member)) return false;
  if (parent?.type === T.UpdateExpression || (parent?.type === T.UnaryExpression && parent.operator === 'delete')) return false;
  // `for (v.key of ...)`, `[v.key] = ...`, `({ a: v.key } = ...)`: a write in a pattern.
  return !(parent?.type === T.ForInStatement || parent?.type === T.ForOfStatement || parent?.type === T.ArrayPattern || parent?.type === T.Property && parent.parent?.type === T.ObjectPattern || parent?.type === T.AssignmentPattern && parent.left === outermost(member));
}

/**
 * The string an expression evaluates to when it is made of constants (a route's or a mount's path): string and number
 * literals, template literals and `+` of them, `[a, b].join(sep)` of an array literal, a `const` of the file holding
 * such (`const API = '/api/v1'`), a property of a `const` object literal that is only ever read through static keys
 * (`Paths.Login` of `const Paths = { Login: '/login' } as const`: no write, not handed to a call: `readValue`), a
 * TypeScript enum member with a string initializer (`Paths.Login` of `enum Paths { Login = '/login' }`, declared once),
 * or of such an enum as oxc compiles it (`var Paths = function(Paths) { Paths["Login"] = "/login"; return Paths; }({})`,
 * `oxcEnumOf`). Where the file's own reading gives no answer, `elsewhere` may name a constant that another file of the package
 * exports (`API` of `import { API } from './config.js'`), read there the same way (its own imports are not followed).
 * `null` for anything else: a `let` or `var`, a parameter, a call's result, an object that is written or handed on.
 */
export function staticText(sourceCode: TSESLint.SourceCode, node: Node, elsewhere?: (node: Node) => ValueElsewhere | null): string | null {
  const value = constantPart(sourceCode, node, elsewhere, 0);
  return typeof value === 'string' ? value : null;
}

/** `staticText` that also gives a number (`10` of `export const LIMIT = 10`). */
export function staticPart(sourceCode: TSESLint.SourceCode, node: Node, elsewhere?: (node: Node) => ValueElsewhere | null): string | number | null {
  return constantPart(sourceCode, node, elsewhere, 0);
}

/** `staticText`'s reading of one part: a string, or a number (`${VERSION}`), else `null`. */
function constantPart(sourceCode: TSESLint.SourceCode, node: Node, elsewhere: ((node: Node) => ValueElsewhere | null) | undefined, depth: number): string | number | null {
  if (depth > MAX_DEPTH) return null;
  const inner = unwrap(node);
  const part = (next: Node): string | number | null => constantPart(sourceCode, next, elsewhere, depth + 1);
  switch (inner.type) {
    case T.Literal:
      return typeof inner.value === 'string' || typeof inner.value === 'number' ? inner.value : null;
    case T.TemplateLiteral: {
      let text = inner.quasis[0]?.value.cooked;
      for (let i = 0; i < inner.expressions.length && typeof text === 'string'; i++) {
        const value = part(inner.expressions[i]!);
        const quasi = inner.quasis[i + 1]?.value.cooked;
        text = value === null || typeof quasi !== 'string' ? undefined : `${text}${value}${quasi}`;
      }
      return typeof text === 'string' ? text : null;
    }
    case T.BinaryExpression: {
      if (inner.operator !== '+') return null;
      const left = part(inner.left);
      const right = left === null ? null : part(inner.right);
      if (left === null || right === null) return null;
      return typeof left === 'number' && typeof right === 'number' ? left + right : `${left}${right}`;
    }
    case T.CallExpression: {
      // `[API, 'auth'].join('/')`
      const callee = unwrap(inner.callee);
      if (callee.type !== T.MemberExpression || callee.optional || inner.optional || staticKey(callee) !== 'join' || inner.arguments.length > 1) return null;
      const array = unwrap(callee.object);
      const separator = inner.arguments[0] ? part(inner.arguments[0]) : ',';
      if (array.type !== T.ArrayExpression || typeof separator !== 'string') return null;
      const parts: (string | number)[] = [];
      for (const element of array.elements) {
        const value = element && element.type !== T.SpreadElement ? part(element) : null;
        if (value === null) return null;
        parts.push(value);
      }
      return parts.join(separator);
    }
    case T.Identifier: {
      const variable = findVariableOf(sourceCode, inner);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === 'Variable' && def.parent?.type === T.VariableDeclaration && def.parent.kind === 'const' && def.node.id.type === T.Identifier) {
        return def.node.init ? part(def.node.init) : null;
      }
      // A member of an enum named inside it: `Login = Base + '/login'`.
      if (def?.node.type === T.TSEnumMember) return def.node.initializer ? part(def.node.initializer) : null;
      break;
    }
    case T.MemberExpression: {
      const key = inner.optional ? null : staticKey(inner);
      if (key === null) return null;
      const object = unwrap(inner.object);
      const variable = object.type === T.Identifier ? findVariableOf(sourceCode, object) : null;
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.node.type === T.TSEnumDeclaration) {
        const initializer = enumInitializer(def.node, key);
        return initializer ? part(initializer) : null;
      }
      // (Compiled TypeScript's enum as oxc writes it: `var Paths = function(Paths) { Paths["Login"] = "/login"; return
      // Paths; }({})`.)
      const compiled = object.type === T.Identifier ? oxcEnumOf(sourceCode, object) : null;
      if (compiled) {
        const member = compiledEnumMember(compiled, key);
        return member ? part(member) : null;
      }
      // (`${this.path}/login` of a route class with `public path = '/auth'`: the field's text.)
      if (object.type === T.ThisExpression) {
        const field = instanceField(inner, sourceCode.visitorKeys);
        return field ? part(field) : null;
      }
      const read = readValue(sourceCode, inner);
      if (read !== inner) return part(read);
      break;
    }
    default:
      return null;
  }
  // A name or a property that the file does not show: a constant of another file of the package, if it exports one.
  const foreign = elsewhere?.(inner);
  if (!foreign || inLet(foreign.node)) return null;
  return constantPart(foreign.sourceCode, foreign.node, undefined, depth + 1);
}

/**
 * Whether a value of another file is what a `let` or `var` holds, or a part of the object or array literal it holds
 * (`export let API = '/api'`, `export let ROUTES = { AUTH: 'auth' }`): what it holds when the route is registered may
 * be something else.
 */
function inLet(node: Node): boolean {
  let current = node;
  for (let depth = 0; depth < MAX_DEPTH && current.parent; depth++) {
    const parent: Node = current.parent;
    if (parent.type === T.VariableDeclarator) return parent.init === current && parent.parent.kind !== 'const';
    const part =
      parent.type === T.Property ? parent.value === current : parent.type === T.ObjectExpression || parent.type === T.ArrayExpression || unwrap(parent) !== parent;
    if (!part) return false;
    current = parent;
  }
  return false;
}

/** The initializer of an enum's member named `key` (`'/login'` of `Login = '/login'`), else `null`. */
function enumInitializer(declaration: TSESTree.TSEnumDeclaration, key: string): Expression | null {
  const member = declaration.body.members.find((m) => (m.id.type === T.Identifier ? m.id.name : m.id.type === T.Literal ? m.id.value : null) === key);
  return member?.initializer ?? null;
}

/**
 * What a file exports at `[name, key]` when `name` is a TypeScript enum declared once in it (`export enum Paths {
 * Login = '/login' }`, `export const enum`, or `enum Paths {...}; export { Paths }`), or compiled TypeScript's enum
 * (`compiledEnum`): the initializer of its member `key`, read with that file's source as `staticText` reads an enum of
 * the linted file (`exportedNode` reads objects, not enums). `null` otherwise.
 */
export function exportedEnumMember(sourceCode: TSESLint.SourceCode, path: readonly string[]): Node | null {
  const [name, key] = path;
  if (path.length !== 2 || name === undefined || key === undefined) return null;
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== T.ExportNamedDeclaration || statement.exportKind === 'type' || statement.source) continue;
    let id: TSESTree.Identifier | null = null;
    if (statement.declaration?.type === T.TSEnumDeclaration && statement.declaration.id.name === name) id = statement.declaration.id;
    for (const spec of statement.specifiers) {
      const exported = spec.exported.type === T.Identifier ? spec.exported.name : String(spec.exported.value);
      if (exported === name && spec.exportKind !== 'type' && spec.local.type === T.Identifier) id = spec.local;
    }
    if (!id) continue;
    const variable = findVariableOf(sourceCode, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type === T.TSEnumDeclaration) return enumInitializer(def.node, key);
    // (`export { E }` of oxc's compiled enum, `var E = function(E) { …; return E; }({})`.)
    const compiled = oxcEnumOf(sourceCode, id);
    return compiled ? compiledEnumMember(compiled, key) : null;
  }
  // oxc's compiled enum that CommonJS exports by name: `exports.E = E;` (rolldown, tsdown).
  for (const statement of sourceCode.ast.body) {
    const write = statement.type === T.ExpressionStatement ? statement.expression : null;
    if (write?.type !== T.AssignmentExpression || write.operator !== '=' || write.left.type !== T.MemberExpression) continue;
    if (!isModuleExports(write.left.object) || staticKey(write.left) !== name || write.right.type !== T.Identifier) continue;
    const compiled = oxcEnumOf(sourceCode, write.right);
    return compiled ? compiledEnumMember(compiled, key) : null;
  }
  // Compiled TypeScript's enum of that name, made by one IIFE.
  let compiled: TSESTree.FunctionExpression | null = null;
  for (const statement of sourceCode.ast.body) {
    const found = compiledEnum(statement);
    if (found?.exported !== name) continue;
    if (compiled) return null;
    compiled = found.fn;
  }
  return compiled ? compiledEnumMember(compiled, key) : null;
}

/**
 * Compiled TypeScript's enum: `var E; (function (E) { E["A"] = "a"; E[E["B"] = 1] = "B"; })(E || (exports.E = E =
 * {}));` (tsc 5; tsc 4 writes `(E = exports.E || (exports.E = {}))`), a top-level statement whose function only writes
 * members of its parameter: that function and the name it exports the enum under; else `null`.
 */
export function compiledEnum(statement: Node): { fn: TSESTree.FunctionExpression; exported: string } | null {
  if (statement.type !== T.ExpressionStatement) return null;
  const call = unwrap(statement.expression);
  if (call.type !== T.CallExpression || call.arguments.length !== 1 || call.arguments[0]!.type === T.SpreadElement) return null;
  const fn = unwrap(call.callee);
  const param = fn.type === T.FunctionExpression && fn.params.length === 1 ? fn.params[0] : undefined;
  if (fn.type !== T.FunctionExpression || param?.type !== T.Identifier) return null;
  const exported = exportWrittenIn(call.arguments[0]!, 0);
  if (exported === null) return null;
  return fn.body.body.every((s) => writesMemberOf(s, param.name)) ? { fn, exported } : null;
}

/** `name[key] = value;`: a statement of a compiled enum's function that writes one member of its parameter `name`. */
function writesMemberOf(statement: TSESTree.Statement, name: string): boolean {
  return (
    statement.type === T.ExpressionStatement &&
    statement.expression.type === T.AssignmentExpression &&
    statement.expression.operator === '=' &&
    statement.expression.left.type === T.MemberExpression &&
    statement.expression.left.object.type === T.Identifier &&
    statement.expression.left.object.name === name
  );
}

/**
 * Compiled TypeScript's enum as oxc writes it (rolldown, tsdown, Vite's TypeScript transform; with a `@__PURE__`
 * comment before the function): `var E = function(E) { E["A"] = "a"; E[E["B"] = 1] = "B"; return E; }({});`, the
 * initializer of a declaration whose function only writes members of its parameter and then returns it: that
 * function; else `null`.
 */
export function oxcEnumInit(init: Node): TSESTree.FunctionExpression | null {
  const call = unwrap(init);
  if (call.type !== T.CallExpression || call.arguments.length !== 1) return null;
  const argument = unwrap(call.arguments[0]!);
  if (argument.type !== T.ObjectExpression || argument.properties.length > 0) return null;
  const fn = unwrap(call.callee);
  const param = fn.type === T.FunctionExpression && fn.params.length === 1 ? fn.params[0] : undefined;
  if (fn.type !== T.FunctionExpression || param?.type !== T.Identifier || fn.async || fn.generator) return null;
  const body = fn.body.body;
  const last = body[body.length - 1];
  if (last?.type !== T.ReturnStatement || last.argument?.type !== T.Identifier || last.argument.name !== param.name) return null;
  return body.slice(0, -1).every((s) => writesMemberOf(s, param.name)) ? fn : null;
}

/**
 * The function of oxc's compiled enum that `id` names (`oxcEnumInit`), when the name is declared once and the file
 * only reads it and its members after (`Paths.Login`, `exports.Paths = Paths`, `export { Paths }`): a name written
 * again, a member written (`Paths.Login = x`) or the enum handed to a call holds no one value, `null`.
 */
function oxcEnumOf(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): TSESTree.FunctionExpression | null {
  const variable = findVariableOf(sourceCode, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || !def.node.init) return null;
  const fn = oxcEnumInit(def.node.init);
  if (!fn) return null;
  for (const ref of variable!.references) {
    if (ref.init) continue;
    if (ref.isWrite()) return null;
    const used: Node = ref.identifier as Node;
    const parent = used.parent;
    if (parent?.type === T.ExportSpecifier) continue;
    if (parent?.type === T.AssignmentExpression && parent.right === used && parent.left.type === T.MemberExpression && isModuleExports(parent.left.object)) continue;
    // (Only read through static keys, as a `const` object's properties are: `isStaticRead`.)
    if (!isStaticRead(used)) return null;
  }
  return fn;
}

/** `E` of the argument of a compiled enum's IIFE (`E || (exports.E = E = {})`, `E = exports.E || (exports.E = {})`). */
function exportWrittenIn(node: Node, depth: number): string | null {
  const inner = unwrap(node);
  if (depth > 4) return null;
  if (inner.type === T.LogicalExpression && inner.operator === '||') return exportWrittenIn(inner.right, depth + 1);
  if (inner.type !== T.AssignmentExpression || inner.operator !== '=') return null;
  if (inner.left.type === T.MemberExpression && isModuleExports(inner.left.object)) return staticKey(inner.left);
  return exportWrittenIn(inner.right, depth + 1);
}

/** The value a compiled enum's IIFE gives its member `key`: `"a"` of `E["A"] = "a"`, `1` of `E[E["B"] = 1] = "B"`. */
function compiledEnumMember(fn: TSESTree.FunctionExpression, key: string): Node | null {
  const param = fn.params[0] as TSESTree.Identifier;
  for (const statement of fn.body.body) {
    // (oxc's form ends with `return E;`.)
    if (statement.type !== T.ExpressionStatement) continue;
    let write = (statement as TSESTree.ExpressionStatement).expression as TSESTree.AssignmentExpression;
    const left = write.left as TSESTree.MemberExpression;
    // (The reverse mapping of a numeric member: the write inside its key sets the member.)
    if (left.computed && left.property.type === T.AssignmentExpression) write = left.property;
    const target = write.left;
    if (target.type === T.MemberExpression && target.object.type === T.Identifier && target.object.name === param.name && staticKey(target) === key) return write.right;
  }
  return null;
}
