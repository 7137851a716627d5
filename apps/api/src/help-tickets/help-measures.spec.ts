import type { Cohort, User } from '@fabrique/persistence';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('help measures: per day in the site’s time zone, per facilitator, per ticket', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  // The site is in Martinique (UTC−4 all year): "10:00" below is 14:00 UTC.
  const at = (local: string, plusSeconds = 0) => new Date(Date.parse(`${local}:00-04:00`) + plusSeconds * 1000).toISOString();

  interface Known {
    learner: User;
    raisedAt: string;
    waited?: number;
    by?: User;
    handled?: number;
    cancelledAfter?: number;
  }

  async function ticket(cohort: Cohort, known: Known): Promise<string> {
    const claimedAt = known.waited !== undefined ? at(known.raisedAt, known.waited) : null;
    const closedAt =
      known.handled !== undefined ? at(known.raisedAt, (known.waited ?? 0) + known.handled) : known.cancelledAfter !== undefined ? at(known.raisedAt, known.cancelledAfter) : null;
    const status = known.handled !== undefined ? 'resolved' : known.cancelledAfter !== undefined ? 'cancelled' : claimedAt ? 'claimed' : 'waiting';
    const [{ id }] = await ctx.dataSource.query(
      `INSERT INTO help_tickets (cohort_id, learner_id, question, status, raised_at, first_claimed_at, claimed_at, claimed_by, closed_at, closed_by, resolution)
       VALUES ($1, $2, 'Une question', $3, $4, $5, $5, $6, $7, $8, $9) RETURNING id`,
      [
        cohort.id,
        known.learner.id,
        status,
        at(known.raisedAt),
        claimedAt,
        known.by?.id ?? null,
        closedAt,
        status === 'resolved' ? known.by!.id : status === 'cancelled' ? known.learner.id : null,
        status === 'resolved' ? 'Réglé' : null,
      ],
    );
    return id;
  }

  async function setUp() {
    const cohort = await ctx.fixtures.cohort();
    await ctx.dataSource.query(`UPDATE sites SET time_zone = 'America/Martinique' WHERE id = $1`, [cohort.homeSiteId]);
    const [a, b] = [await ctx.fixtures.user({ name: 'Anna Facilite' }), await ctx.fixtures.user({ name: 'Basile Facilite' })];
    await ctx.fixtures.member(cohort, 'facilitator', a);
    await ctx.fixtures.member(cohort, 'facilitator', b);
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const ids = {
      t1: await ticket(cohort, { learner, raisedAt: '2026-10-05T10:00', waited: 60, by: a, handled: 600 }),
      t2: await ticket(cohort, { learner, raisedAt: '2026-10-05T10:05', waited: 120, by: a, handled: 300 }),
      t3: await ticket(cohort, { learner, raisedAt: '2026-10-05T10:10', waited: 1200, by: b, handled: 900 }),
      t4: await ticket(cohort, { learner, raisedAt: '2026-10-05T10:20', cancelledAfter: 1000 }),
      // 23:30 in Martinique is already the 6th in UTC: it counts on the 5th.
      t5: await ticket(cohort, { learner, raisedAt: '2026-10-05T23:30', waited: 30, by: b, handled: 60 }),
      t6: await ticket(cohort, { learner, raisedAt: '2026-10-06T09:00' }),
      // Raised before the range, resolved in it: counts as resolved on the 6th and for Anna, not as raised.
      t7: await ticket(cohort, { learner, raisedAt: '2026-10-04T23:50', waited: 90_000, by: a, handled: 1200 }),
      t8: await ticket(cohort, { learner, raisedAt: '2026-10-07T09:00', waited: 10, by: b }),
    };
    return { cohort, a, b, learner, ids };
  }

  it('counts per local day, with the median and 90th percentile of waits and the long waits, and per facilitator', async () => {
    const { cohort, a, b } = await setUp();
    const admin = await ctx.as(await ctx.fixtures.admin());
    const response = await admin.get(`/api/cohorts/${cohort.id}/help-measures?from=2026-10-05&to=2026-10-06`).expect(200);
    expect(response.body).toEqual({
      cohortId: cohort.id,
      from: '2026-10-05',
      to: '2026-10-06',
      timeZone: 'America/Martinique',
      days: [
        // Claimed waits 30, 60, 120, 1200: median 90, p90 120 + 0.7 × 1080 = 876; 1200 s and 1000 s (cancelled) are long.
        { date: '2026-10-05', raised: 5, resolved: 4, cancelled: 1, medianWaitingSeconds: 90, p90WaitingSeconds: 876, waitedOver15Minutes: 2 },
        // Still waiting since the 6th: a long wait with no measured wait yet.
        { date: '2026-10-06', raised: 1, resolved: 1, cancelled: 0, medianWaitingSeconds: null, p90WaitingSeconds: null, waitedOver15Minutes: 1 },
      ],
      facilitators: [
        { facilitator: { id: a.id, displayName: a.displayName }, handled: 3, medianHandlingSeconds: 600 },
        { facilitator: { id: b.id, displayName: b.displayName }, handled: 2, medianHandlingSeconds: 480 },
      ],
    });
  });

  it('lists each ticket raised in the range with its timings, by cursor', async () => {
    const { cohort, a, b, ids } = await setUp();
    const facilitator = await ctx.as(a);
    const url = `/api/cohorts/${cohort.id}/help-measures/tickets?from=2026-10-05&to=2026-10-06`;
    const first = await facilitator.get(`${url}&limit=4`).expect(200);
    expect(first.body.items).toEqual([
      { id: ids.t1, raisedAt: at('2026-10-05T10:00'), waitingSeconds: 60, handlingSeconds: 600, status: 'resolved', claimedBy: { id: a.id, displayName: a.displayName } },
      { id: ids.t2, raisedAt: at('2026-10-05T10:05'), waitingSeconds: 120, handlingSeconds: 300, status: 'resolved', claimedBy: { id: a.id, displayName: a.displayName } },
      { id: ids.t3, raisedAt: at('2026-10-05T10:10'), waitingSeconds: 1200, handlingSeconds: 900, status: 'resolved', claimedBy: { id: b.id, displayName: b.displayName } },
      { id: ids.t4, raisedAt: at('2026-10-05T10:20'), waitingSeconds: 1000, handlingSeconds: null, status: 'cancelled', claimedBy: null },
    ]);
    const second = await facilitator.get(`${url}&limit=4&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items.map((t: { id: string }) => t.id)).toEqual([ids.t5, ids.t6]);
    expect(second.body.items[1]).toMatchObject({ status: 'waiting', waitingSeconds: expect.any(Number), handlingSeconds: null, claimedBy: null });
    expect(second.body.items[1].waitingSeconds).toBeGreaterThan(900);
    expect(second.body.nextCursor).toBeNull();
    await facilitator.get(`${url}&cursor=bm90LWEtY3Vyc29y`).expect(400);
  });

  it('is for facilitators and admins, over at most 92 days, the last week by default', async () => {
    const { cohort, a, learner } = await setUp();
    const stranger = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'facilitator'));
    const base = `/api/cohorts/${cohort.id}/help-measures`;
    for (const path of [base, `${base}/tickets`]) {
      await (await ctx.as(learner)).get(path).expect(403);
      await stranger.get(path).expect(404);
    }
    const facilitator = await ctx.as(a);
    const week = (await facilitator.get(base).expect(200)).body;
    expect(week.days).toHaveLength(7);
    expect(Date.parse(week.to) - Date.parse(week.from)).toBe(6 * 86_400_000);
    await facilitator.get(`${base}?from=2026-01-01&to=2026-04-02`).expect(200);
    const tooLong = await facilitator.get(`${base}?from=2026-01-01&to=2026-04-03`).expect(400);
    expect(tooLong.body.details).toEqual([expect.objectContaining({ field: 'to' })]);
    await facilitator.get(`${base}?from=2026-10-06&to=2026-10-05`).expect(400);
    await facilitator.get(`${base}?from=2026-02-30`).expect(400);
    await facilitator.get(`${base}/tickets?limit=501`).expect(400);
  });

  it('counts days in Paris for a fully remote cohort', async () => {
    const { cohort, a } = await setUp();
    await ctx.dataSource.query(`UPDATE cohorts SET fully_remote = true, home_site_id = NULL WHERE id = $1`, [cohort.id]);
    const measures = (await (await ctx.as(a)).get(`/api/cohorts/${cohort.id}/help-measures?from=2026-10-05&to=2026-10-05`).expect(200)).body;
    // In Paris (UTC+2) the ticket raised at 23:30 in Martinique moves to the 6th (05:30), the one raised at 23:50 on the 4th to the 5th (05:50).
    expect(measures).toMatchObject({ timeZone: 'Europe/Paris', days: [{ date: '2026-10-05', raised: 5 }] });
  });
});
