import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreferenceLinks } from '@fabrique/auth';
import { AppConfig } from '@fabrique/config';
import { type JobResults, type NotificationKind, SCHEDULED_JOB_OPTIONS } from '@fabrique/contracts';
import { JobQueues } from '../queues/job-queues.js';
import { DeliveryClock } from './delivery-clock.js';
import { Mailer } from './mailer.js';
import { emailWanted } from './notification-dispatcher.js';
import { type EmailItem, type Locale, type Recipient, renderDigestEmail, renderNotificationEmail } from './templates/email-templates.js';
import { PREFERENCES_PATH, absoluteUrl, notificationPath, unsubscribeUrl } from './templates/links.js';

export const SEND_SCHEDULER = 'send-emails-every-30s';
/** Attempts per e-mail; after a failure the next one waits 1, 2, 4, then 8 minutes. */
export const MAX_ATTEMPTS = 5;
/** A row 'sending' longer than this belongs to a worker that died mid-send. */
export const STUCK_SENDING_MINUTES = 10;
/** Rows claimed per statement, and claims per job at most (the scheduler takes the rest 30 s later). */
export const SEND_BATCH = 200;
export const SEND_MAX_BATCHES = 10;

/** The wait after a failed attempt (attempts counts it): 1, 2, 4, 8 minutes. */
export const retryDelayMinutes = (attempts: number) => 2 ** Math.max(0, attempts - 1);

interface Claimed {
  id: string;
  userId: string;
  digest: boolean;
  attempts: number;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  address: string;
  displayName: string;
  locale: Locale;
  timeZone: string;
  email: Record<string, unknown> | null;
}

/**
 * Sends the e-mail rows that are due. Rows are claimed in one statement (FOR UPDATE SKIP
 * LOCKED, marked 'sending', attempts + 1, committed) before anything leaves, so concurrent
 * runs never send a row twice. Single rows go one e-mail each; a user's digest rows go as
 * one e-mail. Each e-mail is marked 'sent' as soon as the server accepted it, or 'failed'
 * with a later send_after.
 *
 * While a row is 'sending', send_after holds the instant it was claimed (the table has no
 * column of its own for it; a claimed row was due anyway).
 *
 * A worker killed between the server's acceptance and the 'sent' mark leaves its rows
 * 'sending'; after STUCK_SENDING_MINUTES they go back to 'failed' and are retried. In that one
 * case delivery is at-least-once: SMTP gives no way to ask whether a message was accepted,
 * so the user may get that e-mail twice. Everywhere else it is exactly once.
 */
@Injectable()
export class EmailSender implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmailSender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly clock: DeliveryClock,
    private readonly mailer: Mailer,
    private readonly links: PreferenceLinks,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue('delivery')
      .upsertJobScheduler(SEND_SCHEDULER, { every: 30_000 }, { name: 'send-emails', data: {}, opts: SCHEDULED_JOB_OPTIONS });
  }

  async send(): Promise<JobResults['send-emails']> {
    await this.releaseStuck();
    let sent = 0;
    let failed = 0;
    for (let batch = 0; batch < SEND_MAX_BATCHES; batch++) {
      const claimed = await this.claim();
      const result = await this.deliver(claimed);
      sent += result.sent;
      failed += result.failed;
      if (claimed.length < SEND_BATCH) break;
    }
    if (sent + failed > 0) this.logger.log({ sent, failed }, 'e-mails sent');
    return { sent, failed };
  }

  /** Rows left 'sending' by a worker that died mid-send become due again (see the class comment). */
  private async releaseStuck(): Promise<void> {
    const now = this.clock.now();
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [released]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notification_emails SET status = 'failed', last_error = 'interrupted while sending'
        WHERE status = 'sending' AND send_after < $1::timestamptz - make_interval(mins => $2)
        RETURNING notification_id`,
      [now.toISOString(), STUCK_SENDING_MINUTES],
    );
    if (released.length > 0) this.logger.warn({ released: released.length }, 'e-mails stuck while sending are retried');
  }

  /** Takes the due rows for this run, committed before anything is sent, with what their e-mails need. */
  private async claim(): Promise<Claimed[]> {
    const now = this.clock.now();
    return this.dataSource.query(
      `WITH due AS (
         SELECT notification_id FROM notification_emails
          WHERE status IN ('pending', 'failed') AND send_after <= $1 AND attempts < $2
          ORDER BY send_after
          LIMIT $3
            FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE notification_emails e SET status = 'sending', attempts = e.attempts + 1, send_after = $1
           FROM due WHERE e.notification_id = due.notification_id
         RETURNING e.notification_id, e.user_id, e.digest, e.attempts
       )
       SELECT c.notification_id AS id, c.user_id AS "userId", c.digest, c.attempts, n.kind, n.payload, n.created_at AS "createdAt",
              u.email AS address, u.display_name AS "displayName", u.locale, u.time_zone AS "timeZone", p.email
         FROM claimed c
         JOIN notifications n ON n.id = c.notification_id
         JOIN users u ON u.id = c.user_id
         LEFT JOIN notification_preferences p ON p.user_id = c.user_id
        ORDER BY n.created_at`,
      [now.toISOString(), MAX_ATTEMPTS, SEND_BATCH],
    );
  }

  private async deliver(claimed: readonly Claimed[]): Promise<{ sent: number; failed: number }> {
    // The user may have turned the kind off since the row was planned.
    const cancelled = claimed.filter((row) => !emailWanted(row.kind, row.email));
    if (cancelled.length > 0)
      await this.dataSource.query(`UPDATE notification_emails SET status = 'cancelled' WHERE notification_id = ANY($1::uuid[]) AND status = 'sending'`, [
        cancelled.map((row) => row.id),
      ]);
    const wanted = claimed.filter((row) => emailWanted(row.kind, row.email));
    const digests = new Map<string, Claimed[]>();
    const groups: Claimed[][] = [];
    for (const row of wanted) {
      if (!row.digest) {
        groups.push([row]);
        continue;
      }
      const group = digests.get(row.userId);
      if (group) group.push(row);
      else {
        const fresh = [row];
        digests.set(row.userId, fresh);
        groups.push(fresh);
      }
    }
    let sent = 0;
    let failed = 0;
    for (const group of groups) {
      if (await this.sendOne(group)) sent += group.length;
      else failed += group.length;
    }
    return { sent, failed };
  }

  /** One e-mail for the rows (one row, or a user's digest); true when the server accepted it. */
  private async sendOne(rows: readonly Claimed[]): Promise<boolean> {
    const ids = rows.map((row) => row.id);
    let messageId: string;
    try {
      ({ messageId } = await this.mailer.send(this.compose(rows)));
    } catch (error) {
      const attempts = Math.max(...rows.map((row) => row.attempts));
      const retryAt = new Date(this.clock.now().getTime() + retryDelayMinutes(attempts) * 60_000);
      const message = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(
        `UPDATE notification_emails SET status = 'failed', last_error = $2, send_after = $3 WHERE notification_id = ANY($1::uuid[]) AND status = 'sending'`,
        [ids, message.slice(0, 1000), retryAt.toISOString()],
      );
      const final = attempts >= MAX_ATTEMPTS;
      this.logger[final ? 'error' : 'warn']({ err: error, notificationIds: ids, attempts, retryAt: final ? null : retryAt }, final ? 'e-mail given up' : 'e-mail failed; retried later');
      return false;
    }
    // Should this mark fail (database gone), the rows stay 'sending' and are retried once stuck: at-least-once.
    await this.dataSource.query(
      `UPDATE notification_emails SET status = 'sent', sent_at = $2, message_id = $3, last_error = NULL WHERE notification_id = ANY($1::uuid[]) AND status = 'sending'`,
      [ids, this.clock.now().toISOString(), messageId],
    );
    return true;
  }

  private compose(rows: readonly Claimed[]) {
    const [first] = rows as [Claimed, ...Claimed[]];
    const recipient: Recipient = { displayName: first.displayName, locale: first.locale === 'en' ? 'en' : 'fr', timeZone: first.timeZone };
    const preferencesUrl = absoluteUrl(this.config.PUBLIC_URL, PREFERENCES_PATH);
    const items: EmailItem[] = rows.map((row) => {
      const kind = row.kind as NotificationKind; // emailWanted() let known kinds only through
      return {
        kind,
        payload: row.payload,
        createdAt: new Date(row.createdAt),
        url: absoluteUrl(this.config.PUBLIC_URL, notificationPath(kind, row.payload)),
        unsubscribeUrl: unsubscribeUrl(this.config.PUBLIC_URL, this.links.token({ userId: row.userId, kind })),
      };
    });
    const rendered = first.digest ? renderDigestEmail(recipient, items, preferencesUrl) : renderNotificationEmail(recipient, items[0]!, preferencesUrl);
    // A digest holding several kinds names the most frequent one; its body has a link per kind.
    const headerKind = mostFrequent(items);
    return {
      to: { name: first.displayName, address: first.address },
      ...rendered,
      // RFC 8058 one-click: mail clients POST to the link, which the API accepts without a login.
      headers: { 'List-Unsubscribe': `<${headerKind.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }
}

function mostFrequent(items: readonly EmailItem[]): EmailItem {
  const counts = new Map<NotificationKind, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return items.reduce((best, item) => ((counts.get(item.kind) ?? 0) > (counts.get(best.kind) ?? 0) ? item : best), items[0]!);
}
