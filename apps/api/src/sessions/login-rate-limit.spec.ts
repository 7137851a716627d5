import { ApiTestContext } from '../testing/api-test-context.js';

describe('login rate limits (counters in Redis)', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => {
    process.env.LOGIN_LIMIT_PER_EMAIL = '3';
    process.env.LOGIN_LIMIT_PER_IP = '5';
    return ctx.start();
  });
  afterAll(() => ctx.stop());

  const login = (email: string, password: string, ip: string) =>
    ctx.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('locks an e-mail after repeated failures, from any address, until the window passes', async () => {
    const user = await ctx.fixtures.user();
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await login(user.email, 'wrong', ip).expect(401);
    const locked = await login(user.email, 'correct horse battery staple', '198.51.100.4');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('rate_limited');
    expect(locked.body.message).toMatch(/try again in \d+ seconds/);
    // Another account is not affected.
    const other = await ctx.fixtures.user();
    await login(other.email, 'correct horse battery staple', '198.51.100.5').expect(200);
  });

  it('clears the failure count after a successful login', async () => {
    const user = await ctx.fixtures.user();
    const attempts: Array<[string, number]> = [
      ['wrong', 401],
      ['wrong', 401],
      ['correct horse battery staple', 200],
      ['wrong', 401],
      ['wrong', 401],
      ['correct horse battery staple', 200],
    ];
    for (const [index, [password, status]] of attempts.entries()) await login(user.email, password, `198.51.100.${20 + index}`).expect(status);
  });

  it('limits attempts per IP address, whatever the e-mails', async () => {
    const ip = '203.0.113.77';
    for (let attempt = 0; attempt < 5; attempt++) await login(`someone${attempt}@exemple.fr`, 'x', ip).expect(401);
    await login('someone-else@exemple.fr', 'x', ip).expect(429);
    await login('someone-else@exemple.fr', 'x', '203.0.113.78').expect(401);
  });

  it('keeps the counters in Redis, so a second API instance sees them', async () => {
    const user = await ctx.fixtures.user();
    for (let attempt = 0; attempt < 3; attempt++) await login(user.email, 'wrong', '192.0.2.1').expect(401);
    const second = await new ApiTestContext().start();
    try {
      const response = await second.http().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.2').send({ email: user.email, password: 'correct horse battery staple' });
      expect(response.status).toBe(429);
    } finally {
      await second.stop();
    }
  });
});
