import { ApiTestContext } from '../testing/api-test-context.js';

describe('cohorts', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('lets an admin create and edit a cohort, recording events', async () => {
    const [site, track] = [await ctx.fixtures.site(), await ctx.fixtures.track()];
    const admin = await ctx.as(await ctx.fixtures.admin());
    const input = { name: `Promo ${Date.now()}`, trackId: track.id, homeSiteId: site.id, startsOn: '2026-09-07', endsOn: '2027-06-25' };
    const created = await admin.post('/api/cohorts').send(input).expect(201);
    expect(created.body).toMatchObject({ ...input, fullyRemote: false, myRole: 'admin', learnerCount: 0, facilitatorCount: 0 });

    const edited = await admin.patch(`/api/cohorts/${created.body.id}`).send({ endsOn: '2027-07-02' }).expect(200);
    expect(edited.body.endsOn).toBe('2027-07-02');
    const events = await ctx.dataSource.query(`SELECT type FROM domain_events WHERE aggregate_id = $1 ORDER BY id`, [created.body.id]);
    expect(events.map((event: { type: string }) => event.type)).toEqual(['cohort.created', 'cohort.updated']);

    const remote = await admin.post('/api/cohorts').send({ ...input, name: `${input.name} distanciel`, homeSiteId: null, fullyRemote: true }).expect(201);
    expect(remote.body).toMatchObject({ homeSiteId: null, fullyRemote: true });
  });

  it('names the field for bad dates and unknown references, and writes nothing', async () => {
    const [site, track] = [await ctx.fixtures.site(), await ctx.fixtures.track()];
    const admin = await ctx.as(await ctx.fixtures.admin());
    const name = `Bad ${Date.now()}`;
    const base = { name, trackId: track.id, homeSiteId: site.id, startsOn: '2026-09-07', endsOn: '2027-06-25' };

    const reversed = await admin.post('/api/cohorts').send({ ...base, endsOn: '2026-01-01' }).expect(400);
    expect(reversed.body.details).toEqual([{ field: 'endsOn', message: 'endsOn must be after startsOn' }]);
    const notADate = await admin.post('/api/cohorts').send({ ...base, startsOn: '2027-02-29' }).expect(400);
    expect(notADate.body.details[0]).toEqual({ field: 'startsOn', message: 'startsOn must be a calendar date written YYYY-MM-DD', rule: 'isoDate' });
    const unknownTrack = await admin.post('/api/cohorts').send({ ...base, trackId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(unknownTrack.body.details[0].field).toBe('trackId');
    const noSite = await admin.post('/api/cohorts').send({ ...base, homeSiteId: undefined }).expect(400);
    expect(noSite.body.details[0].field).toBe('homeSiteId');
    const unknownField = await admin.post('/api/cohorts').send({ ...base, capacity: 30 }).expect(400);
    expect(unknownField.body.details[0]).toEqual({ field: 'capacity', message: 'property capacity should not exist', rule: 'whitelistValidation' });

    const written = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM cohorts WHERE name = $1`, [name]);
    expect(written[0].n).toBe(0);
  });

  it('shows a member their cohorts only; another cohort answers 404', async () => {
    const mine = await ctx.fixtures.cohort();
    const theirs = await ctx.fixtures.cohort();
    const learner = await ctx.as(await ctx.fixtures.member(mine, 'learner'));

    const list = await learner.get('/api/cohorts').expect(200);
    expect(list.body.map((cohort: { id: string; myRole: string }) => [cohort.id, cohort.myRole])).toEqual([[mine.id, 'learner']]);
    await learner.get(`/api/cohorts/${mine.id}`).expect(200);
    const other = await learner.get(`/api/cohorts/${theirs.id}`).expect(404);
    expect(other.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Cohort not found' });
    await learner.get(`/api/cohorts/${theirs.id}/members`).expect(404);
  });

  it('refuses every write to learners and facilitators (403)', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.as(await ctx.fixtures.member(cohort, 'learner'));
    const facilitator = await ctx.as(await ctx.fixtures.member(cohort, 'facilitator'));
    const input = { name: 'x', trackId: cohort.trackId, homeSiteId: cohort.homeSiteId, startsOn: '2026-09-07', endsOn: '2027-06-25' };
    const refused = await learner.post('/api/cohorts').send(input).expect(403);
    expect(refused.body).toEqual({ statusCode: 403, code: 'forbidden', message: 'Only an admin may do this' });
    await facilitator.post('/api/cohorts').send(input).expect(403);
    await facilitator.patch(`/api/cohorts/${cohort.id}`).send({ name: 'renamed' }).expect(403);
  });

  it('lists members, with e-mails for facilitators but not for learners', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learnerUser = await ctx.fixtures.member(cohort, 'learner');
    const facilitatorUser = await ctx.fixtures.member(cohort, 'facilitator');
    const asLearner = await (await ctx.as(learnerUser)).get(`/api/cohorts/${cohort.id}/members`).expect(200);
    expect(asLearner.body).toHaveLength(2);
    expect(asLearner.body.every((member: { email?: string }) => member.email === undefined)).toBe(true);
    const asFacilitator = await (await ctx.as(facilitatorUser)).get(`/api/cohorts/${cohort.id}/members`).expect(200);
    expect(asFacilitator.body.map((member: { email: string }) => member.email).sort()).toEqual([facilitatorUser.email, learnerUser.email].sort());
  });

  it('counts learners and facilitators in the list and the cohort', async () => {
    const cohort = await ctx.fixtures.cohort();
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
    for (let i = 0; i < 3; i++) await ctx.fixtures.member(cohort, 'learner');
    const counts = { id: cohort.id, learnerCount: 3, facilitatorCount: 1 };
    const admin = await ctx.as(await ctx.fixtures.admin());
    expect((await admin.get('/api/cohorts').expect(200)).body).toContainEqual(expect.objectContaining(counts));
    expect((await (await ctx.as(facilitator)).get(`/api/cohorts/${cohort.id}`).expect(200)).body).toMatchObject({ ...counts, myRole: 'facilitator' });
    const edited = await admin.patch(`/api/cohorts/${cohort.id}`).send({ name: `Renommée ${Date.now()}` }).expect(200);
    expect(edited.body).toMatchObject(counts);
  });

  it('shows my cohorts with my role in GET /api/me', async () => {
    const cohort = await ctx.fixtures.cohort();
    const user = await ctx.fixtures.member(cohort, 'facilitator');
    const me = await (await ctx.as(user)).get('/api/me').expect(200);
    expect(me.body.cohorts).toEqual([expect.objectContaining({ id: cohort.id, role: 'facilitator', startsOn: '2026-09-07' })]);
  });
});
