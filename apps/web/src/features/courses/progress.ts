import type { ModuleAssignment, ModuleProgress, MyProgress } from './types';

/**
 * The progress with one resource marked done or not, as the API will count it. Idempotent (marking
 * a done resource done changes nothing), so undoing a refused change is the same call reversed.
 */
export function withResourceDone(progress: MyProgress, moduleId: string, resourceId: string, done: boolean): MyProgress {
  const doneIds = new Set(progress.doneResourceIds);
  if (doneIds.has(resourceId) === done) return progress;
  const step = done ? 1 : -1;
  if (done) doneIds.add(resourceId);
  else doneIds.delete(resourceId);
  const modules = progress.modules.map((m) => (m.moduleId === moduleId ? { ...m, done: m.done + step, percent: percentOf(m.done + step, m.total) } : m));
  const doneCount = progress.done + step;
  return { ...progress, modules, done: doneCount, percent: percentOf(doneCount, progress.total), doneResourceIds: [...doneIds] };
}

/** Whole percents rounded down, as the API's percentDone: 2 of 3 is 66, never a rounded-up 100. */
export const percentOf = (done: number, total: number) => (total === 0 ? 0 : Math.floor((done * 100) / total));

export interface CourseOfCohort {
  courseId: string;
  courseTitle: string;
  modules: ModuleAssignment[];
}

/** The cohort's assigned modules grouped by course, in the API's order (soonest due first). */
export function coursesOf(assignments: readonly ModuleAssignment[]): CourseOfCohort[] {
  const courses = new Map<string, CourseOfCohort>();
  for (const assignment of assignments) {
    const course = courses.get(assignment.courseId) ?? { courseId: assignment.courseId, courseTitle: assignment.courseTitle, modules: [] };
    course.modules.push(assignment);
    courses.set(assignment.courseId, course);
  }
  return [...courses.values()];
}

/** Done and total resources over some modules, from the learner's progress (0 done when not known yet). */
export function sumOf(moduleIds: readonly string[], progress: MyProgress | undefined, fallbackTotals: ReadonlyMap<string, number>): { done: number; total: number } {
  const byModule = new Map<string, ModuleProgress>((progress?.modules ?? []).map((m) => [m.moduleId, m]));
  return moduleIds.reduce(
    (sum, id) => ({ done: sum.done + (byModule.get(id)?.done ?? 0), total: sum.total + (byModule.get(id)?.total ?? fallbackTotals.get(id) ?? 0) }),
    { done: 0, total: 0 },
  );
}
