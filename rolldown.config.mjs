// `npm run build`: the plugin's JavaScript is one file, dist/index.js (CommonJS, what `main` names), bundled from
// src/ by rolldown; `tsc -p tsconfig.build.json --emitDeclarationOnly` writes the declarations beside it. One file
// instead of tsc's 116 modules makes every process that loads the plugin cheaper (no module lookups, no CommonJS
// wrappers and interop helpers between our own modules): bench/speed-analysis.md, session 25, measured by
// `npm run count`. The code is not minified, so stack traces keep our names and readable lines.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'src/index.ts',
  platform: 'node',
  // Every installed package stays a require() of its own, resolved from the user's node_modules; so does our
  // package.json (src/meta.ts reads the name and version of the installed manifest).
  external: [/^[^./]/u, '../package.json'],
  transform: { target: 'es2022' },
  output: {
    file: 'dist/index.js',
    format: 'cjs',
    strict: true,
    comments: { legal: false, annotation: false, jsdoc: false },
  },
});
