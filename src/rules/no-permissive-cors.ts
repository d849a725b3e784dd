import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  chosenWhere,
  elsewhereOf,
  getExpressModel,
  getRequestData,
  enclosingFunction,
  isFunction,
  literalString,
  possibleValues,
  resolveConst,
  staticKey,
  staticValueOf,
  unwrap,
  type ExpressModel,
  type FunctionNode,
  type PossibleValue,
} from '../express';
import { CORS_OPTION_CARRIERS } from '../data/cors';
import { HEADER_SETTERS } from '../data/express';
import { nestCorsOptions } from '../express/nest';
import { createRule, moduleNames } from '../util/create-rule';

type Options = [];
type MessageIds = 'reflectsAnyOrigin' | 'wildcardWithCredentials' | 'reflectedHeader' | 'nullOrigin';

const ALLOW_ORIGIN = 'access-control-allow-origin';
const ALLOW_CREDENTIALS = 'access-control-allow-credentials';
/** Regular expressions that match every origin. */
const MATCH_ALL = new Set(['.*', '^.*$', '.+', '^.+$', '.*?', '^.*', '[\\s\\S]*']);

/** What a file must name for the rule's gate (`createRule`). */
const CORS = moduleNames('cors');
/** The packages that hand an option of theirs to `cors` (`CORS_OPTION_CARRIERS`), as a file names them. */
const CARRIERS = moduleNames(...new Set(CORS_OPTION_CARRIERS.map((row) => row.module)));

export default createRule<Options, MessageIds>({
  name: 'no-permissive-cors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS configurations that let every origin make credentialed requests',
      recommended: 'recommended',
      appConfiguration: true,
    },
    schema: [],
    messages: {
      reflectsAnyOrigin:
        'cors allows every origin ({{how}}{{from}}) together with credentials{{credentialsFrom}}: any website a user visits can send logged-in requests to this API and read the responses. List the allowed origins.',
      wildcardWithCredentials:
        "cors sends 'Access-Control-Allow-Origin: *' ({{how}}{{from}}) together with credentials{{credentialsFrom}}: browsers refuse such responses, and the usual workaround (origin: true) lets every website read them. List the allowed origins.",
      reflectedHeader:
        'Access-Control-Allow-Origin is copied from the request\'s Origin header while Access-Control-Allow-Credentials is true: any website can send logged-in requests and read the responses. Check the origin against an allow-list first.',
      nullOrigin:
        "Access-Control-Allow-Origin is 'null' while Access-Control-Allow-Credentials is true: sandboxed iframes and file: pages of any website send the origin 'null', so they can send logged-in requests and read the responses. List the real origins.",
    },
  },
  defaultOptions: [],
  // Headers set by hand on a handler's response, or `cors()` / a Nest app's CORS options.
  gate: (file) =>
    (/access-control-allow-origin/iu.test(file.text) && file.mayHandleRequests) || (/cors/iu.test(file.text) && (file.names(CORS) || file.names(CARRIERS) || file.mayHoldApp)),
  create(context) {
    const sourceCode = context.sourceCode;
    let model: ExpressModel | null = null;
    const getModel = (): ExpressModel => (model ??= getExpressModel(context));
    /** The role of an expression in any function that receives a request (registered, exported, typed, Node server). */
    const roleOf = (node: TSESTree.Node) => getRequestData(context).handlers.roleOf(node);
    /** Per function: `Access-Control-Allow-Origin` set from the request origin, and whether credentials are allowed. */
    const reflected = new Map<TSESTree.Node | null, TSESTree.Node[]>();
    const credentials = new Set<TSESTree.Node | null>();
    const nullOrigins = new Map<TSESTree.Node | null, TSESTree.Node[]>();

    function onHeader(name: string, value: TSESTree.Node, node: TSESTree.Node): void {
      const header = name.toLowerCase();
      if (header === ALLOW_CREDENTIALS) {
        const allowed = staticValueOf(sourceCode, value)?.value;
        if (allowed === true || allowed === 'true') credentials.add(enclosingFunction(node));
      } else if (header === ALLOW_ORIGIN && isRequestOrigin(value) && !isGuarded(node)) {
        const fn = enclosingFunction(node);
        reflected.set(fn, [...(reflected.get(fn) ?? []), node]);
      } else if (header === ALLOW_ORIGIN && literalString(value) === 'null') {
        const fn = enclosingFunction(node);
        nullOrigins.set(fn, [...(nullOrigins.get(fn) ?? []), node]);
      }
    }

    /** `req.headers.origin`, `req.headers['origin']`, `req.get('origin')`, `req.header('Origin')`, or a `const` holding one. */
    function isRequestOrigin(node: TSESTree.Node): boolean {
      const value = unwrap(resolveConst(sourceCode, node));
      // `req.headers.origin || '*'` still sends the request's origin back whenever there is one.
      if (value.type === 'LogicalExpression' && value.operator !== '&&') return isRequestOrigin(value.left);
      if (value.type === 'MemberExpression') {
        return (
          staticKey(value) === 'origin' &&
          value.object.type === 'MemberExpression' &&
          staticKey(value.object) === 'headers' &&
          roleOf(value.object.object) === 'req'
        );
      }
      if (value.type === 'CallExpression' && value.callee.type === 'MemberExpression') {
        const method = staticKey(value.callee);
        return (
          (method === 'get' || method === 'header') &&
          literalString(value.arguments[0])?.toLowerCase() === 'origin' &&
          roleOf(value.callee.object) === 'req'
        );
      }
      return false;
    }

    /**
     * The `cors` option of another package's call that hands it to `cors` (`CORS_OPTION_CARRIERS`): routing-controllers'
     * `createExpressServer({ cors: { origin: true, credentials: true } })` (`cors: true` is `cors()`'s defaults).
     */
    function carriedCorsOptions(current: ExpressModel): { node: TSESTree.Node; argument: TSESTree.CallExpressionArgument | undefined }[] {
      const sites: { node: TSESTree.Node; argument: TSESTree.CallExpressionArgument | undefined }[] = [];
      for (const row of CORS_OPTION_CARRIERS) {
        if (!current.imports(row.module)) continue;
        for (const call of current.callsTo(row.module, row.path)) {
          const options = call.arguments[row.argument];
          if (!options || options.type === 'SpreadElement' || call.arguments.slice(0, row.argument).some((a) => a.type === 'SpreadElement')) continue;
          const view = current.options(options);
          if (view === 'unknown') continue;
          const value = view.get(row.key);
          if (value.kind === 'set') sites.push({ node: value.node, argument: value.node as TSESTree.Expression });
        }
      }
      return sites;
    }

    // Cheap text checks first: most files name neither the header nor the package.
    const headersByHand = /access-control-allow-origin/iu.test(sourceCode.text);
    // `cors(...)`, and NestJS's `app.enableCors(...)` / `NestFactory.create(M, { cors })`.
    const mentionsCors = /cors/iu.test(sourceCode.text);
    if (!headersByHand && !mentionsCors) return {};

    return {
      CallExpression(node) {
        if (!headersByHand) return;
        const callee = node.callee;
        if (callee.type !== 'MemberExpression') return;
        const method = staticKey(callee);
        if (method === null || !HEADER_SETTERS.has(method)) return;
        const [first, second] = node.arguments;
        if (!first) return;
        const name = literalString(first);
        if (name === null && first.type !== 'ObjectExpression') return;
        if (roleOf(callee.object) !== 'res') return;
        if (name !== null) {
          if (second && second.type !== 'SpreadElement') onHeader(name, second, node);
          return;
        }
        // res.set({ 'Access-Control-Allow-Origin': origin, ... })
        for (const property of (first as TSESTree.ObjectExpression).properties) {
          if (property.type !== 'Property') continue;
          const key = staticKey(property);
          if (key !== null) onHeader(key, property.value, node);
        }
      },
      'Program:exit'() {
        for (const [fn, nodes] of reflected) {
          if (!credentials.has(fn)) continue;
          for (const node of nodes) context.report({ node, messageId: 'reflectedHeader' });
        }
        for (const [fn, nodes] of nullOrigins) {
          if (credentials.has(fn)) for (const node of nodes) context.report({ node, messageId: 'nullOrigin' });
        }
        if (!mentionsCors) return;
        const current = getModel();
        const sites = [
          ...(current.imports('cors') ? current.callsTo('cors', []).map((call) => ({ node: call as TSESTree.Node, argument: call.arguments[0] })) : []),
          ...nestCorsOptions(current.apps),
          ...carriedCorsOptions(current),
        ];
        for (const { node: call, argument } of sites) {
          if (!argument || argument.type === 'SpreadElement' || isFunction(unwrap(argument))) continue;
          const view = current.options(argument);
          if (view === 'unknown') continue;
          const creds = view.get('credentials');
          if (creds.kind !== 'set' || staticValueOf(sourceCode, creds.node)?.value !== true) continue;
          const origin = view.get('origin');
          // (An origin function or regex of another file, `origin: corsOrigin` imported from config/cors.js, or in the
          // options another file writes: read there, with that file's source. Unknown when the model cannot read it.)
          const foreign = origin.kind === 'unknown' || (origin.kind === 'set' && !elsewhereOf(origin.node)) ? view.foreignValue('origin') : null;
          if (origin.kind === 'unknown' && !foreign) continue;
          // Options written in another file of the package (`cors(config.cors)`): reported at the read, naming where
          // the origin (and, when written in yet another file or the origin is not, the credentials) are written.
          const originFrom = foreign ? foreign.where : origin.kind === 'set' ? elsewhereOf(origin.node) : null;
          const credentialsFrom = elsewhereOf(creds.node);
          const from = originFrom ? `, from ${originFrom}` : '';
          const credentialsNote = credentialsFrom && fileOf(credentialsFrom) !== (originFrom && fileOf(originFrom)) ? ` (from ${credentialsFrom})` : '';
          if (origin.kind === 'absent') {
            context.report({ node: call, messageId: 'wildcardWithCredentials', data: { how: "no 'origin', so '*'", from, credentialsFrom: credentialsNote } });
            continue;
          }
          const reportNode = origin.kind !== 'set' ? foreign!.at : origin.written || !origin.property ? origin.node : origin.property;
          let how = foreign ? allowsEveryOrigin(foreign.sourceCode, foreign.node) : origin.kind === 'set' ? allowsEveryOrigin(sourceCode, origin.node) : null;
          let where = from;
          // A value chosen at run time (`origins[process.env.NODE_ENV]`, `isProd ? /\.example\.com$/ : true`, a `let`
          // written in a branch): the environments, branches or writes whose value allows every origin, named.
          const picked = !how && !foreign && origin.kind === 'set' ? permissivePick(possibleValues(sourceCode, origin.node)) : null;
          if (picked) ({ how, where } = { how: picked.how, where: `${from}${picked.where}` });
          if (how === '*') {
            context.report({ node: reportNode, messageId: 'wildcardWithCredentials', data: { how: "origin: '*'", from: where, credentialsFrom: credentialsNote } });
          } else if (how) {
            context.report({ node: reportNode, messageId: 'reflectsAnyOrigin', data: { how, from: where, credentialsFrom: credentialsNote } });
          }
        }
      },
    };

    /**
     * The values an `origin` may have at run time (`possibleValues`) that allow every origin, with how they do
     * (`origin: true ...`, several joined with 'or') and where they come from for the message (`, in environment
     * 'development' of 'origins'`, `, when 'isProd' is false`, `, one of the values 'origin' may hold (line 3)`);
     * those that send `'*'` only when no value reflects the origin. A value the model cannot read allows nothing.
     * `null` when none does.
     */
    function permissivePick(values: readonly PossibleValue[] | null): { how: string; where: string } | null {
      if (!values) return null;
      const rated = values.map((value) => ({ value, how: value.node ? allowsEveryOrigin(sourceCode, value.node) : null }));
      const reflecting = rated.some((r) => r.how !== null && r.how !== '*');
      const chosen = rated.filter((r) => r.how !== null && (r.how === '*') !== reflecting);
      const where = chosenWhere(values, chosen.map((r) => r.value));
      if (where === null) return null;
      const how = [...new Set(chosen.map((r) => r.how!))].join(' or ');
      return { how, where: `, ${where}` };
    }

    /** How an `origin` option allows every origin: `'*'`, `origin: true`, a match-all regex or a callback; else `null`. */
    function allowsEveryOrigin(source: TSESLint.SourceCode, node: TSESTree.Node): string | null {
      const value = unwrap(resolveConst(source, node));
      if (isFunction(value)) return callbackAllowsAll(value) ? 'an origin callback that accepts every origin' : null;
      if (value.type === 'Literal' && 'regex' in value && value.regex) {
        return MATCH_ALL.has(value.regex.pattern) ? `origin: /${value.regex.pattern}/` : null;
      }
      const literal = staticValueOf(source, value);
      if (literal?.value === true) return 'origin: true reflects the request origin';
      if (literal?.value === '*') return '*';
      return null;
    }
  },
});

/** `config.js` of `config.js:2` (where a value of another file is written, `elsewhereOf`). */
function fileOf(where: string): string {
  return where.slice(0, where.lastIndexOf(':'));
}

/** `(origin, callback) => callback(null, true)`: every call of the callback allows the origin, with no condition. */
function callbackAllowsAll(fn: FunctionNode): boolean {
  const [originParam, callbackParam] = fn.params;
  if (callbackParam?.type !== 'Identifier') return false;
  const calls: TSESTree.CallExpression[] = [];
  let conditional = false;
  const visit = (node: TSESTree.Node, guarded: boolean): void => {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === callbackParam.name) {
      calls.push(node);
      if (guarded) conditional = true;
    }
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const child = node[key] as unknown;
      const children = Array.isArray(child) ? child : [child];
      for (const c of children) {
        if (c && typeof c === 'object' && 'type' in c) {
          const inner = c as TSESTree.Node;
          visit(inner, guarded || GUARDS.has(node.type));
        }
      }
    }
  };
  visit(fn.body, false);
  if (calls.length === 0 || conditional) return false;
  return calls.every((call) => {
    const allowed = call.arguments[1];
    if (!allowed) return false;
    if (allowed.type === 'Literal' && allowed.value === true) return true;
    return allowed.type === 'Identifier' && originParam?.type === 'Identifier' && allowed.name === originParam.name;
  });
}

const GUARDS = new Set(['IfStatement', 'ConditionalExpression', 'LogicalExpression', 'SwitchCase', 'TryStatement']);

/** Inside an `if`, `?:`, `&&`/`||` or `switch` of its function: the origin was probably checked. */
function isGuarded(node: TSESTree.Node): boolean {
  let current = node.parent;
  while (current && !isFunction(current)) {
    if (GUARDS.has(current.type)) return true;
    current = current.parent;
  }
  return false;
}
