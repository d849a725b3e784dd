// Compiled CommonJS across files (what `tsc` emits for an ESM/TypeScript source): `__importDefault(require(...))` and
// `x_1.default` for a default export written `exports.default = router`, and the `exports.login = void 0;` line that
// declares each named export before the statement that sets it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Linter } from 'eslint';

import plugin from '../../src/index';

const config = [...plugin.configs.strict, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' as const } }] as Linter.Config[];

const PRELUDE = '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "compiled", "main": "lib/index.js", "dependencies": { "express": "^4.21.0", "express-session": "^1.18.0" } }',
  'lib/index.js': `${PRELUDE}const express_1 = __importDefault(require("express"));\nconst express_session_1 = __importDefault(require("express-session"));\nconst auth_routes_1 = __importDefault(require("./routes/auth.routes"));\nconst app = (0, express_1.default)();\napp.use((0, express_session_1.default)({ secret: process.env.S, name: 'sid', store: new (require("connect-redis").RedisStore)({}) }));\napp.use('/auth', auth_routes_1.default);\napp.listen(3000);\n`,
  'lib/routes/auth.routes.js': `${PRELUDE}const express_1 = require("express");\nconst auth_controller_1 = require("../controllers/auth.controller");\nconst router = (0, express_1.Router)();\nrouter.post('/login', auth_controller_1.login);\nexports.default = router;\n`,
  'lib/controllers/auth.controller.js': `${PRELUDE}exports.login = void 0;\nconst login = (req, res) => {\n    req.session.userId = req.body.email;\n    res.json({ ok: true });\n};\nexports.login = login;\n`,
};

function lint(name: string, files = FILES, withMessage = false): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'secure-express-compiled-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const file = path.join(dir, name);
    return new Linter({ cwd: dir }).verify(readFileSync(file, 'utf8'), config, { filename: file }).map((m) => `${m.line}:${m.column} ${m.ruleId}${withMessage ? ` ${m.message}` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('compiled CommonJS across files', () => {
  it("a router exported as exports.default is mounted through x_1.default, and a controller declared with void 0 is the route's handler", () => {
    expect(lint('lib/routes/auth.routes.js')).toEqual(['6:13 secure-express/require-csrf-protection', '6:13 secure-express/require-rate-limit']);
    expect(lint('lib/controllers/auth.controller.js')).toEqual(['5:5 secure-express/require-session-regenerate', '5:26 secure-express/require-input-validation']);
  });

  it("the route's full path comes through the mount; without it the router's chain is unknown (both ways)", () => {
    expect(lint('lib/controllers/auth.controller.js', FILES, true)[1]).toContain("Route 'POST /auth/login'");
    const files = { ...FILES, 'lib/index.js': FILES['lib/index.js']!.replace("app.use('/auth', auth_routes_1.default);\n", '') };
    expect(lint('lib/routes/auth.routes.js', files)).toEqual([]);
    expect(lint('lib/controllers/auth.controller.js', files, true)[1]).toContain("Route 'POST /login'");
  });
});
