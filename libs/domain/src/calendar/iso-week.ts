import { DateTime } from 'luxon';
import { toDateTime, toIsoDate } from './calendar-date.js';
import { isIsoDate } from './local-date.js';

/*
 * A week is named by its Monday (YYYY-MM-DD), as cohort weeks are stored, and
 * labelled by its ISO week ("2026-W37") for people. ISO weeks run Monday to
 * Sunday; week 1 is the week holding the year's first Thursday, so the last days
 * of December can belong to week 1 of the next year, and the first days of
 * January to week 52 or 53 of the previous one. Luxon knows these rules.
 *
 * Functions taking a date throw a RangeError on a malformed one: by the time a
 * date reaches here the HTTP layer has validated it, so a bad one is a bug.
 */

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  return toIsoDate(toDateTime(date).startOf('week'));
}

/** False for any other day, and for anything that is not a date. */
export function isMonday(date: string): boolean {
  return isIsoDate(date) && toDateTime(date).weekday === 1;
}

/** The Monday `n` weeks later (earlier when negative). Throws unless given a Monday: weeks are keyed by Mondays. */
export function addWeeks(monday: string, n: number): string {
  assertMonday(monday);
  if (!Number.isInteger(n)) throw new RangeError(`${n} is not a whole number of weeks`);
  return toIsoDate(toDateTime(monday).plus({ weeks: n }));
}

/** "2026-W37". Accepts any day of the week; the label is the ISO week-year's, which may differ from the date's year. */
export function isoWeekLabel(date: string): string {
  return toDateTime(date).toFormat("kkkk-'W'WW");
}

/** The Monday of an ISO week label ("2026-W37" → "2026-09-07"), or null if it is malformed or no such week exists (e.g. "2025-W53"). */
export function parseIsoWeek(label: string): string | null {
  const match = ISO_WEEK.exec(label);
  if (!match) return null;
  const monday = DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 }, { zone: 'utc' });
  return monday.isValid ? toIsoDate(monday) : null;
}

/** The Mondays of every ISO week with at least one day in [startsOn, endsOn] (inclusive), in order; empty when endsOn is before startsOn. */
export function weeksOverlapping(startsOn: string, endsOn: string): string[] {
  const [first, last] = [mondayOf(startsOn), mondayOf(endsOn)];
  const mondays: string[] = [];
  if (endsOn < startsOn) return mondays;
  for (let monday = first; monday <= last; monday = addWeeks(monday, 1)) mondays.push(monday);
  return mondays;
}

/** Monday to Friday of the week: the days a cohort is on site. */
export function weekDays(monday: string): string[] {
  assertMonday(monday);
  const start = toDateTime(monday);
  return [0, 1, 2, 3, 4].map((days) => toIsoDate(start.plus({ days })));
}

/** The Friday of the week: an on-site week lies within a range when its Monday and its Friday do. */
export function fridayOf(monday: string): string {
  assertMonday(monday);
  return toIsoDate(toDateTime(monday).plus({ days: 4 }));
}

function assertMonday(monday: string): void {
  if (!isMonday(monday)) throw new RangeError(`"${monday}" is not a Monday (YYYY-MM-DD)`);
}
