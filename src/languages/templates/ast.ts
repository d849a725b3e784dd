import type { TemplateEngine } from '../../data/templates';

/** A position in a template: 1-based line and 1-based column (the language sets `columnStart: 1`). */
export interface Position {
  line: number;
  column: number;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}

interface BaseNode {
  range: [number, number];
  loc: SourceLocation;
}

/** How a template writes out a value: each engine's tag syntax, escaped or not. */
export type OutputForm =
  /** EJS `<%= x %>` (escaped) or `<%- x %>` (raw). */
  | 'ejs-tag'
  /** Pug `#{x}` (escaped) or `!{x}` (raw) inside text. */
  | 'pug-interpolation'
  /** Pug `p= x` (escaped) or `p!= x` (raw) buffered code. */
  | 'pug-code'
  /** Pug `a(href=x)` (escaped) or `a(href!=x)` (raw) attribute. */
  | 'pug-attribute'
  /** Pug `&attributes(obj)`: every key and value of `obj` written out unescaped. */
  | 'pug-attributes'
  /** Handlebars `{{x}}` (escaped), `{{{x}}}` or `{{&x}}` (raw). */
  | 'handlebars-mustache';

/** One place where a template writes a value into the page. */
export interface TemplateOutput extends BaseNode {
  type: 'TemplateOutput';
  form: OutputForm;
  escaped: boolean;
  /** The expression as written in the tag (EJS/Pug: JavaScript; Handlebars: the path or helper call). */
  code: string;
  /** The called helper or the variable, when the expression is a bare name or a call of one (`include`, `body`). */
  name: string | null;
  /** The tag as written opens with this (`<%-`, `!{`, `!=`, `{{{`, `{{&`, `&attributes(`). */
  marker: string;
  /** Text edits that turn a raw output into its escaped twin; `null` when it has none (`&attributes`). */
  escapedForm: { range: [number, number]; text: string }[] | null;
}

/** A template comment (`<%# %>`, `//-` / `//`, `{{! }}`), where `eslint-disable` directives can live. */
export interface TemplateComment extends BaseNode {
  type: 'TemplateComment';
  /** The comment's text, without its delimiters. */
  value: string;
}

/** The root of a parsed template. */
export interface TemplateRoot extends BaseNode {
  type: 'Template';
  engine: TemplateEngine;
  body: TemplateOutput[];
  comments: TemplateComment[];
}

/** What a tokenizer finds in a template. */
export interface Tokenized {
  outputs: TemplateOutput[];
  comments: TemplateComment[];
}

export type TemplateNode = TemplateRoot | TemplateOutput;

export const VISITOR_KEYS: Readonly<Record<string, string[]>> = { Template: ['body'], TemplateOutput: [] };

/** A failure to tokenize, at a 1-based line and column. */
export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Converts between offsets and 1-based line/column positions of one text. */
export class LineIndex {
  /** Offsets where each line starts. */
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  offset(line: number, column: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
    return Math.min(start + column - 1, this.text.length);
  }

  loc(range: [number, number]): SourceLocation {
    return { start: this.position(range[0]), end: this.position(range[1]) };
  }

  /** The text of each line, without line breaks. */
  lines(): string[] {
    return this.text.split(/\r\n|\r|\n/u);
  }
}

/** `include`, `body`, `helper` when the expression is a bare name or a call of one, else `null`. */
export function calledName(code: string): string | null {
  let text = code.trim();
  if (text.endsWith(';')) text = text.slice(0, -1).trimEnd();
  let end = 0;
  while (end < text.length && isIdentifierChar(text.charCodeAt(end), end === 0)) end++;
  if (end === 0) return null;
  const rest = text.slice(end).trimStart();
  if (rest === '' || (rest.startsWith('(') && closingParen(rest) === rest.length - 1)) return text.slice(0, end);
  return null;
}

/** The index of the `)` that closes the `(` at 0, skipping strings; -1 when unbalanced. */
function closingParen(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function isIdentifierChar(c: number, first: boolean): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || (!first && c >= 48 && c <= 57)
  );
}

export function comment(index: LineIndex, value: string, range: [number, number]): TemplateComment {
  return { type: 'TemplateComment', value, range, loc: index.loc(range) };
}

export function output(
  index: LineIndex,
  fields: Omit<TemplateOutput, 'type' | 'loc' | 'name'> & { name?: string | null },
): TemplateOutput {
  return { type: 'TemplateOutput', ...fields, name: fields.name ?? calledName(fields.code), loc: index.loc(fields.range) };
}
