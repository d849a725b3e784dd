import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ROUTER_MODULES } from '../data/express';
import { CONTROLLER_REGISTRATIONS } from '../data/nest';
import { SECRET_SINKS } from '../data/secrets';
import { QUERY_PARSER_SETTING } from '../data/sinks';
import { VERIFY_CALLBACKS } from '../data/strategies';
import { CONTAINERS } from '../data/containers';
import { keepsResults, keptTable } from '../util/kept-results';
import { mayReexport, mayReexportOneOf } from './exports';
import { INDEX_TTL_MS, MAX_FILE_BYTES, MAX_SCAN_DEPTH, MAX_SCAN_FILES, MAX_SCAN_TEXT_BYTES, SKIPPED_DIRECTORIES } from './limits';
import type { LintRun } from './lint-run';
import { Listings, packageEntries, resolveModule, safeStat, SOURCE_EXTENSIONS } from './resolve';

/**
 * Relative module specifiers in `require('./x')`, `import('./x')`, `import ... from './x'`, `export ... from './x'`
 * and `import './x'`: a cheap scan without parsing, used only to find who imports a file (the parser confirms).
 */
const IMPORT_PATTERN = /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(["'`])(\.{1,2}(?:\/[^"'`\n]*)?)\1/gu;

/** Bare specifiers in the same forms (`@/routes/auth`, `~/app`): kept when tsconfig `paths` may map them to the package. */
const BARE_IMPORT_PATTERN = /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(["'`])([^."'`\s][^"'`\s]*)\1/gu;

/**
 * Every module specifier a text imports in those forms (`IMPORT_PATTERN`, `BARE_IMPORT_PATTERN`), relative ones first:
 * a superset of the literal specifiers of a file's `import`s and `require(...)` calls (TypeScript's `import x =
 * require('./x')` too). A specifier spelt with escapes is not seen.
 */
export function importSpecifiers(text: string): string[] {
  const found: string[] = [];
  for (const pattern of [IMPORT_PATTERN, BARE_IMPORT_PATTERN]) {
    for (const match of text.matchAll(pattern)) if (!found.includes(match[2]!)) found.push(match[2]!);
  }
  return found;
}

/**
 * Text that hints a file takes part in an Express app (express, Router, a handler's `(req, res`, a parameter named
 * `app`, `router`, `server`, `expressApp` or `application` in any position, destructured too (`({ app }) =>`, the loaders layout), an app served or configured, `app.listen(` or `createApp().use(`, that may come from an app
 * factory of the package): only such a file starts the whole-app walk (`crossFileFor`), so only such a file can pass
 * the per-file gate for its local imports alone (src/util/create-rule.ts). (`createApp()` is matched from its `App`:
 * a leading `\w*` would make every word of the text a start to try.)
 */
export const EXPRESS_HINT =
  /express|Router|\b(?:req|request)\b[^,()]*,\s*(?:res|response)\b|[(,]\s*(?:\{\s*|(?:private|protected|public|readonly)\s+)*(?:app|router|server|expressApp|application)\b[^()]*\)\s*(?::[^={;]+)?(?:=>|\{)|(?:\bapp|App\s*\(\s*\))\s*\.\s*(?:listen|use)\s*\(/u;

/**
 * `httpRequest.body`, `request.query`, `req.params` in a file that may show no other sign of Express: a controller of the
 * clean-architecture layouts, which an importer registers through a route adapter (`makeCallback(postComment)`) that
 * hands it an object copying the request's properties (`ExpressModel.adapted`).
 */
export const ADAPTED_REQUEST_HINT = /\b(?:httpRequest|httpReq|request|req)\s*\.\s*(?:body|query|params|cookies)\b/u;

/** `NestFactory.create(`: a file that may bootstrap a Nest app (read before parsing it). */
export const BOOTSTRAP = /NestFactory\s*\.\s*create/u;
/**
 * A file that may bootstrap a Nest app, or register another controller library's controllers on an Express app
 * (`CONTROLLER_REGISTRATIONS`: `useExpressServer(app, {...})`): where the chains of a controller's routes start.
 */
export const CONTROLLER_BOOTSTRAP = new RegExp(
  `${BOOTSTRAP.source}|\\b(?:${[...new Set(CONTROLLER_REGISTRATIONS.map((r) => r.path.at(-1)!))].join('|')})\\s*\\(`,
  'u',
);
/** A Nest controller, or a class with route methods (a base class of controllers): its routes' guards are in the files that import it. */
export const NEST_CONTROLLER = /@(?:Controller|Get|Post|Put|Patch|Delete|All|Options|Head|Search|Sse)\s*\(/u;
/**
 * A NestJS module: `@Module({ ... })` on a class, at the start of a line (not in a comment's text), or as tsc's CommonJS
 * output calls it (`(0, common_1.Module)({ ... })`). Read of a linted file's text only (`Project.register`).
 */
export const NEST_MODULE = /^[ \t]*@Module\s*\(|\.Module\)\s*\(/mu;
/**
 * The same decorators as tsc's CommonJS output calls them (`(0, common_1.Post)('login')` in a `__decorate([...])`): not
 * a sign of `startsWholeAppWalk`, asked only of the files a question reads (`importersOfViews`).
 */
export const COMPILED_NEST_CONTROLLER = /\.(?:Controller|Get|Post|Put|Patch|Delete|All|Options|Head|Search|Sse)\)\s*\(/u;

/**
 * A call that may hand a password to a hashing helper of another file (`hashPassword(pw)`, `hash(user.password)`):
 * a service module with no sign of Express is still read for `no-weak-password-hash`. Each branch starts with its
 * literal word (`pass`, `hash`, `digest`): a name's leading word characters (`\w*` before the word, as the pattern was
 * first written) change nothing for a test, since the match then starts at the word itself, but made every position of
 * the text a start to backtrack from (0.15 s of a whole-app lint of Ghost).
 */
export const PASSWORD_HELPER_HINT = /[Pp]ass(?:word|wd)\w*\s*\(|(?:[Hh]ash|[Dd]igest)\w*\s*\(\s*[\w.]*(?:[Pp]assword|passwd|pwd)\b/u;

/**
 * The auth and session modules of `SECRET_SINKS` named as a module (`require('jsonwebtoken')`, `from 'express-session'`):
 * a file that signs tokens with a key of the package's config module (`jwt.sign(payload, config.jwtSecret)`) reads that
 * value across files. (Not the database drivers and `crypto`, which most files of a service name.)
 */
const SECRET_MODULE = new RegExp(
  `['"\`](?:${[...new Set(SECRET_SINKS.filter((sink) => sink.kind !== 'db' && sink.kind !== 'hmac').map((sink) => sink.module))]
    .map((module) => module.replace(/[/.]/gu, '\\$&'))
    .join('|')})['"\`/]`,
  'u',
);

/**
 * Whether the linted file starts the whole-app walk (`crossFileFor`): a sign of Express, a Nest controller or
 * bootstrap, a call that may hand a password to a helper, a Passport strategy whose verify callback gets request data
 * (`STRATEGY_MODULE`), or a module that takes a secret (its key may come from a
 * config module of the package). Only such a file can pass the per-file gate for its
 * local imports alone (src/util/create-rule.ts), so the gate and the walk agree by construction.
 */
export function startsWholeAppWalk(text: string): boolean {
  // The per-file gate, the file's signs and the project model ask it of the same text, one after the other.
  if (text !== lastWalkText) {
    lastWalkText = text;
    lastWalkVerdict = WALK_SIGNS.test(text) || routesOnLocalValue(text);
  }
  return lastWalkVerdict;
}

/** A route or middleware call with a path as its first argument: `.post('/login'`, `.use('/auth'`, `.route('/x'`. */
const ROUTE_CALL = /\.\s*(?:get|post|put|patch|delete|del|all|use|route|options|head)\s*\(\s*['"`]\//gu;
/** Names bound to a module of the package: `const router = require('./router')`, `import app from '../app.js'`. */
const LOCAL_BINDINGS = /\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\s*\(\s*['"`]\.|\bimport\s+(?:\*\s*as\s+)?([\w$]+)\s*(?:,[^;]*?)?\s+from\s*['"`]\./gu;
const IDENTIFIER_BEFORE = /[\w$]+$/u;

/**
 * A route module that only wires routes on an app or router another module of the package makes (`const router =
 * require('./router'); router.post('/login', auth.login)`): no other sign of Express shows in it, and only the
 * whole-app view knows the router.
 */
function routesOnLocalValue(text: string): boolean {
  let names: Set<string> | null = null;
  for (const call of text.matchAll(ROUTE_CALL)) {
    let end = call.index;
    while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
    const receiver = IDENTIFIER_BEFORE.exec(text.slice(Math.max(0, end - 64), end))?.[0];
    if (!receiver) continue;
    names ??= new Set([...text.matchAll(LOCAL_BINDINGS)].map((match) => (match[1] ?? match[2])!));
    if (names.has(receiver)) return true;
  }
  return false;
}

/**
 * A Passport strategy whose verify callback receives request data, named as a module (`require('passport-local')`,
 * `from 'passport-local'`): the callback hands it to services of the package (a NestJS strategy's `validate` calling
 * `this.authService.validateUser(username, password)`), which only the whole-app view reads.
 */
const STRATEGY_MODULE = new RegExp(`['"\`](?:${VERIFY_CALLBACKS.map((row) => row.module.replace(/[/.]/gu, '\\$&')).join('|')})['"\`]`, 'u');

/**
 * The signs of `startsWholeAppWalk` as one pattern (any of them): one pass over a text that shows none (most files of a
 * large package) instead of five.
 */
const WALK_SIGNS = new RegExp([EXPRESS_HINT, NEST_CONTROLLER, BOOTSTRAP, PASSWORD_HELPER_HINT, SECRET_MODULE, ADAPTED_REQUEST_HINT, STRATEGY_MODULE].map((pattern) => pattern.source).join('|'), 'u');

let lastWalkText: string | null = null;
let lastWalkVerdict = false;

/** `express()`, `express.Router()`, `Router()`, `new Router()`: a call that may create an app or router. */
const APP_CALL = /\b(?:express|Router)\s*\(/u;
/** `express`, or a package that makes Express routers (`express-promise-router`, `ROUTER_MODULES`), as a module name. */
const MODULE_NAME = `(?:${['express', ...ROUTER_MODULES].map((name) => name.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')).join('|')})`;
/** `express` (or a router package) named as a module. */
const EXPRESS_MODULE = new RegExp(`(["'\`])${MODULE_NAME}\\1`, 'u');
/** `require('express')()`, `require('express-promise-router')()`. */
const CALLED_REQUIRE = new RegExp(`require\\s*\\(\\s*(["'\`])${MODULE_NAME}\\1\\s*\\)\\s*\\(`, 'u');
/**
 * Other names of express's value (or of a router package's), or of its `Router`: `const e = require('express')`,
 * `import e from 'express'`, `import * as e from 'express'`, `import e = require('express')`, `{ Router: R }`,
 * `{ Router as R }`, and compiled TypeScript's `const express_1 = __importDefault(require("express"))`;
 * `import PromiseRouter from 'express-promise-router'`.
 */
const EXPRESS_NAMES = new RegExp(
  `(?:\\b(?:const|let|var|import)\\s+(\\w+)\\s*=\\s*(?:\\w+\\s*\\(\\s*)?require\\s*\\(\\s*["'\`]${MODULE_NAME}["'\`]\\s*\\)|\\bimport\\s+(?:\\*\\s*as\\s+)?(\\w+)\\s*(?:,[^;]*?)?\\s+from\\s*["'\`]${MODULE_NAME}["'\`]|\\bRouter\\s*(?::|\\s+as\\s+)\\s*(\\w+))`,
  'gu',
);

/**
 * Whether a file's text may create an app or router: it calls `express()` or a `Router()`, or it names `express` as a
 * module and calls its value (or its `Router`) under another name it gives it (`const e = require('express'); e()`).
 */
export function createsApp(text: string): boolean {
  if (APP_CALL.test(text)) return true;
  if (!EXPRESS_MODULE.test(text)) return false;
  if (CALLED_REQUIRE.test(text)) return true;
  for (const match of text.matchAll(EXPRESS_NAMES)) {
    const name = match[1] ?? match[2] ?? match[3];
    // `e()`, `e.Router()`, and compiled TypeScript's `(0, express_1.default)()` and `(0, express_1.Router)()`.
    if (name && new RegExp(`\\b${name}\\s*(?:\\.\\s*default\\s*\\)?\\s*)?(?:\\.\\s*Router\\s*\\)?\\s*)?\\(`, 'u').test(text)) return true;
  }
  // `Router` kept under another name before it is called: `const R = express.Router; R()`, `const mk = Router`.
  return ROUTER_KEPT.test(text);
}

/** `= Router` or `= <name>.Router` ending an assignment: the Router function kept in a variable. */
const ROUTER_KEPT = /=\s*(?:[\w$]+\s*\.\s*)?Router\s*(?:;|,|\n|$)/u;

/**
 * Whether a file's own code may make an app or router that it can hand on or register another file's functions on: it
 * creates one (`createsApp`) or bootstraps a Nest app (`BOOTSTRAP`). A file that only names `express` (TypeScript's
 * `import { Request } from 'express'`, `express.static`) holds an app only through the package files it imports or a
 * parameter its importers hand it, as any other file. (A Nest controller is a router of its own model too, but what
 * runs on its routes is its own methods and the classes its decorators name: it hands no app on and registers no
 * function of another file; its guards come from the modules that import it, `nestAppsOf`.)
 */
export function makesOwnApp(text: string, creates = createsApp(text)): boolean {
  return creates || BOOTSTRAP.test(text);
}

/**
 * Text that may configure passport-jwt to read the token from a cookie: `jwtFromRequest` or `fromExtractors` in a text
 * that names `cookies` (`jwtFromRequest: ExtractJwt.fromExtractors([(req) => req.cookies.jwt])`).
 */
export function mayReadJwtFromCookies(text: string): boolean {
  // (Two plain searches first: most texts name neither.)
  if (!text.includes('jwtFromRequest') && !text.includes('fromExtractors')) return false;
  return /\b(?:jwtFromRequest|fromExtractors)\b/u.test(text) && /\bcookies\b/u.test(text);
}

/** `x.cookie(` (`res.cookie(name, value, options)`); not `clearCookie(`, `req.cookies`. */
const COOKIE_CALL = /\.\s*cookie\s*\(/gu;
/** A literal `sameSite` that keeps the cookie off other sites' requests: `'strict'`, `'lax'` (any case), `true`. */
const SAME_SITE_KEPT = /\bsameSite\s*:\s*(?:(['"`])(?:strict|lax)\1|true\b)/iu;
const SAME_SITE_KEPT_ALL = new RegExp(SAME_SITE_KEPT.source, 'giu');
/** Any `sameSite` written in a text (a key, or a member written later: `options.sameSite = 'none'`). */
const SAME_SITE_ANY = /\bsameSite\b/giu;
const SAME_SITE_WORD = /\bsameSite\b/iu;
/** Options that delete the cookie (mern-auth's logout: `res.cookie('jwt', '', { httpOnly: true, expires: new Date(0) })`). */
const COOKIE_DELETED = /\b(?:expires\s*:\s*new\s+Date\(\s*0\s*\)|maxAge\s*:\s*0(?![\w.]))/u;
/** The largest argument text read for one `.cookie(` call, and for one object of named options. */
const MAX_COOKIE_ARGS = 2000;
/** The options of a `.cookie(` call named by one identifier: its last argument (`, cookieOptions`). */
const NAMED_OPTIONS = /,\s*([A-Za-z_$][\w$]*)\s*$/u;
/** Options that spread one named object (`{ ...COOKIE_DEFAULTS, maxAge }`) as the last argument. */
const SPREAD_OPTIONS = /,\s*\{\s*\.\.\.\s*([A-Za-z_$][\w$]*)\s*(?:,[^{}]*)?\}\s*$/u;
/** A `const`/`let`/`var` holding an object literal (`export const COOKIE_DEFAULTS = {`, with a type annotation or `Object.freeze(`). */
const OPTIONS_OBJECT = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[\w$.<>, ]+)?=\s*(?:Object\.freeze\(\s*)?\{/gu;
/**
 * A `const`/`let`/`var` holding something else (`const cookieOptions = buildOptions()`), or a name assigned again at the
 * start of a statement (`cookieOptions = other;`).
 */
const OTHER_VALUE = /(?:\b(?:const|let|var)\s+|^[ \t]*|[;{}][ \t]*)([A-Za-z_$][\w$]*)[ \t]*(?::[ \t]*[\w$.<>, ]+)?=(?![=>])(?![ \t\n]*(?:\{|Object\.freeze\([ \t\n]*\{))/gmu;
/** An object key holding an object literal (`cookieOptions: {` in `module.exports = { cookieOptions: { ... } }`). */
const OPTIONS_KEY = /(?:^|[{,\s])([A-Za-z_$][\w$]*)\s*:\s*\{/gu;

/** How a text sets cookies: none, each `.cookie(…)` call with a `sameSite` of `SAME_SITE_KEPT`, or some other way. */
export type CookieWrites = 'none' | 'sameSite' | 'other';

/**
 * How a text sets cookies, as the package-wide fact needs it (`cookieWriteScan`): `writes` as `cookieWritesOf` says,
 * except that a call whose options are one named object (`cookieOptions`, `{ ...COOKIE_DEFAULTS, maxAge }` with no
 * `sameSite` of its own) counts as `'sameSite'` and puts the name in `needs`; `keeps`, the names of the objects the text
 * writes whose every `sameSite` is kept (`export const COOKIE_DEFAULTS = { httpOnly: true, sameSite: 'strict' }`, a key
 * `cookieOptions: { ... }` of an exported object); `others`, the names it writes otherwise (another `sameSite`, none,
 * a spread before it) or whose `sameSite` it writes later (`COOKIE_DEFAULTS.sameSite = 'none'`).
 */
export interface CookieWriteScan {
  writes: CookieWrites;
  needs: readonly string[];
  keeps: readonly string[];
  others: readonly string[];
}

const NO_NAMES: readonly string[] = [];
const NO_WRITES: CookieWriteScan = { writes: 'none', needs: NO_NAMES, keeps: NO_NAMES, others: NO_NAMES };
const OTHER_WRITES: CookieWriteScan = { writes: 'other', needs: NO_NAMES, keeps: NO_NAMES, others: NO_NAMES };

/** The text from `start` (just after an opening bracket) to its closing one, or `null` when it does not close within `MAX_COOKIE_ARGS`. */
function balancedFrom(text: string, start: number, open: string, close: string): string | null {
  let depth = 1;
  let end = start;
  for (; end < text.length && end - start < MAX_COOKIE_ARGS && depth > 0; end++) {
    const char = text[end];
    if (char === open) depth++;
    else if (char === close) depth--;
  }
  return depth === 0 ? text.slice(start, end - 1) : null;
}

/**
 * Whether every `sameSite` of an object's text is a kept literal, with no spread after the last (`{ ...base, sameSite:
 * 'lax' }` keeps it; `{ sameSite: 'lax', ...fromEnv }` may not).
 */
function keepsSameSite(body: string): boolean {
  const all = [...body.matchAll(SAME_SITE_ANY)];
  const kept = [...body.matchAll(SAME_SITE_KEPT_ALL)];
  if (kept.length === 0 || kept.length !== all.length) return false;
  return !body.slice(kept.at(-1)!.index).includes('...');
}

/**
 * How a text sets cookies (no parse), with the named options objects that decide it (`CookieWriteScan`). A call
 * that deletes its cookie (`COOKIE_DELETED`) counts for neither.
 */
export function cookieWriteScan(text: string): CookieWriteScan {
  // (Two plain searches first: most texts set no cookie and name no sameSite.)
  const sets = text.includes('cookie(') || /cookie\s+\(/u.test(text) || /set-cookie/iu.test(text);
  if (!sets && !text.includes('sameSite')) return NO_WRITES;
  if (/set-cookie/iu.test(text)) return OTHER_WRITES;
  let writes: CookieWrites = 'none';
  const needs: string[] = [];
  for (const match of text.matchAll(COOKIE_CALL)) {
    const args = balancedFrom(text, match.index + match[0].length, '(', ')');
    if (args === null) return OTHER_WRITES;
    // (A cookie written only to delete it sets nothing a later request carries.)
    if (COOKIE_DELETED.test(args)) continue;
    if (!SAME_SITE_KEPT.test(args)) {
      const named = SAME_SITE_WORD.test(args) ? null : (NAMED_OPTIONS.exec(args) ?? SPREAD_OPTIONS.exec(args));
      // (Two arguments, `res.cookie('sid', id)`, name no options: the last is the value.)
      if (!named || args.split(',').length < 3) return OTHER_WRITES;
      if (!needs.includes(named[1]!)) needs.push(named[1]!);
    }
    writes = 'sameSite';
  }
  const keeps: string[] = [];
  const others: string[] = [];
  if (text.includes('sameSite')) {
    for (const pattern of [OPTIONS_OBJECT, OPTIONS_KEY]) {
      for (const match of text.matchAll(pattern)) {
        const body = balancedFrom(text, match.index + match[0].length, '{', '}');
        const name = match[1]!;
        (body !== null && keepsSameSite(body) ? keeps : others).push(name);
      }
    }
    // (`COOKIE_DEFAULTS.sameSite = 'none'`, `options['sameSite']`: a later write the text shows.)
    for (const match of text.matchAll(/([A-Za-z_$][\w$]*)\s*(?:\.\s*sameSite|\[\s*['"`]sameSite['"`]\s*\])/gu)) others.push(match[1]!);
  }
  // (A name the text gives another value, `const cookieOptions = buildOptions()`, may be the one a call passes.)
  if (needs.length > 0 || keeps.length > 0) for (const match of text.matchAll(OTHER_VALUE)) others.push(match[1]!);
  return { writes, needs, keeps, others };
}

/**
 * How a text sets cookies, read from the text alone (no parse): `'other'` when it names a `Set-Cookie` header or has a
 * `.cookie(` call whose argument text (to its closing parenthesis) writes no `sameSite` of `SAME_SITE_KEPT` (an options
 * `const` the text does not write so, a computed value: not known); `'sameSite'` when every such call writes one, or
 * names options the text writes so (`cookieWriteScan`); `'none'` without any. A call that deletes its cookie
 * (`COOKIE_DELETED`) counts for neither.
 */
export function cookieWritesOf(text: string): CookieWrites {
  const scan = cookieWriteScan(text);
  return scan.needs.every((name) => scan.keeps.includes(name) && !scan.others.includes(name)) ? scan.writes : 'other';
}

/**
 * Whether the texts' cookies are all `sameSite` ones (`cookieWriteScan` of each): some call sets one, none sets another,
 * and each named options object a call needs is written by the texts, every time, with a kept `sameSite` (a name any
 * text writes otherwise, or that none writes, is not known).
 */
export function onlySameSiteCookies(scans: readonly CookieWriteScan[]): boolean {
  if (!scans.some((scan) => scan.writes === 'sameSite') || scans.some((scan) => scan.writes === 'other')) return false;
  const needs = new Set(scans.flatMap((scan) => scan.needs));
  if (needs.size === 0) return true;
  const keeps = new Set(scans.flatMap((scan) => scan.keeps));
  const others = new Set(scans.flatMap((scan) => scan.others));
  return [...needs].every((name) => keeps.has(name) && !others.has(name));
}

/**
 * `module.exports = require('pkg')`, `exports.x = require('pkg')`, `export = require('pkg')`, `export { default } from
 * 'pkg'`, `export * from 'pkg'`.
 */
const PASSES_PACKAGE = /(?:\bmodule\.)?\bexports?(?:\.[\w$]+)?\s*=\s*require\(\s*['"`](?![./])|\bexport\s*(?:\*|\{[^}]*\})\s*from\s*['"`](?![./])/u;
/**
 * Names bound to an installed package's module: `const passport = require('passport')`, `import passport from
 * 'passport'`, `import passport = require('passport')`.
 */
const PACKAGE_BINDINGS = /\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*['"`](?![./])|\bimport\s+(?:\*\s+as\s+)?([\w$]+)\s*(?:,\s*\{[^}]*\}\s*)?(?:=\s*require\(\s*|from\s*)['"`](?![./])/gu;
/** A name exported as it is: `module.exports = x`, `exports.y = x`, `export = x`, `export default x`, `export { x }`. */
const EXPORTED_NAMES = /\b(?:module\.)?exports(?:\.[\w$]+)?\s*=\s*([\w$]+)\s*(?:;|$)|\bexport\s*=\s*([\w$]+)\s*(?:;|$)|\bexport\s+default\s+([\w$]+)\s*(?:;|$)|\bexport\s*\{([^}]*)\}(?!\s*from)/gmu;

/**
 * Whether a file's text may export an installed package's module as it is (what `exportedPackage` reads from the
 * parse): a direct re-export of a package, or a name bound to a package's module and exported as it is.
 */
export function passesPackageText(text: string): boolean {
  if (PASSES_PACKAGE.test(text)) return true;
  const bound = new Set<string>();
  for (const match of text.matchAll(PACKAGE_BINDINGS)) bound.add((match[1] ?? match[2])!);
  if (bound.size === 0) return false;
  for (const match of text.matchAll(EXPORTED_NAMES)) {
    const names = match[4] !== undefined ? match[4].split(',').map((part) => part.trim().split(/\s+as\s+/u)[0]!) : [(match[1] ?? match[2] ?? match[3])!];
    if (names.some((name) => bound.has(name))) return true;
  }
  return false;
}

export interface ScannedFile {
  mtimeMs: number;
  size: number;
  /** The change time of the content scanned (`KeptScan.c`): with the mtime and size, what a later process compares. */
  ctimeMs: number;
  imports: string[];
  /** Its text may read a JWT from a cookie (`mayReadJwtFromCookies`). */
  jwtFromCookies: boolean;
  /** Its text names the `query parser` setting (`QUERY_PARSER_SETTING`). */
  queryParser: boolean;
  /** How its text sets cookies (`cookieWriteScan`). */
  cookieWrites: CookieWriteScan;
  /** Its text may create an app or router (`createsApp`). */
  createsApp: boolean;
  /** Its own model may make an app or router (`makesOwnApp`). */
  makesOwnApp: boolean;
  /** Its text may register dependencies in a DI container (`mayRegisterDependencies`). */
  registers: boolean;
  /** Its text may authenticate a route with Passport (`mayAuthenticate`). */
  authenticates: boolean;
  /** Its text may export an installed package's module as it is (`passesPackageText`). */
  passesPackage: boolean;
  /** Its text may re-export a module whole or everything of one (`mayReexport(text, undefined, 'reexports')`). */
  reexports: boolean;
  /**
   * Its text may re-export, under any name, a module it imports with one of `imports` (`mayReexportOneOf`): `false`
   * says that no module it imports is passed on, by any key.
   */
  reexportsImports: boolean;
}

/**
 * A file's scan facts as kept between processes (src/util/kept-results.ts), under its absolute path, with short keys
 * (a package of 1,711 files keeps one of these per file): what `ScannedFile` holds, and the bare specifiers apart, so
 * that a later index applies its own aliases to them. No text.
 */
interface KeptScan {
  /** The `mtimeMs`, `size` and `ctimeMs` of the content scanned: the facts are taken only for a file whose stat is the same. */
  m: number;
  s: number;
  c: number;
  /** The relative specifiers (`IMPORT_PATTERN`), when any. */
  i?: string[];
  /**
   * Every bare specifier (`BARE_IMPORT_PATTERN`), when the index that scanned the file read them (tsconfig `paths`,
   * `baseUrl`, `imports` or workspaces applied to it); absent otherwise, and then an index that needs them scans the
   * file again.
   */
  b?: string[];
  /** `KEPT_FLAGS` of the facts that are true, when any. */
  f?: number;
  /** `cookieWrites` as `[writes, needs, keeps, others]`, when it is not `'none'` with no names. */
  w?: [CookieWrites, string[], string[], string[]];
}

/** The bits of `KeptScan.f`. */
const KEPT_FLAGS = ['jwtFromCookies', 'queryParser', 'createsApp', 'makesOwnApp', 'registers', 'authenticates', 'passesPackage', 'reexports', 'reexportsImports'] as const;
const KEPT_KEYS: ReadonlySet<string> = new Set(['m', 's', 'c', 'i', 'b', 'f', 'w']);
const COOKIE_WRITES: ReadonlySet<string> = new Set(['none', 'sameSite', 'other']);
/** A name `cookieWriteScan` lists (an identifier). */
const KEPT_NAME = /^[A-Za-z_$][\w$]*$/u;

const isStringList = (value: unknown, each: (text: string) => boolean): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && each(item)) && new Set(value).size === value.length;
/** A specifier as `IMPORT_PATTERN` captures it (relative), or as `BARE_IMPORT_PATTERN` does (bare). */
const isRelative = (text: string): boolean => /^\.{1,2}(?:\/[^"'`\n]*)?$/u.test(text);
const isBare = (text: string): boolean => /^[^."'`\s][^"'`\s]*$/u.test(text);
const isNameList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string' && KEPT_NAME.test(item));

/** Whether a value read back is a `KeptScan` as this build writes it (nothing more, nothing else). */
function isKeptScan(value: unknown): value is KeptScan {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const kept = value as Record<string, unknown>;
  if (!Object.keys(kept).every((key) => KEPT_KEYS.has(key))) return false;
  const { m, s, c, i, b, f, w } = kept;
  if (typeof m !== 'number' || !Number.isFinite(m) || typeof c !== 'number' || !Number.isFinite(c)) return false;
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0 || s > MAX_FILE_BYTES) return false;
  if (i !== undefined && !isStringList(i, isRelative)) return false;
  if (b !== undefined && !(Array.isArray(b) && (b.length === 0 || isStringList(b, isBare)))) return false;
  // (`makesOwnApp` holds whenever `createsApp` does.)
  if (f !== undefined && (typeof f !== 'number' || !Number.isInteger(f) || f <= 0 || f >= 1 << KEPT_FLAGS.length || (f & 0b1100) === 0b0100)) return false;
  if (w === undefined) return true;
  return Array.isArray(w) && w.length === 4 && typeof w[0] === 'string' && COOKIE_WRITES.has(w[0]) && isNameList(w[1]) && isNameList(w[2]) && isNameList(w[3]) && (w[0] !== 'none' || w[1].length + w[2].length + w[3].length > 0);
}

/**
 * The import scan's facts of each file, kept between processes when the loader keeps results (`keepsResults`), under
 * the file's absolute path: at most twice `MAX_SCAN_FILES` files (a large package, or two, whole). They depend on the
 * file's content and the plugin's code only (the results file is per plugin build): the stamp is the layout's.
 */
const keptScans = keptTable<KeptScan>('import-scan', { stamp: () => 'scan 2', valid: isKeptScan, maxEntries: 2 * MAX_SCAN_FILES });

/**
 * How recent a file's modification or change time may be for its facts to be kept (ms before the scan): a file written
 * again within its file system's timestamp granularity (1 s on HFS+ and ext3, 2 s on FAT; a coarse clock tick on
 * others) at the same size keeps its mtime and ctime, so facts read from one of the two contents would stand for
 * both. Such a file is scanned again by the next process, as git treats the "racily clean" entries of its index.
 */
export const RACY_MS = 2000;

/**
 * Files of the package root that say how its specifiers resolve, or what is installed (`ImportIndex.fingerprint`):
 * its manifest, tsconfig and jsconfig, and the lockfiles and install markers of npm, pnpm and yarn.
 */
const CONFIG_FILES = ['package.json', 'tsconfig.json', 'jsconfig.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'node_modules/.package-lock.json', 'node_modules/.modules.yaml', 'node_modules/.yarn-state.yml', 'node_modules/.yarn-integrity'];
/** A manifest, tsconfig or jsconfig file in any folder (`tsconfig.app.json`, `tsconfig.base.json`). */
const CONFIG_NAME = /^(?:package|[tj]sconfig(?:\.[\w.-]+)?)\.json$/u;

/** The kept form of a file's facts (`KeptScan`). */
function keptOf(scanned: ScannedFile, ctimeMs: number, relative: readonly string[], bare: readonly string[] | null): KeptScan {
  const kept: KeptScan = { m: scanned.mtimeMs, s: scanned.size, c: ctimeMs };
  if (relative.length > 0) kept.i = [...relative];
  if (bare) kept.b = [...bare];
  let flags = 0;
  KEPT_FLAGS.forEach((name, bit) => {
    if (scanned[name]) flags |= 1 << bit;
  });
  if (flags !== 0) kept.f = flags;
  const { writes, needs, keeps, others } = scanned.cookieWrites;
  if (writes !== 'none' || needs.length + keeps.length + others.length > 0) kept.w = [writes, [...needs], [...keeps], [...others]];
  return kept;
}

/** The facts of a kept entry, with the bare specifiers that `aliased` says may name a file of the package (none without it). */
function scannedOf(kept: KeptScan, aliased: ((specifier: string) => boolean) | null): ScannedFile {
  const imports = [...(kept.i ?? [])];
  if (aliased) for (const specifier of kept.b ?? []) if (aliased(specifier)) imports.push(specifier);
  const flag = (name: (typeof KEPT_FLAGS)[number]): boolean => ((kept.f ?? 0) & (1 << KEPT_FLAGS.indexOf(name))) !== 0;
  const cookieWrites: CookieWriteScan = kept.w ? { writes: kept.w[0], needs: [...kept.w[1]], keeps: [...kept.w[2]], others: [...kept.w[3]] } : NO_WRITES;
  return {
    mtimeMs: kept.m,
    size: kept.s,
    ctimeMs: kept.c,
    imports,
    jwtFromCookies: flag('jwtFromCookies'),
    queryParser: flag('queryParser'),
    cookieWrites,
    createsApp: flag('createsApp'),
    makesOwnApp: flag('makesOwnApp'),
    registers: flag('registers'),
    authenticates: flag('authenticates'),
    passesPackage: flag('passesPackage'),
    reexports: flag('reexports'),
    // (Read for the relative specifiers only: a bare one that this index's aliases add was not asked about.)
    reexportsImports: flag('reexportsImports') || imports.length > (kept.i?.length ?? 0),
  };
}

/** Files the import scan read, per file (for the tests and the bench: a file whose facts were kept is not read). */
const scanReads = new Map<string, number>();

export function scanReadCounts(): ReadonlyMap<string, number> {
  return scanReads;
}

/**
 * `.authenticate(` (Passport's `passport.authenticate('local')`), NestJS's `AuthGuard(` that runs it, or the
 * `defaultStrategy` that `AuthGuard()` runs (`PassportModule.register({ defaultStrategy: 'jwt' })`); no parse.
 */
const AUTHENTICATE_CALL = /\.authenticate\)?\s*\(|\bAuthGuard\)?\s*\(|\bdefaultStrategy\b/u;

/** Whether a text may call Passport's `authenticate` (a route that logs in with a strategy), make a NestJS guard that does, or name its default strategy. */
export function mayAuthenticate(text: string): boolean {
  return (text.includes('authenticate') || text.includes('AuthGuard') || text.includes('defaultStrategy')) && AUTHENTICATE_CALL.test(text);
}

/** A container module of `CONTAINERS` named as a module (`require('awilix')`, `from 'awilix'`). */
const CONTAINER_MODULE = new RegExp(`['"\`](?:${CONTAINERS.map((row) => row.module.replace(/[/.]/gu, '\\$&')).join('|')})['"\`]`, 'u');
/** A call of a resolver factory of `CONTAINERS` (`asClass(`, `asFunction(`). */
const RESOLVER_CALL = new RegExp(`\\b(?:${[...new Set(CONTAINERS.flatMap((row) => [...row.resolvers]))].join('|')})\\s*\\(`, 'u');

/** Whether a text may register a dependency in a container of `CONTAINERS`: it names the module and calls a resolver factory. No parse. */
export function mayRegisterDependencies(text: string): boolean {
  return RESOLVER_CALL.test(text) && CONTAINER_MODULE.test(text);
}

/** `../routes/users.js` → `users`, `./` → `` (the last path segment without its extension). */
/** The bucket of the specifiers whose name says nothing of the file they name (`#db`, `@config`). */
const ANY_NAME = '\0any';

function stem(specifier: string): string {
  const last = specifier.replace(/\/+$/u, '').split(/[/\\]/u).pop() ?? '';
  return last.replace(/\.[cm]?[jt]sx?$/u, '');
}

/** Who imports whom in one package, by a regex scan of its source files; rebuilt from changed files only. */
/**
 * The outermost folder of `root` that holds `file` and that the scan skips by name (`build/`, `dist/`: a package that
 * publishes its compiled code, linted as it is), else `null`. A file there is read with that folder scanned too, so
 * that its importers there are found; files outside it never see that folder (the same view whatever ESLint linted
 * before). Never `node_modules` or a hidden folder.
 */
export function skippedFolderOf(root: string, file: string): string | null {
  const relative = path.relative(root, path.dirname(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  let dir = root;
  for (const part of relative.split(path.sep)) {
    if (part === 'node_modules' || part.startsWith('.')) return null;
    dir = path.join(dir, part);
    if (SKIPPED_DIRECTORIES.has(part)) return dir;
  }
  return null;
}

export class ImportIndex {
  private readonly files = new Map<string, ScannedFile>();
  /** Importers per file, resolved on demand. */
  private importers = new Map<string, string[]>();
  private checkedAt = -Infinity;
  /** The lint run the index was last checked in (`LintRun`): kept past `INDEX_TTL_MS` while that run goes on. */
  private checkedIn = -1;

  constructor(
    private readonly root: string,
    private readonly entries: readonly string[],
    /** Resolves a relative specifier of a file (the project's remembered resolution). */
    private readonly resolve: (fromFile: string, specifier: string) => string | null = (from, spec) => resolveModule(root, from, spec),
    /** True when a bare specifier of a file may name a file of the package (tsconfig `paths`): scanned too. */
    private readonly aliased?: (fromFile: string, specifier: string) => boolean,
    /** False when no bare specifier of a file can be `aliased` (no tsconfig paths or baseUrl apply to it): not scanned for them. */
    private readonly mayAlias?: (fromFile: string) => boolean,
    /** A folder the scan skips by name (`SKIPPED_DIRECTORIES`) that it enters all the same (`skippedFolderOf`). */
    private readonly opened: string | null = null,
    /** The project's lints: the index is checked again after `INDEX_TTL_MS` only once the run it was checked in ends. */
    private readonly run?: LintRun,
  ) {}

  /** The package files whose source names `file` in an import (at most one scan per `INDEX_TTL_MS`, or per lint run). */
  importersOf(file: string): readonly string[] {
    this.refresh();
    let list = this.importers.get(file);
    if (!list) {
      list = this.resolveImporters(file);
      this.importers.set(file, list);
    }
    return list;
  }

  /** Per package name: the files whose imports name it (`importersByName`), with those specifiers. */
  private byName = new Map<string, { file: string; specifier: string }[]>();

  /**
   * The package files that import `file` through the package name `name` (`@acme/auth`, `@acme/auth/routes`) of the
   * workspace package that holds it (`file` is that package's entry or an exported subpath). The files that name it are
   * listed once per scan; only their specifiers of that name are resolved.
   */
  importersByName(name: string, file: string): readonly string[] {
    this.refresh();
    let naming = this.byName.get(name);
    if (!naming) {
      naming = [];
      for (const [importer, scanned] of this.files) {
        for (const specifier of scanned.imports) if (specifier === name || specifier.startsWith(`${name}/`)) naming.push({ file: importer, specifier });
      }
      this.byName.set(name, naming);
    }
    const found: string[] = [];
    for (const { file: importer, specifier } of naming) if (!found.includes(importer) && this.resolve(importer, specifier) === file) found.push(importer);
    return found;
  }

  /** Forgets every scanned file (what a file imports depends on the tsconfig paths: they changed). */
  forget(): void {
    this.files.clear();
    this.texts.clear();
    this.textBytes = 0;
    this.checkedAt = -Infinity;
    this.checkedIn = -1;
  }

  private rebuilt: object = {};

  /** An object that changes whenever the index is rebuilt (for caches derived from it). */
  generation(): object {
    this.refresh();
    return this.rebuilt;
  }

  /** Whether the last refresh scanned `file` (no refresh: `scanned`). */
  knows(file: string): boolean {
    return this.files.has(file);
  }

  /** The index's generation as of its last refresh (no refresh: `generation`). */
  currentGeneration(): object {
    return this.rebuilt;
  }

  /** The relative specifiers that a package file's source names (by the scan, no parse). */
  importsOf(file: string): readonly string[] {
    this.refresh();
    return this.files.get(file)?.imports ?? [];
  }

  private targets = new Map<string, string[]>();

  /** The package files that a package file's relative imports resolve to (remembered until the index is rebuilt). */
  resolvedImportsOf(file: string): readonly string[] {
    this.refresh();
    let list = this.targets.get(file);
    if (!list) {
      list = [];
      for (const specifier of this.files.get(file)?.imports ?? []) {
        const target = this.resolve(file, specifier);
        if (target && !list.includes(target)) list.push(target);
      }
      this.targets.set(file, list);
    }
    return list;
  }

  /**
   * The directory listings of the last scan (the folders it walked, and others listed since on demand): the project's
   * resolutions look files up in them (`resolvePath`). Replaced at each scan, so they are never older than the index.
   */
  listings = new Listings();

  /**
   * What the scan read of a package file (its content as of the last refresh, or what an earlier process kept for that
   * content), or `undefined` when it did not.
   */
  scanned(file: string): ScannedFile | undefined {
    this.refresh();
    return this.files.get(file);
  }

  private jwtFromCookies = false;
  private queryParser = false;
  private sameSiteCookies = false;

  /**
   * Whether the package sets cookies, and every `.cookie(…)` call in its texts writes a `sameSite` of `'strict'`, `'lax'`
   * or `true`, or names options that some text writes so (`COOKIE_DEFAULTS` of `config/cookies.js`), with no `Set-Cookie`
   * header written otherwise (`onlySameSiteCookies`): no parse.
   */
  setsOnlySameSiteCookies(): boolean {
    this.refresh();
    return this.sameSiteCookies;
  }

  private registering: readonly string[] = [];
  private authenticating: readonly string[] = [];

  /** The package files whose text may authenticate a route with Passport (`mayAuthenticate`): no parse. */
  authenticatingFiles(): readonly string[] {
    this.refresh();
    return this.authenticating;
  }

  /** The package files whose text may register dependencies in a DI container (`mayRegisterDependencies`): no parse. */
  containerFiles(): readonly string[] {
    this.refresh();
    return this.registering;
  }

  /** Whether the text of some file of the package names the `query parser` setting (`QUERY_PARSER_SETTING`): no parse. */
  setsQueryParser(): boolean {
    this.refresh();
    return this.queryParser;
  }

  /** Whether the text of some file of the package may read a JWT from a cookie (`mayReadJwtFromCookies`): no parse. */
  readsJwtFromCookies(): boolean {
    this.refresh();
    return this.jwtFromCookies;
  }

  /** The texts the scan read, per file (as of its `files` entry), up to `MAX_SCAN_TEXT_BYTES` in all. */
  private readonly texts = new Map<string, string>();
  private textBytes = 0;

  /** Keeps `text` as the scan's text of `file` (`null`: none), within the bound (counted in characters). */
  private keepText(file: string, text: string | null): void {
    const before = this.texts.get(file);
    if (before !== undefined) {
      this.texts.delete(file);
      this.textBytes -= before.length;
    }
    if (text === null || this.textBytes + text.length > MAX_SCAN_TEXT_BYTES) return;
    this.texts.set(file, text);
    this.textBytes += text.length;
  }

  /**
   * The text of a package file as the scan read it, when `stat` (taken now) is still the mtime and size it read it
   * at, else `undefined` (the caller reads the file). No refresh: an older scan's text of an unchanged file is its text.
   * `undefined` too for a file whose facts an earlier process kept (not read: no text), and past `MAX_SCAN_TEXT_BYTES`.
   */
  textOf(file: string, stat: { mtimeMs: number; size: number }): string | undefined {
    const scanned = this.files.get(file);
    if (!scanned || scanned.mtimeMs !== stat.mtimeMs || scanned.size !== stat.size) return undefined;
    return this.texts.get(file);
  }

  private refresh(): void {
    const now = Date.now();
    if (now - this.checkedAt < INDEX_TTL_MS || this.run?.keeps(this.checkedIn, now)) return;
    this.checkedAt = now;
    this.checkedIn = this.run?.current() ?? -1;
    const seen = new Set<string>();
    const list = [...packageEntries(this.root, this.entries), ...this.sourceFiles()];
    // (Kept between processes only when the loader keeps results: without it, the scan is as it always was.)
    const kept = keepsResults() ? keptScans : null;
    let changed = false;
    for (const file of list) {
      if (seen.has(file)) continue;
      seen.add(file);
      const stat = safeStat(file);
      if (!stat || stat.size > MAX_FILE_BYTES) continue;
      const known = this.files.get(file);
      if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) continue;
      changed = true;
      const aliased = this.aliased && (this.mayAlias?.(file) ?? true) ? (specifier: string) => this.aliased!(file, specifier) : null;
      // The facts an earlier process kept for this very content (same path, mtime, size and ctime), with the bare
      // specifiers when this index needs them: the file is not read.
      const stored = kept?.get(file);
      if (stored && stored.m === stat.mtimeMs && stored.s === stat.size && stored.c === stat.ctimeMs && (!aliased || stored.b)) {
        this.keepText(file, null);
        this.files.set(file, scannedOf(stored, aliased));
        continue;
      }
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        this.keepText(file, null);
        continue;
      }
      if (scanReads.size >= MAX_SCAN_FILES) scanReads.clear();
      scanReads.set(file, (scanReads.get(file) ?? 0) + 1);
      this.keepText(file, text);
      const imports: string[] = [];
      for (const match of text.matchAll(IMPORT_PATTERN)) if (!imports.includes(match[2]!)) imports.push(match[2]!);
      const relative = imports.length;
      let bare: string[] | null = null;
      if (aliased) {
        bare = [];
        for (const match of text.matchAll(BARE_IMPORT_PATTERN)) {
          if (bare.includes(match[2]!)) continue;
          bare.push(match[2]!);
          if (aliased(match[2]!)) imports.push(match[2]!);
        }
      }
      const creates = createsApp(text);
      const scanned: ScannedFile = {
        mtimeMs: stat.mtimeMs,
        size: stat.size,
        ctimeMs: stat.ctimeMs,
        imports,
        jwtFromCookies: mayReadJwtFromCookies(text),
        queryParser: text.includes('query parser') && QUERY_PARSER_SETTING.test(text),
        cookieWrites: cookieWriteScan(text),
        createsApp: creates,
        makesOwnApp: makesOwnApp(text, creates),
        registers: mayRegisterDependencies(text),
        authenticates: mayAuthenticate(text),
        passesPackage: passesPackageText(text),
        reexports: mayReexport(text, undefined, 'reexports'),
        reexportsImports: mayReexportOneOf(text, imports),
      };
      this.files.set(file, scanned);
      if (kept && now - Math.max(stat.mtimeMs, stat.ctimeMs) >= RACY_MS) kept.set(file, keptOf(scanned, stat.ctimeMs, imports.slice(0, relative), bare));
    }
    for (const file of this.files.keys()) {
      if (!seen.has(file)) {
        this.keepText(file, null);
        this.files.delete(file);
        changed = true;
      }
    }
    if (!changed) return;
    this.jwtFromCookies = [...this.files.values()].some((scanned) => scanned.jwtFromCookies);
    this.queryParser = [...this.files.values()].some((scanned) => scanned.queryParser);
    this.sameSiteCookies = onlySameSiteCookies([...this.files.values()].map((scanned) => scanned.cookieWrites));
    this.registering = [...this.files].filter(([, scanned]) => scanned.registers).map(([file]) => file).sort();
    this.authenticating = [...this.files].filter(([, scanned]) => scanned.authenticates).map(([file]) => file).sort();
    // Specifiers by the name they end with (`../routes/users.js` → `users`), resolved only when asked.
    const importers = new Map<string, { file: string; specifier: string }[]>();
    for (const [file, scanned] of this.files) {
      for (const specifier of scanned.imports) {
        // (An alias of one segment, `#db` or `@config`, may name a file of any name: asked for every file.)
        const name = specifier.startsWith('.') || specifier.includes('/') ? stem(specifier) : ANY_NAME;
        const list = importers.get(name) ?? [];
        list.push({ file, specifier });
        importers.set(name, list);
      }
    }
    this.bySpecifierName = importers;
    this.importers = new Map();
    this.byName = new Map();
    this.targets = new Map();
    this.rebuilt = {};
  }

  /** The JSON and extensionless files of the folders the last scan walked (not sources): `fingerprint`. */
  private others: readonly string[] = [];
  private printed: { of: object; print: string; newest: number } | null = null;

  /**
   * What the package's files were as of the last refresh, for results kept between processes that a later process may
   * take only for the same files (src/project/index.ts, the holders): a hash of the path, mtime, size and ctime of every
   * source file the scan read, of the names of the JSON and extensionless files of the folders it walked (a
   * resolution may find them: `require('./config')` of a config.json), and of the stat of the package's manifests,
   * tsconfig / jsconfig files (any folder) and lockfiles (how its specifiers resolve); with the newest mtime or ctime
   * among them (a file written within `RACY_MS` of a read may be written again at the same stat). No refresh: the
   * files as the index read them (a file edited since gives another hash in the next process).
   */
  fingerprint(): { print: string; newest: number } {
    if (this.printed?.of === this.rebuilt) return this.printed;
    // (The stats as binary numbers, apart from the paths: writing 5,000 of them as text took most of the time.)
    const files = [...this.files.keys()].sort();
    const stats = new Float64Array(files.length * 3);
    let newest = -Infinity;
    files.forEach((file, i) => {
      const { mtimeMs, size, ctimeMs } = this.files.get(file)!;
      stats[3 * i] = mtimeMs;
      stats[3 * i + 1] = size;
      stats[3 * i + 2] = ctimeMs;
      newest = Math.max(newest, mtimeMs, ctimeMs);
    });
    const hash = createHash('sha256').update(files.join('\0')).update(stats);
    const configs = CONFIG_FILES.map((name) => path.join(this.root, name));
    const others = [...this.others].sort();
    for (const file of others) if (CONFIG_NAME.test(path.basename(file)) && !configs.includes(file)) configs.push(file);
    hash.update(`\0others\0${others.join('\0')}\0configs`);
    for (const file of configs) {
      const stat = safeStat(file);
      if (stat) newest = Math.max(newest, stat.mtimeMs, stat.ctimeMs);
      hash.update(stat ? `\0${file}\0${stat.mtimeMs}\0${stat.size}\0${stat.ctimeMs}` : `\0${file}\0-`);
    }
    this.printed = { of: this.rebuilt, print: hash.digest('base64'), newest };
    return this.printed;
  }

  private bySpecifierName = new Map<string, { file: string; specifier: string }[]>();

  /**
   * Resolves the specifiers that may name `file` (by its name, or its folder's for an `index` file; for an index in
   * `src/` or `lib/`, also the folder above: `@acme/auth` of a tsconfig path to `libs/auth/src/index.ts`, Nx's layout).
   */
  private resolveImporters(file: string): string[] {
    const base = stem(file);
    const folder = path.basename(path.dirname(file));
    const above = folder === 'src' || folder === 'lib' ? [path.basename(path.dirname(path.dirname(file)))] : [];
    const names = base === 'index' ? [base, folder, ...above, ANY_NAME] : [base, ANY_NAME];
    const found: string[] = [];
    for (const name of names) {
      for (const { file: importer, specifier } of this.bySpecifierName.get(name) ?? []) {
        if (!found.includes(importer) && this.resolve(importer, specifier) === file) found.push(importer);
      }
    }
    return found;
  }

  /**
 * Source files under the root (and the extensionless scripts of its `bin/` folder), skipping `node_modules`, build
 * output and hidden folders, within the bounds.
 */
  private sourceFiles(): string[] {
    const files: string[] = [];
    const others: string[] = [];
    this.others = others;
    const listings = new Listings();
    this.listings = listings;
    const binFolder = path.join(this.root, 'bin');
    const walk = (dir: string, depth: number): void => {
      if (depth > MAX_SCAN_DEPTH || files.length >= MAX_SCAN_FILES) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      listings.add(dir, entries);
      for (const entry of entries) {
        if (files.length >= MAX_SCAN_FILES) return;
        if (entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name) || full === this.opened) walk(full, depth + 1);
        } else if (entry.isFile() && (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
          files.push(full);
        } else if (entry.isFile() && dir === binFolder && path.extname(entry.name) === '') {
          // `bin/www` (express-generator): an entry script without an extension, served apps' usual importer, even
          // when package.json does not name it (no `bin`, no `scripts.start`).
          files.push(full);
        } else if (entry.isFile() && (path.extname(entry.name) === '.json' || path.extname(entry.name) === '')) {
          // (What a resolution may find besides the sources: `require('./config')` of a config.json; `fingerprint`.)
          others.push(full);
        }
      }
    };
    walk(this.root, 0);
    return files;
  }
}
