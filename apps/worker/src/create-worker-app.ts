import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@fabrique/config';
import { configureHttpApp } from '@fabrique/observability';
import { WorkerModule } from './worker.module.js';

/**
 * Builds the worker exactly as it runs. Its HTTP server serves the health checks
 * only (an orchestrator probes them); the work arrives through the queues.
 * Workers start taking jobs at init.
 */
export async function createWorkerApp(): Promise<NestExpressApplication> {
  loadConfig(); // fail fast, before Nest starts, with the message naming every bad variable
  const app = await NestFactory.create<NestExpressApplication>(WorkerModule, { bufferLogs: true });
  configureHttpApp(app);
  return app;
}
