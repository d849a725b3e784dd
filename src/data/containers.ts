/**
 * Dependency-injection containers whose registrations name the class or function behind each dependency.
 *
 * awilix 12 (`lib/awilix.js`, `container.register`): `container.register({ todosService: asClass(TodosService) })` or
 * `container.register('todosService', asClass(TodosService))` registers a resolver under a name. In the default
 * `PROXY` injection mode, resolving a class calls `new TodosService(cradle)` and a function `makeTodos(cradle)`, where
 * `cradle` is a proxy whose key `todosService` resolves that registration: a controller or route factory written
 * `module.exports = ({ todosService }) => ...` or `constructor({ todosService })` receives an instance of
 * `TodosService` (`asClass`) or what `makeTodos` returns (`asFunction`). The lifetime calls (`.singleton()`,
 * `.scoped()`, `.transient()`, `.setLifetime()`, `.proxy()`, `.disposer()`) keep the resolver; `.classic()`,
 * `.inject()` and a container created in `CLASSIC` mode change what is handed, and `asValue` registers a value the
 * plugin does not follow. `loadModules([...globs])` registers what a glob matches: not followed.
 */
export interface ContainerRow {
  /** The container's module. */
  readonly module: string;
  /** The container method that registers resolvers. */
  readonly register: string;
  /** Resolver factories, each giving the value path it resolves to from the class or function it is given. */
  readonly resolvers: ReadonlySet<string>;
  /** Chained resolver methods that keep what is injected. */
  readonly keeps: ReadonlySet<string>;
  /** Text that makes the container hand dependencies some other way (positional parameters): nothing is followed. */
  readonly otherModes: RegExp;
}

export const CONTAINERS: readonly ContainerRow[] = [
  {
    module: 'awilix',
    register: 'register',
    resolvers: new Set(['asClass', 'asFunction']),
    keeps: new Set(['singleton', 'scoped', 'transient', 'setLifetime', 'proxy', 'disposer']),
    otherModes: /\bCLASSIC\b|\.classic\s*\(|\.inject\s*\(/u,
  },
];
