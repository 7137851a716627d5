import { WorkerTestContext } from '../testing/worker-test-context.js';
import { ChangeReactor } from './change-reactor.js';
import { fireJobId, ReminderPlan } from './reminder-plan.js';
import { ReminderKit, sorted } from './reminders.test-kit.js';

describe('reminders queue: reacting to changes', () => {
  const ctx = new WorkerTestContext();
  let kit: ReminderKit;
  let reactor: ChangeReactor;
  beforeAll(async () => {
    await ctx.start();
    kit = new ReminderKit(ctx);
    reactor = ctx.app.get(ChangeReactor);
  });
  afterAll(() => ctx.stop());

  /** Runs the reaction twice (as a retried job would), then waits for the scheduler if it took the events first. */
  const reactTwice = async (eventIds: string[]) => {
    await reactor.react();
    await reactor.react();
    await kit.untilPublished(eventIds);
  };

  it('moves the reminders of a moved on-site week and tells everyone once', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const learners = await kit.learners(cohort, 3);
    const facilitator = await kit.member(cohort, 'facilitator');
    const { weekId, roomId } = await kit.presentialWeek(cohort, '2026-10-26', 'Atelier API');
    kit.setNow('2026-10-18T12:00:00Z');
    await ctx.app.get(ReminderPlan).replanCohort(cohort.id);
    const onsite = async () => (await kit.pending(cohort.id)).filter((job) => job.key.startsWith('onsite.coming')).map((job) => [job.id, job.fireAt]);
    expect(await onsite()).toEqual([
      [fireJobId(`onsite.coming:${cohort.id}:2026-10-26:7d`), '2026-10-19T07:00:00.000Z'],
      // The eve is Sunday 25 October, the day Paris goes back to UTC+1: 18:00 is 17:00 UTC.
      [fireJobId(`onsite.coming:${cohort.id}:2026-10-26:1d`), '2026-10-25T17:00:00.000Z'],
    ]);

    // What the API does when an admin moves the week a week later.
    await kit.dataSource.query(`UPDATE cohort_weeks SET monday = '2026-11-02', sequence = sequence + 1 WHERE id = $1`, [weekId]);
    const eventId = await kit.event('cohort_week.moved', cohort.id, {
      weekId,
      before: { monday: '2026-10-26', roomId, facilitatorIds: [], agenda: 'Atelier API' },
      after: { monday: '2026-11-02', roomId, facilitatorIds: [], agenda: 'Atelier API', siteId: cohort.homeSiteId },
    });
    await reactTwice([eventId]);

    expect(await onsite()).toEqual([[fireJobId(`onsite.coming:${cohort.id}:2026-11-02:7d`), '2026-10-26T08:00:00.000Z']]);
    const notified = await kit.notifications('onsite.changed', `onsite.changed:${eventId}`);
    expect(sorted(notified.map((n) => n.userId))).toEqual(sorted([...learners, facilitator.id]));
    const [{ name: siteName }] = await kit.dataSource.query(`SELECT name FROM sites WHERE id = $1`, [cohort.homeSiteId]);
    expect(notified[0]!.payload).toMatchObject({
      cohortId: cohort.id,
      weekId,
      change: 'moved',
      before: { monday: '2026-10-26', siteName, room: expect.any(String), address: expect.any(String) },
      after: { monday: '2026-11-02', siteName },
    });
    expect(await kit.countNotifications('onsite.changed', `onsite.changed:${eventId}`)).toEqual({ rows: 4, users: 4 });
  });

  it('drops the reminders of a cancelled on-site week and tells everyone; a cancelled holiday tells no one', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const [learner] = await kit.learners(cohort, 1);
    const { weekId } = await kit.presentialWeek(cohort, '2026-10-26');
    const [holiday] = await kit.dataSource.query(`INSERT INTO cohort_weeks (cohort_id, monday, kind) VALUES ($1, '2026-11-02', 'holiday') RETURNING id`, [cohort.id]);
    kit.setNow('2026-10-18T12:00:00Z');
    await ctx.app.get(ReminderPlan).replanCohort(cohort.id);
    expect((await kit.pending(cohort.id)).filter((job) => job.key.startsWith('onsite.coming'))).toHaveLength(2);

    await kit.dataSource.query(`UPDATE cohort_weeks SET status = 'cancelled' WHERE id = ANY($1::uuid[])`, [[weekId, holiday.id]]);
    const cancelled = await kit.event('cohort_week.cancelled', cohort.id, { weekId, kind: 'presential', monday: '2026-10-26' });
    const holidayCancelled = await kit.event('cohort_week.cancelled', cohort.id, { weekId: holiday.id, kind: 'holiday', monday: '2026-11-02' });
    await reactTwice([cancelled, holidayCancelled]);

    const jobs = await kit.pending(cohort.id);
    expect(jobs.some((job) => job.key.startsWith('onsite.coming'))).toBe(false);
    // The week of 26 October is a distance week again: it gets its kick-off.
    expect(jobs.map((job) => job.key)).toContain(`week.kickoff:${cohort.id}:2026-10-26`);
    const notified = await kit.notifications('onsite.changed', `onsite.changed:${cancelled}`);
    expect(notified).toEqual([expect.objectContaining({ userId: learner, payload: expect.objectContaining({ change: 'cancelled', before: expect.objectContaining({ monday: '2026-10-26' }), after: null }) })]);
    expect(await kit.notifications('onsite.changed', `onsite.changed:${holidayCancelled}`)).toEqual([]);
  });

  it('plans the deadlines of a brief when it is assigned, and drains events of every type', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const author = await kit.member(cohort, 'facilitator');
    kit.setNow('2026-10-18T12:00:00Z');
    const { assignmentId, briefId } = await kit.brief(cohort, 'individual', '2026-10-22T16:00:00Z', author);
    const assigned = await kit.event('brief.assigned', cohort.id, { assignmentId, briefId, dueAt: '2026-10-22T16:00:00.000Z' });
    const other = await kit.event('site.updated', cohort.homeSiteId as string, { name: 'x' }, { type: 'site', id: cohort.homeSiteId as string });
    await reactTwice([assigned, other]);
    const deadlines = (await kit.pending(cohort.id)).filter((job) => job.key.startsWith('brief.deadline')).map((job) => [job.key, job.fireAt]);
    expect(deadlines).toEqual([
      [`brief.deadline:${assignmentId}:48h`, '2026-10-20T16:00:00.000Z'],
      [`brief.deadline:${assignmentId}:3h`, '2026-10-22T13:00:00.000Z'],
    ]);

    // Due a day later: brief.updated names the brief, its assignments are found.
    await kit.dataSource.query(`UPDATE brief_assignments SET due_at = '2026-10-23T16:00:00Z' WHERE id = $1`, [assignmentId]);
    const updated = await kit.event('brief.updated', cohort.id, { changes: {} }, { type: 'brief', id: briefId });
    await reactTwice([updated]);
    expect((await kit.pending(cohort.id)).filter((job) => job.key.startsWith('brief.deadline')).map((job) => job.fireAt)).toEqual([
      '2026-10-21T16:00:00.000Z',
      '2026-10-23T13:00:00.000Z',
    ]);
  });

  it('sends nothing for a job whose week was cancelled after it was planned', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    await kit.learners(cohort, 2);
    const { weekId } = await kit.presentialWeek(cohort, '2026-10-26');
    kit.setNow('2026-10-18T12:00:00Z');
    const key = `onsite.coming:${cohort.id}:2026-10-26:7d`;
    const payload = await kit.payload(cohort.id, key, '2026-10-19T07:00:00Z');
    // Cancelled, and the job fires before any reaction removed it.
    await kit.dataSource.query(`UPDATE cohort_weeks SET status = 'cancelled' WHERE id = $1`, [weekId]);
    expect(await kit.fire(payload)).toEqual({ notified: 0, skipped: 'stale' });
    expect(await kit.notifications('onsite.coming', key)).toEqual([]);
    // A kind turned off since is stale too.
    const kickoff = await kit.payload(cohort.id, `week.kickoff:${cohort.id}:2026-10-19`, '2026-10-19T07:00:00Z');
    await kit.dataSource.query(`INSERT INTO cohort_reminder_settings (cohort_id, kind, enabled) VALUES ($1, 'week.kickoff', false)`, [cohort.id]);
    expect(await kit.fire(kickoff)).toEqual({ notified: 0, skipped: 'stale' });
  });
});
