import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';

import { Danger } from '../data/sinks';
import { enclosingHandler, getExpressModel, getRequestData, guardsIn, staticKey, staticValueOf, unwrap } from '../express';
import { createRule } from '../util/create-rule';

type Options = [];
type MessageIds = 'openRedirect';

/** A leading text that fixes the target's origin: a local path (`/users/`, not `//` or `/\`) or `https://host/`. */
const FIXED_ORIGIN = /^(?:\/[^/\\]|[a-z][a-z\d+.-]*:\/\/[^/?#\\]+[/?#])/iu;

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
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression) return;
        const method = staticKey(callee);
        if (method !== 'redirect' && method !== 'location') return;
        const model = getExpressModel(context);
        if (model.handlers.length === 0 || model.roleOf(callee.object) !== 'res') return;
        // `res.redirect(url)`, `res.redirect(301, url)` (and Express 4's deprecated `res.redirect(url, 301)`).
        const requestData = getRequestData(context);
        let target: TSESTree.Node | undefined;
        let taint = null;
        for (const arg of node.arguments.slice(0, method === 'redirect' ? 2 : 1)) {
          if (arg.type === T.SpreadElement) continue;
          taint = requestData.carries(arg, Danger.redirect);
          if (taint) {
            target = arg;
            break;
          }
        }
        if (!taint || !target || FIXED_ORIGIN.test(leadingText(target))) return;
        const handler = enclosingHandler(model, node);
        if (handler && (isChecked(handler.fn, target) || isChecked(handler.fn, taint.source))) return;
        context.report({ node: target, messageId: 'openRedirect', data: { method: `res.${method}`, source: taint.source } });
      },
    };

    function leadingText(node: TSESTree.Node): string {
      const inner = unwrap(node);
      if (inner.type === T.TemplateLiteral) return inner.quasis[0]?.value.cooked ?? '';
      if (inner.type === T.BinaryExpression && inner.operator === '+') {
        const left = leadingText(inner.left);
        const whole = staticValueOf(sourceCode, inner.left);
        return typeof whole?.value === 'string' ? whole.value + leadingText(inner.right) : left;
      }
      const value = staticValueOf(sourceCode, inner);
      return typeof value?.value === 'string' ? value.value : '';
    }

    /**
     * Checked against an allow list, a regex, or for a `//` prefix, anywhere in the handler: the redirect's own
     * argument, or the request expression it comes from (`list.includes(req.query.next) ? req.query.next : '/'`).
     */
    function isChecked(fn: TSESTree.Node, target: TSESTree.Node | string): boolean {
      const text = typeof target === 'string' ? target : sourceCode.getText(unwrap(target));
      const guards = guardsIn(sourceCode, fn, text);
      return guards.allowList || guards.regex || guards.startsWith.some((p) => p.startsWith('//') || p.startsWith('/\\'));
    }
  },
});
