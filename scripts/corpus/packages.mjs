// The corpus: pinned releases of real Express-based packages, fetched from the npm registry by `npm run corpus`.
// `integrity` is the registry's sha512 of the tarball: a re-published or tampered tarball fails the fetch.
// `skip` lists path prefixes (inside the package) that hold built or bundled code rather than source.

/** @type {{ name: string, version: string, integrity: string, skip: string[] }[]} */
export const PACKAGES = [
  {
    name: 'ghost',
    version: '6.65.0',
    integrity:
      'sha512-D369qivOmfn4YwvBD1DljOGsHnJzBEQhBsiFnBZD+GjWrBpdZQYYNHneiQcKQVJwUom8eHWml1n5FRLQIwVFOg==',
    skip: ['core/built/', 'core/frontend/public/', 'content/themes/'],
  },
  {
    name: 'keystone',
    version: '4.2.1',
    integrity:
      'sha512-rdhCuTR/wbsSnsdZZgBJi/3MOWDPll3BzvUFWxbjSo904+OO+8soaTPF1ikLkxjGpzh/EbDqM0ARTaE0vQBYUA==',
    skip: ['admin/bundles/', 'admin/public/', 'website/'],
  },
  {
    name: 'apostrophe',
    version: '4.32.2',
    integrity:
      'sha512-YZkkb5sG9klo5SWo9/+9CLTtSxg7y2tifgtv/yu1LtEeE5J7UcCML9OkwXBYGQ0apZu3MX9uR1ubpT5CfW1Amg==',
    skip: [],
  },
  {
    name: 'express-gateway',
    version: '1.16.11',
    integrity:
      'sha512-lRwScLAoWmGU951moS82UXRF3D1I1U4tgqgDKDen/pnLidWnl+SUAalOYHYq0txZKmnVBJE2TeqR8M8vnH63Zg==',
    skip: [],
  },
  {
    // A NestJS server framework that ships its TypeScript sources (src/: main.ts, modules, controllers) beside dist/.
    name: '@lenne.tech/nest-server',
    version: '11.24.1',
    integrity:
      'sha512-YUqwNs3Iii0xt+wDWHZGJxdQGq3gIdEg0stI/0R7p5zlRYxMhDzUMV6ufou1UWiucbtwTCoX8V3i8l+mY5bPQQ==',
    skip: ['bin/', 'docs/', 'migration-guides/', '.claude/', 'src/templates/'],
  },
  {
    // A MongoDB admin UI (ES modules): an app factory (`lib/middleware.js`) mounted by `app.js` behind CSRF and sessions,
    // route modules, and a test harness that serves the factory's app; reviewed in bench/corpus-review.md (session 22).
    name: 'mongo-express',
    version: '1.0.2',
    integrity:
      'sha512-Vdxe7Etjsfyej1TU6iJ4wL5HQUYpvVQWQqzDzr9f6B/FTZsoaNev8L30fJmg0bGQfAkTCez4oN4upG0VMnjH9g==',
    skip: [],
  },
  {
    // A REST API server built from a JSON file (Babel-compiled CommonJS in lib/): a CLI that builds and serves its app,
    // router factories (lowdb), and middleware; reviewed in bench/corpus-review.md (session 23).
    name: 'json-server',
    version: '0.17.4',
    integrity:
      'sha512-bGBb0WtFuAKbgI7JV3A864irWnMZSvBYRJbohaOuatHwKSRFUfqtQlrYMrB6WbalXy/cJabyjlb7JkHli6dYjQ==',
    skip: [],
  },
];

/** Directory names that hold generated or third-party code in any package. */
export const SKIP_DIRS = new Set(['node_modules', 'dist', 'built', 'build', 'bundles', 'vendor', 'coverage', '.git']);

/** Files linted: JavaScript and TypeScript sources. */
export const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
