import rule from '../../src/rules/no-unsafe-regex';
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
    // corpus: ghost core/server/services/content-import/import/media.js. With the s flag '(.*)$' matches any rest,
    // so once '\S+' has matched no input makes the match fail and nothing backtracks; '[\s\S]*' and '[^]*' alike.
    code`
      const match = candidate.match(/^(\\s*)(\\S+)(.*)$/s);
      const rest = /^(\\S+)([\\s\\S]*)$/.exec(text);
      const head = /^(\\w+)(?:[^]*)/.exec(text);
    `,
  ],
  invalid: [
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
