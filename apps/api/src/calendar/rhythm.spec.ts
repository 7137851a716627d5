import { ApiTestContext } from '../testing/api-test-context.js';

describe('planning a rhythm: preview, then commit', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  async function setUp() {
    const cohort = await ctx.fixtures.cohort({ startsOn: '2026-09-07', endsOn: '2027-06-25' });
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
    await ctx.fixtures.member(cohort, 'learner');
    const [room] = await ctx.dataSource.query(`SELECT id FROM rooms WHERE site_id = $1 AND name = 'Salle du fournil'`, [cohort.homeSiteId]);
    const admin = await ctx.as(await ctx.fixtures.admin());
    const plan = { rule: { kind: 'first-full-week-of-month' }, roomId: room.id as string, facilitatorIds: [facilitator.id], agenda: 'Semaine projet' };
    return { cohort, facilitator, admin, plan };
  }

  const weeksOf = async (cohortId: string) =>
    (await ctx.dataSource.query(`SELECT to_char(monday, 'YYYY-MM-DD') AS monday FROM cohort_weeks WHERE cohort_id = $1 AND status = 'scheduled' ORDER BY monday`, [cohortId])).map(
      (row: { monday: string }) => row.monday,
    );

  it('previews every week the rule yields with its clashes, and writes nothing', async () => {
    const { cohort, admin, plan } = await setUp();
    await admin.post(`/api/cohorts/${cohort.id}/periods`).send({ kind: 'holiday', from: '2027-01-04', to: '2027-01-08' }).expect(201);
    const eventsBefore = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM domain_events WHERE aggregate_id = $1`, [cohort.id]);

    const preview = await admin.post(`/api/cohorts/${cohort.id}/rhythm/preview`).send(plan).expect(200);
    const mondays = preview.body.weeks.map((week: { monday: string }) => week.monday);
    expect(mondays).toEqual([
      '2026-09-07', '2026-10-05', '2026-11-02', '2026-12-07', '2027-01-04', '2027-02-01',
      '2027-03-01', '2027-04-05', '2027-05-03', '2027-06-07',
    ]);
    const january = preview.body.weeks.find((week: { monday: string }) => week.monday === '2027-01-04');
    expect(january).toMatchObject({ isoWeek: '2027-W01', clashes: [{ code: 'holiday', message: expect.stringContaining('2027-01-04') }] });
    expect(preview.body.acceptable).toHaveLength(9);

    expect(await weeksOf(cohort.id)).toEqual(['2027-01-04']);
    const eventsAfter = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM domain_events WHERE aggregate_id = $1`, [cohort.id]);
    expect(eventsAfter[0].n).toBe(eventsBefore[0].n);
  });

  it('commits the accepted weeks in one transaction, with one event per week', async () => {
    const { cohort, admin, plan } = await setUp();
    const preview = await admin.post(`/api/cohorts/${cohort.id}/rhythm/preview`).send(plan).expect(200);
    const accept = preview.body.acceptable.slice(0, 4);
    const committed = await admin.post(`/api/cohorts/${cohort.id}/rhythm`).send({ ...plan, accept }).expect(201);
    expect(committed.body.map((week: { monday: string }) => week.monday)).toEqual(accept);
    expect(await weeksOf(cohort.id)).toEqual(accept);
    const events = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM domain_events WHERE aggregate_id = $1 AND type = 'cohort_week.scheduled'`, [cohort.id]);
    expect(events[0].n).toBe(4);
  });

  it('writes nothing at all when one accepted week clashes (booked meanwhile by another cohort)', async () => {
    const { cohort, admin, plan } = await setUp();
    const other = await ctx.fixtures.cohort();
    await ctx.dataSource.query(`UPDATE cohorts SET home_site_id = $1 WHERE id = $2`, [cohort.homeSiteId, other.id]);
    await admin.post(`/api/cohorts/${other.id}/presential-weeks`).send({ monday: '2026-12-07', roomId: plan.roomId, facilitatorIds: [] }).expect(201);

    const response = await admin
      .post(`/api/cohorts/${cohort.id}/rhythm`)
      .send({ ...plan, accept: ['2026-10-05', '2026-11-02', '2026-12-07', '2027-02-01'] })
      .expect(409);
    expect(response.body.message).toContain('Nothing was scheduled');
    expect(response.body.details).toEqual([
      { field: 'accept.2026-12-07', message: expect.stringContaining(other.name), rule: 'room_booked', params: { room: expect.any(String), cohort: other.name } },
    ]);
    expect(await weeksOf(cohort.id)).toEqual([]);
  });

  it('refuses an accepted week the rule does not yield, and a malformed rule, naming the field', async () => {
    const { cohort, admin, plan } = await setUp();
    const foreign = await admin.post(`/api/cohorts/${cohort.id}/rhythm`).send({ ...plan, accept: ['2026-09-14'] }).expect(400);
    expect(foreign.body.details).toEqual([
      { field: 'accept', message: 'accept lists weeks the rule does not yield: 2026-09-14', rule: 'yieldedByRule', params: { weeks: '2026-09-14' } },
    ]);
    const bad = await admin.post(`/api/cohorts/${cohort.id}/rhythm/preview`).send({ ...plan, rule: { kind: 'every-n-weeks', every: 0 } }).expect(400);
    expect(bad.body.details).toEqual([
      { field: 'rule.every', message: 'rule.every must be a whole number of weeks from 1 to 12', rule: 'rhythmEvery', limit: 12 },
      { field: 'rule.from', message: 'rule.from must be a Monday (YYYY-MM-DD)', rule: 'isMonday' },
    ]);
  });

  it('plans every 4th week from a date', async () => {
    const { cohort, admin, plan } = await setUp();
    const preview = await admin
      .post(`/api/cohorts/${cohort.id}/rhythm/preview`)
      .send({ ...plan, rule: { kind: 'every-n-weeks', every: 4, from: '2026-09-14' } })
      .expect(200);
    expect(preview.body.weeks.slice(0, 4).map((week: { monday: string }) => week.monday)).toEqual(['2026-09-14', '2026-10-12', '2026-11-09', '2026-12-07']);
  });
});
