import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { literalString, staticValueOf, usedMiddleware, type AppCall, type ExpressApp, type ExpressModel, type OptionsView } from './index';

export type SessionLibrary = 'express-session' | 'cookie-session';

/** One `session(...)` call of express-session or cookie-session. */
export interface SessionMiddleware {
  library: SessionLibrary;
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The options argument, when there is one that is not a spread. */
  argument: TSESTree.Expression | null;
  /** The options as the library sees them; `null` when called without options, `unknown` when unknowable. */
  options: OptionsView | 'unknown' | null;
  /** Apps and routers of this file that mount it with `use` (directly or through a variable). */
  apps: ExpressApp[];
}

const LIBRARIES: readonly SessionLibrary[] = ['express-session', 'cookie-session'];

const cache = new WeakMap<ExpressModel, SessionMiddleware[]>();

/** Every express-session / cookie-session middleware created in the file (computed once per file). */
export function sessionMiddlewares(model: ExpressModel): SessionMiddleware[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const result: SessionMiddleware[] = [];
  for (const library of LIBRARIES) {
    for (const call of model.callsTo(library, [])) {
      const first = call.arguments[0];
      const argument = first && first.type !== T.SpreadElement ? first : null;
      const options = first === undefined ? null : argument ? model.options(argument) : 'unknown';
      const apps = model.apps.filter((app) => usedMiddleware(app).some(({ item }) => item.value?.node === call));
      result.push({ library, call, argument, options, apps });
    }
  }
  result.sort((a, b) => a.call.range[0] - b.call.range[0]);
  cache.set(model, result);
  return result;
}

/**
 * Whether the app trusts a proxy: `app.set('trust proxy', x)` with `x` not `false`/`0`, or
 * `app.enable('trust proxy')`, anywhere in the file (also inside `if (app.get('env') === 'production')`); `calls`
 * widens it to the app's calls in other files (`appCallsAcrossFiles`).
 */
export function trustsProxy(sourceCode: TSESLint.SourceCode, app: ExpressApp, calls: readonly AppCall[] = app.calls): boolean {
  return calls.some((call) => {
    if (literalString(call.node.arguments[0])?.toLowerCase() !== 'trust proxy') return false;
    if (call.method === 'enable') return true;
    if (call.method !== 'set') return false;
    const value = call.node.arguments[1];
    if (!value) return false;
    const known = staticValueOf(sourceCode, value);
    return known === null || Boolean(known.value);
  });
}
