import type { TSESTree } from '@typescript-eslint/utils';

import { analyse } from '../helpers/model';

const text = (a: ReturnType<typeof analyse>, node: Parameters<ReturnType<typeof analyse>['sourceCode']['getText']>[0]) =>
  a.sourceCode.getText(node);

describe('module resolution', () => {
  const forms: [string, string, 'module' | 'commonjs'][] = [
    ['ESM default import', "import express from 'express';\nconst app = express();", 'module'],
    ['ESM namespace import', "import * as e from 'express';\nconst app = e.default();", 'module'],
    ['ESM named default', "import { default as x } from 'express';\nconst app = x();", 'module'],
    ['CommonJS require', "const express = require('express');\nconst app = express();", 'commonjs'],
    ['require without Node globals', "const express = require('express');\nconst app = express();", 'module'],
    ['require(...).default', "const express = require('express').default;\nconst app = express();", 'commonjs'],
    ['direct call of require', "const app = require('express')();", 'commonjs'],
    ['alias of a binding', "const express = require('express');\nconst e = express;\nconst app = e();", 'commonjs'],
    ['TS import-equals', "import express = require('express');\nconst app = express();", 'module'],
    ['new express()', "import express from 'express';\nconst app = new express();", 'module'],
    ['cast', "import express from 'express';\nconst app = (express as any)();", 'module'],
    ['assignment after declaration', "import express from 'express';\nlet app;\napp = express();", 'module'],
  ];
  for (const [name, code, sourceType] of forms) {
    it(`finds the app: ${name}`, () => {
      const a = analyse(code, { sourceType });
      expect(a.model.apps).toHaveLength(1);
      expect(a.model.apps[0]!.kind).toBe('app');
      expect(a.model.apps[0]!.name).toBe('app');
    });
  }

  it('finds routers through named imports, destructuring and members', () => {
    const a = analyse(
      [
        "import { Router } from 'express';",
        "import express from 'express';",
        "const { Router: R } = require('express');",
        'const a = Router();',
        'const b = express.Router();',
        'const c = R();',
      ].join('\n'),
    );
    expect(a.model.apps.map((x) => [x.kind, x.name])).toEqual([
      ['router', 'a'],
      ['router', 'b'],
      ['router', 'c'],
    ]);
  });

  it('does not follow a shadowed name or a require of a variable', () => {
    const a = analyse(
      [
        "import express from 'express';",
        'function f(express) { return express(); }',
        'const name = "express";',
        'const other = require(name)();',
        'function g(require) { return require("express")(); }',
      ].join('\n'),
    );
    expect(a.model.apps).toHaveLength(0);
  });

  it('does not treat a user-defined require as Node\'s', () => {
    const a = analyse("function require(x) { return () => x; }\nconst app = require('express')();");
    expect(a.model.apps).toHaveLength(0);
  });

  it('normalises node: ids and reports module values of any package', () => {
    const a = analyse("import http from 'node:http';\nimport { createServer } from 'https';\nhttp.createServer();\ncreateServer();");
    expect(a.model.callsTo('http', ['createServer'])).toHaveLength(1);
    expect(a.model.callsTo('https', ['createServer'])).toHaveLength(1);
    expect(a.model.imports('http')).toBe(true);
    expect(a.model.imports('express')).toBe(false);
  });

  it('an awaited import() of a package or Node module is that module, as a require inside a function is (trial 14)', () => {
    const a = analyse(
      [
        'export async function run(tls, app) {',
        "  const https = await import('node:https');",
        '  https.createServer(tls, app);',
        "  (await import('http')).createServer(app);",
        "  const { createServer } = await import('http2');",
        '  createServer();',
        "  const express = (await import('express')).default;",
        '  express();',
        "  const { default: e } = await import('express');",
        '  e.Router();',
        '}',
        "function later() { return require('node:https').createServer(); }",
      ].join('\n'),
    );
    expect(a.model.callsTo('https', ['createServer'])).toHaveLength(2);
    expect(a.model.callsTo('http', ['createServer'])).toHaveLength(1);
    expect(a.model.callsTo('http2', ['createServer'])).toHaveLength(1);
    expect(a.model.apps.map((x) => x.kind)).toEqual(['app', 'router']);
  });

  it('an import() given to .then(cb), or of a file of the package, is that module as well (dyn23)', () => {
    const a = analyse(
      [
        'export async function run(app) {',
        "  import('node:https').then((https) => https.createServer({}, app));",
        "  import('express').then(({ default: e }) => e.Router());",
        "  (await import('./https.js')).createServer();",
        "  const { default: setup } = await import('./setup.mjs');",
        '  setup(app);',
        "  import('./routes.js').then(function (m) { m.mount(app); });",
        '}',
      ].join('\n'),
    );
    expect(a.model.callsTo('https', ['createServer'])).toHaveLength(1);
    expect(a.model.callsTo('./https.js', ['createServer'])).toHaveLength(1);
    expect(a.model.callsTo('./setup.mjs', [])).toHaveLength(1);
    expect(a.model.callsTo('./routes.js', ['mount'])).toHaveLength(1);
    expect(a.model.apps.map((x) => x.kind)).toEqual(['router']);
  });

  it('does not follow an import() of a variable, kept in a variable, handed on, or in a comment', () => {
    const a = analyse(
      [
        'export async function run(name, load) {',
        '  (await import(name)).createServer();',
        "  const p = import('express'); (await p)();",
        "  load(import('node:https'));",
        "  import('node:https').then(start);",
        "  import('node:https').then(() => start());",
        '}',
        "// await import('express') in a comment",
      ].join('\n'),
    );
    expect(a.model.callsTo('https', ['createServer'])).toHaveLength(0);
    expect(a.model.apps).toHaveLength(0);
  });

  it('ignores type-only imports as values, but knows the file declares them', () => {
    const a = analyse("import type express from 'express';\nimport type { Request } from 'node:express';\ndeclare const e: typeof express;\nconst app = e();");
    expect(a.model.apps).toHaveLength(0);
    expect(a.model.imports('express')).toBe(false);
    expect(a.model.declaresImport('express')).toBe(true);
    expect(a.model.declaresImport('helmet')).toBe(false);
  });

  it('names the variable bound to a module', () => {
    const a = analyse("const h = require('helmet');\nconst { hsts } = require('helmet');", { sourceType: 'commonjs' });
    expect(a.model.bindingName('helmet')).toBe('h');
    expect(a.model.bindingName('helmet', ['hsts'])).toBe('hsts');
    expect(a.model.bindingName('cors')).toBeNull();
  });
});

describe('apps and their calls', () => {
  it('lists use and route calls in source order with paths and flattened middleware', () => {
    const a = analyse(
      [
        "import express from 'express';",
        "import helmet from 'helmet';",
        'const app = express();',
        'const mw = [helmet(), [express.json()]];',
        "app.get('/a', (req, res) => res.send('a'));",
        'app.use(mw);',
        "app.use('/api', express.static('public'));",
        "app.route('/login').get(show).post(auth, (req, res) => res.end());",
        "app.get('env');",
        'function show(req, res) { res.end(); }',
        'function auth(req, res, next) { next(); }',
      ].join('\n'),
    );
    const app = a.model.apps[0]!;
    expect(app.calls.map((c) => [c.method, c.path, c.isRoute, c.isUse])).toEqual([
      ['get', '/a', true, false],
      ['use', null, false, true],
      ['use', '/api', false, true],
      ['route', '/login', false, false],
      ['get', '/login', true, false],
      ['post', '/login', true, false],
      ['get', null, false, false],
    ]);
    const use = app.calls[1]!;
    expect(use.middleware.map((m) => m.value && [m.value.module, m.value.path.join('.')])).toEqual([
      ['helmet', '()'],
      ['express', 'json.()'],
    ]);
    expect(app.calls[2]!.middleware[0]!.value?.path).toEqual(['static', '()']);
    expect(app.calls[5]!.middleware.map((m) => m.fn?.type)).toEqual(['FunctionDeclaration', 'ArrowFunctionExpression']);
  });

  it('reads an array of static paths as those paths, and one with another element as no static path (trial 12 M5)', () => {
    const a = analyse(
      [
        "import express from 'express';",
        'const app = express();',
        "app.post(['/login', `/signin`], (req, res) => res.end());",
        "app.use(['/auth', '/v1/auth'], express.Router());",
        "app.get(['/a', process.env.B], (req, res) => res.end());",
        "app.get('/c', (req, res) => res.end());",
        'app.get([], (req, res) => res.end());',
      ].join('\n'),
    );
    expect(a.model.apps[0]!.calls.map((c) => [c.method, c.path, c.paths])).toEqual([
      ['post', null, ['/login', '/signin']],
      ['use', null, ['/auth', '/v1/auth']],
      ['get', null, undefined],
      ['get', '/c', undefined],
      ['get', null, []],
    ]);
  });

  it('reads `const` arrays of paths, nested arrays and spreads as Express flattens them, each path with its node (trial 13)', () => {
    const a = analyse(
      [
        "import express from 'express';",
        "const AUTH = ['/login', ['/signin']];",
        "const MOUNTS = ['/auth'];",
        "const CHANGED = ['/x'];",
        "CHANGED.push('/y');",
        'const app = express();',
        "app.post(AUTH, (req, res) => res.end());",
        "app.post([...AUTH, [['/token']]], (req, res) => res.end());",
        'app.use(MOUNTS, express.Router());',
        'app.get(CHANGED, (req, res) => res.end());',
        "app.get([...'/ab'], (req, res) => res.end());",
        "app.get(['/a', , '/b'], (req, res) => res.end());",
      ].join('\n'),
    );
    expect(a.model.apps[0]!.calls.map((c) => [c.method, c.paths, c.pathNodes?.map((n) => n.loc.start.line)])).toEqual([
      ['post', ['/login', '/signin'], [2, 2]],
      ['post', ['/login', '/signin', '/token'], [2, 2, 8]],
      ['use', ['/auth'], [3]],
      ['get', undefined, undefined],
      ['get', undefined, undefined],
      ['get', undefined, undefined],
    ]);
  });

  it("follows a module value out of an object literal that a `const` holds: destructured or read by key (trial 13)", () => {
    const a = analyse(
      [
        "import rateLimit from 'express-rate-limit';",
        'const { login: gate } = { login: rateLimit() };',
        'const limits = { auth: { login: rateLimit() } };',
        'const { auth: { login } } = limits;',
        'const read = limits.auth.login;',
        'const written = { login: rateLimit() };',
        'written.login = null;',
        'const other = written.login;',
        'let later = { login: rateLimit() };',
        'const fromLet = later.login;',
        'use(gate, login, read, limits.auth.login, other, fromLet);',
      ].join('\n'),
    );
    const use = (a.sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
    expect(use.arguments.map((arg) => [text(a, arg), a.model.valueOf(arg)?.module, a.model.valueOf(arg)?.path])).toEqual([
      ['gate', 'express-rate-limit', ['()']],
      ['login', 'express-rate-limit', ['()']],
      ['read', 'express-rate-limit', ['()']],
      ['limits.auth.login', 'express-rate-limit', ['()']],
      ['other', undefined, undefined],
      ['fromLet', undefined, undefined],
    ]);
  });

  it('orders the calls of a class app as the constructor runs them: its methods at the statement that calls them (trial 12 M3)', () => {
    const a = analyse(
      [
        "import express from 'express';",
        'class App {',
        '  app = express();',
        '  constructor() {',
        '    this.middleware();',
        '    this.routes();',
        '    this.app.use((err, req, res, next) => res.end());',
        '  }',
        "  routes() { this.app.post('/login', (req, res) => res.end()); }",
        "  middleware() { this.app.use(express.json()); this.app.set('x', 1); }",
        '  listen() { this.app.listen(3000); }',
        '}',
        'new App().listen();',
      ].join('\n'),
    );
    const app = a.model.apps[0]!;
    expect(app.name).toBe('this.app');
    expect(app.calls.map((c) => [c.method, c.runsAt !== undefined])).toEqual([
      ['use', true],
      ['set', true],
      ['post', true],
      ['use', false],
      ['listen', false],
    ]);
  });

  it('orders the calls of a class app through methods that methods the constructor runs call, and arrow-function fields (session 10)', () => {
    const a = analyse(
      [
        "import express from 'express';",
        'class App {',
        '  app = express();',
        '  constructor() {',
        '    this.config();',
        '    this.app.use((err, req, res, next) => res.end());',
        '  }',
        '  config() {',
        '    this.routes();',
        "    this.app.set('x', 1);",
        '    this.config();',
        '  }',
        "  routes = () => { this.app.post('/login', (req, res) => res.end()); this.config(); };",
        '  listen() { this.app.listen(3000); }',
        '}',
        'new App().listen();',
      ].join('\n'),
    );
    const app = a.model.apps[0]!;
    expect(app.name).toBe('this.app');
    expect(app.ordered).toBe(true);
    expect(app.calls.map((c) => [c.method, c.runsAt !== undefined])).toEqual([
      ['post', true],
      ['set', true],
      ['use', false],
      ['listen', false],
    ]);
  });

  it('follows chained use() and app.route() chains', () => {
    const a = analyse(
      "import express from 'express';\nconst app = express();\napp.use(a).use(b).get('/x', c);\napp.route('/r').all(d).put(e);",
    );
    expect(a.model.apps[0]!.calls.map((c) => `${c.method}:${c.path ?? ''}`)).toEqual([
      'use:',
      'use:',
      'get:/x',
      'route:/r',
      'all:/r',
      'put:/r',
    ]);
  });

  it('knows where a router is mounted and which servers serve an app', () => {
    const a = analyse(
      [
        "const express = require('express');",
        "const http = require('http');",
        'const app = express();',
        'const auth = express.Router();',
        "app.use('/auth', auth);",
        'http.createServer(app).listen(80);',
      ].join('\n'),
      { sourceType: 'commonjs' },
    );
    const [app, router] = a.model.apps;
    expect(router!.mounts.map((m) => [m.parent.name, m.call.path])).toEqual([['app', '/auth']]);
    expect(router!.escapes).toBe(false);
    expect(app!.servers.map((s) => `${s.module}.${s.method}`)).toEqual(['http.createServer']);
    expect(app!.escapes).toBe(false);
  });

  it("namedImports says where a module's named exports are imported by name (aliases, node: prefix), not type-only ones or the default", () => {
    const a = analyse(
      "import { json as parseJson, Router, type Request } from 'node:express';\nimport type { Response } from 'express';\nimport { default as express } from 'express';\nconst { urlencoded } = require('express');",
    );
    expect(a.model.namedImports('express').map(({ node, name }) => `${name}@${node.loc.start.column}`)).toEqual(['json@9', 'Router@28']);
    expect(a.model.namedImports('helmet')).toEqual([]);
  });

  it('an app given to vhost(host, app) and mounted with use is a sub-app of the mounting app (vhost required after the apps, ESM and Ghost fork)', () => {
    for (const [code, sourceType] of [
      [
        "const express = require('express');\nconst root = express();\nconst admin = express();\nconst vhost = require('vhost');\nroot.use(vhost('admin.example.com', admin));\nroot.listen(80);",
        'commonjs',
      ],
      [
        "import express from 'express';\nimport vhost from '@tryghost/mw-vhost';\nconst root = express();\nconst admin = express();\nroot.use(vhost('admin.example.com', admin));\nroot.listen(80);",
        'module',
      ],
    ] as const) {
      const a = analyse(code, { sourceType });
      const [root, admin] = a.model.apps;
      expect(admin!.mounts.map((m) => [m.parent.name, m.call.path])).toEqual([['root', null]]);
      expect(admin!.escapes).toBe(false);
      expect(root!.escapes).toBe(false);
    }
  });

  it('an app returned by a function of this file that is only called here goes where its calls go (Ghost: await initExpressApps())', () => {
    const a = analyse(
      [
        "const express = require('express');",
        "const vhost = require('vhost');",
        'async function initApps() {',
        '  const parent = express();',
        '  const admin = express();',
        "  parent.use(vhost('admin.example.com', admin));",
        '  return parent;',
        '}',
        'async function boot() {',
        '  const root = express();',
        '  const app = await initApps();',
        "  root.use('/blog', app);",
        '  root.listen(2368);',
        '}',
        'boot();',
      ].join('\n'),
      { sourceType: 'commonjs' },
    );
    const [parent, admin, root] = a.model.apps;
    expect(parent!.escapes).toBe(false);
    expect(parent!.mounts.map((m) => [m.parent.name, m.call.path])).toEqual([['root', '/blog']]);
    expect(admin!.mounts.map((m) => m.parent.name)).toEqual(['parent']);
    expect(root!.escapes).toBe(false);
  });

  it('an app returned by an exported function, one used as a value, or one with two returns (the other nested) still leaves the file', () => {
    for (const code of [
      "import express from 'express';\nexport function make() { const app = express(); return app; }\nmake().listen(1);",
      "import express from 'express';\nfunction make() { const app = express(); return app; }\nexport const factory = make;\nmake().listen(1);",
      "import express from 'express';\nconst make = (flag) => { const app = express(); if (flag) { return app; } return app; };\nmake(true).listen(1);",
      "import express from 'express';\nconst make = (flag) => { const app = express(); if (flag) { return null; } return app; };\nmake(true).listen(1);",
      "import express from 'express';\nfunction make() { const app = express(); return app; }\nexport default make();",
    ]) {
      const a = analyse(code);
      expect(a.model.apps[0]!.escapes).toBe(true);
    }
  });

  it('an app given to vhost but not mounted, or to another function, still leaves the file', () => {
    const a = analyse(
      "const express = require('express');\nconst vhost = require('vhost');\nconst admin = express();\nconst other = express();\nmodule.exports = vhost('a.example.com', admin);\nrequire('other-host')('b.example.com', other);",
      { sourceType: 'commonjs' },
    );
    const [admin, other] = a.model.apps;
    expect(admin!.mounts).toEqual([]);
    expect(admin!.escapes).toBe(true);
    expect(other!.escapes).toBe(true);
  });

  const escapes: [string, string][] = [
    ['export default', 'export default app;'],
    ['export specifier', 'export { app };'],
    ['module.exports', 'module.exports = app;'],
    ['exports property', 'exports.app = app;'],
    ['passed to a function', 'configure(app);'],
    ['stored in an object', 'const holder = { app };'],
    ['stored in an array', 'const list = [app];'],
    ['assigned to a property', 'globalThis.app = app;'],
  ];
  for (const [name, line] of escapes) {
    it(`marks an app that leaves the file: ${name}`, () => {
      const a = analyse(`import express from 'express';\nconst app = express();\n${line}`);
      expect(a.model.apps[0]!.escapes).toBe(true);
    });
  }

  it('marks returned and exported-at-declaration apps as leaving', () => {
    expect(analyse("import express from 'express';\nexport const app = express();").model.apps[0]!.escapes).toBe(true);
    expect(analyse("import express from 'express';\nexport function f() { return express(); }").model.apps[0]!.escapes).toBe(true);
    expect(analyse("import express from 'express';\nconst f = () => express();").model.apps[0]!.escapes).toBe(true);
  });

  /** The line, and the text the hand-over starts at (`null`: it only leaves by export). */
  const handOvers: [string, string, string | null][] = [
    ['export default', 'export default app;', null],
    ['export specifier', 'export { app };', null],
    ['module.exports', 'module.exports = app;', null],
    ['module.exports object', 'module.exports = { app, server: null };', null],
    ['module.exports property', 'module.exports.app = app;', null],
    ['module.exports nested property', 'module.exports.apps.main = app;', null],
    ['exports nested property', 'exports.apps.main.app = app;', null],
    ['a property of another exports', 'other.exports.app = app;', 'app;'],
    ['exports property', 'exports.app = app;', null],
    ['TS export assignment', 'export = app;', null],
    ['passed to a function', 'configure(app);', 'app);'],
    ['stored in an object', 'const holder = { app };', 'app };'],
    ['stored in an array', 'const list = [app];', 'app];'],
    ['assigned to a property', 'globalThis.app = app;', 'app;'],
    ['its router passed on', 'configure(app.router);', 'app.router'],
    ['a method passed on', 'register(app.use.bind(app));', 'app.use'],
    ['its router configured', 'app.router.use(limiter);', 'app.router'],
  ];
  for (const [name, line, start] of handOvers) {
    it(`tells a hand-over from an export or return: ${name}`, () => {
      const prefix = "import express from 'express';\nconst app = express();\n";
      const a = analyse(`${prefix}${line}`);
      expect(a.model.apps[0]!.escapes).toBe(true);
      expect(a.model.apps[0]!.handedOverAt).toBe(start === null ? null : prefix.length + line.indexOf(start));
    });
  }

  it('counts a return as a return only in the function that creates the app', () => {
    expect(analyse("import express from 'express';\nexport function f() { const app = express(); return app; }").model.apps[0]!.handedOverAt).toBeNull();
    expect(analyse("import express from 'express';\nconst app = express();\nexport function get() { return app; }").model.apps[0]!.handedOverAt).toBe(-1);
    expect(analyse("import express from 'express';\nconst app = express();\napp.listen(1, () => setup(app));").model.apps[0]!.handedOverAt).toBe(-1);
  });

  const stateReads: [string, string][] = [
    ['app.listen(app.get(port))', "app.listen(app.get('port'));"],
    ['a const holding app.get(port)', "const port = app.get('port');\napp.listen(port);"],
    ['app.get(env) in a condition', "if (app.get('env') === 'production') app.set('trust proxy', 1);"],
    ['app.enabled()', "configure(app.enabled('trust proxy'));"],
    ['app.disabled()', "const off = app.disabled('etag');\nlog(off);"],
    ['app.path()', 'log(app.path());'],
    ['app.render()', "app.render('email', {}, send);"],
    ['app.locals', "app.locals.title = 'x';\nlog(app.locals);"],
    ['app.settings', 'log(app.settings.env);'],
    ['app.mountpath', 'log(app.mountpath);'],
    ['a property written', 'app.custom = 1;'],
    ["the router's stack listed", 'app._router.stack.forEach((layer) => log(layer.route));'],
  ];
  for (const [name, lines] of stateReads) {
    it(`keeps an app whose state is only read: ${name}`, () => {
      const a = analyse(`import express from 'express';\nconst app = express();\n${lines}`);
      expect(a.model.apps[0]!.escapes).toBe(false);
      expect(a.model.apps[0]!.handedOverAt).toBeNull();
    });
  }

  it('still follows app.get(path, handler) as a route that returns the app', () => {
    const a = analyse("import express from 'express';\nconst app = express();\nconfigure(app.get('/', (req, res) => res.end()));");
    expect(a.model.apps[0]!.calls.map((c) => [c.method, c.isRoute])).toEqual([['get', true]]);
    expect(a.model.apps[0]!.escapes).toBe(true);
  });

  it('keeps an app that is only used locally', () => {
    const a = analyse("import express from 'express';\nconst app = express();\nif (app) app.listen(3000);\nconsole.log(`${typeof app}`);");
    expect(a.model.apps[0]!.escapes).toBe(false);
  });

  it('records the declaration statement for fixes, and none for inline apps', () => {
    const a = analyse("import express from 'express';\nconst app = express(), x = 1;\nexpress().listen(1);");
    expect(text(a, a.model.apps[0]!.declaration!)).toBe('const app = express(), x = 1;');
    expect(a.model.apps[1]!.declaration).toBeNull();
    expect(a.model.apps[1]!.name).toBe('express()');
  });
});

describe('handlers', () => {
  it('names req/res/next and err for error handlers, through const functions', () => {
    const a = analyse(
      [
        "import express from 'express';",
        'const app = express();',
        'const onError = (err, req, res, next) => res.status(500).end();',
        "app.get('/', (request, response) => response.send('x'));",
        'app.use(onError);',
      ].join('\n'),
    );
    const [route, errors] = a.model.handlers;
    expect(route!.isErrorHandler).toBe(false);
    expect(route!.params.req && text(a, route!.params.req)).toBe('request');
    expect(route!.params.res && text(a, route!.params.res)).toBe('response');
    expect(errors!.isErrorHandler).toBe(true);
    expect(Object.keys(errors!.params)).toEqual(['err', 'req', 'res', 'next']);
  });

  it('tells a response (and its status() chains) from other objects', () => {
    const a = analyse(
      [
        "import express from 'express';",
        'const app = express();',
        "app.get('/', (req, res) => { res.status(200).cookie('a', 'b'); other.cookie('c', 'd'); });",
      ].join('\n'),
    );
    const calls: string[] = [];
    const fn = a.model.handlers[0]!.fn;
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as { type?: string; callee?: { type: string; object: unknown }; parent?: unknown };
      if (n.type === 'CallExpression' && n.callee?.type === 'MemberExpression') {
        calls.push(`${a.sourceCode.getText(n.callee.object as never)}=${a.model.roleOf(n.callee.object as never)}`);
      }
      for (const [key, value] of Object.entries(n)) {
        if (key === 'parent') continue;
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === 'object') visit(value);
      }
    };
    visit(fn.body);
    expect(calls.sort()).toEqual(['other=null', 'res.status(200)=res', 'res=res']);
  });
});

describe('settings', () => {
  it('reads settings["secure-express"] and ignores malformed values', () => {
    const a = analyse('', { settings: { 'secure-express': { middleware: { rateLimit: ['limiter', 3], csrf: 'x' } } } });
    expect(a.model.settings.middleware.rateLimit).toEqual(['limiter']);
    expect(a.model.settings.middleware.csrf).toEqual([]);
  });
});
