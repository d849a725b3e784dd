import { describe, expect, it } from 'vitest';

import { analyse } from '../helpers/model';

/** trial 25 D4: typescript-express-starter's route classes, mounted by the App class in a loop (src/express/loop-mounts.ts). */
function starter(options: { app?: string; made?: string; auth?: string; mount?: string } = {}): string {
  return [
    "import express, { Router } from 'express';",
    'interface Routes { router: Router }',
    'class AuthRoute implements Routes {',
    "  public path = '/auth';",
    '  public router = Router();',
    '  constructor() { this.initializeRoutes(); }',
    options.auth ?? '  private initializeRoutes() { this.router.post(`${this.path}/login`, (req, res) => res.json({})); }',
    '}',
    `${options.app ?? ''}class App {`,
    '  public app: express.Application;',
    '  constructor(routes: Routes[]) { this.app = express(); this.initializeRoutes(routes); }',
    `  private initializeRoutes(routes: Routes[]) { routes.forEach((route) => this.app.use(${options.mount ?? "'/api'"}, route.router)); }`,
    '  public listen() { this.app.listen(3000); }',
    '}',
    options.made ?? 'new App([new AuthRoute()]).listen();',
  ].join('\n');
}

function routerOf(code: string) {
  const { model } = analyse(code);
  const router = model.apps.find((app) => app.kind === 'router');
  return {
    paths: router!.calls.map((call) => call.path),
    mounts: router!.mounts.map((m) => [m.parent.name, m.call.path]),
    escapes: router!.escapes,
  };
}

describe('routers kept on instances of route classes, mounted in a loop', () => {
  it('mounts the router of each instance the one `new App([...])` hands the constructor, on through a method', () => {
    expect(routerOf(starter())).toEqual({ paths: ['/auth/login'], mounts: [['this.app', '/api']], escapes: false });
  });

  it('leaves it unknown when the App may be made with other lists (exported, made twice)', () => {
    for (const code of [starter({ app: 'export ' }), starter({ made: 'new App([new AuthRoute()]).listen();\nnew App([]).listen();' })]) {
      const found = routerOf(code);
      expect(found.mounts).toEqual([]);
      expect(found.escapes).toBe(true);
    }
  });

  it("mounts each router on its instance's `path` field (`this.app.use(route.path, route.router)`), unknown when the class writes it again", () => {
    const relative = "  private initializeRoutes() { this.router.post('/login', (req, res) => res.json({})); }";
    expect(routerOf(starter({ auth: relative, mount: 'route.path' }))).toEqual({ paths: ['/login'], mounts: [['this.app', '/auth']], escapes: false });
    expect(routerOf(starter({ auth: relative, mount: "'/api' + route.path" })).mounts).toEqual([['this.app', '/api/auth']]);
    const written = "  private initializeRoutes() { this.path = process.env.P!; this.router.post('/login', (req, res) => res.json({})); }";
    // (The loop stays one call whose items are not known: its router handed on, as before.)
    expect(routerOf(starter({ auth: written, mount: 'route.path' }))).toEqual({ paths: ['/login'], mounts: [], escapes: true });
  });

  it('reads `this.path` as the field only when the class writes it nowhere else', () => {
    const written = '  private initializeRoutes() { this.path = process.env.P!; this.router.post(`${this.path}/login`, (req, res) => res.json({})); }';
    expect(routerOf(starter({ auth: written })).paths).toEqual([null]);
  });
});
