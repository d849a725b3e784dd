/**
 * NestJS item 1: the app of `NestFactory.create(AppModule)` is an Express app for every app-wide rule
 * (helmet, X-Powered-By, trust proxy, CORS, body limits, HTTPS); a Fastify app is not.
 */
import disableXPoweredBy from '../../src/rules/disable-x-powered-by';
import noPermissiveCors from '../../src/rules/no-permissive-cors';
import noTrustProxyTrue from '../../src/rules/no-trust-proxy-true';
import noUnboundedBody from '../../src/rules/no-unbounded-body';
import requireHelmet from '../../src/rules/require-helmet';
import requireHttps from '../../src/rules/require-https';
import secureCookies from '../../src/rules/secure-cookies';

import { code, commonjs, runRuleTests } from '../helpers/rule-tester';

const hardened = code`
  import { NestFactory } from '@nestjs/core';
  import type { NestExpressApplication } from '@nestjs/platform-express';
  import helmet from 'helmet';
  import { AppModule } from './app.module';

  async function bootstrap() {
    const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false });
    app.use(helmet());
    app.set('trust proxy', 1);
    app.enableCors({ origin: ['https://app.example.com'], credentials: true });
    app.useBodyParser('json', { limit: '100kb' });
    await app.listen(3000);
  }
  bootstrap();
`;

const fastify = code`
  import { NestFactory } from '@nestjs/core';
  import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
  import { AppModule } from './app.module';

  async function bootstrap() {
    const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter());
    app.enableCors({ origin: true, credentials: true });
    await app.listen(3000);
  }
  bootstrap();
`;

runRuleTests('require-helmet', requireHelmet, {
  valid: [
    hardened,
    // Fastify: not an Express app, helmet for Express does not apply
    fastify,
    // an adapter argument alone says Fastify too
    code`
      import { NestFactory } from '@nestjs/core';
      import { FastifyAdapter } from '@nestjs/platform-fastify';
      import { AppModule } from './app.module';
      async function bootstrap() {
        const adapter = new FastifyAdapter();
        const app = await NestFactory.create(AppModule, adapter);
        await app.listen(3000);
      }
    `,
    // the app is returned to code this file does not show, which may mount helmet
    code`
      import { NestFactory } from '@nestjs/core';
      import { AppModule } from './app.module';
      export async function createApp() {
        const app = await NestFactory.create(AppModule);
        return app;
      }
    `,
  ],
  invalid: [
    {
      name: 'a Nest bootstrap without helmet is reported, and fixed when helmet is imported',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import helmet from 'helmet';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          await app.listen(3000);
        }
        bootstrap();
      `,
      output: code`
        import { NestFactory } from '@nestjs/core';
        import helmet from 'helmet';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          app.use(helmet());
          await app.listen(3000);
        }
        bootstrap();
      `,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 5 }],
    },
    {
      name: 'Swagger setup reads the app: it stays known, and helmet is suggested',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { SwaggerModule, DocumentBuilder } from '@nestjs/swagger';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
          SwaggerModule.setup('docs', app, document);
          await app.listen(3000);
        }
        bootstrap();
      `,
      output: null,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          suggestions: [
            {
              messageId: 'addHelmet',
              data: { name: 'app' },
              output: code`
                import { NestFactory } from '@nestjs/core';
                import { SwaggerModule, DocumentBuilder } from '@nestjs/swagger';
                import { AppModule } from './app.module';
                import helmet from 'helmet';
                async function bootstrap() {
                  const app = await NestFactory.create(AppModule);
                  app.use(helmet());
                  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
                  SwaggerModule.setup('docs', app, document);
                  await app.listen(3000);
                }
                bootstrap();
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'compiled CommonJS Nest output (require of @nestjs/core) is an app too',
      code: code`
        const core_1 = require('@nestjs/core');
        const helmet = require('helmet');
        const app_module_1 = require('./app.module');
        async function bootstrap() {
          const app = await core_1.NestFactory.create(app_module_1.AppModule);
          await app.listen(3000);
        }
        bootstrap();
      `,
      output: code`
        const core_1 = require('@nestjs/core');
        const helmet = require('helmet');
        const app_module_1 = require('./app.module');
        async function bootstrap() {
          const app = await core_1.NestFactory.create(app_module_1.AppModule);
          app.use(helmet());
          await app.listen(3000);
        }
        bootstrap();
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'missing', line: 5 }],
    },
  ],
});

runRuleTests('disable-x-powered-by', disableXPoweredBy, {
  valid: [
    hardened,
    fastify,
    code`
      import { NestFactory } from '@nestjs/core';
      import { AppModule } from './app.module';
      async function bootstrap() {
        const app = await NestFactory.create(AppModule);
        app.getHttpAdapter().getInstance().disable('x-powered-by');
        await app.listen(3000);
      }
    `,
    code`
      import { NestFactory } from '@nestjs/core';
      import type { NestExpressApplication } from '@nestjs/platform-express';
      import { AppModule } from './app.module';
      async function bootstrap() {
        const app = await NestFactory.create<NestExpressApplication>(AppModule);
        app.disable('x-powered-by');
        await app.listen(3000);
      }
    `,
    // regression: an adapter made elsewhere may be Fastify's, where the fix's getInstance().disable would throw:
    // the platform is unknown, so nothing is reported (made by a call, or imported)
    code`
      import { NestFactory } from '@nestjs/core';
      import { AppModule } from './app.module';
      import { makeAdapter } from './adapter';
      async function bootstrap() {
        const app = await NestFactory.create(AppModule, makeAdapter(), { cors: false });
        await app.listen(3000);
      }
    `,
    code`
      import { NestFactory } from '@nestjs/core';
      import { AppModule } from './app.module';
      import { adapter } from './adapter';
      async function bootstrap() {
        const app = await NestFactory.create(AppModule, adapter);
        await app.listen(3000);
      }
    `,
  ],
  invalid: [
    {
      name: 'an adapter made elsewhere, but the type argument says Express: reported, fixed with app.disable',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import type { NestExpressApplication } from '@nestjs/platform-express';
        import { AppModule } from './app.module';
        import { makeAdapter } from './adapter';
        async function bootstrap() {
          const app = await NestFactory.create<NestExpressApplication>(AppModule, makeAdapter());
          await app.listen(3000);
        }
      `,
      output: code`
        import { NestFactory } from '@nestjs/core';
        import type { NestExpressApplication } from '@nestjs/platform-express';
        import { AppModule } from './app.module';
        import { makeAdapter } from './adapter';
        async function bootstrap() {
          const app = await NestFactory.create<NestExpressApplication>(AppModule, makeAdapter());
          app.disable('x-powered-by');
          await app.listen(3000);
        }
      `,
      errors: [{ messageId: 'missing', line: 6 }],
    },
    {
      name: "Nest's own ExpressAdapter is Express: reported, fixed through the HTTP adapter",
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { ExpressAdapter } from '@nestjs/platform-express';
        import express from 'express';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule, new ExpressAdapter(express()), { cors: false });
          await app.listen(3000);
        }
      `,
      output: code`
        import { NestFactory } from '@nestjs/core';
        import { ExpressAdapter } from '@nestjs/platform-express';
        import express from 'express';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule, new ExpressAdapter(express()), { cors: false });
          app.getHttpAdapter().getInstance().disable('x-powered-by');
          await app.listen(3000);
        }
      `,
      errors: [{ messageId: 'missing', line: 6 }],
    },
    {
      name: 'an untyped Nest app keeps X-Powered-By: fixed through the HTTP adapter (INestApplication has no disable)',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          await app.listen(3000);
        }
      `,
      output: code`
        import { NestFactory } from '@nestjs/core';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          app.getHttpAdapter().getInstance().disable('x-powered-by');
          await app.listen(3000);
        }
      `,
      errors: [{ messageId: 'missing', data: { name: 'app' }, line: 4 }],
    },
    {
      name: 'a NestExpressApplication keeps X-Powered-By: fixed with app.disable',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { NestExpressApplication } from '@nestjs/platform-express';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create<NestExpressApplication>(AppModule, { cors: false });
          await app.listen(3000);
        }
      `,
      output: code`
        import { NestFactory } from '@nestjs/core';
        import { NestExpressApplication } from '@nestjs/platform-express';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create<NestExpressApplication>(AppModule, { cors: false });
          app.disable('x-powered-by');
          await app.listen(3000);
        }
      `,
      errors: [{ messageId: 'missing', line: 5 }],
    },
  ],
});

runRuleTests('no-trust-proxy-true', noTrustProxyTrue, {
  valid: [hardened, fastify],
  invalid: [
    {
      code: code`
        import { NestFactory } from '@nestjs/core';
        import type { NestExpressApplication } from '@nestjs/platform-express';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create<NestExpressApplication>(AppModule);
          app.set('trust proxy', true);
          await app.listen(3000);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'trustAll',
          data: { name: 'app' },
          line: 6,
          suggestions: [
            {
              messageId: 'trustOneHop',
              output: code`
                import { NestFactory } from '@nestjs/core';
                import type { NestExpressApplication } from '@nestjs/platform-express';
                import { AppModule } from './app.module';
                async function bootstrap() {
                  const app = await NestFactory.create<NestExpressApplication>(AppModule);
                  app.set('trust proxy', 1);
                  await app.listen(3000);
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

runRuleTests('no-permissive-cors', noPermissiveCors, {
  valid: [
    hardened,
    fastify,
    // `cors: true` and `enableCors()` are the cors defaults: `*` without credentials
    code`
      import { NestFactory } from '@nestjs/core';
      import { AppModule } from './app.module';
      async function bootstrap() {
        const app = await NestFactory.create(AppModule, { cors: true });
        app.enableCors();
        await app.listen(3000);
      }
    `,
    code`
      import { NestFactory } from '@nestjs/core';
      import { AppModule } from './app.module';
      async function bootstrap() {
        const app = await NestFactory.create(AppModule, { cors: { origin: ['https://app.example.com'], credentials: true } });
        await app.listen(3000);
      }
    `,
  ],
  invalid: [
    {
      name: 'app.enableCors reflecting every origin with credentials',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          app.enableCors({ origin: true, credentials: true });
          await app.listen(3000);
        }
      `,
      output: null,
      errors: [{ messageId: 'reflectsAnyOrigin', line: 5, column: 20 }],
    },
    {
      name: 'the cors option of NestFactory.create, through a const',
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { AppModule } from './app.module';
        const corsOptions = { credentials: true };
        async function bootstrap() {
          const app = await NestFactory.create(AppModule, { cors: corsOptions });
          await app.listen(3000);
        }
      `,
      output: null,
      errors: [{ messageId: 'wildcardWithCredentials', line: 5 }],
    },
  ],
});

runRuleTests('no-unbounded-body', noUnboundedBody, {
  valid: [hardened],
  invalid: [
    {
      code: code`
        import { NestFactory } from '@nestjs/core';
        import type { NestExpressApplication } from '@nestjs/platform-express';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false });
          app.useBodyParser('json', { limit: '50mb' });
          await app.listen(3000);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'tooLarge',
          line: 6,
          suggestions: [
            {
              messageId: 'setLimit',
              output: code`
                import { NestFactory } from '@nestjs/core';
                import type { NestExpressApplication } from '@nestjs/platform-express';
                import { AppModule } from './app.module';
                async function bootstrap() {
                  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false });
                  app.useBodyParser('json', { limit: '1mb' });
                  await app.listen(3000);
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

runRuleTests('require-https', requireHttps, {
  valid: [
    fastify,
    code`
      import { NestFactory } from '@nestjs/core';
      import { readFileSync } from 'node:fs';
      import { AppModule } from './app.module';
      async function bootstrap() {
        const app = await NestFactory.create(AppModule, {
          httpsOptions: { key: readFileSync('key.pem'), cert: readFileSync('cert.pem') },
        });
        await app.listen(443);
      }
    `,
  ],
  invalid: [
    {
      code: code`
        import { NestFactory } from '@nestjs/core';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          await app.listen(3000);
        }
      `,
      output: null,
      errors: [{ messageId: 'plainHttp', data: { name: 'app', how: 'app.listen()' }, line: 5 }],
    },
  ],
});

runRuleTests('secure-cookies', secureCookies, {
  valid: [
    code`
      import { NestFactory } from '@nestjs/core';
      import session from 'express-session';
      import { AppModule } from './app.module';
      async function bootstrap() {
        const app = await NestFactory.create(AppModule);
        app.use(session({ secret: process.env.SECRET!, cookie: { secure: true, sameSite: 'lax' } }));
      }
    `,
  ],
  invalid: [
    {
      code: code`
        import { NestFactory } from '@nestjs/core';
        import * as session from 'express-session';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          app.set('trust proxy', 1);
          app.use(session({ secret: process.env.SECRET!, cookie: { httpOnly: true } }));
        }
      `,
      output: null,
      errors: [{ messageId: 'missing', data: { label: 'express-session cookie', flags: "'secure', 'sameSite'", risks: 'it also travels over plain HTTP, where anyone on the network can read it; the browser also sends it with requests that other sites start (CSRF)' }, line: 7, suggestions: [{ messageId: 'addFlags', output: code`
        import { NestFactory } from '@nestjs/core';
        import * as session from 'express-session';
        import { AppModule } from './app.module';
        async function bootstrap() {
          const app = await NestFactory.create(AppModule);
          app.set('trust proxy', 1);
          app.use(session({ secret: process.env.SECRET!, cookie: { httpOnly: true, secure: true, sameSite: 'lax' } }));
        }
      ` }] }],
    },
  ],
});
