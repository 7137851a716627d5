import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { jobId } from '@fabrique/contracts';
import { sleep } from '../harness/ports.js';
import { CpuMeter, pidsNamed } from '../harness/proc-stats.js';
import { runNode } from '../harness/processes.js';
import { comparedRow, describeCpu, soloRow } from '../harness/rows.js';
import type { BenchContext, Scenario } from '../harness/types.js';
import { median, percentile } from '../stats.js';

const SCENARIO = 'Monday reminders';
const ZONE = 'Europe/Paris';
const LEARNERS_PER_COHORT = 25;
/** The kick-off is planned at least this long ahead, for the reconcile job to plan it (400 cohorts: 1–3 s). */
const LEAD_MS = 10_000;
const QUICK_LEAD_MS = 5_000;
const POLL_MS = 25;
const TIMEOUT_MS = 120_000;
/** The reminders worker's concurrency (apps/worker/src/reminders/reminders.processor.ts), given to the baseline too. */
const WORKER_CONCURRENCY = 8;

interface Round {
  cohortIds: string[];
  fireAt: number;
  monday: string;
}

const mib = (bytes: number) => bytes / 1024 / 1024;

/**
 * Bytes Redis holds for the queues' jobs: every key under the BullMQ prefix (job hashes, their
 * logs, the waiting, delayed and completed sets…) except the event streams, which BullMQ caps at
 * a fixed length however many jobs pass (so they fill up, and stay full, whatever is cleaned up).
 */
async function jobMemory(redis: Redis, prefix: string): Promise<{ bytes: number; keys: number }> {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:bull:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of found) {
      if (key.endsWith(':events')) continue;
      bytes += Number((await redis.memory('USAGE', key)) ?? 0);
      keys++;
    }
  } while (cursor !== '0');
  return { bytes, keys };
}

async function usedMemory(redis: Redis): Promise<number> {
  const match = /used_memory:(\d+)/.exec(await redis.info('memory'));
  if (!match) throw new Error('INFO memory did not give used_memory');
  return Number(match[1]);
}

/**
 * `cohorts` new cohorts of 25 learners, fully remote on a site in Paris, starting on the local
 * date of `fireAt`, their kick-off set to its local time: their distance week's kick-off fires then.
 */
async function generateRound(ctx: BenchContext, round: number, cohorts: number, fireAt: number): Promise<Round> {
  const local = DateTime.fromMillis(fireAt, { zone: ZONE });
  const startsOn = local.toISODate() as string;
  const { rows } = await ctx.pool.query<{ id: string }>(
    `WITH site AS (
       INSERT INTO sites (name, address, time_zone) VALUES ('Bench Monday ' || $1, 'Lille', $2)
       ON CONFLICT ((lower(name))) DO UPDATE SET time_zone = excluded.time_zone RETURNING id
     ), track AS (SELECT track_id FROM cohorts ORDER BY created_at LIMIT 1)
     INSERT INTO cohorts (name, track_id, home_site_id, starts_on, ends_on)
     SELECT 'Bench Monday ' || $1 || '-' || k, track.track_id, site.id, $3::date, $3::date + 60
     FROM generate_series(1, $4::int) k, site, track
     RETURNING id`,
    [round, ZONE, startsOn, cohorts],
  );
  const cohortIds = rows.map((row) => row.id);
  await ctx.pool.query(
    `WITH learners AS (
       INSERT INTO users (email, display_name)
       SELECT 'monday-' || $1 || '-' || c.n || '-' || k || '@bench.test', 'Apprenant ' || k
       FROM unnest($2::uuid[]) WITH ORDINALITY AS c(id, n), generate_series(1, $3::int) k
       RETURNING id, email
     )
     INSERT INTO memberships (cohort_id, user_id, role)
     SELECT ($2::uuid[])[split_part(l.email, '-', 3)::int], l.id, 'learner' FROM learners l`,
    [round, cohortIds, LEARNERS_PER_COHORT],
  );
  await ctx.pool.query(
    `INSERT INTO cohort_reminder_settings (cohort_id, kind, enabled, local_time) SELECT id, 'week.kickoff', true, $2::time FROM unnest($1::uuid[]) AS id`,
    [cohortIds, local.toFormat('HH:mm')],
  );
  const monday = local.startOf('week').toISODate() as string;
  return { cohortIds, fireAt, monday };
}

/** The next whole minute at least LEAD_MS away: reminder times are set to the minute. */
function nextFireAt(lead: number): number {
  return DateTime.fromMillis(Date.now() + lead).startOf('minute').plus({ minutes: 1 }).toMillis();
}

/** Runs the worker's own reconcile job, then waits until every kick-off of the round is a delayed job. */
async function plan(queue: Queue, round: Round): Promise<void> {
  await queue.add('reconcile-reminders', {}, { jobId: `bench-reconcile-${round.fireAt}`, removeOnComplete: true });
  const ids = round.cohortIds.map((cohortId) => jobId('fire-reminder', `week.kickoff:${cohortId}:${round.monday}`));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const states = await Promise.all(ids.map((id) => queue.getJobState(id)));
    const missing = states.filter((state) => state !== 'delayed').length;
    if (missing === 0) return;
    if (Date.now() > deadline) throw new Error(`${missing} of ${ids.length} kick-off jobs not planned 30 s after reconcile (states: ${[...new Set(states)].join(', ')})`);
    await sleep(200);
  }
}

/** From the kick-off's time until every notification is written (and until every one is pushed). */
async function measureFabrique(ctx: BenchContext, round: Round, expected: number): Promise<{ persistedMs: number; dispatchedMs: number }> {
  let persistedMs = Number.NaN;
  const deadline = round.fireAt + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { rows: [counts] } = await ctx.pool.query<{ written: number; dispatched: number }>(
      `SELECT count(*)::int AS written, count(n.dispatched_at)::int AS dispatched FROM notifications n
       JOIN memberships m ON m.user_id = n.user_id AND m.cohort_id = ANY($1::uuid[]) WHERE n.kind = 'week.kickoff'`,
      [round.cohortIds],
    );
    const now = Date.now();
    if (counts.written > expected) throw new Error(`${counts.written} kick-off notifications for ${expected} learners`);
    if (Number.isNaN(persistedMs) && counts.written === expected) persistedMs = now - round.fireAt;
    if (counts.dispatched === expected) return { persistedMs, dispatchedMs: now - round.fireAt };
    await sleep(POLL_MS);
  }
  throw new Error(`the kick-off of ${round.cohortIds.length} cohorts was not written and pushed to ${expected} learners within ${TIMEOUT_MS / 1000} s`);
}

/** When the round's kick-off jobs started and how long each ran, from BullMQ's own timestamps (finished jobs stay a minute). */
async function firedJobTimes(queue: Queue, round: Round): Promise<string> {
  const cohorts = new Set(round.cohortIds);
  const jobs = (await queue.getJobs(['completed', 'failed'])).filter((job) => job?.name === 'fire-reminder' && cohorts.has(job.data.cohortId));
  const started = jobs.map((job) => (job.processedOn ?? Number.NaN) - round.fireAt);
  const ran = jobs.map((job) => (job.finishedOn ?? Number.NaN) - (job.processedOn ?? Number.NaN));
  return (
    `${jobs.length} jobs, first started ${Math.min(...started)} ms after the minute, last ${Math.max(...started)} ms; ` +
    `each ran median ${median(ran).toFixed(0)} ms, p95 ${percentile(ran, 95).toFixed(0)} ms`
  );
}

/** The same number of jobs through BullMQ with a no-op processor, in its own process, due at `fireAt`. */
async function measureBaseline(ctx: BenchContext, jobs: number, fireAt: number): Promise<number> {
  const output = await runNode('bullmq-noop', [join(process.cwd(), 'dist/apps/bench/src/baselines/bullmq-noop-worker.js')], {
    ...process.env,
    REDIS_URL: ctx.redisUrl,
    REDIS_PREFIX: ctx.redisPrefix,
    JOBS: String(jobs),
    FIRE_AT: String(fireAt),
    CONCURRENCY: String(WORKER_CONCURRENCY),
  });
  const { lastCompletedAt } = JSON.parse(output.trim().split('\n').pop() as string) as { lastCompletedAt: number };
  return lastCompletedAt - fireAt;
}

/**
 * Scenario 4. The distance week's kick-off for 10,000 learners in 400 cohorts (quick: 1,000 in
 * 40): the plan's 400 delayed jobs fire together, each writes its cohort's notifications, and the
 * time runs from the planned minute until the last is persisted. Baseline: BullMQ with a no-op
 * processor handling as many jobs as there are notifications, due together, in the same run.
 * Then Redis's memory must come back to where it was before the kick-off was planned.
 */
export const mondayReminders: Scenario = {
  name: 'monday-reminders',
  async run(ctx) {
    const cohorts = ctx.quick ? 40 : 400;
    const learners = cohorts * LEARNERS_PER_COHORT;
    const rounds = ctx.quick ? 1 : 3;
    const redis = new Redis(ctx.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('reminders', { connection: redis.duplicate(), prefix: `${ctx.redisPrefix}:bull` });
    const fabrique: number[] = [];
    const dispatched: number[] = [];
    const baseline: number[] = [];
    const cpu: Record<string, number>[] = [];
    const jobTimes: string[] = [];
    try {
      const memory = { before: { bytes: 0, keys: 0 }, used: 0 };
      for (let index = 0; index < rounds; index++) {
        // The baseline runs just before each Fabrique round, then Fabrique's jobs are planned for the next minute.
        baseline.push(await measureBaseline(ctx, learners, Date.now() + 1_000));
        const fireAt = nextFireAt(ctx.quick ? QUICK_LEAD_MS : LEAD_MS);
        const round = await generateRound(ctx, index + 1, cohorts, fireAt);
        await plan(queue, round);
        if (Date.now() > fireAt - 1_000) throw new Error('planning the kick-off took longer than its lead: it would have fired before being measured');
        // Just before the last kick-off fires: every round's plan of the coming days is in Redis, as it stays.
        if (index === rounds - 1) [memory.before, memory.used] = [await jobMemory(redis, ctx.redisPrefix), await usedMemory(redis)];
        const meter = new CpuMeter({ worker: () => [ctx.stack.apps.worker.pid], postgres: () => pidsNamed('postgres'), realtime: () => [ctx.stack.apps.realtime.pid] });
        await sleep(Math.max(0, fireAt - Date.now()));
        meter.start();
        const measured = await measureFabrique(ctx, round, learners);
        cpu.push(meter.stop());
        jobTimes.push(await firedJobTimes(queue, round));
        fabrique.push(measured.persistedMs);
        dispatched.push(measured.dispatchedMs);
        ctx.log.info(
          `  round ${index + 1}/${rounds}: Fabrique ${learners} notifications persisted in ${measured.persistedMs} ms (pushed in ${measured.dispatchedMs} ms); ` +
            `baseline ${learners} no-op jobs in ${baseline.at(-1)} ms`,
        );
      }
      await ctx.sampleRss('after Monday reminders');

      // Finished jobs stay a minute, then the queues' scheduler jobs trim them: a quick run does not wait for that.
      const peak = await jobMemory(redis, ctx.redisPrefix);
      let after = peak;
      const settleBy = Date.now() + (ctx.quick ? 0 : 100_000);
      while (Date.now() < settleBy && after.bytes > memory.before.bytes * 1.02) {
        await sleep(2_000);
        after = await jobMemory(redis, ctx.redisPrefix);
      }
      const usedAfter = await usedMemory(redis);
      const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
      const perSecond = (ms: number[]) => ms.map((value) => (learners / value) * 1000);
      return [
        comparedRow({
          scenario: SCENARIO,
          metric: `kick-off of ${learners.toLocaleString('en')} learners in ${cohorts} cohorts: notifications persisted per second (baseline: no-op BullMQ jobs per second)`,
          unit: '/s',
          target: '≥ 0.5',
          fabrique: perSecond(fabrique),
          baseline: perSecond(baseline),
          notes:
            `From the planned minute to the last notification row (Fabrique) or the last completed job (baseline); ${rounds} round(s), the baseline run ` +
            `just before each of Fabrique's. Times: Fabrique ${fabrique.join(', ')} ms; baseline ${baseline.join(', ')} ms. ` +
            `CPU (% of one core) from the minute until every notification was pushed: ${describeCpu(cpu)}. Kick-off jobs per round: ${jobTimes.join('; ')}.`,
        }),
        soloRow({
          scenario: SCENARIO,
          metric: `kick-off: until every notification is pushed to sockets (dispatched)`,
          unit: 'ms',
          values: dispatched,
        }),
        ...(ctx.quick ? [] : [comparedRow({
          scenario: SCENARIO,
          metric: 'Redis memory of the queues (all but event streams) once done ÷ just before the last kick-off',
          unit: 'KiB',
          target: '≤ 1.05×',
          fabrique: [after.bytes / 1024],
          baseline: [memory.before.bytes / 1024],
          notes:
            `Keys under the BullMQ prefix: ${memory.before.keys} before (the plan of the coming days), ${peak.keys} (${kib(peak.bytes)}) right after the last round, ` +
            `${after.keys} (${kib(after.bytes)}) once finished jobs were trimmed. Redis used_memory: ${mib(memory.used).toFixed(2)} MiB before, ${mib(usedAfter).toFixed(2)} MiB after ` +
            `(the difference is mostly the event streams, capped by BullMQ at 10,000 events per queue).`,
        })]),
      ];
    } finally {
      await queue.close();
      redis.disconnect();
    }
  },
};
