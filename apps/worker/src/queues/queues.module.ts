import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AppConfig } from '@fabrique/config';
import { QUEUE_NAMES } from '@fabrique/contracts';
import { bullOptions } from './bull-options.js';
import { JobQueues } from './job-queues.js';
import { WorkerPool } from './worker-pool.js';

const queues = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })));

/** BullMQ on the deployment's Redis: every queue of QUEUE_NAMES, the typed producer, and the pool of workers. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({ inject: [AppConfig], useFactory: bullOptions }),
    queues,
    DiscoveryModule,
  ],
  providers: [
    {
      provide: JobQueues,
      inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
      useFactory: (...registered: Queue[]) => new JobQueues(new Map(QUEUE_NAMES.map((name, index) => [name, registered[index]]))),
    },
    WorkerPool,
  ],
  exports: [queues, JobQueues, WorkerPool],
})
export class QueuesModule {}
