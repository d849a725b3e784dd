import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';

import rule, { analyseRegex, mayBacktrack } from '../../src/rules/no-unsafe-regex';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { UNUSUAL_SOURCE } from '../helpers/unusual';

runRuleTests('no-unsafe-regex', rule, {
  valid: [
    // unusual syntax does not crash the rule
    { code: UNUSUAL_SOURCE, filename: 'page.tsx' },
    // linear regexes: the clean twins
    code`
      const email = /^[^@\\s]+@[^@\\s]+$/;
      const slug = new RegExp('^[a-z0-9-]+$', 'i');
      const words = /\\w+/g;
      const trailing = /\\s+$/;
    `,
    // an escaped request value; a constant pattern through a const
    { code: code`
        const express = require('express');
        const escapeStringRegexp = require('escape-string-regexp');
        const PATTERN = '^\\\\d{4}$';
        const app = express();
        app.get('/s', (req, res) => {
          const re = new RegExp(escapeStringRegexp(req.query.q), 'i');
          res.json({ ok: re.test('x') && new RegExp(PATTERN).test(req.query.y) });
        });
      `, languageOptions: commonjs },
    // route path regex that is linear
    code`
      import express from 'express';
      const app = express();
      app.get(/^\\/users\\/(\\d+)$/, (req, res) => res.end());
    `,
    // unknown patterns, a shadowed RegExp, invalid syntax, unusual input
    code`
      export const f = (p: string, RegExp2: any) => new RegExp(p);
      function g(RegExp: any) { return new RegExp('(a+)+$'); }
      new RegExp('(', 'u');
      RegExp();
      new RegExp(...args);
      new RegExp('(a|a)*$', flags);
    `,
    // repetitions that cannot be split two ways, or that nothing after them can make fail
    code`
      const pairs = /^(ab|a)+c$/;
      const disjoint = /^([a-z]|[0-9])+$/;
      const prefix = /(a|aa)+.*/;
      const slug = /^[a-z]+(-[a-z]+)*$/;
    `,
    // corpus: ghost core/server/services/content-import/import/media.js. With the s flag '(.*)$' matches any rest,
    // so once '\S+' has matched no input makes the match fail and nothing backtracks; '[\s\S]*' and '[^]*' alike.
    code`
      const match = candidate.match(/^(\\s*)(\\S+)(.*)$/s);
      const rest = /^(\\S+)([\\s\\S]*)$/.exec(text);
      const head = /^(\\w+)(?:[^]*)/.exec(text);
    `,
  ],
  invalid: [
    // `RegExp` spelled with a Unicode escape: the rule listens to calls in files that name RegExp or hold an escape
    {
      code: "const re = new \\u0052egExp('^(a+)+$');",
      errors: [{ messageId: 'superLinear', data: { degree: 'exponentially', where: "'a+' inside '(a+)+'", char: '"a"' }, line: 1, column: 12, suggestions: [] }],
      output: null,
    },
    // exponential: nested quantifiers
    {
      code: code`const re = /^(a+)+$/;`,
      errors: [{ messageId: 'superLinear', data: { degree: 'exponentially', where: "'a+' inside '(a+)+'", char: '"a"' }, line: 1, column: 12, suggestions: [] }],
      output: null,
    },
    // polynomial trade between two quantifiers: scslre's equivalent linear regex is offered
    {
      code: code`const version = /^\\d*\\w+x$/;`,
      errors: [
        {
          messageId: 'superLinear',
          data: { degree: 'polynomially', where: "'\\d*' and '\\w+'", char: '"0"' },
          suggestions: [{ messageId: 'useFixed', output: code`const version = /^\\w+x$/;` }],
        },
      ],
      output: null,
    },
    // without the s flag '.' stops at a line break: 'AAAA\n' makes '$' fail and '\S+' trades with '.*'; a group
    // after the any-character quantifier can fail too
    {
      code: code`
        const match = candidate.match(/^(\\s*)(\\S+)(.*)$/);
        const tail = /^(\\S+)([\\s\\S]*)x$/.exec(text);
      `,
      errors: [
        { messageId: 'superLinear', data: { degree: 'polynomially', where: "'\\S+' and '.*'", char: '"A"' }, line: 1, suggestions: [] },
        { messageId: 'superLinear', line: 2 },
      ],
      output: null,
    },
    // ambiguous alternation and a bounded quantifier repeated: scslre reports neither (issue 12 item 10); CJS, ESM, TS
    {
      code: code`
        const express = require('express');
        const app = express();
        const twice = /^(a|aa)+$/;
        app.post('/signup', (req, res) => {
          const email = /^([a-zA-Z0-9_\\.\\-])+\\@(([a-zA-Z0-9\\-])+\\.)+([a-zA-Z0-9]{2,4})+$/;
          res.json({ ok: email.test(req.body.email) });
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'superLinear', data: { degree: 'exponentially', where: "'(a|aa)+'", char: '"a"' }, line: 3, column: 15, suggestions: [] },
        { messageId: 'superLinear', data: { degree: 'exponentially', where: "'([a-zA-Z0-9]{2,4})+'", char: '"a"' }, line: 5, suggestions: [] },
      ],
      output: null,
    },
    {
      code: code`
        export const EMAIL = new RegExp('^([a-zA-Z0-9_\\\\.\\\\-])+\\\\@(([a-zA-Z0-9\\\\-])+\\\\.)+([a-zA-Z0-9]{2,4})+$');
        const overlap: RegExp = /(\\w|\\d)+$/u;
      `,
      filename: 'validate.ts',
      errors: [
        { messageId: 'superLinear', data: { degree: 'exponentially', where: "'([a-zA-Z0-9]{2,4})+'", char: '"a"' }, line: 1, suggestions: [] },
        { messageId: 'superLinear', data: { degree: 'exponentially', where: "'(\\w|\\d)+'", char: '"0"' }, line: 2, suggestions: [] },
      ],
      output: null,
    },
    // RegExp() with a constant pattern; route path regexes
    {
      code: code`
        import express from 'express';
        const app = express();
        const SOURCE = '(x+x+)+y';
        app.get(/^\\/files\\/(.*)*\\.txt$/, (req, res) => res.end());
        export const re = RegExp(SOURCE);
      `,
      errors: [
        { messageId: 'superLinear', line: 4, suggestions: [] },
        { messageId: 'superLinear', data: { degree: 'exponentially', where: "'x+' and 'x+'", char: '"x"' }, line: 5, suggestions: [] },
      ],
      output: null,
    },
    // request data as a pattern; TS
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/search', (req, res) => {
          const term = req.query.q as string;
          res.json(items.filter((i) => new RegExp('^' + term, 'i').test(i)));
        });
      `,
      filename: 'search.ts',
      errors: [{ messageId: 'requestPattern', data: { source: 'req.query.q' }, line: 5, column: 43 }],
      output: null,
    },
  ],
});

/**
 * Regexes with a published or textbook backtracking blow-up, and linear ones of the same shapes. Exponential: the
 * OWASP "Regular expression Denial of Service" page's examples and the forms it explains, the e-mail regex of
 * issue 12 (38 s on 60 characters), regular-expressions.info's `(x+x+)+y`. Polynomial: regexes of npm packages that
 * were fixed for ReDoS (ms, nth-check, ssri, glob-parent) and the common quadratic shapes they share. Measured on
 * Node 22 with an input of many of the reported character and a failing end: the exponential ones double every one
 * to four characters, the polynomial ones grow four-fold when the input doubles.
 */
const KNOWN_EXPONENTIAL: [string, RegExp][] = [
  ['OWASP: nested quantifier', /^(a+)+$/],
  ['OWASP: nested class quantifier', /^([a-zA-Z]+)*$/],
  ['OWASP: overlapping alternatives', /^(a|aa)+$/],
  ['OWASP: optional alternative', /^(a|a?)+$/],
  ['OWASP: Java class name', /^(([a-z])+.)+[A-Z]([a-z])+$/],
  [
    'OWASP: e-mail validation',
    /^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/,
  ],
  ['issue 12: e-mail with a repeated bounded quantifier', /^([a-zA-Z0-9_\.\-])+\@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$/],
  ['regular-expressions.info: (x+x+)+y', /^(x+x+)+y$/],
  ['words separated by optional spaces', /^(\w+\s?)*$/],
  ['repeated digit runs', /^(\d+)*$/],
  ['duplicate alternatives', /^(a|a)*$/],
  ['overlapping classes in an alternation', /(\w|\d)+$/],
  ['nested star', /^(a*)*$/],
  ['user name with optional separators', /^(([a-z0-9])+[\-_]?)+@/],
  ['trailing spaces or no-break spaces (\\s matches U+00A0)', /(\s|\u00A0)+$/],
];

const KNOWN_POLYNOMIAL: [string, RegExp][] = [
  ['ms (before 2.0): duration', /^((?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|years?|yrs?|y)?$/i],
  ['nth-check (before 2.0.1): an+b', /^([+-]?\d*n)?\s*(?:([+-]?)\s*(\d+))?$/],
  ['ssri (before 8.0.1): integrity string', /^([a-z0-9]+)-([^?]+)([?\S*]*)$/],
  ['glob-parent (before 5.1.2): enclosure', /[\{\[].*[\/]*[\}\]]$/],
  ['simple e-mail: dots in both parts', /^[^@\s]+@[^@\s]+\.[^@\s]+$/],
  ['decimal number', /^-?\d*\.?\d+$/],
  ['two adjacent digit runs', /^\d+\d+$/],
  ['run then overlapping run', /^\d*\w+x$/],
  ['OWASP: (.*a){x} for x > 10, degree x', /^(.*a){12}$/],
];

const KNOWN_LINEAR: [string, RegExp][] = [
  ['user name', /^[a-z0-9_-]{3,16}$/],
  ['hex colour', /^#?([a-f0-9]{6}|[a-f0-9]{3})$/],
  ['ISO date', /^\d{4}-\d{2}-\d{2}$/],
  ['IPv4', /^(\d{1,3}\.){3}\d{1,3}$/],
  ['slug', /^[a-z]+(-[a-z]+)*$/],
  ['domain labels', /^([a-z0-9]+\.)+[a-z]{2,}$/],
  ['route with an id', /^\/api\/v\d+\/users\/(\d+)$/],
  ['capitalised words', /^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/],
  ['hex number', /^0x[0-9a-f]+$/i],
  ['US phone number', /^(?:\+?1[-. ]?)?\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}$/],
  ['e-mail with dot-free labels', /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/],
  ['disjoint alternatives', /^(a|b)+$/],
  ['two-character alternatives', /^(ab|cd)*$/],
  ['disjoint classes', /^([a-z]|[0-9])+$/],
  ['words between boundaries', /^(\b[a-z]{2,4}\b\s?)+$/],
  ['escaped string body', /^"(?:[^"\\]|\\.)*"$/],
];

describe('no-unsafe-regex on known regexes', () => {
  it.each(KNOWN_EXPONENTIAL)('reports %s as exponential', (_name, re) => {
    expect(analyseRegex(re.source, re.flags)?.exponential).toBe(true);
  });
  it.each(KNOWN_POLYNOMIAL)('reports %s as polynomial', (_name, re) => {
    expect(analyseRegex(re.source, re.flags)?.exponential).toBe(false);
  });
  it.each(KNOWN_LINEAR)('does not report %s', (_name, re) => {
    expect(analyseRegex(re.source, re.flags)).toBeNull();
  });
});

describe('no-unsafe-regex loads its analyser when a pattern needs it', () => {
  // The built plugin (one bundle), in a fresh process: whether scslre or refa is loaded after the plugin is, and after
  // the rule has linted `new RegExp(pattern)` of each pattern (none: a linear pattern, one that may backtrack).
  const loaded = (patterns: string[]): boolean => {
    const dist = path.resolve(__dirname, '../../dist');
    const code = patterns.map((pattern) => `new RegExp(${JSON.stringify(pattern)});`).join('\n');
    const script = [
      `const plugin = require(${JSON.stringify(path.join(dist, 'index.js'))});`,
      "const { Linter } = require('eslint');",
      `new Linter().verify(${JSON.stringify(code)}, [{ plugins: { 'secure-express': plugin }, rules: { 'secure-express/no-unsafe-regex': 'error' } }]);`,
      "process.stdout.write(String(Object.keys(require.cache).some((f) => /[\\/]node_modules[\\/](scslre|refa)[\\/]/.test(f))));",
    ].join('\n');
    return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }) === 'true';
  };
  it('not on loading the plugin, nor for linear patterns', () => {
    expect(loaded([])).toBe(false);
    expect(loaded(['^[a-z]+$', '^\\d{3}-\\d{4}$'])).toBe(false);
  });
  it('on the first pattern that may backtrack, and reports it', () => {
    expect(loaded(['^(a+)+$'])).toBe(true);
    expect(analyseRegex('^(a+)+$', '')?.exponential).toBe(true);
  });
  // Two unbounded quantifiers with a character between them that the first cannot match cannot trade characters.
  const FENCED = ['^(\\w+):(.*)$', '\\$?\\$\\{([A-Za-z0-9_]+)(:-(.*?))?\\}', '^[^"]*"\\s*=\\s*"[^"]*"$', '^(\\d+)(?:px)?;[a-z]+$'];
  it('not for two unbounded quantifiers fenced by a character the first cannot match', () => {
    expect(loaded(FENCED)).toBe(false);
    for (const pattern of FENCED) expect(analyseRegex(pattern, '')).toBeNull();
  });
  it.each([
    ['the character between is optional', '^\\w+:?\\w+!$'],
    ['the first can match the character between', '^.*:.*!$'],
    ['an unbounded quantifier in an optional group first', '^\\d+(?:a\\d+)?\\d+!$'],
  ])('for two unbounded quantifiers where %s, and reports it', (_name, pattern) => {
    expect(loaded([pattern])).toBe(true);
    expect(analyseRegex(pattern, '')?.exponential).toBe(false);
  });
  it('for a class between them (not read here), which scslre then finds linear', () => {
    expect(loaded(['^\\d+[a-z]\\d+!$'])).toBe(true);
    expect(analyseRegex('^\\d+[a-z]\\d+!$', '')).toBeNull();
  });
  it('with the i flag, a character that the first matches in another case fences nothing', () => {
    expect(analyseRegex('^[a-z]+A[a-z]+!$', '')).toBeNull();
    expect(analyseRegex('^[a-z]+A[a-z]+!$', 'i')?.exponential).toBe(false);
  });
});

describe('no-unsafe-regex skips scslre only where scslre finds nothing', () => {
  // Seeded random patterns of characters, classes, groups, alternatives and quantifiers: for each one that the
  // pre-filter lets go without scslre, scslre itself (called directly) reports no trade and no nested repetition.
  let seed = 20261205;
  const random = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  // Characters often, so that quantifiers are often fenced (or not) by one.
  const atoms = ['a', 'b', ':', '-', '"', 'A', '=', '\\}', '\\d', '\\w', '\\s', '.', '[a-z]', '[^:]', '[A-Z0-9_]', '\\S', '^', '$'];
  const quantifiers = ['', '', '', '*', '+', '+', '?', '*?', '{2,}', '{1,3}'];
  const generate = (depth: number): string => {
    let text = '';
    for (let i = (depth === 0 ? 2 : 1) + random(4); i > 0; i--) {
      const kind = random(10);
      const atom =
        depth < 3 && kind < 2
          ? `(${generate(depth + 1)}${random(3) === 0 ? `|${generate(depth + 1)}` : ''})`
          : depth < 3 && kind === 2
            ? `(?:${generate(depth + 1)})`
            : atoms[random(atoms.length)]!;
      text += atom === '^' || atom === '$' ? atom : atom + quantifiers[random(quantifiers.length)]!;
    }
    return text;
  };
  it('on 3,000 random patterns', () => {
    const parser = new RegExpParser({ ecmaVersion: 2025 });
    let fenced = 0;
    for (let i = 0; i < 3000; i++) {
      const source = generate(0);
      const flags = ['', 'i', 's', 'u'][i % 4]!;
      let pattern;
      try {
        pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
      } catch {
        continue;
      }
      if (mayBacktrack(pattern, flags)) continue;
      // Two unbounded quantifiers or more: let go by the fence, not by the count.
      if ((source.match(/[*+]|\{2,\}/gu) ?? []).length >= 2) fenced++;
      const result = analyse({ pattern, flags: parser.parseFlags(flags) }, { maxReports: 1, reportTypes: { Move: false } });
      expect({ source, flags, reports: result.reports.length }).toEqual({ source, flags, reports: 0 });
    }
    expect(fenced).toBeGreaterThan(100);
  });
});
