/**
 * GraphQL servers whose resolvers receive the client's arguments: what a GraphQL query (or its variables, the JSON of
 * the request body) gives a field, after the schema has checked it against the argument's declared type.
 *
 * Resolver maps (`{ Query: { user: (parent, args, context, info) => … }, Mutation: {…}, User: {…} }`): the second
 * parameter of each field's function (or of the `resolve` / `subscribe` function of a field written as an object) holds
 * the field's arguments. Read from the `resolvers` option of:
 * - apollo-server-express 2-3 / apollo-server 2-3 and @apollo/server 4-5: `new ApolloServer({ typeDefs, resolvers })`
 *   (Apollo 4 mounts it on Express with `expressMiddleware(server)` of `@apollo/server/express4`);
 * - @graphql-tools/schema 8-10 and graphql-tools 4-7: `makeExecutableSchema({ typeDefs, resolvers })`;
 * - graphql-yoga 3-5: `createSchema({ typeDefs, resolvers })`; graphql-yoga 1 (Express inside):
 *   `new GraphQLServer({ typeDefs, resolvers })`.
 *
 * Root values (`buildSchema` servers): graphql-js 15-16's default field resolver calls a function it finds on the
 * source object as `source[fieldName](args, context, info)`, so a function of the `rootValue` object is called for a
 * root field (of the query, mutation or subscription type) with the field's arguments first. Read from the `rootValue`
 * option of:
 * - express-graphql 0.9-0.12: `graphqlHTTP({ schema, rootValue })` (the module itself before 0.10, `graphqlHTTP` after);
 * - graphql-http 1: `createHandler({ schema, rootValue })` of `graphql-http/lib/use/express` (and the `http` / `node`
 *   adapters, the same options).
 *
 * Not listed: `graphql({ schema, source, rootValue, variableValues })` and `execute` of graphql-js, which the app calls
 * itself with values it chose (the arguments come from the app, not a client).
 *
 * What an argument can hold follows from its type in the schema (GraphQL's input coercion): `Int`, `Float` and
 * `Boolean` are numbers or booleans, and enum values one of the names the schema lists: none is injectable. `String`
 * and `ID` are strings (text for SQL, a path, a pattern; never a query operator). A list holds its items' kind. An
 * input object has the keys the schema declares, each its own type's kind. Any other scalar (`JSON` of
 * graphql-type-json / graphql-scalars, a custom one) is what its `parseValue` / `parseLiteral` makes of the client's
 * JSON: an object is possible (`{"$ne": null}` for `JSON`).
 */
export interface GraphqlServerRow {
  /** The module, as imported. */
  readonly module: string;
  /** The paths of the function or class in the module (`[]`: the module itself). */
  readonly paths: readonly (readonly string[])[];
  /** Which of its arguments is the options object. */
  readonly argument: number;
  /** The option holding the resolvers: a resolver map (`resolvers`) or a root value (`rootValue`). */
  readonly option: 'resolvers' | 'rootValue';
  /** The option holding the schema text (`typeDefs`) or a schema built from text (`schema: buildSchema('...')`). */
  readonly schemaOption: 'typeDefs' | 'schema';
}

export const GRAPHQL_SERVERS: readonly GraphqlServerRow[] = [
  { module: 'apollo-server-express', paths: [['ApolloServer']], argument: 0, option: 'resolvers', schemaOption: 'typeDefs' },
  { module: 'apollo-server', paths: [['ApolloServer']], argument: 0, option: 'resolvers', schemaOption: 'typeDefs' },
  { module: '@apollo/server', paths: [['ApolloServer']], argument: 0, option: 'resolvers', schemaOption: 'typeDefs' },
  { module: '@graphql-tools/schema', paths: [['makeExecutableSchema']], argument: 0, option: 'resolvers', schemaOption: 'typeDefs' },
  { module: 'graphql-tools', paths: [['makeExecutableSchema']], argument: 0, option: 'resolvers', schemaOption: 'typeDefs' },
  { module: 'graphql-yoga', paths: [['createSchema'], ['GraphQLServer']], argument: 0, option: 'resolvers', schemaOption: 'typeDefs' },
  { module: 'express-graphql', paths: [['graphqlHTTP'], []], argument: 0, option: 'rootValue', schemaOption: 'schema' },
  { module: 'graphql-http/lib/use/express', paths: [['createHandler']], argument: 0, option: 'rootValue', schemaOption: 'schema' },
  { module: 'graphql-http/lib/use/http', paths: [['createHandler']], argument: 0, option: 'rootValue', schemaOption: 'schema' },
  { module: 'graphql-http/lib/use/node', paths: [['createHandler']], argument: 0, option: 'rootValue', schemaOption: 'schema' },
];

/** graphql-js's `buildSchema(text)`, whose schema a root-value server takes (`schema: buildSchema('type Query {…}')`). */
export const SCHEMA_BUILDERS: readonly { readonly module: string; readonly path: readonly string[] }[] = [{ module: 'graphql', path: ['buildSchema'] }];

/** Tags of schema text (`gql\`type Query {…}\``): their template, without expressions, is the text. */
export const SCHEMA_TAGS: ReadonlySet<string> = new Set(['gql', 'graphql']);

/** The root operation types whose fields a root value's functions resolve (unless a `schema { … }` block renames them). */
export const ROOT_TYPES: readonly string[] = ['Query', 'Mutation', 'Subscription'];

/** Built-in scalars that hold no text: numbers and booleans, never injectable. */
export const NON_TEXT_SCALARS: ReadonlySet<string> = new Set(['Int', 'Float', 'Boolean']);

/** Built-in scalars that hold a string (GraphQL's `ID` is serialised as a string; an `Int` literal becomes its text). */
export const TEXT_SCALARS: ReadonlySet<string> = new Set(['String', 'ID']);

/**
 * The keys of a resolver map whose value are the types' resolvers, for the guess by shape in another file (a resolvers
 * module a server of another file takes): an exported object with one of these keys, each an object of functions.
 */
export const RESOLVER_MAP_KEYS: ReadonlySet<string> = new Set(ROOT_TYPES);
