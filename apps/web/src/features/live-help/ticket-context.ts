import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** What a help ticket may be about, as the cohort's members can read it: its briefs, the resources of its modules, its track's competencies. */
export interface TicketContextOptions {
  briefs: { id: string; title: string }[];
  modules: { id: string; title: string; resources: { id: string; title: string }[] }[];
  competencies: { code: string; title: string }[];
}

interface BriefAssignment {
  brief: { id: string; title: string };
}
interface ModuleAssignment {
  moduleId: string;
  courseId: string;
}
interface CourseView {
  modules: { id: string; title: string; resources: { id: string; title: string }[] }[];
}
interface Track {
  competencies: { code: string; title: string; position: number }[];
}

/**
 * The choices a learner attaches to a question, and the names a facilitator reads on a ticket
 * (tickets carry only ids). Resources come from the courses of the modules assigned to the cohort.
 */
export function useTicketContextOptions(cohort: { id: string; trackId: string } | null): TicketContextOptions {
  const cohortId = cohort?.id ?? null;
  const briefs = useQuery({
    queryKey: ['cohorts', cohortId, 'assignments'],
    queryFn: () => api<BriefAssignment[]>(`/api/cohorts/${cohortId}/assignments`),
    enabled: Boolean(cohortId),
  });
  const moduleAssignments = useQuery({
    queryKey: ['cohorts', cohortId, 'module-assignments'],
    queryFn: () => api<ModuleAssignment[]>(`/api/cohorts/${cohortId}/module-assignments`),
    enabled: Boolean(cohortId),
  });
  const track = useQuery({ queryKey: ['tracks', cohort?.trackId], queryFn: () => api<Track>(`/api/tracks/${cohort?.trackId}`), enabled: Boolean(cohort) });
  const courseIds = [...new Set(moduleAssignments.data?.map((assignment) => assignment.courseId) ?? [])];
  const courses = useQueries({ queries: courseIds.map((courseId) => ({ queryKey: ['courses', courseId], queryFn: () => api<CourseView>(`/api/courses/${courseId}`) })) });

  const assigned = new Set(moduleAssignments.data?.map((assignment) => assignment.moduleId) ?? []);
  // Several briefs may be assigned twice (two runs of one brief): one choice each.
  const uniqueBriefs = new Map((briefs.data ?? []).map((assignment) => [assignment.brief.id, { id: assignment.brief.id, title: assignment.brief.title }]));
  return {
    briefs: [...uniqueBriefs.values()],
    modules: courses.flatMap((course) => course.data?.modules.filter((module) => assigned.has(module.id)) ?? []),
    competencies: [...(track.data?.competencies ?? [])].sort((a, b) => a.position - b.position).map(({ code, title }) => ({ code, title })),
  };
}

export const briefTitle = (options: TicketContextOptions, briefId: string | null) => (briefId ? options.briefs.find((brief) => brief.id === briefId)?.title : undefined);

export const resourceTitle = (options: TicketContextOptions, resourceId: string | null) =>
  resourceId ? options.modules.flatMap((module) => module.resources).find((resource) => resource.id === resourceId)?.title : undefined;
