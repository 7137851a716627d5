import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Project briefs and their competency reviews. A brief belongs to a track and is assigned to
 * cohorts of that track; a group brief's groups are formed at assignment. Submissions are
 * versions, never overwritten; a review grades one version, once.
 */
export class Briefs1763950000000 implements MigrationInterface {
  name = 'Briefs1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE briefs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        track_id uuid NOT NULL REFERENCES tracks (id),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        context text NOT NULL DEFAULT '',
        deliverables text NOT NULL DEFAULT '',
        mode text NOT NULL CHECK (mode IN ('individual', 'group')),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX briefs_track_idx ON briefs (track_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE brief_competencies (
        brief_id uuid NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
        competency_id uuid NOT NULL REFERENCES competencies (id),
        expected_level smallint NOT NULL CHECK (expected_level BETWEEN 1 AND 3),
        PRIMARY KEY (brief_id, competency_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE brief_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brief_id uuid NOT NULL REFERENCES briefs (id),
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        assigned_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (due_at > starts_at),
        UNIQUE (brief_id, cohort_id)
      )`);
    await queryRunner.query(`CREATE INDEX brief_assignments_cohort_idx ON brief_assignments (cohort_id, due_at)`);
    await queryRunner.query(`
      CREATE TABLE assignment_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES brief_assignments (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        UNIQUE (assignment_id, name),
        UNIQUE (id, assignment_id)
      )`);
    // A learner is in one group per assignment.
    await queryRunner.query(`
      CREATE TABLE assignment_group_members (
        assignment_id uuid NOT NULL,
        group_id uuid NOT NULL,
        learner_id uuid NOT NULL REFERENCES users (id),
        PRIMARY KEY (assignment_id, learner_id),
        FOREIGN KEY (group_id, assignment_id) REFERENCES assignment_groups (id, assignment_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX assignment_group_members_group_idx ON assignment_group_members (group_id)`);
    await queryRunner.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES brief_assignments (id) ON DELETE CASCADE,
        learner_id uuid REFERENCES users (id),
        group_id uuid REFERENCES assignment_groups (id) ON DELETE CASCADE,
        submitted_by uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL CHECK (version >= 1),
        links jsonb NOT NULL CHECK (jsonb_typeof(links) = 'array' AND jsonb_array_length(links) > 0),
        comment text NOT NULL DEFAULT '',
        submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        late boolean NOT NULL,
        CHECK ((learner_id IS NULL) <> (group_id IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX submissions_version_key ON submissions (assignment_id, coalesce(group_id, learner_id), version)`);
    await queryRunner.query(`CREATE INDEX submissions_queue_idx ON submissions (assignment_id, submitted_at, id)`);
    await queryRunner.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL UNIQUE REFERENCES submissions (id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL REFERENCES users (id),
        verdict text NOT NULL CHECK (verdict IN ('validated', 'to_redo')),
        comment text NOT NULL DEFAULT '',
        reviewed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`
      CREATE TABLE review_levels (
        review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
        competency_id uuid NOT NULL REFERENCES competencies (id),
        level smallint NOT NULL CHECK (level BETWEEN 0 AND 3),
        comment text NOT NULL DEFAULT '',
        PRIMARY KEY (review_id, competency_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['review_levels', 'reviews', 'submissions', 'assignment_group_members', 'assignment_groups', 'brief_assignments', 'brief_competencies', 'briefs']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
