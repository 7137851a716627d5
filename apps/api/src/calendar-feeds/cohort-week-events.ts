import { Injectable } from '@nestjs/common';
import { fridayOf } from '@fabrique/domain';
import { CalendarFeedsRepository, type FeedWeekRow } from './calendar-feeds.repository.js';
import type { FeedEvent, FeedEventSource } from './feed-event.js';

/** On-site days are shown as timed events at the site's local hours, Monday to Friday. */
export const ON_SITE_HOURS = { from: '09:00', to: '17:00' } as const;
const WORKING_DAYS = 5;

const KIND_TITLES = { presential: 'Semaine sur site', internship: 'Stage en entreprise', holiday: 'Congés' } as const;

function describe(week: FeedWeekRow): string | undefined {
  const parts = [
    week.agenda.trim() ? `Programme de la semaine :\n${week.agenda.trim()}` : '',
    week.facilitators.length > 0 ? `Formateurs présents : ${week.facilitators.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

/** The feed entry of one cohort week: timed on-site days with TZID, all-day internship and holiday weeks. */
export function cohortWeekEvent(week: FeedWeekRow): FeedEvent {
  const cancelled = week.status === 'cancelled';
  const title = `${cancelled ? 'Annulé : ' : ''}${KIND_TITLES[week.kind]} — ${week.cohortName}`;
  const common = {
    uid: `${week.id}@fabrique`,
    sequence: week.sequence,
    cancelled,
    description: describe(week),
    createdAt: week.createdAt,
    updatedAt: week.updatedAt,
  };
  if (week.kind === 'presential' && week.site) {
    const { site } = week;
    return {
      ...common,
      summary: `${title} (${site.name})`,
      location: `${site.name} (${site.roomName}), ${site.address}`,
      busy: true,
      when: {
        kind: 'timed',
        timeZone: site.timeZone,
        start: `${week.monday}T${ON_SITE_HOURS.from}`,
        end: `${week.monday}T${ON_SITE_HOURS.to}`,
        days: WORKING_DAYS,
      },
    };
  }
  return { ...common, summary: title, busy: false, when: { kind: 'allDay', firstDay: week.monday, lastDay: fridayOf(week.monday) } };
}

/** The special weeks of every cohort the user belongs to, as a learner or a facilitator. */
@Injectable()
export class CohortWeekEvents implements FeedEventSource {
  constructor(private readonly repository: CalendarFeedsRepository) {}

  async eventsFor(userId: string, now: Date) {
    const [weeks, lastModified] = await Promise.all([this.repository.weeksOf(userId, now), this.repository.weeksLastModified(userId, now)]);
    return { events: weeks.map(cohortWeekEvent), lastModified };
  }
}
