// `npm run corpus:findings -- <mode>`: the findings of our rules on the corpus under one config of
// scripts/corpus/lib.mjs (`recommended-all-files`, `strict-all-files`, ...), one line each (rule, file:line,
// message), over the files `npm run test:corpus` lints (the manifest's files and the packages' package.json files).
// bench/review-recommended.md compares `recommended-all-files` with `strict-all-files` this way.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';

import { CONFIG_FILE, MODES, readManifest, SRC } from './corpus/lib.mjs';

const mode = process.argv[2] ?? 'recommended-all-files';
if (!MODES.includes(mode)) throw new Error(`Unknown corpus mode '${mode}' (one of ${MODES.join(', ')}).`);
process.env.CORPUS_MODE = mode;
const eslint = new ESLint({ cwd: SRC, overrideConfigFile: CONFIG_FILE });
const lines = [];
for (const pkg of readManifest().packages) {
  const id = `${pkg.name}@${pkg.version}`;
  const packageJsons = readdirSync(path.join(SRC, id), { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.split('/').at(-1) === 'package.json' && !f.split('/').includes('node_modules'))
    .map((f) => `${id}/${f}`);
  for (const rel of [...pkg.files.map((f) => f.path), ...packageJsons]) {
    const file = path.join(SRC, rel);
    const [result] = await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file });
    for (const m of result.messages) {
      if (m.ruleId?.startsWith('secure-express/')) lines.push(`${m.ruleId}\t${rel}:${m.line}\t${m.message}`);
    }
  }
}
process.stdout.write(lines.sort().join('\n') + (lines.length ? '\n' : ''));
process.stderr.write(`${mode}: ${lines.length} findings\n`);
