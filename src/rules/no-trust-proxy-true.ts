import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { chosenWhere, getExpressModel, isExpressApp, literalString, possibleValues, staticValueOf, type AppCall } from '../express';
import { lineOf } from '../util/lines';
import { createRule, mayHaveApps } from '../util/create-rule';

type Options = [];
type MessageIds = 'trustAll' | 'trustOneHop' | 'trustAllHeld' | 'trustAllChosen' | 'oneHopThere';

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
      trustAllHeld:
        "Express app '{{name}}' may trust every proxy: one of the values '{{variable}}' may hold is true (line {{line}}), and then any client can send X-Forwarded-For, so req.ip, req.protocol and req.hostname say what the client wants, and a per-IP rate limit resets with each forged address. Trust the number of proxies in front of the app, or their addresses.",
      trustAllChosen:
        "Express app '{{name}}' may trust every proxy: 'trust proxy' is true {{where}}, and then any client can send X-Forwarded-For, so req.ip, req.protocol and req.hostname say what the client wants, and a per-IP rate limit resets with each forged address. Trust the number of proxies in front of the app, or their addresses.",
      oneHopThere: "Trust exactly one proxy hop there: 1 instead of true on line {{line}}.",
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
            const chosen = trueAtRunTime(call);
            if (chosen) {
              const suggest = chosen.node.type === 'Literal' ? [{ messageId: 'oneHopThere' as const, data: { line: chosen.line }, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(chosen.node, '1') }] : [];
              // (Only values a `let` may hold, as Flowise's: named by the variable; else by the choices that lead there.)
              if (chosen.variable !== null) {
                context.report({ node: call.node, messageId: 'trustAllHeld', data: { name: app.name, variable: chosen.variable, line: chosen.line }, suggest });
              } else {
                context.report({ node: call.node, messageId: 'trustAllChosen', data: { name: app.name, where: chosen.where }, suggest });
              }
              continue;
            }
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

    /**
     * `set('trust proxy', x)` whose value may be `true` at run time (`possibleValues`): a `let`/`var` that may hold it
     * there (`let trustProxy = true; if (process.env.TRUST_PROXY === 'false') trustProxy = false;`), a branch of a
     * condition (`isProd ? 1 : true`), an entry of a per-environment table (`{ development: true, production: 1
     * }[process.env.NODE_ENV]`), through `const`s and each other. The first such value, the variable when every value
     * is one the `let` holds as written (named as before), else where the `true` values come from (`chosenWhere`: `(when
     * 'isProd' is false)`). A value the model cannot read is not taken for `true`.
     */
    function trueAtRunTime(call: AppCall): { node: TSESTree.Node; line: number; variable: string | null; where: string } | null {
      const [setting, value] = call.node.arguments as (TSESTree.CallExpressionArgument | undefined)[];
      if (call.method !== 'set' || literalString(setting) !== SETTING || !value || value.type === 'SpreadElement') return null;
      if (staticValueOf(sourceCode, value) !== null) return null;
      const values = possibleValues(sourceCode, value);
      const chosen = values?.filter((v) => v.node && staticValueOf(sourceCode, v.node)?.value === true) ?? [];
      const where = values && chosenWhere(values, chosen);
      const found = chosen[0]?.node;
      if (!values || !found || where === null) return null;
      const variable = values.every((v) => v.via.length === 1 && v.via[0]!.kind === 'held') ? values[0]!.via[0]!.by : null;
      return { node: found, line: lineOf(found), variable, where: `(${where})` };
    }

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
