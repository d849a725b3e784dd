import { EJS_DEFAULT_DELIMITERS } from '../../data/templates';
import { comment, LineIndex, output, TemplateSyntaxError, type TemplateComment, type TemplateOutput, type Tokenized } from './ast';

export interface EjsDelimiters {
  delimiter: string;
  openDelimiter: string;
  closeDelimiter: string;
}

/**
 * Tokenizes EJS the way ejs 3 splits a template: `<%` opens a tag whose next character picks the mode
 * (`=` escaped output, `-` raw output, `#` comment, `_` slurping scriptlet, none a scriptlet), the first `%>`
 * (also `-%>`, `_%>`) closes it, and `<%%` / `%%>` are literal text. Returns every output tag and comment.
 */
export function tokenizeEjs(text: string, index: LineIndex, delimiters: Partial<EjsDelimiters> = {}): Tokenized {
  const { delimiter, openDelimiter, closeDelimiter } = { ...EJS_DEFAULT_DELIMITERS, ...delimiters };
  const open = openDelimiter + delimiter;
  const close = delimiter + closeDelimiter;
  const outputs: TemplateOutput[] = [];
  const comments: TemplateComment[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start === -1) break;
    let contentStart = start + open.length;
    if (text.startsWith(delimiter, contentStart)) {
      // `<%%`: a literal `<%` in the page.
      from = contentStart + delimiter.length;
      continue;
    }
    const modifier = text[contentStart];
    const isOutput = modifier === '=' || modifier === '-';
    if (isOutput || modifier === '#' || modifier === '_') contentStart++;
    const end = findClose(text, contentStart, delimiter, close);
    if (end === -1) {
      const tag = text.slice(start, contentStart);
      const at = index.position(start);
      throw new TemplateSyntaxError(`Could not find matching close tag for "${tag}".`, at.line, at.column);
    }
    if (modifier === '#') comments.push(comment(index, text.slice(contentStart, end), [start, end + close.length]));
    if (isOutput) {
      let contentEnd = end;
      if (contentEnd > contentStart && (text[contentEnd - 1] === '-' || text[contentEnd - 1] === '_')) contentEnd--;
      const escaped = modifier === '=';
      outputs.push(
        output(index, {
          form: 'ejs-tag',
          escaped,
          code: text.slice(contentStart, contentEnd),
          marker: text.slice(start, contentStart),
          range: [start, end + close.length],
          escapedForm: escaped ? null : [{ range: [contentStart - 1, contentStart], text: '=' }],
        }),
      );
    }
    from = end + close.length;
  }
  return { outputs, comments };
}

/** The offset of the `%>` that closes a tag, skipping `%%>`; -1 when there is none. */
function findClose(text: string, from: number, delimiter: string, close: string): number {
  let at = from;
  for (;;) {
    const found = text.indexOf(close, at);
    if (found === -1) return -1;
    if (found - delimiter.length >= from && text.startsWith(delimiter, found - delimiter.length)) {
      at = found + close.length;
      continue;
    }
    return found;
  }
}
