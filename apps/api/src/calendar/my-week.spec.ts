import { ApiTestContext } from '../testing/api-test-context.js';

describe('my week: what to study and what is due', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('lists this week’s modules, the preparation for the next on-site week, and this week’s deadlines', async () => {
    const cohort = await ctx.fixtures.cohort({ startsOn: '2026-09-07', endsOn: '2027-06-25' });
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const [room] = await ctx.dataSource.query(`SELECT id FROM rooms WHERE site_id = $1 AND name = 'Salle du fournil'`, [cohort.homeSiteId]);
    const admin = await ctx.as(await ctx.fixtures.admin());
    await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send({ monday: '2026-10-19', roomId: room.id, facilitatorIds: [facilitator.id] }).expect(201);

    const course = (await admin.post('/api/courses').send({ trackId: cohort.trackId, title: 'Les bases du web' }).expect(201)).body;
    const html = (await admin.post(`/api/courses/${course.id}/modules`).send({ title: 'HTML sémantique' }).expect(201)).body;
    const css = (await admin.post(`/api/courses/${course.id}/modules`).send({ title: 'CSS et mise en page' }).expect(201)).body;
    const resource = { url: 'https://developer.mozilla.org/fr/docs/Web/HTML', kind: 'documentation', estimatedMinutes: 30 };
    const first = (await admin.post(`/api/courses/${course.id}/modules/${html.id}/resources`).send({ ...resource, title: 'Structure d’une page' }).expect(201)).body;
    await admin.post(`/api/courses/${course.id}/modules/${html.id}/resources`).send({ ...resource, title: 'Formulaires' }).expect(201);
    await admin.post(`/api/courses/${course.id}/modules/${css.id}/resources`).send({ ...resource, title: 'Flexbox' }).expect(201);
    await admin.patch(`/api/courses/${course.id}`).send({ status: 'published' }).expect(200);
    await admin.post(`/api/cohorts/${cohort.id}/module-assignments`).send({ moduleId: html.id, mode: 'during_distance', week: 2 }).expect(201);
    await admin.post(`/api/cohorts/${cohort.id}/module-assignments`).send({ moduleId: css.id, mode: 'prepare_before_onsite', week: 1 }).expect(201);

    const brief = (
      await admin
        .post(`/api/tracks/${cohort.trackId}/briefs`)
        .send({ title: 'Portfolio', context: 'Votre vitrine', deliverables: 'Un dépôt et une page', competencies: [{ code: 'C2', expectedLevel: 1 }], mode: 'individual' })
        .expect(201)
    ).body;
    const assignment = (
      await admin
        .post(`/api/cohorts/${cohort.id}/assignments`)
        .send({ briefId: brief.id, start: { date: '2026-09-14', time: '09:00' }, due: { date: '2026-09-18', time: '17:00' } })
        .expect(201)
    ).body;

    const me = await ctx.as(learner);
    await me.put(`/api/cohorts/${cohort.id}/resources/${first.id}/done`).expect((response) => expect(response.status).toBeLessThan(300));
    const [week] = (await me.get('/api/me/week?date=2026-09-16').expect(200)).body;
    expect(week.week).toMatchObject({ monday: '2026-09-14', kind: 'distance' });
    expect(week.toStudy).toEqual([
      expect.objectContaining({ moduleTitle: 'HTML sémantique', mode: 'during_distance', resources: 2, done: 1, estimatedMinutes: 60 }),
      expect.objectContaining({ moduleTitle: 'CSS et mise en page', mode: 'prepare_before_onsite', dueOn: '2026-10-19', resources: 1, done: 0 }),
    ]);
    expect(week.dueThisWeek).toEqual([{ assignmentId: assignment.id, briefId: brief.id, title: 'Portfolio', dueAt: '2026-09-18T15:00:00.000Z', submitted: false }]);

    await me.post(`/api/assignments/${assignment.id}/submissions`).send({ links: ['https://github.com/exemple/portfolio'], comment: 'Première version' }).expect(201);
    const [after] = (await me.get('/api/me/week?date=2026-09-16').expect(200)).body;
    expect(after.dueThisWeek[0].submitted).toBe(true);
    // The week after: nothing due, nothing to study during distance week 3.
    const [next] = (await me.get('/api/me/week?date=2026-09-23').expect(200)).body;
    expect(next.dueThisWeek).toEqual([]);
    expect(next.toStudy.map((item: { mode: string }) => item.mode)).toEqual(['prepare_before_onsite']);

    // Moving the on-site week moves the preparation's due date with it.
    const [onSite] = (await admin.get(`/api/cohorts/${cohort.id}/calendar`).expect(200)).body.filter((w: { kind: string }) => w.kind === 'presential');
    await admin.patch(`/api/cohorts/${cohort.id}/presential-weeks/${onSite.weekId}`).send({ monday: '2026-10-26' }).expect(200);
    const [moved] = (await me.get('/api/me/week?date=2026-09-23').expect(200)).body;
    expect(moved.toStudy).toEqual([expect.objectContaining({ moduleTitle: 'CSS et mise en page', dueOn: '2026-10-26' })]);
  });
});
