import pg from 'pg';

/** Where the tests' PostgreSQL server answers; the default is this machine's. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(database: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Names carry the Jest run's pid, so two runs on one machine never touch each other's databases. */
export const templateName = (run: string) => `fabrique_test_${run}_template`;
export const workerDatabaseName = (run: string, worker: string | number) => `fabrique_test_${run}_w${worker}`;

export async function withServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
