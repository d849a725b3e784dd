import rule from '../../src/rules/no-insecure-tls';
import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

runRuleTests('no-insecure-tls', rule, {
  valid: [
    { code: code`
        const https = require('https');
        const fs = require('fs');
        const agent = new https.Agent({ ca: fs.readFileSync('ca.pem'), rejectUnauthorized: true, minVersion: 'TLSv1.2' });
      `, languageOptions: commonjs },
    code`
      import tls from 'node:tls';
      tls.connect({ host, port, minVersion: 'TLSv1.3', ciphers: 'HIGH:!aNULL:!eNULL:!MD5:!RC4:-3DES', secureProtocol: 'TLS_method' });
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
    `,
    // values that are not known are not reported
    code`
      import axios from 'axios';
      import https from 'https';
      const client = axios.create({ httpsAgent: new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' }) });
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = process.env.TLS_CHECK;
    `,
    // a destructuring default is not an option being set
    code`
      function connect({ rejectUnauthorized = false, minVersion = 'TLSv1' }) {
        return [rejectUnauthorized, minVersion];
      }
    `,
    // a checkServerIdentity that does check
    code`
      import tls from 'tls';
      tls.connect({ checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });
    `,
    // other meanings of the same words
    code`
      const version = { minVersion: '1.0.0' };
      const text = { ciphers: 'Caesar, Vigenere' };
    `,
  ],
  invalid: [
    {
      code: code`
        const https = require('https');
        const agent = new https.Agent({ rejectUnauthorized: false });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'verificationOff',
          data: { key: 'rejectUnauthorized', value: 'false', check: 'certificate' },
          line: 2,
          column: 33,
          suggestions: [
            {
              messageId: 'removeEntry',
              data: { key: 'rejectUnauthorized' },
              output: code`
                const https = require('https');
                const agent = new https.Agent({  });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // axios, got and node-fetch agents; a const false
    {
      code: code`
        import axios from 'axios';
        import got from 'got';
        import { Agent } from 'node:https';
        const INSECURE = false;
        axios.get(url, { httpsAgent: new Agent({ keepAlive: true, rejectUnauthorized: INSECURE }) });
        got(url, { https: { rejectUnauthorized: false } });
      `,
      errors: [
        {
          messageId: 'verificationOff',
          line: 5,
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import axios from 'axios';
                import got from 'got';
                import { Agent } from 'node:https';
                const INSECURE = false;
                axios.get(url, { httpsAgent: new Agent({ keepAlive: true }) });
                got(url, { https: { rejectUnauthorized: false } });
              `,
            },
          ],
        },
        {
          messageId: 'verificationOff',
          line: 6,
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import axios from 'axios';
                import got from 'got';
                import { Agent } from 'node:https';
                const INSECURE = false;
                axios.get(url, { httpsAgent: new Agent({ keepAlive: true, rejectUnauthorized: INSECURE }) });
                got(url, { https: {  } });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // the environment variable, in every spelling
    {
      code: code`
        process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
        process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;
        spawn('node', ['job.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'envVerificationOff', line: 1, column: 1 },
        { messageId: 'envVerificationOff', line: 2, column: 1 },
        { messageId: 'envVerificationOff', line: 3, column: 52 },
      ],
      output: null,
    },
    // a later write, MongoDB and request options
    {
      code: code`
        import https from 'https';
        const options: https.RequestOptions = {};
        options.rejectUnauthorized = false;
        mongoose.connect(uri, { tls: true, tlsAllowInvalidCertificates: true });
        request({ url, strictSSL: false });
      `,
      filename: 'client.ts',
      errors: [
        { messageId: 'verificationOff', line: 3, suggestions: [] },
        {
          messageId: 'verificationOff',
          data: { key: 'tlsAllowInvalidCertificates', value: 'true', check: 'certificate' },
          line: 4,
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import https from 'https';
                const options: https.RequestOptions = {};
                options.rejectUnauthorized = false;
                mongoose.connect(uri, { tls: true });
                request({ url, strictSSL: false });
              `,
            },
          ],
        },
        {
          messageId: 'verificationOff',
          line: 5,
          suggestions: [
            {
              messageId: 'removeEntry',
              output: code`
                import https from 'https';
                const options: https.RequestOptions = {};
                options.rejectUnauthorized = false;
                mongoose.connect(uri, { tls: true, tlsAllowInvalidCertificates: true });
                request({ url });
              `,
            },
          ],
        },
      ],
      output: null,
    },
    // old protocols
    {
      code: code`
        import tls from 'tls';
        tls.createServer({ key, cert, minVersion: 'TLSv1', secureProtocol: 'TLSv1_1_method' });
        tls.DEFAULT_MIN_VERSION = 'TLSv1.1';
      `,
      errors: [
        {
          messageId: 'weakVersion',
          data: { key: 'minVersion', value: 'TLSv1' },
          line: 2,
          column: 31,
          suggestions: [
            {
              messageId: 'useTls12',
              output: code`
                import tls from 'tls';
                tls.createServer({ key, cert, minVersion: 'TLSv1.2', secureProtocol: 'TLSv1_1_method' });
                tls.DEFAULT_MIN_VERSION = 'TLSv1.1';
              `,
            },
          ],
        },
        { messageId: 'weakProtocol', data: { value: 'TLSv1_1_method' }, line: 2, column: 52 },
        { messageId: 'weakVersion', data: { key: 'DEFAULT_MIN_VERSION', value: 'TLSv1.1' }, line: 3, suggestions: [] },
      ],
      output: null,
    },
    // weak cipher suites
    {
      code: code`
        import https from 'https';
        https.createServer({ ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA' }, app);
        https.createServer({ ciphers: 'HIGH:!aNULL:RC4' }, app);
      `,
      errors: [
        { messageId: 'weakCipher', data: { part: 'DES', entry: 'DES-CBC3-SHA' }, line: 2 },
        { messageId: 'weakCipher', data: { part: 'RC4', entry: 'RC4' }, line: 3 },
      ],
      output: null,
    },
    // host name verification turned off
    {
      code: code`
        const tls = require('tls');
        tls.connect({ host, port, checkServerIdentity: () => undefined });
        tls.connect({ host, port, checkServerIdentity() {} });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'identityCheckOff', line: 2, column: 27 },
        { messageId: 'identityCheckOff', line: 3, column: 27 },
      ],
      output: null,
    },
  ],
});
