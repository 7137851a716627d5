import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type JobResults, SCHEDULED_JOB_OPTIONS } from '@fabrique/contracts';
import { ESCALATION_DELAY_MINUTES } from '@fabrique/domain';
import { HelpQueue } from '@fabrique/help-queue';
import { JobQueues } from '../queues/job-queues.js';

export const TICKET_ESCALATION_SCHEDULER = 'escalate-waiting-tickets-every-30s';
export const LIVE_HISTORY_PURGE_SCHEDULER = 'purge-live-history-daily';
/** Live events are kept a month for reconnecting clients; command results a week for retries. */
export const LIVE_EVENT_DAYS = 30;
export const LIVE_COMMAND_DAYS = 7;

/**
 * The help queue's upkeep. Help tickets nobody claimed within ten minutes are escalated to every facilitator of their
 * cohort, once. The scan runs every 30 seconds from a job scheduler shared by all worker
 * instances; each ticket is marked when escalated, so a rerun or a second worker escalates nothing twice.
 */
@Injectable()
export class HelpQueueUpkeep implements OnApplicationBootstrap {
  private readonly logger = new Logger(HelpQueueUpkeep.name);

  constructor(
    private readonly queue: HelpQueue,
    private readonly queues: JobQueues,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue('maintenance')
      .upsertJobScheduler(TICKET_ESCALATION_SCHEDULER, { every: 30_000 }, { name: 'escalate-waiting-tickets', data: {}, opts: SCHEDULED_JOB_OPTIONS });
    await this.queues
      .queue('maintenance')
      .upsertJobScheduler(LIVE_HISTORY_PURGE_SCHEDULER, { pattern: '45 3 * * *', tz: 'Europe/Paris' }, { name: 'purge-live-history', data: {} });
  }

  purgeHistory(): Promise<JobResults['purge-live-history']> {
    return this.queue.purgeHistory(LIVE_EVENT_DAYS, LIVE_COMMAND_DAYS);
  }

  async escalate(): Promise<JobResults['escalate-waiting-tickets']> {
    const escalated = await this.queue.escalateOverdue(ESCALATION_DELAY_MINUTES);
    if (escalated > 0) this.logger.log({ escalated }, 'waiting help tickets escalated');
    return { escalated };
  }
}
