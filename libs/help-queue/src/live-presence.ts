import { Injectable } from '@nestjs/common';
import type { CohortRole } from '@fabrique/domain';
import { AppConfig } from '@fabrique/config';
import { RedisConnection } from '@fabrique/persistence';

export interface PresenceEntry {
  socketId: string;
  userId: string;
  cohorts: { cohortId: string; role: CohortRole }[];
}

/**
 * Who is online, in Redis sorted sets scored by expiry time: one entry per socket, so several
 * tabs and several instances count a user once, and an instance that dies without saying
 * goodbye leaves entries that simply expire (its sockets stop being refreshed).
 */
@Injectable()
export class LivePresence {
  constructor(
    private readonly redis: RedisConnection,
    private readonly config: AppConfig,
  ) {}

  get ttlMs(): number {
    return this.config.PRESENCE_TTL_SECONDS * 1000;
  }

  /** Records sockets as online (or refreshes them) until a TTL from now. */
  async refresh(entries: readonly PresenceEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const expiresAt = Date.now() + this.ttlMs;
    const pipeline = this.redis.client.pipeline();
    const ttlSeconds = this.config.PRESENCE_TTL_SECONDS * 2;
    for (const entry of entries) {
      const userKey = this.userKey(entry.userId);
      pipeline.zadd(userKey, expiresAt, entry.socketId).expire(userKey, ttlSeconds);
      for (const { cohortId, role } of entry.cohorts) {
        const key = this.cohortKey(cohortId, role);
        pipeline.zadd(key, expiresAt, `${entry.userId}|${entry.socketId}`).expire(key, ttlSeconds);
      }
    }
    await pipeline.exec();
  }

  async remove(entry: PresenceEntry): Promise<void> {
    const pipeline = this.redis.client.pipeline().zrem(this.userKey(entry.userId), entry.socketId);
    for (const { cohortId, role } of entry.cohorts) pipeline.zrem(this.cohortKey(cohortId, role), `${entry.userId}|${entry.socketId}`);
    await pipeline.exec();
  }

  /** The distinct users of a role with a live socket in the cohort. */
  async online(cohortId: string, role: CohortRole): Promise<string[]> {
    const key = this.cohortKey(cohortId, role);
    const now = Date.now();
    const [, members] = (await this.redis.client.pipeline().zremrangebyscore(key, '-inf', now).zrangebyscore(key, now, '+inf').exec()) ?? [];
    return [...new Set(((members?.[1] as string[] | undefined) ?? []).map((member) => member.split('|')[0] as string))];
  }

  async isOnline(userId: string): Promise<boolean> {
    return (await this.redis.client.zcount(this.userKey(userId), Date.now(), '+inf')) > 0;
  }

  private cohortKey(cohortId: string, role: CohortRole): string {
    return this.redis.key('presence', 'cohort', cohortId, role);
  }

  private userKey(userId: string): string {
    return this.redis.key('presence', 'user', userId);
  }
}
