import { ApiTestContext } from '../testing/api-test-context.js';

const tokenOf = (acceptUrl: string) => new URL(acceptUrl).searchParams.get('token') as string;

describe('invitations', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('invites a newcomer who accepts, sets a password, joins the cohort and is logged in', async () => {
    const cohort = await ctx.fixtures.cohort();
    const admin = await ctx.as(await ctx.fixtures.admin());
    const email = `Nouvelle.${Date.now()}@Exemple.fr`;
    const invited = await admin.post(`/api/cohorts/${cohort.id}/invitations`).send({ email, role: 'learner' }).expect(201);
    expect(invited.body).toMatchObject({ status: 'invited', email: email.toLowerCase(), role: 'learner' });
    const expiresInDays = (Date.parse(invited.body.expiresAt) - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(6.9);
    expect(expiresInDays).toBeLessThanOrEqual(7);

    // Before accepting, the account exists but cannot log in.
    await ctx.http().post('/api/auth/login').send({ email, password: 'mon mot de passe' }).expect(401);

    const token = tokenOf(invited.body.acceptUrl);
    const accepted = await ctx.http().post('/api/invitations/accept').send({ token, displayName: 'Inès Moreau', password: 'mon mot de passe' }).expect(200);
    const me = await ctx.http().get('/api/me').set('Authorization', `Bearer ${accepted.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ displayName: 'Inès Moreau', cohorts: [expect.objectContaining({ id: cohort.id, role: 'learner' })] });
    await ctx.http().post('/api/auth/login').send({ email, password: 'mon mot de passe' }).expect(200);

    const reused = await ctx.http().post('/api/invitations/accept').send({ token, displayName: 'Intrus', password: 'un autre mot de passe' }).expect(409);
    expect(reused.body.code).toBe('invitation_used');
  });

  it('refuses an expired invitation with 410 and an unknown one with 404', async () => {
    const cohort = await ctx.fixtures.cohort();
    const admin = await ctx.as(await ctx.fixtures.admin());
    const invited = await admin.post(`/api/cohorts/${cohort.id}/invitations`).send({ email: `late.${Date.now()}@exemple.fr`, role: 'learner' }).expect(201);
    await ctx.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1`, [invited.body.email]);
    const expired = await ctx.http().post('/api/invitations/accept').send({ token: tokenOf(invited.body.acceptUrl), displayName: 'Tard', password: 'mot de passe long' }).expect(410);
    expect(expired.body.code).toBe('invitation_expired');
    const user = await ctx.dataSource.query(`SELECT password_hash FROM users WHERE email = $1`, [invited.body.email]);
    expect(user[0].password_hash).toBeNull();

    await ctx.http().post('/api/invitations/accept').send({ token: 'x'.repeat(43), displayName: 'Personne', password: 'mot de passe long' }).expect(404);
  });

  it('lets only one of two concurrent acceptances of a token succeed', async () => {
    const cohort = await ctx.fixtures.cohort();
    const admin = await ctx.as(await ctx.fixtures.admin());
    const invited = await admin.post(`/api/cohorts/${cohort.id}/invitations`).send({ email: `race.${Date.now()}@exemple.fr`, role: 'learner' }).expect(201);
    const token = tokenOf(invited.body.acceptUrl);
    const results = await Promise.all(
      ['premier mot de passe', 'second mot de passe'].map((password) => ctx.http().post('/api/invitations/accept').send({ token, displayName: 'Course', password })),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
  });

  it('adds an existing account to another cohort at once, and refuses a second role', async () => {
    const [first, second] = [await ctx.fixtures.cohort(), await ctx.fixtures.cohort()];
    const learner = await ctx.fixtures.member(first, 'learner');
    const admin = await ctx.as(await ctx.fixtures.admin());
    const added = await admin.post(`/api/cohorts/${second.id}/invitations`).send({ email: learner.email.toUpperCase(), role: 'learner' }).expect(201);
    expect(added.body).toMatchObject({ status: 'member_added', userId: learner.id });
    expect(added.body.acceptUrl).toBeUndefined();
    const again = await admin.post(`/api/cohorts/${second.id}/invitations`).send({ email: learner.email, role: 'learner' }).expect(201);
    expect(again.body.status).toBe('unchanged');
    const clash = await admin.post(`/api/cohorts/${second.id}/invitations`).send({ email: learner.email, role: 'facilitator' }).expect(409);
    expect(clash.body.message).toBe(`${learner.email} is already a learner of this cohort`);
  });

  it('refuses non-admins (403), an unknown cohort (404) and bad input (400)', async () => {
    const cohort = await ctx.fixtures.cohort();
    const facilitator = await ctx.as(await ctx.fixtures.member(cohort, 'facilitator'));
    await facilitator.post(`/api/cohorts/${cohort.id}/invitations`).send({ email: 'x@exemple.fr', role: 'learner' }).expect(403);
    const admin = await ctx.as(await ctx.fixtures.admin());
    await admin.post('/api/cohorts/00000000-0000-4000-8000-000000000000/invitations').send({ email: 'x@exemple.fr', role: 'learner' }).expect(404);
    const badRole = await admin.post(`/api/cohorts/${cohort.id}/invitations`).send({ email: 'x@exemple.fr', role: 'admin' }).expect(400);
    expect(badRole.body.details).toEqual([{ field: 'role', message: 'role must be learner or facilitator', rule: 'isIn' }]);
    const shortPassword = await ctx.http().post('/api/invitations/accept').send({ token: 'x'.repeat(43), displayName: 'A', password: 'court' }).expect(400);
    expect(shortPassword.body.details).toEqual([{ field: 'password', message: 'password must be at least 10 characters long', rule: 'minLength', limit: 10 }]);
  });
});
