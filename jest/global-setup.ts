import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type MigrationInterface } from 'typeorm';
import { databaseUrl, templateName, withServer, workerDatabaseName } from './test-databases.ts';
import { deleteTestKeys } from './test-redis.ts';

interface GlobalConfig {
  maxWorkers: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Jest loads this file as CommonJS, outside the ESM module graph of the code under
 * test, so it requires the migration files by path. Migrations import nothing but
 * typeorm's types, and a persistence spec checks that MIGRATIONS lists these files.
 */
type MigrationClass = new () => MigrationInterface;

function loadMigrationClasses(): MigrationClass[] {
  const folder = join(__dirname, '../libs/persistence/src/migrations');
  return readdirSync(folder)
    .filter((file) => /^\d+-[a-z0-9-]+\.ts$/.test(file))
    .sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS context, see above
    .flatMap((file) => Object.values(require(join(folder, file)) as Record<string, MigrationClass>));
}

/**
 * Migrates a template database once, then clones it for every Jest worker
 * (CREATE DATABASE … TEMPLATE is a file copy: far faster than migrating each).
 */
export default async function globalSetup(globalConfig: GlobalConfig): Promise<void> {
  const run = String(process.pid);
  process.env.FABRIQUE_TEST_RUN = run;
  const template = templateName(run);

  await withServer(async (server) => {
    // Databases left by runs that were killed before their teardown.
    const { rows } = await server.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'fabrique\\_test\\_%'`,
    );
    for (const { datname } of rows) {
      const pid = Number(datname.split('_')[2]);
      if (!isAlive(pid)) await server.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await server.query(`CREATE DATABASE "${template}"`);
  });
  await deleteTestKeys((keyRun) => !isAlive(Number(keyRun)));

  const dataSource = await new DataSource({
    type: 'postgres',
    url: databaseUrl(template),
    migrations: loadMigrationClasses(),
  }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  await withServer(async (server) => {
    for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker++) {
      const name = workerDatabaseName(run, worker);
      await server.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      // Test data need not survive a crash: skip waiting for the disk on commit.
      await server.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
    }
  });
}
