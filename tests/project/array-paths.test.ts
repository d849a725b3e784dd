// Routers of other files mounted on an array of paths (`app.use(['/auth', '/v1/auth'], authRouter)`): a mount on each
// path, so the router's routes are checked under each (trial 12 M5; src/express/middleware-chain.ts `relativePaths`).
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const RULES = /require-rate-limit/u;
const PACKAGE = '{ "name": "arrays", "main": "app.js", "dependencies": { "express": "^5.1.0", "express-rate-limit": "^7.5.0" } }';

describe('a router of another file mounted on an array of paths', () => {
  it('CommonJS: its route is reported under the path without a limiter, and not when each path has one', () => {
    const files = {
      'package.json': PACKAGE,
      'routes/auth.js': "const express = require('express');\n\nconst router = express.Router();\nrouter.post('/token', (req, res) => res.json(grant(req.body)));\n\nmodule.exports = router;\n",
      'app.js': "const express = require('express');\nconst auth = require('./routes/auth');\n\nconst app = express();\napp.use(['/auth', '/v1/auth'], auth);\napp.listen(3000);\n",
    };
    withProject('arrays', files, (lint) => expect(lint('routes/auth.js')).toEqual(['4:13 secure-express/require-rate-limit']), { config: cjs, rules: RULES });
    files['app.js'] =
      "const express = require('express');\nconst { rateLimit } = require('express-rate-limit');\nconst auth = require('./routes/auth');\n\nconst app = express();\napp.use(['/auth', '/v1/auth'], rateLimit({ windowMs: 60000, limit: 5 }), auth);\napp.listen(3000);\n";
    withProject('arrays', files, (lint) => expect(lint('routes/auth.js')).toEqual([]), { config: cjs, rules: RULES });
  });

  it('CommonJS: mounted on a `const` array of paths, nested or spread (trial 13)', () => {
    const files = {
      'package.json': PACKAGE,
      'routes/auth.js': "const express = require('express');\n\nconst router = express.Router();\nrouter.post('/token', (req, res) => res.json(grant(req.body)));\n\nmodule.exports = router;\n",
      'app.js':
        "const express = require('express');\nconst { rateLimit } = require('express-rate-limit');\nconst auth = require('./routes/auth');\n\nconst AUTH = ['/auth', ['/v1/auth']];\nconst app = express();\n" +
        "app.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }));\napp.use(AUTH, auth);\napp.listen(3000);\n",
    };
    const named = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}${m.message.includes("'POST /v1/auth/token'") ? '' : ' (wrong path)'}`;
    withProject('arrays', files, (lint) => expect(lint('routes/auth.js')).toEqual(['4:13 secure-express/require-rate-limit']), { config: cjs, rules: RULES, format: named });
    files['app.js'] = files['app.js'].replace("app.use('/auth', ", "app.use([...AUTH], ");
    withProject('arrays', files, (lint) => expect(lint('routes/auth.js')).toEqual([]), { config: cjs, rules: RULES });
  });

  it('ES modules: a limiter on one of the paths only leaves the other unprotected', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "app.mjs", "type": "module"'),
      'routes/auth.mjs': "import { Router } from 'express';\n\nconst router = Router();\nrouter.post('/token', (req, res) => res.json(grant(req.body)));\n\nexport default router;\n",
      'app.mjs':
        "import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport auth from './routes/auth.mjs';\n\nconst app = express();\napp.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }));\napp.use(['/auth', '/v1/auth'], auth);\napp.listen(3000);\n",
    };
    withProject('arrays', files, (lint) => expect(lint('routes/auth.mjs')).toEqual(['4:13 secure-express/require-rate-limit']), {
      config: esm,
      rules: RULES,
      format: (m) => `${m.line}:${m.column} ${m.ruleId}${m.message.includes("'POST /v1/auth/token'") ? '' : ' (wrong path)'}`,
    });
    files['app.mjs'] = files['app.mjs'].replace("app.use('/auth', ", "app.use(['/auth', '/v1/auth'], ");
    withProject('arrays', files, (lint) => expect(lint('routes/auth.mjs')).toEqual([]), { config: esm, rules: RULES });
  });

  it('TypeScript: an exported router mounted on two paths, one of them an authentication path', () => {
    const files = {
      'package.json': PACKAGE.replace('"main": "app.js"', '"main": "src/app.ts"'),
      'src/routes/users.ts': "import { Router, type Request, type Response } from 'express';\n\nexport const users = Router();\nusers.post('/', (req: Request, res: Response) => { res.end(); });\n",
      'src/app.ts': "import express from 'express';\nimport { users } from './routes/users';\n\nconst app = express();\napp.use(['/users', '/signup'], users);\napp.listen(3000);\n",
    };
    withProject('arrays', files, (lint) => expect(lint('src/routes/users.ts')).toEqual(['4:12 secure-express/require-rate-limit']), { config: ts, rules: RULES });
    files['src/app.ts'] = "import express from 'express';\nimport { users } from './routes/users';\n\nconst app = express();\napp.use(['/users', '/accounts'], users);\napp.listen(3000);\n";
    withProject('arrays', files, (lint) => expect(lint('src/routes/users.ts')).toEqual([]), { config: ts, rules: RULES });
  });
});
