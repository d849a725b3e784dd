// The import index (src/project/scan.ts `ImportIndex`) is checked again INDEX_TTL_MS after its last check, unless the
// lint run it was checked in goes on (src/project/lint-run.ts `LintRun`): lints of files not linted before in the run,
// each within INDEX_TTL_MS of the previous one, as a CLI lint goes through a package (Ghost's 1,711 files take longer
// than INDEX_TTL_MS: each expiry walked and stat'ed the whole package again). A file linted again (an editor's next
// lint, a `--fix` pass) or a pause ends the run: an import added to another file is then seen as before. CommonJS,
// ESM and TypeScript importers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { INDEX_TTL_MS } from '../../src/project/limits';
import { LintRun } from '../../src/project/lint-run';
import { ImportIndex } from '../../src/project/scan';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'secure-express-lint-run-'));
  mkdirSync(path.join(dir, 'routes'));
  writeFileSync(path.join(dir, 'package.json'), '{"main": "app.js"}');
  writeFileSync(path.join(dir, 'routes/auth.js'), "const router = require('express').Router();\nmodule.exports = router;\n");
  writeFileSync(path.join(dir, 'app.js'), "const app = require('express')();\napp.use('/auth', require('./routes/auth'));\n");
  writeFileSync(path.join(dir, 'jobs.js'), 'module.exports = {};\n');
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string): string => path.join(dir, name);
const later = (ms: number): void => void vi.setSystemTime(Date.now() + ms);
/** A lint of `name` (each call one lint: a parse of its own). */
const lint = (run: LintRun, name: string): boolean => run.note(file(name), Math.random());

/** Importers of routes/auth.js as the index sees them, relative. */
const importers = (index: ImportIndex): string[] => index.importersOf(file('routes/auth.js')).map((f) => path.relative(dir, f)).sort();

/** The importer each module style adds (written after the index's check). */
const STYLES: [string, string][] = [
  ['admin.js', "const auth = require('./routes/auth');\n"],
  ['admin.mjs', "import auth from './routes/auth.js';\n"],
  ['admin.ts', "import auth from './routes/auth';\n"],
];

describe('LintRun: the import index is kept through one run of lints', () => {
  it.each(STYLES)('lints of new files within INDEX_TTL_MS keep it past its lifetime: %s added meanwhile is not seen', (name, text) => {
    const run = new LintRun();
    const index = new ImportIndex(dir, ['app.js'], undefined, undefined, undefined, null, run);
    lint(run, 'app.js');
    expect(importers(index)).toEqual(['app.js']);
    writeFileSync(file(name), text);
    // A CLI lint going on through other files, longer than the index's lifetime.
    for (const next of ['routes/auth.js', 'jobs.js']) {
      later(INDEX_TTL_MS / 2 + 1);
      lint(run, next);
    }
    expect(importers(index)).toEqual(['app.js']);
  });

  it.each(STYLES)("a file linted again (an editor's next lint) ends the run: %s added meanwhile is seen", (name, text) => {
    const run = new LintRun();
    const index = new ImportIndex(dir, ['app.js'], undefined, undefined, undefined, null, run);
    lint(run, 'app.js');
    expect(importers(index)).toEqual(['app.js']);
    writeFileSync(file(name), text);
    later(INDEX_TTL_MS / 2 + 1);
    lint(run, 'routes/auth.js');
    later(INDEX_TTL_MS / 2 + 1);
    // Past the lifetime, in the same run: kept.
    expect(importers(index)).toEqual(['app.js']);
    lint(run, 'app.js');
    expect(importers(index)).toEqual([name, 'app.js'].sort());
  });

  it.each(STYLES)('a pause of INDEX_TTL_MS between lints ends the run: %s added meanwhile is seen', (name, text) => {
    const run = new LintRun();
    const index = new ImportIndex(dir, ['app.js'], undefined, undefined, undefined, null, run);
    lint(run, 'app.js');
    expect(importers(index)).toEqual(['app.js']);
    writeFileSync(file(name), text);
    later(INDEX_TTL_MS + 1);
    // (Asked before the next lint starts: the pause alone ends the run.)
    expect(importers(index)).toEqual([name, 'app.js'].sort());
  });

  it('calls of one lint are one lint; a lint of the same file with another parse is another', () => {
    const run = new LintRun();
    run.note(file('app.js'), 1);
    const first = run.current();
    run.note(file('app.js'), 1);
    expect(run.keeps(first, Date.now())).toBe(true);
    run.note(file('routes/auth.js'), 2);
    expect(run.keeps(first, Date.now())).toBe(true);
    run.note(file('app.js'), 3);
    expect(run.keeps(first, Date.now())).toBe(false);
    // The next run starts with that lint, and is kept until it ends.
    const second = run.current();
    expect(run.keeps(second, Date.now())).toBe(true);
    expect(run.keeps(second, Date.now() + INDEX_TTL_MS + 1)).toBe(false);
  });

  it('without a run (an index made on its own), the index is checked again after INDEX_TTL_MS as before', () => {
    const index = new ImportIndex(dir, ['app.js']);
    expect(importers(index)).toEqual(['app.js']);
    writeFileSync(file('admin.js'), "require('./routes/auth');\n");
    later(INDEX_TTL_MS / 2);
    expect(importers(index)).toEqual(['app.js']);
    later(INDEX_TTL_MS / 2 + 1);
    expect(importers(index)).toEqual(['admin.js', 'app.js']);
  });
});
