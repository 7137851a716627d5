import 'reflect-metadata';
import { loadConfig } from '@fabrique/config';
import { createDataSource } from '@fabrique/persistence';
import { seedDemo } from './demo-seed.js';

/**
 * `npm run seed`: writes the demo school. `--json` prints the outcome (ids, logins) as one JSON
 * line for `npm start`. Refuses production, where accounts with a published password have no place.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.NODE_ENV === 'production' && !process.argv.includes('--allow-production')) {
    throw new Error('Refusing to create demo accounts with a published password in production (pass --allow-production to insist).');
  }
  const dataSource = await createDataSource(config.DATABASE_URL).initialize();
  try {
    if (await dataSource.showMigrations()) throw new Error('The database schema is not up to date: run `npm run migrate` first.');
    const result = await seedDemo(dataSource);
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(
      result.created || result.updated
        ? `Demo data written: ${result.created} rows created, ${result.updated} updated.`
        : 'Demo data already in place.',
    );
    for (const login of result.logins) console.log(`  ${login.role.padEnd(11)} ${login.email.padEnd(32)} ${login.displayName}`);
    console.log(`  password for all: ${result.password}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
