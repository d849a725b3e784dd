import { TEMPLATE_EXTENSIONS, type TemplateEngine } from '../../data/templates';
import { LineIndex, TemplateSyntaxError, VISITOR_KEYS, type TemplateRoot } from './ast';
import { tokenizeEjs, type EjsDelimiters } from './ejs';
import { tokenizeHandlebars } from './handlebars';
import { tokenizePug } from './pug';
import { TemplateSourceCode } from './source-code';

export type { OutputForm, TemplateComment, TemplateOutput, TemplateRoot } from './ast';
export { TemplateSourceCode } from './source-code';

/** `languageOptions` of the templates language. */
export interface TemplateLanguageOptions {
  /** The engine, when the file extension does not say it (`.html` rendered by EJS). */
  engine?: TemplateEngine;
  /** EJS custom delimiters, as passed to `ejs.render` / `app.set('view options')`. */
  ejs?: Partial<EjsDelimiters>;
}

/** The file extensions of the template engines, as flat-config globs. */
export const TEMPLATE_FILES = Object.values(TEMPLATE_EXTENSIONS)
  .flat()
  .map((ext) => `**/*.${ext}`);

export interface TemplateFile {
  path: string;
  body: string | Uint8Array;
}

export type ParseResult =
  | { ok: true; ast: TemplateRoot; index: LineIndex; text: string }
  | { ok: false; errors: { message: string; line: number; column: number }[] };

const ENGINE_NAMES: Record<TemplateEngine, string> = { ejs: 'EJS', pug: 'Pug', handlebars: 'Handlebars' };

/**
 * Pug's lexer and Handlebars' parser cost about 0.4 ms per template line, so a template is only tokenized when
 * it can hold raw output at all: Pug `!{`, `!=` or `&attributes`, Handlebars `{{{`, `{{&` (also after `~`).
 * Without one, the engine could not write anything unescaped, there is nothing to report, and the template's
 * syntax is left to the engine. EJS is always tokenized: its scanner is cheap.
 */
const RAW_MARKERS: Partial<Record<TemplateEngine, RegExp>> = {
  pug: /!\{|!=|&attributes/u,
  handlebars: /\{\{~?[{&]/u,
};

/** The engine of a file: its `engine` option, else its extension; `null` when neither says. */
export function engineOf(path: string, options: TemplateLanguageOptions): TemplateEngine | null {
  if (options.engine) return options.engine;
  const ext = /\.([^./\\]+)$/u.exec(path)?.[1]?.toLowerCase();
  for (const [engine, exts] of Object.entries(TEMPLATE_EXTENSIONS) as [TemplateEngine, readonly string[]][]) {
    if (ext && exts.includes(ext)) return engine;
  }
  return null;
}

function isDelimiter(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.length > 0);
}

/**
 * An ESLint language for EJS, Pug and Handlebars templates: it parses each file with its engine's own tokenizer
 * and gives rules a tree of the places where the template writes values (`TemplateOutput`), with exact
 * template positions. A template that does not tokenize is one "Parsing error" at its position.
 */
export const templateLanguage = {
  fileType: 'text' as const,
  lineStart: 1 as const,
  columnStart: 1 as const,
  nodeTypeKey: 'type',
  visitorKeys: VISITOR_KEYS,
  defaultLanguageOptions: {} as TemplateLanguageOptions,

  validateLanguageOptions(options: TemplateLanguageOptions): void {
    const { engine, ejs, ...rest } = options;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) throw new TypeError(`Unexpected key "${unknown[0]}" in templates languageOptions.`);
    if (engine !== undefined && !(engine in TEMPLATE_EXTENSIONS)) {
      throw new TypeError(`Key "engine": Expected one of ${Object.keys(TEMPLATE_EXTENSIONS).join(', ')}.`);
    }
    if (ejs !== undefined) {
      if (typeof ejs !== 'object' || ejs === null) throw new TypeError('Key "ejs": Expected an object.');
      for (const [key, value] of Object.entries(ejs)) {
        if (!['delimiter', 'openDelimiter', 'closeDelimiter'].includes(key) || !isDelimiter(value)) {
          throw new TypeError(`Key "ejs": Key "${key}": Expected a non-empty delimiter string.`);
        }
      }
    }
  },

  parse(file: TemplateFile, context: { languageOptions?: TemplateLanguageOptions }): ParseResult {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const options = context.languageOptions ?? {};
    const engine = engineOf(file.path, options);
    const index = new LineIndex(text);
    if (!engine) {
      return {
        ok: false,
        errors: [{ message: `Unknown template engine for "${file.path}": set languageOptions.engine.`, line: 1, column: 1 }],
      };
    }
    const marker = RAW_MARKERS[engine];
    if (marker && !marker.test(text)) {
      const ast: TemplateRoot = { type: 'Template', engine, body: [], comments: [], range: [0, text.length], loc: index.loc([0, text.length]) };
      return { ok: true, ast, index, text };
    }
    try {
      const { outputs, comments } =
        engine === 'ejs'
          ? tokenizeEjs(text, index, options.ejs)
          : engine === 'pug'
            ? tokenizePug(text, index, file.path)
            : tokenizeHandlebars(text, index);
      const ast: TemplateRoot = {
        type: 'Template',
        engine,
        body: outputs,
        comments,
        range: [0, text.length],
        loc: index.loc([0, text.length]),
      };
      return { ok: true, ast, index, text };
    } catch (error) {
      const { message, line, column } =
        error instanceof TemplateSyntaxError ? error : { message: String(error), line: 1, column: 1 };
      return {
        ok: false,
        errors: [{ message: `${ENGINE_NAMES[engine]} template does not tokenize: ${message}`, line, column }],
      };
    }
  },

  createSourceCode(_file: TemplateFile, result: ParseResult & { ok: true }): TemplateSourceCode {
    return new TemplateSourceCode(result.text, result.ast, result.index);
  },
};
