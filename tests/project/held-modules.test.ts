// The project model reads a linted file through ESLint's own parse, held weakly (src/project/index.ts, `register`); a
// NestJS module's parse is held strongly: the module graph of every controller's app reads it (`nestAppsOf`), and an
// app's root module is usually linted before any controller. Without it the module was parsed again once the weak hold
// was let go (nest-server's 32 KB `core.module.ts`, linted second and read by the 27th whole-app lint).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index';
import { parseCounts } from '../../src/project';
import { NEST_MODULE } from '../../src/project/scan';
import { collect } from '../helpers/gc';
import { withFixtureCopy } from '../helpers/projects';

const config = [...plugin.configs.recommended, { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } }] as Linter.Config[];

function lintFile(linter: Linter, file: string): string[] {
  return linter.verify(readFileSync(file, 'utf8'), config, { filename: file }).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
}

/** A copy of the nest-login fixture whose module also mounts middleware (a sign that starts the whole-app walk). */
function inCopy(fn: (dir: string) => Promise<void>): Promise<void> {
  return withFixtureCopy(
    'nest-login',
    {
      'src/app.module.ts': (text) =>
        text
          .replace("import { Module } from '@nestjs/common';", "import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';\nimport express from 'express';")
          .replace('export class AppModule {}', "export class AppModule implements NestModule {\n  configure(consumer: MiddlewareConsumer) {\n    consumer.apply(express.json()).forRoutes('*');\n  }\n}"),
      // (A file linted last before the collection: ESLint's `Linter` keeps the last `SourceCode` it made.)
      'src/version.ts': "export const VERSION = '1.0.0';\n",
    },
    fn,
  );
}

describe('a NestJS module linted before the controllers is held for them', () => {
  /** Lints `first`, then a file that needs nothing, lets V8 collect, then lints the controller: its findings and what was parsed. */
  async function afterCollection(first: string): Promise<{ findings: string[]; parsed: string[] }> {
    let result = { findings: [] as string[], parsed: [] as string[] };
    await inCopy(async (dir) => {
      const linter = new Linter({ cwd: dir });
      lintFile(linter, path.join(dir, first));
      lintFile(linter, path.join(dir, 'src/version.ts'));
      await collect();
      const findings = lintFile(linter, path.join(dir, 'src/auth.controller.ts'));
      result = { findings, parsed: [...parseCounts().keys()].filter((file) => file.startsWith(dir)).map((file) => path.relative(dir, file)) };
    });
    return result;
  }

  async function fresh(): Promise<string[]> {
    let findings: string[] = [];
    await inCopy(async (dir) => {
      findings = lintFile(new Linter({ cwd: dir }), path.join(dir, 'src/auth.controller.ts'));
      expect([...parseCounts().keys()]).toContain(path.join(dir, 'src/app.module.ts'));
    });
    return findings;
  }

  it('app.module.ts linted first is read through its lint after a collection, not parsed again', async () => {
    const { findings, parsed } = await afterCollection('src/app.module.ts');
    expect(parsed).not.toContain('src/app.module.ts');
    expect(parsed).toContain('src/main.ts');
    expect(findings).toEqual(await fresh());
    // The login route without a limiter: found through the module graph from the bootstrap.
    expect(findings.some((finding) => finding.endsWith('secure-express/require-rate-limit'))).toBe(true);
  });

  it('main.ts (a bootstrap, no module) linted first is held weakly: let go by the collection and parsed again', async () => {
    const { findings, parsed } = await afterCollection('src/main.ts');
    expect(parsed).toContain('src/main.ts');
    expect(findings).toEqual(await fresh());
  });
});

describe('NEST_MODULE', () => {
  it('matches a module decorator, as written and as tsc compiles it', () => {
    expect(NEST_MODULE.test('@Module({\n  imports: [],\n})\nexport class AppModule {}')).toBe(true);
    expect(NEST_MODULE.test('export class A {}\n  @Module({ controllers: [A] })\nclass M {}')).toBe(true);
    expect(NEST_MODULE.test('AppModule = __decorate([\n    (0, common_1.Module)({ imports: [] })\n], AppModule);')).toBe(true);
  });

  it('does not match the word in a comment, a string or another decorator', () => {
    expect(NEST_MODULE.test('/**\n * Use it in @Module({ imports: [...] })\n */')).toBe(false);
    expect(NEST_MODULE.test("const text = 'see @Module(';")).toBe(false);
    expect(NEST_MODULE.test('@Controller()\nexport class C {}\n@Global()\nexport class G {}')).toBe(false);
    expect(NEST_MODULE.test('const m = new Module();')).toBe(false);
  });
});
