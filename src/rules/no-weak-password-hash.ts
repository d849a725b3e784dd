import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  ARGON2_MINIMUMS,
  ARGON2_MODULES,
  BCRYPT_COST_ARGUMENT,
  BCRYPT_MIN_COST,
  BCRYPT_MODULES,
  PASSWORD_WORDS,
  PBKDF2_MIN_ITERATIONS,
} from '../data/password-hashing';
import {
  findVariableOf,
  functionSummaryElsewhere,
  getExpressModel,
  getRequestData,
  resolveConst,
  staticValueOf,
  unwrap,
  type ExpressModel,
} from '../express';
import { hashedData, isCopyCheck, mentionsOf, mentionsOfName, type Mentions } from '../express/password-hashes';
import { createRule, fileSigns, moduleNames } from '../util/create-rule';

type Options = [{ bcryptMinCost?: number }];
type MessageIds =
  | 'fastHash'
  | 'fastHashHelper'
  | 'lowBcryptCost'
  | 'weakArgon2'
  | 'lowPbkdf2Iterations'
  | 'plaintextCompare'
  | 'timingUnsafeCompare';

/**
 * Words a file must contain for the rule to find anything: a password name (every report needs one, or a call of
 * bcrypt, argon2 or PBKDF2, whose names appear in the import or the call). Other files get no listener.
 */
const EQUALITY = new Set(['===', '==', '!==', '!=']);
const RELEVANT_TEXT = new RegExp([...PASSWORD_WORDS, ...BCRYPT_MODULES, ...Object.keys(ARGON2_MODULES), 'pbkdf2'].join('|'), 'iu');

/** The modules whose calls `checkModuleCalls` reads: a file that names none builds no model for them. */
const HASH_MODULES = moduleNames('crypto', BCRYPT_MODULES, Object.keys(ARGON2_MODULES));

export default createRule<Options, MessageIds>({
  name: 'no-weak-password-hash',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow fast hashes of passwords, weak bcrypt, argon2 and PBKDF2 settings, and password comparisons with `===`',
      recommended: 'recommended',
      appConfiguration: true,
    },
    fixable: 'code',
    schema: [
      {
        type: 'object',
        properties: {
          bcryptMinCost: {
            type: 'integer',
            minimum: 4,
            maximum: 31,
            description: `The lowest bcrypt cost (work factor) accepted; the fix raises a literal cost to it. OWASP's minimum is ${BCRYPT_MIN_COST}.`,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ bcryptMinCost: BCRYPT_MIN_COST }],
    messages: {
      fastHash:
        "crypto.{{fn}}('{{algorithm}}') hashes a password: a fast hash lets whoever gets the database try billions of guesses per second. Use argon2 (argon2id), bcrypt or crypto.scrypt with a per-password salt.",
      lowBcryptCost:
        'bcrypt cost {{cost}} is below {{minimum}}: each guess is cheap for an attacker. Use a cost of at least {{minimum}}.',
      weakArgon2:
        "argon2 options (memoryCost {{memoryCost}} KiB, timeCost {{timeCost}}) are below OWASP's minimum for argon2id: 19 MiB (19456 KiB) with 2 passes, or an equivalent pair such as 12288 KiB with 3.",
      lowPbkdf2Iterations:
        "{{fn}}() runs {{iterations}} iterations of {{digest}}, below OWASP's {{minimum}}. Raise them (store the count with each hash so existing ones still verify) or move to argon2id.",
      fastHashHelper:
        "'{{helper}}' ({{where}}) hashes this password with crypto.{{fn}}('{{algorithm}}'): a fast hash lets whoever gets the database try billions of guesses per second. Make the helper use argon2 (argon2id), bcrypt or crypto.scrypt with a per-password salt.",
      plaintextCompare:
        "'{{text}}' compares passwords with {{operator}}: the stored password is plaintext. Store an argon2 or bcrypt hash and check it with argon2.verify() / bcrypt.compare().",
      timingUnsafeCompare:
        "'{{text}}' compares password hashes with {{operator}}, which stops at the first differing byte (a timing leak), and a hash that can be recomputed and compared is a fast one. Use bcrypt.compare() / argon2.verify() (crypto.timingSafeEqual for a MAC).",
    },
  },
  defaultOptions: [{ bcryptMinCost: BCRYPT_MIN_COST }],
  create(context, [{ bcryptMinCost = BCRYPT_MIN_COST }]) {
    const sourceCode = context.sourceCode;
    if (!RELEVANT_TEXT.test(sourceCode.text)) return {};

    // Request data only in a file where some function may receive a request: elsewhere no model is built for it.
    const signs = fileSigns(context);
    const isRequest = (root: TSESTree.Node): boolean => signs.mayHandleRequests && getRequestData(context).handlers.roleOf(root) === 'req';

    /** What an expression's names say: a password, a hash, a confirmation field, a stored value. */
    function mentions(node: TSESTree.Node | null | undefined, resolve = true): Mentions {
      return mentionsOf(sourceCode, node, isRequest, 0, resolve);
    }

    function numberOf(node: TSESTree.Node | undefined): number | null {
      if (!node || node.type === T.SpreadElement) return null;
      const value = staticValueOf(sourceCode, node)?.value;
      return typeof value === 'number' ? value : null;
    }

    /**
     * What the fix rewrites to raise a bcrypt cost: the literal argument itself; the literal a `const` holds when
     * every read of that `const` is a bcrypt cost argument of this file (`costArguments`) and it is not exported, so
     * raising it changes nothing else (`const COST = 8; const MAX_LOGIN_ATTEMPTS = COST` must keep its 8); else the
     * argument naming the `const` (its value is a number: the caller checked), which raises this call's cost alone.
     * Any other expression: no fix.
     */
    function costFixTarget(node: TSESTree.Node, costArguments: ReadonlySet<TSESTree.Node>): TSESTree.Node | null {
      const inner = unwrap(node);
      if (inner.type === T.Literal && typeof inner.value === 'number') return inner;
      if (inner.type !== T.Identifier) return null;
      const variable = findVariableOf(sourceCode, inner);
      const def = variable?.defs[0];
      const declaration = def?.parent;
      if (!variable || declaration?.type !== T.VariableDeclaration || declaration.kind !== 'const') return null;
      const init = resolveConst(sourceCode, inner);
      const ownLiteral =
        init.type === T.Literal &&
        typeof init.value === 'number' &&
        def!.node.type === T.VariableDeclarator &&
        def!.node.init === init;
      const local =
        ownLiteral &&
        variable.defs.length === 1 &&
        declaration.parent?.type !== T.ExportNamedDeclaration &&
        !(variable.scope.type === 'global' && context.languageOptions.sourceType === 'script') &&
        variable.references.every((ref) => !ref.isRead() || costArguments.has(ref.identifier));
      return local ? init : inner;
    }

    function checkModuleCalls(): void {
      const model = getExpressModel(context);
      if (model.imports('crypto')) {
        for (const fn of ['createHash', 'createHmac']) {
          for (const call of model.callsTo('crypto', [fn])) {
            if (!hashedData(call, sourceCode).some((d) => mentions(d).password)) continue;
            const algorithm = staticValueOf(sourceCode, call.arguments[0] ?? call)?.value;
            context.report({
              node: call,
              messageId: 'fastHash',
              data: { fn, algorithm: typeof algorithm === 'string' ? algorithm : '…' },
            });
          }
        }
        // Node 21.7+: crypto.hash(algorithm, data)
        for (const call of model.callsTo('crypto', ['hash'])) {
          if (!mentions(call.arguments[1]).password) continue;
          const algorithm = call.arguments[0] ? staticValueOf(sourceCode, call.arguments[0])?.value : undefined;
          context.report({
            node: call,
            messageId: 'fastHash',
            data: { fn: 'hash', algorithm: typeof algorithm === 'string' ? algorithm : '…' },
          });
        }
        for (const fn of ['pbkdf2', 'pbkdf2Sync']) {
          for (const call of model.callsTo('crypto', [fn])) {
            const iterationsNode = call.arguments[2];
            const iterations = numberOf(iterationsNode);
            if (iterations === null) continue;
            const digestValue = call.arguments[4] ? staticValueOf(sourceCode, call.arguments[4])?.value : undefined;
            const digest = typeof digestValue === 'string' ? digestValue.toLowerCase().replace('-', '') : null;
            // An unknown digest gets the most lenient minimum: no finding that a stronger digest would undo.
            const minimum =
              digest === null
                ? Math.min(...Object.values(PBKDF2_MIN_ITERATIONS))
                : (PBKDF2_MIN_ITERATIONS[digest] ?? PBKDF2_MIN_ITERATIONS.sha256!);
            if (iterations >= minimum) continue;
            context.report({
              node: iterationsNode!,
              messageId: 'lowPbkdf2Iterations',
              data: { fn, iterations: String(iterations), digest: digest ?? 'its digest', minimum: minimum.toLocaleString('en-US') },
            });
          }
        }
      }
      const costArguments = new Set<TSESTree.Node>();
      const lowCosts: { arg: TSESTree.CallExpressionArgument; cost: number }[] = [];
      for (const module of BCRYPT_MODULES) {
        if (!model.imports(module)) continue;
        for (const [fn, index] of Object.entries(BCRYPT_COST_ARGUMENT)) {
          for (const call of model.callsTo(module, [fn])) {
            const arg = call.arguments[index];
            if (!arg) continue;
            costArguments.add(unwrap(arg));
            const cost = numberOf(arg);
            if (cost !== null && cost < bcryptMinCost) lowCosts.push({ arg, cost });
          }
        }
      }
      for (const { arg, cost } of lowCosts) {
        const target = costFixTarget(arg, costArguments);
        const fix: TSESLint.ReportFixFunction | null = target
          ? (fixer) => fixer.replaceText(target, String(bcryptMinCost))
          : null;
        context.report({
          node: arg,
          messageId: 'lowBcryptCost',
          data: { cost: String(cost), minimum: String(bcryptMinCost) },
          fix,
        });
      }
      for (const [module, facts] of Object.entries(ARGON2_MODULES)) {
        if (!model.imports(module)) continue;
        for (const [fn, index] of Object.entries(facts.functions)) {
          for (const call of model.callsTo(module, [fn])) {
            const optionsNode = call.arguments[index];
            if (!optionsNode || optionsNode.type === T.SpreadElement) continue;
            const view = model.options(optionsNode);
            if (view === 'unknown') continue;
            const read = (key: 'memoryCost' | 'timeCost'): number | null => {
              const value = view.get(key);
              if (value.kind === 'absent') return facts[key];
              return value.kind === 'set' ? numberOf(value.node) : null;
            };
            const memoryCost = read('memoryCost');
            const timeCost = read('timeCost');
            if (memoryCost === null || timeCost === null) continue;
            if (ARGON2_MINIMUMS.some((m) => memoryCost >= m.memoryCost && timeCost >= m.timeCost)) continue;
            context.report({
              node: optionsNode,
              messageId: 'weakArgon2',
              data: { memoryCost: String(memoryCost), timeCost: String(timeCost) },
            });
          }
        }
      }
    }

    /**
     * Cross-file: a call passing a password to a helper of another file of the package that hashes that parameter
     * with a fast hash (`exports.hashPassword = (input) => crypto.createHash('md5').update(input).digest('hex')`), as
     * the helper's summary says (`fastHashes`). A hash whose data is named like a password there is reported in the
     * helper's own file instead.
     */
    function checkHelperCalls(model: ExpressModel): void {
      for (const { node: call, callee } of model.moduleCalls) {
        if (call.type !== T.CallExpression || !callee.module.startsWith('.') || callee.path.length === 0) continue;
        const name = callee.path.at(-1)!;
        // Cheap first: the helper is named like a password hash, or an argument is named like a password.
        const byName = mentionsOfName(name).password;
        if (!byName && !call.arguments.some((arg) => mentions(arg, false).password)) continue;
        const helper = functionSummaryElsewhere(context, callee);
        if (!helper) continue;
        const hash = helper.summary.fastHashes.find(({ param, passwordNamed }) => {
          const arg = call.arguments[param];
          return !passwordNamed && arg !== undefined && arg.type !== T.SpreadElement && (byName || mentions(arg).password);
        });
        if (!hash) continue;
        context.report({
          node: call,
          messageId: 'fastHashHelper',
          data: { helper: name, where: `${helper.file}:${hash.line}`, fn: hash.fn, algorithm: hash.algorithm },
        });
      }
    }

    function shorten(node: TSESTree.Node): string {
      const text = sourceCode.getText(node).replace(/\s+/gu, ' ');
      return text.length > 80 ? `${text.slice(0, 77)}...` : text;
    }

    return {
      BinaryExpression(node) {
        if (!EQUALITY.has(node.operator)) return;
        const left = unwrap(node.left);
        const right = unwrap(node.right);
        if (left.type === T.Literal || right.type === T.Literal || left.type === T.PrivateIdentifier) return;
        // Cheap first: one side must name a password by itself before `const`s are followed.
        if (!mentions(left, false).password && !mentions(right, false).password) return;
        const a = mentions(left);
        if (!a.password) return;
        const b = mentions(right);
        if (!b.password || a.confirm || b.confirm || !(a.stored || b.stored)) return;
        // Two kept values, one copied onto the other when they differ: a sync, not a login.
        if (a.stored && b.stored && isCopyCheck(sourceCode, node)) return;
        context.report({
          node,
          messageId: a.hash || b.hash ? 'timingUnsafeCompare' : 'plaintextCompare',
          data: { text: shorten(node), operator: node.operator },
        });
      },
      'Program:exit'() {
        // Calls of the hashing modules need their names; a helper of another file needs the whole-app model.
        if (!signs.names(HASH_MODULES) && !signs.crossFile) return;
        checkModuleCalls();
        const model = getExpressModel(context);
        if (model.settings.crossFile) checkHelperCalls(model);
      },
    };
  },
});
