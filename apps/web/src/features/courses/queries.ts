import { api } from '../../api/client';
import type { BriefAssignment, CohortMatrix, CourseView, LearnerMatrix, ModuleAssignment, MyProgress } from './types';

/** Query keys shared by the screens, so that marking a resource updates every view of the progress. */
export const moduleAssignmentsKey = (cohortId: string) => ['cohorts', cohortId, 'module-assignments'];
export const myProgressKey = (cohortId: string) => ['cohorts', cohortId, 'course-progress', 'me'];
export const courseKey = (courseId: string) => ['courses', courseId];
export const cohortMatrixKey = (cohortId: string) => ['cohorts', cohortId, 'competency-matrix'];
export const learnerMatrixKey = (cohortId: string, learnerId: string) => ['cohorts', cohortId, 'competency-matrix', learnerId];
// The briefs feature keys its list the same way; sharing it means one request for both screens.
export const briefAssignmentsKey = (cohortId: string) => ['cohorts', cohortId, 'assignments'];

export const fetchModuleAssignments = (cohortId: string) => api<ModuleAssignment[]>(`/api/cohorts/${cohortId}/module-assignments`);
export const fetchMyProgress = (cohortId: string) => api<MyProgress>(`/api/cohorts/${cohortId}/course-progress/me`);
export const fetchCourse = (courseId: string) => api<CourseView>(`/api/courses/${courseId}`);
export const fetchCohortMatrix = (cohortId: string) => api<CohortMatrix>(`/api/cohorts/${cohortId}/competency-matrix`);
export const fetchLearnerMatrix = (cohortId: string, learnerId: string) => api<LearnerMatrix>(`/api/cohorts/${cohortId}/competency-matrix/learners/${learnerId}`);
export const fetchBriefAssignments = (cohortId: string) => api<BriefAssignment[]>(`/api/cohorts/${cohortId}/assignments`);

export const markResource = (cohortId: string, resourceId: string, done: boolean) =>
  api<{ resourceId: string; done: boolean }>(`/api/cohorts/${cohortId}/resources/${resourceId}/done`, { method: done ? 'PUT' : 'DELETE' });
