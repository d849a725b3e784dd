import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  REQUEST_INPUTS,
  NOT_VALIDATORS,
  VALIDATING_FUNCTION,
  VALIDATING_METHOD,
  VALIDATION_MIDDLEWARE_MODULES,
  VALIDATION_MODULES,
  VALIDATION_NAME,
} from '../data/validation';
import {
  findVariableOf,
  getExpressModel,
  helperSummary,
  middlewareChains,
  middlewareNames,
  routeFullPaths,
  someNode,
  writtenPath,
  staticKey,
  unwrap,
  type Handler,
  type MiddlewareItem,
} from '../express';
import { isNestValidationPipe, nestInputRead } from '../express/nest';
import { authenticatesInstead, checkedRouteParams, uncheckedRead } from '../express/validation-calls';
import { INVALID_SETTINGS_MESSAGE, SETTINGS_REPORT_LOC, claimSettingsProblems } from '../express/settings';
import { createRule, mayHaveApps } from '../util/create-rule';

type Options = [{ validators?: string[]; inputs?: ('body' | 'query' | 'params')[] }];
type MessageIds = 'unvalidated' | 'invalidSettings';

export default createRule<Options, MessageIds>({
  name: 'require-input-validation',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require validation of request body, query and params before a route handler uses them',
      recommended: 'strict',
      appConfiguration: true,
    },
    defaultOptions: [{ validators: [], inputs: ['body', 'query', 'params'] }],
    schema: [
      {
        type: 'object',
        properties: {
          validators: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Names of validation middleware or functions of your own (`validate`, `schemas.user`, or a module such as `./middleware/validate`).',
          },
          inputs: {
            type: 'array',
            items: { type: 'string', enum: ['body', 'query', 'params'] },
            description: 'Which request properties must be validated before use.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      invalidSettings: INVALID_SETTINGS_MESSAGE,
      unvalidated:
        "Route '{{method}} {{path}}' on '{{app}}' uses '{{input}}' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
    },
  },
  // Reads the handlers registered on the file's apps (`model.handlers`; settings problems only with one).
  gate: (file) => file.mayHoldApp,
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const inputs = new Set<string>((options.inputs ?? [...REQUEST_INPUTS]).filter((i) => REQUEST_INPUTS.has(i)));
    return {
      'Program:exit'() {
        // Candidate-first: only apps and routers of the file, or given to it, have calls and handlers.
        if (!mayHaveApps(context)) return;
        const model = getExpressModel(context);
        if (model.handlers.length > 0) {
          for (const problem of claimSettingsProblems(context)) {
            context.report({ loc: SETTINGS_REPORT_LOC, messageId: 'invalidSettings', data: { where: problem.where, what: problem.what } });
          }
        }
        if (model.handlers.length === 0 || model.settings.upstream.includes('validation') || inputs.size === 0) return;
        const names = [...(options.validators ?? []), ...model.settings.middleware.validation];
        const validates = (item: MiddlewareItem): boolean => isValidationMiddleware(item, names);
        // Starts of calls into validation libraries, sorted: found per handler by binary search.
        const libraryCalls = model.moduleCalls
          .filter((c) => VALIDATION_MODULES.has(c.callee.module))
          .map((c) => c.node.range[0])
          .sort((a, b) => a - b);
        for (const handler of model.handlers) {
          const call = handler.call;
          if (handler.isErrorHandler || !call.isRoute || call.isUse) continue;
          const index = call.middleware.findIndex((item) => item.fn === handler.fn);
          if (index < 0 || index !== call.middleware.length - 1) continue;
          // NestJS hook: `@Body() dto` reads the body too; a controller's chain counts only when the file shows its pipes.
          const own = firstInputRead(sourceCode, handler, inputs);
          const read = own ?? nestInputRead(handler, inputs);
          if (!read) continue;
          const chains = middlewareChains(call, index);
          if (call.app.nest?.controller && !chains.every((chain) => chain.complete)) continue;
          // (A chain whose top code the model does not follow got, `handedOn`, may validate: nothing is guessed.)
          const open = chains.filter((chain) => !chain.handedOn && !chain.entries.some((e) => validates(e.item)));
          if (open.length === 0) continue;
          if (hasCallWithin(libraryCalls, handler.fn.range) || validatesInside(sourceCode, handler, names)) continue;
          // Hand-written checks: every field read is checked by an `if` that exits before it. Else the report is at the
          // first read when no check covers it, or at the first read no check covers when that one is of another input
          // (`req.query.next` read unchecked after a checked `req.body`).
          // (A field given to a helper that returns it only once checked, of this file or another: `safeNext(req.query.next)`.)
          // (And `req.params.userId` of a route on `/:userId` whose router's `param('userId', …)` rejects bad values.)
          const params = checkedRouteParams(sourceCode, call, (name) => names.includes(name) || VALIDATION_NAME.test(name));
          const unchecked = uncheckedRead(sourceCode, handler, inputs, (c) => helperSummary(context, c)?.summary.returnsChecked ?? null, params);
          if (unchecked === 'checked') continue;
          const input = unchecked?.path[0];
          const at = own && input !== undefined && own.text !== `${requestName(handler)}.${input}` ? { node: unchecked!.node, text: `${requestName(handler)}.${input}` } : read;
          context.report({
            node: at.node,
            messageId: 'unvalidated',
            data: {
              method: call.method.toUpperCase(),
              // (Each full path the route answers on with no validation before it, as the other route rules name a
              // router mounted on several paths: `'/api/account/reset, /.netlify/functions/api/account/reset'`.)
              path: routeFullPaths(open) ?? writtenPath(call),
              app: call.app.name,
              input: at.text,
            },
          });
        }
      },
    };
  },
});

function isValidationMiddleware(item: MiddlewareItem, names: readonly string[]): boolean {
  if (item.value && VALIDATION_MIDDLEWARE_MODULES.has(item.value.module)) return true;
  if (isNestValidationPipe(item)) return true;
  const own = middlewareNames(item);
  if (own.some((n) => names.includes(n))) return true;
  if (item.value && !item.value.module.startsWith('.')) return false;
  return own.some((n) => VALIDATION_NAME.test(n));
}

/** The first place the handler reads `req.body`, `req.query` or `req.params` (or destructures them). */
/** The name the handler gives its request (`req`, `request`), `req` when it destructures it. */
/** The handler's request parameter without its default (`req = {}`): a name or a pattern. */
function requestParameter(handler: Handler): TSESTree.Node | undefined {
  const param = handler.params.req;
  return param?.type === T.AssignmentPattern ? param.left : param;
}

function requestName(handler: Handler): string {
  const id = requestParameter(handler);
  return id?.type === T.Identifier ? id.name : 'req';
}

function firstInputRead(
  sourceCode: TSESLint.SourceCode,
  handler: Handler,
  inputs: ReadonlySet<string>,
): { node: TSESTree.Node; text: string } | null {
  const id = requestParameter(handler);
  if (!id) return null;
  if (id.type === T.ObjectPattern) {
    for (const prop of id.properties) {
      if (prop.type === T.Property && inputs.has(staticKey(prop) ?? '')) return { node: prop, text: `req.${staticKey(prop)}` };
    }
    return null;
  }
  if (id.type !== T.Identifier) return null;
  const variable = findVariableOf(sourceCode, id);
  if (!variable) return null;
  for (const ref of variable.references) {
    const node = ref.identifier;
    const parent = node.parent;
    if (parent?.type === T.MemberExpression && parent.object === node) {
      const key = staticKey(parent);
      if (key !== null && inputs.has(key)) return { node: parent, text: `${id.name}.${key}` };
    }
    if (parent?.type === T.VariableDeclarator && parent.init === node && parent.id.type === T.ObjectPattern) {
      for (const prop of parent.id.properties) {
        if (prop.type === T.Property && inputs.has(staticKey(prop) ?? '')) return { node: prop, text: `${id.name}.${staticKey(prop)}` };
      }
    }
  }
  return null;
}

/** Whether a sorted list of positions has one inside `[start, end)`. */
function hasCallWithin(starts: readonly number[], [start, end]: readonly [number, number]): boolean {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts[mid]! < start) low = mid + 1;
    else high = mid;
  }
  return low < starts.length && starts[low]! < end;
}

/**
 * Whether the handler validates in its body with a `schema.parse(...)`-style call or a validator of the user's own.
 * A call named like a validator that authenticates instead (`authService.validate(req.body.email, req.body.password)`)
 * does not count.
 */
function validatesInside(sourceCode: TSESLint.SourceCode, handler: Handler, names: readonly string[]): boolean {
  return someNode(sourceCode.visitorKeys, handler.fn.body, (node) => {
    if (node.type !== T.CallExpression) return false;
    const callee = unwrap(node.callee);
    let name: string | null = null;
    if (callee.type === T.Identifier) {
      if (names.includes(callee.name)) return true;
      if (VALIDATING_FUNCTION.test(callee.name)) name = callee.name;
    } else if (callee.type === T.MemberExpression) {
      const key = staticKey(callee);
      const object = unwrap(callee.object);
      const objectName = object.type === T.Identifier ? object.name : null;
      if (key === null || (objectName && NOT_VALIDATORS.has(objectName))) return false;
      if (names.includes(key)) return true;
      if (VALIDATING_METHOD.test(key)) name = key;
    }
    return name !== null && !authenticatesInstead(sourceCode, handler, node, name);
  });
}
