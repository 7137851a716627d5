import { ApiTestContext } from '../testing/api-test-context.js';

describe('tracks and competencies', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const framework = [
    { code: 'C1', title: 'Installer et configurer son environnement de travail' },
    { code: 'C2', title: 'Maquetter des interfaces utilisateur' },
  ];

  it('lets an admin create a track with its framework, in order, and extend it', async () => {
    const admin = await ctx.as(await ctx.fixtures.admin());
    const name = `Développeur web ${Date.now()}`;
    const created = await admin.post('/api/tracks').send({ name, competencies: framework }).expect(201);
    expect(created.body.competencies.map((c: { code: string; position: number }) => [c.code, c.position])).toEqual([
      ['C1', 1],
      ['C2', 2],
    ]);
    const added = await admin.post(`/api/tracks/${created.body.id}/competencies`).send({ code: 'C3', title: 'Réaliser des interfaces statiques' }).expect(201);
    expect(added.body.position).toBe(3);
    await admin.post(`/api/tracks/${created.body.id}/competencies`).send({ code: 'C3', title: 'Encore' }).expect(409);
    await admin.patch(`/api/tracks/${created.body.id}/competencies/C1`).send({ description: 'Poste, outils, dépôt' }).expect(200);
    await admin.patch(`/api/tracks/${created.body.id}`).send({ description: 'Titre RNCP' }).expect(200);
    const read = await admin.get(`/api/tracks/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ description: 'Titre RNCP' });
    expect(read.body.competencies[0].description).toBe('Poste, outils, dépôt');
  });

  it('refuses a framework with a repeated code or no competency', async () => {
    const admin = await ctx.as(await ctx.fixtures.admin());
    const repeated = await admin.post('/api/tracks').send({ name: `T ${Date.now()}`, competencies: [framework[0], framework[0]] }).expect(400);
    expect(repeated.body.details[0].field).toBe('competencies.1.code');
    await admin.post('/api/tracks').send({ name: `U ${Date.now()}`, competencies: [] }).expect(400);
  });

  it('refuses non-admins every write, and hides tracks outside their cohorts', async () => {
    const cohort = await ctx.fixtures.cohort();
    const other = await ctx.fixtures.track();
    const facilitator = await ctx.as(await ctx.fixtures.member(cohort, 'facilitator'));
    await facilitator.post('/api/tracks').send({ name: `F ${Date.now()}`, competencies: framework }).expect(403);
    await facilitator.patch(`/api/tracks/${cohort.trackId}`).send({ name: 'x' }).expect(403);
    await facilitator.post(`/api/tracks/${cohort.trackId}/competencies`).send({ code: 'C9', title: 'x' }).expect(403);
    await facilitator.patch(`/api/tracks/${cohort.trackId}/competencies/C1`).send({ title: 'x' }).expect(403);
    const mine = await facilitator.get('/api/tracks').expect(200);
    expect(mine.body.map((track: { id: string }) => track.id)).toEqual([cohort.trackId]);
    await facilitator.get(`/api/tracks/${cohort.trackId}`).expect(200);
    await facilitator.get(`/api/tracks/${other.id}`).expect(404);
  });
});
