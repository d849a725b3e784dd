// `instanceUses` (src/express/instance-apps.ts): the reads and writes of `this.<key>` in a class's instance code, read
// from one walk of the class for every key (a Nest service is asked it of each service its constructor is given). The
// answers per key are those of a walk for that key alone: asked in any order, several keys of one class, `null` for
// every key once `this` is handed out or read by a computed key anywhere in that code.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { instanceUses } from '../../src/express/instance-apps';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The classes of `text` (by name) and the file's visitor keys, from ESLint's parse (TypeScript or CommonJS). */
function classesOf(text: string, typescript: boolean): { classes: Map<string, ClassNode>; keys: TSESLint.SourceCode['visitorKeys'] } {
  const classes = new Map<string, ClassNode>();
  let keys: TSESLint.SourceCode['visitorKeys'] | undefined;
  const rule: TSESLint.RuleModule<string> = {
    meta: { type: 'problem', schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      keys = context.sourceCode.visitorKeys;
      return {
        ClassDeclaration(node) {
          if (node.id) classes.set(node.id.name, node);
        },
      };
    },
  };
  const messages = new Linter().verify(
    text,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: typescript ? { parser: tsParser as Linter.Parser, sourceType: 'module' } : { sourceType: 'commonjs' },
        plugins: { test: { rules: { capture: rule as never } } },
        rules: { 'test/capture': 'error' },
      },
    ],
    typescript ? 'service.ts' : 'service.js',
  );
  expect(messages).toEqual([]);
  return { classes, keys: keys! };
}

/** Each use as `read`/`write` and the text of the node (a field's first line for its declaration). */
function describeUses(text: string, uses: ReturnType<typeof instanceUses>): { reads: string[]; writes: string[] } | null {
  if (!uses) return null;
  const show = (node: TSESTree.Node): string => text.slice(node.range[0], node.range[1]).split('\n')[0]!;
  return { reads: uses.reads.map(show), writes: uses.writes.map(show) };
}

const SERVICE = [
  'class AuthService {',
  '  static cache = this.other;',
  '  limit = 5;',
  '  constructor(users, tokens) {',
  '    this.users = users;',
  '    this.tokens = tokens;',
  '  }',
  '  signIn(input) {',
  '    const user = this.users.find(input.email);',
  '    const later = function () { return this.users; };',
  '    const arrow = () => this.tokens.sign(user, this.limit);',
  '    this.limit++;',
  '    return arrow();',
  '  }',
  '  static make() { return this.users; }',
  '}',
  'class Leaky {',
  '  constructor(users) { this.users = users; }',
  '  register(registry) { registry.add(this); return this.users; }',
  '}',
  'class Computed {',
  '  constructor(users) { this.users = users; }',
  '  get(name) { return this[name]; }',
  '}',
  'module.exports = { AuthService, Leaky, Computed };',
].join('\n');

describe('instanceUses', () => {
  it('gives each key its own reads and writes, in the order the class shows them, asked in any order (CommonJS)', () => {
    const { classes, keys } = classesOf(SERVICE, false);
    const service = classes.get('AuthService')!;
    const expected = {
      tokens: { reads: ['this.tokens'], writes: ['this.tokens'] },
      users: { reads: ['this.users'], writes: ['this.users'] },
      limit: { reads: ['this.limit'], writes: ['limit = 5;', 'this.limit'] },
      missing: { reads: [], writes: [] },
    };
    for (const order of [['tokens', 'users', 'limit', 'missing'], ['missing', 'limit', 'users', 'tokens']]) {
      for (const key of order) expect([key, describeUses(SERVICE, instanceUses(service, key, keys))]).toEqual([key, expected[key as keyof typeof expected]]);
    }
    // (A function's own `this` and the static members are not the instance's: `later`'s and `make`'s reads are not counted.)
    expect(instanceUses(service, 'users', keys)!.reads).toHaveLength(1);
  });

  it('is null for every key of a class that hands `this` out or reads it by a computed key, and without visitor keys', () => {
    const { classes, keys } = classesOf(SERVICE, false);
    for (const name of ['Leaky', 'Computed']) {
      for (const key of ['users', 'other']) expect([name, key, instanceUses(classes.get(name)!, key, keys)]).toEqual([name, key, null]);
    }
    expect(instanceUses(classes.get('AuthService')!, 'users', undefined)).toBeNull();
  });

  it('reads a NestJS service with parameter properties and fields (TypeScript)', () => {
    const text = [
      "import { Injectable } from '@nestjs/common';",
      "import { UserService } from './user.service';",
      '@Injectable()',
      'export class AuthService {',
      '  private readonly attempts: Map<string, number> = new Map();',
      '  constructor(private readonly users: UserService, protected tokens: TokenService) {}',
      '  async signIn(email: string): Promise<string> {',
      '    const user = await this.users.findByEmail(email);',
      '    this.attempts.set(email, (this.attempts.get(email) ?? 0) + 1);',
      '    return this.tokens.sign(user);',
      '  }',
      '}',
    ].join('\n');
    const { classes, keys } = classesOf(text, true);
    const service = classes.get('AuthService')!;
    expect(describeUses(text, instanceUses(service, 'users', keys))).toEqual({ reads: ['this.users'], writes: [] });
    expect(describeUses(text, instanceUses(service, 'attempts', keys))).toEqual({
      reads: ['this.attempts', 'this.attempts'],
      writes: ['private readonly attempts: Map<string, number> = new Map();'],
    });
    expect(describeUses(text, instanceUses(service, 'tokens', keys))).toEqual({ reads: ['this.tokens'], writes: [] });
  });
});
