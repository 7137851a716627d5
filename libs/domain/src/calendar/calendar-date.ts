import { DateTime } from 'luxon';
import { isIsoDate } from './local-date.js';

/*
 * Internal bridge between our YYYY-MM-DD strings and luxon. Not exported from the
 * library: callers deal in strings only.
 *
 * A local date has no zone. Luxon needs one, so dates are read in UTC, where no
 * day is ever 23 or 25 hours long: adding days or weeks stays exact whatever the
 * machine's zone is.
 */

/** Throws a RangeError naming the bad value: dates reach the domain validated, so a bad one is a bug. */
export function assertIsoDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
}

/** The date as a luxon DateTime at midnight UTC. */
export function toDateTime(date: string): DateTime {
  assertIsoDate(date);
  return DateTime.fromISO(date, { zone: 'utc' });
}

/** Back to YYYY-MM-DD; an invalid DateTime here is a bug, so it throws. */
export function toIsoDate(dateTime: DateTime): string {
  const date = dateTime.toISODate();
  if (date === null) throw new RangeError(`invalid date: ${dateTime.invalidExplanation ?? dateTime.invalidReason}`);
  return date;
}
