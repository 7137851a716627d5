import type { Job, JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, type JobName, type JobPayloads, type JobResults, type QueueName } from '@fabrique/contracts';

type TypedJob<N extends JobName> = Job<JobPayloads[N], JobResults[N], N>;

/** Every queue of the deployment, to add typed jobs to the queue that carries them. */
export class JobQueues {
  constructor(private readonly queues: ReadonlyMap<QueueName, Queue>) {}

  /** With a deterministic `jobId` (see jobId()), adding the same work again is a no-op. */
  add<N extends JobName>(name: N, payload: JobPayloads[N], options: Pick<JobsOptions, 'jobId' | 'delay'> = {}): Promise<TypedJob<N>> {
    return this.queue(JOB_QUEUE[name]).add(name, payload, options) as Promise<TypedJob<N>>;
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Queue ${name} is not registered`);
    return queue;
  }

  /** A round trip to every queue's Redis connection, for readiness. */
  async ping(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.getJobCounts('waiting')));
  }
}
