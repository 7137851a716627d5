import { randomUUID } from 'node:crypto';
import { PLANNED_KINDS, REMINDER_TIMES } from '@fabrique/domain';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('a cohort’s reminder settings: GET and PUT /api/cohorts/{id}/reminder-settings', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  async function setUp() {
    const cohort = await ctx.fixtures.cohort();
    const other = await ctx.fixtures.cohort();
    const users = {
      admin: await ctx.fixtures.admin(),
      facilitator: await ctx.fixtures.member(cohort, 'facilitator'),
      learner: await ctx.fixtures.member(cohort, 'learner'),
      stranger: await ctx.fixtures.member(other, 'facilitator'),
    };
    return { cohort, users };
  }

  const url = (cohortId: string) => `/api/cohorts/${cohortId}/reminder-settings`;
  const events = (cohortId: string) =>
    ctx.dataSource.query(`SELECT type, aggregate_type, actor_id, payload FROM domain_events WHERE aggregate_id = $1 AND type LIKE 'reminder_settings.%' ORDER BY id`, [cohortId]);

  it('answers every planned kind with its effective time and default, on by default', async () => {
    const { cohort, users } = await setUp();
    const response = await (await ctx.as(users.facilitator)).get(url(cohort.id)).expect(200);
    expect(response.body.cohortId).toBe(cohort.id);
    expect(Object.keys(response.body.settings)).toEqual([...PLANNED_KINDS]);
    expect(response.body.settings).toEqual({
      'week.kickoff': { enabled: true, localTime: REMINDER_TIMES['week.kickoff'], default: '09:00', customized: false },
      'onsite.coming': { enabled: true, localTime: '09:00', default: '09:00', customized: false },
      'brief.deadline': { enabled: true, localTime: null, default: null, customized: false },
      'inactivity.check': { enabled: true, localTime: '10:00', default: '10:00', customized: false },
      'facilitator.digest': { enabled: true, localTime: '08:30', default: '08:30', customized: false },
    });
  });

  it('lets an admin turn kinds off and move times, records reminder_settings.updated in the same transaction, and resets a time with null', async () => {
    const { cohort, users } = await setUp();
    const admin = await ctx.as(users.admin);
    const put = await admin
      .put(url(cohort.id))
      .send({ 'week.kickoff': { localTime: '08:15' }, 'inactivity.check': { enabled: false }, 'brief.deadline': { enabled: false } })
      .expect(200);
    expect(put.body.settings).toMatchObject({
      'week.kickoff': { enabled: true, localTime: '08:15', default: '09:00', customized: true },
      'inactivity.check': { enabled: false, localTime: '10:00', customized: false },
      'brief.deadline': { enabled: false, localTime: null },
      'facilitator.digest': { enabled: true, localTime: '08:30' },
    });
    expect((await (await ctx.as(users.facilitator)).get(url(cohort.id)).expect(200)).body).toEqual(put.body);

    const rows = await ctx.dataSource.query(
      `SELECT kind, enabled, to_char(local_time, 'HH24:MI') AS time, updated_by FROM cohort_reminder_settings WHERE cohort_id = $1 ORDER BY kind`,
      [cohort.id],
    );
    expect(rows).toEqual([
      { kind: 'brief.deadline', enabled: false, time: null, updated_by: users.admin.id },
      { kind: 'inactivity.check', enabled: false, time: null, updated_by: users.admin.id },
      { kind: 'week.kickoff', enabled: true, time: '08:15', updated_by: users.admin.id },
    ]);
    expect(await events(cohort.id)).toEqual([
      {
        type: 'reminder_settings.updated',
        aggregate_type: 'cohort',
        actor_id: users.admin.id,
        payload: {
          kinds: ['week.kickoff', 'brief.deadline', 'inactivity.check'],
          settings: {
            'week.kickoff': { enabled: true, localTime: '08:15' },
            'brief.deadline': { enabled: false, localTime: null },
            'inactivity.check': { enabled: false, localTime: '10:00' },
          },
        },
      },
    ]);

    // null goes back to the default and keeps the switch; enabled alone keeps the time.
    const reset = await admin.put(url(cohort.id)).send({ 'week.kickoff': { localTime: null }, 'inactivity.check': { enabled: true } }).expect(200);
    expect(reset.body.settings['week.kickoff']).toEqual({ enabled: true, localTime: '09:00', default: '09:00', customized: false });
    expect(reset.body.settings['inactivity.check']).toEqual({ enabled: true, localTime: '10:00', default: '10:00', customized: false });
    const moved = await admin.put(url(cohort.id)).send({ 'facilitator.digest': { enabled: false, localTime: '07:45' } }).expect(200);
    expect(moved.body.settings['facilitator.digest']).toEqual({ enabled: false, localTime: '07:45', default: '08:30', customized: true });
    const more = await admin.put(url(cohort.id)).send({ 'facilitator.digest': { enabled: true } }).expect(200);
    expect(more.body.settings['facilitator.digest']).toEqual({ enabled: true, localTime: '07:45', default: '08:30', customized: true });
    expect(await events(cohort.id)).toHaveLength(4);

    // An empty change changes nothing and records nothing.
    await admin.put(url(cohort.id)).send({}).expect(200);
    expect(await events(cohort.id)).toHaveLength(4);
  });

  it('lets facilitators read but not change; learners get 403; strangers and unknown cohorts 404; nothing is written', async () => {
    const { cohort, users } = await setUp();
    const [facilitator, learner, stranger, admin] = await Promise.all([ctx.as(users.facilitator), ctx.as(users.learner), ctx.as(users.stranger), ctx.as(users.admin)]);
    const change = { 'week.kickoff': { enabled: false } };

    expect((await facilitator.put(url(cohort.id)).send(change).expect(403)).body.code).toBe('forbidden');
    expect((await learner.put(url(cohort.id)).send(change).expect(403)).body.code).toBe('forbidden');
    expect((await learner.get(url(cohort.id)).expect(403)).body.code).toBe('forbidden');
    expect((await stranger.get(url(cohort.id)).expect(404)).body.code).toBe('not_found');
    expect((await stranger.put(url(cohort.id)).send(change).expect(404)).body.code).toBe('not_found');
    await admin.get(url(randomUUID())).expect(404);
    await admin.put(url(randomUUID())).send(change).expect(404);
    await ctx.http().get(url(cohort.id)).expect(401);
    await ctx.http().put(url(cohort.id)).send(change).expect(401);

    expect(await ctx.dataSource.query(`SELECT 1 FROM cohort_reminder_settings WHERE cohort_id = $1`, [cohort.id])).toHaveLength(0);
    expect(await events(cohort.id)).toHaveLength(0);
  });

  it('refuses unknown kinds, bad times and a time for brief deadlines with a 400 naming the field', async () => {
    const { cohort, users } = await setUp();
    const admin = await ctx.as(users.admin);
    const bad = async (body: unknown, field: string) => {
      const response = await admin.put(url(cohort.id)).send(body as object).expect(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    };
    await bad({ 'week.kickof': { enabled: false } }, 'week.kickof');
    await bad({ 'onsite.changed': { enabled: false } }, 'onsite.changed');
    await bad({ 'week.kickoff': { localTime: '9:00' } }, 'week.kickoff.localTime');
    await bad({ 'week.kickoff': { localTime: '24:00' } }, 'week.kickoff.localTime');
    await bad({ 'week.kickoff': { enabled: 'no' } }, 'week.kickoff.enabled');
    await bad({ 'week.kickoff': { snooze: true } }, 'week.kickoff.snooze');
    await bad({ 'week.kickoff': false }, 'week.kickoff');
    await bad({ 'brief.deadline': { localTime: '09:00' } }, 'brief.deadline.localTime');
    await admin.put(url('not-a-uuid')).send({}).expect(400);
    expect(await ctx.dataSource.query(`SELECT 1 FROM cohort_reminder_settings WHERE cohort_id = $1`, [cohort.id])).toHaveLength(0);
  });
});
