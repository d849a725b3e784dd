// Class apps (session 10): programs whose app is a field of a class and whose constructor runs the methods that
// mount a guard (helmet, a rate limiter) and the routes, in an order the rules follow. require-helmet,
// disable-x-powered-by and require-rate-limit lint the same programs; only the guard and the route differ.
//
// Every program is built line by line, with no blank lines: line 1 imports express, line 2 the guard, then the class
// (line 3, or line 4 after a `before` line), each member indented two spaces a level, and `new <Class>().app.listen(3000)`
// last. The tests' assertions count lines in these programs: a change of a member's lines moves them.

/** The guard a class app mounts and the route it guards. */
export interface ClassAppParts {
  /** the guard's import (line 2 of every program) */
  import: string;
  /** the guard's middleware, as passed to `this.app.use(...)` */
  use: string;
  /** the name of the method that mounts the guard */
  method: string;
  /** a route, in JS */
  route: string;
  /** a route, in TS (typed parameters) */
  tsRoute: string;
}

/** helmet, and any route */
export const HELMET: ClassAppParts = {
  import: "import helmet from 'helmet';",
  use: 'helmet()',
  method: 'security',
  route: "this.app.get('/', (req, res) => res.send('hi'));",
  tsRoute: "this.app.get('/health', (req: Request, res: Response) => { res.json({ ok: true }); });",
};

/** express-rate-limit, and a login route (which wants a limiter) */
export const RATE_LIMIT: ClassAppParts = {
  import: "import { rateLimit } from 'express-rate-limit';",
  use: 'rateLimit({ windowMs: 60_000, limit: 10 })',
  method: 'limits',
  route: "this.app.post('/login', (req, res) => res.end());",
  tsRoute: "this.app.post('/login', (req: Request, res: Response) => { res.end(); });",
};

const EXPRESS = "import express from 'express';";
const LOGIN_TS = "this.app.post('/login', (req: Request, res: Response) => { res.json({ ok: true }); });";

function indented(lines: string[]): string[] {
  return lines.flatMap((l) => l.split('\n')).map((l) => `  ${l}`);
}

/** `head {`, the body two spaces in, `}`: a method, a constructor, a class. */
export function block(head: string, ...body: string[]): string {
  return [`${head} {`, ...indented(body), '}'].join('\n');
}

/** `head {`, the body two spaces in, `};`: a field holding an arrow function (`head` ends with `=>`). */
export function field(head: string, ...body: string[]): string {
  return [`${head} {`, ...indented(body), '};'].join('\n');
}

/** A program of one class `name` with these members, made and listened to at the end. */
export function classProgram(
  express: string,
  parts: ClassAppParts,
  name: string,
  members: string[],
  before: string[] = [],
): string {
  return [express, parts.import, ...before, block(`class ${name}`, ...members), `new ${name}().app.listen(3000);`].join(
    '\n',
  );
}

/** `class App` whose constructor makes the app and calls `config()`, then these members (ESM JS; members from line 8). */
export function configApp(parts: ClassAppParts, members: string[]): string {
  return classProgram(EXPRESS, parts, 'App', [
    block('constructor()', 'this.app = express();', 'this.config();'),
    ...members,
  ]);
}

/** The same in TS, the app a typed field (members from line 8). */
function configAppTs(parts: ClassAppParts, members: string[]): string {
  return classProgram("import express, { type Express, type Request, type Response } from 'express';", parts, 'App', [
    'readonly app: Express = express();',
    block('constructor()', 'this.config();'),
    ...members,
  ]);
}

/** TS: the constructor mounts the guard, then runs the routes' arrow-function field (a login route, line 7). */
export function guardThenArrowRoutesTs(parts: ClassAppParts): string {
  return classProgram(
    "import express, { type Request, type Response } from 'express';",
    parts,
    'Server',
    [
      'app = express();',
      field('private routes = () =>', "this.app.post('/login', login);"),
      block('constructor()', `this.app.use(${parts.use});`, 'this.routes();'),
    ],
    ['const login = (req: Request, res: Response) => { res.json({ ok: true }); };'],
  );
}

/** ESM JS: the constructor runs the guard's method, then the routes' arrow-function field (route on line 6). */
export function guardMethodThenArrowRoutes(parts: ClassAppParts): string {
  return classProgram(EXPRESS, parts, 'Server', [
    'app = express();',
    field('routes = () =>', parts.route),
    block('constructor()', 'this.middleware();', 'this.routes();'),
    block('middleware()', `this.app.use(${parts.use});`),
  ]);
}

/** TS: both arrow-function fields, the routes' run first (guard on line 11, a login route on line 14). */
export function arrowRoutesThenGuardTs(parts: ClassAppParts): string {
  return classProgram(
    "import express, { type Application, type Request, type Response } from 'express';",
    parts,
    'Server',
    [
      'app: Application;',
      block('constructor()', 'this.app = express();', 'this.routes();', 'this.middleware();'),
      field('middleware = (): void =>', `this.app.use(${parts.use});`),
      field('routes = (): void =>', LOGIN_TS),
    ],
  );
}

/** ESM JS: both arrow-function fields, the routes' run first (guard on line 10, route on line 13). */
export function arrowRoutesThenGuard(parts: ClassAppParts, method = parts.method): string {
  return classProgram(EXPRESS, parts, 'Server', [
    'app = express();',
    block('constructor()', 'this.routes();', `this.${method}();`),
    field(`${method} = () =>`, `this.app.use(${parts.use});`),
    field('routes = () =>', parts.route),
  ]);
}

/** TS: `config()` runs the guard's method, then registers the route (line 10). */
export function guardInConfigTs(parts: ClassAppParts): string {
  return configAppTs(parts, [
    block('private config(): void', `this.${parts.method}();`, parts.tsRoute),
    block(`private ${parts.method}(): void`, `this.app.use(${parts.use});`),
  ]);
}

/** ESM JS: `config()` runs the guard's method, then registers the route (line 10). */
export function guardInConfig(parts: ClassAppParts): string {
  return configApp(parts, [
    block('config()', `this.${parts.method}();`, parts.route),
    block(`${parts.method}()`, `this.app.use(${parts.use});`),
  ]);
}

/** TS: `config()` runs the routes' method (route on line 13), then mounts the guard (line 10). */
export function routesInConfigThenGuardTs(parts: ClassAppParts): string {
  return configAppTs(parts, [
    block('private config(): void', 'this.routes();', `this.app.use(${parts.use});`),
    block('private routes(): void', parts.tsRoute),
  ]);
}

/** ESM JS: `config()` runs the routes' arrow-function field (route on line 13), then mounts the guard (line 10). */
export function arrowRoutesInConfigThenGuard(parts: ClassAppParts): string {
  return configApp(parts, [
    block('config()', 'this.routes();', `this.app.use(${parts.use});`),
    field('routes = () =>', parts.route),
  ]);
}

/**
 * The four programs above that mount the guard before the route, each under the file name its tests lint it as:
 * arrow-function fields (TS, ESM) and a method called from the method the constructor runs (TS, ESM).
 */
export function guardFirstClassApps(parts: ClassAppParts): { code: string; filename: string }[] {
  return [
    { code: guardThenArrowRoutesTs(parts), filename: 'server.ts' },
    { code: guardMethodThenArrowRoutes(parts), filename: 'server.mjs' },
    { code: guardInConfigTs(parts), filename: 'app.ts' },
    { code: guardInConfig(parts), filename: 'app.mjs' },
  ];
}
