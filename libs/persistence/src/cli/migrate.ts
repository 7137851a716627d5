import { loadConfig } from '@fabrique/config';
import { createDataSource } from '../data-source.js';

/** `npm run migrate`: applies pending migrations, or reverts the last one with `--revert`. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource(config.DATABASE_URL).initialize();
  try {
    if (process.argv.includes('--revert')) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}.` : 'Database schema is up to date.');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
