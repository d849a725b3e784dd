import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { Danger } from '../../src/data/sinks';
import { getRequestData } from '../../src/express';
import { code } from '../helpers/rule-tester';

/**
 * Lints `source` with a probe rule that reports what every `sink(x)` argument holds: `danger source` (without
 * `Danger.wholePath`, which only `res.sendFile` reads: no-path-traversal's tests).
 */
function probe(source: string, sourceType: 'module' | 'commonjs' | 'ts' = 'module', settings: Record<string, unknown> = {}): string[] {
  const rule: TSESLint.RuleModule<'taint', []> = {
    defaultOptions: [],
    meta: { type: 'problem', schema: [], messages: { taint: '{{text}}' } },
    create(context) {
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || node.callee.name !== 'sink') return;
          const taint = getRequestData(context).taintOf(node.arguments[0]);
          context.report({ node, messageId: 'taint', data: { text: taint ? `${taint.danger & ~Danger.wholePath} ${taint.source}` : 'clean' } });
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(source, [
    {
      plugins: { probe: { rules: { taint: rule as never } } },
      languageOptions: sourceType === 'ts' ? { parser: tsParser } : { sourceType },
      settings,
      rules: { 'probe/taint': 'error' },
    },
  ]);
  return messages.map((m) => m.message);
}

const ANY = Danger.sql | Danger.nosql | Danger.xss | Danger.redirect | Danger.path | Danger.regex;
const TEXT = ANY & ~Danger.nosql;

describe('request data', () => {
  it('regression (vulnerable-node): url.parse(req.url, true).query in an Express handler is request data; req.url alone is not followed', () => {
    expect(
      probe(
        code`
          const express = require('express');
          const url = require('url');
          const router = express.Router();
          router.get('/products/detail', (req, res) => {
            const params = url.parse(req.url, true).query;
            sink(params.id);
            sink(new URL(req.originalUrl, 'http://x').searchParams.get('q'));
            sink(req.url);
            sink(url.parse('/fixed?a=1', true).query.a);
          });
        `,
        'commonjs',
      ),
    ).toEqual([`${TEXT} req.url`, `${TEXT} req.originalUrl`, 'clean', 'clean']);
  });

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
      // regression (trial): a destructured request is named as written (`query.name`), not `req.query`
    ).toEqual([`${TEXT} query.name`, `${TEXT} body.a`, `${ANY} body.b`, `${ANY} body.c`, `${ANY} body.items`, `${ANY} query.filter`]);
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
      // spreading request data into a call still passes it
      `${ANY} req.body`,
      'clean',
      `${ANY} req.body`,
      `${ANY} req.body`,
      `${ANY} req.body.z`,
      `${ANY} req.body?.deep`,
    ]);
  });
});

describe('flow in order', () => {
  it('replaces a value on reassignment, adds on += and concat, and sees every write from a closure', () => {
    expect(
      probe(code`
        import express from 'express';
        const app = express();
        app.get('/x', (req, res) => {
          let q = req.query.q;
          sink(q);
          q = 'fixed';
          sink(q);
          let s = 'a';
          s += req.params.id;
          sink(s);
          let list = ['a'];
          list = list.concat(req.body.items);
          sink(list);
          let later = 'x';
          setTimeout(() => sink(later));
          later = req.query.late;
          if (cond) q = req.query.other;
          sink(q);
        });
      `),
    ).toEqual([`${ANY} req.query.q`, 'clean', `${TEXT} req.params.id`, `${TEXT} req.body.items`, `${ANY} req.query.late`, `${ANY} req.query.other`]);
  });

  it('follows literals, spreads, Object.assign, util.format, replace, then, and ends at coercions', () => {
    expect(
      probe(code`
        import express from 'express';
        import util from 'util';
        const app = express();
        app.post('/x', async (req, res) => {
          sink({ ...req.body });
          sink([req.query.a]);
          sink(Object.assign({}, req.body));
          sink(util.format('%s!', req.params.p));
          sink('x'.replace('x', req.params.p));
          sink(req.params.p.toUpperCase().trim());
          fetchIt().then(() => 1);
          Promise.resolve(req.params.p).then((v) => sink(v));
          sink(await Promise.resolve(req.params.p));
          sink(Number(req.query.n));
          sink(req.query.n === 'a');
          sink(JSON.stringify(req.query));
          const cache = { body: 'fixed', key: req.query.v };
          sink(cache.body);
          sink(cache.key);
        });
      `),
    ).toEqual([
      `${ANY} req.body`,
      `${ANY} req.query.a`,
      `${ANY} req.body`,
      `${TEXT} req.params.p`,
      `${TEXT} req.params.p`,
      `${TEXT} req.params.p`,
      `${TEXT} req.params.p`,
      `${TEXT} req.params.p`,
      'clean',
      'clean',
      `${Danger.sql | Danger.xss | Danger.regex} req.query`,
      'clean',
      `${ANY} req.query.v`,
    ]);
  });
});

describe('long files', () => {
  it('follows thousands of writes of one variable, and stops without crashing on a chain of thousands of variables', () => {
    const writes = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `  s += req.query.a${i};` : `  s = s + 'x';`)).join('\n');
    expect(probe(`import express from 'express';\nexpress().get('/', (req, res) => {\n  let s = '';\n${writes}\n  sink(s);\n});`)).toEqual([
      `${TEXT} req.query.a1`,
    ]);
    const chain = Array.from({ length: 5000 }, (_, i) => `  const v${i + 1} = v${i} + 'x';`).join('\n');
    expect(() =>
      probe(`import express from 'express';\nexpress().get('/', (req, res) => {\n  const v0 = req.query.a;\n${chain}\n  sink(v5000);\n});`),
    ).not.toThrow();
    // Plain aliases (`const v1 = v0`), each read through its guards too (trial 15: 1,000 of them overflowed the stack).
    const aliases = Array.from({ length: 5000 }, (_, i) => `  const v${i + 1} = v${i};`).join('\n');
    expect(() =>
      probe(`import express from 'express';\nexpress().get('/', (req, res) => {\n  const v0 = req.query.a;\n${aliases}\n  if (v5000 !== '/') sink(v5000);\n});`),
    ).not.toThrow();
    // A short chain is still followed.
    const few = Array.from({ length: 50 }, (_, i) => `  const v${i + 1} = v${i};`).join('\n');
    expect(probe(`import express from 'express';\nexpress().get('/', (req, res) => {\n  const v0 = req.query.a;\n${few}\n  sink(v50);\n});`)).toEqual([`${ANY} req.query.a`]);
  });
});

describe('guards', () => {
  it('cleans a value where a dominating check holds, not on the other branch nor before the check', () => {
    expect(
      probe(code`
        import express from 'express';
        const app = express();
        const ALLOWED = ['/a', '/b'];
        const SAFE = { a: 1 };
        app.get('/x', (req, res) => {
          const t = req.query.t;
          sink(t);
          if (ALLOWED.includes(t)) sink(t); else sink(t);
          if (!(t in SAFE)) return res.status(400).end();
          sink(t);
        });
        app.get('/y', (req, res) => {
          const u = req.query.u;
          if (typeof u === 'string') sink(u);
          if (Object.hasOwn(SAFE, u) && u === 'a') sink(u);
          if (SAFE[u] !== undefined) sink(u);
          if (/^\\w+$/.test(u)) sink(u);
          if (/\\w+/.test(u)) sink(u);
          u.length > 2 ? sink(u) : null;
          if (u !== 'a') throw new Error('no');
          sink(u);
        });
      `),
    ).toEqual([`${ANY} req.query.t`, 'clean', `${ANY} req.query.t`, 'clean', `${TEXT} req.query.u`, 'clean', 'clean', 'clean', `${ANY} req.query.u`, `${ANY} req.query.u`, 'clean']);
  });

  it('reads validator checks, hasOwnProperty, indexOf, switch and loops', () => {
    expect(
      probe(code`
        import express from 'express';
        import validator from 'validator';
        import isMongoId from 'validator/lib/isMongoId';
        const app = express();
        app.get('/x', (req, res) => {
          const { id, tag } = req.query;
          if (validator.isUUID(id)) sink(id);
          if (isMongoId(id)) sink(id);
          if (validator.isEmail(id)) sink(id);
          if (SAFE.hasOwnProperty(tag)) sink(tag);
          if (LIST.indexOf(tag) !== -1) sink(tag);
          switch (tag) {
            case 'a':
              sink(tag);
              break;
            default:
              sink(tag);
          }
        });
      `),
    ).toEqual([
      'clean',
      'clean',
      `${Danger.sql | Danger.xss | Danger.regex} req.query.id`,
      'clean',
      'clean',
      'clean',
      `${ANY} req.query.tag`,
    ]);
  });

  it('forgets a check when the variable is written after it', () => {
    expect(
      probe(code`
        import express from 'express';
        const app = express();
        app.get('/x', (req, res) => {
          let t = 'a';
          if (['a'].includes(t)) {
            t = req.query.t;
            sink(t);
          }
        });
      `),
    ).toEqual([`${ANY} req.query.t`]);
  });
});

describe('the Host header (trial 17)', () => {
  it('carries no redirect: the browser writes it from the URL it asks for; a part that can do more is named', () => {
    expect(
      probe(code`
        import express from 'express';
        const app = express();
        app.get('/x', (req, res) => {
          sink(req.headers.host);
          sink(req.get('Host'));
          sink(req.header('host'));
          sink(req.get('referer'));
          sink(\`https://\${req.headers.host}\${req.query.next}\`);
          sink(req.headers.host + req.params.id);
        });
      `),
    ).toEqual([
      `${TEXT & ~Danger.redirect} req.headers.host`,
      `${TEXT & ~Danger.redirect} req.get('Host')`,
      `${TEXT & ~Danger.redirect} req.header('host')`,
      `${TEXT} req.get('referer')`,
      `${TEXT} req.query.next`,
      `${TEXT} req.params.id`,
    ]);
  });
});

describe('request handlers', () => {
  it('recognises handlers by shape, exported, as methods and from factories, in a file that uses Express', () => {
    expect(
      probe(
        code`
          const express = require('express');
          module.exports.go = function (req, res) { sink(req.body.url); };
          exports.show = ({ query }, res) => sink(query.q);
          const controller = { update(request, response, next) { sink(request.params.id); } };
          class Users { handle(err, req, res, next) { sink(req.query.x); } }
          function make() { return (req, res) => sink(req.headers.host); }
          function notAHandler(a, b) { sink(a.query.x); }
        `,
        'commonjs',
      ),
    ).toEqual([`${ANY} req.body.url`, `${ANY} query.q`, `${TEXT} request.params.id`, `${ANY} req.query.x`, `${TEXT & ~Danger.redirect} req.headers.host`, 'clean']);
  });

  it('does not guess without Express in the file, and not with handlerShapes: false', () => {
    expect(probe('module.exports.go = function (req, res) { sink(req.body.url); };', 'commonjs')).toEqual(['clean']);
    expect(
      probe("const express = require('express');\nmodule.exports.go = function (req, res) { sink(req.body.url); };", 'commonjs', {
        'secure-express': { handlerShapes: false },
      }),
    ).toEqual(['clean']);
  });

  it('reads Express types and Node servers', () => {
    expect(
      probe(code`
        import type { Request, Response } from 'express';
        import http from 'node:http';
        import url from 'node:url';
        export function show(r: Request, w: Response) { sink(r.query.id); }
        export const nameOf = (request: Request) => sink(request.body.name);
        http.createServer((req, res) => {
          sink(req.url);
          sink(url.parse(req.url, true).query.name);
          sink(new URL(req.url, 'http://localhost').searchParams.get('q'));
          sink(req.body);
        });
      `, 'ts'),
    ).toEqual([`${ANY} r.query.id`, `${ANY} request.body.name`, `${TEXT} req.url`, `${TEXT} req.url`, `${TEXT} req.url`, 'clean']);
  });

  it('follows helper parameters and return values', () => {
    expect(
      probe(code`
        import express from 'express';
        const app = express();
        function nextOf(req) { return req.query.next; }
        const trimmed = (s) => s.trim();
        app.get('/x', (req, res) => {
          sink(nextOf(req));
          sink(trimmed(req.params.p));
          sink(trimmed('fixed'));
        });
      `),
    ).toEqual([`${ANY} req.query.next`, `${TEXT} req.params.p`, 'clean']);
  });

  it("GraphQL resolvers: each argument as the schema text of the file types it (lane gql21)", () => {
    expect(
      probe(code`
        import { ApolloServer, gql } from 'apollo-server-express';
        const typeDefs = gql\`
          # a comment: type Query { x(y: JSON): Int }
          scalar JSON
          enum Role { ADMIN USER }
          input Range { from: Int, to: Int }
          input Filter { name: String, range: Range, extra: JSON }
          "A description"
          type Query {
            """Block description (ignored: type Query { z: Int })"""
            users(limit: Int = 10, role: Role, name: String @deprecated(reason: "x"), ids: [ID!]!, range: Range, filter: Filter, where: JSON): [String]
            plain: String
          }
        \`;
        new ApolloServer({
          typeDefs,
          resolvers: {
            Query: {
              users: (_, args) => {
                sink(args.limit); sink(args.role); sink(args.name); sink(args.ids); sink(args.range); sink(args.filter); sink(args.where);
                sink(args.other); sink(args);
                const { name, range: { from } } = args;
                sink(name); sink(from);
              },
              unknown: (_, { q }) => sink(q),
            },
          },
        });
      `),
    ).toEqual([
      'clean',
      'clean',
      `${TEXT} args.name (GraphQL argument of Query.users)`,
      `${TEXT} args.ids (GraphQL argument of Query.users)`,
      'clean',
      `${ANY} args.filter (GraphQL argument of Query.users)`,
      `${ANY} args.where (GraphQL argument of Query.users)`,
      'clean',
      `${ANY} args (GraphQL arguments of Query.users)`,
      `${TEXT} args.name (GraphQL argument of Query.users)`,
      'clean',
      `${TEXT} q (GraphQL argument of Query.unknown)`,
    ]);
  });

  it('GraphQL resolvers: checks and coercions clean an argument as they clean request data (lane gql21)', () => {
    expect(
      probe(code`
        const { makeExecutableSchema } = require('@graphql-tools/schema');
        const SORTS = ['title', 'created_at'];
        module.exports = makeExecutableSchema({
          typeDefs: require('./typeDefs'),
          resolvers: {
            Query: {
              posts(parent, args) {
                if (!SORTS.includes(args.sort)) throw new Error('sort');
                sink(args.sort);
                sink(Number(args.page));
                sink(args.tag.toLowerCase());
              },
            },
          },
        });
      `, 'commonjs'),
    ).toEqual(['clean', 'clean', `${TEXT} args.tag (GraphQL argument of Query.posts)`]);
  });
});
