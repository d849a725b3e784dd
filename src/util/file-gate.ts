import type { TSESTree } from '@typescript-eslint/utils';

import { ROUTER_MODULES, SERVER_FACTORIES } from '../data/express';
import { CONTROLLER_DECORATOR, CONTROLLER_DECORATOR_LIBRARIES, NEST_FACTORY, ROUTE_DECORATORS } from '../data/nest';
import { HANDLER_PARAMETER_NAMES } from '../data/sinks';
import { VERIFY_CALLBACKS } from '../data/strategies';
import { GRAPHQL_SERVERS } from '../data/graphql';
import { RESOLVER_MAP_TEXT } from '../express/graphql';
import { isShapedLikeHandler } from '../express/handler-shapes';
import { TYPE_MODULES } from '../express/typed-roles';
import { contextFacts, modelIsBuilt, wholeAppMayGiveApps, wholeAppMayImportPackage, type FunctionNode } from '../express/index';
import { readSettings } from '../express/settings';
import { BOOTSTRAP, NEST_CONTROLLER, startsWholeAppWalk } from '../project/scan';

/**
 * What a file shows that a rule may react to, each answer computed once per file and shared by every rule: the
 * per-rule gates (`gate` in a `createRule` definition) ask it before the rule registers a listener. Every answer is
 * a superset: `false` only where the file provably cannot show the thing.
 */
export interface FileSigns {
  readonly text: string;
  /** The file names one of `modules` as a string (`require('helmet')`, `from 'node:http'`, `'helmet/x'`). */
  names(modules: ModuleNames): boolean;
  /**
   * The file's model may hold a value of one of `modules`: it names one (`names`), or the whole-app view may give it
   * one: through an import of a module of the package that may pass an installed package on (`module.exports =
   * require('express-session')`, src/project `exportedPackage`; read from texts: `wholeAppMayImportPackage`), or
   * as a parameter that importers hand the package's value beside an app (`require('./routes')(app, passport)`,
   * `bindParameterValue`: only where they hand it an app, `mayHoldApp`'s whole-app part).
   */
  mayHoldModules(modules: ModuleNames): boolean;
  /**
   * With the whole-app view, a module of the package that the file imports may pass an installed package on
   * (`exports.session = require('express-session')`, `export { default as session } from 'express-session'`): the
   * file's model may then hold a value of a package its text does not name. Read from texts
   * (`wholeAppMayImportPackage`), no parse: the part of `mayHoldModules` that does not walk the holders.
   */
  readonly mayImportPackage: boolean;
  /**
   * The whole-app model may add to the file's model (src/project `crossFileFor`): it is on and the file starts the
   * walk (`startsWholeAppWalk`). Only then can an importer hand the file an app (a parameter bound to `express()`,
   * whose values count as values of `express`), or register one of its functions as a handler.
   */
  readonly crossFile: boolean;
  /**
   * `model.apps` / `model.handlers` may be non-empty: the file names `express` or Nest's `@nestjs/core` /
   * `@nestjs/common` (the only modules whose values make apps and routers), or the whole-app model may give it one
   * (src/project `CrossFile.mayGainApps`: it imports a file that makes one, or a file that holds one hands it one or
   * registers one of its functions on a route), or may give it `express` itself: a module of the package it imports
   * may pass an installed package on (`module.exports = require('express')`, `export { default } from 'express'`;
   * `mayImportPackage`, read from texts, asked last).
   */
  readonly mayHoldApp: boolean;
  /**
   * `model.apps` (and so `model.handlers`) may be non-empty, read more closely than `mayHoldApp` (which a rule's gate
   * asks): the file may hold a value of `express`, `@nestjs/core` or `@nestjs/common` that makes an app or router (not
   * only named imports of other exports, `import { Request } from 'express'`: `APP_MAKERS`), or the whole-app view may
   * give it one (`mayHoldApp`'s part: a holder hands it one, a factory of the package makes it, or a module of the
   * package it imports may pass `express` or a Nest module on: `mayImportPackage`).
   */
  readonly mayHaveApps: boolean;
  /**
   * Some function of the file may receive a request (`getRequestData(context).handlers.list` may be non-empty), and so
   * request data may flow: an app or router of the model may register it (`mayHaveApps`: only such an app registers a
   * handler), it is typed with Express's types (an import of `express` or `express-serve-static-core`), it is a NestJS
   * exception filter, guard, interceptor or parameter decorator's callback (`@Catch`, `ExecutionContext`,
   * `ArgumentsHost`, `createParamDecorator` in the text), it is a Node server's listener (a module of `SERVER_FACTORIES`), a Passport
   * strategy's verify callback (a module of `VERIFY_CALLBACKS`, passport-local), a GraphQL resolver (a module of
   * `GRAPHQL_SERVERS`, or with the shape guess a resolver map's `Query: {` in the text), or it is shaped like
   * a handler (`(req, res)`, `(req, res, next)`, `(err, req, res, next)`, `({ body }, res)`: the shape guess's own test,
   * `isShapedLikeHandler`; the shape counts only in a file or package that uses Express, which the package.json
   * decides, so the text cannot rule it out). Each of these is what `getRequestHandlers` (src/express/handler-shapes.ts)
   * finds a handler by, so a file that shows none of them has none, whatever the whole-app model links.
   */
  readonly mayHandleRequests: boolean;
  /**
   * With the shape guess, the text sets a cookie on a name like a response's (`res.cookie(`, `response.cookie(`): a
   * cookie helper whose response parameter a handler of another file passes (`setAuthCookie(res, token)` of
   * utils/cookies.js: src/express/handler-shapes.ts `namedResponse`).
   */
  readonly mayCookieNamedResponse: boolean;
  /**
   * The file may hold NestJS routes whose path other files add to (a base controller's routes, the bootstrap's global
   * prefix, src/express/nest.ts): it shows a route decorator or bootstraps an app (`NEST_CONTROLLER`, `BOOTSTRAP`, the
   * signs on which src/project links Nest files).
   */
  readonly mayRouteNest: boolean;
}

/** A list of module names a gate asks about (`moduleNames('helmet', 'lusca')`), registered for the one scan per file. */
export interface ModuleNames {
  readonly names: readonly string[];
}

const registered = new Set<string>();
/** Every registered name as a string of the file (`'x'`, `"node:x"`, `` `x` ``, `'x/sub'`), longest first. */
let knownPattern: RegExp | null = null;

/**
 * Module names for `FileSigns.names`, registered so that one scan of a file's text finds them all. A module value of
 * the model (`{ module: 'helmet' }`) comes only from an `import`/`require` whose specifier is that string (a `node:`
 * prefix dropped), written as a string literal or a template literal without expressions, so a file without the
 * string has no such value. (A specifier spelt with escape sequences, `'\x68elmet'`, is not seen: no real code does
 * that, and `no-hardcoded-secrets` makes the same assumption.) `x/sub` counts as `x`: a superset.
 */
export function moduleNames(...lists: readonly (string | readonly string[])[]): ModuleNames {
  const names = [...new Set(lists.flat())];
  for (const name of names) {
    if (registered.has(name)) continue;
    registered.add(name);
    knownPattern = null;
  }
  return { names };
}

function pattern(): RegExp {
  if (!knownPattern) {
    const alternatives = [...registered].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&'));
    // The closing quote (or `/`) is looked at, not taken, so that the next string can start right after.
    knownPattern = new RegExp(`['"\`](?:node:)?(${alternatives.join('|')})(?=['"\`/])`, 'gu');
  }
  return knownPattern;
}

/**
 * `express`, the packages that make Express routers (`express-promise-router`: `ROUTER_MODULES`), Nest's modules and
 * the other controller libraries (`CONTROLLER_DECORATOR_LIBRARIES`: routing-controllers): only their values make apps
 * and routers in a file's own model.
 */
export const APP_MODULES = moduleNames(
  'express',
  ROUTER_MODULES,
  NEST_FACTORY.module,
  CONTROLLER_DECORATOR_LIBRARIES.map((library) => library.module),
);
/**
 * The modules whose values make apps and routers in a file's own model, and the named exports that do: `express()` and
 * `Router()` (src/express/model.ts `onCall`), a router package's own value (`PromiseRouter()`), `NestFactory.create()`,
 * Nest's `@Controller()` and route decorators and those of the other controller libraries (src/express/nest.ts). (`default` is the module itself.)
 */
const APP_MAKERS: readonly (readonly [string, ReadonlySet<string>])[] = [
  ['express', new Set(['default', 'Router'])],
  ...ROUTER_MODULES.map((module) => [module, new Set(['default'])] as const),
  [NEST_FACTORY.module, new Set(['default', NEST_FACTORY.path[0]])],
  // (each library's decorators that act as `@Controller()` or a route decorator)
  ...CONTROLLER_DECORATOR_LIBRARIES.map(
    (library) =>
      [
        library.module,
        new Set([
          'default',
          ...Object.entries(library.decorators)
            .filter(([, name]) => name === CONTROLLER_DECORATOR || Object.hasOwn(ROUTE_DECORATORS, name))
            .map(([own]) => own),
        ]),
      ] as const,
  ),
];
/** Node's servers, whose listeners receive requests (`http.createServer((req, res) => …)`). */
const SERVER_MODULES = moduleNames(SERVER_FACTORIES.map(([module]) => module));
/** Passport strategies whose verify callbacks receive request data (`passport-local`: src/express/strategies.ts). */
const STRATEGY_MODULES = moduleNames(VERIFY_CALLBACKS.map((row) => row.module));
/** GraphQL servers whose resolvers receive the client's arguments (src/express/graphql.ts). */
const GRAPHQL_MODULES = moduleNames(GRAPHQL_SERVERS.map((row) => row.module));
/**
 * The modules whose types make typed handlers (`req: Request` of `express` or `express-serve-static-core`:
 * src/express/typed-roles.ts `TYPE_MODULES`). Other modules whose names start with `express` (`express-session`,
 * `express-hbs`) give no handler types.
 */
const EXPRESS_TYPES = moduleNames([...TYPE_MODULES]);
/**
 * NestJS functions that take a request without a controller (src/express/nest.ts): an exception filter (`@Catch()`,
 * `nestExceptionFilters`), a function with a parameter typed `ExecutionContext` or `ArgumentsHost` (a guard's
 * `canActivate`, an interceptor) or a `createParamDecorator` callback (`nestContextFunctions`), and the request and
 * response they reach (`host.switchToHttp().getResponse()`, `getRequest()`).
 */
const NEST_FILTER = /\b(?:switchToHttp|Catch|ExecutionContext|ArgumentsHost|createParamDecorator)\b/u;
/** A word that may be a parameter named like a response, or an identifier spelt with a Unicode escape. */
const RESPONSE_WORD = new RegExp(`\\b(?:${HANDLER_PARAMETER_NAMES.res.join('|')})\\b|\\\\u`, 'u');
/** `res.cookie(`, `response.cookie(` (also after `res.status(…)`, not read further). */
const RESPONSE_COOKIE = new RegExp(`\\b(?:${HANDLER_PARAMETER_NAMES.res.join('|')})\\s*\\.\\s*(?:status\\s*\\([^()]*\\)\\s*\\.\\s*)?cookie\\s*\\(`, 'u');

interface GateContext {
  readonly sourceCode: {
    readonly ast: object;
    readonly text: string;
    readonly scopeManager: { readonly scopes: readonly { readonly type: string; readonly block: object }[] } | null;
  };
  readonly settings?: Readonly<Record<string, unknown>>;
}

class Signs implements FileSigns {
  readonly text: string;
  private named: Set<string> | undefined;
  private namedWith: RegExp | undefined;
  private cross: boolean | undefined;
  private app: boolean | undefined;
  private apps: boolean | undefined;
  private gains: boolean | undefined;
  private passed: boolean | undefined;
  private requests: boolean | undefined;

  constructor(
    private readonly context: GateContext,
    private readonly settings: { crossFile: boolean; handlerShapes: boolean },
  ) {
    this.text = context.sourceCode.text;
  }

  names(modules: ModuleNames): boolean {
    const current = pattern();
    if (!this.named || this.namedWith !== current) {
      this.named = new Set();
      this.namedWith = current;
      for (const match of this.text.matchAll(current)) this.named.add(match[1]!);
    }
    return modules.names.some((name) => this.named!.has(name));
  }

  mayHoldModules(modules: ModuleNames): boolean {
    return this.names(modules) || (this.crossFile && (this.gainsApps || this.importsPackage));
  }

  /** The whole-app view may give the file an app, a router or a handler (`wholeAppMayGiveApps`: the holder walk). */
  private get gainsApps(): boolean {
    this.gains ??= this.crossFile && wholeAppMayGiveApps(this.context as unknown as Parameters<typeof wholeAppMayGiveApps>[0]);
    return this.gains;
  }

  /** A module of the package that the file imports may pass an installed package on (`wholeAppMayImportPackage`). */
  private get importsPackage(): boolean {
    this.passed ??= this.crossFile && wholeAppMayImportPackage(this.context as unknown as Parameters<typeof wholeAppMayImportPackage>[0]);
    return this.passed;
  }

  get mayHaveApps(): boolean {
    this.apps ??= APP_MAKERS.some(([module, makers]) => this.mayUse(module, makers)) || this.gainsApps || this.importsPackage;
    return this.apps;
  }

  /**
   * Whether the file may hold a value of `module` from which an app or router is made (the module itself, or one of
   * `makers`): it names the module somewhere other than in import declarations that bind only other named exports
   * (`import { Request, Response } from 'express'`, `import { Injectable } from '@nestjs/common'`), type-only ones
   * too. A value's path only grows, so `Request` of express never makes an app; a `require('express')`, a default or
   * namespace import, a comment that names it: may.
   */
  private mayUse(module: string, makers: ReadonlySet<string>): boolean {
    let mentions = 0;
    const quoted = new RegExp(`['"\`]${module.replace(/[/.]/gu, '\\$&')}['"\`]`, 'gu');
    for (let match = quoted.exec(this.text); match; match = quoted.exec(this.text)) mentions++;
    if (mentions === 0) return false;
    const ast = this.context.sourceCode.ast as TSESTree.Program;
    for (const statement of ast.body) {
      if (statement.type !== 'ImportDeclaration' || statement.source.value !== module) continue;
      const bindsMaker =
        statement.importKind !== 'type' &&
        statement.specifiers.some(
          (spec) =>
            spec.type !== 'ImportSpecifier' ||
            (spec.importKind !== 'type' && makers.has(spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value))),
        );
      if (bindsMaker) return true;
      mentions--;
    }
    return mentions > 0;
  }

  get mayImportPackage(): boolean {
    return this.crossFile && this.importsPackage;
  }

  get crossFile(): boolean {
    this.cross ??= this.settings.crossFile && startsWholeAppWalk(this.text);
    return this.cross;
  }

  get mayHoldApp(): boolean {
    // (`importsPackage` last: it reads the texts of the modules the file imports. Most files that get here have asked
    // it already, for `mayHoldModules`.)
    this.app ??= this.names(APP_MODULES) || this.gainsApps || this.importsPackage;
    return this.app;
  }

  get mayRouteNest(): boolean {
    return NEST_CONTROLLER.test(this.text) || BOOTSTRAP.test(this.text);
  }

  get mayHandleRequests(): boolean {
    // (The text's signs first: `mayHaveApps` may walk the holders above the file, which a file with one needs not.)
    this.requests ??=
      this.names(EXPRESS_TYPES) ||
      NEST_FILTER.test(this.text) ||
      this.names(SERVER_MODULES) ||
      this.names(STRATEGY_MODULES) ||
      this.names(GRAPHQL_MODULES) ||
      (this.settings.handlerShapes && RESOLVER_MAP_TEXT.test(this.text)) ||
      (this.settings.handlerShapes && hasHandlerShape(this.context.sourceCode)) ||
      this.mayHaveApps;
    return this.requests;
  }

  get mayCookieNamedResponse(): boolean {
    return this.settings.handlerShapes && RESPONSE_COOKIE.test(this.text);
  }
}

/**
 * A function shaped like a handler (src/express/handler-shapes.ts `isShapedLikeHandler`, the test `getRequestHandlers`
 * takes a shaped handler by): read from the scopes ESLint built, after a text check for a response's name (or an
 * identifier spelt with a Unicode escape). Without the scopes, any such word may be one.
 */
function hasHandlerShape(sourceCode: GateContext['sourceCode']): boolean {
  if (!RESPONSE_WORD.test(sourceCode.text)) return false;
  const scopes = sourceCode.scopeManager?.scopes;
  if (!scopes) return true;
  for (const scope of scopes) {
    if (scope.type !== 'function') continue;
    const block = scope.block as FunctionNode;
    if (Array.isArray(block.params) && isShapedLikeHandler(block)) return true;
  }
  return false;
}

const signsCache = new WeakMap<object, Signs>();

/** The signs of the file being linted (cached on its AST, shared by every rule). */
export function fileSigns(context: GateContext): FileSigns {
  const ast = context.sourceCode.ast;
  let signs = signsCache.get(ast);
  if (!signs) {
    const settings = readSettings(context.settings);
    signs = new Signs(contextFacts(context as unknown as Parameters<typeof contextFacts>[0]) as unknown as GateContext, { crossFile: settings.crossFile, handlerShapes: settings.handlerShapes });
    signsCache.set(ast, signs);
  }
  return signs;
}

/**
 * Candidate-first, for a rule about the file's apps, routes or registered handlers (`model.apps`, `model.handlers`,
 * which only apps and routers of the file, or given to it, make): whether the model may show one, asked before the
 * model is. The model itself when another rule built it already (free), else `FileSigns.mayHaveApps`.
 */
export function mayHaveApps(context: GateContext & { readonly id?: string }): boolean {
  return modelIsBuilt(context as unknown as Parameters<typeof modelIsBuilt>[0]) || fileSigns(context).mayHaveApps;
}
