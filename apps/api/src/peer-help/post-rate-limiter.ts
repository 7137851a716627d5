import { Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppException } from '@fabrique/errors';
import { RedisConnection } from '@fabrique/persistence';

/** Questions and replies a user may post in a minute: a burst of help, not a flood. */
export const POSTS_PER_MINUTE = 10;
/** And in an hour, so a script cannot post steadily just under the minute's limit. */
export const POSTS_PER_HOUR = 120;

/** Counts posts per user in Redis, so the limit holds across API instances. */
@Injectable()
export class PostRateLimiter {
  private readonly perMinute: RateLimiterRedis;
  private readonly perHour: RateLimiterRedis;

  constructor(redis: RedisConnection) {
    this.perMinute = new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key('posts-minute'), points: POSTS_PER_MINUTE, duration: 60 });
    this.perHour = new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key('posts-hour'), points: POSTS_PER_HOUR, duration: 3600 });
  }

  async consume(userId: string): Promise<void> {
    try {
      await this.perMinute.consume(userId);
      await this.perHour.consume(userId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppException('rate_limited', `You are posting too fast; try again in ${seconds} seconds`);
    }
  }
}
