// oxlint runs the plugin's JavaScript rules through `jsPlugins` (README, "oxlint"): the same findings (rule, file,
// line) as ESLint on the example apps, with the `recommended` and `strict` rule sets. Needs dist/ (`npm test` builds).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import plugin from '../src/index';
import { oxlintConfig, oxlintFindings } from '../scripts/oxlint.mjs';
// @ts-expect-error: a plain .mjs script without types
import { lintExample } from '../scripts/lint-examples.mjs';

const root = path.resolve(__dirname, '..');

type Finding = string;

async function eslintFindings(example: 'insecure' | 'hardened', config: 'recommended' | 'strict'): Promise<Finding[]> {
  const { results } = (await lintExample(example, config)) as {
    results: { filePath: string; messages: { ruleId: string | null; line: number }[] }[];
  };
  const jsRules = new Set(Object.keys(oxlintConfig(config).rules));
  return results
    .flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId !== null && jsRules.has(m.ruleId))
        .map((m) => `${m.ruleId} ${path.relative(path.join(root, 'examples', example), r.filePath).split(path.sep).join('/')}:${m.line}`),
    )
    .sort();
}

describe('oxlint runs the JavaScript rules like ESLint', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'secure-express-oxlint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const example of ['insecure', 'hardened'] as const) {
    for (const config of ['recommended', 'strict'] as const) {
      it(`finds the same problems in the ${example} example with ${config}`, async () => {
        const file = path.join(dir, `${example}-${config}.json`);
        writeFileSync(file, JSON.stringify(oxlintConfig(config)));
        const cwd = path.join(root, 'examples', example);
        const fromOxlint = oxlintFindings(file, cwd, ['.']);
        const fromEslint = await eslintFindings(example, config);
        expect(fromOxlint).toEqual(fromEslint);
        if (example === 'insecure') expect(fromEslint.length).toBeGreaterThan(10);
      }, 60_000);
    }
  }

  it('exits with an error, not silently, when a rule is unknown', () => {
    const file = path.join(dir, 'unknown.json');
    writeFileSync(file, JSON.stringify({ ...oxlintConfig('recommended'), rules: { 'secure-express/no-such-rule': 'error' } }));
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules/oxlint/bin/oxlint'), '-c', file, '.'], {
      cwd: path.join(root, 'examples/insecure'),
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
  }, 60_000);
});

describe('the README oxlint section', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## oxlint'), readme.indexOf('\n## ', readme.indexOf('## oxlint') + 1));

  it('shows the .oxlintrc.json of the JavaScript rules of recommended', () => {
    const block = /```json\n([\s\S]*?)\n```/u.exec(section)?.[1];
    expect(block).toBeDefined();
    const shown = JSON.parse(block!) as { jsPlugins: string[]; rules: Record<string, unknown> };
    expect(shown.jsPlugins).toEqual(['eslint-plugin-secure-express']);
    expect(shown.rules).toEqual(oxlintConfig('recommended').rules);
  });

  it('keeps ESLint for exactly the rules of the templates and package.json languages', () => {
    const eslintOnly = plugin.configs['recommended-all-files'].filter((block) => block.language !== undefined);
    const rules = eslintOnly.flatMap((block) => Object.keys(block.rules ?? {})).sort();
    const withLanguages = Object.entries(plugin.rules)
      .filter(([, rule]) => (rule.meta as { languages?: unknown }).languages)
      .map(([name]) => `secure-express/${name}`)
      .sort();
    expect(rules).toEqual(withLanguages);
    for (const id of rules) expect(section).toContain(id.slice('secure-express/'.length));
  });
});
