import { Linter } from 'eslint';

import { readSettings, settingsProblems } from '../../src/express/settings';
import csrf from '../../src/rules/require-csrf-protection';
import validation from '../../src/rules/require-input-validation';
import rateLimit from '../../src/rules/require-rate-limit';

describe('readSettings', () => {
  it('reads middleware name lists and upstream protections, ignoring what is malformed', () => {
    expect(
      readSettings({
        'secure-express': {
          middleware: { rateLimit: ['authLimiter', 3], csrf: 'nope', validation: ['./validate'] },
          upstream: ['csrf', 'cors', 'validation'],
        },
      }),
    ).toEqual({
      middleware: { rateLimit: ['authLimiter'], csrf: [], validation: ['./validate'] },
      upstream: ['csrf', 'validation'],
      handlerShapes: true,
      crossFile: true,
      shareParses: true,
      entries: [],
      checks: { redirect: [], path: [], xss: [], nosql: [] },
    });
  });

  it('reads the checks the project trusts, per danger, ignoring what is malformed', () => {
    expect(readSettings({ 'secure-express': { checks: { redirect: ['is_relative_url', 1], path: 'isInside', sql: ['x'] } } }).checks).toEqual({
      redirect: ['is_relative_url'],
      path: [],
      xss: [],
      nosql: [],
    });
    expect(readSettings({ 'secure-express': { checks: ['is_relative_url'] } }).checks).toEqual({ redirect: [], path: [], xss: [], nosql: [] });
  });

  it('reads crossFile (on unless false) and extra entry files', () => {
    expect(readSettings({ 'secure-express': { crossFile: false, entries: ['src/main.ts', 7] } })).toMatchObject({
      crossFile: false,
      entries: ['src/main.ts'],
    });
    expect(readSettings({ 'secure-express': { crossFile: 'no' } }).crossFile).toBe(true);
  });

  it('reads shareParses (on unless false), and reports a value that is no boolean', () => {
    expect(readSettings({ 'secure-express': { shareParses: false } }).shareParses).toBe(false);
    expect(readSettings({ 'secure-express': { shareParses: 'no' } }).shareParses).toBe(true);
    expect(settingsProblems({ 'secure-express': { shareParses: 'no' } }).map((p) => p.where)).toEqual(["settings['secure-express'].shareParses"]);
    expect(settingsProblems({ 'secure-express': { shareParses: false } })).toEqual([]);
  });

  it('gives empty lists without settings or with only one part', () => {
    const empty = {
      middleware: { rateLimit: [], csrf: [], validation: [] },
      upstream: [],
      handlerShapes: true,
      crossFile: true,
      shareParses: true,
      entries: [],
      checks: { redirect: [], path: [], xss: [], nosql: [] },
    };
    expect(readSettings(undefined)).toEqual(empty);
    expect(readSettings({ 'secure-express': 'x' })).toEqual(empty);
    expect(readSettings({ 'secure-express': { upstream: ['rateLimit'] } })).toEqual({ ...empty, upstream: ['rateLimit'] });
  });

  it('turns the shape-based handler recognition off only with handlerShapes: false', () => {
    expect(readSettings({ 'secure-express': { handlerShapes: false } }).handlerShapes).toBe(false);
    expect(readSettings({ 'secure-express': { handlerShapes: 'no' } }).handlerShapes).toBe(true);
  });
});

describe('settingsProblems', () => {
  const where = "settings['secure-express']";

  it('says nothing about well-formed settings, including the keys other parts of the plugin read', () => {
    expect(settingsProblems(undefined)).toEqual([]);
    expect(settingsProblems({})).toEqual([]);
    expect(
      settingsProblems({
        'secure-express': {
          middleware: { rateLimit: ['authLimiter'], csrf: [], validation: ['./validate'] },
          upstream: ['csrf', 'validation', 'rateLimit'],
          crossFile: false,
          entries: ['src/server.ts'],
          handlerShapes: true,
          checks: { redirect: ['is_relative_url'], path: [], xss: ['sanitizeHtml'], nosql: [] },
        },
      }),
    ).toEqual([]);
  });

  it('names a misspelt or malformed trusted check', () => {
    expect(settingsProblems({ 'secure-express': { checks: { redirct: ['isLocal'], path: 'isInside', xss: [1] } } })).toEqual([
      { where: `${where}.checks.redirct`, what: "is not one of 'redirect', 'path', 'xss', 'nosql' and is ignored (did you mean 'redirect'?)" },
      { where: `${where}.checks.path`, what: 'should be an array of function names (strings); what is not a string is ignored' },
      { where: `${where}.checks.xss`, what: 'should be an array of function names (strings); what is not a string is ignored' },
    ]);
    expect(settingsProblems({ 'secure-express': { check: {} } })).toEqual([
      { where: `${where}.check`, what: "is not a setting of the plugin and is ignored (did you mean 'checks'?)" },
    ]);
    expect(settingsProblems({ 'secure-express': { checks: ['isLocal'] } })).toEqual([
      { where: `${where}.checks`, what: "should be an object with 'redirect', 'path', 'xss', 'nosql', and is ignored" },
    ]);
  });

  it('names a misspelt key with the key it probably means (top level, middleware, upstream values)', () => {
    expect(
      settingsProblems({
        'secure-express': {
          middlewares: { rateLimit: ['x'] },
          upstream: ['ratelimit', 'cors', 'csfr'],
          middleware: { rateLimits: ['authLimiter'], CSRF: ['guard'], helmet: ['h'] },
        },
      }),
    ).toEqual([
      { where: `${where}.middlewares`, what: "is not a setting of the plugin and is ignored (did you mean 'middleware'?)" },
      {
        where: `${where}.upstream`,
        what: "lists 'ratelimit', which is not one of 'rateLimit', 'csrf', 'validation' and is ignored (did you mean 'rateLimit'?)",
      },
      { where: `${where}.upstream`, what: "lists 'cors', which is not one of 'rateLimit', 'csrf', 'validation' and is ignored" },
      {
        where: `${where}.upstream`,
        what: "lists 'csfr', which is not one of 'rateLimit', 'csrf', 'validation' and is ignored (did you mean 'csrf'?)",
      },
      {
        where: `${where}.middleware.rateLimits`,
        what: "is not one of 'rateLimit', 'csrf', 'validation' and is ignored (did you mean 'rateLimit'?)",
      },
      { where: `${where}.middleware.CSRF`, what: "is not one of 'rateLimit', 'csrf', 'validation' and is ignored (did you mean 'csrf'?)" },
      { where: `${where}.middleware.helmet`, what: "is not one of 'rateLimit', 'csrf', 'validation' and is ignored" },
    ]);
  });

  it('names crossFile, handlerShapes and entries of the wrong type (trial 15: they were read silently)', () => {
    expect(settingsProblems({ 'secure-express': { crossFile: 'no', handlerShapes: 0, entries: [null, 42] } })).toEqual([
      { where: `${where}.crossFile`, what: "should be true or false, and 'no' is read as true (the default)" },
      { where: `${where}.handlerShapes`, what: 'should be true or false, and 0 is read as true (the default)' },
      { where: `${where}.entries`, what: 'should be an array of file paths (strings); what is not a string is ignored' },
    ]);
    expect(settingsProblems({ 'secure-express': { entries: 'src/server.ts', crossFile: true } })).toEqual([
      { where: `${where}.entries`, what: 'should be an array of file paths (strings); what is not a string is ignored' },
    ]);
  });

  it('names values of the wrong type, and never throws on odd input', () => {
    expect(settingsProblems({ 'secure-express': 'x' })).toEqual([
      { where, what: 'is not an object, so the whole setting is ignored' },
    ]);
    expect(settingsProblems({ 'secure-express': null })).toHaveLength(1);
    expect(settingsProblems({ 'secure-express': { middleware: ['a'], upstream: 'csrf' } })).toEqual([
      { where: `${where}.middleware`, what: "should be an object with 'rateLimit', 'csrf', 'validation', and is ignored" },
      { where: `${where}.upstream`, what: "should be an array of 'rateLimit', 'csrf', 'validation', and is ignored" },
    ]);
    expect(settingsProblems({ 'secure-express': { middleware: { csrf: 'guard' }, upstream: [1, null] } })).toEqual([
      { where: `${where}.middleware.csrf`, what: 'should be an array of middleware names (strings); what is not a string is ignored' },
      { where: `${where}.upstream`, what: "lists 1, which is not one of 'rateLimit', 'csrf', 'validation' and is ignored" },
      { where: `${where}.upstream`, what: "lists null, which is not one of 'rateLimit', 'csrf', 'validation' and is ignored" },
    ]);
    expect(() => settingsProblems({ 'secure-express': Object.create(null) as object })).not.toThrow();
  });
});

describe('settings problems in a lint run', () => {
  const source = [
    "import express from 'express';",
    "import session from 'express-session';",
    'const app = express();',
    'app.use(session({ secret: process.env.S }));',
    "app.post('/login', (req, res) => res.send(req.body.name));",
  ].join('\n');
  const lint = (settings: Record<string, unknown>): Linter.LintMessage[] =>
    new Linter({ configType: 'flat' }).verify(source, [
      {
        files: ['**/*.js'],
        plugins: { s: { rules: { 'require-csrf-protection': csrf, 'require-input-validation': validation, 'require-rate-limit': rateLimit } } as never },
        rules: { 's/require-csrf-protection': 'error', 's/require-input-validation': 'error', 's/require-rate-limit': 'error' },
        settings,
      },
    ], 'app.js');

  it('reports each ignored setting once per file, whichever of the rules that read settings runs first', () => {
    const messages = lint({ 'secure-express': { middlewares: {}, upstream: ['cors'] } }).filter((m) => m.line === 1);
    expect(messages.map((m) => m.message)).toEqual([
      "settings['secure-express'].middlewares is not a setting of the plugin and is ignored (did you mean 'middleware'?).",
      "settings['secure-express'].upstream lists 'cors', which is not one of 'rateLimit', 'csrf', 'validation' and is ignored.",
    ]);
  });

  it('reports nothing at line 1 for well-formed settings', () => {
    expect(lint({ 'secure-express': { upstream: ['csrf'] } }).filter((m) => m.line === 1)).toEqual([]);
  });
});
