import type { TSESTree } from '@typescript-eslint/utils';

import { CSP_DEFAULT_DIRECTIVES, CSP_UNSAFE_SOURCES } from '../data/helmet';
import { elsewhereOf, getExpressModel } from '../express';
import { cspConfigs, isNonceOrHash, type CspConfig, type CspDirective, type CspSource } from '../express/csp';
import { createRule, moduleNames } from '../util/create-rule';

type Options = [{ checkStyles?: boolean }];
type MessageIds = 'unsafeInline' | 'unsafeEval' | 'unsafeSource' | 'styleUnsafeInline' | 'missingDefaultSrc';

/** Directives whose sources decide which scripts run (each falls back to the next, then to `default-src`). */
const SCRIPT_DIRECTIVES = ['script-src', 'script-src-elem', 'script-src-attr'];
const STYLE_DIRECTIVES = ['style-src', 'style-src-elem', 'style-src-attr'];

/** What a file must name for the rule's gate (`createRule`). */
const HELMET = moduleNames('helmet');

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-csp',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Content-Security-Policy directives that let injected scripts run',
      recommended: 'recommended',
      appConfiguration: true,
      strictOptions: [{ checkStyles: true }],
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkStyles: {
            type: 'boolean',
            description: "Also report `'unsafe-inline'` in the style directives (without a nonce or hash)",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unsafeInline:
        "CSP {{directive}}{{from}} allows 'unsafe-inline'{{via}} with no nonce or hash: any injected <script> or event handler runs, so the policy no longer stops XSS. Use nonces or hashes.",
      unsafeEval:
        "CSP {{directive}}{{from}} allows 'unsafe-eval'{{via}}: injected strings can run as code through eval(), new Function() and string timers.",
      unsafeSource:
        'CSP {{directive}}{{from}} lists {{source}}{{via}}, so {{what}} may come from any origin or URL an attacker controls.',
      styleUnsafeInline:
        "CSP {{directive}}{{from}} allows 'unsafe-inline'{{via}} with no nonce or hash: injected <style> can restyle the page and leak data through CSS selectors.",
      missingDefaultSrc:
        "CSP with 'useDefaults: false' and no default-src: every fetch directive that is not listed allows any source.",
    },
    defaultOptions: [{ checkStyles: false }],
  },
  defaultOptions: [{ checkStyles: false }],
  // helmet's calls (`model.imports('helmet')`).
  gate: (file) => file.names(HELMET),
  create(context, [{ checkStyles }]) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        if (!sourceCode.text.includes('helmet')) return;
        const model = getExpressModel(context);
        if (!model.imports('helmet')) return;
        const reported = new Set<string>();
        const report = (
          node: TSESTree.Node,
          messageId: MessageIds,
          data: Record<string, string>,
        ): void => {
          const key = `${node.range.join(':')}:${messageId}:${data.directive ?? ''}:${data.source ?? ''}`;
          if (reported.has(key)) return;
          reported.add(key);
          // A directive written in another file (`helmet(helmetOptions)` with the options imported) says where.
          const from = elsewhereOf(node);
          context.report({ node, messageId, data: messageId === 'missingDefaultSrc' ? data : { ...data, from: from ? ` (from ${from})` : '' } });
        };

        for (const config of cspConfigs(model, sourceCode)) {
          const defaultSrc = config.directive('default-src');
          if (config.useDefaults === false && defaultSrc === 'absent' && config.useDefaultsNode) {
            report(config.useDefaultsNode, 'missingDefaultSrc', {});
          }
          for (const name of SCRIPT_DIRECTIVES) {
            const effective = effectiveDirective(config, name);
            if (effective) checkScripts(effective.directive, name, effective.via, 'scripts');
          }
          const objects = effectiveDirective(config, 'object-src');
          if (objects) checkSources(objects.directive, 'object-src', objects.via, 'plugin content (<object>, <embed>)');
          if (checkStyles) {
            for (const name of STYLE_DIRECTIVES) {
              const effective = effectiveDirective(config, name);
              if (!effective?.directive.sources) continue;
              const { directive, via } = effective;
              if (directive.sources!.some(allowsInlineSafely)) continue;
              for (const source of staticSources(directive)) {
                if (source.text.toLowerCase() === "'unsafe-inline'") {
                  report(source.node, 'styleUnsafeInline', { directive: name, via });
                }
              }
            }
          }
        }

        function checkScripts(directive: CspDirective, name: string, via: string, what: string): void {
          if (!directive.sources) return;
          const safeInline = directive.sources.some(allowsInlineSafely);
          for (const source of staticSources(directive)) {
            const text = source.text.toLowerCase();
            if (text === "'unsafe-inline'" && !safeInline) report(source.node, 'unsafeInline', { directive: name, via });
            if (text === "'unsafe-eval'") report(source.node, 'unsafeEval', { directive: name, via });
          }
          checkSources(directive, name, via, what);
        }

        function checkSources(directive: CspDirective, name: string, via: string, what: string): void {
          if (!directive.sources) return;
          // With a nonce or hash, 'strict-dynamic' makes CSP3 browsers ignore host and scheme sources.
          const strictDynamic =
            directive.sources.some(allowsInlineSafely) &&
            staticSources(directive).some((s) => s.text.toLowerCase() === "'strict-dynamic'");
          if (strictDynamic) return;
          for (const source of staticSources(directive)) {
            const text = source.text.toLowerCase();
            if (CSP_UNSAFE_SOURCES.has(text)) report(source.node, 'unsafeSource', { directive: name, via, source: source.text, what });
          }
        }
      },
    };
  },
});

/** Directives checked through their fallback to `default-src` (the `-elem`/`-attr` ones fall back to these). */
const FALLS_BACK = new Set(['script-src', 'object-src', 'style-src']);

/**
 * The directive that decides `name`'s policy: the user's own, else `default-src`. With helmet's defaults on, a
 * directive helmet sets by default (`script-src 'self'`, `object-src 'none'`) applies instead of `default-src`.
 * `null` when the result is helmet's own default or cannot be known.
 */
function effectiveDirective(config: CspConfig, name: string): { directive: CspDirective; via: string } | null {
  const own = config.directive(name);
  if (own === 'unknown') return null;
  if (own !== 'absent' && own.sources !== null) return { directive: own, via: '' };
  if (!FALLS_BACK.has(name)) return null;
  // Not set (rather than turned off with `null`): helmet's default for it applies unless `useDefaults: false`.
  if (own === 'absent' && config.useDefaults !== false && CSP_DEFAULT_DIRECTIVES[name]) return null;
  const fallback = config.directive('default-src');
  if (fallback === 'unknown' || fallback === 'absent' || fallback.sources === null) return null;
  return { directive: fallback, via: ` (${name} falls back to default-src)` };
}

function allowsInlineSafely(source: CspSource): boolean {
  return source.kind === 'dynamic' || isNonceOrHash(source.text);
}

function staticSources(directive: CspDirective): Extract<CspSource, { kind: 'static' }>[] {
  return (directive.sources ?? []).filter((s): s is Extract<CspSource, { kind: 'static' }> => s.kind === 'static');
}
