import { createDataSource } from '../data-source.js';

describe('migrations', () => {
  it('have been applied to the worker database, and revert and re-apply cleanly', async () => {
    const dataSource = await createDataSource(process.env.DATABASE_URL as string).initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      const queryRunner = dataSource.createQueryRunner();
      try {
        await queryRunner.startTransaction();
        // Reverting inside a transaction that we roll back keeps the shared worker database intact.
        for (const migration of [...dataSource.migrations].reverse()) await migration.down(queryRunner);
        expect(await queryRunner.hasTable('users')).toBe(false);
        for (const migration of dataSource.migrations) await migration.up(queryRunner);
        expect(await queryRunner.hasTable('users')).toBe(true);
      } finally {
        await queryRunner.rollbackTransaction();
        await queryRunner.release();
      }
    } finally {
      await dataSource.destroy();
    }
  });

  it('enforces case-insensitive unique e-mails in the database', async () => {
    const dataSource = await createDataSource(process.env.DATABASE_URL as string).initialize();
    try {
      await expect(
        dataSource.query(`INSERT INTO users (email, display_name) VALUES ('Upper@Exemple.fr', 'X')`),
      ).rejects.toThrow(/check/i);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('the migration list', () => {
  it('names every migration file once, in order (the test template is migrated from the files)', async () => {
    const { readdirSync } = await import('node:fs');
    const { MIGRATIONS } = await import('../data-source.js');
    const files = readdirSync(new URL('.', import.meta.url))
      .filter((file) => /^\d+-[a-z0-9-]+\.ts$/.test(file))
      .sort();
    const timestamps = files.map((file) => file.split('-')[0]);
    expect(MIGRATIONS.map((migration) => migration.name.match(/\d+$/)?.[0])).toEqual(timestamps);
  });
});
