import { PreferenceLinks } from '@fabrique/auth';
import { DIGEST_KINDS, EMAIL_BY_DEFAULT, NOTIFICATION_KINDS } from '@fabrique/contracts';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('notification preferences and the one-click unsubscribe', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const links = () => ctx.app.get(PreferenceLinks);
  const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((detail) => detail.field);

  it('answers the defaults for a user who never chose: every kind, e-mail as EMAIL_BY_DEFAULT, quiet hours 21:00–08:00, digest on', async () => {
    const agent = await ctx.as(await ctx.fixtures.user());
    const response = await agent.get('/api/me/notification-preferences').expect(200);
    expect(Object.keys(response.body.kinds)).toEqual([...NOTIFICATION_KINDS]);
    for (const kind of NOTIFICATION_KINDS) {
      expect(response.body.kinds[kind]).toEqual({ email: EMAIL_BY_DEFAULT[kind], inApp: true, digestable: DIGEST_KINDS.includes(kind) });
    }
    expect(response.body).toMatchObject({ quietHours: { start: '21:00', end: '08:00' }, digest: true, timeZone: 'Europe/Paris', language: 'fr' });
  });

  it('changes only what is given and reads it back; e-mail switches merge; language and time zone are the user’s', async () => {
    const user = await ctx.fixtures.user();
    const agent = await ctx.as(user);
    const put = await agent
      .put('/api/me/notification-preferences')
      .send({ email: { 'thread.reply': false, 'week.kickoff': true }, quietHours: { start: '22:30', end: '07:00' }, digest: false, language: 'en', timeZone: 'America/Montreal' })
      .expect(200);
    const get = await agent.get('/api/me/notification-preferences').expect(200);
    expect(get.body).toEqual(put.body);
    expect(get.body).toMatchObject({
      kinds: { 'thread.reply': { email: false }, 'week.kickoff': { email: true } },
      quietHours: { start: '22:30', end: '07:00' },
      digest: false,
      language: 'en',
      timeZone: 'America/Montreal',
    });
    const [row] = await ctx.dataSource.query(`SELECT locale, time_zone FROM users WHERE id = $1`, [user.id]);
    expect(row).toEqual({ locale: 'en', time_zone: 'America/Montreal' });

    const second = await agent.put('/api/me/notification-preferences').send({ email: { 'thread.mention': false } }).expect(200);
    expect(second.body).toMatchObject({
      kinds: { 'thread.reply': { email: false }, 'thread.mention': { email: false }, 'brief.deadline': { email: true } },
      quietHours: { start: '22:30', end: '07:00' },
      digest: false,
      language: 'en',
    });
    await agent.put('/api/me/notification-preferences').send({ email: { 'thread.reply': true }, digest: true }).expect(200);
    const [stored] = await ctx.dataSource.query(`SELECT email, digest FROM notification_preferences WHERE user_id = $1`, [user.id]);
    expect(stored).toEqual({ email: { 'thread.reply': true, 'week.kickoff': true, 'thread.mention': false }, digest: true });
  });

  it('refuses unknown kinds, bad times, bad zones and unknown fields with a 400 naming the field, and changes nothing', async () => {
    const user = await ctx.fixtures.user();
    const agent = await ctx.as(user);
    const bad = async (body: unknown, field: string) => {
      const response = await agent.put('/api/me/notification-preferences').send(body as object).expect(400);
      expect(response.body.code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toContain(field);
    };
    await bad({ email: { 'thread.reply': false, 'thread.shout': false } }, 'email.thread.shout');
    await bad({ email: { 'thread.reply': 'no' } }, 'email.thread.reply');
    await bad({ email: ['thread.reply'] }, 'email');
    await bad({ quietHours: { start: '25:00', end: '08:00' } }, 'quietHours.start');
    await bad({ quietHours: { start: '21:00', end: '8h' } }, 'quietHours.end');
    await bad({ quietHours: { start: '21:00' } }, 'quietHours.end');
    await bad({ quietHours: '21:00-08:00' }, 'quietHours');
    await bad({ timeZone: 'Mars/Olympus_Mons' }, 'timeZone');
    await bad({ timeZone: '+02:00' }, 'timeZone');
    await bad({ language: 'de' }, 'language');
    await bad({ digest: 'yes' }, 'digest');
    await bad({ push: true }, 'push');

    expect(await ctx.dataSource.query(`SELECT 1 FROM notification_preferences WHERE user_id = $1`, [user.id])).toHaveLength(0);
    const [row] = await ctx.dataSource.query(`SELECT locale, time_zone FROM users WHERE id = $1`, [user.id]);
    expect(row).toEqual({ locale: 'fr', time_zone: 'Europe/Paris' });
  });

  it('unsubscribes with the link of an e-mail, without logging in: GET answers a page in the user’s language', async () => {
    const user = await ctx.fixtures.user();
    const token = links().token({ userId: user.id, kind: 'brief.deadline' });
    const response = await ctx.http().get(`/api/notification-preferences/unsubscribe?token=${encodeURIComponent(token)}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<html lang="fr">');
    expect(response.text).toContain('Vous ne recevrez plus les e-mails « échéance de brief »');
    expect(response.text).toMatch(/Modifier vos préférences : <a href="http:\/\/[^"]+\/me\/notification-preferences">/);

    // Following it again changes nothing and answers the same page.
    await ctx.http().get(`/api/notification-preferences/unsubscribe?token=${encodeURIComponent(token)}`).expect(200);
    const preferences = await (await ctx.as(user)).get('/api/me/notification-preferences').expect(200);
    expect(preferences.body.kinds['brief.deadline'].email).toBe(false);
    expect(preferences.body.kinds['week.kickoff'].email).toBe(true);
  });

  it('unsubscribes by RFC 8058 one-click POST, and keeps the user’s other choices', async () => {
    const user = await ctx.fixtures.user();
    const agent = await ctx.as(user);
    await agent.put('/api/me/notification-preferences').send({ language: 'en', email: { 'thread.reply': false }, quietHours: { start: '23:00', end: '06:30' } }).expect(200);
    const token = links().token({ userId: user.id, kind: 'week.kickoff' });
    const response = await ctx
      .http()
      .post(`/api/notification-preferences/unsubscribe?token=${encodeURIComponent(token)}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(response.text).toContain('You will no longer receive “distance week kickoff” e-mails.');
    expect(response.text).toContain('Change your preferences:');
    const preferences = await agent.get('/api/me/notification-preferences').expect(200);
    expect(preferences.body).toMatchObject({
      kinds: { 'week.kickoff': { email: false }, 'thread.reply': { email: false }, 'brief.deadline': { email: true } },
      quietHours: { start: '23:00', end: '06:30' },
      language: 'en',
    });
  });

  it('refuses a forged, tampered, foreign or missing token with a JSON 400 and changes nothing', async () => {
    const [user, victim] = [await ctx.fixtures.user(), await ctx.fixtures.user()];
    const genuine = links().token({ userId: user.id, kind: 'thread.reply' });
    const [, signature] = genuine.split('.');
    const forgedBody = Buffer.from(JSON.stringify([victim.id, 'thread.reply'])).toString('base64url');
    const tokens = [
      `${forgedBody}.${signature}`,
      `${genuine.split('.')[0]}.${'A'.repeat(signature.length)}`,
      'not-a-token',
      `${genuine}.extra`,
      links().token({ userId: user.id, kind: 'thread.shout' }),
      links().token({ userId: 'not-a-uuid', kind: 'thread.reply' }),
      links().token({ userId: '00000000-0000-4000-8000-000000000000', kind: 'thread.reply' }),
    ];
    for (const token of tokens) {
      for (const method of ['get', 'post'] as const) {
        const response = await ctx.http()[method](`/api/notification-preferences/unsubscribe?token=${encodeURIComponent(token)}`).expect(400);
        expect(response.headers['content-type']).toMatch(/json/);
        expect(response.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'token' }] });
      }
    }
    const missing = await ctx.http().get('/api/notification-preferences/unsubscribe').expect(400);
    expect(fieldsOf(missing.body)).toContain('token');
    await ctx.http().post('/api/notification-preferences/unsubscribe').expect(400);
    expect(await ctx.dataSource.query(`SELECT 1 FROM notification_preferences WHERE user_id = ANY($1)`, [[user.id, victim.id]])).toHaveLength(0);
  });

  it('refuses an anonymous caller on the preferences themselves', async () => {
    await ctx.http().get('/api/me/notification-preferences').expect(401);
    await ctx.http().put('/api/me/notification-preferences').send({ digest: false }).expect(401);
  });
});
