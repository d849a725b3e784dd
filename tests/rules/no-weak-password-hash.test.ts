import rule from '../../src/rules/no-weak-password-hash';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

const FAST = (fn: string, algorithm: string) => ({ messageId: 'fastHash' as const, data: { fn, algorithm } });
const BCRYPT = (cost: number, minimum = 10) => ({
  messageId: 'lowBcryptCost' as const,
  data: { cost: String(cost), minimum: String(minimum) },
});

runRuleTests('no-weak-password-hash', rule, {
  valid: [
    // session 25: SWC's interop helper (`_interop_require_wildcard` too) with OWASP's iterations (CommonJS)
    {
      code: code`
        "use strict";
        const _crypto = /*#__PURE__*/ _interop_require_wildcard(require("crypto"));
        function _interop_require_wildcard(obj) { return obj; }
        _crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');
      `,
      languageOptions: commonjs,
    },
    // session 24 (Directus's matchRedirectUri): the userinfo of two URLs compared, `password` of `new URL(...)`, not a
    // login: CommonJS (`require('url').URL`), ESM (a `let` written in a `try`), TypeScript (a parameter typed `URL`)
    {
      code: code`
        const express = require('express');
        const { URL } = require('url');
        function sameOrigin(a, b) {
          const regUrl = new URL(a);
          const reqUrl = new url.URL(b);
          return regUrl.username === reqUrl.username && regUrl.password === reqUrl.password;
        }
        module.exports = { sameOrigin };
      `,
      languageOptions: commonjs,
    },
    code`
      import express from 'express';
      export function matchRedirectUri(requested, registered) {
        let reqUrl;
        try { reqUrl = new URL(requested); } catch { return false; }
        if (reqUrl.username || reqUrl.password) return false;
        return registered.some((reg) => {
          const regUrl = new URL(reg);
          return regUrl.password === reqUrl.password && new URL(reg).password == reqUrl.password;
        });
      }
    `,
    {
      code: code`
        import type { Request } from 'express';
        export function sameUser(stored: URL, req: Request) {
          return stored.password === new URL(String(req.query.u)).password;
        }
      `,
      filename: 'match.ts',
    },
    // trial 17 (thelounge's ClientManager.loadUser, compiled): a user's file is read again, and its password copied onto
    // the client's when they differ: a sync of two kept values, not a login
    {
      code: code`
        const express_1 = __importDefault(require('express'));
        class ClientManager {
          loadUser(name) {
            const userConfig = this.readUserConfig(name);
            let client = this.findClient(name);
            if (client) {
              if (userConfig.password !== client.config.password) {
                client.config.password = userConfig.password;
              }
            }
          }
        }
        module.exports = ClientManager;
      `,
      languageOptions: commonjs,
    },
    code`
      import type { Request } from 'express';
      export function refresh(stored: { password: string }, cached: { password: string }, _req: Request) {
        if (cached.password != stored.password) cached.password = stored.password;
      }
    `,
    // trial 18: the sync may do more than copy, as long as the comparison decides nothing else: a save, a callback
    // that returns (its own function's return)
    {
      code: code`
        const express = require('express');
        class ClientManager {
          loadUser(userConfig, client) {
            if (userConfig.password !== client.config.password) {
              client.config.password = userConfig.password;
              this.save(client, (err) => { if (err) return console.error(err); });
            }
          }
        }
        module.exports = ClientManager;
      `,
      languageOptions: commonjs,
    },
    // fast hashes of things that are not passwords
    { code: code`
        const crypto = require('crypto');
        const etag = crypto.createHash('sha1').update(body).digest('hex');
        const id = crypto.createHash('md5').update(user.email).digest('hex');
        const mac = crypto.createHmac('sha256', key).update(payload).digest();
        const h = crypto.createHash('sha256');
        h.update(fileContents);
        const passport = crypto.createHash('sha256').update(passportNumber).digest('hex');
      `, languageOptions: commonjs },
    // a local createHash that is not Node's
    code`
      const createHash = (alg) => ({ update: () => ({}) });
      createHash('md5').update(password);
    `,
    // strong settings
    { code: code`
        const bcrypt = require('bcrypt');
        const ROUNDS = 12;
        bcrypt.hash(password, 10);
        bcrypt.hashSync(password, ROUNDS);
        bcrypt.genSalt(12);
        bcrypt.hash(password, salt);
        bcrypt.hash(password, Number(process.env.ROUNDS));
      `, languageOptions: commonjs },
    code`
      import argon2 from 'argon2';
      await argon2.hash(password);
      await argon2.hash(password, { type: argon2.argon2id });
      await argon2.hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
      await argon2.hash(password, { memoryCost: 12288, timeCost: 3 });
      await argon2.hash(password, { memoryCost: 2 ** 16 });
      await argon2.hash(password, { timeCost: 1 });
      await argon2.hash(password, { ...defaults, timeCost: 1 });
      await argon2.hash(password, options);
    `,
    code`
      import { hash } from '@node-rs/argon2';
      await hash(password, { memoryCost: 19456 });
    `,
    code`
      import { pbkdf2Sync, pbkdf2 } from 'node:crypto';
      pbkdf2Sync(password, salt, 600000, 32, 'sha256');
      pbkdf2Sync(password, salt, 210000, 64, 'sha512');
      pbkdf2(password, salt, iterations, 32, 'sha256', cb);
      pbkdf2Sync(password, salt, 300000, 32, digest);
    `,
    // a bcrypt that is not the module
    code`
      const bcrypt = { hash: (p, n) => p };
      bcrypt.hash(password, 4);
    `,
    // comparisons that are not a plaintext check
    code`
      if (password === '') {}
      if (typeof password === 'string') {}
      if (password.length === 0) {}
      if (req.body.password !== req.body.confirmPassword) {}
      if (password === passwordConfirmation) {}
      if (user.password === null) {}
      if (newPassword === user.password) {}
      if (password === repeatPassword) {}
      if (user.email === req.body.email) {}
      const ok = await bcrypt.compare(password, user.passwordHash);
    `,
    // both sides sent by the client
    code`
      import express from 'express';
      const app = express();
      app.post('/x', (req, res) => { if (req.body.password === req.query.password) res.end(); });
    `,
    // unusual syntax does not crash the rule
    code`
      import crypto from 'crypto';
      crypto.createHash();
      crypto.createHash(...args).update(...more);
      crypto.pbkdf2Sync();
      class A { #password = 1; check(x) { return #password in x; } }
    `,
  ],
  invalid: [
    // the classic: md5 of the password, CommonJS
    {
      code: code`
        const crypto = require('crypto');
        function store(user, password) {
          user.hash = crypto.createHash('md5').update(password).digest('hex');
        }
      `,
      languageOptions: commonjs,
      errors: [{ ...FAST('createHash', 'md5'), line: 3, column: 15 }],
      output: null,
    },
    // ESM named import, data through a hash object and a salt
    {
      code: code`
        import { createHash } from 'node:crypto';
        const h = createHash('sha512');
        h.update(salt);
        h.update(req.body.password);
        const digest = h.digest('hex');
      `,
      errors: [{ ...FAST('createHash', 'sha512'), line: 2 }],
      output: null,
    },
    // namespace import, concatenated data, HMAC, algorithm from a const, Buffer.from
    {
      code: code`
        import * as crypto from 'crypto';
        const ALG = 'sha256';
        const a = crypto.createHash(ALG).update(salt + password).digest('hex');
        const b = crypto.createHmac('sha1', pepper).update(Buffer.from(userPassword)).digest('hex');
        const c = crypto.createHash(algorithm).update(\`\${salt}:\${pwd.trim()}\`).digest('hex');
        const d = crypto.hash('sha1', password);
      `,
      errors: [FAST('createHash', 'sha256'), FAST('createHmac', 'sha1'), FAST('createHash', '…'), FAST('hash', 'sha1')],
      output: null,
    },
    // trial 22 r2: a password with a default or a choice is still the password (juice-shop:
    // `security.hash(req.body.password || '')`), in CommonJS, through a const too
    {
      code: code`
        const crypto = require('crypto');
        app.post('/login', (req, res) => {
          const a = crypto.createHash('md5').update(req.body.password || '').digest('hex');
          const b = crypto.createHash('sha1').update(req.body.password ?? '').digest('hex');
          const typed = req.body.password || '';
          const c = crypto.createHash('sha256').update(typed).digest('hex');
          const d = crypto.createHash('md5').update(req.body.reset ? req.body.newPassword : '').digest('hex');
          const e = crypto.createHash('md5').update(req.body.nickname || '').digest('hex');
          res.json({ a, b, c, d, e });
        });
      `,
      languageOptions: commonjs,
      errors: [
        { ...FAST('createHash', 'md5'), line: 3 },
        { ...FAST('createHash', 'sha1'), line: 4 },
        { ...FAST('createHash', 'sha256'), line: 6 },
        { ...FAST('createHash', 'md5'), line: 7 },
      ],
      output: null,
    },
    // TS import = require
    {
      code: code`
        import crypto = require('crypto');
        export const hashPassword = (plain: string): string =>
          crypto.createHash('sha256').update(plain as string).update(String(newPassword)).digest('hex');
      `,
      filename: 'hash.ts',
      errors: [FAST('createHash', 'sha256')],
      output: null,
    },
    // bcrypt cost below 10: literal raised, a const's literal raised
    {
      code: code`
        const bcrypt = require('bcrypt');
        const SALT_ROUNDS = 8;
        bcrypt.hash(password, 5);
        bcrypt.hashSync(password, SALT_ROUNDS);
        bcrypt.genSalt(6);
        bcrypt.genSaltSync(4, 'b');
      `,
      languageOptions: commonjs,
      errors: [
        { ...BCRYPT(5), line: 3, column: 23 },
        { ...BCRYPT(8), line: 4, column: 27 },
        { ...BCRYPT(6), line: 5 },
        { ...BCRYPT(4), line: 6 },
      ],
      output: code`
        const bcrypt = require('bcrypt');
        const SALT_ROUNDS = 10;
        bcrypt.hash(password, 10);
        bcrypt.hashSync(password, SALT_ROUNDS);
        bcrypt.genSalt(10);
        bcrypt.genSaltSync(10, 'b');
      `,
    },
    // trial 12: a const read for something else too (MAX_LOGIN_ATTEMPTS): raising it would change that value, so the
    // fix raises the call's argument alone and the const keeps its 8
    {
      code: code`
        const bcrypt = require('bcrypt');
        const COST = 8;
        const MAX_LOGIN_ATTEMPTS = COST;
        exports.hash = (password) => bcrypt.hash(password, COST);
        exports.maxAttempts = MAX_LOGIN_ATTEMPTS;
      `,
      languageOptions: commonjs,
      errors: [{ ...BCRYPT(8), line: 4, column: 52 }],
      output: code`
        const bcrypt = require('bcrypt');
        const COST = 8;
        const MAX_LOGIN_ATTEMPTS = COST;
        exports.hash = (password) => bcrypt.hash(password, 10);
        exports.maxAttempts = MAX_LOGIN_ATTEMPTS;
      `,
    },
    // a const exported with the module object: other files may read it
    {
      code: code`
        const bcrypt = require('bcrypt');
        const ROUNDS = 6;
        bcrypt.hashSync(password, ROUNDS);
        module.exports = { ROUNDS };
      `,
      languageOptions: commonjs,
      errors: [BCRYPT(6)],
      output: code`
        const bcrypt = require('bcrypt');
        const ROUNDS = 6;
        bcrypt.hashSync(password, 10);
        module.exports = { ROUNDS };
      `,
    },
    // ESM: an exported const is not local, even when this file only hashes with it
    {
      code: code`
        import bcrypt from 'bcrypt';
        export const SALT_ROUNDS = 8;
        export const hashPassword = (password) => bcrypt.hash(password, SALT_ROUNDS);
      `,
      errors: [BCRYPT(8)],
      output: code`
        import bcrypt from 'bcrypt';
        export const SALT_ROUNDS = 8;
        export const hashPassword = (password) => bcrypt.hash(password, 10);
      `,
    },
    // ESM: the literal lives in another const (B = A): A is raised only through the argument
    {
      code: code`
        import bcrypt from 'bcrypt';
        const A = 8;
        const B = A;
        await bcrypt.hash(password, B);
      `,
      errors: [BCRYPT(8)],
      output: code`
        import bcrypt from 'bcrypt';
        const A = 8;
        const B = A;
        await bcrypt.hash(password, 10);
      `,
    },
    // TS: every read of the const is a bcrypt cost (through \`as\`, in two calls): the const itself is raised
    {
      code: code`
        import * as bcrypt from 'bcryptjs';
        const ROUNDS: number = 8;
        export async function hashPassword(password: string): Promise<string> {
          const salt = await bcrypt.genSalt(ROUNDS as number);
          return bcrypt.hash(password, ROUNDS);
        }
      `,
      errors: [BCRYPT(8), BCRYPT(8)],
      output: code`
        import * as bcrypt from 'bcryptjs';
        const ROUNDS: number = 10;
        export async function hashPassword(password: string): Promise<string> {
          const salt = await bcrypt.genSalt(ROUNDS as number);
          return bcrypt.hash(password, ROUNDS);
        }
      `,
    },
    // TS: a const also read outside bcrypt (a type query does not count as a cost)
    {
      code: code`
        import bcrypt from 'bcrypt';
        const ROUNDS = 8;
        const retries: number = ROUNDS;
        export const hashPassword = (password: string) => bcrypt.hash(password, ROUNDS);
      `,
      errors: [BCRYPT(8)],
      output: code`
        import bcrypt from 'bcrypt';
        const ROUNDS = 8;
        const retries: number = ROUNDS;
        export const hashPassword = (password: string) => bcrypt.hash(password, 10);
      `,
    },
    // bcryptjs named import; a cost that cannot be rewritten in place (an expression)
    {
      name: 'partial fix: bcryptjs, an expression cost is reported without a fix',
      code: code`
        import { hash, genSaltSync } from 'bcryptjs';
        await hash(password, 4 + 4);
        genSaltSync(7);
      `,
      errors: [BCRYPT(8), BCRYPT(7)],
      output: code`
        import { hash, genSaltSync } from 'bcryptjs';
        await hash(password, 4 + 4);
        genSaltSync(10);
      `,
    },
    // the option raises the bar
    {
      code: code`
        import bcrypt from 'bcrypt';
        await bcrypt.hash(password, 10);
      `,
      options: [{ bcryptMinCost: 12 }],
      errors: [BCRYPT(10, 12)],
      output: code`
        import bcrypt from 'bcrypt';
        await bcrypt.hash(password, 12);
      `,
    },
    // argon2 below OWASP's pairs (defaults fill what is not set)
    {
      code: code`
        import argon2 from 'argon2';
        const weak = { memoryCost: 4096, timeCost: 3 };
        await argon2.hash(password, weak);
        await argon2.hash(password, { timeCost: 1, memoryCost: 32768 });
        await argon2.hash(password, { memoryCost: 8192, timeCost: 2, parallelism: 1 });
      `,
      errors: [
        { messageId: 'weakArgon2', data: { memoryCost: '4096', timeCost: '3' }, line: 3, column: 29 },
        { messageId: 'weakArgon2', data: { memoryCost: '32768', timeCost: '1' }, line: 4 },
        { messageId: 'weakArgon2', data: { memoryCost: '8192', timeCost: '2' }, line: 5 },
      ],
      output: null,
    },
    {
      code: code`
        const { hashSync } = require('@node-rs/argon2');
        hashSync(password, { memoryCost: 19456, timeCost: 1 });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'weakArgon2', data: { memoryCost: '19456', timeCost: '1' } }],
      output: null,
    },
    // session 25: SWC's CommonJS output (payload 2.32 dist/auth/strategies/local/generatePasswordSaltHash.js:27): the
    // helper `_interop_require_default`, declared after its calls, gives crypto's module as `.default`
    {
      code: code`
        "use strict";
        const _crypto = /*#__PURE__*/ _interop_require_default(require("crypto"));
        function _interop_require_default(obj) {
            return obj && obj.__esModule ? obj : { default: obj };
        }
        function pbkdf2Promisified(password, salt) {
            return new Promise((resolve, reject)=>_crypto.default.pbkdf2(password, salt, 25000, 512, 'sha256', (err, hashRaw)=>err ? reject(err) : resolve(hashRaw)));
        }
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'lowPbkdf2Iterations', data: { fn: 'pbkdf2', iterations: '25000', digest: 'sha256', minimum: '600,000' }, line: 7, column: 82 }],
      output: null,
    },
    // pbkdf2 below OWASP's iterations for its digest
    {
      code: code`
        const crypto = require('crypto');
        crypto.pbkdf2Sync(password, salt, 10000, 64, 'sha512');
        crypto.pbkdf2(password, salt, 100000, 32, 'SHA-256', done);
        crypto.pbkdf2Sync(password, salt, 1000000, 20, 'sha1');
        crypto.pbkdf2Sync(password, salt, 1000, 32, digest);
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'lowPbkdf2Iterations', data: { fn: 'pbkdf2Sync', iterations: '10000', digest: 'sha512', minimum: '210,000' }, line: 2, column: 35 },
        { messageId: 'lowPbkdf2Iterations', data: { fn: 'pbkdf2', iterations: '100000', digest: 'sha256', minimum: '600,000' } },
        { messageId: 'lowPbkdf2Iterations', data: { fn: 'pbkdf2Sync', iterations: '1000000', digest: 'sha1', minimum: '1,300,000' } },
        { messageId: 'lowPbkdf2Iterations', data: { fn: 'pbkdf2Sync', iterations: '1000', digest: 'its digest', minimum: '210,000' } },
      ],
      output: null,
    },
    // session 24: the twins of Directus's URL match. A `password` of an object that is not only ever a URL (a `let` also
    // written a user, a parameter typed otherwise) is still a password (CommonJS, ESM, TypeScript)
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/login', async (req, res) => {
          let account = new URL(req.body.url);
          account = await db.findUser(req.body.name);
          if (account.password === req.body.password) res.json({ ok: true });
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'plaintextCompare', data: { text: 'account.password === req.body.password', operator: '===' }, line: 6 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', async (req, res) => {
          const url = new URL(req.body.url);
          const user = await db.findUser(url.username);
          if (user.password === url.password) res.json({ ok: true });
        });
      `,
      errors: [{ messageId: 'plaintextCompare', data: { text: 'user.password === url.password', operator: '===' }, line: 6 }],
      output: null,
    },
    {
      code: code`
        import type { Request } from 'express';
        export function check(stored: { password: string }, req: Request) {
          return stored.password === req.body.password;
        }
      `,
      filename: 'check-url.ts',
      errors: [{ messageId: 'plaintextCompare', data: { text: 'stored.password === req.body.password', operator: '===' }, line: 3 }],
      output: null,
    },
    // trial 17: the twins of thelounge's sync. A comparison whose branch copies the request's password onto the kept one
    // (a plaintext store), or does something else than copy, still reports; so does a copy under a login check
    {
      code: code`
        const express = require('express');
        const app = express();
        app.post('/password', (req, res) => {
          if (user.password !== req.body.password) user.password = req.body.password;
          if (userConfig.password !== client.config.password) { client.config.token = null; }
          if (userConfig.password === client.config.password) { client.config.password = userConfig.password; }
          res.end();
        });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'plaintextCompare', data: { text: 'user.password !== req.body.password', operator: '!==' }, line: 4 },
        { messageId: 'plaintextCompare', data: { text: 'userConfig.password !== client.config.password', operator: '!==' }, line: 5 },
        { messageId: 'plaintextCompare', data: { text: 'userConfig.password === client.config.password', operator: '===' }, line: 6 },
      ],
      output: null,
    },
    // trial 18: a copy that also decides a login is a login check: an else branch that grants access, or a block that
    // answers and returns (CommonJS, ESM, TypeScript); the sync alone (no else, no exit) stays valid above
    {
      code: code`
        const express = require('express');
        const app = express();
        app.get('/me', (req, res) => {
          if (cached.password !== account.password) {
            cached.password = account.password;
          } else {
            return res.json({ token: account.token });
          }
          res.sendStatus(401);
        });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'plaintextCompare', data: { text: 'cached.password !== account.password', operator: '!==' }, line: 4 }],
      output: null,
    },
    {
      code: code`
        import express from 'express';
        const app = express();
        app.get('/settings', (req, res) => {
          if (cached.password !== account.password) {
            cached.password = account.password;
            return res.redirect('/login');
          }
          res.json({ theme: account.theme });
        });
      `,
      errors: [{ messageId: 'plaintextCompare', data: { text: 'cached.password !== account.password', operator: '!==' }, line: 4 }],
      output: null,
    },
    {
      code: code`
        import type { Request, Response } from 'express';
        export function check(req: Request, res: Response, stored: { password: string }, cached: { password: string }) {
          if (cached.password != stored.password) {
            cached.password = stored.password;
            throw new Error('signed out');
          }
          res.end();
        }
      `,
      filename: 'check.ts',
      errors: [{ messageId: 'plaintextCompare', data: { text: 'cached.password != stored.password', operator: '!=' }, line: 3 }],
      output: null,
    },
    // plaintext comparisons with what is stored
    {
      code: code`
        import express from 'express';
        const app = express();
        app.post('/login', async (req, res) => {
          const user = await User.findOne({ email: req.body.email });
          if (!user || user.password !== req.body.password) return res.sendStatus(401);
          const { password } = req.body;
          if (password == user.password) res.send('ok');
        });
      `,
      errors: [
        { messageId: 'plaintextCompare', data: { text: 'user.password !== req.body.password', operator: '!==' }, line: 5, column: 16 },
        { messageId: 'plaintextCompare', data: { text: 'password == user.password', operator: '==' }, line: 7 },
      ],
      output: null,
    },
    {
      code: code`
        userSchema.methods.checkPassword = function (candidatePassword) {
          return candidatePassword === this.password;
        };
        const admin = req.body.pwd === process.env.ADMIN_PASSWORD;
        const same = input === storedPassword;
      `,
      errors: [
        { messageId: 'plaintextCompare', data: { text: 'candidatePassword === this.password', operator: '===' } },
        { messageId: 'plaintextCompare', data: { text: 'req.body.pwd === process.env.ADMIN_PASSWORD', operator: '===' } },
      ],
      output: null,
    },
    // computed keys, TS casts and JSX around the comparison
    {
      code: code`
        const ok = (user['password'] as string) === req.body['password'];
        const view = <p>{row.passwd == (form.passwd!) ? 'ok' : 'no'}</p>;
      `,
      filename: 'login.tsx',
      errors: [
        { messageId: 'plaintextCompare', data: { text: "(user['password'] as string) === req.body['password']", operator: '===' } },
        { messageId: 'plaintextCompare', data: { text: 'row.passwd == (form.passwd!)', operator: '==' } },
      ],
      output: null,
    },
    // hashes compared with === (timing leak; a fast hash is stored)
    {
      code: code`
        const crypto = require('crypto');
        function check(user, password) {
          const digest = crypto.createHash('sha256').update(password).digest('hex');
          return digest === user.passwordHash;
        }
        const ok = sha256(password) === account.password;
      `,
      languageOptions: commonjs,
      errors: [
        { ...FAST('createHash', 'sha256'), line: 3 },
        { messageId: 'timingUnsafeCompare', data: { text: 'digest === user.passwordHash', operator: '===' }, line: 4 },
        { messageId: 'timingUnsafeCompare', data: { text: 'sha256(password) === account.password', operator: '===' }, line: 6 },
      ],
      output: null,
    },
  ],
});
