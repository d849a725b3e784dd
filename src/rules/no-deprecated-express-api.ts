import path from 'node:path';

import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  EXPRESS5_PATH_CHANGES,
  REMOVED_APIS,
  REMOVED_EXPRESS_PATHS,
  type ApiOwner,
  type RemovedApi,
} from '../data/express-apis';
import { RESPONSE_CHAIN_METHODS } from '../data/express';
import {
  getExpressModel,
  getRequestData,
  isAssigned,
  literalString,
  outermost,
  parameterOwner,
  typedParameter,
  staticKey,
  staticValueOf,
  unwrap,
  type Handler,
  type HandlerRole,
  type ModuleValue,
  type RequestHandler,
  express4Dependency,
  express5Dependency,
  type DeclaredDependency,
  type ExpressModel,
} from '../express';
import { createRule, fileSigns, moduleNames } from '../util/create-rule';
import { quoted } from '../util/fix';
import { findVariable } from '../util/eslint-utils';

type Options = [{ checkRoutePaths?: boolean }];
type MessageIds =
  | 'removed'
  | 'routePath'
  | 'routePathExpress5'
  | 'routePathExpress4'
  | 'useParams'
  | 'useBody'
  | 'useQuery'
  | 'useSendFile'
  | 'useReferrer';

/** Expressions that leave a value as it is: `(res as Response).send`, `res!.send`. */
const WRAPPERS = new Set<string>([T.TSAsExpression, T.TSNonNullExpression, T.TSSatisfiesExpression, T.TSTypeAssertion]);

const BY_OWNER = new Map<ApiOwner, Map<string, RemovedApi[]>>();
for (const row of REMOVED_APIS) {
  const owner = BY_OWNER.get(row.owner) ?? new Map<string, RemovedApi[]>();
  BY_OWNER.set(row.owner, owner);
  owner.set(row.name, [...(owner.get(row.name) ?? []), row]);
}

/** Every property name the rule looks at: other member expressions are skipped before any lookup. */
const INTERESTING_KEYS = new Set<string>([
  ...REMOVED_APIS.map((r) => r.name),
  ...REMOVED_EXPRESS_PATHS.flatMap((r) => r.path),
]);

/** What a file must name for the rule's gate (`createRule`). */
const EXPRESS = moduleNames('express');

/** Keys of the rows reported only on a call of a given shape (`res.send(200, body)`): checked on the call. */
const CALL_ROW_KEYS = new Set<string>(REMOVED_APIS.filter((r) => r.owner !== 'app' && r.use === 'call').map((r) => r.name));
/** Names a removed export of `express` is bound under (`import { query } from 'express'`, `const { session } = express`). */
const EXPRESS_NAMES = new Set<string>([...(BY_OWNER.get('express')?.keys() ?? []), ...REMOVED_EXPRESS_PATHS.filter((r) => r.path.length === 1).map((r) => r.path[0]!)]);
/** App methods reported on the app's calls, whose method the model reads lowercased (`app.DEL()`). */
const APP_CALL_KEYS = new Set<string>(['del', 'configure', 'param']);
/**
 * Every key and name the rule reports under, any case, or an escape that may spell one (`req['\x71uery']`): a file
 * without one has no candidate (route paths aside). `static` is left: `express.static.mime` is reported on `mime`.
 */
const WORDS = new RegExp(`\\b(?:${[...INTERESTING_KEYS].filter((k) => k !== 'static').join('|')})\\b|\\\\[ux]`, 'iu');
export default createRule<Options, MessageIds>({
  name: 'no-deprecated-express-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Express APIs that Express 4 or 5 removed (most deprecated during 4.x)',
      recommended: 'recommended',
      strictOptions: [{ checkRoutePaths: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkRoutePaths: {
            type: 'boolean',
            description:
              'Also report string route paths that Express 5 refuses (`?`, `+`, unnamed `*`, regex groups) when the Express version is unknown; valid in Express 4, so off by default and on in `strict`. When the nearest `package.json` requires Express 5 or later they are always reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkRoutePaths: false }],
    messages: {
      removed: "'{{api}}' was removed in Express {{removedIn}}{{deprecated}}. Use {{replacement}}.",
      routePath:
        "Route path '{{path}}' uses {{what}}, which Express 5 (path-to-regexp 8) no longer reads this way. Use {{instead}}.",
      routePathExpress5:
        "Route path '{{path}}' uses {{what}}: Express 5 (express {{range}} in {{manifest}}) refuses it when the route is registered, so the app does not start. Use {{instead}}.",
      routePathExpress4:
        "Route path '{{path}}' uses {{what}}, which Express 5 (path-to-regexp 8) no longer reads this way. Keep it on Express 4 (express {{range}} in {{manifest}}); when you move to Express 5, write {{instead}}.",
      useParams: 'Read it from the route parameters: {{text}}.',
      useBody: 'Read it from the parsed body: {{text}}.',
      useQuery: 'Read it from the query string: {{text}}.',
      useSendFile: 'Use res.sendFile() (make sure the path is absolute or pass a `root` option).',
      useReferrer: "Go back to the Referer only when it is on this request's host, else to '/': {{text}}.",
    },
  },
  defaultOptions: [{ checkRoutePaths: false }],
  // Values of `express` (`model.imports('express')`): the file imports it, or the whole-app model binds an app to one
  // of its parameters or registers one of its functions as a handler (`mayHoldApp`).
  gate: (file) => file.names(EXPRESS) || file.mayHoldApp,
  create(context, [{ checkRoutePaths = false }]) {
    const sourceCode = context.sourceCode;
    // Candidate-first: the model (and the whole-app reading) is asked for only where the file shows a member, a
    // destructured or imported name that the rule may report (`isCandidateMember`, `EXPRESS_NAMES`), or where route
    // paths are checked: every report below is made on one of them (a superset).
    let candidate = false;
    let model!: ExpressModel;

    function report(node: TSESTree.Node, row: Pick<RemovedApi, 'api' | 'removedIn' | 'deprecatedIn' | 'replacement'>, extra: Partial<TSESLint.ReportDescriptor<MessageIds>> = {}): void {
      context.report({
        node,
        messageId: 'removed',
        data: {
          api: row.api,
          removedIn: row.removedIn,
          deprecated: row.deprecatedIn ? ` (deprecated since ${row.deprecatedIn})` : '',
          replacement: row.replacement,
        },
        ...extra,
      } as TSESLint.ReportDescriptor<MessageIds>);
    }

    /** The call when `member` is its callee (`res.send(...)`). */
    function callOf(member: TSESTree.MemberExpression): TSESTree.CallExpression | null {
      const parent = member.parent;
      if (parent?.type !== T.CallExpression || parent.callee !== member) return null;
      return parent;
    }

    function isNumber(node: TSESTree.Node | undefined): boolean {
      if (!node || node.type === T.SpreadElement) return false;
      return typeof staticValueOf(sourceCode, node)?.value === 'number';
    }

    /** `res.send(...)`'s shape for the row's signature. */
    function matchesSignature(row: RemovedApi, call: TSESTree.CallExpression): boolean {
      const args = call.arguments;
      if (args.some((a) => a.type === T.SpreadElement)) return false;
      switch (row.signature) {
        case 'status-number':
          // Express 4 reads (status, body) when the first is a number, (body, status) when only the second is.
          if (args.length === 1) return row.name === 'send' && isNumber(args[0]);
          return args.length === 2 && (isNumber(args[0]) || isNumber(args[1]));
        case 'trailing-status':
          return args.length === 2 && !isNumber(args[0]) && isNumber(args[1]);
        case 'back':
          return backArgument(call) !== null;
        case 'function-only':
          return args.length === 1 && ['ArrowFunctionExpression', 'FunctionExpression'].includes(unwrap(args[0]!).type);
        default:
          return true;
      }
    }

    /** The `'back'` argument: the first (`res.redirect('back')`), or the URL after a status (`res.redirect(301, 'back')`). */
    function backArgument(call: TSESTree.CallExpression): TSESTree.Node | null {
      const args = call.arguments;
      if (args.length >= 1 && literalString(args[0]) === 'back') return args[0]!;
      return args.length === 2 && isNumber(args[0]) && literalString(args[1]) === 'back' ? args[1]! : null;
    }

    function renameFix(member: TSESTree.MemberExpression, to: string): TSESLint.ReportFixFunction | null {
      if (member.computed) return null;
      return (fixer) => fixer.replaceText(member.property, to);
    }

    function checkRequestOrResponse(member: TSESTree.MemberExpression, owner: 'req' | 'res', name: string): void {
      const rows = BY_OWNER.get(owner)?.get(name);
      // (`req.param = function (name) { … }`: a shim the code defines, not Express's method. `req.param ||= shim` and
      // `req.param += …` read it first: they are uses.)
      if (!rows || writesOnly(member)) return;
      const call = callOf(member);
      for (const row of rows) {
        if (row.use === 'call' && (!call || !matchesSignature(row, call))) continue;
        const fix = row.fix;
        if (!fix) {
          report(member, row);
        } else if (fix.kind === 'rename') {
          report(member, row, { fix: renameFix(member, fix.to) });
        } else if (fix.kind === 'status-first' && call) {
          report(call, row, { fix: statusFirstFix(member, call) });
        } else if (fix.kind === 'swap-arguments' && call) {
          const [url, status] = call.arguments as [TSESTree.Node, TSESTree.Node];
          report(call, row, {
            fix: (fixer) => [
              fixer.replaceText(url, sourceCode.getText(status)),
              fixer.replaceText(status, sourceCode.getText(url)),
            ],
          });
        } else if (fix.kind === 'sendfile') {
          const absolute = call !== null && isAbsolutePath(call);
          const rename = renameFix(member, 'sendFile');
          report(member, row, absolute || !rename
            ? { fix: rename }
            : { suggest: [{ messageId: 'useSendFile', fix: rename }] });
        } else if (fix.kind === 'param-suggestions' && call) {
          report(member, row, { suggest: paramSuggestions(member, call) });
        } else if (fix.kind === 'back-suggestion' && call) {
          const req = requestName(member, call);
          const text = backText(req ?? 'req');
          const back = backArgument(call)!;
          report(back, row, {
            suggest: req ? [{ messageId: 'useReferrer', data: { text }, fix: (fixer) => fixer.replaceText(back, text) }] : [],
          });
        } else {
          report(member, row);
        }
        return;
      }
    }

    /**
     * Express 4's `'back'` is `req.get('Referrer') || '/'` (Express 5's migration guide writes that), which sends the
     * browser wherever the page that started the request says: an open redirect (`no-open-redirect`). Kept only when
     * the Referer names the host the request was sent to; any other goes to `'/'`.
     */
    function backText(req: string): string {
      const referrer = `${req}.get(${quoted(sourceCode, 'Referrer')}) || ${quoted(sourceCode, '/')}`;
      const host = `${req}.get(${quoted(sourceCode, 'host')})`;
      return `new URL(${referrer}, \`http://\${${host}}\`).host === ${host} ? ${referrer} : ${quoted(sourceCode, '/')}`;
    }

    /** `res.send(200, body)` → `res.status(200).send(body)`; `res.send(404)` → `res.sendStatus(404)`. */
    function statusFirstFix(member: TSESTree.MemberExpression, call: TSESTree.CallExpression): TSESLint.ReportFixFunction | null {
      if (member.computed || member.optional || call.optional) return null;
      // (The call is rewritten whole: a comment inside it would be lost, so it is left to the user.)
      if (sourceCode.getCommentsInside(call).length > 0) return null;
      const object = sourceCode.getText(member.object);
      const method = (member.property as TSESTree.Identifier).name;
      const [first, second] = call.arguments as TSESTree.Expression[];
      if (!second) return (fixer) => fixer.replaceText(call, `${object}.sendStatus(${sourceCode.getText(first!)})`);
      const [status, body] = isNumber(first) ? [first!, second] : [second, first!];
      return (fixer) =>
        fixer.replaceText(call, `${object}.status(${sourceCode.getText(status)}).${method}(${sourceCode.getText(body)})`);
    }

    function isAbsolutePath(call: TSESTree.CallExpression): boolean {
      const [path, options] = call.arguments;
      if (!path || path.type === T.SpreadElement) return false;
      if (options && options.type !== T.SpreadElement) {
        const view = model.options(options);
        if (view !== 'unknown' && view.get('root').kind === 'set') return true;
      }
      const text = literalString(path);
      if (text !== null) return text.startsWith('/');
      const value = model.valueOf(unwrap(path).type === T.CallExpression ? (unwrap(path) as TSESTree.CallExpression).callee : null);
      if (value?.module === 'path' && value.path.length === 1 && value.path[0] === 'resolve') return true;
      if (value?.module === 'path' && value.path.length === 1 && value.path[0] === 'join') {
        const firstArg = (unwrap(path) as TSESTree.CallExpression).arguments[0];
        if (firstArg?.type === T.Identifier && firstArg.name === '__dirname') return true;
      }
      return false;
    }

    function paramSuggestions(member: TSESTree.MemberExpression, call: TSESTree.CallExpression): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const name = call.arguments.length === 1 ? literalString(call.arguments[0]) : null;
      if (name === null || member.computed || member.optional || call.optional) return [];
      const object = sourceCode.getText(member.object);
      const access = /^[A-Za-z_$][\w$]*$/u.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
      return (
        [
          ['useParams', 'params'],
          ['useBody', 'body'],
          ['useQuery', 'query'],
        ] as const
      ).map(([messageId, where]) => {
        const text = `${object}.${where}${access}`;
        return { messageId, data: { text }, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(call, text) };
      });
    }

    /**
     * The name of the `req` parameter of the handler that `res` belongs to, when that name, read at `at`, is still that
     * parameter: `null` when an inner variable of the same name hides it (`items.forEach((req) => res.redirect('back'))`).
     */
    function requestName(member: TSESTree.MemberExpression, at: TSESTree.Node): string | null {
      let object: TSESTree.Node = unwrap(member.object);
      while (object.type === T.CallExpression && object.callee.type === T.MemberExpression) object = unwrap(object.callee.object);
      const handler: Handler | null = model.handlerOf(object);
      let id: TSESTree.Node | null | undefined;
      if (!handler) {
        const fn = parameterOwner(sourceCode, object);
        id = fn ? typedParameter(sourceCode, fn, 'req') : null;
      } else {
        const req = handler.params.req;
        id = req?.type === T.AssignmentPattern ? req.left : req;
      }
      // (`id.name` read at `at` must still be that parameter: a `forEach((req) => …)` inside hides it.)
      return id?.type === T.Identifier && findVariable(sourceCode.getScope(at), id.name)?.identifiers.includes(id) ? id.name : null;
    }

    /**
     * The nearest `package.json`'s express dependency when every version its range admits is 5 or later (read once,
     * only when a route path needs it); `null` when the version is unknown or may be 4.
     */
    let express5: DeclaredDependency | null | undefined;
    function declaredExpress5(): DeclaredDependency | null {
      if (express5 === undefined) express5 = express5Dependency(context);
      return express5;
    }

    /**
     * The nearest `package.json`'s express dependency when no version its range admits is 5 or later (read once, only
     * when a path is reported under `checkRoutePaths`): Express 5's syntax is then advice for the move, not a fix.
     */
    let express4: DeclaredDependency | null | undefined;
    function declaredExpress4(): DeclaredDependency | null {
      if (express4 === undefined) express4 = express4Dependency(context);
      return express4;
    }

    /** Checks a member expression that may be a removed API (`express.bodyParser`, `app.del`, `req.param`). */
    function checkMember(node: TSESTree.MemberExpression): void {
      const key = staticKey(node);
      if (key === null || !INTERESTING_KEYS.has(key)) return;
      // express.bodyParser, express.createServer, express.static.mime ...
      const value = model.valueOf(node);
      if (value?.module === 'express' && checkExpressExport(node, value.path)) return;
      const owner = model.valueOf(node.object);
      if (isExpress3Server(owner)) {
        // `const app = express.createServer()`: not an app the model follows, but its methods are Express 3's.
        if (key === 'del' || key === 'configure') {
          const row = BY_OWNER.get('app')!.get(key)![0]!;
          report(
            key === 'del' ? node.property : node,
            key === 'del' ? withReceiver(row, node) : row,
            key === 'del' ? { fix: renameFix(node, 'delete') } : {},
          );
          return;
        }
      }
      if (owner?.app || isExpress3Server(owner)) {
        // `app.use(app.router)`: app.del / app.configure / app.param are found through the app's calls.
        if (key === 'router') {
          const parent = node.parent;
          if (
            parent?.type === T.CallExpression &&
            parent.arguments.includes(node) &&
            parent.callee.type === T.MemberExpression &&
            staticKey(parent.callee) === 'use'
          ) {
            report(node, BY_OWNER.get('app')!.get('router')![0]!);
          }
        }
        return;
      }
      const role = expressRoleOf(node.object);
      if (role === 'req' || role === 'res') checkRequestOrResponse(node, role, key);
    }

    /**
     * The member expressions read on `id` (a `req` or `res`): `res.send`, and through `res.status(404).send` chains.
     */
    function membersOn(id: TSESTree.Node, out: Set<TSESTree.MemberExpression>): void {
      let node: TSESTree.Node = id;
      for (;;) {
        let parent = node.parent;
        while (parent && WRAPPERS.has(parent.type)) {
          node = parent;
          parent = node.parent;
        }
        if (parent?.type !== T.MemberExpression || parent.object !== node) return;
        out.add(parent);
        const call = parent.parent;
        if (call?.type !== T.CallExpression || call.callee !== parent || !RESPONSE_CHAIN_METHODS.has(staticKey(parent) ?? '')) return;
        node = call;
      }
    }

    /**
     * The request handlers of the file that get Express's `req`/`res` (registered, typed `Request`/`Response`, or
     * shaped like a handler: the request-data model's list), not Node's own servers, whose `req`/`res` have no
     * Express API to be removed.
     */
    function expressHandlers(): RequestHandler[] {
      return getRequestData(context).handlers.list.filter((h) => h.kind !== 'node-server');
    }

    function expressRoleOf(node: TSESTree.Node): HandlerRole | null {
      const handlers = getRequestData(context).handlers;
      const role = handlers.roleOf(node);
      const owner = role ? handlers.enclosing(node) : null;
      return owner && owner.kind === 'node-server' ? null : role;
    }

    /** The reads of every Express handler's `req` and `res` parameters, and of their local aliases (`const reply = res`). */
    function roleParameterReads(): TSESTree.Identifier[] {
      const handlers = getRequestData(context).handlers;
      return expressHandlers().flatMap((handler) => [...handlers.reads(handler, 'req'), ...handlers.reads(handler, 'res')]);
    }

    /**
     * A member that `checkMember` may report, or the callee of an app call reported below (`app.del()`): its key is one
     * of the rule's (`res.send` only on a call of the row's shape, read from the call alone; `app.router` only passed
     * to `use`), on anything but `this`, which never holds a value of the model.
     */
    function isCandidateMember(node: TSESTree.MemberExpression): boolean {
      const key = staticKey(node);
      if (key === null) return false;
      if (APP_CALL_KEYS.has(key.toLowerCase()) && callOf(node)) return true;
      if (!INTERESTING_KEYS.has(key) || unwrap(node.object).type === T.ThisExpression) return false;
      if (key === 'router') {
        const parent = node.parent;
        return parent?.type === T.CallExpression && parent.arguments.includes(node) && parent.callee.type === T.MemberExpression && staticKey(parent.callee) === 'use';
      }
      if (!CALL_ROW_KEYS.has(key)) return key !== 'static';
      const call = callOf(node);
      if (!call) return false;
      for (const owner of ['req', 'res'] as const) for (const row of BY_OWNER.get(owner)?.get(key) ?? []) if (matchesSignature(row, call)) return true;
      return false;
    }

    const listeners: TSESLint.RuleListener = {
      // Named imports and destructuring: `import { bodyParser } from 'express'`, `const { session } = express`.
      'Program:exit'() {
        if (!candidate) return;
        model = getExpressModel(context);
        // Controllers in their own file import only Express's types: `(req: Request, res: Response) => ...`.
        if (!model.imports('express') && !model.declaresImport('express')) return;
        // The model lists what can hold a removed API: values of express (and its apps), and the reads of req/res.
        const members = new Set<TSESTree.MemberExpression>();
        for (const { node, value } of model.valuesFrom('express')) {
          if (node.type === T.MemberExpression) members.add(node);
          else if (value.path.length === 0) checkDestructuring(node);
        }
        // Named imports: `import { bodyParser } from 'express'`.
        for (const { node, name } of model.namedImports('express')) reportBinding(node, name);
        for (const id of roleParameterReads()) {
          membersOn(id, members);
        }
        for (const member of members) checkMember(member);

        const seenPaths = new Set<TSESTree.Node>();
        const nestPaths = fileSigns(context).mayRouteNest;
        for (const app of model.apps) {
          for (const call of app.calls) {
            const callee = call.node.callee;
            const member = callee.type === T.MemberExpression ? callee : null;
            if (call.method === 'del' && member) {
              const row = BY_OWNER.get('app')!.get('del')![0]!;
              report(member.property, withReceiver(row, member, app.kind), { fix: renameFix(member, 'delete') });
            } else if (call.method === 'configure') {
              report(call.node, BY_OWNER.get('app')!.get('configure')![0]!);
            } else if (call.method === 'param') {
              const row = BY_OWNER.get('app')!.get('param')![0]!;
              if (matchesSignature(row, call.node)) report(call.node, row);
            }
            if (!call.pathNode) continue;
            // (An array of paths, `app.get(['/', '*'], h)`: each of its paths, reported on its element, also in a `const`
            // array of the file, once however many calls use it.)
            const paths: [TSESTree.Node, string][] =
              call.path !== null ? [[call.pathNode, call.path]] : call.paths && call.pathNodes ? call.paths.map((one, i) => [call.pathNodes![i]!, one]) : [];
            for (const [node, routePath] of paths) {
              // (A path built from constants, `${API}/*`, is not checked outside Nest files: the candidate check below
              // reads paths written as one string only.)
              if (seenPaths.has(node) || (!nestPaths && literalString(node) === null)) continue;
              seenPaths.add(node);
              const change = EXPRESS5_PATH_CHANGES.find((c) => c.pattern.test(routePath));
              if (!change) continue;
              const express5 = declaredExpress5();
              if (express5) {
                const manifest = path.relative(path.dirname(context.filename), express5.file) || 'package.json';
                context.report({
                  node,
                  messageId: 'routePathExpress5',
                  data: { path: routePath, what: change.what, instead: change.instead, range: express5.range, manifest },
                });
              } else if (checkRoutePaths) {
                // (No fix or suggestion: Express 5's syntax would break the app on Express 4, and `instead` is a choice.)
                const express4 = declaredExpress4();
                const manifest = express4 && (path.relative(path.dirname(context.filename), express4.file) || 'package.json');
                context.report(
                  express4
                    ? { node, messageId: 'routePathExpress4', data: { path: routePath, what: change.what, instead: change.instead, range: express4.range, manifest } }
                    : { node, messageId: 'routePath', data: { path: routePath, what: change.what, instead: change.instead } },
                );
              }
            }
          }
        }
      },
    };
    if (checkRoutePaths || declaredExpress5()) {
      // Route paths are checked: a Nest route, whose path joins prefixes that other files may give, or a string that
      // Express 5 reads differently where a route path is written (a call's first argument, an array's element, a
      // Nest `{ path }`; the model reads paths there only, `literalString` of the node itself).
      if (fileSigns(context).mayRouteNest) candidate = true;
      else {
        const checkPath = (node: TSESTree.Node, text: string | null | undefined): void => {
          if (candidate || typeof text !== 'string' || !EXPRESS5_PATH_CHANGES.some((c) => c.pattern.test(text))) return;
          const at = outermost(node);
          const parent = at.parent;
          candidate =
            (parent?.type === T.CallExpression && parent.arguments[0] === at) ||
            parent?.type === T.ArrayExpression ||
            (parent?.type === T.Property && parent.value === at && staticKey(parent) === 'path');
        };
        listeners.Literal = (node) => checkPath(node, typeof node.value === 'string' ? node.value : null);
        listeners.TemplateLiteral = (node) => checkPath(node, node.expressions.length === 0 ? node.quasis[0]?.value.cooked : null);
      }
    }
    if (!candidate && WORDS.test(sourceCode.text)) {
      listeners.MemberExpression = (node) => {
        if (!candidate && isCandidateMember(node)) candidate = true;
      };
      // `const { session } = express` (any initializer: a parameter may hold express, handed by another file).
      listeners.VariableDeclarator = (node) => {
        if (!candidate && node.id.type === T.ObjectPattern) {
          candidate = node.id.properties.some((p) => p.type === T.Property && EXPRESS_NAMES.has(staticKey(p) ?? ''));
        }
      };
      // `import { query } from 'express'` (or from a module of the package that passes express on).
      listeners.ImportSpecifier = (node) => {
        if (!candidate) candidate = EXPRESS_NAMES.has(node.imported.type === T.Identifier ? node.imported.name : String(node.imported.value));
      };
    }
    return listeners;

    /**
     * `router.del()` → `router.delete()`: the message names the receiver as written (`apiRouter.delete()`) when it is
     * a plain name, else what it is (`router`, `app`).
     */
    function withReceiver(row: RemovedApi, member: TSESTree.MemberExpression, kind: 'app' | 'router' = 'app'): RemovedApi {
      const object = unwrap(member.object);
      const receiver = object.type === T.Identifier ? object.name : object.type === T.ThisExpression ? 'this' : kind;
      return { ...row, api: `${receiver}.del()`, replacement: `\`${receiver}.delete()\`` };
    }

    /** `const { session } = express` (or `= require('express')`): each destructured removed export. */
    function checkDestructuring(node: TSESTree.Node): void {
      const declarator = node.parent;
      if (declarator?.type !== T.VariableDeclarator || declarator.init !== node || declarator.id.type !== T.ObjectPattern) return;
      for (const property of declarator.id.properties) {
        const name = property.type === T.Property ? staticKey(property) : null;
        if (name !== null) reportBinding(property, name);
      }
    }

    /** A binding of a removed export of `express` (`logger`, `session`, `query`). */
    function reportBinding(node: TSESTree.Node, name: string): void {
      const row = BY_OWNER.get('express')?.get(name)?.[0];
      const removed = REMOVED_EXPRESS_PATHS.find((r) => r.path.length === 1 && r.path[0] === name);
      if (row) report(node, row);
      else if (removed) report(node, { ...removed, removedIn: '5.0.0' });
    }

    function isExpress3Server(value: ModuleValue | undefined): boolean {
      return value?.module === 'express' && value.path.length === 2 && value.path[0] === 'createServer' && value.path[1] === '()';
    }

    /** `express.bodyParser`, `express.createServer`, `express.static.mime`: reports and returns true. */
    function checkExpressExport(node: TSESTree.MemberExpression, path: readonly string[]): boolean {
      if (path.length === 1) {
        const row = BY_OWNER.get('express')?.get(path[0]!)?.[0];
        if (row) {
          const call = callOf(node);
          const fix =
            row.fix?.kind === 'call-express' && call && call.arguments.length === 0 && !node.computed
              ? (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, sourceCode.getText(node.object))
              : null;
          report(node, row, { fix });
          return true;
        }
      }
      const removed = REMOVED_EXPRESS_PATHS.find((r) => r.path.length === path.length && r.path.every((p, i) => p === path[i]));
      if (removed) report(node, { ...removed, removedIn: '5.0.0' });
      return removed !== undefined;
    }
  },
});

/**
 * `x.a = …`, `delete x.a`, or the target of a destructuring assignment (`({ param: req.param } = shims)`): the member is
 * written and not read. `x.a ||= …`, `x.a += …` and `x.a++` read it first (`isAssigned` counts them as writes).
 */
function writesOnly(member: TSESTree.MemberExpression): boolean {
  if (!isAssigned(member)) return isPatternTarget(member);
  const parent = member.parent;
  return (parent?.type === T.AssignmentExpression && parent.operator === '=') || (parent?.type === T.UnaryExpression && parent.operator === 'delete');
}

/** `member` is (inside) the pattern of a plain destructuring assignment: `({ a: x.a } = o)`, `[x.a] = list`. */
function isPatternTarget(member: TSESTree.Node): boolean {
  let current: TSESTree.Node = member;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === T.Property && parent.value === current && parent.parent.type === T.ObjectPattern) continue;
    if (parent.type === T.ObjectPattern || parent.type === T.ArrayPattern || parent.type === T.RestElement) continue;
    if (parent.type === T.AssignmentPattern && parent.left === current) continue;
    return parent.type === T.AssignmentExpression && parent.operator === '=' && parent.left === current && current !== member;
  }
  return false;
}
