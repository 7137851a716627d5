import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Emitter } from '@socket.io/redis-emitter';
import { DataSource } from 'typeorm';
import { AppConfig } from '@fabrique/config';
import { LIVE_EVENT, LIVE_NAMESPACE, type ServerToClientEvents, rooms } from '@fabrique/contracts';
import { RedisConnection } from '@fabrique/persistence';
import { type LiveEventRow, envelope } from './live-event-log.js';

/** How long an event may stay unpublished before the relay publishes it (its writer died after commit). */
export const RELAY_AFTER_MS = 2_000;

/**
 * Publishes committed events to socket rooms through Redis (the socket.io emitter), the
 * same way from the API, the worker and the realtime service, then marks them published.
 * A process that dies between commit and publish leaves the event to the relay.
 */
@Injectable()
export class LivePublisher {
  private readonly logger = new Logger(LivePublisher.name);
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    redis: RedisConnection,
    config: AppConfig,
  ) {
    // The key the socket.io Redis adapter listens on (see apps/realtime/src/redis-io.adapter.ts).
    this.emitter = new Emitter<ServerToClientEvents>(redis.client, { key: `${config.REDIS_PREFIX}:socket.io` });
  }

  get live() {
    return this.emitter.of(LIVE_NAMESPACE);
  }

  async publish(events: readonly LiveEventRow[]): Promise<void> {
    if (events.length === 0) return;
    try {
      for (const event of events) this.deliver(event);
      await this.markPublished(events);
    } catch (error) {
      // Committed events are never lost: the relay publishes what stays unmarked.
      this.logger.error({ err: error }, 'publishing live events failed; the relay will retry');
    }
  }

  /** Publishes events left unpublished for a while; several instances share the work without doubles. */
  async relay(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: LiveEventRow[] = await manager.query(
        `SELECT cohort_id AS "cohortId", seq::int AS seq, type, ticket_id AS "ticketId", owner_id AS "ownerId", audience, payload,
                public_payload AS "publicPayload", created_at AS "createdAt"
           FROM live_events WHERE published_at IS NULL AND created_at < clock_timestamp() - make_interval(secs => $1::float / 1000)
          ORDER BY cohort_id, seq LIMIT 500 FOR UPDATE SKIP LOCKED`,
        [RELAY_AFTER_MS],
      );
      for (const row of rows) this.deliver(row);
      await this.markPublished(rows, manager);
      return rows.length;
    });
  }

  private deliver(event: LiveEventRow): void {
    const full = envelope(event, event.payload);
    const facilitators = rooms.cohortFacilitators(event.cohortId);
    const owner = event.ownerId ? [rooms.user(event.ownerId)] : [];
    if (event.audience === 'cohort') {
      const learners = this.live.to(rooms.cohortLearners(event.cohortId));
      (event.ownerId ? learners.except(rooms.user(event.ownerId)) : learners).emit(LIVE_EVENT, envelope(event, event.publicPayload ?? {}));
      this.live.to([facilitators, ...owner]).emit(LIVE_EVENT, full);
    } else if (event.audience === 'ticket') {
      this.live.to([facilitators, ...owner]).emit(LIVE_EVENT, full);
    } else {
      this.live.to(facilitators).emit(LIVE_EVENT, full);
    }
  }

  private async markPublished(events: readonly LiveEventRow[], manager = this.dataSource.manager): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `UPDATE live_events e SET published_at = clock_timestamp() FROM unnest($1::uuid[], $2::bigint[]) AS p(cohort_id, seq)
        WHERE e.cohort_id = p.cohort_id AND e.seq = p.seq`,
      [events.map((e) => e.cohortId), events.map((e) => e.seq)],
    );
  }
}
