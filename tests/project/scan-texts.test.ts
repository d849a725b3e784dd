// The import scan keeps the texts it read (src/project/scan.ts `ImportIndex.textOf`, up to MAX_SCAN_TEXT_BYTES): the
// project reads another file's text from it instead of the disk (`parsed`, `unparsedText`) while the file's mtime and
// size are still the scan's. A Ghost lint read 1,360 files a second time (its 1,711 scanned files, 3,104 reads in all).
// A file edited since the scan (during one run of lints the index is not scanned again: src/project/lint-run.ts) is
// read from the disk: its new content is what the next lint sees. CommonJS, ESM and TypeScript.
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ImportIndex } from '../../src/project/scan';

import { cjs, esm, ts, withProject } from './fixture-project';

describe('ImportIndex.textOf: the text the scan read, only while the file is as it read it', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'secure-express-scan-texts-'));
    writeFileSync(file('package.json'), '{"main": "app.js"}');
    writeFileSync(file('app.js'), "const app = require('express')();\napp.use(require('./users'));\n");
    writeFileSync(file('users.js'), "module.exports = require('express').Router();\n");
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the scanned text for the stat it read it at', () => {
    const index = new ImportIndex(dir, ['app.js']);
    index.importersOf(file('users.js'));
    expect(index.textOf(file('users.js'), statSync(file('users.js')))).toBe("module.exports = require('express').Router();\n");
  });

  it('gives nothing for a file edited since (another size, or the same size with another mtime), nor a file not scanned', () => {
    const index = new ImportIndex(dir, ['app.js']);
    index.importersOf(file('users.js'));
    writeFileSync(file('users.js'), "module.exports = require('express').Router({ strict: true });\n");
    expect(index.textOf(file('users.js'), statSync(file('users.js')))).toBeUndefined();
    // The same size: only the mtime says it changed.
    const before = statSync(file('app.js'));
    writeFileSync(file('app.js'), "const app = require('express')();\napp.use(require('./USERS'));\n");
    utimesSync(file('app.js'), before.atime, new Date(before.mtimeMs + 5000));
    const after = statSync(file('app.js'));
    expect(after.size).toBe(before.size);
    expect(index.textOf(file('app.js'), after)).toBeUndefined();
    expect(index.textOf(file('package.json'), statSync(file('package.json')))).toBeUndefined();
  });
});

/**
 * users.js registers the controller of controllers/profile.js on a route of the app; profile.js reads `req.body`
 * unvalidated (reported in its own file, through the route). users.js is then edited to register another handler.
 */
const STYLES = [
  {
    style: 'CommonJS',
    config: cjs,
    ext: 'js',
    /** Where the controller reads `req.body` unvalidated. */
    at: '2:21',
    files: (register: boolean): Record<string, string> => ({
      'app.js': "const express = require('express');\nconst app = express();\napp.use('/users', require('./routes/users'));\napp.listen(3000);\n",
      'routes/users.js': `const router = require('express').Router();\nconst profile = require('../controllers/profile');\nrouter.post('/profile', ${register ? 'profile.save' : '(req, res) => res.end()'});\nmodule.exports = router;\n`,
      'controllers/profile.js': 'exports.save = (req, res) => {\n  res.json({ saved: req.body.name.trim() });\n};\n',
    }),
  },
  {
    style: 'ESM',
    config: esm,
    ext: 'mjs',
    at: '2:21',
    files: (register: boolean): Record<string, string> => ({
      'app.mjs': "import express from 'express';\nimport users from './routes/users.mjs';\nconst app = express();\napp.use('/users', users);\napp.listen(3000);\n",
      'routes/users.mjs': `import { Router } from 'express';\nimport * as profile from '../controllers/profile.mjs';\nconst router = Router();\nrouter.post('/profile', ${register ? 'profile.save' : '(req, res) => res.end()'});\nexport default router;\n`,
      'controllers/profile.mjs': 'export const save = (req, res) => {\n  res.json({ saved: req.body.name.trim() });\n};\n',
    }),
  },
  {
    style: 'TypeScript',
    config: ts,
    ext: 'ts',
    at: '3:21',
    files: (register: boolean): Record<string, string> => ({
      'app.ts': "import express from 'express';\nimport users from './routes/users';\nconst app = express();\napp.use('/users', users);\napp.listen(3000);\n",
      'routes/users.ts': `import { Router } from 'express';\nimport * as profile from '../controllers/profile';\nconst router = Router();\nrouter.post('/profile', ${register ? 'profile.save' : '(req, res) => res.end()'});\nexport default router;\n`,
      'controllers/profile.ts': "import type { Request, Response } from 'express';\nexport const save = (req: Request, res: Response) => {\n  res.json({ saved: req.body.name.trim() });\n};\n",
    }),
  },
];

const VALIDATION = /require-input-validation/u;

describe('another file is read from the scan while unchanged, and from the disk once edited (one run of lints)', () => {
  it.each(STYLES)('$style: users.js edited after the scan to register another handler: the controller is not reported', ({ config, ext, files }) => {
    const registering = files(true);
    withProject(
      `scan-texts-${ext}`,
      { 'package.json': `{ "name": "scan-texts", "main": "app.${ext}", "dependencies": { "express": "^4.21.0" } }`, ...registering },
      (lint, dir) => {
        // The lint of app.js scans the package (every text above is kept).
        lint(`app.${ext}`);
        // users.js edited after the scan: the next lints (new files of the same run: no scan) read it from the disk.
        writeFileSync(path.join(dir, `routes/users.${ext}`), files(false)[`routes/users.${ext}`]!);
        expect(lint(`controllers/profile.${ext}`)).toEqual([]);
      },
      { config, rules: VALIDATION },
    );
  });

  it.each(STYLES)('$style: unchanged, the scanned users.js registers the controller: reported', ({ config, ext, at, files }) => {
    withProject(
      `scan-texts-${ext}`,
      { 'package.json': `{ "name": "scan-texts", "main": "app.${ext}", "dependencies": { "express": "^4.21.0" } }`, ...files(true) },
      (lint) => {
        lint(`app.${ext}`);
        expect(lint(`controllers/profile.${ext}`)).toEqual([`${at} secure-express/require-input-validation`]);
      },
      { config, rules: VALIDATION },
    );
  });
});
