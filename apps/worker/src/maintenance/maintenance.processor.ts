import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { QueueName } from '@fabrique/contracts';
import type { QueueJob } from '../queues/queue-job.js';
import { EvidenceRetention } from './evidence-retention.js';
import { Heartbeat } from './heartbeat.js';
import { HelpQueueUpkeep } from './help-queue-upkeep.js';

const MAINTENANCE = 'maintenance' satisfies QueueName;

/** Runs the jobs of the `maintenance` queue; the work itself is in the services it calls. */
@Processor(MAINTENANCE)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly heartbeat: Heartbeat,
    private readonly retention: EvidenceRetention,
    private readonly helpQueue: HelpQueueUpkeep,
    private readonly logger: PinoLogger,
  ) {
    super();
    logger.setContext(MaintenanceProcessor.name);
  }

  // Every log line written while the job runs, here or in a service, carries the job's id.
  override process(job: QueueJob<typeof MAINTENANCE>): Promise<unknown> {
    const bindings = { jobId: job.id, queue: job.queueName, job: job.name, attempt: job.attemptsMade + 1 };
    return this.logger.runInContext(() => this.run(job), { bindings });
  }

  private run(job: QueueJob<typeof MAINTENANCE>): Promise<unknown> {
    switch (job.name) {
      case 'heartbeat':
        return this.heartbeat.beat(job.data);
      case 'purge-expired-evidence':
        return this.retention.purge();
      case 'escalate-waiting-tickets':
        return this.helpQueue.escalate();
      case 'purge-live-history':
        return this.helpQueue.purgeHistory();
      default:
        // Retrying cannot help a job no processor knows: fail it at once.
        throw new UnrecoverableError(`Unknown job ${(job as Job).name} on queue ${MAINTENANCE}`);
    }
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
