import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationKind } from '@fabrique/contracts';
import type { Locale, PlannedKind } from '@fabrique/domain';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  createdAt: Date;
  /** `createdAt` to the microsecond, for keyset cursors: a JS Date would drop the microseconds and repeat or skip rows. */
  createdAtKey: string;
  readAt: Date | null;
}

export interface PreferencesRow {
  locale: Locale;
  timeZone: string;
  /** The user's overrides, kind → e-mail on/off; kinds they never touched are absent. */
  email: Record<string, boolean>;
  quietStart: string;
  quietEnd: string;
  digest: boolean;
}

export interface PreferencesChange {
  email?: Record<string, boolean>;
  quietStart?: string;
  quietEnd?: string;
  digest?: boolean;
}

export interface ReminderSettingRow {
  kind: string;
  enabled: boolean;
  localTime: string | null;
}

export interface ReminderSettingChange {
  kind: PlannedKind;
  enabled?: boolean;
  /** undefined keeps the time, null goes back to the default. */
  localTime?: string | null;
}

/** The same defaults as the columns of notification_preferences, for users without a row. */
const DEFAULT_QUIET_START = '21:00';
const DEFAULT_QUIET_END = '08:00';

const NOTIFICATION_COLUMNS = `n.id, n.kind, n.payload, n.created_at AS "createdAt",
  to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtKey", n.read_at AS "readAt"`;

/** The queries of the inbox, of notification preferences and of cohorts' reminder settings. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, strictly after the (createdAt, id) key of the previous page when given. */
  async inbox(userId: string, options: { unreadOnly: boolean; after: { createdAt: string; id: string } | null; limit: number }): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications n
        WHERE n.user_id = $1
          AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $5`,
      [userId, options.unreadOnly, options.after?.createdAt ?? null, options.after?.id ?? null, options.limit],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { unread: number }[] = await this.dataSource.query(`SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return row.unread;
  }

  /** Marks one of the user's notifications read (keeping the first reading time); undefined when it is not theirs. */
  async markRead(userId: string, id: string): Promise<NotificationRow | undefined> {
    const [rows]: [NotificationRow[], number] = await this.dataSource.query(
      `UPDATE notifications n SET read_at = coalesce(n.read_at, now()) WHERE n.id = $1 AND n.user_id = $2 RETURNING ${NOTIFICATION_COLUMNS}`,
      [id, userId],
    );
    return rows[0];
  }

  /**
   * Marks every unread notification read, only those created up to `before` when given. A
   * client holds `before` to the millisecond, the database to the microsecond: the whole
   * millisecond counts as "up to".
   */
  async markAllRead(userId: string, before: string | null): Promise<number> {
    const [, count]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::timestamptz IS NULL OR created_at < $2::timestamptz + interval '1 millisecond')`,
      [userId, before],
    );
    return count;
  }

  async preferences(userId: string, manager: EntityManager = this.dataSource.manager): Promise<PreferencesRow | undefined> {
    const [row] = await manager.query(
      `SELECT u.locale, u.time_zone AS "timeZone", coalesce(p.email, '{}'::jsonb) AS email,
              coalesce(to_char(p.quiet_start, 'HH24:MI'), $2) AS "quietStart", coalesce(to_char(p.quiet_end, 'HH24:MI'), $3) AS "quietEnd",
              coalesce(p.digest, true) AS digest
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
        WHERE u.id = $1`,
      [userId, DEFAULT_QUIET_START, DEFAULT_QUIET_END],
    );
    return row;
  }

  /** Merges the e-mail switches into the stored ones and replaces what else is given, creating the row on first use. */
  async changePreferences(manager: EntityManager, userId: string, change: PreferencesChange): Promise<void> {
    await manager.query(
      `INSERT INTO notification_preferences AS p (user_id, email, quiet_start, quiet_end, digest)
       VALUES ($1, $2::jsonb, coalesce($3::time, $6::time), coalesce($4::time, $7::time), coalesce($5::boolean, true))
       ON CONFLICT (user_id) DO UPDATE SET
         email = p.email || EXCLUDED.email,
         quiet_start = coalesce($3::time, p.quiet_start),
         quiet_end = coalesce($4::time, p.quiet_end),
         digest = coalesce($5::boolean, p.digest),
         updated_at = now()`,
      [userId, JSON.stringify(change.email ?? {}), change.quietStart ?? null, change.quietEnd ?? null, change.digest ?? null, DEFAULT_QUIET_START, DEFAULT_QUIET_END],
    );
  }

  async changeUser(manager: EntityManager, userId: string, change: { locale?: Locale; timeZone?: string }): Promise<void> {
    await manager.query(`UPDATE users SET locale = coalesce($2, locale), time_zone = coalesce($3, time_zone), updated_at = now() WHERE id = $1`, [
      userId,
      change.locale ?? null,
      change.timeZone ?? null,
    ]);
  }

  async reminderSettings(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<ReminderSettingRow[]> {
    return manager.query(
      `SELECT kind, enabled, to_char(local_time, 'HH24:MI') AS "localTime" FROM cohort_reminder_settings WHERE cohort_id = $1`,
      [cohortId],
    );
  }

  async changeReminderSetting(manager: EntityManager, cohortId: string, change: ReminderSettingChange, adminId: string): Promise<void> {
    await manager.query(
      `INSERT INTO cohort_reminder_settings AS s (cohort_id, kind, enabled, local_time, updated_by)
       VALUES ($1, $2, coalesce($3::boolean, true), $4::time, $6)
       ON CONFLICT (cohort_id, kind) DO UPDATE SET
         enabled = coalesce($3::boolean, s.enabled),
         local_time = CASE WHEN $5::boolean THEN $4::time ELSE s.local_time END,
         updated_by = $6,
         updated_at = now()`,
      [cohortId, change.kind, change.enabled ?? null, change.localTime ?? null, change.localTime !== undefined, adminId],
    );
  }
}
