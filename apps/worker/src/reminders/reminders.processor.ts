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

/**
 * Jobs of this queue one worker runs at once. A kick-off job mostly waits on PostgreSQL round trips
 * (measured: one at a time left the worker at 38% and PostgreSQL at 51% of a core), and the jobs
 * are safe side by side, as they are across worker instances: fan-outs are idempotent per
 * occurrence, the change reactor locks its events with SKIP LOCKED.
 */
export const REMINDERS_CONCURRENCY = 8;

/** Runs the jobs of the `reminders` queue; the work itself is in the services it calls. */
@Processor(REMINDERS, { concurrency: REMINDERS_CONCURRENCY })
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
