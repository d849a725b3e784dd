import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  ARGON2_MINIMUMS,
  ARGON2_MODULES,
  BCRYPT_COST_ARGUMENT,
  BCRYPT_MIN_COST,
  BCRYPT_MODULES,
  CONFIRMATION_WORDS,
  HASH_WORDS,
  PASSWORD_WORDS,
  PBKDF2_MIN_ITERATIONS,
  SLOW_CRYPTO_FUNCTIONS,
  STORED_WORDS,
} from '../data/password-hashing';
import {
  findVariableOf,
  getExpressModel,
  getRequestData,
  resolveConst,
  staticKey,
  staticValueOf,
  unwrap,
  type ExpressModel,
  type ImportedFunction,
} from '../express';
import { createRule } from '../util/create-rule';

type Options = [{ bcryptMinCost?: number }];
type MessageIds =
  | 'fastHash'
  | 'fastHashHelper'
  | 'lowBcryptCost'
  | 'weakArgon2'
  | 'lowPbkdf2Iterations'
  | 'plaintextCompare'
  | 'timingUnsafeCompare';

/** Roots of request data: a comparison with these on one side is a check of what the client sent. */
const REQUEST_ROOTS = new Set(['req', 'request', 'body', 'input', 'params', 'query', 'args', 'payload', 'credentials', 'form', 'fields', 'values', 'dto', 'ctx']);

/** String methods that keep the value a password (`password.trim()`). */
const PASSTHROUGH_METHODS = new Set(['trim', 'normalize', 'toString', 'toLowerCase', 'toUpperCase', 'concat', 'from']);

/** A fast hash in a helper of another file: parameter `param` reaches `crypto.<fn>(algorithm)` on `line`. */
interface HelperHash {
  param: number;
  fn: string;
  algorithm: string;
  line: number;
}

/** A call of a slow password hash (bcrypt, argon2, scrypt, PBKDF2): a helper that makes one may pre-hash with a fast one. */
function isSlowHash(module: string, path: readonly string[]): boolean {
  if (BCRYPT_MODULES.includes(module) || module in ARGON2_MODULES) return true;
  return module === 'crypto' && path.length === 1 && SLOW_CRYPTO_FUNCTIONS.has(path[0]!);
}

/**
 * The parameters of `helper.fn` that `node` is computed from: the parameter itself, or through `+`, template
 * literals, calls (`Buffer.from(x)`, `x.trim()`), members and `const`s of the helper.
 */
function parametersIn(helper: ImportedFunction, node: TSESTree.Node): number[] {
  const found = new Set<number>();
  const visit = (current: TSESTree.Node, depth: number): void => {
    if (depth > 6) return;
    const inner = unwrap(current);
    switch (inner.type) {
      case T.Identifier: {
        const variable = findVariableOf(helper.sourceCode, inner);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.type === 'Parameter' && def.node === helper.fn) {
          const index = helper.fn.params.findIndex((p) => (p.type === T.AssignmentPattern ? p.left : p) === def.name);
          if (index >= 0) found.add(index);
          return;
        }
        const resolved = resolveConst(helper.sourceCode, inner);
        if (resolved !== inner) visit(resolved, depth + 1);
        return;
      }
      case T.BinaryExpression:
        if (inner.operator === '+') {
          visit(inner.left, depth + 1);
          visit(inner.right, depth + 1);
        }
        return;
      case T.TemplateLiteral:
        for (const e of inner.expressions) visit(e, depth + 1);
        return;
      case T.MemberExpression:
        visit(inner.object, depth + 1);
        return;
      case T.CallExpression:
        if (inner.callee.type === T.MemberExpression) visit(inner.callee.object, depth + 1);
        for (const arg of inner.arguments) visit(arg, depth + 1);
        return;
      case T.AwaitExpression:
        visit(inner.argument, depth + 1);
        return;
      default:
        return;
    }
  };
  visit(node, 0);
  return [...found];
}

interface Mentions {
  password: boolean;
  hash: boolean;
  confirm: boolean;
  stored: boolean;
}

const NONE: Mentions = { password: false, hash: false, confirm: false, stored: false };

/** `userPasswordHash` → `user password hash`; `PASS_HASH` → `pass hash`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
}

function fromName(name: string): Mentions {
  const w = words(name);
  return {
    password: w.some((x) => PASSWORD_WORDS.has(x)),
    hash: w.some((x) => HASH_WORDS.has(x)),
    confirm: w.some((x) => CONFIRMATION_WORDS.has(x)),
    stored: w.some((x) => STORED_WORDS.has(x)),
  };
}

function merge(a: Mentions, b: Mentions): Mentions {
  return {
    password: a.password || b.password,
    hash: a.hash || b.hash,
    confirm: a.confirm || b.confirm,
    stored: a.stored || b.stored,
  };
}

/**
 * Words a file must contain for the rule to find anything: a password name (every report needs one, or a call of
 * bcrypt, argon2 or PBKDF2, whose names appear in the import or the call). Other files get no listener.
 */
const RELEVANT_TEXT = new RegExp([...PASSWORD_WORDS, ...BCRYPT_MODULES, ...Object.keys(ARGON2_MODULES), 'pbkdf2'].join('|'), 'iu');

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

    /** What an expression's names say: a password, a hash, a confirmation field, a stored value. */
    function mentions(node: TSESTree.Node | null | undefined, depth = 0, resolve = true, code: TSESLint.SourceCode = sourceCode): Mentions {
      if (!node || depth > 4) return NONE;
      const inner = unwrap(node);
      switch (inner.type) {
        case T.Identifier: {
          const own = fromName(inner.name);
          const resolved = resolve && depth < 2 ? resolveConst(code, inner) : inner;
          return resolved === inner ? own : merge(own, { ...mentions(resolved, depth + 1, resolve, code), stored: own.stored });
        }
        case T.MemberExpression: {
          const key = staticKey(inner);
          const own = key === null ? NONE : fromName(key);
          let root: TSESTree.Node = inner.object;
          while (root.type === T.MemberExpression) root = root.object;
          // `user.password`, `this.password`, `process.env.ADMIN_PASSWORD`: kept somewhere; `req.body.password`: sent.
          const fromRequest =
            own.password &&
            root.type === T.Identifier &&
            (REQUEST_ROOTS.has(root.name) || (code === sourceCode && getRequestData(context).handlers.roleOf(root) === 'req'));
          const kept = root.type === T.Identifier || root.type === T.ThisExpression;
          return { ...own, stored: own.stored || (own.password && kept && !fromRequest) };
        }
        case T.CallExpression: {
          const callee = unwrap(inner.callee);
          const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? staticKey(callee) : null;
          let result = name === null ? NONE : fromName(name);
          if (callee.type === T.MemberExpression) {
            const method = staticKey(callee) ?? '';
            // `password.trim()`, `Buffer.from(password)`, `createHash(...).update(password).digest()`
            if (PASSTHROUGH_METHODS.has(method) || method === 'digest' || method === 'update') {
              result = merge(result, mentions(callee.object, depth + 1, resolve, code));
            }
          }
          for (const arg of inner.arguments) result = merge(result, { ...mentions(arg, depth + 1, resolve, code), stored: false });
          return result;
        }
        case T.BinaryExpression:
          return inner.operator === '+' ? merge(mentions(inner.left, depth + 1, resolve, code), mentions(inner.right, depth + 1, resolve, code)) : NONE;
        case T.TemplateLiteral:
          return inner.expressions.reduce((acc, e) => merge(acc, mentions(e, depth + 1, resolve, code)), NONE);
        case T.AwaitExpression:
          return mentions(inner.argument, depth + 1, resolve, code);
        default:
          return NONE;
      }
    }

    function numberOf(node: TSESTree.Node | undefined): number | null {
      if (!node || node.type === T.SpreadElement) return null;
      const value = staticValueOf(sourceCode, node)?.value;
      return typeof value === 'number' ? value : null;
    }

    /** The numeric literal to rewrite: the argument itself, or the literal a `const` holds. */
    function costLiteral(node: TSESTree.Node): TSESTree.Literal | null {
      const inner = unwrap(node);
      if (inner.type === T.Literal && typeof inner.value === 'number') return inner;
      if (inner.type === T.Identifier) {
        const init = resolveConst(sourceCode, inner);
        if (init !== inner && init.type === T.Literal && typeof init.value === 'number') {
          const variable = findVariableOf(sourceCode, inner);
          const declaration = variable?.defs[0]?.parent;
          if (declaration?.type === T.VariableDeclaration && declaration.kind === 'const') return init;
        }
      }
      return null;
    }

    /** The data a hash object is fed: `createHash(a).update(x)` chains and `const h = createHash(a); h.update(x)`. */
    function hashedData(call: TSESTree.Node, code: TSESLint.SourceCode = sourceCode): TSESTree.Node[] {
      const data: TSESTree.Node[] = [];
      const follow = (start: TSESTree.Node): void => {
        let current = start;
        for (;;) {
          const member = current.parent;
          if (member?.type !== T.MemberExpression || member.object !== current || staticKey(member) !== 'update') break;
          const update = member.parent;
          if (update?.type !== T.CallExpression || update.callee !== member) break;
          if (update.arguments[0]) data.push(update.arguments[0]);
          current = update;
        }
      };
      follow(call);
      const declarator = call.parent;
      if (declarator?.type === T.VariableDeclarator && declarator.init === call && declarator.id.type === T.Identifier) {
        const variable = findVariableOf(code, declarator.id);
        for (const ref of variable?.references ?? []) if (ref.isRead()) follow(ref.identifier);
      }
      return data;
    }

    function checkModuleCalls(): void {
      const model = getExpressModel(context);
      if (model.imports('crypto')) {
        for (const fn of ['createHash', 'createHmac']) {
          for (const call of model.callsTo('crypto', [fn])) {
            if (!hashedData(call).some((d) => mentions(d).password)) continue;
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
      for (const module of BCRYPT_MODULES) {
        if (!model.imports(module)) continue;
        for (const [fn, index] of Object.entries(BCRYPT_COST_ARGUMENT)) {
          for (const call of model.callsTo(module, [fn])) {
            const arg = call.arguments[index];
            const cost = numberOf(arg);
            if (cost === null || cost >= bcryptMinCost) continue;
            const literal = costLiteral(arg!);
            const fix: TSESLint.ReportFixFunction | null = literal
              ? (fixer) => fixer.replaceText(literal, String(bcryptMinCost))
              : null;
            context.report({
              node: arg!,
              messageId: 'lowBcryptCost',
              data: { cost: String(cost), minimum: String(bcryptMinCost) },
              fix,
            });
          }
        }
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
     * Cross-file: the fast hashes a helper of another file of the package computes from its parameters
     * (`exports.hashPassword = (input) => crypto.createHash('md5').update(input).digest('hex')`), computed once per
     * helper. A helper that also calls bcrypt, argon2, scrypt or PBKDF2 is left alone (a fast pre-hash before a slow
     * one), and a hash whose data is named like a password is reported in the helper's own file instead.
     */
    const helperHashes = new Map<TSESTree.Node, HelperHash[]>();
    function fastHashesOf(helper: ImportedFunction): HelperHash[] {
      let found = helperHashes.get(helper.fn);
      if (found) return found;
      found = [];
      helperHashes.set(helper.fn, found);
      const [start, end] = helper.fn.range;
      const calls = (helper.moduleCalls ?? []).filter(({ node }) => node.range[0] >= start && node.range[1] <= end);
      if (calls.some(({ callee }) => isSlowHash(callee.module, callee.path))) return found;
      for (const { node: call, callee } of calls) {
        if (callee.module !== 'crypto' || callee.path.length !== 1) continue;
        const fn = callee.path[0]!;
        const data = fn === 'createHash' || fn === 'createHmac' ? hashedData(call, helper.sourceCode) : fn === 'hash' && call.arguments[1] ? [call.arguments[1]] : [];
        for (const d of data) {
          if (mentions(d, 0, true, helper.sourceCode).password) continue;
          const algorithm = call.arguments[0] ? staticValueOf(helper.sourceCode, call.arguments[0])?.value : undefined;
          for (const param of parametersIn(helper, d)) {
            found.push({ param, fn, algorithm: typeof algorithm === 'string' ? algorithm : '…', line: call.loc.start.line });
          }
        }
      }
      return found;
    }

    function checkHelperCalls(model: ExpressModel): void {
      for (const { node: call, callee } of model.moduleCalls) {
        if (call.type !== T.CallExpression || !callee.module.startsWith('.') || callee.path.length === 0) continue;
        const name = callee.path.at(-1)!;
        // Cheap first: the helper is named like a password hash, or an argument is named like a password.
        const byName = fromName(name).password;
        if (!byName && !call.arguments.some((arg) => mentions(arg, 0, false).password)) continue;
        const helper = model.functionElsewhere(callee);
        if (!helper) continue;
        const hash = fastHashesOf(helper).find(({ param }) => {
          const arg = call.arguments[param];
          return arg !== undefined && arg.type !== T.SpreadElement && (byName || mentions(arg).password);
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
        if (!['===', '==', '!==', '!='].includes(node.operator)) return;
        const left = unwrap(node.left);
        const right = unwrap(node.right);
        if (left.type === T.Literal || right.type === T.Literal || left.type === T.PrivateIdentifier) return;
        // Cheap first: one side must name a password by itself before `const`s are followed.
        if (!mentions(left, 0, false).password && !mentions(right, 0, false).password) return;
        const a = mentions(left);
        if (!a.password) return;
        const b = mentions(right);
        if (!b.password || a.confirm || b.confirm || !(a.stored || b.stored)) return;
        context.report({
          node,
          messageId: a.hash || b.hash ? 'timingUnsafeCompare' : 'plaintextCompare',
          data: { text: shorten(node), operator: node.operator },
        });
      },
      'Program:exit'() {
        checkModuleCalls();
        const model = getExpressModel(context);
        if (model.settings.crossFile) checkHelperCalls(model);
      },
    };
  },
});
