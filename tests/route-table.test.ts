import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { fixture, lintProject as lint } from './helpers/projects';

describe('routes registered in a loop over a route table (tests/fixtures/projects/route-table)', () => {
  const RULES = /no-nosql-injection|no-sql-injection|require-rate-limit|require-input-validation/u;

  it("writes out each element as its route, with the element's handler or controller method (TypeORM template TS, CJS)", async () => {
    const on = await lint(fixture('route-table'), 'strict');
    // typeorm/ (the `typeorm init --express` layout): src/index.ts registers src/routes.ts's `Routes` with
    // `(app as any)[route.method](route.route, (req, res, next) => (new (route.controller as any))[route.action](req,
    // res, next) ...)`: each controller action is its route's handler (the request data it reads is a route's, named);
    // POST /login has no limiter, POST /signin has the one index.ts mounts on '/signin' before the loop.
    // cjs/: app.js runs `for (const r of routes) app[r.method](r.path, ...r.middlewares, r.handler)` over routes.js's
    // table: POST /login has the element's limiter, POST /register none; the handlers of handlers/users.js are the
    // routes'. upper-app.js reads the method through a call (`r.method.toLowerCase()`): unknown, nothing reported.
    // typeorm-then/ (session 20): the older samples' handler, `const controller = new (route.controller as any)();
    // controller[route.action](req, res, next).then(...).catch(next)`, runs the element's controller action too.
    // chain/ (session 20): app.mjs runs `routes.forEach((r) => app.route(r.path)[r.method](r.handler))` over routes.mjs's
    // table: POST /session has the limiter app.mjs mounts on '/session' before the loop, POST /password-reset none
    // (reported at the loop's method); the handlers of the table are the routes'.
    expect(on.list.filter((f) => RULES.test(f))).toEqual([
      'chain/app.mjs:10:41 require-rate-limit',
      'chain/routes.mjs:4:105 no-nosql-injection',
      'chain/routes.mjs:4:105 require-input-validation',
      'chain/routes.mjs:5:119 require-input-validation',
      'cjs/app.js:6:39 require-rate-limit',
      'cjs/handlers/users.js:3:74 no-nosql-injection',
      'cjs/handlers/users.js:3:74 require-input-validation',
      'cjs/handlers/users.js:4:83 require-input-validation',
      'cjs/handlers/users.js:5:69 no-nosql-injection',
      'cjs/handlers/users.js:5:69 require-input-validation',
      'typeorm-then/src/controller/NoteController.ts:5:18 require-input-validation',
      'typeorm-then/src/controller/NoteController.ts:9:27 require-input-validation',
      'typeorm-then/src/index.ts:8:30 require-rate-limit',
      'typeorm/src/controller/AuthController.ts:5:20 require-input-validation',
      'typeorm/src/controller/AuthController.ts:9:20 require-input-validation',
      'typeorm/src/controller/UserController.ts:10:32 no-sql-injection',
      'typeorm/src/controller/UserController.ts:10:66 require-input-validation',
      'typeorm/src/index.ts:15:32 require-rate-limit',
    ]);
    expect(on.messages.get('typeorm/src/index.ts:15:32 require-rate-limit')).toBe(
      "Authentication route 'POST /login' on 'app' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('typeorm-then/src/controller/NoteController.ts:9:27 require-input-validation')).toContain("Route 'POST /register' on 'app (typeorm-then/src/index.ts:4)'");
    expect(on.messages.get('chain/app.mjs:10:41 require-rate-limit')).toBe(
      "Authentication route 'POST /password-reset' on 'app' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('chain/routes.mjs:4:105 require-input-validation')).toContain("Route 'POST /session' on 'app (chain/app.mjs:6)'");
    expect(on.messages.get('cjs/app.js:6:39 require-rate-limit')).toBe(
      "Authentication route 'POST /register' on 'app' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('typeorm/src/controller/UserController.ts:10:66 require-input-validation')).toBe(
      "Route 'GET /users/:id' on 'app (typeorm/src/index.ts:9)' uses 'request.params' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
    );
    expect(on.messages.get('typeorm/src/controller/AuthController.ts:9:20 require-input-validation')).toContain("Route 'POST /signin' on 'app (typeorm/src/index.ts:9)'");
    expect(on.messages.get('cjs/handlers/users.js:5:69 require-input-validation')).toContain("Route 'GET /users/find' on 'app (cjs/app.js:4)'");
    // File by file, no table is read across files: the controllers are no routes' handlers, the tables register nothing.
    const off = await lint(fixture('route-table'), 'strict', false);
    expect(off.list.filter((f) => RULES.test(f))).toEqual([
      'chain/routes.mjs:4:105 no-nosql-injection',
      'cjs/handlers/users.js:3:74 no-nosql-injection',
      'cjs/handlers/users.js:5:69 no-nosql-injection',
      'typeorm/src/controller/UserController.ts:10:32 no-sql-injection',
    ]);
  });

  it('a table that a third file importing it changes (`routes.push(...)` in cjs/extra.js) is not known whole: its loop stays unknown', async () => {
    // (Session 20 (3). Only the text of the table file's other importers is read, never parsed; the element pushed
    // there is not read, so the loop's routes stay unchecked rather than checked in part.)
    const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-route-table-'));
    try {
      cpSync(fixture('route-table'), dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'cjs/extra.js'),
        "const { routes } = require('./routes');\nconst users = require('./handlers/users');\n\nroutes.push({ method: 'post', path: '/signin', middlewares: [], handler: users.login });\n",
      );
      const found = await lint(dir, 'strict');
      expect(found.list.filter((f) => RULES.test(f) && f.startsWith('cjs/'))).toEqual(['cjs/handlers/users.js:3:74 no-nosql-injection', 'cjs/handlers/users.js:5:69 no-nosql-injection']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
