import path from 'node:path';

import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';

import plugin from '../../src/index';
import { lintFixture, lintTemplate, RULE_ID, type Finding } from '../helpers/template-linter';

const message = (engine: string, code: string, marker: string): string =>
  `${engine} writes '${code}' without HTML escaping ('${marker}'): any request data in it becomes cross-site scripting. Use the escaped form.`;

/** The rule's findings only (a parse error has no rule id). */
const own = (list: Finding[]): Finding[] => list.filter((f) => f.ruleId === RULE_ID);

describe('no-unescaped-template-output on real template files, with the shipped recommended config', () => {
  it('EJS: reports <%- of data at the tag and body outside a layout, not include(), comments or literal <%%', async () => {
    const results = await lintFixture('profile.ejs');
    expect(results.slice(1).map(({ line, column, endColumn, message: text }) => ({ line, column, endColumn, text }))).toEqual([
      { line: 6, column: 1, endColumn: 13, text: message('EJS', 'body', '<%-') },
    ]);
    expect(results.slice(0, 1)).toEqual([
      {
        line: 3,
        column: 22,
        endLine: 3,
        endColumn: 37,
        ruleId: RULE_ID,
        message: message('EJS', 'user.bio', '<%-'),
        suggestions: [
          [
            "<%- include('partials/header', { title: title }) %>",
            '<h1>Welcome <%= user.name %></h1>',
            '<section class="bio"><%= user.bio %></section>',
            '<%# a comment: <%- not output %>',
            '<p>100<%% literal %%></p>',
            '<%- body -%>',
            '',
          ].join('\n'),
        ],
      },
    ]);
  });

  it('Pug: reports !=, !{}, attr!= and &attributes of an unknown object, not #{}, = or an object literal', async () => {
    const results = await lintFixture('profile.pug');
    expect(results.map(({ line, column, endLine, endColumn, message: text }) => ({ line, column, endLine, endColumn, text }))).toEqual([
      { line: 5, column: 8, endLine: 5, endColumn: 19, text: message('Pug', 'user.bio', '!=') },
      { line: 6, column: 13, endLine: 6, endColumn: 30, text: message('Pug', 'user.signature', '!{') },
      { line: 7, column: 5, endLine: 7, endColumn: 20, text: message('Pug', 'user.site', '!=') },
      {
        line: 8,
        column: 6,
        endLine: 8,
        endColumn: 29,
        text: "Pug '&attributes(user.attrs)' writes every key and value of an object that is not written here without escaping: attributes from request data become cross-site scripting.",
      },
      { line: 11, column: 18, endLine: 11, endColumn: 25, text: message('Pug', 'json', '!{') },
    ]);
    const lines = (finding: Finding): string[] => finding.suggestions.map((s) => s.split('\n')[finding.line - 1]!);
    expect(results.map(lines)).toEqual([
      ['  p.bio= user.bio'],
      ['  p Signed: #{user.signature}'],
      ['  a(href=user.site title=user.name) Site'],
      [],
      ['    const data = #{json};'],
    ]);
  });

  it('Handlebars: reports {{{…}}}, {{&…}}, whitespace-control forms and {{{body}}} outside a layout, not {{…}}', async () => {
    const results = await lintFixture('profile.hbs');
    expect(results.map(({ line, column, endLine, endColumn, message: text }) => ({ line, column, endLine, endColumn, text }))).toEqual([
      { line: 2, column: 22, endLine: 2, endColumn: 36, text: message('Handlebars', 'user.bio', '{{{') },
      { line: 3, column: 4, endLine: 3, endColumn: 24, text: message('Handlebars', 'user.signature', '{{&') },
      { line: 5, column: 10, endLine: 5, endColumn: 29, text: message('Handlebars', 'user.note', '{{{') },
      { line: 7, column: 1, endLine: 7, endColumn: 11, text: message('Handlebars', 'body', '{{{') },
    ]);
    expect(results.map((f) => f.suggestions.map((s) => s.split('\n')[f.line - 1]))).toEqual([
      ['<section class="bio">{{user.bio}}</section>'],
      ['<p>{{ user.signature}}</p>'],
      ['  <aside>{{~ user.note ~}}</aside>'],
      ['{{body}}'],
    ]);
  });

  it('layout files: the rendered view (body) and layout helpers are not reported, data still is', async () => {
    const ejs = await lintFixture('layout.ejs');
    expect(ejs.map(({ line, column, message: text }) => ({ line, column, text }))).toEqual([
      { line: 8, column: 1, text: message('EJS', 'user.bio', '<%-') },
    ]);
    const hbs = await lintFixture('layouts/main.hbs');
    expect(hbs.map(({ line, column, message: text }) => ({ line, column, text }))).toEqual([
      { line: 5, column: 1, text: message('Handlebars', 'user.bio', '{{{') },
    ]);
  });

  it.each([
    ['broken.ejs', 2, 4, 'EJS template does not tokenize: Could not find matching close tag for "<%-".'],
    ['broken.pug', 3, 1, 'Pug template does not tokenize: The end of the string reached with no closing bracket ) found.'],
    ['broken.hbs', 2, 4, "Handlebars template does not tokenize: each doesn't match if"],
  ])('%s that does not tokenize gives one parsing error at its position', async (file, line, column, text) => {
    expect(await lintFixture(file)).toEqual([
      { line, column, endLine: undefined, endColumn: undefined, ruleId: null, message: `Parsing error: ${text}`, suggestions: [] },
    ]);
  });

  it('leaves the syntax of a Pug or Handlebars template with no raw-output marker to its engine (not tokenized)', async () => {
    expect(await lintTemplate('div\n  p(class="a"\n', 'a.pug')).toEqual([]);
    expect(await lintTemplate('{{#each items}}{{/if}}', 'a.hbs')).toEqual([]);
    expect((await lintTemplate('{{#each items}}{{/if}}{{{x}}}', 'a.hbs')).map((f) => f.message)).toEqual([
      "Parsing error: Handlebars template does not tokenize: each doesn't match if",
    ]);
    expect((await lintTemplate('<p>\n<%= a', 'a.ejs')).map((f) => [f.line, f.column])).toEqual([[2, 1]]);
  });

  it('runs the same on ESLint 9', async () => {
    const results = await lintFixture('profile.ejs', { ESLintClass: ESLint9 as never });
    expect(results.map((f) => [f.line, f.column, f.ruleId])).toEqual([[3, 22, RULE_ID], [6, 1, RULE_ID]]);
    const broken = await lintFixture('broken.hbs', { ESLintClass: ESLint9 as never });
    expect(broken.map((f) => [f.line, f.column, f.ruleId])).toEqual([[2, 4, null]]);
  });
});

describe('odd templates never crash the run', () => {
  it.each([
    ['a.ejs', '<%'],
    ['a.ejs', '%> <%- %> <%= %>'],
    ['a.ejs', '<%- -%><%-_%><%%%>'],
    ['a.ejs', '\u0000\uFFFD<%- a\u2028b %>'],
    ['a.pug', '!{'],
    ['a.pug', 'div\n\t  p!= x\n  \tp'],
    ['a.pug', 'p!='],
    ['a.pug', 'div&attributes('],
    ['a.pug', 'a(href!=)'],
    ['a.hbs', '{{{'],
    ['a.hbs', '{{{x}}'],
    ['a.hbs', '{{&}}'],
    ['a.hbs', '}}} {{{a}}} {{/x}}'],
    ['a.handlebars', '{{{{raw}}}} {{{x}}}'],
  ])('%s: %j gives findings or one parsing error', async (file, text) => {
    const results = await lintTemplate(text, file);
    const fatal = results.filter((f) => f.ruleId === null);
    expect(fatal.length).toBeLessThanOrEqual(1);
    if (fatal.length === 1) {
      expect(results).toHaveLength(1);
      expect(fatal[0]!.message).toMatch(/^Parsing error: (EJS|Pug|Handlebars) template does not tokenize: ./u);
    }
  });
});

describe('the demo apps', () => {
  it('finds the one unescaped tag of examples/insecure and nothing in examples/hardened', async () => {
    const eslint = new ESLint({ cwd: path.resolve('examples'), overrideConfigFile: true, overrideConfig: plugin.configs.templates });
    const results = await eslint.lintFiles(['insecure/views/profile.ejs', 'hardened/views/profile.ejs']);
    expect(results.map((r) => [path.relative(path.resolve('examples'), r.filePath), r.messages.map((m) => [m.line, m.column, m.ruleId])])).toEqual([
      [path.join('insecure', 'views', 'profile.ejs'), [[6, 26, RULE_ID]]],
      [path.join('hardened', 'views', 'profile.ejs'), []],
    ]);
  });
});

/** [file name, template, expected suggestion output or null when the form has none]. */
const invalid: [string, string, string | null][] = [
  ['a.ejs', '<p><%- name %></p>', '<p><%= name %></p>'],
  ['a.ejs', '<p><%-name-%></p>', '<p><%=name-%></p>'],
  ['a.ejs', '<p><%- name _%></p>', '<p><%= name _%></p>'],
  ['a.ejs', '<p><%- JSON.stringify(user) %></p>', '<p><%= JSON.stringify(user) %></p>'],
  ['a.ejs', "<p><%- include('a') + extra() %></p>", "<p><%= include('a') + extra() %></p>"],
  ['a.ejs', '<p><%- locals.body %></p>', '<p><%= locals.body %></p>'],
  ['a.ejs', '<p><%- markdown(post) %></p>', '<p><%= markdown(post) %></p>'],
  // a comment's or a post's body is data outside a layout (views/, partials/, a file merely mentioning layouts)
  ['a.ejs', '<p><%- body %></p>', '<p><%= body %></p>'],
  ['views/comments/show.ejs', '<%- script %>', '<%= script %>'],
  ['views/partials/post.ejs', "<%- block('x') %>", "<%= block('x') %>"],
  ['views/layouts-guide.ejs', '<%- body %>', '<%= body %>'],
  ['views/layout.old/post.ejs', '<%- style %>', '<%= style %>'],
  ['views/post.hbs', '<article>{{{body}}}</article>', '<article>{{body}}</article>'],
  ['views/post.pug', 'article!= body', 'article= body'],
  ['a.pug', 'p!= name', 'p= name'],
  ['a.pug', 'p\n  | hi !{name}', 'p\n  | hi #{name}'],
  ['a.pug', 'a(href!=url)', 'a(href=url)'],
  ['a.pug', 'p #[strong!= name]', 'p #[strong= name]'],
  ['a.pug', 'div&attributes(attrs)', null],
  ['a.jade', 'p!= name', 'p= name'],
  ['a.hbs', '{{{name}}}', '{{name}}'],
  ['a.hbs', '{{{helper a b=c}}}', '{{helper a b=c}}'],
  ['a.hbs', '{{&name}}', '{{name}}'],
  ['a.hbs', '{{~{name}~}}', '{{~name~}}'],
  ['a.handlebars', '{{#each items}}{{{this}}}{{/each}}', '{{#each items}}{{this}}{{/each}}'],
  ['a.hbs', '{{#if x}}a{{else}}{{{y}}}{{/if}}', '{{#if x}}a{{else}}{{y}}{{/if}}'],
  // an inner extension that may be markup or is not known; a script's lines beside an HTML tag, or in Handlebars
  // or Pug (only EJS is read for them); no script line at all (a partial) (trial 14)
  ['templates/page.html.ejs', '<p><%- name %></p>', '<p><%= name %></p>'],
  ['README.md.ejs', '# <%- name %>', '# <%= name %>'],
  ['views/user.profile.ejs', '<%- bio %>', '<%= bio %>'],
  ['views/page.ejs', "<script>\nvar x = require('<%- mod %>');\n</script>", "<script>\nvar x = require('<%= mod %>');\n</script>"],
  ['views/page.ejs', "#!\n<p><%- bio %></p>", "#!\n<p><%= bio %></p>"],
  ['views/bio.ejs', 'var bio = <%- bio %>;', 'var bio = <%= bio %>;'],
  ['views/page.hbs', "'use strict';\n{{{bio}}}", "'use strict';\n{{bio}}"],
  ['views/page.js.pug', 'p!= name', 'p= name'],
];

const valid: [string, string][] = [
  ['a.ejs', '<p><%= name %></p>'],
  ['a.ejs', "<%- include('header') %>"],
  ['a.ejs', "<%- include ('header', { user }); %>"],
  // layouts: express-ejs-layouts' layout.ejs, views/layouts/, a …layout file, ejs-mate's block()
  ['layout.ejs', '<%- body %>'],
  ['views/layouts/main.ejs', "<%- defineContent('scripts') %><%- script %><%- style %><%- body %>"],
  ['views/admin-layout.ejs', "<%- block('head') %><%- body %>"],
  ['views\\layouts\\main.ejs', '<%- body %>'],
  ['views/layout/base.pug', 'body!= body'],
  ['views/layouts/main.handlebars', '{{{body}}}'],
  ['views/layout.hbs', '{{{body}}}'],
  // view helpers anywhere
  ['a.ejs', "<%- contentFor('x') %><%- partial('nav') %>"],
  ['a.ejs', '<% if (a) { %><p><%= a %></p><% } %>'],
  ['a.ejs', '<%# <%- commented out %>'],
  ['a.ejs', '<p><%%- not a tag %></p>'],
  ['a.ejs', '<%- %><%--%>'],
  ['a.ejs', ''],
  ['a.pug', 'p Hello #{name}\np= name\na(href=url class="x")\ninput(checked)'],
  ['a.pug', "div&attributes({'data-x': 'y'})"],
  ['a.pug', 'mixin link(href)\n  a(href=href)&attributes(attributes)'],
  ['a.pug', '- var raw = "<b>"\n//- p!= not code in a comment'],
  ['a.hbs', '{{name}} {{> partial}} {{! {{{not output}}} }}'],
  ['a.hbs', '{{{{raw}}}} {{{literal}}} {{{{/raw}}}}'],
  // templates that render source code or data, not a page (express-generator's templates/js/, trial 14): a
  // non-HTML inner extension, or an EJS template whose own text has no HTML tag and reads as a script
  ['templates/www.js.ejs', "#!/usr/bin/env node\nvar debug = require('debug')('<%- name %>:server');\n"],
  ['templates/js/app.js.ejs', "<% Object.keys(modules).forEach(function (variable) { -%>\nvar <%- variable %> = require('<%- modules[variable] %>');\n<% }) -%>\n"],
  ['config.JSON.ejs', '{ "name": <%- JSON.stringify(name) %> }'],
  ['db/schema.sql.ejs', 'CREATE TABLE <%- table %> (id int);'],
  ['plop/component.tsx.hbs', 'export const {{{name}}} = () => <div>{{{name}}}</div>;'],
  ['templates/js/www.ejs', "#!/usr/bin/env node\n\nvar app = require('../app');\nvar debug = require('debug')('<%- name %>:server');\nvar port = normalizePort(process.env.PORT || '3000');\nif (port < 1) process.exit(1);\n"],
  ['templates/mjs/routes.ejs', "import express from 'express';\nconst router = express.Router();\nrouter.get('/', (req, res) => res.json({ title: '<%- title %>' }));\nexport default router;\n"],
  ['templates/js/index.ejs', "'use strict';\nmodule.exports = { name: '<%- name %>' };\n"],
];

describe('no-unescaped-template-output forms', () => {
  it.each(invalid)('%s: %j is reported, with its escaped twin as the suggestion when it has one', async (file, text, suggestion) => {
    const results = await lintTemplate(text, file);
    expect(results).toHaveLength(1);
    expect(results[0]!.ruleId).toBe(RULE_ID);
    expect(results[0]!.suggestions).toEqual(suggestion === null ? [] : [suggestion]);
    if (suggestion !== null) expect(own(await lintTemplate(suggestion, file))).toEqual([]);
  });

  it.each(valid)('%s: %j is not reported', async (file, text) => {
    expect(await lintTemplate(text, file)).toEqual([]);
  });

  it('reports the exact tag span on a CRLF file', async () => {
    const results = await lintTemplate('<p>\r\n  <%= a %>\r\n  <%- b %>\r\n</p>\r\n', 'a.ejs');
    expect(results.map((f) => [f.line, f.column, f.endLine, f.endColumn])).toEqual([[3, 3, 3, 11]]);
    expect(results[0]!.suggestions).toEqual(['<p>\r\n  <%= a %>\r\n  <%= b %>\r\n</p>\r\n']);
  });

  it('reports every raw tag of a line, each at its own column', async () => {
    const results = await lintTemplate('<%- a %> <%= b %> <%- c %>', 'a.ejs');
    expect(results.map((f) => [f.column, f.endColumn])).toEqual([
      [1, 9],
      [19, 27],
    ]);
  });
});

describe('eslint-disable comments in templates', () => {
  const RULE = 'secure-express/no-unescaped-template-output';
  it.each([
    ['a.ejs', `<%# eslint-disable-next-line ${RULE} -- sanitized with DOMPurify %>\n<%- html %>`],
    ['a.ejs', `<%- html %><%# eslint-disable-line ${RULE} %>`],
    ['a.ejs', `<%# eslint-disable ${RULE} %>\n<%- a %>\n<%- b %>\n<%# eslint-enable ${RULE} %>`],
    ['a.pug', `//- eslint-disable-next-line ${RULE}\np!= html`],
    ['a.pug', `// eslint-disable-next-line\np!= html`],
    ['a.hbs', `{{!-- eslint-disable-next-line ${RULE} --}}\n{{{html}}}`],
    ['a.hbs', `{{{html}}} {{! eslint-disable-line ${RULE} }}`],
  ])('%s: %j silences the finding', async (file, text) => {
    expect(await lintTemplate(text, file)).toEqual([]);
  });

  it('reports again after eslint-enable, and reports an unused directive', async () => {
    const text = `<%# eslint-disable ${RULE} %><%- a %><%# eslint-enable ${RULE} %>\n<%- b %>`;
    expect((await lintTemplate(text, 'a.ejs')).map((f) => [f.line, f.column, f.ruleId])).toEqual([[2, 1, RULE]]);
    const unused = await lintTemplate(`<%# eslint-disable-next-line ${RULE} %>\n<%= a %>`, 'a.ejs');
    expect(unused.map((f) => [f.line, f.column, f.ruleId, f.message])).toEqual([
      [1, 1, null, `Unused eslint-disable directive (no problems were reported from '${RULE}').`],
    ]);
  });

  it('ignores a directive that does not start the comment, and a -line directive over several lines', async () => {
    const text = `<%# see eslint-disable-next-line ${RULE} %>\n<%- a %>\n<%# eslint-disable-line\n${RULE} %><%- b %>`;
    expect((await lintTemplate(text, 'a.ejs')).map((f) => [f.line, f.ruleId])).toEqual([
      [2, RULE],
      [4, RULE],
    ]);
  });
});

describe('no-unescaped-template-output options', () => {
  const withOptions = (options: unknown, languageOptions?: Record<string, unknown>) => ({
    extra: [
      {
        files: ['**/*.ejs', '**/*.hbs', '**/*.html'],
        plugins: { 'secure-express': plugin },
        rules: { [RULE_ID]: ['error', options] },
        ...(languageOptions ? { language: 'secure-express/templates', languageOptions } : {}),
      },
    ] as never,
  });

  it('`allow` lists helpers that return app-built markup and replaces the default list', async () => {
    expect(await lintTemplate('<%- markdown(post.body) %>', 'a.ejs', withOptions({ allow: ['markdown'] }))).toEqual([]);
    const defaultsGone = await lintTemplate("<%- partial('x') %><%- include('x') %>", 'a.ejs', withOptions({ allow: [] }));
    expect(defaultsGone.map((f) => f.column)).toEqual([1]);
    expect(await lintTemplate('{{{body}}}', 'a.hbs', withOptions({ allow: ['body'] }))).toEqual([]);
  });

  it('`layoutAllow` lists what layout files write unescaped and replaces the default list', async () => {
    const layout = await lintTemplate('<%- body %><%- page %>', 'layouts/main.ejs', withOptions({ layoutAllow: ['page'] }));
    expect(layout.map((f) => f.column)).toEqual([1]);
    expect(await lintTemplate('<%- page %>', 'views/page.ejs', withOptions({ layoutAllow: ['page'] }))).toHaveLength(1);
    const hbs = await lintTemplate('{{{body}}}', 'layouts/main.hbs', withOptions({ layoutAllow: [] }));
    expect(hbs.map((f) => f.suggestions)).toEqual([['{{body}}']]);
  });

  it('reads EJS custom delimiters and a chosen engine from languageOptions', async () => {
    const options = withOptions({}, { engine: 'ejs', ejs: { openDelimiter: '[', closeDelimiter: ']', delimiter: '?' } });
    const results = await lintTemplate('<p>[?= a ?]</p><p>[?- b ?]</p><%- not a tag %>', 'page.html', options);
    expect(results.map((f) => [f.column, f.endColumn, f.suggestions])).toEqual([
      [19, 27, ['<p>[?= a ?]</p><p>[?= b ?]</p><%- not a tag %>']],
    ]);
  });

  it('rejects invalid languageOptions with a clear error', async () => {
    await expect(lintTemplate('x', 'a.ejs', withOptions({}, { engine: 'jsx' }))).rejects.toThrow(/Key "engine": Expected one of ejs, pug, handlebars/u);
    await expect(lintTemplate('x', 'a.ejs', withOptions({}, { ejs: { delimiter: '' } }))).rejects.toThrow(/Key "delimiter"/u);
  });
});
