import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { Danger, FS_MODULES, FS_PATH_FUNCTIONS, FS_TWO_PATH_FUNCTIONS as TWO_PATHS, HELPER_RESPONSE_SINKS } from '../data/sinks';
import { getExpressModel, getRequestData, helperSinkFindings, isConstantText, literalString, type ParamSink, staticKey, unwrap } from '../express';
import { createRule, fileSigns, moduleNames } from '../util/create-rule';

/** What to do, for `res.sendFile` / `res.download` (which take a root) and for the other file APIs. */
const ROOT_ADVICE = "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename).";
const PATH_ADVICE = 'Keep only the file name (path.basename) or check the resolved path.';

type Options = [{ serveIndex?: boolean }];
type MessageIds = 'traversal' | 'dotfiles' | 'serveIndex';

/** What a helper of another module does with a path (`helperSinkFindings`): `res.sendFile` / `res.download`, `fs` functions. */
const HELPER_SINKS: readonly ParamSink['kind'][] = ['response', 'file'];

/** What a file must name for the rule's gate (`createRule`). */
const STATIC_MODULES = moduleNames('express', 'serve-static', 'serve-index');

export default createRule<Options, MessageIds>({
  name: 'no-path-traversal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow file paths taken from the request without a root, and static serving of dotfiles',
      recommended: 'recommended',
      strictOptions: [{ serveIndex: true }],
    },
    schema: [
      {
        type: 'object',
        properties: {
          serveIndex: {
            type: 'boolean',
            description: 'Also report serve-index, which lists a folder\'s files to every visitor.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ serveIndex: false }],
    messages: {
      traversal:
        "'{{method}}' opens a path taken from the request ({{source}}){{without}}: '../' in it reaches any file the process can read. {{advice}}",
      dotfiles:
        "'{{method}}' serves dotfiles ({{value}}): .env, .git and other hidden files become downloadable. Use 'ignore' (the default) or 'deny'.",
      serveIndex: "serve-index lists the files of a folder to every visitor: remove it, or guard it by authentication.",
    },
  },
  defaultOptions: [{ serveIndex: false }],
  // Request data, or static middleware and serve-index.
  gate: (file) => file.names(STATIC_MODULES) || file.mayHandleRequests,
  create(context, [options]) {
    return {
      CallExpression(node) {
        // Cross-file: a helper of another module of the package that serves the path it is given, or opens it with `fs`.
        for (const finding of helperSinkFindings(context, node, Danger.path, HELPER_SINKS)) {
          const file = finding.kind === 'file';
          context.report({
            node: finding.node,
            messageId: 'traversal',
            data: { method: finding.method, source: finding.source, without: file ? '' : ' with no root option', advice: file ? PATH_ADVICE : ROOT_ADVICE },
          });
        }
        const callee = unwrap(node.callee);
        const method = callee.type === T.MemberExpression ? staticKey(callee) : callee.type === T.Identifier ? callee.name : null;
        if (method === null) return;
        const isResponse = method === 'sendFile' || method === 'sendfile' || method === 'download';
        if (!isResponse && !FS_PATH_FUNCTIONS.has(method)) return;
        // (Constant paths hold no request data: no model asked for them.)
        if (node.arguments.slice(0, isResponse || !TWO_PATHS.has(method) ? 1 : 2).every((arg) => isConstantText(arg))) return;
        const model = getExpressModel(context);
        const requestData = getRequestData(context);
        if (requestData.handlers.list.length === 0) return;
        let paths: TSESTree.CallExpressionArgument[];
        let name: string;
        if (isResponse) {
          if (callee.type !== T.MemberExpression || requestData.handlers.roleOf(callee.object) !== 'res') return;
          if (hasRoot(node.arguments.slice(1))) return;
          paths = node.arguments.slice(0, 1);
          name = `res.${method}`;
        } else {
          const value = model.valueOf(callee);
          if (!value || !FS_MODULES.has(value.module) || value.path.at(-1) !== method) return;
          paths = node.arguments.slice(0, TWO_PATHS.has(method) ? 2 : 1);
          name = `${value.module === 'fs/promises' ? 'fs.promises' : value.module}.${method}`;
        }
        for (const path of paths) {
          if (path.type === T.SpreadElement) continue;
          // Checks that dominate the call (`resolved.startsWith(root)`, an allow list) are part of the flow.
          // (A response method that refuses `..` segments, `res.sendFile`, is reached only by a path the client writes
          // whole, or one normalised after its text entered: `HELPER_RESPONSE_SINKS`.)
          const all = isResponse && HELPER_RESPONSE_SINKS[method]?.refusesUpSegments ? Danger.wholePath : 0;
          for (const finding of requestData.findings(path, Danger.path, { all })) {
            context.report({
              node: finding.node,
              messageId: 'traversal',
              data: { method: name, source: finding.source, without: isResponse ? ' with no root option' : '', advice: isResponse ? ROOT_ADVICE : PATH_ADVICE },
            });
          }
        }
      },
      'Program:exit'() {
        // Candidate-first: calls of the static middleware and serve-index, values of those modules.
        if (!fileSigns(context).mayHoldModules(STATIC_MODULES)) return;
        const model = getExpressModel(context);
        for (const [module, path, label] of [
          ['express', ['static'], 'express.static'],
          ['serve-static', [], 'serveStatic'],
        ] as const) {
          for (const call of model.callsTo(module, path)) {
            const view = model.options(call.arguments[1]);
            if (view === 'unknown') continue;
            const dotfiles = view.get('dotfiles');
            if (dotfiles.kind === 'set' && literalString(dotfiles.node) === 'allow') {
              context.report({ node: dotfiles.node, messageId: 'dotfiles', data: { method: label, value: "dotfiles: 'allow'" } });
            }
          }
        }
        if (options.serveIndex) {
          for (const call of model.callsTo('serve-index', [])) context.report({ node: call, messageId: 'serveIndex' });
        }
      },
    };

    /** A `root` option in one of the arguments (`{ root: 'public' }`, or an object that may have one). */
    function hasRoot(args: readonly TSESTree.CallExpressionArgument[]): boolean {
      return args.some((arg) => {
        if (arg.type === T.SpreadElement) return true;
        const inner = unwrap(arg);
        if (inner.type !== T.ObjectExpression && inner.type !== T.Identifier) return false;
        const view = getExpressModel(context).options(inner);
        if (view === 'unknown') return inner.type === T.ObjectExpression;
        return view.get('root').kind !== 'absent';
      });
    }
  },
});
