/** Whole percent done, rounded down so 99.9 % never shows as complete; an empty module counts as done. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.floor((Math.min(done, total) * 100) / total);
}

export interface LearnerDueProgress {
  userId: string;
  displayName: string;
  /** Resources of modules already due for the cohort. */
  due: number;
  /** Of those, the ones the learner marked done. */
  doneOfDue: number;
}

export interface BehindEntry extends LearnerDueProgress {
  /** How many due resources are not done yet. */
  missing: number;
}

/**
 * Learners who have done less than what is due, the furthest behind first
 * (most resources missing), then by user id so the order is total and a
 * cursor can resume it.
 */
export function learnersBehind(learners: readonly LearnerDueProgress[]): BehindEntry[] {
  return learners
    .map((learner) => ({ ...learner, missing: Math.max(0, learner.due - learner.doneOfDue) }))
    .filter((entry) => entry.missing > 0)
    .sort((a, b) => b.missing - a.missing || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

export interface BehindCursor {
  missing: number;
  userId: string;
}

/** One page of a ranking made by learnersBehind, after `cursor` (exclusive). */
export function pageOfBehind(ranking: readonly BehindEntry[], cursor: BehindCursor | null, limit: number): { items: BehindEntry[]; next: BehindCursor | null } {
  const start = cursor ? ranking.findIndex((e) => e.missing < cursor.missing || (e.missing === cursor.missing && e.userId > cursor.userId)) : 0;
  const items = start < 0 ? [] : ranking.slice(start, start + limit);
  const last = items.at(-1);
  const more = start >= 0 && start + limit < ranking.length;
  return { items, next: more && last ? { missing: last.missing, userId: last.userId } : null };
}
