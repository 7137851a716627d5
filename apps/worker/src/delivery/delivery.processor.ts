import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { QueueName } from '@fabrique/contracts';
import type { QueueJob } from '../queues/queue-job.js';
import { EmailSender } from './email-sender.js';
import { NotificationDispatcher } from './notification-dispatcher.js';

const DELIVERY = 'delivery' satisfies QueueName;

/** Runs the jobs of the `delivery` queue: pushing notifications and planning their e-mails, then sending them. */
@Processor(DELIVERY)
export class DeliveryProcessor extends WorkerHost {
  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly sender: EmailSender,
    private readonly logger: PinoLogger,
  ) {
    super();
    logger.setContext(DeliveryProcessor.name);
  }

  // Every log line written while the job runs, here or in a service, carries the job's id.
  override process(job: QueueJob<typeof DELIVERY>): Promise<unknown> {
    const bindings = { jobId: job.id, queue: job.queueName, job: job.name, attempt: job.attemptsMade + 1 };
    return this.logger.runInContext(() => this.run(job), { bindings });
  }

  private run(job: QueueJob<typeof DELIVERY>): Promise<unknown> {
    switch (job.name) {
      case 'dispatch-notifications':
        return this.dispatcher.dispatch();
      case 'send-emails':
        return this.sender.send();
      default:
        // Retrying cannot help a job no processor knows: fail it at once.
        throw new UnrecoverableError(`Unknown job ${(job as Job).name} on queue ${DELIVERY}`);
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
