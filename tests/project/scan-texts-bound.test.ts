// The import scan keeps at most MAX_SCAN_TEXT_BYTES of text per package (src/project/scan.ts `ImportIndex.textOf`): past
// the bound a text is not kept (the project reads that file from the disk, as before), and a text replaced or removed
// by a later scan gives its room back.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { INDEX_TTL_MS } from '../../src/project/limits';
import { ImportIndex } from '../../src/project/scan';

// (Hoisted above the imports by vitest: scan.ts reads the bound of this module.)
vi.mock('../../src/project/limits', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../src/project/limits')>()), MAX_SCAN_TEXT_BYTES: 60 }));

let dir: string;
const file = (name: string): string => path.join(dir, name);
const SHORT = "module.exports = require('express').Router();\n"; // 47 characters
const LONG = "const app = require('express')();\napp.use(require('./users'));\n"; // 64 characters

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'secure-express-scan-texts-bound-'));
  writeFileSync(file('package.json'), '{"main": "app.js"}');
  writeFileSync(file('app.js'), LONG);
  writeFileSync(file('users.js'), SHORT);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const textOf = (index: ImportIndex, name: string): string | undefined => index.textOf(file(name), statSync(file(name)));

describe('MAX_SCAN_TEXT_BYTES (60 here)', () => {
  it('a text past the bound is not kept; one within it is', () => {
    const index = new ImportIndex(dir, ['app.js']);
    index.importersOf(file('users.js'));
    expect(textOf(index, 'app.js')).toBeUndefined();
    expect(textOf(index, 'users.js')).toBe(SHORT);
  });

  it('a text replaced by a later scan gives its room back', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      writeFileSync(file('app.js'), 'module.exports = 1;\n');
      const index = new ImportIndex(dir, ['app.js']);
      index.importersOf(file('users.js'));
      // The package's main is read first (20 characters); 20 + 47 > 60: users.js is not kept.
      expect(textOf(index, 'app.js')).toBe('module.exports = 1;\n');
      expect(textOf(index, 'users.js')).toBeUndefined();
      // Both edited; the next scan (past INDEX_TTL_MS) keeps app.js's 3 characters instead of 20, then users.js's 49.
      writeFileSync(file('app.js'), '1;\n');
      writeFileSync(file('users.js'), SHORT.replace('Router()', 'Router({})'));
      vi.setSystemTime(Date.now() + INDEX_TTL_MS + 1);
      index.importersOf(file('users.js'));
      expect(textOf(index, 'app.js')).toBe('1;\n');
      expect(textOf(index, 'users.js')).toBe(SHORT.replace('Router()', 'Router({})'));
    } finally {
      vi.useRealTimers();
    }
  });
});
