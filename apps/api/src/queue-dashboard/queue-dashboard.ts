import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue, type QueueOptions } from 'bullmq';
import type { Express } from 'express';
import { AppConfig } from '@fabrique/config';
import { DEFAULT_JOB_OPTIONS, QUEUE_NAMES } from '@fabrique/contracts';
import { DASHBOARD_PATH, DashboardSessions } from './dashboard-sessions.js';

/** The options the worker's queues use (apps/worker/src/queues/bull-options.ts), so the dashboard sees the same Redis keys. */
export function dashboardQueueOptions(config: AppConfig): QueueOptions {
  return {
    connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
    prefix: `${config.REDIS_PREFIX}:bull`,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  };
}

/**
 * bull-board over every queue of QUEUE_NAMES, mounted at /admin/queues on the API's Express
 * instance. Its routes are plain Express, outside Nest's guards: the cookie middleware of
 * DashboardSessions in front of them is their only door.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(QueueDashboard.name);
  private queues: Queue[] = [];

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly sessions: DashboardSessions,
  ) {}

  onModuleInit(): void {
    const options = dashboardQueueOptions(this.config);
    this.queues = QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, options);
      // An unreachable Redis must not crash the API: the dashboard answers with errors until it is back.
      queue.on('error', (error) => this.logger.warn(`Queue ${name}: ${error.message}`));
      return queue;
    });
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.map((queue) => new BullMQAdapter(queue)),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Fabrique queues' } },
    });
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.use(DASHBOARD_PATH, this.sessions.guard(), serverAdapter.getRouter());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close().catch(() => undefined)));
  }
}
