import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@fabrique/config';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('sessions: login, refresh rotation, logout', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('logs in with the right password, case-insensitively on the e-mail', async () => {
    const user = await ctx.fixtures.user();
    const response = await ctx.http().post('/api/auth/login').send({ email: user.email.toUpperCase(), password: 'correct horse battery staple' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await ctx.http().get('/api/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: user.id, email: user.email, cohorts: [] });
  });

  it('answers a wrong password and an unknown e-mail with the same 401', async () => {
    const user = await ctx.fixtures.user();
    const wrongPassword = await ctx.http().post('/api/auth/login').send({ email: user.email, password: 'nope' });
    const unknownEmail = await ctx.http().post('/api/auth/login').send({ email: 'nobody@exemple.fr', password: 'nope' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: 'Wrong e-mail or password' });
  });

  it('refuses an invited user who has no password yet', async () => {
    const user = await ctx.fixtures.user({ password: null });
    await ctx.http().post('/api/auth/login').send({ email: user.email, password: '' }).expect(400);
    await ctx.http().post('/api/auth/login').send({ email: user.email, password: 'anything' }).expect(401);
  });

  it('refuses a missing, forged or expired access token', async () => {
    const user = await ctx.fixtures.user();
    await ctx.http().get('/api/me').expect(401);
    const forged = new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: user.id, adm: true, sid: user.id });
    const forgedResponse = await ctx.http().get('/api/me').set('Authorization', `Bearer ${forged}`);
    expect(forgedResponse.status).toBe(401);
    expect(forgedResponse.body.code).toBe('unauthenticated');

    const secret = ctx.app.get(AppConfig).JWT_SECRET;
    const expired = new JwtService({ secret }).sign({ sub: user.id, adm: false, sid: user.id, exp: Math.floor(Date.now() / 1000) - 10 });
    const expiredResponse = await ctx.http().get('/api/me').set('Authorization', `Bearer ${expired}`);
    expect(expiredResponse.status).toBe(401);
    expect(expiredResponse.body.code).toBe('token_expired');
  });

  it('rotates the refresh token, and a reused one revokes the whole family', async () => {
    const user = await ctx.fixtures.user();
    const first = await ctx.login(user);
    const second = (await ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const reuse = await ctx.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    await ctx.http().get('/api/me').set('Authorization', `Bearer ${second.accessToken}`).expect(401);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('refresh_token_reused');

    // The legitimate newest token is revoked with its family.
    const afterTheft = await ctx.http().post('/api/auth/refresh').send({ refreshToken: second.refreshToken });
    expect(afterTheft.status).toBe(401);
    expect(afterTheft.body.code).toBe('refresh_token_invalid');

    // Another login session of the same user is untouched.
    const other = await ctx.login(user);
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('lets only one of two concurrent refreshes with the same token succeed', async () => {
    const user = await ctx.fixtures.user();
    const { refreshToken } = await ctx.login(user);
    const results = await Promise.all([1, 2].map(() => ctx.http().post('/api/auth/refresh').send({ refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('revokes the session at logout: its refresh token and its access token stop working', async () => {
    const user = await ctx.fixtures.user();
    const { refreshToken, accessToken } = await ctx.login(user);
    const other = await ctx.login(user);
    await ctx.http().get('/api/me').set('Authorization', `Bearer ${accessToken}`).expect(200);
    await ctx.http().post('/api/auth/logout').send({ refreshToken }).expect(204);
    const response = await ctx.http().post('/api/auth/refresh').send({ refreshToken });
    expect(response.status).toBe(401);
    const ended = await ctx.http().get('/api/me').set('Authorization', `Bearer ${accessToken}`).expect(401);
    expect(ended.body.message).toBe('This session has ended; log in again');
    // Logging out on one device leaves the others logged in.
    await ctx.http().get('/api/me').set('Authorization', `Bearer ${other.accessToken}`).expect(200);
  });

  it('rejects unknown fields and malformed bodies with a 400 naming the field', async () => {
    const unknown = await ctx.http().post('/api/auth/login').send({ email: 'a@exemple.fr', password: 'x', isAdmin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('validation_failed');
    expect(unknown.body.details).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist', rule: 'whitelistValidation' }]);

    const badEmail = await ctx.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x' });
    expect(badEmail.body.details).toEqual([{ field: 'email', message: 'email must be an e-mail address', rule: 'isEmail' }]);

    const broken = await ctx.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('invalid_json');

    const huge = await ctx.http().post('/api/auth/login').send({ email: 'a@exemple.fr', password: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
  });
});
