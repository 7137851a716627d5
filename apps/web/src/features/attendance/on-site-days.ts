import { addDays, halfDayAt, localDateAt } from '@fabrique/domain';
import type { CalendarWeek, HalfDay } from './types';

/** Monday to Friday of every on-site week of the calendar, in order: the days attendance is taken. */
export function onSiteDays(calendar: readonly CalendarWeek[]): string[] {
  return calendar
    .filter((week) => week.kind === 'presential')
    .flatMap((week) => [0, 1, 2, 3, 4].map((offset) => addDays(week.monday, offset)))
    .sort();
}

/** Today if the cohort is on site, else the next on-site day, else the last one. */
export function defaultDay(days: readonly string[], today: string): string | null {
  return days.find((day) => day >= today) ?? days.at(-1) ?? null;
}

/** The date and half-day under way in `zone` (the afternoon starts at 13:00, as for the API). */
export function now(zone: string): { date: string; halfDay: HalfDay } {
  return halfDayAt(new Date(), zone);
}

export const today = (zone: string) => localDateAt(new Date(), zone);

/** The months a cohort runs ("2026-09" … "2027-06"), for the export. */
export function monthsOf(startsOn: string, endsOn: string): string[] {
  const months: string[] = [];
  let [year, month] = startsOn.slice(0, 7).split('-').map(Number) as [number, number];
  const last = endsOn.slice(0, 7);
  for (let guard = 0; guard < 120; guard++) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) break;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}
