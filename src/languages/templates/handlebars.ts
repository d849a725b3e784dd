import type { AST, parseWithoutProcessing as Parse } from '@handlebars/parser';

import { comment, LineIndex, output, TemplateSyntaxError, type TemplateComment, type TemplateOutput, type Tokenized } from './ast';

interface HandlebarsError {
  message?: string;
  /** `Exception`s (mismatched blocks): 1-based line, 0-based column. */
  lineNumber?: number;
  column?: number;
  /** Jison parse errors. */
  hash?: { loc?: { first_line: number; first_column: number } };
}

/** @handlebars/parser, loaded with the first Handlebars file: a lint run without one does not load it. */
let parse: typeof Parse | undefined;

/** Parses Handlebars with its own parser (@handlebars/parser) and returns every mustache that writes a value. */
export function tokenizeHandlebars(text: string, index: LineIndex): Tokenized {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parse ??= (require('@handlebars/parser') as { parseWithoutProcessing: typeof Parse }).parseWithoutProcessing;
  let program: AST.Program;
  try {
    program = parse(text);
  } catch (error) {
    throw toSyntaxError(error as HandlebarsError);
  }
  const outputs: TemplateOutput[] = [];
  const comments: TemplateComment[] = [];
  const visit = (node: AST.Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const statement of (node as AST.Program).body) visit(statement);
        return;
      case 'BlockStatement':
      case 'DecoratorBlock':
      case 'PartialBlockStatement':
        visit((node as AST.BlockStatement).program);
        visit((node as AST.BlockStatement).inverse);
        return;
      case 'CommentStatement': {
        const { loc, value } = node as AST.CommentStatement;
        const start = index.offset(loc.start.line, loc.start.column + 1);
        comments.push(comment(index, value, [start, index.offset(loc.end.line, loc.end.column + 1)]));
        return;
      }
      case 'MustacheStatement':
        outputs.push(mustache(text, index, node as AST.MustacheStatement));
        return;
      default:
        return;
    }
  };
  visit(program);
  return { outputs, comments };
}

function mustache(text: string, index: LineIndex, node: AST.MustacheStatement): TemplateOutput {
  const start = index.offset(node.loc.start.line, node.loc.start.column + 1);
  const end = index.offset(node.loc.end.line, node.loc.end.column + 1);
  // `{{` then an optional `~`, then `{` (triple-stash) or `&` for the raw forms.
  let open = start + 2;
  if (text[open] === '~') open++;
  let close = end - 2;
  if (text[close - 1] === '~') close--;
  const escapedForm: { range: [number, number]; text: string }[] = [];
  let marker = '{{';
  let inner: [number, number] = [open, close];
  if (!node.escaped && text[open] === '{') {
    marker = '{{{';
    inner = [open + 1, text[close - 1] === '}' ? close - 1 : close];
    if (text[close - 1] === '}') {
      escapedForm.push({ range: [open, open + 1], text: '' }, { range: [close - 1, close], text: '' });
    }
  } else if (!node.escaped && text[open] === '&') {
    marker = '{{&';
    inner = [open + 1, close];
    escapedForm.push({ range: [open, open + 1], text: '' });
  }
  const path = node.path;
  const name = path.type === 'PathExpression' ? (path as AST.PathExpression).original : null;
  return output(index, {
    form: 'handlebars-mustache',
    escaped: node.escaped,
    code: text.slice(inner[0], inner[1]),
    name: name && /^[\w$-]+$/u.test(name) ? name : null,
    marker,
    range: [start, end],
    escapedForm: node.escaped || escapedForm.length === 0 ? null : escapedForm,
  });
}

function toSyntaxError(error: HandlebarsError): Error {
  const message = String(error.message ?? error);
  if (typeof error.lineNumber === 'number') {
    const column = typeof error.column === 'number' ? error.column + 1 : 1;
    return new TemplateSyntaxError(message.replace(/ - \d+:\d+$/u, ''), error.lineNumber, column);
  }
  const loc = error.hash?.loc;
  if (loc) {
    // "Parse error on line 2:\n<source>\n----^\nExpecting ..., got 'X'": keep the last line.
    const reason = message.split('\n').at(-1) ?? message;
    return new TemplateSyntaxError(reason, loc.first_line, loc.first_column + 1);
  }
  return new TemplateSyntaxError(message.split('\n')[0] ?? message, 1, 1);
}
