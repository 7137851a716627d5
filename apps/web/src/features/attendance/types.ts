/** The shapes of apps/api/src/attendance (dto/attendance.dto.ts, dto/check-in.dto.ts) and of the cohort calendar. */
export const STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof STATUSES)[number];

export const HALF_DAYS = ['morning', 'afternoon'] as const;
export type HalfDay = (typeof HALF_DAYS)[number];

export interface AttendanceMark {
  id: string;
  learnerId: string;
  date: string;
  halfDay: HalfDay;
  status: AttendanceStatus;
  source: 'facilitator' | 'check_in';
  reason: string | null;
  recordedBy: { userId: string; displayName: string };
  recordedAt: string;
  supersedes: string | null;
}

export interface LearnerDay {
  userId: string;
  displayName: string;
  email: string;
  /** False for someone who has left the cohort since being marked. */
  isLearner: boolean;
  morning: AttendanceMark | null;
  afternoon: AttendanceMark | null;
}

export interface AttendanceDay {
  cohortId: string;
  date: string;
  onSite: boolean;
  learners: LearnerDay[];
}

export interface MarkResult {
  date: string;
  halfDay: HalfDay;
  marks: Array<{ learnerId: string; outcome: 'marked' | 'corrected' | 'unchanged'; mark: AttendanceMark }>;
}

export interface CheckInCode {
  code: string;
  date: string;
  halfDay: HalfDay;
  expiresAt: string;
}

export interface CheckInResult {
  date: string;
  halfDay: HalfDay;
  outcome: 'marked' | 'corrected' | 'unchanged';
  mark: AttendanceMark;
}

export interface CalendarWeek {
  monday: string;
  kind: 'presential' | 'distance' | 'internship' | 'holiday';
}

/** A cohort this screen can be about: the user's own, or any for an admin. */
export interface CohortChoice {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}
