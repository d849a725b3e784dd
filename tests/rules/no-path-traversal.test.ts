import rule from '../../src/rules/no-path-traversal';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { UNUSUAL_SOURCE } from '../helpers/unusual';

runRuleTests('no-path-traversal', rule, {
  valid: [
    // unusual syntax does not crash the rule
    { code: UNUSUAL_SOURCE, filename: 'page.tsx' },
    // a root option, only the file name, a checked resolved path: the clean twins
    code`
      import express from 'express';
      import path from 'node:path';
      import fs from 'node:fs';
      const app = express();
      const opts = { root: path.join(__dirname, 'files') };
      app.get('/files/:name', (req, res) => {
        res.sendFile(req.params.name, { root: 'files', dotfiles: 'deny' });
        res.download(req.params.name, 'report.pdf', opts);
        res.sendFile(path.join(__dirname, 'files', path.basename(req.params.name)));
        fs.readFile(path.join('/data', path.basename(req.query.f)), () => {});
      });
      app.get('/raw/:name', (req, res) => {
        const file = path.resolve('/data', req.params.name);
        if (!file.startsWith('/data/')) return res.sendStatus(403);
        fs.createReadStream(file).pipe(res);
      });
    `,
    // trial 17 (thelounge's /packages route, compiled): the package and file names are checked together against the list
    // of files the packages registered; each is a piece of a listed entry (a template, a concatenation, a Set)
    { code: code`
        const express_1 = __importDefault(require('express'));
        const path_1 = __importDefault(require('path'));
        const app = (0, express_1.default)();
        app.get('/packages/:package/:filename', (req, res) => {
          const packageName = req.params.package;
          const fileName = req.params.filename;
          const packageFile = index_1.default.getPackage(packageName);
          if (!packageFile || !index_1.default.getFiles().includes(\`\${packageName}/\${fileName}\`)) {
            return res.status(404).send('Not found');
          }
          const packagePath = config_1.default.getPackageModulePath(packageName);
          return res.sendFile(path_1.default.join(packagePath, fileName));
        });
        app.get('/docs/:name', (req, res) => {
          if (!DOCS.has('docs/' + req.params.name)) return res.sendStatus(404);
          res.sendFile(path_1.default.join(__dirname, 'docs', req.params.name));
        });
      `, languageOptions: commonjs },
    // the listed text held in a const first (trial 18's C11 twin): each of its parts is a piece of a listed entry (CJS, TS)
    { code: code`
        const express = require('express');
        const path = require('path');
        const app = express();
        app.get('/packages/:package/:filename', (req, res) => {
          const key = \`\${req.params.package}/\${req.params.filename}\`;
          if (!FILES.includes(key)) return res.sendStatus(404);
          res.sendFile(path.join(ROOT, req.params.package, req.params.filename));
        });
      `, languageOptions: commonjs },
    { code: code`
        import express, { type Request, type Response } from 'express';
        import path from 'node:path';
        const DOCS: ReadonlySet<string> = new Set(['docs/a.md']);
        const app = express();
        app.get('/docs/:name', (req: Request, res: Response) => {
          const listed = 'docs/' + req.params.name;
          if (!DOCS.has(listed)) return res.sendStatus(404);
          res.sendFile(path.join(__dirname, 'docs', req.params.name));
        });
      `, filename: 'file.ts' },
    // options that may hold a root are not guessed about
    { code: code`
        const express = require('express');
        const app = express();
        app.get('/f', (req, res) => res.sendFile(req.query.f, { ...config }));
      `, languageOptions: commonjs },
    // static serving with the default dotfiles handling; serve-index outside strict
    code`
      import express from 'express';
      import serveStatic from 'serve-static';
      import serveIndex from 'serve-index';
      const app = express();
      app.use(express.static('public', { dotfiles: 'ignore' }));
      app.use(serveStatic('assets'));
      app.use('/pub', serveIndex('public'));
    `,
    // not request data; not fs; outside a handler
    code`
      import express from 'express';
      import { readFile } from 'node:fs/promises';
      const app = express();
      app.get('/', async (req, res) => res.send(await readFile('index.html', 'utf8')));
      app.get('/x', (req, res) => { cache.open(req.query.f); res.end(); });
      export const load = (req: any) => readFile(req.query.f);
    `,
    code`
      import express from 'express';
      import fs from 'fs';
      const app = express();
      app.get('/', (req, res) => { fs.readFile(); fs.readFile(...args); res.sendFile(); res.download(...x); });
    `,
    // a dominating root check or allow list; a replaced value
    { code: code`
        const express = require('express');
        const fs = require('fs');
        const path = require('path');
        const ROOT = path.resolve('uploads');
        const FILES = new Set(['a.txt']);
        exports.download = (req, res) => {
          const file = path.resolve(ROOT, req.params.name);
          if (!file.startsWith(ROOT + path.sep)) return res.status(403).end();
          fs.createReadStream(file).pipe(res);
          if (FILES.has(req.query.f)) fs.readFile(req.query.f, () => {});
          let name = req.query.name;
          name = 'default.txt';
          fs.readFileSync(name);
        };
      `, languageOptions: commonjs },
  ],
  invalid: [
    // trial 23 r1: path's functions imported by name (the Nest CLI's `import { join } from 'path'`) carry the request
    // data as `path.join` does (TypeScript, CommonJS); a named `basename` still removes it
    {
      code: code`
        import express from 'express';
        import { join, resolve, basename } from 'node:path';
        import { readFileSync } from 'node:fs';
        const app = express();
        app.get('/f/:name', (req, res) => {
          res.sendFile(join(__dirname, 'uploads', req.params.name));
        });
        app.get('/g/:name', (req, res) => {
          res.sendFile(resolve('uploads', req.params.name));
        });
        app.get('/h/:name', (req, res) => {
          res.sendFile(join(__dirname, 'uploads', basename(req.params.name)));
        });
        app.get('/i', (req, res) => {
          res.send(readFileSync(join('/srv/files', String(req.query.name))));
        });
      `,
      filename: 'files.ts',
      errors: [
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.name', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." }, line: 6 },
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.name', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." }, line: 9 },
        { messageId: 'traversal', data: { method: 'fs.readFileSync', source: 'req.query.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 15 },
      ],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        const { join } = require('path');
        const fs = require('fs');
        const app = express();
        app.get('/f/:name', (req, res) => {
          fs.readFile(join(__dirname, 'uploads', req.params.name), (err, data) => res.send(data));
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'traversal', data: { method: 'fs.readFile', source: 'req.params.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 6 }],
      output: null,
    },
    // trial 17: the twins. Only the text that was listed is checked: another part than the one listed, a list the
    // request fills, or a check that does not end the handler leaves the path reported
    {
      code: code`
        const express = require('express');
        const path = require('path');
        const app = express();
        app.get('/packages/:package/:filename', (req, res) => {
          const { package: name, filename } = req.params;
          if (!FILES.includes(\`\${name}/index.css\`)) return res.sendStatus(404);
          res.sendFile(path.join(ROOT, name, filename));
        });
        app.get('/docs/:name', (req, res) => {
          if (!req.query.files.includes('docs/' + req.params.name)) return res.sendStatus(404);
          res.sendFile(path.join(__dirname, 'docs', req.params.name));
        });
        app.get('/notes/:name', (req, res) => {
          if (!NOTES.has('notes/' + req.params.name)) console.warn('unknown note');
          res.sendFile(path.join(__dirname, 'notes', req.params.name));
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.filename', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." }, line: 7 },
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.name', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." }, line: 11 },
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.name', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." }, line: 15 },
      ],
      output: null,
    },
    // the text a `let` holds may be another by the check: not counted; nor is a const that holds another text than the
    // one listed
    {
      code: code`
        const express = require('express');
        const path = require('path');
        const app = express();
        app.get('/docs/:name', (req, res) => {
          let listed = 'docs/' + req.params.name;
          listed = 'docs/index.md';
          if (!DOCS.has(listed)) return res.sendStatus(404);
          res.sendFile(path.join(__dirname, 'docs', req.params.name));
        });
        app.get('/notes/:name', (req, res) => {
          const listed = 'notes/' + req.params.other;
          if (!NOTES.has(listed)) return res.sendStatus(404);
          res.sendFile(path.join(__dirname, 'notes', req.params.name));
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.name', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." }, line: 8 },
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.name', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." }, line: 13 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import path from 'node:path';
        const app = express();
        app.get('/files/:name', (req, res) => {
          res.sendFile(path.join(__dirname, 'files', req.params.name));
        });
      `,
      errors: [{ messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.name', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." }, line: 5, column: 16 }],
      output: null,
    },
    // download, fs (default, named, promises), copy destinations; CommonJS
    {
      code: code`
        const express = require('express');
        const fs = require('fs');
        const { unlink } = require('node:fs/promises');
        const app = express();
        app.post('/f', async (req, res) => {
          const { name } = req.body;
          res.download('uploads/' + name);
          fs.readFileSync(\`/srv/\${req.query.f}\`);
          await fs.promises.writeFile(req.body.path, 'x');
          await unlink(name);
          fs.copyFileSync('a.txt', req.query.dest);
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'traversal', data: { method: 'res.download', source: 'req.body.name', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." } },
        { messageId: 'traversal', data: { method: 'fs.readFileSync', source: 'req.query.f', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' } },
        { messageId: 'traversal', data: { method: 'fs.writeFile', source: 'req.body.path', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' } },
        { messageId: 'traversal', data: { method: 'fs.promises.unlink', source: 'req.body.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' } },
        { messageId: 'traversal', data: { method: 'fs.copyFileSync', source: 'req.query.dest', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' } },
      ],
      output: null,
    },
    // options without root; a router; TS
    {
      code: code`
        import { Router, type Request, type Response } from 'express';
        const router = Router();
        router.get('/img', (req: Request, res: Response) => {
          res.sendFile(req.query.file as string, { maxAge: 1000 });
        });
      `,
      filename: 'img.ts',
      errors: [{ messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.query.file', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." } }],
      output: null,
    },
    // dotfiles: 'allow' through a const; serve-static
    {
      code: code`
        import express from 'express';
        import serveStatic from 'serve-static';
        const app = express();
        const staticOptions = { dotfiles: 'allow' };
        app.use(express.static('public', staticOptions));
        app.use(serveStatic('assets', { dotfiles: 'allow' }));
      `,
      errors: [
        { messageId: 'dotfiles', data: { method: 'express.static', value: "dotfiles: 'allow'" }, line: 4 },
        { messageId: 'dotfiles', data: { method: 'serveStatic', value: "dotfiles: 'allow'" }, line: 6 },
      ],
      output: null,
    },
    // serve-index in strict
    {
      code: code`
        import express from 'express';
        import serveIndex from 'serve-index';
        const app = express();
        app.use('/pub', express.static('public'), serveIndex('public', { icons: true }));
      `,
      options: [{ serveIndex: true }],
      errors: [{ messageId: 'serveIndex', line: 4, column: 43 }],
      output: null,
    },
    // shaped, typed and Node-server handlers; a check after the read; a helper reading its parameter
    {
      code: code`
        const express = require('express');
        const fs = require('fs');
        function readUpload(name) { return fs.readFileSync('uploads/' + name); }
        module.exports = {
          show(req, res) { res.sendFile(req.query.file); },
          raw(req, res) {
            const data = fs.readFileSync(req.params.name);
            if (!['a'].includes(req.params.name)) return;
            res.send(readUpload(req.body.name));
          },
        };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.query.file', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." }, line: 5 },
        { messageId: 'traversal', data: { method: 'fs.readFileSync', source: 'req.params.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 7 },
        { messageId: 'traversal', data: { method: 'fs.readFileSync', source: "req.body.name, through 'readUpload'", without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 9 },
      ],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        import { createServer } from 'node:http';
        import { readFile } from 'node:fs/promises';
        export async function file(q: Request, s: Response) {
          s.download(String(q.query.path));
        }
        createServer(async (req, res) => {
          res.end(await readFile('.' + req.url));
        });
      `,
      filename: 'files.ts',
      errors: [
        { messageId: 'traversal', data: { method: 'res.download', source: 'q.query.path', without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." } },
        { messageId: 'traversal', data: { method: 'fs.promises.readFile', source: 'req.url', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' } },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-path-traversal (a check\'s result held in a local)', rule, {
  valid: [
    // trial 13: a `const` holding a check counts like the check written in the condition (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const fs = require('fs');
        const FILES = ['a.pdf', 'b.pdf'];
        const app = express();
        app.get('/f', (req, res) => {
          const name = req.query.name;
          const known = FILES.includes(name);
          if (!known) return res.sendStatus(404);
          res.send(fs.readFileSync('files/' + name));
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import fs from 'node:fs';
      const app = express();
      app.get('/f', async (req, res) => {
        const name = req.params.name;
        const plain = /^[\\w-]+\\.txt$/.test(name);
        if (plain) res.send(fs.readFileSync('docs/' + name));
      });
    `,
    {
      code: code`
        import type { Request, Response } from 'express';
        import { readFile } from 'node:fs/promises';
        const FILES = new Set(['a.txt']);
        export async function show(req: Request, res: Response) {
          const name = String(req.query.name);
          const listed: boolean = FILES.has(name);
          if (!listed) throw new Error('unknown file');
          res.send(await readFile('docs/' + name));
        }
      `,
      filename: 'files.ts',
    },
    // A check's promise kept in a local and awaited in the condition (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const fs = require('fs');
        const FILES = ['a.pdf', 'b.pdf'];
        const isKnown = async (name) => FILES.includes(name);
        const app = express();
        app.get('/f', async (req, res) => {
          const name = req.query.name;
          const p = isKnown(name);
          if (!(await p)) return res.sendStatus(404);
          res.send(fs.readFileSync('files/' + name));
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import fs from 'node:fs';
      const FILES = new Set(['a.txt']);
      async function isKnown(name) {
        return FILES.has(name);
      }
      const app = express();
      app.get('/f', async (req, res) => {
        const name = req.params.name;
        const ok = isKnown(name);
        if (!await ok) return res.sendStatus(404);
        res.send(fs.readFileSync('docs/' + name));
      });
    `,
    {
      code: code`
        import type { Request, Response } from 'express';
        import { readFile } from 'node:fs/promises';
        const FILES = new Set(['a.txt']);
        const isListed = async (name: string): Promise<boolean> => FILES.has(name);
        export async function show(req: Request, res: Response) {
          const name = String(req.query.name);
          const listed: Promise<boolean> = isListed(name);
          if (!(await listed)) throw new Error('unknown file');
          res.send(await readFile('docs/' + name));
        }
      `,
      filename: 'files.ts',
    },
  ],
  invalid: [
    // A check's promise in a local: not awaited (always truthy); the checked value written between the declaration and
    // the await (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const fs = require('fs');
        const FILES = ['a.pdf', 'b.pdf'];
        const isKnown = async (name) => FILES.includes(name);
        const app = express();
        app.get('/f', async (req, res) => {
          const name = req.query.name;
          const p = isKnown(name);
          if (!p) return res.sendStatus(404);
          res.send(fs.readFileSync('files/' + name));
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'traversal', data: { method: 'fs.readFileSync', source: 'req.query.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 10 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import fs from 'node:fs';
        const FILES = new Set(['a.txt']);
        async function isKnown(name) {
          return FILES.has(name);
        }
        const app = express();
        app.get('/f', async (req, res) => {
          let name = req.params.name;
          const ok = isKnown(name);
          name = req.params.other;
          if (!await ok) return res.sendStatus(404);
          res.send(fs.readFileSync('docs/' + name));
        });
      `,
      errors: [{ messageId: 'traversal', data: { method: 'fs.readFileSync', source: 'req.params.other', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 13 }],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        import { readFile } from 'node:fs/promises';
        const FILES = new Set(['a.txt']);
        const isListed = async (name: string): Promise<boolean> => FILES.has(name);
        export async function show(req: Request, res: Response) {
          const name = String(req.query.name);
          const listed: Promise<boolean> = isListed(name);
          if (!listed) throw new Error('unknown file');
          res.send(await readFile('docs/' + name));
        }
      `,
      filename: 'files.ts',
      errors: [{ messageId: 'traversal', data: { method: 'fs.promises.readFile', source: 'req.query.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 9 }],
      output: null,
    },
    // the other branch; a `let` assigned again (CommonJS, TS)
    {
      code: code`
        const express = require('express');
        const fs = require('fs');
        const app = express();
        app.get('/f', (req, res) => {
          const name = req.params.name;
          const plain = /^[\\w-]+\\.txt$/.test(name);
          if (!plain) res.send(fs.readFileSync('docs/' + name));
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'traversal', data: { method: 'fs.readFileSync', source: 'req.params.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 7 }],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        import { readFile } from 'node:fs/promises';
        const FILES = new Set(['a.txt']);
        export async function show(req: Request, res: Response) {
          const name = String(req.query.name);
          let listed = FILES.has(name);
          listed ||= name.endsWith('.txt');
          if (!listed) throw new Error('unknown file');
          res.send(await readFile('docs/' + name));
        }
      `,
      filename: 'files.ts',
      errors: [{ messageId: 'traversal', data: { method: 'fs.promises.readFile', source: 'req.query.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 9 }],
      output: null,
    },
  ],
});


runRuleTests("no-path-traversal (a value written in a `try` whose `catch` always leaves)", rule, {
  valid: [
    // trial 16 (Etherpad's Minify: `filename = sanitizePathname(filename)` in a `try`): the `catch` answers 404 and returns,
    // so after the statement the value is the one the `try` wrote (here `decodeURIComponent` may throw)
    {
      code: code`
        const express = require('express');
        const path = require('path');
        const fs = require('fs');
        const app = express();
        app.get('/static/:filename', (req, res) => {
          let filename = req.params.filename;
          try {
            filename = path.basename(decodeURIComponent(filename));
          } catch (err) {
            res.writeHead(404, {});
            res.end();
            return;
          }
          fs.readFile(path.resolve(__dirname, 'static', filename), (e, d) => res.end(d));
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import path from 'node:path';
      import { readFile } from 'node:fs/promises';
      export const router = express.Router();
      router.get('/f/:name', async (req, res, next) => {
        let name = req.params.name;
        try {
          name = path.basename(decodeURIComponent(name));
        } catch {
          throw new Error('bad name');
        }
        res.send(await readFile(path.join('files', name)));
      });
    `,
    {
      code: code`
        import path from 'node:path';
        import { readFile } from 'node:fs/promises';
        import type { Request, Response } from 'express';
        export async function show(req: Request, res: Response) {
          let name = String(req.query.name);
          try {
            name = path.basename(decodeURIComponent(name));
          } catch (error) {
            return res.status(404).end();
          }
          res.send(await readFile('docs/' + name));
        }
      `,
      filename: 'files.ts',
    },
  ],
  invalid: [
    // the `catch` only logs: after it the value may be the request's
    {
      code: code`
        const express = require('express');
        const path = require('path');
        const fs = require('fs');
        const app = express();
        app.get('/static/:filename', (req, res) => {
          let filename = req.params.filename;
          try {
            filename = path.basename(decodeURIComponent(filename));
          } catch (err) {
            console.error(err);
          }
          fs.readFile(path.resolve(__dirname, 'static', filename), (e, d) => res.end(d));
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'traversal', data: { method: 'fs.readFile', source: 'req.params.filename', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 12 }],
    },
    // in the `catch` (or the `finally`) the write may not have run
    {
      code: code`
        import express from 'express';
        import path from 'node:path';
        import { readFile } from 'node:fs/promises';
        export const router = express.Router();
        router.get('/f/:name', async (req, res) => {
          let name = req.params.name;
          try {
            name = path.basename(decodeURIComponent(name));
          } catch {
            return res.send(await readFile(path.join('fallback', name)));
          } finally {
            await readFile(path.join('audit', name));
          }
          res.send(await readFile(path.join('files', name)));
        });
      `,
      errors: [
        { messageId: 'traversal', data: { method: 'fs.promises.readFile', source: 'req.params.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 10 },
        { messageId: 'traversal', data: { method: 'fs.promises.readFile', source: 'req.params.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 12 },
      ],
    },
  ],
});

// settings['secure-express'].checks: a path check of another package the project trusts
runRuleTests('no-path-traversal (checks the project trusts)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const fs = require('fs');
        const { isInsideUploads } = require('@acme/files');
        const app = express();
        app.get('/files/:name', (req, res) => {
          if (!isInsideUploads(req.params.name)) return res.sendStatus(403);
          fs.createReadStream('uploads/' + req.params.name).pipe(res);
        });
      `,
      languageOptions: commonjs,
      settings: { 'secure-express': { checks: { path: ['isInsideUploads'] } } },
    },
  ],
  invalid: [
    {
      code: code`
        import express from 'express';
        import fs from 'node:fs';
        import { isInsideUploads } from '@acme/files';
        const app = express();
        app.get('/files/:name', (req, res) => {
          if (!isInsideUploads(req.params.name)) return res.sendStatus(403);
          fs.createReadStream('uploads/' + req.params.name).pipe(res);
        });
      `,
      settings: { 'secure-express': { checks: { redirect: ['isInsideUploads'] } } },
      errors: [{ messageId: 'traversal', data: { method: 'fs.createReadStream', source: 'req.params.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 7 }],
    },
  ],
});

// `path.normalize(p).replace(/^(\.\.(\/|\\|$))+/, '')` (Node's advice) leaves no `..` segment: joined after a folder with
// `path.join` it stays under it (trial 16: Saltcorn's help and plugin files, 3 findings)
runRuleTests('no-path-traversal (leading .. segments stripped from a normalised path)', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const path = require('path');
        const fs = require('fs');
        const app = express();
        app.get('/help/:topic', (req, res) => {
          const safeFile = path.normalize(req.params.topic + '.tmd').replace(/^(\\.\\.(\\/|\\\\|$))+/, '');
          const fullpath = path.join(__dirname, 'help', safeFile);
          if (fs.existsSync(fullpath)) res.sendFile(fullpath);
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import path from 'node:path';
      import { readFile } from 'node:fs/promises';
      export const router = express.Router();
      router.get('/docs/*', async (req, res) => {
        res.send(await readFile(path.join('docs', path.normalize(req.params[0]).replace(/^(?:\\.\\.(?:\\/|\\\\|$))+/, ''))));
      });
    `,
    {
      code: code`
        import path from 'node:path';
        import fs from 'node:fs';
        import type { Request, Response } from 'express';
        export function asset(req: Request, res: Response) {
          const name: string = path.normalize(String(req.query.name)).replace(/^(\\.\\.(\\/|\\\\|$))+/, '');
          fs.createReadStream(path.join(process.cwd(), 'public', name)).pipe(res);
        }
      `,
      filename: 'asset.ts',
    },
  ],
  invalid: [
    // with path.resolve an absolute path replaces the folder; alone it is read as given; first in the join it is the folder
    {
      code: code`
        const express = require('express');
        const path = require('path');
        const fs = require('fs');
        const app = express();
        app.get('/help/:topic', (req, res) => {
          const safeFile = path.normalize(req.params.topic).replace(/^(\\.\\.(\\/|\\\\|$))+/, '');
          fs.readFile(path.resolve(__dirname, 'help', safeFile), () => {});
          fs.readFile(safeFile, () => {});
          fs.readFile(path.join(safeFile, 'index.md'), () => {});
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'traversal', data: { method: 'fs.readFile', source: 'req.params.topic', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 7 },
        { messageId: 'traversal', data: { method: 'fs.readFile', source: 'req.params.topic', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 8 },
        { messageId: 'traversal', data: { method: 'fs.readFile', source: 'req.params.topic', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 9 },
      ],
    },
    // a pattern that leaves a last bare `..` (`^(\.\.[/\\])+`), one stripped once, or a path not normalised first
    {
      code: code`
        import express from 'express';
        import path from 'node:path';
        import { readFile } from 'node:fs/promises';
        export const router = express.Router();
        router.get('/docs/:name', async (req, res) => {
          await readFile(path.join('docs', path.normalize(req.params.name).replace(/^(\\.\\.[\\/\\\\])+/, '')));
          await readFile(path.join('docs', path.normalize(req.params.name).replace(/^\\.\\.\\//, '')));
          await readFile(path.join('docs', req.params.name.replace(/^(\\.\\.(\\/|\\\\|$))+/, '')));
        });
      `,
      errors: [
        { messageId: 'traversal', data: { method: 'fs.promises.readFile', source: 'req.params.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 6 },
        { messageId: 'traversal', data: { method: 'fs.promises.readFile', source: 'req.params.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 7 },
        { messageId: 'traversal', data: { method: 'fs.promises.readFile', source: 'req.params.name', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' }, line: 8 },
      ],
    },
  ],
});

// Lane gql21: a GraphQL resolver's arguments are what the client sent
runRuleTests('no-path-traversal', rule, {
  valid: [
    // path.basename keeps the file name; an Int argument is a number (CommonJS, express-graphql)
    {
      code: code`
        const fs = require('fs');
        const path = require('path');
        const { graphqlHTTP } = require('express-graphql');
        const { buildSchema } = require('graphql');
        const schema = buildSchema('type Query { file(name: String!): String, page(n: Int!): String }');
        const rootValue = {
          file: ({ name }) => fs.readFileSync(path.join(__dirname, 'uploads', path.basename(name)), 'utf8'),
          page: ({ n }) => fs.readFileSync(path.join(__dirname, 'pages', n + '.html'), 'utf8'),
        };
        module.exports = graphqlHTTP({ schema, rootValue });
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // a String argument joined into a path (ESM, graphql-http)
    {
      code: code`
        import fs from 'node:fs/promises';
        import path from 'node:path';
        import { createHandler } from 'graphql-http/lib/use/express';
        import { buildSchema } from 'graphql';
        const schema = buildSchema('type Query { file(name: String!): String }');
        export const handler = createHandler({ schema, rootValue: { file: (args) => fs.readFile(path.join('uploads', args.name), 'utf8') } });
      `,
      errors: [
        {
          messageId: 'traversal',
          data: { method: 'fs.promises.readFile', source: 'args.name (GraphQL argument of Query.file)', without: '', advice: 'Keep only the file name (path.basename) or check the resolved path.' },
          line: 6,
        },
      ],
      output: null,
    },
  ],
});

// Session 24 (verdaccio's `/-/static/*`, @verdaccio/middleware render-web.ts:50: `` res.sendFile(`${staticPath}/${req.params[0]}`) ``):
// Express's res.sendFile hands the path to send, which answers 403 to any path with a `..` segment, root or not. Only a
// path whose start the client writes (an absolute path), or one path.join / resolve / normalize built after the client's
// text entered it (its `..` segments resolved), reaches another file. res.download resolves the path first: a name after a
// folder still climbs there (CommonJS, ESM, TypeScript)
const SEND = { without: ' with no root option', advice: "Pass the folder as the 'root' option (Express then refuses a path that leaves it), or keep only the file name (path.basename)." };
runRuleTests('no-path-traversal', rule, {
  valid: [
    {
      code: code`
        const express = require('express');
        const app = express();
        const staticPath = process.env.STATIC_DIR;
        app.get('/-/static/*', (req, res, next) => {
          const filename = req.params[0];
          let file = \`\${staticPath}/\${filename}\`;
          if (filename === 'favicon.ico' && process.env.FAVICON) file = process.env.FAVICON;
          res.sendFile(file, (err) => next(err));
        });
        app.get('/pages/:name', (req, res) => res.sendFile(__dirname + '/pages/' + req.params.name + '.html'));
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      const app = express();
      const root = new URL('./files', import.meta.url).pathname;
      app.get('/files', (req, res) => {
        const file = \`\${root}/uploads/\${req.query.f}\`;
        res.sendFile(file);
      });
    `,
    {
      code: code`
        import type { Request, Response } from 'express';
        export function page(req: Request, res: Response, dir: string) {
          res.sendFile(dir + '/' + String(req.params.name));
        }
      `,
      filename: 'page.ts',
    },
  ],
  invalid: [
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/a', (req, res) => res.sendFile(req.query.file));
        app.get('/b', (req, res) => res.sendFile('/' + req.query.file));
        app.get('/c/:name', (req, res) => res.download(__dirname + '/files/' + req.params.name));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.query.file', ...SEND }, line: 3 },
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.query.file', ...SEND }, line: 4 },
        { messageId: 'traversal', data: { method: 'res.download', source: 'req.params.name', ...SEND }, line: 5 },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import path from 'node:path';
        const app = express();
        const root = '/srv/files';
        app.get('/files/:name', (req, res) => {
          res.sendFile(path.join(root, \`uploads/\${req.params.name}\`));
        });
        app.get('/docs/:name', (req, res) => {
          const p = path.resolve(root + '/' + req.params.name);
          res.sendFile(p);
        });
      `,
      errors: [
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.name', ...SEND }, line: 6 },
        { messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.params.name', ...SEND }, line: 10 },
      ],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        export function page(req: Request, res: Response) {
          res.sendFile(\`\${String(req.query.dir)}/index.html\`);
        }
      `,
      filename: 'page.ts',
      errors: [{ messageId: 'traversal', data: { method: 'res.sendFile', source: 'req.query.dir', ...SEND }, line: 3 }],
      output: null,
    },
  ],
});
