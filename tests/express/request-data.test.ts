import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import { Danger } from '../../src/data/sinks';
import { getExpressModel, getRequestData, guardsIn } from '../../src/express';
import { code } from '../helpers/rule-tester';

/** Lints `source` with a probe rule that reports what every `sink(x)` argument holds: `danger source`. */
function probe(source: string, sourceType: 'module' | 'commonjs' = 'module'): string[] {
  const rule: TSESLint.RuleModule<'taint', []> = {
    defaultOptions: [],
    meta: { type: 'problem', schema: [], messages: { taint: '{{text}}' } },
    create(context) {
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || node.callee.name !== 'sink') return;
          const taint = getRequestData(context).taintOf(node.arguments[0]);
          context.report({ node, messageId: 'taint', data: { text: taint ? `${taint.danger} ${taint.source}` : 'clean' } });
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(source, [
    {
      plugins: { probe: { rules: { taint: rule as never } } },
      languageOptions: { sourceType },
      rules: { 'probe/taint': 'error' },
    },
  ]);
  return messages.map((m) => m.message);
}

const ANY = Danger.sql | Danger.nosql | Danger.xss | Danger.redirect | Danger.path | Danger.regex;
const TEXT = ANY & ~Danger.nosql;

describe('request data', () => {
  it('finds request members, calls and destructuring in a handler', () => {
    expect(
      probe(code`
        import express from 'express';
        const app = express();
        app.post('/x', async (req, res) => {
          sink(req.body);
          sink(req.body.name);
          sink(req.query['id']);
          sink(req.params.id);
          sink(req.get('Referer'));
          sink(req.header('x-token'));
          const { user, pass: password } = req.body;
          sink(user);
          sink(password);
          const { query: { q } } = req;
          sink(q);
          sink(req.ip);
          sink(req.body.items.length);
        });
      `),
    ).toEqual([
      `${ANY} req.body`,
      `${ANY} req.body.name`,
      `${ANY} req.query['id']`,
      `${TEXT} req.params.id`,
      `${TEXT} req.get('Referer')`,
      `${TEXT} req.header('x-token')`,
      `${ANY} req.body.user`,
      `${ANY} req.body.pass`,
      `${ANY} req.query.q`,
      'clean',
      'clean',
    ]);
  });

  it('follows variables, templates, concatenation and string methods, which make text', () => {
    expect(
      probe(code`
        const { Router } = require('express');
        const router = Router();
        async function handler({ query, body }, res) {
          let name = query.name;
          name = name || 'anon';
          const greeting = 'Hello ' + name.trim();
          sink(greeting);
          sink(\`\${body.a}\`);
          sink(await body.b);
          sink(cond ? body.c : 'x');
          for (const item of body.items) sink(item);
          sink(JSON.parse(query.filter));
        }
        router.get('/', handler);
      `, 'commonjs'),
    ).toEqual([`${TEXT} req.query`, `${TEXT} req.body`, `${ANY} req.body`, `${ANY} req.body`, `${ANY} req.body`, `${ANY} req.query`]);
  });

  it('stops at sanitizers and coercions, keeping the dangers they do not remove', () => {
    expect(
      probe(code`
        import express from 'express';
        import escapeHtml from 'escape-html';
        import path from 'node:path';
        import validator from 'validator';
        const app = express();
        app.get('/x', (req, res) => {
          sink(Number(req.query.n));
          sink(parseInt(req.params.id, 10));
          sink(String(req.body.name));
          sink(escapeHtml(req.query.q));
          sink(validator.escape(req.query.q));
          sink(path.basename(req.params.file));
          sink(path.join('uploads', req.params.file));
          sink(encodeURIComponent(req.query.next));
          sink(unknown(req.query.q));
        });
      `),
    ).toEqual([
      'clean',
      'clean',
      `${TEXT} req.body.name`,
      `${TEXT & ~Danger.xss} req.query.q`,
      `${TEXT & ~Danger.xss} req.query.q`,
      `${TEXT & ~Danger.path} req.params.file`,
      `${TEXT} req.params.file`,
      `${Danger.sql | Danger.regex} req.query.next`,
      'clean',
    ]);
  });

  it('knows nothing outside known handlers', () => {
    expect(
      probe(code`
        import express from 'express';
        function notAHandler(req) { sink(req.body.x); }
        const app = express();
        app.use((req, res, next) => { sink(req.cookies.sid); next(); });
        sink(req.query);
      `),
    ).toEqual(['clean', `${ANY} req.cookies.sid`, 'clean']);
  });

  it('does not crash on unusual input', () => {
    expect(
      probe(code`
        import express from 'express';
        const app = express();
        app.get('/x', (req, res) => {
          let a; a = a; sink(a);
          sink(req[key]);
          sink(req.body[key]);
          sink(...req.body);
          sink();
          const { [key]: v, ...rest } = req.body;
          sink(v);
          sink(rest);
          sink((0, req.body.z));
          sink(req.body?.deep?.x);
        });
      `),
    ).toEqual([
      'clean',
      'clean',
      `${ANY} req.body[key]`,
      'clean',
      'clean',
      `${ANY} req.body`,
      `${ANY} req.body`,
      `${ANY} req.body.z`,
      `${ANY} req.body?.deep`,
    ]);
  });
});

describe('guardsIn', () => {
  it('finds allow lists, regex tests and prefixes applied to an expression', () => {
    const linter = new Linter();
    const found: unknown[] = [];
    const rule: TSESLint.RuleModule<'x', []> = {
      defaultOptions: [],
      meta: { type: 'problem', schema: [], messages: { x: 'x' } },
      create(context) {
        return {
          'Program:exit'() {
            const model = getExpressModel(context);
            for (const handler of model.handlers) {
              for (const text of ['next', 'file', 'other']) found.push(guardsIn(context.sourceCode, handler.fn, text));
            }
          },
        };
      },
    };
    linter.verify(
      code`
        import express from 'express';
        const app = express();
        app.get('/x', (req, res) => {
          const next = req.query.next;
          if (!ALLOWED.includes(next) || !/^\\/\\w+$/.test(next)) return;
          if (file.startsWith(root) && file.startsWith('//')) return;
        });
      `,
      [{ plugins: { p: { rules: { g: rule as never } } }, rules: { 'p/g': 'error' } }],
    );
    expect(found).toEqual([
      { allowList: true, regex: true, startsWith: [] },
      { allowList: false, regex: false, startsWith: ['', '//'] },
      { allowList: false, regex: false, startsWith: [] },
    ]);
  });
});
