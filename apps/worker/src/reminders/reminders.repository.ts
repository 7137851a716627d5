import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AssignmentTruth, CohortSetting, CohortTruth, PlannedKind } from '@fabrique/domain';

/** Cohorts without a home site (fully remote) read their local times in this zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Activity that shows a learner is working at a distance. */
export const ACTIVITY_KINDS = ['sign_in', 'resource_done', 'submission', 'review'] as const;

export interface Recipient {
  userId: string;
  role: 'learner' | 'facilitator';
}

export interface InactiveLearner {
  userId: string;
  name: string;
  lastActivityAt: string | null;
}

export interface DeadlineFacts {
  assignmentId: string;
  cohortId: string;
  briefId: string;
  briefTitle: string;
  mode: 'individual' | 'group';
  dueAt: string;
}

export interface OnSiteWeekFacts {
  weekId: string;
  monday: string;
  siteName: string | null;
  address: string | null;
  room: string | null;
  agenda: string;
}

export interface KickoffFacts {
  deadlines: { assignmentId: string; briefTitle: string; dueAt: string }[];
  modules: { assignmentId: string; moduleTitle: string; courseTitle: string; mode: string; dueOn: string }[];
  nextOnSiteWeek: OnSiteWeekFacts | null;
}

export interface DigestFacts {
  ticketsWaiting: number;
  unansweredThreads: number;
  submissionsToReview: number;
  learnersBehind: number;
}

export interface PendingEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

export interface PlaceNames {
  roomId: string;
  room: string;
  siteId: string;
  siteName: string;
  address: string;
}

/**
 * Every SQL statement of the reminders: the truth the planner reads, and at fire time the
 * recipients and facts of an occurrence, each in one query per cohort (never one per learner).
 */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Cohorts still running on `today` − 1 and started by `until`, with their zone, scheduled special
   * weeks and reminder settings; only those of `cohortIds` when given.
   */
  async cohortTruths(today: string, until: string, cohortIds?: readonly string[]): Promise<CohortTruth[]> {
    const rows: Array<Omit<CohortTruth, 'settings'> & { settings: Record<string, { enabled: boolean; localTime: string | null }> }> = await this.dataSource.query(
      `SELECT c.id AS "cohortId", coalesce(s.time_zone, $4) AS "timeZone",
              to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn",
              coalesce((SELECT json_agg(json_build_object('monday', to_char(w.monday, 'YYYY-MM-DD'), 'kind', w.kind) ORDER BY w.monday)
                          FROM cohort_weeks w WHERE w.cohort_id = c.id AND w.status = 'scheduled'), '[]'::json) AS "specialWeeks",
              coalesce((SELECT json_object_agg(rs.kind, json_build_object('enabled', rs.enabled, 'localTime', to_char(rs.local_time, 'HH24:MI')))
                          FROM cohort_reminder_settings rs WHERE rs.cohort_id = c.id), '{}'::json) AS settings
         FROM cohorts c LEFT JOIN sites s ON s.id = c.home_site_id
        WHERE c.ends_on >= $1::date - 1 AND c.starts_on <= $2::date AND ($3::uuid[] IS NULL OR c.id = ANY($3::uuid[]))
        ORDER BY c.id`,
      [today, until, cohortIds ?? null, DEFAULT_TIME_ZONE],
    );
    return rows.map((row) => ({
      ...row,
      settings: Object.fromEntries(Object.entries(row.settings).map(([kind, setting]) => [kind as PlannedKind, setting satisfies CohortSetting])),
    }));
  }

  /** Brief assignments of these cohorts due in [from, to). */
  async assignmentTruths(cohortIds: readonly string[], from: Date, to: Date): Promise<AssignmentTruth[]> {
    if (cohortIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT a.id AS "assignmentId", a.cohort_id AS "cohortId", a.due_at AS "dueAt"
         FROM brief_assignments a
        WHERE a.cohort_id = ANY($1::uuid[]) AND a.due_at >= $2 AND a.due_at < $3
        ORDER BY a.due_at, a.id`,
      [cohortIds, from, to],
    );
  }

  /** Which of these occurrence keys some notification already carries. */
  async notifiedKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    // A firing row covers an occurrence that notified nobody; notifications cover one cut short.
    const rows: Array<{ key: string }> = await this.dataSource.query(
      `SELECT occurrence_key AS key FROM reminder_firings WHERE occurrence_key = ANY($1::text[])
       UNION SELECT occurrence_key FROM notifications WHERE occurrence_key = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((row) => row.key));
  }

  /** Notes that an occurrence fired to the end (whoever it notified), for the reconcile job. */
  async recordFiring(key: string, notified: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO reminder_firings (occurrence_key, notified) VALUES ($1, $2)
       ON CONFLICT (occurrence_key) DO UPDATE SET notified = reminder_firings.notified + excluded.notified`,
      [key, notified],
    );
  }

  /** Firings older than `before` are past any grace period: forgotten. */
  async forgetFiringsBefore(before: Date): Promise<number> {
    const [, count] = await this.dataSource.query(`DELETE FROM reminder_firings WHERE fired_at < $1`, [before]);
    return count as number;
  }

  /** The members of a cohort, learners, facilitators or both. */
  async members(cohortId: string, roles: ReadonlyArray<Recipient['role']>, manager: EntityManager = this.dataSource.manager): Promise<Recipient[]> {
    return manager.query(`SELECT user_id AS "userId", role FROM memberships WHERE cohort_id = $1 AND role = ANY($2::text[]) ORDER BY user_id`, [cohortId, roles]);
  }

  async deadline(assignmentId: string): Promise<DeadlineFacts | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT a.id AS "assignmentId", a.cohort_id AS "cohortId", b.id AS "briefId", b.title AS "briefTitle", b.mode, a.due_at AS "dueAt"
         FROM brief_assignments a JOIN briefs b ON b.id = a.brief_id WHERE a.id = $1`,
      [assignmentId],
    );
    return row ? { ...row, dueAt: new Date(row.dueAt).toISOString() } : undefined;
  }

  /**
   * Learners of the assignment's cohort who have not submitted: by themselves for an individual
   * brief, through their group for a group brief (a learner in no group has not submitted).
   */
  async nonSubmitters(assignmentId: string): Promise<string[]> {
    const rows: Array<{ userId: string }> = await this.dataSource.query(
      `SELECT m.user_id AS "userId"
         FROM brief_assignments a
         JOIN briefs b ON b.id = a.brief_id
         JOIN memberships m ON m.cohort_id = a.cohort_id AND m.role = 'learner'
         LEFT JOIN assignment_group_members gm ON gm.assignment_id = a.id AND gm.learner_id = m.user_id
        WHERE a.id = $1
          AND NOT EXISTS (
                SELECT 1 FROM submissions s
                 WHERE s.assignment_id = a.id
                   AND ((b.mode = 'individual' AND s.learner_id = m.user_id)
                     OR (b.mode = 'group' AND gm.group_id IS NOT NULL AND s.group_id = gm.group_id)))
        ORDER BY m.user_id`,
      [assignmentId],
    );
    return rows.map((row) => row.userId);
  }

  /** Learners of the cohort with no activity since `since`, with their last activity. */
  async inactiveLearners(cohortId: string, since: Date): Promise<InactiveLearner[]> {
    const rows: Array<{ userId: string; name: string; lastActivityAt: Date | null }> = await this.dataSource.query(
      `SELECT m.user_id AS "userId", u.display_name AS name, last.at AS "lastActivityAt"
         FROM memberships m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN LATERAL (SELECT max(l.occurred_at) AS at FROM activity_log l
                             WHERE l.user_id = m.user_id AND l.kind = ANY($3::text[])) last ON true
        WHERE m.cohort_id = $1 AND m.role = 'learner' AND (last.at IS NULL OR last.at < $2)
        ORDER BY u.display_name, m.user_id`,
      [cohortId, since, ACTIVITY_KINDS],
    );
    return rows.map((row) => ({ ...row, lastActivityAt: row.lastActivityAt ? new Date(row.lastActivityAt).toISOString() : null }));
  }

  /** The scheduled on-site week of the cohort starting on `monday`, with its place. */
  async onSiteWeek(cohortId: string, monday: string): Promise<OnSiteWeekFacts | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT w.id AS "weekId", to_char(w.monday, 'YYYY-MM-DD') AS monday, s.name AS "siteName", s.address, r.name AS room, w.agenda
         FROM cohort_weeks w LEFT JOIN sites s ON s.id = w.site_id LEFT JOIN rooms r ON r.id = w.room_id
        WHERE w.cohort_id = $1 AND w.monday = $2 AND w.status = 'scheduled' AND w.kind = 'presential'`,
      [cohortId, monday],
    );
    return row;
  }

  /**
   * What a distance week asks of the cohort: briefs due in [from, to), modules to study this week
   * and to prepare before the next on-site week, and that week with its place.
   */
  async kickoff(cohortId: string, monday: string, from: Date, to: Date): Promise<KickoffFacts> {
    const [row] = await this.dataSource.query(
      `WITH next_week AS (
         SELECT w.id AS "weekId", to_char(w.monday, 'YYYY-MM-DD') AS monday, s.name AS "siteName", s.address, r.name AS room, w.agenda, w.monday AS day
           FROM cohort_weeks w LEFT JOIN sites s ON s.id = w.site_id LEFT JOIN rooms r ON r.id = w.room_id
          WHERE w.cohort_id = $1 AND w.status = 'scheduled' AND w.kind = 'presential' AND w.monday > $2::date
          ORDER BY w.monday LIMIT 1)
       SELECT
         coalesce((SELECT json_agg(json_build_object('assignmentId', a.id, 'briefTitle', b.title, 'dueAt', a.due_at) ORDER BY a.due_at, a.id)
                     FROM brief_assignments a JOIN briefs b ON b.id = a.brief_id
                    WHERE a.cohort_id = $1 AND a.due_at >= $3 AND a.due_at < $4), '[]'::json) AS deadlines,
         coalesce((SELECT json_agg(json_build_object('assignmentId', ma.id, 'moduleTitle', m.title, 'courseTitle', c.title, 'mode', ma.mode,
                                                     'dueOn', to_char(ma.due_on, 'YYYY-MM-DD')) ORDER BY ma.due_on, c.title, m.position)
                     FROM module_assignments ma
                     JOIN course_modules m ON m.id = ma.module_id
                     JOIN courses c ON c.id = m.course_id AND c.status = 'published'
                    WHERE ma.cohort_id = $1
                      AND ((ma.mode = 'during_distance' AND ma.week_monday = $2::date)
                        OR (ma.mode = 'prepare_before_onsite' AND ma.week_monday = (SELECT day FROM next_week)))), '[]'::json) AS modules,
         (SELECT json_build_object('weekId', "weekId", 'monday', monday, 'siteName', "siteName", 'address', address, 'room', room, 'agenda', agenda) FROM next_week) AS "nextOnSiteWeek"`,
      [cohortId, monday, from, to],
    );
    return {
      deadlines: (row.deadlines as KickoffFacts['deadlines']).map((d) => ({ ...d, dueAt: new Date(d.dueAt).toISOString() })),
      modules: row.modules,
      nextOnSiteWeek: row.nextOnSiteWeek ?? null,
    };
  }

  /**
   * The facilitators' morning facts for a cohort: tickets waiting, questions unanswered for a day
   * (in the cohort, or track-wide on its track), latest submissions not reviewed, and learners
   * with a resource of a module due before `today` not done.
   */
  async digest(cohortId: string, asOf: Date, today: string): Promise<DigestFacts> {
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM help_tickets t WHERE t.cohort_id = c.id AND t.status = 'waiting') AS "ticketsWaiting",
         (SELECT count(*)::int FROM help_threads h
           WHERE h.reply_count = 0 AND h.deleted_at IS NULL AND h.hidden_at IS NULL AND h.created_at < $2::timestamptz - interval '1 day'
             AND (h.cohort_id = c.id OR (h.scope = 'track' AND h.track_id = c.track_id))) AS "unansweredThreads",
         (SELECT count(*)::int FROM submissions s JOIN brief_assignments a ON a.id = s.assignment_id
           WHERE a.cohort_id = c.id
             AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.submission_id = s.id)
             AND NOT EXISTS (SELECT 1 FROM submissions newer WHERE newer.assignment_id = s.assignment_id
                               AND coalesce(newer.group_id, newer.learner_id) = coalesce(s.group_id, s.learner_id) AND newer.version > s.version)) AS "submissionsToReview",
         (SELECT count(DISTINCT m.user_id)::int
            FROM memberships m
            JOIN module_assignments ma ON ma.cohort_id = m.cohort_id AND ma.due_on < $3::date
            JOIN course_modules cm ON cm.id = ma.module_id
            JOIN courses co ON co.id = cm.course_id AND co.status = 'published'
            JOIN course_resources r ON r.module_id = cm.id
           WHERE m.cohort_id = c.id AND m.role = 'learner'
             AND NOT EXISTS (SELECT 1 FROM resource_completions rc WHERE rc.resource_id = r.id AND rc.user_id = m.user_id)) AS "learnersBehind"
         FROM cohorts c WHERE c.id = $1`,
      [cohortId, asOf, today],
    );
    return row ?? { ticketsWaiting: 0, unansweredThreads: 0, submissionsToReview: 0, learnersBehind: 0 };
  }

  /** Locks up to `limit` unhandled domain events, oldest first; concurrent readers skip them. */
  async lockPendingEvents(manager: EntityManager, limit: number): Promise<PendingEvent[]> {
    return manager.query(
      `SELECT id::text AS id, type, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", payload
         FROM domain_events WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markPublished(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`UPDATE domain_events SET published_at = clock_timestamp() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** The cohorts the assignments of these briefs, or these assignments, belong to. */
  async cohortsOfAssignments(manager: EntityManager, briefIds: readonly string[], assignmentIds: readonly string[]): Promise<string[]> {
    if (briefIds.length === 0 && assignmentIds.length === 0) return [];
    const rows: Array<{ cohortId: string }> = await manager.query(
      `SELECT DISTINCT cohort_id AS "cohortId" FROM brief_assignments WHERE brief_id = ANY($1::uuid[]) OR id = ANY($2::uuid[])`,
      [briefIds, assignmentIds],
    );
    return rows.map((row) => row.cohortId);
  }

  /** Rooms with their site, for the change notifications. */
  async places(manager: EntityManager, roomIds: readonly string[]): Promise<Map<string, PlaceNames>> {
    if (roomIds.length === 0) return new Map();
    const rows: PlaceNames[] = await manager.query(
      `SELECT r.id AS "roomId", r.name AS room, s.id AS "siteId", s.name AS "siteName", s.address
         FROM rooms r JOIN sites s ON s.id = r.site_id WHERE r.id = ANY($1::uuid[])`,
      [roomIds],
    );
    return new Map(rows.map((row) => [row.roomId, row]));
  }

  /** A week as it is now (a cancelled week keeps its row), for the change notifications. */
  async weekPlaces(manager: EntityManager, weekIds: readonly string[]): Promise<Map<string, { roomId: string | null; kind: string; monday: string }>> {
    if (weekIds.length === 0) return new Map();
    const rows: Array<{ id: string; roomId: string | null; kind: string; monday: string }> = await manager.query(
      `SELECT id, room_id AS "roomId", kind, to_char(monday, 'YYYY-MM-DD') AS monday FROM cohort_weeks WHERE id = ANY($1::uuid[])`,
      [weekIds],
    );
    return new Map(rows.map(({ id, ...rest }) => [id, rest]));
  }
}
