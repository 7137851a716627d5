import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DIGEST_KINDS,
  EMAIL_BY_DEFAULT,
  jobId,
  type JobResults,
  NOTIFICATION_EVENT,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationView,
  rooms,
  SCHEDULED_JOB_OPTIONS,
} from '@fabrique/contracts';
import { afterQuietHours, nextDigestAt } from '@fabrique/domain';
import { LivePublisher } from '@fabrique/help-queue';
import { JobQueues } from '../queues/job-queues.js';
import { DeliveryClock } from './delivery-clock.js';

export const DISPATCH_SCHEDULER = 'dispatch-notifications-every-5s';
/** Notifications taken per transaction, and transactions per job at most (the scheduler takes the rest 5 s later). */
export const DISPATCH_BATCH = 1_000;
export const DISPATCH_MAX_BATCHES = 10;

/** The preferences of a user who never saved any (the defaults of notification_preferences). */
export const DEFAULT_PREFERENCES = { email: {} as Record<string, boolean>, quietStart: '21:00', quietEnd: '08:00', digest: true };

/**
 * The id of a poke: the same second gives the same id, so a burst of writers adds one job.
 * Whoever writes notifications may call `queues.add('dispatch-notifications', {}, { jobId: dispatchPokeId() })`.
 */
export const dispatchPokeId = (at = new Date()) => jobId('dispatch-notifications', String(Math.floor(at.getTime() / 1000)));
export const sendPokeId = (at = new Date()) => jobId('send-emails', String(Math.floor(at.getTime() / 1000)));

export const isNotificationKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** Whether a user wants e-mails of a kind: their choice, or the kind's default. Unknown kinds are never e-mailed. */
export function emailWanted(kind: string, overrides: Record<string, unknown> | null | undefined): boolean {
  if (!isNotificationKind(kind)) return false;
  const choice = overrides?.[kind];
  return typeof choice === 'boolean' ? choice : EMAIL_BY_DEFAULT[kind];
}

interface Undispatched {
  id: string;
  userId: string;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  timeZone: string;
  email: Record<string, unknown> | null;
  quietStart: string | null;
  quietEnd: string | null;
  digest: boolean | null;
}

interface PlannedEmail {
  notificationId: string;
  userId: string;
  sendAfter: Date;
  digest: boolean;
}

/**
 * What to do about a notification's e-mail, from the user's preferences at dispatch time; null
 * for none. `sendTimes` memoises the time for a (zone, quiet hours, digest) at this `now`: a
 * Monday's 10,000 notifications share a handful, and each costs time-zone arithmetic.
 */
export function planEmail(row: Undispatched, now: Date, sendTimes = new Map<string, Date>()): PlannedEmail | null {
  if (!emailWanted(row.kind, row.email)) return null;
  const quietStart = row.quietStart ?? DEFAULT_PREFERENCES.quietStart;
  const quietEnd = row.quietEnd ?? DEFAULT_PREFERENCES.quietEnd;
  const digest = (DIGEST_KINDS as readonly string[]).includes(row.kind) && (row.digest ?? DEFAULT_PREFERENCES.digest);
  const key = `${row.timeZone}|${quietStart}|${quietEnd}|${digest}`;
  let sendAfter = sendTimes.get(key);
  if (!sendAfter) {
    sendAfter = digest ? nextDigestAt(now, row.timeZone, quietEnd) : afterQuietHours(now, row.timeZone, quietStart, quietEnd);
    sendTimes.set(key, sendAfter);
  }
  return { notificationId: row.id, userId: row.userId, digest, sendAfter };
}

/**
 * Delivers what the inbox holds: every notification, whoever wrote it, is pushed to its
 * user's sockets and given its e-mail row (or none) per the user's preferences, then marked
 * dispatched. Rows are taken FOR UPDATE SKIP LOCKED, so concurrent runs share the work and
 * each notification is dispatched once; the e-mail row's key (the notification) makes a
 * second insert a no-op anyway. Pushes leave after commit: a push twice is harmless (the
 * client dedupes by id), a push for a rolled-back dispatch is not.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationDispatcher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: LivePublisher,
    private readonly queues: JobQueues,
    private readonly clock: DeliveryClock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue('delivery')
      .upsertJobScheduler(DISPATCH_SCHEDULER, { every: 5_000 }, { name: 'dispatch-notifications', data: {}, opts: SCHEDULED_JOB_OPTIONS });
  }

  async dispatch(): Promise<JobResults['dispatch-notifications']> {
    let dispatched = 0;
    let emails = 0;
    let dueNow = false;
    for (let batch = 0; batch < DISPATCH_MAX_BATCHES; batch++) {
      const now = this.clock.now();
      const { rows, planned } = await this.dataSource.transaction(async (manager) => {
        const rows: Undispatched[] = await manager.query(
          `SELECT n.id, n.user_id AS "userId", n.kind, n.payload, n.created_at AS "createdAt", n.read_at AS "readAt",
                  u.time_zone AS "timeZone", p.email, to_char(p.quiet_start, 'HH24:MI') AS "quietStart",
                  to_char(p.quiet_end, 'HH24:MI') AS "quietEnd", p.digest
             FROM notifications n
             JOIN users u ON u.id = n.user_id
             LEFT JOIN notification_preferences p ON p.user_id = n.user_id
            WHERE n.dispatched_at IS NULL
            ORDER BY n.created_at
            LIMIT $1
              FOR UPDATE OF n SKIP LOCKED`,
          [DISPATCH_BATCH],
        );
        if (rows.length === 0) return { rows, planned: [] };
        const sendTimes = new Map<string, Date>();
        const planned = rows.map((row) => planEmail(row, now, sendTimes)).filter((email): email is PlannedEmail => email !== null);
        if (planned.length > 0)
          await manager.query(
            `INSERT INTO notification_emails (notification_id, user_id, send_after, digest)
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::boolean[])
             ON CONFLICT (notification_id) DO NOTHING`,
            [planned.map((e) => e.notificationId), planned.map((e) => e.userId), planned.map((e) => e.sendAfter.toISOString()), planned.map((e) => e.digest)],
          );
        await manager.query(`UPDATE notifications SET dispatched_at = $2 WHERE id = ANY($1::uuid[])`, [rows.map((row) => row.id), now.toISOString()]);
        return { rows, planned };
      });
      this.push(rows);
      dispatched += rows.length;
      emails += planned.length;
      dueNow ||= planned.some((email) => email.sendAfter.getTime() <= now.getTime());
      if (rows.length < DISPATCH_BATCH) break;
    }
    if (dueNow) await this.queues.add('send-emails', {}, { jobId: sendPokeId() });
    if (dispatched > 0) this.logger.log({ dispatched, emails }, 'notifications dispatched');
    return { dispatched, emails };
  }

  private push(rows: readonly Undispatched[]): void {
    for (const row of rows) {
      if (!isNotificationKind(row.kind)) continue;
      const view: NotificationView = {
        id: row.id,
        kind: row.kind,
        payload: row.payload,
        createdAt: new Date(row.createdAt).toISOString(),
        readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
      };
      try {
        this.publisher.live.to(rooms.user(row.userId)).emit(NOTIFICATION_EVENT, view);
      } catch (error) {
        // The inbox has it; a lost push only means the user sees it at their next load.
        this.logger.warn({ err: error, notificationId: row.id }, 'pushing a notification failed');
      }
    }
  }
}
