import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@fabrique/config';
import { configureHttpApp } from '@fabrique/observability';
import { ApiModule } from './api.module.js';
import { serveWebApp } from './web-app/serve-web-app.js';

/** Builds the API exactly as it runs: main.ts listens on it, tests drive it with supertest. */
export async function createApiApp(): Promise<NestExpressApplication> {
  loadConfig(); // fail fast, before Nest starts, with the message naming every bad variable
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  configureHttpApp(app, {
    apiPrefix: 'api',
    openApi: { title: 'Fabrique API', description: 'Courses, briefs, peer help and the calendar of blended cohorts' },
  });
  serveWebApp(app);
  return app;
}
