import { Module } from '@nestjs/common';
import { AuthModule } from '@fabrique/auth';
import { ConfigModule } from '@fabrique/config';
import { HelpQueueModule } from '@fabrique/help-queue';
import { HealthModule, LoggingModule } from '@fabrique/observability';
import { DatabaseModule, RedisModule } from '@fabrique/persistence';
import { LiveModule } from './live/live.module.js';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forService('realtime'),
    DatabaseModule,
    RedisModule,
    AuthModule,
    HealthModule.forRoot(),
    HelpQueueModule,
    LiveModule,
  ],
})
export class RealtimeModule {}
