import { api } from '../../api/client';

/** The shapes the API answers with for the follow-up screen (apps/api/src/courses, peer-help/search, help-tickets). */
export interface LearnerBehind {
  userId: string;
  displayName: string;
  /** Resources of the modules already due. */
  due: number;
  doneOfDue: number;
  missing: number;
  /** The due modules with resources left, the oldest due first. */
  modules: BehindModule[];
  /** The due date of the oldest of them. */
  behindSince: string;
}
export interface BehindModule {
  moduleId: string;
  moduleTitle: string;
  courseTitle: string;
  dueOn: string;
  /** Its resources the learner has not marked done. */
  missing: number;
}
export interface BehindPage {
  asOf: string;
  items: LearnerBehind[];
  nextCursor: string | null;
}

export interface ModuleAssignment {
  id: string;
  moduleId: string;
  moduleTitle: string;
  courseTitle: string;
  dueOn: string;
  resources: number;
}
export interface CohortProgress {
  learners: number;
  modules: { moduleId: string; dueOn: string; total: number; done: number; percent: number }[];
}

export interface UnansweredThread {
  id: string;
  cohortId: string;
  cohortName: string;
  title: string | null;
  excerpt: string;
  createdAt: string;
}
export interface ThreadPage {
  items: UnansweredThread[];
  nextCursor: string | null;
}

export interface DayMeasures {
  date: string;
  raised: number;
  resolved: number;
  cancelled: number;
  medianWaitingSeconds: number | null;
  p90WaitingSeconds: number | null;
  waitedOver15Minutes: number;
}
export interface HelpMeasures {
  from: string;
  to: string;
  timeZone: string;
  days: DayMeasures[];
  facilitators: { facilitator: { id: string; displayName: string }; handled: number; medianHandlingSeconds: number | null }[];
}
export interface MeasuredTicket {
  id: string;
  status: 'waiting' | 'claimed' | 'resolved' | 'cancelled';
  waitingSeconds: number | null;
  handlingSeconds: number | null;
  /** Who has it, or who closed it after claiming it: null for a ticket never claimed. */
  claimedBy: { id: string; displayName: string } | null;
}

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();

export const fetchBehind = (cohortId: string, cursor?: string) => api<BehindPage>(`/api/cohorts/${cohortId}/learners-behind?${query({ limit: '50', cursor })}`);
export const fetchModuleAssignments = (cohortId: string) => api<ModuleAssignment[]>(`/api/cohorts/${cohortId}/module-assignments`);
export const fetchCohortProgress = (cohortId: string) => api<CohortProgress>(`/api/cohorts/${cohortId}/course-progress`);
export const fetchUnanswered = (cohortId: string, cursor?: string) => api<ThreadPage>(`/api/facilitator/unanswered?${query({ cohortId, limit: '20', cursor })}`);
export const fetchMeasures = (cohortId: string, from: string) => api<HelpMeasures>(`/api/cohorts/${cohortId}/help-measures?${query({ from })}`);

/** Every ticket of the range (pages of 500): the overall median and p90 are computed from them, not from the daily ones. */
export async function fetchMeasuredTickets(cohortId: string, from: string): Promise<MeasuredTicket[]> {
  const all: MeasuredTicket[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<{ items: MeasuredTicket[]; nextCursor: string | null }>(`/api/cohorts/${cohortId}/help-measures/tickets?${query({ from, limit: '500', cursor })}`);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
