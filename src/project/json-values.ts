import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type json from '@eslint/json';

/**
 * A JSON file of the package that a module reads as a value (`require('./config/config.json')[env]`, `import config
 * from './config.json' with { type: 'json' }`, sequelize-cli's layout): its document as a tree of object and array
 * expressions and literals, with the lines and ranges of the JSON text, so that the options model reads it as it reads
 * an object literal of another file (a value stands at the linted file's read, and messages name `config.json:3`).
 * Parsed by `@eslint/json`'s JSON language (the one the plugin lints package.json with): no parser of our own.
 */
export interface JsonDocument {
  /** The document's value (an object expression for `{ ... }`). */
  root: TSESTree.Expression;
  /** A minimal source of the document: its text and tree; no scopes (a JSON value names no variable). */
  sourceCode: TSESLint.SourceCode;
}

/** The slice of momoa's tree (@eslint/json's AST) that is read. */
interface JsonNode {
  type: string;
  range: [number, number];
  loc: TSESTree.SourceLocation;
  value?: unknown;
  body?: JsonNode;
  members?: { name: JsonNode & { name?: string }; value: JsonNode; range: [number, number]; loc: TSESTree.SourceLocation }[];
  elements?: { value: JsonNode }[];
}

/** The most nodes of a JSON document turned into a tree (past it, the document is not read). */
const MAX_JSON_NODES = 20_000;

/** Visitor keys of the tree a document becomes. */
const JSON_VISITOR_KEYS: Readonly<Record<string, readonly string[]>> = {
  Program: ['body'],
  ExpressionStatement: ['expression'],
  ObjectExpression: ['properties'],
  Property: ['key', 'value'],
  ArrayExpression: ['elements'],
  Literal: [],
};

let language: (typeof json)['languages']['json'] | undefined;

/** The document of a JSON text, or `null` when it does not parse (or is too large a tree). */
export function jsonDocument(text: string): JsonDocument | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  language ??= (require('@eslint/json') as { default: typeof json }).default.languages.json;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = language.parse({ body, path: 'config.json', physicalPath: 'config.json', bom: false } as never, { languageOptions: {} } as never) as
    | { ok: true; ast: JsonNode }
    | { ok: false };
  if (!parsed.ok || !parsed.ast.body) return null;
  const budget = { left: MAX_JSON_NODES };
  const program = {
    type: T.Program,
    body: [],
    sourceType: 'script',
    comments: [],
    tokens: [],
    range: parsed.ast.range,
    loc: parsed.ast.loc,
    parent: null,
  } as unknown as TSESTree.Program;
  const statement = { type: T.ExpressionStatement, range: parsed.ast.range, loc: parsed.ast.loc, parent: program } as unknown as TSESTree.ExpressionStatement;
  const root = expressionOf(parsed.ast.body, statement, body, budget);
  if (!root) return null;
  (statement as { expression: TSESTree.Expression }).expression = root;
  (program.body as TSESTree.Statement[]).push(statement);
  const sourceCode = {
    text: body,
    ast: program,
    lines: body.split(/\r\n|[\n\r\u2028\u2029]/u),
    visitorKeys: JSON_VISITOR_KEYS,
    scopeManager: null,
    getText: (node?: { range: [number, number] }) => (node ? body.slice(node.range[0], node.range[1]) : body),
  } as unknown as TSESLint.SourceCode;
  return { root, sourceCode };
}

/** A JSON value as an expression: objects, arrays, strings, numbers, booleans and `null`; `null` for anything else. */
function expressionOf(node: JsonNode, parent: TSESTree.Node, text: string, budget: { left: number }): TSESTree.Expression | null {
  if (--budget.left < 0) return null;
  const at = { range: node.range, loc: node.loc, parent };
  switch (node.type) {
    case 'Object': {
      const object = { type: T.ObjectExpression, properties: [], ...at } as unknown as TSESTree.ObjectExpression;
      for (const member of node.members ?? []) {
        const name = typeof member.name.value === 'string' ? member.name.value : member.name.name;
        if (typeof name !== 'string') return null;
        const property = { type: T.Property, computed: false, kind: 'init', method: false, shorthand: false, range: member.range, loc: member.loc, parent: object } as unknown as TSESTree.Property;
        const key = { type: T.Literal, value: name, raw: text.slice(member.name.range[0], member.name.range[1]), range: member.name.range, loc: member.name.loc, parent: property };
        const value = expressionOf(member.value, property, text, budget);
        if (!value) return null;
        Object.assign(property, { key, value });
        (object.properties as TSESTree.Property[]).push(property);
      }
      return object;
    }
    case 'Array': {
      const array = { type: T.ArrayExpression, elements: [], ...at } as unknown as TSESTree.ArrayExpression;
      for (const element of node.elements ?? []) {
        const value = expressionOf(element.value, array, text, budget);
        if (!value) return null;
        (array.elements as TSESTree.Expression[]).push(value);
      }
      return array;
    }
    case 'String':
    case 'Number':
    case 'Boolean':
    case 'Null':
      return { type: T.Literal, value: node.type === 'Null' ? null : node.value, raw: text.slice(node.range[0], node.range[1]), ...at } as unknown as TSESTree.Literal;
    default:
      return null;
  }
}

/**
 * The value at `path` in a document (`['production', 'session']`), for a module path read from a JSON module: an ES
 * import's `default` is the document itself (`import config from './config.json'`). A key written twice is its last
 * value, as `JSON.parse` reads it. `null` when a key on the way is not in an object of the document.
 */
export function jsonValueAt(document: JsonDocument, path: readonly string[]): TSESTree.Expression | null {
  let current: TSESTree.Expression = document.root;
  const keys = path[0] === 'default' && !ownKey(current, 'default') ? path.slice(1) : path;
  for (const key of keys) {
    if (current.type !== T.ObjectExpression) return null;
    const found = current.properties.findLast((p): p is TSESTree.Property => p.type === T.Property && (p.key as TSESTree.Literal).value === key);
    if (!found) return null;
    current = found.value as TSESTree.Expression;
  }
  return current;
}

function ownKey(node: TSESTree.Expression, key: string): boolean {
  return node.type === T.ObjectExpression && node.properties.some((p) => p.type === T.Property && (p.key as TSESTree.Literal).value === key);
}

/** Whether a module specifier names a JSON file of the package (`./config/config.json`, `../settings.json`). */
export function isJsonSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') && specifier.toLowerCase().endsWith('.json');
}
