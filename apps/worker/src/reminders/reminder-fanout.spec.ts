import { randomUUID } from 'node:crypto';
import type { Cohort } from '@fabrique/persistence';
import { untilJobIs, WorkerTestContext } from '../testing/worker-test-context.js';
import { NOTIFICATION_BATCH, ReminderFanout } from './reminder-fanout.js';
import { fireJobId } from './reminder-plan.js';
import { ReminderKit, sorted } from './reminders.test-kit.js';

describe('reminders queue: firing a reminder', () => {
  const ctx = new WorkerTestContext();
  let kit: ReminderKit;
  beforeAll(async () => {
    await ctx.start();
    kit = new ReminderKit(ctx);
    kit.setNow('2026-10-18T12:00:00Z');
  });
  afterAll(() => ctx.stop());

  const module = async (cohort: Cohort, title: string, mode: string, weekMonday: string, resources: number) => {
    const [course] = await kit.dataSource.query(`INSERT INTO courses (track_id, title, status) VALUES ($1, $2, 'published') RETURNING id`, [cohort.trackId, `Cours ${randomUUID().slice(0, 6)}`]);
    const [mod] = await kit.dataSource.query(`INSERT INTO course_modules (course_id, position, title) VALUES ($1, 1, $2) RETURNING id`, [course.id, title]);
    const resourceIds: string[] = [];
    for (let position = 1; position <= resources; position++) {
      const [resource] = await kit.dataSource.query(
        `INSERT INTO course_resources (module_id, position, title, url, kind, estimated_minutes) VALUES ($1, $2, 'Lecture', 'https://exemple.fr', 'article', 20) RETURNING id`,
        [mod.id, position],
      );
      resourceIds.push(resource.id);
    }
    await kit.dataSource.query(`INSERT INTO module_assignments (module_id, cohort_id, mode, week, week_monday, due_on) VALUES ($1, $2, $3, 1, $4, $4::date + 4)`, [mod.id, cohort.id, mode, weekMonday]);
    return resourceIds;
  };

  it('kicks off a distance week for its learners with the week’s deadlines, modules and next on-site week, then pokes delivery', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const learners = await kit.learners(cohort, 2);
    const facilitator = await kit.member(cohort, 'facilitator');
    await kit.presentialWeek(cohort, '2026-11-02', 'Sprint API');
    const due = await kit.brief(cohort, 'individual', '2026-10-22T16:00:00Z', facilitator);
    await kit.brief(cohort, 'individual', '2026-10-30T16:00:00Z', facilitator);
    await module(cohort, 'Les promesses', 'during_distance', '2026-10-19', 1);
    await module(cohort, 'REST', 'prepare_before_onsite', '2026-11-02', 1);
    const key = `week.kickoff:${cohort.id}:2026-10-19`;

    expect(await kit.fire(await kit.payload(cohort.id, key, '2026-10-19T07:00:00Z'))).toEqual({ notified: 2 });
    const notified = await kit.notifications('week.kickoff', key);
    expect(notified.map((n) => n.userId)).toEqual(sorted(learners));
    const [site] = await kit.dataSource.query(`SELECT name, address FROM sites WHERE id = $1`, [cohort.homeSiteId]);
    expect(notified[0]!.payload).toEqual({
      cohortId: cohort.id,
      monday: '2026-10-19',
      deadlines: [{ assignmentId: due.assignmentId, briefTitle: due.title, dueAt: '2026-10-22T16:00:00.000Z' }],
      modules: [
        expect.objectContaining({ moduleTitle: 'Les promesses', mode: 'during_distance', dueOn: '2026-10-23' }),
        expect.objectContaining({ moduleTitle: 'REST', mode: 'prepare_before_onsite', dueOn: '2026-11-06' }),
      ],
      nextOnSiteWeek: expect.objectContaining({ monday: '2026-11-02', siteName: site.name, address: site.address, room: 'Atelier', agenda: 'Sprint API' }),
    });
    const dispatches = await ctx.queues.queue('delivery').getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed']);
    expect(dispatches.some((job) => job?.name === 'dispatch-notifications')).toBe(true);
  });

  it('announces an on-site week to learners and facilitators with its place', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const learners = await kit.learners(cohort, 2);
    const facilitator = await kit.member(cohort, 'facilitator');
    await kit.presentialWeek(cohort, '2026-10-26', 'Hackathon');
    const key = `onsite.coming:${cohort.id}:2026-10-26:7d`;
    expect(await kit.fire(await kit.payload(cohort.id, key, '2026-10-19T07:00:00Z'))).toEqual({ notified: 3 });
    const notified = await kit.notifications('onsite.coming', key);
    expect(notified.map((n) => n.userId)).toEqual(sorted([...learners, facilitator.id]));
    expect(notified[0]!.payload).toMatchObject({ cohortId: cohort.id, monday: '2026-10-26', offset: '7d', room: 'Atelier', agenda: 'Hackathon', siteName: expect.any(String), address: expect.any(String) });
  });

  it('reminds only the learners who have not submitted, alone or through their group', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const [a, b, c, d, e] = await kit.learners(cohort, 5);
    const facilitator = await kit.member(cohort, 'facilitator');

    const solo = await kit.brief(cohort, 'individual', '2026-10-22T16:00:00Z', facilitator);
    await kit.submit(solo.assignmentId, a!, { learnerId: a });
    const soloKey = `brief.deadline:${solo.assignmentId}:48h`;
    expect(await kit.fire(await kit.payload(cohort.id, soloKey, '2026-10-20T16:00:00Z'))).toEqual({ notified: 4 });
    const reminded = await kit.notifications('brief.deadline', soloKey);
    expect(reminded.map((n) => n.userId)).toEqual(sorted([b!, c!, d!, e!]));
    expect(reminded[0]!.payload).toMatchObject({ assignmentId: solo.assignmentId, briefTitle: solo.title, dueAt: '2026-10-22T16:00:00.000Z', offset: '48h' });

    // Groups {a, b} (submitted) and {c, d} (not); e is in no group.
    const team = await kit.brief(cohort, 'group', '2026-10-23T16:00:00Z', facilitator);
    const done = await kit.group(team.assignmentId, [a!, b!]);
    await kit.group(team.assignmentId, [c!, d!]);
    await kit.submit(team.assignmentId, b!, { groupId: done });
    const teamKey = `brief.deadline:${team.assignmentId}:3h`;
    expect(await kit.fire(await kit.payload(cohort.id, teamKey, '2026-10-23T13:00:00Z'))).toEqual({ notified: 3 });
    expect((await kit.notifications('brief.deadline', teamKey)).map((n) => n.userId)).toEqual(sorted([c!, d!, e!]));
  });

  it('nudges learners inactive for three days once a week and reports them to facilitators', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const [active, stale, never, poster] = await kit.learners(cohort, 4);
    const facilitator = await kit.member(cohort, 'facilitator');
    const check = '2026-10-22T08:00:00Z';
    await kit.dataSource.query(
      `INSERT INTO activity_log (user_id, kind, occurred_at) VALUES
         ($1, 'resource_done', $4::timestamptz - interval '1 day'), ($2, 'sign_in', $4::timestamptz - interval '4 days'), ($3, 'forum_post', $4::timestamptz - interval '1 hour')`,
      [active, stale, poster, check],
    );
    const key = `inactivity.check:${cohort.id}:2026-10-19`;
    const payload = await kit.payload(cohort.id, key, check);
    const first = await kit.fire(payload);
    const again = await kit.fire(payload, `test-fire.again.${randomUUID()}`);
    expect(first).toEqual({ notified: 4 });
    expect(again).toEqual({ notified: 0 });

    const nudged = await kit.notifications('inactivity.nudge', `inactivity.nudge:${cohort.id}:2026-10-19`);
    expect(nudged.map((n) => n.userId)).toEqual(sorted([stale!, never!, poster!]));
    const reports = await kit.notifications('inactivity.report', key);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.userId).toBe(facilitator.id);
    const listed = reports[0]!.payload.learners as Array<{ userId: string; lastActivityAt: string | null }>;
    expect(sorted(listed.map((l) => l.userId))).toEqual(sorted([stale!, never!, poster!]));
    expect(listed.find((l) => l.userId === stale)?.lastActivityAt).toBe('2026-10-18T08:00:00.000Z');

    // A cohort where everyone works: no nudge, no report.
    const busy = await kit.cohort('2026-10-12', '2026-12-18');
    const [worker] = await kit.learners(busy, 1);
    await kit.member(busy, 'facilitator');
    await kit.dataSource.query(`INSERT INTO activity_log (user_id, kind, occurred_at) VALUES ($1, 'submission', $2::timestamptz - interval '2 days')`, [worker, check]);
    const busyKey = `inactivity.check:${busy.id}:2026-10-19`;
    expect(await kit.fire(await kit.payload(busy.id, busyKey, check))).toEqual({ notified: 0 });
    expect(await kit.notifications('inactivity.report', busyKey)).toEqual([]);
  });

  it('gives each facilitator the morning digest of the cohort', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const [a, b, c] = await kit.learners(cohort, 3);
    const facilitators = [await kit.member(cohort, 'facilitator'), await kit.member(cohort, 'facilitator')];
    const sibling = await kit.fixtures.cohort({ startsOn: '2026-10-12', endsOn: '2026-12-18', trackId: cohort.trackId });
    const digestAt = '2026-10-21T06:30:00Z';
    // Tickets: two waiting, one claimed.
    await kit.dataSource.query(
      `INSERT INTO help_tickets (cohort_id, learner_id, question, status, claimed_by, claimed_at) VALUES
         ($1, $2, 'q1', 'waiting', NULL, NULL), ($1, $3, 'q2', 'waiting', NULL, NULL), ($1, $4, 'q3', 'claimed', $5, now())`,
      [cohort.id, a, b, c, facilitators[0]!.id],
    );
    // Threads unanswered for a day: in the cohort, and track-wide from a sibling cohort; not the recent, answered, deleted or sibling-only ones.
    const thread = (cohortId: string, scope: string, hoursOld: number, extra = '') =>
      kit.dataSource.query(
        `INSERT INTO help_threads (cohort_id, track_id, scope, author_id, title, body, created_at ${extra ? ', ' + extra.split('=')[0] : ''})
         VALUES ($1, $2, $3, $4, 'Question', 'Corps', $5::timestamptz - make_interval(hours => $6) ${extra ? ', ' + extra.split('=')[1] : ''})`,
        [cohortId, cohort.trackId, scope, a, digestAt, hoursOld],
      );
    await thread(cohort.id, 'cohort', 30);
    await thread(sibling.id, 'track', 48);
    await thread(cohort.id, 'cohort', 2);
    await thread(cohort.id, 'cohort', 30, 'reply_count=1');
    await thread(cohort.id, 'cohort', 30, 'deleted_at=now()');
    await thread(sibling.id, 'cohort', 48);
    // Submissions: a's v2 unreviewed (v1 superseded), b's reviewed.
    const solo = await kit.brief(cohort, 'individual', '2026-10-30T16:00:00Z', facilitators[0]!);
    await kit.submit(solo.assignmentId, a!, { learnerId: a }, 1);
    await kit.submit(solo.assignmentId, a!, { learnerId: a }, 2);
    const reviewed = await kit.submit(solo.assignmentId, b!, { learnerId: b });
    await kit.dataSource.query(`INSERT INTO reviews (submission_id, reviewer_id, verdict) VALUES ($1, $2, 'validated')`, [reviewed, facilitators[0]!.id]);
    // A module due on 16 October with two resources: a did both, b one, c none: two learners behind.
    const resources = await module(cohort, 'Git', 'during_distance', '2026-10-12', 2);
    await kit.dataSource.query(`INSERT INTO resource_completions (resource_id, user_id) VALUES ($1, $3), ($2, $3), ($1, $4)`, [resources[0], resources[1], a, b]);
    // A module not due yet does not count.
    await module(cohort, 'Docker', 'during_distance', '2026-10-26', 1);

    const key = `facilitator.digest:${cohort.id}:2026-10-21`;
    expect(await kit.fire(await kit.payload(cohort.id, key, digestAt))).toEqual({ notified: 2 });
    const digests = await kit.notifications('facilitator.digest', key);
    expect(digests.map((d) => d.userId)).toEqual(sorted(facilitators.map((f) => f.id)));
    expect(digests[0]!.payload).toEqual({ cohortId: cohort.id, date: '2026-10-21', ticketsWaiting: 2, unansweredThreads: 2, submissionsToReview: 1, learnersBehind: 2 });
  });

  it('notifies each user once under a duplicated job, or two jobs for the same occurrence', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const learners = await kit.learners(cohort, 5);
    const key = `week.kickoff:${cohort.id}:2026-10-19`;
    const payload = await kit.payload(cohort.id, key, '2026-10-19T07:00:00Z');
    const id = fireJobId(key);
    await Promise.all([ctx.queues.add('fire-reminder', payload, { jobId: id }), ctx.queues.add('fire-reminder', payload, { jobId: id })]);
    expect(await untilJobIs('reminders', id, ['completed', 'failed'])).toBe('completed');
    expect(await kit.fire(payload)).toEqual({ notified: 0 });
    expect(await kit.countNotifications('week.kickoff', key)).toEqual({ rows: learners.length, users: learners.length });
  });

  it('finishes a fan-out cut short after its first batch without notifying anyone twice', async () => {
    const cohort = await kit.cohort('2026-10-12', '2026-12-18');
    const learners = await kit.learners(cohort, 2_500);
    const key = `week.kickoff:${cohort.id}:2026-10-19`;
    const payload = await kit.payload(cohort.id, key, '2026-10-19T07:00:00Z');
    const fanout = ctx.app.get(ReminderFanout);
    const batches: number[] = [];
    fanout.batchWritten = async (index) => {
      batches.push(index);
      if (index === 0) throw new Error('worker killed');
    };
    try {
      await expect(fanout.fire(payload)).rejects.toThrow('worker killed');
      expect(await kit.countNotifications('week.kickoff', key)).toEqual({ rows: NOTIFICATION_BATCH, users: NOTIFICATION_BATCH });
      batches.length = 0;
      fanout.batchWritten = async (index) => void batches.push(index);
      expect(await fanout.fire(payload)).toEqual({ notified: learners.length - NOTIFICATION_BATCH });
      expect(batches).toEqual([0, 1, 2]);
    } finally {
      delete (fanout as Partial<ReminderFanout>).batchWritten;
    }
    expect(await kit.countNotifications('week.kickoff', key)).toEqual({ rows: 2_500, users: 2_500 });
  });

  it('notifies each user once when two workers process the same occurrence at once', async () => {
    const other = await new WorkerTestContext().start();
    try {
      const cohort = await kit.cohort('2026-10-12', '2026-12-18');
      const learners = await kit.learners(cohort, 300);
      const key = `week.kickoff:${cohort.id}:2026-10-19`;
      const payload = await kit.payload(cohort.id, key, '2026-10-19T07:00:00Z');
      const ids = Array.from({ length: 6 }, (_, n) => `test-fire.twice.${n}.${randomUUID()}`);
      await Promise.all(ids.map((id, n) => (n % 2 === 0 ? ctx : other).queues.add('fire-reminder', payload, { jobId: id })));
      let notified = 0;
      for (const id of ids) {
        expect(await untilJobIs('reminders', id, ['completed', 'failed'])).toBe('completed');
        notified += (await ctx.queues.queue('reminders').getJob(id))?.returnvalue.notified ?? 0;
      }
      expect(notified).toBe(learners.length);
      expect(await kit.countNotifications('week.kickoff', key)).toEqual({ rows: 300, users: 300 });
    } finally {
      await other.stop();
    }
  });
});
