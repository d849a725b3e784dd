import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { ELEMENT_CALLBACK_METHODS, ERROR_FIRST_CALLBACK_MODULES, ERROR_PARAMETER_NAME } from '../data/callbacks';
import {
  findVariableOf,
  getExpressModel,
  getRequestData,
  pathEquals,
  isFunction,
  resolveConst,
  staticKey,
  unwrap,
  type ExpressModel,
  type FunctionNode,
} from '../express';
import { createRule } from '../util/create-rule';

type Options = [{ allowMessage?: boolean }];
type MessageIds = 'details' | 'errorhandler';
type Leak = 'err' | 'stack' | 'message';
type Variable = TSESLint.Scope.Variable;

/** Response methods that send their argument (for `render`, the locals). */
const SEND_METHODS: ReadonlyMap<string, number> = new Map([
  ['send', 0],
  ['json', 0],
  ['jsonp', 0],
  ['end', 0],
  // Node's own servers (and Express's response, which is one): `res.write(String(err))`
  ['write', 0],
  ['render', 1],
]);

/** Error properties that hold internals: the stack, or (strict) the message. */
const STACK_KEYS = new Set(['stack']);
const MESSAGE_KEYS = new Set(['message', 'sqlMessage', 'sql']);

const WHAT: Record<Leak, string> = {
  err: "the error object '{{name}}'",
  stack: "the stack trace of '{{name}}'",
  message: "the message of '{{name}}'",
};

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
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowMessage = options.allowMessage !== false;
    // Every function that receives a request: registered, exported or shaped like a handler, typed, Node servers'.
    const handlers = () => getRequestData(context).handlers;

    /** The variables that hold a caught error around `node`, inside a known handler; `null` when not in one. */
    const errorVariables = (node: TSESTree.Node): Variable[] | null => {
      const known = handlers();
      const variables: Variable[] = [];
      const addParam = (param: TSESTree.Node | null | undefined): void => {
        const id = param?.type === T.AssignmentPattern ? param.left : param;
        if (id?.type !== T.Identifier) return;
        const variable = findVariableOf(sourceCode, id);
        if (variable) variables.push(variable);
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

    const check = (node: TSESTree.Node, errors: readonly Variable[]): void => {
      const leak = findLeak(sourceCode, node, errors, 0);
      if (!leak || (leak.kind === 'message' && allowMessage)) return;
      if (isDevelopmentOnly(leak.node)) return;
      if (leak.kind === 'message' && isClassified(sourceCode, leak.node, errors)) return;
      context.report({
        node: leak.node,
        messageId: 'details',
        data: { what: WHAT[leak.kind].replace('{{name}}', leak.name) },
      });
    };

    /**
     * A local helper that sends its parameter (`function fail(res, err) { res.status(500).send(err.stack) }`): each
     * call that passes a caught error there is reported at that argument, naming the helper.
     */
    const checkHelper = (node: TSESTree.Node, arg: TSESTree.Node): void => {
      let fn: TSESTree.Node | undefined = node.parent;
      while (fn && !isFunction(fn)) fn = fn.parent;
      if (!fn || !isFunction(fn)) return;
      // A function typed `(res: Response, err)` is a helper too: it receives no request.
      const handler = handlers().handlerOf(fn);
      if (handler && (handler.params.req || handler.params.err)) return;
      const params: Variable[] = [];
      for (const param of fn.params) {
        const variable = param.type === T.Identifier ? findVariableOf(sourceCode, param) : null;
        if (variable) params.push(variable);
      }
      const leak = params.length > 0 ? findLeak(sourceCode, arg, params, 0) : null;
      if (!leak || (leak.kind === 'message' && allowMessage) || isDevelopmentOnly(leak.node)) return;
      const index = fn.params.findIndex((p) => p.type === T.Identifier && p.name === leak.name);
      const name = fn.type === T.FunctionDeclaration ? fn.id?.name : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id.name : undefined;
      if (index < 0 || !name) return;
      for (const call of handlers().callsOf(fn)) {
        const passed = call.arguments[index];
        if (passed?.type !== T.Identifier || isDevelopmentOnly(call)) continue;
        const errors = errorVariables(call);
        if (!errors || !refersTo(sourceCode, passed, errors)) continue;
        if (leak.kind === 'message' && isClassified(sourceCode, call, errors)) continue;
        const what = `${WHAT[leak.kind].replace('{{name}}', passed.name)} (through '${name}')`;
        context.report({ node: passed, messageId: 'details', data: { what } });
      }
    };

    return {
      // `app.use(errorhandler())` outside `if (process.env.NODE_ENV === 'development')`
      'Program:exit'() {
        const model = getExpressModel(context);
        for (const app of model.apps) {
          for (const call of app.calls) {
            if (!call.isUse || isDevelopmentOnly(call.node)) continue;
            for (const item of call.middleware) {
              if (!pathEquals(item.value, 'errorhandler', ['()']) || isDevelopmentOnly(item.value!.node)) continue;
              context.report({ node: item.node, messageId: 'errorhandler', data: { app: app.name } });
            }
          }
        }
      },
      CallExpression(node) {
        if (node.callee.type !== T.MemberExpression) return;
        const index = SEND_METHODS.get(staticKey(node.callee) ?? '');
        const arg = index === undefined ? undefined : node.arguments[index];
        if (!arg) return;
        if (handlers().list.length === 0 || handlers().roleOf(node.callee.object) !== 'res') return;
        const errors = errorVariables(node);
        if (errors && errors.length > 0) check(arg, errors);
        else checkHelper(node, arg);
      },
      // `res.locals.error = err` before `res.render('error')`
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type !== T.MemberExpression || left.object.type !== T.MemberExpression) return;
        if (staticKey(left.object) !== 'locals') return;
        if (handlers().list.length === 0 || handlers().roleOf(left.object.object) !== 'res') return;
        const errors = errorVariables(node);
        if (errors && errors.length > 0) check(node.right, errors);
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

interface Found {
  kind: Leak;
  node: TSESTree.Node;
  name: string;
}

const RANK: Record<Leak, number> = { err: 3, stack: 2, message: 1 };

function worst(a: Found | null, b: Found | null): Found | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[b.kind] > RANK[a.kind] ? b : a;
}

function refersTo(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, errors: readonly Variable[]): Variable | null {
  if (node.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, node);
  return variable && errors.includes(variable) ? variable : null;
}

/** The worst error detail that `node` carries into a response, looking through objects, strings and consts. */
function findLeak(sourceCode: TSESLint.SourceCode, raw: TSESTree.Node, errors: readonly Variable[], depth: number): Found | null {
  if (depth > 6) return null;
  const node = unwrap(raw);
  const recurse = (child: TSESTree.Node | null | undefined): Found | null =>
    child ? findLeak(sourceCode, child, errors, depth + 1) : null;
  switch (node.type) {
    case T.Identifier: {
      const variable = refersTo(sourceCode, node, errors);
      if (variable) return { kind: 'err', node, name: variable.name };
      const target = resolveConst(sourceCode, node);
      return target !== node && target.type === T.ObjectExpression ? recurse(target) : null;
    }
    case T.MemberExpression: {
      const object = unwrap(node.object);
      const variable = refersTo(sourceCode, object, errors);
      const key = staticKey(node);
      if (variable && key !== null) {
        if (STACK_KEYS.has(key)) return { kind: 'stack', node, name: variable.name };
        if (MESSAGE_KEYS.has(key)) return { kind: 'message', node, name: variable.name };
        return null;
      }
      return null;
    }
    case T.ObjectExpression: {
      let found: Found | null = null;
      for (const prop of node.properties) {
        found = worst(found, prop.type === T.Property ? recurse(prop.value) : recurse(prop.argument));
      }
      return found;
    }
    case T.ArrayExpression: {
      let found: Found | null = null;
      for (const element of node.elements) found = worst(found, recurse(element));
      return found;
    }
    case T.SpreadElement:
      return recurse(node.argument);
    case T.TemplateLiteral: {
      let found: Found | null = null;
      for (const expression of node.expressions) found = worst(found, stringified(recurse(expression)));
      return found;
    }
    case T.BinaryExpression:
      return node.operator === '+' ? worst(stringified(recurse(node.left)), stringified(recurse(node.right))) : null;
    case T.LogicalExpression:
      return worst(recurse(node.left), recurse(node.right));
    case T.ConditionalExpression:
      return worst(recurse(node.consequent), recurse(node.alternate));
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      // String(err), err.toString(): the name and message
      if (callee.type === T.Identifier && callee.name === 'String') return stringified(recurse(node.arguments[0]));
      if (callee.type === T.MemberExpression && staticKey(callee) === 'toString') return stringified(recurse(callee.object));
      // JSON.stringify(x), util.inspect(x), format helpers that pass data through
      if (callee.type === T.MemberExpression && ['stringify', 'inspect', 'format'].includes(staticKey(callee) ?? '')) {
        let found: Found | null = null;
        for (const arg of node.arguments) found = worst(found, recurse(arg));
        return found;
      }
      return null;
    }
    default:
      return null;
  }
}

/** An error turned into a string shows its name and message (not its stack). */
function stringified(found: Found | null): Found | null {
  return found?.kind === 'err' ? { ...found, kind: 'message' } : found;
}

/** Names and strings that say a condition is about the environment: `NODE_ENV`, `app.get('env')`, `isDev`. */
const ENV_NAME = /^(?:node_env|env|is_?dev(?:elopment)?|is_?prod(?:uction)?|dev(?:elopment)?|prod(?:uction)?|debug|is_?debug)$/iu;
const ENV_STRING = /^(?:dev|development|prod|production|env|debug)$/iu;

function mentionsEnvironment(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 8) return false;
  const inner = unwrap(node);
  switch (inner.type) {
    case T.Identifier:
      return ENV_NAME.test(inner.name);
    case T.Literal:
      return typeof inner.value === 'string' && ENV_STRING.test(inner.value);
    case T.MemberExpression: {
      const key = staticKey(inner);
      return (key !== null && ENV_NAME.test(key)) || mentionsEnvironment(inner.object, depth + 1);
    }
    case T.CallExpression:
      return inner.arguments.some((a) => mentionsEnvironment(a, depth + 1)) || mentionsEnvironment(inner.callee, depth + 1);
    case T.BinaryExpression:
    case T.LogicalExpression:
      return mentionsEnvironment(inner.left, depth + 1) || mentionsEnvironment(inner.right, depth + 1);
    case T.UnaryExpression:
      return mentionsEnvironment(inner.argument, depth + 1);
    default:
      return false;
  }
}

/**
 * Whether `node` only runs under a development check: inside a branch of an `if`, `? :` or `&&` whose condition
 * is about the environment, or after an `if (<environment check>) { ... return }` of an enclosing block (also
 * around the handler: an error handler registered only in development).
 */
function isDevelopmentOnly(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === T.IfStatement && child !== current.test && mentionsEnvironment(current.test)) return true;
    if (current.type === T.ConditionalExpression && child !== current.test && mentionsEnvironment(current.test)) return true;
    if (current.type === T.LogicalExpression && child === current.right && mentionsEnvironment(current.left)) return true;
    if (current.type === T.BlockStatement || current.type === T.Program) {
      const before = current.body.slice(0, current.body.indexOf(child as TSESTree.Statement));
      if (before.some((s) => s.type === T.IfStatement && mentionsEnvironment(s.test) && exits(s.consequent))) return true;
    }
  }
  return false;
}

/** A statement that leaves the function or block: `return`, `throw`, or a block ending in one. */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === T.ReturnStatement || statement.type === T.ThrowStatement) return true;
  if (statement.type === T.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && exits(last);
  }
  return false;
}

/** Properties that identify an error's kind: `err.code === 'INVALID_CONFIG'`, `err.name === 'ValidationError'`. */
const IDENTITY_KEYS = new Set(['code', 'name', 'type', 'kind']);
/**
 * Codes of Node's system errors and of database drivers, whose messages carry paths, keys and values
 * (`ENOENT: no such file or directory, open '/srv/...'`, `ER_DUP_ENTRY`, SQLSTATE `23505`, `SQLITE_CONSTRAINT`).
 */
const SYSTEM_CODE = /^(?:E[A-Z]{2,}$|ER_|SQLITE_|\d)/u;

/**
 * Whether `node` only runs once the error has been identified as an expected, application-level one: in the
 * branch taken when a condition such as `err.code === 'INVALID_CONFIG'`, `err instanceof ValidationError` or
 * `err.expose` (http-errors: the message is meant for the client) holds. A message of an unidentified error, or a
 * test of the message's text (`err.message.includes('exist')` also matches a driver's "relation does not exist"),
 * still counts.
 */
function isClassified(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, errors: readonly Variable[]): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunction(current); child = current, current = current.parent) {
    if (current.type === T.IfStatement && child === current.consequent && identifies(sourceCode, current.test, errors)) return true;
    if (current.type === T.ConditionalExpression && child === current.consequent && identifies(sourceCode, current.test, errors)) return true;
    if (current.type === T.LogicalExpression && current.operator === '&&' && child === current.right && identifies(sourceCode, current.left, errors)) return true;
  }
  return false;
}

/** A condition that, when true, says which error it is (see {@link isClassified}). */
function identifies(sourceCode: TSESLint.SourceCode, raw: TSESTree.Node, errors: readonly Variable[]): boolean {
  const test = unwrap(raw);
  const errorKey = (side: TSESTree.Node): string | null => {
    const inner = unwrap(side);
    return inner.type === T.MemberExpression && refersTo(sourceCode, unwrap(inner.object), errors) ? staticKey(inner) : null;
  };
  if (test.type === T.LogicalExpression) {
    return test.operator === '&&'
      ? identifies(sourceCode, test.left, errors) || identifies(sourceCode, test.right, errors)
      : test.operator === '||' && identifies(sourceCode, test.left, errors) && identifies(sourceCode, test.right, errors);
  }
  if (test.type === T.BinaryExpression) {
    if (test.operator === 'instanceof') return refersTo(sourceCode, unwrap(test.left), errors) !== null;
    if (test.operator !== '===' && test.operator !== '==') return false;
    const left = errorKey(test.left);
    const right = errorKey(test.right);
    const known = (key: string | null, other: TSESTree.Node): boolean =>
      key !== null && IDENTITY_KEYS.has(key) && isConstant(other) && !(key === 'code' && isSystemCode(other));
    return known(left, test.right) || known(right, test.left);
  }
  return errorKey(test) === 'expose';
}

function isSystemCode(raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  return node.type === T.Literal && (typeof node.value === 'number' || (typeof node.value === 'string' && SYSTEM_CODE.test(node.value)));
}

/** A literal, a constant name (`CODES.INVALID`), or a template without expressions. */
function isConstant(raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  if (node.type === T.Literal) return true;
  if (node.type === T.TemplateLiteral) return node.expressions.length === 0;
  if (node.type === T.Identifier) return node.name !== 'undefined';
  return node.type === T.MemberExpression && staticKey(node) !== null && isConstant(node.object);
}
