import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttendanceStatus, HalfDay, MarkSource } from '@fabrique/persistence';
import type { AttendanceMarkDto, CorrectionDto } from './dto/attendance.dto.js';

export interface LearnerHalfDay {
  cohortId: string;
  learnerId: string;
  date: string;
  halfDay: HalfDay;
}

export interface NewMark extends LearnerHalfDay {
  status: AttendanceStatus;
  source: MarkSource;
  reason: string | null;
  recordedBy: string;
  supersedes: string | null;
}

export interface OnSiteWeek {
  monday: string;
  timeZone: string;
}

export interface LearnerRow {
  userId: string;
  displayName: string;
  email: string;
  isLearner: boolean;
}

export interface CheckInCodeRow {
  id: string;
  date: string;
  halfDay: HalfDay;
  codeHash: string;
  expiresAt: Date;
}

export interface ActivityDayRow {
  userId: string;
  date: string;
  count: number;
  first: string;
  last: string;
}

interface MarkRow {
  id: string;
  learnerId: string;
  date: string;
  halfDay: HalfDay;
  status: AttendanceStatus;
  source: MarkSource;
  reason: string | null;
  recordedById: string;
  recordedByName: string;
  recordedAt: Date;
  supersedes: string | null;
}

const MARK_COLUMNS = `m.id, m.learner_id AS "learnerId", to_char(m.on_date, 'YYYY-MM-DD') AS date, m.half_day AS "halfDay", m.status, m.source,
  m.reason, m.recorded_by AS "recordedById", r.display_name AS "recordedByName", m.recorded_at AS "recordedAt", m.supersedes`;

/** The mark nobody has superseded is the current one. */
const IS_CURRENT = `NOT EXISTS (SELECT 1 FROM attendance_marks n WHERE n.supersedes = m.id)`;

const toMarkDto = (row: MarkRow): AttendanceMarkDto => ({
  id: row.id,
  learnerId: row.learnerId,
  date: row.date,
  halfDay: row.halfDay,
  status: row.status,
  source: row.source,
  reason: row.reason,
  recordedBy: { userId: row.recordedById, displayName: row.recordedByName },
  recordedAt: row.recordedAt.toISOString(),
  supersedes: row.supersedes,
});

/** The attendance queries, in one place. */
@Injectable()
export class AttendanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The cohort's scheduled on-site week starting on `monday`, with its site's time zone. */
  async onSiteWeek(cohortId: string, monday: string): Promise<OnSiteWeek | undefined> {
    const [week] = await this.dataSource.query(
      `SELECT to_char(w.monday, 'YYYY-MM-DD') AS monday, s.time_zone AS "timeZone"
         FROM cohort_weeks w JOIN sites s ON s.id = w.site_id
        WHERE w.cohort_id = $1 AND w.monday = $2 AND w.kind = 'presential' AND w.status = 'scheduled'`,
      [cohortId, monday],
    );
    return week;
  }

  /** Scheduled on-site weeks whose Monday is within `[from, to]`. */
  async onSiteWeeksBetween(cohortId: string, from: string, to: string): Promise<OnSiteWeek[]> {
    return this.dataSource.query(
      `SELECT to_char(w.monday, 'YYYY-MM-DD') AS monday, s.time_zone AS "timeZone"
         FROM cohort_weeks w JOIN sites s ON s.id = w.site_id
        WHERE w.cohort_id = $1 AND w.monday BETWEEN $2 AND $3 AND w.kind = 'presential' AND w.status = 'scheduled'
        ORDER BY w.monday`,
      [cohortId, from, to],
    );
  }

  async cohort(cohortId: string): Promise<{ name: string; timeZone: string | null } | undefined> {
    const [cohort] = await this.dataSource.query(
      `SELECT c.name, s.time_zone AS "timeZone" FROM cohorts c LEFT JOIN sites s ON s.id = c.home_site_id WHERE c.id = $1`,
      [cohortId],
    );
    return cohort;
  }

  /** Which of these users are learners of the cohort. */
  async learnersAmong(cohortId: string, userIds: string[]): Promise<Set<string>> {
    const rows: Array<{ userId: string }> = await this.dataSource.query(
      `SELECT user_id AS "userId" FROM memberships WHERE cohort_id = $1 AND role = 'learner' AND user_id = ANY($2)`,
      [cohortId, userIds],
    );
    return new Set(rows.map((row) => row.userId));
  }

  /** The cohort's learners, and anyone who was marked between the two dates (who may have left since). */
  async learners(cohortId: string, from: string, to: string): Promise<LearnerRow[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, (mem.user_id IS NOT NULL) AS "isLearner"
         FROM users u
         LEFT JOIN memberships mem ON mem.user_id = u.id AND mem.cohort_id = $1 AND mem.role = 'learner'
        WHERE mem.user_id IS NOT NULL
           OR u.id IN (SELECT learner_id FROM attendance_marks WHERE cohort_id = $1 AND on_date BETWEEN $2 AND $3)
        ORDER BY u.display_name, u.email`,
      [cohortId, from, to],
    );
  }

  /**
   * The current mark of one learner's half-day. Takes a transaction-scoped lock on that
   * half-day first, so two writers (a facilitator and a check-in) cannot both build on the same mark.
   */
  async lockCurrent(manager: EntityManager, slot: LearnerHalfDay): Promise<AttendanceMarkDto | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `attendance:${slot.cohortId}:${slot.learnerId}:${slot.date}:${slot.halfDay}`,
    ]);
    const [row] = await manager.query(
      `SELECT ${MARK_COLUMNS} FROM attendance_marks m JOIN users r ON r.id = m.recorded_by
        WHERE m.cohort_id = $1 AND m.learner_id = $2 AND m.on_date = $3 AND m.half_day = $4 AND ${IS_CURRENT}`,
      [slot.cohortId, slot.learnerId, slot.date, slot.halfDay],
    );
    return row ? toMarkDto(row) : undefined;
  }

  async insertMark(manager: EntityManager, mark: NewMark): Promise<AttendanceMarkDto> {
    const [{ id }] = await manager.query(
      `INSERT INTO attendance_marks (cohort_id, learner_id, on_date, half_day, status, source, reason, recorded_by, supersedes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [mark.cohortId, mark.learnerId, mark.date, mark.halfDay, mark.status, mark.source, mark.reason, mark.recordedBy, mark.supersedes],
    );
    const [row] = await manager.query(`SELECT ${MARK_COLUMNS} FROM attendance_marks m JOIN users r ON r.id = m.recorded_by WHERE m.id = $1`, [id]);
    return toMarkDto(row);
  }

  /** Current marks of the cohort between two dates (inclusive). */
  async currentMarks(cohortId: string, from: string, to: string): Promise<AttendanceMarkDto[]> {
    const rows: MarkRow[] = await this.dataSource.query(
      `SELECT ${MARK_COLUMNS} FROM attendance_marks m JOIN users r ON r.id = m.recorded_by
        WHERE m.cohort_id = $1 AND m.on_date BETWEEN $2 AND $3 AND ${IS_CURRENT}
        ORDER BY m.on_date, m.half_day DESC, m.recorded_at`,
      [cohortId, from, to],
    );
    return rows.map(toMarkDto);
  }

  /** Every mark of that day that replaced another, with what it replaced. */
  async corrections(cohortId: string, date: string): Promise<CorrectionDto[]> {
    const rows: Array<MarkRow & { previousStatus: AttendanceStatus; previousById: string; previousByName: string; previousRecordedAt: Date }> =
      await this.dataSource.query(
        `SELECT ${MARK_COLUMNS}, p.status AS "previousStatus", p.recorded_by AS "previousById", pr.display_name AS "previousByName",
                p.recorded_at AS "previousRecordedAt"
           FROM attendance_marks m
           JOIN users r ON r.id = m.recorded_by
           JOIN attendance_marks p ON p.id = m.supersedes
           JOIN users pr ON pr.id = p.recorded_by
          WHERE m.cohort_id = $1 AND m.on_date = $2
          ORDER BY m.recorded_at, m.id`,
        [cohortId, date],
      );
    return rows.map((row) => ({
      ...toMarkDto(row),
      previousStatus: row.previousStatus,
      previousRecordedBy: { userId: row.previousById, displayName: row.previousByName },
      previousRecordedAt: row.previousRecordedAt.toISOString(),
    }));
  }

  async insertCheckInCode(
    manager: EntityManager,
    code: { cohortId: string; date: string; halfDay: HalfDay; codeHash: string; openedBy: string; expiresAt: Date },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO check_in_codes (cohort_id, on_date, half_day, code_hash, opened_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [code.cohortId, code.date, code.halfDay, code.codeHash, code.openedBy, code.expiresAt],
    );
    return id;
  }

  /** The cohort's check-in codes of that date and the day before, newest first. */
  async recentCheckInCodes(cohortId: string, date: string): Promise<CheckInCodeRow[]> {
    return this.dataSource.query(
      `SELECT id, to_char(on_date, 'YYYY-MM-DD') AS date, half_day AS "halfDay", code_hash AS "codeHash", expires_at AS "expiresAt"
         FROM check_in_codes
        WHERE cohort_id = $1 AND on_date BETWEEN $2::date - 1 AND $2::date
        ORDER BY created_at DESC`,
      [cohortId, date],
    );
  }

  /**
   * Activity per user and local day between two dates: in the cohort's site time zone, or each
   * user's own zone for a fully remote cohort.
   */
  async activityByDay(userIds: string[], timeZone: string | null, from: string, to: string): Promise<ActivityDayRow[]> {
    return this.dataSource.query(
      `WITH local AS (
         SELECT a.user_id, a.occurred_at AT TIME ZONE coalesce($2, u.time_zone) AS at
           FROM activity_log a JOIN users u ON u.id = a.user_id
          WHERE a.user_id = ANY($1) AND a.occurred_at >= $3::date - 1 AND a.occurred_at < $4::date + 2
       )
       SELECT user_id AS "userId", to_char(at::date, 'YYYY-MM-DD') AS date, count(*)::int AS count,
              to_char(min(at), 'HH24:MI') AS first, to_char(max(at), 'HH24:MI') AS last
         FROM local
        WHERE at::date BETWEEN $3 AND $4
        GROUP BY user_id, at::date
        ORDER BY at::date`,
      [userIds, timeZone, from, to],
    );
  }
}
