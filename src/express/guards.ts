import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { ANY_DANGER, Danger, VALIDATOR_ASSERTS_STRING, VALIDATOR_GUARDS } from '../data/sinks';
import {
  EXPRESS_VALIDATOR_FIELD_FUNCTIONS,
  EXPRESS_VALIDATOR_KEEPING_METHODS,
  EXPRESS_VALIDATOR_MODULES,
  EXPRESS_VALIDATOR_STRING_VALIDATORS,
} from '../data/validation';
import { elementSource, enclosingFunction, findVariableOf, isFunction, literalString, moduleCallsOfFile, someNode, soleReturn, sourceOf, staticKey, unwrap, type FunctionNode, type Node } from './ast';
import type { ImportedFunction, MadeBy, ModuleValue } from './model';
import { readOptions, resolveConst, staticValueOf } from './options';

/** What a passed check says about one checked expression. */
interface Fact {
  /** Dangers the check rules out. */
  removes: number;
  /** `x.startsWith('/')` held. */
  slash: boolean;
  /** `x.startsWith('//')` (or `'/\\'`) did not hold. */
  notDouble: boolean;
  /**
   * Where the check was made when that is before the test that reads it: the start of the initializer of a local
   * holding its result (`const ok = isSafe(u); if (!ok) …`). A write to the checked value after it voids the fact.
   */
  at?: number;
}

/** A check that holds where an expression is evaluated: the dangers it rules out, and where the check ends. */
export interface Guard {
  removes: number;
  /** The end offset of the check; a write to the checked variable after it makes it count for nothing. */
  end: number;
}

/** A middleware before a handler on its route, as `GuardFinder` reads it (`MiddlewareItem`). */
export interface ChainItem {
  node: Node;
  value: ModuleValue | undefined;
  /** The function itself, when it is written in the route's file. */
  fn?: FunctionNode | undefined;
  /** Set when the item is what another file of the package exports. */
  from?: { file: string } | undefined;
  /** The function of another file of the package that the item is. */
  readonly elsewhere?: ImportedFunction | undefined;
  /** The function of the package whose call the item is (`validate([...chains])`). */
  readonly factory?: MadeBy | undefined;
}

/** The subject of the fact that express-validator found no error in the request written after it (`isEmpty`). */
const VALIDATION_PASSED = '\0validationResult:';

/** A leading text that pins the origin: a local path (`/users/`, not `/` alone, `//` or `/\`), `https://host/`, `?`, `#`. */
export const FIXED_ORIGIN = /^(?:\/[^/\\]|[a-z][a-z\d+.-]*:\/\/[^/?#\\]+[/?#]|[?#])/iu;

/**
 * A relative path that the fixed text closes with a query or fragment (`./callback?`, `callback?`, `../done#`): the
 * target is whole before the request data, and a text that does not start with `/` or `\`, holds no `:` (no scheme)
 * and no space or control character (which browsers drop) resolves on the page's own origin. Only for text built
 * before the data: `x.startsWith('callback?')` is not counted (`x.slice(9)` would be anything).
 */
const FIXED_RELATIVE_TARGET = /^[^/\\:?#\s\p{Cc}][^\\:?#\s\p{Cc}]*[?#]/u;

function fixesTarget(prefix: string): boolean {
  return FIXED_ORIGIN.test(prefix) || FIXED_RELATIVE_TARGET.test(prefix);
}

/**
 * Text that starts with a fixed origin (`'https://app.example/' + x`, `` `/users/${x}` ``, through a `const` that
 * holds one) cannot send the browser elsewhere: `taint` less `Danger.redirect`. Request data applies it to every `+`
 * and template literal, so a redirect of this file, of a local helper and of a helper of another file all see it.
 * `standIn` gives the text that a part the browser writes stands for (the request's Host header: its own host, so
 * `` `https://${req.headers.host}/docs/${page}` `` starts with the site's own origin).
 */
export function withoutRedirectWhenFixedOrigin<D extends { readonly danger: number }>(
  sourceCode: TSESLint.SourceCode,
  text: Node,
  taint: D | null,
  standIn?: StandIn,
): D | null {
  if (!taint || !(taint.danger & Danger.redirect) || !fixesTarget(leadingText(sourceCode, text, 0, standIn))) return taint;
  const danger = taint.danger & ~Danger.redirect;
  return danger ? { ...taint, danger } : null;
}

/** The text a part of a URL stands for when it is not constant but known to be safe there (a host), else `null`. */
export type StandIn = (node: Node) => string | null;

/** The fixed text a value starts with (through `+`, templates and a `const` that holds one). */
export function leadingText(sourceCode: TSESLint.SourceCode, node: Node, depth: number, standIn?: StandIn): string {
  return knownText(sourceCode, node, depth, standIn).text;
}

/** The fixed text `node` starts with, and whether that is all of it (`whole`): then what follows it is known too. */
function knownText(sourceCode: TSESLint.SourceCode, node: Node, depth: number, standIn: StandIn | undefined): { text: string; whole: boolean } {
  const inner = unwrap(node);
  const own = standIn?.(inner);
  if (typeof own === 'string') return { text: own, whole: true };
  if (inner.type === T.TemplateLiteral) {
    let text = '';
    for (let i = 0; i < inner.quasis.length; i++) {
      text += inner.quasis[i]!.value.cooked ?? '';
      const part = inner.expressions[i];
      if (!part) break;
      if (depth >= 4) return { text, whole: false };
      const known = knownText(sourceCode, part, depth + 1, standIn);
      text += known.text;
      if (!known.whole) return { text, whole: false };
    }
    return { text, whole: true };
  }
  if (inner.type === T.BinaryExpression && inner.operator === '+') {
    // (The left operand of a long chain is read at the same depth: `'https://' + host + '/' + a + '/' + b`.)
    const left = knownText(sourceCode, inner.left, depth, standIn);
    if (!left.whole) return left;
    const right = knownText(sourceCode, inner.right, depth + 1, standIn);
    return { text: left.text + right.text, whole: right.whole };
  }
  if (inner.type === T.Identifier && depth < 4) {
    const variable = findVariableOf(sourceCode, inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (
      def?.node.type === T.VariableDeclarator &&
      def.node.id === def.name &&
      def.node.init &&
      def.parent?.type === T.VariableDeclaration &&
      def.parent.kind === 'const'
    ) {
      const known = staticValueOf(sourceCode, inner);
      return typeof known?.value === 'string' ? { text: known.value, whole: true } : knownText(sourceCode, def.node.init, depth + 1, standIn);
    }
  }
  const value = staticValueOf(sourceCode, inner);
  return typeof value?.value === 'string' ? { text: value.value, whole: true } : { text: '', whole: false };
}

type Facts = Map<string, Fact>;

/** How many locals holding a check's result are followed inside one another (`const a = isSafe(u); const b = a && …`). */
export const MAX_HELD_CHECKS = 8;

/** The earlier of two check positions (`undefined`: at the test itself). */
function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/**
 * The checks that dominate an expression: an `if`, `?:`, `&&`/`||` or loop test it sits under, and the early exits
 * before it in each enclosing block (`if (!ok) return …`, `throw`). Each condition is read once per polarity
 * (memoized), each block's early exits once, so asking for every use costs its nesting depth.
 */
export class GuardFinder {
  private readonly facts = [new Map<Node, Facts>(), new Map<Node, Facts>()];
  private readonly exits = new Map<Node, { stmt: TSESTree.IfStatement; holds: boolean }[]>();
  private readonly assertions = new Map<Node, { stmt: Node; subject: string; end: number }[]>();

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly valueOf: (node: Node) => ModuleValue | undefined,
    private readonly isTainted: (node: Node) => boolean,
    /** The middleware before handler `fn` on the route that registers it (the model's view, any file), else `[]`. */
    private readonly routeChainBefore: (fn: Node) => readonly ChainItem[] = () => [],
    /**
     * The parameter a called function vouches for when it returns `result`, and the dangers that rules out (its
     * summary: a constant allow list, or checks of the parameter written like inline ones; for `false`, a negated
     * one such as `isUnsafe(u)`), for a helper of the file or one imported from another module of the package; else `null`.
     */
    private readonly vouchedBy: (call: TSESTree.CallExpression, result: boolean, awaited: boolean) => { param: number; removes: number } | null = () => null,
    /**
     * Whether `node` reads the host this request was sent to (`req.get('host')`, `req.headers.host`, `req.hostname`):
     * the browser writes it from the URL it asks for, so a link cannot make it another site's.
     */
    private readonly isRequestHost: (node: Node) => boolean = () => false,
    /**
     * The dangers that a function the project trusts as a check rules out when it returns true
     * (`settings['secure-express'].checks`, by the name a call gives it), else `0`.
     */
    private readonly trustedCheck: (call: TSESTree.CallExpression) => number = () => 0,
  ) {}

  /** How many held checks `collect` is inside now (see `MAX_HELD_CHECKS`). */
  private held = 0;
  /** The call whose promise a local holds and the test being read awaits (`const p = isAllowed(u); if (!(await p))`). */
  private awaitedCall: Node | null = null;

  /** The guards on `node` (its text names the checked value, unless `subject` names it). */
  guardsOn(node: Node, subject?: string): Guard[] {
    const text = subject ?? this.sourceCode.getText(unwrap(node));
    const found: Guard[] = [];
    /** Every test that holds at `node`, for the facts that only hold together (below). */
    const held: { test: Node; holds: boolean; end: number }[] = [];
    const add = (test: Node, holds: boolean, end: number): void => {
      held.push({ test, holds, end });
      const { removes, at } = this.checked([{ test, holds }], text);
      // A check held in a local was made where the local is declared: a write to the value after that voids it.
      if (removes) found.push({ removes, end: Math.min(end, at ?? end) });
    };
    let current: Node = node;
    while (current.parent) {
      const parent: Node = current.parent;
      switch (parent.type) {
        case T.IfStatement:
        case T.ConditionalExpression:
          if (current === parent.consequent) add(parent.test, true, parent.test.range[1]);
          else if (current === parent.alternate) add(parent.test, false, parent.test.range[1]);
          break;
        case T.LogicalExpression:
          if (current === parent.right && parent.operator !== '??') add(parent.left, parent.operator === '&&', parent.left.range[1]);
          break;
        case T.WhileStatement:
        case T.ForStatement:
          if (current === parent.body && parent.test) add(parent.test, true, parent.test.range[1]);
          break;
        case T.SwitchCase: {
          const discriminant = (parent.parent as TSESTree.SwitchStatement).discriminant;
          if (parent.test && current !== parent.test && isConstant(parent.test) && this.text(discriminant) === text) {
            found.push({ removes: ANY_DANGER, end: discriminant.range[1] });
          }
          break;
        }
        default:
          break;
      }
      // A handler whose route runs express-validator chains and then a middleware that ends the request unless
      // `validationResult(req)` is empty (`validate`): the fields they check hold no operator object in it.
      if (isFunction(parent) && this.chainChecked(parent).has(text)) found.push({ removes: Danger.nosql, end: parent.range[0] });
      if (parent.type === T.BlockStatement || parent.type === T.Program || parent.type === T.SwitchCase || parent.type === T.StaticBlock) {
        for (const exit of this.exitsOf(parent)) {
          if (exit.stmt.range[1] > current.range[0]) break;
          add(exit.stmt.test, exit.holds, exit.stmt.range[1]);
        }
        // `if (!validator.isEmail(x)) errors.push(…)` before it: validator threw unless `x` was a string.
        for (const assertion of this.assertionsOf(parent)) {
          if (assertion.stmt.range[1] > current.range[0]) break;
          if (assertion.subject === text) found.push({ removes: Danger.nosql, end: assertion.end });
        }
      }
      current = parent;
    }
    // Facts of several tests that only together rule something out: `'/'` from one early exit and not `'//'` from
    // another (`if (!u.startsWith('/')) return …; if (u.startsWith('//')) return …;`) make a local path. A write to the
    // value after the first of them voids it.
    if (held.length > 1) {
      const { removes, at } = this.checked(held, text);
      const alone = found.reduce((all, guard) => all | guard.removes, 0);
      if (removes & ~alone) {
        const end = Math.min(...held.map((h) => h.end));
        found.push({ removes: removes & ~alone, end: Math.min(end, at ?? end) });
      }
    }
    return found;
  }

  /** The dangers ruled out for the expression written `subject` where `test` evaluates to `holds`. */
  removesFor(test: Node, holds: boolean, subject: string): number {
    return this.removesForAll([{ test, holds }], subject);
  }

  /**
   * The dangers ruled out for `subject` where every test evaluates as given (a helper's early exits and its result):
   * the facts of all of them hold together (`'/'` from one test, not `'//'` from another make a local path).
   */
  removesForAll(tests: readonly { test: Node; holds: boolean }[], subject: string): number {
    return this.checked(tests, subject).removes;
  }

  /** What `removesForAll` rules out, and the earliest place where a check it uses was made (when before its test). */
  private checked(tests: readonly { test: Node; holds: boolean }[], subject: string): { removes: number; at: number | undefined } {
    let removes = 0;
    let slash = false;
    let notDouble = false;
    let at: number | undefined;
    for (const { test, holds } of tests) {
      const fact = this.factsOf(test, holds).get(subject);
      if (!fact) continue;
      removes |= fact.removes;
      slash ||= fact.slash;
      notDouble ||= fact.notDouble;
      at = earliest(at, fact.at);
    }
    return { removes: removes | (slash && notDouble ? Danger.redirect : 0), at };
  }

  private text(node: Node): string {
    return this.sourceCode.getText(unwrap(node));
  }

  /** The check a local holds (`heldCheck`), within `MAX_HELD_CHECKS` locals inside one another. */
  private heldCheck(id: TSESTree.Identifier): Node | null {
    return this.held >= MAX_HELD_CHECKS ? null : heldCheck(this.sourceCode, id);
  }

  /** The `if` statements of a block after which one outcome of their test holds (the other branch exits). */
  private exitsOf(block: TSESTree.BlockStatement | TSESTree.Program | TSESTree.SwitchCase | TSESTree.StaticBlock): { stmt: TSESTree.IfStatement; holds: boolean }[] {
    let list = this.exits.get(block);
    if (list) return list;
    list = [];
    const body: readonly Node[] = block.type === T.SwitchCase ? block.consequent : block.body;
    for (const stmt of body) {
      if (stmt.type !== T.IfStatement) continue;
      const thenExits = exits(stmt.consequent);
      const elseExits = stmt.alternate !== null && exits(stmt.alternate);
      if (thenExits && !elseExits) list.push({ stmt, holds: false });
      else if (elseExits && !thenExits) list.push({ stmt, holds: true });
    }
    this.exits.set(block, list);
    return list;
  }

  /**
   * The statements of a block that always call a validator function asserting a string (`VALIDATOR_ASSERTS_STRING`)
   * on a value, whatever it returns: the statement itself (`validator.isEmail(x);`), an `if` test that is the call
   * (`if (!validator.isEmail(x)) errors.push(…)`), or the left-most operand of one (`if (validator.isEmpty(x) || …)`),
   * and a `const ok = validator.isEmail(x)`. Each names the checked value by its text.
   */
  private assertionsOf(block: TSESTree.BlockStatement | TSESTree.Program | TSESTree.SwitchCase | TSESTree.StaticBlock): { stmt: Node; subject: string; end: number }[] {
    let list = this.assertions.get(block);
    if (list) return list;
    list = [];
    const body: readonly Node[] = block.type === T.SwitchCase ? block.consequent : block.body;
    for (const stmt of body) {
      let expression: Node | null | undefined =
        stmt.type === T.IfStatement
          ? stmt.test
          : stmt.type === T.ExpressionStatement
            ? stmt.expression
            : stmt.type === T.VariableDeclaration && stmt.declarations.length === 1
              ? stmt.declarations[0]!.init
              : null;
      while (expression) {
        expression = unwrap(expression);
        if (expression.type === T.UnaryExpression && expression.operator === '!') expression = expression.argument;
        else if (expression.type === T.LogicalExpression) expression = expression.left;
        else break;
      }
      if (expression?.type !== T.CallExpression) continue;
      const name = this.validatorName(expression);
      const first = expression.arguments[0];
      if (name === null || !VALIDATOR_ASSERTS_STRING.test(name) || !first || first.type === T.SpreadElement) continue;
      list.push({ stmt, subject: this.text(first), end: expression.range[1] });
    }
    this.assertions.set(block, list);
    return list;
  }

  /** The validator function a call makes: `validator.isUUID(x)`, `require('validator/lib/isUUID')(x)`; else `null`. */
  private validatorName(node: TSESTree.CallExpression): string | null {
    const value = this.valueOf(unwrap(node.callee));
    return value?.module === 'validator' && value.path.length === 1
      ? value.path[0]!
      : value?.module.startsWith('validator/lib/') && value.path.length === 0
        ? value.module.slice('validator/lib/'.length)
        : null;
  }

  /** What holds for each checked expression when `test` evaluates to `holds`. */
  private factsOf(test: Node, holds: boolean): Facts {
    const memo = this.facts[holds ? 1 : 0]!;
    let facts = memo.get(test);
    if (!facts) {
      facts = new Map();
      memo.set(test, facts);
      this.collect(test, holds, facts);
    }
    return facts;
  }

  private collect(test: Node, holds: boolean, out: Facts): void {
    const node = unwrap(test);
    const fact = (subject: Node | string | undefined, update: (f: Fact) => void): void => {
      if (!subject || (typeof subject !== 'string' && (subject.type === T.SpreadElement || subject.type === T.PrivateIdentifier))) return;
      const key = typeof subject === 'string' ? subject : this.text(subject);
      let f = out.get(key);
      if (!f) {
        f = { removes: 0, slash: false, notDouble: false };
        out.set(key, f);
      }
      update(f);
    };
    const all = (subject: Node | undefined): void => fact(subject, (f) => (f.removes |= ANY_DANGER));
    switch (node.type) {
      case T.UnaryExpression:
        if (node.operator === '!') this.collect(node.argument, !holds, out);
        return;
      case T.MemberExpression:
        // `PAGES[x] ? '/' + x : '/'`: a truthy entry of an object the request does not make names a key of it.
        if (holds && node.computed && !this.isTainted(node.object)) all(node.property);
        return;
      case T.AwaitExpression: {
        // `if (!(await isAllowed(u)))`: what the awaited call resolves to (an async helper's result; `vouchedBy` asks).
        const argument = unwrap(node.argument);
        const promise = argument.type === T.Identifier ? this.heldCheck(argument) : null;
        const call = promise ? unwrap(promise) : null;
        if (!promise || call?.type !== T.CallExpression) {
          this.collect(node.argument, holds, out);
          return;
        }
        // `const p = isAllowed(u); if (!(await p)) return …`: the call a local holds, awaited here, is that check made
        // where the local is declared (as `Identifier` below; without the `await`, the promise checks nothing).
        const facts: Facts = new Map();
        const outer = this.awaitedCall;
        this.held++;
        this.awaitedCall = call;
        try {
          this.collect(call, holds, facts);
        } finally {
          this.held--;
          this.awaitedCall = outer;
        }
        for (const [key, f] of facts) out.set(key, { ...f, at: earliest(f.at, promise.range[0]) });
        return;
      }
      case T.Identifier: {
        // `const ok = await isAllowed(u); if (!ok) return …`: a local that only ever holds a check's result is that
        // check, made where the local is declared (`Fact.at`). Its initializer is read as an inline test is, so an
        // unawaited async helper's promise checks nothing here either.
        const init = this.heldCheck(node);
        if (!init) return;
        const at = init.range[0];
        this.held++;
        try {
          for (const [key, f] of this.factsOf(init, holds)) out.set(key, { ...f, at: earliest(f.at, at) });
        } finally {
          this.held--;
        }
        return;
      }
      case T.LogicalExpression:
        if ((node.operator === '&&' && holds) || (node.operator === '||' && !holds)) {
          for (const part of [node.left, node.right]) this.merge(out, this.factsOf(part, holds));
        } else {
          // `x === 'a' || x === 'b'` holds: what both sides say.
          const left = this.factsOf(node.left, holds);
          const right = this.factsOf(node.right, holds);
          for (const [key, f] of left) {
            const g = right.get(key);
            if (g) out.set(key, { removes: f.removes & g.removes, slash: f.slash && g.slash, notDouble: f.notDouble && g.notDouble, at: earliest(f.at, g.at) });
          }
        }
        return;
      case T.BinaryExpression: {
        if (node.operator === 'in') {
          if (holds && node.left.type !== T.PrivateIdentifier && !this.isTainted(node.right)) all(node.left);
          return;
        }
        if (!['===', '!==', '==', '!='].includes(node.operator)) {
          // `list.indexOf(x) >= 0`, `> -1`
          if (holds && (node.operator === '>=' || node.operator === '>')) {
            const arg = indexOfArgument(node.left);
            const n = numberOf(node.right);
            if (arg && n !== null && (node.operator === '>=' ? n >= 0 : n >= -1)) all(arg);
          }
          return;
        }
        // `isAllowed(x) === false` is `!isAllowed(x)`, `list.includes(x) === true` is `list.includes(x)`.
        const compared = booleanComparison(node);
        if (compared) this.merge(out, this.factsOf(compared.operand, holds !== compared.negated));
        const equal = node.operator.startsWith('=') === holds;
        const sides: [Node, Node][] = [[node.left, node.right], [node.right, node.left]];
        for (const [subject, other] of sides) {
          const value = unwrap(subject);
          // `new URL(ref, base).host === req.get('host')`: the URL goes to the site the request was sent to (only the
          // redirect is pinned: the host itself is still request data).
          if (equal && value.type === T.MemberExpression && HOST_KEYS.has(staticKey(value) ?? '') && this.isRequestHost(other)) pinnedHost(value, fact);
          if (equal && isConstant(other)) {
            if (value.type === T.UnaryExpression && value.operator === 'typeof') {
              const type = literalString(other);
              if (type === 'string') fact(value.argument, (f) => (f.removes |= Danger.nosql));
              else if (type === 'number' || type === 'boolean') all(value.argument);
            } else if (value.type === T.MemberExpression && HOST_KEYS.has(staticKey(value) ?? '')) {
              // `new URL(x, base).host === 'example.com'` pins where the URL goes.
              pinnedHost(value, fact);
              all(value);
            } else if (!isConstant(value)) {
              all(value);
            }
          }
          // `SAFE[x] !== undefined`, `SAFE[x] != null`
          if (!equal && isUndefinedOrNull(other) && value.type === T.MemberExpression && value.computed && !this.isTainted(value.object)) {
            all(value.property);
          }
          // `list.indexOf(x) !== -1`
          if (!equal && numberOf(other) === -1) all(indexOfArgument(value) ?? undefined);
        }
        return;
      }
      case T.CallExpression:
        if (holds) this.call(node, fact, all);
        else this.negatedCall(node, fact);
        return;
      default:
        return;
    }
  }

  /** Adds `facts` to `out`: both hold together. */
  private merge(out: Facts, facts: Facts): void {
    for (const [key, f] of facts) {
      const mine = out.get(key) ?? { removes: 0, slash: false, notDouble: false };
      out.set(key, {
        removes: mine.removes | f.removes,
        slash: mine.slash || f.slash,
        notDouble: mine.notDouble || f.notDouble,
        at: earliest(mine.at, f.at),
      });
    }
  }

  private call(node: TSESTree.CallExpression, fact: (s: Node | string | undefined, u: (f: Fact) => void) => void, all: (s: Node | undefined) => void): void {
    const callee = unwrap(node.callee);
    const [first, second] = node.arguments;
    // validator.isUUID(x), require('validator/lib/isUUID')(x)
    const validatorName = this.validatorName(node);
    if (validatorName !== null) {
      const removes = Object.hasOwn(VALIDATOR_GUARDS, validatorName) ? VALIDATOR_GUARDS[validatorName] : undefined;
      if (removes === undefined) return;
      if (validatorName === 'isURL') {
        const options = second && second.type !== T.SpreadElement ? readOptions(this.sourceCode, second) : 'unknown';
        const pinned = options !== 'unknown' && options.get('host_whitelist').kind === 'set';
        fact(first, (f) => (f.removes |= pinned ? ANY_DANGER : (removes as number)));
        return;
      }
      fact(first, (f) => (f.removes |= removes === 'all' ? ANY_DANGER : removes));
      return;
    }
    // A check the project trusts (settings): `is_relative_url('/' + next)` checks `next`, the request data in the text
    // it is given, as the URL it makes.
    const trusted = this.trustedCheck(node);
    if (trusted !== 0) {
      for (const argument of node.arguments) if (argument.type !== T.SpreadElement) for (const part of textParts(argument)) fact(part, (f) => (f.removes |= trusted));
      return;
    }
    // `if (!isAllowed(url)) return …` with `isAllowed = (x) => ALLOWED.includes(x)`, `if (!safeLocal(url))` with
    // `safeLocal = (u) => u.startsWith('/') && !u.startsWith('//')` (this file or another module).
    const vouched = this.vouchedBy(node, true, node === this.awaitedCall);
    if (vouched !== null) {
      const arg = node.arguments[vouched.param];
      if (arg && arg.type !== T.SpreadElement) fact(arg, (f) => (f.removes |= vouched.removes));
      return;
    }
    if (callee.type !== T.MemberExpression) return;
    const key = staticKey(callee);
    const object = unwrap(callee.object);
    switch (key) {
      case 'includes':
      case 'has':
        if (!this.isTainted(callee.object)) {
          all(first);
          // `FILES.includes(\`${pkg}/${file}\`)`: each part of a listed text is a piece of a listed entry (thelounge); so
          // is each part of the text a `const` holds (`const key = \`${pkg}/${file}\`; FILES.includes(key)`).
          const text = first && first.type !== T.SpreadElement ? resolveConst(this.sourceCode, first) : null;
          if (text?.type === T.TemplateLiteral || (text?.type === T.BinaryExpression && text.operator === '+')) for (const part of textParts(text)) all(part);
          // `ALLOWED.has(new URL(x, base).hostname)` pins where the URL goes, as `=== 'example.com'` does.
          const listed = first && first.type !== T.SpreadElement ? unwrap(first) : null;
          if (listed?.type === T.MemberExpression && HOST_KEYS.has(staticKey(listed) ?? '')) pinnedHost(listed, fact);
        }
        return;
      case 'hasOwn':
        // `Object.hasOwn(SAFE, x)`
        if (object.type === T.Identifier && object.name === 'Object' && second && !this.isTainted(first!)) all(second);
        return;
      case 'hasOwnProperty':
        if (!this.isTainted(callee.object)) all(first);
        return;
      case 'call':
        // `Object.prototype.hasOwnProperty.call(SAFE, x)`
        if (object.type === T.MemberExpression && staticKey(object) === 'hasOwnProperty' && second && !this.isTainted(first!)) all(second);
        return;
      case 'isEmpty': {
        // `validationResult(req).isEmpty()` after express-validator chains with a string validator.
        for (const field of this.validatedFields(node, object)) fact(field, (f) => (f.removes |= Danger.nosql));
        // (What a `validate` middleware tests before it calls `next()`: `passesOnlyValid`.)
        const request = this.validationResultRequest(object);
        if (request) fact(`${VALIDATION_PASSED}${this.text(request)}`, (f) => (f.removes |= ANY_DANGER));
        return;
      }
      case 'isInteger':
      case 'isSafeInteger':
      case 'isFinite':
      case 'isValidObjectId':
      case 'isValid':
        all(first);
        return;
      case 'test':
        if (isAnchoredRegex(this.sourceCode, callee.object)) all(first);
        return;
      case 'match':
        if (first && first.type !== T.SpreadElement && isAnchoredRegex(this.sourceCode, first)) all(callee.object);
        return;
      case 'startsWith': {
        const prefix = literalString(first);
        fact(callee.object, (f) => {
          f.removes |= Danger.path | Danger.wholePath;
          if (prefix === '/') f.slash = true;
          else if (prefix !== null && FIXED_ORIGIN.test(prefix) && !prefix.startsWith('?') && !prefix.startsWith('#')) f.removes |= Danger.redirect;
        });
        return;
      }
      default:
        return;
    }
  }

  /**
   * `validationResult(req).isEmpty()` (or `errors.isEmpty()` with `const errors = validationResult(req)`): the fields,
   * as request members written with that `req` (`req.body.email`), that express-validator chains with a validator
   * rejecting objects (`EXPRESS_VALIDATOR_STRING_VALIDATORS`) checked before it: chains awaited with `.run(req)` in
   * the same function before the check, and chains before the handler on its route (in the same call, or on the
   * route the model knows, in any file).
   */
  private validatedFields(test: TSESTree.CallExpression, object: Node): string[] {
    const request = this.validationResultRequest(object);
    if (!request) return [];
    const requestText = this.text(request);
    let fn: Node | undefined = test.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    if (!fn) return [];
    const chains: (Node | { node: Node; root: string })[] = [];
    // `await check('email').isEmail().run(req)` before the check, in this function.
    const visit = (node: Node): void => {
      if (node.range[0] >= test.range[0]) return;
      if (node.type === T.AwaitExpression) {
        const run = unwrap(node.argument);
        const arg = run.type === T.CallExpression ? run.arguments[0] : undefined;
        if (run.type === T.CallExpression && run.callee.type === T.MemberExpression && staticKey(run.callee) === 'run' && arg && arg.type !== T.SpreadElement && this.text(arg) === requestText) {
          chains.push(run.callee.object);
        }
      }
      for (const key of this.sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(child) ? child : [child]) {
          if (c && typeof (c as Node).type === 'string' && !isFunction(c as Node)) visit(c as Node);
        }
      }
    };
    const fnNode = fn as Node & { body: Node };
    visit(fnNode.body);
    // `app.post('/login', body('email').isEmail(), (req, res) => …)`
    const register = fn.parent;
    if (register?.type === T.CallExpression && register.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      for (const arg of register.arguments) {
        if (arg === fn) break;
        chains.push(...this.listed(arg));
      }
    } else {
      // On a route of another file: its nodes are read as written, the chain's module from the model's value.
      for (const item of this.routeChainBefore(fn)) chains.push(...this.chainsOf(item));
    }
    const fields: string[] = [];
    for (const entry of chains) {
      const { node: chain, root } = 'root' in entry ? entry : { node: entry, root: undefined };
      const read = this.stringChain(chain, root);
      if (read) for (const location of read.locations) fields.push(`${requestText}.${location}.${read.field}`);
    }
    return fields;
  }

  /**
   * The request argument of `validationResult(req)`, written there or in the `const` that `object` is (`const errors =
   * validationResult(req)`), when it is express-validator's; else `null`.
   */
  private validationResultRequest(object: Node): Node | null {
    let result = unwrap(object);
    if (result.type === T.Identifier) {
      const def = findVariableOf(this.sourceCode, result)?.defs[0];
      if (def?.node.type !== T.VariableDeclarator || def.parent?.type !== T.VariableDeclaration || def.parent.kind !== 'const' || !def.node.init) return null;
      result = unwrap(def.node.init);
    }
    if (result.type !== T.CallExpression || !this.isExpressValidator(result.callee, 'validationResult')) return null;
    const request = result.arguments[0];
    return request && request.type !== T.SpreadElement ? request : null;
  }

  /**
   * The express-validator chains a route item holds, to read with `stringChain`: as written in the route's file (an
   * array or a `const` of it there), or, for one that another file of the package exports (`validators.createUser`, an
   * exported array), where that file writes it, with its root function from the model's value.
   */
  private chainsOf(item: ChainItem): (Node | { node: Node; root: string })[] {
    const root = item.value && EXPRESS_VALIDATOR_MODULES.has(item.value.module) ? item.value.path[0] : undefined;
    if (root === undefined) return this.listed(item.node);
    if (item.from) return [{ node: item.value!.node, root }];
    return this.listed(item.node).map((node) => ({ node, root }));
  }

  private readonly chainFields = new Map<Node, ReadonlySet<string>>();

  /**
   * The request fields (`req.body.email`, written with handler `fn`'s request parameter) that express-validator chains
   * with a validator rejecting objects check before `fn` on its route, when a middleware after them and before `fn` lets
   * the request through only when `validationResult(req)` is empty (`passesOnlyValid`): `app.post('/invite',
   * body('email').isEmail(), validate, handler)`, the chains in a `const` array or exported by another file, the
   * middleware of this file or of another.
   */
  private chainChecked(fn: FunctionNode): ReadonlySet<string> {
    const known = this.chainFields.get(fn);
    if (known) return known;
    const fields = new Set<string>();
    this.chainFields.set(fn, fields);
    const request = fn.params[0];
    if (request?.type !== T.Identifier) return fields;
    const items = this.routeChainBefore(fn);
    // (Candidate-first: the middleware after the first chain is read only on a route that has one; one of another file
    // is read then, not for every route.)
    const reads = items.map((item) =>
      this.chainsOf(item).flatMap((entry) => {
        const { node: chain, root } = 'root' in entry ? entry : { node: entry, root: undefined };
        return this.stringChain(chain, root) ?? [];
      }),
    );
    // `validate([body('email').isEmail()])`: a factory of the package that runs the chains it is given and gates.
    for (const item of items) {
      for (const chain of this.gatedByFactory(item)) {
        const read = this.stringChain(chain);
        if (read) for (const location of read.locations) fields.add(`${request.name}.${location}.${read.field}`);
      }
    }
    const first = reads.findIndex((read) => read.length > 0);
    if (first < 0) return fields;
    let gate = items.length - 1;
    while (gate > first && !this.passesOnlyValid(items[gate]!)) gate--;
    for (const read of reads.slice(0, gate > first ? gate : 0)) {
      for (const { field, locations } of read) for (const location of locations) fields.add(`${request.name}.${location}.${field}`);
    }
    return fields;
  }

  /**
   * Whether a route item is a middleware `(req, res, next)` (of the route's file, or of another file of the package)
   * that calls `next()` only where express-validator's `validationResult(req).isEmpty()` holds: after `if
   * (!errors.isEmpty()) return res.status(422)…`, in `if (errors.isEmpty()) return next()`, `errors.isEmpty() ? next() :
   * …`. `next` must not go anywhere else (`next(err)` ends the route). Read with the function's own file's source and
   * module calls.
   */
  private passesOnlyValid(item: ChainItem): boolean {
    if (item.value && !item.value.module.startsWith('.')) return false;
    const elsewhere = item.fn ? undefined : item.elsewhere;
    const fn = item.fn ?? elsewhere?.fn;
    if (!fn || fn.params.length !== 3) return false;
    const [request, , next] = fn.params;
    if (request?.type !== T.Identifier || next?.type !== T.Identifier) return false;
    const source = elsewhere?.sourceCode ?? sourceOf(fn) ?? this.sourceCode;
    let valueOf = this.valueOf;
    if (source !== this.sourceCode) {
      const calls = elsewhere?.moduleCalls ?? moduleCallsOfFile(fn) ?? [];
      valueOf = (node) => calls.find((call) => unwrap(call.node.callee) === node)?.callee;
    }
    const variable = findVariableOf(source, next);
    if (!variable) return false;
    const finder = new GuardFinder(source, valueOf, () => false);
    let passes = 0;
    for (const ref of variable.references) {
      const call = ref.identifier.parent;
      if (call?.type !== T.CallExpression || call.callee !== ref.identifier) return false;
      if (call.arguments.length > 0) continue;
      if (!finder.guardsOn(call, `${VALIDATION_PASSED}${request.name}`).some((guard) => guard.removes !== 0)) return false;
      passes++;
    }
    return passes > 0;
  }

  /**
   * The express-validator chains of `validate([body('email').isEmail(), …])` when `validate` is a function of the package
   * (this file or another: `MiddlewareItem.factory`) that returns a middleware `(req, res, next)` which runs the chains
   * it is given on the request (`validations.map((v) => v.run(req))`, `for (const v of validations) await v.run(req)`)
   * and calls `next()` only where `validationResult(req)` is empty (`passesOnlyValid`): the common wrapper of
   * express-validator's docs. Else none.
   */
  private gatedByFactory(item: ChainItem): Node[] {
    const call = unwrap(item.node);
    if (call.type !== T.CallExpression || call.arguments.length !== 1 || call.arguments[0]!.type === T.SpreadElement) return [];
    const made = item.factory;
    const param = made?.fn.params[0];
    if (!made || made.fn.params.length !== 1 || param?.type !== T.Identifier) return [];
    const returned = soleReturn(made.fn);
    const middleware = returned ? unwrap(returned) : null;
    if (!middleware || !isFunction(middleware) || middleware.params.length !== 3 || middleware.params[0]!.type !== T.Identifier) return [];
    const request = middleware.params[0]!.name;
    const keys = made.sourceCode.visitorKeys ?? this.sourceCode.visitorKeys;
    // It runs what it is given on the request: `.run(req)` on an element of the factory's parameter
    // (`validations.map((v) => v.run(req))`, `for (const v of validations) await v.run(req)`).
    const isParam = (n: Node): boolean => n.type === T.Identifier && findVariableOf(made.sourceCode, n)?.defs[0]?.name === param;
    const runs = someNode(keys, middleware.body, (n) => {
      if (n.type !== T.CallExpression || n.callee.type !== T.MemberExpression || staticKey(n.callee) !== 'run') return false;
      const arg = n.arguments[0];
      const element = unwrap(n.callee.object);
      const variable = element.type === T.Identifier ? findVariableOf(made.sourceCode, element) : null;
      const list = variable ? elementSource(variable) : null;
      return arg?.type === T.Identifier && arg.name === request && list !== null && isParam(unwrap(list));
    });
    if (!runs) return [];
    const local = made.sourceCode === this.sourceCode;
    const gate: ChainItem = local
      ? { node: middleware, value: undefined, fn: middleware }
      : { node: middleware, value: undefined, elsewhere: { fn: middleware, sourceCode: made.sourceCode, file: '', moduleCalls: made.moduleCalls } };
    return this.passesOnlyValid(gate) ? this.listed(call.arguments[0]!) : [];
  }

  /** A chain, an array of chains, or a `const` holding either. */
  private listed(node: Node, depth = 0): Node[] {
    const inner = unwrap(node);
    if (depth > 3) return [];
    if (inner.type === T.ArrayExpression) return inner.elements.flatMap((e) => (e && e.type !== T.SpreadElement ? this.listed(e, depth + 1) : []));
    if (inner.type === T.Identifier) {
      const def = findVariableOf(this.sourceCode, inner)?.defs[0];
      if (def?.node.type === T.VariableDeclarator && def.parent?.type === T.VariableDeclaration && def.parent.kind === 'const' && def.node.init) {
        return this.listed(def.node.init, depth + 1);
      }
      return [];
    }
    return [inner];
  }

  /** `body('email').isEmail().trim()`: the field and its locations, when a validator rejects objects and nothing undoes it. */
  private stringChain(chain: Node, root?: string): { field: string; locations: readonly string[] } | null {
    let current = unwrap(chain);
    let validated = false;
    while (current.type === T.CallExpression && current.callee.type === T.MemberExpression) {
      const method = staticKey(current.callee) ?? '';
      if (EXPRESS_VALIDATOR_STRING_VALIDATORS.has(method)) validated = true;
      else if (!EXPRESS_VALIDATOR_KEEPING_METHODS.has(method)) return null;
      current = unwrap(current.callee.object);
    }
    if (!validated || current.type !== T.CallExpression) return null;
    const field = literalString(current.arguments[0]);
    if (field === null || !/^[\w$]+(?:\.[\w$]+)*$/u.test(field)) return null;
    if (root !== undefined) {
      const locations = Object.hasOwn(EXPRESS_VALIDATOR_FIELD_FUNCTIONS, root) ? EXPRESS_VALIDATOR_FIELD_FUNCTIONS[root] : undefined;
      return locations ? { field, locations } : null;
    }
    for (const [name, locations] of Object.entries(EXPRESS_VALIDATOR_FIELD_FUNCTIONS)) {
      if (this.isExpressValidator(current.callee, name)) return { field, locations };
    }
    return null;
  }

  private isExpressValidator(callee: Node, name: string): boolean {
    const value = this.valueOf(unwrap(callee)) ?? this.valueInItsFile(callee);
    return value !== undefined && EXPRESS_VALIDATOR_MODULES.has(value.module) && value.path.length === 1 && value.path[0] === name;
  }

  /**
   * The module value a callee of another file holds, as that file's model reads it (a chain written in the route's file,
   * `body('email')`, read for a controller of another file); `undefined` for a node of this file.
   */
  private valueInItsFile(callee: Node): ModuleValue | undefined {
    const source = sourceOf(callee);
    if (!source || source === this.sourceCode) return undefined;
    const inner = unwrap(callee);
    return moduleCallsOfFile(callee)?.find((call) => unwrap(call.node.callee) === inner)?.callee;
  }

  private negatedCall(node: TSESTree.CallExpression, fact: (s: Node | string | undefined, u: (f: Fact) => void) => void): void {
    // `if (isUnsafe(url)) return …` with `isUnsafe = (u) => !u.startsWith('/') || u.startsWith('//')` (this file or another module).
    const vouched = this.vouchedBy(node, false, node === this.awaitedCall);
    if (vouched !== null) {
      const arg = node.arguments[vouched.param];
      if (arg && arg.type !== T.SpreadElement) fact(arg, (f) => (f.removes |= vouched.removes));
      return;
    }
    const callee = unwrap(node.callee);
    if (callee.type !== T.MemberExpression || staticKey(callee) !== 'startsWith') return;
    const prefix = literalString(node.arguments[0]);
    if (prefix === '//' || prefix === '/\\') fact(callee.object, (f) => (f.notDouble = true));
  }
}

/** The parts of a parsed URL that say where it goes (`new URL(x, base).host === 'example.com'`). */
const HOST_KEYS: ReadonlySet<string> = new Set(['host', 'hostname', 'origin']);

/**
 * `url.hostname` checked against constants: the parsed URL goes where they say, and so does the text it was parsed from
 * when it is parsed right there against a base (`new URL(u, base).hostname`: `res.redirect(u)` resolves `u` as the
 * browser does against the page, the base's site).
 */
function pinnedHost(member: TSESTree.MemberExpression, fact: (s: Node | string | undefined, u: (f: Fact) => void) => void): void {
  const parsed = unwrap(member.object);
  fact(parsed, (f) => (f.removes |= Danger.redirect));
  if (parsed.type === T.NewExpression && parsed.callee.type === T.Identifier && parsed.callee.name === 'URL' && parsed.arguments.length === 2) {
    const [text] = parsed.arguments;
    if (!text || text.type === T.SpreadElement) return;
    // `new URL(ref || '/', base)`: when `ref` is set, it is what was parsed (and when it is not, it sends nowhere).
    for (let part: Node = text, depth = 0; depth < 4; depth++) {
      fact(part, (f) => (f.removes |= Danger.redirect));
      const inner = unwrap(part);
      if (inner.type !== T.LogicalExpression || inner.operator === '&&') break;
      part = inner.left;
    }
  }
}

/** The values a text is made of: the operands of `+` and the expressions of a template literal, else the node itself. */
function textParts(node: Node, depth = 0): Node[] {
  const inner = unwrap(node);
  if (depth < 16 && inner.type === T.BinaryExpression && inner.operator === '+') return [...textParts(inner.left, depth + 1), ...textParts(inner.right, depth + 1)];
  if (depth < 16 && inner.type === T.TemplateLiteral) return inner.expressions.flatMap((e) => textParts(e, depth + 1));
  return [inner];
}

/**
 * A statement that always leaves the code after it: `return`, `throw`, `continue`, `break`, a block with one such
 * statement among its own (what follows it there is dead), or an `if` whose both branches do. The one reading of an
 * early exit for guards, development checks (`error-details.ts`) and the function summaries' checks of a parameter.
 */
export function exits(stmt: Node): boolean {
  if (stmt.type === T.ReturnStatement || stmt.type === T.ThrowStatement || stmt.type === T.ContinueStatement || stmt.type === T.BreakStatement) return true;
  if (stmt.type === T.BlockStatement) return stmt.body.some(exits);
  if (stmt.type === T.IfStatement) return exits(stmt.consequent) && stmt.alternate !== null && exits(stmt.alternate);
  return false;
}

/**
 * The initializer of the local that `id` reads, when the local only ever holds it at `id`: a `const`, or a `let` /
 * `var` nothing assigns again, declared with a value before `id` in the same function (a `var` not in a nested
 * block, whose names may be the block's). Else `null`, and the test checks nothing. The one reading of a check held
 * in a local (`const ok = isSafe(u); if (!ok) return …`) for guards and the hand-written checks of
 * `require-input-validation` (`validation-calls.ts`); callers bound how many they follow inside one another.
 */
export function heldCheck(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): Node | null {
  const variable = findVariableOf(sourceCode, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id !== def.name || !def.node.init) return null;
  if (variable!.references.some((r) => r.isWrite() && !r.init)) return null;
  if (def.node.range[1] > id.range[0] || enclosingFunction(def.node) !== enclosingFunction(id)) return null;
  const declaration = def.parent;
  if (declaration?.type !== T.VariableDeclaration) return null;
  if (declaration.kind === 'var' && declaration.parent.type !== T.Program && !(declaration.parent.type === T.BlockStatement && isFunction(declaration.parent.parent))) {
    return null;
  }
  return def.node.init;
}

/**
 * A check compared with a boolean: `x === false`, `x == false`, `x !== true` are `!x`; `x === true`, `x !== false` are
 * `x` (`['a', 'b'].includes(scope) === false`, `isAllowed(u) === false`). The check is taken to give a boolean, as
 * the checks that guards read do. Else `null`. The one reading of such a test for guards and the hand-written checks
 * of `require-input-validation` (`validation-calls.ts`).
 */
export function booleanComparison(node: Node): { operand: Node; negated: boolean } | null {
  const inner = unwrap(node);
  if (inner.type !== T.BinaryExpression || !['===', '!==', '==', '!='].includes(inner.operator)) return null;
  for (const [side, other] of [[inner.left, inner.right], [inner.right, inner.left]] as const) {
    const literal = unwrap(other);
    if (side.type === T.PrivateIdentifier || literal.type !== T.Literal || typeof literal.value !== 'boolean') continue;
    return isConstant(side) ? null : { operand: side, negated: inner.operator.startsWith('=') !== literal.value };
  }
  return null;
}

function isConstant(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type === T.Literal) return inner.value !== null && !('regex' in inner && inner.regex);
  if (inner.type === T.TemplateLiteral) return inner.expressions.length === 0;
  if (inner.type === T.UnaryExpression && inner.operator === '-') return inner.argument.type === T.Literal;
  return false;
}

function isUndefinedOrNull(node: Node): boolean {
  const inner = unwrap(node);
  return (inner.type === T.Identifier && inner.name === 'undefined') || (inner.type === T.Literal && inner.value === null && !('regex' in inner));
}

function numberOf(node: Node): number | null {
  const inner = unwrap(node);
  if (inner.type === T.Literal && typeof inner.value === 'number') return inner.value;
  if (inner.type === T.UnaryExpression && inner.operator === '-' && inner.argument.type === T.Literal && typeof inner.argument.value === 'number') {
    return -inner.argument.value;
  }
  return null;
}

/** `x` of `list.indexOf(x)`. */
function indexOfArgument(node: Node): Node | null {
  const inner = unwrap(node);
  if (inner.type !== T.CallExpression || inner.callee.type !== T.MemberExpression || staticKey(inner.callee) !== 'indexOf') return null;
  const arg = inner.arguments[0];
  return arg && arg.type !== T.SpreadElement ? arg : null;
}

/** A regex literal (or a `const` holding one) that matches the whole string: `^…$` without a top-level `|`. */
function isAnchoredRegex(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  let inner = unwrap(node);
  if (inner.type === T.Identifier) {
    const def = findVariableOf(sourceCode, inner)?.defs[0];
    if (def?.node.type === T.VariableDeclarator && def.node.init && def.parent?.type === T.VariableDeclaration && def.parent.kind === 'const') {
      inner = unwrap(def.node.init);
    }
  }
  if (inner.type !== T.Literal || !('regex' in inner) || !inner.regex) return false;
  const { pattern, flags } = inner.regex;
  if (flags.includes('m') || !pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/**
 * Whether `node`, inside the test `root`, reads only the presence, the length or that it is text of a value that
 * `isSubject` names: the value itself where only its truth counts (`if (!name)`, `name && …`, `!name || …`),
 * `name.length`, `name == null`, `name === undefined`, `typeof name === 'string'` (or `'undefined'`),
 * `Array.isArray(name)`. Such a reading rules out nothing that text carries ('../', a '//' host, a quote): a test
 * that reads a value only so is no check of it for a text sink, as guards read such tests (they remove nothing). For
 * an `object` sink (`objects`: a NoSQL filter, where an operator object is the danger) the type readings are checks
 * (`typeof name !== 'string'` rules the object out), and only presence and length readings are skipped. The summaries
 * of helpers skip such readings when they look for a test of a parameter.
 */
export function readsPresenceOnly(node: Node, root: Node, isSubject: (node: Node) => boolean, objects = false): boolean {
  if (node.type === T.MemberExpression && !node.computed && node.property.type === T.Identifier && node.property.name === 'length') return isSubject(unwrap(node.object));
  if (node.type === T.BinaryExpression && ['===', '!==', '==', '!='].includes(node.operator)) {
    for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
      const inner = unwrap(side as Node);
      if (isUndefinedOrNull(other) && isSubject(inner)) return true;
      if (objects || inner.type !== T.UnaryExpression || inner.operator !== 'typeof' || !isSubject(unwrap(inner.argument))) continue;
      const type = literalString(unwrap(other));
      return type === 'string' || type === 'undefined';
    }
    return false;
  }
  if (!objects && node.type === T.CallExpression && node.arguments.length === 1 && node.arguments[0]!.type !== T.SpreadElement && isSubject(unwrap(node.arguments[0]!))) {
    const callee = unwrap(node.callee);
    return callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.object.name === 'Array' && staticKey(callee) === 'isArray';
  }
  if (!isSubject(node)) return false;
  // The value itself where only its truth counts: the test, or under `!`, `&&`, `||` up to it.
  let current: Node = node;
  while (current !== root) {
    const up: Node | undefined = current.parent;
    if (!up) return false;
    const boolean =
      (up.type === T.UnaryExpression && up.operator === '!') ||
      (up.type === T.LogicalExpression && up.operator !== '??') ||
      up.type === T.TSNonNullExpression ||
      up.type === T.TSAsExpression;
    if (!boolean) return false;
    current = up;
  }
  return true;
}
