/**
 * Facts about the template engines Express renders with. Read from the installed packages: pug-lexer 5.0.1
 * (token types, `mustEscape`), @handlebars/parser 2.2.4 (`MustacheStatement.escaped`). Read from the published
 * docs on 2026-11-22: handlebars 4.7 compilation options (`noEscape`), mustache 4.2.0 (`Mustache.escape`, the
 * `render` config object since 4.1.0), express-ejs-layouts 2.5.1 README. From the ejs 3.1 README/source as
 * known to us (confirm with `npm pack ejs` before relying on more): the `escape` option (alias
 * `escapeFunction`), the `<%- <%= <%# <%_ <%%` tags; ejs-mate 4 (`body`, `block()`, `partial()`) and
 * express-handlebars 8 (`engine()`, `create()`, `ExpressHandlebars`, `compilerOptions`, `{{{body}}}`).
 */

export type TemplateEngine = 'ejs' | 'pug' | 'handlebars';

/** File extensions of each engine (as `app.set('view engine', ...)` and the engines' `__express` use them). */
export const TEMPLATE_EXTENSIONS: Readonly<Record<TemplateEngine, readonly string[]>> = {
  ejs: ['ejs'],
  pug: ['pug', 'jade'],
  handlebars: ['hbs', 'handlebars'],
};

/** The EJS delimiters: `<%` ... `%>` unless `delimiter`, `openDelimiter`, `closeDelimiter` say otherwise. */
export const EJS_DEFAULT_DELIMITERS = { delimiter: '%', openDelimiter: '<', closeDelimiter: '>' } as const;

/**
 * Names whose unescaped output is markup that the app itself built, not data: EJS's own `include()`, and the
 * helpers of the common layout packages. Layout-only names are allowed in layout files only (see
 * `LAYOUT_DIRECTORIES`, `LAYOUT_FILE_STEM`): there `<%- body %>` / `{{{body}}}` is the rendered view, in any other
 * template `body` is data (a comment's or a post's body). express-ejs-layouts 2.5.1 (`body`, `script`, `style`,
 * `defineContent()` in the layout; `contentFor()` in views), ejs-mate 4 (`body`, `block()` in the layout;
 * `partial()` anywhere), express-handlebars 8 (`{{{body}}}` in `views/layouts/`).
 */
export const BUILT_IN_MARKUP_HELPERS: readonly string[] = ['include'];
/** Helpers that write app-built markup in any template (the default of the rule's `allow`). */
export const VIEW_HELPERS: readonly string[] = ['contentFor', 'partial'];
/** Variables and helpers that only a layout writes unescaped (the default of the rule's `layoutAllow`). */
export const LAYOUT_HELPERS: readonly string[] = ['block', 'body', 'defineContent', 'script', 'style'];

/**
 * Inner extensions of a template's name (`app.js.ejs`, `config.json.hbs`) that say it renders source code, data or
 * plain text, not a page: generators' templates (express-generator's `templates/js/app.js.ejs`, plop, yeoman).
 * There `<%-` / `{{{` is right (the output is JavaScript, JSON, SQL...), and HTML escaping would not make it safe
 * either. Names that may still reach a browser as markup (`html`, `svg`, `xml`, `md`, `vue`, `php`) are not listed.
 */
export const NON_HTML_TEMPLATE_EXTENSIONS: readonly string[] = [
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'json', 'json5', 'jsonc', 'map',
  'sql', 'css', 'scss', 'sass', 'less', 'styl',
  'yml', 'yaml', 'toml', 'ini', 'env', 'properties', 'conf', 'cfg',
  'sh', 'bash', 'zsh', 'ps1', 'bat', 'cmd', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'swift', 'cs', 'c', 'h', 'cpp',
  'txt', 'text', 'csv', 'tsv', 'graphql', 'gql', 'prisma', 'proto', 'gitignore', 'dockerignore', 'npmignore', 'editorconfig',
];

/**
 * Directories that hold layouts: express-handlebars' `layoutsDir` default `views/layouts/`, express-ejs-layouts'
 * `app.set('layout', 'layouts/main')` convention.
 */
export const LAYOUT_DIRECTORIES: readonly string[] = ['layouts', 'layout'];
/**
 * The name of a layout file, less its extension: `layout` (express-ejs-layouts' default `layout.ejs`, Pug and
 * Jade's `layout.pug` convention) or a name ending in it (`main-layout.hbs`, `base_layout.ejs`, `adminLayout.ejs`).
 */
export const LAYOUT_FILE_STEM = /layout$/iu;

/**
 * Options of the engines that turn escaping off or replace the escape function (ejs 3.1.10 `escape` /
 * `escapeFunction`; handlebars 4.7.8 `compile(src, { noEscape: true })`; mustache 4.2.0 `Mustache.escape`).
 */
export const ESCAPE_OPTIONS = {
  ejs: ['escape', 'escapeFunction'],
  handlebars: ['noEscape'],
} as const;

/** ejs 3.1.10: which argument of each function holds the options (`render(str, data, opts)`, ...). */
export const EJS_OPTION_ARGUMENT: Readonly<Record<string, number>> = { render: 2, compile: 1, renderFile: 2 };

/** Modules that export Handlebars itself (`hbs` as `hbs.handlebars`), whose `compile`/`precompile` take options. */
export const HANDLEBARS_MODULES: readonly string[] = ['handlebars', 'handlebars/runtime', 'hbs'];
export const HANDLEBARS_COMPILERS: readonly string[] = ['compile', 'precompile'];

/**
 * express-handlebars 8.0.1 (and 5-7): the factories that take `{ compilerOptions }` handed to Handlebars: `engine()`,
 * `create()`, `new ExpressHandlebars()`, and the default export of versions before 6.
 */
export const EXPRESS_HANDLEBARS_FACTORIES: readonly string[] = ['engine', 'create', 'ExpressHandlebars'];

/** mustache 4.2.0: `Mustache.render(template, view, partials, config)` takes `config.escape`. */
export const MUSTACHE_MODULE = 'mustache';

/**
 * Engines whose `autoescape` setting turns HTML escaping off for every template they render when it is `false`:
 * nunjucks 3 (`configure([path], opts)`, `new Environment(loaders, opts)`), swig 1.4 and its fork swig-templates 2
 * (`setDefaults(opts)`, `new Swig(opts)`, `compile(src, opts)`, `render(src, opts)`). Read from the engines'
 * published API docs (autoescape defaults to `true` in both). `arguments` are the argument indexes that may hold the
 * options object.
 */
export const AUTOESCAPE_SETTINGS: readonly { module: string; path: readonly string[]; arguments: readonly number[]; library: string }[] = [
  { module: 'nunjucks', path: ['configure'], arguments: [0, 1], library: 'Nunjucks' },
  { module: 'nunjucks', path: ['Environment'], arguments: [1], library: 'Nunjucks' },
  ...['swig', 'swig-templates'].flatMap((module) => [
    { module, path: ['setDefaults'], arguments: [0], library: 'Swig' },
    { module, path: ['Swig'], arguments: [0], library: 'Swig' },
    { module, path: ['compile'], arguments: [1], library: 'Swig' },
    { module, path: ['render'], arguments: [1], library: 'Swig' },
  ]),
];
export const AUTOESCAPE_OPTION = 'autoescape';

/**
 * Where rendered text goes, told by names and file names around the render call. Escaping is for HTML: text
 * rendered as Markdown, plain text, a chat message or a mail subject must not be HTML-escaped, and an identity
 * escape there is right. A name that says HTML (or a page or view) wins over one that says text.
 */
const TEXT_WORDS = ['markdown', 'md', 'text', 'txt', 'plain', 'slack', 'discord', 'telegram', 'chat', 'sms', 'subject', 'commit'];
/** One of {@link TEXT_WORDS} as a word of a camelCase, snake_case or kebab-case name (`renderMarkdown`, `md_body`, not `context`). */
export const TEXT_OUTPUT_NAME = new RegExp(
  TEXT_WORDS.map((w) => `(?:^|[^A-Za-z])${w}(?![a-z])|${w[0]!.toUpperCase()}${w.slice(1)}(?![a-z])|${w.toUpperCase()}`).join('|'),
  'u',
);
export const HTML_OUTPUT_NAME = /html|page|view/iu;
/** Template files whose output is text, not HTML. */
export const TEXT_TEMPLATE_FILE = /\.(?:md|markdown|txt|text)(?:\.\w+)?$/iu;
