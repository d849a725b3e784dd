import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findVariableOf, unwrap, type Node } from './ast';
import { resolveConst } from './options';
import type { HandlerRole } from './model';

/** The slice of the model that request-data tracking needs. */
interface RoleSource {
  roleOf(node: Node | null | undefined): HandlerRole | null;
}

const MAX_DEPTH = 6;

/**
 * True when an expression carries data from a handler's request: `req` itself, a property read or method call on
 * it (`req.query.page`, `req.get('x')`, `req.body.bio.trim()`), `String(...)` of one, a string built from one
 * (template literal, `+`), a fallback (`req.query.v || 'home'`, `a ? req.x : b`), or a `const` holding one.
 * Only what is certain: a value passed through an unknown function is not request data here.
 */
export function isRequestData(
  model: RoleSource,
  sourceCode: TSESLint.SourceCode,
  node: Node | null | undefined,
  depth = 0,
): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  const inner = unwrap(node);
  const next = (child: Node | null | undefined): boolean => isRequestData(model, sourceCode, child, depth + 1);
  switch (inner.type) {
    case T.Identifier: {
      if (model.roleOf(inner) === 'req') return true;
      const init = resolveConst(sourceCode, inner);
      if (init !== inner) return next(init);
      return next(destructuredFrom(sourceCode, inner));
    }
    case T.MemberExpression:
      return next(inner.object);
    case T.CallExpression: {
      const callee = unwrap(inner.callee);
      if (callee.type === T.MemberExpression) return next(callee.object);
      if (callee.type === T.Identifier && callee.name === 'String') return next(inner.arguments[0]);
      return false;
    }
    case T.TemplateLiteral:
      return inner.expressions.some(next);
    case T.BinaryExpression:
      return inner.operator === '+' && (next(inner.left) || next(inner.right));
    case T.LogicalExpression:
      return next(inner.left) || next(inner.right);
    case T.ConditionalExpression:
      return next(inner.consequent) || next(inner.alternate);
    case T.AwaitExpression:
      return next(inner.argument);
    default:
      return false;
  }
}

/** `const { view } = req.query` → `req.query` for `view` (never reassigned), else `null`. */
function destructuredFrom(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): Node | null {
  const variable = findVariableOf(sourceCode, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== T.VariableDeclarator || !def.node.init) return null;
  if (def.node.id.type !== T.ObjectPattern && def.node.id.type !== T.ArrayPattern) return null;
  return variable!.references.every((r) => !r.isWrite() || r.init) ? def.node.init : null;
}
