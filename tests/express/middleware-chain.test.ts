import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

import {
  getExpressModel,
  joinPaths,
  middlewareAfter,
  middlewareChains,
  middlewareNames,
  type AppCall,
  type ExpressModel,
  type MiddlewareChain,
} from '../../src/express';
import { prefixMatches } from '../../src/express/middleware-chain';

/** Builds the model of `source` the way a rule sees it, and hands it back with the source code. */
function modelOf(source: string): { model: ExpressModel; sourceCode: TSESLint.SourceCode } {
  let result: { model: ExpressModel; sourceCode: TSESLint.SourceCode } | undefined;
  const linter = new Linter();
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'Program:exit'() {
          result = { model: getExpressModel(context), sourceCode: context.sourceCode };
        },
      };
    },
  };
  const messages = linter.verify(source, {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
    plugins: { t: { rules: { capture: rule as never } } },
    rules: { 't/capture': 'error' },
  }, 'file.ts');
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return result!;
}

function route(model: ExpressModel, method: string, path: string): AppCall {
  const call = model.apps.flatMap((a) => a.calls).find((c) => c.isRoute && !c.isUse && c.method === method && c.path === path);
  if (!call) throw new Error(`no route ${method} ${path}`);
  return call;
}

function texts(sourceCode: TSESLint.SourceCode, chain: MiddlewareChain): string[] {
  return chain.entries.map((e) => sourceCode.getText(e.item.node));
}

describe('middlewareChains', () => {
  it('lists what the app mounted earlier on a matching path, then the route\'s own middleware', () => {
    const { model, sourceCode } = modelOf(`
      import express from 'express';
      const app = express();
      app.use(a);
      app.use('/api', b);
      app.use('/auth', c);
      app.post('/auth/login', [d, [e]], f, (req, res) => res.end());
      app.use(g);
    `);
    const chains = middlewareChains(route(model, 'post', '/auth/login'));
    expect(chains).toHaveLength(1);
    expect(texts(sourceCode, chains[0]!)).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(chains[0]!.complete).toBe(true);
    expect(chains[0]!.path).toBe('/auth/login');
    expect(middlewareAfter(route(model, 'post', '/auth/login')).map((e) => sourceCode.getText(e.item.node))).toEqual(['g']);
  });

  it('follows a router up to each app that mounts it, with the mount\'s own middleware', () => {
    const { model, sourceCode } = modelOf(`
      import express, { Router } from 'express';
      const router = Router();
      router.use(r1);
      router.post('/login', r2, (req, res) => res.end());
      const app = express();
      app.use(a1);
      app.use('/other', a2);
      app.use('/auth', m1, router);
      const admin = express();
      admin.use('/admin', router);
    `);
    const chains = middlewareChains(route(model, 'post', '/login'));
    expect(chains.map((c) => [c.root.name, c.path, c.complete, texts(sourceCode, c)])).toEqual([
      ['app', '/auth/login', true, ['a1', 'm1', 'r1', 'r2']],
      ['admin', '/admin/login', true, ['r1', 'r2']],
    ]);
    expect(chains[0]!.entries.map((e) => e.inherited)).toEqual([true, true, false, false]);
  });

  it('marks chains whose top is handed to unknown code first or is a router mounted nowhere as incomplete', () => {
    const { model } = modelOf(`
      import express, { Router } from 'express';
      export const app = express();
      configure(app);
      app.post('/a', (req, res) => res.end());
      const router = Router();
      router.post('/b', (req, res) => res.end());
      export const exported = Router();
      exported.post('/c', (req, res) => res.end());
    `);
    expect(middlewareChains(route(model, 'post', '/a'))[0]!.complete).toBe(false);
    expect(middlewareChains(route(model, 'post', '/b'))[0]!.complete).toBe(false);
    expect(middlewareChains(route(model, 'post', '/c'))[0]!.complete).toBe(false);
  });

  it('keeps the chains of an exported app complete before it is handed over, through mounted routers too', () => {
    const { model } = modelOf(`
      import express, { Router } from 'express';
      const app = express();
      const auth = Router();
      auth.post('/login', (req, res) => res.end());
      app.use('/auth', auth);
      app.post('/a', (req, res) => res.end());
      app.listen(app.get('port'));
      setTimeout(() => { app.post('/late', (req, res) => res.end()); });
      register(app);
      app.post('/b', (req, res) => res.end());
      const admin = Router();
      admin.post('/x', (req, res) => res.end());
      app.use('/admin', admin);
      export default app;
    `);
    expect(middlewareChains(route(model, 'post', '/login')).map((c) => c.complete)).toEqual([true]);
    expect(middlewareChains(route(model, 'post', '/a'))[0]!.complete).toBe(true);
    expect(middlewareChains(route(model, 'post', '/late'))[0]!.complete).toBe(false);
    expect(middlewareChains(route(model, 'post', '/b'))[0]!.complete).toBe(false);
    expect(middlewareChains(route(model, 'post', '/x')).map((c) => c.complete)).toEqual([false]);
  });

  it('does not loop on a router mounted on itself or in a cycle', () => {
    const { model, sourceCode } = modelOf(`
      import { Router } from 'express';
      const a = Router();
      const b = Router();
      a.use(x);
      a.use(a);
      a.use('/b', b);
      b.use('/a', a);
      b.post('/p', (req, res) => res.end());
      b.use(y);
    `);
    const call = route(model, 'post', '/p');
    const chains = middlewareChains(call);
    expect(chains.map((c) => [c.root.name, c.path, c.complete, texts(sourceCode, c)])).toEqual([
      ['a', '/b/p', false, ['x']],
    ]);
    expect(middlewareAfter(call).map((e) => sourceCode.getText(e.item.node))).toEqual(['y']);
  });

  it('counts paths it cannot read as matching, compares parameters segment by segment, and app.route paths', () => {
    const { model, sourceCode } = modelOf(`
      import express from 'express';
      const app = express();
      app.use(/^\\/x/, a);
      app.use(['/api', '/auth'], b);
      app.use('/users/:id', c);
      app.use('/:section/token', e);
      app.use('/auth/:name(\\d+)', f);
      app.route('/auth/token').post(d, (req, res) => res.end());
    `);
    const [chain] = middlewareChains(route(model, 'post', '/auth/token'));
    // ('/users/:id' cannot match '/auth/token': their first segments differ. A plain parameter stands for any one
    // segment; a pattern other than a plain parameter may match anything.)
    expect(texts(sourceCode, chain!)).toEqual(['a', 'b', 'e', 'f', 'd']);
  });

  it('opens const arrays of middleware (the model does it for every rule)', () => {
    const { model, sourceCode } = modelOf(`
      import express from 'express';
      import rateLimit from 'express-rate-limit';
      const inner = [rateLimit()];
      const guards = [x, ...inner];
      const app = express();
      app.use(guards);
      app.post('/p', (req, res) => res.end());
    `);
    const call = route(model, 'post', '/p');
    const [chain] = middlewareChains(call);
    expect(texts(sourceCode, chain!)).toEqual(['x', 'rateLimit()']);
    expect(chain!.entries[1]!.item.value?.module).toBe('express-rate-limit');
  });

  it('names middleware by identifier, member and module', () => {
    const { model } = modelOf(`
      import express from 'express';
      import * as sec from './security';
      const app = express();
      app.post('/p', sec.limiter(), plain, (req, res) => res.end());
    `);
    const [chain] = middlewareChains(route(model, 'post', '/p'));
    expect(chain!.entries.map((e) => middlewareNames(e.item))).toEqual([
      ['limiter', 'sec.limiter', './security'],
      ['plain'],
    ]);
  });
});

describe('joinPaths', () => {
  it('joins mount and route paths', () => {
    expect(joinPaths('/auth', '/login')).toBe('/auth/login');
    expect(joinPaths('/auth/', 'login')).toBe('/auth/login');
    expect(joinPaths('/', '/login')).toBe('/login');
    expect(joinPaths('', '')).toBe('');
    expect(joinPaths('/signup', '/')).toBe('/signup');
  });
});

describe('prefixMatches', () => {
  it.each([
    // [use prefix, route path, may match]
    ['/account', '/api/notes/:id', false],
    ['/admin', '/t/:tenant/login', false],
    ['/t', '/t/:tenant/login', true],
    ['/t/acme', '/t/:tenant/login', true],
    ['/:tenant', '/t/login', true],
    ['/api/archive', '/api/notes/:id', false],
    ['/api/notes/archive', '/api/notes/:id', true],
    ['/a/b', '/a', false],
    ['/a/:b', '/a', false],
    ['/a/*', '/a', true],
    ['/', '/x/:id', true],
    ['/API', '/api/:id', true],
    ['/(.*)', '/anything', true],
    ['/users', '/users/:id?', true],
    ['/x', '/files/*', false],
    ['/files', '/files/{*splat}', true],
    // trial 22 r5: the text before a pattern still has to agree (Express 5 groups, Express 4 `?`, `file-:id`)
    ['/safe/{*rest}', '/api{/v1}/signin', false],
    ['/api', '/api{/v1}/signin', true],
    ['/api/v1', '/api{/v1}/signin', true],
    ['/:tenant', '/api{/v1}/signin', true],
    ['/admin{/*rest}', '/api/login', false],
    ['/admin{/*rest}', '/admin/login', true],
    ['/files', '/file-:id.json', false],
    ['/file-a', '/file-:id.json', true],
    ['/acd', '/ab?cd', true],
    ['/x', '/{*splat}', true],
  ])("use('%s') may run for '%s': %s", (prefix, path, expected) => {
    expect(prefixMatches(prefix, path)).toBe(expected);
  });
});
