import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { jobId } from '@fabrique/contracts';
import { Fixtures } from '@fabrique/testing';
import { untilJobIs, WorkerTestContext } from '../testing/worker-test-context.js';
import { LIVE_HISTORY_PURGE_SCHEDULER, TICKET_ESCALATION_SCHEDULER } from './help-queue-upkeep.js';

describe('maintenance queue: the help queue’s upkeep', () => {
  const ctx = new WorkerTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('scans every 30 seconds, once for all worker instances', async () => {
    const scheduler = await ctx.queues.queue('maintenance').getJobScheduler(TICKET_ESCALATION_SCHEDULER);
    expect(scheduler).toMatchObject({ name: 'escalate-waiting-tickets', every: 30_000 });
    const purge = await ctx.queues.queue('maintenance').getJobScheduler(LIVE_HISTORY_PURGE_SCHEDULER);
    expect(purge).toMatchObject({ name: 'purge-live-history', pattern: '45 3 * * *', tz: 'Europe/Paris' });
  });

  it('forgets live events after a month and command results after a week, keeping what is recent or unpublished', async () => {
    const dataSource = ctx.app.get<DataSource>(getDataSourceToken());
    const fixtures = new Fixtures(dataSource);
    const cohort = await fixtures.cohort();
    const learner = await fixtures.member(cohort, 'learner');
    await dataSource.query(
      `INSERT INTO live_events (cohort_id, seq, type, audience, payload, public_payload, created_at, published_at) VALUES
         ($1, 1, 'queue.announcement', 'cohort', '{}', '{}', now() - interval '40 days', now() - interval '40 days'),
         ($1, 2, 'queue.announcement', 'cohort', '{}', '{}', now() - interval '40 days', NULL),
         ($1, 3, 'queue.announcement', 'cohort', '{}', '{}', now() - interval '2 days', now())`,
      [cohort.id],
    );
    await dataSource.query(
      `INSERT INTO live_commands (user_id, command_id, command, result, created_at) VALUES ($1, $2, 'ticket:raise', '{}', now() - interval '8 days'), ($1, $3, 'ticket:raise', '{}', now())`,
      [learner.id, randomUUID(), randomUUID()],
    );
    const id = jobId('purge-live-history', randomUUID());
    await ctx.queues.add('purge-live-history', {}, { jobId: id });
    expect(await untilJobIs('maintenance', id, ['completed', 'failed'])).toBe('completed');
    const seqs = await dataSource.query(`SELECT seq::int FROM live_events WHERE cohort_id = $1 ORDER BY seq`, [cohort.id]);
    expect(seqs.map((r: { seq: number }) => r.seq)).toEqual([2, 3]);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM live_commands WHERE user_id = $1`, [learner.id]);
    expect(n).toBe(1);
  });

  it('escalates a ticket waiting more than ten minutes once, to every facilitator, and leaves newer ones', async () => {
    const dataSource = ctx.app.get<DataSource>(getDataSourceToken());
    const fixtures = new Fixtures(dataSource);
    const cohort = await fixtures.cohort();
    const facilitators = [await fixtures.member(cohort, 'facilitator'), await fixtures.member(cohort, 'facilitator')];
    const learners = [await fixtures.member(cohort, 'learner'), await fixtures.member(cohort, 'learner')];
    const raise = async (learnerId: string, minutesAgo: number) =>
      (
        await dataSource.query(
          `INSERT INTO help_tickets (cohort_id, learner_id, question, raised_at) VALUES ($1, $2, 'Mon serveur ne démarre pas', now() - make_interval(mins => $3)) RETURNING id`,
          [cohort.id, learnerId, minutesAgo],
        )
      )[0].id as string;
    const overdue = await raise(learners[0]!.id, 12);
    const recent = await raise(learners[1]!.id, 3);

    for (let run = 0; run < 2; run++) {
      const id = jobId('escalate-waiting-tickets', randomUUID());
      await ctx.queues.add('escalate-waiting-tickets', {}, { jobId: id });
      expect(await untilJobIs('maintenance', id, ['completed', 'failed'])).toBe('completed');
    }
    const tickets = await dataSource.query(`SELECT id, escalated_at IS NOT NULL AS escalated FROM help_tickets WHERE id = ANY($1)`, [[overdue, recent]]);
    expect(Object.fromEntries(tickets.map((t: { id: string; escalated: boolean }) => [t.id, t.escalated]))).toEqual({ [overdue]: true, [recent]: false });
    const notified = await dataSource.query(`SELECT user_id FROM notifications WHERE kind = 'ticket.escalated' AND occurrence_key = $1`, [overdue]);
    expect(notified.map((n: { user_id: string }) => n.user_id).sort()).toEqual(facilitators.map((f) => f.id).sort());
    const events = await dataSource.query(`SELECT type, audience FROM live_events WHERE cohort_id = $1 AND ticket_id = $2`, [cohort.id, overdue]);
    expect(events).toEqual([{ type: 'ticket.escalated', audience: 'facilitators' }]);
  });
});
