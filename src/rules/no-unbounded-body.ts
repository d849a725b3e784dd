import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { BODY_PARSERS, BYTE_UNITS } from '../data/body-limits';
import { elsewhereOf, getExpressModel, pathEquals, sequenceCallee, staticKey, staticValueOf, unwrap, type OptionsView } from '../express';
import { createRule, moduleNames } from '../util/create-rule';

/** The modules of `BODY_PARSERS`: a file's other module calls (most of them) are skipped before any path comparison. */
const PARSER_MODULES: ReadonlySet<string> = new Set(BODY_PARSERS.map((p) => p.module));
import { addObjectProperty } from '../util/fix';

type Options = [{ maxSize?: number | string; maxFileSize?: number | string; requireLimit?: boolean }];
type MessageIds = 'tooLarge' | 'unbounded' | 'invalid' | 'missing' | 'unlimitedUploads' | 'setLimit' | 'addFileSize';

/** What a file must name for the rule's gate (`createRule`). */
const PARSER_MODULE_NAMES = moduleNames([...PARSER_MODULES]);

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-body',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request body parsers and upload handlers without a bounded size limit',
      recommended: 'recommended',
      appConfiguration: true,
      strictOptions: [{ requireLimit: true }],
    },
    hasSuggestions: true,
    defaultOptions: [{ maxSize: '1mb', maxFileSize: '10mb', requireLimit: false }],
    schema: [
      {
        type: 'object',
        properties: {
          maxSize: {
            type: ['number', 'string'],
            description: "The largest body limit allowed for JSON, urlencoded, raw and text parsers: bytes, or a string such as '500kb'.",
          },
          maxFileSize: {
            type: ['number', 'string'],
            description: "The largest `limits.fileSize` allowed for multer and express-fileupload uploads: bytes, or a string such as '10mb'.",
          },
          requireLimit: {
            type: 'boolean',
            description: 'Also report body parsers that rely on their default limit (uploads without `limits.fileSize` are always reported: they are unlimited).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      tooLarge: "{{parser}} accepts bodies up to {{limit}}{{from}}, above the allowed {{max}}: large bodies tie up memory and CPU (denial of service).",
      unbounded: '{{parser}} sets no upper bound on the body size ({{limit}}{{from}}): one large request can exhaust memory or disk.',
      invalid:
        "{{parser}} has a limit '{{limit}}'{{from}} that cannot be parsed as a size: body-parser before 1.20.6 silently dropped such a limit, newer versions throw.",
      missing: '{{parser}} has no explicit size limit ({{default}} by default): state the limit the route needs.',
      unlimitedUploads:
        '{{parser}} has no `limits.fileSize`, so uploads are unlimited: one request can fill the memory or the disk (denial of service).',
      setLimit: "Set the limit to {{max}}.",
      addFileSize: 'Limit uploads to {{max}} with `limits.fileSize`.',
    },
  },
  // Calls of the body parsers' modules.
  gate: (file) => file.names(PARSER_MODULE_NAMES),
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const maxSize = parseSize(options.maxSize ?? '1mb') ?? BYTE_UNITS.mb!;
    const maxFileSize = parseSize(options.maxFileSize ?? '10mb') ?? 10 * BYTE_UNITS.mb!;
    return {
      'Program:exit'() {
        const model = getExpressModel(context);
        for (const { node, callee } of model.moduleCalls) {
          if (!PARSER_MODULES.has(callee.module)) continue;
          const parser = BODY_PARSERS.find((p) => pathEquals(callee, p.module, p.path));
          if (!parser || node.type !== T.CallExpression) continue;
          const name = parser.path.length === 0 ? `${parser.module}()` : `${sourceCode.getText(sequenceCallee(node.callee))}()`;
          const isUpload = parser.upload;
          const max = isUpload ? maxFileSize : maxSize;
          const maxText = formatSize(max);
          // The options object, or the nested one that holds the limit.
          const optionsArgument = node.arguments[parser.optionsArgument ?? 0];
          let view: OptionsView | 'unknown' | null = optionsArgument ? model.options(optionsArgument) : null;
          for (const key of parser.limitKey.slice(0, -1)) {
            if (view === null || view === 'unknown') break;
            view = view.object(key);
          }
          const key = parser.limitKey.at(-1)!;
          const value = view === null ? { kind: 'absent' as const } : view === 'unknown' ? { kind: 'unknown' as const } : view.get(key);
          if (value.kind === 'unknown') continue;
          if (value.kind === 'absent') {
            if (parser.unset === 'Infinity') {
              const add = addFileSizeFix(sourceCode, node, bytesText(max));
              context.report({
                node,
                messageId: 'unlimitedUploads',
                data: { parser: name },
                suggest: add ? [{ messageId: 'addFileSize', data: { max: maxText }, fix: add }] : [],
              });
              continue;
            }
            if (!options.requireLimit) continue;
            context.report({
              node,
              messageId: 'missing',
              data: { parser: name, default: parser.unset === 'Infinity' ? 'unlimited' : parser.unset },
            });
            continue;
          }
          const known = staticValueOf(sourceCode, value.node);
          if (!known) continue;
          const raw = known.value;
          const replace = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix =>
            fixer.replaceText(value.node, isUpload ? String(max) : `'${maxText}'`);
          // A limit of another file (`limit: config.bodyLimit`): reported where it is read, naming where it is written;
          // the change belongs there (other files may read it), so no suggestion edits this file.
          const from = elsewhereOf(value.node);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = from ? [] : [{ messageId: 'setLimit', data: { max: maxText }, fix: replace }];
          const report = (messageId: MessageIds, limit: string): void =>
            context.report({ node: value.node as TSESTree.Node, messageId, data: { parser: name, limit, from: from ? ` (from ${from})` : '', max: maxText }, suggest });
          if (typeof raw === 'number') {
            if (!Number.isFinite(raw)) report(raw > 0 || Number.isNaN(raw) ? 'unbounded' : 'invalid', String(raw));
            else if (raw > max) report('tooLarge', formatSize(raw));
            continue;
          }
          if (typeof raw === 'string' && !isUpload) {
            const size = parseSize(raw);
            if (size === null) report('invalid', raw);
            else if (!Number.isFinite(size)) report('unbounded', raw);
            else if (size > max) report('tooLarge', raw);
            continue;
          }
          if (raw === null || raw === undefined) continue;
          if (!isUpload) report('invalid', String(raw));
        }
      },
    };
  },
});

/** `10 * 1024 * 1024` for 10mb, `512 * 1024` for 512kb, else the number. */
function bytesText(bytes: number): string {
  if (bytes >= BYTE_UNITS.mb! && bytes % BYTE_UNITS.mb! === 0) return `${bytes / BYTE_UNITS.mb!} * 1024 * 1024`;
  if (bytes >= BYTE_UNITS.kb! && bytes % BYTE_UNITS.kb! === 0) return `${bytes / BYTE_UNITS.kb!} * 1024`;
  return String(bytes);
}

/**
 * Adds `limits: { fileSize }` where the options are written inline: `multer()` gets an options object,
 * `multer({ dest })` a `limits` entry, `multer({ limits: { files: 1 } })` a `fileSize` entry. `null` when the
 * options are not an inline literal (a `const`, a spread, a call).
 */
function addFileSizeFix(
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.CallExpression,
  bytes: string,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const first = call.arguments[0];
  if (!first) {
    const closing = sourceCode.getLastToken(call)!;
    return (fixer) => fixer.insertTextBefore(closing, `{ limits: { fileSize: ${bytes} } }`);
  }
  const options = unwrap(first);
  if (options.type !== T.ObjectExpression) return null;
  if (options.properties.some((p) => p.type === T.SpreadElement)) return null;
  const limits = options.properties.find((p): p is TSESTree.Property => p.type === T.Property && staticKey(p) === 'limits');
  if (!limits) return (fixer) => addObjectProperty(fixer, sourceCode, options, `limits: { fileSize: ${bytes} }`);
  const inner = unwrap(limits.value);
  if (inner.type !== T.ObjectExpression || inner.properties.some((p) => p.type === T.SpreadElement)) return null;
  return (fixer) => addObjectProperty(fixer, sourceCode, inner, `fileSize: ${bytes}`);
}

/** Bytes from a number or a size string (`'10kb'`, `'1.5 MB'`, `'512'`), `null` when it is not one. */
export function parseSize(size: number | string): number | null {
  if (typeof size === 'number') return Number.isNaN(size) ? null : size;
  const match = /^\s*((?:-|\+)?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-z]*)\s*$/iu.exec(size);
  if (!match) return /^\s*infinity\s*$/iu.test(size) ? Number.POSITIVE_INFINITY : null;
  const unit = match[2]!.toLowerCase() || 'b';
  const factor = BYTE_UNITS[unit];
  if (factor === undefined) return null;
  return Math.floor(Number.parseFloat(match[1]!) * factor);
}

/** `1048576` → `1mb`, `1536` → `1.5kb`, `100` → `100b`. */
export function formatSize(bytes: number): string {
  for (const unit of ['pb', 'tb', 'gb', 'mb', 'kb']) {
    const factor = BYTE_UNITS[unit]!;
    if (bytes >= factor) return `${Number((bytes / factor).toFixed(2))}${unit}`;
  }
  return `${bytes}b`;
}
