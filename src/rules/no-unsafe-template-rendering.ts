import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { Danger } from '../data/sinks';
import {
  AUTOESCAPE_OPTION,
  AUTOESCAPE_SETTINGS,
  EJS_OPTION_ARGUMENT,
  ESCAPE_OPTIONS,
  EXPRESS_HANDLEBARS_FACTORIES,
  HANDLEBARS_COMPILERS,
  HANDLEBARS_MODULES,
  HTML_OUTPUT_NAME,
  MUSTACHE_MODULE,
  TEXT_OUTPUT_NAME,
  TEXT_TEMPLATE_FILE,
} from '../data/templates';
import {
  assignedName,
  declaredName,
  findVariableOf,
  getExpressModel,
  getRequestData,
  enclosingFunction,
  isFunction,
  literalString,
  resolveConst,
  staticKey,
  staticValueOf,
  unwrap,
  type ExpressModel,
  type OptionsView,
  isConstantText,
} from '../express';
import { createRule, fileSigns, mayHaveApps, moduleNames } from '../util/create-rule';
import { removeObjectProperty } from '../util/fix';

type Options = [];
type MessageIds = 'escapeDisabled' | 'safeStringFromRequest' | 'renderFromRequest' | 'localsFromRequest' | 'removeOption';

type Node = TSESTree.Node;

/** What a file must name for the rule's gate (`createRule`). */
const TEMPLATE_MODULES = moduleNames(
  AUTOESCAPE_SETTINGS.map((setting) => setting.module),
  'ejs',
  HANDLEBARS_MODULES,
  'express-handlebars',
  MUSTACHE_MODULE,
);

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-template-rendering',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow turning off template escaping, marking request data as safe HTML, and rendering a template the request names',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      escapeDisabled:
        "{{library}} escaping is turned off by '{{option}}': every escaped output of its templates is written as raw HTML, so request data becomes cross-site scripting.",
      safeStringFromRequest:
        'new SafeString() marks request data ({{source}}) as trusted HTML: Handlebars writes it unescaped, so it becomes cross-site scripting.',
      renderFromRequest:
        "'{{name}}.render()' takes the template's name from request data ({{source}}): a client chooses which file is rendered.",
      localsFromRequest:
        "'{{name}}.render()' takes its locals from a whole request object ({{source}}): the client can set 'layout', 'settings' or engine options. Pass the fields you need by name.",
      removeOption: "Remove '{{option}}' so that {{library}} escapes again.",
    },
  },
  defaultOptions: [],
  // Calls of the template engines' modules, `app.set('view options')`, or request data rendered.
  gate: (file) => file.names(TEMPLATE_MODULES) || file.mayHandleRequests,
  create(context) {
    const sourceCode = context.sourceCode;
    let model: ExpressModel | null = null;
    const getModel = (): ExpressModel => (model ??= getExpressModel(context));

    /** The nodes reported: an options object shared by several render calls is one finding. */
    const reported = new Set<Node>();
    /** Reports an escape option of `view` set to a value that does not escape. */
    const checkOption = (
      view: OptionsView | 'unknown' | null,
      key: string,
      library: string,
      unsafe: (n: Node) => boolean,
      render?: TSESTree.CallExpression | TSESTree.NewExpression,
    ): void => {
      if (view === 'unknown' || view === null) return;
      const value = view.get(key);
      if (value.kind !== 'set' || !unsafe(value.node)) return;
      // Text rendered for Markdown, plain text or a chat message is not HTML: escaping it would be wrong.
      if (render && rendersText(render)) return;
      const property = value.property;
      if (reported.has(property ?? value.node)) return;
      reported.add(property ?? value.node);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
        property && !value.written
          ? [
              {
                messageId: 'removeOption',
                data: { option: key, library },
                fix: (fixer) => removeObjectProperty(fixer, sourceCode, property),
              },
            ]
          : [];
      context.report({
        node: property ?? value.node,
        messageId: 'escapeDisabled',
        data: { library, option: sourceCode.getText(property ?? value.node) },
        suggest,
      });
    };
    const isTrue = (node: Node): boolean => staticValueOf(sourceCode, node)?.value === true;
    const isFalse = (node: Node): boolean => staticValueOf(sourceCode, node)?.value === false;
    const isIdentityFn = (node: Node): boolean => isIdentity(sourceCode, node);

    return {
      'Program:exit'() {
        // Candidate-first: module calls of the template engines (their values), or an app's `'view options'` setting
        // (a literal of the file, on an app of it). Else the model is not asked here.
        const signs = fileSigns(context);
        if (!model && !signs.mayHoldModules(TEMPLATE_MODULES) && !(sourceCode.text.includes('view options') && mayHaveApps(context))) return;
        const m = getModel();
        for (const setting of AUTOESCAPE_SETTINGS) {
          for (const call of m.callsTo(setting.module, setting.path)) {
            for (const index of setting.arguments) {
              const argument = call.arguments[index];
              if (!argument || argument.type === T.SpreadElement || literalString(argument) !== null) continue;
              checkOption(m.options(argument), AUTOESCAPE_OPTION, setting.library, isFalse, setting.path.includes('render') || setting.path.includes('compile') ? call : undefined);
            }
          }
        }
        for (const { node: call, callee } of m.moduleCalls) {
          const last = callee.path.at(-1);
          if (callee.module === 'ejs' && callee.path.length === 1 && last && last in EJS_OPTION_ARGUMENT) {
            const view = m.options(call.arguments[EJS_OPTION_ARGUMENT[last]!]);
            for (const key of ESCAPE_OPTIONS.ejs) checkOption(view, key, 'EJS', isIdentityFn, call);
          } else if (HANDLEBARS_MODULES.includes(callee.module) && last && HANDLEBARS_COMPILERS.includes(last)) {
            checkOption(m.options(call.arguments[1]), 'noEscape', 'Handlebars', isTrue, call);
          } else if (
            callee.module === 'express-handlebars' &&
            (callee.path.length === 0 || (callee.path.length === 1 && EXPRESS_HANDLEBARS_FACTORIES.includes(last!)))
          ) {
            const view = m.options(call.arguments[0]);
            checkOption(view === 'unknown' ? view : view.object('compilerOptions'), 'noEscape', 'Handlebars', isTrue);
          } else if (callee.module === MUSTACHE_MODULE && callee.path.length === 1 && last === 'render') {
            checkOption(m.options(call.arguments[3]), 'escape', 'Mustache', isIdentityFn, call);
          } else if (
            (HANDLEBARS_MODULES.includes(callee.module) || callee.module === 'express-handlebars') &&
            last === 'SafeString' &&
            getRequestData(context).taintOf(call.arguments[0]) !== null
          ) {
            context.report({ node: call, messageId: 'safeStringFromRequest', data: { source: getRequestData(context).taintOf(call.arguments[0])!.source } });
          }
        }
        // `app.set('view options', { escape: (s) => s })`: Express hands these to the engine (ejs reads `escape`).
        for (const app of m.apps) {
          for (const call of app.calls) {
            if (call.method !== 'set' || literalString(call.node.arguments[0]) !== 'view options') continue;
            const view = m.options(call.node.arguments[1]);
            for (const key of ESCAPE_OPTIONS.ejs) checkOption(view, key, 'EJS', isIdentityFn);
          }
        }
      },
      // `Mustache.escape = (text) => text`
      AssignmentExpression(node) {
        if (node.operator !== '=' || node.left.type !== T.MemberExpression || staticKey(node.left) !== 'escape') return;
        if (!isIdentity(sourceCode, node.right)) return;
        const target = getModel().valueOf(node.left);
        if (target?.module !== MUSTACHE_MODULE || target.path.length !== 1 || target.path[0] !== 'escape') return;
        // Every Mustache render of this file makes text (Markdown, a chat message): the global escape is right there.
        const renders = getModel().callsTo(MUSTACHE_MODULE, ['render']);
        if (renders.length > 0 && renders.every((call) => rendersText(call))) return;
        context.report({
          node,
          messageId: 'escapeDisabled',
          data: { library: 'Mustache', option: sourceCode.getText(node.left) },
        });
      },
      // `res.render(req.query.view)`
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== T.MemberExpression || staticKey(callee) !== 'render' || node.arguments.length === 0) return;
        // (A view named by a constant with no locals, or constant locals: nothing of the request, no model asked.)
        if (node.arguments.every((arg) => isConstantText(arg))) return;
        const requestData = getRequestData(context);
        if (requestData.handlers.roleOf(callee.object) !== 'res') return;
        const name = sourceCode.getText(callee.object);
        // `res.render('page', { ...req.body })`, `res.render('page', req.query)`: the request's object as locals.
        const locals = node.arguments[1] ? unwrap(node.arguments[1]) : null;
        const wholes = !locals ? [] : locals.type === T.ObjectExpression ? locals.properties.flatMap((p) => (p.type === T.SpreadElement ? [p.argument] : [])) : [locals];
        for (const whole of wholes) {
          if (requestKeyed(whole).every((part) => !requestData.carries(part, Danger.nosql))) continue;
          const taint = requestData.carries(whole, Danger.nosql);
          if (taint) context.report({ node: whole, messageId: 'localsFromRequest', data: { name, source: taint.source } });
        }
        const view = requestData.taintOf(node.arguments[0]);
        if (view === null) return;
        context.report({ node: node.arguments[0]!, messageId: 'renderFromRequest', data: { name, source: view.source } });
      },
    };

    /**
     * The parts of a render's locals whose own keys may come from the request: the locals themselves, or the spreads
     * of an object literal (`{ ...req.body, title }`). An object literal with keys written in the code is not one,
     * whatever request data its values hold (`const errors = { userName: req.body.userName }; res.render('signup',
     * { ...errors })`: the client cannot set `layout` or `settings` through it), also through a local that only that
     * literal writes and whose later writes name their keys (`errors.userNameError = '...'`).
     */
    function requestKeyed(node: TSESTree.Node, depth = 0): TSESTree.Node[] {
      const inner = unwrap(node);
      // `res.render('page', ...args)`: which argument is the locals is not known.
      if (inner.type === T.SpreadElement) return [];
      if (depth > 4) return [node];
      if (inner.type === T.ObjectExpression) {
        return inner.properties.flatMap((p) => (p.type === T.SpreadElement ? requestKeyed(p.argument, depth + 1) : []));
      }
      const literal = inner.type === T.Identifier ? onlyLiteralOf(inner) : null;
      return literal ? requestKeyed(literal, depth + 1) : [node];
    }

    /**
     * The object literal that a local holds when it is declared with it, never assigned again, and every write
     * through it names its key (`errors.userNameError = ''`, not `errors[key] = v` or `Object.assign(errors, ...)`).
     */
    function onlyLiteralOf(id: TSESTree.Identifier): TSESTree.ObjectExpression | null {
      const variable = findVariableOf(sourceCode, id);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || !def.node.init) return null;
      const init = unwrap(def.node.init);
      if (init.type !== T.ObjectExpression) return null;
      for (const ref of variable!.references) {
        if (ref.init) continue;
        if (ref.isWrite()) return null;
        const parent = ref.identifier.parent;
        if (parent?.type === T.MemberExpression && parent.object === ref.identifier && parent.computed && literalString(parent.property) === null) {
          if (isWrittenTo(parent)) return null;
        }
        if (parent?.type === T.CallExpression && parent.arguments[0] === ref.identifier && isObjectAssign(parent.callee)) return null;
      }
      return init;
    }

    /**
     * Whether the code says that `call` renders text that is not HTML: the template file is `.md`/`.txt`, or the
     * names its result goes through (variable, property, enclosing function, the function it is passed to) say
     * Markdown, plain text or a chat message, and none says HTML, a page or a view, and it is not sent as a response.
     */
    function rendersText(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      const names: string[] = [];
      const template = call.arguments[0];
      if (template && template.type !== T.SpreadElement) {
        const file = literalString(resolveConst(sourceCode, template));
        if (file !== null && TEXT_TEMPLATE_FILE.test(file)) return true;
        const name = nameOf(template);
        if (name) names.push(name);
      }
      let node: Node = call;
      for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
        if (
          parent.type === T.AwaitExpression ||
          parent.type === T.TSAsExpression ||
          parent.type === T.TSNonNullExpression ||
          parent.type === T.ChainExpression ||
          parent.type === T.LogicalExpression ||
          (parent.type === T.ConditionalExpression && parent.test !== node)
        ) {
          continue;
        }
        if (parent.type === T.VariableDeclarator && parent.init === node) {
          if (parent.id.type === T.Identifier) {
            names.push(parent.id.name);
            const variable = findVariableOf(sourceCode, parent.id);
            if (variable?.references.some((ref) => !ref.init && sentAsResponse(ref.identifier))) return false;
          }
        } else if (parent.type === T.AssignmentExpression && parent.right === node) {
          const name = nameOf(parent.left);
          if (name) names.push(name);
        } else if (parent.type === T.Property && parent.value === node) {
          const key = staticKey(parent);
          if (key) names.push(key);
        } else if (parent.type === T.ReturnStatement || (isFunction(parent) && parent.body === node)) {
          const fn = parent.type === T.ReturnStatement ? enclosingFunction(parent) : parent;
          const name = fn ? (declaredName(fn) ?? assignedName(fn)) : null;
          if (name) names.push(name);
        } else if (parent.type === T.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
          if (sentAsResponse(node)) return false;
          const name = nameOf(parent.callee);
          if (name) names.push(name);
          // `fs.writeFileSync('CHANGELOG.md', text)`, `fs.writeFile('out.html', html)`: the file says what the text is
          for (const other of parent.arguments) {
            const file = other === node || other.type === T.SpreadElement ? null : literalString(resolveConst(sourceCode, other));
            if (file !== null && /\.html?$/iu.test(file)) return false;
            if (file !== null && TEXT_TEMPLATE_FILE.test(file)) names.push('text');
          }
        }
        break;
      }
      if (names.some((n) => HTML_OUTPUT_NAME.test(n))) return false;
      return names.some((n) => TEXT_OUTPUT_NAME.test(n));
    }

    /** `res.send(x)`, `res.write(x)`, `res.end(x)` of a handler's response. */
    function sentAsResponse(node: Node): boolean {
      const call = node.parent;
      if (call?.type !== T.CallExpression || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || !['send', 'write', 'end'].includes(staticKey(callee) ?? '')) return false;
      return getRequestData(context).handlers.roleOf(callee.object) === 'res';
    }
  },
});

/** The name an expression is known by: `x`, `a.b.x`, `'x'` as a key. */
function nameOf(node: Node): string | null {
  const inner = unwrap(node);
  if (inner.type === T.Identifier) return inner.name;
  if (inner.type === T.MemberExpression) return staticKey(inner);
  return null;
}

/**
 * True when a function hands its input back unchanged (so an "escape" function that escapes nothing):
 * `String`, `(s) => s`, `function (s) { return s; }`, `` s => `${s}` ``, `s => '' + s`, `s => String(s)`,
 * `s => s.toString()`, also through a `const` or a function declaration.
 */
function isIdentity(sourceCode: TSESLint.SourceCode, node: Node): boolean {
  let fn: Node = resolveConst(sourceCode, node);
  if (fn.type === T.Identifier) {
    const variable = findVariableOf(sourceCode, fn);
    // The global `String` (unresolved, or a lib global that typescript-eslint declares without definitions).
    if (!variable || variable.defs.length === 0) return fn.name === 'String';
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type !== T.FunctionDeclaration) return false;
    fn = def.node;
  }
  if (!isFunction(fn)) return false;
  const param = fn.params[0];
  if (param?.type !== T.Identifier) return false;
  let result: Node | null | undefined;
  if (fn.body.type === T.BlockStatement) {
    const statements = fn.body.body;
    const only = statements.length === 1 ? statements[0] : undefined;
    result = only?.type === T.ReturnStatement ? only.argument : undefined;
  } else {
    result = fn.body;
  }
  return result ? passesThrough(unwrap(result), param.name) : false;
}

function passesThrough(node: Node, name: string): boolean {
  const isParam = (n: Node | undefined): boolean => n !== undefined && unwrap(n).type === T.Identifier && (unwrap(n) as TSESTree.Identifier).name === name;
  const isEmptyString = (n: Node): boolean => n.type === T.Literal && n.value === '';
  switch (node.type) {
    case T.Identifier:
      return node.name === name;
    case T.TemplateLiteral:
      return node.expressions.length === 1 && isParam(node.expressions[0]) && node.quasis.every((q) => q.value.cooked === '');
    case T.BinaryExpression:
      return (
        node.operator === '+' &&
        ((isEmptyString(node.left) && isParam(node.right)) || (isParam(node.left) && isEmptyString(node.right)))
      );
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === T.Identifier && callee.name === 'String') return node.arguments.length === 1 && isParam(node.arguments[0]);
      return (
        callee.type === T.MemberExpression &&
        staticKey(callee) === 'toString' &&
        node.arguments.length === 0 &&
        isParam(callee.object)
      );
    }
    default:
      return false;
  }
}

/** `x[k] = v`, `x[k] += v`, `x[k]++`, `delete x[k]` do not name the key they write. */
function isWrittenTo(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  if (parent?.type === T.AssignmentExpression) return parent.left === member;
  if (parent?.type === T.UpdateExpression) return true;
  return parent?.type === T.UnaryExpression && parent.operator === 'delete';
}

/** `Object.assign` */
function isObjectAssign(callee: TSESTree.Node): boolean {
  const inner = unwrap(callee);
  return inner.type === T.MemberExpression && staticKey(inner) === 'assign' && unwrap(inner.object).type === T.Identifier && (unwrap(inner.object) as TSESTree.Identifier).name === 'Object';
}

