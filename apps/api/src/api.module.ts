import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenGuard, AuthModule } from '@fabrique/auth';
import { ConfigModule } from '@fabrique/config';
import { HealthModule, LoggingModule } from '@fabrique/observability';
import { DatabaseModule, RedisModule } from '@fabrique/persistence';
import { MeModule } from './me/me.module.js';
import { SessionsModule } from './sessions/sessions.module.js';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forService('api'),
    DatabaseModule,
    RedisModule,
    AuthModule,
    HealthModule.forRoot(),
    SessionsModule,
    MeModule,
  ],
  providers: [{ provide: APP_GUARD, useExisting: AccessTokenGuard }],
})
export class ApiModule {}
