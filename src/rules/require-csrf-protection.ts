import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { COOKIE_STATE_KEYS, COOKIE_STATE_MIDDLEWARE, COOKIE_STATE_READERS, TOKEN_ROUTE_KEYS } from '../data/csrf';
import { STATE_CHANGING_METHODS } from '../data/express';
import {
  authenticatesByToken,
  describeEntry,
  chainItemSummaryElsewhere,
  summaryOfFunctionElsewhere,
  getExpressModel,
  getRequestData,
  middlewareAfter,
  middlewareChains,
  writtenPath,
  onlyMiddleware,
  passportAuthenticateCall,
  pathEquals,
  readsCookieState,
  reportNodeOf,
  setsOnlySameSiteCookies,
  staticValueOf,
  unwrap,
  type AppCall,
  type ChainEntry,
  type ExpressModel,
  type FunctionNode,
  type MiddlewareItem,
  type RequestHandlers,
} from '../express';
import { nestReadsSession } from '../express/nest';
import { isCsrfProtection, isLimiter } from '../express/protections';
import { INVALID_SETTINGS_MESSAGE, SETTINGS_REPORT_LOC, claimSettingsProblems } from '../express/settings';
import { createRule, mayHaveApps } from '../util/create-rule';

type Options = [{ sameSiteSuffices?: boolean; csrfMiddleware?: string[] }];
type MessageIds = 'missing' | 'mountedAfter' | 'invalidSettings';

export default createRule<Options, MessageIds>({
  name: 'require-csrf-protection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require CSRF protection before state-changing routes of apps that authenticate with cookies',
      recommended: 'recommended',
      appConfiguration: true,
      strictOptions: [{ sameSiteSuffices: false }],
    },
    defaultOptions: [{ sameSiteSuffices: true }],
    schema: [
      {
        type: 'object',
        properties: {
          sameSiteSuffices: {
            type: 'boolean',
            description:
              "Accept a session cookie with `sameSite: 'strict'` or `'lax'` (or `true`) as enough protection when no CSRF middleware runs.",
          },
          csrfMiddleware: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Names of CSRF middleware of your own (`verifyCsrf`, `security.csrf`, or a module such as `./middleware/csrf`).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      invalidSettings: INVALID_SETTINGS_MESSAGE,
      missing:
        "Route '{{method}} {{path}}' on '{{app}}' changes state and trusts the cookies that {{cookie}} reads, but no CSRF protection runs before it{{sameSite}}: another site can make a signed-in user's browser submit it.",
      mountedAfter:
        "CSRF protection '{{csrf}}'{{where}} is mounted after route '{{method}} {{path}}' on '{{app}}', so it never runs for that route: mount it before the route.",
    },
  },
  // Reads the routes of the file's apps (and reports settings problems only in a file with an app).
  gate: (file) => file.mayHoldApp,
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const readsCookieState = new Map<FunctionNode, boolean>();
    const readsCookiesOnly = new Map<FunctionNode, boolean>();
    /**
     * The route's own handlers and middleware, or middleware of its chain written in this file, read `req.cookies`,
     * `req.signedCookies`, `req.session`, `req.user` / `req.isAuthenticated()`; or the route runs Passport's
     * `authenticate()` / connect-ensure-login. A function of another module of the package counts when the project
     * model's summary of it says it reads them (its request parameter, by name).
     */
    function usesCookieState(call: AppCall, entries: readonly ChainEntry[]): boolean {
      const handlers = getRequestData(context).handlers;
      const model = getExpressModel(context);
      const items = [...entries.map((e) => e.item), ...call.middleware];
      // A route that a token strategy authenticates without a session (`passport.authenticate('jwt', { session: false })`,
      // here or exported by another file): the user it reads comes from the token, so only the cookies and the session
      // themselves count.
      const tokens = items.filter((item) => authenticatesByToken(context, item));
      const members = tokens.length > 0 ? TOKEN_ROUTE_KEYS : COOKIE_STATE_KEYS;
      return items.some((item) => {
        if (tokens.includes(item)) return false;
        // (Passport's `authenticate()`, or a step that runs it: `(req, res, next) => passport.authenticate('local',
        // cb)(req, res, next)`, inline, of the file, or of another file, `basicAuth(params)`.)
        if (passportAuthenticateCall(item)) return true;
        if (item.fn) {
          // Cross-file: a function of the file that mounts this router (app.js's `app.use((req, res, next) => ...)`),
          // read in its own file: there its first parameter is the request.
          const elsewhere = summaryOfFunctionElsewhere(context, item.fn);
          if (elsewhere) return tokens.length > 0 ? elsewhere.readsSessionOrCookies : elsewhere.readsCookieState;
          const cache = tokens.length > 0 ? readsCookiesOnly : readsCookieState;
          let known = cache.get(item.fn);
          if (known === undefined) {
            known = functionReadsCookieState(sourceCode, handlers, item.fn, members);
            cache.set(item.fn, known);
          }
          return known;
        }
        const value = item.value ?? model.valueOf(item.node);
        if (COOKIE_STATE_READERS.some((row) => pathEquals(value, row.module, row.path))) return true;
        // Cross-file: a controller of the package (`auth.login`), or middleware that the file mounting this router
        // imports (`app.use('/projects', requireAuth, projects)` in app.js): the project model's summary of it says.
        const summary = chainItemSummaryElsewhere(context, item)?.summary;
        return (tokens.length > 0 ? summary?.readsSessionOrCookies : summary?.readsCookieState) === true;
      });
    }

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
        if (model.apps.length === 0 || model.settings.upstream.includes('csrf')) return;
        const names = [...(options.csrfMiddleware ?? []), ...model.settings.middleware.csrf];
        const csrf = (entry: ChainEntry): boolean => isCsrfProtection(model, entry.item, names);
        for (const app of model.apps) {
          for (const call of app.calls) {
            if (!call.isRoute || call.isUse || !STATE_CHANGING_METHODS.has(call.method)) continue;
            // (`app.all('*', csrfProtection)` protects the routes after it: it answers no request itself.)
            if (onlyMiddleware(call, (item) => isCsrfProtection(model, item, names) || isLimiter(model, item, []), sourceCode.visitorKeys)) continue;
            let finding: { cookie: string; paths: Set<string>; sameSite: string } | null = null;
            // (Every chain: a route on an array of paths, or a router mounted on several, names each path without protection.)
            for (const chain of middlewareChains(call)) {
              if (!chain.complete) continue;
              const cookies = chain.entries.filter((e) => cookieModule(e) !== null);
              if (cookies.length === 0 || chain.entries.some(csrf)) continue;
              // A session cookie that other sites' requests do not carry is asked first: it is read from the session's
              // options in the chain, where the route's own reading of the cookies may need the summary of a handler of
              // another file (a controller). (With cookie-parser alone the package's cookies decide: asked last.)
              // (Asked at most once per route: first for a session, else after the route's reading of the cookies.)
              let isMitigated: boolean | undefined;
              const mitigated = (): boolean => (isMitigated ??= options.sameSiteSuffices !== false && sameSiteMitigates(context, model, sourceCode, cookies));
              if (cookies.some((entry) => cookieModule(entry) !== 'cookie-parser') && mitigated()) continue;
              // Only a route that trusts what the cookies carry can be forged.
              if (!usesCookieState(call, chain.entries)) continue;
              if (mitigated()) continue;
              finding ??= {
                // Name the session when there is one: it is what makes the request count as the user's.
                cookie: cookies.map(cookieModule).find((m) => m !== 'cookie-parser') ?? 'cookie-parser',
                paths: new Set(),
                sameSite: sameSiteNote(model, sourceCode, cookies, options.sameSiteSuffices !== false),
              };
              finding.paths.add(chain.path ?? writtenPath(call));
            }
            if (!finding) continue;
            const path = [...finding.paths].join(', ');
            const method = call.method.toUpperCase();
            const late = middlewareAfter(call).find(csrf);
            const node = reportNodeOf(call);
            if (late) {
              const { text, where } = describeEntry(sourceCode, late);
              context.report({ node, messageId: 'mountedAfter', data: { method, path, app: app.name, csrf: text, where } });
            } else {
              context.report({ node, messageId: 'missing', data: { method, path, app: app.name, cookie: finding.cookie, sameSite: finding.sameSite } });
            }
          }
        }
      },
    };
  },
});

/** Whether a handler reads cookie-carried state from its request: `req.session.x`, `const { user } = req`, `({ cookies }, res)`. */
function functionReadsCookieState(sourceCode: TSESLint.SourceCode, handlers: RequestHandlers, fn: FunctionNode, members: ReadonlySet<string>): boolean {
  // NestJS: a route method with a `@Session()` parameter.
  if (nestReadsSession(fn)) return true;
  return readsCookieState(sourceCode.visitorKeys, fn, (node) => handlers.roleOf(node) === 'req', members);
}

/** The module of a session or cookie-parsing middleware, else `null`. */
function cookieModule(entry: ChainEntry): string | null {
  const value = entry.item.value;
  return COOKIE_STATE_MIDDLEWARE.find((row) => pathEquals(value, row.module, row.path))?.module ?? null;
}

/**
 * True when the chain's cookies are ones that a browser does not send on cross-site form posts: every `session()` /
 * `cookieSession()` sets `sameSite` to `'strict'`, `'lax'` or `true`; or, with cookie-parser alone, the package sets
 * its cookies only so (`setsOnlySameSiteCookies`: proshop's `res.cookie('jwt', token, { sameSite: 'strict' })`).
 */
function sameSiteMitigates(context: Readonly<TSESLint.RuleContext<string, Options>>, model: ExpressModel, sourceCode: TSESLint.SourceCode, cookies: readonly ChainEntry[]): boolean {
  const sessions = cookies.filter((e) => cookieModule(e) !== 'cookie-parser');
  if (sessions.length === 0) return setsOnlySameSiteCookies(context);
  return sessions.every((entry) => {
    const known = sameSiteCache.get(entry.item);
    if (known !== undefined) return known;
    const result = sessionSameSite(model, sourceCode, entry);
    sameSiteCache.set(entry.item, result);
    return result;
  });
}

const sameSiteCache = new WeakMap<MiddlewareItem, boolean>();

/** Whether one session middleware's cookie is `sameSite` strict or lax. */
function sessionSameSite(model: ExpressModel, sourceCode: TSESLint.SourceCode, entry: ChainEntry): boolean {
  const node = sameSiteNode(model, entry);
  return node !== null && isStrictOrLax(sourceCode, node);
}

/** The `sameSite` value written for one session middleware's cookie, or `null` when none is written or it is unknown. */
function sameSiteNode(model: ExpressModel, entry: ChainEntry): TSESTree.Expression | null {
  const creation = unwrap(entry.item.value!.node);
  if (creation.type !== T.CallExpression) return null;
  const view = model.options(creation.arguments[0]);
  if (view === 'unknown') return null;
  const holder = cookieModule(entry) === 'express-session' ? view.object('cookie') : view;
  if (holder === null || holder === 'unknown') return null;
  const sameSite = holder.get('sameSite');
  return sameSite.kind === 'set' ? sameSite.node : null;
}

/**
 * Why the session cookie's `sameSite` did not count, for the message, in one short clause (the rule doc says more; the
 * message repeats it on every route): a value that lets other sites' requests carry the cookie (`'none'`, `false`),
 * or `'strict'` / `'lax'` when the rule does not accept them (`sameSiteSuffices: false`, as in the `strict` config).
 * Empty when no session cookie writes a value the rule can read.
 */
function sameSiteNote(model: ExpressModel, sourceCode: TSESLint.SourceCode, cookies: readonly ChainEntry[], suffices: boolean): string {
  for (const entry of cookies) {
    if (cookieModule(entry) === 'cookie-parser') continue;
    const node = sameSiteNode(model, entry);
    const value = node ? staticValueOf(sourceCode, node)?.value : undefined;
    if (typeof value !== 'string' && typeof value !== 'boolean') continue;
    const written = typeof value === 'string' ? `'${value}'` : String(value);
    if (isStrictOrLax(sourceCode, node!)) {
      if (!suffices) return ` (sameSite: ${written} on the ${cookieModule(entry)} cookie does not count: sameSiteSuffices is off)`;
    } else {
      return ` (sameSite: ${written} on the ${cookieModule(entry)} cookie lets other sites' requests carry it)`;
    }
  }
  return '';
}

function isStrictOrLax(sourceCode: TSESLint.SourceCode, node: TSESTree.Expression): boolean {
  const known = staticValueOf(sourceCode, node);
  if (!known) return false;
  const value = known.value;
  return value === true || (typeof value === 'string' && ['strict', 'lax'].includes(value.toLowerCase()));
}
