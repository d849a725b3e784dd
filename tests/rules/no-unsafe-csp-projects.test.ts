import { fixture, lintProject } from '../helpers/projects';

describe('no-unsafe-csp: helmet options written in another file (tests/fixtures/projects/csp-elsewhere)', () => {
  it('reports the directive where helmet() is called, naming the file and line it is written at, for CJS, ESM and TS', async () => {
    const on = await lintProject(fixture('csp-elsewhere'), 'strict');
    const csp = on.all.filter((finding) => finding.includes(' no-unsafe-csp: '));
    expect(csp).toEqual([
      // app.js: script-src of security.js
      "app.js:6:16 no-unsafe-csp: CSP script-src (from security.js:6) allows 'unsafe-inline' with no nonce or hash: any injected <script> or event handler runs, so the policy no longer stops XSS. Use nonces or hashes.",
      // reports.mjs: the '/reports' policy of policy.mjs; its strict policy is not reported
      "reports.mjs:6:28 no-unsafe-csp: CSP object-src (from policy.mjs:2) lists *, so plugin content (<object>, <embed>) may come from any origin or URL an attacker controls.",
      "reports.mjs:6:28 no-unsafe-csp: CSP script-src (from policy.mjs:2) allows 'unsafe-eval': injected strings can run as code through eval(), new Function() and string timers.",
      // admin.ts: with a nonce, script-src's 'unsafe-inline' is ignored by browsers; strict also checks style-src
      "admin.ts:6:18 no-unsafe-csp: CSP style-src (from headers.ts:8) allows 'unsafe-inline' with no nonce or hash: injected <style> can restyle the page and leak data through CSS selectors.",
    ].sort());
  });

  it('single-file: options written in another file are unknown, and nothing is reported', async () => {
    const off = await lintProject(fixture('csp-elsewhere'), 'strict', false);
    expect(off.all.filter((finding) => finding.includes(' no-unsafe-csp: '))).toEqual([]);
  });
});
