import type { TSESTree } from '@typescript-eslint/utils';

/**
 * NestJS across the files of an app: what each file declares (its bootstrap, its modules, its controllers and
 * their routes' own guards), and how the files combine (`nestProjectRoutes`): the bootstrap's root module, the
 * modules it imports, the `APP_GUARD`s and global guards they register, and so the guards before each route of
 * each controller. A controller file alone cannot tell whether its login route is throttled; with the summaries
 * of the app's other files it can. The project model (src/project) computes the summaries of a package's files
 * and calls `nestProjectRoutes`.
 */

/** A guard or pipe, as far as the rules care. */
export interface NestGuardSummary {
  /** As written: `ThrottlerGuard`, `new ValidationPipe()`. */
  readonly text: string;
  /** A rate limiter (`ThrottlerGuard` of @nestjs/throttler, or a guard named as a throttler). */
  readonly limiter: boolean;
  /** NestJS's `ValidationPipe`. */
  readonly validation: boolean;
}

/** A class this file names: declared here (`from: null`), or imported (`from: './auth.controller'`, a package). */
export interface NestRef {
  readonly name: string;
  readonly from: string | null;
}

export interface NestRouteSummary {
  readonly method: string;
  /** The path under the controller, with the controller's prefix (`/auth/login`), without a global prefix. */
  readonly path: string | null;
  /** The class's and the method's `@UseGuards`, in order. */
  readonly guards: readonly NestGuardSummary[];
  readonly pipes: readonly NestGuardSummary[];
  /** `@SkipThrottle()` on the method or the class: global throttlers do not run. */
  readonly skipsThrottle: boolean;
  /** The route decorator (`@Post('login')`), to report on. */
  readonly node: TSESTree.Node;
}

export interface NestFileSummary {
  /** `NestFactory.create(Root)` apps (Express ones), with the guards and pipes they register globally. */
  readonly bootstraps: readonly {
    readonly rootModule: NestRef | null;
    /** What the app mounts with `use` (on no path) before it starts: it runs before every route. */
    readonly middleware: readonly NestGuardSummary[];
    readonly globalGuards: readonly NestGuardSummary[];
    readonly globalPipes: readonly NestGuardSummary[];
    readonly globalPrefix: string | null;
  }[];
  /** `@Module({...})` classes. `known` is false when its `imports`/`controllers`/`providers` are not plain lists. */
  readonly modules: readonly {
    readonly name: string;
    readonly known: boolean;
    readonly imports: readonly NestRef[];
    readonly controllers: readonly NestRef[];
    readonly appGuards: readonly NestGuardSummary[];
    readonly appPipes: readonly NestGuardSummary[];
  }[];
  readonly controllers: readonly { readonly name: string; readonly routes: readonly NestRouteSummary[] }[];
}

const summaries = new WeakMap<TSESTree.Program, NestFileSummary>();

export function recordNestSummary(program: TSESTree.Program, summary: NestFileSummary): void {
  summaries.set(program, summary);
}

/** The NestJS summary of a file whose model was built (`getExpressModel`), or `null` when it has no NestJS code. */
export function nestSummaryOf(program: TSESTree.Program): NestFileSummary | null {
  return summaries.get(program) ?? null;
}

/** One route of a controller of a bootstrapped app, with every guard and pipe that runs before it. */
export interface NestProjectRoute {
  readonly file: string;
  readonly controller: string;
  readonly route: NestRouteSummary;
  /** With the bootstrap's global prefix. */
  readonly path: string | null;
  readonly limited: boolean;
  readonly validated: boolean;
}

/**
 * The routes of every controller that a bootstrap of `files` reaches through its root module's imports, with the
 * guards and pipes before each. `resolve(file, specifier)` names the file an import of `file` loads (`null` for a
 * package or a file outside the project). When a module cannot be followed (a relative import that does not
 * resolve, a module built at run time), the app is left out: its guards are unknown.
 */
export function nestProjectRoutes(
  files: ReadonlyMap<string, NestFileSummary>,
  resolve: (file: string, specifier: string) => string | null,
): NestProjectRoute[] {
  const routes: NestProjectRoute[] = [];
  const locate = (file: string, ref: NestRef): string | null | undefined => {
    if (ref.from === null) return file;
    if (!ref.from.startsWith('.') && !ref.from.startsWith('/')) return null;
    return resolve(file, ref.from) ?? undefined;
  };
  for (const [bootFile, summary] of files) {
    for (const bootstrap of summary.bootstraps) {
      if (!bootstrap.rootModule) continue;
      const mounted = bootstrap.middleware;
      const guards: NestGuardSummary[] = [...bootstrap.globalGuards];
      const pipes: NestGuardSummary[] = [...bootstrap.globalPipes];
      const controllers: { file: string; name: string }[] = [];
      const seen = new Set<string>();
      let known = true;
      const visit = (file: string, ref: NestRef): void => {
        const where = locate(file, ref);
        if (where === null) return; // a package's module (ThrottlerModule.forRoot()): registers no guard of the app
        if (where === undefined) {
          known = false;
          return;
        }
        const key = `${where}#${ref.name}`;
        if (seen.has(key)) return;
        seen.add(key);
        const module = files.get(where)?.modules.find((m) => m.name === ref.name);
        if (!module || !module.known) {
          known = false;
          return;
        }
        guards.push(...module.appGuards);
        pipes.push(...module.appPipes);
        for (const controller of module.controllers) {
          const at = locate(where, controller);
          if (at) controllers.push({ file: at, name: controller.name });
          else known = false;
        }
        for (const imported of module.imports) visit(where, imported);
      };
      visit(bootFile, bootstrap.rootModule);
      if (!known) continue;
      for (const { file, name } of controllers) {
        const controller = files.get(file)?.controllers.find((c) => c.name === name);
        if (!controller) continue;
        for (const route of controller.routes) {
          const all = [...(route.skipsThrottle ? guards.filter((g) => !g.limiter) : guards), ...route.guards];
          const prefix = bootstrap.globalPrefix;
          const path = prefix === null || route.path === null ? null : joinPrefix(prefix, route.path);
          routes.push({
            file,
            controller: name,
            route,
            path,
            limited: mounted.some((m) => m.limiter) || all.some((g) => g.limiter),
            validated: [...pipes, ...route.pipes].some((p) => p.validation),
          });
        }
      }
    }
  }
  return routes;
}

function joinPrefix(prefix: string, path: string): string {
  const parts = [prefix, path].map((p) => p.replace(/^\/+|\/+$/gu, '')).filter((p) => p !== '');
  return `/${parts.join('/')}`;
}
