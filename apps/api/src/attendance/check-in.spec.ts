import { ApiTestContext } from '../testing/api-test-context.js';
import { cohortOnSite, eventTypes } from './attendance-fixtures.js';
import { WRONG_CODES_PER_HALF_DAY, WRONG_CODES_PER_LEARNER } from './check-in-rate-limiter.js';
import { Clock } from './clock.js';

const jest = import.meta.jest;

/** Another six-digit code than `code`. */
const otherCode = (code: string, shift = 1) => ((Number(code) + shift) % 1_000_000).toString().padStart(6, '0');

describe('self check-in with a half-day code', () => {
  const ctx = new ApiTestContext();
  let now: Date;
  beforeAll(async () => {
    await ctx.start();
    jest.spyOn(ctx.app.get(Clock), 'now').mockImplementation(() => now);
  });
  afterAll(() => ctx.stop());

  // The on-site week of 2026-10-05 is at a site in Europe/Paris (UTC+2 then).
  const at = (instant: string) => {
    now = new Date(instant);
  };

  async function openCode(cohortId: string, facilitator: Parameters<ApiTestContext['as']>[0], body: object = {}, status = 201) {
    return (await ctx.as(facilitator)).post(`/api/cohorts/${cohortId}/attendance/check-in-codes`).send(body).expect(status);
  }

  it('records a learner present with the code on screen, stored only as a hash', async () => {
    const { cohort, facilitator, learners } = await cohortOnSite(ctx);
    at('2026-10-06T07:10:00Z'); // 09:10 in Paris
    const opened = await openCode(cohort.id, facilitator, { date: '2026-10-06', halfDay: 'morning' });
    expect(opened.body).toEqual({ code: expect.stringMatching(/^\d{6}$/), date: '2026-10-06', halfDay: 'morning', expiresAt: '2026-10-06T07:40:00.000Z' });
    const [stored] = await ctx.dataSource.query(`SELECT code_hash FROM check_in_codes WHERE cohort_id = $1`, [cohort.id]);
    expect(stored.code_hash).not.toContain(opened.body.code);

    at('2026-10-06T07:25:00Z');
    const asLearner = await ctx.as(learners[0] as (typeof learners)[0]);
    const typed = `${opened.body.code.slice(0, 3)} ${opened.body.code.slice(3)}`;
    const checkedIn = await asLearner.post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code: typed }).expect(200);
    expect(checkedIn.body).toMatchObject({
      date: '2026-10-06',
      halfDay: 'morning',
      outcome: 'marked',
      mark: { learnerId: learners[0]?.id, status: 'present', source: 'check_in', recordedBy: { userId: learners[0]?.id } },
    });
    const again = await asLearner.post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code: opened.body.code }).expect(200);
    expect(again.body.outcome).toBe('unchanged');

    // A learner the facilitator already marked absent who then checks in: a correction, with its reason.
    const late = learners[1] as (typeof learners)[0];
    await (await ctx.as(facilitator))
      .post(`/api/cohorts/${cohort.id}/attendance`)
      .send({ date: '2026-10-06', halfDay: 'morning', marks: [{ learnerId: late.id, status: 'absent' }] })
      .expect(201);
    const corrected = await (await ctx.as(late)).post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code: opened.body.code }).expect(200);
    expect(corrected.body).toMatchObject({ outcome: 'corrected', mark: { status: 'present', reason: 'Checked in with the half-day code after being marked absent' } });

    expect(await eventTypes(ctx, cohort.id, 'check_in.')).toEqual(['check_in.opened']);
    expect(await eventTypes(ctx, cohort.id, 'attendance.')).toEqual(['attendance.marked', 'attendance.marked', 'attendance.corrected']);
  });

  it('refuses the morning code in the afternoon, and opens codes only for the half-day under way', async () => {
    const { cohort, facilitator, learners } = await cohortOnSite(ctx);
    at('2026-10-07T10:50:00Z'); // 12:50 in Paris: the morning's last minutes
    const morning = await openCode(cohort.id, facilitator);
    expect(morning.body).toMatchObject({ halfDay: 'morning', expiresAt: '2026-10-07T11:00:00.000Z' });
    const early = await openCode(cohort.id, facilitator, { halfDay: 'afternoon' }, 409);
    expect(early.body).toEqual({
      statusCode: 409,
      code: 'conflict',
      message: 'A check-in code opens during its own half-day: it is now the morning of 2026-10-07, not the afternoon of 2026-10-07',
      reason: 'check_in_code_not_this_half_day',
      params: { date: '2026-10-07', halfDay: 'morning' },
    });

    at('2026-10-07T11:05:00Z'); // 13:05 in Paris
    const refused = await (await ctx.as(learners[0] as (typeof learners)[0]))
      .post(`/api/cohorts/${cohort.id}/attendance/check-in`)
      .send({ code: morning.body.code })
      .expect(409);
    expect(refused.body).toEqual({
      statusCode: 409,
      code: 'conflict',
      message: 'This code was for the morning of 2026-10-07; it is now the afternoon of 2026-10-07',
      reason: 'check_in_code_other_half_day',
      params: { date: '2026-10-07', halfDay: 'morning' },
    });
    const marks = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM attendance_marks WHERE cohort_id = $1`, [cohort.id]);
    expect(marks[0].n).toBe(0);
  });

  it('refuses another cohort’s code, and hides another cohort (404)', async () => {
    const mine = await cohortOnSite(ctx);
    const theirs = await cohortOnSite(ctx);
    at('2026-10-08T12:30:00Z');
    await openCode(mine.cohort.id, mine.facilitator);
    const theirCode = (await openCode(theirs.cohort.id, theirs.facilitator)).body.code;
    const asLearner = await ctx.as(mine.learners[0] as (typeof mine.learners)[0]);

    const wrong = await asLearner.post(`/api/cohorts/${mine.cohort.id}/attendance/check-in`).send({ code: theirCode }).expect(400);
    expect(wrong.body.details).toEqual([{ field: 'code', message: 'This is not the check-in code of this cohort for this half-day', rule: 'checkInCodeWrong' }]);
    const malformed = await asLearner.post(`/api/cohorts/${mine.cohort.id}/attendance/check-in`).send({ code: '12ab' }).expect(400);
    expect(malformed.body.details).toEqual([{ field: 'code', message: 'code must be the 6 digits shown by your facilitator', rule: 'checkInCodeFormat', limit: 6 }]);
    await asLearner.post(`/api/cohorts/${theirs.cohort.id}/attendance/check-in`).send({ code: theirCode }).expect(404);
    const marks = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM attendance_marks WHERE learner_id = $1`, [mine.learners[0]?.id]);
    expect(marks[0].n).toBe(0);
  });

  it('stops a learner after too many wrong codes (429), counting in Redis; other learners go on', async () => {
    const { cohort, facilitator, learners } = await cohortOnSite(ctx);
    at('2026-10-09T07:00:00Z');
    const { code } = (await openCode(cohort.id, facilitator)).body;
    const guesser = await ctx.as(learners[0] as (typeof learners)[0]);
    for (let attempt = 1; attempt <= WRONG_CODES_PER_LEARNER; attempt++) {
      await guesser.post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code: otherCode(code, attempt) }).expect(400);
    }
    const limited = await guesser.post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code }).expect(429);
    expect(limited.body).toEqual({
      statusCode: 429,
      code: 'rate_limited',
      message: expect.stringMatching(/^Too many wrong check-in codes for this half-day; ask your facilitator to record you \(or try again in \d+ minutes\)$/),
      reason: 'check_in_too_many_tries',
      params: { minutes: expect.any(Number) },
    });
    // The counter lives 14 hours, longer than any half-day: the minutes say so.
    expect(limited.body.message).toContain(`try again in ${limited.body.params.minutes} minutes`);
    expect(limited.body.params.minutes).toBeGreaterThan(13 * 60);

    // A second API instance shares the counters.
    const second = await new ApiTestContext().start();
    jest.spyOn(second.app.get(Clock), 'now').mockImplementation(() => now);
    try {
      const { accessToken } = await second.login(learners[0] as (typeof learners)[0]);
      await second.http().post(`/api/cohorts/${cohort.id}/attendance/check-in`).set('Authorization', `Bearer ${accessToken}`).send({ code }).expect(429);
    } finally {
      await second.stop();
    }

    await (await ctx.as(learners[1] as (typeof learners)[0])).post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code }).expect(200);
  });

  it('stops the whole cohort after too many wrong codes in a half-day, until the facilitator opens a new code', async () => {
    const guessers = WRONG_CODES_PER_HALF_DAY / WRONG_CODES_PER_LEARNER;
    const { cohort, facilitator, learners } = await cohortOnSite(ctx, '2026-10-05', guessers + 1);
    at('2026-10-05T13:00:00Z');
    const { code } = (await openCode(cohort.id, facilitator)).body;
    for (const learner of learners.slice(0, guessers)) {
      const agent = await ctx.as(learner);
      for (let attempt = 1; attempt <= WRONG_CODES_PER_LEARNER; attempt++) {
        await agent.post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code: otherCode(code, attempt) }).expect(400);
      }
    }
    const honest = await ctx.as(learners[guessers] as (typeof learners)[0]);
    const blocked = await honest.post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code }).expect(429);
    expect(blocked.body).toMatchObject({ code: 'rate_limited', reason: 'check_in_too_many_tries_cohort', params: { minutes: expect.any(Number) } });
    expect(blocked.body.message).toMatch(/your facilitator can open a new code/);

    const fresh = (await openCode(cohort.id, facilitator)).body.code;
    await honest.post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code: fresh }).expect(200);
  });

  it('refuses an expired code and a replaced one; the new code works', async () => {
    const { cohort, facilitator, learners } = await cohortOnSite(ctx);
    const asLearner = await ctx.as(learners[0] as (typeof learners)[0]);
    const checkIn = (code: string) => asLearner.post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code });

    at('2026-10-05T12:00:00Z'); // 14:00 in Paris
    const first = (await openCode(cohort.id, facilitator)).body.code;
    at('2026-10-05T12:30:00Z');
    const expired = await checkIn(first).expect(409);
    expect(expired.body).toEqual({
      statusCode: 409,
      code: 'conflict',
      message: 'This code expired at 14:30; ask your facilitator for a new one',
      reason: 'check_in_code_expired',
      params: { expiresAt: '2026-10-05T12:30:00.000Z', time: '14:30' },
    });

    const second = (await openCode(cohort.id, facilitator)).body.code;
    // The same six digits drawn twice (one chance in a million) would make the first code the current one.
    if (second !== first) {
      expect((await checkIn(first).expect(409)).body).toEqual({
        statusCode: 409,
        code: 'conflict',
        message: 'This code was replaced by a newer one; type the code on screen now',
        reason: 'check_in_code_replaced',
      });
    }
    await checkIn(second).expect(200);
  });

  it('accepts check-ins only during an on-site half-day, and only from learners', async () => {
    const { cohort, facilitator } = await cohortOnSite(ctx);
    at('2026-10-10T08:00:00Z'); // a Saturday
    const closed = await openCode(cohort.id, facilitator, {}, 409);
    expect(closed.body).toEqual({ statusCode: 409, code: 'conflict', message: 'No on-site half-day of this cohort is under way now', reason: 'not_on_site_now' });

    at('2026-10-05T08:00:00Z');
    const { code } = (await openCode(cohort.id, facilitator)).body;
    const notALearner = await (await ctx.as(facilitator)).post(`/api/cohorts/${cohort.id}/attendance/check-in`).send({ code }).expect(403);
    expect(notALearner.body).toEqual({ statusCode: 403, code: 'forbidden', message: 'Only a learner of this cohort checks in with a code', reason: 'check_in_learners_only' });
  });
});
