import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { RESPONSE_CHAIN_METHODS } from '../data/express';
import { CONTENT_TYPE_METHODS, HELPER_RESPONSE_SINKS } from '../data/sinks';
import { findVariableOf, isFunction, staticKey, unwrap, type FunctionNode, type Node, type Variable } from './ast';
import type { ExpressModel } from './index';
import type { RequestData } from './request-data';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** A sink inside a helper function: parameter `param` reaches argument of `receiver.<method>(...)`. */
interface HelperSink {
  /** The parameter whose value reaches the sink. */
  param: number;
  /** The parameter the sink method is called on (the response the caller passes). */
  receiver: number;
  method: string;
  danger: number;
  /** 1-based line of the sink in the helper's file. */
  line: number;
}

/** Request data that a caller passes to a helper of another module of the package, which hands it to a sink. */
export interface HelperFinding {
  /** The caller's argument that carries request data. */
  node: TSESTree.Node;
  /** `req.query.next, through 'sendTo' (lib/respond.js:3)`. */
  source: string;
  /** The sink as the helper calls it: `res.redirect`. */
  method: string;
}

/** One summary per function, computed once (the project model keeps other files' ASTs for the whole run). */
const summaries = new WeakMap<FunctionNode, readonly HelperSink[]>();

/**
 * Cross-file helper flow: at `call` of a function that another module of the package exports
 * (`sendTo(res, req.query.next)` with `module.exports.sendTo = (res, url) => res.redirect(url)`), the arguments
 * carrying request data with `danger` that the helper hands, unchanged, to a sink of `HELPER_RESPONSE_SINKS` on the
 * response the caller passes. The helper's summary ("parameter i reaches `res.redirect`") is computed once per
 * function: a parameter used as the sink's argument directly, or through `const` locals; a sink under a condition
 * that mentions the parameter (an allow list, a check) or after a fixed prefix is not counted.
 */
export function helperFindings(
  model: ExpressModel,
  requestData: RequestData,
  call: TSESTree.CallExpression,
  danger: number,
  /** The linted file's visitor keys, for a file the project model parsed without its own. */
  keys: VisitorKeys,
): HelperFinding[] {
  if (requestData.handlers.list.length === 0 || call.arguments.length < 2) return [];
  const elsewhere = model.functionElsewhere(model.valueOf(call.callee));
  if (!elsewhere) return [];
  let summary = summaries.get(elsewhere.fn);
  if (!summary) {
    try {
      summary = summarize(elsewhere.sourceCode, elsewhere.fn, elsewhere.sourceCode.visitorKeys ?? keys);
    } catch {
      summary = [];
    }
    summaries.set(elsewhere.fn, summary);
  }
  const name = helperName(call.callee);
  const found: HelperFinding[] = [];
  const seen = new Set<TSESTree.Node>();
  for (const sink of summary) {
    if (!(sink.danger & danger)) continue;
    const receiver = call.arguments[sink.receiver];
    const arg = call.arguments[sink.param];
    if (!receiver || !arg || receiver.type === T.SpreadElement || arg.type === T.SpreadElement || seen.has(arg)) continue;
    if (requestData.handlers.roleOf(receiver) !== 'res') continue;
    const taint = requestData.carries(arg, sink.danger);
    if (!taint) continue;
    seen.add(arg);
    found.push({ node: arg, source: `${taint.source}, through '${name}' (${elsewhere.file}:${sink.line})`, method: `res.${sink.method}` });
  }
  return found;
}

function helperName(callee: TSESTree.Node): string {
  const inner = unwrap(callee);
  if (inner.type === T.Identifier) return inner.name;
  if (inner.type === T.MemberExpression) return staticKey(inner) ?? 'helper';
  return 'helper';
}

function summarize(sourceCode: TSESLint.SourceCode, fn: FunctionNode, keys: VisitorKeys): HelperSink[] {
  const params = new Map<Variable, number>();
  fn.params.forEach((param, i) => {
    const id = param.type === T.AssignmentPattern ? param.left : param;
    if (id.type !== T.Identifier) return;
    const variable = findVariableOf(sourceCode, id);
    if (variable) params.set(variable, i);
  });
  if (params.size < 2) return [];
  const paramOf = (node: Node, depth = 0): number | null => {
    const inner = unwrap(node);
    if (inner.type !== T.Identifier || depth > 4) return null;
    const variable = findVariableOf(sourceCode, inner);
    if (!variable) return null;
    const index = params.get(variable);
    if (index !== undefined) return variable.references.some((r) => r.isWrite()) ? null : index;
    // `const target = url;`
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== T.Identifier || !def.node.init) return null;
    return paramOf(def.node.init, depth + 1);
  };
  /** For a body: the parameter as it is, or inside a template literal or a `+` (markup around it stays markup). */
  const inText = (node: Node, depth = 0): number | null => {
    const inner = unwrap(node);
    if (depth > 6) return null;
    if (inner.type === T.TemplateLiteral) {
      for (const e of inner.expressions) {
        const found = inText(e, depth + 1);
        if (found !== null) return found;
      }
      return null;
    }
    if (inner.type === T.BinaryExpression && inner.operator === '+') return inText(inner.left, depth + 1) ?? inText(inner.right, depth + 1);
    return paramOf(inner);
  };
  const sinks: HelperSink[] = [];
  const visit = (node: Node, conditions: readonly Node[]): void => {
    if (node !== fn && isFunction(node)) return;
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
      const method = staticKey(node.callee);
      const row = method === null ? undefined : HELPER_RESPONSE_SINKS[method];
      // `res.redirect(url)`, `res.status(301).redirect(url)`
      let object: Node = unwrap(node.callee.object);
      while (object.type === T.CallExpression && object.callee.type === T.MemberExpression && RESPONSE_CHAIN_METHODS.has(staticKey(object.callee) ?? '')) {
        object = unwrap(object.callee.object);
      }
      const receiver = row ? paramOf(object) : null;
      if (row && receiver !== null && !(row.pathOnly && node.arguments.length > 1)) {
        for (const index of row.args) {
          const arg = node.arguments[index];
          const param = arg && arg.type !== T.SpreadElement ? (row.body ? inText(arg) : paramOf(arg)) : null;
          if (param === null || param === receiver) continue;
          if (conditions.some((c) => mentions(sourceCode, keys, c, param, params))) continue;
          sinks.push({ param, receiver, method: method!, danger: row.danger, line: node.loc.start.line });
        }
      }
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (const c of children) {
        if (!c || typeof (c as Node).type !== 'string') continue;
        const next = guardOf(node, c as Node);
        visit(c as Node, next ? [...conditions, next] : conditions);
      }
    }
  };
  visit(fn, []);
  // A helper that sets a content type on the response it was given decides what the body is: not followed.
  const typed = new Set<number>();
  const findTyped = (node: Node): void => {
    if (node !== fn && isFunction(node)) return;
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression && CONTENT_TYPE_METHODS.has(staticKey(node.callee) ?? '')) {
      let object: Node = unwrap(node.callee.object);
      while (object.type === T.CallExpression && object.callee.type === T.MemberExpression) object = unwrap(object.callee.object);
      const receiver = paramOf(object);
      if (receiver !== null) typed.add(receiver);
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) if (c && typeof (c as Node).type === 'string') findTyped(c as Node);
    }
  };
  if (sinks.some((sink) => HELPER_RESPONSE_SINKS[sink.method]?.body)) findTyped(fn);
  // An early exit that tests the parameter (`if (!ALLOWED.includes(url)) return …`) guards what follows.
  return sinks.filter(
    (sink) => !exitsOnTest(sourceCode, keys, fn, sink, params) && !(HELPER_RESPONSE_SINKS[sink.method]?.body && typed.has(sink.receiver)),
  );
}

/** The test that decides whether `child` of `node` runs: an `if`, `?:`, `&&`/`||` branch. */
function guardOf(node: Node, child: Node): Node | null {
  if ((node.type === T.IfStatement || node.type === T.ConditionalExpression) && child !== node.test) return node.test;
  if (node.type === T.LogicalExpression && child === node.right) return node.left;
  return null;
}

function mentions(sourceCode: TSESLint.SourceCode, keys: VisitorKeys, node: Node, param: number, params: ReadonlyMap<Variable, number>): boolean {
  let found = false;
  const walk = (n: Node): void => {
    if (found) return;
    if (n.type === T.Identifier) {
      const variable = findVariableOf(sourceCode, n);
      if (variable && params.get(variable) === param) found = true;
      return;
    }
    for (const key of keys[n.type] ?? []) {
      const child = (n as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) if (c && typeof (c as Node).type === 'string') walk(c as Node);
    }
  };
  walk(node);
  return found;
}

/** An `if (<test of the parameter>) return/throw` among the function body's statements before the sink's line. */
function exitsOnTest(sourceCode: TSESLint.SourceCode, keys: VisitorKeys, fn: FunctionNode, sink: HelperSink, params: ReadonlyMap<Variable, number>): boolean {
  if (fn.body.type !== T.BlockStatement) return false;
  return fn.body.body.some(
    (statement) =>
      statement.type === T.IfStatement &&
      statement.loc.end.line <= sink.line &&
      mentions(sourceCode, keys, statement.test, sink.param, params) &&
      (statement.consequent.type === T.ReturnStatement ||
        statement.consequent.type === T.ThrowStatement ||
        (statement.consequent.type === T.BlockStatement &&
          statement.consequent.body.some((s) => s.type === T.ReturnStatement || s.type === T.ThrowStatement))),
  );
}
