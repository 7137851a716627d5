import type { EntityManager } from 'typeorm';
import { DomainEvent } from './domain-event.entity.js';

export interface NewDomainEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  actorId?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Writes events with the manager of the caller's transaction, so an event exists
 * if and only if the change it describes was committed.
 */
export async function recordEvents(manager: EntityManager, events: NewDomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) =>
    manager.create(DomainEvent, { ...event, actorId: event.actorId ?? null, payload: event.payload ?? {} }),
  );
  await manager.save(DomainEvent, rows);
}
