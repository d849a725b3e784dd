import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';

import plugin from '../src/index';
import { parseCounts } from '../src/project';
import { INDEX_TTL_MS } from '../src/project/limits';
import { fixture, lintProject, projects } from './helpers/projects';

const lint = lintProject;

/** Runs `fn` on a temporary copy of a fixture project (an empty folder for `null`), removed afterwards. */
async function inCopyOf(name: string | null, fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-projects-'));
  try {
    if (name) cpSync(fixture(name), dir, { recursive: true });
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` with the clock past the lifetime of the project model's indexes and resolutions (`INDEX_TTL_MS`). */
async function pastIndexTtl<T>(fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(Date.now() + INDEX_TTL_MS + 1000);
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

describe('cross-file analysis (tests/fixtures/projects)', () => {
  it('express-generator layout: the app that bin/www serves is complete, routers get their mount path and chain', async () => {
    const on = await lint(fixture('generator'), 'strict');
    expect(on.list).toEqual([
      'app.js:13:9 no-unbounded-body',
      'app.js:14:9 no-unbounded-body',
      'app.js:15:17 no-memory-session-store',
      // strict's requireExpiry, the missing sameSite (a fix) and the missing secure (a suggestion: no trust proxy)
      'app.js:15:17 secure-cookies',
      'app.js:15:17 secure-cookies',
      'app.js:15:17 secure-cookies',
      'app.js:8:11 disable-x-powered-by',
      'app.js:8:11 require-helmet',
      // bin/www serves it with http.createServer: reported at the app, naming bin/www.
      'app.js:8:11 require-https',
      'routes/users.js:4:13 require-csrf-protection',
      'routes/users.js:4:13 require-rate-limit',
      'routes/users.js:5:22 require-input-validation',
      'routes/users.js:5:3 require-session-regenerate',
      'routes/users.js:6:16 no-open-redirect',
    ]);
    expect(on.messages.get('routes/users.js:4:13 require-rate-limit')).toBe(
      "Authentication route 'POST /users/login' on 'router (mounted in app.js:18)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('app.js:8:11 require-https')).toBe(
      "Express app 'app' is served over plain HTTP in bin/www:8 (http.createServer), and neither that file nor this one shows TLS: no https.createServer, no 'trust proxy' for a TLS-terminating proxy, no HSTS. Serve it with https.createServer, or, when a proxy terminates TLS in front of it, say how many: app.set('trust proxy', 1).",
    );
    // The single-file view: app.js's app escapes, the routers are mounted nowhere it can see.
    const off = await lint(fixture('generator'), 'strict', false);
    expect(off.list).toEqual([
      'app.js:13:9 no-unbounded-body',
      'app.js:14:9 no-unbounded-body',
      'app.js:15:17 no-memory-session-store',
      'app.js:15:17 secure-cookies',
      'app.js:15:17 secure-cookies',
      'app.js:15:17 secure-cookies',
      'routes/users.js:5:22 require-input-validation',
      'routes/users.js:5:3 require-session-regenerate',
      'routes/users.js:6:16 no-open-redirect',
    ]);
  });

  it('express-generator layout without scripts.start: bin/www is still found as the importer that serves app.js', async () => {
    await inCopyOf('generator', async (dir) => {
      const manifest = path.join(dir, 'package.json');
      writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), scripts: {} }));
      const app = (await lint(dir, 'strict')).list.filter((key) => key.startsWith('app.js:8:11'));
      expect(app).toEqual(['app.js:8:11 disable-x-powered-by', 'app.js:8:11 require-helmet', 'app.js:8:11 require-https']);
      // An extensionless file elsewhere is not a script of the package: without bin/www the app escapes unseen.
      renameSync(path.join(dir, 'bin/www'), path.join(dir, 'www'));
      expect((await lint(dir, 'strict')).list.filter((key) => key.startsWith('app.js:8:11'))).toEqual([]);
    });
  });

  it('require-https: an app that bin/www serves with https.createServer, or with app.listen() behind trust proxy, is not reported', async () => {
    await inCopyOf('generator', async (dir) => {
      const www = path.join(dir, 'bin/www');
      const original = readFileSync(www, 'utf8');
      writeFileSync(www, original.replace("var http = require('http');", "var https = require('https');").replace('http.createServer(app)', 'https.createServer({}, app)'));
      expect((await lint(dir, 'strict')).list.filter((key) => key.endsWith('require-https'))).toEqual([]);
      writeFileSync(www, original.replace('var server = http.createServer(app);\nserver.listen(port);', "app.set('trust proxy', 1);\napp.listen(port);"));
      expect((await lint(dir, 'strict')).list.filter((key) => key.endsWith('require-https'))).toEqual([]);
      // Served by app.listen() alone: reported, naming the call.
      writeFileSync(www, original.replace('var server = http.createServer(app);\nserver.listen(port);', 'app.listen(port);'));
      const listened = await lint(dir, 'strict');
      expect(listened.list.filter((key) => key.endsWith('require-https'))).toEqual(['app.js:8:11 require-https']);
      expect(listened.messages.get('app.js:8:11 require-https')).toContain('served over plain HTTP in bin/www:8 (app.listen())');
    });
  });

  it("docs/whole-app-analysis.md: bin/www is linted only when a block names it, for its own code; the app's findings land in app.js", async () => {
    await inCopyOf('generator', async (dir) => {
      const lintDir = async (extra: Linter.Config[], base = plugin.configs.recommended): Promise<string[]> => {
        const eslint = new ESLint({
          cwd: dir,
          overrideConfigFile: true,
          overrideConfig: [...base, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }, ...extra] as never,
        });
        const results = await eslint.lintFiles(['.']);
        expect(results.every((r) => r.fatalErrorCount === 0)).toBe(true);
        return results
          .flatMap((r) => {
            const file = path.relative(dir, r.filePath).split(path.sep).join('/');
            return [file, ...r.messages.map((m) => `${file}:${m.line} ${m.ruleId}`)];
          })
          .sort();
      };
      // The block of docs/whole-app-analysis.md: the configs applied to bin/www by name (each of their blocks carries the plugin).
      const readmeBlock = (configs: readonly Linter.Config[]): Linter.Config[] =>
        configs.map((config) => ({ ...config, files: ['bin/www'], languageOptions: { sourceType: 'commonjs' } }));
      expect(await lintDir([])).not.toContain('bin/www');
      // What bin/www says about the app (served over plain HTTP in bin/www:8) is reported at the app, linted or not.
      const strict = await lintDir(readmeBlock(plugin.configs.strict), plugin.configs.strict);
      expect(strict).toContain('bin/www');
      expect(strict.filter((key) => key.startsWith('bin/www:') || key.endsWith('require-https'))).toEqual(['app.js:8 secure-express/require-https']);
      expect((await lintDir([], plugin.configs.strict)).filter((key) => key.endsWith('require-https'))).toEqual(['app.js:8 secure-express/require-https']);
      // bin/www's own code is checked in bin/www: the TLS options of the server it creates.
      const www = path.join(dir, 'bin/www');
      writeFileSync(
        www,
        readFileSync(www, 'utf8')
          .replace("var http = require('http');", "var https = require('https');")
          .replace('http.createServer(app)', "https.createServer({ minVersion: 'TLSv1' }, app)"),
      );
      expect((await lintDir([])).filter((key) => key.startsWith('bin/www'))).toEqual([]);
      expect((await lintDir(readmeBlock(plugin.configs.recommended))).filter((key) => key.startsWith('bin/www'))).toEqual([
        'bin/www',
        'bin/www:8 secure-express/no-insecure-tls',
      ]);
      // A pattern that ends in `*` only adds settings to files another block matches: `bin/*` alone lints nothing.
      expect(await lintDir(plugin.configs.recommended.map((config) => ({ ...config, files: ['bin/*'] })))).not.toContain('bin/www');
      // A block of rules without the plugin: ESLint cannot find the rule.
      await expect(lintDir([{ files: ['bin/www'], rules: { 'secure-express/no-insecure-tls': 'error' } }])).rejects.toThrow(/plugin/iu);
    });
  });

  it('route modules that import the app (const app = require(\'../app\'), import { app } from \'../app\'): their routes get what the app\'s file mounted (trial 18 C15)', async () => {
    // Variants (load order, cycles, other importers): tests/project/imported-apps.test.ts.
    const on = await lint(fixture('imported-app'), 'recommended');
    // routes/pages.js limits its own signup route.
    expect(on.list).toEqual(['routes/auth.js:3:10 require-rate-limit']);
    expect(on.messages.get('routes/auth.js:3:10 require-rate-limit')).toBe(
      "Authentication route 'POST /login' on 'app (app.js:4)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect((await lint(fixture('imported-app'), 'recommended', false)).list).toEqual([]);
    const ts = await lint(fixture('imported-app-ts'), 'recommended');
    expect(ts.list).toEqual(['src/routes/auth.ts:4:10 require-rate-limit']);
    expect(ts.messages.get('src/routes/auth.ts:4:10 require-rate-limit')).toBe(
      "Authentication route 'POST /api/auth/login' on 'app (src/app.ts:4)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
  });

  it('route modules taking (app, db): their routes get the caller middleware before the call', async () => {
    const on = await lint(fixture('handoff'), 'recommended');
    // POST /account/reset-password is behind the limiter server.js mounts before handing the app over.
    expect(on.list).toEqual([
      'routes/public.js:2:12 require-rate-limit',
      'routes/public.js:3:14 no-sql-injection',
      'routes/public.js:4:18 no-open-redirect',
      // `store: db.sessionStore`, and db.js exports `sessionStore = null`: express-session falls back to its MemoryStore.
      'server.js:11:17 no-memory-session-store',
    ]);
    expect(on.messages.get('routes/public.js:2:12 require-rate-limit')).toBe(
      "Authentication route 'POST /login' on 'app (passed in server.js:13)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('server.js:11:17 no-memory-session-store')).toMatch(/^express-session's 'store' is null \(from db\.js:\d+\), so it keeps sessions in its MemoryStore/u);
    const off = await lint(fixture('handoff'), 'recommended', false);
    expect(off.list).toEqual(['routes/public.js:3:14 no-sql-injection']);
  });

  it('controllers (exports.x, handler objects, constructor methods) are handlers of the routes that register them', async () => {
    const on = await lint(fixture('controllers'), 'strict');
    expect(on.list).toEqual([
      'app.js:10:9 no-unbounded-body',
      'app.js:11:103 secure-cookies',
      'controllers/account.js:6:14 no-reflected-xss',
      'controllers/account.js:6:28 require-input-validation',
      // checkPassword(req.body.username, req.body.password) authenticates: it validates nothing
      'controllers/auth.js:2:21 require-input-validation',
      'controllers/auth.js:3:5 require-session-regenerate',
      'controllers/pages.js:3:18 no-open-redirect',
      'controllers/pages.js:3:18 require-input-validation',
      'routes/auth.js:11:13 require-csrf-protection',
      'routes/auth.js:12:13 require-csrf-protection',
      'routes/auth.js:14:13 require-rate-limit',
    ]);
    expect(on.messages.get('controllers/account.js:6:28 require-input-validation')).toBe(
      "Route 'POST /users/profile' on 'router (routes/auth.js:8, mounted in app.js:12)' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
    );
    const off = await lint(fixture('controllers'), 'strict', false);
    expect(off.list).toEqual(['app.js:10:9 no-unbounded-body', 'app.js:11:103 secure-cookies']);
  });

  it('helpers exported by another module of the package: request data given to one that redirects, serves a file or sends HTML is reported at the call', async () => {
    const on = await lint(fixture('helpers'), 'recommended');
    // Not reported: a helper given a fixed value, with a root option, under an allow list (early return or branch),
    // one that sets a text content type, a whole parsed body (sent as JSON), a value derived into a constant, a URL
    // whose fixed prefix pins the origin ('https://app.example/welcome?next=' + req.query.next, `/account/${…}`).
    expect(on.list).toEqual([
      'esm.mjs:5:46 no-open-redirect',
      'routes.js:17:54 no-reflected-xss',
      'routes.js:23:54 no-reflected-xss',
      'routes.js:24:55 no-open-redirect',
      'routes.js:28:15 no-open-redirect',
      'routes.js:6:47 no-open-redirect',
      'routes.js:7:54 no-path-traversal',
      'src/controller.ts:5:13 no-open-redirect',
    ]);
    expect(on.messages.get('routes.js:6:47 no-open-redirect')).toBe(
      "'res.redirect' sends the browser to a URL taken from the request (req.query.next, through 'sendTo' (lib/respond.js:3)): open redirect. Check it against an allow list, or keep only a local path.",
    );
    expect(on.messages.get('routes.js:7:54 no-path-traversal')).toContain("through 'serve' (lib/respond.js:7)");
    expect(on.messages.get('src/controller.ts:5:13 no-open-redirect')).toContain("'res.location'");
    expect(on.messages.get('routes.js:17:54 no-reflected-xss')).toContain("req.query.name, through 'html' (lib/respond.js:22)");
    expect(on.messages.get('routes.js:23:54 no-reflected-xss')).toContain("req.params.title, through 'page' (lib/respond.js:19)");
    // The single-file view cannot read the helpers.
    expect((await lint(fixture('helpers'), 'recommended', false)).list).toEqual([]);
  });

  it('TypeScript layout with imports written ./x.js: https in server.ts counts, its helmet comes after the routers of app.ts, factories return handlers, a class takes a router', async () => {
    const on = await lint(fixture('typescript'), 'recommended');
    expect(on.list).toEqual([
      // server.ts runs app.use(helmet()) once app.ts has mounted its routers: their responses miss helmet's headers.
      'src/app.ts:11:9 require-helmet',
      'src/app.ts:7:20 disable-x-powered-by',
      'src/controllers/auth.ts:14:20 no-open-redirect',
      'src/controllers/users.ts:10:18 no-path-traversal',
      // A class route module: app.ts hands the router to its constructor (a TypeScript parameter property).
      'src/routes/admin.ts:5:17 require-rate-limit',
      'src/routes/admin.ts:9:22 require-rate-limit',
      'src/routes/auth.ts:8:17 require-rate-limit',
    ]);
    expect(on.messages.get('src/routes/auth.ts:8:17 require-rate-limit')).toContain("'POST /api/auth/login' on 'authRouter (mounted in src/app.ts:11)'");
    expect(on.messages.get('src/routes/admin.ts:5:17 require-rate-limit')).toContain("'POST /api/admin/login' on 'router (passed in src/app.ts:17)'");
    expect(on.messages.get('src/app.ts:11:9 require-helmet')).toBe(
      "helmet is mounted on Express app 'app' (src/server.ts:8) after the routes of 'authRouter' mounted on '/api/auth' (src/app.ts:11): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
    );
    // Without cross-file analysis only the handlers typed with Express's Request/Response are seen (request data).
    expect((await lint(fixture('typescript'), 'recommended', false)).list).toEqual([
      'src/controllers/auth.ts:14:20 no-open-redirect',
      'src/controllers/users.ts:10:18 no-path-traversal',
    ]);
  });

  it("ESM layout: helmet that server.mjs adds to the app of app.mjs comes after app.mjs's route; an app served bare is reported", async () => {
    const on = await lint(fixture('esm'), 'recommended');
    expect(on.list).toEqual([
      'admin.mjs:3:22 disable-x-powered-by',
      'admin.mjs:3:22 require-helmet',
      'app.mjs:3:13 disable-x-powered-by',
      'app.mjs:4:9 require-helmet',
    ]);
    expect(on.messages.get('app.mjs:4:9 require-helmet')).toBe(
      "helmet is mounted on Express app 'app' (server.mjs:7) after route 'GET /' (app.mjs:4): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
    );
    expect(on.messages.get('app.mjs:3:13 disable-x-powered-by')).toBe(
      "Express app 'app' sends 'X-Powered-By: Express' on route 'GET /' (app.mjs:4): the helmet that removes it (server.mjs:7) is mounted after that route and never runs for it. Call app.disable('x-powered-by') or mount helmet before the routes.",
    );
    expect((await lint(fixture('esm'), 'recommended', false)).list).toEqual([]);
  });

  it('ESM layout: helmet that server.mjs adds before it mounts the router counts for an app.mjs without routes', async () => {
    await inCopyOf('esm', async (dir) => {
      writeFileSync(path.join(dir, 'app.mjs'), "import express from 'express';\n\nconst app = express();\napp.use(express.json());\n\nexport default app;\n");
      writeFileSync(path.join(dir, 'routes.mjs'), "import { Router } from 'express';\n\nexport const router = Router();\nrouter.get('/', (req, res) => res.send('ok'));\n");
      const server = path.join(dir, 'server.mjs');
      writeFileSync(
        server,
        readFileSync(server, 'utf8')
          .replace("import app from './app.mjs';", "import app from './app.mjs';\nimport { router } from './routes.mjs';")
          .replace('app.use(helmet());', 'app.use(helmet());\napp.use(router);'),
      );
      expect((await lint(dir, 'recommended')).list).toEqual(['admin.mjs:3:22 disable-x-powered-by', 'admin.mjs:3:22 require-helmet']);
    });
  });

  it('express-generator layout: helmet that bin/www adds comes after every router app.js mounts', async () => {
    await inCopyOf('generator', async (dir) => {
      const www = path.join(dir, 'bin/www');
      writeFileSync(www, readFileSync(www, 'utf8').replace("var http = require('http');", "var http = require('http');\nvar helmet = require('helmet');\napp.use(helmet());"));
      const on = await lint(dir, 'recommended');
      expect(on.list.filter((f) => f.startsWith('app.js:') && /helmet|powered/u.test(f))).toEqual(['app.js:17:9 require-helmet', 'app.js:8:11 disable-x-powered-by']);
      expect(on.messages.get('app.js:17:9 require-helmet')).toBe(
        "helmet is mounted on Express app 'app' (bin/www:5) after the routes of 'indexRouter' mounted on '/' (app.js:17): Express runs middleware and routes in order, so those responses go out without helmet's headers. Mount helmet before the routes.",
      );
      // Mounted in app.js before the routers, it counts.
      writeFileSync(www, readFileSync(path.join(fixture('generator'), 'bin/www'), 'utf8'));
      const app = path.join(dir, 'app.js');
      writeFileSync(app, readFileSync(app, 'utf8').replace("var app = express();", "var app = express();\napp.use(require('helmet')());"));
      expect((await lint(dir, 'recommended')).list.filter((f) => /helmet|powered/u.test(f))).toEqual([]);
    });
  });

  it('an app returned by an exported function and served by the file that calls it is complete (no handler in the factory file)', async () => {
    // Regression: the factory's file showed no handler or app parameter, so its importers were never read and the
    // returned app stayed unknown; the same file with an inline handler was reported.
    const on = await lint(fixture('factory-returned'), 'recommended');
    expect(on.list).toEqual(['src/app.ts:7:15 disable-x-powered-by', 'src/app.ts:7:15 require-helmet']);
    expect(on.messages.get('src/app.ts:7:15 require-helmet')).toMatch(/'app'/u);
    // Off: a returned app is handed to code the file does not show, so nothing is said.
    expect((await lint(fixture('factory-returned'), 'recommended', false)).list).toEqual([]);
  });

  it('a bare app factory that serves static files at a path still gives each caller an app of its own', async () => {
    // Regression: a `use` at a path made the factory a setup function (one app shared by its callers), so the helmet of
    // server.js hid that worker.js mounts none.
    const on = await lint(fixture('factory-static'), 'recommended');
    expect(on.list).toEqual(['worker.js:3:13 require-helmet']);
    expect((await lint(fixture('factory-static'), 'recommended', false)).list).toEqual([]);
  });

  it('app factory of the package: its apps and routers are apps, with what the factory configured', async () => {
    const on = await lint(fixture('factory'), 'strict');
    expect(on.list).toEqual([
      'core/admin/app.js:8:11 require-rate-limit',
      'core/admin/app.js:9:16 no-open-redirect',
      'core/admin/app.js:9:16 require-input-validation',
      'core/members/app.js:3:20 disable-x-powered-by',
      'core/members/app.js:3:20 require-helmet',
      'core/members/app.js:5:1 require-https',
    ]);
    expect((await lint(fixture('factory'), 'strict', false)).list).toEqual([]);
  });

  it('reads and parses each other file at most once per process', async () => {
    await lint(fixture('generator'), 'recommended');
    await lint(fixture('generator'), 'strict');
    const counts = [...parseCounts()].filter(([file]) => file.startsWith(projects));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter(([, n]) => n > 1)).toEqual([]);
  });

  it("bundled routers (trial 41v, verdaccio 9's rolldown build): a router factory mounted at an enum's path by a factory of another file", async () => {
    // build/account: `router.use(Urls.account, accountRoutes(store))` in a factory that returns its router, with `Urls`
    // an enum of urls.js as oxc compiles it: the factory registers routes at a path (not a bare app factory), so the
    // router of routes.js gets that mount and the server's. build/panel: the same, but the server hands the factory's
    // router to a function in an options object (`shell({ endpoints })`), which the model does not follow: what that
    // code mounts before it is unknown, so the inner router's chain is unknown too and its route is not asked for
    // validation (as express-gateway's admin routers mounted on an app handed to plugins: bench/corpus-review.md,
    // session 41). CommonJS (`exports.default = f`) and ES modules (`export { f as default }`), as rolldown writes both.
    const on = await lint(fixture('bundled-routers'), 'strict');
    expect(on.all).toEqual([
      "build/account/routes.js:6:14 require-rate-limit: Authentication route 'POST /api/account/login' on 'router (mounted in build/account/index.js:7)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      "build/account/routes.js:7:31 require-input-validation: Route 'POST /api/account/login' on 'router (mounted in build/account/index.js:7)' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
      "build/account/routes.mjs:6:14 require-rate-limit: Authentication route 'POST /api/account/login' on 'router (mounted in build/account/index.mjs:7)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
      "build/account/routes.mjs:7:31 require-input-validation: Route 'POST /api/account/login' on 'router (mounted in build/account/index.mjs:7)' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
    ]);
    // Off: each router is only returned, mounted nowhere the file shows; validation is still asked of its route.
    expect((await lint(fixture('bundled-routers'), 'strict', false)).list).toEqual([
      'build/account/routes.js:7:31 require-input-validation',
      'build/account/routes.mjs:7:31 require-input-validation',
      'build/panel/routes.js:7:31 require-input-validation',
      'build/panel/routes.mjs:7:31 require-input-validation',
    ]);
  });

  // (New fixtures go below: the test above counts parses of the generator fixture linted first, whose project model
  // stays cached only while fewer than MAX_PROJECTS other packages are linted in between.)
  it('trial 24 R4: a handler that only hands the request on, (req, res) => ctrl.update(req, res), makes the method of a class of another file the route\'s handler (CommonJS, TypeScript)', async () => {
    const on = await lint(fixture('delegating-handler'), 'strict');
    expect(on.list).toEqual([
      'app.js:11:10 require-csrf-protection',
      'app.js:12:9 require-csrf-protection',
      // GET reaches `list`: reflected; `update` only serves PUT: not reported (it was, as a handler of no known route)
      'controllers/items.js:11:14 no-reflected-xss',
      'controllers/items.js:11:28 require-input-validation',
      'controllers/items.js:7:27 require-input-validation',
    ]);
    expect(on.messages.get('app.js:12:9 require-csrf-protection')).toMatch(/^Route 'PUT \/items\/:id' on 'app' changes state and trusts the cookies that express-session reads/u);
    expect(on.messages.get('controllers/items.js:7:27 require-input-validation')).toBe(
      "Route 'PUT /items/:id' on 'app (app.js:7)' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
    );
    const ts = await lint(fixture('delegating-handler-ts'), 'strict');
    expect(ts.list).toEqual(['src/controllers/items.ts:5:27 require-input-validation', 'src/server.ts:10:11 require-csrf-protection']);
    expect(ts.messages.get('src/controllers/items.ts:5:27 require-input-validation')).toContain("Route 'PATCH /items/:id' on 'app (src/server.ts:6)'");
    expect((await lint(fixture('delegating-handler-ts'), 'recommended')).list).toEqual([]);
    // Single-file: the controllers' methods are handlers of no route the file shows.
    const off = await lint(fixture('delegating-handler'), 'strict', false);
    expect(off.list).toEqual(['controllers/items.js:11:14 no-reflected-xss', 'controllers/items.js:7:14 no-reflected-xss']);
  });

  it('trial 24 R6: a handler method inherited from a base class of another file (one or two levels of extends, require or import) is the route\'s handler (CommonJS, TypeScript)', async () => {
    const on = await lint(fixture('base-class-other-file'), 'recommended');
    expect(on.list).toEqual([
      'app.js:8:74 secure-cookies',
      // `update` of base.js, through crud.js, is items' (`new ItemsController()`): PUT, CSRF, and not reflected
      'app.js:9:9 require-csrf-protection',
      // base.js's `remove` is overridden in items.js: registered on no route the package shows
      'controllers/base.js:7:14 no-reflected-xss',
      // `list` of crud.js serves GET /items
      'controllers/crud.js:5:14 no-reflected-xss',
    ]);
    expect(on.messages.get('app.js:9:9 require-csrf-protection')).toBe(
      "Route 'PUT /items/:id' on 'app' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.",
    );
    const strict = await lint(fixture('base-class-other-file'), 'strict');
    expect(strict.list.filter((key) => key.includes('require-input-validation') || key.startsWith('src/'))).toEqual([
      'controllers/base.js:3:27 require-input-validation',
      'controllers/crud.js:5:28 require-input-validation',
      'controllers/items.js:5:25 require-input-validation',
      'src/controllers/base.ts:5:27 require-input-validation',
      'src/server.ts:10:11 require-csrf-protection',
    ]);
    expect(strict.messages.get('controllers/base.js:3:27 require-input-validation')).toContain("Route 'PUT /items/:id' on 'app (app.js:6)'");
    expect(strict.messages.get('src/controllers/base.ts:5:27 require-input-validation')).toContain("Route 'PATCH /users/:id' on 'app (src/server.ts:7)'");
    const off = await lint(fixture('base-class-other-file'), 'recommended', false);
    expect(off.list).toEqual([
      'app.js:8:74 secure-cookies',
      'controllers/base.js:3:14 no-reflected-xss',
      'controllers/base.js:7:14 no-reflected-xss',
      'controllers/crud.js:5:14 no-reflected-xss',
      'src/controllers/base.ts:5:14 no-reflected-xss',
    ]);
  });

  it('does not read other files for a file that shows no sign of Express', async () => {
    await inCopyOf('generator', async (dir) => {
      writeFileSync(path.join(dir, 'util.js'), "const app = require('./app');\nmodule.exports = (a, b) => a + b + String(app);\n");
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended as never });
      const [result] = await eslint.lintFiles(['util.js']);
      expect(result!.messages).toEqual([]);
      expect([...parseCounts().keys()].filter((file) => file.startsWith(dir))).toEqual([]);
    });
  });

  it('stays quiet, without throwing, when an importer does not parse, imports form a cycle, or nothing serves the app', async () => {
    await inCopyOf(null, async (dir) => {
      writeFileSync(path.join(dir, 'package.json'), '{ "name": "broken", "private": true }\n');
      writeFileSync(path.join(dir, 'app.js'), "const express = require('express');\nconst app = express();\nrequire('./routes')(app);\nmodule.exports = app;\n");
      // A cycle: the route module requires the app back; and a file that does not parse imports the app.
      writeFileSync(path.join(dir, 'routes.js'), "const self = require('./app');\nmodule.exports = (app) => { app.post('/login', (req, res) => res.redirect(req.query.next)); self.locals.x = 1; };\n");
      writeFileSync(path.join(dir, 'server.js'), "const app = require('./app');\napp.listen(3000\n");
      const eslint = new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        overrideConfig: [...plugin.configs.recommended, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }] as never,
      });
      const results = await eslint.lintFiles(['app.js', 'routes.js']);
      expect(results.map((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line} ${m.ruleId}`)).flat()).toEqual([
        // The app's importers are unknown (routes.js reads it back, server.js does not parse), but app.js hands the
        // app to routes.js while it loads, before any importer can add middleware: its login has no limiter before it.
        'routes.js:2 secure-express/require-rate-limit',
        'routes.js:2 secure-express/no-open-redirect',
      ]);
    });
  });

  it('a router mounted on an app of another file gets what that file mounted on the app first (its limiter, helmet)', async () => {
    await inCopyOf(null, async (dir) => {
      writeFileSync(path.join(dir, 'package.json'), '{ "name": "mounted-on-import", "private": true, "main": "server.js" }\n');
      writeFileSync(
        path.join(dir, 'app.js'),
        "const express = require('express');\nconst helmet = require('helmet');\nconst rateLimit = require('express-rate-limit');\nconst app = express();\napp.use(helmet());\napp.use('/auth', rateLimit({ limit: 5 }));\nmodule.exports = app;\n",
      );
      writeFileSync(
        path.join(dir, 'server.js'),
        "const express = require('express');\nconst app = require('./app');\nconst admin = express();\nadmin.disable('x-powered-by');\napp.use('/auth', require('./routes/auth'));\napp.use('/account', require('./routes/account'));\napp.use('/admin', admin);\napp.listen(3000);\n",
      );
      mkdirSync(path.join(dir, 'routes'));
      writeFileSync(path.join(dir, 'routes/auth.js'), "const router = require('express').Router();\nrouter.post('/login', (req, res) => res.end());\nmodule.exports = router;\n");
      writeFileSync(path.join(dir, 'routes/account.js'), "const router = require('express').Router();\nrouter.post('/reset-password', (req, res) => res.end());\nmodule.exports = router;\n");
      // /auth/login is behind app.js's limiter (mounted on '/auth'), /account/reset-password is not; the admin sub-app
      // of server.js gets app.js's helmet (no require-helmet).
      expect((await lint(dir, 'recommended')).list).toEqual(['routes/account.js:2:13 require-rate-limit']);
    });
  });

  it("reads settings['secure-express'].entries as entry files", async () => {
    await inCopyOf('generator', async (dir) => {
      // No scripts and no test: an extensionless script outside bin/ (here scripts/www) is not scanned unless named as
      // an entry.
      rmSync(path.join(dir, 'test'), { recursive: true });
      writeFileSync(path.join(dir, 'package.json'), '{ "name": "no-scripts", "private": true }\n');
      mkdirSync(path.join(dir, 'scripts'));
      renameSync(path.join(dir, 'bin/www'), path.join(dir, 'scripts/www'));
      const lintApp = async (entries: string[]): Promise<string[]> => {
        const eslint = new ESLint({
          cwd: dir,
          overrideConfigFile: true,
          overrideConfig: [
            ...plugin.configs.recommended,
            { files: ['**/*.js', 'scripts/*'], languageOptions: { sourceType: 'commonjs' } },
            { settings: { 'secure-express': { entries } } },
          ] as never,
        });
        const [result] = await eslint.lintFiles(['app.js']);
        return result!.messages.map((m) => `${m.line} ${m.ruleId}`);
      };
      expect(await lintApp([])).toEqual(['15 secure-express/no-memory-session-store', '15 secure-express/secure-cookies', '15 secure-express/secure-cookies']);
      expect(await lintApp(['scripts/www'])).toEqual([
        '8 secure-express/disable-x-powered-by',
        '8 secure-express/require-helmet',
        '15 secure-express/no-memory-session-store',
        '15 secure-express/secure-cookies',
        '15 secure-express/secure-cookies',
      ]);
    });
  });

  it('picks up an edit two files away: bin/www mounting the app behind a rate limiter covers the routers of app.js', async () => {
    await inCopyOf('generator', async (dir) => {
      const routes = async (): Promise<string[]> => (await lint(dir, 'recommended')).list.filter((f) => f.startsWith('routes/'));
      expect(await routes()).toEqual([
        'routes/users.js:4:13 require-csrf-protection',
        'routes/users.js:4:13 require-rate-limit',
        'routes/users.js:6:16 no-open-redirect',
      ]);
      const www = path.join(dir, 'bin/www');
      writeFileSync(
        www,
        readFileSync(www, 'utf8')
          .replace("var http = require('http');", "var http = require('http');\nvar express = require('express');\nvar rateLimit = require('express-rate-limit');\nvar root = express();\nroot.use(rateLimit({ limit: 5 }));\nroot.use(app);")
          .replace('http.createServer(app)', 'http.createServer(root)'),
      );
      expect(await routes()).toEqual(['routes/users.js:4:13 require-csrf-protection', 'routes/users.js:6:16 no-open-redirect']);
    });
  });

  it('picks up an edit to another file on the next lint (mtime and size)', async () => {
    await inCopyOf('esm', async (dir) => {
      expect((await lint(dir, 'recommended')).list).toEqual([
        'admin.mjs:3:22 disable-x-powered-by',
        'admin.mjs:3:22 require-helmet',
        'app.mjs:3:13 disable-x-powered-by',
        'app.mjs:4:9 require-helmet',
      ]);
      const server = path.join(dir, 'server.mjs');
      writeFileSync(server, readFileSync(server, 'utf8').replace('app.use(helmet());\n', '').replace("import helmet from 'helmet';\n", ''));
      expect((await lint(dir, 'recommended')).list).toEqual([
        'admin.mjs:3:22 disable-x-powered-by',
        'admin.mjs:3:22 require-helmet',
        'app.mjs:3:13 disable-x-powered-by',
        'app.mjs:3:13 require-helmet',
      ]);
    });
  });
});

describe('values read through a module boundary (tests/fixtures/projects/config)', () => {
  it('a session secret, name and cookie options exported by config.js are seen where app.js reads them; values from the environment or rewritten later are not', async () => {
    const on = await lint(fixture('config'), 'strict');
    expect(on.list).toEqual([
      // env-config.js: the secret comes from process.env and 'secure' from NODE_ENV (unknown); only the missing expiry is known.
      'admin.js:11:19 secure-cookies',
      'app.js:10:110 secure-cookies',
      'app.js:10:17 secure-cookies',
      'app.js:10:54 no-hardcoded-secrets',
      'app.js:10:82 no-default-session-name',
      // A body limit above 1mb written in config.js (CJS) and settings.mjs (ESM), read where the parser is mounted.
      'app.js:11:31 no-unbounded-body',
      // settings.mjs: a hardcoded secret; its complete cookie options give no cookie finding.
      'server.mjs:10:77 no-hardcoded-secrets',
      'server.mjs:11:34 no-unbounded-body',
      // ts-settings.ts, imported as './ts-settings.js': a typed constant and an `as const` object.
      'ts-app.ts:10:72 no-hardcoded-secrets',
      'ts-app.ts:10:90 secure-cookies',
    ]);
    expect(on.messages.get('app.js:10:54 no-hardcoded-secrets')).toBe(
      'Hardcoded express-session secret (from config.js:3): anyone who can read the code (repository, image, bundle, build logs) can forge or tamper with session cookies. Read it from the environment or a secret manager.',
    );
    expect(on.messages.get('app.js:10:110 secure-cookies')).toBe(
      "The express-session cookie (from config.js:4) turns off 'secure': the cookie is sent over plain HTTP, where anyone on the network can read it.",
    );
    expect(on.messages.get('server.mjs:10:77 no-hardcoded-secrets')).toContain('(from settings.mjs:1)');
    expect(on.messages.get('app.js:11:31 no-unbounded-body')).toBe(
      'express.json() accepts bodies up to 20mb (from config.js:7), above the allowed 1mb: large bodies tie up memory and CPU (denial of service).',
    );
    expect(on.messages.get('server.mjs:11:34 no-unbounded-body')).toContain('express.json() accepts bodies up to 5mb (from settings.mjs:2)');
    // The cookie options object of env-config.js lacks an expiry: the message names where it is written.
    expect(on.messages.get('admin.js:11:19 secure-cookies')).toBe(
      "The express-session cookie (from env-config.js:5) has no 'maxAge' or 'expires': it lives as long as the browser runs.",
    );
    // mutated-config.js rewrites its literals from the environment: admin.js's second session says nothing.
    expect(on.list.filter((key) => key.startsWith('admin.js:12'))).toEqual([]);
    // The single-file view: every value read from another file is unknown.
    const off = await lint(fixture('config'), 'strict', false);
    expect(off.list).toEqual([]);
  });

  it('a value read from another file gets no suggestion (the fix belongs in that file), and a write to that module in the reading file makes its values unknown', async () => {
    await inCopyOf('config', async (dir) => {
      const eslint = new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        overrideConfig: [...plugin.configs.recommended, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }] as never,
      });
      const findings = async (): Promise<{ found: string[]; suggestions: number }> => {
        const [result] = await eslint.lintFiles(['app.js']);
        return {
          found: result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId?.replace('secure-express/', '')}`),
          suggestions: result!.messages.reduce((n, m) => n + (m.suggestions ?? []).length, 0),
        };
      };
      expect(await findings()).toEqual({
        found: ['10:54 no-hardcoded-secrets', '10:82 no-default-session-name', '10:110 secure-cookies', '11:31 no-unbounded-body'],
        suggestions: 0,
      });
      const app = path.join(dir, 'app.js');
      writeFileSync(app, readFileSync(app, 'utf8').replace("app.get('/'", "config.cookie.secure = true;\napp.get('/'"));
      expect(await findings()).toEqual({ found: [], suggestions: 0 });
    });
  });
});

describe('settings picked per environment from a table of another file (tests/fixtures/projects/env-table)', () => {
  it('what every entry of the table agrees on is read where the app reads it; what differs between entries is not', async () => {
    const on = await lint(fixture('env-table'), 'strict');
    expect(on.list).toEqual([
      // envs.js exports the table whole and admin.js picks the entry (CJS): every entry names the cookie 'connect.sid';
      // the secret is a literal in one entry and the environment in the other (unknown).
      'admin.js:10:24 no-default-session-name',
      // config.js (CJS, `module.exports = configs[process.env.NODE_ENV || 'development']`): the same literal fallback in
      // each entry; app.js's own options name no cookie. `secure` differs between entries: nothing is said of it.
      'app.js:10:17 no-default-session-name',
      'app.js:10:54 no-hardcoded-secrets',
      // config/config.json (sequelize-cli's layout, `require('./config/config.json')[env]`, CJS): every entry's secret is
      // the same literal, reported at the require; the name and `secure` differ between entries: nothing is said of them.
      'json-app.js:6:16 no-hardcoded-secrets',
      // settings.json, no table (`import settings from './settings.json' with { type: 'json' }`, ESM): its secret and
      // its cookie's `secure: false`.
      'json-server.mjs:10:29 no-hardcoded-secrets',
      'json-server.mjs:10:29 secure-cookies',
      // config/config.json again, destructured (`const { session: options } = config[env]`, TS).
      'json-ts-app.ts:7:30 no-hardcoded-secrets',
      // settings.mjs (ESM, `export default { ...common, ...byEnv[env] }`): the fallback, and a cookie that no entry
      // gives an expiry; every entry names the cookie.
      'server.mjs:10:20 secure-cookies',
      'server.mjs:10:25 no-hardcoded-secrets',
      // ts-settings.ts (`as const satisfies`): each entry's secret is its own (unknown); no entry names the cookie or
      // gives it a sameSite.
      'ts-app.ts:10:19 no-default-session-name',
      'ts-app.ts:10:19 secure-cookies',
    ]);
    expect(on.messages.get('app.js:10:54 no-hardcoded-secrets')).toBe(
      "Literal fallback for the express-session secret (from config.js:4, in every environment of 'configs'): when the environment does not set it, the app silently runs with a secret that anyone who can read the code knows, and they can forge or tamper with session cookies.",
    );
    expect(on.messages.get('server.mjs:10:25 no-hardcoded-secrets')).toContain("(from settings.mjs:7, in every environment of 'byEnv')");
    // A value of a JSON file: the message names the file and the line of the value there.
    expect(on.messages.get('json-app.js:6:16 no-hardcoded-secrets')).toBe(
      'Hardcoded express-session secret (from config/config.json:3, in every environment): anyone who can read the code (repository, image, bundle, build logs) can forge or tamper with session cookies. Read it from the environment or a secret manager.',
    );
    expect(on.messages.get('json-ts-app.ts:7:30 no-hardcoded-secrets')).toContain('(from config/config.json:3, in every environment)');
    expect(on.messages.get('json-server.mjs:10:29 no-hardcoded-secrets')).toContain('(from settings.json:4)');
    expect(on.messages.get('json-server.mjs:10:29 secure-cookies')).toBe(
      "The express-session cookie (from settings.json:6) turns off 'secure': the cookie is sent over plain HTTP, where anyone on the network can read it.",
    );
    expect(on.messages.get('admin.js:10:24 no-default-session-name')).toBe(
      "'connect.sid' is express-session's default cookie name and tells anyone looking which library to target. Use a generic name.",
    );
    // A key that every entry lacks: the message names the table.
    expect(on.messages.get('server.mjs:10:20 secure-cookies')).toBe(
      "The express-session cookie (from settings.mjs:5, in every environment of 'byEnv') has no 'maxAge' or 'expires': it lives as long as the browser runs.",
    );
    expect(on.messages.get('ts-app.ts:10:19 secure-cookies')).toBe(
      "The express-session cookie (from ts-settings.ts:8, in every environment of 'perEnv') is set without 'sameSite': the browser also sends it with requests that other sites start (CSRF).",
    );
    // The single-file view: app.js's options name no cookie; the rest is unknown.
    const off = await lint(fixture('env-table'), 'strict', false);
    expect(off.list).toEqual(['app.js:10:17 no-default-session-name']);
  });

  it('a JSON file read as a value is read again when it changes; one that does not parse is unknown', async () => {
    await inCopyOf('env-table', async (dir) => {
      const json = (list: string[]) => list.filter((f) => f.startsWith('json-'));
      expect(json((await lint(dir, 'strict')).list)).toEqual(['json-app.js:6:16 no-hardcoded-secrets', 'json-server.mjs:10:29 no-hardcoded-secrets', 'json-server.mjs:10:29 secure-cookies', 'json-ts-app.ts:7:30 no-hardcoded-secrets']);
      // production's secret no longer the others': the entries differ, nothing is said of it.
      const config = path.join(dir, 'config/config.json');
      writeFileSync(config, readFileSync(config, 'utf8').replace(/("production": \{\n\s+"session": \{ "secret": )"[^"]*"/u, '$1"elsewhere"'));
      // settings.json cut short: no value of it is known.
      const settings = path.join(dir, 'settings.json');
      writeFileSync(settings, readFileSync(settings, 'utf8').slice(0, 40));
      expect(json((await lint(dir, 'strict')).list)).toEqual([]);
    });
  });
});

describe('cookie options written in another file (tests/fixtures/projects/cookie-options)', () => {
  it("secure-cookies names the file:line of an options object of another file that lacks a flag (as no-permissive-cors names a CORS option's)", async () => {
    const on = await lint(fixture('cookie-options'), 'strict');
    const cookies = on.all.filter((finding) => finding.includes(' secure-cookies: '));
    const noSecure = "is set without 'secure': it also travels over plain HTTP, where anyone on the network can read it";
    const noSameSite = "is set without 'sameSite': the browser also sends it with requests that other sites start (CSRF).";
    const noExpiry = "has no 'maxAge' or 'expires': it lives as long as the browser runs.";
    const sessionSecure = `${noSecure}. Add 'secure: true' where the app is served over HTTPS (behind a TLS-terminating proxy, with app.set('trust proxy', 1)): express-session sets no secure cookie on a request it sees as HTTP.`;
    expect(cookies).toEqual([
      // Session options spread from config.js: its nested cookie object (config.js:8) is named.
      `app.js:11:17 secure-cookies: The express-session cookie (from config.js:8) ${noSameSite}`,
      `app.js:11:17 secure-cookies: The express-session cookie (from config.js:8) ${sessionSecure}`,
      // A literal of app.js that spreads config.bare and has no 'cookie': the key goes here, no file named.
      `app.js:12:27 secure-cookies: The express-session cookie ${noExpiry}`,
      `app.js:12:27 secure-cookies: The express-session cookie ${noSameSite}`,
      `app.js:12:27 secure-cookies: The express-session cookie ${sessionSecure}`,
      // session(config.bare): the options object of config.js:10 has no 'cookie'.
      `app.js:13:20 secure-cookies: The express-session cookie (from config.js:10) ${noExpiry}`,
      `app.js:13:20 secure-cookies: The express-session cookie (from config.js:10) ${noSameSite}`,
      `app.js:13:20 secure-cookies: The express-session cookie (from config.js:10) ${sessionSecure}`,
      // res.cookie('sid', v, cookieOptions): the object written at config.js:2 (over several lines).
      `app.js:15:3 secure-cookies: The 'sid' cookie (res.cookie(), from config.js:2) ${noExpiry}`,
      `app.js:15:3 secure-cookies: The 'sid' cookie (res.cookie(), from config.js:2) ${noSecure}.`,
      // ESM: options.mjs's object.
      `server.mjs:9:3 secure-cookies: The 'token' cookie (res.cookie(), from options.mjs:1) ${noExpiry}`,
      `server.mjs:9:3 secure-cookies: The 'token' cookie (res.cookie(), from options.mjs:1) ${noSameSite}`,
      // trial 23 r4: the cookie's name is a const of ts-options.ts, its 'secure' a value known only at run time.
      "ts-app.ts:10:43 secure-cookies: The 'teams_auth' cookie (res.cookie(), from ts-options.ts:5) sets 'sameSite: none' with a 'secure' known only at run time: wherever it is false, browsers reject the cookie, and a cross-site cookie must only travel over HTTPS. Set 'secure: true', or 'sameSite: none' only where 'secure' is true.",
      // The same options with a name that ts-options.ts assigns again (export let): no name is guessed.
      "ts-app.ts:11:45 secure-cookies: The res.cookie() (from ts-options.ts:5) sets 'sameSite: none' with a 'secure' known only at run time: wherever it is false, browsers reject the cookie, and a cross-site cookie must only travel over HTTPS. Set 'secure: true', or 'sameSite: none' only where 'secure' is true.",
      // TypeScript: ts-options.ts's typed object lacks 'httpOnly'.
      "ts-app.ts:9:3 secure-cookies: res.cookie() sets cookie 'session' (from ts-options.ts:3) without 'httpOnly': any script on the page (an XSS payload) can read it. Add 'httpOnly' unless browser code must read this cookie.",
    ]);
    // The single-file view: the options of another file are unknown, and so is a literal that spreads them.
    const off = await lint(fixture('cookie-options'), 'strict', false);
    expect(off.list.filter((key) => key.endsWith('secure-cookies'))).toEqual([]);
  });
});

describe('re-exports through barrel files (tests/fixtures/projects/barrel)', () => {
  it('routers and handlers re-exported by routes/index.js and controllers/index.js get their mounts and routes', async () => {
    const on = await lint(fixture('barrel'), 'strict');
    // routes.account is mounted behind a rate limiter; routes.pages' handlers are controllers of controllers/index.js.
    expect(on.list).toEqual([
      'controllers/users.js:2:16 no-open-redirect',
      'controllers/users.js:2:16 require-input-validation',
      'routes/auth.js:4:13 require-csrf-protection',
      'routes/auth.js:4:13 require-rate-limit',
      'routes/auth.js:5:22 require-input-validation',
      'routes/auth.js:5:3 require-session-regenerate',
    ]);
    expect(on.messages.get('routes/auth.js:4:13 require-rate-limit')).toBe(
      "Authentication route 'POST /auth/login' on 'router (mounted in app.js:14)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('controllers/users.js:2:16 require-input-validation')).toBe(
      "Route 'GET /go' on 'router (routes/pages.js:4, mounted in app.js:16)' uses 'req.query' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
    );
    // The single-file view: the routers are mounted nowhere it can see, the controller is a handler by its shape only.
    const off = await lint(fixture('barrel'), 'strict', false);
    expect(off.list).toEqual([
      'controllers/users.js:2:16 no-open-redirect',
      'routes/auth.js:5:22 require-input-validation',
      'routes/auth.js:5:3 require-session-regenerate',
    ]);
  });

  it('ESM barrel: export { default as x } from, export * from and export { x } from lead to the routers', async () => {
    const on = await lint(fixture('barrel-esm'), 'recommended');
    // admin (export { admin } from) is mounted behind a rate limiter.
    expect(on.list).toEqual(['routes/account.mjs:4:14 require-rate-limit', 'routes/auth.mjs:4:13 require-rate-limit']);
    expect(on.messages.get('routes/account.mjs:4:14 require-rate-limit')).toBe(
      "Authentication route 'POST /account/forgot-password' on 'account (mounted in app.mjs:11)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    const off = await lint(fixture('barrel-esm'), 'recommended', false);
    expect(off.list).toEqual([]);
  });
});

describe('re-exports through barrel files: what stays unknown', () => {
  // (A loop over `Object.values` of a barrel that shows its keys mounts each: tests/fixtures/projects/loop-mounts. This
  // one's `export * from './account.mjs'` does not show them.)
  it('a file that takes the routers of a barrel all at once, a barrel whose keys are not all shown, leaves them unknown', async () => {
    await inCopyOf('barrel-esm', async (dir) => {
      writeFileSync(
        path.join(dir, 'all.mjs'),
        "import express from 'express';\nimport * as routes from './routes/index.mjs';\n\nconst all = express();\nfor (const router of Object.values(routes)) all.use(router);\nexport default all;\n",
      );
      const on = await lint(dir, 'recommended');
      expect(on.list).toEqual([]);
    });
  });
});

describe('routers mounted in a loop over values the code shows (tests/fixtures/projects/loop-mounts)', () => {
  const RULES = /no-nosql-injection|require-rate-limit|require-csrf-protection|require-input-validation/u;

  it('get the path of their element and the chain before the loop, in the file and across files (CJS, ESM, TS)', async () => {
    const on = await lint(fixture('loop-mounts'), 'strict');
    // Quiet: src/routes/v1 (node-express-boilerplate: `defaultRoutes.forEach((route) => router.use(route.path,
    // route.route))`, mounted at /v1 after express-mongo-sanitize and a limiter on /v1/auth in src/app.js: the login
    // has both, the users' routes the sanitizer), barrel/members.js (`Object.values(routes).forEach((r) =>
    // app.use('/api', r))` of barrel/index.js, after the sanitizer), handoff/orders.js (a list that handoff/index.js
    // mounts in a loop on the app that handoff-app.js hands it after the sanitizer), ts/routes/users.ts (csurf before
    // the loop).
    // Reported: what runs only after the loop (open.js's sanitizer and limiter, ts/server.ts's limiter), or not at
    // all (the sanitizer in ts/, CSRF protection in esm/), or on another prefix (/v1/auth's limiter for
    // /v1/users/forgot-password); validation, which no app mounts.
    expect(on.list.filter((f) => RULES.test(f))).toEqual([
      'barrel/members.js:6:80 require-input-validation',
      'barrel/tokens.js:4:13 require-rate-limit',
      'esm/routes/notes.mjs:4:15 require-csrf-protection',
      'esm/routes/notes.mjs:4:74 require-input-validation',
      'esm/routes/profile.mjs:4:13 require-csrf-protection',
      'esm/routes/profile.mjs:4:85 require-input-validation',
      'handoff/orders.js:6:13 require-rate-limit',
      'handoff/orders.js:6:79 require-input-validation',
      'open/accounts.js:6:82 no-nosql-injection',
      'open/accounts.js:6:82 require-input-validation',
      'open/sessions.js:6:13 require-rate-limit',
      'open/sessions.js:6:80 no-nosql-injection',
      'open/sessions.js:6:80 require-input-validation',
      'src/routes/v1/auth.route.js:6:80 require-input-validation',
      'src/routes/v1/user.route.js:6:72 require-input-validation',
      'src/routes/v1/user.route.js:7:13 require-rate-limit',
      'src/routes/v1/user.route.js:7:91 require-input-validation',
      'ts/routes/posts.ts:7:35 no-nosql-injection',
      'ts/routes/posts.ts:7:35 require-input-validation',
      'ts/routes/users.ts:4:18 require-rate-limit',
      'ts/routes/users.ts:5:49 require-input-validation',
    ]);
    // Each router is named where its loop mounts it, with the prefixes of its element and of the mounts above.
    expect(on.messages.get('src/routes/v1/user.route.js:7:13 require-rate-limit')).toBe(
      "Authentication route 'POST /v1/users/forgot-password' on 'router (mounted in src/routes/v1/index.js:27)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('src/routes/v1/auth.route.js:6:80 require-input-validation')).toContain("Route 'POST /v1/auth/login' on 'router (mounted in src/routes/v1/index.js:27)'");
    expect(on.messages.get('open/sessions.js:6:13 require-rate-limit')).toBe(
      "Rate limiter 'rateLimit(...)' (open.js:13) is mounted after authentication route 'POST /api/login' on 'router (mounted in open.js:11)', so it never runs for that route: mount it before the route.",
    );
    expect(on.messages.get('barrel/tokens.js:4:13 require-rate-limit')).toContain("'POST /api/signin' on 'router (mounted in barrel-app.js:10)'");
    expect(on.messages.get('esm/routes/profile.mjs:4:13 require-csrf-protection')).toBe(
      "Route 'POST /profile' on 'router (mounted in esm/app.mjs:11)' changes state and trusts the cookies that cookie-parser reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.",
    );
    expect(on.messages.get('esm/routes/notes.mjs:4:15 require-csrf-protection')).toContain("Route 'DELETE /notes/:id' on 'router (mounted in esm/app.mjs:12)'");
    expect(on.messages.get('ts/routes/users.ts:4:18 require-rate-limit')).toContain("'POST /api/login' on 'usersRouter (mounted in ts/server.ts:14)'");
    expect(on.messages.get('handoff/orders.js:6:13 require-rate-limit')).toContain("'POST /orders/signin' on 'router (mounted in handoff/index.js:6)'");
    // File by file, no mount is known: the router files are reported as they show themselves.
    const off = await lint(fixture('loop-mounts'), 'strict', false);
    expect(off.list.filter((f) => /no-nosql-injection|require-rate-limit|require-csrf-protection/u.test(f))).toEqual([
      'barrel/members.js:6:80 no-nosql-injection',
      'handoff/orders.js:6:79 no-nosql-injection',
      'open/accounts.js:6:82 no-nosql-injection',
      'open/sessions.js:6:80 no-nosql-injection',
      'src/routes/v1/auth.route.js:6:80 no-nosql-injection',
      'src/routes/v1/user.route.js:6:72 no-nosql-injection',
      'src/routes/v1/user.route.js:7:91 no-nosql-injection',
      'ts/routes/posts.ts:7:35 no-nosql-injection',
      'unknown/first.js:6:77 no-nosql-injection',
      'unknown/second.js:6:77 no-nosql-injection',
      'unknown/third.js:6:77 no-nosql-injection',
    ]);
  });

  it('a list the file does not show whole leaves its routers unknown: no sanitizer or limiter is guessed missing (CJS)', async () => {
    const on = await lint(fixture('loop-mounts'), 'strict');
    // unknown/app.js: a list pushed to after it is written (first, second), a spread of another file's list (third).
    expect(on.list.filter((f) => f.startsWith('unknown/') && RULES.test(f))).toEqual([]);
  });

  it('a barrel with `export * from` does not show its keys: the routers of `Object.values` of it stay unmounted (ESM)', async () => {
    await inCopyOf('loop-mounts', async (dir) => {
      writeFileSync(path.join(dir, 'esm/routes/index.mjs'), "export { default as profile } from './profile.mjs';\nexport * from './more.mjs';\n");
      writeFileSync(path.join(dir, 'esm/routes/more.mjs'), 'export const more = 1;\n');
      const on = await lint(dir, 'strict');
      // As before the loops were followed: no mount is known (no CSRF finding, which needs the chain), and the route is
      // read as its file shows it.
      expect(on.list.filter((f) => f.startsWith('esm/routes/profile.mjs'))).toEqual(['esm/routes/profile.mjs:4:85 require-input-validation']);
      expect(on.messages.get('esm/routes/profile.mjs:4:85 require-input-validation')).toContain("Route 'POST /profile' on 'router' uses");
    });
  });
});

describe('factory of a factory (tests/fixtures/projects/factory2)', () => {
  it('an app that an exported function returns, mounted by the caller of that function, gets the mount and its chain', async () => {
    const on = await lint(fixture('factory2'), 'strict');
    expect(on.list).toEqual([
      // backend.js mounts the app of setupAdminApp() (through admin/index.js) at /ghost behind its session.
      'core/web/admin/app.js:5:17 require-csrf-protection',
      'core/web/admin/app.js:6:24 require-input-validation',
      'core/web/admin/app.js:7:18 no-open-redirect',
      // backend.js mounts the members app with vhost('members.localhost', ...): a sub-app of backendApp, behind its
      // session, so its state-changing route needs CSRF protection too.
      'core/web/members/app.js:5:19 require-csrf-protection',
      'core/web/members/app.js:5:19 require-rate-limit',
      'core/web/members/app.js:6:26 require-input-validation',
      'core/web/members/app.js:6:5 require-session-regenerate',
    ]);
    expect(on.messages.get('core/web/admin/app.js:5:17 require-csrf-protection')).toBe(
      "Route 'POST /ghost/session' on 'adminApp' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (sameSite: 'lax' on the express-session cookie does not count: sameSiteSuffices is off): another site can make a signed-in user's browser submit it.",
    );
    // Regression (Ghost's frontend.js): setupSiteApp() returns an app of the shared factory without helmet, mounted by
    // frontend.js on an app that goes to vhost; the app is site.js's, so frontend.js reports nothing for it.
    expect(on.list.filter((key) => key.startsWith('core/web/parent/') || key.startsWith('core/web/site.js'))).toEqual([]);
    // The single-file view: `express('admin')` calls a function of another file, nothing is an app.
    const off = await lint(fixture('factory2'), 'strict', false);
    expect(off.list).toEqual(['core/web/admin/app.js:7:18 no-open-redirect']);
  });
});

describe('tsconfig paths and baseUrl (tests/fixtures/projects/tsconfig-paths)', () => {
  it('imports written @/routes/auth, #auth-controller and middleware/limits (baseUrl) lead to the files of the package; vhost mounts the admin app', async () => {
    const on = await lint(fixture('tsconfig-paths'), 'recommended');
    expect(on.list).toEqual([
      // adminApp, mounted with vhost after app's helmet: helmet's headers reach it, but a sub-app sets its own
      // X-Powered-By (its 'x-powered-by' setting is its own, not inherited).
      'src/admin/app.ts:3:18 disable-x-powered-by',
      'src/controllers/auth.ts:5:18 no-open-redirect',
      // '@/routes/auth' (paths "@/*") and '@/routes/legacy' (a CommonJS router) are mounted without a limiter; the
      // account router is mounted behind the limiter of 'middleware/limits' (baseUrl), so it is not reported.
      'src/routes/auth.ts:7:17 require-rate-limit',
      'src/routes/legacy.js:5:13 require-rate-limit',
    ]);
    expect(on.messages.get('src/routes/auth.ts:7:17 require-rate-limit')).toBe(
      "Authentication route 'POST /api/auth/login' on 'authRouter (mounted in src/app.ts:18)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    // login (through the exact pattern '#auth-controller') regenerates the session: no require-session-regenerate under strict.
    // strict (sameSite does not count for CSRF): the admin app's route runs after app's session, through vhost; the
    // login route's controller, found through the exact pattern '#auth-controller', reads the session.
    const strict = await lint(fixture('tsconfig-paths'), 'strict');
    expect(strict.list.filter((key) => key.includes('require-csrf-protection'))).toEqual([
      'src/admin/app.ts:5:15 require-csrf-protection',
      'src/routes/auth.ts:7:17 require-csrf-protection',
    ]);
    expect(strict.messages.get('src/admin/app.ts:5:15 require-csrf-protection')).toBe(
      "Route 'POST /users/:id/delete' on 'adminApp' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it (sameSite: 'lax' on the express-session cookie does not count: sameSiteSuffices is off): another site can make a signed-in user's browser submit it.",
    );
    expect((await lint(fixture('tsconfig-paths'), 'strict', false)).list.filter((key) => key.includes('require-csrf-protection'))).toEqual([]);
    // The single-file view: routers and the admin app are exported and mounted nowhere it can see.
    const off = await lint(fixture('tsconfig-paths'), 'recommended', false);
    expect(off.list).toEqual(['src/controllers/auth.ts:5:18 no-open-redirect']);
  });
});

describe('solution-style tsconfig (tests/fixtures/projects/tsconfig-references)', () => {
  it('"files": [] with references: the paths of the referenced project that takes in the file apply (tsconfig.app.json, not tsconfig.node.json)', async () => {
    // Regression (trial 24, R3): only the nearest tsconfig.json was read, which sets no paths: '@/routes/auth' and
    // '@/config/secrets' led nowhere, so the login route and the imported secret were not checked.
    const on = await lint(fixture('tsconfig-references'), 'recommended');
    expect(on.list).toEqual([
      'src/routes/auth.ts:4:17 require-rate-limit',
      'src/server.ts:7:13 require-helmet',
      'src/server.ts:9:17 no-default-session-name',
      'src/server.ts:9:17 no-memory-session-store',
      'src/server.ts:9:17 secure-cookies',
      'src/server.ts:9:17 secure-cookies',
      'src/server.ts:9:27 no-hardcoded-secrets',
    ]);
    expect(on.messages.get('src/routes/auth.ts:4:17 require-rate-limit')).toBe(
      "Authentication route 'POST /auth/login' on 'authRouter (mounted in src/server.ts:10)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('src/server.ts:9:27 no-hardcoded-secrets')).toContain('(from src/config/secrets.ts:1)');
    await inCopyOf('tsconfig-references', async (dir) => {
      const app = path.join(dir, 'tsconfig.app.json');
      // No referenced project takes in src/ (the app's takes in lib/): the solution config's own options (none) apply.
      writeFileSync(app, readFileSync(app, 'utf8').replace('"src/**/*.ts"', '"lib"'));
      const unknown = await lint(dir, 'recommended');
      expect(unknown.list.filter((key) => /rate-limit|hardcoded/u.test(key))).toEqual([]);
      // The same options in the solution config itself, which then takes in every file: as before.
      writeFileSync(path.join(dir, 'tsconfig.json'), '{ "extends": "./tsconfig.base.json", "references": [{ "path": "./tsconfig.node.json" }] }');
      const own = await pastIndexTtl(() => lint(dir, 'recommended'));
      expect(own.list.filter((key) => /rate-limit|hardcoded/u.test(key))).toEqual(['src/routes/auth.ts:4:17 require-rate-limit', 'src/server.ts:9:27 no-hardcoded-secrets']);
    });
  });
});

describe('password hash helpers of another file (tests/fixtures/projects/password-helper)', () => {
  it('a call passing a password to a helper that hashes it with crypto.createHash is reported at the call, naming the helper and its file; bcrypt, argon2 and scrypt helpers are not', async () => {
    const on = await lint(fixture('password-helper'), 'recommended');
    // Not reported: hashPasswordSafely (a SHA-256 pre-hash before bcrypt), etag and digest(req.body.email) (no
    // password), hashPasswordLater (no hash), derive (scrypt), the argon2 hashPassword of src/password.ts, and the call of legacyHash, whose own
    // file reports its hash of a parameter named `password` (one finding per flaw).
    expect(on.list).toEqual([
      'login.mjs:9:17 no-weak-password-hash',
      'routes/users.js:6:13 require-rate-limit',
      'routes/users.js:7:18 no-weak-password-hash',
      'routes/users.js:8:20 no-weak-password-hash',
      'services/users.js:4:55 no-weak-password-hash',
      'src/auth.ts:14:21 no-weak-password-hash',
      'src/auth.ts:9:27 no-weak-password-hash',
      'util/crypto.js:16:36 no-weak-password-hash',
    ]);
    expect(on.messages.get('routes/users.js:7:18 no-weak-password-hash')).toBe(
      "'hashPassword' (util/crypto.js:4) hashes this password with crypto.createHash('md5'): a fast hash lets whoever gets the database try billions of guesses per second. Make the helper use argon2 (argon2id), bcrypt or crypto.scrypt with a per-password salt.",
    );
    expect(on.messages.get('routes/users.js:8:20 no-weak-password-hash')).toContain("'digest' (util/crypto.js:7)");
    expect(on.messages.get('login.mjs:9:17 no-weak-password-hash')).toContain("'sha1' (lib/hash.mjs:4) hashes this password with crypto.createHash('sha1')");
    expect(on.messages.get('src/auth.ts:9:27 no-weak-password-hash')).toContain("'fingerprint' (src/password.ts:9)");
    // A password with a default (juice-shop's `security.hash(req.body.password || '')`) is the password; a nickname is not.
    expect(on.messages.get('src/auth.ts:14:21 no-weak-password-hash')).toContain("'fingerprint' (src/password.ts:9)");
    // The single-file view: only the helper that names its data a password.
    const off = await lint(fixture('password-helper'), 'recommended', false);
    expect(off.list).toEqual(['util/crypto.js:16:36 no-weak-password-hash']);
  });
});

describe('tsconfig paths: edits and what is not followed', () => {
  it('a tsconfig that does not parse, or extends itself, gives no aliases and no crash: the aliased routers stay unknown', async () => {
    await inCopyOf('tsconfig-paths', async (dir) => {
      writeFileSync(path.join(dir, 'tsconfig.base.json'), '{ "extends": "./tsconfig.base.json", "compilerOptions": { "paths": ');
      const on = await lint(dir, 'recommended');
      expect(on.list.filter((key) => key.includes('require-rate-limit'))).toEqual([]);
      writeFileSync(path.join(dir, 'tsconfig.base.json'), '{ "extends": ["./tsconfig.base.json", "@tsconfig/node20/tsconfig.json"], "compilerOptions": { "paths": { "@/*": ["*"] } } }');
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(Date.now() + INDEX_TTL_MS + 1000);
        // Without baseUrl, paths targets are relative to the config that sets them (the package root here, not src/).
        expect((await lint(dir, 'recommended')).list.filter((key) => key.includes('require-rate-limit'))).toEqual([]);
        writeFileSync(path.join(dir, 'tsconfig.base.json'), '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
        vi.setSystemTime(Date.now() + 2 * (INDEX_TTL_MS + 1000));
        // No baseUrl any more: 'middleware/limits' is a package name again, not the package's limiter.
        expect((await lint(dir, 'recommended')).list.filter((key) => key.includes('require-rate-limit'))).toEqual([
          'src/routes/account.ts:5:20 require-rate-limit',
          'src/routes/auth.ts:7:17 require-rate-limit',
          'src/routes/legacy.js:5:13 require-rate-limit',
        ]);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it('an edit to the tsconfig (mtime) is picked up: without the "@/*" pattern, the routers it named are unknown again', async () => {
    await inCopyOf('tsconfig-paths', async (dir) => {
      expect((await lint(dir, 'recommended')).list.filter((key) => key.includes('require-rate-limit'))).toEqual([
        'src/routes/auth.ts:7:17 require-rate-limit',
        'src/routes/legacy.js:5:13 require-rate-limit',
      ]);
      const base = path.join(dir, 'tsconfig.base.json');
      writeFileSync(base, readFileSync(base, 'utf8').replace('"@/*": ["*"],', ''));
      // Past the lifetime of the resolutions (INDEX_TTL_MS): the config's new mtime gives new aliases.
      expect((await pastIndexTtl(() => lint(dir, 'recommended'))).list.filter((key) => key.includes('require-rate-limit'))).toEqual([]);
    });
  });
});

describe('workspaces (tests/fixtures/projects/workspaces)', () => {
  it('an import of another package of the workspace by its name leads to its source entry (source, exports, main)', async () => {
    const on = await lint(fixture('workspaces'), 'recommended');
    // @acme/http (its "source" field) makes the app with helmet: no require-helmet or x-powered-by finding; the
    // session's cookie options of @acme/config ("main") are complete; @acme/crypto's "exports" name dist/index.js,
    // not built: its source twin src/index.ts is read. @acme/secrets (tools/, not a workspace) is never read.
    expect(on.list).toEqual([
      'packages/server/src/app.js:11:54 no-hardcoded-secrets',
      'packages/server/src/app.js:12:10 require-rate-limit',
      'packages/server/src/app.js:12:54 no-weak-password-hash',
    ]);
    expect(on.messages.get('packages/server/src/app.js:11:54 no-hardcoded-secrets')).toContain('(from ../config/index.js:2)');
    expect(on.messages.get('packages/server/src/app.js:12:54 no-weak-password-hash')).toContain("'hashPassword' (../crypto/src/index.ts:4)");
    // The single-file view: createApp() is a function of another package, so nothing is an app.
    const off = await lint(fixture('workspaces'), 'recommended', false);
    expect(off.list).toEqual([]);
  });

  it("a router of another workspace package is seen from the server's files for the app-wide rules, and its own file gets the mount of the package that depends on it (path, limiter)", async () => {
    // (Trial 24, R8: its login route was checked nowhere by require-rate-limit. Trial 30: the file of @acme/auth finds
    // its importers in apps/api, which declares @acme/auth as a dependency, and gets the mount at '/auth'.)
    const on = await lint(fixture('workspace-router'), 'strict');
    expect(on.list).toEqual([
      // The same router inside the server's package: mounted without a limiter, reported with its mount path.
      'apps/api/src/local-auth.js:4:13 require-rate-limit',
      'apps/api/src/local-auth.js:5:27 require-input-validation',
      // The server's app-wide rules see @acme/auth's routes: helmet comes after them.
      'apps/api/src/server.js:8:9 require-helmet',
      // @acme/auth's own file: mounted by apps/api at '/auth' with no limiter before it.
      'packages/auth/src/index.mjs:5:13 require-rate-limit',
      'packages/auth/src/index.mjs:6:27 require-input-validation',
    ]);
    expect(on.messages.get('apps/api/src/server.js:8:9 require-helmet')).toContain("after the routes of 'authRouter' mounted on '/auth' (line 8)");
    expect(on.messages.get('packages/auth/src/index.mjs:5:13 require-rate-limit')).toBe(
      "Authentication route 'POST /auth/login' on 'router (mounted in ../../apps/api/src/server.js:8)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('packages/auth/src/index.mjs:6:27 require-input-validation')).toContain("Route 'POST /auth/login' on 'router (");
  });

  it("a router of another workspace package gets the session the dependent package mounts before it: require-csrf-protection and require-session-regenerate check its routes in its own file", async () => {
    await inCopyOf('workspace-router', async (dir) => {
      rmSync(path.join(dir, 'apps/api/src/local-auth.js'));
      writeFileSync(
        path.join(dir, 'apps/api/src/server.js'),
        [
          "const express = require('express');",
          "const helmet = require('helmet');",
          "const session = require('express-session');",
          "const RedisStore = require('connect-redis').default;",
          "const authRouter = require('@acme/auth').default;",
          '',
          'const app = express();',
          "app.disable('x-powered-by');",
          'app.use(helmet());',
          "app.use(session({ name: 'sid', secret: process.env.S, store: new RedisStore({}), resave: false, saveUninitialized: false, cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 3600000 } }));",
          "app.use('/auth', authRouter);",
          'app.listen(3000);',
          '',
        ].join('\n'),
      );
      const auth = path.join(dir, 'packages/auth/src/index.mjs');
      writeFileSync(auth, readFileSync(auth, 'utf8').replace('res.json({ user: String(req.body.user) });', 'req.session.user = String(req.body.user);'));
      const strict = await lint(dir, 'strict');
      expect(strict.list).toEqual([
        'packages/auth/src/index.mjs:5:13 require-csrf-protection',
        'packages/auth/src/index.mjs:5:13 require-rate-limit',
        'packages/auth/src/index.mjs:6:29 require-input-validation',
        'packages/auth/src/index.mjs:6:3 require-session-regenerate',
      ]);
      expect(strict.messages.get('packages/auth/src/index.mjs:5:13 require-csrf-protection')).toContain(
        "Route 'POST /auth/login' on 'router (mounted in ../../apps/api/src/server.js:11)' changes state and trusts the cookies that express-session reads",
      );
      // recommended: the session's sameSite: 'lax' counts as CSRF protection (sameSiteSuffices).
      expect((await lint(dir, 'recommended')).list).toEqual(['packages/auth/src/index.mjs:5:13 require-rate-limit']);
    });
  });

  it('a TypeScript workspace (nodenext, `./x.js` imports, a barrel entry under an `exports` types condition): the mount of the dependent package counts, a limiter before it is seen, and a package that does not declare the dependency is not read', async () => {
    const findings = async (dir: string): Promise<string[]> => (await lint(dir, 'recommended')).list;
    const on = await lint(fixture('workspace-router-ts'), 'recommended');
    // apps/worker also depends on @acme/auth and imports its entry, for a helper only: it cannot reach the router.
    expect(on.list).toEqual(['packages/auth/src/router.ts:6:17 require-rate-limit']);
    expect(on.messages.get('packages/auth/src/router.ts:6:17 require-rate-limit')).toContain("'POST /auth/login' on 'authRouter (mounted in ../../apps/api/src/app.ts:8)'");
    await inCopyOf('workspace-router-ts', async (dir) => {
      const app = path.join(dir, 'apps/api/src/app.ts');
      const source = readFileSync(app, 'utf8');
      writeFileSync(app, source.replace("app.use('/auth', authRouter);", "app.use('/auth', rateLimit({ windowMs: 60_000, limit: 5 }), authRouter);").replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';"));
      expect(await findings(dir)).toEqual([]);
    });
    await inCopyOf('workspace-router-ts', async (dir) => {
      // Only the packages that declare @acme/auth a dependency are scanned for its importers.
      const manifest = path.join(dir, 'apps/api/package.json');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"@acme/auth": "workspace:*", ', ''));
      expect(await findings(dir)).toEqual([]);
    });
    await inCopyOf('workspace-router-ts', async (dir) => {
      // A function of @acme/auth that apps/api hands its app to registers a route on it: the caller's chain counts.
      writeFileSync(
        path.join(dir, 'packages/auth/src/routes.ts'),
        "import type { Express } from 'express';\n\nexport function registerAuthRoutes(app: Express) {\n  app.post('/auth/signin', (req, res) => {\n    res.json({ user: String(req.body.user) });\n  });\n}\n",
      );
      const index = path.join(dir, 'packages/auth/src/index.ts');
      writeFileSync(index, `${readFileSync(index, 'utf8')}export { registerAuthRoutes } from './routes.js';\n`);
      const app = path.join(dir, 'apps/api/src/app.ts');
      const source = readFileSync(app, 'utf8').replace("import { authRouter } from '@acme/auth';", "import { authRouter, registerAuthRoutes } from '@acme/auth';");
      writeFileSync(app, `${source}registerAuthRoutes(app);\n`);
      const handed = await lint(dir, 'recommended');
      expect(handed.list).toEqual(['packages/auth/src/router.ts:6:17 require-rate-limit', 'packages/auth/src/routes.ts:4:12 require-rate-limit']);
      expect(handed.messages.get('packages/auth/src/routes.ts:4:12 require-rate-limit')).toContain("'POST /auth/signin' on 'app (passed in ../../apps/api/src/app.ts:9)'");
      // A limiter the caller mounts before the call covers it.
      writeFileSync(app, `${source.replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport { rateLimit } from 'express-rate-limit';")}app.use(rateLimit({ windowMs: 60_000, limit: 5 }));\nregisterAuthRoutes(app);\n`);
      expect((await lint(dir, 'recommended')).list).toEqual(['packages/auth/src/router.ts:6:17 require-rate-limit']);
    });
    // The single-file view: no mount is known.
    expect((await lint(fixture('workspace-router-ts'), 'recommended', false)).list).toEqual([]);
  });

  it('reads pnpm-workspace.yaml the same way, and follows nothing once the package is no longer a workspace', async () => {
    await inCopyOf('workspaces', async (dir) => {
      writeFileSync(path.join(dir, 'package.json'), '{ "name": "acme", "private": true }\n');
      writeFileSync(path.join(dir, 'pnpm-workspace.yaml'), "# pnpm\npackages:\n  - 'packages/*'\n  - \"!packages/legacy\"\n");
      const findings = async (): Promise<string[]> => (await lint(dir, 'recommended')).list.filter((key) => key.startsWith('packages/server/'));
      expect(await findings()).toEqual([
        'packages/server/src/app.js:11:54 no-hardcoded-secrets',
        'packages/server/src/app.js:12:10 require-rate-limit',
        'packages/server/src/app.js:12:54 no-weak-password-hash',
      ]);
      rmSync(path.join(dir, 'pnpm-workspace.yaml'));
      expect(await pastIndexTtl(findings)).toEqual([]);
    });
  });

  it('a workspace package whose package.json is larger than 512 KiB (generated or vendored) is not read: its name leads nowhere', async () => {
    await inCopyOf('workspaces', async (dir) => {
      const manifest = path.join(dir, 'packages/crypto/package.json');
      const findings = async (): Promise<string[]> => (await lint(dir, 'recommended')).list.filter((key) => key.includes('no-weak-password-hash'));
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
      writeFileSync(manifest, JSON.stringify({ ...json, description: 'x'.repeat(1000) }));
      expect(await findings()).toEqual(['packages/server/src/app.js:12:54 no-weak-password-hash']);
      // One reader of package.json objects (readJsonObject), with one size limit.
      writeFileSync(manifest, JSON.stringify({ ...json, description: 'x'.repeat(600 * 1024) }));
      expect(await pastIndexTtl(findings)).toEqual([]);
    });
  });
});

describe('a library reached through a tsconfig path to its src/index.ts (tests/fixtures/projects/nx-library)', () => {
  it("the router of libs/auth gets the mount of apps/api, which imports it as '@acme/auth' (Nx's integrated layout); a limiter before the mount covers it", async () => {
    // (Trial 30: the importer's specifier '@acme/auth' ends in 'auth', the file is index.ts in src/: the scan looked it up
    // under 'index' and 'src' only, and the router's routes were checked by no file.)
    const on = await lint(fixture('nx-library'), 'recommended');
    expect(on.list).toEqual(['libs/auth/src/lib/auth.router.ts:5:17 require-rate-limit']);
    expect(on.messages.get('libs/auth/src/lib/auth.router.ts:5:17 require-rate-limit')).toContain("'POST /api/auth/login' on 'authRouter (mounted in apps/api/src/main.ts:8)'");
    await inCopyOf('nx-library', async (dir) => {
      const main = path.join(dir, 'apps/api/src/main.ts');
      writeFileSync(main, readFileSync(main, 'utf8').replace("app.use('/api/auth', authRouter);", "app.use('/api/auth', rateLimit({ windowMs: 60_000, limit: 5 }), authRouter);").replace("import helmet from 'helmet';", "import helmet from 'helmet';\nimport rateLimit from 'express-rate-limit';"));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
    });
  });
});

describe('a barrel imported by name for other modules (tests/fixtures/projects/barrel-named-imports)', () => {
  it("a file that takes only a helper from the barrel of a router (import { currentUser }) does not leave the router unknown; a namespace import, or a name the barrel defines itself, does", async () => {
    // (Trial 30: src/jobs/audit.ts imported currentUser from routes/index.ts, and the router's mount in app.ts was lost.)
    const on = await lint(fixture('barrel-named-imports'), 'recommended');
    expect(on.list).toEqual(['src/app.ts:4:13 require-helmet', 'src/routes/auth.ts:5:17 require-rate-limit']);
    expect(on.messages.get('src/routes/auth.ts:5:17 require-rate-limit')).toContain("'POST /auth/login' on 'authRouter (mounted in src/app.ts:6)'");
    const limits = async (dir: string): Promise<string[]> => (await lint(dir, 'recommended')).list.filter((key) => key.includes('require-rate-limit'));
    await inCopyOf('barrel-named-imports', async (dir) => {
      const audit = path.join(dir, 'src/jobs/audit.ts');
      writeFileSync(audit, readFileSync(audit, 'utf8').replace("import { currentUser } from '../routes/index.js';", "import * as routes from '../routes/index.js';").replace('currentUser(req)', 'routes.currentUser(req)'));
      expect(await limits(dir)).toEqual([]);
    });
    await inCopyOf('barrel-named-imports', async (dir) => {
      const barrel = path.join(dir, 'src/routes/index.ts');
      writeFileSync(barrel, `${readFileSync(barrel, 'utf8')}export const helper = (x: string): string => x;\n`);
      const audit = path.join(dir, 'src/jobs/audit.ts');
      writeFileSync(audit, readFileSync(audit, 'utf8').replace('import { currentUser }', 'import { currentUser, helper }'));
      expect(await limits(dir)).toEqual([]);
    });
  });
});

describe('routers made at module scope and returned by an exported function (tests/fixtures/projects/router-functions)', () => {
  it('take the mounts of the calls of that function: prefix, limiter and CSRF of the mounting app; one handed to unknown code stays unknown', async () => {
    const on = await lint(fixture('router-functions'), 'strict');
    expect(on.list).toEqual([
      'routes/admin.ts:6:15 require-rate-limit',
      'routes/feedback.ts:5:13 require-rate-limit',
      'routes/members.js:7:26 require-input-validation',
      'routes/portal.js:4:15 require-csrf-protection',
      'routes/portal.js:4:15 require-rate-limit',
      'routes/portal.js:5:24 require-input-validation',
      'routes/portal.js:5:5 require-session-regenerate',
      'server.js:12:17 no-memory-session-store',
      'server.js:12:76 secure-cookies',
    ]);
    expect(on.messages.get('routes/portal.js:4:15 require-rate-limit')).toBe(
      "Authentication route 'POST /portal/signin' on 'router (mounted in server.js:15)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('routes/portal.js:4:15 require-csrf-protection')).toContain("Route 'POST /portal/signin' on 'router (mounted in server.js:15)'");
    expect(on.messages.get('routes/admin.ts:6:15 require-rate-limit')).toContain("'POST /admin/login' on 'router (mounted in server.js:19)'");
    expect(on.messages.get('routes/members.js:7:26 require-input-validation')).toContain("'POST /members/signin' on 'router (mounted in server.js:17)'");
    // Mounted by a chain written over several lines: named by the line of its own `.use(...)`, not the chain's start.
    expect(on.messages.get('routes/feedback.ts:5:13 require-rate-limit')).toContain("'POST /api/feedback/login' on 'router (mounted in routes/api.ts:7)'");
    // One file at a time, the routers are mounted nowhere the rules can see.
    const off = await lint(fixture('router-functions'), 'strict', false);
    expect(off.list).toEqual([
      'routes/members.js:7:26 require-input-validation',
      'routes/portal.js:5:24 require-input-validation',
      'routes/portal.js:5:5 require-session-regenerate',
      'server.js:12:17 no-memory-session-store',
      'server.js:12:76 secure-cookies',
    ]);
    expect(off.messages.get('routes/members.js:7:26 require-input-validation')).toContain("'POST /signin' on 'router'");
  });
});

describe('a router that a route module mounts on the app it is given (tests/fixtures/projects/nested-mount)', () => {
  it("gets the caller's chain before the call and the mount's prefix: reported without a limiter and CSRF, quiet behind them", async () => {
    const on = await lint(fixture('nested-mount'), 'strict');
    expect(on.list).toEqual([
      'controllers/profile.js:2:29 require-input-validation',
      'routes/account.js:7:26 require-input-validation',
      'routes/index.js:6:12 require-csrf-protection',
      'routes/lessons.js:5:13 require-csrf-protection',
      'routes/lessons.js:5:13 require-rate-limit',
      'routes/lessons.js:7:27 require-input-validation',
      'server.js:11:17 no-memory-session-store',
      'server.js:11:76 secure-cookies',
    ]);
    expect(on.messages.get('routes/lessons.js:5:13 require-rate-limit')).toBe(
      "Rate limiter 'rateLimit(...)' (server.js:16) is mounted after authentication route 'POST /lessons/login' on 'router (mounted in routes/index.js:7)', so it never runs for that route: mount it before the route.",
    );
    expect(on.messages.get('routes/account.js:7:26 require-input-validation')).toContain("'POST /account/login' on 'router (mounted in routes/guarded.js:4)'");
    // The app handed to routes/index.js has one name, in the route module's findings and in its controller's.
    expect(on.messages.get('routes/index.js:6:12 require-csrf-protection')).toContain("'POST /profile' on 'app (passed in server.js:14)'");
    expect(on.messages.get('controllers/profile.js:2:29 require-input-validation')).toContain("'POST /profile' on 'app (passed in server.js:14)'");
    const off = await lint(fixture('nested-mount'), 'strict', false);
    expect(off.list).toEqual([
      'routes/account.js:7:26 require-input-validation',
      'routes/lessons.js:7:27 require-input-validation',
      'server.js:11:17 no-memory-session-store',
      'server.js:11:76 secure-cookies',
    ]);
  });
});

describe('ESM: routers returned by an exported function, and mounted by a route module on the app it is given (tests/fixtures/projects/router-functions-esm)', () => {
  it('get the mounts, prefixes and chains of the calls: the bare mounts are reported, the ones behind the limiter are not', async () => {
    const on = await lint(fixture('router-functions-esm'), 'recommended');
    expect(on.list).toEqual([
      'routes/portal.mjs:6:15 require-rate-limit',
      'routes/survey.mjs:5:13 require-rate-limit',
      'server.mjs:13:17 no-memory-session-store',
    ]);
    expect(on.messages.get('routes/portal.mjs:6:15 require-rate-limit')).toContain("'POST /portal/login' on 'router (mounted in server.mjs:15, server.mjs:19)'");
    expect(on.messages.get('routes/survey.mjs:5:13 require-rate-limit')).toContain("'POST /survey/login' on 'router (mounted in routes/index.mjs:4)'");
    const off = await lint(fixture('router-functions-esm'), 'recommended', false);
    expect(off.list).toEqual(['server.mjs:13:17 no-memory-session-store']);
  });
});

describe('express-session passed on by a barrel of the package (tests/fixtures/projects/session-barrel)', () => {
  it('the session rules read the session middleware of app files that never name express-session (CJS, ESM, TS)', async () => {
    const on = await lint(fixture('session-barrel'), 'recommended');
    const each = (file: string): string[] => [
      `${file}:8:17 no-default-session-name`,
      `${file}:8:17 no-memory-session-store`,
      `${file}:8:17 secure-cookies`,
      `${file}:8:17 secure-cookies`,
      `${file}:8:27 no-hardcoded-secrets`,
    ];
    // hardened.js (a name, a store, the secret from the environment, every cookie flag) has none.
    expect(on.list).toEqual([...each('app.js'), ...each('app.mjs'), ...each('src/app.ts')]);
    expect(on.messages.get('app.mjs:8:17 no-memory-session-store')).toMatch(/^express-session has no 'store', so it keeps sessions in its MemoryStore/u);
    expect(on.messages.get('src/app.ts:8:17 no-default-session-name')).toMatch(/^express-session is used without 'name', so its cookie is called 'connect\.sid'/u);
    expect(on.messages.get('app.js:8:27 no-hardcoded-secrets')).toMatch(/^Hardcoded express-session secret:/u);
    // The single-file view cannot know that `session` is express-session.
    const off = await lint(fixture('session-barrel'), 'recommended', false);
    expect(off.list).toEqual([]);
  });
});

describe('express passed on by a module of the package (tests/fixtures/projects/express-passed)', () => {
  it('the app rules read apps made by express under another name in files that never name express (CJS, ESM, TS)', async () => {
    const on = await lint(fixture('express-passed'), 'recommended');
    // lib/web.js `module.exports = require('express')`, lib/http.mjs `export { default } from 'express'`, lib/server.ts
    // `export default express`. hardened.js (helmet, a rate limiter) has none; tasks.js calls lodash, passed on by
    // lib/util.js: no app.
    expect(on.list).toEqual([
      'app.js:3:13 disable-x-powered-by',
      'app.js:3:13 require-helmet',
      'app.js:6:10 require-rate-limit',
      'app.mjs:3:16 disable-x-powered-by',
      'app.mjs:3:16 require-helmet',
      'app.mjs:5:13 require-rate-limit',
      'src/app.ts:3:13 disable-x-powered-by',
      'src/app.ts:3:13 require-helmet',
      'src/app.ts:5:10 require-rate-limit',
    ]);
    expect(on.messages.get('app.js:3:13 require-helmet')).toBe(
      "Express app 'app' mounts no helmet(): its responses lack Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and the other protective headers.",
    );
    expect(on.messages.get('app.mjs:5:13 require-rate-limit')).toBe(
      "Authentication route 'POST /auth/login' on 'server' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('src/app.ts:3:13 disable-x-powered-by')).toBe(
      "Express app 'app' sends 'X-Powered-By: Express', which tells attackers what to target. Call app.disable('x-powered-by') or mount helmet().",
    );
    // The single-file view cannot know that `web` is express: no app, nothing reported.
    const off = await lint(fixture('express-passed'), 'recommended', false);
    expect(off.list).toEqual([]);
  });
});

// (After the parse-count test above: these projects would push the generator's model out of the cache of projects.)
describe('app factories served by several files, hosting platforms (tests/fixtures/projects/factory-served, firebase-v1)', () => {
  it('an app factory that two files of the package only serve (Lambda + local server, two servers) is checked once, in its file', async () => {
    // Regression (trial 24, R1): with two callers, neither of which mounted the app, it stayed unknown; with one it was
    // checked. serverless(createApp()) + createApp().listen(), CommonJS.
    const cjs = await lint(fixture('factory-served/cjs'), 'recommended');
    expect(cjs.list).toEqual(['app.js:5:15 disable-x-powered-by', 'app.js:5:15 require-helmet']);
    // The message names the files that serve it (R1's left message).
    expect(cjs.messages.get('app.js:5:15 require-helmet')).toBe(
      "Express app 'app' (served in server.js:3 and lambda.js:4) mounts no helmet(), in this file or there: its responses lack Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and the other protective headers.",
    );
    expect(cjs.messages.get('app.js:5:15 disable-x-powered-by')).toContain("Express app 'app' (served in server.js:3 and lambda.js:4) sends 'X-Powered-By: Express'");
    // strict: the local server serves it over plain HTTP (the Lambda's platform terminates TLS).
    expect((await lint(fixture('factory-served/cjs'), 'strict')).messages.get('app.js:5:15 require-https')).toContain('served over plain HTTP in server.js:3 (app.listen())');
    // ESM: http.createServer(createApp()) + const app = createApp(); app.listen(). TypeScript: as the CommonJS files.
    expect((await lint(fixture('factory-served/esm'), 'recommended')).list).toEqual(['app.mjs:4:15 disable-x-powered-by', 'app.mjs:4:15 require-helmet']);
    expect((await lint(fixture('factory-served/ts'), 'recommended')).list).toEqual(['src/app.ts:4:15 disable-x-powered-by', 'src/app.ts:4:15 require-helmet']);
    // Off: the returned app is handed to code the file does not show.
    expect((await lint(fixture('factory-served/cjs'), 'recommended', false)).list).toEqual([]);
  });

  it('an app factory that one file only serves and another configures: the served app is the factory\'s as made, when each call makes a new app', async () => {
    const both = ['app.js:5:15 disable-x-powered-by', 'app.js:5:15 require-helmet'];
    await inCopyOf('factory-served/cjs', async (dir) => {
      const server = path.join(dir, 'server.js');
      // helmet that server.js adds protects its own app only: lambda.js serves the factory's app without it.
      writeFileSync(server, "const helmet = require('helmet');\nconst { createApp } = require('./app');\n\nconst app = createApp();\napp.use(helmet());\napp.disable('x-powered-by');\napp.listen(3000);\n");
      expect((await lint(dir, 'recommended')).list).toEqual(both);
      // Handed to a function of the package by server.js: the Lambda's app is still the factory's as made.
      writeFileSync(server, "const { createApp } = require('./app');\n\nconst app = createApp();\nrequire('./security')(app);\napp.listen(3000);\n");
      writeFileSync(path.join(dir, 'security.js'), "module.exports = (app) => { app.use(require('helmet')()); };\n");
      expect((await lint(dir, 'recommended')).list).toEqual(both);
      // A factory that keeps one app (made once, or at the module's top level): server.js's helmet may reach the
      // Lambda's app too, so the app stays unknown.
      const app = path.join(dir, 'app.js');
      const factory = readFileSync(app, 'utf8');
      writeFileSync(app, "const express = require('express');\n\nlet cached;\nexports.createApp = function createApp() {\n  if (!cached) {\n    cached = express();\n    cached.get('/', (req, res) => res.json({ ok: true }));\n  }\n  return cached;\n};\n");
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      writeFileSync(app, "const express = require('express');\n\nconst app = express();\napp.get('/', (req, res) => res.json({ ok: true }));\nexports.createApp = () => app;\n");
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      // The factory itself mounts helmet and hides the header: every caller serves a protected app.
      writeFileSync(app, factory.replace('const app = express();', "const app = express();\n  app.use(require('helmet')());"));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
    });
    await inCopyOf('factory-served/esm', async (dir) => {
      // ESM: worker.mjs says how many proxies it is behind; server.mjs serves the app as made.
      const worker = path.join(dir, 'worker.mjs');
      writeFileSync(worker, readFileSync(worker, 'utf8').replace('app.listen(9100);', "app.set('trust proxy', 1);\napp.listen(9100);"));
      expect((await lint(dir, 'recommended')).list).toEqual(['app.mjs:4:15 disable-x-powered-by', 'app.mjs:4:15 require-helmet']);
    });
  });

  it("firebase-functions' v1 builders: an app served by region(...) / runWith(...) / both chained before https.onRequest is served", async () => {
    // Regression (trial 24, R2): 'firebase-functions/v1' with region() or runWith(), and the chain of both on either
    // module, were not servers, so the app stayed handed to unknown code. CommonJS: require('firebase-functions/v1').region(r).
    expect((await lint(fixture('firebase-v1/cjs'), 'recommended')).list).toEqual(['app.js:3:13 disable-x-powered-by', 'app.js:3:13 require-helmet']);
    // ESM: import * as functions from 'firebase-functions/v1'; functions.runWith(o).https.onRequest(app).
    expect((await lint(fixture('firebase-v1/esm'), 'recommended')).list).toEqual(['app.mjs:3:13 disable-x-powered-by', 'app.mjs:3:13 require-helmet']);
    // TypeScript: the root module (firebase-functions 5) with region(r).runWith(o) chained.
    expect((await lint(fixture('firebase-v1/ts'), 'recommended')).list).toEqual(['src/app.ts:3:20 disable-x-powered-by', 'src/app.ts:3:20 require-helmet']);
    await inCopyOf('firebase-v1/cjs', async (dir) => {
      const index = path.join(dir, 'index.js');
      const original = readFileSync(index, 'utf8');
      // runWith then region, on the v1 module: the same builder.
      writeFileSync(index, original.replace(".region('europe-west1')", ".runWith({ minInstances: 1 }).region('europe-west1')"));
      expect((await lint(dir, 'recommended')).list).toEqual(['app.js:3:13 disable-x-powered-by', 'app.js:3:13 require-helmet']);
      // A method that is no builder of the module's: not a server, the app is handed to code the model does not know.
      writeFileSync(index, original.replace(".region('europe-west1')", ".withRetries(3)"));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      // The same builders of another module: not firebase's.
      writeFileSync(index, original.replace("require('firebase-functions/v1')", "require('other-functions')"));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      // helmet on the app: served and protected.
      writeFileSync(index, original);
      const app = path.join(dir, 'app.js');
      writeFileSync(app, readFileSync(app, 'utf8').replace('const app = express();', "const app = express();\napp.use(require('helmet')());"));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
    });
  });
});

describe('new-user trial 25 (tests/fixtures/projects/promise-router*)', () => {
  it('trial 25 D1: a router of express-promise-router (its default export, require() of it, new) is a router: mounted, with its routes checked', async () => {
    // TypeScript, `import Router from 'express-promise-router'` in a route file that names no `express`: before, no
    // router, so the app's mount gave its routes nothing to check (the missing limiter of forgot-password unreported).
    const ts = await lint(fixture('promise-router-ts'), 'recommended');
    expect(ts.list).toEqual(['src/routes/auth.ts:10:13 require-rate-limit']);
    expect(ts.messages.get('src/routes/auth.ts:10:13 require-rate-limit')).toBe(
      "Authentication route 'POST /api/auth/forgot-password' on 'router (mounted in src/server.ts:9)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    // CommonJS, `new PromiseRouter()` of `require('express-promise-router')`, behind the app's session.
    const cjs = await lint(fixture('promise-router'), 'recommended');
    expect(cjs.list).toEqual(['app.js:8:144 secure-cookies', 'routes/account.js:5:15 require-csrf-protection']);
    expect(cjs.messages.get('routes/account.js:5:15 require-csrf-protection')).toBe(
      "Route 'DELETE /account' on 'router (mounted in app.js:9)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.",
    );
    await inCopyOf('promise-router-ts', async (dir) => {
      // Another package's router factory of the same shape is not one (unknown stays unknown).
      const auth = path.join(dir, 'src/routes/auth.ts');
      writeFileSync(auth, readFileSync(auth, 'utf8').replace("'express-promise-router'", "'other-router'"));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
    });
  });

  it('trial 25 D3: an exported App class whose getServer() only returns this.app (typescript-express-starter) is complete when its importers call its methods or hand getServer() to supertest', async () => {
    // Before, `return this.app` in getServer() handed the app out of the class: require-helmet said nothing.
    expect((await lint(fixture('class-app-accessor'), 'recommended')).list).toEqual(['src/app.ts:10:16 disable-x-powered-by', 'src/app.ts:10:16 require-helmet']);
    await inCopyOf('class-app-accessor', async (dir) => {
      const server = path.join(dir, 'src/server.ts');
      const original = readFileSync(server, 'utf8');
      // The importer mounts helmet on the app through the accessor: unknown there, nothing reported.
      writeFileSync(server, original.replace('app.listen();', "app.getServer().use(require('helmet')());\napp.listen();"));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      // ... or hands it to other code.
      writeFileSync(server, original.replace('app.listen();', "require('some-kit').configure(app.getServer());\napp.listen();"));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      // A test that hands it to another function than supertest's.
      writeFileSync(server, original);
      const test = path.join(dir, 'src/test/index.spec.ts');
      writeFileSync(test, readFileSync(test, 'utf8').replace('request(app.getServer())', 'request(wrap(app.getServer()))'));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
    });
  });

  it('trial 25 D2: the app a factory or another file gives the entry, served there and exported with its server (module.exports = { app, server, io }), is complete when no file imports the entry (CommonJS, TypeScript)', async () => {
    // Before, the entry's export of the app it serves left the app unknown, though its own app would have been complete.
    expect((await lint(fixture('served-exported/cjs'), 'recommended')).list).toEqual(['src/app.js:4:15 disable-x-powered-by', 'src/app.js:4:15 require-helmet']);
    expect((await lint(fixture('served-exported/ts'), 'recommended')).list).toEqual(['src/app.ts:3:13 disable-x-powered-by', 'src/app.ts:3:13 require-helmet']);
    await inCopyOf('served-exported/cjs', async (dir) => {
      // A file that imports the entry may configure the app: unknown, as before.
      mkdirSync(path.join(dir, 'test'));
      writeFileSync(path.join(dir, 'test/setup.js'), "const { app } = require('../index');\napp.use(require('some-kit')());\n");
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      rmSync(path.join(dir, 'test'), { recursive: true });
      // The entry hands the app to other code before it exports it: unknown.
      const index = path.join(dir, 'index.js');
      const original = readFileSync(index, 'utf8');
      writeFileSync(index, original.replace('const server =', "require('some-kit').configure(app);\nconst server ="));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      // Exported and not served there: its host configures it.
      writeFileSync(index, "const { createApp } = require('./src/app');\nmodule.exports = { app: createApp() };\n");
      expect((await lint(dir, 'recommended')).list).toEqual([]);
    });
  });
});

describe('trial 25 D4: typescript-express-starter route classes (tests/fixtures/projects/starter-routes)', () => {
  const LIMIT = /require-rate-limit/u;

  it('the App mounts the router of each route instance that server.ts (and a test) hands its constructor in a list: its routes get the App\'s chain before the loop', async () => {
    // Before, `routes.forEach((route) => this.app.use('/', route.router))` over the constructor's parameter left the
    // routers of src/routes unmounted: nothing was said of their routes' rate limiting.
    const on = await lint(fixture('starter-routes'), 'strict');
    expect(on.list).toEqual([
      'src/routes/auth.route.ts:14:115 require-input-validation',
      'src/routes/auth.route.ts:14:22 require-rate-limit',
      'src/routes/auth.route.ts:15:102 require-input-validation',
      'src/routes/auth.route.ts:15:22 require-rate-limit',
    ]);
    expect(on.messages.get('src/routes/auth.route.ts:15:22 require-rate-limit')).toBe(
      "Authentication route 'POST /auth/login' on 'this.router (mounted in src/app.ts:32)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
  });

  it('a limiter the App mounts before the loop runs for them; one after it does not; an instance handed elsewhere too leaves its router unknown', async () => {
    await inCopyOf('starter-routes', async (dir) => {
      const app = path.join(dir, 'src/app.ts');
      const original = readFileSync(app, 'utf8');
      const limiter = "this.app.use(require('express-rate-limit')({ windowMs: 60_000, limit: 5 }));";
      writeFileSync(app, original.replace("this.app.use(helmet());", `this.app.use(helmet());\n    ${limiter}`));
      expect((await lint(dir, 'strict')).list.filter((f) => LIMIT.test(f))).toEqual([]);
      writeFileSync(app, original.replace('this.initializeRoutes(routes);', `this.initializeRoutes(routes);\n    ${limiter}`));
      const after = await lint(dir, 'strict');
      expect(after.list.filter((f) => LIMIT.test(f))).toEqual(['src/routes/auth.route.ts:14:22 require-rate-limit', 'src/routes/auth.route.ts:15:22 require-rate-limit']);
      // (Session 20 (2): named as in one file, the limiter mounted after the loop with where it is.)
      expect(after.messages.get('src/routes/auth.route.ts:15:22 require-rate-limit')).toBe(
        "Rate limiter 'require(...)(...)' (src/app.ts:15) is mounted after authentication route 'POST /auth/login' on 'this.router (mounted in src/app.ts:33)', so it never runs for that route: mount it before the route.",
      );
      // The test hands its instance to other code as well: what runs before the router is unknown there.
      writeFileSync(app, original);
      const test = path.join(dir, 'src/test/auth.spec.ts');
      writeFileSync(test, readFileSync(test, 'utf8').replace('const app = new App([authRoute]);', 'const app = new App([authRoute]);\n    register(authRoute);'));
      expect((await lint(dir, 'strict')).list.filter((f) => LIMIT.test(f))).toEqual([]);
    });
  });
});

describe('session 20 (1): route classes mounted on their `path` field (tests/fixtures/projects/starter-paths)', () => {
  const LIMIT = /require-rate-limit/u;

  it("`this.app.use(route.path, route.router)` mounts each router on its instance's `path = '/auth'`: a limiter on '/auth/login' runs for its POST /login, messages name the full path (TS, CommonJS, ESM)", async () => {
    // Before, the mount's path was not read: the routes were '/signup' and '/login', and the limiter on '/auth/login'
    // ran for neither. ts/routes/account.route.ts writes its path again (`this.path = ...`): its mount's path is not
    // known, nothing is said of its routes' limiter.
    const on = await lint(fixture('starter-paths'), 'strict');
    expect(on.list.filter((f) => LIMIT.test(f))).toEqual([
      'cjs/routes/auth.route.js:8:22 require-rate-limit',
      'esm/routes/auth.route.mjs:8:22 require-rate-limit',
      'ts/routes/auth.route.ts:10:22 require-rate-limit',
    ]);
    expect(on.messages.get('ts/routes/auth.route.ts:10:22 require-rate-limit')).toBe(
      "Authentication route 'POST /auth/signup' on 'this.router (mounted in ts/app.ts:28)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('cjs/routes/auth.route.js:8:22 require-rate-limit')).toContain("'POST /auth/signup' on 'this.router (mounted in cjs/app.js:8)'");
    expect(on.messages.get('esm/routes/auth.route.mjs:8:22 require-rate-limit')).toContain("'POST /auth/signup' on 'this.router (mounted in esm/app.mjs:8)'");
    expect(on.messages.get('ts/routes/auth.route.ts:11:90 require-input-validation')).toContain("Route 'POST /auth/login' on 'this.router (mounted in ts/app.ts:28)'");
    expect(on.messages.get('ts/routes/account.route.ts:11:90 require-input-validation')).toContain("Route 'POST /login' on 'this.router (mounted in ts/app.ts:28)'");
  });
});

describe('session 20 (2): a limiter mounted after the routes in another file (tests/fixtures/projects/limiter-after)', () => {
  const LIMIT = /require-rate-limit/u;

  it('names the limiter that the mounting app (cjs/app.js, after its loop) or the entry that imports the app (esm/server.mjs) mounts after the routes, as in one file', async () => {
    // Before, the routers' files said only "no rate limiter before it". cjs/routes/users.js's route has its own limiter.
    const on = await lint(fixture('limiter-after'), 'strict');
    expect(on.list.filter((f) => LIMIT.test(f))).toEqual([
      'cjs/routes/auth.js:4:13 require-rate-limit',
      'esm/routes/auth.mjs:4:13 require-rate-limit',
      'esm/routes/auth.mjs:5:13 require-rate-limit',
    ]);
    expect(on.messages.get('cjs/routes/auth.js:4:13 require-rate-limit')).toBe(
      "Rate limiter 'rateLimit(...)' (cjs/app.js:14) is mounted after authentication route 'POST /auth/login' on 'router (mounted in cjs/app.js:12)', so it never runs for that route: mount it before the route.",
    );
    expect(on.messages.get('esm/routes/auth.mjs:5:13 require-rate-limit')).toBe(
      "Rate limiter 'rateLimit(...)' (esm/server.mjs:6) is mounted after authentication route 'POST /auth/register' on 'router (mounted in esm/app.mjs:7)', so it never runs for that route: mount it before the route.",
    );
    // File by file, the routers are mounted nowhere the model sees: nothing is said of their limiters.
    expect((await lint(fixture('limiter-after'), 'strict', false)).list.filter((f) => LIMIT.test(f))).toEqual([]);
  });
});

describe('trial 29: cookie-parser with the package\'s own sameSite cookies (tests/fixtures/projects/cookie-samesite)', () => {
  const CSRF = /require-csrf-protection/u;

  it('takes cookie-parser\'s cookies as sameSite ones when every res.cookie() of the package writes a literal sameSite strict or lax (proshop), and not otherwise', async () => {
    // strict/: the JWT cookie that `protect` reads is set in utils/token.mjs with `sameSite: 'strict'` (ESM)
    const on = await lint(fixture('cookie-samesite'), 'recommended');
    expect(on.list.filter((f) => CSRF.test(f))).toEqual([
      // mixed/: a second cookie without sameSite (TypeScript)
      'mixed/src/server.ts:18:12 require-csrf-protection',
      // unknown/: the options come from a config module whose sameSite is not a literal (CommonJS)
      'unknown/routes/users.js:7:12 require-csrf-protection',
    ]);
    expect(on.messages.get('unknown/routes/users.js:7:12 require-csrf-protection')).toBe(
      "Route 'PUT /api/users/profile' on 'router (mounted in server.js:6)' changes state and trusts the cookies that cookie-parser reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.",
    );
    // The strict config does not take SameSite alone for protection (sameSiteSuffices: false).
    const strict = await lint(fixture('cookie-samesite'), 'strict');
    expect(strict.list.filter((f) => CSRF.test(f))).toEqual([
      'defaults-cjs/server.js:11:9 require-csrf-protection',
      'defaults-ts/src/routes/account.ts:10:15 require-csrf-protection',
      'mixed/src/server.ts:18:12 require-csrf-protection',
      'strict/routes/users.mjs:7:12 require-csrf-protection',
      'unknown/routes/users.js:7:12 require-csrf-protection',
    ]);
  });
});

describe('trial 32: cookie options kept in a config module (tests/fixtures/projects/cookie-samesite/defaults-*)', () => {
  const CSRF = /require-csrf-protection/u;

  it("takes cookie-parser's cookies as sameSite ones when each res.cookie() spreads or passes options that a module of the package writes with a literal sameSite", async () => {
    // defaults-ts/: `res.cookie('auth', token, { ...COOKIE_DEFAULTS, maxAge })` in src/utils/cookies.ts, `COOKIE_DEFAULTS`
    // with `sameSite: 'strict'` in src/config/cookies.ts (TypeScript, ESM). defaults-cjs/: `res.cookie('jwt', token,
    // cookieOptions)` with `cookieOptions: { sameSite: 'lax' }` a key of config/index.js's `module.exports` (CommonJS).
    // Before, a call whose options the text did not write made the package's cookies unknown: the DELETE and PUT routes
    // were reported although a browser sends these cookies on no cross-site request.
    for (const name of ['cookie-samesite/defaults-ts', 'cookie-samesite/defaults-cjs']) {
      expect((await lint(fixture(name), 'recommended')).list.filter((f) => CSRF.test(f))).toEqual([]);
    }
    // The strict config does not take SameSite alone for protection (sameSiteSuffices: false).
    expect((await lint(fixture('cookie-samesite/defaults-ts'), 'strict')).list.filter((f) => CSRF.test(f))).toEqual(['src/routes/account.ts:10:15 require-csrf-protection']);
    expect((await lint(fixture('cookie-samesite/defaults-cjs'), 'strict')).list.filter((f) => CSRF.test(f))).toEqual(['server.js:11:9 require-csrf-protection']);
  });

  it("reads a cookie helper's options, from the config module too, where its callers in other files pass it their response", async () => {
    // defaults-cjs/lib/session.js: `exports.start = (res, id) => res.cookie('jwt', token, cookieOptions)`, untyped, in a
    // file that names no Express (the package depends on it). Its options, complete in config/index.js: nothing to say.
    const COOKIES = /secure-cookies/u;
    expect((await lint(fixture('cookie-samesite/defaults-cjs'), 'recommended')).list.filter((f) => COOKIES.test(f))).toEqual([]);
    await inCopyOf('cookie-samesite/defaults-cjs', async (dir) => {
      const config = path.join(dir, 'config/index.js');
      writeFileSync(config, readFileSync(config, 'utf8').replace('secure: true', 'secure: false'));
      const off = await lint(dir, 'recommended');
      // Before, `res` of the helper was no response: the flag turned off in the config module went unreported.
      expect(off.list.filter((f) => COOKIES.test(f))).toEqual(['lib/session.js:4:90 secure-cookies']);
      expect(off.messages.get('lib/session.js:4:90 secure-cookies')).toBe(
        "The 'jwt' cookie (res.cookie(), from config/index.js:3) turns off 'secure': the cookie is sent over plain HTTP, where anyone on the network can read it.",
      );
    });
  });

  it('still reports when the named options may let the cookie go cross-site: another sameSite, a later write, an override, a name no module writes', async () => {
    const cases: [string, string, string][] = [
      ['src/config/cookies.ts', "sameSite: 'strict'", "sameSite: 'none'"],
      ['src/config/cookies.ts', '};', "};\nif (process.env.EMBED) COOKIE_DEFAULTS.sameSite = 'none';"],
      ['src/utils/cookies.ts', '...COOKIE_DEFAULTS, maxAge', "...COOKIE_DEFAULTS, sameSite: 'none', maxAge"],
      ['src/utils/cookies.ts', '...COOKIE_DEFAULTS, maxAge', '...AUTH_DEFAULTS, maxAge'],
      // the spread comes after the sameSite: whatever it holds wins
      ['src/config/cookies.ts', "sameSite: 'strict',", "sameSite: 'strict',\n  ...JSON.parse(process.env.COOKIE_OPTIONS ?? '{}'),"],
    ];
    for (const [file, from, to] of cases) {
      await inCopyOf('cookie-samesite/defaults-ts', async (dir) => {
        const target = path.join(dir, file);
        const text = readFileSync(target, 'utf8');
        expect(text).toContain(from);
        writeFileSync(target, text.replace(from, to));
        expect([to, (await lint(dir, 'recommended')).list.filter((f) => CSRF.test(f))]).toEqual([to, ['src/routes/account.ts:10:15 require-csrf-protection']]);
      });
    }
  });
});

describe('trial 32: an error handler named for CSRF in another module (tests/fixtures/projects/csrf-error-handler)', () => {
  it("does not take csrf-csrf's error handler (err, req, res, next) of middleware/csrf.mjs for protection", async () => {
    // esm/: `app.use(csrfErrorHandler)` before the routers; billing's route runs doubleCsrfProtection, prefs' none.
    // cjs/: `xsrfErrors` of lib/errors.js, an arrow function in an exported object. Before, the name made each a CSRF
    // middleware: nothing was reported (mounted after the route, the message named it as the protection that came late).
    const on = await lint(fixture('csrf-error-handler'), 'recommended');
    expect(on.list.filter((f) => f.endsWith('require-csrf-protection'))).toEqual(['cjs/server.js:8:10 require-csrf-protection', 'esm/routes/prefs.mjs:4:13 require-csrf-protection']);
    expect(on.messages.get('esm/routes/prefs.mjs:4:13 require-csrf-protection')).toBe(
      "Route 'POST /prefs/theme' on 'router (mounted in app.mjs:12)' changes state and trusts the cookies that express-session reads, but no CSRF protection runs before it: another site can make a signed-in user's browser submit it.",
    );
  });
});

describe('apps a hosting platform serves by their file (tests/fixtures/projects/vercel)', () => {
  it("Vercel: an app that a file under api/ (or a zero-config entry) exports as its default is served, in a package that deploys there", async () => {
    // Trial 31 (c): `export default app` in api/index.ts, no listen anywhere, vercel.json at the root. Before, the
    // exported app stayed unknown (an importer or a host might configure it), and helmet and x-powered-by went unchecked.
    expect((await lint(fixture('vercel/ts'), 'recommended')).list).toEqual(['api/index.ts:6:13 disable-x-powered-by', 'api/index.ts:6:13 require-helmet']);
    // CommonJS, the `vercel` CLI a devDependency: api/index.js re-exports the app of src/index.js, which is reported there.
    const cjs = await lint(fixture('vercel/cjs'), 'recommended');
    expect(cjs.list).toEqual(['src/index.js:3:13 disable-x-powered-by', 'src/index.js:3:13 require-helmet']);
    expect(cjs.messages.get('src/index.js:3:13 require-helmet')).toBe(
      "Express app 'app' mounts no helmet(): its responses lack Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and the other protective headers.",
    );
    // ESM, @vercel/node a dependency: the zero-config entry src/app.mjs.
    expect((await lint(fixture('vercel/esm'), 'recommended')).list).toEqual(['src/app.mjs:4:13 disable-x-powered-by', 'src/app.mjs:4:13 require-helmet']);
    // The platform terminates TLS: require-https has nothing to say.
    expect((await lint(fixture('vercel/ts'), 'strict')).list.filter((k) => k.endsWith('require-https'))).toEqual([]);
    // Off: the exported app is the importers' to configure.
    expect((await lint(fixture('vercel/ts'), 'recommended', false)).list).toEqual([]);
    await inCopyOf('vercel/ts', async (dir) => {
      // helmet on the app: served and protected.
      const index = path.join(dir, 'api/index.ts');
      const original = readFileSync(index, 'utf8');
      writeFileSync(index, `import helmet from 'helmet';\n${original.replace('app.use(express.json', 'app.use(helmet());\napp.use(express.json')}`);
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      writeFileSync(index, original);
      // A file whose name starts with `_` is no function of Vercel's: unknown.
      mkdirSync(path.join(dir, 'api/_lib'));
      renameSync(index, path.join(dir, 'api/_lib/app.ts'));
      writeFileSync(path.join(dir, 'api/_lib/app.ts'), original.replace("'../src/routes/notes.js'", "'../../src/routes/notes.js'"));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
      // Without vercel.json (and no vercel package), nothing shows the package deploys there: unknown.
      renameSync(path.join(dir, 'api/_lib/app.ts'), index);
      writeFileSync(index, original);
      expect((await lint(dir, 'recommended')).list).toEqual(['api/index.ts:6:13 disable-x-powered-by', 'api/index.ts:6:13 require-helmet']);
      rmSync(path.join(dir, 'vercel.json'));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
    });
    await inCopyOf('vercel/esm', async (dir) => {
      // Another place than Vercel's entries (lib/app.mjs): unknown.
      mkdirSync(path.join(dir, 'lib'));
      renameSync(path.join(dir, 'src/app.mjs'), path.join(dir, 'lib/app.mjs'));
      expect((await lint(dir, 'recommended')).list).toEqual([]);
    });
    await inCopyOf('vercel/cjs', async (dir) => {
      // A named export is no handler of Vercel's: unknown.
      writeFileSync(path.join(dir, 'api/index.js'), "const { app } = require('../src/index');\n\nmodule.exports.app = app;\n");
      expect((await lint(dir, 'recommended')).list).toEqual([]);
    });
  });
});

describe('new-user trial 31 (tests/fixtures/projects/cookie-session-login)', () => {
  it("require-session-regenerate: a login route of a router that another file mounts after cookie-session has no session ID to fixate", async () => {
    // Trial 31 (d): cookie-session mounted in server.js, the login in routes/auth.js, which imports no session library.
    // Before, only the route's own file was asked whether it uses cookie-session, and the login was reported.
    const regenerate = (list: string[]): string[] => list.filter((key) => key.endsWith('require-session-regenerate'));
    expect(regenerate((await lint(fixture('cookie-session-login'), 'strict')).list)).toEqual([]);
    await inCopyOf('cookie-session-login', async (dir) => {
      const server = path.join(dir, 'server.js');
      const original = readFileSync(server, 'utf8');
      // express-session there: a server-side session, fixable by a planted ID. Reported, as before.
      writeFileSync(server, original.replace("const cookieSession = require('cookie-session');", "const cookieSession = require('express-session');"));
      expect(regenerate((await lint(dir, 'strict')).list)).toEqual(['routes/auth.js:6:3 require-session-regenerate']);
      // Both, one after the other: express-session's session is there too.
      writeFileSync(server, original.replace("app.use('/auth', auth);", "app.use(require('express-session')({ secret: process.env.S }));\napp.use('/auth', auth);"));
      expect(regenerate((await lint(dir, 'strict')).list)).toEqual(['routes/auth.js:6:3 require-session-regenerate']);
      // The router handed to code the package does not show as well: its chain is unknown, so the session is too.
      writeFileSync(server, `${original}require('some-plugin')(auth);\n`);
      expect(regenerate((await lint(dir, 'strict')).list)).toEqual(['routes/auth.js:6:3 require-session-regenerate']);
    });
  });
});

describe('new-user trial 31 (tests/fixtures/projects/validation-mounts)', () => {
  it('require-input-validation names every full path of a router mounted on several paths, as the other route rules do', async () => {
    // Trial 31 (c): a router mounted twice was named by its own path ('POST /forgot-password') where the other rules
    // gave both full paths. The paths named are those of the mounts with no validation before the router (the third
    // mount of routes/account.js runs validateBody first).
    const validation = (found: { list: string[] }): string[] => found.list.filter((key) => key.endsWith('require-input-validation'));
    const on = await lint(fixture('validation-mounts'), 'strict');
    expect(validation(on)).toEqual([
      'esm/notes.mjs:6:22 require-input-validation',
      'routes/account.js:6:34 require-input-validation',
      'routes/users.js:15:21 require-input-validation',
      'src/routes/profile.ts:6:24 require-input-validation',
    ]);
    expect(on.messages.get('routes/account.js:6:34 require-input-validation')).toBe(
      "Route 'POST /api/account/settings, /v1/account/settings' on 'router (mounted in app.js:8, app.js:9, app.js:10)' uses 'req.body' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).",
    );
    expect(on.messages.get('esm/notes.mjs:6:22 require-input-validation')).toContain("Route 'GET /notes/search, /archive/notes/search' on 'notes (mounted in esm/server.mjs:6, esm/server.mjs:7)'");
    expect(on.messages.get('src/routes/profile.ts:6:24 require-input-validation')).toContain("Route 'PATCH /me, /users/self' on 'profile (mounted in src/server.ts:6, src/server.ts:7)'");
    // Trial 31 (e): routes/users.js's `users.param('userId', …)` rejects what is not digits: 'GET /users/:userId' reads
    // only that parameter and is not reported; the route that also reads `:name` is, with its full path.
    expect(on.messages.get('routes/users.js:15:21 require-input-validation')).toContain("Route 'GET /users/:userId/files/:name' on 'users (mounted in app.js:11)'");
    // File by file no mount is known: the route's own path.
    const off = await lint(fixture('validation-mounts'), 'strict', false);
    expect(validation(off)).toEqual(validation(on));
    expect(off.messages.get('routes/account.js:6:34 require-input-validation')).toContain("Route 'POST /settings' on 'router'");
    expect(off.messages.get('src/routes/profile.ts:6:24 require-input-validation')).toContain("Route 'PATCH /' on 'profile'");
  });
});

describe('session 24 (svc24): param callbacks of a mergeParams router\'s parent, and of another file (tests/fixtures/projects/param-mounts)', () => {
  it("require-input-validation: a parent's param callback checks a mergeParams router's read of the mount's :name; an importer's router.param checks the router's routes (CJS, ESM, TS)", async () => {
    // routes/users: users.param('userId', check) and users.use('/:userId/posts', posts), posts made with
    // Router({ mergeParams: true }): GET /users/:userId/posts reads the parent's checked value (quiet); GET
    // /users/:userId/posts/by/:userId reads its own ':userId', which takes precedence and no callback of posts checks
    // (reported). app: accounts.param('accountId', check) on the router of routes/accounts: GET /accounts/:accountId is
    // quiet, the route that also reads ':field' is reported.
    const validation = (found: { list: string[] }): string[] => found.list.filter((key) => key.endsWith('require-input-validation'));
    for (const [variant, dir, ext] of [
      ['cjs', 'routes', 'js'],
      ['esm', 'routes', 'mjs'],
      ['ts', 'src/routes', 'ts'],
    ] as const) {
      const on = await lint(fixture(`param-mounts/${variant}`), 'strict');
      expect(validation(on)).toEqual([`${dir}/accounts.${ext}:8:71 require-input-validation`, `${dir}/posts.${ext}:8:59 require-input-validation`]);
      expect(on.messages.get(`${dir}/posts.${ext}:8:59 require-input-validation`)).toContain("Route 'GET /users/:userId/posts/by/:userId'");
      // File by file neither the mount nor app's callback is known: every read of a parameter is reported.
      expect(validation(await lint(fixture(`param-mounts/${variant}`), 'strict', false))).toEqual([
        `${dir}/accounts.${ext}:6:64 require-input-validation`,
        `${dir}/accounts.${ext}:8:71 require-input-validation`,
        `${dir}/posts.${ext}:6:49 require-input-validation`,
        `${dir}/posts.${ext}:8:59 require-input-validation`,
      ]);
    }
  });
});

describe('session 25: a mergeParams router handed to a function of another file that registers its routes (tests/fixtures/projects/param-merge-handoff)', () => {
  it("require-input-validation: the routes are the merging router's, so the parent's param callback checks the merged :name; the merging router's own callback does not (CJS, ESM, TS)", async () => {
    // users.param('userId', check) and users.use('/:userId/posts', posts), posts = Router({ mergeParams: true }) handed
    // to post-routes: GET /users/:userId/posts reads the parent's checked value (quiet); /by/:userId reads its own
    // (reported). notes merges the value of app.use('/u/:userId/notes', notes), whose app has no callback: notes' own
    // notes.param('userId', check) runs only for its own layers' parameters, so note-routes' read is reported.
    const validation = (found: { list: string[] }): string[] => found.list.filter((key) => key.endsWith('require-input-validation'));
    for (const [variant, dir, ext, line] of [
      ['cjs', 'routes', 'js', 3],
      ['esm', 'routes', 'mjs', 3],
      ['ts', 'src/routes', 'ts', 5],
    ] as const) {
      const on = await lint(fixture(`param-merge-handoff/${variant}`), 'strict');
      expect(validation(on)).toEqual([`${dir}/note-routes.${ext}:${line - 1}:52 require-input-validation`, `${dir}/post-routes.${ext}:${line}:62 require-input-validation`]);
      expect(on.messages.get(`${dir}/post-routes.${ext}:${line}:62 require-input-validation`)).toContain("Route 'GET /users/:userId/posts/by/:userId' on 'router (passed in");
      expect(on.messages.get(`${dir}/note-routes.${ext}:${line - 1}:52 require-input-validation`)).toContain("Route 'GET /u/:userId/notes' on 'router (passed in");
      // File by file no caller is known, so no parameter is a router: its routes are not read.
      expect(validation(await lint(fixture(`param-merge-handoff/${variant}`), 'strict', false))).toEqual([]);
    }
  });
});

describe('session 25: CommonJS keyed barrels of controllers (tests/fixtures/projects/keyed-barrel)', () => {
  it("a controller reached through module.exports = { orders: require('./orders') } or exports.orders = require(...) is its route's handler (CJS, ESM importing the CJS barrel, TS's export =)", async () => {
    // routes: controllers.orders.create (reported), named.orders.checked behind body('items').isArray() (quiet),
    // users.login of `const { users } = require('../controllers')` (no regenerate: reported; no validation: reported),
    // users.safeLogin (regenerates: quiet for require-session-regenerate; no validation: reported).
    const keep = /require-input-validation|require-session-regenerate/u;
    for (const [variant, dir, ext, offset] of [
      ['cjs', 'controllers', 'js', 0],
      ['esm', 'controllers', 'cjs', 0],
      ['ts', 'src/controllers', 'ts', 1],
    ] as const) {
      const on = await lint(fixture(`keyed-barrel/${variant}`), 'strict');
      expect(on.list.filter((key) => keep.test(key))).toEqual([
        `${dir}/orders.${ext}:${1 + offset}:${variant === 'ts' ? 77 : 53} require-input-validation`,
        `${dir}/users.${ext}:${2 + offset}:3 require-session-regenerate`,
        `${dir}/users.${ext}:${2 + offset}:39 require-input-validation`,
        `${dir}/users.${ext}:${6 + offset}:29 require-input-validation`,
      ]);
      expect(on.messages.get(`${dir}/users.${ext}:${2 + offset}:3 require-session-regenerate`)).toContain("Login handler 'login' of route 'POST /api/login'");
      expect(on.messages.get(`${dir}/orders.${ext}:${1 + offset}:${variant === 'ts' ? 77 : 53} require-input-validation`)).toContain("Route 'POST /api/orders' on 'router (");
      // File by file no route registers the controllers: none of them is read as a route's handler.
      expect((await lint(fixture(`keyed-barrel/${variant}`), 'strict', false)).list.filter((key) => keep.test(key))).toEqual([]);
    }
  });
});

describe('session 23 (dyn23): modules of the package loaded with import() (tests/fixtures/projects/dynamic-import)', () => {
  const LIMIT = /require-rate-limit/u;
  const HELMET = /require-helmet/u;

  it('reads a literal import() of a file of the package as a require of it: awaited, destructured, .default, .then(cb), and the compiled CommonJS form', async () => {
    // esm/: `const { default: auth } = await import(...)`, `(await import(...)).default`, a module handed the app;
    // ts/: `import(...).then((m) => app.use('/auth', m.router))`, `.then(({ default: security }) => security(app))`;
    // cjs/: tsc's `Promise.resolve().then(() => __importStar(require("./routes/auth")))` of the same.
    const on = await lint(fixture('dynamic-import'), 'strict');
    // Each login route with no limiter before it, and the route a module handed the app adds: reported, naming the
    // file that mounts or hands it. (routes/account: behind a limiter. esm/routes/extra.mjs: loaded with a specifier
    // that is no literal, mounted nowhere the model sees.) The helmet each security module mounts counts.
    expect(on.list).toEqual([
      'cjs/routes/auth.js:5:13 require-rate-limit',
      'cjs/security.js:10:14 require-rate-limit',
      'esm/routes/auth.mjs:4:13 require-rate-limit',
      'esm/security.mjs:5:12 require-rate-limit',
      'ts/routes/auth.ts:4:13 require-rate-limit',
      'ts/security.ts:6:12 require-rate-limit',
    ]);
    expect(on.messages.get('esm/routes/auth.mjs:4:13 require-rate-limit')).toBe(
      "Authentication route 'POST /auth/login' on 'router (mounted in esm/server.mjs:9)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('esm/security.mjs:5:12 require-rate-limit')).toBe(
      "Authentication route 'POST /signin' on 'app (passed in esm/server.mjs:7)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.",
    );
    expect(on.messages.get('ts/routes/auth.ts:4:13 require-rate-limit')).toContain("'POST /auth/login' on 'router (mounted in ts/server.ts:8)'");
    expect(on.messages.get('ts/security.ts:6:12 require-rate-limit')).toContain("'POST /signin' on 'app (passed in ts/server.ts:7)'");
    expect(on.messages.get('cjs/routes/auth.js:5:13 require-rate-limit')).toContain("'POST /auth/login' on 'router (mounted in cjs/server.js:18)'");
    expect(on.messages.get('cjs/security.js:10:14 require-rate-limit')).toContain("'POST /signin' on 'app (passed in cjs/server.js:17)'");
    // File by file, nothing is known of where the routers are mounted nor of what the security modules add.
    expect((await lint(fixture('dynamic-import'), 'strict', false)).list.filter((f) => LIMIT.test(f) || HELMET.test(f))).toEqual([]);
  });

  it('counts what a module loaded with import() adds to the app it is handed: no helmet there, the app has none', async () => {
    await inCopyOf('dynamic-import', async (dir) => {
      for (const file of ['esm/security.mjs', 'ts/security.ts', 'cjs/security.js']) {
        const target = path.join(dir, file);
        writeFileSync(target, readFileSync(target, 'utf8').replace(/app\.use\((?:helmet\(\)|\(0, helmet_1\.default\)\(\))\);/u, "app.set('etag', false);"));
      }
      const on = await lint(dir, 'strict');
      expect(on.list.filter((f) => HELMET.test(f))).toEqual(['cjs/server.js:14:17 require-helmet', 'esm/server.mjs:4:13 require-helmet', 'ts/server.ts:5:15 require-helmet']);
      expect(on.messages.get('esm/server.mjs:4:13 require-helmet')).toBe(
        "Express app 'app' mounts no helmet(): its responses lack Content-Security-Policy, Strict-Transport-Security, X-Frame-Options and the other protective headers.",
      );
    });
  });
});

describe('session 24: param callbacks of a router handed to the functions that register its routes (tests/fixtures/projects/param-handoff)', () => {
  const VALIDATION = /require-input-validation/u;

  it("counts the callers' param callbacks for the routes a function registers on the router it is handed (CommonJS, ESM, TypeScript)", async () => {
    // verdaccio's api: `app.param('package', validatePackage)` in index.ts, then `distTags(app)`, whose routes read
    // `req.params.package`: Express runs the router's param callbacks before every route of it, wherever registered.
    const on = await lint(fixture('param-handoff'), 'strict');
    expect(on.list.filter((key) => VALIDATION.test(key))).toEqual([
      // One caller's router checks `:file`, the other's does not: the route is still reported, naming both.
      'esm/files.mjs:3:24 require-input-validation',
      // `:name` has no param callback (`:pkg` and `:tag` have: an imported validator, a local check).
      'routes/tags.js:6:23 require-input-validation',
      // `:other` has none (`:package` and `:tag` have, verdaccio's own names).
      'src/dist-tags.ts:8:22 require-input-validation',
    ]);
    expect(on.messages.get('esm/files.mjs:3:24 require-input-validation')).toContain("on 'route (passed in esm/server.mjs:10, esm/server.mjs:12)'");
    // File by file no caller is known, so no parameter is a router: its routes are not read (as before).
    const off = await lint(fixture('param-handoff'), 'strict', false);
    expect(off.list.filter((key) => VALIDATION.test(key))).toEqual([]);
  });
});

describe('a router mounted on an app that was handed to code the model does not follow first (tests/fixtures/projects/handed-before-mount)', () => {
  it('has an unknown chain, like the app: its routes are not reported; a router mounted on an app nothing got first is, with its mount (CJS, ESM, TS)', async () => {
    // admin.js, admin.mjs and admin.ts hand their app to each extension (`extensions.forEach((extend) => extend(app))`)
    // before they mount a router that a function of another file returns: an extension may mount validation before it.
    const on = await lint(fixture('handed-before-mount'), 'strict');
    // (The app-wide rules are quiet on the admin apps for the same reason; public.js's app is whole.)
    const bodies = ['admin.js:6:11 no-unbounded-body', 'admin.mjs:6:11 no-unbounded-body', 'admin.ts:7:11 no-unbounded-body'];
    const publicApp = ['public.js:5:15 disable-x-powered-by', 'public.js:5:15 require-helmet', 'public.js:6:11 no-unbounded-body', 'public.js:9:20 require-https'];
    expect(on.list).toEqual([...bodies, ...publicApp, 'routes/users.js:7:27 require-input-validation']);
    expect(on.messages.get('routes/users.js:7:27 require-input-validation')).toContain("Route 'POST /users' on 'router (mounted in public.js:7)' uses 'req.body'");
    // One file at a time, every router is mounted nowhere the rule can see, and each route is reported at its own path.
    const off = await lint(fixture('handed-before-mount'), 'strict', false);
    expect(off.list).toEqual([
      ...bodies,
      ...publicApp,
      'routes/apps.js:7:26 require-input-validation',
      'routes/scopes.ts:8:28 require-input-validation',
      'routes/tokens.mjs:7:28 require-input-validation',
      'routes/users.js:7:27 require-input-validation',
    ]);
    expect(off.messages.get('routes/apps.js:7:26 require-input-validation')).toContain("Route 'POST /' on 'router' uses 'req.body'");
  });
});
