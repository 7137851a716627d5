import { Injectable, Logger } from '@nestjs/common';
import type { JobPayloads, JobResults } from '@fabrique/contracts';
import { RedisConnection } from '@fabrique/persistence';

/** Records the last heartbeat a worker processed, where operators and monitors can read it. */
@Injectable()
export class Heartbeat {
  private readonly logger = new Logger(Heartbeat.name);

  constructor(private readonly redis: RedisConnection) {}

  async beat({ requestedAt }: JobPayloads['heartbeat']): Promise<JobResults['heartbeat']> {
    const result = { requestedAt, processedAt: new Date().toISOString() };
    await this.redis.client.set(this.lastBeatKey(), JSON.stringify(result));
    this.logger.log(result, 'heartbeat recorded');
    return result;
  }

  async last(): Promise<JobResults['heartbeat'] | null> {
    const stored = await this.redis.client.get(this.lastBeatKey());
    return stored === null ? null : (JSON.parse(stored) as JobResults['heartbeat']);
  }

  private lastBeatKey(): string {
    return this.redis.key('worker', 'last-heartbeat');
  }
}
