// `npm run corpus`: fetches the pinned corpus packages with `npm pack` into .corpus-cache/tarballs (checking each
// tarball's sha512 against the pinned integrity), extracts their JavaScript/TypeScript sources into
// .corpus-cache/src/<name>@<version>/ (skipping built, bundled and minified files) and writes the manifest.
// Nothing is vendored: the cache folder is git-ignored. Re-running reuses tarballs already fetched.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { PACKAGES, SKIP_DIRS, SOURCE_FILE } from './corpus/packages.mjs';
import { looksMinified, MANIFEST, SRC, sourceTypeOf, TARBALLS } from './corpus/lib.mjs';

const MAX_BYTES = 512 * 1024;

function integrityOf(file) {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

function fetchTarball(pkg) {
  const file = path.join(TARBALLS, `${pkg.name.replace(/^@/u, '').replace('/', '-')}-${pkg.version}.tgz`);
  if (!existsSync(file) || integrityOf(file) !== pkg.integrity) {
    execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', TARBALLS, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const actual = integrityOf(file);
  if (actual !== pkg.integrity) {
    throw new Error(`${pkg.name}@${pkg.version}: tarball integrity ${actual} differs from the pinned ${pkg.integrity}`);
  }
  return file;
}

function* walk(dir, base = dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full, base);
    else if (entry.isFile()) yield path.relative(base, full).split(path.sep).join('/');
  }
}

function extract(pkg, tarball) {
  const id = `${pkg.name}@${pkg.version}`;
  const dir = path.join(SRC, id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // npm tarballs hold one top folder (`package/` for most): strip it.
  execFileSync('tar', ['xzf', tarball, '-C', dir, '--strip-components=1', '--no-same-owner']);
  const packageJson = path.join(dir, 'package.json');
  const packageType = existsSync(packageJson) ? JSON.parse(readFileSync(packageJson, 'utf8')).type : undefined;
  const files = [];
  const skipped = { built: 0, minified: 0, large: 0 };
  for (const rel of [...walk(dir)].sort()) {
    const full = path.join(dir, rel);
    // package.json files stay (not linted): they mark the package root and its module type and dependencies,
    // which the rules read (cross-file analysis, module style, library versions).
    if (path.basename(rel) === 'package.json' && !rel.split('/').includes('node_modules')) continue;
    if (!SOURCE_FILE.test(rel) || rel.endsWith('.d.ts') || rel.endsWith('.d.mts') || rel.endsWith('.d.cts')) {
      rmSync(full);
      continue;
    }
    if (rel.split('/').some((segment) => SKIP_DIRS.has(segment)) || pkg.skip.some((prefix) => rel.startsWith(prefix))) {
      skipped.built++;
      rmSync(full);
      continue;
    }
    const bytes = statSync(full).size;
    if (bytes > MAX_BYTES) {
      skipped.large++;
      rmSync(full);
      continue;
    }
    const text = readFileSync(full, 'utf8');
    if (rel.endsWith('.min.js') || looksMinified(text)) {
      skipped.minified++;
      rmSync(full);
      continue;
    }
    files.push({ path: `${id}/${rel}`, sourceType: sourceTypeOf(rel, text, packageType), bytes });
  }
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    `${id}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB ` +
      `(skipped ${skipped.built} built/bundled, ${skipped.minified} minified, ${skipped.large} over ${MAX_BYTES / 1024} KiB)`,
  );
  return { name: pkg.name, version: pkg.version, integrity: pkg.integrity, packageType: packageType ?? 'commonjs', files };
}

mkdirSync(TARBALLS, { recursive: true });
mkdirSync(SRC, { recursive: true });
const only = process.argv.slice(2);
const packages = [];
for (const pkg of PACKAGES) {
  if (only.length > 0 && !only.includes(pkg.name)) continue;
  packages.push(extract(pkg, fetchTarball(pkg)));
}
writeFileSync(MANIFEST, `${JSON.stringify({ packages }, null, 1)}\n`);
console.log(`Manifest: ${path.relative(process.cwd(), MANIFEST)}`);
