// A parse the whole-app model keeps for ESLint's lint of a file later in the run gets its parents from ESLint's own
// traversal (`SourceCode#traverse`, whose steps ESLint caches and its lint of the file reuses), where the project walked
// the tree once to set them and ESLint walked it again (src/project/parse.ts, `traversedForESLint`). A file ESLint has
// parsed already, and any file read by a run's first lint, still gets the project's own walk: ESLint would not reuse
// the steps. ESLint 10 and 9; CommonJS, ESM and TS.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import plugin from '../../src/index';
import { parseCounts } from '../../src/project';
import { sharedParseCount } from '../../src/project/shared-parses';
import { withFixtureCopy } from '../helpers/projects';

const load = createRequire(__filename);

interface TraverserClass {
  traverse(ast: unknown, options: unknown): void;
}

/** ESLint's `Traverser` (lib/shared/traverser.js) of the ESLint whose entry is `entry`: what `SourceCode#traverse` walks with. */
function traverserOf(entry: string): TraverserClass {
  return load(path.join(path.dirname(load.resolve(entry)), 'shared', 'traverser.js')) as TraverserClass;
}

type MakeESLint = (options: { cwd: string; overrideConfigFile: true; overrideConfig: Linter.Config[] }) => { lintText(text: string, options: { filePath: string }): Promise<{ messages: Linter.LintMessage[] }[]> };

const ESLINTS: [string, string, MakeESLint][] = [
  ['ESLint 10', 'eslint', (options) => new ESLint(options as ESLint.Options)],
  ['ESLint 9', 'eslint-v9', (options) => new ESLint9(options as never) as never],
];

const STYLES = [
  { style: 'CommonJS', dir: 'traversal-cjs', ext: '.js', options: { sourceType: 'commonjs' } as Linter.Config['languageOptions'] },
  { style: 'ESM', dir: 'traversal-esm', ext: '.js', options: { sourceType: 'module' } as Linter.Config['languageOptions'] },
  { style: 'TS', dir: 'traversal-ts', ext: '.ts', options: { parser: tsParser as Linter.Parser } as Linter.Config['languageOptions'] },
];

/** The lint order: `a` (a run's first lint), `format` (no sign of Express), `app` (reads `users` and `format`), `users`. */
const ORDER = ['a', 'format', 'app', 'users'];

/** What a run of lints of the fixture showed: the traversals and lint ends in order, each by file, and the messages. */
interface Run {
  events: string[];
  messages: Record<string, string[]>;
  handed: number;
  /** The files the project parsed on its own (not read through ESLint's lint of them). */
  parsed: string[];
}

describe.each(ESLINTS)('the traversal of a parse kept for %s', (_, entry, make) => {
  const traverser = traverserOf(entry);
  const original = traverser.traverse;
  let walked: unknown[] = [];
  let events: { ast: unknown; kind: 'traversed' | 'linted' }[] = [];
  beforeEach(() => {
    walked = [];
    events = [];
    traverser.traverse = function traverse(this: unknown, ast: unknown, options: unknown): void {
      walked.push(ast);
      events.push({ ast, kind: 'traversed' });
      original.call(this, ast, options);
    };
  });
  afterEach(() => {
    traverser.traverse = original;
  });

  /** Lints the fixture's files in `ORDER` with one ESLint, as its command line goes through a package. */
  async function lintRun(root: string, ext: string, languageOptions: Linter.Config['languageOptions'], settings: Record<string, unknown>): Promise<Run> {
    const files = new Map<unknown, string>();
    // (Last in the config: its `Program:exit` runs after the plugin's rules, which read the other files.)
    const probe = {
      create: (context: { sourceCode: { ast: unknown }; filename: string }) => {
        files.set(context.sourceCode.ast, path.basename(context.filename, ext));
        return { 'Program:exit': () => events.push({ ast: context.sourceCode.ast, kind: 'linted' }) };
      },
    };
    const config: Linter.Config[] = [
      ...(plugin.configs.recommended as Linter.Config[]),
      { files: [`**/*${ext}`], languageOptions, rules: { 'no-unreachable': 'error', 'no-fallthrough': 'error', 'consistent-return': 'error', 'no-unused-vars': 'error' } },
      { files: [`**/*${ext}`], plugins: { probe: { rules: { order: probe } } }, rules: { 'probe/order': 'error' } },
      { settings: { 'secure-express': settings } },
    ];
    const eslint = make({ cwd: root, overrideConfigFile: true, overrideConfig: config });
    const before = sharedParseCount();
    const messages: Record<string, string[]> = {};
    for (const name of ORDER) {
      const file = path.join(root, `${name}${ext}`);
      const [result] = await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file });
      messages[name] = result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    const parsed = ORDER.filter((name) => parseCounts().has(path.join(root, `${name}${ext}`)));
    return { events: events.map((e) => `${e.kind} ${files.get(e.ast) ?? '?'}`), messages, handed: sharedParseCount() - before, parsed };
  }

  // (Each in a copy of its own: the project keeps what it read of a path for the process.)
  it.each(STYLES)('$style: the parse of a file linted later is walked once, by ESLint, while the file that reads it is linted', async ({ dir, ext, options }) => {
    const run = await withFixtureCopy(dir, {}, (root) => lintRun(root, ext, options, {}));
    // users is traversed while app is linted (the project read it), and not again when it is linted: ESLint reused
    // the steps. format, which ESLint linted before app read it, is walked by ESLint at its own lint only.
    expect(run.events).toEqual(['traversed a', 'linted a', 'traversed format', 'linted format', 'traversed app', 'traversed users', 'linted app', 'linted users']);
    expect(run.parsed).toEqual(['format', 'users']);
    expect(run.handed).toBe(1);
    expect(walked).toHaveLength(ORDER.length);
    // The lint of users with the handed parse and its early steps reports what ESLint's own parse gives: code-path
    // rules (an unreachable statement) included.
    walked = [];
    events = [];
    const own = await withFixtureCopy(dir, {}, (root) => lintRun(root, ext, options, { shareParses: false }));
    expect(own.handed).toBe(0);
    expect(own.events).toEqual(['traversed a', 'linted a', 'traversed format', 'linted format', 'traversed app', 'linted app', 'traversed users', 'linted users']);
    expect(run.messages).toEqual(own.messages);
    expect(run.messages.users!.some((m) => m.includes('no-unreachable'))).toBe(true);
    expect(run.messages.app!.length).toBeGreaterThan(0);
  });

  it.each(STYLES)("$style: a file read by a run's first lint is walked by the project, then by ESLint at its own lint", async ({ dir, ext, options }) => {
    await withFixtureCopy(dir, {}, async (root) => {
      const eslint = make({
        cwd: root,
        overrideConfigFile: true,
        overrideConfig: [...(plugin.configs.recommended as Linter.Config[]), { files: [`**/*${ext}`], languageOptions: options }] as Linter.Config[],
      });
      // (app first: the first lint of a run, which may be the only one, and which ESLint's traversal of users would
      // then cost the code-path analysis for nothing.)
      const app = path.join(root, `app${ext}`);
      await eslint.lintText(readFileSync(app, 'utf8'), { filePath: app });
      const users = path.join(root, `users${ext}`);
      expect(parseCounts().has(users)).toBe(true);
      expect(walked).toHaveLength(1);
      await eslint.lintText(readFileSync(users, 'utf8'), { filePath: users });
      expect(walked).toHaveLength(2);
    });
  });
});
