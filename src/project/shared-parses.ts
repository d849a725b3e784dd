import { createRequire } from 'node:module';
import path from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { MAX_ANALYSES, MAX_FIRST_LINT_SHARED_BYTES, MAX_SHARED_PARSE_BYTES } from './limits';

/**
 * Parses of other files shared with ESLint.
 *
 * The whole-app model parses files of the package that ESLint lints later in the same run (in a CLI lint of Ghost, 139
 * of 140; in json-server, 9 of 10): ESLint gives rules no say in the order, so each was parsed twice, and that second
 * parse was most of what the model cost on a small package (bench/speed-analysis.md, sessions 29 and 30). When the
 * linted file was parsed by ESLint's own JavaScript language (`js/js`, the language of every JS and TS file unless a
 * config names another), the project parses another file with that language's own `parse` and `createSourceCode` and
 * the linted file's `languageOptions` (exactly what ESLint does for a file whose config has them), and keeps the result
 * for ESLint's lint of that file: when ESLint then parses the same path with the same text and the very
 * `languageOptions` object the reading file had (ESLint makes one per combination of config blocks, so the same config
 * and settings), it gets that result instead of parsing again. Anything else (another text: an edit, a `--fix` pass,
 * stdin; another config; a second lint) is parsed by ESLint as always. Each kept parse is handed over once, and at most
 * `MAX_SHARED_PARSE_BYTES` of text are kept.
 *
 * ESLint has no API for this: the language object's `parse` and `createSourceCode` are wrapped in place, once per
 * ESLint loaded in the process, the first time a shared parse is kept (the ESLint whose `SourceCode` class made the
 * linted file's). The wrappers only hand over what the conditions above match and call ESLint's own functions
 * otherwise. `settings['secure-express'].shareParses: false` turns all of it off (the project then parses other
 * files on its own, without tokens and comments, as before).
 */

interface LanguageFile {
  path: string;
  physicalPath?: string;
  body: string;
  rawBody?: string;
  bom?: boolean;
}

interface ParseResult {
  ok: boolean;
}

interface LanguageContext {
  languageOptions: object;
}

/** The slice of ESLint's JavaScript language object (`lib/languages/js/index.js`) that sharing wraps. */
interface JsLanguage {
  parse(file: LanguageFile, context: LanguageContext): ParseResult;
  createSourceCode(file: LanguageFile, result: ParseResult, context: LanguageContext): TSESLint.SourceCode;
}

interface Kept {
  body: string;
  languageOptions: object;
  result: ParseResult;
  /**
   * The `SourceCode` the project reads and ESLint lints with: one object for both, as the model compares a node's file's
   * `SourceCode` with the linted file's (`sourceOf`).
   */
  sourceCode: TSESLint.SourceCode;
}

/** eslint-scope and the visitor keys beside one ESLint (`scopeOf`). */
interface ScopeTools {
  analyze: (ast: unknown, options: Record<string, unknown>) => TSESLint.Scope.ScopeManager;
  /** ESLint's `eslint-visitor-keys` `KEYS` (what its language gives an espree parse) and `getKeys`. */
  keys: object;
  getKeys: unknown;
  /** The espree beside that ESLint: the parser whose trees get these scopes. */
  espree: unknown;
  /**
   * The probes (`PROBES`) for the node types whose keys differ between ESLint's and estraverse's: whether the analysis
   * without `childVisitorKeys` gets their nodes wrong is asked of eslint-scope the first time a parse holds one
   * (`differs`), never before.
   */
  candidates: readonly Probe[];
  /** Each candidate's answer once asked: `true` when a parse with its nodes gets ESLint's own analysis. */
  verdicts: Map<Probe, boolean>;
}

interface Token {
  type: string;
  value: string;
}

interface Probe {
  types: readonly string[];
  text: string;
  /** Whether a text may hold such a node (a cheap test of the text, before `holds`: never `false` for one that does). */
  may: RegExp;
  /** Whether a parse may hold such a node, by its tokens (never `false` for one that does). */
  holds: (tokens: readonly Token[]) => boolean;
}

/**
 * The node types whose visitor keys may differ between ESLint's and estraverse's (which eslint-scope's visitors walk
 * without `childVisitorKeys`), each with a text that has such nodes in every place they may hold a reference, and
 * what a parse must hold to have one. Whether the difference changes the scopes is asked of the installed eslint-scope
 * itself, once per ESLint and probe, when a parse first holds such nodes (`differs`): on ESLint 10.15 only `import()`'s
 * options do (its second argument may name a variable), import and export attributes and static blocks give the same
 * scopes. JSX is never analysed so (its nodes are not estraverse's, and ESLint's order of their children is not the
 * nodes' own).
 *
 * Not asked before a parse needs it, and so never in a lint of CommonJS files without `import()` or static blocks:
 * asked up front, the probe's parse of module syntax (with espree's functions, the ones ESLint parses every file with)
 * changed what V8 made of them for the rest of the process, and every later parse of a CommonJS package kept its
 * objects through more collections (apostrophe: 9 more scavenges and 70 MB more promoted in one lint;
 * bench/speed-analysis.md, session 35).
 */
const PROBES: readonly Probe[] = [
  {
    types: ['ImportDeclaration', 'ImportAttribute', 'ImportSpecifier', 'ImportDefaultSpecifier', 'ImportNamespaceSpecifier', 'ExportAllDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportSpecifier'],
    text: "import a from './a.json' with { type: 'json' }; import * as b from './b.js'; import { c as d, e } from './c.js';\nexport { x } from './y.js' with { type: 'json' }; export * from './z.js' with { type: 'json' }; export * as ns from './w.js';\nconst q = a(b, d, e); export { q as r }; export default function f() { return q; } export const s = () => q;",
    may: /\b(?:import|export)\b/u,
    // (An `export`, or an `import` that is not `import(` or `import.meta`: only a module has them.)
    holds: (tokens) => tokens.some((token, i) => token.type === 'Keyword' && (token.value === 'export' || (token.value === 'import' && tokens[i + 1]?.value !== '(' && tokens[i + 1]?.value !== '.'))),
  },
  {
    types: ['ImportExpression'],
    text: "const foo = 1; const bar = 'x'; import(bar, { with: { type: foo } }).then((m) => m); const all = [...import(`./${bar}.js`, { with: { type: foo } })];",
    may: /\bimport\b/u,
    // (The keyword right before a parenthesis, whatever comments or line breaks are between them; not `import.meta`.)
    holds: (tokens) => tokens.some((token, i) => token.type === 'Keyword' && token.value === 'import' && tokens[i + 1]?.value === '('),
  },
  {
    types: ['StaticBlock'],
    text: 'let outer = 1; class A { static x = outer; static { foo(outer); let y = 1; this.z = y; } #p = 2; m() { return this.#p; } }',
    may: /\bstatic\b/u,
    holds: (tokens) => tokens.some((token, i) => token.value === 'static' && tokens[i + 1]?.value === '{' && tokens[i + 1]?.type === 'Punctuator'),
  },
];

/** Types of estraverse's keys no espree tree has (comprehensions, the experimental spread properties): they do not matter. */
const NEVER_PARSED = new Set(['ExperimentalRestProperty', 'ExperimentalSpreadProperty', 'ComprehensionBlock', 'ComprehensionExpression', 'GeneratorExpression', 'DirectiveStatement', 'ModuleSpecifier']);

/** One ESLint's JavaScript language, with its own functions and the parses kept for it. */
export interface ParseSharing {
  readonly scope: ScopeTools | null;
  readonly parse: JsLanguage['parse'];
  readonly createSourceCode: JsLanguage['createSourceCode'];
  readonly kept: Map<string, Kept>;
  keptBytes: number;
  /** How many kept parses got their scopes without `childVisitorKeys` (`scopeOf`). */
  fastScopes: number;
  /** Parse results handed to ESLint's `parse`, until its `createSourceCode` takes their `SourceCode`. */
  readonly handed: WeakMap<object, TSESLint.SourceCode>;
  /** The files ESLint's `parse` was called for since it was wrapped (up to `MAX_ANALYSES`, then anew): `parsedByESLint`. */
  readonly parsedPaths: Set<string>;
  wrapped: boolean;
}

const LANGUAGE_FILE = `${path.sep}lib${path.sep}languages${path.sep}js${path.sep}index.js`;

/** Per `SourceCode` class (one per ESLint loaded): its ESLint's sharing, `null` when it has none. */
const byClass = new WeakMap<object, ParseSharing | null>();

let handedOver = 0;

/** Every ESLint language wrapped, and per kept `SourceCode` the sharing and file it is kept under. */
const sharings = new Set<ParseSharing>();
const keptAt = new WeakMap<object, { sharing: ParseSharing; file: string }>();

/**
 * A kept parse on whose tree the Express model is about to cache a model for another file's question (`modelOfView`,
 * with that file's settings and its view of the package): it is not handed to ESLint, whose lint of the file builds its
 * own. (A hand-over needs the same config object, so the settings are the same anyway: this is the second guard.)
 */
export function withdrawSharedParse(sourceCode: object): void {
  const at = keptAt.get(sourceCode);
  if (at && at.sharing.kept.get(at.file)?.sourceCode === sourceCode) take(at.sharing, at.file);
}

/** Drops every kept parse (a run of lints ended: an editor's next lint, a `--fix` pass, a pause). */
export function dropSharedParses(): void {
  for (const sharing of sharings) {
    sharing.kept.clear();
    sharing.keptBytes = 0;
  }
}

/**
 * Whether ESLint's language of `sharing` parsed `file` since the project first shared a parse with it (a file linted
 * before, in this run or an earlier one): a parse of it kept for ESLint is taken only by a lint of it again.
 */
export function parsedByESLint(sharing: ParseSharing, file: string): boolean {
  return sharing.parsedPaths.has(file);
}

/** How many parses ESLint took from the project this process (`npm run count` and `npm run bench` print it). */
export function sharedParseCount(): number {
  return handedOver;
}

/**
 * The sharing of the ESLint that made `sourceCode` (the linted file's): found by its `SourceCode` class among the
 * ESLint languages loaded in the process. `null` for a `SourceCode` of another language or of a linter that is not
 * ESLint (oxlint's `jsPlugins`), or when that ESLint's language has not the expected shape.
 */
export function sharingFor(sourceCode: unknown): ParseSharing | null {
  if (typeof sourceCode !== 'object' || sourceCode === null) return null;
  const made = Object.getPrototypeOf(sourceCode) as { constructor?: unknown } | null;
  const cls = made?.constructor;
  if (typeof cls !== 'function') return null;
  let sharing = byClass.get(cls);
  if (sharing === undefined) {
    sharing = findSharing(cls);
    byClass.set(cls, sharing);
  }
  return sharing;
}

function findSharing(cls: object): ParseSharing | null {
  try {
    const cache = createRequire(__filename).cache;
    for (const file of Object.keys(cache)) {
      if (!file.endsWith(LANGUAGE_FILE)) continue;
      const language = cache[file]?.exports as Partial<JsLanguage> | undefined;
      if (typeof language?.parse !== 'function' || typeof language.createSourceCode !== 'function') continue;
      // (ESLint's `SourceCode` of that language, loaded beside it.)
      const sourceCodeModule = cache[path.join(path.dirname(file), 'source-code', 'index.js')]?.exports as { SourceCode?: unknown } | undefined;
      if (sourceCodeModule?.SourceCode !== cls) continue;
      return wrap(language as JsLanguage, scopeToolsBeside(file));
    }
  } catch {
    // Not an ESLint this can share with: the project parses on its own.
  }
  return null;
}

const SHARING = Symbol.for('eslint-plugin-secure-express/shared-parses');

/** Wraps `language`'s `parse` and `createSourceCode` (once per language object, also across copies of the plugin). */
function wrap(language: JsLanguage, scope: ScopeTools | null): ParseSharing | null {
  const marked = language as JsLanguage & { [SHARING]?: ParseSharing };
  if (marked[SHARING]) return marked[SHARING];
  const parse = language.parse;
  const createSourceCode = language.createSourceCode;
  const sharing: ParseSharing = { scope, parse, createSourceCode, kept: new Map(), keptBytes: 0, fastScopes: 0, handed: new WeakMap(), parsedPaths: new Set(), wrapped: false };
  try {
    language.parse = function sharedParse(this: unknown, file: LanguageFile, context: LanguageContext): ParseResult {
      if (typeof file?.path === 'string') {
        if (sharing.parsedPaths.size >= MAX_ANALYSES) sharing.parsedPaths.clear();
        sharing.parsedPaths.add(file.path);
      }
      const kept = typeof file?.path === 'string' ? take(sharing, file.path) : undefined;
      // (The very object the linted file had: ESLint makes one per combination of config blocks a file matches, so the
      // same object means the same config, settings included. Equal options under other settings are not enough: the
      // project's answers on the kept tree were built with the linted file's settings.)
      if (kept && kept.body === file.body && kept.languageOptions === context?.languageOptions) {
        sharing.handed.set(kept.result, kept.sourceCode);
        handedOver++;
        return kept.result;
      }
      return parse.call(this, file, context);
    };
    language.createSourceCode = function sharedSourceCode(this: unknown, file: LanguageFile, result: ParseResult, context: LanguageContext): TSESLint.SourceCode {
      const sourceCode = typeof result === 'object' && result !== null ? sharing.handed.get(result) : undefined;
      if (sourceCode) {
        sharing.handed.delete(result);
        return sourceCode;
      }
      return createSourceCode.call(this, file, result, context);
    };
    Object.defineProperty(language, SHARING, { value: sharing });
    sharing.wrapped = true;
    sharings.add(sharing);
  } catch {
    // A frozen language object: nothing is shared.
    language.parse = parse;
    language.createSourceCode = createSourceCode;
    return null;
  }
  return sharing;
}

function take(sharing: ParseSharing, file: string): Kept | undefined {
  const kept = sharing.kept.get(file);
  if (kept) {
    sharing.kept.delete(file);
    sharing.keptBytes -= kept.body.length;
  }
  return kept;
}

/**
 * Parses another file of the package with `sharing`'s ESLint language and `languageOptions` (the linted file's), as
 * ESLint does, and keeps the result for ESLint's own lint of that file. `null` when the file does not parse so, or with
 * `onlyFast` when its scopes would be ESLint's own analysis (JSX): the first lint of a run, which may be the only one,
 * keeps only a parse that costs about what the project's own does.
 */
export function parseShared(sharing: ParseSharing, file: string, text: string, languageOptions: object, onlyFast = false): TSESLint.SourceCode | null {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  if (body.length > MAX_SHARED_PARSE_BYTES) return null;
  // (The first lint of a run: not beyond its bound, and not what ESLint's own scope analysis would have to make.)
  if (onlyFast && (sharing.keptBytes + body.length > MAX_FIRST_LINT_SHARED_BYTES || !scopesFast(sharing, languageOptions))) return null;
  const vfile: LanguageFile = { path: file, physicalPath: file, body, rawBody: text, bom };
  const result = sharing.parse(vfile, { languageOptions }) as ParseResult & { ast?: unknown; visitorKeys?: unknown; scopeManager?: unknown };
  if (!result?.ok) return null;
  const scopeManager = scopeOf(sharing, result, languageOptions, body);
  if (scopeManager) {
    result.scopeManager = scopeManager;
    sharing.fastScopes++;
  } else if (onlyFast) {
    // (JSX or an `import()`, found in the parse: the project parses the file on its own.)
    return null;
  }
  const sourceCode = sharing.createSourceCode(vfile, result, { languageOptions });
  take(sharing, file);
  // (The oldest kept first: a file ESLint lints later in the same run is usually asked for soon before.)
  for (const name of sharing.kept.keys()) {
    if (sharing.keptBytes + body.length <= MAX_SHARED_PARSE_BYTES) break;
    take(sharing, name);
  }
  sharing.kept.set(file, { body, languageOptions, result, sourceCode });
  sharing.keptBytes += body.length;
  keptAt.set(sourceCode, { sharing, file });
  return sourceCode;
}

/**
 * eslint-scope beside ESLint's JS language at `languageFile`, with what a text must not hold for its analysis without
 * `childVisitorKeys` to be the one ESLint makes with them (`PROBES`). `null` when the two kinds of visitor keys differ for
 * a node type no probe covers.
 */
function scopeToolsBeside(languageFile: string): ScopeTools | null {
  try {
    const load = createRequire(languageFile);
    const evk = load('eslint-visitor-keys') as { KEYS?: object; getKeys?: unknown };
    const scope = load('eslint-scope') as { analyze?: ScopeTools['analyze'] };
    const espree = load('espree') as { parse?: (text: string, options: object) => unknown };
    // (Without `childVisitorKeys`, eslint-scope's visitors walk estraverse's keys, through esrecurse.)
    const recurse = createRequire(createRequire(load.resolve('eslint-scope')).resolve('esrecurse'));
    const own = recurse('estraverse') as { VisitorKeys?: object };
    if (!evk.KEYS || typeof scope.analyze !== 'function' || typeof espree.parse !== 'function' || !own.VisitorKeys) return null;
    const theirs = evk.KEYS as Record<string, unknown>;
    const mine = own.VisitorKeys as Record<string, unknown>;
    const candidates = new Set<Probe>();
    for (const type of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      if (JSON.stringify(theirs[type]) === JSON.stringify(mine[type]) || NEVER_PARSED.has(type) || type.startsWith('JSX')) continue;
      const probe = PROBES.find((p) => p.types.includes(type));
      if (!probe) return null;
      candidates.add(probe);
    }
    return { analyze: scope.analyze, keys: evk.KEYS, getKeys: evk.getKeys, espree, candidates: [...candidates], verdicts: new Map() };
  } catch {
    return null;
  }
}

/**
 * Whether eslint-scope's analysis without `childVisitorKeys` gets `probe`'s nodes wrong (its text analysed both ways),
 * asked once per ESLint and probe. `true` when the probe cannot be asked (a parser or analysis that throws on it).
 */
function differs(sharing: ParseSharing, tools: ScopeTools, probe: Probe, languageOptions: object): boolean {
  let verdict = tools.verdicts.get(probe);
  if (verdict === undefined) {
    try {
      // (Parsed as ESLint parses a file: by its language, with the linted file's options as a module. espree called
      // with options of another shape makes V8 compile its hottest functions again, for both shapes, for the rest of
      // the process: bench/speed-analysis.md, session 37.)
      const file: LanguageFile = { path: 'probe.mjs', physicalPath: 'probe.mjs', body: probe.text, rawBody: probe.text, bom: false };
      const result = sharing.parse(file, { languageOptions: { ...languageOptions, sourceType: 'module' } }) as ParseResult & { ast?: unknown };
      if (!result?.ok || !result.ast) throw new Error('probe not parsed');
      const ast = result.ast;
      const options = { ignoreEval: true, ecmaVersion: 2026, sourceType: 'module', fallback: tools.getKeys };
      verdict = scopeSignature(tools.analyze(ast, { ...options, childVisitorKeys: tools.keys })) !== scopeSignature(tools.analyze(ast, options));
    } catch {
      verdict = true;
    }
    tools.verdicts.set(probe, verdict);
  }
  return verdict;
}

interface ScopeShape {
  type: string;
  block: { range: [number, number] };
  variables: { name: string; defs: { type: string; name: { range: [number, number] } }[]; references: { identifier: { range: [number, number] } }[] }[];
  references: { identifier: { range: [number, number] }; resolved: { name: string } | null; flag: number }[];
  through: { identifier: { range: [number, number] } }[];
}

/** Every scope of an analysis as text: its variables with their definitions and references, its references in order. */
function scopeSignature(manager: TSESLint.Scope.ScopeManager): string {
  return (manager.scopes as unknown as ScopeShape[])
    .map((s) =>
      JSON.stringify([
        s.type,
        s.block.range,
        s.variables.map((v) => [v.name, v.defs.map((d) => [d.type, d.name.range]), v.references.map((r) => r.identifier.range)]),
        s.references.map((r) => [r.identifier.range, r.resolved?.name ?? null, r.flag]),
        s.through.map((r) => r.identifier.range),
      ]),
    )
    .join('\n');
}

/**
 * ESLint's scope analysis of an espree parse (its JS language's `analyzeScope`: the same options), without its
 * `childVisitorKeys`: eslint-scope copies that object for every visitor it makes, and on express-gateway's 139 files
 * the analysis took 70 ms with it against 13 ms without. Without it the visitors walk estraverse's keys, which differ
 * from ESLint's for some node types: only for a text without what `PROBES` found to change the scopes, and not for a
 * text that may hold JSX. Set on the parse result, ESLint's `createSourceCode` takes it instead of analysing again.
 * `null` for a parser that gives its own scopes (typescript-eslint), other visitor keys, or options this does not know.
 */
function scopeOf(sharing: ParseSharing, result: { ast?: unknown; visitorKeys?: unknown; scopeManager?: unknown }, languageOptions: object, text: string): TSESLint.Scope.ScopeManager | null {
  const tools = sharing.scope;
  if (!tools || result.scopeManager || result.visitorKeys !== tools.keys || !scopesFast(sharing, languageOptions)) return null;
  const options = languageOptions as { ecmaVersion: number; sourceType: string; parserOptions?: { ecmaFeatures?: Record<string, unknown> } };
  const features = options.parserOptions?.ecmaFeatures ?? {};
  const tokens = (result.ast as { tokens?: readonly Token[] }).tokens;
  if (!tokens) return null;
  // (A probe known to give the same scopes is not looked for again.)
  if (tools.candidates.some((probe) => tools.verdicts.get(probe) !== false && probe.may.test(text) && probe.holds(tokens) && differs(sharing, tools, probe, languageOptions))) return null;
  if (features.jsx && text.includes('<') && holdsJsx(tokens)) return null;
  return tools.analyze(result.ast, {
    ignoreEval: true,
    nodejsScope: features.globalReturn,
    impliedStrict: features.impliedStrict,
    ecmaVersion: options.ecmaVersion,
    sourceType: options.sourceType,
    fallback: tools.getKeys,
    jsx: features.jsx,
  });
}

/**
 * Whether a parse with JSX on may hold JSX, by its tokens: a JSX name or text, or a fragment (a `<` right before a `>`,
 * which no other syntax has). JSX is left to ESLint's own analysis: estraverse has no keys for its nodes, and the
 * fallback walks an element's attributes before its name, where ESLint's keys walk the name first.
 */
function holdsJsx(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'JSXIdentifier' || token.type === 'JSXText') return true;
    if (token.value === '<' && token.type === 'Punctuator' && tokens[i + 1]?.value === '>') return true;
  }
  return false;
}

/**
 * Whether a parse with `languageOptions` may get its scopes without `childVisitorKeys` (`scopeOf`): ESLint's espree and
 * options this knows. What the text holds (JSX, nodes of a probe whose scopes differ) is found in the parse's tokens.
 */
export function scopesFast(sharing: ParseSharing, languageOptions: object): boolean {
  const tools = sharing.scope;
  const options = languageOptions as { parser?: unknown; ecmaVersion?: unknown; sourceType?: unknown };
  return tools !== null && options.parser === tools.espree && typeof options.ecmaVersion === 'number' && typeof options.sourceType === 'string';
}
