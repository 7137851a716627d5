import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { LiveEvent, LiveEventData, LiveEventType } from '@fabrique/contracts';

/** Who receives an event: everyone in the cohort, a ticket's people, or its facilitators. */
export type LiveAudience = 'cohort' | 'ticket' | 'facilitators';

export interface NewLiveEvent {
  type: LiveEventType;
  ticketId?: string | null;
  /** The learner whose ticket it is: they get the full payload, other learners the public one. */
  ownerId?: string | null;
  audience: LiveAudience;
  payload: LiveEventData;
  /** For audience `cohort`: what other learners see. */
  publicPayload?: LiveEventData;
}

export interface LiveEventRow {
  cohortId: string;
  seq: number;
  type: LiveEventType;
  ticketId: string | null;
  ownerId: string | null;
  audience: LiveAudience;
  payload: LiveEventData;
  publicPayload: LiveEventData | null;
  createdAt: Date;
}

const COLUMNS = `cohort_id AS "cohortId", seq::int AS seq, type, ticket_id AS "ticketId", owner_id AS "ownerId", audience, payload,
  public_payload AS "publicPayload", created_at AS "createdAt"`;

export const envelope = (row: LiveEventRow, data: LiveEventData): LiveEvent => ({
  cohortId: row.cohortId,
  seq: row.seq,
  type: row.type,
  ticketId: row.ticketId,
  at: row.createdAt.toISOString(),
  data,
});

/**
 * The per-cohort event log. Appending takes the cohort's counter row lock until commit, so
 * numbers are gapless per cohort and commit in order; a client replays from its last number.
 */
@Injectable()
export class LiveEventLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, cohortId: string, events: readonly NewLiveEvent[]): Promise<LiveEventRow[]> {
    if (events.length === 0) return [];
    const [{ last }]: { last: string }[] = await manager.query(
      `INSERT INTO live_sequences (cohort_id, last_seq) VALUES ($1, $2)
       ON CONFLICT (cohort_id) DO UPDATE SET last_seq = live_sequences.last_seq + EXCLUDED.last_seq RETURNING last_seq AS last`,
      [cohortId, events.length],
    );
    const first = Number(last) - events.length + 1;
    return manager.query(
      `INSERT INTO live_events (cohort_id, seq, type, ticket_id, owner_id, audience, payload, public_payload)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])
       RETURNING ${COLUMNS}`,
      [
        cohortId,
        events.map((_, i) => first + i),
        events.map((e) => e.type),
        events.map((e) => e.ticketId ?? null),
        events.map((e) => e.ownerId ?? null),
        events.map((e) => e.audience),
        events.map((e) => JSON.stringify(e.payload)),
        events.map((e) => (e.publicPayload ? JSON.stringify(e.publicPayload) : null)),
      ],
    );
  }

  /**
   * The events after `afterSeq` the user may see, oldest first, as they would have received
   * them: facilitators everything, a learner the cohort's public events (full for their own
   * tickets) and their tickets' private ones.
   */
  async replay(cohortId: string, viewer: { userId: string; facilitator: boolean }, afterSeq: number, limit: number): Promise<LiveEvent[]> {
    const rows: LiveEventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM live_events
        WHERE cohort_id = $1 AND seq > $2
          AND ($3::boolean OR audience = 'cohort' OR (audience = 'ticket' AND owner_id = $4))
        ORDER BY seq LIMIT $5`,
      [cohortId, afterSeq, viewer.facilitator, viewer.userId, limit],
    );
    return rows.map((row) =>
      envelope(row, viewer.facilitator || row.ownerId === viewer.userId || !row.publicPayload ? row.payload : row.publicPayload),
    );
  }

  /** The oldest number still kept (older events are purged after LIVE_HISTORY_DAYS), or null when none is. */
  async firstSeq(cohortId: string): Promise<number | null> {
    const [row] = await this.dataSource.query(`SELECT min(seq)::int AS first FROM live_events WHERE cohort_id = $1`, [cohortId]);
    return row?.first ?? null;
  }

  /** Forgets events older than `days`: a client that far behind reloads the queue instead of replaying. */
  async purge(days: number): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM live_events WHERE created_at < now() - make_interval(days => $1) AND published_at IS NOT NULL`,
      [days],
    );
    return deleted;
  }

  /** The cohort's last number, so a client that starts fresh knows where it stands. */
  async lastSeq(cohortId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT last_seq::int AS last FROM live_sequences WHERE cohort_id = $1`, [cohortId]);
    return row?.last ?? 0;
  }
}
