import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AUTHENTICATING_NAME, CREDENTIAL_FIELDS, REQUEST_INPUTS } from '../data/validation';
import { findVariableOf, staticKey, unwrap, type Node } from './ast';
import type { Handler } from './model';
import { nestParameterBinding } from './nest';

/**
 * What an argument holds of a handler's request: the request itself (`req`), a whole input (`req.body`, `req.query`,
 * `req.params`, a destructured `{ body }`, a `@Body() dto`), one field of an input (`req.body.email`, `dto.password`,
 * `email` of `const { email } = req.body`), or nothing the handler shows (`null`).
 */
type InputShape = 'request' | 'whole' | 'field' | null;

/** Variables followed through `const a = b` before giving up. */
const MAX_DEPTH = 8;

/**
 * Whether a call named like a validator (`validate`, `validateUser`, `check`) inside `handler` authenticates rather
 * than validates the request's input (see `AUTHENTICATING_NAME` and `CREDENTIAL_FIELDS` in data/validation.ts):
 * - a name that says authentication (`this.authService.validateUser(...)`, `validateToken(token)`), unless a plain
 *   function is given the whole request data (`validateUser(req.body)`: a validator of a user object);
 * - any other name given two or more single fields of the request data and no whole input
 *   (`auth.validate(req.body.email, req.body.password)`, `this.auth.validate(dto.email, dto.password)`).
 * Anything else (`validate(req.body)`, `schema.validate(data)`, `validateBody(req)`, `validateEmail(req.body.email)`)
 * is validation.
 */
export function authenticatesInstead(sourceCode: TSESLint.SourceCode, handler: Handler, call: TSESTree.CallExpression, name: string): boolean {
  const shapes = call.arguments.map((arg) => (arg.type === T.SpreadElement ? null : inputShape(sourceCode, handler, arg, 0)));
  const whole = shapes.some((shape) => shape === 'request' || shape === 'whole');
  if (AUTHENTICATING_NAME.test(name)) return !(whole && unwrap(call.callee).type === T.Identifier);
  return !whole && shapes.filter((shape) => shape === 'field').length >= CREDENTIAL_FIELDS;
}

function inputShape(sourceCode: TSESLint.SourceCode, handler: Handler, node: Node, depth: number): InputShape {
  if (depth > MAX_DEPTH) return null;
  const expr = unwrap(node);
  if (expr.type === T.Identifier) return identifierShape(sourceCode, handler, expr, depth);
  if (expr.type !== T.MemberExpression) return null;
  const key = staticKey(expr);
  return key === null ? null : step(inputShape(sourceCode, handler, expr.object, depth + 1), key);
}

/** The shape of `base[key]`. */
function step(base: InputShape, key: string): InputShape {
  if (base === 'request') return REQUEST_INPUTS.has(key) ? 'whole' : null;
  return base === 'whole' || base === 'field' ? 'field' : null;
}

function identifierShape(sourceCode: TSESLint.SourceCode, handler: Handler, id: TSESTree.Identifier, depth: number): InputShape {
  const variable = findVariableOf(sourceCode, id);
  if (variable?.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  const name = def.name as Node;
  if (def.type === 'Parameter') {
    const req = handler.params.req;
    const reqTarget = req?.type === T.AssignmentPattern ? req.left : req;
    if (reqTarget && isWithin(name, reqTarget)) return patternShape(name, reqTarget, 'request');
    // NestJS: `@Body() dto`, `@Body('email') email`, `@Body() { email }` (the parameter itself or its pattern).
    let param: Node = name;
    while (param.parent && param.parent.type !== T.TSParameterProperty && !isFunctionNode(param.parent)) param = param.parent;
    if (!param.parent || !handler.fn.params.some((p) => p === param || (p.type === T.TSParameterProperty && p.parameter === param))) return null;
    const binding = nestParameterBinding(param);
    if (!binding || !REQUEST_INPUTS.has(binding.property)) return null;
    const target = param.type === T.AssignmentPattern ? param.left : param;
    return patternShape(name, target, binding.key === null ? 'whole' : 'field');
  }
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator || !def.node.init) return null;
  // Only the declaration writes it: `const body = req.body`, `const { email, password } = req.body`.
  if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== name)) return null;
  return patternShape(name, def.node.id, inputShape(sourceCode, handler, def.node.init, depth + 1));
}

function isFunctionNode(node: Node): boolean {
  return node.type === T.FunctionExpression || node.type === T.FunctionDeclaration || node.type === T.ArrowFunctionExpression;
}

function isWithin(node: Node, ancestor: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** The shape of what `name` binds inside `pattern` (`{ body: { email } }`), the whole pattern holding `base`. */
function patternShape(name: Node, pattern: Node, base: InputShape): InputShape {
  const keys: string[] = [];
  let current: Node = name;
  while (current !== pattern) {
    const parent = current.parent;
    if (!parent) return null;
    if (parent.type === T.Property && parent.value === current) {
      const key = staticKey(parent);
      if (key === null) return null;
      keys.unshift(key);
    } else if (parent.type === T.RestElement) {
      // `{ ...rest }` holds the rest of the same object.
    } else if (parent.type !== T.ObjectPattern && !(parent.type === T.AssignmentPattern && parent.left === current)) {
      return null;
    }
    current = parent;
  }
  return keys.reduce<InputShape>(step, base);
}
