import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  INSECURE_TLS_OPTIONS,
  TLS_VERSION_KEYS,
  WEAK_CIPHER_PARTS,
  WEAK_SECURE_PROTOCOL,
  WEAK_TLS_VERSIONS,
} from '../data/tls';
import { isFunction, staticKey, staticValueOf, unwrap } from '../express';
import { createRule } from '../util/create-rule';
import { removeObjectProperty, replacePropertyValue } from '../util/fix';

type Options = [];
type MessageIds =
  | 'verificationOff'
  | 'envVerificationOff'
  | 'weakVersion'
  | 'weakProtocol'
  | 'weakCipher'
  | 'identityCheckOff'
  | 'removeEntry'
  | 'useTls12';

const INSECURE_BY_KEY = new Map(INSECURE_TLS_OPTIONS.map((o) => [o.key, o]));
const ENV_KEY = 'NODE_TLS_REJECT_UNAUTHORIZED';
/** The option names the rule reads: a file that names none of them gets no listener. */
const RELEVANT_TEXT = new RegExp([...INSECURE_BY_KEY.keys(), ...TLS_VERSION_KEYS, 'secureProtocol', 'ciphers', 'checkServerIdentity'].join('|'), 'u');

export default createRule<Options, MessageIds>({
  name: 'no-insecure-tls',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow TLS options that turn off certificate checks or allow broken protocols and ciphers',
      recommended: 'recommended',
      appConfiguration: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      verificationOff:
        "'{{key}}: {{value}}' turns off TLS {{check}} verification: anyone on the network path can impersonate the server. Trust a private CA with the 'ca' option instead.",
      envVerificationOff:
        "NODE_TLS_REJECT_UNAUTHORIZED='0' turns off certificate verification for every TLS connection of the process: anyone on the network path can impersonate any server.",
      weakVersion: "'{{key}}: {{value}}' allows {{value}}, which is broken and deprecated (RFC 8996). Require TLS 1.2 or later.",
      weakProtocol: "secureProtocol '{{value}}' uses a protocol below TLS 1.2, which is broken and deprecated. Set minVersion: 'TLSv1.2' instead.",
      weakCipher: "The cipher list enables '{{part}}' ({{entry}}): a broken or unencrypted suite. Remove it or negate it ('!{{part}}').",
      identityCheckOff:
        'A checkServerIdentity that accepts everything turns off host name verification: a valid certificate for any domain is accepted.',
      removeEntry: "Remove '{{key}}' so the check is done.",
      useTls12: "Use 'TLSv1.2'.",
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    if (!RELEVANT_TEXT.test(sourceCode.text)) return {};

    function check(key: string, valueNode: TSESTree.Node, reportNode: TSESTree.Node, property: TSESTree.Property | null): void {
      const insecure = INSECURE_BY_KEY.get(key);
      if (insecure) {
        const value = staticValueOf(sourceCode, valueNode)?.value;
        const matches = typeof insecure.value === 'string' ? value !== undefined && value !== null && String(value) === insecure.value : value === insecure.value;
        if (!matches) return;
        if (key === ENV_KEY) {
          context.report({ node: reportNode, messageId: 'envVerificationOff' });
          return;
        }
        context.report({
          node: reportNode,
          messageId: 'verificationOff',
          data: { key, value: String(value), check: insecure.check },
          suggest: property ? [{ messageId: 'removeEntry', data: { key }, fix: (fixer) => removeObjectProperty(fixer, sourceCode, property) }] : [],
        });
        return;
      }
      if (TLS_VERSION_KEYS.has(key)) {
        const value = staticValueOf(sourceCode, valueNode)?.value;
        if (typeof value !== 'string' || !WEAK_TLS_VERSIONS.has(value)) return;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
          property && key === 'minVersion'
            ? [{ messageId: 'useTls12', fix: (fixer) => replacePropertyValue(fixer, property, "'TLSv1.2'") }]
            : [];
        context.report({ node: reportNode, messageId: 'weakVersion', data: { key, value }, suggest });
        return;
      }
      if (key === 'secureProtocol') {
        const value = staticValueOf(sourceCode, valueNode)?.value;
        if (typeof value === 'string' && WEAK_SECURE_PROTOCOL.test(value)) {
          context.report({ node: reportNode, messageId: 'weakProtocol', data: { value } });
        }
        return;
      }
      if (key === 'ciphers') {
        const value = staticValueOf(sourceCode, valueNode)?.value;
        if (typeof value !== 'string') return;
        const weak = weakCipher(value);
        if (weak) context.report({ node: reportNode, messageId: 'weakCipher', data: weak });
        return;
      }
      if (key === 'checkServerIdentity' && acceptsEverything(valueNode)) {
        context.report({ node: reportNode, messageId: 'identityCheckOff' });
      }
    }

    return {
      Property(node) {
        if (node.parent.type !== 'ObjectExpression' || node.kind !== 'init') return;
        const key = staticKey(node);
        if (key === null) return;
        check(key, node.value, node, node);
      },
      AssignmentExpression(node) {
        if (node.operator !== '=' || node.left.type !== 'MemberExpression') return;
        const key = staticKey(node.left);
        if (key === null) return;
        check(key, node.right, node, null);
      },
    };
  },
});

/** The first enabled weak part of an OpenSSL cipher string (negated `!X`/`-X` and reordering `+X` entries are fine). */
function weakCipher(list: string): { part: string; entry: string } | null {
  for (const entry of list.split(/[:,\s]+/u)) {
    if (!entry || '!-+@'.includes(entry[0]!)) continue;
    if (WEAK_CIPHER_PARTS.has(entry)) return { part: entry, entry };
    for (const part of entry.split(/[-+]/u)) {
      if (WEAK_CIPHER_PARTS.has(part)) return { part, entry };
    }
  }
  return null;
}

/** `() => {}`, `() => undefined`, `function () { return; }`: a check that never reports an error. */
function acceptsEverything(node: TSESTree.Node): boolean {
  const fn = unwrap(node);
  if (!isFunction(fn)) return false;
  if (fn.body.type !== 'BlockStatement') {
    return fn.body.type === 'Identifier' && fn.body.name === 'undefined';
  }
  return fn.body.body.every((s) => s.type === 'EmptyStatement' || (s.type === 'ReturnStatement' && (!s.argument || (s.argument.type === 'Identifier' && s.argument.name === 'undefined'))));
}
