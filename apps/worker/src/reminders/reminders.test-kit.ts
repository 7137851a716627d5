import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@fabrique/config';
import type { JobPayloads } from '@fabrique/contracts';
import type { PlannedReminder } from '@fabrique/domain';
import type { Cohort, User } from '@fabrique/persistence';
import { RedisConnection } from '@fabrique/persistence';
import { Fixtures } from '@fabrique/testing';
import type { WorkerTestContext } from '../testing/worker-test-context.js';
import { untilJobIs } from '../testing/worker-test-context.js';
import { ReminderClock } from './reminder-clock.js';
import { fireJobPayload, ReminderPlan } from './reminder-plan.js';

/** Test data and probes for the reminder specs (SQL straight to the worker's database). */
export class ReminderKit {
  readonly dataSource: DataSource;
  readonly fixtures: Fixtures;

  constructor(private readonly ctx: WorkerTestContext) {
    this.dataSource = ctx.app.get<DataSource>(getDataSourceToken());
    this.fixtures = new Fixtures(this.dataSource);
  }

  /** Fixes the instant every run of the planner in this app sees. */
  setNow(iso: string): Date {
    const now = new Date(iso);
    this.ctx.app.get(ReminderClock).now = () => now;
    return now;
  }

  cohort(startsOn: string, endsOn: string): Promise<Cohort> {
    return this.fixtures.cohort({ startsOn, endsOn });
  }

  /** `count` learners, written in two statements whatever the count. */
  async learners(cohort: Cohort, count: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO users (email, display_name) SELECT 'learner-' || gen_random_uuid() || '@exemple.fr', 'Apprenant ' || lpad(g::text, 5, '0')
         FROM generate_series(1, $1) g RETURNING id`,
      [count],
    );
    const ids = rows.map((row) => row.id);
    await this.dataSource.query(`INSERT INTO memberships (cohort_id, user_id, role) SELECT $1, unnest($2::uuid[]), 'learner'`, [cohort.id, ids]);
    return ids;
  }

  member(cohort: Cohort, role: 'learner' | 'facilitator'): Promise<User> {
    return this.fixtures.member(cohort, role);
  }

  /** A scheduled on-site week at the cohort's home site; returns its id. */
  async presentialWeek(cohort: Cohort, monday: string, agenda = 'Projet fil rouge'): Promise<{ weekId: string; roomId: string }> {
    const [room] = await this.dataSource.query(`SELECT id FROM rooms WHERE site_id = $1 ORDER BY name LIMIT 1`, [cohort.homeSiteId]);
    const [week] = await this.dataSource.query(
      `INSERT INTO cohort_weeks (cohort_id, monday, kind, site_id, room_id, agenda) VALUES ($1, $2, 'presential', $3, $4, $5) RETURNING id`,
      [cohort.id, monday, cohort.homeSiteId, room.id, agenda],
    );
    return { weekId: week.id, roomId: room.id };
  }

  async brief(cohort: Cohort, mode: 'individual' | 'group', dueAt: string, author: User): Promise<{ briefId: string; assignmentId: string; title: string }> {
    const title = `Brief ${randomUUID().slice(0, 8)}`;
    const [brief] = await this.dataSource.query(`INSERT INTO briefs (track_id, title, mode, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [cohort.trackId, title, mode, author.id]);
    const [assignment] = await this.dataSource.query(
      `INSERT INTO brief_assignments (brief_id, cohort_id, starts_at, due_at, assigned_by) VALUES ($1, $2, $3::timestamptz - interval '7 days', $3, $4) RETURNING id`,
      [brief.id, cohort.id, dueAt, author.id],
    );
    return { briefId: brief.id, assignmentId: assignment.id, title };
  }

  async group(assignmentId: string, learnerIds: string[]): Promise<string> {
    const [group] = await this.dataSource.query(`INSERT INTO assignment_groups (assignment_id, name) VALUES ($1, $2) RETURNING id`, [assignmentId, `Groupe ${randomUUID().slice(0, 6)}`]);
    await this.dataSource.query(`INSERT INTO assignment_group_members (assignment_id, group_id, learner_id) SELECT $1, $2, unnest($3::uuid[])`, [assignmentId, group.id, learnerIds]);
    return group.id;
  }

  async submit(assignmentId: string, by: string, owner: { learnerId?: string; groupId?: string }, version = 1): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO submissions (assignment_id, learner_id, group_id, submitted_by, version, links, late) VALUES ($1, $2, $3, $4, $5, '["https://exemple.fr/rendu"]', false) RETURNING id`,
      [assignmentId, owner.learnerId ?? null, owner.groupId ?? null, by, version],
    );
    return row.id;
  }

  event(type: string, cohortId: string, payload: Record<string, unknown>, aggregate: { type: string; id: string } = { type: 'cohort', id: cohortId }): Promise<string> {
    return this.dataSource
      .query(`INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`, [type, aggregate.type, aggregate.id, payload])
      .then((rows: Array<{ id: string }>) => rows[0]!.id);
  }

  /** Waits until the events are handled (by a direct run or the 5 s scheduler, whichever took them). */
  async untilPublished(ids: string[]): Promise<void> {
    for (let waited = 0; ; waited += 50) {
      const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM domain_events WHERE id = ANY($1::bigint[]) AND published_at IS NULL`, [ids]);
      if (n === 0) return;
      if (waited > 15_000) throw new Error(`events ${ids.join(', ')} still unpublished`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The pending fire-reminder jobs of a cohort, by fire time then key. */
  async pending(cohortId: string): Promise<Array<{ id: string; key: string; fireAt: string; delay: number }>> {
    const jobs = await this.ctx.queues.queue('reminders').getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs
      .filter((job) => job?.name === 'fire-reminder' && job.data.cohortId === cohortId)
      .map((job) => ({ id: job.id as string, key: job.data.key as string, fireAt: job.data.fireAt as string, delay: job.delay }))
      .sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.key.localeCompare(b.key));
  }

  /** The planned occurrence of `key`, looked up around `at`, as a job payload. */
  async payload(cohortId: string, key: string, at: string): Promise<JobPayloads['fire-reminder']> {
    const around = new Date(at);
    const plan = await this.ctx.app.get(ReminderPlan).plan({ from: new Date(around.getTime() - 8 * 24 * 3600_000), to: new Date(around.getTime() + 8 * 24 * 3600_000) }, cohortId);
    const reminder = plan.find((candidate: PlannedReminder) => candidate.key === key);
    if (!reminder) throw new Error(`${key} is not planned around ${at}: ${plan.map((p) => p.key).join(', ')}`);
    return fireJobPayload(reminder);
  }

  /** Adds a fire-reminder job now under `id` and waits for it to finish; returns its result. */
  async fire(payload: JobPayloads['fire-reminder'], id = `test-fire.${randomUUID()}`, ctx: WorkerTestContext = this.ctx) {
    await ctx.queues.add('fire-reminder', payload, { jobId: id });
    expect(await untilJobIs('reminders', id, ['completed', 'failed'])).toBe('completed');
    return (await ctx.queues.queue('reminders').getJob(id))?.returnvalue;
  }

  async notifications(kind: string, occurrenceKey: string): Promise<Array<{ userId: string; payload: Record<string, unknown> }>> {
    return this.dataSource.query(`SELECT user_id AS "userId", payload FROM notifications WHERE kind = $1 AND occurrence_key = $2 ORDER BY user_id`, [kind, occurrenceKey]);
  }

  async countNotifications(kind: string, occurrenceKey: string): Promise<{ rows: number; users: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS rows, count(DISTINCT user_id)::int AS users FROM notifications WHERE kind = $1 AND occurrence_key = $2`,
      [kind, occurrenceKey],
    );
    return row;
  }

  /** Deletes this Jest worker's Redis keys only (other workers share the server): every queue, job and scheduler. */
  async wipeRedis(): Promise<number> {
    const redis = this.ctx.app.get(RedisConnection).client;
    const prefix = loadConfig().REDIS_PREFIX;
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  }
}

export const sorted = (values: string[]) => [...values].sort();
