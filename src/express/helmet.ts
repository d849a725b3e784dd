import { HELMET_MIDDLEWARE_NAMES } from '../data/helmet';
import { usedMiddleware, type AppCall, type ExpressApp, type MiddlewareItem } from './index';

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
