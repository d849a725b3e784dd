import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const SQL = /no-sql-injection/u;
const format = (m: { line: number; column: number; message: string }): string => `${m.line}:${m.column} ${m.message}`;
const single = [...cjs, { settings: { 'secure-express': { crossFile: false } } }] as Linter.Config[];
const reported = (line: number, column: number, part: string, origin: string): string =>
  `${line}:${column} SQL text passed to 'queryRunner.query' is built from a non-constant part ('${part}', ${origin}): pass values as query parameters, never inside the SQL.`;

/**
 * Session 25, flowise 3.1.4's migrations (dist/database/migrations/*\/1755066758601-ModifyChatflowType.js:7): SQL text
 * built from a constant that another module of the package exports (`export const KIND = 'CHATFLOW'`, a TypeScript
 * enum's member, `EnumChatflowType.CHATFLOW` of `export enum EnumChatflowType { CHATFLOW = 'CHATFLOW' }`, and its
 * compiled form) is constant text, as the same constant declared in the migration's own file. A value of unseen origin
 * there, a `let` written again, an enum whose members its file writes, a constant the linted file writes through, and
 * every such part with `crossFile: false`, stay reported.
 */
const FILES = {
  'package.json': '{ "name": "flows", "main": "index.js", "dependencies": { "typeorm": "^0.3.0" } }',
  // CommonJS
  'entities/kinds.js': "exports.KIND = 'CHATFLOW';\nexports.LIMIT = 10;\nexports.FROM_ENV = process.env.KIND;\n",
  'entities/changed.js': "exports.KIND = 'CHATFLOW';\n",
  'migrations/1-cjs.js':
    "const { KIND, LIMIT } = require('../entities/kinds');\nconst kinds = require('../entities/kinds');\nmodule.exports = async (queryRunner) => {\n  await queryRunner.query(`UPDATE flow SET type = '${KIND}' WHERE n < ${LIMIT} AND k <> '${kinds.KIND}'`);\n};\n",
  'migrations/2-cjs-not.js':
    "const { FROM_ENV } = require('../entities/kinds');\nconst changed = require('../entities/changed');\nmodule.exports = async (queryRunner, kind) => {\n  changed.KIND = kind;\n  await queryRunner.query(`UPDATE flow SET type = '${FROM_ENV}'`);\n  await queryRunner.query(`UPDATE flow SET type = '${changed.KIND}'`);\n};\n",
  // ESM
  'lib/kinds.mjs': "export const KIND = 'CHATFLOW';\nexport let CHANGING = 'a';\nCHANGING = globalThis.kind;\n",
  'migrations/3-esm.mjs':
    "import { KIND, CHANGING } from '../lib/kinds.mjs';\nexport async function up(queryRunner) {\n  await queryRunner.query(`UPDATE flow SET type = '${KIND}'`);\n  await queryRunner.query(`UPDATE flow SET type = '${CHANGING}'`);\n}\n",
  // TypeScript: an exported enum
  'src/entities/ChatFlow.ts':
    "export enum EnumChatflowType {\n  CHATFLOW = 'CHATFLOW',\n  AGENTFLOW = 'AGENTFLOW',\n}\nexport enum Level {\n  Low = 1,\n  High,\n}\nexport let current = 'a';\ncurrent = String(Date());\n",
  'src/migration.ts':
    "import type { QueryRunner } from 'typeorm';\nimport { EnumChatflowType, Level, current } from './entities/ChatFlow';\nexport class ModifyChatflowType {\n  async up(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(`UPDATE chat_flow SET type = '${EnumChatflowType.CHATFLOW}' WHERE level = ${Level.Low}`);\n    await queryRunner.query(`UPDATE chat_flow SET type = '${current}'`);\n  }\n}\n",
  // The same compiled by tsc 5 (`(E || (exports.E = E = {}))`) and tsc 4 (`(E = exports.E || (exports.E = {}))`), and an
  // enum whose member its file writes after it is made
  'dist/entities/ChatFlow.js':
    '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.Level = exports.EnumChatflowType = void 0;\nvar EnumChatflowType;\n(function (EnumChatflowType) {\n    EnumChatflowType["CHATFLOW"] = "CHATFLOW";\n    EnumChatflowType["AGENTFLOW"] = "AGENTFLOW";\n})(EnumChatflowType || (exports.EnumChatflowType = EnumChatflowType = {}));\nvar Level;\n(function (Level) {\n    Level[Level["Low"] = 1] = "Low";\n    Level[Level["High"] = 2] = "High";\n})(Level = exports.Level || (exports.Level = {}));\n',
  'dist/entities/Changed.js':
    '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.Kind = void 0;\nvar Kind;\n(function (Kind) {\n    Kind["A"] = "A";\n})(Kind || (exports.Kind = Kind = {}));\nKind.A = process.env.KIND_A;\n',
  'dist/migration.js':
    '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.ModifyChatflowType = void 0;\nconst ChatFlow_1 = require("./entities/ChatFlow");\nconst Changed_1 = require("./entities/Changed");\nclass ModifyChatflowType {\n    async up(queryRunner) {\n        await queryRunner.query(`UPDATE chat_flow SET type = \'${ChatFlow_1.EnumChatflowType.CHATFLOW}\' WHERE level = ${ChatFlow_1.Level.Low}`);\n        await queryRunner.query(`UPDATE chat_flow SET type = \'${Changed_1.Kind.A}\'`);\n    }\n}\nexports.ModifyChatflowType = ModifyChatflowType;\n',
};

describe("SQL text built from a constant of another module (flowise's migrations)", () => {
  it('CommonJS: exports.KIND = text, exports.LIMIT = number, destructured or read as a property, is constant', () => {
    withProject('const-parts', FILES, (lint) => {
      expect(lint('migrations/1-cjs.js')).toEqual([]);
    }, { rules: SQL, format });
  });

  it('CommonJS: a value of unseen origin there, or a constant the linted file writes through, is still reported', () => {
    withProject('const-parts', FILES, (lint) => {
      expect(lint('migrations/2-cjs-not.js')).toEqual([
        reported(5, 27, 'FROM_ENV', "the variable 'FROM_ENV'"),
        reported(6, 27, 'changed.KIND', "a property of 'changed'"),
      ]);
    }, { rules: SQL, format });
  });

  it('ESM: export const is constant; an export let written again is not', () => {
    withProject('const-parts', FILES, (lint) => {
      expect(lint('migrations/3-esm.mjs')).toEqual([reported(4, 27, 'CHANGING', "the variable 'CHANGING'")]);
    }, { rules: SQL, format: format, config: esm });
  });

  it("TypeScript: an exported enum's members (text and numbers) are constant; an export let written again is not", () => {
    withProject('const-parts', FILES, (lint) => {
      expect(lint('src/migration.ts')).toEqual([reported(6, 29, 'current', "the variable 'current'")]);
    }, { rules: SQL, format, config: ts });
  });

  it("compiled TypeScript: the enum's IIFE (tsc 5 and tsc 4) is read as the enum; one whose member its file writes is not", () => {
    withProject('const-parts', FILES, (lint) => {
      expect(lint('dist/migration.js')).toEqual([reported(9, 33, 'Changed_1.Kind.A', "a property of 'Changed_1.Kind'")]);
    }, { rules: SQL, format });
  });

  it('crossFile: false: every such part is of unseen origin again', () => {
    withProject('const-parts', FILES, (lint) => {
      expect(lint('migrations/1-cjs.js')).toEqual([reported(4, 27, 'KIND', "the variable 'KIND'")]);
      expect(lint('dist/migration.js')).toEqual([
        reported(8, 33, 'ChatFlow_1.EnumChatflowType.CHATFLOW', "a property of 'ChatFlow_1.EnumChatflowType'"),
        reported(9, 33, 'Changed_1.Kind.A', "a property of 'Changed_1.Kind'"),
      ]);
    }, { rules: SQL, format, config: single });
  });
});
