import rule, { formatSize, parseSize } from '../../src/rules/no-unbounded-body';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

describe('parseSize / formatSize', () => {
  it('reads sizes as the bytes package does', () => {
    expect(parseSize('10kb')).toBe(10240);
    expect(parseSize('1.5 MB')).toBe(1572864);
    expect(parseSize('512')).toBe(512);
    expect(parseSize(2048)).toBe(2048);
    expect(parseSize('ten megs')).toBeNull();
    expect(parseSize('5xb')).toBeNull();
    expect(parseSize('Infinity')).toBe(Number.POSITIVE_INFINITY);
    expect(formatSize(1048576)).toBe('1mb');
    expect(formatSize(1536)).toBe('1.5kb');
    expect(formatSize(100)).toBe('100b');
  });
});

runRuleTests('no-unbounded-body', rule, {
  valid: [
    // body-parser 1.x's generic bodyParser() with a limit; without one, only requireLimit asks for it
    { code: code`
        var express = require('express');
        var bodyParser = require('body-parser');
        var app = express();
        app.use(bodyParser({ limit: '200kb' }));
        app.use(bodyParser());
      `, languageOptions: commonjs },
    { code: code`
        import express from 'express';
        import bodyParser from 'body-parser';
        const app = express();
        app.use(bodyParser({ limit: '512kb' }));
      `, options: [{ requireLimit: true }] },
    { code: code`
        const express = require('express');
        const app = express();
        app.use(express.json({ limit: '100kb' }));
        app.use(express.urlencoded({ extended: false, limit: 1048576 }));
      `, languageOptions: commonjs },
    // no limit: the 100kb default is fine unless requireLimit
    code`
      import express from 'express';
      const app = express();
      app.use(express.json());
      app.use(express.text({ type: 'text/plain' }));
    `,
    // body-parser, named and namespace imports, through a const
    code`
      import bodyParser from 'body-parser';
      import { raw } from 'express';
      import * as e from 'express';
      const opts = { limit: '512kb' };
      bodyParser.json(opts);
      raw({ limit: '1mb' });
      e.json({ limit: '1MB' });
    `,
    // an unknown limit is not guessed about
    code`
      import express from 'express';
      express.json({ limit: process.env.BODY_LIMIT });
      express.json(getOptions());
      express.json({ ...defaults });
    `,
    // uploads with a file size limit (inline, through a const); unknown options are not guessed about
    { code: code`
        const multer = require('multer');
        const fileUpload = require('express-fileupload');
        const upload = multer({ dest: 'uploads/', limits: { fileSize: 5 * 1024 * 1024 } });
        const limits = { fileSize: 1024 * 1024, files: 1 };
        const other = multer({ dest: 'tmp/', limits });
        const files = fileUpload({ limits: { fileSize: 2 * 1024 * 1024 }, abortOnLimit: true });
        const unknown = multer(getOptions());
        const spread = fileUpload({ ...defaults });
      `, languageOptions: commonjs },
    code`
      import express from 'express';
      import fileUpload from 'express-fileupload';
      const app = express();
      app.use(fileUpload({ useTempFiles: true, limits: { fileSize: 10 * 1024 * 1024 } }));
    `,
    // a larger bound in options
    {
      code: code`
        import express from 'express';
        express.json({ limit: '5mb' });
      `,
      options: [{ maxSize: '10mb' }],
    },
    // requireLimit with explicit limits
    {
      code: code`
        import express from 'express';
        import multer from 'multer';
        express.json({ limit: '10kb' });
        multer({ limits: { fileSize: 1000 } });
      `,
      options: [{ requireLimit: true }],
    },
    // TS
    {
      code: code`
        import express = require('express');
        const app = express();
        app.use(express.json({ limit: '200kb' } as const));
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    // above the bound (CommonJS): suggestion lowers it
    {
      code: code`
        const express = require('express');
        const app = express();
        app.use(express.json({ limit: '50mb' }));
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'tooLarge',
          data: { parser: 'express.json()', limit: '50mb', from: '', max: '1mb' },
          line: 3,
          column: 31,
          suggestions: [
            {
              messageId: 'setLimit',
              data: { max: '1mb' },
              output: code`
                const express = require('express');
                const app = express();
                app.use(express.json({ limit: '1mb' }));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // trial 17 (firebase-tools' storage emulator, compiled TypeScript): a parser called through a sequence is named
    // without the sequence's `0, `
    {
      code: code`
        const express_1 = require('express');
        function upload(req, res, next) {
          (0, express_1.json)({ limit: '130mb' })(req, res, next);
        }
        module.exports = upload;
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'tooLarge',
          data: { parser: 'express_1.json()', limit: '130mb', from: '', max: '1mb' },
          line: 3,
          column: 32,
          suggestions: [
            {
              messageId: 'setLimit',
              data: { max: '1mb' },
              output: code`
                const express_1 = require('express');
                function upload(req, res, next) {
                  (0, express_1.json)({ limit: '1mb' })(req, res, next);
                }
                module.exports = upload;
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // Infinity, a number above the bound, an unparseable string; body-parser and named imports
    {
      code: code`
        import bodyParser from 'body-parser';
        import { urlencoded } from 'express';
        bodyParser.json({ limit: Infinity });
        urlencoded({ extended: true, limit: 20 * 1024 * 1024 });
        bodyParser.text({ limit: 'ten megs' });
      `,
      errors: [
        {
          messageId: 'unbounded',
          data: { parser: 'bodyParser.json()', limit: 'Infinity', from: '' },
          suggestions: [
            {
              messageId: 'setLimit',
              output: code`
                import bodyParser from 'body-parser';
                import { urlencoded } from 'express';
                bodyParser.json({ limit: '1mb' });
                urlencoded({ extended: true, limit: 20 * 1024 * 1024 });
                bodyParser.text({ limit: 'ten megs' });
              `,
            },
          ],
        },
        {
          messageId: 'tooLarge',
          data: { parser: 'urlencoded()', limit: '20mb', from: '', max: '1mb' },
          suggestions: [
            {
              messageId: 'setLimit',
              output: code`
                import bodyParser from 'body-parser';
                import { urlencoded } from 'express';
                bodyParser.json({ limit: Infinity });
                urlencoded({ extended: true, limit: '1mb' });
                bodyParser.text({ limit: 'ten megs' });
              `,
            },
          ],
        },
        {
          messageId: 'invalid',
          data: { parser: 'bodyParser.text()', limit: 'ten megs', from: '' },
          suggestions: [
            {
              messageId: 'setLimit',
              output: code`
                import bodyParser from 'body-parser';
                import { urlencoded } from 'express';
                bodyParser.json({ limit: Infinity });
                urlencoded({ extended: true, limit: 20 * 1024 * 1024 });
                bodyParser.text({ limit: '1mb' });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // a limit in a const options object, and a later write
    {
      code: code`
        import * as e from 'express';
        const opts = { limit: '2mb' };
        e.raw(opts);
      `,
      errors: [{ messageId: 'tooLarge', line: 2, suggestions: [{ messageId: 'setLimit', output: code`
        import * as e from 'express';
        const opts = { limit: '1mb' };
        e.raw(opts);
      ` }] }],
      output: null,
    },
    // multer: unlimited or above maxFileSize
    {
      code: code`
        const multer = require('multer');
        multer({ limits: { fileSize: Infinity } });
        multer({ storage, limits: { files: 1, fileSize: 100 * 1024 * 1024 } });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'unbounded',
          data: { parser: 'multer()', limit: 'Infinity', from: '' },
          suggestions: [{ messageId: 'setLimit', data: { max: '10mb' }, output: code`
            const multer = require('multer');
            multer({ limits: { fileSize: 10485760 } });
            multer({ storage, limits: { files: 1, fileSize: 100 * 1024 * 1024 } });
          ` }],
        },
        {
          messageId: 'tooLarge',
          data: { parser: 'multer()', limit: '100mb', from: '', max: '10mb' },
          suggestions: [{ messageId: 'setLimit', output: code`
            const multer = require('multer');
            multer({ limits: { fileSize: Infinity } });
            multer({ storage, limits: { files: 1, fileSize: 10485760 } });
          ` }],
        },
      ],
      output: null,
    },
    // body-parser 1.x's generic bodyParser() parses JSON and urlencoded bodies with the same limit
    {
      code: code`
        var express = require('express');
        var bodyParser = require('body-parser');
        var app = express();
        app.use(bodyParser());
        app.use(bodyParser({ limit: '50mb' }));
      `,
      languageOptions: commonjs,
      options: [{ requireLimit: true }],
      errors: [
        { messageId: 'missing', data: { parser: 'body-parser()', default: '100kb' }, line: 4 },
        { messageId: 'tooLarge', data: { parser: 'body-parser()', limit: '50mb', from: '', max: '1mb' }, line: 5, suggestions: [{ messageId: 'setLimit', data: { max: '1mb' }, output: code`
          var express = require('express');
          var bodyParser = require('body-parser');
          var app = express();
          app.use(bodyParser());
          app.use(bodyParser({ limit: '1mb' }));
        ` }] },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import bodyParser from 'body-parser';
        const app = express();
        app.use(bodyParser({ limit: Infinity }));
      `,
      errors: [{ messageId: 'unbounded', data: { parser: 'body-parser()', limit: 'Infinity', from: '' }, line: 4, suggestions: [{ messageId: 'setLimit', data: { max: '1mb' }, output: code`
        import express from 'express';
        import bodyParser from 'body-parser';
        const app = express();
        app.use(bodyParser({ limit: '1mb' }));
      ` }] }],
      output: null,
    },
    {
      code: code`
        import express = require('express');
        import bodyParser = require('body-parser');
        const app = express();
        app.use(bodyParser());
      `,
      filename: 'app.ts',
      options: [{ requireLimit: true }],
      errors: [{ messageId: 'missing', data: { parser: 'body-parser()', default: '100kb' }, line: 4 }],
      output: null,
    },
    // requireLimit (strict): missing limits
    {
      code: code`
        import express from 'express';
        import multer from 'multer';
        const app = express();
        app.use(express.json());
        app.use(express.urlencoded({ extended: false }));
        const upload = multer({ dest: 'uploads/' });
      `,
      options: [{ requireLimit: true }],
      errors: [
        { messageId: 'missing', data: { parser: 'express.json()', default: '100kb' }, line: 4 },
        { messageId: 'missing', data: { parser: 'express.urlencoded()', default: '100kb' }, line: 5 },
        { messageId: 'unlimitedUploads', data: { parser: 'multer()' }, line: 6, suggestions: [{ messageId: 'addFileSize', data: { max: '10mb' }, output: code`
          import express from 'express';
          import multer from 'multer';
          const app = express();
          app.use(express.json());
          app.use(express.urlencoded({ extended: false }));
          const upload = multer({ dest: 'uploads/', limits: { fileSize: 10 * 1024 * 1024 } });
        ` }] },
      ],
      output: null,
    },
    // uploads without limits.fileSize are unlimited: reported by default (CommonJS, ESM, TS)
    {
      code: code`
        const multer = require('multer');
        const upload = multer();
        const disk = multer({ dest: 'uploads/', limits: { files: 1 } });
        const opts = { dest: 'tmp/' };
        const held = multer(opts);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'unlimitedUploads', data: { parser: 'multer()' }, line: 2, column: 16, suggestions: [{ messageId: 'addFileSize', data: { max: '10mb' }, output: code`
          const multer = require('multer');
          const upload = multer({ limits: { fileSize: 10 * 1024 * 1024 } });
          const disk = multer({ dest: 'uploads/', limits: { files: 1 } });
          const opts = { dest: 'tmp/' };
          const held = multer(opts);
        ` }] },
        { messageId: 'unlimitedUploads', data: { parser: 'multer()' }, line: 3, suggestions: [{ messageId: 'addFileSize', data: { max: '10mb' }, output: code`
          const multer = require('multer');
          const upload = multer();
          const disk = multer({ dest: 'uploads/', limits: { files: 1, fileSize: 10 * 1024 * 1024 } });
          const opts = { dest: 'tmp/' };
          const held = multer(opts);
        ` }] },
        { messageId: 'unlimitedUploads', data: { parser: 'multer()' }, line: 5, suggestions: [] },
      ],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import fileUpload from 'express-fileupload';
        const app = express();
        app.use(fileUpload({ useTempFiles: true }));
      `,
      options: [{ maxFileSize: '512kb' }],
      errors: [{ messageId: 'unlimitedUploads', data: { parser: 'express-fileupload()' }, line: 4, suggestions: [{ messageId: 'addFileSize', data: { max: '512kb' }, output: code`
        import express from 'express';
        import fileUpload from 'express-fileupload';
        const app = express();
        app.use(fileUpload({ useTempFiles: true, limits: { fileSize: 512 * 1024 } }));
      ` }] }],
      output: null,
    },
    {
      code: code`
        import express = require('express');
        import fileUpload = require('express-fileupload');
        const app = express();
        app.use(fileUpload({ limits: { fileSize: 50 * 1024 * 1024 } }) as express.RequestHandler);
        app.post('/avatar', fileUpload(), (req: express.Request, res: express.Response) => res.end());
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'tooLarge', data: { parser: 'express-fileupload()', limit: '50mb', from: '', max: '10mb' }, line: 4, suggestions: [{ messageId: 'setLimit', data: { max: '10mb' }, output: code`
          import express = require('express');
          import fileUpload = require('express-fileupload');
          const app = express();
          app.use(fileUpload({ limits: { fileSize: 10485760 } }) as express.RequestHandler);
          app.post('/avatar', fileUpload(), (req: express.Request, res: express.Response) => res.end());
        ` }] },
        { messageId: 'unlimitedUploads', data: { parser: 'express-fileupload()' }, line: 5, suggestions: [{ messageId: 'addFileSize', data: { max: '10mb' }, output: code`
          import express = require('express');
          import fileUpload = require('express-fileupload');
          const app = express();
          app.use(fileUpload({ limits: { fileSize: 50 * 1024 * 1024 } }) as express.RequestHandler);
          app.post('/avatar', fileUpload({ limits: { fileSize: 10 * 1024 * 1024 } }), (req: express.Request, res: express.Response) => res.end());
        ` }] },
      ],
      output: null,
    },
    // maxSize option in bytes
    {
      code: code`
        import express from 'express';
        express.text({ limit: '20kb' });
      `,
      options: [{ maxSize: 10240 }],
      errors: [{ messageId: 'tooLarge', data: { parser: 'express.text()', limit: '20kb', from: '', max: '10kb' }, suggestions: [{ messageId: 'setLimit', output: code`
        import express from 'express';
        express.text({ limit: '10kb' });
      ` }] }],
      output: null,
    },
  ],
});
