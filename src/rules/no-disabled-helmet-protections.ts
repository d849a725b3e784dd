import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { HELMET_DEPTH_NAMES, HELMET_PROTECTIONS, HSTS_MIN_MAX_AGE, helmetProtection } from '../data/helmet';
import { getExpressModel, staticValueOf, type OptionsView } from '../express';
import { helmetCalls } from '../express/helmet';
import { createRule, moduleNames } from '../util/create-rule';
import { removeObjectProperty, replacePropertyValue } from '../util/fix';

type Options = [
  {
    allow?: string[];
    defenceInDepth?: string[];
    hstsMinMaxAge?: number;
    requireIncludeSubDomains?: boolean;
  },
];
type MessageIds = 'disabled' | 'hstsZero' | 'hstsShort' | 'hstsNoSubDomains' | 'removeEntry' | 'raiseMaxAge';

const HSTS_NAMES = new Set(['strictTransportSecurity', 'hsts']);

/** What a file must name for the rule's gate (`createRule`). */
const HELMET = moduleNames('helmet');

export default createRule<Options, MessageIds>({
  name: 'no-disabled-helmet-protections',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow helmet options that turn off one of its protective headers',
      recommended: 'recommended',
      appConfiguration: true,
      strictOptions: [
        {
          hstsMinMaxAge: HSTS_MIN_MAX_AGE,
          requireIncludeSubDomains: true,
          defenceInDepth: HELMET_PROTECTIONS.filter((p) => p.weight === 'depth' && !p.offByDefault).map((p) => p.name),
        },
      ],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string', enum: HELMET_PROTECTIONS.flatMap((p) => (p.alias ? [p.name, p.alias] : [p.name])) },
            uniqueItems: true,
            description: "helmet protections this project turns off on purpose (either name: 'hsts' or 'strictTransportSecurity')",
          },
          defenceInDepth: {
            type: 'array',
            items: { type: 'string', enum: [...HELMET_DEPTH_NAMES] },
            uniqueItems: true,
            description:
              'Defence-in-depth helmet protections (Cross-Origin-Resource-Policy, Origin-Agent-Cluster, ...) whose turning off is also reported; the ones that stop attacks on their own are always reported',
          },
          hstsMinMaxAge: {
            type: 'integer',
            minimum: 0,
            description: 'The shortest Strict-Transport-Security max-age (in seconds) accepted; 0 checks only that it is not 0',
          },
          requireIncludeSubDomains: {
            type: 'boolean',
            description: 'Report `includeSubDomains: false` in the HSTS options',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      disabled:
        "helmet option '{{key}}: false' turns off the {{header}} header, which {{why}}. Remove it to keep helmet's protection.",
      hstsZero: "Strict-Transport-Security with 'maxAge: 0' tells browsers to forget HTTPS-only for this site: it turns HSTS off.",
      hstsShort:
        "Strict-Transport-Security 'maxAge: {{value}}' is shorter than {{min}} seconds ({{days}} days): browsers forget HTTPS-only too soon.",
      hstsNoSubDomains:
        "Strict-Transport-Security with 'includeSubDomains: false' leaves subdomains open to SSL stripping and cookie injection.",
      removeEntry: "Remove '{{key}}' to keep helmet's default.",
      raiseMaxAge: 'Set maxAge to {{min}} ({{days}} days).',
    },
    defaultOptions: [{ allow: [], defenceInDepth: [], hstsMinMaxAge: 0, requireIncludeSubDomains: false }],
  },
  defaultOptions: [{ allow: [], defenceInDepth: [], hstsMinMaxAge: 0, requireIncludeSubDomains: false }],
  // helmet's calls (`model.imports('helmet')`).
  gate: (file) => file.names(HELMET),
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowed = new Set((options.allow ?? []).map((name) => helmetProtection(name)?.name ?? name));
    const minMaxAge = options.hstsMinMaxAge ?? 0;
    const depth = new Set((options.defenceInDepth ?? []).map((name) => helmetProtection(name)?.name ?? name));
    /** Whether turning `protection` off is reported: attack-stopping ones always, defence in depth when listed. */
    const reported = (protection: (typeof HELMET_PROTECTIONS)[number]): boolean =>
      !protection.offByDefault &&
      !allowed.has(protection.name) &&
      (protection.weight === 'attack' || (protection.weight === 'depth' && depth.has(protection.name)));

    /** A suggestion that removes the literal's own `key: value` entry (none when it comes from elsewhere). */
    function removal(property: TSESTree.Property | null, key: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (!property) return [];
      return [{ messageId: 'removeEntry', data: { key }, fix: (fixer) => removeObjectProperty(fixer, sourceCode, property) }];
    }

    function checkHsts(view: OptionsView): void {
      const maxAge = view.get('maxAge');
      if (maxAge.kind === 'set') {
        const value = staticValueOf(sourceCode, maxAge.node)?.value;
        const property = maxAge.written ? null : maxAge.property;
        if (value === 0) {
          context.report({ node: maxAge.node, messageId: 'hstsZero', suggest: removal(property, 'maxAge') });
        } else if (typeof value === 'number' && value < minMaxAge) {
          const data = { value: String(value), min: String(minMaxAge), days: String(Math.round(minMaxAge / 86400)) };
          context.report({
            node: maxAge.node,
            messageId: 'hstsShort',
            data,
            suggest: property
              ? [{ messageId: 'raiseMaxAge', data, fix: (fixer) => replacePropertyValue(fixer, property, String(minMaxAge)) }]
              : [],
          });
        }
      }
      if (options.requireIncludeSubDomains) {
        const sub = view.get('includeSubDomains');
        if (sub.kind === 'set' && staticValueOf(sourceCode, sub.node)?.value === false) {
          context.report({
            node: sub.node,
            messageId: 'hstsNoSubDomains',
            suggest: removal(sub.written ? null : sub.property, 'includeSubDomains'),
          });
        }
      }
    }

    /**
     * Whether the helmet call's own CSP enforces one of `directives` (`frameAncestors: ["'self'"]`): set to sources
     * that are not a wildcard (`'*'`, a bare scheme such as `https:`), in a policy that is not report-only.
     */
    function cspSets(view: OptionsView, directives: readonly string[]): boolean {
      const csp = view.object('contentSecurityPolicy');
      if (!csp || csp === 'unknown') return false;
      const reportOnly = csp.get('reportOnly');
      if (reportOnly.kind === 'set' && staticValueOf(sourceCode, reportOnly.node)?.value !== false) return false;
      const set = csp.object('directives');
      if (!set || set === 'unknown') return false;
      return directives.some((key) => {
        const value = set.get(key);
        if (value.kind !== 'set') return false;
        const known = staticValueOf(sourceCode, value.node);
        if (!known) return true;
        const sources: unknown[] = Array.isArray(known.value) ? known.value : [known.value];
        return known.value !== false && known.value !== null && !sources.some((source) => typeof source === 'string' && /^(?:\*|[a-z][\w+.-]*:)$/iu.test(source.trim()));
      });
    }

    return {
      'Program:exit'() {
        // A module is named in the source text; skip the model for files that never mention helmet.
        if (!sourceCode.text.includes('helmet')) return;
        const model = getExpressModel(context);
        if (!model.imports('helmet')) return;
        for (const call of helmetCalls(model)) {
          if (!call.options) continue;
          if (HSTS_NAMES.has(call.middleware)) {
            const view = model.options(call.options);
            if (view !== 'unknown' && !allowed.has('strictTransportSecurity')) checkHsts(view);
            continue;
          }
          if (call.middleware !== 'helmet') continue;
          const view = model.options(call.options);
          if (view === 'unknown') continue;
          for (const protection of HELMET_PROTECTIONS) {
            if (!reported(protection)) continue;
            for (const key of protection.alias ? [protection.name, protection.alias] : [protection.name]) {
              const value = view.get(key);
              if (value.kind !== 'set') continue;
              if (staticValueOf(sourceCode, value.node)?.value === false) {
                // (X-Frame-Options off while the same call's CSP sends frame-ancestors: current browsers use that.)
                if (protection.cspDirective && cspSets(view, protection.cspDirective)) continue;
                context.report({
                  node: value.written || !value.property ? value.node : value.property,
                  messageId: 'disabled',
                  data: { key, header: protection.header, why: protection.why },
                  suggest: removal(value.written ? null : value.property, key),
                });
              } else if (protection.name === 'strictTransportSecurity') {
                const nested = view.object(key);
                if (nested && nested !== 'unknown') checkHsts(nested);
              }
            }
          }
        }
      },
    };
  },
});
