import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per reminder occurrence that has fired, even when it notified nobody (an inactivity
 * check with everyone active). Finished jobs leave Redis within a minute, so this, not the
 * queue, tells the reconcile job an occurrence within its grace period was already handled.
 */
export class ReminderFirings1763990000000 implements MigrationInterface {
  name = 'ReminderFirings1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminder_firings (
        occurrence_key text PRIMARY KEY,
        fired_at timestamptz NOT NULL DEFAULT now(),
        notified integer NOT NULL CHECK (notified >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX reminder_firings_fired_at_idx ON reminder_firings (fired_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reminder_firings`);
  }
}
