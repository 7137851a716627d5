import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { Redis } from 'ioredis';
import { runNode } from './processes.js';
import { tcpAnswers } from './ports.js';
import type { Logger } from './types.js';

export const BENCH_DATABASE = 'fabrique_bench';
export const BENCH_REDIS_PREFIX = 'fabrique-bench';

/**
 * PostgreSQL and Redis as the tests use them (127.0.0.1:5432 with trust auth for "postgres",
 * 127.0.0.1:6379), started by scripts/ensure-test-services.sh when they do not answer.
 * BENCH_POSTGRES_URL (a server URL, any database) and BENCH_REDIS_URL override them.
 */
export async function ensureServices(root: string, log: Logger): Promise<{ serverUrl: string; redisUrl: string }> {
  const serverUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const pgAddress = new URL(serverUrl);
  const redisAddress = new URL(redisUrl);
  const up = async () =>
    (await tcpAnswers(pgAddress.hostname, Number(pgAddress.port || 5432))) && (await tcpAnswers(redisAddress.hostname, Number(redisAddress.port || 6379)));
  if (!(await up())) {
    if (process.env.BENCH_POSTGRES_URL || process.env.BENCH_REDIS_URL) throw new Error(`PostgreSQL (${pgAddress.host}) or Redis (${redisAddress.host}) does not answer.`);
    log.info('Starting PostgreSQL and Redis (scripts/ensure-test-services.sh)…');
    execFileSync('bash', ['scripts/ensure-test-services.sh'], { cwd: root, stdio: 'inherit' });
  }
  return { serverUrl, redisUrl };
}

/** Drops and recreates the bench database, so every run starts from the same data; returns its URL. */
export async function recreateDatabase(serverUrl: string, name = BENCH_DATABASE): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)}`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const toolEnv = (databaseUrl: string, redisUrl: string) => ({ ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, NODE_ENV: 'development', LOG_LEVEL: 'warn' });

/** `npm run migrate` against a bench database. */
export async function migrate(root: string, databaseUrl: string, redisUrl: string): Promise<void> {
  await runNode('migrate', [`${root}/scripts/run-built.mjs`, 'dist/libs/persistence/src/cli/migrate.js'], toolEnv(databaseUrl, redisUrl));
}

/** Migrates the bench database, then writes the demo seed (which refuses NODE_ENV=production). */
export async function migrateAndSeed(root: string, databaseUrl: string, redisUrl: string): Promise<{ logins: Array<{ email: string; role: string }>; password: string }> {
  await migrate(root, databaseUrl, redisUrl);
  const env = toolEnv(databaseUrl, redisUrl);
  const output = await runNode('seed', [`${root}/scripts/run-built.mjs`, 'dist/apps/api/src/seed/seed-cli.js', '--json'], env);
  return JSON.parse(output.trim().split('\n').pop() as string);
}

/** Deletes the bench's Redis keys (rate limits, revocations, queues) left by an earlier run. */
export async function clearRedisPrefix(redisUrl: string, prefix = BENCH_REDIS_PREFIX): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
