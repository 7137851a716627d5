import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Worker } from 'bullmq';
import { QUEUE_NAMES } from '@fabrique/contracts';

/** The BullMQ workers of this process, one per @Processor class. */
@Injectable()
export class WorkerPool implements BeforeApplicationShutdown {
  constructor(private readonly discovery: DiscoveryService) {}

  /** Throws unless every queue has a worker here that is running and not shutting down. */
  assertRunning(): void {
    const running = new Set(this.workers().filter((worker) => worker.isRunning() && !worker.closing).map((worker) => worker.name));
    const missing = QUEUE_NAMES.filter((queue) => !running.has(queue));
    if (missing.length > 0) throw new Error(`No running worker for queue ${missing.join(', ')}`);
  }

  /**
   * Stops taking jobs and waits for the active ones to finish. Done before shutdown
   * proper, so that the database and Redis connections those jobs use are still open.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers().map((worker) => worker.close()));
  }

  private workers(): Worker[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
  }
}
