import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Every Redis key of a test run starts with this (see worker-env.ts). */
export const runPrefix = (run: string) => `fabrique-test:${run}:`;

/** Deletes the keys of the runs for which `isFinished(run)` holds. */
export async function deleteTestKeys(isFinished: (run: string) => boolean): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'fabrique-test:*', 'COUNT', 1000);
      cursor = next;
      const finished = keys.filter((key) => isFinished(key.split(':')[1] ?? ''));
      if (finished.length > 0) await redis.unlink(...finished);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
