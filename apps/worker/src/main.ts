import 'reflect-metadata';
import { AppConfig, ConfigError } from '@fabrique/config';
import { createWorkerApp } from './create-worker-app.js';

async function main(): Promise<void> {
  const app = await createWorkerApp();
  await app.listen(app.get(AppConfig).WORKER_HEALTH_PORT);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
