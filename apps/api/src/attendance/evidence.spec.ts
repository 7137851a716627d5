import { ApiTestContext } from '../testing/api-test-context.js';
import { cohortOnSite } from './attendance-fixtures.js';

describe('attendance evidence in PostgreSQL', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  async function markedCohort() {
    const { cohort, facilitator, learners } = await cohortOnSite(ctx);
    const learner = learners[0] as (typeof learners)[0];
    await (await ctx.as(facilitator))
      .post(`/api/cohorts/${cohort.id}/attendance`)
      .send({ date: '2026-10-05', halfDay: 'morning', marks: [{ learnerId: learner.id, status: 'absent' }] })
      .expect(201);
    return { cohort, facilitator, learner };
  }

  it('refuses UPDATE, DELETE and TRUNCATE of attendance marks, even through SQL', async () => {
    const { cohort } = await markedCohort();
    await expect(ctx.dataSource.query(`UPDATE attendance_marks SET status = 'present' WHERE cohort_id = $1`, [cohort.id])).rejects.toThrow(
      'attendance_marks is append-only attendance evidence: UPDATE refused',
    );
    await expect(ctx.dataSource.query(`DELETE FROM attendance_marks WHERE cohort_id = $1`, [cohort.id])).rejects.toThrow(
      'attendance_marks is append-only attendance evidence: DELETE refused',
    );
    await expect(ctx.dataSource.query(`TRUNCATE attendance_marks`)).rejects.toThrow('TRUNCATE refused');
    // Deleting the cohort would take its evidence along: refused too.
    await expect(ctx.dataSource.query(`DELETE FROM cohorts WHERE id = $1`, [cohort.id])).rejects.toThrow();
    const [row] = await ctx.dataSource.query(`SELECT status FROM attendance_marks WHERE cohort_id = $1`, [cohort.id]);
    expect(row.status).toBe('absent');
  });

  it('refuses UPDATE and DELETE of the activity log', async () => {
    const user = await ctx.fixtures.user();
    await ctx.login(user);
    await expect(ctx.dataSource.query(`UPDATE activity_log SET occurred_at = now() - interval '1 day' WHERE user_id = $1`, [user.id])).rejects.toThrow(
      'activity_log is append-only attendance evidence: UPDATE refused',
    );
    await expect(ctx.dataSource.query(`DELETE FROM activity_log WHERE user_id = $1`, [user.id])).rejects.toThrow('DELETE refused');
  });

  it('keeps a correction on the same learner and half-day, and lets each mark be corrected once', async () => {
    const { cohort, facilitator, learner } = await markedCohort();
    const other = await ctx.fixtures.member(cohort, 'learner');
    const [mark] = await ctx.dataSource.query(`SELECT id FROM attendance_marks WHERE cohort_id = $1`, [cohort.id]);
    const insert = (learnerId: string, halfDay: string) =>
      ctx.dataSource.query(
        `INSERT INTO attendance_marks (cohort_id, learner_id, on_date, half_day, status, source, reason, recorded_by, supersedes)
         VALUES ($1, $2, '2026-10-05', $3, 'present', 'facilitator', 'test', $4, $5)`,
        [cohort.id, learnerId, halfDay, facilitator.id, mark.id],
      );
    await expect(insert(other.id, 'morning')).rejects.toThrow(/foreign key/);
    await expect(insert(learner.id, 'afternoon')).rejects.toThrow(/foreign key/);
    await insert(learner.id, 'morning');
    await expect(insert(learner.id, 'morning')).rejects.toThrow(/duplicate key/);
  });

  it('lets the retention purge remove rows older than three years, and nothing younger', async () => {
    const { cohort, facilitator, learner } = await markedCohort();
    const [old] = await ctx.dataSource.query(
      `INSERT INTO attendance_marks (cohort_id, learner_id, on_date, half_day, status, source, recorded_by)
       VALUES ($1, $2, current_date - interval '3 years 1 day', 'morning', 'absent', 'facilitator', $3) RETURNING id`,
      [cohort.id, learner.id, facilitator.id],
    );
    await ctx.dataSource.query(
      `INSERT INTO attendance_marks (cohort_id, learner_id, on_date, half_day, status, source, reason, recorded_by, supersedes)
       VALUES ($1, $2, current_date - interval '3 years 1 day', 'morning', 'excused', 'facilitator', 'certificat médical', $3, $4)`,
      [cohort.id, learner.id, facilitator.id, old.id],
    );
    await ctx.dataSource.query(`INSERT INTO activity_log (user_id, kind, occurred_at) VALUES ($1, 'sign_in', now() - interval '3 years 1 hour')`, [learner.id]);

    // The purge switch alone does not reach young rows.
    await expect(
      ctx.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('fabrique.evidence_purge', 'on', true)`);
        await manager.query(`DELETE FROM attendance_marks WHERE cohort_id = $1`, [cohort.id]);
      }),
    ).rejects.toThrow('DELETE refused');

    const [{ purged }] = await ctx.dataSource.query(`SELECT purge_expired_attendance_evidence() AS purged`);
    expect(Number(purged)).toBeGreaterThanOrEqual(3);
    const left = await ctx.dataSource.query(`SELECT status FROM attendance_marks WHERE cohort_id = $1`, [cohort.id]);
    expect(left).toEqual([{ status: 'absent' }]);
    const activity = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM activity_log WHERE user_id = $1 AND occurred_at < now() - interval '3 years'`, [
      learner.id,
    ]);
    expect(activity[0].n).toBe(0);
  });
});
