import * as espree from 'espree';

import rule from '../../src/rules/no-hardcoded-secrets';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';
import { SEED_000_COOKIE_SESSION, SEED_000_SESSION_NAME, SEED_002_REDIS_SESSION } from '../helpers/seeds';

runRuleTests('no-hardcoded-secrets', rule, {
  valid: [
    // seed 002 (express-session with Redis), as written
    { code: SEED_002_REDIS_SESSION, languageOptions: commonjs },
    code`
      import cookieSession from 'cookie-session';
      import cookieParser from 'cookie-parser';
      import jwt from 'jsonwebtoken';
      const secret = process.env.COOKIE_SECRET;
      export const a = cookieSession({ keys: [process.env.KEY_NEW, process.env.KEY_OLD] });
      export const b = cookieParser(secret);
      export const t = jwt.sign({ sub: 1 }, process.env.JWT_SECRET, { expiresIn: '1h' });
      export const c = cookieParser();
    `,
    // a verify key that is a public key is not a secret
    code`
      import { verify } from 'jsonwebtoken';
      export const check = (t) => verify(t, '-----BEGIN PUBLIC KEY-----\\nMIIB...\\n-----END PUBLIC KEY-----');
    `,
    // options from elsewhere, a spread that may hold the secret, an empty dev password
    code`
      import session from 'express-session';
      import mysql from 'mysql2';
      import { base, dbOptions } from './config';
      export const s = session({ ...base, name: 'sid' });
      export const db = mysql.createConnection(dbOptions);
      export const local = mysql.createConnection({ user: 'root', password: '' });
    `,
    // a member of an object that is not a never-written const literal of the file stays unknown: a property written
    // later, an object passed to a call (which may change it), a computed read, a `let`, an object built by a call,
    // a spread of something unknown, a nested read, a value from the environment
    {
      code: code`
        const jwt = require('jsonwebtoken');
        const session = require('express-session');
        const written = { secret: 'default-secret' };
        if (process.env.JWT_SECRET) written.secret = process.env.JWT_SECRET;
        const mutated = { secret: 'default-secret' };
        Object.assign(mutated, loadSecrets());
        const deleted = { secret: 'default-secret' };
        delete deleted.secret;
        const called = { secret: 'default-secret', reset() { this.secret = process.env.S; } };
        called.reset();
        let reassignable = { secret: 'default-secret' };
        const built = makeConfig({ secret: 'default-secret' });
        const spread = { secret: 'default-secret', ...overrides };
        const nested = { jwt: { secret: 'default-secret' } };
        const computed = { secret: 'default-secret' };
        const fromEnv = { secret: process.env.JWT_SECRET };
        module.exports = [
          jwt.sign({}, written.secret), jwt.sign({}, mutated.secret), jwt.sign({}, deleted.secret),
          jwt.sign({}, called.secret), jwt.sign({}, reassignable.secret), jwt.sign({}, built.secret),
          jwt.sign({}, spread.secret), jwt.sign({}, nested.jwt.secret), jwt.sign({}, computed[process.env.KEY]),
          jwt.sign({}, fromEnv.secret), session({ secret: written.secret }), session({ secret: fromEnv.secret }),
        ];
      `,
      filename: 'app.js',
      languageOptions: commonjs,
    },
    // a function named like a sink that is not from the library
    code`
      const jwt = { sign: (p, k) => k };
      export const t = jwt.sign({}, 'not-a-library-call');
      function session(o) { return o; }
      session({ secret: 'x' });
    `,
    // a secret from a config module or a secret manager
    { code: code`
        const { Pool } = require('pg');
        const { getSecret } = require('./vault');
        module.exports = async () => new Pool({ password: await getSecret('db') });
      `, languageOptions: commonjs },
    code`
      import session from 'express-session';
      export default session(...args);
    `,
    // sequelize on SQLite (its README's placeholders): SQLite has no authentication, the password is never checked
    code`
      import { Sequelize } from 'sequelize';
      export const db = new Sequelize('database', 'username', 'password', { dialect: 'sqlite', storage: 'db.sqlite' });
    `,
    // knex on better-sqlite3 (CJS): a connection without authentication
    { code: code`
        const knex = require('knex');
        module.exports = knex({ client: 'better-sqlite3', connection: { filename: './db.sqlite', password: 'unused' } });
      `, languageOptions: commonjs },
    // NestJS (trial 26): keys read from the environment, TypeORM on SQLite (no login)
    code`
      import { JwtModule } from '@nestjs/jwt';
      import { TypeOrmModule } from '@nestjs/typeorm';
      export const imports = [
        JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '60m' } }),
        TypeOrmModule.forRoot({ type: 'sqlite', database: 'db.sqlite', password: 'unused' }),
      ];
    `,
    code`
      import { DataSource } from 'typeorm';
      export const dataSource = new DataSource({ type: 'better-sqlite3', database: 'db.sqlite', password: 'unused' });
    `,
    // an example configuration file to copy: config.example.js, secrets.sample.ts
    { code: code`
        import session from 'express-session';
        export default session({ secret: 'replace-this-secret' });
      `, filename: '/app/config.example.js' },
    { code: code`
        import { Pool } from 'pg';
        export const pool = new Pool({ password: 'example' });
      `, filename: '/app/src/secrets.sample.ts' },
    // deploy-time substitution placeholders: the literal never reaches production as a key
    code`
      import session from 'express-session';
      import mysql from 'mysql2';
      export const a = session({ secret: '\${SESSION_SECRET}' });
      export const b = session({ secret: '<your-session-secret>' });
      export const c = mysql.createConnection({ password: '%DB_PASSWORD%' });
      export const d = mysql.createConnection({ password: '{{ db_password }}' });
    `,
    // trial 27: connection URLs without a password, with a placeholder for it (MongoDB Atlas's `<password>`), read from
    // the environment, or built with expressions; a string that is no URL
    code`
      import { MongoClient } from 'mongodb';
      import mongoose from 'mongoose';
      import { Pool } from 'pg';
      import knex from 'knex';
      import { Sequelize } from 'sequelize';
      export const a = new MongoClient('mongodb://localhost:27017/app');
      export const b = mongoose.connect('mongodb+srv://app:<password>@cluster0.example.net/app');
      export const c = new Pool({ connectionString: process.env.DATABASE_URL });
      export const d = knex({ client: 'pg', connection: \`postgres://app:\${process.env.DB_PASSWORD}@db/app\` });
      export const e = new Sequelize('app', 'app', process.env.DB_PASSWORD, { dialect: 'postgres' });
      export const f = mongoose.createConnection('mongodb://app@db:27017/app');
      export const g = new MongoClient('mongodb://app:@db:27017/app');
    `,
    // an HMAC keyed from the environment
    code`
      import { createHmac } from 'node:crypto';
      export const sign = (body: string) => createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex');
    `,
    // A per-environment table picked at run time: a literal in one entry and the environment in another is either,
    // unknown (CJS); an entry that is not a literal may hold anything; a table written later holds something else.
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const configs = {
          development: { secret: 'only for local runs' },
          production: { secret: process.env.SESSION_SECRET },
        };
        const app = express();
        app.use(session(configs[process.env.NODE_ENV || 'development']));
      `,
      languageOptions: commonjs,
    },
    code`
      import session from 'express-session';
      import { loadProduction } from './vault';
      const configs = {
        development: { secret: 'keyboard cat' },
        test: { secret: 'keyboard cat' },
        production: loadProduction(),
      };
      export default session(configs[process.env.NODE_ENV ?? 'development']);
    `,
    code`
      import session from 'express-session';
      const env = process.env.NODE_ENV ?? 'development';
      const configs = { development: { secret: 'keyboard cat' }, production: { secret: 'keyboard cat' } };
      configs[env].secret = process.env.SESSION_SECRET;
      export default session(configs[env]);
    `,
    code`
      import session from 'express-session';
      let configs = { development: { secret: 'keyboard cat' }, production: { secret: 'keyboard cat' } };
      export default session(configs[process.env.NODE_ENV ?? 'development']);
    `,
    // Destructured from a per-environment table: entries that differ (CJS), a binding written through later (ESM), an
    // entry that is not a literal (TS), a default in the pattern: unknown.
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const configs = {
          development: { session: { secret: 'only for local runs' } },
          production: { session: { secret: process.env.SESSION_SECRET } },
        };
        const { session: options } = configs[process.env.NODE_ENV || 'development'];
        const app = express();
        app.use(session(options));
      `,
      languageOptions: commonjs,
    },
    code`
      import session from 'express-session';
      const env = process.env.NODE_ENV ?? 'development';
      const configs = { development: { session: { secret: 'keyboard cat' } }, production: { session: { secret: 'keyboard cat' } } };
      const { session: options } = configs[env];
      options.secret = process.env.SESSION_SECRET;
      export default session(options);
    `,
    {
      code: code`
        import session from 'express-session';
        declare function vault(): { secret: string };
        const settings = { dev: { secret: process.env.S ?? 'dev secret' }, prod: vault() };
        const { secret } = settings[process.env.APP_ENV as keyof typeof settings];
        export default session({ secret, resave: false });
      `,
      filename: 'app.ts',
    },
    code`
      import session from 'express-session';
      const configs = { development: { secret: 'keyboard cat' }, production: { secret: 'keyboard cat' } };
      const { secret = process.env.SESSION_SECRET } = configs.production.secret ? {} : configs[process.env.NODE_ENV ?? 'development'];
      export default session({ secret, resave: false });
    `,
  ],
  invalid: [
    // A per-environment table picked at run time whose every entry falls back to the same literal (ESM, through a
    // `const` and a spread; TS `as const satisfies`, through a value read): reported at the first entry's literal, with no
    // suggestion (it would change one environment; the others still hold the literal).
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const env = process.env.NODE_ENV || 'development';
        const configs = {
          development: { session: { secret: process.env.SECRET || 'keyboard cat', cookie: { secure: false } } },
          production: { session: { secret: process.env.SECRET || "keyboard cat", cookie: { secure: true } } },
        };
        const config = configs[env];
        const app = express();
        app.use(session({ ...config.session, resave: false }));
      `,
      filename: 'app.js',
      errors: [{ messageId: 'fallback', data: { label: 'express-session secret', risk: 'forge or tamper with session cookies' }, line: 5, column: 59, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        import session from 'express-session';
        interface Settings { secret: string; port: number }
        const settings = {
          dev: { secret: process.env.SESSION_SECRET ?? 'dev secret', port: 3000 },
          prod: { secret: process.env.SESSION_SECRET ?? 'dev secret', port: 80 },
        } as const satisfies Record<string, Settings>;
        const current = settings[process.env.APP_ENV as keyof typeof settings];
        export default session({ secret: current.secret, resave: false });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'fallback', line: 4, column: 48, suggestions: [] }],
      output: null,
    },
    // Destructured from a per-environment table whose every entry falls back to the same literal: `const { session:
    // options } = configs[env]` (CJS), `const { session: { secret } } = cfg` of `const cfg = configs[env]` (ESM), `const {
    // secret } = settings[key]` (TS): read as the member reads are, at the first entry's literal, with no suggestion.
    {
      code: code`
        const express = require('express');
        const session = require('express-session');
        const configs = {
          development: { session: { secret: process.env.SECRET || 'keyboard cat', resave: false } },
          production: { session: { secret: process.env.SECRET || 'keyboard cat', resave: false } },
        };
        const { session: options } = configs[process.env.NODE_ENV || 'development'];
        const app = express();
        app.use(session(options));
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'fallback', data: { label: 'express-session secret', risk: 'forge or tamper with session cookies' }, line: 4, column: 59, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        import session from 'express-session';
        const env = process.env.NODE_ENV || 'development';
        const configs = {
          development: { session: { secret: process.env.SECRET || 'keyboard cat' } },
          production: { session: { secret: process.env.SECRET || 'keyboard cat' } },
        };
        const cfg = configs[env];
        const { session: { secret } } = cfg;
        const app = express();
        app.use(session({ secret, resave: false }));
      `,
      errors: [{ messageId: 'fallback', data: { label: 'express-session secret', risk: 'forge or tamper with session cookies' }, line: 5, column: 59, suggestions: [] }],
      output: null,
    },
    {
      code: code`
        import session from 'express-session';
        const settings = {
          dev: { secret: process.env.SESSION_SECRET ?? 'dev secret', port: 3000 },
          prod: { secret: process.env.SESSION_SECRET ?? 'dev secret', port: 80 },
        } as const;
        const { secret, port } = settings[process.env.APP_ENV as keyof typeof settings];
        export default session({ secret, resave: false, name: String(port) });
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'fallback', line: 3, column: 48, suggestions: [] }],
      output: null,
    },
    // firebase-tools' auth emulator: `algorithm: 'none'` makes jsonwebtoken ignore the key and mint an unsigned token:
    // a message of its own at the option, and no suggestion (a key from the environment would change nothing). The
    // same call with a signing algorithm is the usual hardcoded key (CJS, ESM through a const, TS).
    {
      code: code`
        const jwt = require('jsonwebtoken');
        exports.fake = (claims) => jwt.sign(claims, 'fake-secret', { algorithm: 'none', expiresIn: 3600 });
        exports.real = (claims) => jwt.sign(claims, 'real-secret', { algorithm: 'HS256' });
      `,
      filename: 'emulator.js',
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'unsigned',
          data: { label: 'jwt.sign() key', key: 'algorithm', value: 'none' },
          line: 2,
          column: 73,
          suggestions: [],
        },
        { messageId: 'hardcoded', line: 3, column: 45, suggestions: [{ messageId: 'useEnv', output: code`
          const jwt = require('jsonwebtoken');
          exports.fake = (claims) => jwt.sign(claims, 'fake-secret', { algorithm: 'none', expiresIn: 3600 });
          exports.real = (claims) => jwt.sign(claims, process.env.JWT_SECRET, { algorithm: 'HS256' });
        ` }] },
      ],
    },
    {
      code: code`
        import jwt from 'jsonwebtoken';
        const NONE = 'none';
        const options = { algorithm: NONE };
        export const token = jwt.sign({ sub: 'emulated' }, 'fake-secret', options);
      `,
      filename: 'emulator.ts',
      errors: [{ messageId: 'unsigned', line: 3, column: 30, suggestions: [] }],
    },
    // a member of a never-written const object of the file, as a positional key and as an option: reported at the
    // literal, which the suggestion replaces where it is written (CJS)
    {
      code: code`
        const jwt = require('jsonwebtoken');
        const session = require('express-session');
        const local = { jwtSecret: 'local-jwt-secret', secret: 'local-session-secret' };
        module.exports = [jwt.sign({}, local.jwtSecret), session({ secret: local.secret, resave: false })];
      `,
      filename: 'app.js',
      languageOptions: commonjs,
      errors: [
        { messageId: 'hardcoded', data: { label: 'jwt.sign() key', risk: 'sign their own tokens' }, line: 3, column: 28, suggestions: [{ messageId: 'useEnv', data: { name: 'JWT_SECRET' }, output: code`
          const jwt = require('jsonwebtoken');
          const session = require('express-session');
          const local = { jwtSecret: process.env.JWT_SECRET, secret: 'local-session-secret' };
          module.exports = [jwt.sign({}, local.jwtSecret), session({ secret: local.secret, resave: false })];
        ` }] },
        { messageId: 'hardcoded', data: { label: 'express-session secret', risk: 'forge or tamper with session cookies' }, line: 3, column: 56, suggestions: [{ messageId: 'useEnv', data: { name: 'SESSION_SECRET' }, output: code`
          const jwt = require('jsonwebtoken');
          const session = require('express-session');
          const local = { jwtSecret: 'local-jwt-secret', secret: process.env.SESSION_SECRET };
          module.exports = [jwt.sign({}, local.jwtSecret), session({ secret: local.secret, resave: false })];
        ` }] },
      ],
      output: null,
    },
    // ESM: read through a spread of another const of the file, a const holding the key, and a fallback of an object
    {
      code: code`
        import jwt from 'jsonwebtoken';
        import cookieParser from 'cookie-parser';
        const KEY = 'a-signing-key';
        const base = { jwtSecret: KEY };
        const config = { ...base, cookie: process.env.COOKIE_SECRET || 'dev-cookie-secret' };
        export const t = jwt.verify(token, config.jwtSecret);
        export const p = cookieParser(config['cookie']);
      `,
      filename: 'app.mjs',
      errors: [
        { messageId: 'hardcoded', data: { label: 'jwt.verify() key', risk: 'sign their own tokens' }, line: 3, suggestions: [{ messageId: 'useEnv', output: code`
          import jwt from 'jsonwebtoken';
          import cookieParser from 'cookie-parser';
          const KEY = process.env.JWT_SECRET;
          const base = { jwtSecret: KEY };
          const config = { ...base, cookie: process.env.COOKIE_SECRET || 'dev-cookie-secret' };
          export const t = jwt.verify(token, config.jwtSecret);
          export const p = cookieParser(config['cookie']);
        ` }] },
        { messageId: 'fallback', data: { label: 'cookie-parser secret', risk: 'forge signed cookies' }, line: 5, column: 64, suggestions: [{ messageId: 'useEnv', data: { name: 'COOKIE_SECRET' }, output: code`
          import jwt from 'jsonwebtoken';
          import cookieParser from 'cookie-parser';
          const KEY = 'a-signing-key';
          const base = { jwtSecret: KEY };
          const config = { ...base, cookie: process.env.COOKIE_SECRET };
          export const t = jwt.verify(token, config.jwtSecret);
          export const p = cookieParser(config['cookie']);
        ` }] },
      ],
      output: null,
    },
    // TypeScript: an exported const object with an \`as const\` key; the suggestion replaces the assertion with the literal
    // (\`process.env.X as const\` does not compile), and a \`<string>\` assertion of a const likewise
    {
      code: code`
        import jwt from 'jsonwebtoken';
        export const config = { jwtSecret: 'hardcoded-jwt-secret' as const };
        const K = <string>'another-hardcoded-key';
        export const a = jwt.sign({ id: 1 }, config.jwtSecret);
        export const b = jwt.sign({ id: 1 }, K);
      `,
      filename: 'tokens.ts',
      errors: [
        { messageId: 'hardcoded', line: 2, column: 36, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'JWT_SECRET' }, output: code`
          import jwt from 'jsonwebtoken';
          export const config = { jwtSecret: process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })() };
          const K = <string>'another-hardcoded-key';
          export const a = jwt.sign({ id: 1 }, config.jwtSecret);
          export const b = jwt.sign({ id: 1 }, K);
        ` }] },
        { messageId: 'hardcoded', line: 3, column: 19, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'JWT_SECRET' }, output: code`
          import jwt from 'jsonwebtoken';
          export const config = { jwtSecret: 'hardcoded-jwt-secret' as const };
          const K = process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })();
          export const a = jwt.sign({ id: 1 }, config.jwtSecret);
          export const b = jwt.sign({ id: 1 }, K);
        ` }] },
      ],
      output: null,
    },
    // The sink's name as a computed string key, in a file that names `crypto` for other calls too (the rule looks
    // for a sink's module and the first name of its path in the text before building the model)
    {
      code: "const crypto = require('crypto');\nconst id = crypto.randomBytes(8).toString('hex');\nmodule.exports = (body) => crypto['createHmac']('sha256', 'k3y-material').update(body + id).digest('hex');\n",
      languageOptions: commonjs,
      filename: 'sign.js',
      errors: [{ messageId: 'hardcoded', data: { label: 'crypto.createHmac() key', risk: 'sign data the app trusts' }, line: 3, suggestions: [{ messageId: 'useEnv', data: { name: 'HMAC_SECRET' }, output: "const crypto = require('crypto');\nconst id = crypto.randomBytes(8).toString('hex');\nmodule.exports = (body) => crypto['createHmac']('sha256', process.env.HMAC_SECRET).update(body + id).digest('hex');\n" }] }],
      output: null,
    },
    // The module named by a template literal and with the `node:` prefix, in a file with no sign of Express (the rule
    // looks for the sink modules' names in the text before building the model: both forms must pass that test).
    {
      code: "const { createHmac } = require(`node:crypto`);\nmodule.exports = (body) => createHmac('sha256', 'k3y-material').update(body).digest('hex');\n",
      languageOptions: commonjs,
      filename: 'sign.js',
      errors: [{ messageId: 'hardcoded', data: { label: 'crypto.createHmac() key', risk: 'sign data the app trusts' }, line: 2, suggestions: [{ messageId: 'useEnv', data: { name: 'HMAC_SECRET' }, output: "const { createHmac } = require(`node:crypto`);\nmodule.exports = (body) => createHmac('sha256', process.env.HMAC_SECRET).update(body).digest('hex');\n" }] }],
      output: null,
    },
    // seed 000 (express-session, "Don't use the default session cookie name"), as written
    {
      code: SEED_000_SESSION_NAME,
      languageOptions: commonjs,
      filename: 'app.js',
      errors: [{ messageId: 'hardcoded', data: { label: 'express-session secret', risk: 'forge or tamper with session cookies' }, line: 4, suggestions: [{ messageId: 'useEnv', data: { name: 'SESSION_SECRET' }, output: code`
        var session = require('express-session')
        app.set('trust proxy', 1) // trust first proxy
        app.use(session({
          secret: process.env.SESSION_SECRET,
          name: 'sessionId'
        }))
      ` }] }],
      output: null,
    },
    // seed 000 (cookie-session example), as written
    {
      code: SEED_000_COOKIE_SESSION,
      languageOptions: commonjs,
      filename: 'app.js',
      errors: [{ messageId: 'hardcoded', data: { label: 'cookie-session key', risk: 'forge or tamper with session cookies' }, line: 8, suggestions: [{ messageId: 'useEnv', output: code`
        var session = require('cookie-session')
        var express = require('express')
        var app = express()

        var expiryDate = new Date(Date.now() + 60 * 60 * 1000) // 1 hour
        app.use(session({
          name: 'session',
          keys: [process.env.SESSION_SECRET],
          cookie: {
            secure: true,
            httpOnly: true,
            domain: 'example.com',
            path: 'foo/bar',
            expires: expiryDate
          }
        }))
      ` }] }],
      output: null,
    },
    // env with a literal fallback (|| and ??), through a const and a shorthand property
    {
      code: code`
        import session from 'express-session';
        const secret = process.env.SESSION_SECRET || 'keyboard cat';
        export const a = session({ secret });
        export const b = session({ secret: process.env.OTHER ?? \`dev-secret\` });
      `,
      filename: 'app.js',
      errors: [
        { messageId: 'fallback', line: 2, column: 46, suggestions: [{ messageId: 'useEnv', output: code`
          import session from 'express-session';
          const secret = process.env.SESSION_SECRET;
          export const a = session({ secret });
          export const b = session({ secret: process.env.OTHER ?? \`dev-secret\` });
        ` }] },
        { messageId: 'fallback', line: 4, suggestions: [{ messageId: 'useEnv', output: code`
          import session from 'express-session';
          const secret = process.env.SESSION_SECRET || 'keyboard cat';
          export const a = session({ secret });
          export const b = session({ secret: process.env.OTHER });
        ` }] },
      ],
      output: null,
    },
    // cookie-parser, jsonwebtoken (default and named imports), a literal mixed into keys
    {
      code: code`
        import cookieParser from 'cookie-parser';
        import * as jwt from 'jsonwebtoken';
        import { verify } from 'jsonwebtoken';
        import cookieSession from 'cookie-session';
        export const p = cookieParser('cookie secret');
        export const t = jwt.sign({ sub: 1 }, 'jwt-secret');
        export const v = (x) => verify(x, 'jwt-secret');
        export const c = cookieSession({ keys: [process.env.KEY, 'old-key'] });
      `,
      filename: 'app.js',
      errors: [
        { messageId: 'hardcoded', data: { label: 'cookie-parser secret', risk: 'forge signed cookies' }, line: 5, suggestions: [{ messageId: 'useEnv', data: { name: 'COOKIE_SECRET' }, output: code`
          import cookieParser from 'cookie-parser';
          import * as jwt from 'jsonwebtoken';
          import { verify } from 'jsonwebtoken';
          import cookieSession from 'cookie-session';
          export const p = cookieParser(process.env.COOKIE_SECRET);
          export const t = jwt.sign({ sub: 1 }, 'jwt-secret');
          export const v = (x) => verify(x, 'jwt-secret');
          export const c = cookieSession({ keys: [process.env.KEY, 'old-key'] });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'jwt.sign() key', risk: 'sign their own tokens' }, line: 6, suggestions: [{ messageId: 'useEnv', data: { name: 'JWT_SECRET' }, output: code`
          import cookieParser from 'cookie-parser';
          import * as jwt from 'jsonwebtoken';
          import { verify } from 'jsonwebtoken';
          import cookieSession from 'cookie-session';
          export const p = cookieParser('cookie secret');
          export const t = jwt.sign({ sub: 1 }, process.env.JWT_SECRET);
          export const v = (x) => verify(x, 'jwt-secret');
          export const c = cookieSession({ keys: [process.env.KEY, 'old-key'] });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'jwt.verify() key', risk: 'sign their own tokens' }, line: 7, suggestions: [{ messageId: 'useEnv', output: code`
          import cookieParser from 'cookie-parser';
          import * as jwt from 'jsonwebtoken';
          import { verify } from 'jsonwebtoken';
          import cookieSession from 'cookie-session';
          export const p = cookieParser('cookie secret');
          export const t = jwt.sign({ sub: 1 }, 'jwt-secret');
          export const v = (x) => verify(x, process.env.JWT_SECRET);
          export const c = cookieSession({ keys: [process.env.KEY, 'old-key'] });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'cookie-session key', risk: 'forge or tamper with session cookies' }, line: 8, column: 58, suggestions: [{ messageId: 'useEnv', output: code`
          import cookieParser from 'cookie-parser';
          import * as jwt from 'jsonwebtoken';
          import { verify } from 'jsonwebtoken';
          import cookieSession from 'cookie-session';
          export const p = cookieParser('cookie secret');
          export const t = jwt.sign({ sub: 1 }, 'jwt-secret');
          export const v = (x) => verify(x, 'jwt-secret');
          export const c = cookieSession({ keys: [process.env.KEY, process.env.SESSION_SECRET] });
        ` }] },
      ],
      output: null,
    },
    // express-jwt and passport-jwt
    {
      code: code`
        const { expressjwt } = require('express-jwt');
        const JwtStrategy = require('passport-jwt').Strategy;
        const auth = expressjwt({ secret: 'shhhhhhared-secret', algorithms: ['HS256'] });
        const strategy = new JwtStrategy({ secretOrKey: 'secret' }, verifyUser);
        module.exports = { auth, strategy };
      `,
      languageOptions: commonjs,
      filename: 'app.js',
      errors: [
        { messageId: 'hardcoded', data: { label: 'express-jwt secret', risk: 'sign their own tokens' }, line: 3, suggestions: [{ messageId: 'useEnv', output: code`
          const { expressjwt } = require('express-jwt');
          const JwtStrategy = require('passport-jwt').Strategy;
          const auth = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] });
          const strategy = new JwtStrategy({ secretOrKey: 'secret' }, verifyUser);
          module.exports = { auth, strategy };
        ` }] },
        { messageId: 'hardcoded', data: { label: 'passport-jwt secretOrKey', risk: 'sign their own tokens' }, line: 4, suggestions: [{ messageId: 'useEnv', output: code`
          const { expressjwt } = require('express-jwt');
          const JwtStrategy = require('passport-jwt').Strategy;
          const auth = expressjwt({ secret: 'shhhhhhared-secret', algorithms: ['HS256'] });
          const strategy = new JwtStrategy({ secretOrKey: process.env.JWT_SECRET }, verifyUser);
          module.exports = { auth, strategy };
        ` }] },
      ],
      output: null,
    },
    // NestJS (U2): passport-jwt's Strategy through @nestjs/passport's mixin, as the NestJS docs write it: super() in the
    // constructor of `extends PassportStrategy(Strategy)` constructs it; a passport-local strategy holds no secret
    {
      code: code`
        import { Injectable } from '@nestjs/common';
        import { PassportStrategy } from '@nestjs/passport';
        import { ExtractJwt, Strategy } from 'passport-jwt';
        import { Strategy as LocalStrategy } from 'passport-local';
        @Injectable()
        export class JwtStrategy extends PassportStrategy(Strategy) {
          constructor() {
            super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'secretKey' });
          }
        }
        @Injectable()
        export class LocalAuth extends PassportStrategy(LocalStrategy) {
          constructor() {
            super({ usernameField: 'email', passwordField: 'secretKey' });
          }
        }
      `,
      errors: [
        { messageId: 'hardcoded', data: { label: 'passport-jwt secretOrKey', risk: 'sign their own tokens' }, line: 8, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'JWT_SECRET' }, output: code`
          import { Injectable } from '@nestjs/common';
          import { PassportStrategy } from '@nestjs/passport';
          import { ExtractJwt, Strategy } from 'passport-jwt';
          import { Strategy as LocalStrategy } from 'passport-local';
          @Injectable()
          export class JwtStrategy extends PassportStrategy(Strategy) {
            constructor() {
              super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })() });
            }
          }
          @Injectable()
          export class LocalAuth extends PassportStrategy(LocalStrategy) {
            constructor() {
              super({ usernameField: 'email', passwordField: 'secretKey' });
            }
          }
        ` }] },
      ],
      output: null,
    },
    // NestJS (trial 26): @nestjs/jwt's JwtModule secret, as the NestJS docs write it; TypeORM passwords
    {
      code: code`
        import { JwtModule } from '@nestjs/jwt';
        import { TypeOrmModule } from '@nestjs/typeorm';
        import { DataSource } from 'typeorm';
        export const imports = [
          JwtModule.register({ secret: 'dont-use-this-in-prod', signOptions: { expiresIn: '60s' } }),
          TypeOrmModule.forRoot({ type: 'postgres', username: 'postgres', password: 'postgres123' }),
        ];
        export const dataSource = new DataSource({ type: 'mysql', password: 's3cret' });
      `,
      errors: [
        { messageId: 'hardcoded', data: { label: 'JwtModule secret', risk: 'sign their own tokens' }, line: 5, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'JWT_SECRET' }, output: code`
          import { JwtModule } from '@nestjs/jwt';
          import { TypeOrmModule } from '@nestjs/typeorm';
          import { DataSource } from 'typeorm';
          export const imports = [
            JwtModule.register({ secret: process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })(), signOptions: { expiresIn: '60s' } }),
            TypeOrmModule.forRoot({ type: 'postgres', username: 'postgres', password: 'postgres123' }),
          ];
          export const dataSource = new DataSource({ type: 'mysql', password: 's3cret' });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'TypeOrmModule.forRoot() password', risk: 'log in to the database' }, line: 6, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'DB_PASSWORD' }, output: code`
          import { JwtModule } from '@nestjs/jwt';
          import { TypeOrmModule } from '@nestjs/typeorm';
          import { DataSource } from 'typeorm';
          export const imports = [
            JwtModule.register({ secret: 'dont-use-this-in-prod', signOptions: { expiresIn: '60s' } }),
            TypeOrmModule.forRoot({ type: 'postgres', username: 'postgres', password: process.env.DB_PASSWORD || (() => { throw new Error('DB_PASSWORD is not set'); })() }),
          ];
          export const dataSource = new DataSource({ type: 'mysql', password: 's3cret' });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'TypeORM DataSource password', risk: 'log in to the database' }, line: 8, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'DB_PASSWORD' }, output: code`
          import { JwtModule } from '@nestjs/jwt';
          import { TypeOrmModule } from '@nestjs/typeorm';
          import { DataSource } from 'typeorm';
          export const imports = [
            JwtModule.register({ secret: 'dont-use-this-in-prod', signOptions: { expiresIn: '60s' } }),
            TypeOrmModule.forRoot({ type: 'postgres', username: 'postgres', password: 'postgres123' }),
          ];
          export const dataSource = new DataSource({ type: 'mysql', password: process.env.DB_PASSWORD || (() => { throw new Error('DB_PASSWORD is not set'); })() });
        ` }] },
      ],
      output: null,
    },
    // trial 27: a password inside a connection URL: a literal fallback (CJS, the awilix app's container.js), hardcoded
    // URLs of mongoose, pg, mysql2, knex and Sequelize (ESM)
    {
      code: code`
        const { MongoClient } = require('mongodb');
        module.exports = new MongoClient(process.env.MONGO_URL || 'mongodb://admin:hunter2@localhost:27017');
      `,
      filename: 'lib/container.js',
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'fallback',
          data: { label: 'MongoClient connection string password', risk: 'log in to the database' },
          line: 2,
          column: 59,
          suggestions: [{ messageId: 'useEnv', data: { name: 'MONGO_URL' }, output: code`
            const { MongoClient } = require('mongodb');
            module.exports = new MongoClient(process.env.MONGO_URL);
          ` }],
        },
      ],
    },
    {
      code: code`
        import mongoose from 'mongoose';
        import pg from 'pg';
        import mysql from 'mysql2';
        import knex from 'knex';
        import { Sequelize } from 'sequelize';
        await mongoose.connect('mongodb://app:s3cret@db:27017/app');
        export const a = new pg.Pool({ connectionString: 'postgres://app:s3cret@db/app' });
        export const b = mysql.createPool('mysql://app:s3cret@db/app');
        export const c = knex({ client: 'pg', connection: 'postgresql://app:s3cret@db:5432/app?ssl=true' });
        export const d = new Sequelize('postgres://app:s3cret@db:5432/app', { logging: false });
      `,
      errors: [
        { messageId: 'hardcoded', data: { label: 'mongoose.connect() connection string password', risk: 'log in to the database' }, line: 6, suggestions: [{ messageId: 'useEnv', data: { name: 'DATABASE_URL' }, output: code`
          import mongoose from 'mongoose';
          import pg from 'pg';
          import mysql from 'mysql2';
          import knex from 'knex';
          import { Sequelize } from 'sequelize';
          await mongoose.connect(process.env.DATABASE_URL);
          export const a = new pg.Pool({ connectionString: 'postgres://app:s3cret@db/app' });
          export const b = mysql.createPool('mysql://app:s3cret@db/app');
          export const c = knex({ client: 'pg', connection: 'postgresql://app:s3cret@db:5432/app?ssl=true' });
          export const d = new Sequelize('postgres://app:s3cret@db:5432/app', { logging: false });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'pg Pool connection string password', risk: 'log in to the database' }, line: 7, suggestions: [{ messageId: 'useEnv', output: code`
          import mongoose from 'mongoose';
          import pg from 'pg';
          import mysql from 'mysql2';
          import knex from 'knex';
          import { Sequelize } from 'sequelize';
          await mongoose.connect('mongodb://app:s3cret@db:27017/app');
          export const a = new pg.Pool({ connectionString: process.env.DATABASE_URL });
          export const b = mysql.createPool('mysql://app:s3cret@db/app');
          export const c = knex({ client: 'pg', connection: 'postgresql://app:s3cret@db:5432/app?ssl=true' });
          export const d = new Sequelize('postgres://app:s3cret@db:5432/app', { logging: false });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'mysql2.createPool() connection string password', risk: 'log in to the database' }, line: 8, suggestions: [{ messageId: 'useEnv', output: code`
          import mongoose from 'mongoose';
          import pg from 'pg';
          import mysql from 'mysql2';
          import knex from 'knex';
          import { Sequelize } from 'sequelize';
          await mongoose.connect('mongodb://app:s3cret@db:27017/app');
          export const a = new pg.Pool({ connectionString: 'postgres://app:s3cret@db/app' });
          export const b = mysql.createPool(process.env.DATABASE_URL);
          export const c = knex({ client: 'pg', connection: 'postgresql://app:s3cret@db:5432/app?ssl=true' });
          export const d = new Sequelize('postgres://app:s3cret@db:5432/app', { logging: false });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'knex connection string password', risk: 'log in to the database' }, line: 9, suggestions: [{ messageId: 'useEnv', output: code`
          import mongoose from 'mongoose';
          import pg from 'pg';
          import mysql from 'mysql2';
          import knex from 'knex';
          import { Sequelize } from 'sequelize';
          await mongoose.connect('mongodb://app:s3cret@db:27017/app');
          export const a = new pg.Pool({ connectionString: 'postgres://app:s3cret@db/app' });
          export const b = mysql.createPool('mysql://app:s3cret@db/app');
          export const c = knex({ client: 'pg', connection: process.env.DATABASE_URL });
          export const d = new Sequelize('postgres://app:s3cret@db:5432/app', { logging: false });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'Sequelize connection string password', risk: 'log in to the database' }, line: 10, suggestions: [{ messageId: 'useEnv', output: code`
          import mongoose from 'mongoose';
          import pg from 'pg';
          import mysql from 'mysql2';
          import knex from 'knex';
          import { Sequelize } from 'sequelize';
          await mongoose.connect('mongodb://app:s3cret@db:27017/app');
          export const a = new pg.Pool({ connectionString: 'postgres://app:s3cret@db/app' });
          export const b = mysql.createPool('mysql://app:s3cret@db/app');
          export const c = knex({ client: 'pg', connection: 'postgresql://app:s3cret@db:5432/app?ssl=true' });
          export const d = new Sequelize(process.env.DATABASE_URL, { logging: false });
        ` }] },
      ],
      filename: 'db.mjs',
      output: null,
    },
    // database passwords: mysql2, pg, knex, sequelize (TS)
    {
      code: code`
        import mysql from 'mysql2/promise';
        import { Pool } from 'pg';
        import knex from 'knex';
        import { Sequelize } from 'sequelize';
        export const a = mysql.createPool({ host: 'db', user: 'app', password: 'hunter2' });
        export const b = new Pool({ password: 'hunter2' as string });
        export const c = knex({ client: 'pg', connection: { host: 'db', password: 'hunter2' } });
        export const d = new Sequelize('app', 'app', 'hunter2', { dialect: 'postgres' });
      `,
      filename: 'db.ts',
      errors: [
        { messageId: 'hardcoded', data: { label: 'mysql2/promise.createPool() password', risk: 'log in to the database' }, line: 5, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'DB_PASSWORD' }, output: code`
          import mysql from 'mysql2/promise';
          import { Pool } from 'pg';
          import knex from 'knex';
          import { Sequelize } from 'sequelize';
          export const a = mysql.createPool({ host: 'db', user: 'app', password: process.env.DB_PASSWORD || (() => { throw new Error('DB_PASSWORD is not set'); })() });
          export const b = new Pool({ password: 'hunter2' as string });
          export const c = knex({ client: 'pg', connection: { host: 'db', password: 'hunter2' } });
          export const d = new Sequelize('app', 'app', 'hunter2', { dialect: 'postgres' });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'pg.Pool() password', risk: 'log in to the database' }, line: 6, suggestions: [{ messageId: 'useEnvOrThrow', output: code`
          import mysql from 'mysql2/promise';
          import { Pool } from 'pg';
          import knex from 'knex';
          import { Sequelize } from 'sequelize';
          export const a = mysql.createPool({ host: 'db', user: 'app', password: 'hunter2' });
          export const b = new Pool({ password: process.env.DB_PASSWORD || (() => { throw new Error('DB_PASSWORD is not set'); })() });
          export const c = knex({ client: 'pg', connection: { host: 'db', password: 'hunter2' } });
          export const d = new Sequelize('app', 'app', 'hunter2', { dialect: 'postgres' });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'knex() password', risk: 'log in to the database' }, line: 7, suggestions: [{ messageId: 'useEnvOrThrow', output: code`
          import mysql from 'mysql2/promise';
          import { Pool } from 'pg';
          import knex from 'knex';
          import { Sequelize } from 'sequelize';
          export const a = mysql.createPool({ host: 'db', user: 'app', password: 'hunter2' });
          export const b = new Pool({ password: 'hunter2' as string });
          export const c = knex({ client: 'pg', connection: { host: 'db', password: process.env.DB_PASSWORD || (() => { throw new Error('DB_PASSWORD is not set'); })() } });
          export const d = new Sequelize('app', 'app', 'hunter2', { dialect: 'postgres' });
        ` }] },
        { messageId: 'hardcoded', data: { label: 'sequelize.Sequelize() password', risk: 'log in to the database' }, line: 8, suggestions: [{ messageId: 'useEnvOrThrow', output: code`
          import mysql from 'mysql2/promise';
          import { Pool } from 'pg';
          import knex from 'knex';
          import { Sequelize } from 'sequelize';
          export const a = mysql.createPool({ host: 'db', user: 'app', password: 'hunter2' });
          export const b = new Pool({ password: 'hunter2' as string });
          export const c = knex({ client: 'pg', connection: { host: 'db', password: 'hunter2' } });
          export const d = new Sequelize('app', 'app', process.env.DB_PASSWORD || (() => { throw new Error('DB_PASSWORD is not set'); })(), { dialect: 'postgres' });
        ` }] },
      ],
      output: null,
    },
    // passport-jwt's README pattern: an empty object filled in later; an express-session secret array
    {
      code: code`
        const JwtStrategy = require('passport-jwt').Strategy;
        const session = require('express-session');
        var opts = {};
        opts.secretOrKey = 'secret';
        passport.use(new JwtStrategy(opts, verify));
        app.use(session({ secret: ['new secret', 'old secret'] }));
      `,
      languageOptions: commonjs,
      filename: 'app.js',
      errors: [
        { messageId: 'hardcoded', data: { label: 'passport-jwt secretOrKey', risk: 'sign their own tokens' }, line: 4, suggestions: [{ messageId: 'useEnv', output: code`
          const JwtStrategy = require('passport-jwt').Strategy;
          const session = require('express-session');
          var opts = {};
          opts.secretOrKey = process.env.JWT_SECRET;
          passport.use(new JwtStrategy(opts, verify));
          app.use(session({ secret: ['new secret', 'old secret'] }));
        ` }] },
        { messageId: 'hardcoded', data: { label: 'express-session secret', risk: 'forge or tamper with session cookies' }, line: 6, suggestions: [{ messageId: 'useEnv', output: code`
          const JwtStrategy = require('passport-jwt').Strategy;
          const session = require('express-session');
          var opts = {};
          opts.secretOrKey = 'secret';
          passport.use(new JwtStrategy(opts, verify));
          app.use(session({ secret: [process.env.SESSION_SECRET] }));
        ` }] },
      ],
      output: null,
    },
    // TS import = require, a later write of the secret
    {
      code: code`
        import session = require('express-session');
        const opts: session.SessionOptions = { secret: process.env.S! };
        opts.secret = 'changed-later';
        export = session(opts);
      `,
      filename: 'app.ts',
      errors: [{ messageId: 'hardcoded', line: 3, suggestions: [{ messageId: 'useEnvOrThrow', output: code`
        import session = require('express-session');
        const opts: session.SessionOptions = { secret: process.env.S! };
        opts.secret = process.env.SESSION_SECRET || (() => { throw new Error('SESSION_SECRET is not set'); })();
        export = session(opts);
      ` }] }],
      output: null,
    },
      // 'changeme' and a redaction-looking '********' ship: they work as keys when left in place (postgres, not SQLite)
    {
      code: code`
        import { Sequelize } from 'sequelize';
        export const db = new Sequelize('app', 'app', 'changeme', { dialect: 'postgres' });
        export const other = new Sequelize('app', 'app', '********', { dialect: 'mysql' });
      `,
      filename: 'app.js',
      errors: [
        { messageId: 'hardcoded', line: 2, suggestions: [{ messageId: 'useEnv', output: code`
          import { Sequelize } from 'sequelize';
          export const db = new Sequelize('app', 'app', process.env.DB_PASSWORD, { dialect: 'postgres' });
          export const other = new Sequelize('app', 'app', '********', { dialect: 'mysql' });
        ` }] },
        { messageId: 'hardcoded', line: 3, suggestions: [{ messageId: 'useEnv', output: code`
          import { Sequelize } from 'sequelize';
          export const db = new Sequelize('app', 'app', 'changeme', { dialect: 'postgres' });
          export const other = new Sequelize('app', 'app', process.env.DB_PASSWORD, { dialect: 'mysql' });
        ` }] },
      ],
      output: null,
    },
    // TypeScript: `process.env.X` is `string | undefined`, which express-session's and jsonwebtoken's typings reject
    // under `strict`; the suggestion throws when it is not set (its type is then `string`), with no literal and no `!`
    {
      code: code`
        import session from 'express-session';
        import jwt from 'jsonwebtoken';
        export const a = session({ secret: 'keyboard cat', resave: false, saveUninitialized: false });
        export const t = (sub: string) => jwt.sign({ sub }, 'jwt-secret');
      `,
      filename: 'app.ts',
      errors: [
        { messageId: 'hardcoded', line: 3, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'SESSION_SECRET' }, output: code`
          import session from 'express-session';
          import jwt from 'jsonwebtoken';
          export const a = session({ secret: process.env.SESSION_SECRET || (() => { throw new Error('SESSION_SECRET is not set'); })(), resave: false, saveUninitialized: false });
          export const t = (sub: string) => jwt.sign({ sub }, 'jwt-secret');
        ` }] },
        { messageId: 'hardcoded', line: 4, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'JWT_SECRET' }, output: code`
          import session from 'express-session';
          import jwt from 'jsonwebtoken';
          export const a = session({ secret: 'keyboard cat', resave: false, saveUninitialized: false });
          export const t = (sub: string) => jwt.sign({ sub }, process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })());
        ` }] },
      ],
      output: null,
    },
    // TypeScript fallbacks: the variable the code reads is kept and named; `??` operands get parentheses
    {
      code: code`
        import session from 'express-session';
        import { config } from './config';
        export const a = session({ secret: process.env['OTHER'] ?? 'dev-secret' });
        export const b = session({ secret: process.env.A ?? process.env.B ?? 'dev-secret' });
        export const c = session({ secret: config.sessionSecret || 'dev-secret' });
      `,
      filename: 'app.mts',
      errors: [
        { messageId: 'fallback', line: 3, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'OTHER' }, output: code`
          import session from 'express-session';
          import { config } from './config';
          export const a = session({ secret: process.env['OTHER'] || (() => { throw new Error('OTHER is not set'); })() });
          export const b = session({ secret: process.env.A ?? process.env.B ?? 'dev-secret' });
          export const c = session({ secret: config.sessionSecret || 'dev-secret' });
        ` }] },
        { messageId: 'fallback', line: 4, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'SESSION_SECRET' }, output: code`
          import session from 'express-session';
          import { config } from './config';
          export const a = session({ secret: process.env['OTHER'] ?? 'dev-secret' });
          export const b = session({ secret: (process.env.A ?? process.env.B) || (() => { throw new Error('SESSION_SECRET is not set'); })() });
          export const c = session({ secret: config.sessionSecret || 'dev-secret' });
        ` }] },
        { messageId: 'fallback', line: 5, suggestions: [{ messageId: 'useEnvOrThrow', data: { name: 'SESSION_SECRET' }, output: code`
          import session from 'express-session';
          import { config } from './config';
          export const a = session({ secret: process.env['OTHER'] ?? 'dev-secret' });
          export const b = session({ secret: process.env.A ?? process.env.B ?? 'dev-secret' });
          export const c = session({ secret: config.sessionSecret || (() => { throw new Error('config.sessionSecret is not set'); })() });
        ` }] },
      ],
      output: null,
    },
    // TypeScript in the file's style: double quotes, no semicolons
    {
      code: code`
        import session = require("express-session")
        const options = { secret: "keyboard cat" }
        export = session(options)
      `,
      filename: 'app.cts',
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [{ messageId: 'useEnvOrThrow', output: code`
        import session = require("express-session")
        const options = { secret: process.env.SESSION_SECRET || (() => { throw new Error("SESSION_SECRET is not set") })() }
        export = session(options)
      ` }] }],
      output: null,
    },
    // an extensionless script: TypeScript when typescript-eslint parses it, JavaScript with ESLint's own parser
    {
      code: code`
        const session = require('express-session');
        module.exports = session({ secret: 'keyboard cat' });
      `,
      filename: 'bin/www',
      languageOptions: commonjs,
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [{ messageId: 'useEnvOrThrow', output: code`
        const session = require('express-session');
        module.exports = session({ secret: process.env.SESSION_SECRET || (() => { throw new Error('SESSION_SECRET is not set'); })() });
      ` }] }],
      output: null,
    },
    {
      code: code`
        const session = require('express-session');
        module.exports = session({ secret: 'keyboard cat' });
      `,
      filename: 'bin/www',
      languageOptions: { ...commonjs, parser: espree },
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [{ messageId: 'useEnv', output: code`
        const session = require('express-session');
        module.exports = session({ secret: process.env.SESSION_SECRET });
      ` }] }],
      output: null,
    },
    // a string-literal HMAC key (CJS, require('crypto'))
    {
      code: code`
        const crypto = require('crypto');
        module.exports = (body) => crypto.createHmac('sha256', 'webhook-secret-123').update(body).digest('hex');
      `,
      languageOptions: commonjs,
      filename: 'app.js',
      errors: [{ messageId: 'hardcoded', data: { label: 'crypto.createHmac() key', risk: 'sign data the app trusts' }, line: 2, suggestions: [{ messageId: 'useEnv', data: { name: 'HMAC_SECRET' }, output: code`
        const crypto = require('crypto');
        module.exports = (body) => crypto.createHmac('sha256', process.env.HMAC_SECRET).update(body).digest('hex');
      ` }] }],
      output: null,
    },
    // a string-literal HMAC key (ESM named import from node:crypto) in a file not named like an example
    {
      code: code`
        import { createHmac } from 'node:crypto';
        const KEY = 'k3y';
        export const sign = (body) => createHmac('sha1', KEY).update(body).digest('hex');
      `,
      filename: '/app/src/example-webhooks.js',
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [{ messageId: 'useEnv', output: code`
        import { createHmac } from 'node:crypto';
        const KEY = process.env.HMAC_SECRET;
        export const sign = (body) => createHmac('sha1', KEY).update(body).digest('hex');
      ` }] }],
      output: null,
    },
  ],
});

runRuleTests('no-hardcoded-secrets (a parameter default as the key)', rule, {
  valid: [
    // the default read from the environment; a key the caller must pass; a parameter the function writes over (CJS)
    {
      code: code`
        const jwt = require('jsonwebtoken');
        exports.a = (userId, secret = process.env.JWT_SECRET) => jwt.sign({ sub: userId }, secret);
        exports.b = (userId, secret) => jwt.sign({ sub: userId }, secret);
        exports.c = (userId, secret = 'dev-only-secret') => {
          secret = loadSecret();
          return jwt.sign({ sub: userId }, secret);
        };
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    // trial 29 (node-express-boilerplate's token service): `generateToken(userId, expires, type, secret =
    // config.jwt.secret)` signs with the config's literal fallback whenever a caller leaves the key out (CJS)
    {
      code: code`
        const jwt = require('jsonwebtoken');
        const config = { jwtSecret: process.env.JWT_SECRET || 'thisisasamplesecret' };
        const generateToken = (userId, expires, type, secret = config.jwtSecret) => jwt.sign({ sub: userId, exp: expires, type }, secret);
        module.exports = { generateToken };
      `,
      filename: 'token.service.js',
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'fallback',
          data: { label: 'jwt.sign() key', risk: 'sign their own tokens' },
          line: 2,
          column: 55,
          suggestions: [{ messageId: 'useEnv', data: { name: 'JWT_SECRET' }, output: code`
            const jwt = require('jsonwebtoken');
            const config = { jwtSecret: process.env.JWT_SECRET };
            const generateToken = (userId, expires, type, secret = config.jwtSecret) => jwt.sign({ sub: userId, exp: expires, type }, secret);
            module.exports = { generateToken };
          ` }],
        },
      ],
    },
    // a literal default, ESM function declaration and TypeScript method
    {
      code: code`
        import jwt from 'jsonwebtoken';
        export function sign(payload, key = 'dev-signing-key') {
          return jwt.sign(payload, key);
        }
      `,
      filename: 'sign.mjs',
      errors: [{ messageId: 'hardcoded', data: { label: 'jwt.sign() key', risk: 'sign their own tokens' }, line: 2, suggestions: [{ messageId: 'useEnv', data: { name: 'JWT_SECRET' }, output: code`
        import jwt from 'jsonwebtoken';
        export function sign(payload, key = process.env.JWT_SECRET) {
          return jwt.sign(payload, key);
        }
      ` }] }],
    },
    {
      code: code`
        import jwt from 'jsonwebtoken';
        export class Tokens {
          issue(payload: object, key: string = 'dev-signing-key'): string {
            return jwt.sign(payload, key);
          }
        }
      `,
      filename: 'tokens.ts',
      errors: [{ messageId: 'hardcoded', line: 3, suggestions: [{ messageId: 'useEnvOrThrow', output: code`
        import jwt from 'jsonwebtoken';
        export class Tokens {
          issue(payload: object, key: string = process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })()): string {
            return jwt.sign(payload, key);
          }
        }
      ` }] }],
    },
  ],
});
