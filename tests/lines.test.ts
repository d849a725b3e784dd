import { createRequire } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { lineOf, rememberText } from '../src/util/lines';

interface Node {
  type: string;
  range: [number, number];
  loc?: { start: { line: number } };
  parent?: Node;
  [key: string]: unknown;
}

const espree = createRequire(path.join(__dirname, '../node_modules/eslint/package.json'))('espree') as { parse: (text: string, options: object) => Node };

/** Parses without `loc` (as a parse of another file may be) and sets parents. */
function parse(text: string): Node {
  const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: false });
  const visit = (node: Node, parent?: Node): void => {
    node.parent = parent;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node, node);
      }
    }
  };
  visit(ast);
  return ast;
}

function identifiers(root: Node, name: string): Node[] {
  const found: Node[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'Identifier' && node.name === name) found.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node);
      }
    }
  };
  visit(root);
  return found;
}

describe('lineOf', () => {
  it('counts lines from the range of a tree parsed without loc, with every ECMAScript line break', () => {
    const text = 'const a = 1;\r\nconst b = 2;\rconst c = 3;\u2028const d = 4;\n\nconst target = a;';
    const ast = parse(text);
    rememberText(ast, text);
    const [target] = identifiers(ast, 'target');
    expect(target?.loc).toBeUndefined();
    expect(lineOf(target!)).toBe(6);
    expect(lineOf(identifiers(ast, 'c')[0]!)).toBe(3);
    expect(lineOf(ast)).toBe(1);
  });

  it('agrees with the parser own loc on every node', () => {
    const text = 'import x from "./x";\n\nexport function f(a) {\r\n  return a\n    + x;\n}\n';
    const ast = parse(text);
    rememberText(ast, text);
    const withLoc = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true });
    const lines = new Map<number, number>();
    const visit = (node: Node): void => {
      if (node.loc) lines.set(node.range[0] * 1000 + node.range[1], node.loc.start.line);
      for (const value of Object.values(node)) for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node);
    };
    visit(withLoc);
    for (const name of ['x', 'f', 'a']) for (const node of identifiers(ast, name)) expect(lineOf(node)).toBe(lines.get(node.range[0] * 1000 + node.range[1]));
  });

  it('uses loc when the node has it, and says 0 for a tree whose text it was not given', () => {
    expect(lineOf({ range: [0, 1], loc: { start: { line: 7 } } })).toBe(7);
    const ast = parse('a;\nb;');
    expect(lineOf(identifiers(ast, 'b')[0]!)).toBe(0);
  });
});
