/**
 * The line of a node for a message, from its `loc` when it has one, else from its `range` and its file's text (found
 * through the node's `Program`, when the text was remembered: `rememberText`). The project model parses other files
 * with `loc` today (without it their trees are a third smaller, but the model ran more instructions: session 20); the
 * model asks `lineOf` all the same, so that a parse without `loc` (an option or a parser that makes none) loses no line.
 */

interface Located {
  range: readonly [number, number];
  loc?: { start: { line: number } } | null;
  parent?: Located | null;
}

const texts = new WeakMap<object, string>();
const lineStarts = new WeakMap<object, number[]>();

/** Remembers the text that a tree parsed without `loc` was parsed from (its `Program` node). */
export function rememberText(program: object, text: string): void {
  texts.set(program, text);
}

/** Line breaks as ECMAScript (and so every parser's `loc`) counts them. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/gu;

function startsOf(program: object, text: string): number[] {
  let starts = lineStarts.get(program);
  if (!starts) {
    starts = [0];
    for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
    lineStarts.set(program, starts);
  }
  return starts;
}

/** The 1-based line a node starts on: its `loc` when the parser made one, else from its range; 0 when unknown. */
export function lineOf(node: Located): number {
  if (node.loc) return node.loc.start.line;
  let root: Located = node;
  while (root.parent) root = root.parent;
  const text = texts.get(root);
  if (text === undefined) return 0;
  const starts = startsOf(root, text);
  const offset = node.range[0];
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
