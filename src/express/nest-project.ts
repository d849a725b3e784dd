import type { TSESTree } from '@typescript-eslint/utils';

import { prefixMatches } from './middleware-chain';
import type { MiddlewareItem } from './model';

/**
 * NestJS across the files of an app: what each file declares (its bootstrap, its modules, its controllers and
 * their routes' own guards), and how the files combine (`nestProjectRoutes`): the bootstrap's root module, the
 * modules it imports, the `APP_GUARD`s and global guards they register, and so the guards before each route of
 * each controller. A controller file alone cannot tell whether its login route is throttled; with the summaries
 * of the app's other files it can. The project model (src/project) computes the summaries of a package's files
 * and calls `nestProjectRoutes`.
 */

/** A version a route is served under (`'1'`), or `NEUTRAL` for Nest's `VERSION_NEUTRAL`: no version segment. */
export const NEUTRAL: unique symbol = Symbol('VERSION_NEUTRAL');
export type NestVersion = string | typeof NEUTRAL;
/** The versions `@Version(...)`, `@Controller({ version })` or `defaultVersion` give: each of them; `null` when not static. */
export type NestVersions = readonly NestVersion[] | null;

/** What `app.enableVersioning(options)` says about route paths (see `ENABLE_VERSIONING_METHOD` in data/nest.ts). */
export interface NestVersioning {
  /** URI versioning, the only type that changes paths; `null` when the type is not read. */
  readonly uri: boolean | null;
  /** The segment before a version (`'v'`, `''` for `prefix: false`); `null` when not read. */
  readonly prefix: string | null;
  /** `defaultVersion`: absent for none, `null` when not read. */
  readonly defaultVersion?: NestVersions;
}

/**
 * The `exclude` option of `app.setGlobalPrefix(prefix, { exclude: ['health', { path, method }] })`: paths (with
 * `method: null` for every method) whose routes Nest serves without the global prefix; `null` when the list (or an
 * element) is not read.
 */
export type NestPrefixExclude = readonly NestPathSelector[] | null;

/** A guard or pipe, as far as the rules care. */
export interface NestGuardSummary {
  /** As written: `ThrottlerGuard`, `new ValidationPipe()`. */
  readonly text: string;
  /** A rate limiter (`ThrottlerGuard` of @nestjs/throttler, or a guard named as a throttler). */
  readonly limiter: boolean;
  /** NestJS's `ValidationPipe`. */
  readonly validation: boolean;
  /** The item as the model of its own file sees it (its node belongs to that file: read it, never report on it). */
  readonly item: MiddlewareItem;
}

/** Middleware a bootstrap mounts with `use`, with the path it is mounted on (`''` for none, `null` when not static). */
export interface NestMountedSummary extends NestGuardSummary {
  readonly path: string | null;
  /** Applied by a module's `configure(consumer)`: the routes it runs for (its controllers' files resolved). */
  readonly routes?: NestConsumerRoutes<NestResolvedSelector>;
}

/**
 * A route that `forRoutes(...)` or `exclude(...)` names: a path under the global prefix (`'users'`, `'*'`) with a
 * method (`{ path: 'auth/login', method: RequestMethod.POST }`; `null` for every method), or a controller class.
 */
export type NestRouteSelector = NestPathSelector | { readonly controller: NestRef };
/** The same, a controller named by its file (`null` when its import does not resolve). */
export type NestResolvedSelector = NestPathSelector | { readonly controller: { readonly file: string; readonly name: string } | null };
/** `{ path, method, version }`: `version` absent when not given (the route under no version, or a default one). */
export interface NestPathSelector {
  readonly path: string;
  readonly method: string | null;
  readonly version?: NestVersions;
}

/** What `consumer.apply(m).exclude(...).forRoutes(...)` says about the routes `m` runs for. */
export interface NestConsumerRoutes<Selector = NestRouteSelector> {
  /** `null` when the arguments (or the call) are not read: it may run for any route. */
  readonly forRoutes: readonly Selector[] | null;
  /** `null` when the arguments are not read: no route is taken as excluded. */
  readonly exclude: readonly Selector[] | null;
}

/** Middleware a module applies in `configure(consumer)`, with the routes it names. */
export interface NestAppliedSummary extends NestGuardSummary {
  readonly routes: NestConsumerRoutes;
}

/** A class this file names: declared here (`from: null`), or imported (`from: './auth.controller'`, a package). */
export interface NestRef {
  readonly name: string;
  readonly from: string | null;
  /** Named through a call (`AuthModule.forRoot(...)`): a dynamic module, which may add providers and controllers. */
  readonly dynamic?: true;
  /** For a dynamic module: the static method called (`forRoot`), when the call names one. */
  readonly method?: string;
}

/**
 * What a static method of a module class returns as a dynamic module (`static forRoot(): DynamicModule { return {
 * module: AuthModule, controllers: [...], providers: [...] } }`): Nest adds its lists to the class's `@Module`.
 * `known` is false unless the method returns one object literal (no spread) naming the class as `module`, whose
 * lists are plain.
 */
export interface NestDynamicModule extends NestModuleLists {
  readonly method: string;
  readonly known: boolean;
}

/** What a `@Module({...})` (or a dynamic module a static method of its class returns) lists. */
export interface NestModuleLists {
  readonly imports: readonly NestRef[];
  readonly controllers: readonly NestRef[];
  readonly appGuards: readonly NestGuardSummary[];
  readonly appPipes: readonly NestGuardSummary[];
  /**
   * `RouterModule.register([{ path: 'admin', module: AdminModule, children: [...] }])` among its imports: the path
   * each named module's controllers get (children joined); `null` when the list is not read.
   */
  readonly routes: readonly { readonly module: NestRef; readonly path: string }[] | null;
}

export interface NestRouteSummary {
  readonly method: string;
  /**
   * The path under the controller, with the controller's prefix (`/auth/login`), without a global prefix; `null` when
   * not static or when there are several (`paths`).
   */
  readonly path: string | null;
  /**
   * A route on several paths (`@Controller(['auth', 'account'])`, `@Post(['login', 'signin'])`: each prefix with each
   * path): each of them; absent when `path` says it.
   */
  readonly paths?: readonly string[];
  /** The class's and the method's `@UseGuards`, in order. */
  readonly guards: readonly NestGuardSummary[];
  readonly pipes: readonly NestGuardSummary[];
  /** `@SkipThrottle()` on the method or the class: global throttlers do not run. */
  readonly skipsThrottle: boolean;
  /** `@Version(...)` of the method, else `@Controller({ version })` of its controller: absent for none (`null`: not static). */
  readonly version?: NestVersions;
  /** Whether a class of its file (the controller or a class it extends there) has `@SkipThrottle`: `null` for none. */
  readonly classSkips?: boolean | null;
  /** The route decorator (`@Post('login')`), to report on. */
  readonly node: TSESTree.Node;
}

export interface NestFileSummary {
  /** `NestFactory.create(Root)` apps (Express ones), with the guards and pipes they register globally. */
  readonly bootstraps: readonly {
    readonly rootModule: NestRef | null;
    /** What the app mounts with `use` before it starts (`listen`/`init`): it runs before the routes its path matches. */
    readonly middleware: readonly NestMountedSummary[];
    readonly globalGuards: readonly NestGuardSummary[];
    readonly globalPipes: readonly NestGuardSummary[];
    readonly globalPrefix: string | null;
    /** `setGlobalPrefix(prefix, { exclude })`: the routes served without the prefix; absent for none, `null` when not read. */
    readonly prefixExclude?: NestPrefixExclude;
    /** `app.enableVersioning(...)`: absent when the app does not call it. */
    readonly versioning?: NestVersioning;
  }[];
  /** `@Module({...})` classes. `known` is false when its `imports`/`controllers`/`providers` are not plain lists. */
  readonly modules: readonly (NestModuleLists & {
    readonly name: string;
    readonly known: boolean;
    /**
     * What `configure(consumer) { consumer.apply(a, b).exclude(...).forRoutes(...) }` applies, with the routes it
     * names. `known` is false when `consumer` goes elsewhere.
     */
    readonly middleware: readonly NestAppliedSummary[];
    /** The dynamic modules its static methods return (`AuthModule.forRoot()`). */
    readonly dynamic?: readonly NestDynamicModule[];
  })[];
  /** `@Controller()` classes, and classes with route methods that are no controller (base classes of controllers). */
  readonly controllers: readonly NestControllerSummary[];
}

/**
 * A `@Controller()` class, or a class with route methods that is no controller: a base class, whose route methods
 * are routes of each controller that extends it, on that controller's prefix (Nest reads the route metadata of the
 * methods through the prototype chain).
 */
export interface NestControllerSummary {
  readonly name: string;
  /** Its routes: its own route methods and those it inherits from classes of its file (a controller's with its prefix). */
  readonly routes: readonly NestRouteSummary[];
  /** False for a class with route methods and no `@Controller()`: it serves no route itself. */
  readonly controller?: boolean;
  /** `@Controller('users')`: `'users'` (`''` for none, `null` when not static or when there are several, `prefixes`). */
  readonly prefix?: string | null;
  /** `@Controller(['users', 'members'])`: each prefix; absent when `prefix` says it. */
  readonly prefixes?: readonly string[];
  /** `@Controller({ path, version })`: absent for none (`null`: not static). */
  readonly version?: NestVersions;
  /** The class of another file (or package) it extends past the classes of its file; `null` when not a class name (a mixin call). */
  readonly base?: NestRef | null;
  /** `@UseGuards` / `@Throttle` of the class and of the classes of its file it extends. */
  readonly classGuards?: readonly NestGuardSummary[];
  readonly classPipes?: readonly NestGuardSummary[];
  /** `@SkipThrottle` of the nearest class (of its file) that has one: `true` / `false`, `null` for none. */
  readonly classSkips?: boolean | null;
  /** The method names it and those classes declare: a base class's route method of the same name is hidden. */
  readonly methods?: readonly string[];
}

const summaries = new WeakMap<TSESTree.Program, NestFileSummary>();

export function recordNestSummary(program: TSESTree.Program, summary: NestFileSummary): void {
  summaries.set(program, summary);
}

/** The NestJS summary of a file whose model was built (`getExpressModel`), or `null` when it has no NestJS code. */
export function nestSummaryOf(program: TSESTree.Program): NestFileSummary | null {
  return summaries.get(program) ?? null;
}

/**
 * One Nest app of the package as the files combine: a bootstrap (`NestFactory.create(Root)`), every guard and pipe
 * it registers for all routes (`app.useGlobalGuards/Pipes` in the bootstrap, `APP_GUARD` / `APP_PIPE` providers of
 * the modules it reaches through `imports`), the middleware it mounts with `use` before it starts, and the
 * controllers of those modules. `known` is false when a module cannot be followed (a relative import that does not
 * resolve, a module built at run time): then its guards are unknown and nothing else is set.
 */
export interface NestAppChain {
  readonly bootFile: string;
  readonly known: boolean;
  readonly middleware: readonly NestMountedSummary[];
  readonly guards: readonly NestGuardSummary[];
  readonly pipes: readonly NestGuardSummary[];
  /** `app.setGlobalPrefix('api')`: `''` for none, `null` when not a static string or a `RouterModule` adds paths. */
  readonly globalPrefix: string | null;
  /** `setGlobalPrefix(prefix, { exclude })`: the routes served without the prefix; absent for none, `null` when not read. */
  readonly prefixExclude?: NestPrefixExclude;
  /** `app.enableVersioning(...)`: absent when not called. */
  readonly versioning?: NestVersioning;
  /** With the path a `RouterModule` gives the module that lists them (`''` for none). */
  readonly controllers: readonly NestListedController[];
  /** What the modules apply in `configure(consumer)` (also in `middleware`), with the module's file. */
  readonly applied: readonly { readonly file: string; readonly middleware: NestAppliedSummary }[];
}

/** A controller that a module of the app lists. */
export interface NestListedController {
  readonly file: string;
  readonly name: string;
  /** The path a `RouterModule` gives the module that lists it (`''` for none). */
  readonly prefix: string;
  /**
   * The classes of other files of the package it extends (`extends CrudController`), nearest first, with their
   * files; `[]` for none; `null` when one cannot be followed (a package's class, a mixin call, a file without it).
   */
  readonly bases: readonly { readonly file: string; readonly summary: NestControllerSummary }[] | null;
  /** Its file's summary of it (`null` when its file has none). */
  readonly summary: NestControllerSummary | null;
}

/** Bound on the classes of other files a controller extends, one after the other. */
const MAX_BASES = 8;

/** What the classes of other files that a controller extends add to each of its routes: their class guards and pipes. */
export function inheritedItems(controller: NestListedController | undefined): {
  guards: readonly NestGuardSummary[];
  pipes: readonly NestGuardSummary[];
  skips: boolean | null;
} {
  const bases = controller?.bases ?? [];
  return {
    guards: bases.flatMap((b) => b.summary.classGuards ?? []),
    pipes: bases.flatMap((b) => b.summary.classPipes ?? []),
    skips: bases.map((b) => b.summary.classSkips ?? null).find((skip) => skip !== null) ?? null,
  };
}

/**
 * Where a package file's export is declared past the barrels that pass it on (`export * from './tus.module'`, `export
 * { AuthModule as Auth } from './auth.module'`, their compiled forms): the file and the name there; `null` when the
 * re-exports cannot be followed to one.
 */
export type NestDeclaredAt = (file: string, name: string) => { readonly file: string; readonly name: string } | null;

/**
 * The apps that the bootstraps of `bootFiles` make. `summaryOf(file)` gives a file's summary (read when asked),
 * `resolve(file, specifier)` the file an import of `file` loads: `null` for an installed package (whose modules,
 * such as `ThrottlerModule.forRoot()`, register no guard of the app), `undefined` when it cannot be followed (a
 * path alias that does not resolve). `declaredAt` follows a barrel that an imported class (a module, a controller, a
 * base class) is not declared in to the file that declares it; without it, or when it finds none, the class is looked
 * for in the imported file only (a module not found there leaves the app unknown).
 */
export function nestApps(
  bootFiles: Iterable<string>,
  summaryOf: (file: string) => NestFileSummary | null | undefined,
  resolve: (file: string, specifier: string) => string | null | undefined,
  declaredAt?: NestDeclaredAt,
): NestAppChain[] {
  const apps: NestAppChain[] = [];
  /** The file (and name there) of a class `file` names; `null` for a package's, `undefined` when not followed. */
  const locate = (file: string, ref: NestRef): { file: string; name: string } | null | undefined => {
    if (ref.from === null) return { file, name: ref.name };
    const found = resolve(file, ref.from);
    // A relative import that does not resolve cannot be followed.
    if (found === null && (ref.from.startsWith('.') || ref.from.startsWith('/'))) return undefined;
    if (found === null || found === undefined) return found;
    // Through a barrel (`core/modules/tus/index.ts` with `export * from './tus.module'`): a class the imported file
    // does not declare is looked for where its re-exports lead (only then: a module's own file is not read again).
    const summary = declaredAt ? summaryOf(found) : null;
    const declares = summary?.modules.some((m) => m.name === ref.name) || summary?.controllers.some((c) => c.name === ref.name);
    return (declaredAt && !declares ? declaredAt(found, ref.name) : null) ?? { file: found, name: ref.name };
  };
  for (const bootFile of bootFiles) {
    for (const bootstrap of summaryOf(bootFile)?.bootstraps ?? []) {
      const unknown: NestAppChain = { bootFile, known: false, middleware: [], guards: [], pipes: [], globalPrefix: null, controllers: [], applied: [] };
      if (!bootstrap.rootModule) {
        apps.push(unknown);
        continue;
      }
      const guards: NestGuardSummary[] = [...bootstrap.globalGuards];
      const applied: { file: string; middleware: NestAppliedSummary }[] = [];
      const pipes: NestGuardSummary[] = [...bootstrap.globalPipes];
      const controllers: { file: string; name: string; module: string }[] = [];
      /** The classes of other files the controller `name` of `file` extends (see `NestListedController.bases`). */
      const basesOf = (file: string, name: string): NestListedController['bases'] => {
        const bases: { file: string; summary: NestControllerSummary }[] = [];
        const seen = new Set<string>();
        let at = file;
        let cls = summaryOf(file)?.controllers.find((c) => c.name === name);
        while (cls?.base !== undefined) {
          const base = cls.base;
          if (base === null || bases.length >= MAX_BASES) return null;
          const located = locate(at, base);
          if (!located || seen.has(`${located.file}#${located.name}`)) return null;
          seen.add(`${located.file}#${located.name}`);
          cls = summaryOf(located.file)?.controllers.find((c) => c.name === located.name);
          if (!cls) return null;
          bases.push({ file: located.file, summary: cls });
          at = located.file;
        }
        return bases;
      };
      const seen = new Set<string>();
      let known = true;
      /** A `RouterModule` whose routes are not read puts module paths before some routes: full paths are unknown. */
      let rerouted = false;
      /** The path a `RouterModule` gives each module (by file and name). */
      const modulePaths = new Map<string, string>();
      const visit = (file: string, ref: NestRef): void => {
        const located = locate(file, ref);
        if (located === null) return; // a package's module (ThrottlerModule.forRoot()): registers no guard of the app
        if (located === undefined) {
          known = false;
          return;
        }
        const where = located.file;
        const key = `${where}#${located.name}`;
        const module = summaryOf(where)?.modules.find((m) => m.name === located.name);
        // A dynamic module of the app (`CoreModule.forRoot(...)`) adds what its static method returns, when read.
        const dynamic = ref.dynamic ? module?.dynamic?.find((d) => d.method === ref.method) : undefined;
        if (!module || !module.known || (ref.dynamic && !dynamic?.known)) {
          known = false;
          return;
        }
        const parts = [module, ...(dynamic ? [dynamic] : [])].filter((part) => !seen.has(`${key}#${'method' in part ? part.method : ''}`));
        for (const part of parts) seen.add(`${key}#${'method' in part ? part.method : ''}`);
        for (const part of parts) {
          guards.push(...part.appGuards);
          pipes.push(...part.appPipes);
          if ('middleware' in part) applied.push(...part.middleware.map((middleware) => ({ file: where, middleware })));
          if (part.routes === null) rerouted = true;
          for (const route of part.routes ?? []) {
            const at = locate(where, route.module);
            if (at) modulePaths.set(`${at.file}#${at.name}`, route.path);
            else rerouted = true;
          }
          for (const controller of part.controllers) {
            const at = locate(where, controller);
            if (at) controllers.push({ file: at.file, name: at.name, module: key });
            else known = false;
          }
          for (const imported of part.imports) visit(where, imported);
        }
      };
      visit(bootFile, bootstrap.rootModule);
      /** A selector with its controller's file resolved from the module's file. */
      const resolveSelectors = (file: string, selectors: readonly NestRouteSelector[] | null): NestResolvedSelector[] | null =>
        selectors?.map((selector) => {
          if (!('controller' in selector)) return selector;
          // Only a controller its file declares: an imported value of another kind (a list of routes) is not read.
          const at = locate(file, selector.controller);
          const declared = at && summaryOf(at.file)?.controllers.some((c) => c.name === at.name && c.controller !== false);
          return { controller: at && declared ? { file: at.file, name: at.name } : null };
        }) ?? null;
      const middleware: NestMountedSummary[] = [
        ...bootstrap.middleware,
        ...applied.map(({ file, middleware: m }) => ({
          ...m,
          path: '',
          routes: { forRoutes: resolveSelectors(file, m.routes.forRoutes), exclude: resolveSelectors(file, m.routes.exclude) },
        })),
      ];
      const globalPrefix = rerouted ? null : bootstrap.globalPrefix;
      if (!known) {
        apps.push(unknown);
        continue;
      }
      // (read only for a known app: the classes a controller extends may be in files parsed for nothing else)
      const listed = controllers.map(({ file, name, module }) => ({
        file,
        name,
        prefix: modulePaths.get(module) ?? '',
        bases: basesOf(file, name),
        summary: summaryOf(file)?.controllers.find((c) => c.name === name) ?? null,
      }));
      const versioning = bootstrap.versioning ? { versioning: bootstrap.versioning } : {};
      const exclude = bootstrap.prefixExclude !== undefined ? { prefixExclude: bootstrap.prefixExclude } : {};
      apps.push({ bootFile, known, middleware, guards, pipes, globalPrefix, ...exclude, ...versioning, controllers: listed, applied });
    }
  }
  return apps;
}

/** What runs before one route of a controller of a known app: its app's middleware, guards and pipes, then its own. */
export interface NestRouteChain {
  /** The app's middleware mounted on a path that matches, its global guards (less throttlers under `@SkipThrottle`) and pipes. */
  readonly before: readonly NestGuardSummary[];
  /** With the bootstrap's global prefix and URI version; `null` when a part is not static or there are several (`paths`). */
  readonly path: string | null;
  /** A route served on several paths (one per URI version): each of them; absent when `path` says it. */
  readonly paths?: readonly string[];
  /** Every path the route answers on has a limiter before it. */
  readonly limited: boolean;
  readonly validated: boolean;
}

/**
 * `controller`: the app's entry of the route's controller (the path a `RouterModule` gives its module, the class
 * guards and pipes of the classes of other files it extends).
 */
export function nestRouteChain(app: NestAppChain, route: NestRouteSummary, controller?: NestListedController): NestRouteChain {
  const paths = nestRoutePaths(app.globalPrefix, app.versioning, controller?.prefix ?? '', route, app.prefixExclude);
  const each: (string | null)[] = paths ?? [null];
  // (A route on several paths: the middleware mounted on each; one that runs on some of them only says which.)
  const runs = each.map((path) =>
    app.middleware.filter(
      (m) =>
        mountMatches(m.path, path) &&
        (!m.routes || consumerRuns(m.routes, app.globalPrefix, path, route.method, controller, app.versioning, app.prefixExclude)),
    ),
  );
  const middleware = app.middleware
    .filter((m) => runs.some((list) => list.includes(m)))
    .map((m) => (runs.every((list) => list.includes(m)) ? m : { ...m, item: { ...m.item, onlyOn: paths!.filter((_, i) => runs[i]!.includes(m)) } }));
  const inherited = inheritedItems(controller);
  const skips = route.skipsThrottle || (inherited.skips === true && route.classSkips == null);
  const keep = (g: NestGuardSummary): boolean => !skips || !g.limiter;
  const guards = [...app.guards.filter(keep), ...app.pipes, ...inherited.guards.filter(keep), ...inherited.pipes];
  const before = [...middleware, ...guards];
  const guarded = [...guards, ...route.guards].some((g) => g.limiter);
  return {
    before,
    path: paths?.length === 1 ? paths[0]! : null,
    ...(paths && paths.length !== 1 ? { paths } : {}),
    limited: guarded || runs.every((list) => list.some((g) => g.limiter)),
    validated: [...app.pipes, ...inherited.pipes, ...route.pipes].some((p) => p.validation),
  };
}

/**
 * The version segments a route's path gets after the global prefix, as Nest's `RoutePathFactory` builds them: under
 * URI versioning, `/{prefix}{version}` for each of the route's versions (`versions`: its `@Version()` or its
 * controller's; else the default version), `''` for `VERSION_NEUTRAL` or no version; `['']` without URI versioning.
 * `null` when a part is not known (a version, the prefix or the type not static).
 */
export function versionSegments(versioning: NestVersioning | undefined, versions: NestVersions | undefined): string[] | null {
  if (!versioning || versioning.uri === false) return [''];
  const list = versions !== undefined ? versions : versioning.defaultVersion;
  if (list === undefined) return [''];
  if (list === null || versioning.uri === null || versioning.prefix === null) return null;
  return [...new Set(list.map((version) => (version === NEUTRAL ? '' : `/${versioning.prefix}${version}`)))];
}

/**
 * Every full path a route answers on: the global prefix (unless `exclude` names the route, `prefixFor`), its URI
 * version (one path per version), the module path a `RouterModule` gives (`modulePath`), then the route's own path (or
 * each of its paths); `null` when a part is not static.
 */
export function nestRoutePaths(
  globalPrefix: string | null,
  versioning: NestVersioning | undefined,
  modulePath: string,
  route: Pick<NestRouteSummary, 'path' | 'paths' | 'version' | 'method'>,
  exclude?: NestPrefixExclude,
): string[] | null {
  const segments = versionSegments(versioning, route.version);
  if (segments === null) return null;
  const paths = (route.paths ?? [route.path]).flatMap((own) => {
    const prefix = prefixFor(globalPrefix, exclude, joinNestPaths(modulePath, own), route.method);
    return segments.map((segment) => joinNestPaths(prefix, segment, modulePath, own));
  });
  return paths.some((path) => path === null) ? null : [...new Set(paths as string[])];
}

/**
 * The global prefix a route on `path` (its path under the prefix and the URI version: Nest tests it without the
 * version segment) and `method` gets: `''` when `exclude` names it (`excludedFromPrefix`), `null` when that is not
 * known.
 */
export function prefixFor(globalPrefix: string | null, exclude: NestPrefixExclude | undefined, path: string | null, method: string): string | null {
  if (globalPrefix === '' || exclude === undefined) return globalPrefix;
  const excluded = excludedFromPrefix(exclude, path, method);
  return excluded === null ? null : excluded ? '' : globalPrefix;
}

/**
 * Whether `setGlobalPrefix(prefix, { exclude })` serves a route without the prefix, as Nest's `isRouteExcluded` tests
 * it: an element of every method (a string, `RequestMethod.ALL`) or of the route's own method whose path, as a
 * path-to-regexp pattern, matches the route's path as written (`'users/:id'` matches `/users/:id`; case and a final
 * slash aside). A plain parameter (`:id`) matches one segment; any other pattern (`*`, `(.*)`, `{...}`, `?`) may match
 * (`null`) once the segments before it agree; so may a list that is not read or a path that is not static.
 */
export function excludedFromPrefix(exclude: NestPrefixExclude, path: string | null, method: string): boolean | null {
  if (exclude === null) return null;
  let result: boolean | null = false;
  for (const selector of exclude) {
    if (selector.method !== null && selector.method !== method) continue;
    const matches = path === null ? null : patternMatches(selector.path, path);
    if (matches === true) return true;
    if (matches === null) result = null;
  }
  return result;
}

const PATTERN = /[:*(){}[\]?+!]/u;
const PLAIN_PARAMETER = /^:[A-Za-z_$][\w$]*$/u;

/** `patternMatches('users/:id', '/users/:id')`: see `excludedFromPrefix`; `null` when a pattern may match. */
function patternMatches(pattern: string, path: string): boolean | null {
  const trimmed = `/${pattern.replace(/^\/+/u, '')}`;
  const own = trimmed.length > 1 ? trimmed.replace(/\/+$/u, '') : trimmed;
  // (A final slash of the pattern, or two slashes in a row, make path-to-regexp's pattern stricter: not read.)
  const exact = own === trimmed && !own.includes('//');
  const wanted = own.split('/');
  const segments = (path.length > 1 ? path.replace(/\/+$/u, '') : path).split('/');
  for (let i = 0; i < wanted.length; i++) {
    const part = wanted[i]!;
    const segment = segments[i];
    if (PATTERN.test(part) && !PLAIN_PARAMETER.test(part)) return null;
    if (segment === undefined) return false;
    if (PLAIN_PARAMETER.test(part)) {
      if (segment === '') return false;
      // (path-to-regexp 3's parameters stop at `#` and `?`, 8's do not.)
      if (/[#?]/u.test(segment)) return null;
      continue;
    }
    if (part.toLowerCase() !== segment.toLowerCase()) return false;
  }
  if (segments.length !== wanted.length) return false;
  return exact ? true : null;
}

/** One route of a controller of a bootstrapped app, with every guard and pipe that runs before it. */
export interface NestProjectRoute extends NestRouteChain {
  readonly file: string;
  readonly controller: string;
  readonly route: NestRouteSummary;
}

/**
 * The routes of every controller that a bootstrap of `files` reaches through its root module's imports, with the
 * guards and pipes before each. Apps whose modules cannot all be followed are left out: their guards are unknown.
 */
export function nestProjectRoutes(
  files: ReadonlyMap<string, NestFileSummary>,
  resolve: (file: string, specifier: string) => string | null | undefined,
): NestProjectRoute[] {
  const routes: NestProjectRoute[] = [];
  for (const app of nestApps(files.keys(), (file) => files.get(file), resolve)) {
    if (!app.known) continue;
    for (const listed of app.controllers) {
      const { file, name } = listed;
      const controller = files.get(file)?.controllers.find((c) => c.name === name);
      if (listed.bases === null) continue;
      for (const route of controller?.routes ?? []) routes.push({ file, controller: name, route, ...nestRouteChain(app, route, listed) });
    }
  }
  return routes;
}

/**
 * Whether middleware a module applies with `forRoutes(...)` (less `exclude(...)`) may run for a route: on a path a
 * selector names (its path or a path under it, after the global prefix unless the prefix's `exclude` names the path;
 * a path with parameters or wildcards, a global prefix or route path that is not static, or an argument that is not
 * read may match) and its method, or
 * on a route of a controller it names. A route is excluded only when an `exclude` selector names exactly its path
 * (no pattern) and its method, or its controller.
 */
export function consumerRuns(
  routes: NestConsumerRoutes<NestResolvedSelector>,
  globalPrefix: string | null,
  path: string | null,
  method: string,
  controller: { readonly file: string; readonly name: string } | undefined,
  versioning?: NestVersioning,
  exclude?: NestPrefixExclude,
): boolean {
  const names = (selector: NestResolvedSelector, exact: boolean): boolean => {
    if ('controller' in selector) {
      if (!selector.controller || !controller) return !exact;
      return selector.controller.file === controller.file && selector.controller.name === controller.name;
    }
    if (selector.method !== null && selector.method !== method && !(method === 'all' && !exact)) return false;
    // Under URI versioning, a selector names its path under its versions, or under none and the default ones.
    const segments = selectorSegments(versioning, selector.version);
    // A path the global prefix's `exclude` names is under no prefix (Nest's `RouteInfoPathExtractor`), and a wildcard
    // also runs on the routes served without it.
    const prefixes = [prefixFor(globalPrefix, exclude, joinNestPaths(selector.path), selector.method ?? 'all')];
    if (!exact && exclude !== undefined && /^\/?(?:\*|\(\.\*\)|\{\*)/u.test(selector.path)) prefixes.push('');
    const fulls = segments?.flatMap((segment) => prefixes.map((prefix) => joinNestPaths(prefix, segment, selector.path))) ?? [null];
    return fulls.some((full) => {
      if (full === null || path === null) return !exact;
      if (!exact) return prefixMatches(full, path);
      return !/[:*({[?+]/u.test(full) && !/[:*({[?+]/u.test(path) && full.toLowerCase() === path.toLowerCase();
    });
  };
  if (routes.forRoutes !== null && !routes.forRoutes.some((selector) => names(selector, false))) return false;
  return !(routes.exclude ?? []).some((selector) => names(selector, true));
}

/**
 * The version segments of a `forRoutes(...)` / `exclude(...)` path (Nest's `RouteInfoPathExtractor`): those of its
 * `version`; without one, under URI versioning with a default version, none and each default one; else none.
 */
function selectorSegments(versioning: NestVersioning | undefined, version: NestVersions | undefined): string[] | null {
  if (version !== undefined) return versionSegments(versioning, version);
  const defaults = versioning?.defaultVersion;
  if (!versioning || versioning.uri === false || defaults === undefined) return [''];
  return versionSegments(versioning, defaults === null ? null : [NEUTRAL, ...defaults]);
}

/**
 * Whether middleware mounted on `mount` (`''` for none) runs for a route on `path`, as `app.use(mount, ...)` does
 * for plain Express routes (`prefixMatches`): a path that is not static, or a mount or route path with parameters or
 * wildcards, may match.
 */
export function mountMatches(mount: string | null, path: string | null): boolean {
  return mount === null || path === null || prefixMatches(mount, path);
}

/** The paths a route is registered on under its controller: each prefix joined to each of its own paths; `null` when one is not static. */
export function nestOwnPaths(prefixes: readonly string[] | null, paths: readonly string[] | null): string[] | null {
  if (prefixes === null || paths === null) return null;
  return [...new Set(prefixes.flatMap((prefix) => paths.map((path) => joinNestPaths(prefix, path)!)))];
}

/** A list of paths as a summary keeps it: `{ path }` for one, `{ path: null, paths }` for several (or none), `{ path: null }` when not known. */
export function pathFields(paths: readonly string[] | null): { path: string | null; paths?: readonly string[] } {
  if (paths?.length === 1) return { path: paths[0]! };
  return paths === null ? { path: null } : { path: null, paths };
}

/** Nest's join of route path parts (`'/auth'`, `'login/'` → `'/auth/login'`); `null` when any part is not static. */
export function joinNestPaths(...parts: (string | null)[]): string | null {
  if (parts.some((p) => p === null)) return null;
  const segments = (parts as string[]).map((p) => p.replace(/^\/+|\/+$/gu, '')).filter((p) => p !== '');
  return `/${segments.join('/')}`;
}
