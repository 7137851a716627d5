import { databaseUrl, workerDatabaseName } from './test-databases.ts';

// Runs in every test file of service-backed projects, before any import of the code under test.
const run = process.env.FABRIQUE_TEST_RUN ?? 'adhoc';
const worker = process.env.JEST_WORKER_ID ?? '1';
process.env.NODE_ENV = 'test';
process.env.TZ = 'UTC';
process.env.DATABASE_URL = databaseUrl(workerDatabaseName(run, worker));
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
process.env.REDIS_PREFIX = `fabrique-test:${run}:w${worker}`; // keep in step with jest/test-redis.ts
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
// Every test logs in from 127.0.0.1: the per-IP login limit is exercised by its own test with its own addresses.
process.env.LOGIN_LIMIT_PER_IP = process.env.LOGIN_LIMIT_PER_IP ?? '100000';
