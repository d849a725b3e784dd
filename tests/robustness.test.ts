import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../src/index';
import { rules } from '../src/rules';

/** Inputs no rule may throw on: odd syntax, missing arguments, unknown values, TS and JSX. */
const inputs: Record<string, string> = {
  empty: '',
  'only a require of a variable': 'require(x);',
  'require with no argument': "const express = require();\nconst app = require('express')();\napp.use();",
  'express shadowed': "import express from 'express';\nfunction f(express) { const app = express(); app.use(); app.get(); app.post('/login'); }",
  'calls without arguments': [
    "import express from 'express';",
    "import session from 'express-session';",
    "import helmet from 'helmet';",
    "import cors from 'cors';",
    'const app = express();',
    'app.use(); app.get(); app.post(); app.set(); app.disable(); app.enable(); app.listen(); app.route();',
    'app.use(session()); app.use(helmet()); app.use(cors()); app.use(express.static());',
    "app.get('/', (req, res) => { res.cookie(); res.send(); res.redirect(); res.sendFile(); res.json(); res.render(); });",
  ].join('\n'),
  'computed keys and spreads everywhere': [
    "import express from 'express';",
    "import session from 'express-session';",
    "import helmet from 'helmet';",
    'const app = express();',
    'const key = "secure";',
    'app[method]("/x", handler);',
    'app.use(session({ [key]: true, ...opts, cookie: { ...cookie, [key]: false } }));',
    'app.use(helmet({ ...options, [name]: false }));',
    "app.use(...middleware);",
    "app.post(...routeArgs);",
    "app.get('/', ...[(req, res) => res.send(req.query[key])]);",
  ].join('\n'),
  'unusual handlers and params': [
    "import express from 'express';",
    'const app = express();',
    "app.get('/a', async function* gen({ query }, { send }) { yield send(query.x); });",
    "app.get('/b', ([req], ...rest) => rest);",
    "app.post('/login', (req = {}, res = {}) => res?.send?.(req?.body?.name));",
    'app.use((err, req, res, next) => { res.status(500).send(err?.stack); });',
    "app.route('/r').get().post(undefined, null, 42, 'x');",
  ].join('\n'),
  'TypeScript syntax': [
    "import express, { type Request, type Response } from 'express';",
    "import type { Options } from 'express-session';",
    "import session = require('express-session');",
    'enum Mode { A = 1 }',
    'declare module "x" { export const y: number; }',
    'abstract class Base<T extends object = {}> { abstract run(): void; private x?: T; }',
    'const app = express() as unknown as express.Express;',
    'const opts = { secret: process.env.S! } satisfies Partial<Options>;',
    'app.use(session(opts as Options));',
    "app.get<{ id: string }>('/u/:id', (req: Request<{ id: string }>, res: Response) => res.send(req.params.id!));",
    '@decorator class Ctl { @get("/") handle(@req() r: any) { return r; } }',
  ].join('\n'),
  JSX: [
    "import express from 'express';",
    'const app = express();',
    "const Page = ({ q }: { q: string }) => <div dangerouslySetInnerHTML={{ __html: q }}>{q}<a href={q} /></div>;",
    "app.get('/', (req, res) => res.send(<Page q={req.query.q} />));",
  ].join('\n'),
  'regexes and strings': [
    "import express from 'express';",
    'const app = express();',
    "app.get(/^\\/(a+)+$/, (req, res) => res.send('x'));",
    "app.get('/files/*', (req, res) => res.send(new RegExp(req.params[0], 'u').source));",
    "const r = new RegExp('(', 'v');",
    'const t = `${a}${b}` + String.raw`\\d` + /[/]\\p{L}/u.source;',
  ].join('\n'),
  'odd require forms': [
    "const { default: express, Router: { prototype } } = require('express');",
    "const lib = require('express-session')?.default;",
    "const m = require(`cookie-session`);",
    "const n = require('node:' + 'crypto');",
    'const app = express?.();',
    'module.exports = { app, lib, m, n, prototype };',
  ].join('\n'),
  'odd GraphQL servers and schema text': [
    "import { ApolloServer, gql } from 'apollo-server-express';",
    "import { graphqlHTTP } from 'express-graphql';",
    "import { buildSchema } from 'graphql';",
    'new ApolloServer(); new ApolloServer(...opts); new ApolloServer({ resolvers: null }); new ApolloServer({ resolvers: [null, , ...more] });',
    'new ApolloServer({ typeDefs: gql`type Query { a(b: [[Int!]!] = [[1]] @x(y: "}"), c: ) `,', ' resolvers: { Query: 5, [k]: {}, __x: {}, Mutation: { a() {}, [b]: () => 1, c: { resolve: null } } } });',
    'new ApolloServer({ typeDefs: [gql`type`, `input I { a: I, b: J } scalar`, 7, `schema { query: }`], resolvers: { Query: { q: (p, { a: { b = 1 } = {}, ...rest }) => sink(b, rest) } } });',
    "graphqlHTTP({ schema: buildSchema(), rootValue: { a: 1, b() {}, c: (...args) => sink(args), [d]: (x) => x } });",
    'graphqlHTTP(() => ({ rootValue: { a: (args) => sink(args.b) } }));',
    'export const resolvers = { Query: { q: (p, args) => { args = {}; return sink(args.x); } }, Subscription: {} };',
  ].join('\n'),
};

const base: Linter.Config = {
  files: ['**/*.{js,ts,tsx}'],
  languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
  plugins: { 'secure-express': plugin as never },
};

describe('no rule throws on unusual input', () => {
  const linter = new Linter({ configType: 'flat' });
  for (const [name, rule] of Object.entries(rules)) {
    // Rules of other languages (package.json, templates) have their own robustness tests.
    const languages = (rule.meta as { languages?: readonly string[] }).languages;
    if (languages && !languages.includes('js/js')) continue;
    const settings: Linter.RuleEntry[] = [['error'], ['error', ...((rule.meta.docs?.strictOptions as unknown[] | undefined) ?? [])]];
    for (const [inputName, code] of Object.entries(inputs)) {
      for (const sourceType of ['module', 'commonjs'] as const) {
        if (sourceType === 'commonjs' && /^\s*(import|export)\b/mu.test(code)) continue;
        it(`${name}: ${inputName} (${sourceType})`, () => {
          for (const entry of settings) {
            const messages = linter.verify(
              code,
              [
                {
                  ...base,
                  languageOptions: { ...base.languageOptions, sourceType },
                  rules: { [`secure-express/${name}`]: entry as Linter.RuleEntry },
                },
              ],
              'input.tsx',
            );
            expect(messages.filter((m) => m.fatal)).toEqual([]);
          }
        });
      }
    }
  }
});
