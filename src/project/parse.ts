import { createRequire } from 'node:module';
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { parseShared, withdrawSharedParse, type ParseSharing } from './shared-parses';
import { rememberText } from '../util/lines';

/** What the linted file was parsed with: the same parser reads the package's other files. */
export interface ParserChoice {
  parser: unknown;
  parserOptions: Record<string, unknown>;
  sourceType: 'module' | 'commonjs' | 'script';
  /**
   * When ESLint's own JavaScript language parsed the linted file (and `shareParses` is on): that language, the linted
   * file's `languageOptions` and name. Another file of the same extension and source type is parsed as ESLint
   * will parse it, and the parse is kept for ESLint's lint of it (src/project/shared-parses.ts).
   */
  shared?: {
    sharing: ParseSharing;
    languageOptions: object;
    filename: string;
    onlyFast?: boolean;
    /**
     * ESLint is expected to lint the file later in the run (the run is past its first lint, and ESLint has not parsed
     * the file yet: `parsedByESLint`): the kept parse gets its parents from ESLint's own traversal
     * (`SourceCode#traverse`), which ESLint's lint of the file then reuses instead of walking the tree again.
     */
    lintedLater?: boolean;
  };
}

type ParseForESLint = (text: string, options: Record<string, unknown>) => unknown;

const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
/** Options that make a TS parser build a type-checked program: too costly for a summary, and not needed. */
const TYPED_OPTIONS = ['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService'];

let typescriptParser: { parseForESLint: ParseForESLint } | null | undefined;

/**
 * `@typescript-eslint/parser` when the user's project has it (it is a peer of typescript-eslint setups): reads TS
 * files of the package when the linted file's parser cannot. Optional: without it those files stay unknown.
 */
function optionalTypescriptParser(): { parseForESLint: ParseForESLint } | null {
  if (typescriptParser === undefined) {
    try {
      const load = createRequire(path.join(process.cwd(), 'package.json'));
      typescriptParser = load('@typescript-eslint/parser') as { parseForESLint: ParseForESLint };
    } catch {
      try {
        typescriptParser = createRequire(__filename)('@typescript-eslint/parser') as { parseForESLint: ParseForESLint };
      } catch {
        typescriptParser = null;
      }
    }
  }
  return typescriptParser;
}

function sourceTypeOf(file: string, choice: ParserChoice): 'module' | 'commonjs' {
  const ext = path.extname(file);
  if (ext === '.mjs' || ext === '.mts') return 'module';
  if (ext === '.cjs' || ext === '.cts') return 'commonjs';
  return choice.sourceType === 'module' ? 'module' : 'commonjs';
}

interface LinterLike {
  verify(text: string, config: unknown[], options: { filename: string }): { fatal?: boolean; message: string }[];
}

const linters = new Map<string, LinterLike | null>();

/**
 * ESLint's own `Linter` (ESLint is the plugin's peer): it parses a file exactly as the user's config would. Its base
 * path is the file system root, so that no file of the package falls outside it.
 */
function eslintLinter(file: string): LinterLike | null {
  const root = path.parse(file).root;
  if (!linters.has(root)) {
    try {
      const { Linter } = createRequire(__filename)('eslint') as { Linter: new (options: object) => LinterLike };
      linters.set(root, new Linter({ configType: 'flat', cwd: root }));
    } catch {
      linters.set(root, null);
    }
  }
  return linters.get(root) ?? null;
}

const CAPTURE = 'secure-express-project';

/** The `SourceCode` of the file being parsed, handed out by the capture rule (parsing is synchronous). */
let captured: TSESLint.SourceCode | null = null;

const capturePlugin = {
  rules: {
    capture: {
      create: (context: { sourceCode: TSESLint.SourceCode }) => ({
        'Program:exit': () => {
          captured = context.sourceCode;
        },
      }),
    },
  },
};

/** One config array per parser, options, source type and extension: ESLint normalises a config array once. */
const configs = new Map<unknown, Map<string, unknown[]>>();

function configFor(parser: unknown, parserOptions: Record<string, unknown>, sourceType: string, ext: string): unknown[] {
  let byKey = configs.get(parser ?? null);
  if (!byKey) {
    byKey = new Map();
    configs.set(parser ?? null, byKey);
  }
  const key = `${sourceType}\0${ext}\0${JSON.stringify(parserOptions, (_, v: unknown) => (typeof v === 'function' ? undefined : v))}`;
  let config = byKey.get(key);
  if (!config) {
    const options: Record<string, unknown> = { ...parserOptions };
    for (const typed of TYPED_OPTIONS) delete options[typed];
    const languageOptions: Record<string, unknown> = { ecmaVersion: 'latest', sourceType, parserOptions: options };
    if (parser) languageOptions.parser = parser;
    config = [
      {
        // ESLint lints a file of another extension than .js only when a pattern names that extension.
        files: [`**/*${ext}`],
        languageOptions,
        plugins: { [CAPTURE]: capturePlugin },
        rules: { [`${CAPTURE}/capture`]: 'error' },
      },
    ];
    if (byKey.size >= 32) byKey.clear();
    byKey.set(key, config);
  }
  return config;
}

function tryParse(file: string, text: string, parser: unknown, parserOptions: Record<string, unknown>, sourceType: 'module' | 'commonjs'): TSESLint.SourceCode | null {
  const eslint = eslintLinter(file);
  if (!eslint) return null;
  const filename = path.extname(file) === '' ? `${file}.js` : file;
  captured = null;
  try {
    const messages = eslint.verify(text, configFor(parser, parserOptions, sourceType, path.extname(filename)), { filename });
    if (messages.some((m) => m.fatal)) return null;
  } catch {
    // Not this parser's language: try the next one, else the file stays unknown.
    return null;
  }
  const result = captured;
  captured = null;
  return result;
}

type Parse = (text: string, options: Record<string, unknown>) => TSESTree.Program;
type Analyze = (ast: TSESTree.Program, options: Record<string, unknown>) => TSESLint.Scope.ScopeManager;

let eslintScope: { analyze: Analyze } | null | undefined;

/** eslint-scope, ESLint's own scope analyser, found beside ESLint (the plugin's peer). */
function scopeAnalyser(): { analyze: Analyze } | null {
  if (eslintScope === undefined) {
    try {
      const load = createRequire(__filename);
      eslintScope = createRequire(load.resolve('eslint'))('eslint-scope') as { analyze: Analyze };
    } catch {
      eslintScope = null;
    }
  }
  return eslintScope;
}

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * Sets `parent` on every node, as ESLint does before rules run: through the parser's visitor keys (the children ESLint
 * itself visits), the properties of a node of a type they do not list. A recursive walk, one call per node: the same
 * walk as a loop over a stack was one long call that V8 compiled twice with its optimising compiler (on the stack, then
 * for the next file), which cost more than the walk itself on a small package (json-server: 57 M instructions, about
 * 1% of its lint; bench/speed-analysis.md, session 28). A tree deeper than the stack allows throws a `RangeError`
 * (acorn's and eslint-scope's own walks are recursive too): the file is then not read.
 */
function setParents(root: TSESTree.Node, keys: VisitorKeys | undefined): void {
  (root as { parent?: TSESTree.Node }).parent = undefined;
  setChildParents(root, keys);
}

function setChildParents(node: TSESTree.Node, keys: VisitorKeys | undefined): void {
  const record = node as unknown as Record<string, unknown>;
  const childKeys = keys?.[node.type] ?? ownKeys(node);
  for (let k = 0; k < childKeys.length; k++) {
    const value = record[childKeys[k]!];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (isNode(child)) {
          (child as { parent?: TSESTree.Node }).parent = node;
          setChildParents(child, keys);
        }
      }
    } else if (isNode(value)) {
      (value as { parent?: TSESTree.Node }).parent = node;
      setChildParents(value, keys);
    }
  }
}

/**
 * Sets `parent` on every node of a parse kept for ESLint by ESLint's own traversal (`SourceCode#traverse`, ESLint 9 and
 * 10: its walk sets `parent` through the same visitor keys as `setParents`, and the steps it returns, the nodes and
 * code-path events the rules' listeners are called with, are cached on the `SourceCode`). ESLint's lint of the file
 * asks the same `traverse()` first and gets the cached steps, so the tree is walked once where it was walked twice:
 * by `setParents` here, then by ESLint. For a parse ESLint never takes (a file not linted in the run) this costs the
 * code-path analysis more than `setParents`, so it is asked only for a file expected later in a run of lints.
 * `false` when the `SourceCode` has no such method, or its traversal failed: the parse is then not handed to ESLint
 * (its cached steps may be partial), and the caller sets the parents.
 */
function traversedForESLint(sourceCode: TSESLint.SourceCode): boolean {
  const traverse = (sourceCode as { traverse?: unknown }).traverse;
  if (typeof traverse !== 'function') return false;
  try {
    traverse.call(sourceCode);
    return true;
  } catch {
    withdrawSharedParse(sourceCode);
    return false;
  }
}

/** The properties of a node of a type the visitor keys do not list that may hold children. */
function ownKeys(node: TSESTree.Node): string[] {
  return Object.keys(node).filter((key) => key !== 'parent' && key !== 'loc' && key !== 'range' && key !== 'tokens' && key !== 'comments');
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && 'range' in value;
}

type ParsedForESLint = { ast: TSESTree.Program; scopeManager?: TSESLint.Scope.ScopeManager; visitorKeys?: VisitorKeys };

/** Per `parseForESLint` function of `@typescript-eslint/parser`: the same parse without tokens, comments and node maps (`leanTypescriptParse`). */
const leanParses = new WeakMap<object, ParseForESLint | null>();

/**
 * `@typescript-eslint/parser`'s `parseForESLint` always converts every token and comment (it sets `tokens` and
 * `comment` whatever it is asked) and keeps maps between its nodes and TypeScript's: the models of other files need
 * none of them, and on nest-server they were about a fifth of each parse. When `parser` is that parser (its module
 * loaded already, found by its `parseForESLint`), this calls its own typescript-estree and scope-manager as its
 * `parseForESLint` does, with `tokens`, `comment` and `preserveNodeMaps` off: the same tree (with `loc` and `range`)
 * and the same scopes (tests/project/parse.test.ts compares them). `null` for any other parser, or when those modules
 * are not loaded from where the parser loads them (nothing is loaded here).
 */
function leanTypescriptParse(parser: { parseForESLint?: unknown; meta?: { name?: unknown } }): ParseForESLint | null {
  const full = parser.parseForESLint;
  if (typeof full !== 'function' || parser.meta?.name !== 'typescript-eslint/parser') return null;
  let lean = leanParses.get(full);
  if (lean === undefined) {
    lean = null;
    try {
      lean = leanParseOf(full as ParseForESLint);
    } catch {
      lean = null;
    }
    leanParses.set(full, lean);
  }
  return lean;
}

function leanParseOf(full: ParseForESLint): ParseForESLint | null {
  const cache = createRequire(__filename).cache;
  const entry = Object.values(cache).find((m) => m?.filename.includes(`${path.sep}@typescript-eslint${path.sep}parser${path.sep}`) && (m.exports as { parseForESLint?: unknown } | undefined)?.parseForESLint === full);
  if (!entry) return null;
  const load = createRequire(entry.filename);
  const loaded = (name: string): unknown => {
    const file = load.resolve(name);
    return cache[file] ? load(file) : null;
  };
  const estree = loaded('@typescript-eslint/typescript-estree') as { parse?: Parse } | null;
  const scope = loaded('@typescript-eslint/scope-manager') as { analyze?: Analyze } | null;
  const keys = loaded('@typescript-eslint/visitor-keys') as { visitorKeys?: VisitorKeys } | null;
  const parse = estree?.parse;
  const analyze = scope?.analyze;
  const visitorKeys = keys?.visitorKeys;
  if (typeof parse !== 'function' || typeof analyze !== 'function' || !visitorKeys) return null;
  // (What @typescript-eslint/parser's `parseForESLint` does with its options, tokens, comments and node maps left out;
  // without a `project` it builds no program, so nothing comes from one.)
  return (text, given) => {
    const options: Record<string, unknown> = { ...given };
    if (options.sourceType !== 'module' && options.sourceType !== 'script') options.sourceType = 'script';
    if (typeof options.ecmaFeatures !== 'object') options.ecmaFeatures = {};
    const features = options.ecmaFeatures as { jsx?: unknown; globalReturn?: unknown };
    // (Both named: the parser's own error.)
    if (options.onUnsupportedTypeScriptVersion != null && options.warnOnUnsupportedTypeScriptVersion != null) return full(text, given);
    const onUnsupportedTypeScriptVersion =
      options.onUnsupportedTypeScriptVersion ?? (typeof options.warnOnUnsupportedTypeScriptVersion !== 'boolean' || options.warnOnUnsupportedTypeScriptVersion ? 'warn' : 'ignore');
    const ast = parse(text, {
      jsx: typeof features.jsx === 'boolean' ? features.jsx : false,
      ...options,
      onUnsupportedTypeScriptVersion,
      errorOnTypeScriptSyntacticAndSemanticIssues: false,
      comment: false,
      loc: true,
      range: true,
      tokens: false,
      preserveNodeMaps: false,
    });
    (ast as { sourceType: unknown }).sourceType = options.sourceType;
    const scopeManager = analyze(ast, { globalReturn: features.globalReturn, jsxFragmentName: options.jsxFragmentName, jsxPragma: options.jsxPragma, lib: options.lib, sourceType: options.sourceType });
    return { ast, scopeManager, visitorKeys };
  };
}

/**
 * Parses with the parser directly (ESLint's `Linter` would also run a code path analysis): `parseForESLint` gives
 * the scope manager (`@typescript-eslint/parser`'s without tokens and comments: `leanTypescriptParse`); a plain
 * `parse` (espree) gets eslint-scope's, as in ESLint.
 */
function parseDirectly(file: string, text: string, parser: unknown, parserOptions: Record<string, unknown>, sourceType: 'module' | 'commonjs'): TSESLint.SourceCode | null {
  const p = parser as { parseForESLint?: ParseForESLint; parse?: Parse } | null;
  if (typeof p?.parseForESLint !== 'function' && typeof p?.parse !== 'function') return null;
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const options: Record<string, unknown> = {
    ...parserOptions,
    ecmaVersion: 'latest',
    sourceType,
    range: true,
    // No tokens or comments: the models need none of them. `loc` stays: an espree tree without it keeps a third less
    // heap (Ghost's heap after a lint 5.7 MB less), but its nodes then have other shapes than the linted files' (with
    // `loc`), and the model's code, which reads both, ran 1–4% more instructions on express-gateway (session 20).
    loc: true,
    tokens: false,
    comment: false,
    filePath: file,
    ecmaFeatures: { ...(parserOptions.ecmaFeatures as object | undefined), globalReturn: sourceType === 'commonjs' },
  };
  for (const key of TYPED_OPTIONS) delete options[key];
  let ast: TSESTree.Program;
  let scopeManager: TSESLint.Scope.ScopeManager | null = null;
  let keys = (p as { VisitorKeys?: VisitorKeys }).VisitorKeys;
  try {
    if (typeof p.parseForESLint === 'function') {
      const lean = leanTypescriptParse(p);
      const result = (lean ? lean(source, options) : p.parseForESLint(source, options)) as ParsedForESLint;
      ast = result.ast;
      scopeManager = result.scopeManager ?? null;
      keys = result.visitorKeys ?? keys;
    } else {
      ast = p.parse!(source, options);
    }
    if (!scopeManager) {
      const analyser = scopeAnalyser();
      if (!analyser) return null;
      scopeManager = analyser.analyze(ast, { ecmaVersion: 2022, sourceType, nodejsScope: sourceType === 'commonjs', fallback: 'iteration' });
    }
    setParents(ast, keys);
  } catch {
    return null;
  }
  rememberText(ast, source);
  const getText = (node?: TSESTree.Node | TSESTree.Token): string => (node ? source.slice(node.range[0], node.range[1]) : source);
  // The parser's visitor keys, as ESLint's `SourceCode` has them (walks of a function of this file use them).
  return { ast, scopeManager, text: source, getText, visitorKeys: keys } as unknown as TSESLint.SourceCode;
}

const parsing = new WeakMap<object, boolean>();

/**
 * `parser` parsed the linted file in ESLint's own JavaScript language (the file's `SourceCode` is of that language:
 * `sharingFor`): it can parse, and `canParse` does not probe it. The probe's parse, with options of another shape than
 * those ESLint gives the parser, makes V8 compile the parser's hottest functions again, for both shapes, for the rest
 * of the process (bench/speed-analysis.md, session 37).
 */
export function parsedInEslint(parser: unknown): void {
  if ((typeof parser === 'object' && parser !== null) || typeof parser === 'function') parsing.set(parser, true);
}

/**
 * Whether a parser object can parse at all (an empty program, once per parser object, unless ESLint's own language
 * parsed a linted file with it: `parsedInEslint`). oxlint's `jsPlugins` hand
 * rules a parser whose `parse` throws: with it, other files are read with ESLint's own parser (and TS files with
 * `@typescript-eslint/parser`), and the linted file's `SourceCode` is not kept (it is not the file's own object).
 * No parser given (`undefined`) means ESLint's default parser.
 */
export function canParse(parser: unknown): boolean {
  if (parser === undefined || parser === null) return true;
  if (typeof parser !== 'object' && typeof parser !== 'function') return false;
  let result = parsing.get(parser);
  if (result === undefined) {
    const p = parser as { parseForESLint?: ParseForESLint; parse?: (text: string, options: Record<string, unknown>) => unknown };
    const options = { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, filePath: 'probe.js' };
    try {
      const parsed = typeof p.parseForESLint === 'function' ? p.parseForESLint('', options) : typeof p.parse === 'function' ? p.parse('', options) : null;
      result = typeof parsed === 'object' && parsed !== null;
    } catch {
      result = false;
    }
    parsing.set(parser, result);
  }
  return result;
}

let espreeParser: { parse: Parse } | null | undefined;

/** espree, ESLint's default parser, found beside ESLint (the plugin's peer). */
function defaultParser(): { parse: Parse } | null {
  if (espreeParser === undefined) {
    try {
      const load = createRequire(__filename);
      espreeParser = createRequire(load.resolve('eslint'))('espree') as { parse: Parse };
    } catch {
      espreeParser = null;
    }
  }
  return espreeParser;
}

/**
 * Parses another file of the package into what the per-file model needs of a `SourceCode` (`ast`, `scopeManager`,
 * `text`, `getText`) with the linted file's parser; when that parser cannot parse (or not this file), with
 * `@typescript-eslint/parser` for TS files when the project has it, else with ESLint's default parser (espree,
 * JSX on); ESLint's `Linter` when a parser cannot be called directly. `null` when no parser reads it.
 */
export function parseFile(file: string, text: string, choice: ParserChoice): TSESLint.SourceCode | null {
  const sourceType = sourceTypeOf(file, choice);
  // (Not with a type-checked parser's options: a parse of another file would build a program for it.)
  // (`onlyFast`, the first lint of a run, which may be the only one: `parseShared` keeps only a parse that costs about
  // what the project's own does when ESLint never takes it.)
  const shared = choice.shared;
  if (shared && path.extname(shared.filename) === path.extname(file) && sourceType === choice.sourceType && !TYPED_OPTIONS.some((key) => choice.parserOptions[key])) {
    try {
      const kept = parseShared(shared.sharing, file, text, shared.languageOptions, shared.onlyFast);
      if (kept) {
        if (!shared.lintedLater || !traversedForESLint(kept)) setParents(kept.ast, kept.visitorKeys as VisitorKeys);
        rememberText(kept.ast, kept.text);
        return kept;
      }
    } catch {
      // Parsed on the project's own, below.
    }
  }
  const attempt = (parser: unknown, options: Record<string, unknown>, type: 'module' | 'commonjs'): TSESLint.SourceCode | null =>
    parseDirectly(file, text, parser, options, type) ?? tryParse(file, text, parser, options, type);
  const given = canParse(choice.parser) ? choice.parser : null;
  let result: TSESLint.SourceCode | null = null;
  if (given !== null) {
    result = attempt(given, choice.parserOptions, sourceType);
    if (!result && sourceType === 'commonjs') result = attempt(given, choice.parserOptions, 'module');
  }
  if (result) return result;
  if (TS_EXTENSIONS.has(path.extname(file))) {
    const ts = optionalTypescriptParser();
    if (ts && ts !== given) result = attempt(ts, {}, sourceType);
    return result;
  }
  // The given parser is not usable here: ESLint's default parser, as ESLint itself would parse a plain JS file.
  const espree = defaultParser();
  if (given === null || (given !== undefined && given !== espree)) {
    const options = { ecmaFeatures: { jsx: true } };
    result = attempt(espree ?? undefined, options, sourceType);
    if (!result && sourceType === 'commonjs') result = attempt(espree ?? undefined, options, 'module');
  }
  return result;
}
