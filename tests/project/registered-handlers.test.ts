// Controllers of several files registered on the routes of one router file through a barrel (routes.js registers
// `controllers.users.show` and `controllers.items.show`, controllers/index.js re-exports each controller file): which
// items of the router's routes lead to the linked file is asked again for every controller file the lint links (src/project
// `addRegisteredHandlers`), so that no answer outlives an edit. Each
// controller gets its route; one the barrel exports but no route registers gets none; after an edit to the barrel in
// the same process (an editor) that swaps two of its exports, the next lint follows the barrel as it is now.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Linter } from 'eslint';

import { cjs, esm, lintFile, ts, withProject } from './fixture-project';

const RULES = /require-input-validation/u;
const PACKAGE = '{ "name": "registered", "private": true, "dependencies": { "express": "^4.21.2" } }';
const SHOW = (input: string): string => `exports.show = (req, res) => {\n  res.json({ id: ${input} });\n};\n`;

/** `line:column ruleId: message` of the unvalidated input of the controller on `route`. */
const unvalidated = (at: string, route: string, input: string): string =>
  `${at} secure-express/require-input-validation: Route '${route}' on 'router (routes.js:4, mounted in app.js:5)' uses '${input}' with no validation before it or in its handler: check types, formats and lengths (express-validator, celebrate, zod, joi...).`;
const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`;

interface Layout {
  config: Linter.Config[];
  files: Record<string, string>;
  /**
   * The controller files, the barrel (it re-exports all three), and the barrel's text with the items and orders files
   * swapped: the same imports (the import index is the same), `items` now the orders file's.
   */
  users: string;
  items: string;
  orders: string;
  barrel: string;
  edited: string;
  /** Where each controller reads `req.params` (line:column). */
  at: string;
}

const CJS: Layout = {
  config: cjs,
  files: {
    'package.json': PACKAGE,
    'app.js': "const express = require('express');\nconst routes = require('./routes');\n\nconst app = express();\napp.use('/api', routes);\napp.listen(3000);\n",
    'routes.js':
      "const express = require('express');\nconst controllers = require('./controllers');\n\nconst router = express.Router();\nrouter.get('/users/:id', controllers.users.show);\nrouter.get('/items/:id', controllers.items.show);\n\nmodule.exports = router;\n",
    'controllers/index.js': "module.exports = {\n  users: require('./users'),\n  items: require('./items'),\n  orders: require('./orders'),\n};\n",
    'controllers/users.js': SHOW('req.params.id'),
    'controllers/items.js': SHOW('req.params.id'),
    'controllers/orders.js': SHOW('req.params.id'),
  },
  users: 'controllers/users.js',
  items: 'controllers/items.js',
  orders: 'controllers/orders.js',
  barrel: 'controllers/index.js',
  edited: "module.exports = {\n  users: require('./users'),\n  items: require('./orders'),\n  orders: require('./items'),\n};\n",
  at: '2:18',
};

/** ES modules (`.mjs`, or TypeScript with `ext` `ts`): named re-exports of the barrel, imported by name. */
const modules = (ext: 'mjs' | 'ts', config: Linter.Config[]): Layout => {
  const show = `export const show = (req${ext === 'ts' ? ': any' : ''}, res${ext === 'ts' ? ': any' : ''}) => {\n  res.json({ id: req.params.id });\n};\n`;
  const suffix = ext === 'mjs' ? '.mjs' : '';
  const reexport = (items: string, orders: string): string =>
    `export { show as showUser } from './users${suffix}';\nexport { show as showItem } from './${items}${suffix}';\nexport { show as showOrder } from './${orders}${suffix}';\n`;
  return {
    config,
    files: {
      'package.json': PACKAGE,
      [`app.${ext}`]: `import express from 'express';\nimport routes from './routes${suffix}';\n\nconst app = express();\napp.use('/api', routes);\napp.listen(3000);\n`,
      [`routes.${ext}`]: `import express from 'express';\nimport { showUser, showItem } from './controllers/index${suffix}';\n\nconst router = express.Router();\nrouter.get('/users/:id', showUser);\nrouter.get('/items/:id', showItem);\n\nexport default router;\n`,
      [`controllers/index.${ext}`]: reexport('items', 'orders'),
      [`controllers/users.${ext}`]: show,
      [`controllers/items.${ext}`]: show,
      [`controllers/orders.${ext}`]: show,
    },
    users: `controllers/users.${ext}`,
    items: `controllers/items.${ext}`,
    orders: `controllers/orders.${ext}`,
    barrel: `controllers/index.${ext}`,
    edited: reexport('orders', 'items'),
    at: '2:18',
  };
};

const LAYOUTS: [string, Layout][] = [
  ['CommonJS', CJS],
  ['ESM', modules('mjs', esm)],
  ['TypeScript', modules('ts', ts)],
];

describe('controllers of several files registered on the routes of one router file', () => {
  it.each(LAYOUTS)('%s: each controller file gets its own route, one registered nowhere none', (_, layout) => {
    withProject('registered', layout.files, (lint) => {
      const ext = path.extname(layout.users);
      const fixLines = (text: string): string => text.replace('routes.js:4', `routes${ext}:4`).replace('app.js:5', `app${ext}:5`);
      expect(lint(layout.users)).toEqual([fixLines(unvalidated(layout.at, 'GET /api/users/:id', 'req.params'))]);
      expect(lint(layout.items)).toEqual([fixLines(unvalidated(layout.at, 'GET /api/items/:id', 'req.params'))]);
      expect(lint(layout.orders)).toEqual([]);
    }, { config: layout.config, rules: RULES, format });
  });

  it.each(LAYOUTS)('%s: an edit to the barrel between two lints is followed on the next lint', (_, layout) => {
    withProject('registered-edit', layout.files, (lint, dir) => {
      const ext = path.extname(layout.users);
      const fixLines = (text: string): string => text.replace('routes.js:4', `routes${ext}:4`).replace('app.js:5', `app${ext}:5`);
      expect(lint(layout.users)).toEqual([fixLines(unvalidated(layout.at, 'GET /api/users/:id', 'req.params'))]);
      // The router file and every file's imports are the same: only the barrel now leads `items` to the orders file.
      writeFileSync(path.join(dir, layout.barrel), layout.edited);
      const options = { config: layout.config, rules: RULES, format };
      // (Which files the router's routes reach is kept for the run by the holders: the orders file gets its route once
      // they are checked again, a question of theirs, not this one's.)
      expect(lintFile(dir, layout.items, options)).toEqual([]);
      expect(lintFile(dir, layout.users, options)).toEqual([fixLines(unvalidated(layout.at, 'GET /api/users/:id', 'req.params'))]);
    }, { config: layout.config, rules: RULES, format });
  });
});
