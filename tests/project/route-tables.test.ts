// What `link` reads of an importer's route table (src/project `addRegisteredHandlers`): where each route item leads is
// asked per importer, so two importers that name different files by the same specifier (`./handlers` in admin/ and in
// site/) each get their own answer, however often a table names the same exports; and a controller behind a route adapter
// (`makeCallback(findOpen)`) gets the request the adapter hands it when the adapter is a function of the package (the
// route file's own or another file's), not when it is an installed package's, which the model does not read.
import type { Linter } from 'eslint';

import { cjs, esm, ts, withProject } from './fixture-project';

const format = (m: Linter.LintMessage): string => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`;
/** The route a require-input-validation finding names, with the file and position: `2:18 GET /admin/a/:id`. */
const routes = (findings: readonly string[]): string[] => findings.map((f) => `${f.split(' ')[0]} ${/Route '([^']+)'/u.exec(f)?.[1] ?? f}`).sort();

type Style = 'cjs' | 'mjs' | 'ts';
const CONFIGS: Record<Style, Linter.Config[]> = { cjs, mjs: esm, ts };
const EXT: Record<Style, string> = { cjs: 'js', mjs: 'mjs', ts: 'ts' };

/** `import x from './y'` / `const x = require('./y')`, with the extension ESM needs. */
function importer(style: Style) {
  const suffix = style === 'mjs' ? '.mjs' : '';
  return {
    whole: (name: string, specifier: string): string =>
      style === 'cjs' ? `const ${name} = require('${specifier}');\n` : `import * as ${name} from '${specifier}${specifier.startsWith('.') ? suffix : ''}';\n`,
    named: (names: string, specifier: string): string =>
      style === 'cjs' ? `const { ${names} } = require('${specifier}');\n` : `import { ${names} } from '${specifier}${specifier.startsWith('.') ? suffix : ''}';\n`,
    express: style === 'cjs' ? "const express = require('express');\n" : "import express from 'express';\n",
    exportRouter: style === 'cjs' ? 'module.exports = router;\n' : 'export default router;\n',
    defaultImport: (name: string, specifier: string): string => (style === 'cjs' ? `const ${name} = require('${specifier}');\n` : `import ${name} from '${specifier}${suffix}';\n`),
    fn: (name: string, params: string, body: string): string =>
      style === 'cjs' ? `exports.${name} = (${params}) => {\n${body}};\n` : `export const ${name} = (${params}) => {\n${body}};\n`,
    any: style === 'ts' ? ': any' : '',
  };
}

/** Two route tables in two folders, each naming its own `./handlers` and the shared middleware again and again. */
function routeTables(style: Style): Record<string, string> {
  const i = importer(style);
  const ext = EXT[style];
  const read = `  res.json({ id: req.params.id });\n`;
  const handler = (name: string): string => i.fn(name, `req${i.any}, res${i.any}`, read);
  return {
    'package.json': '{ "name": "route-tables", "private": true, "dependencies": { "express": "^4.21.2" } }',
    [`app.${ext}`]: `${i.express}${i.defaultImport('admin', './admin/routes')}${i.defaultImport('site', './site/routes')}\nconst app = express();\napp.use('/admin', admin);\napp.use('/site', site);\napp.listen(3000);\n`,
    [`mw.${ext}`]: i.fn('auth', `req${i.any}, res${i.any}, next${i.any}`, '  next();\n'),
    [`admin/routes.${ext}`]: `${i.express}${i.whole('mw', '../mw')}${i.whole('handlers', './handlers')}\nconst router = express.Router();\nrouter.get('/a/:id', mw.auth, handlers.show);\nrouter.get('/b/:id', mw.auth, handlers.list);\nrouter.get('/c/:id', mw.auth, handlers.show);\n${i.exportRouter}`,
    [`site/routes.${ext}`]: `${i.express}${i.whole('mw', '../mw')}${i.whole('admin', '../admin/handlers')}${i.whole('handlers', './handlers')}\nconst router = express.Router();\nrouter.get('/d/:id', mw.auth, handlers.list);\nrouter.get('/e/:id', mw.auth, admin.show);\n${i.exportRouter}`,
    [`admin/handlers.${ext}`]: `${handler('show')}${handler('list')}${handler('unused')}`,
    [`site/handlers.${ext}`]: `${handler('list')}${handler('unused')}`,
  };
}

/** Controllers behind three route adapters: one written in the route file, one of an installed package, one of another file. */
function adapters(style: Style): Record<string, string> {
  const i = importer(style);
  const ext = EXT[style];
  const find = (name: string): string => i.fn(name, `httpRequest${i.any}`, '  return Comment.find({ postId: httpRequest.query.postId });\n');
  const adapter = (name: string): string =>
    `function ${name}(controller${i.any}) {\n  return (req${i.any}, res${i.any}) => {\n    const httpRequest = { query: req.query, body: req.body };\n    controller(httpRequest).then((found${i.any}) => res.send(found));\n  };\n}\n`;
  const mongoose = style === 'cjs' ? "const mongoose = require('mongoose');\n" : "import mongoose from 'mongoose';\n";
  return {
    'package.json': '{ "name": "adapter-callees", "private": true, "dependencies": { "express": "^4.21.2", "mongoose": "^8.8.0" } }',
    [`app.${ext}`]:
      `${i.express}${i.named('adapt', '@acme/route-adapter')}${i.defaultImport('makeCallback', './callback')}${i.named('findLocal, findPackaged, findElsewhere', './controllers')}\n${adapter('localCallback')}\n` +
      `const app = express();\napp.use(express.json());\napp.get('/local', localCallback(findLocal));\napp.get('/packaged', adapt(findPackaged));\napp.get('/elsewhere', makeCallback(findElsewhere));\napp.listen(3000);\n`,
    [`callback.${ext}`]: `${adapter('makeCallback')}${style === 'cjs' ? 'module.exports = makeCallback;\n' : 'export default makeCallback;\n'}`,
    [`controllers.${ext}`]: `${mongoose}\nconst Comment = mongoose.model('Comment', new mongoose.Schema({ postId: String }));\n\n${find('findLocal')}${find('findPackaged')}${find('findElsewhere')}${find('unused')}`,
  };
}

const STYLES: [string, Style][] = [
  ['CommonJS', 'cjs'],
  ['ESM', 'mjs'],
  ['TypeScript', 'ts'],
];

describe('an importer route table read by link', () => {
  it.each(STYLES)('%s: each handlers file gets the routes of its own importers, not those of a file of the same specifier elsewhere', (_, style) => {
    const ext = EXT[style];
    withProject('route-tables', routeTables(style), (lint) => {
      // `show` (line 1, its parameter read on line 2) on /admin/a, /admin/c and /site/e; `list` (line 4) on /admin/b only: site/routes's `handlers.list`
      // is its own folder's file. `unused` (line 7) on none.
      expect(routes(lint(`admin/handlers.${ext}`))).toEqual(['2:18 GET /admin/a/:id', '2:18 GET /admin/c/:id', '2:18 GET /site/e/:id', '5:18 GET /admin/b/:id']);
      expect(routes(lint(`site/handlers.${ext}`))).toEqual(['2:18 GET /site/d/:id']);
    }, { config: CONFIGS[style], rules: /require-input-validation/u, format });
  });

  it.each(STYLES)('%s: a controller behind an adapter of the route file or of another file gets its request, not one behind a package adapter', (_, style) => {
    const ext = EXT[style];
    withProject('adapter-callees', adapters(style), (lint) => {
      // findLocal (line 6) behind the route file's own adapter and findElsewhere (line 12) behind callback's: reported;
      // findPackaged behind `@acme/route-adapter`'s `adapt`, which the model cannot read, and `unused`: not.
      expect(lint(`controllers.${ext}`).map((f) => f.split(' ')[0])).toEqual(['6:33', '12:33']);
    }, { config: CONFIGS[style], rules: /no-nosql-injection/u, format });
    // File by file, no controller is known to receive the request.
    withProject('adapter-callees-single', adapters(style), (lint) => {
      expect(lint(`controllers.${ext}`)).toEqual([]);
    }, { config: [...CONFIGS[style], { settings: { 'secure-express': { crossFile: false } } }], rules: /no-nosql-injection/u, format });
  });
});
