import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { jobId } from '@fabrique/contracts';
import { Fixtures } from '@fabrique/testing';
import { untilJobIs, WorkerTestContext } from '../testing/worker-test-context.js';
import { EVIDENCE_PURGE_SCHEDULER } from './evidence-retention.js';

describe('maintenance queue: attendance evidence retention', () => {
  const ctx = new WorkerTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('schedules the purge every night, once for all worker instances', async () => {
    const scheduler = await ctx.queues.queue('maintenance').getJobScheduler(EVIDENCE_PURGE_SCHEDULER);
    expect(scheduler).toMatchObject({ name: 'purge-expired-evidence', pattern: '30 3 * * *', tz: 'Europe/Paris' });
  });

  it('deletes evidence older than three years and keeps the rest', async () => {
    const dataSource = ctx.app.get<DataSource>(getDataSourceToken());
    const fixtures = new Fixtures(dataSource);
    const cohort = await fixtures.cohort();
    const learner = await fixtures.member(cohort, 'learner');
    const facilitator = await fixtures.member(cohort, 'facilitator');
    const mark = (date: string) =>
      dataSource.query(
        `INSERT INTO attendance_marks (cohort_id, learner_id, on_date, half_day, status, source, recorded_by)
         VALUES ($1, $2, $3, 'morning', 'present', 'facilitator', $4) RETURNING id`,
        [cohort.id, learner.id, date, facilitator.id],
      );
    const [[old], [recent]] = [await mark('2020-01-06'), await mark('2026-01-05')];
    await dataSource.query(`INSERT INTO activity_log (user_id, kind, occurred_at) VALUES ($1, 'sign_in', now() - interval '4 years'), ($1, 'sign_in', now())`, [learner.id]);

    const id = jobId('purge-expired-evidence', randomUUID());
    await ctx.queues.add('purge-expired-evidence', {}, { jobId: id });
    expect(await untilJobIs('maintenance', id, ['completed', 'failed'])).toBe('completed');
    const job = await ctx.queues.queue('maintenance').getJob(id);
    expect(job?.returnvalue.deleted).toBeGreaterThanOrEqual(2);

    const marks = await dataSource.query(`SELECT id FROM attendance_marks WHERE learner_id = $1`, [learner.id]);
    expect(marks.map((row: { id: string }) => row.id)).toEqual([recent.id]);
    expect(marks).not.toContainEqual({ id: old.id });
    const activity = await dataSource.query(`SELECT count(*)::int AS n FROM activity_log WHERE user_id = $1`, [learner.id]);
    expect(activity[0].n).toBe(1);
  });
});
