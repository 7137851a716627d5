import type { EntityManager } from 'typeorm';
import { ActivityLogEntry } from './activity-log-entry.entity.js';

/** Kinds of distance activity; later features add theirs (resource_done, submission, post, ticket…). */
export type ActivityKind = 'sign_in' | 'resource_done' | 'submission' | 'review';

/**
 * Records one thing a user did, for the distance-activity export. Pass the manager of the
 * caller's transaction when there is one, so the activity exists only if the action committed.
 */
export async function recordActivity(manager: EntityManager, userId: string, kind: ActivityKind, reference?: string): Promise<void> {
  await manager.insert(ActivityLogEntry, { userId, kind, reference: reference ?? null });
}
