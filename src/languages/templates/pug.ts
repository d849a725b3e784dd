import { comment, LineIndex, output, TemplateSyntaxError, type TemplateComment, type TemplateOutput, type Tokenized } from './ast';

/** pug-lexer's `Lexer`: `lex()` is the same plus a deep copy of the tokens (JSON round trip) that we do not need. */
type PugLexer = new (src: string, options: { filename: string }) => { getTokens(): PugToken[] };
/** Loaded with the first Pug file: a lint run without one does not load pug-lexer. */
let Lexer: PugLexer | undefined;
function lexer(): PugLexer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Lexer ??= (require('pug-lexer') as { Lexer: PugLexer }).Lexer;
  return Lexer;
}

interface PugToken {
  type: string;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  val?: unknown;
  name?: string;
  mustEscape?: boolean;
  buffer?: boolean;
}

interface PugError {
  code?: string;
  msg?: string;
  line?: number;
  column?: number;
}

/** Lexes Pug with its own lexer (pug-lexer) and returns every place that writes a value into the page. */
export function tokenizePug(text: string, index: LineIndex, filename: string): Tokenized {
  const Lex = lexer();
  let tokens: PugToken[];
  try {
    tokens = new Lex(text, { filename }).getTokens();
  } catch (error) {
    const e = error as PugError;
    if (typeof e.line !== 'number') throw error;
    throw new TemplateSyntaxError(e.msg ?? String(error), e.line, typeof e.column === 'number' ? e.column : 1);
  }
  const outputs: TemplateOutput[] = [];
  const comments: TemplateComment[] = [];
  for (const token of tokens) {
    const start = index.offset(token.loc.start.line, token.loc.start.column);
    const end = Math.max(start, index.offset(token.loc.end.line, token.loc.end.column));
    const range: [number, number] = [start, end];
    const raw = token.mustEscape === false;
    const val = typeof token.val === 'string' ? token.val : '';
    switch (token.type) {
      case 'interpolated-code': {
        // `#{x}` / `!{x}`
        const bang = raw && text[start] === '!' ? start : -1;
        outputs.push(
          output(index, {
            form: 'pug-interpolation',
            escaped: !raw,
            code: val,
            marker: raw ? '!{' : '#{',
            range,
            escapedForm: bang === -1 ? null : [{ range: [bang, bang + 1], text: '#' }],
          }),
        );
        break;
      }
      case 'code': {
        // `p= x` / `p!= x`; unbuffered `- code` writes nothing.
        if (!token.buffer) break;
        const bang = raw ? text.indexOf('!=', start) : -1;
        outputs.push(
          output(index, {
            form: 'pug-code',
            escaped: !raw,
            code: val,
            marker: raw ? '!=' : '=',
            range,
            escapedForm: bang === -1 || bang >= end ? null : [{ range: [bang, bang + 1], text: '' }],
          }),
        );
        break;
      }
      case 'attribute': {
        // `a(href=x)` / `a(href!=x)`; a boolean attribute (`checked`) writes no value.
        if (token.val === true) break;
        const bang = raw ? text.indexOf('!=', start + (token.name?.length ?? 0)) : -1;
        outputs.push(
          output(index, {
            form: 'pug-attribute',
            escaped: !raw,
            code: val,
            name: null,
            marker: raw ? '!=' : '=',
            range,
            escapedForm: bang === -1 || bang >= end ? null : [{ range: [bang, bang + 1], text: '' }],
          }),
        );
        break;
      }
      case '&attributes':
        outputs.push(
          output(index, {
            form: 'pug-attributes',
            escaped: false,
            code: val,
            marker: '&attributes(',
            range,
            escapedForm: null,
          }),
        );
        break;
      case 'comment':
        comments.push(comment(index, val, range));
        break;
      default:
        break;
    }
  }
  return { outputs, comments };
}
