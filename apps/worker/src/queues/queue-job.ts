import type { Job } from 'bullmq';
import type { JobPayloads, JobResults, JobsOfQueue, QueueName } from '@fabrique/contracts';

/** A job of queue Q: switching on `job.name` narrows `job.data` to that job's payload. */
export type QueueJob<Q extends QueueName> = { [N in JobsOfQueue<Q>]: Job<JobPayloads[N], JobResults[N], N> }[JobsOfQueue<Q>];
