import json from '@eslint/json';
import { ESLint, RuleTester, type Rule } from 'eslint';

import plugin from '../../src/index';

import rule from '../../src/rules/no-vulnerable-express-version';
import { code } from '../helpers/rule-tester';

// A JSON rule: tested through ESLint's own RuleTester with @eslint/json's language, as the config block runs it.
const ruleTester = new RuleTester({
  plugins: { json },
  language: 'json/json',
});

const pkg = (deps: Record<string, string>, section = 'dependencies'): string =>
  JSON.stringify({ name: 'app', version: '1.0.0', [section]: deps }, null, 2);

const REVIEWED = '2026-11-21';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** A finding checked by its start and the version it asks for (the advisory list is checked in full elsewhere). */
const vulnerable = (name: string, range: string, fixed: string): { message: RegExp } => ({
  message: new RegExp(`^'${escape(name)}@${escape(range)}' admits versions with known advisories: .+\\. Require at least ${escape(fixed)} \\(`, 'u'),
});
const deprecated = (name: string, range: string): { message: RegExp } => ({
  message: new RegExp(`^'${escape(name)}@${escape(range)}' is deprecated: .+\\. Move to .+\\.$`, 'u'),
});

ruleTester.run('no-vulnerable-express-version', rule as unknown as Rule.RuleModule, {
  valid: [
    { filename: 'package.json', code: pkg({ express: '^4.21.2' }) },
    { filename: 'package.json', code: pkg({ express: '^5.1.0' }) },
    { filename: 'package.json', code: pkg({ express: '~4.22.1', 'body-parser': '^1.20.6', cookie: '^0.7.2' }) },
    { filename: 'package.json', code: pkg({ 'path-to-regexp': '^0.1.12', send: '^0.19.0', 'serve-static': '^1.16.2' }) },
    { filename: 'package.json', code: pkg({ 'path-to-regexp': '^8.4.0', helmet: '^8.0.0', 'express-validator': '^7.0.0' }) },
    // passport from 0.6.0 regenerates the session on login (CVE-2022-25896 fixed)
    { filename: 'package.json', code: pkg({ passport: '^0.6.0' }) },
    { filename: 'package.json', code: pkg({ passport: '^0.7.0' }) },
    // packages the table does not know
    { filename: 'package.json', code: pkg({ lodash: '^1.0.0', 'express-session': '^1.0.0' }) },
    // ranges that are not semver: workspaces, paths, aliases, git, URLs, tags
    {
      filename: 'package.json',
      code: pkg({
        express: 'workspace:*',
        cookie: 'file:../cookie',
        send: 'npm:send@0.17.0',
        'serve-static': 'github:expressjs/serve-static#v1.14.0',
        'body-parser': 'git+https://github.com/expressjs/body-parser.git',
        'path-to-regexp': 'latest',
        csurf: 'link:../csurf',
      }),
    },
    { filename: 'package.json', code: pkg({ express: 'https://example.com/express-3.0.0.tgz' }) },
    { filename: 'package.json', code: pkg({ express: '' }) },
    // not dependencies
    { filename: 'package.json', code: pkg({ express: '^3.0.0' }, 'peerDependencies') },
    { filename: 'package.json', code: JSON.stringify({ name: 'app', scripts: { express: '^3.0.0' } }) },
    // no dependencies, odd shapes
    { filename: 'package.json', code: '{}' },
    { filename: 'package.json', code: '[]' },
    { filename: 'package.json', code: '"express"' },
    { filename: 'package.json', code: 'null' },
    { filename: 'package.json', code: JSON.stringify({ dependencies: ['express@3'] }) },
    { filename: 'package.json', code: JSON.stringify({ dependencies: { express: 3 } }) },
    { filename: 'package.json', code: JSON.stringify({ dependencies: null, devDependencies: 'express' }) },
    // an advisory the team accepted
    {
      filename: 'package.json',
      code: pkg({ 'body-parser': '~1.20.3' }),
      options: [{ ignoreAdvisories: ['CVE-2026-12590'] }],
    },
    {
      filename: 'package.json',
      code: pkg({ 'body-parser': '~1.20.3' }),
      options: [{ ignoreAdvisories: ['GHSA-v422-hmwv-36x6'] }],
    },
  ],
  invalid: [
    // the demo app's range
    {
      filename: 'package.json',
      code: code`
        {
          "name": "insecure",
          "dependencies": {
            "express": "^4.17.1",
            "csurf": "^1.11.0"
          }
        }
      `,
      errors: [
        {
          messageId: 'vulnerable',
          data: {
            name: 'express',
            range: '^4.17.1',
            advisories:
              'CVE-2022-24999 (GHSA-hrpp-h998-j3pp) its qs dependency lets a query string with `__proto__` keys hang the process; ' +
              'CVE-2024-29041 (GHSA-rv95-896h-c2vc) open redirect: malformed URLs bypass redirect allow-lists in res.location/res.redirect; ' +
              'CVE-2024-43796 (GHSA-qw6h-vgh9-j6wx) XSS through the HTML body of res.redirect (also pulls fixed send, serve-static, body-parser, path-to-regexp); ' +
              'CVE-2024-47764 (GHSA-pxg6-pf52-xh8x) its cookie dependency accepts names, paths and domains that inject other cookie fields; ' +
              'CVE-2024-52798 (GHSA-rhx6-c78j-4q9w) its path-to-regexp 0.1 dependency builds backtracking route regexes (ReDoS)',
            fixed: '4.21.2',
            reviewed: REVIEWED,
          },
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 25,
        },
        {
          messageId: 'deprecated',
          data: {
            name: 'csurf',
            range: '^1.11.0',
            reason: 'csurf is deprecated and archived by its maintainers (September 2022)',
            replacement: 'csrf-csrf or csrf-sync',
          },
          line: 5,
          column: 14,
        },
      ],
    },
    // a range that reaches into the affected versions only at its low end
    {
      filename: 'package.json',
      code: pkg({ express: '>=4.20.0 <5' }),
      errors: [vulnerable('express', '>=4.20.0 <5', '4.21.2')],
    },
    {
      filename: 'package.json',
      code: pkg({ express: '4.21.1' }, 'devDependencies'),
      errors: [
        {
          messageId: 'vulnerable',
          data: {
            name: 'express',
            range: '4.21.1',
            advisories:
              'CVE-2024-52798 (GHSA-rhx6-c78j-4q9w) its path-to-regexp 0.1 dependency builds backtracking route regexes (ReDoS)',
            fixed: '4.21.2',
            reviewed: REVIEWED,
          },
        },
      ],
    },
    // Express 5 pre-releases and 5.0.0
    {
      filename: 'package.json',
      code: pkg({ express: '5.0.0-beta.1' }),
      errors: [vulnerable('express', '5.0.0-beta.1', '5.0.1')],
    },
    {
      filename: 'package.json',
      code: pkg({ express: '5.0.0' }),
      errors: [
        {
          messageId: 'vulnerable',
          data: {
            name: 'express',
            range: '5.0.0',
            advisories:
              'CVE-2024-47764 (GHSA-pxg6-pf52-xh8x) its cookie dependency accepts names, paths and domains that inject other cookie fields',
            fixed: '5.0.1',
            reviewed: REVIEWED,
          },
        },
      ],
    },
    // Express 3: reported as end-of-life, not with each 4.x advisory
    {
      filename: 'package.json',
      code: pkg({ express: '^3.21.2' }),
      errors: [
        {
          messageId: 'deprecated',
          data: {
            name: 'express',
            range: '^3.21.2',
            reason: 'Express 2.x and 3.x are end-of-life and get no security fixes',
            replacement: 'express 4.21.2 or later, or express 5',
          },
        },
      ],
    },
    // a range that admits 3.x and 4.x: both findings
    {
      filename: 'package.json',
      code: pkg({ express: '*' }),
      errors: [
        deprecated('express', '*'),
        vulnerable('express', '*', '5.0.1'),
      ],
    },
    // the Express family
    {
      filename: 'package.json',
      code: pkg({ 'body-parser': '^1.19.0', cookie: '~0.6.0', send: '0.18.0', 'serve-static': '^1.15.0' }),
      errors: [
        {
          messageId: 'vulnerable',
          data: {
            name: 'body-parser',
            range: '^1.19.0',
            advisories:
              'CVE-2024-45590 (GHSA-qwcr-r2fm-qrc7) denial of service through deeply nested urlencoded bodies; ' +
              'CVE-2026-12590 (GHSA-v422-hmwv-36x6) an invalid `limit` option silently disables the body size limit',
            fixed: '1.20.6',
            reviewed: REVIEWED,
          },
        },
        vulnerable('cookie', '~0.6.0', '0.7.0'),
        vulnerable('send', '0.18.0', '0.19.0'),
        vulnerable('serve-static', '^1.15.0', '1.16.0'),
      ],
    },
    // passport below 0.6.0 keeps the pre-login session ID (new-user trial 20: a `recommended` user heard nothing of it)
    {
      filename: 'package.json',
      code: pkg({ passport: '^0.5.3' }),
      errors: [
        {
          messageId: 'vulnerable',
          data: {
            name: 'passport',
            range: '^0.5.3',
            advisories: 'CVE-2022-25896 (GHSA-v923-w3x8-wh69) session fixation: the session ID from before the login is kept after it (0.6.0 regenerates the session on login)',
            fixed: '0.6.0',
            reviewed: REVIEWED,
          },
        },
      ],
    },
    {
      filename: 'package.json',
      code: pkg({ 'body-parser': '2.2.0' }),
      errors: [
        {
          messageId: 'vulnerable',
          data: {
            name: 'body-parser',
            range: '2.2.0',
            advisories:
              'CVE-2026-12590 (GHSA-v422-hmwv-36x6) an invalid `limit` option silently disables the body size limit; ' +
              'GHSA-wqch-xfxh-vrr4 denial of service when url encoding is used',
            fixed: '2.3.0',
            reviewed: REVIEWED,
          },
        },
      ],
    },
    // path-to-regexp: the fixed version of the line the range is on
    {
      filename: 'package.json',
      code: pkg({ 'path-to-regexp': '^0.1.7' }),
      errors: [vulnerable('path-to-regexp', '^0.1.7', '0.1.12')],
    },
    {
      filename: 'package.json',
      code: pkg({ 'path-to-regexp': '^6.2.1' }),
      errors: [vulnerable('path-to-regexp', '^6.2.1', '6.3.0')],
    },
    {
      filename: 'package.json',
      code: pkg({ 'path-to-regexp': '^8.2.0' }),
      errors: [vulnerable('path-to-regexp', '^8.2.0', '8.4.0')],
    },
    // deprecated packages
    {
      filename: 'package.json',
      code: pkg({ 'express-validator': '^5.3.1', helmet: '^3.23.3', connect: '^2.30.2' }, 'devDependencies'),
      errors: [
        deprecated('express-validator', '^5.3.1'),
        deprecated('helmet', '^3.23.3'),
        deprecated('connect', '^2.30.2'),
      ],
    },
    // one advisory ignored, the other still reported
    {
      filename: 'package.json',
      code: pkg({ 'body-parser': '1.20.2' }, 'optionalDependencies'),
      options: [{ ignoreAdvisories: ['CVE-2024-45590'] }],
      errors: [
        {
          messageId: 'vulnerable',
          data: {
            name: 'body-parser',
            range: '1.20.2',
            advisories:
              'CVE-2026-12590 (GHSA-v422-hmwv-36x6) an invalid `limit` option silently disables the body size limit',
            fixed: '1.20.6',
            reviewed: REVIEWED,
          },
        },
      ],
    },
  ],
});

describe('the package.json config block', () => {
  it('runs this rule on package.json only, and no script rule there', async () => {
    for (const [config, level] of [
      ['package-json', 'recommended'],
      ['recommended-all-files', 'recommended'],
      ['strict-all-files', 'strict'],
    ] as const) {
      const blocks = plugin.configs[config];
      const jsonBlock = blocks.find((b) => b.name === `secure-express/${level}/package-json`);
      expect(jsonBlock).toMatchObject({ files: ['**/package.json'], language: 'secure-express/json' });
      expect(Object.keys(jsonBlock!.rules!)).toEqual(['secure-express/no-vulnerable-express-version']);
      const scriptRules = blocks.filter((b) => b !== jsonBlock).flatMap((b) => Object.keys(b.rules ?? {}));
      expect(scriptRules).not.toContain('secure-express/no-vulnerable-express-version');
    }
    for (const config of ['recommended', 'strict'] as const) {
      expect(plugin.configs[config].flatMap((b) => Object.keys(b.rules ?? {}))).not.toContain(
        'secure-express/no-vulnerable-express-version',
      );
    }
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: plugin.configs['recommended-all-files'], cwd: '/tmp' });
    const [pkgResult] = await eslint.lintText(pkg({ express: '^4.17.1' }), { filePath: '/tmp/app/package.json' });
    expect(pkgResult!.messages.map((m) => m.ruleId)).toEqual(['secure-express/no-vulnerable-express-version']);
    const [jsResult] = await eslint.lintText("const express = require('express');\n", { filePath: '/tmp/app/server.js' });
    expect(jsResult!.messages.map((m) => m.ruleId)).not.toContain('secure-express/no-vulnerable-express-version');
    // Not valid JSON: a parse error from ESLint, no crash and no finding of the rule.
    for (const broken of ['{ "dependencies": { "express": "^3.0.0", } }', '{ "dependencies": { "express": ', '// c\n{}']) {
      const [result] = await eslint.lintText(broken, { filePath: '/tmp/app/package.json' });
      expect(result!.messages.map((m) => [m.ruleId, m.fatal])).toEqual([[null, true]]);
    }
    // Another JSON file is not linted by the block at all.
    const [other] = await eslint.lintText(pkg({ express: '^4.17.1' }), { filePath: '/tmp/app/tsconfig.json' });
    expect(other!.messages.filter((m) => m.ruleId !== null)).toEqual([]);
  });
});
