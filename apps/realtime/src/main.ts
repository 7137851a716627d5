import 'reflect-metadata';
import { AppConfig, ConfigError } from '@fabrique/config';
import { createRealtimeApp } from './create-realtime-app.js';

async function main(): Promise<void> {
  const app = await createRealtimeApp();
  await app.listen(app.get(AppConfig).REALTIME_PORT);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
