import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  CONTENT_TYPE_METHODS,
  Danger,
  JSON_BODY_METHODS,
  METHOD_OVERRIDE_MODULE,
  NON_NAVIGATION_METHODS,
  REQUEST_PROPERTIES,
  RESPONSE_BODY_METHODS,
} from '../data/sinks';
import {
  enclosingFunction,
  enclosingHandler,
  getExpressModel,
  getRequestData,
  helperSinkFindings,
  literalString,
  staticKey,
  unwrap,
  usedMiddleware,
  type ExpressApp,
  type RequestData,
  type RequestHandler,
  type RequestHandlers,
  isConstantText,
} from '../express';
import { mayReturnFromNestRoute, nestHtmlReturn } from '../express/nest';
import { createRule } from '../util/create-rule';

type Options = [];
type MessageIds = 'reflected';

export default createRule<Options, MessageIds>({
  name: 'no-reflected-xss',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data written unescaped into HTML responses',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      reflected:
        "Request data ({{source}}) is written into the response by '{{method}}' without escaping: reflected XSS. Escape it (escape-html), render it through a template engine, or send JSON.",
    },
  },
  defaultOptions: [],
  // Request data.
  gate: (file) => file.mayHandleRequests,
  create(context) {
    /** Handler functions that set a non-HTML Content-Type, and where. */
    const plainFrom = new Map<TSESTree.Node, number>();
    /** Handler functions that set an HTML Content-Type (then `res.send(obj)` sends its JSON as HTML), and where. */
    const htmlFrom = new Map<TSESTree.Node, number>();
    const before = (marks: Map<TSESTree.Node, number>, handler: RequestHandler | null, node: TSESTree.Node): boolean => {
      const from = handler ? marks.get(handler.fn) : undefined;
      return from !== undefined && from < node.range[0];
    };

    /**
     * The calls that set a Content-Type, kept until a body is sent (candidate-first: they only mark the handler for the
     * sends after them, so the request data is asked for them then, in the order they came).
     */
    const typeCalls: { node: TSESTree.CallExpression; object: TSESTree.Node; method: string }[] = [];
    const markTypes = (handlers: RequestHandlers): void => {
      for (const { node, object, method } of typeCalls.splice(0)) {
        if (handlers.list.length === 0 || handlers.roleOf(object) !== 'res') continue;
        const type = typeSetBy(node, method);
        const marks = isNonHtmlType(type) ? plainFrom : isHtmlType(type) ? htmlFrom : null;
        const handler = marks && handlers.enclosing(node);
        if (marks && handler && !marks.has(handler.fn)) marks.set(handler.fn, node.range[0]);
      }
    };

    return {
      CallExpression(node) {
        // Cross-file: a helper of another module of the package that sends what it is given as the body.
        const elsewhere = helperSinkFindings(context, node, Danger.xss);
        if (elsewhere.length > 0) {
          const requestData = getRequestData(context);
          markTypes(requestData.handlers);
          const handler = requestData.handlers.enclosing(node);
          for (const finding of elsewhere) {
            if (before(plainFrom, handler, node) || isWholeRequestObject(requestData, finding.node)) continue;
            // `send(res, { id })` with `exports.send = (res, body) => res.send(body)`: sent as JSON.
            const json = finding.whole === true && JSON_BODY_METHODS.has(finding.method.slice('res.'.length)) && !before(htmlFrom, handler, node);
            if (json && requestData.holdsObject(finding.node)) continue;
            context.report({ node: finding.node, messageId: 'reflected', data: { source: finding.source, method: finding.method } });
          }
        }
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression) return;
        const method = staticKey(callee);
        if (method === null) return;
        const isBody = RESPONSE_BODY_METHODS.has(method);
        if (!isBody) {
          if (CONTENT_TYPE_METHODS.has(method)) typeCalls.push({ node, object: callee.object, method });
          return;
        }
        // Candidate-first: a body that is a constant (a string, a number, a template without parts) carries no request
        // data, and the model is not asked for it.
        const arg = node.arguments[0];
        if (!arg || arg.type === T.SpreadElement || isConstantText(arg)) return;
        const requestData = getRequestData(context);
        const handlers = requestData.handlers;
        markTypes(handlers);
        if (handlers.list.length === 0 || handlers.roleOf(callee.object) !== 'res') return;
        if (isWholeRequestObject(requestData, arg) || chainSets(callee.object, isNonHtmlType)) return;
        const handler = handlers.enclosing(node);
        if (before(plainFrom, handler, node)) return;
        if (handler && neverNavigated(handler)) return;
        // `res.send({ id })`, `res.send([q])`: Express sends an object or array as JSON, unless an HTML type is set.
        const json =
          JSON_BODY_METHODS.has(method) && !chainSets(callee.object, isHtmlType) && !before(htmlFrom, handler, node) && !inHtmlFormat(node, (n) => handlers.roleOf(n) === 'res');
        for (const finding of requestData.findings(arg, Danger.xss, { json })) {
          context.report({ node: finding.node, messageId: 'reflected', data: { source: finding.source, method: `res.${method}` } });
        }
      },
      // NestJS hook: a string a route method returns is sent with res.send, as text/html.
      ReturnStatement(node) {
        // Candidate-first: a return of a decorated method (a Nest route method's).
        if (!mayReturnFromNestRoute(node)) return;
        const model = getExpressModel(context);
        if (model.handlers.length === 0) return;
        const sent = nestHtmlReturn(enclosingHandler(model, node), node, (n) => model.valueOf(n));
        const taint = sent ? getRequestData(context).carries(sent, Danger.xss) : null;
        if (sent && taint) context.report({ node: sent, messageId: 'reflected', data: { source: taint.source, method: 'return' } });
      },
    };
  },
});

/** `res.type('json').send(x)`, `res.status(400).set('Content-Type', 'text/plain').send(x)`: a type `test` accepts. */
function chainSets(node: TSESTree.Node, test: (type: string | null) => boolean): boolean {
  let current = unwrap(node);
  while (current.type === T.CallExpression && current.callee.type === T.MemberExpression) {
    const method = staticKey(current.callee);
    if (method !== null && CONTENT_TYPE_METHODS.has(method) && test(typeSetBy(current, method))) return true;
    current = unwrap(current.callee.object);
  }
  return false;
}

/** The Content-Type a call of `CONTENT_TYPE_METHODS` sets, as written, or `null` (another header, not known). */
function typeSetBy(call: TSESTree.CallExpression, method: string): string | null {
  const [first, second] = call.arguments;
  if (method === 'type' || method === 'contentType') return literalString(first);
  if (method === 'writeHead') {
    const headers = call.arguments.find((a) => unwrap(a).type === T.ObjectExpression);
    return headers ? objectType(unwrap(headers) as TSESTree.ObjectExpression) : null;
  }
  const name = literalString(first);
  if (name !== null) return name.toLowerCase() === 'content-type' ? literalString(second) : null;
  const object = first ? unwrap(first) : null;
  return object?.type === T.ObjectExpression ? objectType(object) : null;
}

function objectType(object: TSESTree.ObjectExpression): string | null {
  for (const p of object.properties) {
    if (p.type === T.Property && staticKey(p)?.toLowerCase() === 'content-type') return literalString(p.value);
  }
  return null;
}

/** Any type a browser does not render as HTML: `json`, `text/plain`, `application/json; charset=utf-8`, `txt`. */
function isNonHtmlType(type: string | null): boolean {
  if (type === null) return false;
  const lower = type.toLowerCase().trim();
  return !/html|xml|svg/u.test(lower) && lower !== '';
}

/** A type a browser may render as a document: `html`, `text/html`, `image/svg+xml`. */
function isHtmlType(type: string | null): boolean {
  return type !== null && /html|xml|svg/u.test(type.toLowerCase());
}

/** `res.send(req.body)`: a parsed object is sent as JSON. */
function isWholeRequestObject(requestData: RequestData, node: TSESTree.Node): boolean {
  const inner = unwrap(node);
  return (
    inner.type === T.MemberExpression &&
    requestData.handlers.roleOf(inner.object) === 'req' &&
    (staticKey(inner) ?? '') in REQUEST_PROPERTIES &&
    staticKey(inner) !== 'headers'
  );
}

/**
 * A handler registered for PUT, PATCH or DELETE only, on an app or router that mounts no `method-override` (nor do
 * the apps it is mounted on): no browser renders its response as a page.
 */
function neverNavigated(handler: RequestHandler): boolean {
  const call = handler.registered?.call;
  if (!call || !NON_NAVIGATION_METHODS.has(call.method)) return false;
  return !overridesMethod(call.app, new Set());
}

function overridesMethod(app: ExpressApp, seen: Set<ExpressApp>): boolean {
  if (seen.has(app)) return false;
  seen.add(app);
  return (
    usedMiddleware(app).some(({ item }) => item.value?.module === METHOD_OVERRIDE_MODULE) ||
    app.mounts.some((m) => overridesMethod(m.parent, seen))
  );
}

/**
 * Inside the `html` callback of `res.format({ html() { ... } })`: Express has set `text/html` before calling it, so an
 * object sent there is JSON text served as HTML.
 */
function inHtmlFormat(node: TSESTree.Node, isResponse: (node: TSESTree.Node) => boolean): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const property = fn.parent;
    if (property?.type !== T.Property || property.value !== fn) continue;
    const key = staticKey(property);
    const call = property.parent.parent;
    if (
      (key === 'html' || key === 'text/html') &&
      call?.type === T.CallExpression &&
      call.arguments[0] === property.parent &&
      call.callee.type === T.MemberExpression &&
      staticKey(call.callee) === 'format' &&
      isResponse(call.callee.object)
    ) {
      return true;
    }
  }
  return false;
}

