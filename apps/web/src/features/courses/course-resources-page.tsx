import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { learnerCohorts, type Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { ModuleDue } from './module-due';
import { ProgressBar } from './progress-bar';
import { sumOf } from './progress';
import { courseKey, fetchCourse, fetchModuleAssignments, fetchMyProgress, moduleAssignmentsKey, myProgressKey } from './queries';
import { ResourceItem } from './resource-item';
import { useCohortChoice } from './use-cohort-choice';

/** One course's modules planned for the learner's cohort, each resource with its link and its "done" box. */
export function CourseResourcesPage({ me }: { me: Me }) {
  const { t } = useTranslation('courses');
  const { courseId = '' } = useParams();
  const [cohort] = useCohortChoice(learnerCohorts(me));
  const cohortId = cohort?.id ?? '';
  const course = useQuery({ queryKey: courseKey(courseId), queryFn: () => fetchCourse(courseId) });
  const assignments = useQuery({ queryKey: moduleAssignmentsKey(cohortId), queryFn: () => fetchModuleAssignments(cohortId), enabled: Boolean(cohort) });
  const progress = useQuery({ queryKey: myProgressKey(cohortId), queryFn: () => fetchMyProgress(cohortId), enabled: Boolean(cohort) });
  const back = (
    <Link className="courses-back" to={cohort ? `/courses?cohort=${cohort.id}` : '/courses'}>
      {t('course.back')}
    </Link>
  );
  if (!cohort) {
    return (
      <section aria-labelledby="course-title">
        <h1 id="course-title">{t('title')}</h1>
        <p>{t('noCohort')}</p>
      </section>
    );
  }
  const error = course.error ?? assignments.error;
  if (error || !course.data || !assignments.data) {
    return (
      <section aria-labelledby="course-title">
        {back}
        <h1 id="course-title">{t('title')}</h1>
        {error ? <FormError error={error} /> : <p role="status">{t('loading')}</p>}
      </section>
    );
  }
  // The API gives a learner the modules assigned to any of their cohorts: keep this cohort's, with their dates.
  const planned = new Map(assignments.data.filter((a) => a.courseId === courseId).map((a) => [a.moduleId, a]));
  const modules = course.data.modules.filter((module) => planned.has(module.id));
  const totals = new Map(modules.map((module) => [module.id, module.resources.length]));
  const sum = sumOf([...totals.keys()], progress.data, totals);
  const doneIds = new Set(progress.data?.doneResourceIds ?? []);
  const byModule = new Map((progress.data?.modules ?? []).map((m) => [m.moduleId, m]));
  return (
    <section aria-labelledby="course-title">
      {back}
      <h1 id="course-title">{course.data.title}</h1>
      {course.data.summary && <p className="courses-meta">{course.data.summary}</p>}
      <FormError error={progress.error} />
      {modules.length === 0 ? <p>{t('course.noModule')}</p> : <ProgressBar name={course.data.title} done={sum.done} total={sum.total} />}
      <ul className="courses-list">
        {modules.map((module) => {
          const assignment = planned.get(module.id)!;
          const done = byModule.get(module.id)?.done ?? 0;
          const headingId = `module-${module.id}`;
          return (
            <li key={module.id} className="card courses-card" aria-labelledby={headingId}>
              <h2 id={headingId}>{module.title}</h2>
              {module.summary && <p>{module.summary}</p>}
              <ModuleDue assignment={assignment} me={me} finished={module.resources.length > 0 && done >= module.resources.length} />
              <ProgressBar name={module.title} done={done} total={module.resources.length} />
              <ul className="courses-resources">
                {module.resources.map((resource) => (
                  <ResourceItem key={resource.id} resource={resource} cohortId={cohort.id} done={doneIds.has(resource.id)} ready={Boolean(progress.data)} />
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
