import type { QueueOptions } from 'bullmq';
import type { AppConfig } from '@fabrique/config';
import { DEFAULT_JOB_OPTIONS } from '@fabrique/contracts';

/** How every queue and worker of the deployment reaches Redis. */
export function bullOptions(config: AppConfig): QueueOptions {
  return {
    // BullMQ's blocking commands must wait for Redis as long as it takes, never fail after N retries.
    connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
    // Under the deployment's prefix, so that tests and environments sharing a Redis never see each other's jobs.
    prefix: `${config.REDIS_PREFIX}:bull`,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  };
}
