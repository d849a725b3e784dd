import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { VALUE_CALLBACK_METHODS } from '../data/callbacks';
import { RESPONSE_CHAIN_METHODS } from '../data/express';

import type { ModelBuilder } from './model';
import type { ValueElsewhere } from './options';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type Variable = TSESLint.Scope.Variable;
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/** Wrappers that do not change the value of what they hold (TS casts, `!`, `?.` chains, parentheses). */
const TRANSPARENT = new Set<string>([
  T.TSAsExpression,
  T.TSNonNullExpression,
  T.TSSatisfiesExpression,
  T.TSTypeAssertion,
  T.ChainExpression,
  T.TSInstantiationExpression,
]);

/** `x as T`, `x!`, `<T>x`, `x satisfies T`, `a?.b` → the expression inside. */
export function unwrap(node: Node): Node {
  let current = node;
  while (TRANSPARENT.has(current.type)) {
    current = (current as TSESTree.TSAsExpression).expression;
  }
  return current;
}

/** The callee that compiled TypeScript calls through a sequence (`(0, express_1.json)(…)`: `express_1.json`), else `node`. */
export function sequenceCallee(node: Node): Node {
  const inner = unwrap(node);
  return inner.type === T.SequenceExpression && inner.expressions.length === 2 && inner.expressions[0]!.type === T.Literal ? unwrap(inner.expressions[1]!) : node;
}

/** Array methods that change the array they are called on. */
export const ARRAY_MUTATORS: ReadonlySet<string> = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'fill', 'copyWithin', 'reverse', 'sort']);

/** `x.a = …`, `x.a += …`, `x.a++`, `delete x.a`: the member is written. */
export function isAssigned(member: Node): boolean {
  const parent = member.parent;
  return (
    (parent?.type === T.AssignmentExpression && parent.left === member) ||
    parent?.type === T.UpdateExpression ||
    (parent?.type === T.UnaryExpression && parent.operator === 'delete')
  );
}

/** The outermost transparent wrapper around `node`. */
export function outermost(node: Node): Node {
  let current = node;
  while (current.parent && TRANSPARENT.has(current.parent.type)) current = current.parent;
  return current;
}

/**
 * Whether Express calls `fn` as an error handler, `(err, req, res, next)`: its `length` is 4, counting the parameters
 * before the first one with a default or a rest (a TypeScript `this` parameter is no parameter).
 */
export function isErrorHandlerFunction(fn: FunctionNode): boolean {
  let length = 0;
  for (const param of fn.params) {
    if (param.type === T.Identifier && param.name === 'this') continue;
    const inner = param.type === T.TSParameterProperty ? param.parameter : param;
    if (inner.type === T.AssignmentPattern || inner.type === T.RestElement) break;
    length++;
  }
  return length === 4;
}

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    node?.type === T.ArrowFunctionExpression ||
    node?.type === T.FunctionExpression ||
    node?.type === T.FunctionDeclaration
  );
}

/** The function whose body holds `node`, `null` at the top of the file. */
export function enclosingFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return null;
}

/**
 * The name a value is written by: an identifier's (`validateId`, `URL`) or a member's last static key
 * (`checks.validateId`, `url.URL`, `this.validator`); `null` for anything else.
 */
export function writtenName(node: Node): string | null {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return inner.name;
  return inner.type === T.MemberExpression ? staticKey(inner) : null;
}

/** The name of a non-computed (or literal-computed) member or property key, else `null`. */
export function staticKey(
  node:
    | TSESTree.MemberExpression
    | TSESTree.Property
    | TSESTree.PropertyDefinition
    | TSESTree.MethodDefinition,
): string | null {
  const key = node.type === T.MemberExpression ? node.property : node.key;
  if (!node.computed) {
    if (key.type === T.Identifier) return key.name;
    if (key.type === T.Literal) return String(key.value);
    return null;
  }
  if (key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === T.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}

/** A literal (a string, a number, ...) or a template literal without expressions: a constant, which holds no request data. */
export function isConstantText(node: Node): boolean {
  const inner = unwrap(node);
  return inner.type === T.Literal || (inner.type === T.TemplateLiteral && inner.expressions.length === 0);
}

/**
 * An expression made only of constants and functions: literals, templates without expressions, functions, and object
 * and array literals of them (no spread, no computed key). None of its leaves carries request data (request-data's
 * taint of a literal or a function is none), so neither does it.
 */
export function holdsOnlyConstants(node: Node, depth = 0): boolean {
  const inner = unwrap(node);
  if (isConstantText(inner) || isFunction(inner)) return true;
  if (depth > 8) return false;
  if (inner.type === T.ObjectExpression) {
    return inner.properties.every((p) => p.type === T.Property && !p.computed && p.value.type !== T.AssignmentPattern && holdsOnlyConstants(p.value, depth + 1));
  }
  if (inner.type === T.ArrayExpression) return inner.elements.every((e) => e === null || (e.type !== T.SpreadElement && holdsOnlyConstants(e, depth + 1)));
  return false;
}

/**
 * Whether `node` is a node of the file `sourceCode` holds, not of another file of the package that the project model
 * read (a chain item, a route call of the file that registers this file's controller): only those can be reported.
 */
export function isNodeOf(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  return rootOf(node) === sourceCode.ast;
}

/** Where a report on a function is placed: its name (`login`, `login = ...`, `login(req, res) {}`), else the function. */
export function functionHead(fn: FunctionNode): Node {
  if (fn.id) return fn.id;
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator) return parent.id;
  if ((parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition || parent?.type === T.Property) && parent.value === fn) return parent.key;
  return fn;
}

/**
 * The name a function is declared under: its own (`function login() {}`), its variable's, or its method's, class
 * field's or object property's (`login(req, res) {}`, `login = (req, res) => {}`, `{ login: (req, res) => {} }`);
 * `null` otherwise (see `assignedName`).
 */
export function declaredName(fn: Node): string | null {
  if ((fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if ((parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition || parent?.type === T.Property) && parent.value === fn) return staticKey(parent);
  return null;
}

/** The name a function is assigned to: `login` of `exports.login = (req, res) => ...`, `this.login = ...`, `login = ...`. */
export function assignedName(fn: Node): string | null {
  const parent = fn.parent;
  if (parent?.type !== T.AssignmentExpression || parent.right !== fn) return null;
  const left = unwrap(parent.left);
  return left.type === T.Identifier ? left.name : left.type === T.MemberExpression ? staticKey(left) : null;
}

/** A string literal or an expression-free template literal, else `null`. */
export function literalString(node: Node | null | undefined): string | null {
  if (!node) return null;
  const inner = unwrap(node);
  if (inner.type === T.Literal && typeof inner.value === 'string') return inner.value;
  if (inner.type === T.TemplateLiteral && inner.expressions.length === 0) return inner.quasis[0]?.value.cooked ?? null;
  return null;
}

/**
 * `NAME` of `process.env.NAME` (also `process.env['NAME']`) when it is an identifier-shaped variable name, else `null`.
 */
export function envVariableName(node: Node): string | null {
  const read = unwrap(node);
  if (read.type !== T.MemberExpression) return null;
  const env = unwrap(read.object);
  if (env.type !== T.MemberExpression || env.computed || env.property.type !== T.Identifier || env.property.name !== 'env') return null;
  const processNode = unwrap(env.object);
  if (processNode.type !== T.Identifier || processNode.name !== 'process') return null;
  const name = read.computed ? literalString(read.property) : read.property.type === T.Identifier ? read.property.name : null;
  return name !== null && /^[A-Za-z_]\w*$/u.test(name) ? name : null;
}

const variableIndex = new WeakMap<TSESTree.Program, Map<TSESTree.Identifier | TSESTree.JSXIdentifier, Variable | null>>();

/**
 * Every identifier of the file that is a reference or a declaration, with its variable (`null` for an unresolved
 * global). Built once per file in one pass over the scopes, so each look-up afterwards is constant time.
 */
function indexOf(sourceCode: TSESLint.SourceCode): Map<TSESTree.Identifier | TSESTree.JSXIdentifier, Variable | null> {
  const cached = variableIndex.get(sourceCode.ast);
  if (cached) return cached;
  const index = new Map<TSESTree.Identifier | TSESTree.JSXIdentifier, Variable | null>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      for (const id of variable.identifiers) index.set(id, variable);
    }
    for (const ref of scope.references) {
      if (!index.has(ref.identifier)) index.set(ref.identifier, ref.resolved);
    }
  }
  variableIndex.set(sourceCode.ast, index);
  return index;
}

/** Look-ups answered without the index, per file: past them the index pays for itself. */
const LOOKUPS_BEFORE_INDEX = 24;
const lookups = new WeakMap<TSESTree.Program, number>();

/**
 * The variable a read reference resolves to, found in the scope that holds the reference (`sourceCode.getScope`),
 * without indexing the file: most files of a package ask for a handful of identifiers (an every-file rule resolving
 * a `const`), where the index costs a pass over every scope. `undefined` when the identifier is not a read-only
 * reference of that scope or a plain assignment's target (declarations, other writes, anything unusual): the index
 * answers those, as before.
 */
function readReferenceOf(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): Variable | null | undefined {
  if (typeof sourceCode.getScope !== 'function') return undefined;
  const scope = sourceCode.getScope(id);
  for (const ref of scope.references) {
    // A plain assignment's target (`app = express()`) is a write reference that declares nothing: its variable too.
    if (ref.identifier === id) return ref.isReadOnly() || (id.parent?.type === T.AssignmentExpression && id.parent.left === id) ? ref.resolved : undefined;
  }
  return undefined;
}

/**
 * The variable that `id` declares, when it is the name a declarator, an import or a function binds (through
 * destructuring: `const { a: [b] } = x` declares `b`), asked of the scope manager for that one declaration (the model
 * binds every `require()` and handler parameter this way, with no file-wide index); `undefined` otherwise.
 */
function declaredVariableOf(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): Variable | undefined {
  let current: Node = id;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case T.Property:
        if (parent.value !== current || parent.parent.type !== T.ObjectPattern) return undefined;
        break;
      case T.ObjectPattern:
      case T.ArrayPattern:
      case T.RestElement:
        break;
      case T.AssignmentPattern:
        if (parent.left !== current) return undefined;
        break;
      case T.VariableDeclarator:
        return parent.id === current ? declaredBy(sourceCode, parent, id) : undefined;
      case T.ImportSpecifier:
      case T.ImportDefaultSpecifier:
      case T.ImportNamespaceSpecifier:
        return parent.local === current ? declaredBy(sourceCode, parent, id) : undefined;
      case T.FunctionDeclaration:
      case T.FunctionExpression:
      case T.ArrowFunctionExpression:
        return parent.id === current || (parent.params as Node[]).includes(current) ? declaredBy(sourceCode, parent, id) : undefined;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** The variable among those `declaration` declares whose identifier is `id`. */
function declaredBy(sourceCode: TSESLint.SourceCode, declaration: Node, id: TSESTree.Identifier): Variable | undefined {
  for (const variable of sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? []) {
    if (variable.identifiers.includes(id)) return variable;
  }
  return undefined;
}

/** The variable an identifier refers to or declares; `null` for a global without a declaration or a non-reference. */
export function findVariableOf(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): Variable | null {
  const ast = sourceCode.ast;
  if (!variableIndex.has(ast)) {
    const declared = declaredVariableOf(sourceCode, id);
    if (declared) return declared;
    const count = lookups.get(ast) ?? 0;
    if (count < LOOKUPS_BEFORE_INDEX) {
      lookups.set(ast, count + 1);
      const found = readReferenceOf(sourceCode, id);
      if (found !== undefined) return found;
    }
  }
  return indexOf(sourceCode).get(id) ?? null;
}

/** A `for`, `for…in`, `for…of`, `while` or `do…while` statement. */
export function isLoop(node: Node): boolean {
  return (
    node.type === T.ForStatement ||
    node.type === T.ForInStatement ||
    node.type === T.ForOfStatement ||
    node.type === T.WhileStatement ||
    node.type === T.DoWhileStatement
  );
}

/**
 * Whether an assignment keeps the value it is given (`x = v`, `x ||= v`, `x ??= v`): what a later read of `x` may
 * hold, as a session write's (`req.session.returnTo = req.query.next`) is what a redirect of it sends.
 */
export function keepsAssignedValue(node: TSESTree.AssignmentExpression): boolean {
  return node.operator === '=' || node.operator === '||=' || node.operator === '??=';
}

/** The statement that directly holds `node` in a statement list (block, program, switch case), if any. */
export function enclosingStatement(node: Node): TSESTree.Statement | null {
  let current: Node = node;
  while (current.parent) {
    const parent = current.parent;
    if (
      parent.type === T.Program ||
      parent.type === T.BlockStatement ||
      parent.type === T.StaticBlock ||
      parent.type === T.SwitchCase ||
      parent.type === T.TSModuleBlock
    ) {
      return current as TSESTree.Statement;
    }
    if (isFunction(parent) || parent.type === T.ClassBody) return null;
    current = parent;
  }
  return null;
}

/** The expressions a function returns (an arrow's expression body, its `return`s), not those of nested functions. */
export function returnedExpressions(visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, fn: FunctionNode): Node[] {
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const found: Node[] = [];
  someNode(visitorKeys, fn.body, (node) => {
    if (node.type === T.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      return 'skip';
    }
    return isFunction(node) || node.type === T.ClassBody ? 'skip' : false;
  });
  return found;
}

/**
 * True when `test` holds for `root` or a node below it (depth first, by the source's visitor keys). `test` may
 * return `'skip'` to leave a node's children out (a nested function). Stops at the first match.
 */
export function someNode(
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  root: Node,
  test: (node: Node) => boolean | 'skip',
): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const verdict = test(node);
    if (verdict === true) return true;
    if (verdict === 'skip') continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const c: unknown = child[i];
          if (c && typeof c === 'object' && 'type' in c) stack.push(c as Node);
        }
      } else if (child && typeof child === 'object' && 'type' in child) {
        stack.push(child as Node);
      }
    }
  }
  return false;
}

/**
 * The function `node` is when it is written in this file: inline, a function declaration, or a `const`-like variable
 * (declared once, never reassigned) holding one. `neverReassigned` lets a caller memoise the variable check.
 */
export function localFunctionOf(
  sourceCode: TSESLint.SourceCode,
  node: Node,
  neverReassigned: (variable: Variable) => boolean = (v) => v.references.every((r) => !r.isWrite() || r.init),
): FunctionNode | undefined {
  const inner = unwrap(node);
  if (isFunction(inner)) return inner;
  if (inner.type !== T.Identifier) return undefined;
  const variable = findVariableOf(sourceCode, inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  // (A function's own name: a declaration, or a named function expression inside itself. Not a parameter, whose
  // definition's node is its function too: `function run(ext) { ext(app) }` does not call `run`.)
  if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
  if (def.node.type === T.VariableDeclarator && def.node.init && def.node.id.type === T.Identifier) {
    const init = unwrap(def.node.init);
    if (isFunction(init) && neverReassigned(variable!)) return init;
  }
  return undefined;
}

/** How many aliases of an alias `roleOf` follows (`const a = res; const b = a`); a cycle of them stops there. */
export const MAX_ALIASES = 4;

/**
 * The declarator of a variable declared once, with an initializer, and never assigned again (`const x = …`, or a
 * `let`/`var` with no other write): what it holds wherever it is read. Its name may sit in a pattern (`const { a } =
 * …`: the declarator's `id` is then not the variable's identifier). Else `null`: a `let` reassigned may hold anything.
 */
export function soleDeclarator(variable: Variable): (TSESTree.VariableDeclarator & { init: TSESTree.Expression }) | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || !def.node.init) return null;
  return variable.references.every((r) => !r.isWrite() || r.init) ? (def.node as TSESTree.VariableDeclarator & { init: TSESTree.Expression }) : null;
}

/**
 * The identifier a local alias holds: `reply` of `const reply = res` (a TypeScript wrapper aside: `res as Response`) is
 * `res`, when the variable has a plain name and that identifier as its initializer (`soleDeclarator`).
 */
export function aliasedIdentifier(variable: Variable): TSESTree.Identifier | null {
  const declarator = soleDeclarator(variable);
  if (declarator?.id.type !== T.Identifier) return null;
  const init = unwrap(declarator.init);
  return init.type === T.Identifier ? init : null;
}

/**
 * The reads of `variable` and of the local aliases of it (`aliasedIdentifier`: `const reply = res; reply.json(…)`), an
 * alias's alias too, at most `MAX_ALIASES` deep. From the variables' references: no walk of the file.
 */
export function readsWithAliases(sourceCode: TSESLint.SourceCode, variable: Variable, depth = 0): TSESTree.Identifier[] {
  const reads: TSESTree.Identifier[] = [];
  for (const ref of variable.references) {
    if (!ref.isRead()) continue;
    const id = ref.identifier as TSESTree.Identifier;
    reads.push(id);
    const declarator = outermost(id).parent;
    if (depth >= MAX_ALIASES || declarator?.type !== T.VariableDeclarator || declarator.init !== outermost(id) || declarator.id.type !== T.Identifier) continue;
    const alias = findVariableOf(sourceCode, declarator.id);
    if (alias && alias !== variable && aliasedIdentifier(alias) === id) reads.push(...readsWithAliases(sourceCode, alias, depth + 1));
  }
  return reads;
}

/** `x` of `x.status(404)` / `x.type('html')` (a response method that returns the response), else `null`. */
export function responseChainObject(node: Node): Node | null {
  return node.type === T.CallExpression &&
    node.callee.type === T.MemberExpression &&
    RESPONSE_CHAIN_METHODS.has(staticKey(node.callee) ?? '')
    ? node.callee.object
    : null;
}

/**
 * The object literals a filter expression is, in this file: the literal itself, a local written once holding one,
 * or a call of a local function that returns one (`criteria()` with `const criteria = () => ({ $where: … })`, its
 * `return` statements outside nested functions). `[]` when the code does not show it.
 */
export function objectLiteralsOf(sourceCode: TSESLint.SourceCode, node: Node, depth = 0): TSESTree.ObjectExpression[] {
  if (depth > 4) return [];
  const inner = unwrap(node);
  if (inner.type === T.ObjectExpression) return [inner];
  if (inner.type === T.Identifier) {
    const variable = findVariableOf(sourceCode, inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return [];
    if (variable!.references.some((r) => r.isWrite() && !r.init)) return [];
    return objectLiteralsOf(sourceCode, def.node.init, depth + 1);
  }
  if (inner.type !== T.CallExpression) return [];
  const fn = localFunctionOf(sourceCode, inner.callee);
  if (!fn) return [];
  if (fn.body.type !== T.BlockStatement) return objectLiteralsOf(sourceCode, fn.body, depth + 1);
  const found: TSESTree.ObjectExpression[] = [];
  someNode(sourceCode.visitorKeys, fn.body, (n) => {
    if (isFunction(n)) return 'skip';
    if (n.type === T.ReturnStatement && n.argument) found.push(...objectLiteralsOf(sourceCode, n.argument, depth + 1));
    return false;
  });
  return found;
}

/** What a function returns when that is all it does: an arrow's expression body, or a body that is one `return x;`. */
export function soleReturn(fn: FunctionNode): Node | null {
  if (fn.body.type !== T.BlockStatement) return fn.body;
  const [only] = fn.body.body;
  return fn.body.body.length === 1 && only?.type === T.ReturnStatement && only.argument ? only.argument : null;
}

/**
 * Whether `node` may hold a value of a module in the model (`valueOf`), read from the syntax alone: the model gives
 * values to an import's bindings and `require(...)` calls, and from them to what reads them (members, calls, `await`,
 * wrappers, variables they are assigned to, `const` objects that hold them), and across files to parameters, which
 * receive only installed packages (`bindParameterValue`) and apps. So the expression's root (its innermost object or
 * callee) is `require(...)`, an import, or a variable that something which may hold one is written to (its
 * initializer, an assignment); a parameter, function, class or global only when the file assigns to it, but for a name
 * destructured from a first parameter, which a DI container may fill (`({ todosService }) => …`). `res.send`,
 * `this.x`, `console.log`, `list.push` of `const list = []` hold none. Anything unusual may.
 */
export function mayHoldModuleValue(sourceCode: TSESLint.SourceCode, node: Node, local?: LocalSpecifier): boolean {
  // (Several rules ask it of every call's callee.)
  const cache = local ? holdsModuleValueAliased : holdsModuleValue;
  let known = cache.get(node);
  if (known === undefined) {
    known = mayHoldModuleValueAt(sourceCode, node, 0, local);
    cache.set(node, known);
  }
  return known;
}

/**
 * Whether a bare import specifier of the file may name a file of its package (a tsconfig `paths` alias such as
 * `@app/users`, a `baseUrl` path, a workspace package), as the project model reads the package's config; without it
 * only relative, `@/`, `~` and `#` specifiers may.
 */
export type LocalSpecifier = (specifier: string) => boolean;

const holdsModuleValue = new WeakMap<Node, boolean>();
const holdsModuleValueAliased = new WeakMap<Node, boolean>();

/**
 * `this.key` of `member`, where the class declares `key` as a typed parameter property of its constructor
 * (`constructor(private readonly users: UsersService)`) or a field whose value is made by `new` or a call.
 */
function mayKeepInstance(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression, local: LocalSpecifier | undefined): boolean {
  const key = staticKey(member);
  if (key === null) return false;
  let classBody: Node | undefined = member.parent;
  while (classBody && classBody.type !== T.ClassBody) classBody = classBody.parent;
  if (!classBody) return false;
  for (const element of (classBody as TSESTree.ClassBody).body) {
    if (element.type === T.PropertyDefinition && !element.static && staticKey(element) === key) {
      const value = element.value ? unwrap(element.value) : null;
      if (value?.type === T.NewExpression || value?.type === T.CallExpression) return importedFromPackageFile(sourceCode, value.callee, local);
    }
    if (element.type === T.MethodDefinition && element.kind === 'constructor') {
      // `constructor({ todosService }) { this.todosService = todosService; }`: what a DI container may inject.
      if (assignsInjected(element.value, key)) return true;
      for (const param of element.value.params) {
        if (param.type !== T.TSParameterProperty || param.parameter.type !== T.Identifier || param.parameter.name !== key) continue;
        const type = param.parameter.typeAnnotation?.typeAnnotation;
        // (`Model<User>`, `Repository<User>`: a generic type is not read as a class of the package.)
        return type?.type === T.TSTypeReference && !type.typeArguments && importedFromPackageFile(sourceCode, type.typeName, local);
      }
    }
  }
  return false;
}

/**
 * Whether `node` names an import of a module that may be a file of the package: a relative specifier, or one a path
 * alias may map to the package (`@/users`, `~/users`, `#users`), or one that `local` says may (the package's tsconfig
 * `paths`, `baseUrl` or workspace: `@app/users`, `src/users/users.service`, `@acme/users`); not an installed
 * package's (`mongoose`, `@nestjs/common`), whose instances the model does not follow (`bindInstanceReads`).
 */
function importedFromPackageFile(sourceCode: TSESLint.SourceCode, node: Node, local: LocalSpecifier | undefined): boolean {
  let root = unwrap(node);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type !== T.Identifier) return false;
  const def = findVariableOf(sourceCode, root)?.defs[0];
  if (def?.type !== 'ImportBinding' || def.parent?.type !== T.ImportDeclaration) return def?.type === 'Variable';
  const specifier = def.parent.source.value;
  return /^(?:\.|@\/|~|#)/u.test(specifier) || (local?.(specifier) ?? false);
}

function mayHoldModuleValueAt(sourceCode: TSESLint.SourceCode, node: Node, depth: number, local?: LocalSpecifier): boolean {
  if (depth > 8) return true;
  let root: Node = unwrap(node);
  let member: TSESTree.MemberExpression | null = null;
  for (let steps = 0; steps < 64; steps++) {
    if (root.type === T.MemberExpression) {
      member = root;
      root = unwrap(root.object);
    } else if (root.type === T.CallExpression || root.type === T.NewExpression) root = unwrap(root.callee);
    else if (root.type === T.AwaitExpression) root = unwrap(root.argument);
    else if (root.type === T.SequenceExpression) root = unwrap(root.expressions.at(-1)!);
    else break;
  }
  // `this.users.find(...)`: an instance the class keeps (a typed parameter property, a field made by `new`) may be one
  // of a class of another module (the model's `bindInstanceReads`).
  if (root.type === T.ThisExpression) return member !== null && mayKeepInstance(sourceCode, member, local);
  if (root.type === T.Super || root.type === T.Literal || root.type === T.ArrayExpression || isFunction(root)) return false;
  // (`{ send: require('./send') }` held by a `const`: the model reads its members.)
  if (root.type === T.ObjectExpression) {
    return root.properties.some((p) => p.type !== T.Property || (p.value.type !== T.AssignmentPattern && mayHoldModuleValueAt(sourceCode, p.value, depth + 1, local)));
  }
  if (root.type !== T.Identifier) return true;
  const variable = findVariableOf(sourceCode, root);
  // (An unresolved name: `require`, or a global that nothing binds: only `require` makes values.)
  if (!variable) return root.name === 'require';
  if (variable.name === 'require') return true;
  for (const def of variable.defs) {
    if (def.type === 'ImportBinding') return true;
    // `({ todosService }) => ...`: a DI container of the package may inject it (src/project `bindContainerParameters`).
    if (def.type === 'Parameter' && isDestructuredFirstParameter(def.name)) return true;
    if (!VALUELESS_DEFINITIONS.has(def.type) && def.type !== 'Variable') return true;
  }
  // What is written to it: an initializer, an assignment (a `for...of` element, a destructured default: may).
  return writesOf(variable).some((write) => !write || mayHoldModuleValueAt(sourceCode, write, depth + 1, local));
}

const variableWrites = new WeakMap<Variable, readonly (Node | null)[]>();

/**
 * What is written to `variable` (`null` for a write with no expression), once per variable: a helper that thousands of
 * handlers call has as many references, and each call of `mayHoldModuleValue` would walk them all again.
 */
function writesOf(variable: Variable): readonly (Node | null)[] {
  let writes = variableWrites.get(variable);
  if (!writes) {
    writes = variable.references.filter((ref) => ref.isWrite()).map((ref) => ref.writeExpr ?? null);
    variableWrites.set(variable, writes);
  }
  return writes;
}

const VALUELESS_DEFINITIONS: ReadonlySet<string> = new Set(['Parameter', 'FunctionName', 'ClassName', 'CatchClause']);

/** The constructor writes `this.key = name` with `name` destructured from its first parameter (`isDestructuredFirstParameter`). */
function assignsInjected(constructor: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression, key: string): boolean {
  const pattern = constructor.params[0];
  if (pattern?.type !== T.ObjectPattern || !constructor.body) return false;
  return constructor.body.body.some((statement) => {
    const assignment = statement.type === T.ExpressionStatement ? statement.expression : null;
    if (assignment?.type !== T.AssignmentExpression || assignment.operator !== '=' || assignment.right.type !== T.Identifier) return false;
    const target = assignment.left;
    if (target.type !== T.MemberExpression || target.object.type !== T.ThisExpression || staticKey(target) !== key) return false;
    const name = (assignment.right as TSESTree.Identifier).name;
    return pattern.properties.some((p) => p.type === T.Property && !p.computed && p.value.type === T.Identifier && p.value.name === name);
  });
}

/** A name bound at a static key of an object pattern that is a function's first parameter (`({ todosService }) => …`). */
function isDestructuredFirstParameter(name: Node): boolean {
  const property = name.parent;
  const pattern = property?.type === T.Property && property.value === name && !property.computed ? property.parent : null;
  const fn = pattern?.type === T.ObjectPattern ? pattern.parent : null;
  return fn !== null && fn !== undefined && isFunction(fn) && fn.params[0] === pattern;
}

/**
 * Each file a model is built on (the linted file, and the package's files the project model reads), by its tree: its
 * source, the first model built on it (`first`), and the first that sees the package's other modules (`reader`: how
 * its own reads of their constants are found, `constantElsewhere`).
 */
const sources = new WeakMap<Node, { sourceCode: TSESLint.SourceCode; first: ModelBuilder; reader: ModelBuilder | null }>();

/** Records a file that a model is built on (`ModelBuilder`); `sees` when that model sees the package's modules. */
export function registerFile(sourceCode: TSESLint.SourceCode, model: ModelBuilder, sees: boolean): void {
  const known = sources.get(sourceCode.ast);
  if (!known) sources.set(sourceCode.ast, { sourceCode, first: model, reader: sees ? model : null });
  else if (sees) known.reader ??= model;
}

/** The tree's root: the `Program` a node belongs to (a stand-in's root is the file it stands in). */
function rootOf(node: Node): Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/**
 * The source of the file that `node` belongs to, when a model was built on that file (a node of another file that a
 * linted file's model holds: an item another file exports, a `use` of an importer's app); else `undefined`. Read a
 * node of another file with its own source, never with the linted file's.
 */
export function sourceOf(node: Node): TSESLint.SourceCode | undefined {
  return sources.get(rootOf(node))?.sourceCode;
}

/**
 * How a node of the file it belongs to reads what other files of the package export (`cookie` of `const { cookie } =
 * require('./config')` in app.js): that file's model's `constantElsewhere`, when a model of it sees the package's
 * modules; else `undefined`. With `sourceOf`, what an options reader of a node of another file needs to read it as
 * that file does (`ExpressModel.options`).
 */
export function constantsReaderOf(node: Node): ((node: Node) => ValueElsewhere | null) | undefined {
  return sources.get(rootOf(node))?.reader?.constantElsewhere;
}

/**
 * The calls of module values in the file that `node` belongs to, as a model of that file sees them (the one that sees
 * the package's modules, else the first); `undefined` when no model was built on it (`ExpressModel.moduleCallsOf`).
 */
export function moduleCallsOfFile(node: Node): ModelBuilder['calls'] | undefined {
  const file = sources.get(rootOf(node));
  return (file?.reader ?? file?.first)?.calls;
}

/**
 * The list whose elements `variable` takes, never written again: the first parameter of a callback given to one of
 * `VALUE_CALLBACK_METHODS` (`names.forEach((n) => …)`, `names.map((n) => …)`: `names`), or the binding of a `for … of`
 * (`for (const n of names)`: `names`). `null` for any other variable.
 */
export function elementSource(variable: Variable): Node | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  if (def.type === 'Parameter') {
    if (isParameterReassigned(variable)) return null;
    const fn = def.node as Node;
    if (!isFunction(fn) || fn.params[0] !== def.name) return null;
    const call = fn.parent;
    if (call?.type !== T.CallExpression || call.arguments[0] !== fn) return null;
    const callee = unwrap(call.callee);
    return callee.type === T.MemberExpression && VALUE_CALLBACK_METHODS.has(staticKey(callee) ?? '') ? callee.object : null;
  }
  if (def.type !== 'Variable' || def.node.id !== def.name || def.node.init) return null;
  // (The loop's own binding is its only write.)
  if (variable.references.some((r) => r.isWrite() && r.identifier !== def.name)) return null;
  const loop = def.parent.parent;
  return loop?.type === T.ForOfStatement && loop.left === def.parent ? loop.right : null;
}

/**
 * Whether a parameter is written in the function: any write but its own default value (`name = ''`), which an argument
 * the caller passes replaces.
 */
export function isParameterReassigned(variable: Variable): boolean {
  return variable.references.some((r) => {
    if (!r.isWrite()) return false;
    const pattern = r.identifier.parent;
    return !(r.init === true && pattern?.type === T.AssignmentPattern && pattern.left === r.identifier && pattern.parent !== undefined && isFunction(pattern.parent));
  });
}

/** A TypeScript `number`, `bigint` or `boolean` type, or a union of them and number or boolean literals. */
export function isNumericType(type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case T.TSNumberKeyword:
    case T.TSBigIntKeyword:
    case T.TSBooleanKeyword:
      return true;
    case T.TSLiteralType:
      return type.literal.type === T.Literal && (typeof type.literal.value === 'number' || typeof type.literal.value === 'boolean');
    case T.TSUnionType:
      return type.types.every((t) => isNumericType(t));
    default:
      return false;
  }
}

/** Whether text is empty or only path separators (`'/'`): a part after it still starts the path. */
export function onlySeparators(text: string | null | undefined): boolean {
  return text !== null && text !== undefined && /^[/\\]*$/u.test(text);
}

/** Whether `node` is constant text of `onlySeparators` (`'/' + name`): the part after it still starts the path. */
export function isSeparatorText(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type === T.Literal) return typeof inner.value === 'string' && onlySeparators(inner.value);
  return inner.type === T.TemplateLiteral && inner.expressions.length === 0 && onlySeparators(inner.quasis[0]!.value.cooked);
}
