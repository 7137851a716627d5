import { api } from '../../api/client';
import type { Work } from './types';

/** The query keys of these screens, shared so that a write updates what the other screens show. */
export const assignmentsKey = (cohortId: string | null) => ['cohorts', cohortId, 'assignments'];
export const assignmentKey = (assignmentId: string) => ['assignments', assignmentId];
export const workKey = (assignmentId: string) => ['assignments', assignmentId, 'work'];
export const toReviewKey = (cohortId: string | null) => ['cohorts', cohortId, 'to-review'];
export const submissionKey = (submissionId: string) => ['submissions', submissionId];

export const fetchWork = (assignmentId: string) => api<Work>(`/api/assignments/${assignmentId}/submissions/mine`);
