import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { dependencyOf, dependencyRange, declaredDependency, nearestPackageJson } from '../../src/util/package-json';

const fixtures = join(__dirname, '../fixtures/package-json');

describe('nearestPackageJson', () => {
  it('reads the type and dependencies of the package.json above a file, however deep', () => {
    const manifest = nearestPackageJson(join(fixtures, 'commonjs-app/src/routes/deep/login.js'));
    expect(manifest).toMatchObject({ dir: join(fixtures, 'commonjs-app'), type: 'commonjs' });
    expect(dependencyRange(manifest, 'passport')).toBe('^0.7.0');
    expect(nearestPackageJson(join(fixtures, 'module-app/app.js'))?.type).toBe('module');
  });

  it('dependencyOf (the rules\' question): the declared range, null when not listed, undefined when no package.json is known', () => {
    expect(dependencyOf({ filename: join(fixtures, 'commonjs-app/src/routes/deep/login.js') }, 'passport')).toMatchObject({
      range: '^0.7.0',
      file: join(fixtures, 'commonjs-app/package.json'),
    });
    expect(dependencyOf({ filename: join(fixtures, 'commonjs-app/src/routes/deep/login.js') }, 'passport')?.min?.version).toBe('0.7.0');
    expect(dependencyOf({ filename: join(fixtures, 'git-passport/a.js') }, 'passport')).toMatchObject({ range: 'github:jaredhanson/passport', min: null });
    expect(dependencyOf({ filename: join(fixtures, 'no-passport/a.js') }, 'passport')).toBeNull();
    expect(dependencyOf({ filename: '<input>' }, 'passport')).toBeUndefined();
    expect(dependencyOf({ filename: 'app.js' }, 'express')).toBeUndefined();
  });

  it('takes a package.json without type as CommonJS, as Node does', () => {
    expect(nearestPackageJson(join(fixtures, 'untyped-app/server.js'))?.type).toBe('commonjs');
  });

  it('finds devDependencies when dependencies do not name the package', () => {
    expect(dependencyRange(nearestPackageJson(join(fixtures, 'git-passport/a.js')), 'passport')).toBe(
      'github:jaredhanson/passport',
    );
    expect(dependencyRange(nearestPackageJson(join(fixtures, 'no-passport/a.js')), 'passport')).toBeNull();
  });

  it('knows nothing for a file that is not on disk (relative or virtual names)', () => {
    expect(nearestPackageJson('app.js')).toBeNull();
    expect(nearestPackageJson('<input>')).toBeNull();
    expect(nearestPackageJson(undefined)).toBeNull();
  });

  it('does not throw on a malformed or non-object package.json, and knows nothing from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secure-express-pkg-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{ "type": "module", ');
      expect(nearestPackageJson(join(dir, 'a.js'))).toBeNull();
      const other = mkdtempSync(join(tmpdir(), 'secure-express-pkg-'));
      writeFileSync(join(other, 'package.json'), '["module"]');
      expect(nearestPackageJson(join(other, 'a.js'))).toBeNull();
      rmSync(other, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sees an edited package.json on the next call (size or modification time), as an editor needs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secure-express-pkg-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
      expect(nearestPackageJson(join(dir, 'a.js'))?.type).toBe('module');
      writeFileSync(join(dir, 'package.json'), '{ "type": "commonjs", "dependencies": { "passport": "^0.5.0" } }');
      expect(nearestPackageJson(join(dir, 'b.js'))?.type).toBe('commonjs');
      expect(declaredDependency(join(dir, 'b.js'), 'passport')).toMatchObject({ range: '^0.5.0', file: join(dir, 'package.json') });
      expect(declaredDependency(join(dir, 'b.js'), 'passport')?.min?.version).toBe('0.5.0');
      expect(declaredDependency(join(dir, 'b.js'), 'express')).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('dependencyOf reads the package.json once per lint of a file (its SourceCode), and again on the next lint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secure-express-pkg-'));
    try {
      const filename = join(dir, 'app.js');
      writeFileSync(join(dir, 'package.json'), '{ "dependencies": { "express": "^4.21.0" } }');
      const firstLint = { filename, sourceCode: {} };
      expect(dependencyOf(firstLint, 'express')?.range).toBe('^4.21.0');
      // An edit during the lint is not seen by the rules of that lint: they all get the same answer.
      writeFileSync(join(dir, 'package.json'), '{ "dependencies": { "express": "^5.1.0", "passport": "^0.7.0" } }');
      expect(dependencyOf(firstLint, 'express')?.range).toBe('^4.21.0');
      expect(dependencyOf(firstLint, 'passport')).toBeNull();
      // The next lint of the file (a new SourceCode) sees it.
      const nextLint = { filename, sourceCode: {} };
      expect(dependencyOf(nextLint, 'express')).toMatchObject({ range: '^5.1.0', file: join(dir, 'package.json') });
      expect(dependencyOf(nextLint, 'express')?.min?.version).toBe('5.1.0');
      expect(dependencyOf(nextLint, 'passport')?.range).toBe('^0.7.0');
      // Without a SourceCode (a caller outside a lint), every call looks.
      expect(dependencyOf({ filename }, 'express')?.range).toBe('^5.1.0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
