import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { COOKIE_STATE_KEYS, TOKEN_ROUTE_KEYS } from '../data/csrf';
import { QUERY_BUILDER_FRAGMENTS } from '../data/nest';
import { RESPONSE_CHAIN_METHODS } from '../data/express';
import {
  CONTENT_TYPE_METHODS,
  Danger,
  FS_MODULES,
  FS_PATH_FUNCTIONS,
  FS_TWO_PATH_FUNCTIONS,
  HELPER_RESPONSE_SINKS,
  ANY_DANGER,
  MONGO_FILTER_METHODS,
  NON_MONGO_MODULES,
  OWN_SITE_HEADERS,
  PATH_PROPAGATORS,
  PROPAGATING_CALLS,
  REQUEST_METHODS,
  REQUEST_PROPERTIES,
  SQL_METHODS,
  SQL_ORM_OPTION_KEYS,
  SANITIZERS,
  SESSION_PROPERTY,
  SQL_START,
  SQL_FRAGMENT_METHODS,
  STRING_PROPAGATORS,
} from '../data/sinks';
import { elementSource, findVariableOf, isFunction, isNumericType, keepsAssignedValue, isParameterReassigned, isSeparatorText, onlySeparators, soleReturn, someNode, staticKey, unwrap, type FunctionNode, type Node, type Variable } from '../express/ast';
import { findLeak, isClassified, isDevelopmentOnly, SEND_METHODS, type Leak } from '../express/error-details';
import { exits, GuardFinder, readsPresenceOnly, withoutRedirectWhenFixedOrigin } from '../express/guards';
import { isShapedLikeHandler } from '../express/handler-shapes';
import type { ModuleValue } from '../express/model';
import { resolveConst, staticValueOf } from '../express/options';
import { hashedData, isSlowHash, mentionsOf } from '../express/password-hashes';
import { typedParameter } from '../express/typed-roles';
import { checkedReturn } from '../express/validation-calls';
import { caught } from '../util/caught';
import { sqlPosition, type SqlPosition } from '../util/sql-position';
import { lineOf } from '../util/lines';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * What becomes of a path that a parameter's value writes whole on its way to a path sink (`pathParams`): `lost` when it
 * is put after other text (`${DIR}/${name}`), `kept` when it still starts the path (`name`, `${name}/index.html`),
 * `made` when `path.join`/`resolve`/`normalize` builds the path from it (a `..` in it then moves out of the folder).
 */
const enum Whole {
  lost = 0,
  kept = 1,
  made = 2,
}

/** Where a parameter of a function goes: a sink that its callers' arguments reach. */
export type ParamSink =
  /**
   * `res.<method>(param)` on the response parameter `receiver` (`HELPER_RESPONSE_SINKS`); `whole` when the body is
   * the parameter as it is (`res.send(body)`), not text built around it.
   */
  | {
      kind: 'response';
      param: number;
      receiver: number;
      method: string;
      danger: number;
      line: number;
      whole?: boolean;
      /**
       * Dangers the caller's argument must carry all of, besides `danger`: `Danger.wholePath` for a path that a method
       * refusing `..` segments opens as the argument writes it (`res.sendFile(name)`, `res.sendFile(`${name}/x`)`).
       */
      all?: number;
    }
  /** `db.query(param)`: the parameter is the whole SQL text of a query method (`SQL_METHODS`). */
  | { kind: 'sql'; param: number; method: string; danger: number; line: number }
  /**
   * `User.find(param)`, `collection.findOne({ name: param })`: the parameter is a Mongo filter or a value in one; `whole`
   * when it is the filter itself or spread into it (its keys are the filter's).
   */
  | { kind: 'nosql'; param: number; method: string; danger: number; line: number; whole?: boolean }
  /**
   * `db.one("SELECT … '" + param + "'")`: the parameter is a part of SQL text that the function builds (by `+` or a
   * template literal whose leading text reads as SQL) and runs with a query method.
   */
  | { kind: 'sqlPart'; param: number; method: string; danger: number; line: number; position: SqlPosition; reportedThere?: ReportedThere }
  /**
   * `col.find({ $where: `this.x > '${param}'` })`, also through a local closure or `const` that makes the filter
   * (`col.find(criteria())` with `const criteria = () => ({ $where: … })`): the database runs the parameter as JavaScript.
   */
  | { kind: 'where'; param: number; method: string; danger: number; line: number }
  /**
   * `fs.readFile(path.join(UPLOADS, param))`: the parameter is (part of) a path that an `fs` function of
   * `FS_PATH_FUNCTIONS` opens (`method`: as no-path-traversal names it inline, `fs.readFile`, `fs.promises.readFile`).
   */
  | { kind: 'file'; param: number; method: string; danger: number; line: number }
  /** `res.status(500).send(err.stack)`: the error parameter `param` reaches the response parameter `receiver`. */
  | { kind: 'error'; param: number; receiver: number; method: string; leak: Leak; line: number };

/**
 * Request data that the function reads from its parameter `request` (the request its callers pass: `req.query.returnTo`
 * of `(req, res, fallback) => res.redirect(req.query.returnTo || fallback)`, or `query.returnTo` of a destructured
 * `({ query }, res, fallback)`) and hands to a sink, with the dangers the same reading gives inline (`danger`: the
 * sink's, that the data keeps on the way). A sink under a test that mentions the data (or a `const` made from it, or a
 * local that holds a test of it), anywhere in the function, is left out.
 */
export interface RequestSink {
  /** As for `ParamSink`: a response sink, SQL text built here (`sqlPart`), a Mongo filter, a `$where` text, an `fs` path. */
  kind: 'response' | 'sqlPart' | 'nosql' | 'where' | 'file';
  /** The parameter the caller fills with the request. */
  request: number;
  /** The response parameter (`response`). */
  receiver?: number;
  /** As written (`res.redirect` is `redirect`; `db.query`). */
  method: string;
  danger: number;
  /** As written in the function (`req.query.returnTo`). */
  source: string;
  line: number;
  /** Where it stands in the SQL text (`sqlPart`). */
  position?: SqlPosition;
  /** Whether no-sql-injection reports the part in the function's own file, whatever the caller passes (`sqlPart`). */
  reportedThere?: ReportedThere;
}

/**
 * A part of SQL text that no-sql-injection reports in the function's own file, whatever its callers pass: the part is
 * not constant there, so that file gets the one finding, where the fix goes (its SQL text), and a caller's request
 * data adds none (U6). `always`: in a value position and not typed as a number (the default options report it);
 * `checkEveryPart`: anywhere else (a table or column name, a whole fragment, a typed number), reported there only with
 * that option. (Not a TypeORM query builder's fragment: the rule reports only request data in those.)
 */
export type ReportedThere = 'always' | 'checkEveryPart';

/**
 * A parameter handed on, as it is, to a method of an instance the function's class keeps (`this.repo.findRaw(filter)`
 * in `UsersService.search(filter)`, the repository another injected service): what that method does with it is read
 * at the caller that passes request data, one hop further (`helperFindings`), never deeper.
 */
export interface Forward {
  param: number;
  /** The argument of `call` that it is. */
  arg: number;
  call: TSESTree.CallExpression;
  line: number;
}

/** Request data a function returns, read from its parameter `param` (the request its callers pass). */
export interface ReturnedRequestData {
  param: number;
  danger: number;
  /** As written in the function: `req.query.next`. */
  source: string;
  line: number;
}

/**
 * A parameter whose value the function returns, as it is or in what it builds from it (`(q) => q`,
 * `(name) => '<p>Hello ' + name + '</p>'`, `(q) => ({ q })`): a call's result carries what its argument carries,
 * less what the way there removes (`danger`: text holds no query operator, `String(x)` and `encodeURIComponent(x)`
 * remove theirs).
 */
export interface ReturnedParameter {
  param: number;
  /** The dangers of the argument that the result keeps (bits of `Danger`). */
  danger: number;
  line: number;
}

/**
 * A parameter that is (or is part of, through `+`, templates, calls and members) the data of a fast hash:
 * `crypto.createHash('md5').update(param)`, `createHmac(…).update(param)`, `crypto.hash('sha1', param)`.
 */
export interface FastHash {
  param: number;
  /** The crypto function: `createHash`, `createHmac`, `hash`. */
  fn: string;
  /** Its algorithm as written (`md5`), or `…` when it is not known. */
  algorithm: string;
  line: number;
  /** The hashed data is named like a password there (`update(password)`): a finding of that file itself. */
  passwordNamed: boolean;
}

/** The calls of module values in a file, as its own model sees them (`crypto.createHash('md5')`). */
export type ModuleCalls = readonly { node: TSESTree.CallExpression | TSESTree.NewExpression; callee: ModuleValue }[];

/** Module names whose calls a summary reads in its file: `fs` functions (`FS_MODULES`, plain names) and `path`'s builders. */
const FILE_MODULES = new RegExp(`['"\`](?:node:)?(?:path|${[...FS_MODULES].join('|')})['"\`]`, 'u');
const namesFile = new WeakMap<TSESLint.SourceCode, boolean>();

/** Whether a file names `path` or an `fs` module as a string (a module value exists only where its name is written). */
function namesFileModules(sourceCode: TSESLint.SourceCode): boolean {
  let names = namesFile.get(sourceCode);
  if (names === undefined) {
    names = FILE_MODULES.test(sourceCode.text);
    namesFile.set(sourceCode, names);
  }
  return names;
}

/**
 * What a function does with its parameters, computed once per function of a parsed file (the project model keeps a
 * file's parse while its mtime and size hold, so each summary is computed once per version of the file). Rules read
 * it through the Express model (`functionSummaryElsewhere`), never by walking the other file themselves.
 */
export interface FunctionSummary {
  /**
   * Parameters that reach a sink unchanged (directly or through `const` locals; a path also through `path.join`,
   * `path.resolve`, `path.normalize` and text: `pathParams`), under no check of their own.
   */
  sinks: readonly ParamSink[];
  /** Request data it reads from the request its callers pass, that reaches a sink (`RequestSink`). */
  requestSinks: readonly RequestSink[];
  /** Parameters it hands on to a method of an instance its class keeps (`Forward`), under no check of their own. */
  forwards: readonly Forward[];
  /**
   * Its own file takes it for a request handler: a parameter typed with Express's `Request`/`Response` (`typed`), or
   * the shape of one (`shape`: `(req, res)`, `(req, res, next)`, `(err, req, res, next)`, when the handler shapes are
   * on). The request data it reads is then that file's finding, not its callers'.
   */
  handlerLike: 'typed' | 'shape' | null;
  /** Request data it returns from the request its callers pass (`(req) => req.query.next`). */
  returns: ReturnedRequestData | null;
  /**
   * The parameters it returns (`(q) => q`, `(name) => '<p>' + name + '</p>'`, `(q) => ({ q })`), through `const`
   * locals, `||`, `??`, `?:` branches, `await`, templates, `+`, string methods (`trim()`), `String()`,
   * `encodeURIComponent()`, object and array literals. Any other call ends the flow (a sanitizer, a validator, a
   * package's function: what it returns is unknown), and a parameter that a test of the function reads (`if (!valid(q))
   * throw …`, `q ? … : …`) is left out.
   */
  returnsParameters: readonly ReturnedParameter[];
  /** Every value it returns is an object or array literal (`(q) => ({ q })`): `res.send` sends it as JSON. */
  returnsObject: boolean;
  /**
   * Every value it returns is constant text, whatever its parameters and state: a literal, a `const` of its file
   * holding one, or a `?:`, `||`, `??`, `+` or template literal of such text (`return this.client === 'sqlite3' ?
   * "DATETIME('now', ? || ' hours')" : 'DATE_ADD(NOW(), INTERVAL ? HOUR)'`).
   */
  returnsConstantText: boolean;
  /**
   * It reads what cookies carry from its first parameter (the request): `req.cookies`, `req.signedCookies`,
   * `req.session`, `req.user`, `req.isAuthenticated()`, destructured too.
   */
  readsCookieState: boolean;
  /**
   * It reads the cookies or the session themselves (`TOKEN_ROUTE_KEYS`): `readsCookieState` less Passport's user
   * (`req.user`, `req.isAuthenticated()`), which a token authentication before it may have set instead.
   */
  readsSessionOrCookies: boolean;
  /**
   * The parameter that the function's result vouches for: it returns true only when that parameter is in a constant
   * list or equals constants (`(x) => ALLOWED.includes(x)`, `SAFE.has(x)`, `x === 'a' || x === 'b'`); else `null`.
   */
  allowList: number | null;
  /**
   * The parameter that the function's true result checks, and the dangers that rules out: its whole body returns a
   * test that `guards.ts` accepts written inline on that parameter (`typeof u === 'string' && u.startsWith('/') &&
   * !u.startsWith('//')`, an anchored `/^…$/.test(u)`, `Number.isInteger(u)`), read without module values (a
   * package's function in it is unknown) and without lists (those are `allowList`'s, constant ones only); else `null`.
   */
  checks: { param: number; removes: number } | null;
  /**
   * The parameter that the function's false result checks, and the dangers that rules out: a caller's `if
   * (isUnsafe(u)) return …` guards `u` after it. Its whole body returns a test that is false only when the checks
   * accepted inline hold (`!u.startsWith('/') || u.startsWith('//')`, `!ALLOWED.includes(x)` with a constant list), or
   * the same after early exits that return `true` (`if (typeof u !== 'string') return true;`); else `null`.
   */
  rejects: { param: number; removes: number } | null;
  /** It is `async`: its result (what `allowList`, `checks` and `rejects` read) is a promise, a check only where awaited. */
  async: boolean;
  /**
   * The parameter it returns only where a hand-written check of its type or form holds, as `require-input-validation`
   * reads a handler's (`function safeNext(v) { if (typeof v !== 'string' || !v.startsWith('/')) return '/'; return v;
   * }`), every other value it returns being constant (`checkedReturn` in validation-calls.ts); else `null`. A caller's
   * `safeNext(req.query.next)` gives the code a checked value.
   */
  returnsChecked: number | null;
  /**
   * Parameters it hashes with a fast hash (read from `moduleCalls`, the calls of crypto its file makes; none without
   * them). A function that also calls bcrypt, argon2, scrypt or PBKDF2 has none: a fast pre-hash before a slow one.
   */
  fastHashes: readonly FastHash[];
  /**
   * Request data it keeps in the session of the request its callers pass (`req.session.returnTo = req.query.next`,
   * also `||=`, `??=` and through TypeScript's casts), under no test of the data: what a redirect of that key in the
   * caller's file sends the browser to (`SessionWrite`).
   */
  sessionWrites: readonly SessionWrite[];
}

/** A write of request data into the session of the request a parameter holds (`FunctionSummary.sessionWrites`). */
export interface SessionWrite {
  /** The parameter the caller fills with the request. */
  request: number;
  /** The session's key (`returnTo`). */
  key: string;
  danger: number;
  /** As written in the function (`req.query.next`), and the write as written (`req.session.returnTo`). */
  source: string;
  target: string;
  line: number;
}

/** Request data read in the function, and whether a test mentions it (`Summarizer.readRequest`). */
interface RequestRead {
  data: ReturnedRequestData;
  /** Whether `node` is the data as read (the request expression as written, or a `const` it went through). */
  names: (node: Node) => boolean;
}

/** The keys read from a request parameter (`Summarizer.requestPath`). */
interface RequestPath {
  param: number;
  keys: readonly string[];
  /** The parameter's name. */
  root: string;
  /** Read on the parameter as written (`req.query.next`), not through a local. */
  direct: boolean;
  /** How many of `keys` the root's name stands for: 1 for a destructured parameter (`query` of `({ query }, res)`). */
  covered?: number;
}

const summaries = new WeakMap<FunctionNode, FunctionSummary>();
/**
 * Summaries read with their file's module calls (asked through the project model), apart: the project may hold the
 * very parse ESLint made of a linted file, whose functions that file's own rules summarise without them first.
 */
const withModuleCalls = new WeakMap<FunctionNode, FunctionSummary>();
const EMPTY: FunctionSummary = { sinks: [], requestSinks: [], forwards: [], handlerLike: null, returns: null, returnsParameters: [], returnsObject: false, returnsConstantText: false, readsCookieState: false, readsSessionOrCookies: false, allowList: null, checks: null, rejects: null, async: false, returnsChecked: null, fastHashes: [], sessionWrites: [] };

/**
 * The summary of `fn` of `sourceCode` (another file of the package), computed once. `moduleCalls` are the calls of
 * module values of that file (the project model's), for the facts about library calls (`fastHashes`, `fs` paths and
 * `path.join`); without them those facts are empty. A function gives them when first asked: only a function that
 * makes a call named like one of them, in a file that names crypto or one of those modules, asks. Bad input gives an
 * empty summary.
 */
export function functionSummary(
  sourceCode: TSESLint.SourceCode,
  fn: FunctionNode,
  fallbackKeys: VisitorKeys,
  moduleCalls?: ModuleCalls | (() => ModuleCalls),
): FunctionSummary {
  const cache = moduleCalls ? withModuleCalls : summaries;
  let summary = cache.get(fn);
  if (!summary) {
    try {
      summary = new Summarizer(sourceCode, fn, sourceCode.visitorKeys ?? fallbackKeys, moduleCalls ?? []).summary();
    } catch (error) {
      caught(error, 'function summaries: functionSummary');
      summary = EMPTY;
    }
    cache.set(fn, summary);
  }
  return summary;
}

/** Mongo filter methods whose first argument is the filter (the legacy two-argument forms and `where` are left out). */
const FILTER_FIRST = new Set([...MONGO_FILTER_METHODS].filter((m) => !['update', 'findAndModify', 'where', 'aggregate'].includes(m)));

class Summarizer {
  private readonly params = new Map<Variable, number>();
  /**
   * The names a destructured parameter binds, each with the parameter and the key it reads (`query` of `({ query },
   * res)`, `q` of `({ query: q })`): a first-level property with a static key bound to a plain name. A rest element,
   * a default (`{ query = {} }`), a nested pattern or a computed key binds nothing here.
   */
  private readonly destructured = new Map<Variable, { param: number; key: string }>();

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly fn: FunctionNode,
    private readonly keys: VisitorKeys,
    private readonly moduleCallsOf: ModuleCalls | (() => ModuleCalls),
  ) {
    fn.params.forEach((param, i) => {
      const id = param.type === T.AssignmentPattern ? param.left : param;
      if (id.type === T.ObjectPattern) {
        for (const prop of id.properties) {
          if (prop.type !== T.Property || prop.computed || prop.value.type !== T.Identifier) continue;
          const key = staticKey(prop);
          const variable = key === null ? null : findVariableOf(sourceCode, prop.value);
          if (variable) this.destructured.set(variable, { param: i, key: key! });
        }
        return;
      }
      if (id.type !== T.Identifier) return;
      const variable = findVariableOf(sourceCode, id);
      if (variable) this.params.set(variable, i);
    });
  }

  private calls: ModuleCalls | null = null;
  private calleeOf: Map<Node, ModuleValue> | null = null;

  /** The calls of module values of the function's file (asked of the project model when first needed). */
  private get moduleCalls(): ModuleCalls {
    this.calls ??= typeof this.moduleCallsOf === 'function' ? this.moduleCallsOf() : this.moduleCallsOf;
    return this.calls;
  }

  /**
   * The module value that `call` calls (`fs.readFile`, `path.join`), when its name is one of `names`: only then, and
   * only in a file that names `fs` or `path`, are the file's module calls read.
   */
  private moduleCallee(call: TSESTree.CallExpression, names: ReadonlySet<string>): ModuleValue | undefined {
    const callee = unwrap(call.callee);
    const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? staticKey(callee) : null;
    if (name === null || !names.has(name) || !namesFileModules(this.sourceCode)) return undefined;
    if (!this.calleeOf) {
      this.calleeOf = new Map();
      for (const { node, callee: value } of this.moduleCalls) this.calleeOf.set(node, value);
    }
    const value = this.calleeOf.get(call);
    return value && value.path.at(-1) === name ? value : undefined;
  }

  /** `path.join(…)`, `path.resolve(…)`, `path.normalize(…)` (`PATH_PROPAGATORS`): a path that carries its arguments. */
  private isPathBuilder(call: TSESTree.CallExpression): boolean {
    const value = this.moduleCallee(call, PATH_PROPAGATORS);
    return value?.module === 'path' && value.path.length === 1;
  }

  summary(): FunctionSummary {
    const sinks: ParamSink[] = [];
    const requestSinks: RequestSink[] = [];
    const forwards: Forward[] = [];
    const conditionsOf = new Map<Node, readonly Node[]>();
    /** Every test of the function's own code (an `if`'s, a `?:`'s, the left of `&&`). */
    const tests: Node[] = [];
    /** Functions the function's own code passes to a call (`new Promise((ok, ko) => …)`), for `callbackFileSinks`. */
    const callbacks: FunctionNode[] = [];
    const opensFiles = namesFileModules(this.sourceCode);
    const sessionWrites: { write: SessionWrite; read: RequestRead; conditions: readonly Node[] }[] = [];
    const namesSession = this.sourceCode.text.includes(SESSION_PROPERTY);
    this.visit(this.fn, [], (node, conditions) => {
      const test = testOf(node);
      if (test) tests.push(test);
      if (namesSession && node.type === T.AssignmentExpression) {
        const found = this.sessionWrite(node);
        if (found) sessionWrites.push({ ...found, conditions });
      }
      if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
        conditionsOf.set(node, conditions);
        this.callSinks(node, sinks, requestSinks);
        this.forwards(node, forwards);
      }
      if (node.type === T.CallExpression) this.fileSinks(node, sinks, requestSinks);
      if (opensFiles) callbacks.push(...callbackArguments(node));
    });
    this.callbackFileSinks(callbacks, tests, sinks, requestSinks, 0);
    const kept = sinks.filter((sink) => {
      const call = this.sinkCalls.get(sink)!;
      // A path (`fs.readFile(path.join(root, name))`, `res.sendFile(full)`): a test anywhere in the function of the
      // parameter or of a local it went through (`full.startsWith(root)`, an allow list, `const ok = …` tested), as for
      // request data: unknown, say nothing.
      const through = this.pathLocals.get(sink);
      if (through) return !tests.some((t) => this.mentionsThrough(t, (n) => n.type === T.Identifier && through.has(findVariableOf(this.sourceCode, n)!)));
      // A sink under a condition that tests the parameter (an allow list, a check), or after an early exit on one. (What
      // an error holds stays what it holds, whatever is tested of it: `msg.includes('BUSY') ? res.status(503).json({
      // msg }) : …` sends it either way.)
      if (sink.kind !== 'error' && (conditionsOf.get(call) ?? []).some((c) => this.mentions(c, sink.param, sink.kind === 'nosql'))) return false;
      if (sink.kind !== 'error' && this.exitsOnTest(call, sink.param, sink.kind === 'nosql')) return false;
      return !(sink.kind === 'response' && HELPER_RESPONSE_SINKS[sink.method]?.body && this.typedReceivers().has(sink.receiver));
    });
    const keptRequests = requestSinks.filter((sink) => {
      const { call, read } = this.requestSinkReads.get(sink)!;
      // A test of the data anywhere in the function (an allow list, a check, an early exit on one, `ok(u) ? u : '/'`),
      // or a condition of the sink: unknown, say nothing.
      // (Also through a local that holds a check of it: `const ok = ALLOWED.includes(next); if (!ok) return …`.)
      if ([...tests, ...(conditionsOf.get(call) ?? [])].some((t) => this.mentionsThrough(t, read.names, sink.kind === 'nosql'))) return false;
      return !(sink.kind === 'response' && HELPER_RESPONSE_SINKS[sink.method]?.body && this.typedReceivers().has(sink.receiver!));
    });
    // (As a sink's: not under a test of the parameter, nor after an early exit on one.)
    const keptForwards = forwards.filter(
      (forward) => !(conditionsOf.get(forward.call) ?? []).some((c) => this.mentions(c, forward.param, false)) && !this.exitsOnTest(forward.call, forward.param, false),
    );
    const cookieState = this.readsCookieState(COOKIE_STATE_KEYS);
    return {
      sinks: kept,
      requestSinks: keptRequests,
      forwards: keptForwards,
      handlerLike: this.handlerLike(),
      returns: this.returnedRequestData(),
      returnsParameters: this.returnedParameters(),
      returnsObject: this.returnsObject(),
      returnsConstantText: this.returnsConstantText(),
      readsCookieState: cookieState,
      readsSessionOrCookies: cookieState && this.readsCookieState(TOKEN_ROUTE_KEYS),
      allowList: this.allowList(),
      checks: this.checks(),
      rejects: this.rejects(),
      async: this.fn.async,
      // (Not of an async function: its result is a promise.)
      returnsChecked: this.fn.async || this.fn.generator ? null : checkedReturn(this.sourceCode, this.fn, this.returned(), this.params),
      fastHashes: this.fastHashes(),
      // (As a request sink's: not under a test of the data, nor after one anywhere in the function.)
      sessionWrites: sessionWrites.filter(({ read, conditions }) => ![...tests, ...conditions].some((t) => this.mentionsThrough(t, read.names))).map(({ write }) => write),
    };
  }

  /**
   * `req.session.<key> = <request data of req>` (`=`, `||=`, `??=`; through TypeScript's casts and `!`), `req` a
   * parameter, the data read from that same parameter with a redirect's danger (`FunctionSummary.sessionWrites`).
   */
  private sessionWrite(node: TSESTree.AssignmentExpression): { write: SessionWrite; read: RequestRead } | null {
    if (!keepsAssignedValue(node)) return null;
    const member = unwrap(node.left);
    const key = member.type === T.MemberExpression ? staticKey(member) : null;
    const session = member.type === T.MemberExpression ? unwrap(member.object) : null;
    if (key === null || session?.type !== T.MemberExpression || staticKey(session) !== SESSION_PROPERTY) return null;
    const request = this.requestParam(unwrap(session.object));
    if (request === null) return null;
    const read = this.readRequest(node.right);
    if (!read || read.data.param !== request || (read.data.danger & Danger.redirect) === 0) return null;
    const { danger, source, line } = read.data;
    return { write: { request, key, danger, source, target: this.sourceCode.getText(node.left), line }, read };
  }

  /** See `FunctionSummary.handlerLike`. */
  private handlerLike(): FunctionSummary['handlerLike'] {
    if (typedParameter(this.sourceCode, this.fn, 'req') || typedParameter(this.sourceCode, this.fn, 'res')) return 'typed';
    return isShapedLikeHandler(this.fn) ? 'shape' : null;
  }

  /** The crypto calls inside the function whose hashed data comes from a parameter, unless it also hashes slowly. */
  private fastHashes(): FastHash[] {
    // (A file that never names crypto makes no call of it: its module calls are not asked for.)
    if (!this.sourceCode.text.includes('crypto')) return [];
    const [start, end] = this.fn.range;
    const calls = this.moduleCalls.filter(({ node }) => node.range[0] >= start && node.range[1] <= end);
    if (calls.some(({ callee }) => isSlowHash(callee.module, callee.path))) return [];
    const found: FastHash[] = [];
    for (const { node: call, callee } of calls) {
      if (callee.module !== 'crypto' || callee.path.length !== 1) continue;
      const fn = callee.path[0]!;
      const data = fn === 'createHash' || fn === 'createHmac' ? hashedData(call, this.sourceCode) : fn === 'hash' && call.arguments[1] ? [call.arguments[1]] : [];
      for (const d of data) {
        const passwordNamed = mentionsOf(this.sourceCode, d).password;
        const algorithm = call.arguments[0] ? staticValueOf(this.sourceCode, call.arguments[0])?.value : undefined;
        for (const param of this.dataParams(d)) {
          found.push({ param, fn, algorithm: typeof algorithm === 'string' ? algorithm : '…', line: lineOf(call), passwordNamed });
        }
      }
    }
    return found;
  }

  /**
   * The parameters that `node` is computed from: the parameter itself, or through `+`, template literals, calls
   * (`Buffer.from(x)`, `x.trim()`), members and `const`s of the function.
   */
  private dataParams(node: Node): number[] {
    const found = new Set<number>();
    const visit = (current: Node, depth: number): void => {
      if (depth > 6) return;
      const inner = unwrap(current);
      switch (inner.type) {
        case T.Identifier: {
          const variable = findVariableOf(this.sourceCode, inner);
          const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
          if (def?.type === 'Parameter' && def.node === this.fn) {
            const index = this.fn.params.findIndex((p) => (p.type === T.AssignmentPattern ? p.left : p) === def.name);
            if (index >= 0) found.add(index);
            return;
          }
          const resolved = resolveConst(this.sourceCode, inner);
          if (resolved !== inner) visit(resolved, depth + 1);
          return;
        }
        case T.BinaryExpression:
          if (inner.operator === '+') {
            visit(inner.left, depth + 1);
            visit(inner.right, depth + 1);
          }
          return;
        case T.TemplateLiteral:
          for (const e of inner.expressions) visit(e, depth + 1);
          return;
        case T.MemberExpression:
          visit(inner.object, depth + 1);
          return;
        case T.CallExpression:
          if (inner.callee.type === T.MemberExpression) visit(inner.callee.object, depth + 1);
          for (const arg of inner.arguments) visit(arg, depth + 1);
          return;
        case T.AwaitExpression:
          visit(inner.argument, depth + 1);
          return;
        default:
          return;
      }
    };
    visit(node, 0);
    return [...found];
  }

  /** What the function returns when its whole body is one `return` (or an arrow's expression), else `null`. */
  private onlyResult(): Node | null {
    return soleReturn(this.fn);
  }

  /** `return LIST.includes(x)` (the whole body): the parameter it checks against constants. */
  private allowList(): number | null {
    const result = this.onlyResult();
    return result ? this.allowTest(result, 0) : null;
  }

  /**
   * `return typeof u === 'string' && u.startsWith('/') && !u.startsWith('//')`, or the same after early exits that
   * return `false` (`if (typeof u !== 'string') return false;`): see `FunctionSummary.checks`. When the function returns
   * true, no early exit was taken and the final test holds: the facts of all of them hold together.
   */
  private checks(): FunctionSummary['checks'] {
    return this.vouches(true);
  }

  /**
   * `return !u.startsWith('/') || u.startsWith('//')`, `return !ALLOWED.includes(x)`, or the same after early exits
   * that return `true`: see `FunctionSummary.rejects`. When the function returns false, no early exit was taken and
   * the final test does not hold.
   */
  private rejects(): FunctionSummary['rejects'] {
    const only = this.onlyResult();
    const inner = only ? unwrap(only) : null;
    if (inner?.type === T.UnaryExpression && inner.operator === '!') {
      const listed = this.allowTest(inner.argument, 0);
      if (listed !== null) return { param: listed, removes: ANY_DANGER };
    }
    return this.vouches(false);
  }

  /** The parameter whose checks hold together when the function returns `result` (its steps), and what they rule out. */
  private vouches(result: boolean): { param: number; removes: number } | null {
    const tests = this.checkSteps(result);
    if (!tests) return null;
    // No module values, and every list may change (`isTainted` says yes to all): only the checks of the value itself.
    const guards = new GuardFinder(this.sourceCode, () => undefined, () => true);
    for (const [variable, param] of this.params) {
      if (isParameterReassigned(variable)) continue;
      const removes = guards.removesForAll(tests, variable.name);
      if (removes) return { param, removes };
    }
    return null;
  }

  /**
   * The tests that a `result` of the function depends on: each early `if (c) return <the other result>;` (c does not
   * hold) and the final `return t` (t evaluates to `result`).
   */
  private checkSteps(result: boolean): { test: Node; holds: boolean }[] | null {
    const only = this.onlyResult();
    if (only) return [{ test: only, holds: result }];
    const body = this.fn.body;
    if (body.type !== T.BlockStatement || body.body.length < 2 || body.body.length > 8) return null;
    const last = body.body[body.body.length - 1]!;
    if (last.type !== T.ReturnStatement || !last.argument) return null;
    const steps: { test: Node; holds: boolean }[] = [];
    for (const statement of body.body.slice(0, -1)) {
      if (statement.type !== T.IfStatement || statement.alternate) return null;
      const exit = statement.consequent.type === T.BlockStatement && statement.consequent.body.length === 1 ? statement.consequent.body[0]! : statement.consequent;
      if (exit.type !== T.ReturnStatement || !exit.argument || unwrap(exit.argument).type !== T.Literal || (unwrap(exit.argument) as TSESTree.Literal).value !== !result) return null;
      steps.push({ test: statement.test, holds: false });
    }
    steps.push({ test: last.argument, holds: result });
    return steps;
  }

  private allowTest(raw: Node, depth: number): number | null {
    const node = unwrap(raw);
    if (depth > 8) return null;
    if (node.type === T.LogicalExpression && node.operator === '||') {
      const left = this.allowTest(node.left, depth + 1);
      return left !== null && left === this.allowTest(node.right, depth + 1) ? left : null;
    }
    if (node.type === T.LogicalExpression && node.operator === '&&') {
      return this.allowTest(node.left, depth + 1) ?? this.allowTest(node.right, depth + 1);
    }
    if (node.type === T.BinaryExpression && (node.operator === '===' || node.operator === '==')) {
      if (isConstantLiteral(node.right)) return this.paramOf(node.left);
      if (isConstantLiteral(node.left)) return this.paramOf(node.right);
      return null;
    }
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression && ['includes', 'has'].includes(staticKey(node.callee) ?? '')) {
      const arg = node.arguments[0];
      return arg && arg.type !== T.SpreadElement && this.isConstantList(node.callee.object, 0) ? this.paramOf(arg) : null;
    }
    return null;
  }

  /** An array literal of constants, `new Set(<one>)`, or a never-changed `const` holding one. */
  private isConstantList(raw: Node, depth: number): boolean {
    const node = unwrap(raw);
    if (depth > 4) return false;
    if (node.type === T.ArrayExpression) return node.elements.every((e) => e !== null && e.type !== T.SpreadElement && isConstantLiteral(e));
    if (node.type === T.NewExpression && node.callee.type === T.Identifier && node.callee.name === 'Set') {
      const arg = node.arguments[0];
      return arg !== undefined && arg.type !== T.SpreadElement && this.isConstantList(arg, depth + 1);
    }
    if (node.type !== T.Identifier) return false;
    const variable = findVariableOf(this.sourceCode, node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return false;
    // `LIST.push(x)`, `SAFE.add(x)`, `LIST[i] = x`: it changes.
    const changed = variable!.references.some((r) => {
      const member = r.identifier.parent;
      if (member?.type !== T.MemberExpression || member.object !== r.identifier) return false;
      return ['push', 'unshift', 'splice', 'add', 'fill', 'copyWithin'].includes(staticKey(member) ?? '') || (member.parent?.type === T.AssignmentExpression && member.parent.left === member);
    });
    return !changed && this.isConstantList(def.node.init, depth + 1);
  }

  private readonly sinkCalls = new Map<ParamSink, TSESTree.CallExpression>();
  /** The call of each request sink and the request data it reads there. */
  private readonly requestSinkReads = new Map<RequestSink, { call: TSESTree.CallExpression; read: RequestRead }>();
  /** The parameter and the locals a path went through, for each sink of a path (`pathParams`). */
  private readonly pathLocals = new Map<ParamSink, ReadonlySet<Variable>>();

  /**
   * `fs.readFile(p)`, `fsp.readFile(path.join(UPLOADS, name))`, `createReadStream(p)` of an `fs` module
   * (`FS_PATH_FUNCTIONS`, with both paths of `FS_TWO_PATH_FUNCTIONS`): the parameters that reach a path it opens,
   * through `path.join`, `path.resolve`, `path.normalize`, text and `const` locals (`pathParams`), and the request data
   * read there from a request parameter.
   */
  private fileSinks(node: TSESTree.CallExpression, sinks: ParamSink[], requestSinks: RequestSink[]): void {
    const value = this.moduleCallee(node, FS_PATH_FUNCTIONS);
    if (!value || !FS_MODULES.has(value.module)) return;
    const name = value.path.at(-1)!;
    // As the rule names it inline.
    const method = `${value.module === 'fs/promises' ? 'fs.promises' : value.module}.${name}`;
    const line = lineOf(node);
    for (const arg of node.arguments.slice(0, FS_TWO_PATH_FUNCTIONS.has(name) ? 2 : 1)) {
      if (arg.type === T.SpreadElement) continue;
      for (const [param, through] of this.pathParams(arg)) this.addPath(sinks, node, { kind: 'file', param, method, danger: Danger.path, line }, through);
      const read = this.readRequest(arg);
      if (read && read.data.danger & Danger.path) {
        this.addRequest(requestSinks, node, { kind: 'file', request: read.data.param, method, danger: Danger.path, source: read.data.source, line }, read);
      }
    }
  }

  /**
   * `exports.read = (name) => new Promise((ok, ko) => fs.readFile(path.join(DIR, name), …))`: the `fs` paths opened in
   * functions that the function passes to a call (and those they pass on, `MAX_CALLBACK_DEPTH` deep) are its own
   * `file` sinks when made from its parameters, read as `fileSinks` reads its own code: the call is taken to run them.
   * Their tests count as the function's (`tests`: a check of the parameter there leaves the sink out). What a callback
   * is given is followed by `pathParams` (`names.forEach((n) => fs.unlinkSync(path.join(DIR, n)))`). Only in a file that names `fs`
   * or `path`; no other sink is read there.
   */
  private callbackFileSinks(callbacks: readonly FunctionNode[], tests: Node[], sinks: ParamSink[], requestSinks: RequestSink[], depth: number): void {
    for (const callback of callbacks) {
      const inner: FunctionNode[] = [];
      this.visit(
        callback,
        [],
        (node) => {
          const test = testOf(node);
          if (test) tests.push(test);
          if (node.type === T.CallExpression) this.fileSinks(node, sinks, requestSinks);
          if (depth < MAX_CALLBACK_DEPTH) inner.push(...callbackArguments(node));
        },
        callback,
      );
      if (inner.length > 0) this.callbackFileSinks(inner, tests, sinks, requestSinks, depth + 1);
    }
  }

  private add(sinks: ParamSink[], call: TSESTree.CallExpression, sink: ParamSink): void {
    sinks.push(sink);
    this.sinkCalls.set(sink, call);
  }

  private addPath(sinks: ParamSink[], call: TSESTree.CallExpression, sink: ParamSink, through: ReadonlySet<Variable>): void {
    this.add(sinks, call, sink);
    this.pathLocals.set(sink, through);
  }

  private addRequest(requestSinks: RequestSink[], call: TSESTree.CallExpression, sink: RequestSink, read: RequestRead): void {
    requestSinks.push(sink);
    this.requestSinkReads.set(sink, { call, read });
  }

  private callSinks(node: TSESTree.CallExpression, sinks: ParamSink[], requestSinks: RequestSink[]): void {
    const callee = node.callee as TSESTree.MemberExpression;
    const method = staticKey(callee);
    if (method === null) return;
    const line = lineOf(node);
    const add = (sink: ParamSink): void => this.add(sinks, node, sink);
    const addRequest = (sink: RequestSink, read: RequestRead): void => this.addRequest(requestSinks, node, sink, read);
    // `res.redirect(url)`, `res.status(301).redirect(url)`
    const receiver = this.paramOf(responseObject(callee));
    // (Own rows only: `err.toString()` must not find Object.prototype's `toString`.)
    const row = Object.hasOwn(HELPER_RESPONSE_SINKS, method) ? HELPER_RESPONSE_SINKS[method] : undefined;
    if (row && receiver !== null && !(row.pathOnly && node.arguments.length > 1)) {
      for (const index of row.args) {
        const arg = node.arguments[index];
        // `res.sendFile(path.join(DIR, name))`: a path, read as the `fs` functions' (`pathParams`).
        if (row.pathOnly && arg && arg.type !== T.SpreadElement) {
          // (A method that refuses `..` segments, `res.sendFile`: only a path the caller's value writes whole, or one
          // `path.join` builds, reaches another folder; a name put after a folder as text is none.)
          const wholes = row.refusesUpSegments ? new Map<number, Whole>() : undefined;
          for (const [param, through] of this.pathParams(arg, wholes)) {
            const whole = wholes?.get(param);
            if (param === receiver || whole === Whole.lost) continue;
            this.addPath(sinks, node, { kind: 'response', param, receiver, method, danger: row.danger, line, ...(whole === Whole.kept ? { all: Danger.wholePath } : {}) }, through);
          }
        }
        const param = arg && arg.type !== T.SpreadElement && !row.pathOnly ? (row.body ? this.inText(arg) : this.paramOf(arg)) : null;
        const whole = row.body === true && param !== null && this.paramOf(arg as Node) === param;
        if (param !== null && param !== receiver) add({ kind: 'response', param, receiver, method, danger: row.danger, line, ...(whole ? { whole } : {}) });
        // `res.redirect(req.query.returnTo || fallback)`, the request a parameter (`res.send(req.body)` sends JSON).
        if (!arg || arg.type === T.SpreadElement || (row.body && this.isWholeRequestObject(arg))) continue;
        const read = this.readRequest(arg);
        // (A method that refuses `..` segments: only data that writes the path whole reaches another folder.)
        const danger = read && (!row.refusesUpSegments || read.data.danger & Danger.wholePath) ? read.data.danger & row.danger : 0;
        if (read && danger && read.data.param !== receiver) {
          addRequest({ kind: 'response', request: read.data.param, receiver, method, danger, source: read.data.source, line }, read);
        }
      }
    }
    const sent = SEND_METHODS.get(method);
    const sentArg = sent === undefined ? undefined : node.arguments[sent];
    if (receiver !== null && sentArg && sentArg.type !== T.SpreadElement) {
      const errors = [...this.params].filter(([, i]) => i !== receiver).map(([v]) => v);
      const leak = errors.length > 0 ? findLeak(this.sourceCode, sentArg, errors, 0) : null;
      const param = leak ? this.paramIndexByName(leak.name) : -1;
      if (leak && param >= 0 && !isDevelopmentOnly(leak.node) && !(leak.kind === 'message' && isClassified(this.sourceCode, leak.node, errors))) {
        add({ kind: 'error', param, receiver, method, leak: leak.kind, line });
      }
    }
    const first = node.arguments[0];
    if (!first || first.type === T.SpreadElement) return;
    // The receiver as written (`db.collection('users')`), whitespace collapsed, like the rules' own messages.
    const objectText = this.sourceCode.getText(callee.object).replace(/\s+/gu, ' ');
    const owner = `${objectText.length > 40 ? '…' : objectText}.${method}`;
    if (SQL_METHODS.has(method)) {
      const param = this.paramOf(first);
      if (param !== null) add({ kind: 'sql', param, method: owner, danger: Danger.sql, line });
      else {
        const parts = this.sqlParts(first, method);
        const seen = new Set<number>();
        for (const { node: part, position } of parts) {
          const index = this.paramOf(part);
          if (index === null || seen.has(index)) continue;
          seen.add(index);
          add({ kind: 'sqlPart', param: index, method: owner, danger: Danger.sql, line, position, reportedThere: this.reportedThere(part, position) });
        }
        for (const { node: part, position } of parts) {
          const read = this.readRequest(part);
          if (read && read.data.danger & Danger.sql) {
            const reportedThere = this.reportedThere(part, position);
            addRequest({ kind: 'sqlPart', request: read.data.param, method: owner, danger: Danger.sql, source: read.data.source, line, position, reportedThere }, read);
          }
        }
      }
    }
    // TypeORM's query builder (`.where(\`name = '${name}'\`)` in a file that imports typeorm): a parameter built into
    // its fragment is a part of SQL text, as in `query()` text (trial 26: a service's builder, a controller's request data).
    const clause = Object.hasOwn(QUERY_BUILDER_FRAGMENTS.clauses, method) ? QUERY_BUILDER_FRAGMENTS.clauses[method]! : null;
    if (clause !== null && (unwrap(first).type === T.TemplateLiteral || unwrap(first).type === T.BinaryExpression) && importsModule(this.sourceCode, QUERY_BUILDER_FRAGMENTS.module)) {
      // (The fragment's own line: a builder chain starts lines above it.)
      const fragmentLine = lineOf(first);
      const parts = this.sqlParts(first, method, clause);
      const seen = new Set<number>();
      for (const { node: part, position } of parts) {
        const index = this.paramOf(part);
        if (index === null || seen.has(index)) continue;
        seen.add(index);
        add({ kind: 'sqlPart', param: index, method: owner, danger: Danger.sql, line: fragmentLine, position });
      }
      for (const { node: part, position } of parts) {
        const read = this.readRequest(part);
        if (read && read.data.danger & Danger.sql) {
          addRequest({ kind: 'sqlPart', request: read.data.param, method: owner, danger: Danger.sql, source: read.data.source, line: fragmentLine, position }, read);
        }
      }
    }
    if (FILTER_FIRST.has(method) && !node.arguments.slice(1).some(isSqlOrmOptions) && !this.fromNonMongoModule(callee.object)) {
      const whole = this.wholeFilterParams(first);
      for (const param of this.filterParams(first)) add({ kind: 'nosql', param, method: owner, danger: Danger.nosql, line, ...(whole.has(param) ? { whole: true } : {}) });
      for (const param of this.whereParams(first)) add({ kind: 'where', param, method: owner, danger: ANY_DANGER, line });
      for (const read of this.filterRequestReads(first)) {
        addRequest({ kind: 'nosql', request: read.data.param, method: owner, danger: Danger.nosql, source: read.data.source, line }, read);
      }
      for (const read of this.whereRequestReads(first)) {
        addRequest({ kind: 'where', request: read.data.param, method: owner, danger: ANY_DANGER, source: read.data.source, line }, read);
      }
    }
  }

  /** `this.repo.findRaw(filter)`: the parameters handed on as they are to a method of `this.<key>` (`Forward`). */
  private forwards(node: TSESTree.CallExpression, forwards: Forward[]): void {
    const callee = node.callee as TSESTree.MemberExpression;
    const object = unwrap(callee.object);
    if (object.type !== T.MemberExpression || unwrap(object.object).type !== T.ThisExpression || staticKey(object) === null || staticKey(callee) === null) return;
    node.arguments.forEach((arg, index) => {
      const param = arg.type === T.SpreadElement ? null : this.paramOf(arg);
      if (param !== null) forwards.push({ param, arg: index, call: node, line: lineOf(node) });
    });
  }

  /** See `ReportedThere`: how the rule judges a part of SQL text of a query method in this file (`isTypedNumber`). */
  private reportedThere(part: Node, position: SqlPosition): ReportedThere {
    if (position !== 'value') return 'checkEveryPart';
    const inner = unwrap(part);
    const id = inner.type === T.Identifier ? findVariableOf(this.sourceCode, inner)?.defs[0]?.name : undefined;
    const type = id?.type === T.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
    return type && isNumericType(type) ? 'checkEveryPart' : 'always';
  }

  /**
   * The non-constant parts of SQL text built here (`+`, template literals, through a local written once) whose leading
   * text reads as SQL, or of any text of a fragment method (knex's `whereRaw`: `SQL_FRAGMENT_METHODS`; its whole
   * argument too), each with its position in the SQL (`sqlPosition`; a fragment's parts placed in its clause).
   */
  private sqlParts(text: Node, method: string, clause?: string): { node: Node; position: SqlPosition }[] {
    const fragment = clause !== undefined || fragmentMethod(method);
    const built = this.localValue(text);
    if (!built || (!fragment && !SQL_START.test(leadingText(built)))) return [];
    const segments: (string | Node)[] = [];
    const pushText = (text: string): void => {
      const last = segments.length - 1;
      if (typeof segments[last] === 'string') segments[last] += text;
      else segments.push(text);
    };
    const flatten = (node: Node, depth: number): void => {
      const inner = unwrap(node);
      if (depth > 40) return;
      if (inner.type === T.TemplateLiteral) {
        inner.quasis.forEach((quasi, i) => {
          pushText(quasi.value.cooked ?? '');
          const e = inner.expressions[i];
          if (e) flatten(e, depth + 1);
        });
      } else if (inner.type === T.BinaryExpression && inner.operator === '+') {
        flatten(inner.left, depth + 1);
        flatten(inner.right, depth + 1);
      } else if (inner.type === T.Literal && (typeof inner.value === 'string' || typeof inner.value === 'number')) {
        pushText(String(inner.value));
      } else {
        segments.push(inner);
      }
    };
    flatten(built, 0);
    const found: { node: Node; position: SqlPosition }[] = [];
    let before = clause ?? (fragment ? SQL_FRAGMENT_METHODS[method]!.clause : '');
    segments.forEach((segment, i) => {
      if (typeof segment === 'string') {
        before += segment;
        return;
      }
      const next = segments[i + 1];
      found.push({ node: segment, position: sqlPosition(before, typeof next === 'string' ? next : '') });
      before += '?';
    });
    return found;
  }

  /** Request data read from a request parameter as a whole filter, or as a value of one of its keys (as `filterParams`). */
  private filterRequestReads(filter: Node): RequestRead[] {
    return filterValues(filter, (node) => {
      const found = this.readRequest(node);
      return found && found.data.danger & Danger.nosql ? found : null;
    });
  }

  /** Request data read from a request parameter in a `$where` text of the filter (as `whereParams`). */
  private whereRequestReads(filter: Node): RequestRead[] {
    const found: RequestRead[] = [];
    for (const literal of this.filterLiterals(filter, 0)) {
      for (const prop of literal.properties) {
        if (prop.type !== T.Property || staticKey(prop) !== '$where' || prop.value.type === T.AssignmentPattern) continue;
        const read = this.readRequest(prop.value);
        if (read) found.push(read);
      }
    }
    return found;
  }

  /** `req.body`, `req.query`: a whole parsed part of the request parameter (not its headers), which `res.send` sends as JSON. */
  private isWholeRequestObject(arg: Node): boolean {
    const inner = unwrap(arg);
    if (inner.type === T.Identifier) {
      // `body` of `({ body }, res) => res.send(body)`
      const variable = findVariableOf(this.sourceCode, inner);
      const key = variable ? this.destructured.get(variable)?.key : undefined;
      return key !== undefined && key !== 'headers' && Object.hasOwn(REQUEST_PROPERTIES, key);
    }
    if (inner.type !== T.MemberExpression) return false;
    const key = staticKey(inner);
    return key !== null && key !== 'headers' && Object.hasOwn(REQUEST_PROPERTIES, key) && this.requestParam(unwrap(inner.object)) !== null;
  }

  /**
   * The request data `node` holds, read from a request parameter (`requestValue`), and whether a test mentions it: the
   * request expressions as written, or the `const` locals it went through.
   */
  private readRequest(node: Node): RequestRead | null {
    const consts = new Set<Variable>();
    const texts = new Set<string>();
    const data = this.requestValue(node, 0, consts, texts);
    if (!data) return null;
    return {
      data,
      names: (n) => {
        if (n.type === T.Identifier) {
          const variable = findVariableOf(this.sourceCode, n);
          return variable !== null && consts.has(variable);
        }
        return (n.type === T.MemberExpression || n.type === T.CallExpression) && texts.has(this.sourceCode.getText(n));
      },
    };
  }

  /**
   * Whether `test` mentions what `names` says is the data, or a local whose value does (`ok` of `const ok =
   * ALLOWED.includes(next); if (!ok) return …`: a check held in a local, a few locals deep).
   */
  private mentionsThrough(test: Node, names: (node: Node) => boolean, objects = false, depth = 0): boolean {
    return someNode(this.keys, test, (n) => {
      // (A reading of its presence or length only is no test of it: `if (!name) throw …`; see `readsPresenceOnly`.)
      if (readsPresenceOnly(n, test, names, objects)) return 'skip';
      if (names(n)) return true;
      if (n.type !== T.Identifier || depth >= 3) return false;
      const variable = findVariableOf(this.sourceCode, n);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.node.id !== def.name || !def.node.init || def.name === n) return false;
      return this.mentionsThrough(def.node.init, names, objects, depth + 1);
    });
  }

  /**
   * The parameters whose value reaches the path `raw` (an `fs` function's, `res.sendFile`'s), each with the parameter's
   * variable and the `const` locals it went through: the parameter, through `const` locals, text (`+`, templates, string
   * methods, `String()`, `decodeURIComponent()`), `||`, `??`, `?:`, `await` and `path.join`, `path.resolve`,
   * `path.normalize`. Any other call ends the flow (`path.basename`, `encodeURIComponent`, a package's function: a
   * sanitizer, or unknown). With `wholes`, per parameter what becomes of a path its value writes whole (`Whole`).
   */
  private pathParams(raw: Node, wholes?: Map<number, Whole>): Map<number, Set<Variable>> {
    const found = new Map<number, Set<Variable>>();
    const through = new Set<Variable>();
    // (`whole`: what becomes of a path the parameter's value writes whole where it stands, read from the sink down, as
    // request data's `Danger.wholePath` is read inline: a part after other text loses it, `path.join` makes it anew.)
    const visit = (current: Node, depth: number, whole: Whole = Whole.kept): void => {
      if (depth > 8) return;
      const node = unwrap(current);
      const after = (leading: boolean): Whole => (whole === Whole.kept && !leading ? Whole.lost : whole);
      switch (node.type) {
        case T.Identifier: {
          const variable = findVariableOf(this.sourceCode, node);
          if (!variable) return;
          const index = this.params.get(variable);
          if (index !== undefined) {
            if (isParameterReassigned(variable)) return;
            through.add(variable);
            found.set(index, through);
            wholes?.set(index, Math.max(wholes.get(index) ?? Whole.lost, whole));
            return;
          }
          // An element of a list the path is made of (`names.forEach((n) => …)`, `for (const n of names)`).
          const list = elementSource(variable);
          if (list) {
            through.add(variable);
            visit(list, depth + 1, whole);
            return;
          }
          const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
          if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== T.Identifier || !def.node.init) return;
          through.add(variable);
          visit(def.node.init, depth + 1, whole);
          return;
        }
        case T.TemplateLiteral:
          node.expressions.forEach((e, i) => visit(e, depth + 1, after(i === 0 && onlySeparators(node.quasis[0]!.value.cooked))));
          return;
        case T.BinaryExpression:
          if (node.operator === '+') {
            visit(node.left, depth + 1, whole);
            visit(node.right, depth + 1, after(isSeparatorText(node.left)));
          }
          return;
        case T.LogicalExpression:
          visit(node.left, depth + 1, whole);
          visit(node.right, depth + 1, whole);
          return;
        case T.ConditionalExpression:
          visit(node.consequent, depth + 1, whole);
          visit(node.alternate, depth + 1, whole);
          return;
        case T.AwaitExpression:
          visit(node.argument, depth + 1, whole);
          return;
        case T.CallExpression: {
          if (this.isPathBuilder(node)) {
            for (const arg of node.arguments) if (arg.type !== T.SpreadElement) visit(arg, depth + 1, whole === Whole.kept ? Whole.made : whole);
            return;
          }
          const callee = unwrap(node.callee);
          if (callee.type === T.MemberExpression && STRING_PROPAGATORS.has(staticKey(callee) ?? '')) {
            visit(callee.object, depth + 1, whole);
            if (staticKey(callee) === 'concat') for (const arg of node.arguments) if (arg.type !== T.SpreadElement) visit(arg, depth + 1, after(false));
            return;
          }
          const first = node.arguments[0];
          if (callee.type === T.Identifier && first && first.type !== T.SpreadElement && this.keepsPath(callee)) visit(first, depth + 1, whole);
          return;
        }
        default:
          return;
      }
    };
    visit(raw, 0);
    return found;
  }

  /**
   * A global whose result keeps a path its first argument holds: a coercion of `SANITIZERS` that leaves the path
   * danger (`String`), a text propagator of `PROPAGATING_CALLS` (`decodeURIComponent`).
   */
  private keepsPath(callee: TSESTree.Identifier): boolean {
    if (findVariableOf(this.sourceCode, callee)?.defs.length) return false;
    const sanitizer = SANITIZERS.find((row) => row.global === callee.name);
    if (sanitizer) return sanitizer.removes !== 'all' && (sanitizer.removes & Danger.path) === 0;
    return PROPAGATING_CALLS.some((row) => row.global === callee.name && row.text && !row.allArguments);
  }

  /**
   * Parameters inside a `$where` string or function text of a filter: an object literal, a local `const` holding one,
   * or a call of a local closure that returns one (`criteria()` with `const criteria = () => ({ $where: … })`).
   */
  private whereParams(filter: Node): number[] {
    const found = new Set<number>();
    for (const literal of this.filterLiterals(filter, 0)) {
      for (const prop of literal.properties) {
        if (prop.type !== T.Property || staticKey(prop) !== '$where' || prop.value.type === T.AssignmentPattern) continue;
        const param = this.inText(prop.value);
        if (param !== null) found.add(param);
      }
    }
    return [...found];
  }

  private filterLiterals(node: Node, depth: number): TSESTree.ObjectExpression[] {
    if (depth > 4) return [];
    const inner = unwrap(node);
    if (inner.type === T.ObjectExpression) return [inner];
    if (inner.type === T.Identifier) {
      const init = this.singleWrite(inner);
      return init ? this.filterLiterals(init, depth + 1) : [];
    }
    if (inner.type === T.CallExpression && inner.arguments.length === 0 && inner.callee.type === T.Identifier) {
      const fn = this.singleWrite(inner.callee);
      const closure = fn ? unwrap(fn) : null;
      if (!closure || (closure.type !== T.ArrowFunctionExpression && closure.type !== T.FunctionExpression)) return [];
      if (closure.body.type !== T.BlockStatement) return this.filterLiterals(closure.body, depth + 1);
      const returned: TSESTree.ObjectExpression[] = [];
      someNode(this.keys, closure.body, (n) => {
        if (n.type === T.ReturnStatement && n.argument) returned.push(...this.filterLiterals(n.argument, depth + 1));
        return false;
      });
      return returned;
    }
    return [];
  }

  /** What a local written once (at its declaration, `const`, `let` or `var`) holds, else `null`. */
  private singleWrite(id: TSESTree.Identifier): Node | null {
    const variable = findVariableOf(this.sourceCode, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id.type !== T.Identifier || !def.node.init) return null;
    if (variable!.references.filter((r) => r.isWrite()).length > 1) return null;
    return def.node.init;
  }

  /** `q` of `var q = 'SELECT …' + x; db.one(q)`: the expression a local written once holds (or the node itself). */
  private localValue(node: Node, depth = 0): Node | null {
    const inner = unwrap(node);
    if (inner.type !== T.Identifier) return inner;
    if (depth > 4 || this.params.has(findVariableOf(this.sourceCode, inner)!)) return null;
    const init = this.singleWrite(inner);
    return init ? this.localValue(init, depth + 1) : null;
  }

  /** Parameters used as a whole filter, or as a value of one of its keys (not under `$eq`, not an ORM's `where`). */
  private filterParams(filter: Node): number[] {
    return filterValues(filter, (node) => this.paramOf(node));
  }

  /** The parameters that are the filter itself or spread at its top (`find(filter)`, `find({ ...filter, active: true })`). */
  private wholeFilterParams(filter: Node): ReadonlySet<number> {
    const whole = this.paramOf(filter);
    if (whole !== null) return new Set([whole]);
    const inner = unwrap(filter);
    if (inner.type !== T.ObjectExpression) return new Set();
    const spread = inner.properties.map((p) => (p.type === T.SpreadElement ? this.paramOf(p.argument) : null));
    return new Set(spread.filter((p): p is number => p !== null));
  }

  /** `const User = require('sequelize')...`, `import { Model } from 'objection'`: the object is of an SQL module. */
  private fromNonMongoModule(object: Node): boolean {
    let root = unwrap(object);
    while (root.type === T.MemberExpression || root.type === T.CallExpression) root = unwrap(root.type === T.MemberExpression ? root.object : root.callee);
    if (root.type !== T.Identifier) return false;
    const def = findVariableOf(this.sourceCode, root)?.defs[0];
    if (def?.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration) return NON_MONGO_MODULES.has(def.parent.source.value);
    if (def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init) {
      let init = unwrap(def.node.init);
      while (init.type === T.MemberExpression || (init.type === T.CallExpression && init.callee.type !== T.Identifier)) {
        init = unwrap(init.type === T.MemberExpression ? init.object : init.callee);
      }
      if (init.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name === 'require') {
        const arg = init.arguments[0];
        return arg?.type === T.Literal && typeof arg.value === 'string' && NON_MONGO_MODULES.has(arg.value);
      }
    }
    return false;
  }

  private paramIndexByName(name: string): number {
    for (const [variable, index] of this.params) if (variable.name === name) return index;
    return -1;
  }

  /** The parameter an expression is, directly or through `const` locals (a parameter never reassigned). */
  private paramOf(node: Node | null, depth = 0): number | null {
    if (!node) return null;
    const inner = unwrap(node);
    if (inner.type !== T.Identifier || depth > 4) return null;
    const variable = findVariableOf(this.sourceCode, inner);
    if (!variable) return null;
    const index = this.params.get(variable);
    if (index !== undefined) return isParameterReassigned(variable) ? null : index;
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== T.Identifier || !def.node.init) return null;
    return this.paramOf(def.node.init, depth + 1);
  }

  /** For a body: the parameter as it is, or inside a template literal or a `+` (markup around it stays markup). */
  private inText(node: Node, depth = 0): number | null {
    const inner = unwrap(node);
    if (depth > 6) return null;
    if (inner.type === T.TemplateLiteral) {
      for (const e of inner.expressions) {
        const found = this.inText(e, depth + 1);
        if (found !== null) return found;
      }
      return null;
    }
    if (inner.type === T.BinaryExpression && inner.operator === '+') return this.inText(inner.left, depth + 1) ?? this.inText(inner.right, depth + 1);
    return this.paramOf(inner);
  }

  /** Walks the function's own code (not nested functions), with the tests that decide whether each node runs. */
  private visit(node: Node, conditions: readonly Node[], each: (node: Node, conditions: readonly Node[]) => void, root: Node = this.fn): void {
    if (node !== root && isFunction(node)) return;
    each(node, conditions);
    for (const key of this.keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (!c || typeof (c as Node).type !== 'string') continue;
        const next = guardOf(node, c as Node);
        this.visit(c as Node, next ? [...conditions, next] : conditions, each, root);
      }
    }
  }

  private typed: Set<number> | null = null;

  /** Response parameters the function sets a content type on: it decides what the body is. */
  private typedReceivers(): Set<number> {
    if (this.typed) return this.typed;
    const typed = new Set<number>();
    this.visit(this.fn, [], (node) => {
      if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression || !CONTENT_TYPE_METHODS.has(staticKey(node.callee) ?? '')) return;
      let object: Node = unwrap(node.callee.object);
      while (object.type === T.CallExpression && object.callee.type === T.MemberExpression) object = unwrap(object.callee.object);
      const receiver = this.paramOf(object);
      if (receiver !== null) typed.add(receiver);
    });
    this.typed = typed;
    return typed;
  }

  /** Whether `node` mentions parameter `param` (or a `const` derived from it). */
  private mentions(node: Node, param: number, objects: boolean): boolean {
    const isParam = (n: Node): boolean => n.type === T.Identifier && this.paramOf(n) === param;
    // (A reading of its presence or length only is no test of it: `if (!name) throw …`; see `readsPresenceOnly`.)
    return someNode(this.keys, node, (n) => (readsPresenceOnly(n, node, isParam, objects) ? 'skip' : isParam(n)));
  }

  /** An `if (<test of the parameter>) return/throw` among the function body's statements before the sink. */
  private exitsOnTest(call: Node, param: number, objects: boolean): boolean {
    if (this.fn.body.type !== T.BlockStatement) return false;
    return this.fn.body.body.some(
      (statement) =>
        statement.type === T.IfStatement &&
        statement.range[1] <= call.range[0] &&
        this.mentions(statement.test, param, objects) &&
        exits(statement.consequent),
    );
  }

  /**
   * `return req.query.next`, `return req.get('Referer')`, through `const` locals, `||`, `??`, `?:`, templates and `+`;
   * `null` when it returns none, or when a check in the function tests what it returns.
   */
  private returnedRequestData(): ReturnedRequestData | null {
    const returned = this.returned();
    let found: ReturnedRequestData | null = null;
    const consts = new Set<Variable>();
    for (const node of returned) {
      const data = this.requestValue(node, 0, consts);
      found = this.either(found, data);
    }
    const result = found;
    if (!result) return null;
    // A check of the parameter or of a local it went through: unknown (say nothing).
    // (A default, `req.query.next || '/'`, is no check.)
    let checked = false;
    this.visit(this.fn, [], (node) => {
      const test = testOf(node);
      if (!checked && test && someNode(this.keys, test, (n) => n.type === T.Identifier && this.touches(n, result.param, consts))) checked = true;
    });
    return checked ? null : result;
  }

  private returnedNodes: Node[] | null = null;

  /** The expressions the function returns (an arrow's expression body), not those of nested functions. */
  private returned(): Node[] {
    if (this.returnedNodes) return this.returnedNodes;
    const returned: Node[] = [];
    if (this.fn.body.type !== T.BlockStatement) returned.push(this.fn.body);
    else {
      this.visit(this.fn, [], (node) => {
        if (node.type === T.ReturnStatement && node.argument) returned.push(node.argument);
      });
    }
    this.returnedNodes = returned;
    return returned;
  }

  /** See `FunctionSummary.returnsParameters`. */
  private returnedParameters(): ReturnedParameter[] {
    const found = new Map<number, ReturnedParameter>();
    const consts = new Set<Variable>();
    for (const node of this.returned()) {
      for (const [param, danger] of this.parameterFlow(node, 0, consts)) {
        const known = found.get(param);
        found.set(param, known ? { ...known, danger: known.danger | danger } : { param, danger, line: lineOf(node) });
      }
    }
    if (found.size === 0) return [];
    // A test of the parameter, or of a local made from it (a check, an allow list, a validation): unknown, say nothing;
    // but an `if` whose test is made of checks of the parameter itself that the inline reading understands
    // (`if (typeof v !== 'string' || !v.startsWith('/')) return '/';`) removes what they rule out where they hold.
    const read = new Set<number>();
    const ifTests: Node[] = [];
    this.visit(this.fn, [], (node) => {
      const test = testOf(node);
      if (!test || ifTests.some((t) => t.range[0] <= test.range[0] && test.range[1] <= t.range[1])) return;
      if (node.type === T.IfStatement) ifTests.push(test);
      for (const param of [...found.keys()]) {
        // (A reading of its presence or length only is no test of it: `q ? q : '/'`. A type test may be one, for objects.)
        const touches = (n: Node): boolean => n.type === T.Identifier && this.touches(n, param, consts);
        if (!someNode(this.keys, test, (n) => (readsPresenceOnly(n, test, touches, true) ? 'skip' : touches(n)))) continue;
        if (node.type === T.IfStatement && this.understoodTest(test, param, consts)) read.add(param);
        else found.delete(param);
      }
    });
    if (read.size === 0) return [...found.values()];
    // The checks that hold at each return, read as inline ones are (`GuardFinder.guardsOn`, the reading request data
    // gets in a helper of the linted file): what a return keeps is what they leave.
    const guards = this.testGuards();
    const kept = new Map<number, number>();
    for (const node of this.returned()) {
      for (const [param, danger] of this.parameterFlow(node, 0, new Set())) {
        if (!found.has(param)) continue;
        let left = danger;
        if (read.has(param)) for (const guard of guards.guardsOn(node, this.paramName(param)!)) left &= ~guard.removes;
        kept.set(param, (kept.get(param) ?? 0) | left);
      }
    }
    return [...found.values()].flatMap((p) => (kept.get(p.param) ? [{ ...p, danger: kept.get(p.param)! }] : []));
  }

  private guardFinder: GuardFinder | null = null;

  /** The inline check reading without module values or lists (as `vouches`): only the checks of the value itself. */
  private testGuards(): GuardFinder {
    this.guardFinder ??= new GuardFinder(this.sourceCode, () => undefined, () => true);
    return this.guardFinder;
  }

  /** The name of parameter `param` (a plain one), else `undefined`. */
  private paramName(param: number): string | undefined {
    for (const [variable, index] of this.params) if (index === param) return variable.name;
    return undefined;
  }

  /**
   * Whether every part of `test` (its operands through `!`, `&&` and `||`) that reads parameter `param` reads the
   * parameter itself (not a local made from it), in a check the inline reading understands on its own: one that rules
   * something out when it holds or when it does not (`typeof v !== 'string'`, `v.startsWith('/')`, an anchored regex).
   */
  private understoodTest(test: Node, param: number, consts: ReadonlySet<Variable>): boolean {
    const name = this.paramName(param);
    if (name === undefined) return false;
    const guards = this.testGuards();
    const parts: Node[] = [];
    const split = (raw: Node): void => {
      const node = unwrap(raw);
      if (node.type === T.UnaryExpression && node.operator === '!') split(node.argument);
      else if (node.type === T.LogicalExpression && node.operator !== '??') {
        split(node.left);
        split(node.right);
      } else parts.push(node);
    };
    split(test);
    return parts.every((part) => {
      let reads = false;
      // (A local made from the parameter is read there: stop at it.)
      const local = someNode(this.keys, part, (n) => {
        if (n.type !== T.Identifier || !this.touches(n, param, consts)) return false;
        reads = true;
        const variable = findVariableOf(this.sourceCode, n);
        return variable === null || this.params.get(variable) !== param;
      });
      if (!reads) return true;
      return !local && (guards.removesFor(part, true, name) !== 0 || guards.removesFor(part, false, name) !== 0);
    });
  }

  /** The parameters `raw` is made of, each with the dangers it keeps on the way (see `returnsParameters`). */
  private parameterFlow(raw: Node, depth: number, consts: Set<Variable>): Map<number, number> {
    const flow = new Map<number, number>();
    if (depth > 8) return flow;
    const add = (from: Map<number, number>, keep = ANY_DANGER): void => {
      for (const [param, danger] of from) if (danger & keep) flow.set(param, (flow.get(param) ?? 0) | (danger & keep));
    };
    const text = (node: Node, parts: readonly Node[]): void => {
      for (const part of parts) {
        for (const [param, danger] of this.parameterFlow(part, depth + 1, consts)) {
          const kept = withoutRedirectWhenFixedOrigin(this.sourceCode, node, { danger: danger & ~Danger.nosql });
          if (kept?.danger) add(new Map([[param, kept.danger]]));
        }
      }
    };
    const node = unwrap(raw);
    switch (node.type) {
      case T.Identifier: {
        const variable = findVariableOf(this.sourceCode, node);
        if (!variable) return flow;
        const index = this.params.get(variable);
        if (index !== undefined) {
          if (!isParameterReassigned(variable)) flow.set(index, ANY_DANGER);
          return flow;
        }
        const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== T.Identifier || !def.node.init) return flow;
        consts.add(variable);
        return this.parameterFlow(def.node.init, depth + 1, consts);
      }
      case T.TemplateLiteral:
        text(node, node.expressions);
        return flow;
      case T.BinaryExpression:
        if (node.operator === '+') text(node, [node.left, node.right]);
        return flow;
      case T.LogicalExpression:
        add(this.parameterFlow(node.left, depth + 1, consts));
        add(this.parameterFlow(node.right, depth + 1, consts));
        return flow;
      case T.ConditionalExpression:
        add(this.parameterFlow(node.consequent, depth + 1, consts));
        add(this.parameterFlow(node.alternate, depth + 1, consts));
        return flow;
      case T.AwaitExpression:
        return this.parameterFlow(node.argument, depth + 1, consts);
      case T.ObjectExpression:
        for (const p of node.properties) {
          if (p.type === T.SpreadElement) add(this.parameterFlow(p.argument, depth + 1, consts));
          else if (p.value.type !== T.AssignmentPattern) add(this.parameterFlow(p.value, depth + 1, consts));
        }
        return flow;
      case T.ArrayExpression:
        for (const e of node.elements) if (e) add(this.parameterFlow(e.type === T.SpreadElement ? e.argument : e, depth + 1, consts));
        return flow;
      case T.CallExpression: {
        const callee = unwrap(node.callee);
        const first = node.arguments[0];
        // `path.join(UPLOADS, name)`, `path.resolve(…)`, `path.normalize(…)`: a path made of its arguments, text as
        // request data reads it inline (`exports.fileFor = (name) => path.join(UPLOADS, name)`).
        if (this.isPathBuilder(node)) {
          text(node, node.arguments.map((a) => (a.type === T.SpreadElement ? a.argument : a)));
          return flow;
        }
        // `name.trim()`, `a.concat(b)`: text made of the receiver (and, for `concat`, the arguments).
        if (callee.type === T.MemberExpression && STRING_PROPAGATORS.has(staticKey(callee) ?? '')) {
          const parts: Node[] = [callee.object];
          if (staticKey(callee) === 'concat') for (const a of node.arguments) parts.push(a.type === T.SpreadElement ? a.argument : a);
          text(node, parts);
          return flow;
        }
        // `String(q)`, `encodeURIComponent(q)`: the globals of `SANITIZERS` that leave some dangers (the others leave none,
        // and a package's sanitizer ends the flow as any other call does).
        if (callee.type === T.Identifier && first && first.type !== T.SpreadElement && !findVariableOf(this.sourceCode, callee)?.defs.length) {
          const row = SANITIZERS.find((sanitizer) => sanitizer.global === callee.name);
          if (row && row.removes !== 'all') add(this.parameterFlow(first, depth + 1, consts), ANY_DANGER & ~row.removes);
        }
        return flow;
      }
      default:
        return flow;
    }
  }

  /** See `FunctionSummary.returnsObject`. */
  private returnsObject(): boolean {
    const isObject = (raw: Node, depth: number): boolean => {
      const node = unwrap(raw);
      if (node.type === T.ObjectExpression || node.type === T.ArrayExpression) return true;
      if (node.type === T.ConditionalExpression) return isObject(node.consequent, depth + 1) && isObject(node.alternate, depth + 1);
      if (node.type !== T.Identifier || depth > 4) return false;
      const variable = findVariableOf(this.sourceCode, node);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== T.Identifier || !def.node.init) return false;
      return isObject(def.node.init, depth + 1);
    };
    const returned = this.returned();
    // (An `async` function returns a promise: `res.send(await f(q))` sends what it resolves to.)
    return returned.length > 0 && returned.every((node) => isObject(node, 0));
  }

  /** See `FunctionSummary.returnsConstantText`. */
  private returnsConstantText(): boolean {
    const isConstant = (raw: Node, depth: number): boolean => {
      const node = unwrap(raw);
      if (depth > 6) return false;
      switch (node.type) {
        case T.Literal:
          return typeof node.value === 'string' || typeof node.value === 'number';
        case T.TemplateLiteral:
          return node.expressions.every((e) => isConstant(e, depth + 1));
        case T.ConditionalExpression:
          return isConstant(node.consequent, depth + 1) && isConstant(node.alternate, depth + 1);
        case T.LogicalExpression:
          return node.operator !== '&&' && isConstant(node.left, depth + 1) && isConstant(node.right, depth + 1);
        case T.BinaryExpression:
          return node.operator === '+' && isConstant(node.left, depth + 1) && isConstant(node.right, depth + 1);
        case T.Identifier: {
          const resolved = resolveConst(this.sourceCode, node);
          return resolved !== node && isConstant(resolved, depth + 1);
        }
        default:
          return false;
      }
    };
    const returned = this.returned();
    // (A function that may end without a `return` gives `undefined` there: constant too.)
    return returned.length > 0 && returned.every((node) => isConstant(node, 0));
  }

  private touches(id: TSESTree.Identifier, param: number, consts: ReadonlySet<Variable>): boolean {
    const variable = findVariableOf(this.sourceCode, id);
    return variable !== null && (this.params.get(variable) === param || consts.has(variable));
  }

  /**
   * The request data `raw` holds, read from a request parameter: `req.query.next`, `req.get('Referer')`, through `const`
   * locals (also one destructured from the request: `const { next } = req.query`), `||`, `??`, `?:`, templates, `+`,
   * `String()` and `await`. Text that starts with a fixed origin (`'https://app.example/' + x`) is no redirect, and the
   * request's own host (`req.headers.host`, `req.get('host')`) none either, as inline. `texts` gets the request
   * expressions read, as written.
   */
  private requestValue(raw: Node, depth: number, consts: Set<Variable>, texts?: Set<string>): ReturnedRequestData | null {
    if (depth > 8) return null;
    const node = unwrap(raw);
    const line = lineOf(node);
    switch (node.type) {
      case T.MemberExpression:
        return this.pathData(node, this.requestPath(node, depth, consts), texts);
      case T.CallExpression: {
        // `path.join(UPLOADS, req.params.file)`: a path that carries the data, as text.
        if (this.isPathBuilder(node)) {
          let found: ReturnedRequestData | null = null;
          for (const arg of node.arguments) if (arg.type !== T.SpreadElement) found = this.either(found, this.requestValue(arg, depth + 1, consts, texts));
          // (A path built from it may leave the folder whatever it writes: `Danger.wholePath`, as inline.)
          return found && found.danger & Danger.path ? asText({ ...found, danger: found.danger | Danger.wholePath }) : asText(found);
        }
        const callee = unwrap(node.callee);
        // `String(req.query.name || '')`: the same data, as text (the global `String`, not a local of that name).
        if (callee.type === T.Identifier && callee.name === 'String' && node.arguments.length === 1 && node.arguments[0]!.type !== T.SpreadElement) {
          const variable = findVariableOf(this.sourceCode, callee);
          if (!variable || variable.defs.length === 0) return asText(this.requestValue(node.arguments[0]!, depth + 1, consts, texts));
          return null;
        }
        if (callee.type !== T.MemberExpression) return null;
        const param = this.requestParam(unwrap(callee.object));
        const key = staticKey(callee) ?? '';
        let danger = param === null || !Object.hasOwn(REQUEST_METHODS, key) ? 0 : REQUEST_METHODS[key]!;
        // `req.get('host')`: the browser writes it from the URL it asks for.
        const header = node.arguments[0];
        if ((key === 'get' || key === 'header') && header?.type === T.Literal && typeof header.value === 'string') {
          danger &= ~(OWN_SITE_HEADERS[header.value.toLowerCase()] ?? 0);
        }
        if (!danger) return null;
        const source = this.sourceCode.getText(node);
        texts?.add(source);
        return { param: param!, danger, source, line };
      }
      case T.Identifier: {
        const variable = findVariableOf(this.sourceCode, node);
        // `query` of `({ query }, res)`: the request's `query`.
        if (variable && this.destructured.has(variable)) return this.pathData(node, this.requestPath(node, depth, consts), texts);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return null;
        // `const { next } = req.query`
        if (def.node.id.type === T.ObjectPattern) return this.pathData(node, this.requestPath(node, depth, consts), texts);
        if (def.node.id.type !== T.Identifier) return null;
        consts.add(variable!);
        return this.requestValue(def.node.init, depth + 1, consts, texts);
      }
      case T.LogicalExpression:
        return this.either(this.requestValue(node.left, depth + 1, consts, texts), this.requestValue(node.right, depth + 1, consts, texts));
      case T.ConditionalExpression:
        return this.either(this.requestValue(node.consequent, depth + 1, consts, texts), this.requestValue(node.alternate, depth + 1, consts, texts));
      case T.TemplateLiteral: {
        let found: ReturnedRequestData | null = null;
        // (A part after other text no longer writes the path whole: `Danger.wholePath`, as inline.)
        node.expressions.forEach((e, i) => {
          const part = this.requestValue(e, depth + 1, consts, texts);
          found = this.either(found, i === 0 && onlySeparators(node.quasis[0]!.value.cooked) ? part : notWhole(part));
        });
        return withoutRedirectWhenFixedOrigin(this.sourceCode, node, asText(found), this.standIn);
      }
      case T.BinaryExpression: {
        if (node.operator !== '+') return null;
        const right = this.requestValue(node.right, depth + 1, consts, texts);
        return withoutRedirectWhenFixedOrigin(
          this.sourceCode,
          node,
          asText(this.either(this.requestValue(node.left, depth + 1, consts, texts), isSeparatorText(node.left) ? right : notWhole(right))),
          this.standIn,
        );
      }
      case T.AwaitExpression:
        return this.requestValue(node.argument, depth + 1, consts, texts);
      default:
        return null;
    }
  }

  /** The request data that `path` (the keys read from a request parameter at `node`) names: `req.query.next`. */
  private pathData(node: Node, path: RequestPath | null, texts?: Set<string>): ReturnedRequestData | null {
    const [top, second] = path?.keys ?? [];
    if (!path || top === undefined || !Object.hasOwn(REQUEST_PROPERTIES, top)) return null;
    let danger = REQUEST_PROPERTIES[top]!;
    // `req.headers.host`: the browser writes it from the URL it asks for (`OWN_SITE_HEADERS`).
    if (top === 'headers' && second !== undefined && Object.hasOwn(OWN_SITE_HEADERS, second.toLowerCase())) danger &= ~OWN_SITE_HEADERS[second.toLowerCase()]!;
    // `req.query.ids.length`: a number.
    if (path.keys.length > 1 && path.keys.at(-1) === 'length') return null;
    if (!danger) return null;
    const source = path.direct ? this.sourceCode.getText(node) : [path.root, ...path.keys.slice(path.covered ?? 0)].join('.');
    texts?.add(source);
    texts?.add(this.sourceCode.getText(node));
    return { param: path.param, danger, source, line: lineOf(node) };
  }

  /**
   * The keys from a request parameter down to what `raw` holds (`req.query.next`: `['query', 'next']`), through static
   * members, `const` locals and a `const` destructured from one (`const { next } = req.query`); `null` otherwise.
   * `direct`: read on the parameter itself, as written.
   */
  private requestPath(raw: Node, depth: number, consts: Set<Variable>): RequestPath | null {
    if (depth > 8) return null;
    const node = unwrap(raw);
    if (node.type === T.MemberExpression) {
      const key = staticKey(node);
      const base = key === null ? null : this.requestPath(node.object, depth + 1, consts);
      return base && { ...base, keys: [...base.keys, key!] };
    }
    if (node.type !== T.Identifier) return null;
    const param = this.requestParam(node);
    if (param !== null) return { param, keys: [], root: node.name, direct: true };
    const variable = findVariableOf(this.sourceCode, node);
    const part = variable ? this.destructured.get(variable) : undefined;
    if (part) return isParameterReassigned(variable!) ? null : { param: part.param, keys: [part.key], root: node.name, direct: true, covered: 1 };
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return null;
    let key: string | null = null;
    if (def.node.id.type === T.ObjectPattern) {
      const name = def.name;
      const prop = def.node.id.properties.find(
        (p): p is TSESTree.Property => p.type === T.Property && (p.value === name || (p.value.type === T.AssignmentPattern && p.value.left === name)),
      );
      key = prop ? staticKey(prop) : null;
      if (key === null) return null;
    } else if (def.node.id !== def.name) {
      return null;
    }
    const base = this.requestPath(def.node.init, depth + 1, consts);
    if (!base) return null;
    consts.add(variable!);
    return { ...base, keys: key === null ? base.keys : [...base.keys, key], direct: false };
  }

  /**
   * What a part of a redirect's URL read from the request parameter stands for (`withoutRedirectWhenFixedOrigin`): the
   * request's own host (`req.headers.host`, `req.get('host')`, `req.hostname`) and Express's `req.protocol` a scheme.
   */
  private readonly standIn = (raw: Node): string | null => {
    const node = unwrap(raw);
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      const header = node.arguments[0];
      const isHost =
        callee.type === T.MemberExpression &&
        (staticKey(callee) === 'get' || staticKey(callee) === 'header') &&
        header?.type === T.Literal &&
        typeof header.value === 'string' &&
        header.value.toLowerCase() === 'host' &&
        this.requestParam(unwrap(callee.object)) !== null;
      return isHost ? 'host' : null;
    }
    const keys = this.requestPath(node, 0, new Set())?.keys.join('.');
    return keys === 'headers.host' || keys === 'hostname' ? 'host' : keys === 'protocol' ? 'https' : null;
  };

  private either(a: ReturnedRequestData | null, b: ReturnedRequestData | null): ReturnedRequestData | null {
    if (!a) return b;
    if (!b) return a;
    return a.param === b.param ? { ...a, danger: a.danger | b.danger } : a;
  }

  /** The index of a parameter used as a request (never reassigned). */
  private requestParam(node: Node): number | null {
    if (node.type !== T.Identifier) return null;
    const variable = findVariableOf(this.sourceCode, node);
    const index = variable ? this.params.get(variable) : undefined;
    return index === undefined || isParameterReassigned(variable!) ? null : index;
  }

  /** Cookie state (`members`) read from the first parameter, followed by name: `req.session.user`, `const { user } = req`. */
  private readsCookieState(members: ReadonlySet<string>): boolean {
    const first = this.fn.params[0];
    const id = first?.type === T.AssignmentPattern ? first.left : first;
    const name = id?.type === T.Identifier ? id.name : null;
    return readsCookieState(this.keys, this.fn, (node) => name !== null && node.type === T.Identifier && node.name === name, members);
  }
}

/**
 * Whether a function reads what cookies carry from its request (`req.session.x`, `req.user`, `const { user } = req`,
 * `({ cookies }, res)`): `isRequest` says which expressions are the request (by role in the linted file's model, by
 * parameter name in another file's summary).
 */
export function readsCookieState(
  keys: VisitorKeys,
  fn: FunctionNode,
  isRequest: (node: Node) => boolean,
  /** The `req` members that count (`COOKIE_STATE_KEYS`; without Passport's user where a token authenticates the route). */
  members: ReadonlySet<string> = COOKIE_STATE_KEYS,
): boolean {
  const first = fn.params[0];
  if (first?.type === T.ObjectPattern && patternReads(first, members)) return true;
  return someNode(
    keys,
    fn.body,
    (node) =>
      (node.type === T.MemberExpression && members.has(staticKey(node) ?? '') && isRequest(node.object)) ||
      (node.type === T.VariableDeclarator && node.id.type === T.ObjectPattern && node.init !== null && isRequest(node.init) && patternReads(node.id, members)),
  );
}

function patternReads(pattern: TSESTree.ObjectPattern, members: ReadonlySet<string>): boolean {
  return pattern.properties.some((p) => p.type === T.Property && members.has(staticKey(p) ?? ''));
}

/**
 * What `read` finds in a Mongo filter: the filter as a whole, or else the values of its keys, nested objects and spreads
 * (not under `$eq` or `$where`, not a destructuring default; nothing in an ORM's `{ where }`).
 */
function filterValues<R>(filter: Node, read: (node: Node) => R | null): R[] {
  const whole = read(filter);
  if (whole !== null) return [whole];
  const inner = unwrap(filter);
  if (inner.type !== T.ObjectExpression) return [];
  if (inner.properties.some((p) => p.type === T.Property && staticKey(p) === 'where')) return [];
  const found: R[] = [];
  const walk = (object: TSESTree.ObjectExpression, depth: number): void => {
    if (depth > 4) return;
    for (const prop of object.properties) {
      if (prop.type === T.SpreadElement) {
        const spread = read(prop.argument);
        if (spread !== null) found.push(spread);
        continue;
      }
      const key = staticKey(prop);
      if (key === '$eq' || key === '$where' || prop.value.type === T.AssignmentPattern) continue;
      const value = unwrap(prop.value);
      if (value.type === T.ObjectExpression) walk(value, depth + 1);
      else {
        const data = read(value);
        if (data !== null) found.push(data);
      }
    }
  };
  walk(inner, 0);
  return found;
}


/** Text built from a value cannot be a query operator object. */
function asText(data: ReturnedRequestData | null): ReturnedRequestData | null {
  if (!data) return null;
  const danger = data.danger & ~Danger.nosql;
  return danger ? { ...data, danger } : null;
}

/** `res` of `res.status(500).send(x)`: the object under the response's chaining methods. */
function responseObject(callee: TSESTree.MemberExpression): Node {
  let object: Node = unwrap(callee.object);
  while (object.type === T.CallExpression && object.callee.type === T.MemberExpression && RESPONSE_CHAIN_METHODS.has(staticKey(object.callee) ?? '')) {
    object = unwrap(object.callee.object);
  }
  return object;
}

/** The test that decides whether `child` of `node` runs: an `if`, `?:`, `&&`/`||` branch. */
/** How deep `callbackFileSinks` follows callbacks passed on by callbacks (`new Promise((ok) => stream.on('end', () => …))`). */
const MAX_CALLBACK_DEPTH = 2;

/** The functions written as arguments of a call or `new` (`new Promise((ok, ko) => …)`, `list.forEach((x) => …)`). */
function callbackArguments(node: Node): FunctionNode[] {
  if (node.type !== T.CallExpression && node.type !== T.NewExpression) return [];
  return node.arguments.filter((a): a is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression => a.type === T.ArrowFunctionExpression || a.type === T.FunctionExpression);
}

function guardOf(node: Node, child: Node): Node | null {
  if ((node.type === T.IfStatement || node.type === T.ConditionalExpression) && child !== node.test) return node.test;
  if (node.type === T.LogicalExpression && child === node.right) return node.left;
  return null;
}

function isConstantLiteral(raw: Node): boolean {
  const node = unwrap(raw);
  return (node.type === T.Literal && node.value !== null && !('regex' in node && node.regex)) || (node.type === T.TemplateLiteral && node.expressions.length === 0);
}

/** The constant text SQL built by `+` or a template literal starts with. */
function leadingText(node: Node): string {
  const inner = unwrap(node);
  if (inner.type === T.Literal && typeof inner.value === 'string') return inner.value;
  if (inner.type === T.TemplateLiteral) return inner.quasis[0]?.value.cooked ?? '';
  if (inner.type === T.BinaryExpression && inner.operator === '+') return leadingText(inner.left);
  return '';
}

/** Request data without `Danger.wholePath`: put after other text, it no longer writes the path whole. */
function notWhole(data: ReturnedRequestData | null): ReturnedRequestData | null {
  if (!data || !(data.danger & Danger.wholePath)) return data;
  const danger = data.danger & ~Danger.wholePath;
  return danger ? { ...data, danger } : null;
}

function isSqlOrmOptions(arg: TSESTree.CallExpressionArgument): boolean {
  const inner = arg.type === T.SpreadElement ? null : unwrap(arg);
  return inner?.type === T.ObjectExpression && inner.properties.some((p) => p.type === T.Property && SQL_ORM_OPTION_KEYS.has(staticKey(p) ?? ''));
}

/** What a branch tests: an `if`'s or a `?:`'s condition, the left side of `&&`; else `null`. */
function testOf(node: Node): Node | null {
  if (node.type === T.IfStatement || node.type === T.ConditionalExpression) return node.test;
  if (node.type === T.LogicalExpression && node.operator === '&&') return node.left;
  return null;
}

/**
 * Whether `method` takes SQL fragments by design whatever its receiver (knex's `whereRaw`); one that needs a known
 * receiver (sequelize's `literal`) is left to text that starts like SQL, since a summary does not follow receivers.
 */
/** Whether the file imports `module` (`import … from 'typeorm'`, `require('typeorm')`), read once per file. */
const importsOf = new WeakMap<TSESLint.SourceCode, Map<string, boolean>>();
function importsModule(sourceCode: TSESLint.SourceCode, module: string): boolean {
  let known = importsOf.get(sourceCode);
  if (!known) importsOf.set(sourceCode, (known = new Map()));
  let imports = known.get(module);
  if (imports === undefined) {
    imports =
      sourceCode.text.includes(module) &&
      sourceCode.ast.body.some(
        (statement) =>
          (statement.type === T.ImportDeclaration && statement.source.value === module) ||
          (statement.type === T.VariableDeclaration &&
            statement.declarations.some((d) => {
              const init = d.init && unwrap(d.init);
              return init?.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name === 'require' && init.arguments[0]?.type === T.Literal && init.arguments[0].value === module;
            })),
      );
    known.set(module, imports);
  }
  return imports;
}

function fragmentMethod(method: string): boolean {
  return Object.hasOwn(SQL_FRAGMENT_METHODS, method) && SQL_FRAGMENT_METHODS[method]!.modules === undefined;
}
