import { ApiTestContext } from '../testing/api-test-context.js';

describe('sites and rooms', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const newSite = (name: string) => ({
    name,
    address: '2 rue du Lavoir, 72500 Boitron',
    timeZone: 'Europe/Paris',
    rooms: [
      { name: 'Salle du fournil', capacity: 24 },
      { name: 'Atelier', capacity: 12 },
    ],
  });

  it('lets an admin create, read and edit a site with rooms', async () => {
    const admin = await ctx.as(await ctx.fixtures.admin());
    const name = `Niort ${Date.now()}`;
    const created = await admin.post('/api/sites').send(newSite(name)).expect(201);
    expect(created.body).toMatchObject({ name, timeZone: 'Europe/Paris' });
    expect(created.body.rooms.map((room: { name: string }) => room.name)).toEqual(['Atelier', 'Salle du fournil']);

    const edited = await admin.patch(`/api/sites/${created.body.id}`).send({ address: '1 place du Donjon, 79000 Niort' }).expect(200);
    expect(edited.body.address).toBe('1 place du Donjon, 79000 Niort');

    const room = await admin.post(`/api/sites/${created.body.id}/rooms`).send({ name: 'Labo', capacity: 8 }).expect(201);
    await admin.patch(`/api/sites/${created.body.id}/rooms/${room.body.id}`).send({ capacity: 10 }).expect(200);
    const read = await admin.get(`/api/sites/${created.body.id}`).expect(200);
    expect(read.body.rooms).toContainEqual({ id: room.body.id, name: 'Labo', capacity: 10 });

    const events = await ctx.dataSource.query(`SELECT type FROM domain_events WHERE aggregate_id = $1 ORDER BY id`, [created.body.id]);
    expect(events.map((event: { type: string }) => event.type)).toEqual(['site.created', 'site.updated']);
  });

  it('validates the time zone, the rooms and the name', async () => {
    const admin = await ctx.as(await ctx.fixtures.admin());
    const badZone = await admin.post('/api/sites').send({ ...newSite(`X ${Date.now()}`), timeZone: 'Europe/Atlantis' }).expect(400);
    expect(badZone.body.details).toEqual([{ field: 'timeZone', message: 'timeZone must be an IANA time zone such as Europe/Paris', rule: 'ianaTimeZone' }]);

    const badRoom = await admin.post('/api/sites').send({ ...newSite(`Y ${Date.now()}`), rooms: [{ name: 'A', capacity: 0 }] }).expect(400);
    expect(badRoom.body.details[0].field).toBe('rooms.0.capacity');

    const twice = await admin
      .post('/api/sites')
      .send({ ...newSite(`Z ${Date.now()}`), rooms: [{ name: 'A', capacity: 2 }, { name: 'a', capacity: 3 }] })
      .expect(400);
    expect(twice.body.details[0].field).toBe('rooms.1.name');

    const name = `Rodez ${Date.now()}`;
    await admin.post('/api/sites').send(newSite(name)).expect(201);
    const duplicate = await admin.post('/api/sites').send(newSite(name.toUpperCase())).expect(409);
    expect(duplicate.body.message).toContain('already exists');
    const count = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM sites WHERE lower(name) = lower($1)`, [name]);
    expect(count[0].n).toBe(1);
  });

  it('refuses non-admins every write, and hides sites outside their cohorts', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.as(await ctx.fixtures.member(cohort, 'learner'));
    const facilitator = await ctx.as(await ctx.fixtures.member(cohort, 'facilitator'));
    const otherSite = await ctx.fixtures.site();

    await learner.post('/api/sites').send(newSite(`L ${Date.now()}`)).expect(403);
    await facilitator.post('/api/sites').send(newSite(`F ${Date.now()}`)).expect(403);
    await facilitator.patch(`/api/sites/${cohort.homeSiteId}`).send({ name: 'Pirate' }).expect(403);
    await learner.post(`/api/sites/${cohort.homeSiteId}/rooms`).send({ name: 'Cave', capacity: 3 }).expect(403);
    await learner.patch(`/api/sites/${cohort.homeSiteId}/rooms/${otherSite.rooms[0].id}`).send({ capacity: 3 }).expect(403);

    const mine = await learner.get('/api/sites').expect(200);
    expect(mine.body.map((site: { id: string }) => site.id)).toEqual([cohort.homeSiteId]);
    await learner.get(`/api/sites/${cohort.homeSiteId}`).expect(200);
    const hidden = await learner.get(`/api/sites/${otherSite.id}`).expect(404);
    expect(hidden.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Site not found' });
    await ctx.http().get('/api/sites').expect(401);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const admin = await ctx.as(await ctx.fixtures.admin());
    const response = await admin.get('/api/sites/not-a-uuid').expect(400);
    expect(response.body.details).toEqual([{ field: 'siteId', message: 'siteId must be a UUID' }]);
  });
});
