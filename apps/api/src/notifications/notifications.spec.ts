import { randomUUID } from 'node:crypto';
import type { User } from '@fabrique/persistence';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('the inbox: GET /api/me/notifications, unread count, read, read-all', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  /** Writes a notification row as the worker or a service would, optionally at a given instant (microseconds allowed). */
  async function notify(user: User, options: { kind?: string; at?: string; payload?: Record<string, unknown>; read?: boolean } = {}): Promise<string> {
    const [row]: { id: string }[] = await ctx.dataSource.query(
      `INSERT INTO notifications (user_id, kind, occurrence_key, payload, created_at, read_at)
       VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, clock_timestamp()), CASE WHEN $6 THEN now() END) RETURNING id`,
      [user.id, options.kind ?? 'thread.reply', randomUUID(), JSON.stringify(options.payload ?? {}), options.at ?? null, options.read ?? false],
    );
    return row.id;
  }

  type Agent = Awaited<ReturnType<ApiTestContext['as']>>;

  async function allPages(agent: Agent, query: string, limit: number, between?: () => Promise<void>): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/me/notifications?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await agent.get(url).expect(200);
      ids.push(...response.body.items.map((item: { id: string }) => item.id));
      cursor = response.body.nextCursor;
      if (between) await between();
      pages++;
    } while (cursor && pages < 50);
    return ids;
  }

  it('lists the caller’s notifications newest first, as NotificationView, with nothing of anyone else', async () => {
    const [me, other] = [await ctx.fixtures.user(), await ctx.fixtures.user()];
    const older = await notify(me, { kind: 'week.kickoff', at: '2026-10-05T07:00:00.000001Z', payload: { monday: '2026-10-05' } });
    const newer = await notify(me, { kind: 'thread.mention', at: '2026-10-05T08:00:00Z', payload: { threadId: 'x' }, read: true });
    await notify(other, { at: '2026-10-05T09:00:00Z' });

    const response = await (await ctx.as(me)).get('/api/me/notifications').expect(200);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items).toEqual([
      { id: newer, kind: 'thread.mention', payload: { threadId: 'x' }, createdAt: '2026-10-05T08:00:00.000Z', readAt: expect.any(String) },
      { id: older, kind: 'week.kickoff', payload: { monday: '2026-10-05' }, createdAt: '2026-10-05T07:00:00.000Z', readAt: null },
    ]);
  });

  it('pages by keyset without duplicates or gaps while new notifications arrive, even when instants differ by a microsecond or tie', async () => {
    const me = await ctx.fixtures.user();
    const agent = await ctx.as(me);
    // 25 rows: pairs apart by one microsecond (a JS Date cannot tell them apart) and groups at the very same instant.
    const expected: string[] = [];
    for (let i = 0; i < 25; i++) {
      const second = String(Math.floor(i / 3)).padStart(2, '0');
      const micro = i % 3 === 2 ? '000001' : '000000';
      expected.push(await notify(me, { at: `2026-10-05T07:00:${second}.${micro}Z` }));
    }
    const ordered: { id: string }[] = await ctx.dataSource.query(`SELECT id FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, [me.id]);
    let arrivals = 0;
    const seen = await allPages(agent, '', 4, async () => {
      arrivals++;
      await notify(me); // arrives now, newer than everything listed
    });
    expect(seen).toEqual(ordered.map((row) => row.id));
    expect(new Set(seen).size).toBe(25);
    expect([...seen].sort()).toEqual([...expected].sort());

    // A fresh first page starts with what arrived meanwhile.
    const first = await agent.get('/api/me/notifications?limit=100').expect(200);
    expect(first.body.items).toHaveLength(25 + arrivals);
    expect(first.body.items.slice(0, arrivals).every((item: { id: string }) => !expected.includes(item.id))).toBe(true);
  });

  it('lists only the unread ones with unread=true, paging through them, and counts them', async () => {
    const me = await ctx.fixtures.user();
    const agent = await ctx.as(me);
    const unread: string[] = [];
    for (let i = 0; i < 7; i++) {
      unread.unshift(await notify(me));
      await notify(me, { read: true });
    }
    expect(await allPages(agent, '&unread=true', 3)).toEqual(unread);
    expect((await agent.get('/api/me/notifications?unread=false&limit=100').expect(200)).body.items).toHaveLength(14);
    await agent.get('/api/me/notifications/unread-count').expect(200, { unread: 7 });
  });

  it('marks one read, idempotently; someone else’s notification does not exist for the caller', async () => {
    const [me, other] = [await ctx.fixtures.user(), await ctx.fixtures.user()];
    const [mine, theirs] = [await notify(me), await notify(other)];
    const agent = await ctx.as(me);

    const first = await agent.post(`/api/me/notifications/${mine}/read`).expect(200);
    expect(first.body).toMatchObject({ id: mine, readAt: expect.any(String) });
    const again = await agent.post(`/api/me/notifications/${mine}/read`).expect(200);
    expect(again.body.readAt).toBe(first.body.readAt);
    await agent.get('/api/me/notifications/unread-count').expect(200, { unread: 0 });

    const refused = await agent.post(`/api/me/notifications/${theirs}/read`).expect(404);
    expect(refused.body.code).toBe('not_found');
    const [row] = await ctx.dataSource.query(`SELECT read_at FROM notifications WHERE id = $1`, [theirs]);
    expect(row.read_at).toBeNull();
    await agent.post(`/api/me/notifications/${randomUUID()}/read`).expect(404);
    const bad = await agent.post('/api/me/notifications/not-a-uuid/read').expect(400);
    expect(bad.body.details[0].field).toBe('notificationId');
  });

  it('marks all read, or only what arrived up to `before`, and never anyone else’s', async () => {
    const [me, other] = [await ctx.fixtures.user(), await ctx.fixtures.user()];
    const seenAt = '2026-10-05T08:00:00.123Z';
    await notify(me, { at: '2026-10-05T07:00:00Z' });
    // Created within the millisecond the client was shown (the database keeps microseconds).
    await notify(me, { at: '2026-10-05T08:00:00.123456Z' });
    await notify(me, { at: '2026-10-05T08:00:00.124Z' });
    await notify(me, { at: '2026-10-05T09:00:00Z' });
    await notify(other, { at: '2026-10-05T07:00:00Z' });
    const agent = await ctx.as(me);

    await agent.post('/api/me/notifications/read-all').send({ before: seenAt }).expect(200, { marked: 2 });
    await agent.get('/api/me/notifications/unread-count').expect(200, { unread: 2 });
    await agent.post('/api/me/notifications/read-all').expect(200, { marked: 2 });
    await agent.post('/api/me/notifications/read-all').send({}).expect(200, { marked: 0 });
    await agent.get('/api/me/notifications/unread-count').expect(200, { unread: 0 });
    await (await ctx.as(other)).get('/api/me/notifications/unread-count').expect(200, { unread: 1 });

    for (const before of ['yesterday', '2026-10-05', '2026-10-05T08:00:00', 42]) {
      const response = await agent.post('/api/me/notifications/read-all').send({ before }).expect(400);
      expect(response.body.details[0].field).toBe('before');
    }
  });

  it('refuses a foreign cursor, a bad limit and an anonymous caller', async () => {
    const agent = await ctx.as(await ctx.fixtures.user());
    const cursor = Buffer.from(JSON.stringify(['nope', 1])).toString('base64url');
    expect((await agent.get(`/api/me/notifications?cursor=${cursor}`).expect(400)).body.details[0].field).toBe('cursor');
    expect((await agent.get('/api/me/notifications?limit=0').expect(400)).body.details[0].field).toBe('limit');
    expect((await agent.get('/api/me/notifications?unread=maybe').expect(400)).body.details[0].field).toBe('unread');
    await ctx.http().get('/api/me/notifications').expect(401);
    await ctx.http().get('/api/me/notifications/unread-count').expect(401);
    await ctx.http().post('/api/me/notifications/read-all').expect(401);
  });
});
