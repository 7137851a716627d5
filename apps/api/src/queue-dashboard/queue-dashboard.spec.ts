import { QUEUE_NAMES } from '@fabrique/contracts';
import { DASHBOARD_COOKIE, DashboardSessions, readCookie } from './dashboard-sessions.js';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('the queue dashboard (bull-board) at /admin/queues', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  /** Opens a dashboard session as `admin` and returns the cookie to send and the raw Set-Cookie header. */
  async function openSession(tokens: { accessToken: string }, headers: Record<string, string> = {}) {
    const response = await ctx.http().post('/api/admin/queue-dashboard/session').set('Authorization', `Bearer ${tokens.accessToken}`).set(headers).expect(200);
    const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((header) => header.startsWith(`${DASHBOARD_COOKIE}=`));
    if (!setCookie) throw new Error('no dashboard cookie');
    return { cookie: setCookie.split(';')[0], setCookie, body: response.body };
  }

  it('opens only for admins: others get 403, anonymous callers 401', async () => {
    const learner = await ctx.as(await ctx.fixtures.user());
    const refused = await learner.post('/api/admin/queue-dashboard/session').expect(403);
    expect(refused.body.code).toBe('forbidden');
    expect(refused.headers['set-cookie']).toBeUndefined();
    await ctx.http().post('/api/admin/queue-dashboard/session').expect(401);
  });

  it('refuses the dashboard and its API without a valid cookie, as JSON 401', async () => {
    for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/api/queues', '/admin/queues/static/js/nothing.js']) {
      const response = await ctx.http().get(path).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
    }
    // Neither a bearer access token nor a tampered cookie opens it.
    const { accessToken } = await ctx.login(await ctx.fixtures.admin());
    await ctx.http().get('/admin/queues').set('Authorization', `Bearer ${accessToken}`).expect(401);
    await ctx.http().get('/admin/queues').set('Cookie', `${DASHBOARD_COOKIE}=${accessToken}`).expect(401);
    const { cookie } = await openSession({ accessToken });
    const [body, signature] = cookie.slice(DASHBOARD_COOKIE.length + 1).split('.');
    await ctx.http().get('/admin/queues').set('Cookie', `${DASHBOARD_COOKIE}=${body}.${signature.slice(1)}x`).expect(401);
    const forged = Buffer.from(JSON.stringify(['someone', 'else', Math.floor(Date.now() / 1000) + 600])).toString('base64url');
    await ctx.http().get('/admin/queues').set('Cookie', `${DASHBOARD_COOKIE}=${forged}.${signature}`).expect(401);
    // An expired one neither.
    const expired = ctx.app.get(DashboardSessions).issue('user', 'session', new Date(Date.now() - 16 * 60_000));
    await ctx.http().get('/admin/queues').set('Cookie', `${DASHBOARD_COOKIE}=${expired.token}`).expect(401);
  });

  it('sets a short-lived HttpOnly, SameSite=Strict cookie scoped to /admin/queues, then serves the UI and lists every queue', async () => {
    const tokens = await ctx.login(await ctx.fixtures.admin());
    const { cookie, setCookie, body } = await openSession(tokens);
    expect(body).toEqual({ path: '/admin/queues', expiresAt: expect.any(String) });
    const minutes = (Date.parse(body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(setCookie).toMatch(/; Path=\/admin\/queues/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Max-Age=900/);
    expect(setCookie).not.toMatch(/; Secure/); // plain http here

    const page = await ctx.http().get('/admin/queues').set('Cookie', cookie).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<base href="/admin/queues/"');
    const script = /src="(static\/js\/[^"]+)"/.exec(page.text)?.[1];
    await ctx.http().get(`/admin/queues/${script}`).set('Cookie', cookie).expect(200);

    const api = await ctx.http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    const names = (api.body.queues as { name: string }[]).map((queue) => queue.name);
    expect(names.sort()).toEqual([...QUEUE_NAMES].sort());
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const tokens = await ctx.login(await ctx.fixtures.admin());
    const { setCookie } = await openSession(tokens, { 'X-Forwarded-Proto': 'https' });
    expect(setCookie).toMatch(/; Secure/);
  });

  it('closes when the admin’s session is revoked (logout)', async () => {
    const tokens = await ctx.login(await ctx.fixtures.admin());
    const { cookie } = await openSession(tokens);
    await ctx.http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    await ctx.http().post('/api/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    const response = await ctx.http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(401);
    expect(response.body.code).toBe('unauthenticated');
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; fabrique_queue_dashboard=x.y; b=2', DASHBOARD_COOKIE)).toBe('x.y');
    expect(readCookie('fabrique_queue_dashboard="q%2Er"', DASHBOARD_COOKIE)).toBe('q.r');
    expect(readCookie('other=1', DASHBOARD_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, DASHBOARD_COOKIE)).toBeUndefined();
    expect(readCookie('fabrique_queue_dashboard=%E9', DASHBOARD_COOKIE)).toBeUndefined();
  });
});
