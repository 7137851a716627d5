import type { Cohort, User } from '@fabrique/persistence';
import type { ApiTestContext } from '../testing/api-test-context.js';

/**
 * Test helpers: the scheduling API is another feature, so on-site weeks are written
 * straight into cohort_weeks, at the cohort's home site (Europe/Paris by default).
 */
export async function scheduleWeek(
  ctx: ApiTestContext,
  cohort: Cohort,
  monday: string,
  options: { kind?: 'presential' | 'internship' | 'holiday'; status?: 'scheduled' | 'cancelled' } = {},
): Promise<void> {
  const [room] = await ctx.dataSource.query(`SELECT id FROM rooms WHERE site_id = $1 ORDER BY name LIMIT 1`, [cohort.homeSiteId]);
  const kind = options.kind ?? 'presential';
  await ctx.dataSource.query(`INSERT INTO cohort_weeks (cohort_id, monday, kind, site_id, room_id, status) VALUES ($1, $2, $3, $4, $5, $6)`, [
    cohort.id,
    monday,
    kind,
    kind === 'presential' ? cohort.homeSiteId : null,
    kind === 'presential' ? room.id : null,
    options.status ?? 'scheduled',
  ]);
}

/** A cohort on site the week of `monday`, with a facilitator and `learners` learners. */
export async function cohortOnSite(ctx: ApiTestContext, monday = '2026-10-05', learners = 2) {
  const cohort = await ctx.fixtures.cohort();
  await scheduleWeek(ctx, cohort, monday);
  const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
  const members: User[] = [];
  for (let index = 0; index < learners; index++) members.push(await ctx.fixtures.member(cohort, 'learner'));
  return { cohort, facilitator, learners: members };
}

export async function eventTypes(ctx: ApiTestContext, cohortId: string, prefix: string): Promise<string[]> {
  const rows: Array<{ type: string }> = await ctx.dataSource.query(
    `SELECT type FROM domain_events WHERE aggregate_id = $1 AND type LIKE $2 ORDER BY id`,
    [cohortId, `${prefix}%`],
  );
  return rows.map((row) => row.type);
}
