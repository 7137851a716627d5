import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance evidence for funders: on-site marks per half-day, check-in codes, and the
 * activity log behind distance attendance.
 *
 * Evidence is kept three years and cannot be changed silently: PostgreSQL refuses UPDATE,
 * DELETE and TRUNCATE on attendance_marks and activity_log, whoever asks. The one way rows
 * leave is the retention purge, `SELECT purge_expired_attendance_evidence()`: it turns on the
 * transaction-local setting `fabrique.evidence_purge`, and the trigger then lets a DELETE
 * through only for rows older than three years (marks by the date of their half-day, activity
 * by when it occurred). Setting the flag by hand deletes nothing younger either; anything
 * else needs DDL (dropping or disabling the trigger), which is deliberate and visible.
 */
export class Attendance1763930000000 implements MigrationInterface {
  name = 'Attendance1763930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attendance_marks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id),
        learner_id uuid NOT NULL REFERENCES users (id),
        on_date date NOT NULL,
        half_day text NOT NULL CHECK (half_day IN ('morning', 'afternoon')),
        status text NOT NULL CHECK (status IN ('present', 'late', 'absent', 'excused')),
        source text NOT NULL CHECK (source IN ('facilitator', 'check_in')),
        reason text CHECK (reason IS NULL OR length(btrim(reason)) > 0),
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        supersedes uuid,
        CHECK (supersedes IS NULL OR reason IS NOT NULL),
        UNIQUE (id, cohort_id, learner_id, on_date, half_day),
        -- A correction replaces a mark of the same learner and half-day, and a mark is replaced once:
        -- each half-day's history is one chain, whose last row is the current status.
        FOREIGN KEY (supersedes, cohort_id, learner_id, on_date, half_day)
          REFERENCES attendance_marks (id, cohort_id, learner_id, on_date, half_day),
        UNIQUE (supersedes)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX attendance_marks_one_first_mark ON attendance_marks (cohort_id, learner_id, on_date, half_day) WHERE supersedes IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX attendance_marks_cohort_day_idx ON attendance_marks (cohort_id, on_date)`);

    await queryRunner.query(`
      CREATE TABLE check_in_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        on_date date NOT NULL,
        half_day text NOT NULL CHECK (half_day IN ('morning', 'afternoon')),
        code_hash text NOT NULL,
        opened_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`CREATE INDEX check_in_codes_cohort_day_idx ON check_in_codes (cohort_id, on_date, half_day, created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE activity_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]*$'),
        reference text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX activity_log_user_time_idx ON activity_log (user_id, occurred_at)`);

    // TG_ARGV[0] names the column that dates a row for the retention purge.
    await queryRunner.query(`
      CREATE FUNCTION refuse_evidence_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('fabrique.evidence_purge', true) = 'on' THEN
          IF (to_jsonb(OLD) ->> TG_ARGV[0])::timestamptz < now() - interval '3 years' THEN
            RETURN OLD;
          END IF;
        END IF;
        RAISE EXCEPTION '% is append-only attendance evidence: % refused', TG_TABLE_NAME, TG_OP
          USING HINT = 'Record a correction as a new row; only purge_expired_attendance_evidence() removes rows, once older than 3 years';
      END
      $$`);
    for (const [table, datedBy] of [
      ['attendance_marks', 'on_date'],
      ['activity_log', 'occurred_at'],
    ]) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_evidence_change('${datedBy}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_evidence_change('${datedBy}')`,
      );
    }

    await queryRunner.query(`
      CREATE FUNCTION purge_expired_attendance_evidence() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        marks bigint;
        activities bigint;
      BEGIN
        PERFORM set_config('fabrique.evidence_purge', 'on', true);
        DELETE FROM attendance_marks WHERE on_date < current_date - interval '3 years';
        GET DIAGNOSTICS marks = ROW_COUNT;
        DELETE FROM activity_log WHERE occurred_at < now() - interval '3 years';
        GET DIAGNOSTICS activities = ROW_COUNT;
        PERFORM set_config('fabrique.evidence_purge', 'off', true);
        RETURN marks + activities;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION purge_expired_attendance_evidence()`);
    await queryRunner.query(`DROP TABLE activity_log`);
    await queryRunner.query(`DROP TABLE check_in_codes`);
    await queryRunner.query(`DROP TABLE attendance_marks`);
    await queryRunner.query(`DROP FUNCTION refuse_evidence_change()`);
  }
}
