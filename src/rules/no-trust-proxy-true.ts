import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getExpressModel, isExpressApp, literalString, staticValueOf, type AppCall } from '../express';
import { createRule, mayHaveApps } from '../util/create-rule';

type Options = [];
type MessageIds = 'trustAll' | 'trustOneHop';

const SETTING = 'trust proxy';

export default createRule<Options, MessageIds>({
  name: 'no-trust-proxy-true',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow trusting every proxy with Express's `trust proxy` setting",
      recommended: 'recommended',
      appConfiguration: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      trustAll:
        "Express app '{{name}}' trusts every proxy ('trust proxy' is true): any client can send X-Forwarded-For, so req.ip, req.protocol and req.hostname say what the client wants, and a per-IP rate limit resets with each forged address. Trust the number of proxies in front of the app, or their addresses.",
      trustOneHop: "Trust exactly one proxy hop: '{{name}}.set('trust proxy', 1)'.",
    },
  },
  defaultOptions: [],
  // An app's `set('trust proxy', true)` / `enable('trust proxy')`.
  gate: (file) => file.text.includes('trust proxy') && file.mayHoldApp,
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        if (!sourceCode.text.includes('trust proxy') || !mayHaveApps(context)) return;
        const model = getExpressModel(context);
        for (const app of model.apps) {
          // (A parameter that callers hand an app to, `module.exports = (app) => { app.set('trust proxy', true); }`, is an app.)
          if (!isExpressApp(app)) continue;
          // (The suggestion names the variable the code writes: a parameter's, not where the app comes from.)
          const written = app.kind === 'app' ? app.name : (app.variable?.name ?? app.name);
          for (const call of app.calls) {
            const suggestion = trustsAll(call);
            if (!suggestion) continue;
            context.report({
              node: call.node,
              messageId: 'trustAll',
              data: { name: app.name },
              suggest: [{ messageId: 'trustOneHop', data: { name: written }, fix: suggestion }],
            });
          }
        }
      },
    };

    /** A fix that makes the call trust one hop, when the call trusts every proxy. */
    function trustsAll(call: AppCall): TSESLint.ReportFixFunction | null {
      const [setting, value] = call.node.arguments as (TSESTree.CallExpressionArgument | undefined)[];
      // Setting names are case-sensitive: `app.set('Trust Proxy', true)` is another (unused) setting.
      if (literalString(setting) !== SETTING) return null;
      if (call.method === 'set' && value && value.type !== 'SpreadElement') {
        if (staticValueOf(sourceCode, value)?.value !== true) return null;
        return (fixer) => fixer.replaceText(value, '1');
      }
      if (call.method === 'enable' && call.node.arguments.length === 1 && call.node.callee.type === 'MemberExpression') {
        const callee = call.node.callee;
        if (callee.computed) return null;
        return (fixer) => [fixer.replaceText(callee.property, 'set'), fixer.insertTextAfter(setting!, ', 1')];
      }
      return null;
    }
  },
});
