import { DEFAULT_JOB_OPTIONS } from '@fabrique/contracts';
import { untilJobIs, WorkerTestContext } from '../testing/worker-test-context.js';
import { fireJobId, REACT_SCHEDULER, RECONCILE_SCHEDULER, ReminderPlan } from './reminder-plan.js';
import { ReminderKit } from './reminders.test-kit.js';
import { ReminderClock } from './reminder-clock.js';

const HOUR = 3600_000;

describe('reminders queue: the plan kept as delayed jobs', () => {
  const ctx = new WorkerTestContext();
  let kit: ReminderKit;
  let plan: ReminderPlan;
  beforeAll(async () => {
    await ctx.start();
    kit = new ReminderKit(ctx);
    plan = ctx.app.get(ReminderPlan);
  });
  afterAll(() => ctx.stop());

  it('reconciles every 10 minutes and reacts to changes every 5 seconds, once for all worker instances', async () => {
    const queue = ctx.queues.queue('reminders');
    expect(await queue.getJobScheduler(RECONCILE_SCHEDULER)).toMatchObject({ name: 'reconcile-reminders', every: 600_000 });
    expect(await queue.getJobScheduler(REACT_SCHEDULER)).toMatchObject({ name: 'react-to-changes', every: 5_000 });
  });

  it('plans each kind into delayed jobs with deterministic ids, at local times across the change to winter time', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-11-13');
    const author = await kit.member(cohort, 'facilitator');
    await kit.presentialWeek(cohort, '2026-11-02');
    const { assignmentId } = await kit.brief(cohort, 'individual', '2026-10-23T15:00:00Z', author);
    // Sunday noon: nothing falls in the six hours of grace before it.
    const now = kit.setNow('2026-10-18T12:00:00Z');

    const result = await plan.reconcile();
    expect(result.planned).toBeGreaterThanOrEqual(11);
    const jobs = await kit.pending(cohort.id);
    const c = cohort.id;
    const expected = [
      [`facilitator.digest:${c}:2026-10-19`, '2026-10-19T06:30:00.000Z'],
      [`week.kickoff:${c}:2026-10-19`, '2026-10-19T07:00:00.000Z'],
      [`facilitator.digest:${c}:2026-10-20`, '2026-10-20T06:30:00.000Z'],
      [`facilitator.digest:${c}:2026-10-21`, '2026-10-21T06:30:00.000Z'],
      [`brief.deadline:${assignmentId}:48h`, '2026-10-21T15:00:00.000Z'],
      [`facilitator.digest:${c}:2026-10-22`, '2026-10-22T06:30:00.000Z'],
      [`inactivity.check:${c}:2026-10-19`, '2026-10-22T08:00:00.000Z'],
      [`facilitator.digest:${c}:2026-10-23`, '2026-10-23T06:30:00.000Z'],
      [`brief.deadline:${assignmentId}:3h`, '2026-10-23T12:00:00.000Z'],
      // 25 October: Paris goes back to UTC+1, the local times stay.
      [`facilitator.digest:${c}:2026-10-26`, '2026-10-26T07:30:00.000Z'],
      [`onsite.coming:${c}:2026-11-02:7d`, '2026-10-26T08:00:00.000Z'],
      [`week.kickoff:${c}:2026-10-26`, '2026-10-26T08:00:00.000Z'],
    ];
    expect(jobs.map((job) => [job.key, job.fireAt])).toEqual(expected);
    for (const job of jobs) {
      expect(job.id).toBe(fireJobId(job.key));
      expect(job.delay).toBe(new Date(job.fireAt).getTime() - now.getTime());
    }
    expect(jobs.find((job) => job.key === `week.kickoff:${c}:2026-10-26`)?.delay).toBe(7 * 24 * HOUR + 20 * HOUR);

    // Retries and retention come from DEFAULT_JOB_OPTIONS.
    const job = await ctx.queues.queue('reminders').getJob(fireJobId(`week.kickoff:${c}:2026-10-19`));
    expect(job?.opts).toMatchObject({ attempts: DEFAULT_JOB_OPTIONS.attempts, backoff: DEFAULT_JOB_OPTIONS.backoff });
    expect(job?.data).toEqual({ kind: 'week.kickoff', key: `week.kickoff:${c}:2026-10-19`, cohortId: c, fireAt: '2026-10-19T07:00:00.000Z', ref: { monday: '2026-10-19' } });

    // Nothing to repair the second time.
    expect(await plan.replanCohort(cohort.id)).toEqual({ planned: expected.length, added: 0, moved: 0, removed: 0 });
    expect(await kit.pending(cohort.id)).toEqual(jobs);
  });

  it('counts each delay from when its job is added, not from when the plan was read', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-11-13');
    kit.setNow('2026-10-18T12:00:00Z');
    // Reading a thousand cohorts takes seconds: the clock has moved on by the time jobs are added.
    const clock = ctx.app.get(ReminderClock);
    const times = [new Date('2026-10-18T12:00:00Z'), new Date('2026-10-18T12:00:03Z')];
    clock.now = () => times.shift() ?? new Date('2026-10-18T12:00:03Z');
    await plan.replanCohort(cohort.id);
    const kickoff = (await kit.pending(cohort.id)).find((job) => job.key === `week.kickoff:${cohort.id}:2026-10-19`);
    expect(kickoff?.delay).toBe(new Date('2026-10-19T07:00:00Z').getTime() - new Date('2026-10-18T12:00:03Z').getTime());
  });

  it('plans the spring change to summer time too', async () => {
    const cohort = await kit.cohort('2027-03-22', '2027-04-30');
    const now = kit.setNow('2027-03-21T12:00:00Z');
    await plan.replanCohort(cohort.id);
    const kickoffs = (await kit.pending(cohort.id)).filter((job) => job.key.startsWith('week.kickoff'));
    expect(kickoffs.map((job) => [job.key.split(':')[2], job.fireAt])).toEqual([
      ['2027-03-22', '2027-03-22T08:00:00.000Z'],
      // 28 March: Paris goes to UTC+2.
      ['2027-03-29', '2027-03-29T07:00:00.000Z'],
    ]);
    expect(kickoffs[1]!.delay).toBe(new Date('2027-03-29T07:00:00Z').getTime() - now.getTime());
  });

  it('follows the cohort’s settings: a kind turned off loses its jobs, another time moves them', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-11-13');
    kit.setNow('2026-10-18T12:00:00Z');
    await plan.replanCohort(cohort.id);
    expect((await kit.pending(cohort.id)).filter((job) => job.key.startsWith('facilitator.digest'))).toHaveLength(6);

    await kit.dataSource.query(
      `INSERT INTO cohort_reminder_settings (cohort_id, kind, enabled, local_time) VALUES ($1, 'facilitator.digest', false, NULL), ($1, 'week.kickoff', true, '10:30')`,
      [cohort.id],
    );
    const result = await plan.replanCohort(cohort.id);
    expect(result).toMatchObject({ added: 0, moved: 2, removed: 6 });
    const jobs = await kit.pending(cohort.id);
    expect(jobs.some((job) => job.key.startsWith('facilitator.digest'))).toBe(false);
    expect(jobs.filter((job) => job.key.startsWith('week.kickoff')).map((job) => [job.id, job.fireAt])).toEqual([
      [fireJobId(`week.kickoff:${cohort.id}:2026-10-19`), '2026-10-19T08:30:00.000Z'],
      [fireJobId(`week.kickoff:${cohort.id}:2026-10-26`), '2026-10-26T09:30:00.000Z'],
    ]);
  });

  it('replaces a job that ran stale because its time changed before the move reached Redis', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-11-13');
    const [learner] = await kit.learners(cohort, 1);
    kit.setNow('2026-10-18T12:00:00Z');
    await plan.replanCohort(cohort.id);
    const key = `week.kickoff:${cohort.id}:2026-10-19`;
    const queue = ctx.queues.queue('reminders');
    // The kick-off moves to 10:30 and its 09:00 job fires before any replan saw it.
    await kit.dataSource.query(`INSERT INTO cohort_reminder_settings (cohort_id, kind, enabled, local_time) VALUES ($1, 'week.kickoff', true, '10:30')`, [cohort.id]);
    await (await queue.getJob(fireJobId(key)))!.promote();
    expect(await untilJobIs('reminders', fireJobId(key), ['completed', 'failed'])).toBe('completed');
    expect((await queue.getJob(fireJobId(key)))?.returnvalue).toEqual({ notified: 0, skipped: 'stale' });

    expect(await plan.replanCohort(cohort.id)).toMatchObject({ added: 1, moved: 1 });
    const job = await queue.getJob(fireJobId(key));
    expect(await job?.getState()).toBe('delayed');
    expect(job?.data.fireAt).toBe('2026-10-19T08:30:00.000Z');
    expect(await kit.notifications('week.kickoff', key)).toEqual([]);
    expect(learner).toBeDefined();
  });

  it('sends an occurrence missed by less than six hours at once, and only if it was not sent already', async () => {
    const cohort = await kit.cohort('2026-09-28', '2026-10-30');
    const [learner] = await kit.learners(cohort, 1);
    const key = `week.kickoff:${cohort.id}:2026-10-05`;
    // Monday 5 October, 12:00 in Paris: the 09:00 kick-off is three hours late.
    kit.setNow('2026-10-05T10:00:00Z');
    await plan.replanCohort(cohort.id);
    expect(await untilJobIs('reminders', fireJobId(key), ['completed', 'failed'])).toBe('completed');
    expect(await kit.notifications('week.kickoff', key)).toEqual([expect.objectContaining({ userId: learner })]);

    // The completed job forgotten (Redis lost, say): the notification shows it was sent.
    await ctx.queues.queue('reminders').remove(fireJobId(key));
    await plan.replanCohort(cohort.id);
    expect(await ctx.queues.queue('reminders').getJob(fireJobId(key))).toBeUndefined();
    expect(await kit.countNotifications('week.kickoff', key)).toEqual({ rows: 1, users: 1 });
  });

  it('does not send again an occurrence that notified nobody once its finished job has left Redis', async () => {
    // No learners: the kick-off fires and notifies nobody, so no notification marks it as sent.
    const cohort = await kit.cohort('2026-09-28', '2026-10-30');
    const key = `week.kickoff:${cohort.id}:2026-10-05`;
    kit.setNow('2026-10-05T10:00:00Z');
    await plan.replanCohort(cohort.id);
    expect(await untilJobIs('reminders', fireJobId(key), ['completed', 'failed'])).toBe('completed');
    expect((await ctx.queues.queue('reminders').getJob(fireJobId(key)))?.returnvalue).toEqual({ notified: 0 });

    await ctx.queues.queue('reminders').remove(fireJobId(key)); // as the retention does after a minute
    expect(await plan.replanCohort(cohort.id)).toMatchObject({ added: 0 });
    expect(await ctx.queues.queue('reminders').getJob(fireJobId(key))).toBeUndefined();
    const [firing] = await kit.dataSource.query(`SELECT notified FROM reminder_firings WHERE occurrence_key = $1`, [key]);
    expect(firing).toEqual({ notified: 0 });
  });

  it('restores exactly the same plan after Redis lost every job', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-11-13');
    const author = await kit.member(cohort, 'facilitator');
    await kit.presentialWeek(cohort, '2026-11-02');
    await kit.brief(cohort, 'group', '2026-10-23T15:00:00Z', author);
    kit.setNow('2026-10-18T12:00:00Z');
    await plan.reconcile();
    const before = await kit.pending(cohort.id);
    expect(before.length).toBeGreaterThan(10);

    expect(await kit.wipeRedis()).toBeGreaterThan(0);
    expect(await kit.pending(cohort.id)).toEqual([]);
    await plan.reconcile();
    expect(await kit.pending(cohort.id)).toEqual(before);
    await plan.upsertSchedulers();
  });
});
