import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and the delivery of notifications: each user's preferences (e-mail per kind,
 * quiet hours, daily digest), each cohort's reminder settings (kinds off, other times), and
 * one e-mail row per notification, so an e-mail is sent once whatever the queue does.
 */
export class Reminders1763980000000 implements MigrationInterface {
  name = 'Reminders1763980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A notification is written first (the inbox), then dispatched by the worker: pushed to
    // the user's sockets and, per their preferences, given an e-mail row. Whoever wrote it.
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN dispatched_at timestamptz`);
    await queryRunner.query(`CREATE INDEX notifications_undispatched_idx ON notifications (created_at) WHERE dispatched_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        email jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(email) = 'object'),
        quiet_start time NOT NULL DEFAULT '21:00',
        quiet_end time NOT NULL DEFAULT '08:00',
        digest boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE cohort_reminder_settings (
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        kind text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        local_time time,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, kind)
      )`);
    await queryRunner.query(`
      CREATE TABLE notification_emails (
        notification_id uuid PRIMARY KEY REFERENCES notifications (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
        send_after timestamptz NOT NULL,
        digest boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        message_id text
      )`);
    await queryRunner.query(`CREATE INDEX notification_emails_due_idx ON notification_emails (send_after) WHERE status IN ('pending', 'failed')`);
    await queryRunner.query(`CREATE INDEX notification_emails_user_idx ON notification_emails (user_id, status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_emails`);
    await queryRunner.query(`DROP TABLE cohort_reminder_settings`);
    await queryRunner.query(`DROP TABLE notification_preferences`);
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN dispatched_at`);
  }
}
