import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { analyse, type Report } from 'scslre';

import { Danger } from '../data/sinks';
import { findVariableOf, getExpressModel, getRequestData, staticValueOf, unwrap } from '../express';
import { createRule } from '../util/create-rule';

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

/** The first super-linear backtracking in a pattern (scslre), or `null`; `null` too when it does not parse. */
export function analyseRegex(source: string, flags: string): Finding | null {
  const key = `${flags}/${source}`;
  const known = analyses.get(key);
  if (known !== undefined) return known;
  let finding: Finding | null = null;
  if (countQuantifiers(source) < 2) {
    remember(key, null);
    return null;
  }
  try {
    const pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
    const parsedFlags = parser.parseFlags(flags);
    // Backtracking between quantifiers needs two unbounded ones, or one inside a repeated group: most
    // patterns have neither and skip the (much costlier) analysis.
    if (!mayBacktrack(pattern)) {
      remember(key, null);
      return null;
    }
    const result = analyse({ pattern, flags: parsedFlags }, { maxReports: 4, reportTypes: { Move: false } });
    const report = result.reports.find((r) => !(r.type === 'Trade' && cannotFailAfter(r.endQuant, parsedFlags.dotAll)));
    if (report) finding = describe(report);
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

/** True when the pattern has two unbounded quantifiers, or an unbounded one inside a quantifier that repeats. */
function mayBacktrack(pattern: AST.Pattern): boolean {
  let unbounded = 0;
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
          unbounded++;
          if (repeatedAbove) nested = true;
        }
        visit(node.element, repeatedAbove || node.max >= 2);
        return;
      default:
        return;
    }
  };
  visit(pattern, false);
  return unbounded >= 2 || nested;
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
      if (getExpressModel(context).handlers.length === 0) return;
      const taint = getRequestData(context).carries(pattern, Danger.regex);
      if (taint) context.report({ node: pattern, messageId: 'requestPattern', data: { source: taint.source } });
    }

    return {
      'Literal[regex]'(node: TSESTree.RegExpLiteral) {
        const finding = analyseRegex(node.regex.pattern, node.regex.flags);
        if (finding) report(node, finding, true);
      },
      CallExpression: checkConstructor,
      NewExpression: checkConstructor,
    };
  },
});
