import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { RESPONSE_CHAIN_METHODS } from '../data/express';
import { aliasedIdentifier, findVariableOf, isFunction, MAX_ALIASES, staticKey, unwrap, type FunctionNode, type Node } from './ast';
import { normalizeModuleName } from './model';

/** Modules whose `Request` / `Response` types are Express's. */
/** The modules whose `Request` / `Response` types make a typed handler (also the request gate's sign: src/util/file-gate.ts). */
export const TYPE_MODULES: ReadonlySet<string> = new Set(['express', 'express-serve-static-core']);
const TYPE_ROLES: Readonly<Record<string, 'req' | 'res'>> = { Request: 'req', Response: 'res' };

/**
 * The role of a parameter typed with Express's types: `(req: Request, res: Response)` or `express.Response`, in
 * a controller that is registered in another file (so `roleOf` does not know it). Follows `res.status(...)`
 * chains like `roleOf`. TypeScript only; a type-only import counts.
 */
export function typedRoleOf(sourceCode: TSESLint.SourceCode, node: Node | null | undefined): 'req' | 'res' | null {
  if (!node) return null;
  const inner = unwrap(node);
  if (
    inner.type === T.CallExpression &&
    inner.callee.type === T.MemberExpression &&
    RESPONSE_CHAIN_METHODS.has(staticKey(inner.callee) ?? '')
  ) {
    return typedRoleOf(sourceCode, inner.callee.object) === 'res' ? 'res' : null;
  }
  if (inner.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.name.type !== T.Identifier) return null;
  return roleOfAnnotation(sourceCode, def.name.typeAnnotation?.typeAnnotation);
}

/** Whether `param` is a destructured request typed with Express's `Request`: `({ query }: Request, res)`. */
export function isTypedRequestPattern(sourceCode: TSESLint.SourceCode, param: TSESTree.Parameter | undefined): boolean {
  return param?.type === T.ObjectPattern && roleOfAnnotation(sourceCode, param.typeAnnotation?.typeAnnotation) === 'req';
}

/** The parameter of `fn` typed with the role's Express type (`req: Request`), if any. */
export function typedParameter(
  sourceCode: TSESLint.SourceCode,
  fn: FunctionNode,
  role: 'req' | 'res',
): TSESTree.Identifier | null {
  for (const param of fn.params) {
    if (param.type === T.Identifier && roleOfAnnotation(sourceCode, param.typeAnnotation?.typeAnnotation) === role) {
      return param;
    }
  }
  return null;
}

/** The function whose parameter `node` (an identifier) is, also through a local alias of it (`const reply = res`). */
export function parameterOwner(sourceCode: TSESLint.SourceCode, node: Node, depth = 0): FunctionNode | null {
  const inner = unwrap(node);
  if (inner.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, inner);
  const def = variable?.defs[0];
  if (def?.type === 'Parameter' && isFunction(def.node)) return def.node;
  const aliased = variable && depth < MAX_ALIASES ? aliasedIdentifier(variable) : null;
  return aliased ? parameterOwner(sourceCode, aliased, depth + 1) : null;
}

function roleOfAnnotation(sourceCode: TSESLint.SourceCode, type: TSESTree.TypeNode | undefined): 'req' | 'res' | null {
  if (type?.type !== T.TSTypeReference) return null;
  const name = type.typeName;
  if (name.type === T.Identifier) {
    // `import { Response } from 'express'` (also `import type`, also renamed: `Response as ExpressResponse`)
    const def = findVariableOf(sourceCode, name)?.defs[0];
    if (def?.type !== 'ImportBinding' || def.node.type !== T.ImportSpecifier) return null;
    const declaration = def.node.parent;
    if (declaration.type !== T.ImportDeclaration || !TYPE_MODULES.has(normalizeModuleName(String(declaration.source.value)))) {
      return null;
    }
    const imported = def.node.imported.type === T.Identifier ? def.node.imported.name : String(def.node.imported.value);
    return TYPE_ROLES[imported] ?? null;
  }
  if (name.type === T.TSQualifiedName && name.left.type === T.Identifier) {
    // `express.Response` with `import express from 'express'` / `import * as express` / `import express = require()`
    const def = findVariableOf(sourceCode, name.left)?.defs[0];
    const role = TYPE_ROLES[name.right.name] ?? null;
    if (!role || !def) return null;
    if (def.type === 'ImportBinding') {
      const declaration = def.node.parent;
      if (
        (def.node.type === T.ImportDefaultSpecifier || def.node.type === T.ImportNamespaceSpecifier) &&
        declaration?.type === T.ImportDeclaration &&
        TYPE_MODULES.has(normalizeModuleName(String(declaration.source.value)))
      ) {
        return role;
      }
      if (
        def.node.type === T.TSImportEqualsDeclaration &&
        def.node.moduleReference.type === T.TSExternalModuleReference &&
        def.node.moduleReference.expression.type === T.Literal &&
        TYPE_MODULES.has(normalizeModuleName(String(def.node.moduleReference.expression.value)))
      ) {
        return role;
      }
    }
    return null;
  }
  return null;
}
