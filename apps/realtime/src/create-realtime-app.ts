import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, loadConfig } from '@fabrique/config';
import { configureHttpApp } from '@fabrique/observability';
import { RealtimeModule } from './realtime.module.js';
import { RedisIoAdapter } from './redis-io.adapter.js';

/**
 * Builds the realtime service exactly as it runs: socket.io and the health checks
 * share one HTTP server. main.ts listens on it; tests listen on port 0.
 */
export async function createRealtimeApp(): Promise<NestExpressApplication> {
  loadConfig(); // fail fast, before Nest starts, with the message naming every bad variable
  const app = await NestFactory.create<NestExpressApplication>(RealtimeModule, { bufferLogs: true });
  configureHttpApp(app);
  const adapter = new RedisIoAdapter(app, app.get(AppConfig));
  await adapter.connect();
  app.useWebSocketAdapter(adapter);
  return app;
}
