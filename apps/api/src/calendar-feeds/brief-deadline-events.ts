import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { FeedEvent, FeedEventSource } from './feed-event.js';

interface DeadlineRow {
  assignmentId: string;
  briefTitle: string;
  cohortName: string;
  dueAt: Date;
  timeZone: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A deadline is a moment; calendars show it as the half hour that ends at the due time. */
const LEAD_MINUTES = 30;

export function briefDeadlineEvent(row: DeadlineRow): FeedEvent {
  const due = DateTime.fromJSDate(row.dueAt, { zone: row.timeZone });
  const format = (moment: DateTime) => moment.toFormat("yyyy-MM-dd'T'HH:mm");
  return {
    uid: `${row.assignmentId}-due@fabrique`,
    // Assignments keep their due time once set; a brief's edits change only the text.
    sequence: 0,
    summary: `Rendu : ${row.briefTitle} — ${row.cohortName} (avant ${due.toFormat('HH:mm')})`,
    cancelled: false,
    busy: false,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    when: { kind: 'timed', timeZone: row.timeZone, start: format(due.minus({ minutes: LEAD_MINUTES })), end: format(due), days: 1 },
  };
}

/** The due times of the briefs assigned to the user's cohorts, in each cohort's site time zone. */
@Injectable()
export class BriefDeadlineEvents implements FeedEventSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async eventsFor(userId: string) {
    const rows: DeadlineRow[] = await this.dataSource.query(
      `SELECT a.id AS "assignmentId", b.title AS "briefTitle", c.name AS "cohortName", a.due_at AS "dueAt",
              coalesce(s.time_zone, 'Europe/Paris') AS "timeZone", a.created_at AS "createdAt",
              greatest(a.created_at, b.updated_at, m.created_at) AS "updatedAt"
         FROM memberships m
         JOIN cohorts c ON c.id = m.cohort_id
         JOIN brief_assignments a ON a.cohort_id = m.cohort_id
         JOIN briefs b ON b.id = a.brief_id
         LEFT JOIN sites s ON s.id = c.home_site_id
        WHERE m.user_id = $1
        ORDER BY a.due_at, a.id`,
      [userId],
    );
    const lastModified = rows.reduce<Date | null>((latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest), null);
    return { events: rows.map(briefDeadlineEvent), lastModified };
  }
}
