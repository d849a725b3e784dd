import { HELMET_MIDDLEWARE_NAMES } from '../data/helmet';
import type { TSESTree } from '@typescript-eslint/utils';

import { appCallsAcrossFiles, middlewareChains, usedMiddleware, type AppCall, type ExpressApp, type ExpressModel, type MiddlewareItem } from './index';

export interface HelmetUse {
  call: AppCall;
  item: MiddlewareItem;
  /** `helmet` for `helmet(...)`, else the standalone middleware's name (`hsts`, `xPoweredBy`, ...). */
  middleware: string;
  /** The options argument of that call, if any. */
  options: MiddlewareItem['node'] | undefined;
}

/** helmet middleware mounted on an app with `use`: `helmet()`, `helmet({...})`, `helmet.hsts()`, `hsts()`. */
export function helmetUses(app: ExpressApp): HelmetUse[] {
  const uses: HelmetUse[] = [];
  for (const { call, item } of usedMiddleware(app)) {
    const value = item.value;
    if (value?.module !== 'helmet' || value.path.at(-1) !== '()') continue;
    const path = value.path.slice(0, -1);
    const middleware = path.length === 0 ? 'helmet' : path.length === 1 && HELMET_MIDDLEWARE_NAMES.has(path[0]!) ? path[0]! : null;
    if (!middleware) continue;
    const creation = value.node;
    const options =
      (creation.type === 'CallExpression' || creation.type === 'NewExpression') && creation.arguments[0]?.type !== 'SpreadElement'
        ? (creation.arguments[0] as MiddlewareItem['node'] | undefined)
        : undefined;
    uses.push({ call, item, middleware, options });
  }
  return uses;
}

export interface HelmetCall {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** `helmet` for `helmet(...)`, else the property called on helmet (`hsts`, `contentSecurityPolicy`, `hpkp`, ...). */
  middleware: string;
  /** The first argument, when there is one and it is not a spread. */
  options: TSESTree.Expression | undefined;
}

/**
 * Every call of helmet or one of its middlewares in the file, mounted or not: `helmet(...)`, `helmet.hsts(...)`,
 * `hsts(...)` from a named import, under any local name, in source order. Includes names helmet no longer
 * exports (`hpkp`).
 */
export function helmetCalls(model: ExpressModel): HelmetCall[] {
  const calls: HelmetCall[] = [];
  for (const { node, callee } of model.moduleCalls) {
    if (callee.module !== 'helmet' || callee.path.length > 1 || callee.path[0] === '()') continue;
    const first = node.arguments[0];
    calls.push({
      node,
      middleware: callee.path[0] ?? 'helmet',
      options: first && first.type !== 'SpreadElement' ? first : undefined,
    });
  }
  return calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * True when `app` is a sub-app that only other apps reach (`root.use(helmet()); root.use(admin)`, or
 * `root.use(vhost('admin.example.com', admin))`), and helmet runs before every mount, on every chain that leads to it:
 * the headers it sets stay on the sub-app's responses. An app that is also served itself is not covered.
 */
export function helmetBeforeEveryMount(app: ExpressApp): boolean {
  if (app.mounts.length === 0 || app.servers.length > 0 || appCallsAcrossFiles(app).some((call) => call.method === 'listen')) return false;
  return app.mounts.every((mount) => {
    const index = mount.index ?? mount.call.middleware.findIndex((item) => item.value?.app === app);
    if (index < 0 || mount.parent === app) return false;
    const chains = middlewareChains(mount.call, index);
    return (
      chains.length > 0 &&
      chains.every((chain) => chain.entries.some(({ item }) => item.value?.module === 'helmet' && item.value.path.length === 1 && item.value.path[0] === '()'))
    );
  });
}
