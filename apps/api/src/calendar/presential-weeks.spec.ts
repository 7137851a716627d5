import type { Cohort, User } from '@fabrique/persistence';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('scheduling on-site weeks', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  /** A cohort with a facilitator and `learners` learners, and its home site's two rooms (24 and 12 seats). */
  async function setUp(learners = 3) {
    const cohort = await ctx.fixtures.cohort({ startsOn: '2026-09-07', endsOn: '2027-06-25' });
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
    for (let i = 0; i < learners; i++) await ctx.fixtures.member(cohort, 'learner');
    const rooms = await ctx.dataSource.query(`SELECT id, name FROM rooms WHERE site_id = $1 ORDER BY capacity DESC`, [cohort.homeSiteId]);
    const admin = await ctx.as(await ctx.fixtures.admin());
    return { cohort, facilitator, big: rooms[0].id as string, small: rooms[1].id as string, admin };
  }

  const week = (monday: string, roomId: string, facilitators: User[], agenda = 'Lancement du brief') => ({
    monday,
    roomId,
    facilitatorIds: facilitators.map((f) => f.id),
    agenda,
  });

  async function sameCohortSite(cohort: Cohort) {
    // A second cohort at the same site, to book the same rooms.
    const other = await ctx.fixtures.cohort();
    await ctx.dataSource.query(`UPDATE cohorts SET home_site_id = $1 WHERE id = $2`, [cohort.homeSiteId, other.id]);
    return other;
  }

  it('schedules a week with its site, room and facilitators, and records an event', async () => {
    const { cohort, facilitator, big, admin } = await setUp();
    const created = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2026-10-07', big, [facilitator])).expect(201);
    expect(created.body).toMatchObject({
      monday: '2026-10-05',
      isoWeek: '2026-W41',
      kind: 'presential',
      room: { id: big, name: 'Salle du fournil' },
      facilitators: [{ userId: facilitator.id, displayName: facilitator.displayName }],
      agenda: 'Lancement du brief',
    });
    const events = await ctx.dataSource.query(`SELECT type, payload FROM domain_events WHERE aggregate_id = $1 AND type LIKE 'cohort_week.%'`, [cohort.id]);
    expect(events).toEqual([expect.objectContaining({ type: 'cohort_week.scheduled' })]);
  });

  it('refuses a week outside the cohort, twice the same week, and a holiday week, with 409 naming the clash', async () => {
    const { cohort, facilitator, big, small, admin } = await setUp();
    const outside = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2027-07-05', big, [facilitator])).expect(409);
    expect(outside.body.details[0].field).toBe('outside_cohort');

    await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2026-11-02', big, [facilitator])).expect(201);
    const twice = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2026-11-04', small, [])).expect(409);
    expect(twice.body.details.map((d: { field: string }) => d.field)).toContain('cohort_already_on_site');

    await admin.post(`/api/cohorts/${cohort.id}/periods`).send({ kind: 'holiday', from: '2026-12-21', to: '2027-01-01' }).expect(201);
    const holiday = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2026-12-28', big, [facilitator])).expect(409);
    expect(holiday.body.details.map((d: { field: string }) => d.field)).toEqual(['holiday']);
    expect(holiday.body.message).toContain('2026-12-28');
  });

  it('refuses a room booked by another cohort, a room too small, and a facilitator elsewhere', async () => {
    const { cohort, facilitator, big, small, admin } = await setUp(14);
    const other = await sameCohortSite(cohort);
    const otherFacilitator = await ctx.fixtures.member(other, 'facilitator');
    await ctx.fixtures.member(other, 'facilitator', facilitator);
    await admin.post(`/api/cohorts/${other.id}/presential-weeks`).send(week('2027-01-11', big, [otherFacilitator])).expect(201);

    const booked = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2027-01-11', big, [])).expect(409);
    expect(booked.body.details).toEqual([
      { field: 'room_booked', message: expect.stringContaining(other.name), rule: 'room_booked', params: { room: expect.any(String), cohort: other.name } },
    ]);

    const tooSmall = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2027-02-01', small, [])).expect(409);
    expect(tooSmall.body.details).toEqual([
      { field: 'room_too_small', message: expect.stringMatching(/12.*14/), rule: 'room_too_small', params: { room: expect.any(String), capacity: 12, learners: 14 } },
    ]);

    await admin.post(`/api/cohorts/${other.id}/presential-weeks`).send(week('2027-03-01', small, [facilitator])).expect(201);
    const busy = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2027-03-01', big, [facilitator])).expect(409);
    expect(busy.body.details).toEqual([
      {
        field: 'facilitator_busy',
        message: expect.stringContaining(facilitator.displayName),
        rule: 'facilitator_busy',
        params: { facilitator: facilitator.displayName, cohort: other.name, site: expect.any(String) },
      },
    ]);

    const count = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM cohort_weeks WHERE cohort_id = $1`, [cohort.id]);
    expect(count[0].n).toBe(0);
  });

  it('moves, edits and cancels a week, keeping the history; a cancelled week frees its room', async () => {
    const { cohort, facilitator, big, admin } = await setUp();
    const created = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2026-10-05', big, [facilitator])).expect(201);
    const moved = await admin.patch(`/api/cohorts/${cohort.id}/presential-weeks/${created.body.weekId}`).send({ monday: '2026-10-12' }).expect(200);
    expect(moved.body).toMatchObject({ monday: '2026-10-12', weekId: created.body.weekId });
    await admin.patch(`/api/cohorts/${cohort.id}/presential-weeks/${created.body.weekId}`).send({ agenda: 'Revue de code', facilitatorIds: [] }).expect(200);
    await admin.delete(`/api/cohorts/${cohort.id}/presential-weeks/${created.body.weekId}`).expect(204);

    const history = await admin.get(`/api/cohorts/${cohort.id}/calendar/history`).expect(200);
    expect(history.body.map((e: { type: string }) => e.type)).toEqual(['cohort_week.cancelled', 'cohort_week.updated', 'cohort_week.moved', 'cohort_week.scheduled']);
    const row = await ctx.dataSource.query(`SELECT status, sequence FROM cohort_weeks WHERE id = $1`, [created.body.weekId]);
    expect(row[0]).toEqual({ status: 'cancelled', sequence: 3 });

    const other = await sameCohortSite(cohort);
    await admin.post(`/api/cohorts/${other.id}/presential-weeks`).send(week('2026-10-12', big, [])).expect(201);
  });

  it('lets two admins race for one room: exactly one wins', async () => {
    const { cohort, big, admin } = await setUp();
    const other = await sameCohortSite(cohort);
    const results = await Promise.all([
      admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2027-04-05', big, [])),
      admin.post(`/api/cohorts/${other.id}/presential-weeks`).send(week('2027-04-05', big, [])),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('refuses non-admins (403) and hides another cohort from members (404)', async () => {
    const { cohort, facilitator, big } = await setUp();
    const asFacilitator = await ctx.as(facilitator);
    await asFacilitator.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2026-10-05', big, [facilitator])).expect(403);
    await asFacilitator.post(`/api/cohorts/${cohort.id}/periods`).send({ kind: 'holiday', from: '2026-12-21', to: '2027-01-01' }).expect(403);
    await asFacilitator.post(`/api/cohorts/${cohort.id}/rhythm/preview`).send({ rule: { kind: 'first-full-week-of-month' }, roomId: big, facilitatorIds: [] }).expect(403);
    await asFacilitator.post(`/api/cohorts/${cohort.id}/rhythm`).send({ rule: { kind: 'first-full-week-of-month' }, roomId: big, facilitatorIds: [], accept: [] }).expect(403);
    await asFacilitator.get(`/api/cohorts/${cohort.id}/calendar/history`).expect(403);
    const admin = await ctx.as(await ctx.fixtures.admin());
    const scheduled = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2026-10-05', big, [])).expect(201);
    const [holiday] = (await admin.post(`/api/cohorts/${cohort.id}/periods`).send({ kind: 'holiday', from: '2026-12-21', to: '2026-12-25' }).expect(201)).body;
    await asFacilitator.patch(`/api/cohorts/${cohort.id}/presential-weeks/${scheduled.body.weekId}`).send({ agenda: 'x' }).expect(403);
    await asFacilitator.delete(`/api/cohorts/${cohort.id}/presential-weeks/${scheduled.body.weekId}`).expect(403);
    await asFacilitator.delete(`/api/cohorts/${cohort.id}/periods/${holiday.weekId}`).expect(403);
    // A week of another cohort cannot be reached through this cohort's address.
    const elsewhere = await ctx.fixtures.cohort();
    await admin.delete(`/api/cohorts/${elsewhere.id}/presential-weeks/${scheduled.body.weekId}`).expect(404);
    await ctx.http().get('/api/me/week').expect(401);
    await asFacilitator.get(`/api/cohorts/${cohort.id}/calendar`).expect(200);
    const stranger = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'learner'));
    await stranger.get(`/api/cohorts/${cohort.id}/calendar`).expect(404);
  });

  it('names a room or facilitator that does not belong, with 400', async () => {
    const { cohort, big, admin } = await setUp();
    const outsider = await ctx.fixtures.user();
    const response = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2026-10-05', big, [outsider])).expect(400);
    expect(response.body.details).toEqual([
      { field: 'facilitatorIds', message: `facilitatorIds must be facilitators of this cohort (not: ${outsider.id})`, rule: 'cohortFacilitators' },
    ]);
    const noRoom = await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send(week('2026-10-05', '00000000-0000-4000-8000-000000000000', [])).expect(400);
    expect(noRoom.body.details).toEqual([{ field: 'roomId', message: 'roomId does not match a room', rule: 'roomExists' }]);
    const backwards = await admin.post(`/api/cohorts/${cohort.id}/periods`).send({ kind: 'holiday', from: '2026-12-25', to: '2026-12-21' }).expect(400);
    expect(backwards.body.details).toEqual([{ field: 'to', message: 'to must not be before from', rule: 'notBeforeFrom' }]);
  });
});
