import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { LOOPBACK_HOST, TLS_ENFORCING_PACKAGES, TLS_SERVER_FACTORIES } from '../data/express';
import { helmetProtection } from '../data/helmet';
import { appCallsAcrossFiles, findVariableOf, getExpressModel, pathEquals, sourceOf, staticKey, staticValueOf, trustsProxy, unwrap, usedMiddleware, type ExpressApp, type ExpressModel } from '../express';
import { helmetUses, mountsUnknownHelmet } from '../express/helmet';
import { nestServesHttps } from '../express/nest';
import { createRule, mayHaveApps } from '../util/create-rule';
import { lineOf } from '../util/lines';

type Options = [];
type MessageIds = 'plainHttp' | 'plainHttpElsewhere';

/** Text that shows HTTPS handling written by hand: an HSTS header or a check of the forwarded protocol. */
const TLS_TEXT = /strict-transport-security|x-forwarded-proto/iu;

export default createRule<Options, MessageIds>({
  name: 'require-https',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require Express apps that serve themselves to use HTTPS or show a TLS-terminating proxy',
      recommended: 'strict',
      appConfiguration: true,
    },
    schema: [],
    messages: {
      plainHttp:
        "Express app '{{name}}' is served over plain HTTP ({{how}}) and nothing in this file shows TLS: no https.createServer, no 'trust proxy' for a TLS-terminating proxy, no HSTS. Serve it with https.createServer, or, when a proxy terminates TLS in front of it, say how many: {{name}}.set('trust proxy', 1).",
      plainHttpElsewhere:
        "Express app '{{name}}' is served over plain HTTP in {{where}} ({{how}}), and neither that file nor this one shows TLS: no https.createServer, no 'trust proxy' for a TLS-terminating proxy, no HSTS. Serve it with https.createServer, or, when a proxy terminates TLS in front of it, say how many: {{name}}.set('trust proxy', 1).",
    },
  },
  defaultOptions: [],
  // An app of a file that names `express` or Nest, or that the whole-app model gives one (an app factory's).
  gate: (file) => file.mayHoldApp,
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        // Candidate-first: only apps and routers of the file, or given to it, have calls and handlers.
        if (!mayHaveApps(context)) return;
        const model = getExpressModel(context);
        if (model.apps.length === 0 || fileShowsTls(model)) return;
        for (const app of model.apps) {
          if (app.kind !== 'app' || app.escapes || appShowsTls(app)) continue;
          const served = servingCall(app, app.name, { sourceCode, model: getExpressModel(context) });
          if (served) {
            context.report({ node: served.node, messageId: 'plainHttp', data: { name: app.name, how: served.how } });
            continue;
          }
          // Cross-file: the app is exported and a file of the package serves it (express-generator's `bin/www`).
          const elsewhere = servedElsewhere(app);
          if (elsewhere) context.report({ node: app.node, messageId: 'plainHttpElsewhere', data: { name: app.name, where: elsewhere.where, how: elsewhere.how } });
        }
      },
    };

    function fileShowsTls(model: ExpressModel): boolean {
      return (
        model.moduleCalls.some(({ callee }) =>
          TLS_SERVER_FACTORIES.some(([m, p]) => callee.module === m && callee.path.length === p.length && callee.path.every((x, i) => x === p[i])),
        ) ||
        TLS_ENFORCING_PACKAGES.some((name) => model.imports(name)) ||
        TLS_TEXT.test(sourceCode.text)
      );
    }

    function appShowsTls(app: ExpressApp): boolean {
      if (nestServesHttps(app)) return true;
      if (trustsProxy(sourceCode, app, appCallsAcrossFiles(app))) return true;
      // helmet made in another file of the package (`app.use(require('./security'))`): HSTS unless that file turned it
      // off, which this file does not show; or a value that may be helmet (`mountsUnknownHelmet`).
      if (usedMiddleware(app).some(({ item }) => item.from !== undefined && pathEquals(item.value, 'helmet', ['()']))) return true;
      if (mountsUnknownHelmet(app, getExpressModel(context).imports('helmet'))) return true;
      return helmetUses(app).some((use) => {
        if (helmetProtection(use.middleware)?.name === 'strictTransportSecurity') return true;
        if (use.middleware !== 'helmet') return false;
        // helmet() sends HSTS unless told not to.
        if (!use.options) return true;
        const view = getExpressModel(context).options(use.options);
        if (view === 'unknown') return true;
        return ['strictTransportSecurity', 'hsts'].every((key) => {
          const value = view.get(key);
          return value.kind !== 'set' || staticValueOf(sourceCode, value.node)?.value !== false;
        });
      });
    }
  },
});

/**
 * Cross-file: where a file that imports the app serves it over plain HTTP (`http.createServer(app)` or `app.listen()`
 * in `bin/www`), when none of the importers serves it with TLS (`https.createServer(options, app)`) or mounts a
 * package that enforces HTTPS on it. (A `trust proxy` or helmet's HSTS added there counts through `appShowsTls`.)
 */
function servedElsewhere(app: ExpressApp): { where: string; how: string } | null {
  const importers = (app.after ?? []).filter((standIn) => standIn.file);
  if (importers.some((standIn) => standIn.servers.some((s) => TLS_SERVER_FACTORIES.some(([m, p]) => s.module === m && s.method === p.join('.'))))) return null;
  if (usedMiddleware(app).some(({ item }) => item.value && TLS_ENFORCING_PACKAGES.includes(item.value.module))) return null;
  for (const standIn of importers) {
    const served = servingCall(standIn, 'app');
    if (served) return { where: `${standIn.file}:${lineOf(served.node)}`, how: served.how };
  }
  return null;
}

/**
 * The first call that serves the app over plain HTTP: `http.createServer(app)` or `app.listen()`, unless it listens
 * only on the machine itself (`app.listen(3000, '127.0.0.1')`, `http.createServer(app).listen({ port, host: 'localhost' })`).
 * `linted` (the linted file's source and model) reads a host kept in a `const` or an options object as the model reads
 * options; without it (a call of another file) only a literal host is read.
 */
function servingCall(app: ExpressApp, name = app.name, linted?: Linted): { node: TSESTree.Node; how: string } | null {
  const calls: { node: TSESTree.Node; how: string; listen: TSESTree.Node | null }[] = [
    ...app.servers
      .filter((s) => s.module === 'http' || (s.module === 'http2' && s.method === 'createServer'))
      .map((s) => ({ node: s.node, how: `${s.module}.${s.method}`, listen: listenOn(s.node) })),
    ...app.calls.filter((c) => c.method === 'listen').map((c) => ({ node: c.node, how: `${name}.listen()`, listen: c.node })),
  ];
  const exposed = calls.filter((call) => !(call.listen && listensOnLoopback(call.listen, linted)));
  return exposed.sort((a, b) => a.node.range[0] - b.node.range[0])[0] ?? null;
}

/**
 * `http.createServer(app).listen(...)`, or `const server = http.createServer(app); server.listen(...)` (a variable never
 * reassigned, listened on once): that `listen` call, else `null`.
 */
function listenOn(server: TSESTree.Node): TSESTree.Node | null {
  const member = server.parent;
  if (member?.type === T.MemberExpression && member.object === server && staticKey(member) === 'listen') {
    return member.parent?.type === T.CallExpression && member.parent.callee === member ? member.parent : null;
  }
  const declarator = member;
  const sourceCode = sourceOf(server);
  if (declarator?.type !== T.VariableDeclarator || declarator.init !== server || declarator.id.type !== T.Identifier || !sourceCode) return null;
  const variable = findVariableOf(sourceCode, declarator.id);
  if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return null;
  const listens = variable.references.flatMap((r) => {
    const read = r.identifier.parent;
    return read?.type === T.MemberExpression && read.object === r.identifier && staticKey(read) === 'listen' && read.parent?.type === T.CallExpression && read.parent.callee === read
      ? [read.parent]
      : [];
  });
  return listens.length === 1 ? listens[0]! : null;
}

interface Linted {
  sourceCode: TSESLint.SourceCode;
  model: ExpressModel;
}

/** A `listen(port, host)` or `listen({ port, host })` call whose host is a loopback address. */
function listensOnLoopback(listen: TSESTree.Node, linted: Linted | undefined): boolean {
  if (listen.type !== T.CallExpression) return false;
  const [first, second] = listen.arguments;
  let host: TSESTree.Node | undefined = second;
  if (first && first.type !== T.SpreadElement && unwrap(first).type === T.ObjectExpression) {
    if (linted) {
      const view = linted.model.options(first);
      const value = view === 'unknown' ? null : view.get('host');
      host = value?.kind === 'set' ? value.node : undefined;
    } else {
      const property = (unwrap(first) as TSESTree.ObjectExpression).properties.find((p) => p.type === T.Property && staticKey(p) === 'host');
      host = property?.type === T.Property ? property.value : undefined;
    }
  }
  if (!host || host.type === T.SpreadElement) return false;
  const value = host.type === T.Literal ? host.value : linted ? staticValueOf(linted.sourceCode, host)?.value : undefined;
  return typeof value === 'string' && LOOPBACK_HOST.test(value);
}
