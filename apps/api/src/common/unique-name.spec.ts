import { ApiTestContext } from '../testing/api-test-context.js';

describe('unique names of sites and tracks: a 409 that names the field', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const site = (name: string) => ({ name, address: '2 rue du Lavoir, 72500 Boitron', timeZone: 'Europe/Paris', rooms: [{ name: 'Atelier', capacity: 12 }] });
  const track = (name: string) => ({ name, competencies: [{ code: 'C1', title: 'Maquetter une application' }] });

  it('refuses a site name taken (whatever the case), on create and rename, with details on name', async () => {
    const admin = await ctx.as(await ctx.fixtures.admin());
    const name = `Rodez ${Date.now()}`;
    await admin.post('/api/sites').send(site(name)).expect(201);
    const duplicate = await admin.post('/api/sites').send(site(name.toUpperCase())).expect(409);
    expect(duplicate.body).toMatchObject({ code: 'conflict', details: [{ field: 'name', rule: 'unique', message: expect.stringContaining('already exists') }] });

    const other = await admin.post('/api/sites').send(site(`Albi ${Date.now()}`)).expect(201);
    const renamed = await admin.patch(`/api/sites/${other.body.id}`).send({ name }).expect(409);
    expect(renamed.body.details).toEqual([expect.objectContaining({ field: 'name', rule: 'unique' })]);
    // Keeping its own name is no clash.
    await admin.patch(`/api/sites/${other.body.id}`).send({ name: other.body.name }).expect(200);
  });

  it('refuses a track name taken, with details on name', async () => {
    const admin = await ctx.as(await ctx.fixtures.admin());
    const name = `Parcours ${Date.now()}`;
    await admin.post('/api/tracks').send(track(name)).expect(201);
    const duplicate = await admin.post('/api/tracks').send(track(` ${name.toLowerCase()} `)).expect(409);
    expect(duplicate.body.details).toEqual([expect.objectContaining({ field: 'name', rule: 'unique' })]);
    const [{ n }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM tracks WHERE lower(name) = lower($1)`, [name]);
    expect(n).toBe(1);
  });
});
