import type { EntityManager } from 'typeorm';
import { type Clash, expandRhythm, planRhythm, weeksOverlapping } from '@fabrique/domain';
import { CohortWeek, type NewDomainEvent } from '@fabrique/persistence';
import { CalendarRepository } from '../calendar/calendar.repository.js';
import { PresentialWeeksService } from '../calendar/presential-weeks.service.js';
import { DEMO_CALENDAR } from './demo-data.js';

export interface DemoCalendarResult {
  /** False when the cohort already had weeks (the demo's or an admin's): they were left exactly as they are. */
  planned: boolean;
  /** Week rows this run inserted. */
  onSiteWeeks: number;
  holidayWeeks: number;
  internshipWeeks: number;
  /** Mondays the rhythm yields that were not scheduled, and why (a break, the internship, the room or facilitator taken elsewhere). */
  skipped: Array<{ monday: string; clashes: Clash[] }>;
}

export interface DemoCalendarTarget {
  cohortId: string;
  roomId: string;
  facilitatorIds: string[];
}

/**
 * Plans the demo cohort's year with the manager of the seed's transaction: breaks and internship
 * first, then the on-site weeks of the rhythm, checked with the same rules as the admin's rhythm
 * commit (planRhythm), so a Monday in a break, in the internship, or whose room or facilitator is
 * taken by another cohort is skipped instead of failing on a unique index.
 *
 * Idempotence: the calendar is planned only while the cohort has no week row at all, scheduled or
 * cancelled. Once it has one, the calendar belongs to the admins: a week they cancelled stays
 * cancelled, a week they moved stays moved (a per-Monday rule would put one back on its old,
 * now free, Monday), and weeks they planned themselves are not topped up with the demo's.
 * Returns the events to record, one per row or period actually created, without actor as the
 * seed's other events.
 */
export async function seedDemoCalendar(manager: EntityManager, target: DemoCalendarTarget): Promise<{ calendar: DemoCalendarResult; events: NewDomainEvent[] }> {
  const { cohortId, roomId, facilitatorIds } = target;
  const calendar: DemoCalendarResult = { planned: false, onSiteWeeks: 0, holidayWeeks: 0, internshipWeeks: 0, skipped: [] };
  const events: NewDomainEvent[] = [];
  const [anyWeek] = await manager.query(`SELECT 1 FROM cohort_weeks WHERE cohort_id = $1 LIMIT 1`, [cohortId]);
  if (anyWeek) return { calendar, events };
  calendar.planned = true;

  for (const period of DEMO_CALENDAR.periods) {
    const mondays = weeksOverlapping(period.from, period.to);
    await manager.insert(
      CohortWeek,
      mondays.map((monday) => ({ cohortId, monday, kind: period.kind, agenda: period.note })),
    );
    if (period.kind === 'holiday') calendar.holidayWeeks += mondays.length;
    else calendar.internshipWeeks += mondays.length;
    events.push({ type: 'cohort_week.marked', aggregateType: 'cohort', aggregateId: cohortId, payload: { kind: period.kind, mondays, note: period.note } });
  }

  // The API's own service and queries, outside Nest: they only need the transaction's manager.
  const repository = new CalendarRepository(manager.connection);
  const weeks = new PresentialWeeksService(manager.connection, repository);
  const { cohort, room } = await weeks.load(manager, cohortId, { roomId, facilitatorIds });
  const mondays = expandRhythm(DEMO_CALENDAR.rhythm, cohort);
  // The cohort's weeks are read in this transaction, so the breaks and internship just inserted count.
  const context = await weeks.context(manager, cohort, room, { mondays, facilitatorIds });
  const plan = planRhythm(mondays, { cohortId, siteId: room.siteId, roomId: room.id, facilitatorIds }, context);

  for (const { monday, clashes } of plan) {
    if (clashes.length > 0) {
      calendar.skipped.push({ monday, clashes });
      continue;
    }
    const agenda = DEMO_CALENDAR.agendas[calendar.onSiteWeeks] ?? DEMO_CALENDAR.moreAgenda;
    const planned = { monday, roomId: room.id, facilitatorIds, agenda };
    const week = await weeks.insert(manager, cohortId, planned, room);
    calendar.onSiteWeeks++;
    events.push({
      type: 'cohort_week.scheduled',
      aggregateType: 'cohort',
      aggregateId: cohortId,
      payload: { weekId: week.id, ...planned, siteId: room.siteId, rhythm: DEMO_CALENDAR.rhythm },
    });
  }
  return { calendar, events };
}
