import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { ARRAY_MUTATORS, findVariableOf, isAssigned, outermost, staticKey, unwrap, type Node } from '../express/ast';
import { staticValueOf } from '../express/options';
import { isDefinedExportValue, isExportTarget, isModuleExports, isVoidChain } from './exports';

/** Array (and string) methods that read their receiver without changing it. */
const READS = new Set([
  'at', 'concat', 'entries', 'every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat', 'flatMap', 'forEach', 'includes',
  'indexOf', 'join', 'keys', 'lastIndexOf', 'map', 'reduce', 'reduceRight', 'slice', 'some', 'toString', 'values',
]);
/** How far {@link flowsReadOnly} follows a value (aliases, properties, elements) before it says "unknown". */
const MAX_DEPTH = 8;

/**
 * Whether `node`, what a file of the package exports at some path (`exportedNode`), is constant data: an array or
 * object literal whose every value is a literal or another such literal (`exports.countries = [{ alpha2: 'AF' }]`,
 * `export default [...] as const`, `Object.freeze({...})`, through a `const`), that the file never changes: wherever the
 * file reads it (through its `const`, `exports.countries`, `module.exports.countries`, an alias), it is only read, looped
 * over, copied or exported (also by compiled code's getter, `definedExports`), never pushed to, written, or handed to a
 * function. (Property writes anywhere in the file are the caller's question: `writesProperties`.) What other files do
 * with it is not known here.
 */
export function isConstantData(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  let inner = unwrap(node);
  if (isFreeze(inner)) inner = unwrap((inner as TSESTree.CallExpression).arguments[0]!);
  if (inner.type !== T.ArrayExpression && inner.type !== T.ObjectExpression) return false;
  const known = staticValueOf(sourceCode, inner);
  if (!known || typeof known.value !== 'object' || known.value === null) return false;
  return flowsReadOnly(sourceCode, inner, 0);
}

/** `Object.freeze(x)`. */
function isFreeze(node: Node): boolean {
  return (
    node.type === T.CallExpression &&
    node.arguments.length === 1 &&
    node.arguments[0]!.type !== T.SpreadElement &&
    node.callee.type === T.MemberExpression &&
    unwrap(node.callee.object).type === T.Identifier &&
    (unwrap(node.callee.object) as TSESTree.Identifier).name === 'Object' &&
    staticKey(node.callee) === 'freeze'
  );
}

/** Whether the value of the expression `node` is only read where it goes (see {@link isConstantData}). */
function flowsReadOnly(sourceCode: TSESLint.SourceCode, node: Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const at = outermost(node);
  const parent = at.parent;
  if (!parent) return false;
  // Compiled code's `Object.defineProperty(exports, "countries", { get: function() { return countries; } })`: exported.
  if (isDefinedExportValue(at)) return true;
  switch (parent.type) {
    case T.MemberExpression: {
      if (parent.object !== at || isAssigned(parent)) return false;
      const key = staticKey(parent);
      const call = outermost(parent).parent;
      if (call?.type === T.CallExpression && call.callee === outermost(parent)) return key !== null && READS.has(key);
      if (key !== null && ARRAY_MUTATORS.has(key)) return false;
      // `countries.length`, `countries[0]`, `config.countries`: what it reads is read in turn.
      return key === 'length' || flowsReadOnly(sourceCode, parent, depth + 1);
    }
    case T.CallExpression:
      // `Object.freeze(list)`: the same list.
      return parent.arguments[0] === at && isFreeze(parent) && flowsReadOnly(sourceCode, parent, depth + 1);
    case T.VariableDeclarator: {
      if (parent.init !== at || parent.id.type !== T.Identifier) return false;
      return heldReadOnly(sourceCode, parent.id, depth);
    }
    case T.Property:
      // `{ countries: [...] }`, `{ countries }`: the object that holds it, read in turn.
      return parent.value === at && parent.parent?.type === T.ObjectExpression && flowsReadOnly(sourceCode, parent.parent, depth + 1);
    case T.ArrayExpression:
      return flowsReadOnly(sourceCode, parent, depth + 1);
    case T.SpreadElement:
      // `[...countries]`, `{ ...codes }`: a copy.
      return parent.parent?.type === T.ArrayExpression || parent.parent?.type === T.ObjectExpression;
    case T.AssignmentExpression:
      return parent.right === at && parent.operator === '=' && isExportTarget(parent.left) && exportReadOnly(sourceCode, parent, depth);
    case T.ForOfStatement:
      return parent.right === at;
    case T.TemplateLiteral:
    case T.ExportSpecifier:
    case T.ExportDefaultDeclaration:
    case T.TSExportAssignment:
      return true;
    default:
      return false;
  }
}

/** Every read of a variable (`const countries = [...]`, an alias) keeps the value read-only; the variable is never reassigned. */
function heldReadOnly(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier, depth: number): boolean {
  const variable = findVariableOf(sourceCode, id);
  if (!variable) return false;
  return variable.references.every((ref) => ref.init || (!ref.isWrite() && flowsReadOnly(sourceCode, ref.identifier as Node, depth + 1)));
}

/**
 * The value is exported at the path `assignment` writes (`exports.countries = …`, `module.exports = …`,
 * `module.exports.countries = …`): every other read of that path in the file (`exports.countries.push(…)`) keeps it
 * read-only. (TypeScript's `exports.countries = void 0;`, which declares the export, is no write.)
 */
function exportReadOnly(sourceCode: TSESLint.SourceCode, assignment: TSESTree.AssignmentExpression, depth: number): boolean {
  const path: string[] = [];
  let target = unwrap(assignment.left);
  while (target.type === T.MemberExpression && !isModuleExports(target)) {
    const key = staticKey(target);
    if (key === null) return false;
    path.unshift(key);
    target = unwrap(target.object);
  }
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const ref of scope.references) {
      const id = ref.identifier as Node;
      if (id.type !== T.Identifier || (id.name !== 'exports' && id.name !== 'module') || (ref.resolved && ref.resolved.scope.type !== 'global')) continue;
      let current: Node = id;
      if (id.name === 'module') {
        const member = outermost(id).parent;
        if (member?.type !== T.MemberExpression || member.object !== outermost(id) || staticKey(member) !== 'exports') continue;
        current = member;
      }
      let reached = true;
      for (const key of path) {
        const member: Node | undefined = outermost(current).parent;
        if (member?.type !== T.MemberExpression || member.object !== outermost(current)) {
          reached = false;
          break;
        }
        const step = staticKey(member);
        // (`exports[name]` may be this path: unknown.)
        if (step === null) return false;
        if (step !== key) {
          reached = false;
          break;
        }
        current = member;
      }
      if (!reached) continue;
      const written = outermost(current).parent;
      if (written?.type === T.AssignmentExpression && written.left === outermost(current)) {
        if (written === assignment || isVoidChain(written.right)) continue;
        return false;
      }
      if (!flowsReadOnly(sourceCode, current, depth + 1)) return false;
    }
  }
  return true;
}
