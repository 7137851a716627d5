import { DateTime } from 'luxon';
import { toIsoDate } from './calendar-date.js';
import { isIsoDate } from './local-date.js';

/*
 * Sites have IANA time zones ("Europe/Paris", "America/Cayenne", "Pacific/Noumea").
 * Instants are JavaScript Dates (UTC); dates and wall-clock times are local to a
 * site. Every function takes the zone explicitly: the machine's zone (UTC on
 * servers and in CI) never leaks into the result.
 */

export type HalfDay = 'morning' | 'afternoon';

/** Attendance is taken per half-day; the afternoon starts at 13:00 local time. */
export const AFTERNOON_STARTS_AT_HOUR = 13;

const WALL_CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The local date at the site when `instant` happens: late evening in Paris is already tomorrow in Nouméa. */
export function localDateAt(instant: Date, zone: string): string {
  return toIsoDate(inZone(instant, zone));
}

/**
 * The instant when the clocks of `zone` show `time` ("HH:mm", 24-hour) on `date`.
 * Where the wall-clock time does not exist (spring forward: 02:30 on 2027-03-28
 * in Paris), luxon moves it forward by the gap (03:30 summer time); where it
 * happens twice (fall back: 02:30 on 2026-10-25), luxon takes the later one, in
 * standard time. Fabrique schedules at daytime hours, where neither happens.
 */
export function localDateTimeToInstant(date: string, time: string, zone: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  if (!WALL_CLOCK.test(time)) throw new RangeError(`"${time}" is not a time of day (HH:mm)`);
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) throw new RangeError(`"${zone}" is not a time zone`);
  return local.toJSDate();
}

/** The local date and half-day (morning before 13:00, afternoon from 13:00) of `instant` at the site. */
export function halfDayAt(instant: Date, zone: string): { date: string; halfDay: HalfDay } {
  const local = inZone(instant, zone);
  return { date: toIsoDate(local), halfDay: local.hour < AFTERNOON_STARTS_AT_HOUR ? 'morning' : 'afternoon' };
}

function inZone(instant: Date, zone: string): DateTime {
  if (Number.isNaN(instant.getTime())) throw new RangeError('the instant is an invalid Date');
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new RangeError(`"${zone}" is not a time zone`);
  return local;
}
