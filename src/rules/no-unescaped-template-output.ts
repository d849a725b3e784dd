import type { TSESLint } from '@typescript-eslint/utils';

import { BUILT_IN_MARKUP_HELPERS, LAYOUT_DIRECTORIES, LAYOUT_FILE_STEM, LAYOUT_HELPERS, NON_HTML_TEMPLATE_EXTENSIONS, VIEW_HELPERS } from '../data/templates';
import type { TemplateOutput, TemplateSourceCode } from '../languages/templates';
import { NAMESPACE } from '../meta';
import { createRule } from '../util/create-rule';

type Options = [{ allow?: string[]; layoutAllow?: string[] }];
type MessageIds = 'unescaped' | 'unescapedAttributes' | 'useEscaped';

const ENGINE = { ejs: 'EJS', pug: 'Pug', handlebars: 'Handlebars' } as const;
const MAX_SHOWN = 40;

/** The inner extension of a template's name: `js` of `app.js.ejs` (not of `.js.ejs` alone, or `app.ejs`). */
const INNER_EXTENSION = /[^/\\.]\.([^/\\.]+)\.[^/\\.]+$/u;
/** EJS tags (scriptlets, outputs, comments), left out to read the template's own text. */
const EJS_TAG = /<%[\s\S]*?%>/gu;
/** Anything like an HTML tag, a comment or a doctype in the template's own text (`i <n ` counts too: the rule reports). */
const HTML_TAG = /<\/?[a-z][\w:-]*[\s/>]|<!--|<!doctype/iu;
/** A module statement at the start of a line: `var app = require(…)`, `module.exports = …`, `import x from '…'`. */
const SCRIPT_SIGN = /^[ \t]*(?:(?:var|let|const)\s+[\w$]+\s*=\s*require\(|module\.exports\b|import\s[^\n]*\sfrom\s*['"]|['"]use strict['"])/mu;

export default createRule<Options, MessageIds>({
  name: 'no-unescaped-template-output',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow unescaped output in EJS, Pug and Handlebars templates',
      recommended: 'recommended',
    },
    languages: [`${NAMESPACE}/templates`],
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Names of variables and helpers whose output is markup the app built itself, written unescaped on purpose in any template (`partial`, `contentFor`). Replaces the default list; EJS `include` is always allowed.',
          },
          layoutAllow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Names written unescaped on purpose in layout files only (a `layouts/` or `layout/` directory, or a file named `layout` or `…layout`): the rendered view `body`, `block`, `script`, `style`, `defineContent`. Replaces the default list.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [...VIEW_HELPERS], layoutAllow: [...LAYOUT_HELPERS] }],
    messages: {
      unescaped:
        "{{engine}} writes '{{code}}' without HTML escaping ('{{marker}}'): any request data in it becomes cross-site scripting. Use the escaped form.",
      unescapedAttributes:
        "Pug '&attributes({{code}})' writes every key and value of an object that is not written here without escaping: attributes from request data become cross-site scripting.",
      useEscaped: "Escape the output: '{{escaped}}'.",
    },
  },
  defaultOptions: [{ allow: [...VIEW_HELPERS], layoutAllow: [...LAYOUT_HELPERS] }],
  create(context, [options]) {
    const allowed = new Set([...BUILT_IN_MARKUP_HELPERS, ...(options.allow ?? VIEW_HELPERS)]);
    if (isLayoutFile(context.physicalFilename || context.filename)) {
      for (const name of options.layoutAllow ?? LAYOUT_HELPERS) allowed.add(name);
    }
    const sourceCode = context.sourceCode as unknown as TemplateSourceCode;
    if (rendersNoPage(sourceCode, context.physicalFilename || context.filename)) return {};
    return {
      TemplateOutput(output: TemplateOutput) {
        if (output.escaped || (output.name !== null && allowed.has(output.name))) return;
        const code = shorten(output.code.trim());
        if (code === '') return; // `<%- %>` writes nothing
        if (output.form === 'pug-attributes') {
          // An object literal written in the template, or a mixin's own `attributes` (escaped by Pug at the call).
          if (code.startsWith('{') || code === 'attributes') return;
          context.report({ loc: output.loc, messageId: 'unescapedAttributes', data: { code } });
          return;
        }
        const engine = ENGINE[sourceCode.ast.engine];
        const edits = output.escapedForm;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = edits
          ? [
              {
                messageId: 'useEscaped',
                data: { escaped: shorten(applyEdits(sourceCode.text, output.range, edits)) },
                fix: (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
              },
            ]
          : [];
        context.report({ loc: output.loc, messageId: 'unescaped', data: { engine, code, marker: output.marker }, suggest });
      },
    };
  },
});

/**
 * An EJS or Handlebars template that renders source code or data, not a page, where raw output is what it must write:
 * a name with an inner extension of `NON_HTML_TEMPLATE_EXTENSIONS` (`app.js.ejs`, `schema.sql.hbs`), or an EJS
 * template whose own text (outside its tags) has no HTML tag and reads as a script (a `#!` first line, a
 * `require`, `module.exports`, `import … from` or `'use strict'` line: express-generator's `www.ejs`). Pug always
 * renders markup.
 */
function rendersNoPage(sourceCode: TemplateSourceCode, filename: string): boolean {
  const engine = sourceCode.ast.engine;
  if (engine === 'pug') return false;
  const inner = INNER_EXTENSION.exec(filename)?.[1]?.toLowerCase();
  if (inner !== undefined && NON_HTML_TEMPLATE_EXTENSIONS.includes(inner)) return true;
  if (engine !== 'ejs') return false;
  const own = sourceCode.text.replace(EJS_TAG, ' ');
  return !HTML_TAG.test(own) && (own.startsWith('#!') || SCRIPT_SIGN.test(own));
}

/** A layout: in a `layouts/` (or `layout/`) directory, or named `layout.*` / `…layout.*`. */
function isLayoutFile(filename: string): boolean {
  const parts = filename.split(/[\\/]/u);
  const base = parts.pop() ?? '';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  return LAYOUT_FILE_STEM.test(stem) || parts.some((dir) => LAYOUT_DIRECTORIES.includes(dir.toLowerCase()));
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ');
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN - 1)}…` : oneLine;
}

/** The text of `range` after the edits (which lie inside it). */
function applyEdits(text: string, range: [number, number], edits: { range: [number, number]; text: string }[]): string {
  let result = '';
  let at = range[0];
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    result += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  return result + text.slice(at, range[1]);
}
