import { assertIsoDate } from './calendar-date.js';
import { fridayOf, isMonday, isoWeekLabel, mondayOf, weeksOverlapping } from './iso-week.js';
import type { DateRange } from './local-date.js';
import type { SpecialWeekKind } from './week-plan.js';

/*
 * A cohort's calendar is every week it overlaps, each one distance unless a
 * special week (on site, internship, holiday) says otherwise: only special
 * weeks are stored. Learners see "this week", reminders look for "the next
 * on-site week", feeds list them all; they all read this one list.
 */

/** A stored special week and whatever the caller carries with it (id, room, agenda…), returned as is. */
export interface SpecialWeekInput {
  monday: string;
  kind: SpecialWeekKind;
}

export interface DistanceWeek {
  monday: string;
  isoWeek: string;
  kind: 'distance';
}

export type CalendarWeek<W extends SpecialWeekInput = SpecialWeekInput> = DistanceWeek | (W & { isoWeek: string });

export type OnSiteCalendarWeek<W extends SpecialWeekInput = SpecialWeekInput> = W & { isoWeek: string; kind: 'presential' };

/**
 * Every ISO week that overlaps [startsOn, endsOn], in order, including a first
 * or last week the cohort only partly holds. Special weeks outside those weeks
 * are left out (the cohort's dates were shortened after they were planned).
 * Throws on a special week that is not keyed by a Monday, or on two for the
 * same Monday: pass scheduled weeks only, not cancelled ones.
 */
export function buildCohortCalendar<W extends SpecialWeekInput>({ startsOn, endsOn }: DateRange, specialWeeks: readonly W[]): CalendarWeek<W>[] {
  const byMonday = new Map<string, W>();
  for (const week of specialWeeks) {
    if (!isMonday(week.monday)) throw new RangeError(`special week "${week.monday}" is not keyed by a Monday`);
    if (byMonday.has(week.monday)) throw new Error(`two special weeks for the week of ${week.monday}`);
    byMonday.set(week.monday, week);
  }
  return weeksOverlapping(startsOn, endsOn).map((monday): CalendarWeek<W> => {
    const isoWeek = isoWeekLabel(monday);
    const special = byMonday.get(monday);
    return special ? { ...special, isoWeek } : { monday, isoWeek, kind: 'distance' };
  });
}

/** The week of the calendar holding `date` (any day, weekends included), or undefined outside the calendar. */
export function weekOf<W extends SpecialWeekInput>(calendar: readonly CalendarWeek<W>[], date: string): CalendarWeek<W> | undefined {
  const monday = mondayOf(date);
  return calendar.find((week) => week.monday === monday);
}

/**
 * The on-site week in progress on `date` or the first one after it, in a
 * calendar built by buildCohortCalendar (weeks in order). An on-site week is
 * over after its Friday: on the Saturday the next one is returned.
 */
export function nextOnSiteWeek<W extends SpecialWeekInput>(
  calendar: readonly CalendarWeek<W>[],
  date: string,
): OnSiteCalendarWeek<W> | undefined {
  assertIsoDate(date);
  return calendar.find((week): week is OnSiteCalendarWeek<W> => week.kind === 'presential' && fridayOf(week.monday) >= date);
}
