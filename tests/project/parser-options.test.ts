// The whole-app model calls ESLint's parser with the options ESLint's own language gives it, and with no others: a
// parse with options of another shape (`{ ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true }`) made
// V8 compile espree's hottest functions again, for both shapes, for the rest of the process (bench/speed-analysis.md,
// session 37). `canParse` does not probe a parser ESLint's language parsed the linted file with (`parsedInEslint`), and
// the probe of eslint-scope's analysis (`differs` in src/project/shared-parses.ts) is parsed by that language. A parser
// ESLint did not parse with is still probed, and one whose parse throws (oxlint's `jsPlugins`) still cannot parse.
import { createRequire } from 'node:module';
import path from 'node:path';

import type { Linter } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { canParse, parsedInEslint } from '../../src/project/parse';
import { cjs, esm, withProject } from './fixture-project';

type Parse = (text: string, options: Record<string, unknown>) => unknown;
/** The espree ESLint parses with by default (its `languageOptions.parser`). */
const espree = createRequire(path.join(__dirname, '../../node_modules/eslint/package.json'))('espree') as { parse: Parse };

/** Records every call of espree's `parse` (ESLint's and the plugin's): the text and the keys of its options, in order. */
function recordParses(): { text: string; keys: string }[] {
  const calls: { text: string; keys: string }[] = [];
  const parse = espree.parse.bind(espree);
  vi.spyOn(espree, 'parse').mockImplementation((text: string, options: Record<string, unknown>) => {
    calls.push({ text, keys: Object.keys(options).join(',') });
    return parse(text, options);
  });
  return calls;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the parser called with the options of ESLint’s own parse only', () => {
  it('CommonJS: ESLint’s parse and the project’s parses of other files; no probe of an empty program', () => {
    const files = {
      'package.json': '{ "name": "parser-options", "main": "app.js", "dependencies": { "express": "^4.21.2" } }',
      'app.js': "const express = require('express');\nconst routes = require('./routes');\n\nconst app = express();\napp.use('/api', routes);\napp.listen(3000);\n",
      'routes.js': "const { Router } = require('express');\n\nconst router = Router();\nrouter.get('/items/:id', (req, res) => res.redirect(req.query.next));\nmodule.exports = router;\n",
    };
    const calls = recordParses();
    withProject(
      'parser-options',
      files,
      (lint) => {
        expect(lint('app.js')).toContain('4:13 secure-express/require-helmet');
        expect(lint('routes.js')).toContain('4:53 secure-express/no-open-redirect');
      },
      { config: cjs },
    );
    expect(calls.some((call) => call.text === files['routes.js'])).toBe(true);
    expect(calls.filter((call) => call.text === '')).toEqual([]);
    expect(new Set(calls.map((call) => call.keys)).size).toBe(1);
  });

  it('ES modules: the probe of the scope analysis (a file with `import()` options) is parsed as ESLint parses', () => {
    const lazy = "import { Router } from 'express';\n\nconst router = Router();\nrouter.get('/data', async (req, res) => res.json(await import('./data.json', { with: { type: req.query.kind } })));\nexport default router;\n";
    const files = {
      'package.json': '{ "name": "parser-options-esm", "type": "module", "main": "app.mjs", "dependencies": { "express": "^4.21.2" } }',
      'app.mjs': "import express from 'express';\nimport data from './lazy.mjs';\n\nconst app = express();\napp.use('/api', data);\napp.listen(3000);\n",
      'lazy.mjs': lazy,
    };
    const calls = recordParses();
    withProject('parser-options-esm', files, (lint) => expect(lint('app.mjs')).toContain('4:13 secure-express/require-helmet'), { config: esm });
    expect(calls.some((call) => call.text === lazy)).toBe(true);
    expect(calls.filter((call) => call.text === '')).toEqual([]);
    // ESLint's parse of app.mjs first; the probes, texts of no file of the package, with the same options. (lazy.mjs
    // itself, refused by a first lint's shared parse for its `import()`, is parsed on the project's own: `parseFile`.)
    const [eslintParse] = calls;
    const probes = calls.filter((call) => !Object.values(files).includes(call.text));
    expect(probes.length).toBeGreaterThan(0);
    for (const probe of probes) expect(probe.keys).toBe(eslintParse!.keys);
  });

  it('a parser ESLint did not parse with is probed once; one ESLint parsed with is not', () => {
    const probed: string[] = [];
    const own = { parse: (text: string, options: Record<string, unknown>) => (probed.push(text), espree.parse(text, options)) };
    expect(canParse(own)).toBe(true);
    expect(canParse(own)).toBe(true);
    expect(probed).toEqual(['']);
    const used = { parse: (text: string, options: Record<string, unknown>) => (probed.push(text), espree.parse(text, options)) };
    parsedInEslint(used);
    expect(canParse(used)).toBe(true);
    expect(probed).toEqual(['']);
    // (A parser whose parse throws, as oxlint's, is probed and cannot parse.)
    expect(canParse({ parse: (): never => { throw new Error('not implemented'); } } as Linter.Parser)).toBe(false);
  });
});
