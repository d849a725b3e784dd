// `npm run demo`: lints examples/insecure with the `recommended-all-files` config (scripts, templates and
// package.json) and prints what it finds.
import { lintExample } from './lint-examples.mjs';

const { eslint, results } = await lintExample('insecure', 'recommended');
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const count = results.reduce((n, r) => n + r.messages.length, 0);
const rules = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
console.log(
  `secure-express demo: ${count} findings from ${rules.size} rules in examples/insecure (recommended-all-files config).` +
    '\nThe hardened twin in examples/hardened lints clean under the strict-all-files config (npm test checks both).',
);
