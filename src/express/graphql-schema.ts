import { NON_TEXT_SCALARS, ROOT_TYPES, TEXT_SCALARS } from '../data/graphql';
import { ANY_DANGER, STRING_DANGER } from '../data/sinks';

/**
 * What a schema's text (GraphQL SDL) says about arguments, read only as far as the request-data rules need: the
 * arguments of each field of each object type (with `extend type`), the fields of input types, enums, custom scalars
 * and the root operation types. Descriptions, comments, directives and default values are skipped. Text that is not
 * SDL gives what could be read before it (unknown stays unknown: a field that is not found has no typed arguments).
 */
export interface GraphqlSchema {
  /** `Query` -> `user` -> `id` -> `ID`: the named type of each argument (lists and `!` dropped). */
  readonly fields: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, string>>>;
  /** The root types whose fields a root value resolves (`Query`, `Mutation`, `Subscription`, or a `schema { … }` block's). */
  readonly roots: readonly string[];
  /** What a value of a named type can carry (bits of `Danger`); `null` when the text does not declare the type. */
  dangerOf(type: string): number | null;
}

type Token = string;

/** `name`, punctuation, or `"…"` (a string: a description or a default value) as one token. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /#[^\n\r]*|"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|[_A-Za-z][_0-9A-Za-z]*|-?\d[\d.eE+-]*|\.\.\.|[!$&()\[\]{}:=@|,]|\S/gu;
  for (const match of text.matchAll(pattern)) {
    const token = match[0];
    if (token.startsWith('#') || token === ',') continue;
    tokens.push(token.startsWith('"') ? '"' : token);
  }
  return tokens;
}

const NAME = /^[_A-Za-z]/u;

class Reader {
  private at = 0;
  readonly fields = new Map<string, Map<string, Map<string, string>>>();
  readonly inputs = new Map<string, Map<string, string>>();
  readonly enums = new Set<string>();
  readonly scalars = new Set<string>();
  roots: string[] = [...ROOT_TYPES];

  constructor(private readonly tokens: readonly Token[]) {}

  read(): void {
    while (this.at < this.tokens.length) {
      const token = this.tokens[this.at++]!;
      if (token === 'extend' || token === '"') continue;
      if (token === 'type' || token === 'interface') this.objectType();
      else if (token === 'input') this.inputType();
      else if (token === 'enum') this.named(this.enums);
      else if (token === 'scalar') this.named(this.scalars);
      else if (token === 'schema') this.schemaBlock();
      else if (token === '{' || token === '(' || token === '[') this.skipGroup(token);
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  /** Skips from just after an opening bracket to just after its closing one. */
  private skipGroup(open: Token): void {
    const close = open === '{' ? '}' : open === '(' ? ')' : ']';
    let depth = 1;
    while (this.at < this.tokens.length && depth > 0) {
      const token = this.tokens[this.at++]!;
      if (token === open) depth++;
      else if (token === close) depth--;
    }
  }

  /** Skips directives (`@deprecated(reason: "…")`) and a default value (`= { a: 1 }`). */
  private skipExtras(): void {
    for (;;) {
      const token = this.peek();
      if (token === '@') {
        this.at += 2;
        if (this.peek() === '(') {
          this.at++;
          this.skipGroup('(');
        }
      } else if (token === '=') {
        this.at++;
        const value = this.tokens[this.at++];
        if (value === '{' || value === '[') this.skipGroup(value);
      } else return;
    }
  }

  /** A type reference (`[ID!]!`): its named type. */
  private typeRef(): string | null {
    while (this.peek() === '[') this.at++;
    const name = this.peek();
    if (name === undefined || !NAME.test(name)) return null;
    this.at++;
    while (this.peek() === '!' || this.peek() === ']') this.at++;
    return name;
  }

  /** The name after `type`, and its body's opening brace (skipping `implements A & B` and directives); `null` without a body. */
  private header(): string | null {
    const name = this.tokens[this.at++];
    if (!name || !NAME.test(name)) return null;
    while (this.at < this.tokens.length && this.peek() !== '{') {
      const token = this.peek()!;
      if (token === 'type' || token === 'input' || token === 'enum' || token === 'scalar' || token === 'schema' || token === 'extend' || token === 'union' || token === 'directive') return null;
      if (token === '(') {
        this.at++;
        this.skipGroup('(');
        continue;
      }
      this.at++;
    }
    if (this.peek() !== '{') return null;
    this.at++;
    return name;
  }

  /** `name: Type` pairs up to `close`, each with extras; `(args)` before the colon when `withArgs`. */
  private members(close: Token, withArgs: boolean, each: (name: string, type: string | null, args: Map<string, string> | null) => void): void {
    while (this.at < this.tokens.length) {
      const token = this.tokens[this.at++]!;
      if (token === close) return;
      if (token === '"') continue;
      if (!NAME.test(token)) {
        if (token === '{' || token === '(' || token === '[') this.skipGroup(token);
        continue;
      }
      let args: Map<string, string> | null = null;
      if (withArgs && this.peek() === '(') {
        this.at++;
        args = new Map();
        const list = args;
        this.members(')', false, (arg, type) => {
          if (type) list.set(arg, type);
        });
      }
      if (this.peek() !== ':') continue;
      this.at++;
      const type = this.typeRef();
      this.skipExtras();
      each(token, type, args);
    }
  }

  private objectType(): void {
    const name = this.header();
    if (!name) return;
    let fields = this.fields.get(name);
    if (!fields) this.fields.set(name, (fields = new Map()));
    const own = fields;
    this.members('}', true, (field, _type, args) => own.set(field, args ?? new Map()));
  }

  private inputType(): void {
    const name = this.header();
    if (!name) return;
    let fields = this.inputs.get(name);
    if (!fields) this.inputs.set(name, (fields = new Map()));
    const own = fields;
    this.members('}', false, (field, type) => {
      if (type) own.set(field, type);
    });
  }

  private named(set: Set<string>): void {
    const name = this.tokens[this.at++];
    if (name && NAME.test(name)) set.add(name);
  }

  private schemaBlock(): void {
    while (this.at < this.tokens.length && this.peek() !== '{') this.at++;
    if (this.peek() !== '{') return;
    this.at++;
    const roots = new Map<string, string>();
    this.members('}', false, (operation, type) => {
      if (type) roots.set(operation, type);
    });
    this.roots = ['query', 'mutation', 'subscription'].map((op, i) => roots.get(op) ?? ROOT_TYPES[i]!);
  }
}

/** Reads schema text (the parts of a schema a server was given, in order). */
export function readSchema(texts: readonly string[]): GraphqlSchema {
  const reader = new Reader(tokenize(texts.join('\n')));
  reader.read();
  const dangers = new Map<string, number | null>();
  const dangerOf = (type: string): number | null => {
    if (NON_TEXT_SCALARS.has(type) || reader.enums.has(type)) return 0;
    if (TEXT_SCALARS.has(type)) return STRING_DANGER;
    if (reader.scalars.has(type)) return ANY_DANGER;
    const input = reader.inputs.get(type);
    if (!input) return null;
    if (dangers.has(type)) return dangers.get(type) ?? 0;
    // (An input type that holds itself: what its other fields carry.)
    dangers.set(type, 0);
    let danger = 0;
    for (const field of input.values()) danger |= dangerOf(field) ?? STRING_DANGER;
    dangers.set(type, danger);
    return danger;
  };
  return { fields: reader.fields, roots: reader.roots, dangerOf };
}
