import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { ELEMENT_CALLBACK_METHODS, ERROR_FIRST_CALLBACK_MODULES, ERROR_PARAMETER_NAME, LISTENER_METHODS } from '../data/callbacks';
import {
  enclosingFunction,
  findVariableOf,
  functionSummaryElsewhere,
  getExpressModel,
  getRequestData,
  pathEquals,
  isFunction,
  staticKey,
  unwrap,
  type ExpressModel,
  type FunctionNode,
  isConstantText,
  packageValueOf,
  someNode,
} from '../express';
import { createRule, fileSigns, mayHaveApps, moduleNames } from '../util/create-rule';
import { caughtVariables, findLeak, isClassified, isDevelopmentOnly, SEND_METHODS, type Found, type Leak } from '../express/error-details';

type Options = [{ allowMessage?: boolean }];
type MessageIds = 'details' | 'errorhandler';
type Variable = TSESLint.Scope.Variable;

const WHAT: Record<Leak, string> = {
  err: "the error object '{{name}}'",
  stack: "the stack trace of '{{name}}'",
  message: "the message of '{{name}}'",
};

/** errorhandler, the development error page (`app.use(errorhandler())`). */
const ERRORHANDLER = moduleNames('errorhandler');

export default createRule<Options, MessageIds>({
  name: 'no-error-details-in-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending error objects, stack traces or error messages to clients',
      recommended: 'recommended',
      strictOptions: [{ allowMessage: false }],
    },
    defaultOptions: [{ allowMessage: true }],
    schema: [
      {
        type: 'object',
        properties: {
          allowMessage: {
            type: 'boolean',
            description: "Allow sending `err.message` (and `String(err)`); `false` reports it too, as the strict config does.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      details:
        "Response sends {{what}}: stack traces and internal error details tell an attacker about file paths, libraries, queries and data. Log it and send a generic message.",
      errorhandler:
        "'{{app}}' mounts errorhandler() without a NODE_ENV check: it sends every error's stack trace and properties to the client, in production too. Mount it only when the environment is development.",
    },
  },
  // A handler's response (and `errorhandler()` mounted on an app).
  gate: (file) => file.mayHandleRequests,
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowMessage = options.allowMessage !== false;
    // Every function that receives a request: registered, exported or shaped like a handler, typed, Node servers'.
    const handlers = () => getRequestData(context).handlers;

    const rendering = new Map<FunctionNode, boolean>();
    /** Whether a function (or a callback in it) renders a template on a response: `res.render('error')`. */
    const renders = (fn: FunctionNode | null): boolean => {
      if (!fn) return false;
      let known = rendering.get(fn);
      if (known === undefined) {
        known = someNode(
          sourceCode.visitorKeys,
          fn.body,
          (n) =>
            n.type === T.CallExpression &&
            n.callee.type === T.MemberExpression &&
            staticKey(n.callee) === 'render' &&
            handlers().roleOf(n.callee.object) === 'res',
        );
        rendering.set(fn, known);
      }
      return known;
    };

    /** The variables that hold a caught error around `node`, inside a known handler; `null` when not in one. */
    const errorVariables = (node: TSESTree.Node): Variable[] | null => {
      const known = handlers();
      const variables: Variable[] = [];
      // (A destructured one, `catch ({ stack })`: what it takes from the error.)
      const addParam = (param: TSESTree.Node | null | undefined): void => {
        variables.push(...caughtVariables(sourceCode, param));
      };
      for (let current = node.parent; current; current = current.parent) {
        if (current.type === T.CatchClause) addParam(current.param);
        if (!isFunction(current)) continue;
        const handler = known.handlerOf(current);
        if (handler) {
          if (!handler.registered || handler.registered.isErrorHandler) addParam(handler.params.err);
          return variables;
        }
        if (isPromiseErrorCallback(current) || isErrorFirstCallback(getExpressModel(context), sourceCode, current)) {
          addParam(current.params[0]);
        }
      }
      return null;
    };

    /** The error of a Nest exception filter that names the errors it catches (`@Catch(HttpException)`): identified. */
    const caughtByClass = (leak: Found): boolean => {
      const handler = handlers().enclosing(leak.node);
      const err = handler?.errorClassified ? handler.params.err : undefined;
      return err?.type === T.Identifier && err.name === leak.name;
    };

    const check = (node: TSESTree.Node, errors: readonly Variable[]): void => {
      const leak = findLeak(sourceCode, node, errors, 0);
      if (!leak || (leak.kind === 'message' && allowMessage)) return;
      if (isDevelopmentOnly(leak.node)) return;
      if (leak.kind === 'message' && (isClassified(sourceCode, leak.node, errors) || caughtByClass(leak))) return;
      context.report({
        node: leak.node,
        messageId: 'details',
        data: { what: WHAT[leak.kind].replace('{{name}}', leak.name) },
      });
    };

    /**
     * A local helper that sends its parameter (`function fail(res, err) { res.status(500).send(err.stack) }`): each
     * call that passes a caught error there is reported at that argument, naming the helper.
     * Not the function summary (`helperSummary`), which differs on: a helper typed `(res: Response, err)` (a handler
     * by type, so it has no summary); a send under a test of the error (`if (err.expose) res.send(err.stack)`, or an
     * `instanceof` class check before `err.message`: the summary drops it); a receiver the caller does not pass as its
     * response (`fail(other, e)`: the summary asks for it).
     */
    /** Arguments reported through a local helper: one that sends in several places reports each call once. */
    const reportedThroughHelper = new Set<TSESTree.Node>();
    const checkHelper = (node: TSESTree.Node, arg: TSESTree.Node): void => {
      let fn: TSESTree.Node | undefined = node.parent;
      while (fn && !isFunction(fn)) fn = fn.parent;
      if (!fn || !isFunction(fn)) return;
      // A function typed `(res: Response, err)` is a helper too: it receives no request.
      const handler = handlers().handlerOf(fn);
      if (handler && (handler.params.req || handler.params.err)) return;
      const params: Variable[] = [];
      // (A parameter with a default, `msg = ''`, holds what the caller passes.)
      const named = fn.params.map((param) => (param.type === T.AssignmentPattern ? param.left : param));
      for (const param of named) {
        const variable = param.type === T.Identifier ? findVariableOf(sourceCode, param) : null;
        if (variable) params.push(variable);
      }
      const leak = params.length > 0 ? findLeak(sourceCode, arg, params, 0) : null;
      if (!leak || (leak.kind === 'message' && allowMessage) || isDevelopmentOnly(leak.node)) return;
      const index = named.findIndex((p) => p.type === T.Identifier && p.name === leak.name);
      const name = fn.type === T.FunctionDeclaration ? fn.id?.name : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id.name : undefined;
      if (index < 0 || !name) return;
      for (const call of handlers().callsOf(fn)) {
        const passed = call.arguments[index];
        if (!passed || passed.type === T.SpreadElement || isDevelopmentOnly(call)) continue;
        const errors = errorVariables(call);
        const sent = errors && !reportedThroughHelper.has(passed) ? throughHelper(leak.kind, findLeak(sourceCode, passed, errors, 0)) : null;
        if (!sent || (sent.kind === 'message' && (allowMessage || isClassified(sourceCode, call, errors!)))) continue;
        const what = `${WHAT[sent.kind].replace('{{name}}', sent.name)} (through '${name}')`;
        reportedThroughHelper.add(passed);
        context.report({ node: passed, messageId: 'details', data: { what } });
      }
      // `stream.on('error', fail)`, `promise.catch(fail)`: the helper itself is the listener, given the error first.
      if (index !== 0) return;
      const id = fn.type === T.FunctionDeclaration ? fn.id : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id : null;
      for (const ref of (id ? findVariableOf(sourceCode, id)?.references : undefined) ?? []) {
        const given = ref.identifier;
        if (!isErrorListener(given) || reportedThroughHelper.has(given) || isDevelopmentOnly(given)) continue;
        const sent = throughHelper(leak.kind, { kind: 'err', node: given, name: leak.name });
        if (!sent || (sent.kind === 'message' && allowMessage)) continue;
        reportedThroughHelper.add(given);
        context.report({ node: given, messageId: 'details', data: { what: `${WHAT[sent.kind].replace('{{name}}', sent.name)} (through '${name}')` } });
      }
    };

    /**
     * Cross-file: `sendError(res, err)` of another module of the package writes its error parameter into the response
     * it is given (the project model's summary of it): a caught error passed here with this handler's response is
     * reported at that argument, naming the helper and its file.
     */
    const helperElsewhere = (node: TSESTree.CallExpression): void => {
      // What a report needs, checked before the other file is read: a call inside a handler that passes this handler's
      // response and a variable holding a caught error.
      // Only a value of another module of the package has a summary there (`functionSummaryElsewhere`), read through the
      // project's view of a file that starts the whole-app walk: asked before the file's request data (candidate-first).
      if (node.arguments.length < 2 || !fileSigns(context).crossFile || !packageValueOf(context, node.callee)) return;
      if (handlers().list.length === 0) return;
      if (!node.arguments.some((arg) => arg.type !== T.SpreadElement && handlers().roleOf(arg) === 'res')) return;
      const caught = errorVariables(node);
      if (!caught || caught.length === 0) return;
      // (The error itself, `sendError(res, err)`, or what it holds, `sendError(res, err.message)`.)
      if (!node.arguments.some((arg) => arg.type !== T.SpreadElement && findLeak(sourceCode, arg, caught, 0) !== null)) return;
      const helper = functionSummaryElsewhere(context, node);
      if (!helper || isDevelopmentOnly(node)) return;
      // (A helper that sends the parameter in several places, `if (busy) res.status(503).json({ msg }) else ...`: one
      // finding per argument, at its first send.)
      const reported = new Set<TSESTree.Node>();
      for (const sink of helper.summary.sinks) {
        if (sink.kind !== 'error') continue;
        const arg = node.arguments[sink.param];
        const passed = arg && arg.type !== T.SpreadElement ? unwrap(arg) : null;
        if (!passed || reported.has(passed)) continue;
        const receiver = node.arguments[sink.receiver];
        if (!passed || !receiver || receiver.type === T.SpreadElement || handlers().roleOf(receiver) !== 'res') continue;
        const sent = throughHelper(sink.leak, findLeak(sourceCode, passed, caught, 0));
        if (!sent || (sent.kind === 'message' && (allowMessage || isClassified(sourceCode, node, caught)))) continue;
        const what = `${WHAT[sent.kind].replace('{{name}}', sent.name)} (through '${helper.name}' (${helper.file}:${sink.line}))`;
        reported.add(passed);
        context.report({ node: passed, messageId: 'details', data: { what } });
      }
    };

    return {
      // `app.use(errorhandler())` outside `if (process.env.NODE_ENV === 'development')`
      'Program:exit'() {
        // Candidate-first: errorhandler's middleware on an app of the file (its value here, or read from the module of
        // the package that exports it, `importedMiddleware`, through the whole-app view).
        if (!mayHaveApps(context) || !(fileSigns(context).crossFile || fileSigns(context).mayHoldModules(ERRORHANDLER))) return;
        const model = getExpressModel(context);
        // (Once per item: the calls a loop writes out, one per element, share the items that name no element.)
        const reported = new Set<TSESTree.Node>();
        for (const app of model.apps) {
          for (const call of app.calls) {
            if (!call.isUse || isDevelopmentOnly(call.node)) continue;
            for (const item of call.middleware) {
              if (!pathEquals(item.value, 'errorhandler', ['()']) || isDevelopmentOnly(item.value!.node) || reported.has(item.node)) continue;
              reported.add(item.node);
              context.report({ node: item.node, messageId: 'errorhandler', data: { app: app.name } });
            }
          }
        }
      },
      CallExpression(node) {
        helperElsewhere(node);
        if (node.callee.type !== T.MemberExpression) return;
        const index = SEND_METHODS.get(staticKey(node.callee) ?? '');
        const arg = index === undefined ? undefined : node.arguments[index];
        // (A constant sent holds no error: no model asked.)
        if (!arg || isConstantText(arg)) return;
        if (handlers().list.length === 0 || handlers().roleOf(node.callee.object) !== 'res') return;
        const errors = errorVariables(node);
        if (errors && errors.length > 0) check(arg, errors);
        else checkHelper(node, arg);
      },
      // `res.locals.error = err` before `res.render('error')`: the locals reach the client only through a render, so
      // only a function that renders counts (`res.locals.errorMessage = err.message` for a logger, then `res.send(…)`,
      // sends nothing of them).
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type !== T.MemberExpression || left.object.type !== T.MemberExpression) return;
        if (staticKey(left.object) !== 'locals') return;
        if (handlers().list.length === 0 || handlers().roleOf(left.object.object) !== 'res') return;
        const errors = errorVariables(node);
        if (errors && errors.length > 0 && renders(enclosingFunction(node))) check(node.right, errors);
      },
    };
  },
});

/** `promise.catch((err) => ...)` or `promise.then(ok, (err) => ...)`. */
function isPromiseErrorCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.callee.type !== T.MemberExpression) return false;
  const method = staticKey(call.callee);
  return (method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn);
}

/**
 * A Node-style, error-first callback: a function passed as an argument (not as the first argument of an array
 * method or `.then`) whose first parameter is the error. That is known when the callee comes from a module whose APIs call
 * back error first (`fs.readFile(p, (problem, data) => ...)`, `data/callbacks.ts`), or when the parameter is named
 * like an error (`err`, `error`, `e`, `dbErr`) and either the callee comes from such a module or the callback tests
 * it (`if (err)`, `err ? ... : ...`, `err && ...`). A parameter with another name, of an unknown callee, is not
 * guessed to be an error (`cache.get(key, (hit) => { if (hit) res.send(hit) })`).
 */
function isErrorFirstCallback(model: ExpressModel, sourceCode: TSESLint.SourceCode, fn: FunctionNode): boolean {
  const call = fn.parent;
  const first = fn.params[0];
  if (call?.type !== T.CallExpression || !call.arguments.some((arg) => arg === fn)) return false;
  if (first?.type !== T.Identifier) return false;
  const callee = unwrap(call.callee);
  // `items.find((e) => ...)` takes its callback first; `collection.find(query, (err, docs) => ...)` last.
  if (call.arguments[0] === fn && callee.type === T.MemberExpression && ELEMENT_CALLBACK_METHODS.has(staticKey(callee) ?? '')) {
    return false;
  }
  const fromModule = ERROR_FIRST_CALLBACK_MODULES.has(model.valueOf(callee)?.module ?? '');
  const named = ERROR_PARAMETER_NAME.test(first.name);
  if (named && fromModule) return true;
  if (!named && !fromModule) return false;
  const variable = findVariableOf(sourceCode, first);
  return variable !== null && variable.references.some((ref) => isTested(ref.identifier));
}

/**
 * `fn` given where it is called with an error first: an `'error'` event's listener (`stream.on('error', fn)`), a
 * rejection callback (`promise.catch(fn)`, `promise.then(ok, fn)`).
 */
function isErrorListener(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.callee.type !== T.MemberExpression) return false;
  const method = staticKey(call.callee) ?? '';
  const [first, second] = call.arguments;
  if (LISTENER_METHODS.has(method)) return second === fn && first?.type === T.Literal && first.value === 'error';
  return (method === 'catch' && first === fn) || (method === 'then' && second === fn);
}

/** `x` as a condition: `if (x)`, `if (!x)`, `x ? a : b`, `x && a`, `x || a`, `while (x)`. */
function isTested(id: TSESTree.Node): boolean {
  let node: TSESTree.Node = id;
  while (node.parent?.type === T.UnaryExpression && node.parent.operator === '!') node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  return (
    ((parent.type === T.IfStatement || parent.type === T.ConditionalExpression || parent.type === T.WhileStatement) && parent.test === node) ||
    (parent.type === T.LogicalExpression && parent.left === node)
  );
}

/**
 * What reaches the response when a helper sends `helperLeak` of its parameter and the caller passes `passed` of a caught
 * error: the helper sends the parameter as it is (`res.json({ msg })`) and the caller passes the error or what it holds
 * (`sendError(res, err.message)`), or the helper reads the stack or message of the error the caller passes whole.
 */
function throughHelper(helperLeak: Leak, passed: Found | null): Found | null {
  if (!passed) return null;
  if (helperLeak === 'err') return passed;
  return passed.kind === 'err' ? { ...passed, kind: helperLeak } : null;
}

