// src/project/parse.ts: other files of the package are read with the linted file's parser, and with ESLint's own
// parsers when that parser cannot parse (oxlint's `jsPlugins` hand rules a parser whose `parse` throws).
import * as espree from 'espree';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as eslintScope from 'eslint-scope';

import { canParse, parseFile } from '../../src/project/parse';

/** The parser object oxlint's `jsPlugins` give rules in `context.languageOptions.parser`. */
const oxlintLike = {
  name: 'oxlint',
  parse(): never {
    throw new Error('`context.languageOptions.parser.parse` not implemented yet.');
  },
};

const CJS = "const express = require('express');\nconst app = express();\nmodule.exports = app;\n";
const TS = "import express, { type Request } from 'express';\nexport const app = express();\nexport const h = (req: Request) => req.body as string;\n";

describe('canParse', () => {
  it('is true for ESLint default (no parser), espree and typescript-eslint, false for a parser whose parse throws', () => {
    expect(canParse(undefined)).toBe(true);
    expect(canParse(espree)).toBe(true);
    expect(canParse(tsParser)).toBe(true);
    expect(canParse(oxlintLike)).toBe(false);
    expect(canParse({ name: 'no parse at all' })).toBe(false);
  });
});

describe('parseFile', () => {
  it('reads a JS file with the linted file parser (espree) or ESLint default', () => {
    for (const parser of [espree, undefined]) {
      const parsed = parseFile('/p/app.js', CJS, { parser, parserOptions: {}, sourceType: 'commonjs' });
      expect(parsed?.ast.type).toBe('Program');
      expect(parsed?.ast.body).toHaveLength(3);
      expect(parsed?.scopeManager).toBeTruthy();
    }
  });

  it('falls back to espree for a JS file when the given parser cannot parse (oxlint), without naming it', () => {
    for (const parser of [oxlintLike, { ...oxlintLike, name: 'some other host' }]) {
      const parsed = parseFile('/p/app.js', CJS, { parser, parserOptions: {}, sourceType: 'commonjs' });
      expect(parsed?.ast.body).toHaveLength(3);
      // CommonJS: the file's top scope is Node's module function, as ESLint gives it.
      expect(parsed?.scopeManager?.scopes.some((s) => s.type === 'function' && s.block.type === 'Program')).toBe(true);
      expect(parseFile('/p/view.jsx', 'export const v = <div className="x" />;\n', { parser, parserOptions: {}, sourceType: 'module' })?.ast.body).toHaveLength(1);
    }
  });

  it('falls back to @typescript-eslint/parser for a TS file when the given parser cannot parse it', () => {
    for (const parser of [oxlintLike, espree]) {
      const parsed = parseFile('/p/app.ts', TS, { parser, parserOptions: {}, sourceType: 'module' });
      expect(parsed?.ast.body).toHaveLength(3);
    }
  });

  it('gives null for a file no parser reads (a syntax error), with any given parser', () => {
    for (const parser of [espree, oxlintLike, undefined]) {
      expect(parseFile('/p/broken.js', 'const = ;', { parser, parserOptions: {}, sourceType: 'commonjs' })).toBeNull();
    }
  });
});

describe('parseFile: parents', () => {
  type Located = { type: string; range: [number, number]; parent?: Located | null };
  const at = (node: Located | null | undefined): string => (node ? `${node.type}@${node.range[0]}-${node.range[1]}` : 'none');

  /** Every node ESLint's traversal reaches in `text`, with its parent, as ESLint sets it before rules run. */
  function eslintParents(file: string, text: string, languageOptions: Record<string, unknown>): string[] {
    const seen: string[] = [];
    const plugin = { rules: { parents: { create: () => ({ '*': (node: Located) => void seen.push(`${at(node)} < ${at(node.parent)}`) }) } } };
    const messages = new Linter({ configType: 'flat', cwd: '/' }).verify(
      text,
      [{ files: ['**/*.*'], languageOptions, plugins: { t: plugin }, rules: { 't/parents': 'error' } }],
      { filename: file },
    );
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    return seen.sort();
  }

  /** Every node of the tree parseFile gives, through the visitor keys it gives, with the parent parseFile set. */
  function ownParents(tree: Located, keys: Readonly<Record<string, readonly string[] | undefined>>): string[] {
    const seen: string[] = [];
    const stack: Located[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      seen.push(`${at(node)} < ${at(node.parent)}`);
      for (const key of keys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[key];
        for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object' && 'type' in child) stack.push(child as Located);
      }
    }
    return seen.sort();
  }

  const SAMPLES: [string, string, 'module' | 'commonjs', unknown][] = [
    ['/p/app.js', `${CJS}app.post('/login', (req, res) => { const { a = 1, ...rest } = req.body; res.send(\`\${a}\`, [rest, ...[1]]); });\n`, 'commonjs', espree],
    ['/p/app.mjs', "import express from 'express';\nexport default class A extends B { #x = 1; static { this.y = a?.b ?? c; } m() { return super.m(); } }\nlabel: for (const k of [1]) { if (k) continue label; }\n", 'module', undefined],
    ['/p/app.ts', `${TS}export abstract class C<T> implements D { constructor(private readonly s: S<T>) { super(); } }\n`, 'module', tsParser],
  ];

  it('sets each node its parent as ESLint does, the Program none', () => {
    for (const [file, text, sourceType, parser] of SAMPLES) {
      const parsed = parseFile(file, text, { parser, parserOptions: {}, sourceType });
      expect(parsed, file).not.toBeNull();
      const languageOptions = { sourceType, ...(parser === tsParser ? { parser } : {}) };
      const own = ownParents(parsed!.ast as unknown as Located, parsed!.visitorKeys);
      expect(own, file).toEqual(eslintParents(file, text, languageOptions));
      expect(own.length, file).toBeGreaterThan(20);
    }
  });

  it('reads every tree the parser and the scope analyser read, however deep, and throws on none', () => {
    // (Left-nested chains of growing length: each term one node deeper. The walk that sets parents is recursive; acorn's
    // and eslint-scope's are too, with larger frames, so a file they read is never too deep for it.)
    const readable: boolean[] = [];
    for (const length of [2_000, 6_000, 10_000, 30_000]) {
      const text = `module.exports = ${Array.from({ length }, (_, i) => `a${i}`).join(' + ')};\n`;
      let parserReads: boolean;
      try {
        const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'commonjs', range: true, loc: true });
        eslintScope.analyze(ast as never, { ecmaVersion: 2022, sourceType: 'commonjs', nodejsScope: true, fallback: 'iteration' });
        parserReads = true;
      } catch {
        parserReads = false;
      }
      readable.push(parserReads);
      const parsed = parseFile('/p/deep.js', text, { parser: espree, parserOptions: {}, sourceType: 'commonjs' });
      expect(parsed !== null, String(length)).toBe(parserReads);
      if (!parsed) continue;
      // The deepest term's parents lead up to the Program.
      let node = (parsed.ast.body[0] as unknown as { expression: { right: { left: unknown } } }).expression.right as unknown as { type: string; left?: unknown; parent?: unknown };
      while (node.left) node = node.left as typeof node;
      let depth = 0;
      for (let at: { type: string; parent?: unknown } | undefined = node; at; at = at.parent as typeof at) depth++;
      expect(depth, String(length)).toBeGreaterThan(length);
    }
    // (Both sides of the parser's limit are exercised.)
    expect(readable).toContain(true);
    expect(readable).toContain(false);
  });
});

describe('parseFile with @typescript-eslint/parser (its tree and scopes, without tokens, comments or node maps)', () => {
  const FILES: [string, string, 'module' | 'commonjs'][] = [
    ['/p/app.ts', TS, 'module'],
    [
      '/p/users.controller.ts',
      "// a comment\n@Controller('users')\nexport class UsersController {\n  constructor(private readonly users: UsersService) {}\n  @Post() create(@Body() body: CreateUser): Promise<User> { /* more */ return this.users.create(body as CreateUser); }\n}\nenum Role { Admin = 'admin' }\ndeclare module 'x' { const y: number; }\n",
      'module',
    ],
    ["/p/legacy.ts", "import express = require('express');\nconst app = express();\nexport = app;\n", 'commonjs'],
    ['/p/view.tsx', 'export const View = <T,>(props: { t: T }) => <div className="x">{String(props.t)}</div>;\n', 'module'],
  ];

  /** The tree as data: every own property but `parent` (and the Program's tokens and comments, which the lean parse leaves out). */
  function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plain);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) if (key !== 'parent' && key !== 'tokens' && key !== 'comments') out[key] = plain(child);
    return out;
  }

  /** Each scope's kind, variables (with their references and definitions) and unresolved references. */
  const scopesOf = (manager: { scopes: { type: string; variables: { name: string; references: unknown[]; defs: unknown[] }[]; references: unknown[]; through: unknown[] }[] }): string[] =>
    manager.scopes.map((scope) => `${scope.type}:${scope.variables.map((v) => `${v.name}/${v.references.length}/${v.defs.length}`).join(',')}:${scope.references.length}:${scope.through.length}`);

  it('gives the tree and the scopes that parseForESLint gives, and no tokens or comments', () => {
    for (const parser of [tsParser, { meta: tsParser.meta, parseForESLint: tsParser.parseForESLint }]) {
      for (const [file, text, sourceType] of FILES) {
        const parserOptions = file.endsWith('.tsx') ? { ecmaFeatures: { jsx: true } } : {};
        const parsed = parseFile(file, text, { parser, parserOptions, sourceType });
        const full = tsParser.parseForESLint(text, {
          ...parserOptions,
          ecmaVersion: 'latest',
          sourceType,
          range: true,
          loc: true,
          filePath: file,
          ecmaFeatures: { ...parserOptions.ecmaFeatures, globalReturn: sourceType === 'commonjs' },
        });
        expect(parsed, file).not.toBeNull();
        expect(plain(parsed!.ast), file).toEqual(plain(full.ast));
        expect(parsed!.ast.sourceType, file).toBe(full.ast.sourceType);
        expect(scopesOf(parsed!.scopeManager as never), file).toEqual(scopesOf(full.scopeManager as never));
        expect(parsed!.visitorKeys, file).toBe(full.visitorKeys);
        // What the cut leaves out: the full parse converts every token and comment.
        expect(full.ast.tokens?.length, file).toBeGreaterThan(0);
        expect(parsed!.ast.tokens, file).toBeUndefined();
        expect(parsed!.ast.comments, file).toBeUndefined();
      }
    }
  });

  it('still reads a file with a syntax error as nothing', () => {
    expect(parseFile('/p/broken.ts', 'const x: = ;', { parser: tsParser, parserOptions: {}, sourceType: 'module' })).toBeNull();
  });
});
