import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';

import type { Report } from 'scslre';

import { Danger } from '../data/sinks';
import { findVariableOf, getRequestData, staticValueOf, unwrap } from '../express';
import { createRule, fileSigns } from '../util/create-rule';
import { keptTable } from '../util/kept-results';

type Options = [];
type MessageIds = 'superLinear' | 'requestPattern' | 'useFixed';

interface Finding {
  exponential: boolean;
  /** The quantifiers that backtrack, as written (`(a+)+`, `\d*` and `\w+`). */
  where: string;
  /** The character whose repetition makes matching slow. */
  char: string;
  /** An equivalent linear regex, when scslre knows one. */
  fixed: { source: string; flags: string } | undefined;
}

/** Analyses by `flags/source`, shared by every file of the run (patterns repeat across files). */
const analyses = new Map<string, Finding | null>();
const MAX_CACHED = 5000;
const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * scslre (with refa, about a third of the plugin's load time) is loaded on the first pattern that may backtrack: a run
 * whose regexes are all linear never pays for it.
 */
let scslre: typeof import('scslre') | undefined;
function loadScslre(): typeof import('scslre') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (scslre ??= require('scslre') as typeof import('scslre'));
}

/**
 * scslre's verdicts, kept between processes (src/util/kept-results.ts): a later lint of the same patterns does not load
 * scslre at all (with refa, about 250 M instructions of mongo-express's lint, where two patterns need it). They depend
 * on the installed scslre, refa, regexp-ast-analysis and regexpp: a verdict of other versions is not read back.
 */
const kept = keptTable<Finding | null>('no-unsafe-regex', { stamp: analysisLibraries, valid: isFindingOrNull });

function analysisLibraries(): string {
  const load = createRequire(__filename);
  const fromScslre = createRequire(load.resolve('scslre'));
  const version = (from: NodeJS.Require, name: string): string => `${name}@${(from(`${name}/package.json`) as { version: string }).version}`;
  return [version(load, 'scslre'), version(fromScslre, 'refa'), version(fromScslre, 'regexp-ast-analysis'), version(load, '@eslint-community/regexpp')].join(' ');
}

function isFindingOrNull(value: unknown): value is Finding | null {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const { exponential, where, char, fixed } = value as Record<string, unknown>;
  if (typeof exponential !== 'boolean' || typeof where !== 'string' || typeof char !== 'string') return false;
  if (fixed === undefined) return true;
  if (typeof fixed !== 'object' || fixed === null) return false;
  const { source, flags } = fixed as Record<string, unknown>;
  return typeof source === 'string' && typeof flags === 'string';
}

/** The first super-linear backtracking in a pattern (scslre), or `null`; `null` too when it does not parse. */
export function analyseRegex(source: string, flags: string): Finding | null {
  const key = `${flags}/${source}`;
  const known = analyses.get(key);
  if (known !== undefined) return known;
  let finding: Finding | null = null;
  // Two quantifiers, or a repeated group (`(a|aa)+`): anything else is linear and is not parsed.
  if (countQuantifiers(source) < 2 && !REPEATED_GROUP.test(source)) {
    remember(key, null);
    return null;
  }
  try {
    const pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
    const parsedFlags = parser.parseFlags(flags);
    // Backtracking between quantifiers needs two unbounded ones, or one inside a repeated group: most
    // patterns have neither and skip the (much costlier) analysis.
    if (mayBacktrack(pattern, flags)) {
      const stored = kept.get(key);
      if (stored !== undefined) finding = stored;
      else {
        const result = loadScslre().analyse({ pattern, flags: parsedFlags }, { maxReports: 4, reportTypes: { Move: false } });
        const report = result.reports.find((r) => !(r.type === 'Trade' && cannotFailAfter(r.endQuant, parsedFlags.dotAll)));
        if (report) finding = describe(report);
        kept.set(key, finding);
      }
    }
    // scslre only sees unbounded quantifiers that overlap: `(a|aa)+` and `(x{2,4})+` escape it.
    finding ??= ambiguousRepetition(pattern, flags);
  } catch {
    finding = null;
  }
  remember(key, finding);
  return finding;
}

function remember(key: string, finding: Finding | null): void {
  if (analyses.size >= MAX_CACHED) analyses.clear();
  analyses.set(key, finding);
}

const REPEATED_GROUP = /\)(?:[*+]|\{\d+,\})/u;

/** `*`, `+` and `{` outside escapes and character classes: an upper bound of the quantifiers, read without parsing. */
function countQuantifiers(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '*' || c === '+' || c === '{') count++;
  }
  return count;
}

/**
 * True when the pattern has an unbounded quantifier inside a quantifier that repeats, or two unbounded ones of which
 * one may give characters to a later one (see `fenced`): only then can scslre find a backtracking.
 */
export function mayBacktrack(pattern: AST.Pattern, flags: string): boolean {
  const unbounded: AST.Quantifier[] = [];
  let nested = false;
  const visit = (node: AST.Node, repeatedAbove: boolean): void => {
    switch (node.type) {
      case 'Pattern':
      case 'Group':
      case 'CapturingGroup':
      case 'Assertion':
        if ('alternatives' in node) for (const alt of node.alternatives) visit(alt, repeatedAbove);
        return;
      case 'Alternative':
        for (const element of node.elements) visit(element, repeatedAbove);
        return;
      case 'Quantifier':
        if (node.max === Infinity) {
          unbounded.push(node);
          if (repeatedAbove) nested = true;
        }
        visit(node.element, repeatedAbove || node.max >= 2);
        return;
      default:
        return;
    }
  };
  visit(pattern, false);
  if (nested) return true;
  if (unbounded.length < 2) return false;
  const matches = characterTester(flags);
  return !unbounded.every((quant) => fenced(quant, matches));
}

/** What a walk from the end of a quantifier meets in a part of the pattern (see `fenceIn`). */
type Fence = 'fenced' | 'open' | 'pass';

/**
 * Whether no later unbounded quantifier can take characters from `quant` (an unbounded one, repeated by nothing):
 * every way from its end to one goes through a character that `quant` cannot match (`\w+:.*`, `[^"]*"\s*`, `\s*=+`),
 * or there is none after it. Two quantifiers trade characters (scslre's 'Trade') only when a character consumed by
 * the first in one match is consumed by the second in another; the character between them would then be consumed by
 * the first, which cannot. Only quantifiers of one character (`a`, `[a-z]`, `\d`, `.`) are read, and only single
 * characters as fences (classes between are not compared); anything else is left to scslre. A test runs scslre on
 * random patterns this lets go.
 */
function fenced(quant: AST.Quantifier, matches: (element: AST.Node, char: string) => boolean): boolean {
  const element = quant.element;
  if (element.type !== 'Character' && element.type !== 'CharacterClass' && element.type !== 'CharacterSet') return false;
  let child: AST.Node = quant;
  for (let parent: AST.Node | null = quant.parent; parent; child = parent, parent = parent.parent as AST.Node | null) {
    switch (parent.type) {
      case 'Alternative': {
        for (const next of parent.elements.slice(parent.elements.indexOf(child as AST.Element) + 1)) {
          const met = fenceIn(next, element, matches);
          if (met === 'fenced') return true;
          if (met === 'open') return false;
        }
        break;
      }
      case 'Group':
      case 'CapturingGroup':
        break;
      case 'Quantifier':
        // Repeated: its next iteration starts after `quant` (mayBacktrack's nested case reads the unbounded ones).
        if (parent.max >= 2) return false;
        break;
      case 'Pattern':
        return true;
      default:
        // A lookaround, or anything else: left to scslre.
        return false;
    }
  }
  return false;
}

/**
 * A walk through `node` after a quantifier of `element`: 'fenced' when every way through it meets a character
 * `element` cannot match before any unbounded quantifier, 'open' when some way meets an unbounded quantifier (or
 * something not read here) first, 'pass' when some way goes through without either.
 */
function fenceIn(node: AST.Node, element: AST.Node, matches: (element: AST.Node, char: string) => boolean): Fence {
  switch (node.type) {
    case 'Character':
      // With `i`, both the character and `element` hold every case of it: one test answers for all.
      return matches(element, String.fromCodePoint(node.value)) ? 'pass' : 'fenced';
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return 'pass';
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind' ? 'open' : 'pass';
    case 'Quantifier': {
      const met = fenceIn(node.element, element, matches);
      // An unbounded quantifier takes characters from `quant` unless each of its repetitions starts at a fence
      // (`\w*=+`); the rest of a quantifier that may be skipped is walked on.
      if (met === 'open' || (node.max === Infinity && met !== 'fenced')) return 'open';
      return node.min === 0 ? 'pass' : met;
    }
    case 'Group':
    case 'CapturingGroup': {
      const met = node.alternatives.map((alternative) => fenceIn(alternative, element, matches));
      if (met.includes('open')) return 'open';
      return met.every((m) => m === 'fenced') ? 'fenced' : 'pass';
    }
    case 'Alternative':
      for (const next of node.elements) {
        const met = fenceIn(next, element, matches);
        if (met !== 'pass') return met;
      }
      return 'pass';
    default:
      // A backreference matches what a group took: not read.
      return 'open';
  }
}

/**
 * Whether the match always succeeds once `quant` is reached: it repeats any character without bound and only
 * `$` (or nothing) follows it up to the end of the pattern, as `(.*)$` with the `s` flag or `[\s\S]*$`. A trade
 * that ends in such a quantifier never backtracks (no input makes the rest fail): `/^(\s*)(\S+)(.*)$/s`.
 */
function cannotFailAfter(quant: AST.Quantifier, dotAll: boolean): boolean {
  if (quant.max !== Infinity || !matchesAnyCharacter(quant.element, dotAll)) return false;
  let child: AST.Node = quant;
  for (let parent: AST.Node | null = quant.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'Pattern') return true;
    if (parent.type === 'Alternative') {
      const rest = parent.elements.slice(parent.elements.indexOf(child as AST.Element) + 1);
      if (!rest.every((e) => e.type === 'Assertion' && e.kind === 'end')) return false;
    } else if (parent.type !== 'Group' && parent.type !== 'CapturingGroup') {
      return false;
    }
  }
  return false;
}

/** `.` with the `s` flag, `[\s\S]`, `[^]` and the like: an element that matches every single character. */
function matchesAnyCharacter(element: AST.QuantifiableElement, dotAll: boolean): boolean {
  if (element.type === 'CharacterSet' && element.kind === 'any') return dotAll;
  if (element.type !== 'CharacterClass' || element.unicodeSets) return false;
  if (element.negate) return element.elements.length === 0;
  const kinds = new Set(element.elements.map((e) => (e.type === 'CharacterSet' && e.kind !== 'property' ? `${e.kind}${e.negate ? '-' : '+'}` : '')));
  return ['space', 'digit', 'word'].some((kind) => kinds.has(`${kind}+`) && kinds.has(`${kind}-`));
}

/** Lengths are counted up to this bound; ambiguity shows up well before it. */
const MAX_LENGTH = 12;
/** How many ways a body matches a string of one length: 0, 1, or 2 for "two or more". */
type Ways = Map<number, 1 | 2>;

/**
 * An unbounded repetition whose body matches a run of one character in two ways, of two lengths (`(a|aa)+`,
 * `([a-z0-9]{2,4})+`) or of one length (`(\w|\d)+`, `(a|a?)+`): a run of n such characters then splits between the
 * iterations in exponentially many ways, and each is tried when what follows the repetition fails (`$` against a
 * trailing `!`). scslre reports nested unbounded quantifiers (`(a+)+`) and trades between quantifiers, not this.
 * Only repetitions that something follows are reported: one that ends the pattern succeeds on its first try.
 */
function ambiguousRepetition(pattern: AST.Pattern, flags: string): Finding | null {
  const tester = characterTester(flags);
  let found: Finding | null = null;
  const visit = (node: AST.Node): void => {
    if (found) return;
    if (node.type === 'Quantifier') {
      if (node.max === Infinity && (node.element.type === 'Group' || node.element.type === 'CapturingGroup') && followedByMore(node)) {
        for (const char of candidateCharacters(node.element)) {
          const ways = waysToMatch(node.element, char, tester);
          if (ways === null) break;
          const lengths = [...ways].filter(([length]) => length > 0);
          if (lengths.length >= 2 || lengths.some(([, count]) => count === 2)) {
            found = { exponential: true, where: `'${node.raw}'`, char, fixed: undefined };
            return;
          }
        }
      }
      visit(node.element);
      return;
    }
    if ('alternatives' in node) for (const alternative of node.alternatives) visit(alternative);
    else if (node.type === 'Alternative') for (const element of node.elements) visit(element);
  };
  visit(pattern);
  return found;
}

/**
 * Whether something that can fail comes after `node` in the pattern (`$`, a character, a group that must match),
 * so the engine backtracks into it. Optional elements (`.*`, `x?`) cannot fail; a lookaround is not backtracked into.
 */
function followedByMore(node: AST.Node): boolean {
  let child: AST.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'Alternative') {
      const rest = parent.elements.slice(parent.elements.indexOf(child as AST.Element) + 1);
      if (rest.some((e) => !(e.type === 'Quantifier' && e.min === 0))) return true;
    }
    if (parent.type === 'Pattern' || parent.type === 'Assertion') return false;
  }
  return false;
}

/** The characters worth trying: one from each character, class range and set of the body (at most 16). */
function candidateCharacters(node: AST.Node): string[] {
  const chars = new Set<string>();
  const add = (code: number): void => {
    if (chars.size < 16) chars.add(String.fromCodePoint(code));
  };
  const visit = (n: AST.Node): void => {
    switch (n.type) {
      case 'Character':
        add(n.value);
        return;
      case 'CharacterClassRange':
        add(n.min.value);
        return;
      case 'CharacterSet':
        if (n.kind === 'digit') add(n.negate ? 0x61 : 0x30);
        else if (n.kind === 'word') add(n.negate ? 0x20 : 0x61);
        else if (n.kind === 'space') add(n.negate ? 0x61 : 0x20);
        else if (n.kind === 'any') add(0x61);
        return;
      case 'CharacterClass':
        if (n.negate) add(0x61);
        for (const element of n.elements) visit(element);
        return;
      case 'Quantifier':
        visit(n.element);
        return;
      case 'Alternative':
        for (const element of n.elements) visit(element);
        return;
      default:
        if ('alternatives' in n) for (const alternative of n.alternatives) visit(alternative);
    }
  };
  visit(node);
  return [...chars];
}

/** Whether a single-character element (`a`, `[a-z]`, `\d`, `.`) matches a character, by running it. */
function characterTester(flags: string): (element: AST.Node, char: string) => boolean {
  const cache = new Map<string, boolean>();
  const regexFlags = [...flags].filter((f) => 'imsuv'.includes(f)).join('');
  return (element, char) => {
    const key = `${element.raw}\u0000${char}`;
    let result = cache.get(key);
    if (result === undefined) {
      try {
        result = new RegExp(`^(?:${element.raw})$`, regexFlags).test(char);
      } catch {
        result = false;
      }
      cache.set(key, result);
    }
    return result;
  };
}

/**
 * In how many ways `node` matches runs of `char` of each length up to `MAX_LENGTH`, counted up to two; `null`
 * when it holds something this cannot count (an assertion or a backreference).
 */
function waysToMatch(node: AST.Node, char: string, matches: (element: AST.Node, char: string) => boolean): Ways | null {
  switch (node.type) {
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return matches(node, char) ? new Map([[1, 1]]) : new Map();
    case 'Assertion':
    case 'Backreference':
      // `\b`, `^`, lookarounds and backreferences constrain where the body may split: not counted, not reported.
      return null;
    case 'Alternative': {
      let ways: Ways = new Map([[0, 1]]);
      for (const element of node.elements) {
        const next = waysToMatch(element, char, matches);
        if (next === null) return null;
        ways = concat(ways, next);
      }
      return ways;
    }
    case 'Quantifier': {
      const once = waysToMatch(node.element, char, matches);
      if (once === null) return null;
      let ways: Ways = new Map();
      let power: Ways = new Map([[0, 1]]);
      const upTo = Math.min(node.max, MAX_LENGTH);
      for (let count = 0; count <= upTo; count++) {
        if (count >= node.min) ways = union(ways, power);
        power = concat(power, once);
        if (power.size === 0) break;
      }
      return ways;
    }
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup': {
      let ways: Ways = new Map();
      for (const alternative of node.alternatives) {
        const next = waysToMatch(alternative, char, matches);
        if (next === null) return null;
        ways = union(ways, next);
      }
      return ways;
    }
    default:
      return null;
  }
}

function concat(a: Ways, b: Ways): Ways {
  const result: Ways = new Map();
  for (const [x, p] of a) {
    for (const [y, q] of b) {
      if (x + y > MAX_LENGTH) continue;
      const total = (result.get(x + y) ?? 0) + p * q;
      result.set(x + y, total >= 2 ? 2 : 1);
    }
  }
  return result;
}

function union(a: Ways, b: Ways): Ways {
  const result: Ways = new Map(a);
  for (const [x, p] of b) {
    const total = (result.get(x) ?? 0) + p;
    result.set(x, total >= 2 ? 2 : 1);
  }
  return result;
}

function describe(report: Report): Finding {
  const where =
    report.type === 'Trade'
      ? `'${report.startQuant.raw}' and '${report.endQuant.raw}'`
      : report.type === 'Self'
        ? `'${report.quant.raw}' inside '${report.parentQuant.raw}'`
        : `'${report.quant.raw}'`;
  let fixed: Finding['fixed'];
  try {
    fixed = report.fix();
  } catch {
    fixed = undefined;
  }
  return { exponential: report.exponential, where, char: report.character.pick, fixed };
}

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-regex',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow regular expressions with super-linear backtracking and regexes built from request data',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      superLinear:
        "This regex backtracks {{degree}} on {{where}}: an input of many {{char}} that does not match blocks the event loop (ReDoS).",
      requestPattern:
        "A regex is built from request data ({{source}}): the client chooses a pattern that can block the event loop (ReDoS). Escape it (escape-string-regexp) or match without a regex.",
      useFixed: 'Replace it with the equivalent linear regex {{fixed}}.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    function report(node: TSESTree.Node, finding: Finding, literal: boolean): void {
      const fixed = finding.fixed;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
        literal && fixed && !fixed.source.includes('\n')
          ? [{ messageId: 'useFixed', data: { fixed: `/${fixed.source}/${fixed.flags}` }, fix: (fixer) => fixer.replaceText(node, `/${fixed.source}/${fixed.flags}`) }]
          : [];
      context.report({
        node,
        messageId: 'superLinear',
        data: {
          degree: finding.exponential ? 'exponentially' : 'polynomially',
          where: finding.where,
          char: JSON.stringify(finding.char),
        },
        suggest,
      });
    }

    function checkConstructor(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const callee = unwrap(node.callee);
      if (callee.type !== T.Identifier || callee.name !== 'RegExp') return;
      const variable = findVariableOf(sourceCode, callee);
      if (variable && variable.defs.length > 0) return;
      const [pattern, flags] = node.arguments;
      if (!pattern || pattern.type === T.SpreadElement) return;
      const source = staticValueOf(sourceCode, pattern);
      const flagValue = flags && flags.type !== T.SpreadElement ? staticValueOf(sourceCode, flags) : { value: '' };
      if (source && typeof source.value === 'string') {
        if (typeof flagValue?.value !== 'string') return;
        const finding = analyseRegex(source.value, flagValue.value);
        if (finding) report(node, finding, false);
        return;
      }
      if (source?.value instanceof RegExp) return;
      // Request data only in a file where some function may receive a request: elsewhere no model is built for it.
      if (!fileSigns(context).mayHandleRequests) return;
      const taint = getRequestData(context).carries(pattern, Danger.regex);
      if (taint) context.report({ node: pattern, messageId: 'requestPattern', data: { source: taint.source } });
    }

    // A plain `Literal` listener (not the `Literal[regex]` selector, which ESLint matches on every literal of every file).
    const literals = {
      Literal(node: TSESTree.Literal) {
        if (!('regex' in node) || !node.regex) return;
        const finding = analyseRegex(node.regex.pattern, node.regex.flags);
        if (finding) report(node, finding, true);
      },
    };
    // `RegExp(...)` and `new RegExp(...)` name `RegExp` in the text (or spell it with a Unicode escape): other files get
    // no listener on every call.
    if (!sourceCode.text.includes('RegExp') && !sourceCode.text.includes('\\u')) return literals;
    return { ...literals, CallExpression: checkConstructor, NewExpression: checkConstructor };
  },
});
