import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { Danger, NUMERIC_GLOBALS, SQL_DRIVERS, SQL_FRAGMENT_METHODS, SQL_METHODS, SQL_START, type PlaceholderStyle } from '../data/sinks';
import { constantTextElsewhere, enclosingFunction, findVariableOf, isNumericType, type FunctionNode, getExpressModel, helperSinkFindings, helperSummary, passesRequestToHelper, getRequestData, isConstantElsewhere, isFunction, localFunctionOf, packageValueOf, type ParamSink, possibleValues, resolveConst, returnedExpressions, returnsConstantTextElsewhere, requestDataCallersText, staticKey, staticValueOf, unwrap } from '../express';
import { QUERY_BUILDER_FRAGMENTS } from '../data/nest';
import { contextCanMatter, createRule, fileSigns, moduleNames } from '../util/create-rule';
import { addObjectProperty } from '../util/fix';
import { insideQuotes, sqlPosition, type SqlPosition } from '../util/sql-position';

type Options = [{ checkEveryPart?: boolean }];
type MessageIds = 'dynamicSql' | 'dynamicFragment' | 'dynamicIdentifier' | 'requestSql' | 'requestIdentifier' | 'useParameters';

/** The sinks of a helper of another module that take a part of SQL text it builds (`helperSinkFindings`). */
const SQL_PARTS: readonly ParamSink['kind'][] = ['sqlPart'];

/** How many `const` fragments inside one another `worstPart` reads as written inline. */
const MAX_INLINED_FRAGMENTS = 4;

/** A text a name passed as SQL text may hold (`heldTexts`): the value written, and what `+=` adds to it later. */
interface HeldText {
  node: TSESTree.Node;
  added: readonly TSESTree.Node[];
}

/** SQL text as constant text and the non-constant parts between it. */
interface BuiltSql {
  prefix: string;
  /** Constant text (a safe part that is not static stands as `?`) and the parts that are not safe, in order. */
  segments: (string | TSESTree.Node)[];
}

/** Calls whose result is safe inside SQL text: escaping, numbers. */
const SAFE_CALLS = new Set(['escape', 'escapeId', 'escapeLiteral', 'escapeIdentifier', 'format']);
/** `Date` getters and other calls that always return a number (or digits). */
const NUMERIC_METHODS = /^(?:get(?:UTC)?(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)|getTime|getTimezoneOffset|toFixed)$/u;
/** Array members that read without changing the array. */
const ARRAY_READS = new Set(['length', 'join', 'includes', 'indexOf', 'lastIndexOf', 'some', 'every', 'find', 'findIndex', 'at', 'map', 'filter', 'slice', 'forEach', 'concat']);
const ARITHMETIC = new Set(['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);
/** Array methods whose callback gets the element's index as its second parameter. */
const INDEXED_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
/** Array methods that make a new array of the elements of safe arrays (their receiver and, for `concat`, arguments). */
const ARRAY_COPIES = new Set(['filter', 'slice', 'concat', 'reverse', 'sort', 'toReversed', 'toSorted']);
/** String methods whose result is made of pieces of their receiver's text (`'?, '.repeat(n)`, `marks.slice(0, -2)`). */
const TEXT_PIECES = new Set(['repeat', 'slice', 'substring', 'substr', 'trim', 'trimEnd', 'trimStart']);
/** TypeORM, whose query builders take SQL fragments (`QUERY_BUILDER_FRAGMENTS`). */
const TYPEORM = moduleNames(QUERY_BUILDER_FRAGMENTS.module);

export default createRule<Options, MessageIds>({
  name: 'no-sql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SQL text built from non-constant parts instead of query parameters',
      recommended: 'recommended',
      strictOptions: [{ checkEveryPart: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkEveryPart: {
            type: 'boolean',
            description:
              'Report every non-constant part of SQL text: also table and column names, and values typed number in TypeScript, whose origin the file does not show',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      dynamicSql:
        "SQL text passed to '{{method}}' is built from a non-constant part ('{{part}}', {{origin}}): pass values as query parameters, never inside the SQL.",
      dynamicFragment:
        "SQL text passed to '{{method}}' is built from '{{part}}' ({{origin}}), which may hold any SQL: build that part from constant text and placeholders, with its values passed as query parameters.",
      dynamicIdentifier:
        "SQL text passed to '{{method}}' takes a table or column name from '{{part}}' ({{origin}}): a query parameter cannot stand there. {{bind}} or check it against an allow list of names.",
      requestSql:
        "SQL text passed to '{{method}}' contains request data ({{source}}): SQL injection. Pass it as a query parameter.",
      requestIdentifier:
        "SQL text passed to '{{method}}' takes a table or column name from request data ({{source}}): SQL injection, and a query parameter cannot help there. Check it against an allow list of names (ALLOWED.includes(x) ? x : 'default').",
      useParameters: 'Rewrite the template literal with {{style}} placeholders and pass its values separately.',
    },
    defaultOptions: [{ checkEveryPart: false }],
  },
  defaultOptions: [{ checkEveryPart: false }],
  create(context, [options]) {
    const checkEveryPart = options.checkEveryPart === true;
    const sourceCode = context.sourceCode;
    // This rule runs on every file (SQL text is SQL anywhere), but request data only flows where the per-file gate
    // lets the Express rules in and some function may receive a request (`FileSigns.mayHandleRequests`): elsewhere no
    // call can hand request data to a helper, and no model is built for it.
    const mayHoldRequestData = contextCanMatter(context) && fileSigns(context).mayHandleRequests;
    /**
     * Verdicts on the initializers that parts lead to (consts, lists, object properties, variables): each is judged
     * once. While a target is judged it counts as unsafe where it is met again, or (`assumed`, a variable whose writes
     * are judged) as safe: then the verdicts given meanwhile rest on that assumption, and are dropped if it fails.
     */
    const judged = new Map<TSESTree.Node, boolean>();
    const judgedOrder: TSESTree.Node[] = [];
    /** Whether {@link returnsConstantElsewhere} may read other modules ({@link withElsewhere}). */
    let readElsewhere = false;
    const isSafeTarget = (target: TSESTree.Node, judge: () => boolean, assumed = false): boolean => {
      let safe = judged.get(target);
      if (safe === undefined) {
        judged.set(target, assumed);
        const mark = judgedOrder.push(target);
        safe = judge();
        if (assumed && !safe) for (const given of judgedOrder.splice(mark)) judged.delete(given);
        judged.set(target, safe);
      }
      return safe;
    };

    /** Whether `node` is constant, or a value that cannot change the SQL's structure. */
    function isSafePart(node: TSESTree.Node): boolean {
      const inner = unwrap(node);
      if (inner.type === T.Literal) return true;
      // a const holding safe text: `const marks = ids.map(() => '?').join(',')`; a list of it (`${marks}` of `const
      // marks = ids.map(() => '?')` is `marks.join(',')`), which nothing adds other text to
      if (inner.type === T.Identifier) {
        const target = resolveConst(sourceCode, inner);
        if (target === inner) {
          if (isCallbackParameter(inner) || isSafeVariable(inner) || isConstantParameter(inner) || isListElement(inner)) return true;
        } else if (makesArray(target) ? isSafeArray(inner) : isSafeTarget(target, () => isSafePart(target))) {
          return true;
        }
      }
      if (inner.type === T.ConditionalExpression) {
        if (isAllowListed(inner)) return true;
        return isSafePart(inner.consequent) && isSafePart(inner.alternate);
      }
      // numbers: `-x`, `page * size`, `~~x`
      if (inner.type === T.UnaryExpression && ['-', '+', '~'].includes(inner.operator)) return true;
      if (inner.type === T.BinaryExpression && ARITHMETIC.has(inner.operator)) return true;
      if (inner.type === T.MemberExpression && staticKey(inner) === 'length') return true;
      if (inner.type === T.MemberExpression && isSafeProperty(inner)) return true;
      // `c.alpha2` of `for (const c of COUNTRIES)` over a list of constant object literals.
      if (inner.type === T.MemberExpression && isElementProperty(inner)) return true;
      // `SORTS[req.query.sort]`: one of a constant object's safe values (or a fixed text of its prototype), whatever the key.
      if (inner.type === T.MemberExpression && inner.computed && isSafeLookup(inner)) return true;
      // `Number(req.query.limit) || 10`, `SORTS[s] ?? 'name'`: either side.
      if (inner.type === T.LogicalExpression) return isSafePart(inner.left) && isSafePart(inner.right);
      if (inner.type === T.CallExpression) {
        const callee = unwrap(inner.callee);
        if (callee.type === T.Identifier && NUMERIC_GLOBALS.has(callee.name)) return true;
        if (callee.type === T.MemberExpression) {
          const key = staticKey(callee);
          if (key !== null && SAFE_CALLS.has(key)) return true;
          // `date.getTime()`, `created.getUTCFullYear()`, `Date.now()`, `amount.toFixed(2)`
          if (key !== null && NUMERIC_METHODS.test(key)) return true;
          if (key === 'now' && callee.object.type === T.Identifier && callee.object.name === 'Date') return true;
          if (callee.object.type === T.Identifier && callee.object.name === 'Math') return true;
          // `ids.map(() => '?').join(', ')`: placeholders built for an IN list.
          if (key === 'join' && isSafeArray(callee.object) && inner.arguments.every((a) => a.type !== T.SpreadElement && isSafePart(a))) return true;
          // `'?,'.repeat(ids.length).slice(0, -1)`: repetitions and pieces of safe text.
          if (key !== null && TEXT_PIECES.has(key) && isSafePart(callee.object)) return true;
        }
        // `${ids.map(() => '?')}`: an array in text is its elements joined with ','.
        if (isSafeArray(inner)) return true;
        if (returnsConstantElsewhere(inner)) return true;
      }
      if (inner.type === T.TemplateLiteral) return inner.expressions.every((e) => isSafePart(e));
      if (inner.type === T.BinaryExpression) return isSafePart(inner.left) && isSafePart(inner.right);
      if (staticValueOf(sourceCode, inner) !== null) return true;
      // `${KIND}`, `${EnumChatflowType.CHATFLOW}`: a constant another module of the package exports (only in
      // `withElsewhere`, once the text would be reported otherwise, since it may parse that module).
      return readElsewhere && (inner.type === T.Identifier || inner.type === T.MemberExpression) && constantTextElsewhere(context, inner) !== null;
    }

    /**
     * An allow-list ternary: `SORTABLE.includes(s) ? s : 'name'`, `ALLOWED.has(s) ? s : 'id'`, or negated
     * (`!SORTABLE.includes(s) ? 'name' : s`), where the list holds safe text: the value can only be one of the list.
     */
    function isAllowListed(node: TSESTree.ConditionalExpression): boolean {
      let test = unwrap(node.test);
      let [picked, fallback] = [node.consequent, node.alternate];
      if (test.type === T.UnaryExpression && test.operator === '!') {
        test = unwrap(test.argument);
        [picked, fallback] = [fallback, picked];
      }
      if (test.type !== T.CallExpression || test.callee.type !== T.MemberExpression) return false;
      const method = staticKey(test.callee);
      if ((method !== 'includes' && method !== 'has') || test.arguments.length !== 1) return false;
      const checked = test.arguments[0]!;
      if (sourceCode.getText(unwrap(checked)) !== sourceCode.getText(unwrap(picked)) || !isSafePart(fallback)) return false;
      return isSafeCollection(test.callee.object);
    }

    /** A safe array ({@link isSafeArray}), `new Set(<safe array>)` or `Object.keys(<const object literal>)`, through a const. */
    function isSafeCollection(node: TSESTree.Node): boolean {
      if (isSafeArray(node)) return true;
      const inner = resolveConst(sourceCode, node);
      if (inner.type === T.NewExpression && inner.callee.type === T.Identifier && inner.callee.name === 'Set') {
        return inner.arguments.length === 1 && isSafeArray(inner.arguments[0]!);
      }
      if (inner.type === T.CallExpression && inner.callee.type === T.MemberExpression && staticKey(inner.callee) === 'keys') {
        const owner = inner.callee.object;
        const object = inner.arguments[0] ? resolveConst(sourceCode, inner.arguments[0]) : null;
        return owner.type === T.Identifier && owner.name === 'Object' && object?.type === T.ObjectExpression;
      }
      return false;
    }

    /**
     * An array of safe text: a literal, a {@link isSafeList}, placeholders mapped from any array (`ids.map(() => '?')`,
     * `fields.map((f, i) => \`$${i + 2}:name\`)`), one of them filtered, sliced or concatenated, or a `?:` between two.
     */
    function isSafeArray(node: TSESTree.Node): boolean {
      const inner = unwrap(node);
      if (inner.type === T.ArrayExpression) {
        // (`[...COLUMNS, 'id']`: a copy of a safe array.)
        return inner.elements.every((e) => e !== null && (e.type === T.SpreadElement ? isSafeArray(e.argument) : isSafePart(e)));
      }
      if (inner.type === T.Identifier) {
        const init = resolveConst(sourceCode, inner);
        // (an import, or a name destructured from one: what another module exports, judged with the project model)
        if (init === inner) return readElsewhere && isSafeTarget(findVariableOf(sourceCode, inner)?.identifiers[0] ?? inner, () => isSafeList(inner));
        return isSafeTarget(init, () => isSafeList(inner));
      }
      // `lists.countries`, `countries_1.countries` (compiled TypeScript): a list another module exports.
      if (inner.type === T.MemberExpression) return readElsewhere && isSafeTarget(inner, () => isImportedList(inner));
      if (inner.type === T.ConditionalExpression) return isSafeArray(inner.consequent) && isSafeArray(inner.alternate);
      if (inner.type === T.CallExpression && inner.callee.type === T.MemberExpression) {
        const key = staticKey(inner.callee);
        if (key === 'map') return inner.arguments.length === 1 && returnsPlaceholders(inner.arguments[0]!);
        // `Array(n).fill('?')`: every element the same safe text.
        if (key === 'fill') return inner.arguments.length === 1 && inner.arguments[0]!.type !== T.SpreadElement && isSafePart(inner.arguments[0]!);
        // `Array.from({ length: n }, () => '?')`
        if (key === 'from' && isArrayGlobal(inner.callee.object)) return inner.arguments.length === 2 && returnsPlaceholders(inner.arguments[1]!);
        if (key === null || !ARRAY_COPIES.has(key) || !isSafeArray(inner.callee.object)) return false;
        return key !== 'concat' || inner.arguments.every((a) => a.type !== T.SpreadElement && (isSafeArray(a) || isSafePart(a)));
      }
      return false;
    }

    /** Whether `node` (an initializer) makes an array: an array literal, a mapped or copied array, a `?:` of one. */
    function makesArray(node: TSESTree.Node): boolean {
      if (node.type === T.ArrayExpression) return true;
      if (node.type === T.ConditionalExpression) return makesArray(unwrap(node.consequent)) || makesArray(unwrap(node.alternate));
      if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return false;
      const key = staticKey(node.callee);
      // (`slice` and `concat` are string methods too: an array only of an array, `'?,'.repeat(n).slice(0, -1)` is text.)
      if (key === 'slice' || key === 'concat') return makesArray(unwrap(resolveConst(sourceCode, node.callee.object)));
      return key === 'map' || key === 'fill' || (key === 'from' && isArrayGlobal(node.callee.object)) || (key !== null && ARRAY_COPIES.has(key));
    }

    /** `Array`, the global (not a local of that name). */
    function isArrayGlobal(node: TSESTree.Node): boolean {
      const inner = unwrap(node);
      return inner.type === T.Identifier && inner.name === 'Array' && findVariableOf(sourceCode, inner)?.defs.length !== 1;
    }

    /**
     * A `map` callback that returns only safe text (`() => '?'`, `(_, i) => \`$${i + 1}\``), from an expression body or
     * every `return`.
     */
    function returnsPlaceholders(fn: TSESTree.Node): boolean {
      if (fn.type !== T.ArrowFunctionExpression && fn.type !== T.FunctionExpression) return false;
      const returned = returnedExpressions(sourceCode.visitorKeys, fn);
      return returned.length > 0 && returned.every((r) => isSafePart(r));
    }

    /**
     * A parameter of an array method's callback (`fields.forEach((f, i) => …)`, `map`, `filter`, ...), never written,
     * that holds safe text: the index (a number), or the element of an array of safe text (`COLUMNS.map((c) => …)`).
     * (A `Map`'s or `Set`'s `forEach` passes a key as the second: a receiver that the file shows to be one is left.)
     */
    function isCallbackParameter(id: TSESTree.Identifier): boolean {
      const variable = findVariableOf(sourceCode, id);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Parameter' || !isFunction(def.node as TSESTree.Node)) return false;
      const fn = def.node as TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
      const call = fn.parent;
      const index = fn.params.findIndex((p) => p === def.name);
      if (index < 0 || index > 1 || call?.type !== T.CallExpression || call.arguments[0] !== fn || call.callee.type !== T.MemberExpression) return false;
      if (!INDEXED_CALLBACKS.has(staticKey(call.callee) ?? '') || !variable!.references.every((ref) => !ref.isWrite())) return false;
      if (index === 0) return isSafeArray(call.callee.object);
      const receiver = resolveConst(sourceCode, call.callee.object);
      return !(receiver.type === T.NewExpression && receiver.callee.type === T.Identifier && ['Map', 'Set', 'WeakMap'].includes(receiver.callee.name));
    }

    /**
     * A parameter of a function of this file that only this file calls, by its name, each call passing safe text there
     * (`applySort(query, orderBy)` with `const orderBy = sorts.map((s) => (s.desc ? '?? desc' : '?? asc')).join()`):
     * a function exported, or handed on as a value, has callers the file does not show.
     */
    function isConstantParameter(id: TSESTree.Identifier): boolean {
      const variable = findVariableOf(sourceCode, id);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Parameter' || !isFunction(def.node as TSESTree.Node) || !variable!.references.every((ref) => !ref.isWrite())) return false;
      const fn = def.node as FunctionNode;
      const index = fn.params.findIndex((p) => p === def.name);
      if (index < 0 || fn.params.slice(0, index).some((p) => p.type === T.RestElement)) return false;
      const handlers = getRequestData(context).handlers;
      const name = fn.type === T.FunctionDeclaration ? fn.id : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id : null;
      if (!name || handlers.localFunction(name) !== fn || handlers.handlerOf(fn) || isExported(fn)) return false;
      const calls = handlers.callsOf(fn);
      const uses = findVariableOf(sourceCode, name)?.references.filter((ref) => !ref.init) ?? [];
      if (calls.length === 0 || uses.length !== calls.length) return false;
      return isSafeTarget(def.name, () =>
        calls.every((call) => {
          const args = call.arguments.slice(0, index + 1);
          if (args.some((a) => a.type === T.SpreadElement)) return false;
          const arg = args[index];
          return arg === undefined || isSafePart(arg);
        }),
      );
    }

    /**
     * A variable written more than once, where every value written is safe (its own value counting as safe):
     * `let index = 2` then `index = index + 2`, `index++`, `termination = '::jsonb'`.
     */
    function isSafeVariable(id: TSESTree.Identifier): boolean {
      const variable = findVariableOf(sourceCode, id);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.node.id !== def.name) return false;
      return isSafeTarget(
        def.name,
        () =>
          variable!.references.every((ref) => {
            if (!ref.isWrite()) return true;
            const write = ref.identifier.parent;
            if (ref.init) {
              // (`for (const id of ids)` writes each element: left.)
              const loop = write?.parent?.parent;
              if ((loop?.type === T.ForOfStatement || loop?.type === T.ForInStatement) && loop.left === write?.parent) return false;
              return write?.type === T.VariableDeclarator && (!write.init || isSafePart(write.init));
            }
            if (write?.type === T.UpdateExpression) return true;
            if (write?.type !== T.AssignmentExpression || write.left !== ref.identifier) return false;
            return ARITHMETIC.has(write.operator.slice(0, -1)) || isSafePart(write.right);
          }),
        true,
      );
    }

    /** `filter.sql` where `const filter = { sql: <safe text>, ... }` and no property of it is ever written. */
    function isSafeProperty(member: TSESTree.MemberExpression): boolean {
      const key = staticKey(member);
      const object = unwrap(member.object);
      if (key === null || object.type !== T.Identifier) return false;
      const init = resolveConst(sourceCode, object);
      if (init === object || init.type !== T.ObjectExpression) return false;
      const props = init.properties.filter((p) => p.type !== T.Property || staticKey(p) === key);
      const prop = props[0];
      if (props.length !== 1 || prop?.type !== T.Property || prop.computed || prop.value.type === T.AssignmentPattern) return false;
      const readOnly = isSafeTarget(init, () => neverWritten(object, false));
      return readOnly && isSafeTarget(prop.value, () => isSafePart(prop.value));
    }

    /**
     * `SORTS[key]`, `DIRS[key]` of a `const` object literal (also in `Object.freeze(...)`, or written in place) whose
     * every value is safe text and whose properties the module never writes: whatever the key, the value is one of them,
     * or `undefined` or a fixed text of the object's prototype, none of them chosen by the client.
     */
    function isSafeLookup(member: TSESTree.MemberExpression): boolean {
      const object = unwrap(member.object);
      let init = object.type === T.Identifier ? resolveConst(sourceCode, object) : object;
      if (object.type === T.Identifier && init === object) return false;
      if (
        init.type === T.CallExpression &&
        init.callee.type === T.MemberExpression &&
        unwrap(init.callee.object).type === T.Identifier &&
        (unwrap(init.callee.object) as TSESTree.Identifier).name === 'Object' &&
        staticKey(init.callee) === 'freeze' &&
        init.arguments.length === 1
      ) {
        init = unwrap(init.arguments[0]!);
      }
      if (init.type !== T.ObjectExpression || init.properties.length === 0) return false;
      const values = init;
      // (Once per object: `const A = { x: A[k] }` does not loop.)
      const safeValues = isSafeTarget(values, () =>
        values.properties.every((p) => p.type === T.Property && p.kind === 'init' && !p.method && p.value.type !== T.AssignmentPattern && isSafePart(p.value)),
      );
      if (!safeValues) return false;
      if (object.type !== T.Identifier) return true;
      return neverWritten(object, true);
    }

    /**
     * Whether the module never writes through the variable `id` holds (`id.x = …`, `delete id.x`) nor hands it to code
     * that could: every use reads a property, or (with `listing`) lists its keys or values (`Object.keys(SORTS)`).
     */
    function neverWritten(id: TSESTree.Identifier, listing: boolean): boolean {
      const variable = findVariableOf(sourceCode, id);
      const listed = (ref: TSESTree.Node): boolean => {
        const call = ref.parent;
        return (
          listing &&
          call?.type === T.CallExpression &&
          call.arguments.length === 1 &&
          call.arguments[0] === ref &&
          call.callee.type === T.MemberExpression &&
          unwrap(call.callee.object).type === T.Identifier &&
          (unwrap(call.callee.object) as TSESTree.Identifier).name === 'Object' &&
          ['keys', 'values', 'entries'].includes(staticKey(call.callee) ?? '')
        );
      };
      return variable?.references.every((ref) => ref.init || (ref.identifier.type === T.Identifier && (!isWrittenThrough(ref.identifier) || listed(ref.identifier)))) ?? false;
    }

    /**
     * A `const` array of safe text that is only ever pushed safe text and read: `const cases = []`, then
     * `cases.push('WHEN ? THEN ?')` in a loop and `cases.join(' ')` in the SQL.
     */
    function isSafeList(id: TSESTree.Identifier): boolean {
      const init = resolveConst(sourceCode, id);
      if (init === id || !makesArray(init)) {
        // A list another module of the package exports (`const { countries } = require('../utils/countries')`, `import
        // { countries } from ...`, `const countries = require('./countries')`), or a `const` alias of one: only where
        // the project model is read, and when the file itself only reads it too.
        const listed = init.type === T.Identifier && init !== id ? isSafeArray(init) : readElsewhere && isConstantElsewhere(context, id);
        if (!listed) return false;
      } else if (!isSafeArray(init)) {
        return false;
      }
      return onlyRead(id, 0);
    }

    /**
     * Whether the file only reads the list a variable holds, or pushes safe text to it: every use reads it as text, copies
     * it, loops over it (`for (const c of list)`), calls an array method that reads it, or is a `const` alias that does.
     */
    function onlyRead(id: TSESTree.Identifier, depth: number): boolean {
      const variable = findVariableOf(sourceCode, id);
      if (!variable || depth > MAX_INLINED_FRAGMENTS) return false;
      return variable.references.every((ref) => {
        if (ref.init) return true;
        if (ref.isWrite()) return false;
        return readsList(ref.identifier, depth);
      });
    }

    /** Whether this use of a list only reads it (see {@link onlyRead}); pushing safe text counts as reading. */
    function readsList(node: TSESTree.Node, depth: number): boolean {
      const use = node.parent;
      // `const list = countries`: the alias's uses, in turn
      if (use?.type === T.VariableDeclarator && use.init === node && use.id.type === T.Identifier && use.parent?.kind === 'const') return onlyRead(use.id, depth + 1);
      // read as text (`${marks}`, `'(' + marks + ')'`) or copied (`[a, ...marks]`, `f(...marks)`, `a.concat(marks)`)
      if (use?.type === T.TemplateLiteral && use.parent?.type !== T.TaggedTemplateExpression) return true;
      if ((use?.type === T.BinaryExpression && use.operator === '+') || use?.type === T.SpreadElement) return true;
      if (use?.type === T.CallExpression && use.arguments.some((a) => a === node) && use.callee.type === T.MemberExpression && staticKey(use.callee) === 'concat') return true;
      // `for (const c of countries)`: each element read (a loop variable written through is left by `isElementProperty`)
      if (use?.type === T.ForOfStatement && use.right === node) return true;
      const member = node.parent;
      if (member?.type !== T.MemberExpression || member.object !== node) return false;
      const key = staticKey(member);
      if (key !== null && ARRAY_READS.has(key)) return member.parent?.type !== T.AssignmentExpression || member.parent.left !== member;
      if (key !== 'push' && key !== 'unshift') return false;
      const call = member.parent;
      return (
        call?.type === T.CallExpression &&
        call.callee === member &&
        call.arguments.every((a) => a.type !== T.SpreadElement && isSafePart(a))
      );
    }

    /**
     * `lists.countries` (also `countries_1.countries`, compiled TypeScript's import), a list another module of the
     * package exports as constant data (`isConstantElsewhere`), where `lists` is a `const` the file only reads static
     * properties of, and this one only as a list.
     */
    function isImportedList(member: TSESTree.MemberExpression): boolean {
      const object = unwrap(member.object);
      const key = staticKey(member);
      if (object.type !== T.Identifier || key === null || member.computed) return false;
      const variable = findVariableOf(sourceCode, object);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' && def?.type !== 'ImportBinding') return false;
      const reads = variable!.references.every((ref) => {
        if (ref.init) return true;
        if (ref.isWrite()) return false;
        const read = ref.identifier.parent;
        if (read?.type !== T.MemberExpression || read.object !== ref.identifier || read.computed) return false;
        if (staticKey(read) === key) return readsList(read, 0);
        return !isWrittenThrough(ref.identifier as TSESTree.Identifier);
      });
      return reads && isConstantElsewhere(context, member);
    }

    /**
     * The list whose elements `id` holds, a name never written: `c` of `for (const c of LIST)` or of `LIST.forEach((c)
     * => …)` (the methods of `INDEXED_CALLBACKS`), also destructured there (`for (const { alpha2 } of LIST)`, `({ alpha2
     * }) => …`, without a default value); else `null`.
     */
    function listOfElement(id: TSESTree.Identifier): TSESTree.Node | null {
      const variable = findVariableOf(sourceCode, id);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!def || !variable!.references.every((ref) => !ref.isWrite() || ref.init)) return null;
      let binding: TSESTree.Node = def.name;
      if (binding.parent?.type === T.Property && binding.parent.value === binding && binding.parent.parent?.type === T.ObjectPattern) binding = binding.parent.parent;
      if (def.type === 'Variable') {
        const declarator = def.node;
        const loop = declarator.parent?.parent;
        return declarator.id === binding && !declarator.init && loop?.type === T.ForOfStatement && loop.left === declarator.parent ? loop.right : null;
      }
      if (def.type !== 'Parameter' || !isFunction(def.node as TSESTree.Node)) return null;
      const fn = def.node as TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
      const call = fn.parent;
      if (fn.params[0] !== binding || call?.type !== T.CallExpression || call.arguments[0] !== fn || call.callee.type !== T.MemberExpression) return null;
      return INDEXED_CALLBACKS.has(staticKey(call.callee) ?? '') ? call.callee.object : null;
    }

    /** An element of a safe list, or a value destructured from one (`for (const { alpha2 } of COUNTRIES)`). */
    function isListElement(id: TSESTree.Identifier): boolean {
      const list = listOfElement(id);
      return list !== null && isSafeArray(list);
    }

    /**
     * `c.alpha2`, `c.name.common` of an element `c` of a safe list (`for (const c of COUNTRIES)`, `COUNTRIES.map((c) =>
     * …)`): the list's elements are literals or constant object literals (`isSafeArray` holds only those), and the
     * element is only ever read through static keys, never written through.
     */
    function isElementProperty(member: TSESTree.MemberExpression): boolean {
      let root: TSESTree.Node = member;
      while (root.type === T.MemberExpression) {
        if (staticKey(root) === null) return false;
        root = unwrap(root.object);
      }
      if (root.type !== T.Identifier || !isListElement(root)) return false;
      return findVariableOf(sourceCode, root)?.references.every((ref) => ref.init || readsThroughOnly(ref.identifier as TSESTree.Identifier)) ?? false;
    }

    /**
     * The SQL text's leading constant, its constant text and its non-constant parts, when `node` is SQL built by
     * concatenation. Text that does not start like a SQL statement is left, unless it is a `fragment` (the argument of
     * a method that takes SQL fragments by design, `SQL_FRAGMENT_METHODS`).
     */
    function builtSql(node: TSESTree.Node, fragment = false): BuiltSql | null {
      const inner = resolveConst(sourceCode, node);
      if (inner.type === T.TemplateLiteral) {
        const prefix = inner.quasis[0]?.value.cooked ?? '';
        if (!fragment && !SQL_START.test(prefix)) return null;
        const segments: BuiltSql['segments'] = [prefix];
        inner.expressions.forEach((e, i) => {
          segments.push(isSafePart(e) ? constantText(e) : e, inner.quasis[i + 1]?.value.cooked ?? '');
        });
        return { prefix, segments };
      }
      if (inner.type === T.BinaryExpression && inner.operator === '+') {
        const operands: TSESTree.Node[] = [];
        let current: TSESTree.Node = inner;
        while (current.type === T.BinaryExpression && current.operator === '+') {
          operands.unshift(current.right);
          current = unwrap(current.left);
        }
        operands.unshift(current);
        const first = headOf(operands[0]!, fragment);
        if (!first) return null;
        return { prefix: first.prefix, segments: [...first.segments, ...operands.slice(1).map((o) => segmentOf(o))] };
      }
      if (inner.type === T.CallExpression && inner.callee.type === T.MemberExpression && staticKey(inner.callee) === 'concat') {
        const head = headOf(inner.callee.object, fragment);
        if (!head) return null;
        return { prefix: head.prefix, segments: [...head.segments, ...inner.arguments.map((a) => segmentOf(a))] };
      }
      return null;
    }

    /**
     * The start of a concatenation: SQL built in it, or its constant text when that starts like SQL; in a fragment,
     * any text, and a non-constant start is a part of its own.
     */
    function headOf(node: TSESTree.Node, fragment: boolean): BuiltSql | null {
      const built = builtSql(node, fragment);
      if (built) return built;
      const value = staticValueOf(sourceCode, node)?.value;
      if (typeof value === 'string') return fragment || SQL_START.test(value) ? { prefix: value, segments: [value] } : null;
      return fragment ? { prefix: '', segments: [segmentOf(node)] } : null;
    }

    function segmentOf(node: TSESTree.Node): string | TSESTree.Node {
      return isSafePart(node) ? constantText(node) : node;
    }

    /** The text of a safe part where it is static, else a neutral `?`. */
    function constantText(node: TSESTree.Node): string {
      const value = staticValueOf(sourceCode, node)?.value;
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
    }

    /**
     * The functions that directly hold a call of a query method on a name (`db.query(sql)`, not in a nested function):
     * only such a local helper can hand a parameter to one as the SQL text (its summary's `sql` sinks), so the calls of
     * any other local helper are dropped at the end of the file without computing its summary.
     */
    const queryingFunctions = new Set<TSESTree.Node>();
    /** Calls of local helper functions (not handlers) with arguments, judged once every query call has been seen. */
    const localHelperCalls: { call: TSESTree.CallExpression; fn: TSESTree.Node }[] = [];
    /** The SQL texts reported as a query method's (`querySink`): a helper's summary of the same call adds no second finding. */
    const reportedText = new Set<TSESTree.Node>();

    const listeners: TSESLint.RuleListener = {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        const method = callee.type === T.MemberExpression ? staticKey(callee) : null;
        // (The summary's `sql` sink is a parameter, or a `const` of one, passed as the first argument: a name.)
        const first = node.arguments[0];
        if (mayHoldRequestData && method !== null && SQL_METHODS.has(method) && first && first.type !== T.SpreadElement && unwrap(first).type === T.Identifier) {
          const fn = enclosingFunction(node);
          if (fn) queryingFunctions.add(fn);
        }
        querySink(node);
        // (After the query method's own report: `db.query(sql)` of a db module whose `query` hands its text to
        // `pool.query` is one flaw, reported once, where the fix goes: trial 31 a.)
        helperElsewhere(node);
      },
    };
    if (mayHoldRequestData) {
      listeners['Program:exit'] = () => {
        for (const { call, fn } of localHelperCalls) {
          // A local helper's summary is computed once per function: one that hands no parameter to a query method as
          // SQL text ends it here, before any argument is looked at.
          if (!queryingFunctions.has(fn)) continue;
          const handlers = getRequestData(context).handlers;
          if (handlers.list.length === 0 || handlers.handlerOf(fn) !== null) continue;
          if (!helperSummary(context, call)?.summary.sinks.some((sink) => sink.kind === 'sql')) continue;
          helperCall(call);
        }
      };
    }
    return listeners;

    /** A call of a query method (`db.query(sql)`) or of a query builder's fragment method, reported at its SQL text. */
    function querySink(node: TSESTree.CallExpression): void {
      const callee = unwrap(node.callee);
      const method = callee.type === T.MemberExpression ? staticKey(callee) : null;
      if (callee.type !== T.MemberExpression) return;
      if (method !== null && QUERY_BUILDER_FRAGMENTS.methods.has(method)) {
        queryBuilderFragment(node, callee, method);
        return;
      }
      if (method === null || !SQL_METHODS.has(method)) return;
      const arg = node.arguments[0];
      if (!arg || arg.type === T.SpreadElement) return;
      // Candidate-first: below, `builtSql` finds SQL text only in a template that starts like SQL, a concatenation or a
      // `concat` call, and `whole` needs a method that takes fragments: any other call is left before the model.
      // (Or a name that may hold such text: `heldTexts`, syntax only.)
      const direct = Object.hasOwn(SQL_FRAGMENT_METHODS, method) || mayBuildSql(arg);
      const held = direct ? null : heldTexts(arg);
      if (!direct && !held?.length) return;
      const model = getExpressModel(context);
      const fragment = fragmentMethod(method, callee);
      // The node the SQL text is built in: the argument, or (a name that may hold one of several texts) the worst of
      // the texts it may hold.
      let build = (): BuiltSql | null => builtSql(arg, fragment !== null);
      let sql = build();
      if (!sql && held) {
        const chosen = worstHeld(held);
        if (!chosen) return;
        build = () => heldSql(chosen);
        sql = build();
      }
      // A fragment method's whole argument: reported only when it is request data (`orderByRaw(req.query.sort)`).
      const whole = sql === null && fragment !== null && mayHoldRequestData && !isSafePart(arg);
      if (whole) sql = { prefix: '', segments: [arg] };
      if (!sql || (fragment === null && !SQL_START.test(sql.prefix))) return;
      let parts = sql.segments.filter((p): p is TSESTree.Node => typeof p !== 'string');
      if (parts.length === 0) return;
      if (model.valueOf(callee.object)?.app) return;
      let finding = worstPart(sql.segments, fragment?.clause);
      if (!finding || (whole && finding.source === null)) return;
      if (finding.source === null && model.settings.crossFile) {
        // Before a part of unseen origin is reported: the text again, with what functions of other modules of the
        // package return (`Database.sqlHourOffset()` returning one of two constant texts).
        sql = withElsewhere(build);
        finding = sql && worstPart(sql.segments, fragment?.clause);
        if (!sql || !finding) return;
        parts = sql.segments.filter((p): p is TSESTree.Node => typeof p !== 'string');
      }
      const name = `${sourceCode.getText(callee.object).length > 30 ? '…' : sourceCode.getText(callee.object)}.${method}`;
      const style = placeholderStyle(model.valueOf(callee.object)?.module);
      // (No placeholder where the method takes no bound values: sequelize's `literal` would keep a bare `:q`.)
      // (Not for text held in a variable: the edit would rewrite the text where it is written, away from its query.)
      const suggest = style && fragment?.values !== false && !held ? parameterize(node, unwrap(arg), style, parts, fragment?.clause) : null;
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = suggest
        ? [{ messageId: 'useParameters', data: { style: STYLE_NAMES[style!] }, fix: suggest }]
        : [];
      const identifier = finding.position === 'identifier';
      reportedText.add(arg);
      if (finding.source !== null) {
        context.report({
          node: arg,
          messageId: identifier ? 'requestIdentifier' : 'requestSql',
          data: { method: name, source: finding.source },
          suggest: identifier ? [] : suggestions,
        });
      } else {
        context.report({
          node: arg,
          messageId: identifier ? 'dynamicIdentifier' : finding.position === 'fragment' ? 'dynamicFragment' : 'dynamicSql',
          data: { method: name, part: shorten(sourceCode.getText(finding.part)), origin: originOf(finding.part), bind: identifier ? bindingAdvice(method) : '' },
          suggest: identifier ? [] : suggestions,
        });
      }
    }

    /**
     * `runQuery(sql)`, a helper of this file or of another module of the package, hands its parameter to a query
     * method as the whole SQL text (`db.query(sql)`, the summary of it): SQL text built here with request data in it
     * is reported at this argument, naming the helper (and its file) and the query method. Only request data is
     * reported (a part of unseen origin is for the helper to show), and only in text that reads as SQL.
     */
    function helperElsewhere(node: TSESTree.CallExpression): void {
      if (!mayHoldRequestData || node.arguments.length === 0) return;
      // Only a call of a helper can report here: a local function that is not a handler, or (whole-app model on) a
      // value of another module of the package (as `helperSummary` reads them). Any other call is left before its
      // arguments' request data is computed.
      const local = localFunctionOf(sourceCode, node.callee);
      if (local) {
        // Judged at the end of the file (`Program:exit`), once the functions that call a query method are known (the
        // file's handlers are asked there, candidate-first: only for a function that calls one).
        localHelperCalls.push({ call: node, fn: local });
        return;
      }
      // (Another module's function is read only through the linked file's project view, which a file that starts no
      // whole-app walk does not get, `FileSigns.crossFile`, and only for a callee that holds a value of another module
      // of the package: asked before the file's request data.)
      if (!fileSigns(context).crossFile || !packageValueOf(context, node.callee)) return;
      if (getRequestData(context).handlers.list.length === 0) return;
      helperCall(node);
    }

    /** A call of a helper that may take SQL text (a local one that calls a query method, or one of another module). */
    function helperCall(node: TSESTree.CallExpression): void {
      const requestData = getRequestData(context);
      // What a report below needs of one argument, checked before the helper (maybe of another file) is read: request
      // data that is still SQL-dangerous, or SQL text built here.
      const reportable = (arg: TSESTree.CallExpressionArgument): boolean => {
        if (arg.type === T.SpreadElement) return false;
        if (requestData.carries(arg, Danger.sql)) return true;
        const sql = builtSql(arg);
        return sql !== null && SQL_START.test(sql.prefix);
      };
      // (Or the handler's request, handed to a helper of another module that may read request data from it.)
      if (!node.arguments.some(reportable) && !(mayBeHelperElsewhere(node.callee) && passesRequestToHelper(context, node, SQL_PARTS))) return;
      const helper = helperSummary(context, node);
      if (!helper) return;
      const reported = reportedText;
      if (helper.file !== null) {
        // `auth(req.body.user)` with `function auth(user) { return db.one("SELECT … '" + user + "'") }` in another
        // module: request data becomes part of the SQL text it builds, reported at the argument; `search(req, db)` that
        // reads `req.query.q` into its SQL text itself, at the call (in this file, the helper's own text is followed
        // where it is built). A table or column name gets the advice an inline one gets.
        for (const finding of helperSinkFindings(context, node, Danger.sql, SQL_PARTS)) {
          // A part that the helper's own file reports (a parameter built into its SQL text as a value): one finding, at
          // the SQL text, where the fix goes; the request data passed here adds none.
          if (finding.reportedThere === 'always' || (finding.reportedThere === 'checkEveryPart' && checkEveryPart)) continue;
          if (reported.has(finding.node)) continue;
          reported.add(finding.node);
          context.report({
            node: finding.node,
            messageId: finding.position === 'identifier' ? 'requestIdentifier' : 'requestSql',
            data: { method: finding.method, source: finding.source },
          });
        }
      }
      for (const sink of helper.summary.sinks) {
        if (sink.kind !== 'sql') continue;
        const arg = node.arguments[sink.param];
        if (!arg || arg.type === T.SpreadElement || reported.has(arg)) continue;
        const sql = builtSql(arg);
        if (!sql || !SQL_START.test(sql.prefix)) continue;
        const finding = worstPart(sql.segments);
        if (finding?.source == null) continue;
        reported.add(arg);
        context.report({
          node: arg,
          messageId: finding.position === 'identifier' ? 'requestIdentifier' : 'requestSql',
          data: { method: sink.method, source: `${finding.source}, through '${helper.name}'${helper.file === null ? '' : ` (${helper.file}:${sink.line})`}` },
        });
      }
    }

    /**
     * A call of a function of another module of the package that returns only constant text (its summary's
     * `returnsConstantText`): asked only in {@link withElsewhere}, once SQL text would be reported otherwise, since it
     * may parse that module.
     */
    function returnsConstantElsewhere(call: TSESTree.CallExpression): boolean {
      return readElsewhere && returnsConstantTextElsewhere(context, call);
    }

    /** `judge` with the verdicts of {@link returnsConstantElsewhere} (and none of the verdicts judged without them). */
    function withElsewhere<R>(judge: () => R): R {
      readElsewhere = true;
      judged.clear();
      judgedOrder.length = 0;
      try {
        return judge();
      } finally {
        readElsewhere = false;
        judged.clear();
        judgedOrder.length = 0;
      }
    }

    /**
     * Whether `arg` may hold SQL text that `builtSql` reads without a fragment: a template with a part that starts like
     * SQL, a concatenation, a `concat` call (through a `const`, as `builtSql` reads it). No model asked.
     */
    function mayBuildSql(arg: TSESTree.Node): boolean {
      const inner = resolveConst(sourceCode, arg);
      if (inner.type === T.TemplateLiteral) return inner.expressions.length > 0 && SQL_START.test(inner.quasis[0]?.value.cooked ?? '');
      if (inner.type === T.BinaryExpression) return inner.operator === '+';
      return inner.type === T.CallExpression && inner.callee.type === T.MemberExpression && staticKey(inner.callee) === 'concat';
    }

    /**
     * The SQL texts a name passed as the SQL text may hold at the query when it is not one `const` of text
     * (`possibleValues`): each value written to a `let` before the read (`let qs = ''; if (c) qs = \`SELECT …\`; else qs =
     * 'SELECT 1'`), each branch of a `?:` it is declared with (`const qs = explain ? explained(text) : text`), that
     * `builtSql` reads (through `const`s), or constant SQL text; each followed by the text that `+=` adds to the
     * variable after it and before the query in the same function (`let sql = 'SELECT … WHERE 1=1'; if (q) sql +=
     * \` AND name = '${q}'\``), all of it, as if every condition held. A constant text with nothing added is left. `null`
     * when the argument is no such name; syntax only, no model asked.
     */
    function heldTexts(arg: TSESTree.Node): HeldText[] | null {
      const inner = unwrap(arg);
      if (inner.type !== T.Identifier) return null;
      const values = possibleValues(sourceCode, inner);
      const added = appendedTexts(inner);
      if (!values && added.length === 0) return null;
      const held: HeldText[] = [];
      const bases = (values ?? []).map((v) => v.node);
      // (An unconditional `+=` stands for the value it adds to among the values held: the declared one too.)
      const declared = added.length > 0 ? findVariableOf(sourceCode, inner)?.defs[0]?.node : undefined;
      if (declared?.type === T.VariableDeclarator && declared.init && !bases.includes(declared.init)) bases.unshift(declared.init);
      for (const value of bases) {
        if (!value || value === inner) continue;
        // (What `+=` adds after this value was written: the writes between it and the query.)
        const after = added.filter((a) => a.range[0] > value.range[1]);
        if (mayBuildSql(value) || (after.length > 0 && typeof staticValueOf(sourceCode, value)?.value === 'string')) held.push({ node: value, added: after });
      }
      return held;
    }

    /** The right-hand sides of `name += text` in the function of `use`, before it, in source order. */
    function appendedTexts(use: TSESTree.Identifier): TSESTree.Expression[] {
      const variable = findVariableOf(sourceCode, use);
      if (!variable || variable.defs.length !== 1) return [];
      const fn = enclosingFunction(use);
      const added: TSESTree.Expression[] = [];
      for (const ref of variable.references) {
        const parent = ref.identifier.parent;
        if (!ref.isWrite() || parent?.type !== T.AssignmentExpression || parent.operator !== '+=' || parent.left !== ref.identifier) continue;
        if (ref.identifier.range[0] >= use.range[0] || enclosingFunction(ref.identifier as TSESTree.Node) !== fn) continue;
        added.push(parent.right);
      }
      return added.sort((a, b) => a.range[0] - b.range[0]);
    }

    /** The SQL text of a held text (`heldTexts`): its value, then what `+=` adds to it. */
    function heldSql(held: HeldText): BuiltSql | null {
      const value = staticValueOf(sourceCode, held.node)?.value;
      const base = typeof value === 'string' ? { prefix: value, segments: [value] } : builtSql(held.node);
      if (!base) return null;
      const segments = [...base.segments];
      for (const part of held.added) {
        const built = builtSql(part, true);
        if (built) segments.push(...built.segments);
        else segments.push(segmentOf(part));
      }
      return { prefix: base.prefix, segments };
    }

    /** Of the texts a name may hold (`heldTexts`), the first one with the worst part to report, request data first. */
    function worstHeld(held: readonly HeldText[]): HeldText | null {
      let best: { text: HeldText; request: boolean } | null = null;
      for (const text of held) {
        const sql = heldSql(text);
        if (!sql || !SQL_START.test(sql.prefix)) continue;
        const finding = worstPart(sql.segments);
        if (!finding) continue;
        if (!best || (finding.source !== null && !best.request)) best = { text, request: finding.source !== null };
      }
      return best?.text ?? null;
    }

    /** A value imported from another module of the package, when the whole-app model is on (`functionSummaryElsewhere`). */
    function mayBeHelperElsewhere(callee: TSESTree.Expression): boolean {
      const model = getExpressModel(context);
      if (!model.settings.crossFile) return false;
      const value = model.valueOf(callee);
      return value !== undefined && !value.app && value.module.startsWith('.');
    }

    /**
     * The part to report: request data first (anywhere), then a part of unseen origin in a value or fragment
     * position (not a TypeScript number, nor a whole fragment that is a parameter of the helper), then, with `checkEveryPart`, any part. `null` when none is reported.
     */
    function worstPart(segments: BuiltSql['segments'], clause = ''): { part: TSESTree.Node; position: SqlPosition; source: string | null } | null {
      return rankedWorstPart(segments, clause, 0);
    }

    function rankedWorstPart(segments: BuiltSql['segments'], clause: string, depth: number): { part: TSESTree.Node; position: SqlPosition; source: string | null; rank: number } | null {
      const requestData = getRequestData(context);
      const found: { part: TSESTree.Node; position: SqlPosition; source: string | null; rank: number }[] = [];
      // (A fragment's parts are placed by the clause it is put in: `whereRaw('name = ' + x)` holds a value.)
      let before = clause;
      segments.forEach((segment, i) => {
        if (typeof segment === 'string') {
          before += segment;
          return;
        }
        const next = segments[i + 1];
        const position = sqlPosition(before, typeof next === 'string' ? next : '');
        before += '?';
        const tainted = requestData.carries(segment, Danger.sql);
        if (tainted) found.push({ part: segment, position, source: tainted.source, rank: 0 });
        // (A value checked before it, `if (!/^\w+$/.test(name)) throw …`, an allow list: as request data would be.)
        else if (requestData.checked(segment, Danger.sql)) return;
        else if (depth < MAX_INLINED_FRAGMENTS && inlined(segment)) {
          // A `const` holding SQL text built here (`const owner = field ? \`and t."\${sanitize(field)}" = $3\` : ''`): its
          // parts are judged where the text puts them, as if it were written inline (each branch of a \`?:\`).
          for (const built of inlined(segment)!) {
            const worst = rankedWorstPart(built.segments, before, depth + 1);
            if (worst) found.push(worst);
          }
          // (What the text holds after it is unknown: the placeholder keeps the next part's position a value's.)
        }
        else if (position !== 'identifier' && !isTypedNumber(segment)) {
          // A whole fragment passed in by the caller: only with `checkEveryPart`, before any other part.
          if (position !== 'fragment' || !isParameter(segment)) found.push({ part: segment, position, source: null, rank: 1 });
          else if (checkEveryPart) found.push({ part: segment, position, source: null, rank: 1.5 });
        }
        else if (checkEveryPart) found.push({ part: segment, position, source: null, rank: 2 });
      });
      return found.sort((a, b) => a.rank - b.rank)[0] ?? null;
    }

    /**
     * The SQL text a `const` of this file holds when it is built here from text (a template, a concatenation, or a
     * string), one per branch of a `?:` (`cond ? \`and x = $3\` : ''`); `null` for anything else.
     */
    function inlined(node: TSESTree.Node): BuiltSql[] | null {
      const inner = unwrap(node);
      if (inner.type !== T.Identifier) return null;
      const target = unwrap(resolveConst(sourceCode, inner));
      if (target === inner) return null;
      const branches = target.type === T.ConditionalExpression ? [target.consequent, target.alternate] : [target];
      const built: BuiltSql[] = [];
      for (const branch of branches) {
        const value = staticValueOf(sourceCode, branch)?.value;
        const text = typeof value === 'string' ? { prefix: value, segments: [value] } : builtSql(branch, true);
        if (!text) return null;
        built.push(text);
      }
      return built;
    }

    /**
     * A parameter of the enclosing function, as a whole: a helper that takes SQL text (`createViewOrReplace(name,
     * viewSql)`) leaves what the text holds to its callers, where request data is still reported.
     */
    function isParameter(node: TSESTree.Node): boolean {
      const inner = unwrap(node);
      return inner.type === T.Identifier && findVariableOf(sourceCode, inner)?.defs[0]?.type === 'Parameter';
    }

    /** A TypeScript `number`, `bigint` or `boolean` (or a union of them and number literals): a parameter, a variable or `this.field`. */
    function isTypedNumber(node: TSESTree.Node): boolean {
      const inner = unwrap(node);
      let annotation: TSESTree.TypeNode | undefined;
      if (inner.type === T.Identifier) {
        const def = findVariableOf(sourceCode, inner)?.defs[0];
        const id = def?.name;
        annotation = id?.type === T.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
      } else if (inner.type === T.MemberExpression && inner.object.type === T.ThisExpression) {
        annotation = fieldType(inner, staticKey(inner));
      }
      return annotation !== undefined && isNumericType(annotation);
    }

    /** Where a part's value comes from, as a message says it. */
    function originOf(node: TSESTree.Node): string {
      const inner = unwrap(node);
      if (isTypedNumber(inner)) return 'typed as a number, which is not checked at run time';
      if (inner.type === T.Identifier) {
        const def = findVariableOf(sourceCode, inner)?.defs[0];
        if (def?.type === 'Parameter') return `a parameter of ${functionLabel(def.node as TSESTree.Node)}${callersOf(def.node as TSESTree.Node, def.name)}`;
        if (def) return `the variable '${inner.name}'`;
        return `'${inner.name}', not declared in this file`;
      }
      if (inner.type === T.MemberExpression && inner.object.type === T.ThisExpression) return 'a field of this object';
      if (inner.type === T.MemberExpression) return `a property of '${shorten(sourceCode.getText(inner.object))}'`;
      if (inner.type === T.CallExpression) return `the result of '${shorten(sourceCode.getText(inner.callee))}()'`;
      return 'a value computed here';
    }

    /**
     * The calls in other files of the package that hand the parameter `name` of `fn` request data (the project model's
     * importers of this file, read only now that the finding is reported), as the message names them: the first by
     * file and line, and how many more. `''` when none is known.
     */
    function callersOf(fn: TSESTree.Node, name: TSESTree.Node): string {
      if (!isFunction(fn)) return '';
      const index = (fn as FunctionNode).params.findIndex((p) => p === name || (p.type === T.AssignmentPattern && p.left === name));
      return requestDataCallersText(context, fn as FunctionNode, index, Danger.sql);
    }

    function functionLabel(fn: TSESTree.Node): string {
      if ((fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression) && fn.id) return `'${fn.id.name}'`;
      const parent = fn.parent;
      if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return `'${parent.id.name}'`;
      if ((parent?.type === T.MethodDefinition || parent?.type === T.Property) && staticKey(parent)) return `'${staticKey(parent)}'`;
      // `exports.findByCategory = function (category) {…}`, `this.find = (id) => …`
      if (parent?.type === T.AssignmentExpression && parent.right === fn && parent.left.type === T.MemberExpression && staticKey(parent.left)) return `'${staticKey(parent.left)}'`;
      return 'its function';
    }

    /** TypeORM: `qb.where(\`id = ${id}\`)` with request data in the fragment (its parameters go in the second argument). */
    function queryBuilderFragment(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void {
      const arg = node.arguments[0] ? unwrap(node.arguments[0]) : null;
      if (!arg || (arg.type !== T.TemplateLiteral && arg.type !== T.BinaryExpression)) return;
      // (An import declaration of typeorm names it as a string: a file without the name declares none, `declaresImport`.)
      if (!fileSigns(context).names(TYPEORM)) return;
      const model = getExpressModel(context);
      if (!model.declaresImport(QUERY_BUILDER_FRAGMENTS.module) || model.handlers.length === 0) return;
      const tainted = getRequestData(context).carries(arg, Danger.sql);
      if (!tainted) return;
      const name = `${sourceCode.getText(callee.object).length > 30 ? '…' : sourceCode.getText(callee.object)}.${method}`;
      context.report({ node: arg, messageId: 'requestSql', data: { method: name, source: tainted.source } });
    }

    /** The fragment facts of a method that takes SQL fragments by design, on a receiver they apply to. */
    function fragmentMethod(method: string, callee: TSESTree.MemberExpression): (typeof SQL_FRAGMENT_METHODS)[string] | null {
      const facts = Object.hasOwn(SQL_FRAGMENT_METHODS, method) ? SQL_FRAGMENT_METHODS[method]! : null;
      if (!facts?.modules) return facts;
      const module = getExpressModel(context).valueOf(callee.object)?.module;
      return module !== undefined && facts.modules.includes(module) ? facts : null;
    }

    /**
     * The placeholder rewrite of a template literal argument, when every non-constant part is a plain value that
     * stands where a value goes (after `=`, `<`, `LIKE`, in `IN (…)`, `VALUES (…)`, inside quotes as the whole
     * string): a placeholder never takes the place of a fragment (`WHERE ${filter}` would become `WHERE $1`, true for
     * every row with `filter=true`) nor of a name. `clause`: the SQL a fragment method's text is put in.
     */
    function parameterize(
      call: TSESTree.CallExpression,
      template: TSESTree.Node,
      style: PlaceholderStyle,
      parts: readonly TSESTree.Node[],
      clause = '',
    ): TSESLint.ReportFixFunction | null {
      if (template.type !== T.TemplateLiteral) return null;
      const dynamic = new Set(parts);
      if (!template.expressions.every((e) => !dynamic.has(e) || (isPlain(e) && !holdsJoinedText(sourceCode, e)))) return null;
      const raws = template.quasis.map((q) => q.value.raw);
      if (raws.some((r) => (style === 'question' ? /\?/u : style === 'dollar' ? /\$\d/u : /:\w/u).test(r))) return null;
      const values: { text: string; name: string }[] = [];
      let text = raws[0]!;
      for (let i = 0; i < template.expressions.length; i++) {
        const expression = template.expressions[i]!;
        let next = raws[i + 1]!;
        if (!dynamic.has(expression)) {
          text += `\${${sourceCode.getText(expression)}}${next}`;
          continue;
        }
        if (sqlPosition(clause + text, next) !== 'value') return null;
        const quoted = text.endsWith("'") && next.startsWith("'");
        if (quoted) {
          text = text.slice(0, -1);
          next = next.slice(1);
        } else if (/['"%]$/u.test(text) || /^['"%]/u.test(next) || insideQuotes(clause + text)) {
          return null;
        }
        const name = uniqueName(expression, values.map((v) => v.name), values.length + 1);
        values.push({ text: sourceCode.getText(expression), name });
        text += (style === 'question' ? '?' : style === 'dollar' ? `$${values.length}` : `:${name}`) + next;
      }
      if (values.length === 0) return null;
      const sqlText = `\`${text}\``;
      const rest = call.arguments.slice(1);
      if (style === 'named') {
        const replacements = `replacements: { ${values.map((v) => (v.name === v.text ? v.name : `${v.name}: ${v.text}`)).join(', ')} }`;
        const options = rest[0] ? unwrap(rest[0]) : null;
        if (rest.length === 0) {
          return (fixer) => [fixer.replaceText(template, sqlText), fixer.insertTextAfter(call.arguments[0]!, `, { ${replacements} }`)];
        }
        if (
          options?.type === T.ObjectExpression &&
          !options.properties.some((p) => p.type !== T.Property || ['replacements', 'bind'].includes(staticKey(p) ?? 'bind'))
        ) {
          return (fixer) => [fixer.replaceText(template, sqlText), addObjectProperty(fixer, sourceCode, options, replacements)];
        }
        return null;
      }
      const array = `[${values.map((v) => v.text).join(', ')}]`;
      const second = rest[0] ? unwrap(rest[0]) : null;
      if (second && second.type !== T.ArrowFunctionExpression && second.type !== T.FunctionExpression) return null;
      return (fixer) => [fixer.replaceText(template, sqlText), fixer.insertTextAfter(call.arguments[0]!, `, ${array}`)];
    }
  },
});

/** A function declared in an `export` (`export function f`, `export const f = …`, `export default function`). */
function isExported(fn: FunctionNode): boolean {
  let current: TSESTree.Node | undefined = fn.parent;
  if (current?.type === T.VariableDeclarator) current = current.parent?.parent;
  return current?.type === T.ExportNamedDeclaration || current?.type === T.ExportDefaultDeclaration;
}

/** `c.a`, `c.a.b` read with static keys, not written, deleted, updated nor called (`c.list.push(x)`). */
function readsThroughOnly(id: TSESTree.Identifier): boolean {
  let current: TSESTree.Node = id;
  while (current.parent?.type === T.MemberExpression && current.parent.object === current) {
    if (staticKey(current.parent) === null) return false;
    current = current.parent;
  }
  if (current === id) return false;
  const parent = current.parent;
  if (parent?.type === T.CallExpression && parent.callee === current) return false;
  return !(
    (parent?.type === T.AssignmentExpression && parent.left === current) ||
    parent?.type === T.UpdateExpression ||
    (parent?.type === T.UnaryExpression && parent.operator === 'delete')
  );
}

/** Whether `id` is read only to read a property: `id.x` that is not assigned, updated or deleted; `id` itself not passed on. */
function isWrittenThrough(id: TSESTree.Identifier): boolean {
  const member = id.parent;
  if (member?.type !== T.MemberExpression || member.object !== id) return true;
  const parent = member.parent;
  if (parent?.type === T.AssignmentExpression && parent.left === member) return true;
  if (parent?.type === T.UpdateExpression) return true;
  if (parent?.type === T.UnaryExpression && parent.operator === 'delete') return true;
  return false;
}

/** The declared type of `this.key` in the enclosing class: a field (`key: number`) or a constructor parameter property. */
function fieldType(member: TSESTree.MemberExpression, key: string | null): TSESTree.TypeNode | undefined {
  if (key === null) return undefined;
  let current: TSESTree.Node | undefined = member.parent;
  while (current && current.type !== T.ClassBody) current = current.parent;
  if (!current) return undefined;
  for (const element of current.body) {
    if (element.type === T.PropertyDefinition && !element.computed && staticKey(element) === key) return element.typeAnnotation?.typeAnnotation;
    if (element.type === T.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type !== T.TSParameterProperty) continue;
        const id = param.parameter.type === T.AssignmentPattern ? param.parameter.left : param.parameter;
        if (id.type === T.Identifier && id.name === key) return id.typeAnnotation?.typeAnnotation;
      }
    }
  }
  return undefined;
}

/**
 * How to put a name in SQL text for the query method: mysql2's `execute()` sends the text to the server to prepare,
 * which binds values only (its `??` is expanded by `query()` and `format()` alone: sidorares/node-mysql2#1356).
 */
function bindingAdvice(method: string): string {
  return method === 'execute'
    ? "Escape it as an identifier before execute(), which binds values only (mysql2's escapeId(name), or format() with '??')"
    : "Bind it as an identifier (mysql '??', pg-format '%I', slonik sql.identifier)";
}

const STYLE_NAMES: Record<PlaceholderStyle, string> = { question: '?', dollar: '$1..$n', named: 'named (:name)' };

function placeholderStyle(module: string | undefined): PlaceholderStyle | null {
  return module === undefined ? null : (SQL_DRIVERS[module] ?? null);
}

/**
 * A name that holds text joined from a list (`const marks = ids.map((id) => \`'${id}'\`).join(', ')`): SQL text made of
 * several values, which one placeholder would bind as a single string (`IN (?)` matching nothing). No rewrite for it.
 */
function holdsJoinedText(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const target = unwrap(resolveConst(sourceCode, node));
  return target.type === T.CallExpression && target.callee.type === T.MemberExpression && staticKey(target.callee) === 'join';
}

/** An identifier or a chain of plain property reads (`id`, `req.body.id`, `user?.id`). */
function isPlain(node: TSESTree.Node): boolean {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return true;
  return inner.type === T.MemberExpression && staticKey(inner) !== null && isPlain(inner.object);
}

function uniqueName(node: TSESTree.Node, taken: readonly string[], index: number): string {
  const inner = unwrap(node);
  const base =
    inner.type === T.Identifier ? inner.name : inner.type === T.MemberExpression ? (staticKey(inner) ?? '') : '';
  return /^[A-Za-z_]\w*$/u.test(base) && !taken.includes(base) ? base : `p${index}`;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/gu, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
