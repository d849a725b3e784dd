// Lists of strings written in a config module stand at the linted file's read (src/express/options.ts `standIn`).
// helmet's CSP directives written in a config module of the package (`helmet(config.helmet)`): a list of sources read
// across files stands at the linted file's read, as the module's scalar values do (src/express/options.ts `standIn`),
// so `no-unsafe-csp` reads `scriptSrc: ["'self'", "'unsafe-inline'"]` of config.js and reports at the read. A list
// with a value the model cannot read (a nonce function) stays unknown. CommonJS, ESM and TypeScript, both ways.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId!.slice('secure-express/'.length)} ${m.message}`;
const PACKAGE = '{ "name": "csp-elsewhere", "dependencies": { "express": "^4.21.0", "helmet": "^8.0.0" } }';
/** The messages, naming the file and line the directive is written at. */
const INLINE = (from: string): string => `CSP script-src (from ${from}) allows 'unsafe-inline' with no nonce or hash: any injected <script> or event handler runs, so the policy no longer stops XSS. Use nonces or hashes.`;
const EVAL = (from: string): string => `CSP script-src (from ${from}) allows 'unsafe-eval': injected strings can run as code through eval(), new Function() and string timers.`;

describe('CSP directives of another file of the package', () => {
  it('CommonJS: a config object read with helmet(config.helmet)', () => {
    const files = (sources: string): Record<string, string> => ({
      'package.json': PACKAGE,
      'config.js': `module.exports = { helmet: { contentSecurityPolicy: { directives: { scriptSrc: ${sources} } } } };\n`,
      'app.js': "const express = require('express');\nconst helmet = require('helmet');\nconst config = require('./config');\nconst app = express();\napp.use(helmet(config.helmet));\napp.listen(3000);\n",
    });
    const lint = (sources: string): string[] => {
      let found: string[] = [];
      withProject('csp-elsewhere', files(sources), (l) => (found = l('app.js')), { config: cjs, rules: /no-unsafe-csp/u, format });
      return found;
    };
    expect(lint(`["'self'", "'unsafe-inline'", "'unsafe-eval'"]`)).toEqual([`5:16 no-unsafe-csp ${INLINE('config.js:1')}`, `5:16 no-unsafe-csp ${EVAL('config.js:1')}`]);
    expect(lint(`["'self'", 'https://cdn.example.com']`)).toEqual([]);
    // A source the model cannot read: the list is unknown, and nothing is said.
    expect(lint(`["'self'", (req, res) => \`'nonce-\${res.locals.nonce}'\`, "'unsafe-inline'"]`)).toEqual([]);
  });

  it('ESM and TypeScript: the directives exported by name', () => {
    for (const [config, ext] of [[esm, 'mjs'], [ts, 'ts']] as const) {
      const files = (sources: string): Record<string, string> => ({
        'package.json': PACKAGE,
        [`csp.${ext}`]: `export const directives = { defaultSrc: ["'self'"], scriptSrc: ${sources} };\n`,
        [`app.${ext}`]: `import express from 'express';\nimport helmet from 'helmet';\nimport { directives } from './csp${ext === 'ts' ? '' : '.mjs'}';\nconst app = express();\napp.use(helmet({ contentSecurityPolicy: { directives } }));\napp.listen(3000);\n`,
      });
      const lint = (sources: string): string[] => {
        let found: string[] = [];
        withProject('csp-elsewhere', files(sources), (l) => (found = l(`app.${ext}`)), { config, rules: /no-unsafe-csp/u, format });
        return found;
      };
      expect(lint(`["'self'", "'unsafe-inline'"]`)).toEqual([`5:43 no-unsafe-csp ${INLINE(`csp.${ext}:1`)}`]);
      expect(lint(`["'self'", "'nonce-abc'", "'unsafe-inline'"]`)).toEqual([]);
    }
  });
});

describe('a list of secrets of another file', () => {
  it('is reported once where it is read, naming the file, with no suggestion (CommonJS and ESM)', () => {
    const cases = [
      {
        config: cjs,
        files: {
          'config.js': "module.exports = { secrets: ['kJ8#mQ2$vL9@xR4!nP7&', 'Zt5%wY3^bH6*cF1(gD0)'], names: ['alpha', 'beta'] };\n",
          'app.js': "const session = require('express-session');\nconst config = require('./config');\nmodule.exports = session({ name: 'sid', secret: config.secrets, store: config.store });\n",
        },
        app: 'app.js',
        at: '3:49',
        clean: "module.exports = { secrets: [process.env.S1, process.env.S2] };\n",
      },
      {
        config: esm,
        files: {
          'config.mjs': "export const secrets = ['kJ8#mQ2$vL9@xR4!nP7&', 'Zt5%wY3^bH6*cF1(gD0)'];\n",
          'app.mjs': "import session from 'express-session';\nimport { secrets } from './config.mjs';\nexport default session({ name: 'sid', secret: secrets, store: globalThis.store });\n",
        },
        app: 'app.mjs',
        at: '3:47',
        clean: "export const secrets = [process.env.S1, process.env.S2];\n",
      },
    ] as const;
    for (const { config, files, app, at, clean } of cases) {
      const configFile = Object.keys(files).find((name) => name.startsWith('config'))!;
      const lint = (text: string): Linter.LintMessage[] => {
        let found: Linter.LintMessage[] = [];
        withProject(
          'secrets-elsewhere',
          { 'package.json': '{ "name": "secrets-elsewhere", "dependencies": { "express": "^4.21.0", "express-session": "^1.18.0" } }', ...files, [configFile]: text },
          (l) => (found = l(app) as unknown as Linter.LintMessage[]),
          { config, rules: /no-hardcoded-secrets/u, format: (m) => m as unknown as string },
        );
        return found;
      };
      const found = lint(files[configFile as keyof typeof files]);
      expect(found.map((m) => `${m.line}:${m.column} ${m.message.split(':')[0]}`)).toEqual([`${at} Hardcoded express-session secret (from ${configFile}`]);
      expect(found[0]!.suggestions ?? []).toEqual([]);
      expect(lint(clean)).toEqual([]);
    }
  });
});
