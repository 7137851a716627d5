import 'reflect-metadata';
import { loadConfig } from '@fabrique/config';
import { createDataSource } from '@fabrique/persistence';
import { DEMO_CALENDAR, DEMO_COHORT } from './demo-data.js';
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
    const { calendar } = result;
    if (calendar.planned) {
      console.log(
        `  calendar of ${DEMO_COHORT.name}: ${calendar.onSiteWeeks} on-site weeks in ${DEMO_CALENDAR.roomName}, ${calendar.holidayWeeks} holiday weeks, ${calendar.internshipWeeks} internship weeks`,
      );
      for (const { monday, clashes } of calendar.skipped) console.log(`    skipped ${monday}: ${clashes.map((clash) => clash.message).join('; ')}`);
    }
    const { learning } = result;
    if (learning.courses || learning.moduleAssignments || learning.briefs || learning.briefAssignments) {
      console.log(
        `  courses and briefs: ${learning.courses} course (${learning.modules} modules, ${learning.resources} resources), ${learning.moduleAssignments} modules assigned, ` +
          `${learning.briefs} briefs, ${learning.briefAssignments} assigned, ${learning.submissions} submissions, ${learning.reviews} review`,
      );
    }
    for (const module of learning.unassignable) console.log(`    not assigned, no such week in the calendar: ${module}`);
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
