import { createRequire } from 'node:module';
import path from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { MAX_SHARED_PARSE_BYTES } from './limits';

/**
 * Parses of other files shared with ESLint.
 *
 * The whole-app model parses files of the package that ESLint lints later in the same run (in a CLI lint of Ghost, 139
 * of 140; in json-server, 9 of 10): ESLint gives rules no say in the order, so each was parsed twice, and that second
 * parse was most of what the model cost on a small package (bench/speed-analysis.md, sessions 29 and 30). When the
 * linted file was parsed by ESLint's own JavaScript language (`js/js`, the language of every JS and TS file unless a
 * config names another), the project parses another file with that language's own `parse` and `createSourceCode` and
 * the linted file's `languageOptions` (exactly what ESLint does for a file whose config has them), and keeps the result
 * for ESLint's lint of that file: when ESLint then parses the same path with the same text and options that parse the
 * same way (the same parser, `ecmaVersion`, `sourceType` and `parserOptions`), it gets that result instead of parsing
 * again. Anything else (another text: an edit, a `--fix` pass, stdin; other options; a second lint) is parsed by ESLint
 * as always. Each kept parse is handed over once, and at most `MAX_SHARED_PARSE_BYTES` of text are kept.
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
  sourceCode: TSESLint.SourceCode;
}

/** eslint-scope and the visitor keys beside one ESLint (`scopeOf`). */
interface ScopeTools {
  analyze: (ast: unknown, options: Record<string, unknown>) => TSESLint.Scope.ScopeManager;
  /** ESLint's `eslint-visitor-keys` `KEYS` (what its language gives an espree parse) and `getKeys`. */
  keys: object;
  getKeys: unknown;
  /** Words a text must not hold for the analysis without `childVisitorKeys` to be ESLint's (`GATED_TYPES`). */
  absent: readonly RegExp[];
}

/**
 * Node types whose visitor keys may differ between ESLint's and the ones eslint-scope falls back to without
 * `childVisitorKeys` (estraverse's), each with a word a text must hold to have such a node: import and export syntax
 * (ESLint 10's import attributes and `import()` options), class static blocks. JSX is left to ESLint's own analysis.
 * Types no espree tree has (estraverse's comprehensions, the experimental spread properties) do not matter.
 */
const GATED_TYPES: Readonly<Record<string, string>> = {
  ExportAllDeclaration: 'export',
  ExportNamedDeclaration: 'export',
  ExportSpecifier: 'export',
  ImportAttribute: 'import',
  ImportDeclaration: 'import',
  ImportExpression: 'import',
  StaticBlock: 'static',
};
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
 * A kept parse on whose tree the Express model is about to cache answers for another file's question, with that file's
 * settings (`modelOfView`): it is not handed to ESLint, whose lint of the file builds its own with its own settings.
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
  const sharing: ParseSharing = { scope, parse, createSourceCode, kept: new Map(), keptBytes: 0, fastScopes: 0, handed: new WeakMap(), wrapped: false };
  try {
    language.parse = function sharedParse(this: unknown, file: LanguageFile, context: LanguageContext): ParseResult {
      const kept = typeof file?.path === 'string' ? take(sharing, file.path) : undefined;
      if (kept && kept.body === file.body && sameParse(kept.languageOptions, context?.languageOptions)) {
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
 * ESLint does, and keeps the result for ESLint's own lint of that file. `null` when the file does not parse so.
 */
export function parseShared(sharing: ParseSharing, file: string, text: string, languageOptions: object): TSESLint.SourceCode | null {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const vfile: LanguageFile = { path: file, physicalPath: file, body, rawBody: text, bom };
  const result = sharing.parse(vfile, { languageOptions });
  if (!result?.ok) return null;
  const scopeManager = scopeOf(sharing, result as ParseResult & { ast?: unknown; visitorKeys?: unknown; scopeManager?: unknown }, languageOptions, body);
  if (scopeManager) {
    (result as { scopeManager?: unknown }).scopeManager = scopeManager;
    sharing.fastScopes++;
  }
  const sourceCode = sharing.createSourceCode(vfile, result, { languageOptions });
  take(sharing, file);
  if (body.length <= MAX_SHARED_PARSE_BYTES) {
    // (The oldest kept first: a file ESLint lints later in the same run is usually asked for soon before.)
    for (const [old, kept] of sharing.kept) {
      if (sharing.keptBytes + body.length <= MAX_SHARED_PARSE_BYTES) break;
      sharing.kept.delete(old);
      sharing.keptBytes -= kept.body.length;
    }
    sharing.kept.set(file, { body, languageOptions, result, sourceCode });
    sharing.keptBytes += body.length;
    keptAt.set(sourceCode, { sharing, file });
  }
  return sourceCode;
}

/**
 * eslint-scope beside ESLint's JS language at `languageFile`, when its own visitor keys (its default `childVisitorKeys`)
 * list the same children as ESLint's: then an analysis without `childVisitorKeys` is ESLint's analysis. `null` else.
 */
function scopeToolsBeside(languageFile: string): ScopeTools | null {
  try {
    const load = createRequire(languageFile);
    const evk = load('eslint-visitor-keys') as { KEYS?: object; getKeys?: unknown };
    const scope = load('eslint-scope') as { analyze?: ScopeTools['analyze'] };
    // (Without `childVisitorKeys`, eslint-scope's visitors walk estraverse's keys, through esrecurse.)
    const recurse = createRequire(createRequire(load.resolve('eslint-scope')).resolve('esrecurse'));
    const own = recurse('estraverse') as { VisitorKeys?: object };
    if (!evk.KEYS || typeof scope.analyze !== 'function' || !own.VisitorKeys) return null;
    const theirs = evk.KEYS as Record<string, unknown>;
    const mine = own.VisitorKeys as Record<string, unknown>;
    const absent = new Set<string>();
    for (const type of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      if (JSON.stringify(theirs[type]) === JSON.stringify(mine[type]) || NEVER_PARSED.has(type) || type.startsWith('JSX')) continue;
      const word = GATED_TYPES[type];
      if (!word) return null;
      absent.add(word);
    }
    // (The word as a keyword may be: not a property, `module.exports`, `express.static`.)
    return { analyze: scope.analyze, keys: evk.KEYS, getKeys: evk.getKeys, absent: [...absent].map((word) => new RegExp(`(?<![.\\w$])${word}(?![\\w$])`, 'u')) };
  } catch {
    return null;
  }
}

/**
 * ESLint's scope analysis of an espree parse (its JS language's `analyzeScope`: the same options), without its
 * `childVisitorKeys`: eslint-scope copies that object for every visitor it makes, and on express-gateway's 139 files
 * the analysis took 70 ms with it against 13 ms without. Without it the visitors walk estraverse's keys, which differ
 * from ESLint's for import and export syntax and static blocks (`GATED_TYPES`): only for a text without those words,
 * and not for a text that may hold JSX. Set on the
 * parse result, ESLint's `createSourceCode` takes it instead of analysing again. `null` for a parser that gives its
 * own scopes (typescript-eslint), other visitor keys, or options this does not know.
 */
function scopeOf(sharing: ParseSharing, result: { ast?: unknown; visitorKeys?: unknown; scopeManager?: unknown }, languageOptions: object, text: string): TSESLint.Scope.ScopeManager | null {
  const tools = sharing.scope;
  if (!tools || result.scopeManager || result.visitorKeys !== tools.keys) return null;
  if (tools.absent.some((word) => word.test(text))) return null;
  const options = languageOptions as { ecmaVersion?: unknown; sourceType?: unknown; parserOptions?: { ecmaFeatures?: Record<string, unknown> } };
  if (typeof options.ecmaVersion !== 'number' || typeof options.sourceType !== 'string') return null;
  const features = options.parserOptions?.ecmaFeatures ?? {};
  // (JSX nodes, which need a `<`: estraverse has no keys for them, and ESLint's order is not the nodes' own.)
  if (features.jsx && text.includes('<')) return null;
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
 * Whether two `languageOptions` parse a text into the same tree and scopes: the same parser, `ecmaVersion`,
 * `sourceType` and `parserOptions` (`globals` and the rest are applied to the `SourceCode` afterwards, by ESLint).
 */
export function sameParse(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as { parser?: unknown; ecmaVersion?: unknown; sourceType?: unknown; parserOptions?: unknown };
  const y = b as typeof x;
  return x.parser === y.parser && x.ecmaVersion === y.ecmaVersion && x.sourceType === y.sourceType && sameValue(x.parserOptions, y.parserOptions, 0);
}

/** Deep equality of plain option values (functions and other objects by identity). */
function sameValue(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 8) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}
