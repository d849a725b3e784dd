/**
 * A NestJS project on Express (tests/fixtures/projects/nest-login): a bootstrap, a module and two controllers, one
 * login guarded by ThrottlerGuard and one not. File by file, the app-wide findings are in main.ts and the
 * controllers say nothing about rate limits (their guards live in other files); the project summaries
 * (`nestSummaryOf` + `nestProjectRoutes`) combine the files and find the unguarded login.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { ESLint, Linter } from 'eslint';

import { getExpressModel } from '../src/express';
import { nestProjectRoutes, nestSummaryOf, type NestFileSummary } from '../src/express/nest-project';
import plugin from '../src/index';

const project = path.resolve(__dirname, 'fixtures/projects/nest-login');
const files = ['src/main.ts', 'src/app.module.ts', 'src/auth.controller.ts', 'src/admin.controller.ts'];

describe('NestJS fixture project', () => {
  it('has exactly these findings file by file under strict', async () => {
    const eslint = new ESLint({
      cwd: project,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.strict, { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } }] as never,
    });
    const results = await eslint.lintFiles(files);
    const found = results
      .flatMap((r) => r.messages.map((m) => `${path.relative(project, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`))
      .sort();
    // helmet() hides X-Powered-By and sends HSTS; the controllers' guards are in other files, so nothing is said there
    expect(found).toEqual(['src/main.ts:12 secure-express/no-permissive-cors']);
  });

  it('combines the files: the unguarded login is the one route without a rate limiter', () => {
    const summaries = new Map<string, NestFileSummary>();
    for (const file of files) {
      const absolute = path.join(project, file);
      let summary: NestFileSummary | null = null;
      const linter = new Linter();
      const messages = linter.verify(
        readFileSync(absolute, 'utf8'),
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser as Linter.Parser },
            plugins: {
              probe: {
                rules: {
                  summary: {
                    create(context) {
                      return {
                        'Program:exit'(node) {
                          getExpressModel(context as never);
                          summary = nestSummaryOf(node as unknown as TSESTree.Program);
                        },
                      };
                    },
                  },
                },
              },
            },
            rules: { 'probe/summary': 'error' },
          },
        ],
        absolute,
      );
      expect(messages).toEqual([]);
      expect(summary).not.toBeNull();
      summaries.set(absolute, summary!);
    }
    const resolve = (from: string, specifier: string): string | null => {
      const target = `${path.resolve(path.dirname(from), specifier)}.ts`;
      return summaries.has(target) ? target : null;
    };
    const routes = nestProjectRoutes(summaries, resolve).map((r) => ({
      file: path.relative(project, r.file),
      controller: r.controller,
      method: r.route.method,
      path: r.path,
      limited: r.limited,
      validated: r.validated,
    }));
    expect(routes).toEqual([
      { file: 'src/auth.controller.ts', controller: 'AuthController', method: 'post', path: '/api/auth/login', limited: false, validated: true },
      { file: 'src/admin.controller.ts', controller: 'AdminController', method: 'post', path: '/api/admin/login', limited: true, validated: true },
    ]);
  });

  it('summarizes a compiled module: require()d controllers and modules, APP_GUARD ThrottlerGuard', () => {
    const text = [
      '"use strict";',
      'var __decorate = (this && this.__decorate) || function () {};',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'const common_1 = require("@nestjs/common");',
      'const core_1 = require("@nestjs/core");',
      'const throttler_1 = require("@nestjs/throttler");',
      'const auth_controller_1 = require("./auth.controller");',
      'let AppModule = class AppModule {',
      '};',
      'exports.AppModule = AppModule;',
      'exports.AppModule = AppModule = __decorate([',
      '    (0, common_1.Module)({',
      '        imports: [throttler_1.ThrottlerModule.forRoot([{ ttl: 60000, limit: 5 }])],',
      '        controllers: [auth_controller_1.AuthController],',
      '        providers: [{ provide: core_1.APP_GUARD, useClass: throttler_1.ThrottlerGuard }],',
      '    })',
      '], AppModule);',
    ].join('\n');
    let summary: NestFileSummary | null = null;
    new Linter().verify(
      text,
      [
        {
          languageOptions: { sourceType: 'commonjs' },
          plugins: {
            probe: {
              rules: {
                summary: {
                  create(context) {
                    return {
                      'Program:exit'(node) {
                        getExpressModel(context as never);
                        summary = nestSummaryOf(node as unknown as TSESTree.Program);
                      },
                    };
                  },
                },
              },
            },
          },
          rules: { 'probe/summary': 'error' },
        },
      ],
      'app.module.js',
    );
    expect(summary).toEqual({
      bootstraps: [],
      controllers: [],
      modules: [
        {
          name: 'AppModule',
          known: true,
          imports: [{ name: 'ThrottlerModule', from: '@nestjs/throttler' }],
          controllers: [{ name: 'AuthController', from: './auth.controller' }],
          appGuards: [{ text: 'throttler_1.ThrottlerGuard', limiter: true, validation: false }],
          appPipes: [],
        },
      ],
    });
  });

  it('leaves an app out when one of its modules cannot be followed (its APP_GUARDs are unknown)', () => {
    const summaries = new Map<string, NestFileSummary>([
      ['/p/main.ts', { bootstraps: [{ rootModule: { name: 'AppModule', from: './app.module' }, middleware: [], globalGuards: [], globalPipes: [], globalPrefix: '' }], modules: [], controllers: [] }],
      [
        '/p/app.module.ts',
        {
          bootstraps: [],
          modules: [{ name: 'AppModule', known: true, imports: [{ name: 'AuthModule', from: './auth.module' }], controllers: [{ name: 'C', from: null }], appGuards: [], appPipes: [] }],
          controllers: [{ name: 'C', routes: [{ method: 'post', path: '/login', guards: [], pipes: [], skipsThrottle: false, node: null as never }] }],
        },
      ],
    ]);
    const resolve = (from: string, specifier: string): string | null => {
      const target = `${path.posix.resolve(path.posix.dirname(from), specifier)}.ts`;
      return summaries.has(target) ? target : null;
    };
    expect(nestProjectRoutes(summaries, resolve)).toEqual([]);
    // once the module is known and registers ThrottlerGuard as APP_GUARD, the route is limited
    summaries.set('/p/auth.module.ts', {
      bootstraps: [],
      modules: [{ name: 'AuthModule', known: true, imports: [], controllers: [], appGuards: [{ text: 'ThrottlerGuard', limiter: true, validation: false }], appPipes: [] }],
      controllers: [],
    });
    expect(nestProjectRoutes(summaries, resolve).map((r) => [r.path, r.limited])).toEqual([['/login', true]]);
    // a limiter the bootstrap mounts with app.use limits every route too
    summaries.set('/p/auth.module.ts', {
      bootstraps: [],
      modules: [{ name: 'AuthModule', known: true, imports: [], controllers: [], appGuards: [], appPipes: [] }],
      controllers: [],
    });
    expect(nestProjectRoutes(summaries, resolve).map((r) => [r.path, r.limited])).toEqual([['/login', false]]);
    const main = summaries.get('/p/main.ts')!;
    summaries.set('/p/main.ts', { ...main, bootstraps: [{ ...main.bootstraps[0]!, middleware: [{ text: 'rateLimit()', limiter: true, validation: false }] }] });
    expect(nestProjectRoutes(summaries, resolve).map((r) => [r.path, r.limited])).toEqual([['/login', true]]);
  });
});
