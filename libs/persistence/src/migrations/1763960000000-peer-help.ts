import type { MigrationInterface, QueryRunner } from 'typeorm';

// A post's search vector, in French and in English, accents removed by the `unaccent`
// dictionary inside both configurations. A deleted or hidden post is not searchable.
const searchVector = (weighted: string) => `tsvector GENERATED ALWAYS AS (
  CASE WHEN deleted_at IS NULL AND hidden_at IS NULL THEN ${weighted} ELSE ''::tsvector END) STORED`;
const both = (column: string, weight: string) =>
  `setweight(to_tsvector('fabrique_fr'::regconfig, ${column}), '${weight}') || setweight(to_tsvector('fabrique_en'::regconfig, ${column}), '${weight}')`;

const MODERATION_COLUMNS = `
  edited_at timestamptz,
  deleted_at timestamptz,
  hidden_at timestamptz,
  hidden_by uuid REFERENCES users (id),
  hidden_reason text,
  CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL) AND (hidden_at IS NULL) = (hidden_by IS NULL))`;

/**
 * Peer-help threads (entraide): questions in a cohort or across a track, replies, votes,
 * accepted answers, edit history, follows, and the notification rows replies produce.
 * Search is PostgreSQL's full-text search over generated columns with GIN indexes, so the
 * database keeps the index right whatever writes the rows.
 */
export class PeerHelp1763960000000 implements MigrationInterface {
  name = 'PeerHelp1763960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    for (const [name, language] of [
      ['fabrique_fr', 'french'],
      ['fabrique_en', 'english'],
    ]) {
      await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = pg_catalog.${language})`);
      await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${language}_stem`);
    }

    await queryRunner.query(`
      CREATE TABLE help_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        track_id uuid NOT NULL REFERENCES tracks (id),
        scope text NOT NULL CHECK (scope IN ('cohort', 'track')),
        author_id uuid NOT NULL REFERENCES users (id),
        anonymous boolean NOT NULL DEFAULT false,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 160),
        body text NOT NULL CHECK (length(body) <= 20000),
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 5),
        brief_id uuid REFERENCES briefs (id) ON DELETE SET NULL,
        resource_id uuid REFERENCES course_resources (id) ON DELETE SET NULL,
        score integer NOT NULL DEFAULT 0,
        reply_count integer NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
        accepted_reply_id uuid,
        status text GENERATED ALWAYS AS (
          CASE WHEN accepted_reply_id IS NOT NULL THEN 'accepted' WHEN reply_count > 0 THEN 'answered' ELSE 'unanswered' END) STORED,
        answered boolean GENERATED ALWAYS AS (reply_count > 0) STORED,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_activity_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        ${MODERATION_COLUMNS},
        search ${searchVector(`${both('title', 'A')} || ${both('body', 'B')} || setweight(array_to_tsvector(tags), 'A')`)}
      )`);
    await queryRunner.query(`
      CREATE TABLE help_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES help_threads (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        anonymous boolean NOT NULL DEFAULT false,
        body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 20000 OR deleted_at IS NOT NULL),
        score integer NOT NULL DEFAULT 0,
        endorsed_by uuid REFERENCES users (id),
        endorsed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        ${MODERATION_COLUMNS},
        CHECK ((endorsed_by IS NULL) = (endorsed_at IS NULL)),
        UNIQUE (id, thread_id),
        search ${searchVector(both('body', 'C'))}
      )`);
    // The accepted answer is a reply of the same thread.
    await queryRunner.query(`
      ALTER TABLE help_threads ADD CONSTRAINT help_threads_accepted_reply_fk
        FOREIGN KEY (accepted_reply_id, id) REFERENCES help_replies (id, thread_id) DEFERRABLE INITIALLY IMMEDIATE`);

    await queryRunner.query(`CREATE INDEX help_threads_search_idx ON help_threads USING gin (search)`);
    await queryRunner.query(`CREATE INDEX help_replies_search_idx ON help_replies USING gin (search)`);
    await queryRunner.query(`CREATE INDEX help_threads_tags_idx ON help_threads USING gin (tags)`);
    // One index per list order, for a cohort's threads and for the track-wide ones, so that
    // a page is an index range scan however long the history.
    for (const [name, order] of [
      ['newest', 'created_at DESC, id DESC'],
      ['votes', 'score DESC, created_at DESC, id DESC'],
      ['unanswered', 'answered, created_at DESC, id DESC'],
    ]) {
      await queryRunner.query(`CREATE INDEX help_threads_cohort_${name}_idx ON help_threads (cohort_id, ${order})`);
      await queryRunner.query(`CREATE INDEX help_threads_track_${name}_idx ON help_threads (track_id, ${order}) WHERE scope = 'track'`);
    }
    // Questions waiting for a first answer, oldest first: per cohort, and across cohorts for a
    // facilitator of several (a scan in time order that stops at the page's end).
    await queryRunner.query(`
      CREATE INDEX help_threads_waiting_idx ON help_threads (cohort_id, created_at, id)
        WHERE reply_count = 0 AND deleted_at IS NULL AND hidden_at IS NULL`);
    await queryRunner.query(`
      CREATE INDEX help_threads_waiting_all_idx ON help_threads (created_at, id)
        WHERE reply_count = 0 AND deleted_at IS NULL AND hidden_at IS NULL`);
    await queryRunner.query(`CREATE INDEX help_threads_author_idx ON help_threads (author_id)`);
    await queryRunner.query(`CREATE INDEX help_replies_thread_idx ON help_replies (thread_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX help_replies_author_idx ON help_replies (author_id)`);

    // Earlier versions of a post, written when its author edits it.
    await queryRunner.query(`
      CREATE TABLE help_post_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid REFERENCES help_threads (id) ON DELETE CASCADE,
        reply_id uuid REFERENCES help_replies (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        title text,
        body text NOT NULL,
        tags text[],
        written_at timestamptz NOT NULL,
        CHECK ((thread_id IS NULL) <> (reply_id IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX help_post_revisions_thread_key ON help_post_revisions (thread_id, version) WHERE thread_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX help_post_revisions_reply_key ON help_post_revisions (reply_id, version) WHERE reply_id IS NOT NULL`);

    for (const post of ['thread', 'reply']) {
      const table = post === 'thread' ? 'help_threads' : 'help_replies';
      await queryRunner.query(`
        CREATE TABLE help_${post}_votes (
          ${post}_id uuid NOT NULL REFERENCES ${table} (id) ON DELETE CASCADE,
          user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
          value smallint NOT NULL CHECK (value IN (-1, 1)),
          voted_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (${post}_id, user_id)
        )`);
    }
    await queryRunner.query(`
      CREATE TABLE help_follows (
        thread_id uuid NOT NULL REFERENCES help_threads (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        followed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (thread_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX help_follows_user_idx ON help_follows (user_id)`);

    // The in-app inbox. One row per (user, kind, occurrence): writing it twice is a no-op,
    // which is what lets retried writers and at-least-once jobs stay exactly-once for users.
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        occurrence_key text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz,
        UNIQUE (user_id, kind, occurrence_key)
      )`);
    await queryRunner.query(`CREATE INDEX notifications_inbox_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications`);
    await queryRunner.query(`DROP TABLE help_follows`);
    await queryRunner.query(`DROP TABLE help_reply_votes`);
    await queryRunner.query(`DROP TABLE help_thread_votes`);
    await queryRunner.query(`DROP TABLE help_post_revisions`);
    await queryRunner.query(`ALTER TABLE help_threads DROP CONSTRAINT help_threads_accepted_reply_fk`);
    await queryRunner.query(`DROP TABLE help_replies`);
    await queryRunner.query(`DROP TABLE help_threads`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION fabrique_en`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION fabrique_fr`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
  }
}
