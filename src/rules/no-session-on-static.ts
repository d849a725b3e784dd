import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getExpressModel, middlewareChains, pathEquals, type AppCall, type ModuleValue } from '../express';
import { createRule, mayHaveApps, moduleNames } from '../util/create-rule';
import { lineOf } from '../util/lines';

type Options = [];
type MessageIds = 'afterSession' | 'moveStatic';

/** Static file middleware (`[module, path, how messages name it]` of the middleware value). */
const STATIC_MIDDLEWARE: readonly (readonly [string, readonly string[], string])[] = [
  ['express', ['static', '()'], 'express.static'],
  ['serve-static', ['()'], 'serve-static'],
];

/** Middleware that loads a session for every request it sees. */
const SESSION_MIDDLEWARE: readonly (readonly [string, readonly string[], string])[] = [
  ['express-session', ['()'], "express-session's session()"],
  ['cookie-session', ['()'], "cookie-session's cookieSession()"],
  ['passport', ['session', '()'], 'passport.session()'],
];

/** How messages name a middleware of the table, or `null` when it is not one. */
const labelOf = (value: ModuleValue | undefined, table: typeof STATIC_MIDDLEWARE): string | null =>
  table.find(([module, path]) => pathEquals(value, module, path))?.[2] ?? null;

/** What a file must name for the rule's gate (`createRule`). */
const STATIC_MODULES = moduleNames(STATIC_MIDDLEWARE.map(([module]) => module));

export default createRule<Options, MessageIds>({
  name: 'no-session-on-static',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow serving static files after session middleware',
      recommended: 'strict',
      appConfiguration: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      afterSession:
        "{{static}} is mounted after {{session}} ({{where}}) on '{{app}}': every request for a static file loads a session (a store lookup, and a new session and cookie for anonymous visitors). Serve static files first.",
      moveStatic: "Move this 'use' before the session middleware.",
    },
  },
  // A static middleware of these modules mounted on an app of the file.
  gate: (file) => file.names(STATIC_MODULES) && file.mayHoldApp,
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        // Candidate-first: only apps and routers of the file, or given to it, have calls and handlers.
        if (!mayHaveApps(context)) return;
        const model = getExpressModel(context);
        if (model.apps.length === 0) return;
        // (A loop writes out one call per element, `for (const p of ['/a', '/b']) app.use(p, express.static('public'))`:
        // the static middleware they share is reported once.)
        const reported = new Set<TSESTree.Node>();
        for (const app of model.apps) {
          for (const call of app.calls) {
            if (!call.isUse) continue;
            const index = call.middleware.findIndex((item) => labelOf(item.value, STATIC_MIDDLEWARE) !== null);
            if (index < 0 || reported.has(call.middleware[index]!.node)) continue;
            const session = middlewareChains(call, index)
              .flatMap((chain) => chain.entries)
              .find((entry) => labelOf(entry.item.value, SESSION_MIDDLEWARE) !== null);
            if (!session) continue;
            const staticItem = call.middleware[index]!;
            reported.add(staticItem.node);
            const move = session.call !== call && session.call.app === app ? moveBefore(sourceCode, call, session.call) : null;
            context.report({
              node: staticItem.node,
              messageId: 'afterSession',
              // Named, never quoted: the session call's source holds its options, secret included.
              data: {
                static: staticLabel(labelOf(staticItem.value, STATIC_MIDDLEWARE)!, staticItem.value?.node),
                session: labelOf(session.item.value, SESSION_MIDDLEWARE)!,
                // (In another file, the session's own: `src/webserver.js:147`.)
                where: `${session.call.app.file === undefined ? 'line ' : `${session.call.app.file}:`}${lineOf(session.item.node)}`,
                app: app.name,
              },
              suggest: move ? [{ messageId: 'moveStatic', fix: move }] : [],
            });
          }
        }
      },
    };
  },
});

/** `express.static('public')` when the folder is a string literal, else `express.static(…)`. */
function staticLabel(name: string, call: TSESTree.Node | undefined): string {
  const first = call?.type === T.CallExpression ? call.arguments[0] : undefined;
  const folder = first?.type === T.Literal && typeof first.value === 'string' && first.value.length <= 40 ? first.raw : '…';
  return `${name}(${folder})`;
}

/** A statement `app.use(...)` of its own, alone on its lines. */
function ownStatement(sourceCode: TSESLint.SourceCode, call: AppCall): TSESTree.ExpressionStatement | null {
  const statement = call.node.parent;
  if (statement?.type !== T.ExpressionStatement || statement.expression !== call.node) return null;
  const before = sourceCode.lines[lineOf(statement) - 1]!.slice(0, statement.loc.start.column);
  const after = sourceCode.lines[statement.loc.end.line - 1]!.slice(statement.loc.end.column);
  return before.trim() === '' && after.trim() === '' ? statement : null;
}

/** Moves the static `use` statement to just before the session `use` statement, when both stand alone in one block. */
function moveBefore(
  sourceCode: TSESLint.SourceCode,
  staticCall: AppCall,
  sessionCall: AppCall,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | null {
  const moved = ownStatement(sourceCode, staticCall);
  const anchor = ownStatement(sourceCode, sessionCall);
  if (!moved || !anchor || moved.parent !== anchor.parent || moved.range[0] < anchor.range[0]) return null;
  if (sourceCode.getCommentsInside(moved).length > 0) return null;
  const lineStart = (line: number): number => sourceCode.getIndexFromLoc({ line, column: 0 });
  const start = lineStart(lineOf(moved));
  const end = moved.loc.end.line < sourceCode.lines.length ? lineStart(moved.loc.end.line + 1) : sourceCode.text.length;
  const text = sourceCode.text.slice(start, end);
  const anchorStart = lineStart(lineOf(anchor));
  return (fixer) => [
    fixer.insertTextBeforeRange([anchorStart, anchorStart], text.endsWith('\n') ? text : `${text}\n`),
    fixer.removeRange([start, end]),
  ];
}
