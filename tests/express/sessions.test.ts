import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { Rule } from 'eslint';

import { getExpressModel, sessionMiddlewares, trustsProxy } from '../../src/express';
import { code } from '../helpers/rule-tester';

/** Runs the model on `source` and returns what `read` extracts from it. */
function inspect<T>(source: string, read: (context: Parameters<typeof getExpressModel>[0]) => T, sourceType: 'module' | 'commonjs' = 'module'): T {
  let result: T | undefined;
  const rule: Rule.RuleModule = {
    create(context) {
      return {
        'Program:exit'() {
          result = read(context as unknown as Parameters<typeof getExpressModel>[0]);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(source, [
    { languageOptions: { parser: tsParser, sourceType }, plugins: { t: { rules: { r: rule } } }, rules: { 't/r': 'error' } },
  ]);
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return result as T;
}

describe('sessionMiddlewares', () => {
  it('finds express-session and cookie-session calls with their options and apps', () => {
    const found = inspect(
      code`
        import express from 'express';
        import session from 'express-session';
        import cookieSession from 'cookie-session';
        const app = express();
        const sess = { secret: process.env.S, cookie: {} };
        const mw = session(sess);
        app.use(mw);
        export const other = cookieSession();
        export const third = session(...args);
      `,
      (context) =>
        sessionMiddlewares(getExpressModel(context)).map((s) => ({
          library: s.library,
          options: s.options === null ? null : s.options === 'unknown' ? 'unknown' : s.options.get('secret').kind,
          apps: s.apps.map((a) => a.name),
        })),
    );
    expect(found).toEqual([
      { library: 'express-session', options: 'set', apps: ['app'] },
      { library: 'cookie-session', options: null, apps: [] },
      { library: 'express-session', options: 'unknown', apps: [] },
    ]);
  });

  it('finds nothing for a local function called session', () => {
    const found = inspect(
      code`
        const session = (o) => o;
        session({ secret: 'x' });
      `,
      (context) => sessionMiddlewares(getExpressModel(context)).length,
    );
    expect(found).toBe(0);
  });

  it('follows require and a router', () => {
    const found = inspect(
      code`
        const { Router } = require('express');
        const session = require('express-session');
        const router = Router();
        router.use('/x', [session({ secret: process.env.S })]);
      `,
      (context) => sessionMiddlewares(getExpressModel(context)).map((s) => s.apps.map((a) => a.kind)),
      'commonjs',
    );
    expect(found).toEqual([['router']]);
  });
});

describe('trustsProxy', () => {
  const cases: [string, boolean][] = [
    ["app.set('trust proxy', 1);", true],
    ["app.set('trust proxy', 'loopback');", true],
    ["app.enable('trust proxy');", true],
    ["if (app.get('env') === 'production') { app.set('trust proxy', 1); }", true],
    ["app.set('trust proxy', hops);", true],
    ["app.set('trust proxy', false);", false],
    ["app.set('trust proxy', 0);", false],
    ["app.disable('trust proxy');", false],
    ["app.set('x-powered-by', false);", false],
    ['', false],
  ];
  it.each(cases)('%s → %s', (statement, expected) => {
    const found = inspect(
      `import express from 'express';\nconst app = express();\n${statement}`,
      (context) => trustsProxy(context.sourceCode, getExpressModel(context).apps[0]!),
    );
    expect(found).toBe(expected);
  });
});
