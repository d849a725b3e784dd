import type { TSESLint } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { getExpressModel } from '../../src/express';
import { cspConfigs, cspCamelName, isNonceOrHash, type CspDirective } from '../../src/express/csp';
import { helmetCalls } from '../../src/express/helmet';
import { code } from '../helpers/rule-tester';

/** Runs `inspect` on the model of `source` (parsed as TS, or CommonJS) and returns what it collected. */
function withModel<T>(source: string, inspect: (context: Readonly<TSESLint.RuleContext<string, []>>) => T, commonjs = false): T {
  let result: T | undefined;
  const rule: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: 'problem', schema: [], messages: {} },
    create: (context) => ({
      'Program:exit'() {
        result = inspect(context);
      },
    }),
  };
  const linter = new Linter();
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, sourceType: commonjs ? 'commonjs' : 'module' },
        plugins: { t: { rules: { inspect: rule as never } } },
        rules: { 't/inspect': 'error' },
      },
    ],
    'file.ts',
  );
  expect(messages).toEqual([]);
  return result as T;
}

describe('helmetCalls', () => {
  it('lists every helmet call under any name, mounted or not, with its middleware and options', () => {
    const calls = withModel(
      code`
        import shield, { hsts } from 'helmet';
        import * as h from 'helmet';
        const opts = { frameguard: false };
        const headers = shield(opts);
        app.use(hsts({ maxAge: 1 }), h.default.noCache(), h.contentSecurityPolicy(...args));
        shield.contentSecurityPolicy.getDefaultDirectives();
        notHelmet({});
      `,
      (context) =>
        helmetCalls(getExpressModel(context)).map((c) => [c.middleware, c.options?.type ?? null, c.node.loc.start.line]),
    );
    expect(calls).toEqual([
      ['helmet', 'Identifier', 4],
      ['hsts', 'ObjectExpression', 5],
      ['noCache', null, 5],
      ['contentSecurityPolicy', null, 5],
    ]);
  });

  it('follows require and destructuring', () => {
    const calls = withModel(
      code`
        const { xssFilter } = require('helmet');
        const helmet = require('helmet');
        module.exports = [helmet({}), xssFilter()];
      `,
      (context) => helmetCalls(getExpressModel(context)).map((c) => c.middleware),
      true,
    );
    expect(calls).toEqual(['helmet', 'xssFilter']);
  });
});

describe('cspConfigs', () => {
  const texts = (d: CspDirective | 'absent' | 'unknown'): unknown =>
    typeof d === 'string' ? d : d.sources === null ? null : d.sources.map((s) => (s.kind === 'static' ? s.text : 'dynamic'));

  it('reads directives under both key styles, strings, consts, nonces, null and useDefaults', () => {
    const result = withModel(
      code`
        import helmet from 'helmet';
        const scripts = ["'self'", (req, res) => \`'nonce-\${res.locals.nonce}'\`];
        app.use(helmet({
          contentSecurityPolicy: {
            useDefaults: false,
            directives: { defaultSrc: "'self' https:", 'script-src': scripts, objectSrc: null },
          },
        }));
        app.use(helmet.contentSecurityPolicy({ directives: { ...base, imgSrc: ['data:'] } }));
        app.use(helmet.contentSecurityPolicy(fromElsewhere));
      `,
      (context) =>
        cspConfigs(getExpressModel(context), context.sourceCode).map((config) => ({
          useDefaults: config.useDefaults,
          defaultSrc: texts(config.directive('default-src')),
          scriptSrc: texts(config.directive('script-src')),
          objectSrc: texts(config.directive('object-src')),
          imgSrc: texts(config.directive('img-src')),
        })),
    );
    expect(result).toEqual([
      { useDefaults: false, defaultSrc: ["'self'", 'https:'], scriptSrc: ["'self'", 'dynamic'], objectSrc: null, imgSrc: 'absent' },
      { useDefaults: true, defaultSrc: 'unknown', scriptSrc: 'unknown', objectSrc: 'unknown', imgSrc: ['data:'] },
    ]);
  });

  it('names and classifies sources', () => {
    expect(cspCamelName('script-src-elem')).toBe('scriptSrcElem');
    expect(isNonceOrHash("'nonce-abc'")).toBe(true);
    expect(isNonceOrHash("'sha384-abc'")).toBe(true);
    expect(isNonceOrHash("'self'")).toBe(false);
    expect(isNonceOrHash('nonce-abc')).toBe(false);
  });
});
