// `npm run build`: the plugin's JavaScript is one file, dist/plugin.js (CommonJS), bundled from src/index.ts by
// rolldown, and its loader, dist/index.js (what `main` names), from src/load.ts: it runs the plugin with a V8 code cache
// of its own code (bench/speed-analysis.md, session 26). `tsc -p tsconfig.build.json --emitDeclarationOnly` writes the
// declarations beside them (dist/index.d.ts: the plugin's types, which the loader's value is). One file instead of
// tsc's 116 modules makes every process that loads the plugin cheaper (no module lookups, no CommonJS wrappers and
// interop helpers between our own modules): session 25, measured by `npm run count`. The code is not minified, so
// stack traces keep our names and readable lines. Two builds, so that neither file requires a chunk shared with the
// other.
import { defineConfig } from 'rolldown';

const common = {
  platform: 'node',
  transform: { target: 'es2022' },
};
const output = {
  format: 'cjs',
  strict: true,
  comments: { legal: false, annotation: false, jsdoc: false },
};

export default defineConfig([
  {
    ...common,
    input: 'src/index.ts',
    // Every installed package stays a require() of its own, resolved from the user's node_modules; so does our
    // package.json (src/meta.ts reads the name and version of the installed manifest).
    external: [/^[^./]/u, '../package.json'],
    output: { ...output, file: 'dist/plugin.js' },
  },
  {
    ...common,
    input: 'src/load.ts',
    // The plugin is read and compiled by the loader; `require('./plugin.js')` is its fallback.
    external: [/^[^./]/u, './plugin.js'],
    output: { ...output, file: 'dist/index.js' },
  },
]);
