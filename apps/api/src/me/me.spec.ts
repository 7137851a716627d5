import { ApiTestContext } from '../testing/api-test-context.js';

describe('GET and PATCH /api/me', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('lets a user change their name, language and time zone', async () => {
    const me = await ctx.as(await ctx.fixtures.user());
    const changed = await me.patch('/api/me').send({ displayName: 'Yasmine B.', locale: 'en', timeZone: 'America/Cayenne' }).expect(200);
    expect(changed.body).toMatchObject({ displayName: 'Yasmine B.', locale: 'en', timeZone: 'America/Cayenne', isAdmin: false });
  });

  it('refuses a bad time zone or locale, and fields a user may not set', async () => {
    const me = await ctx.as(await ctx.fixtures.user());
    const zone = await me.patch('/api/me').send({ timeZone: 'Paris' }).expect(400);
    expect(zone.body.details).toEqual([{ field: 'timeZone', message: 'timeZone must be an IANA time zone such as Europe/Paris', rule: 'ianaTimeZone' }]);
    await me.patch('/api/me').send({ locale: 'de' }).expect(400);
    const escalation = await me.patch('/api/me').send({ isAdmin: true }).expect(400);
    expect(escalation.body.details).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist', rule: 'whitelistValidation' }]);
    await me.patch('/api/me').send({ email: 'autre@exemple.fr' }).expect(400);
  });

  it('refuses an anonymous caller', async () => {
    await ctx.http().get('/api/me').expect(401);
    await ctx.http().patch('/api/me').send({ displayName: 'x' }).expect(401);
  });
});
