import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  COOKIE_DEFAULTS,
  EXPIRY_KEYS,
  SAME_SITE_RANK,
  isBrowserReadCookie,
  type CookieSource,
} from '../data/cookies';
import { HEADER_SETTERS } from '../data/express';
import {
  elsewhereOf,
  getExpressModel,
  getRequestData,
  literalString,
  modelIsBuilt,
  sessionMiddlewares,
  staticKey,
  staticValueOf,
  trustsProxy,
  unwrap,
  type ExpressApp,
  type ExpressModel,
  type OptionsView,
  type RequestHandlers,
} from '../express';
import { createRule, fileSigns, moduleNames } from '../util/create-rule';
import { addObjectProperties, addObjectProperty, quoted, replacePropertyValue } from '../util/fix';

type SameSiteLevel = 'lax' | 'strict';
type Options = [{ sameSite?: SameSiteLevel; requireExpiry?: boolean; requireDomain?: boolean; requirePath?: boolean }];
type MessageIds =
  | 'missing'
  | 'missingHttpOnly'
  | 'missingSecure'
  | 'addFlags'
  | 'addSecure'
  | 'addHttpOnly'
  | 'disabled'
  | 'mayBeDisabled'
  | 'autoWithoutTrustProxy'
  | 'noneWithoutSecure'
  | 'noneWithUncertainSecure'
  | 'weakSameSite'
  | 'nestedCookieIgnored'
  | 'missingExpiry'
  | 'missingAttribute'
  | 'setValue';

/** What one cookie site says about a flag. */
type Flag =
  | { kind: 'absent' }
  | { kind: 'unknown' }
  | { kind: 'set'; node: TSESTree.Node; property: TSESTree.Property | null; written: boolean; value: { value: unknown } | null };

type Entry = 'httpOnly' | 'secure' | 'sameSite';

/** A place that sets a cookie, with the flags it gives and how to add missing ones. */
interface CookieSite {
  source: CookieSource;
  /** The cookie's name when it is written as a constant (`res.cookie('XSRF-TOKEN', ...)`). */
  name: string | null;
  report: TSESTree.Node;
  get(key: string): Flag;
  /** A fix adding the missing entries, when the site can take them. */
  add: ((entries: readonly Entry[]) => TSESLint.ReportFixFunction) | null;
  /** Apps whose `trust proxy` decides `secure: 'auto'`; `null` when `'auto'` means nothing special. */
  apps: ExpressApp[] | null;
  /** express-session's own `proxy: true`. */
  proxy: boolean;
  /** The cookie's value is a constant of the source (`res.cookie('seen', 'true')`): it carries no secret. */
  constantValue?: boolean;
  /**
   * `config.js:2` when the options object is written in another file of the package (`res.cookie('sid', v,
   * config.cookieOptions)`): messages name it, as that is where a missing flag goes (`OptionsView.writtenElsewhere`).
   */
  from?: string | null;
}

/** What a cookie without each flag exposes, for the message that names the missing flags. */
const MISSING_RISKS: Record<Entry, string> = {
  httpOnly: 'any script on the page (an XSS payload) can read it',
  secure: 'it also travels over plain HTTP, where anyone on the network can read it',
  sameSite: 'the browser also sends it with requests that other sites start (CSRF)',
};

const DEFAULT_OPTIONS = { sameSite: 'lax', requireExpiry: false, requireDomain: false, requirePath: false } as const;

/** What a file must name for the rule's gate (`createRule`). */
const COOKIE_MODULES = moduleNames('express-session', 'cookie-session', 'cookie');

export default createRule<Options, MessageIds>({
  name: 'secure-cookies',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require session and response cookies to be `httpOnly`, `secure` and `sameSite`',
      recommended: 'recommended',
      appConfiguration: true,
      strictOptions: [{ requireExpiry: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          sameSite: {
            type: 'string',
            enum: ['lax', 'strict'],
            description: "The weakest `sameSite` accepted, and the value the fix adds (`'lax'` by default).",
          },
          requireExpiry: {
            type: 'boolean',
            description: 'Require `maxAge` or `expires`, so cookies do not live as long as the browser runs.',
          },
          requireDomain: {
            type: 'boolean',
            description: 'Require an explicit `domain` (off: a host-only cookie is the narrower default).',
          },
          requirePath: {
            type: 'boolean',
            description: "Require an explicit `path` (off: the libraries default to `'/'`).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [DEFAULT_OPTIONS],
    messages: {
      missing: 'The {{label}} is set without {{flags}}: {{risks}}.',
      missingSecure:
        "The {{label}} is set without 'secure': it also travels over plain HTTP, where anyone on the network can read it. Add 'secure: true' where the app is served over HTTPS (behind a TLS-terminating proxy, with app.set('trust proxy', 1)): express-session sets no secure cookie on a request it sees as HTTP.",
      addFlags: 'Add {{flags}} (first check {{check}}).',
      addSecure: "Add 'secure: true' (needs HTTPS; behind a proxy, also app.set('trust proxy', 1)).",
      missingHttpOnly:
        "{{label}} sets {{cookie}} without 'httpOnly': any script on the page (an XSS payload) can read it. Add 'httpOnly' unless browser code must read this cookie.",
      addHttpOnly: "Add '{{flag}}' (only if no browser code reads this cookie).",
      disabled:
        "The {{label}} turns off '{{flag}}': {{risk}}",
      mayBeDisabled: "The {{label}} may turn off '{{flag}}': {{risk}}",
      autoWithoutTrustProxy:
        "The {{label}} is secure only when Express sees the request as HTTPS, and {{apps}} does not set 'trust proxy': behind a TLS-terminating proxy the cookie is sent without 'Secure' (or not at all). Set {{apps}}.set('trust proxy', 1) or 'secure: true'.",
      noneWithoutSecure:
        "The {{label}} sets 'sameSite: none' without 'secure': browsers reject such cookies, and a cross-site cookie must only travel over HTTPS.",
      noneWithUncertainSecure:
        "The {{label}} sets 'sameSite: none' with a 'secure' known only at run time: wherever it is false, browsers reject the cookie, and a cross-site cookie must only travel over HTTPS. Set 'secure: true', or 'sameSite: none' only where 'secure' is true.",
      weakSameSite: "The {{label}} sets 'sameSite: {{value}}', weaker than the required '{{level}}'.",
      nestedCookieIgnored:
        "cookie-session reads its flags from the top level of its options and ignores 'cookie: {...}': move these flags up.",
      missingExpiry: "The {{label}} has no 'maxAge' or 'expires': it lives as long as the browser runs.",
      missingAttribute: "The {{label}} has no explicit '{{flag}}'.",
      setValue: "Set '{{flag}}' to {{value}}.",
    },
  },
  defaultOptions: [DEFAULT_OPTIONS],
  // Session middleware, the `cookie` module, a handler's response, or a cookie helper's (`setAuthCookie(res, token)`).
  gate: (file) => file.names(COOKIE_MODULES) || file.mayHandleRequests || file.mayCookieNamedResponse,
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const level: SameSiteLevel = options.sameSite ?? 'lax';
    // Candidate-first: a session middleware or `cookie.serialize` call is a value of those modules, which the file
    // names (or, with the whole-app view, may import from a module of the package that passes one on:
    // `FileSigns.mayHoldModules`, asked last, unless another rule built the model already); a response cookie is set
    // by a call the file shows (`responseCalls`). Without one of them, nothing below can report: no model is asked.
    const signs = fileSigns(context);
    let model!: ExpressModel;
    let handlers!: RequestHandlers;
    const responseCalls: TSESTree.CallExpression[] = [];

    return {
      // Only the calls that can set a cookie (`res.cookie(...)`, `res.setHeader('Set-Cookie', ...)`) are kept, with one
      // plain listener (no selector to match on every member expression).
      CallExpression(call) {
        if (call.callee.type !== T.MemberExpression) return;
        const method = staticKey(call.callee);
        if (method === 'cookie' || (method !== null && HEADER_SETTERS.has(method) && literalString(call.arguments[0])?.toLowerCase() === 'set-cookie')) responseCalls.push(call);
      },
      'Program:exit'() {
        if (responseCalls.length === 0 && !modelIsBuilt(context) && !signs.mayHoldModules(COOKIE_MODULES)) return;
        model = getExpressModel(context);
        const sessions = sessionMiddlewares(model);
        const cookieModule = model.imports('cookie');
        // Every function that receives a request: registered, exported or shaped like a handler, typed, Node servers'.
        handlers = getRequestData(context).handlers;
        // (A cookie helper of a module, `setAuthCookie(res, token)`, receives a response by its name alone: `namedResponse`.)
        const namedResponses = signs.mayCookieNamedResponse;
        if (sessions.length === 0 && handlers.list.length === 0 && !cookieModule && !namedResponses) return;
        const sites: CookieSite[] = [];
        for (const session of sessions) {
          if (session.library === 'express-session') sites.push(...expressSessionSites(session));
          else sites.push(...cookieSessionSites(session));
        }
        for (const call of responseCalls) {
          const member = call.callee as TSESTree.MemberExpression;
          const method = staticKey(member)!;
          const response = handlers.list.length > 0 && handlers.roleOf(member.object) === 'res';
          if (!response && !(namedResponses && method === 'cookie' && handlers.namedResponse(member.object))) continue;
          // Node's own response has no `cookie()`: only its `Set-Cookie` headers set cookies.
          if (method === 'cookie' && handlers.enclosing(call)?.kind === 'node-server') continue;
          if (method === 'cookie') sites.push(...optionsArgumentSites(call, 'res.cookie'));
          else if (HEADER_SETTERS.has(method) && literalString(call.arguments[0])?.toLowerCase() === 'set-cookie') {
            sites.push(...headerSites(call.arguments[1]));
          }
        }
        if (cookieModule) {
          for (const call of model.callsTo('cookie', ['serialize'])) {
            if (call.type === T.CallExpression) sites.push(...optionsArgumentSites(call, 'cookie.serialize'));
          }
        }
        for (const site of sites) check(site);
      },
    };

    function check(site: CookieSite): void {
      const defaults = COOKIE_DEFAULTS[site.source];
      const label = siteLabel(site);
      /** The label for a flag's own message: naming the file of the flag's value when it is read from another file. */
      const flagLabel = (flag: Flag): string => siteLabel(site, flag);
      const missing: Entry[] = [];

      // A cookie that browser code reads (a double-submit CSRF token) must not be httpOnly: not asked at all.
      // So is a cookie whose value is a constant of the code (`'true'`, `'1'`): it carries no secret to steal.
      const readByScripts = (site.name !== null && isBrowserReadCookie(site.name)) || site.constantValue === true;
      // A constant value (`res.cookie('theme', 'dark')`) is the same for everyone: nothing to steal, forge or keep
      // short, so the flags that protect a cookie's value are not asked for (one written `false` is still reported).
      const carriesNothing = site.constantValue === true;
      const httpOnly = site.get('httpOnly');
      let askHttpOnly = false;
      if (httpOnly.kind === 'absent' && !defaults.httpOnly && !readByScripts) {
        if (defaults.perCookie) askHttpOnly = true;
        else missing.push('httpOnly');
      }
      if (httpOnly.kind === 'set' && !readByScripts) {
        const falsy = mayBeFalse(httpOnly);
        if (falsy) reportDisabled(site, httpOnly, 'httpOnly', 'true', falsy);
      }

      // 'auto': the library sets 'Secure' from the request's protocol and no app in this file says more.
      let secure: 'yes' | 'no' | 'auto' | 'unknown' = 'unknown';
      const secureFlag = site.get('secure');
      /** 'auto' reported without `trust proxy`: that message's fix (trust the proxy) is the one for 'sameSite: none' too. */
      let autoReported = false;
      const auto = (): 'yes' | 'no' | 'auto' => {
        if (site.proxy) return 'yes';
        const apps = site.apps ?? [];
        if (apps.length === 0) return 'auto';
        if (apps.some((app) => trustsProxy(sourceCode, app))) return 'yes';
        autoReported = true;
        context.report({
          node: secureFlag.kind === 'set' ? flagNode(secureFlag) : site.report,
          messageId: 'autoWithoutTrustProxy',
          data: { label: flagLabel(secureFlag), apps: apps.map((a) => a.name).join("' / '") },
        });
        return 'no';
      };
      // express-session does not set a `secure` cookie on a request it sees as HTTP (no `trust proxy` behind a
      // TLS-terminating proxy, plain HTTP in development): adding it can log every user out, so it is a choice.
      let secureNeedsChoice = false;
      if (secureFlag.kind === 'absent' && carriesNothing) {
        secure = 'no';
      } else if (secureFlag.kind === 'absent') {
        if (defaults.secure === 'auto') secure = auto();
        else {
          secure = 'no';
          if (site.source === 'express-session' && !site.proxy && !(site.apps ?? []).some((app) => trustsProxy(sourceCode, app))) {
            secureNeedsChoice = true;
          } else {
            missing.push('secure');
          }
        }
      } else if (secureFlag.kind === 'set' && secureFlag.value) {
        const value = secureFlag.value.value;
        if (value === 'auto' && site.apps) secure = auto();
        else if (value) secure = 'yes';
        else {
          secure = 'no';
          reportDisabled(site, secureFlag, 'secure', 'true', 'disabled');
        }
      }

      const sameSite = site.get('sameSite');
      if (sameSite.kind === 'absent' && !carriesNothing) missing.push('sameSite');
      else if (sameSite.kind === 'set' && sameSite.value) {
        const raw = sameSite.value.value;
        const value = raw === true ? 'strict' : typeof raw === 'string' ? raw.toLowerCase() : raw;
        if (value === false || value === undefined || value === null || value === '') {
          reportDisabled(site, sameSite, 'sameSite', quote(level), 'disabled');
        } else if (value === 'none' && secure !== 'yes' && secure !== 'auto' && !autoReported) {
          context.report({
            node: flagNode(sameSite),
            // (`secure: process.env.NODE_ENV === 'production'`: set, to a value the code does not show, here or in the
            // file that writes the options.)
            messageId: (secureFlag.kind === 'set' && !secureFlag.value) || secureFlag.kind === 'unknown' ? 'noneWithUncertainSecure' : 'noneWithoutSecure',
            data: { label: flagLabel(sameSite) },
          });
        } else if (
          level === 'strict' &&
          typeof value === 'string' &&
          value in SAME_SITE_RANK &&
          SAME_SITE_RANK[value]! < SAME_SITE_RANK.strict!
        ) {
          context.report({
            node: flagNode(sameSite),
            messageId: 'weakSameSite',
            data: { label: flagLabel(sameSite), value, level },
            suggest: replaceSuggestion(sameSite, 'sameSite', quote('strict')),
          });
        }
      }

      if (secureNeedsChoice) {
        const add = site.add;
        context.report({
          node: site.report,
          messageId: 'missingSecure',
          data: { label },
          suggest: add ? [{ messageId: 'addSecure', fix: add(['secure']) }] : [],
        });
      }
      if (missing.length > 0) {
        const add = site.add;
        context.report({
          node: site.report,
          messageId: 'missing',
          data: { label, flags: missing.map((m) => `'${m}'`).join(', '), risks: missing.map((m) => MISSING_RISKS[m]).join('; ') },
          // A suggestion, not a fix: an explicit SameSite ends the cross-site POST that SAML / OAuth form_post logins
          // and payment returns rely on (and Chrome's grace for cookies without one), and a Secure cookie is dropped
          // by browsers on a plain-HTTP origin: both change what browsers do, so a person decides.
          suggest: add ? [{ messageId: 'addFlags', data: { flags: missing.map((m) => `'${m}'`).join(', '), check: flagsCheck(missing) }, fix: add(missing) }] : [],
        });
      }
      if (askHttpOnly) {
        const add = site.add;
        const flag = site.source === 'Set-Cookie' ? 'HttpOnly' : 'httpOnly: true';
        context.report({
          node: site.report,
          messageId: 'missingHttpOnly',
          data: { label: defaults.label, cookie: `${site.name === null ? 'a cookie' : `cookie '${site.name}'`}${site.from ? ` (from ${site.from})` : ''}` },
          suggest: add ? [{ messageId: 'addHttpOnly', data: { flag }, fix: add(['httpOnly']) }] : [],
        });
      }
      if (options.requireExpiry && !carriesNothing && EXPIRY_KEYS.every((key) => site.get(key).kind === 'absent')) {
        context.report({ node: site.report, messageId: 'missingExpiry', data: { label } });
      }
      for (const [required, flag] of [
        [options.requireDomain, 'domain'],
        [options.requirePath, 'path'],
      ] as const) {
        if (required && site.get(flag).kind === 'absent') {
          context.report({ node: site.report, messageId: 'missingAttribute', data: { label, flag } });
        }
      }
    }

    function reportDisabled(
      site: CookieSite,
      flag: Extract<Flag, { kind: 'set' }>,
      name: Entry,
      value: string,
      how: 'disabled' | 'mayBeDisabled',
    ): void {
      const risks: Record<Entry, string> = {
        httpOnly: 'any script on the page (an XSS payload) can read the cookie.',
        secure: 'the cookie is sent over plain HTTP, where anyone on the network can read it.',
        sameSite: 'the browser sends the cookie with cross-site requests (CSRF).',
      };
      context.report({
        node: flagNode(flag),
        messageId: how,
        // A flag of another file's options (`cookie: config.cookie`) names that file.
        data: { label: siteLabel(site, flag), flag: name, risk: risks[name] },
        suggest: replaceSuggestion(flag, name, value),
      });
    }

    function replaceSuggestion(
      flag: Extract<Flag, { kind: 'set' }>,
      name: string,
      value: string,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (!flag.property && !flag.written) return [];
      const property = flag.property && !flag.written ? flag.property : null;
      return [
        {
          messageId: 'setValue',
          data: { flag: name, value },
          fix: (fixer) => (property ? replacePropertyValue(fixer, property, value) : fixer.replaceText(flag.node, value)),
        },
      ];
    }

    /** `false`, or (for `httpOnly`) a conditional with a `false` branch; `secure: isProd` stays allowed. */
    function mayBeFalse(flag: Extract<Flag, { kind: 'set' }>): 'disabled' | 'mayBeDisabled' | null {
      if (flag.value) return flag.value.value ? null : 'disabled';
      const node = unwrap(flag.node);
      const branches =
        node.type === T.ConditionalExpression
          ? [node.consequent, node.alternate]
          : node.type === T.LogicalExpression && node.operator !== '&&'
            ? [node.right]
            : [];
      return branches.some((b) => {
        const known = staticValueOf(sourceCode, b);
        return known !== null && !known.value;
      })
        ? 'mayBeDisabled'
        : null;
    }

    /** Where a flag is reported: the later write that sets it, else the literal's entry. */
    function flagNode(flag: Extract<Flag, { kind: 'set' }>): TSESTree.Node {
      return flag.written ? flag.node : (flag.property ?? flag.node);
    }

    function quote(value: string): string {
      return quoted(sourceCode, value);
    }

    function entryText(entry: Entry): string {
      return entry === 'sameSite' ? `sameSite: ${quote(level)}` : `${entry}: true`;
    }

    function flagOf(view: OptionsView, key: string): Flag {
      const value = view.get(key);
      if (value.kind !== 'set') return value;
      return { ...value, value: staticValueOf(sourceCode, value.node) };
    }

    function viewSite(
      source: CookieSource,
      name: string | null,
      view: OptionsView | null,
      report: TSESTree.Node,
      add: CookieSite['add'],
      apps: ExpressApp[] | null,
      proxy = false,
    ): CookieSite {
      return { source, name, report, get: (key) => (view ? flagOf(view, key) : { kind: 'absent' }), add, apps, proxy, from: view?.writtenElsewhere() ?? null };
    }

    /** Adds entries to an object literal. */
    function addTo(object: TSESTree.ObjectExpression): CookieSite['add'] {
      return (entries) => (fixer) => addObjectProperties(fixer, sourceCode, object, entries.map(entryText));
    }

    /** Adds `{ entries }` as the call's only argument (`session()`). */
    function addArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, wrap: (inner: string) => string): CookieSite['add'] {
      if (call.arguments.length > 0) return null;
      const closing = sourceCode.getLastToken(call);
      const opening = closing && sourceCode.getTokenBefore(closing);
      if (!closing || closing.value !== ')' || opening?.value !== '(') return null;
      return (entries) => (fixer) => fixer.insertTextBefore(closing, wrap(`{ ${entries.map(entryText).join(', ')} }`));
    }

    function sessionApps(apps: ExpressApp[]): ExpressApp[] {
      const mounted = apps.flatMap((app) => (app.kind === 'app' ? [app] : app.mounts.map((m) => m.parent)));
      return mounted.length > 0 ? mounted : model.apps.filter((app) => app.kind === 'app');
    }

    function expressSessionSites(session: ReturnType<typeof sessionMiddlewares>[number]): CookieSite[] {
      const top = session.options;
      if (top === 'unknown') return [];
      const apps = sessionApps(session.apps);
      const proxy = top?.staticValue('proxy')?.value === true;
      if (top === null) {
        return [viewSite('express-session', null, null, session.call, addArgument(session.call, (o) => `{ cookie: ${o} }`), apps)];
      }
      const cookie = top.object('cookie');
      if (cookie === 'unknown') return [];
      const report = top.literal ?? session.call;
      const addCookieKey: CookieSite['add'] =
        top.literal && top.get('cookie').kind === 'absent'
          ? (entries) => (fixer) =>
              addObjectProperty(fixer, sourceCode, top.literal!, `cookie: { ${entries.map(entryText).join(', ')} }`)
          : null;
      // (No `cookie` key in options of another file, `session(config.session)`: the key goes there.)
      if (cookie === null) return [{ ...viewSite('express-session', null, null, report, addCookieKey, apps, proxy), from: top.writtenElsewhere() }];
      return [
        viewSite('express-session', null, cookie, cookie.literal ?? report, cookie.literal ? addTo(cookie.literal) : addCookieKey, apps, proxy),
      ];
    }

    function cookieSessionSites(session: ReturnType<typeof sessionMiddlewares>[number]): CookieSite[] {
      const top = session.options;
      if (top === 'unknown') return [];
      const apps = sessionApps(session.apps);
      if (top === null) {
        return [viewSite('cookie-session', null, null, session.call, addArgument(session.call, (o) => o), apps)];
      }
      const nested = top.ownProperty('cookie');
      if (nested && nested.value.type === T.ObjectExpression && nested.value.properties.length > 0) {
        context.report({ node: nested, messageId: 'nestedCookieIgnored' });
      }
      return [viewSite('cookie-session', null, top, top.literal ?? session.call, top.literal ? addTo(top.literal) : null, apps)];
    }

    /** `res.cookie(name, value, options)` / `cookie.serialize(name, value, options)`. */
    function optionsArgumentSites(call: TSESTree.CallExpression, source: CookieSource): CookieSite[] {
      const args = call.arguments;
      if (args.some((a) => a.type === T.SpreadElement)) return [];
      if (args.length < 2) return [];
      const known = staticValueOf(sourceCode, args[0]!);
      // (A name of another file of the package: `res.cookie(AUTH_COOKIE, ...)` with `export const AUTH_COOKIE = 'sid'`.)
      const name = typeof known?.value === 'string' ? known.value : known === null ? literalString(model.value(args[0]!)) : null;
      const value = staticValueOf(sourceCode, args[1]!);
      // `res.cookie('token', '')` empties the cookie (a logout): it carries nothing to steal or to send cross-site.
      if (value?.value === '') return [];
      const constantValue = value !== null && (typeof value.value === 'string' || typeof value.value === 'number' || typeof value.value === 'boolean');
      const third = args[2];
      if (!third) {
        const add: CookieSite['add'] = (entries) => (fixer) =>
          fixer.insertTextAfter(args[1]!, `, { ${entries.map(entryText).join(', ')} }`);
        return [{ ...viewSite(source, name, null, call, add, null), constantValue }];
      }
      const view = model.options(third);
      if (view === 'unknown') return [];
      return [{ ...viewSite(source, name, view, view.literal && unwrap(third) === view.literal ? view.literal : call, view.literal ? addTo(view.literal) : null, null), constantValue }];
    }

    /** `res.setHeader('Set-Cookie', 'a=b; HttpOnly')`, also an array of such strings. */
    function headerSites(value: TSESTree.CallExpressionArgument | undefined): CookieSite[] {
      if (!value) return [];
      const node = unwrap(value);
      if (node.type === T.ArrayExpression) {
        return node.elements.flatMap((e) => (e && e.type !== T.SpreadElement ? headerSites(e) : []));
      }
      const attributes = headerAttributes(node);
      if (!attributes) return [];
      const add: CookieSite['add'] = (entries) => (fixer) =>
        fixer.insertTextBeforeRange([node.range[1] - 1, node.range[1] - 1], entries.map(headerText).join(''));
      return [
        {
          source: 'Set-Cookie',
          name: headerCookieName(node),
          report: node,
          get: (key) => {
            const found = attributes.get(key.toLowerCase());
            if (found === undefined) return { kind: 'absent' };
            return { kind: 'set', node, property: null, written: false, value: { value: found } };
          },
          add,
          apps: null,
          proxy: false,
        },
      ];
    }

    function headerText(entry: Entry): string {
      if (entry === 'sameSite') return `; SameSite=${level === 'strict' ? 'Strict' : 'Lax'}`;
      return entry === 'httpOnly' ? '; HttpOnly' : '; Secure';
    }
  },
});

/** The cookie name of a `Set-Cookie` string (`'XSRF-TOKEN=abc; Path=/'`), `null` when it is not constant. */
function headerCookieName(node: TSESTree.Node): string | null {
  const first =
    node.type === T.Literal && typeof node.value === 'string'
      ? node.value
      : node.type === T.TemplateLiteral
        ? (node.quasis[0]!.value.cooked ?? '')
        : '';
  const equals = first.indexOf('=');
  return equals > 0 ? first.slice(0, equals).trim() : null;
}

/**
 * The attributes of a `Set-Cookie` string literal (or a template whose expressions all come before the first
 * `;`), by lower-case name: `HttpOnly` → `httponly: true`, `SameSite=Lax` → `samesite: 'Lax'`. `null` when the
 * attributes cannot be read. `max-age` is read as `maxage`.
 */
function headerAttributes(node: TSESTree.Node): Map<string, unknown> | null {
  let text: string;
  if (node.type === T.Literal && typeof node.value === 'string') text = node.value;
  else if (node.type === T.TemplateLiteral) {
    const firstSemicolon = node.quasis.findIndex((q) => (q.value.cooked ?? '').includes(';'));
    if (firstSemicolon === -1) {
      if (node.expressions.length > 0 && !(node.quasis.at(-1)!.value.cooked ?? '').length) return null;
    } else if (firstSemicolon < node.quasis.length - 1) return null;
    text = node.quasis.map((q) => q.value.cooked ?? '').join('\u0000');
  } else return null;
  if (!text.includes('=')) return null;
  const attributes = new Map<string, unknown>();
  for (const part of text.split(';').slice(1)) {
    const [rawName = '', ...rest] = part.split('=');
    const name = rawName.trim().toLowerCase().replace('-', '');
    if (name) attributes.set(name, rest.length > 0 ? rest.join('=').trim() : true);
  }
  return attributes;
}

/**
 * How messages name a cookie: `express-session cookie`, or one set on its own by name, `'token' cookie (res.cookie())`;
 * with `(from config.js:2)` when its options are written in another file of the package, or, for a message on one
 * flag, the flag's value is (`(from config.js:4)`: that value's own line).
 */
function siteLabel(site: CookieSite, flag?: Flag): string {
  const defaults = COOKIE_DEFAULTS[site.source];
  const from = (flag?.kind === 'set' ? elsewhereOf(flag.node) : null) ?? site.from;
  if (defaults.perCookie && site.name !== null) return `'${site.name}' cookie (${defaults.label}${from ? `, from ${from}` : ''})`;
  return from ? `${defaults.label} (from ${from})` : defaults.label;
}

/**
 * What to check before adding `flags`, for the suggestion: a `sameSite` ends the cross-site requests that some logins
 * and embeds rely on, a `secure` cookie is not sent over plain HTTP; `httpOnly` hides it from the page's scripts.
 */
function flagsCheck(flags: readonly Entry[]): string {
  const checks: string[] = [];
  if (flags.includes('sameSite')) checks.push('that no login or embed from another site needs this cookie');
  if (flags.includes('secure')) checks.push('that the app is served over HTTPS');
  if (flags.includes('httpOnly')) checks.push("that the page's scripts do not read it");
  return checks.join(', and ');
}
