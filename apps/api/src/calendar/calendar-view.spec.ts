import { ApiTestContext } from '../testing/api-test-context.js';

describe('seeing the rhythm: the cohort calendar and my week', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  async function plannedCohort(timeZone = 'Europe/Paris') {
    const cohort = await ctx.fixtures.cohort({ startsOn: '2026-09-09', endsOn: '2027-06-25' });
    await ctx.dataSource.query(`UPDATE sites SET time_zone = $1 WHERE id = $2`, [timeZone, cohort.homeSiteId]);
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const [room] = await ctx.dataSource.query(`SELECT id FROM rooms WHERE site_id = $1 AND name = 'Atelier'`, [cohort.homeSiteId]);
    const admin = await ctx.as(await ctx.fixtures.admin());
    for (const monday of ['2026-10-19', '2026-10-26', '2027-03-29']) {
      await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send({ monday, roomId: room.id, facilitatorIds: [facilitator.id] }).expect(201);
    }
    await admin.post(`/api/cohorts/${cohort.id}/periods`).send({ kind: 'holiday', from: '2026-12-21', to: '2027-01-01' }).expect(201);
    await admin.post(`/api/cohorts/${cohort.id}/periods`).send({ kind: 'internship', from: '2027-05-17', to: '2027-06-25' }).expect(201);
    return { cohort, facilitator, learner, room };
  }

  it('lists every week from start to end with its kind, site, room and facilitators', async () => {
    const { cohort, learner, facilitator } = await plannedCohort();
    const calendar = (await (await ctx.as(learner)).get(`/api/cohorts/${cohort.id}/calendar`).expect(200)).body;
    // 2026-09-09 is a Wednesday: its week counts; 2027-06-25 is a Friday.
    expect(calendar[0]).toEqual({ monday: '2026-09-07', isoWeek: '2026-W37', kind: 'distance' });
    expect(calendar.at(-1)).toMatchObject({ monday: '2027-06-21', kind: 'internship' });
    expect(calendar).toHaveLength(42);
    const kinds = calendar.reduce((count: Record<string, number>, week: { kind: string }) => ({ ...count, [week.kind]: (count[week.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ distance: 31, presential: 3, holiday: 2, internship: 6 });
    const onSite = calendar.find((week: { monday: string }) => week.monday === '2026-10-26');
    expect(onSite).toMatchObject({ kind: 'presential', room: { name: 'Atelier' }, site: { id: cohort.homeSiteId }, facilitators: [{ userId: facilitator.id }] });
    // The ISO year turns in the holiday week: 2026 has a week 53.
    expect(calendar.filter((week: { kind: string }) => week.kind === 'holiday').map((week: { isoWeek: string }) => week.isoWeek)).toEqual(['2026-W52', '2026-W53']);
  });

  it('tells a learner what kind of week it is, where to be, and the next on-site week', async () => {
    const { cohort, learner, room } = await plannedCohort();
    const me = await ctx.as(learner);
    const distance = (await me.get('/api/me/week?date=2026-10-14').expect(200)).body;
    expect(distance).toEqual([
      expect.objectContaining({ cohortId: cohort.id, role: 'learner', date: '2026-10-14', week: expect.objectContaining({ kind: 'distance' }), nextOnSiteWeek: expect.objectContaining({ monday: '2026-10-19', room: { id: room.id, name: 'Atelier' } }) }),
    ]);
    const onSite = (await me.get('/api/me/week?date=2026-10-21').expect(200)).body[0];
    expect(onSite.week).toMatchObject({ kind: 'presential', monday: '2026-10-19', site: { address: expect.any(String) } });
    // Saturday of an on-site week: the next one is the week after.
    expect((await me.get('/api/me/week?date=2026-10-24').expect(200)).body[0].nextOnSiteWeek.monday).toBe('2026-10-26');
    await me.get('/api/me/week?date=2026-02-30').expect(400);
  });

  it('takes "today" in the cohort site time zone, not the server\'s (UTC)', async () => {
    // Nouméa is 11 hours ahead of UTC: for half of every day its date differs from the server's.
    // (Local wall-clock times across daylight-saving changes are covered in libs/domain and the calendar feed tests.)
    const { learner } = await plannedCohort('Pacific/Noumea');
    const me = await ctx.as(learner);
    const [week] = (await me.get('/api/me/week').expect(200)).body;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Noumea' }).format(new Date());
    expect(week.date).toBe(today);
  });
});
