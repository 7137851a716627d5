import { Injectable } from '@nestjs/common';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { addWeeks, buildCohortCalendar, type CalendarWeek, isIsoDate, isoWeekLabel, localDateAt, localDateTimeToInstant, mondayOf, nextOnSiteWeek, weekOf } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { invalidField } from '../common/invalid-field.js';
import { CalendarRepository, type WeekRow } from './calendar.repository.js';
import type { CalendarWeekDto } from './dto/presential-week.dto.js';
import { type DeadlineItem, MyWeekRepository, type StudyItem } from './my-week.repository.js';

export interface MyWeekDto {
  cohortId: string;
  cohortName: string;
  role: string;
  date: string;
  week: CalendarWeekDto | null;
  nextOnSiteWeek: CalendarWeekDto | null;
  /** Modules to study this week, and to prepare before the next on-site week. */
  toStudy: StudyItem[];
  /** Brief deadlines falling in this week (site-local Monday 00:00 to the next Monday). */
  dueThisWeek: DeadlineItem[];
}

/** Reads the rhythm: a cohort's calendar for its members, and "my week" for a learner or facilitator. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly access: CohortAccess,
    private readonly weekPlan: MyWeekRepository,
  ) {}

  async cohortCalendar(principal: Principal, cohortId: string): Promise<CalendarWeekDto[]> {
    await this.access.requireMember(principal, cohortId);
    const { calendar } = await this.build(cohortId);
    return calendar.map((week) => this.toDto(week));
  }

  /** For each cohort of the caller: the kind of the week holding `date` (today in the cohort's zone by default), and the next on-site week. */
  async myWeek(principal: Principal, date?: string): Promise<MyWeekDto[]> {
    if (date !== undefined && !isIsoDate(date)) throw invalidField('date', 'date must be a calendar date written YYYY-MM-DD', 'isoDate');
    const memberships = await this.calendar.memberships(principal.userId);
    return Promise.all(
      memberships.map(async ({ cohortId, role }) => {
        const { cohort, calendar } = await this.build(cohortId);
        const day = date ?? localDateAt(new Date(), cohort.timeZone);
        const week = weekOf(calendar, day);
        const next = nextOnSiteWeek(calendar, day);
        const monday = mondayOf(day);
        const [from, to] = [monday, addWeeks(monday, 1)].map((date) => localDateTimeToInstant(date, '00:00', cohort.timeZone));
        const toStudy = await this.weekPlan.studyPlan(cohortId, principal.userId, monday, next?.monday ?? null);
        const dueThisWeek = await this.weekPlan.deadlines(cohortId, principal.userId, from, to);
        return {
          cohortId,
          cohortName: cohort.name,
          role,
          date: day,
          week: week ? this.toDto(week) : null,
          nextOnSiteWeek: next ? this.toDto(next) : null,
          toStudy,
          dueThisWeek,
        };
      }),
    );
  }

  history(cohortId: string) {
    return this.calendar.history(cohortId);
  }

  toDto(week: CalendarWeek<WeekRow> | WeekRow): CalendarWeekDto {
    const isoWeek = 'isoWeek' in week ? week.isoWeek : undefined;
    if (week.kind === 'distance') return { monday: week.monday, isoWeek: isoWeek as string, kind: 'distance' };
    const base = { monday: week.monday, isoWeek: isoWeek ?? isoWeekLabel(week.monday), kind: week.kind, weekId: week.id, agenda: week.agenda };
    if (week.kind !== 'presential') return base;
    return {
      ...base,
      site: { id: week.siteId as string, name: week.siteName as string, address: week.address as string },
      room: { id: week.roomId as string, name: week.roomName as string },
      facilitators: week.facilitators,
    };
  }

  private async build(cohortId: string) {
    const cohort = await this.calendar.cohort(cohortId);
    if (!cohort) throw new AppException('not_found', 'Cohort not found');
    const weeks = await this.calendar.weeks(cohortId);
    return { cohort, calendar: buildCohortCalendar(cohort, weeks) };
  }
}
