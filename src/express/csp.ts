import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Node } from './ast';
import { helmetCalls } from './helmet';
import { isFunction, resolveConst, staticValueOf, unwrap, type ExpressModel, type OptionsView } from './index';

/** One source expression of a CSP directive as written. */
export type CspSource =
  /** A static source (`'self'`, `https:`, `'nonce-abc'`), with the node that holds it. */
  | { kind: 'static'; text: string; node: TSESTree.Node }
  /** A function or a template with expressions: helmet's per-request nonce pattern, or something unknown. */
  | { kind: 'dynamic'; node: TSESTree.Node };

export interface CspDirective {
  /** Lower-case kebab-case name (`script-src`). */
  name: string;
  /** `null` when the directive is turned off with `null` (helmet drops a default directive that way). */
  sources: CspSource[] | null;
  /** The value node. */
  node: TSESTree.Node;
}

/** A Content-Security-Policy configuration given to helmet. */
export interface CspConfig {
  /** The options object of `helmet.contentSecurityPolicy(...)` or `helmet({ contentSecurityPolicy })`. */
  options: OptionsView;
  /** `useDefaults` (helmet's default `true`); `null` when it cannot be known. */
  useDefaults: boolean | null;
  /** The `useDefaults` value node, when set. */
  useDefaultsNode: TSESTree.Node | null;
  /** The directives view, `null` when there is none. */
  directives: OptionsView | null;
  /** A directive by kebab-case name, looked up under its camelCase and kebab-case keys; `unknown` when it may be hidden. */
  directive(name: string): CspDirective | 'absent' | 'unknown';
}

/** `script-src-elem` → `scriptSrcElem`. */
export function cspCamelName(kebab: string): string {
  return kebab.replace(/-([a-z])/gu, (_m, c: string) => c.toUpperCase());
}

/**
 * Every CSP configuration passed to helmet in the file: `helmet({ contentSecurityPolicy: {...} })`,
 * `helmet.contentSecurityPolicy({...})` and the named `contentSecurityPolicy({...})`, mounted or not. Options that
 * cannot be read are left out.
 */
export function cspConfigs(model: ExpressModel, sourceCode: TSESLint.SourceCode): CspConfig[] {
  const configs: CspConfig[] = [];
  for (const call of helmetCalls(model)) {
    if (!call.options) continue;
    let view: OptionsView | 'unknown' | null = null;
    if (call.middleware === 'contentSecurityPolicy') {
      view = model.options(call.options);
    } else if (call.middleware === 'helmet') {
      const top = model.options(call.options);
      view = top === 'unknown' ? 'unknown' : top.object('contentSecurityPolicy');
    }
    if (!view || view === 'unknown') continue;
    const config = readConfig(view, sourceCode);
    if (config) configs.push(config);
  }
  return configs;
}

function readConfig(options: OptionsView, sourceCode: TSESLint.SourceCode): CspConfig | null {
  const useDefaultsValue = options.get('useDefaults');
  let useDefaults: boolean | null = true;
  let useDefaultsNode: TSESTree.Node | null = null;
  if (useDefaultsValue.kind === 'unknown') useDefaults = null;
  if (useDefaultsValue.kind === 'set') {
    useDefaultsNode = useDefaultsValue.node;
    const value = staticValueOf(sourceCode, useDefaultsValue.node);
    useDefaults = value ? Boolean(value.value) : null;
  }
  const directives = options.object('directives');
  if (directives === 'unknown') return null;
  return {
    options,
    useDefaults,
    useDefaultsNode,
    directives,
    directive(name) {
      if (!directives) return 'absent';
      let unknown = false;
      for (const key of new Set([cspCamelName(name), name])) {
        const value = directives.get(key);
        if (value.kind === 'unknown') unknown = true;
        if (value.kind !== 'set') continue;
        return { name, node: value.node, sources: readSources(value.node, sourceCode) };
      }
      return unknown ? 'unknown' : 'absent';
    },
  };
}

/** The sources of a directive value: an array (of strings, nonce functions, spreads), a string, or `null`. */
function readSources(node: Node, sourceCode: TSESLint.SourceCode): CspSource[] | null {
  const value = resolveConst(sourceCode, node);
  if (value.type === T.Literal && value.value === null) return null;
  if (value.type === T.ArrayExpression) {
    const sources: CspSource[] = [];
    for (const element of value.elements) {
      if (!element) continue;
      if (element.type === T.SpreadElement) {
        sources.push({ kind: 'dynamic', node: element });
        continue;
      }
      sources.push(...sourcesOf(element, sourceCode));
    }
    return sources;
  }
  return sourcesOf(value, sourceCode);
}

function sourcesOf(node: Node, sourceCode: TSESLint.SourceCode): CspSource[] {
  const inner = unwrap(node);
  if (isFunction(inner)) return [{ kind: 'dynamic', node: inner }];
  if (inner.type === T.TemplateLiteral && inner.expressions.length > 0) return [{ kind: 'dynamic', node: inner }];
  const value = staticValueOf(sourceCode, inner);
  if (typeof value?.value !== 'string') return [{ kind: 'dynamic', node: inner }];
  return value.value
    .split(/\s+/u)
    .filter(Boolean)
    .map((text) => ({ kind: 'static', text, node: inner }));
}

/** `'nonce-…'`, `'sha256-…'`, `'sha384-…'`, `'sha512-…'`: with one of these, browsers ignore `'unsafe-inline'`. */
export function isNonceOrHash(text: string): boolean {
  return /^'(?:nonce|sha256|sha384|sha512)-/iu.test(text);
}
