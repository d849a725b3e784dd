import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { CREDENTIAL_EXCHANGE_WORDS, DEFAULT_AUTH_PATHS, LIMITER_MIDDLEWARE, SEGMENT_AUTH_WORDS, SIGN_OUT_SEGMENTS } from '../data/limiters';
import { describeEntry, getExpressModel, middlewareAfter, middlewareChains, onlyMiddleware, pathEquals, readsNoRequest, reportNodeOf, type AppCall, type ExpressModel } from '../express';
import { isCsrfProtection, isLimiter } from '../express/protections';
import { INVALID_SETTINGS_MESSAGE, SETTINGS_REPORT_LOC, claimSettingsProblems } from '../express/settings';
import { createRule, mayHaveApps } from '../util/create-rule';

type Options = [{ authPaths?: string[]; limiters?: string[] }];
type MessageIds = 'missing' | 'mountedAfter' | 'insertLimiter' | 'invalidSettings';

/** Methods that only read (a login form, a token's page): brute force goes through the others. */
const READ_METHODS = new Set(['get', 'head', 'options']);

export default createRule<Options, MessageIds>({
  name: 'require-rate-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a rate limiter before login, password reset and other authentication routes',
      recommended: 'recommended',
      appConfiguration: true,
    },
    hasSuggestions: true,
    defaultOptions: [{}],
    schema: [
      {
        type: 'object',
        properties: {
          authPaths: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Path segments that make a route an authentication route (a segment equal to one, or made of it and other words joined by `-` or `_`). Replaces the default list.',
          },
          limiters: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Names of middleware of your own that limit the request rate (`authLimiter`, `security.throttle`, or a module such as `./middleware/limits`).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      invalidSettings: INVALID_SETTINGS_MESSAGE,
      missing:
        "Authentication route '{{method}} {{path}}' on '{{app}}' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      mountedAfter:
        "Rate limiter '{{limiter}}'{{where}} is mounted after authentication route '{{method}} {{path}}' on '{{app}}', so it never runs for that route: mount it before the route.",
      insertLimiter: "Add '{{limiter}}' to the route's middleware.",
    },
  },
  // Reads the routes of the file's apps (and reports settings problems only in a file with an app).
  gate: (file) => file.mayHoldApp,
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        // Candidate-first: only apps and routers of the file, or given to it, have calls and handlers.
        if (!mayHaveApps(context)) return;
        const model = getExpressModel(context);
        if (model.apps.length > 0) {
          for (const problem of claimSettingsProblems(context)) {
            context.report({ loc: SETTINGS_REPORT_LOC, messageId: 'invalidSettings', data: { where: problem.where, what: problem.what } });
          }
        }
        if (model.apps.length === 0 || model.settings.upstream.includes('rateLimit')) return;
        // Built only in files with an app (most files have none).
        // (The user's own list has no words that count only alone: each of its words counts in any compound.)
        const isAuthSegmentIn = authPathTest(options.authPaths ?? DEFAULT_AUTH_PATHS, options.authPaths ? [] : SEGMENT_AUTH_WORDS);
        const signOut = SIGN_OUT_SEGMENTS.filter((segment) => !(options.authPaths ?? []).some((word) => word.toLowerCase() === segment));
        /**
         * An authentication route: a path with an authentication segment, unless it ends in signing out. A word that names
         * many other things, alone as a segment (`/internal/reset`), needs a route that reads the request: one that reads
         * nothing of it takes no credentials.
         */
        const isAuthRoute = (path: string, call: AppCall): boolean => {
          const kind = isAuthSegmentIn(path);
          if (!kind || signOut.includes(path.replace(/\/+$/u, '').split('/').at(-1)!.toLowerCase())) return false;
          return kind === 'clear' || !readsNoRequest(call, sourceCode.visitorKeys);
        };
        const names = [...(options.limiters ?? []), ...model.settings.middleware.rateLimit];
        const limiter = (item: Parameters<typeof isLimiter>[1]): boolean => isLimiter(model, item, names);
        for (const app of model.apps) {
          for (const call of app.calls) {
            if (!call.isRoute || call.isUse || READ_METHODS.has(call.method)) continue;
            // (`app.all('/login', limiter)` limits the routes after it: it answers no request itself.)
            if (onlyMiddleware(call, (item) => limiter(item) || isCsrfProtection(model, item, []), sourceCode.visitorKeys)) continue;
            // (Every chain: a route on an array of paths, or a router mounted on several, names each path without a
            // limiter, as require-csrf-protection does.)
            const unprotected = new Set<string>();
            for (const chain of middlewareChains(call)) {
              if (chain.complete && chain.path !== null && isAuthRoute(chain.path, call) && !chain.entries.some((e) => limiter(e.item))) unprotected.add(chain.path);
            }
            if (unprotected.size === 0) continue;
            const method = call.method.toUpperCase();
            const path = [...unprotected].join(', ');
            const late = middlewareAfter(call).find((e) => limiter(e.item));
            // (A limiter that a function of another file mounts is not this file's to name: one this file defines is offered.)
            const candidate = late && late.call.app.file === undefined ? insertableName(sourceCode, late.item.node, call) : definedLimiter(model, sourceCode, call);
            // (A route a loop's call stands for takes its items from the table: nothing to insert at the call.)
            const first = call.args[0];
            const inCall = first !== undefined && first.range[0] >= call.node.range[0] && first.range[1] <= call.node.range[1];
            const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
              candidate && inCall
                ? [
                    {
                      messageId: 'insertLimiter',
                      data: { limiter: candidate },
                      fix: (fixer) => fixer.insertTextBefore(call.args[0]!, `${candidate}, `),
                    },
                  ]
                : [];
            const node = reportNodeOf(call);
            if (late) {
              const { text, where } = describeEntry(sourceCode, late);
              context.report({ node, messageId: 'mountedAfter', data: { method, path, app: app.name, limiter: text, where }, suggest });
            } else {
              context.report({ node, messageId: 'missing', data: { method, path, app: app.name }, suggest });
            }
          }
        }
      },
    };
  },
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Whether a path has an authentication segment: a segment that is one of `words`, or has one joined to other words by
 * `-`, `_` or `.` (`/login`, `/api/auth/token`, `/forgot-password`, `/password_reset`, `/signin.json`; not `/catalogue`
 * or `/authors`), with or without an Express 5 optional group's text (`'/login{/}'`, `'/signin{.:ext}'`). A
 * word of `segmentOnly` counts alone as a segment, or joined to another of `words` or to a word of
 * `CREDENTIAL_EXCHANGE_WORDS` (`/reset/:id`, `/verify-token`, `/access-token`; not `/reset-user-file`,
 * `/create-web-token`).
 */
function authPathTest(words: readonly string[], segmentOnly: readonly string[]): (path: string) => 'clear' | 'alone' | false {
  if (words.length === 0) return () => false;
  const part = new RegExp(`(?:^|[-_.])(${words.map(escapeRegExp).join('|')})(?=[-_.]|$)`, 'giu');
  const alone = new Set(segmentOnly.map((word) => word.toLowerCase()));
  // 'alone': only a word of `segmentOnly` as a whole segment says so (`/internal/reset`, `/token`).
  const kind = (segment: string): 'clear' | 'alone' | false => {
    const found = [...segment.matchAll(part)].map((match) => match[1]!.toLowerCase());
    if (found.length === 0) return false;
    if (found.some((word) => !alone.has(word)) || new Set(found).size > 1) return 'clear';
    if (segment.toLowerCase().split(/[-_.]/u).some((word) => CREDENTIAL_EXCHANGE_WORDS.includes(word))) return 'clear';
    return alone.has(segment.toLowerCase()) ? 'alone' : false;
  };
  return (path) => {
    let found: 'clear' | 'alone' | false = false;
    for (const variant of groupVariants(path)) {
      const kinds = variant.split('/').map(kind);
      if (kinds.includes('clear')) return 'clear';
      if (kinds.includes('alone')) found = 'alone';
    }
    return found;
  };
}

/**
 * The paths an Express 5 path with optional groups names at least: with every group's text in it and with none
 * (`'/login{/}'` → `/login/` and `/login`, `'/api{/v1}/signin'` → `/api/v1/signin` and `/api/signin`,
 * `'/signin{.:ext}'` → `/signin.:ext` and `/signin`); the path itself when it has none.
 */
function groupVariants(path: string): string[] {
  if (!path.includes('{')) return [path];
  let without = path;
  for (let previous = ''; previous !== without; ) {
    previous = without;
    without = without.replace(/\{[^{}]*\}/gu, '');
  }
  return [path.replace(/[{}]/gu, ''), without];
}

/** `name` when `node` is an identifier of a module-level variable declared before `call`'s statement. */
function insertableName(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, call: AppCall): string | null {
  if (node.type !== T.Identifier) return null;
  const variable = sourceCode.scopeManager?.globalScope ? findModuleVariable(sourceCode, node.name) : null;
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !def) return null;
  if (def.node.range[1] > call.node.range[0]) return null;
  return node.name;
}

function findModuleVariable(sourceCode: TSESLint.SourceCode, name: string): TSESLint.Scope.Variable | null {
  const global = sourceCode.scopeManager!.globalScope!;
  const moduleScope = global.childScopes.find((s) => s.type === 'module' || s.type === 'function') ?? null;
  return moduleScope?.set.get(name) ?? global.set.get(name) ?? null;
}

/** A limiter that the file keeps in a module-level `const` before the route (`const loginLimiter = rateLimit(...)`). */
function definedLimiter(model: ExpressModel, sourceCode: TSESLint.SourceCode, call: AppCall): string | null {
  for (const { node, callee } of model.moduleCalls) {
    const declarator = node.parent;
    if (declarator?.type !== T.VariableDeclarator || declarator.init !== node || declarator.id.type !== T.Identifier) continue;
    const created = { ...callee, path: [...callee.path, '()'] };
    const direct = LIMITER_MIDDLEWARE.some((row) => row.paths.some((path) => pathEquals(created, row.module, path)));
    const brute = pathEquals(created, 'express-brute', ['()']);
    if (!direct && !brute) continue;
    const name = insertableName(sourceCode, declarator.id, call);
    if (name) return brute ? `${name}.prevent` : name;
  }
  return null;
}
