import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live help queue: tickets a learner raises, the chat inside a claimed ticket, and the
 * per-cohort event log that sockets replay from. Every ticket change writes its event row in
 * the same transaction, numbered by a per-cohort counter, so a client that missed events
 * asks for those after the last number it saw. Commands carry a client id, kept with their
 * result, so a command retried after a lost acknowledgement is applied once.
 */
export class HelpTickets1763970000000 implements MigrationInterface {
  name = 'HelpTickets1763970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE help_tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        learner_id uuid NOT NULL REFERENCES users (id),
        question text NOT NULL CHECK (length(btrim(question)) BETWEEN 1 AND 2000),
        brief_id uuid REFERENCES briefs (id) ON DELETE SET NULL,
        resource_id uuid REFERENCES course_resources (id) ON DELETE SET NULL,
        competency_id uuid REFERENCES competencies (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'claimed', 'resolved', 'cancelled')),
        away boolean NOT NULL DEFAULT false,
        raised_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        first_claimed_at timestamptz,
        claimed_at timestamptz,
        claimed_by uuid REFERENCES users (id),
        closed_at timestamptz,
        closed_by uuid REFERENCES users (id),
        resolution text CHECK (length(resolution) <= 2000),
        escalated_at timestamptz,
        thread_id uuid REFERENCES help_threads (id) ON DELETE SET NULL,
        -- Who handled a ticket stays on it once closed: the measures count facilitators' load.
        CHECK (status <> 'claimed' OR (claimed_by IS NOT NULL AND claimed_at IS NOT NULL)),
        CHECK (status <> 'waiting' OR claimed_by IS NULL),
        CHECK ((status IN ('resolved', 'cancelled')) = (closed_at IS NOT NULL)),
        CHECK (status <> 'resolved' OR resolution IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX help_tickets_waiting_idx ON help_tickets (cohort_id, raised_at) WHERE status = 'waiting'`);
    await queryRunner.query(`CREATE INDEX help_tickets_open_idx ON help_tickets (cohort_id, learner_id) WHERE status IN ('waiting', 'claimed')`);
    await queryRunner.query(`CREATE INDEX help_tickets_learner_idx ON help_tickets (learner_id, raised_at DESC)`);
    await queryRunner.query(`CREATE INDEX help_tickets_cohort_idx ON help_tickets (cohort_id, raised_at)`);
    await queryRunner.query(`CREATE INDEX help_tickets_escalation_idx ON help_tickets (raised_at) WHERE status = 'waiting' AND escalated_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE help_ticket_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES help_tickets (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
        sent_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`CREATE INDEX help_ticket_messages_ticket_idx ON help_ticket_messages (ticket_id, sent_at, id)`);

    await queryRunner.query(`
      CREATE TABLE live_sequences (
        cohort_id uuid PRIMARY KEY REFERENCES cohorts (id) ON DELETE CASCADE,
        last_seq bigint NOT NULL DEFAULT 0
      )`);
    // audience: 'cohort' (everyone in the cohort; other learners get public_payload), 'ticket'
    // (its learner and the cohort's facilitators), 'facilitators' (the cohort's facilitators).
    await queryRunner.query(`
      CREATE TABLE live_events (
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        ticket_id uuid REFERENCES help_tickets (id) ON DELETE CASCADE,
        owner_id uuid REFERENCES users (id) ON DELETE CASCADE,
        audience text NOT NULL CHECK (audience IN ('cohort', 'ticket', 'facilitators')),
        payload jsonb NOT NULL,
        public_payload jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz,
        PRIMARY KEY (cohort_id, seq),
        CHECK (audience <> 'cohort' OR public_payload IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX live_events_unpublished_idx ON live_events (created_at) WHERE published_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE live_commands (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        command_id uuid NOT NULL,
        command text NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, command_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE live_commands`);
    await queryRunner.query(`DROP TABLE live_events`);
    await queryRunner.query(`DROP TABLE live_sequences`);
    await queryRunner.query(`DROP TABLE help_ticket_messages`);
    await queryRunner.query(`DROP TABLE help_tickets`);
  }
}
