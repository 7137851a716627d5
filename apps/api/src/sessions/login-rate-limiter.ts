import { Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@fabrique/config';
import { AppException } from '@fabrique/errors';
import { RedisConnection } from '@fabrique/persistence';

/**
 * Login attempts are counted in Redis, so the limits hold across API instances:
 * every attempt counts against the caller's IP; failures count against the e-mail
 * (guessing one account's password from many addresses), and a success clears them.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly perEmail: RateLimiterRedis;

  constructor(redis: RedisConnection, config: AppConfig) {
    this.perIp = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('login-ip'),
      points: config.LOGIN_LIMIT_PER_IP,
      duration: config.LOGIN_LIMIT_PER_IP_WINDOW_SECONDS,
    });
    this.perEmail = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('login-email'),
      points: config.LOGIN_LIMIT_PER_EMAIL,
      duration: config.LOGIN_LIMIT_PER_EMAIL_WINDOW_SECONDS,
    });
  }

  async beforeAttempt(ip: string, email: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (error) {
      throw this.limited(error);
    }
    const failures = await this.perEmail.get(email);
    if (failures && failures.consumedPoints >= this.perEmail.points) throw this.limited(failures);
  }

  async onFailure(email: string): Promise<void> {
    await this.perEmail.penalty(email, 1);
  }

  async onSuccess(email: string): Promise<void> {
    await this.perEmail.delete(email);
  }

  private limited(error: unknown): AppException | unknown {
    if (!(error instanceof RateLimiterRes)) return error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    return new AppException('rate_limited', `Too many login attempts; try again in ${seconds} seconds`);
  }
}
