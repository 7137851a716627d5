import { DateTime } from 'luxon';
import { AFTERNOON_STARTS_AT_HOUR, halfDayAt as localHalfDayAt } from '@fabrique/domain';
import type { HalfDay } from '@fabrique/persistence';

/** One half-day at one site, with the instants where it starts and ends. */
export interface HalfDaySlot {
  date: string;
  halfDay: HalfDay;
  startsAt: Date;
  endsAt: Date;
}

/** The half-day that `instant` falls in, in `timeZone`. */
export function halfDayAt(instant: Date, timeZone: string): HalfDaySlot {
  const { date, halfDay } = localHalfDayAt(instant, timeZone);
  return halfDaySlot(date, halfDay, timeZone);
}

/** Start and end of a half-day in `timeZone`; luxon keeps them right across daylight-saving changes. */
export function halfDaySlot(date: string, halfDay: HalfDay, timeZone: string): HalfDaySlot {
  const midnight = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  const afternoon = midnight.set({ hour: AFTERNOON_STARTS_AT_HOUR });
  const [start, end] = halfDay === 'morning' ? [midnight, afternoon] : [afternoon, midnight.plus({ days: 1 })];
  return { date, halfDay, startsAt: start.toJSDate(), endsAt: end.toJSDate() };
}

const calendarDate = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });

/** On-site days run Monday to Friday. */
export function isWeekday(date: string): boolean {
  return calendarDate(date).weekday <= 5;
}

export function weekdayName(date: string): string {
  return calendarDate(date).setLocale('en').toFormat('cccc');
}

/** Every calendar date of a month ("2026-10"). */
export function datesOfMonth(month: string): string[] {
  const first = calendarDate(`${month}-01`);
  return Array.from({ length: first.daysInMonth as number }, (_, index) => first.plus({ days: index }).toISODate() as string);
}

/** "the morning of 2026-10-05", for messages. */
export const describeHalfDay = (slot: Pick<HalfDaySlot, 'date' | 'halfDay'>) => `the ${slot.halfDay} of ${slot.date}`;

/** "09:40" at the site, for messages. */
export const localTime = (instant: Date, timeZone: string) => DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('HH:mm');
