import type { TSESLint } from '@typescript-eslint/utils';

import { getExpressModel, reportNodeOf, servedIn, type ExpressApp } from '../express';
import { describeRouteBeforeHelmet, helmetBeforeEveryMount, helmetUses, mountsUnknownHelmet, otherHeaderMiddleware, routeBeforeHelmet, servesNothing } from '../express/helmet';
import { createRule, mayHaveApps } from '../util/create-rule';
import { addImport, insertStatementAfter, moduleStyle } from '../util/fix';
import { andList } from '../util/words';

type Options = [];
type MessageIds = 'missing' | 'missingServed' | 'missingSome' | 'mountedAfter' | 'addHelmet';

export default createRule<Options, MessageIds>({
  name: 'require-helmet',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Express apps to mount helmet for secure HTTP response headers',
      recommended: 'recommended',
      appConfiguration: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      missing:
        "Express app '{{name}}' mounts no helmet(): its responses lack Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and the other protective headers.",
      missingServed:
        "Express app '{{name}}' (served in {{where}}) mounts no helmet(), in this file or there: its responses lack Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and the other protective headers.",
      missingSome:
        "Express app '{{name}}'{{served}} mounts no helmet(): {{setBy}} {{sets}} {{set}}, but its responses lack {{lacking}}.",
      mountedAfter:
        "helmet is mounted on Express app '{{name}}' ({{helmet}}) after {{route}} ({{where}}): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
      addHelmet: "Import helmet and add '{{name}}.use(helmet())' after the app is created.",
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
          // (The stand-in of another file's app that this file registers routes on: only whether helmet runs before those
          // routes is this file's; whether the app mounts helmet at all is reported in the app's own file.)
          if (app.kind !== 'app' || (app.escapes && !app.joinsImportedApp) || helmetBeforeEveryMount(app)) continue;
          const uses = helmetUses(app);
          if (app.joinsImportedApp && uses.length === 0) continue;
          if (uses.length > 0) {
            const late = routeBeforeHelmet(sourceCode, app, uses);
            if (late) {
              const { route, where, helmet } = describeRouteBeforeHelmet(sourceCode, context.filename, late);
              context.report({ node: late.handoff ?? reportNodeOf(late.route), messageId: 'mountedAfter', data: { name: app.name, route, where, helmet } });
            }
            continue;
          }
          // (A value of another file that the model cannot read may be helmet: unknown stays unknown. An app with no
          // route and no middleware only sends Express's 404, which carries its own CSP: nothing for helmet to protect.)
          if (mountsUnknownHelmet(app, model.imports('helmet')) || servesNothing(app)) continue;
          // (lusca's header middleware sets some of the headers: the message names the others; all of them, nothing to add.)
          const other = otherHeaderMiddleware(sourceCode, model, app);
          if (other && other.lacking.length === 0) continue;
          const missing = describeMissing(app, other);
          const declaration = app.variable ? app.declaration : null;
          const imported = model.bindingName('helmet');
          if (!declaration) {
            context.report({ node: app.node, ...missing });
            continue;
          }
          if (imported) {
            context.report({
              node: app.node,
              ...missing,
              fix: (fixer) => insertStatementAfter(fixer, sourceCode, declaration, `${app.name}.use(${imported}())`),
            });
            continue;
          }
          const nameFree = !isNameTaken(sourceCode, 'helmet');
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = nameFree
            ? [
                {
                  messageId: 'addHelmet',
                  data: { name: app.name },
                  fix: (fixer) => [
                    addImport(fixer, sourceCode, {
                      name: 'helmet',
                      module: 'helmet',
                      style: moduleStyle(context),
                    }),
                    insertStatementAfter(fixer, sourceCode, declaration, `${app.name}.use(helmet())`),
                  ],
                },
              ]
            : [];
          context.report({ node: app.node, ...missing, suggest });
        }
      },
    };
  },
});

/** Whether a variable called `name` exists anywhere in the file (so a new top-level one would clash). */
function isNameTaken(sourceCode: TSESLint.SourceCode, name: string): boolean {
  const scopeManager = sourceCode.scopeManager;
  if (!scopeManager) return true;
  return scopeManager.scopes.some((scope) => scope.set.has(name)) || scopeManager.globalScope!.through.some((r) => r.identifier.name === name);
}

/**
 * The `missing` report of `app`, naming where its importers serve it when that is another file (`missingServed`), and
 * the headers it lacks when other middleware sets some (`missingSome`).
 */
function describeMissing(app: ExpressApp, other: ReturnType<typeof otherHeaderMiddleware>): { messageId: 'missing' | 'missingServed' | 'missingSome'; data: Record<string, string> } {
  const where = servedIn(app);
  if (other) {
    return {
      messageId: 'missingSome',
      data: {
        name: app.name,
        served: where ? ` (served in ${where})` : '',
        setBy: andList(other.labels),
        sets: other.labels.length > 1 ? 'set' : 'sets',
        set: andList(other.set),
        lacking: andList(other.lacking),
      },
    };
  }
  return where ? { messageId: 'missingServed', data: { name: app.name, where } } : { messageId: 'missing', data: { name: app.name } };
}
