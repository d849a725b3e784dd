import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';

import { AuthController } from './auth/auth.controller';
import { FilesController } from './files/files.controller';

// ThrottlerModule is configured, but no ThrottlerGuard is registered: nothing is throttled.
@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 10 }])],
  controllers: [AuthController, FilesController],
})
export class AppModule {}
