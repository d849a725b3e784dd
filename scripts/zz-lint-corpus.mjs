// Lints the corpus with CORPUS_MODE (recommended|strict) using the plugin in PLUGIN_ROOT's dist; prints JSON findings.
import { ESLint } from 'eslint';
import path from 'node:path';
const root = process.argv[2];
const mode = process.argv[3] ?? 'recommended';
process.env.CORPUS_MODE = mode;
const lib = await import(path.join(root, 'scripts/corpus/lib.mjs'));
const eslint = new ESLint({ cwd: lib.SRC, overrideConfigFile: lib.CONFIG_FILE, concurrency: 'off' });
const results = await eslint.lintFiles(['.']);
const out = [];
for (const r of results) for (const m of r.messages) if (m.ruleId?.startsWith('secure-express/')) out.push({ rule: m.ruleId, file: path.relative(lib.SRC, r.filePath), line: m.line, column: m.column, message: m.message });
console.log(JSON.stringify(out, null, 1));
