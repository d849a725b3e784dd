import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const SQL = /no-sql-injection/u;
const format = (m: { line: number; column: number; message: string }): string => `${m.line}:${m.column} ${m.message}`;
const single = [...cjs, { settings: { 'secure-express': { crossFile: false } } }] as Linter.Config[];

const COUNTRIES = "[\n  { alpha2: 'AF', name: 'Afghanistan', numeric: 4 },\n  { alpha2: 'AL', name: 'Albania', numeric: 8 },\n]";
const DELETE = "await queryRunner.query(`DELETE FROM \"country\" WHERE \"iso_2\" = '${c.alpha2}'`);";
const reported = (line: number, column: number, part = 'c.alpha2', origin = "a property of 'c'"): string =>
  `${line}:${column} SQL text passed to 'queryRunner.query' is built from a non-constant part ('${part}', ${origin}): pass values as query parameters, never inside the SQL.`;

/**
 * medusa's first migration (bench/review-precision.md): SQL text built over a constant list of another module of the
 * package (`utils/countries`), an array of object literals of literals that no code changes, reads as the same list
 * declared in the migration's own file: constant. A list whose file changes it, that holds a value of unseen origin or is
 * built by code, stays reported, and so does every list with `crossFile: false`.
 */
const FILES = {
  'package.json': '{ "name": "shop", "main": "index.js", "dependencies": { "typeorm": "^0.3.0" } }',
  'utils/countries.js': `exports.countries = ${COUNTRIES};\n`,
  // the medusa shape: destructured, looped over with for...of
  'migrations/1611063162649-initial.js': `const { countries } = require('../utils/countries');\nmodule.exports = class Initial {\n  async up(queryRunner) {\n    for (const c of countries) {\n      ${DELETE}\n    }\n  }\n};\n`,
  // the whole module, a property read of it; a const alias; callbacks, destructured elements
  'migrations/2-whole.js':
    "const lists = require('../utils/countries');\nconst all = lists.countries;\nmodule.exports = async (queryRunner) => {\n  for (const { alpha2, numeric } of lists.countries) await queryRunner.query(`DELETE FROM country WHERE iso_2 = '${alpha2}' AND n = ${numeric}`);\n  all.forEach((c) => queryRunner.query(`DELETE FROM country WHERE iso_2 = '${c.alpha2}'`));\n  await queryRunner.query(`INSERT INTO country (iso_2) VALUES ${all.map((c) => `('${c.alpha2}')`).join(', ')}`);\n};\n",
  // module.exports = [...] (plain strings), and module.exports = { countries: [...] } through a const
  'utils/codes.js': "module.exports = ['AF', 'AL'];\n",
  'utils/regions.js': `const countries = ${COUNTRIES};\nmodule.exports = { countries, count: countries.length };\n`,
  'migrations/3-codes.js':
    "const codes = require('../utils/codes');\nconst { countries } = require('../utils/regions');\nmodule.exports = async (queryRunner) => {\n  for (const code of codes) await queryRunner.query(`DELETE FROM country WHERE iso_2 = '${code}'`);\n  for (const c of countries) {\n    " + DELETE + "\n  }\n};\n",
  // lists that are not constant: a value of unseen origin, pushed to or written in their file, built by code
  'utils/unseen.js': "exports.countries = [{ alpha2: 'AF' }, { alpha2: process.env.EXTRA_COUNTRY }];\n",
  'utils/pushed.js': `const countries = ${COUNTRIES};\ncountries.push(JSON.parse(process.env.EXTRA));\nmodule.exports = { countries };\n`,
  'utils/written.js': `exports.countries = ${COUNTRIES};\nexports.countries[0].alpha2 = process.env.FIRST;\n`,
  'utils/element-written.js': `const countries = ${COUNTRIES};\nfor (const c of countries) c.alpha2 = c.alpha2.toLowerCase();\nmodule.exports = { countries };\n`,
  'utils/built.js': "const names = require('./names.json');\nexports.countries = names.map((name) => ({ alpha2: name.slice(0, 2) }));\nexports.loaded = loadCountries();\nfunction loadCountries() {\n  return [{ alpha2: 'AF' }];\n}\n",
  'migrations/4-not-constant.js':
    "const { countries: unseen } = require('../utils/unseen');\nconst { countries: pushed } = require('../utils/pushed');\nconst { countries: written } = require('../utils/written');\nconst { countries: elementWritten } = require('../utils/element-written');\nconst { countries: built, loaded } = require('../utils/built');\nmodule.exports = async (queryRunner) => {\n  for (const c of unseen) " + DELETE + "\n  for (const c of pushed) " + DELETE + "\n  for (const c of written) " + DELETE + "\n  for (const c of elementWritten) " + DELETE + "\n  for (const c of built) " + DELETE + "\n  for (const c of loaded) " + DELETE + "\n};\n",
  // a constant list the linted file itself changes, or whose element it writes through
  'migrations/5-changed-here.js':
    "const { countries } = require('../utils/countries');\nconst codes = require('../utils/codes');\nmodule.exports = async (queryRunner, extra) => {\n  codes.push(extra);\n  for (const code of codes) await queryRunner.query(`DELETE FROM country WHERE iso_2 = '${code}'`);\n  for (const c of countries) {\n    c.seen = true;\n    " + DELETE + "\n  }\n};\n",
  // ESM: export const, export default, import { } / default
  'lib/countries.mjs': `export const countries = ${COUNTRIES};\nexport default ['AF', 'AL'];\nexport const mutable = [{ alpha2: 'AF' }];\nmutable.push({ alpha2: globalThis.extra });\n`,
  'migrations/6-esm.mjs':
    "import codes, { countries, mutable } from '../lib/countries.mjs';\nexport async function up(queryRunner) {\n  for (const c of countries) " + DELETE + "\n  await Promise.all(codes.map((code) => queryRunner.query(`DELETE FROM country WHERE iso_2 = '${code}'`)));\n  for (const c of mutable) " + DELETE + "\n}\n",
  // TypeScript: `as const`, and the same compiled (`countries_1.countries`)
  'src/countries.ts': `export const countries = ${COUNTRIES} as const;\nexport const FALLBACK = Object.freeze([{ alpha2: 'ZZ' }]);\n`,
  'src/migration.ts':
    "import { countries, FALLBACK } from './countries';\nimport type { QueryRunner } from 'typeorm';\nexport class Initial {\n  async up(queryRunner: QueryRunner): Promise<void> {\n    for (const c of countries) {\n      " + DELETE + "\n    }\n    for (const c of [...FALLBACK]) " + DELETE + "\n    for (const c of FALLBACK) " + DELETE + "\n  }\n}\n",
  'dist/countries.js': `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.countries = void 0;\nexports.countries = ${COUNTRIES};\n`,
  // SWC's output: the list exported by a getter (`Object.defineProperty(exports, "countries", { get: ... })`), and one pushed to
  'swc/countries.js': `"use strict";\nObject.defineProperty(exports, "__esModule", {\n    value: true\n});\nObject.defineProperty(exports, "countries", {\n    enumerable: true,\n    get: function() {\n        return countries;\n    }\n});\nconst countries = ${COUNTRIES};\n`,
  'swc/pushed.js': `"use strict";\nObject.defineProperty(exports, "countries", {\n    enumerable: true,\n    get: ()=>countries\n});\nconst countries = ${COUNTRIES};\ncountries.push(JSON.parse(process.env.EXTRA));\n`,
  'swc/migration.js':
    '"use strict";\nconst _countries = require("./countries");\nconst _pushed = require("./pushed");\nmodule.exports = async (queryRunner) => {\n  for (const c of _countries.countries) ' + DELETE + '\n  for (const c of _pushed.countries) ' + DELETE + '\n};\n',
  'dist/migration.js':
    '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nconst countries_1 = require("./countries");\nclass Initial {\n  async up(queryRunner) {\n    for (const c of countries_1.countries) {\n      ' + DELETE + "\n    }\n  }\n}\nexports.Initial = Initial;\n",
};

describe('SQL text built over a constant list of another module (medusa\'s first migration)', () => {
  it('CommonJS: the medusa shape (exports.countries = [...], destructured, for...of) is constant', () => {
    withProject('const-lists', FILES, (lint) => {
      expect(lint('migrations/1611063162649-initial.js')).toEqual([]);
    }, { rules: SQL, format });
  });

  it('CommonJS: through the whole module, a property read, a const alias, forEach and map callbacks, destructured elements', () => {
    withProject('const-lists', FILES, (lint) => {
      expect(lint('migrations/2-whole.js')).toEqual([]);
    }, { rules: SQL, format });
  });

  it('CommonJS: module.exports = [...] of strings, module.exports = { countries } through a const', () => {
    withProject('const-lists', FILES, (lint) => {
      expect(lint('migrations/3-codes.js')).toEqual([]);
    }, { rules: SQL, format });
  });

  it('CommonJS: a list with a value of unseen origin, pushed to or written in its file, or built by code, is still reported', () => {
    withProject('const-lists', FILES, (lint) => {
      expect(lint('migrations/4-not-constant.js')).toEqual([
        reported(7, 51),
        reported(8, 51),
        reported(9, 52),
        reported(10, 59),
        reported(11, 50),
        reported(12, 51),
      ]);
    }, { rules: SQL, format });
  });

  it('CommonJS: a constant list that the linted file pushes to, or whose element it writes, is still reported', () => {
    withProject('const-lists', FILES, (lint) => {
      expect(lint('migrations/5-changed-here.js')).toEqual([
        reported(5, 53, 'code', "the variable 'code'"),
        reported(8, 29),
      ]);
    }, { rules: SQL, format });
  });

  it('with crossFile: false, another module\'s list is of unseen origin again', () => {
    withProject('const-lists', FILES, (lint) => {
      expect(lint('migrations/1611063162649-initial.js')).toEqual([reported(5, 31)]);
      expect(lint('migrations/3-codes.js')).toEqual([reported(4, 53, 'code', "the variable 'code'"), reported(6, 29)]);
    }, { rules: SQL, format, config: single });
  });

  it('ESM: export const and export default lists are constant; one pushed to in its module is not', () => {
    withProject('const-lists', FILES, (lint) => {
      expect(lint('migrations/6-esm.mjs')).toEqual([reported(5, 52)]);
    }, { rules: SQL, format, config: esm });
  });

  it('TypeScript: an `as const` list and a frozen one are constant, also compiled (countries_1.countries)', () => {
    withProject('const-lists', FILES, (lint) => {
      expect(lint('src/migration.ts')).toEqual([]);
    }, { rules: SQL, format, config: ts });
    withProject('const-lists', FILES, (lint) => {
      expect(lint('dist/migration.js')).toEqual([]);
    }, { rules: SQL, format });
  });

  it("SWC's output: a list exported by a getter is constant; one pushed to in its module is not", () => {
    withProject('const-lists', FILES, (lint) => {
      expect(lint('swc/migration.js')).toEqual([reported(6, 62)]);
    }, { rules: SQL, format });
  });
});
