import { withServer } from './test-databases.ts';
import { deleteTestKeys } from './test-redis.ts';

export default async function globalTeardown(): Promise<void> {
  const run = process.env.FABRIQUE_TEST_RUN;
  if (!run) return;
  await withServer(async (server) => {
    const { rows } = await server.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `fabrique_test_${run}_%`,
    ]);
    for (const { datname } of rows) await server.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
  await deleteTestKeys((keyRun) => keyRun === run);
}
