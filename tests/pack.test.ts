import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The package as users get it: `npm pack` from a clean checkout (no dist/), the tarball installed into a fresh
// `npm init -y` project (`"type": "commonjs"`) with eslint and @eslint/js, and the README's setup pasted in as is.
// npm reads its cache first (--prefer-offline); the registry is only asked for what the cache lacks.
const root = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const versionOf = (name: string) =>
  (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** The README's code block that starts with `// <file name>` (the first one unless `nth` says otherwise). */
function readmeBlock(fileName: string, nth = 0): string {
  const blocks = [...readme.matchAll(/```(?:js|ts)\n(\/\/ ([^\n]+)\n[\s\S]*?)```/gu)].filter((m) => m[2] === fileName);
  if (!blocks[nth]) throw new Error(`README has no block for ${fileName} (#${nth})`);
  return blocks[nth][1]!;
}

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_prefer_offline: 'true' },
  });

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; fatal?: boolean; message: string }[];
}

let dir: string;
let project: string;
let packed: { filename: string; files: { path: string }[] };

/** Runs the project's own ESLint CLI with the JSON formatter and lists `file:line rule` findings. */
function lintProject(): string[] {
  let output: string;
  try {
    output = execFileSync(process.execPath, ['node_modules/eslint/bin/eslint.js', '--format', 'json', '.'], {
      cwd: project,
      encoding: 'utf8',
    });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(output) as Result[])
    .flatMap((r) => r.messages.map((m) => `${path.relative(project, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`))
    .sort();
}

/** The 1-based line of the project file where `text` first occurs. */
const lineOf = (file: string, text: string) =>
  readFileSync(path.join(project, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;

function useConfig(fileName: string, text: string): void {
  for (const name of ['eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.js']) rmSync(path.join(project, name), { force: true });
  writeFileSync(path.join(project, fileName), text);
}

beforeAll(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'secure-express-pack-')));
  // A clean checkout: the files git knows (tracked or not ignored), no dist/.
  const checkout = path.join(dir, 'checkout');
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  for (const file of listed.split('\0').filter(Boolean)) {
    mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(checkout, file));
  }
  symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(checkout, 'node_modules'), 'dir');
  [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], checkout)) as [typeof packed];

  project = path.join(dir, 'project');
  mkdirSync(project);
  npm(['init', '-y'], project);
  npm(
    [
      'install',
      '--save-dev',
      path.join(dir, packed.filename),
      `eslint@${versionOf('eslint')}`,
      `@eslint/js@${versionOf('@eslint/js')}`,
    ],
    project,
  );
  mkdirSync(path.join(project, 'views'));
  mkdirSync(path.join(project, 'test'));
  writeFileSync(
    path.join(project, 'server.js'),
    "const express = require('express');\n\nconst app = express();\n\napp.get('/', (req, res) => {\n  res.send('hello');\n});\n\napp.listen(3000);\n",
  );
  writeFileSync(
    path.join(project, 'test/app.test.js'),
    "const express = require('express');\n\nconst app = express();\napp.get('/next', (req, res) => res.redirect(req.query.next));\napp.listen(0);\n",
  );
  writeFileSync(path.join(project, 'views/profile.ejs'), '<p><%- user.bio %></p>\n');
  const manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ ...manifest, dependencies: { express: '4.17.1' } }, null, 2));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('npm pack from a clean checkout builds and ships the code, the types, the docs and the LICENSE', () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/plugin.js', 'dist/index.d.ts', 'LICENSE', 'README.md', 'package.json']));
    expect(files).toContain('docs/rules/require-helmet.md');
    expect(files.filter((f) => !/^(dist|docs)\//u.test(f)).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(readFileSync(path.join(project, 'node_modules/eslint-plugin-secure-express/LICENSE'), 'utf8')).toContain(
      'Copyright (c) 2026 eslint-plugin-secure-express contributors',
    );
  });

  it('lints a file through the installed tarball', () => {
    useConfig(
      'eslint.config.mjs',
      "import secureExpress from 'eslint-plugin-secure-express';\nexport default [...secureExpress.configs.recommended];\n",
    );
    const findings = [
      'server.js:3 secure-express/disable-x-powered-by',
      'server.js:3 secure-express/require-helmet',
      'test/app.test.js:4 secure-express/no-open-redirect',
    ];
    const cache = path.join(project, 'node_modules/.cache/eslint-plugin-secure-express');
    rmSync(cache, { recursive: true, force: true });
    expect(lintProject()).toEqual(findings);
    // The plugin's code cache (src/load.ts), written by that first run in the project's node_modules/.cache, read by
    // the next one: the same findings.
    const written = readdirSync(cache).filter((name) => name.endsWith('.v8cache'));
    expect(written).toHaveLength(1);
    const before = statSync(path.join(cache, written[0]!)).mtimeMs;
    expect(lintProject()).toEqual(findings);
    expect(readdirSync(cache).filter((name) => name.endsWith('.v8cache'))).toEqual(written);
    expect(statSync(path.join(cache, written[0]!)).mtimeMs).toBe(before);
  });
});

describe("the README's setup pasted into a fresh npm init -y project", () => {
  const scripts = [
    'server.js:3 secure-express/disable-x-powered-by',
    'server.js:3 secure-express/require-helmet',
    'test/app.test.js:4 secure-express/no-open-redirect',
  ];

  it('eslint.config.mjs (the first setup) runs in the "type": "commonjs" project', () => {
    expect(JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'))).toMatchObject({ type: 'commonjs' });
    useConfig('eslint.config.mjs', readmeBlock('eslint.config.mjs'));
    // the README's per-rule override turns require-helmet off
    expect(lintProject()).toEqual(scripts.filter((line) => !line.endsWith('require-helmet')));
  });

  it('eslint.config.cjs runs', () => {
    useConfig('eslint.config.cjs', readmeBlock('eslint.config.cjs'));
    expect(lintProject()).toEqual(scripts);
  });

  it('the opt-in recommended-all-files setup with files on the base configs lints templates and package.json', () => {
    useConfig('eslint.config.mjs', readmeBlock('eslint.config.mjs', 1));
    expect(lintProject()).toEqual(
      [
        ...scripts,
        `package.json:${lineOf('package.json', '"express"')} secure-express/no-vulnerable-express-version`,
        'views/profile.ejs:1 secure-express/no-unescaped-template-output',
      ].sort(),
    );
  });
});
