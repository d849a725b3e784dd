import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { HEADER_SETTERS } from '../data/express';
import { Danger } from '../data/sinks';
import {
  enclosingHandler,
  getExpressModel,
  getRequestData,
  helperSinkFindings,
  literalString,
  staticKey,
  unwrap,
} from '../express';
import { mayReturnFromNestRoute, nestRedirectReturn } from '../express/nest';
import { REDIRECT_DECORATOR } from '../data/nest';
import { createRule } from '../util/create-rule';

type Options = [];
type MessageIds = 'openRedirect';

const NO_TARGETS: readonly TSESTree.Node[] = [];

export default createRule<Options, MessageIds>({
  name: 'no-open-redirect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow redirects to URLs taken from the request without a check',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      openRedirect:
        "'{{method}}' sends the browser to a URL taken from the request ({{source}}): open redirect. Check it against an allow list, or keep only a local path.",
    },
  },
  defaultOptions: [],
  // Request data.
  gate: (file) => file.mayHandleRequests,
  create(context) {
    const mayRedirectByReturn = context.sourceCode.text.includes(REDIRECT_DECORATOR);
    return {
      CallExpression(node) {
        // Cross-file: a helper of another module of the package that redirects to what it is given.
        for (const finding of helperSinkFindings(context, node, Danger.redirect)) {
          context.report({ node: finding.node, messageId: 'openRedirect', data: { method: finding.method, source: finding.source } });
        }
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression) return;
        const method = staticKey(callee);
        if (method === null) return;
        const targets = targetsOf(node, method);
        if (targets.length === 0) return;
        const requestData = getRequestData(context);
        if (requestData.handlers.list.length === 0 || requestData.handlers.roleOf(callee.object) !== 'res') return;
        for (const target of targets) {
          // A fixed-origin prefix (`'https://app.example/' + x`) is no open redirect: request data drops the danger.
          if (target.type === T.SpreadElement) continue;
          const findings = requestData.findings(target, Danger.redirect);
          for (const finding of findings) {
            context.report({ node: finding.node, messageId: 'openRedirect', data: { method: `res.${method}`, source: finding.source } });
          }
          if (findings.length > 0) return;
        }
      },
      // NestJS hook: a `@Redirect()` route method redirects to the `url` of the object it returns.
      ReturnStatement(node) {
        // Candidate-first: a return of a decorated method, in a file that names `Redirect` (the decorator's name).
        if (!mayRedirectByReturn || !mayReturnFromNestRoute(node)) return;
        const model = getExpressModel(context);
        if (model.handlers.length === 0) return;
        const url = nestRedirectReturn(enclosingHandler(model, node), node, (n) => model.valueOf(n));
        if (!url) return;
        for (const finding of getRequestData(context).findings(url, Danger.redirect)) {
          context.report({ node: finding.node, messageId: 'openRedirect', data: { method: '@Redirect', source: finding.source } });
        }
      },
    };

    /**
     * The URL arguments of a redirecting call: `res.redirect(url)`, `res.redirect(301, url)` (and Express 4's
     * `res.redirect(url, 301)`), `res.location(url)`, a `Location` header (`setHeader`, `set`, `header`,
     * `writeHead(302, { Location })`).
     */
    function targetsOf(node: TSESTree.CallExpression, method: string): readonly TSESTree.Node[] {
      const args = node.arguments;
      if (method === 'redirect') return args.slice(0, 2);
      if (method === 'location') return args.slice(0, 1);
      if (HEADER_SETTERS.has(method)) {
        const name = literalString(args[0]);
        if (name !== null) return name.toLowerCase() === 'location' && args[1] ? [args[1]] : [];
        return args[0] ? locationValues(args[0]) : [];
      }
      if (method === 'writeHead') return args.slice(1).flatMap(locationValues);
      // Every other method call of the file: no array for it.
      return NO_TARGETS;
    }

    function locationValues(arg: TSESTree.Node): TSESTree.Node[] {
      const inner = unwrap(arg);
      if (inner.type !== T.ObjectExpression) return [];
      return inner.properties.filter(
        (p): p is TSESTree.Property => p.type === T.Property && staticKey(p)?.toLowerCase() === 'location',
      ).map((p) => p.value);
    }
  },
});
