import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';

import { isNodeOf } from '../express/ast';
import { readSettings } from '../express/settings';
import { caught } from './caught';
import { ADAPTED_REQUEST_HINT, startsWholeAppWalk } from '../project/scan';
import { fileSigns, type FileSigns } from './file-gate';
import { GRAPHQL_MODULE_TEXT, RESOLVER_MAP_TEXT } from '../express/graphql';

export { fileSigns, mayHaveApps, moduleNames, type FileSigns, type ModuleNames } from './file-gate';

/** Which shipped config turns a rule on: `recommended` rules are in both configs, `strict` ones only in `strict`. */
export type ConfigName = 'recommended' | 'strict';

export interface SecureExpressDocs {
  description: string;
  /** The first config that holds the rule. */
  recommended: ConfigName;
  /**
   * Options the `strict` config passes instead of the defaults, for rules that tighten there
   * (for example `secure-cookies` with `requireExpiry`).
   */
  strictOptions?: readonly unknown[];
  /**
   * The rule checks how an app is set up (middleware, settings, cookies, sessions, secrets, limits, TLS) rather
   * than code that handles request data. The shipped configs do not run it in test and fixture files, where
   * harnesses set apps up loosely on purpose.
   */
  appConfiguration?: boolean;
}

export const REPO_URL = 'https://github.com/secure-express/eslint-plugin-secure-express';

const ruleCreator = ESLintUtils.RuleCreator<SecureExpressDocs>((name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`);

/**
 * Rules about code that needs no Express at all (TLS options, regexes, SQL text, password hashes, database
 * passwords): they run in every JavaScript file, so the per-file gate does not apply to them.
 */
export const EVERY_FILE_RULES: ReadonlySet<string> = new Set([
  'no-hardcoded-secrets',
  'no-insecure-tls',
  'no-sql-injection',
  'no-unsafe-regex',
  'no-weak-password-hash',
]);

/**
 * The module names and words of `src/data/` that the Express rules react to, as plain text. A superset on
 * purpose (`session` also matches `sessionStore`): the gate only has to be cheap and never miss. ASCII case folding
 * only (no `u` flag, a fifth faster on the corpus): the rules compare names exactly, so the word as they read it is in
 * the text whenever they can react.
 */
const MODULE_TEXT =
  /express|helmet|session|cookie|cors|csrf|csurf|lusca|multer|body-?parser|passport|jwt|jsonwebtoken|rate-?limit|slow-down|brute|hpkp|expect-ct|feature-policy|x-xss-protection|access-control-allow|trust proxy|serve-index|ejs|pug|jade|handlebars|hbs|mustache|nunjucks|swig|mongo|createServer|Router|listen|nestjs|routing-controllers|tsoa/i;
/**
 * A function with the parameters of a handler: `(req, res`, `(err, req, res, next)`, `(request: Request, ...`, a
 * destructured request `({ body, query }, res)`.
 */
const HANDLER_SHAPE = /\b(?:req|request)\b\s*(?::[^,()]*)?,\s*(?:res|response|reply)\b|\}\s*(?::[^,()]*)?,\s*(?:res|response)\b|\b(?:Request|Response)\b/u;
/**
 * `require('./app')`, `import x from '../routes'`, `import('./lazy')`: a module of the same project. Any string that
 * starts with `./` or `../` counts (a superset), and the usual tsconfig `paths` aliases `@/` and `~/`.
 */
const LOCAL_IMPORT = /['"`](?:\.\.?|[@~])\//u;

/** How many distinct option sets a rule keeps merged. */
const MAX_OPTION_SETS = 64;

const gateCache = new WeakMap<object, boolean>();
const singleFileGateCache = new WeakMap<object, boolean>();

/**
 * Whether a JavaScript/TypeScript file can matter to the plugin's Express rules, decided once per file from its
 * text (cached on the AST, shared by every rule): it names one of the modules the rules know, has a
 * handler-shaped function, or (with the whole-app model on, `crossFile`) imports a local module and shows a sign of
 * Express that starts the whole-app walk (`startsWholeAppWalk`: e.g. an `(app)` parameter that an importer may hand an
 * app). A file with local imports and no such sign gets no whole-app view (src/project `crossFileFor`), so its model
 * is the one of a file without them; with the whole-app model off (`settings['secure-express'].crossFile: false`)
 * every file's model is, so its local imports are not looked at.
 * Conservative: widen it (never narrow it) when a rule starts reacting to something else.
 */
export function fileCanMatter(sourceCode: { ast: object; text: string }, crossFile = true): boolean {
  const cache = crossFile ? gateCache : singleFileGateCache;
  let verdict = cache.get(sourceCode.ast);
  if (verdict === undefined) {
    const text = sourceCode.text;
    verdict =
      HANDLER_SHAPE.test(text) ||
      MODULE_TEXT.test(text) ||
      // A GraphQL server whose resolvers get request data (`GRAPHQL_MODULE_TEXT`), or a resolver map a server of another
      // file is given, which may import nothing the rules know (`RESOLVER_MAP_TEXT`).
      GRAPHQL_MODULE_TEXT.test(text) ||
      RESOLVER_MAP_TEXT.test(text) ||
      // (A controller of a route adapter may import nothing: its factory is handed its dependencies, `ADAPTED_REQUEST_HINT`.)
      (crossFile && (LOCAL_IMPORT.test(text) || ADAPTED_REQUEST_HINT.test(text)) && startsWholeAppWalk(text));
    cache.set(sourceCode.ast, verdict);
  }
  return verdict;
}

/** `fileCanMatter` for the file a rule's context lints, under that context's settings. */
export function contextCanMatter(context: { sourceCode: { ast: object; text: string }; settings?: Readonly<Record<string, unknown>> }): boolean {
  return fileCanMatter(context.sourceCode, readSettings(context.settings).crossFile);
}

/** A rule definition as `RuleCreator` takes it, with the rule's own gate. */
export interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string>
  extends ESLintUtils.RuleWithMetaAndName<Options, MessageIds, SecureExpressDocs> {
  /**
   * Whether the rule may report in a file, from what the file shows (`FileSigns`: the modules it names as strings,
   * whether it may hold an app or receive requests): `false` only where the rule provably reports nothing, since the
   * rule then registers no listener there. Asked after the shared gate (`fileCanMatter`), so a rule without one runs
   * in every file that passes that gate.
   */
  gate?: (file: FileSigns) => boolean;
}

/**
 * `RuleCreator` plus three guarantees:
 * - a JavaScript rule (no `meta.languages`) that a user turns on in a config object without `files` also reaches
 *   files of the plugin's other languages (templates); there it does nothing instead of reading a JavaScript AST
 *   that is not there;
 * - in a file that cannot matter (`fileCanMatter`), a rule about Express programs registers no listeners at all
 *   (rules in `EVERY_FILE_RULES` always run);
 * - in a file where its own `gate` says it cannot report, a rule registers no listeners either (so it builds no
 *   model there: the model is built by the first rule that asks for it).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: Readonly<RuleDefinition<Options, MessageIds>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  const { gate: ownGate, ...rule } = definition;
  const created = ruleCreator(rule);
  if (rule.meta.languages) return created;
  const gated = !EVERY_FILE_RULES.has(rule.name);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  /**
   * The options with their defaults, per distinct options (by their JSON text): merged once instead of once per file
   * and rule as `RuleCreator` does. Rules never change their options object. Bounded, for editors that see many
   * configurations over time.
   */
  const merged = new Map<string, Options>();
  /**
   * The options of the file before and what they merged to: ESLint hands each file a new array (its defaults merged
   * in), equal to the last one in a run of one configuration, so no text key is made for most files.
   */
  let lastRaw: readonly unknown[] | undefined;
  let lastOptions: Options | undefined;
  return {
    ...created,
    create(context) {
      const sourceCode = context.sourceCode;
      if ((sourceCode.ast as { type: string } | undefined)?.type !== 'Program') return {};
      if (gated && !contextCanMatter(context)) return {};
      if (ownGate && !ownGate(fileSigns(context))) return {};
      const raw = context.options;
      let options = lastOptions !== undefined && sameJson(raw, lastRaw) ? lastOptions : undefined;
      if (!options) {
        // Most configurations give no options (ESLint's `[]`): no text key to make for those.
        const key = raw.length === 0 ? '' : JSON.stringify(raw);
        options = merged.get(key);
        if (!options) {
          options = ESLintUtils.applyDefault(defaults, raw) as Options;
          if (merged.size >= MAX_OPTION_SETS) merged.clear();
          merged.set(key, options);
        }
        lastRaw = raw;
        lastOptions = options;
      }
      return rule.create(onlyOwnNodes(context, rule.name), options);
    },
  };
}

/**
 * The rule's context, whose `report` drops a report placed on a node of another file of the package (one the project
 * model read: a chain item, the route call of the file that registers this file's controller). ESLint would place it
 * at that node's line and column in this file, where it means nothing; a rule that reports across files names the
 * other file in its message at a node of this one. A drop is a defect of the rule: printed with `SECURE_EXPRESS_DEBUG`.
 */
function onlyOwnNodes<C extends { readonly sourceCode: unknown; report(descriptor: never): void }>(context: C, name: string): C {
  const report = (descriptor: { node?: unknown }): void => {
    const node = descriptor.node as Parameters<typeof isNodeOf>[1] | undefined;
    if (node && typeof node === 'object' && !isNodeOf(context.sourceCode as Parameters<typeof isNodeOf>[0], node)) {
      caught(new Error(`${name}: a report on a node of another file was dropped`), 'report');
      return;
    }
    context.report(descriptor as never);
  };
  // (ESLint's context is frozen: a proxy of it may not answer another `report`. This one stands on an empty object and
  // reads everything else from the context, its methods called on it.)
  return new Proxy({} as C, {
    get(_, property) {
      if (property === 'report') return report;
      const value: unknown = Reflect.get(context, property, context);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(context) : value;
    },
    has: (_, property) => Reflect.has(context, property),
  });
}

/**
 * Whether two option values hold the same JSON data (primitives, arrays, plain objects; the order of keys aside).
 * Anything else (a function, a class instance, a cycle too deep) counts as different.
 */
export function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 8) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}
