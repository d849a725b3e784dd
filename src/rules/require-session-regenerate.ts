import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import lt from 'semver/functions/lt';

import { PASSPORT_NON_LOGIN_STRATEGIES, PASSPORT_SESSION_FIXATION } from '../data/advisories';
import { SESSION_RETURN_KEYS } from '../data/sessions';
import {
  assignedName,
  declaredName,
  functionHead,
  getExpressModel,
  isFunction,
  isNodeOf,
  passportAuthenticateCall,
  passportStrategies,
  middlewareChains,
  outermost,
  routeFullPath,
  routeFullPaths,
  writtenPath,
  callWhere,
  staticKey,
  staticValueOf,
  unwrap,
  type AppCall,
  type Handler,
  type MiddlewareItem,
  dependencyOf,
  pathEquals,
} from '../express';
import { createRule, mayHaveApps } from '../util/create-rule';

type Options = [{ assumePassportRegenerates?: boolean }];
type MessageIds = 'missingRegenerate' | 'passportBeforeRegenerate';
/** How a message names the login route: `handler 'login' of ` (or empty), its method, path, app, and file when not this one. */
type RouteData = { handler: string; method: string; path: string; app: string; where: string };

/** Words that make a route path or a handler's name a login. */
const LOGIN_WORDS = /\b(?:log ?in|sign ?in|authenticate)\b/u;

export default createRule<Options, MessageIds>({
  name: 'require-session-regenerate',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require login handlers to regenerate the session before storing data in it',
      recommended: 'strict',
      appConfiguration: true,
    },
    schema: [
      {
        type: 'object',
        properties: {
          assumePassportRegenerates: {
            type: 'boolean',
            description:
              "Count `req.login()` / `req.logIn()` and `passport.authenticate()` (without `session: false`) as regenerating the session, as passport 0.6.0 and later do. Not assumed when the nearest package.json's passport range admits a version below 0.6.0.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ assumePassportRegenerates: true }],
    messages: {
      missingRegenerate:
        "Login {{handler}}route '{{method}} {{path}}'{{where}} on '{{app}}' stores data in req.session without calling req.session.regenerate() first: a session ID planted before login (session fixation) stays valid and becomes the user's logged-in session.",
      passportBeforeRegenerate:
        "Login {{handler}}route '{{method}} {{path}}'{{where}} on '{{app}}' logs the user in with passport, and package.json allows passport {{range}}: passport before {{fixed}} keeps the session ID from before the login, so a planted session ID becomes the user's logged-in session (session fixation, {{advisory}}). Upgrade passport to {{fixed}} or later.",
    },
  },
  defaultOptions: [{ assumePassportRegenerates: true }],
  // Reads the handlers registered on the file's apps (`model.handlers`).
  gate: (file) => file.mayHoldApp,
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        // Candidate-first: only apps and routers of the file, or given to it, have calls and handlers.
        if (!mayHaveApps(context)) return;
        const model = getExpressModel(context);
        if (model.handlers.length === 0) return;
        // cookie-session keeps the whole session in the signed cookie it rewrites: nothing to fixate.
        if (model.imports('cookie-session') && !model.imports('express-session')) return;
        // Below 0.6.0 (the lowest version the package.json range admits), passport is known not to regenerate.
        const oldPassport = options.assumePassportRegenerates !== false ? passportBeforeFix(context) : null;
        const passportRegenerates = options.assumePassportRegenerates !== false && oldPassport === null;
        const done = new Set<Handler['fn']>();
        const reported = new Set<TSESTree.Node>();
        for (const handler of model.handlers) {
          if (done.has(handler.fn) || handler.isErrorHandler) continue;
          const chain = handler.call.middleware;
          // (A step that runs it counts on a route, as the call does: on a `use`, the step itself would be the handler.)
          const passport = chain.filter((item) => !(item.fn && handler.call.isUse) && isPassportAuthenticate(item) && !restoresOnly(item));
          const named = declaredName(handler.fn);
          const isLogin =
            passport.length > 0 ||
            isLoginWords(handler.call.path) ||
            (handler.call.paths ?? []).some(isLoginWords) ||
            (named !== null && isLoginWords(named));
          if (!isLogin) continue;
          const authenticates = passport.find((item) => passportUsesSession(item));
          if (passportRegenerates && authenticates) continue;
          const req = requestVariable(handler);
          // (Named only when reported: reading the route's chains for its full path costs.)
          const route = (): RouteData => describeRoute(handler, named);
          if (oldPassport !== null && authenticates && !(req && sessionUsage(req).regenerates)) {
            done.add(handler.fn);
            // (Where the route's file registers this file's controller, `passport.authenticate` is in that file: the
            // report goes on the controller here, which the message names.)
            const call = passportAuthenticateCall(authenticates)!;
            // (A step that runs it, `(req, res, next) => passport.authenticate('local')(req, res, next)`: at its call.)
            const at = authenticates.fn && isNodeOf(sourceCode, call) ? call : isNodeOf(sourceCode, authenticates.node) ? authenticates.node : functionHead(handler.fn);
            // (The step and the route's handler are both handlers of the route: one finding.)
            if (!reported.has(at)) reportOldPassport(at, route(), oldPassport);
            reported.add(at);
            continue;
          }
          if (!req) continue;
          done.add(handler.fn);
          const usage = sessionUsage(req);
          if (usage.regenerates) continue;
          if (usage.logsIn) {
            if (passportRegenerates) continue;
            if (oldPassport !== null) {
              reportOldPassport(usage.logsIn, route(), oldPassport);
              continue;
            }
          }
          if (!usage.firstWrite) continue;
          // (The session the route's chain runs, when another file mounts it: cookie-session there, none here.)
          if (cookieSessionOnly(handler.call)) continue;
          const { handler: name, method, path, app, where } = route();
          context.report({ node: usage.firstWrite, messageId: 'missingRegenerate', data: { handler: name, method, path, app, where } });
        }
      },
    };

    function reportOldPassport(node: TSESTree.Node, route: RouteData, range: string): void {
      context.report({
        node,
        messageId: 'passportBeforeRegenerate',
        data: {
          handler: route.handler,
          method: route.method,
          path: route.path,
          app: route.app,
          where: route.where,
          range,
          fixed: PASSPORT_SESSION_FIXATION.fixed,
          advisory: PASSPORT_SESSION_FIXATION.id,
        },
      });
    }

    /**
     * The route as the other route rules name it (`'POST /login' on 'app'`), after the handler's name when it has one
     * (`handler 'handleSignIn' of `), and, for a route of another file that registers this file's function (a
     * controller), where that file writes it (` (routes/auth.js:4)`).
     */
    function describeRoute(handler: Handler, named: string | null): RouteData {
      const call = handler.call;
      const chains = middlewareChains(call);
      // (On an array of paths, `['/login', '/signin']`: those paths through the mounts, `/auth/login, /auth/signin`.)
      const path = routeFullPath(chains) ?? (call.paths ? routeFullPaths(chains) : null) ?? writtenPath(call);
      const where = isNodeOf(sourceCode, call.node) ? '' : callWhere(call);
      // (A function assigned to a property, `exports.login = (req, res) => ...`, is named by it here only: that name
      // does not make a route a login.)
      const name = named ?? assignedName(handler.fn);
      return { handler: name === null ? '' : `handler '${name}' of `, method: call.method.toUpperCase(), path, app: call.app.name, where };
    }

    /** `passport.authenticate(…)`, or a step that runs it (`(req, res, next) => passport.authenticate('local')(req, res, next)`). */
    function isPassportAuthenticate(item: MiddlewareItem): boolean {
      return passportAuthenticateCall(item) !== null;
    }

    /**
     * `passport.authenticate('session')` (or `'anonymous'`, or a list of only such names) restores the user from the
     * session or lets the request through: it logs no one in (`PASSPORT_NON_LOGIN_STRATEGIES`).
     */
    function restoresOnly(item: MiddlewareItem): boolean {
      const call = passportAuthenticateCall(item);
      if (!call) return false;
      const names = passportStrategies(call);
      return names.length > 0 && names.every((name) => name !== null && PASSPORT_NON_LOGIN_STRATEGIES.has(name));
    }

    /**
     * `passport.authenticate('local')` logs in (and so regenerates) unless told `session: false`, or given a callback
     * (`passport.authenticate('local', (err, user) => …)`, a third argument): passport then hands the user to it and
     * logs no one in; the callback's `req.logIn(user)` is the handler's own (`sessionUsage`).
     */
    function passportUsesSession(item: MiddlewareItem): boolean {
      const call = passportAuthenticateCall(item);
      if (!call) return false;
      const second = call.arguments[1];
      if (call.arguments.length > 2 || (second && isFunction(unwrap(second)))) return false;
      const optionsArg = call.arguments.find((a) => unwrap(a).type === T.ObjectExpression);
      if (!optionsArg) return true;
      const view = getExpressModel(context).options(optionsArg);
      if (view === 'unknown') return true;
      const session = view.get('session');
      if (session.kind !== 'set') return session.kind === 'absent';
      const known = staticValueOf(sourceCode, session.node);
      return known !== null && Boolean(known.value);
    }

    function requestVariable(handler: Handler): TSESLint.Scope.Variable | null {
      const param = handler.params.req;
      const id = param?.type === T.AssignmentPattern ? param.left : param;
      if (id?.type !== T.Identifier) return null;
      return sourceCode.scopeManager?.getDeclaredVariables(handler.fn).find((v) => v.identifiers.includes(id)) ?? null;
    }

    /** How a handler uses `req.session`: its first write, and whether it regenerates or logs in. */
    function sessionUsage(req: TSESLint.Scope.Variable): {
      firstWrite: TSESTree.Node | null;
      regenerates: boolean;
      /** The first `req.login()` / `req.logIn()` call. */
      logsIn: TSESTree.CallExpression | null;
    } {
      let firstWrite: TSESTree.Node | null = null;
      let regenerates = false;
      let logsIn: TSESTree.CallExpression | null = null;
      for (const ref of req.references) {
        // (Through TypeScript's casts: `(req as any).session`, `(req.session as any).user = ...`.)
        const id = outermost(ref.identifier as TSESTree.Node) as TSESTree.Node;
        const member = id.parent;
        if (member?.type !== T.MemberExpression || member.object !== id) continue;
        const key = staticKey(member);
        if (key === 'login' || key === 'logIn') {
          if (member.parent?.type === T.CallExpression && member.parent.callee === member) {
            logsIn = logsIn && logsIn.range[0] <= member.parent.range[0] ? logsIn : member.parent;
          }
          continue;
        }
        if (key !== 'session') continue;
        useSession(outermost(member) as TSESTree.Node);
      }
      // `const { session } = req`: the session under another name.
      for (const ref of req.references) {
        const id = outermost(ref.identifier as TSESTree.Node) as TSESTree.Node;
        const declarator = id.parent;
        if (declarator?.type !== T.VariableDeclarator || declarator.init !== id || declarator.id.type !== T.ObjectPattern) continue;
        for (const variable of sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? []) {
          const def = variable.defs[0];
          const property = def?.name.parent;
          if (property?.type !== T.Property || property.value !== def!.name || staticKey(property) !== 'session') continue;
          for (const use of variable.references) if (!use.init) useSession(outermost(use.identifier as TSESTree.Node) as TSESTree.Node);
        }
      }
      return { firstWrite, regenerates, logsIn };

      /** One read of the session (`req.session`, or a name it was destructured to). */
      function useSession(session: TSESTree.Node): void {
        const outer = session.parent;
        if (outer?.type === T.MemberExpression && outer.object === session) {
          // Called, bound or promisified (`promisify(req.session.regenerate.bind(req.session))()`): it regenerates.
          if (staticKey(outer) === 'regenerate' && !(outer.parent?.type === T.AssignmentExpression && outer.parent.left === outer)) {
            regenerates = true;
            return;
          }
          // req.session.x = v, req.session.x.y = v, req.session[k] = v; not where to go after login
          // (`req.session.returnTo = req.originalUrl`), which a login page keeps before anyone logs in.
          const key = staticKey(outer);
          if (key !== null && SESSION_RETURN_KEYS.has(key)) return;
          let target: TSESTree.Node = outer;
          while (target.parent?.type === T.MemberExpression && target.parent.object === target) target = target.parent;
          const parent = target.parent;
          if (parent?.type === T.AssignmentExpression && parent.left === target) firstWrite = earlier(firstWrite, parent);
        } else if (
          outer?.type === T.CallExpression &&
          outer.arguments[0] === session &&
          outer.callee.type === T.MemberExpression &&
          outer.callee.object.type === T.Identifier &&
          outer.callee.object.name === 'Object' &&
          staticKey(outer.callee) === 'assign'
        ) {
          firstWrite = earlier(firstWrite, outer);
        }
      }
    }
  },
});

/**
 * The passport range of the nearest package.json when its lowest version is below the fix (`^0.5.3`), else
 * `null`: passport 0.6.0 or later, and also no package.json, no passport entry or a range that is not semver
 * (a git URL, `latest`), where the option's assumption stands.
 */
function passportBeforeFix(context: { readonly filename: string }): string | null {
  const declared = dependencyOf(context, PASSPORT_SESSION_FIXATION.package);
  return declared?.min && lt(declared.min, PASSPORT_SESSION_FIXATION.fixed) ? declared.range : null;
}

function earlier(a: TSESTree.Node | null, b: TSESTree.Node): TSESTree.Node {
  return a && a.range[0] <= b.range[0] ? a : b;
}

/**
 * Whether the session the route runs with is cookie-session's only: every chain that reaches it is known and mounts
 * `cookieSession()`, none `session()` of express-session (`server.js` mounting cookie-session before the router of
 * `routes/auth.js`). cookie-session keeps the whole session in the signed cookie it rewrites: nothing to fixate.
 */
function cookieSessionOnly(call: AppCall): boolean {
  const chains = middlewareChains(call);
  if (chains.length === 0 || chains.some((chain) => !chain.complete)) return false;
  const mounts = (chain: (typeof chains)[number], module: string): boolean => chain.entries.some((entry) => pathEquals(entry.item.value, module, ['()']));
  return chains.every((chain) => mounts(chain, 'cookie-session') && !mounts(chain, 'express-session'));
}

/** `handleLogin`, `/auth/sign-in`, `log_in` → words, then look for login words. */
function isLoginWords(text: string | null): boolean {
  if (!text) return false;
  const words = text
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/[^A-Za-z0-9]+/gu, ' ')
    .toLowerCase();
  return LOGIN_WORDS.test(words);
}
