import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, JobsOptions } from 'bullmq';
import { jobId, type JobPayloads, type JobResults, SCHEDULED_JOB_OPTIONS } from '@fabrique/contracts';
import { addDays, type CohortTruth, localDateAt, planReminders, type PlannedReminder, type PlanWindow } from '@fabrique/domain';
import { JobQueues } from '../queues/job-queues.js';
import { ReminderClock } from './reminder-clock.js';
import { RemindersRepository } from './reminders.repository.js';

export const RECONCILE_SCHEDULER = 'reconcile-reminders-every-10min';
export const REACT_SCHEDULER = 'react-to-changes-every-5s';

/** Occurrences due up to this long ago are still sent (a worker down for a while), once. */
export const GRACE_MS = 6 * 3600_000;
/** How far ahead delayed jobs are kept. */
export const HORIZON_MS = 8 * 24 * 3600_000;

type FireJob = Job<JobPayloads['fire-reminder'], JobResults['fire-reminder'], 'fire-reminder'>;

/** The job id of an occurrence: deterministic, so adding it twice keeps one job. */
export const fireJobId = (key: string) => jobId('fire-reminder', key);

/** The notification keys that show an occurrence was already fanned out. */
export function occurrenceMarkers(reminder: Pick<PlannedReminder, 'kind' | 'key'>): string[] {
  if (reminder.kind === 'inactivity.check') return [reminder.key, reminder.key.replace(/^inactivity\.check:/, 'inactivity.nudge:')];
  return [reminder.key];
}

export function fireJobPayload(reminder: PlannedReminder): JobPayloads['fire-reminder'] {
  const ref = Object.fromEntries(Object.entries(reminder.ref).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return { kind: reminder.kind, key: reminder.key, cohortId: reminder.cohortId, fireAt: reminder.fireAt.toISOString(), ref };
}

/**
 * Keeps the `reminders` queue's delayed `fire-reminder` jobs equal to the plan: PostgreSQL is the
 * truth, Redis only carries the timers, so a lost or stale job is repaired by the next reconcile.
 */
@Injectable()
export class ReminderPlan implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderPlan.name);

  constructor(
    private readonly repository: RemindersRepository,
    private readonly queues: JobQueues,
    private readonly clock: ReminderClock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.upsertSchedulers();
  }

  /** Fixed scheduler ids: every worker instance upserts the same two schedules. */
  async upsertSchedulers(): Promise<void> {
    const queue = this.queues.queue('reminders');
    await queue.upsertJobScheduler(RECONCILE_SCHEDULER, { every: 10 * 60_000 }, { name: 'reconcile-reminders', data: {}, opts: SCHEDULED_JOB_OPTIONS });
    await queue.upsertJobScheduler(REACT_SCHEDULER, { every: 5_000 }, { name: 'react-to-changes', data: {}, opts: SCHEDULED_JOB_OPTIONS });
  }

  /** The window reconcile covers at `now`. */
  static window(now: Date): PlanWindow {
    return { from: new Date(now.getTime() - GRACE_MS), to: new Date(now.getTime() + HORIZON_MS) };
  }

  /** What should be planned in the window, for every active cohort or one. */
  async plan(window: PlanWindow, cohortId?: string): Promise<PlannedReminder[]> {
    return (await this.load(window, cohortId === undefined ? undefined : [cohortId])).planned;
  }

  /**
   * The truth the plan is made of, and the plan. `withDeadlines: false` skips the briefs'
   * deadlines, for a caller that only needs the cohorts' own occurrences (a kick-off checking
   * it is still due saves a query on a Monday of 400 of them).
   */
  async load(window: PlanWindow, cohortIds?: readonly string[], options: { withDeadlines?: boolean } = {}): Promise<{ cohorts: CohortTruth[]; planned: PlannedReminder[] }> {
    // Dates in UTC, one day wider each side than any zone: the planner keeps to the window itself.
    const today = addDays(localDateAt(window.from, 'UTC'), -1);
    const until = addDays(localDateAt(window.to, 'UTC'), 1);
    const cohorts = await this.repository.cohortTruths(today, until, cohortIds);
    const deadlinesUntil = new Date(window.to.getTime() + 48 * 3600_000);
    const assignments =
      options.withDeadlines === false
        ? []
        : await this.repository.assignmentTruths(
            cohorts.map((cohort) => cohort.cohortId),
            window.from,
            deadlinesUntil,
          );
    return { cohorts, planned: planReminders(cohorts, assignments, window) };
  }

  /** Repairs the delayed jobs of every active cohort over [now − 6 h, now + 8 days). */
  async reconcile(now: Date = this.clock.now()): Promise<JobResults['reconcile-reminders']> {
    await this.repository.forgetFiringsBefore(new Date(now.getTime() - 4 * GRACE_MS));
    return this.sync(now);
  }

  /** The same, for one cohort (after a change to its calendar, briefs or settings). */
  replanCohort(cohortId: string, now: Date = this.clock.now()): Promise<JobResults['reconcile-reminders']> {
    return this.sync(now, [cohortId]);
  }

  /** The same for several cohorts at once (one read of the queue). */
  replanCohorts(cohortIds: readonly string[], now: Date = this.clock.now()): Promise<JobResults['reconcile-reminders']> {
    if (cohortIds.length === 0) return Promise.resolve({ planned: 0, added: 0, moved: 0, removed: 0 });
    return this.sync(now, cohortIds);
  }

  private async sync(now: Date, cohortIds?: readonly string[]): Promise<JobResults['reconcile-reminders']> {
    const window = ReminderPlan.window(now);
    const { planned } = await this.load(window, cohortIds);
    const scope = cohortIds ? new Set(cohortIds) : undefined;
    const queue = this.queues.queue('reminders');
    const pending = ((await queue.getJobs(['delayed', 'waiting', 'prioritized'])) as FireJob[]).filter(
      (job): job is FireJob => job?.name === 'fire-reminder' && (scope === undefined || scope.has(job.data.cohortId)),
    );
    const pendingById = new Map(pending.map((job) => [job.id as string, job]));
    const plannedIds = new Set(planned.map((reminder) => fireJobId(reminder.key)));

    let removed = 0;
    const movedKeys = new Set<string>();
    const remove = async (job: Job) => {
      try {
        return (await queue.remove(job.id as string)) === 1;
      } catch (error) {
        // Taken by a worker meanwhile: it checks the plan itself when it runs.
        this.logger.warn({ jobId: job.id, err: error }, 'reminder job not removed');
        return false;
      }
    };
    for (const job of pending) {
      const fireAt = new Date(job.data.fireAt).getTime();
      const inWindow = fireAt >= window.from.getTime() && fireAt < window.to.getTime();
      if (inWindow && !plannedIds.has(job.id as string) && (await remove(job))) removed++;
    }

    const toAdd: PlannedReminder[] = [];
    for (const reminder of planned) {
      const job = pendingById.get(fireJobId(reminder.key));
      if (job) {
        if (job.data.fireAt === reminder.fireAt.toISOString()) continue;
        if (!(await remove(job))) continue;
        movedKeys.add(reminder.key);
      }
      toAdd.push(reminder);
    }
    // Past occurrences (within the grace period) are sent late, unless they were sent already.
    const late = toAdd.filter((reminder) => reminder.fireAt.getTime() <= now.getTime());
    const notified = await this.repository.notifiedKeys(late.flatMap(occurrenceMarkers));
    const candidates = toAdd.filter((reminder) => reminder.fireAt.getTime() > now.getTime() || !occurrenceMarkers(reminder).some((key) => notified.has(key)));
    // A job kept under the same id after it ran would make the add a no-op: that is the point for
    // one that did its work, but one that failed for good, or found itself stale because its time
    // changed before the move reached Redis, must make way for the occurrence as planned now.
    const finished = await Promise.all(candidates.map((reminder) => queue.getJob(fireJobId(reminder.key)) as Promise<FireJob | undefined>));
    const adds: PlannedReminder[] = [];
    for (const [index, reminder] of candidates.entries()) {
      const job = finished[index];
      if (job && !(await this.makesWay(job, reminder, remove))) continue;
      adds.push(reminder);
    }
    const moved = adds.filter((reminder) => movedKeys.has(reminder.key)).length;
    const added = adds.length - moved;
    removed += movedKeys.size - moved;
    if (adds.length > 0) {
      // BullMQ counts a delay from when the job is added, so it is taken from the clock now, not
      // from `now`: reading 1,200 cohorts took 1 to 2.6 s (measured), and the jobs fired that late.
      const addedAt = this.clock.now().getTime();
      await queue.addBulk(
        adds.map((reminder) => ({
          name: 'fire-reminder',
          data: fireJobPayload(reminder),
          opts: { jobId: fireJobId(reminder.key), delay: Math.max(0, reminder.fireAt.getTime() - addedAt) } satisfies JobsOptions,
        })),
      );
    }
    const result = { planned: planned.length, added, moved, removed };
    if (added > 0 || moved > 0 || removed > 0) this.logger.log({ ...result, cohorts: cohortIds?.length }, 'reminder jobs reconciled');
    return result;
  }

  private async makesWay(job: FireJob, reminder: PlannedReminder, remove: (job: Job) => Promise<boolean>): Promise<boolean> {
    const state = await job.getState();
    const staleAtAnotherTime = state === 'completed' && job.returnvalue?.skipped === 'stale' && job.data.fireAt !== reminder.fireAt.toISOString();
    if (state === 'failed' || staleAtAnotherTime) return remove(job);
    return false;
  }
}
