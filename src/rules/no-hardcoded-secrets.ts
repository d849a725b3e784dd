import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  AUTHLESS_DATABASES,
  EXAMPLE_CONFIG_FILE,
  PLACEHOLDER_SECRETS,
  PUBLIC_KEY_PREFIXES,
  SECRET_ENV_NAMES,
  SECRET_SINKS,
  URL_PASSWORD,
  type SecretSink,
} from '../data/secrets';
import { elsewhereOf, findVariableOf, getExpressModel, literalString, resolveConst, staticValueOf, unwrap, writtenInEveryEntry, type OptionsView } from '../express';
import { envVariableName, outermost } from '../express/ast';
import { createRule, fileSigns, moduleNames } from '../util/create-rule';
import { isTypeScriptFile, quoted } from '../util/fix';
import { usesSemicolons } from '../util/fix/insert-statement';

type Options = [];

/**
 * The modules of `SECRET_SINKS` as a file names them (`require('jsonwebtoken')`, `from 'node:crypto'`,
 * `'mysql2/promise'`): a module value comes only from such a string, or with the whole-app view from a module of the
 * package that passes the package on (`FileSigns.mayImportPackage`), so a file with neither has no sink to check and
 * builds no model for this rule.
 */
const SINK_MODULE_TEXT = new RegExp(
  `['"\`](?:node:)?(?:${[...new Set(SECRET_SINKS.map((s) => s.module.replace(/[/.]/gu, '\\$&')))].join('|')})['"\`/]`,
  'u',
);
/**
 * Per sink, its module (for `FileSigns.names`) and the first name of its path (`createHmac` of `crypto`): a call of
 * `crypto.createHmac` needs the name in the text (`crypto.createHmac`, `{ createHmac }`, `crypto['createHmac']`), so a
 * file that names `crypto` only for `randomBytes` has no sink to check and builds no model for this rule.
 */
const SINK_SIGNS = SECRET_SINKS.map((sink) => ({ module: moduleNames(sink.module), name: sink.path[0] }));
type MessageIds = 'hardcoded' | 'fallback' | 'unsigned' | 'useEnv' | 'useEnvOrThrow';

/** What whoever reads the code can do with each kind of secret, as the messages say it. */
const risks: Record<SecretSink['kind'], string> = {
  session: 'forge or tamper with session cookies',
  cookie: 'forge signed cookies',
  jwt: 'sign their own tokens',
  db: 'log in to the database',
  dbUrl: 'log in to the database',
  hmac: 'sign data the app trusts',
};

/** Where a literal secret was found and what the suggestion replaces. */
interface Finding {
  messageId: 'hardcoded' | 'fallback';
  report: TSESTree.Node;
  /** The expression the suggestion replaces, and with what. */
  replace: TSESTree.Node;
  text: string;
  /** The environment variable the replacement reads. */
  name: string;
  /** The value is written the same in every entry of a per-environment table (`configs[env]`): no suggestion, which would change one. */
  inEveryEntry?: true;
}

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow session secrets, signing keys and database passwords written in the source',
      recommended: 'recommended',
      appConfiguration: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      hardcoded:
        'Hardcoded {{label}}: anyone who can read the code (repository, image, bundle, build logs) can {{risk}}. Read it from the environment or a secret manager.',
      fallback:
        'Literal fallback for the {{label}}: when the environment does not set it, the app silently runs with a secret that anyone who can read the code knows, and they can {{risk}}.',
      unsigned:
        "The {{label}} is ignored: with {{key}}: '{{value}}' the token is not signed at all, so anyone can make one that a verifier accepting '{{value}}' trusts. Sign with a secret or private key read from the environment.",
      useEnv: 'Read it from process.env.{{name}}, with no literal fallback.',
      useEnvOrThrow: 'Read it from process.env.{{name}} and throw when it is not set, with no literal fallback.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    // Example configuration to copy (`config.example.js`) holds values meant to be replaced.
    if (EXAMPLE_CONFIG_FILE.test(context.filename)) return {};
    // (With the whole-app view, a module of the package may pass a sink's package on: `const { session } =
    // require('./lib')`. Asked last: it reads the texts of the modules the file imports.)
    const signs = fileSigns(context);
    if (!SINK_MODULE_TEXT.test(sourceCode.text) && !signs.mayImportPackage) return {};
    // A sink's module named in the file (a look-up in the names the file's text holds) before its export's name is
    // looked for in the text; a module of the package that may pass one on (`mayImportPackage`) last.
    const text = sourceCode.text;
    const named = (name: string | undefined): boolean => name === undefined || text.includes(name);
    if (!SINK_SIGNS.some(({ module, name }) => signs.names(module) && named(name)) && !(SINK_SIGNS.some(({ name }) => named(name)) && signs.mayImportPackage)) return {};
    // In TypeScript, `process.env.X` is `string | undefined`, which the libraries' typings do not accept.
    const typescript = isTypeScriptFile(context);
    return {
      'Program:exit'() {
        const model = getExpressModel(context);
        if (model.moduleCalls.length === 0) return;
        const seen = new Set<TSESTree.Node>();
        for (const sink of SECRET_SINKS) {
          if (!model.imports(sink.module)) continue;
          for (const call of model.callsTo(sink.module, sink.path)) {
            const argument = call.arguments[sink.argument];
            if (!argument || argument.type === T.SpreadElement) continue;
            if (call.arguments.slice(0, sink.argument).some((a) => a.type === T.SpreadElement)) continue;
            if (sink.kind === 'db' && isAuthless(sink.module, call.arguments)) continue;
            const values: TSESTree.Node[] = [];
            if (!sink.keys || sink.keys.length === 0) values.push(argument);
            else {
              const view = model.options(argument);
              if (view === 'unknown') continue;
              for (const keyPath of sink.keys) {
                const value = valueAt(view, keyPath);
                if (value) values.push(value);
              }
            }
            // An unsigned token (`algorithm: 'none'`): the literal key is not the problem, and reading it from the
            // environment would fix nothing.
            const unsigned = sink.unsigned && unsignedBy(call, sink.unsigned);
            for (const value of values) {
              for (const finding of literalSecrets(value, SECRET_ENV_NAMES[sink.kind], sink.url ? isSecretUrl : isSecretLiteral)) {
                if (seen.has(finding.report)) continue;
                seen.add(finding.report);
                if (unsigned) {
                  context.report({ node: unsigned, messageId: 'unsigned', data: { label: sink.label, key: sink.unsigned!.key, value: sink.unsigned!.value } });
                  continue;
                }
                // A constant of another file (`config.sessionSecret`): reported where it is read, naming that file.
                const from = elsewhereOf(finding.report);
                context.report({
                  node: finding.report,
                  messageId: finding.messageId,
                  data: { label: from ? `${sink.label} (from ${from})` : sink.label, risk: risks[sink.kind] },
                  suggest: from || finding.inEveryEntry ? [] : [
                    {
                      messageId: typescript ? 'useEnvOrThrow' : 'useEnv',
                      data: { name: finding.name },
                      fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(finding.replace, finding.text),
                    },
                  ],
                });
              }
            }
          }
        }
      },
    };

    /** The option's value node when the call sets it to the value that makes the library ignore the key. */
    function unsignedBy(call: TSESTree.CallExpression | TSESTree.NewExpression, option: NonNullable<SecretSink['unsigned']>): TSESTree.Node | null {
      const argument = call.arguments[option.argument];
      if (!argument || argument.type === T.SpreadElement || call.arguments.slice(0, option.argument).some((a) => a.type === T.SpreadElement)) return null;
      const view = getExpressModel(context).options(argument);
      if (view === 'unknown') return null;
      const value = view.get(option.key);
      return value.kind === 'set' && staticValueOf(sourceCode, value.node)?.value === option.value ? value.node : null;
    }

    /** Whether an options object of the call names a database that has no authentication (`dialect: 'sqlite'`). */
    function isAuthless(module: string, args: readonly TSESTree.CallExpressionArgument[]): boolean {
      const authless = AUTHLESS_DATABASES.find((d) => d.module === module);
      if (!authless) return false;
      return args.some((arg) => {
        if (arg.type === T.SpreadElement || resolveConst(sourceCode, arg).type !== T.ObjectExpression) return false;
        const view = getExpressModel(context).options(arg);
        if (view === 'unknown') return false;
        const value = view.get(authless.key);
        return value.kind === 'set' && authless.values.includes(literalString(value.node) ?? '');
      });
    }

    function valueAt(view: OptionsView, keyPath: readonly string[]): TSESTree.Node | null {
      let current: OptionsView = view;
      for (const key of keyPath.slice(0, -1)) {
        const nested = current.object(key);
        if (nested === null || nested === 'unknown') return null;
        current = nested;
      }
      const value = current.get(keyPath.at(-1)!);
      return value.kind === 'set' ? value.node : null;
    }

    /**
     * `process.env.NAME`, or `left` when given (the expression a literal fallback follows). In TypeScript, followed by
     * `|| (() => { throw new Error('NAME is not set'); })()`: its type is `string` (the function returns `never`), so the
     * code type-checks with no literal and no `!` that hides a missing variable, and the app stops at startup naming it.
     */
    function fromEnv(name: string, left?: TSESTree.Expression): string {
      const read = left ? sourceCode.getText(left) : `process.env.${name}`;
      if (!typescript) return read;
      const semi = usesSemicolons(sourceCode) ? ';' : '';
      const operand = left && !BINDS_TIGHTER_THAN_OR.has(left.type) && !(left.type === T.LogicalExpression && left.operator === '||') ? `(${read})` : read;
      // Named as the code reads it: `SESSION_SECRET`, `config.sessionSecret`.
      const subject = left && envVariableName(left) === null && /^[\w$.]+$/u.test(read) ? read : name;
      return `${operand} || (() => { throw new Error(${quoted(sourceCode, `${subject} is not set`)})${semi} })()`;
    }

    /**
     * The literal secrets an expression holds (through a `const`, a member of a never-written `const` object, or a
     * constant of another file: `model.value`), with the replacement for each. A literal of this file is replaced where
     * it is written (with its `as const` or type assertion); one of another file gets no suggestion.
     */
    function literalSecrets(node: TSESTree.Node, name: string, isSecret: (node: TSESTree.Node) => boolean, depth = 0): Finding[] {
      const env = fromEnv(name);
      const read = getExpressModel(context).value;
      const inner = read(node);
      if (depth === 0 && (writtenInEveryEntry(node) || writtenInEveryEntry(inner))) {
        return literalSecrets(inner, name, isSecret, depth + 1).map((finding) => ({ ...finding, inEveryEntry: true }));
      }
      // A parameter's default (`(userId, secret = config.jwt.secret) => jwt.sign(payload, secret)`): what the key is
      // whenever a caller leaves it out.
      const fallback = depth === 0 ? parameterDefault(inner, sourceCode) : null;
      if (fallback) return literalSecrets(fallback, name, isSecret, depth + 1);
      if (isSecret(inner)) return [{ messageId: 'hardcoded', report: inner, replace: outermost(inner), text: env, name }];
      if (inner.type === T.ArrayExpression && inner.elements.length > 0) {
        const elements = inner.elements.map((e) => (e && e.type !== T.SpreadElement ? read(e) : null));
        // (A list of another file stands at the read as one node: reported once there, `secret: config.secrets`.)
        if (elsewhereOf(inner)) return elements.some((e) => e !== null && isSecret(e)) ? [{ messageId: 'hardcoded', report: inner, replace: inner, text: env, name }] : [];
        if (elements.every((e) => e !== null && isSecret(e) && !elsewhereOf(e))) {
          return [{ messageId: 'hardcoded', report: inner, replace: outermost(inner), text: `[${env}]`, name }];
        }
        return elements.flatMap((e, i) =>
          e && isSecret(e) ? [{ messageId: 'hardcoded' as const, report: e, replace: inner.elements[i]!, text: env, name }] : [],
        );
      }
      if (inner.type === T.LogicalExpression && (inner.operator === '||' || inner.operator === '??')) {
        const right = read(inner.right);
        if (isSecret(right) || (right.type === T.ArrayExpression && right.elements.every((e) => e && isSecret(unwrap(e))))) {
          const left = envVariableName(inner.left) ?? name;
          return [{ messageId: 'fallback', report: inner.right, replace: outermost(inner), text: fromEnv(left, inner.left), name: left }];
        }
      }
      return [];
    }
  },
});

/** The default value of a parameter that `node` reads and the function never writes (`secret = config.jwt.secret`). */
function parameterDefault(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESTree.Expression | null {
  if (node.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.name.parent?.type !== T.AssignmentPattern || def.name.parent.left !== def.name) return null;
  if (variable!.references.some((ref) => ref.isWrite() && !ref.init)) return null;
  return def.name.parent.right;
}

/** Expressions that need no parentheses as the left operand of `||`. */
const BINDS_TIGHTER_THAN_OR: ReadonlySet<string> = new Set([
  T.Identifier,
  T.MemberExpression,
  T.CallExpression,
  T.ChainExpression,
  T.TSNonNullExpression,
  T.AwaitExpression,
  T.Literal,
  T.TemplateLiteral,
]);

/** A non-empty string literal or expression-free template that is not a public key. */
function isSecretLiteral(node: TSESTree.Node): boolean {
  const value = literalString(node);
  if (value === null || value.trim() === '') return false;
  if (PLACEHOLDER_SECRETS.some((placeholder) => placeholder.test(value.trim()))) return false;
  return !PUBLIC_KEY_PREFIXES.some((prefix) => value.trimStart().startsWith(prefix));
}

/**
 * A connection URL literal (a string or an expression-free template) whose user info holds a password
 * (`URL_PASSWORD`) that is not a placeholder (`<password>`, `${DB_PASSWORD}`).
 */
function isSecretUrl(node: TSESTree.Node): boolean {
  const value = literalString(node);
  const password = value === null ? undefined : URL_PASSWORD.exec(value.trim())?.[1];
  if (password === undefined || password.trim() === '') return false;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // (A `%` that starts no escape: the password as written.)
  }
  return !PLACEHOLDER_SECRETS.some((placeholder) => placeholder.test(password) || placeholder.test(decoded));
}
