// The API's bootstrap: NestJS on Express, hardened.
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { RedisStore } from 'connect-redis';
import session from 'express-session';
import helmet from 'helmet';
import { createClient } from 'redis';

import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false });
  app.use(helmet());
  // One reverse proxy (the load balancer, which terminates TLS) sits in front of the app.
  app.set('trust proxy', 1);
  app.enableCors({ origin: ['https://app.example.com'], credentials: true });
  app.useBodyParser('json', { limit: '100kb' });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));

  const redisClient = createClient({ url: process.env.REDIS_URL });
  await redisClient.connect();
  app.use(
    session({
      store: new RedisStore({ client: redisClient }),
      name: 'sid',
      secret: process.env.SESSION_SECRET!,
      resave: false,
      saveUninitialized: false,
      cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 1000 },
    }),
  );
  await app.listen(process.env.PORT ?? 3000);
}
void bootstrap();
