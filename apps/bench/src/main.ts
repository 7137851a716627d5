/**
 * `npm run bench [-- --quick] [-- --only=<scenario>[,<scenario>]]`: starts PostgreSQL and Redis if
 * needed, recreates and migrates the `fabrique_bench` database with the demo seed, starts api,
 * realtime and worker as built for production, runs every scenario (Fabrique and its baseline
 * alternating, several rounds), then writes bench/results.json and bench/RESULTS.md.
 * Run through scripts/bench.mjs, which builds first.
 */
import os from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { rssMiB } from './harness/proc-stats.js';
import { stopAll } from './harness/processes.js';
import { type RunInfo, writeMarkdown, writeResults } from './harness/results.js';
import { BENCH_REDIS_PREFIX, clearRedisPrefix, ensureServices, migrateAndSeed, recreateDatabase } from './harness/services.js';
import { newJwtSecret, stackEnv, startStack, type Stack } from './harness/stack.js';
import type { BenchContext, Logger, Row } from './harness/types.js';
import { scenarios } from './scenarios/index.js';
import { rssSamples } from './scenarios/resources.js';

const log: Logger = {
  info: (message) => console.log(`[bench] ${message}`),
  warn: (message) => console.warn(`[bench] ${message}`),
};

export function parseArguments(argv: string[]): { quick: boolean; only: string[] | null } {
  let quick = false;
  let only: string[] | null = null;
  for (const argument of argv) {
    if (argument === '--quick') quick = true;
    else if (argument.startsWith('--only=')) only = argument.slice('--only='.length).split(',').filter(Boolean);
    else throw new Error(`unknown argument "${argument}" (use --quick and --only=<scenario>[,<scenario>])`);
  }
  const names = scenarios.map((scenario) => scenario.name);
  const unknown = only?.filter((name) => !names.includes(name)) ?? [];
  if (unknown.length) throw new Error(`no scenario ${unknown.join(', ')} (scenarios: ${names.join(', ')})`);
  return { quick, only };
}

async function login(apiUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!response.ok || !body.accessToken) throw new Error(`login of ${email} failed (${response.status}): ${JSON.stringify(body)}`);
  return body.accessToken;
}

async function main(): Promise<number> {
  const { quick, only } = parseArguments(process.argv.slice(2));
  const root = resolve(process.cwd());
  const startedAt = new Date().toISOString();
  log.info(`${quick ? 'Quick' : 'Full'} run${only ? ` of ${only.join(', ')}` : ''}.`);

  const { serverUrl, redisUrl } = await ensureServices(root, log);
  log.info('Recreating the fabrique_bench database, migrating, seeding the demo school…');
  const databaseUrl = await recreateDatabase(serverUrl);
  await migrateAndSeed(root, databaseUrl, redisUrl);
  await clearRedisPrefix(redisUrl, BENCH_REDIS_PREFIX);

  const jwtSecret = newJwtSecret();
  log.info('Starting api, realtime and worker (dist/, NODE_ENV=production)…');
  const stack: Stack = await startStack(root, stackEnv(databaseUrl, redisUrl, BENCH_REDIS_PREFIX, jwtSecret), log);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: 'fabrique-bench' });
  const rows: Row[] = [];
  const failures: RunInfo['failures'] = [];
  try {
    const ctx: BenchContext = {
      quick,
      stack,
      pool,
      databaseUrl,
      redisUrl,
      redisPrefix: BENCH_REDIS_PREFIX,
      jwtSecret,
      login: (email, password) => login(stack.apiUrl, email, password),
      sampleRss: async (label) => {
        for (const app of Object.values(stack.apps)) {
          const mib = rssMiB(app.pid);
          if (mib !== null) rssSamples.push({ label, app: app.name, mib });
        }
      },
      log,
    };
    await new Promise((settle) => setTimeout(settle, 3_000)); // let start-up work (connections, JIT) settle before the idle sample
    await ctx.sampleRss('idle after start');
    for (const scenario of scenarios) {
      if (only && !only.includes(scenario.name)) continue;
      log.info(`Scenario ${scenario.name}…`);
      const began = Date.now();
      try {
        rows.push(...(await scenario.run(ctx)));
        log.info(`Scenario ${scenario.name} done in ${((Date.now() - began) / 1000).toFixed(0)} s.`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.warn(`Scenario ${scenario.name} FAILED: ${message}`);
        failures.push({ scenario: scenario.name, error: message });
      }
    }
  } finally {
    await pool.end();
    await stack.stop();
  }

  const info: RunInfo = {
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    only,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, loadAverage: os.loadavg() },
    settings: { connections: 20, seconds: quick ? 2 : 10, rounds: quick ? 2 : 5, warmUpSeconds: 1 },
    failures,
  };
  writeResults(join(root, 'bench/results.json'), info, rows);
  writeMarkdown(join(root, 'bench/RESULTS.md'), info, rows);
  log.info('Wrote bench/results.json and bench/RESULTS.md.');
  const missed = rows.filter((row) => row.pass === false);
  if (missed.length) log.warn(`Targets missed: ${missed.map((row) => `${row.scenario}: ${row.metric}`).join('; ')}`);
  return failures.length ? 1 : 0;
}

const stopSignals = ['SIGINT', 'SIGTERM'] as const;
for (const signal of stopSignals) {
  process.on(signal, () => {
    log.warn(`Received ${signal}: stopping the processes the bench started…`);
    void stopAll().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error('[bench]', error instanceof Error ? error.message : error);
    await stopAll();
    process.exit(1);
  },
);
