import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface CohortRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  homeSiteId: string | null;
  timeZone: string;
  onSiteLearners: number;
}

export interface RoomRow {
  id: string;
  name: string;
  capacity: number;
  siteId: string;
  siteName: string;
  address: string;
  timeZone: string;
}

export interface WeekRow {
  id: string;
  cohortId: string;
  monday: string;
  kind: 'presential' | 'internship' | 'holiday';
  agenda: string;
  sequence: number;
  siteId: string | null;
  siteName: string | null;
  address: string | null;
  roomId: string | null;
  roomName: string | null;
  facilitators: Array<{ userId: string; displayName: string }>;
}

const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** The calendar's SQL, in one place. Methods take the caller's manager so checks and writes share a transaction. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cohort(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<CohortRow | undefined> {
    const [row] = await manager.query(
      `SELECT c.id, c.name, ${DATE('c.starts_on')} AS "startsOn", ${DATE('c.ends_on')} AS "endsOn", c.home_site_id AS "homeSiteId",
              coalesce(s.time_zone, 'Europe/Paris') AS "timeZone",
              (SELECT count(*)::int FROM memberships m WHERE m.cohort_id = c.id AND m.role = 'learner') AS "onSiteLearners"
         FROM cohorts c LEFT JOIN sites s ON s.id = c.home_site_id
        WHERE c.id = $1`,
      [cohortId],
    );
    return row;
  }

  async room(roomId: string, manager: EntityManager = this.dataSource.manager): Promise<RoomRow | undefined> {
    const [row] = await manager.query(
      `SELECT r.id, r.name, r.capacity, s.id AS "siteId", s.name AS "siteName", s.address, s.time_zone AS "timeZone"
         FROM rooms r JOIN sites s ON s.id = r.site_id WHERE r.id = $1`,
      [roomId],
    );
    return row;
  }

  /** The cohort's scheduled special weeks with where and who, in week order. */
  async weeks(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<WeekRow[]> {
    return manager.query(
      `SELECT w.id, w.cohort_id AS "cohortId", ${DATE('w.monday')} AS monday, w.kind, w.agenda, w.sequence,
              s.id AS "siteId", s.name AS "siteName", s.address, r.id AS "roomId", r.name AS "roomName",
              coalesce((SELECT json_agg(json_build_object('userId', u.id, 'displayName', u.display_name) ORDER BY u.display_name)
                          FROM cohort_week_facilitators f JOIN users u ON u.id = f.user_id WHERE f.week_id = w.id), '[]') AS facilitators
         FROM cohort_weeks w LEFT JOIN rooms r ON r.id = w.room_id LEFT JOIN sites s ON s.id = w.site_id
        WHERE w.cohort_id = $1 AND w.status = 'scheduled'
        ORDER BY w.monday`,
      [cohortId],
    );
  }

  async week(cohortId: string, weekId: string, manager: EntityManager = this.dataSource.manager): Promise<WeekRow | undefined> {
    return (await this.weeks(cohortId, manager)).find((week) => week.id === weekId);
  }

  /** Bookings of a room by other cohorts, in the given weeks. */
  async roomBookings(roomId: string, cohortId: string, mondays: string[], manager: EntityManager = this.dataSource.manager) {
    return manager.query(
      `SELECT ${DATE('w.monday')} AS monday, w.room_id AS "roomId", w.cohort_id AS "cohortId", c.name AS "cohortName", w.id AS "weekId"
         FROM cohort_weeks w JOIN cohorts c ON c.id = w.cohort_id
        WHERE w.room_id = $1 AND w.cohort_id <> $2 AND w.status = 'scheduled' AND w.kind = 'presential' AND w.monday = ANY($3::date[])`,
      [roomId, cohortId, mondays],
    ) as Promise<Array<{ monday: string; roomId: string; cohortId: string; cohortName: string; weekId: string }>>;
  }

  /** Where the given facilitators are already on site, in the given weeks. */
  async facilitatorBookings(userIds: string[], mondays: string[], manager: EntityManager = this.dataSource.manager) {
    return manager.query(
      `SELECT ${DATE('f.monday')} AS monday, f.user_id AS "userId", u.display_name AS "displayName", w.cohort_id AS "cohortId",
              c.name AS "cohortName", s.name AS "siteName", w.id AS "weekId"
         FROM cohort_week_facilitators f JOIN users u ON u.id = f.user_id JOIN cohort_weeks w ON w.id = f.week_id
         JOIN cohorts c ON c.id = w.cohort_id JOIN sites s ON s.id = w.site_id
        WHERE f.user_id = ANY($1::uuid[]) AND f.monday = ANY($2::date[])`,
      [userIds, mondays],
    ) as Promise<Array<{ monday: string; userId: string; displayName: string; cohortId: string; cohortName: string; siteName: string; weekId: string }>>;
  }

  /** Of `userIds`, those who are not facilitators of the cohort. */
  async notFacilitators(cohortId: string, userIds: string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM unnest($2::uuid[]) AS id
        WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.cohort_id = $1 AND m.user_id = id AND m.role = 'facilitator')`,
      [cohortId, userIds],
    );
    return rows.map((row) => row.id);
  }

  async memberships(userId: string): Promise<Array<{ cohortId: string; role: string }>> {
    return this.dataSource.query(
      `SELECT m.cohort_id AS "cohortId", m.role FROM memberships m JOIN cohorts c ON c.id = m.cohort_id
        WHERE m.user_id = $1 ORDER BY c.starts_on DESC`,
      [userId],
    );
  }

  /** Changes of the cohort's calendar, newest first, for admins. */
  async history(cohortId: string) {
    return this.dataSource.query(
      `SELECT e.id, e.type, e.payload, e.occurred_at AS "occurredAt", u.display_name AS "actor"
         FROM domain_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.aggregate_type = 'cohort' AND e.aggregate_id = $1 AND e.type LIKE 'cohort_week.%'
        ORDER BY e.id DESC LIMIT 500`,
      [cohortId],
    );
  }
}
