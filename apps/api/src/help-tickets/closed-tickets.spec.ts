import type { Cohort, User } from '@fabrique/persistence';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('a cohort’s closed tickets: GET /api/cohorts/:cohortId/tickets?status=', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  /** A ticket raised `raisedAgo` minutes ago, claimed a minute later, closed `closedAgo` minutes ago (or still waiting). */
  async function ticket(cohort: Cohort, learner: User, question: string, known: { status: string; raisedAgo: number; closedAgo?: number; by?: User }) {
    const closed = known.closedAgo !== undefined;
    const [{ id }] = await ctx.dataSource.query(
      `INSERT INTO help_tickets (cohort_id, learner_id, question, status, raised_at, first_claimed_at, claimed_at, claimed_by, closed_at, closed_by, resolution)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10) RETURNING id`,
      [
        cohort.id,
        learner.id,
        question,
        known.status,
        minutesAgo(known.raisedAgo),
        known.by ? minutesAgo(known.raisedAgo - 1) : null,
        known.by?.id ?? null,
        closed ? minutesAgo(known.closedAgo as number) : null,
        closed ? (known.by ?? learner).id : null,
        known.status === 'resolved' ? `Réglé : ${question}` : null,
      ],
    );
    return id as string;
  }

  async function setUp() {
    const cohort = await ctx.fixtures.cohort();
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Fatou Résout' }));
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Léon Demande' }));
    const ids = {
      older: await ticket(cohort, learner, 'Mon flex ne centre pas', { status: 'resolved', raisedAgo: 60, closedAgo: 40, by: facilitator }),
      latest: await ticket(cohort, learner, 'Git refuse mon push', { status: 'resolved', raisedAgo: 50, closedAgo: 10, by: facilitator }),
      middle: await ticket(cohort, learner, 'Ma requête SQL est lente', { status: 'resolved', raisedAgo: 45, closedAgo: 20, by: facilitator }),
      lastWeek: await ticket(cohort, learner, 'Une vieille question', { status: 'resolved', raisedAgo: 8 * 24 * 60 + 10, closedAgo: 8 * 24 * 60, by: facilitator }),
      cancelled: await ticket(cohort, learner, 'Finalement non', { status: 'cancelled', raisedAgo: 30, closedAgo: 25 }),
      waiting: await ticket(cohort, learner, 'Toujours en attente', { status: 'waiting', raisedAgo: 5 }),
    };
    const elsewhere = await ctx.fixtures.cohort();
    await ticket(elsewhere, await ctx.fixtures.member(elsewhere, 'learner'), 'Ailleurs', { status: 'resolved', raisedAgo: 30, closedAgo: 5, by: facilitator });
    return { cohort, facilitator, learner, ids };
  }

  it('lists the tickets resolved in the last 7 days, the latest resolution first, with the full ticket and its timings', async () => {
    const { cohort, facilitator, learner, ids } = await setUp();
    const agent = await ctx.as(facilitator);
    const url = `/api/cohorts/${cohort.id}/tickets`;

    const week = (await agent.get(`${url}?status=resolved`).expect(200)).body;
    expect(week.map((t: { id: string }) => t.id)).toEqual([ids.latest, ids.middle, ids.older]);
    expect(week[0]).toEqual({
      id: ids.latest,
      cohortId: cohort.id,
      status: 'resolved',
      away: false,
      raisedAt: expect.any(String),
      learner: { id: learner.id, displayName: 'Léon Demande' },
      question: 'Git refuse mon push',
      briefId: null,
      resourceId: null,
      competency: null,
      claimedBy: { id: facilitator.id, displayName: 'Fatou Résout' },
      claimedAt: expect.any(String),
      closedAt: expect.any(String),
      resolution: 'Réglé : Git refuse mon push',
      escalatedAt: null,
      threadId: null,
      waitingSeconds: 60,
      handlingSeconds: 39 * 60,
    });

    const since = (await agent.get(`${url}?status=resolved&since=${encodeURIComponent(minutesAgo(30))}`).expect(200)).body;
    expect(since.map((t: { id: string }) => t.id)).toEqual([ids.latest, ids.middle]);
    const twoWeeks = (await agent.get(`${url}?status=resolved&since=${encodeURIComponent(minutesAgo(14 * 24 * 60))}&limit=4`).expect(200)).body;
    expect(twoWeeks.map((t: { id: string }) => t.id)).toEqual([ids.latest, ids.middle, ids.older, ids.lastWeek]);
    const limited = (await agent.get(`${url}?status=resolved&limit=1`).expect(200)).body;
    expect(limited.map((t: { id: string }) => t.id)).toEqual([ids.latest]);
    const cancelled = (await agent.get(`${url}?status=cancelled`).expect(200)).body;
    expect(cancelled.map((t: { id: string }) => t.id)).toEqual([ids.cancelled]);

    const admin = await ctx.as(await ctx.fixtures.admin());
    expect((await admin.get(`${url}?status=resolved`).expect(200)).body).toHaveLength(3);
  });

  it('refuses learners (403) and strangers (404), and names the bad field (400)', async () => {
    const { cohort, facilitator, learner } = await setUp();
    const url = `/api/cohorts/${cohort.id}/tickets`;
    const refused = await (await ctx.as(learner)).get(`${url}?status=resolved`).expect(403);
    expect(refused.body.code).toBe('forbidden');
    const stranger = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'facilitator'));
    await stranger.get(`${url}?status=resolved`).expect(404);

    const agent = await ctx.as(facilitator);
    for (const [query, field] of [
      ['', 'status'],
      ['status=waiting', 'status'],
      ['status=resolved&since=yesterday', 'since'],
      ['status=resolved&since=2026-10-05', 'since'],
      ['status=resolved&limit=0', 'limit'],
      ['status=resolved&limit=101', 'limit'],
    ]) {
      const bad = await agent.get(`${url}?${query}`).expect(400);
      expect(new Set(bad.body.details.map((detail: { field: string }) => detail.field))).toEqual(new Set([field]));
    }
  });
});
