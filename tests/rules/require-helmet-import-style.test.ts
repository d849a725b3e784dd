/**
 * The require-helmet suggestion writes `helmet`'s require as the file writes its own (`addImport`): express-generator's
 * `app.js` declares everything with `var`.
 */
import * as espree from 'espree';

import rule from '../../src/rules/require-helmet';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

const espreeCommonjs = { ...commonjs, parser: espree } as typeof commonjs;

runRuleTests('require-helmet', rule, {
  valid: [],
  invalid: [
    {
      name: "express-generator's app.js: var requires get a var",
      code: code`
        var createError = require('http-errors');
        var express = require('express');
        var path = require('path');

        var app = express();

        app.use(express.json());

        app.listen(3000);
      `,
      filename: 'app.js',
      languageOptions: espreeCommonjs,
      errors: [
        {
          messageId: 'missing',
          data: { name: 'app' },
          line: 5,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                var createError = require('http-errors');
                var express = require('express');
                var path = require('path');
                var helmet = require('helmet');

                var app = express();
                app.use(helmet());

                app.use(express.json());

                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'const requires keep const',
      code: code`
        const express = require('express');
        const app = express();
        app.listen(3000);
      `,
      filename: 'app.js',
      languageOptions: espreeCommonjs,
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addHelmet',
              output: code`
                const express = require('express');
                const helmet = require('helmet');
                const app = express();
                app.use(helmet());
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
