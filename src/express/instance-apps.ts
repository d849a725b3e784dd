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

/**
 * The uses of `this.<key>` in the instance code of a class (constructor, methods, fields, and arrow functions in
 * them): reads and writes; `null` when `this` itself is handed out (`register(this)`, `return this`) or read by key
 * that is computed.
 */
export function instanceUses(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, key: string, keys: VisitorKeys | undefined): { reads: TSESTree.MemberExpression[]; writes: Node[] } | null {
  if (!keys) return null;
  const reads: TSESTree.MemberExpression[] = [];
  const writes: Node[] = [];
  let escapes = false;
  for (const member of classNode.body.body) {
    if ((member.type === T.MethodDefinition || member.type === T.PropertyDefinition) && member.static) continue;
    // (A field that only declares the key, `public app: Application;`, writes nothing the constructor does not overwrite.)
    if (member.type === T.PropertyDefinition && member.value && !member.computed && staticKey(member) === key) writes.push(member);
    const root = member.type === T.MethodDefinition ? member.value.body : member.type === T.PropertyDefinition ? member.value : null;
    if (!root) continue;
    someNode(keys, root, (node) => {
      if (node.type === T.FunctionExpression || node.type === T.FunctionDeclaration || node.type === T.ClassDeclaration || node.type === T.ClassExpression) return 'skip';
      if (node.type !== T.ThisExpression) return false;
      const parent = node.parent;
      if (parent?.type !== T.MemberExpression || parent.object !== node) {
        escapes = true;
        return true;
      }
      const name = staticKey(parent);
      if (name === null) {
        escapes = true;
        return true;
      }
      if (name !== key) return false;
      const outer = parent.parent;
      const written =
        (outer?.type === T.AssignmentExpression && outer.left === parent) ||
        outer?.type === T.UpdateExpression ||
        (outer?.type === T.UnaryExpression && outer.operator === 'delete');
      if (written) writes.push(parent);
      else reads.push(parent);
      return false;
    });
    if (escapes) return null;
  }
  return { reads, writes };
}

/**
 * Whether the instance code at `nodes` runs in an order the model can follow: each runs in a field, in the
 * constructor, or in a method the constructor calls (`this.routes()` as one of its statements), in the order the
 * constructor's statements run them (its own `this.app.use(...)` after `this.routes();` runs after the routes, though
 * written before them). A method that nothing in the constructor calls runs after it (`start()`), so only after every
 * other node, and only one such method (two may run in either order). `runsAt` (see `sourceOrder`) says where the
 * nodes of the constructor's methods run when that is not where they are written.
 */
export function runsInSourceOrder(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, nodes: readonly Node[]): boolean {
  const order = sourceOrder(classNode, nodes);
  return order !== null && order.later.length <= 1;
}

/**
 * `runsInSourceOrder` when the methods that run after the constructor may be several: the names of those methods in
 * the order they are written (each one's nodes together, after the constructor's), which is the order they run in only
 * when their callers call them in that order (src/project `link` checks an exported class's importers). `null` when the
 * nodes run in another order, or one that runs after the constructor is not in a named method.
 */
export function laterMethods(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, nodes: readonly Node[]): string[] | null {
  const order = sourceOrder(classNode, nodes);
  if (!order) return null;
  const names: string[] = [];
  for (const member of order.later) {
    const name = member.type === T.MethodDefinition && member.kind === 'method' && !member.static ? staticKey(member) : null;
    if (name === null) return null;
    names.push(name);
  }
  return names;
}

/**
 * Where the code of each method that the constructor calls runs, when the nodes do not run in the order they are
 * written (`this.routes(); this.app.use(errorHandler);` with `routes()` written below the constructor): the method and
 * the constructor statement that calls it. Empty when they run in source order; `null` when the model cannot follow them.
 */
export function constructorCalls(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, nodes: readonly Node[]): Map<Node, TSESTree.Statement> | null {
  return sourceOrder(classNode, nodes)?.runsAt ?? null;
}

/**
 * The span in which a node of a method runs, in the file's positions: inside the start of the constructor statement
 * that calls the method (`runsAt`), in the order the method's nodes are written; else where it is written.
 */
export function runSpan(node: Node, runsAt: ReadonlyMap<Node, TSESTree.Statement>): [number, number] {
  if (runsAt.size === 0) return node.range;
  let member: Node | undefined = node;
  while (member && !runsAt.has(member)) member = member.parent;
  const statement = member && runsAt.get(member);
  if (!member || !statement) return node.range;
  // (Fractions of the statement's first character: before anything after it starts, in the method's order.)
  const length = member.range[1] - member.range[0] + 1;
  const at = (position: number): number => statement.range[0] + (position - member.range[0] + 1) / (length + 1);
  return [at(node.range[0]), at(node.range[1])];
}

function sourceOrder(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  nodes: readonly Node[],
): { later: Node[]; runsAt: Map<Node, TSESTree.Statement> } | null {
  const constructorFn = classNode.body.body.find((m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && m.kind === 'constructor')?.value ?? null;
  const statements = constructorFn?.body?.body ?? [];
  /** The index of the constructor statement that calls each method (`this.routes();`). */
  const calledAt = new Map<string, number>();
  statements.forEach((statement, i) => {
    const expression = statement.type === T.ExpressionStatement ? unwrap(statement.expression) : null;
    const call = expression?.type === T.AwaitExpression ? unwrap(expression.argument) : expression;
    if (call?.type !== T.CallExpression) return;
    const callee = unwrap(call.callee);
    if (callee.type === T.MemberExpression && callee.object.type === T.ThisExpression) {
      const name = staticKey(callee);
      if (name !== null && !calledAt.has(name)) calledAt.set(name, i);
    }
  });
  const memberOf = (node: Node): Node | undefined => {
    let member: Node | undefined = node;
    while (member && member.parent !== classNode.body) member = member.parent;
    return member;
  };
  const order = (node: Node): number => {
    const member = memberOf(node);
    if (!member) return Infinity;
    if (member.type === T.PropertyDefinition) return -1;
    if (member.type !== T.MethodDefinition) return Infinity;
    if (member.kind === 'constructor') {
      const index = statements.findIndex((statement) => statement.range[0] <= node.range[0] && node.range[1] <= statement.range[1]);
      return index < 0 ? Infinity : index;
    }
    const name = staticKey(member);
    return name !== null && calledAt.has(name) ? calledAt.get(name)! : Infinity;
  };
  const orders = new Map(nodes.map((node) => [node, order(node)]));
  const bySource = [...nodes].sort((a, b) => a.range[0] - b.range[0]);
  // The order they run in: by the constructor statement that runs them (fields first, methods it does not call last),
  // then as written.
  const byRun = [...nodes].sort((a, b) => orders.get(a)! - orders.get(b)! || a.range[0] - b.range[0]);
  const runsAt = new Map<Node, TSESTree.Statement>();
  if (byRun.some((node, i) => node !== bySource[i])) {
    for (const node of byRun) {
      const at = orders.get(node)!;
      const member = memberOf(node);
      if (member?.type === T.MethodDefinition && member.kind === 'method' && at !== Infinity && at >= 0) runsAt.set(member, statements[at]!);
    }
    // Everything else runs where it is written: the positions must then follow the order they run in.
    let last = -Infinity;
    for (const node of byRun) {
      const [start] = runSpan(node, runsAt);
      if (start < last) return null;
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
