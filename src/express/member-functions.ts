import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { findVariableOf, isFunction, outermost, someNode, staticKey, unwrap, type Node, type Variable } from './ast';
import { isDefinedExportValue, isExportTarget } from '../project/exports';

/** Classes a lookup follows up a chain of `extends` of this file. */
const MAX_CLASS_DEPTH = 4;

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * What `obj.key` holds, as a handler passed by reference (`app.post('/login', ctrl.login)`), when the file shows it
 * and nothing can change it: `obj` is a `const` of this file holding an object literal with `key` as a method, or a
 * property (`login: (req, res) => ...`, `{ login }`), or `new C()` of a class of this file (with no superclass, or one
 * of this file that holds the same) with `key` as a method or a field, or `this` in a method, the constructor or a
 * field of such a class that no class of the file extends (`classOfThis`: `router.get(path, this.getHandler)`). The
 * node is the method's function or the
 * property's / field's value: the caller reads it as a function (or a wrapper's call). `null` when anything may
 * change or hide it:
 * - `obj` is written, or used other than by reading its members (`obj.key`), binding one of them (`obj.x.bind(obj)`)
 *   or being exported as it is (`module.exports = obj`, `export { obj }`): passed to code (`Object.assign(obj, ...)`,
 *   `setup(obj)`), aliased, stored;
 * - `obj.key` is written (`ctrl.login = x`, `delete ctrl.login`), or a computed member of it (`ctrl[name] = x`);
 * - the object literal has a spread or a computed key after `key` (or at all when it has no `key`), or `key` is an
 *   accessor;
 * - the class, or one it extends, has decorators, an unknown superclass, a constructor that returns a value, writes
 *   `this.key` (or a computed member of `this`) or hands `this` to code in its body, has an accessor or a field without
 *   a value for `key`, or is itself used other than by `new`, `extends`, a type or a static member read
 *   (`C.prototype`, passed to code): its methods may be replaced.
 */
export function memberValueOf(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression): Node | null {
  const key = staticKey(member);
  const object = unwrap(member.object);
  if (key !== null && object.type === T.ThisExpression) {
    const owner = classOfThis(sourceCode, object);
    return owner ? instanceMember(sourceCode, owner, key) : null;
  }
  if (key === null || object.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return null;
  if (def.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const') return null;
  const init = unwrap(def.node.init);
  if (init.type !== T.ObjectExpression && init.type !== T.NewExpression) return null;
  if (!onlyReadsMembers(variable!, key)) return null;
  if (init.type === T.ObjectExpression) return objectMember(sourceCode, init, key);
  const made = classOf(sourceCode, init.callee);
  return made ? instanceMember(sourceCode, made, key) : null;
}

/**
 * Whether every value read of `variable` passes `accepts` (given the read's outermost expression and its parent): its
 * declaration and the references in types pass, a write fails.
 */
function everyRead(variable: Variable, accepts: (outer: Node, parent: Node | undefined) => boolean): boolean {
  return variable.references.every((ref) => {
    if (ref.init) return true;
    if (ref.isWrite()) return false;
    if (isTypeOnly(ref)) return true;
    const outer = outermost(ref.identifier as Node);
    return accepts(outer, outer.parent);
  });
}

/** Every use of the object's variable leaves `key` as the declaration wrote it (`memberValueOf`). */
function onlyReadsMembers(variable: Variable, key: string): boolean {
  return everyRead(variable, (outer, parent) => {
    if (parent?.type === T.MemberExpression && parent.object === outer) {
      if (!isWriteTarget(parent)) return true;
      const written = staticKey(parent);
      return written !== null && written !== key;
    }
    // `ctrl.login.bind(ctrl)`: a method bound to its object.
    if (parent?.type === T.CallExpression && parent.arguments[0] === outer && isBindCall(parent)) return true;
    return isExported(outer);
  });
}

/**
 * Whether a parameter that its callers fill with an instance of a class of the package (src/project: every caller
 * hands `new AuthController(db)`) keeps the members the class gives it: every use reads a member it does not write
 * (`ctrl.login`), binds one (`ctrl.login.bind(ctrl)`), as `memberValueOf` asks of an object of the file, or hands the
 * instance as it is to a call that `handsOn` accepts (a function of another file of the package, `require('./auth')(router,
 * ctrl)`, whose own parameter is read the same way). Not a parameter the function writes, or hands to other code
 * (`setup(ctrl)`).
 */
export function onlyReadsInstanceMembers(variable: Variable, handsOn: (call: TSESTree.CallExpression) => boolean): boolean {
  return everyRead(variable, (outer, parent) => {
    if (parent?.type === T.MemberExpression && parent.object === outer) return !isWriteTarget(parent);
    if (parent?.type !== T.CallExpression || !parent.arguments.includes(outer as TSESTree.Expression)) return false;
    return (parent.arguments[0] === outer && isBindCall(parent)) || handsOn(parent);
  });
}

/** A reference in a type only (`typeof ctrl`): it changes nothing. */
function isTypeOnly(ref: TSESLint.Scope.Reference): boolean {
  const typed = ref as TSESLint.Scope.Reference & { isValueReference?: boolean };
  return typed.isValueReference === false || ref.identifier.parent?.type === T.TSTypeQuery;
}

/** `x.bind(...)`. */
function isBindCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && staticKey(callee) === 'bind';
}

/**
 * `module.exports = ctrl`, `exports.ctrl = ctrl`, `module.exports = { ctrl }`, `export default ctrl`, `export { ctrl }`,
 * and compiled code's getter returning `ctrl` (`definedExports`).
 */
function isExported(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === T.ExportSpecifier || parent?.type === T.ExportDefaultDeclaration) return true;
  if (isDefinedExportValue(node)) return true;
  if (parent?.type === T.AssignmentExpression && parent.right === node) return isExportTarget(parent.left);
  if (parent?.type === T.Property && parent.value === node && parent.parent.type === T.ObjectExpression) {
    const holder = outermost(parent.parent).parent;
    return holder?.type === T.AssignmentExpression && holder.right === outermost(parent.parent) && isExportTarget(holder.left);
  }
  return false;
}

/** `x.m = ...`, `x.m++`, `delete x.m`, `[x.m] = ...`, `({ a: x.m } = ...)`, `for (x.m of ...)`: the member is written. */
function isWriteTarget(member: Node): boolean {
  const node = outermost(member);
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case T.AssignmentExpression:
      return parent.left === node;
    case T.UpdateExpression:
      return true;
    case T.UnaryExpression:
      return parent.operator === 'delete';
    case T.ForInStatement:
    case T.ForOfStatement:
      return parent.left === node;
    case T.ArrayPattern:
    case T.RestElement:
      return true;
    case T.AssignmentPattern:
      return parent.left === node;
    case T.Property:
      return parent.value === node && parent.parent.type === T.ObjectPattern;
    default:
      return false;
  }
}

/** The value of `key` in an object literal, when no later spread or computed key can replace it and its methods leave it. */
function objectMember(sourceCode: TSESLint.SourceCode, object: TSESTree.ObjectExpression, key: string): Node | null {
  let found: TSESTree.Property | null = null;
  for (const prop of object.properties) {
    if (prop.type === T.SpreadElement) {
      found = null;
      continue;
    }
    const name = staticKey(prop);
    if (name === null) found = null;
    else if (name === key) found = prop.kind === 'init' ? prop : null;
  }
  // (A spread or a computed key after `key` (or before, when it has none) may be `key`: `found` is then null.)
  if (!found || found.value.type === T.AssignmentPattern || found.value.type === T.ObjectPattern || found.value.type === T.ArrayPattern) return null;
  return keepsThisMember(sourceCode, object, key) ? found.value : null;
}

/** The class that `new C()` makes: a class of this file (a declaration or a `const` holding one) that nothing replaces. */
function classOf(sourceCode: TSESLint.SourceCode, callee: Node): ClassNode | null {
  const inner = unwrap(callee);
  if (inner.type === T.ClassExpression) return inner;
  if (inner.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  let node: ClassNode | null = null;
  if (def.type === 'ClassName' && def.node.type === T.ClassDeclaration) node = def.node;
  else if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init && def.parent?.type === T.VariableDeclaration && def.parent.kind === 'const') {
    const init = unwrap(def.node.init);
    if (init.type === T.ClassExpression) node = init;
  }
  if (!node || !onlyMadeOrRead(variable!)) return null;
  return node;
}

/**
 * The class whose instance `this` is, for `this.key` in a method, the constructor or a field's value of a class of this
 * file (arrow functions keep the `this` around them): `router.get('/files/:name', this.getHandler)` in a method that
 * builds the class's router. Not in a static member or another function (`this` is then something else), and not
 * for a class that nothing replaces (`classOf`'s reading) but a class of the file extends (its instances may override
 * the member). A subclass in another module is not seen: the member is read as the class writes it.
 */
function classOfThis(sourceCode: TSESLint.SourceCode, node: TSESTree.ThisExpression): ClassNode | null {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === T.ArrowFunctionExpression) continue;
    if (current.type === T.FunctionExpression || current.type === T.FunctionDeclaration) {
      const owner = current.parent;
      if (owner?.type !== T.MethodDefinition || owner.value !== current || owner.static || owner.kind === 'get' || owner.kind === 'set') return null;
      return madeClass(sourceCode, owner.parent.parent);
    }
    if (current.type === T.PropertyDefinition) return current.value === child && !current.static ? madeClass(sourceCode, current.parent.parent) : null;
    if (current.type === T.ClassBody || current.type === T.StaticBlock || current.type === T.Program) return null;
  }
  return null;
}

/**
 * `cls` when it is a class of the file that nothing replaces (a declaration, or a `const` holding it, whose every
 * variable is only made or read: `onlyMadeOrRead`) and that no class of the file extends.
 */
function madeClass(sourceCode: TSESLint.SourceCode, cls: Node): ClassNode | null {
  let declaration: Node | null = null;
  if (cls.type === T.ClassDeclaration) declaration = cls;
  else if (cls.type === T.ClassExpression && cls.parent?.type === T.VariableDeclarator && cls.parent.init === cls && cls.parent.parent?.type === T.VariableDeclaration && cls.parent.parent.kind === 'const') declaration = cls.parent;
  if (!declaration) return null;
  // (A class declaration binds its name twice, in the scope around it and in its own: every reference of either.)
  const variables = sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? [];
  if (variables.length === 0) return null;
  for (const variable of variables) {
    if (variable.defs.length !== 1 || !onlyMadeOrRead(variable)) return null;
    const extended = variable.references.some((ref) => {
      const outer = outermost(ref.identifier as Node);
      return (outer.parent?.type === T.ClassDeclaration || outer.parent?.type === T.ClassExpression) && outer.parent.superClass === outer;
    });
    if (extended) return null;
  }
  return cls as ClassNode;
}

/** A class's variable is only instantiated, extended, exported, named in a type, or read for a static member (not `prototype`). */
function onlyMadeOrRead(variable: Variable): boolean {
  return everyRead(variable, (outer, parent) => {
    if (parent?.type === T.NewExpression && parent.callee === outer) return true;
    if ((parent?.type === T.ClassDeclaration || parent?.type === T.ClassExpression) && parent.superClass === outer) return true;
    if (parent?.type === T.MemberExpression && parent.object === outer) {
      const name = staticKey(parent);
      return name !== null && name !== 'prototype' && !isWriteTarget(parent);
    }
    return isExported(outer);
  });
}

/**
 * The function or field value an instance of `owner` holds at `key`: a field of the class or of one it extends wins
 * over a method (fields are the instance's own properties), the most derived first; else the most derived method.
 */
function instanceMember(sourceCode: TSESLint.SourceCode, owner: ClassNode, key: string): Node | null {
  const chain: ClassNode[] = [];
  for (let current: ClassNode | null = owner; current; ) {
    if (chain.includes(current) || chain.length > MAX_CLASS_DEPTH) return null;
    if ((current.decorators?.length ?? 0) > 0 || !keepsThisMember(sourceCode, current, key) || returnsFromConstructor(sourceCode, current)) return null;
    chain.push(current);
    if (!current.superClass) break;
    current = classOf(sourceCode, current.superClass);
    // (An unknown superclass may set `this[key]` in its constructor.)
    if (!current) return null;
  }
  let method: TSESTree.FunctionExpression | null = null;
  for (const cls of chain) {
    let field: Node | null | undefined;
    for (const member of cls.body.body) {
      if (member.type !== T.MethodDefinition && member.type !== T.PropertyDefinition && member.type !== T.TSAbstractMethodDefinition && member.type !== T.TSAbstractPropertyDefinition && member.type !== T.AccessorProperty) continue;
      if (member.static || member.key.type === T.PrivateIdentifier) continue;
      const name = staticKey(member as TSESTree.MethodDefinition | TSESTree.PropertyDefinition);
      // (A computed key may be `key`.)
      if (name === null) return null;
      if (name !== key) continue;
      if ((member.decorators?.length ?? 0) > 0 || member.type === T.TSAbstractMethodDefinition || member.type === T.TSAbstractPropertyDefinition || member.type === T.AccessorProperty) return null;
      if (member.type === T.PropertyDefinition) {
        // (A field without a value, `login: Handler;`, holds `undefined`, or what the constructor sets; `declare` declares only a type.)
        if (member.declare) continue;
        field = member.value;
        if (!field) return null;
      } else if (member.kind === 'method') {
        // (TypeScript's overload signatures have no body: the implementation is the one with a body.)
        if (member.value.type === T.FunctionExpression && !method) method = member.value;
      } else if (member.kind !== 'constructor') {
        return null;
      }
    }
    if (field) return field;
  }
  return method;
}

/**
 * Whether code in a class body or object literal leaves the member `key` of `this` as written: no write of
 * `this.key` (but `this.key = this.key.bind(this)`) or of a computed member of `this`, and `this` is handed to no code (`Object.assign(this, x)`, `const self
 * = this`), but to `bind` (`this.handle.bind(this)`).
 */
function keepsThisMember(sourceCode: TSESLint.SourceCode, container: Node, key: string): boolean {
  const visitorKeys = sourceCode.visitorKeys;
  return !someNode(visitorKeys, container, (node) => {
    if (node.type !== T.ThisExpression) return false;
    const outer = outermost(node);
    const parent = outer.parent;
    if (parent?.type === T.MemberExpression && parent.object === outer) {
      const name = staticKey(parent);
      // (`this.prototype` in a static member: the class's methods.)
      if (name === 'prototype') return true;
      if (!isWriteTarget(parent)) return false;
      if (name === key && bindsItself(parent)) return false;
      return name === null || name === key;
    }
    if (parent?.type === T.CallExpression && parent.arguments[0] === outer && isBindCall(parent)) return false;
    return true;
  });
}

/** `this.login = this.login.bind(this)` (a constructor binding a method): the member is still that method. */
function bindsItself(member: TSESTree.MemberExpression): boolean {
  const assignment = outermost(member).parent;
  if (assignment?.type !== T.AssignmentExpression || assignment.operator !== '=' || assignment.left !== outermost(member)) return false;
  const call = unwrap(assignment.right);
  if (call.type !== T.CallExpression || call.arguments.length > 1 || !isBindCall(call)) return false;
  const bound = unwrap((unwrap(call.callee) as TSESTree.MemberExpression).object);
  return bound.type === T.MemberExpression && unwrap(bound.object).type === T.ThisExpression && staticKey(bound) === staticKey(member);
}

/** A class whose constructor returns a value (`return {}`, `return proxy`): `new C()` may be something else. */
function returnsFromConstructor(sourceCode: TSESLint.SourceCode, cls: ClassNode): boolean {
  const constructor = cls.body.body.find((m) => m.type === T.MethodDefinition && m.kind === 'constructor');
  if (constructor?.type !== T.MethodDefinition || !constructor.value.body) return false;
  const body = constructor.value.body;
  return someNode(sourceCode.visitorKeys, body, (node) => {
    if (node !== body && isFunction(node)) return 'skip';
    return node.type === T.ReturnStatement && node.argument !== null;
  });
}

/**
 * `ctrl.login` where `ctrl` is a parameter that the function never writes, typed with a class imported from a module
 * (`function authRouter(ctrl: AuthController)`, `import type { AuthController } from './ctrl'` included): the module
 * as written, the path of the class in it (`['AuthController']`, `[]` for its default export) and `login`. The caller
 * takes the parameter to hold an instance of that class (`new AuthController()`), and the member to be what the class
 * defines (src/project reads it: a method, an arrow field, a `this.login = ...` of its constructor; not an interface).
 * `ctrl.login.bind(ctrl)` is the same member. Else `null`: another type (a union, an optional parameter, a type of this
 * file, a namespace's member), a parameter the function writes, a computed member.
 */
export function typedParameterMember(sourceCode: TSESLint.SourceCode, node: Node): { specifier: string; path: string[]; key: string } | null {
  let inner = unwrap(node);
  if (inner.type === T.CallExpression && inner.arguments.length <= 1 && inner.arguments[0]?.type !== T.SpreadElement && isBindCall(inner)) {
    inner = unwrap((unwrap(inner.callee) as TSESTree.MemberExpression).object);
  }
  if (inner.type !== T.MemberExpression) return null;
  const key = staticKey(inner);
  const object = unwrap(inner.object);
  if (key === null || object.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.name.type !== T.Identifier || !isFunction(def.node)) return null;
  // (A plain parameter, or one with a default: not a parameter property, a destructured or a rest parameter.)
  const param = def.name.parent?.type === T.AssignmentPattern && def.name.parent.left === def.name ? def.name.parent : def.name;
  if (!(def.node.params as Node[]).includes(param) || def.name.optional) return null;
  if (!variable!.references.every((ref) => !ref.isWrite())) return null;
  const type = def.name.typeAnnotation?.typeAnnotation;
  if (type?.type !== T.TSTypeReference || type.typeName.type !== T.Identifier) return null;
  const typeVariable = findVariableOf(sourceCode, type.typeName);
  const imported = typeVariable?.defs.length === 1 ? typeVariable.defs[0] : undefined;
  if (imported?.type !== 'ImportBinding' || imported.parent?.type !== T.ImportDeclaration || typeof imported.parent.source.value !== 'string') return null;
  const spec = imported.node;
  if (spec.type === T.ImportDefaultSpecifier) return { specifier: imported.parent.source.value, path: [], key };
  if (spec.type !== T.ImportSpecifier) return null;
  return { specifier: imported.parent.source.value, path: [spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value)], key };
}
