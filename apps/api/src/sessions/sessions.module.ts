import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

@Module({
  controllers: [AuthController],
  providers: [AuthService, RefreshTokensRepository, LoginRateLimiter],
  exports: [AuthService],
})
export class SessionsModule {}
