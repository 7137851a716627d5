import type { EntityManager } from 'typeorm';

export interface NewNotification {
  userId: string;
  /** What happened, e.g. `thread.reply`, `thread.mention`. */
  kind: string;
  /** What it is about, unique per user and kind: writing the same one twice is a no-op. */
  occurrenceKey: string;
  payload: Record<string, unknown>;
}

/**
 * Writes in-app notifications with the caller's transaction, in one statement, skipping
 * those already written: a retried request or an at-least-once job never notifies twice.
 * Returns how many rows are new.
 */
export async function recordNotifications(manager: EntityManager, notifications: NewNotification[]): Promise<number> {
  if (notifications.length === 0) return 0;
  const rows: unknown[] = await manager.query(
    `INSERT INTO notifications (user_id, kind, occurrence_key, payload)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])
     ON CONFLICT (user_id, kind, occurrence_key) DO NOTHING RETURNING id`,
    [
      notifications.map((n) => n.userId),
      notifications.map((n) => n.kind),
      notifications.map((n) => n.occurrenceKey),
      notifications.map((n) => JSON.stringify(n.payload)),
    ],
  );
  return rows.length;
}
