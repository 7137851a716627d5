import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Courses of a track, their ordered modules and resources, modules assigned to cohorts, and
 * what each learner marked done. Positions are unique per parent but checked at commit
 * (DEFERRABLE), so a reorder can swap positions in one statement and still never leave
 * a gap or a duplicate behind.
 */
export class Courses1763940000000 implements MigrationInterface {
  name = 'Courses1763940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        track_id uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        summary text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX courses_track_idx ON courses (track_id)`);

    await queryRunner.query(`
      CREATE TABLE course_modules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position > 0),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        summary text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_modules_position_key UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);

    await queryRunner.query(`
      CREATE TABLE course_resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES course_modules (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position > 0),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        url text NOT NULL CHECK (url ~* '^https?://'),
        kind text NOT NULL CHECK (kind IN ('video', 'article', 'exercise', 'mooc_chapter', 'documentation', 'other')),
        estimated_minutes integer NOT NULL CHECK (estimated_minutes >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_resources_position_key UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);

    await queryRunner.query(`
      CREATE TABLE module_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES course_modules (id) ON DELETE CASCADE,
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        mode text NOT NULL CHECK (mode IN ('prepare_before_onsite', 'during_distance')),
        week integer NOT NULL CHECK (week > 0),
        week_monday date NOT NULL CHECK (extract(isodow FROM week_monday) = 1),
        due_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT module_assignments_once UNIQUE (cohort_id, module_id)
      )`);
    await queryRunner.query(`CREATE INDEX module_assignments_module_idx ON module_assignments (module_id)`);

    await queryRunner.query(`
      CREATE TABLE resource_completions (
        resource_id uuid NOT NULL REFERENCES course_resources (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (resource_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX resource_completions_user_idx ON resource_completions (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE resource_completions`);
    await queryRunner.query(`DROP TABLE module_assignments`);
    await queryRunner.query(`DROP TABLE course_resources`);
    await queryRunner.query(`DROP TABLE course_modules`);
    await queryRunner.query(`DROP TABLE courses`);
  }
}
