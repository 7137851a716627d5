import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { QueueName } from '@fabrique/contracts';
import type { QueueJob } from '../queues/queue-job.js';
import { ChangeReactor } from './change-reactor.js';
import { ReminderFanout } from './reminder-fanout.js';
import { ReminderPlan } from './reminder-plan.js';

const REMINDERS = 'reminders' satisfies QueueName;

/** Runs the jobs of the `reminders` queue; the work itself is in the services it calls. */
@Processor(REMINDERS)
export class RemindersProcessor extends WorkerHost {
  constructor(
    private readonly plan: ReminderPlan,
    private readonly fanout: ReminderFanout,
    private readonly changes: ChangeReactor,
    private readonly logger: PinoLogger,
  ) {
    super();
    logger.setContext(RemindersProcessor.name);
  }

  // Every log line written while the job runs, here or in a service, carries the job's id.
  override process(job: QueueJob<typeof REMINDERS>): Promise<unknown> {
    const bindings = { jobId: job.id, queue: job.queueName, job: job.name, attempt: job.attemptsMade + 1 };
    return this.logger.runInContext(() => this.run(job), { bindings });
  }

  private run(job: QueueJob<typeof REMINDERS>): Promise<unknown> {
    switch (job.name) {
      case 'fire-reminder':
        return this.fanout.fire(job.data);
      case 'reconcile-reminders':
        return this.plan.reconcile();
      case 'react-to-changes':
        return this.changes.react();
      default:
        // Retrying cannot help a job no processor knows: fail it at once.
        throw new UnrecoverableError(`Unknown job ${(job as Job).name} on queue ${REMINDERS}`);
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
