import rule from '../../src/rules/no-nosql-injection';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { inExpressPackage, inGraphqlPackage, inMongoPackage, inSanitizerPackage } from '../helpers/packages';
import { UNUSUAL_SOURCE } from '../helpers/unusual';

/** The message's example of an operator for request data that may be an object (a body, qs's query). */
const OBJECT_EXAMPLE = 'an object such as {"$ne": null}';

runRuleTests('no-nosql-injection', rule, {
  valid: [
    // loops18: a router mounted in a loop over a list the file shows runs behind the sanitizer mounted before the loop
    // (ESM, `for (const { path, route } of routes)`); one of a list pushed to after it is written stays unknown
    // (CommonJS: nothing is guessed missing before it)
    {
      code: code`
        import express from 'express';
        import mongoSanitize from 'express-mongo-sanitize';
        import { User } from './models';
        const app = express();
        const users = express.Router();
        users.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
        const routes = [{ path: '/users', route: users }];
        app.use(mongoSanitize());
        for (const { path, route } of routes) app.use(path, route);
        app.listen(3000);
      `,
    },
    {
      code: code`
        const express = require('express');
        const { User } = require('./models');
        const app = express();
        const users = express.Router();
        users.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
        const routes = [{ path: '/users', route: users }];
        routes.push({ path: '/more', route: express.Router() });
        routes.forEach((route) => app.use(route.path, route.route));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
    // regression (Ghost member controller): a package whose package.json declares no MongoDB client sends
    // `Model.findOne({ id })` to its SQL ORM (Bookshelf), not to MongoDB (CommonJS)
    {
      code: code`
        const express = require('express');
        const { StripePrice } = require('./models');
        const app = express();
        app.put('/api/subscriptions/:id', async (req, res) => {
          const price = await StripePrice.findOne({ id: req.body.priceId });
          res.json(price);
        });
      `,
      filename: inExpressPackage('member-controller.js'),
      languageOptions: commonjs,
    },
    // unusual syntax does not crash the rule
    { code: UNUSUAL_SOURCE, filename: 'page.tsx' },
    // coerced ids: the clean twins
    code`
      import express from 'express';
      import mongoose from 'mongoose';
      const User = mongoose.model('User');
      const app = express();
      app.post('/login', async (req, res) => {
        const user = await User.findOne({ email: String(req.body.email), age: Number(req.query.age) });
        await User.deleteMany({ owner: \`\${req.body.owner}\` });
        res.json(user);
      });
    `,
    // route params and headers are strings: no operator object can come from them
    { code: code`
        const express = require('express');
        const { MongoClient } = require('mongodb');
        const users = new MongoClient('mongodb://db').db('app').collection('users');
        const router = express.Router();
        router.get('/users/:id', async (req, res) => {
          res.json(await users.findOne({ _id: req.params.id, tenant: req.get('x-tenant') }));
        });
      `, languageOptions: commonjs },
    // express-mongo-sanitize mounted on the app (also for a router mounted on it)
    code`
      import express, { Router } from 'express';
      import mongoSanitize from 'express-mongo-sanitize';
      import { User } from './models';
      const app = express();
      app.use(mongoSanitize());
      const api = Router();
      api.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
      app.use('/api', api);
    `,
    // regression (order of middleware): the sanitizer in the mount's own arguments runs before the router (CommonJS)
    {
      code: code`
        const express = require('express');
        const mongoSanitize = require('express-mongo-sanitize');
        const { User } = require('./models');
        const app = express();
        const api = express.Router();
        api.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
        app.use('/api', mongoSanitize(), api);
      `,
      languageOptions: commonjs,
    },
    // trial 22 (r1): a router handed to code the model does not follow (a package's function that mounts it) has an
    // unknown chain before it: a sanitizer may run there, nothing is guessed (CommonJS)
    {
      code: code`
        const express = require('express');
        const { register } = require('route-registry');
        const { User } = require('./models');
        const router = express.Router();
        router.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
        register('/users', router);
      `,
      languageOptions: commonjs,
    },
    // @exortek/express-mongo-sanitize in its default auto mode (TypeScript)
    {
      code: code`
        import express from 'express';
        import mongoSanitize from '@exortek/express-mongo-sanitize';
        import { User } from './models';
        const app = express();
        app.use(mongoSanitize({ replaceWith: '_' }));
        app.post('/find', async (req: express.Request, res: express.Response) => res.json(await User.find({ name: req.body.name })));
      `,
      filename: 'app.ts',
    },
    // mongo-sanitize on the value, mongoose's sanitizeFilter
    code`
      import express from 'express';
      import sanitize from 'mongo-sanitize';
      import { User } from './models';
      const app = express();
      app.post('/find', async (req, res) => res.json(await User.find({ name: sanitize(req.body.name) })));
    `,
    code`
      import express from 'express';
      import mongoose from 'mongoose';
      import { User } from './models';
      mongoose.set('sanitizeFilter', true);
      const app = express();
      app.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
    `,
    // ORM options objects and SQL builders are not Mongo filters
    code`
      import express from 'express';
      import knex from 'knex';
      import { Post } from './models';
      const db = knex({});
      const app = express();
      app.get('/posts', async (req, res) => {
        res.json(await Post.findOne({ where: { id: req.query.id } }));
        res.json(await db.where({ id: req.query.id }));
      });
    `,
    // $eq matches its operand literally; not in a handler
    code`
      import express from 'express';
      import { User } from './models';
      const app = express();
      app.get('/u', async (req, res) => res.json(await User.find({ name: { $eq: req.query.name } })));
      export const byName = (name: unknown) => User.find({ name });
    `,
    // no Express in the file; unusual input
    code`User.find({ name: req.body.name });`,
    code`
      import express from 'express';
      const app = express();
      app.get('/u', (req, res) => { User.find(); User.find(...args); User[key]({ a: req.body.a }); User.aggregate(pipeline); });
    `,
    // typeof 'string' checked before the query (early exit or branch); Sequelize's update(values, { where })
    { code: code`
        const express = require('express');
        const crypto = require('crypto');
        exports.login = async (req, res) => {
          const { user } = req.body;
          if (typeof user !== 'string') return res.status(400).end();
          await Users.findOne({ user });
          if (typeof req.query.id === 'string') await Users.deleteOne({ _id: req.query.id });
          await Users.update({ name: req.body.name }, { where: { id: 1 } });
          crypto.createHash('sha256').update(req.body.password);
          await models.ApiKey.findOne({ secret: req.query.key }, { withRelated: ['integration'] });
        };
      `, languageOptions: commonjs },
  ],
  invalid: [
    // loops18: a router mounted in a loop has the chain of the loop: the sanitizer mounted after it never runs for it
    // (CommonJS, `[users].forEach`), and without one it is reported (TS, `for … of` an array of routers)
    {
      code: code`
        const express = require('express');
        const mongoSanitize = require('express-mongo-sanitize');
        const { User } = require('./models');
        const app = express();
        const users = express.Router();
        users.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
        [users].forEach((r) => app.use('/api', r));
        app.use(mongoSanitize());
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.name', method: 'User.find', example: OBJECT_EXAMPLE },
          line: 6,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                const express = require('express');
                const mongoSanitize = require('express-mongo-sanitize');
                const { User } = require('./models');
                const app = express();
                const users = express.Router();
                users.post('/find', async (req, res) => res.json(await User.find({ name: String(req.body.name) })));
                [users].forEach((r) => app.use('/api', r));
                app.use(mongoSanitize());
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: code`
        import express, { Router, type Request, type Response } from 'express';
        import { User } from './models';
        const app = express();
        const users = Router();
        users.post('/find', async (req: Request, res: Response) => res.json(await User.find({ name: req.body.name })));
        const posts = Router();
        for (const r of [users, posts]) app.use('/api', r);
        app.listen(3000);
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.name', method: 'User.find', example: OBJECT_EXAMPLE },
          line: 5,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express, { Router, type Request, type Response } from 'express';
                import { User } from './models';
                const app = express();
                const users = Router();
                users.post('/find', async (req: Request, res: Response) => res.json(await User.find({ name: String(req.body.name) })));
                const posts = Router();
                for (const r of [users, posts]) app.use('/api', r);
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // regression (Ghost member controller), the other way: the same call in a package that declares mongoose
    // is a Mongo filter; the package declares Express 5, so the advice is not express-mongo-sanitize (CommonJS)
    {
      code: code`
        const express = require('express');
        const { StripePrice } = require('./models');
        const app = express();
        app.put('/api/subscriptions/:id', async (req, res) => {
          const price = await StripePrice.findOne({ id: req.body.priceId });
          res.json(price);
        });
      `,
      filename: inMongoPackage('member-controller.js'),
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjectionExpress5',
          data: { source: 'req.body.priceId', method: 'StripePrice.findOne', example: OBJECT_EXAMPLE },
          line: 5,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                const express = require('express');
                const { StripePrice } = require('./models');
                const app = express();
                app.put('/api/subscriptions/:id', async (req, res) => {
                  const price = await StripePrice.findOne({ id: String(req.body.priceId) });
                  res.json(price);
                });
              `,
            },
          ],
        },
      ],
    },
    // U5: under Express 5's simple query parser the query's values are strings, its keys the client's: a whole query as
    // the filter, or spread into it, takes a top-level operator (?$where=...), a value of a key a field's (?$ne=x);
    // the body stays an object (ESM)
    {
      code: code`
        import express from 'express';
        import { User } from './models.js';
        const app = express();
        app.get('/users', async (req, res) => res.json(await User.find(req.query)));
        app.get('/active', async (req, res) => res.json(await User.find({ ...req.query, active: true })));
        app.get('/named', async (req, res) => res.json(await User.find({ name: req.query })));
        app.post('/users', async (req, res) => res.json(await User.find(req.body)));
      `,
      filename: inMongoPackage('users.mjs'),
      errors: [
        { messageId: 'operatorInjectionExpress5', data: { source: 'req.query', method: 'User.find', example: 'a query string such as ?$where=sleep(5000)' }, line: 4, suggestions: [] },
        { messageId: 'operatorInjectionExpress5', data: { source: 'req.query', method: 'User.find', example: 'a query string such as ?$where=sleep(5000)' }, line: 5, suggestions: [] },
        { messageId: 'operatorInjectionExpress5', data: { source: 'req.query', method: 'User.find', example: 'a query string such as ?$ne=x' }, line: 6, suggestions: [] },
        { messageId: 'operatorInjectionExpress5', data: { source: 'req.body', method: 'User.find', example: OBJECT_EXAMPLE }, line: 7, suggestions: [] },
      ],
    },
    // a file that imports mongoose is a Mongo file whatever its package.json declares (ESM)
    {
      code: code`
        import express from 'express';
        import mongoose from 'mongoose';
        const Price = mongoose.model('Price');
        const app = express();
        app.put('/prices', async (req, res) => res.json(await Price.findOne({ id: req.body.priceId })));
      `,
      filename: inExpressPackage('prices.mjs'),
      errors: [
        {
          messageId: 'operatorInjectionExpress5',
          data: { source: 'req.body.priceId', method: 'Price.findOne', example: OBJECT_EXAMPLE },
          line: 5,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express from 'express';
                import mongoose from 'mongoose';
                const Price = mongoose.model('Price');
                const app = express();
                app.put('/prices', async (req, res) => res.json(await Price.findOne({ id: String(req.body.priceId) })));
              `,
            },
          ],
        },
      ],
    },
    // whole values in a filter, a shorthand property: suggestion wraps in String()
    {
      code: code`
        import express from 'express';
        import mongoose from 'mongoose';
        const User = mongoose.model('User');
        const app = express();
        app.post('/login', async (req, res) => {
          const { email } = req.body;
          const user = await User.findOne({ email, password: req.body.password });
          res.json(user);
        });
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.email', method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 7,
          column: 37,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express from 'express';
                import mongoose from 'mongoose';
                const User = mongoose.model('User');
                const app = express();
                app.post('/login', async (req, res) => {
                  const { email } = req.body;
                  const user = await User.findOne({ email: String(email), password: req.body.password });
                  res.json(user);
                });
              `,
            },
          ],
        },
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.password', method: 'User.findOne', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express from 'express';
                import mongoose from 'mongoose';
                const User = mongoose.model('User');
                const app = express();
                app.post('/login', async (req, res) => {
                  const { email } = req.body;
                  const user = await User.findOne({ email, password: String(req.body.password) });
                  res.json(user);
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // the whole query object as a filter, a spread of it: no String() suggestion; CommonJS driver
    {
      code: code`
        const express = require('express');
        const { MongoClient } = require('mongodb');
        const items = new MongoClient('mongodb://db').db().collection('items');
        const app = express();
        app.get('/items', async (req, res) => {
          res.json(await items.find(req.query).toArray());
          await items.deleteMany({ ...req.body, archived: true });
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'operatorInjection', data: { source: 'req.query', method: 'items.find', example: OBJECT_EXAMPLE }, suggestions: [] },
        { messageId: 'operatorInjection', data: { source: 'req.body', method: 'items.deleteMany', example: OBJECT_EXAMPLE }, suggestions: [] },
      ],
      output: null,
    },
    // nested filters, $or lists, aggregate $match, where(path, value); a router; cookies
    {
      code: code`
        import { Router } from 'express';
        import { Order } from './models';
        const router = Router();
        router.get('/orders', async (req, res) => {
          await Order.find({ $or: [{ owner: req.cookies.user }], 'meta.tag': req.query.tags });
          await Order.aggregate([{ $match: { status: req.query.status } }]);
          await Order.where('total', req.body.total);
          res.end();
        });
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.cookies.user', method: 'Order.find', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import { Router } from 'express';
                import { Order } from './models';
                const router = Router();
                router.get('/orders', async (req, res) => {
                  await Order.find({ $or: [{ owner: String(req.cookies.user) }], 'meta.tag': req.query.tags });
                  await Order.aggregate([{ $match: { status: req.query.status } }]);
                  await Order.where('total', req.body.total);
                  res.end();
                });
              `,
            },
          ],
        },
        {
          messageId: 'operatorInjection',
          data: { source: 'req.query.tags', method: 'Order.find', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import { Router } from 'express';
                import { Order } from './models';
                const router = Router();
                router.get('/orders', async (req, res) => {
                  await Order.find({ $or: [{ owner: req.cookies.user }], 'meta.tag': String(req.query.tags) });
                  await Order.aggregate([{ $match: { status: req.query.status } }]);
                  await Order.where('total', req.body.total);
                  res.end();
                });
              `,
            },
          ],
        },
        {
          messageId: 'operatorInjection',
          data: { source: 'req.query.status', method: 'Order.aggregate', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import { Router } from 'express';
                import { Order } from './models';
                const router = Router();
                router.get('/orders', async (req, res) => {
                  await Order.find({ $or: [{ owner: req.cookies.user }], 'meta.tag': req.query.tags });
                  await Order.aggregate([{ $match: { status: String(req.query.status) } }]);
                  await Order.where('total', req.body.total);
                  res.end();
                });
              `,
            },
          ],
        },
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.total', method: 'Order.where', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import { Router } from 'express';
                import { Order } from './models';
                const router = Router();
                router.get('/orders', async (req, res) => {
                  await Order.find({ $or: [{ owner: req.cookies.user }], 'meta.tag': req.query.tags });
                  await Order.aggregate([{ $match: { status: req.query.status } }]);
                  await Order.where('total', String(req.body.total));
                  res.end();
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // $where strings run as JavaScript: even a string (params, String()) is reported
    {
      code: code`
        import express from 'express';
        import { User } from './models';
        const app = express();
        app.get('/u/:name', async (req, res) => {
          await User.find({ $where: \`this.name === '\${req.params.name}'\` });
          await User.find().$where('this.age > ' + String(req.query.age));
          res.end();
        });
      `,
      errors: [
        { messageId: 'whereInjection', data: { source: 'req.params.name', method: 'User.find' }, suggestions: [] },
        { messageId: 'whereInjection', data: { source: 'req.query.age', method: 'User.find().$where' }, suggestions: [] },
      ],
      output: null,
    },
    // regression (order of middleware): a sanitizer mounted after the router never runs for its routes (ESM)
    {
      code: code`
        import express from 'express';
        import mongoSanitize from 'express-mongo-sanitize';
        import { User } from './models';
        const app = express();
        const api = express.Router();
        api.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
        app.use('/api', api);
        app.use(mongoSanitize());
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.name', method: 'User.find', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express from 'express';
                import mongoSanitize from 'express-mongo-sanitize';
                import { User } from './models';
                const app = express();
                const api = express.Router();
                api.post('/find', async (req, res) => res.json(await User.find({ name: String(req.body.name) })));
                app.use('/api', api);
                app.use(mongoSanitize());
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // trial 22 (r1): an app handed to a package's function: the route after the call has an unknown chain (it may have
    // mounted a sanitizer), the one before it does not and is reported (ESM)
    {
      code: code`
        import express from 'express';
        import configure from 'app-config';
        import { User } from './models';
        const app = express();
        app.post('/before', async (req, res) => res.json(await User.find({ name: req.body.name })));
        configure(app);
        app.post('/after', async (req, res) => res.json(await User.find({ name: req.body.name })));
        app.listen(3000);
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          line: 5,
          data: { source: 'req.body.name', method: 'User.find', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express from 'express';
                import configure from 'app-config';
                import { User } from './models';
                const app = express();
                app.post('/before', async (req, res) => res.json(await User.find({ name: String(req.body.name) })));
                configure(app);
                app.post('/after', async (req, res) => res.json(await User.find({ name: req.body.name })));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // a router that its file only exports, linted alone: no mount is known, and it is reported as before (CommonJS)
    {
      code: code`
        const express = require('express');
        const { User } = require('./models');
        const router = express.Router();
        router.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
        module.exports = router;
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.name', method: 'User.find', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                const express = require('express');
                const { User } = require('./models');
                const router = express.Router();
                router.post('/find', async (req, res) => res.json(await User.find({ name: String(req.body.name) })));
                module.exports = router;
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // @exortek/express-mongo-sanitize in manual mode sanitizes nothing by itself
    {
      code: code`
        const express = require('express');
        const mongoSanitize = require('@exortek/express-mongo-sanitize');
        const { User } = require('./models');
        const app = express();
        app.use(mongoSanitize({ mode: 'manual' }));
        app.post('/find', async (req, res) => res.json(await User.find({ name: req.body.name })));
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.name', method: 'User.find', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                const express = require('express');
                const mongoSanitize = require('@exortek/express-mongo-sanitize');
                const { User } = require('./models');
                const app = express();
                app.use(mongoSanitize({ mode: 'manual' }));
                app.post('/find', async (req, res) => res.json(await User.find({ name: String(req.body.name) })));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // sanitizer on another app does not cover this one; TS casts
    {
      code: code`
        import express = require('express');
        import mongoSanitize = require('express-mongo-sanitize');
        import { User } from './models';
        const admin = express();
        admin.use(mongoSanitize());
        const app = express();
        app.post('/find', async (req, res) => res.json(await User.find({ name: (req.body as any).name! })));
      `,
      filename: 'app.ts',
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: '(req.body as any).name', method: 'User.find', example: OBJECT_EXAMPLE },
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express = require('express');
                import mongoSanitize = require('express-mongo-sanitize');
                import { User } from './models';
                const admin = express();
                admin.use(mongoSanitize());
                const app = express();
                app.post('/find', async (req, res) => res.json(await User.find({ name: String((req.body as any).name!) })));
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // shaped handlers; the legacy update/remove filters; a $where function built from request data
    {
      code: code`
        const express = require('express');
        exports.rename = async (req, res) => {
          await db.collection('users').update({ name: req.body.name }, { $set: { seen: true } });
          await Users.remove({ token: req.query.token });
          await Users.find({ $where: new Function('return this.age > ' + req.query.age) });
          if (typeof req.body.id === 'string') {}
          await Users.findOne({ _id: req.body.id });
        };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'operatorInjection', data: { source: 'req.body.name', method: "db.collection('users').update", example: OBJECT_EXAMPLE }, suggestions: [{ messageId: 'wrapString', output: code`
          const express = require('express');
          exports.rename = async (req, res) => {
            await db.collection('users').update({ name: String(req.body.name) }, { $set: { seen: true } });
            await Users.remove({ token: req.query.token });
            await Users.find({ $where: new Function('return this.age > ' + req.query.age) });
            if (typeof req.body.id === 'string') {}
            await Users.findOne({ _id: req.body.id });
          };
        ` }] },
        { messageId: 'operatorInjection', data: { source: 'req.query.token', method: 'Users.remove', example: OBJECT_EXAMPLE }, suggestions: [{ messageId: 'wrapString', output: code`
          const express = require('express');
          exports.rename = async (req, res) => {
            await db.collection('users').update({ name: req.body.name }, { $set: { seen: true } });
            await Users.remove({ token: String(req.query.token) });
            await Users.find({ $where: new Function('return this.age > ' + req.query.age) });
            if (typeof req.body.id === 'string') {}
            await Users.findOne({ _id: req.body.id });
          };
        ` }] },
        { messageId: 'whereInjection', data: { source: 'req.query.age', method: 'Users.find' }, suggestions: [] },
        { messageId: 'operatorInjection', data: { source: 'req.body.id', method: 'Users.findOne', example: OBJECT_EXAMPLE }, suggestions: [{ messageId: 'wrapString', output: code`
          const express = require('express');
          exports.rename = async (req, res) => {
            await db.collection('users').update({ name: req.body.name }, { $set: { seen: true } });
            await Users.remove({ token: req.query.token });
            await Users.find({ $where: new Function('return this.age > ' + req.query.age) });
            if (typeof req.body.id === 'string') {}
            await Users.findOne({ _id: String(req.body.id) });
          };
        ` }] },
      ],
      output: null,
    },
    // a helper whose parameter reaches the filter: reported at the caller's argument, naming the helper
    {
      code: code`
        import express from 'express';
        const app = express();
        const byEmail = (email) => Users.findOne({ email });
        app.post('/find', async (req, res) => {
          res.json(await byEmail(req.body.email));
          res.json(await byEmail('fixed@example.com'));
        });
      `,
      errors: [{ messageId: 'operatorInjection', data: { source: "req.body.email, through 'byEmail'", method: 'Users.findOne', example: OBJECT_EXAMPLE }, line: 5, column: 26, suggestions: [] }],
      output: null,
    },
  ],
});

/** A TypeScript-Node-Starter style login: a chain run in the handler, then an early exit on `validationResult`. */
const starterLogin = (chain: string, use: string): string => code`
  import { Request, Response } from 'express';
  import { check, validationResult } from 'express-validator';
  import { User } from '../models/User';
  export const postLogin = async (req: Request, res: Response): Promise<void> => {
    await ${chain}.run(req);
    const errors = validationResult(req);
    if (!errors.isEmpty()) {
      return res.redirect('/login');
    }
    const user = await User.findOne({ email: ${use} });
    res.json(user);
  };
`;

/** A chain in the route's middleware, then `if (!validationResult(req).isEmpty()) return …` in the handler (CommonJS). */
const routeChainLogin = (chain: string, use: string): string => code`
  const express = require('express');
  const { body, query, validationResult } = require('express-validator');
  const { User } = require('./models');
  const app = express();
  app.post('/login', ${chain}, async (req, res) => {
    if (!validationResult(req).isEmpty()) return res.status(400).end();
    res.json(await User.findOne({ email: ${use} }));
  });
`;

/**
 * trial 22 (r3): chains on the route, then a `validate` middleware that ends the request unless `validationResult(req)`
 * is empty (`gate`, declared before the route), then the handler (CommonJS).
 */
const gatedInvite = (route: string, gate: string, use = 'req.body.email'): string => code`
  const express = require('express');
  const { body, validationResult } = require('express-validator');
  const { User } = require('./models');
  const app = express();
  ${gate}
  app.post('/invite', ${route}, async (req, res) => res.json(await User.findOne({ email: ${use} })));
`;

/** express-validator's documented wrapper: a factory that runs the chains it is given, then 400 unless no error. */
const RUN_VALIDATION = `const validate = (validations) => async (req, res, next) => { await Promise.all(validations.map((v) => v.run(req))); const errors = validationResult(req); if (errors.isEmpty()) return next(); return res.status(400).json({ errors: errors.array() }); };`;

/** express-validator's documented middleware: 422 unless no error, else `next()`. */
const VALIDATE = `function validate(req, res, next) { const errors = validationResult(req); if (!errors.isEmpty()) return res.status(422).json({ errors: errors.array() }); return next(); }`;

const wrapped = (make: (chain: string, use: string) => string, chain: string, line: number, source = 'req.body.email') => ({
  messageId: 'operatorInjection' as const,
  data: { source, method: 'User.findOne', example: OBJECT_EXAMPLE },
  line,
  suggestions: [{ messageId: 'wrapString' as const, output: make(chain, `String(${source})`) }],
});

runRuleTests('no-nosql-injection (lists of $in and $nin)', rule, {
  valid: [
    // trial 12: the values of $in / $nin are compared for equality, never read as operators (ESM, TS)
    code`
      import express from 'express';
      import mongoose from 'mongoose';
      const Post = mongoose.model('Post');
      const app = express();
      app.post('/search', async (req, res) => {
        res.json(await Post.find({ tags: { $in: req.body.tags }, author: { $nin: req.body.blocked } }));
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import mongoose from 'mongoose';
        const Post = mongoose.model('Post');
        const app = express();
        app.get('/by', async (req: Request, res: Response) => {
          res.json(await Post.find({ _id: { $in: [req.query.a, req.query.b] } }));
        });
      `,
      filename: 'by.ts',
    },
  ],
  invalid: [
    // ... but $all may hold $elemMatch operators (no String() suggestion for its list), and a whole value is still one (CommonJS)
    {
      code: code`
        const express = require('express');
        const mongoose = require('mongoose');
        const Post = mongoose.model('Post');
        const app = express();
        app.post('/search', async (req, res) => {
          res.json(await Post.find({ tags: { $all: req.body.tags }, author: req.body.author }));
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'operatorInjection', data: { source: 'req.body.tags', method: 'Post.find', example: OBJECT_EXAMPLE }, line: 6, column: 44, suggestions: null },
        { messageId: 'operatorInjection', data: { source: 'req.body.author', method: 'Post.find', example: OBJECT_EXAMPLE }, line: 6, suggestions: [
          {
            messageId: 'wrapString',
            output: code`
              const express = require('express');
              const mongoose = require('mongoose');
              const Post = mongoose.model('Post');
              const app = express();
              app.post('/search', async (req, res) => {
                res.json(await Post.find({ tags: { $all: req.body.tags }, author: String(req.body.author) }));
              });
            `,
          },
        ] },
      ],
    },
  ],
});

runRuleTests('no-nosql-injection (rejecting functions of the file)', rule, {
  valid: [
    // `if (notText(x)) return …` with a helper whose false result means a string: no operator object after it (ESM)
    code`
      import express from 'express';
      import mongoose from 'mongoose';
      const User = mongoose.model('User');
      const notText = (v) => typeof v !== 'string';
      const app = express();
      app.post('/login', async (req, res) => {
        if (notText(req.body.email)) return res.sendStatus(400);
        res.json(await User.findOne({ email: req.body.email }));
      });
    `,
  ],
  invalid: [
    // ... but not where it holds (CommonJS)
    {
      code: code`
        const express = require('express');
        const mongoose = require('mongoose');
        const User = mongoose.model('User');
        const notText = (v) => typeof v !== 'string';
        const app = express();
        app.post('/login', async (req, res) => {
          if (!notText(req.body.email)) return res.sendStatus(400);
          res.json(await User.findOne({ email: req.body.email }));
        });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.email', method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 8,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                const express = require('express');
                const mongoose = require('mongoose');
                const User = mongoose.model('User');
                const notText = (v) => typeof v !== 'string';
                const app = express();
                app.post('/login', async (req, res) => {
                  if (!notText(req.body.email)) return res.sendStatus(400);
                  res.json(await User.findOne({ email: String(req.body.email) }));
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-nosql-injection (express-validator chains as guards)', rule, {
  valid: [
    // regression (TypeScript-Node-Starter false positive): `isEmail()` run on the request, then an early exit on a
    // non-empty `validationResult(req)`: an object fails isEmail ('[object Object]'), so no operator reaches the filter (TS)
    { code: starterLogin(`check('email', 'Email is not valid').isEmail()`, 'req.body.email'), filename: 'user.ts' },
    { code: starterLogin(`check('email').isEmail().normalizeEmail({ gmail_remove_dots: false })`, 'req.body.email'), filename: 'user.ts' },
    // isString() tests typeof (TS)
    { code: starterLogin(`check('email').isString()`, 'req.body.email'), filename: 'user.ts' },
    // the chain in the route's middleware (CommonJS)
    { code: routeChainLogin(`body('email').isEmail()`, 'req.body.email'), languageOptions: commonjs },
    // a const array of chains before a named handler, known from the route (ESM)
    code`
      import express from 'express';
      import { body, validationResult } from 'express-validator';
      import { User } from './models';
      const app = express();
      const rules = [body('email').trim().isEmail().withMessage('bad e-mail')];
      async function login(req, res) {
        const result = validationResult(req);
        if (!result.isEmpty()) return res.status(400).json(result.array());
        res.json(await User.findOne({ email: req.body.email }));
      }
      app.post('/login', rules, login);
    `,
    // trial 22 (r3): the chain before a `validate` middleware that answers 422 unless validationResult(req) is empty:
    // inline (CommonJS), in a const array (ESM), with the test the other way round or as `?:` (TypeScript)
    { code: gatedInvite(`body('email').isEmail(), validate`, VALIDATE), languageOptions: commonjs },
    // The chains given to a factory of the file that runs them and gates (validate([...]), express-validator's docs)
    { code: gatedInvite(`validate([body('email').isEmail()])`, RUN_VALIDATION), languageOptions: commonjs },
    code`
      import express from 'express';
      import { body, validationResult } from 'express-validator';
      import { User } from './models';
      const app = express();
      function validate(chains) {
        return async function (req, res, next) {
          for (const chain of chains) await chain.run(req);
          if (!validationResult(req).isEmpty()) return res.sendStatus(422);
          next();
        };
      }
      const inviteRules = [body('email').isEmail()];
      app.post('/invite', validate(inviteRules), async (req, res) => res.json(await User.findOne({ email: req.body.email })));
    `,
    code`
      import express from 'express';
      import { body, validationResult } from 'express-validator';
      import { User } from './models';
      const app = express();
      const inviteRules = [body('email').trim().isEmail()];
      const validate = (req, res, next) => {
        const errors = validationResult(req);
        if (errors.isEmpty()) return next();
        return res.status(422).json({ errors: errors.array() });
      };
      app.post('/invite', inviteRules, validate, async (req, res) => res.json(await User.findOne({ email: req.body.email })));
    `,
    {
      code: code`
        import express, { type NextFunction, type Request, type Response } from 'express';
        import { query, validationResult } from 'express-validator';
        import { User } from './models';
        const router = express.Router();
        const checked = (req: Request, res: Response, next: NextFunction) => (validationResult(req).isEmpty() ? next() : res.sendStatus(422));
        router.get('/users', query('name').isString(), checked, async (req: Request, res: Response) => {
          res.json(await User.find({ name: req.query.name }));
        });
      `,
      filename: 'users.ts',
    },
  ],
  invalid: [
    // trial 22 (r3): a `validate` middleware counts only for the chains before it, with a validator that rejects
    // objects, when it calls next() only once the result is empty (CommonJS)
    {
      code: gatedInvite(`validate, body('email').isEmail()`, VALIDATE),
      languageOptions: commonjs,
      errors: [wrapped((chain, use) => gatedInvite(chain, VALIDATE, use), `validate, body('email').isEmail()`, 6)],
    },
    {
      code: gatedInvite(`body('email').notEmpty(), validate`, VALIDATE),
      languageOptions: commonjs,
      errors: [wrapped((chain, use) => gatedInvite(chain, VALIDATE, use), `body('email').notEmpty(), validate`, 6)],
    },
    // A factory: a chain that accepts objects; one that does not run what it is given; one that lets every request through
    ...[
      [`validate([body('email').notEmpty()])`, RUN_VALIDATION],
      [`validate([body('email').isEmail()])`, `const validate = (validations) => (req, res, next) => { if (validationResult(req).isEmpty()) return next(); res.sendStatus(400); };`],
      [`validate([body('email').isEmail()])`, `const validate = (validations) => async (req, res, next) => { await Promise.all(validations.map((v) => v.run(req))); next(); };`],
      // (it runs another chain than the ones it is given)
      [`validate([body('email').isEmail()])`, `const validate = (validations) => async (req, res, next) => { console.log(validations); await body('name').isString().run(req); if (validationResult(req).isEmpty()) return next(); res.sendStatus(400); };`],
    ].map(([route, gate]) => ({
      code: gatedInvite(route!, gate!),
      languageOptions: commonjs,
      errors: [wrapped((chain, use) => gatedInvite(chain, gate!, use), route!, 6)],
    })),
    ...[
      // (no `return`: next() runs after the 422 too; next() outside the test; next handed on)
      `function validate(req, res, next) { const errors = validationResult(req); if (!errors.isEmpty()) res.status(422).json(errors.array()); next(); }`,
      `function validate(req, res, next) { if (validationResult(req).isEmpty()) console.log('valid'); next(); }`,
      `function validate(req, res, next) { if (!validationResult(req).isEmpty()) return res.sendStatus(422); setImmediate(next); }`,
      // (a function named validationResult that is not express-validator's)
      `const validationResult = () => ({ isEmpty: () => true }); function validate(req, res, next) { if (!validationResult(req).isEmpty()) return res.sendStatus(422); next(); }`,
    ].map((gate) => ({
      code: gatedInvite(`body('email').isEmail(), validate`, gate).replace("const { body, validationResult } = require('express-validator');", gate.startsWith('const') ? "const { body } = require('express-validator');" : "const { body, validationResult } = require('express-validator');"),
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection' as const,
          data: { source: 'req.body.email', method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 6,
          suggestions: [
            {
              messageId: 'wrapString' as const,
              output: gatedInvite(`body('email').isEmail(), validate`, gate, 'String(req.body.email)').replace(
                "const { body, validationResult } = require('express-validator');",
                gate.startsWith('const') ? "const { body } = require('express-validator');" : "const { body, validationResult } = require('express-validator');",
              ),
            },
          ],
        },
      ],
    })),
    // exists() alone accepts an object (TS)
    { code: starterLogin(`check('email').exists()`, 'req.body.email'), filename: 'user.ts', errors: [wrapped(starterLogin, `check('email').exists()`, 10)] },
    // optional() alone accepts an object; isLength accepts '[object Object]' (TS)
    {
      code: starterLogin(`check('email').optional().isLength({ min: 3 })`, 'req.body.email'),
      filename: 'user.ts',
      errors: [wrapped(starterLogin, `check('email').optional().isLength({ min: 3 })`, 10)],
    },
    // not() negates the validator: an object passes (TS)
    { code: starterLogin(`check('email').not().isEmail()`, 'req.body.email'), filename: 'user.ts', errors: [wrapped(starterLogin, `check('email').not().isEmail()`, 10)] },
    // another field was validated (TS)
    { code: starterLogin(`check('name').isEmail()`, 'req.body.email'), filename: 'user.ts', errors: [wrapped(starterLogin, `check('name').isEmail()`, 10)] },
    // query('email') checks the query string, not the body (CommonJS)
    {
      code: routeChainLogin(`query('email').isEmail()`, 'req.body.email'),
      languageOptions: commonjs,
      errors: [wrapped(routeChainLogin, `query('email').isEmail()`, 7)],
    },
    // a chain with customSanitizer may write an object back (CommonJS)
    {
      code: routeChainLogin(`body('email').isEmail().customSanitizer((v) => JSON.parse(v))`, 'req.body.email'),
      languageOptions: commonjs,
      errors: [wrapped(routeChainLogin, `body('email').isEmail().customSanitizer((v) => JSON.parse(v))`, 7)],
    },
    // a validated chain, but no exit on validationResult (ESM)
    {
      code: code`
        import express from 'express';
        import { body } from 'express-validator';
        import { User } from './models';
        const app = express();
        app.post('/login', body('email').isEmail(), async (req, res) => res.json(await User.findOne({ email: req.body.email })));
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.email', method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 5,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express from 'express';
                import { body } from 'express-validator';
                import { User } from './models';
                const app = express();
                app.post('/login', body('email').isEmail(), async (req, res) => res.json(await User.findOne({ email: String(req.body.email) })));
              `,
            },
          ],
        },
      ],
    },
    // the chain runs after the check: it counts for nothing (ESM)
    {
      code: code`
        import express from 'express';
        import { check, validationResult } from 'express-validator';
        import { User } from './models';
        const app = express();
        app.post('/login', async (req, res) => {
          if (!validationResult(req).isEmpty()) return res.status(400).end();
          await check('email').isEmail().run(req);
          res.json(await User.findOne({ email: req.body.email }));
        });
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.email', method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 8,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express from 'express';
                import { check, validationResult } from 'express-validator';
                import { User } from './models';
                const app = express();
                app.post('/login', async (req, res) => {
                  if (!validationResult(req).isEmpty()) return res.status(400).end();
                  await check('email').isEmail().run(req);
                  res.json(await User.findOne({ email: String(req.body.email) }));
                });
              `,
            },
          ],
        },
      ],
    },
  ],
});

runRuleTests('no-nosql-injection ($where built by a helper or a local of the file)', rule, {
  valid: [
    // the helper's filter holds no request data in its $where (a number), and operators are coerced (CommonJS)
    {
      code: code`
        const express = require('express');
        const { MongoClient } = require('mongodb');
        const col = new MongoClient('mongodb://db').db('app').collection('allocations');
        const app = express();
        function criteria(threshold) {
          return { $where: \`this.stocks > \${parseInt(threshold, 10)}\` };
        }
        app.get('/allocations', async (req, res) => res.json(await col.find(criteria(req.query.threshold)).toArray()));
      `,
      languageOptions: commonjs,
    },
    // a helper whose $where is constant (TS)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import { MongoClient } from 'mongodb';
        const col = new MongoClient('mongodb://db').db('app').collection('allocations');
        const app = express();
        const active = () => ({ $where: 'this.stocks > 0' });
        app.get('/active', async (req: Request, res: Response) => res.json(await col.find(active()).toArray()));
      `,
      filename: 'app.ts',
    },
  ],
  invalid: [
    // regression (NodeGoat, same file): a helper returning { $where: `…${param}` } is reported at the caller (CommonJS)
    {
      code: code`
        const express = require('express');
        const { MongoClient } = require('mongodb');
        const col = new MongoClient('mongodb://db').db('app').collection('allocations');
        const app = express();
        function criteria(threshold) {
          return { $where: \`this.stocks > '\${threshold}'\` };
        }
        app.get('/allocations', async (req, res) => res.json(await col.find(criteria(req.query.threshold)).toArray()));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'whereInjection', data: { source: "req.query.threshold, through 'criteria'", method: 'col.find' }, line: 8, column: 78, suggestions: [] }],
      output: null,
    },
    // a closure capturing request data, and a const holding the filter (ESM)
    {
      code: code`
        import express from 'express';
        import { Allocation } from './models';
        import mongoose from 'mongoose';
        const app = express();
        app.get('/allocations', async (req, res) => {
          const threshold = req.query.threshold;
          const searchCriteria = () => ({ $where: \`this.stocks > '\${threshold}'\` });
          const filter = { $where: 'this.owner == "' + req.query.owner + '"' };
          res.json([await Allocation.find(searchCriteria()), await Allocation.find(filter)]);
        });
      `,
      errors: [
        { messageId: 'whereInjection', data: { source: 'req.query.threshold', method: 'Allocation.find' }, line: 7, suggestions: [] },
        { messageId: 'whereInjection', data: { source: 'req.query.owner', method: 'Allocation.find' }, line: 8, suggestions: [] },
      ],
      output: null,
    },
    // express-mongo-sanitize strips operator keys, not the text of a $where: still reported (TS)
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import mongoSanitize from 'express-mongo-sanitize';
        import { User } from './models';
        const app = express();
        app.use(mongoSanitize());
        app.get('/u', async (req: Request, res: Response) => res.json(await User.find({ $where: \`this.name == '\${req.query.name}'\` })));
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'whereInjection', data: { source: 'req.query.name', method: 'User.find' }, line: 6, suggestions: [] }],
      output: null,
    },
  ],
});

runRuleTests('no-nosql-injection (a check\'s result held in a local)', rule, {
  valid: [
    // trial 13: `typeof` kept in a `const` counts like the test written in the condition (CommonJS, ESM, TS)
    {
      code: code`
        const express = require('express');
        const mongoose = require('mongoose');
        const User = mongoose.model('User');
        const app = express();
        app.post('/login', async (req, res) => {
          const isText = typeof req.body.email === 'string';
          if (!isText) return res.sendStatus(400);
          res.json(await User.findOne({ email: req.body.email }));
        });
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      import mongoose from 'mongoose';
      const User = mongoose.model('User');
      const notText = async (v) => typeof v !== 'string';
      const app = express();
      app.post('/login', async (req, res) => {
        const email = req.body.email;
        const bad = await notText(email);
        if (bad) return res.sendStatus(400);
        res.json(await User.findOne({ email }));
      });
    `,
    {
      code: code`
        import express, { type Request, type Response } from 'express';
        import mongoose from 'mongoose';
        const User = mongoose.model('User');
        const app = express();
        app.post('/login', async (req: Request, res: Response) => {
          const email = req.body.email;
          const ok: boolean = typeof email === 'string';
          res.json(ok ? await User.findOne({ email }) : null);
        });
      `,
      filename: 'login.ts',
    },
  ],
  invalid: [
    // an unawaited async helper (its promise is always truthy) (ESM)
    {
      code: code`
        import express from 'express';
        import mongoose from 'mongoose';
        const User = mongoose.model('User');
        const notText = async (v) => typeof v !== 'string';
        const app = express();
        app.post('/login', async (req, res) => {
          const email = req.body.email;
          const bad = notText(email);
          if (bad) return res.sendStatus(400);
          res.json(await User.findOne({ email }));
        });
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.email', method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 10,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import express from 'express';
                import mongoose from 'mongoose';
                const User = mongoose.model('User');
                const notText = async (v) => typeof v !== 'string';
                const app = express();
                app.post('/login', async (req, res) => {
                  const email = req.body.email;
                  const bad = notText(email);
                  if (bad) return res.sendStatus(400);
                  res.json(await User.findOne({ email: String(email) }));
                });
              `,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

runRuleTests('no-nosql-injection (tables19: routes registered in a loop over a route table)', rule, {
  valid: [
    // A sanitizer mounted before the loop runs for each route of the table (ESM); a table the file does not show whole
    // stays unknown (CommonJS: a table made by a call)
    {
      code: code`
        import express from 'express';
        import mongoSanitize from 'express-mongo-sanitize';
        import { User } from './models';
        const app = express();
        const routes = [{ method: 'post', path: '/find', handler: async (q, s) => s.json(await User.find({ name: q.body.name })) }];
        app.use(mongoSanitize());
        routes.forEach((r) => app[r.method](r.path, r.handler));
        app.listen(3000);
      `,
    },
    {
      code: code`
        const express = require('express');
        const { User } = require('./models');
        const app = express();
        const find = async (q, s) => s.json(await User.find({ name: q.body.name }));
        for (const r of tableOf(find)) app[r.method](r.path, r.handler);
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // The table's handler is the route's handler: its request data reaches the filter (CommonJS, handler parameters
    // not named req/res, known only as the route's)
    {
      code: code`
        const express = require('express');
        const { User } = require('./models');
        const app = express();
        const routes = [{ method: 'post', path: '/find', handler: async (q, s) => s.json(await User.find({ name: q.body.name })) }];
        routes.forEach((r) => app[r.method](r.path, r.handler));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'q.body.name', method: 'User.find', example: OBJECT_EXAMPLE },
          line: 4,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                const express = require('express');
                const { User } = require('./models');
                const app = express();
                const routes = [{ method: 'post', path: '/find', handler: async (q, s) => s.json(await User.find({ name: String(q.body.name) })) }];
                routes.forEach((r) => app[r.method](r.path, r.handler));
                app.listen(3000);
              `,
            },
          ],
        },
      ],
    },
  ],
});

/** hackathon-starter's signup: validator's checks collected into a list, then one early exit on the list. */
const collectedChecks = (check: string, use: string): string => code`
  const express = require('express');
  const validator = require('validator');
  const User = require('./models/User');
  const app = express();
  app.post('/signup', async (req, res) => {
    const errors = [];
    ${check}
    if (errors.length) return res.redirect('/signup');
    const existing = await User.findOne({ email: ${use} });
    res.json({ taken: Boolean(existing) });
  });
  app.listen(3000);
`;

runRuleTests('no-nosql-injection (validator checks that throw on a non-string)', rule, {
  valid: [
    // trial 29 (hackathon-starter false positive): validator 13 throws on anything but a string, whatever it returns,
    // so `if (!validator.isEmail(x)) errors.push(…)` before the filter leaves no object in `x` (CommonJS)
    { code: collectedChecks(`if (!validator.isEmail(req.body.email)) errors.push({ msg: 'bad email' });`, 'req.body.email'), languageOptions: commonjs },
    // the left-most operand of the test, a statement of its own, and a local holding the result always run the call
    { code: collectedChecks(`if (validator.isEmpty(req.body.email) || req.body.email.length > 64) errors.push({ msg: 'bad' });`, 'req.body.email'), languageOptions: commonjs },
    { code: collectedChecks(`validator.isLength(req.body.email, { max: 64 });`, 'req.body.email'), languageOptions: commonjs },
    { code: collectedChecks(`const ok = validator.isEmail(req.body.email); if (!ok) errors.push({ msg: 'bad' });`, 'req.body.email'), languageOptions: commonjs },
    // ESM, a default import, and validator's own per-function module
    {
      code: code`
        import express from 'express';
        import isEmail from 'validator/lib/isEmail';
        import { User } from './models';
        const app = express();
        app.post('/forgot', async (req, res) => {
          const problems = [];
          if (!isEmail(req.body.email)) problems.push('email');
          if (problems.length > 0) return res.status(400).end();
          res.json(await User.findOne({ email: req.body.email }));
        });
        app.listen(3000);
      `,
    },
  ],
  invalid: [
    // Another value was checked; a check that may not run (right of `&&`, inside a branch) or runs after the filter
    // proves nothing; validator's `normalizeEmail` and `escape`-style helpers are not `is*` checks
    ...[
      `if (!validator.isEmail(req.body.name)) errors.push({ msg: 'bad' });`,
      `if (req.body.strict && !validator.isEmail(req.body.email)) errors.push({ msg: 'bad' });`,
      `if (req.body.strict) { if (!validator.isEmail(req.body.email)) errors.push({ msg: 'bad' }); }`,
      `const normal = validator.normalizeEmail(req.body.email);`,
    ].map((check) => ({
      code: collectedChecks(check, 'req.body.email'),
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection' as const,
          data: { source: 'req.body.email', method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 9,
          suggestions: [
            {
              messageId: 'wrapString' as const,
              output: collectedChecks(check, 'String(req.body.email)'),
            },
          ],
        },
      ],
    })),
    {
      code: code`
        const express = require('express');
        const validator = require('validator');
        const User = require('./models/User');
        const app = express();
        app.post('/signup', async (req, res) => {
          const existing = await User.findOne({ email: req.body.email });
          if (!validator.isEmail(req.body.email)) return res.redirect('/signup');
          res.json({ taken: Boolean(existing) });
        });
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.email', method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 6,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                const express = require('express');
                const validator = require('validator');
                const User = require('./models/User');
                const app = express();
                app.post('/signup', async (req, res) => {
                  const existing = await User.findOne({ email: String(req.body.email) });
                  if (!validator.isEmail(req.body.email)) return res.redirect('/signup');
                  res.json({ taken: Boolean(existing) });
                });
                app.listen(3000);
              `,
            },
          ],
        },
      ],
    },
  ],
});

/** proshop's product search: the keyword becomes a case-insensitive `$regex` of the filter. */
const keywordSearch = (pattern: string, extra = ''): string => code`
  import express from 'express';
  ${extra}import Product from './models/productModel.js';
  const router = express.Router();
  router.get('/', async (req, res) => {
    const keyword = req.query.keyword ? { name: { $regex: ${pattern}, $options: 'i' } } : {};
    res.json(await Product.find({ ...keyword }));
  });
  export default router;
`;

runRuleTests('no-nosql-injection ($regex patterns)', rule, {
  valid: [
    // an escaped pattern matches the text as written (ESM)
    { code: keywordSearch('escapeStringRegexp(req.query.keyword)', "import escapeStringRegexp from 'escape-string-regexp';\n") },
    { code: keywordSearch("'^' + _.escapeRegExp(req.query.keyword)", "import _ from 'lodash';\n") },
    // escaped after being made a string, inside a template (CommonJS)
    {
      code: code`
        const express = require('express');
        const escapeStringRegexp = require('escape-string-regexp');
        const { User } = require('./models');
        const app = express();
        app.get('/users', async (req, res) => res.json(await User.find({ email: { $regex: \`^\${escapeStringRegexp(String(req.query.prefix))}\` } })));
        app.listen(3000);
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // trial 29 (proshop): the message names the pattern as the danger, not an operator object, and offers no
    // String() (it would not help) (ESM)
    {
      code: keywordSearch('req.query.keyword'),
      errors: [{ messageId: 'regexInjection', data: { source: 'req.query.keyword', method: 'Product.find' }, line: 5, suggestions: [] }],
    },
    // a pattern made a string first still lets the client choose the pattern (ESM)
    {
      code: keywordSearch('String(req.query.keyword)'),
      errors: [{ messageId: 'regexInjection', data: { source: 'req.query.keyword', method: 'Product.find' }, line: 5, suggestions: [] }],
    },
    // CommonJS, in the filter itself, and a pattern built around the data (`'^' + x`)
    {
      code: code`
        const express = require('express');
        const { User } = require('./models');
        const app = express();
        app.get('/users', async (req, res) => res.json(await User.find({ email: { $regex: '^' + req.query.prefix } })));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'regexInjection', data: { source: 'req.query.prefix', method: 'User.find' }, line: 4, suggestions: [] }],
    },
    // express-mongo-sanitize strips operator keys, not patterns: the $regex is still reported, the plain value is not
    // (TypeScript)
    {
      code: code`
        import express, { Request, Response } from 'express';
        import mongoSanitize from 'express-mongo-sanitize';
        import { Post } from './models';
        const app = express();
        app.use(express.json());
        app.use(mongoSanitize());
        app.post('/search', async (req: Request, res: Response) => {
          res.json(await Post.find({ title: { $regex: String(req.body.q) }, author: req.body.author }));
        });
        app.listen(3000);
      `,
      filename: 'search.ts',
      errors: [{ messageId: 'regexInjection', data: { source: 'req.body.q', method: 'Post.find' }, line: 8, suggestions: [] }],
    },
    {
      code: code`
        const express = require('express');
        const { User } = require('./models');
        const app = express();
        app.get('/users', async (req, res) => res.json(await User.find({ email: { $regex: req.query.prefix } })));
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'regexInjection', data: { source: 'req.query.prefix', method: 'User.find' }, line: 4, suggestions: [] }],
    },
    // the spread literal's other values are read in place too: an operator value is reported where it is written, with
    // its String() suggestion; a `let` written again stays the whole spread value, as before (CommonJS)
    {
      code: code`
        const express = require('express');
        const { User } = require('./models');
        const app = express();
        app.get('/users', async (req, res) => {
          const byRole = req.query.role ? { role: req.query.role } : {};
          let byTeam = {};
          if (req.query.team) byTeam = { team: req.query.team };
          res.json(await User.find({ ...byRole, ...byTeam }));
        });
        app.listen(3000);
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'req.query.role', method: 'User.find', example: OBJECT_EXAMPLE },
          line: 5,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                const express = require('express');
                const { User } = require('./models');
                const app = express();
                app.get('/users', async (req, res) => {
                  const byRole = req.query.role ? { role: String(req.query.role) } : {};
                  let byTeam = {};
                  if (req.query.team) byTeam = { team: req.query.team };
                  res.json(await User.find({ ...byRole, ...byTeam }));
                });
                app.listen(3000);
              `,
            },
          ],
        },
        { messageId: 'operatorInjection', data: { source: 'req.query.team', method: 'User.find', example: OBJECT_EXAMPLE }, line: 8, suggestions: [] },
      ],
    },
    // TypeScript: a body field, beside an operator-injectable value of the same filter
    {
      code: code`
        import { Router, Request, Response } from 'express';
        import { Post } from './models';
        export const posts = Router();
        posts.post('/search', async (req: Request, res: Response) => {
          res.json(await Post.find({ title: { $regex: req.body.q }, author: req.body.author }));
        });
      `,
      filename: 'posts.ts',
      errors: [
        { messageId: 'regexInjection', data: { source: 'req.body.q', method: 'Post.find' }, line: 5, suggestions: [] },
        {
          messageId: 'operatorInjection',
          data: { source: 'req.body.author', method: 'Post.find', example: OBJECT_EXAMPLE },
          line: 5,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import { Router, Request, Response } from 'express';
                import { Post } from './models';
                export const posts = Router();
                posts.post('/search', async (req: Request, res: Response) => {
                  res.json(await Post.find({ title: { $regex: req.body.q }, author: String(req.body.author) }));
                });
              `,
            },
          ],
        },
      ],
    },
  ],
});

// U4: passport-local's verify callback gets req.body[usernameField] and req.body[passwordField] as they were sent (an
// object under express.json() or extended urlencoded bodies); NestJS's PassportStrategy(Strategy) calls validate() with them.
runRuleTests('no-nosql-injection', rule, {
  valid: [
    // coerced, or turned into text (CommonJS)
    {
      code: code`
        const passport = require('passport');
        const LocalStrategy = require('passport-local').Strategy;
        const User = require('./models/user');
        passport.use(new LocalStrategy((username, password, done) => {
          User.findOne({ username: String(username) }, done);
        }));
      `,
      languageOptions: commonjs,
    },
    // the package declares express-mongo-sanitize: whether it runs before the route that authenticates is not known (CommonJS)
    {
      code: code`
        const passport = require('passport');
        const LocalStrategy = require('passport-local').Strategy;
        const User = require('./models/user');
        passport.use(new LocalStrategy((username, password, done) => {
          User.findOne({ username }, done);
        }));
      `,
      filename: inSanitizerPackage('passport.js'),
      languageOptions: commonjs,
    },
    // options the model cannot read (imported): which parameter holds what is not known (ESM)
    code`
      import passport from 'passport';
      import { Strategy } from 'passport-local';
      import { strategyOptions } from './config';
      import { User } from './models';
      passport.use(new Strategy(strategyOptions, async (a, b, done) => done(null, await User.findOne({ email: b }))));
    `,
    // passport-http's BasicStrategy decodes the user id and password from a header: strings, never objects (ESM)
    code`
      import passport from 'passport';
      import { BasicStrategy } from 'passport-http';
      import { User } from './models';
      passport.use(new BasicStrategy(async (userid, password, done) => done(null, await User.findOne({ username: userid }))));
    `,
    // NestJS: a value made text (toLowerCase) before the query (TS)
    {
      code: code`
        import { Injectable } from '@nestjs/common';
        import { PassportStrategy } from '@nestjs/passport';
        import { Strategy } from 'passport-local';
        import { Model } from 'mongoose';
        import { User } from './user.schema';
        @Injectable()
        export class LocalStrategy extends PassportStrategy(Strategy) {
          constructor(private readonly users: Model<User>) {
            super({ usernameField: 'email' });
          }
          async validate(email: string, password: string) {
            return this.users.findOne({ email: email.toLowerCase() });
          }
        }
      `,
      filename: 'local.strategy.ts',
    },
  ],
  invalid: [
    // the default fields, a shorthand key (CommonJS)
    {
      code: code`
        const passport = require('passport');
        const LocalStrategy = require('passport-local').Strategy;
        const User = require('./models/user');
        passport.use(new LocalStrategy((username, password, done) => {
          User.findOne({ username }, done);
        }));
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: "req.body.username, given as 'username' by passport-local", method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 5,
          column: 18,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                const passport = require('passport');
                const LocalStrategy = require('passport-local').Strategy;
                const User = require('./models/user');
                passport.use(new LocalStrategy((username, password, done) => {
                  User.findOne({ username: String(username) }, done);
                }));
              `,
            },
          ],
        },
      ],
    },
    // usernameField and passReqToCallback: the request first, the body key the option names (ESM, the module's default
    // import, a named function)
    {
      code: code`
        import passport from 'passport';
        import passportLocal from 'passport-local';
        import { User } from './models';
        async function verify(req, email, password, done) {
          done(null, await User.findOne({ email: email, password }));
        }
        passport.use('login', new passportLocal.Strategy({ usernameField: 'email', passwordField: 'pass', passReqToCallback: true }, verify));
      `,
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: "req.body.email, given as 'username' by passport-local", method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 5,
          column: 42,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import passport from 'passport';
                import passportLocal from 'passport-local';
                import { User } from './models';
                async function verify(req, email, password, done) {
                  done(null, await User.findOne({ email: String(email), password }));
                }
                passport.use('login', new passportLocal.Strategy({ usernameField: 'email', passwordField: 'pass', passReqToCallback: true }, verify));
              `,
            },
          ],
        },
        {
          messageId: 'operatorInjection',
          data: { source: "req.body.pass, given as 'password' by passport-local", method: 'User.findOne', example: OBJECT_EXAMPLE },
          line: 5,
          column: 49,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import passport from 'passport';
                import passportLocal from 'passport-local';
                import { User } from './models';
                async function verify(req, email, password, done) {
                  done(null, await User.findOne({ email: email, password: String(password) }));
                }
                passport.use('login', new passportLocal.Strategy({ usernameField: 'email', passwordField: 'pass', passReqToCallback: true }, verify));
              `,
            },
          ],
        },
      ],
    },
    // NestJS: class LocalStrategy extends PassportStrategy(Strategy), no constructor options: validate(username, password) (TS)
    {
      code: code`
        import { Injectable } from '@nestjs/common';
        import { PassportStrategy } from '@nestjs/passport';
        import { Strategy } from 'passport-local';
        import { Model } from 'mongoose';
        import { User } from './user.schema';
        @Injectable()
        export class LocalStrategy extends PassportStrategy(Strategy) {
          constructor(private readonly users: Model<User>) {
            super();
          }
          async validate(username: string, password: string) {
            return this.users.findOne({ username });
          }
        }
      `,
      filename: 'local.strategy.ts',
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: "req.body.username, given as 'username' by passport-local", method: 'this.users.findOne', example: OBJECT_EXAMPLE },
          line: 12,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import { Injectable } from '@nestjs/common';
                import { PassportStrategy } from '@nestjs/passport';
                import { Strategy } from 'passport-local';
                import { Model } from 'mongoose';
                import { User } from './user.schema';
                @Injectable()
                export class LocalStrategy extends PassportStrategy(Strategy) {
                  constructor(private readonly users: Model<User>) {
                    super();
                  }
                  async validate(username: string, password: string) {
                    return this.users.findOne({ username: String(username) });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

// Lane gql21: a GraphQL resolver's arguments are what the client sent, as the schema types them: String and ID are
// strings (no operator), a JSON scalar or an input type with one may be an object
runRuleTests('no-nosql-injection', rule, {
  valid: [
    // the schema is not in the file: each argument is taken as a string (TS)
    {
      code: code`
        import { ApolloServer } from 'apollo-server-express';
        import { typeDefs } from './typeDefs';
        import { User } from './models';
        export const server = new ApolloServer({
          typeDefs,
          resolvers: { Query: { user: (_: unknown, args: { name: string }) => User.findOne({ name: args.name }), users: (_: unknown, args: object) => User.find(args) } },
        });
      `,
      filename: inGraphqlPackage('server.ts'),
    },
    // String, ID and an input type of strings hold no operator (ESM)
    {
      code: code`
        import { ApolloServer, gql } from 'apollo-server-express';
        import { User } from './models.js';
        const typeDefs = gql\`
          input UserFilter { name: String, role: ID }
          type Query { user(id: ID!): User, users(filter: UserFilter): [User] }
        \`;
        const resolvers = { Query: { user: (_, { id }) => User.findById(id), users: (_, { filter }) => User.find(filter) } };
        export const server = new ApolloServer({ typeDefs, resolvers });
      `,
      filename: inGraphqlPackage('server.mjs'),
    },
    // a JSON argument where the package declares express-mongo-sanitize: the variables (the JSON body) may be sanitized before (CommonJS)
    {
      code: code`
        const { ApolloServer, gql } = require('apollo-server-express');
        const User = require('./models/user');
        const typeDefs = gql\`
          scalar JSON
          type Query { users(where: JSON): [User] }
        \`;
        module.exports = new ApolloServer({ typeDefs, resolvers: { Query: { users: (_, { where }) => User.find(where) } } });
      `,
      filename: inSanitizerPackage('server.js'),
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // a JSON scalar argument as the filter, and as a value of one (ESM)
    {
      code: code`
        import { ApolloServer, gql } from 'apollo-server-express';
        import { User } from './models.js';
        const typeDefs = gql\`
          scalar JSON
          type Query { users(where: JSON, name: String): [User], user(name: JSON): User }
        \`;
        const resolvers = {
          Query: {
            users: (_, args) => User.find(args.where),
            user: async (_, { name }) => User.findOne({ name }),
          },
        };
        export const server = new ApolloServer({ typeDefs, resolvers });
      `,
      filename: inGraphqlPackage('server.mjs'),
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'args.where (GraphQL argument of Query.users)', method: 'User.find', example: 'an object such as {"$ne": null}' },
          line: 9,
          suggestions: [],
        },
        {
          messageId: 'operatorInjection',
          data: { source: 'name (GraphQL argument of Query.user)', method: 'User.findOne', example: 'an object such as {"$ne": null}' },
          line: 10,
          suggestions: [
            {
              messageId: 'wrapString',
              output: code`
                import { ApolloServer, gql } from 'apollo-server-express';
                import { User } from './models.js';
                const typeDefs = gql\`
                  scalar JSON
                  type Query { users(where: JSON, name: String): [User], user(name: JSON): User }
                \`;
                const resolvers = {
                  Query: {
                    users: (_, args) => User.find(args.where),
                    user: async (_, { name }) => User.findOne({ name: String(name) }),
                  },
                };
                export const server = new ApolloServer({ typeDefs, resolvers });
              `,
            },
          ],
        },
      ],
    },
    // an input type with a JSON field, given as the filter (makeExecutableSchema, TS)
    {
      code: code`
        import { makeExecutableSchema } from '@graphql-tools/schema';
        import { Post } from './models';
        const typeDefs = \`
          scalar JSON
          input PostFilter { title: String, meta: JSON }
          type Query { posts(filter: PostFilter!): [Post] }
        \`;
        export const schema = makeExecutableSchema({ typeDefs, resolvers: { Query: { posts: (_: unknown, { filter }: { filter: object }) => Post.find(filter) } } });
      `,
      filename: inGraphqlPackage('schema.ts'),
      errors: [
        {
          messageId: 'operatorInjection',
          data: { source: 'filter (GraphQL argument of Query.posts)', method: 'Post.find', example: 'an object such as {"$ne": null}' },
          line: 8,
          suggestions: [],
        },
      ],
    },
  ],
});
