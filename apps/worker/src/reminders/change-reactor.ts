import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { JobResults, ReminderKind } from '@fabrique/contracts';
import type { NewNotification } from '@fabrique/persistence';
import { writeNotifications } from './reminder-fanout.js';
import { ReminderPlan } from './reminder-plan.js';
import { type PendingEvent, RemindersRepository } from './reminders.repository.js';

/** Domain events read per run; the scheduler runs again 5 s later for the rest. */
export const EVENTS_PER_RUN = 500;

const isCohortChange = (type: string) =>
  type.startsWith('cohort_week.') || type.startsWith('cohort.') || type === 'brief.assigned' || type.startsWith('assignment.') || type.includes('reminder');

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/**
 * Reacts to what changed in PostgreSQL (the domain events not yet handled): replans the cohorts
 * whose calendar, briefs or settings changed, and tells a cohort at once when an on-site week is
 * moved or cancelled. Events are read FOR UPDATE SKIP LOCKED and marked in the same transaction,
 * so two workers share the backlog and a failed run leaves its events for the next one.
 */
@Injectable()
export class ChangeReactor {
  private readonly logger = new Logger(ChangeReactor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: RemindersRepository,
    private readonly plan: ReminderPlan,
  ) {}

  react(): Promise<JobResults['react-to-changes']> {
    return this.dataSource.transaction(async (manager) => {
      const events = await this.repository.lockPendingEvents(manager, EVENTS_PER_RUN);
      if (events.length === 0) return { events: 0, cohorts: 0 };
      const cohorts = await this.affectedCohorts(manager, events);
      const notified = await this.notifyOnSiteChanges(manager, events);
      await this.plan.replanCohorts([...cohorts]);
      await this.repository.markPublished(
        manager,
        events.map((event) => event.id),
      );
      if (cohorts.size > 0 || notified > 0) this.logger.log({ events: events.length, cohorts: cohorts.size, notified }, 'changes handled');
      return { events: events.length, cohorts: cohorts.size };
    });
  }

  private async affectedCohorts(manager: EntityManager, events: readonly PendingEvent[]): Promise<Set<string>> {
    const cohorts = new Set<string>();
    const briefIds: string[] = [];
    const assignmentIds: string[] = [];
    for (const event of events) {
      const payload = record(event.payload);
      if (event.type === 'brief.updated') {
        briefIds.push(event.aggregateId);
        if (Array.isArray(payload.assignmentIds)) assignmentIds.push(...payload.assignmentIds.filter((id): id is string => typeof id === 'string'));
        continue;
      }
      if (!isCohortChange(event.type)) continue;
      if (event.aggregateType === 'cohort') cohorts.add(event.aggregateId);
      else if (event.aggregateType === 'assignment') assignmentIds.push(event.aggregateId);
      const cohortId = str(payload.cohortId);
      if (cohortId) cohorts.add(cohortId);
      const assignmentId = str(payload.assignmentId);
      if (assignmentId) assignmentIds.push(assignmentId);
    }
    for (const cohortId of await this.repository.cohortsOfAssignments(manager, briefIds, assignmentIds)) cohorts.add(cohortId);
    return cohorts;
  }

  /** `onsite.changed` to every learner and facilitator, once per event (its id is the occurrence). */
  private async notifyOnSiteChanges(manager: EntityManager, events: readonly PendingEvent[]): Promise<number> {
    const changes = events.filter(
      (event) => event.aggregateType === 'cohort' && (event.type === 'cohort_week.moved' || (event.type === 'cohort_week.cancelled' && record(event.payload).kind === 'presential')),
    );
    if (changes.length === 0) return 0;
    const weeks = await this.repository.weekPlaces(
      manager,
      changes.map((event) => str(record(event.payload).weekId)).filter((id): id is string => id !== undefined),
    );
    const roomIds = new Set<string>();
    for (const event of changes) {
      const payload = record(event.payload);
      for (const id of [str(record(payload.before).roomId), str(record(payload.after).roomId), weeks.get(str(payload.weekId) ?? '')?.roomId ?? undefined]) if (id) roomIds.add(id);
    }
    const places = await this.repository.places(manager, [...roomIds]);
    const place = (monday: unknown, roomId: string | null | undefined) => {
      const found = roomId ? places.get(roomId) : undefined;
      return { monday: str(monday) ?? null, siteName: found?.siteName ?? null, address: found?.address ?? null, room: found?.room ?? null };
    };

    const notifications: Array<NewNotification & { kind: ReminderKind }> = [];
    for (const event of changes) {
      const payload = record(event.payload);
      const weekId = str(payload.weekId) ?? null;
      const week = weekId ? weeks.get(weekId) : undefined;
      const moved = event.type === 'cohort_week.moved';
      const before = moved ? record(payload.before) : { monday: payload.monday, roomId: week?.roomId };
      const after = moved ? record(payload.after) : undefined;
      const body = {
        cohortId: event.aggregateId,
        weekId,
        change: moved ? 'moved' : 'cancelled',
        before: place(before.monday, str(before.roomId)),
        after: after ? place(after.monday, str(after.roomId)) : null,
        agenda: str(after?.agenda) ?? null,
      };
      const members = await this.repository.members(event.aggregateId, ['learner', 'facilitator'], manager);
      for (const { userId } of members) notifications.push({ userId, kind: 'onsite.changed', occurrenceKey: `onsite.changed:${event.id}`, payload: body });
    }
    return writeNotifications(manager, notifications);
  }
}
