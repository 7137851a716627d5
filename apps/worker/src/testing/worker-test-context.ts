import type { NestExpressApplication } from '@nestjs/platform-express';
import { type JobState, Queue } from 'bullmq';
import request from 'supertest';
import { loadConfig } from '@fabrique/config';
import type { QueueName } from '@fabrique/contracts';
import { createWorkerApp } from '../create-worker-app.js';
import { bullOptions } from '../queues/bull-options.js';
import { JobQueues } from '../queues/job-queues.js';

/** One worker built as main.ts builds it, on the Jest worker's own database and Redis prefix. */
export class WorkerTestContext {
  app: NestExpressApplication;
  queues: JobQueues;

  async start(): Promise<this> {
    this.app = await createWorkerApp();
    await this.app.init();
    this.queues = this.app.get(JobQueues);
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }

  http() {
    return request(this.app.getHttpServer());
  }
}

/** Polls a job's state, through a queue of its own, until it is one of `states`; works while no worker app runs. */
export async function untilJobIs(queueName: QueueName, id: string, states: JobState[]): Promise<JobState> {
  const queue = new Queue(queueName, bullOptions(loadConfig()));
  try {
    for (let waited = 0; ; waited += 20) {
      const state = await queue.getJobState(id);
      if ((states as string[]).includes(state)) return state as JobState;
      if (waited > 10_000) throw new Error(`job ${id} stayed ${state}, expected ${states.join(' or ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await queue.close();
  }
}
