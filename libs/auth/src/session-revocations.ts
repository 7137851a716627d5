import { Injectable } from '@nestjs/common';
import { AppConfig } from '@fabrique/config';
import { RedisConnection } from '@fabrique/persistence';

/**
 * Access tokens are stateless, so a logout or a stolen-token revocation would
 * otherwise leave them valid until they expire. Revoked sessions are remembered
 * in Redis for one access-token lifetime, which every instance checks.
 */
@Injectable()
export class SessionRevocations {
  constructor(
    private readonly redis: RedisConnection,
    private readonly config: AppConfig,
  ) {}

  async revoke(sessionId: string): Promise<void> {
    await this.redis.client.set(this.redis.key('revoked-session', sessionId), '1', 'EX', this.config.JWT_ACCESS_TTL_SECONDS);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.client.exists(this.redis.key('revoked-session', sessionId))) === 1;
  }
}
