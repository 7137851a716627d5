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

/** What each job returns (kept on the completed job for a while, see DEFAULT_JOB_OPTIONS). */
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
 * BullMQ job options every producer applies (they are read where a job is added,
 * not where it runs). Retries back off exponentially: 5 s, 10 s, 20 s, 40 s.
 * Completed jobs are kept a day so that a deterministic job id added again
 * in that time is recognised as done and not run twice.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

/**
 * A deterministic job id: the same work always gets the same id, so adding it twice
 * runs it once. BullMQ refuses ":" in custom ids, so it is replaced.
 */
export function jobId(name: JobName, ...keys: string[]): string {
  return [name, ...keys].join('.').replaceAll(':', '_');
}
