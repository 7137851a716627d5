import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';
import type { QueueName } from '@fabrique/contracts';
import type { QueueJob } from './queue-job.js';

/**
 * What every queue's processor shares: each log line written while a job runs (here or in a
 * service) carries the job's id, an unknown job fails at once, failures and worker errors
 * are logged. A subclass names its queue and switches over its jobs in `run`.
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost {
  protected constructor(
    private readonly queue: Q,
    protected readonly logger: PinoLogger,
  ) {
    super();
    logger.setContext(new.target.name);
  }

  override process(job: QueueJob<Q>): Promise<unknown> {
    const bindings = { jobId: job.id, queue: job.queueName, job: job.name, attempt: job.attemptsMade + 1 };
    return this.logger.runInContext(() => this.run(job), { bindings });
  }

  protected abstract run(job: QueueJob<Q>): Promise<unknown>;

  /** Retrying cannot help a job no processor knows: fail it at once. */
  protected unknownJob(job: Job): never {
    throw new UnrecoverableError(`Unknown job ${job.name} on queue ${this.queue}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error }, 'job failed');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error({ err: error }, 'worker error');
  }
}
