// The API's bootstrap: NestJS on Express, with the app-wide mistakes.
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import session from 'express-session';

import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false });
  app.set('trust proxy', true);
  app.enableCors({ origin: true, credentials: true });
  app.useBodyParser('json', { limit: '50mb' });
  app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));
  await app.listen(process.env.PORT ?? 3000);
}
void bootstrap();
