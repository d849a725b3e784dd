import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  CSP_BARE_KEYWORDS,
  CSP_KEYWORDS_THAT_START_WORKING,
  HELMET_THROWS_ON_BARE_KEYWORDS_SINCE,
  HELMET_NO_OPTIONS_SINCE_4,
  HELMET_REMOVED_APIS,
  HSTS_MISSPELT_KEYS,
  OBSOLETE_HELMET_PACKAGES,
  OLD_XSS_FILTER_MIDDLEWARES,
  X_FRAME_OPTIONS_REMOVED_ACTION,
} from '../data/helmet';
import { dependencyOf, getExpressModel, literalString, staticKey, staticValueOf, type OptionsView } from '../express';
import { cspConfigs, type CspSource } from '../express/csp';
import { helmetCalls } from '../express/helmet';
import { createRule, moduleNames } from '../util/create-rule';
import { removeArrayElement, removeObjectProperty } from '../util/fix';

type Options = [];
type MessageIds =
  | 'removedMiddleware'
  | 'removedOption'
  | 'ignoredArguments'
  | 'misspeltOption'
  | 'allowFrom'
  | 'unquotedKeyword'
  | 'unquotedUnsafeKeyword'
  | 'quoteKeyword'
  | 'removeSource'
  | 'obsoletePackage'
  | 'oldXssFilter'
  | 'xssFilterOn'
  | 'removeEntry';

const HSTS_NAMES = new Set(['strictTransportSecurity', 'hsts']);
const FRAME_NAMES = new Set(['xFrameOptions', 'frameguard']);
/** What a quoted unsafe keyword would allow in a directive (see `CSP_BARE_KEYWORDS`). */
function unsafeKeywordEffect(keyword: string, directive: string): string {
  const styles = directive.startsWith('style-src');
  switch (keyword) {
    case 'unsafe-inline':
      return styles ? 'inline styles (any injected <style>)' : 'inline scripts and event handlers (any injected <script>)';
    case 'unsafe-eval':
      return 'eval(), new Function() and string timers';
    case 'unsafe-hashes':
      return styles ? 'inline style attributes that match a hash' : 'inline event handlers that match a hash';
    default:
      return 'WebAssembly compilation';
  }
}
/** What quoting a behaviour-changing keyword does (see `CSP_BARE_KEYWORDS`). */
const QUOTED_KEYWORD_EFFECTS: Readonly<Record<string, string>> = {
  'strict-dynamic': "with a nonce or hash, browsers then ignore host sources and 'self', so scripts without one stop loading",
  'inline-speculation-rules': 'allows inline speculation rules scripts',
  self: "the page's own origin starts to be allowed: helmet 7 and earlier sent the bare word, which matches nothing",
};

/**
 * The modules the rule reads calls of: a file that names none of them has nothing to report (the gate of `createRule`),
 * nor one that imports none (asked of the model).
 */
const RELEVANT_MODULES = moduleNames(
  'helmet',
  'x-xss-protection',
  OBSOLETE_HELMET_PACKAGES.map((pkg) => pkg.module),
  OLD_XSS_FILTER_MIDDLEWARES.map((middleware) => middleware.module),
);

export default createRule<Options, MessageIds>({
  name: 'no-removed-helmet-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow helmet APIs and options that current helmet removed, ignores or rejects',
      recommended: 'recommended',
      appConfiguration: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      removedMiddleware:
        'helmet.{{name}}() was removed in helmet {{version}} ({{why}}): on current helmet the call throws, as it is not a function. Instead: {{replacement}}.',
      removedOption:
        "helmet option '{{name}}' was removed in helmet {{version}} ({{why}}) and is ignored: no header is sent. Instead: {{replacement}}.",
      ignoredArguments:
        "helmet.{{name}}() takes no options since helmet 4.0.0; they are ignored ({{what}}).",
      misspeltOption: "helmet 8 throws on '{{key}}' in the Strict-Transport-Security options: the option is '{{correct}}'.",
      allowFrom:
        "X-Frame-Options 'ALLOW-FROM' was removed in helmet 4.0.0 (browsers never supported it consistently) and helmet throws on it. Use CSP's frame-ancestors directive instead.",
      unquotedKeyword:
        "CSP keyword '{{keyword}}' must be written with single quotes (\"'{{keyword}}'\"): helmet 8 throws on the bare word, older helmet sent a policy that allows a host named '{{keyword}}'.",
      unquotedUnsafeKeyword:
        "CSP {{directive}} lists {{keyword}} without quotes: helmet 8 throws on the bare word, and older helmet sent it as a host name that matches nothing. Quoted, it would allow {{what}}: remove it rather than quote it.",
      quoteKeyword: "Quote it: \"'{{keyword}}'\" ({{effect}}).",
      removeSource: "Remove '{{keyword}}' from {{directive}}.",
      obsoletePackage: "The '{{module}}' package sets {{what}}. Instead: {{replacement}}.",
      oldXssFilter:
        "'x-xss-protection' with 'setOnOldIE: true' turns on the old browser XSS filter, which attackers could abuse to leak data or break pages. Use helmet's xXssProtection(), which sends 'X-XSS-Protection: 0'.",
      xssFilterOn:
        "{{label}}'s xssProtection sends 'X-XSS-Protection: 1; mode=block', which turns on the old browser XSS filter: attackers could abuse it to leak data or break pages, and current browsers removed it. Remove it (a Content-Security-Policy is the protection now) or send 'X-XSS-Protection: 0' (helmet's xXssProtection()).",
      removeEntry: "Remove the ignored '{{name}}' option.",
    },
  },
  defaultOptions: [],
  // Calls of helmet and of the modules below.
  gate: (file) => file.names(RELEVANT_MODULES),
  create(context) {
    const sourceCode = context.sourceCode;
    /** The package's helmet (nearest package.json) is 8 or later: a bare keyword throws at startup. */
    const helmetThrowsOnBareKeywords = (): boolean =>
      (dependencyOf(context, 'helmet')?.min?.major ?? 0) >= HELMET_THROWS_ON_BARE_KEYWORDS_SINCE;
    return {
      'Program:exit'() {
        const model = getExpressModel(context);
        if (!RELEVANT_MODULES.names.some((module) => model.imports(module))) return;
        const usesHelmet = model.imports('helmet');
        if (usesHelmet) checkHelmet();
        for (const pkg of OBSOLETE_HELMET_PACKAGES) {
          for (const call of model.callsTo(pkg.module, [])) {
            context.report({
              node: call,
              messageId: 'obsoletePackage',
              data: { module: pkg.module, what: pkg.what, replacement: pkg.replacement },
            });
          }
        }
        for (const call of model.callsTo('x-xss-protection', [])) {
          const view = model.options(call.arguments[0]);
          if (view === 'unknown') continue;
          const value = view.get('setOnOldIE');
          if (value.kind === 'set' && staticValueOf(sourceCode, value.node)?.value === true) {
            context.report({ node: value.written || !value.property ? value.node : value.property, messageId: 'oldXssFilter' });
          }
        }

        for (const middleware of OLD_XSS_FILTER_MIDDLEWARES) {
          // `lusca.xssProtection(true)`, `lusca.xssProtection()`, `lusca.xssProtection({ mode: 'block' })`
          for (const call of model.callsTo(middleware.module, middleware.path)) {
            const options = call.arguments[0];
            if (options?.type === T.SpreadElement || !turnsFilterOn(options)) continue;
            context.report({ node: call, messageId: 'xssFilterOn', data: { label: middleware.label } });
          }
          // `lusca({ xssProtection: true })`
          for (const call of model.callsTo(middleware.module, [])) {
            const view = model.options(call.arguments[0]);
            if (view === 'unknown') continue;
            const value = view.get(middleware.optionKey);
            if (value.kind !== 'set' || !turnsFilterOn(value.node)) continue;
            context.report({
              node: value.written || !value.property ? value.node : value.property,
              messageId: 'xssFilterOn',
              data: { label: middleware.label },
            });
          }
        }

        /** lusca's xssProtection options that send `1; mode=block`: none, `true`, or an object without `enabled: false`. */
        function turnsFilterOn(options: TSESTree.Node | undefined): boolean {
          if (options === undefined) return true;
          const value = staticValueOf(sourceCode, options);
          if (typeof value?.value === 'boolean') return value.value;
          const view = model.options(options);
          if (view === 'unknown') return false;
          const enabled = view.get('enabled');
          if (enabled.kind === 'absent') return true;
          return enabled.kind === 'set' && staticValueOf(sourceCode, enabled.node)?.value === true;
        }

        function checkHelmet(): void {
          for (const call of helmetCalls(model)) {
            const removed = HELMET_REMOVED_APIS.find((api) => api.name === call.middleware);
            if (removed) {
              context.report({
                node: call.node,
                messageId: 'removedMiddleware',
                data: { name: removed.name, version: removed.removedIn, why: removed.why, replacement: removed.replacement },
              });
              continue;
            }
            if (HELMET_NO_OPTIONS_SINCE_4.has(call.middleware) && call.node.arguments.length > 0) {
              const args = call.node.arguments;
              const xss = call.middleware === 'xXssProtection' || call.middleware === 'xssFilter';
              context.report({
                node: call.node,
                messageId: 'ignoredArguments',
                data: {
                  name: call.middleware,
                  what: xss
                    ? "helmet always sends 'X-XSS-Protection: 0' now, as the old browser filter was itself exploitable"
                    : 'helmet removes X-Powered-By instead of faking it',
                },
                // The arguments do nothing on helmet 4+: dropping them changes nothing but the reader's belief.
                fix: (fixer) => fixer.removeRange([args[0]!.range[0], args.at(-1)!.range[1]]),
              });
              continue;
            }
            if (!call.options) continue;
            const view = model.options(call.options);
            if (view === 'unknown') continue;
            if (HSTS_NAMES.has(call.middleware)) checkHsts(view);
            if (FRAME_NAMES.has(call.middleware)) checkFrame(view);
            if (call.middleware !== 'helmet') continue;
            for (const api of HELMET_REMOVED_APIS) {
              const value = view.get(api.name);
              if (value.kind !== 'set' || staticValueOf(sourceCode, value.node)?.value === false) continue;
              const property = value.written ? null : value.property;
              context.report({
                node: property ?? value.node,
                messageId: 'removedOption',
                data: { name: api.name, version: api.removedIn, why: api.why, replacement: api.replacement },
                suggest: property
                  ? [{ messageId: 'removeEntry', data: { name: api.name }, fix: (fixer) => removeObjectProperty(fixer, sourceCode, property) }]
                  : [],
              });
            }
            for (const key of ['strictTransportSecurity', 'hsts']) {
              const nested = view.object(key);
              if (nested && nested !== 'unknown') checkHsts(nested);
            }
            for (const key of ['xFrameOptions', 'frameguard']) {
              const nested = view.object(key);
              if (nested && nested !== 'unknown') checkFrame(nested);
            }
          }
          for (const config of cspConfigs(model, sourceCode)) {
            for (const property of config.directives?.literal?.properties ?? []) {
              if (property.type !== T.Property || staticKey(property) === null) continue;
              const directive = config.directive(staticKey(property)!);
              if (directive === 'absent' || directive === 'unknown') continue;
              const kebab = directive.name.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`);
              for (const source of directive.sources ?? []) {
                if (source.kind !== 'static') continue;
                const keyword = source.text.toLowerCase();
                let quoting = Object.hasOwn(CSP_BARE_KEYWORDS, keyword) ? CSP_BARE_KEYWORDS[keyword] : undefined;
                if (!quoting) continue;
                if (quoting === 'fix' && CSP_KEYWORDS_THAT_START_WORKING.has(keyword) && !helmetThrowsOnBareKeywords()) quoting = 'suggest';
                const whole = literalString(source.node) === source.text && source.node.type === T.Literal;
                if (quoting === 'remove') {
                  context.report({
                    node: source.node,
                    messageId: 'unquotedUnsafeKeyword',
                    data: { keyword: source.text, directive: kebab, what: unsafeKeywordEffect(keyword, kebab) },
                    suggest: removeSuggestion(directive.sources!, source, kebab),
                  });
                  continue;
                }
                const quote = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => fixer.replaceText(source.node, `"'${source.text}'"`);
                context.report({
                  node: source.node,
                  messageId: 'unquotedKeyword',
                  data: { keyword: source.text },
                  fix: whole && quoting === 'fix' ? quote : null,
                  suggest:
                    whole && quoting === 'suggest'
                      ? [{ messageId: 'quoteKeyword', data: { keyword: source.text, effect: QUOTED_KEYWORD_EFFECTS[keyword] ?? '' }, fix: quote }]
                      : [],
                });
              }
            }
          }
        }

        /**
         * Removes a bare unsafe keyword: its array element when it is a string of its own, or the word from a
         * space-separated string; none when nothing else would be left in the directive.
         */
        function removeSuggestion(
          sources: readonly CspSource[],
          source: Extract<CspSource, { kind: 'static' }>,
          directive: string,
        ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
          if (sources.length < 2 || source.node.type !== T.Literal || typeof source.node.value !== 'string') return [];
          const node = source.node;
          const data = { keyword: source.text, directive };
          const words = node.value.split(/\s+/u).filter(Boolean);
          if (words.length === 1) {
            if (node.parent.type !== T.ArrayExpression) return [];
            return [{ messageId: 'removeSource', data, fix: (fixer) => removeArrayElement(fixer, sourceCode, node) }];
          }
          const raw = node.raw;
          if (raw.includes('\\')) return [];
          const rest = words.filter((w) => w !== source.text).join(' ');
          return [{ messageId: 'removeSource', data, fix: (fixer) => fixer.replaceText(node, `${raw[0]}${rest}${raw[0]}`) }];
        }

        function checkHsts(view: OptionsView): void {
          for (const [key, correct] of Object.entries(HSTS_MISSPELT_KEYS)) {
            const value = view.get(key);
            if (value.kind !== 'set') continue;
            const property = value.written ? null : value.property;
            const fix: TSESLint.ReportFixFunction | null =
              property && !property.computed && !property.shorthand
                ? (fixer) => fixer.replaceText(property.key, correct)
                : null;
            context.report({ node: property?.key ?? value.node, messageId: 'misspeltOption', data: { key, correct }, fix });
          }
        }

        function checkFrame(view: OptionsView): void {
          const action = view.get('action');
          if (action.kind !== 'set') return;
          const value = staticValueOf(sourceCode, action.node)?.value;
          if (typeof value === 'string' && value.toLowerCase() === X_FRAME_OPTIONS_REMOVED_ACTION) {
            context.report({ node: action.node as TSESTree.Node, messageId: 'allowFrom' });
          }
        }
      },
    };
  },
});
