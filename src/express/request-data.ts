import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { VALUE_CALLBACK_METHODS } from '../data/callbacks';
import {
  ANY_DANGER,
  Danger,
  EXPRESS_URL_PROPERTIES,
  MARKDOWN_PIPELINES,
  MARKDOWN_RENDERERS,
  NODE_REQUEST_PROPERTIES,
  OBJECT_READERS,
  OBJECT_RESULT_CALLS,
  OWN_SITE_HEADERS,
  PARENT_SEGMENT_STRIPS,
  PATH_PROPAGATORS,
  PROPAGATING_CALLS,
  REQUEST_METHODS,
  REQUEST_PROPERTIES,
  SESSION_PROPERTY,
  SIMPLE_QUERY_MEMBER_DANGERS,
  SANITIZERS,
  STRING_DANGER,
  STRING_PROPAGATORS,
} from '../data/sinks';
import { findVariableOf, isAssigned, isFunction, isLoop, keepsAssignedValue, isSeparatorText, literalString, onlySeparators, outermost, returnedExpressions, soleDeclarator, staticKey, unwrap, type FunctionNode, type Node, type Variable } from './ast';
import { exits, GuardFinder, withoutRedirectWhenFixedOrigin } from './guards';
import { resolveConst } from './options';
import { helperName, summaryElsewhere } from './helpers-elsewhere';
import { functionSummary, type SessionWrite } from '../project/function-summaries';
import { getRequestHandlers, type RequestHandler, type RequestHandlers } from './handler-shapes';
import { UNTYPED_ARGUMENT, type GraphqlResolver } from './graphql';
import type { ExpressModel } from './index';
import { lineOf } from '../util/lines';
import { pathEquals } from './model';
import { nestParameterData, nestParameterFactory, nestParameterRequest } from './nest';
import type { PluginSettings, TrustedCheck } from './settings';

/** Request data that an expression may hold. */
export interface Tainted {
  /** The dangers it still carries (bits of `Danger`), never 0. */
  readonly danger: number;
  /** The request expression it comes from, as written (`req.query.next`, `req.get('Referer')`). */
  readonly source: string;
  /**
   * Set when the data comes only through a parameter of a local helper function (`function sendTo(res, url)`):
   * a sink inside it is reported at the callers' arguments.
   */
  readonly helper?: { readonly fn: FunctionNode; readonly index: number; readonly name: string };
  /**
   * The dangers its values (`x.name`, `x[k]`, a destructured key) carry, when fewer than its own: `req.query` under
   * Express 5's simple query parser is an object with the client's keys, its values strings
   * (`SIMPLE_QUERY_MEMBER_DANGERS`). Absent: its values carry its dangers.
   */
  readonly members?: number;
}

/** Where a rule reports request data reaching a sink: the sink's argument, or a helper caller's argument. */
export interface Finding {
  node: Node;
  /** The request expression, and the helpers it goes through (`req.query.next, through 'sendTo'`). */
  source: string;
}

/** How a sink takes what it is given. */
export interface FindingOptions {
  /**
   * The sink sends an object or an array as JSON (`res.send(obj)`): a value known to hold one (`holdsObject`) is
   * no finding, at the sink or, when the sink sends a helper's parameter as it is, at a caller's argument.
   */
  json?: boolean;
  /** Dangers the data must carry all of, besides one of the sink's (`Danger.path` and `Danger.wholePath` for `res.sendFile`). */
  all?: number;
}

/**
 * Request data, followed like a reviewer reads it, inside every function that receives a request
 * (`RequestHandlers`: registered, typed, shaped like a handler, Node servers):
 * - sources: `req.body` / `query` / `params` / `cookies` / `signedCookies` / `headers` members and `req.get()` /
 *   `header()` / `param()` calls (a Node server's `req.url` and `req.headers`), also destructured;
 * - in order: a local's value at a use is what the writes that reach it hold (`q = 'x'` replaces, `+=` adds);
 *   a closure sees every write;
 * - through `+`, template literals, string methods, `util.format`, URL parsers, `||`/`??`/`?:`, `await`,
 *   `.then(v => …)`, object and array literals, spreads, `Object.assign`, and local helper functions (their
 *   parameters hold what their callers pass, a call holds what they return);
 * - sanitizers and coercions (`Number()`, `escape-html`, `path.basename`, …) remove the dangers they neutralize,
 *   and so do the checks that dominate a use (`GuardFinder`); any other call ends the flow.
 *
 * Each expression is evaluated at most once per file (memoized), and shared by every rule of the file.
 */
export interface RequestData {
  /** What request data `node` may hold, or `null`. */
  taintOf(node: Node | null | undefined): Tainted | null;
  /** `taintOf(node)` when it carries `danger`, else `null`. */
  carries(node: Node | null | undefined, danger: number): Tainted | null;
  /**
   * Where to report request data carrying `danger` that reaches a sink at `node`: `node` itself, or, when the data
   * only comes through a helper's parameter, each caller's argument that carries it.
   */
  findings(node: Node | null | undefined, danger: number, options?: FindingOptions): Finding[];
  /**
   * Whether `node` is known to hold an object or an array: an object or array literal, a call of
   * `OBJECT_RESULT_CALLS` (`Object.keys(x)`), both branches of a `?:` that do, or a local variable every write of
   * which does. Anything else (a string, a parameter, `JSON.parse(…)`, another call's result) is not known.
   */
  holdsObject(node: Node | null | undefined): boolean;
  /**
   * Whether the checks that dominate `node` rule out `danger`, whatever it holds (request data or a value of unseen
   * origin): `if (!/^\w+$/.test(name)) throw …`, an allow list, a checking helper, as for request data (`guards.ts`).
   */
  checked(node: Node | null | undefined, danger: number): boolean;
  /** The variable an identifier refers to (the model's per-file index). */
  variableOf(id: TSESTree.Identifier): Variable | null;
  /** Every function that receives a request, and the roles of expressions in them. */
  readonly handlers: RequestHandlers;
}

const cache = new WeakMap<TSESTree.Program, RequestData>();

export function getRequestData(sourceCode: TSESLint.SourceCode, model: ExpressModel, filename?: string, queryObjects: () => boolean = () => true): RequestData {
  return cache.get(sourceCode.ast) ?? analyseRequestData(sourceCode, model, filename, queryObjects);
}

/** The file's request data when it is computed already (`getRequestData`); else `undefined`. */
export function requestDataKnown(sourceCode: TSESLint.SourceCode): RequestData | undefined {
  return cache.get(sourceCode.ast);
}

/** `getRequestData`'s first answer for a file, cached. */
function analyseRequestData(sourceCode: TSESLint.SourceCode, model: ExpressModel, filename: string | undefined, queryObjects: () => boolean): RequestData {
  const handlers = getRequestHandlers(sourceCode, model, filename);
  const analysis = new RequestDataAnalysis(sourceCode, model, handlers, queryObjects);
  const data: RequestData = {
    taintOf: (node) => (node ? analysis.taintOf(node) : null),
    carries: (node, danger) => {
      const taint = node ? analysis.taintOf(node) : null;
      return taint && taint.danger & danger ? taint : null;
    },
    findings: (node, danger, options) => (node ? analysis.findings(node, danger, 0, new Set(), options?.json === true, options?.all ?? 0) : []),
    holdsObject: (node) => (node ? analysis.holdsObject(node, 0) : false),
    checked: (node, danger) => (node ? (analysis.unchecked(node, danger) & danger) === 0 || analysis.typedArgumentRulesOut(node, danger) : false),
    variableOf: (id) => analysis.variableOf(id),
    handlers,
  };
  cache.set(sourceCode.ast, data);
  return data;
}

const IN_PROGRESS = Symbol('in progress');
const MAX_HELPER_DEPTH = 8;
/** Nested evaluations before giving up on a value (far below the stack's limit). */
const MAX_DEPTH = 400;

/** A write to a variable: its declaration's initializer, an assignment, a loop binding. */
/**
 * A write into the session (`RequestData`'s `sessionWrites`): one of the file's own handlers (`req.session.returnTo =
 * …`), or one a function of another file makes in the session of the request a handler hands it.
 */
type SessionWriteOf = TSESTree.AssignmentExpression | SessionWriteElsewhere;

/** A write of request data that a function of another file makes in the session of the request it is handed. */
interface SessionWriteElsewhere {
  write: SessionWrite;
  /** The name the call gives the function, and its file. */
  helper: string;
  file: string;
}

interface Write {
  /** The declarator, assignment or loop statement. */
  node: Node;
  /** Where the written value becomes the variable's. */
  end: number;
  /** The function (or Program) the write runs in. */
  scope: Node;
  /** Computes the value written. */
  value: () => Tainted | null;
}

class RequestDataAnalysis {
  private readonly nodes = new Map<Node, Tainted | null>();
  private readonly writes = new Map<Variable, Write[]>();
  private readonly writeValues = new Map<Write, Tainted | null | typeof IN_PROGRESS>();
  private readonly paramValues = new Map<Variable, Tainted | null | typeof IN_PROGRESS>();
  private readonly returns = new Map<Node, Node[]>();
  private readonly guards: GuardFinder;
  /** How deep `taintOf` calls are nested now. */
  private depth = 0;
  /** Parameters that destructure a handler's request (`{ query }`): their members name themselves. */
  private readonly requestParts = new Set<Variable>();
  /** Per variable, how many of its writes (in source order) have their value computed. */
  private readonly warmed = new Map<Variable, number>();

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly model: ExpressModel,
    private readonly handlers: RequestHandlers,
    /** Whether `req.query` may hold objects (not Express 5's simple parser alone): asked once, when a query is read. */
    private readonly queryObjects: () => boolean,
  ) {
    this.guards = new GuardFinder(
      sourceCode,
      (n) => model.valueOf(n),
      (n) => this.taintOf(n) !== null,
      (fn) => {
        // The middleware before `fn` on the route that registers it (in this file or, through the project model, another).
        const handler = model.handlers.find((h) => h.fn === fn);
        if (!handler) return [];
        const index = handler.call.middleware.findIndex((item) => item.fn === fn);
        return index < 0 ? [] : handler.call.middleware.slice(0, index);
      },
      (call, result, awaited) => {
        // An allow-list or checking function of this file or of another module of the package (its summary).
        const keys = sourceCode.visitorKeys;
        const local = handlers.localFunction(call.callee);
        const summary = local
          ? handlers.handlerOf(local) ? undefined : functionSummary(sourceCode, local, keys)
          : summaryElsewhere(model, model.valueOf(call.callee), keys)?.summary;
        if (!summary) return null;
        // An async helper's unawaited call is a promise: always truthy, it checks nothing (`awaited`: a local holds the
        // promise, and the test awaits it).
        if (summary.async && !awaited && outermost(call).parent?.type !== T.AwaitExpression) return null;
        if (!result) return summary.rejects;
        return summary.allowList !== null ? { param: summary.allowList, removes: ANY_DANGER } : summary.checks;
      },
      (n) => this.isRequestHost(n),
      (call) => trustedCheckRemoves(model.settings.checks, call),
    );
  }

  /**
   * A normalised path with its leading \`..\` segments removed (\`PARENT_SEGMENT_STRIPS\`), written there or in the
   * \`const\` it reads: \`path.normalize(p).replace(/^(\.\.(\/|\\|$))+/, '')\`.
   */
  private stripsParentSegments(raw: Node): boolean {
    const node = unwrap(resolveConst(this.sourceCode, raw));
    if (node.type !== T.CallExpression || node.arguments.length !== 2) return false;
    const callee = unwrap(node.callee);
    const [pattern, replacement] = node.arguments;
    if (callee.type !== T.MemberExpression || staticKey(callee) !== 'replace' || literalString(replacement) !== '') return false;
    if (pattern?.type !== T.Literal || !('regex' in pattern) || !pattern.regex || !PARENT_SEGMENT_STRIPS.has(pattern.regex.pattern)) return false;
    const normalized = unwrap(callee.object);
    return normalized.type === T.CallExpression && pathEquals(this.model.valueOf(normalized.callee), 'path', ['normalize']);
  }

  /** \`req.get('host')\` / \`req.header('host')\`, \`req.headers.host\`, \`req.hostname\` of a handler's request. */
  private isRequestHost(raw: Node): boolean {
    const node = unwrap(raw);
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      return (
        callee.type === T.MemberExpression &&
        (staticKey(callee) === 'get' || staticKey(callee) === 'header') &&
        literalString(node.arguments[0])?.toLowerCase() === 'host' &&
        this.handlers.roleOf(callee.object) === 'req'
      );
    }
    if (node.type !== T.MemberExpression) return false;
    const key = staticKey(node);
    if (key === 'hostname') return this.handlers.roleOf(node.object) === 'req';
    const headers = unwrap(node.object);
    return key === 'host' && headers.type === T.MemberExpression && staticKey(headers) === 'headers' && this.handlers.roleOf(headers.object) === 'req';
  }

  variableOf(id: TSESTree.Identifier): Variable | null {
    return findVariableOf(this.sourceCode, id);
  }

  taintOf(node: Node): Tainted | null {
    if (this.handlers.list.length === 0) return null;
    const known = this.nodes.get(node);
    if (known !== undefined) return known;
    // A chain of thousands of variables each built from the last: stop (unknown) rather than overflow the stack.
    if (this.depth >= MAX_DEPTH) return null;
    this.nodes.set(node, null);
    this.depth++;
    let result: Tainted | null;
    try {
      result = this.compute(node);
    } finally {
      this.depth--;
    }
    if (result && (node.type === T.Identifier || node.type === T.MemberExpression || node.type === T.CallExpression)) {
      result = this.guarded(node, result);
    }
    this.nodes.set(node, result);
    return result;
  }

  findings(node: Node, danger: number, depth: number, seen: Set<Node>, json: boolean, all = 0): Finding[] {
    const taint = this.taintOf(node);
    if (!taint || !(taint.danger & danger) || (taint.danger & all) !== all) return [];
    if (json && this.holdsObject(node, 0)) return [];
    if (!taint.helper) return [{ node, source: taint.source }];
    const { fn, index, name } = taint.helper;
    if (depth >= MAX_HELPER_DEPTH || seen.has(fn)) return [];
    seen.add(fn);
    // `function send(res, body) { res.send(body) }`: each caller's argument is what is sent.
    const passedOn = json && this.isParameterItself(node, fn, index);
    const found: Finding[] = [];
    for (const call of this.handlers.callsOf(fn)) {
      const arg = call.arguments[index];
      if (!arg || arg.type === T.SpreadElement) continue;
      for (const f of this.findings(arg, danger, depth + 1, seen, passedOn, all)) found.push({ node: f.node, source: `${f.source}, through '${name}'` });
    }
    seen.delete(fn);
    return found;
  }

  /** `node` is parameter `index` of `fn` as it is: a plain parameter that nothing assigns. */
  private isParameterItself(node: Node, fn: FunctionNode, index: number): boolean {
    const inner = unwrap(node);
    if (inner.type !== T.Identifier || fn.params[index]?.type !== T.Identifier) return false;
    const variable = this.variableOf(inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    return def?.type === 'Parameter' && def.node === fn && fn.params[index] === def.name && !variable!.references.some((r) => r.isWrite());
  }

  holdsObject(raw: Node, depth: number, awaited = false): boolean {
    const node = unwrap(raw);
    if (depth > 8) return false;
    switch (node.type) {
      case T.ObjectExpression:
      case T.ArrayExpression:
        return true;
      case T.ConditionalExpression:
        return this.holdsObject(node.consequent, depth + 1) && this.holdsObject(node.alternate, depth + 1);
      case T.SequenceExpression:
        return node.expressions.length > 0 && this.holdsObject(node.expressions[node.expressions.length - 1]!, depth + 1);
      case T.AssignmentExpression:
        return node.operator === '=' && this.holdsObject(node.right, depth + 1);
      // `await make(q)`: what the async function resolves to.
      case T.AwaitExpression:
        return this.holdsObject(node.argument, depth + 1, true);
      case T.CallExpression: {
        const callee = unwrap(node.callee);
        // A helper whose every return holds an object (`const wrap = (q) => ({ q })`), of this file or of another file
        // of the package (its summary's `returnsObject`).
        const local = this.handlers.localFunction(callee);
        if (local) {
          const returned = (local.async && !awaited) || local.generator ? [] : this.returnsOf(local);
          return returned.length > 0 && returned.every((r) => this.holdsObject(r, depth + 1));
        }
        const value = this.model.valueOf(callee);
        if (value?.module.startsWith('.') && !value.app && summaryElsewhere(this.model, value, this.sourceCode.visitorKeys)?.summary.returnsObject) return true;
        // `Object.keys(x)`, `Array.from(x)`: the globals themselves, not a local of that name.
        if (callee.type !== T.MemberExpression || callee.object.type !== T.Identifier) return false;
        const owner = callee.object.name;
        const methods = Object.hasOwn(OBJECT_RESULT_CALLS, owner) ? OBJECT_RESULT_CALLS[owner] : undefined;
        const method = staticKey(callee);
        return methods !== undefined && method !== null && methods.has(method) && this.isGlobal(callee.object);
      }
      case T.Identifier:
        return this.variableHoldsObject(node, depth);
      default:
        return false;
    }
  }

  /** A local whose every write (its initializer, each `=`) holds an object or an array. */
  private variableHoldsObject(id: TSESTree.Identifier, depth: number): boolean {
    const variable = this.variableOf(id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id !== def.name) return false;
    const loop = def.node.parent?.parent;
    if ((loop?.type === T.ForOfStatement || loop?.type === T.ForInStatement) && loop.left === def.node.parent) return false;
    // `let body;` holds `undefined` until a write: `res.send(undefined)` sends nothing.
    const values: Node[] = def.node.init ? [def.node.init] : [];
    for (const ref of variable!.references) {
      if (!ref.isWrite() || ref.init) continue;
      const assignment = ref.identifier.parent;
      // `body = {…}` only: `+=`, `x++`, destructuring and loop bindings are not known.
      if (assignment?.type !== T.AssignmentExpression || assignment.operator !== '=' || assignment.left !== ref.identifier) return false;
      values.push(assignment.right);
    }
    return values.length > 0 && values.every((value) => this.holdsObject(value, depth + 1));
  }

  /** The taint left once the checks that dominate `node` have removed what they rule out. */
  private guarded(node: Node, taint: Tainted): Tainted | null {
    const danger = this.unchecked(node, taint.danger);
    return danger ? { ...taint, danger } : null;
  }

  /** What of `danger` the checks that dominate `node` leave (whatever `node` holds). */
  unchecked(node: Node, danger: number): number {
    const guards = this.guards.guardsOn(node);
    if (guards.length === 0) return danger;
    const variable = node.type === T.Identifier ? this.variableOf(node) : null;
    const writes = variable ? this.writesOf(variable) : [];
    let left = danger;
    for (const guard of guards) {
      // A write between the check and the use: the checked value is gone.
      if (writes.some((w) => w.end > guard.end && w.end <= node.range[0])) continue;
      left &= ~guard.removes;
    }
    return left;
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
        return variable ? this.valueAt(variable, node, node.range[0]) : null;
      }
      case T.MemberExpression:
        return this.member(node);
      case T.CallExpression:
      case T.NewExpression:
        return this.call(node);
      case T.TemplateLiteral:
        return withoutRedirectWhenFixedOrigin(
          this.sourceCode,
          node,
          // (Only a part at the start, after nothing but separators, can make the path absolute: `` `/${name}` ``.)
          asText(union(node.expressions.map((e, i) => (i === 0 && onlySeparators(node.quasis[0]!.value.cooked) ? this.taintOf(e) : without(this.taintOf(e), Danger.wholePath))))),
          this.standIn,
        );
      case T.TaggedTemplateExpression:
        return null;
      case T.BinaryExpression:
        if (node.operator !== '+') return null;
        return withoutRedirectWhenFixedOrigin(
          this.sourceCode,
          node,
          asText(union([this.taintOf(node.left), isSeparatorText(node.left) ? this.taintOf(node.right) : without(this.taintOf(node.right), Danger.wholePath)])),
          this.standIn,
        );
      case T.LogicalExpression:
        return union([this.taintOf(node.left), this.taintOf(node.right)]);
      case T.ConditionalExpression:
        return union([this.taintOf(node.consequent), this.taintOf(node.alternate)]);
      case T.AwaitExpression:
        return this.taintOf(node.argument);
      case T.ObjectExpression:
        return union(
          node.properties.map((p) => (p.type === T.SpreadElement ? this.taintOf(p.argument) : p.value.type === T.AssignmentPattern ? null : this.taintOf(p.value))),
        );
      case T.ArrayExpression:
        return union(node.elements.map((e) => (e === null ? null : e.type === T.SpreadElement ? this.taintOf(e.argument) : this.taintOf(e))));
      case T.SpreadElement:
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

  /** The request properties of `req` in the handler around `node`: a Node server's or Express's. */
  private requestTable(node: Node): Readonly<Record<string, number>> {
    return this.handlerTable(this.handlers.enclosing(node));
  }

  private readonly adaptedTables = new Map<string, Readonly<Record<string, number>>>();

  /**
   * The request properties of `handler`'s request: a Node server's, Express's, or, for a controller a route adapter
   * hands an object (`adapted`), those of Express's it copies there (`{ body: req.body, query: req.query }`).
   */
  private handlerTable(handler: RequestHandler | null): Readonly<Record<string, number>> {
    if (handler?.kind === 'node-server') return NODE_REQUEST_PROPERTIES;
    if (handler?.kind !== 'adapted' || !handler.requestKeys) return REQUEST_PROPERTIES;
    const key = handler.requestKeys.join(',');
    let table = this.adaptedTables.get(key);
    if (!table) {
      table = Object.fromEntries(handler.requestKeys.filter((k) => Object.hasOwn(REQUEST_PROPERTIES, k)).map((k) => [k, REQUEST_PROPERTIES[k]!]));
      this.adaptedTables.set(key, table);
    }
    return table;
  }

  private expressMembers: Readonly<Record<string, number>> | undefined;

  /**
   * What the values of Express's request properties carry when less than the property itself, as the app's query
   * parser makes `req.query` (`SIMPLE_QUERY_MEMBER_DANGERS`); nothing for a Node server's request.
   */
  private memberTable(table: Readonly<Record<string, number>>): Readonly<Record<string, number>> {
    if (table === NODE_REQUEST_PROPERTIES) return NO_MEMBER_DANGERS;
    this.expressMembers ??= this.queryObjects() ? NO_MEMBER_DANGERS : SIMPLE_QUERY_MEMBER_DANGERS;
    return this.expressMembers;
  }

  /**
   * The data at `path` of the request (`['query']` is `req.query`, `['query', 'id']` its value `id`), from `table`:
   * a property keeps what its values carry (`members`), a value carries that.
   */
  private requestEntry(table: Readonly<Record<string, number>>, path: readonly string[], source: string): Tainted | null {
    const key = path[0]!;
    let danger = Object.hasOwn(table, key) ? table[key]! : 0;
    const members = this.memberTable(table);
    const memberDanger = Object.hasOwn(members, key) ? members[key]! : undefined;
    if (memberDanger !== undefined && path.length > 1) danger &= memberDanger;
    if (!danger) return null;
    return memberDanger !== undefined && path.length === 1 && (memberDanger & danger) !== danger ? { danger, source, members: memberDanger & danger } : { danger, source };
  }

  /**
   * A GraphQL argument that the schema types without `danger` (an `Int`, a `Boolean`, an enum), read as it was given:
   * `args.limit` or a destructured `{ limit }`, never written again.
   */
  typedArgumentRulesOut(node: Node, danger: number): boolean {
    if (!this.mayHoldResolvers()) return false;
    const inner = unwrap(node);
    let resolver: GraphqlResolver | null = null;
    let key: string | null = null;
    if (inner.type === T.MemberExpression) {
      resolver = this.graphqlArgumentsOf(inner.object);
      key = staticKey(inner);
    } else if (inner.type === T.Identifier) {
      const variable = this.variableOf(inner);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Parameter' || !isFunction(def.node) || variable!.references.some((r) => r.isWrite())) return false;
      resolver = this.handlers.handlerOf(def.node)?.graphql ?? null;
      const param = resolver ? def.node.params[resolver.index] : undefined;
      const path = param && param !== def.name && contains(param, def.name) ? patternPath(def.name as TSESTree.Identifier, param) : null;
      key = path?.length === 1 ? path[0]! : null;
    }
    const type = key === null ? undefined : resolver?.args?.get(key);
    return type !== undefined && (type & danger) === 0;
  }

  private hasResolvers: boolean | undefined;

  /** Some handler of the file is a GraphQL resolver (most files have none: asked once, before any variable is looked up). */
  private mayHoldResolvers(): boolean {
    this.hasResolvers ??= this.handlers.list.some((h) => h.graphql !== undefined);
    return this.hasResolvers;
  }

  /** The resolver whose whole arguments parameter `node` is (`args` of `(parent, args) => …`), else `null`. */
  private graphqlArgumentsOf(node: Node): GraphqlResolver | null {
    if (!this.mayHoldResolvers()) return null;
    const inner = unwrap(node);
    const variable = inner.type === T.Identifier ? this.variableOf(inner) : null;
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || !isFunction(def.node)) return null;
    const resolver = this.handlers.handlerOf(def.node)?.graphql;
    const param = resolver ? def.node.params[resolver.index] : undefined;
    return resolver && param && variable!.references.every((r) => !r.isWrite()) && (param === def.name || (param.type === T.AssignmentPattern && param.left === def.name)) ? resolver : null;
  }

  private member(node: TSESTree.MemberExpression): Tainted | null {
    const key = staticKey(node);
    if (this.handlers.roleOf(node.object) === 'req') {
      return key === null ? null : this.requestEntry(this.requestTable(node), [key], this.sourceCode.getText(node));
    }
    // `req.session.returnTo`: what the file's handlers keep there (`sessionValue`; a file whose text never names the
    // session is not asked).
    this.namesSession ??= this.sourceCode.text.includes(SESSION_PROPERTY);
    const kept = key === null || !this.namesSession ? undefined : this.sessionValue(node, key);
    if (kept !== undefined) return kept;
    // `args.name` of a GraphQL resolver: that argument, as the schema types it.
    const resolver = this.graphqlArgumentsOf(node.object);
    if (resolver) return key === null ? null : graphqlArgument(resolver, key, this.sourceCode.getText(node));
    const whole = this.taintOf(node.object);
    if (!whole || key === 'length') return null;
    // A value of `req.query` under Express 5's simple parser: a string or strings (`Tainted.members`).
    const object = valuesOf(whole);
    if (!object) return null;
    // `const cache = { body: str, key: req.query.v }; cache.body`: the property's own value.
    const literal = key === null ? undefined : this.literalProperty(node.object, key);
    if (literal !== undefined) return literal;
    // `req.body.name`: name the most precise request expression.
    const inner = unwrap(node.object);
    const isSource =
      (inner.type === T.MemberExpression && this.handlers.roleOf(inner.object) === 'req') ||
      (inner.type === T.Identifier && this.isRequestPart(inner));
    // `req.headers.host`, also `headers.host` of `({ headers }, res)` or `const h = req.headers`: the browser writes it
    // from the URL it asks for (`OWN_SITE_HEADERS`).
    const own = key === null ? 0 : ownSiteRemoves(this.requestPathOf(node.object), [key]);
    if (!isSource) return without(object, own);
    return without({ ...object, source: this.sourceCode.getText(node) }, own);
  }

  /**
   * `req.session.<key>` (also `session.<key>` of a local holding `req.session`): a value the app keeps in the session
   * across requests, as a redirect target for after a login (`req.session.returnTo`). It is what the file's request
   * handlers write there (`req.session.returnTo = req.query.next`, any handler, before or after: the session outlives
   * the request), as a redirect target only (`Danger.redirect`): the first write that carries the client's text names
   * it (`req.query.next, kept in req.session.returnTo on line 5`). `null` when every write is the app's own
   * (`req.originalUrl`, `req.url`: a path of the site; a constant) or the file writes none there (what another file
   * writes is not read: as before). `undefined` when `node.object` is not the session.
   */
  private sessionValue(node: TSESTree.MemberExpression, key: string): Tainted | null | undefined {
    const path = this.requestPathOf(node.object);
    if (path?.length !== 1 || path[0] !== SESSION_PROPERTY) return undefined;
    for (const write of this.sessionWrites().get(key) ?? []) {
      // (A helper of another file that keeps it there, `rememberReturn(req)`: its summary says what.)
      if (!('type' in write)) {
        return { danger: Danger.redirect, source: `${write.write.source}, kept in ${write.write.target} by '${write.helper}' (${write.file}:${write.write.line})` };
      }
      const taint = this.taintOf(write.right);
      if (taint && (taint.danger & Danger.redirect) !== 0) {
        return { danger: Danger.redirect, source: `${taint.source}, kept in ${this.sourceCode.getText(node)} on line ${lineOf(write)}` };
      }
    }
    return null;
  }

  private sessionWritten: Map<string, SessionWriteOf[]> | undefined;
  private namesSession: boolean | undefined;

  /**
   * The writes of `req.session.<key> = value` (`=`, `||=`, `??=`, through TypeScript's casts) of the file's request
   * handlers, by key, found once per file through the references of each handler's `req` parameter (written as a
   * name); and the writes of request data that a function of another file of the package makes in the session of the
   * request a handler hands it (`rememberReturn(req)` with `req.session.returnTo = req.query.next` in
   * `middleware/auth.js`: `FunctionSummary.sessionWrites`).
   */
  private sessionWrites(): ReadonlyMap<string, readonly SessionWriteOf[]> {
    if (this.sessionWritten) return this.sessionWritten;
    const found = new Map<string, SessionWriteOf[]>();
    this.sessionWritten = found;
    const add = (name: string, write: SessionWriteOf): void => {
      const list = found.get(name);
      if (list) list.push(write);
      else found.set(name, [write]);
    };
    for (const handler of this.handlers.list) {
      const req = handler.params.req;
      if (req?.type !== T.Identifier) continue;
      for (const ref of this.variableOf(req)?.references ?? []) {
        // (Through TypeScript's casts and `!`: `req.session!.returnTo = …`, `(req.session as any).returnTo = …`,
        // `(req as any).session.returnTo = …`.)
        const id = outermost(ref.identifier);
        const call = id.parent;
        if (call?.type === T.CallExpression && call.arguments.includes(id as TSESTree.CallExpressionArgument)) {
          for (const write of this.sessionWritesElsewhere(call, call.arguments.indexOf(id as TSESTree.CallExpressionArgument))) add(write.write.key, write);
          continue;
        }
        const session = id.parent;
        if (session?.type !== T.MemberExpression || session.object !== id || staticKey(session) !== SESSION_PROPERTY) continue;
        const held = outermost(session);
        const member = held.parent;
        const name = member?.type === T.MemberExpression && member.object === held ? staticKey(member) : null;
        const target = member ? outermost(member) : null;
        const write = target?.parent;
        if (name === null || write?.type !== T.AssignmentExpression || write.left !== target) continue;
        if (!keepsAssignedValue(write)) continue;
        add(name, write);
      }
    }
    return found;
  }

  /** What a function of another file of the package that `call` hands the request (argument `index`) keeps in its session. */
  private sessionWritesElsewhere(call: TSESTree.CallExpression, index: number): SessionWriteElsewhere[] {
    const value = this.model.valueOf(call.callee);
    if (!value?.module.startsWith('.') || value.app) return [];
    const elsewhere = summaryElsewhere(this.model, value, this.sourceCode.visitorKeys);
    const writes = elsewhere?.summary.sessionWrites.filter((write) => write.request === index) ?? [];
    return writes.map((write) => ({ write, helper: helperName(call.callee), file: elsewhere!.file }));
  }

  /**
   * What a part of a redirect's URL stands for when the browser writes it (`withoutRedirectWhenFixedOrigin`): the
   * request's Host header is the site's own host (`` `https://${req.headers.host}/docs/${page}` `` keeps the browser on
   * the site), and Express's `req.protocol` a scheme (`http` or `https`, or what the proxy it trusts forwards).
   */
  private readonly standIn = (node: Node): string | null => {
    if (this.isOwnHost(node, 0)) return 'host';
    const inner = unwrap(node);
    const express = this.handlers.enclosing(inner)?.kind !== 'node-server';
    return express && inner.type === T.MemberExpression && staticKey(inner) === 'protocol' && this.handlers.roleOf(inner.object) === 'req' ? 'https' : null;
  };

  /** `req.headers.host`, `req.get('host')`, also destructured or held in a local written once (`OWN_SITE_HEADERS`). */
  private isOwnHost(node: Node, depth: number): boolean {
    const inner = unwrap(node);
    if ((ownSiteRemoves(this.requestPathOf(inner), []) & Danger.redirect) !== 0) return true;
    if (inner.type === T.CallExpression && inner.callee.type === T.MemberExpression && this.handlers.roleOf(inner.callee.object) === 'req') {
      return (ownSiteHeaderRemoves(staticKey(inner.callee), inner.arguments[0]) & Danger.redirect) !== 0;
    }
    if (inner.type !== T.Identifier || depth > 4) return false;
    const variable = this.variableOf(inner);
    const declarator = variable && soleDeclarator(variable);
    return declarator?.id.type === T.Identifier && this.isOwnHost(declarator.init, depth + 1);
  }

  /**
   * The keys from the handler's request down to what `node` holds (`req` → `[]`, `req.headers` → `['headers']`), read
   * through static members, a destructured request parameter (`({ headers }, res)`) and locals written once (`const h =
   * req.headers`, `const { headers } = req`); `null` when `node` is not known to hold a part of the request.
   */
  private requestPathOf(node: Node, depth = 0): string[] | null {
    const inner = unwrap(node);
    if (depth > 4) return null;
    if (this.handlers.roleOf(inner) === 'req') return [];
    if (inner.type === T.MemberExpression) {
      const key = staticKey(inner);
      const base = key === null ? null : this.requestPathOf(inner.object, depth + 1);
      return base && [...base, key!];
    }
    if (inner.type !== T.Identifier) return null;
    const variable = this.variableOf(inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !def) return null;
    const id = def.name as TSESTree.Identifier;
    if (def.type === 'Parameter' && isFunction(def.node)) {
      const reqParam = this.handlers.handlerOf(def.node)?.params.req;
      return reqParam && reqParam !== id && contains(reqParam, id) ? patternPath(id, reqParam) : null;
    }
    const declarator = soleDeclarator(variable);
    if (!declarator) return null;
    const base = this.requestPathOf(declarator.init, depth + 1);
    const rest = declarator.id === id ? [] : patternPath(id, declarator.id);
    return base && rest && [...base, ...rest];
  }

  /**
   * The value of property `key` when `object` is a local whose every write is an object literal: the property's
   * value (and spreads); `undefined` when that is not known (then the whole object's taint applies).
   */
  private literalProperty(object: Node, key: string): Tainted | null | undefined {
    const inner = unwrap(object);
    if (inner.type !== T.Identifier) return undefined;
    const variable = this.variableOf(inner);
    if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return undefined;
    const literals: TSESTree.ObjectExpression[] = [];
    for (const write of this.writesOf(variable)) {
      const value =
        write.node.type === T.VariableDeclarator
          ? write.node.id.type === T.Identifier ? write.node.init : undefined
          : write.node.type === T.AssignmentExpression && write.node.operator === '=' && write.node.left.type === T.Identifier
            ? write.node.right
            : undefined;
      if (value === null) continue;
      const literal = value ? unwrap(value) : undefined;
      if (literal?.type !== T.ObjectExpression) return undefined;
      literals.push(literal);
    }
    if (literals.length === 0) return undefined;
    // Writes through members (`cache.body = x`) are not followed: then nothing is known.
    if (variable.references.some((r) => r.identifier.parent?.type === T.MemberExpression && isAssigned(r.identifier.parent))) return undefined;
    const parts: (Tainted | null)[] = [];
    for (const literal of literals) {
      for (const prop of literal.properties) {
        // (`{ ...req.query }.name` is a value of the query: `Tainted.members`.)
        if (prop.type === T.SpreadElement) parts.push(valuesOf(this.taintOf(prop.argument)));
        else if (staticKey(prop) === key || staticKey(prop) === null) parts.push(prop.value.type === T.AssignmentPattern ? null : this.taintOf(prop.value));
      }
    }
    return union(parts);
  }

  private call(node: TSESTree.CallExpression | TSESTree.NewExpression): Tainted | null {
    const callee = unwrap(node.callee);
    const first = node.arguments[0];
    const argTaint = (a: TSESTree.CallExpressionArgument | undefined): Tainted | null =>
      a ? this.taintOf(a.type === T.SpreadElement ? a.argument : a) : null;
    if (callee.type === T.MemberExpression) {
      const key = staticKey(callee);
      if (key !== null && node.type === T.CallExpression && this.handlers.roleOf(callee.object) === 'req') {
        // (An adapter's object has no request methods: `httpRequest.get('x')` is the controller's own.)
        const danger = this.handlers.enclosing(node)?.kind === 'adapted' || !Object.hasOwn(REQUEST_METHODS, key) ? 0 : REQUEST_METHODS[key];
        if (!danger) return null;
        // `req.get('host')`: the browser writes it from the URL it asks for (`OWN_SITE_HEADERS`).
        return without({ danger, source: this.sourceCode.getText(node) }, ownSiteHeaderRemoves(key, first));
      }
    }
    const removes = this.sanitizerRemoves(node);
    if (removes !== undefined) {
      if (removes === 'all' || !first || first.type === T.SpreadElement) return null;
      return without(this.taintOf(first), removes);
    }
    const global = callee.type === T.Identifier && this.isGlobal(callee) ? callee.name : null;
    const value = global === null ? this.model.valueOf(callee) : undefined;
    for (const row of PROPAGATING_CALLS) {
      const matches = row.global !== undefined ? row.global === global : pathEquals(value, row.module!, row.path!);
      if (!matches) continue;
      // `url.parse(req.url, true).query` in an Express handler: the query string the client sent.
      const url = first && first.type !== T.SpreadElement ? unwrap(first) : null;
      if (row.parsesUrl && url?.type === T.MemberExpression && EXPRESS_URL_PROPERTIES.has(staticKey(url) ?? '') && this.handlers.roleOf(url.object) === 'req') {
        return this.taintOf(url) ?? { danger: STRING_DANGER, source: this.sourceCode.getText(url) };
      }
      const taint = row.allArguments ? union(node.arguments.map(argTaint)) : argTaint(first);
      return row.text ? asText(taint) : taint;
    }
    for (const row of MARKDOWN_RENDERERS) {
      if (!pathEquals(value, row.module, row.path)) continue;
      if (row.checkOption && !this.rendererAllowsHtml(callee, row.checkOption)) return null;
      const taint = argTaint(first);
      return taint && taint.danger & Danger.xss ? { ...taint, danger: Danger.xss } : null;
    }
    if (callee.type === T.MemberExpression && MARKDOWN_PIPELINES.run.has(staticKey(callee) ?? '') && this.pipelineKeepsHtml(callee.object)) {
      const taint = argTaint(first);
      return taint && taint.danger & Danger.xss ? { ...taint, danger: Danger.xss } : null;
    }
    // `path.join(...)`, also a named import (`import { join } from 'node:path'`, `const { resolve } = require('path')`).
    if (value?.module === 'path' && value.path.length === 1 && PATH_PROPAGATORS.has(value.path[0]!)) {
      // \`path.join(root, path.normalize(p).replace(/^(\.\.(\/|\\|$))+/, ''))\`: a part with no \`..\` segment left,
      // joined after another, stays under it.
      const join = value.path[0] === 'join';
      const built = asText(union(node.arguments.map((a, i) => (join && i > 0 && this.stripsParentSegments(a) ? without(argTaint(a), Danger.path | Danger.wholePath) : argTaint(a)))));
      // (Its `..` segments resolved: the path may leave the folder with none left for `res.sendFile` to refuse.)
      return built && built.danger & Danger.path ? { ...built, danger: built.danger | Danger.wholePath } : built;
    }
    if (callee.type === T.MemberExpression) {
      const key = staticKey(callee);
      const object = unwrap(callee.object);
      if (object.type === T.Identifier && this.isGlobal(object)) {
        if (object.name === 'JSON' && key === 'parse' && first && first.type !== T.SpreadElement) {
          const inner = this.taintOf(first);
          return inner ? { ...inner, danger: inner.danger | Danger.nosql } : null;
        }
        // JSON text keeps `<`, `'` and regex syntax, but quotes a value: no path or URL of its own.
        if (object.name === 'JSON' && key === 'stringify') return without(argTaint(first), Danger.nosql | Danger.path | Danger.wholePath | Danger.redirect);
        // `Object.assign({}, req.body)`
        if (object.name === 'Object' && key === 'assign') return union(node.arguments.map(argTaint));
        // `Object.values(req.query)`, `Object.entries(req.body)`: the object's data in an array (its keys are text).
        if (object.name === 'Object' && (key === 'values' || key === 'entries' || key === 'fromEntries')) return argTaint(first);
        if (object.name === 'Object' && key === 'keys') return without(argTaint(first), Danger.nosql);
        if (object.name === 'Array' && (key === 'from' || key === 'of')) return union(node.arguments.map(argTaint));
        if (object.name === 'Promise' && key === 'resolve') return argTaint(first);
      }
      if (key === 'then' && first && first.type !== T.SpreadElement) {
        // `promise.then(v => sink(v))` is read through the parameter; the chain holds what the callback returns.
        const fn = this.handlers.localFunction(first);
        return fn ? this.returnedBy(fn, null) : null;
      }
      if (key !== null && STRING_PROPAGATORS.has(key)) {
        const parts = [this.taintOf(callee.object)];
        if (key === 'concat') for (const a of node.arguments) parts.push(argTaint(a));
        return asText(union(parts));
      }
      if (key === 'replace' || key === 'replaceAll') {
        // The replacement can bring request data too.
        return asText(union([this.taintOf(callee.object), argTaint(node.arguments[1])]));
      }
      if (key === 'split') return without(this.taintOf(callee.object), Danger.nosql);
      if (key !== null && OBJECT_READERS.has(key)) {
        const owner = this.taintOf(callee.object);
        if (owner) return owner;
      }
    }
    // A local helper: what it returns for these arguments.
    if (node.type === T.CallExpression) {
      const fn = this.handlers.localFunction(callee);
      if (fn && !this.handlers.handlerOf(fn)) return this.returnedBy(fn, node);
      return this.returnedElsewhere(node, value);
    }
    return null;
  }

  /**
   * Cross-file: a function of another module of the package that returns request data read from the request it is
   * given (`exports.nextOf = (req) => req.query.next`), called with this handler's request: that data, named with
   * the helper and its file. One that returns a parameter, as it is or in text or an object built from it
   * (`exports.greet = (name) => '<p>Hello ' + name + '</p>'`): what the argument carries, less what the way removes.
   */
  private returnedElsewhere(node: TSESTree.CallExpression, value: ReturnType<ExpressModel['valueOf']>): Tainted | null {
    if (!value || value.app || !value.module.startsWith('.')) return null;
    // A call with no argument gives the helper neither the request nor a parameter to return: its file is not parsed
    // to find out what it returns (`this.healthCheckService.healthCheck()`, most calls of a Nest service).
    if (node.arguments.length === 0) return null;
    const elsewhere = summaryElsewhere(this.model, value, this.sourceCode.visitorKeys);
    if (!elsewhere) return null;
    const parts: (Tainted | null)[] = [];
    const returns = elsewhere.summary.returns;
    const arg = returns ? node.arguments[returns.param] : undefined;
    if (returns && arg && arg.type !== T.SpreadElement && this.handlers.roleOf(arg) === 'req') {
      parts.push({ danger: returns.danger, source: `${returns.source}, from '${helperName(node.callee)}' (${elsewhere.file}:${returns.line})` });
    }
    for (const returned of elsewhere.summary.returnsParameters) {
      const passed = node.arguments[returned.param];
      const taint = passed && passed.type !== T.SpreadElement ? this.taintOf(passed) : null;
      const danger = taint ? taint.danger & returned.danger : 0;
      if (danger) parts.push({ ...taint!, danger, source: `${taint!.source}, through '${helperName(node.callee)}' (${elsewhere.file}:${returned.line})` });
    }
    return union(parts);
  }

  /** `markdownit({ html: true })`: the option of the call that created the renderer. */
  private rendererAllowsHtml(callee: Node, option: string): boolean {
    if (callee.type !== T.MemberExpression) return false;
    const creation = this.model.valueOf(callee.object)?.node;
    const call = creation ? unwrap(creation) : null;
    if (call?.type !== T.CallExpression && call?.type !== T.NewExpression) return false;
    const view = this.model.options(call.arguments[0]);
    if (view === 'unknown') return false;
    const value = view.get(option);
    return value.kind === 'set' && value.node.type === T.Literal && value.node.value === true;
  }

  /**
   * `unified().use(a).use(b, options)…` (through `const`s): whether it is a unified / remark pipeline whose plugins
   * let the markdown's raw HTML into the output, without `rehype-sanitize` (`MARKDOWN_PIPELINES`).
   */
  private pipelineKeepsHtml(start: Node): boolean {
    const plugins: { module: string; options: TSESTree.CallExpressionArgument | undefined }[] = [];
    let current: Node = unwrap(start);
    for (let steps = 0; steps < 40; steps++) {
      if (current.type === T.Identifier) {
        const origin = this.model.valueOf(current)?.node;
        if (!origin || origin === current) return false;
        current = unwrap(origin);
        continue;
      }
      if (current.type !== T.CallExpression) return false;
      const callee = unwrap(current.callee);
      if (callee.type === T.MemberExpression && staticKey(callee) === 'use') {
        const plugin = current.arguments[0];
        const module = plugin && plugin.type !== T.SpreadElement ? this.model.valueOf(plugin)?.module : undefined;
        if (module) plugins.push({ module, options: current.arguments[1] });
        current = unwrap(callee.object);
        continue;
      }
      const root = this.model.valueOf(callee);
      if (!MARKDOWN_PIPELINES.roots.some((r) => pathEquals(root, r.module, [...r.path.slice(0, -1)]))) return false;
      break;
    }
    if (plugins.some((p) => MARKDOWN_PIPELINES.sanitizers.has(p.module))) return false;
    const optionIs = (plugin: (typeof plugins)[number] | undefined, option: string, expected: boolean): boolean => {
      if (!plugin?.options || plugin.options.type === T.SpreadElement) return false;
      const view = this.model.options(plugin.options);
      if (view === 'unknown') return false;
      const set = view.get(option);
      return set.kind === 'set' && set.node.type === T.Literal && set.node.value === expected;
    };
    return MARKDOWN_PIPELINES.rawHtml.some((row) => {
      const plugin = plugins.find((p) => p.module === row.module);
      if (!plugin) return false;
      if (!row.option) return true;
      if (!optionIs(plugin, row.option, row.value!)) return false;
      return !row.also || optionIs(plugins.find((p) => p.module === row.also), row.option, row.value!);
    });
  }

  /** What a local function returns; at a call, a value that comes through a parameter is that call's argument. */
  private returnedBy(fn: FunctionNode, call: TSESTree.CallExpression | null): Tainted | null {
    const parts: (Tainted | null)[] = [];
    for (const ret of this.returnsOf(fn)) {
      const taint = this.taintOf(ret);
      if (taint?.helper?.fn === fn) {
        const arg = call?.arguments[taint.helper.index];
        const passed = arg && arg.type !== T.SpreadElement ? this.taintOf(arg) : null;
        parts.push(passed && passed.danger & taint.danger ? { ...passed, danger: passed.danger & taint.danger } : null);
      } else {
        parts.push(taint);
      }
    }
    return union(parts);
  }

  /** The returned expressions of a function (an arrow's expression body), not those of nested functions. */
  private returnsOf(fn: FunctionNode): Node[] {
    const known = this.returns.get(fn);
    if (known) return known;
    const found = returnedExpressions(this.sourceCode.visitorKeys, fn);
    this.returns.set(fn, found);
    return found;
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

  /**
   * The value of `variable` at `ref` (offset `pos`): the writes before it back to the last one that always runs
   * before it, plus writes later in a loop around it and writes from other functions. A use inside a closure sees
   * every write.
   */
  private valueAt(variable: Variable, ref: Node, pos: number): Tainted | null {
    const writes = this.writesOf(variable);
    const home = variable.scope.variableScope.block;
    const parts: (Tainted | null)[] = [];
    if (functionOf(ref) !== home) {
      for (const w of writes) parts.push(this.writeValue(w));
      parts.push(this.paramValue(variable));
      return union(parts);
    }
    const loops: Node[] = [];
    for (let current: Node | undefined = ref.parent; current && current !== home; current = current.parent) {
      if (isLoop(current)) loops.push(current);
    }
    let last = -1;
    for (let i = 0; i < writes.length; i++) {
      const w = writes[i]!;
      if (w.scope !== home) parts.push(this.writeValue(w));
      else if (w.end <= pos) last = i;
      else if (loops.some((loop) => contains(loop, w.node))) parts.push(this.writeValue(w));
    }
    // Compute the earlier writes first, in order, so that `s += x` repeated a thousand times does not recurse a
    // thousand deep.
    for (let i = this.warmed.get(variable) ?? 0; i < last; i++) {
      this.warmed.set(variable, i + 1);
      this.writeValue(writes[i]!);
    }
    let dominated = false;
    for (let i = last; i >= 0; i--) {
      const w = writes[i]!;
      if (w.scope !== home) continue;
      parts.push(this.writeValue(w));
      // (`if (next) next = safe(next)`: where the test fails, the earlier writes left nothing in `next`.)
      if (dominates(w.node, ref, (test) => presenceTest(test, (id) => this.variableOf(id) === variable))) {
        dominated = true;
        break;
      }
    }
    if (!dominated) parts.push(this.paramValue(variable));
    return union(parts);
  }

  private writeValue(write: Write): Tainted | null {
    const known = this.writeValues.get(write);
    if (known === IN_PROGRESS) return null;
    if (known !== undefined) return known;
    this.writeValues.set(write, IN_PROGRESS);
    const result = write.value();
    this.writeValues.set(write, result);
    return result;
  }

  /** Every write of a variable, in source order, computed once. */
  private writesOf(variable: Variable): Write[] {
    const known = this.writes.get(variable);
    if (known) return known;
    const list: Write[] = [];
    this.writes.set(variable, list);
    for (const def of variable.defs) {
      if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator) continue;
      const declarator = def.node;
      const id = def.name as TSESTree.Identifier;
      const loop = declarator.parent?.parent;
      if (!declarator.init && (loop?.type === T.ForOfStatement || loop?.type === T.ForInStatement) && loop.left === declarator.parent) {
        const right = loop.right;
        list.push({ node: declarator, end: declarator.range[1], scope: functionOf(declarator), value: () => (loop.type === T.ForOfStatement ? this.taintOf(right) : null) });
        continue;
      }
      const init = declarator.init;
      list.push({
        node: declarator,
        end: declarator.range[1],
        scope: functionOf(declarator),
        value: () => (init ? this.throughPattern(init, patternPath(id, declarator.id)) : null),
      });
    }
    for (const ref of variable.references) {
      const pushed = ref.isRead() ? pushCall(ref.identifier as TSESTree.Identifier) : null;
      if (pushed) {
        // `list.push(req.query.x)`: the list holds what it held before and what is pushed.
        list.push({
          node: pushed,
          end: pushed.range[1],
          scope: functionOf(pushed),
          value: () =>
            union([
              this.valueAt(variable, pushed, pushed.range[0]),
              ...pushed.arguments.map((a) => this.taintOf(a.type === T.SpreadElement ? a.argument : a)),
            ]),
        });
        continue;
      }
      if (!ref.isWrite() || ref.init) continue;
      const id = ref.identifier as TSESTree.Identifier;
      const target = assignmentTarget(id);
      const assignment = target?.parent;
      if (assignment?.type === T.AssignmentExpression) {
        const right = assignment.right;
        const path = patternPath(id, target);
        const op = assignment.operator;
        list.push({
          node: assignment,
          end: assignment.range[1],
          scope: functionOf(assignment),
          value: () => {
            if (op === '=') return this.throughPattern(right, path);
            if (op === '+=' || op === '||=' || op === '??=') {
              const before = this.valueAt(variable, assignment, assignment.range[0]);
              return op === '+=' ? asText(union([before, this.taintOf(right)])) : union([before, this.taintOf(right)]);
            }
            return null;
          },
        });
      } else {
        // `for (x of list)`, `x++`: a loop binding holds the list's data; an update holds a number.
        const loop = id.parent;
        const node = loop ?? id;
        list.push({
          node,
          end: id.range[1],
          scope: functionOf(id),
          value: () => (loop?.type === T.ForOfStatement && loop.left === id ? this.taintOf(loop.right) : null),
        });
      }
    }
    list.sort((a, b) => a.end - b.end);
    return list;
  }

  private isRequestPart(id: TSESTree.Identifier): boolean {
    const variable = this.variableOf(id);
    return variable !== null && this.requestParts.has(variable);
  }

  /** A parameter's value: a handler's destructured request, or what the callers of a local helper pass. */
  private paramValue(variable: Variable): Tainted | null {
    const known = this.paramValues.get(variable);
    if (known === IN_PROGRESS) return null;
    if (known !== undefined) return known;
    this.paramValues.set(variable, IN_PROGRESS);
    const parts: (Tainted | null)[] = [];
    for (const def of variable.defs) {
      if (def.type !== 'Parameter' || !isFunction(def.node)) continue;
      const fn = def.node;
      const id = def.name as TSESTree.Identifier;
      // NestJS hook: `@Body() dto`, `@Query('next') next` are request data.
      const nest = nestParameterData(id, REQUEST_PROPERTIES, this.memberTable(REQUEST_PROPERTIES), Danger.nosql);
      if (nest) {
        parts.push(nest);
        continue;
      }
      // `@Next() next` of `const Next = createParamDecorator((data, ctx) => ctx.switchToHttp().getRequest().query.next)`:
      // what the callback returns, named as the handler's code names it.
      const factory = nestParameterFactory(id);
      if (factory) {
        const returned = union(this.returnsOf(factory).map((r) => this.taintOf(r)));
        if (returned) parts.push({ danger: returned.danger, source: id.name });
        continue;
      }
      // `@RawBody() body` of a decorator of another file whose callback returns `ctx.switchToHttp().getRequest().body`:
      // that part of the request (as `req.body` is read here, Express 5's query values too), named as the handler names it.
      const path = nestParameterRequest(id);
      if (path) {
        parts.push(this.requestEntry(REQUEST_PROPERTIES, path, id.name));
        continue;
      }
      const handler = this.handlers.handlerOf(fn);
      if (handler) {
        // A GraphQL resolver's arguments (`args`, `{ id, input }`): what the client sent, as the schema types it.
        if (handler.graphql) {
          const param = fn.params[handler.graphql.index];
          const whole = param && (param === id || (param.type === T.AssignmentPattern && param.left === id));
          if (whole) {
            parts.push(graphqlArguments(handler.graphql, id.name));
            continue;
          }
          const path = param && contains(param, id) ? patternPath(id, param) : null;
          if (path && path.length > 0) parts.push(graphqlArgument(handler.graphql, path[0]!, id.name));
          continue;
        }
        // A Passport verify callback's `username` / `password`: what the strategy read from the body, as it was sent.
        const field = handler.fields?.find((f) => fn.params[f.index] === id);
        if (field) {
          parts.push(this.requestEntry(REQUEST_PROPERTIES, field.path, field.source));
          continue;
        }
        const reqParam = handler.params.req;
        if (reqParam && reqParam !== id && contains(reqParam, id)) {
          const path = patternPath(id, reqParam);
          const table = this.handlerTable(handler);
          const entry = path && path.length > 0 ? this.requestEntry(table, path, id.name) : null;
          // Named as written: `({ query }, res) => res.redirect(query.to)` reports `query.to`. The Host header
          // (`({ headers: { host } }, res)`) does not redirect (`OWN_SITE_HEADERS`).
          if (entry) {
            parts.push(without(entry, ownSiteRemoves(path, [])));
            this.requestParts.add(variable);
          }
        }
        continue;
      }
      const index = fn.params.findIndex((p) => p === id || (p.type === T.AssignmentPattern && p.left === id));
      if (index < 0) {
        // `.then(v => …)`: the callback's first parameter holds what the promise resolves to.
        const parent = fn.parent;
        if (fn.params[0] && contains(fn.params[0], id) && parent?.type === T.CallExpression && parent.arguments[0] === fn) {
          parts.push(this.thenValue(parent));
        }
        continue;
      }
      const callee = fn.parent?.type === T.CallExpression && fn.parent.arguments[0] === fn ? fn.parent : null;
      if (index === 0 && callee) {
        parts.push(this.thenValue(callee));
        continue;
      }
      const name = fn.type === T.FunctionDeclaration ? fn.id?.name : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id.name : undefined;
      if (!name) continue;
      const passed = union(
        this.handlers.callsOf(fn).map((call) => {
          const arg = call.arguments[index];
          return arg && arg.type !== T.SpreadElement ? this.taintOf(arg) : null;
        }),
      );
      if (passed) parts.push({ danger: passed.danger, source: passed.source, helper: { fn, index, name } });
    }
    const result = union(parts);
    this.paramValues.set(variable, result);
    return result;
  }

  /**
   * `p.then(v => …)`: the value `p` resolves to (request data in a promise keeps its data); `list.map(x => …)`,
   * `forEach`, `filter`, …: an element of the list.
   */
  private thenValue(call: TSESTree.CallExpression): Tainted | null {
    const callee = unwrap(call.callee);
    const key = callee.type === T.MemberExpression ? staticKey(callee) : null;
    if (callee.type !== T.MemberExpression || key === null || !VALUE_CALLBACK_METHODS.has(key)) return null;
    return this.taintOf(callee.object);
  }

  /** The taint of what a pattern binds at `path` inside `init` (`const { body: { id } } = req`). */
  private throughPattern(init: Node, path: string[] | null): Tainted | null {
    if (path === null) return this.taintOf(init);
    // `const { host } = req.headers`, `const { headers: { host } } = req`: the Host header (`OWN_SITE_HEADERS`).
    const own = path.length > 0 ? ownSiteRemoves(this.requestPathOf(init), path) : 0;
    if (path.length > 0 && this.handlers.roleOf(init) === 'req') {
      return without(this.requestEntry(this.requestTable(init), path, `${this.sourceCode.getText(unwrap(init))}.${path.join('.')}`), own);
    }
    // `const { name } = args` in a GraphQL resolver: that argument.
    const resolver = path.length > 0 ? this.graphqlArgumentsOf(init) : null;
    if (resolver) return graphqlArgument(resolver, path[0]!, `${this.sourceCode.getText(unwrap(init))}.${path.join('.')}`);
    const whole = this.taintOf(init);
    const taint = path.length > 0 ? valuesOf(whole) : whole;
    // `const { id } = req.query`: name `req.query.id`.
    if (taint && path.length > 0 && taint.source === this.sourceCode.getText(unwrap(init))) {
      return without({ ...taint, source: `${taint.source}.${path.join('.')}` }, own);
    }
    return without(taint, own);
  }
}

/** The danger each kind of trusted check rules out (`settings['secure-express'].checks`). */
const TRUSTED_CHECK_DANGERS: Readonly<Record<TrustedCheck, number>> = { redirect: Danger.redirect, path: Danger.path | Danger.wholePath, xss: Danger.xss, nosql: Danger.nosql };

/** The dangers the checks the project trusts rule out for `call`, by the name it gives its callee (`f(x)`, `a.b.f(x)`). */
function trustedCheckRemoves(checks: PluginSettings['checks'], call: TSESTree.CallExpression): number {
  const callee = unwrap(call.callee);
  const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? staticKey(callee) : null;
  if (name === null) return 0;
  let removes = 0;
  for (const kind of Object.keys(TRUSTED_CHECK_DANGERS) as TrustedCheck[]) if (checks[kind].includes(name)) removes |= TRUSTED_CHECK_DANGERS[kind];
  return removes;
}

/** The function (or Program) whose code `node` is. */
function functionOf(node: Node): Node {
  let current: Node = node;
  while (current.parent) {
    current = current.parent;
    if (isFunction(current)) return current;
  }
  return current;
}

/** True when `write` runs whenever `ref` runs after it: no branch, loop body, `try` or callback holds it alone. */
function dominates(write: Node, ref: Node, presence?: (test: Node) => boolean | null): boolean {
  for (let current: Node = write; current.parent; current = current.parent) {
    if (isFunction(current)) return contains(current, ref);
    const parent: Node = current.parent;
    let conditional = false;
    switch (parent.type) {
      case T.IfStatement: {
        conditional = current !== parent.test;
        // A write in the branch taken when the variable holds a value (`if (next) next = safe(next)`, `if (next !==
        // undefined)`, the `else` of `if (!next)`): where the branch is not taken, it holds nothing (`undefined`, `null`,
        // `''`, `0`), which no sink can be harmed by, so the earlier writes need not be read.
        const present = conditional && presence ? presence(parent.test) : null;
        if (present !== null && (current === parent.consequent) === present) conditional = false;
        break;
      }
      case T.ConditionalExpression:
      case T.SwitchCase:
        conditional = current !== parent.test;
        break;
      case T.LogicalExpression:
        conditional = current === parent.right;
        break;
      case T.ForStatement:
        conditional = current !== parent.init;
        break;
      case T.ForInStatement:
      case T.ForOfStatement:
      case T.WhileStatement:
        conditional = current === parent.body;
        break;
      case T.TryStatement:
        // A write in the \`try\` block runs whenever code after the whole statement runs when the \`catch\` always leaves
        // (\`try { p = sanitize(p) } catch { return res.status(404).end() }\`): no exception gets past it.
        conditional = current !== parent.finalizer && !(current === parent.block && parent.handler !== null && exits(parent.handler.body) && !contains(parent, ref));
        break;
      case T.AssignmentPattern:
        conditional = current === parent.right;
        break;
      default:
        break;
    }
    if (conditional && !contains(current, ref)) return false;
  }
  return true;
}

/**
 * Whether `test` holds only when a variable (`isVariable`) holds a value: `true` for `v`, `v != null`, `v !== null`,
 * `v !== undefined`; `false` for their negations (`!v`, `v == null`, `v === undefined`); `null` for any other test
 * (`v && ok`, `typeof v === 'string'`: where it fails, `v` may still hold data).
 */
function presenceTest(test: Node, isVariable: (id: TSESTree.Identifier) => boolean): boolean | null {
  const inner = unwrap(test);
  if (inner.type === T.Identifier) return isVariable(inner) ? true : null;
  if (inner.type === T.UnaryExpression && inner.operator === '!') {
    const present = presenceTest(inner.argument, isVariable);
    return present === null ? null : !present;
  }
  if (inner.type !== T.BinaryExpression || !['==', '!=', '===', '!=='].includes(inner.operator)) return null;
  const [name, other] = unwrap(inner.left).type === T.Identifier ? [unwrap(inner.left), unwrap(inner.right)] : [unwrap(inner.right), unwrap(inner.left)];
  if (name.type !== T.Identifier || !isVariable(name)) return null;
  const nothing =
    (other.type === T.Literal && other.value === null && !('regex' in other && other.regex)) ||
    (other.type === T.Identifier && other.name === 'undefined') ||
    (other.type === T.UnaryExpression && other.operator === 'void');
  return nothing ? inner.operator.startsWith('!') : null;
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

/**
 * Every part's dangers; a helper parameter is kept only when every part comes through the same one. The source named
 * is the first part's, unless a later part's text can do more (`https://${req.headers.host}${req.query.next}`: the
 * query, which can also redirect), so that a message names a part that carries the danger it reports.
 */
/** The dangers that decide which part a message names (`union`). */
const NAMED_DANGER = STRING_DANGER & ~Danger.wholePath;

function union(parts: readonly (Tainted | null)[]): Tainted | null {
  let danger = 0;
  let source: string | null = null;
  let sourceDanger = 0;
  let helper: Tainted['helper'] | null | undefined;
  let members = 0;
  for (const part of parts) {
    if (!part) continue;
    danger |= part.danger;
    members |= part.members ?? part.danger;
    // (`wholePath` refines `path`, which a part after another keeps without it: not a danger of its own here.)
    const more = (part.danger & NAMED_DANGER & ~sourceDanger) !== 0 && (sourceDanger & NAMED_DANGER & ~part.danger) === 0;
    if (source === null || (helper && !part.helper) || more) {
      source = part.source;
      sourceDanger = part.danger;
    }
    if (helper === undefined) helper = part.helper ?? null;
    else if (helper !== null && part.helper?.fn !== helper.fn) helper = null;
    else if (helper !== null && part.helper?.index !== helper.index) helper = null;
  }
  if (!danger || source === null) return null;
  const taint: Tainted = helper ? { danger, source, helper } : { danger, source };
  return (members & danger) !== danger ? { ...taint, members: members & danger } : taint;
}

/** What the values of a tainted object carry (`Tainted.members`): `req.query.name` of `req.query`. */
/**
 * A GraphQL resolver's whole arguments object: an object whose keys the schema fixes (never an operator itself), carrying
 * what its arguments carry; nothing when the schema types them all as numbers, booleans or enums.
 */
function graphqlArguments(resolver: GraphqlResolver, text: string): Tainted | null {
  let danger = 0;
  if (resolver.args) for (const value of resolver.args.values()) danger |= value;
  else danger = UNTYPED_ARGUMENT;
  return danger ? { danger, source: `${text} (GraphQL arguments of ${resolver.field})` } : null;
}

/** The argument `key` of a GraphQL resolver, as the schema types it (a string when the schema is not read). */
function graphqlArgument(resolver: GraphqlResolver, key: string, text: string): Tainted | null {
  const danger = resolver.args ? (resolver.args.get(key) ?? 0) : UNTYPED_ARGUMENT;
  return danger ? { danger, source: `${text} (GraphQL argument of ${resolver.field})` } : null;
}

function valuesOf(taint: Tainted | null): Tainted | null {
  if (taint?.members === undefined) return taint;
  const { members, ...rest } = taint;
  const danger = taint.danger & members;
  return danger ? { ...rest, danger } : null;
}

const NO_MEMBER_DANGERS: Readonly<Record<string, number>> = {};

/**
 * The dangers that a header the browser writes from the URL it asks for rules out (`OWN_SITE_HEADERS`), for the request
 * part at `base` (the keys from the request, `requestPathOf`) and then `keys`: `['headers']` + `['host']` is the Host
 * header, whatever the case of its key.
 */
function ownSiteRemoves(base: readonly string[] | null, keys: readonly string[]): number {
  if (!base) return 0;
  const path = [...base, ...keys];
  const header = path.length === 2 && path[0] === 'headers' ? path[1]!.toLowerCase() : '';
  return Object.hasOwn(OWN_SITE_HEADERS, header) ? OWN_SITE_HEADERS[header]! : 0;
}

/** What `OWN_SITE_HEADERS` rules out for `req.<method>(first)` when it reads such a header (`req.get('Host')`). */
function ownSiteHeaderRemoves(method: string | null, first: Node | undefined): number {
  const name = method === 'get' || method === 'header' ? literalString(first)?.toLowerCase() : undefined;
  return name !== undefined && Object.hasOwn(OWN_SITE_HEADERS, name) ? OWN_SITE_HEADERS[name]! : 0;
}

function without(taint: Tainted | null, removes: number): Tainted | null {
  if (!taint) return null;
  const danger = taint.danger & ~removes;
  return danger ? { ...taint, danger } : null;
}

/** Text built from a value cannot be a query operator object. */
function asText(taint: Tainted | null): Tainted | null {
  return without(taint, Danger.nosql);
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

/**
 * The routes of the controller around `node` that importers register through a route adapter (`ExpressModel.adapted`:
 * one per route), else `[]`.
 */
export function enclosingAdapted(model: ExpressModel, node: Node): readonly ExpressModel['handlers'][number][] {
  if (model.adapted.length === 0) return [];
  for (let current: Node | undefined = node; current; current = current.parent) {
    const found = model.adapted.filter((a) => a.fn === current).map((a) => a.handler);
    if (found.length > 0) return found;
  }
  return [];
}

/** `list.push(...)` / `list.unshift(...)` with the list as the object: the call, else null. */
function pushCall(id: TSESTree.Identifier): TSESTree.CallExpression | null {
  const member = id.parent;
  if (member?.type !== T.MemberExpression || member.object !== id) return null;
  const key = staticKey(member);
  if (key !== 'push' && key !== 'unshift') return null;
  const call = member.parent;
  return call?.type === T.CallExpression && call.callee === member && call.arguments.length > 0 ? call : null;
}
