import { addWeeks } from '../calendar/iso-week.js';
import type { CalendarWeek } from '../calendar/cohort-calendar.js';

/**
 * A module is assigned to a cohort either to prepare before its Nth on-site
 * week (due the Monday of that week) or to study during its Nth distance week
 * (due when that week is over, the next Monday). N counts from 1 in the
 * cohort's calendar, among weeks of that kind only.
 */
export type AssignmentMode = 'prepare_before_onsite' | 'during_distance';

export const ASSIGNMENT_MODES: readonly AssignmentMode[] = ['prepare_before_onsite', 'during_distance'];

export interface AssignmentDue {
  /** The Monday of the week the assignment points at. */
  weekMonday: string;
  /** The first day on which the module counts as due. */
  dueOn: string;
}

/** The week and due date of an assignment, or null when the cohort has no such week. */
export function assignmentDue(calendar: readonly CalendarWeek[], mode: AssignmentMode, week: number): AssignmentDue | null {
  const kind = mode === 'prepare_before_onsite' ? 'presential' : 'distance';
  const target = calendar.filter((w) => w.kind === kind)[week - 1];
  if (!target || week < 1) return null;
  return { weekMonday: target.monday, dueOn: mode === 'prepare_before_onsite' ? target.monday : addWeeks(target.monday, 1) };
}

/** Whether an assignment due on `dueOn` counts on `today` (both local dates of the cohort's site). */
export function isDue(dueOn: string, today: string): boolean {
  return dueOn <= today;
}
