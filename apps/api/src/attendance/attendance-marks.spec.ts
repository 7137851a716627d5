import { ApiTestContext } from '../testing/api-test-context.js';
import { cohortOnSite, eventTypes, scheduleWeek } from './attendance-fixtures.js';

describe('attendance marks', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('marks learners for a half-day, and keeps a correction beside the original, naming who changed what', async () => {
    const { cohort, facilitator, learners } = await cohortOnSite(ctx);
    const [amina, kevin] = learners as [(typeof learners)[0], (typeof learners)[0]];
    const asFacilitator = await ctx.as(facilitator);
    const url = `/api/cohorts/${cohort.id}/attendance`;

    const first = await asFacilitator
      .post(url)
      .send({ date: '2026-10-06', halfDay: 'morning', marks: [{ learnerId: amina.id, status: 'present' }, { learnerId: kevin.id, status: 'absent' }] })
      .expect(201);
    expect(first.body.marks.map((m: { learnerId: string; outcome: string; mark: { status: string; source: string } }) => [m.learnerId, m.outcome, m.mark.status, m.mark.source])).toEqual([
      [amina.id, 'marked', 'present', 'facilitator'],
      [kevin.id, 'marked', 'absent', 'facilitator'],
    ]);
    const original = first.body.marks[1].mark;
    expect(original.recordedBy).toEqual({ userId: facilitator.id, displayName: facilitator.displayName });

    // Changing a status needs a reason; nothing is written without one.
    const noReason = await asFacilitator.post(url).send({ date: '2026-10-06', halfDay: 'morning', marks: [{ learnerId: kevin.id, status: 'late' }] }).expect(400);
    expect(noReason.body.details).toEqual([
      {
        field: 'marks.0.reason',
        message: `marks.0.reason: a reason is required to change absent to late, as recorded by ${facilitator.displayName}`,
        rule: 'correctionReason',
        params: { from: 'absent', to: 'late', recordedBy: facilitator.displayName },
      },
    ]);

    const admin = await ctx.fixtures.admin();
    const correction = await (await ctx.as(admin))
      .post(url)
      .send({
        date: '2026-10-06',
        halfDay: 'morning',
        marks: [
          { learnerId: kevin.id, status: 'late', reason: 'Arrivé à 9 h 40, train supprimé' },
          { learnerId: amina.id, status: 'present' },
        ],
      })
      .expect(201);
    expect(correction.body.marks.map((m: { outcome: string }) => m.outcome)).toEqual(['corrected', 'unchanged']);
    expect(correction.body.marks[0].mark).toMatchObject({ status: 'late', supersedes: original.id, reason: 'Arrivé à 9 h 40, train supprimé', recordedBy: { userId: admin.id } });

    // Both rows are kept; the current status is the latest.
    const rows = await ctx.dataSource.query(`SELECT status, supersedes FROM attendance_marks WHERE learner_id = $1 ORDER BY recorded_at`, [kevin.id]);
    expect(rows).toEqual([
      { status: 'absent', supersedes: null },
      { status: 'late', supersedes: original.id },
    ]);

    const day = await asFacilitator.get(`${url}?date=2026-10-06`).expect(200);
    expect(day.body).toMatchObject({ cohortId: cohort.id, date: '2026-10-06', onSite: true });
    const kevinsDay = day.body.learners.find((learner: { userId: string }) => learner.userId === kevin.id);
    expect(kevinsDay).toMatchObject({ email: kevin.email, isLearner: true, morning: { status: 'late', source: 'facilitator' }, afternoon: null });
    expect(day.body.corrections).toEqual([
      expect.objectContaining({
        learnerId: kevin.id,
        halfDay: 'morning',
        status: 'late',
        previousStatus: 'absent',
        reason: 'Arrivé à 9 h 40, train supprimé',
        recordedBy: { userId: admin.id, displayName: admin.displayName },
        previousRecordedBy: { userId: facilitator.id, displayName: facilitator.displayName },
      }),
    ]);

    expect(await eventTypes(ctx, cohort.id, 'attendance.')).toEqual(['attendance.marked', 'attendance.marked', 'attendance.corrected']);
  });

  it('refuses a date outside a scheduled on-site week, naming the date, and writes nothing', async () => {
    const { cohort, facilitator, learners } = await cohortOnSite(ctx);
    await scheduleWeek(ctx, cohort, '2026-11-02', { status: 'cancelled' });
    await scheduleWeek(ctx, cohort, '2026-11-09', { kind: 'internship' });
    const asFacilitator = await ctx.as(facilitator);
    const mark = (date: string) =>
      asFacilitator.post(`/api/cohorts/${cohort.id}/attendance`).send({ date, halfDay: 'afternoon', marks: [{ learnerId: learners[0]?.id, status: 'present' }] });

    const distance = await mark('2026-10-13').expect(400);
    expect(distance.body.details).toEqual([
      { field: 'date', message: '2026-10-13 is not in a scheduled on-site week of this cohort', rule: 'onSiteWeek', params: { date: '2026-10-13' } },
    ]);
    expect((await mark('2026-10-10').expect(400)).body.details).toEqual([
      { field: 'date', message: '2026-10-10 is a Saturday: on-site days run Monday to Friday', rule: 'isWeekday', params: { date: '2026-10-10' } },
    ]);
    await mark('2026-11-03').expect(400); // cancelled week
    await mark('2026-11-10').expect(400); // internship week
    await mark('2026-10-09').expect(201); // Friday of the on-site week

    const written = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM attendance_marks WHERE cohort_id = $1`, [cohort.id]);
    expect(written[0].n).toBe(1);
  });

  it('refuses users who are not learners of the cohort, and the whole batch with them', async () => {
    const { cohort, facilitator, learners } = await cohortOnSite(ctx);
    const stranger = await ctx.fixtures.user();
    const asFacilitator = await ctx.as(facilitator);
    const response = await asFacilitator
      .post(`/api/cohorts/${cohort.id}/attendance`)
      .send({
        date: '2026-10-05',
        halfDay: 'morning',
        marks: [
          { learnerId: learners[0]?.id, status: 'present' },
          { learnerId: facilitator.id, status: 'present' },
          { learnerId: stranger.id, status: 'absent' },
        ],
      })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', message: '2 of these marks name no learner of this cohort; nothing was recorded' });
    expect(response.body.details).toEqual([
      { field: 'marks.1.learnerId', message: `marks.1.learnerId: ${facilitator.id} is not a learner of this cohort`, rule: 'cohortLearner' },
      { field: 'marks.2.learnerId', message: `marks.2.learnerId: ${stranger.id} is not a learner of this cohort`, rule: 'cohortLearner' },
    ]);
    const unknownStatus = await asFacilitator
      .post(`/api/cohorts/${cohort.id}/attendance`)
      .send({ date: '2026-10-05', halfDay: 'evening', marks: [{ learnerId: learners[0]?.id, status: 'sick' }] })
      .expect(400);
    expect(unknownStatus.body.details.map((detail: { field: string }) => detail.field)).toEqual(['halfDay', 'marks.0.status']);

    const written = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM attendance_marks WHERE cohort_id = $1`, [cohort.id]);
    expect(written[0].n).toBe(0);
  });

  it('forbids learners to mark or read (403) and hides the cohort from another cohort’s facilitator (404)', async () => {
    const { cohort, learners } = await cohortOnSite(ctx);
    const other = await cohortOnSite(ctx);
    const body = { date: '2026-10-05', halfDay: 'morning', marks: [{ learnerId: learners[0]?.id, status: 'present' }] };

    const asLearner = await ctx.as(learners[0] as (typeof learners)[0]);
    const refused = await asLearner.post(`/api/cohorts/${cohort.id}/attendance`).send(body).expect(403);
    expect(refused.body).toEqual({ statusCode: 403, code: 'forbidden', message: 'Only a facilitator of this cohort may do this' });
    await asLearner.get(`/api/cohorts/${cohort.id}/attendance?date=2026-10-05`).expect(403);

    const otherFacilitator = await ctx.as(other.facilitator);
    const hidden = await otherFacilitator.post(`/api/cohorts/${cohort.id}/attendance`).send(body).expect(404);
    expect(hidden.body.message).toBe('Cohort not found');
    await otherFacilitator.get(`/api/cohorts/${cohort.id}/attendance?date=2026-10-05`).expect(404);
    await otherFacilitator.get(`/api/cohorts/${cohort.id}/attendance.csv?month=2026-10`).expect(404);
  });
});
