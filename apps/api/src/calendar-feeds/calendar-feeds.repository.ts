import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CohortWeekStatus, SpecialWeekKind } from '@fabrique/persistence';

/** How long a cancelled week stays in feeds (as STATUS:CANCELLED) after its cancellation, so subscribed apps see it go. */
export const CANCELLED_WEEK_RETENTION = '60 days';

export interface LiveFeed {
  id: string;
  userId: string;
  createdAt: Date;
}

export interface FeedWeekRow {
  id: string;
  cohortName: string;
  monday: string;
  kind: SpecialWeekKind;
  status: CohortWeekStatus;
  sequence: number;
  agenda: string;
  /** Null only for weeks away from a site (internship, holiday). */
  site: { name: string; address: string; timeZone: string; roomName: string } | null;
  /** Display names of the facilitators present. */
  facilitators: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** The calendar feeds' SQL, in one place. Writes take the caller's manager so they share its transaction. */
@Injectable()
export class CalendarFeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findLive(tokenHash: string): Promise<LiveFeed | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT id, user_id AS "userId", created_at AS "createdAt" FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL`,
      [tokenHash],
    );
    return row;
  }

  /** Serialises rotations of one user's feed, so two concurrent ones cannot both leave a live feed. */
  async lockUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`calendar_feed:${userId}`]);
  }

  /** Revokes the user's live feed, if any, and returns the revoked ids. */
  async revokeLive(manager: EntityManager, userId: string): Promise<string[]> {
    const [rows] = await manager.query(
      `UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
      [userId],
    );
    return (rows as Array<{ id: string }>).map((row) => row.id);
  }

  async insert(manager: EntityManager, userId: string, tokenHash: string): Promise<string> {
    const [row] = await manager.query(`INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2) RETURNING id`, [userId, tokenHash]);
    return row.id;
  }

  /** The special weeks of the user's cohorts: scheduled ones, and cancelled ones still within the retention. */
  async weeksOf(userId: string, now: Date): Promise<FeedWeekRow[]> {
    return this.dataSource.query(
      `SELECT w.id, c.name AS "cohortName", to_char(w.monday, 'YYYY-MM-DD') AS monday, w.kind, w.status, w.sequence, w.agenda,
              w.created_at AS "createdAt", w.updated_at AS "updatedAt",
              CASE WHEN s.id IS NULL THEN NULL
                   ELSE json_build_object('name', s.name, 'address', s.address, 'timeZone', s.time_zone, 'roomName', coalesce(r.name, '')) END AS site,
              coalesce((SELECT json_agg(u.display_name ORDER BY u.display_name)
                          FROM cohort_week_facilitators f JOIN users u ON u.id = f.user_id WHERE f.week_id = w.id), '[]') AS facilitators
         FROM memberships m
         JOIN cohorts c ON c.id = m.cohort_id
         JOIN cohort_weeks w ON w.cohort_id = m.cohort_id
         LEFT JOIN sites s ON s.id = w.site_id
         LEFT JOIN rooms r ON r.id = w.room_id
        WHERE m.user_id = $1
          AND (w.status = 'scheduled' OR w.updated_at > $2::timestamptz - $3::interval)
        ORDER BY w.monday, w.id`,
      [userId, now, CANCELLED_WEEK_RETENTION],
    );
  }

  /**
   * When the weeks part of the user's feed last changed: a week, its site or its cohort edited, a cohort
   * joined, or a cancelled week leaving the feed at the end of its retention.
   */
  async weeksLastModified(userId: string, now: Date): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT max(changed) AS "lastModified" FROM (
         SELECT m.created_at AS changed FROM memberships m WHERE m.user_id = $1
         UNION ALL
         SELECT c.updated_at FROM memberships m JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = $1
         UNION ALL
         SELECT CASE WHEN w.status = 'cancelled' AND w.updated_at <= $2::timestamptz - $3::interval THEN w.updated_at + $3::interval
                     ELSE greatest(w.updated_at, s.updated_at) END
           FROM memberships m JOIN cohort_weeks w ON w.cohort_id = m.cohort_id LEFT JOIN sites s ON s.id = w.site_id
          WHERE m.user_id = $1
       ) AS changes`,
      [userId, now, CANCELLED_WEEK_RETENTION],
    );
    return row?.lastModified ?? null;
  }
}
