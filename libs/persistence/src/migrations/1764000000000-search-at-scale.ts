import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that stays fast as years of questions pile up (measured by the bench's search-growth
 * scenario at 1,000,000 posts).
 *
 * A reply carries its thread's cohort, track and scope, copied by triggers, so that who may read
 * it is known from the reply alone. The search indexes become two-column GIN indexes (btree_gin):
 * (cohort_id, search) and, for the questions shared with a track, (track_id, search). A lookup then
 * intersects the readers' cohorts with the words inside the index, and reads from the table only
 * the posts this reader may see, instead of every post in the school holding a common word.
 */
export class SearchAtScale1764000000000 implements MigrationInterface {
  name = 'SearchAtScale1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await queryRunner.query(`ALTER TABLE help_replies ADD COLUMN cohort_id uuid, ADD COLUMN track_id uuid, ADD COLUMN scope text`);
    await queryRunner.query(`UPDATE help_replies r SET cohort_id = t.cohort_id, track_id = t.track_id, scope = t.scope FROM help_threads t WHERE t.id = r.thread_id`);
    await queryRunner.query(`ALTER TABLE help_replies ALTER COLUMN cohort_id SET NOT NULL, ALTER COLUMN track_id SET NOT NULL, ALTER COLUMN scope SET NOT NULL`);
    // The copy is the trigger's job, whatever the INSERT says, so it cannot drift from the thread.
    await queryRunner.query(`
      CREATE FUNCTION help_replies_copy_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT t.cohort_id, t.track_id, t.scope INTO NEW.cohort_id, NEW.track_id, NEW.scope FROM help_threads t WHERE t.id = NEW.thread_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER help_replies_copy_visibility BEFORE INSERT OR UPDATE OF thread_id, cohort_id, track_id, scope ON help_replies
        FOR EACH ROW EXECUTE FUNCTION help_replies_copy_visibility()`);
    await queryRunner.query(`
      CREATE FUNCTION help_threads_share_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE help_replies SET cohort_id = NEW.cohort_id, track_id = NEW.track_id, scope = NEW.scope WHERE thread_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER help_threads_share_visibility AFTER UPDATE OF cohort_id, track_id, scope ON help_threads
        FOR EACH ROW WHEN ((OLD.cohort_id, OLD.track_id, OLD.scope) IS DISTINCT FROM (NEW.cohort_id, NEW.track_id, NEW.scope))
        EXECUTE FUNCTION help_threads_share_visibility()`);

    await queryRunner.query(`DROP INDEX help_threads_search_idx`);
    await queryRunner.query(`DROP INDEX help_replies_search_idx`);
    for (const table of ['help_threads', 'help_replies']) {
      await queryRunner.query(`CREATE INDEX ${table}_cohort_search_idx ON ${table} USING gin (cohort_id, search)`);
      await queryRunner.query(`CREATE INDEX ${table}_track_search_idx ON ${table} USING gin (track_id, search) WHERE scope = 'track'`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['help_threads', 'help_replies']) {
      await queryRunner.query(`DROP INDEX ${table}_cohort_search_idx`);
      await queryRunner.query(`DROP INDEX ${table}_track_search_idx`);
    }
    await queryRunner.query(`CREATE INDEX help_threads_search_idx ON help_threads USING gin (search)`);
    await queryRunner.query(`CREATE INDEX help_replies_search_idx ON help_replies USING gin (search)`);
    await queryRunner.query(`DROP TRIGGER help_threads_share_visibility ON help_threads`);
    await queryRunner.query(`DROP FUNCTION help_threads_share_visibility()`);
    await queryRunner.query(`DROP TRIGGER help_replies_copy_visibility ON help_replies`);
    await queryRunner.query(`DROP FUNCTION help_replies_copy_visibility()`);
    await queryRunner.query(`ALTER TABLE help_replies DROP COLUMN cohort_id, DROP COLUMN track_id, DROP COLUMN scope`);
  }
}
