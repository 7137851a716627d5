import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { jobId, type JobPayloads, type JobResults, type ReminderKind } from '@fabrique/contracts';
import { addDays, type CohortTruth, localDateTimeToInstant, type PlannedReminder } from '@fabrique/domain';
import { type NewNotification, recordNotifications } from '@fabrique/persistence';
import { JobQueues } from '../queues/job-queues.js';
import { ReminderPlan } from './reminder-plan.js';
import { RemindersRepository } from './reminders.repository.js';

/** Notifications are written this many rows per statement: 10,000 learners cost ten statements. */
export const NOTIFICATION_BATCH = 1_000;
/** A learner without activity this long is nudged on the Thursday check. */
export const INACTIVITY_MS = 3 * 24 * 3600_000;

type Notification = NewNotification & { kind: ReminderKind };

/** Writes notifications in batches, each one statement, skipping those already written. */
export async function writeNotifications(
  manager: EntityManager,
  notifications: readonly Notification[],
  afterBatch: (index: number) => Promise<void> = async () => undefined,
): Promise<number> {
  let written = 0;
  for (let start = 0, index = 0; start < notifications.length; start += NOTIFICATION_BATCH, index++) {
    written += await recordNotifications(manager, notifications.slice(start, start + NOTIFICATION_BATCH));
    await afterBatch(index);
  }
  return written;
}

/**
 * Fires one planned occurrence: checks it is still planned at that time against the truth of
 * now, chooses its recipients from that truth, and writes their notifications. Each notification
 * is unique per user, kind and occurrence key, so a job run twice, two jobs for one key, or a
 * fan-out cut short and run again never notify anyone twice.
 */
@Injectable()
export class ReminderFanout {
  private readonly logger = new Logger(ReminderFanout.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: RemindersRepository,
    private readonly plan: ReminderPlan,
    private readonly queues: JobQueues,
  ) {}

  async fire(job: JobPayloads['fire-reminder']): Promise<JobResults['fire-reminder']> {
    const fireAt = new Date(job.fireAt);
    if (Number.isNaN(fireAt.getTime())) return { notified: 0, skipped: 'invalid' };
    const { cohorts, planned } = await this.plan.load({ from: new Date(fireAt.getTime() - 60_000), to: new Date(fireAt.getTime() + 60_000) }, [job.cohortId], {
      withDeadlines: job.kind === 'brief.deadline',
    });
    const reminder = planned.find((candidate) => candidate.key === job.key && candidate.fireAt.getTime() === fireAt.getTime());
    const cohort = cohorts.find((candidate) => candidate.cohortId === job.cohortId);
    if (!reminder || !cohort) {
      this.logger.log({ key: job.key }, 'reminder no longer planned: skipped');
      return { notified: 0, skipped: 'stale' };
    }
    const notifications = await this.notificationsOf(reminder, cohort);
    if (notifications === 'stale') return { notified: 0, skipped: 'stale' };
    const notified = await writeNotifications(this.dataSource.manager, notifications, (index) => this.batchWritten(index));
    await this.repository.recordFiring(job.key, notified);
    // Even when nothing was new: an earlier attempt may have written them and stopped before this.
    if (notifications.length > 0) await this.pokeDelivery();
    this.logger.log({ key: job.key, recipients: notifications.length, notified }, 'reminder fired');
    return { notified };
  }

  /** Called after each batch is written; a seam for tests that cut a fan-out short. */
  async batchWritten(_index: number): Promise<void> {}

  async pokeDelivery(): Promise<void> {
    await this.queues.add('dispatch-notifications', {}, { jobId: jobId('dispatch-notifications', String(Math.floor(Date.now() / 1000))) });
  }

  private async notificationsOf(reminder: PlannedReminder, cohort: CohortTruth): Promise<Notification[] | 'stale'> {
    const { cohortId, key } = reminder;
    const { monday, date, assignmentId, offset } = reminder.ref;
    const to = (userIds: readonly string[], kind: ReminderKind, payload: Record<string, unknown>, occurrenceKey = key): Notification[] =>
      userIds.map((userId) => ({ userId, kind, occurrenceKey, payload }));
    const ids = (rows: ReadonlyArray<{ userId: string }>) => rows.map((row) => row.userId);

    switch (reminder.kind) {
      case 'week.kickoff': {
        const week = monday as string;
        const [from, until] = [week, addDays(week, 7)].map((day) => localDateTimeToInstant(day, '00:00', cohort.timeZone));
        const facts = await this.repository.kickoff(cohortId, week, from, until);
        const learners = await this.repository.members(cohortId, ['learner']);
        return to(ids(learners), 'week.kickoff', { cohortId, monday: week, ...facts });
      }
      case 'onsite.coming': {
        const week = await this.repository.onSiteWeek(cohortId, monday as string);
        if (!week) return 'stale';
        const members = await this.repository.members(cohortId, ['learner', 'facilitator']);
        return to(ids(members), 'onsite.coming', { cohortId, offset, ...week });
      }
      case 'brief.deadline': {
        const deadline = await this.repository.deadline(assignmentId as string);
        if (!deadline) return 'stale';
        const learners = await this.repository.nonSubmitters(deadline.assignmentId);
        return to(learners, 'brief.deadline', { ...deadline, offset });
      }
      case 'inactivity.check': {
        const inactive = await this.repository.inactiveLearners(cohortId, new Date(reminder.fireAt.getTime() - INACTIVITY_MS));
        if (inactive.length === 0) return [];
        const facilitators = await this.repository.members(cohortId, ['facilitator']);
        // One nudge per learner per week, whatever checks run that week.
        const nudgeKey = `inactivity.nudge:${cohortId}:${monday}`;
        return [
          ...to(ids(inactive), 'inactivity.nudge', { cohortId, monday, since: new Date(reminder.fireAt.getTime() - INACTIVITY_MS).toISOString() }, nudgeKey),
          ...to(ids(facilitators), 'inactivity.report', { cohortId, monday, learners: inactive }),
        ];
      }
      case 'facilitator.digest': {
        const facts = await this.repository.digest(cohortId, reminder.fireAt, date as string);
        const facilitators = await this.repository.members(cohortId, ['facilitator']);
        return to(ids(facilitators), 'facilitator.digest', { cohortId, date, ...facts });
      }
    }
  }
}
