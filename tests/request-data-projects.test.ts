import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { fixture, lintProject } from './helpers/projects';

const lint = (name: string, config: 'recommended' | 'strict', crossFile = true) => lintProject(fixture(name), config, crossFile);

const DATA_RULES = /no-(?:nosql|sql)-injection|no-error-details-in-response|no-open-redirect|no-reflected-xss|no-path-traversal/u;

describe('request data through modules of the package (tests/fixtures/projects)', () => {
  it('helpers of other modules that reach SQL, NoSQL and error sinks, and that return request data, are reported at the call (CJS, ESM, TS)', async () => {
    const on = await lint('sinks-elsewhere', 'recommended');
    // Not reported: constant SQL, a number, a helper that checks its SQL text, one that binds a parameter; String(),
    // `$eq`, a `typeof` check, route params (never objects); a helper that logs the error, one that sends its message
    // (allowed by default), one that sends the stack only in development; an allow-listed or numeric redirect, data
    // that is not the request's.
    expect(on.list).toEqual([
      'esm.mjs:18:52 no-error-details-in-response',
      'esm.mjs:8:47 no-sql-injection',
      'esm.mjs:9:49 no-nosql-injection',
      'routes.js:10:48 no-sql-injection',
      'routes.js:19:51 no-nosql-injection',
      'routes.js:20:79 no-nosql-injection',
      'routes.js:33:20 no-error-details-in-response',
      'routes.js:46:48 no-open-redirect',
      'routes.js:47:48 no-open-redirect',
      'routes.js:60:19 no-error-details-in-response',
      'routes.js:9:43 no-sql-injection',
      'src/orders.ts:6:31 no-nosql-injection',
      'src/orders.ts:8:19 no-error-details-in-response',
    ]);
    expect(on.messages.get('routes.js:9:43 no-sql-injection')).toBe(
      "SQL text passed to 'pool.query' contains request data (req.query.name, through 'runQuery' (lib/db.js:5)): SQL injection. Pass it as a query parameter.",
    );
    expect(on.messages.get('routes.js:10:48 no-sql-injection')).toContain("takes a table or column name from request data (req.query.sort, through 'runQuery' (lib/db.js:5))");
    expect(on.messages.get('routes.js:19:51 no-nosql-injection')).toBe(
      `Request data (req.body, through 'findUser' (lib/users.js:3)) is used as a whole value in the filter of 'User.find': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`,
    );
    expect(on.messages.get('routes.js:20:79 no-nosql-injection')).toContain("(req.body.name, through 'findByName' (lib/users.js:6))");
    expect(on.messages.get('routes.js:20:79 no-nosql-injection')).toContain("'User.findOne'");
    expect(on.messages.get('routes.js:33:20 no-error-details-in-response')).toBe(
      "Response sends the stack trace of 'err' (through 'sendError' (lib/errors.js:1)): stack traces and internal error details tell an attacker about file paths, libraries, queries and data. Log it and send a generic message.",
    );
    // A helper that sends its parameter as it is (`res.json({ msg })`), given the stack: the caller's argument is what leaks.
    expect(on.messages.get('routes.js:60:19 no-error-details-in-response')).toContain("the stack trace of 'err' (through 'sendFail' (lib/errors.js:16))");
    expect(on.messages.get('routes.js:46:48 no-open-redirect')).toContain("(req.query.next, from 'nextOf' (lib/request.js:3))");
    expect(on.messages.get('routes.js:47:48 no-open-redirect')).toContain("(req.get('Referer'), from 'refererOf' (lib/request.js:6))");
    expect(on.messages.get('src/orders.ts:6:31 no-nosql-injection')).toContain("(req.query.ref, through 'findOrders' (src/repo.ts:7))");
    expect(on.messages.get('src/orders.ts:8:19 no-error-details-in-response')).toContain("'error' (through 'failWith' (src/repo.ts:11))");
    // The single-file view cannot read the helpers.
    expect((await lint('sinks-elsewhere', 'recommended', false)).list).toEqual([]);
  });

  it('strict (allowMessage: false): a helper of another module that sends the error message is reported too', async () => {
    const on = await lint('sinks-elsewhere', 'strict');
    expect(on.list.filter((f) => f.endsWith('no-error-details-in-response'))).toEqual([
      'esm.mjs:18:52 no-error-details-in-response',
      'routes.js:33:20 no-error-details-in-response',
      'routes.js:40:22 no-error-details-in-response',
      'routes.js:59:19 no-error-details-in-response',
      'routes.js:60:19 no-error-details-in-response',
      'routes.js:67:87 no-error-details-in-response',
      'src/orders.ts:8:19 no-error-details-in-response',
    ]);
    expect(on.messages.get('routes.js:59:19 no-error-details-in-response')).toContain("the message of 'err' (through 'sendFail' (lib/errors.js:16))");
    // A helper that also calls `err.toString()` (session 22: its summary was lost, `toString` taken for a response method).
    expect(on.messages.get('routes.js:67:87 no-error-details-in-response')).toContain("the message of 'err' (through 'reject' (lib/errors.js:21))");
    expect(on.messages.get('routes.js:40:22 no-error-details-in-response')).toContain("the message of 'err' (through 'sendMessage' (lib/errors.js:3))");
  });

  it('express-mongo-sanitize mounted in another file counts for the routes it runs before, and only for those', async () => {
    const on = await lint('sanitized', 'recommended');
    // Quiet: routes/api.js (mounted after the sanitizer in app.js), routes/legacy.js (given the app after it),
    // src/search.ts (@exortek/express-mongo-sanitize in auto mode), esm/orders.mjs (in the mount's own chain).
    // Reported: a router mounted before the sanitizer, one on an app that mounts none, the manual mode, a sibling mount.
    expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'esm/open.mjs:6:71 no-nosql-injection',
      'routes/early.js:5:79 no-nosql-injection',
      'routes/users.js:5:75 no-nosql-injection',
      'src/manual.ts:7:35 no-nosql-injection',
    ]);
    // File by file, no mount is known: every route is reported.
    const off = await lint('sanitized', 'recommended', false);
    expect(off.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'esm/open.mjs:6:71 no-nosql-injection',
      'esm/orders.mjs:6:71 no-nosql-injection',
      'routes/api.js:5:79 no-nosql-injection',
      'routes/early.js:5:79 no-nosql-injection',
      'routes/legacy.js:4:76 no-nosql-injection',
      'routes/users.js:5:75 no-nosql-injection',
      'src/manual.ts:7:35 no-nosql-injection',
      'src/search.ts:7:35 no-nosql-injection',
    ]);
  });

  it('trial 22 (r1), loops18: routers mounted in a loop over a list the file shows (node-express-boilerplate) get the chain and path of their element', async () => {
    const on = await lint('loop-mounted', 'strict');
    // Quiet: routes/users.js and routes/docs.js (stored in a list that routes/index.js mounts in a loop,
    // `defaultRoutes.forEach((route) => router.use(route.path, route.route))`: behind express-mongo-sanitize in app.js),
    // src/routes/items.ts (the same with `for (const { path, route } of routes)`, TS), routes/direct.js (mounted directly
    // after the sanitizer). Reported: a router of an app that mounts no sanitizer (admin.js), one mounted before it
    // (src/server.ts); validation, which no app mounts, now also on the routers of the loops (their chain is known).
    expect(on.list.filter((f) => /no-nosql-injection|require-input-validation/u.test(f))).toEqual([
      'routes/accounts.js:6:74 no-nosql-injection',
      'routes/accounts.js:6:74 require-input-validation',
      'routes/direct.js:6:69 require-input-validation',
      'routes/docs.js:6:73 require-input-validation',
      'routes/users.js:6:70 require-input-validation',
      'src/routes/items.ts:7:35 require-input-validation',
      'src/routes/open.ts:7:35 no-nosql-injection',
      'src/routes/open.ts:7:35 require-input-validation',
    ]);
    expect(on.messages.get('routes/users.js:6:70 require-input-validation')).toContain("Route 'GET /v1/users' on 'router (mounted in routes/index.js:14)'");
    expect(on.messages.get('src/routes/items.ts:7:35 require-input-validation')).toContain("Route 'POST /api/items' on 'router (mounted in src/routes/index.ts:6)'");
    // File by file, no mount is known: every route is reported, as before.
    const off = await lint('loop-mounted', 'strict', false);
    expect(off.list.filter((f) => f.endsWith('no-nosql-injection'))).toEqual([
      'routes/accounts.js:6:74 no-nosql-injection',
      'routes/direct.js:6:69 no-nosql-injection',
      'routes/docs.js:6:73 no-nosql-injection',
      'routes/users.js:6:70 no-nosql-injection',
      'src/routes/items.ts:7:35 no-nosql-injection',
      'src/routes/open.ts:7:35 no-nosql-injection',
    ]);
  });

  it('trial 22 (r3): express-validator chains before a validate middleware that ends the request unless validationResult(req) is empty, or given to a factory of the package that runs them and gates (validate([...])), across files (CJS, TS)', async () => {
    const on = await lint('validator-gate', 'strict');
    // Quiet: /users/invite (validators/user.js's isEmail chain, then middleware/validate.js, then a controller of
    // controllers/users.js), src/server.ts's /search (an exported const array of chains, then an imported `validate`).
    // Reported: a chain whose validator accepts objects (notEmpty), a middleware that logs the errors and lets every
    // request through, a chain with no middleware that tests the result. require-input-validation counts every chain.
    // A factory that runs the chains it is given and gates (runValidation of middleware/run-validation.js, with the chain
    // written in the route's file and a controller of a third file; validateAll of src/validate.ts) clears them too; one
    // that lets every request through (runAndLog), or a chain of one that accepts objects (notEmpty), does not.
    expect(on.list.filter((f) => DATA_RULES.test(f) || f.endsWith('require-input-validation'))).toEqual([
      'controllers/users.js:6:74 no-nosql-injection',
      'controllers/users.js:7:75 no-nosql-injection',
      'controllers/users.js:9:78 no-nosql-injection',
      'src/server.ts:14:36 no-nosql-injection',
      'src/server.ts:20:36 no-nosql-injection',
    ]);
    expect(on.messages.get('src/server.ts:14:36 no-nosql-injection')).toContain("Request data (req.query.name) is used as a whole value in the filter of 'Item.find'");
    // File by file, neither the chains nor the middleware of other files are known.
    const off = await lint('validator-gate', 'strict', false);
    expect(off.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'controllers/users.js:5:75 no-nosql-injection',
      'controllers/users.js:6:74 no-nosql-injection',
      'controllers/users.js:7:75 no-nosql-injection',
      'controllers/users.js:8:72 no-nosql-injection',
      'controllers/users.js:9:78 no-nosql-injection',
      'src/server.ts:11:36 no-nosql-injection',
      'src/server.ts:14:36 no-nosql-injection',
      'src/server.ts:17:36 no-nosql-injection',
      'src/server.ts:20:36 no-nosql-injection',
    ]);
  });

  it('require-csrf-protection: a controller of another module counts when the project model says it reads cookie state', async () => {
    const on = await lint('csrf-elsewhere', 'recommended');
    // /account reads req.session (CJS), /settings destructures it (TS), /posts/remove asks req.isAuthenticated() (ESM);
    // /contact, /preview and /posts/search read none.
    expect(on.list.filter((f) => f.endsWith('require-csrf-protection'))).toEqual([
      'app.js:12:10 require-csrf-protection',
      'app.js:14:10 require-csrf-protection',
      'esm.mjs:10:10 require-csrf-protection',
    ]);
    expect(on.messages.get('app.js:14:10 require-csrf-protection')).toBe(
      "Route 'POST /settings' on 'app' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.",
    );
    // File by file, the controllers cannot be read: nothing is guessed.
    const off = await lint('csrf-elsewhere', 'recommended', false);
    expect(off.list.filter((f) => f.endsWith('require-csrf-protection'))).toEqual([]);
  });

  it('require-csrf-protection: middleware that the app file imports and mounts before a router of another folder is read with the app file\'s imports (trial 23 r3; TS, CJS)', async () => {
    const on = await lint('csrf-mounted-auth', 'recommended');
    // /projects and /items: requireAuth (src/middleware/auth.ts) and sessionCheck (lib/middleware) read cookies;
    // /hooks: requireToken reads a header only.
    expect(on.list.filter((f) => f.endsWith('require-csrf-protection'))).toEqual([
      'lib/routes/items.cjs:5:15 require-csrf-protection',
      'src/routes/projects.ts:5:21 require-csrf-protection',
    ]);
    expect(on.messages.get('src/routes/projects.ts:5:21 require-csrf-protection')).toBe(
      "Route 'POST /projects' on 'projectsRouter (mounted in src/app.ts:13)' changes state and trusts the cookies that cookie-parser reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.",
    );
    const off = await lint('csrf-mounted-auth', 'recommended', false);
    expect(off.list.filter((f) => f.endsWith('require-csrf-protection'))).toEqual([]);
  });

  it('DAOs and query modules of other files: request data passed to a function that builds SQL text or a $where from its parameter (vulnerable-node, NodeGoat, a TS class; CJS, ESM, TS)', async () => {
    const on = await lint('dao-elsewhere', 'recommended');
    // Not reported: constant arguments, a query with placeholders, a helper that checks its parameter with an anchored
    // regex, one that parses it as a number, a Number() at the call, a DAO method that parses its threshold, String().
    // The helpers' own SQL text built from a parameter is reported where it is built (model/*.js, the rule's
    // existing dynamic-part message; not getChecked's, whose parameter an anchored regex checks first: trial 14): one
    // finding for one flaw, at the SQL text where the fix goes, not again at the callers that pass request data (U6).
    // A column name that the helper's file does not report by default (`ORDER BY ' + column`, checkEveryPart only) is
    // reported at the caller that passes request data, naming the helper, file and sink.
    expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'app/routes/allocations.js:11:52 no-nosql-injection',
      'model/auth.js:5:17 no-sql-injection',
      'model/products.js:10:18 no-sql-injection',
      'model/products.js:5:17 no-sql-injection',
      'routes/products.js:22:22 no-sql-injection',
      'routes/search.mjs:9:73 no-nosql-injection',
      'src/orders.ts:9:28 no-nosql-injection',
    ]);
    expect(on.messages.get('routes/products.js:22:22 no-sql-injection')).toBe(
      "SQL text passed to 'db.many' takes a table or column name from request data (req.query.sort, through 'sorted' (model/products.js:14)): SQL injection, and a query parameter cannot help there. Check it against an allow list of names (ALLOWED.includes(x) ? x : 'default').",
    );
    // strict (checkEveryPart): the helper's file reports the column name itself, and the caller no longer does.
    expect((await lint('dao-elsewhere', 'strict')).list.filter((f) => / no-sql-injection$/u.test(f))).toEqual([
      'model/auth.js:5:17 no-sql-injection',
      'model/products.js:10:18 no-sql-injection',
      'model/products.js:14:18 no-sql-injection',
      'model/products.js:5:17 no-sql-injection',
    ]);
    // ESM importers of the same CommonJS modules (a default import, `new AllocationsDAO(null)` at module scope)
    expect(on.messages.get('routes/search.mjs:9:73 no-nosql-injection')).toContain("(req.query.threshold, through 'getByUserIdAndThreshold' (app/data/allocations-dao.js:22))");
    // vulnerable-node: pg-promise's db.one/db.many in model/*.js, called with req.body and url.parse(req.url, true).query:
    // reported once, where the SQL text is built.
    expect(on.messages.get('model/auth.js:5:17 no-sql-injection')).toBe(
      "SQL text passed to 'db.one' is built from a non-constant part ('user', a parameter of 'auth', from req.body.username in POST /login/auth (routes/login.js:9)): pass values as query parameters, never inside the SQL.",
    );
    // NodeGoat: a DAO constructor's method builds the $where in a local closure; the route module makes the DAO
    // with `new AllocationsDAO(db)` from another file.
    expect(on.messages.get('app/routes/allocations.js:11:52 no-nosql-injection')).toBe(
      "Request data (req.query.threshold, through 'getByUserIdAndThreshold' (app/data/allocations-dao.js:22)) is part of a $where expression in 'allocationsCol.find': the database runs it as JavaScript. Use query operators instead.",
    );
    // A TS class method
    expect(on.messages.get('src/orders.ts:9:28 no-nosql-injection')).toContain("(req.query.ref, through 'byRef' (src/orders-dao.ts:7))");
    // File by file: only the SQL text where it is built.
    expect((await lint('dao-elsewhere', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([
      'model/auth.js:5:17 no-sql-injection',
      'model/products.js:10:18 no-sql-injection',
      'model/products.js:5:17 no-sql-injection',
    ]);
  });

  it('an allow-list function of another module (true only for constants) is a guard, and so is an express-validator chain on a route of another file; other functions stay unknown (CJS, TS)', async () => {
    const on = await lint('guards-elsewhere', 'recommended');
    // Quiet: `if (!isAllowed(url)) return …` (ALLOWED.includes), `isSafe(x) || isKnown(x)` (Set#has, === constants), the
    // TS `isRedirectAllowed(toUrl)` (Set#has), also as `security.isRedirectAllowed(toUrl)` of a namespace import. Reported: a prefix check (no allow list), a list the module changes
    // (`GROWING.push`), a function of a package (unknown), a check after the redirect, Juice Shop's loose
    // `url.includes(allowed)` loop.
    expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'routes.js:20:16 no-open-redirect',
      'routes.js:23:44 no-open-redirect',
      'routes.js:26:41 no-open-redirect',
      'routes.js:29:16 no-open-redirect',
      'src/redirect.ts:20:20 no-open-redirect',
      'src/user-controller.ts:17:40 no-nosql-injection',
      'src/user-controller.ts:22:40 no-nosql-injection',
    ]);
    expect(on.messages.get('src/redirect.ts:20:20 no-open-redirect')).toContain('(query.to)');
    // express-validator on the route in src/app.ts, validationResult in the controller: `body('email').isEmail()`
    // clears req.body.email (postLogin, line 12); `exists()` (postSignup) and `query('email')` (postReset) do not.
    // File by file the imported functions are unknown: no guard.
    expect((await lint('guards-elsewhere', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([
      'routes.js:10:16 no-open-redirect',
      'routes.js:14:25 no-open-redirect',
      'routes.js:20:16 no-open-redirect',
      'routes.js:23:44 no-open-redirect',
      'routes.js:26:41 no-open-redirect',
      'routes.js:29:16 no-open-redirect',
      'src/redirect.ts:20:20 no-open-redirect',
      'src/redirect.ts:32:18 no-open-redirect',
      'src/redirect.ts:9:20 no-open-redirect',
      'src/user-controller.ts:12:40 no-nosql-injection',
      'src/user-controller.ts:17:40 no-nosql-injection',
      'src/user-controller.ts:22:40 no-nosql-injection',
    ]);
  });

  it('helpers of other modules that return their parameter, or text or an object built from it, carry the argument\'s request data (trial 10; CJS, ESM, TS)', async () => {
    const on = await lint('returns-elsewhere', 'recommended');
    // Not reported: a helper that escapes (escape-html, encodeURIComponent), validates, converts (Number) or returns an
    // object (sent as JSON by res.send), a constant argument, a URL with a fixed origin, String() before a filter.
    // `userQuery(req.query.id)` builds SQL text in lib/text.js and the query runs here: no-sql-injection reads the SQL
    // text where the query method is called, as for a local helper (unchanged).
    expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'esm.mjs:6:49 no-reflected-xss',
      'routes.js:11:44 no-reflected-xss',
      'routes.js:12:45 no-reflected-xss',
      'routes.js:13:46 no-open-redirect',
      'routes.js:14:48 no-path-traversal',
      'routes.js:16:67 no-nosql-injection',
      'routes.js:17:72 no-nosql-injection',
      'src/pages.ts:5:12 no-reflected-xss',
    ]);
    expect(on.messages.get('routes.js:12:45 no-reflected-xss')).toContain("(req.query.name, through 'greet' (lib/text.js:4))");
    expect(on.messages.get('routes.js:13:46 no-open-redirect')).toContain("(req.query.next, through 'echo' (lib/text.js:3))");
    expect(on.messages.get('routes.js:14:48 no-path-traversal')).toContain("(req.query.name, through 'trimmed' (lib/text.js:14))");
    expect(on.messages.get('routes.js:16:67 no-nosql-injection')).toContain("(req.body.name, through 'byName' (lib/text.js:13))");
    expect(on.messages.get('esm.mjs:6:49 no-reflected-xss')).toContain("(req.query.t, through 'title' (lib/format.mjs:3))");
    expect(on.messages.get('src/pages.ts:5:12 no-reflected-xss')).toContain("(req.query.msg, through 'banner' (src/view.ts:2))");
    // The single-file view cannot read the helpers.
    expect((await lint('returns-elsewhere', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
  });

  it('no-open-redirect: a helper of another module that returns its parameter after early exits is read as the same helper in the route\'s file (redir17; CJS, ESM, TS)', async () => {
    const on = await lint('redirect-helpers', 'recommended');
    // Reported, as sameFileNext (routes.js:11) is: `startsWith('/')` alone lets `//evil.example` through (safeNext in
    // CJS, ESM and TS). Quiet: with `!startsWith('//')` too (localNext, in TS over two early exits), an allow list
    // (listedNext), a package's validator (validNext, typedValidNext beside a `typeof`: unknown).
    expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'esm.mjs:5:49 no-open-redirect',
      'routes.js:10:54 no-open-redirect',
      'routes.js:11:53 no-open-redirect',
      'routes.js:16:51 no-open-redirect',
      'src/login.ts:6:16 no-open-redirect',
    ]);
    // A `?:` on its presence alone (presentNext) checks nothing, as inline.
    expect(on.messages.get('routes.js:16:51 no-open-redirect')).toContain("(req.query.next, through 'presentNext' (lib/next.js:29))");
    expect(on.messages.get('routes.js:10:54 no-open-redirect')).toBe(
      "'res.redirect' sends the browser to a URL taken from the request (req.query.next, through 'safeNext' (lib/next.js:9)): open redirect. Check it against an allow list, or keep only a local path.",
    );
    expect(on.messages.get('esm.mjs:5:49 no-open-redirect')).toContain("(req.query.next, through 'safeNext' (lib/next.mjs:3))");
    expect(on.messages.get('src/login.ts:6:16 no-open-redirect')).toContain("(req.query.next, through 'safeNext' (src/next.ts:3))");
    // File by file the imported helpers are unknown: only the one in the route's file.
    expect((await lint('redirect-helpers', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual(['routes.js:11:53 no-open-redirect']);
  });

  it('require-input-validation: a field given to a helper of another module that returns it only once its type is checked is validated (left17; CJS, ESM, TS)', async () => {
    const on = await lint('checked-helpers', 'strict');
    // Quiet: safeNext (typeof and a prefix, else '/'), shortText (typeof and a length in a ?:), the ESM safeNext, the TS
    // safePage (typeof and a regex). Reported: localOnly (a presence check and a prefix: no check of type or form),
    // trimmed (returns v.trim(): not the parameter as checked), a read with no helper.
    expect(on.list.filter((f) => f.endsWith('require-input-validation'))).toEqual([
      'esm.mjs:6:48 require-input-validation',
      'routes.js:10:61 require-input-validation',
      'routes.js:11:60 require-input-validation',
    ]);
    // File by file the helpers are unknown: every read is reported.
    expect((await lint('checked-helpers', 'strict', false)).list.filter((f) => f.endsWith('require-input-validation'))).toEqual([
      'esm.mjs:5:58 require-input-validation',
      'esm.mjs:6:48 require-input-validation',
      'routes.js:10:61 require-input-validation',
      'routes.js:11:60 require-input-validation',
      'routes.js:6:25 require-input-validation',
      'routes.js:9:61 require-input-validation',
      'src/pages.ts:6:29 require-input-validation',
    ]);
  });

  it('no-path-traversal: a helper of another module that returns a path.join / path.resolve of its parameter, or opens one in a callback (new Promise), or one of its elements (forEach, map, for…of), is followed (left17; CJS, ESM, TS)', async () => {
    const on = await lint('files-elsewhere', 'recommended');
    // Quiet: path.basename first (baseFor, removeBase, readEachBase: the loop's binding written again), a regex check in
    // the callback (readChecked) or of the element (removeChecked), a constant name.
    expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'esm.mjs:6:49 no-path-traversal',
      'esm.mjs:7:56 no-path-traversal',
      'esm.mjs:8:63 no-path-traversal',
      'routes.js:10:58 no-path-traversal',
      'routes.js:12:52 no-path-traversal',
      'routes.js:16:53 no-path-traversal',
      'routes.js:6:51 no-path-traversal',
      'routes.js:7:44 no-path-traversal',
      'routes.js:8:45 no-path-traversal',
      'src/docs.ts:5:71 no-path-traversal',
      'src/docs.ts:6:86 no-path-traversal',
      'src/docs.ts:7:82 no-path-traversal',
      'src/docs.ts:8:78 no-path-traversal',
    ]);
    // An element of the list a parameter holds: forEach's (CJS), for…of's (ESM), map's (TS).
    expect(on.messages.get('routes.js:12:52 no-path-traversal')).toBe(
      "'fs.unlinkSync' opens a path taken from the request (req.body.names, through 'removeAll' (lib/files.js:15)): '../' in it reaches any file the process can read. Keep only the file name (path.basename) or check the resolved path.",
    );
    expect(on.messages.get('esm.mjs:8:63 no-path-traversal')).toContain("'fs.promises.readFile' opens a path taken from the request (req.body.names, through 'readEach' (lib/files.mjs:15))");
    expect(on.messages.get('src/docs.ts:7:82 no-path-traversal')).toContain("(req.body.names, through 'loadAll' (src/files.ts:17))");
    // A test of the name's presence, length or text type checks nothing of a path (CJS, TS).
    expect(on.messages.get('routes.js:16:53 no-path-traversal')).toContain("(req.query.f, through 'readPresent' (lib/files.js:24))");
    expect(on.messages.get('src/docs.ts:8:78 no-path-traversal')).toContain("(req.params.name, through 'loadNamed' (src/files.ts:22))");
    expect(on.messages.get('routes.js:6:51 no-path-traversal')).toBe(
      "'res.sendFile' opens a path taken from the request (req.params.name, through 'fileFor' (lib/files.js:6)) with no root option: '../' in it reaches any file the process can read. Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename).",
    );
    expect(on.messages.get('routes.js:7:44 no-path-traversal')).toBe(
      "'fs.readFile' opens a path taken from the request (req.query.f, through 'fileFor' (lib/files.js:6)): '../' in it reaches any file the process can read. Keep only the file name (path.basename) or check the resolved path.",
    );
    expect(on.messages.get('routes.js:10:58 no-path-traversal')).toBe(
      "'fs.readFile' opens a path taken from the request (req.query.f, through 'read' (lib/files.js:9)): '../' in it reaches any file the process can read. Keep only the file name (path.basename) or check the resolved path.",
    );
    expect(on.messages.get('esm.mjs:7:56 no-path-traversal')).toContain("'fs.createReadStream' opens a path taken from the request (req.query.name, through 'streamOf' (lib/files.mjs:9))");
    expect(on.messages.get('src/docs.ts:6:86 no-path-traversal')).toContain("(req.params.name, through 'loadDoc' (src/files.ts:12))");
    // File by file the helpers are unknown.
    expect((await lint('files-elsewhere', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
  });

  it("methods of a service the class keeps: a constructor's typed parameter property (Nest's injection) or a field made by new, followed into the service's file (TS, Nest, ESM, CJS)", async () => {
    // TypeScript: constructor(private readonly users: UsersService), a handler field passing req.body.filter on.
    const ts = await lint('injected-services/ts', 'recommended');
    // A SQL helper of the service is followed too (String() does not make text safe in SQL): the service's own SQL
    // template, built from a parameter in a value position, is reported in its file, as any SQL text built from a
    // parameter is, and only there (U6: one flaw, one finding, where the fix goes); a column name (ORDER BY), or a
    // parameter typed number, which its file reports only with checkEveryPart, is reported at the controller.
    expect(ts.list).toEqual([
      'src/users.controller.ts:20:40 no-sql-injection',
      'src/users.controller.ts:24:41 no-sql-injection',
      'src/users.controller.ts:8:44 no-nosql-injection',
      'src/users.service.ts:17:23 no-sql-injection',
    ]);
    expect(ts.messages.get('src/users.controller.ts:20:40 no-sql-injection')).toContain("takes a table or column name from request data (req.query.sort, through 'sortedBy' (src/users.service.ts:21))");
    expect(ts.messages.get('src/users.controller.ts:24:41 no-sql-injection')).toBe(
      "SQL text passed to 'pool.query' contains request data (req.body.age, through 'olderThan' (src/users.service.ts:25)): SQL injection. Pass it as a query parameter.",
    );
    // strict (checkEveryPart): the service's file reports all three itself, the controller none of them.
    expect((await lint('injected-services/ts', 'strict')).list.filter((f) => / no-sql-injection$/u.test(f))).toEqual([
      'src/users.service.ts:17:23 no-sql-injection',
      'src/users.service.ts:21:23 no-sql-injection',
      'src/users.service.ts:25:23 no-sql-injection',
    ]);
    expect(ts.messages.get('src/users.controller.ts:8:44 no-nosql-injection')).toBe(
      `Request data (req.body.filter, through 'findByFilter' (src/users.service.ts:9)) is used as a whole value in the filter of 'User.find': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`,
    );
    // The service's own finding names the route that hands it request data (U6, session 22).
    expect(ts.messages.get('src/users.service.ts:17:23 no-sql-injection')).toContain("('name', a parameter of 'findByNameRaw', from req.query.name in GET /users/raw (src/users.controller.ts:16))");
    // NestJS: the controller's injected service, the service's injected Mongoose model. String(name) is not reported, nor
    // a value of @Query() (Nest 11 runs on Express 5, whose query parser makes no nested objects).
    const nest = await lint('injected-services/nest', 'recommended');
    // A whole @Query() object is a filter with the client's keys (?$where=...) even under Express 5 (trial 26); its
    // values (query.name, a destructured key) are strings.
    expect(nest.list.filter((f) => DATA_RULES.test(f))).toEqual(['src/users/users.controller.ts:11:37 no-nosql-injection', 'src/users/users.controller.ts:28:37 no-nosql-injection']);
    expect(nest.messages.get('src/users/users.controller.ts:11:37 no-nosql-injection')).toContain("through 'search' (src/users/users.service.ts:12)) is used as a whole value in the filter of 'this.userModel.find'");
    // Nest 11's Express adapter runs on Express 5, where express-mongo-sanitize throws: the advice is Express 5's
    // (trial 26: the package declares @nestjs/platform-express ^11, not express).
    expect(nest.messages.get('src/users/users.controller.ts:11:37 no-nosql-injection')).toContain(
      "Coerce it (String(), Number()), validate it, or use Mongoose's sanitizeFilter (express-mongo-sanitize throws on Express 5).",
    );
    // A JSON body makes objects; a whole @Query() under Express 5's simple parser, which the service makes its filter,
    // takes a top-level operator key from the client (U5).
    expect(nest.messages.get('src/users/users.controller.ts:11:37 no-nosql-injection')).toContain('an object such as {"$ne": null} sent by the client');
    expect(nest.messages.get('src/users/users.controller.ts:28:37 no-nosql-injection')).toBe(
      "Request data (query, through 'search' (src/users/users.service.ts:12)) is used as a whole value in the filter of 'this.userModel.find': a query string such as ?$where=sleep(5000) sent by the client becomes a query operator. Coerce it (String(), Number()), validate it, or use Mongoose's sanitizeFilter (express-mongo-sanitize throws on Express 5).",
    );
    // TypeORM: a service's query builder fragment built from its parameter (`.where(\`p.name = '${name}'\`)`) is reported
    // at the controller that passes request data, at the fragment's line; a named parameter, or Number(), is not (trial 26).
    const typeorm = await lint('injected-services/typeorm', 'recommended');
    expect(typeorm.list.filter((f) => DATA_RULES.test(f))).toEqual(['src/products/products.controller.ts:12:40 no-sql-injection', 'src/products/products.controller.ts:24:40 no-sql-injection']);
    expect(typeorm.messages.get('src/products/products.controller.ts:12:40 no-sql-injection')).toBe(
      "SQL text passed to 'this.products .createQueryBuilder('p').where' contains request data (name, through 'search' (src/products/products.service.ts:14)): SQL injection. Pass it as a query parameter.",
    );
    expect(typeorm.messages.get('src/products/products.controller.ts:24:40 no-sql-injection')).toContain("takes a table or column name from request data (sort, through 'sorted'");
    // ES modules: a class field `users = new UsersService()`; a filter of String() is not reported.
    expect((await lint('injected-services/esm', 'recommended')).list).toEqual(['users.controller.mjs:7:44 no-nosql-injection']);
    // CommonJS: the same field; a class that writes this.users again (swap()) keeps it unknown. Trial 27: the service's
    // own find(id), which coerces its parameter, is no Mongo query for its name (it was reported as 'this.users.find');
    // its findOne(filter), which hands the filter to User.findOne, is reported through it.
    const cjs = await lint('injected-services/cjs', 'recommended');
    expect(cjs.list).toEqual(['users.controller.js:15:39 no-nosql-injection', 'users.controller.js:7:44 no-nosql-injection']);
    expect(cjs.messages.get('users.controller.js:15:39 no-nosql-injection')).toContain(
      "Request data (req.body.filter, through 'findOne' (users.service.js:16)) is used as a whole value in the filter of 'User.findOne'",
    );
    // File by file the services are unknown (the service's own SQL text stays reported in its file); a method named
    // like a Mongo query is then taken for one.
    for (const variant of ['ts', 'nest', 'typeorm', 'esm', 'cjs']) {
      expect((await lint(`injected-services/${variant}`, 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual(
        variant === 'ts'
          ? ['src/users.service.ts:17:23 no-sql-injection']
          : variant === 'cjs'
            ? ['users.controller.js:11:36 no-nosql-injection', 'users.controller.js:15:39 no-nosql-injection']
            : [],
      );
    }
  });

  it("a service's own SQL finding names the route that hands its parameter request data, the first by file and line, and how many more (U6; CJS exports, Nest's injected service)", async () => {
    // CommonJS: exports.findByCategory, called by a controller registered on GET /products (routes/products.js, mounted
    // in app.js) and by a route of routes/admin.js; findBySku only with constant text, countFor only by a job (no route,
    // no request data): their findings name no caller. Still one finding per flaw, in the service's file.
    const cjs = await lint('service-callers/cjs', 'recommended');
    expect(cjs.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'services/products.service.js:12:40 no-sql-injection',
      'services/products.service.js:5:19 no-sql-injection',
      'services/products.service.js:9:39 no-sql-injection',
    ]);
    expect(cjs.messages.get('services/products.service.js:5:19 no-sql-injection')).toBe(
      "SQL text passed to 'db.query' is built from a non-constant part ('category', a parameter of 'findByCategory', from req.query.category in GET /products (controllers/products.controller.js:4) and 1 more): pass values as query parameters, never inside the SQL.",
    );
    expect(cjs.messages.get('services/products.service.js:9:39 no-sql-injection')).toBe(
      "SQL text passed to 'db.query' is built from a non-constant part ('sku', a parameter of 'findBySku'): pass values as query parameters, never inside the SQL.",
    );
    expect(cjs.messages.get('services/products.service.js:12:40 no-sql-injection')).toContain("('label', a parameter of 'countFor'):");
    // NestJS: the controller's @Query('category') handed to the injected service's method; a constant to the other.
    const nest = await lint('service-callers/nest', 'recommended');
    expect(nest.list.filter((f) => DATA_RULES.test(f))).toEqual(['src/products/products.service.ts:13:34 no-sql-injection', 'src/products/products.service.ts:9:34 no-sql-injection']);
    expect(nest.messages.get('src/products/products.service.ts:9:34 no-sql-injection')).toBe(
      "SQL text passed to 'this.dataSource.query' is built from a non-constant part ('category', a parameter of 'findByCategory', from category in GET /products (src/products/products.controller.ts:11)): pass values as query parameters, never inside the SQL.",
    );
    expect(nest.messages.get('src/products/products.service.ts:13:34 no-sql-injection')).toContain("('sku', a parameter of 'findBySku'):");
    // File by file no caller is known: the same findings, naming none.
    for (const variant of ['cjs', 'nest']) {
      const off = await lint(`service-callers/${variant}`, 'recommended', false);
      expect(off.all.filter((f) => DATA_RULES.test(f)).every((f) => !f.includes(', from '))).toBe(true);
      expect(off.list.filter((f) => DATA_RULES.test(f))).toEqual((variant === 'cjs' ? cjs : nest).list.filter((f) => DATA_RULES.test(f)));
    }
  });

  it("a repository's own SQL finding names the route two hops away: controller -> service -> repository (U6 second hop; CJS, Nest)", async () => {
    // CommonJS: the controller hands req.query.name to the service's findUser, which hands it, as it is, to the
    // repository's findByName: the finding there names the route through the service. findByEmail's service gets only
    // constant text; findTeam's checks its parameter before it hands it on (not followed): they name no caller.
    const sql = (part: string): string => `SQL text passed to 'db.query' is built from a non-constant part (${part}): pass values as query parameters, never inside the SQL.`;
    const cjs = await lint('service-hops/cjs', 'recommended');
    expect(cjs.all.filter((f) => DATA_RULES.test(f))).toEqual([
      `repositories/users.repository.js:3:41 no-sql-injection: ${sql("'name', a parameter of 'findByName', from req.query.name in GET /users (controllers/users.controller.js:4) through 'findUser' (services/users.service.js:4)")}`,
      `repositories/users.repository.js:5:43 no-sql-injection: ${sql("'email', a parameter of 'findByEmail'")}`,
      `repositories/users.repository.js:7:41 no-sql-injection: ${sql("'team', a parameter of 'findByTeam'")}`,
    ]);
    // NestJS: the controller's @Query('name') to the injected service's byName, which hands it to the repository's.
    const nest = await lint('two-hop-services/nest', 'recommended');
    expect(nest.messages.get('src/users/users.repository.ts:23:23 no-sql-injection')).toBe(
      "SQL text passed to 'pool.query' is built from a non-constant part ('name', a parameter of 'byName', from name in GET /users/by-name (src/users/users.controller.ts:24) through 'byName' (src/users/users.service.ts:20)): pass values as query parameters, never inside the SQL.",
    );
    // File by file no caller is known: the same findings, naming none.
    expect((await lint('service-hops/cjs', 'recommended', false)).list).toEqual(cjs.list.filter((f) => DATA_RULES.test(f)));
    expect((await lint('service-hops/cjs', 'recommended', false)).all.some((f) => f.includes(', from '))).toBe(false);
    expect((await lint('two-hop-services/nest', 'recommended', false)).messages.get('src/users/users.repository.ts:23:23 no-sql-injection')).toContain("('name', a parameter of 'byName'):");
  });

  it("barrels on both hops: a named re-export of a default (export { default as findOrders } from) and a barrel between a service and its repository (CJS, TS)", async () => {
    // TS: services/index.ts re-exports each service's default by name; orders.service.ts's findOrders hands its
    // parameter to rawOrders, imported from repositories/index.ts (export *). The repository's finding names the route
    // through the service; rawOrdersOf, reached with constant text only, names none. CJS: both barrels spread a require.
    const sql = (part: string): string => `SQL text passed to 'db.query' is built from a non-constant part (${part}): pass values as query parameters, never inside the SQL.`;
    const ts = await lint('barrel-hops/ts', 'recommended');
    expect(ts.all.filter((f) => DATA_RULES.test(f))).toEqual([
      `src/repositories/orders.repository.ts:10:19 no-sql-injection: ${sql("'owner', a parameter of 'rawOrdersOf'")}`,
      `src/repositories/orders.repository.ts:5:19 no-sql-injection: ${sql("'owner', a parameter of 'rawOrders', from req.query.owner in GET /users/orders (src/routes/users.ts:10) through 'findOrders' (src/services/orders.service.ts:5)")}`,
      `src/services/users.service.ts:4:19 no-sql-injection: ${sql("'name', a parameter of 'findByName', from req.query.name in GET /users/by-name (src/routes/users.ts:7)")}`,
    ]);
    const cjs = await lint('barrel-hops/cjs', 'recommended');
    expect(cjs.all.filter((f) => DATA_RULES.test(f))).toEqual([
      `repositories/orders.js:4:41 no-sql-injection: ${sql("'owner', a parameter of 'rawOrders', from req.query.owner in GET /users/orders (routes/users.js:5) through 'findOrders' (services/orders.js:4)")}`,
    ]);
    // File by file no caller is known.
    for (const variant of ['cjs', 'ts']) expect((await lint(`barrel-hops/${variant}`, 'recommended', false)).all.filter((f) => f.includes(', from '))).toEqual([]);
  });

  it("a service's own SQL finding names the route that imports it through a barrel (services/index: a spread of require, export *; CJS, TS)", async () => {
    // The route imports the services through services/index (CommonJS: a spread of each module's require; TS: export *
    // from): the importers of the barrel are the service's importers. findBySku: in CommonJS the barrel's later spread
    // (./catalog) gives the route another findBySku, and in TS only constant text comes in: no caller named.
    const sql = (part: string): string => `SQL text passed to 'db.query' is built from a non-constant part (${part}): pass values as query parameters, never inside the SQL.`;
    const cjs = await lint('service-barrel/cjs', 'recommended');
    expect(cjs.all.filter((f) => DATA_RULES.test(f))).toEqual([
      `services/products.js:4:49 no-sql-injection: ${sql("'category', a parameter of 'findByCategory', from req.query.category in GET /products (routes/products.js:6)")}`,
      `services/products.js:7:39 no-sql-injection: ${sql("'sku', a parameter of 'findBySku'")}`,
    ]);
    const ts = await lint('service-barrel/ts', 'recommended');
    expect(ts.all.filter((f) => DATA_RULES.test(f))).toEqual([
      `src/services/products.service.ts:10:19 no-sql-injection: ${sql("'sku', a parameter of 'findBySku'")}`,
      `src/services/products.service.ts:5:19 no-sql-injection: ${sql("'category', a parameter of 'findByCategory', from req.query.category in GET /products (src/routes/products.ts:7)")}`,
    ]);
    // File by file no caller is known.
    for (const variant of ['cjs', 'ts']) expect((await lint(`service-barrel/${variant}`, 'recommended', false)).all.filter((f) => f.includes(', from '))).toEqual([]);
  });

  it('dependencies an awilix container injects by name are judged by what the registered class or function does (CJS, ESM, TS), unknown in classic mode', async () => {
    // CommonJS: module.exports = ({ todosService, notesService, reportsService }) => router, the container registering
    // asClass(TodosService).singleton() and asFunction(makeNotesService).scoped(). todosService.find and notesService.find
    // coerce their parameter: quiet (they were reported by their names). findRaw and byTitle put it into the filter:
    // reported through them (they were missed). reportsService is not registered: still taken at its method's name.
    const cjs = await lint('di-container/cjs', 'recommended');
    expect(cjs.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'src/controllers/todos.js:10:81 no-nosql-injection',
      'src/controllers/todos.js:7:88 no-nosql-injection',
      'src/controllers/todos.js:8:81 no-nosql-injection',
    ]);
    expect(cjs.messages.get('src/controllers/todos.js:7:88 no-nosql-injection')).toContain("Request data (req.body.filter, through 'findRaw' (src/services/todos.js:9)) is used as a whole value in the filter of 'Todo.find'");
    expect(cjs.messages.get('src/controllers/todos.js:8:81 no-nosql-injection')).toContain("Request data (req.body.title, through 'byTitle' (src/services/notes.js:4)) is used as a whole value in the filter of 'Note.find'");
    expect(cjs.messages.get('src/controllers/todos.js:10:81 no-nosql-injection')).toContain("Request data (req.query.q) is used as a whole value in the filter of 'reportsService.find'");
    // ES modules: an awilix-express class whose constructor keeps the injected service (this.usersService = usersService).
    const esm = await lint('di-container/esm', 'recommended');
    expect(esm.list.filter((f) => DATA_RULES.test(f))).toEqual(['src/users-api.mjs:9:45 no-nosql-injection']);
    expect(esm.messages.get('src/users-api.mjs:9:45 no-nosql-injection')).toContain("Request data (req.body.filter, through 'search' (src/users-service.mjs:5))");
    // TypeScript: the same class with typed fields, and asFunction(makeOrdersService).singleton(), whose findOne checks
    // its parameter's type (quiet; it was reported as 'this.ordersService.findOne') and byRef does not (reported).
    const ts = await lint('di-container/ts', 'recommended');
    expect(ts.list.filter((f) => DATA_RULES.test(f))).toEqual(['src/users.api.ts:22:45 no-nosql-injection', 'src/users.api.ts:34:45 no-nosql-injection']);
    expect(ts.messages.get('src/users.api.ts:34:45 no-nosql-injection')).toContain("Request data (req.body.ref, through 'byRef' (src/orders.service.ts:6))");
    expect((await lint('di-container/ts', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual(['src/users.api.ts:26:43 no-nosql-injection', 'src/users.api.ts:30:47 no-nosql-injection']);
    // A container in CLASSIC mode hands dependencies by position: the names are not followed, nor file by file.
    const byName = ['src/controllers/todos.js:10:81 no-nosql-injection', 'src/controllers/todos.js:6:81 no-nosql-injection', 'src/controllers/todos.js:9:77 no-nosql-injection'];
    expect((await lint('di-container/classic', 'recommended')).list.filter((f) => DATA_RULES.test(f))).toEqual(byName);
    expect((await lint('di-container/cjs', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual(byName);
    expect((await lint('di-container/esm', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
  });

  it("passport-local's verify callback receives req.body fields as sent: followed into the services it hands them to (NestJS validate(), CJS)", async () => {
    // NestJS: LocalStrategy's validate(email, password) (usernameField 'email') -> AuthService.checkCredentials ->
    // AccountsService.byEmail's findOne({ email }). AdminStrategy's handle goes to byHandle, which coerces it: quiet.
    const nest = await lint('passport-local/nest', 'recommended');
    expect(nest.list.filter((f) => DATA_RULES.test(f))).toEqual(['src/auth/local.strategy.ts:15:54 no-nosql-injection']);
    expect(nest.messages.get('src/auth/local.strategy.ts:15:54 no-nosql-injection')).toBe(
      `Request data (req.body.email, given as 'username' by passport-local, through 'checkCredentials' (src/auth/auth.service.ts:10) and 'byEmail' (src/users/accounts.service.ts:12)) is used as a whole value in the filter of 'this.accountModel.findOne': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`,
    );
    // CommonJS: a strategy set up in a function the app hands passport to; the service of another module builds the
    // filter from it (byEmail), or a String() of it (byName: quiet).
    const cjs = await lint('passport-local/cjs', 'recommended');
    expect(cjs.list.filter((f) => DATA_RULES.test(f))).toEqual(['config/passport.js:9:18 no-nosql-injection']);
    // The route that logs in with the strategy ('local', passport-local's name) is named (session 22).
    expect(cjs.messages.get('config/passport.js:9:18 no-nosql-injection')).toContain(
      "Request data (req.body.email, given as 'username' by passport-local, through 'byEmail' (services/users.js:3), on POST /login (app.js:9))",
    );
    // File by file the services are unknown.
    for (const variant of ['nest', 'cjs']) expect((await lint(`passport-local/${variant}`, 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
  });

  it('a verify callback is linked to the routes that log in with its strategy: the route is named, and a sanitizer counts only before it on that route (CJS)', async () => {
    // The package declares express-mongo-sanitize. 'local' (passport-use without a name: passport-local's) is used by
    // POST /login, before the app's sanitizer (the one of the /api router does not run there): reported, naming the
    // route. 'admin' is used by POST /admin/login after the app's sanitizer: quiet. 'staff', a strategy kept in a
    // variable first, has no known route: the declared sanitizer may run before it, quiet as before.
    const on = await lint('passport-routes', 'recommended');
    // 'clerk' is mounted on /clerk (app.use('/clerk', authenticate)) before the app's sanitizer: POST /clerk/login, after
    // that sanitizer, still logs in before it: reported, naming the route and the mount's line.
    expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual(['config/passport.js:26:32 no-nosql-injection', 'config/passport.js:8:22 no-nosql-injection']);
    expect(on.messages.get('config/passport.js:8:22 no-nosql-injection')).toBe(
      `Request data (req.body.username, given as 'username' by passport-local, on POST /login (app.js:19)) is used as a whole value in the filter of 'User.findOne': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`,
    );
    expect(on.messages.get('config/passport.js:26:32 no-nosql-injection')).toContain("(req.body.username, given as 'username' by passport-local, on POST /clerk/login (app.js:22))");
    // File by file no route is known: the declared sanitizer may run first, nothing is said.
    expect((await lint('passport-routes', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
  });

  it('a verify callback is linked to the routes below a use that mounts its strategy: app.use(path, authenticate), router.use(authenticate) (CJS, ESM)', async () => {
    // The package declares no sanitizer. 'local' runs for every request under /auth (app.use('/auth', authenticate)):
    // POST /auth/login is named, POST /login (no authenticate above it) is not counted. 'member' runs for each route of
    // the account router (router.use(authenticate)), mounted on /account by the app: its full path. 'guest' is mounted
    // after the only route under /guest: no route logs in with it, the message names none, as before.
    const message = (on: string): string =>
      `Request data (req.body.username, given as 'username' by passport-local${on}) is used as a whole value in the filter of 'User.findOne': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`;
    for (const [variant, ext, first] of [
      ['cjs', 'js', 7],
      ['esm', 'mjs', 8],
    ] as const) {
      const on = await lint(`passport-mounts/${variant}`, 'recommended');
      const local = `config/passport.${ext}:${first}:20 no-nosql-injection`;
      const member = `config/passport.${ext}:${first + 4}:20 no-nosql-injection`;
      const guest = `config/passport.${ext}:${first + 8}:20 no-nosql-injection`;
      expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual([member, guest, local]);
      expect(on.messages.get(local)).toBe(message(`, on POST /auth/login (app.${ext}:${variant === 'cjs' ? 15 : 17})`));
      expect(on.messages.get(member)).toBe(message(`, on POST /account/signin (routes/account.${ext}:5)`));
      expect(on.messages.get(guest)).toBe(message(''));
      // File by file no route is known: the messages name none.
      const off = await lint(`passport-mounts/${variant}`, 'recommended', false);
      expect(off.all.filter((f) => DATA_RULES.test(f))).toEqual([member, guest, local].map((key) => `${key}: ${message('')}`));
    }
  });

  it("a verify callback is linked to the routes of another file's router that a use mounts behind its strategy: app.use('/admin', passport.authenticate('admin'), adminRouter) (CJS, ESM, TS)", async () => {
    // The package declares express-mongo-sanitize. The routers' files never call authenticate themselves. 'admin' runs
    // before every route of routes/admin, and the sanitizer is mounted after that use: reported, naming POST
    // /admin/login in the router's file. 'member' is mounted the same way after the sanitizer: quiet.
    for (const [variant, passport, admin, line] of [
      ['cjs', 'config/passport.js', 'routes/admin.js', 7],
      ['esm', 'config/passport.mjs', 'routes/admin.mjs', 8],
      ['ts', 'src/config/passport.ts', 'src/routes/admin.ts', 9],
    ] as const) {
      const on = await lint(`passport-mount-router/${variant}`, 'recommended');
      expect(on.all.filter((f) => DATA_RULES.test(f))).toEqual([
        `${passport}:${line}:20 no-nosql-injection: Request data (req.body.username, given as 'username' by passport-local, on POST /admin/login (${admin}:4)) is used as a whole value in the filter of 'User.findOne': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`,
      ]);
      // File by file no route is known: the declared sanitizer may run first, nothing is said.
      expect((await lint(`passport-mount-router/${variant}`, 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
    }
  });

  it("a verify callback is linked to the routes behind passport.authenticate(...) that another file exports: app.use('/admin', requireAdmin, adminRouter), router.post('/login', requireClerk, h) (CJS, ESM, TS)", async () => {
    // The package declares express-mongo-sanitize. middleware/auth exports requireAdmin, requireClerk and requireMember
    // as passport.authenticate('<name>') (requireMember through a const), and requireStaff as a function that runs it
    // in its body with its own req, res, next. app mounts routes/admin behind requireAdmin, routes/clerk (whose route
    // runs requireClerk) and routes/staff behind requireStaff before the sanitizer: reported, naming the route;
    // routes/member behind requireMember after it: quiet. (requireStaff was not read as authenticate before session
    // 26: passport-auth-steps.) Neither app nor routes/clerk writes `.authenticate(` itself.
    for (const [variant, passport, routes, ext, first] of [
      ['cjs', 'config/passport.js', 'routes', 'js', 7],
      ['esm', 'config/passport.mjs', 'routes', 'mjs', 8],
      ['ts', 'src/config/passport.ts', 'src/routes', 'ts', 9],
    ] as const) {
      const on = await lint(`passport-imported-auth/${variant}`, 'recommended');
      const message = (route: string): string =>
        `Request data (req.body.username, given as 'username' by passport-local, on ${route}) is used as a whole value in the filter of 'User.findOne': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`;
      expect(on.all.filter((f) => DATA_RULES.test(f))).toEqual([
        `${passport}:${first + 4}:20 no-nosql-injection: ${message(`POST /clerk/login (${routes}/clerk.${ext}:5)`)}`,
        `${passport}:${first + 12}:20 no-nosql-injection: ${message(`POST /staff/login (${routes}/staff.${ext}:4)`)}`,
        `${passport}:${first}:20 no-nosql-injection: ${message(`POST /admin/login (${routes}/admin.${ext}:4)`)}`,
      ]);
      // File by file no route is known: the declared sanitizer may run first, nothing is said.
      expect((await lint(`passport-imported-auth/${variant}`, 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
    }
  });

  it("a verify callback is linked to the routes whose step runs passport.authenticate(...) with its own req, res, next: inline, exported, a factory's (express-gateway's policies) (CJS, ESM, TS)", async () => {
    // The package declares express-mongo-sanitize. Before it: routes/staff behind middleware/auth's requireStaff
    // (`function (req, res, next) { passport.authenticate('staff', ...)(req, res, next); }`), routes/area's POST
    // /kiosk/login behind `kioskAuth(params)`, whose factory returns such a step (express-gateway 1.16.11
    // lib/policies/basic-auth/basic-auth.js:7), and app's POST /login, a step written inline with a callback: reported,
    // naming the route. Not read, so quiet as before (the declared sanitizer may run first): requireGuest runs
    // 'guest' only when `req.user` is unset, requireVisitor hands it another `next`. requireMember's step (awaited)
    // runs after the sanitizer: quiet.
    for (const [variant, passport, app, routes, ext, first] of [
      ['cjs', 'config/passport.js', 'app.js', 'routes', 'js', 7],
      ['esm', 'config/passport.mjs', 'app.mjs', 'routes', 'mjs', 8],
      ['ts', 'src/config/passport.ts', 'src/app.ts', 'src/routes', 'ts', 9],
    ] as const) {
      const on = await lint(`passport-auth-steps/${variant}`, 'recommended');
      const message = (route: string): string =>
        `Request data (req.body.username, given as 'username' by passport-local, on ${route}) is used as a whole value in the filter of 'User.findOne': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`;
      const login = variant === 'cjs' ? 21 : 23;
      expect(on.all.filter((f) => DATA_RULES.test(f))).toEqual([
        `${passport}:${first + 4}:20 no-nosql-injection: ${message(`POST /area/kiosk/login (${routes}/area.${ext}:${variant === 'cjs' ? 6 : 7})`)}`,
        `${passport}:${first + 8}:20 no-nosql-injection: ${message(`POST /login (${app}:${login})`)}`,
        `${passport}:${first}:20 no-nosql-injection: ${message(`POST /staff/login (${routes}/staff.${ext}:4)`)}`,
      ]);
      // File by file no route is known: the declared sanitizer may run first, nothing is said.
      expect((await lint(`passport-auth-steps/${variant}`, 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
    }
  });

  it("NestJS: a PassportStrategy class's validate() is linked to the routes whose @UseGuards(AuthGuard('<name>')) runs its strategy (TS)", async () => {
    // LocalStrategy (PassportStrategy(Strategy): passport-local's name, 'local') runs on POST /auth/login through
    // @UseGuards(AuthGuard('local')), MemberStrategy ('member') on POST /auth/member/login (AuthGuard(['member'])):
    // each finding names its route, with the controller's prefix. KioskStrategy ('kiosk') is in no route's guard: the
    // message names none, as before. (The package declares no sanitizer.)
    const message = (on: string): string =>
      `Request data (req.body.email, given as 'username' by passport-local${on}) is used as a whole value in the filter of 'this.accounts.findOne': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`;
    const on = await lint('passport-nest', 'recommended');
    expect(on.all.filter((f) => DATA_RULES.test(f))).toEqual([
      `src/auth/kiosk.strategy.ts:17:36 no-nosql-injection: ${message('')}`,
      `src/auth/local.strategy.ts:17:36 no-nosql-injection: ${message(', on POST /auth/login (src/auth/auth.controller.ts:7)')}`,
      `src/auth/member.strategy.ts:17:36 no-nosql-injection: ${message(', on POST /auth/member/login (src/auth/auth.controller.ts:14)')}`,
    ]);
    // File by file no route is known.
    expect((await lint('passport-nest', 'recommended', false)).all.filter((f) => DATA_RULES.test(f))).toEqual(
      ['kiosk', 'local', 'member'].map((name) => `src/auth/${name}.strategy.ts:17:36 no-nosql-injection: ${message('')}`),
    );
    // The same app with express-mongo-sanitize mounted in main.ts: it runs before each guard, quiet (and so is 'kiosk').
    expect((await lint('passport-nest-sanitized', 'recommended')).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
  });

  it("NestJS: a guard class that extends AuthGuard('<name>') (its own file or the controller's) runs that strategy; AuthGuard() runs the package's defaultStrategy when it shows one (TS)", async () => {
    // The package declares express-mongo-sanitize; main.ts mounts it on /account (registered) or on /other
    // (unregistered). LocalAuthGuard (local-auth.guard.ts, as Nest's docs write it) runs 'local' on POST /auth/login;
    // KioskGuard (a class of account.controller.ts) runs 'kiosk' on POST /account/kiosk; AuthGuard() on POST
    // /auth/member/login runs PassportModule.register({ defaultStrategy: 'member' }) of app.module.ts (registered) or a
    // default read from the environment (unregistered: unknown, so no route is linked and the declared sanitizer may run
    // first: nothing is said).
    const message = (on: string): string =>
      `Request data (req.body.email, given as 'username' by passport-local${on}) is used as a whole value in the filter of 'this.accounts.findOne': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`;
    const local = `src/auth/local.strategy.ts:16:36 no-nosql-injection: ${message(', on POST /auth/login (src/auth/auth.controller.ts:9)')}`;
    expect((await lint('passport-nest-guards/registered', 'recommended')).all.filter((f) => DATA_RULES.test(f))).toEqual([
      local,
      `src/auth/member.strategy.ts:16:36 no-nosql-injection: ${message(', on POST /auth/member/login (src/auth/auth.controller.ts:16)')}`,
    ]);
    expect((await lint('passport-nest-guards/unregistered', 'recommended')).all.filter((f) => DATA_RULES.test(f))).toEqual([
      `src/auth/kiosk.strategy.ts:16:36 no-nosql-injection: ${message(', on POST /account/kiosk (src/account/account.controller.ts:10)')}`,
      local,
    ]);
    // File by file no route is known.
    for (const variant of ['registered', 'unregistered']) {
      expect((await lint(`passport-nest-guards/${variant}`, 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
    }
  });

  it("NestJS: a guard class a controller imports runs its strategy: through a barrel (export *, export { X } from), a default export, and tsc's CommonJS output (TS, compiled)", async () => {
    // The controllers import their guards and never name AuthGuard: the guards' importers are read. ts: LocalAuthGuard
    // through guards/index.ts's `export *`, KioskGuard (`export { KioskGuard }` of its file) through its `export {
    // KioskGuard } from`, MemberGuard a default export; each links its strategy's validate() to its route. StaffGuard
    // (a default export too) runs on POST /account/staff, behind the sanitizer main.ts mounts on /account: quiet.
    const message = (on: string): string =>
      `Request data (req.body.email, given as 'username' by passport-local${on}) is used as a whole value in the filter of 'this.accounts.findOne': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`;
    const controller = 'src/auth/auth.controller.ts';
    expect((await lint('passport-nest-guard-forms/ts', 'recommended')).all.filter((f) => DATA_RULES.test(f))).toEqual([
      `src/auth/kiosk.strategy.ts:16:36 no-nosql-injection: ${message(`, on POST /auth/kiosk (${controller}:23)`)}`,
      `src/auth/local.strategy.ts:16:36 no-nosql-injection: ${message(`, on POST /auth/login (${controller}:9)`)}`,
      `src/auth/member.strategy.ts:16:36 no-nosql-injection: ${message(`, on POST /auth/member/login (${controller}:16)`)}`,
    ]);
    // compiled: tsc's output (lib/) of the same app with the guards imported from their own files and no sanitizer:
    // `let LocalAuthGuard = class LocalAuthGuard extends (0, passport_1.AuthGuard)('local') {}`, `exports.LocalAuthGuard
    // = LocalAuthGuard`, `exports.default = MemberGuard`, used as `(0, common_1.UseGuards)(local_auth_guard_1.LocalAuthGuard)`
    // and `member_guard_1.default`. KioskGuard is used by no route: its finding names none.
    expect((await lint('passport-nest-guard-forms/compiled', 'recommended')).all.filter((f) => DATA_RULES.test(f))).toEqual([
      `lib/auth/kiosk.strategy.js:29:40 no-nosql-injection: ${message('')}`,
      `lib/auth/local.strategy.js:29:40 no-nosql-injection: ${message(', on POST /auth/login (lib/auth/auth.controller.js:34)')}`,
      `lib/auth/member.strategy.js:29:40 no-nosql-injection: ${message(', on POST /auth/member/login (lib/auth/auth.controller.js:42)')}`,
      `lib/auth/staff.strategy.js:29:40 no-nosql-injection: ${message(', on POST /account/staff (lib/account/account.controller.js:29)')}`,
    ]);
    // swc: the compiled app with SWC's exports for two guards (the files of swc/ put over compiled/'s):
    // `Object.defineProperty(exports, "LocalAuthGuard", { get: function() { return LocalAuthGuard; } })`
    // (local-auth.guard.js) and `_export(exports, { MEMBER: ..., default: function() { return MemberGuard; } })`
    // (member.guard.js): the same routes.
    const swc = realpathSync(mkdtempSync(path.join(tmpdir(), 'secure-express-swc-guards-')));
    cpSync(fixture('passport-nest-guard-forms/compiled'), swc, { recursive: true });
    cpSync(fixture('passport-nest-guard-forms/swc'), swc, { recursive: true });
    const lintSwc = (crossFile: boolean) => lintProject(swc, 'recommended', crossFile);
    expect((await lintSwc(true)).all.filter((f) => DATA_RULES.test(f))).toEqual([
      `lib/auth/kiosk.strategy.js:29:40 no-nosql-injection: ${message('')}`,
      `lib/auth/local.strategy.js:29:40 no-nosql-injection: ${message(', on POST /auth/login (lib/auth/auth.controller.js:34)')}`,
      `lib/auth/member.strategy.js:29:40 no-nosql-injection: ${message(', on POST /auth/member/login (lib/auth/auth.controller.js:42)')}`,
      `lib/auth/staff.strategy.js:29:40 no-nosql-injection: ${message(', on POST /account/staff (lib/account/account.controller.js:29)')}`,
    ]);
    // File by file no route is known.
    expect((await lint('passport-nest-guard-forms/ts', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
    for (const found of [await lint('passport-nest-guard-forms/compiled', 'recommended', false), await lintSwc(false)]) {
      expect(found.all.filter((f) => DATA_RULES.test(f))).toEqual(
        ['kiosk', 'local', 'member', 'staff'].map((name) => `lib/auth/${name}.strategy.js:29:40 no-nosql-injection: ${message('')}`),
      );
    }
    rmSync(swc, { recursive: true, force: true });
  });

  it("GraphQL resolvers' arguments are request data: an Apollo resolvers module of another file, root values of express-graphql (CJS) and graphql-http (ESM)", async () => {
    // Apollo (TS): the resolver map is exported by src/schema/resolvers.ts and given to the server in src/index.ts (the
    // shape guess in a package that declares apollo-server-express); the schema is in another file, so arguments are
    // strings: a column name from one is reported, a bound parameter and a String in a Mongo filter are not. A value
    // handed to a service of another file is reported there (a part of unseen origin), once.
    const apollo = await lint('graphql/apollo-ts', 'recommended');
    expect(apollo.list.filter((f) => DATA_RULES.test(f))).toEqual(['src/schema/resolvers.ts:10:81 no-sql-injection', 'src/services/articles.ts:4:37 no-sql-injection']);
    expect(apollo.messages.get('src/schema/resolvers.ts:10:81 no-sql-injection')).toContain("takes a table or column name from request data (args.order (GraphQL argument of Query.articles))");
    // express-graphql (CJS): buildSchema types the arguments: an Int in the SQL text is quiet, a String is reported, and
    // so is one joined into a path.
    const cjs = await lint('graphql/root-cjs', 'recommended');
    expect(cjs.list.filter((f) => DATA_RULES.test(f))).toEqual(['app.js:19:31 no-sql-injection', 'app.js:20:45 no-path-traversal']);
    expect(cjs.messages.get('app.js:19:31 no-sql-injection')).toBe(
      "SQL text passed to 'db.query' contains request data (q (GraphQL argument of Query.search)): SQL injection. Pass it as a query parameter.",
    );
    expect(cjs.messages.get('app.js:20:45 no-path-traversal')).toContain("opens a path taken from the request (name (GraphQL argument of Query.attachment))");
    // graphql-http (ESM): the schema is imported, the root field is named alone.
    const esm = await lint('graphql/root-esm', 'recommended');
    expect(esm.list.filter((f) => DATA_RULES.test(f))).toEqual(['app.mjs:7:48 no-sql-injection']);
    expect(esm.messages.get('app.mjs:7:48 no-sql-injection')).toContain('(sort (GraphQL argument of posts))');
    // The same file by file: what each file shows is enough.
    expect((await lint('graphql/apollo-ts', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual(apollo.list.filter((f) => DATA_RULES.test(f)));
    expect((await lint('graphql/root-cjs', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual(cjs.list.filter((f) => DATA_RULES.test(f)));
  });

  it('services imported through a tsconfig paths alias of any form, a baseUrl path or a workspace package are followed (TS, ESM)', async () => {
    // TypeScript: `@app/users/users.service` (paths `@app/*`) and `src/orders/orders.service` (baseUrl `.`), fields made
    // by new. A class of an installed package (`some-di`'s Injectable) stays unknown.
    const ts = await lint('aliased-services/ts', 'recommended');
    expect(ts.list.filter((f) => DATA_RULES.test(f))).toEqual(['src/users/users.controller.ts:15:44 no-nosql-injection', 'src/users/users.controller.ts:19:49 no-nosql-injection']);
    expect(ts.messages.get('src/users/users.controller.ts:15:44 no-nosql-injection')).toContain("(req.body.filter, through 'findByFilter' (src/users/users.service.ts:7))");
    expect(ts.messages.get('src/users/users.controller.ts:19:49 no-nosql-injection')).toContain("(req.body.filter, through 'findByRef' (src/orders/orders.service.ts:7))");
    // ES modules in a workspace: `import { UsersService } from '@acme/users'`, another package of it.
    const workspace = await lint('aliased-services/workspace', 'recommended');
    expect(workspace.list.filter((f) => DATA_RULES.test(f))).toEqual(['packages/api/src/users.controller.mjs:7:38 no-sql-injection']);
    expect(workspace.messages.get('packages/api/src/users.controller.mjs:7:38 no-sql-injection')).toContain(
      "takes a table or column name from request data (req.query.sort, through 'sorted' (../users/src/index.mjs:7))",
    );
    // File by file the services are unknown.
    expect((await lint('aliased-services/ts', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
    expect((await lint('aliased-services/workspace', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
  });

  it('NestJS: a createParamDecorator of another file that returns request data gives its parameter that data (U3, TS)', async () => {
    // src/common/decorators.ts: RawBody returns getRequest().body, NextUrl `request.query.next` through a const; both are
    // request data in the controller (a whole body handed to a service's find, a redirect). CurrentUser returns
    // request.user and Field a key its argument picks or the body: unknown, not reported.
    const on = await lint('param-decorators/nest', 'recommended');
    expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual(['src/users/users.controller.ts:13:37 no-nosql-injection', 'src/users/users.controller.ts:18:25 no-open-redirect']);
    expect(on.messages.get('src/users/users.controller.ts:13:37 no-nosql-injection')).toContain("Request data (body, through 'search' (src/users/users.service.ts:12))");
    expect(on.messages.get('src/users/users.controller.ts:18:25 no-open-redirect')).toBe(
      "'res.redirect' sends the browser to a URL taken from the request (next): open redirect. Check it against an allow list, or keep only a local path.",
    );
    // File by file the decorators are unknown.
    expect((await lint('param-decorators/nest', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
  });

  it('two-hop service chains (U1): a service method that hands its parameter on, as it is, to a method of another service it keeps, which reaches the sink (TS Nest, ESM)', async () => {
    // Nest: UsersController -> UsersService (injected) -> UsersRepository (injected into the service): its Mongoose model's
    // find(filter), its SQL text's ORDER BY ${column}. Reported at the controller, naming both methods and files. Not
    // reported: a value in the repository's SQL text (its own file reports it: one finding, U6), an allow list in the
    // service before it hands the column on, String() in the service, a third hop (the repository's forward(filter) to
    // its own findRaw), constant data.
    const nest = await lint('two-hop-services/nest', 'recommended');
    expect(nest.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'src/users/users.controller.ts:12:37 no-nosql-injection',
      'src/users/users.controller.ts:18:37 no-sql-injection',
      'src/users/users.repository.ts:23:23 no-sql-injection',
    ]);
    expect(nest.messages.get('src/users/users.controller.ts:12:37 no-nosql-injection')).toBe(
      "Request data (body, through 'search' (src/users/users.service.ts:12) and 'findRaw' (src/users/users.repository.ts:15)) is used as a whole value in the filter of 'this.userModel.find': an object such as {\"$ne\": null} sent by the client becomes a query operator. Coerce it (String(), Number()), validate it, or use Mongoose's sanitizeFilter (express-mongo-sanitize throws on Express 5).",
    );
    expect(nest.messages.get('src/users/users.controller.ts:18:37 no-sql-injection')).toBe(
      "SQL text passed to 'pool.query' takes a table or column name from request data (sort, through 'sorted' (src/users/users.service.ts:16) and 'sortedBy' (src/users/users.repository.ts:19)): SQL injection, and a query parameter cannot help there. Check it against an allow list of names (ALLOWED.includes(x) ? x : 'default').",
    );
    // strict: the repository's file reports the column name itself, the controller no longer does.
    expect((await lint('two-hop-services/nest', 'strict')).list.filter((f) => / no-sql-injection$/u.test(f))).toEqual([
      'src/users/users.repository.ts:19:23 no-sql-injection',
      'src/users/users.repository.ts:23:23 no-sql-injection',
    ]);
    // ES modules: fields made by new (`users = new UsersService()`, `repo = new UsersRepository()`).
    const esm = await lint('two-hop-services/esm', 'recommended');
    expect(esm.list).toEqual(['users.controller.mjs:7:44 no-nosql-injection']);
    expect(esm.messages.get('users.controller.mjs:7:44 no-nosql-injection')).toContain(
      "(req.body.filter, through 'findByFilter' (users.service.mjs:7) and 'findMatching' (users.repository.mjs:7)) is used as a whole value in the filter of 'User.find'",
    );
    // File by file neither service is read.
    expect((await lint('two-hop-services/nest', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual(['src/users/users.repository.ts:23:23 no-sql-injection']);
    expect((await lint('two-hop-services/esm', 'recommended', false)).list).toEqual([]);
  });

  it("no-nosql-injection: Express 5's simple query parser makes no objects from req.query, unless a file of the package names the 'query parser' setting", async () => {
    // express ^5.1.0, no setting: req.query.name in a filter is a string (or strings); req.body.name may be an object.
    // The query object itself is not: its keys are the client's (`find(req.query)`, spread, a destructured whole
    // `query`, the rest of a destructured query; trial 26), while its values stay strings (destructured, through a local,
    // by a computed key, of a copy made by a spread or Object.assign).
    const simple = [
      'users.js:12:36 no-nosql-injection',
      'users.js:17:28 no-nosql-injection',
      'users.js:21:33 no-nosql-injection',
      'users.js:25:31 no-nosql-injection',
      'users.js:48:28 no-nosql-injection',
      'users.js:53:36 no-nosql-injection',
    ];
    const on = await lint('express5-query/simple', 'recommended');
    expect(on.list).toEqual(simple);
    expect((await lint('express5-query/simple', 'recommended', false)).list).toEqual(simple);
    // The message's example is what the client can send (U5): a JSON body makes objects; a query string under the simple
    // parser makes keys, a top-level operator for a whole filter (or a spread), a field's operator for a value of a key.
    const express5 = "Coerce it (String(), Number()), validate it, or use Mongoose's sanitizeFilter (express-mongo-sanitize throws on Express 5).";
    expect(on.messages.get('users.js:12:36 no-nosql-injection')).toBe(
      `Request data (req.body.name) is used as a whole value in the filter of 'User.find': an object such as {"$ne": null} sent by the client becomes a query operator. ${express5}`,
    );
    expect(on.messages.get('users.js:17:28 no-nosql-injection')).toBe(
      `Request data (req.query) is used as a whole value in the filter of 'User.find': a query string such as ?$where=sleep(5000) sent by the client becomes a query operator. ${express5}`,
    );
    for (const at of ['21:33', '25:31', '48:28']) expect(on.messages.get(`users.js:${at} no-nosql-injection`)).toContain('a query string such as ?$where=sleep(5000) sent by the client');
    expect(on.messages.get('users.js:53:36 no-nosql-injection')).toContain("in the filter of 'User.find': a query string such as ?$ne=x sent by the client becomes a query operator.");
    // app.js sets app.set('query parser', 'extended'): the router's query is read as objects again.
    const extended = await lint('express5-query/extended', 'recommended');
    expect(extended.list).toEqual(['users.js:12:36 no-nosql-injection', 'users.js:17:28 no-nosql-injection', 'users.js:8:36 no-nosql-injection']);
    expect(extended.messages.get('users.js:17:28 no-nosql-injection')).toContain('an object such as {"$ne": null} sent by the client');
    // File by file, the router's file does not show the setting of app.js: its query values are strings, the whole
    // query has the client's keys.
    const byFile = await lint('express5-query/extended', 'recommended', false);
    expect(byFile.list).toEqual(['users.js:12:36 no-nosql-injection', 'users.js:17:28 no-nosql-injection']);
    expect(byFile.messages.get('users.js:17:28 no-nosql-injection')).toContain('a query string such as ?$where=sleep(5000) sent by the client');
  });

  it('controllers registered through a route adapter get the request properties it copies into their object (trial 28; CJS, ESM, TS)', async () => {
    const on = await lint('route-adapters', 'recommended');
    // Reported: `httpRequest.query.postId` of `makeCallback(getComments)` (app.js; the adapter copies `query: req.query`),
    // the same in the function a factory of another file returns (`exports.findPosts = makeFindPosts({ postsDb })`),
    // `query.text` of a destructured `({ query })` on a route before express-mongo-sanitize (esm/app.mjs), the body of
    // `adaptRoute(login)` (src/app.ts). Not reported: `String(httpRequest.query.tag)`; `httpRequest.cookies` and, in
    // TypeScript, `httpRequest.query`, which those adapters do not copy; a controller registered nowhere (`unused`); one
    // on a route after the sanitizer (`findSafe`).
    expect(on.list.filter((f) => DATA_RULES.test(f))).toEqual([
      'controllers/comments.js:14:49 no-nosql-injection',
      'controllers/make-find-posts.js:3:46 no-nosql-injection',
      'esm/controllers.mjs:3:99 no-nosql-injection',
      'src/controllers.ts:7:44 no-nosql-injection',
    ]);
    expect(on.messages.get('controllers/make-find-posts.js:3:46 no-nosql-injection')).toContain("Request data (httpRequest.query.slug) is used as a whole value in the filter of 'postsDb.find'");
    expect(on.messages.get('controllers/comments.js:14:49 no-nosql-injection')).toBe(
      `Request data (httpRequest.query.postId) is used as a whole value in the filter of 'Comment.find': an object such as {"$ne": null} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.`,
    );
    expect(on.messages.get('src/controllers.ts:7:44 no-nosql-injection')).toContain("Request data (httpRequest.body.email) is used as a whole value in the filter of 'User.findOne'");
    // File by file, no controller is known to receive the request.
    expect((await lint('route-adapters', 'recommended', false)).list.filter((f) => DATA_RULES.test(f))).toEqual([]);
  });
});

describe('new-user trial 31 (tests/fixtures/projects/db-helper-query)', () => {
  it("no-sql-injection: a db module's query method that hands its text to pool.query is one finding, as the query method's", async () => {
    // Trial 31 (a): `db.query(\`… ${req.params.id}\`)` was reported twice at the same text: as a query method by its
    // name and through the db module's summary (`'pool.query' … through 'query'`). A helper whose name is no query
    // method (`db.runSql`) is still reported through its summary.
    const on = await lint('db-helper-query', 'recommended');
    expect(on.all.filter((f) => f.includes('no-sql-injection'))).toEqual([
      "esm/orders.mjs:7:33 no-sql-injection: SQL text passed to 'db.query' contains request data (req.params.id): SQL injection. Pass it as a query parameter.",
      "src/routes/items.js:12:36 no-sql-injection: SQL text passed to 'pool.query' contains request data (req.params.name, through 'runSql' (src/db/index.js:7)): SQL injection. Pass it as a query parameter.",
      "src/routes/items.js:7:35 no-sql-injection: SQL text passed to 'db.query' contains request data (req.params.id): SQL injection. Pass it as a query parameter.",
      "ts/users.ts:7:33 no-sql-injection: SQL text passed to 'db.query' contains request data (req.query.team): SQL injection. Pass it as a query parameter.",
    ]);
    // File by file: the query methods by their names; the helper is not read.
    expect((await lint('db-helper-query', 'recommended', false)).list.filter((f) => f.endsWith('no-sql-injection'))).toEqual([
      'esm/orders.mjs:7:33 no-sql-injection',
      'src/routes/items.js:7:35 no-sql-injection',
      'ts/users.ts:7:33 no-sql-injection',
    ]);
  });
});
