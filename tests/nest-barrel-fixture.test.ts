/**
 * A NestJS app whose modules come through barrels (tests/fixtures/projects/nest-barrel): `AppModule` imports
 * `AuthModule` from `auth/index.ts` (`export * from './auth.module'`) and `Admin` from `admin/index.ts` (`export {
 * AdminModule as Admin } from './admin.module'`), as @lenne.tech/nest-server's `ServerModule` imports `TusModule` from
 * `core/modules/tus/index.ts`. The Nest module graph (`nestApps`) follows the barrels to the module classes, so the app
 * is known and each controller's login gets its chain; a barrel it cannot follow leaves the app unknown. Each row lints
 * a copy of the project with some files changed, and asserts its exact findings.
 */
import { lintFixtureCopy, type FixtureChanges as Changes, type ProjectFindings } from './helpers/projects';

/** Lints (strict) a copy of the fixture with `changes` applied. */
const lintCopy = (changes: Changes, crossFile: boolean): Promise<ProjectFindings> => lintFixtureCopy('nest-barrel', changes, crossFile);

const AUTH_LOGIN = 'src/auth/auth.controller.ts:11:9 require-rate-limit';
const ADMIN_LOGIN = 'src/admin/admin.controller.ts:7:9 require-rate-limit';
const message = (route: string, controller: string): string =>
  `Authentication route 'POST ${route}' on '${controller} (bootstrapped in src/main.ts)' has no rate limiter before it: an attacker can call it without limit to guess passwords, tokens or codes, or to create accounts and find out which ones exist.`;

/** `AppModule` also importing `SecurityModule` (an `APP_GUARD` ThrottlerGuard) from the barrel `security/index.ts`. */
const importsSecurity = (text: string): string =>
  text.replace("import { AuthModule } from './auth';", "import { AuthModule } from './auth';\nimport { SecurityModule } from './security';").replace('imports: [', 'imports: [SecurityModule, ');

/** tsc's CommonJS output of `export * from './auth.module'` (tslib's helpers inlined, as tsc writes them). */
const COMPILED_STAR = `"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./auth.module"), exports);
`;
/** tsc's CommonJS output of `export { AdminModule as Admin } from './admin.module'`. */
const COMPILED_NAMED = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Admin = void 0;
var admin_module_1 = require("./admin.module");
Object.defineProperty(exports, "Admin", { enumerable: true, get: function () { return admin_module_1.AdminModule; } });
`;
/** SWC's CommonJS output of the same two barrels. */
const SWC_STAR = `"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./auth.module"), exports);
function _export_star(from, to) {
    Object.keys(from).forEach(function(k) {
        if (k !== "default" && !Object.prototype.hasOwnProperty.call(to, k)) {
            Object.defineProperty(to, k, {
                enumerable: true,
                get: function() {
                    return from[k];
                }
            });
        }
    });
    return from;
}
`;
const SWC_NAMED = `"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "Admin", {
    enumerable: true,
    get: function() {
        return _adminmodule.AdminModule;
    }
});
const _adminmodule = require("./admin.module");
`;
const importsCompiled = (text: string): string => text.replace("from './admin';", "from './admin/compiled';").replace("from './auth';", "from './auth/compiled';");

/** A base class with a route of its own (Nest reads route metadata through the prototype chain). */
const BASE = "import { Get } from '@nestjs/common';\n\nexport class BaseController {\n  @Get('health')\n  health() {\n    return 'ok';\n  }\n}\n";
const extendsBase = (text: string): string =>
  text.replace("import { Body, Controller, Post } from '@nestjs/common';", "import { Body, Controller, Post } from '@nestjs/common';\n\nimport { BaseController } from '../base';").replace('export class AuthController {', 'export class AuthController extends BaseController {');

interface Case {
  name: string;
  changes?: Changes;
  crossFile?: boolean;
  expected: string[];
  messages?: [string, string][];
}

const cases: Case[] = [
  {
    name: "modules through an `export *` barrel and an `export { X as Y } from` barrel: the app is known, both unthrottled logins are reported",
    expected: [ADMIN_LOGIN, AUTH_LOGIN],
    messages: [
      [AUTH_LOGIN, message('/api/auth/login', 'AuthController')],
      [ADMIN_LOGIN, message('/api/admin/login', 'AdminController')],
    ],
  },
  { name: 'crossFile: false: a controller alone does not show its guards, nothing is said', crossFile: false, expected: [] },
  {
    name: 'an APP_GUARD ThrottlerGuard of a module imported through a barrel (`export { X } from`) limits every route',
    changes: { 'src/app.module.ts': importsSecurity },
    expected: [],
  },
  {
    name: 'without a global ValidationPipe, the known app reports the logins\' DTOs and, with the barrel\'s APP_GUARD, not their rate limits',
    changes: { 'src/app.module.ts': importsSecurity, 'src/main.ts': (text) => text.replace('  app.useGlobalPipes(new ValidationPipe());\n', '') },
    expected: ['src/admin/admin.controller.ts:8:17 require-input-validation', 'src/auth/auth.controller.ts:12:17 require-input-validation'],
  },
  {
    name: 'the same module imported through its own file limits every route too',
    changes: { 'src/app.module.ts': (text) => importsSecurity(text).replace("from './security';", "from './security/security.module';") },
    expected: [],
  },
  {
    name: 'a controller that its module names through the barrel it is re-exported from is followed too',
    changes: { 'src/auth/auth.module.ts': (text) => text.replace("from './auth.controller';", "from '.';") },
    expected: [ADMIN_LOGIN, AUTH_LOGIN],
  },
  {
    name: 'a controller extending a class of another file through a barrel: the base is followed, the login stays unthrottled',
    changes: { 'src/base/index.ts': "export * from './base.controller';\n", 'src/base/base.controller.ts': BASE, 'src/auth/auth.controller.ts': extendsBase },
    expected: [ADMIN_LOGIN, 'src/auth/auth.controller.ts:13:9 require-rate-limit'],
  },
  {
    name: "a controller extending a class of another file through a barrel: the base's @UseGuards(ThrottlerGuard) limits its login",
    changes: {
      'src/base/index.ts': "export * from './base.controller';\n",
      'src/base/base.controller.ts': BASE.replace('export class', "@UseGuards(ThrottlerGuard)\nexport class").replace("import { Get } from '@nestjs/common';", "import { Get, UseGuards } from '@nestjs/common';\nimport { ThrottlerGuard } from '@nestjs/throttler';"),
      'src/auth/auth.controller.ts': extendsBase,
    },
    expected: [ADMIN_LOGIN],
  },
  {
    name: 'the compiled barrels (tsc: `__exportStar(require(...), exports)`, a getter of `Object.defineProperty`) are followed as the ES ones',
    changes: { 'src/auth/compiled.js': COMPILED_STAR, 'src/admin/compiled.js': COMPILED_NAMED, 'src/app.module.ts': importsCompiled },
    expected: [ADMIN_LOGIN, AUTH_LOGIN],
  },
  {
    name: "SWC's compiled barrels (`_export_star(require(...), exports)`, a getter of `Object.defineProperty`) are followed as the ES ones",
    changes: { 'src/auth/compiled.js': SWC_STAR, 'src/admin/compiled.js': SWC_NAMED, 'src/app.module.ts': importsCompiled },
    expected: [ADMIN_LOGIN, AUTH_LOGIN],
  },
  {
    name: 'a compiled barrel whose getter is not read (a choice) leaves the app unknown, nothing is said',
    changes: {
      'src/auth/compiled.js': SWC_STAR,
      'src/admin/compiled.js': SWC_NAMED.replace('return _adminmodule.AdminModule;', 'return process.env.ADMIN ? _adminmodule.AdminModule : null;'),
      'src/app.module.ts': importsCompiled,
    },
    expected: [],
  },
  {
    name: 'a barrel that passes the module on from a path alias that does not resolve: the app stays unknown, nothing is said',
    changes: { 'src/admin/index.ts': "export { AdminModule as Admin } from '@app/admin';\n" },
    expected: [],
  },
  {
    name: 'a barrel that re-exports no such module (`export *` of another file): the app stays unknown, nothing is said',
    changes: { 'src/auth/index.ts': "export * from './auth.controller';\n" },
    expected: [],
  },
];

describe('NestJS fixture project (tests/fixtures/projects/nest-barrel) under strict', () => {
  it.each(cases)('$name', async ({ changes = {}, crossFile = true, expected, messages = [] }) => {
    const { list, messages: found } = await lintCopy(changes, crossFile);
    expect(list).toEqual(expected);
    for (const [key, text] of messages) expect(found.get(key)).toBe(text);
  });
});
