import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Types for users' eslint.config.ts: `plugins: { 'secure-express': secureExpress }` and the configs spread or put in
// `extends` inside `defineConfig` (eslint/config) type-check under `tsc --strict`, against the built
// dist/index.d.ts (npm test builds first), with ESLint 10's types and with ESLint 9's.
const root = path.resolve(__dirname, '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const fixtures = path.join(root, 'tests/fixtures/types');

function typeCheck(tsconfig: string): { ok: boolean; output: string } {
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(fixtures, tsconfig)], { cwd: root, encoding: 'utf8' });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout) };
  }
}

describe('types of the plugin in eslint.config.ts', () => {
  it('type-checks defineConfig with the plugin and every config, with ESLint 10 types', () => {
    expect(typeCheck('tsconfig.json')).toEqual({ ok: true, output: '' });
  });

  it('type-checks defineConfig with the plugin and every config, with ESLint 9 types', () => {
    expect(typeCheck('tsconfig.eslint9.json')).toEqual({ ok: true, output: '' });
  });

  it("type-checks the README's eslint.config.ts", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /```ts\n(\/\/ eslint\.config\.ts\n[\s\S]*?)```/u.exec(readme)?.[1];
    expect(block).toContain('defineConfig');
    // written next to the fixtures (git ignores it), so that it resolves the same packages
    const file = path.join(fixtures, 'readme.config.ts');
    writeFileSync(file, block!);
    try {
      expect(typeCheck('tsconfig.readme.json')).toEqual({ ok: true, output: '' });
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('reports a config that is not well-typed (the check can fail)', () => {
    const { ok, output } = typeCheck('tsconfig.wrong.json');
    expect(ok).toBe(false);
    expect(output).toMatch(/wrong\.config\.ts\(5,\d+\): error TS2322/u);
  });
});
