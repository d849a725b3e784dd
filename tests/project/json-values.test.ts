// JSON files of the package read as values (src/project/json-values.ts): the document as object, array and literal
// nodes with the JSON text's lines, parsed by @eslint/json's language; what does not parse is unknown.
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { isJsonSpecifier, jsonDocument, jsonValueAt } from '../../src/project/json-values';

const valueAt = (text: string, path: string[]): unknown => {
  const document = jsonDocument(text);
  const node = document && jsonValueAt(document, path);
  return node?.type === T.Literal ? node.value : node ? node.type : node;
};

describe('JSON documents read as values', () => {
  it('reads objects, arrays and literals at a key path, with the lines of the text', () => {
    const text = '{\n  "production": {\n    "session": { "secret": "s", "maxAge": 60, "secure": true, "name": null }\n  },\n  "list": [1, "two"]\n}\n';
    const document = jsonDocument(text)!;
    const secret = jsonValueAt(document, ['production', 'session', 'secret'])!;
    expect(secret).toMatchObject({ type: T.Literal, value: 's', raw: '"s"', loc: { start: { line: 3 } } });
    expect(document.sourceCode.getText(secret)).toBe('"s"');
    expect(valueAt(text, ['production', 'session', 'maxAge'])).toBe(60);
    expect(valueAt(text, ['production', 'session', 'secure'])).toBe(true);
    expect(valueAt(text, ['production', 'session', 'name'])).toBe(null);
    expect(valueAt(text, ['list'])).toBe(T.ArrayExpression);
    // An ES import's default is the document; a key that is not there, or a key below a value that is no object, is not.
    expect(valueAt(text, ['default', 'production'])).toBe(T.ObjectExpression);
    expect(valueAt(text, ['development'])).toBe(null);
    expect(valueAt(text, ['list', '0'])).toBe(null);
    // (Parents lead to the document's root: a value there is never taken for one of the linted file.)
    let root: TSESTree.Node = secret;
    while (root.parent) root = root.parent;
    expect(root.type).toBe(T.Program);
  });

  it('a key written twice is its last value (as JSON.parse reads it); a byte order mark is skipped', () => {
    expect(valueAt('\uFEFF{ "a": { "secret": "first" }, "a": { "secret": "last" } }', ['a', 'secret'])).toBe('last');
  });

  it('text that is not JSON (comments, trailing commas, empty, cut short) is no document', () => {
    for (const text of ['{ // c\n "a": 1 }', '{ "a": 1, }', '', '{ "a": ']) expect(jsonDocument(text)).toBe(null);
  });

  it('only a relative specifier that ends in .json names a JSON file', () => {
    expect(isJsonSpecifier('./config/config.json')).toBe(true);
    expect(isJsonSpecifier('../settings.JSON')).toBe(true);
    expect(isJsonSpecifier('./config')).toBe(false);
    expect(isJsonSpecifier('config.json')).toBe(false);
  });
});
