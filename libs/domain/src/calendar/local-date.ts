import { DateTime } from 'luxon';

/** A calendar date without a time (YYYY-MM-DD), as cohorts and weeks are planned. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A cohort's dates, both days included. */
export interface DateRange {
  startsOn: string;
  endsOn: string;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO dates compare correctly as strings. */
export function isBefore(a: string, b: string): boolean {
  return a < b;
}

/** The date `days` days later (earlier when negative); throws a RangeError on a malformed date. */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  // Read in UTC, where every day lasts 24 hours, so the machine's zone cannot shift the result.
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() as string;
}
