import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The special weeks of a cohort (on site, internship, holiday; distance is the default and has
 * no row). PostgreSQL itself refuses double bookings, so two admins racing cannot both win.
 */
export class CohortWeeks1763910000000 implements MigrationInterface {
  name = 'CohortWeeks1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cohort_weeks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        monday date NOT NULL CHECK (extract(isodow FROM monday) = 1),
        kind text NOT NULL CHECK (kind IN ('presential', 'internship', 'holiday')),
        site_id uuid REFERENCES sites (id),
        room_id uuid REFERENCES rooms (id),
        agenda text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'presential' OR (site_id IS NOT NULL AND room_id IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX cohort_weeks_one_per_week ON cohort_weeks (cohort_id, monday) WHERE status = 'scheduled'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX cohort_weeks_room_booking ON cohort_weeks (room_id, monday) WHERE status = 'scheduled' AND kind = 'presential'`,
    );
    await queryRunner.query(`CREATE INDEX cohort_weeks_cohort_idx ON cohort_weeks (cohort_id, monday)`);

    await queryRunner.query(`
      CREATE TABLE cohort_week_facilitators (
        week_id uuid NOT NULL REFERENCES cohort_weeks (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        monday date NOT NULL,
        PRIMARY KEY (week_id, user_id)
      )`);
    // A facilitator is on site in one place a week; rows go when their week is cancelled.
    await queryRunner.query(`CREATE UNIQUE INDEX cohort_week_facilitators_one_place ON cohort_week_facilitators (user_id, monday)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cohort_week_facilitators`);
    await queryRunner.query(`DROP TABLE cohort_weeks`);
  }
}
