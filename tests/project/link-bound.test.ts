// The top of the whole-app walk (src/project/index.ts, `HolderState`): a route module six handoffs below the file that
// makes the app gets it, and importers that hold no app (they name no express and import no file that makes one, and no
// holder hands them one) are neither parsed nor modelled. tests/project/holders.test.ts has the layouts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Linter } from 'eslint';

import plugin from '../../src/index';
import { parseCounts } from '../../src/project';

const config = [...plugin.configs.recommended, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' as const } }] as Linter.Config[];

/** `routes.js` ← `l1.js` ← … ← `l6.js`, each handing the app it is given on: `l6.js` is the walk's last level. */
function chain(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': '{ "name": "chain", "dependencies": { "express": "^4.21.0" } }',
    'routes.js': "module.exports = (router) => {\n  router.post('/login', (req, res) => res.send('ok'));\n};\n",
    'l1.js': "module.exports = (app) => require('./routes')(app);\n",
  };
  for (let i = 2; i <= 6; i++) files[`l${i}.js`] = `module.exports = (app) => require('./l${i - 1}')(app);\n`;
  // Importers of l6.js that hold no app: passed over.
  files['count.js'] = "const l6 = require('./l6');\nmodule.exports = typeof l6;\n";
  files['lib/stats.js'] = "require('../l6');\nmodule.exports = { calls: 0 };\n";
  return files;
}

function lintRoutes(files: Record<string, string>): { messages: string[]; parsed: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-link-bound-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const file = path.join(dir, 'routes.js');
    const messages = new Linter({ cwd: dir })
      .verify(readFileSync(file, 'utf8'), config, { filename: file })
      .map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    const parsed = [...parseCounts().keys()].filter((f) => f.startsWith(dir)).map((f) => path.relative(dir, f).split(path.sep).join('/'));
    return { messages, parsed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a chain of six handoffs: only the importers that hold an app are read', () => {
  it('an app made six handoffs up reaches the route; importers that hold none are not parsed', () => {
    const files = chain();
    files['server.js'] = "const express = require('express');\nconst app = express();\nrequire('./l6')(app);\napp.listen(3000);\n";
    const { messages, parsed } = lintRoutes(files);
    expect(messages.some((m) => m.startsWith('2:15 secure-express/require-rate-limit') && m.includes('passed in l1.js:1'))).toBe(true);
    expect(parsed).toContain('server.js');
    expect(parsed).not.toContain('count.js');
    expect(parsed).not.toContain('lib/stats.js');
  });

  it('an importer that names no express but imports the file that makes the app is read', () => {
    const files = chain();
    files['make-app.js'] = "const express = require('express');\nmodule.exports = express();\n";
    files['start.js'] = "const app = require('./make-app');\nrequire('./l6')(app);\napp.listen(3000);\n";
    const { messages, parsed } = lintRoutes(files);
    expect(messages.some((m) => m.startsWith('2:15 secure-express/require-rate-limit'))).toBe(true);
    expect(parsed).toContain('start.js');
    expect(parsed).not.toContain('count.js');
  });

  it('without an app anywhere above, nothing is reported', () => {
    const { messages } = lintRoutes(chain());
    expect(messages.filter((m) => m.includes('require-rate-limit'))).toEqual([]);
  });
});

describe('a chain of ten handoffs: the bound is the same whatever order the files are linted in', () => {
  /** `server.js` hands the app to `r/m1.js`, which adds a login route and hands it to `r/m2.js`, ... `r/m10.js`. */
  function deep(): Record<string, string> {
    const files: Record<string, string> = {
      'package.json': '{ "name": "deep", "dependencies": { "express": "^4.21.0" } }',
      'server.js': "const express = require('express');\nconst app = express();\nrequire('./r/m1')(app);\napp.listen(3000);\n",
    };
    for (let i = 1; i <= 10; i++) {
      const next = i < 10 ? `\n  require('./m${i + 1}')(app);` : '';
      files[`r/m${i}.js`] = `module.exports = function (app) {\n  app.post('/m${i}/login', (req, res) => res.send('ok'));${next}\n};\n`;
    }
    return files;
  }

  /** The files linted in `order` by one Linter (one process, as ESLint does): the rate-limit findings per file. */
  function lintInOrder(order: readonly string[]): Record<string, number> {
    const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-link-deep-'));
    try {
      for (const [name, text] of Object.entries(deep())) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      const linter = new Linter({ cwd: dir });
      const found: Record<string, number> = {};
      for (const name of order) {
        const file = path.join(dir, name);
        found[name] = linter.verify(readFileSync(file, 'utf8'), config, { filename: file }).filter((m) => m.ruleId === 'secure-express/require-rate-limit').length;
      }
      return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('routes up to seven handoffs down get the app, the ones below none, in every order', () => {
    const names = Array.from({ length: 10 }, (_, i) => `r/m${i + 1}.js`);
    const expected = Object.fromEntries(names.map((name, i) => [name, i < 7 ? 1 : 0]));
    // Top down, bottom up, and as a directory listing sorts them (m1, m10, m2, ...).
    expect(lintInOrder(names)).toEqual(expected);
    expect(lintInOrder([...names].reverse())).toEqual(expected);
    expect(lintInOrder([...names].sort())).toEqual(expected);
  });
});
