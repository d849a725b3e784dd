/**
 * `addImport` writes the new import as the file writes its own: `import`/`require` (see module-style.test.ts), and
 * for a `require`, the declaration keyword of the file's requires (`var` in express-generator's files).
 */
import type { TSESLint } from '@typescript-eslint/utils';

import { addImport, moduleStyle } from '../../src/util/fix';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

/** Reports once per file with a fix that adds `helmet` as the file would write it. */
const rule: TSESLint.RuleModule<'add', []> = {
  defaultOptions: [],
  meta: { type: 'suggestion', fixable: 'code', schema: [], messages: { add: 'add helmet' } },
  create(context) {
    return {
      'Program:exit'(node) {
        if (node.body.length === 0 || /\bhelmet\b/u.test(context.sourceCode.text)) return;
        context.report({
          node,
          messageId: 'add',
          fix: (fixer) => addImport(fixer, context.sourceCode, { name: 'helmet', module: 'helmet', style: moduleStyle(context) }),
        });
      },
    };
  },
};

runRuleTests('add-import', rule, {
  valid: ["import helmet from 'helmet';"],
  invalid: [
    // express-generator's app.js: `var` requires get a `var` (the case)
    {
      code: code`
        var createError = require('http-errors');
        var express = require('express');

        var app = express();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'add' }],
      output: code`
        var createError = require('http-errors');
        var express = require('express');
        var helmet = require('helmet');

        var app = express();
      `,
    },
    // the last require decides, where the new one goes
    {
      code: code`
        const express = require('express');
        let db = require('./db');
        const app = express();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'add' }],
      output: code`
        const express = require('express');
        let db = require('./db');
        let helmet = require('helmet');
        const app = express();
      `,
    },
    {
      code: code`
        var express = require('express');
        const app = express();
      `,
      filename: 'app.js',
      errors: [{ messageId: 'add' }],
      output: code`
        var express = require('express');
        var helmet = require('helmet');
        const app = express();
      `,
    },
    {
      code: code`
        const express = require('express');
        var app = express();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'add' }],
      output: code`
        const express = require('express');
        const helmet = require('helmet');
        var app = express();
      `,
    },
    // no require: `var` only when every top-level declaration is a `var`, at the top
    {
      code: code`
        'use strict';
        var app = module.exports.app;
        var port = 3000;
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'add' }],
      output: code`
        'use strict';
        var helmet = require('helmet');
        var app = module.exports.app;
        var port = 3000;
      `,
    },
    {
      code: code`
        var app = module.exports.app;
        const port = 3000;
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'add' }],
      output: code`
        const helmet = require('helmet');
        var app = module.exports.app;
        const port = 3000;
      `,
    },
    // imports are not declarations: unchanged by `var`s
    {
      code: code`
        import express from 'express';
        var app = express();
      `,
      errors: [{ messageId: 'add' }],
      output: code`
        import express from 'express';
        import helmet from 'helmet';
        var app = express();
      `,
    },
  ],
});
