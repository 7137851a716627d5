import type { Provider } from '@nestjs/common';
import { EXTRA_READINESS_CHECKS, type ReadinessCheck } from '@fabrique/observability';
import { JobQueues } from './job-queues.js';
import { WorkerPool } from './worker-pool.js';

/** The worker is ready when its queues answer and each has a running worker (it stops being ready while it drains). */
export const queueReadinessChecks: Provider = {
  provide: EXTRA_READINESS_CHECKS,
  inject: [JobQueues, WorkerPool],
  useFactory: (queues: JobQueues, pool: WorkerPool): ReadinessCheck[] => [
    { name: 'queue', probe: () => queues.ping() },
    { name: 'worker', probe: async () => pool.assertRunning() },
  ],
};
