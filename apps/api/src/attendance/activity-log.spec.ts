import { ApiTestContext } from '../testing/api-test-context.js';

describe('distance activity: sign-ins', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const signIns = async (userId: string) =>
    (await ctx.dataSource.query(`SELECT kind, reference FROM activity_log WHERE user_id = $1 ORDER BY id`, [userId])) as Array<{ kind: string; reference: string }>;

  it('records a sign-in at each login and token refresh, naming the session, and none for a wrong password', async () => {
    const user = await ctx.fixtures.user();
    await ctx.http().post('/api/auth/login').send({ email: user.email, password: 'wrong' }).expect(401);
    expect(await signIns(user.id)).toEqual([]);

    const { refreshToken } = await ctx.login(user);
    await ctx.http().post('/api/auth/refresh').send({ refreshToken }).expect(200);
    await ctx.login(user);

    const rows = await signIns(user.id);
    expect(rows.map((row) => row.kind)).toEqual(['sign_in', 'sign_in', 'sign_in']);
    const [first, refreshed, second] = rows.map((row) => row.reference);
    expect(refreshed).toBe(first);
    expect(second).not.toBe(first);
  });
});
