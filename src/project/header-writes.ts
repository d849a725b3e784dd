import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { HEADER_SETTERS } from '../data/express';
import { HELMET_PROTECTIONS } from '../data/helmet';
import { findVariableOf, literalString, staticKey, unwrap, type FunctionNode } from '../express/ast';
import { caught } from '../util/caught';

/** The headers helmet sets that stop an attack on their own (`weight: 'attack'`), in the table's order. */
export const ATTACK_HEADERS: readonly string[] = HELMET_PROTECTIONS.filter((p) => p.weight === 'attack').map((p) => p.header);

/** Per function node: the headers it writes (the node lives as long as its file's parse, which the project bounds). */
const written = new WeakMap<FunctionNode, readonly string[]>();

/**
 * The headers that stop attacks (`ATTACK_HEADERS`) that a middleware function writes on its response, by name
 * (`res.setHeader('X-Frame-Options', 'DENY')`, `res.set(...)`, `res.header(...)`, `res.append(...)`: `HEADER_SETTERS`; an
 * object of headers given to `res.set` or `res.header`), anywhere in its body: a header written in one branch only
 * counts too (require-helmet then says nothing of it). A summary of the function, once per parse of its file, with
 * that file's `sourceCode`: a middleware of the linted file, or one that another file of the package exports
 * (`MiddlewareItem.elsewhere`).
 */
export function headersWrittenBy(sourceCode: TSESLint.SourceCode, fn: FunctionNode): readonly string[] {
  let headers = written.get(fn);
  if (!headers) {
    try {
      headers = readHeaders(sourceCode, fn);
    } catch (error) {
      caught(error, 'header writes: headersWrittenBy');
      headers = [];
    }
    written.set(fn, headers);
  }
  return headers;
}

function readHeaders(sourceCode: TSESLint.SourceCode, fn: FunctionNode): string[] {
  const res = fn.params[1];
  const variable = res?.type === T.Identifier ? findVariableOf(sourceCode, res) : null;
  if (!variable) return [];
  const found = new Set<string>();
  for (const ref of variable.references) {
    const member = ref.identifier.parent;
    if (member?.type !== T.MemberExpression || member.object !== ref.identifier || !HEADER_SETTERS.has(staticKey(member) ?? '')) continue;
    const call = member.parent;
    if (call?.type !== T.CallExpression || call.callee !== member) continue;
    const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    // (Express's `res.set({ 'X-Frame-Options': 'DENY', ... })` and `res.header({ ... })` write each key.)
    const names = first?.type === T.ObjectExpression ? first.properties.map((p) => (p.type === T.Property ? staticKey(p) : null)) : [literalString(first)];
    for (const name of names) {
      const header = ATTACK_HEADERS.find((h) => h.toLowerCase() === name?.toLowerCase());
      if (header) found.add(header);
    }
  }
  return ATTACK_HEADERS.filter((h) => found.has(h));
}
