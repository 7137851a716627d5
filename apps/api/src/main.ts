import 'reflect-metadata';
import { AppConfig, ConfigError } from '@fabrique/config';
import { createApiApp } from './create-api-app.js';

async function main(): Promise<void> {
  const app = await createApiApp();
  const port = app.get(AppConfig).API_PORT;
  await app.listen(port);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
