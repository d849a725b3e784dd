/** Route methods of an Express app, router or `app.route(path)` (from the `methods` package Express uses). */
export const HTTP_METHODS: ReadonlySet<string> = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all',
  'acl', 'bind', 'checkout', 'connect', 'copy', 'link', 'lock', 'm-search', 'merge', 'mkactivity',
  'mkcalendar', 'mkcol', 'move', 'notify', 'propfind', 'proppatch', 'purge', 'query', 'rebind', 'report',
  'search', 'source', 'subscribe', 'trace', 'unbind', 'unlink', 'unlock', 'unsubscribe',
]);

/**
 * Functions that make an Express router: `[module, path]` of the callee, called or with `new`. Express's own
 * `Router` (`express.Router()`, `Router()` of `import { Router } from 'express'`), and express-promise-router 4.x,
 * whose module is the factory and its `default` too (`PromiseRouter.default = PromiseRouter; module.exports =
 * PromiseRouter`, lib/express-promise-router.js: `const router = Router()` of `import Router from
 * 'express-promise-router'` or `require('express-promise-router')`): it returns an Express Router whose route and
 * `use` methods also pass a rejected promise to `next`, mounted and run as any router.
 */
export const ROUTER_FACTORIES: readonly (readonly [string, readonly string[]])[] = [
  ['express', ['Router']],
  ['express-promise-router', []],
  ['express-promise-router', ['default']],
];

/** The modules other than `express` whose values make routers (`ROUTER_FACTORIES`). */
export const ROUTER_MODULES: readonly string[] = [...new Set(ROUTER_FACTORIES.map(([module]) => module))].filter((module) => module !== 'express');

/** Methods that change server state: the ones CSRF protection is about. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete', 'del', 'all']);

/** Response methods that return the response, so `res.status(500).send(...)` is still `res`. */
export const RESPONSE_CHAIN_METHODS: ReadonlySet<string> = new Set([
  'status', 'set', 'header', 'type', 'contentType', 'cookie', 'clearCookie', 'append', 'vary', 'location',
  'links', 'attachment', 'format',
]);

/** Functions that serve an app without configuring it: `[module, path]` of the callee. */
export const SERVER_FACTORIES: readonly (readonly [string, readonly string[]])[] = [
  ['http', ['createServer']],
  ['https', ['createServer']],
  ['http2', ['createServer']],
  ['http2', ['createSecureServer']],
  ['spdy', ['createServer']],
  ['http', ['Server']],
  ['https', ['Server']],
];

/**
 * Functions of hosting platforms that serve an app they are given, without configuring it; the platform terminates
 * TLS. serverless-http 3.x (`serverless(app, options)`), aws-serverless-express 3.x (`createServer(app)`),
 * firebase-functions 4.x–6.x (`functions.https.onRequest(app)`, v1 also after a region or runtime options:
 * `BUILDER_METHODS`; v2 `onRequest(options, app)`), @google-cloud/functions-framework 3.x (`http('name', app)`), per their READMEs. Unlike
 * `SERVER_FACTORIES`, a function handed to them gets Express's request and response, not Node's.
 */
export const HOSTED_APP_SERVERS: readonly (readonly [string, readonly string[]])[] = [
  ['serverless-http', []],
  ['aws-serverless-express', ['createServer']],
  ['firebase-functions', ['https', 'onRequest']],
  ['firebase-functions/v1', ['https', 'onRequest']],
  ['firebase-functions/v2', ['https', 'onRequest']],
  ['firebase-functions/v2/https', ['onRequest']],
  ['firebase-functions/https', ['onRequest']],
  ['@google-cloud/functions-framework', ['http']],
];

/**
 * Builder methods of a module's value: `[module, method]` whose call returns that value again, with options. The
 * paths of `HOSTED_APP_SERVERS` hold after any chain of them. firebase-functions' v1 API (the root module in 4.x–5.x,
 * `firebase-functions/v1` in 5.x–6.x, whose root is v2): `region(...regions)` and `runWith(options)` return a
 * FunctionBuilder with the same namespaces (`https`) and the same two methods, so
 * `functions.region('europe-west1').runWith({ memory: '1GB' }).https.onRequest(app)` is `functions.https.onRequest(app)`.
 */
export const BUILDER_METHODS: readonly (readonly [string, string])[] = [
  ['firebase-functions', 'region'],
  ['firebase-functions', 'runWith'],
  ['firebase-functions/v1', 'region'],
  ['firebase-functions/v1', 'runWith'],
];

/**
 * Hosting platforms' functions that serve an app given in their options object: `[module, path, key]`.
 * @vendia/serverless-express 4.x and its successor @codegenie/serverless-express (`serverlessExpress({ app })`), per
 * their READMEs.
 */
export const HOSTED_APP_SERVERS_BY_OPTION: readonly (readonly [string, readonly string[], string])[] = [
  ['@vendia/serverless-express', [], 'app'],
  ['@codegenie/serverless-express', [], 'app'],
];

/**
 * Hosting platforms that serve the default export of a file by where the file is in the package, with no call in the
 * code: `module.exports = app` / `export default app` there is the platform's handler, and the platform terminates TLS.
 * Vercel (its docs, "Express on Vercel" and "Vercel Functions", read 2026-12): every file under `api/` except those
 * whose name or folder starts with `_` or `.`, and, for its zero-configuration Express support, an `app`, `index` or
 * `server` file at the root or in `src/`. Only in a package that shows it deploys there: a `marker` file at its root or
 * one of `dependencies` in its package.json (without one, such a file may as well be a library's app).
 */
export interface FileHost {
  readonly name: string;
  readonly markers: readonly string[];
  readonly dependencies: readonly string[];
  /** The files it serves, by their path from the package root (`/`-separated). */
  readonly files: RegExp;
}

export const FILE_HOSTS: readonly FileHost[] = [
  {
    name: 'Vercel',
    markers: ['vercel.json'],
    dependencies: ['vercel', '@vercel/node'],
    files: /^(?:api\/(?:[^_./][^/]*\/)*[^_./][^/]*|(?:src\/)?(?:app|index|server))\.[cm]?[jt]s$/u,
  },
];

/**
 * Helpers that compilers wrap a `require` in to read a CommonJS module as an ES one (TypeScript's `__importDefault` /
 * `__importStar`, also as `tslib_1.__importDefault`; Babel's `_interopRequireDefault` / `_interopRequireWildcard`;
 * esbuild's `__toESM`; SWC's `_interop_require_default` / `_interop_require_wildcard`, read in @swc/helpers 0.5 and in
 * payload 2.32's `dist/`): the module's value, with its `default` being the module itself when it has none.
 */
export const MODULE_INTEROP_HELPERS: ReadonlySet<string> = new Set([
  '__importDefault',
  '__importStar',
  '_interopRequireDefault',
  '_interopRequireWildcard',
  '__toESM',
  '_interop_require_default',
  '_interop_require_wildcard',
]);

/**
 * Helpers that compilers write `export * from './x'` with, called as `helper(require("./x"), exports)`: TypeScript's
 * `__exportStar` (also `tslib_1.__exportStar` and `(0, tslib_1.__exportStar)` with `importHelpers`), SWC's
 * `_export_star` (written in the file, or `_export_star._` of `@swc/helpers/_/_export_star`). Each defines on
 * `exports` a getter for every key of the module but `default` that the file does not export itself.
 */
export const MODULE_EXPORT_STAR_HELPERS: ReadonlySet<string> = new Set(['__exportStar', '_export_star']);

/**
 * Async handler wrappers: `asyncHandler(fn)` returns a handler that runs `fn(req, res, next)` and passes a rejection
 * to `next` (per each package's README: express-async-handler and express-async-wrap export the wrapper as the
 * module, express-async-catch as the module and as `asyncCatch`). `fn` is the route's handler. `[module, path]` of
 * the wrapper. (A wrapper written in the package, `catchAsync = (fn) => (req, res, next) => fn(req, res,
 * next).catch(next)`, is recognised by its shape.)
 */
export const ASYNC_HANDLER_WRAPPERS: readonly (readonly [string, readonly string[]])[] = [
  ['express-async-handler', []],
  ['express-async-wrap', []],
  ['express-async-catch', []],
  ['express-async-catch', ['asyncCatch']],
];

/**
 * Test clients that serve an app they are given and configure nothing: an app of another file that a test passes
 * to one (`request(app)`) stays complete (cross-file). An app created in the test itself still escapes.
 */
export const TEST_CLIENTS: ReadonlySet<string> = new Set(['supertest']);

/**
 * Test, fixture and end-to-end files, by their path in the package (the files of the configs' `TEST_FILES`): a test
 * harness that serves a factory's app (`const app = await createApp(); app.listen()` for supertest) serves no user, so
 * it says nothing of how the package serves the app.
 */
export const TEST_FILE_PATH = /(?:^|\/)(?:test|tests|__tests__|cypress|e2e)\/|\.(?:test|spec)\.[^/]+$/u;

/**
 * Middleware factories that hand the requests for one host name to an app: `vhost('admin.example.com', adminApp)`
 * (the `vhost` package and Ghost's forks `@tryghost/mw-vhost` / `@tryghost/vhost-middleware`: per vhost's README and
 * index.js, `vhost(hostname, handle)` calls `handle(req, res, next)` when the Host matches, else `next()`).
 * `[module, path, index of the app]`.
 * An app passed this way is a sub-app of the app that mounts the call with `use`: it runs after that app's earlier
 * middleware, as with `app.use(subApp)`.
 */
export const HOST_MOUNTS: readonly (readonly [string, readonly string[], number])[] = [
  ['vhost', [], 1],
  ['@tryghost/mw-vhost', [], 1],
  ['@tryghost/vhost-middleware', [], 1],
];

/** Calls that serve over TLS: `[module, path]` of the callee. */
export const TLS_SERVER_FACTORIES: readonly (readonly [string, readonly string[]])[] = [
  ['https', ['createServer']],
  ['https', ['Server']],
  ['http2', ['createSecureServer']],
  ['spdy', ['createServer']],
  ['tls', ['createServer']],
];

/**
 * Hosts that only the same machine reaches (`app.listen(3000, '127.0.0.1')`): an app that listens only there is
 * reached through a proxy on that machine, which terminates TLS (the reverse-proxy setup), or is a local tool.
 */
export const LOOPBACK_HOST = /^(?:127(?:\.\d{1,3}){3}|::1|\[::1\]|localhost)$/iu;

/** Packages whose presence means the app terminates TLS itself or redirects HTTP to HTTPS. */
export const TLS_ENFORCING_PACKAGES: readonly string[] = [
  'express-sslify', 'express-force-ssl', 'express-enforces-ssl', 'greenlock-express', 'heroku-ssl-redirect',
];

/**
 * Methods of an app (Express 4.x and 5.x `application`) that register nothing that answers a request: settings,
 * template engines, `listen`, events, `param` (which runs only for a route's parameter). An app whose every call is
 * one of these answers each HTTP request with Express's own 404 (finalhandler, which sends
 * `Content-Security-Policy: default-src 'none'` and `X-Content-Type-Options: nosniff` itself). (The one-argument
 * `app.get(setting)` is one too: the model tells it from a route.)
 */
export const NON_SERVING_APP_METHODS: ReadonlySet<string> = new Set([
  'set', 'get', 'enable', 'disable', 'enabled', 'disabled', 'engine', 'listen', 'param', 'path', 'render', 'on', 'once',
]);

/**
 * Members Express (4.x and 5.x `application`) puts on an app itself, besides the route methods (`HTTP_METHODS`) and
 * `NON_SERVING_APP_METHODS`: `app.router.use(x)` (Express 5), `app._router.stack` (Express 4), `app.parent`, the
 * request/response prototypes, settings, and the methods that mount or handle. A file that assigns any other member
 * (`app.db = router.db`, `app.io = io`) stores its own data on the app: calling a method of it (`app.db.getState()`)
 * hands the app to no one (see the model's `ownMembers`).
 */
export const APP_OWN_PROPERTIES: ReadonlySet<string> = new Set([
  'router', '_router', 'parent', 'request', 'response', 'settings', 'locals', 'engines', 'cache', 'mountpath',
  'use', 'route', 'handle', 'init', 'defaultConfiguration', 'lazyrouter',
]);

/**
 * Members of an app or router that read its state and give back something else than the app (Express 4.x and 5.x
 * `application`): reading or calling them hands the app to no one, so `app.listen(app.get('port'))` or
 * `const port = app.get('port')` (or `app.set('port')`) keeps the app in the file. `args` limits a method to calls with at most that many
 * arguments: `app.get('port')` reads a setting, `app.get('/', handler)` registers a route and returns the app.
 */
export const APP_STATE_READS: readonly { member: string; kind: 'method' | 'property'; args?: number }[] = [
  { member: 'get', kind: 'method', args: 1 },
  // `app.set('views')`: with one argument `set` returns the setting (express 4.21 / 5.1 application.set).
  { member: 'set', kind: 'method', args: 1 },
  { member: 'enabled', kind: 'method' },
  { member: 'disabled', kind: 'method' },
  { member: 'path', kind: 'method' },
  { member: 'render', kind: 'method' },
  { member: 'locals', kind: 'property' },
  { member: 'settings', kind: 'property' },
  { member: 'mountpath', kind: 'property' },
];

/**
 * Response methods that write a header by name (Node's `setHeader`, Express's `set`, `header` and `append`):
 * `res.setHeader('Set-Cookie', ...)`, `res.set('Location', url)`, `res.append('Vary', 'Origin')`.
 */
export const HEADER_SETTERS: ReadonlySet<string> = new Set(['setHeader', 'append', 'set', 'header']);
