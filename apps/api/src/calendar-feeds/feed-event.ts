/**
 * One entry of a user's calendar feed. Every feature that shows up in the feed (cohort weeks
 * and brief deadlines) maps its rows to these, and the ICS writer knows nothing else.
 */
export interface FeedEvent {
  /** Stable for the life of the thing it shows, so calendar apps update the event instead of adding one. */
  uid: string;
  /** Grows at every change of the thing, as iCalendar's SEQUENCE must. */
  sequence: number;
  summary: string;
  description?: string;
  location?: string;
  cancelled: boolean;
  /** Whether the time shows as busy; all-day periods (internship, holidays) do not block the agenda. */
  busy: boolean;
  createdAt: Date;
  updatedAt: Date;
  when: TimedSpan | AllDaySpan;
}

/** Local wall-clock times in an IANA zone, written with TZID so they stay right across daylight-saving changes. */
export interface TimedSpan {
  kind: 'timed';
  timeZone: string;
  /** Local start and end of the first occurrence, `YYYY-MM-DDTHH:mm`. */
  start: string;
  end: string;
  /** The same hours on this many consecutive days (one event with a daily rule). */
  days: number;
}

/** Whole days, `YYYY-MM-DD`, both ends included. */
export interface AllDaySpan {
  kind: 'allDay';
  firstDay: string;
  lastDay: string;
}

/** Where a feed's events come from: one per feature, listed in FEED_EVENT_SOURCES. */
export interface FeedEventSource {
  /** The user's events at `now`, and when they (or what they show) last changed. */
  eventsFor(userId: string, now: Date): Promise<{ events: FeedEvent[]; lastModified: Date | null }>;
}

export const FEED_EVENT_SOURCES = Symbol('FEED_EVENT_SOURCES');
