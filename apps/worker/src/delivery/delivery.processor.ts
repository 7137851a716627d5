import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { QueueName } from '@fabrique/contracts';
import type { QueueJob } from '../queues/queue-job.js';
import { QueueProcessor } from '../queues/queue-processor.js';
import { EmailSender } from './email-sender.js';
import { NotificationDispatcher } from './notification-dispatcher.js';

const DELIVERY = 'delivery' satisfies QueueName;

/** Runs the jobs of the `delivery` queue: pushing notifications and planning their e-mails, then sending them. */
@Processor(DELIVERY)
export class DeliveryProcessor extends QueueProcessor<typeof DELIVERY> {
  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly sender: EmailSender,
    logger: PinoLogger,
  ) {
    super(DELIVERY, logger);
  }

  protected run(job: QueueJob<typeof DELIVERY>): Promise<unknown> {
    switch (job.name) {
      case 'dispatch-notifications':
        return this.dispatcher.dispatch();
      case 'send-emails':
        return this.sender.send();
      default:
        return this.unknownJob(job as Job);
    }
  }
}
