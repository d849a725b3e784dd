// Running the plugin's JavaScript rules under oxlint (`jsPlugins`), for the parity test, the corpus check and the
// benchmark. `oxlintConfig(config)` is the `.oxlintrc.json` the README shows, with the rules of the given shipped
// config (the templates and package.json languages stay with ESLint).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const OXLINT_BIN = path.join(root, 'node_modules/oxlint/bin/oxlint');
const PLUGIN = path.join(root, 'dist/index.js');

/**
 * The oxlint configuration that runs the rules of `plugin.configs[config]` for script files: no oxlint rule of
 * its own (so only the plugin reports), the plugin loaded from dist/ as a JS plugin.
 * @param {'recommended' | 'strict'} config
 */
export function oxlintConfig(config) {
  const plugin = require(PLUGIN);
  const rules = {};
  for (const block of plugin.configs[config]) {
    if (block.language) continue; // templates, package.json: ESLint languages that oxlint does not have
    for (const [id, setting] of Object.entries(block.rules ?? {})) {
      const rule = plugin.rules[id.slice(id.indexOf('/') + 1)];
      if (rule?.meta?.languages) continue;
      rules[id] = setting;
    }
  }
  return { plugins: [], categories: { correctness: 'off' }, jsPlugins: [PLUGIN], rules };
}

/**
 * Runs oxlint with `configFile` in `cwd` on `paths` and returns its findings as sorted `rule file:line` strings
 * (files relative to `cwd`), parse errors left out. Throws when oxlint fails to run.
 */
export function oxlintFindings(configFile, cwd, paths) {
  const run = spawnSync(process.execPath, [OXLINT_BIN, '-c', configFile, '--format', 'json', ...paths], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`oxlint failed (exit ${run.status}): ${run.stderr || run.stdout}`);
  }
  // Parse errors have no rule code (ESLint reports them as fatal messages without a rule id): left out, as there.
  return report.diagnostics
    .map((d) => ({ d, match: /^(.+)\((.+)\)$/u.exec(d.code ?? '') }))
    .filter(({ match }) => match)
    .map(({ d, match }) => `${match[1]}/${match[2]} ${d.filename.split(path.sep).join('/')}:${d.labels?.[0]?.span?.line ?? 0}`)
    .sort();
}
