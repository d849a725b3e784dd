// Middleware made in another file of the package and imported (`module.exports = helmet({...})`, `export default
// [helmet(), rateLimit(...)]`, `export const limiter = rateLimit(...)`): the model reads what that file exports
// (src/project `importedMiddleware`), so the imported value is that middleware, in the chains and on the app. A value
// of another file that the model cannot read (a computed export, what a call returns) in a file that uses helmet may be
// helmet: the app-wide header rules say nothing about it.
import type { Linter } from 'eslint';

import { esm, ts, withProject as inProject } from './fixture-project';

const WATCHED = /require-helmet|disable-x-powered-by|require-rate-limit|no-unsafe-csp/u;
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;

function withProject(files: Record<string, string>, run: (lint: (name: string) => string[]) => void, config?: typeof esm): void {
  inProject('imported-mw', files, run, { config, rules: WATCHED, format });
}

const PACKAGE = '{ "name": "imported-mw", "main": "app.js", "dependencies": { "express": "^5.1.0", "helmet": "^8.0.0", "express-rate-limit": "^7.4.0" } }';
const ESM_PACKAGE = PACKAGE.replace('"main"', '"type": "module", "main"');

const APP = (mount: string): string =>
  `const app = require('express')();\n${mount}\napp.post('/login', (req, res) => res.json({}));\napp.listen(3000);\n`;

describe('middleware exported by another file of the package', () => {
  it("require-https (strict): helmet made in another file sends HSTS, as helmet of this file does (trial 11)", () => {
    const https = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}`;
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'middleware/index.js': "module.exports = [require('helmet')(), require('express-rate-limit')({ windowMs: 60000, limit: 100 })];\n",
      'app.js': APP("app.use(require('./middleware'));"),
    };
    inProject('imported-mw', files, (lint) => expect(lint('app.js')).toEqual([]), { rules: /require-https/u, format: https });
    // What a function of that file returns (`security()`), in a file that uses helmet: may be helmet, nothing said.
    files['middleware/index.js'] = "const helmet = require('helmet');\nexports.security = (opts = {}) => [helmet(), opts.log ? (req, res, next) => next() : null].filter(Boolean);\n";
    files['app.js'] = APP("app.use(require('./middleware').security());");
    inProject('imported-mw', files, (lint) => expect(lint('app.js')).toEqual([]), { rules: /require-https/u, format: https });
    // Without helmet there: no HSTS, nothing else shows TLS, reported.
    files['middleware/index.js'] = "module.exports = [require('express-rate-limit')({ windowMs: 60000, limit: 100 })];\n";
    inProject('imported-mw', files, (lint) => expect(lint('app.js')).toEqual(['4:1 secure-express/require-https']), { rules: /require-https/u, format: https });
  });

  it('an exported array of helmet() and a limiter counts as helmet and a limiter (CommonJS)', () => {
    const files = {
      'package.json': PACKAGE,
      'middleware/index.js': "module.exports = [require('helmet')(), require('express-rate-limit')({ windowMs: 60000, limit: 100 })];\n",
      'app.js': APP("app.use(require('./middleware'));"),
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual([]));
  });

  it('an exported helmet({...}) counts as helmet; the routes still want a limiter', () => {
    const files = {
      'package.json': PACKAGE,
      'config/helmet.js': "const helmet = require('helmet');\nmodule.exports = helmet({ contentSecurityPolicy: { directives: { defaultSrc: [\"'self'\"] } } });\n",
      'app.js': APP("app.use(require('./config/helmet'));"),
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual(['3:10 secure-express/require-rate-limit']));
  });

  it("helmet of another file told to keep X-Powered-By: reported on the app, not on that file's option", () => {
    const files = {
      'package.json': PACKAGE,
      'config/helmet.js': "const helmet = require('helmet');\nmodule.exports = helmet({ xPoweredBy: false });\n",
      'app.js': APP("app.use(require('./config/helmet'));"),
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual(['1:13 secure-express/disable-x-powered-by', '3:10 secure-express/require-rate-limit']));
  });

  it('a file that exports a function of its own is that function: the app still has no helmet', () => {
    const files = {
      'package.json': PACKAGE,
      'middleware/log.js': 'module.exports = (req, res, next) => next();\n',
      'app.js': APP("app.use(require('./middleware/log'));"),
    };
    withProject(files, (lint) =>
      expect(lint('app.js')).toEqual(['1:13 secure-express/disable-x-powered-by', '1:13 secure-express/require-helmet', '3:10 secure-express/require-rate-limit']),
    );
  });

  it('a value the model cannot read (what a call returns) in a file that uses helmet may be helmet: the header rules say nothing, the limiter rule still reports', () => {
    const files = {
      'package.json': PACKAGE,
      'middleware/index.js': "const helmet = require('helmet');\nconst build = (options) => (options.strict ? helmet() : (req, res, next) => next());\nmodule.exports = build({ strict: true });\n",
      'app.js': APP("app.use(require('./middleware'));"),
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual(['3:10 secure-express/require-rate-limit']));
    // A file that does not parse is unknown too.
    withProject({ ...files, 'middleware/index.js': "module.exports = [require('helmet')(), \n" }, (lint) =>
      expect(lint('app.js')).toEqual(['3:10 secure-express/require-rate-limit']),
    );
    // One that uses no helmet cannot be helmet, whatever it returns.
    const other = { ...files, 'middleware/index.js': "const build = require('./build');\nmodule.exports = build({ strict: true });\n", 'middleware/build.js': 'module.exports = (options) => options;\n' };
    withProject(other, (lint) =>
      expect(lint('app.js')).toEqual(['1:13 secure-express/disable-x-powered-by', '1:13 secure-express/require-helmet', '3:10 secure-express/require-rate-limit']),
    );
  });

  it('named exports of a limiter under a name that does not tell: `module.exports.guard`, `const { guard } = require(...)` (CommonJS)', () => {
    const files = {
      'package.json': PACKAGE,
      'mw.js': "const rateLimit = require('express-rate-limit');\nmodule.exports.guard = rateLimit({ windowMs: 60000, limit: 5 });\nmodule.exports.other = (req, res, next) => next();\n",
      'app.js':
        "const helmet = require('helmet');\nconst { guard, other } = require('./mw');\nconst mw = require('./mw');\nconst app = require('express')();\napp.use(helmet());\napp.post('/login', guard, (req, res) => res.json({}));\napp.post('/signin', mw.guard, (req, res) => res.json({}));\napp.post('/register', other, (req, res) => res.json({}));\napp.listen(3000);\n",
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual(['8:10 secure-express/require-rate-limit']));
  });

  it("an imported value keeps the names it goes by in the importing file: a telling name, the module in `limiters`", () => {
    const files = {
      'package.json': PACKAGE,
      'middleware/counter.js': "module.exports = require('redis-throttle-kit')({ per: 60 });\n",
      'app.js':
        "const helmet = require('helmet');\nconst authLimiter = require('./middleware/counter');\nconst guard = require('./middleware/counter');\nconst app = require('express')();\napp.use(helmet());\napp.post('/login', authLimiter, (req, res) => res.json({}));\napp.post('/signup', guard, (req, res) => res.json({}));\napp.listen(3000);\n",
    };
    withProject(files, (lint) => expect(lint('app.js')).toEqual(['7:10 secure-express/require-rate-limit']));
    const named = [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' as const }, rules: { 'secure-express/require-rate-limit': ['error', { limiters: ['./middleware/counter'] }] } }] as typeof esm;
    withProject(files, (lint) => expect(lint('app.js')).toEqual([]), named);
  });

  it('ESM: `export default [helmet(), rateLimit(...)]` spread or mounted whole, `export const guard`', () => {
    const security = "import helmet from 'helmet';\nimport rateLimit from 'express-rate-limit';\nexport const guard = rateLimit({ windowMs: 60000, limit: 5 });\nexport default [helmet(), guard];\n";
    for (const mount of ['app.use(...security);', 'app.use(security);']) {
      const files = {
        'package.json': ESM_PACKAGE,
        'middleware/security.js': security,
        'app.js': `import express from 'express';\nimport security from './middleware/security.js';\nconst app = express();\n${mount}\napp.post('/login', (req, res) => res.json({}));\napp.listen(3000);\n`,
      };
      withProject(files, (lint) => expect(lint('app.js')).toEqual([]), [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }]);
    }
    const named = {
      'package.json': ESM_PACKAGE,
      'middleware/security.js': security,
      'app.js': "import express from 'express';\nimport helmet from 'helmet';\nimport { guard } from './middleware/security.js';\nconst app = express();\napp.use(helmet());\napp.post('/login', guard, (req, res) => res.json({}));\napp.post('/signup', (req, res) => res.json({}));\napp.listen(3000);\n",
    };
    withProject(named, (lint) => expect(lint('app.js')).toEqual(['7:10 secure-express/require-rate-limit']), [...esm, { files: ['**/*.js'], languageOptions: { sourceType: 'module' as const } }]);
  });

  it('CSRF protection exported by another file and mounted with use counts for the routes after it', () => {
    const files = {
      'package.json': PACKAGE.replace('"express-rate-limit"', '"csrf-csrf": "^3.0.0", "express-session": "^1.18.0", "express-rate-limit"'),
      'security/tokens.js': "const { doubleCsrf } = require('csrf-csrf');\nconst { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.S });\nmodule.exports = doubleCsrfProtection;\n",
      'app.js':
        "const helmet = require('helmet');\nconst session = require('express-session');\nconst app = require('express')();\napp.use(helmet());\napp.use(session({ secret: process.env.S }));\napp.post('/early', (req, res) => { req.session.a = 1; res.end(); });\napp.use(require('./security/tokens'));\napp.post('/profile', (req, res) => { req.session.name = String(req.body.name); res.end(); });\napp.listen(3000);\n",
    };
    const rules = /require-csrf-protection/u;
    inProject('imported-mw', files, (lint) => expect(lint('app.js')).toEqual(['6:10 secure-express/require-csrf-protection']), { rules, format });
  });

  it('TypeScript: a `const` holding helmet() exported by name, through a barrel', () => {
    const files = {
      'package.json': PACKAGE.replace('"app.js"', '"app.ts"'),
      'middleware/headers.ts': "import helmet from 'helmet';\nconst headers = helmet();\nexport { headers };\n",
      'middleware/index.ts': "export { headers } from './headers';\n",
      'app.ts': "import express from 'express';\nimport { headers } from './middleware';\nconst app = express();\napp.use(headers);\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n",
    };
    withProject(files, (lint) => expect(lint('app.ts')).toEqual([]), ts);
    const without = { ...files, 'middleware/headers.ts': "export const headers = (req: unknown, res: unknown, next: () => void) => next();\n" };
    withProject(without, (lint) => expect(lint('app.ts')).toEqual(['3:13 secure-express/disable-x-powered-by', '3:13 secure-express/require-helmet']), ts);
  });
});
