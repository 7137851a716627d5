import { buildCohortCalendar } from '../calendar/cohort-calendar.js';
import { addDays } from '../calendar/local-date.js';
import { localDateAt, localDateTimeToInstant } from '../calendar/local-time.js';
import type { SpecialWeekKind } from '../calendar/week-plan.js';

/*
 * The reminder planner: from the truth (a cohort's calendar, its assignments, its settings)
 * to the occurrences due in a window, each with a deterministic key and its instant. Local
 * times are read in the cohort's site time zone, so "Monday 09:00" stays 09:00 across DST.
 * Who receives an occurrence is decided when it fires, from the truth of that moment.
 */

/** What the planner schedules; `inactivity.check` and `facilitator.digest` produce notifications of their own kinds when they fire. */
export type PlannedKind = 'week.kickoff' | 'onsite.coming' | 'brief.deadline' | 'inactivity.check' | 'facilitator.digest';
export const PLANNED_KINDS: readonly PlannedKind[] = ['week.kickoff', 'onsite.coming', 'brief.deadline', 'inactivity.check', 'facilitator.digest'];

/** Default local times; an admin can change them (or turn a kind off) per cohort. */
export const REMINDER_TIMES = {
  'week.kickoff': '09:00',
  /** 7 days before an on-site week, in the morning… */
  'onsite.coming': '09:00',
  /** …and the evening before it. */
  'onsite.coming.eve': '18:00',
  /** Thursday of a distance week: three days without activity. */
  'inactivity.check': '10:00',
  'facilitator.digest': '08:30',
} as const;

/** Brief deadline reminders, this long before the due time. */
export const DEADLINE_OFFSETS = [
  { label: '48h', hours: 48 },
  { label: '3h', hours: 3 },
] as const;

export interface CohortSetting {
  enabled: boolean;
  /** HH:MM replacing the default local time, null to keep it. */
  localTime: string | null;
}

export interface CohortTruth {
  cohortId: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  /** Scheduled special weeks only (cancelled ones are not in the calendar). */
  specialWeeks: readonly { monday: string; kind: SpecialWeekKind }[];
  settings: Partial<Record<PlannedKind, CohortSetting>>;
}

export interface AssignmentTruth {
  assignmentId: string;
  cohortId: string;
  dueAt: Date;
}

export interface PlannedReminder {
  kind: PlannedKind;
  /** Deterministic: the same occurrence always has the same key (job id, delivery key). */
  key: string;
  cohortId: string;
  fireAt: Date;
  /** What the occurrence is about: a week's Monday, an assignment and its offset, a day. */
  ref: { monday?: string; date?: string; assignmentId?: string; offset?: string };
}

export interface PlanWindow {
  from: Date;
  to: Date;
}

const inWindow = (at: Date, window: PlanWindow) => at.getTime() >= window.from.getTime() && at.getTime() < window.to.getTime();
const enabled = (cohort: CohortTruth, kind: PlannedKind) => cohort.settings[kind]?.enabled ?? true;
const timeOf = (cohort: CohortTruth, kind: PlannedKind, fallback: string) => cohort.settings[kind]?.localTime ?? fallback;

/** Every occurrence due in [from, to), ordered by time then key. */
export function planReminders(cohorts: readonly CohortTruth[], assignments: readonly AssignmentTruth[], window: PlanWindow): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  const byId = new Map(cohorts.map((cohort) => [cohort.cohortId, cohort]));
  for (const cohort of cohorts) planned.push(...planCohort(cohort, window));
  for (const assignment of assignments) {
    const cohort = byId.get(assignment.cohortId);
    if (!cohort || !enabled(cohort, 'brief.deadline')) continue;
    for (const { label, hours } of DEADLINE_OFFSETS) {
      const fireAt = new Date(assignment.dueAt.getTime() - hours * 3600_000);
      if (!inWindow(fireAt, window)) continue;
      planned.push({
        kind: 'brief.deadline',
        key: `brief.deadline:${assignment.assignmentId}:${label}`,
        cohortId: cohort.cohortId,
        fireAt,
        ref: { assignmentId: assignment.assignmentId, offset: label },
      });
    }
  }
  return planned.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.key.localeCompare(b.key));
}

function planCohort(cohort: CohortTruth, window: PlanWindow): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  const at = (date: string, time: string) => localDateTimeToInstant(date, time, cohort.timeZone);
  const push = (kind: PlannedKind, key: string, fireAt: Date, ref: PlannedReminder['ref']) => {
    if (enabled(cohort, kind) && inWindow(fireAt, window)) planned.push({ kind, key: `${kind}:${cohort.cohortId}:${key}`, cohortId: cohort.cohortId, fireAt, ref });
  };
  const calendar = buildCohortCalendar({ startsOn: cohort.startsOn, endsOn: cohort.endsOn }, cohort.specialWeeks);
  for (const week of calendar) {
    if (week.kind === 'distance') {
      // A distance week the cohort only partly holds starts on its first day.
      const first = week.monday < cohort.startsOn ? cohort.startsOn : week.monday;
      push('week.kickoff', week.monday, at(first, timeOf(cohort, 'week.kickoff', REMINDER_TIMES['week.kickoff'])), { monday: week.monday });
      const thursday = addDays(week.monday, 3);
      if (thursday <= cohort.endsOn && week.monday >= cohort.startsOn)
        push('inactivity.check', week.monday, at(thursday, timeOf(cohort, 'inactivity.check', REMINDER_TIMES['inactivity.check'])), { monday: week.monday });
    }
    if (week.kind === 'presential') {
      const time = timeOf(cohort, 'onsite.coming', REMINDER_TIMES['onsite.coming']);
      push('onsite.coming', `${week.monday}:7d`, at(addDays(week.monday, -7), time), { monday: week.monday, offset: '7d' });
      push('onsite.coming', `${week.monday}:1d`, at(addDays(week.monday, -1), REMINDER_TIMES['onsite.coming.eve']), { monday: week.monday, offset: '1d' });
    }
  }
  // The facilitators' morning digest, each weekday of the cohort's span.
  const digestTime = timeOf(cohort, 'facilitator.digest', REMINDER_TIMES['facilitator.digest']);
  for (let date = latest(cohort.startsOn, localDateAt(window.from, cohort.timeZone)); date <= cohort.endsOn; date = addDays(date, 1)) {
    const fireAt = at(date, digestTime);
    if (fireAt.getTime() >= window.to.getTime()) break;
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) push('facilitator.digest', date, fireAt, { date });
  }
  return planned;
}

const latest = (a: string, b: string) => (a > b ? a : b);

/**
 * When an e-mail may leave for a user with quiet hours [quietStart, quietEnd) in their time
 * zone: now, or the end of the quiet hours. Quiet hours may span midnight (21:00–08:00).
 */
export function afterQuietHours(now: Date, timeZone: string, quietStart: string, quietEnd: string): Date {
  if (quietStart === quietEnd) return now;
  const today = localDateAt(now, timeZone);
  const local = localClock(now, timeZone);
  const spansMidnight = quietStart > quietEnd;
  const quiet = spansMidnight ? local >= quietStart || local < quietEnd : local >= quietStart && local < quietEnd;
  if (!quiet) return now;
  const endDate = spansMidnight && local >= quietStart ? addDays(today, 1) : today;
  return localDateTimeToInstant(endDate, quietEnd, timeZone);
}

/** The next time the daily digest leaves for a user: the end of their quiet hours, today or tomorrow. */
export function nextDigestAt(now: Date, timeZone: string, quietEnd: string): Date {
  const today = localDateAt(now, timeZone);
  const todayAt = localDateTimeToInstant(today, quietEnd, timeZone);
  return todayAt.getTime() > now.getTime() ? todayAt : localDateTimeToInstant(addDays(today, 1), quietEnd, timeZone);
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using it (dispatching 10,000 notifications asks 10,000 times). */
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function localClock(instant: Date, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (!format) clockFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const parts = format.formatToParts(instant);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${value('hour')}:${value('minute')}`;
}
