/**
 * Reading SQL text around a non-constant part: where the part stands decides what it may hold and what fixes it.
 *
 * - `value`: a literal value: inside single quotes, after a comparison (`=`, `<>`, `LIKE`, ...), in `VALUES (...)`
 *   or `IN (...)`, after `LIMIT`/`OFFSET`, `THEN`/`ELSE`, arithmetic. A query parameter can stand there.
 * - `identifier`: a table or column name: after `FROM`/`JOIN`/`INTO`/`UPDATE`/`TABLE`/`COLUMN`/`INDEX`/`EXISTS`/`AS`,
 *   the argument of a SQLite `PRAGMA name(...)` (quoted or not),
 *   inside identifier quotes (`` ` ``, `[...]`, `"..."` where no value is expected), next to a `.`, in the
 *   `SELECT` list, `ORDER BY`/`GROUP BY`/`PARTITION BY`. A query parameter cannot stand there.
 * - `fragment`: anything else (a whole clause, a list of conditions): it may hold any SQL.
 */
export type SqlPosition = 'value' | 'identifier' | 'fragment';

const IDENTIFIER_KEYWORD =
  /\b(?:from|join|into|update|table|column|index|exists|as|view|schema|database|sequence|trigger|constraint|references|truncate)\s*$/iu;
const VALUE_BEFORE =
  /(?:<>|!=|<=|>=|[=<>+\-*/%]|\b(?:like|ilike|limit|offset|then|else|when|between|interval|similar\s+to|is(?:\s+not)?|not\s+like|not\s+ilike))\s*$/iu;
/** Clause keywords, to tell which clause a part is in. */
const CLAUSE = /\b(select|from|where|order\s+by|group\s+by|partition\s+by|having|limit|offset|set|values|on|join|returning|into|update)\b/giu;
const PRAGMA_ARGUMENT = /\bpragma\s+[\w.]+\s*\(\s*$/iu;
const LIST_KEYWORD_BEFORE_PAREN = /\b(in|values|any|all|coalesce|greatest|least)\s*$/iu;

/**
 * The position of a part in SQL text, given the constant text before it (with earlier parts as `?`) and the text
 * right after it.
 */
export function sqlPosition(before: string, after: string): SqlPosition {
  const state = scan(before);
  // SQLite's `PRAGMA table_info('users')`: the argument names a table or index, quoted or not
  if (PRAGMA_ARGUMENT.test(state.quote === null ? before : before.slice(0, state.quoteStart))) return 'identifier';
  if (state.quote === "'") return 'value';
  if (state.quote === '`' || state.quote === '[') return 'identifier';
  if (state.quote === '"') return unquotedPosition(before.slice(0, state.quoteStart), '') === 'value' ? 'value' : 'identifier';
  return unquotedPosition(before, after);
}

function unquotedPosition(before: string, after: string): SqlPosition {
  const text = before.trimEnd();
  if (/\.$/u.test(text) || /^\./u.test(after)) return 'identifier';
  // part of a bare word: `idx_${name}`, `${table}_id`
  if (/\w$/u.test(before) || /^\w/u.test(after)) return 'identifier';
  if (VALUE_BEFORE.test(text)) return 'value';
  // `CREATE VIEW v AS <query>`, `CREATE TABLE t AS <query>`: a whole statement, not an alias
  if (/\b(?:view|table)\s+\S+\s+as$/iu.test(text)) return 'fragment';
  if (IDENTIFIER_KEYWORD.test(text) || /\bindex\s+\S+\s+on$/iu.test(text)) return 'identifier';
  // inside parentheses: `IN (a, ?, ...)`, `VALUES (?, ...)`
  const open = openParen(text);
  if (open !== null) {
    const head = text.slice(0, open);
    if (LIST_KEYWORD_BEFORE_PAREN.test(head) || /\)\s*,\s*$/u.test(head) || (/,\s*$/u.test(head) && /\bvalues\b/iu.test(head))) {
      return /[(,]$/u.test(text) ? 'value' : 'fragment';
    }
    if (/\b(?:into|table|on)\s+[\w".`[\]?]+\s*$/iu.test(head)) return 'identifier';
  }
  const clause = currentClause(text);
  if (clause === 'order by' || clause === 'group by' || clause === 'partition by') {
    return /(?:\bby|,)$/iu.test(text) || /\w$/u.test(text) ? 'identifier' : 'fragment';
  }
  if (clause === 'select' && (/(?:\bselect(?:\s+distinct)?|,)$/iu.test(text)) && /^\s*(?:,|\bfrom\b|$)/iu.test(after)) {
    return 'identifier';
  }
  if ((clause === 'set' || clause === 'values') && /,$/u.test(text) && open === null) return clause === 'values' ? 'value' : 'fragment';
  return 'fragment';
}

/** Whether the end of `before` is inside quotes (a string, or a quoted name). */
export function insideQuotes(before: string): boolean {
  return scan(before).quote !== null;
}

/** The quote the end of `text` is inside, if any, and where it opened. */
function scan(text: string): { quote: "'" | '"' | '`' | '[' | null; quoteStart: number } {
  let quote: "'" | '"' | '`' | '[' | null = null;
  let quoteStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === null) {
      if (c === "'" || c === '"' || c === '`' || c === '[') {
        quote = c;
        quoteStart = i;
      } else if (c === '-' && text[i + 1] === '-') {
        const end = text.indexOf('\n', i);
        if (end === -1) break;
        i = end;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end === -1) break;
        i = end + 1;
      }
    } else if (quote === "'" && c === '\\') {
      i++;
    } else if ((quote === '[' && c === ']') || c === quote) {
      quote = null;
    }
  }
  return { quote, quoteStart };
}

/** The index of the innermost parenthesis still open at the end of `text` (quotes skipped), or `null`. */
function openParen(text: string): number | null {
  const stack: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
    } else if (c === '(') {
      stack.push(i);
    } else if (c === ')') {
      stack.pop();
    }
  }
  return stack.at(-1) ?? null;
}

/** The last clause keyword of `text` at the same parenthesis depth as its end. */
function currentClause(text: string): string | null {
  const open = openParen(text);
  const from = open === null ? 0 : open + 1;
  let clause: string | null = null;
  for (const match of text.slice(from).matchAll(CLAUSE)) {
    clause = match[1]!.toLowerCase().replace(/\s+/gu, ' ');
  }
  return clause;
}
