import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { ANY_DANGER, Danger, MONGO_CLIENT_MODULES, OPERATOR_EXAMPLES, MONGO_FILTER_METHODS, NON_MONGO_MODULES, NOSQL_SANITIZING_MIDDLEWARE, REQUEST_PROPERTIES, SQL_ORM_OPTION_KEYS } from '../data/sinks';
import {
  enclosingAdapted,
  enclosingHandler,
  getExpressModel,
  getRequestData,
  helperSinkFindings,
  literalString,
  staticKey,
  resolveConst,
  unwrap,
  middlewareChains,
  objectLiteralsOf,
  pathEquals,
  type Handler,
  type AppCall,
  type MiddlewareChain,
  type MiddlewareItem,
  type ExpressModel,
  authenticatingRoutes,
  type AuthenticatingRoute,
  dependencyOf,
  functionSummaryElsewhere,
  holdsOnlyConstants,
  runsOnExpress5,
} from '../express';
import { createRule, fileSigns, moduleNames } from '../util/create-rule';

type Options = [];
type MessageIds = 'operatorInjection' | 'operatorInjectionExpress5' | 'whereInjection' | 'regexInjection' | 'wrapString';

/**
 * Keys whose value is matched as a plain value even when it is an object: `$eq`, and the lists of `$in` / `$nin`,
 * whose elements are compared for equality (an object there is a document to equal, a non-array an error).
 * (`$all` is not one: its elements may be `$elemMatch` operators.)
 */
const LITERAL_OPERATORS = new Set(['$eq', '$in', '$nin']);
/** The Mongo clients as a file names them (`FileSigns.mayHoldModules`). */
const MONGO_MODULES = moduleNames(MONGO_CLIENT_MODULES);

export default createRule<Options, MessageIds>({
  name: 'no-nosql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data used as a whole value in MongoDB and Mongoose query filters',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      operatorInjection:
        "Request data ({{source}}) is used as a whole value in the filter of '{{method}}': {{example}} sent by the client becomes a query operator. Coerce it (String(), Number()) or mount express-mongo-sanitize.",
      // (express-mongo-sanitize throws on Express 5, whose `req.query` is a getter.)
      operatorInjectionExpress5:
        "Request data ({{source}}) is used as a whole value in the filter of '{{method}}': {{example}} sent by the client becomes a query operator. Coerce it (String(), Number()), validate it, or use Mongoose's sanitizeFilter (express-mongo-sanitize throws on Express 5).",
      whereInjection:
        "Request data ({{source}}) is part of a $where expression in '{{method}}': the database runs it as JavaScript. Use query operators instead.",
      // (An object there is an error, not an operator: the pattern is the danger, and `String()` does not help.)
      regexInjection:
        "Request data ({{source}}) is the $regex pattern in the filter of '{{method}}': the client chooses the pattern, so one that backtracks ties up the database and '.*' matches every document. Escape it (escape-string-regexp, lodash's escapeRegExp) or match the value exactly.",
      wrapString: 'Coerce the value with String(…).',
    },
  },
  defaultOptions: [],
  // Request data.
  gate: (file) => file.mayHandleRequests,
  create(context) {
    const sourceCode = context.sourceCode;
    let globallySanitized: boolean | undefined;
    let express5: boolean | undefined;

    /**
     * The advice fits the package's Express: a range that admits only 5 or later, or NestJS 11's Express adapter, gets
     * no express-mongo-sanitize (it throws there).
     */
    function operatorMessage(): 'operatorInjection' | 'operatorInjectionExpress5' {
      express5 ??= runsOnExpress5(context);
      return express5 ? 'operatorInjectionExpress5' : 'operatorInjection';
    }

    /**
     * How a client puts an operator there (`OPERATOR_EXAMPLES`): request data whose values are strings (a whole query
     * under Express 5's simple parser, `Tainted.members`) gives one by a key it picks, at the top of the filter when the
     * data is the `whole` filter (or spread into it).
     */
    function example(node: TSESTree.Node, whole: boolean): string {
      const members = getRequestData(context).carries(node, Danger.nosql)?.members;
      if (members === undefined || members & Danger.nosql) return OPERATOR_EXAMPLES.object;
      return whole ? OPERATOR_EXAMPLES.wholeFilterKeys : OPERATOR_EXAMPLES.valueKeys;
    }

    let declaresNoMongo: boolean | undefined;
    /** The package of the file (its nearest `package.json`) declares no MongoDB client. Unknown (no `package.json` on disk) is not "none". */
    function declaresNone(): boolean {
      declaresNoMongo ??= (() => {
        const declared = MONGO_CLIENT_MODULES.map((m) => dependencyOf(context, m));
        return !declared.includes(undefined) && !declared.some(Boolean);
      })();
      return declaresNoMongo;
    }

    let mongoPossible: boolean | undefined;
    /**
     * Candidate-first, before any model is asked: `isWithoutMongo` holds for every model of the file when the package
     * declares no Mongo client and the file's model can hold no value of one (the file names none, and with the
     * whole-app view no module of the package passes one on and no importer hands one to a parameter:
     * `FileSigns.mayHoldModules`). Then nothing below can report.
     */
    function mayUseMongo(): boolean {
      mongoPossible ??= !declaresNone() || fileSigns(context).mayHoldModules(MONGO_MODULES);
      return mongoPossible;
    }

    let withoutMongo: boolean | undefined;
    /**
     * True when the package of the file declares no MongoDB client and the file imports none: its `findOne({ id })`
     * calls go to an SQL ORM (Ghost's Bookshelf models).
     */
    function isWithoutMongo(model: ExpressModel): boolean {
      withoutMongo ??= declaresNone() && !MONGO_CLIENT_MODULES.some((m) => model.imports(m) || model.declaresImport(m));
      return withoutMongo;
    }
    const handlerSanitized = new Map<Handler, boolean>();

    let sanitizerDeclared: boolean | undefined;
    /** The package of the file (its nearest `package.json`) declares a module of `NOSQL_SANITIZING_MIDDLEWARE`. */
    function declaresSanitizer(): boolean {
      sanitizerDeclared ??= NOSQL_SANITIZING_MIDDLEWARE.some((row) => Boolean(dependencyOf(context, row.module)));
      return sanitizerDeclared;
    }

    /**
     * `mongoose.set('sanitizeFilter', true)` in this file, or sanitizing middleware (`NOSQL_SANITIZING_MIDDLEWARE`)
     * that runs before the handler around `node` on every chain the model shows, across files: mounted on the app in
     * app.js before the router of this file, or on the app handed to this file's route module. A chain above a router
     * or app handed to code the model does not follow (`handedOn`) counts as sanitized: it is not known.
     */
    function isSanitized(model: ExpressModel, node: TSESTree.Node): boolean {
      globallySanitized ??= model
        .callsTo('mongoose', ['set'])
        .some((c) => literalString(c.arguments[0]) === 'sanitizeFilter' && isTrue(c.arguments[1]));
      if (globallySanitized) return true;
      const handler = enclosingHandler(model, node);
      // (A controller that importers register through a route adapter: sanitized on every route it is registered on.)
      if (!handler) {
        const routes = enclosingAdapted(model, node);
        if (routes.length > 0) return routes.every((route) => sanitizedRoute(model, route));
        // A Passport verify callback runs in the chain of whichever route authenticates with its strategy: the routes the
        // package shows doing so (`passport.authenticate('local')`) are asked, up to that item. Else, and for a GraphQL
        // resolver, in the chain of the route the server is mounted on (an operator can only come in the variables, the
        // JSON body: GraphQL's own syntax has no `$` in a key), which the model does not link: a sanitizer the package
        // declares may run before it (not known), so nothing is said.
        const kind = getRequestData(context).handlers.enclosing(node)?.kind;
        const logins = kind === 'verify' ? authenticatingRoutes(context, node) : null;
        if (logins) return logins.every((route) => sanitizedBefore(route));
        return (kind === 'verify' || kind === 'graphql') && declaresSanitizer();
      }
      return sanitizedRoute(model, handler);
    }

    const routeSanitized = new Map<AuthenticatingRoute, boolean>();
    /** Whether a sanitizer runs before the `passport.authenticate(…)` item of a route on every chain through it that its model shows. */
    function sanitizedBefore(route: AuthenticatingRoute): boolean {
      let known = routeSanitized.get(route);
      if (known === undefined) {
        known = sanitizedOn(route.model, route.chains);
        routeSanitized.set(route, known);
      }
      return known;
    }

    /**
     * For request data in a Passport verify callback: the route that logs in with its strategy and has no sanitizer
     * before it (the first by file and line, and how many more), as a message names it (`, on POST /login (app.js:9)`);
     * `''` when not known or not in a verify callback.
     */
    function onRoutes(node: TSESTree.Node): string {
      if (getRequestData(context).handlers.enclosing(node)?.kind !== 'verify') return '';
      const routes = authenticatingRoutes(context, node);
      const open = routes?.filter((route) => !sanitizedBefore(route)) ?? [];
      if (open.length === 0) return '';
      return `, on ${open[0]!.label}${open.length > 1 ? ` and ${open.length - 1} more` : ''}`;
    }

    function sanitizedRoute(model: ExpressModel, handler: Handler): boolean {
      let known = handlerSanitized.get(handler);
      if (known === undefined) {
        const index = handler.call.middleware.findIndex((item) => item.fn === handler.fn);
        known = sanitizedChains(model, handler.call, index < 0 ? undefined : index);
        handlerSanitized.set(handler, known);
      }
      return known;
    }

    /**
     * Not a Mongo filter: a Bookshelf call (`findOne(filter, { withRelated })`), or not the legacy
     * `update(filter, update)` / `findAndModify(filter, ...)`: a one-argument `hash.update(data)`, a value of a
     * non-Mongo module (`crypto`), or Sequelize's `Model.update(values, { where })`.
     */
    function isNotLegacyFilter(method: string, args: readonly TSESTree.CallExpressionArgument[], owner: string | undefined): boolean {
      // Bookshelf's `Model.findOne(filter, { withRelated, transacting })` is SQL.
      if (args.slice(1).some(isSqlOrmOptions)) return true;
      if (method !== 'update' && method !== 'findAndModify') return false;
      if (args.length < 2 || (owner !== undefined && owner !== 'mongodb' && owner !== 'mongoose')) return true;
      const second = args[1]!;
      if (second.type === T.SpreadElement) return true;
      const inner = unwrap(second);
      return inner.type === T.ObjectExpression && inner.properties.some((p) => p.type === T.Property && staticKey(p) === 'where');
    }

    /**
     * Cross-file: `findUser(filter)` of another module of the package puts its parameter into a Mongo filter
     * (`User.find(filter)`, `collection.findOne({ name })`: the project model's summary of it): request data that can
     * be an object, passed here, is reported at this argument, naming the helper, its file and the query method.
     */
    function helperElsewhere(node: TSESTree.CallExpression): void {
      if (!mayUseMongo()) return;
      const findings = helperSinkFindings(context, node, Danger.nosql, ['nosql', 'where']);
      if (findings.length === 0) return;
      const model = getExpressModel(context);
      if (isWithoutMongo(model)) return;
      // A sanitizer strips operator keys; text in a `$where` stays JavaScript.
      const sanitized = isSanitized(model, node);
      for (const finding of findings) {
        if (sanitized && finding.kind !== 'where') continue;
        context.report({
          node: finding.node,
          messageId: finding.kind === 'where' ? 'whereInjection' : operatorMessage(),
          data: { source: finding.source + onRoutes(node), method: finding.method, ...(finding.kind === 'where' ? {} : { example: example(finding.node, finding.whole === true) }) },
        });
      }
    }

    return {
      CallExpression(node) {
        helperElsewhere(node);
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression) return;
        const method = staticKey(callee);
        if (method === null || (!MONGO_FILTER_METHODS.has(method) && method !== '$where')) return;
        // Candidate-first: the argument read below (`Model.where('age', value)`'s value, else the filter) must be able to
        // hold request data: a filter of constants (`find({ active: true })`), a callback (`list.find((x) => …)`) holds
        // none, and the model is not asked for it.
        const [first, second] = node.arguments;
        const read = first && first.type !== T.SpreadElement && method === 'where' && literalString(first) !== null ? second : first;
        if (!read || read.type === T.SpreadElement || holdsOnlyConstants(read) || !mayUseMongo()) return;
        const model = getExpressModel(context);
        const requestData = getRequestData(context);
        if (requestData.handlers.list.length === 0) return;
        const owner = model.valueOf(callee.object)?.module;
        if (owner !== undefined && NON_MONGO_MODULES.has(owner)) return;
        if (isWithoutMongo(model)) return;
        // A method of a class or module of another file of the package (`todosService.find(req.body.id)` with
        // `todosService = new TodosService(...)`): what it does with its parameter is read there (`helperElsewhere`);
        // its name is no sign of a Mongo query (trial 27).
        if (functionSummaryElsewhere(context, node)) return;
        const name = `${receiverName(sourceCode.getText(callee.object))}.${method}`;
        /** `whole`: the filter itself, or spread into it (`OPERATOR_EXAMPLES`); `regex`: the value of a `$regex`. */
        const findings: { node: TSESTree.Node; where: boolean; wrap: boolean; whole?: boolean; regex?: boolean }[] = [];

        /**
         * The object literals an expression is, when each of its values is one: a literal, either branch of `?:`, a
         * `const` (or a local never written again) holding such; else `null`.
         */
        const wholeLiterals = (node: TSESTree.Node, depth: number): TSESTree.ObjectExpression[] | null => {
          const inner = unwrap(node);
          if (inner.type === T.ObjectExpression) return [inner];
          if (depth > 4) return null;
          if (inner.type === T.ConditionalExpression) {
            const yes = wholeLiterals(inner.consequent, depth + 1);
            const no = yes && wholeLiterals(inner.alternate, depth + 1);
            return yes && no ? [...yes, ...no] : null;
          }
          if (inner.type !== T.Identifier) return null;
          // (A `const`, or a local never written again: the model's `resolveConst`.)
          const held = resolveConst(sourceCode, inner);
          return held === inner ? null : wholeLiterals(held, depth + 1);
        };
        const checkWhere = (value: TSESTree.Node): void => {
          // A `$where` string (or `new Function(...)`) built from request data runs as JavaScript in the database.
          if (requestData.taintOf(value)) findings.push({ node: value, where: true, wrap: false });
        };
        const checkFilter = (filter: TSESTree.Node, depth: number): void => {
          const inner = unwrap(filter);
          if (inner.type === T.ObjectExpression) {
            // `{ where: { ... } }` is an ORM's options object (Sequelize, TypeORM), not a Mongo filter.
            if (depth === 0 && inner.properties.some((p) => p.type === T.Property && staticKey(p) === 'where')) return;
            for (const prop of inner.properties) {
              if (prop.type === T.SpreadElement) {
                // A spread of literals the file shows whole (`...keyword` with `const keyword = q ? { name: { $regex: q } }
                // : {}`, proshop's search): their keys are the filter's, read as written in place.
                const literals = wholeLiterals(prop.argument, 0);
                if (literals) for (const literal of literals) checkFilter(literal, depth + 1);
                else if (requestData.carries(prop.argument, Danger.nosql)) findings.push({ node: prop.argument, where: false, wrap: false, whole: true });
                continue;
              }
              const key = staticKey(prop);
              if (key === '$where') {
                checkWhere(prop.value);
              } else if (key === '$and' || key === '$or' || key === '$nor') {
                const list = unwrap(prop.value);
                if (list.type === T.ArrayExpression) {
                  for (const e of list.elements) if (e && e.type !== T.SpreadElement) checkFilter(e, depth + 1);
                } else {
                  checkValue(prop.value, false);
                }
              } else if (key === '$regex') {
                // `{ name: { $regex: req.query.q } }`: the client's text is the pattern, as a string as much as an object
                // (`String(q)`, `'^' + q` still let it choose the pattern): only an escape makes it plain text.
                if (requestData.carries(prop.value, Danger.regex)) findings.push({ node: prop.value, where: false, wrap: false, regex: true });
              } else if (key === null || !LITERAL_OPERATORS.has(key)) {
                const value = unwrap(prop.value);
                if (value.type === T.ObjectExpression) checkFilter(value, depth + 1);
                // (`$all` takes a list: `String()` around it is no fix.)
                else checkValue(prop.value, (!prop.computed || key !== null) && key !== '$all');
              }
            }
            return;
          }
          // `col.find(criteria(x))`, `const filter = { $where: … }; col.find(filter)`: the `$where` text of the
          // literal the helper returns or the local holds (its other keys are the value's, asked below).
          for (const literal of objectLiteralsOf(sourceCode, inner)) {
            for (const prop of literal.properties) {
              if (prop.type === T.Property && staticKey(prop) === '$where' && prop.value.type !== T.AssignmentPattern) checkWhere(prop.value);
            }
          }
          checkValue(filter, false, true);
        };
        const checkValue = (value: TSESTree.Node, wrap: boolean, wholeFilter = false): void => {
          if (!requestData.carries(value, Danger.nosql)) return;
          // A whole request object (`req.body`) cannot be coerced to a string.
          const inner = unwrap(value);
          const whole = inner.type === T.MemberExpression && requestData.handlers.roleOf(inner.object) === 'req' && (staticKey(inner) ?? '') in REQUEST_PROPERTIES;
          findings.push({ node: value, where: false, wrap: wrap && !whole, whole: wholeFilter });
        };

        if (!first || first.type === T.SpreadElement || isNotLegacyFilter(method, node.arguments, owner)) return;
        if (method === '$where') {
          checkWhere(first);
        } else if (method === 'aggregate') {
          const pipeline = unwrap(first);
          if (pipeline.type !== T.ArrayExpression) return;
          for (const stage of pipeline.elements) {
            const inner = stage && stage.type !== T.SpreadElement ? unwrap(stage) : null;
            if (inner?.type !== T.ObjectExpression) continue;
            for (const prop of inner.properties) {
              if (prop.type === T.Property && staticKey(prop) === '$match') checkFilter(prop.value, 1);
            }
          }
        } else if (method === 'where' && literalString(first) !== null) {
          // `Model.where('age', value)` / `.where('name').equals(value)`.
          if (second && second.type !== T.SpreadElement) checkValue(second, true);
        } else {
          checkFilter(first, 0);
        }
        if (findings.length === 0) return;
        // A sanitizer strips operator keys; text in a `$where` stays JavaScript, and a `$regex` string stays a pattern.
        const sanitized = isSanitized(model, node);
        const messageOf = (finding: (typeof findings)[number]): MessageIds =>
          finding.where ? 'whereInjection' : finding.regex ? 'regexInjection' : operatorMessage();
        for (const finding of findings) {
          if (sanitized && !finding.where && !finding.regex) continue;
          const taint = requestData.taintOf(finding.node)!;
          const plain = finding.where || finding.regex === true;
          if (taint.helper) {
            // Only through a helper's parameter: report at the callers' arguments, naming the helper.
            for (const outer of requestData.findings(finding.node, finding.where ? ANY_DANGER : Danger.nosql)) {
              const source = outer.source + onRoutes(outer.node);
              const data = plain ? { source, method: name } : { source, method: name, example: example(outer.node, finding.whole === true) };
              context.report({ node: outer.node, messageId: messageOf(finding), data });
            }
            continue;
          }
          const source = taint.source + onRoutes(finding.node);
          const parent = finding.node.parent;
          const shorthand = parent?.type === T.Property && parent.shorthand && parent.value === finding.node;
          context.report({
            node: finding.node,
            messageId: messageOf(finding),
            data: plain ? { source, method: name } : { source, method: name, example: example(finding.node, finding.whole === true) },
            suggest: finding.wrap
              ? [
                  {
                    messageId: 'wrapString',
                    fix: (fixer) =>
                      shorthand
                        ? fixer.insertTextAfter(finding.node, `: String(${sourceCode.getText(finding.node)})`)
                        : fixer.replaceText(finding.node, `String(${sourceCode.getText(finding.node)})`),
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});

function isSqlOrmOptions(arg: TSESTree.CallExpressionArgument): boolean {
  const inner = arg.type === T.SpreadElement ? null : unwrap(arg);
  return (
    inner?.type === T.ObjectExpression &&
    inner.properties.some((p) => p.type === T.Property && SQL_ORM_OPTION_KEYS.has(staticKey(p) ?? ''))
  );
}

/** The receiver as written (`db.collection('users')`), whitespace collapsed; `…` when it is long. */
function receiverName(text: string): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > 40 ? '…' : flat;
}

function isTrue(node: TSESTree.Node | undefined): boolean {
  return node?.type === T.Literal && node.value === true;
}

/** Middleware of `NOSQL_SANITIZING_MIDDLEWARE`, created without an option that turns it off for some data or routes. */
/**
 * Whether sanitizing middleware runs before item `index` of `call` (or its handler) on every chain the model shows. A
 * chain whose top the model does not follow (`handedOn`) may hold one: it counts as sanitized, nothing is guessed.
 */
function sanitizedChains(model: ExpressModel, call: AppCall, index: number | undefined): boolean {
  return sanitizedOn(model, middlewareChains(call, index));
}

/** Whether a sanitizer runs on every one of `chains` (some are known: none is no chain the model shows). */
function sanitizedOn(model: ExpressModel, chains: readonly MiddlewareChain[]): boolean {
  return chains.length > 0 && chains.every((chain) => chain.handedOn || chain.entries.some((entry) => sanitizes(model, entry.item)));
}

function sanitizes(model: ExpressModel, item: MiddlewareItem): boolean {
  const row = NOSQL_SANITIZING_MIDDLEWARE.find((r) => pathEquals(item.value, r.module, r.path));
  if (!row) return false;
  if (!row.unless) return true;
  const creation = unwrap(item.value!.node);
  const options = creation.type === T.CallExpression ? creation.arguments[0] : undefined;
  if (!options) return true;
  const view = model.options(options);
  return view !== 'unknown' && row.unless.every((key) => view.get(key).kind === 'absent');
}
