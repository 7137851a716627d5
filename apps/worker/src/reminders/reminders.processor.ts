import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { QueueName } from '@fabrique/contracts';
import type { QueueJob } from '../queues/queue-job.js';
import { QueueProcessor } from '../queues/queue-processor.js';
import { ChangeReactor } from './change-reactor.js';
import { ReminderFanout } from './reminder-fanout.js';
import { ReminderPlan } from './reminder-plan.js';

const REMINDERS = 'reminders' satisfies QueueName;

/** Runs the jobs of the `reminders` queue; the work itself is in the services it calls. */
@Processor(REMINDERS)
export class RemindersProcessor extends QueueProcessor<typeof REMINDERS> {
  constructor(
    private readonly plan: ReminderPlan,
    private readonly fanout: ReminderFanout,
    private readonly changes: ChangeReactor,
    logger: PinoLogger,
  ) {
    super(REMINDERS, logger);
  }

  protected run(job: QueueJob<typeof REMINDERS>): Promise<unknown> {
    switch (job.name) {
      case 'fire-reminder':
        return this.fanout.fire(job.data);
      case 'reconcile-reminders':
        return this.plan.reconcile();
      case 'react-to-changes':
        return this.changes.react();
      default:
        return this.unknownJob(job as Job);
    }
  }
}
