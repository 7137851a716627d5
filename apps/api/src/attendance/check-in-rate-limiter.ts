import { Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppException } from '@fabrique/errors';
import { RedisConnection } from '@fabrique/persistence';
import type { CheckInScope } from './check-in-codes.js';

/** Wrong codes a learner may type in one half-day. */
export const WRONG_CODES_PER_LEARNER = 5;
/** Wrong codes the whole cohort may type in one half-day, so that many accounts cannot share the guessing. */
export const WRONG_CODES_PER_HALF_DAY = 30;
// Longer than any half-day, so a counter lives as long as the codes it protects.
const WINDOW_SECONDS = 14 * 3600;

/** The `reason` of a 429: the learner's own tries are spent, or the cohort's (a new code clears those). */
export const CHECK_IN_LIMIT_REASONS = { learner: 'check_in_too_many_tries', cohort: 'check_in_too_many_tries_cohort' } as const;

/**
 * Wrong check-in codes are counted in Redis, so limits hold across API instances. A new
 * code clears the cohort's counter (the facilitator's way out) but not the learners'.
 */
@Injectable()
export class CheckInRateLimiter {
  private readonly perLearner: RateLimiterRedis;
  private readonly perHalfDay: RateLimiterRedis;

  constructor(redis: RedisConnection) {
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key(name), points, duration: WINDOW_SECONDS });
    this.perLearner = limiter('check-in-learner', WRONG_CODES_PER_LEARNER);
    this.perHalfDay = limiter('check-in-half-day', WRONG_CODES_PER_HALF_DAY);
  }

  async beforeAttempt(userId: string, scope: CheckInScope): Promise<void> {
    const learner = await this.perLearner.get(this.learnerKey(userId, scope));
    if (learner && learner.consumedPoints >= WRONG_CODES_PER_LEARNER) throw this.limited(learner, 'ask your facilitator to record you', CHECK_IN_LIMIT_REASONS.learner);
    const halfDay = await this.perHalfDay.get(this.halfDayKey(scope));
    if (halfDay && halfDay.consumedPoints >= WRONG_CODES_PER_HALF_DAY) throw this.limited(halfDay, 'your facilitator can open a new code', CHECK_IN_LIMIT_REASONS.cohort);
  }

  async onWrongCode(userId: string, scope: CheckInScope): Promise<void> {
    await Promise.all([this.perLearner.penalty(this.learnerKey(userId, scope), 1), this.perHalfDay.penalty(this.halfDayKey(scope), 1)]);
  }

  async onNewCode(scope: CheckInScope): Promise<void> {
    await this.perHalfDay.delete(this.halfDayKey(scope));
  }

  private learnerKey(userId: string, scope: CheckInScope): string {
    return `${userId}:${this.halfDayKey(scope)}`;
  }

  private halfDayKey(scope: CheckInScope): string {
    return `${scope.cohortId}:${scope.date}:${scope.halfDay}`;
  }

  private limited(res: RateLimiterRes, advice: string, reason: string): AppException {
    const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
    const message = `Too many wrong check-in codes for this half-day; ${advice} (or try again in ${minutes} minutes)`;
    return new AppException('rate_limited', message, undefined, reason, { minutes });
  }
}
