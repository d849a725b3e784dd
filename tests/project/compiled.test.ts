// Compiled CommonJS across files (what `tsc` emits for an ESM/TypeScript source): `__importDefault(require(...))` and
// `x_1.default` for a default export written `exports.default = router`, and the `exports.login = void 0;` line that
// declares each named export before the statement that sets it.
import { Linter } from 'eslint';

import plugin from '../../src/index';
import { lintWritten } from '../helpers/projects';

const config = [...plugin.configs.strict, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' as const } }] as Linter.Config[];

const PRELUDE = '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "compiled", "main": "lib/index.js", "dependencies": { "express": "^4.21.0", "express-session": "^1.18.0" } }',
  'lib/index.js': `${PRELUDE}const express_1 = __importDefault(require("express"));\nconst express_session_1 = __importDefault(require("express-session"));\nconst auth_routes_1 = __importDefault(require("./routes/auth.routes"));\nconst app = (0, express_1.default)();\napp.use((0, express_session_1.default)({ secret: process.env.S, name: 'sid', store: new (require("connect-redis").RedisStore)({}) }));\napp.use('/auth', auth_routes_1.default);\napp.listen(3000);\n`,
  'lib/routes/auth.routes.js': `${PRELUDE}const express_1 = require("express");\nconst auth_controller_1 = require("../controllers/auth.controller");\nconst router = (0, express_1.Router)();\nrouter.post('/login', auth_controller_1.login);\nexports.default = router;\n`,
  'lib/controllers/auth.controller.js': `${PRELUDE}exports.login = void 0;\nconst login = (req, res) => {\n    req.session.userId = req.body.email;\n    res.json({ ok: true });\n};\nexports.login = login;\n`,
};

function lint(name: string, files = FILES, withMessage = false): string[] {
  return lintWritten(files, name, config, withMessage);
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

// TypeScript's CommonJS output of `export const router = Router(); router.post(...)`: the router lives on `exports`
// (`exports.router = (0, express_1.Router)(); exports.router.post(...)`), declared first with `exports.router = void 0;`.
describe('compiled CommonJS: a router kept on exports (export const router = Router())', () => {
  const routes = (make: string, imports = 'const express_1 = require("express");\n'): string =>
    `${PRELUDE}exports.router = void 0;\n${imports}const auth_controller_1 = require("../controllers/auth.controller");\nexports.router = ${make};\nexports.router.post('/login', auth_controller_1.login);\n`;
  const files = (routesFile: string, mount = "app.use('/auth', auth_routes_1.router);\n"): Record<string, string> => ({
    ...FILES,
    'lib/index.js': FILES['lib/index.js']!.replace('const auth_routes_1 = __importDefault(require("./routes/auth.routes"));', 'const auth_routes_1 = require("./routes/auth.routes");').replace("app.use('/auth', auth_routes_1.default);\n", mount),
    'lib/routes/auth.routes.js': routesFile,
  });
  const DEFAULT_IMPORT = 'const express_1 = __importDefault(require("express"));\n';

  it('its routes are the router\'s, mounted where the importer mounts exports.router (each form tsc and Babel emit)', () => {
    for (const routesFile of [routes('(0, express_1.Router)()'), routes('express_1.Router()'), routes('express_1.default.Router()', DEFAULT_IMPORT), routes('(0, express_1.default.Router)()', DEFAULT_IMPORT)]) {
      expect(lint('lib/routes/auth.routes.js', files(routesFile))).toEqual(['7:21 secure-express/require-csrf-protection', '7:21 secure-express/require-rate-limit']);
      expect(lint('lib/controllers/auth.controller.js', files(routesFile), true)[1]).toContain("Route 'POST /auth/login'");
    }
    // Named as its source names it.
    expect(lint('lib/routes/auth.routes.js', files(routes('(0, express_1.Router)()')), true)[1]).toContain("Authentication route 'POST /auth/login' on 'router (mounted in lib/index.js:8)'");
  });

  it('not reported: mounted behind a limiter and CSRF protection; not mounted in the package (exported: configured elsewhere)', () => {
    const guarded = files(routes('(0, express_1.Router)()'), "app.use('/auth', require('express-rate-limit')({ windowMs: 60000, limit: 5 }), require('csurf')(), auth_routes_1.router);\n");
    guarded['package.json'] = FILES['package.json']!.replace('"express-session": "^1.18.0"', '"express-session": "^1.18.0", "express-rate-limit": "^7.4.0", "csurf": "^1.11.0"');
    expect(lint('lib/routes/auth.routes.js', guarded)).toEqual([]);
    expect(lint('lib/routes/auth.routes.js', files(routes('(0, express_1.Router)()'), ''))).toEqual([]);
    // A router the file assigns to exports.router twice is no one router: its routes stay unknown.
    const twice = routes('(0, express_1.Router)()').replace("exports.router.post('/login'", "exports.router = (0, express_1.Router)();\nexports.router.post('/login'");
    expect(lint('lib/routes/auth.routes.js', files(twice))).toEqual([]);
  });
});
