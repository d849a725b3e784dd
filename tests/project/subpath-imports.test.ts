// Node's subpath imports (`package.json` `imports`: `import auth from '#routes/auth'`) lead to files of the package,
// as relative imports do (src/project/resolve.ts `resolveSubpathImport`): a router mounted through one gets its mount.
import { cjs, esm, ts, withProject } from './fixture-project';

const RATE = /require-rate-limit/u;

const ROUTER_ESM = "import { Router } from 'express';\n\nconst router = Router();\nrouter.post('/login', (req, res) => res.json({ ok: true }));\nexport default router;\n";

describe('subpath imports (#routes/*)', () => {
  it('ES modules: a router imported as #routes/auth is mounted on /auth', () => {
    const files = {
      'package.json': '{ "name": "hash", "type": "module", "main": "src/app.mjs", "imports": { "#routes/*": "./src/routes/*.mjs" }, "dependencies": { "express": "^4.21.0" } }',
      'src/app.mjs': "import express from 'express';\nimport auth from '#routes/auth';\n\nconst app = express();\napp.use('/auth', auth);\napp.listen(3000);\n",
      'src/routes/auth.mjs': ROUTER_ESM,
    };
    withProject('subpath', files, (lint) => expect(lint('src/routes/auth.mjs')).toEqual(['4:13 secure-express/require-rate-limit']), { config: esm, rules: RATE });
    // A limiter mounted before the router counts for its routes.
    const limited = {
      ...files,
      'src/app.mjs': "import express from 'express';\nimport { rateLimit } from 'express-rate-limit';\nimport auth from '#routes/auth';\n\nconst app = express();\napp.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }), auth);\napp.listen(3000);\n",
    };
    withProject('subpath', limited, (lint) => expect(lint('src/routes/auth.mjs')).toEqual([]), { config: esm, rules: RATE });
    // Without the imports map, '#routes/auth' is no file of the package: the router's mount is unknown.
    withProject('subpath', { ...limited, 'package.json': '{ "name": "hash", "type": "module", "main": "src/app.mjs" }' }, (lint) => expect(lint('src/routes/auth.mjs')).toEqual([]), {
      config: esm,
      rules: RATE,
    });
  });

  it('TypeScript: #routes/auth.js names the .ts source; conditions are read in their order', () => {
    const files = {
      'package.json':
        '{ "name": "hash", "type": "module", "main": "src/app.ts", "imports": { "#routes/*": { "types": "./src/routes/*.d.ts", "import": "./src/routes/*" } }, "dependencies": { "express": "^4.21.0" } }',
      'src/app.ts': "import express from 'express';\nimport auth from '#routes/auth.js';\n\nconst app = express();\napp.use('/api/auth', auth);\napp.listen(3000);\n",
      'src/routes/auth.ts': ROUTER_ESM.replace("import { Router } from 'express';", "import { Router, type Request, type Response } from 'express';").replace('(req, res)', '(req: Request, res: Response)'),
    };
    withProject('subpath', files, (lint) => expect(lint('src/routes/auth.ts')).toEqual(['4:13 secure-express/require-rate-limit']), { config: ts, rules: RATE });
  });

  it('an exact key or tsconfig alias whose name is not the file\'s (#db, @config) finds its importers too', () => {
    const files = {
      'package.json': '{ "name": "hash", "main": "app.js", "imports": { "#auth": "./lib/routes/login.js" }, "dependencies": { "express": "^4.21.0" } }',
      'app.js': "const express = require('express');\n\nconst app = express();\napp.use('/account', require('#auth'));\napp.listen(3000);\n",
      'lib/routes/login.js': "const router = require('express').Router();\n\nrouter.post('/login', (req, res) => res.json({ ok: true }));\nmodule.exports = router;\n",
    };
    withProject('subpath', files, (lint) => expect(lint('lib/routes/login.js')).toEqual(['3:13 secure-express/require-rate-limit']), { config: cjs, rules: RATE });
    const tsFiles = {
      'package.json': '{ "name": "alias", "main": "src/app.ts", "dependencies": { "express": "^4.21.0" } }',
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@auth": ["src/routes/login.ts"] } } }',
      'src/app.ts': "import express from 'express';\nimport auth from '@auth';\n\nconst app = express();\napp.use('/account', auth);\napp.listen(3000);\n",
      'src/routes/login.ts': ROUTER_ESM,
    };
    withProject('subpath', tsFiles, (lint) => expect(lint('src/routes/login.ts')).toEqual(['4:13 secure-express/require-rate-limit']), { config: ts, rules: RATE });
  });

  it('CommonJS: require("#routes") of an exact key', () => {
    const files = {
      'package.json': '{ "name": "hash", "main": "app.js", "imports": { "#routes": "./lib/routes.js" }, "dependencies": { "express": "^4.21.0" } }',
      'app.js': "const express = require('express');\nconst { rateLimit } = require('express-rate-limit');\n\nconst app = express();\napp.use(rateLimit({ windowMs: 60000, limit: 5 }));\napp.use(require('#routes'));\napp.listen(3000);\n",
      'lib/routes.js': "const router = require('express').Router();\n\nrouter.post('/login', (req, res) => res.json({ ok: true }));\nmodule.exports = router;\n",
    };
    withProject('subpath', files, (lint) => expect(lint('lib/routes.js')).toEqual([]), { config: cjs, rules: RATE });
    files['app.js'] = files['app.js'].replace("app.use(rateLimit({ windowMs: 60000, limit: 5 }));\n", '');
    withProject('subpath', files, (lint) => expect(lint('lib/routes.js')).toEqual(['3:13 secure-express/require-rate-limit']), { config: cjs, rules: RATE });
  });
});
