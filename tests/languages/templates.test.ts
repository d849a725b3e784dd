import path from 'node:path';

import { ESLint } from 'eslint';

import plugin from '../../src/index';
import { LineIndex, calledName, TemplateSyntaxError } from '../../src/languages/templates/ast';
import { tokenizeEjs } from '../../src/languages/templates/ejs';
import { engineOf, TEMPLATE_FILES, templateLanguage } from '../../src/languages/templates';
import { TEMPLATE_FIXTURES } from '../helpers/template-linter';

describe('templates language', () => {
  it('picks the engine from the extension or the engine option', () => {
    expect(engineOf('views/a.EJS', {})).toBe('ejs');
    expect(engineOf('a.jade', {})).toBe('pug');
    expect(engineOf('a.handlebars', {})).toBe('handlebars');
    expect(engineOf('a.html', {})).toBeNull();
    expect(engineOf('a.html', { engine: 'pug' })).toBe('pug');
  });

  it('gives one parse error for a file whose engine is unknown', () => {
    expect(templateLanguage.parse({ path: 'a.txt', body: 'x' }, {})).toEqual({
      ok: false,
      errors: [{ message: 'Unknown template engine for "a.txt": set languageOptions.engine.', line: 1, column: 1 }],
    });
  });

  it('maps offsets to 1-based lines and columns across LF, CRLF and CR', () => {
    const index = new LineIndex('a\nbc\r\nd\re');
    expect([0, 2, 3, 6, 8].map((o) => index.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 2, column: 2 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
    expect(index.offset(3, 1)).toBe(6);
    expect(index.lines()).toEqual(['a', 'bc', 'd', 'e']);
  });

  it('names the called helper or the bare variable of an expression', () => {
    expect(calledName(" include('a', { b: ')' }); ")).toBe('include');
    expect(calledName('body')).toBe('body');
    expect(calledName("include('a') + other()")).toBeNull();
    expect(calledName('a.b')).toBeNull();
    expect(calledName('')).toBeNull();
  });

  it('tokenizes EJS like ejs: first %> closes, %%> and <%% are literal, trim markers are not code', () => {
    const text = '<%- a %%> b -%><%= c _%><%% d %>';
    const { outputs, comments } = tokenizeEjs(text, new LineIndex(text));
    expect(comments).toEqual([]);
    expect(outputs.map((o) => [o.escaped, o.code, o.range])).toEqual([
      [false, ' a %%> b ', [0, 15]],
      [true, ' c ', [15, 24]],
    ]);
    expect(() => tokenizeEjs('<p>\n  <%= a', new LineIndex('<p>\n  <%= a'))).toThrow(TemplateSyntaxError);
    const withComment = '<p>\n<%# note %></p>';
    expect(tokenizeEjs(withComment, new LineIndex(withComment)).comments).toEqual([
      { type: 'TemplateComment', value: ' note ', range: [4, 15], loc: { start: { line: 2, column: 1 }, end: { line: 2, column: 12 } } },
    ]);
  });
});

describe('templates in the shipped configs', () => {
  const RULE = 'secure-express/no-unescaped-template-output';
  const eslint = new ESLint({
    cwd: TEMPLATE_FIXTURES,
    overrideConfigFile: true,
    overrideConfig: plugin.configs['recommended-all-files'],
  });

  it('has a templates block in the *-all-files configs, and configs.templates is that block alone', () => {
    for (const [name, level] of [
      ['recommended-all-files', 'recommended'],
      ['strict-all-files', 'strict'],
    ] as const) {
      const block = plugin.configs[name].find((c) => c.name === `secure-express/${level}/templates`);
      expect(block).toMatchObject({ files: TEMPLATE_FILES, language: 'secure-express/templates', rules: { [RULE]: 'error' } });
      expect(Object.keys(block!.rules!)).toEqual([RULE]);
    }
    const recommendedBlock = plugin.configs['recommended-all-files'].filter(
      (c) => c.name === 'secure-express/recommended/templates',
    );
    expect(recommendedBlock).toHaveLength(1);
    expect(plugin.configs.templates).toEqual(recommendedBlock);
  });

  it('keeps templates out of recommended and strict (they only touch scripts)', () => {
    for (const name of ['recommended', 'strict'] as const) {
      expect(plugin.configs[name].some((c) => c.language !== undefined)).toBe(false);
      expect(plugin.configs[name].flatMap((c) => Object.keys(c.rules ?? {}))).not.toContain(RULE);
    }
  });

  it('runs only the template rule on templates, and never runs it on scripts', async () => {
    const template = await eslint.calculateConfigForFile(path.join(TEMPLATE_FIXTURES, 'profile.ejs'));
    expect(Object.keys(template.rules)).toEqual([RULE]);
    const script = await eslint.calculateConfigForFile(path.join(TEMPLATE_FIXTURES, 'app.js'));
    expect(Object.keys(script.rules)).toContain('secure-express/require-helmet');
    expect(Object.keys(script.rules)).not.toContain(RULE);
  });

  it('refuses the template rule on JavaScript files (meta.languages), on ESLint 10', async () => {
    const wrong = new ESLint({
      cwd: TEMPLATE_FIXTURES,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.js'], plugins: { 'secure-express': plugin as unknown as ESLint.Plugin }, rules: { [RULE]: 'error' } }],
    });
    await expect(wrong.lintText('x', { filePath: path.join(TEMPLATE_FIXTURES, 'a.js') })).rejects.toThrow(
      /do not support the language "js\/js"/u,
    );
  });

  it('keeps JavaScript rules inert on templates when a user turns them on without `files`', async () => {
    // The rules without a language of their own (package.json and template rules declare theirs).
    const scriptRules = Object.entries(plugin.rules)
      .filter(([, rule]) => !(rule.meta as { languages?: readonly string[] }).languages)
      .map(([name]) => name);
    const overrides = new ESLint({
      cwd: TEMPLATE_FIXTURES,
      overrideConfigFile: true,
      overrideConfig: [
        ...plugin.configs['recommended-all-files'],
        { rules: Object.fromEntries(scriptRules.map((name) => [`secure-express/${name}`, 'warn'])) },
      ],
    });
    const results = await overrides.lintFiles(['profile.ejs', 'profile.pug', 'profile.hbs']);
    expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(Array(11).fill(RULE));
  });

  it('lints templates with configs.templates alone', async () => {
    const only = new ESLint({ cwd: TEMPLATE_FIXTURES, overrideConfigFile: true, overrideConfig: plugin.configs.templates });
    const [result] = await only.lintText('<%- x %>', { filePath: path.join(TEMPLATE_FIXTURES, 'a.ejs') });
    expect(result!.messages.map((m) => m.ruleId)).toEqual([RULE]);
  });
});
