import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Secret calendar-feed addresses: one live token per user at most, revocable. */
export class CalendarFeeds1763920000000 implements MigrationInterface {
  name = 'CalendarFeeds1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX calendar_feeds_token_key ON calendar_feeds (token_hash)`);
    await queryRunner.query(`CREATE UNIQUE INDEX calendar_feeds_one_live_per_user ON calendar_feeds (user_id) WHERE revoked_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE calendar_feeds`);
  }
}
