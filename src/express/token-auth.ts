import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { TOKEN_STRATEGIES } from '../data/csrf';
import { unwrap } from './ast';
import { passportAuthenticateCall } from './authenticate-steps';
import type { ExpressModel } from './index';
import { pathEquals, sourceOf, type MiddlewareItem } from './model';
import { staticValueOf } from './options';

/**
 * Whether a middleware item authenticates each request by a token and keeps no session:
 * `passport.authenticate('<token strategy>', { session: false })` (`TOKEN_STRATEGIES`, or an array of them), written
 * inline, held in a `const` of the file that makes it, or made by another file of the package (an item that file
 * exports, `exports.requireJwt = passport.authenticate('jwt', { session: false })`, or a `use` of an importer's app),
 * or run by a step with its own `req, res, next` (`passportAuthenticateCall`):
 * read with the source of the file the call is written in. `jwtFromCookies` says whether passport-jwt may read the
 * token from a cookie: then `'jwt'` is no token authentication. Anything the code does not show (a strategy or
 * `session` that is not a constant, options the model cannot read) is not one.
 */
export function tokenAuthentication(model: ExpressModel, item: MiddlewareItem, jwtFromCookies: () => boolean): boolean {
  const value = item.value ?? model.valueOf(item.node);
  // (Inline, or a `const` of the file holding it: `const jwtAuth = passport.authenticate('jwt', { session: false })`;
  // or a step that runs it, `(req, res, next) => passport.authenticate('jwt', { session: false })(req, res, next)`.)
  const call = pathEquals(value, 'passport', ['authenticate', '()']) ? unwrap(value!.node.type === T.CallExpression ? value!.node : item.node) : passportAuthenticateCall(item);
  if (call?.type !== T.CallExpression) return false;
  const source = sourceOf(call);
  if (!source) return false;
  const [, options] = call.arguments;
  const names = passportStrategies(call);
  const tokenOnly = names.length > 0 && names.every((known) => known !== null && TOKEN_STRATEGIES.has(known) && !(known === 'jwt' && jwtFromCookies()));
  if (!tokenOnly || !options || options.type === T.SpreadElement) return false;
  // (Options of another file are read there, with its own imports: `model.options`.)
  const view = model.options(options);
  if (view === 'unknown') return false;
  const session = view.get('session');
  return session.kind === 'set' && staticValueOf(source, session.node)?.value === false;
}

/**
 * The strategies `passport.authenticate(name, ...)` or `passport.authenticate([names], ...)` runs, each read as a
 * static string in the call's own file (a `const` there too); `null` for one the code does not show.
 */
export function passportStrategies(call: TSESTree.CallExpression): (string | null)[] {
  const source = sourceOf(call);
  const [strategy] = call.arguments;
  const names = strategy?.type === T.ArrayExpression ? strategy.elements : [strategy];
  return names.map((name) => {
    const known = source && name && name.type !== T.SpreadElement ? staticValueOf(source, name)?.value : undefined;
    return typeof known === 'string' ? known : null;
  });
}
