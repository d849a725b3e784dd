import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    testTimeout: 60_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      // `npm run test:unit`: everything but the packed-package tests.
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/pack.test.ts'] } },
      // `npm run test:pack`: npm pack, npm install into a fresh project, the README's setup (about a minute).
      { extends: true, test: { name: 'pack', include: ['tests/pack.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
    ],
  },
});
