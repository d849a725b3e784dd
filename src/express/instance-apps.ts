// An app kept on the instance of a class of the file (`this.app = express()`): where its uses are, and whether they run
// in the order they are written (src/express/model.ts, `bindClassMember`).
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { someNode, staticKey, unwrap, type FunctionNode, type Node } from './ast';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** The function whose `this` a node sees: the nearest enclosing function that is not an arrow function. */
export function thisFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.FunctionExpression || current.type === T.FunctionDeclaration) return current;
    if (current.type === T.PropertyDefinition || current.type === T.StaticBlock || current.type === T.Program) return null;
  }
  return null;
}

/** `instanceField`'s answers by class and key: a class's body is walked once per key. */
const fieldValues = new WeakMap<ClassNode, Map<string, TSESTree.Expression | null>>();

/**
 * What `this.path` reads in the instance code of a class (a method, a field): the initializer of the class's field
 * `path = '/auth'` (not static, not computed), when the class writes `this.path` nowhere else and does not hand `this`
 * out (`instanceUses`). (A subclass's field of that name, or a write through an instance outside the class, is not
 * looked for: the starter's route classes keep a path the way a `const` does.) `null` otherwise.
 */
export function instanceField(read: TSESTree.MemberExpression, keys: VisitorKeys | undefined): TSESTree.Expression | null {
  const key = read.object.type === T.ThisExpression ? staticKey(read) : null;
  if (key === null) return null;
  let classNode: ClassNode | null = null;
  for (let current = read.parent; current && !classNode; current = current.parent) {
    if (current.type === T.FunctionExpression || current.type === T.FunctionDeclaration) {
      const method = current.parent;
      if (method?.type !== T.MethodDefinition || method.static || method.value !== current) return null;
      classNode = method.parent.parent;
    } else if (current.type === T.PropertyDefinition) {
      if (current.static) return null;
      classNode = current.parent.parent;
    } else if (current.type === T.StaticBlock || current.type === T.Program) {
      return null;
    }
  }
  return classNode ? classField(classNode, key, keys) : null;
}

/**
 * The initializer of a class's field `key` (not static, not computed: `public path = '/auth'`), when the class writes
 * `this.<key>` nowhere else and does not hand `this` out (`instanceUses`): what every instance holds there, as
 * `instanceField` reads it inside the class and a loop over instances reads `route.path` (`./loop-mounts`). `null`
 * otherwise.
 */
export function classField(classNode: ClassNode, key: string, keys: VisitorKeys | undefined): TSESTree.Expression | null {
  let known = fieldValues.get(classNode);
  if (!known) fieldValues.set(classNode, (known = new Map()));
  if (known.has(key)) return known.get(key)!;
  let value: TSESTree.Expression | null = null;
  const field = classNode.body.body.find((m): m is TSESTree.PropertyDefinition => m.type === T.PropertyDefinition && !m.static && !m.computed && staticKey(m) === key);
  if (field?.value) {
    const uses = instanceUses(classNode, key, keys);
    if (uses?.writes.length === 1 && uses.writes[0] === field) value = field.value;
  }
  known.set(key, value);
  return value;
}

/**
 * The uses of `this.<key>` in the instance code of a class (constructor, methods, fields, and arrow functions in
 * them): reads and writes; `null` when `this` itself is handed out (`register(this)`, `return this`) or read by key
 * that is computed.
 */
export function instanceUses(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, key: string, keys: VisitorKeys | undefined): { reads: TSESTree.MemberExpression[]; writes: Node[] } | null {
  if (!keys) return null;
  const index = instanceIndexOf(classNode, keys);
  if (index === null) return null;
  const uses = index.get(key);
  return uses ? { reads: [...uses.reads], writes: [...uses.writes] } : { reads: [], writes: [] };
}

interface InstanceUses {
  reads: TSESTree.MemberExpression[];
  writes: Node[];
}

/**
 * Every key's uses in a class's instance code (`instanceUses`), from one walk of the class per visitor keys: a Nest
 * service asks it of each service its constructor is given, and the walk is the same for every key. `null` when `this`
 * is handed out or read by a computed key anywhere in that code (then for every key).
 */
const instanceIndexes = new WeakMap<ClassNode, { keys: VisitorKeys; index: Map<string, InstanceUses> | null }>();

function instanceIndexOf(classNode: ClassNode, keys: VisitorKeys): Map<string, InstanceUses> | null {
  const known = instanceIndexes.get(classNode);
  if (known?.keys === keys) return known.index;
  const index = new Map<string, InstanceUses>();
  const usesOf = (key: string): InstanceUses => {
    let uses = index.get(key);
    if (!uses) index.set(key, (uses = { reads: [], writes: [] }));
    return uses;
  };
  let escapes = false;
  for (const member of classNode.body.body) {
    if ((member.type === T.MethodDefinition || member.type === T.PropertyDefinition) && member.static) continue;
    // (A field that only declares the key, `public app: Application;`, writes nothing the constructor does not overwrite.)
    if (member.type === T.PropertyDefinition && member.value && !member.computed) {
      const name = staticKey(member);
      if (name !== null) usesOf(name).writes.push(member);
    }
    const root = member.type === T.MethodDefinition ? member.value.body : member.type === T.PropertyDefinition ? member.value : null;
    if (!root) continue;
    someNode(keys, root, (node) => {
      if (node.type === T.FunctionExpression || node.type === T.FunctionDeclaration || node.type === T.ClassDeclaration || node.type === T.ClassExpression) return 'skip';
      if (node.type !== T.ThisExpression) return false;
      const parent = node.parent;
      const name = parent?.type === T.MemberExpression && parent.object === node ? staticKey(parent) : null;
      if (name === null) {
        escapes = true;
        return true;
      }
      const member = parent as TSESTree.MemberExpression;
      const outer = member.parent;
      const written =
        (outer?.type === T.AssignmentExpression && outer.left === member) ||
        outer?.type === T.UpdateExpression ||
        (outer?.type === T.UnaryExpression && outer.operator === 'delete');
      if (written) usesOf(name).writes.push(member);
      else usesOf(name).reads.push(member);
      return false;
    });
    if (escapes) break;
  }
  const result = escapes ? null : index;
  instanceIndexes.set(classNode, { keys, index: result });
  return result;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A method of a class's instances: a method, or a field that holds an arrow function (`routes = () => { ... }`). */
export interface InstanceMethod {
  member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition;
  fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
}

/**
 * The methods of the instances of a class by name: its methods (not getters, setters or static ones) and its fields
 * that hold an arrow function, whose `this` is the instance too (`private routes = () => { this.app.post(...) }`). A
 * name the class gives to two members (a field and a method) is none of them.
 */
export function instanceMethods(classNode: ClassNode): Map<string, InstanceMethod> {
  const methods = new Map<string, InstanceMethod>();
  const taken = new Set<string>();
  for (const member of classNode.body.body) {
    if ((member.type !== T.MethodDefinition && member.type !== T.PropertyDefinition) || member.static || member.computed) continue;
    // (A TypeScript overload signature has no body: the method is the one that has.)
    if (member.type === T.MethodDefinition && (member.kind === 'constructor' || member.value.type !== T.FunctionExpression)) continue;
    const name = staticKey(member);
    if (name === null) continue;
    const value = member.type === T.MethodDefinition ? member.value : member.value && unwrap(member.value);
    const fn = value?.type === T.ArrowFunctionExpression || (value?.type === T.FunctionExpression && member.type === T.MethodDefinition && member.kind === 'method') ? value : null;
    if (!fn || taken.has(name) || methods.has(name)) {
      methods.delete(name);
      taken.add(name);
      continue;
    }
    methods.set(name, { member, fn });
  }
  return methods;
}

/**
 * The methods of a class's instances that only hand out the instance's `key` (`getServer() { return this.app; }`, a
 * field `getServer = () => this.app`, as typescript-express-starter's and other tutorials' `App` classes have), and
 * that the class itself never uses (no `this.getServer` in it): accessors, through which the app reaches whoever calls
 * them, as a read of `instance.app` would. Each with the read of `this.<key>` it returns.
 */
export function accessorMethods(classNode: ClassNode, key: string, keys: VisitorKeys | undefined): Map<string, TSESTree.MemberExpression> {
  const accessors = new Map<string, TSESTree.MemberExpression>();
  for (const [name, { member, fn }] of instanceMethods(classNode)) {
    const body = fn.body.type === T.BlockStatement ? fn.body.body : null;
    const only = body ? body.length === 1 && body[0]!.type === T.ReturnStatement ? body[0]!.argument : null : fn.body;
    const returned = only ? unwrap(only) : null;
    if (fn.params.length > 0 || returned?.type !== T.MemberExpression || returned.object.type !== T.ThisExpression || staticKey(returned) !== key) continue;
    // (A field's own definition, `getServer = () => this.app`, is the one write of its name.)
    const uses = instanceUses(classNode, name, keys);
    if (!uses || uses.reads.length > 0 || uses.writes.some((write) => write !== member)) continue;
    accessors.set(name, returned);
  }
  return accessors;
}

/** The statements of a function's body, in order (an arrow function's expression body is its one statement). */
function statementsOf(fn: FunctionNode): readonly Node[] {
  return fn.body.type === T.BlockStatement ? fn.body.body : [fn.body];
}

/** The name of the method of the instance that a statement calls as the whole statement (`this.routes();`, `await this.routes();`). */
function calledMethod(statement: Node): string | null {
  const expression = unwrap(statement.type === T.ExpressionStatement ? statement.expression : statement);
  const call = expression.type === T.AwaitExpression ? unwrap(expression.argument) : expression;
  if (call.type !== T.CallExpression) return null;
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && callee.object.type === T.ThisExpression ? staticKey(callee) : null;
}

/**
 * Whether the instance code at `nodes` runs in an order the model can follow: each runs in a field, in the
 * constructor, or in a method the constructor runs (`this.routes();` as one of its statements, or as one of the
 * statements of a method it runs: `config() { this.routes(); this.app.use(helmet()); }`), in the order those
 * statements run them (the constructor's own `this.app.use(...)` after `this.routes();` runs after the routes, though
 * written before them). A method that nothing the constructor runs calls runs after it (`start()`, called from outside
 * the class), so only after every other node, and only one such method (two may run in either order). `runsAt` (see
 * `sourceOrder`) says where the nodes of the methods the constructor runs are when that is not where they are written.
 */
export function runsInSourceOrder(classNode: ClassNode, nodes: readonly Node[]): boolean {
  const order = sourceOrder(classNode, nodes);
  return order !== null && order.later.length <= 1;
}

/**
 * `runsInSourceOrder` when the methods that run after the constructor may be several: the names of those methods in
 * the order they are written (each one's nodes together, after the constructor's), which is the order they run in only
 * when their callers call them in that order (src/project `link` checks an exported class's importers). `null` when the
 * nodes run in another order, or one that runs after the constructor is not in a method.
 */
export function laterMethods(classNode: ClassNode, nodes: readonly Node[]): string[] | null {
  const order = sourceOrder(classNode, nodes);
  if (!order) return null;
  const methods = instanceMethods(classNode);
  const names: string[] = [];
  for (const member of order.later) {
    const name = member.type === T.MethodDefinition || member.type === T.PropertyDefinition ? staticKey(member) : null;
    if (name === null || methods.get(name)?.member !== member) return null;
    names.push(name);
  }
  return names;
}

/**
 * Where the code of each method that the constructor runs is, when the nodes do not run in the order they are
 * written (`this.routes(); this.app.use(errorHandler);` with `routes()` written below the constructor): the method and
 * the statement that calls it (of the constructor, or of another method the constructor runs). Empty when they run in
 * source order; `null` when the model cannot follow them.
 */
export function constructorCalls(classNode: ClassNode, nodes: readonly Node[]): Map<Node, Node> | null {
  return sourceOrder(classNode, nodes)?.runsAt ?? null;
}

/**
 * The span in which a node of a method runs, in the file's positions: inside the start of the statement that calls
 * the method (`runsAt`), in the order the method's nodes are written, and so on up the statements that call the
 * caller, to the constructor's; else where it is written.
 */
export function runSpan(node: Node, runsAt: ReadonlyMap<Node, Node>): [number, number] {
  let span: [number, number] = [node.range[0], node.range[1]];
  if (runsAt.size === 0) return span;
  // (Each method is in `runsAt` once and its statement runs before it: the walk ends; the bound is for safety only.)
  let at: Node = node;
  for (let steps = 0; steps <= runsAt.size; steps++) {
    let member: Node | undefined = at;
    while (member && !runsAt.has(member)) member = member.parent;
    const statement = member && runsAt.get(member);
    if (!member || !statement) return span;
    // (Fractions of the statement's first character: before anything after it starts, in the method's order.)
    const start = member.range[0];
    const length = member.range[1] - start + 1;
    const place = (position: number): number => statement.range[0] + (position - start + 1) / (length + 1);
    span = [place(span[0]), place(span[1])];
    at = statement;
  }
  return span;
}

function sourceOrder(classNode: ClassNode, nodes: readonly Node[]): { later: Node[]; runsAt: Map<Node, Node> } | null {
  const constructorFn = classNode.body.body.find((m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && m.kind === 'constructor')?.value ?? null;
  const statements = constructorFn?.body?.body ?? [];
  const methods = instanceMethods(classNode);
  /**
   * The statement that first runs each method while the constructor runs: one of the constructor's, or of a method it
   * runs, that calls it as the whole statement (`this.routes();`). A method called again (itself, or in a cycle) runs
   * where it first ran; one called only in other ways (`if (dev) this.routes()`, a callback) or from outside the class
   * runs after the constructor, at a time the class does not show.
   */
  const calledBy = new Map<Node, Node>();
  const run = (body: readonly Node[]): void => {
    for (const statement of body) {
      const name = calledMethod(statement);
      const method = name === null ? undefined : methods.get(name);
      if (!method || calledBy.has(method.member)) continue;
      calledBy.set(method.member, statement);
      run(statementsOf(method.fn));
    }
  };
  run(statements);
  const memberOf = (node: Node): Node | undefined => {
    let member: Node | undefined = node;
    while (member && member.parent !== classNode.body) member = member.parent;
    return member;
  };
  const isMethod = (member: Node): boolean =>
    (member.type === T.MethodDefinition || member.type === T.PropertyDefinition) && member.parent === classNode.body && methods.get(staticKey(member) ?? '')?.member === member;
  /**
   * When a node runs: fields first (`-1`), then the constructor's statements (by the positions of the statements that
   * run it, outermost first: `[start of this.config();, start of this.routes(); in config(), the node]`), then the
   * methods the constructor does not run (`Infinity`).
   */
  const order = (node: Node): number | number[] => {
    const member = memberOf(node);
    if (!member) return Infinity;
    if (member.type === T.MethodDefinition && member.kind === 'constructor') {
      return statements.some((statement) => statement.range[0] <= node.range[0] && node.range[1] <= statement.range[1]) ? [node.range[0]] : Infinity;
    }
    if (!isMethod(member)) return member.type === T.PropertyDefinition ? -1 : Infinity;
    if (!calledBy.has(member)) return Infinity;
    const path = [node.range[0]];
    for (let at: Node | undefined = member; at && calledBy.has(at); at = memberOf(calledBy.get(at)!)) path.unshift(calledBy.get(at)!.range[0]);
    return path;
  };
  const orders = new Map(nodes.map((node) => [node, order(node)]));
  const compare = (a: Node, b: Node): number => {
    const x = orders.get(a)!;
    const y = orders.get(b)!;
    if (typeof x === 'number' || typeof y === 'number') {
      const group = (o: number | number[]): number => (typeof o === 'number' ? o : 0);
      return group(x) - group(y) || a.range[0] - b.range[0];
    }
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  const bySource = [...nodes].sort((a, b) => a.range[0] - b.range[0]);
  // The order they run in: fields first, then the constructor's statements, then the methods it does not run, as written.
  const byRun = [...nodes].sort(compare);
  const runsAt = new Map<Node, Node>();
  if (byRun.some((node, i) => node !== bySource[i])) {
    for (const [member, statement] of calledBy) runsAt.set(member, statement);
    // Everything else runs where it is written: the positions must then follow the order they run in (and tell apart
    // nodes of methods called deep down, in fractions of a character).
    let last = -Infinity;
    for (const node of byRun) {
      const [start] = runSpan(node, runsAt);
      if (start <= last) return null;
      last = start;
    }
  }
  /** The members whose nodes run after the constructor, in source order: two such methods may run in any order. */
  const later: Node[] = [];
  for (const node of byRun) {
    if (orders.get(node) !== Infinity) continue;
    const member = memberOf(node);
    if (!member) return null;
    if (later.at(-1) !== member) {
      if (later.includes(member)) return null;
      later.push(member);
    }
  }
  return { later, runsAt };
}
