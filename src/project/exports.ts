import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { MODULE_EXPORT_STAR_HELPERS } from '../data/express';
import { findVariableOf, isFunction, literalString, sequenceCallee, staticKey, unwrap, type FunctionNode, type Node } from '../express/ast';

/** What a walk along an export path reached: a node of the module, or an instance of a class / constructor. */
type Reached = { node: Node } | { instanceOf: Node };

const MAX_STEPS = 12;

/**
 * The node that `module` reached by `path` is in this file, as the importing file's model writes paths
 * (`['login']`, `['()', 'handleLogin']` for a method of `new Controller()`, `['makeAuth', '()', 'login']`): CommonJS
 * `module.exports` / `exports.x` (and TypeScript's `export = x`, the same; compiled code's getters, `definedExports`),
 * ESM `export default` / `export const` / `export function` / `export { a as b }`,
 * through object literals, `const` variables, function returns, classes and `this.x = ...` in constructors.
 * `null` when the file does not show it.
 */
export function exportedNode(sourceCode: TSESLint.SourceCode, path: readonly string[], inherited?: { from?: InheritedMember }): Node | null {
  const steps = withoutBind(path);
  const [first, ...rest] = steps;
  if (first !== undefined && first !== '()') {
    const named = namedExport(sourceCode, first);
    if (named) return finalNode(walk(sourceCode, { node: named }, rest, 0, inherited));
  }
  const root = defaultExport(sourceCode);
  return root ? finalNode(walk(sourceCode, { node: root }, steps, 0, inherited)) : null;
}

/** A member of an instance that its class (or a class of its file it extends) inherits from a class another module exports. */
export interface InheritedMember {
  /** The module the base class is imported from, as written. */
  specifier: string;
  /** The path in that module: the base class's export, `()` for the instance, then the member and what follows. */
  path: string[];
}

/**
 * Where `path` leads when `exportedNode` finds no node for it because a class of the file does not define the member
 * it reads on an instance and extends a class imported from another module (`class ItemsController extends
 * BaseController {}` with `const { BaseController } = require('./base')`, `import { BaseController } from './base'`):
 * the member of an instance of that class there (`./base`, `['BaseController', '()', 'update']`). `null` when the file
 * shows the node, or the member is not inherited from an import.
 */
export function inheritedMember(sourceCode: TSESLint.SourceCode, path: readonly string[]): InheritedMember | null {
  const inherited: { from?: InheritedMember } = {};
  return exportedNode(sourceCode, path, inherited) ? null : (inherited.from ?? null);
}

/** A function of this file that `path` names (a controller's handler), else `null`. */
export function exportedFunction(sourceCode: TSESLint.SourceCode, path: readonly string[]): FunctionNode | null {
  const node = exportedNode(sourceCode, path);
  return node && isFunction(node) ? node : null;
}

/**
 * The keys, in order, of the object this file exports at `path` when the file shows them all (`ImportHook.importedKeys`):
 * an object literal there (`module.exports = { users: require('./users') }`, `export default { users, posts }`, a `const`
 * holding one), with static keys and no spread, getter or setter; for the whole CommonJS module, its `exports.x = …`
 * writes when it assigns no object (`exports.users = require('./users')`, or defines them as compiled code does:
 * `definedExports`, when it reads every definition of the file); for an ES module's namespace (`namespace`:
 * `import * as routes`), its named exports and `default`. `null` otherwise: `export * from`, a key that is not static,
 * `module.exports.x = …` beside an object (a key added later), anything but an object.
 */
export function exportedKeys(sourceCode: TSESLint.SourceCode, path: readonly string[], namespace: boolean): string[] | null {
  const body = sourceCode.ast.body;
  const esm = body.some((s) => s.type === T.ExportNamedDeclaration || s.type === T.ExportDefaultDeclaration || s.type === T.ExportAllDeclaration);
  const keys = new Set<string>();
  if (namespace && esm && path.length === 0) {
    for (const statement of body) {
      if (statement.type === T.ExportDefaultDeclaration) keys.add('default');
      if (statement.type === T.ExportAllDeclaration) {
        if (statement.exportKind === 'type') continue;
        if (!statement.exported) return null;
        const exported = statement.exported as { name?: string; value?: unknown };
        keys.add(exported.name ?? String(exported.value));
      }
      if (statement.type !== T.ExportNamedDeclaration || statement.exportKind === 'type') continue;
      const declaration = statement.declaration;
      if (declaration?.type === T.VariableDeclaration) {
        for (const d of declaration.declarations) {
          if (d.id.type !== T.Identifier) return null;
          keys.add(d.id.name);
        }
      } else if (declaration?.type === T.FunctionDeclaration || declaration?.type === T.ClassDeclaration || declaration?.type === T.TSEnumDeclaration) {
        if (declaration.id) keys.add(declaration.id.name);
      } else if (declaration?.type === T.TSModuleDeclaration) {
        return null;
      }
      for (const spec of statement.specifiers) {
        if (spec.type === T.ExportSpecifier && spec.exportKind !== 'type') keys.add(spec.exported.type === T.Identifier ? spec.exported.name : String(spec.exported.value));
      }
    }
    return [...keys];
  }
  const assignments = moduleExportsAssignments(sourceCode.ast);
  const whole = assignments.some((a) => a.left.type === T.MemberExpression && isModuleExports(a.left));
  const named = assignments.filter((a) => a.left.type === T.MemberExpression && !isModuleExports(a.left) && isModuleExports(a.left.object));
  if (path.length === 0 && !esm && !whole && sourceCode.ast.body.every((s) => s.type !== T.TSExportAssignment)) {
    // `exports.users = require('./users'); exports.posts = require('./posts');` (`Object.assign(module.exports, …)` adds
    // others); compiled code's definitions (`Object.defineProperty(exports, "users", { get: … })`), when each is read.
    const defined = definedExports(sourceCode.ast);
    const read = wholeDefinitions.get(sourceCode.ast)!;
    if (named.length + defined.length === 0 || body.some((s) => s.type === T.ExpressionStatement && s.expression.type === T.CallExpression && !read.has(s))) return null;
    for (const assignment of named) {
      const key = staticKey(assignment.left as TSESTree.MemberExpression);
      if (key === null) return null;
      if (!isVoidChain(assignment.right)) keys.add(key);
    }
    for (const { key } of defined) keys.add(key);
    return [...keys];
  }
  // (`module.exports = { … }; module.exports.admin = admin`: a key added to the object.)
  if (path.length === 0 && whole && named.length > 0) return null;
  const node = exportedNode(sourceCode, path);
  const object = node ? resolveIdentifier(sourceCode, node) : null;
  if (object?.type !== T.ObjectExpression) return null;
  for (const prop of object.properties) {
    if (prop.type !== T.Property || prop.kind !== 'init') return null;
    const key = staticKey(prop);
    if (key === null) return null;
    keys.add(key);
  }
  return [...keys];
}

function finalNode(reached: Reached | null): Node | null {
  return reached && 'node' in reached ? reached.node : null;
}

/** `.bind(x)` keeps the function: `c.login.bind(c)` is `c.login`. */
function withoutBind(path: readonly string[]): string[] {
  const steps = [...path];
  for (let i = 0; i < steps.length - 1; i++) {
    if (steps[i] === 'bind' && steps[i + 1] === '()') steps.splice(i, 2);
  }
  return steps;
}

function moduleExportsAssignments(ast: TSESTree.Program): TSESTree.AssignmentExpression[] {
  const found: TSESTree.AssignmentExpression[] = [];
  for (const statement of ast.body) {
    if (statement.type !== T.ExpressionStatement) continue;
    let expression: Node = statement.expression;
    // `module.exports = exports = x`
    while (expression.type === T.AssignmentExpression && expression.operator === '=') {
      found.push(expression);
      expression = expression.right;
    }
  }
  return found;
}

/** `exports` or `module.exports`: the object a CommonJS module exports. */
export function isModuleExports(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return inner.name === 'exports';
  return (
    inner.type === T.MemberExpression &&
    unwrap(inner.object).type === T.Identifier &&
    (unwrap(inner.object) as TSESTree.Identifier).name === 'module' &&
    staticKey(inner) === 'exports'
  );
}

/**
 * A write target on what a CommonJS module exports: `module.exports`, or a property at any depth under it or under
 * `exports` (`exports.app`, `module.exports.routers.admin`). A plain `exports = x` only rebinds the local name.
 */
export function isExportTarget(target: Node): boolean {
  const node = unwrap(target);
  return node.type === T.MemberExpression && (isModuleExports(node) || isModuleExports(node.object) || isExportTarget(node.object));
}

/** A named export that compiled CommonJS defines on `exports` rather than assigns (`definedExports`). */
export interface DefinedExport {
  key: string;
  /** What it stands for, as `exports.key = value` would: the name (or member of one) a getter returns, or the `value`. */
  value: Node;
}

const definedExportLists = new WeakMap<TSESTree.Program, readonly DefinedExport[]>();
/** The top-level statements of a file that define exports and that `definedExports` read whole (every key they define, or `__esModule`). */
const wholeDefinitions = new WeakMap<TSESTree.Program, ReadonlySet<Node>>();

/**
 * The named exports that compiled CommonJS writes at the file's top level with `Object.defineProperty`, in source
 * order, each as the `exports.key = value` it stands for:
 * - SWC's `Object.defineProperty(exports, "initHTTP", { enumerable: true, get: function() { return initHTTP; } })` (an
 *   arrow too), and tsc's and Babel's for `export { X } from './x'` (`get: function () { return x_1.X; }`);
 * - `Object.defineProperty(exports, "key", { value: x })`;
 * - the keys of SWC's `_export(exports, { key: function() { return local; } })` (`get key() { return local; }` from
 *   SWC 1.10), where `_export` is SWC's helper, declared in the file (`swcExportHelper`).
 * A getter counts only when its whole body returns a name of the file's top level (or a static member of one), with no
 * parameter: any other getter (a choice, a call, a statement before the return), a key that is no string, a descriptor
 * with a spread or another key are no export that is known. `__esModule` is none. Once per parse of a file.
 */
export function definedExports(ast: TSESTree.Program): readonly DefinedExport[] {
  const known = definedExportLists.get(ast);
  if (known) return known;
  const found: DefinedExport[] = [];
  const whole = new Set<Node>();
  let helpers: Map<string, HelperKind | null> | null = null;
  for (const statement of ast.body) {
    const call = statement.type === T.ExpressionStatement ? unwrap(statement.expression) : null;
    if (call?.type !== T.CallExpression) continue;
    const [target, second, third] = call.arguments;
    if (!target || !second || !isModuleExports(target)) continue;
    const callee = unwrap(call.callee);
    if (isObjectMethod(callee, 'defineProperty')) {
      const key = literalString(second);
      if (key === '__esModule') whole.add(statement);
      const value = key !== null && key !== '__esModule' && third ? descriptorValue(third) : null;
      if (!value) continue;
      found.push({ key: key!, value });
      whole.add(statement);
    } else if (callee.type === T.Identifier && second.type === T.ObjectExpression && call.arguments.length === 2) {
      helpers ??= new Map();
      if (!helpers.has(callee.name)) helpers.set(callee.name, swcExportHelper(ast, callee.name));
      const kind = helpers.get(callee.name);
      if (!kind) continue;
      let read = 0;
      for (const prop of second.properties) {
        if (prop.type !== T.Property || prop.computed || prop.kind !== (kind === 'getters' ? 'get' : 'init')) continue;
        const key = staticKey(prop);
        const value = key !== null && key !== '__esModule' ? returnedBinding(prop.value) : null;
        if (!value) continue;
        found.push({ key: key!, value });
        read++;
      }
      if (read === second.properties.length) whole.add(statement);
    }
  }
  definedExportLists.set(ast, found);
  wholeDefinitions.set(ast, whole);
  return found;
}

/**
 * Whether `node` is the value a compiled named export stands for (`definedExports`): the name its getter returns, or
 * its `value`. (Climbs at most to the top-level statement that defines it, a few levels up.)
 */
export function isDefinedExportValue(node: Node): boolean {
  // (What a getter returns, an arrow getter's body, or a descriptor's `value`: anything else is no such value.)
  const holder = node.parent?.type;
  if (holder !== T.ReturnStatement && holder !== T.ArrowFunctionExpression && holder !== T.Property) return false;
  let statement: Node = node;
  for (let i = 0; i < 8 && statement.parent && statement.parent.type !== T.Program; i++) statement = statement.parent;
  const program = statement.parent;
  if (program?.type !== T.Program || statement.type !== T.ExpressionStatement) return false;
  return definedExports(program).some((defined) => defined.value === node);
}

/** `Object.<method>`. */
function isObjectMethod(callee: Node, method: string): callee is TSESTree.MemberExpression {
  if (callee.type !== T.MemberExpression) return false;
  const object = unwrap(callee.object);
  return object.type === T.Identifier && object.name === 'Object' && staticKey(callee) === method;
}

/** The property descriptor keys `Object.defineProperty(exports, ...)` is read with. */
const DESCRIPTOR_KEYS: ReadonlySet<string> = new Set(['enumerable', 'configurable', 'writable', 'get', 'value']);

/** What a property descriptor (`{ enumerable: true, get: function() { return local; } }`, `{ value: x }`) gives a read, else `null`. */
function descriptorValue(node: Node): Node | null {
  const descriptor = unwrap(node);
  if (descriptor.type !== T.ObjectExpression) return null;
  let found: Node | null = null;
  for (const prop of descriptor.properties) {
    if (prop.type !== T.Property || prop.computed || prop.kind !== 'init') return null;
    const key = staticKey(prop);
    if (key === null || !DESCRIPTOR_KEYS.has(key)) return null;
    if (key !== 'get' && key !== 'value') continue;
    if (found) return null;
    found = key === 'get' ? returnedBinding(prop.value) : prop.value;
    if (!found) return null;
  }
  return found;
}

/** The one expression a getter (no parameter, not async or a generator) returns with its whole body, else `null`. */
function getterResult(node: Node): Node | null {
  const fn = unwrap(node);
  if ((fn.type !== T.FunctionExpression && fn.type !== T.ArrowFunctionExpression) || fn.params.length > 0 || fn.async || fn.generator) return null;
  if (fn.body.type !== T.BlockStatement) return fn.body;
  const [only] = fn.body.body;
  return fn.body.body.length === 1 && only?.type === T.ReturnStatement ? only.argument : null;
}

/** What a getter returns when that is a name (or a static member of one: `x_1.X`), else `null`. */
function returnedBinding(node: Node): Node | null {
  const result = getterResult(node);
  if (!result) return null;
  let inner = unwrap(result);
  while (inner.type === T.MemberExpression && !inner.optional && staticKey(inner) !== null) inner = unwrap(inner.object);
  return inner.type === T.Identifier ? result : null;
}

/** How SWC's `_export` helper reads its object: each key's function as the getter (`'functions'`), or its getter (`'getters'`). */
type HelperKind = 'functions' | 'getters';

/**
 * SWC's `_export` helper, declared at the top of the file as `function _export(target, all) { for (var name in all)
 * Object.defineProperty(target, name, { enumerable: true, get: all[name] }); }` (`'functions'`), or from SWC 1.10
 * with `get: Object.getOwnPropertyDescriptor(all, name).get` (`'getters'`); `null` for a function `name` of any other
 * shape (the loop skips a key, the descriptor has another value), or none.
 */
function swcExportHelper(ast: TSESTree.Program, name: string): HelperKind | null {
  const declared = ast.body.filter((s) => s.type === T.FunctionDeclaration && s.id?.name === name);
  const fn = declared.length === 1 ? (declared[0] as TSESTree.FunctionDeclaration) : null;
  const [target, all] = fn?.params ?? [];
  if (fn?.params.length !== 2 || target?.type !== T.Identifier || all?.type !== T.Identifier || fn.body.body.length !== 1) return null;
  const loop = fn.body.body[0]!;
  if (loop.type !== T.ForInStatement || unwrap(loop.right).type !== T.Identifier || (unwrap(loop.right) as TSESTree.Identifier).name !== all.name) return null;
  const left = loop.left.type === T.VariableDeclaration && loop.left.declarations.length === 1 ? loop.left.declarations[0]!.id : loop.left;
  if (left.type !== T.Identifier) return null;
  const body = loop.body.type === T.BlockStatement && loop.body.body.length === 1 ? loop.body.body[0]! : loop.body;
  const call = body.type === T.ExpressionStatement ? unwrap(body.expression) : null;
  if (call?.type !== T.CallExpression || !isObjectMethod(unwrap(call.callee), 'defineProperty') || call.arguments.length !== 3) return null;
  const [on, key, descriptor] = call.arguments.map((a) => unwrap(a));
  if (!isName(on, target.name) || !isName(key, left.name) || descriptor?.type !== T.ObjectExpression) return null;
  let kind: HelperKind | null = null;
  for (const prop of descriptor.properties) {
    if (prop.type !== T.Property || prop.computed || prop.kind !== 'init') return null;
    const property = staticKey(prop);
    if (property === 'enumerable' || property === 'configurable') continue;
    if (property !== 'get' || kind) return null;
    const value = unwrap(prop.value);
    if (isEntryOf(value, all.name, left.name)) {
      kind = 'functions';
    } else if (value.type === T.MemberExpression && staticKey(value) === 'get' && !value.computed) {
      // `Object.getOwnPropertyDescriptor(all, name).get`
      const read = unwrap(value.object);
      const [object, named] = read.type === T.CallExpression ? read.arguments : [];
      if (read.type !== T.CallExpression || !isObjectMethod(unwrap(read.callee), 'getOwnPropertyDescriptor') || read.arguments.length !== 2 || !isName(object, all.name) || !isName(named, left.name)) return null;
      kind = 'getters';
    } else {
      return null;
    }
  }
  return kind;
}

/** An identifier named `name`. */
function isName(node: Node | undefined, name: string): boolean {
  const inner = node ? unwrap(node) : null;
  return inner?.type === T.Identifier && inner.name === name;
}

/** `object[key]`, of those two names. */
function isEntryOf(node: Node, object: string, key: string): boolean {
  const inner = unwrap(node);
  return inner.type === T.MemberExpression && inner.computed && isName(inner.object, object) && isName(inner.property, key);
}

/**
 * The module whose every key a top-level statement of compiled CommonJS re-exports, as `export * from './x'`, else
 * `null`: an `export *` helper (`MODULE_EXPORT_STAR_HELPERS`: `__exportStar(require("./x"), exports)`,
 * `tslib_1.__exportStar(...)`, `(0, tslib_1.__exportStar)(...)`, SWC's `_export_star(...)`), and Babel's loop
 * `Object.keys(_x).forEach(function (key) { if (key === "default" || ...) return; ...; Object.defineProperty(exports,
 * key, { enumerable: true, get: function () { return _x[key]; } }); })` (`exports[key] = _x[key]` in loose mode), whose
 * statements before the definition only skip keys.
 */
function exportStarSource(statement: TSESTree.ProgramStatement): Node | null {
  const call = statement.type === T.ExpressionStatement ? unwrap(statement.expression) : null;
  if (call?.type !== T.CallExpression) return null;
  const callee = sequenceCallee(call.callee);
  const [from, to] = call.arguments;
  if (call.arguments.length === 2 && from && to && isModuleExports(to) && MODULE_EXPORT_STAR_HELPERS.has(helperName(callee) ?? '')) return from;
  // Babel: `Object.keys(_x).forEach(function (key) { ... })`
  if (callee.type !== T.MemberExpression || staticKey(callee) !== 'forEach' || call.arguments.length !== 1) return null;
  const keys = unwrap(callee.object);
  const source = keys.type === T.CallExpression && isObjectMethod(unwrap(keys.callee), 'keys') && keys.arguments.length === 1 ? unwrap(keys.arguments[0]!) : null;
  const fn = unwrap(call.arguments[0]!);
  if (source?.type !== T.Identifier || (fn.type !== T.FunctionExpression && fn.type !== T.ArrowFunctionExpression) || fn.params.length !== 1 || fn.body.type !== T.BlockStatement) return null;
  const key = fn.params[0]!;
  if (key.type !== T.Identifier) return null;
  const statements = fn.body.body;
  const skipsOnly = statements.slice(0, -1).every((s) => {
    if (s.type !== T.IfStatement || s.alternate) return false;
    const then = s.consequent.type === T.BlockStatement && s.consequent.body.length === 1 ? s.consequent.body[0]! : s.consequent;
    return then.type === T.ReturnStatement && !then.argument;
  });
  const last = statements.at(-1);
  const defined = last?.type === T.ExpressionStatement ? unwrap(last.expression) : null;
  if (!skipsOnly || !defined) return null;
  if (defined.type === T.AssignmentExpression && defined.operator === '=') {
    const left = unwrap(defined.left);
    return left.type === T.MemberExpression && left.computed && isModuleExports(left.object) && isName(left.property, key.name) && isEntryOf(defined.right, source.name, key.name) ? source : null;
  }
  if (defined.type !== T.CallExpression || !isObjectMethod(unwrap(defined.callee), 'defineProperty') || defined.arguments.length !== 3) return null;
  const [on, named, descriptor] = defined.arguments;
  if (!isModuleExports(on!) || !isName(named, key.name) || unwrap(descriptor!).type !== T.ObjectExpression) return null;
  let reads = false;
  for (const prop of (unwrap(descriptor!) as TSESTree.ObjectExpression).properties) {
    if (prop.type !== T.Property || prop.computed || prop.kind !== 'init') return null;
    const property = staticKey(prop);
    if (property === 'enumerable' || property === 'configurable') continue;
    const result = property === 'get' ? getterResult(prop.value) : null;
    if (!result || !isEntryOf(result, source.name, key.name)) return null;
    reads = true;
  }
  return reads ? source : null;
}

/** The name a helper is called by: `__exportStar`, `tslib_1.__exportStar`, and `_export_star` of `_export_star._` (@swc/helpers). */
function helperName(callee: Node): string | null {
  const inner = unwrap(callee);
  if (inner.type === T.Identifier) return inner.name;
  if (inner.type !== T.MemberExpression) return null;
  const key = staticKey(inner);
  const object = unwrap(inner.object);
  return key === '_' && object.type === T.Identifier ? object.name : key;
}

function defaultExport(sourceCode: TSESLint.SourceCode): Node | null {
  let found: Node | null = null;
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ExportDefaultDeclaration) found = statement.declaration;
    if (statement.type === T.TSExportAssignment) found = statement.expression;
  }
  for (const assignment of moduleExportsAssignments(sourceCode.ast)) {
    if (assignment.left.type === T.MemberExpression && isModuleExports(assignment.left) && unwrap(assignment.left.object).type === T.Identifier) {
      found = assignment.right;
    }
  }
  if (found) return found;
  // Compiled TypeScript's default export, `exports.default = router;`, and `export { api_default as default }`, as
  // rolldown and esbuild write an ES module's default export: the local it names.
  return namedExport(sourceCode, 'default');
}

function namedExport(sourceCode: TSESLint.SourceCode, name: string): Node | null {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== T.ExportNamedDeclaration || statement.exportKind === 'type') continue;
    const declaration = statement.declaration;
    if (declaration) {
      if ((declaration.type === T.FunctionDeclaration || declaration.type === T.ClassDeclaration) && declaration.id?.name === name) {
        return declaration;
      }
      if (declaration.type === T.VariableDeclaration) {
        for (const d of declaration.declarations) {
          if (d.id.type === T.Identifier && d.id.name === name && d.init) return d.init;
          // `export const { csrfSynchronisedProtection: formGuard } = csrfSync()`: the name the pattern binds (what it
          // holds is the file's model's, `bindings`).
          const bound = d.init && d.id.type !== T.Identifier ? patternBinding(d.id, name) : null;
          if (bound) return bound;
        }
      }
    } else if (!statement.source) {
      for (const spec of statement.specifiers) {
        const exported = spec.exported.type === T.Identifier ? spec.exported.name : String(spec.exported.value);
        if (exported === name && spec.exportKind !== 'type' && spec.local.type === T.Identifier) return spec.local;
      }
    }
  }
  // `exports.login = ...`, `module.exports.login = ...` (not compiled TypeScript's `exports.login = void 0;`, which
  // declares the export before the statement that sets it)
  for (const assignment of moduleExportsAssignments(sourceCode.ast)) {
    const left = assignment.left;
    if (left.type === T.MemberExpression && staticKey(left) === name && isModuleExports(left.object) && !isVoidChain(assignment.right)) return assignment.right;
  }
  // Compiled code's `Object.defineProperty(exports, "login", { get: function() { return login; } })`, SWC's `_export`.
  return definedExports(sourceCode.ast).find((defined) => defined.key === name)?.value ?? null;
}

/** The identifier that a destructuring pattern binds to `name` (`{ a: name }`, `{ name = x }`, `[name]`), else `null`. */
function patternBinding(pattern: Node, name: string, depth = 0): TSESTree.Identifier | null {
  if (depth > MAX_STEPS) return null;
  switch (pattern.type) {
    case T.Identifier:
      return pattern.name === name ? pattern : null;
    case T.AssignmentPattern:
      return patternBinding(pattern.left, name, depth + 1);
    case T.ObjectPattern:
      for (const prop of pattern.properties) {
        const found = prop.type === T.Property ? patternBinding(prop.value, name, depth + 1) : null;
        if (found) return found;
      }
      return null;
    case T.ArrayPattern:
      for (const element of pattern.elements) {
        const found = element && element.type !== T.RestElement ? patternBinding(element, name, depth + 1) : null;
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/** `void 0`, or `exports.b = void 0` of a chain `exports.a = exports.b = void 0`. */
export function isVoidChain(node: Node): boolean {
  let current = unwrap(node);
  while (current.type === T.AssignmentExpression) current = unwrap(current.right);
  return current.type === T.UnaryExpression && current.operator === 'void';
}

/** Resolves an identifier to what it holds: its declaration's function or class, or its `const` initializer. */
export function resolveIdentifier(sourceCode: TSESLint.SourceCode, node: Node): Node {
  let current = unwrap(node);
  for (let i = 0; i < MAX_STEPS && current.type === T.Identifier; i++) {
    const variable = findVariableOf(sourceCode, current);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return current;
    if (def.node.type === T.FunctionDeclaration || def.node.type === T.ClassDeclaration) return def.node;
    if (def.node.type === T.VariableDeclarator && def.node.id.type === T.Identifier && def.node.init) {
      if (!variable!.references.every((r) => !r.isWrite() || r.init)) return current;
      current = unwrap(def.node.init);
      continue;
    }
    return current;
  }
  return current;
}

function walk(sourceCode: TSESLint.SourceCode, reached: Reached, steps: readonly string[], depth: number, inherited?: { from?: InheritedMember }): Reached | null {
  if (depth > MAX_STEPS) return null;
  if ('instanceOf' in reached) {
    if (steps.length === 0) return reached;
    const [step, ...rest] = steps;
    const member = instanceMember(sourceCode, reached.instanceOf, step!);
    if (!member && inherited) {
      const base = importedBase(sourceCode, reached.instanceOf);
      if (base) inherited.from = { specifier: base.specifier, path: [...base.imported, '()', ...steps] };
    }
    return member ? walk(sourceCode, { node: member }, rest, depth + 1, inherited) : null;
  }
  const node = resolveIdentifier(sourceCode, reached.node);
  if (steps.length === 0) return { node };
  const [step, ...rest] = steps;
  if (step === '()') {
    if (node.type === T.ClassDeclaration || node.type === T.ClassExpression) return walk(sourceCode, { instanceOf: node }, rest, depth + 1, inherited);
    if (!isFunction(node)) return null;
    const returned = returnedValue(node);
    if (returned) return walk(sourceCode, { node: returned }, rest, depth + 1, inherited);
    // A constructor function: `new Controller()` (or a call that returns `this`).
    return walk(sourceCode, { instanceOf: node }, rest, depth + 1, inherited);
  }
  // An instance, or what a function of the file returns, exported as it is made: `module.exports = new
  // UserController()`, `const users = makeUsers(db); module.exports = users`.
  if (node.type === T.NewExpression || node.type === T.CallExpression) {
    const made = resolveIdentifier(sourceCode, node.callee);
    if (made.type === T.ClassDeclaration || made.type === T.ClassExpression || isFunction(made)) return walk(sourceCode, { node: made }, ['()', ...steps], depth + 1, inherited);
    return null;
  }
  const property = propertyOf(sourceCode, node, step!);
  return property ? walk(sourceCode, { node: property }, rest, depth + 1, inherited) : null;
}

/**
 * `{ login }`, `{ login: fn }`, `{ login(req, res) {} }`, a class's static member, or `obj.login = fn` later; an element
 * of an array literal by its index (`'1'` of a route table, `[{ method: 'get', ... }, { method: 'post', ... }]`), when no
 * spread or hole comes before it.
 */
function propertyOf(sourceCode: TSESLint.SourceCode, node: Node, key: string): Node | null {
  if (node.type === T.ArrayExpression) {
    if (!/^(0|[1-9]\d{0,3})$/u.test(key)) return null;
    const index = Number(key);
    const before = node.elements.slice(0, index + 1);
    return before.length === index + 1 && before.every((e) => e && e.type !== T.SpreadElement) ? before[index]! : null;
  }
  if (node.type === T.ObjectExpression) {
    for (const prop of node.properties) {
      if (prop.type === T.Property && staticKey(prop) === key) return prop.value;
    }
    const holder = node.parent;
    if (holder?.type === T.VariableDeclarator && holder.id.type === T.Identifier) return assignedProperty(sourceCode, holder.id, key);
    return null;
  }
  if (node.type === T.ClassDeclaration || node.type === T.ClassExpression) {
    for (const member of node.body.body) {
      if ((member.type === T.MethodDefinition || member.type === T.PropertyDefinition) && member.static && staticKey(member) === key) {
        return member.value;
      }
    }
  }
  return null;
}

/** `const c = {}; c.login = fn;` */
function assignedProperty(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier, key: string): Node | null {
  const variable = findVariableOf(sourceCode, id);
  for (const ref of variable?.references ?? []) {
    const member = ref.identifier.parent;
    if (member?.type !== T.MemberExpression || member.object !== ref.identifier || staticKey(member) !== key) continue;
    const assignment = member.parent;
    if (assignment?.type === T.AssignmentExpression && assignment.left === member) return assignment.right;
  }
  return null;
}

/** A method or arrow property of a class, or `this.key = ...` in a constructor function / `Fn.prototype.key = ...`. */
function instanceMember(sourceCode: TSESLint.SourceCode, owner: Node, key: string, depth = 0): Node | null {
  if (owner.type === T.ClassDeclaration || owner.type === T.ClassExpression) {
    for (const member of owner.body.body) {
      // (A field declared without a value, `public app: Application;`, is set in the constructor: below.)
      if ((member.type === T.MethodDefinition || member.type === T.PropertyDefinition) && !member.static && staticKey(member) === key && member.value) {
        return member.value;
      }
    }
    const constructor = owner.body.body.find((m) => m.type === T.MethodDefinition && m.kind === 'constructor');
    const assigned = constructor?.type === T.MethodDefinition ? thisAssignment(constructor.value.body, key) : null;
    if (assigned) return assigned;
    // A method of a class of the file it extends (`class UserController extends Base`).
    const base = owner.superClass ? resolveIdentifier(sourceCode, owner.superClass) : null;
    return base && base !== owner && depth < MAX_STEPS ? instanceMember(sourceCode, base, key, depth + 1) : null;
  }
  if (!isFunction(owner)) return null;
  const own = owner.body.type === T.BlockStatement ? thisAssignment(owner.body, key) : null;
  if (own) return own;
  // `Controller.prototype.login = function (req, res) {}`
  if (owner.type === T.FunctionDeclaration && owner.id) {
    for (const statement of sourceCode.ast.body) {
      if (statement.type !== T.ExpressionStatement || statement.expression.type !== T.AssignmentExpression) continue;
      const left = statement.expression.left;
      if (left.type !== T.MemberExpression || staticKey(left) !== key) continue;
      const proto = unwrap(left.object);
      if (proto.type === T.MemberExpression && staticKey(proto) === 'prototype' && unwrap(proto.object).type === T.Identifier && (unwrap(proto.object) as TSESTree.Identifier).name === owner.id.name) {
        return statement.expression.right;
      }
    }
  }
  return null;
}

/**
 * The class of another module that a class extends past the classes of its file (`extends BaseController` of an import
 * or a `require`, `extends require('./base').BaseController`), as `importedFrom` finds it; else `null` (no superclass, a
 * global, a mixin call, a cycle).
 */
function importedBase(sourceCode: TSESLint.SourceCode, owner: Node): { specifier: string; imported: string[] } | null {
  let current = owner;
  for (let depth = 0; depth < MAX_STEPS && (current.type === T.ClassDeclaration || current.type === T.ClassExpression); depth++) {
    if (!current.superClass) return null;
    const base = resolveIdentifier(sourceCode, current.superClass);
    if (base === current) return null;
    if (base.type !== T.ClassDeclaration && base.type !== T.ClassExpression) return importedFrom(sourceCode, current.superClass) ?? destructuredImport(sourceCode, current.superClass);
    current = base;
  }
  return null;
}

/** `BaseController` of `const { BaseController } = require('./base')` (a name a `const` destructures from a module, never written again). */
function destructuredImport(sourceCode: TSESLint.SourceCode, node: Node): { specifier: string; imported: string[] } | null {
  const id = unwrap(node);
  const variable = id.type === T.Identifier ? findVariableOf(sourceCode, id) : null;
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== T.VariableDeclarator || def.node.id.type !== T.ObjectPattern || !def.node.init || !variable!.references.every((r) => !r.isWrite() || r.init)) return null;
  const property = def.node.id.properties.find((p) => p.type === T.Property && !p.computed && (p.value === def.name || (p.value.type === T.AssignmentPattern && p.value.left === def.name)));
  const key = property?.type === T.Property ? staticKey(property) : null;
  const from = key === null ? null : importedFrom(sourceCode, def.node.init);
  return from ? { specifier: from.specifier, imported: [...from.imported, key!] } : null;
}

/** `this.key = value` among a function body's statements (not in nested functions). */
function thisAssignment(body: TSESTree.BlockStatement | null | undefined, key: string): Node | null {
  for (const statement of body?.body ?? []) {
    if (statement.type !== T.ExpressionStatement || statement.expression.type !== T.AssignmentExpression) continue;
    const left = statement.expression.left;
    if (left.type === T.MemberExpression && left.object.type === T.ThisExpression && staticKey(left) === key) return statement.expression.right;
  }
  return null;
}

/** What a function returns: an arrow's expression body, else the argument of its single top-level `return`. */
function returnedValue(fn: FunctionNode): Node | null {
  if (fn.body.type !== T.BlockStatement) return fn.body;
  let found: Node | null = null;
  for (const statement of fn.body.body) {
    if (statement.type === T.ReturnStatement && statement.argument) {
      if (found) return null;
      found = statement.argument;
    }
  }
  return found;
}

/**
 * A re-export of another module: `export * from './x'` (`exported: '*'`), `export { a as b } from './x'`,
 * `import { a } from './x'; export { a as b }`, `module.exports = require('./x')` (`exported: null`: the whole
 * module), `module.exports = { b: require('./x') }`, `exports.b = require('./x')`, `module.exports = {
 * ...require('./x') }` and `Object.assign(module.exports, require('./x'))` (`exported: '*'`); TypeScript's `export = x`
 * as `module.exports = x`, and `export default { ...x }` of an import (`'*'`). Compiled CommonJS's forms of them:
 * `Object.defineProperty(exports, "b", { get: function () { return x_1.a; } })` (`definedExports`), and the `export *`
 * helpers and Babel's loop (`exportStarSource`). `imported` is the path read in `./x` (`[]` for its default export or
 * whole module).
 */
export interface Reexport {
  exported: string | null;
  specifier: string;
  imported: string[];
}

/** The re-exports of a file (a barrel such as `routes/index.js`), in source order. */
export function reexportsOf(sourceCode: TSESLint.SourceCode): Reexport[] {
  const found: Reexport[] = [];
  const add = (exported: string | null, node: Node | null | undefined): void => {
    const source = node ? importedFrom(sourceCode, node) : null;
    if (source) found.push({ exported, ...source });
  };
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ExportAllDeclaration) {
      if (statement.exportKind !== 'type' && !statement.exported) found.push({ exported: '*', specifier: statement.source.value, imported: [] });
      else if (statement.exported) {
        const exported = statement.exported as { name?: string; value?: unknown };
        const name = exported.name ?? String(exported.value);
        found.push({ exported: name, specifier: statement.source.value, imported: [] });
      }
      continue;
    }
    if (statement.type !== T.ExportNamedDeclaration || statement.exportKind === 'type') continue;
    if (statement.declaration?.type === T.VariableDeclaration) {
      for (const d of statement.declaration.declarations) if (d.id.type === T.Identifier) add(d.id.name, d.init);
      continue;
    }
    for (const spec of statement.specifiers) {
      if (spec.type !== T.ExportSpecifier || spec.exportKind === 'type') continue;
      const exported = spec.exported.type === T.Identifier ? spec.exported.name : String(spec.exported.value);
      if (statement.source) {
        const local = spec.local.type === T.Identifier ? spec.local.name : String(spec.local.value);
        found.push({ exported, specifier: statement.source.value, imported: local === 'default' ? [] : [local] });
      } else {
        add(exported, spec.local);
      }
    }
  }
  /** What a module exports as a whole (`module.exports = x`, TypeScript's `export = x`). */
  const whole = (value: Node): void => {
    // `module.exports = require('./x')` or `module.exports = { a: require('./a') }`
    const right = resolveIdentifier(sourceCode, value);
    if (right.type === T.ObjectExpression) {
      for (const prop of right.properties) {
        // `module.exports = { ...require('./csrf') }`: every key of that module (`'*'`).
        if (prop.type === T.SpreadElement) add('*', prop.argument);
        const key = prop.type === T.Property && prop.kind === 'init' ? staticKey(prop) : null;
        if (key !== null) add(key, (prop as TSESTree.Property).value);
      }
    } else if (isObjectAssign(right)) {
      // `module.exports = Object.assign({}, require('./csrf'), require('./limits'))`
      for (const argument of right.arguments) if (argument.type !== T.SpreadElement) add('*', argument);
    } else {
      add(null, value);
    }
  };
  for (const statement of sourceCode.ast.body) {
    // `export = require('./x')`, `import csrf = require('./csrf'); export = { ...csrf }`: as `module.exports = ...`.
    if (statement.type === T.TSExportAssignment) whole(statement.expression);
    // `export default { ...csrf, ...limits }` of `import * as csrf from './csrf'` (or a module object: `import csrf from
    // './csrf.cjs'`): every key of each, as a CommonJS barrel's spread. (Only an object: `export default router` of an
    // import is its default, no whole module.)
    if (statement.type === T.ExportDefaultDeclaration) {
      const value = resolveIdentifier(sourceCode, statement.declaration);
      if (value.type === T.ObjectExpression) for (const prop of value.properties) if (prop.type === T.SpreadElement) add('*', prop.argument);
    }
  }
  for (const assignment of moduleExportsAssignments(sourceCode.ast)) {
    const left = assignment.left;
    if (left.type !== T.MemberExpression) continue;
    if (isModuleExports(left) && unwrap(left.object).type === T.Identifier) {
      whole(assignment.right);
    } else if (isModuleExports(left.object) && staticKey(left) !== null) {
      add(staticKey(left), assignment.right);
    }
  }
  // Compiled code's `Object.defineProperty(exports, "auth", { get: function () { return routes_1.authRouter; } })`.
  for (const defined of definedExports(sourceCode.ast)) add(defined.key, defined.value);
  // `Object.assign(module.exports, require('./csrf'), require('./limits'))`: every key of each of those modules; compiled
  // code's `__exportStar(require("./routes"), exports)` and Babel's `Object.keys(_routes).forEach(...)`, of one.
  for (const statement of sourceCode.ast.body) {
    const star = exportStarSource(statement);
    if (star) add('*', star);
    const call = statement.type === T.ExpressionStatement ? unwrap(statement.expression) : null;
    if (!call || !isObjectAssign(call) || !call.arguments[0] || !isModuleExports(call.arguments[0])) continue;
    for (const argument of call.arguments.slice(1)) if (argument.type !== T.SpreadElement) add('*', argument);
  }
  return found;
}

/** `Object.assign(...)`. */
function isObjectAssign(node: Node): node is TSESTree.CallExpression {
  if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return false;
  const object = unwrap(node.callee.object);
  return object.type === T.Identifier && object.name === 'Object' && staticKey(node.callee) === 'assign';
}

/** `require('./x')`, `require('./x').a`, or an identifier bound to one (or to `import a from './x'`): where it comes from. */
export function importedFrom(sourceCode: TSESLint.SourceCode, node: Node): { specifier: string; imported: string[] } | null {
  let current = unwrap(node);
  const path: string[] = [];
  while (current.type === T.MemberExpression) {
    const key = staticKey(current);
    if (key === null) return null;
    path.unshift(key);
    current = unwrap(current.object);
  }
  if (current.type === T.Identifier) {
    const variable = findVariableOf(sourceCode, current);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    // `import passport = require('passport')` (TypeScript): the whole module, as `require` gives it.
    if (def?.type === 'ImportBinding' && def.node.type === T.TSImportEqualsDeclaration && def.node.importKind !== 'type') {
      const reference = def.node.moduleReference;
      const specifier = reference.type === T.TSExternalModuleReference && reference.expression.type === T.Literal ? reference.expression.value : null;
      return typeof specifier === 'string' ? { specifier, imported: path } : null;
    }
    if (def?.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration && def.parent.importKind !== 'type') {
      const spec = def.node;
      const specifier = def.parent.source.value;
      if (spec.type === T.ImportDefaultSpecifier || spec.type === T.ImportNamespaceSpecifier) return { specifier, imported: path };
      if (spec.type === T.ImportSpecifier) {
        const name = spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value);
        return { specifier, imported: name === 'default' ? path : [name, ...path] };
      }
      return null;
    }
    const resolved = resolveIdentifier(sourceCode, current);
    if (resolved === current) return null;
    const inner = importedFrom(sourceCode, resolved);
    return inner ? { specifier: inner.specifier, imported: [...inner.imported, ...path] } : null;
  }
  if (
    current.type === T.CallExpression &&
    current.callee.type === T.Identifier &&
    current.callee.name === 'require' &&
    current.arguments.length === 1 &&
    current.arguments[0]!.type === T.Literal &&
    typeof current.arguments[0]!.value === 'string'
  ) {
    return { specifier: current.arguments[0]!.value, imported: path };
  }
  return null;
}

/** The ESM `export` keyword (not `module.exports`, `exports.x`, `obj.export`). */
const ESM_EXPORT = /(?<![\w$.#])export(?![\w$])/u;
/** Every ESM `export` keyword, each looked at by `esmMayReexport`. */
const ESM_EXPORTS = /(?<![\w$.#])export(?![\w$])/gu;
/**
 * An ESM `export` of a declaration: a function, class, interface or enum that the file writes (`export default
 * function (config) {`, `export async function list(`, `export class AuthService`), which `reexportsOf` never reads as a
 * re-export. (`export const`, `export {`, `export *`, `export default x`, `export =`, `export type`, `export import`,
 * and a comment after the keyword, are not such exports.)
 */
const ESM_DECLARATION_EXPORT = /^export\s+(?:(?:default\s+)?(?:async\s+function|function|(?:abstract\s+)?class)|interface|enum)(?![\w$])/u;

/** Whether the text has an ESM `export` that is not one of a declaration (`ESM_DECLARATION_EXPORT`). */
function esmMayReexport(text: string): boolean {
  for (const found of text.matchAll(ESM_EXPORTS)) {
    if (!ESM_DECLARATION_EXPORT.test(text.slice(found.index, found.index + 64))) return true;
  }
  return false;
}
/** The ESM `import` keyword (an import binding may be re-exported by name). */
const ESM_IMPORT = /(?<![\w$.#])import(?![\w$])/u;
/** `module` as a word: each is looked at for a `module.exports = x`. */
const MODULE_WORD = /\bmodule\b/gu;
/**
 * The start of a value that is no module (`importedFrom` finds none in it): an object or array literal, a string, a
 * number, a function, class or arrow function (`async` ones too), a `new` expression.
 */
const NO_MODULE_START =
  /^(?:[{["'`\d]|(?:function|class|new)(?![\w$])|async\s*(?:function(?![\w$])|\()|\([^()]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/u;
/** A name and the member names after it (`a.b.c`), at the start. */
const NAME_CHAIN = /^([A-Za-z_$][\w$]*)(?:\s*\.\s*[A-Za-z_$][\w$]*)*/u;
const IDENTIFIER_NAME = /^[A-Za-z_$][\w$]*$/u;
const SPACE = /\s/u;
const IDENTIFIER_CHAR = /[\w$]/u;
/** Steps through `const` values followed (as `resolveIdentifier` does, `MAX_STEPS`). */
const MAX_VALUE_STEPS = MAX_STEPS + 1;
/** Names whose values one `mayReexport` looks at. */
const MAX_NAMES_LOOKED = 64;
let namesLooked = 0;

/** The index after the whitespace at `i`, or -1 when a comment starts there (not read: the caller assumes the worst). */
function skipSpace(text: string, i: number): number {
  while (i < text.length && SPACE.test(text[i]!)) i++;
  return text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*') ? -1 : i;
}

/** The indexes of `name` as a whole word in the text. */
function wordsOf(text: string, name: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    if (IDENTIFIER_CHAR.test(text[i - 1] ?? '') || IDENTIFIER_CHAR.test(text[i + name.length] ?? '')) continue;
    found.push(i);
  }
  return found;
}

/** An `=` at `i` that assigns (not `==`, `===`, `=>`). */
function assignsAt(text: string, i: number): boolean {
  return text[i] === '=' && text[i + 1] !== '=' && text[i + 1] !== '>';
}

/**
 * Whether the value written at `i` may be (or be a member of) another module, as `importedFrom` follows it: a
 * `require(...)`, or a name (and members of it) whose values may be one (`nameMayBeModule`). A call of anything but
 * `require` is none, nor is a value of `NO_MODULE_START`; anything else may be.
 */
function valueMayBeModule(text: string, i: number, steps: number): boolean {
  if (i < 0) return true;
  const rest = text.slice(i, i + 80);
  if (NO_MODULE_START.test(rest)) return false;
  const chain = NAME_CHAIN.exec(rest);
  if (!chain) return true;
  const name = chain[1]!;
  if (name === 'require') return true;
  const after = skipSpace(text, i + chain[0].length);
  // `helper(x)`, `a.b(x)`: a call of another function.
  if (after >= 0 && text[after] === '(') return false;
  return nameMayBeModule(text, name, steps + 1);
}

/**
 * Whether a name may hold another module: an import binding (the text imports), or a value written to it that may be
 * one (every `name = x` of the text, wherever it is, is looked at). A name only declared otherwise (a function, a
 * parameter, a destructured `const`) holds none.
 */
function nameMayBeModule(text: string, name: string, steps: number): boolean {
  // (A bounded number of names per text: past it, the worst is assumed.)
  if (steps > MAX_VALUE_STEPS || ++namesLooked > MAX_NAMES_LOOKED || ESM_IMPORT.test(text)) return true;
  for (const at of wordsOf(text, name)) {
    const next = skipSpace(text, at + name.length);
    if (next < 0) return true;
    if (assignsAt(text, next) && valueMayBeModule(text, skipSpace(text, next + 1), steps)) return true;
  }
  return false;
}

/**
 * Whether a CommonJS key named `first` may re-export another module: each place the name is written as a key
 * (`first: x`, `'first': x`, `['first']: x`, `{ first }`, `exports.first = x`, `exports['first'] = x`) with a value
 * that may be one. Anything else it is (a call, a read, a method `first() {}`) is no key with such a value.
 */
function keyMayBeModule(text: string, first: string): boolean {
  for (const at of wordsOf(text, first)) {
    const end = at + first.length;
    const before = text[at - 1];
    let next: number;
    if (before !== undefined && `'"\``.includes(before)) {
      // `'first'`: a key (`'first': x`, `['first']: x`) or a computed member (`exports['first'] = x`).
      if (text[end] !== before) continue;
      next = skipSpace(text, end + 1);
      if (next >= 0 && text[next] === ']') next = skipSpace(text, next + 1);
    } else {
      next = skipSpace(text, end);
    }
    if (next < 0) return true;
    const c = text[next];
    let back = at - 1;
    while (back >= 0 && SPACE.test(text[back]!)) back--;
    if (c === ':' && text[next + 1] !== ':') {
      if (valueMayBeModule(text, skipSpace(text, next + 1), 0)) return true;
    } else if (assignsAt(text, next) && (text[back] === '.' || text[back] === '[' || text[back] === "'" || text[back] === '"' || text[back] === '`')) {
      // `exports.first = x`, `exports['first'] = x`
      if (valueMayBeModule(text, skipSpace(text, next + 1), 0)) return true;
    } else if ((c === ',' || c === '}') && text[back] !== '.' && nameMayBeModule(text, first, 0)) {
      // `{ first }`: the value of the name.
      return true;
    }
  }
  return false;
}

/**
 * Whether the text of a file may hold a re-export (`reexportsOf`) of the whole module (`exported: null`), of everything
 * (`'*'`) or under the name `first` (when given): `false` only when none can be there, so that a file read for its
 * re-exports (a barrel's) need not be parsed. Any ESM `export` may be one (`esm: 'any'`: a service whose functions are
 * ESM exports is read as a barrel by the finders of a function's callers, `isBarrel`), or with `esm: 'reexports'` any
 * but the export of a declaration (`ESM_DECLARATION_EXPORT`: as `reexportsOf` reads them); in CommonJS, a key named `first` whose value
 * may be another module (`keyMayBeModule`; any key when the text has an escape that may spell it), a
 * `module.exports = x` whose value may be one (`valueMayBeModule`), or a spread or `Object.assign` of one
 * (`spreadsMayReexport`); in compiled code, an `export *` helper or Babel's loop (`COMPILED_EXPORT_STAR`), or a
 * definition of `first` (`mayDefineExport`). A comment inside what is read is taken as one.
 */
export function mayReexport(text: string, first: string | undefined, esm: 'any' | 'reexports' = 'any'): boolean {
  namesLooked = 0;
  if ((esm === 'any' ? ESM_EXPORT.test(text) : esmMayReexport(text)) || text.includes('\\u') || COMPILED_EXPORT_STAR.test(text)) return true;
  if (first !== undefined && (!IDENTIFIER_NAME.test(first) || text.includes('\\') || keyMayBeModule(text, first) || mayDefineExport(text, first))) return true;
  for (const word of text.matchAll(MODULE_WORD)) {
    let i = skipSpace(text, word.index + 'module'.length);
    if (i < 0) return true;
    if (text[i] === '.') {
      // `module.exports`
      i = skipSpace(text, i + 1);
      if (i < 0) return true;
      if (!text.startsWith('exports', i) || IDENTIFIER_CHAR.test(text[i + 7] ?? '')) continue;
      i += 7;
    } else if (text[i] === '[') {
      // `module['exports']`
      i = skipSpace(text, i + 1);
      if (i < 0) return true;
      const quote = text[i]!;
      if (!`'"\``.includes(quote) || !text.startsWith(`exports${quote}`, i + 1)) continue;
      i = skipSpace(text, i + 9);
      if (i < 0) return true;
      if (text[i] !== ']') continue;
      i++;
    } else {
      continue;
    }
    i = skipSpace(text, i);
    if (i < 0) return true;
    // `(module.exports) = x`: a target in parentheses.
    if (text[i] === ')') return true;
    if (!assignsAt(text, i)) continue;
    const value = skipSpace(text, i + 1);
    if (valueMayBeModule(text, value, 0)) return true;
    // `module.exports = Object.assign({}, require('./csrf'))`
    const assign = value < 0 ? null : OBJECT_ASSIGN_AT.exec(text.slice(value, value + 40));
    if (assign && argumentStarts(text, value + assign[0].length).some((start) => start < 0 || valueMayBeModule(text, start, 0))) return true;
  }
  return spreadsMayReexport(text);
}

/** Compiled code's `export *`: a helper of `MODULE_EXPORT_STAR_HELPERS`, or Babel's `Object.keys(_x).forEach(` (`exportStarSource`). */
const COMPILED_EXPORT_STAR = /(?<![\w$])(?:__exportStar|_export_star)(?![\w$])|(?<![\w$.])Object\s*\.\s*keys\s*\([^()]*\)\s*\.\s*forEach(?![\w$])/u;
/** SWC's `_export(exports, { ... })` called. */
const SWC_EXPORT_CALL = /(?<![\w$.])_export\s*\(/u;

/**
 * Whether the text may define the export `first` as compiled code does (`definedExports`): `Object.defineProperty(exports,
 * "first", ...)` (a comment inside is taken as one), or SWC's `_export(...)` called in a text that names `first`.
 */
function mayDefineExport(text: string, first: string): boolean {
  if (SWC_EXPORT_CALL.test(text) && wordsOf(text, first).length > 0) return true;
  for (let at = text.indexOf('defineProperty'); at !== -1; at = text.indexOf('defineProperty', at + 1)) {
    const open = skipSpace(text, at + 'defineProperty'.length);
    if (open < 0) return true;
    if (text[open] !== '(') continue;
    const [target, key] = argumentStarts(text, open + 1);
    if (target === undefined || key === undefined || target < 0 || key < 0) return true;
    if (!EXPORTS_OBJECT.test(text.slice(target, target + 40))) continue;
    const quote = text[key]!;
    if (!`'"\``.includes(quote) || text.startsWith(`${first}${quote}`, key + 1)) return true;
  }
  return false;
}

/**
 * An ESM `import` or `export` statement: at the start of a line or after `;` or `}` (not the word in a comment or a
 * string, which `ESM_EXPORT` takes as one). A dynamic `import('./x')` is found where the specifier is.
 */
const ESM_STATEMENT = /(?:^|[;}])[ \t]*(?:import|export)(?![\w$])/mu;

/** Characters that cannot touch a name in code, only in a string, comment or regex (`./express`, `'express'`, `x-y`). */
const IN_WORD_OF_STRING = /['"`/\\@#-]/u;

/** Keywords before a name that make no value of the module itself (`new X()`, `typeof X`, `const X = ...`). */
const NO_VALUE_KEYWORDS: ReadonlySet<string> = new Set(['const', 'let', 'var', 'new', 'typeof', 'instanceof', 'void', 'delete', 'extends']);

/** The index of the last character before `i` that is no whitespace, or -1. */
function lastCharBefore(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && SPACE.test(text[j]!)) j--;
  return j;
}

/** The word (identifier characters) that ends at `end` (inclusive), or `''`. */
function wordEndingAt(text: string, end: number): string {
  let start = end;
  while (start >= 0 && IDENTIFIER_CHAR.test(text[start]!)) start--;
  return text.slice(start + 1, end + 1);
}

/**
 * Whether a CommonJS text may re-export (under any name, or as a whole) a module it requires with one of `specifiers`:
 * `false` only when each `require('<specifier>')` of them is called (`require('./x')()`), or bound to a name
 * (`const express = require('./express')`, `const Router = require('./x').Router`) that the text only calls, reads a
 * member of to call it (`express.Router()`), or names after `new`, `extends`, `typeof` or `const`. Any other place of the call or
 * of such a name (a key's value, an assignment, an argument, a spread, a return), a require in another form, an ESM
 * `import` or `export` statement, or a `\\u` escape (a name spelt with one) is taken as a re-export. A name in a comment or a string counts as a use.
 */
export function mayReexportOneOf(text: string, specifiers: readonly string[]): boolean {
  if (ESM_STATEMENT.test(text) || text.includes('\\u')) return true;
  const names = new Set<string>();
  for (const specifier of specifiers) {
    let found = false;
    for (const quote of ["'", '"', '`']) {
      const literal = `${quote}${specifier}${quote}`;
      for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + 1)) {
        // `require(` before the literal, `)` after it (else the import is in a form not read here: assumed a re-export).
        const open = lastCharBefore(text, at);
        const callee = open >= 0 && text[open] === '(' ? lastCharBefore(text, open) : -1;
        if (callee < 0 || wordEndingAt(text, callee) !== 'require') return true;
        const requireStart = callee - 'require'.length + 1;
        if (text[lastCharBefore(text, requireStart)] === '.') return true;
        const close = skipSpace(text, at + literal.length);
        if (close < 0 || text[close] !== ')') return true;
        found = true;
        const after = skipSpace(text, close + 1);
        // `require('./x')(...)`: what the module's function returns, not the module.
        if (after >= 0 && text[after] === '(') continue;
        // `require('./x').a.b` then maybe a call: the member is the value.
        const members = after >= 0 && text[after] === '.' ? NAME_CHAIN.exec(text.slice(skipSpace(text, after + 1), skipSpace(text, after + 1) + 200)) : null;
        if (after >= 0 && text[after] === '.' && !members) return true;
        if (members) {
          const next = skipSpace(text, skipSpace(text, after + 1) + members[0].length);
          if (next >= 0 && text[next] === '(') continue;
        }
        const before = lastCharBefore(text, requireStart);
        // `name = require('./x')`, `const name = require('./x')`: the name's uses decide.
        if (before < 0 || !assignsAt(text, before)) return true;
        const nameEnd = lastCharBefore(text, before);
        const name = wordEndingAt(text, nameEnd);
        if (!IDENTIFIER_NAME.test(name)) return true;
        const previous = lastCharBefore(text, nameEnd - name.length + 1);
        const keyword = previous >= 0 && IDENTIFIER_CHAR.test(text[previous]!) ? wordEndingAt(text, previous) : null;
        // `exports.a = require(...)`, `{ a } = require(...)`: written into something else.
        if (previous >= 0 && keyword === null && !';,('.includes(text[previous]!)) return true;
        if (keyword !== null && keyword !== 'const' && keyword !== 'let' && keyword !== 'var') return true;
        names.add(name);
      }
    }
    if (!found) return true;
  }
  for (const name of names) {
    for (const at of wordsOf(text, name)) {
      // Inside a specifier or another string (`'../shared/express'`, `'x-express'`): no use of the name.
      if (IN_WORD_OF_STRING.test(text[at - 1] ?? '') || IN_WORD_OF_STRING.test(text[at + name.length] ?? '')) continue;
      const previous = lastCharBefore(text, at);
      // `obj.name`: another object's member of that name.
      if (previous >= 0 && text[previous] === '.') continue;
      if (previous >= 0 && IDENTIFIER_CHAR.test(text[previous]!) && NO_VALUE_KEYWORDS.has(wordEndingAt(text, previous))) continue;
      const chain = NAME_CHAIN.exec(text.slice(at, at + 200))!;
      const next = skipSpace(text, at + chain[0].length);
      // `name = require(...)` itself (its binding), and calls: `name()`, `name.Router()`.
      if (next >= 0 && (text[next] === '(' || (assignsAt(text, next) && chain[0] === name))) continue;
      return true;
    }
  }
  return false;
}

/** `Object.assign(` as a call (not `x.Object.assign(`). */
const OBJECT_ASSIGN = /(?<![\w$.])Object\s*\.\s*assign\s*\(/gu;
const OBJECT_ASSIGN_AT = /^Object\s*\.\s*assign\s*\(/u;
/** `module.exports` or `exports` (a whole word), at the start. */
const EXPORTS_OBJECT = /^(?:module\s*\.\s*)?exports(?![\w$])/u;
/** Characters of the arguments of one `Object.assign(...)` read before the worst is assumed. */
const MAX_ARGUMENTS_TEXT = 2000;

/**
 * Whether the text spreads a value that may be another module (`module.exports = { ...require('./csrf') }`,
 * `...limits` of `const limits = require('./limits')`) or assigns one to its exports (`Object.assign(module.exports,
 * require('./csrf'))`): a barrel that re-exports every key of a module (`reexportsOf`'s `'*'`). Spreads of parameters,
 * of object literals and of what calls return are none, nor is an `Object.assign` into another object.
 */
function spreadsMayReexport(text: string): boolean {
  const names = new Set<string>();
  for (let at = text.indexOf('...'); at !== -1; at = text.indexOf('...', at + 3)) {
    const i = skipSpace(text, at + 3);
    if (i < 0) return true;
    // (Each name once: a file spreads `args` or `options` many times.)
    const name = NAME_CHAIN.exec(text.slice(i, i + 80))?.[1];
    if (name === undefined || names.has(name)) continue;
    names.add(name);
    if (valueMayBeModule(text, i, 0)) return true;
  }
  for (const match of text.matchAll(OBJECT_ASSIGN)) {
    const [target, ...sources] = argumentStarts(text, match.index + match[0].length);
    if (target === undefined || target < 0) return true;
    if (!EXPORTS_OBJECT.test(text.slice(target, target + 40))) continue;
    if (sources.some((start) => start < 0 || valueMayBeModule(text, start, 0))) return true;
  }
  return false;
}

/**
 * Where each argument of a call starts, given the index after its `(` (strings, brackets and nesting skipped); `-1`
 * for one the text does not let it read (a comment, a template literal, arguments that go on past `MAX_ARGUMENTS_TEXT`).
 */
function argumentStarts(text: string, open: number): number[] {
  const starts = [skipSpace(text, open)];
  let depth = 0;
  const end = Math.min(text.length, open + MAX_ARGUMENTS_TEXT);
  for (let i = open; i < end; i++) {
    const c = text[i]!;
    if (c === '`' || (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) return [...starts, -1];
    if (c === '"' || c === "'") {
      for (i++; i < end && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return starts;
      depth--;
    } else if (c === ',' && depth === 0) starts.push(skipSpace(text, i + 1));
  }
  return [...starts, -1];
}

/**
 * Where `path` leads past this file when it reads, through an element of an array (a step that is an index: a route
 * table's `['Routes', '0', 'controller', '()', 'all']`), a name the file imports (`controller: UserController` with
 * `import { UserController } from './controller/UserController'`): that module, and the path read there
 * (`['UserController', '()', 'all']`). `null` when the path has no index, or reaches no import before its end.
 */
export function importedAlong(sourceCode: TSESLint.SourceCode, path: readonly string[]): { specifier: string; path: string[] } | null {
  if (!path.some((step) => /^\d+$/u.test(step))) return null;
  for (let k = path.length; k >= 1; k--) {
    const node = exportedNode(sourceCode, path.slice(0, k));
    if (!node) continue;
    // (A node of this file, `handler: login` of a function it declares: the path is this file's. `users.login` of
    // `const users = require('./users')` is that module's.)
    if (node.type !== T.Identifier && node.type !== T.MemberExpression) return null;
    const from = importedFrom(sourceCode, node);
    return from ? { specifier: from.specifier, path: [...from.imported, ...path.slice(k)] } : null;
  }
  return null;
}
