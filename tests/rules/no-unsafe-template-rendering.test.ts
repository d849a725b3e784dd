import rule from '../../src/rules/no-unsafe-template-rendering';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { inPlainPackage } from '../helpers/packages';

const escapeDisabled = (library: string, option: string) =>
  ({ messageId: 'escapeDisabled', data: { library, option } }) as const;

runRuleTests('no-unsafe-template-rendering', rule, {
  valid: [
    // an object literal with keys written in the code is not a whole request object, whatever its values hold
    // (NodeGoat's signup: `const errors = { userName, email }` from req.body, then `{ ...errors }` as the locals)
    { code: code`
        const express = require('express');
        const app = express();
        app.post('/signup', (req, res) => {
          const { userName, email } = req.body;
          const errors = { userName: userName, email: email };
          errors.userNameError = 'taken';
          return res.render('signup', { ...errors, title: 'Sign up' });
        });
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      const app = express();
      app.post('/signup', (req, res) => {
        const errors = { userName: req.body.userName };
        res.render('signup', errors);
      });
      app.get('/search', (req, res) => res.render('search', { ...{ term: req.query.q } }));
    `,
    { code: code`
        import type { Request, Response } from 'express';
        export function signup(req: Request, res: Response): void {
          const form: { userName: unknown; error?: string } = { userName: req.body.userName };
          form.error = 'invalid';
          res.render('signup', { ...form });
        }
      `, filename: 'signup.ts' },
    // a render shaped like a handler's outside Express (file and package): not a request handler
    {
      code: "exports.profile = (req, res) => res.render('profile', { ...req.body });",
      languageOptions: commonjs,
      filename: inPlainPackage('profile.js'),
    },
    // an exported controller that passes the fields it needs by name
    {
      code: "const express = require('express');\nexports.profile = (req, res) => res.render('profile', { name: req.body.name });",
      languageOptions: commonjs,
    },
    // a real escape function, no options, options that are not known, escaping left on
    { code: code`
        const ejs = require('ejs');
        const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
        ejs.render(tpl, data, { escape: escapeHtml });
        ejs.render(tpl, data);
        ejs.render(tpl, data, options);
        ejs.compile(tpl, { escape: false, client: true });
        ejs.renderFile('v.ejs', data, (err, html) => html);
      `, languageOptions: commonjs },
    code`
      import ejs from 'ejs';
      function escapeXml(s: string) { return s.replace(/</g, '&lt;'); }
      ejs.render(tpl, data, { escapeFunction: escapeXml });
      ejs.render(tpl, data, { escape: (s: string, extra: string) => extra });
    `,
    code`
      import Handlebars from 'handlebars';
      Handlebars.compile(src, { noEscape: false, strict: true });
      Handlebars.compile(src, { noEscape: flag });
      Handlebars.compile(src);
      Handlebars.registerHelper('bold', (text) => new Handlebars.SafeString('<b>' + Handlebars.escapeExpression(text) + '</b>'));
    `,
    code`
      import { engine } from 'express-handlebars';
      import express from 'express';
      const app = express();
      app.engine('hbs', engine({ extname: '.hbs', compilerOptions: { strict: true } }));
      app.engine('x', engine());
    `,
    code`
      import Mustache from 'mustache';
      Mustache.escape = (text) => text.replace(/</g, '&lt;');
      Mustache.render(tpl, view, {}, { escape: (t) => t.replace(/</g, '') });
      Mustache.render(tpl, view, {}, ['<%', '%>']);
    `,
    // `escape` of another library, a local object
    { code: code`
        const other = require('other');
        other.escape = (x) => x;
        const Mustache = { escape: null };
        Mustache.escape = (x) => x;
      `, languageOptions: commonjs },
    // request data through an unknown function, constant markup, data that is not the request's
    code`
      import express from 'express';
      import Handlebars from 'handlebars';
      const app = express();
      app.get('/', (req, res) => {
        const a = new Handlebars.SafeString(markdown(req.body.text));
        const b = new Handlebars.SafeString('<br>');
        const c = new Handlebars.SafeString(res.locals.banner);
        res.render('profile', { user: req.user, view: req.query.view });
        res.status(200).render('home');
        const PAGES = new Map([['home', 'pages/home']]);
        res.render(PAGES.get(req.query.view) ?? 'pages/home');
        const { page } = settings;
        res.render(page);
      });
    `,
    // not a response (a function shaped like a handler is one: see invalid)
    code`
      import express from 'express';
      const engine = { render(x: unknown) { return x; } };
      express().get('/', (req, res) => engine.render(req.query.view));
    `,
    // unusual code does not crash
    { code: code`
        const m = require(name);
        m.render(a, b, { escape: (s) => s });
        require('ejs')[key](a, b, { escape: (s) => s });
        const ejs = require('ejs');
        ejs.render(tpl, data, { ...base, [k]: (s) => s });
        ejs.render(tpl, data, { escape });
      `, languageOptions: commonjs },
    // Mustache with an identity escape rendering Markdown for a chat message (TS class method, a const posted as text)
    code`
      import Mustache from 'mustache';
      export class Notifier {
        renderMarkdown(template: string, view: object): string {
          return Mustache.render(template, view, {}, { escape: (text: string) => text });
        }
        async post(chat: { postMessage(m: object): Promise<void> }, template: string, view: object) {
          const text = Mustache.render(template, view, undefined, { escape: (t: string) => t });
          await chat.postMessage({ text, mrkdwn: true });
        }
      }
    `,
    // a Markdown or plain-text template file rendered without HTML escaping
    { code: code`
        const ejs = require('ejs');
        module.exports = (data) => ejs.renderFile('templates/release-notes.md.ejs', data, { escape: (s) => s });
        module.exports.subject = (data) => ejs.render(subjectTemplate, data, { escape: String });
      `, languageOptions: commonjs },
    // text written to a Markdown file
    code`
      import fs from 'node:fs';
      import Mustache from 'mustache';
      fs.writeFileSync('CHANGELOG.md', Mustache.render(tpl, view, {}, { escape: (t) => t }));
    `,
    // Mustache.escape turned off in a module whose every render makes Markdown (CJS)
    { code: code`
        const Mustache = require('mustache');
        Mustache.escape = (text) => text;
        exports.toMarkdown = (tpl, view) => Mustache.render(tpl, view);
      `, languageOptions: commonjs },
    // nunjucks and swig with escaping on (their default), or from elsewhere
    code`
      import nunjucks from 'nunjucks';
      import swig from 'swig';
      nunjucks.configure('views', { autoescape: true, express: app });
      nunjucks.configure({ watch: true });
      swig.setDefaults({ cache: false });
      swig.setDefaults(config.swig);
    `,
    // locals named one by one are fine
    code`
      import express from 'express';
      const app = express();
      app.get('/profile', (req, res) => res.render('profile', { bio: req.body.bio, ...defaults }));
    `,
  ],
  invalid: [
    {
      name: 'ejs render, CommonJS, identity arrow',
      code: code`
        const ejs = require('ejs');
        ejs.render(tpl, data, { escape: (s) => s, rmWhitespace: true });
      `,
      languageOptions: commonjs,
      errors: [{ ...escapeDisabled('EJS', 'escape: (s) => s'), line: 2, column: 25, endColumn: 41, suggestions: [
        { messageId: 'removeOption', data: { option: 'escape', library: 'EJS' }, output: code`
          const ejs = require('ejs');
          ejs.render(tpl, data, { rmWhitespace: true });
        ` },
      ] }],
      output: null,
    },
    {
      name: 'ejs compile, ESM default, function returning its argument',
      code: code`
        import ejs from 'ejs';
        const fn = ejs.compile(src, {
          client: true,
          escapeFunction: function (s) { return s; },
        });
      `,
      errors: [{ ...escapeDisabled('EJS', 'escapeFunction: function (s) { return s; }'), line: 4, suggestions: [
        { messageId: 'removeOption', data: { option: 'escapeFunction', library: 'EJS' }, output: code`
          import ejs from 'ejs';
          const fn = ejs.compile(src, {
            client: true,
          });
        ` },
      ] }],
      output: null,
    },
    {
      name: 'ejs renderFile, ESM named, String as the escape',
      code: code`
        import { renderFile } from 'ejs';
        renderFile('views/a.ejs', data, { escape: String }, done);
      `,
      errors: [{ ...escapeDisabled('EJS', 'escape: String'), suggestions: [
        { messageId: 'removeOption', data: { option: 'escape', library: 'EJS' }, output: code`
          import { renderFile } from 'ejs';
          renderFile('views/a.ejs', data, {  }, done);
        ` },
      ] }],
      output: null,
    },
    {
      name: 'ejs, namespace import, identity through a const, TS',
      code: code`
        import * as ejs from 'ejs';
        const identity = (x: string): string => \`\${x}\`;
        const options = { escape: identity, async: false } as const;
        ejs.render(tpl, data, options);
      `,
      errors: [{ ...escapeDisabled('EJS', 'escape: identity'), line: 3, suggestions: [
        { messageId: 'removeOption', data: { option: 'escape', library: 'EJS' }, output: code`
          import * as ejs from 'ejs';
          const identity = (x: string): string => \`\${x}\`;
          const options = { async: false } as const;
          ejs.render(tpl, data, options);
        ` },
      ] }],
      output: null,
    },
    {
      name: 'ejs, TS import = require, function declaration, written later (no suggestion)',
      code: code`
        import ejs = require('ejs');
        function raw(s: unknown) { return String(s); }
        const opts: Record<string, unknown> = {};
        opts.escape = raw;
        ejs.render(tpl, data, opts);
      `,
      errors: [{ ...escapeDisabled('EJS', 'raw'), line: 4, column: 15, suggestions: [] }],
      output: null,
    },
    {
      name: "app.set('view options') with an identity escape",
      code: code`
        const express = require('express');
        const app = express();
        app.set('view options', { escape: (s) => '' + s });
      `,
      languageOptions: commonjs,
      errors: [{ ...escapeDisabled('EJS', "escape: (s) => '' + s"), suggestions: [
        { messageId: 'removeOption', data: { option: 'escape', library: 'EJS' }, output: code`
          const express = require('express');
          const app = express();
          app.set('view options', {  });
        ` },
      ] }],
      output: null,
    },
    {
      name: 'Handlebars compile noEscape, CommonJS',
      code: code`
        const Handlebars = require('handlebars');
        const template = Handlebars.compile(source, { strict: true, noEscape: true });
      `,
      languageOptions: commonjs,
      errors: [{ ...escapeDisabled('Handlebars', 'noEscape: true'), line: 2, column: 61, suggestions: [
        { messageId: 'removeOption', data: { option: 'noEscape', library: 'Handlebars' }, output: code`
          const Handlebars = require('handlebars');
          const template = Handlebars.compile(source, { strict: true });
        ` },
      ] }],
      output: null,
    },
    {
      name: 'Handlebars.create() instance, precompile, noEscape through a const',
      code: code`
        import Handlebars from 'handlebars';
        const NO_ESCAPE = true;
        const hb = Handlebars.create();
        hb.precompile(source, { noEscape: NO_ESCAPE, knownHelpersOnly: true });
      `,
      errors: [{ ...escapeDisabled('Handlebars', 'noEscape: NO_ESCAPE'), suggestions: [
        { messageId: 'removeOption', data: { option: 'noEscape', library: 'Handlebars' }, output: code`
          import Handlebars from 'handlebars';
          const NO_ESCAPE = true;
          const hb = Handlebars.create();
          hb.precompile(source, { knownHelpersOnly: true });
        ` },
      ] }],
      output: null,
    },
    {
      name: 'hbs exposes Handlebars as hbs.handlebars',
      code: code`
        const hbs = require('hbs');
        hbs.handlebars.compile(source, { noEscape: true, strict: true });
      `,
      languageOptions: commonjs,
      errors: [{ ...escapeDisabled('Handlebars', 'noEscape: true'), suggestions: [
        { messageId: 'removeOption', data: { option: 'noEscape', library: 'Handlebars' }, output: code`
          const hbs = require('hbs');
          hbs.handlebars.compile(source, { strict: true });
        ` },
      ] }],
      output: null,
    },
    {
      name: 'express-handlebars engine() compilerOptions, ESM named, on an app',
      code: code`
        import express from 'express';
        import { engine } from 'express-handlebars';
        const app = express();
        app.engine('hbs', engine({ extname: '.hbs', compilerOptions: { noEscape: true, strict: true } }));
      `,
      errors: [{ ...escapeDisabled('Handlebars', 'noEscape: true'), suggestions: [
        { messageId: 'removeOption', data: { option: 'noEscape', library: 'Handlebars' }, output: code`
          import express from 'express';
          import { engine } from 'express-handlebars';
          const app = express();
          app.engine('hbs', engine({ extname: '.hbs', compilerOptions: { strict: true } }));
        ` },
      ] }],
      output: null,
    },
    {
      name: 'express-handlebars default export (before 6) and create()',
      code: code`
        const exphbs = require('express-handlebars');
        const a = exphbs({ compilerOptions: { noEscape: true } });
        const b = exphbs.create({ defaultLayout: 'main', compilerOptions: { noEscape: true } });
      `,
      languageOptions: commonjs,
      errors: [
        { ...escapeDisabled('Handlebars', 'noEscape: true'), line: 2, suggestions: [
          { messageId: 'removeOption', data: { option: 'noEscape', library: 'Handlebars' }, output: code`
            const exphbs = require('express-handlebars');
            const a = exphbs({ compilerOptions: {  } });
            const b = exphbs.create({ defaultLayout: 'main', compilerOptions: { noEscape: true } });
          ` },
        ] },
        { ...escapeDisabled('Handlebars', 'noEscape: true'), line: 3, suggestions: [
          { messageId: 'removeOption', data: { option: 'noEscape', library: 'Handlebars' }, output: code`
            const exphbs = require('express-handlebars');
            const a = exphbs({ compilerOptions: { noEscape: true } });
            const b = exphbs.create({ defaultLayout: 'main', compilerOptions: {  } });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: 'Mustache.escape overwritten with an identity',
      code: code`
        import Mustache from 'mustache';
        Mustache.escape = function (text) { return text; };
      `,
      errors: [{ ...escapeDisabled('Mustache', 'Mustache.escape'), line: 2, column: 1, suggestions: [] }],
      output: null,
    },
    {
      name: 'Mustache.render config.escape',
      code: code`
        const Mustache = require('mustache');
        Mustache.render(tpl, view, partials, { escape: (t) => t.toString() });
      `,
      languageOptions: commonjs,
      errors: [{ ...escapeDisabled('Mustache', 'escape: (t) => t.toString()'), suggestions: [
        { messageId: 'removeOption', data: { option: 'escape', library: 'Mustache' }, output: code`
          const Mustache = require('mustache');
          Mustache.render(tpl, view, partials, {  });
        ` },
      ] }],
      output: null,
    },
    {
      name: 'new SafeString of request data, directly and through a const and a template',
      code: code`
        import express from 'express';
        import Handlebars from 'handlebars';
        const app = express();
        app.get('/profile', (req, res) => {
          const bio = req.body.bio;
          res.send(template({
            bio: new Handlebars.SafeString(bio),
            title: new Handlebars.SafeString(\`<h1>\${req.query.title}</h1>\`),
            safe: new Handlebars.SafeString(Handlebars.escapeExpression(req.query.q)),
          }));
        });
      `,
      errors: [
        { messageId: 'safeStringFromRequest', data: { source: 'req.body.bio' }, line: 7, column: 10 },
        { messageId: 'safeStringFromRequest', data: { source: 'req.query.title' }, line: 8, column: 12 },
      ],
      output: null,
    },
    {
      name: 'SafeString from hbs on a router, CommonJS',
      code: code`
        const { Router } = require('express');
        const hbs = require('hbs');
        const router = Router();
        router.post('/c', function (req, res) {
          res.render('c', { comment: new hbs.handlebars.SafeString(String(req.body.comment)) });
        });
        module.exports = router;
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'safeStringFromRequest', data: { source: 'req.body.comment' }, line: 5, column: 30 }],
      output: null,
    },
    {
      name: 'res.render of a template named by the request',
      code: code`
        import express, { Router } from 'express';
        const app = express();
        const router = Router();
        app.get('/page', (req, res) => res.render(req.query.view || 'home'));
        router.get('/p/:page', (request, response) => {
          response.status(200).render(\`pages/\${request.params.page}\`, { user: request.user });
        });
        router.get('/q', (req, res) => {
          const { view } = req.query;
          const [first] = req.body.views;
          res.render(view);
          res.render(first);
        });
        app.use(router);
      `,
      errors: [
        { messageId: 'renderFromRequest', data: { name: 'res', source: 'req.query.view' }, line: 4, column: 43 },
        { messageId: 'renderFromRequest', data: { name: 'response.status(200)', source: 'request.params.page' }, line: 6, column: 31 },
        { messageId: 'renderFromRequest', data: { name: 'res', source: 'req.query.view' }, line: 11, column: 14 },
        { messageId: 'renderFromRequest', data: { name: 'res', source: 'req.body.views' }, line: 12, column: 14 },
      ],
      output: null,
    },
      {
      name: 'an options object shared by two Mustache renders is one finding',
      code: code`
        import Mustache from 'mustache';
        const config = { escape: (t: string) => t };
        export const card = (tpl: string, view: object) => Mustache.render(tpl, view, {}, config);
        export const title = (tpl: string, view: object) => Mustache.render(tpl, view, {}, config);
      `,
      filename: 'cards.ts',
      errors: [{ ...escapeDisabled('Mustache', 'escape: (t: string) => t'), line: 2, suggestions: [
        { messageId: 'removeOption', data: { option: 'escape', library: 'Mustache' }, output: code`
          import Mustache from 'mustache';
          const config = {  };
          export const card = (tpl: string, view: object) => Mustache.render(tpl, view, {}, config);
          export const title = (tpl: string, view: object) => Mustache.render(tpl, view, {}, config);
        ` },
      ] }],
      output: null,
    },
    {
      name: 'text rendered without escaping and sent as the HTTP response',
      code: code`
        import express from 'express';
        import Mustache from 'mustache';
        const app = express();
        app.get('/notes', (req, res) => {
          const text = Mustache.render(tpl, { q: req.query.q }, {}, { escape: (t) => t });
          res.send(text);
        });
      `,
      errors: [{ ...escapeDisabled('Mustache', 'escape: (t) => t'), line: 5, suggestions: [
        { messageId: 'removeOption', data: { option: 'escape', library: 'Mustache' }, output: code`
          import express from 'express';
          import Mustache from 'mustache';
          const app = express();
          app.get('/notes', (req, res) => {
            const text = Mustache.render(tpl, { q: req.query.q }, {}, {  });
            res.send(text);
          });
        ` },
      ] }],
      output: null,
    },
    {
      name: 'nunjucks.configure and new Environment with autoescape: false (ESM)',
      code: code`
        import nunjucks from 'nunjucks';
        nunjucks.configure('views', { autoescape: false, express: app });
        export const env = new nunjucks.Environment(loader, { autoescape: false });
      `,
      errors: [
        { ...escapeDisabled('Nunjucks', 'autoescape: false'), line: 2, column: 31, suggestions: [
          { messageId: 'removeOption', data: { option: 'autoescape', library: 'Nunjucks' }, output: code`
            import nunjucks from 'nunjucks';
            nunjucks.configure('views', { express: app });
            export const env = new nunjucks.Environment(loader, { autoescape: false });
          ` },
        ] },
        { ...escapeDisabled('Nunjucks', 'autoescape: false'), line: 3, suggestions: [
          { messageId: 'removeOption', data: { option: 'autoescape', library: 'Nunjucks' }, output: code`
            import nunjucks from 'nunjucks';
            nunjucks.configure('views', { autoescape: false, express: app });
            export const env = new nunjucks.Environment(loader, {  });
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: 'swig.setDefaults and swig-templates render with autoescape: false (CJS)',
      code: code`
        const swig = require('swig');
        const templates = require('swig-templates');
        swig.setDefaults({ autoescape: false, cache: false });
        module.exports = (src, locals) => templates.render(src, { locals, autoescape: false });
      `,
      languageOptions: commonjs,
      errors: [
        { ...escapeDisabled('Swig', 'autoescape: false'), line: 3, suggestions: [
          { messageId: 'removeOption', data: { option: 'autoescape', library: 'Swig' }, output: code`
            const swig = require('swig');
            const templates = require('swig-templates');
            swig.setDefaults({ cache: false });
            module.exports = (src, locals) => templates.render(src, { locals, autoescape: false });
          ` },
        ] },
        { ...escapeDisabled('Swig', 'autoescape: false'), line: 4, suggestions: [
          { messageId: 'removeOption', data: { option: 'autoescape', library: 'Swig' }, output: code`
            const swig = require('swig');
            const templates = require('swig-templates');
            swig.setDefaults({ autoescape: false, cache: false });
            module.exports = (src, locals) => templates.render(src, { locals });
          ` },
        ] },
      ],
      output: null,
    },
      {
      name: 'text written to a .html file, whatever the variable is called',
      code: code`
        const fs = require('fs');
        const ejs = require('ejs');
        fs.writeFileSync('public/notes.html', ejs.render(markdownTemplate, data, { escape: (s) => s }));
      `,
      languageOptions: commonjs,
      errors: [{ ...escapeDisabled('EJS', 'escape: (s) => s'), line: 3, suggestions: [
        { messageId: 'removeOption', data: { option: 'escape', library: 'EJS' }, output: code`
          const fs = require('fs');
          const ejs = require('ejs');
          fs.writeFileSync('public/notes.html', ejs.render(markdownTemplate, data, {  }));
        ` },
      ] }],
      output: null,
    },
    // a local object literal that spreads the request, or that is mutated or replaced with it, still is one
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/signup', (req, res) => {
          const form = { ...req.body, title: 'Sign up' };
          res.render('signup', { ...form });
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'localsFromRequest', data: { name: 'res', source: 'req.body' }, line: 5 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/signup', (req, res) => {
          const errors = { userName: req.body.userName };
          Object.assign(errors, req.body);
          res.render('signup', { ...errors });
        });
      `,
      errors: [{ messageId: 'localsFromRequest', data: { name: 'res', source: 'req.body.userName' }, line: 6 }],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        export function profile(req: Request, res: Response): void {
          let form: Record<string, unknown> = { title: 'Profile' };
          form = req.body;
          res.render('profile', { ...form });
        }
      `,
      filename: 'profile.ts',
      errors: [{ messageId: 'localsFromRequest', data: { name: 'res', source: 'req.body' }, line: 5 }],
      output: null,
    },
    // a whole request object as the locals lets the client set layout or settings
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/profile', (req, res) => res.render('profile', { ...req.body, title: 'Profile' }));
        app.get('/page', (req, res) => res.render('page', req.query));
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'localsFromRequest', data: { name: 'res', source: 'req.body' }, line: 3 },
        { messageId: 'localsFromRequest', data: { name: 'res', source: 'req.query' }, line: 4 },
      ],
      output: null,
    },
    // ... in an exported controller (by shape) and a typed TS handler
    {
      code: code`
        import express from 'express';
        export function page(req, res) { res.render(req.query.view); }
      `,
      errors: [{ messageId: 'renderFromRequest', line: 2 }],
      output: null,
    },
    {
      code: code`
        const express = require('express');
        exports.profile = (req, res) => res.render('profile', { ...req.body });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'localsFromRequest', data: { name: 'res', source: 'req.body' }, line: 2 }],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        export function page(r: Request, w: Response) { w.render('page', r.query); }
      `,
      filename: 'controller.ts',
      errors: [{ messageId: 'localsFromRequest', data: { name: 'w', source: 'r.query' }, line: 2 }],
      output: null,
    },
  ],
});
