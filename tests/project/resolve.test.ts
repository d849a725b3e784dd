// Module resolution of the project model (src/project/resolve.ts): with directory listings (`Listings`, handed over
// by the import scan's walk) it answers exactly as it does asking the file system for each candidate, and a file
// created after the listing is still found.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { isInside, Listings, packageImportsOf, resolveModule, resolvePath, resolveSubpathImport } from '../../src/project/resolve';

let dir: string;

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** Listings of every folder under `dir`, as the import scan's walk records them. */
function listingsOf(root: string): Listings {
  const listings = new Listings();
  const walk = (folder: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true });
    listings.add(folder, entries);
    for (const entry of entries) if (entry.isDirectory()) walk(path.join(folder, entry.name));
  };
  walk(root);
  return listings;
}

beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'secure-express-resolve-')), 'pkg');
  mkdirSync(dir);
});

afterEach(() => {
  rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe('resolvePath with listings', () => {
  const layout = {
    'package.json': '{}',
    'app.js': '',
    'src/x.ts': '',
    'src/both.js': '',
    'src/both.ts': '',
    'src/twin.tsx': '',
    'routes/index.js': '',
    'lib/index.ts': '',
    'lib.mjs': '',
    'bin/www': '',
    'node_modules/dep/index.js': '',
    'config.json': '',
  };
  const specifiers = [
    './app',
    './app.js',
    './src/x',
    './src/x.js',
    './src/both',
    './src/both.js',
    './src/twin.js',
    './src/twin.jsx',
    './routes',
    './routes/',
    './routes/index',
    './lib',
    './lib.mjs',
    './bin/www',
    './bin/nothing',
    './node_modules/dep',
    './config.json',
    './missing',
    '.',
    '..',
    '../pkg/app',
    '../outside',
    './src/../app',
  ];

  it('finds what the file system finds, in the same order (TS twins, index files, extensionless scripts, outside the root)', () => {
    write(layout);
    writeFileSync(path.join(path.dirname(dir), 'outside.js'), '');
    const listings = listingsOf(dir);
    const from = path.join(dir, 'app.js');
    const expected: Record<string, string | null> = {
      './app': 'app.js',
      './app.js': 'app.js',
      './src/x': 'src/x.ts',
      './src/x.js': 'src/x.ts',
      './src/both': 'src/both.js',
      './src/both.js': 'src/both.js',
      './src/twin.js': 'src/twin.tsx',
      './src/twin.jsx': 'src/twin.tsx',
      './routes': 'routes/index.js',
      './routes/': 'routes/index.js',
      './routes/index': 'routes/index.js',
      // `lib.mjs` comes before `lib/index.ts`.
      './lib': 'lib.mjs',
      './lib.mjs': 'lib.mjs',
      './bin/www': 'bin/www',
      './bin/nothing': null,
      './node_modules/dep': null,
      './config.json': null,
      './missing': null,
      '.': null,
      '..': null,
      '../pkg/app': 'app.js',
      '../outside': null,
      './src/../app': 'app.js',
    };
    for (const specifier of specifiers) {
      const plain = resolveModule(dir, from, specifier);
      const listed = resolveModule(dir, from, specifier, listings);
      expect([specifier, listed]).toEqual([specifier, plain]);
      expect([specifier, plain && path.relative(dir, plain).split(path.sep).join('/')]).toEqual([specifier, expected[specifier]]);
    }
    // A folder the walk did not list (no listing yet) is listed on demand.
    expect(resolveModule(dir, path.join(dir, 'src/x.ts'), './both', new Listings())).toBe(path.join(dir, 'src/both.js'));
  });

  it('finds a file created after the listing when the listing shows none of the candidates', () => {
    write(layout);
    const listings = listingsOf(dir);
    const from = path.join(dir, 'app.js');
    expect(resolveModule(dir, from, './later', listings)).toBeNull();
    write({ 'later.ts': '' });
    expect(resolveModule(dir, from, './later', listings)).toBe(path.join(dir, 'later.ts'));
    // A folder created later too (its listing was taken when it was not there).
    write({ 'fresh/index.js': '' });
    expect(resolveModule(dir, from, './fresh', listings)).toBe(path.join(dir, 'fresh/index.js'));
  });

  it('asks the file system about symbolic links and names listed in another case', () => {
    write({ 'package.json': '{}', 'app.js': '', 'real/target.js': '', 'Upper.js': '' });
    symlinkSync(path.join(dir, 'real/target.js'), path.join(dir, 'linked.js'));
    symlinkSync(path.join(dir, 'real/missing.js'), path.join(dir, 'dangling.js'));
    symlinkSync(path.join(dir, 'real/target.js'), path.join(dir, 'both.js'));
    writeFileSync(path.join(dir, 'both.ts'), '');
    const listings = listingsOf(dir);
    const from = path.join(dir, 'app.js');
    for (const specifier of ['./linked', './dangling', './both', './upper', './Upper', './UPPER.js']) {
      expect([specifier, resolveModule(dir, from, specifier, listings)]).toEqual([specifier, resolveModule(dir, from, specifier)]);
    }
    expect(resolveModule(dir, from, './linked', listings)).toBe(path.join(dir, 'linked.js'));
    // A dangling link is no file: the next candidate would be taken.
    expect(resolveModule(dir, from, './dangling', listings)).toBeNull();
    // The link comes first, as on disk.
    expect(resolveModule(dir, from, './both', listings)).toBe(path.join(dir, 'both.js'));
  });

  it('uses the listing: a listed file that is gone is still the answer until the listing is taken again', () => {
    write({ 'package.json': '{}', 'app.js': '', 'gone.js': '', 'gone.ts': '' });
    const listings = listingsOf(dir);
    rmSync(path.join(dir, 'gone.js'));
    // (The project model takes the listings again with each scan of the package, within `INDEX_TTL_MS`.)
    expect(resolvePath(dir, path.join(dir, 'gone'), listings)).toBe(path.join(dir, 'gone.js'));
    expect(resolvePath(dir, path.join(dir, 'gone'))).toBe(path.join(dir, 'gone.ts'));
    expect(resolvePath(dir, path.join(dir, 'gone'), listingsOf(dir))).toBe(path.join(dir, 'gone.ts'));
  });
});

describe('isInside', () => {
  it('agrees with path.relative on clean and unclean paths', () => {
    const slow = (root: string, file: string): boolean => {
      const relative = path.relative(root, file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
    };
    const roots = ['/a/b', '/a/b/', '/a/./b', '/a/x/../b', '/', '/a/b/..', 'rel/b'];
    const rests = ['', 'x.js', '/x.js', 'c/x.js', '..x.js', '..', '../b/x.js', '.', './x.js', 'c//x.js', 'c/./x.js', 'c/../x.js', 'c/..', 'node_modules/x.js', 'c/node_modules/x.js', 'node_modules.js', 'c/node_modules', 'x/', '.hidden/x.js'];
    for (const root of roots) {
      for (const rest of rests) {
        for (const file of [`${root}/${rest}`, `${root}${rest}`, `/a/b/${rest}`]) {
          expect([root, file, isInside(root, file)]).toEqual([root, file, slow(root, file)]);
        }
      }
    }
  });
});

describe('resolveSubpathImport (package.json imports)', () => {
  it('resolves exact keys, the longest pattern, conditions in their order, arrays, and TS twins; nothing outside the package', () => {
    write({
      'src/db.js': '',
      'src/routes/auth.ts': '',
      'src/routes/admin/users.js': '',
      'src/special/auth.js': '',
      'src/cond/node.js': '',
      'src/cond/default.js': '',
    });
    const imports = {
      '#db': './src/db.js',
      '#routes/*': './src/routes/*.js',
      '#routes/special/*': './src/special/*.js',
      '#cond': { types: './src/cond/types.d.ts', node: './src/cond/node.js', default: './src/cond/default.js' },
      '#fallback': ['./src/missing.js', './src/db.js'],
      '#external': 'some-package',
      '#outside': './../elsewhere.js',
    };
    const at = (name: string): string => path.join(dir, name);
    expect(resolveSubpathImport(dir, imports, '#db')).toBe(at('src/db.js'));
    // The `.js` the pattern writes names the `.ts` source, as TypeScript resolves it.
    expect(resolveSubpathImport(dir, imports, '#routes/auth')).toBe(at('src/routes/auth.ts'));
    expect(resolveSubpathImport(dir, imports, '#routes/admin/users')).toBe(at('src/routes/admin/users.js'));
    expect(resolveSubpathImport(dir, imports, '#routes/special/auth')).toBe(at('src/special/auth.js'));
    expect(resolveSubpathImport(dir, imports, '#cond')).toBe(at('src/cond/node.js'));
    expect(resolveSubpathImport(dir, imports, '#fallback')).toBe(at('src/db.js'));
    expect(resolveSubpathImport(dir, imports, '#external')).toBeNull();
    expect(resolveSubpathImport(dir, imports, '#outside')).toBeNull();
    expect(resolveSubpathImport(dir, imports, '#nothing')).toBeNull();
    expect(resolveSubpathImport(dir, imports, 'express')).toBeNull();
  });

  it('reads the imports map of the package.json, and nothing from a manifest without one or that does not parse', () => {
    write({ 'package.json': '{ "name": "p", "imports": { "#db": "./db.js" } }' });
    expect(packageImportsOf(dir)).toEqual({ '#db': './db.js' });
    write({ 'package.json': '{ "name": "p" }' });
    expect(packageImportsOf(dir)).toBeNull();
    write({ 'package.json': '{ "name": ' });
    expect(packageImportsOf(dir)).toBeNull();
  });
});
