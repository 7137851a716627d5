import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import { type Clash, findClashes, isBefore, mondayOf, type WeekPlanContext, weeksOverlapping } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { CohortWeek, CohortWeekFacilitator, recordEvents } from '@fabrique/persistence';
import { invalidField } from '../common/invalid-field.js';
import { CalendarRepository, type CohortRow, type RoomRow, type WeekRow } from './calendar.repository.js';
import type { MarkPeriodDto, SchedulePresentialWeekDto, UpdatePresentialWeekDto } from './dto/presential-week.dto.js';

export interface PlannedWeek {
  monday: string;
  roomId: string;
  facilitatorIds: string[];
  agenda: string;
}

export const clashError = (clashes: Clash[]) =>
  new AppException(
    'conflict',
    clashes.map((clash) => clash.message).join('; '),
    clashes.map((clash) => ({ field: clash.code, message: clash.message, rule: clash.code, ...(clash.params ? { params: clash.params } : {}) })),
  );

/**
 * Admins schedule, edit, move and cancel on-site weeks, and mark internships and holidays.
 * Every check runs inside the write's transaction, and PostgreSQL's unique indexes settle races.
 */
@Injectable()
export class PresentialWeeksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarRepository,
  ) {}

  async schedule(principal: Principal, cohortId: string, input: SchedulePresentialWeekDto): Promise<WeekRow> {
    const planned = { monday: mondayOf(input.monday), roomId: input.roomId, facilitatorIds: input.facilitatorIds, agenda: input.agenda ?? '' };
    const weekId = await this.dataSource.transaction(async (manager) => {
      const { cohort, room } = await this.load(manager, cohortId, planned);
      const clashes = findClashes(this.candidate(cohortId, planned, room), await this.context(manager, cohort, room, planned));
      if (clashes.length > 0) throw clashError(clashes);
      const week = await this.insert(manager, cohortId, planned, room);
      await recordEvents(manager, [this.event('cohort_week.scheduled', cohortId, principal, { weekId: week.id, ...planned, siteId: room.siteId })]);
      return week.id;
    });
    return (await this.calendar.week(cohortId, weekId)) as WeekRow;
  }

  async update(principal: Principal, cohortId: string, weekId: string, changes: UpdatePresentialWeekDto): Promise<WeekRow> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.calendar.week(cohortId, weekId, manager);
      if (!current || current.kind !== 'presential') throw new AppException('not_found', 'On-site week not found');
      const planned: PlannedWeek = {
        monday: changes.monday ? mondayOf(changes.monday) : current.monday,
        roomId: changes.roomId ?? (current.roomId as string),
        facilitatorIds: changes.facilitatorIds ?? current.facilitators.map((f) => f.userId),
        agenda: changes.agenda ?? current.agenda,
      };
      const { cohort, room } = await this.load(manager, cohortId, planned);
      const context = { ...(await this.context(manager, cohort, room, planned)), ignoreWeekId: weekId };
      const clashes = findClashes(this.candidate(cohortId, planned, room), context);
      if (clashes.length > 0) throw clashError(clashes);

      await manager.update(CohortWeek, { id: weekId }, { monday: planned.monday, roomId: room.id, siteId: room.siteId, agenda: planned.agenda, sequence: current.sequence + 1 });
      await manager.delete(CohortWeekFacilitator, { weekId });
      await this.insertFacilitators(manager, weekId, planned);
      if (planned.monday !== current.monday) {
        // Modules to prepare before this on-site week follow it, with their due date (its Monday).
        await manager.query(
          `UPDATE module_assignments SET week_monday = $3, due_on = $3
            WHERE cohort_id = $1 AND mode = 'prepare_before_onsite' AND week_monday = $2`,
          [cohortId, current.monday, planned.monday],
        );
      }
      const type = planned.monday !== current.monday ? 'cohort_week.moved' : 'cohort_week.updated';
      const before = { monday: current.monday, roomId: current.roomId, facilitatorIds: current.facilitators.map((f) => f.userId), agenda: current.agenda };
      await recordEvents(manager, [this.event(type, cohortId, principal, { weekId, before, after: { ...planned, siteId: room.siteId } })]);
    });
    return (await this.calendar.week(cohortId, weekId)) as WeekRow;
  }

  /** Cancelled weeks stay (for history and calendar feeds); their room and facilitators are free again. */
  async cancel(principal: Principal, cohortId: string, weekId: string, kinds: Array<WeekRow['kind']>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.calendar.week(cohortId, weekId, manager);
      if (!current || !kinds.includes(current.kind)) throw new AppException('not_found', 'Week not found');
      await manager.update(CohortWeek, { id: weekId }, { status: 'cancelled', sequence: current.sequence + 1 });
      await manager.delete(CohortWeekFacilitator, { weekId });
      await recordEvents(manager, [this.event('cohort_week.cancelled', cohortId, principal, { weekId, kind: current.kind, monday: current.monday })]);
    });
  }

  /** Marks every week from `from` to `to` as internship or holiday; refuses weeks already planned otherwise. */
  async markPeriod(principal: Principal, cohortId: string, input: MarkPeriodDto): Promise<WeekRow[]> {
    if (isBefore(input.to, input.from)) throw invalidField('to', 'to must not be before from', 'notBeforeFrom');
    await this.dataSource.transaction(async (manager) => {
      const cohort = await this.requireCohort(manager, cohortId);
      const mondays = weeksOverlapping(input.from, input.to);
      const outside = mondays.filter((monday) => isBefore(monday, mondayOf(cohort.startsOn)) || isBefore(mondayOf(cohort.endsOn), monday));
      if (outside.length > 0) throw new AppException('conflict', `The week of ${outside[0]} is outside the cohort's dates (${cohort.startsOn} to ${cohort.endsOn})`);
      const existing = new Map((await this.calendar.weeks(cohortId, manager)).map((week) => [week.monday, week]));
      const taken = mondays.filter((monday) => existing.has(monday) && existing.get(monday)?.kind !== input.kind);
      if (taken.length > 0) {
        throw new AppException('conflict', `Already planned otherwise: ${taken.map((monday) => `week of ${monday} (${existing.get(monday)?.kind})`).join(', ')}`);
      }
      const fresh = mondays.filter((monday) => !existing.has(monday));
      if (fresh.length === 0) return;
      await manager.insert(
        CohortWeek,
        fresh.map((monday) => ({ cohortId, monday, kind: input.kind, agenda: input.note ?? '' })),
      );
      await recordEvents(manager, [this.event('cohort_week.marked', cohortId, principal, { kind: input.kind, mondays: fresh, note: input.note ?? '' })]);
    });
    const mondays = new Set(weeksOverlapping(input.from, input.to));
    return (await this.calendar.weeks(cohortId)).filter((week) => mondays.has(week.monday));
  }

  /** Inserts a week already checked against its clashes, with its facilitators. */
  async insert(manager: EntityManager, cohortId: string, planned: PlannedWeek, room: RoomRow): Promise<CohortWeek> {
    const week = await manager.save(
      CohortWeek,
      manager.create(CohortWeek, { cohortId, monday: planned.monday, kind: 'presential', siteId: room.siteId, roomId: room.id, agenda: planned.agenda }),
    );
    await this.insertFacilitators(manager, week.id, planned);
    return week;
  }

  async load(manager: EntityManager, cohortId: string, planned: Pick<PlannedWeek, 'roomId' | 'facilitatorIds'>) {
    const cohort = await this.requireCohort(manager, cohortId);
    const room = await this.calendar.room(planned.roomId, manager);
    if (!room) throw invalidField('roomId', 'roomId does not match a room', 'roomExists');
    const strangers = await this.calendar.notFacilitators(cohortId, planned.facilitatorIds, manager);
    if (strangers.length > 0) {
      throw invalidField('facilitatorIds', `facilitatorIds must be facilitators of this cohort (not: ${strangers.join(', ')})`, 'cohortFacilitators');
    }
    return { cohort, room };
  }

  async context(manager: EntityManager, cohort: CohortRow, room: RoomRow, planned: { monday: string; facilitatorIds: string[] } | { mondays: string[]; facilitatorIds: string[] }): Promise<WeekPlanContext> {
    const mondays = 'mondays' in planned ? planned.mondays : [planned.monday];
    // One after the other: a transaction has one connection, and pg refuses concurrent queries on it (pg 9).
    const weeks = await this.calendar.weeks(cohort.id, manager);
    const roomBookings = await this.calendar.roomBookings(room.id, cohort.id, mondays, manager);
    const facilitatorBookings = await this.calendar.facilitatorBookings(planned.facilitatorIds, mondays, manager);
    return {
      cohort: { id: cohort.id, startsOn: cohort.startsOn, endsOn: cohort.endsOn, onSiteLearners: cohort.onSiteLearners },
      room: { id: room.id, name: room.name, capacity: room.capacity },
      cohortWeeks: weeks.map(({ monday, kind, id }) => ({ monday, kind, id })),
      roomBookings,
      facilitatorBookings,
    };
  }

  candidate(cohortId: string, planned: Pick<PlannedWeek, 'monday' | 'facilitatorIds'>, room: RoomRow) {
    return { cohortId, monday: planned.monday, siteId: room.siteId, roomId: room.id, facilitatorIds: planned.facilitatorIds };
  }

  event(type: string, cohortId: string, principal: Principal, payload: Record<string, unknown>) {
    return { type, aggregateType: 'cohort', aggregateId: cohortId, actorId: principal.userId, payload };
  }

  private async requireCohort(manager: EntityManager, cohortId: string): Promise<CohortRow> {
    const cohort = await this.calendar.cohort(cohortId, manager);
    if (!cohort) throw new AppException('not_found', 'Cohort not found');
    return cohort;
  }

  private async insertFacilitators(manager: EntityManager, weekId: string, planned: Pick<PlannedWeek, 'monday' | 'facilitatorIds'>) {
    if (planned.facilitatorIds.length === 0) return;
    await manager.insert(
      CohortWeekFacilitator,
      planned.facilitatorIds.map((userId) => ({ weekId, userId, monday: planned.monday })),
    );
  }
}
