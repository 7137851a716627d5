import { Injectable } from '@nestjs/common';
import { invalidField } from '../common/invalid-field.js';
import { AttendanceRepository, type OnSiteWeek } from './attendance.repository.js';
import { addDays, mondayOf } from '@fabrique/domain';
import { datesOfMonth, halfDayAt, type HalfDaySlot, isWeekday, weekdayName } from './half-day.js';

/** When a cohort is on site: weekdays of its scheduled presential weeks, in the week's site time zone. */
@Injectable()
export class OnSiteDays {
  constructor(private readonly attendance: AttendanceRepository) {}

  async weekOf(cohortId: string, date: string): Promise<OnSiteWeek | undefined> {
    return isWeekday(date) ? this.attendance.onSiteWeek(cohortId, mondayOf(date)) : undefined;
  }

  /** The on-site week of `date`, or a 400 naming the field. */
  async require(cohortId: string, date: string, field = 'date'): Promise<OnSiteWeek> {
    if (!isWeekday(date)) throw invalidField(field, `${date} is a ${weekdayName(date)}: on-site days run Monday to Friday`, 'isWeekday', { params: { date } });
    const week = await this.attendance.onSiteWeek(cohortId, mondayOf(date));
    if (!week) throw invalidField(field, `${date} is not in a scheduled on-site week of this cohort`, 'onSiteWeek', { params: { date } });
    return week;
  }

  /** The on-site half-day under way at `now` at the cohort's site, if any. */
  async underWay(cohortId: string, now: Date): Promise<{ slot: HalfDaySlot; timeZone: string } | undefined> {
    // Local dates differ from the UTC date by at most a day; any week that may hold today is in this range.
    const utcDate = now.toISOString().slice(0, 10);
    const weeks = await this.attendance.onSiteWeeksBetween(cohortId, addDays(utcDate, -7), addDays(utcDate, 1));
    for (const week of weeks) {
      const slot = halfDayAt(now, week.timeZone);
      if (isWeekday(slot.date) && mondayOf(slot.date) === week.monday) return { slot, timeZone: week.timeZone };
    }
    return undefined;
  }

  /** The on-site days of a month ("2026-10"). */
  async ofMonth(cohortId: string, month: string): Promise<string[]> {
    const dates = datesOfMonth(month);
    const weeks = await this.attendance.onSiteWeeksBetween(cohortId, mondayOf(dates[0] as string), dates.at(-1) as string);
    const mondays = new Set(weeks.map((week) => week.monday));
    return dates.filter((date) => isWeekday(date) && mondays.has(mondayOf(date)));
  }
}
