// The whole-app model's parse of another file is handed to ESLint when ESLint lints that file later with the same text
// and config (src/project/shared-parses.ts): in a CLI lint of json-server 9 of its 10 other-file parses are files
// ESLint lints later, and each was parsed twice. What ESLint gets must be exactly what its own parse gives, and nothing
// is handed over for another text, another config or a second lint. ESLint 10 and 9; CommonJS, ESM and TS.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import plugin from '../../src/index';
import { parseFile, type ParserChoice } from '../../src/project/parse';
import { MAX_FIRST_LINT_SHARED_BYTES } from '../../src/project/limits';
import { dropSharedParses, parseShared, scopesFast, sharedParseCount, sharingFor, type ParseSharing } from '../../src/project/shared-parses';
import { fixture } from '../helpers/projects';

interface Seen {
  sourceCode: unknown;
  languageOptions: object;
}

/** A config whose one rule records the `SourceCode` and `languageOptions` ESLint linted each file with. */
function recording(seen: Seen[], languageOptions: Linter.Config['languageOptions'] = {}): Linter.Config[] {
  const rule = {
    create: (context: { sourceCode: unknown; languageOptions: object }) => {
      seen.push({ sourceCode: context.sourceCode, languageOptions: context.languageOptions });
      return {};
    },
  };
  return [{ files: ['**/*.{js,mjs,ts}'], plugins: { probe: { rules: { seen: rule } } }, rules: { 'probe/seen': 'error' }, languageOptions }];
}

interface ScopeLike {
  type: string;
  block: { range: [number, number] };
  variables: { name: string; defs: { type: string }[]; references: unknown[] }[];
  references: { identifier: { range: [number, number] }; resolved: { name: string } | null; isWrite(): boolean }[];
  through: { identifier: { name: string } }[];
}

/** Every scope of a `SourceCode`, as plain data: its type and block, variables, references and what goes through. */
function scopesOf(sourceCode: unknown): unknown[] {
  const manager = (sourceCode as { scopeManager: { scopes: ScopeLike[] } }).scopeManager;
  return manager.scopes.map((scope) => ({
    type: scope.type,
    block: scope.block.range,
    variables: scope.variables.map((v) => `${v.name}:${v.defs.map((d) => d.type).join('+')}:${v.references.length}`),
    references: scope.references.map((r) => `${r.identifier.range.join('-')}>${r.resolved?.name ?? '?'}${r.isWrite() ? '=' : ''}`),
    through: scope.through.map((r) => r.identifier.name),
  }));
}

/**
 * One ESLint instance linting texts as its CLI lints files: its config array is made once, so that files matched by the
 * same config blocks get the same `languageOptions` object (what a hand-over requires).
 */
interface Lints {
  lint(text: string, file: string): Promise<Linter.LintMessage[]>;
}

/** Whether ESLint linted with the kept parse: its `SourceCode` is the kept one, or made by ESLint on the kept tree and scopes. */
function tookParse(sourceCode: unknown, kept: unknown): boolean {
  const a = sourceCode as { ast: unknown; scopeManager: unknown } | undefined;
  const b = kept as { ast: unknown; scopeManager: unknown } | null;
  return a !== undefined && b !== null && a.ast === b.ast && a.scopeManager === b.scopeManager;
}

type MakeESLint = (options: { cwd: string; overrideConfigFile: true; overrideConfig: Linter.Config[] }) => { lintText(text: string, options: { filePath: string }): Promise<{ messages: Linter.LintMessage[] }[]> };

function lints(make: MakeESLint, cwd: string, config: Linter.Config[]): Lints {
  const eslint = make({ cwd, overrideConfigFile: true, overrideConfig: config });
  return { lint: async (text, file) => (await eslint.lintText(text, { filePath: file }))[0]!.messages };
}

/** A recording ESLint for `languageOptions`, the sharing of its ESLint and the `languageOptions` it lints `probe` with. */
async function sharingOf(make: MakeESLint, cwd: string, probe: string, languageOptions?: Linter.Config['languageOptions']): Promise<{ sharing: ParseSharing; options: object; seen: Seen[]; eslint: Lints }> {
  const seen: Seen[] = [];
  const eslint = lints(make, cwd, recording(seen, languageOptions));
  await eslint.lint('const probe = 1;', probe);
  const sharing = sharingFor(seen[0]!.sourceCode);
  expect(sharing).not.toBeNull();
  const options = seen[0]!.languageOptions;
  seen.length = 0;
  return { sharing: sharing!, options, seen, eslint };
}

const ESLINTS: [string, MakeESLint][] = [
  ['ESLint 10', (options) => new ESLint(options as ESLint.Options)],
  ['ESLint 9', (options) => new ESLint9(options as never) as never],
];

describe.each(ESLINTS)('the parse handed to %s', (_, make) => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'secure-express-shared-parses-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // (\`fast\`: whether the kept parse gets its scopes without ESLint's copied visitor keys; \`null\` where that depends on
  // the ESLint: \`import()\`'s options are in ESLint 10's keys, not in estraverse's.)
  const STYLES: { style: string; name: string; text: string; options: Linter.Config['languageOptions']; fast: boolean | null }[] = [
    {
      style: 'CommonJS',
      name: 'users.js',
      text: "const router = require('express').Router();\nfunction find(id, { name = id } = {}) { let x = name; for (const [k, v] of Object.entries(x)) x = k + v; return x; }\nrouter.get('/:id', (req, res) => { try { res.send(find(req.params.id)); } catch (e) { res.status(500).end(); } });\nclass Store { #items = []; of(...a) { return new Store(a); } }\nrouter.use(require('express').static('public'));\nmodule.exports = { router, Store, find };\nexports.more = 1;\n",
      options: { sourceType: 'commonjs' },
      fast: true,
    },
    {
      style: 'ESM',
      name: 'users.mjs',
      text: "import { Router } from 'express';\nimport * as db from './db.mjs';\nimport data from './data.json' with { type: 'json' };\nconst kind = 'json';\nconst lazy = () => import('./more.json', { with: { type: kind } });\nconst r = Router();\nr.post('/', async ({ body }, res) => { const { id, ...rest } = body; label: for (;;) { break label; } res.json(await db.save(id, rest)); });\nexport default r;\nexport { r as router };\n",
      options: { sourceType: 'module' },
      fast: null,
    },
    {
      style: 'ESM, import and export attributes, no import()',
      name: 'data.mjs',
      text: "import data from './data.json' with { type: 'json' };\nimport * as db from './db.mjs';\nexport { seed } from './seed.mjs' with { type: 'json' };\nexport * from './more.mjs';\nconst meta = import.meta.url;\nexport default function load(id) { return db.find(data, id, meta); }\n",
      options: { sourceType: 'module' },
      fast: true,
    },
    // (Found by a new user's trial: import() where a text test missed it. The tokens decide now.)
    {
      style: 'ESM, import() after a spread',
      name: 'spread.mjs',
      text: "const kind = 'json';\nexport const loaded = [...import('./data.json', { with: { type: kind } })];\n",
      options: { sourceType: 'module' },
      fast: false,
    },
    {
      style: 'CommonJS, import() behind a comment ending in a CR',
      name: 'cr.js',
      text: "const kind = 'json';\nmodule.exports = () => import // later\r('./data.json', { with: { type: kind } });\n",
      options: { sourceType: 'commonjs' },
      fast: false,
    },
    {
      style: 'CommonJS, import() behind a comment ending in a line separator',
      name: 'ls.js',
      text: "const kind = 'json';\nmodule.exports = () => import // later\u2028('./data.json', { with: { type: kind } });\n",
      options: { sourceType: 'commonjs' },
      fast: false,
    },
    {
      style: 'CommonJS, a static block',
      name: 'config.js',
      text: "let count = 0;\nclass Config { static { count = read(count); } }\nfunction read(n) { return n + 1; }\nmodule.exports = Config;\n",
      options: { sourceType: 'commonjs' },
      fast: true,
    },
    {
      style: 'JSX',
      name: 'view.js',
      text: "const React = require('react');\nmodule.exports = function View({ items }) { return <ul>{items.map((i) => <li key={i}>{i}</li>)}</ul>; };\n",
      options: { sourceType: 'commonjs', parserOptions: { ecmaFeatures: { jsx: true } } },
      fast: false,
    },
    {
      style: 'CommonJS with JSX on, no JSX in it',
      name: 'plain.js',
      text: "const helper = require('./helper');\nmodule.exports = function run(a) { const b = helper(a); return b ? b.value : a; };\n",
      options: { sourceType: 'commonjs', parserOptions: { ecmaFeatures: { jsx: true } } },
      fast: true,
    },
    { style: 'TS', name: 'users.ts', text: "import { Router } from 'express';\nconst r: Router = Router();\nexport default r;\n", options: { parser: tsParser as Linter.Parser }, fast: false },
  ];

  it.each(STYLES)('$style: is the SourceCode ESLint lints the file with, once, for the same text and config', async ({ name, text, options, fast }) => {
    const file = path.join(dir, name);
    const { sharing, options: languageOptions, seen, eslint } = await sharingOf(make, dir, path.join(dir, `probe${path.extname(name)}`), options);
    const fastBefore = sharing.fastScopes;
    const kept = parseShared(sharing, file, text, languageOptions);
    expect(kept === null).toBe(false);
    if (fast !== null) expect(sharing.fastScopes - fastBefore).toBe(fast ? 1 : 0);
    const before = sharedParseCount();
    expect(await eslint.lint(text, file)).toEqual([]);
    expect(tookParse(seen[0]!.sourceCode, kept)).toBe(true);
    expect(sharedParseCount()).toBe(before + 1);
    // What ESLint's own parse gives: the same tokens, comments and tree.
    await eslint.lint(text, file);
    const own = seen[1]!.sourceCode as { ast: unknown; text: string };
    expect(tookParse(own, kept)).toBe(false);
    const plain = (sourceCode: unknown): string => JSON.stringify((sourceCode as { ast: unknown }).ast, (key, value: unknown) => (key === 'parent' ? undefined : value));
    expect(plain(kept)).toBe(plain(own));
    // And the scopes ESLint's own analysis gives (a fast kept parse's are made without its copied visitor keys).
    expect(scopesOf(kept)).toEqual(scopesOf(own));
    expect(scopesOf(own).length).toBeGreaterThan(1);
    expect(sharedParseCount()).toBe(before + 1);
  });

  it('is not handed over for another text, another config or another path', async () => {
    const file = path.join(dir, 'users.js');
    const text = 'module.exports = 1;\n';
    const { sharing, options, seen, eslint } = await sharingOf(make, dir, path.join(dir, 'probe.js'), { sourceType: 'commonjs' });
    const before = sharedParseCount();

    // Another text (an editor's unsaved buffer, a --fix pass): ESLint parses what it lints.
    const edited = parseShared(sharing, file, text, options);
    expect(await eslint.lint('module.exports = 2;\n', file)).toEqual([]);
    expect(tookParse(seen[0]!.sourceCode, edited)).toBe(false);
    expect((seen[0]!.sourceCode as { text: string }).text).toBe('module.exports = 2;\n');

    // Another config with the same parse options, as a block of its own for a folder or a second ESLint instance makes:
    // its settings may not be the ones the project's answers on the kept tree were built with.
    const same = parseShared(sharing, file, text, options);
    const again: Seen[] = [];
    await lints(make, dir, recording(again, { sourceType: 'commonjs' })).lint(text, file);
    expect(tookParse(again[0]!.sourceCode, same)).toBe(false);
    expect((again[0]!.sourceCode as { ast: { sourceType: string } }).ast.sourceType).toBe('commonjs');

    // Other parse options (a module where the project read CommonJS): ESLint's own parse.
    const commonjs = parseShared(sharing, file, text, options);
    const asModule: Seen[] = [];
    await lints(make, dir, recording(asModule, { sourceType: 'module' })).lint(text, file);
    expect(tookParse(asModule[0]!.sourceCode, commonjs)).toBe(false);
    expect((asModule[0]!.sourceCode as { ast: { sourceType: string } }).ast.sourceType).toBe('module');

    // Another file of the same text.
    const other = parseShared(sharing, file, text, options);
    await eslint.lint(text, path.join(dir, 'other.js'));
    expect(tookParse(seen.at(-1)!.sourceCode, other)).toBe(false);
    expect(sharedParseCount()).toBe(before);

    // The same file, text and config: handed over.
    const kept = parseShared(sharing, file, text, options);
    await eslint.lint(text, file);
    expect(tookParse(seen.at(-1)!.sourceCode, kept)).toBe(true);
    expect(sharedParseCount()).toBe(before + 1);
  });

  it('keeps a parse of a text with a BOM as ESLint reads it', async () => {
    const file = path.join(dir, 'bom.js');
    const { sharing, options, seen, eslint } = await sharingOf(make, dir, path.join(dir, 'probe.js'), { sourceType: 'commonjs' });
    const kept = parseShared(sharing, file, '\uFEFFmodule.exports = 1;\n', options);
    expect((kept as unknown as { text: string; hasBOM: boolean }).text).toBe('module.exports = 1;\n');
    await eslint.lint('\uFEFFmodule.exports = 1;\n', file);
    expect(tookParse(seen[0]!.sourceCode, kept)).toBe(true);
  });
});

describe('sharingFor, scopesFast and parseFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'secure-express-shared-choice-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no sharing for what ESLint did not make', () => {
    expect(sharingFor(null)).toBeNull();
    expect(sharingFor({ ast: {}, text: '' })).toBeNull();
    expect(sharingFor(Object.create(null))).toBeNull();
  });

  it('makes scopes without the copied visitor keys only for an espree parse of a text where they are what ESLint makes', async () => {
    const make = ESLINTS[0]![1];
    const { sharing, options } = await sharingOf(make, dir, path.join(dir, 'probe.js'), { sourceType: 'module' });
    const jsx = (await sharingOf(make, dir, path.join(dir, 'probe.js'), { sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } })).options;
    const ts = (await sharingOf(make, dir, path.join(dir, 'probe.ts'), { parser: tsParser as Linter.Parser })).options;
    expect(scopesFast(sharing, options)).toBe(true);
    expect(scopesFast(sharing, jsx)).toBe(true);
    expect(scopesFast(sharing, ts)).toBe(false);
    // (A first lint of a run keeps only a parse with fast scopes.)
    const fast = ["const a = require('./a');\nmodule.exports = a.b < 2;\n", "import a from './a.json' with { type: 'json' };\nexport default a;\nexport const url = import.meta.url;\n", 'class A { static { go(); } }\n'];
    for (const [i, text] of fast.entries()) expect(parseShared(sharing, path.join(dir, `fast${i}.js`), text, options, true)).not.toBeNull();
    // (ESLint 10's visitor keys walk import()'s options, estraverse's do not: a variable named there is referenced. The
    // parse's tokens decide: a first lint of a run keeps none of these.)
    const texts = ["const t = 'json';\nimport('./a.json', { with: { type: t } });\n", 'import (x);\n', 'import /* later */ (x);\n', 'import // later\r(x);\n', 'const all = [...import(x)];\n'];
    for (const [i, text] of texts.entries()) expect(parseShared(sharing, path.join(dir, `dynamic${i}.js`), text, options, true)).toBeNull();
    expect(parseShared(sharing, path.join(dir, 'meta.js'), 'export const url = import.meta.url;\n', options, true)).not.toBeNull();
    // (JSX is found in the parse: a comparison is not JSX.)
    expect(parseShared(sharing, path.join(dir, 'compare.js'), 'export default (a, b) => a < b;\n', jsx, true)).not.toBeNull();
    dropSharedParses();
  });

  it.each(ESLINTS)('asks eslint-scope about a kind of node only once a parse holds one (%s)', async (_, make) => {
    const { sharing: shared, options } = await sharingOf(make, dir, path.join(dir, 'probe.js'), { sourceType: 'commonjs' });
    const module = (await sharingOf(make, dir, path.join(dir, 'probe.mjs'), { sourceType: 'module' })).options;
    expect(shared.scope).not.toBeNull();
    // (The sharing of a fresh ESLint: no probe asked yet.)
    const tools: NonNullable<ParseSharing['scope']> = { ...shared.scope!, verdicts: new Map() };
    const sharing: ParseSharing = { ...shared, scope: tools, kept: new Map(), keptBytes: 0, handed: new WeakMap() };
    const asked = (): string[] => [...tools.verdicts.keys()].map((probe) => probe.types[0]!);
    // CommonJS with the words but not the syntax (a comment, `express.static`, `exports`): nothing asked.
    const commonjs = "// import the config, export the router\nconst express = require('express');\nconst r = express.Router();\nr.use(express.static('public'));\nclass A { static x = 1; static m() { return A.x; } }\nmodule.exports = r;\nexports.A = A;\n";
    expect(parseShared(sharing, path.join(dir, 'a.js'), commonjs, options)).not.toBeNull();
    expect(asked()).toEqual([]);
    // What is asked is only what the kinds of node ESLint's keys walk apart from estraverse's hold (`candidates`).
    const candidates = tools.candidates.map((probe) => probe.types[0]!);
    const expectAsked = (types: string[]): void => expect(asked().sort()).toEqual(types.filter((type) => candidates.includes(type)).sort());
    expect(parseShared(sharing, path.join(dir, 'b.mjs'), "import x from './x.mjs';\nexport default x;\n", module)).not.toBeNull();
    expectAsked(['ImportDeclaration']);
    expect(parseShared(sharing, path.join(dir, 'c.js'), "module.exports = () => import('./x.js');\n", options)).not.toBeNull();
    expectAsked(['ImportDeclaration', 'ImportExpression']);
    expect(parseShared(sharing, path.join(dir, 'd.js'), 'class B { static { B.ready = true; } }\nmodule.exports = B;\n', options)).not.toBeNull();
    expectAsked(['ImportDeclaration', 'ImportExpression', 'StaticBlock']);
    // Each once: a second parse with such nodes asks nothing more, and gets the same scopes as the first.
    const before = new Map(tools.verdicts);
    expect(parseShared(sharing, path.join(dir, 'e.js'), "module.exports = () => import('./y.js');\n", options)).not.toBeNull();
    expect(tools.verdicts).toEqual(before);
  });

  it('parses another file apart (nothing kept) for type-checked options, another extension or another source type', async () => {
    const { sharing, options } = await sharingOf(ESLINTS[0]![1], dir, path.join(dir, 'probe.ts'), { parser: tsParser as Linter.Parser });
    const text = 'export const a: number = 1;\n';
    writeFileSync(path.join(dir, 'a.ts'), text);
    const choice = (parserOptions: Record<string, unknown>, extension = '.ts', sourceType: ParserChoice['sourceType'] = 'module', onlyFast = false): ParserChoice => ({
      parser: tsParser,
      parserOptions,
      sourceType,
      shared: { sharing, languageOptions: options, filename: path.join(dir, `linted${extension}`), onlyFast },
    });
    const keptBefore = sharing.kept.size;
    expect(null !== parseFile(path.join(dir, 'a.ts'), text, choice({ project: './tsconfig.json' }))).toBe(true);
    expect(null !== parseFile(path.join(dir, 'a.ts'), text, choice({}, '.js'))).toBe(true);
    expect(null !== parseFile(path.join(dir, 'a.ts'), text, choice({}, '.ts', 'script'))).toBe(true);
    // (The first lint of a run keeps only parses that cost what the project's own does: not typescript-eslint's.)
    expect(null !== parseFile(path.join(dir, 'a.ts'), text, choice({}, '.ts', 'module', true))).toBe(true);
    expect(sharing.kept.size).toBe(keptBefore);
    expect(null !== parseFile(path.join(dir, 'a.ts'), text, choice({}))).toBe(true);
    expect(sharing.kept.has(path.join(dir, 'a.ts'))).toBe(true);
  });

  it('keeps no more than its bound of text in the first lint of a run, and drops every kept parse when a run ends', async () => {
    const { sharing, options } = await sharingOf(ESLINTS[0]![1], dir, path.join(dir, 'probe.js'), { sourceType: 'commonjs' });
    dropSharedParses();
    expect(parseShared(sharing, path.join(dir, 'a.js'), 'module.exports = 1;\n', options)).not.toBeNull();
    dropSharedParses();
    expect(sharing.kept.size).toBe(0);
    // The first lint of a run keeps no more than MAX_FIRST_LINT_SHARED_BYTES of text; later lints up to the larger bound.
    const big = `module.exports = [${'1, '.repeat(MAX_FIRST_LINT_SHARED_BYTES / 6)}];\n`;
    expect(parseShared(sharing, path.join(dir, 'b.js'), big, options, true)).not.toBeNull();
    expect(parseShared(sharing, path.join(dir, 'c.js'), big, options, true)).toBeNull();
    expect(parseShared(sharing, path.join(dir, 'c.js'), big, options)).not.toBeNull();
    expect([...sharing.kept.keys()].map((file) => path.basename(file))).toEqual(['b.js', 'c.js']);
    dropSharedParses();
  });

  it('keeps an espree parse with fast scopes for the first lint of a run, and not one without', async () => {
    const { sharing, options } = await sharingOf(ESLINTS[0]![1], dir, path.join(dir, 'probe.js'), { sourceType: 'commonjs' });
    const choice: ParserChoice = { parser: undefined, parserOptions: {}, sourceType: 'commonjs', shared: { sharing, languageOptions: options, filename: path.join(dir, 'linted.js'), onlyFast: true } };
    const plain = "const a = require('./a');\nmodule.exports = a;\n";
    const dynamic = "const t = 'json';\nmodule.exports = () => import('./a.json', { with: { type: t } });\n";
    expect(null !== parseFile(path.join(dir, 'plain.js'), plain, choice)).toBe(true);
    expect(null !== parseFile(path.join(dir, 'dynamic.js'), dynamic, choice)).toBe(true);
    expect(sharing.kept.has(path.join(dir, 'plain.js'))).toBe(true);
    expect(sharing.kept.has(path.join(dir, 'dynamic.js'))).toBe(false);
    // With JSX on: a comparison is kept, an element or a fragment is not (found in the parse's tokens).
    const jsx = await sharingOf(ESLINTS[0]![1], dir, path.join(dir, 'probe.js'), { sourceType: 'commonjs', parserOptions: { ecmaFeatures: { jsx: true } } });
    const withJsx: ParserChoice = { ...choice, parserOptions: { ecmaFeatures: { jsx: true } }, shared: { ...choice.shared!, sharing: jsx.sharing, languageOptions: jsx.options } };
    const texts: [string, string, boolean][] = [
      ['compare.js', 'module.exports = (a, b) => a<b || a < b;\n', true],
      ['element.js', "const React = require('react');\nmodule.exports = () => <div />;\n", false],
      ['fragment.js', "const React = require('react');\nmodule.exports = (x) => <>{x}</>;\n", false],
    ];
    for (const [name, text, kept] of texts) {
      expect(null !== parseFile(path.join(dir, name), text, withJsx)).toBe(true);
      expect(jsx.sharing.kept.has(path.join(dir, name))).toBe(kept);
    }
  });
});

/** Lints a fixture project as a user's CLI lint does, with parses shared or not: each finding, and how many ESLint took. */
async function lintShared(dir: string, shareParses: boolean): Promise<{ all: string[]; shared: number }> {
  const config = [
    ...plugin.configs.strict,
    { files: ['**/*.js', 'bin/*'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
    { settings: { 'secure-express': { shareParses } } },
  ];
  const before = sharedParseCount();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config as never });
  const results = await eslint.lintFiles(['.']);
  expect(results.every((r) => r.fatalErrorCount === 0)).toBe(true);
  const all = results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`)).sort();
  return { all, shared: sharedParseCount() - before };
}

describe('a whole-app lint with parses shared finds what it finds without', () => {
  it.each(['generator', 'esm', 'typescript', 'controllers'])('%s', async (name) => {
    // (Shared first: the project keeps what it read of each file for the process, and the second lint reads it so.)
    const on = await lintShared(fixture(name), true);
    const off = await lintShared(fixture(name), false);
    expect(off.shared).toBe(0);
    // (Parses were handed over, else the two lints compared would be the same lint. Not asked of the TS layout: the
    // first lint of a run keeps no typescript-eslint parse, and whether a later lint parses one depends on which file
    // ESLint lints first, which its asynchronous reads decide: a CI run under load linted another file first.)
    if (name !== 'typescript') expect(on.shared).toBeGreaterThan(0);
    // (How many are handed over depends on which file reads them: the first lint of a run parses lean. The tests above
    // show the hand-over itself.)
    expect(off.all.length).toBeGreaterThan(0);
    expect(on.all).toEqual(off.all);
  });

  it('reads an edit made after the parse was kept (the file ESLint lints is what it reads)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-shared-edit-'));
    try {
      for (const name of ['package.json', 'app.js']) writeFileSync(path.join(dir, name), readFileSync(path.join(fixture('generator'), name)));
      writeFileSync(path.join(dir, 'users.js'), "const router = require('express').Router();\nrouter.get('/', (req, res) => res.redirect(req.query.next));\nmodule.exports = router;\n");
      writeFileSync(path.join(dir, 'app.js'), "const express = require('express');\nconst app = express();\napp.use('/users', require('./users'));\napp.listen(3000);\n");
      const config = [...plugin.configs.strict, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' as const } }] as Linter.Config[];
      const seen: Seen[] = [];
      const eslint = lints(ESLINTS[0]![1], dir, [...config, ...recording(seen)]);
      const before = sharedParseCount();
      // (A first lint of the run keeps only fast parses: a file of its own first, as a CLI lint has one.)
      const first = "const express = require('express');\nmodule.exports = express.Router();\n";
      writeFileSync(path.join(dir, 'first.js'), first);
      await eslint.lint(first, path.join(dir, 'first.js'));
      await eslint.lint(readFileSync(path.join(dir, 'app.js'), 'utf8'), path.join(dir, 'app.js'));
      // (The lint of app.js read users.js, the router it mounts, and kept that parse for ESLint.)
      const sharing = sharingFor(seen[0]!.sourceCode)!;
      expect(sharing.kept.has(path.join(dir, 'users.js'))).toBe(true);
      // users.js as an editor holds it, not yet saved: the redirect is gone.
      const edited = "const router = require('express').Router();\nrouter.get('/', (req, res) => res.redirect('/'));\nmodule.exports = router;\n";
      const messages = await eslint.lint(edited, path.join(dir, 'users.js'));
      expect(messages.filter((m) => m.ruleId === 'secure-express/no-open-redirect')).toEqual([]);
      expect(sharedParseCount()).toBe(before);
      // The text on disk, linted again: its parse is ESLint's own now, and the redirect is reported.
      const saved = await eslint.lint(readFileSync(path.join(dir, 'users.js'), 'utf8'), path.join(dir, 'users.js'));
      expect(saved.filter((m) => m.ruleId === 'secure-express/no-open-redirect').map((m) => m.line)).toEqual([2]);
      expect(sharedParseCount()).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Found by a new user's trial (session 30): src/routes/api.js has `upstream: ['rateLimit']` in a block of its own and is
 * linted after src/middleware/steps.js, whose Passport verify callback asks for the routes that log in with its
 * strategy (api.js's `POST /token`). The project parses api.js for that question and builds its model with steps.js's
 * settings; handed over, api.js was linted with that model and got a `require-rate-limit` finding its own settings
 * rule out. Now a parse is handed over only to a file linted with the very config object the reading file had (api.js's
 * block makes its own), and a tree the project built such a model on is not handed over at all. ESM, linted in the
 * order of a CLI run, the first file first.
 */
describe('settings per folder, with parses shared', () => {
  const FILES: Record<string, string> = {
    // (The dependencies say what User and the strategy are: without them steps.js's query is not one to report.)
    'package.json': '{ "type": "module", "main": "src/server.js", "dependencies": { "express": "^4.21.2", "mongoose": "^8.9.0", "passport": "^0.7.0", "passport-local": "^1.0.0" } }',
    'src/server.js': "import app from './app.js';\n\napp.listen(process.env.PORT || 3000);\n",
    'src/app.js': "import express from 'express';\nimport api from './routes/api.js';\n\nconst app = express();\napp.use(express.json());\napp.use('/api', api);\nexport default app;\n",
    'src/db/models.js': "import mongoose from 'mongoose';\n\nexport const User = mongoose.model('User', new mongoose.Schema({ username: String }));\n",
    'src/middleware/steps.js':
      "import passport from 'passport';\nimport { Strategy as LocalStrategy } from 'passport-local';\nimport { User } from '../db/models.js';\n\npassport.use('basic', new LocalStrategy({ passReqToCallback: true }, (req, username, password, done) => {\n  User.findOne({ username: req.body.username }).then((user) => done(null, user), done);\n}));\n\nexport function basicAuth(options) {\n  return function (req, res, next) {\n    passport.authenticate('basic', { ...options, session: false })(req, res, next);\n  };\n}\n",
    'src/routes/api.js':
      "import { Router } from 'express';\nimport { basicAuth } from '../middleware/steps.js';\n\nconst router = Router();\nrouter.post('/token', basicAuth({}), (req, res) => {\n  res.json({ token: 'issued' });\n});\nexport default router;\n",
  };

  const lintInOrder = async (upstream: boolean): Promise<string[]> => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-shared-settings-'));
    try {
      for (const [name, text] of Object.entries(FILES)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      const config = [...plugin.configs.recommended, ...(upstream ? [{ files: ['src/routes/**'], settings: { 'secure-express': { upstream: ['rateLimit'] } } }] : [])] as Linter.Config[];
      const eslint = lints(ESLINTS[0]![1], dir, config);
      const found: string[] = [];
      for (const name of ['src/server.js', 'src/middleware/steps.js', 'src/routes/api.js']) {
        const file = path.join(dir, name);
        for (const m of await eslint.lint(readFileSync(file, 'utf8'), file)) found.push(`${name}:${m.line} ${m.ruleId}`);
      }
      return found.filter((f) => f.includes('require-rate-limit'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('lints routes/api.js with its own settings, after steps.js read it with others', async () => {
    // (Without its block the login route is reported: the finding the block rules out is there to rule out.)
    expect(await lintInOrder(false)).toEqual(['src/routes/api.js:5 secure-express/require-rate-limit']);
    expect(await lintInOrder(true)).toEqual([]);
  });
});
