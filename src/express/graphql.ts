import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { GRAPHQL_SERVERS, RESOLVER_MAP_KEYS, SCHEMA_BUILDERS, SCHEMA_TAGS, type GraphqlServerRow } from '../data/graphql';
import { STRING_DANGER } from '../data/sinks';
import { packageDependsOn } from '../util/package-json';
import { findVariableOf, isFunction, literalString, soleDeclarator, staticKey, unwrap, type FunctionNode, type Node } from './ast';
import { readSchema, type GraphqlSchema } from './graphql-schema';
import type { ExpressModel } from './index';
import { pathEquals } from './model';

/** A resolver of a GraphQL server: the function, and the parameter holding the field's arguments. */
export interface GraphqlResolver {
  readonly fn: FunctionNode;
  /** The parameter holding the arguments: the second of a resolver map's function, the first of a root value's. */
  readonly index: number;
  /** The field, as messages name it (`Query.user`; a root value's field without a schema: `user`). */
  readonly field: string;
  /**
   * What each argument can carry (bits of `Danger`), read from the schema text the server is given in the file; `null`
   * when the field's arguments are not known (the text is in another file, or does not declare the field): then
   * every argument is taken as a string (`STRING_DANGER`), text for SQL and paths, never a query operator.
   */
  readonly args: ReadonlyMap<string, number> | null;
}

/** What an argument the schema does not type carries: a string's dangers (GraphQL's `String` and `ID`). */
export const UNTYPED_ARGUMENT = STRING_DANGER;

const SERVER_MODULES = new Set(GRAPHQL_SERVERS.map((row) => row.module));
/** The packages of `GRAPHQL_SERVERS` (`graphql-http` of `graphql-http/lib/use/express`), for the guess by shape. */
const SERVER_PACKAGES = [...new Set(GRAPHQL_SERVERS.map((row) => row.module.split('/').slice(0, row.module.startsWith('@') ? 2 : 1).join('/')))];
/** A module of `GRAPHQL_SERVERS` named as a string (`'@graphql-tools/schema'`, `"graphql-http/lib/use/express"`). */
export const GRAPHQL_MODULE_TEXT = new RegExp(`['"\`](?:${[...new Set(GRAPHQL_SERVERS.map((row) => row.module.replace(/[/.]/gu, '\\$&')))].join('|')})['"\`]`, 'u');
/** A resolver map's sign in a file's text (`Query: {`, `Mutation : {`), before any node is looked at. */
export const RESOLVER_MAP_TEXT = new RegExp(`\\b(?:${[...RESOLVER_MAP_KEYS].join('|')})\\s*:\\s*\\{`, 'u');

/**
 * The file's GraphQL resolvers whose arguments the client sends (`GRAPHQL_SERVERS`):
 * - the functions of a resolver map given as `resolvers` to a server of the file (`new ApolloServer({ typeDefs,
 *   resolvers })`, `makeExecutableSchema(...)`), inline or a `const` of the file (an array of maps too);
 * - the functions of a root value given as `rootValue` (`graphqlHTTP({ schema, rootValue: root })`);
 * - with `shapes` (the handler-shape guess), in a package that declares one of those servers, the functions of a
 *   top-level object shaped like a resolver map (`export const resolvers = { Query: { … } }`) that no server of the
 *   file takes: a resolvers module that a server of another file is given.
 * Arguments are typed by the schema text given to the same server in the file (`typeDefs`, `buildSchema('…')`).
 */
export function graphqlResolvers(sourceCode: TSESLint.SourceCode, model: ExpressModel, filename: string | undefined, shapes: boolean): GraphqlResolver[] {
  const found: GraphqlResolver[] = [];
  const seen = new Set<Node>();
  if (model.moduleCalls.some((c) => SERVER_MODULES.has(c.callee.module))) {
    for (const { node, callee } of model.moduleCalls) {
      const row = GRAPHQL_SERVERS.find((r) => r.paths.some((path) => pathEquals(callee, r.module, path)));
      const given = row ? node.arguments[row.argument] : undefined;
      if (!row || !given || given.type === T.SpreadElement) continue;
      const options = model.options(given);
      if (options === 'unknown') continue;
      const value = options.get(row.option);
      if (value.kind !== 'set') continue;
      const schemaValue = options.get(row.schemaOption);
      const schema = schemaValue.kind === 'set' ? schemaOf(sourceCode, model, row, schemaValue.node) : null;
      for (const map of objectsOf(sourceCode, value.node)) {
        seen.add(map);
        if (row.option === 'resolvers') resolverMap(sourceCode, map, schema, found);
        else rootValue(sourceCode, map, schema, found);
      }
    }
  }
  if (shapes && RESOLVER_MAP_TEXT.test(sourceCode.text) && SERVER_PACKAGES.some((pkg) => packageDependsOn(filename, pkg))) {
    for (const map of topLevelObjects(sourceCode.ast)) {
      if (!seen.has(map) && isResolverMap(map)) resolverMap(sourceCode, map, null, found);
    }
  }
  return found;
}

/** The object literals a value is: inline, a `const` of the file holding one, the elements of an array of them. */
function objectsOf(sourceCode: TSESLint.SourceCode, node: Node, depth = 0): TSESTree.ObjectExpression[] {
  const inner = resolve(sourceCode, node);
  if (inner.type === T.ObjectExpression) return [inner];
  if (inner.type === T.ArrayExpression && depth === 0) {
    return inner.elements.flatMap((e) => (e && e.type !== T.SpreadElement ? objectsOf(sourceCode, e, depth + 1) : []));
  }
  return [];
}

/** An identifier's `const` initializer (once), else the node itself, unwrapped. */
function resolve(sourceCode: TSESLint.SourceCode, node: Node): Node {
  const inner = unwrap(node);
  if (inner.type !== T.Identifier) return inner;
  const variable = findVariableOf(sourceCode, inner);
  const declarator = variable && soleDeclarator(variable);
  return declarator ? unwrap(declarator.init) : inner;
}

/** The schema the server is given: the text of `typeDefs` (a string, a `gql` template, a list of them), or of `buildSchema(text)`. */
function schemaOf(sourceCode: TSESLint.SourceCode, model: ExpressModel, row: GraphqlServerRow, node: Node): GraphqlSchema | null {
  let texts: string[] | null;
  if (row.schemaOption === 'schema') {
    const call = resolve(sourceCode, node);
    const builder = call.type === T.CallExpression && SCHEMA_BUILDERS.some((b) => pathEquals(model.valueOf(call.callee), b.module, b.path));
    texts = builder && call.arguments[0] ? textsOf(sourceCode, call.arguments[0], 0) : null;
  } else texts = textsOf(sourceCode, node, 0);
  return texts && texts.length > 0 ? readSchema(texts) : null;
}

/** Schema text a value shows in the file; `null` when it holds none (an import, a call); parts it cannot read are left out. */
function textsOf(sourceCode: TSESLint.SourceCode, node: Node, depth: number): string[] | null {
  const inner = resolve(sourceCode, node);
  const literal = literalString(inner);
  if (literal !== null) return [literal];
  if (inner.type === T.TemplateLiteral) return [inner.quasis.map((q) => q.value.cooked ?? '').join('\n')];
  if (inner.type === T.TaggedTemplateExpression) {
    const tag = unwrap(inner.tag);
    const name = tag.type === T.Identifier ? tag.name : tag.type === T.MemberExpression ? staticKey(tag) : null;
    return name !== null && SCHEMA_TAGS.has(name) ? [inner.quasi.quasis.map((q) => q.value.cooked ?? '').join('\n')] : null;
  }
  if (inner.type === T.ArrayExpression && depth < 2) {
    const parts = inner.elements.flatMap((e) => (e && e.type !== T.SpreadElement ? (textsOf(sourceCode, e, depth + 1) ?? []) : []));
    return parts.length > 0 ? parts : null;
  }
  return null;
}

/** A property's function: inline, a method, or a function of the file it names. */
function functionOf(sourceCode: TSESLint.SourceCode, value: Node): FunctionNode | null {
  const inner = resolve(sourceCode, value);
  if (isFunction(inner)) return inner;
  if (inner.type === T.Identifier) {
    const variable = findVariableOf(sourceCode, inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'FunctionName' && isFunction(def.node)) return def.node;
  }
  return null;
}

/** The typed arguments of `type.field` (`null`: not known). */
function argumentsOf(schema: GraphqlSchema | null, type: string, field: string): ReadonlyMap<string, number> | null {
  const args = schema?.fields.get(type)?.get(field);
  if (!schema || !args) return null;
  return new Map([...args].map(([name, t]) => [name, schema.dangerOf(t) ?? UNTYPED_ARGUMENT]));
}

/** `{ Query: { user: (parent, args) => … }, User: { posts: { resolve(parent, args) {…} } } }`: the second parameter of each. */
function resolverMap(sourceCode: TSESLint.SourceCode, map: TSESTree.ObjectExpression, schema: GraphqlSchema | null, found: GraphqlResolver[]): void {
  for (const typeProperty of map.properties) {
    const type = typeProperty.type === T.Property ? staticKey(typeProperty) : null;
    if (type === null || typeProperty.type !== T.Property || type.startsWith('__')) continue;
    const fields = resolve(sourceCode, typeProperty.value);
    if (fields.type !== T.ObjectExpression) continue;
    for (const fieldProperty of fields.properties) {
      const field = fieldProperty.type === T.Property ? staticKey(fieldProperty) : null;
      if (field === null || fieldProperty.type !== T.Property || field.startsWith('__')) continue;
      const args = argumentsOf(schema, type, field);
      const direct = functionOf(sourceCode, fieldProperty.value);
      const fns = direct ? [direct] : objectFunctions(sourceCode, fieldProperty.value, ['resolve', 'subscribe']);
      for (const fn of fns) if (fn.params.length > 1) found.push({ fn, index: 1, field: `${type}.${field}`, args });
    }
  }
}

/** The functions of an object's `keys` (`{ resolve(parent, args) {…}, subscribe: … }`). */
function objectFunctions(sourceCode: TSESLint.SourceCode, node: Node, keys: readonly string[]): FunctionNode[] {
  const inner = resolve(sourceCode, node);
  if (inner.type !== T.ObjectExpression) return [];
  const fns: FunctionNode[] = [];
  for (const p of inner.properties) {
    const key = p.type === T.Property ? staticKey(p) : null;
    const fn = p.type === T.Property && key !== null && keys.includes(key) ? functionOf(sourceCode, p.value) : null;
    if (fn) fns.push(fn);
  }
  return fns;
}

/** `rootValue: { user: ({ id }, context) => … }`: the first parameter of each, a root field of the schema. */
function rootValue(sourceCode: TSESLint.SourceCode, root: TSESTree.ObjectExpression, schema: GraphqlSchema | null, found: GraphqlResolver[]): void {
  for (const property of root.properties) {
    const field = property.type === T.Property ? staticKey(property) : null;
    if (field === null || property.type !== T.Property) continue;
    const fn = functionOf(sourceCode, property.value);
    if (!fn || fn.params.length === 0) continue;
    const type = schema?.roots.find((t) => schema.fields.get(t)?.has(field));
    found.push({ fn, index: 0, field: type ? `${type}.${field}` : field, args: type ? argumentsOf(schema, type, field) : null });
  }
}

/** Object literals at the top of the file: `const x = {…}`, `export const x = {…}`, `export default {…}`, `module.exports = {…}`. */
function topLevelObjects(program: TSESTree.Program): TSESTree.ObjectExpression[] {
  const objects: TSESTree.ObjectExpression[] = [];
  const add = (node: Node | null | undefined): void => {
    const inner = node ? unwrap(node) : null;
    if (inner?.type === T.ObjectExpression) objects.push(inner);
  };
  for (const statement of program.body) {
    const declaration =
      statement.type === T.ExportNamedDeclaration ? statement.declaration : statement.type === T.ExportDefaultDeclaration ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === T.VariableDeclaration) for (const d of declaration.declarations) add(d.init);
    else if (declaration.type === T.ExpressionStatement && declaration.expression.type === T.AssignmentExpression) add(declaration.expression.right);
    else add(declaration);
  }
  return objects;
}

/** An object with a root type's key (`Query`, `Mutation`, `Subscription`) holding an object whose values include a function. */
function isResolverMap(map: TSESTree.ObjectExpression): boolean {
  return map.properties.some((p) => {
    if (p.type !== T.Property) return false;
    const key = staticKey(p);
    const value = unwrap(p.value);
    return key !== null && RESOLVER_MAP_KEYS.has(key) && value.type === T.ObjectExpression && value.properties.some((f) => f.type === T.Property && isFunction(unwrap(f.value)));
  });
}
