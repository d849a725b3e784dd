import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  Danger,
  PATH_PROPAGATORS,
  REQUEST_METHODS,
  REQUEST_PROPERTIES,
  SANITIZERS,
  STRING_PROPAGATORS,
} from '../data/sinks';
import { findVariableOf, staticKey, unwrap, type Node, type Variable } from './ast';
import type { ExpressModel } from './index';
import { pathEquals } from './model';
import { nestParameterData } from './nest';

/** Request data that an expression may hold. */
export interface Tainted {
  /** The dangers it still carries (bits of `Danger`), never 0. */
  readonly danger: number;
  /** The request expression it comes from, as written (`req.query.next`, `req.get('Referer')`). */
  readonly source: string;
}

/**
 * A cheap, intra-procedural notion of request data: `req.body` / `query` / `params` / `cookies` /
 * `signedCookies` / `headers` members and `req.get()` / `header()` / `param()` calls of a known handler's `req`,
 * followed through destructuring (also of the handler's parameter), `const`/`let` assignments, member reads,
 * template literals, `+`, `||`/`??`/`?:`, `await` and string methods. Sanitizers and coercions (`Number()`,
 * `String()` for NoSQL, `escape-html`, `path.basename`, ...) remove the dangers they neutralize; any other call
 * ends the flow (no guess about what it returns).
 *
 * Each expression and variable is evaluated at most once per file (memoized), so asking about every sink of a
 * handler costs time linear in the handler's size, and the result is shared by every rule of the file.
 */
export interface RequestData {
  /** What request data `node` may hold, or `null`. */
  taintOf(node: Node | null | undefined): Tainted | null;
  /** `taintOf(node)` when it carries `danger`, else `null`. */
  carries(node: Node | null | undefined, danger: number): Tainted | null;
  /** The variable an identifier refers to (the model's per-file index). */
  variableOf(id: TSESTree.Identifier): Variable | null;
}

const cache = new WeakMap<TSESTree.Program, RequestData>();

export function getRequestData(sourceCode: TSESLint.SourceCode, model: ExpressModel): RequestData {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const analysis = new RequestDataAnalysis(sourceCode, model);
  const data: RequestData = {
    taintOf: (node) => (node ? analysis.taintOf(node) : null),
    carries: (node, danger) => {
      const taint = node ? analysis.taintOf(node) : null;
      return taint && taint.danger & danger ? taint : null;
    },
    variableOf: (id) => analysis.variableOf(id),
  };
  cache.set(sourceCode.ast, data);
  return data;
}

const IN_PROGRESS = Symbol('in progress');

class RequestDataAnalysis {
  private readonly nodes = new Map<Node, Tainted | null>();
  private readonly variables = new Map<Variable, Tainted | null | typeof IN_PROGRESS>();
  private readonly handlerFns: Set<Node>;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly model: ExpressModel,
  ) {
    this.handlerFns = new Set(model.handlers.map((h) => h.fn));
  }

  variableOf(id: TSESTree.Identifier): Variable | null {
    return findVariableOf(this.sourceCode, id);
  }

  taintOf(node: Node): Tainted | null {
    if (this.model.handlers.length === 0) return null;
    const known = this.nodes.get(node);
    if (known !== undefined) return known;
    this.nodes.set(node, null);
    const result = this.compute(node);
    this.nodes.set(node, result);
    return result;
  }

  private compute(node: Node): Tainted | null {
    switch (node.type) {
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.ChainExpression:
      case T.TSInstantiationExpression:
        return this.taintOf(unwrap(node));
      case T.Identifier: {
        const variable = this.variableOf(node);
        return variable ? this.taintOfVariable(variable) : null;
      }
      case T.MemberExpression:
        return this.member(node);
      case T.CallExpression:
      case T.NewExpression:
        return this.call(node);
      case T.TemplateLiteral:
        return asText(union(node.expressions.map((e) => this.taintOf(e))));
      case T.BinaryExpression:
        if (node.operator !== '+') return null;
        return asText(union([this.taintOf(node.left), this.taintOf(node.right)]));
      case T.LogicalExpression:
        return union([this.taintOf(node.left), this.taintOf(node.right)]);
      case T.ConditionalExpression:
        return union([this.taintOf(node.consequent), this.taintOf(node.alternate)]);
      case T.AwaitExpression:
        return this.taintOf(node.argument);
      case T.AssignmentExpression:
        return node.operator === '=' || node.operator === '+=' || node.operator === '||=' || node.operator === '??='
          ? this.taintOf(node.right)
          : null;
      case T.SequenceExpression:
        return node.expressions.length > 0 ? this.taintOf(node.expressions[node.expressions.length - 1]!) : null;
      default:
        return null;
    }
  }

  private member(node: TSESTree.MemberExpression): Tainted | null {
    const key = staticKey(node);
    if (this.model.roleOf(node.object) === 'req') {
      const danger = key === null ? undefined : REQUEST_PROPERTIES[key];
      return danger ? { danger, source: this.sourceCode.getText(node) } : null;
    }
    const object = this.taintOf(node.object);
    if (!object || key === 'length') return null;
    // `req.body.name`: name the most precise request expression.
    const inner = unwrap(node.object);
    const isSource = inner.type === T.MemberExpression && this.model.roleOf(inner.object) === 'req';
    return isSource ? { danger: object.danger, source: this.sourceCode.getText(node) } : object;
  }

  private call(node: TSESTree.CallExpression | TSESTree.NewExpression): Tainted | null {
    const callee = unwrap(node.callee);
    const first = node.arguments[0];
    if (callee.type === T.MemberExpression) {
      const key = staticKey(callee);
      if (key !== null && node.type === T.CallExpression && this.model.roleOf(callee.object) === 'req') {
        const danger = REQUEST_METHODS[key];
        return danger ? { danger, source: this.sourceCode.getText(node) } : null;
      }
    }
    const removes = this.sanitizerRemoves(node);
    if (removes !== undefined) {
      if (removes === 'all' || !first || first.type === T.SpreadElement) return null;
      return without(this.taintOf(first), removes);
    }
    if (callee.type === T.MemberExpression) {
      const key = staticKey(callee);
      const value = this.model.valueOf(callee);
      if (value?.module === 'path' && value.path.length === 1 && PATH_PROPAGATORS.has(value.path[0]!)) {
        return asText(union(node.arguments.map((a) => (a.type === T.SpreadElement ? null : this.taintOf(a)))));
      }
      if (value?.module === undefined && key === 'parse' && callee.object.type === T.Identifier && callee.object.name === 'JSON' && first && first.type !== T.SpreadElement) {
        const inner = this.taintOf(first);
        return inner ? { danger: inner.danger | Danger.nosql, source: inner.source } : null;
      }
      if (key !== null && STRING_PROPAGATORS.has(key)) {
        const parts = [this.taintOf(callee.object)];
        if (key === 'concat') for (const a of node.arguments) if (a.type !== T.SpreadElement) parts.push(this.taintOf(a));
        return asText(union(parts));
      }
    }
    return null;
  }

  /** What a call removes when it is a known sanitizer or coercion, else `undefined`. */
  private sanitizerRemoves(node: TSESTree.CallExpression | TSESTree.NewExpression): number | 'all' | undefined {
    const callee = unwrap(node.callee);
    const global = callee.type === T.Identifier && this.isGlobal(callee) ? callee.name : null;
    const value = global === null ? this.model.valueOf(callee) : undefined;
    for (const sanitizer of SANITIZERS) {
      if (sanitizer.global !== undefined ? sanitizer.global === global : pathEquals(value, sanitizer.module!, sanitizer.path!)) {
        return sanitizer.removes;
      }
    }
    return undefined;
  }

  private isGlobal(id: TSESTree.Identifier): boolean {
    const variable = this.variableOf(id);
    return variable === null || variable.defs.length === 0;
  }

  private taintOfVariable(variable: Variable): Tainted | null {
    const known = this.variables.get(variable);
    if (known === IN_PROGRESS) return null;
    if (known !== undefined) return known;
    this.variables.set(variable, IN_PROGRESS);
    const parts: (Tainted | null)[] = [];
    for (const def of variable.defs) {
      const id = def.name as TSESTree.Identifier;
      if (def.type === 'Variable' && def.node.type === T.VariableDeclarator) {
        const declarator = def.node;
        let init: Node | null = declarator.init;
        const loop = declarator.parent?.parent;
        if (!init && (loop?.type === T.ForOfStatement || loop?.type === T.ForInStatement) && loop.left === declarator.parent) {
          init = loop.type === T.ForOfStatement ? loop.right : null;
          if (init) {
            const whole = this.taintOf(init);
            parts.push(whole);
            continue;
          }
        }
        if (init) parts.push(this.throughPattern(init, patternPath(id, declarator.id)));
      } else if (def.type === 'Parameter' && this.handlerFns.has(def.node)) {
        const fn = def.node as TSESTree.FunctionLike;
        const reqParam = this.model.handlers.find((h) => h.fn === fn)?.params.req;
        if (reqParam && reqParam !== id && contains(reqParam, id)) {
          const path = patternPath(id, reqParam);
          const danger = path && path.length > 0 ? REQUEST_PROPERTIES[path[0]!] : undefined;
          if (danger) parts.push({ danger, source: `req.${path!.join('.')}` });
        }
      }
      // NestJS hook: `@Body() dto`, `@Query('next') next` are request data.
      if (def.type === 'Parameter') parts.push(nestParameterData(id, REQUEST_PROPERTIES, Danger.nosql));
    }
    for (const ref of variable.references) {
      if (ref.isWrite() && !ref.init && ref.writeExpr) {
        parts.push(this.throughPattern(ref.writeExpr, patternPath(ref.identifier as TSESTree.Identifier, assignmentTarget(ref.identifier))));
      }
    }
    const result = union(parts);
    this.variables.set(variable, result);
    return result;
  }

  /** The taint of what a pattern binds at `path` inside `init` (`const { body: { id } } = req`). */
  private throughPattern(init: Node, path: string[] | null): Tainted | null {
    if (path === null) return this.taintOf(init);
    if (path.length > 0 && this.model.roleOf(init) === 'req') {
      const danger = REQUEST_PROPERTIES[path[0]!];
      return danger ? { danger, source: `${this.sourceCode.getText(unwrap(init))}.${path.join('.')}` } : null;
    }
    const taint = this.taintOf(init);
    // `const { id } = req.query`: name `req.query.id`.
    if (taint && path.length > 0 && taint.source === this.sourceCode.getText(unwrap(init))) {
      return { danger: taint.danger, source: `${taint.source}.${path.join('.')}` };
    }
    return taint;
  }
}

/** The keys from `pattern` down to `id` (`{ body: { id } }` → `['body', 'id']`); `null` when a key is computed. */
function patternPath(id: TSESTree.Identifier, pattern: Node | null): string[] | null {
  if (!pattern) return null;
  const path: string[] = [];
  let current: Node = id;
  while (current !== pattern && current.parent) {
    const parent: Node = current.parent;
    if (parent.type === T.Property && parent.value === current && parent.parent.type === T.ObjectPattern) {
      const key = staticKey(parent);
      if (key === null) return null;
      path.unshift(key);
    } else if (parent.type === T.RestElement || parent.type === T.ArrayPattern) {
      // A rest or array element keeps the data of its container.
    } else if (parent.type !== T.ObjectPattern && parent.type !== T.AssignmentPattern) {
      return null;
    }
    current = parent;
  }
  return current === pattern ? path : null;
}

function assignmentTarget(id: Node): Node | null {
  let current: Node = id;
  while (current.parent) {
    const parent: Node = current.parent;
    if (parent.type === T.AssignmentExpression) return parent.left === current ? current : null;
    if (parent.type !== T.Property && parent.type !== T.ObjectPattern && parent.type !== T.ArrayPattern && parent.type !== T.RestElement && parent.type !== T.AssignmentPattern) return null;
    current = parent;
  }
  return null;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function union(parts: readonly (Tainted | null)[]): Tainted | null {
  let danger = 0;
  let source: string | null = null;
  for (const part of parts) {
    if (!part) continue;
    danger |= part.danger;
    source ??= part.source;
  }
  return danger && source !== null ? { danger, source } : null;
}

function without(taint: Tainted | null, removes: number): Tainted | null {
  if (!taint) return null;
  const danger = taint.danger & ~removes;
  return danger ? { danger, source: taint.source } : null;
}

/** Text built from a value cannot be a query operator object. */
function asText(taint: Tainted | null): Tainted | null {
  return without(taint, Danger.nosql);
}

/** How a value is checked before use inside a function. */
export interface Guards {
  /** Compared with `===`/`!==`/`switch`, or looked up: `list.includes(v)`, `set.has(v)`, `list.indexOf(v)`. */
  allowList: boolean;
  /** Tested with `v.startsWith(prefix)`: each literal prefix, `''` for a non-literal one (`file.startsWith(root)`). */
  startsWith: string[];
  /** Tested by a regex: `/^\/[\w-]+$/.test(v)`, `v.match(re)`. */
  regex: boolean;
}

const guardCache = new WeakMap<Node, Map<string, Guards>>();
const NO_GUARDS: Guards = { allowList: false, startsWith: [], regex: false };

/**
 * The checks applied to the expression written `text` (`next`, `req.query.url`) anywhere in `fn`. One walk of
 * the function collects the checks of every expression, then each question is a lookup.
 */
export function guardsIn(sourceCode: TSESLint.SourceCode, fn: Node, text: string): Guards {
  let byText = guardCache.get(fn);
  if (!byText) {
    byText = collectGuards(sourceCode, fn);
    guardCache.set(fn, byText);
  }
  return byText.get(text) ?? NO_GUARDS;
}

function collectGuards(sourceCode: TSESLint.SourceCode, fn: Node): Map<string, Guards> {
  const byText = new Map<string, Guards>();
  const entry = (node: Node): Guards => {
    const text = sourceCode.getText(unwrap(node));
    let guards = byText.get(text);
    if (!guards) {
      guards = { allowList: false, startsWith: [], regex: false };
      byText.set(text, guards);
    }
    return guards;
  };
  const visit = (node: Node): void => {
    switch (node.type) {
      case T.BinaryExpression:
        if (['===', '!==', '==', '!='].includes(node.operator)) {
          const [left, right] = [node.left, node.right];
          if (right.type === T.Literal && typeof right.value === 'string') entry(left).allowList = true;
          if (left.type === T.Literal && typeof left.value === 'string') entry(right).allowList = true;
        }
        break;
      case T.SwitchStatement:
        entry(node.discriminant).allowList = true;
        break;
      case T.CallExpression: {
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression) break;
        const key = staticKey(callee);
        const arg = node.arguments[0];
        if ((key === 'includes' || key === 'has' || key === 'indexOf') && arg) entry(arg).allowList = true;
        if (key === 'test' && arg) entry(arg).regex = true;
        if (key === 'match') entry(callee.object).regex = true;
        if (key === 'startsWith') {
          entry(callee.object).startsWith.push(arg?.type === T.Literal && typeof arg.value === 'string' ? arg.value : '');
        }
        break;
      }
      default:
        break;
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && 'type' in c) visit(c as Node);
      } else if (child && typeof child === 'object' && 'type' in child) {
        visit(child as Node);
      }
    }
  };
  visit(fn);
  return byText;
}

const handlerIndex = new WeakMap<ExpressModel, Map<Node, ExpressModel['handlers'][number]>>();

/** The innermost known handler function that holds `node` (a walk up its ancestors). */
export function enclosingHandler(model: ExpressModel, node: Node): ExpressModel['handlers'][number] | null {
  let byFn = handlerIndex.get(model);
  if (!byFn) {
    byFn = new Map();
    for (const handler of model.handlers) if (!byFn.has(handler.fn)) byFn.set(handler.fn, handler);
    handlerIndex.set(model, byFn);
  }
  for (let current: Node | undefined = node; current; current = current.parent) {
    const handler = byFn.get(current);
    if (handler) return handler;
  }
  return null;
}
