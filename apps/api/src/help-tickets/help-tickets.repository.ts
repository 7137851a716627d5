import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CohortRole, ThreadScope, TicketStatus } from '@fabrique/domain';
import { recordEvents } from '@fabrique/persistence';

export interface TicketTiming {
  waitingSeconds: number | null;
  handlingSeconds: number | null;
}

export interface PublishableTicket {
  id: string;
  cohortId: string;
  trackId: string;
  learnerId: string;
  learnerName: string;
  status: TicketStatus;
  question: string;
  resolution: string | null;
  briefId: string | null;
  resourceId: string | null;
  competencyCode: string | null;
  threadId: string | null;
  threadTitle: string | null;
}

export interface ConversationMessage {
  authorId: string;
  authorName: string;
  body: string;
}

export interface NewPublishedThread {
  cohortId: string;
  trackId: string;
  scope: ThreadScope;
  authorId: string;
  title: string;
  body: string;
  tags: string[];
  briefId: string | null;
  resourceId: string | null;
  answer: string;
}

export interface DayMeasuresRow {
  date: string;
  raised: number;
  resolved: number;
  cancelled: number;
  medianWaitingSeconds: number | null;
  p90WaitingSeconds: number | null;
  waitedOver15Minutes: number;
}

export interface FacilitatorMeasuresRow {
  id: string;
  displayName: string;
  handled: number;
  medianHandlingSeconds: number | null;
}

export interface MeasuredTicketRow {
  id: string;
  raisedAt: Date;
  /** raised_at to the microsecond, for the cursor. */
  raisedAtKey: string;
  status: TicketStatus;
  waitingSeconds: number | null;
  handlingSeconds: number | null;
  claimedById: string | null;
  claimedByName: string | null;
}

/** Seconds as the API gives them: whole seconds (waits and handling are minutes long). */
const seconds = (interval: string) => `round(extract(epoch FROM ${interval}))::int`;

/**
 * How long a ticket waited: raised to first claimed; to now while still waiting; to its
 * cancellation when cancelled before anyone claimed it.
 */
const WAITING = seconds(`coalesce(t.first_claimed_at, t.closed_at, clock_timestamp()) - t.raised_at`);
/** How long it was handled: from the claim that closed it (a hand-over or a release starts it again) to its closing. */
const HANDLING = `CASE WHEN t.closed_at IS NOT NULL AND t.claimed_at IS NOT NULL THEN ${seconds('t.closed_at - t.claimed_at')} END`;
/** The cohort's home site's time zone; fully remote cohorts count days in Paris. */
const COHORT_TIME_ZONE = `(SELECT coalesce(s.time_zone, 'Europe/Paris') FROM cohorts c LEFT JOIN sites s ON s.id = c.home_site_id WHERE c.id = $1)`;
const LONG_WAIT_SECONDS = 15 * 60;

/** The SQL of the help tickets' REST side: timings, publishing as a thread, suggestions and measures. */
@Injectable()
export class HelpTicketsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async role(userId: string, cohortId: string): Promise<CohortRole | null> {
    const [row] = await this.dataSource.query(`SELECT role FROM memberships WHERE user_id = $1 AND cohort_id = $2`, [userId, cohortId]);
    return row?.role ?? null;
  }

  async timings(ticketIds: readonly string[]): Promise<Map<string, TicketTiming>> {
    if (ticketIds.length === 0) return new Map();
    const rows: ({ id: string } & TicketTiming)[] = await this.dataSource.query(
      `SELECT t.id, ${WAITING} AS "waitingSeconds", ${HANDLING} AS "handlingSeconds" FROM help_tickets t WHERE t.id = ANY($1::uuid[])`,
      [ticketIds],
    );
    return new Map(rows.map(({ id, ...timing }) => [id, timing]));
  }

  /** The ticket with what its thread needs; with `manager`, locked until the transaction ends. */
  async publishable(ticketId: string, manager?: EntityManager): Promise<PublishableTicket | undefined> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT t.id, t.cohort_id AS "cohortId", c.track_id AS "trackId", t.learner_id AS "learnerId", lu.display_name AS "learnerName",
              t.status, t.question, t.resolution, t.brief_id AS "briefId", t.resource_id AS "resourceId", cp.code AS "competencyCode",
              t.thread_id AS "threadId", th.title AS "threadTitle"
         FROM help_tickets t JOIN cohorts c ON c.id = t.cohort_id JOIN users lu ON lu.id = t.learner_id
         LEFT JOIN competencies cp ON cp.id = t.competency_id LEFT JOIN help_threads th ON th.id = t.thread_id
        WHERE t.id = $1 ${manager ? 'FOR UPDATE OF t' : ''}`,
      [ticketId],
    );
    return row;
  }

  async conversation(ticketId: string): Promise<ConversationMessage[]> {
    return this.dataSource.query(
      `SELECT m.author_id AS "authorId", u.display_name AS "authorName", m.body
         FROM help_ticket_messages m JOIN users u ON u.id = m.author_id WHERE m.ticket_id = $1 ORDER BY m.sent_at, m.id`,
      [ticketId],
    );
  }

  /**
   * Writes the thread, its author's follow, the answer and its acceptance in the caller's
   * transaction, as peer help writes them (the same counters and domain events).
   */
  async insertAnsweredThread(manager: EntityManager, thread: NewPublishedThread): Promise<{ threadId: string; replyId: string }> {
    const [{ id: threadId }]: { id: string }[] = await manager.query(
      `INSERT INTO help_threads (cohort_id, track_id, scope, author_id, anonymous, title, body, tags, brief_id, resource_id)
       VALUES ($1, $2, $3, $4, false, $5, $6, $7, $8, $9) RETURNING id`,
      [thread.cohortId, thread.trackId, thread.scope, thread.authorId, thread.title, thread.body, thread.tags, thread.briefId, thread.resourceId],
    );
    await manager.query(`INSERT INTO help_follows (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [threadId, thread.authorId]);
    const [{ id: replyId }]: { id: string }[] = await manager.query(
      `INSERT INTO help_replies (thread_id, author_id, anonymous, body) VALUES ($1, $2, false, $3) RETURNING id`,
      [threadId, thread.authorId, thread.answer],
    );
    await manager.query(`UPDATE help_threads SET reply_count = reply_count + 1, accepted_reply_id = $2, last_activity_at = clock_timestamp() WHERE id = $1`, [
      threadId,
      replyId,
    ]);
    const common = { aggregateType: 'help_thread', aggregateId: threadId, actorId: thread.authorId };
    await recordEvents(manager, [
      { ...common, type: 'thread.posted', payload: { cohortId: thread.cohortId, scope: thread.scope, anonymous: false, fromTicket: true } },
      { ...common, type: 'thread.replied', payload: { replyId, cohortId: thread.cohortId } },
      { ...common, type: 'thread.answer_accepted', payload: { replyId } },
    ]);
    return { threadId, replyId };
  }

  async competencyOfCohort(cohortId: string, code: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(`SELECT cp.id FROM competencies cp JOIN cohorts c ON c.track_id = cp.track_id WHERE c.id = $1 AND cp.code = $2`, [
      cohortId,
      code,
    ]);
    return row?.id;
  }

  /**
   * Of the given users, the learners of the cohort who validated the competency: a review with
   * verdict `validated` giving them level 1 or more on it, on their own submission or their
   * group's (as the competency matrix counts levels).
   */
  async validatedLearners(cohortId: string, competencyId: string, userIds: readonly string[], limit: number): Promise<{ id: string; displayName: string }[]> {
    if (userIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName"
         FROM users u JOIN memberships m ON m.user_id = u.id AND m.cohort_id = $1 AND m.role = 'learner'
        WHERE u.id = ANY($3::uuid[])
          AND EXISTS (
            SELECT 1 FROM review_levels rl JOIN reviews r ON r.id = rl.review_id JOIN submissions s ON s.id = r.submission_id
              LEFT JOIN assignment_group_members gm ON gm.group_id = s.group_id
             WHERE rl.competency_id = $2 AND rl.level >= 1 AND r.verdict = 'validated' AND coalesce(s.learner_id, gm.learner_id) = u.id)
        ORDER BY u.display_name, u.id
        LIMIT $4`,
      [cohortId, competencyId, userIds, limit],
    );
  }

  /** The cohort's time zone and today's date there. */
  async cohortClock(cohortId: string): Promise<{ timeZone: string; today: string } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT tz AS "timeZone", to_char((now() AT TIME ZONE tz)::date, 'YYYY-MM-DD') AS today FROM (SELECT ${COHORT_TIME_ZONE} AS tz) z WHERE tz IS NOT NULL`,
      [cohortId],
    );
    return row;
  }

  /**
   * Per local day of the range: tickets raised, resolved and cancelled that day; median and 90th
   * percentile of the waits of those raised that day and claimed; how many raised that day
   * waited more than 15 minutes (claimed late, cancelled late, or still waiting).
   */
  async dayMeasures(cohortId: string, from: string, to: string): Promise<DayMeasuresRow[]> {
    return this.dataSource.query(
      `WITH zone AS (SELECT ${COHORT_TIME_ZONE} AS tz),
       bounds AS (SELECT ($2::date)::timestamp AT TIME ZONE tz AS start, ($3::date + 1)::timestamp AT TIME ZONE tz AS stop, tz FROM zone),
       t AS (
         SELECT t.status, (t.raised_at AT TIME ZONE b.tz)::date AS raised_day, (t.closed_at AT TIME ZONE b.tz)::date AS closed_day,
                t.raised_at >= b.start AS raised_in_range,
                extract(epoch FROM t.first_claimed_at - t.raised_at) AS wait,
                extract(epoch FROM coalesce(t.first_claimed_at, t.closed_at, clock_timestamp()) - t.raised_at) AS waited
           FROM help_tickets t, bounds b
          WHERE t.cohort_id = $1 AND t.raised_at < b.stop AND (t.raised_at >= b.start OR t.closed_at >= b.start)
       ),
       raised AS (
         SELECT raised_day AS day, count(*)::int AS raised,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) FILTER (WHERE wait IS NOT NULL) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) FILTER (WHERE wait IS NOT NULL) AS p90,
                count(*) FILTER (WHERE waited > ${LONG_WAIT_SECONDS})::int AS long_waits
           FROM t WHERE raised_in_range GROUP BY raised_day
       ),
       closed AS (
         SELECT closed_day AS day, count(*) FILTER (WHERE status = 'resolved')::int AS resolved, count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
           FROM t WHERE closed_day IS NOT NULL GROUP BY closed_day
       )
       SELECT to_char(d.day, 'YYYY-MM-DD') AS date, coalesce(r.raised, 0) AS raised, coalesce(c.resolved, 0) AS resolved, coalesce(c.cancelled, 0) AS cancelled,
              round(r.median::numeric, 1)::float AS "medianWaitingSeconds", round(r.p90::numeric, 1)::float AS "p90WaitingSeconds",
              coalesce(r.long_waits, 0) AS "waitedOver15Minutes"
         FROM generate_series($2::date, $3::date, interval '1 day') AS g(at)
         CROSS JOIN LATERAL (SELECT g.at::date AS day) d
         LEFT JOIN raised r ON r.day = d.day LEFT JOIN closed c ON c.day = d.day
        ORDER BY d.day`,
      [cohortId, from, to],
    );
  }

  /** Per facilitator: the tickets they resolved in the range (claimed_by stays on a closed ticket), and their median handling time. */
  async facilitatorMeasures(cohortId: string, from: string, to: string): Promise<FacilitatorMeasuresRow[]> {
    return this.dataSource.query(
      `WITH zone AS (SELECT ${COHORT_TIME_ZONE} AS tz),
       bounds AS (SELECT ($2::date)::timestamp AT TIME ZONE tz AS start, ($3::date + 1)::timestamp AT TIME ZONE tz AS stop FROM zone)
       SELECT u.id, u.display_name AS "displayName", count(*)::int AS handled,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.closed_at - t.claimed_at)))::numeric, 1)::float AS "medianHandlingSeconds"
         FROM help_tickets t CROSS JOIN bounds b JOIN users u ON u.id = t.claimed_by
        WHERE t.cohort_id = $1 AND t.status = 'resolved' AND t.closed_at >= b.start AND t.closed_at < b.stop
        GROUP BY u.id, u.display_name
        ORDER BY handled DESC, u.display_name, u.id`,
      [cohortId, from, to],
    );
  }

  /** Tickets raised in the range, oldest first, keyed on (raised_at, id). */
  async measuredTickets(cohortId: string, from: string, to: string, after: { raisedAt: string; id: string } | null, limit: number): Promise<MeasuredTicketRow[]> {
    return this.dataSource.query(
      `WITH zone AS (SELECT ${COHORT_TIME_ZONE} AS tz),
       bounds AS (SELECT ($2::date)::timestamp AT TIME ZONE tz AS start, ($3::date + 1)::timestamp AT TIME ZONE tz AS stop FROM zone)
       SELECT t.id, t.raised_at AS "raisedAt", to_char(t.raised_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "raisedAtKey", t.status,
              ${WAITING} AS "waitingSeconds", ${HANDLING} AS "handlingSeconds", t.claimed_by AS "claimedById", cu.display_name AS "claimedByName"
         FROM help_tickets t CROSS JOIN bounds b LEFT JOIN users cu ON cu.id = t.claimed_by
        WHERE t.cohort_id = $1 AND t.raised_at >= b.start AND t.raised_at < b.stop
          AND ($4::timestamptz IS NULL OR (t.raised_at, t.id) > ($4::timestamptz, $5::uuid))
        ORDER BY t.raised_at, t.id
        LIMIT $6`,
      [cohortId, from, to, after?.raisedAt ?? null, after?.id ?? null, limit],
    );
  }
}
