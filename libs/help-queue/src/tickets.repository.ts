import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TicketMessage, TicketView } from '@fabrique/contracts';
import type { CohortRole, TicketStatus } from '@fabrique/domain';

interface TicketRow {
  id: string;
  cohortId: string;
  status: TicketStatus;
  away: boolean;
  raisedAt: Date;
  learnerId: string;
  learnerName: string;
  question: string;
  briefId: string | null;
  resourceId: string | null;
  competencyCode: string | null;
  competencyTitle: string | null;
  claimedBy: string | null;
  claimedByName: string | null;
  claimedAt: Date | null;
  closedAt: Date | null;
  resolution: string | null;
  escalatedAt: Date | null;
  threadId: string | null;
}

export interface LockedTicket {
  id: string;
  cohortId: string;
  learnerId: string;
  status: TicketStatus;
  away: boolean;
  claimedBy: string | null;
}

const TICKET_COLUMNS = `t.id, t.cohort_id AS "cohortId", t.status, t.away, t.raised_at AS "raisedAt", t.learner_id AS "learnerId",
  lu.display_name AS "learnerName", t.question, t.brief_id AS "briefId", t.resource_id AS "resourceId",
  cp.code AS "competencyCode", cp.title AS "competencyTitle", t.claimed_by AS "claimedBy", cu.display_name AS "claimedByName",
  t.claimed_at AS "claimedAt", t.closed_at AS "closedAt", t.resolution, t.escalated_at AS "escalatedAt", t.thread_id AS "threadId"`;
const TICKET_FROM = `help_tickets t JOIN users lu ON lu.id = t.learner_id LEFT JOIN users cu ON cu.id = t.claimed_by
  LEFT JOIN competencies cp ON cp.id = t.competency_id`;

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toView(row: TicketRow): TicketView {
  return {
    id: row.id,
    cohortId: row.cohortId,
    status: row.status,
    away: row.away,
    raisedAt: row.raisedAt.toISOString(),
    learner: { id: row.learnerId, displayName: row.learnerName },
    question: row.question,
    briefId: row.briefId,
    resourceId: row.resourceId,
    competency: row.competencyCode ? { code: row.competencyCode, title: row.competencyTitle ?? '' } : null,
    claimedBy: row.claimedBy ? { id: row.claimedBy, displayName: row.claimedByName ?? '' } : null,
    claimedAt: iso(row.claimedAt),
    closedAt: iso(row.closedAt),
    resolution: row.resolution,
    escalatedAt: iso(row.escalatedAt),
    threadId: row.threadId,
  };
}

/** What other learners may know of a ticket: that it waits, since when, on which competency, who took it. */
export const publicView = (ticket: TicketView): TicketView => ({ ...ticket, learner: null, question: null, briefId: null, resourceId: null, resolution: null });

/** The SQL of help tickets and their messages. */
@Injectable()
export class TicketsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async role(userId: string, cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<CohortRole | null> {
    const [row] = await manager.query(`SELECT role FROM memberships WHERE user_id = $1 AND cohort_id = $2`, [userId, cohortId]);
    return row?.role ?? null;
  }

  async view(ticketId: string, manager: EntityManager = this.dataSource.manager): Promise<TicketView | undefined> {
    const [row] = await manager.query(`SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE t.id = $1`, [ticketId]);
    return row ? toView(row) : undefined;
  }

  /** Tickets matching `where`, oldest raised first unless `order` says otherwise (it may end with a LIMIT). */
  async views(where: string, params: unknown[], manager: EntityManager = this.dataSource.manager, order = 't.raised_at, t.id'): Promise<TicketView[]> {
    const rows: TicketRow[] = await manager.query(`SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE ${where} ORDER BY ${order}`, params);
    return rows.map(toView);
  }

  async cohortOf(ticketId: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(`SELECT cohort_id AS "cohortId" FROM help_tickets WHERE id = $1`, [ticketId]);
    return row?.cohortId;
  }

  async lock(manager: EntityManager, ticketId: string): Promise<LockedTicket | undefined> {
    const [row] = await manager.query(
      `SELECT id, cohort_id AS "cohortId", learner_id AS "learnerId", status, away, claimed_by AS "claimedBy" FROM help_tickets WHERE id = $1 FOR UPDATE`,
      [ticketId],
    );
    return row;
  }

  /** Locks the learner's membership row: raises by one learner in one cohort take turns, so the open-ticket limit holds. */
  async lockLearner(manager: EntityManager, cohortId: string, learnerId: string): Promise<number> {
    await manager.query(`SELECT 1 FROM memberships WHERE cohort_id = $1 AND user_id = $2 FOR UPDATE`, [cohortId, learnerId]);
    const [row] = await manager.query(
      `SELECT count(*)::int AS open FROM help_tickets WHERE cohort_id = $1 AND learner_id = $2 AND status IN ('waiting', 'claimed')`,
      [cohortId, learnerId],
    );
    return row.open;
  }

  async competencyOfCohort(cohortId: string, code: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(`SELECT cp.id FROM competencies cp JOIN cohorts c ON c.track_id = cp.track_id WHERE c.id = $1 AND cp.code = $2`, [cohortId, code]);
    return row?.id;
  }

  async briefOfCohort(cohortId: string, briefId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM briefs b JOIN cohorts c ON c.track_id = b.track_id WHERE c.id = $1 AND b.id = $2`, [cohortId, briefId]);
    return rows.length > 0;
  }

  async resourceOfCohort(cohortId: string, resourceId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM course_resources r JOIN course_modules m ON m.id = r.module_id JOIN courses co ON co.id = m.course_id JOIN cohorts c ON c.track_id = co.track_id
        WHERE c.id = $1 AND r.id = $2`,
      [cohortId, resourceId],
    );
    return rows.length > 0;
  }

  /**
   * The cohort's waiting tickets with how often each learner was helped today (the day of the
   * cohort's site), for the queue order.
   */
  async waiting(manager: EntityManager, cohortId: string): Promise<{ id: string; raisedAt: Date; away: boolean; helpedToday: number }[]> {
    return manager.query(
      `WITH zone AS (SELECT coalesce(s.time_zone, 'Europe/Paris') AS tz FROM cohorts c LEFT JOIN sites s ON s.id = c.home_site_id WHERE c.id = $1)
       SELECT t.id, t.raised_at AS "raisedAt", t.away,
              (SELECT count(*)::int FROM help_tickets h WHERE h.cohort_id = t.cohort_id AND h.learner_id = t.learner_id
                  AND h.first_claimed_at >= (date_trunc('day', now() AT TIME ZONE zone.tz) AT TIME ZONE zone.tz)) AS "helpedToday"
         FROM help_tickets t, zone WHERE t.cohort_id = $1 AND t.status = 'waiting'`,
      [cohortId],
    );
  }

  /** Handling times (claimed to resolved) of the cohort's last resolved tickets, in seconds. */
  async recentHandlingSeconds(manager: EntityManager, cohortId: string): Promise<number[]> {
    const rows: { seconds: number }[] = await manager.query(
      `SELECT extract(epoch FROM closed_at - coalesce(claimed_at, first_claimed_at))::float AS seconds FROM help_tickets
        WHERE cohort_id = $1 AND status = 'resolved' AND first_claimed_at IS NOT NULL ORDER BY closed_at DESC LIMIT 20`,
      [cohortId],
    );
    return rows.map((row) => row.seconds);
  }

  async insertMessage(manager: EntityManager, ticketId: string, authorId: string, body: string): Promise<TicketMessage> {
    const [row] = await manager.query(
      `INSERT INTO help_ticket_messages (ticket_id, author_id, body) VALUES ($1, $2, $3)
       RETURNING id, ticket_id AS "ticketId", body, sent_at AS "sentAt", (SELECT display_name FROM users WHERE id = $2) AS "authorName"`,
      [ticketId, authorId, body],
    );
    return { id: row.id, ticketId: row.ticketId, author: { id: authorId, displayName: row.authorName }, body: row.body, sentAt: row.sentAt.toISOString() };
  }

  async messages(ticketId: string): Promise<TicketMessage[]> {
    const rows: { id: string; ticketId: string; authorId: string; authorName: string; body: string; sentAt: Date }[] = await this.dataSource.query(
      `SELECT m.id, m.ticket_id AS "ticketId", m.author_id AS "authorId", u.display_name AS "authorName", m.body, m.sent_at AS "sentAt"
         FROM help_ticket_messages m JOIN users u ON u.id = m.author_id WHERE m.ticket_id = $1 ORDER BY m.sent_at, m.id`,
      [ticketId],
    );
    return rows.map((row) => ({ id: row.id, ticketId: row.ticketId, author: { id: row.authorId, displayName: row.authorName }, body: row.body, sentAt: row.sentAt.toISOString() }));
  }

  async facilitatorsOf(manager: EntityManager, cohortId: string): Promise<string[]> {
    const rows: { userId: string }[] = await manager.query(`SELECT user_id AS "userId" FROM memberships WHERE cohort_id = $1 AND role = 'facilitator'`, [cohortId]);
    return rows.map((row) => row.userId);
  }

  async person(userId: string, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; displayName: string }> {
    const [row] = await manager.query(`SELECT id, display_name AS "displayName" FROM users WHERE id = $1`, [userId]);
    return row;
  }
}
