import { isIsoDate } from './local-date.js';
import { fridayOf, isMonday } from './iso-week.js';

/*
 * Before an admin puts a cohort on site for a week, Fabrique says everything
 * that is wrong with it at once, in words an admin understands. The database
 * refuses double bookings too (unique indexes), but only with a bare conflict:
 * this is where the explanation comes from. The caller loads the context (the
 * cohort, the room, the bookings around the weeks in question) and decides.
 */

export type WeekKind = 'presential' | 'distance' | 'internship' | 'holiday';

/** The kinds a cohort week is stored with: distance is the default and has no row. */
export type SpecialWeekKind = Exclude<WeekKind, 'distance'>;

export const WEEK_KINDS: readonly WeekKind[] = ['presential', 'distance', 'internship', 'holiday'];

export interface OnSiteWeekCandidate {
  cohortId: string;
  monday: string;
  siteId: string;
  roomId: string;
  facilitatorIds: string[];
}

export interface CohortWeekRef {
  id: string;
  monday: string;
  kind: SpecialWeekKind;
}

export interface RoomBooking {
  monday: string;
  roomId: string;
  cohortId: string;
  cohortName: string;
  weekId: string;
}

export interface FacilitatorBooking {
  monday: string;
  userId: string;
  displayName: string;
  cohortId: string;
  cohortName: string;
  siteName: string;
  weekId: string;
}

export interface WeekPlanContext {
  cohort: { id: string; startsOn: string; endsOn: string; onSiteLearners: number };
  room: { id: string; name: string; capacity: number };
  /** The cohort's scheduled weeks that are not distance weeks. */
  cohortWeeks: CohortWeekRef[];
  /** Scheduled on-site weeks of any cohort in the candidate's room (other rooms are ignored). */
  roomBookings: RoomBooking[];
  /** Scheduled on-site weeks of the candidate's facilitators, in any cohort and site. */
  facilitatorBookings: FacilitatorBooking[];
  /** The week being moved or edited: it does not clash with itself. */
  ignoreWeekId?: string;
}

export type ClashCode =
  | 'not_a_monday'
  | 'outside_cohort'
  | 'cohort_already_on_site'
  | 'room_booked'
  | 'room_too_small'
  | 'facilitator_busy'
  | 'holiday'
  | 'internship';

export interface Clash {
  /** Stable, for clients to word the clash in their language. */
  code: ClashCode;
  /** In English, for developers and logs. */
  message: string;
  /** What a sentence about the clash needs: who holds the room, the room's capacity… */
  params?: Record<string, string | number>;
}

export interface PlannedWeek {
  monday: string;
  clashes: Clash[];
}

/**
 * Every reason the candidate cannot be scheduled; empty when it can. A week
 * that is not a Monday stops there, since nothing else can be keyed on it.
 * Bookings by the candidate's own cohort show as cohort_already_on_site only,
 * not also as its room or facilitators being busy. Throws if the candidate's
 * room is not the context's room: that is a bug in the caller.
 */
export function findClashes(candidate: OnSiteWeekCandidate, context: WeekPlanContext): Clash[] {
  const { monday } = candidate;
  if (!isMonday(monday)) {
    const what = isIsoDate(monday) ? 'is not a Monday' : 'is not a date (YYYY-MM-DD)';
    return [{ code: 'not_a_monday', message: `${monday} ${what}: on-site weeks start on a Monday`, params: { monday } }];
  }
  if (candidate.roomId !== context.room.id) {
    throw new Error(`the context is for room ${context.room.id}, not for the candidate's room ${candidate.roomId}`);
  }
  return [
    ...outsideCohort(monday, context),
    ...cohortWeekClashes(candidate, context),
    ...roomClashes(candidate, context),
    ...facilitatorClashes(candidate, context),
  ];
}

/**
 * Checks the Mondays in order, as a commit would create them: a week accepted
 * (without clashes) counts as this cohort's on-site week for the ones after
 * it, so a Monday listed twice clashes the second time. Weeks with clashes are
 * not counted. The preview therefore shows exactly what a commit would do.
 */
export function planRhythm(
  mondays: string[],
  template: Omit<OnSiteWeekCandidate, 'monday'>,
  context: WeekPlanContext,
): PlannedWeek[] {
  const cohortWeeks = [...context.cohortWeeks];
  return mondays.map((monday) => {
    const clashes = findClashes({ ...template, monday }, { ...context, cohortWeeks });
    // Same cohort, so its room and facilitator bookings are covered by cohort_already_on_site.
    if (clashes.length === 0) cohortWeeks.push({ id: `planned:${monday}`, monday, kind: 'presential' });
    return { monday, clashes };
  });
}

function outsideCohort(monday: string, { cohort }: WeekPlanContext): Clash[] {
  // Same rule as expandRhythm: the whole Monday to Friday must be within the cohort.
  if (monday >= cohort.startsOn && fridayOf(monday) <= cohort.endsOn) return [];
  return [
    {
      code: 'outside_cohort',
      message: `The week of ${monday} is not entirely within the cohort's dates (${cohort.startsOn} to ${cohort.endsOn})`,
      params: { monday, startsOn: cohort.startsOn, endsOn: cohort.endsOn },
    },
  ];
}

function cohortWeekClashes(candidate: OnSiteWeekCandidate, context: WeekPlanContext): Clash[] {
  const { monday, cohortId } = candidate;
  const kinds = new Set(
    context.cohortWeeks.filter((week) => week.monday === monday && week.id !== context.ignoreWeekId).map((week) => week.kind),
  );
  const bookedByThisCohort = [...context.roomBookings, ...context.facilitatorBookings].some(
    (booking) => booking.monday === monday && booking.cohortId === cohortId && booking.weekId !== context.ignoreWeekId,
  );
  const clashes: Clash[] = [];
  if (kinds.has('presential') || bookedByThisCohort) {
    clashes.push({ code: 'cohort_already_on_site', message: `The cohort is already on site the week of ${monday}`, params: { monday } });
  }
  if (kinds.has('holiday')) clashes.push({ code: 'holiday', message: `The week of ${monday} is a holiday for this cohort`, params: { monday } });
  if (kinds.has('internship')) {
    clashes.push({ code: 'internship', message: `The week of ${monday} is an internship week for this cohort`, params: { monday } });
  }
  return clashes;
}

function roomClashes(candidate: OnSiteWeekCandidate, { room, roomBookings, cohort, ignoreWeekId }: WeekPlanContext): Clash[] {
  const clashes: Clash[] = roomBookings
    .filter(
      (booking) =>
        booking.monday === candidate.monday &&
        booking.roomId === room.id &&
        booking.cohortId !== candidate.cohortId &&
        booking.weekId !== ignoreWeekId,
    )
    .map((booking) => ({
      code: 'room_booked',
      message: `Room "${room.name}" is already booked that week by ${booking.cohortName}`,
      params: { room: room.name, cohort: booking.cohortName },
    }));
  if (cohort.onSiteLearners > room.capacity) {
    clashes.push({
      code: 'room_too_small',
      message: `Room "${room.name}" holds ${room.capacity} but the cohort has ${cohort.onSiteLearners} on-site learners`,
      params: { room: room.name, capacity: room.capacity, learners: cohort.onSiteLearners },
    });
  }
  return clashes;
}

function facilitatorClashes(candidate: OnSiteWeekCandidate, { facilitatorBookings, ignoreWeekId }: WeekPlanContext): Clash[] {
  const wanted = new Set(candidate.facilitatorIds);
  return facilitatorBookings
    .filter(
      (booking) =>
        booking.monday === candidate.monday &&
        wanted.has(booking.userId) &&
        booking.cohortId !== candidate.cohortId &&
        booking.weekId !== ignoreWeekId,
    )
    .map((booking) => ({
      code: 'facilitator_busy',
      message: `${booking.displayName} is already on site with ${booking.cohortName} at ${booking.siteName} that week`,
      params: { facilitator: booking.displayName, cohort: booking.cohortName, site: booking.siteName },
    }));
}
