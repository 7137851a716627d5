/** Every BullMQ queue. Names may not contain ":", which BullMQ uses in its Redis keys. */
export const QUEUE_NAMES = ['maintenance', 'reminders', 'delivery'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** The payload of each job, by job name. */
export interface JobPayloads {
  /** Proves the path producer → Redis → worker → PostgreSQL and Redis works end to end. */
  heartbeat: { requestedAt: string };
  /** Deletes attendance evidence older than its three-year retention (run daily by a job scheduler). */
  'purge-expired-evidence': Record<string, never>;
  /** Escalates help tickets nobody claimed in time to every facilitator of their cohort (run every 30 s). */
  'escalate-waiting-tickets': Record<string, never>;
  /** Deletes live events and command results no reconnecting client needs any more (nightly). */
  'purge-live-history': Record<string, never>;
  /** One planned reminder occurrence, delayed until it is due (job id from its key). */
  'fire-reminder': { kind: string; key: string; cohortId: string; fireAt: string; ref: Record<string, string> };
  /** Recomputes the plan of the coming days and repairs the delayed jobs (job scheduler). */
  'reconcile-reminders': Record<string, never>;
  /** Reads the domain events not yet handled and replans what they change (job scheduler). */
  'react-to-changes': Record<string, never>;
  /** Pushes new notifications to sockets and plans their e-mails (job scheduler, and after each fan-out). */
  'dispatch-notifications': Record<string, never>;
  /** Sends the e-mails that are due, single or as a digest (job scheduler, and after each dispatch). */
  'send-emails': Record<string, never>;
}

/** What each job returns (kept on the completed job for a minute, see FINISHED_JOB_RETENTION). */
export interface JobResults {
  heartbeat: { requestedAt: string; processedAt: string };
  'purge-expired-evidence': { deleted: number };
  'escalate-waiting-tickets': { escalated: number };
  'purge-live-history': { events: number; commands: number };
  'fire-reminder': { notified: number; skipped?: string };
  'reconcile-reminders': { planned: number; added: number; moved: number; removed: number };
  'react-to-changes': { events: number; cohorts: number };
  'dispatch-notifications': { dispatched: number; emails: number };
  'send-emails': { sent: number; failed: number };
}

export type JobName = keyof JobPayloads;

/** The queue that carries each job; a queue may carry several jobs. */
export const JOB_QUEUE = {
  heartbeat: 'maintenance',
  'purge-expired-evidence': 'maintenance',
  'escalate-waiting-tickets': 'maintenance',
  'purge-live-history': 'maintenance',
  'fire-reminder': 'reminders',
  'reconcile-reminders': 'reminders',
  'react-to-changes': 'reminders',
  'dispatch-notifications': 'delivery',
  'send-emails': 'delivery',
} as const satisfies Record<JobName, QueueName>;

/** The names of the jobs a queue carries, so its processor can switch over them exhaustively. */
export type JobsOfQueue<Q extends QueueName> = { [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never }[JobName];

/**
 * How long finished jobs stay in Redis: a minute, for whoever added one to read its result (the
 * dashboard, a test), then they go, so Redis returns to its size after a burst such as the Monday
 * kick-off (measured by the bench). Trimming runs when a later job of the queue finishes, and each
 * queue has a job scheduler every few seconds. A deterministic job id added again after that runs
 * again: every job is idempotent, and reminders that fired are kept in PostgreSQL
 * (reminder_firings), not by their job.
 */
export const FINISHED_JOB_RETENTION = { age: 60, count: 1_000 } as const;

/**
 * BullMQ job options every producer applies (they are read where a job is added,
 * not where it runs). Retries back off exponentially: 5 s, 10 s, 20 s, 40 s.
 * Failed jobs stay two weeks, to be read and retried from the dashboard.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: FINISHED_JOB_RETENTION,
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

/**
 * A deterministic job id: the same work always gets the same id, so adding it twice
 * runs it once. BullMQ refuses ":" in custom ids, so it is replaced.
 */
export function jobId(name: JobName, ...keys: string[]): string {
  return [name, ...keys].join('.').replaceAll(':', '_');
}

/** Options of the jobs a job scheduler repeats: finished ones trim the queue every few seconds (see FINISHED_JOB_RETENTION); the last 100 failures stay. */
export const SCHEDULED_JOB_OPTIONS = { removeOnComplete: FINISHED_JOB_RETENTION, removeOnFail: 100 } as const;
