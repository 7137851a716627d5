import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@fabrique/config';
import { AccessTokenGuard } from './access-token.guard.js';
import { AccessTokens } from './access-tokens.js';
import { CohortAccess } from './cohort-access.js';
import { PasswordHasher } from './password-hasher.js';
import { PreferenceLinks } from './preference-links.js';
import { SessionRevocations } from './session-revocations.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [AccessTokens, AccessTokenGuard, PasswordHasher, CohortAccess, SessionRevocations, PreferenceLinks],
  exports: [AccessTokens, AccessTokenGuard, PasswordHasher, CohortAccess, SessionRevocations, PreferenceLinks],
})
export class AuthModule {}
