import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { QueueName } from '@fabrique/contracts';
import type { QueueJob } from '../queues/queue-job.js';
import { QueueProcessor } from '../queues/queue-processor.js';
import { EvidenceRetention } from './evidence-retention.js';
import { Heartbeat } from './heartbeat.js';
import { HelpQueueUpkeep } from './help-queue-upkeep.js';

const MAINTENANCE = 'maintenance' satisfies QueueName;

/** Runs the jobs of the `maintenance` queue; the work itself is in the services it calls. */
@Processor(MAINTENANCE)
export class MaintenanceProcessor extends QueueProcessor<typeof MAINTENANCE> {
  constructor(
    private readonly heartbeat: Heartbeat,
    private readonly retention: EvidenceRetention,
    private readonly helpQueue: HelpQueueUpkeep,
    logger: PinoLogger,
  ) {
    super(MAINTENANCE, logger);
  }

  protected run(job: QueueJob<typeof MAINTENANCE>): Promise<unknown> {
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
        return this.unknownJob(job as Job);
    }
  }
}
