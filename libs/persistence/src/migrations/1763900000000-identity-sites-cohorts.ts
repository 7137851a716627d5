import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentitySitesCohorts1763900000000 implements MigrationInterface {
  name = 'IdentitySitesCohorts1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
        display_name text NOT NULL CHECK (length(btrim(display_name)) > 0),
        locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
        time_zone text NOT NULL DEFAULT 'Europe/Paris',
        password_hash text,
        is_admin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);

    await queryRunner.query(`
      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        address text NOT NULL,
        time_zone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX sites_name_key ON sites (lower(name))`);
    await queryRunner.query(`
      CREATE TABLE rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        capacity integer NOT NULL CHECK (capacity > 0)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX rooms_site_name_key ON rooms (site_id, lower(name))`);

    await queryRunner.query(`
      CREATE TABLE tracks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX tracks_name_key ON tracks (lower(name))`);
    await queryRunner.query(`
      CREATE TABLE competencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        track_id uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
        code text NOT NULL CHECK (length(btrim(code)) > 0),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        position integer NOT NULL,
        UNIQUE (track_id, code)
      )`);

    await queryRunner.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        track_id uuid NOT NULL REFERENCES tracks (id),
        home_site_id uuid REFERENCES sites (id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        fully_remote boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on > starts_on),
        CHECK (fully_remote OR home_site_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX cohorts_track_name_key ON cohorts (track_id, lower(name))`);
    await queryRunner.query(`
      CREATE TABLE memberships (
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('learner', 'facilitator')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);

    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL,
        email text NOT NULL CHECK (email = lower(btrim(email))),
        cohort_id uuid NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('learner', 'facilitator')),
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX invitations_token_key ON invitations (token_hash)`);

    await queryRunner.query(`
      CREATE TABLE domain_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id uuid NOT NULL,
        actor_id uuid,
        payload jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX domain_events_unpublished_idx ON domain_events (id) WHERE published_at IS NULL`);
    await queryRunner.query(`CREATE INDEX domain_events_aggregate_idx ON domain_events (aggregate_type, aggregate_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['domain_events', 'invitations', 'memberships', 'cohorts', 'competencies', 'tracks', 'rooms', 'sites', 'refresh_tokens', 'users']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
