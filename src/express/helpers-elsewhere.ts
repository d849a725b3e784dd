import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { functionSummary, type FunctionSummary, type ParamSink, type ReportedThere } from '../project/function-summaries';
import { staticKey, unwrap } from './ast';
import type { ExpressModel } from './index';
import type { ImportedFunction, ModuleValue } from './model';
import type { RequestData } from './request-data';
import type { SqlPosition } from '../util/sql-position';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** A function of another module of the package, with the project model's summary of it. */
export interface SummaryElsewhere {
  summary: FunctionSummary;
  /** The file it is written in, relative to the package (`lib/respond.js`). */
  file: string;
  /** The project model's view of it, which reads what it hands on one hop further (`forwardedSinkFindings`). */
  imported: ImportedFunction;
}

/** Request data that a caller passes to a helper of another module of the package, which hands it to a sink. */
export interface HelperFinding {
  /**
   * The caller's argument that carries request data, or the call itself when the helper reads the request data from
   * the request the caller passes (`redirectBack(req, res, '/home')`).
   */
  node: TSESTree.Node;
  /** `req.query.next, through 'sendTo' (lib/respond.js:3)`. */
  source: string;
  /** The sink as the helper calls it: `res.redirect`, `db.query`, `User.find`, `fs.readFile`. */
  method: string;
  /** What the helper does with it (`where`: a `$where` text; `sqlPart`: a part of SQL text; `file`: an `fs` path). */
  kind: ParamSink['kind'];
  /**
   * A response body that is the parameter as it is (`res.send(body)`), not text built around it; a Mongo filter
   * (`nosql`) that is the parameter itself, or spread into it, not a value of one of its keys.
   */
  whole?: boolean;
  /** Where it stands in the SQL text the helper builds (`sqlPart`): a table or column name needs an allow list. */
  position?: SqlPosition;
  /** The helper's own file reports that part of its SQL text, whatever the caller passes (`sqlPart`, `ReportedThere`). */
  reportedThere?: ReportedThere;
}

const NONE: readonly HelperFinding[] = [];
const RESPONSE_ONLY: readonly ParamSink['kind'][] = ['response'];

const NO_MODULE_CALLS: NonNullable<ImportedFunction['moduleCalls']> = [];

const asked = new WeakMap<ExpressModel, Map<string, SummaryElsewhere | null>>();

/**
 * The summary of the function that `value` (an import of a file of the package) is, or `undefined`; asked once per
 * imported value and linted file (every call of a helper, in every rule, asks again).
 */
export function summaryElsewhere(model: ExpressModel, value: ModuleValue | undefined, keys: VisitorKeys): SummaryElsewhere | undefined {
  if (!value || value.app || !value.module.startsWith('.')) return undefined;
  let known = asked.get(model);
  if (!known) {
    known = new Map();
    asked.set(model, known);
  }
  const key = `${value.module}\0${value.path.join('\0')}`;
  let found = known.get(key);
  if (found === undefined) {
    const elsewhere = model.functionElsewhere(value);
    // The module calls of its file (its model, built for them) when the summary first asks: for crypto's calls
    // (`fastHashes`) and `fs`'s and `path`'s, only in a file that names them.
    const moduleCalls = (): NonNullable<ImportedFunction['moduleCalls']> => elsewhere?.moduleCalls ?? NO_MODULE_CALLS;
    found = elsewhere ? { summary: functionSummary(elsewhere.sourceCode, elsewhere.fn, keys, moduleCalls), file: elsewhere.file, imported: elsewhere } : null;
    known.set(key, found);
  }
  return found ?? undefined;
}

/** The name a call gives its callee: `sendTo`, `respond.sendTo` → `sendTo`. */
export function helperName(callee: TSESTree.Node): string {
  const inner = unwrap(callee);
  if (inner.type === T.Identifier) return inner.name;
  if (inner.type === T.MemberExpression) return staticKey(inner) ?? 'helper';
  return 'helper';
}

/**
 * Cross-file helper flow: at `call` of a function that another module of the package exports, the arguments
 * carrying request data with `danger` that the helper hands, unchanged, to a sink (its summary, computed once per
 * function by the project model: `src/project/function-summaries.ts`):
 * - a response sink of `HELPER_RESPONSE_SINKS` on the response the caller passes (`sendTo(res, req.query.next)` with
 *   `module.exports.sendTo = (res, url) => res.redirect(url)`);
 * - a query method's SQL text (`runQuery(sql)` doing `db.query(sql)`), a Mongo filter or a value in one
 *   (`findUser(filter)` doing `User.find(filter)`), or a path an `fs` function opens (`readUpload(name)` doing
 *   `fs.readFile(path.join(UPLOADS, name))`), when `kinds` asks for them.
 * A sink under a condition that mentions the parameter (an allow list, a check) is not counted.
 * And the request data that the helper reads itself from the request the caller passes (the handler's `req`:
 * `redirectBack(req, res, '/home')` with `(req, res, fallback) => res.redirect(req.query.returnTo || fallback)`),
 * reported at the call; not for a helper its own file takes for a handler (`FunctionSummary.handlerLike`), whose
 * findings are that file's.
 */
export function helperFindings(
  model: ExpressModel,
  requestData: RequestData,
  call: TSESTree.CallExpression,
  danger: number,
  /** The linted file's visitor keys, for a file the project model parsed without its own. */
  keys: VisitorKeys,
  kinds: readonly ParamSink['kind'][] = RESPONSE_ONLY,
): readonly HelperFinding[] {
  if (requestData.handlers.list.length === 0 || call.arguments.length === 0) return NONE;
  // Only a value imported from a file of the package has a summary (`summaryElsewhere`): any other call is left
  // before its arguments' request data is computed.
  const callee = model.valueOf(call.callee);
  if (!callee || callee.app || !callee.module.startsWith('.')) return NONE;
  // Only an argument that carries request data, or the handler's request itself, can be reported: without one, the
  // other file is not read.
  const handlers = requestData.handlers;
  const passesRequest = passesRequestOn(handlers, call, kinds);
  if (!passesRequest && !call.arguments.some((arg) => arg.type !== T.SpreadElement && requestData.taintOf(arg) !== null)) return NONE;
  const elsewhere = summaryElsewhere(model, callee, keys);
  if (!elsewhere) return NONE;
  const name = helperName(call.callee);
  const found: HelperFinding[] = [];
  const seen = new Set<TSESTree.Node>();
  for (const sink of elsewhere.summary.sinks) {
    if (sink.kind === 'error' || !kinds.includes(sink.kind) || !(sink.danger & danger)) continue;
    const arg = call.arguments[sink.param];
    if (!arg || arg.type === T.SpreadElement || seen.has(arg)) continue;
    if (sink.kind === 'response') {
      const receiver = call.arguments[sink.receiver];
      if (!receiver || receiver.type === T.SpreadElement || handlers.roleOf(receiver) !== 'res') continue;
    }
    const taint = requestData.carries(arg, sink.danger);
    // (`res.sendFile(name)` in the helper: only a value that writes the path whole reaches another folder.)
    const all = sink.kind === 'response' ? (sink.all ?? 0) : 0;
    if (!taint || (taint.danger & all) !== all) continue;
    seen.add(arg);
    found.push({
      node: arg,
      source: `${taint.source}, through '${name}' (${elsewhere.file}:${sink.line})`,
      method: sink.kind === 'response' ? `res.${sink.method}` : sink.method,
      kind: sink.kind,
      ...((sink.kind === 'response' || sink.kind === 'nosql') && sink.whole ? { whole: true } : {}),
      ...(sink.kind === 'sqlPart' ? { position: sink.position, ...(sink.reportedThere ? { reportedThere: sink.reportedThere } : {}) } : {}),
    });
  }
  if (elsewhere.summary.forwards.length > 0) found.push(...forwardedSinkFindings(model, requestData, call, elsewhere, name, danger, keys, kinds, seen));
  if (passesRequest) found.push(...requestSinkFindings(model, requestData, call, elsewhere, name, danger, kinds));
  return found;
}

/**
 * Where a helper hands a parameter on (`Forward.call`): the summary of the method it calls there, or `null`; per linted
 * file's model, as `summaryElsewhere` asks (the next file may change between lints while the helper's parse is kept).
 */
const forwardedTo = new WeakMap<ExpressModel, Map<TSESTree.CallExpression, SummaryElsewhere | null>>();

/** The sinks of the next hop whose arguments a caller fills (a response sink needs the caller's response, an error is its own). */
const FORWARDED_KINDS: ReadonlySet<ParamSink['kind']> = new Set(['sqlPart', 'nosql', 'where', 'file']);

/**
 * Two-hop service chains: request data the caller passes to a helper of another module that hands it on, as it is, to a
 * method of an instance its class keeps (`UsersService.search(filter)` doing `this.repo.findRaw(filter)`, the
 * repository another injected service: `FunctionSummary.forwards`), which puts it into a query, a filter or a path
 * (its own summary's sinks): reported at the caller's argument, naming both methods. The helper's file's model says
 * what `this.repo.findRaw` is (its `moduleCalls`), and that method's file is read only for an argument that carries
 * request data; what the next method hands on is not followed (one hop further, no more).
 */
function forwardedSinkFindings(
  model: ExpressModel,
  requestData: RequestData,
  call: TSESTree.CallExpression,
  elsewhere: SummaryElsewhere,
  name: string,
  danger: number,
  keys: VisitorKeys,
  kinds: readonly ParamSink['kind'][],
  seen: Set<TSESTree.Node>,
): HelperFinding[] {
  const found: HelperFinding[] = [];
  let known = forwardedTo.get(model);
  if (!known) {
    known = new Map();
    forwardedTo.set(model, known);
  }
  for (const forward of elsewhere.summary.forwards) {
    const arg = call.arguments[forward.param];
    if (!arg || arg.type === T.SpreadElement || seen.has(arg) || requestData.taintOf(arg) === null) continue;
    let next = known.get(forward.call);
    if (next === undefined) {
      const value = elsewhere.imported.moduleCalls?.find((c) => c.node === forward.call)?.callee;
      const imported = value ? elsewhere.imported.functionElsewhere?.(value) : undefined;
      next = imported ? { summary: functionSummary(imported.sourceCode, imported.fn, keys, () => imported.moduleCalls ?? NO_MODULE_CALLS), file: imported.file, imported } : null;
      known.set(forward.call, next);
    }
    if (!next) continue;
    for (const sink of next.summary.sinks) {
      if (sink.kind === 'error' || sink.param !== forward.arg || !FORWARDED_KINDS.has(sink.kind) || !kinds.includes(sink.kind) || !(sink.danger & danger)) continue;
      const taint = requestData.carries(arg, sink.danger);
      if (!taint) continue;
      seen.add(arg);
      found.push({
        node: arg,
        source: `${taint.source}, through '${name}' (${elsewhere.file}:${forward.line}) and '${helperName(forward.call.callee)}' (${next.file}:${sink.line})`,
        method: sink.method,
        kind: sink.kind,
        ...(sink.kind === 'nosql' && sink.whole ? { whole: true } : {}),
        ...(sink.kind === 'sqlPart' ? { position: sink.position, ...(sink.reportedThere ? { reportedThere: sink.reportedThere } : {}) } : {}),
      });
      break;
    }
  }
  return found;
}

/**
 * Whether `call` hands the handler's request to a function that may read request data from it for a sink of `kinds`,
 * judged from the arguments alone, before that function's file is read: the request, and the response for a response
 * sink; not the handler's own arguments alone (`(req, res)`, `(req, res, next)`): that hands the request on to a
 * function shaped like a handler, which its own file reads (`FunctionSummary.handlerLike`).
 */
export function passesRequestOn(handlers: RequestData['handlers'], call: TSESTree.CallExpression, kinds: readonly ParamSink['kind'][]): boolean {
  const roles = call.arguments.map((arg) => (arg.type === T.SpreadElement ? null : handlers.roleOf(arg)));
  if (!roles.includes('req')) return false;
  const passesResponse = roles.includes('res');
  if (passesResponse && roles.every((role) => role === 'req' || role === 'res' || role === 'next')) return false;
  return passesResponse || kinds.some((kind) => kind !== 'response');
}

/**
 * The request data a helper of another module reads from the handler's request that `call` passes, and hands to a
 * sink of `kinds` with `danger` (`FunctionSummary.requestSinks`): one finding at the call per kind of sink.
 */
function requestSinkFindings(
  model: ExpressModel,
  requestData: RequestData,
  call: TSESTree.CallExpression,
  elsewhere: SummaryElsewhere,
  name: string,
  danger: number,
  kinds: readonly ParamSink['kind'][],
): HelperFinding[] {
  const { summary, file } = elsewhere;
  // Its own file reads it as a handler (typed, or shaped like one with the shapes on): the findings are there.
  if (summary.handlerLike === 'typed' || (summary.handlerLike === 'shape' && model.settings.handlerShapes)) return [];
  const found: HelperFinding[] = [];
  const reported = new Set<string>();
  for (const sink of summary.requestSinks) {
    if (!kinds.includes(sink.kind) || !(sink.danger & danger) || reported.has(sink.kind)) continue;
    const request = call.arguments[sink.request];
    if (!request || request.type === T.SpreadElement || requestData.handlers.roleOf(request) !== 'req') continue;
    if (sink.kind === 'response') {
      const receiver = sink.receiver === undefined ? undefined : call.arguments[sink.receiver];
      if (!receiver || receiver.type === T.SpreadElement || requestData.handlers.roleOf(receiver) !== 'res') continue;
    }
    reported.add(sink.kind);
    found.push({
      node: call,
      source: `${sink.source}, through '${name}' (${file}:${sink.line})`,
      method: sink.kind === 'response' ? `res.${sink.method}` : sink.method,
      kind: sink.kind,
      ...(sink.position ? { position: sink.position } : {}),
      ...(sink.reportedThere ? { reportedThere: sink.reportedThere } : {}),
    });
  }
  return found;
}
