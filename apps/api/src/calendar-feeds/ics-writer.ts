import ical, { ICalEventRepeatingFreq, ICalEventStatus, ICalEventTransparency, type ICalEventData } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { FeedEvent } from './feed-event.js';

/** How often subscribed apps are asked to refresh (REFRESH-INTERVAL, RFC 7986); most apps poll on their own schedule anyway. */
const REFRESH_SECONDS = 60 * 60;

/** The VTIMEZONE of an IANA zone, from the IANA database shipped with timezones-ical-library; null if it has none. */
export function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

function timing(when: FeedEvent['when']): Pick<ICalEventData, 'start'> & Partial<ICalEventData> {
  if (when.kind === 'allDay') {
    const first = DateTime.fromISO(when.firstDay, { zone: 'utc' });
    // DTEND of an all-day event is the day after the last one (RFC 5545, 3.6.1).
    return { allDay: true, start: first, end: DateTime.fromISO(when.lastDay, { zone: 'utc' }).plus({ days: 1 }) };
  }
  const start = DateTime.fromISO(when.start, { zone: when.timeZone });
  const end = DateTime.fromISO(when.end, { zone: when.timeZone });
  // A zone without a VTIMEZONE could not be resolved by clients: such times are written in UTC instead.
  const timezone = vtimezone(when.timeZone) ? when.timeZone : null;
  return { start, end, timezone, repeating: when.days > 1 ? { freq: ICalEventRepeatingFreq.DAILY, count: when.days } : null };
}

/**
 * Writes a feed as RFC 5545 iCalendar text. Timed events carry their own TZID and the matching
 * VTIMEZONE; the calendar has no default zone, so DTSTAMP, CREATED and LAST-MODIFIED stay in UTC.
 * The output depends on the events only (DTSTAMP is the last change, not the time of the request),
 * so a hash of it serves as the ETag.
 */
export function writeIcs(name: string, events: FeedEvent[]): string {
  const calendar = ical({
    prodId: { company: 'Fabrique', product: 'Calendrier', language: 'FR' },
    name,
    ttl: REFRESH_SECONDS,
    timezone: { name: null, generator: vtimezone },
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description ?? null,
      location: event.location ?? null,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: event.busy ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
      stamp: event.updatedAt,
      created: event.createdAt,
      lastModified: event.updatedAt,
      ...timing(event.when),
    });
  }
  return calendar.toString();
}
