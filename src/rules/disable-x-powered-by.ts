import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { HELMET_POWERED_BY_KEYS } from '../data/helmet';
import { appCallsAcrossFiles, getExpressModel, literalString, servedIn, staticValueOf, type ExpressApp } from '../express';
import { describeRouteBeforeHelmet, helmetUses, mountsUnknownHelmet, routeBeforeHelmet, type HelmetUse } from '../express/helmet';
import { expressReceiver } from '../express/nest';
import { createRule, mayHaveApps } from '../util/create-rule';
import { insertStatementAfter, quoted } from '../util/fix';

type Options = [];
type MessageIds = 'missing' | 'missingServed' | 'helmetKeepsHeader' | 'helmetAfterRoute';

export default createRule<Options, MessageIds>({
  name: 'disable-x-powered-by',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Express apps to stop sending the `X-Powered-By: Express` header',
      recommended: 'recommended',
      appConfiguration: true,
    },
    fixable: 'code',
    schema: [],
    messages: {
      missing:
        "Express app '{{name}}' sends 'X-Powered-By: Express', which tells attackers what to target. Call {{name}}.disable('x-powered-by') or mount helmet().",
      missingServed:
        "Express app '{{name}}' (served in {{where}}) sends 'X-Powered-By: Express', which tells attackers what to target. Call {{name}}.disable('x-powered-by') or mount helmet().",
      helmetAfterRoute:
        "Express app '{{name}}' sends 'X-Powered-By: Express' on {{route}} ({{where}}): the helmet that removes it ({{helmet}}) is mounted after {{that}} and never runs for {{it}}. Call {{name}}.disable('x-powered-by') or mount helmet before the routes.",
      helmetKeepsHeader:
        "helmet is told to keep 'X-Powered-By' on Express app '{{name}}' ({{key}}: false). Remove that option or call {{name}}.disable('x-powered-by').",
    },
  },
  defaultOptions: [],
  // Reads the file's apps.
  gate: (file) => file.mayHoldApp,
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        // Candidate-first: only apps and routers of the file, or given to it, have calls and handlers.
        if (!mayHaveApps(context)) return;
        const model = getExpressModel(context);
        for (const app of model.apps) {
          if (app.kind !== 'app' || app.escapes || hidesHeader(app)) continue;
          const helmets = helmetUses(app);
          const declaration = app.variable ? app.declaration : null;
          const fix: TSESLint.ReportFixFunction | null = declaration
            ? (fixer) => insertStatementAfter(fixer, sourceCode, declaration, `${expressReceiver(app)}.disable(${quoted(sourceCode, 'x-powered-by')})`)
            : null;
          const standalone = helmets.filter((h) => h.middleware === 'xPoweredBy' || h.middleware === 'hidePoweredBy');
          const keeping = helmets
            .filter((h) => h.middleware === 'helmet')
            .map((h) => keptBy(h, app))
            .find((k) => k !== undefined);
          // The helmet uses that remove the header, in the order they run.
          const hiding: HelmetUse[] = helmets.filter((h) => standalone.includes(h) || (h.middleware === 'helmet' && keeping === undefined));
          if (hiding.length > 0) {
            // helmet removes the header only from the responses of the routes registered after it.
            const late = routeBeforeHelmet(sourceCode, app, hiding);
            if (late) {
              const { route, where, helmet, that, it } = describeRouteBeforeHelmet(sourceCode, context.filename, late);
              context.report({ node: app.node, messageId: 'helmetAfterRoute', data: { name: app.name, route, where, helmet, that, it }, fix });
            }
            continue;
          }
          if (keeping) {
            context.report({ node: keeping.node, messageId: 'helmetKeepsHeader', data: { name: app.name, key: keeping.key }, fix });
          } else if (!mountsUnknownHelmet(app, model.imports('helmet'))) {
            // (A value of another file that the model cannot read may be helmet: unknown stays unknown.)
            const where = servedIn(app);
            context.report({ node: app.node, ...(where ? { messageId: 'missingServed', data: { name: app.name, where } } : { messageId: 'missing', data: { name: app.name } }), fix });
          }
        }

        /**
         * Whether a call of the app may turn the header off: `disable('x-powered-by')`, `set('x-powered-by', v)` with
         * `v` not surely true, or `disable(k)` / `set(k, v)` with a name `k` the code does not show (settings copied
         * in a loop, `for (const k in options) app.set(k, options[k])`: unknown stays unknown).
         */
        function hidesHeader(app: ExpressApp): boolean {
          return appCallsAcrossFiles(app).some((call) => {
            if (call.method !== 'disable' && call.method !== 'set') return false;
            const [name, value] = call.node.arguments;
            // `app.set(name)` with one argument reads the setting.
            if (!name || (call.method === 'set' && !value)) return false;
            const setting = literalString(name) ?? staticValueOf(sourceCode, name)?.value;
            if (setting === undefined) return true;
            if (setting !== 'x-powered-by') return false;
            if (call.method === 'disable') return true;
            const known = staticValueOf(sourceCode, value!);
            return known === null || !known.value;
          });
        }

        /** `{ hidePoweredBy: false }` / `{ xPoweredBy: false }` in helmet's options; `undefined` when not told. */
        function keptBy({ options, item, call }: HelmetUse, app: ExpressApp): { node: TSESTree.Node; key: string } | undefined {
          if (!options) return undefined;
          // helmet made in another file: its options are that file's, the report goes on the app.
          const foreign = item.from !== undefined || call.app.file !== undefined;
          const view = model.options(options);
          if (view === 'unknown') return undefined;
          for (const key of HELMET_POWERED_BY_KEYS) {
            const value = view.get(key);
            if (value.kind === 'set' && staticValueOf(sourceCode, value.node)?.value === false) {
              return { node: foreign ? app.node : (value.property ?? value.node), key };
            }
          }
          return undefined;
        }
      },
    };
  },
});
