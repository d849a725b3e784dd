import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { Danger, SQL_DRIVERS, SQL_METHODS, SQL_START, type PlaceholderStyle } from '../data/sinks';
import { findVariableOf, getExpressModel, getRequestData, resolveConst, staticKey, staticValueOf, unwrap } from '../express';
import { QUERY_BUILDER_FRAGMENTS } from '../data/nest';
import { createRule } from '../util/create-rule';
import { addObjectProperty } from '../util/fix';

type Options = [];
type MessageIds = 'dynamicSql' | 'requestSql' | 'useParameters';

/** Calls whose result is safe inside SQL text: escaping, numbers. */
const SAFE_CALLS = new Set(['escape', 'escapeId', 'escapeLiteral', 'escapeIdentifier', 'format']);
const NUMERIC_GLOBALS = new Set(['Number', 'parseInt', 'parseFloat']);
/** SQL text right before a value that names a table or column (a placeholder cannot stand there). */
const IDENTIFIER_POSITION = /(?:\b(?:from|join|into|update|table|by|as)\s*|[."`[])$/iu;

export default createRule<Options, MessageIds>({
  name: 'no-sql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SQL text built from non-constant parts instead of query parameters',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      dynamicSql:
        "SQL text passed to '{{method}}' is built from a non-constant part ('{{part}}'): pass values as query parameters, never inside the SQL.",
      requestSql:
        "SQL text passed to '{{method}}' contains request data ({{source}}): SQL injection. Pass it as a query parameter.",
      useParameters: 'Rewrite the template literal with {{style}} placeholders and pass its values separately.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    /** Verdicts on the initializers that parts lead to (consts, lists, object properties): each is judged once. */
    const judged = new Map<TSESTree.Node, boolean>();
    const isSafeTarget = (target: TSESTree.Node, judge: () => boolean): boolean => {
      let safe = judged.get(target);
      if (safe === undefined) {
        judged.set(target, false);
        safe = judge();
        judged.set(target, safe);
      }
      return safe;
    };

    /** Whether `node` is constant, or a value that cannot change the SQL's structure. */
    function isSafePart(node: TSESTree.Node): boolean {
      const inner = unwrap(node);
      if (inner.type === T.Literal) return true;
      // a const holding safe text: `const marks = ids.map(() => '?').join(',')`
      if (inner.type === T.Identifier) {
        const target = resolveConst(sourceCode, inner);
        if (target !== inner && target.type !== T.ArrayExpression && isSafeTarget(target, () => isSafePart(target))) return true;
      }
      if (inner.type === T.ConditionalExpression) return isSafePart(inner.consequent) && isSafePart(inner.alternate);
      if (inner.type === T.MemberExpression && staticKey(inner) === 'length') return true;
      if (inner.type === T.MemberExpression && isSafeProperty(inner)) return true;
      if (inner.type === T.CallExpression) {
        const callee = unwrap(inner.callee);
        if (callee.type === T.Identifier && NUMERIC_GLOBALS.has(callee.name)) return true;
        if (callee.type === T.MemberExpression) {
          const key = staticKey(callee);
          if (key !== null && SAFE_CALLS.has(key)) return true;
          if (callee.object.type === T.Identifier && callee.object.name === 'Math') return true;
          // `ids.map(() => '?').join(', ')`: placeholders built for an IN list.
          if (key === 'join') {
            const mapped = unwrap(callee.object);
            if (isSafeArray(mapped)) return true;
            if (mapped.type === T.CallExpression && mapped.callee.type === T.MemberExpression && staticKey(mapped.callee) === 'map') {
              const fn = mapped.arguments[0];
              if (fn && (fn.type === T.ArrowFunctionExpression && fn.body.type !== T.BlockStatement)) {
                const body = unwrap(fn.body);
                if (body.type === T.Literal || (body.type === T.TemplateLiteral && body.quasis.every((q) => !/'/u.test(q.value.cooked ?? "'")))) return true;
              }
            }
          }
        }
      }
      if (inner.type === T.TemplateLiteral) return inner.expressions.every((e) => isSafePart(e));
      if (inner.type === T.BinaryExpression) return isSafePart(inner.left) && isSafePart(inner.right);
      return staticValueOf(sourceCode, inner) !== null;
    }

    /** An array of safe text: a literal, a {@link isSafeList}, or one of them filtered or sliced. */
    function isSafeArray(node: TSESTree.Node): boolean {
      const inner = unwrap(node);
      if (inner.type === T.ArrayExpression) {
        return inner.elements.every((e) => e !== null && e.type !== T.SpreadElement && isSafePart(e));
      }
      if (inner.type === T.Identifier) {
        const init = resolveConst(sourceCode, inner);
        return init !== inner && isSafeTarget(init, () => isSafeList(inner));
      }
      if (inner.type === T.CallExpression && inner.callee.type === T.MemberExpression) {
        const key = staticKey(inner.callee);
        return (key === 'filter' || key === 'slice') && isSafeArray(inner.callee.object);
      }
      return false;
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
      const readOnly = isSafeTarget(init, () => {
        const variable = findVariableOf(sourceCode, object);
        return variable?.references.every((ref) => ref.init || (ref.identifier.type === T.Identifier && !isWrittenThrough(ref.identifier))) ?? false;
      });
      return readOnly && isSafeTarget(prop.value, () => isSafePart(prop.value));
    }

    /**
     * A `const` array of safe text that is only ever pushed safe text and read: `const cases = []`, then
     * `cases.push('WHEN ? THEN ?')` in a loop and `cases.join(' ')` in the SQL.
     */
    function isSafeList(id: TSESTree.Identifier): boolean {
      const init = resolveConst(sourceCode, id);
      if (init === id || init.type !== T.ArrayExpression) return false;
      if (!init.elements.every((e) => e !== null && e.type !== T.SpreadElement && isSafePart(e))) return false;
      const variable = findVariableOf(sourceCode, id);
      if (!variable) return false;
      return variable.references.every((ref) => {
        if (ref.init) return true;
        const member = ref.identifier.parent;
        if (member?.type !== T.MemberExpression || member.object !== ref.identifier) return false;
        const key = staticKey(member);
        if (key === 'length' || key === 'join') return member.parent?.type !== T.AssignmentExpression || member.parent.left !== member;
        if (key !== 'push' && key !== 'unshift') return false;
        const call = member.parent;
        return (
          call?.type === T.CallExpression &&
          call.callee === member &&
          call.arguments.every((a) => a.type !== T.SpreadElement && isSafePart(a))
        );
      });
    }

    /** The SQL text's leading constant and its non-constant parts, when `node` is SQL built by concatenation. */
    function builtSql(node: TSESTree.Node): { prefix: string; parts: TSESTree.Node[] } | null {
      const inner = resolveConst(sourceCode, node);
      if (inner.type === T.TemplateLiteral) {
        const prefix = inner.quasis[0]?.value.cooked ?? '';
        if (!SQL_START.test(prefix)) return null;
        return { prefix, parts: inner.expressions.filter((e) => !isSafePart(e)) };
      }
      if (inner.type === T.BinaryExpression && inner.operator === '+') {
        const operands: TSESTree.Node[] = [];
        let current: TSESTree.Node = inner;
        while (current.type === T.BinaryExpression && current.operator === '+') {
          operands.unshift(current.right);
          current = unwrap(current.left);
        }
        operands.unshift(current);
        if (!SQL_START.test(leadingText(operands[0]!)) && !builtSql(operands[0]!)) return null;
        const first = builtSql(operands[0]!) ?? { prefix: leadingText(operands[0]!), parts: [] };
        return { prefix: first.prefix, parts: [...first.parts, ...operands.slice(1).filter((o) => !isSafePart(o))] };
      }
      if (inner.type === T.CallExpression && inner.callee.type === T.MemberExpression && staticKey(inner.callee) === 'concat') {
        const head = builtSql(inner.callee.object) ?? { prefix: leadingText(inner.callee.object), parts: [] };
        if (!SQL_START.test(head.prefix)) return null;
        const rest = inner.arguments.filter((a) => !isSafePart(a));
        return { prefix: head.prefix, parts: [...head.parts, ...rest] };
      }
      return null;
    }

    function leadingText(node: TSESTree.Node): string {
      const value = staticValueOf(sourceCode, node);
      return typeof value?.value === 'string' ? value.value : '';
    }

    return {
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (callee.type !== T.MemberExpression) return;
        const method = staticKey(callee);
        if (method !== null && QUERY_BUILDER_FRAGMENTS.methods.has(method)) {
          queryBuilderFragment(node, callee, method);
          return;
        }
        if (method === null || !SQL_METHODS.has(method)) return;
        const arg = node.arguments[0];
        if (!arg || arg.type === T.SpreadElement) return;
        const sql = builtSql(arg);
        if (!sql || sql.parts.length === 0 || !SQL_START.test(sql.prefix)) return;
        const model = getExpressModel(context);
        if (model.valueOf(callee.object)?.app) return;
        const requestData = getRequestData(context);
        const tainted = sql.parts.map((p) => requestData.carries(p, Danger.sql)).find((t) => t !== null);
        const name = `${sourceCode.getText(callee.object).length > 30 ? '…' : sourceCode.getText(callee.object)}.${method}`;
        const style = placeholderStyle(model.valueOf(callee.object)?.module);
        const suggest = style ? parameterize(node, unwrap(arg), style, sql.parts) : null;
        const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = suggest
          ? [{ messageId: 'useParameters', data: { style: STYLE_NAMES[style!] }, fix: suggest }]
          : [];
        if (tainted) {
          context.report({ node: arg, messageId: 'requestSql', data: { method: name, source: tainted.source }, suggest: suggestions });
        } else {
          context.report({ node: arg, messageId: 'dynamicSql', data: { method: name, part: shorten(sourceCode.getText(sql.parts[0]!)) }, suggest: suggestions });
        }
      },
    };

    /** TypeORM: `qb.where(\`id = ${id}\`)` with request data in the fragment (its parameters go in the second argument). */
    function queryBuilderFragment(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): void {
      const arg = node.arguments[0] ? unwrap(node.arguments[0]) : null;
      if (!arg || (arg.type !== T.TemplateLiteral && arg.type !== T.BinaryExpression)) return;
      const model = getExpressModel(context);
      if (!model.declaresImport(QUERY_BUILDER_FRAGMENTS.module) || model.handlers.length === 0) return;
      const tainted = getRequestData(context).carries(arg, Danger.sql);
      if (!tainted) return;
      const name = `${sourceCode.getText(callee.object).length > 30 ? '…' : sourceCode.getText(callee.object)}.${method}`;
      context.report({ node: arg, messageId: 'requestSql', data: { method: name, source: tainted.source } });
    }

    /** The placeholder rewrite of a template literal argument, when every non-constant part is a plain value. */
    function parameterize(
      call: TSESTree.CallExpression,
      template: TSESTree.Node,
      style: PlaceholderStyle,
      parts: readonly TSESTree.Node[],
    ): TSESLint.ReportFixFunction | null {
      if (template.type !== T.TemplateLiteral) return null;
      const dynamic = new Set(parts);
      if (!template.expressions.every((e) => !dynamic.has(e) || isPlain(e))) return null;
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
        const quoted = text.endsWith("'") && next.startsWith("'");
        if (quoted) {
          text = text.slice(0, -1);
          next = next.slice(1);
        } else if (/['"%]$/u.test(text) || /^['"%]/u.test(next) || IDENTIFIER_POSITION.test(text.trimEnd())) {
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

const STYLE_NAMES: Record<PlaceholderStyle, string> = { question: '?', dollar: '$1..$n', named: 'named (:name)' };

function placeholderStyle(module: string | undefined): PlaceholderStyle | null {
  return module === undefined ? null : (SQL_DRIVERS[module] ?? null);
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
